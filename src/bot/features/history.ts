import { z } from "zod";
import { renderAttendanceChart } from "../../charts/attendance-chart.js";
import { ChiboError } from "../../domain/errors.js";
import { isPeriodOfKind } from "../../domain/forms/period.js";
import { standingCounts, type CellMonth } from "../../domain/history.js";
import { isCellKind } from "../../domain/org.js";
import type { CellRollup } from "../../domain/rollup.js";
import { addMonths } from "../../domain/schedule/local-time.js";
import { formatDateVi } from "../../domain/time.js";
import { orgById } from "../../services/org-lookup.service.js";
import { cellHistory, HISTORY_MONTHS, mayLookBack } from "../../services/history.service.js";
import { currentMonth, rollupFor } from "../../services/rollup.service.js";
import type { Choice } from "../../messaging/message.js";
import type { BotContext } from "../context.js";
import type { Feature } from "../feature.js";
import { periodLabel } from "../report/flow.js";
import { percent, readMonth, reportedDetail } from "./rollup.js";

const idParam = z.coerce.number().int().positive().max(2_147_483_647);
/** Roles that start at a commune or the province: those of `/tonghop`. */
const UPPER_ROLES = new Set(["commune_committee", "commune_standing", "office_staff"]);
/** Roles that start at their own cell. */
const CELL_ROLES = new Set(["secretary", "deputy_secretary", "cell_committee"]);
/** The button of a unit in a period (`lb:o:<orgId>:<YYYY-MM>`) and of a cell's months (`lb:c:<cellId>:<YYYY-MM>`), re-checked on press. */
const ACTION = "lb";

/** Month navigation: the month before, and the month after while it is not past the current one. */
function monthChoices(ctx: BotContext, kind: "o" | "c", id: number, period: string, step: number): Choice[] {
  const choices: Choice[] = [{ label: ctx.t("lookback-prev", { period: periodLabel(ctx, addMonths(period, -step)) }), action: `${ACTION}:${kind}:${id}:${addMonths(period, -step)}` }];
  const next = addMonths(period, step);
  if (next <= currentMonth(ctx.today)) choices.push({ label: ctx.t("lookback-next", { period: periodLabel(ctx, next) }), action: `${ACTION}:${kind}:${id}:${next}` });
  return choices;
}

function cellLine(ctx: BotContext, c: CellRollup): string {
  const status =
    c.status === "reported" || c.status === "accepted"
      ? reportedDetail(ctx, c)
      : c.status === "late"
        ? ctx.t("lookback-status-late", { due: c.due ? formatDateVi(c.due) : "" })
        : c.status === "untracked"
          ? ctx.t("lookback-status-untracked")
          : c.due
            ? ctx.t("lookback-status-pending", { due: formatDateVi(c.due) })
            : ctx.t("lookback-status-none");
  const icon = c.status === "accepted" ? "✅" : c.status === "reported" ? "☑️" : c.status === "late" ? "❗" : c.status === "untracked" ? "·" : "⏳";
  return `${icon} ${c.name} — ${status}`;
}

/** A commune's cells or the province's communes in one month, each a button one level down. */
async function showOrg(ctx: BotContext, orgId: number, period: string): Promise<void> {
  const org = await orgById(ctx.db, orgId);
  if (!org) throw new ChiboError("not_found");
  if (isCellKind(org.kind)) return showCell(ctx, orgId, period);
  // Checked there with rollup.view, and again on every press (the ids in buttons are never trusted).
  const r = await rollupFor(ctx.db, ctx.requireActor(), orgId, period, ctx.today, "monthly-meeting", ctx.tz);
  const total = r.groups.reduce((a, g) => ({ reported: a.reported + g.reported, late: a.late + g.late, cells: a.cells + g.cells, untracked: a.untracked + g.untracked }), { reported: 0, late: 0, cells: 0, untracked: 0 });
  let head = ctx.t("lookback-org-head", { org: r.root.name, period: periodLabel(ctx, period), reported: total.reported, cells: total.cells, late: total.late });
  if (total.untracked > 0) head += ` ${ctx.t("lookback-untracked", { count: total.untracked })}`;
  // Above the commune, one line per commune (counts only; the province's own cells are not a commune).
  const communes = r.groups.filter((g) => g.orgId !== null && g.orgId !== r.root.id);
  const lines: string[] = [];
  const choices: Choice[] = [];
  if (communes.length > 1 || (communes.length === 1 && r.root.kind === "dang_bo_tinh")) {
    for (const g of communes) {
      let line = ctx.t("lookback-group-line", { name: g.name, reported: g.reported, cells: g.cells, late: g.late });
      if (g.reportedLate > 0) line += `, ${ctx.t("rollup-group-reported-late", { count: g.reportedLate })}`;
      lines.push(g.untracked > 0 ? `${line}, ${ctx.t("lookback-group-untracked", { count: g.untracked })}` : line);
      choices.push({ label: g.name, action: `${ACTION}:o:${g.orgId}:${period}` });
    }
    lines.push("", ctx.t("lookback-drill-group"));
  } else {
    for (const c of r.cells) {
      lines.push(cellLine(ctx, c));
      choices.push({ label: c.name, action: `${ACTION}:c:${c.orgId}:${period}` });
    }
    lines.push("", ctx.t("lookback-drill-cell"));
  }
  choices.push(...monthChoices(ctx, "o", orgId, period, 1));
  ctx.ask([head, "", ...lines].join("\n"), choices, ctx.t("lookback-title"));
}

function monthLine(ctx: BotContext, m: CellMonth): string {
  return ctx.t(`lookback-month-${m.standing}`, { period: periodLabel(ctx, m.period), due: m.due ? formatDateVi(m.due) : "", rate: percent(m.attendance) });
}

/** A cell's last 12 months: on time, late, missed; each report a button; the attendance trend as a chart. */
async function showCell(ctx: BotContext, cellId: number, period: string): Promise<void> {
  const actor = ctx.requireActor();
  const h = await cellHistory(ctx.db, actor, cellId, period, ctx.today, ctx.tz);
  const counts = standingCounts(h.months);
  const newestFirst = [...h.months].reverse();
  const summary =
    ctx.t("lookback-cell-summary", counts) +
    (counts.sent > 0 ? ` ${ctx.t("lookback-cell-sent", { count: counts.sent })}` : "") +
    (counts.untracked > 0 ? ` ${ctx.t("lookback-cell-untracked", { count: counts.untracked })}` : "");
  const text = [summary, "", ...newestFirst.map((m) => monthLine(ctx, m)), "", ctx.t("lookback-open-report")].join("\n");
  const choices: Choice[] = newestFirst.filter((m) => m.reportId !== null).map((m) => ({ label: periodLabel(ctx, m.period), action: `rv:${m.reportId}` }));
  choices.push(...monthChoices(ctx, "c", cellId, period, HISTORY_MONTHS));
  if (h.cell.parentId !== null && (await mayLookBack(ctx.db, actor, h.cell.parentId))) {
    const parent = await orgById(ctx.db, h.cell.parentId);
    if (parent) choices.push({ label: ctx.t("lookback-up", { org: parent.name }), action: `${ACTION}:o:${parent.id}:${period}` });
  }
  ctx.ask(text, choices, ctx.t("lookback-cell-title", { cell: h.cell.name, period: periodLabel(ctx, period) }));
  const png = await renderAttendanceChart(
    h.months.map((m) => ({ label: `${m.period.slice(5)}/${m.period.slice(0, 4)}`, rate: m.attendance, ...(m.standing === "untracked" ? { note: ctx.t("lookback-chart-untracked") } : {}) })),
    {
      title: ctx.t("lookback-chart-title"),
      subtitle: h.cell.name,
      noDataLabel: ctx.t("chart-attendance-no-report"),
      legend: { ok: ctx.t("chart-attendance-legend-ok", { bar: "85%" }), low: ctx.t("chart-attendance-legend-low", { bar: "85%" }) },
    },
  );
  ctx.replies.push({ text: ctx.t("lookback-chart-caption"), attachment: { kind: "photo", filename: "chuyen-can-12-thang.png", mimeType: "image/png", data: png, fallbackText: ctx.t("rollup-chart-fallback") } });
}

/** Where a person starts: the communes or province they oversee, the cells they follow or lead. */
function starts(ctx: BotContext): number[] {
  const actor = ctx.requireActor();
  const ids = actor.roles.filter((r) => UPPER_ROLES.has(r.role)).map((r) => r.orgId);
  for (const a of actor.assignments) if (a.orgId !== null) ids.push(a.orgId);
  ids.push(...actor.roles.filter((r) => CELL_ROLES.has(r.role)).map((r) => r.orgId));
  return [...new Set(ids)];
}

/**
 * `/xemlai [tháng]` (`/lookback`), history at a glance (#14.4): from the province to a commune, a
 * cell and the report itself, for any past month (buttons on Telegram, numbers on Zalo and the
 * console); a cell's last 12 months with the attendance trend. Default: last month, past its deadline.
 */
export const historyFeature: Feature = {
  name: "history",
  commands: [
    {
      names: ["xemlai", "lookback"],
      requires: ["report.view", "rollup.view"],
      description: "cmd-xemlai",
      async run(ctx, args) {
        const period = args.trim() ? readMonth(args, ctx.today) : addMonths(currentMonth(ctx.today), -1);
        if (!period || period > currentMonth(ctx.today)) {
          ctx.reply("lookback-bad-month");
          return;
        }
        const ids = starts(ctx);
        if (ids.length === 0) throw new ChiboError("forbidden");
        if (ids.length === 1) return showOrg(ctx, ids[0] as number, period);
        const choices: Choice[] = [];
        for (const id of ids) {
          const org = await orgById(ctx.db, id);
          if (org) choices.push({ label: org.name, action: `${ACTION}:o:${id}:${period}` });
        }
        ctx.ask(ctx.t("lookback-pick"), choices);
      },
    },
  ],
  actions: {
    async [ACTION](ctx, [kind, rawId, period]) {
      const id = idParam.safeParse(rawId);
      if (!id.success || (kind !== "o" && kind !== "c") || !period || !isPeriodOfKind("month", period)) throw new ChiboError("stale_choice");
      return kind === "o" ? showOrg(ctx, id.data, period) : showCell(ctx, id.data, period);
    },
  },
};
