import type { Kysely } from "kysely";
import type { I18n, Locale, MessageArgs } from "../messaging/i18n.js";
import { isLocale } from "../messaging/i18n.js";
import { CONVERSATION_TTL_MS, parseState } from "../messaging/conversation.js";
import type { Choice, Reply } from "../messaging/message.js";
import { SEND_STOP_GRACE_MS, type Channel, type SendResult } from "../messaging/channel.js";
import { setAccountReachable } from "../db/chat-account.repository.js";
import { loadConversation, saveConversation } from "../db/conversation.repository.js";
import { releaseSessionLock, tryTakeSessionLock } from "../db/lock.repository.js";
import {
  bringQuietHeldForward,
  claimReady,
  HELD_FOR_QUIET,
  markFinal,
  markInFlight,
  markPartsSent,
  markRetry,
  markSent,
  nextAttemptAt,
  quietHeldUnits,
  releaseInFlight,
  type ClaimedRow,
} from "../db/outbox.repository.js";
import { accountLanguages } from "../db/schedule.repository.js";
import type { Database, Db } from "../db/schema.js";
import { backoffMs as backoff } from "../domain/backoff.js";
import { deferOutOfQuiet, heldUntil, type QuietHours } from "../domain/schedule/quiet-hours.js";
import type { Logger } from "../log.js";
import { AnnouncementProgress } from "./announcement-progress.js";
import { QuietHoursByOrg } from "./quiet-hours-by-org.js";
import { RateLimiter, type RateLimitPolicy } from "./rate-limit.js";
import { OutboxPayloadError, type OutboxMessage } from "../messaging/outbox-message.js";
import { renderOutboxMessage } from "../messaging/outbox-render.js";
import { fileDeliveryOf, type FileServing } from "../messaging/capabilities.js";
import { deliverableReplies } from "../services/file-delivery.service.js";

/** One sender at a time across all instances holds this session lock (PostgreSQL). */
export const SENDER_LOCK_ID = 0x63_68_69_73; // "chis"

export interface SenderOptions {
  db: Kysely<Database>;
  /** `pglite`: one process owns the data folder, so no lock is needed; `postgres`: an advisory lock. */
  engine: "pglite" | "postgres";
  channels: readonly Channel[];
  limits: ReadonlyMap<string, RateLimitPolicy>;
  /** A limiter shared with the channels' own replies (`App.sendLimiter`); a private one from `limits` when unset. */
  limiter?: RateLimiter;
  i18n: I18n;
  log: Logger;
  tz: string;
  localeDefault: Locale;
  /** The same quiet hours for every message (tests); unset, each message's unit's settings apply. */
  quietHours?: QuietHours;
  now?: () => Date;
  /** Waits between sends (rate limits); tests pass one that advances their clock. */
  sleep?: (ms: number) => Promise<void>;
  /** Rows claimed at once. */
  batchSize?: number;
  /**
   * Messages in flight at once (default 4): the platform's round trip does not set the pace. Only
   * these may reach their reader twice after a kill -9 (each row is marked just before its send).
   */
  concurrency?: number;
  /** Attempts before a transiently failing message is given up (`dead`). */
  maxAttempts?: number;
  /** Idle wait between drains when nothing kicks the sender. */
  idleMs?: number;
  /** Least time between two progress edits of one announcement. */
  progressIntervalMs?: number;
  /**
   * Replies added after a message's text, made at send time (a digest's chart, drawn from the data of
   * the moment). Wired from the top (main.ts): the charts sit above the scheduler. A failure sends the text alone.
   */
  illustrate?: Illustrator;
  /**
   * Where files can be served (links) or written (the console), as for chat turns: a message's picture
   * goes to Zalo by a served link; without a public URL, the channel says where to see it instead.
   */
  files?: FileServing;
}

/** What a message gets beside its text: its kind, payload and unit, the reader's language, the instant. */
export type Illustrator = (row: { message: OutboxMessage; orgId: number | null }, locale: Locale, now: Date) => Promise<Reply[]>;

export interface DrainStats {
  sent: number;
  retried: number;
  rateLimited: number;
  unreachable: number;
  stale: number;
  dead: number;
  /** Put back until the end of their unit's quiet hours. */
  deferred: number;
}

const BACKOFF_BASE_MS = 30_000;
const BACKOFF_CAP_MS = 30 * 60_000;
/** The shortest wait between drains when rows are waiting to retry. */
const MIN_WAKE_MS = 250;
/** Longer waits than this put the row back instead of holding the batch. */
const MAX_INLINE_WAIT_MS = 5_000;

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** The wait before retrying a message after its nth failed attempt (1-based): the one backoff, in minutes. */
export function backoffMs(attempt: number): number {
  return backoff(attempt - 1, { baseMs: BACKOFF_BASE_MS, maxMs: BACKOFF_CAP_MS });
}

/**
 * Drains the outbox: claims ready rows, renders them in the reader's language, sends them through
 * their channel within its rate limits, and records the outcome. Retries are decided here by error
 * kind (STYLE.md): transient → backoff with a cap, then `dead`; rate_limited → wait, not counted;
 * unreachable → `skipped` and the account marked; rejected → `dead` at once.
 */
export class OutboxSender {
  private readonly channels: Map<string, Channel>;
  private readonly limiter: RateLimiter;
  private readonly now: () => Date;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly batchSize: number;
  private readonly maxAttempts: number;
  private readonly concurrency: number;
  private readonly progress: AnnouncementProgress;
  private readonly quietHours: QuietHoursByOrg;
  private running: Promise<void> | undefined;
  private stopped = false;
  private wake: (() => void) | undefined;
  private kicked = false;
  private cutSends = new AbortController();

  constructor(private readonly options: SenderOptions) {
    this.channels = new Map(options.channels.map((c) => [c.name, c]));
    this.limiter = options.limiter ?? new RateLimiter(options.limits);
    this.now = options.now ?? (() => new Date());
    this.sleep = options.sleep ?? realSleep;
    this.batchSize = options.batchSize ?? 20;
    this.maxAttempts = options.maxAttempts ?? 6;
    this.concurrency = Math.max(1, options.concurrency ?? 4);
    this.quietHours = new QuietHoursByOrg(options.log, options.tz);
    this.progress = new AnnouncementProgress({
      channels: this.channels,
      limiter: this.limiter,
      i18n: options.i18n,
      localeDefault: options.localeDefault,
      log: options.log,
      sleep: this.sleep,
      now: this.now,
      ...(options.progressIntervalMs !== undefined ? { intervalMs: options.progressIntervalMs } : {}),
    });
  }

  /** Send every ready row now (rows inside their unit's quiet hours are put back). Call it holding the sender role. */
  async drainOnce(db: Db = this.options.db): Promise<DrainStats> {
    const stats: DrainStats = { sent: 0, retried: 0, rateLimited: 0, unreachable: 0, stale: 0, dead: 0, deferred: 0 };
    for (;;) {
      if (this.stopped) return stats;
      await this.readQuietHours(db);
      const rows = await claimReady(db, this.now(), this.batchSize, [...this.channels.keys()]);
      if (rows.length === 0) return stats;
      const languages = await accountLanguages(db, rows.flatMap((r) => (r.account_id === null ? [] : [r.account_id])));
      await this.sendBatch(db, rows, languages, stats);
      const announcements = rows.flatMap((r) => (r.announcement_id === null ? [] : [r.announcement_id]));
      // Final stats just queued are sent in this drain, not after the next idle wait.
      const statsQueued = announcements.length > 0 && (await this.progress.update(db, announcements, this.now()));
      if (rows.length < this.batchSize && !statsQueued) return stats;
    }
  }

  private quietHoursOf(orgId: number | null, now: Date): QuietHours {
    return this.options.quietHours ?? this.quietHours.of(orgId, now);
  }

  /**
   * Read the quiet hours in force with each batch (a settings change holds for the next message), and
   * when they changed — or on the first drain, after a restart — look again at the rows held under the
   * ones read before: each unit's rows go now if its quiet hours are over, else at their new end. A row
   * is never held longer than it was; one still inside the new hours is held again when claimed.
   */
  private async readQuietHours(db: Db): Promise<void> {
    if (this.options.quietHours || !(await this.quietHours.refresh(db))) return;
    const now = this.now();
    const byTime = new Map<number, (number | null)[]>();
    for (const unit of await quietHeldUnits(db, [...this.channels.keys()])) {
      const at = deferOutOfQuiet(now, this.quietHoursOf(unit.orgId, now), this.options.tz);
      if (at.getTime() < unit.next.getTime()) byTime.set(at.getTime(), [...(byTime.get(at.getTime()) ?? []), unit.orgId]);
    }
    let moved = 0;
    for (const [at, orgIds] of byTime) moved += await bringQuietHeldForward(db, orgIds, new Date(at));
    if (moved > 0) this.options.log.info({ moved }, "messages held for quiet hours looked at again under the settings in force");
  }

  /**
   * Send a batch with up to `concurrency` messages in flight (a round trip to the platform no longer
   * caps the pace). Each send takes its slot in the limiter when it starts, and the wait is checked
   * again after sleeping: timers may wake a little early, and a send into a full window is a 429.
   */
  private async sendBatch(db: Db, rows: readonly ClaimedRow[], languages: Map<number, string | null>, stats: DrainStats): Promise<void> {
    const inFlight = new Set<Promise<void>>();
    for (const row of rows) {
      if (await this.reserve(db, row, stats)) {
        const delivery: Promise<void> = this.deliver(db, row, languages, stats).finally(() => inFlight.delete(delivery));
        inFlight.add(delivery);
        if (inFlight.size >= this.concurrency) await Promise.race(inFlight);
      }
      if (row.announcement_id !== null) await this.progress.tick(db, row.announcement_id, this.now());
    }
    await Promise.all(inFlight);
  }

  /** Wait for the row's turn within the rate limits and take it; false when the row was put back or dropped. */
  private async reserve(db: Db, row: ClaimedRow, stats: DrainStats): Promise<boolean> {
    if (row.message instanceof OutboxPayloadError) {
      // Written before payloads were checked, or by hand: never rendered half-empty to a member.
      this.options.log.error({ outbox: row.id, kind: row.kind, problems: row.message.problems }, "outbox row does not hold what its kind says: dead");
      await markFinal(db, row.id, "dead", "invalid_payload");
      stats.dead++;
      return false;
    }
    if (row.expires_at && row.expires_at <= this.now()) {
      await markFinal(db, row.id, "skipped", "stale");
      stats.stale++;
      return false;
    }
    // Quiet hours of the row's unit (its province or commune may set its own): wait for the morning.
    const now = this.now();
    const held = heldUntil(now, { dueAt: row.due_at, attempts: row.attempts }, this.quietHoursOf(row.org_id, now), this.options.tz);
    if (held) {
      await markRetry(db, row.id, held, HELD_FOR_QUIET, false);
      stats.deferred++;
      return false;
    }
    const wait = await this.waitForSlot(row);
    if (wait > 0) {
      await markRetry(db, row.id, new Date(this.now().getTime() + wait), "rate_limited", false);
      stats.rateLimited++;
      return false;
    }
    // From here until markSent the row is in flight: a crash may send it once more. The batch keeps
    // at most `concurrency` rows here, and only these go again after a kill -9.
    await markInFlight(db, row.id, this.now());
    this.limiter.record(row.channel, row.chat_id, this.now().getTime());
    return true;
  }

  private async deliver(db: Db, row: ClaimedRow, languages: Map<number, string | null>, stats: DrainStats): Promise<void> {
    const channel = this.channels.get(row.channel) as Channel;
    const language = row.account_id === null ? null : languages.get(row.account_id);
    const locale: Locale = isLocale(language) ? language : this.options.localeDefault;
    const replies = renderOutboxMessage(this.options.i18n, locale, row.message as OutboxMessage, this.now(), this.options.tz);
    if (this.options.illustrate) {
      try {
        replies.push(...(await this.options.illustrate({ message: row.message as OutboxMessage, orgId: row.org_id }, locale, this.now())));
      } catch (error) {
        this.options.log.warn({ err: error, outbox: row.id, kind: row.kind }, "picture of a message not made: sending the text alone");
      }
    }
    await this.makeDeliverable(db, row, replies, locale);
    const result = await this.sendParts(db, channel, row, replies);
    const now = this.now();
    if (result.ok) {
      await markSent(db, row.id, now);
      stats.sent++;
      const choices = replies.findLast((r) => r.choices && r.choices.length > 0)?.choices;
      // Where the platform shows buttons, a press carries its action: nothing to remember.
      if (choices && !channel.capabilities.buttons) await this.rememberChoices(db, row.channel, row.chat_id, choices, now);
      return;
    }
    switch (result.kind) {
      case "rate_limited":
        this.limiter.pause(row.channel, now.getTime() + result.retryAfterMs);
        await markRetry(db, row.id, new Date(now.getTime() + result.retryAfterMs), "rate_limited", false);
        stats.rateLimited++;
        return;
      case "unreachable":
        await markFinal(db, row.id, "skipped", "unreachable");
        await setAccountReachable(db, row.channel, row.chat_id, false);
        stats.unreachable++;
        return;
      case "rejected":
        await markFinal(db, row.id, "dead", "rejected", true);
        this.options.log.error({ channel: row.channel, outbox: row.id, kind: row.kind }, "message refused by the platform: dead");
        stats.dead++;
        return;
      case "transient": {
        const attempt = row.attempts + 1;
        if (attempt >= this.maxAttempts) {
          await markFinal(db, row.id, "dead", "transient", true);
          stats.dead++;
        } else {
          await markRetry(db, row.id, new Date(now.getTime() + backoffMs(attempt)), "transient", true);
          stats.retried++;
        }
      }
    }
  }

  /**
   * Send the replies one by one from the first not yet delivered, counting each on the row: a digest's
   * text that went out before its chart hit a 429 is not sent again with the retry.
   */
  /**
   * Each part is a message to the platform, so each takes its own slot in the limits (a digest's
   * picture after its text waits its turn as another message would); `reserve` took the first one's.
   */
  private async sendParts(db: Db, channel: Channel, row: ClaimedRow, replies: Reply[]): Promise<SendResult> {
    const first = Math.min(row.parts_sent, replies.length);
    for (let part = first; part < replies.length; part++) {
      if (part > first) {
        const wait = await this.nextPartSlot(row);
        if (wait > 0) return { ok: false, kind: "rate_limited", retryAfterMs: wait };
      }
      let result: SendResult;
      try {
        result = await channel.send(row.chat_id, [replies[part]!], { signal: this.cutSends.signal });
      } catch (error) {
        this.options.log.warn({ err: error, channel: row.channel, outbox: row.id }, "channel send threw");
        result = { ok: false, kind: "transient", detail: "threw" };
      }
      if (!result.ok) return result;
      if (part + 1 < replies.length) await markPartsSent(db, row.id, part + 1);
    }
    return { ok: true };
  }

  /** `RateLimiter.waitTurn` of the row's chat: 0 when its turn has come, or the wait too long to hold the row (a 429's pause). */
  private waitForSlot(row: ClaimedRow): Promise<number> {
    return this.limiter.waitTurn(row.channel, row.chat_id, () => this.now().getTime(), this.sleep, MAX_INLINE_WAIT_MS);
  }

  /** Wait for a later part's slot and take it; a wait too long to hold the row is returned instead. */
  private async nextPartSlot(row: ClaimedRow): Promise<number> {
    const wait = await this.waitForSlot(row);
    if (wait === 0) this.limiter.record(row.channel, row.chat_id, this.now().getTime());
    return wait;
  }

  /**
   * The message's files made deliverable on its channel, the way a chat turn's are: served at a link
   * for Zalo, once per outbox row (a retry refreshes the same served file). Should that fail, the
   * files stay as they are and the channel shows their fallback text: the words still go out.
   */
  private async makeDeliverable(db: Db, row: ClaimedRow, replies: Reply[], locale: Locale): Promise<void> {
    if (!replies.some((r) => r.attachment)) return;
    const serving = this.options.files ?? {};
    const t = (id: string, args?: MessageArgs) => this.options.i18n.t(locale, id, args);
    try {
      await deliverableReplies(db, { channel: row.channel, chatId: row.chat_id, at: this.now(), outboxId: row.id, tz: this.options.tz }, replies, fileDeliveryOf(row.channel, serving), serving, t);
    } catch (error) {
      this.options.log.warn({ err: error, outbox: row.id, kind: row.kind }, "file of a message not served: sending its fallback text");
      for (const reply of replies) if (reply.attachment?.link) delete reply.attachment.link;
    }
  }

  /** Let a digit typed after a reminder pick its buttons, on channels without buttons. */
  private async rememberChoices(db: Db, channel: string, chatId: string, choices: Choice[], now: Date) {
    const stored = await loadConversation(db, channel, chatId, now);
    const state = stored && !stored.expired ? parseState(stored.state) : {};
    // A half-filled form that takes typed numbers keeps its meaning for digits.
    if (state.numeric) return;
    await saveConversation(db, channel, chatId, { ...state, choices }, new Date(now.getTime() + CONVERSATION_TTL_MS), now);
  }

  /**
   * Run until `stop()`: take the sender role (advisory lock on PostgreSQL), put rows a dead sender
   * left in flight back, then drain whenever kicked or every `idleMs`.
   */
  start(): void {
    if (this.running) return;
    this.stopped = false;
    this.cutSends = new AbortController();
    this.running = this.loop().catch((err) => this.options.log.error({ err }, "sender stopped on an error"));
  }

  /** Drain soon (after the planner wrote rows). A kick while the sender is busy is kept for its next wait. */
  kick(): void {
    this.kicked = true;
    this.wake?.();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.kick();
    const cut = setTimeout(() => this.cutSends.abort(), SEND_STOP_GRACE_MS);
    try {
      await this.running;
    } finally {
      clearTimeout(cut);
    }
    this.running = undefined;
  }

  /**
   * Wait `ms`, or until kicked or stopped; not at all when that happened since the last wait. A kick
   * (or stop) that came while the sender was querying its next wake time would otherwise be lost:
   * rows queued then would wait out `idleMs`, and a stop would overrun chibo's stop deadline.
   */
  private async idle(ms: number): Promise<void> {
    if (!this.kicked && !this.stopped) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, ms);
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.wake = undefined;
    }
    this.kicked = false;
  }

  private async loop(): Promise<void> {
    const idleMs = this.options.idleMs ?? 15_000;
    while (!this.stopped) {
      try {
        if (this.options.engine === "pglite") {
          await this.serve(this.options.db, idleMs);
        } else {
          // A session lock lives on one connection: hold one for as long as this instance is the sender.
          await this.options.db.connection().execute(async (conn) => {
            if (!(await tryTakeSessionLock(conn, SENDER_LOCK_ID))) return;
            try {
              await this.serve(conn, idleMs);
            } finally {
              await releaseSessionLock(conn, SENDER_LOCK_ID);
            }
          });
        }
      } catch (error) {
        this.options.log.error({ err: error }, "sender drain failed");
      }
      if (!this.stopped) await this.idle(idleMs);
    }
  }

  private async serve(db: Db, idleMs: number): Promise<void> {
    const released = await releaseInFlight(db);
    if (released.inFlight + released.unsent > 0) {
      // `inFlight` rows were being sent when the sender stopped: they may reach their reader twice.
      this.options.log.warn(released, "outbox rows left by a stopped sender: sending again");
    }
    await this.progress.resume(db, this.now());
    while (!this.stopped) {
      const stats = await this.drainOnce(db);
      if (stats.sent + stats.unreachable + stats.dead + stats.retried + stats.deferred > 0) this.options.log.info(stats, "outbox drained");
      if (!this.stopped) await this.idle(await this.nextWakeMs(db, idleMs));
    }
  }

  /** Until the next row waiting on a rate limit, a backoff or the end of quiet hours is ready, within `idleMs`. */
  private async nextWakeMs(db: Db, idleMs: number): Promise<number> {
    const now = this.now();
    const next = await nextAttemptAt(db, [...this.channels.keys()]);
    if (!next) return idleMs;
    return Math.min(idleMs, Math.max(MIN_WAKE_MS, next.getTime() - now.getTime()));
  }
}
