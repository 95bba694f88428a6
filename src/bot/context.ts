import type { Logger } from "pino";
import { ChiboError } from "../domain/errors.js";
import { DEFAULT_TZ } from "../domain/time.js";
import type { Actor } from "../domain/roles.js";
import type { Db } from "../db/schema.js";
import type { FileDelivery } from "../messaging/capabilities.js";
import type { ConversationState } from "../messaging/conversation.js";
import type { I18n, Locale, MessageArgs } from "../messaging/i18n.js";
import type { Choice, IncomingMessage, Reply } from "../messaging/message.js";
import type { ZaloBot } from "../services/onboarding.service.js";

export interface LinkedPerson {
  id: number;
  fullName: string;
  cellId: number | null;
}

export interface AccountRef {
  id: number;
  personId: number | null;
  language: Locale | null;
  /** Whether this account was shown the personal-data notice in force, as the message's preamble read it. */
  noticeSeen?: boolean;
}

/** Everything a feature needs to handle one message; replies are collected, not sent. */
export class BotContext {
  readonly replies: Reply[] = [];
  /** Set when a feature changed the conversation state, so the router saves it. */
  stateChanged = false;
  /** Set when a feature queued messages in the outbox, so the sender is woken once this commits. */
  outboxWritten = false;
  /**
   * How a file reaches this chat (`FileDelivery`): false where none can, so a feature says so instead
   * of promising one. Features attach files alike whatever the channel; the bot makes them deliverable.
   */
  files: FileDelivery = false;
  /** How members find the Zalo bot, for invitations: its name in Zalo's search, a link that opens it. */
  zaloBot: ZaloBot = {};
  /**
   * Set by an action handler that refused a press on a screen no longer current (a report's older
   * preview, a review card the cell changed since) yet answered it: its message loses its buttons without
   * being marked as chosen, while the turn's replies stand. See `HandleResult.pressed`.
   */
  pressExpired = false;
  /** What the command's `readAhead` read for this sender with the rest of its batch group (see `CommandSpec.readAhead`). */
  readAhead: unknown = undefined;

  constructor(
    readonly db: Db,
    readonly msg: IncomingMessage,
    readonly account: AccountRef,
    readonly person: LinkedPerson | null,
    readonly actor: Actor | null,
    public locale: Locale,
    readonly today: string,
    readonly state: ConversationState,
    private readonly i18n: I18n,
    readonly log: Logger,
    readonly botName: string | undefined,
    /** The zone local dates and times are read in. */
    readonly tz: string = DEFAULT_TZ,
  ) {}

  get now(): Date {
    return this.msg.at;
  }

  t(id: string, args?: MessageArgs): string {
    return this.i18n.t(this.locale, id, args);
  }

  /** A message in Vietnamese whatever the chat's language: the documents a cell files are Vietnamese. */
  tVi(id: string, args?: MessageArgs): string {
    return this.i18n.t("vi", id, args);
  }

  /** Queue a reply: a message id and its arguments, or a ready Reply. */
  reply(reply: Reply | string, args?: MessageArgs): void {
    this.replies.push(typeof reply === "string" ? { text: this.t(reply, args) } : reply);
  }

  /** Queue a reply with choices; channels without buttons number them, and the digits map back. */
  ask(text: string, choices: Choice[], title?: string): void {
    this.replies.push({ text, choices, ...(title ? { title } : {}) });
  }

  setFlow(name: string, step: string, data: Record<string, unknown>): void {
    this.state.flow = { name, step, data };
    this.stateChanged = true;
  }

  clearFlow(): void {
    if (this.state.flow) {
      delete this.state.flow;
      this.stateChanged = true;
    }
  }

  /** The linked actor, or a `not_linked` refusal. */
  requireActor(): Actor {
    if (!this.actor) throw new ChiboError("not_linked");
    return this.actor;
  }
}
