import type { HandleResult } from "../bot/bot.js";
import type { IncomingMessage, Reply } from "../bot/message.js";

/** What a channel hands each platform update to: the bot, through the app's wiring. */
export type MessageHandler = (msg: IncomingMessage) => Promise<HandleResult>;

/** Why a send failed, decided once per platform error (STYLE.md "Errors at the platform edge"). */
export type SendFailure =
  | { kind: "unreachable"; detail: string } // blocked, deactivated, chat not found: stop sending to it
  | { kind: "rate_limited"; retryAfterMs: number }
  | { kind: "transient"; detail: string } // network, 5xx: retry with backoff
  | { kind: "rejected"; detail: string }; // 4xx that is our bug: do not retry

export type SendResult = { ok: true } | ({ ok: false } & SendFailure);

/**
 * One messaging platform. `console/`, `telegram/` and `zalo/` each implement this with the same file roles:
 * `<name>-channel.ts` (this interface), `<name>-render.ts` (neutral reply → platform payload),
 * `<name>-client.ts` (the one `call(method, payload)`), `<name>-updates.ts` (platform update → neutral message).
 */
export interface Channel {
  readonly name: string;
  /** Begin receiving (polling loop or webhook route). Idempotent. */
  start(): Promise<void>;
  /** Stop receiving and finish in-flight work. Idempotent. */
  stop(): Promise<void>;
  /** Send replies to a chat outside a conversation turn (reminders, announcements). */
  send(chatId: string, replies: Reply[]): Promise<SendResult>;
}
