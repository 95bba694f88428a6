/** Waits after a network error, a 5xx or a rate limit: doubling from `baseMs`, never above `maxMs`. */
export interface BackoffPolicy {
  baseMs: number;
  maxMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 1000, maxMs: 30_000 };

/** Doublings beyond this change nothing (any wait is capped) and would overflow to Infinity. */
const MAX_DOUBLINGS = 20;

/**
 * The wait before the next try after failure number `attempt` (from 0): `baseMs`, then twice as long
 * each time, at most `maxMs`.
 *
 * @example backoffMs(2, { baseMs: 1000, maxMs: 30_000 }) // 4000
 */
export function backoffMs(attempt: number, policy: BackoffPolicy = DEFAULT_BACKOFF): number {
  return Math.min(policy.maxMs, policy.baseMs * 2 ** Math.max(0, Math.min(attempt, MAX_DOUBLINGS)));
}

/** Resolve after `ms`, or as soon as `signal` aborts. */
export function wait(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener("abort", done);
      resolve();
    }
    signal?.addEventListener("abort", done, { once: true });
  });
}
