import type { Check, FieldDefinition, FieldValues, FormDefinition } from "./form-definition.js";
import { htxsWithinQuota, levelFor, QD366_COLLECTIVE, type CriteriaTable } from "./rating.js";
import { roundPoints } from "./criteria.js";
import type { Criterion } from "./rating.js";

/** HD 12-HD/BTCTW quality bar: attendance above 85%. */
export const ATTENDANCE_BAR = 0.85;
/** HD 42-HD/BTCTW: a meeting lasts at least 90 minutes, 120 for a combined session. */
export const MIN_DURATION_MIN = 90;
export const MIN_DURATION_COMBINED_MIN = 120;
/**
 * How far the stated number expected may be from the cell's roll before it is questioned: exempt
 * and temporarily attached members make honest differences, a typo or another cell's figures do not.
 */
export const ROLL_TOLERANCE = { atLeast: 2, share: 0.2 };
const MAX_TEXT = 500;
const MAX_LIST = 30;

export interface ValidationResult {
  /** Block storing: the value is impossible or unsafe. */
  errors: Check[];
  /** Shown to the user before confirming; storing is allowed. */
  warnings: Check[];
  /** Required fields with no value. */
  missing: string[];
}

export interface ValidationContext {
  /** Today, local (`YYYY-MM-DD`): a report's dates may not be later. */
  today: string;
  /** The criteria table the organization is rated on (default: QĐ 366's two totals). */
  criteria?: CriteriaTable;
  /** The cell's party members on its roll (count of its members today), to question figures far from it. */
  roll?: number;
  /** The period the report is for (`YYYY-MM` for a month): a meeting dated in another month is questioned. */
  period?: string;
  /** The day the cell's meeting of that month is scheduled (`YYYY-MM-DD`): a meeting on another day of it is questioned. */
  scheduled?: string;
}

/** `2025-11-05` → `05/11/2025`. */
const dayText = (date: string) => `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`;

/** `2025-11` → `11/2025`. */
const monthText = (month: string) => `${Number(month.slice(5, 7))}/${month.slice(0, 4)}`;

/** Whether a stated number expected is far enough from the roll to ask about it. */
export function farFromRoll(expected: number, roll: number): boolean {
  return Math.abs(expected - roll) > Math.max(ROLL_TOLERANCE.atLeast, Math.ceil(roll * ROLL_TOLERANCE.share));
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

function isRealDate(value: string): boolean {
  if (!DATE.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/** Check one value against its field definition; returns an error or null. */
export function checkField(field: FieldDefinition, value: unknown, ctx: ValidationContext): Check | null {
  const err = (code: string, args?: Record<string, string | number>): Check => ({ code, field: field.key, ...(args ? { args } : {}) });
  switch (field.type) {
    case "int":
    case "money":
    case "decimal": {
      if (typeof value !== "number" || !Number.isFinite(value)) return err("not_a_number");
      if (field.type !== "decimal" && !Number.isInteger(value)) return err("not_whole");
      if (value < 0) return err("negative");
      if (field.min !== undefined && value < field.min) return err("too_small", { min: field.min, value });
      if (field.max !== undefined && value > field.max) return err("too_large", { max: field.max, value });
      return null;
    }
    case "date":
      if (typeof value !== "string" || !isRealDate(value)) return err("bad_date");
      return null;
    case "time":
      return typeof value === "string" && TIME.test(value) ? null : err("bad_time");
    case "bool":
      return typeof value === "boolean" ? null : err("bad_bool");
    case "enum":
      return typeof value === "string" && (field.options ?? []).includes(value) ? null : err("bad_choice");
    case "text":
      if (typeof value !== "string" || value.trim() === "") return err("bad_text");
      return value.length > MAX_TEXT ? err("text_too_long", { max: MAX_TEXT }) : null;
    case "text_list":
      if (!Array.isArray(value) || value.length > MAX_LIST) return err("bad_list");
      return value.every((v) => typeof v === "string" && v.length <= MAX_TEXT) ? null : err("bad_list");
    case "absentees":
      if (!Array.isArray(value) || value.length > MAX_LIST) return err("bad_list");
      return value.every((v) => v && typeof v === "object" && typeof (v as { name?: unknown }).name === "string") ? null : err("bad_list");
    case "resolutions":
      if (!Array.isArray(value) || value.length > MAX_LIST) return err("bad_list");
      return value.every((v) => v && typeof v === "object" && typeof (v as { task?: unknown }).task === "string") ? null : err("bad_list");
    case "scores": {
      if (!value || typeof value !== "object" || Array.isArray(value)) return err("bad_list");
      const entries = Object.entries(value as Record<string, unknown>);
      if (entries.length > MAX_LIST * 2) return err("bad_list");
      return entries.every(([code, v]) => code.length <= 40 && typeof v === "number" && Number.isFinite(v) && v >= 0 && v <= 100) ? null : err("bad_list");
    }
  }
}

const num = (values: FieldValues, key: string): number | undefined => {
  const v = values[key];
  return typeof v === "number" && Number.isFinite(v) ? v : undefined;
};

/**
 * Validate a submission's values: field types and ranges, then the cross-field checks of its form.
 *
 * @example validateSubmission(monthlyMeetingForm, { present: 30, members_expected: 27 }, { today: "2025-11-06" })
 */
export function validateSubmission(form: FormDefinition, values: FieldValues, ctx: ValidationContext): ValidationResult {
  const errors: Check[] = [];
  const warnings: Check[] = [];
  const missing: string[] = [];
  for (const field of form.fields) {
    const value = values[field.key];
    if (value === undefined || value === null) {
      if (field.required) missing.push(field.key);
      continue;
    }
    const problem = checkField(field, value, ctx);
    if (problem) errors.push(problem);
    else if (field.type === "date" && (value as string) > ctx.today) errors.push({ code: "date_in_future", field: field.key });
  }
  for (const key of Object.keys(values)) {
    if (!form.fields.some((f) => f.key === key)) errors.push({ code: "unknown_field", field: key });
  }
  if (errors.length > 0) return { errors, warnings, missing };
  crossChecks(form, values, ctx, errors, warnings, missing);
  return { errors, warnings, missing };
}

function crossChecks(form: FormDefinition, v: FieldValues, ctx: ValidationContext, errors: Check[], warnings: Check[], missing: string[]): void {
  if (form.id === "monthly-meeting") {
    const present = num(v, "present");
    const expected = num(v, "members_expected");
    const excused = num(v, "absent_excused") ?? 0;
    const unexcused = num(v, "absent_unexcused") ?? 0;
    const exempt = num(v, "absent_exempt") ?? 0;
    const unknown = num(v, "absent_unknown") ?? 0;
    // "bc sh t12: họp tối 30/11": a December report on a November meeting. Asked, never refused: the
    // month named or the date may be the slip, and a late meeting may really belong to the month before.
    const date = typeof v.meeting_date === "string" ? v.meeting_date : undefined;
    if (date && ctx.period && /^\d{4}-\d{2}$/.test(ctx.period) && date.slice(0, 7) !== ctx.period) {
      const [y, m, d] = date.split("-");
      warnings.push({ code: "date_outside_period", field: "meeting_date", args: { date: `${d}/${m}/${y}`, month: monthText(date.slice(0, 7)), period: monthText(ctx.period) } });
    } else if (date && ctx.scheduled && date.slice(0, 7) === ctx.scheduled.slice(0, 7) && date !== ctx.scheduled) {
      // "hôm qua chi bộ họp rồi nhé" on the 8th, the meeting scheduled on the 5th: said, never refused (it may have moved).
      warnings.push({ code: "date_not_scheduled", field: "meeting_date", args: { date: dayText(date), scheduled: dayText(ctx.scheduled) } });
    }
    const roll = ctx.roll;
    if (roll !== undefined && roll > 0) {
      // "có mặt 25/27" in an 11-member cell: another cell's figures or a typo; ask, naming the roll.
      if (present !== undefined && present > roll) warnings.push({ code: "present_exceeds_roll", field: "present", args: { present, roll } });
      if (expected !== undefined && farFromRoll(expected, roll)) warnings.push({ code: "expected_far_from_roll", field: "members_expected", args: { expected, roll } });
    }
    if (present !== undefined && expected !== undefined) {
      // Temporarily attached members or exempt members who came can make it so: ask, do not refuse.
      if (present > expected) warnings.push({ code: "present_exceeds_expected", field: "present", args: { present, expected } });
      else {
        const accounted = present + excused + unexcused + unknown;
        // Exempt members may or may not be in the stated total: accept both readings.
        if (accounted !== expected && accounted + exempt !== expected) {
          const absent = excused + unexcused + unknown;
          // No absence stated: say how many are unaccounted for, never "vắng 0".
          if (absent === 0 && exempt === 0) warnings.push({ code: "attendance_unaccounted", args: { present, expected, missing: expected - present } });
          else warnings.push({ code: "attendance_mismatch", args: { present, absent, expected } });
        }
        if (expected > 0 && present / expected <= ATTENDANCE_BAR) {
          warnings.push({ code: "attendance_low", args: { rate: Math.round((present / expected) * 100) } });
        }
      }
    }
    if (unexcused > 0) warnings.push({ code: "unexcused_absence", args: { count: unexcused } });
    if (unknown > 0) warnings.push({ code: "absence_reason_unknown", args: { count: unknown } });
    const duration = num(v, "duration_min");
    const minimum = v.kind === "combined" ? MIN_DURATION_COMBINED_MIN : MIN_DURATION_MIN;
    if (duration !== undefined && duration < minimum) warnings.push({ code: "duration_short", args: { duration, minimum } });
    if (v.cadre_present === false) warnings.push({ code: "cadre_absent" });
    if ((v.kind === "thematic" || v.kind === "combined") && !v.thematic_topic) missing.push("thematic_topic");
  }
  if (form.id === "village-quarterly") {
    const households = num(v, "households");
    const population = num(v, "population");
    if (households !== undefined && population !== undefined && population < households) {
      errors.push({ code: "population_below_households", field: "population", args: { population, households } });
    }
    const members = num(v, "members");
    const probationary = num(v, "probationary");
    if (members !== undefined && probationary !== undefined && probationary > members) {
      errors.push({ code: "part_exceeds_whole", field: "probationary", args: { part: probationary, whole: members } });
    }
  }
  if (form.id === "admissions") {
    const admitted = num(v, "admitted") ?? 0;
    for (const key of ["women", "ethnic_minority", "youth_union", "students", "religious"]) {
      const part = num(v, key);
      if (part !== undefined && part > admitted) errors.push({ code: "part_exceeds_whole", field: key, args: { part, whole: admitted } });
    }
  }
  if (form.id === "party-dues") {
    const liable = num(v, "liable");
    const paid = num(v, "paid");
    if (liable !== undefined && paid !== undefined && paid > liable) {
      errors.push({ code: "part_exceeds_whole", field: "paid", args: { part: paid, whole: liable } });
    } else if (liable !== undefined && paid !== undefined && paid < liable) {
      warnings.push({ code: "dues_unpaid", args: { count: liable - paid } });
    }
    // The amount collected is what the cell keeps plus what it remits.
    const amount = num(v, "amount_vnd");
    const remitted = num(v, "remitted_vnd");
    const retained = num(v, "retained_vnd");
    if (amount !== undefined && remitted !== undefined && remitted > amount) {
      errors.push({ code: "part_exceeds_whole", field: "remitted_vnd", args: { part: remitted, whole: amount } });
    } else if (amount !== undefined && remitted !== undefined && retained !== undefined && remitted + retained !== amount) {
      warnings.push({ code: "dues_split_mismatch", args: { amount, remitted, retained } });
    }
    const names = Array.isArray(v.unpaid_names) ? v.unpaid_names.length : 0;
    if (liable !== undefined && paid !== undefined && names > Math.max(0, liable - paid)) {
      warnings.push({ code: "dues_unpaid_names", args: { names, count: Math.max(0, liable - paid) } });
    }
  }
  if (form.id === "annual-rating") {
    const table = ctx.criteria ?? QD366_COLLECTIVE;
    const htxs = num(v, "htxs");
    const htt = num(v, "htt");
    if (htxs !== undefined && htt !== undefined && !htxsWithinQuota(table, htxs, htt)) {
      warnings.push({ code: "htxs_quota", args: { htxs, limit: Math.floor(table.htxsQuotaOfHtt * htt + 1e-9), pct: Math.round(table.htxsQuotaOfHtt * 100) } });
    }
    const general = num(v, "general_score");
    const tasks = num(v, "task_score");
    if (general !== undefined && general > table.generalMax) errors.push({ code: "too_large", field: "general_score", args: { max: table.generalMax, value: general } });
    if (tasks !== undefined && tasks > table.tasksMax) errors.push({ code: "too_large", field: "task_score", args: { max: table.tasksMax, value: tasks } });
    const scores = v.criteria_scores as Record<string, number> | undefined;
    if (scores && table.criteria) {
      for (const [code, points] of Object.entries(scores)) {
        const criterion = table.criteria.find((c) => c.code === code);
        if (!criterion) errors.push({ code: "unknown_criterion", field: "criteria_scores", args: { code } });
        else if (points > criterion.max) errors.push({ code: "criterion_too_large", field: "criteria_scores", args: { code, max: criterion.max, value: points } });
      }
      // The two totals are the sums of the criteria scored: a stored report never disagrees with itself.
      const sum = (group: Criterion["group"]) => roundPoints(table.criteria!.filter((c) => c.group === group).reduce((s, c) => s + (scores[c.code] ?? 0), 0));
      if (table.criteria.every((c) => scores[c.code] !== undefined) && (sum("general") !== general || sum("tasks") !== tasks)) {
        errors.push({ code: "criteria_sum", field: "general_score", args: { general: sum("general"), tasks: sum("tasks") } });
      }
    }
    const level = v.cell_self_level;
    if (general !== undefined && tasks !== undefined && typeof level === "string") {
      const earned = levelFor(table, general + tasks, { tasksExceeded30pct: v.tasks_exceeded_30pct === true, disciplinedSubunit: v.disciplined_subunit === true });
      if (earned !== level) warnings.push({ code: "level_differs", args: { stated: level, earned } });
    }
  }
}

/** The level the cell's own scores earn (shown in the summary, stored as `self_level`). */
export function selfLevel(values: FieldValues, table: CriteriaTable = QD366_COLLECTIVE): ReturnType<typeof levelFor> | undefined {
  const general = num(values, "general_score");
  const tasks = num(values, "task_score");
  if (general === undefined || tasks === undefined) return undefined;
  return levelFor(table, general + tasks, {
    tasksExceeded30pct: values.tasks_exceeded_30pct === true,
    disciplinedSubunit: values.disciplined_subunit === true,
  });
}
