import { z } from "zod";
import { linkGroupToCell } from "../../services/group-link.service.js";
import { orgName } from "../../services/org-lookup.service.js";
import type { BotContext } from "../context.js";
import type { Feature } from "../feature.js";

const idParam = z.coerce.number().int().positive().max(2_147_483_647);
const LEADER_ROLES = new Set(["secretary", "deputy_secretary"]);

/** The orgs whose secretary or deputy the actor is today (a group is linked to one of them). */
function ledOrgs(ctx: BotContext): number[] {
  const roles = ctx.actor?.roles ?? [];
  return [...new Set(roles.filter((r) => LEADER_ROLES.has(r.role)).map((r) => r.orgId))];
}

async function link(ctx: BotContext, orgId: number): Promise<void> {
  const actor = ctx.requireActor();
  const outcome = await linkGroupToCell(ctx.db, { channel: ctx.msg.channel, chatId: ctx.msg.chatId, cellId: orgId, linkedBy: actor.personId }, ctx.now);
  if (!outcome) {
    ctx.reply("error-stale_choice");
    return;
  }
  // Only the cell's name: a group is never told who someone is or what they reported.
  ctx.reply(outcome.already ? "group-link-already" : "group-link-done", { cell: outcome.cellName });
}

/**
 * `/lienket_nhom` (`/linkgroup`), sent in a group chat by a cell's secretary or deputy: the group
 * becomes the cell's group, where notices for the whole cell may be posted. Anyone else is refused
 * politely; the reply names only the cell.
 */
export const groupLinkFeature: Feature = {
  name: "group-link",
  commands: [
    {
      names: ["lienket_nhom", "linkgroup"],
      requires: ["meeting.manage"],
      description: "cmd-lienket_nhom",
      public: true,
      group: true,
      async run(ctx) {
        if (ctx.msg.chatType !== "group") {
          ctx.reply("group-link-in-group-only");
          return;
        }
        const orgs = ledOrgs(ctx);
        if (orgs.length === 0) {
          ctx.reply("group-link-refused");
          return;
        }
        if (orgs.length === 1) return link(ctx, orgs[0] as number);
        const choices = [];
        for (const id of orgs) {
          const name = await orgName(ctx.db, id);
          if (name) choices.push({ label: name, action: `gl:${id}` });
        }
        ctx.ask(ctx.t("group-link-pick"), choices);
      },
    },
  ],
  actions: {
    async gl(ctx, [rawId]) {
      const id = idParam.safeParse(rawId);
      if (!id.success || ctx.msg.chatType !== "group") {
        ctx.reply("error-stale_choice");
        return;
      }
      // Anyone in the group can press the button: check the presser, not the one who asked.
      if (!ledOrgs(ctx).includes(id.data)) {
        ctx.reply("group-link-refused");
        return;
      }
      await link(ctx, id.data);
    },
  },
};
