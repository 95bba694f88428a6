import type { Db } from "../db/schema.js";
import { claimUnsentReplies, markTurnRepliesSent, releaseReplyClaims, type PendingTurn } from "../db/turn-reply.repository.js";
import { SEND_STOP_GRACE_MS, type Channel } from "../messaging/channel.js";
import type { Logger } from "../log.js";

/** How often the sweep looks for replies whose claim ran out. */
export const REPLY_SWEEP_INTERVAL_MS = 5000;
/** Turns claimed per look, per channel. */
const SWEEP_BATCH = 50;

export interface ReplySweepOptions {
  db: Db;
  channels: readonly Channel[];
  log: Logger;
  /**
   * No other process uses this database (the embedded database's folder lock): claims left at start
   * belong to a process that died, and are freed at once instead of running out.
   */
  exclusive: boolean;
  intervalMs?: number;
}

/**
 * Sends the stored replies of turns that never got them: the process died between the turn's commit
 * and the send, or the platform was unreachable then. At start and every REPLY_SWEEP_INTERVAL_MS it
 * claims turns whose claim ran out (`claimUnsentReplies`, a guarded update: the redelivery path and a
 * second instance never get the same turn) and sends their replies through the channel, recording
 * each as the platform accepts it.
 */
export class ReplySweep {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> | undefined;
  private stopped = false;
  private readonly cutSends = new AbortController();

  constructor(private readonly options: ReplySweepOptions) {}

  /** Free a dead process's claims (when exclusive), sweep once, then keep sweeping. Idempotent. */
  start(): void {
    if (this.timer || this.stopped) return;
    const { db, exclusive, log, intervalMs = REPLY_SWEEP_INTERVAL_MS } = this.options;
    this.running = (async () => {
      if (exclusive) {
        const freed = await releaseReplyClaims(db).catch(() => 0);
        if (freed > 0) log.info({ freed }, "replies left by a stopped process: sending them now");
      }
      await this.runOnce();
    })();
    this.timer = setInterval(() => {
      if (this.running) return;
      this.running = this.runOnce().finally(() => (this.running = undefined));
    }, intervalMs);
    this.timer.unref();
    void this.running.finally(() => (this.running = undefined));
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    // A reply cut here is not marked sent: the next start's sweep sends it.
    const cut = setTimeout(() => this.cutSends.abort(), SEND_STOP_GRACE_MS);
    try {
      await this.running?.catch(() => {});
    } finally {
      clearTimeout(cut);
    }
  }

  /** One sweep over every channel; returns how many replies went out. Never throws. */
  async runOnce(): Promise<number> {
    let sent = 0;
    for (const channel of this.options.channels) {
      try {
        for (;;) {
          if (this.stopped) return sent;
          const turns = await claimUnsentReplies(this.options.db, channel.name, SWEEP_BATCH);
          for (const turn of turns) sent += await this.deliver(channel, turn);
          if (turns.length < SWEEP_BATCH) break;
        }
      } catch (error) {
        this.options.log.warn({ err: error, channel: channel.name }, "reply sweep failed; trying again later");
      }
    }
    if (sent > 0) this.options.log.info({ sent }, "unsent replies delivered");
    return sent;
  }

  private async deliver(channel: Channel, turn: PendingTurn): Promise<number> {
    const total = turn.sent + turn.replies.length;
    let count = 0;
    for (const reply of turn.replies) {
      const result = await channel.send(turn.chatId, [reply], { signal: this.cutSends.signal });
      if (!result.ok) {
        // Refused for good: done with it. Otherwise the claim runs out and a later sweep tries again.
        if (result.kind === "unreachable" || result.kind === "rejected") await markTurnRepliesSent(this.options.db, turn.id, total, total);
        return count;
      }
      count += 1;
      await markTurnRepliesSent(this.options.db, turn.id, turn.sent + count, total);
    }
    return count;
  }
}
