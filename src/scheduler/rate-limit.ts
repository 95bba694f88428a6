import { isGroupChatId } from "../messaging/channel.js";

/** A channel's sending limits (Telegram Bot API FAQ; Zalo's documented rate). */
export interface RateLimitPolicy {
  /** Messages per second over the whole bot. */
  perSecond: number;
  /** Minimum gap between two messages to one chat. */
  perChatIntervalMs?: number;
  /** Messages per minute to one group chat. */
  perGroupPerMinute?: number;
}

/** Telegram: 30 messages per second overall, 1 per second per chat, 20 per minute per group. */
export const TELEGRAM_LIMITS: RateLimitPolicy = { perSecond: 30, perChatIntervalMs: 1000, perGroupPerMinute: 20 };

/** Zalo Bot API: `ZALO_RATE_PER_SECOND` overall, and (like Telegram) one per second per chat. */
export function zaloLimits(perSecond: number): RateLimitPolicy {
  return { perSecond, perChatIntervalMs: 1000 };
}

/** Every channel's policy, keyed by channel name. */
export function sendPolicies(zaloPerSecond: number): Map<string, RateLimitPolicy> {
  return new Map<string, RateLimitPolicy>([
    ["telegram", TELEGRAM_LIMITS],
    ["zalo", zaloLimits(zaloPerSecond)],
  ]);
}

/**
 * Windows are held this much longer than the platform's: a request leaves when its slot starts but
 * arrives a little later, and arrivals bunched by network and event-loop jitter must not fill the
 * platform's window (each 429 stops the whole channel for at least a second).
 */
export const JITTER_MARGIN_MS = 25;
const SECOND = 1000 + JITTER_MARGIN_MS;
const MINUTE = 60_000 + JITTER_MARGIN_MS;

/**
 * Sliding-window limiter for one sender process (the only one sending, by the advisory lock).
 * `delayMs` says how long to wait before the next message to a chat; `record` counts a send;
 * `pause` holds a whole channel after a 429.
 */
export class RateLimiter {
  private readonly sent = new Map<string, number[]>();
  private readonly lastToChat = new Map<string, number>();
  private readonly groupSent = new Map<string, number[]>();
  private readonly pausedUntil = new Map<string, number>();

  constructor(private readonly policies: ReadonlyMap<string, RateLimitPolicy>) {}

  delayMs(channel: string, chatId: string, now: number): number {
    const isGroup = isGroupChatId(chatId);
    const policy = this.policies.get(channel);
    let wait = Math.max(0, (this.pausedUntil.get(channel) ?? 0) - now);
    if (!policy) return wait;
    const window = prune(this.sent.get(channel), now - SECOND);
    if (window.length >= policy.perSecond) wait = Math.max(wait, (window[window.length - policy.perSecond] as number) + SECOND - now);
    if (policy.perChatIntervalMs) {
      const last = this.lastToChat.get(`${channel}:${chatId}`);
      if (last !== undefined) wait = Math.max(wait, last + policy.perChatIntervalMs + JITTER_MARGIN_MS - now);
    }
    if (isGroup && policy.perGroupPerMinute) {
      const group = prune(this.groupSent.get(`${channel}:${chatId}`), now - MINUTE);
      if (group.length >= policy.perGroupPerMinute) wait = Math.max(wait, (group[group.length - policy.perGroupPerMinute] as number) + MINUTE - now);
    }
    return Math.max(0, wait);
  }

  /**
   * Sleep until the chat and channel have room within the limits (checked again after each sleep: timers may wake a
   * little early); 0 then, or the wait when it is longer than `maxMs` (the caller gives up the slot). The slot is not
   * taken: the caller records it.
   */
  async waitTurn(channel: string, chatId: string, now: () => number, sleep: (ms: number) => Promise<void>, maxMs: number): Promise<number> {
    for (;;) {
      const wait = this.delayMs(channel, chatId, now());
      if (wait <= 0) return 0;
      if (wait > maxMs) return wait;
      await sleep(wait);
    }
  }

  record(channel: string, chatId: string, now: number): void {
    const isGroup = isGroupChatId(chatId);
    const window = prune(this.sent.get(channel), now - SECOND);
    window.push(now);
    this.sent.set(channel, window);
    this.lastToChat.set(`${channel}:${chatId}`, now);
    if (isGroup) {
      const key = `${channel}:${chatId}`;
      const group = prune(this.groupSent.get(key), now - MINUTE);
      group.push(now);
      this.groupSent.set(key, group);
    }
    if (this.lastToChat.size > 50_000) this.lastToChat.clear(); // a 1 s gap needs no long memory
  }

  pause(channel: string, until: number): void {
    this.pausedUntil.set(channel, Math.max(until, this.pausedUntil.get(channel) ?? 0));
  }
}

function prune(list: number[] | undefined, after: number): number[] {
  if (!list) return [];
  let i = 0;
  while (i < list.length && (list[i] as number) <= after) i++;
  return i === 0 ? list : list.slice(i);
}
