import { Api, Bot, GrammyError, HttpError } from "grammy";
import type { UserFromGetMe } from "grammy/types";
import { scrubSecrets } from "../../log.js";
import type { SendFailure } from "../../messaging/channel.js";
import { DEFAULT_BACKOFF } from "../retry.js";

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
}

/** Every call gives up after this; a long poll adds its own timeout (grammY's default is 500 s). */
const DEFAULT_TIMEOUT_S = 60;

function clientConfig(options: TelegramClientOptions) {
  return {
    apiRoot: (options.apiRoot ?? TELEGRAM_DEFAULT_API_ROOT).replace(/\/+$/, ""),
    timeoutSeconds: options.timeoutSeconds ?? DEFAULT_TIMEOUT_S,
  };
}

/**
 * The grammY bot for the channel: `client.apiRoot` from `TELEGRAM_API_ROOT`, nothing else installed.
 * Retries are decided by the channel per call (interactive replies and the reminder sender differ),
 * so no auto-retry transformer sits on the shared `api`.
 *
 * @example const bot = createTelegramBot({ token, apiRoot: "http://127.0.0.1:8081" })
 */
export function createTelegramBot(options: TelegramClientOptions): Bot {
  return new Bot(options.token, {
    client: clientConfig(options),
    ...(options.botInfo ? { botInfo: options.botInfo } : {}),
  });
}

/**
 * A bare `Api` on the same server: a worker that sends outside conversation turns (the reminder sender)
 * gets its own, so transformers it installs never touch the bot's replies (reference §1).
 */
export function createTelegramApi(options: TelegramClientOptions): Api {
  return new Api(options.token, clientConfig(options));
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
      return { kind: "rate_limited", retryAfterMs: Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : DEFAULT_BACKOFF.baseMs };
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
