/**
 * Quick-report parser: one chat message in, the contract's JSON out.
 *
 * @example
 * parseReport("monthly-meeting", "bc sh cb t11: hop toi 5/11 19h30, co mat 25/27, vang 2 cld",
 *   { now: new Date("2025-11-06T08:00:00+07:00") })
 * // { ok: true, form: "monthly-meeting", fields: { meeting_date: "2025-11-05", … }, missing: [], warnings: [] }
 */
import { parseAdmissions } from "./admissions.js";
import { parseAnnualRating } from "./annual-rating.js";
import { keepWrittenDashes, parseMonthlyMeeting } from "./monthly-meeting.js";
import { parsePartyDues } from "./party-dues.js";
import { parseVillageQuarterly } from "./village-quarterly.js";
import { mayNotBeHeld, notReportOf, RE_NOT_HELD } from "./gate.js";
import { prepare } from "./prepare.js";
import { FORMS, type FormName, type ParseOptions, type ParseResult } from "./types.js";

export { FORMS, codeOf } from "./types.js";
export type * from "./types.js";
export type { Absentee } from "./attendance.js";
export type { Resolution } from "./resolutions.js";

const RE_POSTPONED = /\b(?:lui|hoan(?! thanh)|doi lich|doi ngay|doi sang|tam hoan|dich sang)\b/;

/** Longest message read; a Telegram message holds 4,096 characters. */
export const MAX_MESSAGE_LENGTH = 4096;

export function isFormName(name: string): name is FormName {
  return (FORMS as readonly string[]).includes(name);
}

/** Parses `text` as a report of `form`, reading relative dates from `options.now`. */
export function parseReport<F extends FormName>(form: F, text: string, options: ParseOptions): ParseResult<F>;
export function parseReport(form: FormName, text: string, options: ParseOptions): ParseResult {
  if (typeof text !== "string" || text.trim().length === 0) return { ok: false, errors: ["empty_input: no text"] };
  if (text.length > MAX_MESSAGE_LENGTH) {
    return { ok: false, errors: [`too_long: ${text.length} > ${MAX_MESSAGE_LENGTH} characters`] };
  }
  if (!(options.now instanceof Date) || Number.isNaN(options.now.getTime())) {
    return { ok: false, errors: ["bad_now: not a valid time"] };
  }
  const p = prepare(text, options.now, options.tz);
  if (isFormName(form)) {
    const not = notReportOf(p, form);
    // "Thông báo: … lùi sinh hoạt sang 12/11" moves a meeting: no notice of one to read.
    if (not === "notice" && form === "monthly-meeting" && !RE_POSTPONED.test(p.f) && !(mayNotBeHeld(p.f) && RE_NOT_HELD.test(p.f))) {
      // A notice of the coming meeting gives its date, time and place; nothing else: "đề nghị 17 đ/c có mặt đầy đủ",
      // "Kính mời đ/c … về dự", its agenda are what is asked of the meeting, not what it was.
      const r = parseMonthlyMeeting(p);
      if (r.ok && r.fields.meeting_date !== undefined) {
        const { meeting_date, period, start_time, place, kind } = r.fields;
        const fields = { meeting_date, period, start_time, place, kind };
        for (const k of Object.keys(fields) as (keyof typeof fields)[]) if (fields[k] === undefined) delete fields[k];
        const warnings = r.warnings.filter((w) => !/^(?:attendance|exempt|members|absent|present)/.test(w));
        return { ...r, fields: fields as typeof r.fields, missing: [], warnings: [...warnings, "meeting_notice: a notice of a meeting to come"] };
      }
    }
    if (not) return { ok: false, errors: [`not_a_report: ${not}`] };
  }
  switch (form) {
    case "monthly-meeting":
      return keepWrittenDashes(parseMonthlyMeeting(p), text);
    case "party-dues":
      return parsePartyDues(p);
    case "village-quarterly":
      return parseVillageQuarterly(p);
    case "admissions":
      return parseAdmissions(p);
    case "annual-rating":
      return parseAnnualRating(p);
    default:
      return { ok: false, errors: [`unknown_form: ${String(form)}`] };
  }
}
