/** Report periods: YYYY-MM months, YYYY-Qn quarters, YYYY years, resolved looking back. */
import { NUMBER_WORDS_SOURCE, WORD_END, WORD_START, yearFromWords } from "../text/number-words.js";
import type { Prepared } from "./prepare.js";

// "Quý: III/2026", a labelled line, as "quý III/2026": the quarter (group 1) and its year (group 2), for every form.
export const QUARTER_SOURCE = `${WORD_START}(?:quy(?:\\s?:)?|q)\\s?(iv|iii|ii|i|[1-4]|mot|hai|ba|bon|tu)${WORD_END}(?:\\s?[/.-]?\\s?(?:nam\\s)?(\\d{4}))?`;
const RE_QUARTER = new RegExp(QUARTER_SOURCE);
const RE_QUARTERS = new RegExp(RE_QUARTER.source, "g");
const RE_AHEAD_AFTER = /^\s*(?:nam sau|nam toi|sap toi|toi)\b/;
// "Các chỉ tiêu quý 2 thôn X: …" lists the quarter's figures (the indicators); "chỉ tiêu quý 3 kết nạp 2" is a target.
const RE_PLAN_BEFORE = /\b(?:phan dau|du kien|ke hoach|(?<!cac )chi tieu|se|sang nam)\s+(?:\S+\s+)?$/;
const RE_QUARTER_REL = /\bquy\s+(nay|truoc|vua roi|vua qua)\b/;
const RE_YEAR = /\bnam\s?(\d{4})\b/;
const RE_YEARS = new RegExp(RE_YEAR.source, "g");
// "sinh năm 1935": a member's birth year is no year reported either; nor "HTXS: 6 (năm 2025: 5)", last year's figure in
// brackets after this one's.
// A date's year ("Hữu Khánh, ngày 08 tháng 01 năm 2026") is no year reported either.
const RE_COMPARED_BEFORE = /\b(?:so voi|so cung ky|cung ky|tang so|giam so|sinh)\s*$|\d\s*\(\s*$|\bthang\s+\d{1,2}\s+$/;
const RE_THIS_YEAR_NAMED = /\bnam nay\s+(?:la\s+)?(?:nam\s+)?(\d{4})\b/;
const RE_THIS_YEAR = /\bnam\s(?:nay|qua|vua qua|truoc)\b/;
const QUARTER_WORD: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4, mot: 1, hai: 2, ba: 3, bon: 4, tu: 4 };

const RE_SPOKEN_YEAR = /\bnam (?=hai (?:nghin|ngan|khong) )/;
const RE_PAST_AFTER = /^\s*(?:vua roi|vua qua)\b/;

/**
 * A quarter the message marks as just past ("kết quả quý 3 vừa rồi: …", "quý III vừa qua"): the one reported,
 * whatever other quarter a plan or target names ("Q4 chi bộ đặt chỉ tiêu kết nạp 2").
 */
export function pastQuarter(p: Prepared): string | null {
  if (!p.f.includes("vua")) return null;
  RE_QUARTERS.lastIndex = 0;
  let found: RegExpExecArray | null;
  while ((found = RE_QUARTERS.exec(p.f))) {
    const end = found.index + found[0].length;
    if (!RE_PAST_AFTER.test(p.f.slice(end, end + 12))) continue;
    const q = QUARTER_WORD[found[1] as string] ?? Number(found[1]);
    let y = found[2] ? Number(found[2]) : p.now.y;
    if (!found[2] && q > Math.ceil(p.now.m / 3)) y -= 1;
    return `${y}-Q${q}`;
  }
  return null;
}

/** "quý 3", "Q3", "quý IV năm 2025" → "2025-Q3"; a quarter not yet over is last year's. */
export function readQuarter(p: Prepared): string | null {
  const past = pastQuarter(p);
  if (past) return past;
  let m: RegExpExecArray | null = null;
  RE_QUARTERS.lastIndex = 0;
  let found: RegExpExecArray | null;
  while ((found = RE_QUARTERS.exec(p.f))) {
    // "phấn đấu quý I năm sau kết nạp tiếp 2": a plan's quarter, not the report's.
    const end = found.index + found[0].length;
    // "ấp Ba Se B quý 4": a capitalised word is a name, no plan ("sẽ").
    const from = Math.max(0, found.index - 24);
    const plan = RE_PLAN_BEFORE.exec(p.f.slice(from, found.index));
    const planWord = plan ? p.text[from + plan.index + (/^\W/.test(plan[0]) ? 1 : 0)] : undefined;
    if (RE_AHEAD_AFTER.test(p.f.slice(end, end + 12)) || (plan && planWord !== undefined && planWord === planWord.toLowerCase())) continue;
    // "quý I/2027" in a message of 2026: a quarter to come, not the one reported.
    if (found[2] !== undefined && Number(found[2]) > p.now.y) continue;
    // "Số hộ: 187 (quý IV/2026: 185)": the quarter a figure is compared with, in brackets after it.
    if (p.f.charCodeAt(found.index - 1) === 40 && /^\s*:\s*\d/.test(p.f.slice(end, end + 6))) continue;
    m = found;
    break;
  }
  if (!m) {
    // "quý này", "quý trước": the quarter of the message, or the one before it.
    const rel = RE_QUARTER_REL.exec(p.f);
    if (!rel) return null;
    let q = Math.ceil(p.now.m / 3) - (rel[1] === "nay" ? 0 : 1);
    let y = p.now.y;
    if (q === 0) {
      q = 4;
      y -= 1;
    }
    return `${y}-Q${q}`;
  }
  const q = QUARTER_WORD[m[1] as string] ?? Number(m[1]);
  // "quý ba năm hai không hai sáu": the year said in words after it.
  const end = m.index + m[0].length;
  const said = !m[2] && p.f.startsWith(" nam hai ", end) ? yearFromWords(p.f.slice(end + 5, end + 60)) : null;
  let y = m[2] ? Number(m[2]) : said && said.year <= p.now.y ? said.year : p.now.y;
  if (!m[2] && !said && q > Math.ceil(p.now.m / 3)) y -= 1;
  return `${y}-Q${q}`;
}

/**
 * The year a yearly report is about: "năm 2025", "năm nay"; otherwise the current
 * year, or last year early in the new year (reviews are compiled December–January).
 * With `reviewed`, "năm nay" early in the new year is the year just reviewed too ("Em báo cáo
 * xếp loại năm nay …" on 2 January rates the year that ended: none rates a year just begun).
 */
export function readYear(p: Prepared, earlyMonths = 3, reviewed = false): string {
  // "Năm 2025 chi bộ em được HTT, năm nay 2026 …": the year said to be this one, whatever year came before it.
  const named = p.f.includes("nam nay") ? RE_THIS_YEAR_NAMED.exec(p.f) : null;
  if (named) return named[1] as string;
  RE_YEARS.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = RE_YEARS.exec(p.f))) {
    // "So với năm 2025 (HTXS 5, …)": a year compared with, not the one reported.
    if (!RE_COMPARED_BEFORE.test(p.f.slice(Math.max(0, m.index - 16), m.index))) return m[1] as string;
  }
  // "năm hai nghìn hai mươi sáu", "năm hai không hai lăm": the year said in words.
  const spoken = p.f.includes("nam hai ") ? RE_SPOKEN_YEAR.exec(p.f) : null;
  const said = spoken ? yearFromWords(p.f.slice(spoken.index + spoken[0].length)) : null;
  if (said && said.year <= p.now.y) return String(said.year);
  const rel = RE_THIS_YEAR.exec(p.f);
  if (rel && rel[0] !== "nam nay") return String(p.now.y - 1);
  if (rel) return String(reviewed && p.now.m <= earlyMonths ? p.now.y - 1 : p.now.y);
  return String(p.now.m <= earlyMonths ? p.now.y - 1 : p.now.y);
}
