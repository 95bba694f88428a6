import type { ChannelCapabilities } from "./capabilities.js";
import type { IncomingMessage, Reply } from "./message.js";

/** Group chats have negative ids (Telegram's groups and supergroups); private chats and Zalo users never do. */
export function isGroupChatId(chatId: string): boolean {
  return chatId.startsWith("-");
}

/** What handling one incoming message came to. */
export interface HandleResult {
  /**
   * `handled`: stored, with its replies. `duplicate`: seen before, nothing done; its replies are the
   * ones stored then and never sent, if any. `unavailable`: the database cannot be reached, nothing
   * stored and no reply: keep the update and hand it in again (it will be handled). `failed`: the
   * database answered but handling it failed (a bug); the replies say so honestly, for when the
   * channel gives up on it.
   */
  status: "handled" | "duplicate" | "unavailable" | "failed";
  replies: Reply[];
  /** Stored replies: tell the store how far they went out (deleted once all did). */
  receipt?: ReplyReceipt;
  /**
   * For a pressed button (`IncomingMessage.action`), what became of it, for channels that show choices
   * as buttons under a message (others ignore it): `chosen` — answered: the message shows the choice
   * made and its buttons go; `expired` — too late: its buttons go.
   */
  pressed?: "chosen" | "expired";
  /** This turn closed the chat's open choices (a flow ended): buttons still shown under earlier messages go. */
  choicesClosed?: boolean;
}

/**
 * The stored replies of one turn. The channel reports each reply the platform accepted, in order;
 * what it never reports goes out again after a crash (at most once more per reply in flight).
 */
export interface ReplyReceipt {
  /** The platform accepted the first `count` of the result's replies (or refused them for good). */
  delivered(count: number): Promise<void>;
}

/** What a channel hands each platform update to: the bot, through the app's wiring. */
export type MessageHandler = (msg: IncomingMessage) => Promise<HandleResult>;

/** Why a send failed, decided once per platform error (STYLE.md "Errors at the platform edge"). */
export type SendFailure =
  | { kind: "unreachable"; detail: string } // blocked, deactivated, chat not found: stop sending to it
  | { kind: "rate_limited"; retryAfterMs: number }
  | { kind: "transient"; detail: string } // network, 5xx: retry with backoff
  | { kind: "rejected"; detail: string }; // 4xx that is our bug: do not retry

export type SendResult = { ok: true } | ({ ok: false } & SendFailure);

/** Why a running channel stopped working for good (see `Channel.dead`); `reason` holds no token. */
export interface ChannelFailure {
  channel: string;
  reason: string;
}

/**
 * A channel's `dead` promise and the function that settles it: the first call wins, later ones do nothing.
 *
 * @example const { dead, die } = deathNotice("zalo"); die("401 Unauthorized")
 */
export function deathNotice(channel: string): { dead: Promise<ChannelFailure>; die(reason: string): void } {
  let settle!: (failure: ChannelFailure) => void;
  const dead = new Promise<ChannelFailure>((resolve) => (settle = resolve));
  return { dead, die: (reason) => settle({ channel, reason }) };
}

/**
 * On stop, the sender's and the reply sweep's sends in flight get this long to finish; then their
 * `signal` cuts them (a slow platform would hold them for a whole request timeout, past chibo's stop
 * deadline) and they are sent again on the next start, possibly reaching their reader twice, as
 * after a crash.
 */
export const SEND_STOP_GRACE_MS = 3_000;

export interface SendOptions {
  signal?: AbortSignal;
}

/**
 * One messaging platform. `console/`, `telegram/` and `zalo/` each implement this with the same file
 * roles, where the platform has them: `<name>-channel.ts` (this interface, wiring the rest),
 * `<name>-capabilities.ts` (what it can show), `<name>-client.ts` (the one `call(method, payload)`
 * with its transformers), `<name>-polling.ts` and `<name>-webhook.ts` (receiving),
 * `<name>-updates.ts` (platform update → neutral message), `<name>-delivery.ts` (send, edit,
 * answer) and `<name>-render.ts` (neutral reply → platform payload).
 */
export interface Channel {
  readonly name: string;
  /** What it can show (its `<name>-capabilities.ts`); the sender renders and remembers choices by it. */
  readonly capabilities: ChannelCapabilities;
  /** Begin receiving (polling loop or webhook route). Idempotent. */
  start(): Promise<void>;
  /** Stop receiving and finish in-flight work. Idempotent. */
  stop(): Promise<void>;
  /**
   * Send replies to a chat outside a conversation turn (reminders, announcements). An aborted
   * `signal` ends the platform calls in flight (the send then failed transiently).
   */
  send(chatId: string, replies: Reply[], options?: SendOptions): Promise<SendResult>;
  /**
   * Settles once the channel can no longer work while it runs: the platform refused it for good (its
   * token rejected or revoked; on Telegram also another process polling the same bot), or its polling
   * ended on its own. Never settles otherwise. `chibo start` then stops and exits non-zero. A channel
   * that cannot die (the console) has none.
   */
  readonly dead?: Promise<ChannelFailure>;
}
