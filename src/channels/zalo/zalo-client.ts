import axios, { type AxiosInstance } from "axios";
import { scrubSecrets, type Logger } from "../../log.js";
import type { SendFailure } from "../../messaging/channel.js";
import { asSendFailure, DEFAULT_RETRY, retrying, type CallFailure, type CallFn, type CallOptions, type RetryPolicy, type Transformer } from "../retry.js";

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

const HTTP_UNAUTHORIZED = 401;
const ZALO_INTERNAL_ERROR = 403; // sic: Zalo's error table lists 403 as an internal server error
const HTTP_NOT_FOUND = 404;
const HTTP_REQUEST_TIMEOUT = 408;
const HTTP_TOO_MANY_REQUESTS = 429;

/** What a failed call came to, or `idle`: a long poll that simply got nothing (not an error). */
export type ZaloFailure = CallFailure | { kind: "idle" };

/**
 * Sort any error of a call into the channels' failure kinds (`retry.ts` decides what follows).
 * Zalo documents no "blocked" error; a 404 on a send to a chat id is the closest ("not found").
 *
 * @example decide(classify(new ZaloApiError("sendMessage", 429, "quota exceeded")), 0) // { action: "retry", delayMs: 5000 }
 */
export function classify(error: unknown): ZaloFailure {
  const detail = error instanceof Error ? error.message : String(error);
  if (error instanceof ZaloNetworkError) return { kind: "transient", detail };
  if (!(error instanceof ZaloApiError)) return { kind: "rejected", detail };
  if (error.code === HTTP_REQUEST_TIMEOUT && error.method === "getUpdates") return { kind: "idle" };
  if (error.code === HTTP_UNAUTHORIZED) return { kind: "fatal", detail: `${error.code} ${error.description}` };
  if (error.code === HTTP_TOO_MANY_REQUESTS) return { kind: "rate_limited", detail };
  if (error.code === ZALO_INTERNAL_ERROR || error.code === HTTP_REQUEST_TIMEOUT || error.code >= 500) return { kind: "transient", detail };
  if (error.code === HTTP_NOT_FOUND && error.method.startsWith("send")) return { kind: "unreachable", detail: `${error.code} ${error.description}` };
  return { kind: "rejected", detail };
}

/** The neutral send failure for an error, so the reminders sender can decide per kind (a refused token: rejected). */
export function sendFailureOf(error: unknown, policy: RetryPolicy = DEFAULT_RETRY): SendFailure {
  const failure = classify(error);
  if (failure.kind === "fatal" || failure.kind === "idle") return { kind: "rejected", detail: error instanceof Error ? error.message : String(error) };
  return asSendFailure(failure, policy);
}

export interface ZaloClientOptions {
  token: string;
  apiRoot?: string;
  /** Per-request timeout; getUpdates passes its own, above its poll timeout. */
  timeoutMs?: number;
  log?: Logger;
  policy?: RetryPolicy;
}

const DEFAULT_TIMEOUT_MS = 15_000;
/** sendPhoto waits while Zalo fetches the picture from our server. */
export const SEND_PHOTO_TIMEOUT_MS = 60_000;

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
    this.policy = options.policy ?? DEFAULT_RETRY;
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
    this.use(retrying(classify, this.policy));
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
      if (classify(error).kind === "idle") return null;
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

  /**
   * A picture by its public URL. Zalo fetches the URL while the call runs (and clients may fetch it
   * again later, so the URL must keep working): the call is given a long timeout.
   */
  sendPhoto(payload: { chat_id: string; photo: string; caption?: string }, options: CallOptions = {}) {
    return this.call<ZaloSent>("sendPhoto", payload, { timeoutMs: SEND_PHOTO_TIMEOUT_MS, ...options });
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
