/**
 * Year-end rating of members (QĐ 366-QĐ/TW, HD 43): "Kết quả xếp loại đv năm 2025: HTXS 3,
 * HTT 20, HT 3, KHT 0, ko xếp loại 1 (đ/c miễn sh). Cb tự xếp HTT".
 */
import { NUMBER_WORDS_SOURCE, numberFromWords, parseCount, WORD_END, WORD_START, yearFromWords } from "../text/number-words.js";
import { readYear } from "./period.js";
import { praisesOnly } from "./gate.js";
import { COMRADE, COUNT, COUNT_STARTS, MEMBER_NOUN, RE_NOT_FIVE } from "./patterns.js";
import type { Prepared } from "./prepare.js";
import type { AnnualRatingFields, ParseResult, RatingLevel } from "./types.js";

/** HD 21/2019 practice: HTXS at most 20% of those rated HTT; keep configurable. */
export const HTXS_QUOTA_OF_HTT = 0.2;

// "Hoàn thành tốt NV": nhiệm vụ shortened. "ht tốt", "k ht", "ko hoàn thành", "xs": the words shortened one by one; "httxs": a key pressed twice.
// "khht": a key pressed twice too.
// "HTXS nhiệm vụ: 5", "HTT NV 28": an abbreviation with "nhiệm vụ" after it, as a table's rows give it.
// (Every level opens with a word's character: the lookahead for one changes no match, but V8 then compiles the levels
// once where a pattern reaches them by several ways, not once for each way: the rating's patterns 147 KB less.)
const LEVEL = "(?=\\w)(htxsnv|httnv|htnv|khtnv|(?:htxs|ht+x+s+|htt|kh+t+|ht xuat sac|ht xs|ht tot|(?:khong|ko|kg|k) ht|ht|kht|xs)(?: nhiem vu| nv)?|hoan thanh xuat sac(?: nhiem vu| nv)?|hoan thanh tot(?: nhiem vu| nv)?|(?:khong|ko|kg|k) hoan thanh(?: nhiem vu| nv)?|hoan thanh(?: nhiem vu| nv)?|xuat sac|tot)";
// "hoàn thành tốt có 23 đồng chí": "có" between the level and its count, said in speech.
// ("HTXS - 2": a dash between the level and its count, a line each.)
// ("Hoàn thành xuất sắc nhiệm vụ (03 đ/c): Thào Seo Lử, …": the count in brackets after the label.)
const LABEL_FIRST = `${WORD_START}${LEVEL}[ \\t]*(?::|-(?=[ \\t]*\\d)|\\((?=[ \\t]*\\d{1,3}[ \\t]*(?:dv|dang vien|d\\/c|dc|dong chi)?[ \\t]*\\)))?[ \\t]*(?:thi[ \\t]+)?(?:la[ \\t]+)?(?:co[ \\t]+)?(${COUNT})${WORD_END}(?!\\s?%)(?![ \\t]+(?:${COUNT})${WORD_END})`;
const RE_LEVEL_LABEL_FIRST = new RegExp(LABEL_FIRST, "g");
// "có hai đồng chí hoàn thành xuất sắc mười tám đồng chí hoàn thành tốt": where counts come first, a count
// with a member noun and a level after it is that level's, not the one before.
const RE_LEVEL_LABEL_FIRST_STRICT = new RegExp(
  // "… không hoàn thành hai đồng chí tuổi cao miễn sinh hoạt": a few words about them before it.
  `${LABEL_FIRST}(?![ \\t]*(?:dv|dang vien|d\\/c|dc|dong chi)[ \\t]+(?:[a-z]+[ \\t]+){0,4}?(?:(?:duoc[ \\t]+)?xep loai[ \\t]+|dat[ \\t]+)?(?:${LEVEL}|mien|(?:ko|khong|k|chua|kg)[ \\t]+(?:duoc[ \\t]+)?(?:xep loai|danh gia|xl))${WORD_END})`,
  "g",
);
const RE_LEVEL_WORD = new RegExp(`${WORD_START}${LEVEL}${WORD_END}`, "g");
const RE_COUNT_BEFORE_LEVEL = new RegExp(`${COUNT_STARTS}(?<![\\p{L}\\d/])(?<!nam\\s)(?!(?:19|20)\\d\\d${WORD_END})(?:${COUNT})[ \\t]*(dv|dang vien|d\\/c|dc|dong chi)?[ \\t]*(?:xep loai[ \\t]*)?(?:khong[ \\t]+)?$`, "u");
const RE_LABEL_FIRST_AT = new RegExp(`^${LABEL_FIRST}`);
// "còn 1 đ/c là KHT": the level after "là" ("có 02 đồng chí đạt mức hoàn thành xuất sắc nhiệm vụ": "đạt mức").
// "4 HTXS/22 HTT/1 HT": a "/" after a word parts the levels; after a figure it makes a fraction ("40/42").
const RE_LEVEL_COUNT_FIRST = new RegExp(`${COUNT_STARTS}(?<!\\d)(?<!\\d\\s?\\/)(?<!nam\\s)(${COUNT})[ \\t]*(?:dv|dang vien|d\\/c|dc|dong chi|ong|ba|nguoi)?[ \\t]*(?:(?:la|dat|duoc)[ \\t]+(?:(?:muc|loai)[ \\t]+)?)?(?:xep loai[ \\t]*)?${LEVEL}${WORD_END}`, "g");
// "đánh giá" written short: "đg", "đgxl", "xl".
// ("không tiến hành đánh giá": the same words with the verb "carry out" before them.)
// ("miễn sh 5 người thì ko xếp": "xếp" alone.)
// ("1 dc du bi moi KN thang 9 chua xet": "xét" alone, as "xếp".)
// ("Không phân loại: 02": sorted into no level.)
// ("miễn kiểm điểm một": spared the review, so not rated.)
const RATE_VERB = "(?:(?:tien hanh |thuc hien )?(?:danh gia,?\\s*xep loai|xep loai|danh gia|kiem diem)|phan loai|dgxl|dgia|dg|xl|xe[pt](?=[ .,;]|$))";
// "2 đồng chí miễn đánh giá do tuổi cao": exempt, so not rated. "Hai đồng chí tuổi cao, miễn sinh hoạt, không
// đánh giá.": a sentence that opens with the count and ends with it not rated.
// "hổng đánh giá": the southern "không".
// "(Chưa xếp: 2 đ/c mới kết nạp)": "xếp" alone before a colon and the count.
// "Không xếp loại (miễn sinh hoạt, dự bị chưa đủ thời gian): 5 đ/c": why, in brackets before the colon.
const RE_UNRATED_LABEL = new RegExp(`${WORD_START}(?:(?:ko|khong|k|chua|kg|hong|hok)\\s+(?:duoc\\s+)?|mien\\s+)(?:${RATE_VERB}|xep(?=\\s*:))[ \\t]*(?:\\([^()\\n]{0,60}\\)[ \\t]*)?(?::|-(?=[ \\t]*\\d))?[ \\t]*(${COUNT})${WORD_END}(?!\\s?[/.]\\d)`);
// "xs 2, tot 17, ht 5, kht 0, mien 1", "…, 2 dc mien.": the exempt as one more item of the list.
const RE_UNRATED_BARE = new RegExp(`(?:^|[,;/:.\\n]\\s*)(?:mien\\s*:?\\s*(${COUNT})|(?:con\\s+)?(${COUNT})\\s*(?:${MEMBER_NOUN}\\s*)?(?:duoc\\s+)?mien)(?=\\s*(?:[,.;/\\n]|$))`);
// "86 tuổi", "tháng 11", "từ 15/3/2019", "sinh năm 1938": an age, a date or a year is no count of members.
// "sinh năm 1935": "năm" before a year is no five.
const NOT_AGE_OR_DATE = "(?<![\\p{L}\\d/.-])(?<!(?:thang|ngay|nam|lop|tuoi)\\s)(?!(?:19|20)\\d\\d(?!\\d))(?!nam\\s+\\d)";
// "Hai đồng chí mới kết nạp tháng 10 chưa xếp loại", "… kết nạp ngày 2/9/2026 …": a date between the count and the words.
const DATE_IN = `(?<=(?:thang|ngay|nam|ket nap|kn)[ \\t])\\d{1,4}(?:\\/\\d{1,4}){0,2}${WORD_END}`;
// "1 dc 85 tuoi mien dg", "Hai đồng chí … chưa đủ 6 tháng, hổng xếp loại": an age or a time between the count and the words
// (", 2 dc moi ket nap chua du 6 thang chua xep loai": the time after a comma too).
// ("Không thực hiện đánh giá, xếp loại đối với 05 đồng chí": whom it is not done for, after the verb.)
const RE_UNRATED = new RegExp(`${WORD_START}(?:(?:ko|khong|k|chua|kg|hong|hok)\\s+(?:duoc\\s+)?|mien\\s+)${RATE_VERB}[ \\t]*(?:(?:doi voi|cho)[ \\t]+)?:?[ \\t]*(${COUNT})${WORD_END}|${NOT_AGE_OR_DATE}(${COUNT})(?![\\p{L}\\d])(?!\\s*(?:tuoi|thang|ngay|tuan)${WORD_END})[ \\t]*(?:${MEMBER_NOUN})?(?:[^,.;:\\n\\d]|\\d{2,3}[ \\t]?tuoi${WORD_END}|\\d{1,2}[ \\t]?thang${WORD_END}|${DATE_IN}){0,40}?[ \\t](?:(?:ko|khong|k|chua|kg|hong|hok)\\s+(?:duoc\\s+)?|mien\\s+)${RATE_VERB}${WORD_END}|(?:^|[.;\\n]\\s*)(${COUNT})[ \\t]*(?:${MEMBER_NOUN})(?:[^.;:\\n\\d]|\\d{1,3}[ \\t]?(?:tuoi|thang|nam)${WORD_END}|${DATE_IN}){0,50}?[ \\t](?:(?:ko|khong|k|chua|kg|hong|hok)\\s+(?:duoc\\s+)?|mien\\s+)${RATE_VERB}${WORD_END}` +
    // "còn ba đồng chí mới kết nạp tháng mười chưa đủ thời gian nên không đánh giá": members newly admitted, the
    // reason said at length before the words, in speech with no stop before the count.
    `|${NOT_AGE_OR_DATE}(${COUNT})[ \\t]*(?:${MEMBER_NOUN})[ \\t]+moi ket nap(?:[^,.;:\\n\\d]|${DATE_IN}){0,60}?[ \\t](?:(?:ko|khong|k|chua|kg|hong|hok)\\s+(?:duoc\\s+)?|mien\\s+)${RATE_VERB}${WORD_END}`, "u");
// ("17/17 đồng chí tham gia kiểm điểm và được xếp loại": the review and the rating said together.)
const RE_RATED_OF = new RegExp(`${WORD_START}(?:duoc\\s+)?${RATE_VERB}\\s*:?\\s*(\\d+)\\s*\\/\\s*(\\d+)${WORD_END}(?!\\s*\\/)|(?<![\\d/])(\\d+)\\s*\\/\\s*(\\d+)\\s*(?:${MEMBER_NOUN}\\s+)?(?:(?:deu\\s+)?tham gia kiem diem(?:\\s+va|,)?\\s+)?(?:duoc\\s+)?${RATE_VERB}${WORD_END}`);
// "khong ai KHT": "không ai" with no "có"; "nỏ có KHT": the Centre's "không". "còn hoàn thành thì không có ai": "thì" between the level and its none.
const RE_LEVEL_NONE = new RegExp(`${WORD_START}(?:ko|khong|kg)\\s+(kht|htxs|xs)${WORD_END}(?!\\s*:?\\s*\\d)|${WORD_START}(?:ko|khong|k|kg|hong|hok|no(?=\\s+co\\s))\\s+(?:co\\s+|(?=ai\\s))(?:dv\\s+|dang vien\\s+|ai\\s+|d\\/c\\s+|dc\\s+|dong chi\\s+)?(?:nao\\s+)?(?:bi\\s+)?(?:xep loai\\s+)?${LEVEL}|${WORD_START}${LEVEL}\\s*:?\\s*(?:thi\\s+)?(?:ko|khong|k|kg)\\s*(?:co)?\\b`, "g");
const RE_LEVEL_MORE = new RegExp(`^\\s*(?:,|va|hoac|hay|\\/)\\s*${LEVEL}${WORD_END}(?!\\s*:?\\s*\\d)`);
// "Tập thể chi bộ tự đánh giá HTT", "tập thể tự xếp HTXS", "… tap the HTT": the collective is the cell.
const CELL = "(?:cb|chi bo|tap the(?! chi uy))";
const RE_SELF = new RegExp(
  // ("Chi bộ đề nghị: HTXS 02 đ/c, HTT 11 đ/c": the members' levels the cell proposes, each with its count, no level of its own.)
  // "Chi bộ tự đánh giá, xếp loại chất lượng năm 2026: Hoàn thành tốt nhiệm vụ": the quality and the year before the level.
  // ("Chi bộ (tự xếp loại) | HTT | HTXS": a table's row, the words in brackets.)
  `${WORD_START}${CELL}\\s*\\(?(?:dang\\s+)?(?:tu\\s*)?(?:xep|xl|danh gia|dgxl|dgia|dg|de nghi|tu xep|tu danh gia)\\s*(?:loai|xep loai)?\\)?\\s*(?:,\\s*xep loai\\s*)?(?:chat luong\\s*)?(?:nam\\s+(?:\\d{4}|nay)\\s*)?(?:dat\\s*)?(?:muc\\s*)?:?\\s*${LEVEL}${WORD_END}(?!(?:\\s+nhiem vu|\\s+nv)?\\s*:?\\s*(?:\\d|khong${WORD_END}|ko${WORD_END}))|${WORD_START}${CELL}\\s+(?:tu\\s+)?(?:de nghi|tu xep|tu danh gia)${WORD_END}[^.;\\n\\d]{0,40}?${WORD_START}(?:xep loai|danh gia)\\s+(?:chi bo|cb)\\s*(?:nam\\s+(?:\\d{4}|nay)\\s*)?(?:dat\\s*)?:?\\s*${LEVEL}${WORD_END}(?!\\s*:?\\s*\\d)`,
);
// "Chi bộ đạt: HTT", "chi bộ được xếp loại HTT" — a level with no count after it.
const RE_YEAR_BEFORE = /\bnam\s?(\d{4})\s*,?\s*$/;
// "ấp Phú Hữu tự xếp loại chi bộ năm 2026 là HTXS": the place first, then the cell rated by itself.
const RE_SELF_OF_CELL = new RegExp(`${WORD_START}tu\\s+(?:xep loai|danh gia|xl|dg)\\s+(?:chi bo|cb)(?:\\s+nam\\s+(?:\\d{4}|nay))?\\s*:?\\s*(?:la\\s+|(?:chi\\s+)?dat\\s+|muc\\s+)?${LEVEL}${WORD_END}(?!\\s*:?\\s*\\d)`);
// ("tự xếp loại chi bộ năm 2026 là HTXS", "tự đánh giá năm 2026 chỉ đạt HT": the cell and the year between.)
const RE_SELF_AGAIN = new RegExp(`${WORD_START}tu\\s+(?:xep|danh gia|xl|dg|nhan)(?:\\s+loai)?(?:\\s+(?:chi bo|cb))?(?:\\s+nam\\s+\\d{4})?\\s*:?\\s*(?:la\\s+|muc\\s+|(?:chi\\s+)?dat\\s+)?${LEVEL}${WORD_END}`);
const RE_MEMBER_BEFORE = /(?:\b(?:dv|dang vien|dong chi|d\/c|dc|nguoi)|\d)\s+$/;
const RE_COUNT_AFTER_LEVEL = /^\s*:?\s*(?:\d|(?:mot|hai|ba|bon|nam|sau|bay|tam|chin|muoi)\s+(?:dv|dang vien|dong chi|d\/c|dc|nguoi)\b)/;
const RE_SELF_WORDS = /\btu\s+(?:xep|danh gia|xl|dg|nhan)(?:\s+loai)?\s*:?\s*(?:la\s+|muc\s+|(?:chi\s+)?dat\s+)?/g;
const RE_SELF_REACHED = new RegExp(`${WORD_START}${CELL}\\s+(?:dat|duoc xep loai|tu nhan|xep loai)\\s*:?\\s*(?:muc\\s+)?${LEVEL}${WORD_END}(?!\\s*:?\\s*\\d)`);
// "Đối với chi bộ: tự đánh giá, xếp loại Hoàn thành tốt nhiệm vụ", "chi bộ tự đánh giá và đề nghị được xếp loại HTXS",
// "chi bộ tự đánh giá ở mức hoàn thành tốt", "Đối với chi bộ: hội nghị thống nhất tự đánh giá, xếp loại mức …": the cell,
// then rating words only, then a level with no count.
const RE_SELF_CLAUSE = new RegExp(
  `${WORD_START}${CELL}${WORD_END}[ \\t]*:?[ \\t]*(?:(?:tu|da|duoc|de nghi|cong nhan|xep|loai|${RATE_VERB.slice(3, -1)}|dat|muc|nhan|la|va|o|hoi nghi|thong nhat|nhat tri)${WORD_END}[ \\t]*[,:]?[ \\t]*){1,10}(?!tot${WORD_END}|xuat sac${WORD_END})${LEVEL}${WORD_END}(?!\\s*:?\\s*\\d)`,
);
// "Chi bộ: HTT", "Tự xếp loại chi bộ: hoàn thành tốt", "CB buôn Dhă Prông tự đánh giá HTXS" (or "tự xếp", "tự nhận"), "…; chi bộ hoàn thành
// xuất sắc nhiệm vụ.": the cell and a level with no count after it.
const NO_COUNT_AFTER = `(?!\\s*:?\\s*(?:\\d|(?:${COUNT})\\s+(?:${MEMBER_NOUN})${WORD_END}))`;
const RE_SELF_MORE = new RegExp(
  `${WORD_START}${CELL}\\s*:\\s*${LEVEL}${WORD_END}${NO_COUNT_AFTER}` +
    `|${WORD_START}tu\\s+${RATE_VERB}\\s+(?:cua\\s+)?${CELL}\\s*:?\\s*(?:dat\\s+)?${LEVEL}${WORD_END}${NO_COUNT_AFTER}` +
    // "Chi bộ … tự đánh giá năm 2026 đạt HTXS": the year between the words and the level.
    // "Chi bộ năm nay tự nhận mức hoàn thành tốt nhiệm vụ": "mức" (level) before it.
    // "Chi bộ tự xếp loại năm 2026: HTT", "chi bộ tự chấm hoàn thành tốt nhiệm vụ": the year and a colon, or "chấm".
    `|${WORD_START}${CELL}${WORD_END}[^.;:\\n]{0,40}?${WORD_START}tu\\s+(?:${RATE_VERB}|xep|nhan|cham)\\s*:?\\s*(?:nam\\s+(?:\\d{4}|nay)\\s*:?\\s*)?(?:(?:chi\\s+)?dat\\s+)?(?:(?:o\\s+)?muc\\s+)?${LEVEL}${WORD_END}${NO_COUNT_AFTER}` +
    `|(?:^|[.;,\\n]\\s*)${CELL}\\s+(?!tot${WORD_END}|xuat sac${WORD_END}|xs${WORD_END})${LEVEL}${WORD_END}${NO_COUNT_AFTER}` +
    // "…, 0 kht, tự đánh giá HT": a clause of the cell rating itself, its subject left out.
    // "V. TỰ NHẬN MỨC XẾP LOẠI CHẤT LƯỢNG\n☒ Hoàn thành xuất sắc nhiệm vụ": a form's heading, the box ticked under it.
    `|(?:^|[.;,\\n]\\s*)(?:[ivx]{1,4}[.)]\\s*)?tu\\s+(?:${RATE_VERB}|xep|nhan)\\s*:?\\s*(?:dat\\s+)?(?:muc\\s+)?(?:xep loai\\s+)?(?:chat luong\\s*)?:?\\s*${LEVEL}${WORD_END}${NO_COUNT_AFTER}` +
    // "… kht 0 cb htt": the cell and its level closing the message or its sentence.
    `|${WORD_START}${CELL}\\s+(?!tot${WORD_END}|xuat sac${WORD_END}|xs${WORD_END})${LEVEL}(?=\\s*(?:a|nha|nhe|nghen|nhen)?\\s*(?:[.!;\\n]|$))`,
);
// "Chi bộ tự chấm 86 điểm, đề nghị xếp loại HTT", "Chi bộ tự chấm 92 điểm, xếp HTXS": the cell's score, then the level
// it asks for.
const RE_SELF_SCORED = new RegExp(`${WORD_START}${CELL}\\s+(?:tu\\s+)?cham${WORD_END}[^.;\\n]{0,30}?${WORD_START}(?:de nghi\\s+(?:duoc\\s+)?)?(?:xep loai|xep|xl|dat)\\s*:?\\s*(?:muc\\s+)?${LEVEL}${WORD_END}${NO_COUNT_AFTER}`);
// "đề nghị Đảng ủy xã xếp loại chi bộ "Hoàn thành xuất sắc nhiệm vụ"", "Chi bộ đề nghị cấp ủy cấp trên công nhận Chi bộ
// "HTXS" năm 2026": the level the cell asks the committee above to give it.
const RE_SELF_PROPOSED = new RegExp(`${WORD_START}de nghi\\s+(?:[^.;\\n"]{0,40}?\\s)?(?:xep loai|cong nhan)\\s+(?:cho\\s+)?(?:chi bo|cb)${WORD_END}[^.;\\n"]{0,40}?(?:\\s(?:dat|o muc|muc|la))?\\s*:?\\s*"?${LEVEL}${WORD_END}(?!\\s*:?\\s*\\d)`);
// "85 tuổi" is an age; "tháng 9" a month; "1935" a year.
// ("… chưa đủ 6 tháng chưa xếp loại": a time is no count either.)
const RE_COUNT_G = new RegExp(`${COUNT_STARTS}(?<![\\p{L}\\d])(?<!(?:thang|ngay)[ \\t])(?!(?:19|20)\\d\\d(?!\\d)|nam\\s+\\d)(${COUNT})(?![\\p{L}\\d])(?![ \\t]?(?:tuoi|thang)${WORD_END})`, "gu");
const RE_TOTAL_BEFORE = /\b(?:tong so|tong cong|tong|trong tong so)\s*:?\s*$/;
// "số được xếp loại: 23", "được đánh giá 45 (3 đ/c miễn)"; "Tổng số đảng viên: 25", "tổng 48 đv".
// ("22 đv, đánh giá 21 (…)": "được" left out, right after the members' count.)
const RE_RATED_COUNT = /\b(?:so\s+)?(?:dv\s+|dang vien\s+)?duoc (?:xep loai|danh gia)\s*:?\s*(\d{1,3})\b(?!\s*\/)|(?<=\b(?:dv|dang vien|d\/c|dc|dong chi)\s*[,;]\s*)(?:danh gia|xep loai)\s*:?\s*(\d{1,3})\b(?!\s*\/)(?!\s*(?:dv|dang vien|d\/c|dc|dong chi)?\s*(?:htxs|htt|ht|kht|hoan thanh|xuat sac|tot)\b)/;
const RE_MEMBERS_TOTAL = /\btong(?: so)?(?:\s+(?:dv|dang vien))?(?:\s+(?:cua\s+)?(?:chi bo|cb))?\s*:?\s*(\d{1,3})\b(?!\s*\/)/;
// "hoàn thành xuất sắc 2 hoàn thành tốt …": the count after the level, no member noun after it ("… mười tám đồng chí hoàn thành tốt"
// counts the next level).
const RE_LABEL_FIRST_BARE_AT = new RegExp(`^${LABEL_FIRST}(?![ \\t]*(?:dv|dang vien|d\\/c|dc|dong chi)${WORD_END})`);
const RE_CELL_HAS_BEFORE = /\b(?:chi bo|cb)\s+(?:co\s+)?(?:tat ca\s+|tong cong\s+)?$|\btat ca\s+$/;
const RE_NONE_BEFORE = /\b(?:khong|ko|kg|k|hong|hok)\s+co\s+(?:ai|(?:dv|dang vien|d\/c|dc|dong chi)\s+nao)\s+$/;
// "tổng cộng 28 đồng chí", "chi bộ có 31 đảng viên": all the cell's members.
// ("Dạ chi bộ thôn Đồng Tâm: 33 đ/c, trong đó HTXS 4, …": the cell named, then its members, then "trong đó" the levels.)
const RE_ALL_MEMBERS = new RegExp(
  `${WORD_START}(?:tong so|tong cong|(?:chi bo|cb)\\s+(?:co|gom))\\s*(?:dv\\s+|dang vien\\s+)?:?\\s*(${COUNT})[ \\t]*(?:${MEMBER_NOUN})${WORD_END}|${WORD_START}(?:chi bo|cb)\\s[^:\\n\\d]{1,30}:\\s*(${COUNT})[ \\t]*(?:${MEMBER_NOUN})\\s*,?\\s*trong do${WORD_END}`,
);
// "Thôn Agrồng năm 2025: 22 đv, đánh giá 21 …", "thon Hai Thanh: 19 dv, htxs 1, …": the members, the first thing after a
// heading's colon (not a level's: "Hoàn thành tốt nhiệm vụ: 13 đồng chí;").
const RE_MEMBERS_AFTER_HEAD = new RegExp(`(?<=(?:^|\\n)([^:\\n]{3,80}):)[ \\t]*(\\d{1,3})[ \\t]*(?:${MEMBER_NOUN})[ \\t]*[,;]`);
/** The count of the cell's members as written, or null. */
function allMembers(f: string): string | null {
  const all = RE_ALL_MEMBERS.exec(f);
  if (all) return (all[1] ?? all[2]) as string;
  const head = f.includes(":") ? RE_MEMBERS_AFTER_HEAD.exec(f) : null;
  if (!head) return null;
  RE_LEVEL_WORD.lastIndex = 0;
  return RE_LEVEL_WORD.test(head[1] as string) ? null : (head[2] as string);
}
const RE_RATING = /\b(?:xep loai|danh gia|htxs|htt|kht)\b/;

// "Hoàn thành xuất sắc: Chau Sóc Ny, Néang Sà Phia (02)", "…, Hoan thanh: d/c A, d/c B (dau om), Khong hoan thanh: 0",
// "Không xếp loại: H'Blưm Êban (mới kết nạp 11/2026)": a level's label (or the words for not rated) that names its
// members, at a line's start or after a comma, the count in brackets after them or none.
const NOT_RATED_LABEL = `(?:(?:ko|khong|k|chua|kg)\\s+(?:duoc\\s+)?|mien\\s+)${RATE_VERB}`;
// "Xếp loại năm 2026 chi bộ bản X: Hoàn thành xuất sắc: đ/c A, …": or first after the heading's colon.
// "…; Không hoàn thành: 0. Không xếp loại: H'Blưm Êban": or a new sentence.
const RE_LEVEL_NAMED = new RegExp(`(?:^|\\n|[,;:.])[ \\t]*(?:[-+*•][ \\t]*)?(${LEVEL}|${NOT_RATED_LABEL})[ \\t]*:[ \\t]*`, "g");
// The next label of the list, after a comma: the names stop there.
const RE_NEXT_LABEL = new RegExp(`^[,;][ \\t]*(?:[-+*•][ \\t]*)?(?:${LEVEL}|${NOT_RATED_LABEL})[ \\t]*:`);
const RE_BRACKET_COUNT = new RegExp(`^\\([ \\t]*(${COUNT})[ \\t]*(?:${MEMBER_NOUN})?[ \\t]*\\)$`);
const RE_NAME_PART = new RegExp(`^(?:${COMRADE}\\s+)?\\S+(?:\\s+\\S+){0,4}$`);
const RE_COMRADE_LEAD = new RegExp(`^${COMRADE}\\s`);
const RE_LEVEL_WHOLE = new RegExp(`^${LEVEL}$`);
// "Hai đồng chí": a count said in words before its noun, no name ("Sáu Hiền" is one).
const RE_COUNTED_WORD = new RegExp(`^(?:mot|hai|ba|bon|tu|nam|sau|bay|tam|chin|muoi)\\s+(?:${MEMBER_NOUN})${WORD_END}`);

/**
 * The names a label lists from `from`, up to the line's end, a full stop or the next label: the count in brackets
 * after them, else as many as the names; null when a part is no name ("15 đ/c", "không").
 */
function namedCount(p: Prepared, from: number): number | null {
  const f = p.f;
  let end = f.indexOf("\n", from);
  if (end < 0) end = f.length;
  // Remarks in brackets are no names: blanked, the last one kept when it is the count.
  let body = "";
  let depth = 0;
  let bracketFrom = -1;
  let count: string | null = null;
  for (let i = from; i < end; i++) {
    const c = f[i] as string;
    if (c === "(") {
      if (depth === 0) bracketFrom = i;
      depth++;
    } else if (c === ")" && depth > 0) {
      depth--;
      if (depth === 0) {
        const bc = RE_BRACKET_COUNT.exec(f.slice(bracketFrom, i + 1));
        count = bc && /^[\s.;]*$/.test(f.slice(i + 1, end)) ? (bc[1] as string) : null;
        body += " ".repeat(i + 1 - bracketFrom);
        continue;
      }
    }
    if (depth > 0) continue;
    if ((c === "," || c === ";") && RE_NEXT_LABEL.test(f.slice(i, i + 40))) break;
    if (c === "." && !/\d/.test(f[i + 1] ?? "")) break;
    body += c;
  }
  if (depth > 0) return null;
  let at = from;
  const names: string[] = [];
  for (const raw of body.split(/,|;|\bva\b/)) {
    const partAt = at + (raw.length - raw.trimStart().length);
    at += raw.length + 1;
    const part = raw.trim();
    if (part === "") continue;
    const first = p.text[partAt] ?? "";
    // Each part a name: "đ/c …" or capitalised in the message ("Không", "chưa có" are no names).
    if (!RE_NAME_PART.test(part) || /\d/.test(part) || /^(?:khong|ko|chua|kg|k)\b/.test(part) || RE_COUNTED_WORD.test(part)) return null;
    if (!RE_COMRADE_LEAD.test(part) && first === first.toLowerCase()) return null;
    names.push(part);
  }
  if (names.length === 0) return null;
  return count !== null ? parseCount(count) : names.length;
}

/** Levels still without a count whose label names the members; returns how many the not-rated label names, or null. */
function readNamedLevels(p: Prepared, fields: AnnualRatingFields, key: Record<RatingLevel, "htxs" | "htt" | "ht" | "kht">): number | null {
  let unrated: number | null = null;
  RE_LEVEL_NAMED.lastIndex = 0;
  for (let m = RE_LEVEL_NAMED.exec(p.f); m; m = RE_LEVEL_NAMED.exec(p.f)) {
    const label = m[1] as string;
    const notRated = !RE_LEVEL_WHOLE.test(label);
    const k = notRated ? null : key[levelOf(label)];
    if (k !== null && fields[k] !== undefined) continue;
    if (notRated && unrated !== null) continue;
    const n = namedCount(p, m.index + m[0].length);
    if (n === null) continue;
    if (k === null) unrated = n;
    else fields[k] = n;
  }
  return unrated;
}

// "(XS-T-HT-KHT): 5-34-2-0", "HTXS/HTT/HT/KHT = 3/20/2/0": the levels named in order, then their counts in the same order.
const ORDER_LEVEL = "(?:htxs|xs|htt|ht|kht|t)";
const RE_ORDERED_RUN = new RegExp(`${WORD_START}(${ORDER_LEVEL}(?:[ \\t]*[-/][ \\t]*${ORDER_LEVEL}){2,3})${WORD_END}\\)?[ \\t]*[:=]?[ \\t]*(\\d{1,3}(?:[ \\t]*[-/][ \\t]*\\d{1,3}){2,3})${WORD_END}(?![ \\t]*[-/.][ \\t]*\\d)`);
const ORDER_OF: Record<string, RatingLevel> = { htxs: "HTXS", xs: "HTXS", htt: "HTT", t: "HTT", ht: "HT", kht: "KHT" };

/** Counts of levels named in order before them ("(XS-T-HT-KHT): 5-34-2-0"), for the levels still without one. */
function readOrderedRun(f: string, fields: AnnualRatingFields, key: Record<RatingLevel, "htxs" | "htt" | "ht" | "kht">): void {
  const m = RE_ORDERED_RUN.exec(f);
  if (!m) return;
  const levels = (m[1] as string).split(/\s*[-/]\s*/).map((w) => ORDER_OF[w] as RatingLevel);
  const counts = (m[2] as string).split(/\s*[-/]\s*/).map(Number);
  if (levels.length !== counts.length || new Set(levels).size !== levels.length) return;
  levels.forEach((level, i) => {
    const k = key[level];
    if (fields[k] === undefined) fields[k] = counts[i] as number;
  });
}

// A sentence with the stop before it, so that "(?:^|[.;\n])" still finds where it opens.
const RE_SENTENCE = /(?:^|[.;!?\n])[^.;!?\n]+/g;
// "Hai đồng chí này …", "các đ/c trên": the members counted before, named again.
const RE_NOTE_LEAD = /^\s*(?:ghi chu|chu thich|luu y)\s*:/;
const RE_SAME_AGAIN = /\b(?:nay|tren|ke tren|noi tren|ay|do)\b/;
const RE_NOT_RATED_WORDS = new RegExp(`${WORD_START}(?:(?:ko|khong|k|chua|kg|hong|hok)\\s+(?:duoc\\s+)?|mien\\s+)(?:${RATE_VERB}${WORD_END}|xep(?=\\s*:))`);
// "3 đồng chí hoàn thành …", "1 đồng chí mới kết nạp": no name after the word.
const RE_COMRADE_NAMED_G = new RegExp(`${COMRADE}\\s+(?!(?:nao|con lai|kia|do|ay|nay|tren|hoan thanh|ht|htt|htxs|kht|moi|duoc|chua|khong|ko|bi|xep loai)${WORD_END})\\p{L}`, "gu");
const RE_ELDER_NAMED_G = new RegExp(`${WORD_START}(?:ong|ba|bac|cu|chu)\\s+\\p{L}`, "gu");

/**
 * Members not rated, added up over the sentences that each name some ("Hai đồng chí tuổi cao, không đánh giá. Một
 * đồng chí mới kết nạp chưa đánh giá."); a sentence naming them without a count counts its comrades ("Đ/c Điểu Brê
 * 82 tuổi và đ/c Thị Lưu …, không đánh giá").
 */
const RE_COUNT_NOT_RATED = /(?:^|[\s+*-])(\d{1,3})\s*(?:d\/c|dc|dong chi|dv|dang vien)?\s*(?:khong|ko|chua|k)\s+(?:duoc\s+)?(?:xep loai|danh gia)\b/;
function readUnrated(p: Prepared): number | null {
  let total: number | null = null;
  for (const s of p.f.matchAll(RE_SENTENCE)) {
    const sentence = s[0];
    if (!RE_NOT_RATED_WORDS.test(sentence)) continue;
    if (total !== null && RE_SAME_AGAIN.test(sentence)) continue;
    // "Không xếp loại: 03 … - 03 đ/c không xếp loại: 02 đ/c miễn sinh hoạt, 01 đ/c …": the same members counted again, then why.
    const again: RegExpExecArray | null = total !== null ? RE_COUNT_NOT_RATED.exec(sentence) : null;
    if (again && Number(again[1]) === total) continue;
    let u = RE_UNRATED_LABEL.exec(sentence) ?? RE_UNRATED.exec(sentence);
    // "Đ/c Nguyễn Văn Mười 87 tuổi … không đánh giá": a capitalised number word after a capitalised word is a name.
    // "… ốm nằm viện … chưa xếp loại": "nằm" (lies) is no five.
    if (u && u[1] === undefined) {
      const at = (s.index ?? 0) + u.index + u[0].indexOf((u[2] ?? u[3] ?? u[4]) as string);
      if (inName(p, at) || (u[2] === "nam" && RE_NOT_FIVE.test(p.text.slice(at, at + 3)))) u = null;
    }
    let n: number | null = null;
    if (u) {
      let countText = (u[1] ?? u[2] ?? u[3] ?? u[4]) as string;
      if (u[2] !== undefined) {
        // "một đồng chí không hoàn thành nhiệm vụ hai đồng chí miễn đánh giá": the count nearest the words.
        // "… và đ/c Đinh Thị Tám 88 tuổi miễn đánh giá": a number word in a name is none.
        const tailAt = (s.index ?? 0) + u.index + countText.length;
        for (const c of u[0].slice(countText.length).matchAll(RE_COUNT_G)) {
          // "… ốm nằm viện …": "nằm" (lies) folds to "nam", no five.
          const cAt = tailAt + (c.index as number);
          if (c[1] === "nam" && RE_NOT_FIVE.test(p.text.slice(cAt, cAt + 3))) continue;
          if (parseCount(c[1] as string) !== null && !inName(p, cAt)) countText = c[1] as string;
        }
      }
      n = parseCount(countText);
    }
    // "… đi làm ăn ở Thái Lan chưa xếp loại": "làm" is no count; the comrades named are.
    if (n === null) {
      // "… mười ba đồng chí hoàn thành …, còn một đồng chí Lò Văn Sinh …": a name is capitalised where the message has capitals.
      const capitals = RE_UPPER.test(p.text);
      const nameAt = (c: RegExpMatchArray): string => p.text.slice((s.index ?? 0) + (c.index as number) + c[0].length - 1);
      const named = [...sentence.matchAll(RE_COMRADE_NAMED_G)].filter((c) => !capitals || RE_UPPER_AT.test(nameAt(c))).length ||
        // "còn ông Tám Lực 87 tuổi miễn, ko xếp": an elder named by "ông", "bà", "cụ", "chú" ("Chú Chín Nhỏ miễn sinh hoạt nên không đánh giá"), the name capitalised.
        [...sentence.matchAll(RE_ELDER_NAMED_G)].filter((c) => RE_UPPER_AT.test(nameAt(c))).length;
      if (named > 0) n = named;
      // "Không có đảng viên không xếp loại.": none left unrated.
      else if (RE_NONE_UNRATED.test(sentence)) n = 0;
    }
    // "Không đánh giá: 2 … Ghi chú: 02 đ/c không đánh giá là đảng viên miễn sinh hoạt": a note on the same members.
    if (n !== null && n === total && RE_NOTE_LEAD.test(sentence)) continue;
    if (n !== null) total = (total ?? 0) + n;
  }
  if (total === null && p.f.includes("mien")) {
    const bare = RE_UNRATED_BARE.exec(p.f);
    if (bare) total = parseCount((bare[1] ?? bare[2]) as string);
  }
  // "tất cả đảng viên đều được xếp loại": none left out.
  if (total === null && RE_ALL_RATED.test(p.f)) total = 0;
  return total;
}

// ("Chi bộ có hai mươi đảng viên, tất cả đều được đánh giá, xếp loại": the members said before.)
const RE_ALL_RATED = /\b(?:tat ca|toan bo|100%)(?:\s+(?:cac|so))?(?:\s+(?:dang vien|dv|dong chi))?\s+(?:deu\s+)?(?:da\s+)?(?:duoc|tham gia)\s+(?:danh gia,?\s+)?(?:xep loai|danh gia)\b/;
const RE_NONE_UNRATED = /\b(?:khong|ko|k)\s+co\s+(?:dang vien|dv|dong chi|d\/c|dc|ai)\s+(?:nao\s+)?(?:bi\s+)?(?:khong|ko|chua)\s+(?:duoc\s+)?(?:xep loai|danh gia)\b/;
const RE_UPPER = /\p{Lu}/u;
const RE_UPPER_AT = /^\p{Lu}/u;

/** Whether the word at `at` is capitalised after a capitalised word, a part of a name. */
function inName(p: Prepared, at: number): boolean {
  if (!/^\p{Lu}/u.test(p.text.slice(at, at + 1))) return false;
  const before = /(\p{L}+)\s+$/u.exec(p.text.slice(Math.max(0, at - 24), at));
  return before !== null && /^\p{Lu}/u.test(before[1] as string);
}

function levelOf(said: string): RatingLevel {
  const word = said.endsWith(" nhiem vu") ? said.slice(0, -9) : said.endsWith(" nv") ? said.slice(0, -3) : said;
  if (/^(?:ht+x+s+(?:nv)?|hoan thanh xuat sac|xuat sac|ht xuat sac|ht xs|xs)/.test(word)) return "HTXS";
  if (word === "htt" || word === "httnv" || word.startsWith("hoan thanh tot") || word === "tot" || word === "ht tot") return "HTT";
  if (/^kh+t+(?:nv)?$/.test(word) || /^(?:khong|ko|kg|k) (?:ht$|hoan thanh)/.test(word)) return "KHT";
  return "HT";
}

// "HT 4. À nhầm HT 3", "HTXS 2, HTT 11. À không, HTXS 1 thôi", "Chi bộ tự xếp HTXS, à nhầm, HTT": what follows replaces what came before.
// "à em ghi lộn, HT 2", "À xin lỗi, HTXS chỉ 3 thôi": the South's "lộn" and an apology, then the figures meant.
const RE_CORRECTION = new RegExp(`(?:^|[\\s,.;:!(])(?:a nham|nham|sua lai|xin sua|go sai|danh sai|dinh chinh|(?:a\\s+)?(?:em\\s+)?(?:ghi|go|bao|danh)\\s+lon|a\\s*,?\\s+xin loi|(?:a|o|ay|ui)\\s*,?\\s+(?:khong|ko|k)(?:\\s+phai)?)${WORD_END}\\s*[:,]?`);
const RE_CORRECTION_HINT = /nham|sua|sai|dinh chinh| lon\b|xin loi|(?:^|[ ,])(?:a|o|ay|ui),? (?:khong|ko|k)\b/;
// "… tự xếp HTXS, à nhầm, HTT vì …": the level alone right after the correction is the cell's own.
// "… à không em nói lại là hoàn thành tốt nhiệm vụ": the words of saying it again go too.
const RE_BARE_LEVEL_AT = new RegExp(`^\\s*(?:(?:em\\s+|e\\s+)?(?:noi lai|xin sua lai|sua lai|xin sua)\\s*[,:]?\\s*)?(?:la\\s+)?${LEVEL}${WORD_END}(?!\\s*:?\\s*\\d)(?![ \\t]*(?:${COUNT})${WORD_END})`);

/**
 * "dv: 3 xs 18 tot 0 ht": the run of levels that opens at `from` closes on a level with a count before it and none
 * after — each count stands before its level.
 */
const RE_NONE_SAID_BEFORE = /\b(?:khong|ko|kg|k|hong|hok)\s+(?:co\s+)?$/;
function endsOnLevel(f: string, from: number, selfSpan: { start: number; end: number } | null): boolean {
  const stop = f.slice(from).search(/[.;\n]/);
  const run = f.slice(from, stop < 0 ? f.length : from + stop);
  let last: RegExpExecArray | null = null;
  RE_LEVEL_WORD.lastIndex = 0;
  for (const m of run.matchAll(RE_LEVEL_WORD)) {
    const at = from + (m.index as number);
    if (selfSpan && at >= selfSpan.start && at < selfSpan.end) continue;
    // ("4 HTXS 20 HTT 2 HT, k có KHT": a level said to have none closes no run.)
    if (RE_NONE_SAID_BEFORE.test(run.slice(Math.max(0, (m.index as number) - 12), m.index))) continue;
    last = m as RegExpExecArray;
  }
  if (!last || last.index === 0) return false;
  const at = last.index;
  return !RE_LABEL_FIRST_AT.test(run.slice(at)) && RE_COUNT_BEFORE_LEVEL.test(run.slice(Math.max(0, at - 30), at)) && !/\b(?:cb|chi bo)\s+$/.test(run.slice(0, at));
}

// "năm hai nghìn không trăm hai mươi sáu", "năm hai ngàn …": a year said in words, none of its words a count.
const RE_SPOKEN_YEAR = new RegExp(`${WORD_START}nam\\s+(mot|hai)\\s+(?:nghin|ngan)(?:\\s+khong\\s+tram)?(?:\\s+(?:linh|le))?(?:\\s+(${NUMBER_WORDS_SOURCE}))?${WORD_END}`);
// "xếp loại 2026: …", "Đánh giá đảng viên năm 2026": the year the rating words name, over one compared with ("So với năm 2025").
const RE_RATED_YEAR = /\b(?:xep loai|danh gia|dgxl|tong ket)\b[^.;:\n\d]{0,30}?\b((?:19|20)\d\d)\b(?!\s?[/.-]\d)/;

/** The message with a year said in words blanked out (same length), and that year; the message itself when there is none. */
function withoutSpokenYear(p: Prepared): { p: Prepared; year: number | null } {
  // "năm hai không hai sáu": the year said digit by digit.
  const said = p.f.indexOf("nam hai khong ");
  const digits = said >= 0 ? yearFromWords(p.f.slice(said + 4)) : null;
  if (digits) {
    // ("năm" blanked too: no five before the first level.)
    const blank = (s: string): string => s.slice(0, said) + " ".repeat(4 + digits.length) + s.slice(said + 4 + digits.length);
    return { p: { ...p, text: blank(p.text), f: blank(p.f) }, year: digits.year };
  }
  if (!p.f.includes("nghin") && !p.f.includes("ngan")) return { p, year: null };
  const m = RE_SPOKEN_YEAR.exec(p.f);
  const rest = m?.[2] !== undefined ? numberFromWords(m[2]) : 0;
  const year = m && rest !== null ? (m[1] === "hai" ? 2000 : 1000) + rest : null;
  if (!m || year === null || year < 1900 || year > 2100) return { p, year: null };
  const blank = (s: string): string => s.slice(0, m.index) + " ".repeat(m[0].length) + s.slice(m.index + m[0].length);
  return { p: { ...p, text: blank(p.text), f: blank(p.f) }, year };
}


// "Tổ 1: 1 HTXS, 7 HTT\nTổ 2: 6 HTT, 1 HT": the party groups of a big cell counted a line each.
const RE_GROUP_LINE = /^[ \t]*[-+•*]?[ \t]*to(?:[ \t]+dang)?[ \t]*(?:so[ \t]*)?\d{1,2}[ \t]*[:,-][^\n]*$/gm;
const RE_GROUP_COUNT = /(?<![\d/])(\d{1,3})[ \t]*(?:dv|dang vien|d\/c|dc|dong chi)?[ \t]*(htxs|htt|ht|kht)\b|\b(htxs|htt|ht|kht)[ \t]*:?[ \t]*(\d{1,3})\b(?![\d/%])/g;
const GROUP_KEYS = { htxs: "htxs", htt: "htt", ht: "ht", kht: "kht" } as const;

/** The levels' counts summed over the party groups' lines, when the message counts two groups or more so. */
function sumGroups(f: string, fields: AnnualRatingFields): void {
  if (!f.includes("to")) return;
  const lines = f.match(RE_GROUP_LINE);
  if (!lines || lines.length < 2) return;
  const sums: Partial<Record<keyof typeof GROUP_KEYS, number>> = {};
  for (const line of lines) {
    for (const m of line.matchAll(RE_GROUP_COUNT)) {
      const level = (m[2] ?? m[3]) as keyof typeof GROUP_KEYS;
      sums[level] = (sums[level] ?? 0) + Number(m[1] ?? m[4]);
    }
  }
  for (const [level, n] of Object.entries(sums)) fields[level as keyof typeof GROUP_KEYS] = n;
}

const RE_QUOTE_G = /"/g;

// "xep loai 2026 (nam ngoai 2025: HTXS 1, HTT 12, HT 2)", "(năm trước: HTXS 3, HTT 20)", "(cùng kỳ 2025: …)": the year
// before's levels, in brackets beside this year's, for comparison.
const RE_YEAR_BEFORE_BRACKET = /\((?:so (?:sanh|voi)\s+)?(?:nam ngoai|nam truoc|nam roi|cung ky)\b[^()\n]{0,160}\)/g;
// "Năm ngoái cb có 3 HTXS, 18 HTT, 2 HT, năm nay phấn đấu …": a sentence of last year's levels, set against this year's.
const RE_GOAL_BEFORE = /\b(?:phan dau|muc tieu|quyet tam)\b[^.;\n]*$/;
const RE_LAST_YEAR_SENTENCE = /(?<=^|[.;!?\n][ \t]*)nam (?:ngoai|truoc)\b[^.;!?\n]*(?=[^]*\bnam nay\b)/g;
function withoutYearBefore(p: Prepared): Prepared {
  let { text, f } = p;
  // (The folded text has the same length as the text: the same span is blanked in both.)
  for (const m of [...p.f.matchAll(RE_YEAR_BEFORE_BRACKET), ...(p.f.includes("nam nay") ? p.f.matchAll(RE_LAST_YEAR_SENTENCE) : [])]) {
    const blank = " ".repeat(m[0].length);
    text = text.slice(0, m.index) + blank + text.slice(m.index + m[0].length);
    f = f.slice(0, m.index) + blank + f.slice(m.index + m[0].length);
  }
  return text === p.text ? p : { ...p, text, f };
}

export function parseAnnualRating(original: Prepared): ParseResult<"annual-rating"> {
  // "Chúc mừng chi bộ thôn Vân Trì năm thứ 3 liên tiếp hoàn thành tốt nhiệm vụ nhé, 5 đồng chí HTXS là rất đáng khen!":
  // praise of a result someone else reported, no report (one that says it reports, "báo cáo", "kết quả", still is).
  if (praisesOnly(original.f, true)) return { ok: false, errors: ["not_a_report: chatter"] };
  const { p: spoken, year } = withoutSpokenYear(original);
  // 'tự nhận mức "Hoàn thành xuất sắc nhiệm vụ"': a level in quotes reads as one without them.
  const quoted = spoken.f.includes('"') ? { ...spoken, text: spoken.text.replace(RE_QUOTE_G, " "), f: spoken.f.replace(RE_QUOTE_G, " ") } : spoken;
  const p = quoted.f.includes("(") || quoted.f.includes("nam ngoai") || quoted.f.includes("nam truoc") ? withoutYearBefore(quoted) : quoted;
  const r = readRating(p);
  if (r.ok) sumGroups(p.f, r.fields);
  if (r.ok) {
    const rated = RE_RATED_YEAR.exec(p.f);
    if (rated) r.fields.period = rated[1] as string;
    else if (year !== null && !/\bnam\s?\d{4}\b/.test(p.f)) r.fields.period = String(year);
  }
  const fix = r.ok && RE_CORRECTION_HINT.test(p.f) ? RE_CORRECTION.exec(p.f) : null;
  if (!r.ok || !fix || fix.index === 0) return r;
  const at = fix.index + fix[0].length;
  const fields = r.fields;
  const bare = RE_BARE_LEVEL_AT.exec(p.f.slice(at));
  if (bare && fields.cell_self_level !== undefined && /\b(?:cb|chi bo|tap the|tu\s+(?:xep|danh gia|nhan|xl|dg))\b[^.;\n]*$/.test(p.f.slice(0, fix.index))) {
    fields.cell_self_level = levelOf(bare[1] as string);
    return r;
  }
  const after = readRating({ ...p, text: p.text.slice(at), f: p.f.slice(at) });
  if (!after.ok) return r;
  for (const k of ["htxs", "htt", "ht", "kht", "unrated", "cell_self_level"] as const) if (after.fields[k] !== undefined) (fields as Record<string, unknown>)[k] = after.fields[k];
  return { ...r, missing: r.missing.filter((k) => fields[k as keyof AnnualRatingFields] === undefined) };
}

const LEVEL_KEY: Record<RatingLevel, "htxs" | "htt" | "ht" | "kht"> = { HTXS: "htxs", HTT: "htt", HT: "ht", KHT: "kht" };
const LEVEL_KEYS = ["htxs", "htt", "ht", "kht"] as const;

// "14 dv tat ca HTT, rieng dc A Sơn HTXS", "18 đồng chí đều HTT trừ đ/c Lan HTXS": every member at one level but those
// named at another; the levels said of no one have none.
const RE_ALL_AT_LEVEL = new RegExp(`${WORD_START}(\\d{1,3})[ \\t]*(?:dv|dang vien|dong chi|d\\/c|dc)?[ \\t]*,?[ \\t]*(?:tat ca|deu|ca)[ \\t]+(?:deu[ \\t]+)?(?:dat[ \\t]+|xep loai[ \\t]+)?${LEVEL}${WORD_END}`);
const RE_BUT_AT_LEVEL = new RegExp(`${WORD_START}(?:rieng|tru|chi co|con)[ \\t]+(?:${COMRADE}[ \\t]+)?([^,.;:\\n\\d]{1,40}?)[ \\t]+(?:dat[ \\t]+|xep loai[ \\t]+|duoc[ \\t]+|la[ \\t]+)?${LEVEL}${WORD_END}`, "g");
function readAllButSome(f: string, fields: AnnualRatingFields): void {
  const all = f.includes("tat ca") || f.includes("deu") || f.includes("ca ") ? RE_ALL_AT_LEVEL.exec(f) : null;
  if (!all) return;
  const total = Number(all[1]);
  const counts: Record<"htxs" | "htt" | "ht" | "kht", number> = { htxs: 0, htt: 0, ht: 0, kht: 0 };
  let others = 0;
  RE_BUT_AT_LEVEL.lastIndex = all.index + all[0].length;
  for (let m = RE_BUT_AT_LEVEL.exec(f); m; m = RE_BUT_AT_LEVEL.exec(f)) {
    // "riêng đ/c A Sơn và đ/c Y Bih": as many as are named.
    const named = 1 + ((m[1] as string).match(/\bva\b|,/g)?.length ?? 0);
    counts[LEVEL_KEY[levelOf(m[2] as string)]] += named;
    others += named;
  }
  if (others === 0 || others >= total) return;
  const level = LEVEL_KEY[levelOf(all[2] as string)];
  counts[level] += total - others;
  Object.assign(fields, counts);
}

/** Each level's count into `fields` (a level read once), count first or label first as the message's habit is. */
function readLevels(f: string, selfSpan: { start: number; end: number } | null, countFirst: boolean, fields: AnnualRatingFields): void {
  const key = LEVEL_KEY;
  const taken: [number, number][] = [];
  let m: RegExpExecArray | null;
  for (const re of countFirst ? [RE_LEVEL_COUNT_FIRST, RE_LEVEL_LABEL_FIRST_STRICT] : [RE_LEVEL_LABEL_FIRST, RE_LEVEL_COUNT_FIRST]) {
    const labelFirst = re !== RE_LEVEL_COUNT_FIRST;
    re.lastIndex = 0;
    while ((m = re.exec(f))) {
      if (selfSpan && m.index >= selfSpan.start && m.index < selfSpan.end) continue;
      // "không hoàn thành" is read by its own alternative: skip "hoàn thành" inside it.
      const levelAt = labelFirst ? m.index : m.index + m[0].lastIndexOf(m[2] as string);
      if (/\b(?:khong|ko|kg|k)\s$/.test(f.slice(Math.max(0, levelAt - 6), levelAt))) continue;
      // "không có ai không hoàn thành một đồng chí mới kết nạp …": the level said to have none, the count after it the next clause's.
      if (labelFirst && RE_NONE_BEFORE.test(f.slice(Math.max(0, levelAt - 24), levelAt))) continue;
      const level = levelOf((labelFirst ? m[1] : m[2]) as string);
      const countText = (labelFirst ? m[2] : m[1]) as string;
      const countAt = labelFirst ? m.index + m[0].lastIndexOf(countText) : m.index;
      if (taken.some(([a, b]) => countAt >= a && countAt < b)) continue;
      const n = parseCount(countText);
      if (n === null || n >= 1900) continue;
      const k = key[level];
      if (fields[k] === undefined) {
        fields[k] = n;
        taken.push([countAt, countAt + countText.length]);
      }
    }
  }
}

const RE_LEVEL_THEN_ALL = /\b(htxs|htt|ht|kht|hoan thanh xuat sac|hoan thanh tot|hoan thanh)(?: nhiem vu| nv)?\s+het\b/;
/** The level said of the members left ("còn lại HT", "HTT hết"), or null. */
function restLevel(f: string): "htxs" | "htt" | "ht" | "kht" | null {
  const i = f.indexOf("con lai");
  if (i >= 0) {
    RE_LEVEL_WORD.lastIndex = i + 7;
    const m = RE_LEVEL_WORD.exec(f);
    if (m && m.index - i <= 20 && !/[.;\n\d]/.test(f.slice(i, m.index)) && !RE_COUNT_AFTER_LEVEL.test(f.slice(m.index + m[0].length, m.index + m[0].length + 16))) return LEVEL_KEY[levelOf(m[1] as string)];
  }
  const all = RE_LEVEL_THEN_ALL.exec(f);
  return all ? LEVEL_KEY[levelOf(all[1] as string)] : null;
}

function readRating(p: Prepared): ParseResult<"annual-rating"> {
  const f = p.f;
  const fields: AnnualRatingFields = { period: readYear(p, 3, true) };
  let self = RE_SELF.exec(f) ?? RE_SELF_REACHED.exec(f) ?? RE_SELF_CLAUSE.exec(f) ?? RE_SELF_MORE.exec(f) ?? (f.includes("cham") ? RE_SELF_SCORED.exec(f) : null) ?? RE_SELF_OF_CELL.exec(f) ?? (f.includes("de nghi") ? RE_SELF_PROPOSED.exec(f) : null);
  // "…, tổ tự đánh giá HTT", "ấp tự xếp loại HTXS": the unit that rates itself named otherwise, its members' counts not
  // after it and no member before it.
  // (The words by a small pattern, the level by RE_LEVEL_WORD where they end: no pattern of its own holding every level.)
  if (!self && f.includes("tu ")) {
    RE_SELF_WORDS.lastIndex = 0;
    for (let w = RE_SELF_WORDS.exec(f); w && !self; w = RE_SELF_WORDS.exec(f)) {
      const at = w.index + w[0].length;
      RE_LEVEL_WORD.lastIndex = at;
      const level = RE_LEVEL_WORD.exec(f);
      if (!level || level.index !== at || RE_MEMBER_BEFORE.test(f.slice(Math.max(0, w.index - 14), w.index))) continue;
      const end = at + level[0].length;
      if (RE_COUNT_AFTER_LEVEL.test(f.slice(end, end + 16))) continue;
      self = Object.assign([f.slice(w.index, end), ...level.slice(1)], { index: w.index, input: f }) as unknown as RegExpExecArray;
    }
  }
  // "Năm 2024 chi bộ được HTXS nhưng năm nay chỉ tự xếp HTT": another year's level, then this one's.
  const otherYear = self ? RE_YEAR_BEFORE.exec(f.slice(Math.max(0, self.index - 16), self.index)) : null;
  if (self && otherYear && otherYear[1] !== fields.period) {
    const from = self.index + self[0].length;
    const again = RE_SELF_AGAIN.exec(f.slice(from));
    if (again) {
      again.index += from;
      self = again;
    }
  }
  // "năm nay phấn đấu chi bộ đạt HTT trở lên": a goal set, no level the cell gave itself.
  if (self && !/\btu\s/.test(self[0]) && RE_GOAL_BEFORE.test(f.slice(Math.max(0, self.index - 24), self.index + 1))) self = null;
  const selfSpan = self ? { start: self.index, end: self.index + self[0].length } : null;
  if (self) fields.cell_self_level = levelOf(self.slice(1).find((g) => g !== undefined) as string);
  const key = LEVEL_KEY;
  let m: RegExpExecArray | null;
  // Label first ("HTXS 3") over the whole message, then count first ("3 HTXS"), or the other way when the
  // first level has its count before it: a message keeps one habit.
  // The first level named outside the cell's own: a count right before it sets the habit.
  RE_LEVEL_WORD.lastIndex = 0;
  let first: RegExpExecArray | null;
  while ((first = RE_LEVEL_WORD.exec(f)) && selfSpan && first.index >= selfSpan.start && first.index < selfSpan.end);
  // "1 htt 15 ht 2": a bare count before it and one after it — the one after is the level's.
  // "tổng số hai mươi tám đồng chí hoàn thành xuất sắc ba": a count after a total's words is the total, no level's.
  const beforeAt = first ? Math.max(0, first.index - 30) : 0;
  const before = first ? RE_COUNT_BEFORE_LEVEL.exec(f.slice(beforeAt, first.index)) : null;
  const lead = before !== null ? f.slice(Math.max(0, beforeAt + before.index - 16), beforeAt + before.index) : "";
  // "chi bộ có 18 đồng chí hoàn thành xuất sắc 2 hoàn thành tốt 13 hoàn thành 2": the cell's members, then each level
  // with its count after it (the run not closing on a count before a level).
  const total = before !== null && (RE_TOTAL_BEFORE.test(lead) || (RE_CELL_HAS_BEFORE.test(lead) && RE_LABEL_FIRST_BARE_AT.test(f.slice((first as RegExpExecArray).index)) && !endsOnLevel(f, (first as RegExpExecArray).index, selfSpan)));
  let countFirst = first !== null && before !== null && !total && (before[1] !== undefined || !RE_LABEL_FIRST_AT.test(f.slice(first.index)) || endsOnLevel(f, first.index, selfSpan));
  // "tổng số đảng viên ba mươi lăm đồng chí hoàn thành xuất sắc bốn đồng chí hoàn thành tốt hai mươi sáu đồng chí …": the
  // count before the first level is the whole that the levels said after their counts make up (with those not rated),
  // as a clerk checks it: the message is label first.
  if (countFirst && before !== null) {
    const trial: AnnualRatingFields = { period: fields.period };
    readLevels(f, selfSpan, false, trial);
    const said = LEVEL_KEYS.filter((k) => trial[k] !== undefined);
    const whole = parseCount(RE_COUNT_G.exec(before[0])?.[1] ?? "");
    RE_COUNT_G.lastIndex = 0;
    const sum = said.reduce((a, k) => a + (trial[k] as number), 0);
    if (said.length >= 3 && whole !== null && sum > 0 && (whole === sum || whole === sum + (readUnrated(p) ?? -1))) countFirst = false;
  }
  readLevels(f, selfSpan, countFirst, fields);
  if ((fields.htxs === undefined || fields.htt === undefined || fields.ht === undefined || fields.kht === undefined) && (f.includes("-") || f.includes("/"))) readOrderedRun(f, fields, key);
  if (fields.htxs === undefined && fields.htt === undefined && fields.ht === undefined && fields.kht === undefined) readAllButSome(f, fields);
  const namedUnrated = f.includes(":") ? readNamedLevels(p, fields, key) : null;
  RE_LEVEL_NONE.lastIndex = 0;
  while ((m = RE_LEVEL_NONE.exec(f))) {
    const word = (m[1] ?? m[2] ?? m[3]) as string;
    // "2 đồng chí hoàn thành không có đồng chí nào không hoàn thành": the "không có" may open the next level's none.
    if (m[3] !== undefined) RE_LEVEL_NONE.lastIndex = m.index + m[3].length;
    if (word === "hoan thanh" && /\b(?:khong|ko|kg|k)\s$/.test(f.slice(Math.max(0, m.index - 6), m.index))) continue;
    const k = key[levelOf(word)];
    if (fields[k] === undefined) fields[k] = 0;
    // "không có HT, KHT", "ko có HT và KHT": the levels listed after it are none too.
    let at = m.index + m[0].length;
    for (let more = RE_LEVEL_MORE.exec(f.slice(at)); more; more = RE_LEVEL_MORE.exec(f.slice(at))) {
      const next = key[levelOf(more[1] as string)];
      if (fields[next] === undefined) fields[next] = 0;
      at += more[0].length;
    }
  }
  // "- Không đánh giá: Sáu Hiền (bệnh nặng)": the members the label names (a name may open with a number word).
  let unrated = namedUnrated ?? readUnrated(p);
  // "Tổng số đảng viên: 25; số được xếp loại: 23 (01 đ/c miễn sinh hoạt, 01 đ/c mới kết nạp … không xếp loại)": the rest
  // of the members are not rated, also those whose reason names no rating words.
  const ratedCount = f.includes("duoc xep loai") || f.includes("duoc danh gia") || f.includes("danh gia ") || f.includes("xep loai ") ? RE_RATED_COUNT.exec(f) : null;
  const ratedN = ratedCount ? Number(ratedCount[1] ?? ratedCount[2]) : null;
  const totalOf = ratedCount ? RE_MEMBERS_TOTAL.exec(f) : null;
  const allOf = ratedCount && !totalOf ? allMembers(f) : null;
  const membersN = totalOf ? Number(totalOf[1]) : allOf !== null ? parseCount(allOf) : null;
  if (ratedN !== null && membersN !== null) {
    const rest = membersN - ratedN;
    if (rest > 0 && rest < ratedN && rest > (unrated ?? 0)) unrated = rest;
  }
  if (unrated !== null) fields.unrated = unrated;
  else {
    // "ĐV được xếp loại 40/42": the members not rated are the rest.
    const part = RE_RATED_OF.exec(f);
    const rated = part ? parseCount((part[1] ?? part[3]) as string) : null;
    const all = part ? parseCount((part[2] ?? part[4]) as string) : null;
    if (rated !== null && all !== null && all > rated && all - rated < rated) fields.unrated = all - rated;
    // "tham gia đánh giá: 40/40 (100%)": none left unrated.
    else if (rated !== null && rated > 0 && rated === all) fields.unrated = 0;
  }
  // "27/28 đv được xếp loại …, HTXS 4, HTT 20, HT 3": three levels that make up all those rated leave none to the fourth.
  const levels = ["htxs", "htt", "ht", "kht"] as const;
  const unknown = levels.filter((k) => fields[k] === undefined);
  if (unknown.length === 1 && (f.includes("duoc") || ratedN !== null)) {
    const part = ratedCount ? null : RE_RATED_OF.exec(f);
    const rated = ratedN !== null ? ratedN : part ? parseCount((part[1] ?? part[3]) as string) : null;
    const sum = levels.reduce((a, k) => a + (fields[k] ?? 0), 0);
    if (rated !== null && rated > 0 && sum === rated) fields[unknown[0] as (typeof levels)[number]] = 0;
  }
  // "tổng cộng hai mươi tám đồng chí … ba HTXS, hai mươi hai HTT, hai HT, còn một chưa đánh giá": the cell's members,
  // the levels and those not rated adding up to them leave none to the level not said.
  if (unknown.length === 1 && fields[unknown[0] as (typeof levels)[number]] === undefined && (f.includes("tong") || f.includes("co") || f.includes("trong do") || f.includes(":"))) {
    const all = allMembers(f);
    const n = all !== null ? parseCount(all) : null;
    const sum = levels.reduce((a, k) => a + (fields[k] ?? 0), 0) + (fields.unrated ?? 0);
    if (n !== null && n > 0 && sum === n) fields[unknown[0] as (typeof levels)[number]] = 0;
  }
  // "Chi bộ có 18 đảng viên … HTXS 01, HTT 12, HT 04, KHT 01", "Tổng số đảng viên 27 đ/c; … tham gia xếp loại 25 đ/c …":
  // the four levels said, the cell's members beyond them are those not rated (none when they add up).
  if (fields.unrated === undefined && levels.every((k) => fields[k] !== undefined)) {
    const all = allMembers(f);
    const n = all !== null ? parseCount(all) : f.includes("tong") ? Number(RE_MEMBERS_TOTAL.exec(f)?.[1] ?? NaN) : null;
    const sum = levels.reduce((a, k) => a + (fields[k] as number), 0);
    if (n !== null && n >= sum && n - sum < sum) fields.unrated = n - sum;
  }
  // "tổng 31 dv, miễn đánh giá 2; …: HTXS 3, HTT 22, còn lại HT", "HTT hết trừ 2 đ/c HTXS với 1 đ/c HT. Tổng 26 đv": the
  // members not counted at the others, at the level said of the rest.
  const rest = f.includes("con lai") || f.includes(" het") ? restLevel(f) : null;
  if (rest !== null && fields[rest] === undefined) {
    const all = allMembers(f) ?? (f.includes("tong") ? RE_MEMBERS_TOTAL.exec(f)?.[1] ?? null : null);
    const n = all !== null ? parseCount(all) : null;
    const sum = levels.reduce((a, k) => a + (fields[k] ?? 0), 0) + (fields.unrated ?? 0);
    if (n !== null && n > sum) fields[rest] = n - sum;
  }
  if (fields.htxs === undefined && fields.htt === undefined && fields.ht === undefined && fields.kht === undefined) {
    if (!RE_RATING.test(f) || !fields.cell_self_level) return { ok: false, errors: ["not_a_report: no rating fields found"] };
  }
  const warnings: string[] = [];
  if (fields.htxs !== undefined && fields.htt !== undefined && fields.htxs > fields.htt * HTXS_QUOTA_OF_HTT) {
    warnings.push(`htxs_quota: HTXS ${fields.htxs} > ${HTXS_QUOTA_OF_HTT * 100}% of HTT ${fields.htt}`);
  }
  const missing = (["htxs", "htt", "ht", "kht"] as const).filter((k) => fields[k] === undefined).map(String);
  return { ok: true, form: "annual-rating", fields, missing, warnings };
}
