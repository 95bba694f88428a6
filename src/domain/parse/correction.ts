/**
 * Corrections to a report already sent: "sửa lại: hôm qua có mặt 24 chứ ko phải 25
 * nhé, đ/c Tuấn về sớm xin phép" → patch {present: 24}, previous {present: 25}, a note.
 */
import { formatDay } from "../calendar/day.js";
import { WORD_END, WORD_START } from "../text/number-words.js";
import { parseAdmissions } from "./admissions.js";
import { parseAnnualRating } from "./annual-rating.js";
import { findDates, resolveDate } from "./dates.js";
import { formSignals } from "./gate.js";
import { parseMonthlyMeeting } from "./monthly-meeting.js";
import { parsePartyDues } from "./party-dues.js";
import { EXCUSED, EXEMPT, UNEXCUSED } from "./patterns.js";
import { prepare, type Prepared } from "./prepare.js";
import type { FormName, MonthlyMeetingFields, ParseOptions, ParseResult } from "./types.js";
import { parseVillageQuarterly } from "./village-quarterly.js";

export interface Correction {
  /** The form corrected: the meeting report unless the message reads as another form ("sửa lại đp t11: thu 26"). */
  form: FormName;
  patch: Partial<MonthlyMeetingFields> & Record<string, unknown>;
  previous: Partial<MonthlyMeetingFields> & Record<string, unknown>;
  /** The day the message refers to ("hôm qua"), when it names one. */
  refers_to?: string;
  /** The report's period when the message names it ("sửa lại báo cáo tháng 11: …"). */
  period?: string;
  note?: string;
}

const RE_CORRECTION_HEAD = /^\s*(?:xin\s+)?(?:sua lai|sua|dinh chinh|cap nhat lai|bao lai|nham|ghi nham|bao nham|xin loi[^,:.]*)\s*(?:chut|ti|mot chut|la|thanh)?\s*[:,.-]?\s*/;
const RE_NOT_PREVIOUS = new RegExp(`\\s*,?\\s*(?:chu|chu khong phai|chu ko phai|chu k phai|chu hok phai|chu hong phai|khong phai|ko phai|k phai)\\s+(?:la\\s+)?(\\d{1,3}(?:\\.\\d{3})+(?=\\s?(?:d|dong|vnd)?\\b)|\\d{1,4}\\s?(?:k|nghin|ngan)${WORD_END}|\\d{1,3}(?:\\/\\d{1,3})?${WORD_END})(?:\\s?(?:d|dong|vnd)${WORD_END})?`);
const RE_NOT_THEN = /(?:khong phai|ko phai|k phai)\s+(?:la\s+)?(\d{1,3})\s+ma\s+(?:la\s+)?/;
const RE_FROM_TO = /(\d{1,3})\s*(?:->|=>|→|thanh)\s*(\d{1,3})\b/;
const RE_FILLER = /\b(?:nhe|nha|a|ak|ah|nhen|nhe a)\b/g;
export const RE_IS_CORRECTION = new RegExp(`^\\s*(?:xin\\s+)?(?:sua lai|sua${WORD_END}|dinh chinh|bao nham|ghi nham|nham)|${WORD_START}chu (?:khong|ko|k|hok|hong) phai${WORD_END}|${WORD_START}(?:khong|ko|k) phai\\s+\\d+\\s+ma${WORD_END}|${WORD_START}sua\\s+\\S+\\s+(?:thanh|lai)${WORD_END}`);

const COUNT_FIELDS = ["present", "members_expected", "absent_excused", "absent_unexcused", "absent_exempt", "absent_total", "duration_min"] as const;

/** Reads a correction; null when the message does not correct any field. */
export function parseCorrection(text: string, options: ParseOptions = { now: new Date() }): Correction | null {
  return readCorrection(prepare(text, options.now, options.tz));
}

/** `parseCorrection` of a message already prepared (the classifier has it at hand). */
export function readCorrection(p0: Prepared): Correction | null {
  let f = p0.f;
  let previousValue: string | null = null;
  // Where the replaced figure was cut out: the corrected one is typed just before it.
  let cut = -1;
  let body = p0.text;
  const head = RE_CORRECTION_HEAD.exec(f);
  if (head) {
    body = body.slice(head[0].length);
    f = f.slice(head[0].length);
  }
  let m = RE_NOT_THEN.exec(f);
  if (m) {
    previousValue = m[1] as string;
    body = body.slice(0, m.index) + body.slice(m.index + m[0].length);
    f = f.slice(0, m.index) + f.slice(m.index + m[0].length);
  } else if ((m = RE_NOT_PREVIOUS.exec(f))) {
    previousValue = m[1] as string;
    cut = m.index;
    body = body.slice(0, m.index) + body.slice(m.index + m[0].length);
    f = f.slice(0, m.index) + f.slice(m.index + m[0].length);
  } else if ((m = RE_FROM_TO.exec(f))) {
    previousValue = m[1] as string;
    body = body.slice(0, m.index) + (m[2] as string) + body.slice(m.index + m[0].length);
    f = f.slice(0, m.index) + (m[2] as string) + f.slice(m.index + m[0].length);
  }
  const p: Prepared = { text: body, f, now: p0.now };
  const other = otherForm(f);
  if (other) return otherFormCorrection(p, other, previousValue, cut);
  const parsed = parseMonthlyMeeting(p);
  if (!parsed.ok) return null;
  const fields = parsed.fields;
  const patch: Partial<MonthlyMeetingFields> = {};
  const previous: Partial<MonthlyMeetingFields> = {};
  for (const k of COUNT_FIELDS) if (fields[k] !== undefined) patch[k] = fields[k];
  // A derived total is not something the secretary corrected.
  if (patch.members_expected !== undefined && parsed.warnings.some((w) => w.startsWith("members_expected_derived"))) delete patch.members_expected;
  for (const k of ["start_time", "place", "cadre_present", "thematic_topic", "presenter", "absentees", "resolutions"] as const) {
    if (fields[k] !== undefined) (patch as Record<string, unknown>)[k] = fields[k];
  }
  if (fields.kind !== "regular" || /\b(?:thuong ky|dinh ky)\b/.test(f)) patch.kind = fields.kind;
  // An absence total worked out from present and expected is not something the secretary typed.
  if (patch.absent_total !== undefined && !/\b(?:vang|vm)\b/.test(f)) delete patch.absent_total;
  unsaidAbsenceKinds(patch, fields, f);
  // "hôm qua có mặt 24" names the meeting; "sửa ngày sh là 6/11" changes the date.
  let refersTo: string | undefined;
  if (fields.meeting_date !== undefined) {
    if (/\bngay\b/.test(f) && !/\bhom (?:qua|kia|nay)\b/.test(f)) patch.meeting_date = fields.meeting_date;
    else refersTo = fields.meeting_date;
  }
  if (previousValue !== null) {
    const numeric = COUNT_FIELDS.find((k) => patch[k] !== undefined);
    if (numeric) previous[numeric] = Number(previousValue.split("/")[0]);
  }
  if (Object.keys(patch).length === 0) return null;
  const note = noteOf(p, fields);
  const out: Correction = { form: "monthly-meeting", patch, previous };
  if (refersTo) out.refers_to = refersTo;
  // Named outright ("tháng 11", "t11"), not worked out from a date.
  if (fields.period !== undefined && fields.meeting_date === undefined) out.period = fields.period;
  if (note) out.note = note;
  return out;
}

const RE_UNEXCUSED_SAID = new RegExp(`${WORD_START}${UNEXCUSED}${WORD_END}`, "g");
const RE_EXCUSED_SAID = new RegExp(`${WORD_START}${EXCUSED}${WORD_END}`);
const RE_EXEMPT_SAID = new RegExp(`${WORD_START}${EXEMPT}${WORD_END}`);

/**
 * "sửa lại: vắng không lý do 1": the report reader counts the kinds of absence a message leaves unsaid as 0
 * (a whole report's "vắng 1 không lý do" has no excused absence), but a correction changes only what it
 * says: a kind it does not name is left out of the patch, unless nobody was absent ("không ai vắng",
 * "có mặt 5/5"), which makes every kind 0.
 */
function unsaidAbsenceKinds(patch: Partial<MonthlyMeetingFields>, fields: Partial<MonthlyMeetingFields>, f: string): void {
  if (fields.absent_total === 0) return;
  const unexcused = new RegExp(RE_UNEXCUSED_SAID.source).test(f);
  // "không có lý do" holds "có lý do": the unexcused words go first.
  const rest = f.replace(RE_UNEXCUSED_SAID, " ");
  const said = { absent_unexcused: unexcused, absent_excused: RE_EXCUSED_SAID.test(rest), absent_exempt: RE_EXEMPT_SAID.test(rest) };
  for (const [key, named] of Object.entries(said) as [keyof typeof said, boolean][]) if (!named && patch[key] === 0) delete patch[key];
}

/** The form a correction is about when it is not the meeting: its signals clearly stronger. */
function otherForm(f: string): Exclude<FormName, "monthly-meeting"> | null {
  const s = formSignals(f);
  let best: FormName = "monthly-meeting";
  for (const k of Object.keys(s) as FormName[]) if (s[k] > s[best]) best = k;
  return best === "monthly-meeting" ? null : best;
}

const PARSERS: Record<Exclude<FormName, "monthly-meeting">, (p: Prepared) => ParseResult> = {
  "party-dues": parsePartyDues,
  "village-quarterly": parseVillageQuarterly,
  admissions: parseAdmissions,
  "annual-rating": parseAnnualRating,
};
// Worked out by a reader, not typed: never part of a correction.
const DERIVED = new Set(["period", "unpaid", "remitted_to", "village", "unions"]);
// A year or quarter named outright ("năm 2025", "quý 3"), not the fallback on the message time.
const RE_NAMED_PERIOD = /\b(?:thang|t)\s?\d{1,2}\b|\bquy\b|\bq\s?[1-4]\b|\bnam\s?\d{4}\b/;

/** "sửa lại đp t11: đã thu 26 chứ không phải 25", "sửa số hộ nghèo quý 3 thành 9". */
function otherFormCorrection(p: Prepared, form: Exclude<FormName, "monthly-meeting">, previousValue: string | null, cut: number): Correction | null {
  const parsed = PARSERS[form](p);
  if (!parsed.ok) return null;
  const fields = parsed.fields as Record<string, unknown>;
  const patch: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(fields)) if (!DERIVED.has(k) && v !== undefined) patch[k] = v;
  if (Object.keys(patch).length === 0) return null;
  const previous: Record<string, unknown> = {};
  if (previousValue !== null) {
    // The count typed last before "chứ không phải …" is the one corrected.
    // "312.000đ chứ không phải 321.000đ", "264k chứ hông phải 246k": an amount replaces an amount.
    const amount = /\.\d{3}|[a-z]/.test(previousValue);
    const numeric = Object.keys(patch).filter((k) => typeof patch[k] === "number" && k.endsWith("_vnd") === amount);
    const before = cut >= 0 ? cut : p.f.length;
    const key = numeric.sort((a, b) => lastIndexOfValue(p, patch[b] as number, before) - lastIndexOfValue(p, patch[a] as number, before))[0];
    if (key) previous[key] = amount ? amountOf(previousValue) : Number(previousValue.split("/")[0]);
  }
  const out: Correction = { form, patch, previous };
  if (typeof fields.period === "string" && RE_NAMED_PERIOD.test(p.f)) out.period = fields.period;
  return out;
}

/** Where `value` is typed last before `before` ("312.000" for 312000, "18" alone and not inside "180"). */
function lastIndexOfValue(p: Prepared, value: number, before: number): number {
  const head = p.f.slice(0, before);
  let at = -1;
  const re = /\d+(?:\.\d{3})*/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(head))) {
    const n = Number(m[0].replace(/\./g, ""));
    if (n === value || n * 1000 === value) at = m.index;
  }
  return at;
}

function amountOf(written: string): number {
  const n = Number(written.replace(/\./g, "").replace(/\D+$/, "").trim());
  return /[a-z]$/.test(written) ? n * 1000 : n;
}

/** Clauses that carry no field: the explanation ("đ/c Tuấn về sớm xin phép"). */
function noteOf(p: Prepared, fields: MonthlyMeetingFields): string | null {
  const parts: string[] = [];
  let start = 0;
  const clauses: [number, number][] = [];
  for (let i = 0; i <= p.f.length; i++) {
    const c = p.f[i];
    if (i === p.f.length || c === "," || c === ";" || c === "." || c === "\n") {
      clauses.push([start, i]);
      start = i + 1;
    }
  }
  for (const [s, e] of clauses) {
    const folded = p.f.slice(s, e).replace(RE_FILLER, "").trim();
    if (!folded) continue;
    if (/\d/.test(folded) || /\b(?:co mat|vang|du|hom qua|hom nay|hom kia)\b/.test(folded)) continue;
    parts.push(p.text.slice(s, e).trim());
  }
  void fields;
  const note = parts.join(", ").replace(/\s+(?:nhé|nha|nhe|ạ|a)$/u, "").trim();
  return note.length > 0 ? note : null;
}

export { findDates, resolveDate, formatDay };
