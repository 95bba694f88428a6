/**
 * Admission figures (domain §3): "nam nay cb ket nap dc 2 dv moi: 1 nu dtts, 1 sinh
 * vien, chuyen chinh thuc 3 dc. dang lam ho so chuyen chinh thuc cho dc Vy". Categories
 * overlap (one woman of a minority counts in both) and are never added up into the total.
 * "Chuyển chính thức" done in the period is `made_full` (a count); under way ("đang làm hồ
 * sơ", "chờ") it names the members in `pending_full`.
 */
import { formatMonth } from "../calendar/day.js";
import { foldSameLength } from "../text/fold-same-length.js";
import { parseCount, WORD_END, WORD_START } from "../text/number-words.js";
import { fullNamesEndingWith, titleCase } from "./names.js";
import { pastQuarter, QUARTER_SOURCE, readQuarter, readYear } from "./period.js";
import { COMRADE, COUNT, COUNT_STARTS } from "./patterns.js";
import { clauseEnd, readName, type Prepared } from "./prepare.js";
import { respace } from "./spacing.js";
import { spellFive } from "./spoken-figures.js";
import type { AdmissionsFields, ParseResult } from "./types.js";

const PERSON = "(?:dv|dang vien|ddv|quan chung(?: uu tu)?|qc|dong chi|d\\/c|dc|nguoi|ca nhan)";
// "năm" is five only before a member noun: "kết nạp năm 2025", "kết nạp năm qua: 1" hold no count.
const COUNT_N = `(?!nam${WORD_END}(?!\\s*${PERSON}${WORD_END}))${COUNT}`;
// Words between "kết nạp" and its count: "kết nạp được", "kết nạp đảng năm 2025:", "kết nạp mới trong năm", "kn năm nay cb em 2 đc".
const ADMIT_FILLER =
  "(?:\\s+(?:duoc|dc|moi|them|cho|tong cong|tong so|tong|dang vien|dv|ddv|vao dang|dang|nam nay|nam qua|nam vua qua|trong nam|trong ky|trong (?:thang|quy)(?=\\s*:)|ky nay|quy nay|(?:thang |t)\\d{1,2}(?:\\/\\d{4})?(?=\\s*:)|cua (?:cb|chi bo)|nam \\d{4}|\\d{4}|quy [ivx1-4]+(?:\\/\\d{4})?|q\\s?[1-4](?:\\/\\d{4})?|van|chi|a|nhe|thi|(?:cb|chi bo)\\s+(?:e|em|minh|toi|chung em|chung toi)))*";
// A count is never a year ("kết nạp năm 2025", "đảng viên mới năm 2026": "năm" is no five).
const NOT_YEAR = `(?!\\s*(?:19|20)\\d\\d${WORD_END})(?!\\d{4})`;
// "…kết nạp đảng viên quý III/2026\n1. Số đảng viên…": the number of the next list line is no count.
const NOT_ITEM_NUMBER = "(?![.)][ \\t](?<=\\n[ \\t]*\\d{1,2}[.)][ \\t]))";
const RE_ADMITTED = new RegExp(
  `${WORD_START}(?:ket nap|kn)${ADMIT_FILLER}\\s*:?\\s*(?!(?:19|20)\\d\\d${WORD_END})(${COUNT_N})${WORD_END}${NOT_YEAR}${NOT_ITEM_NUMBER}(?!\\s*(?:thang|quy|nam)${WORD_END})(?!\\s?[/.]\\d)\\s*(?:${PERSON}${WORD_END})?|(${COUNT})\\s*(?:dv|dang vien|ddv|quan chung)\\s*moi${WORD_END}|${WORD_START}(?:so dv moi|so dang vien moi|dv moi|dang vien moi)\\s*:?\\s*(${COUNT_N})${WORD_END}${NOT_YEAR}|${WORD_START}(?:ket nap|kn)(?:\\s+duoc)?\\s+dat\\s*:?\\s*(${COUNT})\\s*\\/\\s*\\d|${WORD_START}(?:ket nap|kn)(?:\\s+duoc)?\\s+(${COUNT})\\s*\\/\\s*\\d+\\s*(?:chi tieu|ke hoach)${WORD_END}`,
  "g",
);
const RE_TARGET_RESULT = new RegExp(
  `${WORD_START}(?:chi tieu|ke hoach)(?:\\s+(?:giao|duoc giao|dang ky))?\\s+(?:ket nap|kn)?\\s*:?\\s*${COUNT}${WORD_END}[^.;\\n]{0,25}?${WORD_START}(?:thuc hien(?: duoc| dc)?|dat|(?:moi |da |chi )?ket nap (?:duoc|dc)|(?:moi |da |chi )?kn (?:duoc|dc))\\s*:?\\s*(${COUNT})${WORD_END}(?!\\s*%)(?!\\s?\\/)`,
);
// "kn q1 bản Huổi Lếch 1 đv, …": the period and the cell named by its words between "kết nạp" and a count of members.
const RE_ADMIT_CELL_COUNT = new RegExp(`${WORD_START}(?:ket nap|kn)\\s+(?:(?:quy [ivx1-4]+|q\\s?[1-4]|nam \\d{4}|nam nay|nam qua|\\d{4})(?:\\s?\\/\\s?\\d{4})?\\s+)?(?:(?:cb|chi bo)\\s+)?(?:ban|thon|ap|xom|buon|lang|plei|soc|khom|tdp|to dan pho|khu pho|kp)(?:\\s+[a-z'-]+){1,3}[ \\t]+(?!nam${WORD_END})(${COUNT})[ \\t]*(?:${PERSON})${WORD_END}(?!\\s?[/.]\\d)`);
// "kn quy 2 cb ban Pa Khoang\n2 dc\n…": a heading line without its colon, the count opening the next line.
const RE_ADMIT_COLON = new RegExp(`${WORD_START}(?:ket nap|kn)${WORD_END}([^:\\n]{0,60})(?::|[ \\t]*\\n)[ \\t]*(${COUNT_N})[ \\t]*${PERSON}${WORD_END}(?!\\s?[/.]\\d)`);
const RE_ADMIT_NONE_COLON = /\b(?:ket nap|kn)\b([^:\n]{0,60}):\s*(?:0|khong|ko|chua co)\b(?!\s*[/.,]\d)(?!\s*(?:thang|quy|nam)\b)/;
const RE_PLUS_COUNT = new RegExp(`\\+\\s*(${COUNT})\\s`, "g");
// "kết nạp đ/c Hoàng Văn Bình (Tày, đoàn viên)": the admitted named, one by one.
// "KN quý 1 cb thôn Nà Vài: đ/c Ma Thị Thu (nữ, Tày)": a heading of period and cell, the named after its colon.
const RE_ADMITTED_NAMED = new RegExp(`${WORD_START}(?:ket nap|kn)(?:\\s+(?:duoc|them|moi|dang vien|dv|dang))*(?:\\s+[^:.;\\n]{0,80}:)?\\s+(?:cho\\s+)?(?:(?=${COMRADE}\\s+\\p{L})|(?:quan chung|qc)\\s+(?:uu tu\\s+)?(?:la\\s+)?(?=\\p{L}))`, "gu");
// "lễ kết nạp đảng cho em Rơ Lan H'Nhi (nữ, Jrai)": the named after "cho em", "cho quần chúng"; "Hai đ/c đã kết nạp: Vi Thị Mai
// (nữ, …) và …": after a colon.
const RE_ADMITTED_BARE = /\b(?:ket nap|kn)(?:\s+(?:duoc|them|moi))?(?:\s+(?:vao dang|dang)(?=\s+cho\b))?(?:\s+cho(?:\s+(?:em|chau|ban|anh|chi|quan chung|qc))?)?(?:\s*:[ \t]+|\s+)(?=\p{L})/gu;
const RE_COMRADE_AT = new RegExp(`(?:^|[\\s,;:(])${COMRADE}\\s+(?=\\p{L})`, "gu");
// A plan or a target, not a result: "phấn đấu kết nạp 2 đảng viên", "chỉ tiêu kết nạp 3".
// "phấn đấu đến cuối năm kết nạp 1 đồng chí": a target a few words before it.
// "Đảng ủy xã giao chi bộ kết nạp 3": a target given to the cell.
// ("1. Chỉ tiêu năm 2025 theo nghị quyết chi bộ: kết nạp 03": a target's label, however long, before its colon.)
const RE_PLAN = /\bgiao\s+(?:cho\s+)?(?:cac\s+)?(?:cb|chi bo)\b[^,.;\n]{0,30}$|\b(?:phan dau|chi tieu|ke hoach|muc tieu|dang ky|du kien|se|can|xet|de nghi)\s+(?:\S+\s+){0,2}$|\b(?:phan dau|chi tieu|ke hoach|muc tieu|du kien)\s+(?:\S+\s+){0,5}$|\b(?:chi tieu|ke hoach|muc tieu)\b[^,.;:\n]{0,50}:\s*$/;
// ("kh kết nạp ai": "kh" for "không" only with "ai" after it; "KH kết nạp 3" is the plan.)
const RE_NONE_ADMITTED = /\b(?:chua|khong|ko|k|kg|hok|hong)\s+(?:co\s+)?(?:ket nap|kn)\s*(?:duoc|dc)?\s*(?:ai|dv nao|dang vien nao|them|ai ca|duoc ai)?\b|\bkhg?\s+(?:ket nap|kn)\s*(?:duoc|dc)?\s*(?:ai|dv nao|dang vien nao|duoc ai)\b|\b(?:ket nap|kn)\s*(?:moi)?(?:\s+(?:nam\s?\d{4}|nam nay|quy\s?[ivx1-4]+|quy nay|q\s?[1-4]|trong (?:nam|quy)|(?:thang\s?|t)\d{1,2}))?\s*:?\s*(?:khong|ko|0)\b(?!\s*\/)/;

// The other peoples of the 54, and the local names of some ("Vân Kiều" of the Bru, "Pa Cô" of the Tà Ôi, "Ca Dong" of the Xơ Đăng).
// Short names that are also common words are read only after "người"/"dân tộc".
const MORE_PEOPLES =
  `hre|k'ho|k ho|koho|ra glai|raglai|m'nong|mnong|m nong|stieng|xtieng|s'tieng|x'tieng|s tieng|kho mu|khmu|bru|van kieu|co tu|ka tu|katu|giay|ta oi|pa co|pako|gie trieng|gie-trieng|cho ro|chu ru|la hu|chut|ro mam|brau|o du|ca dong|e-de|ede|jrai|bahnar|(?:nguoi|dan toc) (?:co(?! dao| tu${WORD_END})|tho|lu|khang|cong(?! giao)|ngai|cham|hoa|la chi|la ha)` +
  // "(nữ, Hoa, giáo viên)", "- Chăm, đoàn viên": alone between the stops of a list of traits.
  // "là chị", "là Hà …" are no La Chí, La Ha: those two too.
  "|(?<=(?:^|[(,;:]|\\s-)\\s*)(?:hoa|cham|khang|ngai|tho|la chi|la ha)(?=\\s*(?:[,;)]|$))";

/** The top-level alternatives of a regex source: "a|(?:b|c)|d" → "a", "(?:b|c)", "d". */
function alternativesOf(source: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let from = 0;
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === "\\") i++;
    else if (inClass) inClass = c !== "]";
    else if (c === "[") inClass = true;
    else if (c === "(") depth++;
    else if (c === ")") depth--;
    else if (c === "|" && depth === 0) {
      out.push(source.slice(from, i));
      from = i + 1;
    }
  }
  out.push(source.slice(from));
  return out;
}

/**
 * A group of alternatives, "(?:dtts|dan toc|nung|…)", with those that open with a plain letter grouped by it:
 * "(?:d(?:tts|an toc)|n(?:ung)|…)", the others after them. The regex scans much faster, a position trying only the
 * alternatives of its letter. It matches the same: alternatives of different first letters never match at the same
 * place, and each letter's keep their order; the others must come after every alternative that can match where they do.
 */
function byFirstLetter(group: string): string {
  const byLetter = new Map<string, string[]>();
  const others: string[] = [];
  for (const a of alternativesOf(group.slice(3, -1))) {
    if (/^[a-z](?![?*+{])/.test(a)) byLetter.set(a[0] as string, [...(byLetter.get(a[0] as string) ?? []), a.slice(1)]);
    else others.push(a);
  }
  return `(?:${[...[...byLetter].map(([c, rest]) => `${c}(?:${rest.join("|")})`), ...others].join("|")})`;
}

interface Trait {
  key: "women" | "ethnic_minority" | "students" | "youth_union" | "religious";
  re: string;
}
const TRAITS: Trait[] = [
  // "TG: 1", a table's "TG" column: tôn giáo shortened, read only as a label.
  // "theo đạo Phật 2", "Phật giáo Hòa Hảo 1": the religion named whole, so that its count follows it.
  // "Theo tôn giáo | 2 (Tin Lành)": a table's row, its label "theo tôn giáo".
  { key: "religious", re: "(?:tg(?=\\s*:)|phat tu|theo pg|(?:(?:theo|co|nguoi theo|nguoi co)\\s+)?dao (?:phat|thien chua|cong giao|tin lanh|cao dai|hoa hao|hoi|ba la mon)(?: giao)?|(?:theo )?phat giao(?: hoa hao| nam tong)?|(?:(?:nguoi )?(?:theo|co) )?ton giao|giao dan|nguoi co dao|nguoi theo dao|co dao|theo dao|dv co dao|(?:theo )?cong giao|tin lanh|phat giao(?: nam tong)?|theo (?:tin lanh|thien chua|cao dai|hoa hao)|dao thien chua|thien chua giao|cao dai|hoa hao|hoi giao|dao hoi|dao ba la mon|hoi giao ba ni)" },
  // "trong sáu đồng chí có bốn chị em": "chị em", the women, as the South says it.
  { key: "women", re: "(?:dang vien nu|dv nu|phu nu|chi em|nu)" },
  // "ĐH Thái Nguyên", "Tây Ninh", "Móng Cái", "giáo xứ Thái Hà": places, no peoples.
  // Grouped by first letter: a hundred names, each tried only where its letter stands.
  { key: "ethnic_minority", re: byFirstLetter(`(?:dtts|dan toc thieu so|nguoi dan toc thieu so|nguoi dan toc(?! kinh)|dan toc(?! kinh)|nguoi tay|nguoi nung|nguoi dao|nguoi mong|tay(?! nguyen| ninh| bac)|nung|h mong|h'mong|hmong|mong(?! cai)|san chay|san diu|san chi|cao lan|thai(?! nguyen| binh| ha${WORD_END})|muong|nguoi hoa|nguoi cham|khmer|kho me|kho mu|gia rai|e de|ba na|xo dang|co ho|lo lo|pa then|phu la|ha nhi|xinh mun|si la|bo y|co lao|pu peo|nguoi giay|nguoi lao|dao(?! (?:cong|tin|phat|thien|hoi|cao dai|hoa hao|ba la mon))|` + MORE_PEOPLES + ")") },
  // "1 em đang học đại học": a student, said by what one does.
  // "đang học năm 2 Trường Cao đẳng Lào Cai": the year of study, then the school.
  // "đang học lớp mười hai", "đang học trường Dân tộc nội trú tỉnh": the class in words, a school named by its kind.
  { key: "students", re: "(?:hoc sinh sinh vien|hs-sv|hs\\/sv|hssv|sinh vien|sv|hoc sinh|hs|dang hoc (?:(?:nam|lop|khoa) \\S+ )?(?:(?:tai|o) )?(?:truong )?(?:dai hoc|cao dang|trung cap|thpt|cap 3|dh|cd)|dang hoc (?:lop (?:\\d{1,2}(?!\\d)|muoi mot|muoi hai|muoi|chin|tam)|nam (?:\\d(?!\\d)|thu|cuoi|nhat)|(?:tai |o )?truong (?!chinh tri|dang|quan su)(?:dan toc noi tru|pho thong|thpt|ptdt|trung hoc|cap)))" },
  // "ĐV TN", "đv TNCS", "dv doan": đoàn viên shortened like đảng viên, told apart by the youth union after it.
  // "cả bốn đều trong đoàn": in the Youth Union.
  { key: "youth_union", re: `(?:(?:pho )?bi thu (?:chi )?doan|(?<=${WORD_START}(?:deu|la|dang)\\s)(?:sinh hoat\\s)?trong doan(?! (?:ket|the|cong tac|kiem tra|cong an))|doan vien (?:tncs|tn|thanh nien cong san)(?: ho chi minh| hcm)?|doan vien thanh nien|doan vien|dvtn|dtn|dv (?:tncs|tn|thanh nien)(?: ho chi minh| hcm)?|dv doan(?! ket))` },
];
// "+ Trong đó: nữ 01, DTTS 03": a line that opens the breakdown continues it too.
// "Trong đó nữ: 1", "Học sinh, sinh viên: 0": the rows of a table read as lines.
// "Học sinh, sinh viên 1": a label of two traits, a row of a table read as a line.
// ("- Sung A Vang: nam, dân tộc Mông": a person and his sex, no label and its five.)
// (Every trait opens with a letter: the lookahead for one before them changes no match, but V8 compiles the traits
// once for it, not once for each way the bullet and "trong đó" before them may or may not be there: 310 KB -> 251 KB.)
const RE_TRAIT_LINE = new RegExp(`^(?:(?:[-+*•]|[a-e][).])\\s*)?(?:(?:trong do|trong so do)\\s+)?(?=\\w)(?:${TRAITS.map((t) => t.re).join("|")})(?:\\s*[,/]\\s*(?:${TRAITS.map((t) => t.re).join("|")}))?(?:[^:\\n\\d]{0,30}:)?\\s*:?\\s*(?:${COUNT}|khong)${WORD_END}|^(?:[-+*•]|[a-e][).])\\s*[^:\\n]{1,50}:\\s*(?:(?!nam${WORD_END})${COUNT}|khong)${WORD_END}|^(?:(?:[-+*•]|[a-e][).])\\s*)?(?:trong do|cu the|bao gom|gom|co cau)\\s*:` +
  // "Trong đó 2 nữ, 1 đ/c theo đạo …", "Trong 3 đ/c có 2 nữ, …": a sentence of its own that breaks the count down.
  `|^trong (?:do|so do|(?:so )?\\d{1,2} (?:dong chi|d\\/c|dc|dv|dang vien)(?: (?:nay|do|tren))?)\\s*[:,]?\\s*(?:co\\s+)?\\d{1,2}\\s+(?!thang${WORD_END}|quy${WORD_END}|nam\\s+\\d)[a-z]` +
  // "Trong đó dân tộc Khmer 3, nữ 1", "Tổng nữ 1, dtts 3": a breakdown opening its sentence, a people's name before the count.
  `|^(?:trong do|trong so do|tong(?: so| cong)?)\\s*:?\\s*(?:${TRAITS.map((t) => t.re).join("|")})(?:\\s+[a-z']+){0,2}\\s*:?\\s*${COUNT}${WORD_END}` +
  // "kn 2 dc\n1 nu Stieng doan vien\n1 nam hoc sinh": a line that opens with a count of people and who they are.
  `|^(?!nam${WORD_END})${COUNT}\\s+(?:${PERSON}\\s+)?(?:nam\\s+|nu${WORD_END})(?=[^\\n]*${WORD_START}(?:${TRAITS.map((t) => t.re).join("|")})${WORD_END})`);
// "đồng chí nam người Tày": "nam" (male) before a trait is no five.
// "sinh viên năm 3", "học sinh lớp 12": a year or class of study is no count ("học sinh lớp mười hai ba đồng chí là đoàn
// viên": the class said in words, its "hai" no part of the next count).
const NOT_STUDY_YEAR = `(?<!${WORD_START}(?:sinh vien|sv|hoc sinh|hs)(?:\\s+[a-z]+){0,2}\\s+(?:nam|lop|khoa)\\s(?:muoi\\s)?)`;
const TRAIT_COUNT_FIRST = TRAITS.map((t) => ({ key: t.key, re: new RegExp(`${COUNT_STARTS}${NOT_STUDY_YEAR}(?<![\\d/])(?!nam${WORD_END})(${COUNT})\\s*(?:(?:${PERSON}|chi em|chi|anh|em|chau|dong bao)\\s*)?(?:(?:nam|nu)\\s+)?(?:deu\\s+)?(?:la\\s+)?(?:(?:nguoi|dan toc|dong bao)\\s+)?${t.re}${WORD_END}`, "g") }));
// "sinh viên năm cuối", "đoàn viên năm 2024": "năm" there is no five.
// "hai đồng chí nữ một đồng chí người dân tộc Giáy": a count followed by a person with a trait starts the next part.
// "DTTS (H'Mông) 03": a note between the label and its count.
const ANY_TRAIT = TRAITS.map((t) => t.re).join("|");
// "1 nu Muong doan vien\n2 nam …": a label's count is on its own line.
// "dân tộc Ba Na": a people, no three.
// "2 đảng viên là đoàn viên": a count followed by people with a trait is theirs, no count of the label's. Every trait's
// words inside each label's pattern compiled to over a hundred kilobytes of machine code apiece, and V8 stops optimising
// the patterns it compiles once the process holds about 16 MB of machine code: the check is one shared sticky pattern
// run after a match, and the whole pattern (`full`, compiled only when the check fails) reads the rare rest.
const RE_PERSON_TRAIT_AFTER = new RegExp(`\\s*${PERSON}\\s+(?:la\\s+)?(?:${ANY_TRAIT})${WORD_END}`, "y");
interface TraitPattern {
  key: Trait["key"];
  re: RegExp;
  /** Source of the pattern with the check after it, when `re` leaves that check to `RE_PERSON_TRAIT_AFTER`. */
  fullSource?: string;
  full?: RegExp;
}
const TRAIT_LABEL_FIRST: TraitPattern[] = TRAITS.map((t) => {
  const source = `${WORD_START}${t.re}[ \\t]*(?:\\([^()\\n\\d]{1,30}\\)[ \\t]*)?(?:la|co)?[ \\t]*:?[ \\t]*(?!nam\\s+[a-z\\d]|ba na${WORD_END})(${COUNT}|khong)${WORD_END}(?!\\s?[/.]\\d|\\s*tuoi${WORD_END})`;
  return { key: t.key, re: new RegExp(source, "g"), fullSource: `${source}(?!${RE_PERSON_TRAIT_AFTER.source})` };
});

/**
 * `t.re.exec(s)` for the whole pattern: the first match of `t.re` is the whole pattern's when the check after it holds
 * (the whole pattern tries the same paths in the same order, and fails wherever `t.re` fails); else the whole pattern
 * runs from the same place.
 */
function execTrait(t: TraitPattern, s: string): RegExpExecArray | null {
  if (t.fullSource === undefined) return t.re.exec(s);
  const from = t.re.lastIndex;
  const m = t.re.exec(s);
  if (!m) return null;
  RE_PERSON_TRAIT_AFTER.lastIndex = m.index + m[0].length;
  if (!RE_PERSON_TRAIT_AFTER.test(s)) return m;
  t.full ??= new RegExp(t.fullSource, "g");
  t.full.lastIndex = from;
  const whole = t.full.exec(s);
  t.re.lastIndex = t.full.lastIndex;
  return whole;
}
// "học sinh lớp mười hai một em": the class between the label and its count, a person noun after the count.
const STUDENTS_RE = (TRAITS.find((t) => t.key === "students") as Trait).re;
TRAIT_LABEL_FIRST.push({
  key: "students",
  re: new RegExp(`${WORD_START}${STUDENTS_RE}[ \\t]+(?:lop|nam)[ \\t]+(?:\\d{1,2}|muoi(?:[ \\t]+(?:mot|hai))?|chin|tam|bay|sau|nhat|cuoi|hai|ba|bon|tu)[ \\t]+(${COUNT})[ \\t]+(?:${PERSON}|em|chi|anh|ban)${WORD_END}`, "g"),
});
const TRAIT_ANY = TRAITS.map((t) => ({ key: t.key, re: new RegExp(t.re) }));
const TRAIT_WORD = TRAITS.map((t) => ({ key: t.key, re: new RegExp(`${WORD_START}${t.re}${WORD_END}`) }));
// "dân tộc Kinh", "người Kinh", "không theo tôn giáo", "không phải đoàn viên": not the trait.
// ("không có đảng viên là người dân tộc thiểu số hoặc theo tôn giáo": none of the minorities, nor of a religion.)
const RE_NOT_TRAIT = /\b(?:dan toc kinh|nguoi kinh|(?:khong|ko|k)(?: co)?(?: ai| (?:dc|dv|dang vien|dong chi|nguoi)(?: nao)?)? (?:la )?(?:nguoi )?(?:dan toc thieu so|dtts)(?:,? (?:hoac|va|hay) (?:theo )?(?:ton giao|dao))?|(?:khong|ko|k)(?: co)? (?:ai|dong chi nao|dc nao|nguoi nao) (?:la )?nu|(?:khong|ko|k)(?: co)?(?: ai| (?:dc|dv|dang vien|dong chi|nguoi)(?: nao)?)?(?: theo)? (?:ton giao|dao)|(?:khong|ko|k|chua)\s+(?:con\s+)?(?:phai\s+)?(?:la\s+)?(?:doan vien|dvtn|dtn))\b/g;

// "chuyển chính thức", "CCT", "công nhận đảng viên chính thức", "chờ CT", "đang chờ hồ sơ chính thức đc …".
// "Đang chờ xét chính thức: đ/c Y Khu Mlô": "xét" left before the match, so that it reads as under way.
// ("cctc": the four letters some type for it.)
const RE_FULL = new RegExp(`${WORD_START}chuyen\\s+(?:dang\\s+(?:vien\\s+)?|dv\\s+)?(?:chinh\\s+thuc|ct)${WORD_END}|${WORD_START}cctc?${WORD_END}|${WORD_START}cong nhan\\s+(?:la\\s+)?(?:dang vien\\s+|dv\\s+)?chinh thuc${WORD_END}|${WORD_START}ct${WORD_END}(?<=${WORD_START}cho\\sct)|${WORD_START}chinh thuc${WORD_END}(?<=${WORD_START}(?:xet|ho so)\\s(?:(?:dang vien|dv)\\s)?chinh thuc)`, "g");
// The same, for a yes-or-no test: no `lastIndex` carried over from a scan with RE_FULL.
const RE_FULL_IN = new RegExp(RE_FULL.source);
// "đã được Đảng ủy ra quyết định": done, whatever was under way before.
// "quyết định của đảng ủy xã ký ngày 12 tháng 9": signed, done.
const RE_AWAITING_DECISION = /\b(?:cho|doi)\b[^.;\n]{0,50}\b(?:ra |ban hanh |co )?(?:quyet dinh|qd)\s+$/;
const RE_DECIDED = /\b(?:da|duoc)\b[^.;\n]{0,30}\bquyet dinh\b|\bquyet dinh\b[^.;\n]{0,30}\b(?:ky|ban hanh)\s+(?:ngay|hom|tu|\d)/;
// "chuyển chính thức năm nay không có", "công nhận chính thức: 0".
// "còn chuyển chính thức thì chưa có", "chuyển chính thức thì chưa ạ": said in speech.
const RE_NONE_AFTER = new RegExp(`^\\s*(?:nam nay|trong nam|quy nay|trong quy)?\\s*(?:thi\\s+)?:?\\s*(?:khong co|khong|ko|chua co|0|chua(?=\\s*(?:$|[.,;!]|(?:a|ai|nhe|nha)${WORD_END})))${WORD_END}(?!\\s*(?:d\\/c|dc|dv|dong chi)?\\s*\\p{L}+\\s+(?:cho|dang))`, "u");
// "Hiện không còn đv dự bị", "Dự bị còn: không": none pending, stated.
// "ko co dv du bi": none on probation at all.
const RE_NONE_PROBATIONARY = new RegExp(`${WORD_START}(?:khong|ko|k)\\s+con\\s+(?:ai\\s+)?(?:dv\\s+|dang vien\\s+|dong chi\\s+|d\\/c\\s+|dc\\s+)?(?:nao\\s+|mo\\s+)?du bi${WORD_END}|${WORD_START}(?:khong|ko|k|chua)\\s+co\\s+(?:ai\\s+|dv\\s+|dang vien\\s+|dong chi\\s+|d\\/c\\s+|dc\\s+)?(?:nao\\s+)?(?:la\\s+)?du bi${WORD_END}(?!\\s+(?:nao\\s+)?(?:duoc\\s+)?(?:chuyen|cct))|${WORD_START}(?:du bi|db)\\s*(?:con|hien co|hien con)?\\s*:?\\s*(?:khong|ko|0)${WORD_END}`);
const RE_PENDING_ARE_ADMITTED = new RegExp(`${WORD_START}du bi${WORD_END}[^.\\n]{0,60}${WORD_START}(?:neu tren|noi tren|o tren|co ten (?:trong|o) danh sach (?:tren|nay|kem theo)|(?:moi )?ket nap trong (?:quy|nam|thang)(?: nay)?)${WORD_END}`);
// "Kết nạp: A (…), B (…)", "… Danh sách: A, B, C.", "Bảng 1 – Kết nạp trong quý: A (…), …": a list of the admitted after its label.
const RE_ADMITTED_LIST = /(?:^|[\n.;][ \t]*)[^\n:.;]{0,40}?\b(?:ket nap|danh sach)\b[^\n:.;]{0,30}:[ \t]*/g;
// "Đến nay chi bộ không còn hồ sơ chuyển đảng chính thức nào đang chờ xét": no file waiting, so none waits.
const RE_NO_FILE_WAITING = /\b(?:khong|ko|k)\s+con\s+(?:ho so|truong hop)\s+(?:(?:dang vien|dv)\s+)?(?:chuyen\s+(?:dang\s+)?(?:chinh\s+thuc|ct)|cct)\s+(?:nao\s+)?(?:dang\s+)?(?:cho|ton)\b/;
// "đ/c Triệu Văn Mình chưa có quyết định, vẫn đang chờ", "hồ sơ đ/c Quý còn chờ ĐU xã duyệt": named, still waiting ("… chưa có quyết định kết nạp" is not yet admitted).
const RE_WAITING_AFTER = new RegExp(`${COMRADE}\\s+(?!(?:nao|con lai|kia|do|ay|nua)${WORD_END})((?:[^\\s.,;:()]+[ \\t]){1,4})(?:chua co quyet dinh(?! ket nap)|(?:van|con) (?:dang )?cho|dang cho|chua du (?:thoi gian|12 thang))`, "dg");
// "đ/c Phan Ngọc Lan dự bị đến tháng 5/2027", "Đ/c Sơn Phi Long còn dự bị tới tháng 2/2027": a member named, still on probation.
// ("còn đồng chí H Lim Niê và Y Khoa Êban đang dự bị chưa chuyển": the last of several named after "và", in capitals;
// "Đ/c Danh Thị Sa Vân vẫn đang dự bị (đến tháng 12)": until when, in brackets.)
const RE_PROBATION_UNTIL = new RegExp(`(?:${COMRADE}|${WORD_START}va)\\s+(?!(?:nao|con lai|kia|do|ay)${WORD_END})((?:[^\\s.,;:()]+\\s){1,4}?)(?:(?:con|van|dang|hien) )*(?:la )?(?:dang vien |dv )?du bi,? \\(?(?:den|toi|het|con|chua)${WORD_END}`, "dg");
// "còn đc Pao chưa đến hạn chuyển", "đ/c Lò Văn Sinh chưa hết thời gian dự bị": named, not yet due.
const RE_NOT_YET_DUE = new RegExp(`${COMRADE}\\s+(?!(?:nao|con lai|kia|do|ay)${WORD_END})((?:[^\\s.,;:()]+\\s){1,4}?)(?:(?:van|con|thi)\\s+)?(?:chua (?:den|toi) (?:han|ky|thoi han)|chua het (?:thoi gian|thoi han|han) du bi)${WORD_END}`, "dg");
// "đ/c Cầm Thị Hương thì phải đến tháng 2 năm sau mới đủ 12 tháng", "đ/c thạch thị sa ly thì tháng 2 năm sau mới tới hạn",
// "đồng chí A Pri hết hạn dự bị vào tháng 5 năm 2027": named, due at a time still to come ("… hết hạn dự bị ngày 20/01/2026;
// chi bộ đã họp xét, đang chờ …": or on a day).
const RE_DUE_LATER = new RegExp(`${COMRADE}\\s+(?!(?:nao|con lai|kia|do|ay)${WORD_END})((?:[^\\s.,;:()]+\\s){1,4}?)(?:thi\\s+)?(?:(?:con|se|phai|van)\\s+)*(?:(?:(?:den|toi|sang|vao)\\s+)?(?:thang|quy|nam|cuoi|dau)${WORD_END}[^.;,\\n]{0,25}?${WORD_START}moi\\s+(?:du|den han|toi han|het han|duoc xet|xet)${WORD_END}|het (?:han|thoi gian|thoi han) du bi\\s+(?:(?:vao|den|toi)\\s+)?(?:(?:ngay|thang|quy|nam|cuoi|dau)${WORD_END}|\\d))`, "dg");
const RE_DONE_AFTER = new RegExp(`${WORD_START}(?:da|roi)\\s+(?:duoc\\s+)?(?:chuyen|cong nhan|cct|co quyet dinh)${WORD_END}`);
// "- chưa chuyển: Giàng A Sử", "Chưa đến hạn chuyển chính thức: đ/c …": a label, then the names.
// "Dự bị chưa chuyển Lò Văn Bun; Cầm Thị Xuân": a row of a table, the label opening its line, no colon.
const RE_NOT_YET_LABEL = /(?:\b|^[ \t]*(?:[-+*•][ \t]*)?)(?:(?:du bi|db)\s+)?(?:chua (?:duoc )?(?:chuyen|xet)|chua (?:den|toi) (?:thoi )?han(?: chuyen)?|(?<=\b(?:du bi|db)\s+)chua(?=\s+chinh thuc\b))(?:\s+(?:dang\s+)?(?:chinh thuc|ct))?(?:\s*\((?:ghi ro )?(?:ho (?:va )?ten|danh sach)\))?(?:\s*:(?:\s*\d{1,2}\s*(?:dong chi|d\/c|dc|dv|dang vien)?\s*,?\s*(?:gom|la)\s*:|\s*\d{1,2}\s*(?:dong chi|d\/c|dc|dv|dang vien)?\s*(?:moi ket nap(?: trong (?:nam|quy|thang)(?: nay)?)?\s*)?\()?|[ \t]+(?=\p{L})(?<=^[ \t]*(?:[-+*•][ \t]*)?[a-z ]+))/gmu;
const RE_REST_UNDER_WAY = /\b(?:dang lam ho so|lam ho so|dang lam thu tuc|dang hoan thien ho so|(?:dang )?cho quyet dinh|chua co quyet dinh|dang cho)\b(?!\s*(?:ket nap|kn)\b)\s*:?/;
const RE_THE_OTHERS = new RegExp(`^[.!\\s,;]*(?:con\\s+)?(?:${COUNT}\\s+)?(?:${PERSON}\\s+)?(?:kia|con lai)\\b`);
const RE_UNDER_WAY = /\b(?:dang lam|lam ho so|lam thu tuc|hoan thien ho so|ho so|dang cho|cho|chuan bi|de nghi|sap|se|dang xet|xet|du kien|chua|du dieu kien|moi du|moi (?:toi|den) han)\b[^.;\n]{0,25}$/;
const RE_NONE_YET = /\b(?:chua|khong|ko|k|kg)\s+co\s+$/;
const RE_ELIGIBLE = new RegExp(`${WORD_START}(?:du|dat) (?:dieu kien|dk|tieu chuan|thoi gian)${WORD_END}`);
const RE_PROPOSED = /\b(?:xet|de nghi)\b/;
const RE_STILL_TO_DO = new RegExp(`${WORD_START}(?:dang|cho|se|sap|chuan bi|ho so|du kien|chua|du dieu kien|moi du|lam|doi)${WORD_END}`);
const RE_UNDER_WAY_WORD = new RegExp(`${WORD_START}(?:dang|lam ho so|lam thu tuc|ho so|cho|chuan bi|de nghi|sap|se|xet|du kien|du dieu kien)${WORD_END}`);
// "kết nạp 2 đ/c nữ, 1 đ/c nam": the admitted counted by sex.
const RE_BY_SEX = new RegExp(`${WORD_START}(?:ket nap|kn)(?:\\s+(?:duoc|dc|moi))?\\s+(${COUNT})\\s*(?:${PERSON}\\s*)?(nu|nam)\\s*(?:,|;|va)\\s*(${COUNT})\\s*(?:${PERSON}\\s*)?(nu|nam)${WORD_END}`, "d");
// "không có đ/c nào đang chờ chuyển chính thức": none pending, stated.
// "không có đ/c dự bị chờ chuyển chính thức": the same, with who they would be.
const RE_NONE_PENDING = new RegExp(`${WORD_START}(?:khong|ko|k|chua)\\s+(?:co|con)\\s+(?:ai|(?:dc|d\\/c|dong chi|dv|dang vien)(?:\\s+du bi)?(?:\\s+nao)?|truong hop(?:\\s+nao)?)${WORD_END}[^.;\\n]{0,30}$`);
// "không có đảng viên (nào) chuyển chính thức".
const RE_NONE_MADE = /\bchua\s+(?:chuyen|cct|cong nhan)[^.\n]{0,30}\bcho\s+(?:ai|(?:dong chi|d\/c|dc) nao)\b/;
const RE_NONE_OVERDUE = /\b(?:khong|ko|k)\s+con\s+(?:dong chi|d\/c|dc|dv|dang vien|ai)(?:\s+nao)?\b[^.\n]{0,40}\bchua\s+(?:duoc\s+)?(?:chuyen|cct)/;
const RE_NONE_BEFORE = /\b(?:khong|ko|k|chua)\s+(?:co\s+)?(?:ai|dang vien|dv|dong chi|dc|d\/c|truong hop)?\s*(?:du bi\s+)?(?:nao\s+)?(?:duoc\s+)?$/;
// "hiện còn 2 đảng viên dự bị (đ/c Lục Thị Vân, đ/c Mã Văn Cường)", "còn 1 đồng chí dự bị là đ/c Giàng A Páo".
// "Đảng viên dự bị hiện có: 01 đ/c (đ/c Lý Thị Mai, …)": the count before the names.
const RE_STILL_PROBATIONARY = new RegExp(`\\b(?:dang vien|dv) du bi (?:hien con|hien co|con lai|con)\\b\\s*(?:la|gom|:)?\\s*(?:${COUNT}\\s*(?:${PERSON}\\s*)?(?:\\(|:|-|la\\b|gom\\b|,\\s*(?:la|gom)\\b[^:\\n]{0,50}:)\\s*)?|\\b(?:du bi|db)(?: con lai| hien co| hien con| hien nay| hien tai| den nay| den hien nay| con| (?:dang |con )?cho (?:xet |qd |quyet dinh )?(?:chuyen (?:dang )?)?(?:chinh thuc|ct|cct)| den (?:ngay )?\\d{1,2}\\/\\d{1,2}(?:\\/\\d{2,4})?)?\\s*(?::\\s*(?:${COUNT}\\s*(?:${PERSON}\\s*)?(?:moi ket nap(?: trong (?:nam|quy|thang)(?: nay)?)?\\s*)?(?:\\(|:|-|la\\b|gom\\b))?|${COUNT}\\s*(?:${PERSON}\\s*)?(?::|\\())\\s*|\\b(?:con|hien(?:\\s+(?:chi bo|cb))?\\s+co|hien con|dang co|chi bo co|trong do)\\s+(?:${COUNT}\\s+)?(?:${PERSON}\\s+)?(?:dang vien\\s+|dv\\s+)?du bi\\b\\s*(?:chua (?:du|het|den) (?:thoi gian|thoi han|han|12 thang|ky)\\s*)?(?:la|gom|:|\\()?\\s*` +
    // ("Dự bị còn lại: 02 đ/c mới kết nạp (Tô Thanh Bình, …)": who they are, then their names in brackets.)
    // ("còn 1 đ/c dự bị chưa đủ thời gian: đ/c Trịnh Văn Sang": why they wait, before the names; "Đảng viên dự bị còn
    // lại: 01 đồng chí - đ/c Trần Thị Ngân", "dự bị đến 31/12/2026: 04 đ/c (…)": the count and a dash, or the day.)
    // "Dự bị chờ xét: đ/c Võ Thị Hồng Nhung", "Dự bị chờ CT: Lê Văn Nam; Đặng Thị Thu Trang", "Các đ/c dự bị đang chờ:\n- Lê Quang Vinh (KN 12/2025)\n- …": a label of those
    // waiting, the names after its colon or listed under it.
    `|${WORD_START}(?:(?:cac\\s+)?(?:dc|d\\/c|dong chi|dv|dang vien)\\s+)?(?:du bi|db)\\s+(?:dang\\s+)?cho(?:\\s+xet|\\s+quyet dinh)?(?:\\s+(?:chinh thuc|chuyen\\s+(?:dang\\s+)?(?:chinh thuc|ct)|cong nhan\\s+(?:dang vien\\s+)?chinh thuc|cct|ct))?(?:\\s*\\((?:ghi ro |ghi )?ho (?:va )?ten\\))?\\s*:\\s*(?:[-+*•]\\s*)?` +
    // "- Chờ chuyển ĐCT: Hầu A Dình, Vàng Thị Sua": the label of those waiting, without "dự bị".
    // "Đảng viên dự bị đang theo dõi, giúp đỡ: đ/c …", "Số đảng viên dự bị chưa chuyển chính thức (ghi rõ họ tên): đ/c …".
    `|${WORD_START}(?:dang vien|dv) du bi (?:dang theo doi|chua (?:duoc )?chuyen (?:dang )?(?:chinh thuc|ct)|chua cct)${WORD_END}[^:\\n]{0,40}:\\s*` +
    // "Chuyen chinh thuc: A, B. Dang cho: Ban Van Quay": after those made full, "đang chờ" alone.
    `|(?:^|\\n)[ \\t]*[-+*•]?[ \\t]*(?:dang\\s+)?cho\\s+(?:xet\\s+)?(?:chuyen\\s+(?:dang\\s+)?(?:chinh thuc|ct)|cct)\\s*:\\s*|(?<=(?:^|[\\n.;])[ \\t]*)(?:dang|con)\\s+cho\\s*:\\s*`, "g");
// A label of those waiting without "dự bị" ("Chờ chuyển ĐCT:", "Đang chờ:"), for the check before RE_STILL_PROBATIONARY.
const RE_WAITING_LABEL = /\bcho\s+(?:xet\s+)?(?:chuyen|cct)|\b(?:dang|con)\s+cho\s*:/;
const RE_FULL_FOR = /(?:chuyen\s+(?:dang\s+)?(?:chinh\s+thuc|ct)|cct|chinh thuc)\s+cho\s+(?:dang vien|dv)?\s*(?:du|$)/;
const RE_NONE_LEFT = /^\s*:?\s*(?:khong|ko)(?:\s+(?:con|co))?\s*(?:$|[.;,\n])/;
const RE_NONE_ANSWER = /^\s*:\s*(?:khong(?: co)?|ko(?: co)?|chua co|0)\s*(?:$|[.;,\n])/;
const RE_NONE_FOR_ANY = /^\s*(?:cho\s+)?(?:dong chi|dc|d\/c|ai|dv|dang vien)\s+nao\b/;
// "Chuyển chính thức cho đảng viên dự bị: 2 đ/c".
// "Chuyển chính thức trong năm 2025: 2 đ/c", "chuyển chính thức quý này 1 đ/c": the period between.
// "Chuyển chính thức trong tháng: 1": the month too.
// ("Chuyển đảng chính thức trong quý: 01 đ/c": the period named without its number before the label's colon.)
const RE_FULL_COUNT = new RegExp(`^\\s*(?:(?:trong|cua)\\s+)?(?:(?:(?:nam|quy|q)\\s?(?:(?:19|20)\\d\\d|nay|qua|iv|iii|ii|i|[1-4])(?:\\s?\\/\\s?\\d{4})?${WORD_END}|thang(?:\\s?\\d{1,2}(?:\\s?\\/\\s?\\d{4})?)?${WORD_END}(?=\\s*:)|(?:quy|nam|ky)${WORD_END}(?=\\s*:))\\s*)?(?:thi\\s+)?(?:cho\\s+)?(?:(?:dang vien|dv|dong chi|d\\/c)\\s+(?:du bi\\s*)?(?=:))?(?:(?:duoc|dc)\\s+(?=\\d|${COUNT}\\s))?:?\\s*(${COUNT_N})${WORD_END}(?!\\s?[/.]\\d)\\s*(?:${PERSON}${WORD_END})?`);
// "còn 1 đ/c là chuyển chính thức": the count, then what that one was.
// (Not across a line: "Cộng: 03 đồng chí\n\nChuyển đảng chính thức …" counts those admitted.)
const RE_COUNT_BEFORE_FULL = new RegExp(`(${COUNT})[ \\t]*(?:${PERSON}[ \\t]*)?(?:du bi[ \\t]*)?(?:da[ \\t]+)?(?:duoc[ \\t]+)?(?:la[ \\t]+)?$`);
// "DS chuyển chính thức trong quý: Hoàng Anh Tuấn, …": the period before the names.
// ("cho chị Trần Thị Mỹ Lệ": how the member is addressed, like "đ/c".)
// ("…: ☒ Có – đ/c Lý Văn Cường": a form's box ticked for yes, then the name.)
// ("Đề nghị chuyển CT tiếp: Đinh Công Hoan, …": those next, after "tiếp", passed over first.)
const RE_NEXT_ONES = /^\s*tiep(?: theo)?(?=\s*[:(]|\s+(?:cho|d\/c|dc|dong chi)\s)/;
const RE_NAME_LEAD = new RegExp(`^\\s*(?:trong\\s+(?:quy|nam|ky|thang)(?:\\s+nay)?\\s*(?=:))?(?::?\\s*co\\s*[-:,]\\s*(?=${COMRADE}\\s))?(?:cho\\s+|cua\\s+)?(?:cac\\s+)?(?:quan chung\\s+|qc\\s+)?(?:(?:${COMRADE}|(?:chi|anh|chu|co|em|ong|ba|bac)(?![a-z]))\\s*:?\\s*)?(?:la\\s+)?(?:${COMRADE}\\s+)?(?::\\s*)?(?:\\(\\s*)?(?:(?:\\d{1,2}[.)/]|[a-h]\\)|[-+•*])\\s*)?(?:${COMRADE}\\s+)?`);
// "có 1 đ/c dự bị Hà Thị Thơm đang làm hồ sơ …": "dự bị" before the name.
// ("Còn Phạm Văn Lộc đang chờ chuyển chính thức": or after "còn", the name in capitals; "Còn chị Lâm Ngọc Thảo đang chờ QĐ
// chuyển chính thức": how she is addressed before it, the decision awaited.)
const RE_NAME_BEFORE = new RegExp(`(?:${COMRADE}|\\bcon(?!\\s+${COMRADE}\\s)(?:\\s+(?:anh|chi|chu|em|co|ong|ba))?)\\s+(?:du bi\\s+)?((?:[a-z]+\\s){1,4})(?:dang\\s+)?(?:cho|doi|lam ho so|lam thu tuc|hoan thien ho so|hoan tat ho so|chuan bi|du kien)\\s+(?:de\\s+|xet\\s+|(?:qd|quyet dinh)\\s+)?$`, "d");
const RE_NAME_NOTE = /^\s*\([^()\n]{0,70}\)/;
const RE_WITH_NAME = /^\s+voi\s+/;
const RE_JOINED_AFTER = /^\s*(?:,|\bva\b|\bvoi\b)\s*/;
// "cho anh Lê Văn Tài với chị Nguyễn Ngọc Hân": how one is addressed in speech, before the next name.
const SPOKEN_TITLE = "(?:anh|chi(?! bo)|chu|em|ong|co|ba|bac|chau)";
// "…:\n a) Đặng Văn Quý\n b) Triệu Thị Mai": or the next line's mark.
const RE_NAME_SEP = new RegExp(`^\\s*(?:(?:,|;|va|\\+|-)\\s*(?:(?:${COMRADE}|${SPOKEN_TITLE})\\s+)?|voi\\s+(?:${COMRADE}|${SPOKEN_TITLE})\\s+|\\n\\s*(?:\\d{1,2}[.)/]|[a-h]\\)|[-+•*])\\s*(?:${COMRADE}\\s+)?)`);

/** A plan or target just before `at`, in the same clause: "phấn đấu kết nạp 2", not "chỉ tiêu 2, kết nạp đạt 2/2". */
function planBefore(f: string, at: number): boolean {
  const clause = Math.max(0, f.lastIndexOf(",", at - 1) + 1, f.lastIndexOf(".", at - 1) + 1, f.lastIndexOf("\n", at - 1) + 1);
  return RE_PLAN.test(f.slice(Math.max(clause, at - (f.lastIndexOf(":", at - 1) > clause ? 70 : 30)), at)) || RE_GIVEN.test(f.slice(Math.max(clause, at - 80), at));
}
// "ĐUX giao chỉ tiêu năm 2026 cho chi bộ ấp Tân Lập kết nạp 4 đ/c": a target handed to the cell, its name between.
// "ĐUX giao năm 2026 cb kết nạp 3 đ/c": or when, before the cell.
const RE_GIVEN = new RegExp(`${WORD_START}giao\\s+(?:(?:chi tieu\\s+)?(?:\\S+\\s+){0,3}?)?(?:cho\\s+)?(?:cac\\s+)?(?:cb|chi bo)${WORD_END}[^,.;:\\n]{0,40}$`);

// "à nhầm", "sửa lại:", "e gõ sai": what follows replaces what came before.
// "kết nạp được ba à không hai đồng chí", "2 đ/c, à không, 3 đ/c": a count taken back ("à không", "ơ không phải,") and
// said again; "1 dv, à k phải 2 dv" denies the count after it, and keeps the one before ("Chuyển CT 1, à k phải, chuyển
// CT 0": what was counted named again before the new count).
// "…, dc Danh Thi Bich - xin loi, chi dc Tran Van Nho duoc chuyen chinh thuc": an apology, then what it should have said.
const RE_CORRECTION = new RegExp(`(?:^|[\\s,.;:!(])(?:a nham|(?<=(?:^|[^\\p{L}\\d])${COUNT}\\s*(?:${PERSON}\\s*)?,?\\s*)a\\s+lon(?=\\s*,?\\s*${COUNT}${WORD_END})|nham|sua lai|xin sua|go sai|danh sai|dinh chinh|xin loi\\s*,?\\s*(?=(?:chi|dung ra|dung la|phai la)\\s)|(?<=(?:^|[^\\p{L}\\d])${COUNT}\\s*(?:${PERSON}\\s*)?,?\\.*\\s*)(?:a|o|ay|ui)\\s*,?\\s+(?:khong|ko|k)(?:\\s+phai(?=\\s*,)|(?!\\s+phai${WORD_END}))(?=\\s*,?\\s*(?:la\\s+)?(?:(?:nu|doan vien|dan toc|ton giao|sinh vien|chuyen ct|chuyen chinh thuc|cct|ket nap|kn)\\s+)?${COUNT}${WORD_END}))\\b\\s*:?`, "u");
const RE_CORRECTION_HINT = new RegExp(`nham|sua|sai|dinh chinh|xin loi|a lon |[ ,](?:a|o|ay|ui),? (?:khong|ko|k)${WORD_END}`);
const RE_COUNTED_ITEM = /(?:ket nap|kn|chuyen\s+(?:dang\s+)?(?:chinh\s+thuc|ct)|cct|cong nhan\s+(?:dang vien\s+)?chinh thuc)/g;
const RE_BARE_COUNT = new RegExp(`^[\\s,.:;-]*(?:la\\s+|chi\\s+)?(${COUNT})\\s*(?:${PERSON}${WORD_END}|thoi${WORD_END}|chu${WORD_END}|[,.;)]|$)`);

/** `p` with "năm" before a person written as "5": folded, "nam" is the man, which no count here may be. */
function fiveSpelled(p: Prepared): Prepared {
  if (!p.f.includes("nam ")) return p;
  const text = spellFive(p.text);
  return text === p.text ? p : { ...p, text, f: foldSameLength(text) };
}

// "Nữ: có Dân tộc thiểu số: có (Mông) … Tôn giáo: không": a form's boxes for the traits, ticked or not (see `prepare`).
const RE_TRAIT_ANSWER = /(?<=\b(?:nu|dan toc thieu so|dtts|dan toc|doan vien(?: thanh nien| tn)?|dvtn|hs,? ?sv|hoc sinh,? sinh vien|sinh vien|(?:theo )?ton giao|co dao|tg):[ \t]*)(co|khong)(?![a-z])/g;

// "kết nạp 02 đảng viên mới, đều là đoàn viên thanh niên: đ/c … (nữ, …) và đ/c … (…)": what all of them are, before the
// colon that names them one by one.
const RE_ALL_BEFORE_NAMES = /\b(?:ket nap|kn)\s+(\d{1,2}|hai|ba|bon)\s*(?:dang vien|dv|dong chi|d\/c|dc)?(?:\s+moi)?\s*(,\s*(?:ca\s+\S+\s+)?deu\s+(?:la\s+)?[^:.;\n(]{3,60}):(?=\s*(?:dong chi|d\/c|dc)\s)/;

/** `p` with what all the admitted are, said before their names, said after them ("…. Cả 2 đều là …"). */
function allAfterNames(p: Prepared): Prepared {
  const m = p.f.includes("deu") ? RE_ALL_BEFORE_NAMES.exec(p.f) : null;
  if (!m) return p;
  const allAt = m.index + m[0].length - 1 - (m[2] as string).length;
  const end = sentenceEnd(p.f, allAt + (m[2] as string).length + 1);
  const all = p.text.slice(allAt, allAt + (m[2] as string).length).replace(/^,\s*/, "");
  const text = `${p.text.slice(0, allAt)}${p.text.slice(allAt + (m[2] as string).length, end)}. Cả ${m[1]} ${all}${p.text.slice(end)}`;
  return { ...p, text, f: foldSameLength(text) };
}

export function parseAdmissions(prepared: Prepared): ParseResult<"admissions"> {
  let p = allAfterNames(fiveSpelled(respace(prepared)));
  let fields = readAdmissions(p);
  // Each box ticked counts all the admitted, each left empty none.
  if (fields.admitted !== undefined && fields.admitted > 0 && p.f.includes(": co")) {
    const n = String(fields.admitted);
    let text = "";
    let last = 0;
    for (const m of p.f.matchAll(RE_TRAIT_ANSWER)) {
      text += p.text.slice(last, m.index) + (m[1] === "co" ? n : "0");
      last = (m.index as number) + m[0].length;
    }
    text += p.text.slice(last);
    if (text !== p.text) {
      p = { ...p, text, f: foldSameLength(text) };
      fields = readAdmissions(p);
    }
  }
  fields.period = readPeriod(p);
  const fix = RE_CORRECTION_HINT.test(p.f) ? RE_CORRECTION.exec(p.f) : null;
  if (fix && fix.index > 0 && !nameNotSlip(p, fix)) {
    // The corrected part read alone; a bare "2 đ/c thôi" corrects the last count named before it.
    const at = fix.index + fix[0].length;
    let text = p.text.slice(at);
    if (RE_BARE_COUNT.test(p.f.slice(at))) {
      let last: RegExpExecArray | null = null;
      RE_COUNTED_ITEM.lastIndex = 0;
      for (let m = RE_COUNTED_ITEM.exec(p.f); m && m.index < fix.index; m = RE_COUNTED_ITEM.exec(p.f)) last = m;
      if (last) text = `${p.text.slice(last.index, last.index + last[0].length)} ${text.replace(/^[\s,.:;-]+/, "")}`;
    }
    const folded = foldSameLength(text);
    let after = readAdmissions({ text, f: folded, now: p.now });
    // "kết nạp 2 đ/c (1 nữ, 1 người Mường) - sửa lại: cả 2 đều là người Mường, trong đó 1 nữ": who they are,
    // told anew for the same count, replaces the whole breakdown.
    if (after.admitted === undefined && fields.admitted !== undefined && fields.admitted > 0 && traitsOf(folded.slice(0, sentenceEnd(folded, 0))).length > 0) {
      const told = `kết nạp ${fields.admitted} đ/c: ${text.replace(/^[\s,.:;-]+/, "")}`;
      const again = readAdmissions({ text: told, f: foldSameLength(told), now: p.now });
      // ("1 đ/c là đoàn viên — xin sửa lại: cả 2 đ/c đều là đoàn viên": only the traits it names; the others stand.)
      const named = new Set(traitsOf(folded));
      if (TRAITS.some((t) => again[t.key] !== undefined)) {
        for (const t of TRAITS) if (named.has(t.key)) delete fields[t.key];
        for (const t of TRAITS) if (!named.has(t.key)) delete again[t.key];
        after = { ...again, admitted: undefined };
      }
    }
    for (const [k, v] of Object.entries(after) as [keyof AdmissionsFields, never][]) if (v !== undefined) fields[k] = v;
  }
  return finish(fields);
}

/** "Ksor Nhăm", "Lò Thị Nhâm": a name, no "nhầm". */
function nameNotSlip(p: Prepared, fix: RegExpExecArray): boolean {
  const at = p.f.indexOf("nham", fix.index);
  return at >= 0 && at < fix.index + fix[0].length && !/^nh[aầ]m$/.test(p.text.slice(at, at + 4));
}

// "quý này", "quý trước": the quarter of the message, or the one before.
// "hồ sơ đủ từ quý trước", "so với quý trước": a quarter measured from, not the one reported.
const RE_QUARTER_REL = /(?<!\b(?:tu|so voi|nhu|hon|giong)\s)\bquy\s(nay|truoc|vua qua)\b/;
const RE_QUARTER_ANY = new RegExp(QUARTER_SOURCE, "g");
// A quarter named in a plan is no report period: "phấn đấu quý I năm sau kết nạp…", "đề nghị xét … trong quý I/2027".
const RE_PLAN_AFTER = /^[^.;,\n\d]*?\b(?:dat|giao|de ra|dang ky)\s+(?:chi tieu|ke hoach|muc tieu)\b/;
const RE_PLAN_NEAR = new RegExp(`${WORD_START}(?:phan dau|chi tieu|ke hoach|muc tieu|du kien|de nghi|phuong huong|se|sap)${WORD_END}[^.;\\n]*$`);

/** The period reported: a quarter named as the report's, else the year. */
function readPeriod(p: Prepared): string {
  const f = p.f;
  const past = pastQuarter(p);
  if (past) return past;
  RE_QUARTER_ANY.lastIndex = 0;
  for (let m = RE_QUARTER_ANY.exec(f); m; m = RE_QUARTER_ANY.exec(f)) {
    const from = Math.max(0, m.index - 100, f.lastIndexOf(".", m.index - 1) + 1, f.lastIndexOf("\n", m.index - 1) + 1);
    // "…đặt chỉ tiêu kết nạp 2, kết quả quý 3: …": a result named after the plan is the report's.
    const plan = RE_PLAN_NEAR.exec(f.slice(from, m.index));
    // "ap Ba Se bao cao quy 3": a capitalised word is a name's, no "sẽ".
    const planWord = plan ? (p.text[from + plan.index] as string) : "";
    if (plan && planWord === planWord.toLowerCase() && !/\bket qua\b|,\s*(?:con|nhung|thuc te|thuc hien)\b/.test(plan[0])) continue;
    if (/^\s*(?:nam sau|nam toi)\b/.test(f.slice(m.index + m[0].length, m.index + m[0].length + 10))) continue;
    // "Q4 chi bộ đặt chỉ tiêu kết nạp 2, kết quả quý 3: …": the quarter a target is set for.
    if (RE_PLAN_AFTER.test(f.slice(m.index + m[0].length, m.index + m[0].length + 30))) continue;
    const q = readQuarter({ ...p, f: f.slice(m.index) });
    if (q && q <= `${p.now.y}-Q${Math.ceil(p.now.m / 3)}`) return q;
  }
  const rel = RE_QUARTER_REL.exec(f);
  if (rel) {
    let q = Math.ceil(p.now.m / 3);
    let y = p.now.y;
    if (rel[1] !== "nay") q--;
    if (q === 0) [q, y] = [4, y - 1];
    return `${y}-Q${q}`;
  }
  const month = readHeadMonth(p) ?? readEventMonth(p) ?? readAdmittingMonth(p);
  if (month) return month;
  const y = readYear(p);
  // "năm 2027" in a plan is no report year either.
  return Number(y) > p.now.y ? String(p.now.y) : y;
}

// "t8 cb kết nạp 1 đc", "Báo cáo kết nạp đảng tháng 5/2026 – CB …:", "Chi bộ … báo cáo: trong tháng 6/2026, chi bộ kết nạp …":
// a month heading the report (at its start, or a few words after "báo cáo", or after "trong") is its period.
// "PTĐ T10/2026 - CB xóm Bắc Sơn": after the name of the work too; "cb thôn Đại Đồng tháng 8 kết nạp 1 đv", "tháng 11/2025 kn": or right before the
// admitting; a table's "Kỳ: Tháng 10/2026" cell.
const RE_HEAD_MONTH = new RegExp(`(?:(?:^|\\n)[ \\t]*(?:(?:da|vang)[ \\t]+)?(?:ky(?: bao cao)?[ \\t]*:[ \\t]*)?|${WORD_START}(?:bao cao|bc|ptd|ptdv|phat trien dang(?: vien)?|(?:ds|danh sach) ket nap|ket nap|kn)${WORD_END}(?:\\s+(?!(?:den|toi|tu|sang|vao|ngay|du bi|het)${WORD_END})[^\\s.:;,\\n]+){0,5}?[ \\t]*:?[ \\t]*|${WORD_START}trong\\s+)(?:thang\\s?:?\\s?(\\d{1,2})|t(\\d{1,2})|thang\\s(muoi mot|muoi hai|mot|hai|ba|bon|tu|nam(?=\\s+nam${WORD_END})|sau|bay|tam|chin|muoi|gieng|chap)${WORD_END}(?!\\s+(?:dv|dang vien|dong chi|d\\/c|dc|nguoi|quan chung|qc|em|chi(?! bo)|anh)${WORD_END}))(?:\\s?[/.-]\\s?(\\d{4})|\\s+nam\\s+(\\d{4}))?(?![\\d/.-])(?!\\s*(?:vua|truoc|toi|sau|nua)${WORD_END})|(?:thang\\s?(\\d{1,2})|t(\\d{1,2}))(?:\\s?\\/\\s?(\\d{4}))?(?=\\s*:?\\s+(?:(?:chi bo|cb)\\s+)?(?:ket nap|kn)${WORD_END})`, "d");
// "báo cáo tháng chín": a month in words.
// ("tháng năm năm 2026": the fifth month, before the year's "năm".)
const MONTH_WORDS: Record<string, number> = { mot: 1, gieng: 1, hai: 2, ba: 3, bon: 4, tu: 4, nam: 5, sau: 6, bay: 7, tam: 8, chin: 9, muoi: 10, "muoi mot": 11, "muoi hai": 12, chap: 12 };
// "cả năm 2025", "trong năm", "năm nay", "năm 2025" (not "tháng 5 năm 2026"): the report is the year's.
// "sinh năm 2003" is a birth year, no year told.
const RE_YEAR_TOLD = new RegExp(`${WORD_START}(?:ca nam|trong nam|nam nay|nam qua|nam vua qua)${WORD_END}|(?<!${WORD_START}thang\\s?\\d{1,2}\\s|${WORD_START}sinh\\s)${WORD_START}nam\\s?(?:19|20)\\d\\d${WORD_END}`);
function readHeadMonth(p: Prepared): string | null {
  const f = p.f;
  if (!f.includes("t")) return null;
  const m = RE_HEAD_MONTH.exec(f.slice(0, 120));
  if (!m) return null;
  // "Thắng 12": a name, no month ("tháng" is written so, or without its marks).
  const at = m[3] ? f.lastIndexOf("thang", ((m.indices?.[3] as [number, number])[0])) : f.lastIndexOf("t", ((m.indices?.[1] ?? m.indices?.[2] ?? m.indices?.[6] ?? m.indices?.[7]) as [number, number])[0]);
  if (!/^(?:th[aá]ng|t)\s?:?\s?\d/i.test(p.text.slice(at, at + 9)) && !(m[3] && /^th[aá]ng\s/i.test(p.text.slice(at, at + 6)))) return null;
  const month = m[3] ? (MONTH_WORDS[m[3]] ?? 0) : Number(m[1] ?? m[2] ?? m[6] ?? m[7]);
  if (month < 1 || month > 12) return null;
  if (RE_YEAR_TOLD.test(f.replace(m[0], " "))) return null;
  const y = m[4] ?? m[5] ?? m[8] ? Number(m[4] ?? m[5] ?? m[8]) : month > p.now.m + 1 ? p.now.y - 1 : p.now.y;
  if (y > p.now.y || (y === p.now.y && month > p.now.m + 1)) return null;
  return formatMonth(y, month);
}

// "… Trong tháng 9/2026 chi bộ không kết nạp mới.", "Như vậy tháng 5 chi bộ kết nạp 1 đ/c.": the month of the admitting
// said later in the message, next to it.
const RE_ADMITTING_MONTH = /\b(?:trong\s+)?thang\s?(\d{1,2})(?:\s?\/\s?(\d{4}))?(?=\s*,?\s+(?:chi bo|cb)\s+(?:(?:khong|chua|da)\s+)?(?:ket nap|kn)\b)/;
function readAdmittingMonth(p: Prepared): string | null {
  if (!p.f.includes("thang")) return null;
  const m = RE_ADMITTING_MONTH.exec(p.f);
  if (!m || RE_YEAR_TOLD.test(p.f)) return null;
  const month = Number(m[1]);
  if (month < 1 || month > 12) return null;
  const y = m[2] ? Number(m[2]) : month > p.now.m + 1 ? p.now.y - 1 : p.now.y;
  if (y > p.now.y || (y === p.now.y && month > p.now.m + 1)) return null;
  return formatMonth(y, month);
}

// "tối 19/5/2026 chi bộ tổ chức Lễ kết nạp …", "ngày 2/9 chi bộ … kết nạp đ/c …", "tối nay … lễ kết nạp đảng cho em …":
// the day of the ceremony, the admission told in the same sentence, is the report's month (no year told, one month only).
const RE_EVENT_DAY = /\b(?:ngay|toi|sang|chieu|trua|dem|hom)\s+(?:(\d{1,2})\s?[/.-]\s?(\d{1,2})(?:\s?[/.-]\s?((?:19|20)\d\d))?(?![\d/.-])|(nay))\b[^.;!?\n]{0,120}?\b(?:ket nap|kn)\b/g;
function readEventMonth(p: Prepared): string | null {
  const f = p.f;
  if (!f.includes("ket nap") && !f.includes("kn")) return null;
  let found: string | null = null;
  RE_EVENT_DAY.lastIndex = 0;
  for (let m = RE_EVENT_DAY.exec(f); m; m = RE_EVENT_DAY.exec(f)) {
    const month = m[4] ? p.now.m : Number(m[2]);
    const day = m[4] ? 1 : Number(m[1]);
    if (month < 1 || month > 12 || day < 1 || day > 31) return null;
    const y = m[3] ? Number(m[3]) : m[4] ? p.now.y : month > p.now.m + 1 ? p.now.y - 1 : p.now.y;
    if (y > p.now.y || (y === p.now.y && month > p.now.m + 1)) return null;
    const told = formatMonth(y, month);
    if (found && found !== told) return null;
    found = told;
    RE_EVENT_DAY.lastIndex = m.index + 1;
  }
  if (!found || RE_YEAR_TOLD.test(f)) return null;
  return found;
}

// "2 đ/c, đều nữ": the answer with what all of them are; "2 đ/c, 1 nữ", "2 đ/c (1 nữ, 1 Tày)": with counts of some.
const BARE_PART = `${COUNT}\\s+[a-z' ]{1,30}?`;
const RE_BARE_ANSWER = new RegExp(
  `^\\s*(${COUNT})\\s*(?:${PERSON})(\\s*,?\\s*(?:ca \\S+\\s+)?deu\\s+(?:la\\s+)?[a-z' ]{1,40}?|\\s*[,(]\\s*(?:trong do\\s*:?\\s*)?${BARE_PART}(?:\\s*[,;]\\s*${BARE_PART})*\\)?)?\\s*(?:a|nhe|nha|thoi|[.!])*\\s*$`,
);

const RE_WIDER_BODY = /\b(?:toan|ca)\s+(?:dang bo|xa|phuong|huyen|dang uy)\b[^.;:\n]{0,30}$/;
const RE_EARLIER_YEAR_BEFORE = /\bnam\s?(\d{4})\b[^.;,\n]{0,24}$/;
const RE_THIS_YEAR_AFTER = /^[^.\n]{0,40}?\bnam nay\b[^.\n]{0,40}?\b(?:ket nap|kn)\b/;

function readAdmissions(p: Prepared): AdmissionsFields {
  const f = p.f;
  const fields: AdmissionsFields = {};

  RE_ADMITTED.lastIndex = 0;
  let m: RegExpExecArray | null;
  let wider: number | undefined;
  while ((m = RE_ADMITTED.exec(f))) {
    // "kết nạp 2/3 số đảng viên": not a count of the admitted.
    let n = parseCount((m[1] ?? m[2] ?? m[3] ?? m[4] ?? m[5]) as string);
    if (n === null) continue;
    if (planBefore(f, m.index)) continue;
    // "toàn Đảng bộ xã kết nạp được 37 đảng viên, …, trong đó Chi bộ thôn Xuân Dục kết nạp 02": the commune's whole count,
    // no cell's, when a count follows it.
    if (fields.admitted === undefined && RE_WIDER_BODY.test(f.slice(Math.max(0, m.index - 40), m.index))) {
      wider ??= n;
      continue;
    }
    // "Năm 2025 chi bộ em kết nạp 2, năm nay 2026 thì kết nạp được 3 đ/c": a year before this one, when this one's follows.
    const earlier = RE_EARLIER_YEAR_BEFORE.exec(f.slice(Math.max(0, m.index - 30), m.index));
    if (earlier && Number(earlier[1]) < p.now.y && fields.admitted === undefined && RE_THIS_YEAR_AFTER.test(f.slice(m.index + m[0].length))) continue;
    // "kn 1 hs lớp 12 (nữ, Nùng) + 1 thanh niên đi bộ đội về (Tày)": the parts added up.
    const rest = f.slice(m.index + m[0].length, clauseEnd(f, m.index + m[0].length));
    if (rest.includes("+")) for (const plus of rest.matchAll(RE_PLUS_COUNT)) n += parseCount(plus[1] as string) ?? 0;
    if (fields.admitted !== undefined) {
      // "KN 2 đ/c, … KN vẫn 2 (1 nữ Tày, 1 nam sinh viên Nùng)": the same count said again, with who they are.
      if (n === fields.admitted) readTraits(p, m.index, m.index + m[0].length, n, fields);
      break;
    }
    fields.admitted = n;
    readTraits(p, m.index, m.index + m[0].length, n, fields);
    if (fields.women !== undefined || n === 0) break;
  }
  if (fields.admitted === undefined && wider !== undefined) fields.admitted = wider;
  const bySex = RE_BY_SEX.exec(f);
  if (bySex && bySex[2] !== bySex[4]) {
    const a = parseCount(bySex[1] as string);
    const b = parseCount(bySex[3] as string);
    if (a !== null && b !== null) {
      fields.admitted = a + b;
      const women = bySex[2] === "nu" ? a : b;
      // "2 đ/c nữ, 1 đ/c nam người Khmer": the words after the second part are that part's, read as a count of its own.
      readTraits(p, bySex.index, (bySex.indices?.[2] as [number, number])[1], a + b, fields);
      fields.women = women;
    }
  }
  if (fields.admitted === undefined) {
    const cell = RE_ADMIT_CELL_COUNT.exec(f);
    const n = cell && !planBefore(f, cell.index) ? parseCount(cell[1] as string) : null;
    if (cell && n !== null) {
      fields.admitted = n;
      readTraits(p, cell.index, cell.index + cell[0].length, n, fields);
    }
  }
  // "KN quý 1/2027 cb ấp Trà Cuôn: 1 đc - Sơn Thị Ngọc Bích, nữ, Khmer": the heading names the period and the cell, the count after its colon.
  // "Kết nạp 2026 thôn 5: 2 đ/c": the cell's number is no count either.
  if (fields.admitted === undefined) {
    const head = RE_ADMIT_COLON.exec(f);
    const n = head && !/\d/.test((head[1] as string).replace(RE_PERIOD_DIGITS, " ").replace(RE_CELL_NUMBER, " ")) && !planBefore(f, head.index) && !RE_PLAN.test(f.slice(head.index, head.index + (head[1] as string).length + 8)) ? parseCount(head[2] as string) : null;
    if (head && n !== null) {
      fields.admitted = n;
      readTraits(p, head.index, head.index + head[0].length, n, fields);
    }
  }
  // "chỉ tiêu kết nạp 4, thực hiện được 3": the target, then the result.
  const result = fields.admitted === undefined ? RE_TARGET_RESULT.exec(f) : null;
  if (result) {
    fields.admitted = parseCount(result[1] as string) ?? undefined;
    // "… nhưng mới kết nạp được 1 đv là Giàng A Páo, nam, đoàn viên, người Mông": who they are, after the result.
    const countEnd = result.index + result[0].length;
    if (fields.admitted !== undefined && fields.admitted > 0) readTraits(p, countEnd - (result[1] as string).length, countEnd, fields.admitted, fields);
  }
  if (fields.admitted === undefined && RE_NONE_ADMITTED.test(f)) fields.admitted = 0;
  // "kn nam 2026 cb thon Tan Thanh: 0, cct 1": a heading of period and cell, then none.
  if (fields.admitted === undefined) {
    const none = RE_ADMIT_NONE_COLON.exec(f);
    if (none && !/\d/.test((none[1] as string).replace(RE_PERIOD_DIGITS, " ").replace(RE_CELL_NUMBER, " ")) && !planBefore(f, none.index)) fields.admitted = 0;
  }
  if (fields.admitted === undefined) readAdmittedByName(p, fields);
  if (fields.admitted === undefined && f.includes("\n")) readCountedLines(p, fields);
  // "2 đ/c ạ": the answer to "how many were admitted?".
  // Counts of something else ("2 đ/c, 1 vắng") are no answer about the admitted.
  const answer = fields.admitted === undefined ? RE_BARE_ANSWER.exec(f) : null;
  const bare = answer && (!answer[2] || /\bdeu\b/.test(answer[2]) || traitsOf(answer[2]).length > 0) ? answer : null;
  const n = bare ? parseCount(bare[1] as string) : null;
  if (bare && n !== null) {
    fields.admitted = n;
    if (bare[2]) readTraits(p, 0, bare[0].lastIndexOf(bare[2]), n, fields);
  }

  // "lễ kết nạp đ/c Lường Văn Ỏn (Thái) tổ chức ngày 26/12, vậy năm nay KN 1": the count said after the one named, with who that is.
  if (fields.admitted !== undefined && fields.admitted > 0 && fields.women === undefined && TRAITS.every((t) => fields[t.key] === undefined)) {
    const byName: AdmissionsFields = {};
    readAdmittedByName(p, byName);
    if (byName.admitted === fields.admitted) for (const t of TRAITS) if (byName[t.key] !== undefined) fields[t.key] = byName[t.key];
  }
  readFull(p, fields);
  return fields;
}

function finish(fields: AdmissionsFields): ParseResult<"admissions"> {
  if (fields.admitted === undefined && !fields.pending_full && fields.made_full === undefined) {
    return { ok: false, errors: ["not_a_report: no admission fields found"] };
  }
  const warnings: string[] = [];
  for (const k of ["women", "ethnic_minority", "students", "youth_union", "religious"] as const) {
    const v = fields[k];
    if (v !== undefined && fields.admitted !== undefined && v > fields.admitted) warnings.push(`category_exceeds_admitted: ${k} ${v} > ${fields.admitted}`);
  }
  const missing = fields.admitted === undefined ? ["admitted"] : [];
  return { ok: true, form: "admissions", fields, missing, warnings };
}

/** Traits of the admitted, in the clause after the count: "(2 nữ, 1 sinh viên)", "nữ: 1; DTTS: 2", "đều là nữ". */
const RE_NEXT_PEOPLE = /^\s*[,;]\s*(?:nguoi|dan toc)\s/;

const RE_LIST_FOLLOWS = /^[\s:]*(?:moi\s*)?(?:[^\n:.;]{0,30}?\svao dang\s*)?(?:trong do|gom|nhu sau|cu the)?\s*:?\s*$/;
const RE_BRACKET = /\(([^()\n]{6,60})\)/g;
const RE_PEOPLE_COUNT = /^\s*([a-z][a-z' -]{1,20}?)\s*:?\s+(\d{1,2})\s*$/;
function readTraits(given: Prepared, start: number, countEnd: number, admitted: number, fields: AdmissionsFields): void {
  if (admitted === 0) return;
  const p = runOnClauses(given, countEnd);
  const f = p.f;
  // The sentence after the count ("; cả 2 đều là đoàn viên" still describes them), up to "chuyển chính thức".
  let end = sentenceEnd(f, countEnd);
  // "Kết nạp mới: 3 đ/c. Nữ: 2. DTTS: 3.", "trong đó:\na) Nữ: 01": the next lines that open with a trait and its count.
  for (;;) {
    const next = /^[.\s]*/.exec(f.slice(end)) as RegExpExecArray;
    const at = end + next[0].length;
    // ("… 1 nữ (H'Linh). H'Linh theo đạo Tin Lành.": or a sentence about one of them by name.)
    const named = at < f.length && namedLead(p.text.slice(at, at + 60)) && traitsOf(f.slice(at, sentenceEnd(f, at))).length > 0;
    if (at >= f.length || (!RE_TRAIT_LINE.test(f.slice(at, at + 40)) && !named)) break;
    end = sentenceEnd(f, at);
  }
  const sentEnd = end;
  RE_FULL.lastIndex = countEnd;
  const full = RE_FULL.exec(f);
  if (full && full.index < end) end = full.index;
  let region = f.slice(start, end);
  // "3 dtts (Thái 2, Khơ Mú 1)": a bracket that breaks one count down by the same trait adds nothing to it.
  if (region.includes("(")) {
    region = region.replace(RE_COUNT_BROKEN_DOWN, (all: string, _n: string, trait: string, inner: string) => {
      const keys = traitsOf(trait);
      const innerKeys = traitsOf(inner);
      return keys.length === 1 && innerKeys.length === 1 && innerKeys[0] === keys[0] ? all.slice(0, all.length - inner.length - 1) + " ".repeat(inner.length) + ")" : all;
    });
  }
  // "Kết nạp đảng viên mới: 03 (Tày 02, Dao 01)": the admitted counted by their peoples, in brackets; together they are
  // the minorities ("(dtts 3", the same length kept).
  if (region.includes("(")) {
    region = region.replace(RE_BRACKET, (all: string, inner: string) => {
      const parts = inner.split(/[,;]/);
      if (parts.length < 2) return all;
      let sum = 0;
      for (const part of parts) {
        const m = RE_PEOPLE_COUNT.exec(part);
        const keys = m ? traitsOf(m[1] as string) : [];
        if (!m || keys.length !== 1 || keys[0] !== "ethnic_minority") return all;
        sum += Number(m[2]);
      }
      const said = `dtts ${sum}`;
      return said.length > inner.length ? all : `(${said.padEnd(inner.length)})`;
    });
  }
  // "3 người Khmer (đều theo PG Nam tông)": what all of a count are, in brackets after them, is a count of its own (the same
  // length kept: "(đều " becomes ", 3 ").
  if (region.includes("(deu ")) {
    region = region.replace(RE_ALL_OF_COUNT_BRACKET, (all: string, n: string, who: string, open: string, inner: string) => {
      // Only a part counted by a trait of its own ("3 người Khmer"), not those admitted ("2 đ/c (đều nam, …)").
      const own = traitsOf(who);
      const lead = `, ${n} `;
      if (own.length === 0 || RE_MEMBER_WORD.test(who) || traitsOf(inner).every((k) => own.includes(k)) || lead.length > open.length) return all;
      return all.slice(0, all.length - open.length - inner.length - 1) + lead.padEnd(open.length, " ") + inner + " ";
    });
  }
  // "2/3 là nữ", "100% là người dân tộc Thái": a share of those admitted is a count of them (the same length kept).
  if (region.includes("/") || region.includes("%")) {
    region = region.replace(RE_SHARE_OF_THEM, (all: string, n: string | undefined, of: string | undefined) => {
      const count = n === undefined ? admitted : Number(of) === admitted ? Number(n) : null;
      return count === null ? all : String(count).padEnd(all.length);
    });
  }
  // "Kết nạp 3 đ/c:\n1. Sùng Thị Máy (nữ, H'Mông)\n2. …": one person a line.
  // ("Chi bộ công bố Quyết định kết nạp 02 quần chúng vào Đảng:⏎1. …", "kết nạp 02 học sinh lớp 12 vào Đảng:⏎1. …": the same.)
  // ("I. Kết nạp: 02 đồng chí.⏎- Đ/c …: nam, dân tộc Khmer, …": the count's sentence closed by a stop, the list after it.)
  const listAt = sentEnd + (/^\.[ \t]*(?=\n)/.exec(f.slice(sentEnd, sentEnd + 8))?.[0].length ?? 0);
  const items = RE_LIST_FOLLOWS.test(f.slice(countEnd, sentEnd)) ? listItems(p, listAt) : [];
  // Sentences after it that still speak of the admitted: "Cả 2 đều người Nùng.", "Đc Kiểm là nữ."
  const groups: string[] = [];
  const singles: string[] = [];
  const counted: string[] = [];
  let at = items.at(-1)?.end ?? sentEnd;
  let skipped = false;
  for (;;) {
    const lead = /^[.;!?\s]*/.exec(f.slice(at)) as RegExpExecArray;
    const from = at + lead[0].length;
    if (from >= f.length) break;
    const to = sentenceEnd(f, from);
    const sentence = f.slice(from, to);
    // "Có 1 đ/c theo đạo Tin lành (Sùng A Dình)": some of them counted, then what they are.
    const some = RE_SOME_OF_THEM.exec(sentence);
    if (some && !RE_OTHER_MATTER.test(sentence)) {
      counted.push(sentence.slice(some[0].length));
      at = to;
      continue;
    }
    // "K có nữ, k đoàn viên.": a sentence of denials only says of them all that none is so.
    if (RE_DENIAL_OPENS.test(sentence) && withoutDenials(sentence).replace(RE_DENIAL_REST, "") === "") {
      groups.push(sentence);
      at = to;
      continue;
    }
    if (!(RE_GROUP_LEAD.test(sentence) || RE_SINGLE_LEAD.test(sentence) || namedLead(p.text.slice(from, from + 60))) || RE_OTHER_MATTER.test(sentence)) {
      // "Chỉ tiêu giao là 3 nên chưa đạt. Cả 2 đồng chí đều là đoàn viên": one sentence between, then all of them again.
      // "…, người còn lại chuyển sang tháng 12. Đc đó là nữ, học sinh lớp 12": the one admitted, named again after it.
      const next = /^[.;,\s]*/.exec(f.slice(to)) as RegExpExecArray;
      const ahead = f.slice(to + next[0].length, to + next[0].length + 30);
      const all = RE_ALL_N.exec(ahead);
      if (skipped || !((all && parseCount(all[1] as string) === admitted) || (admitted === 1 && RE_THAT_ONE.test(ahead)))) break;
      skipped = true;
      at = to;
      continue;
    }
    splitClauses(sentence, groups, singles, counted, p.text.slice(from, to));
    at = to;
  }
  const found: Partial<Record<Trait["key"], number>> = {};
  const countFirst = new Set<Trait["key"]>();
  const ofAll = new Set<Trait["key"]>();
  const taken: [number, number][] = [];
  // Only the traits the region names at all can have a count.
  // "một là chị …, hai là anh …": the people one by one, their places no counts.
  const ordinal = admitted >= 2 && RE_ORDINAL_RUN.test(region.slice(countEnd - start));
  // Where each named trait is first said: a label-first count can start no sooner.
  const firstAt: Partial<Record<Trait["key"], number>> = {};
  const named = new Set<Trait["key"]>();
  if (!ordinal) {
    for (const t of TRAIT_ANY) {
      const i = region.search(t.re);
      if (i < 0) continue;
      firstAt[t.key] = i;
      named.add(t.key);
    }
  }
  for (const list of [TRAIT_LABEL_FIRST, TRAIT_COUNT_FIRST]) {
    for (const t of list) {
      if (found[t.key] !== undefined || !named.has(t.key)) continue;
      t.re.lastIndex = list === TRAIT_LABEL_FIRST ? (firstAt[t.key] as number) : 0;
      let m: RegExpExecArray | null;
      while ((m = execTrait(t, region))) {
        const s = m.index;
        const g = m[1] as string;
        const gi = s + m[0].lastIndexOf(g);
        if (gi < countEnd - start) continue;
        if (taken.some(([a, b]) => gi >= a && gi < b)) continue;
        // "cả 2 đều là đồng bào Ê Đê: 1 nữ (…), 1 nam …": after a colon, a count with a sex after it opens the list of people.
        if (list === TRAIT_LABEL_FIRST && m[0].includes(":") && RE_SEX_AFTER_COUNT.test(region.slice(gi + g.length, gi + g.length + 24))) continue;
        const n = g === "khong" ? 0 : parseCount(g);
        if (n === null) continue;
        // "2 đ/c nữ (1 đ/c người Dao), 1 đ/c nam người Tày": counts of one trait in separate parts add up.
        // ("cả hai đều là nữ, …; đây là hai nữ đảng viên người Mông đầu tiên": the same ones said again, when parts would
        // add up past those admitted.)
        const before = list === TRAIT_COUNT_FIRST ? (found[t.key] ?? 0) : 0;
        found[t.key] = before > 0 && before + n > admitted ? Math.max(before, n) : before + n;
        if (list === TRAIT_COUNT_FIRST) countFirst.add(t.key);
        // "cả hai đều là đoàn viên": a count of them all, which leaves each person's own traits to be read.
        if (n === admitted && /\bdeu\b/.test(m[0])) ofAll.add(t.key);
        if (list === TRAIT_LABEL_FIRST) {
          taken.push([gi, gi + g.length]);
          // "người Dao 2, người Tày 1": peoples counted one after another add up.
          let end = gi + g.length;
          while (t.key === "ethnic_minority" && RE_NEXT_PEOPLE.test(region.slice(end, end + 12))) {
            const next = execTrait(t, region);
            if (!next || next.index - end > 3) break;
            const ng = next[1] as string;
            const nn = parseCount(ng);
            if (nn === null) break;
            found[t.key] = (found[t.key] ?? 0) + nn;
            const ngi = next.index + next[0].lastIndexOf(ng);
            taken.push([ngi, ngi + ng.length]);
            end = ngi + ng.length;
          }
          break;
        }
      }
    }
  }
  // "1 nữ dtts": traits after one count share it.
  // "1 đồng chí nam người Tày": "nam" there is no five.
  const piece = RE_PIECE;
  piece.lastIndex = 0;
  let pm: RegExpExecArray | null;
  const pieceSums: Partial<Record<Trait["key"], number>> = {};
  while (named.size > 0 && (pm = piece.exec(region))) {
    if (pm.index < countEnd - start) continue;
    const k = parseCount(pm[1] as string);
    if (k === null) continue;
    const words = pm[2] as string;
    let hits = 0;
    for (const t of TRAIT_WORD) if (t.re.test(words)) hits++;
    // "1 nam người Kinh là sinh viên": a person described by sex and one trait.
    // "1 đ/c là giáo viên theo đạo Thiên Chúa": a person, then what that one is.
    if (hits < 2 && !(hits === 1 && (RE_PERSON_PIECE.test(words) || RE_PERSON_THEN_SEX.test(words)))) continue;
    for (const key of traitsOf(words)) pieceSums[key] = (pieceSums[key] ?? 0) + k;
  }
  // "1 nữ Tày, 1 nam sinh viên Nùng": the parts, each a person or group, say more than a count right before a trait.
  for (const [k, v] of Object.entries(pieceSums) as [Trait["key"], number][]) if (found[k] === undefined || (countFirst.has(k) && v > (found[k] as number) && v <= admitted)) found[k] = v;
  // "1 em sinh viên ĐH Lạc Hồng (đoàn viên), 1 chị theo đạo Thiên Chúa": parts that each count some of the admitted,
  // adding up to all of them, each with every trait it names (a bracket too; "chị" is a woman).
  const parts = ordinal ? null : countedParts(region.slice(countEnd - start), admitted);
  if (parts) for (const [k, v] of Object.entries(parts) as [Trait["key"], number][]) if (found[k] === undefined || (v > (found[k] as number) && v <= admitted)) found[k] = v;
  for (const c of counted) {
    const n = parseCount((RE_COUNTED_CLAUSE.exec(c) as RegExpExecArray)[1] as string);
    if (n !== null) for (const k of traitsOf(c)) found[k] ??= n;
  }
  // "cả hai đều là người H'Mông": from there on, the traits are everyone's.
  const after = region.slice(countEnd - start);
  const g = RE_GROUP_AT.exec(after);
  // "…, A Thanh nông dân, Ba Na cả 2 đều là đoàn viên": a people named right before "cả 2 đều" is everyone's, no person.
  const lead = g ? RE_TRAIT_BEFORE_GROUP.exec(after.slice(0, g.index)) : null;
  const groupAt = g ? (lead && traitsOf(lead[1] as string).length > 0 ? lead.index + lead[0].indexOf(lead[1] as string) : g.index) : after.length;
  const personal = after.slice(0, groupAt);
  if (g) {
    const tail: string[] = [];
    splitClauses(after.slice(groupAt), tail, singles, counted, p.text.slice(countEnd + groupAt, countEnd + after.length));
    groups.unshift(...tail);
  }
  // "đ/c Hoàng Thị Mai (nữ, Nùng), đ/c Vi Văn Thắng (Tày, đoàn viên)": each person's traits count once.
  let people = items.length > 0 ? items.map((i) => i.text) : personSegments(personal);
  // "kết nạp 2 quần chúng: Đinh Thị H'Lúi (nữ) 20 tuổi sinh viên, Đinh Văn Ngơn 35 tuổi nông dân": each part a person named.
  if (people.length < 2) {
    const named = namedSegments(p.text.slice(countEnd, countEnd + personal.length), personal);
    // "2 đồng chí là Nguyễn Thị Hồng Nhung, giáo viên, đoàn viên và Trần Văn Quý, bộ đội xuất ngũ": a part per name.
    const sexed = named.length < 2 && admitted >= 2 && (personal.includes(" nu ") || personal.includes(" nam ")) ? sexedNameSegments(p.text.slice(countEnd, countEnd + personal.length), personal) : [];
    if (named.length >= 2) people = named;
    else if (sexed.length === admitted) people = sexed;
    else if (admitted >= 2 && RE_JOIN_HINT.test(personal)) {
      const starts = nameStartSegments(p.text.slice(countEnd, countEnd + personal.length), personal);
      if (starts.length >= 2) people = starts;
      else {
        const spoken = spokenSegments(personal);
        if (spoken.length === admitted) people = spoken;
      }
    }
  }
  let perPerson = false;
  // More people than admitted are not all of the admitted ("… đ/c Thắng, còn đ/c Páo chờ …").
  const ownCounts = (Object.keys(found) as Trait["key"][]).filter((k) => !ofAll.has(k)).length;
  if (ownCounts === 0 && people.length >= 2 && people.length <= admitted) {
    const before = Object.keys(found).length;
    const origins = items.length > 0 ? items.map((i) => p.text.slice(i.end - i.text.length, i.end)) : originsOf(people, personal, p.text.slice(countEnd, countEnd + personal.length));
    people.forEach((seg, i) => {
      const keys = personKeys(origins[i] ?? "", seg);
      // "đồng chí Trần Thị Ngọc Ánh, sinh năm 2001, giáo viên": a woman by her name, her sex not written.
      if (!keys.includes("women") && namedWoman(origins[i] ?? "", seg)) keys.push("women");
      for (const k of keys) if (!ofAll.has(k)) found[k] = (found[k] ?? 0) + 1;
    });
    perPerson = Object.keys(found).length > before;
  }
  // No counts at all: the traits describe every admitted one ("1 đv nữ, người Nùng", "đều là nữ", "cả 2 là đoàn viên").
  const anyCount = Object.keys(found).length > 0;
  // "2 đồng chí nữ, đều là giáo viên": what is said of the count itself is everyone's too.
  // "…, dc Hoa la nu, ca 2 deu…": a clause about one of them is hers alone.
  const personalParts: string[] = [];
  if (!perPerson && (!anyCount || admitted === 1 || g)) splitClauses(personal, personalParts, singles, [], p.text.slice(countEnd, countEnd + personal.length));
  else {
    // "kết nạp 02 đồng chí giáo viên nữ, 01 người Thái": the words of the count itself describe them all.
    // "kết nạp 2 đ/c người Hoa (Diệp Gia Huy - đoàn viên; …)": so do they before a list of the people, if no one is named in them.
    const head = (RE_HEAD.exec(personal) as RegExpExecArray)[0];
    const namesOne = perPerson && (RE_COMRADE_WORD_G.test(head) || namesSomeone(p.text.slice(countEnd, countEnd + head.length)));
    RE_COMRADE_WORD_G.lastIndex = 0;
    // ("kết nạp 02 học sinh lớp 12 vào Đảng:": a class's number is no count.)
    if (!RE_ANY_COUNT.test(head.includes("lop ") ? head.replace(RE_SCHOOL_CLASS, "lop") : head) && !namesOne) personalParts.push(head);
  }
  const whole = [...personalParts, ...groups];
  // "kết nạp 1 đc nam, …", "kết nạp 1 đ/c (nam, 24 tuổi, …)": the count itself said to be men, no woman among them.
  if (RE_MEN_COUNTED.test(after)) found.women ??= 0;
  for (const part of whole) {
    // "dân tộc Kinh", "không theo tôn giáo": stated, and zero.
    // "cả 2 đều là nam": no woman.
    if (/\b(?:deu|ca \S+)\s+(?:la\s+)?nam\b(?!\s*(?:nay|\d))/.test(part)) found.women ??= 0;
    for (const n of [...(part.match(RE_NOT_TRAIT) ?? []), ...(part.match(RE_NOT_TRAIT_TOO) ?? [])]) {
      if (/kinh|thieu so|dtts/.test(n)) {
        found.ethnic_minority ??= 0;
        if (/(?:ton giao|dao)$/.test(n)) found.religious ??= 0;
      } else if (/nu$/.test(n)) found.women ??= 0;
      else if (/(?:doan vien|dvtn|dtn)$/.test(n)) found.youth_union ??= 0;
      else found.religious ??= 0;
    }
    for (const k of traitsOf(part)) if (found[k] === undefined || (perPerson && found[k] === 0)) found[k] = admitted;
  }
  // "Đc Kiểm là nữ": one person's trait.
  for (const single of singles) for (const k of traitsOf(single)) if (found[k] === undefined) found[k] = 1;
  // "kết nạp 1 đ/c là Lò Thị Hoa (Thái)": the one admitted, a woman by her name.
  if (admitted === 1 && found.women === undefined) {
    const at = countEnd + (RE_LEAD_TO_NAME.exec(after) as RegExpExecArray)[0].length;
    if (RE_THI_OPENS.test(p.text.slice(at, at + 40)) && !RE_SAID_MAN.test(personal)) found.women = 1;
  }
  if (Object.keys(found).length === 0 && !perPerson) return;
  for (const t of TRAITS) if (found[t.key] !== undefined) fields[t.key] = found[t.key];
  // A breakdown was given: the categories not named are zero, unless a note on the one admitted names one
  // ("… Ghi chú: Đ/c được kết nạp: Phan Minh Trí (sinh viên Trường Đại học Cần Thơ)").
  const note = admitted === 1 ? RE_ADMITTED_NOTE.exec(given.f) : null;
  const noted = note ? traitsOf(note[1] as string) : [];
  for (const t of TRAITS) fields[t.key] ??= noted.includes(t.key) ? 1 : 0;
}
const RE_DENIAL_OPENS = /^(?:khong|ko|k|chua)\s/;
const RE_DENIAL_REST = /[\s,;.!]+|\b(?:va|a|nhe|nha|ca|luon)\b/g;
const RE_SCHOOL_CLASS = /\blop \d{1,2}\b/g;
const RE_ADMITTED_NOTE = /\b(?:duoc|dc|moi)\s+ket nap\s*:\s*[^()\n:]{3,40}\(([^()\n]{2,80})\)/;

const RE_SEX_AFTER_COUNT = new RegExp(`^\\s+(?:${PERSON}\\s+)?(?:nu|nam)${WORD_END}(?!\\s*\\d)`);
const RE_MEMBER_WORD = /\b(?:dv|dang vien|d\/c|dc|dong chi|em|quan chung)\b/;
const RE_ALL_OF_COUNT_BRACKET = /(?<![\d/.,])(?<!\blop\s)(\d{1,2})\s+([^()\n,;\d]{1,30}?)\s*(\(deu )([^()\n]{1,60})\)/g;
const RE_COUNT_BROKEN_DOWN = new RegExp(`${COUNT_STARTS}(?<![\\d/])(${COUNT})\\s+(${ANY_TRAIT})\\s*\\(([^()\\n]{1,60})\\)`, "g");
const RE_COUNTED_BRACKET = new RegExp(`\\(\\s*(${COUNT})\\s+([^()]*)\\)`, "g");
// "hai nam Tày": two, then a man ("hai năm" is no twenty-five here).
const RE_PART_COUNT = new RegExp(`^[\\s:]*(?!nam${WORD_END})(${COUNT})(?<![ \\t]nam)\\s+(?=\\p{L})`, "u");
// "chị", "cô", "bà" (not "có đạo"): a woman, named by how she is addressed.
const RE_WOMAN_WORD = /^(?:(?:dong chi|d\/c|dc|dv|dang vien|nguoi|quan chung|qc)\s+)?(?:chi(?! em\b)|co(?!\s+(?:dao|ton giao|the)\b)|ba)\b/;
// A part about something else: "còn đ/c … đang chờ", "hiện còn …", "chuyển chính thức …", "không có ai …"; "cả 2 đều …" is about them all.
const RE_PART_STOP = new RegExp(`^\\s*(?:con|hien|dang|chuyen|cct|da|ngoai ra|du bi|trong do|khong|ko|chua)${WORD_END}`);
/**
 * The admitted told in parts cut at commas and semicolons outside brackets, each opening with a count of people
 * ("1 em sinh viên (đoàn viên), 1 chị theo đạo"), the counts adding up to `admitted`: each trait summed over the
 * parts naming it. A part with no count continues the one before; one about something else ends them.
 */
function countedParts(text: string, admitted: number): Partial<Record<Trait["key"], number>> | null {
  // "kết nạp 2 đv quý 4: 1 em …": what the count's own heading adds before the colon is no part.
  // "kết nạp 2 đ/c, vì hồ sơ 1 đ/c ĐUX trả lại: 1 em …": nor is a reason, its clause closed by the colon.
  const reason = RE_REASON_COLON.exec(text);
  return countedPartsOf(text.replace(/^[^:,;.\n]{0,40}:/, ""), admitted) ?? (reason ? countedPartsOf(text.slice(reason[0].length), admitted) : null);
}
const RE_COUNTED_NOUN = new RegExp(`^\\s*(?:${PERSON}|em|anh|chi|chau|ban)(?:\\s+(?:moi|nua|thoi))?\\s*$`);
const RE_REASON_COLON = new RegExp(`^[\\s,]*(?:vi|do|boi vi|tai vi|con|nhung)${WORD_END}[^:;.\\n]{0,60}:`);
function countedPartsOf(text: string, admitted: number): Partial<Record<Trait["key"], number>> | null {
  const pieces = topLevelSplit(text.replace(/;/g, ","), ",");
  const parts: { n: number; words: string }[] = [];
  for (const piece of pieces) {
    const m = RE_PART_COUNT.exec(piece);
    const n = m ? parseCount(m[1] as string) : null;
    if (n !== null && m) parts.push({ n, words: piece.slice(m[0].length) });
    else if (parts.length === 0) {
      // "kết nạp được hai em, một em nữ …": what the count was of, before the parts.
      if (piece.trim() !== "" && !RE_COUNTED_NOUN.test(piece)) return null;
    } else if (RE_PART_STOP.test(piece) || RE_OTHER_MATTER.test(piece) || RE_GROUP_WORD.test(piece)) break;
    else (parts.at(-1) as { words: string }).words += `, ${piece}`;
  }
  if (parts.length < 2 || parts.reduce((a, b) => a + b.n, 0) !== admitted) return null;
  const out: Partial<Record<Trait["key"], number>> = {};
  for (const part of parts) {
    // "2 đ/c nữ (1 đ/c người Dao)": a bracket with a count of its own counts only those.
    const inner: { n: number; keys: Trait["key"][] }[] = [];
    const words = part.words.replace(RE_COUNTED_BRACKET, (_all, count: string, rest: string) => {
      inner.push({ n: parseCount(count) ?? 0, keys: traitsOf(rest) });
      return " ";
    });
    const keys = new Set(traitsOf(words));
    if (RE_WOMAN_WORD.test(words)) keys.add("women");
    for (const k of keys) out[k] = (out[k] ?? 0) + part.n;
    for (const b of inner) for (const k of b.keys) if (!keys.has(k)) out[k] = (out[k] ?? 0) + b.n;
  }
  return Object.keys(out).length > 0 ? out : null;
}

// "một đồng chí nam người Kinh": "nam" right after a person is the man, no count opening a part.
const SEX_AFTER_PERSON = `(?<=${WORD_START}(?:dong chi|d\\/c|dc|dv|dang vien|quan chung|qc|nguoi))[ \\t]+nam${WORD_END}`;
// (Each opens on `(?=[ \t])`: the cheap test of the space first, the lookbehinds only there.)
// Where a spoken description with no stops starts a new part: a count of people ("một chị", "hai
// đồng chí", "ba nữ", "cả hai đều"; "nam" there only before a person), "không có ai", "còn". A count
// right after a number word is part of that number ("hai mươi hai"); "nam" before it is the man. "không còn là đoàn
// viên": "còn" after "không" opens nothing.
const RE_RUN_ON_START = new RegExp(
  `(?=[ \\t])(?<=\\p{L})(?<!${WORD_START}(?:ca|mot|hai|ba|bon|sau|bay|tam|chin|muoi|ham|tram|linh|le|khong|ko|chua|van))(?!${SEX_AFTER_PERSON})[ \\t](?=(?:(?:ca|tat ca)\\s+)?(?:(?=mot|hai|ba|bon|nam|sau|bay|tam|chin|\\d)${COUNT_N})\\s+(?:${PERSON}|chi|anh|em|${ANY_TRAIT})${WORD_END}|khong co (?:ai|${PERSON})${WORD_END}|con${WORD_END})`,
  "gu",
);

// After labels ("nữ 2 dân tộc thiểu số cả 4 đồng chí …"), only a count of people opens a part: "2 dân tộc" is a label's count.
const RE_RUN_ON_PERSON_START = new RegExp(
  `(?=[ \\t])(?<=\\p{L})(?<!${WORD_START}(?:ca|mot|hai|ba|bon|sau|bay|tam|chin|muoi|ham|tram|linh|le|khong|ko|chua|van))(?!${SEX_AFTER_PERSON})[ \\t](?=(?:(?:ca|tat ca)\\s+)?(?:(?=mot|hai|ba|bon|nam|sau|bay|tam|chin|\\d)${COUNT_N})\\s+(?:${PERSON}|chi|anh|em)${WORD_END}|khong co (?:ai|${PERSON})${WORD_END}|con${WORD_END})`,
  "gu",
);
const RE_LABEL_HABIT = new RegExp(`^\\s*(?:(?:${PERSON}|moi|trong do|gom|co)\\s+)*(?:${ANY_TRAIT})\\s+(?:${COUNT_N})${WORD_END}`);
const RE_RUN_ON_AFTER_COUNT = new RegExp(`(?=[ \\t])(?<=[^\\p{L}\\d]${COUNT})[ \\t](?=(?:${ANY_TRAIT})${WORD_END})`, "gu");
// "trong đó nữ hai đồng chí học sinh …": after a label, its count's person noun ends the part too (not "có 1 em đang học …").
const RE_RUN_ON_AFTER_LABEL_COUNT = new RegExp(`${WORD_START}(?:${ANY_TRAIT})[ \\t]+(?!nam${WORD_END})${COUNT}[ \\t]+(?:${PERSON}|em|chi|anh)[ \\t](?=(?:${ANY_TRAIT})${WORD_END})`, "gu");
// A count right after a label is the label's: no part opens there ("nữ hai đồng chí …"; "… thiểu số cả 3 đồng chí" still does).
const RE_STUDY_YEAR_ENDS = /\b(?:sinh vien|sv|hoc sinh|hs)(?:\s+[a-z]+){0,2}\s+(?:nam|lop|khoa)$/;
const RE_TRAIT_ENDS = new RegExp(`${WORD_START}(?:${ANY_TRAIT})$`);

/** `p` with commas where a spoken run of parts after `from` (to its sentence's end) has no stops: "cả hai đều là người Thái, một chị là phụ nữ, một anh …". */
const RE_CLASS_SAID = /\blop[ \t]+(?:\d{1,2}|muoi[ \t]+(?:mot|hai)|muoi|chin|tam)(?![a-z\d])/g;
const RE_PEOPLE_COUNTED_AT = new RegExp(`[ \\t](?:\\d{1,2}|mot|hai|ba|bon|sau|bay|tam|chin|muoi)[ \\t]+(?:${PERSON}|chi|anh|em)${WORD_END}`, "y");
function runOnClauses(p: Prepared, from: number): Prepared {
  const to = sentenceEnd(p.f, from);
  const span = p.f.slice(from, to);
  if (/[,;:()+]/.test(span)) return p;
  let f = p.f;
  let text = p.text;
  // "trong đó nữ 1 dtts 2 đoàn viên 3": label first, so a part ends after its count.
  // "trong đó nữ 2 dân tộc thiểu số cả 4 đồng chí đều là người Dao có 1 em đang học …": after the labels, people counted
  // start parts too.
  const label = RE_LABEL_HABIT.test(span);
  if (label) {
    RE_RUN_ON_AFTER_LABEL_COUNT.lastIndex = 0;
    for (let m = RE_RUN_ON_AFTER_LABEL_COUNT.exec(span); m; m = RE_RUN_ON_AFTER_LABEL_COUNT.exec(span)) {
      const at = from + m.index + m[0].length - 1;
      f = `${f.slice(0, at)},${f.slice(at + 1)}`;
      text = `${text.slice(0, at)},${text.slice(at + 1)}`;
      RE_RUN_ON_AFTER_LABEL_COUNT.lastIndex = m.index + m[0].length;
    }
  }
  // "một đồng chí là học sinh lớp mười hai ba đồng chí là đoàn viên", "… lớp 12 ba đồng chí …": after the class, a count
  // of people opens the next part.
  if (!label && span.includes("lop ")) {
    RE_CLASS_SAID.lastIndex = 0;
    for (let m = RE_CLASS_SAID.exec(span); m; m = RE_CLASS_SAID.exec(span)) {
      RE_PEOPLE_COUNTED_AT.lastIndex = m.index + m[0].length;
      if (!RE_PEOPLE_COUNTED_AT.test(span)) continue;
      const at = from + m.index + m[0].length;
      f = `${f.slice(0, at)},${f.slice(at + 1)}`;
      text = `${text.slice(0, at)},${text.slice(at + 1)}`;
    }
  }
  for (const starts of label ? [RE_RUN_ON_AFTER_COUNT, RE_RUN_ON_PERSON_START] : [RE_RUN_ON_START]) {
    starts.lastIndex = 0;
    for (let m = starts.exec(span); m; m = starts.exec(span)) {
      const at = from + m.index;
      if (f[at] === ",") continue;
      if (starts === RE_RUN_ON_PERSON_START && !/^ (?:ca|tat|con|khong)\b/.test(span.slice(m.index, m.index + 8)) && RE_TRAIT_ENDS.test(f.slice(Math.max(0, at - 30), at))) continue;
      // "sinh viên năm hai một em": the year of study, no part opening after it.
      if (RE_STUDY_YEAR_ENDS.test(f.slice(Math.max(0, at - 30), at))) continue;
      f = `${f.slice(0, at)},${f.slice(at + 1)}`;
      text = `${text.slice(0, at)},${text.slice(at + 1)}`;
    }
  }
  return f === p.f ? p : { ...p, f, text };
}

const RE_HEAD = /^[^,;(:\n]*/;
const RE_MEN_COUNTED = /^[ \t]*(?:\([ \t]*)?(?:(?:deu\s+)?la\s+)?nam\b(?![ \t]*(?:nay|qua|vua|truoc|sau|toi|cuoi|thu|hoc|\d))(?![ \t]*[a-z]+\s+\d)/;
const RE_TRAIT_BEFORE_GROUP = /[,;:]\s*((?:[a-z']+\s?){1,3}?)\s*,?\s*$/;
const RE_ANY_COUNT = new RegExp(`(?<![\\p{L}])(?:${COUNT_N}|trong do)(?![\\p{L}])`, "u");
// "cả 2 đều", "tất cả", "đều là": what follows describes every admitted member.
const RE_GROUP_AT = new RegExp(`(?:^|[,;(]\\s*|\\s)(?:ca (?:\\d+|hai|ba|bon|nam)${WORD_END}|tat ca${WORD_END}|deu${WORD_END})`);
// "02 đồng chí giáo viên nữ": a person, what they do, then the sex.
const RE_PERSON_THEN_SEX = /^(?:dc|d\/c|dong chi|dv|dang vien|nguoi)\s+(?:[a-z]+\s+){0,3}nu\s*$/;
const RE_PERSON_PIECE = /^(?:(?:dc|d\/c|dong chi|dv|dang vien|nguoi)\s+)?(?:nam|nu)\b|^(?:dc|d\/c|dong chi)\s+la\b/;
// "1 nam học sinh lớp 12 cùng S'tiêng": a class or a year of study is part of the words; so is "đ/c", and a dash between
// two ("1 HS lớp 12 - đoàn viên").
const RE_PIECE = new RegExp(`${COUNT_STARTS}${NOT_STUDY_YEAR}(?<![\\d/])(?!nam${WORD_END})(${COUNT})\\s+((?:(?:lop|nam|khoa)\\s\\d{1,2}\\s*|d\\/c\\s*|[a-z']+\\s*|-[ \\t]+){1,9})`, "g");
const RE_COMRADE_LEAD = new RegExp(`^${COMRADE}\\s`);
const RE_COMRADE_G = new RegExp(`${COMRADE}\\s+`, "g");
const RE_COMRADE_WORD_G = new RegExp(`(?:^|[\\s(])${COMRADE}\\s+`, "g");
// "đủ 12 tháng (dự bị)", "(sắp) đến hạn chuyển chính thức", "dự bị sắp đến hạn": twelve months reached or about to be.
// ("Đảng viên dự bị đến hạn xét chuyển chính thức trong quý IV/2025: đ/c …": "xét" before it, the period after, the label's colon.)
const RE_DUE_NOW = /\b(?:du|het|tron) 12 thang\b|\b(?:sap |da |vua )?den han(?: (?:xet )?chuyen (?:dang )?(?:chinh thuc|ct)(?: trong (?:quy|nam) [^:.;\n]{1,12}(?=:))?)?\b/g;
// "đã được công nhận chính thức", "đã chuyển chính thức", "Quyết định công nhận", "chi bộ đã xét chuyển chính thức luôn":
// the member made full already.
const RE_MADE_FULL_DONE = /\b(?:da|vua|moi)\s+(?:duoc\s+)?(?:(?:hop\s+)?xet\s+)?(?:cong nhan|chuyen)(?: dang)?(?: vien)? chinh thuc\b(?![^.;\n]{0,30}\b(?:dang trinh|cho quyet dinh|cho qd)\b)|\bquyet dinh (?:cong nhan|chuyen)\b|\bqd (?:cong nhan|chuyen)\b/;
// What a clause says of other members before those due: made full (group 1), or admitted, or "còn" (the rest).
const RE_SAID_OF_OTHERS = /\b(?:(chuyen (?:dang )?chinh thuc|cong nhan(?: dang vien)? chinh thuc|chuyen ct|cct)|ket nap|kn|con)\b/g;
// A sentence about all of them: "Cả 2 đều người Nùng", "Hai đ/c Lan và Hoa đều là nữ", "2 đ/c mới kết nạp đều là nữ".
const RE_SOME_OF_THEM = new RegExp(`^(?:trong do\\s+)?co\\s+(?=(?:\\d{1,2}|mot|hai|ba|bon)\\s+(?:${PERSON}\\s+|em\\s+|chi\\s+|anh\\s+)?(?:theo|la|nu|doan vien|nguoi|dan toc)${WORD_END})`);
const RE_GROUP_LEAD = /^[^.;\n]{0,40}?\b(?:ca (?:\d+|hai|ba|bon|nam)|tat ca|deu)\b/;
// A sentence that reports something else is no description of the admitted.
const RE_OTHER_MATTER = new RegExp(`${WORD_START}(?:chuyen (?:dang )?(?:chinh thuc|ct)|cct|cong nhan|du bi|phan dau|chi tieu|ke hoach|du kien)${WORD_END}`);
const RE_GROUP_WORD = /\b(?:ca (?:\d+|hai|ba|bon|nam)|tat ca|deu)\b/;

/** Clauses of a description, each about everyone ("cả 2 đều là nữ") or one person ("đ/c Lan là người Tày"); a clause with neither continues the one before. */
function splitClauses(text: string, groups: string[], singles: string[], counted: string[], original?: string): void {
  let single = RE_SINGLE_LEAD.test(text.trimStart()) && !RE_GROUP_WORD.test(text.slice(0, 40));
  let at = 0;
  // ("… bên Cựu chiến binh. Em Nhỏ theo đạo Cao Đài": a sentence closed ends its clause too.)
  for (const clause of text.split(/[,;]|\.(?=\s)/)) {
    const c = clause.trimStart();
    const from = at + clause.length - c.length;
    at += clause.length + 1;
    // "…, 1 nữ": a count of its own.
    if (RE_COUNTED_CLAUSE.test(c) && !RE_GROUP_WORD.test(c)) {
      counted.push(c);
      continue;
    }
    // "…; H'Yim là nữ, Y Siu là đoàn viên": one of them named, then what she is.
    if (RE_SINGLE_LEAD.test(c) || (original !== undefined && namedLead(original.slice(from, from + c.length)) && !RE_GROUP_WORD.test(c))) single = true;
    else if (RE_GROUP_WORD.test(c)) single = false;
    (single ? singles : groups).push(c);
  }
}
// "Đc đó là nữ", "em ấy là sinh viên", "người được kết nạp là …": the one admitted.
const RE_THAT_ONE = /^(?:dc|d\/c|dong chi|em|chi|anh|nguoi|quan chung|qc|ban)\s+(?:do|nay|ay|(?:vua|moi|duoc)\s+(?:duoc\s+)?(?:ket nap|kn))\s+(?:la|thi)\b/;
const RE_SHARE_OF_THEM = /\b(?:(\d{1,2})\s?\/\s?(\d{1,2})|100\s?%)(?=\s+(?:deu\s+)?la\b)/g;
const RE_ALL_N = new RegExp(`^(?:ca|tat ca)\\s+(${COUNT})${WORD_END}`);
// "Ba Na" is a people, no three.
const RE_COUNTED_CLAUSE = new RegExp(`^(?!nam${WORD_END}|ba na${WORD_END})(${COUNT})\\s`);
// "Em Nhỏ theo đạo Cao Đài": or one called by "em"/"anh", and the faith followed.
const RE_SINGLE_LEAD = new RegExp(`^(?:${COMRADE}|em|anh|chi)\\s+\\S+(?:\\s+\\S+){0,3}\\s+(?:la|theo|co dao|co ton giao)${WORD_END}`);
// ("H'Linh theo đạo Tin Lành": or the faith she follows.)
// ("H'Nhung nữ, đoàn viên, không theo đạo. Y Dăm nam, …": or her sex right after the name; "Anh Bol có đạo Phật": what
// one has.)
// (Those three only after a name of two capitalised words or one with its apostrophe: "Không có …" names no one; read by
// `namedLead`, a cheap pattern and a look at the words, not one more branch of capitals.)
const RE_NAMED_LEAD = /^\p{Lu}[\p{L}'’]*(?:\s+\p{Lu}[\p{L}'’]*){0,3}\s+(?:là|la|theo)(?=[\s,.;]|$)/u;
const RE_WORDS_THEN_SEX = /^(\S+(?:\s+\S+){0,3}?)\s+(?:có|nữ|nam)(?=[\s,.;]|$)/;
const RE_CAPITALISED = /^\p{Lu}/u;
/** Whether `text` opens with a name and what that one is. */
function namedLead(text: string): boolean {
  if (RE_NAMED_LEAD.test(text)) return true;
  const m = RE_WORDS_THEN_SEX.exec(text);
  if (!m) return false;
  const words = (m[1] as string).split(/\s+/);
  return words.every((w) => RE_CAPITALISED.test(w)) && (words.length >= 2 || /['’]/.test(words[0] as string));
}
const RE_RELIGION_PHRASE = /\b(?:theo|co) dao\b/g;

// "Ba Na", "Gia Rai", but not "Lò Thị Thái": the words are a trait and nothing more.
const RE_TRAIT_WHOLE = new RegExp(`^(?:${ANY_TRAIT})$`);
const RE_CAPITAL_RUN = /\p{Lu}[\p{L}'’]*(?:\s+\p{Lu}[\p{L}'’]*)+/gu;
/** Whether `text` (original case) holds a person's name: two or more capitalised words that name no trait ("Ba Na", "Gia Rai" are peoples). */
function namesSomeone(text: string): boolean {
  RE_CAPITAL_RUN.lastIndex = 0;
  for (let m = RE_CAPITAL_RUN.exec(text); m; m = RE_CAPITAL_RUN.exec(text)) {
    if (RE_TRAIT_WHOLE.test(foldSameLength(m[0]).toLowerCase())) continue;
    RE_CAPITAL_RUN.lastIndex = 0;
    return true;
  }
  return false;
}

const RE_THERAVADA_KHMER = /\bnam tong khmer\b/g;

// ("không phải người dân tộc thiểu số", "ko phải dtts", "K có nữ", "không có đoàn viên": denied with "phải" or "có" too; a
// pattern of its own, so that RE_NOT_TRAIT's machine code does not grow by every branch.)
const RE_NOT_TRAIT_TOO = /\b(?:(?:khong|ko|k) phai (?:la )?(?:nguoi )?(?:dan toc thieu so|dtts)|(?:khong|ko|k) co (?:(?:dv|dang vien|nguoi) )?nu|(?:khong|ko|k|chua) co (?:doan vien|dvtn|dtn))\b/g;
/** `seg` with every denial of a trait blanked. */
function withoutDenials(seg: string): string {
  return seg.replace(RE_NOT_TRAIT, " ").replace(RE_NOT_TRAIT_TOO, " ");
}

/** The traits one description names: "nữ, dân tộc Tày, đoàn viên" → women, ethnic_minority, youth_union. */
function traitsOf(seg: string): Trait["key"][] {
  // Every denial holds "kinh", a "k" ("khong", "ko", "k") or "chua".
  let clean = seg.includes("k") || seg.includes("chua") ? withoutDenials(seg) : seg;
  // "theo Phật giáo Nam tông Khmer": the faith's full name, no people counted.
  if (clean.includes("nam tong khmer")) clean = clean.replace(RE_THERAVADA_KHMER, "nam tong");
  const out: Trait["key"][] = [];
  for (const t of TRAIT_WORD) {
    if (!t.re.test(clean)) continue;
    out.push(t.key);
    // "theo đạo" is no Dao people.
    if (t.key === "religious") clean = clean.replace(RE_RELIGION_PHRASE, " ");
  }
  return out;
}

const RE_ITEM = /^[ \t]*(?:[-+*•]|\d{1,2}[.)]|[a-e]\))[ \t]*/;
const RE_NAME_THEN_BRACKET = /^\p{Lu}\p{Ll}*(?:[ \t]+\p{Lu}\p{Ll}*){1,4}[ \t]*\(/u;
// A line that reports something else: "2. Chuyển chính thức: 2 đ/c", "Chờ chuyển CT: …".
const RE_OTHER_ITEM = /^(?:chuyen|cct|cong nhan|cho|du bi|dang vien du bi|ket nap|kn|so|tong|phuong huong|ve|cong tac)\b/;

/** The list lines right after `from` (a line end), each one person: "1. Sùng Thị Máy (nữ, H'Mông)". */
function listItems(p: Prepared, from: number): { text: string; end: number }[] {
  const f = p.f;
  const out: { text: string; end: number }[] = [];
  let at = from;
  while (at < f.length && f[at] === "\n") {
    const lineEnd = f.indexOf("\n", at + 1) === -1 ? f.length : f.indexOf("\n", at + 1);
    const line = f.slice(at + 1, lineEnd);
    // "Triệu Văn Tòng (Dao, đoàn viên)": a line that names a person and who he is, unmarked.
    const mark = RE_ITEM.exec(line)?.[0] ?? (RE_NAME_THEN_BRACKET.test(p.text.slice(at + 1, lineEnd)) ? "" : null);
    if (mark === null) break;
    const body = line.slice(mark.length);
    if (RE_OTHER_ITEM.test(body)) break;
    // A person: "đ/c …" or a capitalised name.
    const bodyAt = at + 1 + mark.length;
    if (!RE_COMRADE_LEAD.test(body) && !/^\p{Lu}/u.test(p.text.slice(bodyAt, bodyAt + 1))) break;
    out.push({ text: body, end: lineEnd });
    at = lineEnd;
  }
  return out;
}

/**
 * "kết nạp đ/c Hoàng Văn Bình (Tày, đoàn viên), đ/c …": as many admitted as names, traits read per person.
 * Several such lines ("- Kết nạp đ/c A (…)\n- Kết nạp đ/c B (…)"), or list lines that name one admitted
 * each ("+ đ/c Bàn Văn Quý: Dao, đoàn viên, kết nạp 12/8"), add up.
 */
function readAdmittedByName(p: Prepared, fields: AdmissionsFields): void {
  const f = p.f;
  const hits: { at: number; bodyAt: number; names: string[] }[] = [];
  RE_ADMITTED_NAMED.lastIndex = 0;
  for (let m = RE_ADMITTED_NAMED.exec(f); m; m = RE_ADMITTED_NAMED.exec(f)) {
    if (planBefore(f, m.index) || RE_NEGATED.test(f.slice(Math.max(0, m.index - 12), m.index))) continue;
    // "Kết nạp 6 tháng đầu năm chi bộ tổ 5: đ/c …": a heading's figures are its period or the cell's number, no count.
    const head = /:\s*$/.test(m[0]) ? m[0].replace(RE_PERIOD_DIGITS, " ").replace(RE_CELL_NUMBER, " ") : "";
    if (/\d/.test(head)) continue;
    // "Kết nạp năm 2026 - chi bộ bản Nà Tâu:\nđ/c A - Thái, đoàn viên\nđ/c B - nữ, Thái": a heading over lines that
    // each open with a comrade; the lines are read as the list under it, one person a line.
    if (/:\s*$/.test(m[0]) && comradeLines(f, m.index + m[0].lastIndexOf(":") + 1) >= 2) continue;
    const names = readNames(p, m.index + m[0].length);
    if (names.length > 0) hits.push({ at: m.index, bodyAt: m.index + m[0].length, names });
  }
  // "Buôn Ea Tul năm 2026 kết nạp H'Yim Niê (nữ, Ê Đê) và Y Suôn Mlô (nam, Ê Đê)": the named right after "kết nạp", no "đ/c".
  if (hits.length === 0) {
    RE_ADMITTED_BARE.lastIndex = 0;
    for (let m = RE_ADMITTED_BARE.exec(f); m; m = RE_ADMITTED_BARE.exec(f)) {
      const at = m.index + m[0].length;
      const name = RE_PERSON_NAME.exec(p.text.slice(at, at + 60));
      if (!name || !namesSomeone(name[0]) || RE_NOT_PERSON_NAME.test(f.slice(at, at + 24))) continue;
      if (planBefore(f, m.index) || RE_NEGATED.test(f.slice(Math.max(0, m.index - 12), m.index))) continue;
      const names = readNames(p, at);
      if (names.length > 0) hits.push({ at: m.index, bodyAt: at, names });
      break;
    }
  }
  if (hits.length === 1) {
    const hit = hits[0] as (typeof hits)[number];
    fields.admitted = hit.names.length;
    readTraits(p, hit.at, hit.bodyAt, hit.names.length, fields);
    return;
  }
  const people: string[] = [];
  for (const hit of hits) {
    let end = sentenceEnd(f, hit.bodyAt);
    RE_FULL.lastIndex = hit.bodyAt;
    const full = RE_FULL.exec(f);
    if (full && full.index < end) end = full.index;
    const region = f.slice(hit.bodyAt, end);
    const segs = hit.names.length > 1 ? personSegments(region) : [region];
    people.push(...(segs.length === hit.names.length ? segs : hit.names.map(() => "")));
  }
  let listEnd = 0;
  const allOf: string[] = [];
  // Listed women known by "Thị" in the name alone, their sex not written.
  let byName = 0;
  const addPerson = (text: string, folded: string): void => {
    const seg = withoutName(text, folded);
    if (!traitsOf(seg).includes("women") && namedWoman(text, folded)) byName++;
    people.push(seg);
  };
  if (hits.length === 0) {
    // "Năm nay chi bộ kết nạp:\n+ đ/c Sùng Thị Mỷ (nữ, H'Mông)\n+ …": the list under such a heading names the admitted.
    let listed = false;
    let lineAt = 0;
    for (const whole of f.split("\n")) {
      let at = lineAt;
      lineAt += whole.length + 1;
      let line = whole;
      // "KN năm 2026 cb thôn Plei Ring: Đinh Thị H'Lúi (nữ) sinh viên, …": the heading and the named on one line.
      const colon = listed ? -1 : line.indexOf(":");
      if (colon > 0 && !RE_ITEM.test(line) && isAdmitHeading(line.slice(0, colon + 1))) {
        const name = RE_NAME_OPENS.exec(p.text.slice(at + colon + 1, at + line.length));
        if (name && namesSomeone(name[0])) {
          listed = true;
          const skip = colon + 1 + (/^\s*/.exec(line.slice(colon + 1)) as RegExpExecArray)[0].length;
          at += skip;
          line = line.slice(skip);
        }
      }
      // "Điểu Văn Thắng - S'tiêng": under a heading, a line opening with a name and its description is an item without a bullet.
      // "đ/c Lò Văn Thanh - Thái": so is one opening with a comrade and a capitalised name.
      const lead = listed ? (RE_LEAD_COMRADE.exec(line) as RegExpExecArray)[0].length : 0;
      const bare = listed ? RE_BARE_NAME_LINE.exec(p.text.slice(at + lead, at + line.length)) : null;
      const bulleted = RE_ITEM.exec(line);
      const item = bulleted ?? (bare && namesSomeone(bare[0]) ? ([""] as unknown as RegExpExecArray) : null);
      if (!item) {
        listed = isAdmitHeading(line);
        continue;
      }
      if (!bulleted) {
        // "Đinh Thị H'Lúi (nữ) sinh viên, Đinh Văn Ngơn nông dân. Cả hai là người Ba Na.": unbulleted, the people are
        // the first sentence, one a part when each part opens with a name; the sentences after it are about them all.
        // "…, Cầm Thị Ơn (nữ, Thái) cả hai đều theo đạo Tin Lành": what follows "cả hai", "đều" is everyone's.
        const end = sentenceEnd(line, 0);
        const group = RE_GROUP_AT.exec(line.slice(0, end));
        const stop = group ? group.index : end;
        const text = p.text.slice(at, at + stop);
        const folded = line.slice(0, stop);
        // "Lò Văn Panh - Thái, đoàn viên; Cầm Thị Ơn - nữ, Thái": or one a part between semicolons.
        let spans = namedSpans(text, folded);
        if (spans.length < 2 && folded.includes(";")) spans = namedSpans(text, folded, ";");
        if (spans.length >= 2 || (end < line.length && RE_OTHER_MATTER.test(line.slice(end)))) {
          if (!RE_FULL_IN.test(folded) && !RE_TRAIT_LINE.test(folded) && !RE_LABEL_COUNT.test(folded)) {
            for (const [a, b] of spans.length >= 2 ? spans : [[0, stop] as [number, number]]) addPerson(p.text.slice(at + a, at + b), line.slice(a, b));
            if (group) allOf.push(line.slice(stop, end));
            listEnd = at + end;
          }
          continue;
        }
      }
      const body = line.slice(item[0].length);
      // Under a heading, a capitalised name is a person too: "1. A Đông, nam, Ba Na", "+ Rơ Mah H'Yuăn: nữ, Gia Rai".
      const person = RE_NAMED_ITEM.test(body) || (listed && namesSomeone((RE_CAPITAL_NAME.exec(p.text.slice(at + item[0].length, at + line.length)) ?? [""])[0]) && !RE_TRAIT_LINE.test(body) && !RE_LABEL_COUNT.test(body));
      if (person && (listed || RE_ITEM_ADMITTED.test(body)) && !RE_FULL_IN.test(body)) {
        // "Lò Thị Thái - nữ": the name is no trait, what follows it is.
        addPerson(p.text.slice(at + item[0].length, at + line.length), body);
        listEnd = at + line.length;
      }
    }
  }
  if (people.length === 0) return;
  fields.admitted = people.length;
  for (const seg of people) for (const k of traitsOf(seg)) fields[k] = (fields[k] ?? 0) + 1;
  if (byName > 0) fields.women = (fields.women ?? 0) + byName;
  for (const part of allOf) for (const k of traitsOf(part)) fields[k] = people.length;
  // "+ Lâm Thị Sa Quên (nữ, Khmer)\n+ Thạch Minh Tài (Khmer)\nCả 2 đều theo Phật giáo.": the sentences after the list about all of them.
  for (let at = listEnd; at > 0 && at < f.length; ) {
    const from = at + (/^[.;!?\s]*/.exec(f.slice(at)) as RegExpExecArray)[0].length;
    const to = sentenceEnd(f, from);
    const sentence = f.slice(from, to);
    if (from >= f.length || !RE_GROUP_LEAD.test(sentence) || RE_OTHER_MATTER.test(sentence)) break;
    for (const k of traitsOf(sentence)) fields[k] = people.length;
    at = to;
  }
  for (const t of TRAITS) fields[t.key] ??= 0;
}
// "1 nu Giay doan vien", "- 2 chị người Tày": a line that opens with a count of people and who they are.
const RE_COUNTED_PERSON_LINE = new RegExp(`^[ \\t]*(?:[-+*•][ \\t]*)?(?!nam${WORD_END})(${COUNT})(?<![ \\t]nam)[ \\t]+(?:(?:${PERSON})[ \\t]+)?(?:nam|nu|chi|anh|em|co|ba)${WORD_END}`);
// "kn q3 cb thon Ta Van", "Kết nạp quý 3:": a line naming admission, no count in it (a period or a cell's number is none).
const RE_ADMIT_LINE = /^[^\n]*\b(?:ket nap|kn)\b[^\n]*$/;
/**
 * "kn q3 cb thon Ta Van\n1 nu Giay doan vien\n1 nam Mong hoc sinh lop 12\nCCT: 1 dc": under a heading with no count,
 * two or more lines each counting people with who they are; the admitted are their sum, each trait summed over them.
 */
function readCountedLines(p: Prepared, fields: AdmissionsFields): void {
  const lines = p.f.split("\n");
  for (let i = 0; i + 2 < lines.length; i++) {
    const head = lines[i] as string;
    if (!RE_ADMIT_LINE.test(head) || /\d/.test(head.replace(RE_PERIOD_DIGITS, " ").replace(RE_CELL_NUMBER, " ")) || RE_NEGATED_ANY.test(head) || planBefore(head, head.length)) continue;
    const parts: string[] = [];
    let admitted = 0;
    for (let j = i + 1; j < lines.length; j++) {
      const m = RE_COUNTED_PERSON_LINE.exec(lines[j] as string);
      const n = m ? parseCount(m[1] as string) : null;
      if (n === null) break;
      admitted += n;
      parts.push((lines[j] as string).replace(/^[ \t]*[-+*•]?[ \t]*/, ""));
    }
    if (parts.length < 2) continue;
    fields.admitted = admitted;
    const found = countedParts(parts.join(", "), admitted) ?? {};
    for (const t of TRAITS) fields[t.key] = found[t.key] ?? 0;
    return;
  }
}

// "Kết nạp năm 2026 (chi bộ tổ dân phố Sông Hiến 2):", "báo cáo kết nạp quý III:": a period or a bracketed note before the colon.
const RE_ADMIT_HEADING = /\b(?:ket nap|kn)(?:\s+(?:duoc|dc|moi|dang vien|dv|trong nam|nam nay|nam \d{4}|quy [ivx1-4]+(?:\s?[/.-]\s?\d{4})?))*\s*(?:\([^()\n]{0,60}\))?\s*(?:gom|nhu sau)?\s*:\s*$/;
// "Kết nạp năm 2026 chi bộ thôn Séo Lủng:", "Chi bộ làng Bi báo cáo kết nạp đảng năm 2026:": a line that names
// admission and ends in a colon with no count in it (a year or quarter is none) heads the list of the admitted.
const RE_ADMIT_HEADING_LOOSE = /\b(?:ket nap|kn)\b[^:\n]*:\s*$/;
const RE_PERIOD_DIGITS = new RegExp(`${WORD_START}(?:\\d{1,2}\\s+thang(?:\\s+(?:dau|cuoi))?(?:\\s+nam)?|thang\\s?\\d{1,2}(?:\\s?[/.-]\\s?\\d{4})?|(?:quy|q)\\s?[ivx1-4]+(?:\\s?[/.-]\\s?\\d{4})?|(?:19|20)\\d\\d|\\d{1,2}\\s?[/.-]\\s?(?:19|20)\\d\\d)${WORD_END}`, "g");
function isAdmitHeading(line: string): boolean {
  if (RE_ADMIT_HEADING.test(line)) return !planBefore(line, line.length);
  const m = RE_ADMIT_HEADING_LOOSE.exec(line);
  if (!m || /\d/.test(m[0].replace(RE_PERIOD_DIGITS, " ").replace(RE_CELL_NUMBER, " ")) || RE_NEGATED_ANY.test(line)) return false;
  return !planBefore(line, m.index) && !RE_PLAN.test(line.slice(0, m.index + 1));
}
// "chi bộ tổ 5", "khu phố 2", "thôn 3": the number of a cell or a place.
const RE_CELL_NUMBER = /\b(?:to|khu|khu pho|thon|xom|ap|khom|doi|ban|to dan pho|tdp|kp|cb|chi bo|so)\s+\d+[a-z]?\b/g;
const RE_NEGATED_ANY = /\b(?:chua|khong|ko|kg)\s+(?:co\s+)?(?:ket nap|kn)\b/;
const RE_COMRADE_LINE = new RegExp(`^[ \\t]*${COMRADE}\\s+\\p{L}`, "u");
/** How many lines right after `from` (the end of a heading's colon) open with a comrade. */
function comradeLines(f: string, from: number): number {
  if (!/^[ \t]*\n/.test(f.slice(from))) return 0;
  let n = 0;
  for (const line of f.slice(f.indexOf("\n", from) + 1).split("\n")) {
    if (!RE_COMRADE_LINE.test(line)) break;
    n++;
  }
  return n;
}
const RE_BARE_NAME_LINE = /^\s*\p{Lu}[\p{L}'’]*(?:\s+\p{Lu}[\p{L}'’]*)+\s*(?:[-–:,(]|$)/u;
// "A Đông", "Rơ Mah H'Yuăn": two or more capitalised words.
const RE_CAPITAL_NAME = /^\p{Lu}[\p{L}'’]*(?:\s+\p{Lu}[\p{L}'’]*)+/u;
// "Nữ: 1", "Số đv mới: 2": a label and its count, no person.
const RE_LABEL_COUNT = new RegExp(`^[^:\\n]{1,40}:\\s*(?:${COUNT_N}|khong)${WORD_END}`);
const RE_NEGATED = /\b(?:chua|khong|ko|k|kg)\s+(?:co\s+)?$/;
const RE_NAMED_ITEM = new RegExp(`^${COMRADE}\\s+\\p{L}`, "u");
// "kết nạp 12/8", "kết nạp ngày 12/8": this one was admitted (a count after it would be another report).
const RE_ITEM_ADMITTED = new RegExp(`${WORD_START}(?:ket nap|kn)${WORD_END}(?!\\s*:?\\s*${COUNT}\\s*(?:${PERSON})${WORD_END})`);

const RE_LEAD_COMRADE = new RegExp(`^\\s*(?:${COMRADE}\\s+)?`);
/** `folded` (the fold of `text`) without the name it opens with. */
function withoutName(text: string, folded: string): string {
  const lead = (RE_LEAD_COMRADE.exec(folded) as RegExpExecArray)[0].length;
  const name = RE_CAPITAL_NAME.exec(text.slice(lead));
  return name && namesSomeone(name[0]) ? folded.slice(lead + name[0].length) : folded;
}

/** The pieces of `region` that each start at "đ/c …". */
function personSegments(region: string): string[] {
  const starts: number[] = [];
  RE_COMRADE_AT.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = RE_COMRADE_AT.exec(region))) starts.push(m.index);
  if (starts.length < 2) {
    // "(Lường Thị Nga - nữ, Thái, đoàn viên; Vi Văn Cường - Nùng)": one person per part.
    const group = /\(([^()]*;[^()]*)\)/.exec(region);
    if (group) return (group[1] as string).split(";");
    // "kn 1 hs lớp 12 (nữ, Nùng) + 1 thanh niên (Tày)", "em Lò Thị Xuân (nữ, Thái) và anh Quàng Văn Pánh (Thái)".
    const plus = region.includes("+") ? topLevelSplit(region, "+") : [];
    if (plus.length >= 2) return plus;
    const groups = region.indexOf("(") !== region.lastIndexOf("(") ? topLevelGroups(region) : [];
    if (groups.length >= 2) return groups;
  }
  return starts.map((s, i) => region.slice(s, starts[i + 1] ?? region.length));
}

const RE_NAME_OPENS = /^[\s:,;-]*\p{Lu}[\p{L}'’]*(?:\s+\p{Lu}[\p{L}'’]*)+/u;
const RE_JOIN_HINT = new RegExp(`[,;+]|${WORD_START}(?:va|voi|cung)${WORD_END}|${WORD_START}(?:hai|thu hai)\\s*(?:la|:)`);
// Where the next person may start: after a comma, a semicolon, "và", "+", with "đ/c" or not.
// "em", "anh", "chị", "ông", "bà", "cô", "cháu": how a person is addressed, before the name.
const ADDRESS = "(?:em|anh|chi|ong|ba|co|chau)";
// "một là chị …, hai là anh …", "người thứ hai là …": a person told by their place in the telling.
const ORDINAL = "(?:(?:nguoi\\s+)?thu\\s+(?:nhat|hai|ba|tu|bon|nam|sau)|mot|hai|ba|bon|nam|sau)\\s*(?:la|:)";
// "…, và anh …", "… với chị …", "… hai là anh …" (spoken with no stops): where the next person may start.
const RE_NAME_JOIN = new RegExp(`(?:[,;+]|${WORD_START}(?:va|voi|cung)${WORD_END}|(?<=\\s)${ORDINAL})[ \\t]*(?:(?:${COMRADE}|${ADDRESS}|quan chung|qc)[ \\t]+)?(?=\\S)`, "g");
const RE_PERSON_LEAD = new RegExp(`^[\\s:,(-]*(?:moi[\\s,]+)?(?:${ORDINAL}\\s+)?(?:(?:la|gom|${COMRADE}|${ADDRESS}|quan chung|qc)\\s+){0,2}`);
// A person's part opens with how they are joined, told and addressed, then the name: "hai là anh Vũ Văn Thắng …".
const RE_PERSON_OPEN = new RegExp(`^[\\s:,;(+-]*(?:(?:va|moi)[\\s,]+)?(?:${ORDINAL}\\s+)?(?:(?:la|gom|${COMRADE}|${ADDRESS}|quan chung|qc)\\s+){0,2}`);
const RE_WOMAN_ADDRESS = /(?:^|\s)(?<!dong\s)(?:chi|co|ba)\s+$/;
/**
 * The traits of one person's part, the name it opens with left out ("anh Đào Văn Nam": Đào is no Dao people),
 * "chị", "cô", "bà" right before the name a woman; `origin` is the part as written.
 */
function personKeys(origin: string, seg: string): Trait["key"][] {
  if (origin.length !== seg.length) return traitsOf(seg);
  const lead = (RE_PERSON_OPEN.exec(seg) as RegExpExecArray)[0];
  const name = RE_PERSON_NAME.exec(origin.slice(lead.length));
  // "anh dao van nam": written small, a surname, "văn" or "thị", a given name.
  const small = name ? null : RE_SMALL_NAME.exec(seg.slice(lead.length));
  if (!small && (!name || !namesSomeone(name[0]))) return traitsOf(seg);
  const keys = traitsOf(seg.slice(lead.length + (small ?? name ?? [""])[0].length));
  if (!keys.includes("women") && RE_WOMAN_ADDRESS.test(lead)) keys.push("women");
  return keys;
}
const RE_SMALL_NAME = /^[a-z']+\s+(?:van|thi)\s+[a-z']+/;
// "ket nap 2 dong chi la em lo thi hoa nu … va anh cam van phong …": names written small, each person opened by how
// they are addressed; taken only when the parts are as many as the admitted.
const SPOKEN_ADDRESS = `(?:em|anh|chi|ong|chau|${COMRADE})`;
const RE_SPOKEN_LEAD = new RegExp(`^[\\s:,(-]*(?:moi[\\s,]+)?(?:${ORDINAL}\\s+)?(?:(?:la|gom)\\s+)?${SPOKEN_ADDRESS}\\s+(?=[a-z])`);
const RE_SPOKEN_JOIN = new RegExp(`(?:[,;]|${WORD_START}(?:va|voi|cung)${WORD_END}|(?<=\\s)${ORDINAL})\\s*(?:la\\s+)?${SPOKEN_ADDRESS}\\s+(?=[a-z])`, "g");
function spokenSegments(folded: string): string[] {
  const lead = RE_SPOKEN_LEAD.exec(folded);
  if (!lead || folded.includes("(")) return [];
  const starts = [0];
  for (const m of folded.matchAll(RE_SPOKEN_JOIN)) if ((m.index as number) >= lead[0].length) starts.push(m.index as number);
  return starts.map((s, i) => folded.slice(s, starts[i + 1] ?? folded.length));
}
// "một là chị …, hai là anh …": people told one by one in order, none of those words a count.
const RE_ORDINAL_RUN = /(?:^|[\s,:;])(?:mot|(?:nguoi )?thu nhat)\s*(?:la|:)\s[^\n]*?[\s,;.](?:hai|(?:nguoi )?thu hai)\s*(?:la|:)\s/;
// A person's name: two to five words, each capitalised and no more ("ĐH Thái Nguyên", "Trường THCS" are none).
const RE_PERSON_NAME = /^\p{Lu}[\p{Ll}'’]*(?:['’]\p{Lu}\p{Ll}*)?(?:[ \t]+\p{Lu}[\p{Ll}'’]*(?:['’]\p{Lu}\p{Ll}*)?){1,4}(?![\p{L}])/u;
// Trương, Bàn, Tô, Đoàn, Đặng are surnames too: "Đặng Thị Mây" is a person, "Đảng ủy", "Trường THCS" are not.
const RE_NOT_PERSON_NAME = new RegExp(`^(?:dai|hoc|cong|chi|thon|xa|huyen|tinh|ap|xom|khu|hoi|uy|nha|benh|(?:truong|ban|to|doan|dang)\\s+(?:thpt|thcs|tieu hoc|mam non|dai hoc|cao dang|trung cap|pho thong|thuong vu|chi|to|quan|dan|thanh nien|tn|xa|phuong|uy|bo|cong san|vien|\\d))${WORD_END}`);
/**
 * `folded` cut where a person's name opens (`text` its original): at its start, and after a comma, a semicolon,
 * "và" or "+" (outside brackets); none unless it opens with a name.
 */
function nameStartSegments(text: string, folded: string): string[] {
  const isName = (at: number): boolean => {
    const m = RE_PERSON_NAME.exec(text.slice(at, at + 60));
    return m !== null && namesSomeone(m[0]) && !RE_NOT_PERSON_NAME.test(folded.slice(at, at + 24));
  };
  const lead = (RE_PERSON_LEAD.exec(folded) as RegExpExecArray)[0].length;
  if (!isName(lead)) return [];
  // Each part runs from the words that join it ("và anh", "hai là chị") to the next one's.
  let last = lead;
  const starts = [0];
  for (const m of folded.matchAll(RE_NAME_JOIN)) {
    const at = (m.index as number) + m[0].length;
    if (at <= last) continue;
    let depth = 0;
    for (let i = 0; i < (m.index as number); i++) depth += folded[i] === "(" ? 1 : folded[i] === ")" ? -1 : 0;
    if (depth === 0 && isName(at)) {
      starts.push(m.index as number);
      last = at;
    }
  }
  return starts.map((s, i) => folded.slice(s, starts[i + 1] ?? folded.length));
}

/** Where each of `segs` (slices of `folded`, in order) lies in `text`, the original of `folded`. */
function originsOf(segs: string[], folded: string, text: string): string[] {
  let at = 0;
  return segs.map((seg) => {
    const i = folded.indexOf(seg, at);
    if (i < 0) return "";
    at = i + seg.length;
    return text.slice(i, at);
  });
}

// "Trần Thị Ngọc Ánh", "Lo Thi Hoa": "Thị" inside a capitalised name is a woman's; "sinh năm" is no sex, "nam" alone is.
const RE_THI_NAME = /\p{Lu}[\p{L}'’]*\s+Th(?:ị|i)\s+\p{Lu}/u;
// ("kết nạp 01 đảng viên mới: đ/c Nguyễn Thị Hương Giang": the member noun and a colon before the name.)
const RE_LEAD_TO_NAME = /^[\s:,(-]*(?:(?:(?:dang vien|dv)\s+)?(?:moi\s*)?:\s*)?(?:(?:la|d\/c|dc|dong chi|quan chung|qc|em|chi)\s+){0,2}/;
const RE_THI_OPENS = /^\p{Lu}[\p{L}'’]*\s+Th(?:ị|i)\s+\p{Lu}/u;
const RE_SAID_MAN = /(?:^|[,(;:-]\s*|\b(?:la|gioi tinh)\s+)nam\s*(?:[,);.]|$)/;
/** A person's part (`text`, its fold `folded`) names a woman by "Thị" in her name and says no "nam". */
function namedWoman(text: string, folded: string): boolean {
  return text.includes("Th") && RE_THI_NAME.test(text) && !RE_SAID_MAN.test(folded);
}

// "nam", "nữ" after a name: the sex of that person ("nam nay", "nam 2003" are years).
// (A spoken run may have had a comma put before "nam người …", read as "năm người".)
const RE_SEX_AFTER_NAME_G = /(?<=[ \t,])(?:nam|nu)\b(?![ \t]*(?:nay|qua|\d))/g;
const RE_CAPITAL_RUN_END = /(?:\p{Lu}[\p{L}'’]*[ \t]+)*\p{Lu}[\p{L}'’]*[ \t,]$/u;
/**
 * "H Nhi Mlô nữ dân tộc Ê Đê theo đạo Tin Lành Y Sơn Niê nam dân tộc Ê Đê …": spoken with no stops, each person a
 * capitalised name then "nam" or "nữ"; the parts cut where each name opens (the capitalised words of a trait before
 * it, "Tin Lành", "Ê Đê", left to the part before). None unless the first name opens the text.
 */
function sexedNameSegments(text: string, folded: string): string[] {
  if (/[;(]/.test(folded)) return [];
  const starts: number[] = [];
  for (const m of folded.matchAll(RE_SEX_AFTER_NAME_G)) {
    const at = m.index as number;
    const run = RE_CAPITAL_RUN_END.exec(text.slice(Math.max(0, at - 60), at));
    if (!run) continue;
    let from = at - run[0].length;
    const words = run[0].trim().split(/[ \t]+/);
    // Leading words that name a trait, while at least two words of the name are left.
    for (let dropped = true; dropped && words.length > 2; ) {
      dropped = false;
      for (let k = Math.min(3, words.length - 2); k >= 1; k--) {
        const lead = words.slice(0, k).join(" ");
        if (!RE_TRAIT_WHOLE.test(foldSameLength(lead).toLowerCase())) continue;
        from = text.indexOf(words[k] as string, from + lead.length);
        words.splice(0, k);
        dropped = true;
        break;
      }
    }
    if (!namesSomeone(words.join(" "))) continue;
    starts.push(from);
  }
  if (starts.length < 2) return [];
  const lead = (RE_PERSON_LEAD.exec(folded) as RegExpExecArray)[0].length;
  if (starts[0] !== lead) return [];
  starts[0] = 0;
  return starts.map((s, i) => folded.slice(s, starts[i + 1] ?? folded.length));
}

/** The parts of `folded` (cut at commas and semicolons outside brackets) when each opens with a capitalised name in `text`, its original. */
function namedSegments(text: string, folded: string): string[] {
  return namedSpans(text, folded).map(([a, b]) => folded.slice(a, b));
}

/** Where the parts of `namedSegments` lie; none unless every part opens with a name ("Ba Na", a people, is none). */
function namedSpans(text: string, folded: string, seps = ",;"): [number, number][] {
  if (!/[,;]/.test(folded)) return [];
  const out: [number, number][] = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i <= folded.length; i++) {
    const c = folded[i];
    if (c === "(") depth++;
    else if (c === ")") depth = Math.max(0, depth - 1);
    else if (i === folded.length || (depth === 0 && seps.includes(c as string))) {
      const part = text.slice(from, i);
      if (part.trim() !== "") {
        const name = RE_NAME_OPENS.exec(part);
        if (!name || !namesSomeone(name[0])) return [];
        out.push([from, i]);
      }
      from = i + 1;
    }
  }
  return out;
}

/** `region` cut at `sep` outside brackets. */
function topLevelSplit(region: string, sep: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i < region.length; i++) {
    const c = region[i];
    if (c === "(") depth++;
    else if (c === ")") depth = Math.max(0, depth - 1);
    else if (c === sep && depth === 0) {
      out.push(region.slice(from, i));
      from = i + 1;
    }
  }
  out.push(region.slice(from));
  return out.filter((s) => s.trim() !== "");
}

/** Each bracketed description with the words before it: "em Lò Thị Xuân (nữ, Thái)". */
function topLevelGroups(region: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i < region.length; i++) {
    const c = region[i];
    if (c === "(") depth++;
    else if (c === ")" && depth > 0 && --depth === 0) {
      out.push(region.slice(from, i + 1));
      from = i + 1;
    }
  }
  return out;
}

/** An ASCII digit at `i` (none past the end). */
function isDigitAt(f: string, i: number): boolean {
  const c = f.charCodeAt(i);
  return c >= 48 && c <= 57;
}

function sentenceEnd(f: string, from: number): number {
  let depth = 0;
  for (let i = from; i < f.length; i++) {
    const c = f.charCodeAt(i);
    if (c === 40 /* ( */) depth++;
    else if (c === 41 /* ) */) depth = Math.max(0, depth - 1);
    else if (depth === 0 && (c === 10 /* \n */ || c === 33 /* ! */ || c === 63 /* ? */ || (c === 46 /* . */ && !isDigitAt(f, i + 1)))) return i;
  }
  return f.length;
}

/** "chuyển chính thức 2 đ/c", "chuyển chính thức cho đ/c Vy" (done), "đang làm hồ sơ chuyển chính thức cho đ/c Vy" (pending). */
const RE_RUNNING_TOTAL = /\b(?:luy ke|cong don)\b/;
function readFull(p: Prepared, fields: AdmissionsFields): void {
  const f = p.f;
  const pending: string[] = [];
  let made: number | undefined;
  let nonePending = false;
  RE_FULL.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = RE_FULL.exec(f))) {
    // "Lũy kế năm 2026: kết nạp 04, chuyển chính thức 03": the year's running total, no figure of the period.
    if (RE_RUNNING_TOTAL.test(f.slice(f.lastIndexOf("\n", m.index) + 1, m.index))) continue;
    const before = f.slice(Math.max(0, m.index - 40), m.index);
    const lineStart = Math.max(f.lastIndexOf("\n", m.index), f.lastIndexOf(".", m.index - 1), f.lastIndexOf(";", m.index), f.lastIndexOf(",", m.index));
    const near = f.slice(Math.max(0, lineStart + 1, m.index - 40), m.index);
    // "Đã làm thủ tục chuyển chính thức cho 1 đ/c": done.
    const after = m.index + m[0].length;
    const sentence = f.slice(Math.max(0, lineStart + 1), clauseEnd(f, after));
    let underWay =
      RE_UNDER_WAY.test(near) && !/\b(?:va|da|roi)\s+(?:da\s+)?duoc\b[^.;,\n]{0,20}$/.test(near) && !/\bda\s+(?:to chuc\s+)?(?:lam|hoan thien|hoan thanh|xong|xet)\b(?![^.;\n]*\b(?:de nghi|cho)\s*$)/.test(near) && !(RE_DECIDED.test(sentence) && !/\b(?:chua co|cho|doi)\s+(?:[^.;,\n]{0,30}\s)?quyet dinh\b/.test(sentence));
    // "đang chờ Ban Thường vụ Đảng ủy phường ra quyết định công nhận đảng viên chính thức": the decision awaited, from whoever.
    if (!underWay && RE_AWAITING_DECISION.test(f.slice(Math.max(0, lineStart + 1, m.index - 70), m.index))) underWay = true;
    let countAfter = RE_FULL_COUNT.exec(f.slice(after, after + 30));
    // "II. CÔNG NHẬN ĐẢNG VIÊN CHÍNH THỨC\n1. Đã được công nhận …": a heading, then an item's number, no count.
    if (countAfter?.[0].includes("\n")) {
      const numberEnd = after + countAfter[0].lastIndexOf(countAfter[1] as string) + (countAfter[1] as string).length;
      if (/^[.)]\s/.test(f.slice(numberEnd, numberEnd + 2)) && f.slice(after, numberEnd).includes("\n")) countAfter = null;
    }
    const countBefore = RE_COUNT_BEFORE_FULL.exec(before);
    const names = readNames(p, after + (countAfter ? countAfter[0].length : 0));
    // "Xét và đề nghị công nhận đảng viên chính thức cho 02 đồng chí": the cell's part done, counted, no one named waiting.
    if (underWay && names.length === 0 && countAfter && RE_PROPOSED.test(near) && !RE_STILL_TO_DO.test(near)) underWay = false;
    // "chi bộ tổ chức lễ kết nạp đ/c … và xét công nhận chính thức cho đ/c …": considered beside a deed done, done too.
    // ("đã tổ chức xét chuyển đảng chính thức cho 2 đ/c": the review held, so done.)
    if (underWay && /\b(?:da|va)\s+(?:to chuc\s+)?xet\b[^.;,\n]{0,12}$/.test(near) && !/\b(?:dang|se|sap|chua)\b/.test(near)) underWay = false;
    // "chua co chuyen ct": none made full, nothing under way.
    if (underWay && names.length === 0 && !countAfter && RE_NONE_YET.test(near) && !RE_UNDER_WAY_WORD.test(near)) underWay = false;
    if (underWay) {
      // "chưa chuyển đảng viên chính thức cho đồng chí nào": none, said after.
      // "Đang làm hồ sơ chuyển chính thức: không": none pending, the answer after it.
      if (names.length === 0 && RE_UNDER_WAY_WORD.test(near) && RE_NONE_ANSWER.test(f.slice(after, after + 20))) {
        nonePending = true;
        continue;
      }
      if (names.length === 0 && (RE_NONE_PENDING.test(f.slice(Math.max(0, m.index - 50), m.index)) || RE_NONE_FOR_ANY.test(f.slice(after, after + 30)))) {
        // "chưa có đ/c nào chuyển chính thức": none made full; "không có đ/c nào đang chờ …": none pending.
        // "Chưa có đc nào đủ điều kiện chuyển chính thức": none made full; who is still on probation is not said.
        if (RE_ELIGIBLE.test(near)) made = made ?? 0;
        else if (RE_UNDER_WAY_WORD.test(near)) nonePending = true;
        else made = made ?? 0;
        continue;
      }
      if (names.length === 0) {
        // "đ/c Hoàng Thị Nhung đang chờ chuyển chính thức": the name comes first.
        const before = RE_NAME_BEFORE.exec(f.slice(Math.max(0, m.index - 60), m.index));
        if (before) {
          const at = Math.max(0, m.index - 60) + (before.indices?.[1] as [number, number])[0];
          const afterStill = before[0].startsWith("con");
          const name = readName(p, at, !afterStill, !afterStill);
          // "còn dc Hoa, dc Thao đang chờ chuyển CT": the names listed before it.
          if (name) names.push(...namesRunBefore(p, at), titleCase(name.name));
        } else {
          // "Đ/c Nông Văn Bình hết thời gian dự bị, chi bộ đang làm thủ tục chuyển chính thức": the member named earlier in the sentence.
          // The nearest comrade whose name reads ("dc" may also be "được").
          const s = Math.max(f.lastIndexOf(".", m.index - 1) + 1, f.lastIndexOf("\n", m.index - 1) + 1, f.lastIndexOf(";", m.index - 1) + 1, m.index - 160);
          const c = RE_COMRADE_G;
          c.lastIndex = s;
          let cm: RegExpExecArray | null;
          let found: string | null = null;
          let foundAt = 0;
          let foundEnd = 0;
          while ((cm = c.exec(f)) && cm.index < m.index) {
            const name = readName(p, cm.index + cm[0].length, true, true);
            if (name && name.end < m.index) {
              found = titleCase(name.name);
              foundAt = cm.index + cm[0].length;
              foundEnd = name.end;
            }
          }
          // "còn đồng chí Nguyễn Văn Phúc với đồng chí Hồ Thị Lan thì đang hoàn thiện hồ sơ …": the names listed before it too.
          if (found) names.push(...namesRunBefore(p, foundAt, s).filter((n) => n !== found), found);
          // "còn hai đồng chí Trương Văn Nhựt với Huỳnh Ngọc Trâm thì đang làm hồ sơ …": and a capitalised one joined after it.
          const joined = found ? RE_JOINED_AFTER.exec(f.slice(foundEnd, foundEnd + 8)) : null;
          const next = joined && /^\p{Lu}/u.test(p.text.slice(foundEnd + joined[0].length, foundEnd + joined[0].length + 1)) ? readName(p, foundEnd + joined[0].length, false) : null;
          if (next && next.end < m.index) names.push(titleCase(next.name));
        }
      }
      pending.push(...names);
      continue;
    }
    let n: number | null = null;
    // "không có đồng chí nào chuyển chính thức": none, stated.
    // "không có đồng chí nào chuyển chính thức đồng chí A Pri hết hạn …": none, whoever is named after.
    if (!countAfter && RE_NONE_BEFORE.test(f.slice(Math.max(0, m.index - 40), m.index)) && /\bnao\s+(?:duoc\s+)?$/.test(before)) n = 0;
    else if (!countAfter && names.length === 0 && (RE_NONE_AFTER.test(f.slice(after, after + 30)) || RE_NONE_PENDING.test(f.slice(Math.max(0, m.index - 50), m.index)) || RE_NONE_BEFORE.test(f.slice(Math.max(0, m.index - 40), m.index)))) n = 0;
    if (countAfter) n = parseCount(countAfter[1] as string);
    // "đồng chí Hoàng Văn Tú đã được công nhận chính thức": a number word closing a name is no count.
    else if (countBefore && (/\bdu bi\b|\bda\b|\bduoc\b|\bla\s*$/.test(countBefore[0]) || countOpensClause(f, m.index - before.length + countBefore.index, countBefore[0])) && !endsName(p, m.index - before.length + countBefore.index)) n = parseCount(countBefore[1] as string);
    if (n === null && names.length > 0) n = names.length;
    else if (n === 0) names.length = 0;
    if (n === null) {
      // "đ/c Long đã được công nhận đảng viên chính thức": the member named before it, in the same clause.
      const from = Math.max(0, lineStart + 1);
      const c = RE_COMRADE_WORD_G;
      c.lastIndex = from;
      let named = 0;
      for (let cm = c.exec(f); cm && cm.index < m.index; cm = c.exec(f)) {
        const name = readName(p, cm.index + cm[0].length, true, true);
        if (name && name.end <= m.index && !/^(?:nao|con lai)\b/.test(p.f.slice(cm.index + cm[0].length, name.end))) named++;
      }
      if (named > 0) n = named;
      // "Đ/c Quàng Văn Đôi đủ 12 tháng dự bị, đã chuyển chính thức": the member the sentence opens with.
      const sentenceStart = Math.max(f.lastIndexOf("\n", m.index - 1), f.lastIndexOf(". ", m.index - 1), f.lastIndexOf(";", m.index - 1)) + 1;
      const lead = n === null && /\b(?:da|vua|moi)\s+(?:duoc\s+)?$/.test(near) ? RE_SENTENCE_COMRADE.exec(f.slice(sentenceStart, m.index)) : null;
      if (lead) {
        const name = readName(p, sentenceStart + lead[0].length, true, true);
        if (name && name.end <= m.index) n = 1;
      }
    }
    if (n !== null) made = (made ?? 0) + n;
    // "CCT 1 đ/c thôi, 2 đ/c kia đang làm hồ sơ (đ/c Đỗ Văn Quyết, đ/c Lê Thị Hằng)": the rest named, still under way.
    // "… chuyển chính thức 1 đ/c. Còn 2 đ/c kia đang làm hồ sơ (…)": the next sentence about the rest too.
    let end = sentenceEnd(f, after);
    const others = RE_THE_OTHERS.exec(f.slice(end, end + 40));
    if (others) end = sentenceEnd(f, end + others[0].length);
    RE_FULL.lastIndex = after;
    const nextFull = RE_FULL.exec(f);
    RE_FULL.lastIndex = after;
    const rest = RE_REST_UNDER_WAY.exec(f.slice(after, nextFull && nextFull.index < end ? nextFull.index : end));
    if (rest) for (const name of readNames(p, after + rest.index + rest[0].length)) if (!pending.includes(name)) pending.push(name);
  }
  const probation = f.includes("du bi") || f.includes("db") || RE_WAITING_LABEL.test(f);
  RE_STILL_PROBATIONARY.lastIndex = 0;
  while (probation && (m = RE_STILL_PROBATIONARY.exec(f))) {
    // "Chuyển chính thức cho đảng viên dự bị: 2 đ/c (…)": those were made full, not still waiting.
    if (RE_FULL_FOR.test(f.slice(Math.max(0, m.index - 40), m.index + 4))) continue;
    // "Đảng viên dự bị còn lại: ☑ Không còn ☐ Còn: ……": none left.
    if (RE_NONE_LEFT.test(f.slice(m.index + m[0].length, m.index + m[0].length + 16))) {
      nonePending = true;
      continue;
    }
    for (const n of readNames(p, m.index + m[0].length)) if (!pending.includes(n)) pending.push(n);
  }
  if ((made !== undefined || pending.length > 0) && (f.includes("cho") || f.includes("chua du"))) {
    RE_WAITING_AFTER.lastIndex = 0;
    while ((m = RE_WAITING_AFTER.exec(f))) {
      const name = readName(p, (m.indices?.[1] as [number, number])[0], true, true);
      if (name && !pending.includes(titleCase(name.name))) {
        // "đ/c Ngô Văn Tài với đ/c Trần Thị Mỹ dự bị tới tháng 3": those listed before the one named too.
        for (const n of namesRunBefore(p, (m.indices?.[1] as [number, number])[0])) if (!pending.includes(n)) pending.push(n);
        pending.push(titleCase(name.name));
      }
    }
  }
  if (f.includes("chua")) {
    RE_NOT_YET_DUE.lastIndex = 0;
    while ((m = RE_NOT_YET_DUE.exec(f))) {
      const name = readName(p, (m.indices?.[1] as [number, number])[0], true, true);
      if (name && name.end <= m.index + m[0].length && !pending.includes(titleCase(name.name))) {
        // "đ/c Ngô Văn Tài với đ/c Trần Thị Mỹ dự bị tới tháng 3": those listed before the one named too.
        for (const n of namesRunBefore(p, (m.indices?.[1] as [number, number])[0])) if (!pending.includes(n)) pending.push(n);
        pending.push(titleCase(name.name));
      }
    }
    RE_NOT_YET_LABEL.lastIndex = 0;
    while ((m = RE_NOT_YET_LABEL.exec(f))) {
      // "Chưa chuyển: không": none is.
      if (RE_NONE_ANSWER.test(f.slice(m.index + m[0].length - 1).replace(/^(:\s*(?:khong|ko|chua) co) ai\b/, "$1"))) nonePending = true;
      else for (const n of readNames(p, m.index + m[0].length)) if (!pending.includes(n)) pending.push(n);
    }
  }
  if (probation) {
    RE_PROBATION_UNTIL.lastIndex = 0;
    while ((m = RE_PROBATION_UNTIL.exec(f))) {
      // "kết nạp đ/c Lan, dự bị đến 5/2027": one just admitted, no member waiting to be made full.
      const clause = f.slice(Math.max(0, f.lastIndexOf(".", m.index) + 1, f.lastIndexOf("\n", m.index) + 1, f.lastIndexOf(";", m.index) + 1), m.index);
      // ("… kết nạp mới bốn đồng chí … còn đồng chí H Lim Niê … đang dự bị chưa chuyển": "còn" turns to others.)
      if (/\b(?:ket nap|kn)\b(?![^]*\bcon\s)/.test(clause)) continue;
      if (m[0].startsWith("va") && !/^\p{Lu}/u.test(p.text.slice((m.indices?.[1] as [number, number])[0]))) continue;
      const name = readName(p, (m.indices?.[1] as [number, number])[0], true, true);
      if (name && !pending.includes(titleCase(name.name))) {
        // "đ/c Ngô Văn Tài với đ/c Trần Thị Mỹ dự bị tới tháng 3": those listed before the one named too.
        for (const n of namesRunBefore(p, (m.indices?.[1] as [number, number])[0])) if (!pending.includes(n)) pending.push(n);
        pending.push(titleCase(name.name));
      }
    }
  }
  // "còn đồng chí Cầm Thị Hương thì phải đến tháng 2 năm sau mới đủ 12 tháng", "đ/c A Pri hết hạn dự bị vào tháng 5 năm
  // 2027": named, due later.
  if (f.includes("moi ") || f.includes("het ")) {
    RE_DUE_LATER.lastIndex = 0;
    while ((m = RE_DUE_LATER.exec(f))) {
      if (RE_DONE_AFTER.test(f.slice(m.index + m[0].length, sentenceEnd(f, m.index + m[0].length)))) continue;
      const name = readName(p, (m.indices?.[1] as [number, number])[0], true, true);
      if (name && name.end <= m.index + m[0].length && !pending.includes(titleCase(name.name))) {
        // "đ/c Ngô Văn Tài với đ/c Trần Thị Mỹ dự bị tới tháng 3": those listed before the one named too.
        for (const n of namesRunBefore(p, (m.indices?.[1] as [number, number])[0])) if (!pending.includes(n)) pending.push(n);
        pending.push(titleCase(name.name));
      }
    }
  }
  // "Đ/c Vừ Thị Dợ, Thào A Tủa dự bị đến 15/9 đủ 12 tháng, chi bộ đã họp xét, đang trình ĐUX", "Đảng viên dự bị sắp đến
  // hạn: đ/c Rơ Lan Blứ (…)", "Đ/c Siu Đoan kết nạp tháng 02/2025, đã đủ 12 tháng dự bị …, chi bộ đang chuẩn bị hồ sơ": the
  // members a clause says have reached (or are about to reach) their twelve months, not yet made full, are waiting.
  if (f.includes("12 thang") || f.includes("den han")) {
    RE_DUE_NOW.lastIndex = 0;
    while ((m = RE_DUE_NOW.exec(f))) {
      const start = Math.max(f.lastIndexOf("\n", m.index - 1), f.lastIndexOf(". ", m.index - 1), f.lastIndexOf(";", m.index - 1)) + 1;
      const end = sentenceEnd(f, m.index + m[0].length);
      const clause = f.slice(start, end);
      if (RE_MADE_FULL_DONE.test(clause)) continue;
      // The members named: after the words (a label's colon), else those named before them, from the first comrade word
      // after what the clause said of others ("Chuyển chính thức được 1 đ/c là Phan Văn Lực, còn đ/c Hồ Thị Hạnh tháng 9
      // mới đủ 12 tháng"); none when those are the ones made full ("Chuyển chính thức: 01 đ/c (đ/c Giang A Dinh, đủ 12 tháng …)").
      // ("Dự bị đến hạn, hồ sơ đang trình Đảng ủy xã: 01 (đ/c …)": what is done for them before the label's colon.)
      const label = /^\s*:|^,[^.;:\n]{0,40}\b(?:dang|cho|ho so)\b[^.;:\n]{0,30}:/.test(f.slice(m.index + m[0].length, m.index + m[0].length + 75));
      let from = label ? m.index : start;
      if (!label) {
        let nearest = -1;
        RE_COMRADE_WORD_G.lastIndex = start;
        for (let c = RE_COMRADE_WORD_G.exec(f); c && c.index < m.index; c = RE_COMRADE_WORD_G.exec(f)) nearest = c.index;
        if (nearest < 0) continue;
        let said: RegExpExecArray | null = null;
        RE_SAID_OF_OTHERS.lastIndex = start;
        for (let o = RE_SAID_OF_OTHERS.exec(f); o && o.index < nearest; o = RE_SAID_OF_OTHERS.exec(f)) said = o;
        if (said && said[1] !== undefined) continue;
        if (said) from = said.index + said[0].length;
      }
      RE_COMRADE_WORD_G.lastIndex = from;
      const comrade = RE_COMRADE_WORD_G.exec(f);
      if (!comrade || comrade.index >= end || (!label && comrade.index > m.index)) continue;
      if (/^(?:nao|con lai|kia|do|ay)\b/.test(f.slice(comrade.index + comrade[0].length))) continue;
      for (const n of readNames(p, comrade.index)) if (!pending.includes(n)) pending.push(n);
    }
  }
  // "Hiện còn dự bị: 04 đồng chí kết nạp năm 2025 có tên trong danh sách trên", "Đảng viên dự bị hiện có: 03 đồng chí nêu
  // trên", "còn 03 đảng viên dự bị là 3 đ/c kết nạp trong quý": those still waiting are the admitted, named in their list.
  if (pending.length === 0 && fields.admitted !== undefined && fields.admitted > 0 && RE_PENDING_ARE_ADMITTED.test(f)) {
    RE_ADMITTED_LIST.lastIndex = 0;
    for (let list = RE_ADMITTED_LIST.exec(f); list; list = RE_ADMITTED_LIST.exec(f)) {
      const names = readNames(p, list.index + list[0].length);
      if (names.length === fields.admitted) {
        pending.push(...names);
        break;
      }
    }
  }
  if (pending.length === 0 && ((probation && RE_NONE_PROBATIONARY.test(f)) || (f.includes("khong con") && RE_NO_FILE_WAITING.test(f)))) nonePending = true;
  // "Chưa chuyển chính thức cho ai": none made full.
  if (made === undefined && f.includes("chua") && RE_NONE_MADE.test(f)) made = 0;
  // "Không còn đ/c nào đủ 12 tháng mà chưa chuyển chính thức", "hiện không còn đồng chí nào quá hạn chưa chuyển chính thức":
  // none left waiting past their time.
  if (pending.length === 0 && f.includes("chua") && RE_NONE_OVERDUE.test(f)) nonePending = true;
  if (made !== undefined) fields.made_full = made;
  // "… kết nạp đồng chí Hầu Thị Dế …, trong đó 2 dự bị (đ/c Dế và đ/c Ly Seo Chứ)": a given name alone is the full name
  // said before it.
  for (let i = 0; i < pending.length; i++) {
    const name = pending[i] as string;
    if (name.includes(" ") || !/^\p{Lu}/u.test(name)) continue;
    const full = new Set([...fullNamesEndingWith(p.text, name)].filter((n) => !RE_TRAIT_WHOLE.test(foldSameLength(n).toLowerCase())));
    if (full.size === 1 && !pending.includes([...full][0] as string)) pending[i] = [...full][0] as string;
  }
  // In the order the message names them, whichever way each was found.
  const place = (name: string): number => {
    const i = f.indexOf(foldSameLength(name).toLowerCase());
    return i < 0 ? f.length : i;
  };
  if (pending.length > 1) pending.sort((a, b) => place(a) - place(b));
  if (pending.length > 0) fields.pending_full = pending;
  else if (nonePending) fields.pending_full = [];
}

/** Whether the word at `at` is capitalised after a capitalised word: the end of a name ("Văn Tú", "Thị Tám"), no count. */
function endsName(p: Prepared, at: number): boolean {
  if (!/^\p{Lu}/u.test(p.text.slice(at, at + 1))) return false;
  const before = /(\p{L}+)\s+$/u.exec(p.text.slice(Math.max(0, at - 24), at));
  return before !== null && /^\p{Lu}/u.test(before[1] as string);
}

// "…, có 1 đ/c chuyển chính thức", "CCT: 2 đ/c chuyển chính thức": a count of members that opens its clause is theirs.
const RE_PERSON_AFTER_COUNT = new RegExp(`\\s*${PERSON}\\s*$`);
const RE_CLAUSE_OPEN = /(?:[,;:.\n(]\s*|\b(?:co|con)\s+)$/;
function countOpensClause(f: string, at: number, count: string): boolean {
  return RE_PERSON_AFTER_COUNT.test(count) && RE_CLAUSE_OPEN.test(`${at === 0 ? "\n" : ""}${f.slice(Math.max(0, at - 20), at)}`);
}

const RE_SENTENCE_COMRADE = new RegExp(`^\\s*${COMRADE}\\s+(?=\\p{L})`, "u");
// "đồng chí Nguyễn Văn Phúc với đồng chí Hồ Thị Lan": "với" joins two comrades in speech. ("chuyển CT 1 (đc Lò Thị
// Bích), đ/c Vì Văn Tỉnh đang …": a name closed by a bracket or a stop is no part of the run.)
const RE_RUN_BEFORE = new RegExp(`${COMRADE}\\s+((?:[^\\s,;().]+\\s?){1,4}?)\\s*(?:(?:,|;|va|\\+)\\s*(?:${COMRADE}\\s+)?|voi\\s+${COMRADE}\\s+)$`, "d");
/** Names listed right before `at` (from `min` on): "dc Hoa, dc Thao [đang chờ]" → ["Hoa"] when `at` is at Thao. */
function namesRunBefore(p: Prepared, at: number, min = 0): string[] {
  const out: string[] = [];
  let end = at;
  for (let i = 0; i < 6; i++) {
    const m = RE_RUN_BEFORE.exec(p.f.slice(Math.max(min, end - 50), end));
    if (!m) break;
    const from = Math.max(min, end - 50) + (m.indices?.[1] as [number, number])[0];
    const name = readName(p, from, true, true);
    if (!name) break;
    out.unshift(titleCase(name.name));
    end = from;
  }
  return out;
}

const RE_TWO_CAPITALS = /^\p{Lu}\p{Ll}*\s\p{Lu}/u;

const RE_LETTERS_ONLY = /^\p{Lu}{1,3}$/u;

const RE_COMMITTEE_NAMED = new RegExp(`^(?:ban (?:thuong vu|chap hanh|to chuc|kiem tra|tuyen giao|dan van|xay dung dang)|dang uy|uy ban|hoi dong)${WORD_END}`);
function readNames(p: Prepared, start: number): string[] {
  const f = p.f;
  const out: string[] = [];
  const next = f.startsWith("tiep", start + 1) || f.startsWith("tiep", start) ? RE_NEXT_ONES.exec(f.slice(start, start + 20)) : null;
  const from = start + (next ? next[0].length : 0);
  const lead = RE_NAME_LEAD.exec(f.slice(from, from + 40));
  let at = from + (lead ? lead[0].length : 0);
  const hadComrade = lead !== null && /(?:d\/c|d\.c|dc|dong chi|quan chung|qc)/.test(lead[0]);
  let firstUpper = false;
  for (let i = 0; i < 6; i++) {
    const comrade = hadComrade || (out.length > 0 && /(?:d\/c|d\.c|dc|dong chi)\s*$/.test(f.slice(Math.max(0, at - 10), at)));
    const name = readName(p, at, hadComrade || out.length > 0, comrade);
    if (!name) break;
    if (/^(?:trong|nam|thang|quy|la|cho|so|tong)$/i.test(name.name)) break;
    // "đang chờ Ban Thường vụ Đảng ủy xã xem xét": a committee, no member.
    if (RE_COMMITTEE_NAMED.test(f.slice(at, at + 24).trimStart())) break;
    // "đang chờ QĐ chuyển CT cho 2 đ/c: …": letters of a word cut short ("QĐ", "ĐU"), no name.
    if (RE_LETTERS_ONLY.test(name.name)) break;
    // "…, kết nạp 15/3", "…; quý này": no name; after a capitalised name, the next one without "đ/c" is capitalised too.
    const first = p.f.slice(at, at + 12).trimStart();
    if (/^(?:ai|nao)\b/.test(first)) break;
    // (Not "Đặng Thị Thu Trang", "Đàm Văn Hải": capitalised words one after another are a name.)
    if (/^(?:ket|chuyen|quy|nam|thang|hien|con|den|tu|nguoi|dang|da)\b/.test(first) && (out.length > 0 || !hadComrade) && !RE_TWO_CAPITALS.test(p.text.slice(at, at + 30).trimStart())) break;
    // "cho đ/c Lù Văn Páo, chi bộ bản Nậm Xe": where the member belongs, no second name.
    if (out.length > 0 && /^(?:chi bo|cb|thon|xom|ap|to dan pho|khu pho)\b/.test(first)) break;
    if (out.length > 0 && !comrade && /^\p{Lu}/u.test(out[0] as string) && !/^\p{Lu}/u.test(name.name)) break;
    // "(đ/c Triệu Văn Quẩy, đ/c Bàn Thị Mẩy - mới kết nạp quý này)": after capitalised names, lower-case words with no
    // "đ/c" right before them are a note, no name.
    if (out.length > 0 && firstUpper && !/^\p{Lu}/u.test(name.name) && !/(?:d\/c|d\.c|dc|dong chi)\s*$/.test(f.slice(Math.max(0, at - 10), at))) break;
    if (out.length === 0) firstUpper = /^\p{Lu}/u.test(name.name);
    out.push(titleCase(name.name));
    // "đ/c Ma Thị Thu (nữ, Tày), đ/c Hoàng Văn Lợi": a bracketed note between two names.
    const note = RE_NAME_NOTE.exec(f.slice(name.end, name.end + 80));
    const end = name.end + (note ? note[0].length : 0);
    let sep = RE_NAME_SEP.exec(f.slice(end, end + 16));
    // "Trương Văn Nhựt với Huỳnh Ngọc Trâm": "với" between two capitalised names.
    if (!sep && firstUpper) {
      const joined = RE_WITH_NAME.exec(f.slice(end, end + 8));
      if (joined && /^\p{Lu}/u.test(p.text.slice(end + joined[0].length, end + joined[0].length + 1))) sep = joined;
    }
    if (!sep) break;
    // "…, Đặng Văn Quân\n4. Kế hoạch năm 2027: …": past the line's end, a numbered line goes on the list only with a name.
    if (firstUpper && sep[0].includes("\n") && !/(?:d\/c|d\.c|dc|dong chi)\s*$/.test(sep[0]) && !RE_TWO_CAPITALS.test(p.text.slice(end + sep[0].length, end + sep[0].length + 30))) break;
    at = end + sep[0].length;
  }
  return out;
}
