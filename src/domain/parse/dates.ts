/**
 * Date expressions in folded text: 5/11, 05/11/2025, 5-11, 5.11, "ngày 5 tháng 11",
 * "mùng 5", "hôm qua", "hôm kia", "tối thứ 6 vừa rồi", "CN", lunar "rằm",
 * "25 tháng chạp", "trước Tết". Found first, resolved to a day later, because the year
 * (and for "mùng 5" the month) depends on whether the date looks back (a report) or
 * ahead (a deadline, a notice).
 */
import { dayOf, isValidDate, weekdayOf, ymdOf, type LocalNow } from "../calendar/day.js";
import { lunarDay, nextTetOnOrAfter, solarToLunar, tetDay } from "../calendar/lunar.js";
import { NUMBER_WORDS_SOURCE, parseCount, WORD_END, WORD_START } from "../text/number-words.js";
import type { Prepared } from "./prepare.js";

export type Direction = "past" | "future";
export type WeekdayModifier = "none" | "last" | "prev-week" | "this-week" | "next-week";

export interface DateMention {
  start: number;
  end: number;
  kind: "dmy" | "day" | "lunar" | "rel" | "weekday" | "tet";
  d?: number;
  m?: number;
  y?: number;
  offset?: number;
  weekday?: number;
  wmod?: WeekdayModifier;
  /** A bare "a/b" that could also be attendance ("10/12"). */
  ambiguousCount?: boolean;
  /** A document's dateline ("Vĩnh Trạch, ngày 08 tháng 10 năm 2026" on a line of its own): the day it was written. */
  dateline?: boolean;
}

export interface Span {
  start: number;
  end: number;
}

const NUMW = NUMBER_WORDS_SOURCE;
// ("ngày mười hai tháng này": this month.)
const MONTH_WORD = `(\\d{1,2}|chap|gieng|nay|${NUMW})`;

// ("tháng 1-2 đã gửi rồi": months, after their word, no day and month.)
const RE_DMY =
  /(?<![\d.,/:])(?<!\bthang\s?)(\d{1,2})\s?([/.-])\s?(\d{1,2})(?:\s?\2\s?(\d{4}|\d{2})(?!\d))?(?![\d%]|[.,]\d|[ \t]?(?:km|ha|m2|trieu|tr\b|nghin|ngan|k\b|dong\b|d\b|%|h\d|g\d))/g;
const RE_NGAY_THANG = new RegExp(
  `${WORD_START}(?:ngay\\s+)?(?:(?:mung|mong)\\s+)?(\\d{1,2}|${NUMW})[ \\t]+thang\\s+${MONTH_WORD}(?:\\s*(?:nam\\s+|[/,]\\s*)?(\\d{4}))?(\\s*\\(?\\s*(?:am lich|al|am)${WORD_END})?`,
  "g",
);
const RE_MUNG = new RegExp(`${WORD_START}(?:mung|mong)\\s+(\\d{1,2}|${NUMW})${WORD_END}(\\s*\\(?\\s*(?:am lich|al|am)${WORD_END})?`, "g");
const RE_RAM = new RegExp(`${WORD_START}ram${WORD_END}(?:\\s+thang\\s+${MONTH_WORD})?`, "g");
// "ngày 21", "ngày hai mươi mốt", "hôm hăm ba" (from ten up in words: "ngày một", "ngày năm" are no days).
const RE_NGAY = new RegExp(`${WORD_START}(?:ngay|hom)\\s+(\\d{1,2}|(?:muoi|hai muoi|ba muoi|ham)(?:\\s+(?:mot|hai|ba|bon|tu|lam|nam|sau|bay|tam|chin))?)${WORD_END}(?!\\s?[/.-]\\s?\\d)`, "g");
// "bữa nay", "bữa qua", "hồi sáng" (this morning): the Southern "hôm nay", "hôm qua", "sáng nay"; "chiều ni 14h",
// "bữa ni chi bộ họp": the Centre's "nay",
// before a time or the meeting ("ni" alone is also "this", "here").
const RE_REL =
  new RegExp(`${WORD_START}(?:(hom nay|bua nay|toi nay|sang nay|chieu nay|dem nay|trua nay|(?:hom|bua|toi|sang|chieu|trua) ni(?=\\s+(?:\\d|luc|chi bo|cb|sinh hoat|sh|hop|to chuc))|hoi sang(?=\\s+(?:roi|nay|a|nha|nhen|\\S*$)|\\s*[,.!]|\\s*$))|(toi hom qua|hom qua|bua qua|toi qua|dem qua|chieu qua|sang qua|trua qua)|(hom kia|toi hom kia)|(ngay mai|sang mai|toi mai|chieu mai)|(ngay kia))${WORD_END}`, "g");
const RE_WEEKDAY =
  new RegExp(`(?<!${WORD_START}lan\\s)${WORD_START}(?:(?:thu|th)\\s?([2-7]|hai|ba|tu|nam|sau|bay)|(cn|chu nhat))${WORD_END}(?![ \\t]?\\/[ \\t]?\\d)(?:\\s+(tuan truoc|tuan roi|vua roi|vua qua|tuan nay|tuan sau|tuan toi|nay|roi|qua))?`, "g");
// A word each of RE_REL's phrases holds.
const RE_REL_WORDS = /hom|bua|qua|nay|mai|kia| ni\b|hoi sang/;
// ("trước Tết Bính Ngọ": the year's name after it is part of it.)
const RE_TET = /\b(?:(truoc|sau|den|toi|dip|trong)\s+)?tet\b(?:\s+nguyen dan)?(?:\s+(?:giap|at|binh|dinh|mau|ky|canh|tan|nham|quy)\s+(?:ty|suu|dan|mao|thin|ngo|mui|than|dau|tuat|hoi)\b)?/g;

const WEEKDAY_WORD: Record<string, number> = { hai: 1, ba: 2, tu: 3, nam: 4, sau: 5, bay: 6 };
const WMOD: Record<string, WeekdayModifier> = {
  "tuan truoc": "prev-week", "tuan roi": "prev-week", "vua roi": "last", "vua qua": "last", roi: "last",
  qua: "last", "tuan nay": "this-week", nay: "this-week", "tuan sau": "next-week", "tuan toi": "next-week",
};

const ATTENDANCE_BEFORE = /(?:co mat|\bdu|tham du|hien dien|tham gia|\bdv|dang vien|si so|so luong|bieu quyet|tan thanh|ket qua|dat)\s*:?\s*$/;
const ATTENDANCE_AFTER = /^\s*(?:dv\b|dang vien|dong chi|d\/c|dc\b|nguoi|ds\b|phieu|tan thanh|co mat(?!\s*:?\s*\d)|du\b(?!\s*:?\s*\d)|\((?!\s*(?:cac|thon|bt|dc|d\/c)))/;
// ("Hôm nay 8/10 tôi đã mang xuống nộp …", "sáng nay 08/10": the day named as today's.)
const RE_COLLECT_BEFORE = /\bthu\s*$/;
const DATE_BEFORE =
  /(?:ngay|hom|toi|sang|chieu|trua|dem|luc|vao|\bsh|shcb|shcd|hop|hoat|thu\s?[2-7a-z]*|cn|chu nhat|truoc|den|han|nop|tu|sang|xong|hom|\b(?:hom|sang|toi|chieu|trua|dem) (?:nay|qua|kia))\s*:?\s*$/;

// "nộp ĐUX 18/5", "gửi xã 3/9": the day it went to the committee.
const RE_REMIT_TO_BEFORE = /\b(?:nop|gui|chuyen)\s+(?:(?:len|ve|cho)\s+)?(?:du|dux|dup|dang uy|xa|phuong)(?:\s+(?:xa|phuong))?\s*$/;

// The place before a dateline: a few capitalised words and a comma, at a line's start or after the document's number.
// "*\tTân Đông Hiệp, ngày 08 …": a Word letterhead's bullet left before it too.
// ("TP. Hồ Chí Minh, ngày …": a town's abbreviation before the name.)
const RE_DATELINE_PLACE = /(?:^(?:[*•]\s*)?|\t|\s{2,})((?:\p{Lu}{1,3}\.\s*)?(?:\p{Lu}[\p{L}']*\s+){0,3}\p{Lu}[\p{L}']*),\s*$/u;

const RE_DAY_WORD_END = /ngay\s+$/;
/** "Số 09-BC/CB      Vĩnh Trạch, ngày 08 tháng 10 năm 2026": a place, a comma, the full date, and the line ends. */
function isDateline(p: Prepared, start: number, end: number): boolean {
  const f = p.f;
  if (!f.startsWith("ngay", start)) return false;
  const lineEnd = f.indexOf("\n", end);
  if (!/^[\s.]*$/.test(f.slice(end, lineEnd < 0 ? f.length : lineEnd))) return false;
  const lineStart = f.lastIndexOf("\n", start - 1) + 1;
  return RE_DATELINE_PLACE.test(p.text.slice(lineStart, start));
}

function monthValue(word: string): number | null {
  if (word === "chap") return 12;
  if (word === "gieng") return 1;
  return parseCount(word);
}

function overlaps(spans: readonly Span[], start: number, end: number): boolean {
  for (const s of spans) if (start < s.end && end > s.start) return true;
  return false;
}

const NUMBER_SPELLINGS = new Set(["một", "mốt", "hai", "ba", "bốn", "tư", "năm", "lăm", "sáu", "bảy", "bẩy", "tám", "chín", "mười", "mươi", "hăm", "trăm", "linh", "lẻ", "chục"]);

/** Number words as typed: each spelled as the number, or typed without marks ("tam thang 5"). */
function typedAsNumber(words: string): boolean {
  return words.split(/\s+/).every((w) => !/[^\x00-\x7f]/.test(w) || NUMBER_SPELLINGS.has(w.toLowerCase()));
}

/** Whether [start, end) lies inside [from, to) and overlaps nothing taken. */
function fits(taken: readonly Span[], from: number, to: number, start: number, end: number): boolean {
  return start >= from && end <= to && !overlaps(taken, start, end);
}

/** Keeps a mention inside [from, to) that overlaps nothing taken. */
function add(out: DateMention[], taken: Span[], from: number, to: number, m: DateMention): void {
  if (!fits(taken, from, to, m.start, m.end)) return;
  out.push(m);
  taken.push(m);
}

/**
 * All date mentions in f[from, to), skipping spans in `exclude` (already read as
 * counts). Mentions come back in text order.
 */
export function findDates(p: Prepared, from = 0, to = p.f.length, exclude: readonly Span[] = []): DateMention[] {
  const f = p.f;
  const out: DateMention[] = [];
  const taken: Span[] = [...exclude];
  let m: RegExpExecArray | null;

  const thang = f.includes("thang");
  RE_NGAY_THANG.lastIndex = from;
  while (thang && (m = RE_NGAY_THANG.exec(f)) && m.index < to) {
    const d = parseCount(m[1] as string);
    let monthWord = m[2] as string;
    let mo = monthWord === "nay" ? p.now.m : monthValue(monthWord);
    // "ngày mười lăm tháng năm từ 8 giờ": the month's word runs on into the next number word ("năm tư"); the month
    // is its first words.
    let cutEnd = -1;
    if ((mo === null || mo > 12) && monthWord.includes(" ")) {
      let words = monthWord;
      while ((mo === null || mo > 12) && words.includes(" ")) {
        words = words.slice(0, words.lastIndexOf(" "));
        mo = monthValue(words);
      }
      if (mo !== null && mo <= 12) {
        cutEnd = m.index + m[0].lastIndexOf(monthWord) + words.length;
        monthWord = words;
      }
    }
    if (d === null || mo === null) continue;
    // "xóm Đồng Tâm tháng 5": a name whose folded letters spell a number ("tâm" is not "tám").
    if (!/\d/.test(m[1] as string) && !typedAsNumber(p.text.slice(m.index + m[0].indexOf(m[1] as string), m.index + m[0].indexOf(m[1] as string) + (m[1] as string).length))) continue;
    // "Cb thôn Hạ Long 2 tháng 4: họp 3/4": the number closes the place's name, "tháng 4" is the period.
    // "xom Dong Tam thang 11 ngay 4/11": a capitalised number word typed without marks ends the name too.
    if ((/^\d/.test(m[0]) || /^\p{Lu}/u.test(p.text.slice(m.index, m.index + 1))) && closesPlaceName(p, m.index)) continue;
    // "tổ dân phố số 3 tháng 10", "xóm 7 tháng 11": the number right after the kind of place is its name.
    if (/^\d/.test(m[0]) && RE_PLACE_WORD_BEFORE.test(f.slice(Math.max(0, m.index - 16), m.index))) continue;
    const lunar = monthWord === "chap" || monthWord === "gieng" || m[4] !== undefined;
    const start = m.index;
    const end = cutEnd > 0 ? cutEnd : start + m[0].length;
    if (lunar) add(out, taken, from, to, { start, end, kind: "lunar", d, m: mo });
    else if (isValidDate(2024, mo, d)) {
      const mention: DateMention = { start, end, kind: "dmy", d, m: mo };
      if (m[3]) {
        mention.y = Number(m[3]);
        if (isDateline(p, start, end)) mention.dateline = true;
      }
      add(out, taken, from, to, mention);
    }
  }

  RE_DMY.lastIndex = from;
  while ((m = RE_DMY.exec(f)) && m.index < to) {
    const d = Number(m[1]);
    const mo = Number(m[3]);
    const start = m.index;
    const end = start + m[0].length;
    const sep = m[2] as string;
    let y: number | undefined;
    if (m[4]) y = m[4].length === 2 ? 2000 + Number(m[4]) : Number(m[4]);
    if (!isValidDate(y ?? 2024, mo, d)) continue;
    // "có mặt 25/27": a span already read (as attendance) keeps no date; its context need not be read.
    if (!fits(taken, from, to, start, end)) continue;
    const before = f.slice(Math.max(0, start - 18), start);
    const after = f.slice(end, end + 14);
    if (y === undefined && sep === "/") {
      // "nộp ĐU 3/9": sent to the committee (capitals) on a day, not "nộp đủ" (in full) of a fraction.
      // ("thu 4/5 dv": members collected from over members liable; "thu" is no "thứ" before a fraction of them.)
      const dateContext =
        (DATE_BEFORE.test(before) && !(RE_COLLECT_BEFORE.test(before) && ATTENDANCE_AFTER.test(after))) || (RE_REMIT_TO_BEFORE.test(before) && (!/\bdu\s*$/.test(before) || /[ĐD]U\s*$/.test(p.text.slice(Math.max(0, start - 4), start))));
      if (!dateContext && (ATTENDANCE_BEFORE.test(before) || ATTENDANCE_AFTER.test(after))) continue;
      const mention: DateMention = { start, end, kind: "dmy", d, m: mo };
      if (d <= mo && !dateContext) mention.ambiguousCount = true;
      add(out, taken, from, to, mention);
      continue;
    }
    if (sep === "." && y === undefined && /\d\s*$/.test(before)) continue;
    const mention: DateMention = { start, end, kind: "dmy", d, m: mo };
    if (y !== undefined) {
      mention.y = y;
      // "Làng Mạ, ngày 28/9/2026" on its line: a dateline written in figures.
      const day = RE_DAY_WORD_END.exec(before);
      if (day && isDateline(p, start - day[0].length, end)) mention.dateline = true;
    }
    add(out, taken, from, to, mention);
  }

  // Each scan below only where its word is written (looked for once, not at every match).
  const mung = f.includes("mung") || f.includes("mong");
  RE_MUNG.lastIndex = from;
  while (mung && (m = RE_MUNG.exec(f)) && m.index < to) {
    const d = parseCount(m[1] as string);
    if (d === null || d < 1 || d > 10) continue;
    add(out, taken, from, to, { start: m.index, end: m.index + m[0].length, kind: m[2] ? "lunar" : "day", d });
  }

  const ram = f.includes("ram");
  RE_RAM.lastIndex = from;
  while (ram && (m = RE_RAM.exec(f)) && m.index < to) {
    const mention: DateMention = { start: m.index, end: m.index + m[0].length, kind: "lunar", d: 15 };
    if (m[1]) {
      const mo = monthValue(m[1]);
      if (mo !== null && mo >= 1 && mo <= 12) mention.m = mo;
    }
    add(out, taken, from, to, mention);
  }

  const ngay = f.includes("ngay") || f.includes("hom");
  RE_NGAY.lastIndex = from;
  while (ngay && (m = RE_NGAY.exec(f)) && m.index < to) {
    const d = parseCount(m[1] as string) ?? 0;
    if (d < 1 || d > 31) continue;
    const after = f.slice(m.index + m[0].length, m.index + m[0].length + 12);
    if (/^\s*(?:ngay|dem|lan|thang|nam)\b/.test(after)) continue;
    add(out, taken, from, to, { start: m.index, end: m.index + m[0].length, kind: "day", d });
  }

  const rel = RE_REL_WORDS.test(f);
  RE_REL.lastIndex = from;
  while (rel && (m = RE_REL.exec(f)) && m.index < to) {
    const offset = m[1] ? 0 : m[2] ? -1 : m[3] ? -2 : m[4] ? 1 : 2;
    add(out, taken, from, to, { start: m.index, end: m.index + m[0].length, kind: "rel", offset });
  }

  const weekday = f.includes("th") || f.includes("cn") || f.includes("chu nhat");
  RE_WEEKDAY.lastIndex = from;
  while (weekday && (m = RE_WEEKDAY.exec(f)) && m.index < to) {
    const day = m[2] ? 0 : /\d/.test(m[1] as string) ? Number(m[1]) - 1 : (WEEKDAY_WORD[m[1] as string] as number);
    const start = m.index;
    const end = start + m[0].length;
    // "thứ 7 ngày 8/11", "CN 16/11": the explicit date wins; the weekday only checks it.
    const next = out.find((o) => o.start >= end && o.start - end <= 7 && (o.kind === "dmy" || o.kind === "day" || o.kind === "lunar"));
    if (next) {
      next.weekday = day;
      continue;
    }
    add(out, taken, from, to, { start, end, kind: "weekday", weekday: day, wmod: WMOD[m[3] ?? ""] ?? "none" });
  }

  const tet = f.includes("tet");
  RE_TET.lastIndex = from;
  while (tet && (m = RE_TET.exec(f)) && m.index < to) {
    add(out, taken, from, to, { start: m.index, end: m.index + m[0].length, kind: "tet" });
  }

  out.sort((a, b) => a.start - b.start);
  return out;
}

const PAST_SLACK_DAYS = 45;
const FUTURE_SLACK_DAYS = 60;

/**
 * The day number a mention stands for, seen from `now` looking `dir` (a report looks
 * back: "28/12" sent on 3/1 is last December; a deadline looks ahead). `monthHint`
 * places a bare day ("mùng 5") in the report's month.
 */
export function resolveDate(m: DateMention, now: LocalNow, dir: Direction, monthHint?: { y: number; m: number }): number | null {
  const today = now.day;
  switch (m.kind) {
    case "dmy": {
      const d = m.d as number;
      const mo = m.m as number;
      if (m.y !== undefined) return isValidDate(m.y, mo, d) ? dayOf(m.y, mo, d) : null;
      return pickYear(now, mo, d, dir);
    }
    case "day": {
      const d = m.d as number;
      const base = monthHint ?? { y: now.y, m: now.m };
      const candidates: number[] = [];
      for (const delta of [0, -1, 1]) {
        const mm = base.m + delta;
        const y = base.y + (mm < 1 ? -1 : mm > 12 ? 1 : 0);
        const mo = ((mm + 11) % 12) + 1;
        if (isValidDate(y, mo, d)) candidates.push(dayOf(y, mo, d));
      }
      const fits = candidates.filter((c) =>
        (m.weekday === undefined || weekdayOf(c) === m.weekday) &&
        (dir === "past" ? c <= today + 1 : c >= today - 1));
      if (monthHint && fits.includes(candidates[0] as number) && m.weekday === undefined) return candidates[0] as number;
      if (fits.length > 0) return fits.reduce((a, b) => (Math.abs(a - today) <= Math.abs(b - today) ? a : b));
      return candidates[0] ?? null;
    }
    case "lunar": {
      const ln = solarToLunar(now.y, now.m, now.d);
      const d = m.d as number;
      if (m.m === undefined) {
        let month = ln.month;
        let year = ln.year;
        let day = lunarDay(d, month, year, ln.leap);
        if (day !== null && dir === "past" && day > today + 1) {
          month -= 1;
          if (month < 1) { month = 12; year -= 1; }
          day = lunarDay(d, month, year);
        } else if (day !== null && dir === "future" && day < today - 1) {
          month += 1;
          if (month > 12) { month = 1; year += 1; }
          day = lunarDay(d, month, year);
        }
        return day;
      }
      let day = lunarDay(d, m.m, ln.year);
      if (day === null) return null;
      if (dir === "past" && day > today + PAST_SLACK_DAYS) day = lunarDay(d, m.m, ln.year - 1);
      else if (dir === "future" && day < today - FUTURE_SLACK_DAYS) day = lunarDay(d, m.m, ln.year + 1);
      return day;
    }
    case "rel":
      return today + (m.offset as number);
    case "weekday": {
      const wd = m.weekday as number;
      const todayWd = weekdayOf(today);
      const monday = today - ((todayWd + 6) % 7);
      const idx = (wd + 6) % 7;
      switch (m.wmod) {
        case "prev-week": return monday - 7 + idx;
        case "this-week": return monday + idx;
        case "next-week": return monday + 7 + idx;
        case "last": {
          const back = (todayWd - wd + 7) % 7 || 7;
          return today - back;
        }
        default: {
          if (dir === "past") return today - ((todayWd - wd + 7) % 7);
          return today + ((wd - todayWd + 7) % 7);
        }
      }
    }
    case "tet": {
      if (dir === "future") return nextTetOnOrAfter(today);
      const ln = solarToLunar(now.y, now.m, now.d);
      return tetDay(ln.year);
    }
  }
}

function pickYear(now: LocalNow, mo: number, d: number, dir: Direction): number | null {
  let y = now.y;
  if (!isValidDate(y, mo, d)) {
    // 29/2 outside a leap year: the nearest leap year in the right direction.
    y = dir === "past" ? y - ((y % 4) || 4) : y + (4 - (y % 4));
    return isValidDate(y, mo, d) ? dayOf(y, mo, d) : null;
  }
  const day = dayOf(y, mo, d);
  if (dir === "past" && day > now.day + PAST_SLACK_DAYS) return dayOf(y - 1, mo, d);
  if (dir === "future" && day < now.day - FUTURE_SLACK_DAYS) return dayOf(y + 1, mo, d);
  return day;
}

// A place word, then one to three capitalised words of its name, right before the number.
const RE_PLACE_NAME_BEFORE =
  /\b(?:thon|xom|ban|ap|buon|lang|plei|soc|khom|khu|khu pho|to dan pho|tdp|doi)\s+(?:[a-z]+\s+){0,2}[a-z]+\s+$/;

const RE_PLACE_WORD_BEFORE = /\b(?:thon|xom|ban|ap|buon|lang|plei|soc|khom|khu|khu pho|to dan pho|tdp|to)\s+(?:so\s+)?$/;

/** "thôn Hạ Long 2 tháng 4": the number at `at` follows a capitalised word of a place's name. */
function closesPlaceName(p: Prepared, at: number): boolean {
  const before = p.f.slice(Math.max(0, at - 40), at);
  const word = /(\S+)\s+$/.exec(p.text.slice(Math.max(0, at - 20), at))?.[1] ?? "";
  if (!/^\p{Lu}/u.test(word)) return false;
  const named = RE_PLACE_NAME_BEFORE.exec(before);
  if (!named) return false;
  // Every word after the place word is capitalised: a name, not "thôn họp ngày".
  const start = at - named[0].length;
  const words = p.text.slice(start, at).trim().split(/\s+/).slice(1);
  return words.length > 0 && words.every((w) => /^\p{Lu}/u.test(w));
}

/** Last day of a month, for "trong tháng 11" deadlines. */
export function endOfMonthDay(y: number, m: number): number {
  return dayOf(m === 12 ? y + 1 : y, m === 12 ? 1 : m + 1, 1) - 1;
}

export { ymdOf };
