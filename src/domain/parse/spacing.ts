/**
 * Spaces typed away put back: "năm2026:kết nạp 3đ/c(2 nữ,1 nam)" reads as
 * "năm 2026: kết nạp 3 đ/c (2 nữ, 1 nam)". Only unambiguous joins are split: a count
 * glued to a member noun, a period word glued to its number, punctuation glued to the
 * next word, and a few compounds typed as one word ("kếtnạp", "chínhthức", "Chibộ").
 */
import { foldSameLength } from "../text/fold-same-length.js";
import type { Prepared } from "./prepare.js";

// "3đ/c", "02đv", "2nữ": a member noun right after a count.
const NOUN_AFTER_COUNT = /(?:d\/c|d\.c|dc|dv|ddv|dong chi|dang vien|nguoi|qc|quan chung|nu|nam|dtts|sv|hs)\b/y;
// "năm2026", "quý3": a period word right before its number.
const PERIOD_BEFORE_NUMBER = /\b(?:nam|quy|thang)$/;
// "kếtnạp", "chínhthức", "Chibộ", "đảngviên", "dựbị".
const COMPOUNDS: [string, number][] = [["ketnap", 3], ["chinhthuc", 5], ["chibo", 3], ["dangvien", 4], ["dubi", 2]];

// Any join at all: most messages have none.
const QUICK = /\d[a-z]|[a-z][\d(]|\d\(|[;:,).][a-z\d]|ketnap|chinhthuc|chibo|dangvien|dubi/;

const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const isLetter = (c: number): boolean => c >= 97 && c <= 122;

/** `p` with the missing spaces put back (text and folded text stay aligned). */
export function respace(p: Prepared): Prepared {
  const f = p.f;
  if (!QUICK.test(f)) return p;
  const cuts: number[] = [];
  for (let i = 1; i < f.length; i++) {
    const a = f.charCodeAt(i - 1);
    const b = f.charCodeAt(i);
    let cut = false;
    if (isDigit(a) && isLetter(b)) {
      NOUN_AFTER_COUNT.lastIndex = i;
      cut = NOUN_AFTER_COUNT.test(f);
    } else if (isLetter(a) && isDigit(b)) cut = PERIOD_BEFORE_NUMBER.test(f.slice(Math.max(0, i - 6), i));
    else if (a === 59 || a === 41) cut = isLetter(b) || isDigit(b); // ";chuyển", "),cả"
    else if (a === 58) cut = isLetter(b) || (isDigit(b) && isLetter(f.charCodeAt(i - 2))); // ":kết", "bc:2" (never "19:30")
    else if (a === 44) cut = isLetter(b) || (isDigit(b) && (isLetter(f.charCodeAt(i - 2)) || f.charCodeAt(i - 2) === 41)); // ",1 nam" (never "1,5")
    else if (b === 40) cut = isLetter(a) || isDigit(a); // "đ/c(2 nữ"
    else if (a === 46) cut = isLetter(b) && isLetter(f.charCodeAt(i - 2)) && isLetter(f.charCodeAt(i - 3)); // "1đv.Hiện", never "đ.c"
    if (cut) cuts.push(i);
  }
  for (const [word, at] of COMPOUNDS) {
    for (let i = f.indexOf(word); i !== -1; i = f.indexOf(word, i + 1)) {
      if ((i === 0 || !isLetter(f.charCodeAt(i - 1))) && !isLetter(f.charCodeAt(i + word.length))) cuts.push(i + at);
    }
  }
  if (cuts.length === 0) return p;
  cuts.sort((x, y) => x - y);
  let text = "";
  let at = 0;
  for (const c of cuts) {
    if (c === at && at > 0) continue;
    text += p.text.slice(at, c) + " ";
    at = c;
  }
  text += p.text.slice(at);
  return { text, f: foldSameLength(text), now: p.now };
}
