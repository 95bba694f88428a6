/**
 * Vietnamese number words on folded text (see `foldSameLength`): "hai muoi lam",
 * "ham lam" (hăm lăm), "ba muoi mot" (ba mươi mốt), "muoi tu", "mot tram linh nam",
 * "ba tram ruoi" (ba trăm rưởi, 350) and the spoken shortcut "hai bay" (27).
 */

const UNITS: Record<string, number> = {
  mot: 1, hai: 2, ba: 3, bon: 4, nam: 5, sau: 6, bay: 7, tam: 8, chin: 9,
};
// Forms that only mean a unit after a tens word: mốt, tư, lăm; "tư" after "linh"/"lẻ" too ("một trăm lẻ tư", 104).
const TAIL_UNITS: Record<string, number> = { mot: 1, tu: 4, lam: 5, nam: 5 };

/**
 * The end of a word, written for where a word's last letter has just been read: there `\b` and this match alike,
 * but V8 compiles `\b` after an alternation of words into a copy of what follows for every word, twice the machine
 * code of the whole (the number words sit in some 200 patterns).
 */
export const WORD_END = "(?![A-Za-z0-9_])";
/**
 * The start of a word, written for where a word's first letter is read next: there `\b` and this match alike. Before
 * an alternation of words `\b` costs V8 the same copies (the trait words' own pattern: 112 KB of machine code with
 * `\b` at both ends, 18 KB with these two).
 */
export const WORD_START = "(?<![A-Za-z0-9_])";

/**
 * Regex source (no groups) of a run of number words, for use inside bigger patterns; each a whole word ("bảy", not "ba"
 * of it). "linh" and "lẻ" open a run only before another number word ("… nghìn lẻ năm chục"): "Lê Văn Nam" and "Linh"
 * are names. ("lăm" still opens one: "mười lăm" read as "mười" alone would leave "lăm" to count on its own.)
 */
export const NUMBER_WORDS_SOURCE =
  "(?:mot|hai|ba|bon|tu|nam|lam|sau|bay|tam|chin|muoi|ham|tram|chuc|(?:linh|le)(?=\\s(?:mot|hai|ba|bon|tu|nam|lam|sau|bay|tam|chin|muoi|chuc)" +
  WORD_END +
  "))" +
  WORD_END +
  "(?:\\s+(?:mot|hai|ba|bon|tu|nam|lam|sau|bay|tam|chin|muoi|ham|tram(?:\\s+ruoi)?|linh|le|chuc)" +
  WORD_END +
  ")*";

/** Regex source (no groups) of a count: digits or number words (whole words: "khám" holds no "hăm"). */
export const COUNT_SOURCE = `(?:\\d{1,5}|${WORD_START}${NUMBER_WORDS_SOURCE}${WORD_END})`;

const SPACES = /\s+/;

/**
 * Value of a folded run of number words, or null when the words do not form a number.
 *
 * @example numberFromWords("hai muoi lam") // 25
 */
export function numberFromWords(words: string): number | null {
  const list = words.trim().split(SPACES);
  let total = 0;
  let pending: number | null = null;
  let afterTens = false;
  let afterHundreds = false;
  let shortcutUsed = false;
  for (let i = 0; i < list.length; i++) {
    const w = list[i] as string;
    if (w === "muoi" || w === "chuc") {
      if (afterTens) return null;
      total += pending === null ? 10 : pending * 10;
      pending = null;
      afterTens = true;
      continue;
    }
    if (w === "ham") {
      if (afterTens || pending !== null) return null;
      total += 20;
      afterTens = true;
      continue;
    }
    if (w === "tram") {
      if (afterHundreds || afterTens) return null;
      total += (pending ?? 1) * 100;
      pending = null;
      afterHundreds = true;
      continue;
    }
    // "ba trăm rưởi" = 350: half a hundred after the hundreds, said last.
    if (w === "ruoi") {
      if (!afterHundreds || afterTens || pending !== null || i !== list.length - 1 || list[i - 1] !== "tram") return null;
      total += 50;
      continue;
    }
    if (w === "linh" || w === "le") {
      if (!afterHundreds) return null;
      if (list[i + 1] === "tu" && i + 2 === list.length) return total + 4;
      continue;
    }
    if (afterTens) {
      const unit = TAIL_UNITS[w] ?? UNITS[w];
      if (unit === undefined || pending !== null) return null;
      pending = unit;
      continue;
    }
    const unit = UNITS[w];
    if (unit === undefined) {
      // "tư" alone is four only as a count word; "lăm" alone is not a number.
      if (w === "tu" && list.length === 1) return 4;
      // (Tens are never said "một …": "một lăm" is no 15.)
      if (pending !== null && pending >= 2 && TAIL_UNITS[w] !== undefined && !shortcutUsed) {
        total += pending * 10 + (TAIL_UNITS[w] as number);
        pending = null;
        shortcutUsed = true;
        afterTens = true;
        continue;
      }
      return null;
    }
    if (pending !== null) {
      // Spoken shortcut: "hai bảy" = 27, "ba mốt" = 31, after the hundreds too ("hai trăm năm hai" = 252); "một năm" is
      // no 15 (one, then the year or the man).
      if (shortcutUsed || pending < 2) return null;
      total += pending * 10;
      shortcutUsed = true;
      afterTens = true;
      pending = w === "mot" ? 1 : unit;
      continue;
    }
    pending = unit;
  }
  return total + (pending ?? 0);
}

/** A count written with digits or number words; null when unreadable. */
export function parseCount(token: string): number | null {
  const t = token.trim();
  if (allDigits(t)) return Number(t);
  return numberFromWords(t);
}

/** `t` is one run of ASCII digits and nothing else (read by codes: counts are parsed several times a message). */
function allDigits(t: string): boolean {
  if (t.length === 0) return false;
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

const DIGIT_WORDS: Record<string, number> = { khong: 0, linh: 0, mot: 1, hai: 2, ba: 3, bon: 4, tu: 4, nam: 5, lam: 5, sau: 6, bay: 7, tam: 8, chin: 9 };
// "hai nghìn không trăm hai mươi sáu", "hai nghìn hai mươi lăm", "hai không hai sáu": a year 2000–2099 said aloud.
const RE_YEAR_WORDS = /^hai (?:nghin|ngan) (?:khong tram )?(?:(?:linh|le) )?((?:[a-z]+ ?){1,3})|^hai khong ([a-z]+) ([a-z]+)\b/;

/**
 * A year said in words at the start of folded `s` (2000–2099): its value and the characters it took; null when none.
 *
 * @example yearFromWords("hai nghin khong tram hai muoi sau dang vien") // { year: 2026, length: 33 }
 */
export function yearFromWords(s: string): { year: number; length: number } | null {
  const m = RE_YEAR_WORDS.exec(s);
  if (!m) return null;
  if (m[1] !== undefined) {
    // The longest run of the words after the thousands that is a number below 100.
    const words = m[1].trim().split(" ");
    for (let k = words.length; k > 0; k--) {
      const n = numberFromWords(words.slice(0, k).join(" "));
      if (n !== null && n < 100) return { year: 2000 + n, length: m[0].length - m[1].length + words.slice(0, k).join(" ").length };
    }
    return null;
  }
  const a = DIGIT_WORDS[m[2] as string];
  const b = DIGIT_WORDS[m[3] as string];
  return a !== undefined && b !== undefined ? { year: 2000 + a * 10 + b, length: m[0].length } : null;
}
