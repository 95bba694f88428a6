import { z } from "zod";
import { can, mayEver } from "../../domain/access.js";
import { ChiboError } from "../../domain/errors.js";
import { formVersion, isFormId } from "../../domain/forms/registry.js";
import { sameValue } from "../../domain/forms/same-value.js";
import { dayjs, formatDateVi, localDate } from "../../domain/time.js";
import { orgName, pathOfOrg } from "../../services/org-lookup.service.js";
import { reportRevisionCount } from "../../services/report-history.service.js";
import { awaitingAcceptance, decideReport, type DecideOutcome, type ReportDecision, membersMaySeeReports, readableReportsOfCell, reportToCorrect, viewReport } from "../../services/report.service.js";
import { reportCellsOf } from "../../services/cell.service.js";
import { recordReportView } from "../../services/report-names.service.js";
import { reportTimeliness } from "../../services/rollup.service.js";
import type { BotContext } from "../context.js";
import type { Feature } from "../feature.js";
import { displayValue } from "../../domain/forms/display-value.js";
import { startCorrection } from "../report/correction-cell.js";
import { periodLabel, summaryText } from "../report/flow.js";

/** The button of a report's history (report-history.ts): `hist:<reportId>`, the id re-checked with `report.view`. */
export const HISTORY_ACTION = "hist";

const idParam = z.coerce.number().int().positive().max(2_147_483_647);

async function showReport(ctx: BotContext, id: number): Promise<void> {
  const actor = ctx.requireActor();
  const { report } = await viewReport(ctx.db, actor, id, await membersMaySeeReports(ctx.db));
  if (!isFormId(report.form)) throw new ChiboError("not_found");
  // The card shows the absentees with their reasons and the tasks' owners: a view of their details.
  await recordReportView(ctx.db, actor, report, ctx.today, ctx.now);
  const cellName = await orgName(ctx.db, report.org_id);
  const revisions = await reportRevisionCount(ctx.db, id);
  const lines = [
    summaryText(ctx, { form: report.form, period: report.period, values: report.data }),
    "",
    ctx.t(`report-status-${report.status}`),
    ctx.t("report-revisions", { count: revisions }),
  ];
  const sentLine = await sentOn(ctx, report);
  if (sentLine) lines.push(sentLine);
  const path = await pathOfOrg(ctx.db, report.org_id);
  const choices = [];
  // The cell's leaders edit a report still open to change (the latest, or one the office reopened)
  // through the same preview a correction uses.
  if (can(actor, "report.submit", { orgPath: path }) && (await correctable(ctx, report))) choices.push({ label: ctx.t("report-edit-button"), action: `re:${id}` });
  if (can(actor, "report.accept", { orgPath: path })) {
    // The decision names the version shown (`ra:<id>:<decision>:<revision>`): a report changed since is not decided.
    const decision: ReportDecision = report.status === "accepted" ? "reopen" : "accept";
    choices.push({ label: ctx.t(decision === "reopen" ? "report-reopen" : "report-accept"), action: `ra:${id}:${decision}:${report.revision}` });
  }
  choices.push({ label: ctx.t("report-history-button"), action: `${HISTORY_ACTION}:${id}` });
  ctx.ask(lines.join("\n"), choices, cellName);
}

/**
 * "Gửi ngày 08/12/2026 — nộp muộn 25 ngày (hạn 13/11/2026)": the day the report was first sent, judged
 * against its deadline as /tonghop judges it (a later correction moves neither), and the day of its last
 * change when it was changed since.
 */
async function sentOn(ctx: BotContext, report: { org_id: number; form: string; period: string; submitted_at: Date | null; first_submitted_at: Date | null; revision: number }): Promise<string | undefined> {
  const first = report.first_submitted_at ?? report.submitted_at;
  if (!first || !isFormId(report.form)) return undefined;
  const date = formatDateVi(localDate(first, ctx.tz));
  const { due, timeliness } = await reportTimeliness(ctx.db, report.org_id, report.form, report.period, ctx.today, ctx.tz);
  let line = ctx.t("report-submitted-on", { date });
  if (timeliness?.kind === "late") line += ` — ${ctx.t("report-sent-late", { days: timeliness.days, due: due ? formatDateVi(due) : "" })}`;
  else if (timeliness?.kind === "on_time" && due) line += ` — ${ctx.t("report-sent-on-time", { due: formatDateVi(due) })}`;
  else if (timeliness?.kind === "unjudged") line += ` — ${ctx.t("report-sent-unjudged")}`;
  const last = report.submitted_at ? formatDateVi(localDate(report.submitted_at, ctx.tz)) : date;
  if (report.revision > 1 && last !== date) line += `\n${ctx.t("report-changed-on", { date: last })}`;
  return line;
}

async function correctable(ctx: BotContext, report: { org_id: number; form: string; period: string }): Promise<boolean> {
  if (!isFormId(report.form)) return false;
  try {
    await reportToCorrect(ctx.db, ctx.requireActor(), report.org_id, report.form, report.period);
    return true;
  } catch (error) {
    if (error instanceof ChiboError) return false;
    throw error;
  }
}

/**
 * Why a decision was not taken: the report changed after its card was shown (by whom, when, and each
 * changed field with its value then, "(trước: …)", as an update's preview marks it, or that it was
 * changed back to the very version read), or the button was older than versioned buttons and named no version.
 */
function changedSinceShown(ctx: BotContext, outcome: Extract<DecideOutcome, { ok: false }>, decision: ReportDecision, versioned: boolean): string {
  const next = ctx.t(`report-changed-next-${decision}`);
  if (!versioned) return [ctx.t(`report-decide-outdated-${decision}`), next].join("\n");
  const at = dayjs(outcome.at).tz(ctx.tz);
  const when = { time: at.format("HH:mm"), date: formatDateVi(at.format("YYYY-MM-DD")) };
  const head = outcome.by ? ctx.t(`report-changed-by-${decision}`, { ...when, by: outcome.by }) : ctx.t(`report-changed-${decision}`, when);
  const lines = [head];
  const { report, seen } = outcome;
  const fields = seen && isFormId(report.form) ? (formVersion(report.form, report.form_version)?.fields ?? []) : [];
  const changed = fields.filter((f) => !sameValue(seen![f.key], report.data[f.key]));
  // Changed and changed back (2 → 3 → 2): the content is the version read, only its number moved.
  if (seen && fields.length > 0 && changed.length === 0) return [head, ctx.t(`report-changed-back-${decision}`)].join("\n");
  if (changed.length > 0) {
    const t = (key: string) => ctx.t(key);
    lines.push(ctx.t("report-changed-fields"));
    for (const f of changed) lines.push(`• ${ctx.t(`field-${f.key}`)}: ${displayValue(f, report.data[f.key], t)} ${ctx.t("report-was", { value: displayValue(f, seen![f.key], t) })}`);
  }
  lines.push(next);
  return lines.join("\n");
}

/** `re:<id>`: open a report for editing, re-checked (`report.submit`, still open to change). */
async function editReport(ctx: BotContext, id: number): Promise<void> {
  const actor = ctx.requireActor();
  const { report } = await viewReport(ctx.db, actor, id, false);
  if (!isFormId(report.form)) throw new ChiboError("not_found");
  const target = await reportToCorrect(ctx.db, actor, report.org_id, report.form, report.period);
  await startCorrection(ctx, target, {});
}

/** A cell's reports, newest first: all of them for those who may view the cell's reports, the accepted ones for its members when the commune allows it. */
async function listReports(ctx: BotContext, cellId: number): Promise<void> {
  const { reports } = await readableReportsOfCell(ctx.db, ctx.requireActor(), cellId);
  if (reports.length === 0) {
    ctx.reply("report-none-yet");
    return;
  }
  ctx.ask(
    ctx.t("report-list-title"),
    reports.map((r) => ({
      label: `${ctx.t(`form-${r.form}`)} — ${periodLabel(ctx, r.period)} (${ctx.t(`report-status-short-${r.status}`)})`,
      action: `rv:${r.id}`,
    })),
  );
}

/** `/xembaocao` (my cell's reports) and `/duyet` (reports waiting for the office to accept). */
export const reportReviewFeature: Feature = {
  name: "report-review",
  commands: [
    {
      names: ["xembaocao", "reports"],
      // A plain member sees no cell's reports: never offered to them (it would only refuse).
      requires: ["report.view"],
      description: "cmd-xembaocao",
      async run(ctx) {
        const actor = ctx.requireActor();
        // The cells they lead or follow as an assigned cadre (their own as a member only if none): one lists at once, several are offered.
        const cells = await reportCellsOf(ctx.db, actor, ctx.today);
        if (cells.length === 0) {
          ctx.reply("cell-none");
          return;
        }
        if (cells.length === 1) return listReports(ctx, cells[0]!.id);
        ctx.ask(
          ctx.t("cell-pick"),
          cells.map((c) => ({ label: c.name, action: `rl:${c.id}` })),
        );
      },
    },
    {
      names: ["duyet", "accept"],
      requires: ["report.accept"],
      description: "cmd-duyet",
      async run(ctx) {
        const actor = ctx.requireActor();
        if (!mayEver(actor, "report.accept")) throw new ChiboError("forbidden");
        const waiting = await awaitingAcceptance(ctx.db, actor);
        if (waiting.length === 0) {
          ctx.reply("report-none-waiting");
          return;
        }
        ctx.ask(
          ctx.t("report-waiting-title", { count: waiting.length }),
          waiting.map((r) => ({
            label: `${r.org_name} — ${isFormId(r.form) ? ctx.t(`form-${r.form}`) : r.form} ${periodLabel(ctx, r.period)}`,
            action: `rv:${r.id}`,
          })),
        );
      },
    },
  ],
  actions: {
    async rl(ctx, [rawId]) {
      const id = idParam.safeParse(rawId);
      if (!id.success) throw new ChiboError("stale_choice");
      return listReports(ctx, id.data);
    },
    async rv(ctx, [rawId]) {
      const id = idParam.safeParse(rawId);
      if (!id.success) throw new ChiboError("stale_choice");
      return showReport(ctx, id.data);
    },
    async re(ctx, [rawId]) {
      const id = idParam.safeParse(rawId);
      if (!id.success) throw new ChiboError("stale_choice");
      return editReport(ctx, id.data);
    },
    /** `ra:<id>:<decision>:<revision>`: accept or reopen the version of the report the card showed. */
    async ra(ctx, [rawId, decision, rawRevision]) {
      const id = idParam.safeParse(rawId);
      const revision = rawRevision === undefined ? undefined : idParam.safeParse(rawRevision);
      if (!id.success || (decision !== "accept" && decision !== "reopen") || revision?.success === false) throw new ChiboError("stale_choice");
      const outcome = await decideReport(ctx.db, ctx.requireActor(), id.data, decision, ctx.now, revision?.data);
      if (!outcome.ok) {
        // Nothing decided: the card pressed showed another version. Say what changed, then the report as it is now.
        ctx.reply({ text: changedSinceShown(ctx, outcome, decision, revision !== undefined) });
        ctx.pressExpired = true;
        return showReport(ctx, id.data);
      }
      const row = outcome.report;
      const cell = await orgName(ctx.db, row.org_id);
      ctx.reply(decision === "accept" ? "report-accepted" : "report-reopened", {
        cell: cell ?? "",
        form: isFormId(row.form) ? ctx.t(`form-${row.form}`) : row.form,
        period: periodLabel(ctx, row.period),
      });
    },
  },
};
