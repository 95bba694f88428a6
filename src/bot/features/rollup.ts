import { z } from "zod";
import { ChiboError } from "../../domain/errors.js";
import { isPeriodOfKind } from "../../domain/forms/period.js";
import type { CellRollup } from "../../domain/rollup.js";
import { fold } from "../../domain/text/fold.js";
import { formatDateVi } from "../../domain/time.js";
import { orgById } from "../../services/org-lookup.service.js";
import { renderAttendanceChart } from "../../charts/attendance-chart.js";
import { renderReportingChart } from "../../charts/reporting-chart.js";
import { currentMonth, rollupFor, type Rollup } from "../../services/rollup.service.js";
import type { BotContext } from "../context.js";
import type { Feature } from "../feature.js";
import type { Choice } from "../../messaging/message.js";
import { periodLabel } from "../report/flow.js";

const idParam = z.coerce.number().int().positive().max(2_147_483_647);
const ROLLUP_ROLES = new Set(["commune_committee", "commune_standing", "office_staff"]);

/** "10/2025", "t10", "tháng 10", "2025-10" → `YYYY-MM` (the year defaults to the current one, or last year for a later month). */
export function readMonth(text: string, today: string): string | null {
  const f = fold(text).trim();
  if (!f) return currentMonth(today);
  if (isPeriodOfKind("month", f)) return f;
  const m = /^(?:t|thang)?\s*(\d{1,2})(?:\s*[/-]\s*(\d{4}))?$/.exec(f);
  if (!m) return null;
  const month = Number(m[1]);
  if (month < 1 || month > 12) return null;
  let year = m[2] ? Number(m[2]) : Number(today.slice(0, 4));
  if (!m[2] && month > Number(today.slice(5, 7))) year -= 1;
  return `${year}-${String(month).padStart(2, "0")}`;
}

function icon(c: CellRollup): string {
  return c.status === "accepted" ? "✅" : c.status === "reported" ? "☑️" : c.status === "late" ? "❗" : "⏳";
}

function percent(rate: number | null): string {
  return rate === null ? "—" : `${Math.round(rate * 100)}%`;
}

async function cellView(ctx: BotContext, r: Rollup): Promise<void> {
  const actor = ctx.requireActor();
  const lines: string[] = [];
  const choices: Choice[] = [];
  for (const c of r.cells) {
    let detail: string;
    if (c.status === "reported" || c.status === "accepted") {
      detail = ctx.t("rollup-cell-reported", { rate: percent(c.attendance) });
      if (c.belowBar) detail += ` ${ctx.t("rollup-below-bar")}`;
      if (c.unexcused > 0) detail += ` ${ctx.t("rollup-unexcused", { count: c.unexcused })}`;
      if (c.reportId !== null) choices.push({ label: c.name, action: `rv:${c.reportId}` });
    } else if (c.status === "late") detail = ctx.t("rollup-cell-late", { due: c.due ? formatDateVi(c.due) : "" });
    else detail = c.due ? ctx.t("rollup-cell-pending", { due: formatDateVi(c.due) }) : ctx.t("rollup-cell-no-due");
    lines.push(`${icon(c)} ${c.name} — ${detail}`);
    const names = r.repeatedAbsence.get(c.orgId);
    if (names) {
      // Domain §2: this flag goes to the cell's secretary and its commune only; the province sees a count.
      const seesNames = actor.roles.some(
        (role) =>
          (ROLLUP_ROLES.has(role.role) && role.orgId === c.parentId) ||
          ((role.role === "secretary" || role.role === "deputy_secretary") && role.orgId === c.orgId),
      );
      lines.push(`   ⚠ ${seesNames ? ctx.t("rollup-repeated-names", { names: names.join(", ") }) : ctx.t("rollup-repeated-count", { count: names.length })}`);
    }
    const probation = r.probationOverdue.get(c.orgId);
    if (probation) {
      const seesNames = actor.roles.some(
        (role) => (ROLLUP_ROLES.has(role.role) && role.orgId === c.parentId) || ((role.role === "secretary" || role.role === "deputy_secretary") && role.orgId === c.orgId),
      );
      const names = probation.map((p) => `${p.name} (${formatDateVi(p.endsOn)})`).join(", ");
      lines.push(`   ⏳ ${seesNames ? ctx.t("rollup-probation-overdue", { names }) : ctx.t("rollup-probation-overdue-count", { count: probation.length })}`);
    }
  }
  const g = r.groups.reduce((a, b) => ({ cells: a.cells + b.cells, reported: a.reported + b.reported, late: a.late + b.late, pending: a.pending + b.pending, belowBar: a.belowBar + b.belowBar }), { cells: 0, reported: 0, late: 0, pending: 0, belowBar: 0 });
  const head = ctx.t("rollup-head", { ...g, period: periodLabel(ctx, r.period) });
  const text = [head, "", ...lines, "", ctx.t("rollup-legend")].join("\n");
  if (choices.length > 0) ctx.ask(`${text}\n\n${ctx.t("rollup-drill")}`, choices, r.root.name);
  else ctx.replies.push({ title: r.root.name, text });
  if (r.cells.length > 0) {
    const png = await renderAttendanceChart(
      r.cells.map((c) => ({ label: c.name, rate: c.attendance })),
      {
        title: ctx.t("chart-attendance-title"),
        subtitle: `${r.root.name} — ${periodLabel(ctx, r.period)}`,
        noDataLabel: ctx.t("chart-attendance-no-report"),
        legend: { ok: ctx.t("chart-attendance-legend-ok", { bar: "85%" }), low: ctx.t("chart-attendance-legend-low", { bar: "85%" }) },
      },
    );
    ctx.replies.push({ text: ctx.t("rollup-chart-caption"), attachment: { kind: "photo", filename: "chuyen-can.png", mimeType: "image/png", data: png, fallbackText: ctx.t("rollup-chart-fallback") } });
  }
}

async function groupView(ctx: BotContext, r: Rollup): Promise<void> {
  const lines = r.groups.map((g) =>
    ctx.t("rollup-group-line", { name: g.name, reported: g.reported, cells: g.cells, late: g.late, below: g.belowBar, rate: percent(g.attendance) }),
  );
  const choices = r.groups.filter((g) => g.orgId !== null).map((g) => ({ label: g.name, action: `tong:${g.orgId}:${r.period}` }));
  const total = r.groups.reduce((a, g) => ({ cells: a.cells + g.cells, reported: a.reported + g.reported, late: a.late + g.late, pending: a.pending + g.pending, belowBar: a.belowBar + g.belowBar }), { cells: 0, reported: 0, late: 0, pending: 0, belowBar: 0 });
  const probation = [...r.probationOverdue.values()].reduce((n, list) => n + list.length, 0);
  if (probation > 0) lines.push(`⏳ ${ctx.t("rollup-probation-overdue-count", { count: probation })}`);
  ctx.ask([ctx.t("rollup-head", { ...total, period: periodLabel(ctx, r.period) }), "", ...lines, "", ctx.t("rollup-drill-commune")].join("\n"), choices, r.root.name);
  if (r.groups.length > 0) {
    const png = await renderReportingChart(
      r.groups.map((g) => ({ label: g.name, reported: g.reported, pending: g.pending, late: g.late })),
      {
        title: ctx.t("chart-reporting-title"),
        subtitle: `${r.root.name} — ${periodLabel(ctx, r.period)}`,
        labels: { reported: ctx.t("chart-reporting-reported"), pending: ctx.t("chart-reporting-pending"), late: ctx.t("chart-reporting-late") },
      },
    );
    ctx.replies.push({ text: ctx.t("rollup-chart-caption"), attachment: { kind: "photo", filename: "bao-cao.png", mimeType: "image/png", data: png, fallbackText: ctx.t("rollup-chart-fallback") } });
  }
}

async function show(ctx: BotContext, orgId: number, period: string): Promise<void> {
  const r = await rollupFor(ctx.db, ctx.requireActor(), orgId, period, ctx.today);
  // Above the commune, one line per commune (counts only); at the commune, one line per cell.
  const communes = r.groups.filter((g) => g.orgId !== r.root.id);
  if (communes.length > 1 || (communes.length === 1 && r.root.kind === "dang_bo_tinh")) return groupView(ctx, r);
  return cellView(ctx, r);
}

/** The orgs whose roll-up this person may see: from commune-level roles and assignments. */
function roots(ctx: BotContext): number[] {
  const actor = ctx.requireActor();
  const ids = actor.roles.filter((r) => ROLLUP_ROLES.has(r.role)).map((r) => r.orgId);
  for (const a of actor.assignments) if (a.orgId !== null) ids.push(a.orgId);
  return [...new Set(ids)];
}

/** `/tonghop [tháng]` (`/summary`): who reported, who is late, attendance and the quality bar, with a chart. */
export const rollupFeature: Feature = {
  name: "rollup",
  commands: [
    {
      names: ["tonghop", "summary"],
      requires: ["rollup.view"],
      description: "cmd-tonghop",
      async run(ctx, args) {
        const period = readMonth(args, ctx.today);
        if (!period) {
          ctx.reply("rollup-bad-month");
          return;
        }
        const ids = roots(ctx);
        if (ids.length === 0) throw new ChiboError("forbidden");
        if (ids.length === 1) return show(ctx, ids[0] as number, period);
        const choices: Choice[] = [];
        for (const id of ids) {
          const org = await orgById(ctx.db, id);
          if (org) choices.push({ label: org.name, action: `tong:${id}:${period}` });
        }
        ctx.ask(ctx.t("rollup-pick"), choices);
      },
    },
  ],
  actions: {
    async tong(ctx, [rawId, period]) {
      const id = idParam.safeParse(rawId);
      if (!id.success || !period || !isPeriodOfKind("month", period)) throw new ChiboError("stale_choice");
      return show(ctx, id.data, period);
    },
  },
};
