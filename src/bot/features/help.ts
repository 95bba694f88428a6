import { mayEver } from "../../domain/access.js";
import type { BotContext } from "../context.js";
import type { CommandSpec, Feature } from "../feature.js";

/** The listed commands this person may use here: public ones before linking, then those their roles allow, in a group those a group takes. */
export function usableCommands(ctx: BotContext, all: readonly CommandSpec[]): CommandSpec[] {
  const actor = ctx.actor;
  const inGroup = ctx.msg.chatType === "group";
  return all
    .filter((c) => !c.hidden && c.description && (actor !== null || c.public))
    .filter((c) => !inGroup || c.group)
    .filter((c) => !c.requires || (actor !== null && c.requires.some((a) => mayEver(actor, a))));
}

/**
 * Help lists the commands this person can use here, with the Vietnamese and English names:
 * before linking only the public ones, then those their roles allow (access.ts `mayEver`),
 * and in a group chat only the commands a group takes.
 */
export function helpFeature(allCommands: () => CommandSpec[]): Feature {
  async function help(ctx: BotContext): Promise<void> {
    const actor = ctx.actor;
    const inGroup = ctx.msg.chatType === "group";
    const lines = usableCommands(ctx, allCommands())
      .map((c) => {
        const [vi, en] = c.names;
        const names = en && en !== vi ? `/${vi} (/${en})` : `/${vi}`;
        return `${names} — ${ctx.t(c.description as string)}`;
      });
    const intro = inGroup ? "help-intro-group" : actor !== null ? "help-intro-linked" : "help-intro-unlinked";
    ctx.replies.push({
      title: ctx.t("help-title"),
      text: [ctx.t(intro), "", ...lines].join("\n"),
    });
  }
  return {
    name: "help",
    commands: [{ names: ["trogiup", "help"], description: "cmd-trogiup", public: true, group: true, run: help }],
  };
}
