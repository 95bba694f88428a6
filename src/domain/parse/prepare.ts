import { localNow, type LocalNow } from "../calendar/day.js";
import { foldSameLength } from "../text/fold-same-length.js";
import { NUMBER_WORDS_SOURCE, numberFromWords, WORD_END, WORD_START } from "../text/number-words.js";
import { repairTelex } from "../text/telex.js";
import { spliceEdits, type Edit } from "./edits.js";
import { RE_COMMUNE_WIDE } from "./patterns.js";
import { mayBeRunOn, punctuateRunOn } from "./run-on.js";
import { mayHaveSlip, mendSlips } from "./slips.js";
import { composeSpokenFigures } from "./spoken-figures.js";
import { isColumnHeader, labelledLine, RE_DUE_COLUMN, RE_GROUP_ROW, RE_REMARK_COLUMN, RE_TASK_COLUMN, shapeTables, spacedColumns } from "./tables.js";

/**
 * A message made ready for matching: `text` is the cleaned original (NFC, Telex residue
 * repaired) and `f` its folded form of the same length, so a match index in `f` cuts
 * the same span, with diacritics, out of `text`.
 */
export interface Prepared {
  text: string;
  f: string;
  now: LocalNow;
}

const SPACE_LIKE = /[\u00a0\u2000-\u200b\u202f\u3000\t]/g;
const DASH_LIKE = /[\u2010-\u2015\u2212]/g;
const QUOTE_LIKE = /[\u201c\u201d\u201e]/g;
const APOS_LIKE = /[\u2018\u2019]/g;
const CRLF = /\r\n?/g;
const SUPERSCRIPT_TWO = /²/g;
const RE_GLUED_COUNT = /\d(?:d\/c|dv\b|dc\b)/;
const RE_GLUED_COUNT_TEXT = /(\d)(?=[đĐdD]\/[cC]|[đĐdD][vVcC]\b)/g;
// A "?" opening a word ("?UX", "?ảng", "?/c") is no question mark: a question mark ends a word.
const RE_LOST_D = /(?<![\p{L}\d?])\?(?=(\p{L}|\/[cC]))/gu;
/** Any character one of the replacements above would touch: most messages have none. */
const NEEDS_CLEANING = /[\u00a0\u2000-\u200b\u202f\u3000\t\u2010-\u2015\u2212\u201c-\u201e\u2018\u2019\r²]/;

const RE_WORD_ARROW = /(?<=[\p{L}\d][.,)]?)[ \t]*(?:-+>|=>|→|⇒|➔|➜)[ \t]*(?=\p{L})/gu;

/** A bar or a tab: a table, maybe. */
const RE_TABLE = /[|\t│┃｜]/;

// Characters outside Basic Latin to IPA (U+0000–U+02FF) and Latin Extended Additional (U+1E00–U+1EFF, Vietnamese's
// precomposed letters): text made only of those is already NFC (none of them decomposes, composes or reorders), so
// the costly normalize() is spared for it.
const RE_MAY_NEED_NFC = /[^\u0000-\u02ff\u1e00-\u1eff]/;
/**
 * Any character the steps before the Telex repair look for (a bar or a tab, a character `NEEDS_CLEANING` touches,
 * an arrow, a "?"): one scan spares those steps' own on most messages, which have none.
 */
const RE_MAY_NEED_SHAPING = /[|\t│┃｜\u00a0\u2000-\u200b\u202f\u3000\u2010-\u2015\u2212\u201c-\u201e\u2018\u2019\r²>→?]/;
/**
 * Any character that `RE_MAY_NEED_NFC` or `RE_MAY_NEED_SHAPING` finds: all but Basic Latin to IPA and the Vietnamese
 * letters, and among those the tab, CR, ">", "?", "|", the no-break space and "²". A message with none (most have
 * none) is scanned once for both.
 */
const RE_MAY_NEED_EITHER = /[^\0-\x08\n-\f\x0e-=@-{}-\x9f\xa1-\xb1\xb3-\u02ff\u1e00-\u1eff]/;

/** A rewrite of the message made ready, and the sign (on its folded text) that it may have something to do. */
interface Step {
  may: (f: string) => boolean;
  rewrite: (text: string, f: string) => string;
}

/** In order: slips mended, spoken figures joined, a spoken run given its stops, paired labels and tables made lines. */
// "có lí do": "lí" and "lý" are one word spelled two ways; the readers know "lý do".
const RE_LI_DO = /(?<!\p{L})([Ll])([íiÍI])(?=\s+[dD][oO](?!\p{L}))/gu;
const Y_FOR: Record<string, string> = { í: "ý", i: "y", Í: "Ý", I: "Y" };
const spellLyDo = (text: string): string => text.replace(RE_LI_DO, (_, l: string, i: string) => l + (Y_FOR[i] as string));

// "hổng có ai theo đạo", "hổng còn hộ nghèo": the South's "không" (a question's "hông" and the name "Hồng" stay).
// ("hông có gì thay đổi", "2 hông phép": "hông" before what it denies; "đúng hông?" closing a question stays.)
const RE_SOUTHERN_NOT = /(?<!\p{L})([Hh])(?:ổng|ông(?= (?:có|phải|còn|thay|được|biết|ai|lý do|phép|báo|xin|đi|dự|đóng|nộp)(?!\p{L})))(?!\p{L})/gu;
const spellNot = (text: string): string => text.replace(RE_SOUTHERN_NOT, (_, h: string) => (h === "H" ? "Không" : "không"));

// "Chuyển ĐCT: 2": "đảng chính thức" cut to its letters.
const RE_DCT = /(?<!\p{L})(?:ĐCT|đct|Đct|DCT)(?!\p{L})/gu;
const spellDct = (text: string): string => text.replace(RE_DCT, "đảng CT");

// "vắng 1 kp: đc Đỗ Văn Hùng", "2 cp, 1 kp": after a count, "có phép" and "không phép" cut to their letters.
const RE_LEAVE_LETTERS = /(?<=\d\s*(?:(?:đ\/c|đc|dc|ĐV|đv|dv)\s*)?)(kp|KP|cp|CP)(?=\s*(?:[:,.;)]|$))/gmu;
const spellLeave = (text: string): string => text.replace(RE_LEAVE_LETTERS, (w) => (w[0] === "k" || w[0] === "K" ? "không phép" : "có phép"));

// "Tổng số hộ: ......305...... hộ": a printed form filled in, its dotted lines no part of the figures.
// ("Kỳ nộp: Quý ..II.. năm ..2026..": a word, then the dots.)
// ("Chi bộ ấp: ……Trà Teo……": the leaders typed as ellipses, a name between them.)
const RE_DOTTED_FIELD = /:[ \t]*(?:\p{L}+[ \t]+)?(?:\.{2,}|…+)[ \t]*[\dIVX\p{Lu}]/u;
const RE_DOT_LEADERS = /[ \t]*(?:\.{2,}|…+)[ \t]*/g;
// ("Tháng: ..09../2026": dots against a slash leave the month and year together.)
// ("Tổng số hộ ............................ 463 hộ": a label led by dots to its value, no colon.)
const RE_LEADER_LINE = /^([ \t]*[^\n.:…]*?\p{L}\)?)[ \t]*(?:\.{4,}|…{2,})[ \t]*(?=[\d\p{L}])/gmu;
const undot = (text: string): string => {
  const led = text.replace(RE_LEADER_LINE, "$1: ");
  return RE_DOTTED_FIELD.test(led) ? led.replace(RE_DOT_LEADERS, (dots: string, at: number) => (led[at + dots.length] === "/" || led[at - 1] === "/" ? "" : " ")) : led;
};

// "Tự xếp loại: ☐ HTXS ☒ HTT ☐ HT", "kiêm Trưởng ấp: ☒ Có ☐ Không": a printed form's boxes, the ticked one kept.
const RE_BOX = /[☐☒☑▢■□]/;
// (An empty box and its words, up to the next box, two spaces, a tab, the line's end or the next label: "[ ] Không Họ tên: …".)
const RE_EMPTY_BOX = /[☐▢□](?:[ \t]*[^\s:☐☒☑▢■□]+?(?=[ \t][^\s:☐☒☑▢■□]+(?:[ \t][^\s:☐☒☑▢■□]+){0,3}:)|[^☐☒☑▢■□\n]*?(?=[ \t]{2,}|\t|[☐☒☑▢■□]|[ \t]*$))/gm;
const RE_TICKED_BOX = /[☒☑■][ \t]*/g;
// "Nữ: ☒\tDân tộc thiểu số: ☒ (Mông)\tHS, SV: ☐": a box alone after its label answers it, yes or no (the next label after it
// or its note, a tab, the line's end).
const RE_LABEL_BOX = /(?<=\p{L}[ \t]*:[ \t]*)(?:([☒☑■])|[☐▢□])(?=[ \t]*(?:\(|\t|[ \t]{2}|$)|[ \t](?:[^\s:☐☒☑▢■□]+[ \t]){0,3}[^\s:☐☒☑▢■□]+:)/gmu;
const unbox = (text: string): string =>
  boxesAfter(bracketBoxes(text).replace(RE_LABEL_BOX, (_, ticked?: string) => (ticked ? "có" : "không")))
    .replace(RE_EMPTY_BOX, "")
    .replace(RE_TICKED_BOX, "");
// "Hình thức: [x] Thường kỳ   [ ] Chuyên đề": boxes typed as brackets, where an empty one stands beside them.
const RE_BRACKET_BOX_EMPTY = /\[[ \t]{1,3}\]/;
const bracketBoxes = (text: string): string =>
  RE_BRACKET_BOX_EMPTY.test(text) ? text.replace(/\[[ \t]*[xX✓✔][ \t]*\]/g, "☒").replace(/\[[ \t]{1,3}\]/g, "☐") : text;
// "kiêm trưởng thôn:   Có ☐    Không ☒": each box after its word; the ticked word kept, the other dropped.
const RE_WORD_THEN_BOX_LINE = /:[ \t]*\p{L}+[ \t]*[☐☒☑▢■□](?=[ \t]{2,}|\t|[ \t]*$)/u;
const RE_WORD_EMPTY_BOX = /\p{L}+[ \t]*[☐▢□](?=[ \t]|$)/gmu;
const RE_WORD_TICKED_BOX = /(\p{L}+)[ \t]*[☒☑■](?=[ \t]|$)/gmu;
const boxesAfter = (text: string): string =>
  text
    .split("\n")
    .map((line) => (RE_WORD_THEN_BOX_LINE.test(line) ? line.replace(RE_WORD_EMPTY_BOX, "").replace(RE_WORD_TICKED_BOX, "$1") : line))
    .join("\n");

// "năm phẩy hai (5,2) km²", "mười một (11) hộ": a figure said in words, then written in brackets: the written one read.
const RE_WORDS_THEN_FIGURE = new RegExp(`${WORD_START}${NUMBER_WORDS_SOURCE}(?:\\s+phay\\s+${NUMBER_WORDS_SOURCE})?[ \\t]*\\((\\d[\\d.,]*)\\)`, "g");
const RE_DIGIT_IN_BRACKET = /[a-z] ?\(\d/;
function figuresWritten(text: string, f: string): string {
  const edits: Edit[] = [];
  for (const m of f.matchAll(RE_WORDS_THEN_FIGURE)) {
    // Only where the words say the same figure: "Lê Văn Bảy (03)" is a name and a count, "hai nghìn ba trăm linh năm
    // (2.305)" more words than the pattern holds.
    const figure = m[1] as string;
    const [whole, fraction] = m[0].slice(0, m[0].lastIndexOf("(")).trim().split(/\s+phay\s+/);
    const a = numberFromWords(whole as string);
    const b = fraction === undefined ? 0 : numberFromWords(fraction);
    const said = a === null || b === null ? NaN : Number(fraction === undefined ? String(a) : `${a}.${b}`);
    const written = Number(/^\d{1,3}(?:\.\d{3})+$/.test(figure) ? figure.replace(/\./g, "") : figure.replace(",", "."));
    if (said === written) edits.push({ start: m.index, end: m.index + m[0].length, with: figure });
  }
  return edits.length > 0 ? spliceEdits(text, edits) : text;
}

// "03 (ba) đồng chí", "nữ 02 (hai)": a figure written, then said in words in brackets: the words go.
const RE_FIGURE_THEN_WORDS = new RegExp(`(?<![\\d.,/])(\\d{1,3})[ \\t]*\\((${NUMBER_WORDS_SOURCE})\\)`, "g");
const RE_WORDS_IN_BRACKET = /\d ?\([a-z]/;
function figuresSaid(text: string, f: string): string {
  const edits: Edit[] = [];
  for (const m of f.matchAll(RE_FIGURE_THEN_WORDS)) {
    if (numberFromWords(m[2] as string) !== Number(m[1])) continue;
    const end = m.index + m[0].length;
    edits.push({ start: m.index + (m[1] as string).length, end, with: "" });
  }
  return edits.length > 0 ? spliceEdits(text, edits) : text;
}

// "5 / 28 / 4 / 0 (HTXS/HTT/HT/KHT)": figures, then the labels they stand for, in the same order.
// (The brackets hold letters, dots, blanks and slashes only, checked once ahead; a label's letter is then any other
// character up to the bracket. Each \p{L} in a pattern run on text with Vietnamese letters costs V8 some 13 KB of
// machine code: the two patterns were 183 KB with the letter class at every label, 53 KB with it once.)
const RE_FIGURES_THEN_LABELS = /(?<![\d/])(\d{1,4}(?:[ \t]*\/[ \t]*\d{1,4}){2,})[ \t]*\((?=[\p{L}. \t/]*\))([^ \t/)]+(?:[ \t]*\/[ \t]*[^ \t/)]+){2,})\)/gu;
// "(HTXS/HTT/HT/KHT/Không XL): 2/15/4/0/1": the labels in brackets first, their figures after a colon.
const RE_LABELS_THEN_FIGURES = /\((?=[\p{L}. \t/]*\))([^ \t/)]+(?:[ \t][^ \t/)]+)?(?:[ \t]*\/[ \t]*[^ \t/)]+(?:[ \t][^ \t/)]+)?){2,})\)[ \t]*:[ \t]*(\d{1,4}(?:[ \t]*\/[ \t]*\d{1,4}){2,})(?![\d/])/gu;
function labelFigures(text: string): string {
  const paired = (whole: string, figures: string, labels: string): string => {
    const n = figures.split("/").map((x) => x.trim());
    const l = labels.split("/").map((x) => x.trim());
    return n.length === l.length ? l.map((label, k) => `${label} ${n[k]}`).join(", ") : whole;
  };
  return text
    .replace(RE_FIGURES_THEN_LABELS, (whole, figures: string, labels: string) => paired(whole, figures, labels))
    .replace(RE_LABELS_THEN_FIGURES, (whole, labels: string, figures: string) => {
      const out = paired(whole, figures, labels);
      return out === whole ? whole : `: ${out}`;
    });
}

// "vắng:\nLục Văn Sình - đi làm Bắc Ninh, có xin phép\nVi Văn Cường - k lý do": the absent a line each under the label,
// with no bullet; each line is given one, as a list under a label is read.
// ("… có mặt 11 vắng 4 chứ:⏎Lò Văn Pằn (đi rừng)": a word that closes the correction before the colon.)
const RE_ABSENT_LABEL_LINE = /\bvang(?:\s*:?\s*\d{1,2}[.…]*)?(?:\s*\([^()\n]*\))?(?:\s+(?:chu|nha|nhe|a))?\s*:[ \t]*\n/g;
// "vắng 3 (2 có lý do, 1 ko lý do)⏎- Nguyễn Văn Hùng (…)": the count closing its line, the names bulleted under it; the
// line is given the colon a label has.
const RE_ABSENT_COUNT_LINE = /\bvang\s*:?\s*\d{1,2}(?:\s*\([^()\n]*\))?[ \t]*(?=\n[ \t]*[-+•*][ \t]*[a-z])/g;
const RE_BULLET_LEAD = /^[ \t]*[-+•*][ \t]*/;
// ("Cầm Văn Ót ko lý do": or the leave said straight after the name.)
const RE_NAMED_LINE = /^[ \t]*\p{Lu}[\p{Ll}'’]*(?:[ \t]+\p{Lu}[\p{Ll}'’]*){1,4}[ \t]*(?:[-–:(,]|$|(?:ko|không|khong|k|có|co|cld|kld|ốm|om)[ \t])/u;
const RE_NUMBER_LEAD = /^[ \t]*\d{1,2}[.)][ \t]+/;
function bulletAbsentLines(text: string, f: string): string {
  const colons: Edit[] = [];
  for (const m of f.matchAll(RE_ABSENT_COUNT_LINE)) {
    const next = text.slice((m.index as number) + m[0].length + 1, lineEnd(f, (m.index as number) + m[0].length + 1));
    if (RE_NAMED_LINE.test(next.replace(RE_BULLET_LEAD, ""))) colons.push({ start: (m.index as number) + m[0].length, end: (m.index as number) + m[0].length, with: ":" });
  }
  if (colons.length > 0) return spliceEdits(text, colons);
  const lines = text.split("\n");
  let changed = false;
  for (const m of f.matchAll(RE_ABSENT_LABEL_LINE)) {
    // The line after the label's: its index is the number of line breaks up to the label's own.
    let k = f.slice(0, (m.index as number) + m[0].length).split("\n").length - 1;
    // ("1. Hồ Thị Lài (…)": or numbered; the number gives way to the bullet.)
    const named = (line: string): boolean => RE_NAMED_LINE.test(line.replace(RE_NUMBER_LEAD, ""));
    if (!named(lines[k] ?? "")) continue;
    for (; k < lines.length && named(lines[k] as string); k++) {
      lines[k] = `- ${(lines[k] as string).replace(RE_NUMBER_LEAD, "").trimStart()}`;
      changed = true;
    }
  }
  return changed ? lines.join("\n") : text;
}

// "Chuyển tiếp: báo cáo của CB thôn 3\nVP ghi chú: toàn Đảng bộ xã … kết nạp được 14 đảng viên …\n---\nChi bộ thôn 3 báo cáo …": the
// office's own note on a report it passes on is none of the cell's figures; its line is left out.
const RE_OFFICE_NOTE_LINE = /^[ \t]*(?:vp|van phong(?: dang uy)?(?: xa| phuong)?)[ \t]+ghi chu[ \t]*:[^\n]*(?:\n|$)/gm;
// "[VP Đảng ủy xã Cát Tiến chuyển tiếp]⏎VP: Đã đối chiếu … Đề nghị chi bộ gửi bản giấy …⏎-----⏎Chi bộ thôn … báo cáo …": in a
// forwarded report, the office's lines in its own voice above the line that sets the report off are the office's too
// (the tag's line, which may name the cell, stays).
const RE_FORWARDED_HEAD = new RegExp(`^[ \t]*[[(]?[^\n]{0,60}${WORD_START}(?:chuyen tiep|fw|fwd)${WORD_END}[^\n]*\n((?:[^\n]*\n){1,4}?)[ \t]*[-=_*]{3,}[ \t]*\n`);
const RE_OFFICE_VOICE_LINE = /^[ \t]*(?:vp|van phong)(?:[ \t]+[a-z]+){0,5}[ \t]*:[^\n]*\n/gm;
const mayHaveOfficeNote = (f: string) => f.includes("ghi chu") || (f.includes("---") && RE_FORWARDED_HEAD.test(f));
function dropOfficeNote(text: string, f: string): string {
  const edits: Edit[] = [];
  for (const m of f.matchAll(RE_OFFICE_NOTE_LINE)) edits.push({ start: m.index as number, end: (m.index as number) + m[0].length, with: "" });
  const head = RE_FORWARDED_HEAD.exec(f);
  if (head) {
    const from = f.indexOf("\n") + 1;
    for (const m of (head[1] as string).matchAll(RE_OFFICE_VOICE_LINE)) {
      const start = from + (m.index as number);
      if (!edits.some((e) => e.start === start)) edits.push({ start, end: start + m[0].length, with: "" });
    }
  }
  edits.sort((a, b) => a.start - b.start);
  return edits.length > 0 ? spliceEdits(text, edits) : text;
}

// "Chưa đóng: 02 đ/c [Kim Sóc Kha – đi làm Bình Dương; …]": a remark in square brackets after words is one in round
// ones ("[Chuyển tiếp] …", opening a line, stays a tag, and "[x]", "[ ]" boxes stay boxes).
const RE_SQUARE_REMARK = /(?<=[^\s[][ \t]*)\[([^[\]\n]{4,160})\]/g;
const squareToRound = (text: string): string => text.replace(RE_SQUARE_REMARK, "($1)");

// "Phải thu (ĐV): 40", "Số đảng viên đã đóng (đ/c): 27": the unit of a count in brackets before its label's colon;
// "Còn dự bị (họ tên): …", "Họ tên ĐV vắng (ghi rõ lý do): …": what the cell holds, the same.
// ("Danh sách vắng (không kể các đ/c miễn SH): …": who the list leaves out, the same.)
const RE_UNIT_BEFORE_COLON = /[ \t]*\((?:dv|d\/c|dc|dong chi|nguoi|dang vien|(?:ghi ro )?(?:ho ten|ho va ten|ly do)|khong ke [^()\n:]{1,40})\)(?=[ \t]*:)/g;
function unitlessLabels(text: string, f: string): string {
  const edits: Edit[] = [];
  for (const m of f.matchAll(RE_UNIT_BEFORE_COLON)) edits.push({ start: m.index as number, end: (m.index as number) + m[0].length, with: "" });
  return edits.length > 0 ? spliceEdits(text, edits) : text;
}

// "> Chi bộ nào chưa báo cáo SH tháng 1 thì gửi trong hôm nay nhé⏎Dạ chi bộ thôn Đồng Tâm báo cáo ạ. …": a reply opening on the
// office's words it quotes; those are the office's, none of the report's figures or days ("hôm nay"). A forwarded report
// quoted whole under "Fw:" keeps its lines.
// ("> Đề nghị các chi bộ cập nhật số liệu quý IV/2025 trước 5/1⏎TDP Hòa Bình 3 ạ: Số hộ 428, …": the period the office asked
// for is the reply's, when the reply names none of its own with a year; it is kept as the report's period line.)
const RE_QUOTED_HEAD = /^(?:[ \t]*>[^\n]*\n)+(?=[ \t]*[^>\s])/;
const RE_PERIOD_ASKED = /\b(?:quy\s?(?:iv|iii|ii|i|[1-4])(?:\s?\/\s?\d{4})?|thang\s?\d{1,2}(?:\s?\/\s?\d{4})?)(?![\d/])/;
const RE_PERIOD_WITH_YEAR = /\b(?:quy|thang|nam)\s?[ivx\d]{1,4}\s?\/\s?\d{4}\b|\bnam\s?20\d\d\b/;
function dropQuotedHead(text: string, f: string): string {
  const m = RE_QUOTED_HEAD.exec(text);
  if (!m || text.length - m[0].length < 20) return text;
  const asked = RE_PERIOD_ASKED.exec(f.slice(0, m[0].length));
  if (!asked || RE_PERIOD_WITH_YEAR.test(f.slice(m[0].length))) return text.slice(m[0].length);
  return `Kỳ báo cáo: ${text.slice(asked.index, asked.index + asked[0].length)}\n${text.slice(m[0].length)}`;
}

// "VP Đảng ủy xã … tổng hợp: …⏎Tháng 7/2026 toàn Đảng bộ có 23/24 chi bộ đã sinh hoạt …⏎Riêng Chi bộ bản Nà Khương …: họp ngày
// 03/7, …": the office's summary of the whole commune, then one cell's report; the report is the cell's lines.
const RE_ONE_CELL_AFTER_SUMMARY = new RegExp(`^((?:[^\\n]*\\n){1,4}?)[ \\t]*rieng[ \\t]+(?:chi bo|cb)${WORD_END}`);
function oneCellAfterSummary(text: string, f: string): string {
  const m = RE_ONE_CELL_AFTER_SUMMARY.exec(f);
  if (!m || !RE_COMMUNE_WIDE.test(m[1] as string)) return text;
  return text.slice((m[1] as string).length);
}

// An office's letter passing one cell's report on, the report quoted whole: "Văn phòng chuyển kèm báo cáo của Chi bộ thôn Nam
// Hà, nguyên văn:⏎"Năm 2026 chi bộ kết nạp 04 …"", "Nội dung báo cáo của chi bộ:⏎"…"", "Kính chuyển đồng chí báo cáo của Chi bộ
// Khu phố 4 …⏎> BÁO CÁO …⏎> 1. Thời gian …", "… Văn phòng chuyển nguyên văn để Ban cập nhật:⏎---⏎Số liệu thôn Bù Lư …⏎---". The
// letter's own figures (the whole commune's) and dates are none of the report's: the report is the quoted lines.
const RE_PASSED_ON = new RegExp(`${WORD_START}(?:kinh chuyen|chuyen kem|chuyen nguyen van|(?:vp|van phong)(?:\\s+(?:dang uy|du))?\\s+chuyen|noi dung bao cao cua (?:chi bo|cb))${WORD_END}`);
// ("… nội dung như sau:⏎⏎"Chi bộ …"": a blank line between them too.)
const RE_QUOTED_REPORT = /(?::|nguyen van)[ \t]*(?:\n[ \t]*){0,2}["“]([^"“”]{40,})["”]|(?:^|\n)[ \t]*[-=_]{3,}[ \t]*\n([\s\S]{40,}?)\n[ \t]*[-=_]{3,}[ \t]*(?:\n|$)|((?:(?:^|\n)[ \t]*>[^\n]*){3,})/;
const RE_QUOTE_LEAD = /\b(?:nguyen van|nhu sau|sau day|bao cao|bc)\b/;
function quotedReport(text: string, f: string): string {
  const cover = RE_PASSED_ON.exec(f);
  if (!cover) return text;
  const q = RE_QUOTED_REPORT.exec(f.slice(cover.index));
  if (!q) return text;
  // ("Kính chuyển … báo cáo của Chi bộ buôn Ea Sar …⏎…⏎- Chuyên đề: "Tăng cường …"": a quote after a label of the report's
  // own is the report's topic, not the report; the report is quoted after the cover's own words.)
  if (q[1] !== undefined) {
    const colon = cover.index + q.index;
    const line = f.slice(f.lastIndexOf("\n", colon) + 1, colon + 1);
    if (!RE_PASSED_ON.test(line) && !RE_QUOTE_LEAD.test(line)) return text;
  }
  const at = cover.index + q.index;
  const body = q[1] ?? q[2] ?? (q[3] as string);
  const start = at + q[0].indexOf(body);
  const quoted = text.slice(start, start + body.length);
  return q[3] === undefined ? quoted : quoted.replace(/^[ \t]*>[ \t]?/gm, "").replace(/^\n+/, "");
}

// "So DV phai dong,Da dong,Chua dong,Tong tien thu⏎46,44,2,"1,245,000"": a sheet exported as CSV, its header over one row of
// values; read as labelled lines, the thousands written with commas as with dots.
// ("Chi bộ","Kỳ báo cáo","Kết nạp mới",…⏎"Khu phố Xuân Thanh 3, phường Long Khánh","Năm 2025","03",…", "TT,Chi bộ,Năm,Tổng
// số ĐV,HTXS,…⏎7,Khu phố 2,2025,64,6,…", "ma_thon,ten_thon,quy,so_ho,…⏎DL-0612,Thôn 6,Q4/2025,412,…": the header's cells
// quoted or not, named by a database's field names, the row's cells words too, so long as most are figures.)
const RE_CSV_ANY = /(?:^|\n)[^\n,]{1,40}(?:,[^\n,]{1,40}){2,}\n[^\n,]*(?:,[^\n,]*){2,}/;
const RE_CSV_LABEL = /^(?=[^]*\p{L})(?:[^\d]|(?<=\p{L})\d)*$/u;
const RE_CSV_FIGURE = /^[\d.,/]*$/;
const RE_CSV_INDEX = /^(?:stt|tt|#)$/i;
const csvCells = (line: string): string[] => line.match(/"[^"]*"|[^,]+|(?<=,)(?=,|$)|^(?=,)/g)?.map((c) => c.replace(/^"|"$/g, "").trim()) ?? [];
function csvSheet(text: string): string {
  const lines = text.split("\n");
  let changed = false;
  for (let i = 0; i + 1 < lines.length; i++) {
    const head = (lines[i] as string).trim();
    const row = (lines[i + 1] as string).trim();
    if (!head.includes(",") || !row.includes(",")) continue;
    const labels = csvCells(head);
    const values = csvCells(row);
    if (labels.length < 3 || labels.length !== values.length || labels.some((l) => l.length > 40 || !RE_CSV_LABEL.test(l))) continue;
    if (values.filter((v) => RE_CSV_FIGURE.test(v)).length * 2 < values.length) continue;
    const out = labels
      .map((l, k) => (RE_CSV_INDEX.test(l) ? "" : `${l.replace(/_/g, " ")}: ${(values[k] as string).replace(/,(?=\d{3}(?:\D|$))/g, ".")}`))
      .filter((l) => l !== "");
    lines.splice(i, 2, ...out);
    i += out.length - 1;
    changed = true;
  }
  return changed ? lines.join("\n") : text;
}

// "STT;Chi bộ;Tháng;Ngày sinh hoạt;…;Có mặt;…⏎14;Chi bộ Khu phố 11;11/2025;04/11/2025;…;38;…": a sheet exported with semicolons,
// its header over one row (a cell's line): read as labelled lines, each on its own; the row's number in the sheet is none
// of the report's.
const RE_SSV_HEAD = /^[^\d\n;]+(?:;[^\d\n;]+){3,}$/;
const RE_SSV_ANY = /(?:^|\n)[^\d\n;]+(?:;[^\d\n;]+){3,}\n[^\n]*\d[^\n]*;/;
function semicolonSheet(text: string): string {
  const lines = text.split("\n");
  for (let i = 0; i + 1 < lines.length; i++) {
    const head = (lines[i] as string).trim();
    if (!RE_SSV_HEAD.test(head)) continue;
    const labels = head.split(";").map((c) => c.trim());
    const values = (lines[i + 1] as string).trim().split(";").map((c) => c.trim());
    const more = lines[i + 2]?.split(";").length === labels.length;
    if (values.length !== labels.length || more) continue;
    const out = labels.flatMap((l, k) => (values[k] === "" || /^(?:stt|tt|số tt)$/i.test(l) ? [] : [`${l}: ${values[k] as string}`]));
    // "…;Vắng không LD;Ghi chú⏎…;1;Vắng không LD: đ/c Lê Quang Vinh": a remark naming another column's members is that
    // column's, after its count.
    const note = out.findIndex((l) => /^ghi chú:/i.test(l));
    const named = note >= 0 ? /^ghi chú:\s*([^:]{2,30}):\s*(\S[^]*)$/i.exec(out[note] as string) : null;
    const owner = named ? out.findIndex((l, k) => k !== note && l.toLowerCase().startsWith(`${(named[1] as string).toLowerCase()}:`)) : -1;
    if (named && owner >= 0) {
      out[owner] = `${out[owner] as string} - ${named[2] as string}`;
      out.splice(note, 1);
    }
    lines.splice(i, 2, ...out);
    return lines.join("\n");
  }
  return text;
}

// "01 đ/c có lý do (Lê Thị Bảy, lên TP.HCM chăm con); 01 đ/c không lý do (Trần Văn Sáu)", "miễn sinh hoạt (Nguyễn Văn Út,
// bệnh già)": a group's member named in its bracket without the comrade word is named as with it.
const RE_KIND_BRACKET = /\b(?:co ly do|khong ly do|ko ly do|k ly do|mien sinh hoat|mien sh|msh|cld|kld|co phep|khong phep)[ \t]*\([ \t]*/g;
// (One member alone in the bracket, the reason after a comma in lower case: "(A – ốm, B – đi viện)" lists several.)
const RE_BRACKET_BODY = /^([^()\n,]{3,60})(?:\)|,[ \t]*([^()\n]*)\))/;
const isUpper = (c: string): boolean => c !== c.toLowerCase();
function bareNameInBracket(s: string): boolean {
  const m = RE_BRACKET_BODY.exec(s);
  if (!m) return false;
  const words = (m[1] as string).trim().split(/[ \t]+/);
  if (words.length < 2 || words.length > 4 || !words.every((w) => isUpper(w.charAt(0)) && w.slice(1) === w.slice(1).toLowerCase())) return false;
  const reason = m[2];
  if (reason === undefined) return true;
  return reason !== "" && !isUpper(reason.charAt(0)) && isLetter(reason.charAt(0)) && !/[,;][ \t]*\S/.test(reason.replace(/[,;][ \t]*(?=[a-zà-ỹđ])/g, " ")) && !/[ \t][–-][ \t]/.test(reason);
}
function comradeInKindBracket(text: string, f: string): string {
  const edits: Edit[] = [];
  for (const m of f.matchAll(RE_KIND_BRACKET)) {
    const at = m.index + m[0].length;
    // (Every such bracket the same way, or none rewritten: "(Lâm Văn Bé đi biển), 1 không lý do (Huỳnh Thị Nhịn)" reads whole.)
    if (!bareNameInBracket(text.slice(at, at + 120))) return text;
    edits.push({ start: at, end: at, with: "đ/c " });
  }
  return edits.length > 0 ? spliceEdits(text, edits) : text;
}

// "---------- Forwarded message ---------⏎Từ: …⏎Date: Th 6, 6 thg 2, 2026 lúc 21:12⏎Subject: …⏎To: …": a mail's header lines
// tell when it was sent and by whom, none of the report's day or time; they are left out.
// Each such block goes: a mail forwarded twice holds two ("Date: Th 6, 12 thg 12, 2025 lúc 16:40" in the inner one is the
// cell's sending, not its meeting). "Từ: …⏎Gửi: …⏎Ngày gửi: 08/06/2026 15:10⏎Tiêu đề: …" opening the message, with no rule
// above it, is such a header too when it names both when it was sent and its subject.
const RE_MAIL_HEADER = /^[ \t]*-{3,}[ \t]*(?:forwarded message|original message|tin nhan chuyen tiep|thu chuyen tiep)[ \t]*-{3,}[ \t]*\n((?:[ \t]*(?:tu|from|date|ngay|sent|gui luc|subject|tieu de|chu de|to|den|cc)[ \t]*:[^\n]*\n)+)/gm;
const RE_MAIL_HEAD_TOP = /^(?:[ \t]*(?:tu|from|gui|nguoi gui|ngay gui|gui luc|date|sent|subject|tieu de|to|cc)[ \t]*:[^\n]*\n){3,}/;
const RE_MAIL_SENT_KEY = /(?:^|\n)[ \t]*(?:ngay gui|gui luc|date|sent)[ \t]*:/;
const RE_MAIL_SUBJECT_KEY = /(?:^|\n)[ \t]*(?:subject|tieu de)[ \t]*:/;
function dropMailHeader(text: string, f: string): string {
  let out = text;
  let cut = 0;
  const top = RE_MAIL_HEAD_TOP.exec(f);
  if (top && RE_MAIL_SENT_KEY.test(top[0]) && RE_MAIL_SUBJECT_KEY.test(top[0])) {
    out = text.slice(top[0].length);
    cut = top[0].length;
  }
  for (const m of f.slice(cut).matchAll(RE_MAIL_HEADER)) {
    const block = m[1] as string;
    const start = (m.index as number) + m[0].length - block.length - (text.length - out.length - cut);
    // ("Chủ đề: Chuyển số liệu thôn Khuổi Phường quý I/2027": the subject names the quarter reported; it stays, as a title.)
    const subject = RE_MAIL_SUBJECT_QUARTER.exec(block);
    const kept = subject ? `${out.slice(start + subject.index + subject[0].length - (subject[1] as string).length, start + subject.index + subject[0].length).trim()}\n` : "";
    out = out.slice(0, start) + kept + out.slice(start + block.length);
  }
  return out;
}
const RE_MAIL_SUBJECT_QUARTER = /^[ \t]*(?:subject|tieu de|chu de)[ \t]*:([^\n]*\bq(?:uy)?[ \t]*(?:iv|iii|ii|i|[1-4])\b[^\n]*)/m;

// "📍 nhà văn hóa thôn", "📅 12/7", "⏰ 8h-10h30 sáng", "❌ vắng 2 …", "🌟 Kết nạp tháng 7 …": a picture opening a line is
// its label in a chat; the place, the day and the time say what they are, any other opens an item (or the title).
const RE_LINE_PICTURE = /^[ \t]*((?:\p{Extended_Pictographic}[\u{FE0F}\u{200D}\u{1F3FB}-\u{1F3FF}]*)+)[ \t]*/gmu;
const PICTURE_LABEL: Readonly<Record<string, string>> = { "📍": "Địa điểm: ", "📌": "- ", "📅": "Ngày ", "🗓": "Ngày ", "⏰": "Thời gian: ", "🕖": "Thời gian: ", "🕗": "Thời gian: ", "🕢": "Thời gian: " };
const RE_ANY_PICTURE = /\p{Extended_Pictographic}/u;
function labelPictures(text: string): string {
  // (The first line's is the title's: "🌟 Kết nạp tháng 7 - chi bộ TDP 5:".)
  return text.replace(RE_LINE_PICTURE, (_all, pictures: string, at: number) => PICTURE_LABEL[pictures.replace(/[\u{FE0F}\u{200D}]/gu, "")] ?? (at === 0 ? "" : "- "));
}

// "4. Nội dung:⏎   a) Quán triệt …;⏎   b) …": items indented under their heading, as Word and mail quotes lay them out, are the
// heading's list.
// (Lettered items only: bulleted ones already read indented, under a numbered line's count.)
const RE_INDENTED_ITEM = /^ {2,}(?=[a-h]\)[ \t])/gm;
const dedentItems = (text: string): string => text.replace(RE_INDENTED_ITEM, "");

// "1. Có kết nạp đảng viên mới trong quý: ☒ Có ☐ Không Số lượng: 01", "2. Có đảng viên được công nhận chính thức trong
// quý: ☐ Có ☒ Không": a form's question answered by a box (the box already its word): what it asks about, and how many —
// none when the answer is "Không".
// ("1. Trong kỳ có kết nạp đảng viên: ☒ Có ☐ Không⏎   Số lượng: 01": when, before the question; the count on the next line.)
const RE_YES_NO_ASKED = /^([ \t]*(?:(?:\d{1,2}|[a-h])[.)][ \t]*)?(?:trong (?:quy|thang|nam|ky)(?: nay)?[ \t]+)?)co[ \t]+([^:\n]{3,80}?)(?:[ \t]+trong (?:quy|thang|nam|ky)(?: nay)?)?[ \t]*:[ \t]*(co|khong)(?![a-z])(?:[ \t,;-]*\n?[ \t]*so luong[ \t]*:?[ \t]*(\d{1,3})(?!\d))?/gm;
function answerYesNo(text: string, f: string): string {
  const edits: Edit[] = [];
  for (const m of f.matchAll(RE_YES_NO_ASKED)) {
    const lead = m[1] as string;
    const count = m[4];
    // ("☒ Có" with no count: how many is said elsewhere.)
    if (m[3] === "co" && count === undefined) continue;
    const at = m.index + lead.length + "co ".length;
    const what = text.slice(at, at + (m[2] as string).length);
    edits.push({ start: m.index + lead.length, end: m.index + m[0].length, with: `${what.charAt(0).toUpperCase()}${what.slice(1)}: ${count ?? "0"}` });
  }
  return spliceEdits(text, edits);
}

// "[08:12] bc ấp Tân Quới B t7", "[05/07/2025, 08:13] họp tối 4/7", "[8:15 PM] đv 12/13": a chat's lines copied with
// the time each was sent; those hours are the chat's, no meeting's. Two such lines at least make the chat's log.
const RE_SENT_AT = /^[ \t]*\[(?:\d{1,2}[/.-]\d{1,2}(?:[/.-]\d{2,4})?,?[ \t]*)?\d{1,2}:\d{2}(?::\d{2})?(?:[ \t]*[ap]m)?(?:,?[ \t]*\d{1,2}[/.-]\d{1,2}(?:[/.-]\d{2,4})?)?\][ \t]*/gm;
const RE_TWO_SENT_AT = /(?:^|\n)[ \t]*\[[\d/.,: \t-]{4,22}(?:[ap]m)?\][^\n]*\n[ \t]*\[[\d/.,: \t-]{4,22}(?:[ap]m)?\]/;
const dropSentAt = (text: string, f: string): string => {
  const cuts: Edit[] = [];
  for (const m of f.matchAll(RE_SENT_AT)) cuts.push({ start: m.index, end: m.index + m[0].length, with: "" });
  return spliceEdits(text, cuts);
};

const STEPS: readonly Step[] = [
  { may: (f) => RE_ANY_PICTURE.test(f), rewrite: labelPictures },
  { may: (f) => f.includes(",") && RE_CSV_ANY.test(f), rewrite: (text) => csvSheet(text) },
  { may: (f) => f.includes(";") && RE_SSV_ANY.test(f), rewrite: semicolonSheet },
  { may: (f) => f.includes("message") || f.includes("chuyen tiep") || f.includes("tieu de:") || f.includes("subject:"), rewrite: dropMailHeader },
  { may: (f) => f.includes("rieng"), rewrite: oneCellAfterSummary },
  { may: (f) => f.includes("chuyen"), rewrite: quotedReport },
  { may: (f) => f.includes("\n  ") && f.includes(")"), rewrite: dedentItems },
  { may: (f) => f.startsWith(">") || f.trimStart().startsWith(">"), rewrite: (text, f) => dropQuotedHead(text, f) },
  { may: (f) => f.includes(":") && f.includes("[") && RE_TWO_SENT_AT.test(f), rewrite: dropSentAt },
  { may: (f) => f.includes("[") && f.includes("]"), rewrite: squareToRound },
  { may: (f) => f.includes(")") && f.includes("/"), rewrite: labelFigures },
  { may: (f) => f.includes(")") && RE_DIGIT_IN_BRACKET.test(f), rewrite: figuresWritten },
  { may: (f) => f.includes(")") && RE_WORDS_IN_BRACKET.test(f), rewrite: figuresSaid },
  { may: (f) => f.includes("..") || f.includes("…"), rewrite: undot },
  { may: (f) => RE_BOX.test(f) || RE_BRACKET_BOX_EMPTY.test(f), rewrite: unbox },
  { may: (f) => f.includes(": co") || f.includes(": khong"), rewrite: answerYesNo },
  { may: mayHaveOfficeNote, rewrite: dropOfficeNote },
  { may: (f) => f.includes("li do"), rewrite: spellLyDo },
  { may: (f) => f.includes(" (") && (f.includes("ly do") || f.includes("mien") || f.includes("msh") || f.includes("ld (") || f.includes("phep")), rewrite: comradeInKindBracket },
  { may: (f) => (f.includes(":\n") || f.includes("\n-")) && f.includes("vang"), rewrite: bulletAbsentLines },
  { may: (f) => f.includes("hong"), rewrite: spellNot },
  { may: (f) => f.includes("kp") || f.includes("cp"), rewrite: spellLeave },
  { may: (f) => f.includes("dct"), rewrite: spellDct },
  { may: mayHaveSlip, rewrite: mendSlips },
  { may: (f) => f.includes(" ng") || f.includes(" trieu"), rewrite: composeSpokenFigures },
  { may: mayBeRunOn, rewrite: punctuateRunOn },
  { may: (f) => f.includes(":") && RE_PAIRED_VALUES.test(f), rewrite: (text, f) => unpair(text, f) },
  { may: (f) => f.includes(")") && RE_MAY_BRACKET_PAIR.test(f), rewrite: (text, f) => unbracket(text, f) },
  { may: (f) => f.includes("|"), rewrite: (text, f) => untable(text, f) },
  // ("Hộ nghèo / hộ cận nghèo | 05 / 09": a table's row made "label: value" above pairs its values too.)
  { may: (f) => f.includes("/") && f.includes(":") && RE_PAIRED_VALUES.test(f), rewrite: (text, f) => unpair(text, f) },
  // ("Đảng viên (dự bị) | 18 (01) | 17 (02)" under two periods, made "Đảng viên (dự bị): 18 (01)" above: its pair too.)
  { may: (f) => f.includes("):") && RE_MAY_BRACKET_PAIR.test(f), rewrite: (text, f) => unbracket(text, f) },
  { may: (f) => f.includes("):"), rewrite: unitlessLabels },
];

export function prepare(input: string, now: Date, tz?: string): Prepared {
  // (Cells lined up with spaces are made tabbed first: the table's shaping reads them as any pasted sheet.)
  const spaced = input.includes("  ") ? spacedColumns(input) : input;
  let text = spaced;
  if (RE_MAY_NEED_EITHER.test(spaced)) {
    const nfc = RE_MAY_NEED_NFC.test(spaced) ? spaced.normalize("NFC") : spaced;
    text = RE_MAY_NEED_SHAPING.test(nfc) ? shape(nfc) : nfc;
  }
  text = repairTelex(text);
  let f = foldSameLength(text);
  if (RE_GLUED_COUNT.test(f)) {
    // "3đ/c", "25dv": a count glued to its noun reads as "3 đ/c".
    text = text.replace(RE_GLUED_COUNT_TEXT, "$1 ");
    f = foldSameLength(text);
  }
  // Each step below rewrites the text only when its cheap sign is there; the folded text follows each rewrite.
  for (const step of STEPS) {
    if (!step.may(f)) continue;
    const out = step.rewrite(text, f);
    if (out !== text) {
      text = out;
      f = foldSameLength(text);
    }
  }
  // "vắng 1 cld: Hai đi làm", "vắng: Ba ốm": a given name that is a number word, written capitalised among the absent
  // and followed by what kept the member, is a name; the folded text no longer reads it as a count.
  // "Chuyển chính thức cho Bảy Nhanh", "giao Hai Lợi phụ trách", "anh Sáu Tâm": one written capitalised, after a word
  // that goes before a person's name and before a capitalised word, is a Southern name by birth order, no count.
  if (RE_NUMBER_NAME.test(text)) f = maskNumberNames(text, f);
  // "đi làm công ty ở TP.HCM (có báo trước)": the dot of a town's abbreviation ends no sentence (the text keeps it).
  if (f.includes("tp.") || f.includes("tx.") || f.includes("tt.")) f = f.replace(RE_TOWN_DOT, "$1 ");
  return { text, f, now: localNow(now, tz) };
}

const RE_NUMBER_NAME = /(?<![\p{L}\d])(?:Một|Hai|Ba|Bốn|Tư|Năm|Sáu|Bảy|Tám|Chín|Mười)(?![\p{L}\d])/u;
const RE_NUMBER_NAME_G = new RegExp(RE_NUMBER_NAME.source, "gu");
// What makes the word a count after all: a member noun or another number after it; a month, a day or a time before it.
const RE_COUNTED_AFTER = /^\s*(?:(?:dong chi|d\/c|dc|dv|dang vien|nguoi|trong|muoi|tram|mot|hai|ba|bon|tu|nam|sau|bay|tam|chin)(?![a-z])|\d|[,.;:\n]|\(\s*\d|$)/;
const RE_NOT_NAME_BEFORE = /(?:thang|ngay|quy|luc|nam|thu|lan|so)\s*$/;
const RE_ABSENCE_BEFORE = /\b(?:vang|ly do|cld|kld|khong phep|co phep|xin phep)\b[^.;\n]{0,40}$/;
// (After a word that goes before a person's name: "người Ba Na" is a people, "xã Ba Vì" a place.)
const RE_NAME_LEAD = /(?:^|[^a-z])(?:d\/c|dc|dong chi|anh|chi|ong|ba|co|chu|em|bac|cho|giao|con|chau|vo|chong|di|cau|thim)[ \t]$/;
const RE_NAME_PAIR_AFTER = /^ \p{Lu}\p{Ll}/u;
function maskNumberNames(text: string, f: string): string {
  let out = f;
  for (const m of text.matchAll(RE_NUMBER_NAME_G)) {
    const at = m.index as number;
    const end = at + m[0].length;
    const before = f.slice(Math.max(0, at - 48), at);
    if (RE_NOT_NAME_BEFORE.test(before) || RE_COUNTED_AFTER.test(f.slice(end, end + 16))) continue;
    const named = RE_NAME_LEAD.test(before) && RE_NAME_PAIR_AFTER.test(text.slice(end, end + 3));
    if (!named && !(f.includes("vang") && RE_ABSENCE_BEFORE.test(before))) continue;
    out = out.slice(0, at) + "q".repeat(m[0].length) + out.slice(end);
  }
  return out;
}

const RE_TOWN_DOT = /(?<![a-z])(tp|tx|tt)\.(?=[a-z])/g;

const RE_TAB_RUN = /[ ]*\t[\t ]*/;
const RE_VALUED_CELL = /:[ ]*[^\s:][^:]*$/;
const RE_LABEL_CELL = /^[^\d\s:(][^:]{1,40}:[ ]*\S/;
function tabbedFields(text: string): string {
  return text.split("\n").map((line) => {
    if (!line.includes("\t")) return line;
    const cells = line.split(RE_TAB_RUN);
    const seps = line.match(/[ ]*\t[\t ]*/g) ?? [];
    let out = cells[0] as string;
    for (let k = 1; k < cells.length; k++) {
      const prev = cells[k - 1] as string;
      const cell = cells[k] as string;
      out += (RE_VALUED_CELL.test(prev) && RE_LABEL_CELL.test(cell) && isLetter(cell.charAt(0)) ? ", " : seps[k - 1]) + cell;
    }
    return out;
  }).join("\n");
}
const RE_ORNAMENT_TAB = /^[ \t]*\*\t[\t ]*/gm;

/** `clean` with its tables, odd spaces, dashes and quotes, arrows and lost "đ" made plain. */
function shape(clean: string): string {
  // "*\tTân Đông Hiệp, ngày 08 tháng 4 năm 2026": a letterhead's ornament, tabbed off the dateline, is no part of it.
  if (clean.includes("*\t")) clean = clean.replace(RE_ORNAMENT_TAB, "");
  // "Kết nạp mới\t4", "| Ngày họp | 03/4/2026 |": a table's rows as cells between bars.
  if (RE_TABLE.test(clean)) clean = shapeTables(clean);
  // "Số ĐV phải đóng: 31<tab>Đã đóng: 29<tab>Chưa đóng: 02", "Ngày: 18/03/2026<tab>Từ: 08 giờ 00<tab>Đến: 10 giờ 00": a form's
  // fields side by side on one line, each its label and value, are apart as a comma sets them.
  if (clean.includes("\t")) clean = tabbedFields(clean);
  if (NEEDS_CLEANING.test(clean)) {
    clean = clean
      .replace(CRLF, "\n")
      .replace(SPACE_LIKE, " ")
      .replace(DASH_LIKE, "-")
      .replace(QUOTE_LIKE, '"')
      .replace(APOS_LIKE, "'")
      .replace(SUPERSCRIPT_TWO, "2");
  }
  // "nạo vét cống -> khóm trưởng", "thu quỹ → đ/c Hoa": an arrow between words hands the task on, as a dash does
  // (between figures, "25 -> 26", it puts one right; "19h->21h" is a span of time).
  if (clean.includes(">") || clean.includes("→")) clean = clean.replace(RE_WORD_ARROW, " - ");
  // "da nop ?UX 18/5", "?/c Lò Văn Sáng": a "đ" an old keyboard or encoding turned into "?".
  if (clean.includes("?")) clean = clean.replace(RE_LOST_D, (_, next: string) => (next === next.toLowerCase() && next !== "/" ? "đ" : "Đ"));
  return clean;
}

// "Hộ / khẩu: 126 / 751": two labels, then their two numbers (not "có mặt/tổng: 38/40", attendance); "Hội viên PN / ND
// / CCB: 156 / 203 / 29": three or four of each.
// The numbers are looked for first (a scan led by ":"), the labels then before them.
const RE_PAIRED_VALUES = /: ?(\d+(?:[.,]\d+)?)((?: ?\/ ?\d+(?:[.,]\d+)?){1,3})(?![\d/])/;
const RE_PAIRED_VALUES_ALL = new RegExp(RE_PAIRED_VALUES.source, "g");
const RE_PAIRED_LABELS = /(?<![a-z])(?:(?:[a-z]+ ){0,2}[a-z]+)(?: ?\/ ?(?:[a-z]+ ){0,2}[a-z]+){1,3} ?$/;
const RE_LABEL_OF = /(?:[a-z]+ ){0,2}[a-z]+/g;
const RE_NUMBER_OF = /\d+(?:[.,]\d+)?/g;

/** "Hộ / khẩu: 126 / 751" read as "Hộ: 126, khẩu: 751". */
function unpair(text: string, f: string): string {
  const edits: Edit[] = [];
  let last = 0;
  RE_PAIRED_VALUES_ALL.lastIndex = 0;
  let v: RegExpExecArray | null;
  while ((v = RE_PAIRED_VALUES_ALL.exec(f))) {
    const lineStart = f.lastIndexOf("\n", v.index) + 1;
    const from = Math.max(lineStart, last);
    const labels = RE_PAIRED_LABELS.exec(f.slice(from, v.index));
    if (!labels) continue;
    const names = [...labels[0].matchAll(RE_LABEL_OF)].map((m) => ({ at: from + labels.index + (m.index as number), length: m[0].length }));
    const values = [...v[0].matchAll(RE_NUMBER_OF)].map((m) => ({ at: v!.index + (m.index as number), length: m[0].length }));
    const first = names[0] as { at: number; length: number };
    if (names.length !== values.length || /^(?:co mat|du|tham du|dv co mat|dang vien co mat|so dv co mat)$/.test(f.slice(first.at, first.at + first.length))) continue;
    last = v.index + v[0].length;
    edits.push({ start: first.at, end: last, with: names.map((n, k) => `${text.slice(n.at, n.at + n.length)}: ${text.slice(values[k]!.at, values[k]!.at + values[k]!.length)}`).join(", ") });
  }
  return spliceEdits(text, edits);
}

// "Đảng viên (dự bị): 37 (2)": a label and the part of it in brackets, then their two numbers the same way.
const RE_BRACKET_PAIR = /(?<![a-z])((?:[a-z]+ ){0,2}[a-z]+) ?\(((?:[a-z]+ ){0,2}[a-z]+)\) ?: ?(\d+(?:[.,]\d+)?) ?\((\d+(?:[.,]\d+)?)\)/g;
const RE_MAY_BRACKET_PAIR = /\) ?: ?\d+(?:[.,]\d+)? ?\(\d/;

/** "Đảng viên (dự bị): 37 (2)" read as "Đảng viên: 37, dự bị: 2". */
function unbracket(text: string, f: string): string {
  const edits: Edit[] = [];
  RE_BRACKET_PAIR.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = RE_BRACKET_PAIR.exec(f))) {
    const at = m.index;
    const label = text.slice(at, at + (m[1] as string).length);
    const inner = f.indexOf(m[2] as string, at + (m[1] as string).length);
    const x = f.indexOf(m[3] as string, inner + (m[2] as string).length);
    const y = f.indexOf(m[4] as string, x + (m[3] as string).length);
    const part = text.slice(inner, inner + (m[2] as string).length);
    edits.push({ start: at, end: at + m[0].length, with: `${label}: ${text.slice(x, x + (m[3] as string).length)}, ${part}: ${text.slice(y, y + (m[4] as string).length)}` });
  }
  return spliceEdits(text, edits);
}

// "Diện tích (km2) | 12,4": a unit in the label; " - Nữ | 2": a sub-row, its dash kept.
const RE_ITEM_NUMBER_LEAD = /^\s*\d{1,2}[.)]\s+(?=[a-z][^|\n]*\|[^|\n]*$)/;
const RE_LABEL_BAR_VALUE = /^(\s*(?:[-+•*]\s*)?[a-z](?:[^|\d\n]|km2){1,40}?)\s*\|\s*(?=\d|chua\b|khong\b|co\b)(?![^|\n]*\|)/;
const RE_LABEL_BAR_TEXT = /^(\s*(?:[-+•*]\s*)?[a-z][^|\d\n]{1,40}?)\s*\|\s*(?=\S)(?![^|\n]*\|)/;
// "| 1 | 12 | 3 | 1 |" (bars at both ends), "45 | 43 | 2 | 1.548.000đ" (an amount with its unit),
// "260.400 (ngày 25/1)" (a remark in brackets after the number), "3/11" (a day under "Ngày nộp").
const CELL_NUMBER = "\\d+(?:[.,]\\d+)*(?:\\/\\d{1,2}(?:\\/\\d{2,4})?)?(?:\\s?(?:d|vnd|dong|k))?(?:\\s*\\([^()|\\n]{0,40}\\))?";
const RE_ROW_OF_NUMBERS = new RegExp(`^\\s*\\|?\\s*${CELL_NUMBER}(?:\\s*\\|\\s*${CELL_NUMBER})+\\s*\\|?\\s*$`);
/** A row named in its first cell: "Thôn Tả Lủng A | 97 | 503 | 41". */
const RE_NAMED_ROW = /^\s*\|?\s*[a-z][^|\n]*?(?:\s*\|\s*\d+(?:[.,]\d+)?)+\s*\|?\s*$/;

const RE_UNIT_SQUARED = /(?<=m)2\b/gi;
const RE_DIGIT = /\d/;
// "Tên thôn | Lũng Vài" over the rows of figures is such a row too, no header naming columns.
const RE_VILLAGE_ROW = /^\s*(?:ten\s*)?(?:thon|ban|xom|ap|khom|to dan pho|tdp|khu pho|buon|lang|plei|soc)\s*\|[^|\n]*$/;
// "| Tên ấp | Tân Phước |": the same row with bars at both ends.
const RE_VILLAGE_ROW_BARRED = /^\s*\|\s*(?:ten\s*)?(?:thon|ban|xom|ap|khom|to dan pho|tdp|khu pho|buon|lang|plei|soc)\s*\|[^|\n]*[^|\s][^|\n]*\|\s*$/;
// "Trong đó nữ | | 1": a cell left empty (nothing planned) under a column. Each cell is read once, from its bar to
// the next: written with lazy runs and optional spaces on both sides of every bar, a row that fails ("… | 1 | co
// (d/c …)") was tried every way its spaces could be split between the cells, hundreds of microseconds a row. The
// lookahead asks for one cell with a figure. (Tested on lines, which hold no line break.)
// ("Người dân tộc thiểu số | - | 1 | 0": a dash for no figure.)
// ("Đảng viên hưởng lương hưu, trợ cấp (0,5%) | 6 | 166.000": a share in brackets in the label is no figure of the row.)
const RE_LABEL_ROW = /^(?=[^]*\|\s*\d)\s*\|?\s*(?:[-+•*]\s*)?[a-z](?:[^|\d\n(]|\([^)|\n]*\))*(?:\|\s*(?:\d[^|\n]*|-\s*)?)+$/;
// ("1 | 80 | 300 | …" under "Tổ | Số hộ | …": a part numbered, its kind named in the header.)
const RE_PART_ROW = /^(?=[^]*\|\s*\d)\s*\|?\s*(?:[-+•*]\s*)?(?:[a-z][^|\n]*|\d{1,2}\s*(?=\|))(?:\|\s*(?:\d[^|\n]*|-\s*)?)+$/;
const RE_YEAR_COLUMN = /^[a-z][a-z ]*\s(?:19|20)\d\d$/;
const cellsOf = (row: string): string[] => row.split("|").map((c) => c.trim()).filter((c) => c !== "");
/** The cells of a row in their columns, empty ones kept; bars at both ends open and close no cell. */
function columnsOf(row: string): string[] {
  const cells = row.split("|").map((c) => c.trim());
  if (cells[0] === "" && /^\s*\|/.test(row)) cells.shift();
  if (cells.at(-1) === "" && /\|\s*$/.test(row)) cells.pop();
  return cells;
}
// "Số tiền (đ)", "Thành tiền": a column of sums.
const RE_MONEY_COLUMN = /^\s*(?:so tien|thanh tien|tien)\b/i;
// "Chỉ tiêu | Kế hoạch | Kết quả": the column of what was done, not of what was planned.
const RE_RESULT_COLUMN = new RegExp(`^(?:ket qua|thuc hien|da thuc hien|dat|dat duoc|so lieu|thuc te)${WORD_END}`);

const RE_MONTH_HEAD = /^\s*\|?\s*(?:thang|quy|ky)\s*\|/;
const RE_MONTH_CELL = /^\s*\|?\s*(?:(?:thang|t)\s?)?(?:\d{1,2}(?:\s?\/\s?\d{4})?|[ivx]{1,4})\s*\|/;
// ("Toàn thôn | 257 | 911 | …" under a row for each of the village's groups: the village's own figures.)
const RE_SUM_CELL = new RegExp(`^\\s*\\|?\\s*(?:cong|tong|tong cong|cong quy|tong quy|ca quy|ca nam|luy ke|(?:toan|ca) (?:chi bo|thon|ban|ap|xom|buon|plei|lang|khom|soc|khu pho|to dan pho|to))${WORD_END}[^|]*\\|`);

/**
 * The header row `i` over rows a month each and a row that sums them becomes one line: each column's name and the sum's
 * value, or the last month's where the sum leaves its cell empty. Returns the rows taken (0 when the table is not so).
 */
function monthsSummed(lines: string[], folded: string[], i: number): number {
  const heads = columnsOf(lines[i] as string);
  let k = i + 1;
  // ("1 | 41 | 41 | 312.000 | 312.000" under "… | Lũy kế | Ghi chú": a row's last cells left empty are dropped.)
  const width = (line: string): number => columnsOf(line).length;
  while (k < lines.length && RE_MONTH_CELL.test(folded[k] as string) && width(lines[k] as string) <= heads.length && width(lines[k] as string) >= heads.length - 2) k++;
  if (k - i - 1 < 2) return 0;
  const last = columnsOf(lines[k - 1] as string);
  // "Kỳ | Số ĐV phải nộp | … \nTháng 4/2026 | …\nTháng 5/2026 | …": two months side by side, no sum: the later is the
  // one reported, the earlier only compared with.
  if (k >= lines.length || !RE_SUM_CELL.test(folded[k] as string)) {
    // "Báo cáo tháng 3/2026 là dòng tháng 3 …" over "Tháng | Phải thu | … | Lũy kế" and a row a month: the row of the month
    // the message names above the table, without the year's running total.
    // ("Bảng dưới có cả tháng 1, 2 để đối chiếu, đề nghị VP lấy số liệu tháng 3": of the months named, the latest.)
    const named = [...folded.slice(0, i).join("\n").matchAll(RE_MONTH_NAMED)].map((m) => Number(m[1]));
    const latest = named.length > 0 ? Math.max(...named) : NaN;
    const row = lines.slice(i + 1, k).find((l) => Number(RE_ROW_MONTH.exec(foldSameLength(l))?.[1]) === latest);
    if (row !== undefined) {
      const cells = columnsOf(row);
      const pairs = heads.slice(1).map((h, j) => (RE_SO_FAR_HEAD.test(foldSameLength(h)) ? "" : `${h}: ${cells[j + 1] ?? ""}`.trim())).filter((pair) => pair !== "" && !pair.endsWith(":"));
      // The month on a line of its own ("Tháng 03/2026"), its figures under it.
      const month = /^\d/.test(cells[0] as string) ? `Tháng ${cells[0]}` : (cells[0] as string);
      lines.splice(i, k - i, month, pairs.join(", "));
      folded.splice(i, k - i, "", "");
      return 2;
    }
    if (k - i - 1 !== 2 || !RE_NAMED_MONTH.test(folded[k - 1] as string) || width(lines[k - 1] as string) !== heads.length) return 0;
    const pairs = heads.slice(1).map((h, j) => `${h}: ${last[j + 1] ?? ""}`.trim()).filter((pair) => !pair.endsWith(":"));
    lines.splice(i, k - i, last[0] as string, pairs.join(", "));
    folded.splice(i, k - i, "", "");
    return 2;
  }
  const sum = columnsOf(lines[k] as string);
  const pairs = heads.slice(1).map((h, j) => `${h}: ${sum[j + 1] || last[j + 1] || ""}`.trim()).filter((pair) => !pair.endsWith(":"));
  lines.splice(i, k - i + 1, pairs.join(", "));
  folded.splice(i, k - i + 1, "");
  return 1;
}
const RE_YEAR_HEAD = /^\s*\|?\s*nam\s*\|/;
const RE_YEAR_ROW = /^\s*\|?\s*((?:19|20)\d\d)\s*\|/;
const RE_YEAR_NAMED = /\bnam\s?((?:19|20)\d\d)\b/g;

/**
 * "Năm | HTXS | HTT | … " over a row a year ("2023 | 2 | 20 | …", "2025 | 4 | 23 | …"): the row of the year the message
 * names above the table (the one reported, the others compared with), else the latest, read a labelled pair per column.
 * Returns the rows taken (0 when the table is not so).
 */
function yearRow(lines: string[], folded: string[], i: number): number {
  const heads = columnsOf(lines[i] as string);
  let k = i + 1;
  while (k < lines.length && RE_YEAR_ROW.test(folded[k] as string) && columnsOf(lines[k] as string).length <= heads.length) k++;
  if (k - i - 1 < 2) return 0;
  const year = (l: string): number => Number(RE_YEAR_ROW.exec(foldSameLength(l))?.[1]);
  const rows = lines.slice(i + 1, k);
  const named = [...new Set([...folded.slice(0, i).join("\n").matchAll(RE_YEAR_NAMED)].map((m) => Number(m[1])))];
  const row = (named.length === 1 ? rows.find((l) => year(l) === named[0]) : undefined) ?? rows.reduce((a, b) => (year(b) > year(a) ? b : a));
  const cells = columnsOf(row);
  const pairs = heads.slice(1).map((h, j) => `${h}: ${cells[j + 1] ?? ""}`.trim()).filter((pair) => !pair.endsWith(":"));
  lines.splice(i, k - i, `Năm ${year(row)}: ${pairs.join(", ")}`);
  folded.splice(i, k - i, "");
  return 1;
}
const RE_PERIOD_ROW = /^\s*\|?\s*(?:thang|quy|t|q)\s?(?:\d{1,2}|[ivx]{1,4})(?:\s?\/\s?\d{4})?\s*\|/;
const RE_SO_FAR_ROW = /^\s*\|?\s*(?:luy ke|cong don|tu dau nam)\b[^|]*\|/;
const RE_NAMED_MONTH = /^\s*\|?\s*thang\s?\d{1,2}\s?\/\s?\d{4}\s*\|/;
const RE_MONTH_NAMED = /\bthang\s?(\d{1,2})\b/g;
const RE_ROW_MONTH = /^\s*\|?\s*(?:(?:thang|t)\s?)?(\d{1,2})(?:\s?\/\s?\d{4})?\s*\|/;
const RE_SO_FAR_HEAD = /^\s*(?:luy ke|cong don|tu dau nam)\b/;

const RE_NAMED_FIRST_CELL = /^\s*\|?\s*(?:[-+•*]\s*)?[a-z]/;
const RE_REMARK_LAST = /\|\s*(?:ghi chu|dien giai)\s*\|?\s*$/;

/** The header row `i` ending on a column of remarks, and the rows under it: each remark put in brackets after the cell before it. */
function remarksInBrackets(lines: string[], folded: string[], i: number): void {
  const width = columnsOf(lines[i] as string).length;
  lines[i] = columnsOf(lines[i] as string).slice(0, -1).join(" | ");
  folded[i] = foldSameLength(lines[i] as string);
  for (let k = i + 1; k < lines.length && (lines[k] as string).includes("|"); k++) {
    const cols = columnsOf(lines[k] as string);
    if (cols.length > width) break;
    while (cols.length < width) cols.push("");
    const remark = cols.pop() as string;
    const value = cols.length - 1;
    if (remark !== "" && cols[value] !== "") cols[value] = `${cols[value]} (${remark})`;
    lines[k] = cols.join(" | ");
    folded[k] = foldSameLength(lines[k] as string);
  }
}

/**
 * The header row `i` of four columns or more over rows each named in their first cell, and a row that sums them
 * ("Cộng | 16 | 2 | 13 | 1 | 0 | 0"): one line per column, its name and the sum. Returns 1 when it did, else 0.
 */
const RE_LEVEL_ROW = /^\s*\|?\s*(?:htxs|htt|ht|kht|hoan thanh|khong hoan thanh)[a-z ]*\|/;
function kindsSummed(lines: string[], folded: string[], i: number): number {
  const heads = columnsOf(lines[i] as string);
  if (heads.length < 4 || heads.slice(1).some((h) => h === "" || RE_DIGIT.test(h))) return 0;
  let k = i + 1;
  // ("Xóm 1 | 98 | 371 | …": a hamlet's number in its name.)
  while (k < lines.length && !RE_SUM_CELL.test(folded[k] as string) && RE_PART_ROW.test(folded[k] as string) && columnsOf(lines[k] as string).length === heads.length) k++;
  if (k === i + 1 || k >= lines.length || !RE_SUM_CELL.test(folded[k] as string)) return 0;
  // ("HTXS | 3 | 3 | 0" under "Nội dung | Tổng số | Chính thức | Dự bị": a row for each level, no kind of member.)
  if (RE_LEVEL_ROW.test(folded[i + 1] as string)) return 0;
  const sum = columnsOf(lines[k] as string);
  if (sum.length !== heads.length) return 0;
  const pairs = heads.slice(1).map((h, c) => `${h}: ${sum[c + 1]}`).filter((_, c) => sum[c + 1] !== "");
  lines.splice(i, k - i + 1, ...pairs);
  folded.splice(i, k - i + 1, ...pairs.map(() => ""));
  return 1;
}

const RE_MEMBER_KIND_ROW = /^\s*\|?\s*(?:(?:dv|dang vien)\s+)?(?:chinh thuc|du bi)\s*\|/;
const RE_FIGURES_AFTER_LABEL = /^\s*\|?[^|\d]+(?:\|\s*\d{1,3}\s*)+\|?\s*$/;
/**
 * "Thành phần | Tổng số | Có mặt | Vắng" over "ĐV chính thức | 26 | 22 | 4" and "ĐV dự bị | 2 | 2 | 0", no sum row: the
 * members of both kinds added up, one line per column ("Tổng số: 28", "Có mặt: 24", "Vắng: 4"). Returns 1 when it did.
 */
function membersSummed(lines: string[], folded: string[], i: number): number {
  const heads = columnsOf(lines[i] as string);
  let k = i + 1;
  while (k < lines.length && RE_MEMBER_KIND_ROW.test(folded[k] as string) && RE_FIGURES_AFTER_LABEL.test(folded[k] as string) && columnsOf(lines[k] as string).length === heads.length) k++;
  if (k - i < 3) return 0;
  const sums = heads.slice(1).map((_, c) => lines.slice(i + 1, k).reduce((total, row) => total + Number(columnsOf(row)[c + 1]), 0));
  const pairs = heads.slice(1).map((h, c) => `${h}: ${sums[c]}`);
  lines.splice(i, k - i, ...pairs);
  folded.splice(i, k - i, ...pairs.map(() => ""));
  return 1;
}

/**
 * How many rows under the header row `i` each name their own line ("Kết nạp mới | 04", "HTXS | 4 | 10%"), when
 * two or more do and the header names columns ("Chỉ tiêu | Kết quả"), not the kind of the rows ("Thôn | Hộ" over
 * "Thôn Tả Lủng A | 97"); else 0.
 */
function labelRows(folded: string[], i: number): number {
  const head = cellsOf(folded[i] as string);
  // ("Thực hiện Q2", "Kết quả 2026": the result's column may name its period.)
  // ("Kế hoạch 2026 | Thực hiện 2026 | Cùng kỳ 2025": or the year the column is of.)
  if (head.length < 2 || head.some((h, c) => RE_DIGIT.test(h) && !(c > 0 && (RE_RESULT_COLUMN.test(h) || RE_YEAR_COLUMN.test(h))))) return 0;
  let k = i + 1;
  // ("Chuyển chính thức | 3 |  |  |" under "Nội dung | Tổng số | Nữ | Đoàn viên | …": a row's empty cells after its figure.)
  const fits = (row: string): boolean => {
    const cells = columnsOf(row);
    return cells.length === head.length || (cells.length >= 2 && cells.length < head.length && cells.slice(2).every((c) => c === ""));
  };
  while (k < folded.length && RE_LABEL_ROW.test(folded[k] as string) && fits(folded[k] as string)) k++;
  const rows = k - i - 1;
  if (rows < 2 || (cellsOf(folded[i + 1] as string)[0] as string).startsWith((head[0] as string).split(" ")[0] as string)) return 0;
  return rows;
}

const RE_TASK_HEAD = /\b(?:nguoi thuc hien|phu trach|thoi han|han hoan thanh|giao cho)\s*(?:\||$)/;
const RE_CONTENT_COLUMN = /^(?:noi dung(?: chinh| sinh hoat)?|van de(?: ban)?)$/;
const RE_OWNER_COLUMN = /^(?:nguoi thuc hien|nguoi phu trach|phu trach|don vi thuc hien|giao cho)\b/;

/**
 * The header row `i` over the agenda and the tasks it handed ("Nội dung chính | Kết luận / giao việc | Người thực hiện |
 * Thời hạn"): the contents on one line ("Nội dung: …; …") and the tasks as the resolution's list ("- task - owner, hạn
 * date"). Returns the lines it now takes (0 when the table is not so).
 */
const RE_TASKS_HEADER_LINE = /^\s*(?:[ivx]{1,4}[.)]\s*|\d{1,2}[.)]\s*)?(?:nhiem vu|nghi quyet|ket luan|giao viec|phan cong)\b[^:\n]{0,40}:\s*$/;
function tasksTable(lines: string[], folded: string[], i: number): number {
  const heads = columnsOf(folded[i] as string);
  const content = heads.findIndex((h) => RE_CONTENT_COLUMN.test(h));
  const task = heads.findIndex((h) => RE_TASK_COLUMN.test(h));
  const owner = heads.findIndex((h) => RE_OWNER_COLUMN.test(h));
  const due = heads.findIndex((h) => RE_DUE_COLUMN.test(h));
  if (task < 0 || (owner < 0 && due < 0)) return 0;
  let k = i + 1;
  const items: string[] = [];
  const handed: string[] = [];
  for (; k < lines.length && (lines[k] as string).includes("|"); k++) {
    const cells = columnsOf(lines[k] as string);
    if (content >= 0 && (cells[content] ?? "") !== "") items.push(cells[content] as string);
    const what = cells[task] ?? "";
    if (what === "") continue;
    const who = owner >= 0 ? (cells[owner] ?? "") : "";
    const when = due >= 0 ? (cells[due] ?? "") : "";
    handed.push(`- ${what}${who ? ` - ${who}` : ""}${when ? `, hạn ${when}` : ""}`);
  }
  // A last row of the agenda alone, its cells after the first left empty, has no bars after its text.
  while (content === 0 && k < lines.length && (lines[k] as string).trim() !== "" && !(lines[k] as string).includes(":") && /^\s*\p{L}/u.test(lines[k] as string) && (lines[k] as string).length < 80) {
    items.push((lines[k] as string).trim());
    k++;
  }
  if (handed.length === 0) return 0;
  // ("Nhiệm vụ tháng 12/2026:" over the table: the tasks' own header already.)
  let above = i - 1;
  while (above >= 0 && (lines[above] as string).trim() === "") above--;
  const headed = items.length === 0 && above >= 0 && RE_TASKS_HEADER_LINE.test(foldSameLength(lines[above] as string));
  const out = [...(items.length > 0 ? [`Nội dung: ${items.join("; ")}.`] : []), ...(headed ? [] : ["Nghị quyết:"]), ...handed];
  lines.splice(i, k - i, ...out);
  folded.splice(i, k - i, ...out.map(() => ""));
  return out.length;
}

/**
 * A table typed with bars, labels over numbers ("HTXS | HTT | HT\n4 | 20 | 0"), read as
 * "HTXS: 4, HTT: 20, HT: 0" — the way the same figures are written on one line.
 */
function untable(text: string, f: string): string {
  const lines = text.split("\n");
  const folded = f.split("\n");
  let changed = false;
  let afterPair = false;
  for (let i = 0; i < lines.length; i++) {
    // A line with no bar is no row: it reads as it stands.
    if (!(lines[i] as string).includes("|")) {
      afterPair = false;
      continue;
    }
    // "Nội dung chính | Kết luận / giao việc | Người thực hiện | Thời hạn": the agenda and the tasks handed, a row each.
    const tasks = RE_TASK_HEAD.test(folded[i] as string) ? tasksTable(lines, folded, i) : 0;
    if (tasks > 0) {
      changed = true;
      afterPair = false;
      i += tasks - 1;
      continue;
    }
    // "5. Số đảng viên | 55 (…)": a row whose label the item's number opens (a Word list pasted beside its figures) reads
    // as the label alone.
    const itemNumber = (folded[i] as string).includes("|") ? RE_ITEM_NUMBER_LEAD.exec(folded[i] as string) : null;
    if (itemNumber) {
      lines[i] = (lines[i] as string).slice(itemNumber[0].length);
      folded[i] = (folded[i] as string).slice(itemNumber[0].length);
    }
    // "SL ĐV phải đóng | 19", "Chưa đóng | 1 (đ/c Ma Thị Thúy)": a label and its value, one row each;
    // below such a row, "Địa điểm | nhà văn hóa bản" is one too, whatever its value.
    // "Thôn | Nặm Đăm", "Tên thôn | Lũng Vài": the village and its name, a row of its own wherever it stands.
    // "Địa điểm | Nhà văn hóa" over "Ngày | 04/3": the first of the rows may hold words too.
    const pair: RegExpExecArray | null =
      RE_LABEL_BAR_VALUE.exec(folded[i] as string) ??
      (afterPair || RE_VILLAGE_ROW.test(folded[i] as string) || (i + 1 < folded.length && RE_LABEL_BAR_VALUE.test(folded[i + 1] as string) && !isColumnHeader(folded[i] as string))
        ? RE_LABEL_BAR_TEXT.exec(folded[i] as string)
        : null);
    afterPair = pair !== null;
    if (pair) {
      const line = lines[i] as string;
      lines[i] = line.slice(0, pair[1]!.length).trimEnd() + ": " + line.slice(pair[0].length);
      folded[i] = "";
      changed = true;
      continue;
    }
    // "Tổng thu | 155.000 | 5/6" under a list of members: the sum, what follows it in brackets.
    if (RE_SUM_CELL.test(folded[i] as string)) {
      const cells = cellsOf(lines[i] as string);
      if (cells.length >= 2 && RE_DIGIT.test(cells[1] as string)) {
        lines[i] = `${cells[0]}: ${cells[1]}${cells.length > 2 ? ` (${cells.slice(2).join(", ")})` : ""}`;
        folded[i] = "";
        changed = true;
        continue;
      }
    }
    if (i + 1 >= lines.length) break;
    const head = (lines[i] as string).split("|");
    if (head.length < 2) continue;
    // "Nội dung | Số ĐV phải đóng | …" over "Tháng 4/2026 | 36 | …" and "Lũy kế 4 tháng | — | … | 9.215.000": the year so far
    // beside the period reported is none of its figures; the row is left out.
    while (i + 2 < lines.length && RE_SO_FAR_ROW.test(folded[i + 2] as string) && RE_PERIOD_ROW.test(folded[i + 1] as string)) {
      lines.splice(i + 2, 1);
      folded.splice(i + 2, 1);
      changed = true;
    }
    // "Chỉ tiêu | Quý III | Quý IV", "Mức xếp loại | Năm 2025 | Năm 2026": the same rows for periods side by side; the
    // last is the one reported ("Quý IV" on its own line, "Số hộ: 509"), the ones before only compared with.
    const periods = RE_PERIOD_HEAD.test(folded[i] as string) ? comparedPeriods(lines, folded, i) : RE_QUARTER_HEAD_CELL.test(folded[i] as string) ? reportedQuarter(lines, folded, i) : RE_SUM_LAST_HEAD.test(folded[i] as string) ? summedParts(lines, folded, i) : 0;
    if (periods > 0) {
      i += periods;
      changed = true;
      afterPair = false;
      continue;
    }
    // "Tháng | Số ĐV phải đóng | Đã đóng | Số tiền (đ)" over a row a month and "Cộng quý | | | 1.236.000": the sum is the
    // report's, the counts the last month's.
    const summed = RE_MONTH_HEAD.test(folded[i] as string) ? monthsSummed(lines, folded, i) : RE_YEAR_HEAD.test(folded[i] as string) ? yearRow(lines, folded, i) : 0;
    if (summed > 0) {
      i += summed - 1;
      changed = true;
      afterPair = false;
      continue;
    }
    // "Nội dung | Chỉ tiêu giao | Kết quả thực hiện | Ghi chú": the remark goes in brackets after the value before it.
    // (Rows each named in their first cell, not one row of figures under labels: "| Số hộ | … | Ghi chú |" over "| 455 | … |".)
    if (RE_REMARK_LAST.test(folded[i] as string) && RE_NAMED_FIRST_CELL.test(folded[i + 1] as string)) remarksInBrackets(lines, folded, i);
    // "Đối tượng | Tổng số | HTXS | HTT | …" over a row for each kind of member and "Cộng | 16 | 2 | 13 | …": the sum
    // row read under the header's names.
    const kinds = RE_SUM_CELL.test(folded[i] as string) ? 0 : kindsSummed(lines, folded, i) || (RE_ATTENDANCE_COLUMN.test(folded[i] as string) ? membersSummed(lines, folded, i) : 0);
    if (kinds > 0) {
      changed = true;
      afterPair = false;
      continue;
    }
    const rows = labelRows(folded, i);
    if (rows > 0) {
      // "Mức | Số lượng | Tỷ lệ\nHTXS | 4 | 10%": the header names the columns; each row is its first cell's value.
      // "Chỉ tiêu | Kế hoạch | Kết quả\nKết nạp đảng viên | 3 | 2": the value is the result's; the plan goes in brackets with its name.
      const heads = columnsOf(lines[i] as string);
      const result = cellsOf(folded[i] as string).findIndex((h, c) => c > 0 && RE_RESULT_COLUMN.test(h));
      for (let k = i + 1; k <= i + rows; k++) {
        if (result > 0) {
          const cols = columnsOf(lines[k] as string);
          const others = cols.map((c, j) => (j > 0 && j !== result && c !== "" ? `${heads[j]} ${c}` : "")).filter((c) => c !== "");
          lines[k] = `${cols[0]}:${cols[result] === "" ? "" : ` ${cols[result]}`}${others.length > 0 ? ` (${others.join(", ")})` : ""}`;
        } else {
          const cols = columnsOf(lines[k] as string);
          // "Khoản thu | Số người | Số tiền (đ)\nĐảng phí | 22/24 | 462.000": a sum keeps its column's name
          // ("Đảng phí: 22/24 (Số tiền (đ) 462.000)"), a count beside it no sum; alone on its row it is the row's value.
          const money = cols.length === heads.length && cols.length > 2 && cols[1] !== "" ? heads.findIndex((h, j) => j > 1 && RE_MONEY_COLUMN.test(foldSameLength(h))) : -1;
          // "Nội dung | Tổng số | Nữ | Đoàn viên | …" over "Kết nạp mới | 4 | 2 | 3 | …": the parts of the whole keep their
          // columns' names ("Kết nạp mới: 4 (Nữ 2, Đoàn viên 3, …)").
          // (Not a sheet of sums, "Số tiền (đ)", nor of attendance, "Có mặt | Vắng", whose rows the forms add up themselves.)
          const parts = money < 0 && cols.length > 2 && cols[1] !== "" && cols.length === heads.length && heads.slice(2).every((h) => h !== "" && !RE_DIGIT.test(h)) &&
            !heads.some((h) => RE_MONEY_COLUMN.test(foldSameLength(h)) || RE_ATTENDANCE_COLUMN.test(foldSameLength(h)));
          const cells = money > 1 ? cols.map((c, j) => (j === money && c !== "" ? `${heads[j]} ${c}` : c)).filter((c) => c !== "")
            : parts ? cols.map((c, j) => (j > 1 && c !== "" ? `${heads[j]} ${c}` : c)).filter((c) => c !== "") : cellsOf(lines[k] as string);
          lines[k] = labelledLine(cells[0] as string, cells.slice(1));
        }
        folded[k] = "";
      }
      // "| Tên ấp | Tân Phước |" over the rows names the village, not the columns: it stays, as "Tên ấp: Tân Phước".
      if (RE_VILLAGE_ROW_BARRED.test(folded[i] as string)) {
        const [kind, name] = cellsOf(lines[i] as string);
        lines[i] = `${kind}: ${name}`;
        folded[i] = "";
        i += rows;
      } else {
        lines.splice(i, 1);
        folded.splice(i, 1);
        i += rows - 1;
      }
      changed = true;
      // "Chi bộ tự xếp | HTT" under the rows of counts: a label and its word.
      afterPair = true;
      continue;
    }
    const named = !RE_ROW_OF_NUMBERS.test(folded[i + 1] as string);
    if (named && !RE_NAMED_ROW.test(folded[i + 1] as string)) {
      const mixed = mixedRow(lines, folded, i);
      if (mixed) {
        lines.splice(i, 2, mixed);
        folded.splice(i, 2, "");
        changed = true;
      }
      continue;
    }
    const total = totalled(lines, folded, i);
    if (total) {
      lines.splice(i, total.rows, total.text);
      folded.splice(i, total.rows, "");
      changed = true;
      continue;
    }
    const values = (lines[i + 1] as string).split("|").map((v) => v.trim()).filter((v) => v !== "");
    const labels = head.map((h) => h.trim()).filter((h) => h !== "");
    if (labels.length !== values.length || labels.some(figureInLabel)) continue;
    // The name cell keeps its column's word unless it already starts with it ("Thôn | …" over "Thôn Tả Lủng A | …").
    const cell = (k: number): string =>
      named && k === 0
        ? (folded[i + 1] as string).replace(/^\s*\|?\s*/, "").startsWith((folded[i] as string).replace(/^\s*\|?\s*/, "").split("|")[0]!.trim()) ? values[0]! : `${labels[0]} ${values[0]}`
        : `${bareLabel(labels[k] as string)}: ${values[k]}`;
    lines.splice(i, 2, labels.map((_, k) => cell(k)).join(", "));
    folded.splice(i, 2, "");
    changed = true;
    // "Chi bộ (tự đánh giá) | 1 |  | x |  |" under "… | HTXS | HTT | HT | …": the column ticked names the row's value.
    const marked = i + 1 < lines.length ? tickedColumn(head, lines[i + 1] as string) : null;
    if (marked) {
      lines[i + 1] = marked;
      folded[i + 1] = "";
    }
  }
  return changed ? lines.join("\n") : text;
}

const RE_ATTENDANCE_COLUMN = /\b(?:co mat|vang|tham du|du hop)\b/;
const RE_NUMBER_CELL = new RegExp(`^${CELL_NUMBER}$`);
// "DT (km²)": a unit in a label; "Giữ lại (30%)": a share named in it. Neither is a figure of the row.
const RE_SHARE_IN_LABEL = /\(\s*\d{1,3}\s*%\s*\)/g;
const figureInLabel = (label: string): boolean => RE_DIGIT.test(label.replace(RE_UNIT_SQUARED, "").replace(RE_SHARE_IN_LABEL, ""));
const bareLabel = (label: string): string => label.replace(RE_SHARE_IN_LABEL, "").trimEnd();
// ("14g00 - 15g45", "19h-21h": a span of time is one too.)
const RE_DAY_OR_TIME_CELL = /^(?:\d{1,2}\/\d{1,2}(?:\/\d{2,4})?|\d{1,2}\/\d{4}|\d{1,2}[:hg]\d{2}|\d{1,2}\s?[:hg]\s?(?:\d{2})?\s*[-–]\s*\d{1,2}\s?[:hg]\s?(?:\d{2})?)$/;
const RE_TICK_CELL = /^[xX✓✔☒]$/;

/** "Label: Column" for a row under `head` whose one ticked cell ("x") names its value; null for any other row. */
function tickedColumn(head: readonly string[], line: string): string | null {
  if (!line.includes("|")) return null;
  const cells = line.split("|").map((c) => c.trim());
  if (cells.length < 3 || cells.length > head.length || cells.length < head.length - 1 || !/^\p{L}/u.test(cells[0] as string)) return null;
  const ticked = cells.map((c, j) => (j > 0 && RE_TICK_CELL.test(c) ? j : -1)).filter((j) => j > 0);
  if (ticked.length !== 1 || cells.some((c, j) => j > 0 && c !== "" && !RE_TICK_CELL.test(c) && !RE_NUMBER_CELL.test(c))) return null;
  return `${(cells[0] as string).replace(/\s*[()]\s*/g, " ").trim()}: ${(head[ticked[0] as number] as string).trim()}`;
}
const RE_TOTAL_ROW = /^\s*\|?\s*(?:cong|tong cong|tong|ca quy|ca nam|luy ke)\s*(?:\||$)/;

/**
 * "Tháng | Số ĐV phải đóng | Số ĐV đã đóng | Số tiền (đ)" over a row a month and "Cộng | | | 3.610.000": the total row
 * is the report's, read as one labelled line per column; a column the total leaves empty takes the value every row
 * shares ("Số ĐV phải đóng: 34"), or none. Returns the lines and how many rows (the header's included) they replace.
 */
function totalled(lines: string[], folded: string[], i: number): { text: string; rows: number } | null {
  let k = i + 1;
  while (k < lines.length && RE_ROW_OF_NUMBERS.test(folded[k] as string)) k++;
  if (k - i < 3 || k >= lines.length || !RE_TOTAL_ROW.test(folded[k] as string)) return null;
  const heads = columnsOf(lines[i] as string);
  const sum = columnsOf(lines[k] as string);
  const rows = lines.slice(i + 1, k).map((l) => columnsOf(l));
  if (rows.some((r) => r.length !== heads.length) || sum.length > heads.length) return null;
  const out: string[] = [];
  for (let c = 1; c < heads.length; c++) {
    const shared = rows.every((r) => r[c] === rows[0]![c]) ? rows[0]![c] : "";
    const value = (sum[c] ?? "") !== "" ? sum[c] : shared;
    if (value) out.push(`${heads[c]}: ${value}`);
  }
  return out.length > 0 ? { text: out.join("\n"), rows: k - i + 1 } : null;
}

// A period naming a column: "Quý IV", "Năm 2026", "Tháng 9/2026", "2025".
// ("Năm 2025 (SL)": the count's column of a year, its share's column dropped.)
// ("Cùng kỳ năm 2026 | Quý III/2027": the same period a year before, beside the one reported.)
const PERIOD_CELL = "(?:cung ky\\s*)?(?:quy\\s*(?:[ivx]{1,3}|[1-4])(?:\\s*\\/\\s*\\d{4})?|nam\\s*\\d{4}|(?:thang\\s*|t)\\d{1,2}(?:\\s*\\/\\s*\\d{4})?|\\d{4})(?:\\s*\\((?:sl|so luong|ky truoc|ky nay|ky bao cao|thang truoc|thang nay|cung ky)\\))?";
// ("… | Quý IV/2025 | Quý I/2026 | Tăng (+)/giảm (-)": a column of the change after them is no period.)
// (Or of remarks: "… | Năm 2024 | Năm 2025 | Ghi chú".)
const CHANGE_CELL = "(?:tang|giam|chenh lech|so sanh|bien dong|ghi chu|dien giai)[^|\\n\\d]*";
// ("Nội dung | Tháng 4 | Tháng 5 | Tháng 6 | Cộng quý II": or a column of their sum, which is the report's.)
const SUM_COLUMN = "(?:cong|tong cong|tong|luy ke|ca quy|ca nam)[^|\\n\\d]*";
// ("Chỉ tiêu | Quý I | Quý II | Lũy kế 6 tháng": the running total of the year so far, after quarters, is no quarter's.)
const SO_FAR_CELL = "luy ke\\s*\\d{1,2}\\s*thang[^|\\n\\d]*";
const RE_PERIOD_HEAD = new RegExp(`^\\s*\\|?[^|\\n\\d]*(?:\\|\\s*${PERIOD_CELL}\\s*){2,}(?:\\|\\s*(?:${CHANGE_CELL}|${SUM_COLUMN}|${SO_FAR_CELL}))?\\|?\\s*$`);
const RE_CHANGE_CELL = new RegExp(`^(?:${CHANGE_CELL}|${SO_FAR_CELL})$`);
const RE_PERIOD_PARTS = /(?:(quy)\s*([ivx]{1,3}|[1-4])|(thang)\s*(\d{1,2}))?(?:\s*\/\s*|\s*nam\s*|\s+)?(\d{4})?/;
const ROMAN: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4 };
/** A period's place in time, for ordering ("Tháng 9/2026" before "Tháng 10/2026"); -1 when it names no year. */
function periodKey(cell: string): number {
  const m = RE_PERIOD_PARTS.exec(cell.replace(/^nam\s*/, ""));
  const year = m?.[5] ? Number(m[5]) : NaN;
  if (!m || Number.isNaN(year)) return -1;
  const month = m[4] ? Number(m[4]) : m[2] ? (ROMAN[m[2]] ?? Number(m[2])) * 3 : 12;
  return year * 100 + month;
}

/**
 * The header row `i` over periods side by side ("Chỉ tiêu | Quý III | Quý IV") becomes the last period alone, and
 * each row under it with as many cells its label and the last column's value ("Số hộ: 509"). Returns the rows taken.
 */
function comparedPeriods(lines: string[], folded: string[], i: number): number {
  const heads = columnsOf(lines[i] as string);
  const change = RE_CHANGE_CELL.test(foldSameLength(heads.at(-1) as string).trim());
  // ("Chỉ tiêu | Tháng 10/2026 | Tháng 9/2026 | Tăng/giảm": the latest period, wherever it stands.)
  const keys = heads.map((h, c) => (c === 0 ? -1 : periodKey(foldSameLength(h).trim())));
  const lastPeriod = change ? heads.length - 2 : heads.length - 1;
  const latest = keys.slice(0, lastPeriod + 1).reduce((best, key, c) => (key > (keys[best] as number) ? c : best), lastPeriod);
  const last = (keys[latest] as number) > (keys[lastPeriod] as number) ? latest : lastPeriod;
  // ("Chi bộ tự xếp loại | HT | HTT |": a row of words, no change to give.)
  const k = rowsAtColumn(lines, folded, i, last, (n) => n === heads.length || (change && n === heads.length - 1));
  if (k - i < 3) return 0;
  lines[i] = heads[last] as string;
  folded[i] = "";
  return k - i - 1;
}

// "Chỉ tiêu | Tân Lập 1 (cũ) | Tân Lập 2 (cũ) | Cộng thôn Tân Lập": parts side by side, then their sum, the report's.
// ("… | Thôn Tân Tiến (cũ) | Thôn Đồng Xuân (cũ) | Thôn Tân Tiến (sau sáp nhập)": the villages merged, then the one they make.)
const RE_SUM_LAST_HEAD = /^\s*\|?[^|\n\d]*(?:\|[^|\n]*){2,}\|\s*(?:(?:cong|tong cong|tong so|tong)\b[^|\n\d]*|[^|\n\d]*(?:\(\s*(?:sau (?:khi )?(?:sap nhap|hop nhat)|moi)\s*\)|sau (?:khi )?(?:sap nhap|hop nhat))\s*)\|?\s*$/;
/** The header row `i` over parts and their sum last: each row under it its label and the sum's value. Returns the rows taken. */
function summedParts(lines: string[], folded: string[], i: number): number {
  const heads = columnsOf(lines[i] as string);
  const k = rowsAtColumn(lines, folded, i, heads.length - 1, (n) => n === heads.length);
  if (k - i < 3) return 0;
  lines[i] = "";
  folded[i] = "";
  return k - i - 1;
}

/**
 * The rows under the header row `i`, each with as many cells as `fits` allows and a label first, made "label: value" of
 * their cell `column`; returns the index of the first row not taken.
 */
function rowsAtColumn(lines: string[], folded: string[], i: number, column: number, fits: (cells: number) => boolean): number {
  let k = i + 1;
  for (; k < lines.length; k++) {
    // ("Đoàn thể" on a row of its own over "- Phụ nữ | 266 | 268": a group's name, its rows under it.)
    if (!(lines[k] as string).includes("|") && RE_GROUP_ROW.test(lines[k] as string) && (lines[k + 1] ?? "").includes("|")) continue;
    const cols = columnsOf(lines[k] as string);
    if (!(lines[k] as string).includes("|") || !fits(cols.length) || !/^[-+•*]?\s*\p{L}/u.test(cols[0] as string)) break;
    lines[k] = `${cols[0]}: ${cols[column]}`;
    folded[k] = "";
  }
  return k;
}

// "… | Quý II | …": a header naming a quarter.
// ("… | Thực hiện quý II/2025 | …", "… | Quý III/2026 | …": what was done in it, its year after it.)
const RE_QUARTER_HEAD_CELL = /\|\s*(?:(?:thuc hien|ket qua)\s+)?(?:quy|q)\s*(?:[ivx]{1,3}|[1-4])(?:\s*\/\s*\d{4}|\s+nam\s+\d{4})?\s*(?:\||$)/;
const RE_QUARTER_CELL = /^(?:(?:thuc hien|ket qua)\s+)?(?:quy|q)\s*([ivx]{1,3}|[1-4])(?:\s*\/\s*\d{4}|\s+nam\s+\d{4})?$/;
// "Chỉ tiêu năm 2026", "Lũy kế hết quý I", "Lũy kế 6 tháng", "Cộng 9 tháng": a plan or a running total beside the quarters.
// ("6 tháng đầu năm 2026", "So với KH (%)": the half-year before the quarter, the share of the plan done.)
const RE_PLAN_OR_RUNNING_CELL = /^(?:chi tieu|ke hoach|luy ke|cong don|cong \d{1,2} thang|ca nam|\d{1,2} thang (?:dau|cuoi) nam|so voi|ty le)\b/;
const RE_QUARTER_NAMED = /\b(?:quy|q)\s*(iv|iii|ii|i|[1-4])\b/g;

/**
 * The header row `i` over quarters beside a plan or running totals ("Nội dung | Chỉ tiêu năm 2026 | Lũy kế hết quý I |
 * Quý II | Lũy kế 6 tháng", "Quý I | Quý II | Quý III | Cộng 9 tháng" over rows one cell longer): the quarter the message
 * names above the table, else the last, alone; each row under it its label and that column's value. Returns the rows taken.
 */
function reportedQuarter(lines: string[], folded: string[], i: number): number {
  const heads = columnsOf(folded[i] as string);
  const next = i + 1 < lines.length ? columnsOf(lines[i + 1] as string) : [];
  // ("Quý I | Quý II | …" over "Kết nạp | 1 | 0 | …": the corner cell over the labels left empty.)
  const shift = next.length === heads.length + 1 && RE_QUARTER_CELL.test(heads[0] as string) ? 1 : 0;
  const quarters: { column: number; quarter: number }[] = [];
  for (const [c, h] of heads.entries()) {
    if (c === 0 && shift === 0) continue;
    const q = RE_QUARTER_CELL.exec(h);
    if (q) quarters.push({ column: c + shift, quarter: ROMAN[q[1] as string] ?? Number(q[1]) });
    else if (!RE_PLAN_OR_RUNNING_CELL.test(h)) return 0;
  }
  if (quarters.length === 0 || quarters.length === heads.length - 1 + shift) return 0;
  const named = [...folded.slice(0, i).join("\n").matchAll(RE_QUARTER_NAMED)].map((m) => ROMAN[m[1] as string] ?? Number(m[1]));
  const chosen = quarters.find((q) => named.includes(q.quarter)) ?? (quarters.at(-1) as { column: number });
  // ("- Nữ |  | 01 | 01" under "Chỉ tiêu | Kế hoạch | Quý II | Lũy kế | So với KH (%)": a row ends short, its last cells empty.)
  const k = rowsAtColumn(lines, folded, i, chosen.column, (n) => n <= heads.length + shift && n > chosen.column);
  if (k - i < 2) return 0;
  lines[i] = columnsOf(lines[i] as string)[chosen.column - shift] as string;
  folded[i] = "";
  return k - i - 1;
}

/**
 * "Tháng | Phải nộp | Đã nộp | Số tiền | Ghi chú\n04/2026 | 21 | 20 | 252.000 | đ/c Lò Văn Ún đi làm xa": a header
 * over one row of figures and words, read a labelled line per column ("Ghi chú: đ/c Lò Văn Ún …"); with more
 * such rows under it (one a month) the table is left as it stands.
 */
function mixedRow(lines: string[], folded: string[], i: number): string | null {
  let labels = columnsOf(lines[i] as string);
  const values = columnsOf(lines[i + 1] as string);
  // ("… | Diện tích | Ghi chú" over "… | 6,12 km2": the remark's cell left off the row.)
  if (labels.length === values.length + 1 && RE_REMARK_COLUMN.test(foldSameLength(labels.at(-1) as string).trim())) labels = labels.slice(0, -1);
  if (labels.length < 2 || labels.length !== values.length || labels.some((l) => l === "" || figureInLabel(l))) return null;
  // ("… | 06/05/2026 | 07:30 | 09:45 | 23 | …": a day and a time are figures of the row too.)
  const numbers = columnsOf(folded[i + 1] as string).filter((v) => RE_NUMBER_CELL.test(v) || RE_DAY_OR_TIME_CELL.test(v)).length;
  if (numbers < 2 || numbers * 2 < labels.length) return null;
  const after = folded[i + 2];
  if (after !== undefined && after.includes("|") && columnsOf(after).length === labels.length) return null;
  return labels.map((l, k) => (values[k] === "" ? "" : `${bareLabel(l)}: ${values[k]}`)).filter((c) => c !== "").join("\n");
}

/** The end of the line `from` is on: its line break, or the end of the text. */
export function lineEnd(f: string, from: number): number {
  const at = f.indexOf("\n", from);
  return at < 0 ? f.length : at;
}

/**
 * End of the clause that starts at `from`: the next `.`/`;`/newline outside
 * parentheses (a dot between digits, as in "312.000", does not end it).
 */
export function clauseEnd(f: string, from: number, stopAtComma = false): number {
  let depth = 0;
  for (let i = from; i < f.length; i++) {
    const c = f[i];
    if (c === "(") depth++;
    else if (c === ")") {
      if (depth === 0) return i;
      depth--;
    } else if (depth === 0) {
      if (c === "\n" || c === ";" || c === "!" || c === "?") return i;
      if (c === "." && !(isDigit(f.charCodeAt(i - 1)) && isDigit(f.charCodeAt(i + 1))) && f[i - 1] !== "/" && !(f[i - 1] === "d" && f[i + 1] === "c")) return i;
      if (stopAtComma && c === ",") return i;
    }
  }
  return f.length;
}

/** Start of the clause containing `at` (after the previous `.`/`;`/newline). */
export function clauseStart(f: string, at: number): number {
  for (let i = at - 1; i >= 0; i--) {
    const c = f[i];
    if (c === "\n" || c === ";" || c === "!" || c === "?") return i + 1;
    if (c === "." && !(isDigit(f.charCodeAt(i - 1)) && isDigit(f.charCodeAt(i + 1))) && f[i - 1] !== "/") return i + 1;
  }
  return 0;
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

const LETTER = /[\p{L}]/u;
const UPPER = /\p{Lu}/u;

/** Is the one character `ch` a letter? ASCII by its code (most of a name's neighbours), the rest by `LETTER`. */
function isLetter(ch: string): boolean {
  const c = ch.charCodeAt(0);
  return c < 128 ? (c | 32) >= 97 && (c | 32) <= 122 : LETTER.test(ch);
}

/** Is the one character `ch` a capital? ASCII by its code, the rest by `UPPER`. */
function isUpperChar(ch: string): boolean {
  const c = ch.charCodeAt(0);
  return c < 128 ? c >= 65 && c <= 90 : UPPER.test(ch);
}
// "Siu H'Yun", "Puih H'Lim": an apostrophe inside a name word.
// ("H' Nga Niê": the apostrophe of an Ê Đê woman's name may stand before a space and the capital after it.)
const NAME_WORD = /^[\p{L}]+(?:'(?: (?=\p{Lu}))?[\p{L}]+)*/u;
/** `NAME_WORD` read where it stands, no slice cut for it. */
const NAME_WORD_AT = new RegExp(NAME_WORD.source.slice(1), "uy");
/** The name word at `pos`, read as in the 20 characters from there (a longer word is cut). */
function nameWordAt(text: string, pos: number): RegExpExecArray | null {
  NAME_WORD_AT.lastIndex = pos;
  const m = NAME_WORD_AT.exec(text);
  return m !== null && m[0].length > 20 ? NAME_WORD.exec(text.slice(pos, pos + 20)) : m;
}
// Titles and abbreviations written in capitals that are never part of a name.
const NOT_NAME = new Set([
  "duv", "cuv", "bt", "pbt", "btv", "uv", "uvbtv", "dv", "nq", "nd", "cb", "sh", "ht", "htt", "htxs", "kht",
  "cld", "kld", "msh", "dux", "du", "ct", "tt", "ubnd", "mttq", "hs", "sv", "nvh", "vh",
]);
// Lower-case words that end a name typed without capitals ("dc lan trinh bay").
const NAME_STOP = new Set([
  "nao", "om", "di", "trinh", "bay", "du", "vang", "xin", "co", "ko", "k", "khong", "cld", "kld", "msh", "phu", "trach", "cap",
  "uy", "duv", "cuv", "bao", "lam", "ve", "nghi", "benh", "viec", "cong", "tac", "la", "va", "voi", "tham", "gia",
  "dang", "chua", "da", "thu", "hoc", "nha", "o", "tai", "dam", "cuoi", "dan", "nam", "nu", "lan", "chiu",
  "thuc", "hien", "xong", "truoc", "quan", "triet", "dieu", "hanh", "chu", "tri", "ghi", "bien", "ban",
  "mien", "sh", "sinh", "hoat", "ly", "do", "nhe", "a", "nhung", "thi", "con", "cung", "lien", "tiep", "kiem",
  "chuyen", "de", "thuong", "truc", "nop", "thong", "tin", "tu", "hop", "theo", "dua", "xe", "ra", "vao", "dot",
  "giao", "phan", "cho", "tuyen", "truyen", "hoan", "thanh", "trong", "ngay", "thang", "luc", "dc", "d", "ket", "nap",
]);

// "văn", "thị": the middle of a name typed in lower case ("dc nong thi mai", "dc hoang van tu").
const MIDDLE = new Set(["van", "thi"]);
// Words that end a name even right after "văn"/"thị".
const HARD_STOP = new Set([
  "om", "di", "vang", "xin", "co", "ko", "k", "khong", "cld", "kld", "msh", "nghi", "benh", "du", "bao", "la", "va", "voi", "da", "dang", "chua",
]);

/** In a lower-case name, is `folded` at word index `index` a middle name or the given name after it? */
function middleName(p: Prepared, index: number, prev: string, folded: string, after: number): boolean {
  if (HARD_STOP.has(folded)) return false;
  if (index === 2 && MIDDLE.has(prev)) return true;
  if (index !== 1 || !MIDDLE.has(folded)) return false;
  const next = /^ ([a-z]+)/.exec(p.f.slice(after, after + 12));
  return next !== null && !HARD_STOP.has(next[1] as string);
}

const PERIOD_WORD = new Set(["quy", "q", "thang", "nam"]);
const PERIOD_SPELLED: Record<string, RegExp> = { quy: /^qu[ýÝ]$/i, thang: /^th[áÁ]ng$/i, nam: /^n[ăĂ]m$/i };
// The number of a quarter, a month or a year: "II", "3", "12/2026", "2026"; "Q3", "Q.3" glued.
const RE_PERIOD_NUMBER = /^ ?(?:\d|(?:I{1,3}|IV|VI{0,3}|IX|XI{0,2})(?![\p{L}\d]))/u;
const RE_YEAR_NEXT = /^ \d{4}(?!\d)/;

/**
 * Is the word `w` (folded `folded`) ending at `end` a period's word and its number ("QUÝ II", "Tháng 10", "Q3",
 * "năm 2026") rather than a word of a name ("Tân Quy", "Hoàng Nam", "Lý Văn Thang")? "Quy", "Thang" and "Nam"
 * without marks are names unless a year follows.
 */
function periodAfterName(p: Prepared, w: string, folded: string, end: number): boolean {
  const after = p.text.slice(end, end + 6);
  if (folded === "q") return /^\.?\d/.test(after);
  const marked = w !== folded && w.toLowerCase() !== folded;
  if (!marked) return RE_YEAR_NEXT.test(after) || (folded === "quy" && /^ (?:I{1,3}|IV)(?![\p{L}\d])/u.test(after));
  // ("KP Đức Thắng 2": "Thắng" folds as "tháng" but is a name's word; only the period's own spelling is a period.)
  if (!(PERIOD_SPELLED[folded]?.test(w) ?? true)) return false;
  return RE_PERIOD_NUMBER.test(after);
}

const RE_DIGIT_AT = /\d/;

export interface NameMatch {
  name: string;
  end: number;
}

/**
 * Reads a person's name starting at `from` in `p.text`: capitalised words ("Vi Văn
 * Sáng"), or, in an all-lower-case message, up to three words before a known word.
 */
export function readName(p: Prepared, from: number, allowLower = true, afterComrade = false): NameMatch | null {
  let i = from;
  while (i < p.text.length && p.text[i] === " ") i++;
  const words: string[] = [];
  let end = i;
  let lower = false;
  let pos = i;
  let prevFolded = "";
  while (words.length < 4 && pos < p.text.length) {
    const m = nameWordAt(p.text, pos);
    if (!m) break;
    const w = m[0];
    const folded = p.f.slice(pos, pos + w.length);
    const isUpper = isUpperChar(w[0] as string);
    // "Vắng T4 – có lý do: …": "Vắng", the absent's label, capitalised, opens no name ("Vàng" is a surname), nor "T4", a
    // month, a letter with its figure.
    if (words.length === 0 && (w.toLowerCase() === "vắng" || (w.length === 1 && RE_DIGIT_AT.test(p.text.charAt(pos + 1))))) return null;
    if (words.length === 0) {
      if (!isUpper) {
        // After "đ/c" a lower-case first word is a name even when it is also a common word ("đ/c chu thi hoa").
        if (!allowLower || (NAME_STOP.has(folded) && !(afterComrade && HARD_STOP.has(folded) === false && /^ (?:van|thi|duc|dinh|[a-z]+ [a-z]+)/.test(p.f.slice(pos + w.length, pos + w.length + 12))))) return null;
        lower = true;
      }
    } else if (lower ? NAME_STOP.has(folded) && !middleName(p, words.length, prevFolded, folded, pos + w.length) : !isUpper) break;
    if (NOT_NAME.has(folded) && (w.length > 1 && w === w.toUpperCase())) break;
    // "THÔN PHIÊNG PHÁT QUÝ II/2026", "Bản Nà Làng Tháng 3": the period after a name, in capitals too, ends it.
    if (words.length > 0 && PERIOD_WORD.has(folded) && periodAfterName(p, w, folded, pos + w.length)) break;
    if (lower && words.length >= 3) break;
    words.push(w);
    prevFolded = folded;
    end = pos + w.length;
    pos = end;
    if (p.text[pos] !== " ") break;
    pos++;
    if (pos < p.text.length && !isLetter(p.text[pos] as string)) break;
  }
  if (words.length === 0) return null;
  // The words stand one space apart from `i` on: the name is that span of the text.
  return { name: p.text.slice(i, end), end };
}

/** The original text of f-span [start, end), trimmed of spaces and light punctuation. */
export function cut(p: Prepared, start: number, end: number): string {
  return p.text.slice(start, end).replace(TRIM_EDGES, "");
}

const TRIM_EDGES = /^[\s,.;:\-–+*•]+|[\s,.;:\-–+*•]+$/g;
