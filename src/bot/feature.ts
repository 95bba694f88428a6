import type { Action } from "../domain/access.js";
import type { Db } from "../db/schema.js";
import type { Actor } from "../domain/roles.js";
import type { BotContext } from "./context.js";

export interface CommandSpec {
  /** Names without the slash, ASCII: Vietnamese first (`trogiup`), then English (`help`). Typed diacritics are folded away. */
  names: string[];
  /** Fluent id of the one-line description shown in help and in Telegram's command menu. */
  description?: string;
  /** Usable before the account is linked to a person. */
  public?: boolean;
  /** Usable in group chats. */
  group?: boolean;
  /** Shown in help only to those who may ever do one of these (access.ts `mayEver`); the command itself still checks. */
  requires?: Action[];
  /** Hidden from help (aliases such as /start). */
  hidden?: boolean;
  run(ctx: BotContext, args: string): Promise<void>;
  /**
   * What `run` will read, for all the messages of a batch group that are this command, in one statement
   * before their turns (each a statement of its own otherwise): given their senders, the value for each
   * by person id. `run` finds its sender's in `ctx.readAhead` — undefined when the message was handled
   * alone or nothing was found, so `run` reads it itself then. A group runs the turns given a value
   * first, before the others (its turns are of different chats and senders, so any order is one they
   * could have come in); what is read ahead must be nothing those turns write.
   */
  readAhead?(db: Db, actors: readonly Actor[]): Promise<Map<number, unknown>>;
}

export type ActionHandler = (ctx: BotContext, params: string[]) => Promise<void>;

/** A button press of a batch group, as an action's read-ahead is given it. */
export interface Press {
  actor: Actor;
  /** The action's parameters as pressed (untrusted: the handler checks them again). */
  params: string[];
  /** The press's local day. */
  today: string;
}

/** What an action's read-ahead gives a batch group's presses. */
export interface ReadAhead {
  /** A value per press, aligned with the presses. */
  values: unknown[];
  /**
   * The writes the handlers left with their values, in one statement for the group's presses: run once
   * the turns given a value are over, before the group's other turns (so these see them, as if the
   * presses came first).
   */
  record?(db: Db): Promise<void>;
}

/**
 * What an action's handler will read, for all the presses of a batch group on that action, in one
 * statement before their turns (as `CommandSpec.readAhead` for a command): a value per press, found by
 * the handler in `ctx.readAhead` (undefined: it reads, and writes, for itself).
 */
export type ActionReadAhead = (db: Db, presses: readonly Press[]) => Promise<ReadAhead>;

/** A free text of a batch group, as the text read-ahead is given it: its sender and local day. */
export interface FreeText {
  actor: Actor;
  today: string;
}

/**
 * What a free-text reader (`onText`) will read, for all the group's texts it may be given, in one
 * statement or two before their turns (as `CommandSpec.readAhead` for a command): a value per text,
 * aligned with the texts (undefined: the reader reads for itself). Given only texts that reach the free-text
 * readers whatever they say: private, no command, no flow or numbered choices open in the chat. What is
 * read ahead must be nothing a group's turns write (their turns with a value go first, as for commands).
 */
export type TextReadAhead = (db: Db, texts: readonly FreeText[]) => Promise<unknown[]>;

/** A guided flow's step; `"pass"` when the text is not an answer to it (the flow has let go) and the free-text readers should have it. */
export type FlowHandler = (ctx: BotContext, text: string) => Promise<void | "pass">;

/** One feature, one file: its commands, button actions, guided-flow steps and free-text reader. */
export interface Feature {
  name: string;
  commands?: CommandSpec[];
  /** Keyed by the action's first segment: `lang` handles `lang:vi`. */
  actions?: Record<string, ActionHandler>;
  /** Read-aheads of some of those actions, keyed as they are (see `ActionReadAhead`). */
  actionReadAhead?: Record<string, ActionReadAhead>;
  /** Keyed by flow name: receives free text while that flow is active. */
  flows?: Record<string, FlowHandler>;
  /**
   * Keyed by flow name: shows the flow's open question again after a command, or a text the flow passed
   * on ("ai chưa nộp báo cáo?"), was answered while it stayed open, so the form is never left out of sight.
   */
  resume?: Record<string, (ctx: BotContext) => Promise<void>>;
  /** Reads free text no command or flow took; returns true when it handled it. */
  onText?(ctx: BotContext, text: string): Promise<boolean>;
  /** What `onText` will read, read for a batch group's texts together (see `TextReadAhead`); one feature at most. */
  textReadAhead?: TextReadAhead;
  /** Runs before every message is routed; may add replies that come before the answer. */
  beforeRoute?(ctx: BotContext): Promise<void>;
}
