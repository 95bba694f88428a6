import { foldSameLength } from "./fold-same-length.js";

/**
 * Telex-residue repair: people typing Vietnamese with an input method that did not
 * engage leave the Telex keys in the word ("sinh hoajt", "vawsng", "rooif", "mawt").
 * `repairTelex` turns such ASCII words back into Vietnamese syllables and leaves every
 * other word alone (abbreviations, names, English).
 *
 * @example repairTelex("co mawt 14, vawsng 1 rooif") // "co mặt 14, vắng 1 rồi"
 */
export function repairTelex(text: string): string {
  // Only a word with a hint of residue in it can change: visit those words, not every word.
  TELEX_HINTS.lastIndex = 0;
  let m = TELEX_HINTS.exec(text);
  if (!m) return text;
  let out = "";
  let last = 0;
  while (m) {
    let start = m.index;
    while (start > 0 && isAsciiLetter(text.charCodeAt(start - 1))) start--;
    let end = m.index + m[0].length;
    while (end < text.length && isAsciiLetter(text.charCodeAt(end))) end++;
    // "đuwowcj": đ typed right, the rest left in Telex keys.
    const d = text[start - 1];
    if ((d === "đ" || d === "Đ") && !isLetterCode(text.charCodeAt(start - 2))) {
      const repaired = repairWord((d === "Đ" ? "DD" : "dd") + text.slice(start, end));
      if (repaired[0] === d && repaired.length > 1 && repaired.slice(1) !== text.slice(start, end)) {
        out += text.slice(last, start - 1) + repaired;
        last = end;
      }
      TELEX_HINTS.lastIndex = end;
      m = TELEX_HINTS.exec(text);
      continue;
    }
    const word = text.slice(start, end);
    // A word glued to a letter with diacritics is not an ASCII word.
    const before = text.charCodeAt(start - 1);
    const after = text.charCodeAt(end);
    if (!(before > 127 && isLetterCode(before)) && !(after > 127 && isLetterCode(after))) {
      const repaired = repairWord(word);
      if (repaired !== word && !isNameKept(text, word, start, end)) {
        out += text.slice(last, start) + repaired;
        last = end;
      }
    }
    TELEX_HINTS.lastIndex = end;
    m = TELEX_HINTS.exec(text);
  }
  return last === 0 ? text : out + text.slice(last);
}

// A tone key, a "w" or "dd": residue no name is spelt with. A doubled vowel alone ("Moong", "Noong") may be a name.
const RE_KEYED = /w|^dd|[aeiouy][a-z]*[sfrxjz]/;

/**
 * "đ/c Moong Thị Hiền", "bản Cà Moong": a capitalised word inside a sentence whose only residue is a doubled vowel
 * is a name spelt so, unless a word beside it is Telex residue too ("dd/c Noong Thij Duyên" is Nông Thị Duyên).
 */
function isNameKept(text: string, word: string, start: number, end: number): boolean {
  const first = word.charCodeAt(0);
  if (first < 65 || first > 90 || word.slice(1) !== word.slice(1).toLowerCase() || isKeyedBeyondName(word.toLowerCase())) return false;
  const before = /(\S*)([^\S\n]*)$/.exec(text.slice(Math.max(0, start - 24), start));
  const prev = before ? (before[1] as string) : "";
  // The first word of the message, of a line or of a sentence is capitalised whatever it is.
  if (start === 0 || prev === "" || /[.!?:;]$/.test(prev)) return false;
  const next = /^[^\S\n]+(\S+)/.exec(text.slice(end, end + 24))?.[1] ?? "";
  return !isResidue(prev) && !isResidue(next);
}

/**
 * "Y Wang", "thôn Aur", "buôn Ea Sar", "Ksor": names of the highland peoples open with a W or close on an r, keys
 * that Telex would read as ư and a hỏi tone. In a capitalised word those two keys alone do not make it residue.
 */
function isKeyedBeyondName(lower: string): boolean {
  let core = lower;
  if (/^w[aeiouy]/.test(core)) core = core.slice(1);
  if (/[aeiouy]r$/.test(core)) core = core.slice(0, -1);
  // "Khuooir" is Khuổi: a doubled vowel beside the r makes it residue after all.
  return core === lower ? RE_KEYED.test(core) : RESIDUE.test(core);
}

function isResidue(token: string): boolean {
  const word = token.replace(/^[^A-Za-z]+|[^A-Za-z]+$/g, "");
  if (/^dd/i.test(word)) return true;
  return /^[A-Za-z]+$/.test(word) && repairWord(word) !== word;
}

function isAsciiLetter(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

// s f r x j z never end a valid syllable's vowel part, so they only follow a vowel in Telex residue.
const TELEX_HINTS = /[aeiouy][a-z]*[sfrxjz]|w|aa|ee|oo|dd/gi;
// Residue: a modifier key (w, doubled vowel, dd) or a tone key after the first vowel.
const RESIDUE = /w|aa|ee|oo|^dd|[aeiouy][a-z]*[sfrxjz]/;
const VOWEL = /[aeiouy]/;
const STOP_WORDS = new Set(["dux", "ok", "oke", "okay", "zalo", "facebook", "email", "excel", "pass", "bus"]);

function isLetterCode(code: number): boolean {
  const ch = String.fromCharCode(code);
  return ch.toLowerCase() !== ch.toUpperCase();
}

/** Repairs one ASCII word; returns it unchanged when it is not Telex residue. */
export function repairWord(word: string): string {
  const lower = word.toLowerCase();
  // Upper-case words are abbreviations (ĐUX, HTXS, BHYT), never Telex.
  if (word.length > 1 && word === word.toUpperCase()) return ddOnly(word, lower);
  if (STOP_WORDS.has(lower) || !RESIDUE.test(lower)) return word;
  if (!VOWEL.test(lower)) return ddOnly(word, lower);
  const converted = telexToVietnamese(lower);
  // `converted` is NFC, each letter one character ("mặt"): folded letter by letter, with no normalize() round.
  if (converted === null || !isFoldedSyllable(foldSameLength(converted))) return ddOnly(word, lower);
  const first = word[0] as string;
  return first !== first.toLowerCase() ? (converted[0] as string).toUpperCase() + converted.slice(1) : converted;
}

function ddOnly(word: string, lower: string): string {
  if (!lower.startsWith("dd")) return word;
  return (word[0] === "D" ? "Đ" : "đ") + word.slice(2);
}

const TONE_MARK: Record<string, string> = { s: "\u0301", f: "\u0300", r: "\u0309", x: "\u0303", j: "\u0323" };
const BASE_VOWELS = "aeiouy";
// The letters a syllable may end on: c, ch, m, n, ng, nh, p, t.
const CODA_LETTERS = "cghmnpt";
const MODIFIED: Record<string, string> = { aa: "â", aw: "ă", ee: "ê", oo: "ô", ow: "ơ", uw: "ư" };
const IS_MODIFIED = new Set(["â", "ă", "ê", "ô", "ơ", "ư"]);

/** Converts a lower-case Telex word to Vietnamese, or null when it cannot be a syllable. */
export function telexToVietnamese(lower: string): string | null {
  let rest = lower;
  let onset = "";
  if (rest.startsWith("dd")) {
    onset = "đ";
    rest = rest.slice(2);
  }
  let tone = "";
  const letters: string[] = [];
  let seenVowel = false;
  for (let i = 0; i < rest.length; i++) {
    const c = rest[i] as string;
    if (BASE_VOWELS.includes(c)) {
      seenVowel = true;
      letters.push(c);
      continue;
    }
    if (seenVowel && c in TONE_MARK) {
      tone = TONE_MARK[c] as string;
      continue;
    }
    if (seenVowel && c === "z") {
      tone = "";
      continue;
    }
    if (c === "w") {
      // Applies to the nearest preceding a/o/u; "uow" makes "ươ". Typed after the final consonants ("thucws",
      // "truocws"), it reaches back over them to the vowels.
      let applied = false;
      let inCoda = seenVowel;
      for (let j = letters.length - 1; j >= 0; j--) {
        const l = letters[j] as string;
        if (l === "a" || l === "o" || l === "u") {
          letters[j] = MODIFIED[l + "w"] as string;
          if (l === "o" && letters[j - 1] === "u") letters[j - 1] = "ư";
          applied = true;
          break;
        }
        const vowel = BASE_VOWELS.includes(l) || IS_MODIFIED.has(l);
        if (vowel) inCoda = false;
        else if (!inCoda || !CODA_LETTERS.includes(l)) break;
      }
      if (!applied) {
        letters.push("ư");
        seenVowel = true;
      }
      continue;
    }
    // A doubled vowel key may follow the coda in Telex ("toio"); only adjacency here.
    letters.push(c);
  }
  // Doubled vowels.
  const merged: string[] = [];
  for (const l of letters) {
    const prev = merged[merged.length - 1];
    if (prev !== undefined && prev === l && (l === "a" || l === "e" || l === "o")) {
      merged[merged.length - 1] = MODIFIED[l + l] as string;
      continue;
    }
    // "quyys": a key pressed twice; no syllable doubles its i or y.
    if (prev !== undefined && prev === l && (l === "i" || l === "y")) continue;
    merged.push(l);
  }
  const word = onset + merged.join("");
  if (!tone) return word;
  const at = tonePosition(word);
  if (at < 0) return null;
  return (word.slice(0, at + 1) + tone + word.slice(at + 1)).normalize("NFC");
}

const ALL_VOWELS = "aeiouyâăêôơư";

function tonePosition(word: string): number {
  let start = 0;
  // "qu" and "gi" onsets: the u / i belongs to the consonant when a vowel follows.
  const lower = word;
  let i = 0;
  while (i < lower.length && !ALL_VOWELS.includes(lower[i] as string)) i++;
  start = i;
  if (start > 0 && ((lower[start - 1] === "q" && lower[start] === "u") || (lower[start - 1] === "g" && lower[start] === "i"))) {
    if (start + 1 < lower.length && ALL_VOWELS.includes(lower[start + 1] as string)) start++;
  }
  let end = start;
  while (end < lower.length && ALL_VOWELS.includes(lower[end] as string)) end++;
  const n = end - start;
  if (n === 0) return -1;
  const hasCoda = end < lower.length;
  for (let k = end - 1; k >= start; k--) {
    if (IS_MODIFIED.has(lower[k] as string)) {
      // "ươ": the mark goes on ơ.
      return k;
    }
  }
  if (hasCoda || n === 1) return end - 1;
  if (n === 3) return start + 1;
  return start;
}

const SYLLABLE =
  /^(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|b|c|d|g|h|k|l|m|n|p|r|s|t|v|x)?(?:a|e|i|o|u|y|ai|ao|au|ay|eo|eu|ia|ie|iu|oa|oe|oi|oo|ua|ue|ui|uo|uu|uy|ya|ye|ieu|yeu|oai|oay|oeo|uay|uoi|uou|uya|uye|uyu|uao)(?:c|ch|m|n|ng|nh|p|t)?$/;

/** True when a folded (diacritic-free, lower-case) word has the shape of a Vietnamese syllable. */
export function isFoldedSyllable(folded: string): boolean {
  return SYLLABLE.test(folded);
}
