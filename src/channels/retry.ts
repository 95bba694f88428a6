import { backoffMs as backoff } from "../domain/backoff.js";
import type { SendFailure } from "../messaging/channel.js";

/**
 * The one retry vocabulary of the channels (STYLE.md "Retries are decided in one place"): each
 * platform client sorts its errors into a `CallFailure` kind, and `decide` alone says what follows.
 */
export interface RetryPolicy {
  /** First wait after a network error or a 5xx; doubles each attempt. */
  baseMs: number;
  /** First wait after a 429 that names no wait of its own (Zalo's never do); doubles each attempt. */
  rateLimitMs: number;
  /** No computed wait ever exceeds this (a platform's own `retry_after` is waited as given). */
  maxMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { baseMs: 1000, rateLimitMs: 5000, maxMs: 30_000 };

/**
 * The wait before the next try after failure number `attempt` (from 0): `baseMs`, then twice as long
 * each time, at most `maxMs` (the one backoff of `domain/backoff.ts`).
 *
 * @example backoffMs(2, { baseMs: 1000, maxMs: 30_000 }) // 4000
 */
export function backoffMs(attempt: number, policy: { baseMs: number; maxMs: number } = DEFAULT_RETRY): number {
  return backoff(attempt, policy);
}

/** What went wrong with one platform call, whatever the platform. */
export type CallFailure =
  | { kind: "transient"; detail: string } // network, 5xx, the platform's "internal error"
  /** `retryAfterMs` when the platform said how long (Telegram's `retry_after`). */
  | { kind: "rate_limited"; retryAfterMs?: number; detail?: string }
  | { kind: "unreachable"; detail: string } // blocked, deactivated, chat not found
  | { kind: "rejected"; detail: string } // our request was wrong: sending it again changes nothing
  | { kind: "fatal"; detail: string }; // the token refused (or, on Telegram, another poller): nothing works until an operator acts

export type RetryDecision =
  | { action: "retry"; delayMs: number }
  | { action: "fatal" }
  | { action: "give_up" };

/**
 * What to do after failure number `attempt` (from 0) of a call. Kinds it does not know (a platform's
 * own, such as Telegram's "not modified") are given up: their callers handle them first.
 *
 * @example decide({ kind: "rate_limited" }, 0) // { action: "retry", delayMs: 5000 }
 */
export function decide(failure: { kind: string; retryAfterMs?: number }, attempt: number, policy: RetryPolicy = DEFAULT_RETRY): RetryDecision {
  switch (failure.kind) {
    case "transient":
      return { action: "retry", delayMs: backoffMs(attempt, policy) };
    case "rate_limited":
      return { action: "retry", delayMs: failure.retryAfterMs ?? backoffMs(attempt, { baseMs: policy.rateLimitMs, maxMs: policy.maxMs }) };
    case "fatal":
      return { action: "fatal" };
    default:
      return { action: "give_up" };
  }
}

/**
 * The wait of a loop that must keep trying (polling, start-up): the decision's, or the longest one
 * where giving up would make it spin (a refused poll while a webhook is still set).
 */
export function loopDelayMs(decision: RetryDecision, policy: RetryPolicy = DEFAULT_RETRY): number {
  return decision.action === "retry" ? decision.delayMs : policy.maxMs;
}

/** The neutral send failure of a call failure that is not fatal to the whole channel. */
export function asSendFailure(failure: Exclude<CallFailure, { kind: "fatal" }>, policy: RetryPolicy = DEFAULT_RETRY): SendFailure {
  if (failure.kind === "rate_limited") return { kind: "rate_limited", retryAfterMs: failure.retryAfterMs ?? policy.rateLimitMs };
  return failure;
}

export interface CallOptions {
  /** Per-request timeout (a long poll passes its own, above its hold). */
  timeoutMs?: number;
  signal?: AbortSignal;
  /** Retry per `decide` this often before giving up (default: no retry). The wait ends early when `signal` aborts. */
  retries?: number;
  /** Once aborted, no further retry starts (the request itself runs on: `signal` would abort it). */
  stopRetrying?: AbortSignal;
  /** A 429 asking for a longer wait than this is given up at once (an interactive reply: the user can ask again). */
  maxRetryAfterMs?: number;
}

/** One call after the transformers below it: (method, payload, options) → result. */
export type CallFn = (method: string, payload: Record<string, unknown>, options: CallOptions) => Promise<unknown>;
/** Wraps the call, as grammY's `api.config.use` transformers do (logging, throttling, retry). */
export type Transformer = (next: CallFn, method: string, payload: Record<string, unknown>, options: CallOptions) => Promise<unknown>;

/**
 * Retry per `decide`, when the call asked for retries; a fatal or given-up error is thrown at once.
 * `classify` is the platform client's own sorting of its errors.
 */
export function retrying(
  classify: (error: unknown) => { kind: string; retryAfterMs?: number },
  policy: RetryPolicy,
  sleep: (ms: number, signal?: AbortSignal) => Promise<void> = wait,
): Transformer {
  return async (next, method, payload, options) => {
    const retries = options.retries ?? 0;
    for (let attempt = 0; ; attempt++) {
      try {
        return await next(method, payload, options);
      } catch (error) {
        if (attempt >= retries || options.signal?.aborted || options.stopRetrying?.aborted) throw error;
        const decision = decide(classify(error), attempt, policy);
        if (decision.action !== "retry") throw error;
        if (options.maxRetryAfterMs !== undefined && decision.delayMs > options.maxRetryAfterMs) throw error;
        await sleep(decision.delayMs, options.signal);
      }
    }
  };
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
