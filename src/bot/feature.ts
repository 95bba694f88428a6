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
   * alone or nothing was found, so `run` reads it itself then. The turns of a group are of different
   * chats and senders, so reading before the others' turns is reading as if this one came first.
   */
  readAhead?(db: Db, actors: readonly Actor[]): Promise<Map<number, unknown>>;
}

export type ActionHandler = (ctx: BotContext, params: string[]) => Promise<void>;
/** A guided flow's step; `"pass"` when the text is not an answer to it (the flow has let go) and the free-text readers should have it. */
export type FlowHandler = (ctx: BotContext, text: string) => Promise<void | "pass">;

/** One feature, one file: its commands, button actions, guided-flow steps and free-text reader. */
export interface Feature {
  name: string;
  commands?: CommandSpec[];
  /** Keyed by the action's first segment: `lang` handles `lang:vi`. */
  actions?: Record<string, ActionHandler>;
  /** Keyed by flow name: receives free text while that flow is active. */
  flows?: Record<string, FlowHandler>;
  /** Reads free text no command or flow took; returns true when it handled it. */
  onText?(ctx: BotContext, text: string): Promise<boolean>;
  /** Runs before every message is routed; may add replies that come before the answer. */
  beforeRoute?(ctx: BotContext): Promise<void>;
}
