/**
 * The monthly cell meeting report read from one chat message (domain §2, §6).
 *
 * @example parseMonthlyMeeting(prepare("bc sh cb t11: hop toi 5/11 19h30, co mat 25/27, vang 2 cld", now))
 */
import { dayOf, formatDay, formatMonth, formatTime, isValidDate, ymdOf } from "../calendar/day.js";
import { foldSameLength } from "../text/fold-same-length.js";
import { NUMBER_WORDS_SOURCE, parseCount, WORD_END, WORD_START, yearFromWords } from "../text/number-words.js";
import { bareFractions, readAttendance, type Attendance } from "./attendance.js";
import { readCadre } from "./cadre.js";
import { findDates, resolveDate, type DateMention, type Span } from "./dates.js";
import { mayNotBeHeld, RE_NOT_HELD } from "./gate.js";
import { titleCase, unitWordsOut } from "./names.js";
import { COMRADE, FORWARD_WORD } from "./patterns.js";
import { clauseEnd, cut, lineEnd, readName, type Prepared } from "./prepare.js";
import { QUARTER_SOURCE } from "./period.js";
import { readResolutions } from "./resolutions.js";
import { findSections, splitItems } from "./sections.js";
import { findDuration, findTimes, type TimeMention } from "./times.js";
import type { MonthlyMeetingFields, ParseResult } from "./types.js";

/** HD 42-HD/BTCTW (2025): a meeting lasts at least 90 minutes, a combined one 120. */
export const MIN_DURATION_REGULAR = 90;
export const MIN_DURATION_COMBINED = 120;
/** HD 12-HD/BTCTW quality bar: attendance above 85%. */
export const MIN_ATTENDANCE_RATIO = 0.85;

const REQUIRED = ["meeting_date", "present", "members_expected"] as const;

const RE_PERIOD = new RegExp(
  `(?:${WORD_START}thang\\s?:?\\s?(\\d{1,2}|${NUMBER_WORDS_SOURCE}|nay|truoc|vua roi|vua qua|roi)|${WORD_START}t\\s?(\\d{1,2}))${WORD_END}(?:\\s?[/.-]\\s?(\\d{4}))?(?![/.-]\\s?\\d{1,2}${WORD_END}|\\s[/.]\\s?\\d{1,2}${WORD_END})`,
  "g",
);
// "quý ba", "quy mot": the quarter in words too; "Chuyên đề quý: ....IV/2025....": a form's label before it.
const RE_QUARTER = new RegExp(QUARTER_SOURCE);
const RE_THEMATIC = /\b(?:shcd|sh chuyen de|sinh hoat chuyen de|chuyen de|shcđ)\b/;
const RE_CHU_DE = /\bchu de\b/;
const RE_YEAR_TOPIC = /\bhoc tap(?: va lam theo)?\s+chuyen de\s+(?:toan khoa|nam\s+\d{4})\b/g;
const RE_COMBINED = /\b(?:ket hop|long ghep|kem theo|ket hop voi)\b/;
const RE_REGULAR_TOO = /\b(?:thuong ky|dinh ky|shtk|shcb thuong ky)\b/;
const RE_REGULAR_APART = /\b(?:sinh hoat|sh|hop)\s+(?:thuong ky|dinh ky)\b[^.;\n]{0,40}?\b(?:da|van|se)\s+(?:to chuc|hop|sinh hoat|bao cao)\b/g;
const RE_TOPIC = /\b(?:chuyen de|chu de)\s*(?:ve|la)?\s*:?\s*/g;
// (Whole words: "đã", not the "Đả" of "Đảng viên gương mẫu …".)
const RE_TOPIC_SKIP = /^(?:[ivx]{1,4}\s?(?:\/|nam)\s?\d{4}|(?:quy|q\s?\d|ket hop|thuong ky|ngay|thang|nam\s\d|sh|xong|da|dc|duoc|roi)(?![a-z])|\d|,|\.|$)/;
// ("cô Trần Thị Thu Hà trạm y tế xã trình bày": a kinship word before a capitalised name too.)
const RE_PRESENTER_AFTER = new RegExp(`${COMRADE}\\s+|(?<=\\s)(?:co|chu|anh|chi(?! bo${WORD_END})|bac|thay)\\s+`, "g");
// "(công an xã) trình bày", ", chi ủy viên trình bày", ", phó bí thư chi bộ, trình bày": the title between name and verb.
// "đ/c Vừ Mí Sử trưởng công an xã trình bày": or a title straight after the name, no comma.
const RE_COMRADE_LEAD = new RegExp(`^${COMRADE}`);
const RE_PRESENTER_VERB = new RegExp(`^\\s*(?:\\([^)]*\\)\\s*|[,\\-–]\\s*(?!(?:d\\/c|dc|dong chi)\\s)[^,.;:\\n()]{2,40}?[\\s,]+|(?:truong|pho|bi thu|bt|pbt|chi uy|cap uy|cuv|duv|dang uy|uy vien|can bo|chu tich|chi hoi truong|hoi truong|giao vien|hieu truong|y si|bac si|cong an|bao cao vien|to truong|tram y te|can bo y te)${WORD_END}[^,.;:\\n()]{0,36}?\\s)?(?:trinh bay|bao cao chuyen de|quan triet|truyen dat|thuyet trinh|gioi thieu chuyen de|la bao cao vien|lam bao cao vien|bcv|bao cao|(?:ve\\s+|den\\s+|xuong\\s+)?noi chuyen)${WORD_END}`);
// A word every presenter's verb or label holds ("do đ/c …" needs the verb too).
const RE_PRESENTER_HINT = /trinh bay|bao cao|bc vien|quan triet|truyen dat|thuyet trinh|gioi thieu chuyen de|bcv|noi chuyen/g;
// "Trình bày: Xồng Bá Dê (trưởng công an bản)": the verb as a label, with its colon.
// "Người trình bày CĐ: đ/c Hoàng Thị Lan": the topic's letters after the label are no name.
const RE_PRESENTER_LABEL = new RegExp(`${WORD_START}(?:bao cao vien|bc vien|nguoi trinh bay(?:\\s+(?:cd|chuyen de))?|trinh bay(?=\\s*:)|bcv|do)\\s*:?\\s*(?:la\\s+)?(?:${COMRADE}\\s+)?`, "g");
// "Ở: nhà ông Tư xóm giữa": the word as a label, its colon after it.
const RE_PLACE = /\b(?:tai|o)(?:\s*:)?\s+/g;
// "Nơi : hội trường khóm", "Nơi họp: …" (a colon needed: "nội dung" folds the same).
const RE_PLACE_LABEL = /\b(?:dia diem(?:\s+(?:sinh hoat|sh|hop|to chuc))?\s*(?::\s*|\s+)|noi(?:\s+(?:sinh hoat|sh|hop|to chuc))?\s*:\s*)/g;
const RE_PLACE_START =
  new RegExp(`^(?:nha|hoi truong|tru so|van phong|phong|nvh|dinh|chua|truong|ubnd|uy ban|thon|ban|xom|khu|san|diem|hoi quan|tdp|to dan pho|gia dinh|hoi truong|tram|ho)${WORD_END}`);
// "hội trường ấp tối mùng 4", "nhà văn hóa bản họp hết hai tiếng": the time or the meeting after the place ends it.
// "ở hội trường ấp chuyên đề về …": the topic told next ends it too.
const RE_PLACE_STOP = /\s(?:luc|vao|chuyen de|chu de|ngay|hom|mung|co mat|dv|dang vien|bat dau|tu\s(?:\d|(?:[a-z]+\s){1,2}gio\b)|(?:den|cho den)\s\d|(?:den|toi|cho den|cho toi)\s(?:[a-z]+\s){1,2}gio\b|\d{1,2}\s?(?:h|g|gio)(?:\d\d)?\b|\d{1,2}\/|(?:toi|sang|chieu|trua)\s(?:\d|mung|ngay|hom|qua|nay|thu)|\d{1,2}:|(?:hop|sinh hoat|sh)\s(?:het|trong|xong|duoc|tu|luc|bat dau|keo dai))/;
// "tại chùa à không tại hội trường ấp", "ở nhà ông Tư à nhầm, ở hội trường": the place said again after a slip.
const RE_PLACE_REDO = /(?:^|\s|,)\s*(?:a|ua|oi)\s+(?:khong|ko|nham|quen|lon)(?:\s+(?:phai|roi))?\s*[,.:]?\s+(?:(?:tai|o)\s+)?(?=\S)/;
const RE_PLACE_PARTICLE = /\s(?:nha|nhé|nghen|nè)(?:\s+(?:anh|chị|em|ạ|a|c))?\s*(?=[,.;!\n]|$)/;
// "ở nhà ông Tư Lựa (trưởng ấp) do nhà VH đang sửa": why it was held there is no part of the place.
const RE_PLACE_WHY = /\s(?:do|vì|vi|bởi|tại vì|tai vi)\s/;
// "18g30, văn phòng KP": the office of the village or quarter too.
const RE_PLACE_WORD = new RegExp(`${WORD_START}(?:nvh|nha van hoa|nha vh|hoi truong|nha rong|nha cong dong|van phong (?:kp|khu pho|ap|thon|khom|khu|tdp|to dan pho|xom|ban|buon)${WORD_END})`);
// "19h30 - 21h30 nha vh": right after the time, too.
const RE_PLACE_BARE = new RegExp(`(?:^|[,;\\n]|[^\\d\\s]\\.\\s|\\s-|\\dh\\d{0,2}\\s|\\d:\\d\\d\\s)\\s*(?=(?:nvh|nha van hoa|nha vh|hoi truong|nha rong|nha cong dong|van phong (?:kp|khu pho|ap|thon|khom|khu|tdp|to dan pho|xom|ban|buon))${WORD_END})`, "g");
const RE_ABSENT_BEFORE = /\bvang\s+(?:[^.;\n]*\s)?(?:d\/c|dc|dong chi)\s[^.;\n]*$/;
const RE_ASIDE_END = /\s*\([^()]*\)[\s.,;]*$/;
const RE_NVH = /^(?:nha van hoa|nha vh|nvh|nha v\.h)\b/;
// "lùi từ 5/10 sang 12/10": the day the meeting was moved from is not the day it was held; the day after "5/3 sang
// ngày" is (a notice's "lùi sang ngày 12/11" is a day to come).
// "vướng … lễ 30/4 nên dời": a holiday named by its day is no day of the meeting.
// "thứ Tư ngày 4/11": the weekday's "tư" folds like "từ", and is no "từ ngày" (from the day).
// ("(bản sửa – thay bản gửi sáng nay)": when a copy was sent, no meeting's day.)
// ("tháng 7 lịch sh là 3/7 mà trời mưa bão dời qua tối 9/7": the day on the schedule, not the one held.)
// ("ko họp 5/3 mà họp 17/3": the day it was not held.)
const RE_NOT_FROM = /(?:\b(?:ko|khong|k|chua) (?:hop|sh|sinh hoat)|\ble|(?:lui|doi|hoan|chuyen|dich) tu|\bban gui|truoc|han|den ngay|den|lui sang|lui den|lui toi|doi sang|doi den|chuyen sang|hoan den|hoan sang|nop|nop ve|xong truoc|ke hoach|du kien|(?<!\bthu )tu ngay|(?<!\d\s?)sang ngay|\blich(?: sh| sinh hoat| hop)?(?: la)?)\s*(?:ngay\s*)?$/;
// "(nhận qua mail chiều 12/12)", "(gọi lúc 9 giờ 15 ngày 09/10/2025)", "gửi qua Zalo lúc 22h": when the report was sent,
// called in or received, no day or time of the meeting.
const RE_SENT_BEFORE = /\b(?:gui|goi|goi dien|nhan|nhan duoc)(?: (?:qua|bang) (?:mail|email|thu|zalo|dien thoai|dt|tin nhan|sms))?(?: (?:luc|vao|hoi|sang|chieu|toi|trua|ngay|hom))*(?: \d{1,2}(?:\s?(?:gio|h|g|:)\s?\d{0,2})?(?: phut)?(?: (?:sang|chieu|toi|trua))?(?: (?:ngay|hom))?)?\s*$/;
const sentBefore = (f: string, at: number): boolean => (f.includes("gui") || f.includes("goi") || f.includes("nhan")) && RE_SENT_BEFORE.test(f.slice(Math.max(0, at - 40), at));
// "lùi sh từ 5/10 sang 11/10": the day before "sang"/"qua" after "từ" is the one moved from.
// "không họp được ngày 5/10 như kế hoạch, đã lùi sang tối 9/10": the day planned, too.
const RE_MOVED_FROM = /^\s*(?:sang|qua)\s+(?:(?:toi|sang|chieu|ngay)\s+)*\d/;
const RE_PLANNED = /^\s*(?:nhu|theo)\s+(?:ke hoach|lich|du kien)/;
const RE_MOVE_VERB = /\b(?:lui|doi|hoan|chuyen|dich)\b/;
const RE_MOVED_TO = /(?:sang|qua|den|toi)\s+(?:(?:toi|sang|chieu|ngay)\s+)*$/;
/** `before` ends with "sáng ngày" as written (a scan, not a pattern compiled for two-byte text). */
const morningOf = (before: string): boolean => {
  const t = before.trimEnd().toLowerCase();
  const head = t.slice(0, -4).trimEnd();
  const prev = head.slice(-5, -4);
  return t.endsWith("ngày") && head.endsWith("sáng") && (prev === "" || " \n\t,.;:(".includes(prev));
};
// "bc shcb xóm 5 tháng 11: họp tối 4/11": the number after a village's kind names it, no day.
// "cb khối 6 tháng 10", "buôn 3", "sóc 2", "cụm 4" too.
const RE_VILLAGE_BEFORE = /\b(?:xom|thon|to|khu|khom|khoi|ap|ban|buon|lang|soc|plei|cum|doi|tdp|kdc|kp|to dan pho|khu pho)\s+(?:so\s+)?$/;
const RE_NAMED_VILLAGE_BEFORE = /(?:^|\s)(?:[Xx]óm|[Tt]hôn|[Ấấ]p|[Bb]ản|[Tt]ổ|[Kk]hu(?: phố)?|[Kk]hóm|[Bb]uôn|[Ll]àng|[Tt]ổ dân phố)\s+(?:\p{Lu}[\p{L}]*\s+){1,3}$/u;
// "À nhầm,", "Nhầm chút,", "à nhầm 19h30", "ủa không": a slip, the figure said again after it ("À quên, 17/20 mới đúng").
const RE_SLIP = /(?:^|[\s,.;])(?:(?:(?:a|ua|oi)\s+)?(?:em\s+|minh\s+)?(?:ghi |bao )?nham(?:\s+(?:chut|ti|roi|a))*\s*[,.:!]|(?:a|ua)\s+(?:nham|khong|ko)(?:\s+phai)?\b|(?:a|ua)\s+quen\b(?=[^.;\n]{0,30}\bmoi dung\b)[\s,]*)\s*/;
// ("lúc 7 giờ tối à không 7 giờ rưỡi": the part of the day said after the first time.)
const RE_PART_LABEL = /^\s*(?:\d{1,2}[.)]\s*)?phan (?:thuong ky|sinh hoat thuong ky)\s*:\s*(?=\S)/;
const RE_PART_HEADING = /^\s*(?:\d{1,2}[.)]\s*)?phan (?:thuong ky|sinh hoat thuong ky)\s*:?\s*$/;
const RE_BARE_FRACTION_AT = /^\s*(\d{1,3})\s*\/\s*(\d{1,3})(?![\d/])/;
const RE_SLIP_ONLY = /^\s*(?:(?:sang|trua|chieu|toi|dem)\b)?\s*,?\s*(?:(?:a|ua|oi)\s+)?(?:em\s+)?(?:nham|khong|ko)(?:\s+(?:chut|phai))?\s*[,:]?\s*(?:luc\s+)?$/;
// "Bắt đầu 7h30, xong 10h": "xong" alone before the time too.
const RE_DOCUMENT_BEFORE = /\b(?:cong van|ke hoach|huong dan|thong bao|quyet dinh|chi thi|bao cao|bien ban|to trinh|nghi quyet|cv|kh|hd|bc|nq)\s+so\s+[\w/.-]+\s+(?:ngay\s+)?$/;
// "bắt đầu 7h30 tan 9h15", "tan họp lúc 21h", "giải tán 9 giờ": the close said as the meeting breaking up.
const RE_END_LEAD = /(?:ket thuc|ket thuc luc|xong luc|xong vao|\bxong|nghi luc|be mac|be mac luc|\bgio kt|\bgio ket thuc|\btan(?: hop| buoi(?: hop| sinh hoat| sh)?)?)\s*:?\s*(?:vao luc\s*|luc\s*|vao\s*|vao hoi\s*|hoi\s*)?$/;
// ("Từ: 08 giờ 00, Đến: 10 giờ 00": a form's labels.)
const RE_UNTIL_BEFORE = /(?:^|\s)(?:đến|tới|Đến|Tới|den)\s*:?\s*(?:lúc\s*)?$/;
const RE_END_AFTER = new RegExp(`^\\s?(?:thi\\s)?(?:ket thuc|xong|tan|be mac)${WORD_END}`);
// "cd: kiem diem danh gia dang vien cuoi nam" in a thematic meeting's report: "cd" for "chuyên đề".
const RE_TOPIC_COLON = /\b(?:(?:chuyen de|chu de)\b[^:.;\n]{0,24}|cd\s*|cde\s*):\s*/g;
// "sinh hoạt chuyên đề quý 4 ngày 15 tháng 11 năm 2026 về học tập …": a longer way to "về" when it ends a written day.
const RE_TOPIC_VE = new RegExp(`${WORD_START}(?:shcd|sh chuyen de|sinh hoat chuyen de|chuyen de)${WORD_END}(?:[^,.;:\\n]{0,30}?|[^,.;:\\n]{0,45}?${WORD_START}(?:nam\\s)?\\d{4})\\s(?:ve|voi chu de|chu de)\\s+`, "g");
const RE_QUOTED = /["“«]([^"”»]{3,120})["”»]/;
const RE_SINGLE_QUOTED_TOPIC = /\b(?:chuyen de|chu de)\b[^'\n.;]{0,30}?(?<=[\s:(])'([^'\n]{3,120})'(?=[\s,.;:)]|$)/;
const RE_MEMBER_COUNT = /(?=\d)(?<![\d/.,:])(\d{1,3})\s*(?:dc|d\/c|dv|dang vien|dong chi)\b/g;
const RE_REPORT_SIGNAL =
  /\b(?:sh|shcb|shcd|sinh hoat|hop|bc|bao cao|co mat|vang|du|nghi quyet|nq|chi bo|cb)\b/;

// Phrases before the single words in them ("truong thon" before "thon").
const PLACE_WORDS: [string, RegExp, string][] = ([
  ["hoi truong", "hội trường"], ["nha bi thu", "nhà bí thư"], ["truong thon", "trưởng thôn"],
  ["truong xom", "trưởng xóm"], ["truong ap", "trưởng ấp"], ["nha rong", "nhà rông"],
  ["thon", "thôn"], ["xom", "xóm"], ["khoi", "khối"], ["khu pho", "khu phố"], ["tru so", "trụ sở"],
  ["dang uy", "đảng ủy"], ["nha", "nhà"], ["dinh", "đình"],
] as const).map(([word, marked]) => [word, new RegExp(`${WORD_START}${word}${WORD_END}`, "g"), marked]);

/** Parses a monthly meeting report. */
export function parseMonthlyMeeting(p: Prepared): ParseResult<"monthly-meeting"> {
  const f = p.f;
  const fields: MonthlyMeetingFields = {};
  const warnings: string[] = [];
  const sections = findSections(p);
  const mainEnd = sections.mainEnd;

  // Attendance first: its spans keep "25/27" from being read as a date.
  let att = readAttendance(p, 0, mainEnd);
  // "có mặt 19/21. À nhầm, có mặt 18 thôi, vắng 3: …": the counts told again after a slip replace those before it.
  // (A slip prepare did not mend: "có mặt 19/21. À nhầm, có mặt 18 thôi" restates a fraction's part by its label.)
  // ("ủa không" holds "a không".)
  const slip = f.includes("nham") || f.includes("a khong") || f.includes("moi dung") ? RE_SLIP.exec(f.slice(0, mainEnd)) : null;
  // "đ/c Lò Thị Nhâm, …": a name, no slip.
  if (slip && /nhâm|Nh[aâầ]m/.test(p.text.slice(slip.index, slip.index + slip[0].length))) slip.index = -1;
  if (slip && slip.index >= 0) {
    const before = readAttendance(p, 0, slip.index);
    const again = readAttendance(p, slip.index + slip[0].length, mainEnd);
    if ((before.present !== undefined || before.absentTotal !== undefined) && (again.present !== undefined || again.absentTotal !== undefined)) {
      const whole = att;
      att = restated(before, again);
      // "có mặt 16 đồng chí à không 17 đồng chí …, vắng đồng chí …": the bare count after the slip, read with the whole.
      if (again.present === undefined && whole.present !== undefined && whole.present !== before.present) {
        att.present = whole.present;
        if (whole.expected !== undefined) att.expected = whole.expected;
      }
      // "có mặt 18/20 … À quên, 17/20 mới đúng": a bare fraction right after the slip puts the one before it right.
      const bare = again.present === undefined ? RE_BARE_FRACTION_AT.exec(f.slice(slip.index + slip[0].length)) : null;
      if (bare && before.present !== undefined) {
        att.present = Number(bare[1]);
        att.expected = Number(bare[2]);
      }
    }
  }
  // "…vắng 3 (2 CL, 1 KL).⏎Nội dung: …⏎⏎STT | Họ và tên | Có mặt | Vắng CL | …": the absent named in a roll call after the
  // agenda.
  const afterContent = sections.content ? sections.content.end : -1;
  if (att.absentees.length === 0 && att.absentTotal !== undefined && att.absentTotal > 0 && afterContent >= 0 && afterContent < (sections.resolutions ? sections.resolutions.start : f.length)) {
    const later = readAttendance(p, afterContent, sections.resolutions ? sections.resolutions.start : f.length);
    if (later.absentees.length > 0 && later.absentees.length <= att.absentTotal) att.absentees = later.absentees;
  }
  // "(Kèm theo Công văn số 118-CV/ĐU ngày 15/01/2026 của Đảng ủy xã)": the date of a document cited, no meeting's.
  const dates = findDates(p, 0, mainEnd, att.spans).filter((d) => !RE_DOCUMENT_BEFORE.test(f.slice(Math.max(0, d.start - 40), d.start)));

  // Period: "t11", "tháng 11", "tháng này".
  const period = readPeriod(p, 0, mainEnd, dates);

  // Meeting date: the first date in the report part that is not a deadline.
  let meetingMention: DateMention | null = null;
  // A document's dateline is the day it was written, the meeting's only when no other date is given.
  const moved = RE_MOVE_VERB.test(f) || f.includes("hop bu");
  // ("Sáng ngày 05/01/2027": the morning, no "sang ngày", moved to the day.)
  const notFrom = (d: DateMention): boolean => RE_NOT_FROM.test(f.slice(Math.max(0, d.start - 16), d.start)) && !morningOf(p.text.slice(Math.max(0, d.start - 12), d.start));
  let candidates0 = dates.filter((d) => d.kind !== "tet" && !notFrom(d) && !sentBefore(f, d.start) &&
    !RE_MOVED_FROM.test(f.slice(d.end, d.end + 14)) && !(moved && RE_PLANNED.test(f.slice(d.end, d.end + 14))) &&
    !RE_VILLAGE_BEFORE.test(f.slice(Math.max(0, d.start - 12), d.start)) && !(d.dateline && dates.some((o) => o !== d && o.kind === "dmy")));
  // "(dự kiến 5/10, lùi đến 11/10 vì bão), có mặt 25/27": a meeting reported was held on the day it was moved to.
  if (candidates0.length === 0 && att.present !== undefined && moved) {
    candidates0 = dates.filter((d) => d.kind !== "tet" && RE_MOVED_TO.test(f.slice(Math.max(0, d.start - 16), d.start)));
  }
  // "Hôm nay, hồi 19 giờ 00 phút ngày 04 tháng 11 năm 2026": the minutes' "today" is the day written after it.
  if (candidates0.length > 1 && candidates0[0]?.kind === "rel") {
    const rel = candidates0[0];
    const written = candidates0.find((d) => d.kind === "dmy" && d.start > rel.end && d.start - rel.end <= 60 && !/[.\n;]/.test(f.slice(rel.end, d.start)));
    if (written) candidates0 = candidates0.filter((d) => d !== rel);
  }
  // "Hôm nay trời mưa to quá … chi bộ đã sinh hoạt tối qua 3/7": a day said and written together is the meeting's.
  if (candidates0.length > 1 && candidates0[0]?.kind === "rel") {
    const paired = candidates0.find((d) => d.kind === "dmy" && candidates0.some((r) => r.kind === "rel" && r !== candidates0[0] && d.start >= r.end && d.start - r.end <= 3));
    if (paired) candidates0 = [paired, ...candidates0.filter((d) => d !== paired && d.kind !== "rel")];
  }
  // "Cb thôn Hạ Long 2 tháng 4: họp 3/4": the number ends the village's name, when another date follows.
  const candidates = candidates0.length > 1 ? candidates0.filter((d) => !RE_NAMED_VILLAGE_BEFORE.test(p.text.slice(Math.max(0, d.start - 40), d.start))) : candidates0;
  const unambiguous = candidates.filter((d) => !d.ambiguousCount);
  for (const d of candidates) {
    if (d.ambiguousCount) {
      // "10/12": attendance when the message has another date and no count yet,
      // or when 10 + the absences make 12.
      const fr = f.slice(d.start, d.end).split("/").map((s) => Number(s.trim()));
      const a = fr[0] as number;
      const b = fr[1] as number;
      const fitsAbsences = att.absentTotal !== undefined && a + att.absentTotal === b;
      if (att.present === undefined && (fitsAbsences || unambiguous.length > 0)) {
        att.present = a;
        att.expected ??= b;
        continue;
      }
    }
    meetingMention = d;
    break;
  }
  if (att.present === undefined) {
    const fr = bareFractions(p, 0, mainEnd).find((x) => !dates.some((d) => d.start <= x.span.start && d.end >= x.span.end) && x.expected > 12);
    if (fr) {
      att.present = fr.present;
      att.expected ??= fr.expected;
    }
  }
  if (meetingMention) {
    const hint = period ?? undefined;
    // A day and month without a year: the nearest such date to the message, ahead included
    // ("3/1" in a message of late December is next January).
    const day = meetingMention.kind === "dmy" && meetingMention.y === undefined
      ? nearestYear(p, meetingMention.d as number, meetingMention.m as number) ?? resolveDate(meetingMention, p.now, "past", hint)
      : resolveDate(meetingMention, p.now, "past", hint);
    if (day !== null) {
      fields.meeting_date = formatDay(day);
      if (day > p.now.day) warnings.push(`date_in_future: ${fields.meeting_date}`);
    }
  }
  // "sinh hoạt tháng 1 … ngày 3/1" sent in late December: the month of that meeting, next year.
  if (period && !period.yearWritten && fields.meeting_date && Number(fields.meeting_date.slice(5, 7)) === period.m) {
    fields.period = fields.meeting_date.slice(0, 7);
  } else if (period) fields.period = formatMonth(period.y, period.m);
  else if (fields.meeting_date) fields.period = fields.meeting_date.slice(0, 7);

  // Time and duration.
  // "VP Đảng ủy chuyển tiếp - CB KP Tân Hòa (đ/c Quang gửi qua Zalo lúc 22h hôm qua):": when the message was passed on, no
  // time of the meeting.
  const forwarded = RE_FORWARD_LINE.exec(f);
  const times = findTimes(p, forwarded ? forwarded[0].length : 0, mainEnd).filter((t) => !sentBefore(f, t.start));
  // "lúc 20h à nhầm 19h30": the time said again after a slip.
  if (slip && slip.index >= 0) {
    for (let k = times.length - 2; k >= 0; k--) {
      const a = times[k] as { end: number };
      const b = times[k + 1] as { start: number };
      if (RE_SLIP_ONLY.test(f.slice(a.end, b.start))) times.splice(k, 1);
    }
  }
  // "bắt đầu 19h15, kết thúc 21h": the second time ends the meeting.
  // "19h bắt đầu, 21h kết thúc": or the word after it.
  // "bắt đầu lúc 7 giờ 30 kết thúc 9 giờ 15": the time after the word, before the one it follows.
  let endIdx = times.findIndex((t) => RE_END_LEAD.test(f.slice(Math.max(0, t.start - 24), t.start)));
  if (endIdx < 0) endIdx = times.findIndex((t) => RE_END_AFTER.test(f.slice(t.end, t.end + 12)));
  // "19h45 t3 5/5 đến 21h15": the range split by the day.
  if (endIdx < 0 && times.length === 2 && times[0]?.endMinutes === undefined) endIdx = /\bden\s*:?\s*(?:luc\s*)?$/.test(f.slice(Math.max(0, (times[1] as { start: number }).start - 10), (times[1] as { start: number }).start)) ? 1 : -1;
  // "lúc 7 giờ tối tại nhà văn hóa ấp tới 9 giờ tối": "đến"/"tới" before a later time, the place between them.
  if (endIdx < 0 && times.length > 1 && times[0]?.endMinutes === undefined) {
    const start = (times[0] as { minutes: number }).minutes;
    endIdx = times.findIndex((t, k) => k > 0 && RE_UNTIL_BEFORE.test(p.text.slice(Math.max(0, t.start - 10), t.start)) && ((t.minutes - start + 1440) % 1440 || 1440) <= 360);
  }
  // "họp xong lúc 9 giờ kém 15": the only time told is the close, no start.
  if (endIdx === 0 && times.length === 1 && times[0]?.endMinutes === undefined) fields.end_time = formatTime((times.pop() as TimeMention).minutes % 1440);
  let endMention = endIdx >= 0 && times.length > 1 ? times.splice(endIdx, 1)[0] : undefined;
  // "Buổi sinh hoạt kết thúc lúc 21h10 cùng ngày." on the line after the resolutions.
  // Or after the agenda: "Nội dung: 1) …; 2) ….\nBuổi sinh hoạt kết thúc lúc 21 giờ 10 phút."
  const after = sections.tail ?? (sections.content && !sections.resolutions ? sections.content.end : null);
  if (!endMention && after !== null && times.length > 0) {
    endMention = findTimes(p, after, f.length).find((t) => RE_END_LEAD.test(f.slice(Math.max(0, t.start - 24), t.start)));
  }
  // "Nội dung …\nBuổi sinh hoạt kết thúc lúc 21 giờ 15 cùng ngày.\nKết luận: …": the close told between the lists.
  if (!endMention && times.length > 0 && times[0]?.endMinutes === undefined && mainEnd < f.length && f.includes("ket thuc", mainEnd)) {
    endMention = findTimes(p, mainEnd, f.length).find((t) => RE_END_LEAD.test(f.slice(Math.max(0, t.start - 24), t.start)));
  }
  const first = times[0];
  // "Thời gian: 8h00 – 10h00 …" then "Buổi sinh hoạt kết thúc lúc 10h10.": the end told after the meeting wins.
  if (!endMention && first?.endMinutes !== undefined && after !== null && f.includes("ket thuc", after)) {
    endMention = findTimes(p, after, f.length).find((t) => RE_END_LEAD.test(f.slice(Math.max(0, t.start - 24), t.start)));
  }
  if (first && endMention && (first.endMinutes === undefined || RE_END_LEAD.test(f.slice(Math.max(0, endMention.start - 24), endMention.start)))) {
    const end = endMention.minutes > first.minutes ? endMention.minutes : endMention.minutes + 720;
    if (first.endMinutes === undefined || end - first.minutes <= 360) first.endMinutes = end;
  }
  // "… nội dung … kết thúc lúc 10 giờ 30": the close told after the agenda, no start told.
  if (!first && after !== null && f.includes("ket thuc", after)) {
    const close = findTimes(p, after, f.length).find((t) => RE_END_LEAD.test(f.slice(Math.max(0, t.start - 24), t.start)));
    if (close) fields.end_time = formatTime(close.minutes % 1440);
  }
  if (first) {
    fields.start_time = formatTime(first.minutes);
    if (first.endMinutes !== undefined) fields.end_time = formatTime(first.endMinutes % 1440);
  }
  const found = findDuration(p, 0, f.length);
  // "Thời gian: 7h30 sáng …, kết thúc 9h30": the start's clock time after "Thời gian" is no duration of 7 h 30.
  const dur = found && first && found.start < first.end && first.start < found.end ? null : found;
  if (dur) {
    fields.duration_min = dur.minutes;
    // "lúc 19h30 …, thời gian 90 phút": the end follows from the start and how long it took.
    if (first && first.endMinutes === undefined && dur.minutes > 0 && dur.minutes <= 360) fields.end_time = formatTime((first.minutes + dur.minutes) % 1440);
  }
  else if (first?.endMinutes !== undefined) fields.duration_min = first.endMinutes - first.minutes;

  const place = readPlace(p, 0, mainEnd, att.spans);
  // "nhà đ/c bí thư": the comrade written out, as the office writes it.
  if (place) fields.place = unitWordsOut(place).replace(RE_COMRADE_SHORT, "đồng chí");
  // "ở nhà tui" said by the secretary ("tui là Tư Hoà bí thư …", "nhà tôi bí thư"): the office reads it as the secretary's house.
  if (fields.place && RE_OWN_HOUSE.test(foldSameLength(fields.place).toLowerCase()) && RE_SPEAKER_SECRETARY.test(f)) fields.place = "nhà bí thư";

  // Kind: thematic, combined or regular.
  // "Nội dung: …; học tập chuyên đề năm 2026": the year's study topic, an item of a regular meeting.
  const thematic = RE_THEMATIC.test(f) && RE_THEMATIC.test(f.includes("chuyen de") ? f.replace(RE_YEAR_TOPIC, " ") : f);
  if (thematic) fields.kind = RE_COMBINED.test(f) || regularToo(f) ? "combined" : "thematic";
  else fields.kind = "regular";
  // "quý III", "q3": every quarter holds a "q".
  const q = f.includes("q") ? RE_QUARTER.exec(f) : null;
  if (q) {
    const qn = romanQuarter(q[1] as string);
    let y = q[2] ? Number(q[2]) : p.now.y;
    if (!q[2] && qn > Math.ceil(p.now.m / 3)) y -= 1;
    fields.quarter = `${y}-Q${qn}`;
  }
  const topic = readTopic(p);
  if (topic) fields.thematic_topic = topic;
  const presenter = readPresenter(p);
  if (presenter) fields.presenter = presenter;

  // Attendance fields and derived values.
  const byGroups = groupsCounted(att, f.slice(0, mainEnd));
  // "có mặt 16/16 k ai vắng. À nhầm, 15/16, …": "nobody absent" said before the count was put right no longer holds.
  if (att.allPresent && att.present !== undefined && att.expected !== undefined && att.present < att.expected && att.absentTotal === undefined) delete att.allPresent;
  if (att.allPresent) {
    att.excused ??= 0;
    att.unexcused ??= 0;
    att.absentTotal ??= 0;
    if (att.present === undefined && att.expected !== undefined) att.present = att.expected;
    // "sh t8 xong, dự 100%, 26 đc": everyone came, and the one count of members says how many.
    if (att.present === undefined) {
      const counts = [...f.slice(0, mainEnd).matchAll(RE_MEMBER_COUNT)];
      if (counts.length === 1) att.present = att.expected = Number((counts[0] as RegExpMatchArray)[1]);
    }
  }
  // "Chi bộ 18 đv, đi đủ hết trừ chú Tám Hòa với cô Chín Liên": those present are the members but the absent.
  if (att.present === undefined && att.expected !== undefined && att.absentTotal !== undefined && att.absentTotal > 0 && att.absentTotal < att.expected && att.absentees.length === att.absentTotal) {
    att.present = att.expected - att.absentTotal;
  }
  if (att.present !== undefined) fields.present = att.present;
  if (att.expected !== undefined) fields.members_expected = att.expected;
  if (att.present !== undefined && att.expected !== undefined && att.present === att.expected && att.absentTotal === undefined) {
    att.absentTotal = 0;
    att.excused ??= 0;
    att.unexcused ??= 0;
  }
  if (att.expected === undefined && att.present !== undefined && att.absentTotal !== undefined) {
    fields.members_expected = att.present + att.absentTotal;
    warnings.push(`members_expected_derived: present ${att.present} + absent ${att.absentTotal}`);
  }
  // (Counted by groups, the absent named in each group's brackets are not all read: their kinds are left unsaid.)
  if (!byGroups) reconcileAbsences(att, f);
  if (att.excused !== undefined) fields.absent_excused = att.excused;
  if (att.unexcused !== undefined) fields.absent_unexcused = att.unexcused;
  if (att.exempt !== undefined) fields.absent_exempt = att.exempt;
  if (att.absentTotal !== undefined) fields.absent_total = att.absentTotal;
  else if (att.present !== undefined && att.expected !== undefined && att.present <= att.expected) fields.absent_total = att.expected - att.present;
  if (att.absentees.length > 0) fields.absentees = att.absentees.map((a) => ({ ...a, name: titleCase(a.name) }));

  const cadre = readCadre(p, 0, f.length);
  if (cadre) {
    fields.cadre_present = cadre.present;
    if (cadre.name) fields.cadre_name = titleCase(cadre.name);
    // "Vắng KLD: 1, ĐUV phụ trách: có (đ/c Đinh Văn Khánh)": the cadre who came, named after the count of the absent, is none of them.
    const came = cadre.present ? fields.cadre_name : undefined;
    if (came && fields.absentees?.some((a) => a.name === came)) {
      fields.absentees = fields.absentees.filter((a) => a.name !== came);
      if (fields.absentees.length === 0) delete fields.absentees;
    }
  }

  if (sections.content) {
    let spans = splitItems(f, sections.content, true);
    // "1. Phần sinh hoạt thường kỳ: a; b; c.": the part's label, its items beside it on the line.
    spans = spans.flatMap((s) => {
      const label = RE_PART_LABEL.exec(f.slice(s.start, s.end));
      return label && s.end - s.start > label[0].length + 3 ? splitItems(f, { start: s.start + label[0].length, end: s.end }, true) : [s];
    });
    // "… nơi trú ẩn an toàn hết rồi đó anh", "… nạo vét kênh nha chị, em cảm ơn": the words that close a spoken report.
    if (spans.length > 1 && RE_THANKS_ONLY.test(f.slice((spans[spans.length - 1] as Span).start, (spans[spans.length - 1] as Span).end))) spans = spans.slice(0, -1);
    const lastSpan = spans[spans.length - 1];
    const chatter = lastSpan ? RE_CHATTER_TAIL.exec(f.slice(lastSpan.start, lastSpan.end)) : null;
    if (lastSpan && chatter && chatter.index > 0) spans = [...spans.slice(0, -1), { start: lastSpan.start, end: lastSpan.start + chatter.index }];
    // "nội dung họp bàn thu hoạch chè và làm đường vào khu sản xuất": an agenda said in one breath.
    const only = spans.length === 1 ? spans[0] : undefined;
    if (only && !/[,;\n]|\d[.)]/.test(f.slice(only.start, only.end))) spans = spokenItems(f, only);
    // "…, triển khai nhiệm vụ tháng 12 và bình xét xếp loại đảng viên": the "và" before the last item of a list.
    else if (spans.length > 1) spans = [...spans.slice(0, -1), ...splitAtAndVerb(f, spans[spans.length - 1] as Span)];
    // "…, chuẩn bị Ngày hội 18/11, và thu đảng phí": the "và" before the last item is no part of it.
    // "Nội dung: chuẩn bị phòng chống bão số 9, họp xong lúc 9 giờ kém 15": when the meeting ended is no item.
    // "1. Phần thường kỳ:⏎ - …⏎ - …": the part's heading over its items is none of them.
    const items = spans.filter((s) => !RE_TIME_CLAUSE.test(f.slice(s.start, s.end).trimStart()) && !RE_PART_HEADING.test(f.slice(s.start, s.end))).map((s) => cut(p, s.start, s.end).replace(RE_AND_LEAD, "")).filter((s) => s.length > 0);
    if (items.length > 0) fields.content_items = items;
  }
  if (sections.resolutions) {
    // (Its deadlines read from the meeting's day, when the report came in weeks after it.)
    const held = fields.meeting_date ? dayOf(Number(fields.meeting_date.slice(0, 4)), Number(fields.meeting_date.slice(5, 7)), Number(fields.meeting_date.slice(8, 10))) : null;
    const res = readResolutions(p, sections.resolutions, held !== null && held < p.now.day ? { ...p.now, ...ymdOf(held), day: held } : undefined);
    if (res.length > 0) fields.resolutions = res.map((r) => (r.owner ? { ...r, owner: titleCaseIfName(r.owner) } : r));
  }

  // "tháng này chưa sinh hoạt được, dự kiến lùi sang 12/8": no meeting held, nothing to report.
  if (fields.present === undefined && fields.absent_total === undefined && mayNotBeHeld(f) && RE_NOT_HELD.test(f)) {
    return { ok: false, errors: ["not_a_report: notice"] };
  }
  const signals =
    fields.meeting_date !== undefined || fields.present !== undefined || fields.absent_total !== undefined ||
    fields.resolutions !== undefined || (fields.start_time !== undefined && RE_REPORT_SIGNAL.test(f)) ||
    (fields.period !== undefined && RE_REPORT_SIGNAL.test(f)) || thematic;
  if (!signals) return { ok: false, errors: ["not_a_report: no meeting fields found"] };

  checkMeeting(fields, warnings);
  const missing = REQUIRED.filter((k) => fields[k] === undefined).map(String);
  return { ok: true, form: "monthly-meeting", fields, missing, warnings };
}

const RE_THANKS_ONLY = /^\s*(?:(?:da|vang|e|em|xin)\s+)*cam on(?:\s+[a-z]+){0,3}\s*[.!]*\s*$/;
const RE_CHATTER_TAIL = /\s+(?:(?:nha|nhe|nghen|nghe)(?:\s+(?:anh|chi|em|a))?|(?:het|xong)(?:\s+(?:roi|a|nha|nghen|do|day|anh|chi|em|a|nhe|vay))+|(?:(?:da|vang|e|em|xin)\s+)*cam on(?:\s+[a-z]+){0,3}|(?:vay|rua|the)\s+thoi(?:\s+[a-z]+){0,3})\s*[.!]*\s*$/;
// What an agenda item said aloud opens with: "… và làm đường", "… và thu đảng phí".
const AGENDA_VERB =
  "(?:lam|thu|giu|keu goi|khac phuc|kiem tra|nhac nho|trien khai|chuan bi|tham hoi|to chuc|phat dong|tuyen truyen|van dong|kiem diem|danh gia|tong ket|so ket|quan triet|hoc tap|binh xet|xet|bau|ra soat|cham soc|xay dung|phong chong|nop|dong|trong|phan cong|giao|thong qua|ket nap|ve sinh|sua|don|ban viec|ban ve|ban bac|ke hoach)";
const RE_AND_VERB = new RegExp(`\\s(?:va|voi|cung)\\s+(?=${AGENDA_VERB}\\s)`, "g");
// "chuẩn bị tết Đinh Mùi thăm hỏi gia đình chính sách": a verb that only opens an item, no "và" before it.
const RE_OPENING_VERB = /\s(?=(?:tham hoi|chuan bi|phong chong|keu goi|khac phuc|trien khai|kiem diem|quan triet|van dong|tuyen truyen|phat dong|ra soat|tong ket|so ket|binh xet)\s)/g;
// Words after which such a verb is the object's part ("kế hoạch chuẩn bị đại hội").
const RE_VERB_OBJECT_BEFORE = /(?:^|\s)(?:ve|cua|cho|trong|quy|ban chi huy|ke hoach|cong tac|viec|phuong an|de|nham|va|can|se|da|dang|huong dan|bao cao|nghi quyet|chuong trinh|to chuc|lam|tot)$/;
// "họp bàn …", "bàn về …": the meeting's own verb, no part of the first item.
const RE_SPOKEN_LEAD = /^\s*(?:hop ban|ban bac|ban|thao luan)\s+(?!viec\b)(?:ve\s+)?(?=\S+\s+\S)/;

/** The items of an agenda said in one breath: split before "và" + a verb, and before a verb that opens an item. */
const RE_AND_LEAD = /^(?:và|với|cùng)\s+(?=\S+\s+\S)/i;

function spokenItems(f: string, span: Span): Span[] {
  const lead = RE_SPOKEN_LEAD.exec(f.slice(span.start, span.end));
  const start = span.start + (lead ? lead[0].length : 0);
  const body = f.slice(start, span.end);
  const cuts: [number, number][] = [];
  let m: RegExpExecArray | null;
  RE_AND_VERB.lastIndex = 0;
  while ((m = RE_AND_VERB.exec(body))) cuts.push([m.index, m.index + m[0].length]);
  RE_OPENING_VERB.lastIndex = 0;
  while ((m = RE_OPENING_VERB.exec(body))) {
    const at = m.index;
    const from = cuts.filter(([, e]) => e <= at).reduce((x, [, e]) => Math.max(x, e), 0);
    const before = body.slice(from, at).trim();
    if (before.split(" ").length < 3 || RE_VERB_OBJECT_BEFORE.test(before) || cuts.some(([s0, e]) => at >= s0 && at < e)) continue;
    cuts.push([at, at + 1]);
  }
  if (cuts.length === 0) return [{ start, end: span.end }];
  cuts.sort((x, y) => x[0] - y[0]);
  const out: Span[] = [];
  let last = 0;
  for (const [s0, e] of cuts) {
    out.push({ start: start + last, end: start + s0 });
    last = e;
  }
  out.push({ start: start + last, end: span.end });
  return out;
}

// Verbs that open an agenda item of their own ("và giữ an ninh" may be part of the item before it; "và bình xét" is not).
const RE_AND_ITEM_VERB = /\s(?:va|voi|cung)\s+(?=(?:trien khai|danh gia|binh xet|tong ket|so ket|kiem diem|quan triet|hoc tap|chuan bi|tham hoi|phat dong|ra soat|thong qua|ket nap|bau|phan cong)\s)/g;

/** `span` cut before "và"/"với" and a verb that opens an agenda item (the joining word left out). */
function splitAtAndVerb(f: string, span: Span): Span[] {
  if (!f.includes(" va ", span.start) && !f.includes(" voi ", span.start) && !f.includes(" cung ", span.start)) return [span];
  const out: Span[] = [];
  let start = span.start;
  RE_AND_ITEM_VERB.lastIndex = 0;
  const body = f.slice(span.start, span.end);
  let m: RegExpExecArray | null;
  while ((m = RE_AND_ITEM_VERB.exec(body))) {
    out.push({ start, end: span.start + m.index });
    start = span.start + m.index + m[0].length;
  }
  out.push({ start, end: span.end });
  return out;
}

/** The attendance told before a slip, with what was told again after it put in its place. */
function restated(before: Attendance, again: Attendance): Attendance {
  const out: Attendance = { ...before, absentees: again.absentees.length > 0 ? again.absentees : before.absentees, spans: [...before.spans, ...again.spans] };
  if (again.present !== undefined) {
    out.present = again.present;
    // "có mặt 18 thôi" after "có mặt 19/21": the members stay; the absences follow the new count unless told again.
    if (again.absentTotal === undefined) {
      delete out.absentTotal;
      delete out.excused;
      delete out.unexcused;
      out.absentees = again.absentees;
    }
  }
  for (const k of ["expected", "excused", "unexcused", "exempt", "absentTotal"] as const) {
    const v = again[k];
    if (v !== undefined) out[k] = v;
  }
  if (again.allPresent !== undefined) out.allPresent = again.allPresent;
  if (again.absentTotal !== undefined) {
    // The kinds of the absences are those told after the slip.
    for (const k of ["excused", "unexcused", "exempt"] as const) if (again[k] === undefined) delete out[k];
  }
  return out;
}

/**
 * Whether a meeting report's text names the meeting's kind: thematic or combined ("chuyên đề",
 * "shcđ kết hợp"), or regular ("thường kỳ", "định kỳ", "shtk"); the year's study topic ("học tập
 * chuyên đề năm 2026") names none. Where none is named, the parse's `kind: "regular"` is assumed, not
 * read: the bot lets the cell's plan for the month stand instead ("chuyên đề tháng cuối quý").
 *
 * @example namesMeetingKind("bc sh cb t12: hop toi 10/12, co mat 5/6") // false
 */
export function namesMeetingKind(text: string): boolean {
  const f = foldSameLength(text);
  return RE_REGULAR_TOO.test(f) || (RE_THEMATIC.test(f) && RE_THEMATIC.test(f.replace(RE_YEAR_TOPIC, " ")));
}

/** A thematic meeting that was the regular one too ("shcđ kết hợp thường kỳ"). */
function regularToo(f: string): boolean {
  if (!(f.includes("ky") || f.includes("shtk")) || !RE_REGULAR_TOO.test(f)) return false;
  // "Còn sinh hoạt thường kỳ tháng 6 chi bộ đã tổ chức ngày 5/6 …": the regular meeting held apart is no part of this one.
  return RE_REGULAR_TOO.test(f.includes("da") ? f.replace(RE_REGULAR_APART, " ") : f);
}

function nearestYear(p: Prepared, d: number, m: number): number | null {
  let best: number | null = null;
  for (const y of [p.now.y - 1, p.now.y, p.now.y + 1]) {
    if (!isValidDate(y, m, d)) continue;
    const day = dayOf(y, m, d);
    if (best === null || Math.abs(day - p.now.day) < Math.abs(best - p.now.day)) best = day;
  }
  return best;
}

function titleCaseIfName(owner: string): string {
  return /^[a-z]+$/.test(owner) && owner.length <= 8 && !/^(?:thon|cac|toan)/.test(owner) ? titleCase(owner) : owner;
}

// "tổ 1 có mặt 6/7 (…), tổ 2 đủ 8/8, tổ 3 có mặt 5/7": the party groups of a big cell counted one by one.
const RE_GROUP_FRACTION = /\bto(?:\s+dang)?\s*(?:so\s*)?\d{1,2}\s*:?\s*(?:co mat|du hop|tham du|du|dat)?\s*:?\s*(\d{1,3})\s*\/\s*(\d{1,3})(?![\d/])/g;

/** Those present and the members summed over the party groups, when two groups or more are counted so. */
function groupsCounted(att: Attendance, f: string): boolean {
  if (!f.includes("to")) return false;
  let present = 0;
  let expected = 0;
  let groups = 0;
  for (const m of f.matchAll(RE_GROUP_FRACTION)) {
    const [p, e] = [Number(m[1]), Number(m[2])];
    if (p > e || e === 0) return false;
    present += p;
    expected += e;
    groups++;
  }
  if (groups < 2) return false;
  att.present = present;
  att.expected = expected;
  att.absentTotal = expected - present;
  delete att.excused;
  delete att.unexcused;
  delete att.exempt;
  return true;
}

const RE_EXEMPT_WORD = /\b(?:mien|msh)\b/;

/**
 * The absences' counts made to add up, as a clerk checks them against the roll: those present and those absent make
 * the members, and the absent by kind make the absent.
 * - "Vắng 8 đồng chí, trong đó: miễn sinh hoạt 5; vắng có lý do 2; vắng không lý do 1": the kinds are parts of the 8,
 *   not more absences (the total is what the roll leaves and the kinds add up to);
 * - "vắng bốn đồng chí thì hai đồng chí miễn sinh hoạt còn đồng chí A đi rừng có báo với đồng chí B ốm": those named,
 *   each excused or not, give the two kinds; the rest of the absent, the exempt being spoken of, are the exempt.
 */
function reconcileAbsences(att: Attendance, f: string): void {
  const { present, expected } = att;
  const missing = present !== undefined && expected !== undefined && present <= expected ? expected - present : undefined;
  const kinds = (att.excused ?? 0) + (att.unexcused ?? 0) + (att.exempt ?? 0);
  if (missing !== undefined && att.absentTotal !== undefined && att.absentTotal > missing && kinds === missing) att.absentTotal = missing;
  // "Vắng: 01⏎Vắng có lý do: 01 (đ/c Ksor Blưn …)", "Vắng CLD: 02 … Vắng có lý do: đ/c A (…), đ/c B (…)", "vắng 3 có lý do
  // (2 đi biển chưa về, 1 ốm)": the same absences counted twice, once by their count and once by their names or parts,
  // all of one kind; the roll tells how many there were.
  else if (missing !== undefined && missing > 0 && att.absentTotal !== undefined && att.absentTotal > missing) {
    const one = att.excused && !att.unexcused ? "excused" : att.unexcused && !att.excused ? "unexcused" : null;
    if (one !== null && att[one] === att.absentTotal) {
      att.absentTotal = missing;
      att[one] = missing;
    }
  }
  const named = att.absentees.filter((x) => !x.exempt);
  if (att.excused === undefined && att.unexcused === undefined && named.length > 0 && named.every((x) => x.excused !== null)) {
    const total = att.absentTotal ?? missing;
    const excused = named.filter((x) => x.excused === true).length;
    const unexcused = named.length - excused;
    const rest = total === undefined ? 0 : total - named.length - (att.exempt ?? 0);
    // Every absence accounted for by the names, or the rest exempt.
    if (total !== undefined && (rest === 0 || (rest > 0 && att.exempt === undefined && RE_EXEMPT_WORD.test(f)))) {
      att.excused = excused;
      att.unexcused = unexcused;
      if (rest > 0) att.exempt = rest;
    }
  }
}

/** Cross-checks that become warnings shown to the secretary. */
export function checkMeeting(fields: MonthlyMeetingFields, warnings: string[]): void {
  const { present, members_expected: expected } = fields;
  const excused = fields.absent_excused ?? 0;
  const unexcused = fields.absent_unexcused ?? 0;
  const exempt = fields.absent_exempt ?? 0;
  if (present !== undefined && expected !== undefined) {
    if (present > expected) warnings.push(`present_exceeds_expected: present ${present} > expected ${expected}`);
    const absences = fields.absent_excused !== undefined || fields.absent_unexcused !== undefined || fields.absent_exempt !== undefined
      ? excused + unexcused + exempt
      : fields.absent_total;
    // "tổng số 47, miễn sinh hoạt 6, phải dự 41, có mặt 38, vắng 3": the exempt stand outside those expected.
    const exemptOutside = exempt > 0 && fields.absent_total !== undefined && present + fields.absent_total === expected && fields.absent_total === excused + unexcused;
    if (absences !== undefined && present + absences !== expected && present <= expected && !exemptOutside) {
      warnings.push(`attendance_mismatch: present ${present} + absent ${absences} != expected ${expected}`);
    }
    if (exempt > 0 && !exemptOutside) {
      warnings.push(`exempt_unclear: ${exempt} exempt member(s) may not count in expected ${expected} (then ${expected - exempt})`);
    }
    const base = expected - exempt;
    if (base > 0 && present / base < MIN_ATTENDANCE_RATIO) {
      warnings.push(`attendance_low: ${present}/${base} = ${Math.round((present / base) * 100)}% < ${MIN_ATTENDANCE_RATIO * 100}%`);
    }
  }
  if (fields.absent_total !== undefined && fields.absent_total > 0 && fields.absent_excused === undefined && fields.absent_unexcused === undefined && fields.absent_exempt === undefined) {
    warnings.push(`absence_reason_unknown: ${fields.absent_total} absent without excused/unexcused`);
  }
  if (unexcused > 0) warnings.push(`unexcused_absence: ${unexcused}`);
  if (fields.cadre_present === false) warnings.push("cadre_absent: no assigned committee member present");
  if (fields.duration_min !== undefined) {
    const min = fields.kind === "combined" ? MIN_DURATION_COMBINED : MIN_DURATION_REGULAR;
    if (fields.duration_min < min) warnings.push(`duration_short: ${fields.duration_min} < ${min} min`);
  }
}

const RE_OWN_HOUSE = /^nha (?:toi|tui|em|minh)(?: bi thu)?$/;
const RE_SPEAKER_SECRETARY = /\b(?:toi|tui|em|minh)\s+(?:la\s+)?(?:[a-z]+\s+){0,3}?(?:bi thu|bt)\b/;
const RE_MONTHS_COMPARED = /^(?:thang|t)\s?\d{1,2}(?:\s*-\s*\d{1,2}\b(?!\s*(?:d\/c|dc|dv|dong chi|dang vien|nguoi)\b)|(?:\s*,\s*\d{1,2})+\s+(?:de\s+)?(?:doi chieu|so sanh))/;

/** "t11", "tháng 11", "tháng này", "tháng trước" → year and month (looking back). */
const RE_VILLAGE_NUMBER_BEFORE = /\b(?:thon|xom|to|khu|kp|tdp|ap|ban|so|doi|khom|buon|lang|khoi)\s+\d{1,2}\s*$/;
export function readPeriod(p: Prepared, from: number, to: number, dates: readonly Span[] = []): { y: number; m: number; yearWritten: boolean } | null {
  RE_PERIOD.lastIndex = from;
  let m: RegExpExecArray | null;
  while ((m = RE_PERIOD.exec(p.f)) && m.index < to) {
    const at = m.index;
    if (dates.some((d) => at >= d.start && at < d.end)) continue;
    // "3 tháng liên tiếp", "6 tháng đầu năm" are spans of time, not the period.
    // ("thôn 7 tháng 2": a village's number before the month is none.)
    if (/\d\s*$/.test(p.f.slice(Math.max(0, at - 3), at)) && !RE_VILLAGE_NUMBER_BEFORE.test(p.f.slice(Math.max(0, at - 12), at))) continue;
    // "bảng dưới có cả tháng 1, 2 để đối chiếu", "(tháng 1-2 đã gửi rồi)": months compared with, or a span of them.
    if (RE_MONTHS_COMPARED.test(p.f.slice(at, at + 40))) continue;
    const word = (m[1] ?? m[2]) as string;
    // "tháng rồi" is last month; "ba tháng rồi", "mấy tháng rồi" a span.
    if (word === "roi" && /\b(?:mot|hai|ba|bon|nam|sau|bay|tam|chin|muoi|may|vai|nhieu|cac|nua)\s+$/.test(p.f.slice(Math.max(0, at - 8), at))) continue;
    let month: number | null;
    let y = p.now.y;
    if (word === "nay") month = p.now.m;
    else if (word === "truoc" || word === "vua roi" || word === "vua qua" || word === "roi") month = p.now.m - 1;
    else month = parseCount(word);
    // "tháng chín năm hai nghìn …": the number words ran on into the year's; the month is the longest start of them that is one.
    let used = word;
    if ((month === null || month > 12) && word.includes(" ")) {
      const words = word.split(" ");
      for (let k = words.length - 1; k > 0; k--) {
        const n = parseCount(words.slice(0, k).join(" "));
        if (n !== null && n >= 1 && n <= 12) {
          month = n;
          used = words.slice(0, k).join(" ");
          break;
        }
      }
    }
    if (month === null) continue;
    // "… năm hai nghìn không trăm hai mươi sáu": the year said in words after it.
    const wordEnd = at + m[0].indexOf(word) + used.length;
    const spoken = !m[3] && p.f.startsWith(" nam ", wordEnd) ? yearFromWords(p.f.slice(wordEnd + 5, wordEnd + 60)) : null;
    if (month === 0) {
      month = 12;
      y -= 1;
    }
    if (month < 1 || month > 12) continue;
    if (m[3]) y = Number(m[3]);
    else if (spoken) y = spoken.year;
    else if (month > p.now.m + 1 && word !== "truoc" && word !== "vua roi" && word !== "vua qua" && word !== "roi") y -= 1;
    return { y, m: month, yearWritten: m[3] !== undefined || spoken !== null };
  }
  return null;
}

function romanQuarter(s: string): number {
  switch (s) {
    case "i": return 1;
    case "ii": return 2;
    case "iii": return 3;
    case "iv": return 4;
    case "mot": return 1;
    case "hai": return 2;
    case "ba": return 3;
    case "bon": case "tu": return 4;
    default: return Number(s);
  }
}

const RE_FORWARD_LINE = new RegExp(`^[^\\n]{0,60}${WORD_START}${FORWARD_WORD}${WORD_END}[^\\n]*\\n`);
const RE_SYMBOL = /[\u2190-\u2bff\u2700-\u27bf\ud800-\udfff]/;
const RE_AT_MEETING = new RegExp(`^(?:buoi|cuoc|ky) (?:sh|sinh hoat|hop|hoi nghi)${WORD_END}`);

function readPlace(p: Prepared, from: number, to: number, absences: readonly Span[] = []): string | null {
  const f = p.f;
  // "Địa điểm: nhà văn hóa thôn Bản Chu" (a labelled line) before "tại …".
  RE_PLACE_LABEL.lastIndex = from;
  let m: RegExpExecArray | null;
  // "Nơi" needs its colon.
  while ((f.includes("dia diem") || (f.includes("noi") && f.includes(":"))) && (m = RE_PLACE_LABEL.exec(f)) && m.index < to) {
    const start = m.index + m[0].length;
    if (!m[0].includes(":") && !RE_PLACE_START.test(f.slice(start, start + 20))) continue;
    // "Thời gian, địa điểm: 19h30 ngày 06/3, tại hội trường …": the time first, the place after "tại".
    if (/^\s*\d/.test(f.slice(start, start + 4))) continue;
    // "Thời gian, địa điểm: Chi bộ tổ chức sinh hoạt vào hồi 19 giờ …, tại Nhà văn hóa thôn Khe Càn": a sentence, its place after "tại".
    if (!RE_PLACE_START.test(f.slice(start, start + 20).trimStart()) && /\s(?:tai|o)\s/.test(f.slice(start, lineEnd(f, start)))) continue;
    const text = placeAt(p, start, to);
    if (text) return text;
  }
  // "SH CB T9: 7/9, 19h, NVH, 25/28": a place standing alone between separators; it comes first when it stands
  // before a "tại"/"ở" of something else ("nhà vh bản. … Quàng Thị Ón đi ăn cưới ở Thuận Châu").
  let bare: { at: number; text: string } | null = null;
  if (RE_PLACE_WORD.test(f)) {
    RE_PLACE_BARE.lastIndex = from;
    while ((m = RE_PLACE_BARE.exec(f)) && m.index < to) {
      const text = placeAt(p, m.index + m[0].length, to);
      if (text) {
        bare = { at: m.index, text };
        break;
      }
    }
  }
  RE_PLACE.lastIndex = from;
  while ((m = RE_PLACE.exec(f)) && m.index < (bare ? bare.at : to)) {
    const start = m.index + m[0].length;
    // "vắng 2 (…, đ/c Lê Thị Mỹ đi chăm con ở Đà Nẵng)": where an absentee went is no meeting place.
    if (absences.some((s) => m!.index > s.start && m!.index < s.end)) continue;
    const orig = p.text.slice(m.index, m.index + m[0].length - 1);
    const accented = orig === "tại" || orig === "Tại" || orig === "ở" || orig === "Ở";
    if (!accented && !RE_PLACE_START.test(f.slice(start, start + 20))) continue;
    // "vắng đồng chí Bàn Văn Phin đi làm thuê ở Bắc Ninh": in running speech, no place word after it, where an absentee went.
    if (accented && !RE_PLACE_START.test(f.slice(start, start + 20)) && RE_ABSENT_BEFORE.test(f.slice(Math.max(0, m.index - 80), m.index))) continue;
    if ((orig === "Tai" || orig === "tai") && !RE_PLACE_START.test(f.slice(start, start + 20))) continue;
    // "Đảng phí thu tại buổi SH": at the meeting, no place.
    if (RE_AT_MEETING.test(f.slice(start, start + 20))) continue;
    // "chao chi Lien o van phong⏎cb thon … hop …": the greeting's office, where the one addressed sits.
    if (RE_GREETING_LEAD.test(f.slice(f.lastIndexOf("\n", m.index) + 1, m.index)) && !RE_MEETING_WORD.test(f.slice(f.lastIndexOf("\n", m.index) + 1, m.index))) continue;
    // "Chủ đề: \"Nâng cao ý thức phân loại rác thải tại nguồn\"": words of a title in quotes.
    if (quoted(f, m.index)) continue;
    const text = placeAt(p, start, to);
    if (text) return text;
  }
  return bare ? bare.text : null;
}

const RE_GREETING_LEAD = /^[ \t]*(?:(?:da|vang|e|em)\s+)?(?:chao|kinh chao|kinh gui|gui|thua|xin chao|alo|hi)\s/;
const RE_MEETING_WORD = /\b(?:sh|hop|sinh hoat|bc|bao cao|cb|chi bo)\b/;

/** `at` is inside a short run of words in quotes on its line (a title), not a message quoted whole. */
function quoted(f: string, at: number): boolean {
  const line = f.slice(f.lastIndexOf("\n", at - 1) + 1, at);
  if (!line.includes('"') || (line.split('"').length - 1) % 2 === 0) return false;
  const open = f.lastIndexOf('"', at - 1);
  const close = f.indexOf('"', at);
  return close >= 0 && close - open <= 120 && !f.slice(at, close).includes("\n");
}

/** The place named from `start` to the end of its clause (or a following time, date, count). */
function placeAt(p: Prepared, start: number, to: number): string | null {
  const f = p.f;
  let end = Math.min(to, clauseEnd(f, start, true));
  const stop = stopAt(p, start, end);
  // "ở nhà rông có mặt 16 đồng chí à không 17 đồng chí": a slip after the place ended is no place said again.
  const redo = RE_PLACE_REDO.exec(f.slice(start, stop ? start + stop.index : end));
  if (redo) {
    const again = start + redo.index + redo[0].length;
    if (again < end) return placeAt(p, again, to);
  }
  if (stop) end = start + stop.index;
  // "tại NVH xóm ✅ Tổng 31 đv": a symbol or an emoji ends it.
  const symbol = RE_SYMBOL.exec(f.slice(start, end));
  if (symbol && symbol.index > 0) end = start + symbol.index;
  // "ở văn phòng khóm nha anh, có 15 …": the spoken "nha" (no "nhà") closing the clause is no part of it.
  const particle = RE_PLACE_PARTICLE.exec(p.text.slice(start, end));
  if (particle) end = start + particle.index;
  const why = RE_PLACE_WHY.exec(p.text.slice(start, end));
  if (why && why.index > 0) end = start + why.index;
  // "nhà ông Bế Văn Sình (nhà văn hóa đang sửa)": a remark in brackets after the place is no part of it.
  const aside = RE_ASIDE_END.exec(f.slice(start, end));
  if (aside && aside.index > 0) end = start + aside.index;
  const folded = f.slice(start, end).trim();
  const text = cut(p, start, end);
  if (!text) return null;
  const nvh = RE_NVH.exec(folded);
  if (nvh) {
    const rest = text.slice(nvh[0].length).trim();
    return "nhà văn hóa" + (rest ? " " + asciiPlace(rest) : "");
  }
  return asciiPlace(text);
}

/** Where the time, count or meeting after a place starts ("nhà ông Sáu Lực" holds a name, no "lúc"). */
function stopAt(p: Prepared, start: number, end: number): RegExpExecArray | null {
  const s = p.f.slice(start, end);
  RE_PLACE_STOP_G.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = RE_PLACE_STOP_G.exec(s))) {
    // "nhà ông Sáu Lực": a capitalised word after a capitalised one goes on the name.
    if (UPPER_AT.test(p.text.slice(start + m.index + 1, start + m.index + 2)) && RE_CAP_BEFORE.test(p.text.slice(Math.max(0, start + m.index - 12), start + m.index))) continue;
    return m;
  }
  return null;
}
const RE_PLACE_STOP_G = new RegExp(RE_PLACE_STOP.source, "g");
const UPPER_AT = /^\p{Lu}/u;
const RE_CAP_BEFORE = /(?:^|\s)\p{Lu}\p{Ll}*$/u;

/** Restores the diacritics of common place words typed without them. */
function asciiPlace(text: string): string {
  if (!/^[\x00-\x7f]*$/.test(text)) return text;
  let out = text;
  for (const [word, re, marked] of PLACE_WORDS) {
    if (!out.includes(word)) continue;
    re.lastIndex = 0;
    out = out.replace(re, marked);
  }
  return out;
}

function readTopic(p: Prepared): string | null {
  const f = p.f;
  if (!RE_THEMATIC.test(f) && !(f.includes("chu de") && RE_CHU_DE.test(f))) return null;
  const quoted = RE_QUOTED.exec(p.text);
  if (quoted) return (quoted[1] as string).trim();
  // "Chuyên đề 'Chuyển đổi số trong sinh hoạt chi bộ …', đ/c … trình bày": single quotes right after the topic's word.
  const single = p.text.includes("'") ? RE_SINGLE_QUOTED_TOPIC.exec(f) : null;
  if (single) return p.text.slice(single.index + single[0].length - (single[1] as string).length - 1, single.index + single[0].length - 1).trim();
  let m: RegExpExecArray | null;
  for (const re of [RE_TOPIC_COLON, RE_TOPIC_VE]) {
    re.lastIndex = 0;
    while ((m = re.exec(f))) {
      const start = m.index + m[0].length;
      // "sh chuyên đề quý III/2025: tổ chức chiều 24/9, … Chủ đề: …": the quarter's header opens the report, no topic.
      if (re === RE_TOPIC_COLON && RE_PERIOD_THEN_COLON.test(m[0]) && RE_REPORT_OPENS.test(f.slice(start, start + 12))) continue;
      const text = topicText(p, start);
      if (text) return text;
    }
  }
  RE_TOPIC.lastIndex = 0;
  while ((m = RE_TOPIC.exec(f))) {
    const start = m.index + m[0].length;
    if (RE_TOPIC_SKIP.test(f.slice(start, start + 12))) continue;
    const text = topicText(p, start);
    if (text) return text;
  }
  return null;
}

const RE_PERIOD_THEN_COLON = /\s(?:quy|q|thang|t|nam)\s?[ivx\d]+(?:\s?\/\s?\d{2,4})?\s*:\s*$/;
const RE_REPORT_OPENS = /^(?:to chuc|hop|sinh hoat|sh|vao|luc|ngay|hom|toi|sang|chieu|trua|\d)(?![a-z])/;
// "… sinh hoạt chuyên đề quý III/2026:\nThời gian: 7h30 …": the next line's own label, no topic.
const RE_LABEL_LINE = /^\s*\n\s*(?:[-+•*]\s*)?[a-z][a-z/ ]{1,24}:/;

// (", cô Trần Thị Thu Hà trạm y tế xã trình bày": a kinship word and a name after a comma open the presenter's clause.)
const RE_TIME_CLAUSE = /^(?:(?:hop|sh|sinh hoat|chi bo)\s+)?(?:xong|ket thuc|bat dau|tan hop|tan)\s+(?:luc\s+|vao\s+)?\d/;
const RE_TOPIC_RUN_ON = /\s(?:(?:[đĐdD]ồng chí|[đĐdD]\/c|[đĐdD]c)\s+\p{Lu}|(?:có mặt|co mat|vắng|vang)\s+\d)|,\s*(?:[Cc]ô|[Cc]hú|[Aa]nh|[Cc]hị|[Bb]ác|[Tt]hầy)\s+\p{Lu}/u;

function topicText(p: Prepared, start: number): string | null {
  const f = p.f;
  if (f[start - 1] === "\n" || f[start] === "\n" ? RE_LABEL_LINE.test(f.slice(Math.max(0, start - 1), start + 30)) : false) return null;
  {
    let end = clauseEnd(f, start);
    const stop = /,\s*(?:dv|dang vien|co mat|du\b|vang|dc|d\/c|dong chi|\d|thoi gian|luc|ngay)|\s(?:do|voi)\s(?:dc|d\/c|dong chi)\b|\s(?:dc|d\/c)\s\S+\s(?:trinh bay|bao cao)|\s-\s(?:(?:dc|d\/c|dong chi)\s)?[^,.;:\n]{2,40}?\s(?:trinh bay|bao cao|quan triet|truyen dat)\b|\s-\s(?:bcv|bao cao vien|nguoi trinh bay|trinh bay)\s*:|(?<!ky niem|le|dip)\s(?:vao\s+)?(?:(?:toi|sang|chieu|trua)\s+(?:ngay\s+)?|ngay\s+)\d{1,2}\s?\/\s?\d/.exec(f.slice(start, end));
    if (stop) end = start + stop.index;
    // "chuyên đề là phòng chống ma túy và mua bán người đồng chí Lò Văn Thanh công an xã về nói chuyện có mặt 14 …":
    // said in one breath, the topic ends where a comrade is named or the count begins.
    const named = RE_TOPIC_RUN_ON.exec(p.text.slice(start, end));
    if (named && named.index > 0) end = start + named.index;
    let text = cut(p, start, end);
    text = text.replace(/^["“'«]+|["”'»]+$/g, "").trim();
    if (text.length >= 3 && !RE_TOPIC_SKIP.test(f.slice(start, start + 12))) return text;
  }
  return null;
}

/** Where the last of RE_PRESENTER_HINT's words starts in f (overlapping ones too); -1 when none. */
function lastHintAt(f: string): number {
  let at = -1;
  RE_PRESENTER_HINT.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = RE_PRESENTER_HINT.exec(f))) {
    at = m.index;
    RE_PRESENTER_HINT.lastIndex = m.index + 1;
  }
  return at;
}

const RE_COMRADE_SHORT = /(?<!\p{L})(?:đ\/c|Đ\/c|đc|Đc)(?!\p{L})/gu;
const RE_TITLE_AS_NAME = /^\s*(?:pho bi thu|bi thu|chi uy vien|cap uy vien|dang uy vien)(?:\s+(?:chi bo|cb|dang uy))?(?=\s)/;

function readPresenter(p: Prepared): string | null {
  const f = p.f;
  // The presenter's verb follows the name: a comrade named after the last verb word is no presenter.
  const lastHint = lastHintAt(f);
  if (lastHint < 0) return null;
  RE_PRESENTER_AFTER.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = RE_PRESENTER_AFTER.exec(f)) && m.index < lastHint) {
    const at = m.index + m[0].length;
    // "đ/c Phó bí thư trình bày": a title where a name would be, read whole.
    const title = RE_TITLE_AS_NAME.exec(f.slice(at, at + 40));
    // "do đ/c Phó bí thư Đoàn Văn Kha trình bày": the title, then the name.
    const titledName = title ? readName(p, at + title[0].length, false) : null;
    if (titledName && RE_PRESENTER_VERB.test(f.slice(titledName.end, titledName.end + 60))) return titleCase(titledName.name);
    if (title && RE_PRESENTER_VERB.test(f.slice(at + title[0].length, at + title[0].length + 60))) return p.text.slice(at, at + title[0].length).trim();
    const name = readName(p, at, RE_COMRADE_LEAD.test(m[0]));
    if (name && RE_PRESENTER_VERB.test(f.slice(name.end, name.end + 60))) return titleCase(name.name);
  }
  RE_PRESENTER_LABEL.lastIndex = 0;
  while ((m = RE_PRESENTER_LABEL.exec(f))) {
    const label = m[0];
    if (label.startsWith("do") && m.index >= lastHint) continue;
    const at = m.index + label.length;
    // "Người trình bày: đ/c Bí thư chi bộ": a title where a name would be, read whole.
    const title = label.startsWith("do") ? null : RE_TITLE_AS_NAME.exec(f.slice(at, at + 40).replace(/^\s*(?:d\/c|dc|dong chi)\s+/, (w) => " ".repeat(w.length)));
    if (title) return p.text.slice(at, at + title[0].length).replace(/^\s*(?:đ\/c|Đ\/c|đc|Đc|đồng chí|Đồng chí)?\s*/, "").trim();
    const name = readName(p, at, false);
    if (!name) continue;
    if (label.startsWith("do") && !RE_PRESENTER_VERB.test(f.slice(name.end, name.end + 60))) continue;
    return titleCase(name.name);
  }
  // "Chuyên đề: … - bí thư chi bộ trình bày": a title after a dash, then the verb.
  const dashed = RE_DASH_TITLE_PRESENTER.exec(f);
  if (dashed) return p.text.slice(dashed.index + dashed[0].length - (dashed[1] as string).length - (dashed[2] as string).length, dashed.index + dashed[0].length - (dashed[2] as string).length).trim();
  return null;
}
const RE_DASH_TITLE_PRESENTER = /\s[-–]\s*(?:(?:d\/c|dc|dong chi)\s+)?((?:pho bi thu|bi thu|chi uy vien|cap uy vien|dang uy vien)(?:\s+(?:chi bo|cb|dang uy(?: xa)?))?)(\s+(?:trinh bay|bao cao|quan triet|truyen dat))\b/;

const RE_WRITTEN_DASH = /[\u2010-\u2015\u2212]/;
const RE_REGEX_SPECIAL = /[.*+?^${}()|[\]\\]/g;
/** `s` as the writer wrote it when only its dashes were made plain ("nhiệm kỳ 2025 – 2030"), else `s`. */
function writtenDashes(s: string, input: string): string {
  if (!s.includes("-")) return s;
  const m = new RegExp(s.replace(RE_REGEX_SPECIAL, "\\$&").replace(/-/g, "[-\\u2010-\\u2015\\u2212]")).exec(input);
  return m ? m[0] : s;
}

/** An agenda's items and tasks with the dashes the writer typed ("2025 – 2030"), which reading made plain. */
export function keepWrittenDashes(r: ParseResult<"monthly-meeting">, input: string): ParseResult<"monthly-meeting"> {
  if (!r.ok || !RE_WRITTEN_DASH.test(input)) return r;
  const { content_items, resolutions } = r.fields;
  if (content_items) r.fields.content_items = content_items.map((s) => writtenDashes(s, input));
  if (resolutions) r.fields.resolutions = resolutions.map((x) => ({ ...x, task: writtenDashes(x.task, input) }));
  return r;
}
