import type { Logger } from "../../log.js";
import type { HandleResult, SendResult } from "../../messaging/channel.js";
import type { CallOptions } from "../retry.js";
import { deliverTurn } from "../turn-delivery.js";
import type { Reply } from "../../messaging/message.js";
import { classify, sendFailureOf, ZaloApiError, type ZaloClient } from "./zalo-client.js";
import { renderAll, type ZaloOutgoing } from "./zalo-render.js";

/** Replies in a conversation turn are retried this often (per decide) before being given up. */
export const TURN_SEND_RETRIES = 2;

export interface ZaloDeliveryOptions {
  client: ZaloClient;
  log: Logger;
  /** Bold titles with `text_styles` (a 400 on a styled message falls back to plain text). */
  styles: boolean;
  /** The token was refused on a send: the channel is dead (in webhook mode no poll would notice). */
  die: (error: unknown) => void;
  /** Told of every reply delivered in a conversation turn (the shared send limiter records it). */
  onReplySent?: (chatId: string) => void;
}

/** Sending on Zalo: neutral replies in, plain text with numbered choices out (Zalo has no edits or buttons). */
export class ZaloDelivery {
  constructor(private readonly options: ZaloDeliveryOptions) {}

  /**
   * The replies of a conversation turn: each retried a little, and recorded as sent once Zalo
   * accepted it (the stored ones are then deleted; what is left goes out with the reply sweep).
   */
  async deliver(chatId: string, turn: Pick<HandleResult, "replies" | "receipt">): Promise<void> {
    if (turn.replies.length === 0) return;
    const result = await deliverTurn(turn, (reply) => this.sendReplies(chatId, [reply], TURN_SEND_RETRIES));
    if (!result.ok) this.options.log.warn({ kind: result.kind }, "zalo reply not delivered");
    else this.options.onReplySent?.(chatId);
  }

  /** Send replies in order, each call retried `retries` times; `signal` aborts them (a stop cutting sends in flight). */
  async sendReplies(chatId: string, replies: Reply[], retries: number, signal?: AbortSignal): Promise<SendResult> {
    const how: CallOptions = { retries, ...(signal ? { signal } : {}) };
    for (const out of renderAll(replies, { styles: this.options.styles })) {
      const result = await this.sendOne(chatId, out, how);
      if (!result.ok) return result;
    }
    return { ok: true };
  }

  private async sendOne(chatId: string, out: ZaloOutgoing, how: CallOptions): Promise<SendResult> {
    const { client } = this.options;
    if (out.photo) return this.sendPhoto(chatId, out, out.photo, how);
    try {
      await client.sendMessage({ chat_id: chatId, text: out.text, ...(out.styles ? { text_styles: out.styles } : {}) }, how);
      return { ok: true };
    } catch (error) {
      if (out.styles && error instanceof ZaloApiError && error.code === 400) {
        // Styles are a newer, thinly documented parameter; plain text is always accepted.
        this.options.log.warn({ err: error }, "zalo refused styled text; sent plain");
        return this.sendOne(chatId, { text: out.text }, how);
      }
      // A 401 on a send is the token revoked: in webhook mode no poll would notice it.
      if (classify(error).kind === "fatal") this.options.die(error);
      return { ok: false, ...sendFailureOf(error, client.policy) };
    }
  }

  /**
   * A picture by URL. Should Zalo refuse it or fail to fetch it, the caption and the link go as text
   * instead: a picture never swallows the words that came with it, nor the replies after it.
   */
  private async sendPhoto(chatId: string, out: ZaloOutgoing, photo: NonNullable<ZaloOutgoing["photo"]>, how: CallOptions): Promise<SendResult> {
    const { client } = this.options;
    try {
      await client.sendPhoto({ chat_id: chatId, photo: photo.url, ...(out.text ? { caption: out.text } : {}) }, how);
      return { ok: true };
    } catch (error) {
      const failure = sendFailureOf(error, client.policy);
      const fatal = classify(error).kind === "fatal";
      if (fatal) this.options.die(error);
      // A chat that is gone, a quota or a revoked token refuse the text as well.
      if (fatal || failure.kind === "unreachable" || failure.kind === "rate_limited") return { ok: false, ...failure };
      this.options.log.warn({ err: error }, "zalo sendPhoto failed; sent its text and link instead");
      return this.sendOne(chatId, { text: photo.instead }, how);
    }
  }
}
