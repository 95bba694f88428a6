import { meetingDateInMonth, plannedKind, type MeetingRule } from "../meeting-rule.js";
import { addMonths } from "./local-time.js";

export type { MeetingRule };
export { meetingDateInMonth, nextMeetingDate } from "../meeting-rule.js";

export type MeetingKind = "regular" | "thematic" | "combined";

/** A one-off change to a cell's meeting of one month: moved (with a reason), or cancelled. The latest one counts. */
export interface MeetingOverride {
  id: number;
  /** The month (`YYYY-MM`) whose meeting it changes. */
  period: string;
  date: string | null;
  time: string | null;
  place: string | null;
  agenda: string | null;
  kind: MeetingKind;
  cancelled: boolean;
  reason: string | null;
  createdAt: Date;
}

/** The meeting a cell actually holds for a month, after overrides. */
export interface EffectiveMeeting {
  orgId: number;
  period: string;
  date: string;
  time: string;
  place: string | null;
  agenda: string | null;
  kind: MeetingKind;
  cancelled: boolean;
  /** The date the rule gives, when there is a rule (for "moved from"). */
  regularDate: string | null;
  override: MeetingOverride | null;
}

/**
 * The effective meeting of a cell for a month: the rule's date and time, replaced by the latest
 * override of that month. Null when the cell has neither a rule nor an override for the month.
 */
export function effectiveMeeting(
  orgId: number,
  rule: MeetingRule | null,
  overrides: readonly MeetingOverride[],
  period: string,
): EffectiveMeeting | null {
  const override = latestOverride(overrides, period);
  const regularDate = rule ? meetingDateInMonth(rule, period) : null;
  if (!override) {
    if (!rule || !regularDate) return null;
    // The rule's thematic month holds the quarter's thematic meeting in the same session (HD 42 allows it).
    const kind: MeetingKind = plannedKind(rule, period);
    return { orgId, period, date: regularDate, time: rule.startTime, place: rule.place, agenda: null, kind, cancelled: false, regularDate, override: null };
  }
  if (override.cancelled && override.date === null) {
    // A cancellation (stored without a date) cancels the meeting members were last told of: the rule's, or an earlier move's.
    const told = effectiveMeeting(orgId, rule, overrides.filter((o) => o.period === period && o.id < override.id), period);
    if (told) return { ...told, agenda: override.agenda ?? told.agenda, kind: override.kind, cancelled: true, override };
  }
  const date = override.date ?? regularDate;
  const time = override.time ?? rule?.startTime;
  if (!date || !time) return null;
  return {
    orgId,
    period,
    date,
    time,
    place: override.place ?? rule?.place ?? null,
    agenda: override.agenda,
    kind: override.kind,
    cancelled: override.cancelled,
    regularDate,
    override,
  };
}

/**
 * The meeting of an override's month as members knew it just before that override: the rule's date,
 * or an earlier move's. A change notice says "chuyển buổi ngày X" with this X, the date they were
 * last told — not the rule's date when the meeting had been moved once already.
 */
export function meetingBefore(
  orgId: number,
  rule: MeetingRule | null,
  overrides: readonly MeetingOverride[],
  override: MeetingOverride,
): EffectiveMeeting | null {
  return effectiveMeeting(orgId, rule, overrides.filter((o) => o.id < override.id), override.period);
}

function latestOverride(overrides: readonly MeetingOverride[], period: string): MeetingOverride | null {
  let latest: MeetingOverride | null = null;
  for (const o of overrides) if (o.period === period && (!latest || o.id > latest.id)) latest = o;
  return latest;
}

/**
 * The cell's meetings (cancelled ones included) whose date lies in `[from, to]`, by date. A month's
 * meeting may have been moved into a neighbouring month, so the months around the range are looked at too.
 */
export function meetingsBetween(
  orgId: number,
  rule: MeetingRule | null,
  overrides: readonly MeetingOverride[],
  from: string,
  to: string,
): EffectiveMeeting[] {
  const out: EffectiveMeeting[] = [];
  for (let period = addMonths(from.slice(0, 7), -1); period <= addMonths(to.slice(0, 7), 1); period = addMonths(period, 1)) {
    const m = effectiveMeeting(orgId, rule, overrides, period);
    if (m && m.date >= from && m.date <= to) out.push(m);
  }
  return out.sort((a, b) => (a.date + a.time).localeCompare(b.date + b.time));
}

/** The next meeting that is not cancelled, on or after a local date. */
export function upcomingMeeting(
  orgId: number,
  rule: MeetingRule | null,
  overrides: readonly MeetingOverride[],
  fromDate: string,
): EffectiveMeeting | null {
  const list = meetingsBetween(orgId, rule, overrides, fromDate, `${addMonths(fromDate.slice(0, 7), 2)}-28`);
  return list.find((m) => !m.cancelled) ?? null;
}

/** A meeting's identity in dedupe keys and button actions: `<orgId>:<YYYY-MM-DD>`. */
export function meetingKey(m: Pick<EffectiveMeeting, "orgId" | "date">): string {
  return `${m.orgId}:${m.date}`;
}
