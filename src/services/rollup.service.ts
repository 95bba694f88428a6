import { ChiboError } from "../domain/errors.js";
import { decisionsFor } from "../db/rating.repository.js";
import { isPeriodOfKind, periodOf, previousPeriod } from "../domain/forms/period.js";
import { currentForm, type FormId } from "../domain/forms/registry.js";
import type { Actor } from "../domain/roles.js";
import { groupByParent, repeatedUnexcused, rollupCells, UNEXCUSED_RUN, type CellInput, type CellRollup, type GroupRollup, type NoMeeting } from "../domain/rollup.js";
import { ROLLUP_FIELDS, rollupTable, type RollupTableRow } from "../domain/rollup-table.js";
import { reportHeading, type ReportHeading } from "../domain/report-heading.js";
import { dueDate } from "../domain/schedule/report-due.js";
import { addMonths, periodEnd, periodStart } from "../domain/schedule/local-time.js";
import { dueForPeriod } from "../domain/org.js";
import type { MeetingRule } from "../domain/meeting-rule.js";
import { effectiveMeeting, type MeetingOverride } from "../domain/schedule/meeting.js";
import type { ReportRule } from "../domain/schedule/settings.js";
import { reportRuleFor } from "../domain/schedule/settings-history.js";
import { fold } from "../domain/text/fold.js";
import { probationEnd, probationOverdue } from "../domain/membership.js";
import { overdueProbationersUnder } from "../db/membership.repository.js";
import { findOrgById, orgPath, successorIds } from "../db/org.repository.js";
import { can } from "../domain/access.js";
import { rollupRows, type RollupRow } from "../db/rollup.repository.js";
import { toMeetingOverride } from "../db/schedule.repository.js";
import type { Db } from "../db/schema.js";
import { requireAccess } from "./actor.service.js";
import { toMeetingRule } from "./cell.service.js";
import { settingsTimelineOf, settingsTimelines } from "./reminder-settings.service.js";
import { compareVi } from "../domain/text/collate.js";
import { pipelineAdmissions } from "./candidate.service.js";
import { goLiveDate } from "./go-live.service.js";
import { criteriaFallbackYear } from "./rating.service.js";
import { isDeadlineTracked, trackingStart, type Timeliness } from "../domain/tracking.js";
import { DEFAULT_TZ, localDate } from "../domain/time.js";

export interface Rollup {
  root: { id: number; name: string; kind: string };
  period: string;
  form: FormId;
  cells: CellRollup[];
  groups: GroupRollup[];
  /** Per cell: members absent without reason at the last three meetings (names: cell and commune level only). */
  repeatedAbsence: Map<number, string[]>;
  /**
   * Per cell: probationary members whose 12 months ended before today and who are not yet full members
   * (names: cell and commune level only). Shown in the current month's roll-up; empty for past months.
   */
  probationOverdue: Map<number, { name: string; endsOn: string }[]>;
  /** The annual rating: the year of the criteria tables used when the province has not imported the period's own. */
  criteriaFrom?: number;
}


/**
 * Cells in Vietnamese order, by commune then by name. Each commune's name is ranked once and each
 * commune's cells sorted apart: comparing two names with the collator is what costs, and a province
 * of 2,000 cells sorted with one comparator spent most of its calls on equal commune names.
 */
function sortCells<T extends { id: number; name: string; parent_name: string | null }>(cells: T[]): T[] {
  const byParent = new Map<string, T[]>();
  for (const c of cells) {
    const key = c.parent_name ?? "";
    const list = byParent.get(key);
    if (list) list.push(c);
    else byParent.set(key, [c]);
  }
  const parents = [...byParent.keys()].sort(compareVi);
  const sorted: T[] = [];
  // Names the collator holds equal (same letters, different spelling) stay one group, in id order.
  for (let i = 0; i < parents.length; ) {
    let j = i + 1;
    while (j < parents.length && compareVi(parents[i]!, parents[j]!) === 0) j++;
    const group = parents.slice(i, j).flatMap((p) => byParent.get(p)!);
    sorted.push(...group.sort((a, b) => compareVi(a.name, b.name) || a.id - b.id));
    i = j;
  }
  return sorted;
}

/**
 * The form's report rule for the period of the cells under each commune (by the cell's parent): the
 * commune's own reminder settings in force for the period (`settingsForPeriod`), as the planner
 * reminds its cells and the digest reports them (one source of truth for a deadline; a deadline
 * changed since does not rewrite a past period).
 */
async function communeReportRules(db: Db, form: FormId, period: string, parentIds: number[]): Promise<(parentId: number | null) => ReportRule | undefined> {
  const timelineOf = await settingsTimelines(db, parentIds);
  const byParent = new Map<number | null, ReportRule | undefined>();
  return (parentId) => {
    if (!byParent.has(parentId)) byParent.set(parentId, reportRuleFor(timelineOf(parentId), form, period));
    return byParent.get(parentId);
  };
}

/** The cell's meeting rule; the roll-up needs only its dates, so the place is not read. */
function ruleOf(row: RollupRow): MeetingRule | null {
  if (row.rule_kind === null || row.start_time === null) return null;
  return toMeetingRule({ rule_kind: row.rule_kind, day_of_month: row.day_of_month, nth: row.nth, weekday: row.weekday, start_time: row.start_time, place: null });
}

/** The cell's meeting changes for the period: only the latest, the one that counts, comes from the query. */
function overridesOf(row: RollupRow): MeetingOverride[] {
  const o = row.override;
  if (!o) return [];
  return [toMeetingOverride(o)];
}

/** Names recorded absent without reason in one month's absentees (as stored: anything but a list reads as none). */
function unexcusedNames(absentees: unknown): string[] {
  if (!Array.isArray(absentees)) return [];
  return (absentees as { name?: unknown; excused?: unknown }[]).filter((a) => a.excused === false && typeof a.name === "string").map((a) => a.name as string);
}

/**
 * Who reported for a period under an org, checked with `rollup.view`: each cell's status against its
 * due date (its commune's own report deadline, its meeting rule and one-off changes), attendance and
 * the quality bar, and counts per commune. The database work is one query (`rollupRows`) and the
 * settings; due dates, standing and the absence flag are the domain's.
 */
export async function rollupFor(
  db: Db,
  actor: Actor | null,
  rootOrgId: number,
  period: string,
  today: string,
  form: FormId = "monthly-meeting",
  tz: string = DEFAULT_TZ,
): Promise<Rollup> {
  if (actor) await requireRollupAccess(db, actor, rootOrgId);
  const withAbsences = form === "monthly-meeting";
  const [root, goLive, rows] = await Promise.all([
    findOrgById(db, rootOrgId),
    goLiveDate(db),
    rollupRows(db, {
      rootId: rootOrgId,
      form,
      period,
      from: periodStart(period),
      to: periodEnd(period),
      ...(withAbsences ? { absences: { fromPeriod: addMonths(period, -(UNEXCUSED_RUN - 1)), months: UNEXCUSED_RUN } } : {}),
      fields: ROLLUP_FIELDS[form],
      villageCellsOnly: form === "village-quarterly",
    }),
  ]);
  if (!root) throw new ChiboError("not_found");
  const reportRuleOf = await communeReportRules(db, form, period, [...new Set(rows.flatMap((r) => (r.parent_id === null ? [] : [r.parent_id])))]);
  const dueOf = (c: RollupRow): string | null => {
    const reportRule = reportRuleOf(c.parent_id);
    if (!reportRule) return null;
    const rule = ruleOf(c);
    const overrides = overridesOf(c);
    return dueDate(reportRule, period, (p) => {
      const m = effectiveMeeting(c.id, rule, overrides, p);
      return m && !m.cancelled ? m.date : null;
    });
  };
  // Why a meeting-based report has no due date: said in the roll-up rather than left as "pending".
  const noMeetingOf = (c: RollupRow, due: string | null): NoMeeting | null => {
    if (reportRuleOf(c.parent_id)?.due.kind !== "after_meeting" || due !== null) return null;
    const m = effectiveMeeting(c.id, ruleOf(c), overridesOf(c), period);
    return m?.cancelled ? "cancelled" : "no_schedule";
  };
  // Cells with the same deadline rule and meeting rule and no change this month have the same due
  // date: a province's 2,000 cells have a few dozen rules, and computing each cell's date on its own
  // was a tenth of the roll-up. Communes without settings of their own share the one default rule.
  const dueByRule = new Map<string, string | null>();
  const reportRuleIds = new Map<ReportRule | undefined, number>();
  const reportRuleId = (parentId: number | null): number => {
    const rule = reportRuleOf(parentId);
    let id = reportRuleIds.get(rule);
    if (id === undefined) reportRuleIds.set(rule, (id = reportRuleIds.size));
    return id;
  };
  const scheduledDue = (c: RollupRow): string | null => {
    if (c.override) return dueOf(c);
    const key = `${reportRuleId(c.parent_id)}|${c.rule_kind}|${c.day_of_month}|${c.nth}|${c.weekday}|${c.start_time}`;
    let due = dueByRule.get(key);
    if (due === undefined) dueByRule.set(key, (due = dueOf(c)));
    return due;
  };
  // With no meeting scheduled (no rule, or cancelled), a report's own meeting date still gives a
  // deadline counted from the meeting, as /xemlai reads it: the report is judged on time or late by it.
  const dueOfCell = (c: RollupRow): string | null => {
    const due = scheduledDue(c);
    if (due !== null || typeof c.held_on !== "string" || !c.held_on.startsWith(period)) return due;
    const reportRule = reportRuleOf(c.parent_id);
    return reportRule ? dueDate(reportRule, period, () => c.held_on as string) : null;
  };
  // A cell closed in the middle of the period (merged, renamed…) answers for it if its deadline passed while it
  // existed, or if it reported; otherwise the period is its successor's (`dueForPeriod`).
  const last = periodEnd(period);
  const cells = sortCells(rows.filter((r) => dueForPeriod({ validFrom: r.valid_from, validTo: r.valid_to }, last, r.report_status !== null && r.report_status !== "draft", r.valid_to === null ? null : dueOfCell(r))));
  // The annual rating: the commune committee's final level (/xeploai) is the cell's level where it was set.
  const criteriaFrom = form === "annual-rating" ? await criteriaFallbackYear(db, Number(period.slice(0, 4))) : null;
  const decided = form === "annual-rating" ? new Map((await decisionsFor(db, cells.map((c) => c.id), Number(period.slice(0, 4)))).map((d) => [d.orgId, d.level])) : undefined;
  // Admissions are counted from the pipeline where a cell follows its candidates (`/phattrien`).
  const counted = form === "admissions" ? await pipelineAdmissions(db, cells.map((c) => c.id), period) : undefined;
  const inputs: CellInput[] = cells.map((c) => {
    const due = dueOfCell(c);
    const level = decided?.get(c.id);
    return {
      orgId: c.id,
      name: c.name,
      parentId: c.parent_id,
      parentName: c.parent_name,
      due,
      noMeeting: noMeetingOf(c, due),
      tracked: isDeadlineTracked(period, due, trackingStart(goLive, c.valid_from)),
      figures: level && c.figures ? { ...c.figures, decided_level: level } : counted?.has(c.id) ? { ...(c.figures ?? {}), ...counted.get(c.id) } : c.figures,
      report:
        c.report_id !== null
          ? {
              id: c.report_id,
              status: c.report_status as string,
              data: { present: c.present, members_expected: c.members_expected, absent_unexcused: c.absent_unexcused },
              firstSentOn: c.first_sent_at ? localDate(c.first_sent_at, tz) : null,
            }
          : null,
    };
  });
  const rolled = rollupCells(inputs, today);
  const repeatedAbsence = new Map<number, string[]>();
  for (const c of cells) {
    if (!c.absence_months) continue;
    const names = repeatedUnexcused(
      c.absence_months.map((m) => ({ period: m.period, unexcused: unexcusedNames(m.absentees) })),
      fold,
    );
    if (names.length > 0) repeatedAbsence.set(c.id, names);
  }
  const probationOverdueByCell = new Map<number, { name: string; endsOn: string }[]>();
  if (period >= currentMonth(today)) {
    // A loose bound for the index (admitted over 11 months ago); the exact rule is the domain's.
    const bound = `${Number(today.slice(0, 4)) - 1}-${today.slice(5)}`;
    for (const p of await overdueProbationersUnder(db, rootOrgId, addMonthsToDate(bound, 1), today)) {
      if (!probationOverdue(p, today)) continue;
      const list = probationOverdueByCell.get(p.cellId) ?? [];
      list.push({ name: p.name, endsOn: probationEnd(p.admittedOn) });
      probationOverdueByCell.set(p.cellId, list);
    }
  }
  return { root: { id: root.id, name: root.name, kind: root.kind }, period, form, cells: rolled, groups: groupByParent(rolled), repeatedAbsence, probationOverdue: probationOverdueByCell, ...(criteriaFrom !== null ? { criteriaFrom } : {}) };
}

/**
 * One cell's report of a period against its deadline, judged as `/tonghop` judges it (the roll-up with
 * the cell as its root: the same deadline, tracking and first sending). No access check: the caller has
 * checked the report's. `timeliness` is null when the cell has no report of the period.
 *
 * @example await reportTimeliness(db, 7, "monthly-meeting", "2026-11", "2026-12-08", tz) // { due: "2026-11-13", timeliness: { kind: "late", days: 25 } }
 */
export async function reportTimeliness(db: Db, cellId: number, form: FormId, period: string, today: string, tz: string): Promise<{ due: string | null; timeliness: Timeliness | null }> {
  const cell = (await rollupFor(db, null, cellId, period, today, form, tz)).cells.find((c) => c.orgId === cellId);
  return { due: cell?.due ?? null, timeliness: cell?.timeliness ?? null };
}

/** `YYYY-MM-DD` plus whole months, the day clipped to the month's last (only a query bound: exactness is not needed). */
function addMonthsToDate(date: string, months: number): string {
  const month = addMonths(date.slice(0, 7), months);
  return `${month}-${date.slice(8, 10) > "28" ? "28" : date.slice(8, 10)}`;
}

/**
 * `rollup.view` on the org, or on a unit that continues it: after a merge, the merged commune's office
 * reads the old communes' past months (history stays readable by those who took it over).
 */
async function requireRollupAccess(db: Db, actor: Actor, orgId: number): Promise<void> {
  try {
    await requireAccess(db, actor, "rollup.view", { orgId });
  } catch (error) {
    if (!(error instanceof ChiboError) || error.code !== "forbidden") throw error;
    for (const successor of await successorIds(db, orgId)) {
      if (can(actor, "rollup.view", { orgPath: await orgPath(db, successor) })) return;
    }
    throw error;
  }
}

/** The current month (`YYYY-MM`) of a local date. */
export function currentMonth(today: string): string {
  return periodOf("month", today);
}

/**
 * The period a form's roll-up opens on: the latest one past its deadline, so that it shows who reported
 * rather than a month that is mostly "not due yet". For a deadline after each cell's meeting, this
 * month once most cells' deadlines have passed, else last month; for a fixed deadline (quarterly and
 * yearly forms), the latest period whose deadline is before today.
 */
export async function defaultRollupPeriod(db: Db, actor: Actor | null, rootOrgId: number, form: FormId, today: string): Promise<string> {
  return (await pickDefaultPeriod(db, actor, rootOrgId, form, today)).period;
}

/** The roll-up of the period `defaultRollupPeriod` picks (read once when the pick needed it). */
export async function defaultRollup(db: Db, actor: Actor | null, rootOrgId: number, form: FormId, today: string, tz: string = DEFAULT_TZ): Promise<Rollup> {
  const { period, rollup } = await pickDefaultPeriod(db, actor, rootOrgId, form, today, tz);
  return rollup ?? rollupFor(db, actor, rootOrgId, period, today, form, tz);
}

async function pickDefaultPeriod(db: Db, actor: Actor | null, rootOrgId: number, form: FormId, today: string, tz: string = DEFAULT_TZ): Promise<{ period: string; rollup?: Rollup }> {
  // The root's own deadlines (a commune's are its cells'; a province's, what its communes inherit), each period's its own.
  const timeline = await settingsTimelineOf(db, rootOrgId);
  const current = periodOf(currentForm(form).periodKind, today);
  const rule = reportRuleFor(timeline, form, current);
  if (!rule) return { period: current };
  if (rule.due.kind === "after_meeting") {
    const rollup = await rollupFor(db, actor, rootOrgId, current, today, form, tz);
    const dated = rollup.cells.filter((c) => c.due !== null);
    // A cell is done with the month once its deadline passed or it reported: the office is collecting this month
    // as soon as most cells are (3 of 4 reported on the deadline's day), not only once their deadlines passed.
    const settled = dated.filter((c) => c.due! < today || c.status === "reported" || c.status === "accepted").length;
    return dated.length > 0 && settled * 2 >= dated.length ? { period: current, rollup } : { period: previousPeriod(current) };
  }
  let period = current;
  for (let i = 0; i < 4; i++) {
    const ruleThen = reportRuleFor(timeline, form, period);
    const due = ruleThen ? dueDate(ruleThen, period, () => null) : null;
    if (due !== null && due < today) return { period };
    period = previousPeriod(period);
  }
  return { period };
}

/**
 * A roll-up as a filed report's table (org-tree order, per-commune subtotals, the total), the rows the
 * chat shows and the province layouts fill. `ownCellsLabel` names the root's own cells' group.
 */
export function rollupTableOf(r: Rollup, ownCellsLabel: string): RollupTableRow[] {
  return rollupTable(r.form, r.root, r.cells, ownCellsLabel);
}

/** The header and signature block of a report issued by an org (its committee, its superior, its place). */
export async function reportHeadingOf(db: Db, orgId: number): Promise<ReportHeading> {
  const root = await findOrgById(db, orgId);
  if (!root) throw new ChiboError("not_found");
  const parent = root.parent_id !== null ? await findOrgById(db, root.parent_id) : undefined;
  const heading = (o: { name: string; kind: string; area_name: string | null }) => ({ name: o.name, kind: o.kind, areaName: o.area_name });
  return reportHeading(heading(root), parent ? heading(parent) : null);
}

/**
 * A form's roll-up for an export, with its header block: the period checked against the form, and
 * `data.export` on the org (`actor` null: the local operator of `chibo export`).
 */
export async function rollupForExport(db: Db, actor: Actor | null, rootOrgId: number, form: FormId, period: string, today: string, tz: string = DEFAULT_TZ): Promise<{ rollup: Rollup; heading: ReportHeading }> {
  if (!isPeriodOfKind(currentForm(form).periodKind, period)) throw new ChiboError("invalid_input", { period });
  if (actor) await requireAccess(db, actor, "data.export", { orgId: rootOrgId });
  const [rollup, heading] = await Promise.all([rollupFor(db, null, rootOrgId, period, today, form, tz), reportHeadingOf(db, rootOrgId)]);
  return { rollup, heading };
}
