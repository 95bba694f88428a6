/**
 * A slip corrected in the same message: "có mặt 18/20. À nhầm, có mặt 17 chứ không phải 18",
 * "252.000đ. à nhầm, 264.000đ chứ không phải 252 nhé", "kết nạp 3 đ/c, à nhầm, 2 đ/c thôi".
 * The message is read as it was meant: the earlier value gives way to the corrected one and the
 * correcting words go. A correction with nothing earlier to correct in the same message ("sửa
 * lại: có mặt 17 chứ không phải 18") is left as it is: it corrects a report already sent.
 */
import { foldSameLength } from "../text/fold-same-length.js";

const NUMBER = "\\d{1,3}(?:[.,]\\d{3})+|\\d+(?:[.,]\\d+)?";
// "à nhầm", "em gõ nhầm", "xin lỗi nhầm", "nhầm": then the corrected words.
const RE_SLIP = /(?:^|[\s.,;!(])((?:(?:a|ah|o|oi|ui|xin loi|sorry)[\s,]+)?(?:(?:em|e|minh|toi)\s+)?(?:go\s+|ghi\s+|bao\s+|viet\s+|danh\s+)?nham(?:\s+(?:a|roi|chut|ti))?)\s*[,:.-]?\s*/g;
// "<label> 17 chứ không phải 18", "264.000đ chứ k phải 252 nhé".
const RE_INSTEAD = new RegExp(
  `^((?:[a-z]+\\s+){0,3}?)(${NUMBER})\\s*(d|dong|k|nghin|ngan|tr|trieu|%)?\\s*(?:,\\s*)?(?:chu\\s+)?(?:khong|ko|k|hok|kg)\\s+phai\\s+(?:la\\s+)?(${NUMBER})(?:\\s*(?:d|dong|k|nghin|ngan|tr|trieu|%)\\b)?(?:\\s+(?:nhe|nha|a|ak|ah|nhen|dau))*`,
);
// "2 đ/c thôi": a count restated with its noun.
const RE_RESTATED = /^(\d+)\s*(d\/c|dc|dong chi|dv|dang vien|nguoi|ho|khau|nhan khau|quan chung)\b/;
const RE_CLAUSE_END = /^[^,.;\n]*/;

/** `text` (folded: `folded`) with the slips it corrects itself mended; the same string when there are none. */
export function mendSlips(text: string, folded: string): string {
  let f = folded;
  if (!f.includes("nham")) return text;
  let out = text;
  RE_SLIP.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = RE_SLIP.exec(f))) {
    const markStart = m.index + m[0].indexOf(m[1] as string);
    const after = m.index + m[0].length;
    const mended = mendOne(out, f, markStart, after);
    if (mended === null) continue;
    out = mended;
    f = foldSameLength(out);
    RE_SLIP.lastIndex = 0;
  }
  return out;
}

function mendOne(text: string, f: string, markStart: number, after: number): string | null {
  const rest = f.slice(after);
  const instead = RE_INSTEAD.exec(rest);
  if (instead) {
    const label = (instead[1] as string).trim();
    const now = instead[2] as string;
    const was = instead[4] as string;
    const at = lastValue(f.slice(0, markStart), label, was);
    if (at < 0) return null;
    // The old number as written ("252" of "252.000đ" when the new one is "264.000").
    const oldToken = (new RegExp(`^(?:${NUMBER})`).exec(f.slice(at)) as RegExpExecArray)[0];
    const oldEnd = at + (oldToken.length > was.length && now.length > was.length ? oldToken.length : was.length);
    const dropEnd = after + instead[0].length;
    return text.slice(0, at) + text.slice(after + instead.index + (instead[1] as string).length, after + instead.index + (instead[1] as string).length + now.length) +
      text.slice(oldEnd, markStart) + text.slice(dropEnd);
  }
  // "kết nạp 3 đ/c, à nhầm, 2 đ/c thôi": the count just before, with the same noun, is the slip.
  const restated = RE_RESTATED.exec(rest);
  if (!restated) return null;
  const noun = restated[2] as string;
  const before = f.slice(0, markStart);
  const sentence = Math.max(before.lastIndexOf("."), before.lastIndexOf("\n"), before.lastIndexOf(";")) + 1;
  const re = new RegExp(`(\\d+)\\s*${noun.replace("/", "\\/")}\\b[\\s,]*$`);
  const old = re.exec(before.slice(sentence));
  if (!old) return null;
  const oldStart = sentence + old.index;
  // Drop the slip and the words owning it: "3 đ/c, à nhầm, " before "2 đ/c".
  const tail = RE_CLAUSE_END.exec(rest.slice(restated[0].length)) as RegExpExecArray;
  const keepEnd = after + restated[0].length + (/^\s*thoi\b/.test(tail[0]) ? (/^\s*thoi\b/.exec(tail[0]) as RegExpExecArray)[0].length : 0);
  return text.slice(0, oldStart) + text.slice(after, after + restated[0].length) + text.slice(keepEnd);
}

/** Where `was` stands as the value of `label` (or, without a label, as a number) last before the slip; -1 when nowhere. */
function lastValue(before: string, label: string, was: string): number {
  const head = label ? `${label.replace(/\s+/g, "\\s+")}\\s*:?\\s*` : "(?<![\\d.,])";
  const re = new RegExp(`${head}(${was.replace(/[.]/g, "\\.")})(?!\\d)`, "g");
  let at = -1;
  let m: RegExpExecArray | null;
  while ((m = re.exec(before))) at = m.index + m[0].length - (m[1] as string).length;
  return at;
}
