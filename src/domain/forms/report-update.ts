import type { FieldValues } from "./form-definition.js";
import type { FormId } from "./registry.js";
import { duesChange } from "./party-dues.form.js";

/**
 * Fields that are stated together: a new message stating any field of `when` restates the whole group,
 * so the fields of `clear` it leaves out no longer hold (cleared, not kept from the report on file).
 */
interface Restated {
  when: readonly string[];
  clear: readonly string[];
  /** The cleared fields are worked out from the others when the report is sent: left out, not shown as cleared. */
  derived?: boolean;
}

const ABSENCES = ["absent_excused", "absent_unexcused", "absent_exempt", "absent_unknown", "absentees"];

const RESTATED: Partial<Record<FormId, readonly Restated[]>> = {
  // "có mặt 5/5, vắng 0": the absences of the report on file (and the names of the absent) are replaced.
  "monthly-meeting": [{ when: ABSENCES, clear: ABSENCES }],
  "party-dues": [
    // The cell's share is the amount collected less the amount remitted: worked out again when either changes.
    { when: ["amount_vnd", "remitted_vnd"], clear: ["retained_vnd"], derived: true },
    // Who has not paid goes with how many paid.
    { when: ["paid", "liable"], clear: ["unpaid_names"] },
  ],
};

/**
 * A new report for a period that already has one, read as an update of it: every field the new
 * message states replaces the stored one, every field it leaves out is kept, except the fields stated
 * together with a stated one (see `RESTATED`), which become `null` (cleared, shown as "—") or, when
 * worked out from the others (the cell's share of the dues), are left to be worked out again.
 *
 * @example updateOver("monthly-meeting", { start_time: "19:30", present: 4, absent_excused: 1 }, { present: 5, absent_excused: 0 })
 * // → { start_time: "19:30", present: 5, absent_excused: 0 }
 */
export function updateOver(form: FormId, stored: FieldValues, stated: FieldValues): FieldValues {
  const merged: FieldValues = { ...stored };
  for (const [key, value] of Object.entries(stated)) if (value !== undefined) merged[key] = value;
  for (const group of RESTATED[form] ?? []) {
    if (!group.when.some((k) => stated[k] !== undefined && stated[k] !== null)) continue;
    for (const key of group.clear) {
      if (stated[key] !== undefined || stored[key] === undefined || stored[key] === null) continue;
      if (group.derived) delete merged[key];
      else merged[key] = null;
    }
  }
  return merged;
}

const ABSENCE_COUNTS = ["absent_excused", "absent_unexcused", "absent_exempt", "absent_unknown"];

/**
 * A correction ("sửa lại: …", "nhầm, …") over a report's values: the fields it states replace the
 * stored ones, the others stay. What the arithmetic then forces goes too: a correction saying nobody
 * was absent ("không ai vắng") leaves no absentee named, unless it names some itself (the preview marks
 * the list with "trước: …"); another amount of dues collected or remitted leaves the cell's share of
 * the old one out (`duesChange`). Stated counts that still disagree are left to the checks' warnings.
 *
 * @example correctionOver("monthly-meeting", { absent_excused: 1, absentees: [{ name: "A" }] }, { absent_excused: 0 })
 * // → { absent_excused: 0, absentees: null }
 */
export function correctionOver(form: FormId, stored: FieldValues, patch: FieldValues): FieldValues {
  if (form === "party-dues") return duesChange(stored, patch);
  const merged: FieldValues = { ...stored, ...patch };
  if (form !== "monthly-meeting") return merged;
  const statesAbsences = ABSENCE_COUNTS.some((k) => patch[k] !== undefined && patch[k] !== null);
  const nobody = ABSENCE_COUNTS.every((k) => merged[k] === undefined || merged[k] === null || merged[k] === 0);
  const named = Array.isArray(merged.absentees) && merged.absentees.length > 0;
  if (statesAbsences && nobody && named && patch.absentees === undefined) merged.absentees = null;
  return merged;
}
