/**
 * Resolution items: "NQ: thu đp T11 xong trước 20/11 - đ/c Mai; dọn vs đường làng CN
 * 16/11 - trưởng thôn", numbered lists, owners in parentheses ("(BT)"), deadlines
 * ("trước 20-12", "trước tết", "từ 25 tháng chạp", "trong tháng 12").
 */
import { formatDay, type LocalNow } from "../calendar/day.js";
import { endOfMonthDay, findDates, resolveDate, type Span } from "./dates.js";
import { COMRADE } from "./patterns.js";
import { cut, prepare, readName, type Prepared } from "./prepare.js";
import { fold } from "../text/fold.js";
import { WORD_END, WORD_START } from "../text/number-words.js";
import { splitItems } from "./sections.js";

export interface Resolution {
  task: string;
  owner: string | null;
  due: string | null;
}

const RE_OWNER_PAREN = /\(([^()]{1,40})\)[\s.;,]*$/;
/** "vận động tiêm phòng (trưởng thôn) trước 25/11": the owner in parentheses before the deadline. */
const RE_OWNER_PAREN_INNER = /\(([^()\d]{2,40})\)/;
// "… – dc Phuong – truoc 30/11": or the owner between two dashes, the deadline after the second.
const RE_OWNER_DASH = new RegExp(`\\s[-–]\\s*([^-–]{1,45}?\\s[-–]\\s*(?:han|truoc|xong|cham nhat)${WORD_END}[^-–]{0,24})$|\\s[-–]\\s*([^-–]{1,45}|[^-–]{1,40}?,\\s*(?:hoan thanh|thuc hien|xong)\\s+(?:truoc|han|cham nhat)${WORD_END}[^-–]{0,24})$|\\s*[-–]\\s+([^-–]{1,45})$`);
const OWNER_TITLE = "(?:truong (?:thon|ap|ban|xom|khu pho|kp|khom|khu|to dan pho|tdp|buon|lang|ban nhan dan)|to truong(?: to dan pho| tdp)?|(?:pho )?bi thu(?: chi bo| chi doan)?|chi hoi truong(?: [a-z]+(?: [a-z]+)?)?|thon doi truong|ap doi truong|cong an vien|chi uy vien|cuv)";
const RE_OWNER_GIAO = new RegExp(`${WORD_START}(?:giao(?: cho)?|do)\\s+((?:${COMRADE}\\s+)?[^,;.]{1,40}?)\\s+(?:phu trach|chiu trach nhiem|thuc hien|chu tri|theo doi)${WORD_END}`);
const RE_OWNER_KIN_VERB = new RegExp(`,\\s*((?:ong|ba|chu|co|anh|chi|em|bac|di)\\s+[^,;.]{2,40}?)\\s+(?:lo|lam|${"(?:phu trach|chiu trach nhiem|thuc hien|chu tri|theo doi|chi dao)"})(\\s*,\\s*(?:(?:xong|hoan thanh)\\s+)?(?:truoc|han|cham nhat)${WORD_END}[^,;]{0,24})?\\s*\\.?\\s*$`);
const RE_UPPER_AFTER_KIN = /^\S+\s+\p{Lu}/u;
// ("…, giao đ/c Lò Văn Hặc (Trưởng bản) chủ trì": "giao" before the owner, who starts at a word.)
const RE_OWNER_TRAILING_VERB = new RegExp(`[,:]?\\s*(?:giao(?: cho)?\\s+)?(?<![\\p{L}\\d/])((?:${COMRADE}\\s+)?[^,;.]{1,30}?)\\s+(?:phu trach|chiu trach nhiem|thuc hien|chu tri|theo doi)\\s*$`, "u");
const RE_COMRADE_PREFIX = new RegExp(`^(?:cac\\s+)?${COMRADE}\\s+`, "i");
// "vào sáng Chủ nhật 9/8": the time of day before the weekday is the deadline's too.
// (A word's start: "khó khăn trước Tết" holds "han" in "khăn", no deadline's "hạn".)
const RE_DUE_LEAD = /(?<![a-z])(?:(?:xong|hoan thanh|hoan tat|thuc hien)\s+)?(?:truoc|han|den|toi|trong|tu|vao|xong|cham nhat|xong truoc|truoc ngay|han chot)?\s*(?:(?:sang|chieu|toi|trua)\s+)?(?:ngay\s+)?(?:(?:cn|chu nhat|thu\s?(?:[2-7]|hai|ba|tu|nam|sau|bay)\b)\s+)?$/;
// ("an ninh trật tự dịp Tết": "tự" there is no "từ".)
const RE_DEADLINE_LEAD = new RegExp(`(?:truoc|han|den|toi|(?<!trat )tu|xong|vao|ngay|cn|chu nhat|thu\\s?(?:[2-7]|hai|ba|tu|nam|sau|bay)${WORD_END})\\s*(?:ngay\\s*)?$`);
const RE_IN_MONTH = /\b(?:trong|cuoi)\s+thang(?:\s+(\d{1,2}|nay|toi))?\b/;
const OWNER_VERB = "(?:phu trach|chiu trach nhiem|thuc hien|chu tri|theo doi|chi dao)";
/** "…, đ/c Mai phụ trách, hạn 20/11": the owner's clause inside the item, the deadline after it. */
const RE_OWNER_CLAUSE = new RegExp(`[,;:(]\\s*((?:${COMRADE}\\s+)?[^,;.:()]{1,30}?)\\s+${OWNER_VERB}(?=[\\s,;.)]|$)`);
/** "…, giao đ/c Páo, xong trước 30/11" / "…: đ/c Hùng, hạn cuối tháng": a comrade named in a clause. */
const RE_OWNER_NAMED = new RegExp(`[,;:(]\\s*(?:giao(?: cho)?\\s+)?(${COMRADE}\\s+[^,;.:()]{1,30}?)(?=\\s*(?:[,;.)]|$|xong${WORD_END}|truoc${WORD_END}|han${WORD_END}))`);
/** A list bullet before the item ("- ", "• ", "(1) "): never the owner's dash. */
// "một là …; hai là …", "thứ nhất, …": the items counted in words.
const RE_BULLET = /^(?:[\s\-–•*+]|\((?:\d{1,2}|[a-e])\)\s|\d{1,2}\/\s|(?:mot|hai|ba|bon|nam|sau|bay|tam|chin|muoi)\s+la\s+|thu\s+(?:nhat|hai|ba|tu|nam|sau)\s*[,:]?\s+)+/;
const RE_TET_LEAD = /^(?:truoc|sau|den|toi|dip|trong)\s/;
const RE_OWNER_VERB_END = new RegExp(`\\s+${OWNER_VERB}$`);
/** "…, giao trưởng thôn", "… giao dc Siu Thin": the owner handed the task, said last. */
// "…, giao chi hội phụ nữ làm": the verb after the owner is no part of it.
// ("… trước ngày 15/3/2026. Giao: Ban phát triển sản xuất thôn.": or a label, its colon after "giao".)
const RE_OWNER_GIAO_END = new RegExp(`(?:^|[\\s,;])giao(?: cho)?(?:\\s*:)?\\s+((?:${COMRADE}\\s+)?[^,;.()\\d]{2,40}?)(?:\\s+(?:lam|lo|dam nhan|dam nhiem|${OWNER_VERB}))?(?:\\s*,\\s*${OWNER_TITLE}[^,;.()\\d]{0,20})?\\s*\\.?\\s*$`);
/** "giao đồng chí Trưởng khu phố phối hợp Ban quản lý chợ ra quân …": the owner handed the task first, then the task. */
const RE_OWNER_GIAO_HEAD = new RegExp(`^(?:chi bo\\s+(?:da\\s+)?thong nhat\\s+)?giao(?: cho)?\\s+((?:${COMRADE}\\s+)?(?:[^,;.()\\d]|(?<=\\b(?:so|to|doi|xom|thon)\\s)\\d{1,2}){2,40}?)\\s+(?=(?:phoi hop|giup|ho tro|lam|to chuc|van dong|ra quan|trien khai|tuyen truyen|ra soat|kiem tra|hoan thanh|xay dung|chuan bi|thu|don|sua|lap|theo doi|huong dan|doc thuc|tong hop|don doc|bo sung)\\b)`);
/** "– thú y bản, hạn 30/9": the owner after the dash, then the deadline. */
// "(Trưởng ấp, trước 25/11)", "– ấp đội, CN 18/1": in brackets too, the day named any way.
// ("– Ban Công tác Mặt trận ấp, hoàn thành trước 02/9": the verb of finishing before the deadline.)
const RE_OWNER_THEN_DUE = new RegExp(`^(.*?)\\s*(?:[,;]|\\s[-–])\\s*(?:(?:hoan thanh|thuc hien|lam xong)\\s+(?=truoc|han|cham nhat)|(?:han|truoc|xong|den|cham nhat|trong|cn|chu nhat|ngay)${WORD_END}|\\d{1,2}\\s?\\/\\s?\\d)`);

// ("… Giao đ/c Lăng Văn Tú, chi ủy viên.": the owner's title after a comma closes it.)
const RE_GIAO_COMRADE_END = new RegExp(`(?:^|[\\s,;])giao(?: cho)?(?:\\s*:)?\\s+(${COMRADE}\\s+[^,;.()\\d]{2,40}?)(?:\\s*,\\s*${OWNER_TITLE}[^,;.()\\d]{0,20})?\\s*$`);
/** "…, giao trưởng ấp, xong trước 31/7": the owner handed the task, then the deadline. */
// "…; giao Chi hội Phụ nữ hoàn thành trước ngày 10/02": or its verb and the deadline straight after it.
// ("… mùa mưa bão giao trưởng thôn xong trước ngày hai mươi tháng mười": said in one breath, a title handed the task.)
const RE_OWNER_GIAO_MID = new RegExp(
  `[,;:]\\s*giao(?: cho)?\\s+([^,;.:()\\d]{2,40}?)(?=\\s*[,;]\\s*(?:xong|truoc|han|cham nhat|trong|den)${WORD_END}|\\s+(?:(?:hoan thanh|thuc hien|lam xong|xong)\\s+)?(?:truoc|han|cham nhat)${WORD_END})` +
    `|\\sgiao(?: cho)?\\s+(${OWNER_TITLE})(?=\\s+(?:(?:hoan thanh|thuc hien|lam xong|xong)\\s+)?(?:truoc|han|cham nhat)${WORD_END})`,
);
const RE_OWNER_SUBJECT = new RegExp(`^(?:${COMRADE})\\s+`);
const RE_SUBJECT_VERB = new RegExp(`^\\s+(?:lam|viet|nop|hoan thanh|chiu trach nhiem|phu trach|lo|thu|to chuc|van dong|theo doi|kiem tra|chuan bi|bao cao|lien he|gap|di|phoi hop|lap|ra soat|don doc|huong dan|tuyen truyen)${WORD_END}`);
const RE_ITEM_SLIP = new RegExp(`[,;]?\\s*(?:a|ua)\\s+(?:em\\s+)?(?:sua(?:\\s+lai)?|nham|khong|ko)(?:\\s+(?:la|lai|thanh))?${WORD_END}`);

const OWNER_WORDS: Record<string, string> = {
  bt: "bí thư", "b/t": "bí thư", pbt: "phó bí thư", tt: "trưởng thôn", "tr thon": "trưởng thôn", cb: "chi bộ",
  "chi uy": "chi ủy", cu: "chi ủy", "bi thu": "bí thư", "truong thon": "trưởng thôn", "pho bi thu": "phó bí thư",
  "thon doi truong": "thôn đội trưởng", "chi doan": "chi đoàn", "hoi pn": "hội phụ nữ", "toan chi bo": "toàn chi bộ",
  "cac dv": "các đảng viên", "tat ca dv": "tất cả đảng viên",
};

const RE_MEETING_KIND_ONLY = /^(?:sh|shcb|sinh hoat|hop)(?:\s+(?:thuong ky|chuyen de|tk|cd))?$/;

/** Cleans an owner: "đ/c Mai" → "Mai", "BT" → "bí thư". */
export function normalizeOwner(p: Prepared, start: number, end: number): string | null {
  // ("giao chi hội phụ nữ nha 👍": the particle and the emoji that close a chat message are no part of it.)
  const raw = cut(p, start, end).replace(/^[>→=\s]+/, "").replace(RE_CLOSING_PARTICLES, "");
  const folded = p.f.slice(start, end).replace(/^[\s,.;:()-]+|[\s,.;:()-]+$/g, "");
  if (!raw) return null;
  // "… trước 20/10 - sh thường kỳ": the kind of the meeting said last, no one handed the task.
  if (RE_MEETING_KIND_ONLY.test(folded)) return null;
  const mapped = OWNER_WORDS[folded];
  if (mapped) return mapped;
  // "giao đ/c Nhàn phụ trách": the handing-over verb is not the owner.
  let stripped = raw.replace(/^(?:giao|Giao)(?: cho)?\s+/, "").replace(RE_COMRADE_PREFIX, "").replace(/^(?:đ\/c|Đ\/c|đc|Đc|dc|Dc|đồng chí|Đồng chí)\s+/, "");
  // "(đ/c BT)": the title's letters after the comrade word.
  const titleWord = stripped !== raw && RE_LETTERS_ONLY.test(stripped) ? OWNER_WORDS[fold(stripped).toLowerCase()] : undefined;
  if (titleWord) return titleWord;
  // "(đ/c Tuấn phụ trách)": the owner, not the verb after the name.
  const foldedEnd = p.f.slice(start, end).replace(RE_TRAILING_MARKS, "");
  const verb = RE_OWNER_VERB_END.exec(foldedEnd);
  if (verb) stripped = stripped.slice(0, stripped.length - (foldedEnd.length - verb.index)).trim() || stripped;
  // "đ/c Hoa thủ quỹ", "đ/c Thủy chi ủy viên": the name without the title said after it.
  // "anh Lâm tổ trưởng", "chị Hoa": the kin word before a name is no part of it.
  const kin = RE_KIN_LEAD.exec(stripped);
  if (kin) stripped = stripped.slice(kin[0].length);
  // "đ/c Lã Thị Thoa, chi ủy viên": after a comma too. Not "đồng chí Tổ trưởng tổ dân phố", a title itself.
  if ((stripped !== raw && RE_COMRADE_LEAD_RAW.test(raw)) || kin) {
    const title = RE_NAME_THEN_TITLE.exec(stripped);
    if (title && !RE_TITLE_AFTER.test(fold(stripped)) && RE_TITLE_AFTER.test(fold(stripped.slice((title[1] as string).length)).replace(/^[\s,\-–]+/, ""))) stripped = (title[1] as string).trim();
  }
  // "trưởng bản Lò Văn Pánh": a title before the name; the name is the owner.
  const titled = RE_TITLE_LEAD.exec(fold(stripped));
  if (titled && RE_NAME_ONLY.test(stripped.slice(titled[0].length))) stripped = stripped.slice(titled[0].length);
  return stripped || raw;
}
const RE_LETTERS_ONLY = /^\p{Lu}{2,4}$/u;
const RE_NAME_ONLY = /^(?:\p{Lu}[\p{L}']*\s*){2,4}$/u;
const RE_CLOSING_PARTICLES = /(?:\s+(?:nha|nhé|nhe|nghen|nhen|ạ|à|nha anh|nha chị))*[\s\p{Extended_Pictographic}\u{FE0F}\u{1F3FB}-\u{1F3FF}]*$/u;
const RE_TRAILING_MARKS = /[\s,.;:()-]+$/;
const RE_COMRADE_LEAD_RAW = /^(?:giao\s+(?:cho\s+)?)?(?:đ\/c|Đ\/c|đc|Đc|dc|Dc|đồng chí|Đồng chí|dong chi)\s+/i;
const RE_NAME_THEN_TITLE = /^((?:\p{Lu}[\p{L}']*\s*){1,4})(?=\s\p{Ll}|\s*\(|\s*[,\-–]\s*\p{Ll})/u;
// ("a Út Tâm", "c Hương": "anh", "chị" cut to a letter.)
const RE_KIN_LEAD = /^(?:anh|chị|chú|cô|bác|ông|bà|em|dì|a|c|Anh|Chị|Chú|Cô|Bác|Ông|Bà|Em|Dì)\s+(?=\p{Lu})/u;
const RE_TITLE_AFTER = /^(?:\(|thu quy|chi uy|cuv|cap uy|truong\s|pho\s|bi thu|pbt|bt\b|can bo|uy vien|ke toan|to truong|cong an|hoi truong|chi hoi truong|thon doi|ap doi|doan vien|phu trach|y te)/;

/** Reads the resolution list in `span`. */
/**
 * The resolutions in `span`; a deadline without its year is the first such day from `from` on (the meeting's day: "họp
 * 7/12 … xong trước 20/12" sent in January is last December's 20th), from the message's time when no day is given.
 */
export function readResolutions(p: Prepared, span: Span, from?: LocalNow): Resolution[] {
  const out: Resolution[] = [];
  for (const item of splitItems(p.f, span, false)) out.push(readItem(p, item, from ?? p.now));
  return out;
}

/**
 * A resolution typed on its own (the guided report's question): one item per line or per ";", each
 * read as in a quick report — what, who, by when.
 *
 * @example readResolutionText("Thu đảng phí trước 20/11 - đ/c Mai", new Date("2025-11-06T08:00:00+07:00"))
 */
export function readResolutionText(text: string, now: Date): Resolution[] {
  const p = prepare(text, now);
  return readResolutions(p, { start: 0, end: p.f.length }).filter((r) => r.task.trim() !== "");
}

// "xóm trưởng Hà Văn Chung": the village's word before "trưởng" too.
// "thủ quỹ Vũ Thị Lan": the office before the name too.
const RE_TITLE_LEAD = new RegExp(`^(?:${OWNER_TITLE}|(?:xom|thon|ap|ban|buon|khom|khu|to|khoi) truong|thu quy|ke toan|thu ky)\\s+`);
// "thôn đội trưởng chỉ đạo làm đất vụ đông": the title that opens the item, then its verb, gives the task.
const RE_TITLE_SUBJECT = new RegExp(`^(${OWNER_TITLE}|chi doan|hoi phu nu|hoi nong dan|hoi ccb|to an ninh(?: tu quan)?|ban chi uy|chi uy|ban dieu hanh(?: [a-z]+(?: [a-z0-9]+)?)?|ban cong tac mat tran)\\s+(?:(?:chi dao|phu trach|chu tri)\\s+|(?=don doc\\s))(?=\\S+\\s+\\S)`);
// ("giao anh Hai Tâm trưởng ấp lên danh sách …": the owner addressed as "anh", "chị", "chú", "ông", "bà".)
const ADDRESSED = "(?:anh|chi|chu|ong|ba|co)";
const RE_GIAO_TITLED = new RegExp(`^(?:chi bo\\s+(?:da\\s+)?thong nhat\\s+)?(?:giao|phan cong)(?: cho)?\\s+(?:(?:${COMRADE}|${ADDRESSED})\\s+)?(?:${OWNER_TITLE}\\s+)?`);
const RE_TITLE_ENDS_LEAD = new RegExp(`(${OWNER_TITLE})\\s+$`);
const RE_COMRADE_OR_TITLE = new RegExp(`\\s(?:${COMRADE}|${OWNER_TITLE}|${ADDRESSED})\\s`);
// What a task opens with, after the owner's name and title.
const SUBJECT_TASK_VERB = "(?:van dong|kiem tra|lap|ra soat|to chuc|don doc|huong dan|chi dao|phoi hop|chuan bi|tham hoi|tuyen truyen|phu trach|trien khai|xay dung|gap go|nhac nho|chu tri|giai trinh|thu)";
const RE_ORG_FIRST = new RegExp(
  `^((?:(?:ban|to(?! chuc\\b)|chi hoi|chi doan|hoi)\\s+[a-z]+(?:\\s+[a-z]+){0,4}?|${OWNER_TITLE}(?:\\s+[a-z]+){0,3}?|${COMRADE}\\s+[a-z]+(?:\\s+[a-z]+){0,5}?))(?:\\s*,\\s*[a-z ]{2,30},)?\\s+(?=${SUBJECT_TASK_VERB}\\s)`,
);
const RE_NAME_FIRST = new RegExp(`^(\\p{Lu}[\\p{L}'’]*(?:[ \\t]+\\p{Lu}[\\p{L}'’]*){1,3})[ \\t]+(?=\\S)`, "u");
const RE_SUBJECT_TASK_VERB_AT = new RegExp(`^${SUBJECT_TASK_VERB}\\s`);
const RE_TASK_VERB_OPENS = new RegExp(`^${SUBJECT_TASK_VERB}${WORD_END}`);
/** "Ama Hiếu vận động …", "Y Dhung Êban phụ trách …": a name in capitals opening the item, then the task's verb. */
function nameFirst(p: Prepared, start: number, end: number): RegExpExecArray | null {
  const m = RE_NAME_FIRST.exec(p.text.slice(start, end));
  return m && RE_SUBJECT_TASK_VERB_AT.test(p.f.slice(start + m[0].length, end)) ? m : null;
}
const RE_TASK_VERB_AHEAD = /\s(?=(?:phoi hop|to chuc|van dong|ra quan|trien khai|tuyen truyen|ra soat|kiem tra|hoan thanh|xay dung|chuan bi|thu|don|sua|lap|theo doi|huong dan|doc thuc|chi dao|lam|nop|di|gap|lien he|len danh sach)\b)/;

const RE_TITLE_BRACKET_AFTER = /^\s*\([^()\n\d]{1,30}\)\s+(?=\p{Ll})/u;
// "giao đồng chí Ama Thuột, Trưởng buôn, thành lập tổ xung kích …": the title between commas after the name.
const RE_TITLE_COMMAS_AFTER = /^\s*,\s*([^,;()\n\d]{2,30}),\s+(?=\p{Ll})/u;
function titleBetweenCommas(p: Prepared, at: number): RegExpExecArray | null {
  const m = RE_TITLE_COMMAS_AFTER.exec(p.text.slice(at, at + 40));
  return m && RE_TITLE_AFTER.test(p.f.slice(at + m[0].indexOf(m[1] as string), at + m[0].length)) ? m : null;
}
/** The owner named (capitalised) after "giao" and a title, the item's start moved to the task; null when none is. */
function namedHead(p: Prepared, item: Span, body: string): string | null {
  const lead = RE_GIAO_TITLED.exec(body);
  // "giao Ban nhân dân ấp rà soát …": without a comrade word or a title, a capitalised word opens a body, no name.
  if (!lead || !RE_COMRADE_OR_TITLE.test(lead[0])) return null;
  const name = readName(p, item.start + lead[0].length, false);
  // "giao đ/c Bí thư chi bộ gặp gỡ, trao đổi …": the title itself names the owner, the task after it.
  const title = name ? null : RE_TITLE_ENDS_LEAD.exec(lead[0]);
  if (title && RE_TASK_VERB_OPENS.test(p.f.slice(item.start + lead[0].length, item.end))) {
    const at = item.start + title.index;
    item.start += lead[0].length;
    return p.text.slice(at, at + (title[1] as string).length);
  }
  if (!name || name.end >= item.end - 3) return null;
  const f = p.f;
  let taskAt = name.end;
  // "giao đ/c Phan Văn Lực (trưởng thôn) lấy ý kiến …": the title in brackets after the name, then the task.
  const titled = RE_TITLE_BRACKET_AFTER.exec(p.text.slice(name.end, name.end + 40)) ?? titleBetweenCommas(p, name.end);
  if (titled) taskAt = name.end + titled[0].length;
  // "Nguyễn Văn Sáu chi hội trưởng hội nông dân kiểm tra …": a title after the name, up to the task's verb.
  else if (RE_TITLE_AFTER.test(f.slice(name.end + 1, name.end + 20))) {
    const verb = RE_TASK_VERB_AHEAD.exec(f.slice(name.end, name.end + 50));
    if (!verb) return null;
    taskAt = name.end + verb.index;
  } else if (!/^\s+[a-z]/.test(p.text.slice(name.end, name.end + 2))) return null;
  item.start = taskAt + (f.slice(taskAt).length - f.slice(taskAt).trimStart().length);
  return name.name;
}

const RE_IN_CHARGE_OF = new RegExp(`^phu trach\\s+(?=${SUBJECT_TASK_VERB}\\s)(?!phu trach)`);
const RE_COMRADE_OPENS = new RegExp(`^${COMRADE}\\s`);
/** "đ/c Bùi Văn Lành (trưởng xóm) rà soát hộ nghèo …": the comrade named first, a title in brackets, then the task's verb. */
function comradeFirst(p: Prepared, item: Span): string | null {
  const lead = RE_COMRADE_OPENS.exec(p.f.slice(item.start, item.end)) as RegExpExecArray;
  const name = readName(p, item.start + lead[0].length, false);
  if (!name || name.end >= item.end) return null;
  const titled = RE_TITLE_BRACKET_AFTER.exec(p.text.slice(name.end, name.end + 40));
  const taskAt = name.end + (titled ? titled[0].length : 0);
  const gap = /^\s*/.exec(p.f.slice(taskAt)) as RegExpExecArray;
  if (!RE_SUBJECT_TASK_VERB_AT.test(p.f.slice(taskAt + gap[0].length, item.end))) return null;
  item.start = taskAt + gap[0].length;
  // "đ/c Thạch Sà Rinh phụ trách vận động BHYT": "in charge of" before the task's own verb is none of it.
  const charge = RE_IN_CHARGE_OF.exec(p.f.slice(item.start, item.end));
  if (charge) item.start += charge[0].length;
  return name.name;
}

const RE_OCCASION_BEFORE = /\bnhan\s+(?:dip\s+)?(?:ngay\s+)?$/;
function readItem(p: Prepared, whole: Span, from: LocalNow): Resolution {
  const f = p.f;
  const bullet = RE_BULLET.exec(f.slice(whole.start, whole.end));
  const item: Span = { start: whole.start + (bullet ? bullet[0].length : 0), end: whole.end };
  let taskEnd = item.end;
  while (taskEnd > item.start && /[\s.;,]/.test(f[taskEnd - 1] as string)) taskEnd--;
  let owner: string | null = null;
  /** Where the deadline may be looked for: the task's end, unless it follows the owner. */
  let dueEnd: number | null = null;
  /** Where an owner's clause inside the item begins: the task ends there. */
  let ownerCut: number | null = null;
  let body = f.slice(item.start, taskEnd);
  // "giao đ/c trưởng thôn Lê Văn Nam chỉ đạo thu hoạch …", "giao cho đồng chí Nguyễn Văn Sáu chi hội trưởng hội nông
  // dân kiểm tra …": the owner named, a title before or after the name; the task starts after them.
  let headOwner: string | null = body.startsWith("giao") || body.startsWith("chi bo") || body.startsWith("phan cong") ? namedHead(p, item, body) : RE_COMRADE_OPENS.test(body) ? comradeFirst(p, item) : null;
  let m = headOwner ? null : RE_OWNER_GIAO_HEAD.exec(body);
  if (headOwner) body = f.slice(item.start, taskEnd);
  if (m) {
    const g = m[1] as string;
    const gStart = item.start + m[0].lastIndexOf(g);
    headOwner = normalizeOwner(p, gStart, gStart + g.length);
    item.start += m[0].length;
    body = f.slice(item.start, taskEnd);
  }
  m = headOwner ? null : RE_OWNER_PAREN.exec(body);
  if (headOwner) owner = headOwner;
  else if (m && !/^\s*\d/.test(m[1] as string) && !/\b(?:am lich|al)\b/.test(m[1] as string)) {
    const then = RE_OWNER_THEN_DUE.exec(m[1] as string);
    owner = normalizeOwner(p, item.start + m.index + 1, item.start + m.index + 1 + (then ? (then[1] as string) : (m[1] as string)).length);
    taskEnd = item.start + m.index;
    if (then) dueEnd = item.end;
    // "… – giao đ/c Út Em (Trưởng ấp)": the comrade handed the task, his title in brackets.
    const handed = RE_GIAO_COMRADE_END.exec(body.slice(0, m.index));
    if (handed && !then) {
      const g = handed[1] as string;
      const gStart = item.start + handed.index + handed[0].lastIndexOf(g);
      owner = normalizeOwner(p, gStart, gStart + g.length);
      taskEnd = item.start + handed.index;
    }
  } else if ((m = RE_OWNER_DASH.exec(body)) && !/^\s*(?:\d|truoc|han|den)/.test(m[1] ?? m[2] ?? m[3] ?? "")) {
    const g = (m[1] ?? m[2] ?? m[3]) as string;
    const gStart = item.start + m.index + m[0].length - g.length;
    const then = RE_OWNER_THEN_DUE.exec(g);
    owner = normalizeOwner(p, gStart, gStart + (then ? (then[1] as string).length : g.length));
    taskEnd = item.start + m.index;
    if (then) dueEnd = item.end;
    // "…, giao đ/c Phạm Thị Hường – chi ủy viên thực hiện": the comrade handed the task, his title after the dash.
    const handed = RE_GIAO_COMRADE_END.exec(body.slice(0, m.index));
    // "…, giao đồng chí Nguyễn Thị Hoa - chi hội trưởng phụ nữ, hoàn thành trước 30/6": a deadline after the title too.
    if (handed && RE_TITLE_AFTER.test(then ? (then[1] as string) : g)) {
      const h = handed[1] as string;
      const hStart = item.start + handed.index + handed[0].lastIndexOf(h);
      owner = normalizeOwner(p, hStart, hStart + h.length);
      taskEnd = item.start + handed.index;
    }

  } else if ((m = RE_OWNER_KIN_VERB.exec(body)) && RE_UPPER_AFTER_KIN.test(p.text.slice(item.start + m.index + m[0].indexOf(m[1] as string), item.start + m.index + m[0].length))) {
    // "…, ông Thạch Phol trưởng ấp lo", "…, chị Kim Thị Sa Ry làm": someone addressed by name, then the verb of doing it.
    const g = m[1] as string;
    const gStart = item.start + m.index + m[0].indexOf(g);
    owner = normalizeOwner(p, gStart, gStart + g.length);
    taskEnd = item.start + m.index;
    if (m[2] !== undefined) dueEnd = item.end;
  } else if ((m = RE_OWNER_TRAILING_VERB.exec(body))) {
    const g = m[1] as string;
    const gStart = item.start + m.index + m[0].indexOf(g);
    owner = normalizeOwner(p, gStart, gStart + g.length);
    taskEnd = item.start + m.index;
  } else if ((m = RE_OWNER_GIAO.exec(body))) {
    const g = m[1] as string;
    const gStart = item.start + m.index + m[0].indexOf(g);
    owner = normalizeOwner(p, gStart, gStart + g.length);
  } else if ((m = RE_OWNER_GIAO_END.exec(body))) {
    const g = m[1] as string;
    const gStart = item.start + m.index + m[0].lastIndexOf(g);
    owner = normalizeOwner(p, gStart, gStart + g.length);
    taskEnd = item.start + m.index;
  } else if ((m = RE_OWNER_PAREN_INNER.exec(body)) && m.index > 0 && !/\b(?:am lich|al)\b/.test(m[1] as string)) {
    owner = normalizeOwner(p, item.start + m.index + 1, item.start + m.index + 1 + (m[1] as string).length);
    ownerCut = item.start + m.index;
  } else if ((m = RE_OWNER_CLAUSE.exec(body) ?? RE_OWNER_NAMED.exec(body) ?? RE_OWNER_GIAO_MID.exec(body)) && m.index > 0) {
    // The owner's clause sits inside the item: the task is what comes before it, the deadline may follow.
    const g = (m[1] ?? m[2]) as string;
    const gStart = item.start + m.index + m[0].indexOf(g);
    owner = normalizeOwner(p, gStart, gStart + g.length);
    ownerCut = item.start + m.index;
  }

  // "ba là đ/c Kim Sơn làm bản kiểm điểm nộp chi bộ": the comrade named first does the task.
  if (owner === null && (m = RE_OWNER_SUBJECT.exec(body))) {
    const name = readName(p, item.start + m[0].length, false);
    if (name && name.end < taskEnd && RE_SUBJECT_VERB.test(f.slice(name.end, name.end + 16))) {
      owner = name.name;
      item.start = name.end + (f.slice(name.end).length - f.slice(name.end).trimStart().length);
    }
  }
  // "Trưởng thôn Lê Văn Sáu làm việc với xã …": a title, the comrade's name, then the task.
  if (owner === null && (m = RE_TITLE_LEAD.exec(body))) {
    const name = readName(p, item.start + m[0].length, false);
    if (name && name.end < taskEnd && RE_SUBJECT_VERB.test(f.slice(name.end, name.end + 16))) {
      owner = name.name;
      item.start = name.end + (f.slice(name.end).length - f.slice(name.end).trimStart().length);
    }
  }
  if (owner === null && (m = RE_TITLE_SUBJECT.exec(body))) {
    owner = normalizeOwner(p, item.start, item.start + (m[1] as string).length);
    item.start += m[0].length;
  }
  // "Ban công tác Mặt trận xóm vận động …", "Tổ xung kích thôn kiểm tra …", "đ/c Tổ trưởng Phạm Văn Hậu rà soát …", "Đ/c Trần
  // Văn Hùng, trưởng thôn, chỉ đạo …", "Ama Hiếu vận động …": who does it named first, then the task's verb.
  if (owner === null && (m = RE_ORG_FIRST.exec(body) ?? nameFirst(p, item.start, taskEnd))) {
    const who = m[1] as string;
    owner = normalizeOwner(p, item.start, item.start + who.length);
    item.start += m[0].length;
  }
  let due: string | null = null;
  let taskCut: Span | null = null;
  // "Thăm hỏi gia đình chính sách nhân ngày 22/12": the day the task is for, no deadline.
  let dates = findDates(p, item.start, dueEnd ?? taskEnd).filter((d) => !RE_OCCASION_BEFORE.test(f.slice(Math.max(item.start, d.start - 16), d.start)));
  // "trước 30/11, à em sửa là trước 25/11": the deadline said again after a slip is the one meant.
  const slip = dates.length > 1 ? RE_ITEM_SLIP.exec(f.slice(item.start, dueEnd ?? taskEnd)) : null;
  if (slip) {
    const at = item.start + slip.index;
    const again = dates.find((d) => d.start > at);
    const before = dates.filter((d) => d.start < at);
    if (again && before.length > 0) {
      dates = [again];
      const lead = RE_DUE_LEAD.exec(f.slice(item.start, (before[0] as Span).start));
      const cutAt = lead ? item.start + lead.index : (before[0] as Span).start;
      if (again.end >= taskEnd - 2 || f.slice(again.end, taskEnd).trim() === "") taskEnd = cutAt;
    }
  }
  // "Tổ chức Tết cổ truyền": Tết is a deadline only after a word that makes it one ("trước Tết").
  const first =
    dates.find((d) => RE_DEADLINE_LEAD.test(f.slice(Math.max(item.start, d.start - 14), d.start))) ??
    dates.find((d) => d.kind !== "tet" || RE_TET_LEAD.test(f.slice(d.start, d.end)));
  if (first) {
    const day = resolveDate(first, from, "future");
    if (day !== null) due = formatDay(day);
    const lead = RE_DUE_LEAD.exec(f.slice(item.start, first.start));
    const leadStart = lead ? item.start + lead.index : first.start;
    // A deadline after the owner ("– thú y bản, hạn 30/9") leaves the task as it is.
    if (first.start < taskEnd) taskCut = { start: leadStart, end: first.end };
  } else {
    const inMonth = RE_IN_MONTH.exec(body);
    if (inMonth) {
      const word = inMonth[1] ?? "nay";
      let month = word === "nay" ? from.m : word === "toi" ? (from.m % 12) + 1 : Number(word);
      let year = from.y;
      if (month < from.m - 2) year += 1;
      if (month >= 1 && month <= 12) due = formatDay(endOfMonthDay(year, month));
      month = 0;
      taskCut = { start: item.start + inMonth.index, end: item.start + inMonth.index + inMonth[0].length };
    }
  }
  let task: string;
  if (ownerCut !== null) task = cut(p, item.start, taskCut && taskCut.start > item.start && taskCut.start < ownerCut ? taskCut.start : ownerCut);
  else if (taskCut && taskCut.start > item.start && taskCut.end >= taskEnd - 2) task = cut(p, item.start, taskCut.start);
  else if (taskCut) task = (cut(p, item.start, taskCut.start) + " " + cut(p, taskCut.end, taskEnd)).trim();
  else task = cut(p, item.start, taskEnd);
  if (!task) task = cut(p, item.start, taskEnd);
  return { task, owner, due };
}
