/** Doublings beyond this change nothing (any wait is capped) and would overflow to Infinity. */
const MAX_DOUBLINGS = 20;

/**
 * The one capped exponential backoff: the wait before the next try after failure number `attempt`
 * (from 0) is `baseMs`, then twice as long each time, at most `maxMs`. The channels retry calls by
 * it (seconds), the outbox sender retries messages by it (minutes).
 *
 * @example backoffMs(2, { baseMs: 1000, maxMs: 30_000 }) // 4000
 */
export function backoffMs(attempt: number, policy: { baseMs: number; maxMs: number }): number {
  return Math.min(policy.maxMs, policy.baseMs * 2 ** Math.max(0, Math.min(attempt, MAX_DOUBLINGS)));
}
