import { Agent as HttpAgent, request as httpRequest, type Agent } from "node:http";
import { Agent as HttpsAgent, request as httpsRequest } from "node:https";
import { createRequire } from "node:module";
import { brotliDecompress, gunzip, inflate, inflateRaw } from "node:zlib";
import { Api, Bot, GrammyError, HttpError, InputFile } from "grammy";
import type { BotCommand, Message, ResponseParameters, Update, UserFromGetMe } from "grammy/types";
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
    apiRoot: apiRootOf(options),
    timeoutSeconds: options.timeoutSeconds ?? DEFAULT_TIMEOUT_S,
    fetch: envelopeFetch(options.token),
  };
}

function apiRootOf(options: TelegramClientOptions): string {
  return (options.apiRoot ?? TELEGRAM_DEFAULT_API_ROOT).replace(/\/+$/, "");
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

/** grammY's fetch for the calls it still makes itself: file uploads (a streamed multipart body), through node-fetch. */
function envelopeFetch(token: string): typeof fetch {
  return (async (url: unknown, init?: unknown) => {
    const response = await grammyFetch(url, init);
    const body = await response.text();
    return { json: async () => envelopeOf(response.status, body, token) };
  }) as unknown as typeof fetch;
}

/** Why a request was given up: its timeout or the caller's signal (named as node-fetch names it). */
class AbortError extends Error {
  override readonly name = "AbortError";
  readonly type = "aborted";
}

/** What a call's signal must offer (Node's `AbortSignal`, or the runner's polyfill of it). */
interface CallSignal {
  aborted: boolean;
  addEventListener(type: "abort", listener: () => void): void;
  removeEventListener(type: "abort", listener: () => void): void;
}

/**
 * An answer's `content-encoding`, read from its raw header lines: asking `headers` builds an object of
 * every header line, for each of the thousands of answers a busy bot reads a second.
 */
function contentEncoding(rawHeaders: readonly string[]): string | undefined {
  for (let i = 0; i + 1 < rawHeaders.length; i += 2) {
    if ((rawHeaders[i] as string).toLowerCase() === "content-encoding") return (rawHeaders[i + 1] as string).trim().toLowerCase();
  }
  return undefined;
}

/** grammY's JSON payload: `null` values are left out (`str` in grammY's `core/payload.ts`). */
function withoutNull(_key: string, value: unknown): unknown {
  return value ?? undefined;
}

/**
 * The Bot API calls whose payload is JSON (every call but a file upload), straight on `node:http(s)`:
 * what grammY's API client and node-fetch did for them — the payload as grammY serialises it, its
 * headers, a keep-alive connection, a timeout per call, an answer read as an envelope (`envelopeOf`),
 * compressed answers inflated — without a polyfilled abort controller, a timer race and node-fetch's
 * Request and Response objects around each one (the HTTP calls are a third of the bot's work in the
 * inbound benchmark). Errors are grammY's: a refusal is a `GrammyError`, a network failure or a
 * timeout an `HttpError`, so `classify` reads them as before.
 */
class JsonCalls {
  private readonly send: typeof httpRequest;
  private readonly agent: Agent;
  private readonly host: { protocol: string; hostname: string; port: string };
  private readonly pathPrefix: string;
  private readonly timeoutMs: number;

  constructor(
    apiRoot: string,
    private readonly token: string,
    private readonly timeoutSeconds: number,
  ) {
    const root = new URL(apiRoot);
    const secure = root.protocol === "https:";
    this.send = secure ? httpsRequest : httpRequest;
    this.agent = secure ? new HttpsAgent({ keepAlive: true }) : new HttpAgent({ keepAlive: true });
    // An IPv6 literal comes bracketed in a URL; node:http wants it bare.
    this.host = { protocol: root.protocol, hostname: root.hostname.replace(/^\[(.*)\]$/, "$1"), port: root.port };
    this.pathPrefix = `${root.pathname.replace(/\/+$/, "")}/bot${token}/`;
    this.timeoutMs = timeoutSeconds * 1000;
  }

  call(method: string, payload: Record<string, unknown>, signal: CallSignal | undefined): Promise<unknown> {
    const body = JSON.stringify(payload, withoutNull);
    return new Promise((resolve, reject) => {
      if (signal?.aborted) {
        reject(new HttpError(`Network request for '${method}' failed!`, new AbortError("The user aborted a request.")));
        return;
      }
      let settled = false;
      const request = this.send({
        ...this.host,
        path: this.pathPrefix + method,
        method: "POST",
        agent: this.agent,
        headers: { "content-type": "application/json", connection: "keep-alive", "content-length": Buffer.byteLength(body), "accept-encoding": "gzip,deflate" },
      });
      const onAbort = (): void => void request.destroy(new AbortError("The user aborted a request."));
      const timer = setTimeout(() => request.destroy(new Error(`Request to '${method}' timed out after ${this.timeoutSeconds} seconds`)), this.timeoutMs);
      signal?.addEventListener("abort", onAbort);
      const finish = (error: unknown, envelope?: unknown): void => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        signal?.removeEventListener("abort", onAbort);
        if (error !== undefined) return reject(new HttpError(`Network request for '${method}' failed!`, error));
        const answer = envelope as { ok: true; result: unknown } | { ok: false; error_code: number; description: string; parameters?: ResponseParameters };
        if (answer.ok) resolve(answer.result);
        else reject(new GrammyError(`Call to '${method}' failed!`, answer, method, payload));
      };
      request.on("error", (error) => finish(error));
      request.on("response", (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("error", (error) => finish(error));
        response.on("aborted", () => finish(Object.assign(new Error("The answer was cut off"), { code: "ECONNRESET" })));
        response.on("end", () => {
          const raw = chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks);
          const encoding = contentEncoding(response.rawHeaders);
          const status = response.statusCode ?? 0;
          const read = (error: Error | null, data: Buffer): void => (error ? finish(error) : finish(undefined, envelopeOf(status, data.toString("utf8"), this.token)));
          if (encoding === undefined || encoding === "" || encoding === "identity") read(null, raw);
          else if (encoding === "gzip" || encoding === "x-gzip") gunzip(raw, read);
          else if (encoding === "deflate") inflate(raw, (error, data) => (error ? inflateRaw(raw, read) : read(null, data)));
          else if (encoding === "br") brotliDecompress(raw, read);
          else read(null, raw);
        });
      });
      request.end(body);
    });
  }
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
  private readonly json: JsonCalls;
  private chain: CallFn;

  constructor(options: TelegramClientOptions) {
    this.bot = createTelegramBot(options);
    this.token = options.token;
    this.json = new JsonCalls(apiRootOf(options), options.token, options.timeoutSeconds ?? DEFAULT_TIMEOUT_S);
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
    // A file goes up as grammY sends it (a streamed multipart body); everything else is JSON.
    if (!Object.values(payload).some((value) => value instanceof InputFile)) return this.json.call(method, payload, options.signal);
    const call = (this.bot.api.raw as unknown as Record<string, RawCall>)[method];
    if (!call) return Promise.reject(new Error(`unknown Telegram method ${method}`));
    return call(payload, options.signal ? apiSignal(options.signal) : undefined);
  }
}
