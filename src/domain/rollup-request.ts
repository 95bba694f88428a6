import type { PeriodKind } from "./forms/form-definition.js";
import { isPeriodOfKind, periodOf, previousPeriod } from "./forms/period.js";
import type { FormId } from "./forms/registry.js";
import { fold } from "./text/fold.js";

/** The words that name a form in `/tonghop` and `/xuat` (folded: with or without diacritics). */
const FORM_WORDS: readonly [FormId, RegExp][] = [
  ["party-dues", /\b(?:dang phi|dues)\b/],
  ["village-quarterly", /\b(?:so lieu thon|so lieu|thon|to dan pho|village)\b/],
  ["admissions", /\b(?:ket nap|admissions?)\b/],
  ["annual-rating", /\b(?:xep loai|danh gia|kiem diem|rating)\b/],
  ["monthly-meeting", /\b(?:sinh hoat(?: chi bo)?|hop chi bo|meetings?)\b/],
];

const QUARTER_WORD: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4 };

export interface RollupRequest {
  /** The form named, or null when none was. */
  form: FormId | null;
  /** The period asked for, or null for the form's default. */
  period: string | null;
}

/**
 * A month people type: "10/2025", "t10", "tháng 10", "2025-10", "tháng trước", "tháng này" → `YYYY-MM`
 * (without a year: this year's, or last year's for a month still to come). Null when it is not a month.
 */
export function readMonthText(text: string, today: string): string | null {
  const f = fold(text).trim().replace(/\s+/g, " ");
  const current = periodOf("month", today);
  if (!f || f === "thang nay" || f === "this month") return current;
  if (f === "thang truoc" || f === "last month") return previousPeriod(current);
  if (isPeriodOfKind("month", f)) return f;
  const m = /^(?:t|thang)?\s*(\d{1,2})(?:\s*[/-]\s*(\d{4})|\s+nam\s+(\d{4}))?$/.exec(f);
  if (!m) return null;
  const month = Number(m[1]);
  if (month < 1 || month > 12) return null;
  const given = m[2] ?? m[3];
  let year = given ? Number(given) : Number(today.slice(0, 4));
  if (!given && month > Number(today.slice(5, 7))) year -= 1;
  return `${year}-${String(month).padStart(2, "0")}`;
}

/**
 * A quarter: "quý 3/2026", "quý III năm 2025", "q3", "2025-Q3", "quý trước", "quý này" → `YYYY-Qn`
 * (without a year: this year's, or last year's for a quarter still to come). Never read as a month.
 */
export function readQuarterText(text: string, today: string): string | null {
  const f = fold(text).trim().replace(/\s+/g, " ");
  const current = periodOf("quarter", today);
  if (f === "quy nay" || f === "this quarter") return current;
  if (f === "quy truoc" || f === "last quarter") return previousPeriod(current);
  if (/^\d{4}-q[1-4]$/.test(f)) return f.toUpperCase();
  const m = /^(?:quy|q)\s*(iv|iii|ii|i|[1-4])(?:\s*(?:[/.-]|nam)\s*(\d{4})|\s+nam\s+(\d{4}))?$/.exec(f);
  if (!m) return null;
  const q = QUARTER_WORD[m[1] as string] ?? Number(m[1]);
  const given = m[2] ?? m[3];
  let year = given ? Number(given) : Number(today.slice(0, 4));
  if (!given && q > Math.ceil(Number(today.slice(5, 7)) / 3)) year -= 1;
  return `${year}-Q${q}`;
}

/** A year: "năm 2025", "2025", "năm nay", "năm ngoái" / "năm trước" → `YYYY`. */
export function readYearText(text: string, today: string): string | null {
  const f = fold(text).trim().replace(/\s+/g, " ");
  const year = Number(today.slice(0, 4));
  if (f === "nam nay" || f === "this year") return String(year);
  if (f === "nam ngoai" || f === "nam truoc" || f === "nam qua" || f === "last year") return String(year - 1);
  const m = /^(?:nam\s*)?(\d{4})$/.exec(f);
  return m ? (m[1] as string) : null;
}

/** A period of any kind in words (a quarter and a year are tried before a month: "quý 3" is not March). */
export function readPeriodText(text: string, today: string): { kind: PeriodKind; period: string } | null {
  const quarter = readQuarterText(text, today);
  if (quarter) return { kind: "quarter", period: quarter };
  const year = readYearText(text, today);
  if (year) return { kind: "year", period: year };
  const month = readMonthText(text, today);
  return month ? { kind: "month", period: month } : null;
}

/**
 * What `/tonghop` (or `/xuat`) was asked: the form named by its words and the period in words, the rest
 * of the text. `null` when the text has words that are neither (the caller says how to ask).
 *
 * @example readRollupRequest("đảng phí tháng trước", "2026-12-06") // { form: "party-dues", period: "2026-11" }
 */
export function readRollupRequest(text: string, today: string): RollupRequest | null {
  let rest = fold(text).replace(/[,;]/g, " ").replace(/\s+/g, " ").trim();
  let form: FormId | null = null;
  for (const [id, words] of FORM_WORDS) {
    const m = words.exec(rest);
    if (!m) continue;
    form = id;
    rest = `${rest.slice(0, m.index)} ${rest.slice(m.index + m[0].length)}`.replace(/\s+/g, " ").trim();
    break;
  }
  rest = rest.replace(/^(?:mau|ky|cua)\s+/, "").trim();
  if (!rest) return { form, period: null };
  const period = readPeriodText(rest, today);
  return period ? { form, period: period.period } : null;
}

/** The form a period's kind suggests when none is named: a quarter is the village data, a year the rating. */
export function formForPeriodKind(kind: PeriodKind): FormId {
  return kind === "quarter" ? "village-quarterly" : kind === "year" ? "annual-rating" : "monthly-meeting";
}
