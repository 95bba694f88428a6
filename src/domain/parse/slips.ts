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
const RE_SLIP = /(?:^|[\s.,;!(])((?:(?:a|ah|o|oi|ui|xin loi|sorry)[\s,]+)?(?:(?:em|e|minh|toi)\s+)?(?:(?:go\s+|ghi\s+|bao\s+|viet\s+|danh\s+)?nham|(?:xin\s+)?sua lai|(quen))(?:\s+(?:a|roi|chut|ti|la))?)\s*[,:.-]?\s*/g;
// "<label> 17 chứ không phải 18", "264.000đ chứ k phải 252 nhé".
const RE_INSTEAD = new RegExp(
  `^((?:[a-z]+\\s+){0,3}?)(${NUMBER})\\s*(d|dong|k|nghin|ngan|tr|trieu|%)?\\s*(?:,\\s*)?(?:chu\\s+)?(?:khong|ko|k|hok|kg)\\s+phai\\s+(?:la\\s+)?(${NUMBER})(?:\\s*(?:d|dong|k|nghin|ngan|tr|trieu|%)\\b)?(?:\\s+(?:nhe|nha|a|ak|ah|nhen|dau))*`,
);
// "2 đ/c thôi", "78 hộ mới đúng": a count restated with its noun.
const RE_RESTATED = /^(\d+)\s*(d\/c|dc|dong chi|dv|dang vien|nguoi|ho|khau|nhan khau|quan chung)\b/;
// "HTXS 2, HTT 14", "chuyển chính thức 1 đ/c": labels restated with their numbers.
const RE_LABELLED = /([a-z]+(?:\s[a-z]+){0,3})\s*:?\s*(\d+)(?![\d/.,]\d)/g;
// What may follow a restated value: "thôi", "mới đúng", "nhé".
const RE_AFTER_VALUE = /^(?:\s*(?:d\/c|dc|dong chi|dv|dang vien|nguoi|ho|khau))?(?:\s+(?:thoi|moi dung|moi la dung|moi chuan|moi chinh xac|nhe|nha|a|ak))*/;

/** `text` (folded: `folded`) with the slips it corrects itself mended; the same string when there are none. */
export function mendSlips(text: string, folded: string): string {
  let f = folded;
  if (!f.includes("nham") && !f.includes("sua lai") && !(f.includes("quen") && f.includes("phai"))) return text;
  let out = text;
  RE_SLIP.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = RE_SLIP.exec(f))) {
    const markStart = m.index + m[0].indexOf(m[1] as string);
    const after = m.index + m[0].length;
    // "À quên, …" only corrects with "chứ không phải"; otherwise it adds something forgotten.
    const mended = m[2] !== undefined ? mendKind(out, f, markStart, after) : mendOne(out, f, markStart, after);
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
    const nowAt = after + (instead[1] as string).length;
    return text.slice(0, at) + text.slice(nowAt, nowAt + now.length) + text.slice(oldEnd, markStart) + text.slice(dropEnd);
  }
  const before = f.slice(0, markStart);
  const segmentEnd = sentenceEnd(rest);
  const segment = rest.slice(0, segmentEnd);
  // Earlier numbers replaced: [start, end, new value].
  const fixes: [number, number, string][] = [];
  let consumed = 0;
  // "kết nạp 3 đ/c, à nhầm, 2 đ/c thôi": the count restated first, its noun earlier.
  const restated = RE_RESTATED.exec(segment);
  if (restated) {
    const noun = (restated[2] as string).replace("/", "\\/");
    const re = new RegExp(`(?<![\\d.,/])(\\d+)\\s*${noun}\\b`, "g");
    let old: RegExpExecArray | null;
    let last: RegExpExecArray | null = null;
    while ((old = re.exec(before))) if (old[1] !== restated[1]) last = old;
    if (last) {
      fixes.push([last.index, last.index + (last[1] as string).length, restated[1] as string]);
      consumed = restated[0].length;
    }
  }
  if (fixes.length === 0) {
    // "HTXS 3, HTT 13… e nhầm, HTXS 2, HTT 14, HT 2": each label said before takes its new number.
    RE_LABELLED.lastIndex = 0;
    let pair: RegExpExecArray | null;
    while ((pair = RE_LABELLED.exec(segment))) {
      const words = (pair[1] as string).split(" ");
      let fixed = false;
      // The longest label ending right before the number that was said earlier with another number.
      for (let k = Math.min(words.length, 4); k >= 1 && !fixed; k--) {
        const label = words.slice(words.length - k).join("\\s+");
        const re = new RegExp(`(?<![a-z])${label}\\s*:?\\s*(\\d+)(?![\\d/.,]\\d)`, "g");
        let old: RegExpExecArray | null;
        let last: RegExpExecArray | null = null;
        while ((old = re.exec(before))) last = old;
        if (!last) continue;
        fixed = true;
        if (last[1] === pair[2]) continue;
        const at = last.index + last[0].length - (last[1] as string).length;
        if (fixes.some(([s]) => s === at)) continue;
        fixes.push([at, at + (last[1] as string).length, pair[2] as string]);
        consumed = pair.index + pair[0].length;
      }
      if (!fixed && fixes.length === 0) break;
    }
  }
  if (fixes.length === 0) return null;
  const tail = RE_AFTER_VALUE.exec(segment.slice(consumed)) as RegExpExecArray;
  const keepFrom = after + consumed + tail[0].length;
  let out = "";
  let last = 0;
  for (const [s, e, v] of fixes.sort((x, y) => x[0] - y[0])) {
    out += text.slice(last, s) + v;
    last = e;
  }
  return out + text.slice(last, markStart) + text.slice(keepFrom);
}

// "có 1 đ/c vắng không lý do chứ không phải có lý do": the kind of absence corrected.
const RE_KIND_INSTEAD = /^(?:co\s+)?(\d+)\s*(?:d\/c|dc|dong chi|dv|dang vien)?\s*vang\s+(khong ly do|ko ly do|k ly do|kld|co ly do|cld)\s+(?:chu\s+)?(?:khong|ko|k|kg)\s+phai\s+(?:la\s+)?(khong ly do|ko ly do|k ly do|kld|co ly do|cld)\b[^,.;\n]*/;

function mendKind(text: string, f: string, markStart: number, after: number): string | null {
  const instead = mendOne(text, f, markStart, after);
  if (instead !== null) return instead;
  const k = RE_KIND_INSTEAD.exec(f.slice(after));
  if (!k) return null;
  const n = Number(k[1]);
  const wasKind = k[3] as string;
  const re = new RegExp(`\\bvang\\s*:?\\s*(\\d+)\\s*(?:d\\/c|dc|dong chi|dv)?\\s*${wasKind}\\b`, "g");
  let old: RegExpExecArray | null;
  let last: RegExpExecArray | null = null;
  while ((old = re.exec(f.slice(0, markStart)))) last = old;
  if (!last) return null;
  const total = Number(last[1]);
  if (n > total) return null;
  const rewritten = `vắng ${total}: ${total - n} ${textOf(wasKind)}, ${n} ${textOf(k[2] as string)}`;
  return text.slice(0, last.index) + rewritten + text.slice(last.index + last[0].length, markStart) + text.slice(after + k[0].length);
}

function textOf(kind: string): string {
  return kind === "co ly do" || kind === "cld" ? "có lý do" : "không lý do";
}

/** Where the sentence that starts `s` ends: a full stop (not between digits), a newline, "!" or "?". */
function sentenceEnd(s: string): number {
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === "\n" || c === "!" || c === "?") return i;
    if (c === "." && !/\d/.test(s[i + 1] ?? "") && s[i + 1] !== ".") return i;
  }
  return s.length;
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
