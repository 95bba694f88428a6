/**
 * A slip corrected in the same message: "có mặt 18/20. À nhầm, có mặt 17 chứ không phải 18",
 * "252.000đ. à nhầm, 264.000đ chứ không phải 252 nhé", "kết nạp 3 đ/c, à nhầm, 2 đ/c thôi".
 * The message is read as it was meant: the earlier value gives way to the corrected one and the
 * correcting words go. A correction with nothing earlier to correct in the same message ("sửa
 * lại: có mặt 17 chứ không phải 18") is left as it is: it corrects a report already sent.
 */
import { foldSameLength } from "../text/fold-same-length.js";
import { NUMBER_WORDS_SOURCE, numberFromWords, WORD_END, WORD_START } from "../text/number-words.js";
import { spliceEdits, type Edit } from "./edits.js";
import { COMRADE } from "./patterns.js";

const NUMBER = "\\d{1,3}(?:[.,]\\d{3})+|\\d+(?:[.,]\\d+)?";
// "à nhầm", "em gõ nhầm", "xin lỗi nhầm", "nhầm", "à xin lỗi anh,": then the corrected words.
// (Every mark opens with one of the letters in the lookahead: a word after a space that cannot open one is passed
// over at once.)
// ("à lộn", the South's "à nhầm", only after its "à": "lớn" folds to the same letters.)
// ("HTT 21 ấy nhầm 22": "ấy" as "à".)
const RE_SLIP = new RegExp(`(?:^|[\\s.,;!(])(?=[abdegklmnoqstuvx])((?:(?:a|ah|ay|o|oi|ui|ua|xin loi|sorry)[\\s,]+)?(?:(?:em|e|minh|toi)\\s+)?(?:(?:go\\s+|ghi\\s+|bao\\s+|viet\\s+|danh\\s+)?nham|(?<=${WORD_START}(?:a|ah|o|oi|ua)[\\s,]+)lon(?=\\s)|(?:go|ghi|bao|viet|danh)\\s+sai|(?:xin\\s+)?sua lai|sua(?=\\s*:)|(?:xin\\s+)?sua(?=\\s+(?:[a-z]+\\s+){0,3}la\\s+\\d)|(?<=${WORD_START}(?:a|ua)\\s)(?:khong|ko)(?=\\s*,?\\s*(?:(?:em\\s+)?noi lai${WORD_END}|(?:la\\s+)?(?:ngay\\s+)?\\d))(?:\\s*,?\\s*(?:em\\s+)?noi lai)?|(?:em\\s+)?noi lai(?=\\s+(?:la\\s+)?\\d)|dinh chinh(?=\\s*:)|(quen)|(?<=(?:a|ah|o|oi|ui)[\\s,]+)xin loi(?:\\s+(?:anh|chi|a|c|nhe|nha))*(?=\\s*,|\\s+(?:chi\\s+|la\\s+)?\\d))(?:\\s+(?:a|roi|chut|ti|la))?)\\s*[,:.-]?\\s*`, "g");
// "<label> 17 chứ không phải 18", "264.000đ chứ k phải 252 nhé", "10 hộ nghèo chứ không phải 12" (the label after).
const RE_INSTEAD = new RegExp(
  `^((?:[a-z]+\\s+){0,4}?)(${NUMBER})\\s*(d|dong|k|nghin|ngan|tr|trieu|%)?(?:\\s*(?:d\\/c|dc|dong chi|dv|dang vien|nguoi)${WORD_END}|\\s+((?:ho|khau|nhan khau)(?:\\s+[a-z]+){0,2}?))?\\s*(?:,\\s*)?(?:chu\\s+)?(?:khong|ko|k|hok|kg)\\s+phai\\s+(?:la\\s+)?(?:[a-z]+\\s+){0,2}?(${NUMBER})(?:\\s*(?:d|dong|k|nghin|ngan|tr|trieu|%)\\b)?(?:\\s+(?:nhe|nha|a|ak|ah|nhen|dau))*`,
);
// A value: a fraction "23/24", an amount "276k", a count with its noun "2 đ/c", "1 nữ", "1.980 khẩu".
// ("0,5tr", "1,2 triệu": millions with a decimal part.)
const RE_VALUE =
  new RegExp(`(?<![\\d.,/])(\\d+)\\s*\\/\\s*(\\d+)(?![\\d/])|(?<![\\d.,/])(\\d{1,3}(?:[.,]\\d{3})+|\\d{1,2}[.,]\\d{1,2}(?=\\s*tr)|\\d+)\\s*(k|d|dong(?!\\s+chi${WORD_END})|vnd|nghin|ngan|tr|trieu)(?![a-z/])|(?<![\\d.,/])(\\d{1,3}(?:[.,]\\d{3})+|\\d+)\\s*(d\\/c|dc|dong chi|dv|dang vien|nguoi|ho|khau|nhan khau|quan chung|nu)${WORD_END}`, "g");

// `RE_VALUE` for a scan of the text before a slip inside the scan of the text after it, and for one test.
const RE_VALUE_BEFORE = new RegExp(RE_VALUE.source, "g");
const RE_VALUE_ANY = new RegExp(RE_VALUE.source);
const RE_NUMBER_START = new RegExp(`^(?:${NUMBER})`);
const RE_VALUE_AT = new RegExp(RE_VALUE.source, "y");

/** Whether every value in `s` is of the kind of the value at `at` in `f`, or else at `nowAt` (false when none stands there). */
function onlyOfKind(s: string, f: string, at: number, nowAt: number): boolean {
  RE_VALUE_AT.lastIndex = at;
  let old = RE_VALUE_AT.exec(f);
  if (!old) {
    RE_VALUE_AT.lastIndex = nowAt;
    old = RE_VALUE_AT.exec(f);
  }
  if (!old) return false;
  const kind = valueKind(old);
  RE_VALUE_BEFORE.lastIndex = 0;
  let v: RegExpExecArray | null;
  while ((v = RE_VALUE_BEFORE.exec(s))) if (valueKind(v) !== kind) return false;
  return true;
}

/** What a value counts: the whole of a fraction, the unit of an amount, the noun of a count. */
function valueKind(v: RegExpExecArray): string {
  if (v[1] !== undefined) return `/${v[2]}`;
  if (v[3] !== undefined) return `${/^(?:d|dong|vnd)$/.test(v[4] as string) ? "d" : /^(?:k|nghin|ngan)$/.test(v[4] as string) ? "k" : "tr"}`;
  return `#${(v[6] as string).replace(/^(?:d\/c|dc|dong chi|dv|dang vien)$/, "dv")}`;
}
// "HTXS 2, HTT 14", "chuyển chính thức 1 đ/c": labels restated with their numbers.
// "thu 28/29" is a fraction, not "thu 2": a number is whole, never cut before its last digit.
const RE_LABELLED = /([a-z]+(?:\s[a-z]+){0,3})\s*:?\s*(\d+)(?!\d|[/.,]\d)/g;
// What may follow a restated value: "thôi", "mới đúng", "nhé".
// ("… có mặt 11 vắng 4 chứ:": "chứ", "chơ" after the value said again.)
const RE_AFTER_VALUE = /^(?:\s*(?:d\/c|dc|dong chi|dv|dang vien|nguoi|ho|khau))?(?:\s+(?:thoi|moi dung|moi la dung|moi chuan|moi chinh xac|nhe|nha|a|ak|chu|cho))*/;

// The words every slip mark holds ("quên" needs a "phải" too): one scan of the text, not one per word.
const RE_SLIP_WORD = /nham|xin loi|sua| sai|a khong|a ko |noi lai|dinh chinh|a lon |\d a \d/;
// "đảng viên 9 à 10 chứ": a figure, "à", the one meant and "chứ".
const RE_A_INSTEAD = /(?<![\d.,/])\d{1,4}\s+a\s+(?=\d{1,4}\s+(?:chu|cho)\b)/g;
const RE_A_INSTEAD_ANY = new RegExp(RE_A_INSTEAD.source);
const RE_A_INSTEAD_TAIL = /^(\d{1,4})\s+(?:chu|cho)\b/;

/** Whether folded `f` has a word that may mark a slip: a quick test before `mendSlips`. */
// ("1.032 (xin sửa: 1.023)": or after a colon.)
const RE_MENDED_IN_BRACKET = /(?<![\d.,/])(\d{1,4}(?:\.\d{3})*)[ \t]*\([ \t]*(?:xin[ \t]+)?(?:sua lai|sua|dinh chinh)(?:[ \t]+(?:lai[ \t]+)?(?:la|thanh)[ \t]+|[ \t]*:[ \t]*)(\d{1,4}(?:\.\d{3})*)(?![\d/]|[.,]\d)/;
// "Đã nộp: 21 → sửa thành 22 (…)", "Số tiền thu: 1.250.000đ → sửa thành 1.290.000đ", "19 → xin sửa: 18": the figure put right
// after an arrow (a dash once the arrow is read); the words from the first figure to the second go.
const RE_MENDED_AFTER_DASH = /(?<![\d.,/])\d{1,4}(?:\.\d{3})*(?:[ \t]?(?:d|dong|vnd|ho|khau|d\/c|dv))?[ \t]*-[ \t]*(?:xin[ \t]+)?(?:sua lai|sua|dinh chinh)(?:[ \t]+(?:lai[ \t]+)?(?:la|thanh)[ \t]+|[ \t]*:[ \t]*)(?=\d)/g;
const RE_MENDED_IN_BRACKET_G = new RegExp(RE_MENDED_IN_BRACKET.source, "g");

export function mayHaveSlip(f: string): boolean {
  return RE_SLIP_WORD.test(f) || (f.includes("quen") && f.includes("phai"));
}

// "hộ nghèo mười lăm à không mười ba hộ", "thu được hai mươi tám đồng chí à không hai mươi bảy đồng chí": a count in
// words taken back with "à không" and said again in words. "đã đóng ba mươi ba à nhầm ba mươi bốn", "cận nghèo mười chín
// à sửa lại cận nghèo mười tám hộ", "xuất sắc ba đồng chí à nhầm hai đồng chí": the same with "nhầm" or "sửa lại", the
// label maybe said again before the new count.
const WORDS_NOUN = "(?:\\s+(?:dong chi|d\\/c|dc|dv|dang vien|ho|khau|nguoi))?";
const WORDS_MARK = `(?:(?:a|ah|o)\\s*,?\\s+)?(?:(?:em|e)\\s+)?(?:(?:noi|doc|bao)\\s+)?(?:nham|sua lai)(?:\\s+(?:la|roi))?(?:\\s+(?!${NUMBER_WORDS_SOURCE})[a-z]+){0,3}?`;
const TAKEN_BACK = "(?:a|a\\s*,)\\s+khong";
const RE_WORDS_TAKEN_BACK = new RegExp(
  `(?<![a-z])(${NUMBER_WORDS_SOURCE})((?:${WORDS_NOUN}\\s*,?\\s+${TAKEN_BACK}|\\s*,?\\s+${WORDS_MARK})\\s*,?\\s+)(${NUMBER_WORDS_SOURCE})(?![a-z])`,
);
// "kết nạp … được hai đồng chí à nhầm ba đồng chí": the admissions reader mends a slip after a count and its noun itself
// (it reads what follows the slip anew); every other form takes it mended here.
const RE_WORDS_NOUN_TAKEN_BACK = new RegExp(
  `(?<![a-z])(${NUMBER_WORDS_SOURCE})(${WORDS_NOUN}\\s*,?\\s+(?:${TAKEN_BACK}|${WORDS_MARK})\\s*,?\\s+)(${NUMBER_WORDS_SOURCE})(?![a-z])`,
);

/** `text` without the counts in words that "à không" takes back; the same string when there are none. */
function mendWordsTakenBack(text: string, folded: string): string {
  let out = text;
  let f = folded;
  for (let guard = 0; guard < 4; guard++) {
    const m = (f.includes("ket nap") ? RE_WORDS_TAKEN_BACK : RE_WORDS_NOUN_TAKEN_BACK).exec(f);
    if (!m || numberFromWords(m[1] as string) === null || numberFromWords(m[3] as string) === null) break;
    const cutEnd = m.index + (m[1] as string).length + (m[2] as string).length;
    out = out.slice(0, m.index) + out.slice(cutEnd);
    f = f.slice(0, m.index) + f.slice(cutEnd);
  }
  return out;
}

/** `text` (folded: `folded`) with the slips it corrects itself mended; the same string when there are none. */
const RE_COMRADE_TAKEN_BACK = new RegExp(`${COMRADE}\\s[^\\n,;:()]{1,45}?(?:\\.{2,}|…)?\\s*,?\\s*(?:a|ah|o)\\s*,?\\s+(?:nham|khong|ko|lon)\\s*,?\\s+(?=${COMRADE}\\s)`);
const RE_COMRADE_TAKEN_BACK_G = new RegExp(RE_COMRADE_TAKEN_BACK.source, "g");
const RE_APOLOGY_LINE = /(?:^|\n)[ \t]*xin loi(?:\s+(?:anh|chi|a|c|vp|nhe|nha))*[\s,]+(?=(?:[a-z]+\s+){1,4}(?:la\s+)?\d+\s*(?:ho\s*)?,?\s*chu\s+(?:khong|ko|k|hok)\s+phai)/;
export function mendSlips(text: string, folded: string): string {
  let f = folded;
  if (!mayHaveSlip(f)) return text;
  let out = text;
  // "giao đ/c Mai chi hội trưởng phụ nữ... à nhầm đ/c Đàm Thị Thoa …", "đ/c Tèo... à không đ/c Thạch Sà Rinh phụ trách …":
  // a comrade named, taken back, and another named in his place.
  if (f.includes("d") && RE_COMRADE_TAKEN_BACK.test(f)) {
    const edits: Edit[] = [];
    for (const b of f.matchAll(RE_COMRADE_TAKEN_BACK_G)) edits.push({ start: b.index, end: b.index + b[0].length, with: "" });
    out = spliceEdits(out, edits);
    f = foldSameLength(out);
  }
  // "Hộ nghèo: 7 (xin sửa lại là 6 hộ, 1 hộ đã thoát nghèo)": the figure corrected in the bracket right after it.
  if (f.includes("(") && RE_MENDED_IN_BRACKET.test(f)) {
    const edits: Edit[] = [];
    for (const b of f.matchAll(RE_MENDED_IN_BRACKET_G)) edits.push({ start: b.index, end: b.index + b[0].length, with: `${b[2] as string} (` });
    out = spliceEdits(out, edits);
    f = foldSameLength(out);
  }
  if (f.includes(" a ") && RE_A_INSTEAD_ANY.test(f)) {
    const edits: Edit[] = [];
    for (const b of f.matchAll(RE_A_INSTEAD)) {
      const tail = RE_A_INSTEAD_TAIL.exec(f.slice(b.index + b[0].length)) as RegExpExecArray;
      edits.push({ start: b.index, end: b.index + b[0].length + tail[0].length, with: tail[1] as string });
    }
    out = spliceEdits(out, edits);
    f = foldSameLength(out);
  }
  if (f.includes("- ") && f.includes("sua")) {
    const edits: Edit[] = [];
    for (const b of f.matchAll(RE_MENDED_AFTER_DASH)) edits.push({ start: b.index, end: b.index + b[0].length, with: "" });
    if (edits.length > 0) {
      out = spliceEdits(out, edits);
      f = foldSameLength(out);
    }
  }
  if (f.includes("a khong") || f.includes("nham") || f.includes("sua lai")) {
    out = mendWordsTakenBack(out, f);
    if (out !== text) f = foldSameLength(out);
  }
  // "xin loi ho ngheo la 33 chu khong phai 35": an apology opening its line, then the label and its figure put right (a
  // pattern of its own: one more branch of RE_SLIP compiles into all of it).
  if (f.includes("xin loi")) {
    for (let a = RE_APOLOGY_LINE.exec(f), guard = 0; a && guard < 4; a = RE_APOLOGY_LINE.exec(f), guard++) {
      const mended = mendOne(out, f, a.index + a[0].indexOf("xin loi"), a.index + a[0].length);
      if (mended === null || mended === out) break;
      out = mended;
      f = foldSameLength(out);
    }
  }
  RE_SLIP.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = RE_SLIP.exec(f))) {
    const markStart = m.index + m[0].indexOf(m[1] as string);
    const after = m.index + m[0].length;
    if (isNameNham(out, f, markStart, after)) continue;
    // "À quên, …" only corrects with "chứ không phải"; otherwise it adds something forgotten.
    const mended = m[2] !== undefined ? mendKind(out, f, markStart, after) : mendOne(out, f, markStart, after);
    if (mended === null) continue;
    out = mended;
    f = foldSameLength(out);
    RE_SLIP.lastIndex = 0;
  }
  return out;
}

// "Lò Thị Nhâm", "Thị Nham": a name, not "nhầm".
const RE_NAME_BEFORE = /\p{Lu}\p{L}*\s+$/u;

/** Whether the "nham" of the slip mark at `from`…`to` is a person's name (Nhâm, or capitalised after a capitalised word). */
function isNameNham(text: string, f: string, from: number, to: number): boolean {
  const at = f.indexOf("nham", from);
  if (at < 0 || at >= to) return false;
  const word = text.slice(at, at + 4);
  if (/^nhâm$/i.test(word)) return true;
  return word[0] === "N" && RE_NAME_BEFORE.test(text.slice(Math.max(0, at - 12), at));
}

function mendOne(text: string, f: string, markStart: number, after: number): string | null {
  const rest = f.slice(after);
  const instead = RE_INSTEAD.exec(rest);
  if (instead) {
    const label = (instead[1] as string).trim() || (instead[4] ?? "");
    const now = instead[2] as string;
    const was = instead[5] as string;
    let at = lastValue(f.slice(0, markStart), label, was);
    if (at < 0 && instead[4] !== undefined && label === instead[4]) at = lastValue(f.slice(0, markStart), "", was);
    if (at < 0) return null;
    // The old number as written ("252" of "252.000đ" when the new one is "264.000").
    const oldToken = (RE_NUMBER_START.exec(f.slice(at)) as RegExpExecArray)[0];
    const oldEnd = at + (oldToken.length > was.length && now.length > was.length ? oldToken.length : was.length);
    const dropEnd = after + instead[0].length;
    const nowAt = after + (instead[1] as string).length;
    // "À nhầm, 31 đv chứ k phải 30, tổng 372.000đ": the slip mark stays for the values corrected after.
    // "HTXS là 4 chứ không phải 5 vì …, 1 đ/c chuyển xuống HTT": the reason's figures correct nothing.
    const restOfSentence0 = f.slice(dropEnd, dropEnd + sentenceEnd(f.slice(dropEnd)));
    const why = reasonIn(text, dropEnd, restOfSentence0);
    const restOfSentence = why ? restOfSentence0.slice(0, why.index) : restOfSentence0;
    // "7 hộ nghèo … À nhầm, hộ nghèo 5 chứ không phải 7, 2 hộ thoát nghèo …": a count of the kind just put right
    // tells something new, no second slip.
    const mark = RE_VALUE_ANY.test(restOfSentence) && !onlyOfKind(restOfSentence, f, at, nowAt) ? text.slice(markStart, after) : "";
    return text.slice(0, at) + text.slice(nowAt, nowAt + now.length) + joinMended(text.slice(oldEnd, markStart), mark + text.slice(dropEnd));
  }
  const before = f.slice(0, markStart);
  const adjacent = mendAdjacent(text, before, rest, after);
  if (adjacent !== null) return adjacent;
  // "à nhầm 261.000đ vì có 3 đ/c hưu trí …", "… do 1 đ/c nghỉ hưu …": the reason that follows corrects nothing.
  const reason = reasonIn(text, after, rest);
  // "640 khẩu (à nhầm 604 khẩu), 3 hộ nghèo": a slip in brackets corrects nothing after them.
  const closing = before.lastIndexOf("(") > before.lastIndexOf(")") ? rest.indexOf(")") : -1;
  const segmentEnd = Math.min(sentenceEnd(rest), reason ? reason.index : rest.length, closing >= 0 ? closing : rest.length);
  const segment = rest.slice(0, segmentEnd);
  // Earlier numbers replaced: [start, end, new value]; numbers of the segment already used.
  const fixes: [number, number, string][] = [];
  const used: number[] = [];
  // Where in the segment the values that restate one said before stand: their clauses go with the slip.
  const restatedAt: number[] = [];
  let consumed = 0;
  // "Ngày họp: 04/9/2026 (sửa lại: 05/9 mới đúng, …)": a day said again takes the place of the day said last
  // (its year kept when the new one has none).
  const day = f.includes("/", after) ? RE_DAY_AGAIN.exec(segment) : null;
  const oldDay = day ? lastDay(before) : null;
  if (day && oldDay) {
    used.push(day.index + day[0].length - (day[1] as string).length);
    restatedAt.push(day.index);
    fixes.push([oldDay.start, oldDay.end, (day[1] as string).replace(/\s+/g, "")]);
    consumed = day.index + day[0].length;
  }
  // "Giờ: 19:30 – 21:00 (sửa lại: bắt đầu 19:15 vì …)": the start (or the end) said again takes the place of its end
  // of the span said last.
  const time = f.includes("bat dau", after) || f.includes("ket thuc", after) ? RE_TIME_AGAIN.exec(segment) : null;
  const span = time ? lastSpan(before) : null;
  if (time && span) {
    const which = time[1] === "bat dau" ? span.from : span.to;
    used.push(time.index + time[0].length - (time[2] as string).length);
    restatedAt.push(time.index);
    fixes.push([which[0], which[1], time[2] as string]);
    consumed = Math.max(consumed, time.index + time[0].length);
  }
  // "vắng 3: 2 có lý do, 1 miễn SH. Nhầm chút, có mặt 19/21, vắng 2: 1 có lý do, 1 miễn sinh hoạt",
  // "vắng 2, 1 miễn sh, 1 có lý do. À nhầm, cả 2 đều có lý do": the kinds of the absences told again
  // take the place of those told before.
  const kinds = segment.includes("vang") || /\d\s*(?:[a-z/]+\s+){0,3}(?:co|khong|ko|k|kg|mien|msh|cld|kld)/.test(segment) ? kindsAgain(before, segment) : null;
  if (kinds) {
    fixes.push([kinds.oldStart, kinds.oldEnd, text.slice(after + kinds.start, after + kinds.end)]);
    for (const at of kinds.numbers) used.push(at), restatedAt.push(at);
    consumed = Math.max(consumed, kinds.end);
  }
  // "HTXS 3, HTT 13… e nhầm, HTXS 2, HTT 14", "Sửa lại: kết nạp 3 đ/c": a label said before takes
  // its new number (the longest label ending right before the number).
  RE_LABELLED.lastIndex = 0;
  let pair: RegExpExecArray | null;
  while ((pair = RE_LABELLED.exec(segment))) {
    // "đoàn thanh niên là 44", "hoàn thành tốt là 19": the linking word is no part of the label.
    const words = (pair[1] as string).replace(/(?:^|\s)(?:la|thi|dung la)$/, "").split(" ");
    if (words.length === 0 || words[0] === "") continue;
    // "à nhầm, kết nạp 1 thôi, người kia chuyển sang tháng 12": a time moved to is no restated value.
    if (RE_TIME_WORD.test(words.at(-1) as string) && RE_TIME_TO.test(words.at(-2) ?? "")) continue;
    // Every label tried below ends with the last word: none was said before if that word was not.
    if (!before.includes(words.at(-1) as string)) continue;
    const numAt = pair.index + pair[0].length - (pair[2] as string).length;
    for (let k = Math.min(words.length, 4); k >= 1; k--) {
      const label = words.slice(words.length - k).join("\\s+");
      // "khong hoan thanh 0" is not "hoan thanh": a "không" before makes another label.
      // "có mặt 33/37 … À nhầm, có mặt 34": the count said again takes the place of the fraction's part.
      const re = new RegExp(`(?<![a-z])(?<!${WORD_START}(?:khong|ko|chua)\\s)${label}\\s*:?\\s*(\\d+)(?!\\d|[.,]\\d|\\s*\\/\\s*\\d+\\s*\\/)`, "g");
      let old: RegExpExecArray | null;
      let last: RegExpExecArray | null = null;
      while ((old = re.exec(before))) last = old;
      if (!last) continue;
      used.push(numAt);
      restatedAt.push(numAt);
      const at = last.index + last[0].length - (last[1] as string).length;
      if (last[1] !== pair[2] && !fixes.some(([s0]) => s0 === at)) {
        fixes.push([at, at + (last[1] as string).length, pair[2] as string]);
        consumed = Math.max(consumed, pair.index + pair[0].length);
      }
      break;
    }
  }
  // "kết nạp 3 đ/c, à nhầm, 2 đ/c thôi", "Sửa: 23/24 đ/c đóng, 276k": a value restated with no
  // label takes the place of the last one of its kind said before (a fraction of the same whole,
  // an amount in the same unit, a count of the same thing).
  RE_VALUE.lastIndex = 0;
  let v: RegExpExecArray | null;
  // "À sửa lại hộ nghèo là 4 (1 hộ vừa thoát nghèo tháng 9)": the figures of a bracket after a value put right explain it.
  const bracket = fixes.length > 0 ? segment.indexOf("(", consumed) : -1;
  while ((v = RE_VALUE.exec(segment))) {
    if (bracket >= 0 && v.index > bracket) break;
    const now = (v[1] ?? v[3] ?? v[5]) as string;
    if (used.includes(v.index + v[0].indexOf(now))) continue;
    const kind = valueKind(v);
    let old: RegExpExecArray | null;
    let last: RegExpExecArray | null = null;
    const scan = RE_VALUE_BEFORE;
    scan.lastIndex = 0;
    let fraction: RegExpExecArray | null = null;
    let money: RegExpExecArray | null = null;
    while ((old = scan.exec(before))) {
      const at = old.index + old[0].indexOf((old[1] ?? old[3] ?? old[5]) as string);
      if (fixes.some(([s0]) => s0 === at)) continue;
      if (old[3] !== undefined) money = old;
      if (valueKind(old) === kind) last = old;
      // ("dp T5/2026 …": a month and its year are no fraction of members.)
      else if (old[1] !== undefined && !isMonthOfYear(before, old)) fraction = old;
    }
    // "thu 18/18 đủ cả … À nhầm, 17 đ/c đóng thôi": members counted anew, opening their clause, where only a
    // fraction counted them before: the fraction's part.
    if (!last && kind === "#dv" && fraction && Number(now) <= Number(fraction[2]) && opensClause(segment, v.index) && !RE_NOT_DOING_AFTER.test(segment.slice(v.index + v[0].length))) {
      last = fraction;
    }
    // "khẩu 640 (à nhầm 604 khẩu)", "ĐV 22, à nhầm 23 đv": a count with its noun after takes the place of the
    // number said last after the same noun as a label.
    const labelled = !last && RE_LABEL_NOUN.test(v[6] ?? "") && opensClause(segment, v.index) && !RE_NOT_DOING_AFTER.test(segment.slice(v.index + v[0].length)) ? lastAfterLabel(before, v[6] as string, fixes) : null;
    // "So tien 0,5tr … À nham: so tien 510k": an amount said again in another unit takes the place of the last amount, its
    // unit with it.
    if (!last && !labelled && v[3] !== undefined && money !== null) {
      const at = money.index + money[0].indexOf(money[3] as string);
      restatedAt.push(v.index);
      fixes.push([at, money.index + money[0].length, text.slice(after + v.index + v[0].indexOf(now), after + v.index + v[0].length)]);
      consumed = Math.max(consumed, v.index + v[0].length);
      continue;
    }
    if (!last && !labelled) continue;
    restatedAt.push(v.index);
    const was = last ? ((last[1] ?? last[3] ?? last[5]) as string) : (labelled as { was: string }).was;
    if (was === now) continue;
    const at = last ? last.index + last[0].indexOf(was) : (labelled as { at: number }).at;
    fixes.push([at, at + was.length, now]);
    consumed = Math.max(consumed, v.index + v[0].length);
  }
  if (fixes.length === 0) return restated(text, before, segment, after);
  const tail = RE_AFTER_VALUE.exec(segment.slice(consumed)) as RegExpExecArray;
  const keepFrom = after + consumed + tail[0].length;
  let out = "";
  let last = 0;
  for (const [s, e, v] of fixes.sort((x, y) => x[0] - y[0])) {
    out += text.slice(last, s) + v;
    last = e;
  }
  // A new fact told with the corrected ones stays, in its own clause: "À nhầm 17 đv đóng, 1 đ/c ốm chưa đóng",
  // "…, d/c Nong Van Chung om chua dong, tong 204k".
  const added: string[] = [];
  for (let from = 0; from < consumed; ) {
    // "vắng 3 có lý do (đ/c A ốm, đ/c B đi xa)": a comma inside brackets ends no clause.
    const to = clauseAfter(segment, from);
    const clause = text.slice(after + from, after + Math.min(to, consumed)).trim();
    if (clause !== "" && !restatedAt.some((at) => at >= from && at < to)) added.push(clause);
    from = to + 1;
  }
  return out + joinMended(text.slice(last, markStart), added.map((c) => `${c}, `).join("") + text.slice(keepFrom), out);
}

/** Where the clause of `segment` opening at `from` ends: the next "," or ";" outside brackets, or the end. */
function clauseAfter(segment: string, from: number): number {
  let depth = 0;
  for (let i = from; i < segment.length; i++) {
    const c = segment[i];
    if (c === "(") depth++;
    else if (c === ")") depth = Math.max(0, depth - 1);
    else if (depth === 0 && (c === "," || c === ";")) return i;
  }
  return segment.length;
}

const RE_TRAILING_DOTS = /\s*(?:\.{2,}|…)\s*$/;
const RE_SENTENCE_CLOSED = /[.!?]\s*$/;
const RE_LEADING_COMMA = /^\s*[,;]\s*/;
const RE_TRAILING_COMMA = /\s*[,;]\s*$/;
const RE_LEADING_COLON = /^\s*[:.](?!\.)/;
const RE_TRAILING_MARKS = /[\s.,;…]+$/;

/**
 * What stood before a slip mark joined to what is kept after it: "2 nữ... à sửa lại 1 nữ thôi, 1 người dân tộc
 * Tày" reads "1 nữ, 1 người dân tộc Tày" (the dots were the slip's), "18 đảng viên. À nhầm, …, 2 hộ thoát nghèo"
 * reads "18 đảng viên. 2 hộ thoát nghèo".
 */
const RE_LEADING_PARTICLE = /^\s*(?:chơ|chớ|chứ|nhé|nha|nghe|ạ)(?=\s*,)/iu;
const RE_ABSENT_COUNT_CLOSED = /v[ắa]ng\s*:?\s*\d{1,3}\s*[.!]\s*$/iu;
const RE_COMRADE_AFTER_COMMA = /^\s*,\s*(?:đ\/c|Đ\/c|đc|Đc|dc|đồng chí|Đồng chí)\s/u;
const RE_STOP_END = /\s*[.!]\s*$/;
/** `head` and `tail` joined where a slip and its restated values were cut out; `lead`: what stands before `head`. */
// "có mặt 27 vắng 2⏎à nhầm, có mặt 28, vắng 1 là chú Út Lượm …": who the count put right names goes on its clause.
const RE_BARE_HEAD = /^\s*[.,;]?\s+$|^[.,;]$/;
const RE_NAMING_TAIL = /^\s*(?:là|gồm|la|gom)\s/iu;
function joinMended(head: string, tail: string, lead = ""): string {
  if (RE_BARE_HEAD.test(head) && RE_NAMING_TAIL.test(tail)) return " " + tail.trimStart();
  // "vắng 2... à nhầm, vắng 3: O Lành …": the colon that opens the list (or the stop) goes to the value kept.
  if (RE_LEADING_COLON.test(tail)) return head.replace(RE_TRAILING_MARKS, "") + tail.trimStart();
  // "vắng 3. À nhầm, có mặt 29 vắng 2 chơ, đ/c Hồ Sỹ Tuấn nằm viện …": the particle closing the restated values is theirs.
  if (RE_LEADING_PARTICLE.test(tail)) tail = tail.replace(RE_LEADING_PARTICLE, "");
  if (!RE_LEADING_COMMA.test(tail)) return head + tail;
  if (RE_TRAILING_DOTS.test(head)) return head.replace(RE_TRAILING_DOTS, "") + tail;
  // (The absent named after the count put right belong to its clause, not a sentence of their own.)
  if (RE_SENTENCE_CLOSED.test(head) && RE_ABSENT_COUNT_CLOSED.test(lead + head) && RE_COMRADE_AFTER_COMMA.test(tail)) return head.replace(RE_STOP_END, "") + tail;
  if (RE_SENTENCE_CLOSED.test(head)) return head + tail.replace(RE_LEADING_COMMA, "");
  // "kết nạp 4, à nhầm, 3 đ/c, nữ 1": the comma after the value kept is the one before what follows.
  if (RE_TRAILING_COMMA.test(head)) return head.replace(RE_TRAILING_COMMA, "") + tail;
  return head + tail;
}

const RE_TIME_WORD = /^(?:thang|t|quy|nam|ngay)$/;
const RE_TIME_TO = /^(?:sang|den|toi|tu|vao|truoc|sau|het|cuoi|dau|lui|hoan)$/;

// "05/9", "ngày 5/9": a day and month opening what is said after the slip (no fraction: a day ≤ 31, a month ≤ 12).
const RE_DAY_AGAIN = /^(?:(?:la|thi|ngay|hop|sh)\s+){0,2}((?:[12]\d|3[01]|0?[1-9])\s?\/\s?(?:1[0-2]|0?[1-9]))(?![\d/])/;
// A day before it: with its year ("04/9/2026") or after "ngày"/"hôm"/"mùng" ("ngày 4/9").
const RE_DAY_BEFORE = /(?:\b(?:ngay|hom|mung|toi|sang|chieu)\s*:?\s*)?((?<![\d/.,])(?:[12]\d|3[01]|0?[1-9])\s?\/\s?(?:1[0-2]|0?[1-9]))(\s?\/\s?\d{2,4})?(?![\d/])/g;

// "bắt đầu 19:15", "kết thúc lúc 21h": a start or an end said again.
const RE_TIME_AGAIN = /^(?:(?:gio|la|thi)\s+)?(bat dau|ket thuc)\s*(?:luc|tu|vao)?\s*:?\s*(\d{1,2}\s?[:h]\s?\d{2}|\d{1,2}h)(?![\d:])/;
// "19:30 – 21:00", "19h-21h15": a span of time.
const RE_SPAN_BEFORE = /(?<![\d:])(\d{1,2}\s?[:h]\s?\d{0,2})\s*(?:-|den|toi)\s*(\d{1,2}\s?[:h]\s?\d{0,2})(?![\d:])/g;

/** Where the two ends of the last span of time before a slip stand; null when none. */
function lastSpan(before: string): { from: [number, number]; to: [number, number] } | null {
  let last: RegExpExecArray | null = null;
  let m: RegExpExecArray | null;
  RE_SPAN_BEFORE.lastIndex = 0;
  while ((m = RE_SPAN_BEFORE.exec(before))) last = m;
  if (!last) return null;
  const a = last.index;
  const b = last.index + last[0].length - (last[2] as string).length;
  return { from: [a, a + (last[1] as string).length], to: [b, b + (last[2] as string).length] };
}

/** The last day and month written as a date before a slip ("04/9" of "Ngày họp: 04/9/2026"); null when none. */
function lastDay(before: string): { start: number; end: number } | null {
  let last: { start: number; end: number } | null = null;
  RE_DAY_BEFORE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = RE_DAY_BEFORE.exec(before))) {
    const start = m.index + m[0].length - (m[1] as string).length - (m[2] ?? "").length;
    if (m[2] !== undefined || m[0] !== m[1]) last = { start, end: start + (m[1] as string).length };
    else last = null;
  }
  return last;
}

const KIND = "(?:co ly do|cld|co phep|duoc phep|xin phep|khong ly do|ko ly do|k ly do|kg ly do|kld|khong phep|ko phep|khong bao|ko bao|mien sinh hoat|mien sh|msh)";
const NOUN = "(?:d\\/c|dc|dong chi|dv|dang vien|nguoi)";
// "2 có lý do, 1 miễn SH", "1 cld và 1 kld", "2 đ/c có lý do (…), 1 không lý do": the absences by kind.
const KINDS = `\\d{1,2}\\s*(?:${NOUN}\\s*)?(?:deu\\s+)?${KIND}(?:\\s*\\([^()\\n]*\\))?(?:(?:\\s*(?:,|;|va|,\\s*va)\\s*|\\s+)\\d{1,2}\\s*(?:${NOUN}\\s*)?${KIND}(?:\\s*\\([^()\\n]*\\))?)*`;
// "vắng 2 ko lý do": the count may be the one group's.
const RE_KINDS_BEFORE = new RegExp(`${WORD_START}vang\\s*:?\\s*(?:(\\d{1,2})\\s*(?:${NOUN}\\s*)?(?:[:,(\\-–—]\\s*)?)?(${KINDS})`, "g");
// After the slip: "vắng 2: 1 có lý do, 1 miễn SH", "vắng 2 thôi, 1 msh và 1 có lý do" (a "có mặt …" before it may be told
// again too), or "cả 2 đều có lý do".
const RE_KINDS_AGAIN = new RegExp(`(?:^|[\\s,;])vang\\s*:?\\s*(?:(\\d{1,2})\\s*(?:${NOUN}\\s*)?(?:thoi\\s*)?(?:[:,(\\-–—]\\s*)?)?(${KINDS})|^\\s*(?:(?:ca|tat ca|het|toan bo)\\s+)?(\\d{1,2})\\s*(?:${NOUN}\\s*)?(?:deu|dieu)\\s+${KIND}`);
const RE_KIND_COUNT = /(?=\d)(?<![\d/])\d{1,2}(?![\d/])/g;

/** The counts in `s` added up ("2 có lý do, 1 miễn SH": 3). */
function sumOf(s: string): number {
  let n = 0;
  for (const m of s.matchAll(RE_KIND_COUNT)) n += Number(m[0]);
  return n;
}

/**
 * The absences by kind told after a slip in `segment`, with where the kinds told before them stand in `before`
 * (the last "vắng N: …" there): the new kinds' span in the segment and the numbers in it. Null when either is missing,
 * or when "cả N đều …" does not count all those absent before.
 */
function kindsAgain(before: string, segment: string): { oldStart: number; oldEnd: number; start: number; end: number; numbers: number[] } | null {
  const again = RE_KINDS_AGAIN.exec(segment);
  if (!again) return null;
  let old: RegExpExecArray | null = null;
  RE_KINDS_BEFORE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = RE_KINDS_BEFORE.exec(before))) old = m;
  if (!old) return null;
  if (again[3] !== undefined && Number(again[3]) !== Number(old[1] ?? sumOf(old[2] as string))) return null;
  const oldStart = old.index + old[0].length - (old[2] as string).length;
  const start = again[2] !== undefined ? again.index + again[0].length - again[2].length : again.index + again[0].indexOf(again[3] as string);
  const end = again.index + again[0].length;
  const numbers: number[] = [];
  RE_KIND_COUNT.lastIndex = 0;
  const span = segment.slice(again.index, end);
  while ((m = RE_KIND_COUNT.exec(span))) numbers.push(again.index + m.index);
  return { oldStart, oldEnd: old.index + old[0].length, start, end, numbers };
}

// A number with what it counts, right before a slip mark: "HTT 15 à không 16", "đã thu 60 đồng chí, sửa lại là 61",
// "diện tích 11,4 km² – em sửa lại: 12,4 km²", "hộ nghèo 6, sửa lại là 5 hộ".
// ("2 ht à lộn 1 ht thôi": a level's count said again with its level.)
const UNIT = "d\\/c|dc|dong chi|dv|dang vien|nguoi|ho|khau|nhan khau|km2|ha|%|k|d|dong|vnd|nghin|ngan|tr|trieu|htxs|htt|ht|kht";
// ("1.620.000 ... nhầm, 1.602.000d": dots trailing off before the mark.)
const RE_THOUSANDS = /^\d{1,3}(?:[.,]\d{3})+$/;
const RE_ADJACENT_BEFORE = new RegExp(`(?<![\\d.,/])(${NUMBER})\\s*(${UNIT})?\\s*(?:\\.{2,}|…|[,.;-])?\\s*$`);
const RE_FRACTION_AFTER = /^(\d{1,3})\s*\/\s*(\d{1,3})(?![\d/])/;
const RE_ADJACENT_AFTER = new RegExp(`^(?:la\\s+|thanh\\s+)?(${NUMBER})\\s*(${UNIT})?(?![\\d/]|[a-z])`);

/** The number said right before the slip mark takes the one said right after it, the rest of the message kept; null when they are not so. */
function mendAdjacent(text: string, before: string, rest: string, after: number): string | null {
  // "có mặt 11 à nhầm 12/13 đv": a bare number said again as a fraction's part, with the whole.
  const part = rest.charCodeAt(0) <= 57 ? RE_FRACTION_AFTER.exec(rest) : null;
  if (part) {
    const was = RE_ADJACENT_BEFORE.exec(before);
    if (was && was[2] === undefined && !was[1]?.includes(",") && !was[1]?.includes(".") && Number(was[1]) <= Number(part[2]) && Number(part[1]) <= Number(part[2])) {
      return text.slice(0, was.index) + text.slice(after, after + part[0].length) + text.slice(was.index + (was[1] as string).length, before.length).trimEnd() + text.slice(after + part[0].length);
    }
  }
  const now = RE_ADJACENT_AFTER.exec(rest);
  if (!now) return null;
  const was = RE_ADJACENT_BEFORE.exec(before);
  if (!was) return null;
  // "tổng 312.000đ. À nhầm, 2 đ/c chưa đóng": another kind of figure, told anew.
  const unitOf = (u: string | undefined): string => (u === undefined ? "" : /^(?:d\/c|dc|dong chi|dv|dang vien)$/.test(u) ? "dv" : /^(?:d|dong|vnd)$/.test(u) ? "d" : /^(?:k|nghin|ngan)$/.test(u) ? "k" : /^(?:tr|trieu)$/.test(u) ? "tr" : u);
  const b = unitOf(now[2]);
  // ("số tiền 1.620.000 ... nhầm, 1.602.000đ": a sum in thousands is money, its unit left off.)
  const a = unitOf(was[2]) || (b === "d" && RE_THOUSANDS.test(was[1] as string) ? "d" : "");
  if (b !== "" && a !== "" && a !== b) return null;
  // "... 20 hộ. À nhầm, 3 hộ nghèo": the count after is of another label.
  // "hộ nghèo 2. e nhầm, 134 hộ": after a full stop, a count with its noun restates that noun's label, not the number before.
  if (b !== "" && a === "" && (!/^(?:ho|khau|dv)$/.test(b) || /\.\s*$/.test(before))) return null;
  if (RE_NOT_DOING_AFTER.test(rest.slice(now[0].length))) return null;
  const value = was[1] as string;
  const at = was.index;
  // "2 đ/c thôi", "5 hộ mới đúng": the words that only close the restated value go with it.
  const tail = (RE_AFTER_VALUE.exec(rest.slice(now[0].length)) as RegExpExecArray)[0].length;
  const nowAt = after + now[0].indexOf(now[1] as string);
  // (The new value's unit kept when the old one was said without it.)
  const said = was[2] === undefined && now[2] !== undefined ? text.slice(nowAt, after + now[0].length) : text.slice(nowAt, nowAt + (now[1] as string).length);
  return joinMended(text.slice(0, at) + said + text.slice(at + value.length, before.length).trimEnd(), text.slice(after + now[0].length + tail));
}

// Nouns also written as a label before their number: "hộ 198", "khẩu 640", "ĐV 22" ("1 đ/c KHT" is a part of them, never restated).
const RE_LABEL_NOUN = /^(?:ho|khau|nhan khau|dv|dang vien)$/;
const MEMBER_LABEL = "(?:dv|dang vien)";

/** Where the number said last after `noun` as its label stands ("khau 640", "dv: 22"), and the number; null when nowhere. */
function lastAfterLabel(before: string, noun: string, fixes: readonly [number, number, string][]): { at: number; was: string } | null {
  const label = /^(?:dv|dang vien)$/.test(noun) ? MEMBER_LABEL : noun.replace(/\s+/g, "\\s+");
  // "Xếp loại ĐV 2026": a year, no count.
  const re = new RegExp(`(?<![a-z/])${label}\\s*:?\\s*(\\d{1,3}|\\d{4}(?<!(?:19|20)\\d\\d))(?!\\d|[/.,]\\d|\\s*(?:d\\/c|dc|dv|ho|khau|nguoi)${WORD_END})`, "g");
  let m: RegExpExecArray | null;
  let last: { at: number; was: string } | null = null;
  while ((m = re.exec(before))) {
    const at = m.index + m[0].length - (m[1] as string).length;
    if (!fixes.some(([s0]) => s0 === at)) last = { at, was: m[1] as string };
  }
  return last;
}

const RE_PERIOD_BEFORE = /(?:^|[^a-z])(?:t|thang|q|quy|ngay)\s*$/;
/** "T5/2026", "tháng 5/2026", "5/2026": a month (or a day) and its year, no fraction. */
function isMonthOfYear(before: string, v: RegExpExecArray): boolean {
  return Number(v[2]) >= 1900 || RE_PERIOD_BEFORE.test(before.slice(Math.max(0, v.index - 8), v.index));
}

// "17 đ/c vắng", "2 đ/c chưa đóng": a count of those who did not, no restated count of those who did.
const RE_NOT_DOING_AFTER = new RegExp(`^\\s*(?:chua|vang|khong|ko|k|kg|nghi|mien|om|no|thieu)${WORD_END}`);

/** Whether only "có", "chỉ" or "là" stand between the start of the clause and `at`. */
function opensClause(segment: string, at: number): boolean {
  const from = Math.max(segment.lastIndexOf(",", at - 1), segment.lastIndexOf(";", at - 1)) + 1;
  return /^\s*(?:(?:chi|co|la|thuc te)\s+){0,2}$/.test(segment.slice(from, at));
}

// "lý do" (a reason, as in "có lý do") is no "do" (because).
const RE_REASON = /\s(?:vi|boi vi|tai vi|vi la)\s|(?<!\bly)\s(?:la\s+)?do\s/g;

const RE_PARTS_OPEN = /\btrong(?: so)? $/;

/**
 * The first reason in `s` (folded; it stands at `from` in `text`), or null: "đ/c đó xếp HT" ("that comrade") folds
 * to a "do" too, but is written "đó". "trong đó 2 nữ" (of them) ends what is said again as a reason does: the parts
 * that follow restate nothing.
 */
function reasonIn(text: string, from: number, s: string): RegExpExecArray | null {
  RE_REASON.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = RE_REASON.exec(s))) {
    const d = m[0].endsWith("do ") ? from + m.index + m[0].length - 3 : -1;
    if (d < 0 || text[d] === "d" || text[d] === "D" || RE_PARTS_OPEN.test(s.slice(Math.max(0, m.index - 8), m.index + 1))) return m;
    RE_REASON.lastIndex = m.index + m[0].length - 1;
  }
  return null;
}
const RE_BARE_NUMBER_BEFORE = new RegExp(`(?<![\\d.,/])(${NUMBER})\\s*[(,]?\\s*$`);
const RE_BARE_NUMBER = new RegExp(`^(${NUMBER})\\s*\\)?(?=\\s*(?:[,.;\\n]|$))`);
// "2 có lý do (Hà Văn Nhàn ốm, …), 1 không lý do (Cầm Văn Sơn)": each group may name its members.
const RE_ABSENCE_KINDS = /^(\d+)\s*(?:d\/c|dc|dong chi|dv)?\s*(?:co ly do|cld|khong ly do|ko ly do|k ly do|kld)(?:\s*\([^()\n]*\))?\s*,?\s*(?:va\s+)?(\d+)\s*(?:d\/c|dc|dong chi|dv)?\s*(?:co ly do|cld|khong ly do|ko ly do|k ly do|kld)\b/;
const RE_ABSENT_BEFORE = /\bvang\s*:?\s*(\d+)(?:\s*(?:d\/c|dc|dong chi|dv))?(?:\s*(?:co ly do|cld|khong ly do|ko ly do|k ly do|kld))?[\s,.]*$/;

/**
 * Corrections with no label and no noun: "khẩu 350 (à nhầm, 356)" — a bare number right after the
 * slip takes the place of the number right before it; "vắng 2 có lý do. À nhầm, 1 có lý do, 1 không
 * lý do" — the absences split anew.
 */
function restated(text: string, before: string, segment: string, after: number): string | null {
  const bare = RE_BARE_NUMBER.exec(segment);
  const old = bare ? RE_BARE_NUMBER_BEFORE.exec(before) : null;
  if (bare && old) return text.slice(0, old.index) + (bare[1] as string) + text.slice(after + bare[0].length);
  const kinds = RE_ABSENCE_KINDS.exec(segment);
  const absent = kinds ? RE_ABSENT_BEFORE.exec(before) : null;
  if (kinds && absent && Number(kinds[1]) + Number(kinds[2]) === Number(absent[1])) {
    return `${text.slice(0, absent.index)}vắng ${absent[1]}: ${text.slice(after, after + kinds[0].length)}${text.slice(after + kinds[0].length)}`;
  }
  return null;
}

// "có 1 đ/c vắng không lý do chứ không phải có lý do": the kind of absence corrected.
const RE_KIND_INSTEAD = new RegExp(`^(?:co\\s+)?(\\d+)\\s*(?:d\\/c|dc|dong chi|dv|dang vien)?\\s*vang\\s+(khong ly do|ko ly do|k ly do|kld|co ly do|cld)\\s+(?:chu\\s+)?(?:khong|ko|k|kg)\\s+phai\\s+(?:la\\s+)?(khong ly do|ko ly do|k ly do|kld|co ly do|cld)${WORD_END}[^,.;\\n]*`);

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
  // "hộ là 196 không phải 199": the linking word is no part of the label.
  // "số hộ đúng là 1.324 chứ không phải 1.342": "số" and "đúng" are no part of it either.
  const bare = label.replace(/(?:\s+(?:la|thi|co|chi co|con|dung|moi dung))+$/, "").replace(/^(?:so|con so)\s+(?=[a-z])/, "");
  const value = was.replace(/[.]/g, "\\.");
  const last = (re: RegExp): number => {
    let at = -1;
    let m: RegExpExecArray | null;
    while ((m = re.exec(before))) at = m.index + m[0].length - (m[1] as string).length;
    return at;
  };
  const head = bare ? `(?<![a-z])${bare.replace(/\s+/g, "\\s+")}\\s*:?\\s*` : "(?<![\\d.,])";
  const at = last(new RegExp(`${head}(${value})(?!\\d)`, "g"));
  if (at >= 0 || !bare) return at;
  // "199 hộ, … à nhầm hộ là 196 không phải 199": the count written before its label.
  const countFirst = new RegExp(`(?<![\\d.,])(${value})\\s*${bare.replace(/\s+/g, "\\s+")}${WORD_END}`, "g");
  let m: RegExpExecArray | null;
  let found = -1;
  while ((m = countFirst.exec(before))) found = m.index;
  return found;
}
