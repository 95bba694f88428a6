import type { DefaultSource, FieldDefinition, FieldValues, FormDefinition } from "../domain/forms/form-definition.js";
import { countCellMembers } from "../db/org.repository.js";
import { meetingDateInMonth, plannedKind } from "../domain/meeting-rule.js";
import { listCellMembers } from "../db/org.repository.js";
import { latestReport } from "../db/report.repository.js";
import { meetingPlanOf, meetingRuleOf } from "../db/schedule.repository.js";
import { effectiveMeeting } from "../domain/schedule/meeting.js";
import type { MeetingRule } from "../domain/meeting-rule.js";
import type { MeetingRoll } from "../domain/meeting-roll.js";
import type { Db } from "../db/schema.js";
import { meetingRoll } from "./meeting.service.js";

/**
 * A cell's meeting rule and roll today, each read at most once however often a report's start asks
 * (the scheduled date, the defaults and the plausibility roll ask for them twice each).
 *
 * @example const cell = new CellReads(ctx.db, orgId, ctx.today); await scheduledDate(cell, "2025-11")
 */
export class CellReads {
  private rule: Promise<MeetingRule | null> | undefined;
  private roll: Promise<MeetingRoll> | undefined;

  constructor(
    readonly db: Db,
    readonly orgId: number,
    readonly today: string,
    /** The rule in force today when the caller read it already (a batch group's quick reports: `QuickReportReads`). */
    ruleToday?: MeetingRule | null,
  ) {
    if (ruleToday !== undefined) this.rule = Promise.resolve(ruleToday);
  }

  ruleToday(): Promise<MeetingRule | null> {
    return (this.rule ??= meetingRuleOf(this.db, this.orgId, this.today));
  }

  rollToday(): Promise<MeetingRoll> {
    return (this.roll ??= meetingRoll(this.db, this.orgId, this.today));
  }
}

/** The cell's scheduled meeting date in a month, if it has a rule. */
export async function scheduledDate(cell: CellReads, period: string): Promise<string | undefined> {
  const rule = await cell.ruleToday();
  return rule && /^\d{4}-\d{2}$/.test(period) ? meetingDateInMonth(rule, period) : undefined;
}

/**
 * The day the cell's meeting of a month is scheduled: its rule's, or the day `/doilich` moved it to;
 * undefined with no rule, or when that meeting was cancelled.
 */
export async function scheduledMeetingDay(cell: CellReads, period: string): Promise<string | undefined> {
  if (!/^\d{4}-\d{2}$/.test(period)) return undefined;
  const { rule, overrides } = await meetingPlanOf(cell.db, cell.orgId, cell.today, period);
  const meeting = effectiveMeeting(cell.orgId, rule, overrides, period);
  return meeting && !meeting.cancelled ? meeting.date : undefined;
}

/** The cell's party members on its roll today (exempt ones included), for the plausibility warnings. */
export async function cellRoll(cell: CellReads): Promise<number> {
  return (await cell.rollToday()).roll;
}

/** The cell's members on its roll today, in Vietnamese name order: who may be named as not having paid dues. */
export async function cellMemberNames(db: Db, orgId: number, today: string): Promise<{ id: number; name: string }[]> {
  return (await listCellMembers(db, orgId, today)).map((m) => ({ id: m.id, name: m.full_name }));
}

/**
 * Suggested values for a guided form: the scheduled date, time and place, the members expected
 * (`meetingRoll`, as `/diemdanh` counts them), for "previous" fields the last period's values ("không thay đổi"),
 * and where those give nothing the field's fallback (the cell's roll for the village members).
 */
export async function reportDefaults(cell: CellReads, form: FormDefinition, period: string): Promise<FieldValues> {
  const { db, orgId, today } = cell;
  const defaults: FieldValues = {};
  const rule = await cell.ruleToday();
  const needsCount = form.fields.some((f) => f.default === "member_count");
  const roll = needsCount ? await cell.rollToday() : undefined;
  const needsPrevious = form.fields.some((f) => f.default === "previous");
  const previous = needsPrevious ? await latestReport(db, orgId, form.id, period) : undefined;
  const needsCounts = form.fields.some((f) => f.fallback === "cell_members" || f.fallback === "cell_probationary" || f.default === "cell_members" || f.default === "cell_probationary");
  const counts = needsCounts ? await countCellMembers(db, orgId, today) : undefined;
  const valueOf = (field: FieldDefinition, source: DefaultSource | undefined): unknown => {
    switch (source) {
      case "scheduled_date":
        if (rule && /^\d{4}-\d{2}$/.test(period)) {
          const date = meetingDateInMonth(rule, period);
          if (date <= today) return date;
        }
        return undefined;
      case "scheduled_time":
        return rule?.startTime;
      case "scheduled_place":
        return rule?.place ?? undefined;
      case "planned_kind": {
        // Suggested only where the rule plans more than the regular meeting: the three kinds are offered anyway.
        const kind = rule && /^\d{4}-\d{2}$/.test(period) ? plannedKind(rule, period) : undefined;
        return kind === "regular" ? undefined : kind;
      }
      case "member_count":
        return roll?.expected;
      case "previous":
        return previous?.data[field.key];
      case "cell_members":
        // An empty roll is "not known", not zero members.
        return counts && counts.total > 0 ? counts.total : undefined;
      case "cell_probationary":
        return counts && counts.total > 0 ? counts.probationary : undefined;
      default:
        return undefined;
    }
  };
  for (const field of form.fields) {
    const value = valueOf(field, field.default) ?? valueOf(field, field.fallback);
    if (value !== undefined) defaults[field.key] = value;
  }
  return defaults;
}
