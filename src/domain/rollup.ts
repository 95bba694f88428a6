import { ATTENDANCE_BAR } from "./forms/validate.js";
import { shareOf } from "./ratio.js";
import { timeliness, type Timeliness } from "./tracking.js";

/** `untracked`: no report, for a period before the cell's tracking starts (domain/tracking.ts): neither pending nor late. */
export type CellReportStatus = "accepted" | "reported" | "pending" | "late" | "untracked";

export interface CellInput {
  orgId: number;
  name: string;
  parentId: number | null;
  parentName: string | null;
  /** The report's due date (`YYYY-MM-DD`), or null when the cell has none this period (no meeting). */
  due: string | null;
  /** `firstSentOn`: the local day it was first sent (a later correction does not move it), when known. */
  report: { id: number; status: string; data: Record<string, unknown>; firstSentOn?: string | null } | null;
  /** Why a meeting-based report has no due date: the cell has no schedule, or this period's meeting was cancelled. */
  noMeeting?: NoMeeting | null;
  /** The form's roll-up figures of the report (see domain/rollup-table.ts), when read. */
  figures?: Record<string, unknown> | null;
  /** False for a period before the cell's tracking starts (`isTracked`); default true. */
  tracked?: boolean;
}

export type NoMeeting = "no_schedule" | "cancelled";

export interface CellRollup {
  orgId: number;
  name: string;
  parentId: number | null;
  parentName: string | null;
  status: CellReportStatus;
  due: string | null;
  reportId: number | null;
  /** present / members expected (at most 1), when reported. */
  attendance: number | null;
  /** The report's present and members expected (what a commune's rate sums), when reported. */
  present: number | null;
  expected: number | null;
  belowBar: boolean;
  unexcused: number;
  /** No meeting this period (no schedule, or cancelled): no report is due, and the roll-up says so. */
  noMeeting: NoMeeting | null;
  /** The report's figures for the form's roll-up table (null when not reported). */
  figures: Record<string, unknown> | null;
  /** A report sent: on time, late ("nộp muộn", by how many days) or not judged (`timeliness`); null when none. */
  timeliness: Timeliness | null;
}

export interface GroupRollup {
  orgId: number | null;
  name: string;
  /** Cells tracked this period (the denominator of every count and rate); untracked ones are apart. */
  cells: number;
  /** Cells with no report in a period before their tracking started: "chưa theo dõi", counted nowhere else. */
  untracked: number;
  reported: number;
  /** Of the reported, those first sent after their deadline ("nộp muộn"). */
  reportedLate: number;
  pending: number;
  late: number;
  /** Cells with no meeting this period (no schedule or cancelled) and no report: counted apart from pending. */
  noMeeting: number;
  belowBar: number;
  withUnexcused: number;
  /** Attendance of the cells that reported: their present over their members expected (`shareOf`), never a mean of rates. */
  attendance: number | null;
  /** The sums the attendance is read from (null when no report gave one). */
  present: number | null;
  expected: number | null;
}

function num(v: unknown): number | undefined {
  return typeof v === "number" && Number.isFinite(v) ? v : undefined;
}

/**
 * Each cell's standing for a period on a local date: reported (or accepted), still pending before its
 * due date, or late; its attendance and whether it misses the HD 12 quality bar.
 */
export function rollupCells(inputs: readonly CellInput[], today: string): CellRollup[] {
  return inputs.map((c) => {
    const data = c.report && c.report.status !== "draft" ? c.report.data : null;
    const present = data ? num(data.present) : undefined;
    const expected = data ? num(data.members_expected) : undefined;
    const attendance = shareOf(present, expected);
    const unexcused = data ? (num(data.absent_unexcused) ?? 0) : 0;
    let status: CellReportStatus;
    if (data) status = c.report!.status === "accepted" ? "accepted" : "reported";
    else if (c.tracked === false) status = "untracked";
    else status = c.due !== null && today > c.due ? "late" : "pending";
    return {
      orgId: c.orgId,
      name: c.name,
      parentId: c.parentId,
      parentName: c.parentName,
      status,
      due: status === "untracked" ? null : c.due,
      reportId: c.report?.id ?? null,
      attendance,
      present: present ?? null,
      expected: expected ?? null,
      belowBar: attendance !== null && attendance <= ATTENDANCE_BAR,
      unexcused,
      noMeeting: status === "untracked" ? null : (c.noMeeting ?? null),
      figures: data ? (c.figures ?? null) : null,
      timeliness: data ? timeliness(c.report!.firstSentOn ?? null, c.due, c.tracked !== false) : null,
    };
  });
}

/** Counts per parent (commune) — what levels above the cell see: numbers, never names. */
export function groupByParent(cells: readonly CellRollup[]): GroupRollup[] {
  // Sums, as the filed table adds them up (domain/rollup-table.ts): the chat and the export agree.
  const groups = new Map<number | null, GroupRollup>();
  for (const c of cells) {
    const g = groups.get(c.parentId) ?? { orgId: c.parentId, name: c.parentName ?? "", cells: 0, untracked: 0, reported: 0, reportedLate: 0, pending: 0, late: 0, noMeeting: 0, belowBar: 0, withUnexcused: 0, attendance: null, present: null, expected: null };
    groups.set(c.parentId, g);
    if (c.status === "untracked") {
      g.untracked += 1;
      continue;
    }
    g.cells += 1;
    if (c.status === "reported" || c.status === "accepted") {
      g.reported += 1;
      if (c.timeliness?.kind === "late") g.reportedLate += 1;
    } else if (c.status === "late") g.late += 1;
    else if (c.noMeeting) g.noMeeting += 1;
    else g.pending += 1;
    if (c.belowBar) g.belowBar += 1;
    if (c.unexcused > 0) g.withUnexcused += 1;
    if (c.present !== null) g.present = (g.present ?? 0) + c.present;
    if (c.expected !== null) g.expected = (g.expected ?? 0) + c.expected;
  }
  return [...groups.values()].map((g) => ({ ...g, attendance: shareOf(g.present, g.expected) }));
}

export interface MonthAbsences {
  period: string;
  /** Names recorded as absent without reason that month. */
  unexcused: string[];
}

/** Months a member may miss without reason before removal is considered (QĐ 294: 3 in a year). */
export const UNEXCUSED_RUN = 3;

/**
 * Members absent without reason at the last UNEXCUSED_RUN consecutive meetings (domain §2):
 * a flag for the secretary and the commune, never a decision. Names are compared folded and trimmed.
 */
export function repeatedUnexcused(months: readonly MonthAbsences[], fold: (s: string) => string): string[] {
  const recent = [...months].sort((a, b) => b.period.localeCompare(a.period)).slice(0, UNEXCUSED_RUN);
  if (recent.length < UNEXCUSED_RUN) return [];
  const [first, ...rest] = recent.map((m) => new Map(m.unexcused.map((n) => [fold(n.trim()), n.trim()])));
  return [...first!.entries()].filter(([key]) => rest.every((m) => m.has(key))).map(([, name]) => name);
}
