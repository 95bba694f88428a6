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
 * Regex source (no groups) of a run of number words, for use inside bigger patterns; each a whole word ("bảy", not "ba"
 * of it). "linh" and "lẻ" open a run only before another number word ("… nghìn lẻ năm chục"): "Lê Văn Nam" and "Linh"
 * are names. ("lăm" still opens one: "mười lăm" read as "mười" alone would leave "lăm" to count on its own.)
 */
export const NUMBER_WORDS_SOURCE =
  "(?:mot|hai|ba|bon|tu|nam|lam|sau|bay|tam|chin|muoi|ham|tram|chuc|(?:linh|le)(?=\\s(?:mot|hai|ba|bon|tu|nam|lam|sau|bay|tam|chin|muoi|chuc)\\b))\\b(?:\\s+(?:mot|hai|ba|bon|tu|nam|lam|sau|bay|tam|chin|muoi|ham|tram(?:\\s+ruoi)?|linh|le|chuc)\\b)*";

/** Regex source (no groups) of a count: digits or number words (whole words: "khám" holds no "hăm"). */
export const COUNT_SOURCE = `(?:\\d{1,5}|\\b${NUMBER_WORDS_SOURCE}\\b)`;

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
      // Spoken shortcut: "hai bảy" = 27, "ba mốt" = 31; "một năm" is no 15 (one, then the year or the man).
      if (shortcutUsed || afterHundreds || pending < 2) return null;
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

const DIGITS = /^\d+$/;

/** A count written with digits or number words; null when unreadable. */
export function parseCount(token: string): number | null {
  const t = token.trim();
  if (DIGITS.test(t)) return Number(t);
  return numberFromWords(t);
}
