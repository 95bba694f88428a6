import axios, { type AxiosInstance } from "axios";
import { scrubSecrets, type Logger } from "../../log.js";
import type { SendFailure } from "../../messaging/channel.js";
import { backoffMs, wait } from "../retry.js";

/** Zalo's own host; `ZALO_API_ROOT` overrides it (the legacy `bot-api.zapps.me`, a test fake). */
export const ZALO_DEFAULT_API_ROOT = "https://bot-api.zaloplatforms.com";

/** The API said no: `ok:false` with its code (or the HTTP status when the body carries none). */
export class ZaloApiError extends Error {
  override readonly name = "ZaloApiError";
  constructor(
    readonly method: string,
    readonly code: number,
    readonly description: string,
  ) {
    super(`Zalo ${method} failed: ${code} ${description}`);
  }
}

/** The request never got an envelope back: refused connection, timeout, reset, abort. */
export class ZaloNetworkError extends Error {
  override readonly name = "ZaloNetworkError";
  constructor(
    readonly method: string,
    message: string,
    /** The low-level code (`ECONNREFUSED`, `ECONNABORTED`, `ERR_CANCELED`), never the request itself. */
    readonly code: string | undefined,
  ) {
    super(`Zalo ${method} network error: ${message}`);
  }
}

/** Our handler threw while processing an update; carries which update, never its content. */
export class ZaloHandlerError extends Error {
  override readonly name = "ZaloHandlerError";
  constructor(
    readonly updateId: string | undefined,
    cause: unknown,
  ) {
    super(`handling Zalo update ${updateId ?? "?"} failed`, { cause });
  }
}

export type ZaloError = ZaloApiError | ZaloNetworkError;

export interface RetryPolicy {
  /** First wait after a network error, a 5xx or Zalo's 403 "internal error"; doubles each attempt. */
  baseDelayMs: number;
  /** First wait after a 429 (no figure is published; Hermes waits 30 s). */
  rateLimitDelayMs: number;
  /** No wait ever exceeds this. */
  maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { baseDelayMs: 1000, rateLimitDelayMs: 5000, maxDelayMs: 30_000 };

export type RetryDecision =
  | { action: "retry"; delayMs: number }
  /** An idle long poll: not an error. */
  | { action: "no_update" }
  /** The token is wrong or revoked: nothing will work until an operator fixes it. */
  | { action: "fatal" }
  /** Our request was wrong (400, 404, a validation error): sending it again changes nothing. */
  | { action: "give_up" };

const HTTP_UNAUTHORIZED = 401;
const ZALO_INTERNAL_ERROR = 403; // sic: Zalo's error table lists 403 as an internal server error
const HTTP_NOT_FOUND = 404;
const HTTP_REQUEST_TIMEOUT = 408;
const HTTP_TOO_MANY_REQUESTS = 429;

function backoff(first: number, attempt: number, policy: RetryPolicy): number {
  return backoffMs(attempt, { baseMs: first, maxMs: policy.maxDelayMs });
}

/**
 * The one place that decides what to do after a failed call, by error kind (STYLE.md "Retries are
 * decided in one place"). `attempt` counts from 0 for the first failure.
 *
 * @example decide(new ZaloApiError("sendMessage", 429, "quota exceeded"), 0) // { action: "retry", delayMs: 5000 }
 */
export function decide(error: unknown, attempt: number, policy: RetryPolicy = DEFAULT_RETRY_POLICY): RetryDecision {
  if (error instanceof ZaloNetworkError) return { action: "retry", delayMs: backoff(policy.baseDelayMs, attempt, policy) };
  if (!(error instanceof ZaloApiError)) return { action: "give_up" };
  if (error.code === HTTP_REQUEST_TIMEOUT && error.method === "getUpdates") return { action: "no_update" };
  if (error.code === HTTP_UNAUTHORIZED) return { action: "fatal" };
  if (error.code === HTTP_TOO_MANY_REQUESTS) return { action: "retry", delayMs: backoff(policy.rateLimitDelayMs, attempt, policy) };
  if (error.code === ZALO_INTERNAL_ERROR || error.code === HTTP_REQUEST_TIMEOUT || error.code >= 500) {
    return { action: "retry", delayMs: backoff(policy.baseDelayMs, attempt, policy) };
  }
  return { action: "give_up" };
}

/**
 * The neutral send failure for an error, so the reminders sender can decide per kind.
 * Zalo documents no "blocked" error; a 404 on a send to a chat id is the closest ("not found").
 */
export function sendFailureOf(error: unknown, policy: RetryPolicy = DEFAULT_RETRY_POLICY): SendFailure {
  if (error instanceof ZaloApiError) {
    if (error.code === HTTP_TOO_MANY_REQUESTS) return { kind: "rate_limited", retryAfterMs: policy.rateLimitDelayMs };
    if (error.code === HTTP_NOT_FOUND && error.method.startsWith("send")) {
      return { kind: "unreachable", detail: `${error.code} ${error.description}` };
    }
  }
  const decision = decide(error, 0, policy);
  const detail = error instanceof Error ? error.message : String(error);
  if (decision.action === "retry") return { kind: "transient", detail };
  return { kind: "rejected", detail };
}

export interface ZaloClientOptions {
  token: string;
  apiRoot?: string;
  /** Per-request timeout; getUpdates passes its own, above its poll timeout. */
  timeoutMs?: number;
  log?: Logger;
  policy?: RetryPolicy;
}

export interface CallOptions {
  timeoutMs?: number;
  signal?: AbortSignal;
  /** Retry per `decide` before giving up (default: no retry). The wait ends early when `signal` aborts. */
  retries?: number;
}

/** One call after the transformers below it: (method, payload, options) → result. */
export type CallFn = (method: string, payload: Record<string, unknown>, options: CallOptions) => Promise<unknown>;
/** Wraps the call, as grammY's `api.config.use` transformers do (logging, throttling, retry). */
export type Transformer = (next: CallFn, method: string, payload: Record<string, unknown>, options: CallOptions) => Promise<unknown>;

const DEFAULT_TIMEOUT_MS = 15_000;

/** getMe's result (docs fields; newer clients also read `display_name`). */
export interface ZaloBotInfo {
  id: string;
  account_name?: string;
  display_name?: string;
}

export interface ZaloSent {
  message_id: string;
  date: number;
}

/**
 * The Zalo Bot API over axios. Every call goes through `call(method, payload)`: POST JSON to
 * `${apiRoot}/bot${token}/${method}`, the envelope decoded whatever the HTTP status, errors as
 * ZaloApiError / ZaloNetworkError with the token scrubbed from every message.
 */
export class ZaloClient {
  private readonly http: AxiosInstance;
  private readonly token: string;
  readonly policy: RetryPolicy;
  private readonly log: Logger | undefined;
  private chain: CallFn;

  constructor(options: ZaloClientOptions) {
    this.token = options.token;
    this.policy = options.policy ?? DEFAULT_RETRY_POLICY;
    this.log = options.log;
    this.http = axios.create({
      baseURL: `${(options.apiRoot ?? ZALO_DEFAULT_API_ROOT).replace(/\/+$/, "")}/bot${options.token}/`,
      timeout: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      headers: { "content-type": "application/json" },
      // The HTTP status sent with ok:false is undocumented: read the body whatever it is.
      validateStatus: () => true,
      // The body is decoded by hand so an HTML error page becomes a ZaloApiError, not a parse crash.
      responseType: "text",
      transformResponse: (data: unknown) => data,
      maxRedirects: 0,
    });
    this.chain = (method, payload, opts) => this.raw(method, payload, opts);
    this.use(retrying(this.policy, (ms, signal) => wait(ms, signal)));
  }

  /** Install a transformer around every call (the last installed runs first). */
  use(transformer: Transformer): this {
    const next = this.chain;
    this.chain = (method, payload, opts) => transformer(next, method, payload, opts);
    return this;
  }

  /**
   * Call a Bot API method; resolves with `result` (undefined when the envelope has none).
   *
   * @example await client.call("sendMessage", { chat_id, text })
   */
  call<T = unknown>(method: string, payload: Record<string, unknown> = {}, options: CallOptions = {}): Promise<T> {
    return this.chain(method, payload, options) as Promise<T>;
  }

  /** Remove the token (and anything else secret) from a string headed for a log or an error. */
  scrub(text: string): string {
    return scrubSecrets(text, [this.token]);
  }

  getMe(options?: CallOptions) {
    return this.call<ZaloBotInfo>("getMe", {}, options);
  }

  /** Long poll: one update, or null when none came within `timeoutS` (an empty result, `{}` or a 408). */
  async getUpdates(timeoutS: number, signal?: AbortSignal): Promise<unknown> {
    try {
      // The client must outlast the server's hold, or every idle poll would look like a network failure.
      return await this.call("getUpdates", { timeout: timeoutS }, { timeoutMs: (timeoutS + 10) * 1000, ...(signal ? { signal } : {}) });
    } catch (error) {
      if (decide(error, 0, this.policy).action === "no_update") return null;
      throw error;
    }
  }

  setWebhook(url: string, secretToken: string, options?: CallOptions) {
    return this.call("setWebhook", { url, secret_token: secretToken }, options);
  }

  deleteWebhook(options?: CallOptions) {
    return this.call("deleteWebhook", {}, options);
  }

  sendMessage(payload: { chat_id: string; text: string; text_styles?: unknown[] }, options?: CallOptions) {
    return this.call<ZaloSent>("sendMessage", payload, options);
  }

  sendChatAction(chatId: string, action: "typing" | "upload_photo", options?: CallOptions) {
    return this.call("sendChatAction", { chat_id: chatId, action }, options);
  }

  private async raw(method: string, payload: Record<string, unknown>, options: CallOptions): Promise<unknown> {
    const started = Date.now();
    let response;
    try {
      response = await this.http.post<string>(method, JSON.stringify(payload), {
        ...(options.timeoutMs !== undefined ? { timeout: options.timeoutMs } : {}),
        ...(options.signal ? { signal: options.signal } : {}),
      });
    } catch (error) {
      const e = error as { message?: string; code?: string };
      // Never keep axios' error: its config holds the URL, and so the token.
      throw new ZaloNetworkError(method, this.scrub(String(e.message ?? error)), e.code);
    }
    const envelope = decodeEnvelope(response.data);
    this.log?.debug({ method, status: response.status, ok: envelope?.ok, ms: Date.now() - started }, "zalo call");
    if (envelope?.ok === true) return envelope.result;
    const code = envelope?.error_code ?? envelope?.errorCode ?? response.status;
    const description = envelope?.description ?? (envelope ? "no description" : `HTTP ${response.status}, not a Zalo envelope`);
    // 2xx without ok:true is still a failure; keep a code that classifies as "our request was wrong".
    throw new ZaloApiError(method, code >= 200 && code < 300 ? 400 : code, this.scrub(description.slice(0, 300)));
  }
}

interface Envelope {
  ok: boolean;
  result?: unknown;
  error_code?: number;
  errorCode?: number;
  description?: string;
}

/** Parse a body as the Bot API envelope; undefined when it is not one (an HTML error page). */
export function decodeEnvelope(body: unknown): Envelope | undefined {
  let value = body;
  if (typeof body === "string") {
    try {
      value = JSON.parse(body);
    } catch {
      return undefined;
    }
  }
  if (!value || typeof value !== "object" || typeof (value as Envelope).ok !== "boolean") return undefined;
  const v = value as Record<string, unknown>;
  const num = (x: unknown) => (typeof x === "number" && Number.isFinite(x) ? x : typeof x === "string" && /^\d+$/.test(x) ? Number(x) : undefined);
  const errorCode = num(v.error_code) ?? num(v.errorCode);
  return {
    ok: v.ok as boolean,
    result: v.result,
    ...(errorCode !== undefined ? { error_code: errorCode } : {}),
    ...(typeof v.description === "string" ? { description: v.description } : {}),
  };
}

/** Retry per `decide`, when the call asked for retries. A fatal or give-up error is thrown at once. */
export function retrying(policy: RetryPolicy, sleep: (ms: number, signal?: AbortSignal) => Promise<void>): Transformer {
  return async (next, method, payload, options) => {
    const retries = options.retries ?? 0;
    for (let attempt = 0; ; attempt++) {
      try {
        return await next(method, payload, options);
      } catch (error) {
        const decision = decide(error, attempt, policy);
        if (decision.action !== "retry" || attempt >= retries || options.signal?.aborted) throw error;
        await sleep(decision.delayMs, options.signal);
      }
    }
  };
}
