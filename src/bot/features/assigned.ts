import { formatDateVi } from "../../domain/time.js";
import { followedUnits } from "../../services/assignment.service.js";
import type { Choice } from "../../messaging/message.js";
import type { Feature } from "../feature.js";
import { periodLabel } from "../report/flow.js";

/** `/phutrach` (`/assigned`): the units and households I follow, each with its status. */
export const assignedFeature: Feature = {
  name: "assigned",
  commands: [
    {
      names: ["phutrach", "assigned"],
      description: "cmd-phutrach",
      async run(ctx) {
        const units = await followedUnits(ctx.db, ctx.requireActor(), ctx.today);
        if (units.length === 0) {
          ctx.reply("assigned-none");
          return;
        }
        const lines: string[] = [];
        const choices: Choice[] = [];
        for (const u of units) {
          if (u.kind === "org") {
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
        const text = lines.join("\n");
        if (choices.length > 0) ctx.ask(`${text}\n\n${ctx.t("assigned-pick-household")}`, choices, ctx.t("assigned-title", { count: units.length }));
        else ctx.replies.push({ title: ctx.t("assigned-title", { count: units.length }), text });
      },
    },
  ],
};
