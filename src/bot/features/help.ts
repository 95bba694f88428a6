import type { BotContext } from "../context.js";
import type { CommandSpec, Feature } from "../feature.js";

/** Help lists the commands this person can use now, with the Vietnamese and English names. */
export function helpFeature(allCommands: () => CommandSpec[]): Feature {
  async function help(ctx: BotContext): Promise<void> {
    const linked = ctx.actor !== null;
    const lines = allCommands()
      .filter((c) => !c.hidden && c.description && (linked || c.public))
      .map((c) => {
        const [vi, en] = c.names;
        const names = en && en !== vi ? `/${vi} (/${en})` : `/${vi}`;
        return `${names} — ${ctx.t(c.description as string)}`;
      });
    ctx.replies.push({
      title: ctx.t("help-title"),
      text: [linked ? ctx.t("help-intro-linked") : ctx.t("help-intro-unlinked"), "", ...lines].join("\n"),
    });
  }
  return {
    name: "help",
    commands: [{ names: ["trogiup", "help"], description: "cmd-trogiup", public: true, group: true, run: help }],
  };
}
