import { z } from "zod";
import { ChiboError } from "../../domain/errors.js";
import { isPeriodOfKind, periodParts } from "../../domain/forms/period.js";
import { currentForm, FORM_IDS, isFormId, type FormId } from "../../domain/forms/registry.js";
import type { CellRollup } from "../../domain/rollup.js";
import { formForPeriodKind, readMonthText, readRollupRequest } from "../../domain/rollup-request.js";
import type { RollupTableRow, RollupValue } from "../../domain/rollup-table.js";
import { formatDateVi } from "../../domain/time.js";
import { orgById } from "../../services/org-lookup.service.js";
import { renderAttendanceChart } from "../../charts/attendance-chart.js";
import { renderReportingChart } from "../../charts/reporting-chart.js";
import { defaultRollup, rollupFor, rollupTableOf, type Rollup } from "../../services/rollup.service.js";
import type { BotContext } from "../context.js";
import type { Feature } from "../feature.js";
import { capabilitiesOf } from "../../messaging/capabilities.js";
import type { Choice } from "../../messaging/message.js";
import { periodLabel } from "../report/flow.js";

const idParam = z.coerce.number().int().positive().max(2_147_483_647);
/** In a `tong:` payload: the form's default period (a payload has no empty parts). */
const DEFAULT_PERIOD = "-";
const ROLLUP_ROLES = new Set(["commune_committee", "commune_standing", "office_staff"]);

/** "10/2025", "t10", "tháng 10", "tháng trước", "2025-10" → `YYYY-MM` (see domain/rollup-request.ts). */
export function readMonth(text: string, today: string): string | null {
  return readMonthText(text, today);
}

function icon(c: { status: CellRollup["status"]; noMeeting: CellRollup["noMeeting"] }): string {
  if (c.status === "pending" && c.noMeeting) return "⏸";
  if (c.status === "untracked") return "·";
  return c.status === "accepted" ? "✅" : c.status === "reported" ? "☑️" : c.status === "late" ? "❗" : "⏳";
}

/** A rate as a whole percent ("78%"), "—" with none. */
export function percent(rate: number | null): string {
  return rate === null ? "—" : `${Math.round(rate * 100)}%`;
}

/** What a cell that has not reported shows: late, pending with its due date, or why it has none. */
function notReported(ctx: BotContext, c: CellRollup): string {
  if (c.status === "late") return ctx.t("rollup-cell-late", { due: c.due ? formatDateVi(c.due) : "" });
  if (c.status === "untracked") return ctx.t("rollup-cell-untracked");
  if (c.due) return ctx.t("rollup-cell-pending", { due: formatDateVi(c.due) });
  if (c.noMeeting === "cancelled") return ctx.t("rollup-cell-cancelled");
  if (c.noMeeting === "no_schedule") return ctx.t("rollup-cell-no-due");
  return ctx.t("rollup-cell-not-reported");
}

/** The days and the deadline of a report sent late ("nộp muộn 32 ngày (hạn 06/11/2026)"). */
function lateArgs(c: CellRollup): { days: number; due: string } {
  return { days: c.timeliness?.kind === "late" ? c.timeliness.days : 0, due: c.due ? formatDateVi(c.due) : "" };
}

/**
 * A reported cell's words with its attendance and timeliness: "đã báo cáo, dự họp 90%", "… nhưng nộp muộn 32 ngày
 * (hạn …), …", "đã báo cáo (không xét hạn), …" — the roll-up's and the look-back's alike.
 */
export function reportedDetail(ctx: BotContext, c: CellRollup): string {
  const kind = c.timeliness?.kind === "late" ? "-late" : c.timeliness?.kind === "unjudged" ? "-unjudged" : "";
  return ctx.t(`rollup-cell-reported${kind}`, { rate: percent(c.attendance), ...lateArgs(c) });
}

/** "nộp muộn 32 ngày (hạn …): " or "không xét hạn: " before a reported cell's figures; nothing when on time. */
function sentMark(ctx: BotContext, c: CellRollup): string {
  if (c.timeliness?.kind === "late") return `${ctx.t("rollup-cell-sent-late", lateArgs(c))}: `;
  if (c.timeliness?.kind === "unjudged") return `${ctx.t("rollup-cell-sent-unjudged")}: `;
  return "";
}

/** Whether the person sees names flagged in a cell: its secretary and its commune only (domain §2). */
function seesNames(ctx: BotContext, c: CellRollup): boolean {
  return ctx.requireActor().roles.some(
    (role) => (ROLLUP_ROLES.has(role.role) && role.orgId === c.parentId) || ((role.role === "secretary" || role.role === "deputy_secretary") && role.orgId === c.orgId),
  );
}

/** One cell's line in the monthly-meeting roll-up, with its flags below. */
function meetingCellLines(ctx: BotContext, r: Rollup, c: CellRollup): string[] {
  let detail: string;
  if (c.status === "reported" || c.status === "accepted") {
    detail = reportedDetail(ctx, c);
    if (c.belowBar) detail += ` ${ctx.t("rollup-below-bar")}`;
    if (c.unexcused > 0) detail += ` ${ctx.t("rollup-unexcused", { count: c.unexcused })}`;
  } else detail = notReported(ctx, c);
  const lines = [`${icon(c)} ${c.name} — ${detail}`];
  const names = r.repeatedAbsence.get(c.orgId);
  if (names) {
    lines.push(`   ⚠ ${seesNames(ctx, c) ? ctx.t("rollup-repeated-names", { names: names.join(", ") }) : ctx.t("rollup-repeated-count", { count: names.length })}`);
  }
  const probation = r.probationOverdue.get(c.orgId);
  if (probation) {
    const list = probation.map((p) => `${p.name} (${formatDateVi(p.endsOn)})`).join(", ");
    lines.push(`   ⏳ ${seesNames(ctx, c) ? ctx.t("rollup-probation-overdue", { names: list }) : ctx.t("rollup-probation-overdue-count", { count: probation.length })}`);
  }
  return lines;
}

interface Totals {
  cells: number;
  reported: number;
  reportedLate: number;
  late: number;
  pending: number;
  noMeeting: number;
  belowBar: number;
  untracked: number;
}

function totalsOf(r: Rollup): Totals {
  return r.groups.reduce(
    (a, g) => ({ cells: a.cells + g.cells, reported: a.reported + g.reported, reportedLate: a.reportedLate + g.reportedLate, late: a.late + g.late, pending: a.pending + g.pending, noMeeting: a.noMeeting + g.noMeeting, belowBar: a.belowBar + g.belowBar, untracked: a.untracked + g.untracked }),
    { cells: 0, reported: 0, reportedLate: 0, late: 0, pending: 0, noMeeting: 0, belowBar: 0, untracked: 0 },
  );
}

/** The head line: the period, who reported, and (for meetings) the quality bar and the cells with no meeting. */
function head(ctx: BotContext, r: Rollup): string {
  const g = totalsOf(r);
  const period = periodLabel(ctx, r.period);
  // Cells before their tracking started ("chưa theo dõi") are said apart, never counted as missing.
  const untracked = g.untracked > 0 ? ` ${ctx.t("rollup-head-untracked", { count: g.untracked })}` : "";
  // Reports sent after their deadline are counted as reported, and said apart.
  const sentLate = g.reportedLate > 0 ? ` ${ctx.t("rollup-head-reported-late", { count: g.reportedLate })}` : "";
  const criteria = r.criteriaFrom !== undefined ? `\nℹ️ ${ctx.t("criteria-fallback", { used: String(r.criteriaFrom), year: r.period.slice(0, 4) })}` : "";
  if (r.form !== "monthly-meeting") return ctx.t("rollup-form-head", { form: ctx.t(`form-${r.form}`), period, reported: g.reported, cells: g.cells, late: g.late, pending: g.pending + g.noMeeting }) + sentLate + untracked + criteria;
  const text = ctx.t("rollup-head", { ...g, period });
  return (g.noMeeting > 0 ? `${text} ${ctx.t("rollup-head-no-meeting", { count: g.noMeeting })}` : text) + sentLate + untracked;
}

/** ", 1 nộp muộn" and ", 3 chưa theo dõi" after a commune's counts, when some of its cells sent late or were not tracked yet. */
function groupNotes(ctx: BotContext, g: { untracked: number; reportedLate: number }): string {
  const late = g.reportedLate > 0 ? `, ${ctx.t("rollup-group-reported-late", { count: g.reportedLate })}` : "";
  return late + (g.untracked > 0 ? `, ${ctx.t("rollup-group-untracked", { count: g.untracked })}` : "");
}

/** Choices for the other forms' roll-ups of the same org (a tap, or its number). */
function formChoices(ctx: BotContext, r: Rollup): Choice[] {
  return FORM_IDS.filter((f) => f !== r.form).map((f) => ({ label: ctx.t(`form-${f}`), action: `tong:${r.root.id}:${DEFAULT_PERIOD}:${FORM_IDS.indexOf(f)}` }));
}

/**
 * The view with its choices: the drill-down (cells or communes) first, then the other forms. With
 * buttons the text says what each kind is; listed as numbers (Zalo, the console), each kind stands
 * under its own heading in the list, so "3" reads plainly as a form, not a cell.
 */
function ask(ctx: BotContext, r: Rollup, lines: string[], choices: Choice[], prompt: string | null): void {
  const forms = formChoices(ctx, r);
  if (capabilitiesOf(ctx.msg.channel).buttons) {
    const text = [...lines, "", ...(prompt ? [prompt] : []), ctx.t("rollup-other-forms")].join("\n");
    ctx.ask(text, [...choices, ...forms], r.root.name);
    return;
  }
  const headed = (list: Choice[], heading: string | null) => list.map((c, i) => (i === 0 && heading ? { ...c, heading } : c));
  ctx.ask([...lines, ""].join("\n"), [...headed(choices, prompt), ...headed(forms, ctx.t("rollup-other-forms-heading"))], r.root.name);
}

/** A number as offices write it (1.250.000), "—" when nothing was reported. */
function figure(ctx: BotContext, v: RollupValue | undefined): string {
  if (v === null || v === undefined) return "—";
  return typeof v === "number" ? v.toLocaleString("vi-VN") : ctx.t(`rating-level-${v}`);
}

/**
 * A table row's figures as one line of a form's roll-up. A cell's dues report that gives the day it
 * remitted but not the amount says "đã nộp lên ngày 05/12/2026", not "nộp lên — đ", and one that says it has not
 * remitted "chưa nộp lên" (`figures`: the cell's report, for what is not a column).
 */
function figuresLine(ctx: BotContext, form: FormId, row: RollupTableRow, figures?: Record<string, unknown> | null): string {
  const v = row.values;
  const args: Record<string, string> = {};
  for (const [key, value] of Object.entries(v)) args[key] = key.endsWith("_pct") ? percent(value as number | null) : figure(ctx, value);
  if (form === "annual-rating") return ctx.t(row.kind === "cell" ? "rollup-line-annual-rating-cell" : "rollup-line-annual-rating", args);
  const remittedOn = figures?.remitted_date;
  // "chưa nộp" wins over a day the cell means to remit ("mai nộp 5/8"), as in the layout's remitted column.
  if (form === "party-dues" && v.remitted_vnd == null && figures?.remitted === false) return ctx.t("rollup-line-party-dues-not-remitted", args);
  if (form === "party-dues" && v.remitted_vnd == null && typeof remittedOn === "string" && /^\d{4}-\d{2}-\d{2}$/.test(remittedOn)) {
    return ctx.t("rollup-line-party-dues-remitted-on", { ...args, remitted_on: formatDateVi(remittedOn) });
  }
  return ctx.t(`rollup-line-${form}`, args);
}

/** A cell's line in a form's roll-up: its figures when it reported, else why not. */
function formCellLine(ctx: BotContext, form: FormId, c: CellRollup, rows: readonly RollupTableRow[]): string {
  const row = rows.find((x) => x.kind === "cell" && x.orgId === c.orgId);
  const reported = c.status === "reported" || c.status === "accepted";
  return `${icon(c)} ${c.name} — ${reported && row ? `${sentMark(ctx, c)}${figuresLine(ctx, form, row, c.figures)}` : notReported(ctx, c)}`;
}

async function cellView(ctx: BotContext, r: Rollup): Promise<void> {
  const lines: string[] = [];
  const choices: Choice[] = [];
  const rows = r.form === "monthly-meeting" ? [] : rollupTableOf(r, ctx.t("rollup-own-cells", { name: r.root.name }));
  for (const c of r.cells) {
    const reported = c.status === "reported" || c.status === "accepted";
    if (reported && c.reportId !== null) choices.push({ label: c.name, action: `rv:${c.reportId}` });
    if (r.form === "monthly-meeting") {
      lines.push(...meetingCellLines(ctx, r, c));
      continue;
    }
    lines.push(formCellLine(ctx, r.form, c, rows));
  }
  const total = rows.find((x) => x.kind === "total");
  if (total && total.reported > 0) lines.push(ctx.t("rollup-total-line", { line: figuresLine(ctx, r.form, total) }));
  ask(ctx, r, [head(ctx, r), "", ...lines, "", ctx.t("rollup-legend")], choices, choices.length > 0 ? ctx.t("rollup-drill") : null);
  if (r.form === "monthly-meeting" && r.cells.length > 0) {
    const png = await renderAttendanceChart(
      r.cells.map((c) => ({ label: c.name, rate: c.attendance, ...(c.status === "untracked" ? { note: ctx.t("chart-attendance-untracked") } : {}) })),
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

/**
 * Above the commune: one line per commune (counts and sums, never names); the root's own cells (a
 * province's office cell) one by one under their own heading, not as if they were a commune.
 */
async function groupView(ctx: BotContext, r: Rollup): Promise<void> {
  const communes = r.groups.filter((g) => g.orgId !== r.root.id);
  const own = r.cells.filter((c) => c.parentId === r.root.id);
  const rows = r.form === "monthly-meeting" ? [] : rollupTableOf(r, ctx.t("rollup-own-cells", { name: r.root.name }));
  const lines: string[] = communes.map((g) => {
    if (r.form === "monthly-meeting") {
      // The sums with the rate (6/8 = 75%), as the filed table adds them up: never a mean of the cells' rates.
      const rate = g.attendance === null ? percent(null) : `${figure(ctx, g.present)}/${figure(ctx, g.expected)} (${percent(g.attendance)})`;
      const line = ctx.t("rollup-group-line", { name: g.name, reported: g.reported, cells: g.cells, late: g.late, below: g.belowBar, rate });
      return (g.noMeeting > 0 ? `${line}, ${ctx.t("rollup-group-no-meeting", { count: g.noMeeting })}` : line) + groupNotes(ctx, g);
    }
    const sub = rows.find((x) => x.kind === "subtotal" && x.orgId === g.orgId);
    const figures = sub && sub.reported > 0 ? `: ${figuresLine(ctx, r.form, sub)}` : "";
    return `${ctx.t("rollup-group-form-line", { name: g.name, reported: g.reported, cells: g.cells, late: g.late })}${groupNotes(ctx, g)}${figures}`;
  });
  if (own.length > 0) {
    lines.push("", ctx.t("rollup-own-cells", { name: r.root.name }) + ":");
    for (const c of own) {
      if (r.form === "monthly-meeting") lines.push(...meetingCellLines(ctx, r, c));
      else lines.push(formCellLine(ctx, r.form, c, rows));
    }
  }
  const total = rows.find((x) => x.kind === "total");
  if (total && total.reported > 0) lines.push("", ctx.t("rollup-total-line", { line: figuresLine(ctx, r.form, total) }));
  const probation = [...r.probationOverdue.values()].reduce((n, list) => n + list.length, 0);
  if (probation > 0) lines.push(`⏳ ${ctx.t("rollup-probation-overdue-count", { count: probation })}`);
  const choices = communes.filter((g) => g.orgId !== null).map((g) => ({ label: g.name, action: `tong:${g.orgId}:${r.period}:${FORM_IDS.indexOf(r.form)}` }));
  ask(ctx, r, [head(ctx, r), "", ...lines], choices, choices.length > 0 ? ctx.t("rollup-drill-commune") : null);
  if (communes.length > 0) {
    const png = await renderReportingChart(
      communes.map((g) => ({ label: g.name, reported: g.reported, pending: g.pending, late: g.late })),
      {
        title: ctx.t("chart-reporting-title"),
        subtitle: `${ctx.t(`form-${r.form}`)} — ${r.root.name} — ${periodLabel(ctx, r.period)}`,
        labels: { reported: ctx.t("chart-reporting-reported"), pending: ctx.t("chart-reporting-pending"), late: ctx.t("chart-reporting-late") },
      },
    );
    ctx.replies.push({ text: ctx.t("rollup-chart-caption-reporting"), attachment: { kind: "photo", filename: "bao-cao.png", mimeType: "image/png", data: png, fallbackText: ctx.t("rollup-chart-fallback") } });
  }
}

async function show(ctx: BotContext, orgId: number, period: string | null, form: FormId): Promise<void> {
  const actor = ctx.requireActor();
  const r = period ? await rollupFor(ctx.db, actor, orgId, period, ctx.today, form, ctx.tz) : await defaultRollup(ctx.db, actor, orgId, form, ctx.today, ctx.tz);
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

/**
 * `/tonghop [mẫu] [kỳ]` (`/summary`): who reported, for any form — the monthly meeting (attendance and
 * the quality bar, with a chart), party dues, village data, admissions, the annual rating — per cell at
 * the commune, per commune above it. The form by its words ("đảng phí", "dang phi") or a tap; the
 * period in words ("quý 3/2026", "tháng trước", "năm 2025"), else the latest one most cells are done with (deadline past or reported).
 */
export const rollupFeature: Feature = {
  name: "rollup",
  commands: [
    {
      names: ["tonghop", "summary"],
      requires: ["rollup.view"],
      description: "cmd-tonghop",
      async run(ctx, args) {
        const request = readRollupRequest(args, ctx.today);
        if (!request) {
          ctx.reply("rollup-bad-request");
          return;
        }
        const form = request.form ?? (request.period ? formForPeriodKind(periodParts(request.period).kind) : "monthly-meeting");
        const kind = currentForm(form).periodKind;
        if (request.period && !isPeriodOfKind(kind, request.period)) {
          ctx.reply(`rollup-bad-period-${kind}`, { form: ctx.t(`form-${form}`) });
          return;
        }
        const ids = roots(ctx);
        if (ids.length === 0) throw new ChiboError("forbidden");
        if (ids.length === 1) return show(ctx, ids[0] as number, request.period, form);
        const choices: Choice[] = [];
        for (const id of ids) {
          const org = await orgById(ctx.db, id);
          if (org) choices.push({ label: org.name, action: `tong:${id}:${request.period ?? DEFAULT_PERIOD}:${FORM_IDS.indexOf(form)}` });
        }
        ctx.ask(ctx.t("rollup-pick"), choices);
      },
    },
  ],
  actions: {
    /** `tong:ORG:PERIOD[:FORM]`: PERIOD `-` for the form's default; FORM its index (the monthly meeting when absent). */
    async tong(ctx, [rawId, period, rawForm]) {
      const id = idParam.safeParse(rawId);
      const form = rawForm === undefined ? "monthly-meeting" : /^\d$/.test(rawForm) ? FORM_IDS[Number(rawForm)] : undefined;
      if (!id.success || !isFormId(form) || period === undefined) throw new ChiboError("stale_choice");
      if (period !== DEFAULT_PERIOD && !isPeriodOfKind(currentForm(form).periodKind, period)) throw new ChiboError("stale_choice");
      return show(ctx, id.data, period === DEFAULT_PERIOD ? null : period, form);
    },
  },
};
