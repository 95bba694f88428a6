import { formatDateVi } from "../../domain/time.js";
import { mayEver } from "../../domain/access.js";
import { followedUnits, managedAssignments, type FollowLevel } from "../../services/assignment.service.js";
import type { Choice } from "../../messaging/message.js";
import type { Feature } from "../feature.js";
import { periodLabel } from "../report/flow.js";

const LEVELS: readonly FollowLevel[] = ["commune", "cell", "household"];
/** Rows listed per level of an office's overview; the rest are counted. */
const MAX_MANAGED_LINES = 15;

/**
 * `/phutrach` (`/assigned`): the communes, cells and households I follow, each with its status, level by
 * level; for an office or standing committee, also who follows what under it.
 */
export const assignedFeature: Feature = {
  name: "assigned",
  commands: [
    {
      names: ["phutrach", "assigned"],
      description: "cmd-phutrach",
      async run(ctx) {
        const actor = ctx.requireActor();
        const units = await followedUnits(ctx.db, actor, ctx.today);
        const manages = mayEver(actor, "assignment.manage");
        if (units.length === 0 && !manages) {
          ctx.reply("assigned-none");
          return;
        }
        const lines: string[] = [];
        const choices: Choice[] = [];
        if (units.length === 0) lines.push(ctx.t("assigned-none"));
        for (const level of LEVELS) {
          const mine = units.filter((u) => u.level === level);
          if (mine.length === 0) continue;
          if (lines.length > 0) lines.push("");
          lines.push(ctx.t(`assigned-level-${level}`, { count: mine.length }));
          for (const u of mine) {
            if (u.level === "commune") {
              lines.push(`• ${u.name} — ${ctx.t("assigned-commune-cells", { cells: u.cells?.total ?? 0, unfollowed: u.cells?.unfollowed ?? 0 })}`);
            } else if (u.kind === "org") {
              const parts = [
                u.nextMeeting
                  ? ctx.t(u.nextMeeting.moved ? "assigned-next-meeting-moved" : "assigned-next-meeting", { date: formatDateVi(u.nextMeeting.date), time: u.nextMeeting.time })
                  : ctx.t("assigned-no-meeting"),
                u.lastReport
                  ? ctx.t("assigned-last-report", { period: periodLabel(ctx, u.lastReport.period), status: ctx.t(`report-status-short-${u.lastReport.status}`) })
                  : ctx.t("assigned-no-report"),
              ];
              lines.push(`• ${u.name} — ${parts.join("; ")}`);
            } else {
              lines.push(`• ${ctx.t("assigned-household", { head: u.name })} — ${u.lastVisit ? ctx.t("assigned-last-visit", { date: formatDateVi(u.lastVisit) }) : ctx.t("assigned-no-visit")}`);
              choices.push({ label: ctx.t("assigned-household", { head: u.name }), action: `hh:${u.id}` });
            }
          }
        }
        // An office or standing committee also sees who follows what under it, level by level.
        if (manages) {
          const rows = await managedAssignments(ctx.db, actor, ctx.today);
          lines.push("", ctx.t("assigned-managed-title", { count: rows.length }));
          for (const level of LEVELS) {
            const atLevel = rows.filter((r) => r.level === level);
            if (atLevel.length === 0) continue;
            lines.push(ctx.t(`assigned-managed-${level}`, { count: atLevel.length }));
            for (const r of atLevel.slice(0, MAX_MANAGED_LINES)) {
              const target = r.org_name ?? ctx.t("assigned-household", { head: `${r.head_name ?? "?"} (${r.village_name ?? "?"})` });
              lines.push(`• ${r.cadre_name} → ${target}`);
            }
            if (atLevel.length > MAX_MANAGED_LINES) lines.push(ctx.t("gaps-more-rows", { count: atLevel.length - MAX_MANAGED_LINES }));
          }
          lines.push(ctx.t("assigned-managed-hint"));
        }
        const text = lines.join("\n");
        const title = ctx.t("assigned-title", { count: units.length });
        if (choices.length > 0) ctx.ask(`${text}\n\n${ctx.t("assigned-pick-household")}`, choices, title);
        else ctx.replies.push({ title, text });
      },
    },
  ],
};
