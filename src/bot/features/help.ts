import { mayEver } from "../../domain/access.js";
import type { Actor } from "../../domain/roles.js";
import type { Choice } from "../../messaging/message.js";
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

const TOPICS = ["cell", "report", "office", "records", "households", "account"] as const;
type Topic = (typeof TOPICS)[number];

/** Each listed command's topic, by its Vietnamese name; a command not named here is listed under "account". */
const TOPIC_OF: Record<string, Topic> = {
  toi: "cell",
  chibo: "cell",
  lichhop: "cell",
  doilich: "cell",
  diemdanh: "cell",
  viec: "cell",
  tudanhgia: "cell",
  baocao: "report",
  xembaocao: "report",
  lichsu: "report",
  chuongtrinh: "report",
  vanban: "report",
  xemlai: "report",
  moi: "report",
  tonghop: "office",
  duyet: "office",
  xuat: "office",
  dinhhuong: "office",
  thongbao: "office",
  phancong: "office",
  chuaphutrach: "office",
  hosothon: "records",
  phattrien: "records",
  xeploai: "records",
  phutrach: "households",
  thamho: "households",
  ghinhan: "households",
};

/**
 * The first help message stays one Zalo message (2,000 characters) with room for its title and the
 * "xem thêm" lines: the topics that do not fit, and the account settings, are offered after it.
 */
const FIRST_PAGE_CHARS = 1_600;

/** The topics in the order that concerns this person most: an office its roll-ups, a secretary the cell's work, a member their own. */
function topicOrder(actor: Actor): Topic[] {
  if (mayEver(actor, "rollup.view")) return ["office", "report", "cell", "records", "households"];
  if (mayEver(actor, "report.submit")) return ["cell", "report", "records", "households", "office"];
  return ["cell", "households", "records", "report", "office"];
}

function line(ctx: BotContext, c: CommandSpec): string {
  const [vi, en] = c.names;
  const names = en && en !== vi ? `/${vi} (/${en})` : `/${vi}`;
  return `${names} — ${ctx.t(c.description as string)}`;
}

function section(ctx: BotContext, topic: Topic, commands: readonly CommandSpec[]): string {
  return [`${ctx.t(`help-topic-${topic}`)}:`, ...commands.map((c) => line(ctx, c))].join("\n");
}

/** The person's commands grouped by topic, in the order that concerns them; empty topics left out. */
function grouped(ctx: BotContext, all: readonly CommandSpec[], actor: Actor): { topic: Topic; commands: CommandSpec[] }[] {
  const usable = usableCommands(ctx, all);
  const byTopic = (topic: Topic) => usable.filter((c) => (TOPIC_OF[c.names[0] as string] ?? "account") === topic);
  return [...topicOrder(actor), "account" as const].map((topic) => ({ topic, commands: byTopic(topic) })).filter((g) => g.commands.length > 0);
}

/** The topics shown in the first message (whole topics, in order, as many as fit) and those offered after it. */
function firstPage(ctx: BotContext, groups: readonly { topic: Topic; commands: CommandSpec[] }[]) {
  const shown: { topic: Topic; commands: CommandSpec[] }[] = [];
  const more: Topic[] = [];
  let size = ctx.t("help-intro-linked").length;
  for (const g of groups) {
    const length = section(ctx, g.topic, g.commands).length + 2;
    if (g.topic !== "account" && (shown.length === 0 || size + length <= FIRST_PAGE_CHARS)) {
      shown.push(g);
      size += length;
    } else more.push(g.topic);
  }
  return { shown, more };
}

function moreChoices(ctx: BotContext, topics: readonly Topic[]): Choice[] {
  return topics.map((topic) => ({ label: ctx.t("help-more", { topic: ctx.t(`help-topic-${topic}`) }), action: `tro:${topic}` }));
}

/**
 * Help lists the commands this person can use here, with the Vietnamese and English names:
 * before linking only the public ones, in a group chat only the commands a group takes; a linked
 * person gets the topics that concern their roles first (access.ts `mayEver`), in one message, and
 * "Xem thêm" for the other topics and the account settings.
 */
export function helpFeature(allCommands: () => CommandSpec[]): Feature {
  async function help(ctx: BotContext): Promise<void> {
    const actor = ctx.actor;
    if (actor === null || ctx.msg.chatType === "group") {
      const intro = ctx.msg.chatType === "group" ? "help-intro-group" : "help-intro-unlinked";
      ctx.replies.push({ title: ctx.t("help-title"), text: [ctx.t(intro), "", ...usableCommands(ctx, allCommands()).map((c) => line(ctx, c))].join("\n") });
      return;
    }
    const { shown, more } = firstPage(ctx, grouped(ctx, allCommands(), actor));
    const text = [ctx.t("help-intro-linked"), ...shown.map((g) => section(ctx, g.topic, g.commands))].join("\n\n");
    ctx.replies.push({ title: ctx.t("help-title"), text, choices: moreChoices(ctx, more) });
  }

  return {
    name: "help",
    commands: [{ names: ["trogiup", "help"], description: "cmd-trogiup", public: true, group: true, run: help }],
    actions: {
      /** "Xem thêm": one topic's commands, then the topics not seen yet. */
      async tro(ctx, [name]) {
        const actor = ctx.requireActor();
        const groups = grouped(ctx, allCommands(), actor);
        const { more } = firstPage(ctx, groups);
        const group = groups.find((g) => g.topic === name);
        if (group === undefined) {
          ctx.reply("error-stale_choice");
          return;
        }
        const rest = more.slice(more.indexOf(group.topic) + 1);
        ctx.replies.push({ text: section(ctx, group.topic, group.commands), choices: moreChoices(ctx, rest) });
      },
    },
  };
}
