/**
 * Quarterly village data (domain §4): "Số liệu thôn Đồng Mé quý 3: 142 hộ, 618 khẩu,
 * 12 hộ nghèo, 9 cận nghèo, dt 5,2 km2. Đv 31 (dự bị 2). PN 87 hv, ND 95, CCB 12, chi đoàn 24.
 * Bt kiêm trưởng thôn". Counts are read label first ("hộ 120") or count first ("120 hộ");
 * the narrower label wins a number ("hộ cận nghèo 9" is not "hộ nghèo", "hộ nghèo 18 hộ"
 * is not the households). "Không thay đổi so với quý trước" sets `unchanged`: the caller
 * keeps last quarter's values for every field the message does not state.
 */
import { NUMBER_WORDS_SOURCE, numberFromWords, parseCount, WORD_END, WORD_START } from "../text/number-words.js";
import { unitWordsOut } from "./names.js";
import { NEGATION } from "./patterns.js";
import { readQuarter } from "./period.js";
import { clauseEnd, readName, type Prepared } from "./prepare.js";
import type { ParseResult, VillageQuarterlyFields } from "./types.js";

const N = "(\\d{1,3}(?:[.,]\\d{3})+|\\d+|khong)";
// "một nghìn không trăm bốn mươi": number words with thousands.
const WORDS = `${NUMBER_WORDS_SOURCE}(?:\\s+(?:nghin|ngan)${WORD_END}(?:\\s+khong(?=\\s+tram${WORD_END}))?(?:\\s+${NUMBER_WORDS_SOURCE})?)?`;
const NUMBER_WORD = "(?:mot|hai|ba|bon|tu|nam|lam|sau|bay|tam|chin|muoi|ham|tram|linh|le|chuc)";
const N_MULTI_WORDS = `(\\d{1,3}(?:[.,]\\d{3})+|\\d+|khong|${NUMBER_WORD}(?:\\s+(?:${NUMBER_WORD}|nghin|ngan|khong(?=\\s+tram))${WORD_END})+)`;
// "ĐV 33, trong quý kết nạp 1 nay là 34": the members after one admitted, moved or dead (a verb of members, not "hộ nghèo giảm còn 12").
const RE_MEMBERS_NOW = new RegExp(`^[^;.\\n]{0,40}?${WORD_START}(?:ket nap|kn|chuyen den|chuyen ve|chuyen di|chuyen sinh hoat|tu tran|qua doi)${WORD_END}[^;.\\n]{0,24}?${WORD_START}(?:nay|hien nay|hien|nang len|len|thanh|con)\\s+(?:la\\s+|con\\s+|co\\s+|thanh\\s+)?(\\d{1,4})${WORD_END}(?!\\s?[/.]\\s?\\d|\\s?(?:ho|khau|nguoi)${WORD_END}|\\s*(?:(?:dang vien|dv|d\\/c|dc|dong chi)\\s*)?(?:du bi|db)${WORD_END})`);

// A union's members in words: "hội phụ nữ tám mươi lăm", "cựu chiến binh năm" (a single word not before a
// year or a time: "năm 2026", "năm nay").
const N_UNION = `(\\d{1,3}(?:[.,]\\d{3})+|\\d+|khong|${NUMBER_WORD}(?:\\s+(?:${NUMBER_WORD}|nghin|ngan|khong(?=\\s+tram))${WORD_END})+|(?:mot|hai|ba|bon|nam|sau|bay|tam|chin|muoi)${WORD_END}(?![ \\t]*(?:\\d|(?:nay|qua|truoc|sau|toi|moi|ngoai|hoc|nu|gioi)${WORD_END})))`;
const UNION_KEYS = new Set<string>(["women_union", "farmers_union", "veterans_union", "youth_union"]);
// Poor households and probationary members too: "hộ cận nghèo chín đảng viên …", "trong đó dự bị hai" (not "hộ nghèo
// năm 2026").
const POOR_KEYS = new Set<string>(["poor_households", "near_poor_households"]);
// Households and people may be counted in words; members are not ("hai mươi lăm đ/c" is a dues count).
const WORDS_OK = new Set<string>(["households", "population", "poor_households", "near_poor_households"]);
// Count first, a number may be in words ("một trăm lẻ năm hộ"); label first it may not ("hộ nghèo năm 2026").
// "95 phần trăm hộ nghèo": no hundred households.
const N_WORDS = `(\\d{1,3}(?:[.,]\\d{3})+|\\d+|khong|(?<!${WORD_START}phan )${WORDS})`;
// Words between a label and its number: "hộ nghèo giảm còn 7", "hội PN có 95", "đv: 31".
// "đảng viên tăng 1 (kết nạp đ/c Y Ngọc) nay là 18": the change, then the figure now; "đảng viên nay 27".
// ("Hội LHPN ấp: 265": the unit's word between the label and its colon.)
const FILL = "(?:[ \\t]*(?:(?:(?:giam|tang) )?tu \\d+ (?:(?:giam|tang) )?(?:xuong|len|con)(?: con)?|(?:tang|giam|ket nap|them|bot)(?: them)? \\d+(?: [a-z\\/]+){0,2}(?: \\([^()\\n]{0,40}\\))?,? (?:nay|hien nay|hien|thanh|con|len)(?: la| con| co| len)?|van(?: la| con| co)?|chi con|chi co|hien con|hien nay|thuong tru|nay|la|co|con|giam con|tang len|giam xuong|tang|giam|len|xuong|hien co|tong so|tong|so|=|:|(?:ap|thon|xom|ban|buon|khom|khu pho|to dan pho|tdp)(?=[ \\t]*:)))*[ \\t]*";
// A noun after the number is its unit, unless a number follows it: "ccb 6 doan vien 25" names the next count.
const TRAIL = `(?:[ \\t]*(?:ho|hv|hoi vien|nguoi|dv|doan vien|dang vien|d\\/c|dong chi|nhan khau|khau)${WORD_END}(?![ \\t]*:?[ \\t]*(?:\\d|${NUMBER_WORD}${WORD_END})))?`;
// A number not followed by what makes it something else (a fraction, a date, a decimal, an area).
const END = `(?![\\d]|[.,]\\d|\\s?\\/\\s?\\d|\\s?(?:km|ha${WORD_END}|%|m2|phan tram${WORD_END}))`;

// "quý 4 hộ 306": the 4 is the quarter.
const NOT_PERIOD = `(?<!${WORD_START}(?:quy|q|thang|nam|ngay|t)\\s?)`;

interface FieldSpec {
  key: Key;
  /** Labels before the number. */
  before: string;
  /** Labels after the number (default: `before`). */
  after?: string;
}

type Key =
  | "near_poor_households" | "poor_households" | "households" | "population" | "probationary" | "members"
  | "women_union" | "farmers_union" | "veterans_union" | "youth_union";

// Narrow labels first: each number goes to the first field that claims it.
const SPECS: FieldSpec[] = [
  { key: "near_poor_households", before: "(?:so ho can ngheo|ho can ngheo|can ngheo|hcn|cn(?=[ \\t]*:?[ \\t]*\\d+(?![\\d/])))" },
  { key: "poor_households", before: "(?:so ho ngheo|ho ngheo|ngheo|hn(?=[ \\t]*:?[ \\t]*\\d))", after: "(?:so ho ngheo|ho ngheo|ngheo)" },
  { key: "women_union", before: "(?:chi hoi phu nu|chi hoi pn|hoi lhpn|hoi phu nu|hoi pn|hpn|phu nu|pn)" },
  { key: "farmers_union", before: "(?:chi hoi nong dan|chi hoi nd|hoi nong dan|hoi nd|hnd|nong dan|nd)" },
  { key: "veterans_union", before: "(?:chi hoi ccb|chi hoi cuu chien binh|hoi ccb|hoi cuu chien binh|cuu chien binh|hccb|ccb)" },
  { key: "youth_union", before: "(?:dvtn|dv tn|chi doan thanh nien|chi doan tn|chi doan|doan thanh nien|doan tn|dtn|thanh nien|dv doan|doan vien|doan|tn|cd(?=[ \\t]*:?[ \\t]*\\d))", after: "(?:doan vien thanh nien|doan vien|dtn|chi doan|thanh nien)" },
  { key: "probationary", before: "(?:dang vien du bi|dv du bi|du bi|dbi|db)", after: "(?:(?:dang vien|dv|d\\/c|dc|dong chi)\\s+)?(?:du bi|dbi|db)" },
  // "Hộ dân: 987" (not "hộ dân tộc …", households of an ethnic group); "có 2 hộ tách mới", "3 hộ chuyển đi": a change, not the count.
  { key: "households", before: "(?:tong so ho(?: dan)?|so ho(?: dan)?|ho gia dinh|ho dan(?! toc)|ho)(?!\\s+(?:ngheo|can ngheo|dan|khau|\\s*-))", after: `(?:ho gia dinh|ho)(?!\\s+(?:ngheo|can ngheo|khau|tach|moi|chuyen|thoat)${WORD_END})` },
  { key: "population", before: "(?:dan so|so nhan khau|nhan khau|so khau|so dan|khau|so nguoi)", after: "(?:nhan khau|khau|nguoi|dan|nk)" },
  {
    key: "members",
    before: "(?:tong so dang vien|tong so dv|so dang vien|so dv|dang vien|ddv|dv|chi bo co|chi bo|cb co|cb)(?!\\s*(?:du bi|doan))",
    after: "(?:dang vien|dv|d\\/c|dong chi)(?!\\s*(?:du bi|doan|moi))",
  },
];

interface Compiled {
  key: Key;
  /** Words one of which every label of the field holds (before or after its number); none in the text, no reading. */
  needs?: readonly string[];
  labelFirst: RegExp;
  countFirst: RegExp;
}

// "chi bộ có mười đảng viên", "đảng viên chín đồng chí": one number word with its member noun after it.
// ("Bí thư chi bộ không kiêm trưởng ấp": a "không" that denies a post, no count.)
const N_MEMBERS = `(\\d{1,3}(?:[.,]\\d{3})+|\\d+|khong(?!\\s+(?:kiem|phai|la|dong thoi|giu|dam nhiem)${WORD_END})|${NUMBER_WORD}(?:\\s+${NUMBER_WORD}${WORD_END})+|${NUMBER_WORD}(?=\\s+(?:dang vien|dv|dong chi|d\\/c)${WORD_END}))`;
// "mười chín đảng viên trong đó một đồng chí dự bị": a part of the members, in words.
const N_PART = `(\\d{1,3}(?:[.,]\\d{3})+|\\d+|khong|(?<=${WORD_START}(?:trong do\\s(?:co\\s)?|dang vien\\s|dv\\s|(?:dong chi|dc)\\s(?:co\\s)?))(?:${NUMBER_WORDS_SOURCE}))`;
// "mười bốn đảng viên": members in words, before the party member noun (not "đ/c", a count of those who paid).
const N_MEMBERS_FIRST = `(\\d{1,3}(?:[.,]\\d{3})+|\\d+|khong|${NUMBER_WORDS_SOURCE}(?=\\s+(?:dang vien|dv)${WORD_END}))`;
// "giảm 2 hộ", "tăng 3 khẩu", "chuyển đến 2 đ/c": a change, no count.
const NOT_CHANGE = `(?<!${WORD_START}(?:tang|giam|them|bot|tach|ket nap|kn|chuyen den|chuyen di|chuyen ve)\\s)`;
// Words every label of these fields holds ("hcn" holds "cn", "hội LHPN" "pn", "dbi" "db"): a cheap test before their patterns.
const NEEDS: Partial<Record<Key, readonly string[]>> = {
  near_poor_households: ["ngheo", "cn"],
  poor_households: ["ngheo", "hn"],
  women_union: ["pn", "phu nu"],
  farmers_union: ["nd", "nong dan"],
  veterans_union: ["ccb", "cuu chien binh"],
  youth_union: ["doan", "tn", "thanh nien", "cd"],
  probationary: ["db", "du bi"],
};
const COMPILED: Compiled[] = SPECS.map((s) => ({
  key: s.key,
  needs: NEEDS[s.key],
  // Label first, a count in words must be two words or more ("hộ nghèo bốn mươi mốt"; "hộ nghèo năm 2026" is a year).
  labelFirst: new RegExp(`${WORD_START}${s.before}${FILL}${s.key === "members" ? N_MEMBERS : POOR_KEYS.has(s.key) || UNION_KEYS.has(s.key) || s.key === "probationary" ? N_UNION : WORDS_OK.has(s.key) ? N_MULTI_WORDS : N}${END}${TRAIL}`, "g"),
  countFirst: new RegExp(`(?=[\\dbchklmnst])(?<![\\d.,a-z])(?<!\\d\\s?\\/\\s?)${NOT_PERIOD}${NOT_CHANGE}${WORDS_OK.has(s.key) ? N_WORDS : s.key === "probationary" ? N_PART : s.key === "members" ? N_MEMBERS_FIRST : N}${END}[ \\t]*(?:hv|hoi vien[ \\t]+)?${s.after ?? s.before}${WORD_END}`, "g"),
}));

// On one line: "Hộ nghèo: không có" over "Cận nghèo: 3" says nothing of the near-poor.
const RE_NONE_POOR = new RegExp(`${WORD_START}(?:khong|ko|k|kg|hok)[ \\t]+(?:con[ \\t]+)?(?:co[ \\t]+)?(?:ho[ \\t]+)?(can ngheo|ngheo)${WORD_END}`, "g");
// "hộ nghèo ko có, cận nghèo 2", "hộ cận nghèo: không": the label, then none, closing its clause.
const RE_POOR_NONE_AFTER = /\b(?:ho[ \t]+)?(can ngheo|ngheo)[ \t]*:?[ \t]*(?:(?:khong|ko|k|kg|hok|hong)(?:[ \t]+(?:con|co))?(?:[ \t]+ho)?(?:[ \t]+nao)?)(?=[ \t]*(?:[,;.\n)]|$))/g;
const RE_POOR_LABEL_BEFORE = /\b(?:ho[ \t]+)?(can ngheo|ngheo)[ \t]*:?[ \t]*$/;
// "không có hộ nghèo và hộ cận nghèo", "ko có hộ nghèo, cận nghèo": the second kind is none too.
// ("không còn hộ nghèo, cận nghèo 2 hộ", "…, hộ cận nghèo còn 4 hộ": that one has its own number).
const RE_NONE_POOR_TOO = new RegExp(`^[ \\t]*(?:va|cung nhu|cung|,|\\/)[ \\t]*(?:ho[ \\t]+)?(can ngheo)${WORD_END}(?!${FILL}(?:\\d|${NUMBER_WORD}${WORD_END}))`);
// "không có hội nông dân", "không có chi hội CCB": zero members; "không có CCB": no veteran, the union unsaid.
// "ko có HND vì là tổ dân phố": the union's own abbreviation.
const RE_NONE_UNION = new RegExp(`${WORD_START}(?:khong|ko|k|kg|chua)\\s+(?:co\\s+)?(?:(?:chi\\s+)?hoi\\s+(?:vien\\s+)?(phu nu|pn|nong dan|nd|ccb|cuu chien binh)|(hpn|hnd)|(ccb|hccb|cuu chien binh)|(chi doan|doan thanh nien|dtn))${WORD_END}`, "g");
const NONE_UNION_KEY: Record<string, Key> = {
  "phu nu": "women_union", pn: "women_union", hpn: "women_union", "nong dan": "farmers_union", nd: "farmers_union", hnd: "farmers_union",
  ccb: "veterans_union", "cuu chien binh": "veterans_union",
};
// ("đảng viên 33 chính thức 31 dự bị 2": "chính thức" with a count of its own parts the 33.)
const RE_OFFICIAL = /^[ \t]*chinh thuc\b(?![ \t]*:?[ \t]*\d+[ \t]*,?[ \t]*(?:du bi|db)[ \t]*:?[ \t]*\d)/;
// ("Đảng viên: 71 (100% là đảng viên chính thức)": all of them, as a share.)
const RE_ALL_OFFICIAL = /^[ \t,(]*(?:deu|tat ca|ca|toan bo|100[ \t]?%)[ \t]+(?:deu[ \t]+)?(?:la[ \t]+)?(?:dang vien[ \t]+|dv[ \t]+)?chinh thuc\b/;
// ("dv: 25, du bi k co", "dự bị: không": the label, then none.)
const RE_NONE_PROBATIONARY = /\b(?:khong|ko|k|kg|chua|hong|hok)\s+(?:co\s+)?(?:dang vien\s+|dv\s+|dong chi\s+|dc\s+|ai\s+)?(?:du bi|dbi|db)\b|\b(?:du bi|dbi|db)\s*:?\s*(?:khong|ko|k|kg|chua|hong|hok)(?:\s+co)?(?:\s+ai)?\s*(?=[,;.)\n]|$)/;
// A target, its clause up to a figure said of now ("phấn đấu giảm 2 hộ nghèo, hiện còn 5 hộ"): "phấn đấu", "dự kiến"
// always; "chỉ tiêu", "kế hoạch", "mục tiêu" with a verb of change close after ("chỉ tiêu năm 2027 giảm 2 hộ nghèo";
// "các chỉ tiêu khác không đổi, hộ nghèo từ 52 giảm xuống 47" are the figures).
const RE_TARGET_WORD = /phan dau|du kien|du dinh|chi tieu|ke hoach|muc tieu/;
const RE_TARGET = /\b(?:(phan dau|du kien|du dinh)|chi tieu|ke hoach|muc tieu)\b/g;
const RE_TARGET_VERB = new RegExp(`^[a-z]+(?: [^\\s,;:]+){0,3}? (?:giam|tang|thoat|xoa|dat|phan dau|ket nap)${WORD_END}`);
const RE_NOW_AFTER_TARGET = /,\s*(?:hien nay|hien|nay|thuc te|trong quy|quy nay)\b/;
// "512 hecta", "Diện tích (ha): 965": the unit after the number, or in brackets after the label. ("ĐT: 0274 3 812 905" is a
// telephone: no area opens with a 0 and another digit.)
// "diện tích tự nhiên toàn bản 1.520 ha": the village named after the label. "2.345,6 ha": a thousands stop and a decimal comma.
const AREA_NUMBER = `\\d{1,3}(?:\\.\\d{3})+,\\d+|\\d{1,3}(?:,\\d{3})+\\.\\d+|\\d{1,3}[.,]\\d{3}(?=\\s*(?:ha|hecta|hec ta)${WORD_END})|\\d+(?:[.,]\\d+)?`;
// ("Diện tích TN (ha): 338,8": "tự nhiên" in its letters.)
const RE_AREA = new RegExp(
  `(?:${WORD_START}dt|dien tich)\\s*(?:tu nhien|dat|tn(?![a-z]))?(?:\\s+(?:toan|ca|cua)\\s+(?:thon|ban|xom|ap|buon|lang|khu pho|khu|khom|plei|soc|to dan pho|tdp|kp|to))?\\s*(?:(?:\\(|(?=(?:km2|ha)\\s*:))(km2|ha|hecta)\\)?\\s*)?(?:la|khoang|:)?\\s*:?\\s*(?!0\\d)(${AREA_NUMBER})\\s*(km2|km vuong|km|ha|hecta|hec ta)?|(${AREA_NUMBER})\\s*(km2|km vuong|ha|hecta|hec ta)${WORD_END}`,
);
const RE_AREA_G = new RegExp(RE_AREA.source, "g");

/** The area: labelled ("diện tích tự nhiên 9,7km2") over a crop's hectares said before it ("trồng 35ha cà phê mới"). */
function readArea(f: string): RegExpExecArray | null {
  const found = labelledOrFirstArea(f);
  // "85 ha lúa xuân": a crop's hectares, no village's area.
  if (!found || found[2] !== undefined || !RE_CROP_AFTER.test(f.slice(found.index + found[0].length, found.index + found[0].length + 16))) return found;
  RE_AREA_G.lastIndex = found.index + found[0].length;
  for (let m = RE_AREA_G.exec(f); m; m = RE_AREA_G.exec(f)) if (m[2] !== undefined || !RE_CROP_AFTER.test(f.slice(m.index + m[0].length, m.index + m[0].length + 16))) return m;
  return null;
}
const RE_HALF_AFTER = new RegExp(`^\\s*ruoi${WORD_END}`);
const RE_CROP_AFTER = /^\s*(?:lua|ngo|che|ca phe|cao su|rung|mau|hoa mau|cay|lac|san|mia|tieu|dieu|rau|khoai|dat (?:lua|trong|rung)|trong (?!do\b|so\b|nam\b|thon\b|xa\b)|nuoi)\b/;

function labelledOrFirstArea(f: string): RegExpExecArray | null {
  const first = RE_AREA.exec(f);
  if (!first || first[2] !== undefined || !/\b(?:dt|dien tich)\b/.test(f)) return first;
  RE_AREA_G.lastIndex = 0;
  for (let m = RE_AREA_G.exec(f); m; m = RE_AREA_G.exec(f)) if (m[2] !== undefined) return m;
  return first;
}

// "trưởng KP": a khu phố's head.
// "thôn trưởng", "ấp trưởng": the title said the other way round.
// ("trg thôn": the title shortened.)
// ("Trưởng ban công tác Mặt trận": a committee's head, no village's.)
// ("trưởng bon": the M'Nông village.)
const HEAD_TITLE = "(?:(?:truong|trg) (?:thon|ban(?! (?:cong tac|mat tran|dieu hanh|thanh tra|chi dao|van dong|bao ve|quan ly))|khu pho|khu|kp|xom|buon|bon|lang|ap|plei|soc|khom|to dan pho|tdp)|(?:thon|ban|xom|buon|bon|lang|ap|plei|soc|khom) truong|to truong(?: (?:tdp|to dan pho|kp|khu pho))?|tt)";
// "Bts kiêm trưởng ấp": "BT" with the tone key of a Telex typist after it.
const SECRETARY = "(?:bts?|bi thu|b\\/t)";
// "Bí thư chi bộ: đồng chí Hoàng Văn Ngọc, không kiêm trưởng thôn": the secretary named, then the words (not a deputy's:
// "…, phó bí thư đ/c B kiêm trưởng thôn"). "Tổ trưởng tổ dân phố chính là đồng chí Bí thư chi bộ": the head, then the secretary.
const SECRETARY_GAP = "(?:(?!pho\\s)[^.;\\n]){0,50}?";
const HEAD_IS_SECRETARY = `${WORD_START}${HEAD_TITLE}\\s+(?:[a-z]+\\s+){0,3}?(?:kiem|dong thoi la|cung la|chinh la|la|do)\\s+(?:luon\\s+)?(?:(?:dong chi|d\\/c|dc)\\s+)?(?:bt|bi thu)${WORD_END}(?!\\s+(?:chi doan|doan))`;
// "Người báo cáo: Nguyễn Văn Hòa – Bí thư chi bộ, Trưởng khu phố": the two titles of one signer, side by side.
const RE_HEAD = new RegExp(`${WORD_START}${SECRETARY}${WORD_END}${SECRETARY_GAP}${WORD_START}(?:kiem|kiem nhiem|dong thoi la|dong thoi|cung la|la|kiem luon)\\s+(?:luon\\s+)?${HEAD_TITLE}${WORD_END}|${HEAD_IS_SECRETARY}|${WORD_START}nhat the hoa${WORD_END}|${WORD_START}(?:bi thu|bt)(?:\\s+(?:chi bo|cb))?\\s*(?:,|\\/|&)\\s*${HEAD_TITLE}\\s*(?:\\n|$)`);
// "bí thư hông có kiêm trưởng ấp": "có" after the negation, said in speech.
// ("tui hổng có kiêm trưởng ấp nha": the one reporting, the secretary, does not head the village.)
// ("trưởng bon là Điểu K'Lang, bí thư là tôi (Thị Hạnh) ko kiêm nhiệm": no title after the "not", at the clause's end.)
const RE_HEAD_NEG = new RegExp(`${WORD_START}(?:em|e|toi|minh|tui)\\s+${NEGATION}\\s+(?:co\\s+)?(?:kiem|lam|giu)\\s+(?:luon\\s+)?${HEAD_TITLE}${WORD_END}|${WORD_START}${SECRETARY}${WORD_END}${SECRETARY_GAP}${WORD_START}${NEGATION}\\s+(?:con\\s+)?(?:co\\s+)?(?:kiem|phai la|la|dong thoi la|kiem nhiem|lam|giu|dam nhiem)\\s+${HEAD_TITLE}${WORD_END}|${WORD_START}${HEAD_TITLE}\\s+(?:[a-z]+\\s+){0,3}?${NEGATION}\\s+(?:phai\\s+(?:la\\s+)?|(?:la|kiem)\\s+)(?:(?:dong chi|d\\/c|dc)\\s+)?(?:bt|bi thu)${WORD_END}|${WORD_START}${SECRETARY}${WORD_END}[^.;\\n]{0,30}?${WORD_START}${NEGATION}\\s+kiem(?:\\s+nhiem)?(?=\\s*(?:[.,;\\n]|$))`);
// "Em kiêm luôn trưởng ấp", "em cũng là trưởng thôn": the one reporting, the secretary, heads the village too.
// "Tui vừa làm bí thư vừa làm trưởng ấp luôn": both, said with "vừa … vừa …".
const RE_SPEAKER_HEAD = new RegExp(`${WORD_START}(?:em|e|toi|minh|tui)\\s+(?:cung\\s+|dong thoi\\s+|con\\s+|van\\s+)?(?:kiem(?:\\s+nhiem)?|cung la|dong thoi la)\\s+(?:luon\\s+)?(?:ca\\s+)?${HEAD_TITLE}${WORD_END}|${WORD_START}vua\\s+(?:lam\\s+|la\\s+)?(?:bi thu|bt)(?:\\s+(?:chi bo|cb))?\\s+vua\\s+(?:lam\\s+|la\\s+)?${HEAD_TITLE}${WORD_END}`);
// "Trưởng buôn là già Y Bhăm, em chỉ làm bí thư", "Tổ trưởng tổ dân phố là ông Lê Văn Sơn, bí thư chi bộ là đ/c Trần Thị Hạnh":
// the head named as one person, the secretary as another.
const RE_HEAD_NAMED = new RegExp(`${WORD_START}${HEAD_TITLE}(?:\\s+(?:moi|hien nay|hien tai|hien))?\\s*(?:la|:)\\s*(?:(?:ong|anh|ba|chi|gia|co|chu|bac|dong chi|d\\/c|dc)\\s+)?(?=\\S)`, "g");
// ("Bí thư chi bộ (đ/c Rơ Mah Hlim) kiêm …; Trưởng plei là đ/c Siu Nguyên": the secretary named in brackets.)
const RE_SECRETARY_OTHER = new RegExp(`${WORD_START}(?:bi thu|bt)(?:\\s+(?:chi bo|cb))?(?:\\s+(?:moi|hien nay))?(?:\\s*(?:la|:)\\s*|\\s*\\(\\s*)(?:em|e|toi|minh|ong|anh|ba|chi|dong chi|d\\/c|dc)${WORD_END}|${WORD_START}(?:em|e|toi|minh)\\s+(?:chi\\s+)?(?:lam|la)\\s+(?:bi thu|bt)${WORD_END}`);
const RE_HEAD_ALSO_SECRETARY = /\b(?:kiem|dong thoi|cung la|chinh la)\b/;

/** Whether the village's head is named as someone (a capitalised name) and the secretary as another. */
function headIsAnother(p: Prepared): boolean {
  const other = RE_SECRETARY_OTHER.test(p.f);
  if (!other && !p.f.includes("phai")) return false;
  RE_HEAD_NAMED.lastIndex = 0;
  for (let m = RE_HEAD_NAMED.exec(p.f); m; m = RE_HEAD_NAMED.exec(p.f)) {
    const at = m.index + m[0].length;
    if (!/^\p{Lu}/u.test(p.text.slice(at, at + 1))) continue;
    const clause = p.f.slice(at, at + 60).split(/[.;\n]/)[0] as string;
    if (RE_HEAD_ALSO_SECRETARY.test(clause)) continue;
    // "Trưởng xóm mới là đ/c Bùi Văn Thiện, không phải bí thư": the head named, then said not to be the secretary.
    if (other || RE_NOT_SECRETARY.test(clause)) return true;
  }
  return false;
}
const RE_NOT_SECRETARY = /\b(?:khong|ko|k|kg|hong|hok)\s+phai\s+(?:la\s+)?(?:bt|bi thu)\b/;

// "Bí thư kiêm trưởng thôn: không" — a labelled line answered yes or no.
const RE_HEAD_ANSWER = new RegExp(`${WORD_START}${SECRETARY}${WORD_END}[^.;:\\n]{0,20}?${WORD_START}(?:kiem|kiem nhiem|dong thoi la)\\s+${HEAD_TITLE}${WORD_END}\\s*:\\s*(co|khong|ko|k|kg|chua|dung|x|[01](?![\\d.,]))${WORD_END}`);
const RE_UNCHANGED =
  new RegExp(`${WORD_START}(?:khong|ko|k|kg|hok|chua)\\s+(?:co\\s+)?(?:gi\\s+)?(?:thay doi|bien dong|doi)${WORD_END}|${WORD_START}(?:nhu|giong|giu nhu)\\s+(?:quy truoc|quy\\s+(?:iv|iii|ii|i|\\d)|cu|lan truoc|ky truoc)${WORD_END}|${WORD_START}giu nguyen${WORD_END}`);
// The kinds of village: thôn, bản, xóm, tổ dân phố, khu, buôn, làng, ấp, plei, sóc.
// "Thôn | Nặm Đăm": a row of a table of two columns, as "Thôn: Nặm Đăm".
// "THÔNG TIN CƠ BẢN TỔ DÂN PHỐ": "cơ bản" (basic), no bản.
// "KP Thanh Binh quy 2: …": khu phố shortened, like "TDP".
// ("bon Bu Sir", "Bon Păng So": the M'Nông villages of Đắk Nông are "bon", their name capitalised after it.)
const RE_VILLAGE = /\b(?:thon|(?<!\b(?:co|bien)\s)ban|xom|tdp|to dan pho|khu pho|khoi pho|kp|khu dan cu|khu|khom|buon|bon|lang|ap|plei|soc)(?:[ \t]*[:|])?[ \t]+/g;
// "Tổ 5 (đặc khu Phú Quốc) số liệu quý 4": a tổ dân phố said "tổ" and its number, opening the message ("đặc khu" is the
// commune's kind, no khu).
const RE_TO_OPENS = /^[ \t]*to[ \t]+(?:so[ \t]+)?\d{1,2}\b(?![.,\/]\d)/;
// Folded kinds that are also other words ("buồn", "láng"): with marks, only these; "ban" without them may be
// typed without marks ("so lieu ban Ta Lenh"), but not before a committee's name ("Ban Tổ chức").
const RE_CAPITAL_AT = /^\p{Lu}/u;
const KIND_AS_WRITTEN: Record<string, RegExp> = { khom: /^khóm$/i, ban: /^bản$/i, buon: /^buôn$/i, bon: /^bon$/i, lang: /^làng$/i, ap: /^ấp$/i, soc: /^sóc$/i };
// "tổ dân phố 5", "tổ dân phố số 9", "xóm 5 Thanh Đồng": a number names some villages.
// "Khóm 6, phường 8": a comma after the number ends it ("6,5 km2" is no number of a village).
// ("SỐ 12⇥⇥Hà Nội, ngày …": a column's gap after the number, no noun of it.)
const COUNT_NOUN_AHEAD = `(?! {2}|\\t)[ \\t]*(?:ho|khau|nhan khau|nguoi|dv|dang vien|ha|km)${WORD_END}`;
const RE_VILLAGE_NUMBER = new RegExp(`^(?:so )?\\d{1,2}(?![\\d\\/]|[.,]\\d|${COUNT_NOUN_AHEAD})`);
// "tổ dân phố Tân Lập 4" (a number ends some names), but "thôn Bản Pình 49 hộ" (a count).
const RE_TRAILING_NUMBER = new RegExp(`^ \\d{1,2}${WORD_END}(?![\\/.,]\\d|${COUNT_NOUN_AHEAD})`);
// A name is no quarter: "Thôn Séo Mý Tỷ Q3", "THÔN QUÝ II".
const RE_QUARTER_AHEAD = /^(?:q|quy)\b/;
const RE_COMMITTEE = new RegExp(`^ (?:to chuc|chap hanh|tuyen giao|kiem tra|dan van|cong tac|chi dao|thuong vu|quan ly|chi huy|dai dien|van dong|giam sat)${WORD_END}`);
// "Tên ấp: Kinh Hải": a line naming the village.
const RE_NAME_LINE = /\bten\s*(?:thon|ban|xom|tdp|to dan pho|khu pho|khu dan cu|khu|khom|buon|lang|ap|plei|soc)\s*[:|]/;
const RE_MARKED = /[\u00c0-\u024f\u1e00-\u1eff]/;
const RE_GLUED_VILLAGE = new RegExp(`${WORD_START}(?:kp|tdp)\\s?\\d{1,2}${WORD_END}(?![\\/.,]\\d)`);
const RE_KIND_LABEL_LINE = /\n[ \t]*(?:thon|ban|xom|tdp|to dan pho|khu pho|khu dan cu|khom|buon|lang|ap|plei|soc)[ \t]*:/;
/** The line at `at` is written in capitals (a form's title). */
function isCapitalLine(text: string, at: number): boolean {
  const line = text.slice(text.lastIndexOf("\n", at - 1) + 1, (text.indexOf("\n", at) + 1 || text.length + 1) - 1);
  return line === line.toUpperCase() && line !== line.toLowerCase();
}
const RE_ADDRESSED_TO = /^\s*kinh gui\b[^,.;:]*\b(?:xa|phuong|thi tran|dang uy|dux|vp|van phong)\b[^,.;:]*$/;
const RE_KIND_AHEAD = /^(?:thon|ban|xom|to dan pho|khu pho|khu dan cu|khom|buon|lang|ap|plei|soc) /;
const RE_NAME_QUARTER = /(?:^|\s)(?:q|quy)$/i;
const RE_QUARTER_NEXT = new RegExp(`^\\s(?:quy|q)\\s?(?:\\d|i|v|mot|hai|ba|bon|tu)${WORD_END}`);

// A number right after a label, then a separator: that label's own number, written label first.
const RE_OWN_NUMBER_AFTER = /^[ \t]*:?[ \t]*\d+(?:[.,]\d+)*(?![.,]?\d)[ \t]*(?:[,.;()\n]|$)/;
// Counts in digits or in words ("một trăm linh hai hộ sáu trăm ba mươi lăm khẩu").
const RE_STYLE_COUNT_FIRST = new RegExp(`(?=[\\dbchlmnst])(?<![\\d.,/a-z])(?<!${WORD_START}(?:quy|q|thang|nam|ngay|t)\\s?)(?:\\d+(?:[.,]\\d{3})*|${NUMBER_WORD}(?:\\s+${NUMBER_WORD})+)[ \\t]*(?:ho|khau|nhan khau|nguoi|dv|dang vien)${WORD_END}`);
const RE_STYLE_LABEL_FIRST = new RegExp(`${WORD_START}(?:ho|khau|nhan khau|dan so|dv|dang vien)[ \\t]*:?[ \\t]*(?:\\d|${NUMBER_WORD}\\s+${NUMBER_WORD})`);

// Any label, then the words between a label and its number, right before a number.
const RE_LABEL_BEFORE = new RegExp(`(?<![a-z0-9])(?:${SPECS.map((s) => s.before).join("|")})${FILL}$`);
const RE_ENDS_WITH_NUMBER = new RegExp(`(?<![\\d.,])(?:\\d+(?:[.,]\\d+)*|${WORD_START}(?<!phan )(?:${NUMBER_WORD}\\s+)*${NUMBER_WORD})[ \\t]*$`);
// "dự bị không hội phụ nữ …": "không" answers a label as its number does ("không có …" does not).
const RE_NUMBER_NEXT = new RegExp(`^${FILL}(?:\\d|${NUMBER_WORD}${WORD_END}|khong${WORD_END}(?![ \\t]+(?:co|thay|doi|bien|ai|kiem)${WORD_END}))`);

/**
 * Whether a label stands right before the number at `at`, with no number before that label to be its own:
 * none, or one that is the label's before it ("hộ nghèo 25 hộ cận nghèo 7 đảng viên 11 hội phụ nữ 48": the 7 is
 * the near-poor's, so the 11 is the members').
 */
function onlyLabelBefore(f: string, at: number, depth = 0): boolean {
  const from = Math.max(0, at - 48);
  const l = RE_LABEL_BEFORE.exec(f.slice(from, at));
  if (!l) return false;
  const start = from + l.index;
  const window = Math.max(0, start - 40);
  const n = RE_ENDS_WITH_NUMBER.exec(f.slice(window, start));
  if (!n) return true;
  return depth < 8 && onlyLabelBefore(f, window + n.index, depth + 1);
}

/** Whether the message puts counts before their labels ("88 hộ 392 khẩu"), judged by its first such pair. */
function countFirstStyle(f: string): boolean {
  const c = RE_STYLE_COUNT_FIRST.exec(f);
  if (!c) return false;
  const l = RE_STYLE_LABEL_FIRST.exec(f);
  return !l || c.index < l.index;
}

function num(s: string): number | null {
  if (s === "khong") return 0;
  const n = Number(s.replace(/[.,](?=\d{3}\b)/g, ""));
  if (Number.isFinite(n)) return n;
  // "một nghìn không trăm bốn mươi": thousands, then the rest ("không trăm linh năm" is five).
  const k = RE_THOUSAND.exec(s);
  if (!k) return parseCount(s);
  const thousands = parseCount(s.slice(0, k.index));
  const rest = s.slice(k.index + k[0].length).replace(RE_NO_HUNDREDS, "").trim();
  const tail = rest === "" ? 0 : parseCount(rest);
  return thousands === null || tail === null ? null : thousands * 1000 + tail;
}
const RE_THOUSAND = /\s+(?:nghin|ngan)\b/;
const RE_NO_HUNDREDS = /^\s*khong\s+tram\s*(?:(?:linh|le)\s+)?/;

const RE_ANY_CAPITAL = /\p{Lu}/u;
// Words that end a village's name typed all in lower case: a period, a label, a count.
const RE_LOWER_NAME = new RegExp(`^(?:[a-z]+ ){0,2}?[a-z]+(?= (?:quy|q\\s?\\d|nam|thang|so|co|gom|ho|dan|nhan|khau|dang|dv|chi|xa|phuong|bao)${WORD_END}|\\s*[:,.;\\n(-])`);
// "nam" is a year ("năm nay"), or the first word of a name ("ban nam lanh": bản Nậm Lành).
const RE_NOT_LOWER_NAME = new RegExp(`^(?:so|co|gom|ho|quy|bao|cao|la|da|chua|khong|ko|cua|xa|phuong)${WORD_END}|^nam${WORD_END}(?! (?!nay|truoc|qua|ngoai|toi|sau)[a-z])`);

/** "thon dong cong quy 3 …": a name typed without capitals, up to three words before a period or a label. */
function lowerName(f: string, from: number): { name: string; end: number } | null {
  const m = RE_LOWER_NAME.exec(f.slice(from, from + 40));
  if (!m || RE_NOT_LOWER_NAME.test(m[0])) return null;
  return { name: m[0], end: from + m[0].length };
}

/**
 * The village as written: its kind and its name ("thôn Nà Làng", "tổ dân phố số 9", "Bản Cu Pua"). A name on a
 * "Tên thôn:" line wins over a heading ("CHI BỘ ẤP KINH HẢI … Tên ấp: Kinh Hải"); a village in brackets gives way to
 * one named outside them ("(cán bộ phụ trách thôn Làng Chạp, Khe Cam, Ngòi Ván) báo cáo … thôn Ngòi Ván").
 */
const RE_QUARTER_SAID = /\b(?:quy|q)\s?(?:iv|iii|ii|i|[1-4]|mot|hai|ba|bon|tu|nay|vua qua|vua roi)\b/;
const RE_REPORT_SAID = /\b(?:bao cao|bc|so lieu|gui|cap nhat)\b/;
const RE_YEARS_STORY = new RegExp(`${WORD_START}(?:nhung|nhieu|may|muoi) nam (?:qua|gan day|tro lai day)${WORD_END}`);
const RE_FROM_THEN_TO_NOW = /\btu \d+[^.;:\n]{0,40}?\b(?:nay|den nay)\s+(?:chi\s+)?(?:con|da co|da len|len|tang len|giam con)\b/;
const RE_UNIT_LETTER = /^(?:P|X|TT|Q|H|TP)$/;

const RE_COLON_NEXT = /^\s*:/;
const RE_FORM_LABEL = /^(?:Xã|Phường|Huyện|Tỉnh|Ngày|Quý|Kỳ|Năm|XÃ|PHƯỜNG|HUYỆN|TỈNH)$/;

const RE_COLUMN_GAP = / {2,}|\t/;
function readVillage(p: Prepared): string | null {
  const f = p.f;
  // A message typed with marks that writes "Ban" without them, capitalised, means a committee ("Kính gửi Ban Xây
  // dựng Đảng"); "sl quys 3 ban Phieng Luong" is a bản typed without marks.
  const marked = RE_MARKED.test(p.text);
  let aside: string | null = null;
  let first: string | null = null;
  let firstInTitle = false;
  /** A "Tên TDP:" label was passed, its name written with its kind: the next match is the one it names. */
  let named = false;
  RE_VILLAGE.lastIndex = 0;
  let v: RegExpExecArray | null;
  while ((v = RE_VILLAGE.exec(f))) {
    const kindEnd = v.index + (/^[a-z]+(?: [a-z]+)*/.exec(v[0]) as RegExpExecArray)[0].length;
    const kind = f.slice(v.index, kindEnd);
    if (kind === "khu" && f.slice(Math.max(0, v.index - 4), v.index) === "dac ") continue;
    const check = KIND_AS_WRITTEN[kind];
    const written = p.text.slice(v.index, kindEnd);
    if (check && (RE_MARKED.test(written) ? !check.test(written) : (marked && written[0] === "B") || RE_COMMITTEE.test(f.slice(kindEnd, kindEnd + 16)))) continue;
    const from = v.index + v[0].length;
    if (RE_QUARTER_AHEAD.test(f.slice(from, from + 5))) continue;
    // ("bon dc vang", "bon muoi": "bốn" typed without marks, no name after it.)
    if (kind === "bon" && !RE_CAPITAL_AT.test(p.text.slice(from, from + 2))) continue;
    // "Kính gửi Văn phòng Đảng ủy xã Bản Xèo,": the commune the report goes to, no village.
    if (RE_ADDRESSED_TO.test(f.slice(f.lastIndexOf("\n", v.index) + 1, v.index))) continue;
    const labelled = /[:|]/.test(v[0]);
    let end = from;
    const numbered = RE_VILLAGE_NUMBER.exec(f.slice(from, from + 24));
    if (numbered) end = from + numbered[0].length;
    let name = readName(p, numbered ? end + 1 : from, false) ?? (numbered || RE_ANY_CAPITAL.test(p.text) ? null : lowerName(f, from));
    // "TDP số 8 P. Cốc Lếu": the ward's or the commune's letter, no part of the name.
    if (name && RE_UNIT_LETTER.test(name.name) && p.text[name.end] === ".") name = null;
    // "Khu phố 4  Phường Tân Định": after a number, a form's next label opens no name.
    if (name && numbered && RE_FORM_LABEL.test(name.name.split(" ")[0] as string)) name = null;
    if (name && (!numbered || p.text[end] === " ")) {
      let nameEnd = name.end;
      // "Tên bản: Bản Co Mận Xã: Mường Pồn": a form's next label, its colon after it, closes the name.
      if (RE_COLON_NEXT.test(p.text.slice(nameEnd, nameEnd + 3))) {
        const space = p.text.lastIndexOf(" ", nameEnd - 1);
        // (Written with its marks: "Xa", "Phuong" typed without them may be a name's last word.)
        if (space > from && RE_FORM_LABEL.test(p.text.slice(space + 1, nameEnd))) nameEnd = space;
      }
      const words = p.text.slice(from, nameEnd);
      // ("Ấp Tân Quy quý 3": the quarter comes after, so "Quy" is the name's.)
      const quarter = RE_QUARTER_NEXT.test(f.slice(name.end, name.end + 6)) ? null : RE_NAME_QUARTER.exec(words);
      if (quarter) nameEnd = from + quarter.index;
      if (nameEnd > from) end = nameEnd;
      // "tổ dân phố Tân Lập 4": a number ends some names.
      const trailing = !numbered && nameEnd === name.end ? RE_TRAILING_NUMBER.exec(f.slice(nameEnd, nameEnd + 16)) : null;
      if (trailing) end += trailing[0].length;
    }
    // "CHI BỘ TỔ DÂN PHỐ SỐ 21⇥⇥Hòa Cường, ngày 05 tháng 10 …": a header's two columns, a run of blanks between; the name
    // ends at it.
    const gap = RE_COLUMN_GAP.exec(p.text.slice(from, end));
    if (gap && gap.index > 0) end = from + gap.index;
    // "Khu dân cư: Tổ dân phố Đông Nam 2": the name written with its kind, read whole by the next match.
    if (labelled && RE_KIND_AHEAD.test(f.slice(from, from + 12))) {
      named = true;
      continue;
    }
    if (end === from) continue;
    // "Tên thôn: Khau Cải": the name; "Thôn: Bản Cầu": the name, a kind already; "Thôn: Xa Rường": thôn Xa Rường.
    // "Tên TDP: Tổ dân phố số 7": the name written with its kind, read whole by the next match.
    if (labelled && /\bten\s*$/.test(f.slice(Math.max(0, v.index - 6), v.index))) {
      if (RE_KIND_AHEAD.test(f.slice(from, from + 12))) {
        named = true;
        continue;
      }
      return p.text.slice(from, end);
    }
    let found: string;
    if (!labelled) found = p.text.slice(v.index, end);
    else {
      RE_VILLAGE.lastIndex = 0;
      const inner = RE_VILLAGE.exec(f.slice(from, end));
      RE_VILLAGE.lastIndex = from;
      found = inner && inner.index === 0 ? p.text.slice(from, end) : `${p.text.slice(v.index, kindEnd).toLowerCase()} ${p.text.slice(from, end)}`;
    }
    // "PHIẾU CẬP NHẬT SỐ LIỆU THÔN HẰNG QUÝ⏎…⏎Thôn: Azứt": a form's title names the kind, its labelled line the village.
    const inTitle = !labelled && isCapitalLine(p.text, v.index);
    if (f.lastIndexOf("(", v.index) > f.lastIndexOf(")", v.index)) aside ??= found;
    else if (first === null || (firstInTitle && (labelled || named))) {
      first = found;
      firstInTitle = inTitle;
    }
    // Only a "Tên thôn:" line further on would take the place of the first (or a labelled one, of a title's).
    if (first !== null && !RE_NAME_LINE.test(f.slice(from)) && !(firstInTitle && RE_KIND_LABEL_LINE.test(f.slice(from)))) break;
  }
  return first ?? aside;
}

const DIGIT_WORD = "(?:khong|mot|hai|ba|bon|nam|sau|bay|tam|chin)";
const UNIT_WORD = "(?:mot|hai|ba|bon|tu|nam|lam|sau|bay|tam|chin)";
// "quý một hai không hai sáu một trăm chín mươi tư hộ", "năm hai nghìn không trăm hai mươi sáu …": a year said after the
// quarter or "năm", digit by digit or in full, runs into the first count; it is no part of it.
const RE_SPOKEN_YEAR = new RegExp(
  `(?<=${WORD_START}(?:(?:quy|q)\\s+(?:iv|iii|ii|i|[1-4]|mot|hai|ba|bon|tu)|nam)\\s+(?:nam\\s+)?)(?:(?:hai\\s+khong|mot\\s+chin)\\s+${DIGIT_WORD}\\s+${DIGIT_WORD}|hai\\s+(?:nghin|ngan)(?:\\s+khong\\s+tram)?(?:\\s+(?:linh|le)\\s+${UNIT_WORD}|\\s+(?:muoi|${UNIT_WORD}\\s+muoi)(?:\\s+${UNIT_WORD})?)?)(?!\\s+(?:tram|nghin|ngan|muoi)${WORD_END})${WORD_END}`,
  "g",
);
// "hộ nghèo 7, à không phải 8 hộ mới đúng": a slip put right at once; the number before it goes.
const RE_SLIP_NOT = /(?=\d)(?<![\d.,])\d+(?:[.,]\d+)*(?:\s*(?:ho|khau|nguoi|dv|d\/c|dang vien|hv|hoi vien))?\s*[,.]?\s*\b(?:a|o|ay|ui)\s*,?\s+(?:khong|ko|k)(?:\s+phai)?(?:\s+la)?\s*[,:]?\s*(?=\d)/g;
// "243h/1021k": households and people, each a letter after its count.
const RE_H_K = new RegExp(`(?=\\d)(?<![\\d.,/])(\\d{1,3}(?:[.,]\\d{3})+|\\d+)\\s?h\\s*[/,;-]?\\s*(\\d{1,3}(?:[.,]\\d{3})+|\\d+)\\s?(?:k|nk|khau|nhan khau)${WORD_END}`);

const RE_MEMBERS_MEETING = /\b((?:dang vien|dv)) (?:dang )?(?:sinh hoat|sh)(?: tai (?:chi bo|cb))?(?=[ \t]*:?[ \t]*\d)/g;
/** Folded `f` with what holds no count blanked (same length): a spoken year, a number put right at once. */
function withoutNoise(f: string): string {
  let out = f;
  if (f.includes("hai khong") || f.includes("mot chin") || f.includes("hai nghin") || f.includes("hai ngan")) {
    // Not spaces: a run of number words would reach over them ("quý ba năm … hai trăm lẻ năm hộ").
    out = out.replace(RE_SPOKEN_YEAR, (y) => "_".repeat(y.length));
  }
  if (f.includes("khong") || f.includes("ko") || f.includes("k ")) out = out.replace(RE_SLIP_NOT, (s) => " ".repeat(s.length));
  // "Đảng viên sinh hoạt 68 (DB 4)", "số đv sinh hoạt tại chi bộ: 40": the members by where they meet, read as "đảng viên 68"
  // (the words blanked: one more branch in the members' label would compile into every pattern of it).
  if (f.includes(" sinh hoat") || f.includes(" sh ")) out = out.replace(RE_MEMBERS_MEETING, (all: string, noun: string) => noun + " ".repeat(all.length - noun.length));
  // "hai trăm bảy mươi (270) hộ", "bốn (04) đồng chí dự bị": the figure said in words, then in digits; the digits are read.
  if (f.includes("(") && RE_WORDS_THEN_DIGITS_TEST.test(out)) {
    out = out.replace(RE_WORDS_THEN_DIGITS, (all, thousands: string | undefined, words: string, digits: string) => {
      const high = thousands === undefined ? 0 : numberFromWords(thousands);
      const low = numberFromWords(words);
      if (high === null || low === null || high * 1000 + low !== Number(digits.replace(/[.,]/g, ""))) return all;
      return `${" ".repeat(all.length - digits.length)}${digits}`;
    });
  }
  return out;
}

const RE_WORDS_THEN_DIGITS_TEST = /[a-z]\s*\(\d/;
const RE_WORDS_THEN_DIGITS = new RegExp(
  `(?<![a-z])(?:(${NUMBER_WORDS_SOURCE})\\s+(?:nghin|ngan)\\s+)?(${NUMBER_WORDS_SOURCE})\\s*\\(\\s*(\\d{1,3}(?:[.,]\\d{3})+|\\d{1,5})\\s*\\)`,
  "g",
);

// "diện tích bốn trăm năm mươi héc ta", "diện tích hai phẩy mười lăm ki lô mét vuông": an area in words.
const RE_AREA_WORDS = new RegExp(
  `(?:${WORD_START}dt|dien tich)(?:\\s+(?:tu nhien|dat))?(?:\\s+(?:la|khoang|co))?\\s*:?\\s*(khong|${NUMBER_WORDS_SOURCE}(?:\\s+(?:nghin|ngan)(?:\\s+${NUMBER_WORDS_SOURCE})?)?)(?:\\s+(?:phay|cham)\\s+((?:${DIGIT_WORD}|muoi|lam|tu|mot)(?:\\s+(?:${DIGIT_WORD}|muoi|lam|tu|mot))*))?\\s*(km2|km vuong|ki lo met vuong|kilomet vuong|ki lo met|cay so vuong|ha|hecta|hec ta)${WORD_END}`,
);
const DIGIT_OF: Record<string, string> = { khong: "0", mot: "1", hai: "2", ba: "3", bon: "4", tu: "4", nam: "5", lam: "5", sau: "6", bay: "7", tam: "8", chin: "9" };

/** "hai phẩy mười lăm" → 2.15, "không phẩy bốn hai" → 0.42: the whole part, then the decimals as said. */
function areaInWords(whole: string, decimals: string | undefined): number | null {
  const w = whole === "khong" ? 0 : num(whole);
  if (w === null) return null;
  if (decimals === undefined) return w;
  const words = decimals.split(/\s+/);
  const digits = words.every((d) => DIGIT_OF[d] !== undefined) && words.length > 1 ? words.map((d) => DIGIT_OF[d]).join("") : String(parseCount(decimals) ?? "");
  return digits === "" ? null : Number(`${w}.${digits}`);
}

const RE_FULL_MEMBERS = /\b(?:so\s+)?(?:dang vien|dv)\s+chinh thuc\s*:?\s*(\d{1,4})\b/;
const RE_MEMBERS_OVER_PROBATIONARY = /\b(?:dang vien|dv)\s*:?\s*(\d{1,4})\s*\/\s*(\d{1,3})\s*(?:dv\s+|dang vien\s+)?(?:du bi|db)\b/;
const RE_MEMBERS_TOTAL = /\b(?:tong so|tong)\s+(?:dang vien|dv)\b/;

export function parseVillageQuarterly(p: Prepared): ParseResult<"village-quarterly"> {
  const f = withoutNoise(p.f);
  const fields: VillageQuarterlyFields = {};
  const warnings: string[] = [];
  const period = readQuarter(p);
  if (period) fields.period = period;
  // "kp3 quý 4 …": a khu phố or tổ dân phố named by its number glued to the kind.
  const glued = RE_GLUED_VILLAGE.exec(f);
  const to = RE_TO_OPENS.exec(f);
  const village = (to ? p.text.slice(to.index, to.index + to[0].length).trim() : null) ?? readVillage(p) ?? (glued ? p.text.slice(glued.index, glued.index + glued[0].length) : null);
  if (village) fields.village = unitWordsOut(village);

  const area = readArea(f);
  const taken: { start: number; end: number }[] = [];
  let m: RegExpExecArray | null;
  const spokenArea = area ? null : RE_AREA_WORDS.exec(f);
  if (spokenArea) {
    const value = areaInWords(spokenArea[1] as string, spokenArea[2]);
    const unit = spokenArea[3] as string;
    if (value !== null) {
      fields.area_km2 = /^(?:ha|hecta|hec ta)$/.test(unit) ? Math.round(value * 1000) / 100000 : value;
      taken.push({ start: spokenArea.index, end: spokenArea.index + spokenArea[0].length });
    }
  }
  if (area) {
    const raw = (area[2] ?? area[4]) as string;
    const written = area[3] ?? area[1] ?? area[5];
    const unit = written === "hecta" || written === "hec ta" ? "ha" : written;
    // "1.250 ha" is a thousand and a quarter hectares; "1,25 km2" a decimal.
    // "2.345,6 ha", "2,345.6 ha": the last stop is the decimal one.
    const both = raw.includes(".") && raw.includes(",");
    const value = both ? Number(raw.replace(raw.lastIndexOf(",") > raw.lastIndexOf(".") ? /\./g : /,/g, "").replace(",", ".")) : unit === "ha" && /^\d{1,3}[.,]\d{3}$/.test(raw) ? Number(raw.replace(/[.,]/, "")) : Number(raw.replace(",", "."));
    // "5 km2 rưỡi": and a half.
    const half = Number.isInteger(value) && RE_HALF_AFTER.test(f.slice(area.index + area[0].length, area.index + area[0].length + 8)) ? 0.5 : 0;
    // "385,6 ha" is 3.856 km².
    fields.area_km2 = unit === "ha" ? Math.round((value + half) * 1000) / 100000 : value + half;
    taken.push({ start: area.index, end: area.index + area[0].length });
  }
  const counts: Partial<Record<Key, number>> = {};
  const free = (s: number, e: number): boolean => !taken.some((t) => s < t.end && e > t.start);
  const hk = f.includes("h") ? RE_H_K.exec(f) : null;
  if (hk && free(hk.index, hk.index + hk[0].length)) {
    counts.households = num(hk[1] as string) as number;
    counts.population = num(hk[2] as string) as number;
    taken.push({ start: hk.index, end: hk.index + hk[0].length });
  }
  // "Phấn đấu cuối năm giảm còn 2 hộ nghèo", "Chỉ tiêu giảm nghèo: 2 hộ": a target, no count.
  if (RE_TARGET_WORD.test(f)) {
    RE_TARGET.lastIndex = 0;
    while ((m = RE_TARGET.exec(f))) {
      const end = clauseEnd(f, m.index);
      const now = RE_NOW_AFTER_TARGET.exec(f.slice(m.index, end));
      const clause = f.slice(m.index, now ? m.index + now.index : end);
      if (m[1] !== undefined || RE_TARGET_VERB.test(clause)) taken.push({ start: m.index, end: m.index + clause.length });
    }
  }
  // "không có đảng viên dự bị": zero.
  if (RE_NONE_PROBATIONARY.test(f)) counts.probationary = 0;
  if (f.includes("ngheo")) {
    RE_POOR_NONE_AFTER.lastIndex = 0;
    while ((m = RE_POOR_NONE_AFTER.exec(f))) {
      const key: Key = m[1] === "can ngheo" ? "near_poor_households" : "poor_households";
      if (counts[key] === undefined && free(m.index, m.index + m[0].length)) {
        counts[key] = 0;
        taken.push({ start: m.index, end: m.index + m[0].length });
      }
    }
  }
  // "không có hộ nghèo": zero.
  RE_NONE_POOR.lastIndex = 0;
  while ((m = RE_NONE_POOR.exec(f))) {
    // "phấn đấu quý 2 không còn hộ nghèo": a target, not the count.
    if (!free(m.index, m.index + m[0].length)) continue;
    // "hộ nghèo không có hộ cận nghèo sáu", said without stops: the "không có" answers the label before it,
    // and the label after has its own number.
    if (RE_NUMBER_NEXT.test(f.slice(m.index + m[0].length, m.index + m[0].length + 32)) && RE_POOR_LABEL_BEFORE.test(f.slice(Math.max(0, m.index - 16), m.index))) {
      const before = RE_POOR_LABEL_BEFORE.exec(f.slice(Math.max(0, m.index - 16), m.index)) as RegExpExecArray;
      const key: Key = before[1] === "can ngheo" ? "near_poor_households" : "poor_households";
      if (counts[key] === undefined) counts[key] = 0;
      taken.push({ start: m.index, end: m.index + (/^\S+[ \t]+(?:con[ \t]+)?(?:co[ \t]+)?/.exec(m[0]) as RegExpExecArray)[0].length });
      continue;
    }
    const key: Key = m[1] === "can ngheo" ? "near_poor_households" : "poor_households";
    if (counts[key] === undefined) counts[key] = 0;
    taken.push({ start: m.index, end: m.index + m[0].length });
    const too = m[1] === "ngheo" ? RE_NONE_POOR_TOO.exec(f.slice(m.index + m[0].length, m.index + m[0].length + 32)) : null;
    if (too && counts.near_poor_households === undefined) {
      counts.near_poor_households = 0;
      taken.push({ start: m.index, end: m.index + m[0].length + too[0].length });
    }
  }
  RE_NONE_UNION.lastIndex = 0;
  while ((m = RE_NONE_UNION.exec(f))) {
    // "dự bị không hội phụ nữ một trăm tám mươi": the "không" answers the label before; the union has its number.
    if (RE_NUMBER_NEXT.test(f.slice(m.index + m[0].length, m.index + m[0].length + 32))) continue;
    const key: Key = m[1] || m[2] ? (NONE_UNION_KEY[(m[1] ?? m[2]) as string] as Key) : m[3] ? "veterans_union" : "youth_union";
    if (counts[key] === undefined) counts[key] = 0;
    taken.push({ start: m.index, end: m.index + m[0].length });
  }
  let membersEnd = -1;
  // The message's habit decides which reading goes first: "88 hộ 392 khẩu" is count first.
  const passes = countFirstStyle(f) ? (["countFirst", "labelFirst"] as const) : (["labelFirst", "countFirst"] as const);
  for (const c of COMPILED) {
    if (c.needs && !c.needs.some((w) => f.includes(w))) continue;
    for (const pass of passes) {
      if (counts[c.key] !== undefined) continue;
      const re = c[pass];
      re.lastIndex = 0;
      while ((m = re.exec(f))) {
        const start = m.index;
        const end = start + m[0].length;
        const g = m[1] as string;
        const at = start + m[0].lastIndexOf(g, pass === "labelFirst" ? undefined : 0);
        if (!free(at, at + g.length) || !free(start, pass === "labelFirst" ? at : end)) continue;
        // "khong" only counts right after a label ("hộ nghèo: không").
        if (g === "khong" && pass === "countFirst") continue;
        // "hộ nghèo 12 hộ cận nghèo 9": a label with its own number after it does not take the one before.
        if (pass === "countFirst" && RE_OWN_NUMBER_AFTER.test(f.slice(end, end + 24))) continue;
        // "… khẩu hộ nghèo hai mươi bảy hộ cận nghèo chín đảng viên …", said without stops: a number between a
        // label that has no number before it and one that has its own after it belongs to the label before it.
        if (pass === "countFirst" && RE_NUMBER_NEXT.test(f.slice(end, end + 32)) && onlyLabelBefore(f, at)) continue;
        const n = num(g);
        if (n === null) continue;
        counts[c.key] = n;
        if (c.key === "members") membersEnd = end;
        taken.push({ start, end });
        break;
      }
    }
  }
  // "14 đảng viên chính thức và 1 đảng viên dự bị": the members are both.
  if (membersEnd >= 0 && counts.members !== undefined && counts.probationary && RE_OFFICIAL.test(f.slice(membersEnd, membersEnd + 40))) {
    counts.members += counts.probationary;
  }
  // "ĐV 9 đều chính thức": none of them probationary.
  if (membersEnd >= 0 && counts.probationary === undefined && RE_ALL_OFFICIAL.test(f.slice(membersEnd, membersEnd + 32))) counts.probationary = 0;
  // "ĐV 33, trong quý kết nạp 1 nay là 34": the count after the change is the members now.
  const now = membersEnd >= 0 && counts.members !== undefined ? RE_MEMBERS_NOW.exec(f.slice(membersEnd, membersEnd + 64)) : null;
  if (now) counts.members = Number(now[1]);
  for (const k of ["households", "population", "poor_households", "near_poor_households", "members", "probationary"] as const) {
    if (counts[k] !== undefined) fields[k] = counts[k];
  }
  const unions: NonNullable<VillageQuarterlyFields["unions"]> = {};
  const unionKeys = [["women", "women_union"], ["farmers", "farmers_union"], ["veterans", "veterans_union"], ["youth", "youth_union"]] as const;
  for (const [short, key] of unionKeys) {
    const n = counts[key];
    if (n !== undefined) unions[short] = n;
  }
  if (Object.keys(unions).length > 0) {
    // The parse contract's nested counts, and the same under the form's keys.
    fields.unions = unions;
    for (const [short, key] of unionKeys) if (unions[short] !== undefined) fields[key] = unions[short];
  }
  const answered = RE_HEAD_ANSWER.exec(f);
  // ("bt_kiem_tt: 0", a sheet's field: 1 for yes, 0 for no.)
  if (answered) fields.secretary_is_village_head = !/^(?:khong|ko|k|kg|chua|0)$/.test(answered[1] as string);
  else if (RE_HEAD_NEG.test(f)) fields.secretary_is_village_head = false;
  else if (RE_HEAD.test(f) || RE_SPEAKER_HEAD.test(f)) fields.secretary_is_village_head = true;
  else if (f.includes("truong") && headIsAnother(p)) fields.secretary_is_village_head = false;
  if (RE_UNCHANGED.test(f)) fields.unchanged = true;
  // "Đảng viên chính thức: 36\n- Đảng viên dự bị: 4": the full members counted apart; the members are both.
  const full = fields.probationary !== undefined && f.includes("chinh thuc") ? RE_FULL_MEMBERS.exec(f) : null;
  if (full && (fields.members === undefined || fields.members === Number(full[1])) && !RE_MEMBERS_TOTAL.test(f)) fields.members = Number(full[1]) + (fields.probationary as number);
  // "ĐV: 36/1 dự bị": the members over the probationary among them.
  const over = fields.probationary === undefined && f.includes("/") ? RE_MEMBERS_OVER_PROBATIONARY.exec(f) : null;
  if (over && (fields.members === undefined || fields.members === Number(over[1]))) {
    fields.members = Number(over[1]);
    fields.probationary = Number(over[2]);
  }

  if (fields.households === undefined && fields.population === undefined && fields.members === undefined && !fields.unions &&
    fields.poor_households === undefined && fields.area_km2 === undefined && !fields.unchanged) {
    return { ok: false, errors: ["not_a_report: no village fields found"] };
  }
  // "Năm nay thôn em được mùa anh ạ, 85 ha lúa xuân …, 412 hộ ai cũng phấn khởi": one figure in passing, no quarter and no
  // report said, is no report.
  const stated = [fields.households, fields.population, fields.members, fields.poor_households, fields.near_poor_households, fields.area_km2].filter((v) => v !== undefined).length + Object.keys(unions).length;
  if (stated <= 1 && f.length > 60 && !fields.unchanged && !RE_QUARTER_SAID.test(f) && !RE_REPORT_SAID.test(f)) return { ok: false, errors: ["not_a_report: chatter"] };
  // "những năm qua thôn Đồng Tâm có nhiều đổi thay: từ 45 hộ nghèo năm 2015 nay chỉ còn 6 hộ …": the years' story of a
  // village, as the press tells it.
  if (RE_YEARS_STORY.test(f) && RE_FROM_THEN_TO_NOW.test(f)) return { ok: false, errors: ["not_a_report: article"] };
  if (fields.members !== undefined && fields.probationary !== undefined && fields.probationary > fields.members) {
    warnings.push(`probationary_exceeds_members: ${fields.probationary} > ${fields.members}`);
  }
  if (fields.households !== undefined && fields.population !== undefined && fields.population < fields.households) {
    warnings.push(`population_below_households: ${fields.population} < ${fields.households}`);
  }
  if (fields.households !== undefined && fields.poor_households !== undefined && fields.poor_households > fields.households) {
    warnings.push(`poor_exceeds_households: ${fields.poor_households} > ${fields.households}`);
  }
  // With "không thay đổi" the unstated fields come from last quarter: nothing is missing.
  const missing = fields.unchanged ? [] : (["period", "households", "population", "members"] as const).filter((k) => fields[k] === undefined).map(String);
  if (fields.unchanged && fields.period === undefined) missing.push("period");
  return { ok: true, form: "village-quarterly", fields, missing, warnings };
}
