import { request as httpRequest, type Agent } from "node:http";
import { request as httpsRequest } from "node:https";
import { createRequire } from "node:module";
import { brotliDecompress, gunzip, inflate, inflateRaw } from "node:zlib";
import { Api, Bot, GrammyError, HttpError, type InputFile } from "grammy";
import type { BotCommand, Message, Update, UserFromGetMe } from "grammy/types";
import { scrubSecrets } from "../../log.js";
import type { SendFailure } from "../../messaging/channel.js";
import { DEFAULT_RETRY, retrying, type CallFn, type CallOptions, type RetryPolicy, type Transformer } from "../retry.js";

/** Telegram's own Bot API server; `TELEGRAM_API_ROOT` overrides it (a self-hosted server, a test fake). */
export const TELEGRAM_DEFAULT_API_ROOT = "https://api.telegram.org";

export interface TelegramClientOptions {
  token: string;
  /** Without a trailing slash (grammY refuses one). */
  apiRoot?: string;
  /** Skip getMe (tests that know the bot). */
  botInfo?: UserFromGetMe;
  /** Per-request timeout; getUpdates waits its long-poll timeout on top of it. */
  timeoutSeconds?: number;
  /** Waits between retries of a call that asked for them. */
  policy?: RetryPolicy;
}

/** Telegram's 429 always names its wait; should one not, this is it. */
const RATE_LIMIT_FALLBACK_MS = DEFAULT_RETRY.baseMs;

/** Every call gives up after this; a long poll adds its own timeout (grammY's default is 500 s). */
const DEFAULT_TIMEOUT_S = 60;

function clientConfig(options: TelegramClientOptions) {
  return {
    apiRoot: (options.apiRoot ?? TELEGRAM_DEFAULT_API_ROOT).replace(/\/+$/, ""),
    timeoutSeconds: options.timeoutSeconds ?? DEFAULT_TIMEOUT_S,
    fetch: envelopeFetch(options.token),
  };
}

type NodeFetch = (url: unknown, init?: unknown) => Promise<{ status: number; text(): Promise<string> }>;
/** The fetch grammY uses on Node (its own node-fetch), for file uploads: requests go out exactly as grammY makes them. */
const grammyFetch = createRequire(createRequire(import.meta.url).resolve("grammy"))("node-fetch") as NodeFetch;
/** How much of an unexpected answer's body is kept for the log. */
const BODY_SNIPPET = 200;

/**
 * grammY reads every answer as a Bot API envelope (`{ok, result}` or `{ok: false, error_code,
 * description}`); a server that answers otherwise — a proxy's error page, a self-hosted server's 404
 * for a method it lacks, JSON of its own — left "undefined" for the code and description. Such an
 * answer becomes an envelope here with the HTTP status as its code and the start of its body (the
 * token scrubbed) as its description, so a refusal is logged as what the server said.
 */
export function envelopeOf(status: number, body: string, token?: string): unknown {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    parsed = undefined;
  }
  const envelope = parsed as { ok?: unknown; error_code?: unknown; description?: unknown } | undefined;
  if (envelope && typeof envelope === "object" && (envelope.ok === true || (envelope.ok === false && typeof envelope.error_code === "number"))) return parsed;
  const snippet = scrubSecrets(body.trim().replace(/\s+/g, " ").slice(0, BODY_SNIPPET), [token]);
  return { ok: false, error_code: status, description: `HTTP ${status}${snippet ? `: ${snippet}` : ""}` };
}

function envelopeFetch(token: string): typeof fetch {
  return (async (url: unknown, init?: unknown) => {
    const options = init as JsonRequest | undefined;
    const { status, body } =
      typeof url === "string" && options && typeof options.body === "string" && /^https?:/.test(url)
        ? await jsonRequest(url, options as JsonRequest & { body: string })
        : await grammyFetch(url, init).then(async (response) => ({ status: response.status, body: await response.text() }));
    return { json: async () => envelopeOf(status, body, token) };
  }) as unknown as typeof fetch;
}

/** What grammY hands its fetch for a call (`createJsonPayload` and the client's base config). */
interface JsonRequest {
  method?: string;
  headers?: Record<string, string>;
  body?: unknown;
  /** grammY's keep-alive agent for the API root. */
  agent?: Agent;
  compress?: boolean;
  signal?: { aborted: boolean; addEventListener(type: "abort", listener: () => void): void; removeEventListener(type: "abort", listener: () => void): void };
}

/** Why a request was given up: grammY's timeout or the caller's signal (named as node-fetch names it). */
class AbortError extends Error {
  override readonly name = "AbortError";
  readonly type = "aborted";
}

/**
 * A call whose payload is JSON (every call but a file upload), straight on `node:http(s)` with grammY's
 * own keep-alive agent, headers and abort signal: what node-fetch did for it, without building its
 * Request, Headers, Body and Response objects (a third of a call's CPU in the inbound benchmark). A
 * compressed answer is inflated as node-fetch would; a file upload (a streamed multipart body) still
 * goes through node-fetch.
 */
function jsonRequest(url: string, init: JsonRequest & { body: string }): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const { signal } = init;
    if (signal?.aborted) {
      reject(new AbortError("The user aborted a request."));
      return;
    }
    const headers: Record<string, string | number> = { ...init.headers, "content-length": Buffer.byteLength(init.body) };
    if (init.compress !== false) headers["accept-encoding"] = "gzip,deflate";
    const request = (url.startsWith("https:") ? httpsRequest : httpRequest)(url, { method: init.method ?? "POST", headers, ...(init.agent ? { agent: init.agent } : {}) });
    const onAbort = () => request.destroy(new AbortError("The user aborted a request."));
    signal?.addEventListener("abort", onAbort);
    const fail = (error: Error) => {
      signal?.removeEventListener("abort", onAbort);
      reject(error);
    };
    request.on("error", fail);
    request.on("response", (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("error", fail);
      response.on("aborted", () => fail(Object.assign(new Error("The answer was cut off"), { code: "ECONNRESET" })));
      response.on("end", () => {
        signal?.removeEventListener("abort", onAbort);
        const raw = chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks);
        const encoding = String(response.headers["content-encoding"] ?? "").trim().toLowerCase();
        const done = (error: Error | null, data: Buffer) => (error ? reject(error) : resolve({ status: response.statusCode ?? 0, body: data.toString("utf8") }));
        if (encoding === "gzip" || encoding === "x-gzip") gunzip(raw, done);
        else if (encoding === "deflate") inflate(raw, (error, data) => (error ? inflateRaw(raw, done) : done(null, data)));
        else if (encoding === "br") brotliDecompress(raw, done);
        else done(null, raw);
      });
    });
    request.end(init.body);
  });
}

/**
 * The grammY bot for the channel: `client.apiRoot` from `TELEGRAM_API_ROOT`, nothing else installed.
 * Its calls go through `TelegramClient.call`, whose transformers retry as each call asks.
 *
 * @example const bot = createTelegramBot({ token, apiRoot: "http://127.0.0.1:8081" })
 */
export function createTelegramBot(options: TelegramClientOptions): Bot {
  return new Bot(options.token, {
    client: clientConfig(options),
    ...(options.botInfo ? { botInfo: options.botInfo } : {}),
  });
}

/** What to do about a failed Bot API call, decided once for every caller (STYLE.md "Errors at the platform edge"). */
export type TelegramFailure =
  | SendFailure
  /** 401 (token wrong or revoked) or 409 (another poller, or a webhook still set): nothing works until an operator acts. */
  | { kind: "fatal"; detail: string }
  /** An edit with exactly the same content: the message already shows it. */
  | { kind: "not_modified" }
  /** The group was upgraded to a supergroup, which has a new id: send there instead (reference §6). */
  | { kind: "migrated"; toChatId: string; detail: string };

const UNREACHABLE_403 = [
  "bot was blocked by the user",
  "user is deactivated",
  "bot can't initiate conversation",
  "bot was kicked",
  "bot is not a member",
  "group chat was deleted",
  "group chat was deactivated",
];
const UNREACHABLE_400 = ["chat not found", "user not found", "peer_id_invalid", "have no rights to send", "not enough rights to send"];

/**
 * Classify any error a grammY call threw. Matches code and description, as the Bot API's codes alone
 * are too coarse (403 means both "blocked" and "not enough rights"); reference §6.
 *
 * @example classify(new GrammyError("…", { ok: false, error_code: 429, description: "Too Many Requests: retry after 3", parameters: { retry_after: 3 } }, "sendMessage", {}))
 *   // { kind: "rate_limited", retryAfterMs: 3000 }
 */
export function classify(error: unknown, token?: string): TelegramFailure {
  if (error instanceof GrammyError) {
    const code = error.error_code;
    const description = String(error.description ?? "");
    const lower = description.toLowerCase();
    const detail = scrubSecrets(`${code} ${description}`.slice(0, 300), [token]);
    if (code === 429) {
      const seconds = Number(error.parameters?.retry_after);
      return { kind: "rate_limited", retryAfterMs: Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : RATE_LIMIT_FALLBACK_MS };
    }
    if (code === 401 || code === 409) return { kind: "fatal", detail };
    const migrateTo = error.parameters?.migrate_to_chat_id;
    // A supergroup's id is negative, like any group's; anything else would be no place to send to.
    if (code === 400 && Number.isSafeInteger(migrateTo) && (migrateTo as number) < 0) return { kind: "migrated", toChatId: String(migrateTo), detail };
    if (code === 400 && lower.includes("message is not modified")) return { kind: "not_modified" };
    if (code === 403 && UNREACHABLE_403.some((s) => lower.includes(s))) return { kind: "unreachable", detail };
    if (code === 400 && UNREACHABLE_400.some((s) => lower.includes(s))) return { kind: "unreachable", detail };
    if (code >= 500) return { kind: "transient", detail };
    return { kind: "rejected", detail };
  }
  if (error instanceof HttpError) return { kind: "transient", detail: networkDetail(error, token) };
  const message = error instanceof Error ? error.message : String(error);
  return { kind: "transient", detail: scrubSecrets(message.slice(0, 300), [token]) };
}

/**
 * The neutral send failure for an error, for `Channel.send` callers. A fatal error of the whole bot
 * (the token was revoked mid-run) is not this message's fault: it comes back as transient. A group's
 * new id is followed by the channel itself; one left unfollowed (the new id moved again, which
 * Telegram never does) is refused.
 */
export function sendFailureOf(error: unknown, token?: string): SendFailure {
  const failure = classify(error, token);
  if (failure.kind === "fatal") return { kind: "transient", detail: failure.detail };
  if (failure.kind === "not_modified") return { kind: "rejected", detail: "message is not modified" };
  if (failure.kind === "migrated") return { kind: "rejected", detail: failure.detail };
  return failure;
}

/** Why a request never got an answer, without the URL (it holds the token). */
function networkDetail(error: HttpError, token: string | undefined): string {
  const cause = error.error as { code?: unknown; type?: unknown; name?: unknown } | undefined;
  const code = typeof cause?.code === "string" ? cause.code : typeof cause?.type === "string" ? cause.type : typeof cause?.name === "string" ? cause.name : "";
  return scrubSecrets(`${error.message}${code ? ` (${code})` : ""}`, [token]);
}

/** A safe, loggable stand-in for a platform error: kind and detail, never the request, payload or token. */
export class TelegramCallError extends Error {
  override readonly name = "TelegramCallError";
  constructor(
    readonly method: string,
    readonly failure: TelegramFailure,
  ) {
    super(`Telegram ${method}: ${failure.kind}${"detail" in failure ? ` ${failure.detail}` : ""}`);
  }
}

/** grammY's Node typings name the `abort-controller` polyfill's signal; Node's own is the same at run time. */
type ApiSignal = Parameters<Api["getMe"]>[0];
export function apiSignal(signal: AbortSignal): ApiSignal {
  return signal as unknown as ApiSignal;
}

const NO_PARAMETERS = new Set(["getMe", "getWebhookInfo", "logOut", "close"]);

type RawCall = (payload: Record<string, unknown>, signal?: ApiSignal) => Promise<unknown>;

/** Formatting every text this bot sends shares: HTML, no link previews. */
const HTML = { parse_mode: "HTML", link_preview_options: { is_disabled: true } } as const;

/**
 * The Telegram Bot API on grammY, shaped as the Zalo client: every call goes through
 * `call(method, payload, options)`, a chain of transformers (retry per `decide`, as the call asks)
 * around grammY's raw call. The grammY `bot` it holds receives updates (the channel installs its
 * middleware there); nothing sends through `bot.api` directly.
 *
 * @example await new TelegramClient({ token }).sendMessage(chatId, "<b>Chào</b>", {}, { retries: 1 })
 */
export class TelegramClient {
  readonly bot: Bot;
  readonly policy: RetryPolicy;
  private readonly token: string;
  private chain: CallFn;

  constructor(options: TelegramClientOptions) {
    this.bot = createTelegramBot(options);
    this.token = options.token;
    this.policy = options.policy ?? DEFAULT_RETRY;
    this.chain = (method, payload, opts) => this.raw(method, payload, opts);
    this.use(retrying((error) => this.classify(error), this.policy));
  }

  /** Install a transformer around every call (the last installed runs first). */
  use(transformer: Transformer): this {
    const next = this.chain;
    this.chain = (method, payload, opts) => transformer(next, method, payload, opts);
    return this;
  }

  call<T = unknown>(method: string, payload: Record<string, unknown> = {}, options: CallOptions = {}): Promise<T> {
    return this.chain(method, payload, options) as Promise<T>;
  }

  /** What a failed call came to, with the token scrubbed from its detail. */
  classify(error: unknown): TelegramFailure {
    return classify(error, this.token);
  }

  /** The neutral send failure of a failed call (see `sendFailureOf`). */
  sendFailureOf(error: unknown): SendFailure {
    return sendFailureOf(error, this.token);
  }

  getMe(options?: CallOptions) {
    return this.call<UserFromGetMe>("getMe", {}, options);
  }

  getUpdates(params: { offset: number; limit: number; timeout: number; allowed_updates?: readonly string[] }, options?: CallOptions) {
    return this.call<Update[]>("getUpdates", { ...params }, options);
  }

  setWebhook(url: string, other: { secret_token: string; allowed_updates: readonly string[] }, options?: CallOptions) {
    return this.call<true>("setWebhook", { url, ...other }, options);
  }

  deleteWebhook(options?: CallOptions) {
    return this.call<true>("deleteWebhook", {}, options);
  }

  setMyCommands(commands: BotCommand[], other: Record<string, unknown>, options?: CallOptions) {
    return this.call<true>("setMyCommands", { commands, ...other }, options);
  }

  sendMessage(chatId: string, html: string, other: Record<string, unknown> = {}, options?: CallOptions) {
    return this.call<Message.TextMessage>("sendMessage", { chat_id: chatId, text: html, ...HTML, ...other }, options);
  }

  sendPhoto(chatId: string, photo: InputFile, other: Record<string, unknown> = {}, options?: CallOptions) {
    return this.call<Message.PhotoMessage>("sendPhoto", { chat_id: chatId, photo, ...other }, options);
  }

  sendDocument(chatId: string, document: InputFile, other: Record<string, unknown> = {}, options?: CallOptions) {
    return this.call<Message.DocumentMessage>("sendDocument", { chat_id: chatId, document, ...other }, options);
  }

  editMessageText(chatId: string, messageId: number, html: string, other: Record<string, unknown> = {}, options?: CallOptions) {
    return this.call("editMessageText", { chat_id: chatId, message_id: messageId, text: html, ...HTML, ...other }, options);
  }

  /** Edit a message's text keeping its formatting as Telegram reported it (`entities`, no parse mode); the inline keyboard goes. */
  editMessageTextWithEntities(chatId: string, messageId: number, text: string, entities: unknown[] | undefined, options?: CallOptions) {
    return this.call("editMessageText", { chat_id: chatId, message_id: messageId, text, ...(entities ? { entities } : {}) }, options);
  }

  /** Replace a message's inline keyboard; an empty one removes it. */
  editMessageReplyMarkup(chatId: string, messageId: number, markup: { inline_keyboard: unknown[][] }, options?: CallOptions) {
    return this.call("editMessageReplyMarkup", { chat_id: chatId, message_id: messageId, reply_markup: markup }, options);
  }

  answerCallbackQuery(queryId: string, options?: CallOptions) {
    return this.call<true>("answerCallbackQuery", { callback_query_id: queryId }, options);
  }

  private raw(method: string, payload: Record<string, unknown>, options: CallOptions): Promise<unknown> {
    const call = (this.bot.api.raw as unknown as Record<string, RawCall>)[method];
    if (!call) return Promise.reject(new Error(`unknown Telegram method ${method}`));
    const signal = options.signal ? apiSignal(options.signal) : undefined;
    // grammY's raw methods without parameters take the signal alone.
    return NO_PARAMETERS.has(method) ? (call as unknown as (signal?: ApiSignal) => Promise<unknown>)(signal) : call(payload, signal);
  }
}
