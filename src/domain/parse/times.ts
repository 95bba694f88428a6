/**
 * Clock times and durations: 19h30, 19:30, "7h tối" (19:00), "7 rưỡi" (with an
 * evening word nearby 19:30), "8 giờ kém 15", "8 giờ thiếu 15" (7:45, or 19:45 in the evening),
 * ranges "19h30-21h30"; durations "120p", "90 phút", "2 tiếng", "1 tiếng rưỡi".
 */
import { NUMBER_WORDS_SOURCE, parseCount, WORD_END, WORD_START } from "../text/number-words.js";
import { Alternation } from "./patterns.js";
import { clauseStart, type Prepared } from "./prepare.js";

export interface TimeMention {
  start: number;
  end: number;
  minutes: number;
  /** End of a range ("19h30-21h30"), in minutes after midnight. */
  endMinutes?: number;
}

const NUMW = NUMBER_WORDS_SOURCE;
/** An hour in words, 1 to 23 ("tám", "mười chín", "hai mươi mốt"): not "từ tám" read as one number. */
const HOUR_WORDS = "(?:hai\\s+muoi(?:\\s+(?:mot|hai|ba))?|muoi(?:\\s+(?:mot|hai|ba|bon|nam|lam|sau|bay|tam|chin))?|mot|hai|ba|bon|nam|sau|bay|tam|chin)";
const TIME = new Alternation(
  [
    // 19:30
    "(?<![\\d.,/:])(\\d{1,2}):(\\d{2})(?!\\d)",
    // 19h30, 19h, 19 giờ 30, 8 giờ kém 15, 7h rưỡi
    // (not "7g" over "18 / 21" on the next line: the minutes stay on the line, no fraction)
    `(?<![\\d.,/:])(\\d{1,2})\\s?(?:h|g|gio)(?![a-z])(?:[ \\t]?(\\d{1,2})(?!\\d|\\s?\\/)(?:\\s?(?:p|phut)${WORD_END})?|\\s?(?:kem|thieu)\\s?(\\d{1,2})(?:\\s?(?:p|phut)${WORD_END})?|\\s?(ruoi)${WORD_END})?`,
    // 7 rưỡi, bảy rưỡi (an hour in words: "từ bảy rưỡi" is no number "tư bảy")
    `(?<![\\d.,/:])${WORD_START}(\\d{1,2}|${HOUR_WORDS})\\s+ruoi${WORD_END}`,
    // 8 kém 15
    `(?<![\\d.,/:])(\\d{1,2})\\s+kem\\s+(\\d{1,2})${WORD_END}`,
    // lúc 7 tối, lúc bảy giờ
    // (not "lúc mười giờ mười lăm", "lúc tám giờ thiếu mười lăm": the hour in words with its minutes, below)
    `${WORD_START}luc\\s+(\\d{1,2}|${NUMW})(?:\\s+gio)?${WORD_END}(?!\\s?[/.\\-:]\\s?\\d|\\s?(?:ruoi|kem|thieu|h|g|gio|tieng|phut)${WORD_END}|\\s\\d|\\s+(?:${NUMW})${WORD_END}(?!\\s+(?:gio|tieng|ngay|thang|nam|dv|dang vien|dong chi|d\\/c)${WORD_END}))`,
    // 19.30 (a dot, as in printed notices): checked in findTimes against dates and amounts
    "(?<![\\d.,/:])(\\d{1,2})\\.(\\d{2})(?!\\d|[.,]\\d|\\s?(?:trieu|tr|nghin|ngan|k|d|dong|vnd|km|ha|m2|%)(?![a-z]))",
    // chín giờ kém mười lăm, chín giờ thiếu mười lăm, bảy giờ rưỡi, mười chín giờ ba mươi (phút)
    `${WORD_START}(${HOUR_WORDS})\\s+gio${WORD_END}(?:\\s+(?:kem|thieu)\\s+(\\d{1,2}|${NUMW})(?:\\s+phut)?${WORD_END}|\\s+(ruoi)${WORD_END}|\\s+(\\d{1,2}|${NUMW})(?:\\s+phut)?${WORD_END}(?!\\s+(?:gio|tieng|ngay|thang|nam|dv|dang vien|dong chi|d\\/c)${WORD_END}))?`,
  ],
  "g",
);
// The alternatives led by digits are always live, and so are the "rưỡi" and "lúc" ones: neither matches without its
// word, and one regex less of each kind spares V8 machine code (nine variants were 418 KB, the two left 131 KB). The
// hour in words only when `RE_HOUR_IN_WORDS` finds one.
const TIME_DIGITS = 0b111111;
const TIME_WORDS = 0b1000000;
const RE_HOUR_WORDS_ON = /^\s+(?:mot|hai|ba|bon|nam|sau|bay|tam|chin)(?:\s+(?:muoi|mot|hai|ba))?\s+gio\b/;
// "bảy giờ", "chín giờ kém mười lăm": an hour in words.
const RE_HOUR_IN_WORDS = /(?:mot|hai|ba|bon|nam|sau|bay|tam|chin|muoi)\s+gio\b/;
// "từ 7h tối đến 9 giờ kém 15": the period word may sit between the two.
const RANGE_JOIN = /^\s?(?:(?:toi|chieu|sang|trua)\s)?(?:->|-|den|toi|~)\s?/;
const PERIOD_AFTER = new RegExp(`^\\s?(?:h\\s?)?(?:gio\\s)?(toi|chieu|sang|trua|dem|khuya)${WORD_END}`);
const PERIOD_WORD = /\b(toi|chieu|sang|trua|dem|khuya)\b/g;
const DURATION_LEAD = /(?:trong|keo dai|mat|het|thoi gian|\btg|thoi luong|tong thoi gian|duoc)\s*:?\s*(?:khoang\s*)?$/;
const DOT_TIME_LEAD = /(?:\bluc|\btu|\bvao|bat dau|\bden|\btoi|\bhoi)\s*$/;
// ("từ 8h sáng tới 10h": "toi" right after the morning or noon is "tới", to.)
const NOT_EVENING_TOI = /(?:tuan|thang|ky|dot|nam|sap|lan|ngay|den|sang|trua)\s$/;
const NOT_MORNING_SANG = /(?:lui|doi|chuyen|qua|hoan|de|sang)\s$/;

/** Is the period word at i really a time of day? ("tới", "tôi", "lùi sang" are not). */
function isPeriodWord(p: Prepared, i: number, word: string): boolean {
  const orig = p.text.slice(i, i + word.length);
  const before = p.f.slice(Math.max(0, i - 8), i);
  if (word === "toi") {
    if (orig !== "toi" && orig !== "Toi" && orig !== "tối" && orig !== "Tối" && orig !== "TỐI" && orig !== "TOI") return false;
    if (orig.toLowerCase() === "toi" && NOT_EVENING_TOI.test(before)) return false;
    return true;
  }
  if (word === "sang") {
    if (orig === "Sáng" || orig === "Sang") return i === 0 || /[.\n:]\s*$/.test(p.text.slice(Math.max(0, i - 3), i));
    if (orig.toLowerCase() === "sang" && NOT_MORNING_SANG.test(before)) return false;
    return true;
  }
  return orig[0] === orig[0]?.toLowerCase() || i === 0;
}

function periodOfDay(p: Prepared, start: number, end: number): string | null {
  const after = PERIOD_AFTER.exec(p.f.slice(end, end + 12));
  if (after && isPeriodWord(p, end + after[0].length - (after[1] as string).length, after[1] as string)) return after[1] as string;
  // "Tối hôm qua chi bộ thôn … sinh hoạt lúc 7 rưỡi": the evening named at the head of the clause.
  const from = Math.max(clauseStart(p.f, start), start - 70);
  const window = p.f.slice(from, start);
  let found: string | null = null;
  PERIOD_WORD.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = PERIOD_WORD.exec(window))) {
    if (isPeriodWord(p, from + m.index, m[1] as string)) found = m[1] as string;
  }
  if (found !== null) return found;
  // "Tối qua chi bộ họp … ở nhà tui vì hội trường đang sửa mái, bắt đầu 7 giờ rưỡi": the evening said earlier in the sentence.
  const sentence = Math.max(p.f.lastIndexOf(".", start - 1), p.f.lastIndexOf("\n", start - 1), p.f.lastIndexOf("?", start - 1), start - 160) + 1;
  const earlier = p.f.slice(sentence, from);
  PERIOD_WORD.lastIndex = 0;
  while ((m = PERIOD_WORD.exec(earlier))) {
    if (isPeriodWord(p, sentence + m.index, m[1] as string)) found = m[1] as string;
  }
  return found;
}

function applyPeriod(hour: number, period: string | null): number {
  switch (period) {
    case "toi":
      return hour < 12 ? hour + 12 : hour;
    case "dem":
    case "khuya":
      return hour >= 6 && hour < 12 ? hour + 12 : hour;
    case "chieu":
      return hour < 12 ? hour + 12 : hour;
    case "trua":
      return hour < 5 ? hour + 12 : hour;
    case "sang":
      return hour;
    default:
      // Nobody meets at 3 a.m.: "lúc 2h" is 14:00.
      return hour >= 1 && hour <= 5 ? hour + 12 : hour;
  }
}

/** A match's groups numbered as in the whole alternation, with its index. */
function groupsOf(found: RegExpExecArray, group: readonly number[]): { index: number; 0: string; [k: number]: string | undefined } {
  const out: { index: number; 0: string; [k: number]: string | undefined } = { index: found.index, 0: found[0] };
  for (let k = 1; k < group.length; k++) out[k] = found[group[k] as number];
  return out;
}

/** Clock times in f[from, to), in text order. */
export function findTimes(p: Prepared, from = 0, to = p.f.length): TimeMention[] {
  const out: TimeMention[] = [];
  const { re, group } = TIME.get(
    TIME_DIGITS | (p.f.includes("gio") && RE_HOUR_IN_WORDS.test(p.f) ? TIME_WORDS : 0),
  );
  re.lastIndex = from;
  let found: RegExpExecArray | null;
  while ((found = re.exec(p.f)) && found.index < to) {
    const m = groupsOf(found, group);
    const start = m.index;
    const end = start + m[0].length;
    let hour: number | null;
    let minute = 0;
    if (m[1] !== undefined) {
      hour = Number(m[1]);
      minute = Number(m[2]);
    } else if (m[3] !== undefined) {
      hour = Number(m[3]);
      if (m[4] !== undefined) minute = Number(m[4]);
      else if (m[5] !== undefined) {
        if (Number(m[5]) > 30) continue;
        hour -= 1;
        minute = 60 - Number(m[5]);
      } else if (m[6] !== undefined) minute = 30;
    } else if (m[7] !== undefined) {
      hour = parseCount(m[7]);
      minute = 30;
    } else if (m[8] !== undefined) {
      hour = Number(m[8]) - 1;
      minute = 60 - Number(m[9]);
    } else if (m[10] !== undefined) {
      // "lúc mười chín giờ ba mươi": the hour's words go on to "giờ"; "lúc mười" is no time, the words after it are.
      if (!/^\s+gio\b/.test(p.f.slice(end - 4, end + 1)) && RE_HOUR_WORDS_ON.test(p.f.slice(end, end + 24))) {
        re.lastIndex = start + 4;
        continue;
      }
      hour = parseCount(m[10]);
    } else if (m[13] !== undefined) {
      hour = parseCount(m[13]);
      if (m[14] !== undefined && hour !== null) {
        const before = parseCount(m[14]);
        if (before === null || before > 30) continue;
        hour -= 1;
        minute = 60 - before;
      } else if (m[15] !== undefined) minute = 30;
      else if (m[16] !== undefined) minute = parseCount(m[16]) ?? -1;
    } else {
      hour = Number(m[11]);
      minute = Number(m[12]);
      // "5.11" is a date; "19.30", "lúc 7.30" are times.
      if (hour < 13 && !DOT_TIME_LEAD.test(p.f.slice(Math.max(0, start - 10), start))) continue;
    }
    if (hour === null || hour > 23 || minute > 59 || minute < 0) continue;
    const lead = p.f.slice(Math.max(0, start - 22), start);
    // "kéo dài 2h" is a duration; "Thời gian: 19h30" is the start.
    if (DURATION_LEAD.test(lead) && m[1] === undefined && hour <= 4) continue;
    if (hour < 12) hour = applyPeriod(hour, periodOfDay(p, start, end));
    out.push({ start, end, minutes: hour * 60 + minute });
  }
  // Join ranges: "19h30-21h30", "từ 19h30 đến 21h".
  const joined: TimeMention[] = [];
  for (let i = 0; i < out.length; i++) {
    const cur = out[i] as TimeMention;
    const next = out[i + 1];
    if (next && next.start - cur.end <= 11 && RANGE_JOIN.test(p.f.slice(cur.end, next.start)) && RANGE_JOIN.exec(p.f.slice(cur.end, next.start))![0].length === next.start - cur.end) {
      let endMinutes = next.minutes;
      if (endMinutes <= cur.minutes && endMinutes + 720 > cur.minutes) endMinutes += 720;
      // "từ bảy rưỡi đến chín giờ tối": the evening said once, after the end; no meeting lasts twelve hours.
      if (cur.minutes < 720 && endMinutes - cur.minutes > 720) cur.minutes += 720;
      joined.push({ start: cur.start, end: next.end, minutes: cur.minutes, endMinutes });
      i++;
      continue;
    }
    joined.push(cur);
  }
  return joined;
}

/** Durations; `words` lets "chín mươi phút" be read, which costs a slower scan. */
function durationParts(words: boolean): string[] {
  return [
    // 120p, 90 phút, chín mươi phút
    `(?<![\\d.,:h])(\\d{2,3}${words ? `|${NUMW}` : ""})\\s?(?:p|ph|phut|')(?![a-z])`,
    // 2 tiếng, 1,5 tiếng, 2 tiếng rưỡi, 2 tiếng 15 phút
    `(?<![\\d.,:])(\\d{1,2}(?:[.,]\\d)?|mot|hai|ba)\\s?(?:tieng|gio dong ho|h dong ho)(?:\\s?(ruoi)|\\s?(\\d{1,2})\\s?(?:p|ph|phut)${WORD_END})?`,
    // kéo dài 2h, thời gian 2h30
    // (not "Thời gian: 8h00 – 10h00", the start of a range, nor "Thời gian: 8h00 ngày 05/8": a clock time, on the hour)
    `(?:trong|keo dai|mat|het|thoi gian|${WORD_START}tg|thoi luong)\\s*:?\\s*(?:khoang\\s*)?(\\d{1,2})\\s?(?:h|g|gio)(?![a-z])(?!\\s?00${WORD_END})(?:\\s?(\\d{1,2}))?(?![\\d/]|\\s?(?:-|den|toi)\\s?\\d)`,
    // "Thời lượng (phút): 95": the unit in the label.
    `${WORD_START}(?:thoi luong|thoi gian)\\s*\\(\\s*(?:phut|p)\\s*\\)\\s*:?\\s*(\\d{2,3})(?![\\d/.,])`,
  ];
}
const DURATION = new Alternation(durationParts(true), "g");
const DURATION_NO_WORDS = new Alternation(durationParts(false), "g");
// Minutes in words need a number word right before "p"/"'"; hours need "tiếng" or "đồng hồ".
const RE_MINUTES_IN_WORDS = /(?:mot|hai|ba|bon|tu|nam|lam|sau|bay|tam|chin|muoi|ham|tram|linh|le|chuc)\s?[p']/;
const DURATION_MINUTES_OR_LEAD = 0b1101;
const DURATION_HOURS = 0b010;

const RE_CLOCK_HOUR_BEFORE = /(?:\d\s?(?:gio|h|g)|\b(?:mot|hai|ba|bon|nam|lam|sau|bay|tam|chin|muoi)\s+gio)\s?$/;
const RE_DURATION_HINT = /\dp|\d p\b|phut|tieng|'|keo dai|trong|mat|het|thoi gian|\btg\b|thoi luong|gio dong ho/;

/** A stated duration in minutes in f[from, to), or null. */
export function findDuration(p: Prepared, from = 0, to = p.f.length): { minutes: number; start: number; end: number } | null {
  if (!RE_DURATION_HINT.test(p.f)) return null;
  const f = p.f;
  const alternation = (f.includes("p") || f.includes("'")) && RE_MINUTES_IN_WORDS.test(f) ? DURATION : DURATION_NO_WORDS;
  const { re, group } = alternation.get(DURATION_MINUTES_OR_LEAD | (f.includes("tieng") || f.includes("dong ho") ? DURATION_HOURS : 0));
  re.lastIndex = from;
  let found: RegExpExecArray | null;
  while ((found = re.exec(f)) && found.index < to) {
    const m = groupsOf(found, group);
    let minutes: number | null = null;
    const lead = p.f.slice(Math.max(0, m.index - 6), m.index);
    if (m[1] !== undefined) {
      if (/kem\s?$/.test(lead)) continue;
      // "19 giờ 30 phút", "chín giờ mười lăm phút": the minutes of a clock time.
      if (RE_CLOCK_HOUR_BEFORE.test(p.f.slice(Math.max(0, m.index - 12), m.index))) continue;
      minutes = parseCount(m[1]);
    } else if (m[2] !== undefined) {
      const hours = parseCount(m[2]) ?? Number(m[2].replace(",", "."));
      minutes = Math.round(hours * 60) + (m[3] ? 30 : 0) + (m[4] ? Number(m[4]) : 0);
    } else if (m[5] !== undefined) {
      minutes = Number(m[5]) * 60 + (m[6] ? Number(m[6]) : 0);
    } else if (m[7] !== undefined) {
      minutes = Number(m[7]);
    }
    if (minutes !== null && minutes >= 10 && minutes <= 600) return { minutes, start: m.index, end: m.index + m[0].length };
  }
  return null;
}
