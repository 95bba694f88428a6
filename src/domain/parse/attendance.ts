/**
 * Attendance of a meeting: "25/27", "có mặt 18 vắng 1", "dự 30/31", "vắng 2: 1 cld,
 * 1 kld", "vắng bốn: ba có lý do, một miễn sinh hoạt", absentees by name with the
 * reason in parentheses.
 */
import { foldSameLength } from "../text/fold-same-length.js";
import { parseCount, WORD_END, WORD_START } from "../text/number-words.js";
import type { Span } from "./dates.js";
import { spliceEdits, type Edit } from "./edits.js";
import { fullNamesEndingWith } from "./names.js";
import { COMRADE, COUNT, COUNT_STARTS, EXCUSED, EXEMPT, MEMBER_NOUN, RE_NOT_FIVE, UNEXCUSED } from "./patterns.js";
import { clauseEnd, clauseStart, lineEnd, readName, type Prepared } from "./prepare.js";

export interface Absentee {
  name: string;
  reason?: string;
  /** true: with a reason or leave; false: without; null: not said. */
  excused: boolean | null;
  exempt?: true;
}

export interface Attendance {
  present?: number;
  expected?: number;
  excused?: number;
  unexcused?: number;
  exempt?: number;
  absentTotal?: number;
  allPresent?: boolean;
  absentees: Absentee[];
  spans: Span[];
}

const NOT_TIME = `(?!\\s?(?:h|g|gio|:)(?:\\d|\\b)|\\s?[.-]\\s?\\d|\\d|\\s?(?:km|ha|%|ho${WORD_END}|khau))`;
// "có 64/71 hộ dự": a fraction belongs to the noun after it; households or voters are no members.
const NOT_MEMBERS = `\\s*(?:ho|khau|cu tri|nguoi dan|hoc sinh|hoi vien|doan vien)${WORD_END}`;
// ("dv 19 dong chi, di 17, vang 2": "đi", went, said of those who came, before the absent.)
const RE_PRESENT_AFTER_VERB = new RegExp(
  `(?<!phai\\s+(?:tham\\s+)?|phai\\s+tham\\s+)(?:co mat|${WORD_START}cm|hien dien|tham du|tham gia|du hop|${WORD_START}du${WORD_END}|${WORD_START}du sh|${WORD_START}(?:di|den)(?=\\s*:?\\s*\\d{1,3}\\s*(?:d\\/c|dc|dong chi|nguoi)?\\s*[,.;]?\\s*vang${WORD_END})|${WORD_START}quan so(?:\\s+(?:co mat|du|tham du))?|co)\\s*(?:la|duoc|:)?\\s*(?:co\\s+)?(?:dv\\s*)?:?\\s*(${COUNT})${NOT_TIME}(?:\\s*${MEMBER_NOUN}(?=\\s*(?:\\/|tren)\\s*(?:tong so\\s*)?${COUNT}))?(?:\\s*(?:\\/|tren tong so|tren tong|tren|trong tong so|trong so|trong tong)\\s*(?:tong so\\s*)?(${COUNT})(?![\\d/]|${NOT_MEMBERS}))?`,
  "g",
);
const RE_PRESENT_BEFORE_VERB = new RegExp(
  `${COUNT_STARTS}(?<![\\d/.,:])(${COUNT})\\s*(?:\\/|tren|trong tong so|trong so)\\s*(${COUNT})\\s*(?:${MEMBER_NOUN}\\s*)?(?:dv\\s*)?(?:co mat|du|tham du|tham gia|hien dien)${WORD_END}`,
  "g",
);
const RE_PRESENT_NOUN = new RegExp(
  `${COUNT_STARTS}(?<![\\d/.,:])(${COUNT})\\s*${MEMBER_NOUN}\\s*(?:co mat|du sh|du hop|di hop|tham du|tham gia|hien dien|du${WORD_END})`,
  "g",
);
const RE_COUNT_SLIP = new RegExp(`^\\s*(?:${MEMBER_NOUN}\\s*)?,?\\s*(?:(?:a|ua|oi)\\s+)?(?:nham|(?<=a |ua )khong|(?<=a |ua )ko)(?:\\s+phai)?\\s*[,:]?\\s*(?:la\\s+)?(${COUNT})(?![\\d/]|\\s?(?:h|g|gio)${WORD_END})(?:\\s*${MEMBER_NOUN})?(?:\\s*(?:\\/|tren tong so|tren)\\s*(?:tong so\\s*)?(${COUNT})${WORD_END})?`);
const PERSONS = "(?:nguoi|dong chi|d\\/c|dc|dv)";
const RE_HAVE_THEN_CAME = new RegExp(
  `${WORD_START}(?:dang vien|dv)\\s+(?:cua chi bo\\s+)?(?:co|gom|la)\\s+(${COUNT})\\s*${PERSONS}\\s*[,;]\\s*(?:den|toi|co mat|du|di hop|di)\\s+(?:duoc\\s+)?(${COUNT})\\s*${PERSONS}${WORD_END}`,
  "g",
);
// "ĐV toàn CB 47 đ/c", "toàn chi bộ có 47 đảng viên": the whole cell's members; "Triệu tập 25 đv", "Tổng số đảng viên
// được triệu tập: 31": those called to the meeting.
const RE_EXPECTED = new RegExp(
  `(?:(?:(?:dang vien|dv)\\s+)?toan\\s+(?:chi bo|cb)(?:\\s+(?:co|gom))?(?!\\s*\\d+\\s?%)|tong so dang vien|tong so dv|tong so|(?:so\\s+)?(?:(?:dang vien|dv)\\s+)?phai\\s+(?:tham\\s+)?du|tong dv|tong cong|si so|hien co|chi bo co|chi bo gom|cb co|cb gom|dv cua chi bo|(?:tong so\\s+)?(?:(?:dang vien|dv)\\s+)?(?:duoc\\s+)?trieu tap(?:\\s+(?:duoc|la))?|(?:chi bo|cb)(?:\\s+(?:minh|em|toi|tui))?(?=\\s+${COUNT}\\s+(?:dv|dang vien)${WORD_END}))\\s*(?:dang vien|dv)?\\s*(?:la|:)?\\s*(${COUNT})${WORD_END}(?!\\s?[/.]\\s?\\d)`,
  "g",
);
const RE_FRACTION = /(?=\d)(?<![\d/.,:])(\d{1,3})\s?\/\s?(\d{1,3})(?![\d/]|\s?(?:km|%))/g;
// "đi đủ hết trừ chú Tám Hòa với cô Chín Liên bị bệnh": everyone came but those named, who were absent.
const RE_ALL_BUT = /\b(?:(?:di|den|co mat|du hop)\s+)?(?:du|day du)(?:\s+(?:het|ca|het tron))?\s+tru\s+(?=(?:(?:chu|anh|chi|co|bac|ong|ba|em|dc|d\/c|dong chi)\s+)?\S)/;
// "có mặt 14 chính thức với 2 dự bị": the full and the probationary members present, counted apart.
const RE_PRESENT_BY_KIND = /\b(co mat|du|den|tham du)\s+(\d{1,3})\s+(?:dv\s+|dang vien\s+|dong chi\s+)?chinh thuc\s+(?:voi|va|\+|,)\s+(\d{1,3})\s+(?:dv\s+|dang vien\s+|dong chi\s+)?du bi\b/;

/**
 * `p` with two spoken ways of counting said plainly, each in the same number of characters (so that every span read
 * stands where it stood): "đi đủ hết trừ A với B" as "vắng A với B", "có mặt 14 chính thức với 2 dự bị" as "có mặt 16".
 */
function asCounted(p: Prepared): Prepared {
  const { text, f } = p;
  const edits: Edit[] = [];
  const but = f.includes("tru ") ? RE_ALL_BUT.exec(f) : null;
  if (but && /^\s*(?:\S+\s+)?\p{Lu}/u.test(text.slice(but.index + but[0].length, but.index + but[0].length + 12))) {
    edits.push({ start: but.index, end: but.index + but[0].length, with: "vắng".padEnd(but[0].length, " ") });
  }
  const kinds = f.includes("chinh thuc") ? RE_PRESENT_BY_KIND.exec(f) : null;
  if (kinds) {
    const verb = text.slice(kinds.index, kinds.index + (kinds[1] as string).length);
    edits.push({ start: kinds.index, end: kinds.index + kinds[0].length, with: `${verb} ${Number(kinds[2]) + Number(kinds[3])}`.padEnd(kinds[0].length, " ") });
  }
  if (edits.length === 0) return p;
  const said = spliceEdits(text, edits);
  return { ...p, text: said, f: foldSameLength(said) };
}

const RE_ALL_PRESENT =
  /(?:khong|ko|k|kg|hok)\s+(?:ai|co ai|co dv nao|co dong chi nao|co ai)\s+vang|(?:khong|ko|k)\s+(?:co\s+)?vang\b|\b(?:vang|vm)\s*:?\s*(?:0|khong)\b(?!\s*(?:ly do|ld|phep|co ly do|bao))|du 100%|100%\s*(?:dang vien\s*|dv\s*)?(?:co mat|du|tham du)|co mat day du|day du 100%|co mat du\b|du ca\b|co mat (?:tat ca|toan bo)/g;
const CATEGORY = `(${UNEXCUSED}|${EXEMPT}|${EXCUSED})`;
const RE_ABSENT_TOTAL = new RegExp(`${WORD_START}(?:vang|vm|v(?=\\s*:?\\s*\\d+\\s*(?:cld|kld|msh|co ly do|ko ly do|khong ly do)))(?:\\s+mat)?\\s*(?:la|:)?\\s*(${COUNT})${WORD_END}(?!\\s?[/.]\\s?\\d)`, "g");
const RE_ABSENT_QUALIFIED_FIRST = new RegExp(`${WORD_START}(?:vang|vm)(?:\\s+mat)?\\s*${CATEGORY}\\s*(?:la|:)?\\s*(${COUNT})?\\b`, "g");
const RE_ABSENT_NOUN_FIRST = new RegExp(
  `${COUNT_STARTS}(?:(?<![\\d/.,:])(${COUNT})\\s*${MEMBER_NOUN}|(?<=(?:^|[(,;:\\n-])\\s*)(${COUNT}))[ \\t]*(?:vang|vm)(?:\\s+mat)?\\s*(?:\\(\\s*)?(?:deu\\s+)?${CATEGORY}?`,
  "g",
);
// What RE_ABSENT_NOUN_FIRST has right before its "vắng": a count's last digit or word, or a member noun.
const RE_COUNT_OR_NOUN_END = new RegExp(`(?:\\d|mot|hai|ba|bon|tu|nam|lam|sau|bay|tam|chin|muoi|ham|tram|ruoi|linh|le|chuc|${MEMBER_NOUN})$`);

/**
 * Whether some "vắng"/"vm" has a count or a member noun right before it ("2 đv vắng", "(2 vắng"), as every match of
 * RE_ABSENT_NOUN_FIRST does: that regex tries a count at nearly every letter of the message, this looks only where
 * "vắng" is written.
 */
function countedBeforeAbsent(f: string): boolean {
  for (const word of ["vang", "vm"]) {
    for (let i = f.indexOf(word); i >= 0; i = f.indexOf(word, i + 1)) {
      let j = i;
      while (j > 0 && (f[j - 1] === " " || f[j - 1] === "\t")) j--;
      if (RE_COUNT_OR_NOUN_END.test(f.slice(Math.max(0, j - 9), j))) return true;
    }
  }
  return false;
}
const RE_NOBODY_BEFORE = /\b(?:khong|ko|k|kg|hok)\s+(?:co\s+)?(?:ai|dong chi nao|dc nao|d\/c nao|dv nao|dang vien nao)\s+$/;
const RE_COUNT_BEFORE_ABSENT = new RegExp(`(?:(?:^|[(,;:\\n-])\\s*(?:${COUNT})|(?<![\\d/.,:])(?:${COUNT})\\s*${MEMBER_NOUN})[ \\t]*$`);
const RE_BREAKDOWN = new RegExp(`${COUNT_STARTS}(?<![\\d/.,:])(${COUNT})\\s*(?:${MEMBER_NOUN}\\s*)?(?:vang\\s*)?(?:deu\\s*)?(?:\\(\\s*)?${CATEGORY}${WORD_END}`, "g");
const RE_BREAKDOWN_LABEL = new RegExp(`${CATEGORY}\\s*:\\s*(${COUNT})${WORD_END}`, "g");
// The colon and count every label above ends with: found at once, while the labels are tried at every letter.
const RE_COLON_COUNT = new RegExp(`:\\s*${COUNT}`, "g");
// "1 đc ốm", "2 đ/c đi làm Bình Dương chưa về có báo": the kind of reason may close the clause.
const RE_ABSENT_REASON_ONLY = new RegExp(`${COUNT_STARTS}(?<![\\d/.,:])(${COUNT})\\s*${MEMBER_NOUN}\\s*(?:deu\\s*)?(?:[^\\d,.;:()\\n]{0,40}?\\s)?${CATEGORY}${WORD_END}`, "g");
const RE_COMRADE = new RegExp(`(?:^|[\\s(,:;-])${COMRADE}\\s`, "g");
const RE_COMRADE_AGAIN = new RegExp(`^${COMRADE}\\s+`);
/** The words of a plain list of alternatives ("(?:kld|k ld|…)", no other regex syntax), to look a word up in. */
function wordsOf(alternatives: string): ReadonlySet<string> {
  const inner = alternatives.slice(3, -1);
  if (!alternatives.startsWith("(?:") || /[\\()[\]?*+.{}^$]/.test(inner)) throw new Error(`not a plain word list: ${alternatives}`);
  return new Set(inner.split("|"));
}
const UNEXCUSED_WORDS = wordsOf(UNEXCUSED);
const EXEMPT_WORDS = wordsOf(EXEMPT);
const RE_REASON_UNEXCUSED = new RegExp(`${WORD_START}${UNEXCUSED}${WORD_END}`);
const RE_LEAVE_SAID = /\b(?:co ly do|co phep|xin phep|co bao cao|cld)\b/;
const RE_REASON_EXCUSED = new RegExp(`${WORD_START}${EXCUSED}${WORD_END}`);
// "đồng chí Khúc Thị Vân và đồng chí Cù Văn Lợi vắng vì ốm": two comrades named, then "vắng".
const RE_NAMED_THEN_ABSENT = new RegExp(`(?<=^|[\\s(,:;-])${COMRADE}\\s+(?:(?:\\p{L}+\\s+){0,3}\\p{L}+(?:\\s+va|\\s*,)\\s+${COMRADE}\\s+)?(?:\\p{L}+\\s+){1,4}vang${WORD_END}(?!\\s*:?\\s*\\d)`, "gu");
// ("đồng chí Y Khoa Mlô phó chủ tịch UBND xã dự …": the commune's chairman or his deputy, come to the meeting.)
const RE_NOT_ABSENT = new RegExp(`^(?:\\(?\\s*)(?:(?:ben|o|cua|tren)\\s+)?(?:duv|cuv|cap uy|dang uy|btv|du${WORD_END}|tham du|co mat|trinh bay|chu tri|bao cao|ghi bien ban|phu trach|(?:pho\\s+)?chu tich\\s+(?:ubnd\\s+|ub\\s+|uy ban nhan dan\\s+)?(?:xa|phuong|thi tran)${WORD_END}[^,.;]{0,12}${WORD_START}(?:du|ve du|tham du)${WORD_END})`);
const RE_AMONG = /\b(?:trong do|trong so|trong so do|gom)\b/;
const RE_COUNT_THEN_BRACKET = new RegExp(`^(?:vang|vm)(?:\\s+mat)?\\s*:?\\s*${COUNT}\\s*(?:${MEMBER_NOUN}\\s*)?\\(\\s*${COUNT}\\s`);
const RE_BRACKET_AFTER_COUNT = new RegExp(`^[ \\t]*(?:${MEMBER_NOUN}[ \\t]*)?\\((?=\\s*${COMRADE}\\s)`);
// "đ/c Phan Văn Tiến ủy viên BTV Đảng ủy phường dự và chỉ đạo": a delegate who came.
// "… cán bộ xã có về dự ạ": a particle may close it.
// "… đ/c Phó bí thư Đoàn Văn Kha trình bày": the one who presented came too.
const RE_CAME = /\b(?:ve du|du va chi dao|du va phat bieu(?: chi dao)?|du hop|du|trinh bay|chu tri)(?:\s+(?:a|nha|nhe|roi))?\s*[.)]?$/;
const RE_EXEMPT_LEAD = /^(?:(?:da\s+)?duoc\s+)?(?:msh|mien sh|mien sinh hoat)(?:\s+(?:do|vi|boi vi|ly do))?\s*[(:,–-]?\s*(?=[^\s(:,–-]|$)/;
const RE_REASON_EXEMPT = /\b(?:msh|mien sh|mien sinh hoat)\b/;

const RE_ABSENCE_HINT = /\bvang|\bvm\b|\bv\s*:?\s*\d|\d\s*(?:dv|dc|d\/c|dong chi|nguoi)\b/;

type Category = "excused" | "unexcused" | "exempt";

function categoryOf(word: string): Category {
  if (UNEXCUSED_WORDS.has(word)) return "unexcused";
  if (EXEMPT_WORDS.has(word)) return "exempt";
  return "excused";
}

const RE_MEMBERS_THEN_HAVE = /(?<![\d.,/])(\d{1,3})\s*(?:dv|dang vien|d\/c|dong chi)(?:\s+(?:het|tat ca))?\s*[,;]\s*co\s+(\d{1,3})\b(?!\s*(?:ho|khau|nguoi dan|hoi vien)\b)(?=[^.\n]{0,20}\bvang\b)/g;

/** The members (`re`'s first group) and those of them who came (its second), from f[from, to), into `a`. */
function membersThenCame(f: string, from: number, to: number, re: RegExp, a: Attendance): void {
  re.lastIndex = from;
  const m = re.exec(f);
  const expected = m && m.index < to ? parseCount(m[1] as string) : null;
  const present = m && m.index < to ? parseCount(m[2] as string) : null;
  if (m && expected !== null && present !== null && expected > 0 && present <= expected) {
    a.present = present;
    a.expected = expected;
    a.spans.push({ start: m.index, end: m.index + m[0].length });
  }
}

/** Reads attendance from f[from, to). */
export function readAttendance(said: Prepared, from: number, to: number): Attendance {
  const p = asCounted(said);
  const f = p.f;
  const a: Attendance = { absentees: [], spans: [] };
  let m: RegExpExecArray | null;

  for (const re of [RE_PRESENT_AFTER_VERB, RE_PRESENT_BEFORE_VERB, RE_PRESENT_NOUN]) {
    re.lastIndex = from;
    while ((m = re.exec(f)) && m.index < to) {
      const present = parseCount(m[1] as string);
      const expected = m[2] !== undefined ? parseCount(m[2]) : null;
      if (present === null) continue;
      // "có" alone only counts with a denominator ("có 25/27").
      if (re === RE_PRESENT_AFTER_VERB && /^co\s/.test(m[0]) && !/^co mat/.test(m[0]) && expected === null) continue;
      if (expected === 0) continue;
      a.present = present;
      if (expected !== null) a.expected = expected;
      let end = m.index + m[0].length;
      // "có mặt 22 à nhầm 23 đ/c trên 25", "có mặt 16 đồng chí à không 17 đồng chí": the count said again after a slip.
      const again = expected === null && (f.includes("nham", end) || f.includes("khong", end)) ? RE_COUNT_SLIP.exec(f.slice(end, Math.min(to, end + 60))) : null;
      const n = again ? parseCount(again[1] as string) : null;
      if (again && n !== null) {
        a.present = n;
        const e = again[2] !== undefined ? parseCount(again[2]) : null;
        if (e) a.expected = e;
        end += again[0].length;
      }
      a.spans.push({ start: m.index, end });
      break;
    }
    if (a.present !== undefined) break;
  }

  // "Đảng viên có 11 người, đến 9 người": the members, then how many of them came.
  if (a.present === undefined && (f.includes("dv") || f.includes("dang vien"))) membersThenCame(f, from, to, RE_HAVE_THEN_CAME, a);
  // "31 đv hết, có 27, vắng 4": the members said whole, then "có" and those who came.
  if (a.present === undefined && f.includes(" co ")) membersThenCame(f, from, to, RE_MEMBERS_THEN_HAVE, a);

  // "tổng số 47, miễn sinh hoạt 6, phải dự 41": those bound to attend, over the whole cell.
  RE_EXPECTED.lastIndex = from;
  let whole: number | null = null;
  while ((m = RE_EXPECTED.exec(f)) && m.index < to) {
    const n = parseCount(m[1] as string);
    if (n !== null && n > 0) {
      const bound = m[0].includes("phai");
      if (whole !== null && !bound) break;
      if (whole !== null && a.expected === whole && n < whole) a.expected = n;
      a.expected ??= n;
      a.spans.push({ start: m.index, end: m.index + m[0].length });
      if (bound || !f.includes("phai", m.index)) break;
      whole = n;
    }
  }

  RE_ALL_PRESENT.lastIndex = from;
  while ((f.includes("vang") || f.includes("vm") || f.includes("du") || f.includes("co mat")) && (m = RE_ALL_PRESENT.exec(f)) && m.index < to) {
    a.allPresent = true;
    a.spans.push({ start: m.index, end: m.index + m[0].length });
    break;
  }

  const labelledOnly = readAbsences(p, from, to, a);
  // "Miễn SH | 2", "tổng số dv 38, miễn sh 5, có mặt 31": the exempt counted on their own, apart from "vắng".
  if (a.exempt === undefined && (f.includes("mien") || f.includes("msh"))) {
    RE_EXEMPT_ALONE.lastIndex = from;
    while ((m = RE_EXEMPT_ALONE.exec(f)) && m.index < to) {
      if (a.spans.some((s) => m!.index >= s.start && m!.index < s.end)) continue;
      const n = parseCount((m[1] ?? m[2]) as string);
      if (n === null) continue;
      a.exempt = n;
      a.spans.push({ start: m.index, end: m.index + m[0].length });
      // "Hiện diện 33/40 (miễn SH 5, vắng có lý do 2)": the absences counted by their kind alone, the exempt apart;
      // together they make up those missing.
      if (labelledOnly && a.absentTotal !== undefined && a.present !== undefined && a.expected !== undefined && a.present + a.absentTotal + n === a.expected) {
        a.absentTotal += n;
      }
      break;
    }
  }
  return a;
}

const RE_EXEMPT_ALONE = new RegExp(
  `(?<=^|[\\s,;(])(?:(?:so\\s+)?(?:dv|dang vien|d\\/c)\\s+)?(?:duoc\\s+)?(?:mien sh|mien sinh hoat|msh)\\s*(?:la|:)?\\s*(${COUNT})${WORD_END}(?!\\s?[/.]\\s?\\d)|(?<![\\d/.,:])(${COUNT})\\s*${MEMBER_NOUN}\\s*(?:duoc\\s+)?(?:mien sh|mien sinh hoat|msh)${WORD_END}`,
  "g",
);

/** A bare "a/b" fraction not claimed as a date: present/expected. */
export function bareFractions(p: Prepared, from: number, to: number): { present: number; expected: number; span: Span }[] {
  const out: { present: number; expected: number; span: Span }[] = [];
  RE_FRACTION.lastIndex = from;
  let m: RegExpExecArray | null;
  while ((m = RE_FRACTION.exec(p.f)) && m.index < to) {
    const a = Number(m[1]);
    const b = Number(m[2]);
    // "30/27": more present than expected (temporarily attached members) is still attendance,
    // but "13/12" is a date.
    if (b === 0 || (a > b && (b <= 12 || a > 2 * b))) continue;
    out.push({ present: a, expected: b, span: { start: m.index, end: m.index + m[0].length } });
  }
  return out;
}

interface Counts {
  excused: number;
  unexcused: number;
  exempt: number;
}

interface Breakdown extends Counts {
  /** Where the first group's count starts. */
  firstAt: number;
}

/** Reads the absences into `a`; true when their total was only counted by kind ("vắng có lý do 2"), no "vắng N". */
function readAbsences(p: Prepared, from: number, to: number, a: Attendance): boolean {
  const f = p.f;
  if (!RE_ABSENCE_HINT.test(f)) return false;
  const regions: Span[] = [];
  /** Counts already read as present or expected ("có mặt 27 đồng chí vắng 2": 27 came). */
  const claimed = a.spans.slice();
  let total: number | null = null;
  const counts: Counts = { excused: 0, unexcused: 0, exempt: 0 };
  let anyCategory = false;
  let m: RegExpExecArray | null;
  /** How many each "vắng N" region counted, by where it starts. */
  const totalAt = new Map<number, number>();
  // "vắng"/"vm" written out (not "v: 2 cld"): the regexes below that need one are only run then.
  const saysAbsent = f.includes("vang") || f.includes("vm");
  /** Whether a total was counted by kind only ("vắng có lý do 2"), and whether one was counted plainly ("vắng 3"). */
  let qualified = false;
  let plain = false;


  RE_ABSENT_TOTAL.lastIndex = from;
  while ((m = RE_ABSENT_TOTAL.exec(f)) && m.index < to) {
    if (inSpans(regions, m.index)) continue;
    const n = parseCount(m[1] as string);
    if (n === null) continue;
    let end = regionEnd(f, Math.min(to, clauseEnd(f, m.index)), to);
    // "vắng 3: Phạm Thị Liên - ốm; Lê Văn Mạnh - đi công tác; Trịnh Xuân Hòa - không lý do": one named a piece.
    // "vắng 3: đ/c A (đi viện), đ/c B (…) có lý do; đ/c C k lý do": or a comrade word before each.
    for (let k = 1; k < n && end < to && f[end] === ";" && readName(p, nameAfterSemicolon(f, end + 1), false); k++) end = Math.min(to, clauseEnd(f, end + 1));
    // "Vắng: 06 đ/c, trong đó: miễn SH 03; có lý do 02 (…); không lý do 01 (…)": the next group, its label and count.
    // "vang 3: 2 co ly do Pham Van Dung (om), …; 1 k ly do Do Thi Hoa": or its count, its kind and its names.
    while (end < to && f[end] === ";" && (RE_GROUP_NEXT.test(f.slice(end + 1, end + 40)) || RE_GROUP_BRACKET.test(f.slice(end + 1, end + 40)))) {
      end = Math.min(to, clauseEnd(f, end + 1));
      // "… 03 đ/c vắng có lý do (đ/c A - đi làm ăn xa; đ/c B - ốm)": the bracket's own ";" ends nothing.
      const open = f.lastIndexOf("(", end);
      if (open > m.index && f.lastIndexOf(")", end) < open) {
        const close = f.indexOf(")", end);
        if (close > 0 && close < to) end = Math.min(to, clauseEnd(f, close));
      }
    }
    // "vắng 2 (đ/c A đi trực, đ/c B con ốm), đ/c C … dự": the bracket after the count holds the absent.
    const countEnd = m.index + m[0].length;
    const paren = f.indexOf("(", countEnd);
    const bracket = paren >= 0 && paren < countEnd + 16 ? RE_BRACKET_AFTER_COUNT.exec(f.slice(countEnd, countEnd + 16)) : null;
    if (bracket) {
      const close = f.indexOf(")", countEnd + bracket[0].length);
      if (close > 0 && close < end) end = close + 1;
    }
    regions.push({ start: m.index, end });
    total = (total ?? 0) + n;
    plain = true;
    let counted = n;
    const countAt = m.index + m[0].length - (m[1] as string).length;
    const local = breakdown(p, countAt, end);
    if (local) {
      anyCategory = true;
      counts.excused += local.excused;
      counts.unexcused += local.unexcused;
      counts.exempt += local.exempt;
      // "vắng 2 cld, 1 msh", "vắng 1 cld 1 kld": the stated count is the first group, not the total.
      const sum = local.excused + local.unexcused + local.exempt;
      if (local.firstAt === countAt && sum > n) {
        total += sum - n;
        counted = sum;
      }
    }
    totalAt.set(m.index, counted);
    a.spans.push({ start: m.index, end });
  }

  RE_ABSENT_QUALIFIED_FIRST.lastIndex = from;
  while (saysAbsent && (m = RE_ABSENT_QUALIFIED_FIRST.exec(f)) && m.index < to) {
    if (inSpans(regions, m.index)) continue;
    // "2 vắng có phép (…), 1 miễn sh": counted before "vắng", read with the count below.
    if (RE_COUNT_BEFORE_ABSENT.test(f.slice(Math.max(0, m.index - 30), m.index)) && !inSpans(claimed, m.index - 2)) continue;
    const end = Math.min(to, clauseEnd(f, m.index));
    const category = categoryOf(m[1] as string);
    let n = m[2] !== undefined ? parseCount(m[2]) : null;
    let start = m.index;
    if (n === null) n = namesIn(p, m.index + m[0].length, end).length;
    // "Đ/c Nguyễn Văn Lành (ốm), đ/c Huỳnh Thị Nga (về quê chồng) vắng có phép": those named before it, each with a reason.
    // "đ/c Phan Văn Út vắng không lý do": or one named right before it.
    if (n === 0) {
      const cs = clauseStart(f, m.index);
      const named = namesIn(p, cs, m.index);
      if (named.length > 0 && named.every((x) => x.reasonF === undefined ? named.length === 1 : x.parenthesized && !RE_NOT_ABSENT.test(x.reasonF) && !RE_CAME.test(x.reasonF))) {
        n = named.length;
        start = cs;
      }
    }
    regions.push({ start, end });
    // "vắng: 6 đ/c (có lý do: 02; miễn sinh hoạt: 04).\n Vắng có lý do: đ/c A (…), đ/c B (…)": the names of a group
    // already counted, no more absent.
    const namesOfCounted = m[2] === undefined && plain && counts[category] >= n;
    if (n > 0 && !namesOfCounted) {
      counts[category] += n;
      total = (total ?? 0) + n;
      qualified = true;
      anyCategory = true;
      // "vắng có lý do 1, không lý do 1": more groups written label first.
      if (m[2] !== undefined) {
        const more = labelsAfter(p, m.index + m[0].length, end);
        counts.excused += more.excused;
        counts.unexcused += more.unexcused;
        counts.exempt += more.exempt;
        total += more.excused + more.unexcused + more.exempt;
      }
    }
    a.spans.push({ start: m.index, end });
    // "Vắng có lý do: A Blứk (ốm), Y Hiên (…); ko lý do: A Thuyên, Y Dưi": the next group, its label and its names.
    let next: RegExpExecArray | null;
    for (let at = end; m[2] === undefined && at < to && (next = RE_NEXT_GROUP_NAMED.exec(f.slice(at, at + 40))); ) {
      const groupEnd = Math.min(to, clauseEnd(f, at + 1));
      const named = namesIn(p, at + 1, groupEnd).length;
      if (named === 0) break;
      // Counted with the first group when it was; else the names read below count both groups.
      if (n > 0 && !namesOfCounted) {
        counts[categoryOf(next[1] as string)] += named;
        total = (total ?? 0) + named;
      }
      regions.push({ start: at + 1, end: groupEnd });
      a.spans.push({ start: at + 1, end: groupEnd });
      at = groupEnd;
    }
  }

  // "2 đv vắng có lý do", "(2 vắng có lý do)".
  RE_ABSENT_NOUN_FIRST.lastIndex = from;
  const countedAbsent = saysAbsent && countedBeforeAbsent(f);
  while (countedAbsent && (m = RE_ABSENT_NOUN_FIRST.exec(f)) && m.index < to) {
    if (inSpans(regions, m.index) || inSpans(claimed, m.index)) continue;
    const n = parseCount((m[1] ?? m[2]) as string);
    if (n === null) continue;
    // "có mặt hai mươi trên hai mươi hai đồng chí vắng hai": the whole of a fraction, not the absent.
    if (/(?:\btren|\/)\s*$/.test(f.slice(Math.max(0, m.index - 6), m.index))) continue;
    // "4 đồng chí vắng: 3 có lý do (…), 1 đ/c miễn sinh hoạt": the count before "vắng" is the whole; what
    // "vắng: 3 …" counted was its first group.
    const after = m.index + m[0].length;
    const inner = regions.find((r) => r.start > m!.index && r.start < after && totalAt.has(r.start));
    if (inner && total !== null) {
      total += n - (totalAt.get(inner.start) as number);
      inner.start = m.index;
      continue;
    }
    const end = Math.min(to, clauseEnd(f, m.index));
    regions.push({ start: m.index, end });
    // "vắng 3. …, 3 đc vắng đều có lý do": the same absent told again with their reason, no more of them.
    const again = total === n && m[3] !== undefined && !anyCategory;
    if (!again) total = (total ?? 0) + n;
    plain = true;
    if (m[3] !== undefined) {
      counts[categoryOf(m[3])] += n;
      anyCategory = true;
      // "2 vắng có phép (Thạch Sô Phol - …, …), 1 miễn sh", "2 đ/c vắng có lý do, 1 không lý do": the groups after it.
      let next = m.index + m[0].length;
      const open = /^\s*\(/.exec(f.slice(next, next + 4));
      if (open) {
        const close = f.indexOf(")", next);
        next = close > 0 && close < end ? close + 1 : end;
      }
      const more = next < end ? breakdown(p, next, end) : null;
      if (more && !again) {
        counts.excused += more.excused;
        counts.unexcused += more.unexcused;
        counts.exempt += more.exempt;
        total = (total ?? 0) + more.excused + more.unexcused + more.exempt;
      }
    }
    a.spans.push({ start: m.index, end });
  }

  // "23/24 đc có mặt, 1 đc ốm": a count with a reason is an absence too.
  if (total === null) {
    RE_ABSENT_REASON_ONLY.lastIndex = from;
    while ((m = RE_ABSENT_REASON_ONLY.exec(f)) && m.index < to) {
      // "có mặt hai mươi trên hai mươi hai đồng chí vắng đồng chí Vi Văn Pọm không báo": the whole of a fraction.
      if (inSpans(regions, m.index) || inSpans(claimed, m.index) || looksLikeName(p, m.index) || /(?:\btren|\/)\s*$/.test(f.slice(Math.max(0, m.index - 6), m.index))) continue;
      const n = parseCount(m[1] as string);
      if (n === null) continue;
      const end = Math.min(to, clauseEnd(f, m.index, true));
      regions.push({ start: m.index, end });
      total = (total ?? 0) + n;
      plain = true;
      counts[categoryOf(m[2] as string)] += n;
      anyCategory = true;
      a.spans.push({ start: m.index, end });
    }
  }

  // Absentees by name, in each absence region, or after a bare "vắng:".
  // "vắng Néang Sa Rin (sinh con), Chau Ty (…)": names straight after "vắng", capitalised.
  RE_VANG_COLON.lastIndex = from;
  while (saysAbsent && (m = RE_VANG_COLON.exec(f)) && m.index < to) {
    // "đ/c Vàng Thị Dợ vắng do …": the Mông surname Vàng folds like "vắng".
    if (inSpans(regions, m.index) || p.text.slice(m.index, m.index + 4) === "Vàng") continue;
    // "có mặt đủ 37 đồng chí không ai vắng đồng chí Phương … dự": nobody absent; the comrade named after came.
    if (RE_NOBODY_BEFORE.test(f.slice(Math.max(0, m.index - 24), m.index))) continue;
    const after = m.index + m[0].length;
    // "vắng chú Năm Lợi đi đám giỗ": a kinship word before the name, as the South speaks of its elders.
    const nameAt = skipKin(p, after);
    if (!m[0].endsWith(":") && !/^(?:d\/c|dc|dong chi|d\.c)\s/.test(f.slice(after, after + 10)) &&
      !(UPPER_START.test(p.text.slice(nameAt, nameAt + 1)) && readName(p, nameAt, false))) continue;
    let end = regionEnd(f, Math.min(to, clauseEnd(f, m.index)), to);
    // "Họ tên đảng viên vắng: Đinh Văn Cường (có lý do - nằm viện); Hà Văn Tỉnh (không lý do)": one named a piece.
    while (m[0].endsWith(":") && end < to && f[end] === ";" && RE_NAMED_PIECE.test(p.text.slice(nameAfterSemicolon(f, end + 1), nameAfterSemicolon(f, end + 1) + 60))) {
      end = Math.min(to, clauseEnd(f, end + 1));
    }
    regions.push({ start: m.index, end });
  }
  // "(đ/c Sùng A Lử vắng ko báo)": a comrade named first, then "vắng" and the reason.
  if (total === null && f.includes("vang")) {
    RE_NAMED_THEN_ABSENT.lastIndex = from;
    while ((m = RE_NAMED_THEN_ABSENT.exec(f)) && m.index < to) {
      if (inSpans(regions, m.index) || RE_NOBODY_BEFORE.test(f.slice(Math.max(0, m.index - 12), m.index + m[0].length - 4))) continue;
      regions.push({ start: m.index, end: Math.min(to, clauseEnd(f, m.index)) });
      a.spans.push({ start: m.index, end: Math.min(to, clauseEnd(f, m.index)) });
    }
  }
  // A name two regions share ("vắng 2 đồng chí trong đó đồng chí …") is one absentee.
  const seen = new Set<string>();
  for (const r of regions) {
    // The qualifier right after "vắng" (before any name) applies to every name.
    const named = namesIn(p, r.start, r.end, regions.length === 1 ? total : null);
    const firstName = f.slice(r.start, r.end).search(RE_FIRST_NAME);
    // "vắng Thạch Sô Phia đau chân, Kim Sa Rương không báo": before the first name read, too.
    const headEnd = Math.min(firstName < 0 ? r.end : r.start + firstName, named[0]?.at ?? r.end);
    const regionCategory = soleCategory(f.slice(r.start, headEnd));
    // "đ/c Sáng, đ/c Hoa đi làm xa": a name without a reason shares the next one's.
    for (let k = named.length - 2; k >= 0; k--) {
      const cur = named[k] as NamedAbsence;
      const next = named[k + 1] as NamedAbsence;
      // "(đ/c Phạm Văn Quyết), 2 đồng chí có lý do (đ/c Bùi Thị Thoa – đi viện; …)": not across a bracket.
      const between = cur.at !== undefined && next.at !== undefined ? f.slice(cur.at, next.at) : "";
      // "(không lý do: A; có lý do: B – nằm viện)": nor across the next group's label.
      // "… và đồng chí Phạm Thị Lụa có đồng chí Nguyễn Văn Toàn đảng ủy viên phường dự": nor a delegate's title.
      // "… anh Sáu Lượm và chị Bé Năm, còn ông Út Hai không báo": nor across "còn", which sets the next one apart.
      // ("đ/c Đinh Văn Xá và đ/c Đinh Thị Bơ (có lý do – đi làm rẫy xa)": two joined by "và", the bracket after both is theirs.)
      const joined = next.parenthesized === true && cur.at !== undefined && RE_JOINED_ONLY.test(f.slice(cur.at + cur.name.length, next.at));
      if (!cur.reasonF && next.reasonF && (!next.parenthesized || joined) && !/[()]/.test(between) && !RE_GROUP_LABEL.test(between) && !RE_SET_APART.test(between) &&
        !RE_NOT_ABSENT.test(next.reasonF) && !RE_CAME.test(next.reasonF)) {
        cur.reasonF = next.reasonF;
        cur.reason = next.reason as string;
      }
    }
    for (const ab of named) {
      if (seen.has(ab.name)) continue;
      seen.add(ab.name);
      const reasonF = ab.reasonF;
      // "vắng 3 (2 có lý do, 1 ko lý do là đ/c Vàng A Tủa)": the qualifier nearest before the name.
      const near = ab.at !== undefined && !reasonF ? lastCategory(f.slice(r.start, ab.at)) : null;
      // "1 đồng chí không lý do (đ/c …), 2 đồng chí có lý do (đ/c … – đi viện; …)": the group counted before the name.
      const group = ab.at !== undefined && reasonF && regionCategory !== null ? lastGroup(f.slice(r.start, ab.at)) : null;
      // "vắng 2 cld, dc Khoa DUV dự": a delegate who came, not an absentee.
      if (reasonF && (RE_NOT_ABSENT.test(reasonF) || RE_CAME.test(reasonF))) continue;
      const absentee: Absentee = { name: ab.name, excused: null };
      // "đ/c Sùng A Lử vắng ko báo": the reason is what follows "vắng".
      // "đồng chí Lò Văn Ún vắng mặt vì đi chữa bệnh": "vắng mặt" too.
      // "đ/c Giàng Thị Mỷ vắng do sinh con": nor "do"/"vì" before the reason.
      // "… vắng có lý do - đi làm ăn xa": nor the kind said before a dash.
      const lead = reasonF ? /^vang(?:\s+mat)?\s+(?:(?:do|vi|boi vi|boi)\s+|(?:co|khong|ko|k)\s+ly do\s*[-–:]\s*)?/.exec(reasonF) : null;
      if (ab.reason) absentee.reason = lead && lead[0].length < ab.reason.length ? ab.reason.slice(lead[0].length) : ab.reason;
      // "có phép, đi Buôn Ma Thuột chữa bệnh", "có lý do (đi nương xa)": the leave said first, the reason after it.
      const leaveFirst = absentee.reason ? RE_LEAVE_FIRST.exec(foldSameLength(absentee.reason)) : null;
      if (leaveFirst && leaveFirst[0].length < (absentee.reason as string).length) absentee.reason = (absentee.reason as string).slice(leaveFirst[0].length).replace(/\)$/, "");
      // "đ/c Lù Văn Páo vắng không lý do": "vắng" and the leave, no reason.
      // "ông Út Hai hổng có báo gì hết trơn": the leave not asked, said at length, no reason either.
      if (absentee.reason !== undefined && (/^v[aắ]ng(?: m[aặ]t)?$/i.test(absentee.reason) || RE_ONLY_NO_LEAVE.test(foldSameLength(absentee.reason).toLowerCase()))) delete absentee.reason;
      if (reasonF && RE_REASON_EXEMPT.test(reasonF)) {
        absentee.exempt = true;
        absentee.excused = true;
        // "Miễn sinh hoạt (tuổi cao, sức yếu)", "miễn sinh hoạt do tuổi cao": the exemption is the kind, what is after it
        // the reason ("miễn SH" alone stays what was written).
        const exemptLead = absentee.reason !== undefined ? RE_EXEMPT_LEAD.exec(foldSameLength(absentee.reason).toLowerCase()) : null;
        const rest = exemptLead ? (absentee.reason as string).slice(exemptLead[0].length).replace(/\)\s*$/, "").trim() : "";
        if (rest !== "") absentee.reason = rest;
      } else if (reasonF && RE_REASON_UNEXCUSED.test(reasonF)) absentee.excused = false;
      // "+ 01 đồng chí miễn sinh hoạt;\n+ Đ/c Lương Văn Thịnh: đi làm ăn (có lý do)": the leave said with the reason is hers.
      else if (reasonF && RE_LEAVE_SAID.test(reasonF)) absentee.excused = true;
      else if (group === "excused") absentee.excused = true;
      else if (near === "unexcused") absentee.excused = false;
      else if (near === "exempt") {
        absentee.excused = true;
        absentee.exempt = true;
      } else if (near === "excused") absentee.excused = true;
      else if (regionCategory === null && reasonF) absentee.excused = true;
      else if (regionCategory === "unexcused") absentee.excused = false;
      else if (regionCategory === "exempt") {
        absentee.excused = true;
        absentee.exempt = true;
      } else if (regionCategory === "excused" || reasonF) absentee.excused = true;
      // "mới sinh con 😊": the sender's smile is no part of the reason.
      if (absentee.reason !== undefined) absentee.reason = absentee.reason.replace(RE_TRAILING_PICTURES, "");
      // "bí thư Hà Văn Khiêm đang nằm viện … vắng 3 trong đó đ/c Khiêm ốm nằm viện": the given name alone is the full name
      // said before it.
      if (!absentee.name.includes(" ") && /^\p{Lu}/u.test(absentee.name)) {
        const full = fullNamesEndingWith(p.text, absentee.name);
        if (full.size === 1) absentee.name = [...full][0] as string;
      }
      a.absentees.push(absentee);
    }
  }

  if (a.absentees.length > 0 && !anyCategory && (total === null || total === a.absentees.length) && a.absentees.every((x) => x.excused !== null)) {
    total = a.absentees.length;
    for (const ab of a.absentees) {
      if (ab.exempt) counts.exempt++;
      else if (ab.excused === true) counts.excused++;
      else if (ab.excused === false) counts.unexcused++;
    }
    anyCategory = counts.excused + counts.unexcused + counts.exempt === total;
  }

  // "vắng 1 đ/c (Lương Văn Hợp – đi làm xa có báo cáo)": one absence and only an excusing reason.
  // "vắng 3 đồng chí (đều đi làm ăn xa)": one excusing reason for all of them.
  // "vắng 2, có lý do", "vắng 2, có lý do cả": the count, then one reason for all of them.
  // "vắng 2 đi rẫy xa có báo": the count, what they were doing, and their leave, with nobody named.
  if (total !== null && !anyCategory && a.absentees.length === 0 && (total === 1 || regions.some((r) => RE_DEU.test(f.slice(r.start, r.end)) || RE_ONE_REASON_AFTER_COUNT.test(f.slice(r.start, r.end)) || RE_REASON_THEN_LEAVE.test(f.slice(r.start, r.end))))) {
    const region = regions[0];
    const text = region ? f.slice(region.start, region.end) : "";
    if (RE_REASON_EXCUSED.test(text) && !RE_REASON_UNEXCUSED.test(text) && !RE_REASON_EXEMPT.test(text)) {
      counts.excused = total;
      anyCategory = true;
    } else if (RE_REASON_EXEMPT.test(text) && !RE_REASON_EXCUSED.test(text) && !RE_REASON_UNEXCUSED.test(text)) {
      // "vắng 1 là đc miễn SH": the one absence, exempt.
      counts.exempt = total;
      anyCategory = true;
    }
  }
  // "có mặt 29/33 dv, 2 msh, 2 vắng có phép": the exempt counted in a clause of their own beside the absent.
  if (total !== null && counts.exempt === 0 && (f.includes("msh") || f.includes("mien"))) {
    RE_EXEMPT_CLAUSE.lastIndex = from;
    while ((m = RE_EXEMPT_CLAUSE.exec(f)) && m.index < to) {
      const at = m.index + m[0].indexOf(m[1] as string);
      if (inSpans(regions, at) || inSpans(claimed, at)) continue;
      const n = parseCount(m[1] as string);
      if (n === null || n === 0) continue;
      // "tổng 27 đv, 2 miễn sh, dự 22/25, vắng 3": the exempt outside those bound to come, when the absent already
      // make up the rest.
      if (a.present !== undefined && a.expected !== undefined && a.expected - a.present === total) {
        a.exempt = n;
        break;
      }
      counts.exempt += n;
      total += n;
      if (counts.excused + counts.unexcused > 0) anyCategory = true;
      break;
    }
  }
  // "vắng 3 (2 đi biển, 1 ốm, đều báo)", "vắng 2 …, cả hai đều có lý do": leave said once for every one of them.
  if (total !== null && counts.unexcused === 0 && counts.excused < total - counts.exempt && regions.some((r) => RE_ALL_LEFT.test(f.slice(r.start, r.end)) && !RE_REASON_UNEXCUSED.test(f.slice(r.start, r.end)))) {
    counts.excused = total - counts.exempt;
    anyCategory = true;
  }
  if (total !== null) a.absentTotal = total;
  if (anyCategory) {
    const known = counts.excused + counts.unexcused + counts.exempt;
    const complete = total === null || known >= total;
    if (counts.excused > 0 || complete) a.excused = counts.excused;
    if (counts.unexcused > 0 || complete) a.unexcused = counts.unexcused;
    if (counts.exempt > 0) a.exempt = counts.exempt;
    // "Miễn SH: 0": none exempt, said so.
    else if (RE_EXEMPT_NONE.test(f)) a.exempt = 0;
    // "vắng 2 (1 kld)": the bracket right after the count splits those two.
    const among = !complete && total !== null && regions.some((r) => RE_AMONG.test(f.slice(r.start, r.end)) || RE_COUNT_THEN_BRACKET.test(f.slice(r.start, r.end)));
    if (among && total !== null && (counts.excused === 0) !== (counts.unexcused === 0)) {
      // "vắng 3, trong đó 1 không lý do": the others had reasons (and the other way round).
      const rest = total - known;
      if (counts.excused === 0) a.excused = rest;
      else a.unexcused = rest;
      a.excused ??= counts.excused;
      a.unexcused ??= counts.unexcused;
    } else if (!complete && total !== null) {
      // "vắng 3: 2 có lý do, đ/c Khánh không lý do": the rest are the ones named, each with the same kind of reason.
      const rest = total - known;
      const namedOut = a.absentees.filter((x) => x.excused === false).length;
      const namedIn = a.absentees.filter((x) => x.excused === true && !x.exempt).length;
      // "vắng 3: A đi làm xa, B ốm (cả hai có báo), C không lý do": those named with a reason are the ones counted.
      if (counts.unexcused === 0 && namedOut === rest && namedIn <= counts.excused) {
        a.unexcused = rest;
        a.excused ??= counts.excused;
      } else if (counts.excused === 0 && namedIn === rest && namedOut <= counts.unexcused) {
        a.excused = rest;
        a.unexcused ??= counts.unexcused;
      } else if (counts.excused === 0 && counts.unexcused === 0 && namedIn + namedOut === rest && namedIn > 0 && namedOut > 0) {
        // "Vắng: 3 (A – đi viện; B – đi rừng, không báo; 1 đ/c miễn SH)": the exempt counted, the rest named, each
        // with its kind of reason.
        a.excused = namedIn;
        a.unexcused = namedOut;
      } else if (counts.exempt === 0 && counts.excused === 0 && counts.unexcused > 0 && namedIn === 0 && namedOut <= counts.unexcused) {
        // "vắng 3 có 1 đc ko lý do là đc Trần Văn Béo": one kind counted and named, the rest are the other kind.
        a.excused = rest;
        a.unexcused = counts.unexcused;
      } else if (a.absentees.length === 0 && counts.exempt === 0 && (counts.excused === 0) !== (counts.unexcused === 0)) {
        // "vắng 3, 1 không lý do": one kind counted, the rest are the other kind.
        if (counts.excused === 0) a.excused = rest;
        else a.unexcused = rest;
        a.excused ??= counts.excused;
        a.unexcused ??= counts.unexcused;
      } else if (a.excused === undefined && a.unexcused !== undefined) {
        // Names without a kind of reason: leave it open.
        delete a.unexcused;
      }
    }
  }
  return qualified && !plain;
}

const RE_NEXT_GROUP_NAMED = new RegExp(`^[;\\n]\\s*(?:[-+•*]\\s*)?${CATEGORY}\\s*:\\s*(?![\\d(])`);
const RE_EXEMPT_CLAUSE = new RegExp(`(?:^|[,;]\\s*)(${COUNT})\\s*(?:${MEMBER_NOUN}\\s*)?(?:duoc\\s+)?(?:msh|mien sh|mien sinh hoat)(?=\\s*(?:[,;.\\n]|$))`, "g");
// ("Đảng viên vắng tháng 5: đ/c …": the month between the word and its colon.)
const RE_VANG_COLON = /\b(?:vang|vm)(?:\s+mat)?(?:\s+(?:thang|t)\s?\d{1,2}(?:\s?\/\s?\d{4})?(?=\s*:))?\s*(?::|(?=(?:d\/c|dc|dong chi|d\.c)\s)|[ \t](?=[a-z]))/g;
const RE_COMRADE_LEAD = new RegExp(`^\\s*${COMRADE}\\s+`);
// A capitalised name of two to five words, then its reason in brackets or after a dash.
const RE_EXEMPT_NONE = new RegExp(`${WORD_START}${EXEMPT}\\s*:\\s*(?:0|khong)${WORD_END}(?!\\s*[/.,]\\d)`);
const RE_TRAILING_PICTURES = /[\s\p{Extended_Pictographic}\u200d\ufe0f]+$/u;
const RE_NAMED_PIECE = /^\s*\p{Lu}\p{Ll}*(?:[ \t]+\p{Lu}\p{Ll}*){1,4}[ \t]*(?:\(|[-–:])/u;

/** Where a name after ";" starts: past a comrade word before it. */
function nameAfterSemicolon(f: string, i: number): number {
  // "…; còn Lâm Văn Nhỏ thì không báo": the word joining the last one first.
  const joined = RE_JOINING_LEAD.exec(f.slice(i, i + 8));
  if (joined) i += joined[0].length;
  const m = RE_COMRADE_LEAD.exec(f.slice(i, i + 16));
  return m ? i + m[0].length : i;
}
const RE_JOINING_LEAD = /^\s*(?:con|va)\s+/;

/** Whether `i` falls in one of `spans`. */
function inSpans(spans: readonly Span[], i: number): boolean {
  for (const r of spans) if (i >= r.start && i < r.end) return true;
  return false;
}

function breakdown(p: Prepared, from: number, to: number): Breakdown | null {
  const f = p.f;
  const c: Breakdown = { excused: 0, unexcused: 0, exempt: 0, firstAt: -1 };
  let found = false;
  let m: RegExpExecArray | null;
  // "(có lý do: 2; không lý do: 1)": label first.
  RE_BREAKDOWN_LABEL.lastIndex = from;
  RE_COLON_COUNT.lastIndex = from;
  const colonCount = RE_COLON_COUNT.test(f);
  while (colonCount && (m = RE_BREAKDOWN_LABEL.exec(f)) && m.index < to) {
    const n = parseCount(m[2] as string);
    if (n === null) continue;
    c[categoryOf(m[1] as string)] += n;
    found = true;
  }
  if (found) return c;
  // "vắng 3 đ/c, trong đó không lý do 2": the group named, then its count.
  const among = f.includes("trong") || f.includes("gom") ? RE_AMONG.exec(f.slice(from, to)) : null;
  // "trong đó 4 đồng chí miễn sinh hoạt 1 đồng chí đi công tác …": counts first, read below.
  if (among && !RE_COUNT_FIRST.test(f.slice(from + among.index + among[0].length, to))) {
    const after = labelsAfter(p, from + among.index + among[0].length, to);
    if (after.excused + after.unexcused + after.exempt > 0) return { ...after, firstAt: -1 };
  }
  // "Vắng 8: miễn SH 5, có lý do 2, không lý do 1": the kinds after a colon, each before its count.
  const colon = f.indexOf(":", from);
  // "Vắng: 4 - có phép 2, không phép 2": or after a dash or a comma.
  const listed = (colon >= 0 && colon < to ? RE_COUNT_THEN_COLON.exec(f.slice(from, to)) : null) ?? RE_COUNT_THEN_DASH.exec(f.slice(from, to));
  if (listed) {
    const after = labelsAfter(p, from + listed[0].length, to);
    if (after.excused + after.unexcused + after.exempt > 0) {
      // "Vắng 6: có phép 4, ko phép 1, 1 đ/c miễn sh": a last group counted first, of a kind the labels left out.
      RE_BREAKDOWN.lastIndex = from + listed[0].length;
      while ((m = RE_BREAKDOWN.exec(f)) && m.index < to) {
        const category = categoryOf(m[2] as string);
        const n = parseCount(m[1] as string);
        if (n !== null && after[category] === 0 && !looksLikeName(p, m.index)) after[category] = n;
      }
      return { ...after, firstAt: -1 };
    }
  }
  // "Vắng: 6 (có lý do 3, miễn SH 3)": the kinds in brackets, each before its count.
  const paren = f.indexOf("(", from);
  const bracket = paren >= 0 && paren < to ? RE_COUNT_THEN_LABELS.exec(f.slice(from, to)) : null;
  if (bracket) {
    const open = from + bracket[0].length - 1;
    const close = f.indexOf(")", open);
    const inner = labelsAfter(p, open, close < 0 || close > to ? to : close);
    if (inner.excused + inner.unexcused + inner.exempt > 0) return { ...inner, firstAt: -1 };
  }
  RE_BREAKDOWN.lastIndex = from;
  // "vắng 2 có lý do (1 đc đi viện, 1 đc đi đám cưới)": a bracket that splits the group before it
  // member by member tells their reasons, not more absences.
  let last: { n: number; end: number } | null = null;
  let skipTo = -1;
  const counted = new Set<number>();
  while ((m = RE_BREAKDOWN.exec(f)) && m.index < to) {
    if (m.index < skipTo) continue;
    const n = parseCount(m[1] as string);
    if (n === null || looksLikeName(p, m.index)) continue;
    const category = categoryOf(m[2] as string);
    // "vắng 3 (có lý do: A – đi rẫy; B – sinh con; không lý do: C)": the bracket opens with one group's label and
    // names another group later; the count is all of them, each group counted by its names.
    if (m[0].includes("(") && otherGroupInBracket(f, m.index + m[0].length, to, category)) continue;
    const open = last !== null ? f.indexOf("(", last.end) : -1;
    const close = open >= 0 ? f.indexOf(")", open) : -1;
    if (last && open >= 0 && open < m.index && close > m.index && category !== "exempt" && membersIn(f.slice(open, close)) === last.n) {
      skipTo = close;
      continue;
    }
    if (!found) c.firstAt = m.index;
    counted.add(m.index);
    c[category] += n;
    found = true;
    last = { n, end: m.index + m[0].length };
  }
  // "vắng 1 miễn sinh hoạt, 1 đi bệnh viện Cần Thơ có xin phép", "… 1 đồng chí Trần Quốc Việt không lý do": a group
  // counted, what kept them, then its kind (outside brackets, which tell the reasons of a group already counted).
  if (found) {
    RE_BREAKDOWN_LOOSE.lastIndex = from;
    while ((m = RE_BREAKDOWN_LOOSE.exec(f)) && m.index < to) {
      const end = m.index + m[0].length;
      // "vắng hai đồng chí một đồng chí đi viện …", "vắng ba đồng chí cả ba đều có lý do": a group counted within is no more.
      if (end > to || [...counted].some((at) => at >= m!.index && at < end) || looksLikeName(p, m.index) || f.lastIndexOf("(", m.index) > f.lastIndexOf(")", m.index)) continue;
      // ("vắng sáu đồng chí trong đó bốn đồng chí đi biển … có xin phép": the group within is tried from its own count.)
      if (RE_GROUP_WITHIN.test(f.slice(m.index + (m[1] as string).length, end))) {
        RE_BREAKDOWN_LOOSE.lastIndex = m.index + (m[1] as string).length;
        continue;
      }
      const n = parseCount(m[1] as string);
      if (n === null) continue;
      c[categoryOf(m[2] as string)] += n;
    }
    // "vắng 09, trong đó 05 đ/c miễn sinh hoạt …, vắng có lý do 03, vắng không lý do 01": the other groups written
    // label first, after the one counted first.
    RE_ABSENT_LABEL_THEN_COUNT.lastIndex = from;
    while ((m = RE_ABSENT_LABEL_THEN_COUNT.exec(f)) && m.index < to) {
      const category = categoryOf(m[1] as string);
      const n = parseCount(m[2] as string);
      if (n !== null && c[category] === 0) c[category] = n;
    }
  }
  return found ? c : null;
}
const RE_ABSENT_LABEL_THEN_COUNT = new RegExp(`${WORD_START}vang\\s+${CATEGORY}\\s*:?\\s*(${COUNT})${WORD_END}`, "g");
const RE_GROUP_WITHIN = new RegExp(`(?:^|\\s)(?:${COUNT}|ca|deu|tat ca)\\s+(?:${MEMBER_NOUN}|deu|ca)${WORD_END}|\\s(?:${COUNT})\\s*${MEMBER_NOUN}${WORD_END}`);
const RE_COUNT_FIRST = new RegExp(`^\\s*:?\\s*${COUNT}\\s`);
const RE_BREAKDOWN_LOOSE = new RegExp(`${COUNT_STARTS}(?:(?<=[,;]\\s?)|(?<![\\d/.,:])(?=${COUNT}\\s*${MEMBER_NOUN}\\s))(${COUNT})\\s+(?:${MEMBER_NOUN}\\s+)?(?=[a-z])(?:[^\\d,.;:()\\n]{1,40}?\\s)?${CATEGORY}${WORD_END}`, "g");

/** Whether the bracket going on at `from` names a group of another kind than `category` before it closes. */
function otherGroupInBracket(f: string, from: number, to: number, category: Category): boolean {
  const close = f.indexOf(")", from);
  const inner = f.slice(from, close < 0 || close > to ? to : close);
  if (!/^\s*:/.test(inner)) return false;
  RE_CATEGORY_ANY.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = RE_CATEGORY_ANY.exec(inner))) if (categoryOf(m[1] as string) !== category && /^\s*:/.test(inner.slice(m.index + m[0].length))) return true;
  return false;
}

// ("…, trong đó: miễn sinh hoạt 3; vắng có lý do 2 (…)": "vắng" said again before the group's kind.)
// ("…, trong đó: 02 đ/c miễn sinh hoạt; 03 đ/c vắng có lý do (…)": or the count first.)
const RE_GROUP_NEXT = new RegExp(`^\\s*(?:(?:vang\\s+)?${CATEGORY}\\s*:?\\s*${COUNT}${WORD_END}|${COUNT}\\s*(?:${MEMBER_NOUN}\\s*)?(?:vang\\s+)?${CATEGORY}${WORD_END})`);
const RE_LABEL_THEN_COUNT = new RegExp(`(?:^|[\\s,;(])${CATEGORY}\\s*(?:la|:)?\\s*(${COUNT})${WORD_END}(?!\\s?[/.]\\s?\\d)`, "g");

const RE_COUNT_THEN_COLON = new RegExp(`^\\s*\\S+\\s*(?:${MEMBER_NOUN}\\s*)?:(?=\\s*${CATEGORY})`);
const RE_COUNT_THEN_DASH = new RegExp(`^\\s*(?:vang|vang mat)?\\s*:?\\s*\\d+\\s*(?:${MEMBER_NOUN}\\s*)?[-–,](?=\\s*${CATEGORY}\\s*:?\\s*\\d)`);
const RE_COUNT_THEN_LABELS = new RegExp(`^\\s*:?\\s*\\d+\\s*(?:${MEMBER_NOUN}\\s*)?\\((?=\\s*${CATEGORY}\\s*:?\\s*\\d)`);
// ("(2 đi làm cty ở Bình Dương, 1 ốm nằm viện)": or a bare count opening each piece.)
const RE_MEMBERS_COUNTED = /(?=\d)(?<![\d/.,])(\d+)\s*(?:dc|d\/c|dv|dong chi|dang vien|nguoi)\b|(?<=[(,;]\s?)(\d{1,2})\s(?=[a-z])/g;

/** How many members the counts in `s` add up to ("1 đc đi viện, 1 đc đi đám cưới": 2). */
function membersIn(s: string): number {
  let n = 0;
  RE_MEMBERS_COUNTED.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = RE_MEMBERS_COUNTED.exec(s))) n += Number(m[1] ?? m[2]);
  return n;
}

/** Groups written label first after a first one: ", không lý do 1, miễn sh 1". */
function labelsAfter(p: Prepared, from: number, to: number): Counts {
  const c: Counts = { excused: 0, unexcused: 0, exempt: 0 };
  RE_LABEL_THEN_COUNT.lastIndex = from;
  let m: RegExpExecArray | null;
  while ((m = RE_LABEL_THEN_COUNT.exec(p.f)) && m.index < to) {
    // "có lý do 2 (đ/c … ốm nằm viện, …)": "ốm nằm" inside the bracket is a reason, no group of five.
    if (p.f.lastIndexOf("(", m.index) > Math.max(from, p.f.lastIndexOf(")", m.index))) continue;
    // "đ/c Khiêm ốm nằm viện": "nằm" (lies) folds to "nam", no five.
    const countAt = m.index + m[0].length - (m[2] as string).length;
    if (RE_NOT_FIVE.test(p.text.slice(countAt, countAt + 3))) continue;
    const n = parseCount(m[2] as string);
    if (n !== null) c[categoryOf(m[1] as string)] += n;
  }
  return c;
}

const RE_FIRST_NAME = /(?<!\d\s?)(?:d\/c|dc|dong chi|d\.c)\s|\(/;
const RE_MIDDLE_NAME = /(?:van|thi|duc|dinh)\s$/;

/** "Nông Văn Tư ốm": a number word that is part of a name. */
function looksLikeName(p: Prepared, at: number): boolean {
  const ch = p.text[at] as string;
  if (ch >= "0" && ch <= "9") return false;
  return ch !== ch.toLowerCase() || RE_MIDDLE_NAME.test(p.f.slice(Math.max(0, at - 5), at));
}

const RE_GROUP_LABEL = new RegExp(`[;,]\\s*${CATEGORY}\\s*:`);
const RE_CATEGORY_ANY = new RegExp(`${WORD_START}${CATEGORY}${WORD_END}`, "g");

function lastCategory(text: string): Category | null {
  let cat: Category | null = null;
  RE_CATEGORY_ANY.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = RE_CATEGORY_ANY.exec(text))) cat = categoryOf(m[1] as string);
  return cat;
}

// ("01 đ/c vắng có lý do (đ/c Phan Thị Ngọc, …)": "vắng" between the count and its kind.)
const RE_GROUP_COUNTED = new RegExp(`${COUNT_STARTS}(?<![\\d/.,:])${COUNT}\\s*(?:${MEMBER_NOUN}\\s*)?(?:vang(?:\\s+mat)?\\s+)?${CATEGORY}${WORD_END}`, "g");

/** The kind of the last group counted in `text` ("2 đồng chí có lý do"). */
function lastGroup(text: string): Category | null {
  let cat: Category | null = null;
  RE_GROUP_COUNTED.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = RE_GROUP_COUNTED.exec(text))) cat = categoryOf(m[1] as string);
  return cat;
}

function soleCategory(region: string): Category | null {
  let cat: Category | null = null;
  RE_CATEGORY_ANY.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = RE_CATEGORY_ANY.exec(region))) {
    const c = categoryOf(m[1] as string);
    if (cat !== null && cat !== c) return null;
    cat = c;
  }
  return cat;
}

const RE_JOINED_ONLY = /^\s*(?:va|voi)\s+(?:(?:d\/c|dc|dong chi)\s+)?$/;
interface NamedAbsence {
  name: string;
  reason?: string;
  reasonF?: string;
  parenthesized?: boolean;
  /** Where the name starts in f. */
  at?: number;
}

// "có đồng chí cán bộ xã về dự": a title, not a name.
const RE_DEU = /\bdeu\b/;
const RE_ALL_LEFT = /\b(?:deu|ca (?:hai|ba|bon|\d)(?: deu)?)(?: da)?(?: co)? (?:bao|xin phep|phep|ly do|cld|xin nghi)\b/;
const RE_ONE_REASON_AFTER_COUNT = new RegExp(`(?=\\d)(?<![\\d/])\\d+\\s*(?:${MEMBER_NOUN}\\s*)?[,:-]\\s*(?:(?:deu|ca)\\s+)?(?:co ly do|cld|co phep|xin phep|co bao cao)(?:\\s+(?:ca|het|tat ca|ca hai|ca ba))?\\s*[.!]?\\s*$`);
const RE_REASON_THEN_LEAVE = new RegExp(`^(?:vang|vm)(?:\\s+mat)?\\s*:?\\s*${COUNT}\\s*(?:${MEMBER_NOUN}\\s*)?,?\\s*(?:deu\\s+|ca\\s+)?[a-z][a-z ]{1,40}?,?\\s*(?:co ly do|cld|co phep|xin phep|co bao cao|co bao)\\s*[.!]?\\s*$`);
// "vắng hai đồng chí một đồng chí Lưu Văn Kiên …": a count before the next comrade word, no name.
const RE_NOT_NAME_WORD = /^(?:deu|gom|bao gom|da|co|chua|khong|ko|vang|nghi|di|duoc|dc|bi|la|kia|con lai|khac|nay|can bo|cap uy|dai bieu|dai dien|lanh dao|mot|hai|ba|bon|nam|ca|tat ca|\d)\b/;
// "xin phép đi viện": the leave asked for, then the reason.
const RE_LEAVE_ASKED = /^(?:co\s+|da\s+)?xin (?:phep|nghi)\s+(?=\S)/;
// ("làm ăn bên Bình Dương có xin": the leave asked, "phép" left unsaid.)
const LEAVE = `(?:(?:co\\s+)?(?:xin phep|xin(?! nghi)|phep|bao cao|bao|don|ly do|ld)|cld|kld|${UNEXCUSED})`;
// "đi rẫy ở xa có báo trước", "có báo cáo trước với chi bộ": when and to whom the leave was asked go with it.
// "đi xuất khẩu lao động (có báo)": the leave in brackets after the reason too.
const RE_LEAVE_TAIL = new RegExp(`(?:^|[\\s,(]+)(?:deu\\s+)?${LEAVE}(?:\\s+(?:truoc|roi|a|nhe|nha|nghen|voi chi bo|voi chi uy|voi bi thu))*[\\s,.]*$`);
// "tuổi cao, miễn SH": the member's exemption after a reason tells its kind (alone, "miễn SH" is the reason).
const RE_EXEMPT_TAIL = new RegExp(`[\\s,(]+(?:da\\s+)?(?:duoc\\s+)?${EXEMPT}[\\s,.)]*$`);
// "Hoàng Thị Dịu con ốm (cả 2 có xin phép)": or in a bracket after the last reason.
const RE_ALL_TAIL = /(?:^|[\s,(]+)(?:ca|tat ca)\s+(?:hai|ba|bon|nam|\d{1,2})[\s,.]*$/;
const RE_LAST_WORD = /(?:^|[\s,]+)(\S+)[\s,.]*$/;
// "… mổ ruột thừa một đồng chí …": the count opening the next one.
const JOINING = new Set(["va", "thi", "co", "voi", "nhung", "cung", "deu", "da", "mot", "1"]);

const RE_KIN_NAME = /\s(?:anh|chị|chi|chú|chu|ông|ong|bà|ba|cô|co|a|c)\s+(?=\p{Lu})/gu;
const RE_DELEGATE_AFTER = new RegExp(`^\\s*,?\\s*(?:la\\s+)?(?:cap uy|(?:pho\\s+)?chu tich\\s+(?:ubnd\\s+)?(?:xa|phuong)|cuv|duv|dang uy|dai bieu|dai dien|can bo (?:xa|phuong)|bi thu|pho bi thu|bt|pbt|uv btv|co du|co ve du|ve du|du|tham du)${WORD_END}`);

/** Where in p.text[from, to) a kin word opens a capitalised name followed by a delegate's title or "dự"; -1 when none. */
function delegateNamedAt(p: Prepared, from: number, to: number): number {
  const s = p.text.slice(from, to);
  RE_KIN_NAME.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = RE_KIN_NAME.exec(s))) {
    const name = readName(p, from + m.index + m[0].length, false);
    if (name && RE_DELEGATE_AFTER.test(p.f.slice(name.end, name.end + 24))) return from + m.index;
  }
  return -1;
}

/** Where a reason's words end: before the leave asked or not and the words joining the next name. */
function reasonEnd(p: Prepared, start: number, end: number): number {
  let e = end;
  for (let guard = 0; guard < 6 && e > start; guard++) {
    const s = p.f.slice(start, e);
    const leave = RE_LEAVE_TAIL.exec(s);
    if (leave) {
      e = start + leave.index;
      continue;
    }
    const exempt = RE_EXEMPT_TAIL.exec(s);
    if (exempt && exempt.index > 0) {
      e = start + exempt.index;
      continue;
    }
    // "đi viện chăm mẹ cả ba đều có xin phép": "cả ba" speaks of them all, no part of the reason.
    const all = RE_ALL_TAIL.exec(s);
    if (all) {
      e = start + all.index;
      continue;
    }
    const last = RE_LAST_WORD.exec(s);
    if (!last) break;
    const word = last[1] as string;
    const at = start + last.index + last[0].indexOf(word);
    // "còn đ/c …" joins; "sinh con" is the reason.
    if (JOINING.has(word) || (word === "con" && p.text.slice(at, at + 3).toLowerCase() === "còn")) e = start + last.index;
    else break;
  }
  return e;
}
const RE_LEAVE_CLAUSE = new RegExp(`^,\\s*(?:(?:da|co|cung|nhung)\\s+)?(?:${UNEXCUSED}|co bao cao|co bao|co phep|xin phep|co xin phep|da bao|da xin phep|co don)(?:\\s+(?:truoc|roi|a))?(?=\\s*(?:[,;)\\n.]|$))`);
/** The "bao" of a leave word at `at` (folded `word`) is "báo" as written, not "bảo" or "bão". */
function saidLeave(p: Prepared, at: number, word: string): boolean {
  const k = word.lastIndexOf("bao");
  if (k < 0 || word.includes("bao cao")) return true;
  const orig = p.text.slice(at + k, at + k + 3).toLowerCase();
  return orig === "báo" || orig === "bao";
}
const RE_LEAVE_MID = new RegExp(`(?:^|\\s)(?:(?:deu|da|cung)\\s+)?(?:${UNEXCUSED}|(?:co\\s+)?(?:xin phep|bao cao|bao|phep|don)(?:\\s+(?:truoc|roi|voi chi bo|voi chi uy|voi bi thu))*)(?=\\s)`);
const RE_LEAVE_WORD = new RegExp(`${WORD_START}(?:${LEAVE}|${EXCUSED}|${EXEMPT})${WORD_END}`);
const RE_REASON_LEAD = /^\s*(?:deu|la|thi|vi|do|boi vi)\s+/;
const RE_LEAVE_ONLY = /^(?:co ly do|khong ly do|co phep|khong phep|co bao|khong bao|cld|kld)\s*$/;
const REASON_END = /[,;)\n]|\s(?:va|voi)\s(?=d\/c|dc|dong chi)/;
const RE_LOWER_NEXT = /^\s*\p{Ll}/u;
const RE_COMRADE_NEXT = /^\s*(?:d\/c|dc|dong chi|anh|chi|chu|co|ong|ba)\s/;

// ("1. Hồ Thị Lài (…)⏎2. …": a numbered line opens one too.)
const RE_NAME_OPENING = /[(:][ \t]*\d{1,2}[ \t]*[-–][ \t]*|[(:][ \t]*|\n[ \t]*[-+•*][ \t]*|\n[ \t]*\d{1,2}[.)][ \t]+|\bvang[ \t]+(?!mat\b)|\b(?:la|gom)[ \t]+/g;
// "vắng hai Lò Văn Panh …": after "vắng" and its count too.
const RE_COUNT_LEAD = new RegExp(`^(?:${COUNT})[ \\t]+(?:${MEMBER_NOUN}[ \\t]+)?`);
// "chú Năm Chiến bịnh", "cụ Hoàng Văn Đình": a kinship word before a capitalised name is no part of it.
// ("O Lành": the Centre's aunt, an "o" with no mark; "ở Hà Nội" is a place.)
const RE_KIN_LEAD = /^(?:chu|anh|chi|co|bac|ong|ba|em|di|cu|a|c|o)[ \t]+/;
// "Quách Chí Cường đi Sài Gòn có xin phép với Trương Huệ Mẫn thì hổng báo": the next name joined by a word.
const RE_NEXT_NAME = /[,;\n]|\s(?:va|voi|con)\s/;
const RE_JOINED_NAME = /(?:^|\s)(?:và|với|còn|va|voi)\s+(?:(?:chú|anh|chị|cô|bác|ông|bà|em)\s+)?(?=\p{Lu})/u;

/** `i` moved past a kinship word that stands before a capitalised name. */
function skipKin(p: Prepared, i: number): number {
  const m = RE_KIN_LEAD.exec(p.f.slice(i, i + 6));
  // "A Thuy đi rẫy xa": "A" written as a capital before a name opens a Ba Na or Mông name, no "anh".
  if (m && p.text[i] === "A" && /^a\s/.test(m[0])) return i;
  if (m && m[0][0] === "o" && p.text[i] !== "O" && p.text[i] !== "o") return i;
  // "Vắng có LD: 3": "có" before the letters of a leave is no kinship word.
  return m && UPPER_START.test(p.text.slice(i + m[0].length, i + m[0].length + 1)) && !RE_LETTERS.test(p.text.slice(i + m[0].length, i + m[0].length + 4)) ? i + m[0].length : i;
}
const UPPER_START = /^\p{Lu}/u;
const RE_LETTERS = /^\p{Lu}{2,3}(?![\p{L}])/u;
// "; không lý do: 1 - Lê Minh Nhựt": or the kind, its count and a dash.
// "; không lý do: Y Kông Mlô)": or the kind and a colon, the names straight after.
// "; 2 KLD: Luong Thi Thu, …", "; 1 k ly do Do Thi Hoa": or after the group's count and kind, a colon or nothing.
// ("– Vắng không lý do: 01 đ/c (Cà Văn Pọm)": a bulleted line's label, its count and the members' noun.)
// ("Vắng T4 – có lý do: …": the month the list is of, before its kind.)
const RE_GROUP_BRACKET = new RegExp(`^\\s*(?:(?:t|thang)\\s?\\d{1,2}\\s*[-–]\\s*)?(?:${COUNT}\\s*(?:${MEMBER_NOUN}\\s*)?${CATEGORY}\\s*[(:]?|(?:vang\\s+)?${CATEGORY}\\s*:?\\s*${COUNT}\\s*(?:${MEMBER_NOUN}\\s*)?[-–:(]|${CATEGORY}\\s*:)\\s*`);
const RE_BULLET_CHAR = /[\s+•*-]/;
// "Vắng: 3 có lý do\n  + Y Djuôt Ayun: ốm": the lines below that go deeper (indented, or "+").
const RE_BRACKET_NEXT = /^[ \t]*\(/;
const RE_SUB_LINE = /^\n(?:[ \t]+[-+•*]|\+)/;
const RE_KIND_BULLET = new RegExp(`^\\n[ \\t]*[-+•*][ \\t]*${CATEGORY}\\s*:?\\s*\\d`);
const RE_BULLET_LINE = /^\n[ \t]*([-+•*])/;
const RE_OWN_BULLET = /^[ \t]*([-+•*])/;

/** The end of an absence region at `end`, taken on over the sub-list lines below it. */
function regionEnd(f: string, end: number, to: number): number {
  let e = end;
  // "Vắng 4:\n- Hoàng Thị Lý: ốm, có phép\n- …": a colon closing the line, its list on the bulleted lines below.
  // (Not the next item of a list the line is itself an item of: "- Vắng 2:\n  + …\n- Đại biểu: …".)
  // ("Vắng: 3\n- Miễn sinh hoạt: 1\n- Có lý do: 2": or the count closing it, the kinds on the bulleted lines below.)
  const listed = f[e] === "\n" && (/:\s*$/.test(f.slice(Math.max(0, e - 3), e)) || (/\d\s*$/.test(f.slice(Math.max(0, e - 3), e)) && RE_KIND_BULLET.test(f.slice(e, e + 40))));
  const own = listed ? RE_OWN_BULLET.exec(f.slice(f.lastIndexOf("\n", e - 1) + 1, e))?.[1] : undefined;
  const below = (at: number): boolean => {
    const b = RE_BULLET_LINE.exec(f.slice(at, at + 6));
    return b !== null && b[1] !== own;
  };
  while (e < to && f[e] === "\n" && (RE_SUB_LINE.test(f.slice(e, e + 8)) || (listed && below(e)))) e = Math.min(to, listed ? lineEnd(f, e + 1) : clauseEnd(f, e + 1));
  // "vắng 2. (đ/c Lò Văn Hặc đi viện, …)": the bracket after the stop still names them.
  const bracket = f[e] === "." ? RE_BRACKET_NEXT.exec(f.slice(e + 1, e + 6)) : null;
  if (bracket) {
    const close = f.indexOf(")", e + 1);
    if (close > 0 && close < to) e = close + 1;
  }
  return e;
}

/** Names in an absence region: "đ/c Vi Văn Sáng đi làm xa, đ/c Nông Thị Hoa (ốm)". */
function namesIn(p: Prepared, from: number, to: number, want: number | null = null): NamedAbsence[] {
  const out = bothOf(p, namesListed(p, from, to, want), to);
  // "… là anh Sáu Lượm đi đám giỗ với chị Bé Năm bệnh, còn ông Trần Văn Út Hai hổng có báo": the last one named after
  // "còn" and a kinship word, no comrade word.
  if (out.length === 0 || (want !== null && out.length >= want)) return out;
  RE_STILL_KIN.lastIndex = (out[out.length - 1] as NamedAbsence).at ?? from;
  const still = RE_STILL_KIN.exec(p.text);
  if (!still || still.index >= to) return out;
  const at = still.index + still[0].length;
  const name = readName(p, at, false);
  if (!name || name.end > to || out.some((o) => o.name === name.name)) return out;
  const r = reasonAfter(p, name.end, to);
  return [...out, r ? { name: name.name, reason: r.reason, reasonF: r.reasonF, parenthesized: r.parenthesized, at } : { name: name.name, at }];
}

// "vắng 2 là đ/c Cường với đ/c Thìn, cả hai đi biển, có báo trước": one reason said of all of them after their names.
const RE_ALL_OF_THEM = /^\s*,?\s*(?:ca (?:hai|2|ba|3|bon|4)(?: (?:dong chi|d\/c|dc|nguoi))?|(?:hai|ba|2|3) (?:dong chi|d\/c|dc) (?:nay|tren)|deu)\s+/;
function bothOf(p: Prepared, named: NamedAbsence[], to: number): NamedAbsence[] {
  const last = named.at(-1);
  if (named.length < 2 || named.some((x) => x.reason !== undefined) || last?.at === undefined) return named;
  const name = readName(p, last.at, false, true);
  const lead = name ? RE_ALL_OF_THEM.exec(p.f.slice(name.end, name.end + 24)) : null;
  const r = name && lead ? reasonAfter(p, name.end + lead[0].length, to) : null;
  return r ? named.map((x) => ({ ...x, reason: r.reason, reasonF: r.reasonF, parenthesized: r.parenthesized })) : named;
}

const RE_NEXT_IN_LIST = /^\s*,\s*/;

function namesListed(p: Prepared, from: number, to: number, want: number | null): NamedAbsence[] {
  const f = p.f;
  const out: NamedAbsence[] = [];
  RE_COMRADE.lastIndex = Math.max(0, from - 1);
  let m: RegExpExecArray | null;
  const starts: number[] = [];
  /** Where each comrade word begins: the reason before it ends there. */
  const marks: number[] = [];
  while ((m = RE_COMRADE.exec(f)) && m.index < to) {
    // "vắng ba đồng chí đồng chí Lò Văn Pấng": the comrade word said twice, the name after the second.
    const twice = RE_COMRADE_AGAIN.exec(f.slice(m.index + m[0].length, m.index + m[0].length + 12));
    starts.push(m.index + m[0].length + (twice ? twice[0].length : 0));
    marks.push(m.index);
    if (twice) RE_COMRADE.lastIndex += twice[0].length;
  }
  if (starts.length === 0) return capitalisedNames(p, from, to, want);
  for (let k = 0; k < starts.length; k++) {
    const s = starts[k] as number;
    const name = readName(p, s);
    if (!name || name.end > to) continue;
    // "vắng 02 đồng chí đều có lý do": a word after the noun, not a name.
    if (p.text[s] === p.text[s]?.toLowerCase() && RE_NOT_NAME_WORD.test(f.slice(s, name.end))) continue;
    const limit = Math.min(to, marks[k + 1] !== undefined ? (marks[k + 1] as number) + 1 : to);
    let r = reasonAfter(p, name.end, limit);
    // "(đ/c Chu, ốm)": the reason after a comma, inside the brackets that hold the name.
    if (!r && f[name.end] === "," && f.lastIndexOf("(", s) > f.lastIndexOf(")", s)) {
      const close = f.indexOf(")", name.end);
      if (close > 0 && close <= limit + 4 && close - name.end < 40) r = reasonAfter(p, name.end + 1, close);
    }
    out.push(r ? { name: name.name, reason: r.reason, reasonF: r.reasonF, parenthesized: r.parenthesized, at: s } : { name: name.name, at: s });
    // "(đ/c Lê Văn Hòa, Bùi Thị Nga, Kiều Minh Đức)": the comrade word said once, before the first of a list.
    for (let end = name.end; !r; ) {
      const comma = RE_NEXT_IN_LIST.exec(f.slice(end, end + 4));
      const next = comma ? readName(p, end + comma[0].length, false) : null;
      if (!next || next.end > limit || !next.name.includes(" ")) break;
      out.push({ name: next.name, at: end + comma![0].length });
      end = next.end;
    }
  }
  // "2 không lý do (Lầu Bá Lỳ, Và Bá Xá), 2 đ/c đi làm ăn …": the comrade word names nobody; the bracket does.
  if (out.length === 0) return capitalisedNames(p, from, to);
  // "vắng 2: Sơn Thị Mai ốm, Kim Văn Tư không báo, đ/c Lý Văn Hải đảng ủy viên dự": the only comrade named came;
  // the absent are named before him.
  if (out.every((x) => x.reasonF !== undefined && (RE_NOT_ABSENT.test(x.reasonF) || RE_CAME.test(x.reasonF)))) {
    const before = capitalisedNames(p, from, marks[0] as number);
    if (before.length > 0) return [...before, ...out];
  }
  // "vắng hai đồng chí là Thạch Thị Sa Ly đi đám cưới … còn đồng chí Châu Văn Ty …": the first named without the comrade word.
  const first = out[0]?.at ?? to;
  const firstMark = marks.filter((x) => x < first).pop() ?? first;
  // "vắng 3: O Lành (ốm, có phép), đ/c Thới (…)": or after the colon that opens the list.
  if (firstMark > from && p.text.slice(from, firstMark).search(RE_NAMED_FIRST) >= 0) {
    const before = capitalisedNames(p, from, firstMark).filter((x) => (x.at ?? to) < first && !out.some((o) => o.name === x.name));
    if (before.length > 0) return [...before, ...out];
  }
  return out;
}

const RE_ONLY_NO_LEAVE = new RegExp(`^${UNEXCUSED}(?:\\s+(?:gi|chi|gi ca|chi ca|ca|het|het tron|tron|luon|nha|nghen|a))*(?:$|\\s+a\\s)`);
const RE_SET_APART = /[,;]\s*con\s/;
const RE_STILL_KIN = /(?<!\p{L})(?:còn|con)\s+(?:anh|chị|chú|cô|ông|bà|bác|dì|O)\s+(?=\p{Lu})/gu;
const RE_NAMED_FIRST = /(?:\s(?:là|la|gồm|gom)|:)\s+(?:(?:anh|chị|chú|cô|bác|ông|bà|dì|O|o)\s+)?\p{Lu}/u;

/** Capitalised names after "(", ":", a bullet, "vắng" or "là", each with its reason. */
function capitalisedNames(p: Prepared, from: number, to: number, want: number | null = null): NamedAbsence[] {
  const f = p.f;
  const out: NamedAbsence[] = [];
  let m: RegExpExecArray | null;
  // "(Sáng, Hoa)", "vắng: Sáng (ốm), Hoa", "Vắng: 1 (Xồng Bá Dê - đi viện)", or one a line below
  // ("+ Y Djuôt Ayun: ốm"): capitalised names after "(", ":" or a bullet.
  let i = -1;
  RE_NAME_OPENING.lastIndex = from;
  while ((m = RE_NAME_OPENING.exec(f)) && m.index < to) {
    // "Vắng: 6 (Miễn SH: 2; Có phép: 3; …)": a kind and its count, capitalised, names nobody.
    if (RE_KIND_COUNTED.test(f.slice(m.index + m[0].length, m.index + m[0].length + 30))) continue;
    if (readName(p, skipKin(p, m.index + m[0].length), false)) {
      i = m.index + m[0].length;
      break;
    }
    const count = m[0].startsWith("vang") ? RE_COUNT_LEAD.exec(f.slice(m.index + m[0].length, m.index + m[0].length + 30)) : null;
    if (count && readName(p, m.index + m[0].length + count[0].length, false)) {
      i = m.index + m[0].length + count[0].length;
      break;
    }
    // "vang 3: 2 co ly do Pham Van Dung (om), …": the first group's count and kind before its names.
    const group = RE_GROUP_BRACKET.exec(f.slice(m.index + m[0].length, m.index + m[0].length + 40));
    if (group && readName(p, m.index + m[0].length + group[0].length, false)) {
      i = m.index + m[0].length + group[0].length;
      break;
    }
  }
  if (i < 0) return out;
  while (i < to) {
    while (i < to && RE_BULLET_CHAR.test(f[i] as string)) i++;
    const numbered = RE_LINE_NUMBER.exec(f.slice(i, i + 5));
    if (numbered) i += numbered[0].length;
    i = skipKin(p, i);
    // "– Vắng không lý do: 01 đ/c (…)": the next group's label, capitalised, is no name.
    let name = f.startsWith("vang ", i) && RE_GROUP_BRACKET.test(f.slice(i, to)) ? null : readName(p, i, false);
    if (!name) {
      // "1 có lý do (Lâm Văn Bé đi biển), 1 không lý do (Huỳnh Thị Nhịn)": the next group's names in brackets.
      const open = RE_GROUP_BRACKET.exec(f.slice(i, to));
      if (open) {
        // "1 k lý do (a Dũng)": the kin word in the next group's bracket too.
        i = skipKin(p, i + open[0].length);
        name = readName(p, i, false);
      }
    }
    if (!name || name.end > to) break;
    // "…, ĐUV phụ trách: Có (đ/c …)": a label's answer, capitalised, names nobody.
    if (RE_ANSWER_WORD.test(p.f.slice(name.end - name.name.length, name.end))) break;
    let r = reasonAfter(p, name.end, to);
    // "vắng ba Thạch Sa Rươne đi làm Bình Dương Lâm Thị Sa Phol sinh con Danh Út không báo": said without a
    // pause, fewer names than the count; the next name starts inside the reason.
    const inner = want !== null && out.length + 1 < want && r && !r.parenthesized ? nameInReason(p, name.end, r.end) : -1;
    if (inner >= 0) r = reasonAfter(p, name.end, inner);
    out.push(r ? { name: name.name, ...r, at: i } : { name: name.name, at: i });
    if (inner >= 0) {
      i = inner;
      continue;
    }
    const next = RE_NEXT_NAME.exec(f.slice(r ? r.end : name.end, to));
    if (!next) break;
    i = (r ? r.end : name.end) + next.index + next[0].length;
  }
  return out;
}

// ("– Vắng có lý do: 02 đ/c (…)": a bulleted line's label, "vắng" and its kind.)
const RE_ANSWER_WORD = /^(?:co|khong|co du|khong du|vang|chua)$/;
// ("– Vắng có lý do: 02 đ/c (…)": a bulleted line's label, "vắng" and its kind.)
const RE_LINE_NUMBER = /^\d{1,2}[.)][ \t]+/;
const RE_KIND_COUNTED = new RegExp(`^\\s*(?:vang\\s+)?${CATEGORY}\\s*:?\\s*\\d`);
const RE_CAP_WORD = /(?<=\s)\p{Lu}/gu;
const RE_MIDDLE = /^(?:van|thi)$/;
// What a name says next when it opens its own reason or leave ("Danh Út không báo", "… ốm").
const RE_LEAVE_OPENING = new RegExp(`^\\s*(?:co\\s+(?:bao|phep)|xin phep|om|benh|sinh con|nam vien|di vien|${UNEXCUSED})${WORD_END}`);
// "đi Cần Thơ", "ở Thuận Châu", "đi làm thuê Lào Cai": after these a capitalised word is a place.
const RE_PLACE_LEAD = /^(?:di|o|ve|len|xuong|ra|vao|tai|qua|sang|lam|thue|tu|den|toi|vien|que|nha|tinh|huyen|xa|chong|vo)$/;
const RE_LAST_WORD_BEFORE = /(\S+)\s+$/;

/** Where, in the unbroken reason from `from` to `to`, another absentee's name starts; -1 when none does. */
function nameInReason(p: Prepared, from: number, to: number): number {
  const s = p.text.slice(from, to);
  RE_CAP_WORD.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = RE_CAP_WORD.exec(s))) {
    const at = from + m.index;
    const prev = RE_LAST_WORD_BEFORE.exec(p.text.slice(from, at));
    // Not the reason's own first word.
    if (!prev) continue;
    const name = readName(p, at, false);
    if (!name || name.end > to) continue;
    const words = p.f.slice(at, name.end).split(" ");
    // "Bình Dương Lâm Thị Sa Phol": a middle name second.
    if (words.length >= 3 && RE_MIDDLE.test(words[1] as string)) return at;
    // "sinh con Danh Út không báo": after a word of the reason, a name its leave follows.
    const prevWord = prev[1] as string;
    const prevF = p.f.slice(at - prev[0].length, at - prev[0].length + prevWord.length);
    if (words.length >= 2 && prevWord[0] === prevWord[0]?.toLowerCase() && !RE_PLACE_LEAD.test(prevF) && RE_LEAVE_OPENING.test(p.f.slice(name.end, to))) return at;
  }
  return -1;
}

const RE_LEAVE_FIRST = new RegExp(`^(?:co|da|khong|ko|k)\\s+(?:ly do|phep|bao|xin phep|bao truoc)(?:\\s*[-,:(]\\s*|\\s+(?=(?:nghi|di|om|benh|sinh|nam|con|cham|dam|viec|ban|lam|o)${WORD_END}))(?=\\S)`);
const RE_LEAVE_REMARK = new RegExp(`^\\s*(?:(?:da|duoc|da duoc|co)\\s+)*(?:${EXEMPT}|${LEAVE})\\s*$`);

function reasonAfter(p: Prepared, from: number, to: number): { reason: string; reasonF: string; end: number; parenthesized: boolean } | null {
  const f = p.f;
  let i = from;
  while (i < to && (f[i] === " " || f[i] === "-" || f[i] === ":")) i++;
  let start = i;
  let end: number;
  if (f[i] === "(") {
    start = i + 1;
    const close = f.indexOf(")", start);
    end = close < 0 || close > to ? to : close;
  } else {
    const rest = f.slice(i, to);
    const stop = rest.search(REASON_END);
    end = stop < 0 ? to : i + stop;
    // "Trần Văn Lộc - miễn sinh hoạt (tuổi cao, sức yếu);": a bracket opened in the reason closes in it, past its comma.
    const open = f.lastIndexOf("(", end - 1);
    if (open >= i && f.indexOf(")", open) > end) {
      const close = f.indexOf(")", open);
      if (close < to && !f.slice(open, close).includes("\n")) end = close + 1;
    }
    // "+ Đ/c Hoàng Thị Dịu: ốm, điều trị tại nhà (có lý do);": after a colon the reason runs on past a comma before
    // lower-case words, to the end of the item.
    if (f[from] === ":") {
      while (f[end] === "," && RE_LOWER_NEXT.test(p.text.slice(end + 1, end + 4)) && !RE_COMRADE_NEXT.test(f.slice(end + 1, end + 8))) {
        const more = f.slice(end + 1, to).search(REASON_END);
        end = more < 0 ? to : end + 1 + more;
      }
    }
    // "Bùi Văn Thượng – có lý do, đi làm thuê ở Thái Nguyên; …": the leave told first, the reason after its comma.
    if (f[end] === "," && RE_LEAVE_ONLY.test(f.slice(i, end)) && RE_LOWER_NEXT.test(p.text.slice(end + 1, end + 4)) && !RE_COMRADE_NEXT.test(f.slice(end + 1, end + 8))) {
      const more = f.slice(end + 1, to).search(REASON_END);
      end = more < 0 ? to : end + 1 + more;
    }
    // "H'Nhi Mlô - đi rẫy xa, không báo": the leave told after a comma is still this one's.
    if (f[end] === ",") {
      const leave = RE_LEAVE_CLAUSE.exec(f.slice(end, to));
      if (leave) end += leave[0].length;
    }
    // "… chưa về ăn Tết đều có báo cáo trước với chi bộ họp đến 9 giờ 10": said in one breath, the leave closes the reason.
    if (end - i > 24) {
      let leave = RE_LEAVE_MID.exec(f.slice(i, end));
      // "… Mỹ Lệ có xin phép đi đám cưới con bà con dưới Năm Căn": the leave said first opens the reason, ends nothing.
      if (leave && leave.index === 0) {
        const skip = leave[0].length;
        const again = RE_LEAVE_MID.exec(f.slice(i + skip, end));
        leave = again ? Object.assign(again, { index: again.index + skip }) : null;
      }
      // ("đi trực chốt bảo vệ rừng (có phép)": "bảo", guard, is no "báo", word given.)
      if (leave && !saidLeave(p, i + leave.index, leave[0])) leave = null;
      if (leave && i + leave.index + leave[0].length < end - 2) end = i + leave.index + leave[0].length;
    }
    const joined = p.text.slice(i, end).search(RE_JOINED_NAME);
    if (joined >= 0) end = i + joined;
    // "… thì không báo anh Quách Văn Đông đảng ủy viên có dự": the delegate named next is no part of the reason.
    const kin = end - i > 12 ? delegateNamedAt(p, i, end) : -1;
    if (kin >= 0) end = kin;
  }
  // "đi lao động Hàn Quốc (đã được miễn sh)": a remark on the leave in brackets after the reason tells its kind, no reason.
  let textEnd = end;
  const open = f[end] === ")" ? f.lastIndexOf("(", end) : -1;
  if (open > start && RE_LEAVE_REMARK.test(f.slice(open + 1, end))) textEnd = open;
  const asked = RE_LEAVE_ASKED.exec(f.slice(start, end).trimStart());
  if (asked) start += f.slice(start, end).length - f.slice(start, end).trimStart().length + asked[0].length;
  const reasonF = f.slice(start, end).trim();
  // "đi viện còn đ/c …", "có báo, đ/c …": the words joining the next name, then the leave asked
  // or not ("có xin phép", "ko báo"), are no part of the reason; they still tell its kind.
  const lead = RE_REASON_LEAD.exec(f.slice(start, end));
  const said = p.text.slice(start + (lead ? lead[0].length : 0), reasonEnd(p, start, textEnd)).replace(/^[\s,:(-]+|[\s,.:)-]+$/g, "");
  // ("miễn sinh hoạt (tuổi cao, sức yếu)": a bracket the reason opens, it closes.)
  const reason = said.lastIndexOf("(") > said.lastIndexOf(")") ? `${said})` : said;
  if (!reason && !RE_LEAVE_WORD.test(reasonF)) return null;
  const out = { reason, reasonF, end: f[end] === ")" ? end + 1 : end, parenthesized: f[start - 1] === "(" };
  return out;
}
