/**
 * Party dues (đảng phí) for a month, QĐ 342: "Đp tháng 11: 26 đv thu đủ 26, tổng
 * 312.000đ, đã nộp ĐUX ngày 18/11".
 */
import { formatDay, formatMonth } from "../calendar/day.js";
import { parseCount } from "../text/number-words.js";
import { findAmounts } from "./amounts.js";
import { findDates, resolveDate } from "./dates.js";
import { readPeriod } from "./monthly-meeting.js";
import { COUNT, MEMBER_NOUN } from "./patterns.js";
import type { Prepared } from "./prepare.js";
import type { ParseResult, PartyDuesFields } from "./types.js";

const RE_PAID_FRACTION = new RegExp(`(?:thu|dong|nop|da dong|da nop|da thu)\\s*(?:du|duoc|dc)?\\s*:?\\s*(${COUNT})\\s*\\/\\s*(${COUNT})`);
const RE_FRACTION_PAID = new RegExp(`(?<![\\d/.,:])(${COUNT})\\s*\\/\\s*(${COUNT})\\b(?!\\s?[/.]\\d)`, "g");
// "tháng 11/2026", "T11/2026": a month and year, not paid/liable.
const RE_MONTH_BEFORE = /(?:\bthang|\bt)\s?$/;
const YEAR_MIN = 1900;
const RE_LIABLE = new RegExp(`(?:(${COUNT})\\s*${MEMBER_NOUN}\\s*(?:phai dong|phai nop|dong|thuoc dien)?|(?:tong so|so dv|phai dong|phai thu|thuoc dien dong)\\s*(?:dv\\s*)?(?:phai dong\\s*)?:?\\s*(${COUNT}))`);
const RE_PAID = new RegExp(`(?:thu du|thu duoc|thu dc|da thu|da dong|da nop du|dong du|nop du|thu)\\s*:?\\s*(${COUNT})\\b(?!\\s?[/.]\\d)|(${COUNT})\\s*${MEMBER_NOUN}?\\s*(?:da dong|da nop|dong du|nop du)`);
const RE_ALL_PAID = /\b(?:thu du|dong du|nop du|100%)\b/;
const RE_UNPAID = new RegExp(`(?:con|chua dong|chua nop|no)\\s*:?\\s*(${COUNT})\\s*${MEMBER_NOUN}?\\s*(?:chua dong|chua nop|no)?`);
const RE_REMITTED = /\b(?:da\s+)?(?:nop|chuyen|gui)\s+(?:len\s+|ve\s+|cho\s+)?(dux|dang uy xa|dang uy|du|cap tren|van phong dang uy|vp dang uy|xa)\b/;
const RE_NOT_REMITTED = /\b(?:chua|ko|khong|k)\s+nop\s+(?:len\s+|ve\s+)?(?:dux|dang uy|cap tren|du|xa)/;
const REMIT_TARGET: Record<string, string> = {
  dux: "đảng ủy xã", "dang uy xa": "đảng ủy xã", "dang uy": "đảng ủy", du: "đảng ủy", "cap tren": "cấp trên",
  "van phong dang uy": "văn phòng đảng ủy", "vp dang uy": "văn phòng đảng ủy", xa: "xã",
};
const RE_DUES = /\b(?:dp|dang phi|dong dp|thu dp)\b/;

export function parsePartyDues(p: Prepared): ParseResult<"party-dues"> {
  const f = p.f;
  const fields: PartyDuesFields = {};
  const warnings: string[] = [];
  const period = readPeriod(p, 0, f.length, findDates(p).filter((d) => d.kind === "dmy"));
  if (period) fields.period = formatMonth(period.y, period.m);

  let m = RE_PAID_FRACTION.exec(f);
  if (m) {
    const paid = parseCount(m[1] as string);
    const liable = parseCount(m[2] as string);
    if (paid !== null) fields.paid = paid;
    if (liable !== null) fields.liable = liable;
  }
  if (!m) {
    RE_FRACTION_PAID.lastIndex = 0;
    while ((m = RE_FRACTION_PAID.exec(f))) {
      const paid = parseCount(m[1] as string);
      const liable = parseCount(m[2] as string);
      if (paid === null || liable === null || paid > liable) continue;
      if (liable >= YEAR_MIN || RE_MONTH_BEFORE.test(f.slice(Math.max(0, m.index - 6), m.index))) continue;
      fields.paid = paid;
      fields.liable = liable;
      break;
    }
  }
  if (fields.liable === undefined && (m = RE_LIABLE.exec(f))) {
    const n = parseCount((m[1] ?? m[2]) as string);
    if (n !== null) fields.liable = n;
  }
  if (fields.paid === undefined && (m = RE_PAID.exec(f))) {
    const n = parseCount((m[1] ?? m[2]) as string);
    if (n !== null) fields.paid = n;
  }
  if ((m = RE_UNPAID.exec(f))) {
    const n = parseCount(m[1] as string);
    if (n !== null) fields.unpaid = n;
  }
  if (fields.paid === undefined && fields.liable !== undefined) {
    if (fields.unpaid !== undefined) fields.paid = fields.liable - fields.unpaid;
    else if (RE_ALL_PAID.test(f)) fields.paid = fields.liable;
  }
  if (fields.unpaid === undefined && fields.paid !== undefined && fields.liable !== undefined) fields.unpaid = fields.liable - fields.paid;

  const amounts = findAmounts(f);
  if (amounts.length > 0) fields.amount_vnd = Math.max(...amounts.map((a) => a.vnd));

  const notRemitted = RE_NOT_REMITTED.exec(f);
  const remitted = RE_REMITTED.exec(f);
  if (notRemitted) fields.remitted = false;
  else if (remitted) {
    fields.remitted = true;
    fields.remitted_to = REMIT_TARGET[remitted[1] as string] ?? (remitted[1] as string);
    const after = findDates(p, remitted.index, f.length)[0];
    if (after) {
      const day = resolveDate(after, p.now, "past");
      if (day !== null) {
        fields.remitted_date = formatDay(day);
        if (day > p.now.day) warnings.push(`date_in_future: ${fields.remitted_date}`);
      }
    }
  }

  if (fields.paid !== undefined && fields.liable !== undefined && fields.paid > fields.liable) {
    warnings.push(`paid_exceeds_liable: paid ${fields.paid} > liable ${fields.liable}`);
  }
  if (fields.liable === undefined && fields.paid === undefined && fields.amount_vnd === undefined && !RE_DUES.test(f)) {
    return { ok: false, errors: ["not_a_report: no dues fields found"] };
  }
  const missing = (["period", "liable", "paid", "amount_vnd"] as const).filter((k) => fields[k] === undefined).map(String);
  return { ok: true, form: "party-dues", fields, missing, warnings };
}
