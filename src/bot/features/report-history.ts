import { z } from "zod";
import { mayEver } from "../../domain/access.js";
import { ChiboError } from "../../domain/errors.js";
import { currentForm, formVersion, isFormId } from "../../domain/forms/registry.js";
import { dayjs, formatDateVi } from "../../domain/time.js";
import { reportCellsOf } from "../../services/cell.service.js";
import { orgName } from "../../services/org-lookup.service.js";
import { reportHistory, type HistoryEntry } from "../../services/report-history.service.js";
import { awaitingAcceptance, membersMaySeeReports, readableReportsOfCell } from "../../services/report.service.js";
import type { BotContext } from "../context.js";
import type { Feature } from "../feature.js";
import { displayValue } from "../../domain/forms/display-value.js";
import { periodLabel } from "../report/flow.js";
import { HISTORY_ACTION } from "./report-review.js";

const idParam = z.coerce.number().int().positive().max(2_147_483_647);

function entryLines(ctx: BotContext, form: string, version: number, entry: HistoryEntry): string[] {
  const when = dayjs(entry.at).tz(ctx.tz).format("HH:mm");
  const day = formatDateVi(dayjs(entry.at).tz(ctx.tz).format("YYYY-MM-DD"));
  const head = ctx.t("history-entry", { date: day, time: when, who: entry.by ?? ctx.t("history-someone"), action: ctx.t(`history-action-${entry.action}`) });
  const definition = isFormId(form) ? (formVersion(form, version) ?? currentForm(form)) : undefined;
  const t = (id: string) => ctx.t(id);
  const lines = [head];
  for (const change of entry.changes) {
    const field = definition?.fields.find((f) => f.key === change.key);
    if (!field) continue;
    lines.push(`  • ${ctx.t(`field-${field.key}`)}: ${displayValue(field, change.before, t)} → ${displayValue(field, change.after, t)}`);
  }
  return lines;
}

/** A report's changes, oldest first: who, when, what, before → after. */
export async function showHistory(ctx: BotContext, id: number): Promise<void> {
  const { report, entries } = await reportHistory(ctx.db, ctx.requireActor(), id, await membersMaySeeReports(ctx.db));
  const cell = await orgName(ctx.db, report.orgId);
  const title = ctx.t("history-title", { form: isFormId(report.form) ? ctx.t(`form-${report.form}`) : report.form, cell: cell ?? "", period: periodLabel(ctx, report.period) });
  const lines = entries.length === 0 ? [ctx.t("history-empty")] : entries.flatMap((e) => entryLines(ctx, report.form, report.formVersion, e));
  ctx.replies.push({ title, text: lines.join("\n") });
}

/** `/lichsu` (`/history`): pick a report, see its changes. Leaders pick among their cell's reports, the office among those waiting. */
export const reportHistoryFeature: Feature = {
  name: "report-history",
  commands: [
    {
      names: ["lichsu", "history"],
      // As /xembaocao: a plain member reads no cell's report history, so it is never offered to them (it would only refuse).
      requires: ["report.view", "report.accept"],
      description: "cmd-lichsu",
      async run(ctx) {
        const actor = ctx.requireActor();
        const led = actor.roles.find((r) => r.role === "secretary" || r.role === "deputy_secretary")?.orgId;
        const label = (form: string, period: string) => `${isFormId(form) ? ctx.t(`form-${form}`) : form} — ${periodLabel(ctx, period)}`;
        let choices: { label: string; action: string }[];
        if (led === undefined && mayEver(actor, "report.accept")) {
          // The office: the reports waiting for it (any report is also reachable from its view in /duyet).
          choices = (await awaitingAcceptance(ctx.db, actor)).map((r) => ({ label: `${r.org_name} — ${label(r.form, r.period)}`, action: `${HISTORY_ACTION}:${r.id}` }));
        } else {
          // As /xembaocao: the cells led or followed as an assigned cadre (one's own as a member only if none).
          const cells = await reportCellsOf(ctx.db, actor, ctx.today);
          if (cells.length === 0) {
            ctx.reply("cell-none");
            return;
          }
          choices = [];
          for (const cell of cells) {
            const { reports } = await readableReportsOfCell(ctx.db, actor, cell.id);
            const prefix = cells.length > 1 ? `${cell.name} — ` : "";
            choices.push(...reports.map((r) => ({ label: `${prefix}${label(r.form, r.period)}`, action: `${HISTORY_ACTION}:${r.id}` })));
          }
        }
        if (choices.length === 0) {
          ctx.reply("history-none");
          return;
        }
        ctx.ask(ctx.t("history-pick"), choices);
      },
    },
  ],
  actions: {
    async [HISTORY_ACTION](ctx, [rawId]) {
      const id = idParam.safeParse(rawId);
      if (!id.success) throw new ChiboError("stale_choice");
      return showHistory(ctx, id.data);
    },
  },
};
