import { InputFile } from "grammy";
import type { Logger } from "../../log.js";
import { isGroupChatId, type SendFailure, type SendResult } from "../../messaging/channel.js";
import type { I18n, Locale } from "../../messaging/i18n.js";
import type { Reply } from "../../messaging/message.js";
import type { CallOptions } from "../retry.js";
import { TelegramCallError, type TelegramClient, type TelegramFailure } from "./telegram-client.js";
import { renderAll, TELEGRAM_TEXT_LIMIT, type ReplyMarkup, type TelegramOutgoing } from "./telegram-render.js";
import type { PressedMessage } from "./telegram-updates.js";

/** An interactive reply waits out a 429 this short once; a longer one is given up (the user can ask again). */
export const INTERACTIVE_MAX_RETRY_AFTER_MS = 5000;

/** What the channel keeps in the database, through the services (channels never import db/). */
export interface TelegramStore {
  /** Mark a private chat's account reachable or not (blocked the bot, unblocked it). */
  setReachable(chatId: string, reachable: boolean): Promise<void>;
  /** The bot left or was removed from a group: forget the group's link to its cell. */
  groupRemoved(chatId: string): Promise<void>;
  /**
   * A group was upgraded to a supergroup, with a new id: move its link to the cell, and the messages
   * waiting for it, to the new id. Idempotent (both service messages may come, and refused sends too).
   */
  groupMigrated(fromChatId: string, toChatId: string): Promise<void>;
  progressMessage(chatId: string, editKey: string): Promise<number | undefined>;
  rememberProgressMessage(chatId: string, editKey: string, messageId: number): Promise<void>;
}

export interface SendMode {
  /** A reply in a conversation turn: a network error or a short 429 is tried once more. */
  interactive: boolean;
  locale: Locale;
  /** Aborts the calls of this delivery (the sender cuts its sends still in flight when chibo stops). */
  signal?: AbortSignal;
  removeKeyboard?: boolean;
}

/** A send refused because the group now lives at another id (`deliver` follows it). */
type Migrated = { ok: false; kind: "migrated"; toChatId: string; detail: string };

/** How a call is made: an interactive reply's retry rules, and what aborts it. */
type CallMode = Pick<SendMode, "interactive" | "signal">;

type Called<T> = { ok: true; value: T } | ({ ok: false } & SendFailure) | Migrated;

export interface TelegramDeliveryOptions {
  client: TelegramClient;
  store: TelegramStore;
  log: Logger;
  i18n: I18n;
  /** The token was refused on a send: the channel is dead (in webhook mode no poll would notice). */
  die: (reason: string) => void;
  /** Aborted when the channel stops: no retry starts after it. */
  stopping: AbortSignal;
  /** Told of every reply delivered in a conversation turn (the shared send limiter records it). */
  onReplySent?: (chatId: string) => void;
}

/** Inline keyboards remembered per chat (the latest), to take away when the chat's choices close. */
const KEYBOARDS_PER_CHAT = 10;
/** Chats whose keyboards are remembered; the oldest are forgotten first (their buttons stay, answered as expired). */
const KEYBOARD_CHATS = 10_000;
/** What is shown in place of a pressed keyboard, before the button's label. */
export const CHOSEN_MARK = "✓";

/** Sending, editing and answering on Telegram: neutral replies in, Bot API calls out. */
export class TelegramDelivery {
  /** Per chat: messages this process sent with an inline keyboard still on them. */
  private readonly keyboards = new Map<string, number[]>();

  constructor(private readonly options: TelegramDeliveryOptions) {}

  /**
   * A pressed button was answered (`chosen`): the message shows the choice made under its text and
   * loses its keyboard, as well-made bots do; a press that came too late (`expired`) takes the
   * keyboard away. Cosmetic: a failure is logged and the turn goes on.
   */
  async retirePressed(chatId: string, pressed: PressedMessage, outcome: "chosen" | "expired"): Promise<void> {
    this.forget(chatId, pressed.messageId);
    const { client } = this.options;
    const shown = outcome === "chosen" && pressed.label && pressed.text ? `${pressed.text}\n\n${CHOSEN_MARK} ${pressed.label}` : undefined;
    if (shown && shown.length <= TELEGRAM_TEXT_LIMIT) {
      await this.call("editMessageText", (o) => client.editMessageTextWithEntities(chatId, pressed.messageId, shown, pressed.entities, o), { interactive: true });
      return;
    }
    await this.call("editMessageReplyMarkup", (o) => client.editMessageReplyMarkup(chatId, pressed.messageId, { inline_keyboard: [] }, o), { interactive: true });
  }

  /** The chat's choices closed (a flow ended): keyboards still shown under earlier messages go. */
  async retireKeyboards(chatId: string): Promise<void> {
    const ids = this.keyboards.get(chatId) ?? [];
    this.keyboards.delete(chatId);
    for (const id of ids) {
      await this.call("editMessageReplyMarkup", (o) => this.options.client.editMessageReplyMarkup(chatId, id, { inline_keyboard: [] }, o), { interactive: true });
    }
  }

  private remember(chatId: string, messageId: number): void {
    const ids = this.keyboards.get(chatId) ?? [];
    this.keyboards.delete(chatId);
    ids.push(messageId);
    this.keyboards.set(chatId, ids.slice(-KEYBOARDS_PER_CHAT));
    if (this.keyboards.size > KEYBOARD_CHATS) this.keyboards.delete(this.keyboards.keys().next().value as string);
  }

  private forget(chatId: string, messageId: number): void {
    const ids = this.keyboards.get(chatId)?.filter((id) => id !== messageId);
    if (ids && ids.length > 0) this.keyboards.set(chatId, ids);
    else this.keyboards.delete(chatId);
  }

  async deliver(chatId: string, replies: readonly Reply[], mode: SendMode): Promise<SendResult> {
    const contactLabel = this.options.i18n.t(mode.locale, "share-phone-button");
    const outgoing = renderAll(replies, { contactLabel, ...(mode.removeKeyboard ? { removeKeyboard: true } : {}) });
    let target = chatId;
    for (const out of outgoing) {
      let result = await this.sendOne(target, out, mode);
      // A group upgraded to a supergroup refuses posts at its old id and names the new one: record it
      // and send there, once (a supergroup is never upgraded again). The rest of the replies follow.
      if (!result.ok && result.kind === "migrated" && target === chatId) {
        await this.migrated(chatId, result.toChatId);
        target = result.toChatId;
        result = await this.sendOne(target, out, mode);
      }
      if (!result.ok && out.kind !== "text" && (result.kind === "transient" || result.kind === "rejected")) {
        // A photo or document that would not go up: its caption and link (or fallback) go as text, and the turn goes on.
        this.options.log.warn({ kind: result.kind }, `telegram ${out.kind} not sent; sent its text instead`);
        for (const piece of out.instead) {
          result = await this.sendOne(target, piece, mode);
          if (!result.ok) break;
        }
      }
      if (!result.ok) {
        const failure: SendFailure = result.kind === "migrated" ? { kind: "rejected", detail: result.detail } : result;
        if (failure.kind === "unreachable") await this.markUnreachable(target, failure.detail);
        return { ok: false, ...failure };
      }
      if (mode.interactive) this.options.onReplySent?.(target);
    }
    return { ok: true };
  }

  /** Every callback query is answered, or the user's button spins for up to a minute. */
  async answerCallback(queryId: string): Promise<void> {
    // As an interactive reply: a network error or a short 429 is tried once more; failures are logged by `call`.
    await this.call("answerCallbackQuery", (options) => this.options.client.answerCallbackQuery(queryId, options), { interactive: true });
  }

  /**
   * Record a group's new id. A failure is only logged: the first post refused at the old id carries the
   * new one and records it again.
   */
  async migrated(fromChatId: string, toChatId: string): Promise<void> {
    try {
      await this.options.store.groupMigrated(fromChatId, toChatId);
      this.options.log.info("telegram group upgraded to a supergroup: its link follows the new chat id");
    } catch (error) {
      this.options.log.warn({ err: error }, "telegram group upgrade not recorded");
    }
  }

  /**
   * A private chat that refused a message is marked unreachable. A group the bot is no longer in
   * (kicked, left, deleted: the `my_chat_member` update may never have come) is unlinked from its
   * cell, so no notice is planned for it again; a group that only took away the right to post keeps
   * its link (an admin can give it back), and each notice meanwhile is skipped once by the sender.
   */
  private async markUnreachable(chatId: string, detail: string): Promise<void> {
    try {
      if (!isGroupChatId(chatId)) await this.options.store.setReachable(chatId, false);
      else if (botLeftGroup(detail)) await this.options.store.groupRemoved(chatId);
    } catch (error) {
      this.options.log.warn({ err: error }, "could not mark a telegram chat unreachable");
    }
  }

  private async sendOne(chatId: string, out: TelegramOutgoing, mode: CallMode): Promise<SendResult | Migrated> {
    if (out.kind === "text" && out.editKey) {
      const edited = await this.tryEdit(chatId, out.editKey, out.html, out.replyMarkup, mode);
      if (edited) return edited;
      // Nothing to update (yet): an update alone is not sent as a message of its own.
      if (out.editOnly) return { ok: true };
    }
    const { client } = this.options;
    const markup = out.replyMarkup ? { reply_markup: out.replyMarkup } : {};
    const result: Called<{ message_id: number } | undefined> =
      out.kind === "text"
        ? await this.call("sendMessage", (o) => client.sendMessage(chatId, out.html, markup, o), mode)
        : await this.call(out.kind === "photo" ? "sendPhoto" : "sendDocument", (o): Promise<{ message_id: number }> => {
            const file = new InputFile(out.data, out.filename);
            const other = { ...(out.captionHtml ? { caption: out.captionHtml, parse_mode: "HTML" as const } : {}), ...markup };
            return out.kind === "photo" ? client.sendPhoto(chatId, file, other, o) : client.sendDocument(chatId, file, other, o);
          }, mode);
    if (!result.ok) return result;
    if (result.value && out.replyMarkup && "inline_keyboard" in out.replyMarkup) this.remember(chatId, result.value.message_id);
    if (out.kind === "text" && out.editKey && result.value) {
      try {
        await this.options.store.rememberProgressMessage(chatId, out.editKey, result.value.message_id);
      } catch (error) {
        this.options.log.warn({ err: error }, "telegram progress message not remembered");
      }
    }
    return { ok: true };
  }

  /** Edit the series' message; undefined when there is none to edit (send a new one instead). */
  private async tryEdit(chatId: string, editKey: string, html: string, markup: ReplyMarkup | undefined, mode: CallMode): Promise<SendResult | Migrated | undefined> {
    let messageId: number | undefined;
    try {
      messageId = await this.options.store.progressMessage(chatId, editKey);
    } catch (error) {
      this.options.log.warn({ err: error }, "telegram progress message lookup failed");
    }
    if (messageId === undefined) return undefined;
    const id = messageId;
    const other = markup && "inline_keyboard" in markup ? { reply_markup: markup } : {};
    const result = await this.call("editMessageText", (o) => this.options.client.editMessageText(chatId, id, html, other, o), mode);
    if (result.ok) return { ok: true };
    // The message is gone or too old to edit: a new one carries the progress on.
    if (result.kind === "rejected") return undefined;
    return result;
  }

  /**
   * One Bot API call with the retry rules of its kind: an interactive reply waits out a short 429
   * (≤ 5 s) or a network error once (the client's retry transformer); a send for the reminder sender
   * is never retried here. "Not modified" is success; a group's new id goes back to `deliver`.
   */
  private async call<T>(method: string, fn: (options: CallOptions) => Promise<T>, mode: CallMode): Promise<Called<T | undefined>> {
    const retry: CallOptions = {
      ...(mode.interactive ? { retries: 1, maxRetryAfterMs: INTERACTIVE_MAX_RETRY_AFTER_MS, stopRetrying: this.options.stopping } : {}),
      ...(mode.signal ? { signal: mode.signal } : {}),
    };
    try {
      return { ok: true, value: await fn(retry) };
    } catch (error) {
      const { client } = this.options;
      const failure: TelegramFailure = client.classify(error);
      if (failure.kind === "not_modified") return { ok: true, value: undefined };
      // Not a failure of the message: the caller sends it to the group's new id.
      if (failure.kind === "migrated") return { ok: false, ...failure };
      // A 401 on a send is the token revoked: in webhook mode no poll would notice it.
      if (failure.kind === "fatal") this.options.die(failure.detail);
      if (failure.kind !== "rate_limited") this.options.log.warn({ err: new TelegramCallError(method, failure) }, `telegram ${method} failed`);
      return { ok: false, ...client.sendFailureOf(error) };
    }
  }
}

/** Send failures that mean the bot is out of the group for good (not merely muted). */
const BOT_LEFT_GROUP = ["bot was kicked", "bot is not a member", "chat not found", "group chat was deleted", "group chat was deactivated"];

/** Whether an unreachable group's failure says the bot is no longer in it (reference §6). */
export function botLeftGroup(detail: string): boolean {
  const lower = detail.toLowerCase();
  return BOT_LEFT_GROUP.some((s) => lower.includes(s));
}
