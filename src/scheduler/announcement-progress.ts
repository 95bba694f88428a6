import type { I18n, Locale } from "../messaging/i18n.js";
import { isLocale } from "../messaging/i18n.js";
import { announcementProgressKey, progressText } from "../messaging/outbox-render.js";
import type { Channel } from "../messaging/channel.js";
import { announcementsSending, deliveryCounts, findAnnouncement, type DeliveryCounts } from "../db/announcement.repository.js";
import { languageOfChat } from "../db/chat-account.repository.js";
import type { Db } from "../db/schema.js";
import { PROGRESS_INTERVAL_MS } from "../domain/announcement.js";
import type { Logger } from "../log.js";
import { completeIfDone } from "../services/announcement.service.js";
import type { RateLimiter } from "./rate-limit.js";

/** The progress series of an announcement: the one message its author sees counting up (its "started" message). */
export const progressKey = announcementProgressKey;

export interface ProgressOptions {
  channels: ReadonlyMap<string, Channel>;
  limiter: RateLimiter;
  i18n: I18n;
  localeDefault: Locale;
  log: Logger;
  /** Waits for the chat's rate limit before an edit (a short wait; a longer one skips an edit on the way). */
  sleep: (ms: number) => Promise<void>;
  /** The clock the sleeps move (the sender's). */
  now: () => Date;
  intervalMs?: number;
}

/** The final edit waits this long at most for the author's chat to be free. */
const MAX_FINAL_WAIT_MS = 5_000;
/** An edit on the way waits this long at most (the channel's second, or the author's chat, a moment busy). */
const MAX_PROGRESS_WAIT_MS = 1_500;

/**
 * After the sender delivers a batch of announcement copies: edit the author's progress message
 * ("đã gửi 1.200/5.000") every few seconds where the channel can edit, and once nothing is left
 * waiting, queue the final delivery stats (through the outbox, so they are sent exactly once).
 */
export class AnnouncementProgress {
  private readonly lastShown = new Map<number, number>();
  private readonly intervalMs: number;

  constructor(private readonly options: ProgressOptions) {
    this.intervalMs = options.intervalMs ?? PROGRESS_INTERVAL_MS;
  }

  /** Announcements a stopped sender left unfinished: checked once when a sender starts. */
  async resume(db: Db, now: Date): Promise<boolean> {
    const open = await announcementsSending(db);
    return this.update(db, open.map((a) => a.id), now);
  }

  /** After one copy went out: edit the progress message if the last edit is old enough. */
  async tick(db: Db, id: number, now: Date): Promise<void> {
    const last = this.lastShown.get(id);
    // The first copies start the clock: the author's confirmation goes out before any progress.
    if (last === undefined) {
      this.lastShown.set(id, now.getTime());
      return;
    }
    if (now.getTime() - last < this.intervalMs) return;
    const counts = await deliveryCounts(db, id);
    if (counts.pending === 0) return; // the batch's end finishes it
    if (await this.show(db, id, counts, false)) this.lastShown.set(id, now.getTime());
  }

  /** Update the given announcements; true when final stats were queued (the sender drains again). */
  async update(db: Db, ids: Iterable<number>, now: Date): Promise<boolean> {
    let queued = false;
    for (const id of new Set(ids)) {
      const { finished, counts } = await completeIfDone(db, id, now);
      if (!finished) continue;
      queued = true;
      // Bring the author's message to its last line, even when it went too fast for any progress:
      // it then says what happened instead of waiting for counts that will not come.
      await this.show(db, id, counts, true);
      this.lastShown.delete(id);
    }
    return queued;
  }

  /** Edit the author's progress message; skipped where the channel cannot edit or must wait. */
  private async show(db: Db, id: number, counts: DeliveryCounts, done: boolean): Promise<boolean> {
    const a = await findAnnouncement(db, id);
    if (!a) return false;
    const channel = this.options.channels.get(a.origin_channel);
    if (!channel || !channel.capabilities.edits) return false;
    const chatId = a.origin_chat_id;
    // A large announcement's copies fill every second the channel allows: an edit waits its turn as a copy does (a
    // short wait; skipping whenever the second was full would leave the count still until the end). It takes a
    // turn each few seconds, no more.
    const { limiter, sleep } = this.options;
    const clock = () => this.options.now().getTime();
    if ((await limiter.waitTurn(a.origin_channel, chatId, clock, sleep, done ? MAX_FINAL_WAIT_MS : MAX_PROGRESS_WAIT_MS)) > 0) return false;
    const at = clock();
    const language = await languageOfChat(db, a.origin_channel, chatId);
    const locale: Locale = isLocale(language) ? language : this.options.localeDefault;
    const { i18n } = this.options;
    const text = progressText((id, args) => i18n.t(locale, id, args), a.recipients, counts, done);
    try {
      const title = i18n.t(locale, done ? "announce-progress-title-done" : "announce-progress-title");
      const result = await channel.send(chatId, [{ title, text, editKey: progressKey(id), editOnly: true }]);
      this.options.limiter.record(a.origin_channel, chatId, at);
      return result.ok;
    } catch (error) {
      this.options.log.warn({ err: error, announcement: id }, "announcement progress not shown");
      return false;
    }
  }
}
