import { nextMeetingDate } from "../../domain/meeting-rule.js";
import { formatDateVi } from "../../domain/time.js";
import { currentMeetingRule } from "../../db/org.repository.js";
import { assignmentDetailsOf } from "../../db/person.repository.js";
import { toMeetingRule } from "../../services/cell.service.js";
import type { Feature } from "../feature.js";

/** `/phutrach` (`/assigned`): the units and households I follow. */
export const assignedFeature: Feature = {
  name: "assigned",
  commands: [
    {
      names: ["phutrach", "assigned"],
      description: "cmd-phutrach",
      async run(ctx) {
        const actor = ctx.requireActor();
        const rows = await assignmentDetailsOf(ctx.db, actor.personId, ctx.today);
        if (rows.length === 0) {
          ctx.reply("assigned-none");
          return;
        }
        const lines = [];
        for (const row of rows) {
          if (row.org_id !== null) {
            const ruleRow = await currentMeetingRule(ctx.db, row.org_id, ctx.today);
            const rule = ruleRow ? toMeetingRule(ruleRow) : null;
            const next = rule ? ctx.t("assigned-next-meeting", { date: formatDateVi(nextMeetingDate(rule, ctx.today)), time: rule.startTime }) : "";
            lines.push(`• ${row.org_name ?? "?"}${next ? ` — ${next}` : ""}`);
          } else {
            lines.push(`• ${ctx.t("assigned-household", { head: row.head_name ?? "?", village: row.village_name ?? "?" })}`);
          }
        }
        ctx.replies.push({ title: ctx.t("assigned-title", { count: rows.length }), text: lines.join("\n") });
      },
    },
  ],
};
