import type { FormId } from "./forms/registry.js";
import { isRatingLevel, RATING_LEVELS } from "./forms/criteria.js";
import { duesRemittance, type DuesRemittance } from "./forms/party-dues.form.js";
import { levelFor, QD366_COLLECTIVE, type RatingLevel } from "./forms/rating.js";
import { selfLevel } from "./forms/validate.js";
import type { CellReportStatus, NoMeeting } from "./rollup.js";
import { shareOf } from "./ratio.js";
import type { Timeliness } from "./tracking.js";

/**
 * How a roll-up column is read and added up:
 * - `count`, `money`: a figure of each report, summed per commune and in total;
 * - `percent`: `of[0] ÷ of[1]` of the (summed) figures, never a mean of percentages;
 * - `level`: the cell's rating level (a cell row only; subtotals count levels in `count` columns).
 * Durations and times are never columns: minutes do not add up into anything an office files.
 */
export type RollupColumnKind = "count" | "money" | "percent" | "level";

export interface RollupColumn {
  key: string;
  kind: RollupColumnKind;
  /** `percent`: numerator and denominator keys. */
  of?: readonly [string, string];
}

const count = (key: string): RollupColumn => ({ key, kind: "count" });
const money = (key: string): RollupColumn => ({ key, kind: "money" });
const percent = (key: string, numerator: string, denominator: string): RollupColumn => ({ key, kind: "percent", of: [numerator, denominator] });

/** The figures each form's roll-up shows, in the order of its table (the layouts' columns). */
export const ROLLUP_COLUMNS: Record<FormId, readonly RollupColumn[]> = {
  "monthly-meeting": [
    count("members_expected"),
    count("present"),
    percent("attendance_pct", "present", "members_expected"),
    count("absent_excused"),
    count("absent_unexcused"),
  ],
  "party-dues": [count("liable"), count("paid"), percent("paid_pct", "paid", "liable"), money("amount_vnd"), money("remitted_vnd")],
  "village-quarterly": [
    count("households"),
    count("population"),
    count("poor_households"),
    percent("poor_pct", "poor_households", "households"),
    count("near_poor_households"),
    count("members"),
    count("women_union"),
    count("farmers_union"),
    count("veterans_union"),
    count("youth_union"),
  ],
  admissions: [count("admitted"), count("women"), count("ethnic_minority"), count("students"), count("made_full"), count("pending_full")],
  "annual-rating": [
    { key: "cell_level", kind: "level" },
    ...RATING_LEVELS.flatMap((l) => [count(`cells_${l.toLowerCase()}`), percent(`cells_${l.toLowerCase()}_pct`, `cells_${l.toLowerCase()}`, "cells_rated")]),
    count("htxs"),
    count("htt"),
    count("ht"),
    count("kht"),
    percent("members_good_pct", "members_good", "members_rated"),
  ],
};

/**
 * Numeric fields no total adds up: a meeting's minutes, a cell's scores. Rows show them; a total row
 * leaves them empty (docs/vi/mau-bao-cao.md: "Số phút họp không bao giờ được cộng dồn").
 */
export const NEVER_SUMMED: ReadonlySet<string> = new Set(["duration_min", "general_score", "task_score", "committee_score"]);

/** The stored fields a form's roll-up reads from each report (what the roll-up query selects). */
export const ROLLUP_FIELDS: Record<FormId, readonly string[]> = {
  "monthly-meeting": ["members_expected", "present", "absent_excused", "absent_unexcused"],
  // Whether and when remitted are no columns of their own: with no amount known, a cell's chat line and the layout's
  // remitted column say "đã nộp <ngày>", "đã nộp" or "chưa nộp".
  "party-dues": ["liable", "paid", "amount_vnd", "remitted_vnd", "remitted", "remitted_date"],
  "village-quarterly": ["households", "population", "poor_households", "near_poor_households", "members", "women_union", "farmers_union", "veterans_union", "youth_union"],
  admissions: ["admitted", "women", "ethnic_minority", "students", "made_full", "pending_full"],
  "annual-rating": ["general_score", "task_score", "tasks_exceeded_30pct", "disciplined_subunit", "committee_score", "cell_self_level", "htxs", "htt", "ht", "kht"],
};

function num(v: unknown): number | null {
  return typeof v === "number" && Number.isFinite(v) ? v : null;
}

/**
 * A cell's level for the year: the commune committee's final level when it set one (/xeploai), else
 * the committee's score when it has marked one, else the level the cell stated, else the one its own
 * scores earn.
 */
export function cellLevel(data: Record<string, unknown>): RatingLevel | null {
  if (isRatingLevel(data.decided_level)) return data.decided_level;
  const committee = num(data.committee_score);
  if (committee !== null) return levelFor(QD366_COLLECTIVE, committee, { tasksExceeded30pct: data.tasks_exceeded_30pct === true, disciplinedSubunit: data.disciplined_subunit === true });
  if (isRatingLevel(data.cell_self_level)) return data.cell_self_level;
  return selfLevel(data) ?? null;
}

/** The additive figures of one report (everything a subtotal sums), keyed as the columns and percentages read them. */
export function reportFigures(form: FormId, data: Record<string, unknown>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const key of ROLLUP_FIELDS[form]) {
    const v = num(data[key]);
    if (v !== null) out[key] = v;
  }
  if (form === "admissions") out.pending_full = Array.isArray(data.pending_full) ? data.pending_full.length : (num(data.pending_full) ?? 0);
  if (form === "annual-rating") {
    for (const k of ["general_score", "task_score", "committee_score"]) delete out[k];
    const level = cellLevel(data);
    if (level) {
      out.cells_rated = 1;
      for (const l of RATING_LEVELS) out[`cells_${l.toLowerCase()}`] = l === level ? 1 : 0;
    }
    const members = ["htxs", "htt", "ht", "kht"].map((k) => out[k]);
    if (members.every((m) => m !== undefined)) {
      out.members_rated = members.reduce((a, b) => a! + b!, 0)!;
      out.members_good = out.htxs! + out.htt!;
    }
  }
  return out;
}

export type RollupValue = number | string | null;

export interface RollupTableRow {
  kind: "cell" | "subtotal" | "total";
  /** The cell's id; a subtotal's commune (null for cells without one); the total's root. */
  orgId: number | null;
  /** The cell's name; for a subtotal its commune's (or the root's own cells' group), for the total the root's. */
  name: string;
  /** Cells: the standing; subtotals and total: how many of how many reported. */
  status: CellReportStatus | null;
  /** A cell with no meeting this period (no schedule, or cancelled). */
  noMeeting: NoMeeting | null;
  reported: number;
  /** Of those reported, how many were first sent after their deadline ("nộp muộn"). */
  reportedLate: number;
  /** A cell's report: on time, late by how many days, or not judged (null: no report, or not a cell row). */
  timeliness: Timeliness | null;
  cells: number;
  /** By column key: a number, a level (`HTXS`…) or null when nothing was reported. */
  values: Record<string, RollupValue>;
  /** Party dues, a cell's report: what it says of the remittance (null: says nothing, or not a cell row). */
  remittance: DuesRemittance | null;
}

export interface RollupTableInput {
  orgId: number;
  name: string;
  parentId: number | null;
  parentName: string | null;
  status: CellReportStatus;
  noMeeting: NoMeeting | null;
  /** The report's figures when reported (null otherwise). */
  figures: Record<string, unknown> | null;
  /** The report's timeliness when reported (`domain/tracking.ts`); absent or null otherwise. */
  timeliness?: Timeliness | null;
}

function valuesOf(form: FormId, sums: Record<string, number>, level: RatingLevel | null, anyReported: boolean): Record<string, RollupValue> {
  const values: Record<string, RollupValue> = {};
  for (const c of ROLLUP_COLUMNS[form]) {
    if (c.kind === "level") values[c.key] = level;
    else if (c.kind === "percent") {
      const [n, d] = c.of!;
      values[c.key] = shareOf(sums[n], sums[d]);
    } else values[c.key] = anyReported ? (sums[c.key] ?? null) : null;
  }
  return values;
}

/** How many cells count in "reported of how many": a cell before its tracking started does not (domain/tracking.ts). */
function tracked(cells: readonly RollupTableInput[]): number {
  return cells.filter((c) => c.status !== "untracked").length;
}

function addInto(sums: Record<string, number>, figures: Record<string, number>): void {
  for (const [k, v] of Object.entries(figures)) sums[k] = (sums[k] ?? 0) + v;
}

/**
 * A form's roll-up as a filed report's table: the cells in the order given (org-tree order: commune by
 * commune), a subtotal after each commune when there is more than one group, and the total. Cells
 * directly under the root are a group of their own (the root's own cells), not a commune.
 */
export function rollupTable(form: FormId, root: { id: number; name: string }, cells: readonly RollupTableInput[], ownCellsLabel: string): RollupTableRow[] {
  const groups: { key: number | null; name: string; cells: RollupTableInput[] }[] = [];
  for (const c of cells) {
    const last = groups[groups.length - 1];
    if (last && last.key === c.parentId) last.cells.push(c);
    else groups.push({ key: c.parentId, name: c.parentId === root.id ? ownCellsLabel : (c.parentName ?? ""), cells: [c] });
  }
  // The root's own cells close the table, after the communes.
  groups.sort((a, b) => Number(a.key === root.id) - Number(b.key === root.id));
  const rows: RollupTableRow[] = [];
  const total: Record<string, number> = {};
  let totalReported = 0;
  let totalLate = 0;
  for (const g of groups) {
    const sums: Record<string, number> = {};
    let reported = 0;
    let late = 0;
    for (const c of g.cells) {
      const done = c.figures !== null && (c.status === "reported" || c.status === "accepted");
      const figures = done ? reportFigures(form, c.figures!) : {};
      const timeliness = done ? (c.timeliness ?? null) : null;
      if (done) reported += 1;
      if (timeliness?.kind === "late") late += 1;
      addInto(sums, figures);
      const level = form === "annual-rating" && done ? cellLevel(c.figures!) : null;
      rows.push({ kind: "cell", orgId: c.orgId, name: c.name, status: c.status, noMeeting: c.status === "pending" ? c.noMeeting : null, reported: done ? 1 : 0, reportedLate: timeliness?.kind === "late" ? 1 : 0, timeliness, cells: c.status === "untracked" ? 0 : 1, values: valuesOf(form, figures, level, done), remittance: form === "party-dues" && done ? (duesRemittance(c.figures!) ?? null) : null });
    }
    addInto(total, sums);
    totalReported += reported;
    totalLate += late;
    if (groups.length > 1) rows.push({ kind: "subtotal", orgId: g.key, name: g.name, status: null, noMeeting: null, reported, reportedLate: late, timeliness: null, cells: tracked(g.cells), values: valuesOf(form, sums, null, reported > 0), remittance: null });
  }
  rows.push({ kind: "total", orgId: root.id, name: root.name, status: null, noMeeting: null, reported: totalReported, reportedLate: totalLate, timeliness: null, cells: tracked(cells), values: valuesOf(form, total, null, totalReported > 0), remittance: null });
  return rows;
}
