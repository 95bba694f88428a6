import { z } from "zod";
import { formatDateVi } from "../../domain/time.js";
import { cellMembers, cellSummary, cellsOfActor } from "../../services/cell.service.js";
import type { BotContext } from "../context.js";
import type { Feature } from "../feature.js";
import { mayEver } from "../../domain/access.js";
import { recordAccess } from "../../services/access-log.service.js";
import { meetingOutlookLines } from "./meeting.js";

const idParam = z.coerce.number().int().positive().max(2_147_483_647);

async function show(ctx: BotContext, cellId: number): Promise<void> {
  const actor = ctx.requireActor();
  const s = await cellSummary(ctx.db, actor, cellId, ctx.today);
  const lines = [];
  if (s.parentName) lines.push(ctx.t("cell-parent", { parent: s.parentName }));
  lines.push(
    ctx.t("cell-counts", {
      total: s.counts.total,
      full: s.counts.full,
      probationary: s.counts.probationary,
      exempt: s.counts.exempt,
    }),
  );
  lines.push(ctx.t("cell-secretary", { names: s.secretaries.join(", ") || ctx.t("none") }));
  if (s.deputies.length > 0) lines.push(ctx.t("cell-deputy", { names: s.deputies.join(", ") }));
  lines.push(ctx.t("cell-cadre", { names: s.cadres.join(", ") || ctx.t("cell-no-cadre") }));
  lines.push(...meetingOutlookLines(ctx, s.cancelled));
  if (s.nextMeeting) {
    lines.push(
      ctx.t("cell-next-meeting", {
        date: formatDateVi(s.nextMeeting.date),
        time: s.nextMeeting.time,
      }),
    );
    if (s.nextMeeting.movedFrom) lines.push(ctx.t("meeting-next-moved", { from: formatDateVi(s.nextMeeting.movedFrom), reason: s.nextMeeting.reason ?? ctx.t("meeting-no-reason") }));
    if (s.nextMeeting.place) lines.push(ctx.t("cell-meeting-place", { place: s.nextMeeting.place }));
  }
  const canList = mayEver(actor, "cell.view_members");
  const text = lines.join("\n");
  if (canList) ctx.ask(text, [{ label: ctx.t("cell-members-button"), action: `cell:members:${s.id}` }], s.name);
  else ctx.replies.push({ title: s.name, text });
}

async function members(ctx: BotContext, cellId: number): Promise<void> {
  const actor = ctx.requireActor();
  const list = await cellMembers(ctx.db, actor, cellId, ctx.today);
  await recordAccess(ctx.db, actor, { what: "cell.members", orgId: cellId, subjectIds: list.map((m) => m.id) }, ctx.now);
  const lines = list.map((m, i) => {
    const marks = [
      m.membership === "probationary" ? ctx.t("mark-probationary") : null,
      m.exempt ? ctx.t("mark-exempt") : null,
      m.temp_attached ? ctx.t("mark-temp") : null,
    ].filter(Boolean);
    return `${i + 1}. ${m.full_name}${marks.length ? ` (${marks.join(", ")})` : ""}`;
  });
  ctx.replies.push({ title: ctx.t("cell-members-title", { count: list.length }), text: lines.join("\n") || ctx.t("none") });
}

/** `/chibo` (`/cell`): my cell — or a choice of the cells I lead or follow — and, for those allowed, its members. */
export const cellFeature: Feature = {
  name: "cell",
  commands: [
    {
      names: ["chibo", "cell"],
      description: "cmd-chibo",
      async run(ctx) {
        const actor = ctx.requireActor();
        const cells = await cellsOfActor(ctx.db, actor);
        if (cells.length === 0) {
          ctx.reply("cell-none");
          return;
        }
        if (cells.length === 1) return show(ctx, (cells[0] as { id: number }).id);
        ctx.ask(
          ctx.t("cell-pick"),
          cells.map((c) => ({ label: c.name, action: `cell:show:${c.id}` })),
        );
      },
    },
  ],
  actions: {
    async cell(ctx, [verb, rawId]) {
      const id = idParam.safeParse(rawId);
      if (!id.success) {
        ctx.reply("error-stale_choice");
        return;
      }
      if (verb === "show") return show(ctx, id.data);
      if (verb === "members") return members(ctx, id.data);
      ctx.reply("error-stale_choice");
    },
  },
};
