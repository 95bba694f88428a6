/**
 * Party dues (đảng phí) for a month, QĐ 342: "Đp tháng 11: 26 đv thu đủ 26, tổng
 * 312.000đ, đã nộp ĐUX 156.000đ ngày 18/11". The amount collected (`amount_vnd`) and the
 * amount remitted to the commune (`remitted_vnd`) are told apart by the remitting verb.
 */
import { formatDay, formatMonth } from "../calendar/day.js";
import { parseCount, WORD_END, WORD_START } from "../text/number-words.js";
import { findAmounts, type Amount } from "./amounts.js";
import { findDates, resolveDate, type DateMention } from "./dates.js";
import { readPeriod } from "./monthly-meeting.js";
import { titleCase } from "./names.js";
import { COMRADE, COUNT, COUNT_STARTS, MEMBER_NOUN } from "./patterns.js";
import { readQuarter } from "./period.js";
import { clauseEnd, clauseStart, lineEnd, readName, type Prepared } from "./prepare.js";
import type { ParseResult, PartyDuesFields } from "./types.js";

// "sáu", "tư", "năm", "bảy", "ba" alone are also "sau" (after), "từ", "năm" (year)…: not a count before a verb;
// "lăm" is a count only inside a number ("hai mươi lăm"), alone it is "làm" (work).
const NOT_WORD = `(?<!${WORD_START}(?:thang|nam|ngay|quy|t)\\s?)(?!(?:sau|tu|nam|bay|ba|le|linh|tram|chuc|mot|lam)${WORD_END}(?!\\s+(?:muoi|tram)))`;
const OF = "\\s*(?:\\/|tren|trong so|trong tong so)\\s*";
const RE_PAID_FRACTION = new RegExp(`(?:thu|dong|nop|da dong|da nop|da thu)\\s*(?:du|duoc|dc)?\\s*:?\\s*(${COUNT})\\s*(?:${MEMBER_NOUN}\\s*)?${OF}(${COUNT})${WORD_END}(?!\\s?[/.]\\d)`);
// "26 đv đã đóng 26", "22 dv thu du 22", "19 dv dong 18", "20 đ/c nộp cả 20": the members, then those who paid.
const RE_LIABLE_THEN_PAID = new RegExp(`${COUNT_STARTS}(?<![\\d.,a-z])(${COUNT})[ \\t]*${MEMBER_NOUN}\\s*,?\\s*(?:da dong|da nop|dong du|nop du|da thu|thu du|thu duoc|thu dc|thu|dong(?!\\s?chi${WORD_END})|nop)(?:\\s+(?:ca|het))?\\s*:?\\s*(${COUNT})${WORD_END}(?![.,]\\d|\\s?[/.]\\d|\\s?(?:trieu|tr${WORD_END}|nghin|ngan|k${WORD_END}|d${WORD_END}(?!\\/)|dong${WORD_END}(?!\\s?chi)|%))`);
const RE_BARE_LIABLE_THEN_PAID = new RegExp(
  String.raw`${COUNT_STARTS}(?<![\d.,/:a-z])(?<!${WORD_START}(?:thang|ngay|hom|luc|quy|nam|t|so|khu|to|ap|xom|doi|thon|ban)\s?)(${COUNT})\s+(?:${MEMBER_NOUN}\s+)?(?:da\s+)?(?:dong|nop|thu)(?:\s+(?:duoc|dc))?\s+(${COUNT})${WORD_END}(?![.,]\d|\s?[/.]\d|\s?(?:trieu|tr${WORD_END}|nghin|ngan|k${WORD_END}|d${WORD_END}(?!\/)|dong${WORD_END}(?!\s?chi)|%|${MEMBER_NOUN}\s+(?:chua|khong|ko)))`,
);
const RE_FRACTION_PAID = new RegExp(`${COUNT_STARTS}(?<![\\d/.,:])(${COUNT})\\s*(?:${MEMBER_NOUN}\\s*)?${OF}(${COUNT})(?![\\d]|[.,]\\d|\\s?[/.]\\d|\\s?(?:trieu|tr${WORD_END}|nghin|ngan|k${WORD_END}))`, "g");
// "tháng 11/2026", "T11/2026": a month and year, not paid/liable.
const RE_MONTH_BEFORE = /(?:\bthang|\bt)\s?$/;
const RE_ATTENDED_BEFORE = /\b(?:co mat|du hop|tham du|du sh|du sinh hoat|vang)\s*:?\s*$/;
const YEAR_MIN = 1900;
const RE_REMIT_AHEAD_BEFORE = /\b(?:du kien|se|sap|mai|hen|chua)\s+$/;
const RE_DAY_LABEL_BEFORE = /\b(?:ngay|hom|han|thoi gian|thoi diem)\s+$/;
const RE_REMIT_TARGET_BEFORE = /\b(?:nop|chuyen|gui)\s+(?:(?:len|ve|cho)\s+)?(?:dux|dup|du|dang uy|xa|phuong|cap tren|huyen)(?:\s+(?:xa|phuong|thi tran|khoi))?\s*:?\s+(?:ngay|hom|vao)?\s*$/;
// "Ngày nộp ĐUP: 1/10": the day of a labelled remittance.
const RE_DAY_OF_REMIT_BEFORE = /\b(?:ngay|hom|han|thoi gian|thoi diem)\s+(?:nop|chuyen|gui)\b[^,.;\n\d]{0,24}$/;
// "Đảng viên: 40", a labelled line or cell, counts those liable; a count and its noun are on one line ("TDP 8\nĐV: 45");
// "…: dv 35, nop 33": the noun first, its count closing the clause.
// ("21 phải đóng, đã đóng 20": the count, then "phải đóng" with no noun.)
const RE_LIABLE = new RegExp(
  `(?:(?:tong so|sl dv|so luong dv|so luong dang vien|so dv|so dang vien|tong|phai dong|phai thu|phai nop|thuoc dien dong|chi bo co|cb co|(?<=(?:^|[\\n,;:|])\\s*)(?:dang vien|dv)(?=\\s*:|[ \\t]+\\d+\\s*[,;.\\n]))\\s*(?:dv|dang vien|d\\/c|dong chi)?\\s*(?:phai dong|phai nop)?\\s*:?\\s*(${COUNT})${WORD_END}(?![.,]\\d|\\s?[/.]\\d|\\s?(?:trieu|tr${WORD_END}|nghin|ngan|k${WORD_END}|d${WORD_END}(?!\\/)|dong${WORD_END}(?!\\s?chi)|%))|${COUNT_STARTS}(?<![\\d.,a-z])${NOT_WORD}(${COUNT})[ \\t]*(?:${MEMBER_NOUN}(?!\\s*(?:da|dong du|nop du|chua|dong${WORD_END}|nop${WORD_END}))(?:\\s*(?:phai dong|phai nop|thuoc dien))?|(?:phai dong|phai nop)${WORD_END}))`,
);
// "Chưa thu được: 1 đ/c" counts those who did not pay.
// "(?=[dnst])": the first letter of every verb of the first part, a cheap test before its lookbehind.
// (A count and the verb after it stand on one line: "Phải đóng: 35\nĐV đã đóng: 33" pays 33, not the 35 above it.)
// ("Số đảng viên đã đóng đủ 3 tháng: 24 đ/c": the months paid for before the count.)
// ("I. TÌNH HÌNH THU⏎1. Trích …": a heading's verb, then the next line's item number, no count of those who paid;
// "nộp đảng phí năm 2025": the year's "năm", no five; "Đã đóng đủ 12 tháng: 55": the months, then the count.)
const RE_PAID = new RegExp(
  `(?=[dnst])(?<!${WORD_START}(?:chua|khong|ko)\\s)(?:thu du|thu duoc|thu dc|da thu|da dong|da nop du|da nop|dong du|nop du|so da dong|so da nop|so (?:dv|dang vien) da (?:dong|nop)|(?<!${WORD_START}(?:phai|chua|can|hom|ngay|sang|chieu|toi)\\s)thu|(?<=(?:^|[:,;.\\n(+-])\\s*)(?:dong|nop))\\s*(?:(?:dang phi|dp)\\s*)?(?:cua)?\\s*(?:(?:du\\s+)?\\d{1,2}\\s+thang\\s*)?:?\\s*(?!nam\\s+\\d)(${COUNT})${WORD_END}(?![.,]\\d|\\s?[/.]\\d|(?<=\\n[ \\t]*\\d{1,2})[.)][ \\t]|\\s?(?:trieu|tr${WORD_END}|nghin|ngan|k${WORD_END}|d${WORD_END}(?!\\/)|dong${WORD_END}(?!\\s?chi)|%|thang${WORD_END}))|${COUNT_STARTS}(?<![\\d.,a-z/])${NOT_WORD}(${COUNT})(?:[ \\t]*${MEMBER_NOUN})?(?:[ \\t]+con lai)?[ \\t]*(?:da dong|da nop|dong du|nop du|deu dong|da thu|dong(?!\\s?chi${WORD_END})|nop)${WORD_END}`,
);
const RE_LIABLE_G = new RegExp(RE_LIABLE.source, "g");
const RE_PAID_G = new RegExp(RE_PAID.source, "g");
const RE_LINE_WORD = /^[dD][òÒ]ng$/;
const RE_COMRADE_LEAD_SPACES = new RegExp(`^${COMRADE}\\s+`);
const RE_COMRADE_LEAD_SPACE = new RegExp(`^${COMRADE}\\s`);
const RE_COMRADE_PADDED = new RegExp(`^\\s*${COMRADE}\\s*`);
// "đủ 19, 228k" opening the message or a clause, or right after the dues and their month ("dp t12 du 19"); "đã đóng đủ 12
// tháng: 40" counts months.
// "4. Cả năm 2026 chi bộ thu …": the whole year, not "cả 5".
const RE_ALL_OF = new RegExp(String.raw`(?:^|[:,;.\n]|\b(?:dp|dang phi)(?:\s+(?:thang\s?|t)\d{1,2}(?:\/\d{2,4})?)?)\s*(?:thu\s+|dong\s+|da dong\s+)?(?<![a-z])(?:du|het|ca)\s*:?\s*(?!nam\b(?!\s+(?:muoi|tram|${MEMBER_NOUN})\b))(${COUNT})\b(?![.,]\d|\s?[/.]\d|\s?(?:trieu|tr\b|nghin|ngan|k\b|d\b(?!\/)|dong\b(?!\s?chi)|%|thang\b))`);
// "chờ đủ 2 đ/c còn lại": waiting for the rest, not all of them paid.
const RE_ALL_MEMBERS = new RegExp(`(?<![a-z])(?<!${WORD_START}(?:cho|doi|khi|neu|chua)\\s)(?:du|het)\\s+(${COUNT})\\s*${MEMBER_NOUN}${WORD_END}(?!\\s+con${WORD_END})`);
const RE_ATTENDING_AFTER = /^\s*(?:du hop|co mat|tham du|hop|sinh hoat|sh\b)/;
// "số phải đóng đảng phí: 30 đồng chí": the dues named after the verb; "Tổng số phải đóng vẫn là 26": said again.
const RE_OWED = new RegExp(`${WORD_START}(?:so\\s+)?(?:dv\\s+|dang vien\\s+)?phai\\s+(?:dong|thu|nop)(?:\\s+(?:dang phi|dp))?(?:\\s+(?:van|cung))?\\s*(?::|la)?\\s*(${COUNT})${WORD_END}(?![.,]\\d|\\s?[/.]\\d|\\s?(?:trieu|tr${WORD_END}|nghin|ngan|k${WORD_END}|d${WORD_END}(?!\\/)|dong${WORD_END}(?!\\s?chi)|%))`);
const RE_TIMES = /\s(?:x|\*|×)\s*\d/;
// "2 dc huu x 60.000", "3 đ/c hưu trí × 55.000": a few words of which members between the noun and the rate.
const RATE_KIND = String.raw`(?:\s+\(?[a-z]{2,8}\)?){0,3}`;
const RE_RATE_GROUP = new RegExp(`${COUNT_STARTS}(?<![\\d.,])(${COUNT})\\s*(?:${MEMBER_NOUN}${RATE_KIND})?\\s*(?:x|\\*|×)\\s*\\d`, "g");
const RE_RATE_AFTER = new RegExp(`^${RATE_KIND}\\s*(?:x|\\*|×)\\s*\\d`);
// "12 đ/c hưu trí đóng theo lương hưu = 1.056.000đ; 18 đ/c khác x 20.000 = 360.000đ": members in parts, each with its sum.
const RE_SUM_GROUP = new RegExp(`${COUNT_STARTS}(?<![\\d.,])(${COUNT})\\s*${MEMBER_NOUN}${WORD_END}(?:[^;.\\n=]|\\.(?=\\d)){0,40}=\\s*\\d`, "g");
// "thu đảng phí được 15 đ/c", "Đảng phí thu tại buổi họp 20 đ/c": a few words of where or when may come between.
// "Đảng phí tháng 3: đóng 24 đồng chí": the verb alone opening the clause.
// "thu đảng phí tháng 6 được 37 đ/c", "thu tháng 6 được 37 đ/c": the month of the dues may come between.
const RE_EXEMPT_FROM_DUES = new RegExp(`(?<![\\d.,/])(${COUNT})\\s*(?:${MEMBER_NOUN}\\s*)?(?:duoc\\s+|da\\s+duoc\\s+)?mien\\s+(?:dong|nop|thu|dang phi|dp)${WORD_END}`);
const RE_COLLECTED_FROM = /\bthu(?:\s+(?:dang phi|dp|duoc|dc|cua|tien|du|(?:thang\s?|t)\d{1,2}(?:\/\d{2,4})?))*(?:\s+(?:tai|trong|o|qua|luc)(?:\s+[a-z]+){1,3}?)?\s*:?\s*$|(?:^|[:,;.\n(+-])\s*(?:da\s+)?(?:dong|nop)(?:\s+(?:dang phi|dp|du|duoc|dc))*\s*:?\s*$/;
const RE_ALL_PAID = /\b(?:thu du|dong du|nop du|thu het|dong het|nop het|100%|xong|du ca)\b/;
// "1 dc (Giàng Seo Phử) đi lao động TQ chưa đóng": who, in brackets after the count. "bà con" (the villagers) is no "còn".
// ("còn 504 ngàn nộp xã": money left, no member; "nợ 3 tháng": months owed.)
const RE_UNPAID = new RegExp(`(?:(?<!${WORD_START}ba\\s)${WORD_START}con|chua dong|chua nop|chua thu|${WORD_START}no|${WORD_START}thieu)(?:\\s+(?:duoc|dc)${WORD_END})?\\s*(?:lai)?\\s*:?\\s*(${COUNT})(?!\\d|[.,]\\d|\\s*(?:(?:ngan|nghin|k|tr|trieu|vnd|thang)${WORD_END}|d${WORD_END}(?!\\/)|dong${WORD_END}(?!\\s?chi)))\\s*${MEMBER_NOUN}?\\s*(?:[^,.;\\n]{0,25}?${WORD_START}(?:chua dong|chua nop|no))?|${COUNT_STARTS}(?<![\\da-z/])${NOT_WORD}(${COUNT})[ \\t]*${MEMBER_NOUN}?[ \\t]*(?:\\([^()\\n]{1,60}\\)[ \\t]*)?(?:(?:(?!${WORD_START}con${WORD_END})[^,.;:|\\n\\d(-]){0,25}?[ \\t])?(?:chua dong|chua nop|chua thu(?:\\s+(?:duoc|dc))?|(?:xin\\s+)?(?:nop|dong)\\s+sau${WORD_END})`);
const RE_UNPAID_NAMED = new RegExp(`${WORD_START}(?:con|con lai|rieng)\\s+(?=${COMRADE}\\s)[^.;\\n]{0,90}?${WORD_START}(?:chua|khong|ko)\\s+(?:dong|nop|gui|chuyen)${WORD_END}|${WORD_START}(?:thieu|tru|ngoai tru)\\s+(?=${COMRADE}\\s)[^.;,\\n]{0,40}|(?:^|[.,(\\n]\\s*)(?=${COMRADE}\\s)[^.;\\n]{0,90}?${WORD_START}chua\\s+(?:dong${WORD_END}|nop${WORD_END}(?!\\s+(?:len|ve|cho|xa|dux|du${WORD_END}|dang uy|cap tren)))`);
// Remitting to the commune: "đã nộp ĐUX", "nộp lên xã", "trích nộp Đảng ủy", "chuyển lên cấp trên".
// "ddax nooj DUX": "nộ", the "p" of "nộp" left off (told from "nợ", owing, by its marks).
// ("đã ck lên vp đảng ủy 15/6": "chuyển khoản" cut to its letters.)
// ("chuyển khoản vô tk văn phòng đảng ủy xã", "nộp VP xã", "chuyển khoản VP ĐUP": the account, the office short.)
// ("đã nộp toàn bộ số đảng phí quý IV về Ban Xây dựng Đảng – Đảng ủy xã": the dues of a quarter, to the committee's board.)
const RE_REMIT = /\b(?:trich nop|nop|no(?=\s)|chuyen khoan|ck|chuyen|(?<!kinh )gui|dong(?!\s+chi\b)|giao(?=\s+cho\b)|dua(?=\s+cho\b))\s+(?:\d[\d.,]*\s?(?:d|dong|vnd|k|nghin|ngan|tr|trieu|%)?\s+)?(?:mot the\s+|mot lan\s+|mot luot\s+)?(?:(?:du|het|toan bo|tat ca)\s+(?:\d[\d.,]*\s?(?:d|dong|vnd|k|nghin|ngan|tr|trieu)?\s+)?)?(?:(?:so\s+)?(?:tien\s+)?(?:dp|dang phi)(?:\s+(?:(?:thang\s?|t)\d{1,2}|quy\s?(?:iv|iii|ii|i|[1-4]))(?:\/\d{2,4})?)?\s+|(?:(?:toan bo|tat ca|het|du)\s+)?(?:so\s+)?tien(?:\s+(?:tren|do|nay|thu duoc|da thu))?\s+|(?:(?:toan bo|tat ca|het|du)\s+)?so\s+(?:nay|tren|do)\s+)?(?:(?:len|ve|cho|toi|tien|vao|vo|qua)\s+){0,2}(?:(?:tai khoan|tk)\s+(?:cua\s+)?)?(?:(?:d\/c|dc|dong chi|chi|anh)\s+(?:(?<=(?:d\/c|dc|dong chi|chi|anh)\s)[a-z]+(?:\s[a-z]+){0,3}?\s+(?:(?:o|cua|ben|tai|thuoc)\s+)?(?=(?:van phong|vp|dang uy|du|ke toan|thu quy|tai chinh)\b))?)?(?:bo phan\s+)?(?:ke toan|thu quy|van thu|tai chinh|ban xay dung dang\s*-)?\s*(dang uy xa|dang uy phuong|dang uy|dux|duw|dup\b|du\b|cap tren|van phong dang uy|vp dang uy|van phong dux\b|vp dux\b|van phong du\b|vp du\b|vpdu|vp dup\b|van phong dup\b|vp (?:xa|phuong)\b|van phong (?:xa|phuong)\b|xa\b|phuong\b|huyen\b|tren\b)|\bnop len\b|\bnop ve\b|\btrich nop\b|\bngay nop\b|\bso (?:tien )?(?:giao )?nop\b|\bnop cho ben nhan\b/g;
const RE_REMIT_LABEL = /\b(?:da nop|so (?:tien )?(?:da )?nop)\s*:\s*(?=\d[\d.,]*\s?(?:d(?![/.]?c\b)|dong(?! chi)|vnd|k|nghin|ngan|tr|trieu)\b)/g;
// ("thứ 2 tuần sau lên xã nộp": or going up, no carrying verb.)
const RE_REMIT_TARGET_FIRST = /\b(?:(?:dem|mang|cam|di|chay)\s+(?:tien\s+)?)?(?:len|ve|xuong|ra|qua)\s+(dang uy xa|dang uy phuong|dang uy|dux|dup|xa|phuong|huyen|van phong dang uy|vp dang uy)\s+(?:de\s+)?nop\b/g;
// ("nộp lên 798k cho đảng ủy xã": the amount between the verb and whom.)
const RE_TARGET_NEXT = new RegExp(`^\\s*(?:\\d[\\d.,]*\\s?(?:d|dong|vnd|k|nghin|ngan|tr|trieu)?(?:\\s\\d)?\\s+)?(?:(?:len|ve|cho|toi)\\s+)?(dang uy xa|dang uy phuong|dang uy|dux|dup${WORD_END}|cap tren|van phong dang uy|vp dang uy|van phong du${WORD_END}|vp du${WORD_END}|vpdu|xa${WORD_END}|phuong${WORD_END}|huyen${WORD_END})`);
const RE_MEMBERS_JUST_BEFORE = new RegExp(`\\d\\s*${MEMBER_NOUN}\\s*[,:]?\\s*$`);
// "sau rằm chi bộ mới nộp lên xã": only after something still to come.
const RE_ONLY_AFTER = /\b(?:sau|qua|het)\b[^.,;\n\d]{0,30}\bmoi\s+$|\b(?:sang|den|dau)\s+(?:thang|tuan|nam)\s*(?:\d{1,2}|sau|toi)?\s+(?:moi|se)\s+$/;
const RE_COLLECTED_JUST_BEFORE = /(?:\(|\b)(?:thu|thu duoc|thu dc|da thu|tong thu)\s*:?\s*$/;
const RE_DUES_MONTH_YEAR = new RegExp(`${WORD_START}(?:dp|dang phi)\\s*:?\\s*(\\d{1,2})\\s*[/.-]\\s*(\\d{4})${WORD_END}|${WORD_START}(?:dp|dang phi)(?:thang|t)\\s?(\\d{1,2})${WORD_END}`);
// "Nộp xã chưa.", "nop DUX chua": "chưa" closing the remitting clause says not yet.
// "Phần nộp ĐU phường 1.092.000 đồng: chưa nộp", "Số nộp Đảng ủy xã 294.000 đồng: chưa nộp": the amount, then the answer.
// ("phải nộp Đảng ủy xã: 487.200đ (chưa nộp, sẽ nộp …)": or the answer in brackets after the sum.)
const RE_AMOUNT_ANSWERED_NO = /^(?:\s+(?:len|ve|cho))?(?:\s+(?:dang uy|dux|dup|du|cap tren|xa|phuong|huyen)\b)?(?:\s+(?:xa|phuong|thi tran|huyen|khoi))?\s*:?\s*\d[\d.,]*\s*(?:dong|d|vnd|k|nghin|ngan|trieu|tr)?\s*(?::|\()\s*(?:chua|khong|ko)\b/;
const RE_ANSWERED_NO = /^\s*:\s*(?:chua|khong|ko|k|kg)\b|^\s+chua(?:\s+(?:a|nha|nhe|co|nop))?\s*(?=[.,;!\n]|$)/;
// "Tiền em giữ, cuối tháng nộp xã", "sau rằm nộp xã": still to come; "Mai em mang lên nộp ĐUX": who, then going there, then the verb.
// "đã" between says it is done: "Chiều nay em đã nộp xã", "đ/c X chưa đóng đã nộp ĐUX" (the "chưa" is another verb's).
// "Khi nào thu đủ em nộp một thể lên đảng ủy": when the rest is in, not yet.
// ("sang đầu tháng 1 em nộp lên …": next month, still ahead.)
const RE_REMIT_NEG = /\b(?:khi nao|bao gio|doi|cho)\s+(?:thu\s+)?(?:du|xong|het)\b[^.;,!?\n]{0,20}$|(?:\bchua|\bko|\bkhong|\bk|\bmai|\bse|\bsap|\bchuan bi|\bdu kien|\bchieu nay|\btuan sau)\s+(?:(?!da\s)(?:\d{1,2}\/\d{1,2}|\w+)\s+){0,3}$|\bcuoi (?:thang|tuan|nam)\s+$|\b(?:qua|sau|het|dau)\s+(?:tet|ram|le|thang|tuan|dot)\s+(?:(?:em|e|cb|chi bo|minh|toi|moi|se)\s+)*$|\bsang\s+(?:dau\s+|cuoi\s+)?(?:thang|tuan|nam)\s+(?:\d{1,2}\s+|sau\s+|toi\s+)?(?:(?:em|e|cb|chi bo|minh|toi|moi|se)\s+)*$|\b(?:mai|se|sap|chieu nay|toi nay|tuan sau|du kien|thu (?:hai|ba|tu|nam|sau|bay)|chu nhat)\s+(?:(?:em|e|anh|chi|cb|chi bo|minh|toi)\s+)?(?:se\s+)?(?:(?:mang|dem|cam|len|di|ra|ve|xuong|qua)\s+){1,3}$/;
// "nộp lên trên": the level above, which no one writes as a name.
const REMIT_TARGET: Record<string, string> = { tren: "cấp trên" };
// One spelling for whom the money went to, whatever the writer's abbreviation, capitals or diacritics.
const REMIT_SPELLED: Record<string, string> = {
  "dang uy xa": "đảng ủy xã",
  "dang uy phuong": "đảng ủy phường",
  dux: "đảng ủy xã",
  duw: "đảng ủy xã",
  dup: "đảng ủy phường",
  "cap tren": "cấp trên",
  xa: "xã",
  phuong: "phường",
  huyen: "huyện",
};
// "ĐU phường", "Đảng ủy khối": the committee with its level, the level is part of the name.
const RE_COMMITTEE_LEVEL = new RegExp(`^\\s(xa|phuong|thi\\s+tran|khoi|huyen|co\\s+so|cap\\s+tren)${WORD_END}`);
const COMMITTEE_LEVEL: Record<string, string> = { xa: "xã", phuong: "phường", "thi tran": "thị trấn", khoi: "khối", huyen: "huyện", "co so": "cơ sở", "cap tren": "cấp trên" };
// "Da nop ngay 30/3 la 218.400d": the day first, then the amount.
const RE_NOP_AMOUNT = /\b(?:da\s+)?nop\s+(?:(?:ngay|hom)\s+\d{1,2}\/\d{1,2}(?:\/\d{2,4})?\s+(?:la\s+|:\s*)?)?(?=\d)/g;
// "em nộp rồi ạ (ngày 30/12)": the one reporting, done, without "đã"; "đã nộp 18/9": done, and when.
// Words that only close a sentence, and whom it is said to: "ạ", "nhé", "nghen anh".
const PARTICLE = "a|nhe|luon|nghen|nhen|nha|ne|ha|ak|anh|chi|em|bac";
const RE_DONE_REMIT = new RegExp(String.raw`${WORD_START}(?:da|em da|cb da|chi bo da|chua|van chua|em chua|cb chua|(?:em|e|cb|chi bo|minh)(?=\s+nop(?:\s+(?:du|het|xong))?\s+(?:roi|r)${WORD_END}))\s+nop(?:\s+(?:du|het|xong))?(?:\s+(?:ngay|hom|luc)?\s*(?:0?[1-9]|[12]\d|3[01])\/(?:0?[1-9]|1[0-2])(?:\/\d{2,4})?)?(?:\s+(?:roi|r|${PARTICLE}))*\s*(?=[.,;!\n(]|$|:\s*(?:chua|khong|ko|roi|co)${WORD_END})|(?<=[,;:\n])\s*nop(?:\s+(?:du|het|xong))?\s+(?:roi|r)${WORD_END}(?:\s+(?:${PARTICLE}))*\s*(?=[.,;!\n(]|$)`, "g");
// The dues of the month as what was handed on: "đp T11 (đã) nộp rồi", "nộp đp tháng 4 rồi".
const DUES_OF_MONTH = String.raw`(?:dp|dang phi)(?:\s+(?:thang\s?|t)\s?\d{1,2}(?:\/\d{2,4})?)?`;
const RE_DUES_HANDED = new RegExp(String.raw`${WORD_START}(${DUES_OF_MONTH}\s+(?:(?:da|em|e|cb|chi bo|thi)\s+){0,2})nop(?:\s+(?:du|het|xong))?\s+(?:roi|r)${WORD_END}|${WORD_START}nop\s+${DUES_OF_MONTH}\s+(?:roi|r)${WORD_END}`, "g");
const RE_MEMBER_SUBJECT = new RegExp(`${WORD_START}(?:${MEMBER_NOUN}|${COMRADE})${WORD_END}`);
const RE_MEMBERS_BEFORE = new RegExp(`(?:${COUNT}\\s*)?${MEMBER_NOUN}\\s*$|\\d\\s*$`);
const RE_DAY_BEFORE = /\b(?:ngay|hom|han)(?:\s+nop)?\s*:?\s*\d{1,2}\/\d{1,2}(?:\/\d{2,4})?\s*$/;
// "Tiền em giữ, qua Tết nộp", "sau rằm nộp", "mai nooj": a time still to come, then the verb.
// ("Mai em đem lên xã nghen": taken up there later, no "nộp" said.)
const RE_LATER_REMIT = new RegExp(`${WORD_START}(?:mai|se|sap|tuan sau|chieu nay|toi nay|(?:qua|sau|het|cuoi|dau)\\s+(?:tet|ram|le|thang|tuan|dot))${WORD_END}[^.,;\\n\\d]{0,24}${WORD_START}(nop|no)${WORD_END}\\s*(?:(?:duoc|dc)\\s*)?(?:a|nhe|luon)?\\s*(?=[.,;!\\n]|$)|${WORD_START}(?:mai|se|sap|tuan sau|chieu nay|toi nay)\\s+(?:(?:em|e|toi|minh|tui)\\s+)?(?:se\\s+)?(dem|mang|dua|cam)\\s+(?:len|ve|xuong|qua)\\s+(?:xa|phuong|dux|du|dang uy|vp|van phong)${WORD_END}`);
// "thu đủ", "18 đồng chí hết trơn", "100%": all who owe paid.
const RE_ALL_OF_THEM = new RegExp(`${WORD_START}(?:thu du|dong du|nop du|deu dong|thu het|dong het|nop het|du ca|du het|het tron)${WORD_END}|${WORD_START}100\\s?%|${WORD_START}${MEMBER_NOUN}\\s+(?:het|ca)${WORD_END}(?!\\s+(?:han|tien|thang|nam))`);
const RE_ALL_COUNTED_PAID = new RegExp(`${WORD_START}(?:ca|tat ca)\\s+(${COUNT})\\s*${MEMBER_NOUN}\\s+(?:deu\\s+)?(?:da\\s+)?(?:dong|nop)\\s+(?:du|het)${WORD_END}`);
const RE_DUES = /\b(?:dp|dang phi|dong dp|thu dp)\b/;
const RE_MONTH_REPORTED = /\b(?:bao cao|dp|dang phi|thu)\s+(?:thang|t)\s?\d/;
// (Or the quarter opening the message: "Quý 3/2026 chi bộ ấp Suối Cát đã thu đảng phí …".)
// "Kỳ nộp: Quý II năm 2026", "Kỳ báo cáo: quý 3", "Quý: ……III/2025……": a form's period label; "… báo cáo: quý III/2025 chi bộ đã thu …".
// "plei Ia Băng quý 4: …", "Buôn Tơ Lơ quý 4/2026 đảng phí: …": the quarter heading the first line.
const RE_DUES_QUARTER = new RegExp(`${WORD_START}(?:dp|dang phi)\\s+(?:cua\\s+)?(?=(?:quy|q)\\s?(?:iv|iii|ii|i|[1-4]|mot|hai|ba|bon|tu)${WORD_END})|^\\s*(?=(?:quy(?:\\s?:)?|q)\\s?(?:iv|iii|ii|i|[1-4])\\s?\\/\\s?\\d{4}${WORD_END})|${WORD_START}ky(?: (?:nop|bao cao|thu))?\\s*:\\s*(?=quy\\s?(?:iv|iii|ii|i|[1-4])${WORD_END})|${WORD_START}(?:bao cao|bc)\\s*:\\s*(?=(?:quy|q)\\s?(?:iv|iii|ii|i|[1-4])\\s?\\/\\s?\\d{4}${WORD_END})|^[^\\n]{0,60}?(?<![\\p{L}\\d])(?=(?:quy|q)\\s?(?:iv|iii|ii|i|[1-4])(?:\\s?\\/\\s?\\d{4})?\\s*(?::|(?:dang phi|dp)${WORD_END}))`, "mu");
// "Tình hình thu, nộp đảng phí năm 2025", "thu nộp đảng phí cả năm 2025": the year's dues.
const RE_DUES_YEAR = /\b(?:dp|dang phi)\s+(?:ca\s+|trong\s+)?nam\s+(20\d\d)\b/;

const MONTH_WORDS: Record<string, number> = { gieng: 1, mot: 1, hai: 2, ba: 3, tu: 4, bon: 4, nam: 5, sau: 6, bay: 7, tam: 8, chin: 9, muoi: 10, "muoi mot": 11, "muoi hai": 12, chap: 12 };
const RE_MONTH_IN_WORDS = /\bthang\s+(gieng|muoi mot|muoi hai|muoi|mot|hai|ba|tu|bon|nam|sau|bay|tam|chin|chap)\s*(?:nam|\/|-)\s*(20\d\d)\b/;

const RE_STILL_TO_COLLECT = /\b(?:tuan sau|tuan toi|mai|ngay mai|thang sau|sap|se|dinh|chuan bi)\s+(?:(?:em|e|minh|toi|tui|chi bo|cb)\s+)?(?:(?:di|moi|bat dau)\s+)?thu\b/;
const GUESS_WORDS = [" chac ", " du kien ", " hy vong "];
const guessed = (f: string): boolean => GUESS_WORDS.some((w) => ` ${f.replace(/[,.;:!?]/g, " ")} `.includes(w));
const RE_COLLECTED_DONE = /\b(?:da thu|thu duoc|thu dc|da dong|da nop|nop roi|thu xong|xong roi)\b/;

export function parsePartyDues(p: Prepared): ParseResult<"party-dues"> {
  const f = p.f;
  const fields: PartyDuesFields = {};
  const warnings: string[] = [];
  const allDates = findDates(p);
  const period = readPeriod(p, 0, f.length, [...allDates.filter((d) => d.kind === "dmy"), ...promisedMonths(f)]);
  if (period) fields.period = formatMonth(period.y, period.m);
  else {
    // "đp 08/2026: …": the month and year right after the dues.
    // "ĐPtháng8": the month glued to the dues.
    const my = RE_DUES_MONTH_YEAR.exec(f);
    const month = my ? Number(my[1] ?? my[3]) : 0;
    if (my && month >= 1 && month <= 12) fields.period = formatMonth(my[2] ? Number(my[2]) : month > p.now.m + 1 ? p.now.y - 1 : p.now.y, month);
    // "đảng phí tháng hai năm 2027", "tháng chạp năm 2026": the month in words, with its year.
    const said = my ? null : f.includes("thang") ? RE_MONTH_IN_WORDS.exec(f) : null;
    const inWords = said ? MONTH_WORDS[said[1] as string] : undefined;
    if (said && inWords !== undefined) fields.period = formatMonth(Number(said[2]), inWords);
  }

  // "BÁO CÁO THU, NỘP ĐẢNG PHÍ QUÝ I NĂM 2026", "đảng phí quý ba": dues reported by the quarter, whatever month a
  // remittance's date names.
  const monthRead = fields.period;
  // ("Đp quý IV: không, báo cáo tháng 12: …": a month reported by name is the period.)
  const byQuarter = f.includes("q") && !RE_MONTH_REPORTED.test(f) ? RE_DUES_QUARTER.exec(f) : null;
  if (byQuarter) {
    const q = readQuarter({ ...p, f: f.slice(byQuarter.index + byQuarter[0].length) });
    if (q) fields.period = q;
  }
  const year = !byQuarter && f.includes("nam") && !RE_MONTH_REPORTED.test(f) ? RE_DUES_YEAR.exec(f) : null;
  if (year && Number(year[1]) <= p.now.y) fields.period = year[1] as string;

  const found = findAmounts(f);
  const amounts = otherMonths(p, duesAmounts(p, found), monthRead);
  // "bà con được 5 triệu sửa nhà văn hóa": a figure of any money, the dues' or not, counts no one.
  const inAmount = (i: number): boolean => found.some((a) => i >= a.start && i < a.end);

  const rateGroups = RE_TIMES.test(f) ? [...f.matchAll(RE_RATE_GROUP)] : [];
  const sumGroups = f.includes("=") ? [...f.matchAll(RE_SUM_GROUP)] : [];
  let m = RE_LIABLE_THEN_PAID.exec(f);
  if (m && !inAmount(m.index + m[0].length - 1)) setPaidLiable(fields, m[2] as string, m[1] as string);
  // "20 đóng 18", "phải đóng 11 đóng 10", "22 đv đóng được 20": those who owe, the verb, those who paid; never more paid than owe.
  m = fields.paid === undefined ? RE_BARE_LIABLE_THEN_PAID.exec(f) : null;
  if (m && !inAmount(m.index) && !inAmount(m.index + m[0].length - 1) && (parseCount(m[2] as string) ?? Infinity) <= (parseCount(m[1] as string) ?? 0)) {
    setPaidLiable(fields, m[2] as string, m[1] as string);
  }
  m = fields.paid === undefined ? RE_PAID_FRACTION.exec(f) : null;
  // "Ngày nộp: 21/11" is a date: paid can never exceed those liable; "Ngày nộp : 03/8", "hạn nộp 5/8": the verb is a date's label.
  if (m && RE_DAY_LABEL_BEFORE.test(f.slice(Math.max(0, m.index - 12), m.index))) m = null;
  // "dự kiến nộp 5/8", "mai nộp 3/9": a remittance still ahead, on a day.
  if (m && m[0].startsWith("nop") && RE_REMIT_AHEAD_BEFORE.test(f.slice(Math.max(0, m.index - 12), m.index))) m = null;
  // "nộp ĐU 3/9": to the committee on a day, not "nộp đủ" (paid in full) of a fraction.
  if (m && /\bdu\b/.test(m[0]) && /[ĐD]U/.test(p.text.slice(m.index, m.index + m[0].length))) m = null;
  if (m && !inAmount(m.index + m[0].length - 1) && (parseCount(m[1] as string) ?? 0) <= (parseCount(m[2] as string) ?? 0)) {
    setPaidLiable(fields, m[1] as string, m[2] as string);
  }
  if (fields.paid === undefined) {
    RE_FRACTION_PAID.lastIndex = 0;
    while ((m = RE_FRACTION_PAID.exec(f))) {
      const paid = parseCount(m[1] as string);
      const liable = parseCount(m[2] as string);
      if (paid === null || liable === null || paid > liable || liable === 0) continue;
      if (inAmount(m.index) || inAmount(m.index + m[0].length - 1)) continue;
      if (liable >= YEAR_MIN || RE_MONTH_BEFORE.test(f.slice(Math.max(0, m.index - 6), m.index))) continue;
      // "SHCB có mặt 16/18. ĐP: 18/18 đ/c": those at the meeting, not those who paid.
      if (RE_ATTENDED_BEFORE.test(f.slice(Math.max(0, m.index - 16), m.index))) continue;
      if (allDates.some((d) => d.kind === "dmy" && m!.index >= d.start && m!.index < d.end && !d.ambiguousCount)) continue;
      // "Đã nộp DUX 3/3": the day it went to the commune.
      if (RE_REMIT_TARGET_BEFORE.test(f.slice(Math.max(0, m.index - 30), m.index)) || RE_DAY_OF_REMIT_BEFORE.test(f.slice(Math.max(0, m.index - 40), m.index))) continue;
      fields.paid = paid;
      fields.liable = liable;
      break;
    }
  }
  // "số đảng viên 19, trong đó miễn đóng 1, số phải đóng 18": those who owe, said outright.
  const owed = fields.liable === undefined || fields.paid === undefined ? RE_OWED.exec(f) : null;
  if (owed && !inAmount(owed.index + owed[0].length - 1)) {
    const n = parseCount(owed[1] as string);
    if (n !== null) fields.liable = n;
  }
  if (fields.liable === undefined) {
    const re = RE_LIABLE_G;
    re.lastIndex = 0;
    while ((m = re.exec(f))) {
      const g = (m[1] ?? m[2]) as string;
      if (inAmount(m.index + m[0].indexOf(g)) || inName(p, m.index + m[0].indexOf(g))) continue;
      // "22 đ/c x 10.000 + 2 đ/c x 60.000": members at one of the rates, added up below.
      if (m[2] !== undefined && rateGroups.length >= 2 && RE_RATE_AFTER.test(f.slice(m.index + m[0].length, m.index + m[0].length + 40))) continue;
      if (m[2] !== undefined && sumGroups.length >= 2 && sumGroups.some((s) => s.index === m!.index + m![0].indexOf(g))) continue;
      // "thu đảng phí 27 đ/c": those are the ones who paid.
      // (Not "báo cáo thu đảng phí tháng 3/2026: 27 đ/c phải đóng": those who owe, said so.)
      if (m[2] !== undefined && RE_COLLECTED_FROM.test(f.slice(Math.max(0, m.index - 36), m.index)) && !/\b(?:phai|thuoc dien)\b/.test(m[0])) {
        fields.paid ??= parseCount(m[2]) ?? undefined;
        continue;
      }
      // "thu … 256 nghìn đồng của 16 đồng chí": those who paid it.
      if (m[2] !== undefined && /\bcua\s*$/.test(f.slice(Math.max(0, m.index - 6), m.index)) && amounts.some((a) => a.end <= m!.index && m!.index - a.end <= 14)) {
        fields.paid ??= parseCount(m[2]) ?? undefined;
        continue;
      }
      // "vì có 3 đ/c hưu trí", "trong đó 2 đ/c được miễn": a part of them, not those liable.
      if (m[2] !== undefined && /\b(?:vi|do|trong do|trong so do|gom)\s+(?:co\s+)?$/.test(f.slice(Math.max(0, m.index - 14), m.index))) continue;
      // "còn 2 đ/c … chưa đóng": the rest, not those liable.
      if (m[2] !== undefined && /\b(?:con|con lai|van con|rieng)\s*$/.test(f.slice(Math.max(0, m.index - 12), m.index))) continue;
      // "1 đ/c đi làm xa chưa đóng": those who did not pay, told in their own clause.
      if (m[2] !== undefined && /^[^,.;\n]{0,30}?\bchua\s+(?:dong|nop)\b/.test(f.slice(m.index + m[0].length, clauseEnd(f, m.index)))) continue;
      const n = parseCount(g);
      if (n !== null) fields.liable = n;
      break;
    }
  }
  // "đủ 19, 228k": the answer to "how many paid?", all of them.
  const all = fields.paid === undefined ? RE_ALL_OF.exec(f) : null;
  // "… ĐU 19": the committee, not "đủ".
  if (all && !inAmount(all.index + all[0].length - 1) && !/[ĐD]U\b/.test(p.text.slice(all.index, all.index + all[0].length))) {
    const n = parseCount(all[1] as string);
    if (n !== null) {
      fields.paid = n;
      fields.liable ??= n;
    }
  }
  // "dp tháng 10 đủ 19 người 228 ngàn": all of them paid, counted with their noun.
  const allMembers = fields.paid === undefined ? RE_ALL_MEMBERS.exec(f) : null;
  if (allMembers && !/[ựưỰƯ]/.test(p.text.slice(allMembers.index, allMembers.index + 3)) && !RE_ATTENDING_AFTER.test(f.slice(allMembers.index + allMembers[0].length, allMembers.index + allMembers[0].length + 16))) {
    const n = parseCount(allMembers[1] as string);
    if (n !== null) {
      fields.paid = n;
      fields.liable ??= n;
    }
  }
  if (fields.paid === undefined) {
    const re = RE_PAID_G;
    re.lastIndex = 0;
    // "đã đóng 27, chưa đóng 2, à không, chưa đóng 1 (…), 28 đ/c đã đóng": after a slip taken back, the count said again.
    const slip = RE_TAKEN_BACK.exec(f);
    while ((m = re.exec(f))) {
      const g = (m[1] ?? m[2]) as string;
      const at = m.index + m[0].indexOf(g);
      if (inAmount(at) || inName(p, at)) continue;
      // "hai dòng trên để đối chiếu": a line of the table, "dòng", folded as the verb "đóng".
      if (m[2] !== undefined && RE_LINE_WORD.test(p.text.slice(m.index + m[0].lastIndexOf("dong"), m.index + m[0].length))) continue;
      const n = parseCount(g);
      if (n !== null) fields.paid = n;
      if (slip && m.index < slip.index) continue;
      break;
    }
  }
  // "Cả 24 đ/c đều đóng đủ", "tất cả 31 đv đã nộp đủ": all of them, counted, paid, whatever a group before counted.
  const allCounted = f.includes("ca ") ? RE_ALL_COUNTED_PAID.exec(f) : null;
  if (allCounted && !inAmount(allCounted.index)) {
    const n = parseCount(allCounted[1] as string);
    if (n !== null && n > 0 && (fields.liable === undefined || fields.liable <= n)) {
      fields.paid = n;
      fields.liable = n;
    }
  }
  // "22 đ/c x 10.000 + 2 đ/c x 60.000 = 340.000đ": those who paid, rate by rate.
  const rates = (rateGroups.length >= 2 ? rateGroups : sumGroups).map((r) => parseCount(r[1] as string));
  if (rates.length >= 2 && rates.every((n) => n !== null)) {
    const sum = (rates as number[]).reduce((a, b) => a + b, 0);
    if (fields.paid === undefined || fields.paid === rates[0]) fields.paid = sum;
    if (fields.liable === rates[0]) delete fields.liable;
  }
  if ((m = findUnpaid(p, inAmount))) {
    const n = parseCount((m[1] ?? m[2]) as string);
    if (n !== null) fields.unpaid = n;
    // "… 465 nghìn đồng còn hai đồng chí chưa nộp …": a sentence run on, the amount ends the clause before.
    const lastAmount = amounts.filter((a) => a.end <= m!.index).pop();
    const from = Math.max(clauseStart(f, m.index), lastAmount?.end ?? 0);
    let names = unpaidNames(p, from, clauseEnd(f, m.index));
    // "2 đ/c chưa đóng: Lò Thị Xuân, Quàng Văn Mạnh", "2 dc chưa đóng (Sung A Chu, Ly Thi Pa)", "1 dc (Giàng Seo Phử) … chưa đóng".
    if (names.length === 0) names = listedNames(p, m.index + m[0].length, fields.unpaid);
    if (names.length === 0) {
      const bracket = f.indexOf("(", m.index);
      if (bracket >= 0 && bracket < m.index + m[0].length) names = listedNames(p, bracket, fields.unpaid);
    }
    if (names.length > 0) fields.unpaid_names = names;
  }
  // "còn đ/c Lục Văn Tài chưa đóng": named, not counted.
  if (fields.unpaid_names === undefined && (m = RE_UNPAID_NAMED.exec(f))) {
    const names = unpaidNames(p, m.index, m.index + m[0].length);
    if (names.length > 0) {
      fields.unpaid_names = names;
      // "Đảng viên phải đóng 33, đã đóng 31 … Đồng chí X … chưa đóng": the counts say how many, one named may be the first.
      if (fields.liable === undefined || fields.paid === undefined) fields.unpaid ??= names.length;
    }
  }
  // "Chưa đóng: đ/c Hồ Sỹ Bình, đ/c Nguyễn Thị Lan", "còn Lo Van Han, Vi Thi Lan chua dong": a list of who.
  if (fields.unpaid_names === undefined) {
    const names = namesOfUnpaid(p, fields.unpaid);
    if (names.length > 0) {
      fields.unpaid_names = names;
      fields.unpaid ??= names.length;
    }
  }
  // "Chi bộ 40 đ/c, 2 đ/c được miễn đóng …, 38 đ/c còn lại đã đóng đủ": the members less those exempt owe dues.
  const exempt = fields.liable !== undefined && !owed && f.includes("mien") ? RE_EXEMPT_FROM_DUES.exec(f) : null;
  if (exempt && !inAmount(exempt.index + exempt[0].indexOf(exempt[1] as string))) {
    const n = parseCount(exempt[1] as string) ?? 0;
    if (n > 0 && (fields.liable as number) - n >= (fields.paid ?? 0)) fields.liable = (fields.liable as number) - n;
  }
  if (fields.paid !== undefined && fields.liable !== undefined && fields.liable < fields.paid && fields.unpaid === undefined) {
    // "26 đv, đã thu 24" read the other way round is impossible: the bigger is the liable count.
    [fields.paid, fields.liable] = [fields.liable, fields.paid];
  }
  if (fields.paid === undefined && fields.liable !== undefined) {
    if (fields.unpaid !== undefined) fields.paid = fields.liable - fields.unpaid;
    else if (RE_ALL_PAID.test(f) || amounts.length > 0) fields.paid = fields.liable;
  }
  if (fields.liable === undefined && fields.paid !== undefined) {
    if (fields.unpaid !== undefined) fields.liable = fields.paid + fields.unpaid;
    else if (RE_ALL_OF_THEM.test(f)) fields.liable = fields.paid;
  }
  if (fields.unpaid === undefined && fields.paid !== undefined && fields.liable !== undefined) fields.unpaid = fields.liable - fields.paid;
  // "29 | 27 | …\nChưa đóng: K'Brơi, Ka Thị Hương": a name of one word counts once the figures say how many did not pay.
  if (fields.unpaid_names === undefined && fields.unpaid !== undefined && fields.unpaid > 0) {
    const names = namesOfUnpaid(p, fields.unpaid);
    if (names.length === fields.unpaid) fields.unpaid_names = names;
  }
  // "thu 30/31, 360k, còn đ/c Mai Văn Tí": the rest named, as many as did not pay.
  if (fields.unpaid_names === undefined && fields.unpaid !== undefined && fields.unpaid > 0) {
    const names = restNamed(p, fields.unpaid);
    if (names.length > 0) fields.unpaid_names = names;
  }
  // "còn 2 ông đi ghe chưa về (Tư Nhỏ, Sáu Đen)", "Đồng chí X …, chưa đóng. Đồng chí Y …, hẹn tháng 10 đóng bù":
  // as many named as did not pay, each where the rest are counted or in a sentence that says they have not.
  if (fields.unpaid !== undefined && fields.unpaid > 0 && (fields.unpaid_names?.length ?? 0) < fields.unpaid) {
    const names = restInBrackets(p, fields.unpaid) ?? namedAsNotPaid(p, fields.unpaid) ?? bracketOfNotPaid(p, fields.unpaid) ?? namesOpeningNotPaid(p, fields.unpaid);
    if (names) fields.unpaid_names = names;
  }

  const retained = readRetained(p, amounts);
  const remittedRest = readRemittance(p, fields, retained ? amounts.filter((a) => a !== retained.amount) : amounts, warnings);
  if (RE_NONE_RETAINED.test(f)) fields.retained_vnd = 0;
  else if (retained) {
    if (retained.amount) fields.retained_vnd = retained.amount.vnd;
    else if (retained.share !== undefined && fields.amount_vnd !== undefined) fields.retained_vnd = Math.round((fields.amount_vnd * retained.share) / 100);
    else if (retained.rest && fields.amount_vnd !== undefined && fields.remitted_vnd !== undefined && fields.remitted_vnd < fields.amount_vnd) {
      fields.retained_vnd = fields.amount_vnd - fields.remitted_vnd;
    }
  }
  // "chi bộ giữ lại 30%, phần còn lại đã nộp ĐUP": what was not kept went up.
  if (remittedRest && fields.remitted_vnd === undefined && fields.amount_vnd !== undefined && fields.retained_vnd !== undefined && fields.retained_vnd > 0 && fields.retained_vnd < fields.amount_vnd) {
    fields.remitted_vnd = fields.amount_vnd - fields.retained_vnd;
  }

  // ("… xác nhận: ngày 05/8/2027 đã nhận của Chi bộ … số tiền … là 528.000 đ": remitted read already, the sum the office got.)
  if (fields.remitted === undefined || (fields.remitted && fields.remitted_vnd === undefined)) officeReceipt(p, found, allDates, fields);
  // "dp t11 cb thon 6: 24/25, …, 360k. nop roi": handed on, said in a sentence of its own closing the report.
  if (fields.remitted === undefined && amounts.length > 0 && RE_REMITTED_ALONE.test(f)) fields.remitted = true;

  if (fields.paid !== undefined && fields.liable !== undefined && fields.paid > fields.liable) {
    warnings.push(`paid_exceeds_liable: paid ${fields.paid} > liable ${fields.liable}`);
  }
  // "Cảm ơn VP đã nhắc ạ, tuần sau e đi thu đp rồi nộp luôn, tháng này chắc đủ 30/30": the collecting still to come, its
  // figures a guess; no money counted, nothing done.
  if (fields.amount_vnd === undefined && fields.remitted !== true && RE_STILL_TO_COLLECT.test(f) && guessed(f) && !RE_COLLECTED_DONE.test(f)) {
    return { ok: false, errors: ["not_a_report: chatter"] };
  }
  // "đã nộp xã hôm qua", "còn 2 chưa đóng": a line that adds to the report is one too.
  if (fields.liable === undefined && fields.paid === undefined && fields.amount_vnd === undefined && fields.unpaid === undefined && fields.remitted_to === undefined && fields.remitted === undefined && !RE_DUES.test(f)) {
    return { ok: false, errors: ["not_a_report: no dues fields found"] };
  }
  // "40 | 39 | 744.000 | 520.800 (ngày 25/1)": no month named, the dues are those of the month they went up in;
  // in its first days, those of the month before ("nộp ĐUX 3/3" hands on February's).
  if (fields.period === undefined && fields.remitted_date !== undefined && fields.paid !== undefined && fields.amount_vnd !== undefined) {
    const [y, mo, d] = fields.remitted_date.split("-").map(Number) as [number, number, number];
    fields.period = d > EARLY_DAYS ? formatMonth(y, mo) : mo === 1 ? formatMonth(y - 1, 12) : formatMonth(y, mo - 1);
  }
  const missing = (["period", "liable", "paid", "amount_vnd"] as const).filter((k) => fields[k] === undefined).map(String);
  return { ok: true, form: "party-dues", fields, missing, warnings };
}

const EARLY_DAYS = 10;

// "Văn phòng Đảng ủy xã Bình Sơn xác nhận: đã nhận đảng phí tháng 5/2026 của Chi bộ thôn Bình An do đ/c … nộp ngày 20/5/2026",
// "Văn phòng Đảng ủy phường Long Hưng ghi nhận: Chi bộ … đã nộp đảng phí … về Văn phòng ngày 12/6/2026, số tiền 1,2 triệu":
// the office that received the dues, telling when and how much.
// ("GIẤY XÁC NHẬN NỘP ĐẢNG PHÍ⏎⏎Văn phòng Đảng ủy xã xác nhận: ngày 05/8 đã nhận …", a mail's "Văn phòng Đảng ủy xã Ea Bar
// xác nhận đã nhận …": under a letterhead or a title, opening a line of its own.)
// ("Văn phòng Đảng ủy xã đã nhận số tiền 239.400 đồng … do đ/c Thị Hương … nộp ngày 15/9/2025": the office saying it received.)
const RE_OFFICE_RECEIPT = /^[ \t]*(?:(van phong|vp)\s+)?dang uy\s+(xa|phuong|thi tran)\b(?:[^:\n]{0,40}?\b(?:xac nhan|ghi nhan)\b(?=\s*:?\s*(?:ngay \d[^\n]{0,20})?\s*(?:da nhan|chi bo|cb)\b)\s*:?|(?:\s+[^\s:\n]+){0,3}?\s+(?=da nhan (?:so tien|du|dang phi)\b))/m;

const RE_REMITTED_ALONE = /(?:^|[.!\n]\s*)(?:(?:em|e|cb|chi bo|toi|tui|minh)\s+)?(?:da\s+)?nop\s+(?:roi|xong)(?:\s+(?:a|nha|nhe|nhen))?\s*[.!]?\s*$/;
const RE_SENTENCE_STOP = /(?<!\d)\.(?!\d)|\n/g;

function officeReceipt(p: Prepared, amounts: readonly Amount[], dates: readonly DateMention[], fields: PartyDuesFields): void {
  const receipt = RE_OFFICE_RECEIPT.exec(p.f);
  if (!receipt) return;
  const from = receipt.index + receipt[0].length;
  RE_SENTENCE_STOP.lastIndex = from;
  const end = RE_SENTENCE_STOP.exec(p.f)?.index ?? p.f.length;
  fields.remitted = true;
  fields.remitted_to ??= `${receipt[1] ? "văn phòng " : ""}đảng ủy ${COMMITTEE_LEVEL[receipt[2] as string] ?? "xã"}`;
  const amount = amounts.find((a) => a.start >= from && a.start < end + 40 && p.f.slice(end, a.start).indexOf("\n") < 0) ?? (new Set(amounts.map((a) => a.vnd)).size === 1 ? amounts[0] : undefined);
  if (amount) fields.remitted_vnd = amount.vnd;
  if (fields.remitted_date !== undefined) return;
  const when = dates.find((d) => d.start >= from && d.start < end && d.kind === "dmy" && d.d !== undefined && !amounts.some((a) => d.start < a.end && d.end > a.start));
  const day = when ? resolveDate(when, p.now, "past") : null;
  if (day !== null) fields.remitted_date = formatDay(day);
}
// "hẹn tháng 2 đóng bù", "xin khất sang tháng 11": a month still to come, when the member will pay, not the dues' month.
const RE_PROMISED_MONTH = new RegExp(`${WORD_START}(?:hen|sang|khat|den|toi)\\s+(?:(?:den|sang|toi|vao|dau|cuoi|giua)\\s+)?(?:thang\\s?|t)(?:\\d{1,2}|[a-z]+)${WORD_END}`, "g");

/** The spans of months a member is to pay in later: no period. */
function promisedMonths(f: string): { start: number; end: number }[] {
  if (!/\b(?:hen|sang|khat|den|toi)\s/.test(f)) return [];
  return [...f.matchAll(RE_PROMISED_MONTH)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
}

// Money of another fund named in the amount's own part of the clause: "quỹ an ninh thôn 2.300.000đ",
// "thu được 3.200.000đ tiền làm đường", "46 suất BHYT …"; "quỹ" is the fund, "quý" the quarter.
// "204k + quỹ tình nghĩa 850k": a part after "+" is one of its own. "Ngoài ra chi bộ vận động được 12 triệu làm cầu":
// money besides the dues.
const RE_OTHER_FUND = new RegExp(`${WORD_START}(?:bhyt|bhxh|bao hiem|hoc phi|lam duong|be tong|ung ho|dong gop|tien dien|tien nuoc|ve sinh|an ninh|khuyen hoc|nguoi ngheo|tinh nghia|dap nghia|den on|chu thap do|thien tai|bao lu|lu lut|van dong|lam cau|xay cau|ngoai ra|quy (?:thon|ap|ban|xom|to|khu|hoi))${WORD_END}`);
const RE_OTHER_FUND_TEXT = /quỹ/iu;

const RE_OTHER_MONTH_LEAD = /(?:^|[\s(])(?:thang truoc|thang roi|ky truoc|(?:thang|t)\s?(\d{1,2}))(?:\s?\/\s?\d{4})?\s*(?:la|:|thu|thu duoc|dong)?\s*$/;
const RE_YEAR_TOTAL = new RegExp(`${WORD_START}(?:ca nam|luy ke|tu dau nam|(?:6|sau) thang(?: dau nam)?|nam (?:nay|20\\d\\d) (?:chi bo |cb )?(?:thu|tong))${WORD_END}`);

const PART_STOPS = ",;:.\n+";
/** The amounts that are dues money: those of another fund are dropped when the dues have an amount of their own. */
const RE_NOT_DUES = /\b(?:khong|ko|k|chua)\s+(?:tinh|cong|gop)\s+(?:vao|vo|chung)\s+(?:voi\s+)?(?:dp|dang phi)\b/;

/**
 * "- ĐV hưu trí: 9 đ/c, …, thu 612.000đ\n- ĐV làm nông: 13 đ/c x 10.000đ = 130.000đ\n- …": the members by group, a bulleted
 * line each with what the group paid, and no total said: the amount is their sum. Null when the lines are not so.
 */
function groupLinesTotal(f: string, amounts: readonly Amount[]): number | null {
  if (amounts.length < 2 || !f.includes("\n") || RE_TOTAL_SAID.test(f)) return null;
  const byLine = new Map<number, Amount[]>();
  for (const a of amounts) {
    const lineStart = f.lastIndexOf("\n", a.start) + 1;
    byLine.set(lineStart, [...(byLine.get(lineStart) ?? []), a]);
  }
  if (byLine.size < 2) return null;
  let sum = 0;
  for (const [lineStart, list] of byLine) {
    const line = f.slice(lineStart, lineEnd(f, lineStart));
    if (!RE_GROUP_LINE.test(line)) return null;
    // The group's result: after "=", else the last amount on its line.
    const result = list.find((a) => /=\s*$/.test(f.slice(Math.max(lineStart, a.start - 3), a.start))) ?? (list[list.length - 1] as Amount);
    sum += result.vnd;
  }
  return sum;
}
const RE_TOTAL_SAID = /\b(?:tong(?:\s+(?:cong|so tien|so|thu|tien))?|cong lai|tat ca)\s*(?:la|:|duoc)?\s*\d/;
const RE_GROUP_LINE = new RegExp(`^\\s*[-+•*]\\s*[^\\n]*?\\d+\\s*${MEMBER_NOUN}${WORD_END}`);

const RE_PLANNED_SUM = /\b(?:ke hoach|du toan|du kien)\b/;
const RE_ACTUAL_SUM = /\b(?:thuc thu|da thu|thu duoc|thuc te)\b/;
function duesAmounts(p: Prepared, amounts: Amount[]): Amount[] {
  if (amounts.length < 2) return amounts;
  const partOf = (a: Amount): [number, number] => {
    let from = a.start;
    while (from > 0 && !PART_STOPS.includes(p.f[from - 1] as string)) from--;
    let to = a.end;
    while (to < p.f.length && !PART_STOPS.includes(p.f[to] as string)) to++;
    return [from, to];
  };
  const other = amounts.filter((a) => {
    const [from, to] = partOf(a);
    const part = p.f.slice(from, to);
    // "… tổng số tiền là 176 nghìn đồng ngoài ra bản thu quỹ phòng chống thiên tai được 2 triệu 400 nghìn …": in a part
    // with no stop, the words since the amount before name the fund.
    const prev = amounts.filter((b) => b.end <= a.start && b.end > from).pop();
    if (prev) {
      const lead = p.f.slice(prev.end, a.start);
      if (RE_OTHER_FUND.test(lead) && !RE_DUES.test(lead)) return true;
    }
    // "chi bộ giữ lại 30 nghìn làm quỹ": the cell's own share of the dues. "quỹ phòng chống thiên tai 2.150.000đ nộp
    // UBND xã riêng": a fund named before the amount is that fund's, whoever it goes to.
    // "Quỹ khuyến học thu thêm 2tr5 (ko tính vô ĐP)": said to be apart from the dues.
    if (RE_NOT_DUES.test(part)) return true;
    // "Kế hoạch thu quý II (theo dự toán đầu năm): 2.100.000đ" over "Thực thu: 1.950.000đ": a plan's sum, not collected.
    const lead = p.f.slice(p.f.lastIndexOf("\n", a.start) + 1, a.start);
    if (RE_PLANNED_SUM.test(lead) && !RE_ACTUAL_SUM.test(lead)) return true;
    if (RE_DUES.test(part) || /\b(?:giu|de lai|trich)\b/.test(part)) return false;
    if (RE_OTHER_FUND_TEXT.test(p.text.slice(from, a.start))) return true;
    if (/\b(?:nop|chuyen)\b/.test(part)) return false;
    return RE_OTHER_FUND.test(part);
  });
  return other.length > 0 && other.length < amounts.length ? amounts.filter((a) => !other.includes(a)) : amounts;
}

// "Tháng 12/2026 chi bộ đã nộp đủ 330.000đ", "tháng trước thu 280k": a month named in the amount's sentence before it.
const RE_MONTH_NAMED = /\b(?:thang|t)\s?(\d{1,2})(?![\d.,]|\/\d{1,2}\b(?!\/))|\bthang (?:truoc|roi)\b/g;

/**
 * Where the sentence holding `at` opens: after "!", "?", a line break, or a "." that no digit follows ("264.000" is one
 * figure). Read by character codes: this walks back from every amount of the message.
 */
function sentenceStart(f: string, at: number): number {
  let from = at;
  for (; from > 0; from--) {
    const c = f.charCodeAt(from - 1);
    if (c === 33 || c === 63 || c === 10) break;
    if (c === 46 && !isDigitCode(f.charCodeAt(from))) break;
  }
  return from;
}

function isDigitCode(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** The amounts without those of a sentence that names another month than the period (the month's own left). */
function otherMonths(p: Prepared, amounts: Amount[], period: string | undefined): Amount[] {
  if (amounts.length < 2 || period === undefined || !p.f.includes("thang")) return amounts;
  const month = Number(period.slice(5));
  const f = p.f;
  const others = amounts.filter((a) => {
    const lead = f.slice(sentenceStart(f, a.start), a.start);
    let other = false;
    for (const m of lead.matchAll(RE_MONTH_NAMED)) {
      if (m[1] !== undefined && Number(m[1]) === month) return false;
      if (m[1] === undefined || (Number(m[1]) >= 1 && Number(m[1]) <= 12)) other = true;
    }
    return other;
  });
  return others.length > 0 && others.length < amounts.length ? amounts.filter((a) => !others.includes(a)) : amounts;
}

// "để lại chi bộ 174.000đ", "chi bộ giữ lại 750 nghìn", "trích để lại chi bộ 50%".
// "đã nộp hết về ĐU, không để lại": nothing kept.
const RE_NONE_RETAINED = /\b(?:khong|ko|k|chua)\s+(?:trich\s+)?(?:de lai|giu lai)\b(?!\s*(?:duoc\s+)?\d)/;
// "nộp xã 198k, còn lại để chi bộ": what was not remitted stays.
// ("…, còn lại chi bộ giữ theo quy định": the cell named before its keeping.)
const RE_RETAIN_REST = new RegExp(`${WORD_START}con lai\\s+(?:(?:de lai|giu lai|de|giu)\\s+(?:o\\s+|cho\\s+|tai\\s+)?(?:chi bo|cb)${WORD_END}|(?:chi bo|cb)\\s+(?:giu|de|giu lai|de lai)${WORD_END})`);
const RE_REST_BEFORE = /(?:\bcon(?:\s+lai)?|[,;:(\n]|^)\s*$/;
// "chi bộ giữ 79.200đ": the cell keeping, without "lại".
const RE_RETAIN = new RegExp(`${WORD_START}(?:trich de lai|de lai|giu lai|trich lai|trich giu(?!\\s+lai)|(?<=${WORD_START}(?:chi bo|cb)\\s)giu(?!\\s+lai))${WORD_END}`, "g");

/** The amount (or share, in percent) the cell keeps, stated in its own clause. */
function readRetained(p: Prepared, amounts: readonly Amount[]): { amount?: Amount; share?: number; rest?: true } | null {
  const f = p.f;
  RE_RETAIN.lastIndex = 0;
  let m: RegExpExecArray | null;
  // "để lại sau khi họp, … chi bộ giữ lại 30%": the first keeping word that says how much (every one holds "lai" or "giu").
  while ((f.includes("lai") || f.includes("giu")) && (m = RE_RETAIN.exec(f))) {
    const at = m.index;
    const end = clauseEnd(f, at, true);
    const amount = amounts.find((a) => a.start >= at && a.start < end);
    if (amount) return { amount };
    // "số còn lại 139.500 đồng để lại chi bộ", "còn lại 324 nghìn đồng chi bộ giữ lại": the rest, said just before.
    const rest = amounts.find((a) => a.end <= at && /^\s*(?:(?:dong|vnd)\s+)?(?:(?:chi bo|cb)\s+)?$/.test(f.slice(a.end, at)) && RE_REST_BEFORE.test(f.slice(Math.max(0, a.start - 14), a.start)));
    if (rest) return { amount: rest };
    const pct = /(?<![\d.,])(\d{1,3}(?:[.,]\d+)?)\s?%/.exec(f.slice(at, end));
    const share = pct ? Number((pct[1] as string).replace(",", ".")) : NaN;
    if (share > 0 && share <= 100) return { share };
  }
  return RE_RETAIN_REST.test(f) ? { rest: true } : null;
}

const RE_COMRADE_NAME = new RegExp(`${COMRADE}\\s*`, "g");
// "19/20 đ/c đóng": a verb after "đ/c", not a name.
const RE_NOT_A_NAME = new RegExp(`^(?:dong|nop|chua|da|deu|con|nghi|phai|xin|duoc|mien|di|thuoc|tren|la|co)${WORD_END}`);

// "Họ tên:", "Họ và tên:": a printed form's label before a name (inside a bracket or after a list's start).
const NAME_LABEL = "ho (?:va )?ten\\s*:\\s*";
const RE_NAME_LABEL_LEAD = new RegExp(`^\\s*${NAME_LABEL}`);
/** Names after "đ/c" in the clause that says who has not paid. */
function unpaidNames(p: Prepared, from: number, to: number): string[] {
  const out: string[] = [];
  RE_COMRADE_NAME.lastIndex = from;
  let m: RegExpExecArray | null;
  while ((m = RE_COMRADE_NAME.exec(p.f)) && m.index < to) {
    // "1 đ/c (Sùng A Lử)": the name in brackets.
    const bracket = p.f[m.index + m[0].length] === "(";
    // "01 đ/c (Đ/c Lê Văn Hùng - đi biển)": "đ/c" again inside the brackets.
    // ("01 đ/c (Họ tên: Nguyễn Thị Vinh)": a printed form's label inside it.)
    const inner = bracket ? (RE_COMRADE_LEAD_SPACES.exec(p.f.slice(m.index + m[0].length + 1, m.index + m[0].length + 12)) ?? RE_NAME_LABEL_LEAD.exec(p.f.slice(m.index + m[0].length + 1, m.index + m[0].length + 16))) : null;
    const name = bracket ? readName(p, m.index + m[0].length + 1 + (inner?.[0].length ?? 0), false) : readName(p, m.index + m[0].length, true, true);
    const at = m.index + m[0].length;
    if (!bracket && name && p.text[at] === p.text[at]?.toLowerCase() && RE_NOT_A_NAME.test(p.f.slice(at, name.end))) continue;
    if (!name || name.end > to) continue;
    // "vì đ/c Tạ Quang Huy vừa chuyển khoản tối qua": one who has paid; "Đ/c Hồng thủ quỹ … gửi": the one reporting.
    if (RE_NOT_UNPAID_AFTER_NAME.test(p.f.slice(name.end, name.end + 40))) {
      RE_COMRADE_NAME.lastIndex = name.end;
      continue;
    }
    out.push(titleCase(name.name));
    // "2 đồng chí Sung A Lu và Giang Thi Do": the next name without its own "đ/c".
    let end = name.end;
    for (;;) {
      const next = RE_NAME_NEXT.exec(p.f.slice(end, end + 8));
      if (!next || RE_COMRADE_LEAD_SPACE.test(p.f.slice(end + next[0].length, end + next[0].length + 10))) break;
      const more = readName(p, end + next[0].length, false);
      if (!more || more.end > to || !more.name.includes(" ")) break;
      out.push(titleCase(more.name));
      end = more.end;
    }
    RE_COMRADE_NAME.lastIndex = end;
  }
  return out;
}

const RE_NOT_UNPAID_AFTER_NAME = new RegExp(`^\\s*(?:\\([^()\\n]{0,40}\\)\\s*)?(?:(?:da|vua|moi|cung da|cung vua)\\s+(?:dong|nop|chuyen khoan|chuyen tien|chuyen|gui tien|gui)${WORD_END}|(?:thu quy|bi thu|pho bi thu|chi uy vien|ke toan|van thu)${WORD_END})`);
// ("…;\n   + Đ/c Quách Thị Nga": the next on a bulleted line.)
// ("Họ tên đảng viên chưa đóng: Nguyễn Thị Lựu; Bùi Văn Khang": a semicolon between full names; a "+" joins names on
// one line, on the next it opens the form's next line, "+ Số tiền thu: …".)
const RE_NAME_NEXT = /^(?:\s*(?:,|\bva\b|\bvoi\b|;?[ \t]*\n[ \t]*(?:[-+•*]|\d{1,2}[.)])(?=[ \t]*(?:d\/c|dc|dong chi)\s)|;(?=[ \t]*[^\s]))|[ \t]*\+)\s*/;
// "(Quàng Thị Ơn) xin nộp sau": the count's words, not a name ("còn đ/c Y Bơn" is no "còn 4").
const RE_UNPAID_G = new RegExp(RE_UNPAID.source, "g");
const RE_PAID_JUST_BEFORE = /\b(?:da dong|da nop|da thu|dong du|thu du|thu duoc)\s*:?\s*$/;

/** The clause that counts who has not paid; the count is no part of an amount nor a capitalised name. */
const RE_TAKEN_BACK = /(?:^|[\s,.;])(?:a|ah|o|ua)\s*,?\s+(?:khong|ko|nham|lon)\b/;
const RE_MONEY_WORDS_NEXT = /^(?:(?:mot|hai|ba|bon|tu|nam|lam|sau|bay|tam|chin|muoi|ham|tram|linh|le|khong|ruoi)\s+){1,8}(?:nghin|ngan|trieu)\b/;

function findUnpaid(p: Prepared, inAmount: (i: number) => boolean): RegExpExecArray | null {
  RE_UNPAID_G.lastIndex = 0;
  let m: RegExpExecArray | null;
  // "chưa đóng 2, à không, chưa đóng 1 (đ/c Phan Thanh)": the count said again after the slip taken back.
  const slip = RE_TAKEN_BACK.exec(p.f);
  let before: RegExpExecArray | null = null;
  while ((m = RE_UNPAID_G.exec(p.f))) {
    const g = (m[1] ?? m[2]) as string;
    const at = m.index + (m[2] !== undefined ? 0 : m[0].indexOf(g));
    if (inAmount(m.index + m[0].length - 1) || inAmount(at)) continue;
    if (inName(p, at)) continue;
    // "Danh sách đ/c chưa đóng:⏎1. Đ/c …": the first line's number, no count.
    if (RE_LIST_NUMBER_AFTER.test(p.f.slice(at + g.length, at + g.length + 12)) && /\n[ \t]*$/.test(p.f.slice(Math.max(0, at - 4), at))) continue;
    // "toàn xã mới đạt 85% vì nhiều cb chưa nộp": a share, no count of members.
    if (p.f.startsWith("%", at + g.length) || p.f.startsWith(" %", at + g.length)) continue;
    // "còn lại bốn trăm sáu mươi tám nghìn chi bộ giữ": money said in words, no count of members.
    if (RE_MONEY_WORDS_NEXT.test(p.f.slice(at, at + g.length + 24))) continue;
    // "đã đóng 33 đồng chí chưa đóng là …": the count is those who paid, its sentence run on into who did not.
    // ("Số ĐV đã đóng: 55   (4) Chưa đóng: 02 – …": the label's own count after it is looked for again.)
    if (m[2] !== undefined && RE_PAID_JUST_BEFORE.test(p.f.slice(Math.max(0, m.index - 12), m.index))) {
      const verb = m[0].lastIndexOf("chua");
      if (verb > 0) RE_UNPAID_G.lastIndex = m.index + verb;
      continue;
    }
    if (slip && m.index < slip.index) {
      before ??= m;
      continue;
    }
    return m;
  }
  return before;
}

// "Chưa đóng: đ/c Hồ Sỹ Bình, …", "hai đồng chí chưa thu được là Rơ Châm Khoan và Puih H'Lim".
// "ko thu dc cua dc Khanh (di XKLD Han)": "của" before the one who has not paid.
// ("đã đóng: 49⏎chưa: Hà Thị Mến (ốm), …": "chưa" alone as a label under the paid's line.)
const RE_UNPAID_LABEL = /\b(?:chua|khong|ko)\s+(?:dong|nop|thu)(?:\s+(?:duoc|dc))?(?:\s+(?:dp|dang phi)(?=\s*:))?\s*(?::|-|\bla\b|\bgom\b|\bcua\b)?\s*|(?<=\bda (?:dong|nop|thu)\s*:?\s*\d{1,3}\s*(?:d\/c|dv)?\s*[\n,;]\s*[-+•]?\s*)chua\s*:\s*/g;
// "còn Lo Van Han, Vi Thi Lan chua dong": the rest named, then the verb.
const RE_REST = /\b(?:con lai|con|rieng|tru)\s+(?:\d{1,2}\s+(?:(?:dv|dang vien|d\/c|dc|dong chi|nguoi)\s+)?(?=(?:ong|ba|chu|bac|anh|chi|co|a|c|o)\s))?/g;
// "2 đ/c Lê Văn Cường, Trịnh Thị Hoa chưa đóng": how many, then who, then the verb.
const RE_COUNT_THEN_COMRADE = /(?<![\d.,/])\b\d{1,2}\s+(?=(?:d\/c|dc|dong chi)\s)/g;
// "còn Lo Van Hom di Lao Cai lam chua dong": a few words of why between the name and the verb.
const RE_NOT_PAID_AFTER = /^\s*(?:\([^()\n]{0,60}\)\s*)?(?:[^,.;:()\n]{1,30}?\s)?(?:(?:deu|van|thi|cung)\s+)?(?:chua|khong|ko|k)\s+(?:dong|nop|thu)\b/;
// "Chưa nộp Đảng ủy xã": the committee, not a member; "Đặng Thị Thu" is one ("dang" alone is also the surname).
// "ĐU" in capitals is the committee, "Du Thị Lan" a member.
const RE_COMMITTEE_CAPS = /^[ĐD]U(?:[XP]|\b)/;
// "Bàn Văn Quý", "Bàn Thị Dín": the Dao surname, not "ban" (a committee or a village).
const RE_COMMITTEE_NAME = new RegExp(`^(?:dang\\s+(?:uy|bo)|du(?=\\s+(?:xa|phuong|thi tran|khoi|huyen)${WORD_END})|dux|xa|cap|vp|van phong|chi bo|cb|thon|ban(?!\\s+(?:van|thi)${WORD_END})|bo)${WORD_END}`);

/** Names listed after the words that say they did not pay, or before them after "còn". */
function namesOfUnpaid(p: Prepared, count: number | undefined): string[] {
  for (const re of [RE_UNPAID_LABEL, RE_REST, RE_COUNT_THEN_COMRADE]) {
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(p.f))) {
      const list = nameList(p, m.index + m[0].length, count);
      if (list.names.length === 0) continue;
      if (re !== RE_UNPAID_LABEL && !RE_NOT_PAID_AFTER.test(p.f.slice(list.end, list.end + 80))) continue;
      return list.names;
    }
  }
  return [];
}

/**
 * Names in a list from `at` ("đ/c Hầu A Lềnh, đ/c Lý Thị Chi (đi làm ở Lai Châu)", "Siu H'Yun (đi làm
 * xa), Rơ Châm Nhoi"): after "đ/c" in any case, else in capitals; a remark in brackets after a name is skipped.
 * Names of one word alone count only when they are as many as `count`.
 */
function nameList(p: Prepared, at: number, count: number | undefined, bracketed = false): { names: string[]; end: number } {
  const names: string[] = [];
  let single = false;
  let i = at;
  let end = at;
  let afterSemicolon = false;
  for (;;) {
    // "Danh sách đ/c chưa đóng:⏎1. Đ/c Trịnh Văn Hậu – …⏎2. Đ/c …": a numbered line's number.
    const numbered = names.length === 0 ? RE_NUMBERED_COMRADE.exec(p.f.slice(i, i + 10)) : null;
    if (numbered) i += numbered[0].length;
    const comrade = RE_COMRADE_PADDED.exec(p.f.slice(i, i + 12));
    if (comrade) i += comrade[0].length;
    // "còn một đồng chí là chú Tư Hải", "còn ông Sáu Lượm": how the member is addressed, then the name in capitals.
    const address = RE_ADDRESS.exec(p.f.slice(i, i + 16));
    // "Ba Lợi", "Tư Hải": a capitalised "Ba", "Tư" is the name itself.
    // ("O Loan": the Centre's "O", aunt, even capitalised.)
    if (address && /\p{Lu}/u.test(p.text[i + address[0].length] ?? "") && (!/\p{Lu}/u.test(p.text.slice(i, i + address[0].length)) || /^\s*O\s+$/.test(p.text.slice(i, i + address[0].length)))) i += address[0].length;
    const name = readName(p, i, comrade !== null, comrade !== null);
    // "đ/c Đặng Văn Dụng": after "đ/c" a member, never the committee.
    if (!name || (!comrade && (RE_COMMITTEE_NAME.test(p.f.slice(i, name.end + 8)) || RE_COMMITTEE_CAPS.test(p.text.slice(i, i + 3)))) || (comrade && RE_NOT_A_NAME.test(p.f.slice(i, name.end)))) break;
    // After a semicolon only a full name goes on the list: "…; Tổng thu …" starts the next clause.
    if (afterSemicolon && !name.name.includes(" ")) break;
    if (!comrade && !name.name.includes(" ")) single = true;
    names.push(titleCase(name.name));
    end = name.end;
    // "Võ Văn Út - bệnh, Huỳnh Thị Mến - đi làm xa": a remark after a dash, as after a name in brackets.
    // "(đ/c Thân Văn Lực đi XKLĐ Hàn Quốc, đ/c Giáp Thị Xuân nằm viện)": in brackets, why, right after the name.
    const remark = (bracketed ? RE_REMARK_IN_BRACKETS : RE_REMARK).exec(p.f.slice(end, end + 160));
    const j = end + (remark?.[0].length ?? 0);
    const next = RE_NAME_NEXT.exec(p.f.slice(j, j + 24));
    if (!next) {
      // "anh Võ Văn Lành anh Nguyễn Văn Tám với anh …": each named after how he is addressed, with no comma between.
      const again = (comrade || address) && RE_ADDRESSED_NEXT.exec(p.f.slice(j, j + 16));
      if (!again || !/\p{Lu}/u.test(p.text[j + again[0].length] ?? "")) break;
      i = j;
      continue;
    }
    afterSemicolon = next[0].trim() === ";";
    i = j + next[0].length;
  }
  if (single && names.length !== count) return { names: [], end: at };
  return { names, end };
}

const RE_LIST_NUMBER_AFTER = /^[.)][ \t]*(?:d\/c|dc|dong chi)\s/;
const RE_NUMBERED_COMRADE = /^\s*\d{1,2}[.)][ \t]*(?=(?:d\/c|dc|dong chi)\s)/;
// ("+ Đ/c Hà Văn Thiết - đi làm ăn ở TP. Hồ Chí Minh, đã liên hệ, …;\n   + Đ/c …": on a bulleted line, the rest of it.)
const RE_REMARK = /^\s*(?:\([^()\n]{0,60}\)|[-–]\s+[^-–,;:()\n]{1,40}?(?=\s*(?:[,;)+\n]|\bva\b|$))(?:[^\n]{0,100}?(?=;?[ \t]*\n[ \t]*[-+•*][ \t]*(?:d\/c|dc|dong chi)\s))?)/;
const RE_REMARK_IN_BRACKETS = /^\s*(?:\([^()\n]{0,60}\)|[-–]\s+[^-–,;:()\n]{1,40}?(?=\s*(?:[,;)+\n]|\bva\b|$))|\s[^,;:()\n]{1,50}?(?=\s*[,;)]))/;
// ("ôn Lê Văn Bảy với mệ Trần Thị Tám": grandfather and grandmother, as the Centre says them.)
const RE_ADDRESS = /^\s*(?:la\s+)?(?:ong|ba|chu|bac|anh|chi|co|cau|di|thim|em|on|me|a|c|o)\s+/;
const RE_ADDRESSED_NEXT = new RegExp(`^\\s+(?:${COMRADE}|ong|ba|chu|bac|anh|chi|co|cau|a|c|o)\\s+`);
// The start of a list of who: "(", ":", "là", "gồm", ", gồm:" ("Chưa đóng: 4 đ/c, gồm: Y Thông Ksơr, …").
// ("(Họ tên: Nguyễn Thị Vinh)": a printed form's label inside the bracket.)
const RE_LIST_START = new RegExp(`^\\s*(?:\\(|:|-|,?\\s*(?:la|gom|bao gom)${WORD_END}\\s*:?)\\s*(?:[-+•*]\\s+)?(?:${NAME_LABEL})?`);

/**
 * Names in a list that starts at `at` ("(Sung A Chu, Ly Thi Pa)", ": Lò Thị Xuân, Quàng Văn Mạnh");
 * given names alone ("2 dc chua dong: Chung, Su") only as many as `count`.
 */
function listedNames(p: Prepared, at: number, count: number | undefined): string[] {
  const start = RE_LIST_START.exec(p.f.slice(at, at + 16));
  return start ? nameList(p, at + start[0].length, count, start[0].includes("(")).names : [];
}

// "còn đ/c …", "còn lại đ/c …", "trừ đ/c …": the rest, named with "đ/c".
// "còn ông Sau Luom đi ghe chưa về": or how the member is addressed.
// "thiếu Danh Hoàng và Thị Sà Ly": after "thiếu" (short of), the names alone, in capitals.
const RE_REST_COMRADE = new RegExp(`${WORD_START}(?:con lai|con|rieng|tru|thieu)\\s+(?=(?:${COMRADE}|ong|ba|chu|bac|anh|chi|co|cau)\\s)|${WORD_START}thieu\\s+(?=[a-z])`, "g");
const RE_REST_LEAD = new RegExp(`^(?:${COMRADE}|ong|ba|chu|bac|anh|chi|co|cau|a|c|o)\\s`);
const RE_PAID_AFTER = /\b(?:da|cung|deu)\s+(?:dong|nop|thu)\b|\b(?:dong|nop)\s+(?:roi|r)\b/;

/** Names after "còn" when they are as many as those who did not pay and nothing after says they paid. */
function restNamed(p: Prepared, unpaid: number): string[] {
  RE_REST_COMRADE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = RE_REST_COMRADE.exec(p.f))) {
    const at = m.index + m[0].length;
    if (p.f.startsWith("thieu", m.index) && !/\p{Lu}/u.test(p.text[at] as string) && !RE_REST_LEAD.test(p.f.slice(at, at + 12))) continue;
    const list = nameList(p, at, unpaid);
    if (list.names.length !== unpaid) continue;
    if (RE_PAID_AFTER.test(p.f.slice(list.end, clauseEnd(p.f, list.end, true)))) continue;
    return list.names;
  }
  return [];
}

// "còn 2 ông … (Tư Nhỏ, Sáu Đen)": the rest counted, with whom they are.
// "Chưa: 2 (Danh Sơn, Thạch Thị Sa Rươne)", "chưa đóng: 2 (…)", "đã đóng 45, chưa 2 (…)": a labelled count, whom in brackets right after it.
const RE_REST_COUNTED = new RegExp(String.raw`${WORD_START}(?:con|con lai|thieu)\s+(${COUNT})\s+(?:${MEMBER_NOUN}|ong|ba|anh|chi|co|chu|bac)${WORD_END}|${WORD_START}chua(?:\s+(?:dong|nop|thu)(?:\s+(?:duoc|dc))?)?\s*:?\s*(${COUNT})\s*(?:${MEMBER_NOUN}\s*)?(?=\()`, "g");

/** Names in brackets in the clause that counts the rest, when they are as many as did not pay. */
function restInBrackets(p: Prepared, unpaid: number): string[] | null {
  RE_REST_COUNTED.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = RE_REST_COUNTED.exec(p.f))) {
    if (parseCount((m[1] ?? m[2]) as string) !== unpaid) continue;
    const end = clauseEnd(p.f, m.index + m[0].length, true);
    const bracket = p.f.indexOf("(", m.index + m[0].length);
    if (bracket < 0 || bracket > end + 1) continue;
    const names = listedNames(p, bracket, unpaid);
    if (names.length === unpaid) return names;
  }
  return null;
}

// A sentence that says its member has not paid, or will pay later: "… chưa đóng", "… chưa về", "hẹn tháng 10 đóng bù".
// "xin khất sang tháng sau": asks to pay later.
const RE_NOT_PAID_SENTENCE = /\bchua\s+(?:dong|nop|thu|ve|gui)\b|\b(?:dong|nop)\s+(?:bu|sau)\b|\bkhat\b/;
const RE_PAID_SENTENCE = /\b(?:da|deu|cung)\s+(?:dong|nop)\b|\bgui\b\s*\)/;
const RE_COMRADE_AT = new RegExp(`(?<![a-z])${COMRADE}\\s+`, "g");

/** Members named with "đ/c" each in a sentence that says they have not paid, when they are as many as did not pay. */
function namedAsNotPaid(p: Prepared, unpaid: number): string[] | null {
  const names: string[] = [];
  RE_COMRADE_AT.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = RE_COMRADE_AT.exec(p.f))) {
    const at = m.index + m[0].length;
    const name = readName(p, at, false, true);
    if (!name || RE_NOT_A_NAME.test(p.f.slice(at, name.end))) continue;
    const sentence = p.f.slice(Math.max(clauseStart(p.f, m.index), m.index), clauseEnd(p.f, name.end));
    if (!RE_NOT_PAID_SENTENCE.test(sentence) || RE_PAID_SENTENCE.test(sentence)) continue;
    const full = titleCase(name.name);
    if (!names.includes(full)) names.push(full);
  }
  return names.length === unpaid ? names : null;
}

// "Giang A Phao chua dong.", "Hà Thị Mai (đi làm xa) chưa nộp": a sentence that opens on a name, then says it has not paid.
const RE_NOT_PAID_VERB = /\b(?:chua|khong|ko|k)\s+(?:dong|nop)\b(?!\s+(?:len|ve|cho|xa|phuong|dux|du\b|dang uy|cap tren))/g;
const RE_BETWEEN_NAME_AND_VERB = /^\s*(?:\([^()\n]{0,60}\)\s*)?,?\s*$/;

/** Capitalised names that each open a sentence saying they have not paid, when they are as many as did not pay. */
function namesOpeningNotPaid(p: Prepared, unpaid: number): string[] | null {
  const names: string[] = [];
  RE_NOT_PAID_VERB.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = RE_NOT_PAID_VERB.exec(p.f))) {
    let at = clauseStart(p.f, m.index);
    while (at < m.index && /[\s\-•*+]/.test(p.f[at] as string)) at++;
    const name = readName(p, at, false);
    if (!name || name.end > m.index || !name.name.includes(" ")) continue;
    if (RE_COMMITTEE_NAME.test(p.f.slice(at, name.end + 8)) || RE_COMMITTEE_CAPS.test(p.text.slice(at, at + 3)) || RE_NOT_A_NAME.test(p.f.slice(at, name.end))) continue;
    if (!RE_BETWEEN_NAME_AND_VERB.test(p.f.slice(name.end, m.index))) continue;
    const full = titleCase(name.name);
    if (!names.includes(full)) names.push(full);
  }
  return names.length === unpaid ? names : null;
}

/**
 * Names in brackets in the part of a clause (between commas) that says its members have not paid, when they are
 * as many as did not pay: "1 đ/c ốm nằm viện (Nguyễn Văn Chín) xin nộp sau".
 */
function bracketOfNotPaid(p: Prepared, unpaid: number): string[] | null {
  const f = p.f;
  for (let b = f.indexOf("("); b >= 0; b = f.indexOf("(", b + 1)) {
    const close = f.indexOf(")", b);
    if (close < 0) break;
    const part = f.slice(Math.max(clauseStart(f, b), f.lastIndexOf(",", b) + 1), clauseEnd(f, close + 1, true));
    if (!RE_NOT_PAID_SENTENCE.test(part) || RE_PAID_SENTENCE.test(part)) continue;
    const names = listedNames(p, b, unpaid);
    if (names.length === unpaid) return names;
  }
  return null;
}

/** Whether the count word at `at` is a capitalised word after another word: part of a name ("thôn Tam Đồng", "đ/c Y Bơn"), no count. */
function inName(p: Prepared, at: number): boolean {
  return /\p{Lu}/u.test(p.text[at] as string) && /\p{L}\s$/u.test(p.text.slice(Math.max(0, at - 2), at));
}

function setPaidLiable(fields: PartyDuesFields, paidText: string, liableText: string): void {
  const paid = parseCount(paidText);
  const liable = parseCount(liableText);
  if (paid !== null) fields.paid = paid;
  if (liable !== null) fields.liable = liable;
}

/** To whom the money went, in one spelling ("ĐUX", "Đảng ủy xã", "dang uy xa" → "đảng ủy xã"): `target` is its folded text, ending at `end`. */
function remitTarget(p: Prepared, target: string, end: number): string {
  // "nộp bộ phận kế toán Văn phòng Đảng ủy xã", "đưa kế toán đảng ủy": the office's desk named before it.
  const desk = RE_DESK_BEFORE.exec(p.f.slice(Math.max(0, end - target.length - 30), end - target.length));
  const named = withCommuneName(p, officeTarget(p, target, end), end);
  return desk ? `${p.text.slice(end - target.length - desk[0].length, end - target.length - desk[0].length + (desk[1] as string).length).toLowerCase()} ${named}` : named;
}
// "nộp Đảng ủy xã Long Hữu 728.000 đ", "Đã nộp Đảng ủy phường Hòa Bình ngày 26/12": the commune's or ward's name after its
// committee, in capitals, is part of whom it went to.
const RE_LEVEL_WORD_END = /(?:xã|phường|thị trấn)$/;
const RE_PLACE_NAME_AFTER = /^(?:\s(?:xa|phuong|thi\s+tran)(?![a-z]))?\s/;
const RE_WORD_AT = /^[^\s.,;:()]+(?=[\s.,;:)]|$)/;
const RE_NOT_PLACE_WORD = /^(?:Ngày|Tháng|Năm|Số|Đã|Chưa|Lúc|Vào|Hôm|Qua|Theo|Trước|Sau|Và|Với|Cùng|Bằng|Tổng|Còn|Hết|Nộp|Thu|Ghi|Người|Chi|Tiền|Tại|Là|Được|Đủ)$/u;
// "văn phòng đảng ủy đặc khu": the special zone, a commune's level since 2025, said after the committee.
const RE_SPECIAL_ZONE_AFTER = /^\s+dac khu(?![a-z])/;
function withCommuneName(p: Prepared, named: string, end: number): string {
  const zone = named.endsWith("đảng ủy") ? RE_SPECIAL_ZONE_AFTER.exec(p.f.slice(end, end + 12)) : null;
  if (zone) {
    named += " đặc khu";
    end += zone[0].length;
  }
  if (!RE_LEVEL_WORD_END.test(named) && !zone) return named;
  const lead = RE_PLACE_NAME_AFTER.exec(p.f.slice(end, end + 12));
  if (!lead) return named;
  const words: string[] = [];
  let at = end + lead[0].length;
  for (let k = 0; k < 4; k++) {
    const w = RE_WORD_AT.exec(p.text.slice(at, at + 16))?.[0];
    if (!w || w.charAt(0) === w.charAt(0).toLowerCase() || w.slice(1) !== w.slice(1).toLowerCase() || RE_NOT_PLACE_WORD.test(w)) break;
    words.push(w);
    at += w.length;
    if (p.text[at] !== " ") break;
    at++;
  }
  return words.length > 0 ? `${named} ${words.join(" ")}` : named;
}
// ("Bên nhận: Văn phòng Đảng ủy xã - Đại diện: đ/c …": the office, not who stood for it.)
// ("Nơi nộp: Đảng ủy phường (chuyển khoản)": where it was paid in; how, in brackets, is no part of it.)
// ("Nộp tại: Văn phòng Đảng ủy xã Phù Ninh ngày 15/8/2025": where, then when.)
const RE_RECEIVER_LABEL = /\b(?:noi nhan|noi nop|nop tai|ben nhan|don vi nhan|don vi thu|nguoi nhan)[ \t]*:[ \t]*(?=[^\n]*\b(?:dang uy|van phong|vp|ke toan|tai chinh)\b)([^\n\t.;]+?)(?=[ \t]{2,}|\t|[.;]|[ \t]*\(|[ \t]+(?:ngay|hom|luc)[ \t]+\d|[ \t]*[-–,][ \t]*(?:dai dien|nguoi nhan)\b|$)/m;
// ("Người nhận: Võ Thị Hiền – Văn phòng Đảng ủy": the person named bare, the desk after the dash.)
const RE_PERSON_THEN_DESK = /^(?:(?:đ\/c|đồng chí|ông|bà|anh|chị)\s[^–-]{2,40}[–-]\s*|[^–-]{2,40}[–-]\s*(?=(?:văn phòng|vp|kế toán|bộ phận|thủ quỹ|đảng ủy)\b))/u;
const RE_DESK_BEFORE = /\b((?:bo phan\s+)?(?:ke toan|thu quy|tai chinh))\s*$/;

function officeTarget(p: Prepared, target: string, end: number): string {
  const spelled = REMIT_TARGET[target];
  if (spelled !== undefined) return spelled;
  const from = end - target.length;
  // "chuyển ĐU phường": the capitals before are the committee, not "đủ" (in full).
  if (/^(?:xa|phuong|huyen)$/.test(target) && /[ĐD]U\s$/.test(p.text.slice(from - 3, from))) return `đảng ủy ${COMMITTEE_LEVEL[target]}`;
  const level = RE_COMMITTEE_LEVEL.exec(p.f.slice(end, end + 12));
  const withLevel = (name: string): string => (level ? `${name} ${COMMITTEE_LEVEL[(level[1] as string).replace(/\s+/g, " ")]}` : name);
  if (target === "du" || target === "dang uy") return withLevel("đảng ủy");
  if (/^(?:van phong dang uy|vp dang uy|van phong du|vp du|vpdu)$/.test(target)) return withLevel("văn phòng đảng ủy");
  if (target === "van phong dux" || target === "vp dux") return "văn phòng đảng ủy xã";
  // "VP xã", "VP ĐUP": the office of the commune's or the ward's committee.
  if (target === "vp xa" || target === "van phong xa") return "văn phòng đảng ủy xã";
  if (target === "vp phuong" || target === "van phong phuong" || target === "vp dup" || target === "van phong dup") return "văn phòng đảng ủy phường";
  return REMIT_SPELLED[target] ?? target;
}

// "Chưa nộp, …", "- Chưa.": a line that answers no.
const RE_NO_LINE = /^\s*(?:[-+*•]\s*)?(?:chua|van chua|khong|ko)\b(?!\s+(?:thu|dong)\b)/;
// "đã nộp toàn bộ số tiền trên về Văn phòng Đảng ủy", "nộp lên Đảng ủy xã toàn bộ số tiền": all that was collected went up.
// "đã chuyển khoản đủ số này": all of it too.
const RE_CELL_NOT_REMITTED = /\b(?:chi bo|cb|em|minh|toi)\s+(?:van\s+)?chua\s+nop\b(?!\s+(?:du|dang phi|dp)\b)/;
// "Đã nộp lên Đảng ủy xã đủ số đã thu tháng 6": all that was collected.
const RE_REMIT_LABEL_BEFORE = /(?:^|\n)[ \t]*(?:[-–+•*][ \t]*)?(?:\d{1,2}[.)][ \t]*)?(?:so tien\s+)?(?:trich\s+)?nop(?:\s+(?:len|ve))?\s+(?:vp\s+|van phong\s+)?(?:cap tren|dux|du(?: xa| phuong)?|dang uy(?: xa| phuong)?|xa|phuong)(?:\s*\(?\d{1,3}\s?%\)?)?\s*:\s*$/;
const RE_REMIT_WHOLE = new RegExp(`${WORD_START}(?:toan bo|tat ca|het|tron)(?:\\s+(?:so\\s+)?tien)?${WORD_END}(?!\\s+(?:han|thang|nam|tuan)${WORD_END})|${WORD_START}(?:du|toan bo|het)\\s+so\\s+(?:tien\\s+)?(?:nay|tren|do|da thu|thu duoc)${WORD_END}`);
// "420k đã nộp", "420k em nộp": between the amount and the remitting verb, only who and "đã".
const RE_ONLY_WHO_BEFORE_VERB = /^\s*(?:(?:da|em|e|cb|chi bo|minh|toi|tui|thi)\s+)*$/;
// "phần còn lại đã nộp", "số còn lại em nộp": the rest is what is handed on.
const RE_REST_REMITTED = /\bcon lai\s+(?:(?:da|em|e|cb|chi bo|thi|thi da)\s+)*$/;

/**
 * The remitting clause: whether, how much and when the money went to the commune; true when what
 * went is "the rest" (phần còn lại), of no amount of its own.
 */
function readRemittance(p: Prepared, fields: PartyDuesFields, amounts: readonly Amount[], warnings: string[]): boolean {
  const f = p.f;
  let remitStart = -1;
  let remitEnd = -1;
  let negated = false;
  RE_REMIT.lastIndex = 0;
  let m: RegExpExecArray | null;
  // "nộp ĐU 132k", "Số nộp cấp trên (70%): …": every remitting clause, in text order.
  const clauses: RegExpExecArray[] = [];
  while ((m = RE_REMIT.exec(f))) {
    // "40/41 đv đã nộp": members paying is not remitting.
    // "nộp đủ" (paid in full) is not "nộp ĐU" (to the committee): only the capitals say ĐU.
    if (m[1] === "du" && !/^[ĐD]U$/.test(p.text.slice(m.index + m[0].length - 2, m.index + m[0].length))) continue;
    if (f.startsWith("no ", m.index) && p.text.slice(m.index, m.index + 2).toLowerCase() !== "nộ") continue;
    // "Tổ dân phố Đồng Xa": a place's "Đồng", no "đóng" (paying); "là dòng tháng 3": a table's line.
    if (f.startsWith("dong", m.index) && /^(?:đồng|dòng)$/i.test(p.text.slice(m.index, m.index + 4))) continue;
    clauses.push(m);
  }
  // "em đem lên xã nộp hôm thứ hai rồi", "mang về ĐUX nộp": going there, then the verb.
  // "Số tiền thu: 250.000đ, Đã nộp: 175.000đ": a sum under "đã nộp" is the sum sent up (members pay with "đóng").
  if (f.includes("nop")) {
    RE_REMIT_TARGET_FIRST.lastIndex = 0;
    while ((m = RE_REMIT_TARGET_FIRST.exec(f))) clauses.push(m);
    RE_REMIT_LABEL.lastIndex = 0;
    while ((m = RE_REMIT_LABEL.exec(f))) if (!clauses.some((c) => c.index <= (m as RegExpExecArray).index && (m as RegExpExecArray).index < c.index + c[0].length)) clauses.push(m);
    clauses.sort((a, b) => a.index - b.index);
  }
  const hasFigure = (r: RegExpExecArray): boolean => /\d/.test(f.slice(r.index + r[0].length, clauseEnd(f, r.index)));
  const heldAmount = (r: RegExpExecArray): boolean => amounts.some((a) => a.start >= r.index && a.start < clauseEnd(f, r.index));
  // "II. Tình hình nộp cấp trên" over "Ngày 21/9, chi bộ đã nộp Đảng ủy phường số tiền …": a heading names the matter, the line below tells it.
  const first = clauses[0];
  const told = first && !hasFigure(first) && f[clauseEnd(f, first.index)] === "\n" ? clauses.find((r) => r !== first && heldAmount(r)) : undefined;
  const targetOf = (r: RegExpExecArray): { target?: string; end: number } => {
    // "Số tiền nộp cấp trên: 114.000 đồng. Ngày nộp: 20/11/2025": the date may follow in the next line.
    // "số nộp cấp trên 1.083.600 đồng": the target after a remitting word that names none.
    const next = r[1] === undefined ? RE_TARGET_NEXT.exec(f.slice(r.index + r[0].length, r.index + r[0].length + 30)) : null;
    return { target: r[1] ?? next?.[1], end: r[1] !== undefined ? r.index + r[0].length : r.index + r[0].length + (next?.[0].length ?? 0) };
  };
  // "II. Nộp cấp trên\n  Chưa nộp, chi bộ sẽ nộp Đảng ủy phường …": a heading answered on the line below, by a remitting clause of
  // its own or by "chưa".
  const below = first && !told && !hasFigure(first) && f[clauseEnd(f, first.index)] === "\n" ? clauseEnd(f, first.index) + 1 : -1;
  const lineBelow = below >= 0 ? f.slice(below, lineEnd(f, below)) : "";
  const answeredBelow = below >= 0 ? clauses.find((r) => r.index >= below && r.index < below + lineBelow.length) : undefined;
  const chosen = told ?? answeredBelow ?? first;
  m = chosen ?? null;
  if (m) {
    const before = f.slice(Math.max(0, m.index - 24), m.index);
    // "Đã nộp ĐUX: chưa" — a labelled line answered no.
    negated = RE_REMIT_NEG.test(before) || RE_ONLY_AFTER.test(f.slice(Math.max(0, m.index - 40), m.index)) || RE_ANSWERED_NO.test(f.slice(m.index + m[0].length, m.index + m[0].length + 12)) ||
      RE_AMOUNT_ANSWERED_NO.test(f.slice(m.index + m[0].length, m.index + m[0].length + 40)) || (below >= 0 && RE_NO_LINE.test(lineBelow));
    remitStart = m.index;
    remitEnd = clauseEnd(f, m.index);
    const { target, end } = targetOf(m);
    if (target !== undefined) fields.remitted_to = remitTarget(p, target, end);
    // "Số nộp cấp trên (70%): 802.200 đồng … nộp Văn phòng Đảng ủy xã": the level above, then whom by name.
    // "Số tiền nộp cấp trên: 173.600 đ … Nơi nhận: Bộ phận tài chính Văn phòng Đảng ủy xã": a printed form names the office
    // that received it on a line of its own.
    const receiver = fields.remitted_to === "cấp trên" || fields.remitted_to === undefined ? RE_RECEIVER_LABEL.exec(f) : null;
    if (receiver) {
      const at = receiver.index + receiver[0].length - (receiver[1] as string).length;
      // ("Bên nhận: đ/c Trịnh Văn Sáng – kế toán Văn phòng Đảng ủy xã": the desk, not the person.)
      fields.remitted_to = p.text.slice(at, at + (receiver[1] as string).length).trim().toLowerCase().replace(RE_PERSON_THEN_DESK, "");
    }
    if (fields.remitted_to === "cấp trên" || fields.remitted_to === undefined) {
      for (const r of clauses) {
        const other = targetOf(r);
        if (r === m || other.target === undefined) continue;
        const named = remitTarget(p, other.target, other.end);
        if (named !== "cấp trên") {
          fields.remitted_to = named;
          break;
        }
      }
    }
  }
  if (remitStart < 0) {
    // "264k/22dv. nộp 132k ngày 19/11": a smaller amount handed on after the one collected.
    RE_NOP_AMOUNT.lastIndex = 0;
    while ((m = RE_NOP_AMOUNT.exec(f))) {
      const at = m.index + m[0].length;
      const own = amounts.find((a) => a.start === at);
      if (!own || !amounts.some((a) => a.end <= m!.index && a.vnd > own.vnd)) continue;
      negated = RE_REMIT_NEG.test(f.slice(Math.max(0, m.index - 24), m.index));
      remitStart = m.index;
      remitEnd = clauseEnd(f, m.index);
      break;
    }
  }
  if (remitStart < 0) {
    // "…, 252k, đã nộp", "0,288 tr / 24 dv, da nop du": handed on, said last; "24 đv đã nộp" is members paying.
    RE_DONE_REMIT.lastIndex = 0;
    while ((m = RE_DONE_REMIT.exec(f))) {
      // "14 dc 168000 da nop": the figure before is the money, not members.
      const moneyBefore = amounts.some((a) => a.end <= m!.index && /^\s*$/.test(f.slice(a.end, m!.index)));
      // "hạn nộp 6/5 em chưa nộp": the figure before is a day.
      const before = f.slice(Math.max(0, m.index - 16), m.index);
      if (!moneyBefore && RE_MEMBERS_BEFORE.test(before) && !RE_DAY_BEFORE.test(before)) continue;
      // "Đã nộp rồi ạ": a short answer on its own, with no amount.
      if (!amounts.some((a) => a.end <= m!.index) && !(amounts.length === 0 && f.length <= 24)) continue;
      // "Đã nộp: chưa": a labelled line answered no.
      negated = /^(?:\S+\s+)?chua\b/.test(m[0]) || RE_REMIT_NEG.test(f.slice(Math.max(0, m.index - 24), m.index)) || RE_ANSWERED_NO.test(f.slice(m.index + m[0].length, m.index + m[0].length + 12));
      remitStart = m.index;
      remitEnd = clauseEnd(f, m.index);
      break;
    }
  }
  if (remitStart < 0) {
    // "Đảng phí T11 nộp rồi nha chị", "thôn Đông Sơn nộp đp tháng 4 rồi": the month's dues handed on, done;
    // "26 đv nộp đp rồi", "đ/c Hải nộp đp rồi" are members paying. The figures after are what was collected.
    RE_DUES_HANDED.lastIndex = 0;
    while ((m = RE_DUES_HANDED.exec(f))) {
      const verb = m.index + (m[1]?.length ?? 0);
      if (RE_MEMBER_SUBJECT.test(f.slice(Math.max(clauseStart(f, m.index), f.lastIndexOf(",", m.index) + 1), verb))) continue;
      remitStart = m.index;
      remitEnd = m.index + m[0].length;
      break;
    }
  }
  if (remitStart < 0) {
    // "…, mai em lên xã nộp": to be remitted, not yet.
    const later = RE_LATER_REMIT.exec(f);
    // "mai nooj": "nộ", the "p" left off (not "nợ", owing).
    const verbAt = later?.[1] !== undefined ? later.index + later[0].lastIndexOf(later[1]) : -1;
    const verbOk = later !== null && (later[2] !== undefined || later[1] === "nop" || p.text.slice(verbAt, verbAt + 2).toLowerCase() === "nộ");
    if (later && verbOk && amounts.some((a) => a.end <= later.index)) {
      negated = true;
      remitStart = later.index;
      remitEnd = clauseEnd(f, later.index);
    }
  }
  // "…, 15 đ/c 180k": an amount right after the members who paid it is the sum collected, in any clause.
  // "(thu 200.000đ của 20 đ/c, …)": an amount the verb says was collected.
  const ofMembers = (a: Amount): boolean => RE_MEMBERS_JUST_BEFORE.test(f.slice(Math.max(0, a.start - 14), a.start)) || RE_COLLECTED_JUST_BEFORE.test(f.slice(Math.max(0, a.start - 16), a.start));
  let collected = amounts.filter((a) => remitStart < 0 || a.start < remitStart || a.start >= remitEnd || ofMembers(a));
  const remitted = remitStart >= 0 ? amounts.filter((a) => a.start >= remitStart && a.start < remitEnd && !ofMembers(a)) : [];
  // "tổng 420 ngàn. … 420k đã nộp ĐUX": the amount just before the verb is what went, when another was collected.
  if (remitStart >= 0 && remitted.length === 0) {
    const from = clauseStart(f, remitStart);
    const lead = amounts.find((a) => a.start >= from && a.end <= remitStart && RE_ONLY_WHO_BEFORE_VERB.test(f.slice(a.end, remitStart)));
    // "mỗi đv 10 nghìn, … đóng 45 nghìn, tổng cộng là 235 nghìn đã nộp ĐUX": more than any other sum is the total
    // collected (no more goes up than came in).
    if (lead && !ofMembers(lead) && collected.some((a) => a !== lead && a.vnd >= lead.vnd)) {
      remitted.push(lead);
      collected = collected.filter((a) => a !== lead);
    }
  }
  // "Cả năm 2026 chi bộ thu 3.240.000đ", "lũy kế từ đầu năm 2.880k": the year's total beside the month's is not the month's.
  if (collected.length > 1) {
    // Only the words since the clause or the amount before: "6 tháng đầu năm thu 1.440.000đ, tháng này 240.000đ".
    const lead = (a: Amount): string => f.slice(Math.max(clauseStart(f, a.start), ...amounts.filter((b) => b.end <= a.start).map((b) => b.end)), a.start);
    // "tổng 270.000đ (tháng 4 là 285.000đ)": another month's sum, told beside this one's, is not this month's either.
    const thisMonth = fields.period === undefined ? null : Number(fields.period.slice(5, 7));
    const otherMonth = (a: Amount): boolean => {
      const said = RE_OTHER_MONTH_LEAD.exec(lead(a));
      return said !== null && (said[1] === undefined || (thisMonth !== null && Number(said[1]) !== thisMonth));
    };
    const month = collected.filter((a) => !RE_YEAR_TOTAL.test(lead(a)) && !otherMonth(a));
    if (month.length > 0) collected = month;
  }
  if (collected.length > 0) fields.amount_vnd = groupLinesTotal(f, collected) ?? Math.max(...collected.map((a) => a.vnd));
  else if (remitted.length > 0 && remitted.length === amounts.length && negated) fields.amount_vnd = (remitted[0] as Amount).vnd;
  if (remitStart < 0) {
    // "Chi bộ chưa nộp tháng 01, sẽ nộp gộp cùng tháng 02": the cell has not sent it up, no office named.
    if (RE_CELL_NOT_REMITTED.test(f)) fields.remitted = false;
    return false;
  }
  if (negated) {
    fields.remitted = false;
    delete fields.remitted_to;
    return false;
  }
  fields.remitted = true;
  // "Bên giao nộp cho bên nhận đảng phí tháng 4 … – Số tiền nộp cấp trên: 1.400.000 đồng": the remitting verb said first,
  // what went up on a labelled line of its own.
  const labelled = remitted.length === 0 ? amounts.find((a) => a.vnd !== fields.amount_vnd && RE_REMIT_LABEL_BEFORE.test(f.slice(Math.max(0, a.start - 32), a.start))) : undefined;
  if (labelled) remitted.push(labelled);
  if (remitted.length > 0) fields.remitted_vnd = (remitted[0] as Amount).vnd;
  else if (fields.amount_vnd !== undefined) {
    // "nộp xã 50%": a share of the amount collected.
    const pct = /(?<![\d.,])(\d{1,3}(?:[.,]\d+)?)\s?%/.exec(f.slice(remitStart, remitEnd));
    const share = pct ? Number((pct[1] as string).replace(",", ".")) : NaN;
    if (share > 0 && share <= 100) fields.remitted_vnd = Math.round((fields.amount_vnd * share) / 100);
    // ("Ngày nộp lên ĐUX: 27/6 … Đã nộp lên Đảng ủy xã đủ số đã thu": the whole said in another remitting clause.)
    else if (RE_REMIT_WHOLE.test(f.slice(remitStart, remitEnd)) || clauses.some((c) => RE_REMIT_WHOLE.test(f.slice(c.index, clauseEnd(f, c.index))))) fields.remitted_vnd = fields.amount_vnd;
  }
  const dateLabel = /\b(?:ngay nop|thoi gian nop|thoi diem nop)\b/.exec(f);
  const from = dateLabel && dateLabel.index > remitStart ? dateLabel.index : remitStart;
  const after = findDates(p, from, f.length).find((d) => d.kind !== "tet" && !amounts.some((a) => d.start < a.end && d.end > a.start));
  // "Ngày 21/11 đã nộp 108.000đ": the date just before the verb, in the same clause.
  const before = after && after.start - from < 80 ? undefined : findDates(p, clauseStart(f, remitStart), remitStart).filter((d) => d.kind !== "tet" && remitStart - d.end < 24).pop();
  // "Số tiền trích nộp cấp trên 970.200 đồng; … Chi bộ đã nộp … về Văn phòng Đảng ủy phường ngày 22/5/2026": the day told in another remitting clause.
  const when = before ?? (after && after.start - from < 80 ? after : undefined) ?? dayOfOtherClause(p, clauses.filter((r) => r !== chosen), amounts) ?? handoverDay(p);
  if (when) {
    const day = resolveDate(when, p.now, "past");
    if (day !== null) {
      fields.remitted_date = formatDay(day);
      if (day > p.now.day) warnings.push(`date_in_future: ${fields.remitted_date}`);
    }
  }
  if (fields.remitted_vnd !== undefined && fields.amount_vnd !== undefined && fields.remitted_vnd > fields.amount_vnd) {
    warnings.push(`remitted_exceeds_collected: ${fields.remitted_vnd} > ${fields.amount_vnd}`);
  }
  return RE_REST_REMITTED.test(f.slice(Math.max(0, remitStart - 30), remitStart));
}

// "BIÊN BẢN GIAO NHẬN TIỀN ĐẢNG PHÍ … Hôm nay, ngày 07/7/2026, tại Văn phòng Đảng ủy xã": a record of the handing over,
// dated the day it was handed over.
const RE_HANDOVER_DAY = /\bbien ban giao nhan\b[^]{0,200}?\bhom nay,?\s+(?=ngay\s+\d)/;
function handoverDay(p: Prepared): DateMention | undefined {
  const m = p.f.includes("giao nhan") ? RE_HANDOVER_DAY.exec(p.f) : null;
  return m ? findDates(p, m.index + m[0].length, m.index + m[0].length + 24)[0] : undefined;
}

/** The day told in a remitting clause ("… đã nộp … về Văn phòng Đảng ủy phường ngày 22/5/2026") that is not still to come. */
function dayOfOtherClause(p: Prepared, clauses: readonly RegExpExecArray[], amounts: readonly Amount[]): DateMention | undefined {
  for (const r of clauses) {
    if (RE_REMIT_NEG.test(p.f.slice(Math.max(0, r.index - 24), r.index))) continue;
    const day = findDates(p, r.index, clauseEnd(p.f, r.index)).find((d) => d.kind !== "tet" && d.start - r.index < 80 && !amounts.some((a) => d.start < a.end && d.end > a.start));
    if (day) return day;
  }
  return undefined;
}
