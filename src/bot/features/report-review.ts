import { z } from "zod";
import { can, mayEver } from "../../domain/access.js";
import { ChiboError } from "../../domain/errors.js";
import { isFormId } from "../../domain/forms/registry.js";
import { formatDateVi, localDate } from "../../domain/time.js";
import { findOrgById, orgPath } from "../../db/org.repository.js";
import { listReportsOfOrg } from "../../db/report.repository.js";
import { getSetting } from "../../db/setting.repository.js";
import { auditOf } from "../../db/audit.repository.js";
import { awaitingAcceptance, decideReport, reportToCorrect, viewReport } from "../../services/report.service.js";
import type { BotContext } from "../context.js";
import type { Feature } from "../feature.js";
import { startCorrection } from "../report/correction-cell.js";
import { periodLabel, summaryText } from "../report/flow.js";

/** Province setting: may members read their own cell's accepted reports (default no, domain §7). */
export const MEMBERS_SEE_REPORTS = "members_see_reports";
/** The button of a report's history (report-history.ts): `hist:<reportId>`, the id re-checked with `report.view`. */
export const HISTORY_ACTION = "hist";

const idParam = z.coerce.number().int().positive().max(2_147_483_647);

async function showReport(ctx: BotContext, id: number): Promise<void> {
  const actor = ctx.requireActor();
  const membersMaySee = await getSetting(ctx.db, MEMBERS_SEE_REPORTS, false);
  const { report } = await viewReport(ctx.db, actor, id, membersMaySee);
  if (!isFormId(report.form)) throw new ChiboError("not_found");
  const org = await findOrgById(ctx.db, report.org_id);
  const history = await auditOf(ctx.db, "report_submission", id);
  const lines = [
    summaryText(ctx, { form: report.form, period: report.period, values: report.data }),
    "",
    ctx.t(`report-status-${report.status}`),
    ctx.t("report-revisions", { count: history.filter((h) => h.action !== "report.accept" && h.action !== "report.reopen").length }),
  ];
  if (report.submitted_at) lines.push(ctx.t("report-submitted-on", { date: formatDateVi(localDate(report.submitted_at)) }));
  const path = await orgPath(ctx.db, report.org_id);
  const choices = [];
  // The cell's leaders edit a report still open to change (the latest, or one the office reopened)
  // through the same preview a correction uses.
  if (can(actor, "report.submit", { orgPath: path }) && (await correctable(ctx, report))) choices.push({ label: ctx.t("report-edit-button"), action: `re:${id}` });
  if (can(actor, "report.accept", { orgPath: path })) {
    if (report.status === "accepted") choices.push({ label: ctx.t("report-reopen"), action: `ra:${id}:reopen` });
    else choices.push({ label: ctx.t("report-accept"), action: `ra:${id}:accept` });
  }
  choices.push({ label: ctx.t("report-history-button"), action: `${HISTORY_ACTION}:${id}` });
  ctx.ask(lines.join("\n"), choices, org?.name);
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

/** `re:<id>`: open a report for editing, re-checked (`report.submit`, still open to change). */
async function editReport(ctx: BotContext, id: number): Promise<void> {
  const actor = ctx.requireActor();
  const { report } = await viewReport(ctx.db, actor, id, false);
  if (!isFormId(report.form)) throw new ChiboError("not_found");
  const target = await reportToCorrect(ctx.db, actor, report.org_id, report.form, report.period);
  await startCorrection(ctx, target, {});
}

/** `/xembaocao` (my cell's reports) and `/duyet` (reports waiting for the office to accept). */
export const reportReviewFeature: Feature = {
  name: "report-review",
  commands: [
    {
      names: ["xembaocao", "reports"],
      description: "cmd-xembaocao",
      async run(ctx) {
        const actor = ctx.requireActor();
        const cellId = actor.roles.find((r) => r.role === "secretary" || r.role === "deputy_secretary")?.orgId ?? actor.cellId;
        if (cellId === null) {
          ctx.reply("cell-none");
          return;
        }
        const path = await orgPath(ctx.db, cellId);
        const membersMaySee = await getSetting(ctx.db, MEMBERS_SEE_REPORTS, false);
        const leader = can(actor, "report.view", { orgPath: path });
        if (!leader && !membersMaySee) throw new ChiboError("forbidden");
        const reports = (await listReportsOfOrg(ctx.db, cellId)).filter((r) => leader || r.status === "accepted");
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
    async ra(ctx, [rawId, decision]) {
      const id = idParam.safeParse(rawId);
      if (!id.success || (decision !== "accept" && decision !== "reopen")) throw new ChiboError("stale_choice");
      const row = await decideReport(ctx.db, ctx.requireActor(), id.data, decision, ctx.now);
      const org = await findOrgById(ctx.db, row.org_id);
      ctx.reply(decision === "accept" ? "report-accepted" : "report-reopened", {
        cell: org?.name ?? "",
        form: isFormId(row.form) ? ctx.t(`form-${row.form}`) : row.form,
        period: periodLabel(ctx, row.period),
      });
    },
  },
};
