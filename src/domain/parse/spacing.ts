/**
 * Spaces typed away put back: "năm2026:kết nạp 3đ/c(2 nữ,1 nam)" reads as
 * "năm 2026: kết nạp 3 đ/c (2 nữ, 1 nam)". Only unambiguous joins are split: a count
 * glued to a member noun, a period word glued to its number, punctuation glued to the
 * next word, and a few compounds typed as one word ("kếtnạp", "chínhthức", "Chibộ").
 */
import { foldSameLength } from "../text/fold-same-length.js";
import type { Prepared } from "./prepare.js";

const GLUED = new RegExp(
  [
    // "3đ/c", "02đv", "2nữ"
    "(?<=\\d)(?=(?:d\\/c|d\\.c|dc|dv|ddv|dong chi|dang vien|nguoi|qc|quan chung|nu|nam|dtts|sv|hs)\\b)",
    // "năm2026", "quý3"
    "(?<=\\b(?:nam|quy|thang))(?=\\d)",
    // "bc:năm", ":kết", "(2 nữ,1 nam)", ";chuyển", "),cả"
    "(?<=[;)])(?=[a-z\\d])",
    "(?<=:)(?=[a-z])",
    "(?<=[a-z]:)(?=\\d)",
    "(?<=,)(?=[a-z])",
    "(?<=[a-z)],)(?=\\d)",
    // "3 đ/c(2 nữ"
    "(?<=[a-z\\d])(?=\\()",
    // "1đv.Hiện": a full stop glued to the next sentence (never the dot of "đ.c").
    "(?<=[a-z]{2}\\.)(?=[a-z])",
    // "kếtnạp", "chínhthức", "Chibộ", "đảngviên", "dựbị"
    "(?<=\\bket)(?=nap\\b)",
    "(?<=\\bchinh)(?=thuc\\b)",
    "(?<=\\bchi)(?=bo\\b)",
    "(?<=\\bdang)(?=vien\\b)",
    "(?<=\\bdu)(?=bi\\b)",
  ].join("|"),
  "g",
);
const QUICK = /\d[a-z]|[a-z]\d|[:;,)][a-z\d]|[a-z\d]\(|[a-z]\.[a-z]|ketnap|chinhthuc|chibo|dangvien|dubi/;

/** `p` with the missing spaces put back (text and folded text stay aligned). */
export function respace(p: Prepared): Prepared {
  const f = p.f.toLowerCase();
  if (!QUICK.test(f)) return p;
  const cuts: number[] = [];
  GLUED.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = GLUED.exec(f))) {
    if (cuts[cuts.length - 1] !== m.index) cuts.push(m.index);
    GLUED.lastIndex = m.index + 1;
  }
  if (cuts.length === 0) return p;
  let text = "";
  let at = 0;
  for (const c of cuts) {
    text += p.text.slice(at, c) + " ";
    at = c;
  }
  text += p.text.slice(at);
  return { text, f: foldSameLength(text), now: p.now };
}
