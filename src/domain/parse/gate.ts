/**
 * Is this message a report at all, and of which form? A careful reader's first glance:
 * a question, a notice of what is to come, a paragraph about party work in general, or a
 * report of another form is not the report asked for.
 */
import { foldSameLength } from "../text/fold-same-length.js";
import { NUMBER_WORDS_SOURCE, WORD_END, WORD_START } from "../text/number-words.js";
import { findDates, resolveDate } from "./dates.js";
import { FORWARD_WORD, RE_COMMUNE_WIDE, UNIT_WORD } from "./patterns.js";
import type { Prepared } from "./prepare.js";
import type { FormName } from "./types.js";

export type NotReport = "question" | "notice" | "directive" | "article" | "chatter" | "correction" | "attendance-issue" | "admission-proposal" | FormName;

const RE_QUESTION_MARK = /\?\s*(?:a|ah|nhe|nha|\.|!)*\s*$|\?\s*\n/;
// "… hoàn thành hay không hoàn thành": an either-or of a level or a verb said twice, no question.
// ("không có biến động gì ạ": "không … gì" is nothing, told.)
const RE_QUESTION_WORDS =
  new RegExp(`${WORD_START}(?:bao nhieu|bao gio|bao lau|khi nao|luc nao|hom nao|ngay nao|may gio|the nao|nhu the nao|lam sao|tai sao|vi sao|co phai|co duoc khong|duoc khong|dc ko|duoc ko|co can|can nhung|gi vay|(?<!${WORD_START}(?:khong|ko|k|chang|chua)\\s(?:[a-z]+\\s){0,3})gi a|nao vay|chua vay|chua a|chua nhi|chua\\s*$|khong a|ko a|k a|khong nhi|hay khong(?! (?:hoan thanh|ht|dong|nop|thu|dat)${WORD_END})|cho hoi|xin hoi|hoi chut|oi cho|(?:tinh|the|ra|lam) sao|sao (?:a|ah|vay|nhi)|(?:dung|phai) (?:k|ko|khong|hok|chua)\\s*(?:a|ah|vay|nhi|nhe)?\\s*(?:[?.!]|$))\\b|${WORD_START}co (?:duoc|dc|phai|can)${WORD_END}[^.,;?\\n]{0,40}${WORD_START}(?:khong|ko|k|hok)\\s*(?:a|ah|vay|nhi|nhe)?\\s*(?:[?.!]|$)|${WORD_START}hay\\s+(?:la\\s+)?[^.,;?!\\n]{1,50}?(?:\\s+(?:a|ah|vay|nhi|the))?\\s*\\?`);
// "Cho em hỏi …?", "Xin hỏi …": asking, whatever figures the question quotes.
const RE_ASKING = /^\s*(?:\W*\s*)?(?:(?:a|anh|chi|dong chi|dc|d\/c|bot|ban)\s+oi[\s,]+)?(?:cho\s+(?:e|em|minh|toi|tui|chau|hoi)\b|xin hoi|hoi chut|hoi xiu|e hoi|em hoi|minh hoi|tui hoi)/;
// "tháng này … chưa sinh hoạt được, dự kiến lùi sang 12/8": the meeting put off, no report of it
// (read by the meeting parser when the message gives no attendance).
/** Words without which RE_NOT_HELD cannot match: a cheap test first. */
export function mayNotBeHeld(f: string): boolean {
  return f.includes("chua") || f.includes("khong") || f.includes("ko ") || f.includes("lui") || f.includes("hoan") || f.includes("doi ") || f.includes("dich sang") ||
    /\bk\s+(?:duoc|sh|hop|sinh|to)/.test(f);
}
export const RE_NOT_HELD = new RegExp(`${WORD_START}(?:chua|khong|ko|k)\\s+(?:(?:to chuc|sinh hoat|sh|hop)\\s+)?(?:duoc\\s+)?(?:sinh hoat|sh|hop(?!\\s+le)|to chuc)${WORD_END}|${WORD_START}(?:lui|hoan(?! thanh| thien| tat| chinh)|doi lich|doi ngay|doi sang|tam hoan|dich sang)${WORD_END}`);
// A "?" that ends a sentence: more words follow after a space.
const RE_SENTENCE_ASKED = /[a-z)]\s*\?+\s+\S/;
const RE_WHICH_FIRST = /^[^,;?!\n]{0,110}\bhay(?:\s+la)?\s+[a-z0-9][a-z0-9.,]*(?:\s+[a-z0-9]+)?\s+(?:a|ah|vay|nhi|the)\s*(?:[,.;?!\n]|$)/;
const RE_NOTICE_HEAD = new RegExp(`^\\s*(?:\\W*\\s*)?(?:thong bao|tb|kinh moi|tran trong kinh moi|moi|ke hoach|lich|nhac)${WORD_END}`);
const RE_NOTICE_TITLE_LINE = /(?:^|\n)[ \t]*(?:thong bao|giay moi)[ \t]*(?:\n|$)/;
// "GIẤY TRIỆU TẬP⏎Sinh hoạt chi bộ thường kỳ tháng 02/2026": a summons to the meeting, whatever last month's count it quotes.
// ("THÔNG BÁO⏎Về việc sinh hoạt chi bộ thường kỳ tháng 8/2026", "THÔNG BÁO⏎Triệu tập sinh hoạt chi bộ …", "THÔNG BÁO⏎Lịch sinh
// hoạt chi bộ thường kỳ tháng 5/2026": a notice titled so too, whatever last month's count it quotes.)
const RE_SUMMONS_TITLE_LINE = /(?:^|\n)[ \t]*(?:giay (?:trieu tap|moi)[ \t]*\n(?![ \t]*(?:bao cao|ket qua))|thong bao[ \t]*\n[ \t]*(?:ve viec (?:to chuc )?(?:sinh hoat|hop)|trieu tap(?: sinh hoat| hop| dang vien)?|lich (?:sinh hoat|sh|hop))\b)/;
const RE_NOTICE_BODY =
  new RegExp(`${WORD_START}(?:de nghi cac|yeu cau cac|(?:cac|moi) (?:dc|d\\/c|dong chi|ban)${WORD_END}[^.?!\\n]{0,80}${WORD_START}(?:nop|dong|gui|hoan thanh|bao cao|di|du|tham du|co mat|chuan bi)${WORD_END}[^.?!\\n]{0,60}${WORD_START}(?:truoc ngay|truoc|dung gio|day du|nhe|nha)|se (?:sh|hop|sinh hoat|to chuc|tien hanh)|du kien (?:sh|hop|sinh hoat|to chuc)|(?:sh|hop|sinh hoat) vao (?:luc|ngay)?\\s*\\d|(?<!nam )moi cac|tran trong (?:kinh )?moi|nho (?:dong|nop|gui|di|den|tham du|bao cao)(?! (?:ho|giup)${WORD_END})|ai (?:chua|con chua)${WORD_END}[^.?!\\n]{0,60}${WORD_START}(?:thi|nho)${WORD_END}|(?:cac|moi) (?:dc|d\\/c|dong chi|ban)${WORD_END}[^.?!\\n]{0,30}${WORD_START}luu y|cham nhat(?: la)? ngay \\d)${WORD_END}`);
const RE_ARTICLE_WORDS =
  new RegExp(`${WORD_START}(?:theo quy dinh|quy dinh so|theo huong dan|la hinh thuc|la nhiem vu|la mot|nham|can chu trong|can phai|phai dam bao|tranh hinh thuc|toan xa|toan huyen|toan tinh|toan dang bo|ty le|cac chi bo|cac to chuc|tren dia ban|moi thang|hang thang|hang quy|thuong xuyen|nang cao|doi voi|tiep tuc|day manh|qua do|gop phan|giai doan|tro xuong|tro len|khu vuc|binh quan|chuan ngheo|luong huu|tien luong|cap uy dia phuong|dang vien khac|quan trong|huong dan|khong vuot qua|khong phai xep loai|duoi su lanh dao|giup do|chuyen doi|mo hinh|thoat ngheo)${WORD_END}`, "g");
// "Quý 2 chi bộ ấp Cái Mơn không kết nạp mới …": a period, then the cell it is about, opens a report.
const RE_REPORT_VOICE =
  new RegExp(`${WORD_START}(?:da (?:sh|sinh hoat|hop|to chuc|thu|nop|ket nap)|(?:sh|sinh hoat|hop)\\s+(?:ngay|toi|hom|luc)?\\s*\\d|bc|bao cao|cb em|chi bo em|e bc|em bc|so lieu|ket qua|kq|co mat\\s*:?\\s*\\d+|vang\\s*:?\\s*\\d+|\\d+\\s*\\/\\s*\\d+|da thu|thu duoc|da nop|thu du|ket nap duoc|da ket nap|xep loai dv|xl dv|ket nap (?:duoc |dc )?\\d+|tu (?:danh gia|xep loai)(?: chi bo)?(?: nam \\d{4})? (?:chi )?dat)${WORD_END}|^\\s*(?:quy|q|thang|t|nam)\\s?(?:[ivx]+|\\d{1,4})(?:\\/\\d{4})?\\s*(?::|,?\\s*(?:chi bo|cb)\\s+(?:ap|thon|ban|xom|khom|khu|khu pho|kp|to dan pho|tdp|buon|plei|lang|soc|doi)\\s)`);
// This form named only as a task or an agenda item ("đôn đốc thu đảng phí", "triển khai kết nạp").
// "hoàn thành tốt mười bốn, hoàn thành hai", "…, hoan thanh tot muoi bon, hoan thanh hai, …", "… xuất sắc một hoàn
// thành tốt mười lăm hoàn thành …": a rating's counts in words after their levels (not "… nhiệm vụ năm 2026").
// ("… hai chục đ/c trên hăm mốt, tiền ba trăm rưởi ngàn": "out of" a count, money, in words.)
const RE_COUNTED_IN_WORDS = new RegExp(`${WORD_START}${NUMBER_WORDS_SOURCE}\\s+(?:dong chi|d\\/c|dc|dv|dang vien|nguoi|ho|quan chung|tren|\\/)\\b|${WORD_START}tren\\s+${NUMBER_WORDS_SOURCE}${WORD_END}|${WORD_START}${NUMBER_WORDS_SOURCE}(?:\\s+ruoi)?\\s+(?:ngan|nghin|trieu)${WORD_END}|${WORD_START}(?:vang|co mat|du|tham du)\\s+${NUMBER_WORDS_SOURCE}${WORD_END}|:\\s*${NUMBER_WORDS_SOURCE}\\s*(?=[;,.\\n]|$)|${WORD_START}(?:hoan thanh|xuat sac|tot|nhiem vu)\\s+${NUMBER_WORDS_SOURCE}(?=\\s*(?:[;,.\\n]|$)|\\s+(?:khong\\s+)?hoan thanh${WORD_END})|${WORD_START}(?:hoan thanh(?: xuat sac| tot)?|htxs|htt|ht|kht)(?: nhiem vu)?\\s+${NUMBER_WORDS_SOURCE}${WORD_END}(?!\\s*\\d)|(?:^|[,;:]\\s*)${NUMBER_WORDS_SOURCE}\\s+(?:hoan thanh|htxs|htt|kht)${WORD_END}|${WORD_START}${NUMBER_WORDS_SOURCE}\\s+(?:nghin|ngan|trieu)\\s+dong${WORD_END}`, "g");
const RE_COUNTED_PRESENT = new RegExp(`${WORD_START}(?:co mat|vang)\\s*:?\\s*(?:\\d|${NUMBER_WORDS_SOURCE}${WORD_END})`);
const RE_FORWARDED = new RegExp(`^\\s*[[(]?\\s*(?:${FORWARD_WORD}|trich)${WORD_END}|^\\s*(?:huong dan|cong van|quy dinh|thong tri|nghi dinh)\\s+(?:so\\s+)?[\\d\\w]`);
// "Fw: tổ dân phố Đông Tâm - quý I/2026", "Fw: Buôn Ko Tam - xếp loại ĐV": a unit named first, or after a dash, is the cell;
// so is a form's "Chi bộ: …" line under a forwarded title ("Fwd: BIỂU TỔNG HỢP XẾP LOẠI …⏎Chi bộ: Tổ dân phố 2").
const RE_FROM_CELL = new RegExp(
  `^\\s*[[(]?\\s*${FORWARD_WORD}${WORD_END}(?:[^\\n]{0,80}?${WORD_START}(?:cb|chi bo)${WORD_END}|[^\\n]{0,80}\\n\\s*(?:cb|chi bo)\\s*:|\\s*:?\\s*${UNIT_WORD}\\s+[a-z\\d]|[^\\n]{0,80}?\\s[-–]\\s*${UNIT_WORD}\\s+[a-z\\d])`,
);
// "… (theo Báo Hà Giang)": or the source closing the piece.
// ("Trích Báo điện tử Đảng Cộng sản Việt Nam: …": the source opening the piece, no bracket; "[Chia sẻ] Báo Gia Lai: …": the
// sharing in brackets, the source after it.)
// Split in two: the source opening the piece is tried at the start alone; every other form names the source in brackets,
// so that scan runs only on a text with a "(" or a "[" (most messages have neither, and it would try every position).
const RE_PRESS_SOURCE_OPENS = /^\s*(?:trich|chia se|nguon|theo)\s*:?\s*(?:tu\s+)?(?:bao|tap chi|bao dien tu|cong thong tin dien tu)\s+[a-z][^\n]{0,60}:[ \t]*(?:\n|$)/;
// ("(Trang thông tin điện tử xã Hòa An)" closing the piece: the commune's own news page.)
const RE_PRESS_SOURCE_BRACKETED = new RegExp(`(?:^|\\n)\\s*["']?\\s*[[(]\\s*(?:(?:chia se|chuyen tiep|trich|nguon)\\s*(?:tu|:)?\\s*)?(?:bao|tap chi|bao dien tu|cong thong tin dien tu|trang thong tin dien tu|trang tin dien tu|dai)\\s+[a-z][^\\])\\n]{0,40}[\\])]|[[(]\\s*(?:theo|nguon\\s*:?)\\s*(?:bao|tap chi|bao dien tu|cong thong tin dien tu|dai|ttxvn|vtv|vov)${WORD_END}[^\\])\\n]{0,40}[\\])]\\s*\\.?\\s*$|^\\s*[[(]\\s*(?:chia se|chuyen tiep|trich|st)\\s*[\\])]\\s*(?:tu\\s+)?(?:bao|tap chi|bao dien tu|cong thong tin dien tu|dai)\\s+[a-z][^\\n:]{0,40}:`);
const RE_PROVINCE_WIDE = /\b(?:toan dang bo (?:tinh|huyen|thanh pho)|toan tinh|toan quoc|toan dang)\b/;
const RE_SOURCE_OPENS = /^\s*(?:theo|nguon:?)\s+(?:ban|bao|so|cuc|tinh uy|thanh uy|thong ke|so lieu|bao cao (?:cua|tong ket))\b/;
// ("NHỮNG ĐIỂM CẦN LƯU Ý VỀ …⏎(Bản tin sinh hoạt chi bộ số 3/2026 – Ban Xây dựng Đảng)": the bulletin named under the title.)
const RE_NEWS_OPENS = /^\s*(?:[[(]\s*)?(?:ban tin|tin xa nha|tin phuong nha|tin (?:xa|phuong|tuc|nhanh|vui)\b\s*[:\-–]|bai viet|goc chia se)\b|^[^\n]{0,160}\n(?:[ \t]*\n)?[ \t]*\((?:ban tin|trich ban tin|tap chi|dac san)\b/;
const RE_EXAMPLE_CELL = /\b(?:vi du|chang han|gia su)\b[^.\n]{0,30}\bmot (?:chi bo|thon|ban|xom|ap|to dan pho|khu pho|buon|lang)\b/;
const RE_CELL_SPEAKS = /\b(?:cb em|chi bo em|cb toi|chi bo toi|cb tui|chi bo tui|em bao cao|e bc|em bc|toi bao cao|chi bo chung toi)\b/;
const RE_IN_PASSING = /\b(?:don doc|trien khai|nhac nho|nhac|noi dung|nd)\b[^.\n]{0,60}\.?\s*$|\b(?:don doc|trien khai|nhac nho)\s+\S+/;

/** Signal words per form, on folded text: one pass, one group per form (in `ORDER`). */
const ORDER = ["monthly-meeting", "party-dues", "village-quarterly", "admissions", "annual-rating"] as const;
// "243h/1021k, HN 29, HCN 17": households over people (h/k), poor and near-poor households abbreviated, are the village's.
// One leading \b for every group: the same matches as a \b before each, and a much cheaper scan. The amounts share one
// "\d+": only the whole run of digits can be followed by what each wants ("312.000đ", "30k", "2 triệu", "7tr2").
const RE_SIGNALS = new RegExp(
  `${WORD_START}(?:` +
    [
      "(co mat|hien dien|vang(?! mat)|cm \\d|vm \\d|sh|shcb|shcd|sinh hoat|hop|nq|nghi quyet|(?<!thu )du \\d+\\s*\\/\\s*\\d+|dv du|chuyen de|tham du)",
      "(dp|dang phi|thu dp|dong dp|(?<!(?:van|thi|duc|minh|huu|dinh|ngoc|quang|xuan|cong|tien) )tien(?! (?:hanh|do|bo|toi|si|phong))|so tien|(?:phai|da|chua) thu(?! (?:dp|dang phi))|(?:de|giu) lai|nop (?:len |ve )?(?:dux|dang uy|cap tren|xa|du)|\\d+(?:(?:[.,]\\d{3})+\\s?(?:d|dong|vnd)|\\s?k|\\s?(?:nghin|ngan|trieu|tr)|tr\\d))",
      `((?<!(?:tong hop|bao cao|bc|gui|nop|thu|lam|chuyen|ghi|viet|dong) )ho(?! so)|\\d+\\s?h\\s*\\/\\s*\\d+(?:[.,]\\d{3})?\\s?k|(?:hn|hcn)(?=\\s*:?\\s*\\d)|khau|nhan khau|ho ngheo|can ngheo|km2|ha|dien tich|dt|pn|hpn|phu nu|nd|hnd|nong dan|ccb|cuu chien binh|dtn|chi doan|doan thanh nien|so lieu(?!(?: \\S+)? khac(?: \\S+){0,2} (?:gui|nop|bao cao|bc)${WORD_END})|thay doi|quy truoc|truong thon|csdl|co so du lieu|bien dong)`,
      "(ket nap|kn|cct|chuyen (?:dang )?chinh thuc|phat trien dang|dtts|(?:nguoi|dan toc) (?:tay|nung|dao|thai|mong|h'mong|muong|san chay|san diu|giay)|dan toc|ton giao|theo dao|doan vien|sinh vien|dv moi|dang vien moi)",
      "(xep loai|xl|danh gia|htxsnv|httnv|htnv|khtnv|htxs|htt|ht|kht|xs(?=\\s*:?\\s*\\d)|hoan thanh tot|hoan thanh xuat sac|khong hoan thanh|kiem diem)",
    ].map((g) => `${g}${WORD_END}`).join("|") +
    ")",
  "g",
);

/** How many numbers ("25", "312.000", "5,2") `f` holds, read by hand: a regex over every message costs more. */
function countNumbers(f: string): number {
  let n = 0;
  let i = 0;
  while (i < f.length) {
    const c = f.charCodeAt(i);
    if (c < 48 || c > 57) {
      i++;
      continue;
    }
    n++;
    i++;
    for (;;) {
      while (i < f.length && isDigitCode(f.charCodeAt(i))) i++;
      const sep = f.charCodeAt(i);
      if ((sep === 46 || sep === 44) && isDigitCode(f.charCodeAt(i + 1))) i += 2;
      else break;
    }
  }
  return n;
}

function isDigitCode(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** Words in `f`: one more than its spaces and line breaks (`indexOf` finds them faster than a loop over every character). */
function countWords(f: string): number {
  let n = 1;
  for (let i = f.indexOf(" "); i >= 0; i = f.indexOf(" ", i + 1)) n++;
  for (let i = f.indexOf("\n"); i >= 0; i = f.indexOf("\n", i + 1)) n++;
  return n;
}

/** Matches of the global `re` in `f`, counted up to `atMost` (most tests ask only whether there are two). */
function count(re: RegExp, f: string, atMost = Infinity): number {
  re.lastIndex = 0;
  let n = 0;
  while (n < atMost && re.test(f)) n++;
  return n;
}

/** How strongly the message reads as each form (counts of signal words). */
export function formSignals(f: string): Record<FormName, number> {
  const out: Record<FormName, number> = { "monthly-meeting": 0, "party-dues": 0, "village-quarterly": 0, admissions: 0, "annual-rating": 0 };
  RE_SIGNALS.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = RE_SIGNALS.exec(f))) {
    for (let i = 1; i <= ORDER.length; i++) {
      if (m[i] !== undefined) {
        out[ORDER[i - 1] as FormName]++;
        break;
      }
    }
  }
  return out;
}

// "VP ĐUX cho hỏi …", "Anh chị cho em hỏi …", "Các anh chị ơi cho em hỏi …": a few words of address, then asking.
// "Kính gửi Văn phòng Đảng ủy xã, chi bộ thôn Nà Pán xin hỏi: …", "Kính gửi VP Đảng ủy, chi bộ ấp Hòa Lợi hỏi: …": a
// formal address first, then the cell asks.
const ASKING =
  `(?:cho\\s+(?:e|em|minh|toi|tui|chau|to)\\s+hoi|cho hoi(?!\\s+(?:phu nu|pn|nong dan|nd|cuu chien binh|ccb|nguoi cao tuoi|khuyen hoc|chu thap|cha me|lhpn|hnd|hpn|vien)${WORD_END})|xin (?:phep )?hoi|hoi chut|hoi xiu|(?:e|em|minh)\\s+(?:muon|xin)\\s+hoi)${WORD_END}`;
// ("Chị Hằng văn phòng ơi cho em hỏi …": five words of the call before the asking.)
const RE_ASKING_OPENER = new RegExp(
  "^\\s*(?:\\W*\\s*)?(?:(?:kinh gui|gui|kinh thua|thua)\\s[^,:;.!?\\n]{0,60}[,:;\\n]+\\s*(?:[a-z0-9\\/]+[\\s,]+){0,7}?(?:" + ASKING +
    "|(?:(?:xin|muon)\\s+)?hoi\\s*:)|(?:[a-z0-9\\/]+[\\s,]+){0,5}?" + ASKING + ")",
);
// "Chị ơi …", "Các anh chị ơi, …", "Anh Tuấn ơi …": the message opens by calling someone.
const RE_VOCATIVE = /^\s*(?:\W*\s*)?(?:(?:cac|ca nha|moi nguoi)\s+)?(?:anh chi|anh|chi|em|a|c|e|dong chi|dc|d\/c|bac|chu|co|ban|bot|ad|admin|van phong|vp)(?:\s+[a-z]+){0,2}?\s+oi\b[\s,!.]*/;
// A clause that ends by asking: "… nộp cho ai ạ", "… ghi sao ạ", "… đã nộp xã chưa ạ".
const RE_ASKS_AT_END =
  /\b(?:ai|dau|gi|sao|bao nhieu|bao gio|the nao|nhu nao|(?:ngay|hom|khi|luc|thang|cai|ben|cach|so|mau) nao|chua|(?:duoc|dc) (?:khong|ko|k)|(?:dung|phai) (?:khong|ko|k)|hay (?:khong|ko|chua))\s*(?:a|ah|vay|nhi|the|ha|nhe|day)?\s*$/;
// A clause closed by asking, with the particle a question ends on: "… đóng thế nào không ạ", "… ghi vào đâu vậy".
const RE_CLAUSE_ASKS =
  /\b(?:the nao|nhu nao|ra sao|bao nhieu|bao gio|ai|dau|gi|(?:ngay|hom|khi|luc|thang|cai|ben|cach|so|mau) nao|(?<!da )chua|khong|ko|hok)\s+(?:a|ah|vay|nhi)\s*$/;
const RE_ASK_PARTICLE_END = /\b(?:a|ah|vay|nhi)$/;
// Where the first clause ends.
const RE_CLAUSE_END = /[,.;!\n]/;
// ("… vẫn như quý trước không thay đổi gì ạ": nothing changed, told.)
const RE_NOBODY_END = /\b(?:khong|ko|k|chua|chang)\s+(?:[a-z]+\s+){0,3}(?:ai|gi)\s+(?:a|ah|het|ca)$/;
// What the cell did and counted ("có mặt 20", "đã thu", "kết nạp được"): a report's voice, not a question's.
const RE_ASKS_WHETHER = /\b(?:co|co phai|co tinh|co can|co duoc)\b[^?.\n]{0,60}\b(?:khong|ko|k|chua)\s*(?:a|ah|vay|nhi|chi|anh)?\s*[?,]|\b(?:mong|xin|nho)\s+(?:vp|van phong|anh|chi|dc|d\/c)?\s*huong dan\b/;
// ("Văn phòng Đảng ủy xã … xác nhận: đã nhận đảng phí tháng 5 của Chi bộ …": the office's receipt of what the cell did.)
// ("Chi bộ nào quý 1 chưa kết nạp được ai thì báo cáo lý do": a cell supposed, none that did.)
const RE_OPINION_ASKED = /(?:^|\n)[ \t]*v\/v xin y kien\b|\bxin y kien (?:van phong|vp|dang uy|thuong truc|ban thuong vu|btv)\b/;
const RE_RESULT_VOICE =
  new RegExp(`${WORD_START}(?:co mat\\s*:?\\s*\\d+|\\d+\\s*\\/\\s*\\d+\\s*(?:dv|dang vien|d\\/c|dc|dong chi)?\\s*(?:co mat|tham du|du hop)|vang\\s*:?\\s*\\d+|da (?:sh|sinh hoat|hop|to chuc|thu|nop|ket nap|dong)|thu duoc|thu du|(?<!${WORD_START}(?:nao|neu)${WORD_END}[^.;\\n]{0,30})ket nap duoc|xep loai dv(?![^,.;\\n]{0,16}${WORD_START}truoc${WORD_END})|(?:sh|sinh hoat|hop)\\s+(?:ngay|toi|hom|luc)\\s*\\d+|(?:xac nhan|ghi nhan)\\s*:?\\s*(?:da nhan|chi bo))${WORD_END}`);

/**
 * A message that opens by asking ("VP ĐUX cho hỏi …", "Chị ơi đảng phí tháng 4 này nộp cho ai ạ, …"), whatever
 * figures the question quotes: a question, unless what follows reports what the cell did.
 */
function opensAsking(f: string, mark: boolean, asked: boolean): boolean {
  if (f.includes("hoi") && RE_ASKING_OPENER.test(f)) {
    // "Chị ơi cho em hỏi xíu, cb em tháng 7 đã thu 21/22 đ/c, … Vậy số phải đóng ghi 21 hay 22 ạ? Tiền hiện có
    // 210.000đ.": asked outright ("?" closing a sentence), what the question rests on told before it; a report would
    // follow the question with its figures.
    if (mark || (asked && !reportsAfterAsking(f))) return true;
    return !RE_RESULT_VOICE.test(f) || !reportsBesideAsking(f);
  }
  // "Đ/c nào biết đp của đv đi XKLĐ thì đóng thế nào không ạ, bên em có đ/c … nộp hộ 30k/tháng": the first clause
  // asks (a question word, then "ạ"/"vậy"/"nhỉ"), the rest tells what the question is about.
  if (!mark) {
    const end = f.search(RE_CLAUSE_END);
    const head = end > 0 ? f.slice(0, end).trimEnd() : "";
    // "buôn Tring quý 3 ko kết nạp đc ai ạ, …": "không … ai" is nobody, told, not asked.
    if (RE_ASK_PARTICLE_END.test(head.slice(-5)) && RE_CLAUSE_ASKS.test(head) && head.split(" ").length >= 5 && !RE_NOBODY_END.test(head)) return !RE_RESULT_VOICE.test(f);
  }
  if (!f.includes("oi")) return false;
  const v = RE_VOCATIVE.exec(f);
  if (!v) return false;
  const rest = f.slice(v[0].length);
  const end = rest.search(/[,.;?!\n]/);
  const first = end < 0 ? rest : rest.slice(0, end);
  // "Anh ơi, số liệu quý 3 thôn em như vầy đúng mẫu chưa ạ? Thôn Khe Mạ: 187 hộ, 802 khẩu, …": asked, then reported.
  if (RE_ASKS_AT_END.test(first) || (end >= 0 && rest[end] === "?")) return !RE_RESULT_VOICE.test(rest) && !reportsBesideAsking(rest);
  // "Chị Hoa VP ơi, quý này thôn em báo 12 mà xã ghi 14, giờ em báo theo số nào ạ? …": the first sentence after the
  // call, whatever its clauses, closes with "?".
  const stop = rest.search(/[!?\n]|\.(?!\d)/);
  if (stop >= 0 && rest[stop] === "?") return !reportsBesideAsking(rest);
  // "a ơi quý này thôn e sáp nhập với thôn Tân Lập, tổng 410 hộ, thì báo cáo quý 3 ghi tên thôn mới hay cả 2 thôn ạ":
  // the call, then one long sentence (or its last) that ends by asking, with nothing the cell did.
  const last = lastSentence(rest).replace(RE_THANKS_END, "");
  return RE_SENTENCE_ASKS_END.test(last) && !RE_RESULT_VOICE.test(rest) && !reportsBesideAsking(rest.replace(RE_THANKS_END, ""));
}

/**
 * After the last "?", a report: more than three figures, and either the cell's voice ("bc", "đã thu", "có mặt 20") or
 * more figures than the question quoted ("… đúng mẫu chưa ạ? Thôn Khe Mạ: 187 hộ, 802 khẩu, hộ nghèo 21, …").
 */
function reportsAfterAsking(f: string): boolean {
  const at = f.lastIndexOf("?");
  const after = f.slice(at + 1);
  const n = figures(after);
  return n > 3 && (RE_RESULT_VOICE.test(after) || /\b(?:bao cao|bc)\b/.test(after) || n > figures(f.slice(0, at)));
}

// "…, em cảm ơn anh", "… ạ. Cảm ơn VP!": thanks closing the message.
const RE_THANKS_END = new RegExp(`[\\s,.;!]*${WORD_START}(?:(?:e|em|minh|toi|chau)\\s+)?(?:xin\\s+)?(?:cam on|thanks|thank you|tks)(?:\\s+[a-z]+){0,3}?[\\s.!]*$`);

/** The last sentence of `f` (a dot between digits closes none). */
function lastSentence(f: string): string {
  const t = f.trimEnd().replace(/[.!\s]+$/, "");
  let at = -1;
  for (let i = t.length - 1; i >= 0; i--) {
    const c = t[i];
    if (c === "?" || c === "!" || c === "\n" || (c === "." && !/\d/.test(t[i + 1] ?? ""))) {
      at = i;
      break;
    }
  }
  return t.slice(at + 1);
}

// A sentence, its closing mark kept ("…?", "…."; a dot between digits closes none).
const RE_SENTENCE = /[^!?\n.]*(?:\.\d[^!?\n.]*)*(?:[!?\n]+|\.(?!\d)|$)/g;
// A sentence that ends by asking without a mark: "… thì em thu bao nhiêu ạ", "… chỉ được 4-5 thôi phải k ạ",
// "… thì ghi 212 hay 252 ạ" (which of two).
const RE_SENTENCE_ASKS_END =
  /\b(?:(?:ai|dau|gi|sao|bao nhieu|bao gio|the nao|nhu nao|(?:ngay|hom|khi|luc|thang|cai|ben|cach|so|mau) nao|(?:duoc|dc) (?:khong|ko|k)|hay (?:khong|ko|chua)|(?:dung|phai) (?:khong|ko|k|hok|chua))\s*(?:a|ah|vay|nhi|the|ha|nhe|day|anh|chi)?|(?:sao|the nao|nhu nao|bao nhieu)(?:\s+[a-z]+){1,3}\s+(?:a|ah|vay|nhi)|hay\s+(?:la\s+)?(?:[a-z0-9,]+\s+){1,4}(?:a|ah|vay|nhi)|co (?:duoc|dc|phai|can)\s+(?:[a-z0-9,]+\s+){0,6}(?:khong|ko|k|hok)(?:\s+(?:a|ah|vay|nhi))?)\s*[.!]*\s*$/;

/**
 * What the message says beside its asking reports something: the sentences that do not ask (closed by "?", or ending
 * on a question word) tell what the cell did ("đã thu", "có mặt 20") or give more than three figures.
 * "VP cho e hỏi … có được tính là đã kết nạp k ạ? Nếu tính thì quý này cb e kết nạp 2, k thì chỉ 1 ạ": nothing but
 * the question's own case.
 */
function reportsBesideAsking(f: string): boolean {
  let told = "";
  RE_SENTENCE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while (RE_SENTENCE.lastIndex < f.length && (m = RE_SENTENCE.exec(f))) {
    const s = m[0];
    if (s === "") RE_SENTENCE.lastIndex++;
    else if (!s.includes("?") && !RE_SENTENCE_ASKS_END.test(s)) told += ` ${s}`;
  }
  return RE_RESULT_VOICE.test(told) || figures(told) > 3;
}

// "Các chi bộ nộp đảng phí quý III … trước ngày 10/10", "Lưu ý các chi bộ: …", "Chi bộ nào chưa nộp … đề nghị nộp bù",
// "Đề nghị các thôn gửi số liệu quý IV …", "Các đồng chí bí thư chi bộ thôn gửi …", "các cb hoàn thành …": the committee's word to every cell
// (or every village, every secretary); no cell reports to "các chi bộ".
const RE_TO_CELLS =
  new RegExp(`${WORD_START}(?:cac (?:chi bo|cb)|chi bo nao|moi chi bo|cac (?:thon|ap|ban(?! nganh| cong tac| chi dao| chap hanh)|buon|khom|xom|to dan pho|tdp|khu pho)|(?:cac|de nghi|moi) (?:dc|d\\/c|dong chi) bi thu)${WORD_END}`);
const RE_INSTRUCTS = new RegExp(`${WORD_START}(?:truoc ngay|truoc \\d{1,2}\\s*\\/\\s*\\d{1,2}|han (?:nop|cuoi|chot)|cham nhat|de nghi|yeu cau|can(?! ngheo)|phai|luu y|khan truong|nop bu|it nhat|toi thieu)${WORD_END}`);
const RE_OPENS_TO_CELLS =
  new RegExp(`^\\s*(?:\\W*\\s*)?(?:luu y|nhac|nhac nho|de nghi|yeu cau|gui|kinh gui)\\s+(?:toan the\\s+)?(?:cac chi bo|cac (?:dc|d\\/c|dong chi) bi thu|cac (?:thon|ap|ban|buon|khom|xom|to dan pho|tdp|khu pho)${WORD_END})`);
const RE_CELL_DID = new RegExp(`${WORD_START}(?:co mat\\s*:?\\s*\\d|da thu|thu duoc|da nop|vang \\d|ket nap duoc|da ket nap|da (?:sh|sinh hoat|hop))${WORD_END}`);
// "Chỉ tiêu năm 2027 ĐUX giao chi bộ … kết nạp 2 đảng viên, đề nghị chi bộ lập danh sách": a target handed down.
const RE_ASSIGNS = /\b(?:giao (?:cho )?chi bo|de nghi chi bo|yeu cau chi bo)\b/;

/** "HTXS 4", "htt: 35": members counted at a level, what a rating report gives and no notice does. */
export const RE_LEVELS_COUNTED = /\b(?:htxs|htt|kht)\s*:?\s*\d+\b/;

// "VP ĐU thông báo: hạn gửi số liệu …", "Thông báo của Đảng ủy xã: …", "[Chuyển tiếp từ VP Đảng ủy] …": the committee
// speaking, to every cell.
const RE_COMMITTEE_SPEAKS =
  new RegExp(`^\\s*(?:\\W*\\s*)?(?:(?:chao|kinh gui|gui|xin chao)\\s+(?:cac|ca nha|toan the|moi nguoi)${WORD_END}[^,.:;!?\\n]{0,40}[,.:;!\\n]+\\s*)?(?:(?:chuyen tiep|fw|fwd)\\s+(?:tu\\s+)?(?:vp|van phong|dang uy|dux|du)${WORD_END}|(?:thong bao|tb)\\s+(?:cua\\s+)?(?:vp|van phong|dang uy|dux|btv|ban thuong vu|ubkt|ban to chuc)${WORD_END}|(?:vp|van phong|dang uy|dux|du|btv|ban thuong vu)(?:\\s+(?:dang uy|du|dux)){0,1}(?:\\s+(?:xa|phuong|thi tran)(?:\\s+[a-z]+){0,3}?)?\\s+(?:thong bao|tb|nhac|luu y|de nghi|yeu cau|huong dan|kinh gui|gui (?:cac|toan the))${WORD_END})`);
// "Tổng toàn xã 3.412 hộ …", "toàn đảng bộ có 412 đảng viên": figures of the whole commune, no cell's.
// "… số liệu quý 2 của 11/12 thôn", "các chi bộ", "VP ĐUX đã nhận đủ": the cells counted over, or the office tallying them.
const RE_ACROSS_CELLS =
  new RegExp(`${WORD_START}(?:\\d+\\s*\\/\\s*\\d+|cac|tat ca)\\s+(?:thon|ap|ban|xom|buon|khom|to dan pho|tdp|khu pho|chi bo)${WORD_END}|${WORD_START}(?:vp|van phong|dang uy|dux)(?:\\s+(?:dang uy|du|dux|xa|phuong))?\\s+(?:da\\s+)?(?:nhan|tong hop)${WORD_END}`);

/**
 * A notice to every cell ("Đề nghị các chi bộ …", "TB: … ĐU xã tổ chức lớp bồi dưỡng …, các chi bộ cử người đi học")
 * is the committee's directive; a notice to the cell's own members ("các đ/c nhớ nộp …", "chi bộ họp …") a notice.
 */
function noticeOrDirective(f: string): "notice" | "directive" {
  return RE_COMMITTEE_SPEAKS.test(f) || RE_TO_CELLS.test(f) || RE_ASSIGNS.test(f) ? "directive" : "notice";
}

/** A directive, plan or target passed down to the cells, with nothing the cell did. */
export function isDirective(f: string): boolean {
  if (!f.includes("chi bo") && !f.includes("cac cb")) return false;
  return ((RE_TO_CELLS.test(f) && RE_INSTRUCTS.test(f)) || (RE_ASSIGNS.test(f) && !RE_RESULT_GIVEN.test(f))) && !RE_RESULT_VOICE.test(f);
}

// "ĐUX giao chi bộ thôn X kết nạp 3 đv năm 2026. Kết quả quý 2: kết nạp 1 đ/c …": the cell's result against its target.
// ("TÓM TẮT SỐ LIỆU TỔ DÂN PHỐ ĐÔNG HẢI - QUÝ IV/2026 (Tổng hợp từ báo cáo của chi bộ …) … Đề nghị chi bộ rà soát …": the
// office's summary of one cell's report, a remark after it.)
const RE_RESULT_GIVEN = /\b(?:ket qua|kq)\b[^.:;\n]{0,40}:\s*[a-z0-9]|\b(?:tom tat|tong hop)\s+(?:so lieu|tinh hinh|ket qua)\b|\btong hop tu bao cao\b/;

// What the cell did, which no notice tells ("xếp loại đv năm 2026 xong trước 20/12" sets a deadline); "ghi rõ số đã thu, số chưa thu" names a column to fill in.
// "chi bộ nào đã thu xong đề nghị nộp sớm" supposes; "đề nghị các đ/c có mặt đầy đủ" exhorts.
// ("Tháng trước có mặt 21/23, tháng này đề nghị …", "Tháng 4 có mặt 24/26, …": last month's count, no meeting held.)
// "sh chi bộ tháng 4 vào 19h30 tối mùng 5/4 …. Tháng 3 có mặt 29/31, vắng 2 có lý do, tháng này đề nghị …": the count of
// the month before the one the notice calls, quoted to urge the members, is none of a report (its sentence left out).
const RE_MONTH_BEFORE_COUNTED = /\bthang (\d{1,2})(?: (?:chi bo|cb|vua qua|truoc))? co mat[^.;\n]*/;
const RE_MEETING_MONTH = /\b(?:sh|sinh hoat|hop)(?: chi bo| cb)?(?: thuong ky| dinh ky)? thang (\d{1,2})\b/;
// "Thông báo: … Tháng trước có mặt 22/26, vắng 4 (2 ko lý do) là thấp, tháng ni cố đi đủ": last month's figures quoted
// in a notice, a sentence of their own, tell nothing done this time.
// ("3. Ví dụ: chi bộ có 30 đảng viên, thu được 450.000 đ/quý thì nộp 315.000 đ": a directive's worked example too.)
const RE_LAST_TIME_SENTENCE = /(?:^|[.!?\n]\s*)(?:(?:thang|ky|lan|buoi) truoc\b|(?:\d{1,2}[.)]\s*)?(?:vi du|vd)\s*:)[^.!?\n]*/g;
const RE_TO_ALL_CELLS = /\bkinh gui\s*:?\s*(?:cac|toan the|tat ca)\s+chi bo\b/;
function withoutLastTime(f: string): string {
  return f.includes("truoc") || f.includes("vi du") || f.includes("vd") ? f.replace(RE_LAST_TIME_SENTENCE, " ") : f;
}
function withoutMonthBefore(f: string): string {
  const quoted = f.includes("co mat") ? RE_MONTH_BEFORE_COUNTED.exec(f) : null;
  const called = quoted ? RE_MEETING_MONTH.exec(f) : null;
  if (!quoted || !called || Number(called[1]) !== (Number(quoted[1]) % 12) + 1) return f;
  return f.slice(0, quoted.index) + f.slice(quoted.index + quoted[0].length);
}
const RE_NOTICE_BUT_DONE = new RegExp(`${WORD_START}(?:(?<!(?:thang|ky|lan) truoc\\s|thang \\d{1,2}\\s)co mat(?! (?:day du|dong du|du|dung gio)${WORD_END})|(?<!(?:so|nao|neu) )da thu|thu duoc|(?<!(?:so|nao|neu|cac chi bo) )da nop|vang \\d+(?! (?:thang|lan|ky|buoi|nam))|ket nap duoc|xep loai dv(?![^,.;\\n]{0,16}${WORD_START}truoc${WORD_END}))${WORD_END}`);

// "THÔNG BÁO Kết quả xếp loại chất lượng Chi bộ ấp … Căn cứ Báo cáo số 05-BC/CB ngày 18/12/2025 của Chi bộ ấp …: chi bộ có
// 27 đảng viên; xếp loại …": the committee's notice quoting the cell's own report, read as that report.
const RE_QUOTES_CELL_REPORT = /\b(?:can cu|qua tham dinh|theo)\s+bao cao\s+(?:so\s+\S+\s+)?(?:ngay\s+\S+\s+)?cua\s+chi bo\b[^:\n]{0,60}:/;

// "Chúc mừng chi bộ thôn Vân Trì … 5 đồng chí HTXS là rất đáng khen!": praise of a result someone else reported, no
// report (one that says it reports, "báo cáo", "kết quả", still is). "Chúc mừng năm mới các anh chị ạ. Em báo đảng phí
// tháng 12 …": a greeting of the season or the day opens a report.
const PRAISE_OPENS = `^\\W*(?:xin\\s+|nhiet liet\\s+)?(?:chuc mung|hoan nghenh|bieu duong|khen ngoi)${WORD_END}`;
const RE_PRAISE_OPENS = new RegExp(`${PRAISE_OPENS}(?!\\s+(?:nam moi|xuan|tet|ngay|nhan dip|ky niem|sinh nhat|giang sinh))`);
const RE_PRAISE_OR_GREETING_OPENS = new RegExp(PRAISE_OPENS);
const RE_REPORT_SAID = /\b(?:bao cao|bc|ket qua|kq|so lieu)\b/;

/**
 * The message opens with praise and says nothing of reporting. `greetings`: a greeting of the season or the day
 * ("Chúc mừng năm mới …") counts as praise too — the annual rating's reader has always refused those; the gate lets
 * them open a report of any form.
 */
export function praisesOnly(f: string, greetings = false): boolean {
  // "Thay mặt Thường trực Đảng ủy xã, Văn phòng biểu dương Chi bộ thôn …": the praise after who gives it.
  const on = RE_ON_BEHALF.exec(f);
  const said = on ? f.slice(on[0].length) : f;
  const office = on ? RE_OFFICE_PRAISING.exec(said) : null;
  return (greetings ? RE_PRAISE_OR_GREETING_OPENS : RE_PRAISE_OPENS).test(office ? said.slice(office[0].length) : said) && !RE_REPORT_SAID.test(f);
}
const RE_ON_BEHALF = /^\W*thay mat\s[^,.:;!?\n]{0,60},\s*/;
const RE_OFFICE_PRAISING = /^(?:vp|van phong|dang uy|dux|du|btv|ban thuong vu|thuong truc)(?:\s+[a-z]+){0,5}?\s+(?=(?:xin\s+|nhiet liet\s+)?(?:chuc mung|hoan nghenh|bieu duong|khen ngoi)\b)/;
// "… Năm nay chắc chi bộ chỉ được HTT thôi, dự kiến có 3 đ/c HTXS. Tuần sau em gửi số liệu xếp loại đầy đủ ạ": the
// figures guessed, the report itself promised for later.
const RE_SENDS_LATER =
  new RegExp(`${WORD_START}(?:tuan sau|tuan toi|ngay mai|mai|chieu nay|toi nay|hom sau|lat nua|(?:it|vai|may) hom nua|sau do)\\s+(?:(?:em|e|minh|toi|cb|chi bo)\\s+)?(?:se\\s+)?(?:gui|bao cao|bc|nop|bo sung)\\s+(?:(?:lai|ve|len)\\s+)?(?:so lieu|bao cao|bc|ket qua|kq)${WORD_END}|${WORD_START}(?:em|e|minh)\\s+(?:se\\s+)?(?:gui|bao cao|bc)\\s+(?:so lieu|bao cao|ket qua|kq)(?:\\s+[a-z]+){0,4}\\s+sau${WORD_END}`);
// A guess before the figure or level it guesses: "chắc chi bộ chỉ được HTT", "dự kiến có 3 đ/c HTXS", "khoảng 25 đ/c".
// What the cell did, told firmly ("chắc thu được khoảng 25 đ/c" is a guess).
const RE_TOLD_DONE = new RegExp(`${WORD_START}(?:co mat|vang)\\s*:?\\s*\\d|${WORD_START}da (?:thu|nop|dong|sh|sinh hoat|hop|ket nap|xep loai)${WORD_END}`);
const RE_GUESSED =
  /\b(?:chac|co le|du kien|du tinh|uoc tinh|khoang)\s+(?:(?:chi bo|cb|co|duoc|la|chi|se|thu|dong|tam)\s+){0,3}(?:\d|htxs|htt|ht|kht|hoan thanh)/;

/** Praise of a result, or figures guessed with the report promised for later: chatter, not a report. */
function isChatter(f: string, numbers: number): boolean {
  if (praisesOnly(f)) return true;
  // "có mặt 20/22, dự kiến …, mai em gửi báo cáo đầy đủ": what the cell did is told, a report.
  return numbers <= 3 && (f.includes("gui") || f.includes("bao cao") || f.includes("bc")) && RE_GUESSED.test(f) && RE_SENDS_LATER.test(f) && !RE_TOLD_DONE.test(f);
}

// "… vậy đúng hông", "… theo mẫu mới hả, …", "có cần làm lại hông": the South's "hông"/"hôn" (không) and "hả"/"hở"
// (phải không) closing a question. Only with their marks: "hong" bare may be "Hồng".
const RE_SOUTHERN_ASK = /(?<!\p{L})(?:hông|hôn|hả|hở)(?=\s*(?:[,.;!?\n]|$|\s(?:a|ạ|anh|chị|em|vậy|nha|nghen)(?!\p{L})))/giu;
const RE_SOUTHERN_HINT = /\b(?:hong|hon|ha|ho)\b/;

/** The folded text with the South's closing particles said as the North says them, for the question patterns. */
function askedAsInTheNorth(p: Prepared): string {
  if (!RE_SOUTHERN_HINT.test(p.f)) return p.f;
  const t = p.text.replace(RE_SOUTHERN_ASK, (w) => (/^h[ảở]/iu.test(w) ? "phải không" : "không"));
  return t === p.text ? p.f : foldSameLength(t);
}

/** A question, a notice, a directive, a general paragraph or chatter; null when the message may be a report. */
export function nonReportKind(p: Prepared): "question" | "notice" | "directive" | "article" | "chatter" | null {
  const f = askedAsInTheNorth(p);
  const numbers = countNumbers(f);
  if (isChatter(f, numbers)) return "chatter";
  const mark = f.includes("?") && RE_QUESTION_MARK.test(f);
  // "… theo số liệu của xã hay tự thôn đếm ạ? Thôn em mới tách 3 hộ": a question, then a remark.
  const asked = mark || (f.includes("?") && RE_SENTENCE_ASKED.test(f));
  // "… có mặt hai mươi mốt trên hai mươi bốn vắng ba …": a spoken report counts in words, not digits.
  if (numbers <= 1 && (asked || RE_QUESTION_WORDS.test(f)) && !RE_COUNTED_PRESENT.test(f)) return "question";
  if (mark && numbers <= 3 && countWords(f) <= 20 && !RE_REPORT_VOICE.test(f)) return "question";
  if (mark && RE_ASKING.test(f) && !RE_REPORT_VOICE.test(f)) return "question";
  // "Chi bộ em có 2 đ/c được miễn sinh hoạt … Vậy 2 đ/c này có phải đóng đảng phí nữa không ạ? … Em cảm ơn VP": the cell's
  // own figures as the ground of a question, asked outright, nothing done reported.
  if (f.includes("?") && numbers <= 3 && RE_ASKS_WHETHER.test(f) && !RE_RESULT_VOICE.test(f)) return "question";
  if (opensAsking(f, mark, asked)) return "question";
  // "V/v xin ý kiến cách tổng hợp số liệu thôn … chi bộ xin ý kiến Văn phòng về một số nội dung: 1. … 231 hay 236? …": a
  // formal letter asking the office, its figures those of the questions.
  if (mark && f.includes("xin y kien") && RE_OPINION_ASKED.test(f) && !RE_RESULT_VOICE.test(f)) return "question";
  // "Chi bộ thôn Vạn Lộc xin hỏi về cách ghi số liệu quý IV/2025: … vậy số dự bị quý IV ghi 0 hay 1? Đề nghị Ban hướng dẫn",
  // "… xin hỏi Văn phòng mấy nội dung sau: 1. … ?": the cell asking the office how to report, its figures the questions'.
  if (f.includes("?") && f.includes("xin hoi") && RE_ASKS_HOW.test(f) && !RE_RESULT_VOICE.test(f)) return "question";
  // "Chi bộ … chuẩn bị báo cáo … quý II/2026, nhưng có mấy điểm chưa rõ, xin Văn phòng hướng dẫn: 1. … 590 hay 637? … Chi bộ sẽ
  // gửi báo cáo ngay khi nhận được hướng dẫn", "… xin hỏi về biểu …: … Chi bộ chưa gửi biểu, chờ hướng dẫn …": guidance asked
  // before the report is sent; its figures are the questions'.
  if (f.includes("?") && f.includes("huong dan") && RE_GUIDANCE_ASKED.test(f) && RE_REPORT_NOT_SENT.test(f) && !RE_RESULT_VOICE.test(f)) return "question";
  if (mark && asksAfterItsGround(f)) return "question";
  // "… đóng bao nhiêu 1 tháng ạ? em tính 0,5% ra 30k có đúng k": asking, with the figures of the question.
  if (numbers <= 5 && f.includes("?") && RE_QUESTION_WORDS.test(f) && !RE_REPORT_VOICE.test(f)) return "question";
  // "… chi bộ thu hay bên huyện thu ạ? em đã thu 45k rồi": a question first, then a short remark.
  if (asked && opensWithQuestion(f)) return "question";
  // "Chi bộ em 31 đv, HTXS được tối đa bao nhiêu đ/c ạ? Em tính 20% của HTT 23 là 4 đ/c, có đúng không ạ?": every
  // sentence asks; the figures are the question's.
  if (mark && asksInEverySentence(f)) return "question";
  if (mark && asksOnItsFigures(f, RE_THEN_ASKS)) return "question";
  // "… thu 20/22 dc, 2 dc đi làm xa nộp sau, thì báo cáo ghi 20 hay 22 được không ạ": the same without the mark, the
  // message closing on the particle, and nothing done in the cell's voice.
  if (!f.includes("?") && f.includes("thi") && closesOnParticle(f) && asksOnItsFigures(f, RE_THEN_ASKS_UNMARKED) && !RE_RESULT_VOICE.test(f)) return "question";
  // "Diện tích ghi theo km2 hay ha ạ, em chỉ có số liệu 560 ha thôi": asking which, first.
  if (numbers <= 3 && f.includes("hay") && RE_WHICH_FIRST.test(f)) return "question";
  // "VP ĐUX đã nhận đủ số liệu quý 2 của 11/12 thôn … Tổng toàn xã 3.412 hộ …": the committee's summary to the cells.
  if ((f.includes("toan ") || f.includes("ca ")) && RE_COMMUNE_WIDE.test(f) && RE_ACROSS_CELLS.test(f)) return "directive";
  // ("ĐẢNG BỘ XÃ …\nVĂN PHÒNG ĐẢNG ỦY\n…\nTHÔNG BÁO\nVề việc …", "…\nGIẤY MỜI\nKính gửi …": the title on its own line under a letterhead.)
  if ((f.includes("giay ") || f.includes("ve viec") || f.includes("trieu tap") || f.includes("lich ")) && RE_SUMMONS_TITLE_LINE.test(f)) return noticeOrDirective(f);
  if ((RE_NOTICE_HEAD.test(f) || RE_COMMITTEE_SPEAKS.test(f) || ((f.includes("thong bao") || f.includes("giay moi")) && RE_NOTICE_TITLE_LINE.test(f))) && !RE_NOTICE_BUT_DONE.test(withoutLastTime(withoutMonthBefore(f))) && !(f.includes("bao cao") && RE_QUOTES_CELL_REPORT.test(f))) return noticeOrDirective(f);
  // RE_NOTICE_BODY alone: a pre-test of the words it opens on scans the text as long, and one text in six holds one.
  // "có mặt 20/22, dự kiến họp bổ sung …": a count of two digits is a count too (the whole number before the word's end).
  // ("Chi bộ … báo cáo công tác phát triển đảng quý IV: … chi bộ sẽ họp xét trong tháng 01": the report, a plan after it;
  // "… HTXS 4 (9,5%), HTT 35 …; Đảng ủy sẽ họp xét lại vào 05/01/2027": the levels counted, the committee's step after.)
  // ("đv 12/13, vắng Út Nhỏ đi ghe biển": the members counted present out of those due, label first, is a meeting held;
  // "Nhỏ đi", folded, reads "nhớ đi".)
  if (RE_NOTICE_BODY.test(f) && !RE_DEVELOPMENT_REPORT.test(f) && !/\b(?:co mat\s*:?\s*\d+|\d+\s*\/\s*\d+\s*(?:dv|dang vien|d\/c|dc)?\s*co mat|(?:dv|dang vien)\s*:?\s*\d{1,3}\s*\/\s*\d{1,3}(?![\d/])|da thu|thu duoc|vang \d+|ket nap duoc|da ket nap|(?<!so )da nop (?:len |ve )?(?:vp|van phong|dux|dang uy|du|xa|phuong|cap tren))\b/.test(f) && !RE_LEVELS_COUNTED.test(f)) return noticeOrDirective(f);
  // "V/v xác nhận số liệu thôn quý IV/2025 … Số liệu đã được nhập vào hệ thống như sau: thôn Đông Cao có 389 hộ, …": the
  // office confirming the figures a cell sent, quoted whole, asks only that the cell check them: the cell's report.
  if (f.includes("xac nhan") && RE_CONFIRMS_FIGURES.test(f) && countNumbers(f) >= 8) return null;
  if (isDirective(f)) return "directive";
  // "Số 21-HD/ĐU … HƯỚNG DẪN⏎Thu, nộp, quản lý đảng phí năm 2026": the committee's guide (or instruction, "-CT/") by its own
  // number or its title on a line of its own, whatever figures it sets; a report citing one ("Thực hiện Hướng dẫn số …") is
  // numbered "-BC/".
  if ((f.includes("hd/") || f.includes("ct/") || f.includes("huong dan\n") || f.includes("chi thi\n")) && RE_GUIDE_DOCUMENT.test(f)) return "directive";
  // "Lưu ý các chi bộ: xếp loại đv năm 2026 theo QĐ 366 …; nộp biểu về VP trước 30/12": opened as a word to every cell,
  // what follows is the topic of the instruction, not a result, unless the text counts what a cell did.
  if (RE_OPENS_TO_CELLS.test(f) && RE_INSTRUCTS.test(f) && !RE_CELL_DID.test(f)) return "directive";
  // "Số 15-CV/VPĐU … Kính gửi: Các chi bộ trực thuộc. … Văn phòng Đảng ủy đề nghị các chi bộ: …; Ví dụ: chi bộ có 30 đảng
  // viên, thu được 450.000 đ …": the office's letter to every cell asks; the figures of its example are no cell's.
  if (f.includes("kinh gui") && f.includes("de nghi cac chi bo") && RE_TO_ALL_CELLS.test(f) && !RE_CELL_DID.test(withoutLastTime(f))) return "directive";
  // "[Chuyển tiếp] Hướng dẫn …": a text passed on, not the cell's own report.
  // ("Fw từ CB KP Tân Long - xếp loại 2026:", "Chuyển tiếp báo cáo của chi bộ …": a cell's report passed on is a report.)
  if (RE_FORWARDED.test(f) && !RE_REPORT_VOICE.test(f) && !RE_FROM_CELL.test(f)) return "article";
  // "[Chia sẻ từ Báo Nghệ An] …", "(Báo Lâm Đồng) Đến cuối quý II/2026, xã Đam Rông có 3.245 hộ …": a newspaper's piece
  // passed on, whatever figures it quotes, when no cell speaks in it.
  if (citesPress(f) && !RE_CELL_SPEAKS.test(f)) return "article";
  // "BẢN TIN XÃ SỐ 6/2026 – …", "Tin xã nhà: Sau 6 tháng đầu năm, toàn xã …": the commune's news, whatever figures it gives.
  if (RE_NEWS_OPENS.test(f) && !RE_CELL_SPEAKS.test(f)) return "article";
  // "Theo Ban Tổ chức Tỉnh ủy, năm 2025 toàn Đảng bộ tỉnh kết nạp 2.315 đảng viên mới, …": the province's figures, told
  // by a source, not a cell's.
  if (f.includes("toan") && RE_PROVINCE_WIDE.test(f) && RE_SOURCE_OPENS.test(f) && !RE_CELL_SPEAKS.test(f)) return "article";
  const words = countWords(f);
  // "… Ví dụ một thôn miền núi quy mô nhỏ có khoảng 150 hộ, 600 nhân khẩu …", "Chẳng hạn, một chi bộ 32 đảng viên có 05 đồng
  // chí HTXS …": a piece on the work whose figures are an example of "a" cell, not a cell's own ("số liệu", "kết quả" in it
  // are the topic's words).
  if (words >= 60 && RE_EXAMPLE_CELL.test(f) && !RE_CELL_SPEAKS.test(f) && count(RE_ARTICLE_WORDS, f, 2) >= 2) return "article";
  if (words < 25 || RE_REPORT_VOICE.test(f)) return null;
  // "hai đồng chí hoàn thành xuất sắc, mười lăm đồng chí hoàn thành tốt…", "hoàn thành tốt: mười tám;": figures in words.
  // "Năm nay chi bộ kết nạp:\n+ đ/c Sùng Thị Mỷ (nữ, H'Mông)\n+ đ/c …": a list of comrades, one a line, is counted by its lines.
  // (Two items need a line break: only the first line opens at "^".)
  if (f.includes("\n") && count(RE_COMRADE_ITEM, f, 2) >= 2) return null;
  // "Kết nạp đảng viên năm 2026 …:\n+ Nông Văn Tú - Nùng, đoàn viên\n+ Lục Thị Hoa - Nùng, nữ": people listed, one a line.
  if (f.includes("\n") && count(RE_PERSON_ITEM, p.text, 2) >= 2) return null;
  // "Kết nạp năm 2026 chi bộ thôn Tả Van:\nGiàng Thị Dua - nữ, Mông\nSùng A Tủa - Mông": the same list, its lines unbulleted.
  if (f.includes("\n") && RE_ADMIT_WORD.test(f) && count(RE_NAME_LINE, p.text, 2) >= 2) return null;
  // "… tổ chức lễ kết nạp cho quần chúng Hờ Thị Mai (nữ, Mông)": a person admitted, counted by name.
  // "… trình bày có mặt hai mươi hai đồng chí": those present counted in words.
  // "… năm 2026 kết nạp Rơ Châm H'Bia (nữ, Gia Rai) và Siu Thơm (…)": people admitted by name, no "đ/c".
  // (Those present counted first: a spoken report has many figures in words, and the count of them stops at two.)
  if (numbers <= 1 && words >= 30 && !RE_COUNTED_PRESENT.test(f) && count(RE_COUNTED_IN_WORDS, f, 2) < 2 && !RE_ADMITTED_RESULT.test(f) && !admitsSomeoneNamed(p)) return "article";
  if (numbers / words < 0.15 && count(RE_ARTICLE_WORDS, f, 2) >= 2) return "article";
  return null;
}

const RE_ASKS_HOW = /\bxin hoi\b[^?]{0,300}?\b(?:cach (?:ghi|tinh|bao cao|tong hop)|(?:may|mot so|cac) (?:noi dung|van de|diem) sau|nhu the nao|the nao)\b|\bxin hoi\b[^?]{0,600}\?[^]{0,600}?\bde nghi (?:ban|van phong|vp)\s+(?:huong dan|giai dap|cho y kien)\b/;
const RE_GUIDANCE_ASKED = /\b(?:xin (?:(?:van phong|vp|ban|dang uy|thuong truc)\s+)?huong dan|xin hoi|de nghi (?:ban|van phong|vp)\s+huong dan)\b/;
const RE_REPORT_NOT_SENT = /\b(?:chua gui (?:bieu|bao cao|so lieu)|se gui (?:bieu|bao cao|so lieu)|chuan bi (?:bao cao|gui)|(?:cho|khi nhan duoc) huong dan)\b/;
const RE_CONFIRMS_FIGURES = /\bv\/v\s+xac nhan\s+(?:so lieu|du lieu|ket qua|bao cao)\b[^]*\b(?:da (?:nhan|nhap|cap nhat)|nhu sau)\b/;

/** A newspaper named as the piece's source: opening it, or in brackets. */
function citesPress(f: string): boolean {
  return RE_PRESS_SOURCE_OPENS.test(f) || ((f.includes("(") || f.includes("[")) && RE_PRESS_SOURCE_BRACKETED.test(f));
}

/** The first sentence asks (a question word, then "?"), and what follows is a remark of a few words and one figure at most. */
function opensWithQuestion(f: string): boolean {
  const at = f.search(/\?(?:\s|$)/);
  if (at < 0) return false;
  const head = f.slice(0, at + 1);
  const rest = f.slice(at + 1).trim();
  if (/[.!?\n]/.test(head.slice(0, -1)) || !(RE_QUESTION_WORDS.test(head) || RE_THEN_ASKS.test(head))) return false;
  // "Cho em hỏi … lương 7tr2 thì đóng 0,5% là 36k hay 1% ạ?": a question that says it asks carries its own figures.
  if (countNumbers(head) > 3 && !(RE_ASKING_OPENER.test(head) && !RE_RESULT_VOICE.test(head))) return false;
  // "… hay cb cũ ạ? Hiện cb e đang dự kiến HTXS 2, HTT 19": figures of a plan are no result; "thu 15/16" is one figure.
  return (figures(rest) <= 1 || RE_PLANNED_FIGURES.test(rest)) && rest.split(/\s+/).length <= 12;
}

const RE_FRACTION = /\d\s*\/\s*\d/g;

/** Numbers in `f`, a fraction ("15/16") counted once. */
function figures(f: string): number {
  return countNumbers(f) - (f.includes("/") ? count(RE_FRACTION, f) : 0);
}

// "Cho em hỏi:", "xin hỏi mấy vấn đề sau:": the questions to follow.
const RE_ASKS_BELOW = /\b(?:cho\s+(?:e|em|minh|toi|tui|chau)\s+hoi|xin hoi|(?:e|em|minh)\s+(?:xin\s+)?hoi)(?:\s+(?:mot so|may|vai|cac)\s+(?:van de|cau|y|noi dung|viec)(?:\s+(?:sau|nhu sau))?)?\s*:/;
/**
 * "Kính gửi VP, chi bộ em có 25 đảng viên, trong đó 3 đ/c hưu trí … Cho em hỏi:\n1. … 0,5% hay 1% ạ? …": a few figures of
 * the cell as the ground, then the questions; nothing the cell did.
 */
function asksAfterItsGround(f: string): boolean {
  const at = f.search(RE_ASKS_BELOW);
  return at > 0 && f.includes("?", at) && figures(f.slice(0, at)) <= 3 && !RE_RESULT_VOICE.test(f);
}

/** Two sentences or more, each closed by "?", and nothing the cell did. */
function asksInEverySentence(f: string): boolean {
  // A dot between digits ("264.000") ends no sentence.
  const sentences = f.split(/[!?\n]+|\.(?!\d)/).map((x) => x.trim()).filter((x) => /[a-z0-9]/.test(x));
  const asked = (f.match(/\?+/g) ?? []).length;
  return sentences.length >= 2 && asked >= sentences.length && !RE_RESULT_VOICE.test(f);
}

const RE_PLANNED_FIGURES = /\b(?:du kien|du tinh|ke hoach|chi tieu|phan dau|se)\b/;

// "…, mà có 1 đ/c nộp dư 120k cho cả năm thì em ghi sổ tháng này bao nhiêu ạ?": one sentence whose figures are what
// the question rests on ("… thì … bao nhiêu/thế nào/ai/gì … ?"), no figure said before it.
const RE_THEN_ASKS =
  new RegExp(`${WORD_START}thi${WORD_END}[^.;!?\\n]{0,80}${WORD_START}(?:bao nhieu|the nao|nhu nao|ra sao|sao|gi|ai|dau|nao|hay)${WORD_END}[^.;!?\\n]{0,40}\\?+[\\s.!]*$`);

const RE_THEN_ASKS_UNMARKED =
  new RegExp(`${WORD_START}thi${WORD_END}[^.;!?\\n]{0,80}${WORD_START}(?:bao nhieu|the nao|nhu nao|ra sao|sao|gi|ai|dau|nao|hay)${WORD_END}[^.;!?\\n]{0,40}${WORD_START}(?:a|ah|vay|nhi)[\\s.!]*$`);

const RE_TRAILING_MARK = /[\s.!]/;

/**
 * The text closes on a particle ("… ạ", "… vậy!"), whatever spaces, dots or "!" follow it: what RE_THEN_ASKS_UNMARKED
 * ends on, read from the end alone (the regex itself tries every "thì" of the text).
 */
function closesOnParticle(f: string): boolean {
  let end = f.length;
  while (end > 0 && RE_TRAILING_MARK.test(f[end - 1] as string)) end--;
  // The longest particle has three letters: the fourth character from the end shows whether one opens a word there.
  return RE_ASK_PARTICLE_END.test(f.slice(Math.max(0, end - 4), end));
}

function asksOnItsFigures(f: string, re: RegExp): boolean {
  const m = re.exec(f);
  if (!m) return false;
  // The sentence the question closes opens after the last full stop, "!", "?" or line break before it.
  const before = f.slice(0, m.index);
  const cut = Math.max(before.search(/[!?\n][^!?\n]*$/), before.search(/\.(?!\d)[^.]*$/));
  return cut < 0 || countNumbers(f.slice(0, cut)) === 0;
}

// A line that opens with a bullet and a person's full name (two to five words, each capitalised), then what is said of them.
const RE_PERSON_ITEM = /(?:^|\n)[ \t]*(?:[-+*•]|\d{1,2}[.)])[ \t]*\p{Lu}[\p{Ll}'’]*(?:[ \t]+\p{Lu}[\p{Ll}'’]*){1,4}[ \t]*(?:[-–:,(]|\n|$)/gu;
const RE_NAME_LINE = /(?:^|\n)[ \t]*\p{Lu}\p{Ll}*(?:['’]\p{Lu}?\p{Ll}+)?(?:[ \t]+\p{Lu}\p{Ll}*(?:['’]\p{Lu}?\p{Ll}+)?){1,4}[ \t]*(?:[-–(]|:[ \t]*\p{Ll})/gu;
const RE_ADMIT_WORD = /\b(?:ket nap|kn)\b/;
const RE_COMRADE_ITEM = /(?:^|\n)[ \t]*(?:[-+*•]|\d{1,2}[.)])[ \t]*(?:d\/c|dc|dong chi)\s/g;

// "À em sửa lại báo cáo sh hôm qua: vắng 2 chứ không phải 3", "… số tiền là 312.000đ chứ không phải 321.000đ":
// a correction of a report already sent (a dot between digits ends no sentence).
const RE_CORRECTS_SENT = new RegExp(`^\\s*(?:(?:a|ah|o|oi|da)[\\s,]+)?(?:(?:em|e|minh|toi|cb|chi bo)\\s+)?(?:xin\\s+)?(?:sua lai|sua|dinh chinh|bao nham|ghi nham|bao lai)${WORD_END}(?:[^.\\n]|\\.(?=\\d)){0,80}?${WORD_START}(?:chu|khong|ko|k)\\s+(?:khong\\s+|ko\\s+|k\\s+|hok\\s+|hong\\s+)?phai${WORD_END}`);

// "Đ/c Giàng A Lử vắng sinh hoạt 3 tháng liền không lý do, chi bộ đề nghị ĐUX cho ý kiến xử lý": one member's
// absences over several meetings, taken up with the committee; no meeting reported (no count of those present).
// "… vắng sinh hoạt các tháng 7, 8 và 9", "từ tháng 6 đến tháng 9", "T7, T8, T9": several months named.
const RE_REPEATED_ABSENCE =
  new RegExp(`${WORD_START}(?:(?:cac|nhung|tu) (?:thang|t)\\s?\\d{1,2}|(?:thang|t)\\s?\\d{1,2}\\s*(?:,|va|den|-)\\s*(?:thang |t)?\\d{1,2}\\s*(?:,|va|den|-)\\s*(?:thang |t)?\\d{1,2}|lan thu\\s?\\d+|(?:\\d+|hai|ba|bon|nam|sau|nhieu)\\s+(?:thang|lan|ky|buoi|ky hop|ky sinh hoat|cuoc hop)\\s+(?:lien tiep|lien tuc|lien)|lien tiep|nhieu lan|(?<!chi )bo (?:sinh hoat|sh|hop))${WORD_END}`);
const RE_ABSENCE = /\b(?:vang|bo|nghi)\b|\b(?:khong|ko|k|chua)\s+(?:di|du|tham gia|tham du|den)\b/;
const RE_TAKEN_UP = new RegExp(`${WORD_START}(?:de nghi|xin y kien|cho y kien|xin chi dao|chi dao|xu ly|xoa ten|ky luat|xem xet|(?:bao cao|bc)\\s+(?:de\\s+)?(?:dux|dang uy|du|cap tren)|de (?:dang uy|dux|du|cap tren) (?:nam|biet|theo doi))${WORD_END}`);
// "20/22" counts those present; "(tháng 7, 8, 9/2026)", "ngày 5/10" are dates.
const RE_MEETING_COUNT = new RegExp(`${WORD_START}(?:co mat|du hop|tham du)${WORD_END}\\s*:?\\s*\\d|(?<!${WORD_START}(?:ngay|thang|t|hom|toi|sang|chieu|mung)\\s?)${WORD_START}\\d{1,3}\\s*\\/\\s*\\d{1,3}${WORD_END}(?!\\s*\\/)|\\d+\\s+tren\\s+\\d+`);

// "…, chi bộ … báo cáo: đồng chí Hoàng Văn Hải … đã vắng sinh hoạt … 3 tháng liên tiếp (…). Buổi sinh hoạt tháng 9 …
// có mặt 22/24, đồng chí Hải tiếp tục vắng.": the issue told first, the meeting's count only bears it out.
const RE_ISSUE_SENTENCE = /^[^.;\n]*?\b(?:d\/c|dc|dong chi)\s[^.;\n]*?\b(?:vang|bo)\s+(?:sinh hoat|sh|hop)\b[^.;\n]*?\b(?:(?:\d+|hai|ba|bon|nam|sau)\s+(?:thang|lan|ky)\s+(?:lien tiep|lien tuc|lien)|lien tiep)\b/;
const RE_LEAVE_LETTER = new RegExp(`${WORD_START}don xin (?:phep )?(?:vang|nghi)${WORD_END}|${WORD_START}(?:toi|em)\\s+(?:lam don (?:nay\\s+)?)?xin (?:phep\\s+)?(?:duoc\\s+)?(?:vang|nghi)\\s+(?:buoi\\s+)?(?:sinh hoat|sh|hop)${WORD_END}`);
// ("… đề nghị Ban Thường vụ Đảng ủy xã xem xét, chỉ đạo xử lý theo quy định": the case put for a ruling too.)
const RE_RULING_ASKED = /\b(?:xoa ten|ky luat|(?:cho|xin) y kien chi dao|huong dan thu tuc|chi dao xu ly|xu ly theo quy dinh)\b/;
const RE_GUIDE_DOCUMENT = /(?:^|\n)[ \t]*so[ \t:]*\d{1,4}[ \t]*-[ \t]*(?:hd|ct)\/|(?:^|\n)[ \t]*(?:huong dan|chi thi)[ \t]*\n/;
const RE_ABOUT_ABSENCE = /(?:^|\n)[ \t]*(?:v\/v|ve viec)\b[^\n]{0,40}\b(?:vang|bo) (?:sinh hoat|sh|hop)\b/;
const RE_STILL_ABSENT = /\b(?:tiep tuc|van|lai)\s+vang\b/;

/** Whether the message opens with the repeated absence and its count of a meeting, at `countAt`, comes after. */
function issueFirst(f: string, countAt: number): boolean {
  const first = RE_ISSUE_SENTENCE.exec(f);
  return first !== null && first[0].length < countAt && RE_STILL_ABSENT.test(f.slice(countAt, countAt + 80));
}

/**
 * A member's repeated absence taken up with the committee: no report of a meeting. A report of
 * another form that mentions one ("kht 1 (đ/c bỏ sh 3 tháng)") stays that report.
 */
export function isAttendanceIssue(f: string): boolean {
  // The short patterns first; the repeated-absence one, the costliest, last.
  if (!(RE_ABSENCE.test(f) && RE_TAKEN_UP.test(f) && RE_REPEATED_ABSENCE.test(f))) return false;
  // "BÁO CÁO⏎V/v đảng viên vắng sinh hoạt chi bộ không có lý do": the letter's subject names the case; the member's unpaid
  // dues and the cell's count of members it cites are part of it.
  if (f.includes("v/v") || f.includes("ve viec")) {
    if (RE_ABOUT_ABSENCE.test(f)) return true;
  }
  // "… đề nghị Thường trực Đảng ủy cho ý kiến chỉ đạo việc xem xét xóa tên …": a case put to the committee for its ruling;
  // the meeting it names in passing ("Tại buổi sinh hoạt tháng 4 (có mặt 24/28 đ/c) …") or the dues the member owes too are
  // part of the case.
  const ruling = RE_RULING_ASKED.test(f);
  const count = RE_MEETING_COUNT.exec(f);
  if (count && !issueFirst(f, count.index) && !ruling) return false;
  const s = formSignals(f);
  return s["party-dues"] + s["village-quarterly"] + s.admissions + s["annual-rating"] <= (ruling ? 2 : 1);
}

// "Báo cáo lại ĐP tháng 9 em gửi hôm trước bị sai: tổng tiền là 276.000đ chứ không phải 267.000đ": a figure
// replaced ("X chứ không phải Y") in a report the message says was sent before; a slip corrected in the
// report itself ("có mặt 18/20. À nhầm, 17 chứ không phải 18") names no earlier report.
const RE_REPLACES = /\bchu (?:khong|ko|k|hok|hong) phai\b|\b(?:khong|ko|k) phai\s+\S+\s+ma\b/;
const RE_SENT_BEFORE =
  new RegExp(`^\\s*(?:(?:a|ah|o|oi|da|dạ)[\\s,]+)?(?:(?:em|e|minh|toi|cb|chi bo)\\s+)?(?:xin\\s+)?(?:bao cao lai|bc lai|gui lai|cap nhat lai)${WORD_END}|${WORD_START}(?:(?:em|e|minh|da|vua|moi)\\s+gui|gui (?:hom|luc|sang|toi|chieu|ban)|bi sai|bi nham|bao sai|ghi sai|go sai|nhap sai|gui nham|go nham|danh nham|(?:go|ghi|danh|bao|nhap|gui) lon)${WORD_END}`);

// "Chi bộ bản Phiêng Luông xin sửa lại báo cáo …:", "Cb bản Hua Pang xin bc lại đp tháng 8:": the message's first
// clause says it redoes a report (the sender may name the cell first).
// ("Fw: chi bộ thôn Đông Hạ xin đính chính …": the same, passed on by the office; "Kính gửi …,\nChi bộ … xin đính chính …":
// under an address line.)
const RE_REDO_HEAD = new RegExp(
  `^(?:\\s*kinh gui${WORD_END}[^\\n]{0,80}\\n)?(?:\\s*[[(]?\\s*${FORWARD_WORD}\\s*[:\\])]?)?[^:.;?!\\n]{0,60}?${WORD_START}(?:xin\\s+)?(?:sua lai|sua (?:(?:giup|dum|gium|ho)\\s+(?:em|e|minh|toi)\\s+)?(?:bao cao|bc|so lieu)|dinh chinh|bao cao lai|bc lai|cap nhat lai)${WORD_END}`,
);
// A figure put right: "đúng là 42", "gõ nhầm thành 267k", "ghi 41 … bị sai", "348.000đ, không phải 384.000đ".
// Under such a head, "…, không phải vắng không lý do", "là đ/c Toàn chứ ko phải đ/c Thắng": what was sent, set aside
// (a word or a name, not only a figure).
// "sửa HTT 31 thành 30": a figure changed into another.
const RE_SENT_NAMED = new RegExp(`${WORD_START}(?:bc|bao cao)\\s+(?:hom qua|hom truoc|hom kia|lan truoc|vua gui|da gui|thang truoc)${WORD_END}|${WORD_START}(?:em|e|minh|toi)\\s+quen${WORD_END}|${WORD_START}sua (?:giup|dum|gium|ho)${WORD_END}`);
const RE_PUT_RIGHT = new RegExp(`${WORD_START}dung (?:ra )?la\\s+\\d|${WORD_START}sua\\s+(?:[a-z]+\\s+){0,3}\\d+\\s+thanh\\s+\\d|${WORD_START}(?:go|ghi|danh|bao|nhap) (?:nham|lon)${WORD_END}|${WORD_START}(?:bi|ghi|bao|go|nhap) sai${WORD_END}|${WORD_START}(?:khong|ko|k|hong) phai(?: la)?\\s+\\d|(?:[,;]|${WORD_START}chu)\\s*(?:khong|ko|k|hong) phai${WORD_END}`);

/** A correction of a report already sent (not a slip fixed in the report itself). */
// "Em gửi lại đầy đủ để VP thay bản cũ:", "(bản đã sửa, thay bản gửi trưa 24/01)": the whole report sent again in place
// of the first, no correction of a field or two.
const RE_SENT_AGAIN_WHOLE = /\b(?:gui lai|bao cao lai|bc lai)\s+(?:day du|ca bao cao|ca ban|toan bo|ban day du)\b|\bthay (?:cho )?ban (?:cu|truoc|gui|da gui)\b/;
// "bc lai xep loai 2027 thon Dai An: HTXS 3, HTT 19 chu ko phai 18, HT 2, KHT 0, …": the form named again after "báo cáo
// lại" and its figures restated one by one (four or more, each after its label): the report sent again whole, a figure
// put right among them; "báo cáo lại … HTXS là 1 chứ không phải 2" fixes one and is a correction.
const RE_SENT_AGAIN_FORM = /\b(?:gui lai|bao cao lai|bc lai)\s+(?:(?:ket qua|kq)\s+)?(?:xep loai|danh gia xep loai|so lieu|dang phi|dp|sinh hoat|sh|ket nap|phat trien dang)\b/;
const RE_LABELLED_FIGURE = /^\s*(?:[a-z/]+\s){0,3}[a-z/]+\s*:?\s*\d/;
function restatesFigures(f: string, from: number): boolean {
  let n = 0;
  for (const part of f.slice(from).split(/[,;\n]/)) if (RE_LABELLED_FIGURE.test(part) && ++n >= 4) return true;
  return false;
}
// "BÁO CÁO ĐÍNH CHÍNH⏎… Tại Báo cáo số 03-BC/CB ngày 05/4/2027 … ghi: "…". Nay đính chính lại là: "…"": a formal correction.
// "V/v đề nghị điều chỉnh số liệu đảng phí tháng 7/2026", "V/v đề nghị thay biểu tổng hợp xếp loại …", "V/v đề nghị chỉnh sửa
// báo cáo …": a letter asking to put right a report already sent, by its subject line.
const RE_FORMAL_CORRECTION = /(?:^|\n)[ \t]*bao cao dinh chinh\b|\bnay (?:xin )?dinh chinh(?: lai)?\b|(?:^|\n)[ \t]*v\/v\s+(?:de nghi\s+)?(?:dieu chinh|chinh sua|sua doi|thay|rut lai|dinh chinh)\s+(?:so lieu|bieu|bao cao|ban)\b/;
export function correctsSentReport(f: string): boolean {
  if ((f.includes("dinh chinh") || f.includes("v/v")) && RE_FORMAL_CORRECTION.test(f)) return true;
  if ((f.includes("thay ban") || f.includes("lai")) && RE_SENT_AGAIN_WHOLE.test(f)) return false;
  const again = f.includes("lai") ? RE_SENT_AGAIN_FORM.exec(f) : null;
  if (again && restatesFigures(f, again.index + again[0].length)) return false;
  // Cheap tests first: every match of RE_CORRECTS_SENT and RE_REPLACES holds "phai", every match of RE_REDO_HEAD
  // "sua", "lai" or "dinh chinh" (not " lai": a search for a word led by a space stops at every space).
  if (f.includes("phai") && (RE_CORRECTS_SENT.test(f) || (RE_REPLACES.test(f) && RE_SENT_BEFORE.test(f)))) return true;
  // "sửa lại bc hôm qua giúp em nha VP: a Thạch Sa Rinh có xin phép em rồi mà em quên": the report sent, named, and what was
  // forgotten in it.
  if ((f.includes("sua") || f.includes("lai") || f.includes("dinh chinh")) && RE_REDO_HEAD.test(f) && (RE_PUT_RIGHT.test(f) || RE_SENT_NAMED.test(f))) return true;
  // "Bổ sung: hôm qua em báo nhầm hộ nghèo … là 18, đúng ra là 16 hộ ạ": the day it was sent, said wrong, then put right.
  return (f.includes("nham") || f.includes("sai")) && RE_SENT_WRONG.test(f) && RE_PUT_RIGHT.test(f);
}
const RE_SENT_WRONG = /\b(?:hom qua|hom truoc|hom kia|lan truoc|sang nay|toi qua)\s+(?:(?:em|e|minh|toi|cb|chi bo)\s+)?(?:bao|bc|ghi|go|gui|nhap|danh)\s+(?:nham|sai|lon)\b/;

// "đề nghị kn quần chúng …", "xét đề nghị KN qc …": "kết nạp" cut short.
const RE_PROPOSAL = new RegExp(`${WORD_START}(?:de nghi (?:ket nap|kn)|xet (?:ket nap|kn)|xet de nghi (?:ket nap|kn)|(?:ket nap|kn) (?:quan chung|qc)|quan chung uu tu|qcut)${WORD_END}`);
const RE_PROPOSAL_VERB = /\b(?:ket nap|kn|de nghi|xet|bieu quyet|tan thanh)\b/;
// "đang bồi dưỡng 2 quần chúng ưu tú, dự kiến xét kết nạp vào quý 1": a plan, no proposal voted.
const RE_PROPOSAL_PLANNED = new RegExp(`${WORD_START}(?:du kien|se xet|dang boi duong|chuan bi xet|phan dau|dang hoan thien ho so|dang lam ho so|hoan thien ho so)${WORD_END}`);
// "đã kết nạp 2 quần chúng", "1. Kết nạp đảng viên mới: 03 đồng chí", "tổ chức lễ kết nạp cho …", "tháng 10 kết nạp đ/c Vi Văn Hào", "đã kn qc Lò Văn Ánh":
// someone admitted (a member now, "đ/c"), not proposed. ("Số đảng viên kết nạp mới: 05": a sheet's row.) "Kết nạp đảng viên mới: 03 đồng chí", "chưa kết nạp được đảng
// viên mới; đã giới thiệu 2 quần chúng ưu tú đi học lớp nhận thức": the cell's count, those named after it only trained.
const RE_ADMITTED_RESULT =
  new RegExp(`${WORD_START}(?:da ket nap|ket nap duoc|ket nap dc|da ket nap duoc|(?<!(?:de nghi|xet|xet de nghi)\\s)ket nap)(?:\\s+(?:(?:dang vien|dv)(?:\\s+moi)?|moi)\\s*:)?\\s+(?:\\d+|mot|hai|ba|bon|nam)\\s+(?:quan chung|qc|dv|dang vien|dong chi|d\\/c|dc)${WORD_END}|${WORD_START}ket nap\\s+(?:duoc\\s+)?dat\\s+\\d+\\s*\\/\\s*\\d+|${WORD_START}le ket nap${WORD_END}|(?<!(?:nghi|xet|uy|bo)\\s)ket nap (?:cho )?(?:d\\/c|dc|dong chi)\\s|${WORD_START}(?:da|vua) (?:ket nap|kn) (?:cho )?(?:quan chung|qc)\\s|${WORD_START}(?:ket nap|kn) (?:dang vien|dv) moi\\s*:?\\s*(?:\\d+|mot|hai|ba|bon|nam|khong)${WORD_END}|${WORD_START}(?:chua|khong|ko|hong|hok) (?:ket nap|kn) (?:duoc|dc)${WORD_END}|${WORD_START}(?:dang vien|dv) moi (?:duoc )?(?:ket nap|kn)\\s*:?\\s*\\d|${WORD_START}(?:so\\s+)?(?:dang vien|dv) (?:duoc\\s+)?(?:ket nap|kn)(?:\\s+moi)?\\s*:\\s*\\d`);
const RE_PROPOSAL_NOTICE = new RegExp(`^\\s*(?:thong bao|tb|kinh moi|moi)${WORD_END}[^]*${WORD_START}(?:sh|shcb|shcd|sinh hoat|hop|co mat|vang)${WORD_END}`);

/**
 * "Chi bộ đã họp xét, đề nghị ĐUX kết nạp quần chúng Lò Thị Hương (…). Biểu quyết 15/15 tán thành": one person
 * proposed for admission, not the cell's count of those admitted. A notice of the meeting that will vote on it,
 * a result ("đã kết nạp 2 quần chúng") or a plan ("dự kiến xét kết nạp") is none.
 */
// "NGHỊ QUYẾT⏎Đề nghị kết nạp quần chúng vào Đảng": the cell's resolution proposing someone, by its title, whatever
// admissions of other years it recalls.
const RE_PROPOSAL_TITLE = /(?:^|\n)[ \t]*nghi quyet[ \t]*\n[ \t]*(?:ve viec\s+)?de nghi (?:xet\s+)?ket nap\b/;
export function isAdmissionProposal(f: string): boolean {
  if (f.includes("nghi quyet") && RE_PROPOSAL_TITLE.test(f)) return true;
  const at = f.search(RE_PROPOSAL);
  return at >= 0 && RE_PROPOSAL_VERB.test(f) && !RE_PROPOSAL_NOTICE.test(f) && !RE_ADMITTED_RESULT.test(f) && !RE_DEVELOPMENT_REPORT.test(f) &&
    !(RE_PROPOSAL_PLANNED.test(f) && !RE_VOTE.test(f)) && !itemOfMeeting(f, at);
}

// "BÁO CÁO CÔNG TÁC PHÁT TRIỂN ĐẢNG QUÝ II/2026": a report of the period's admissions, whatever candidates it counts.
// ("… tóm tắt tình hình phát triển đảng của Chi bộ …": the office's summary of it too.)
const RE_DEVELOPMENT_REPORT = new RegExp(`${WORD_START}(?:bao cao|bc|tom tat|tong hop)\\s+(?:ket qua\\s+|tinh hinh\\s+)?(?:cong tac\\s+)?(?:phat trien dang|ptd|ptdv)${WORD_END}`);

/** A vote counted ("15/15 tán thành", "20/20"); "Q2/2026", "12/2025" are periods. */
// (Nor a day: "QĐ ngày 15/4/2026".)
export const RE_VOTE = /\d+\s*\/\s*\d{1,3}(?![\d,.]?\d|\s*\/\s*\d)/;

const RE_ITEMS_HEAD = /\b(?:nghi quyet|nq|noi dung|nd|ket luan)\b/g;
// Those present or absent counted ("có mặt 20", "vắng 3", "30/33 đảng viên", "dv 12/12 dự hết", "ko ai vắng"); "15/15 đ/c
// tán thành" is a vote.
const RE_MEETING_COUNTED =
  /\b(?:co mat|du hop|tham du)\s*:?\s*\d|\bvang\s*:?\s*\d|\d+\s*\/\s*\d+\s*(?:dv|dang vien|d\/c|dc|dong chi)\b(?![^.;\n]{0,30}\b(?:tan thanh|dong y|nhat tri|bieu quyet))|\b(?:dv|dang vien)\s*:?\s*\d+\s*\/\s*\d+\s+(?:du|co mat|tham du)\b|\b(?:ko|k|khong|kg)\s+(?:co\s+)?ai\s+vang\b/;

/**
 * "… Thành phần: 30/33 đảng viên … Nghị quyết: … (2) Hoàn thành hồ sơ đề nghị kết nạp quần chúng Lê Thị Nga": the
 * business of another form named among a counted meeting's items (after "nội dung", "nghị quyết") is that meeting's.
 */
function itemOfMeeting(f: string, at: number): boolean {
  RE_ITEMS_HEAD.lastIndex = 0;
  const head = RE_ITEMS_HEAD.exec(f);
  return head !== null && head.index < at && RE_MEETING_COUNTED.test(f.slice(0, head.index));
}

// "… chưa sinh hoạt được do triều cường, dự kiến lùi sang tối 12/10. Hiện 24/26 đv đã báo tham gia": the meeting put
// off to a day still ahead; a count of those who will come reports no meeting held.
const RE_HELD_VOICE =
  new RegExp(`${WORD_START}(?:co mat|du hop|vang\\s*:?\\s*\\d+|tham du\\s*:?\\s*\\d+|da (?:sh|sinh hoat|hop|to chuc)|(?:da|duoc) (?:sh|sinh hoat|hop) (?:bu|lai)|(?:hop|sh|sinh hoat) bu)${WORD_END}`);
const RE_PUT_OFF_TO = /\b(?:lui|hoan(?! thanh| thien| tat| chinh)|doi (?:lich|ngay|sang)|chuyen sang|dich sang|tam hoan)\b/;

/** The message tells of a meeting held: those present, those absent, "đã họp", "họp bù". */
export function speaksOfMeetingHeld(f: string): boolean {
  return RE_HELD_VOICE.test(f);
}

/** The month's meeting put off to a day after `now`, with nothing of a meeting held. */
export function isPutOff(p: Prepared): boolean {
  const f = p.f;
  // A meeting held first: most meeting reports tell of one ("có mặt 20", "vắng 2"), and that settles it.
  if (RE_HELD_VOICE.test(f) || !(mayNotBeHeld(f) && RE_NOT_HELD.test(f))) return false;
  const at = RE_PUT_OFF_TO.exec(f);
  const d = at ? findDates(p, at.index)[0] : undefined;
  if (!d) return false;
  const ahead = resolveDate(d, p.now, "future");
  const back = resolveDate(d, p.now, "past");
  if (ahead === null || ahead <= p.now.day) return false;
  // The nearer reading of "12/10": ahead of today, not a day gone by.
  return back === null || back === ahead || ahead - p.now.day < p.now.day - back;
}

const RE_ADMIT_THEN = /\b(?:ket nap|kn)(?:\s+(?:duoc|them|moi))?\s*:?\s+(?=\p{L})/gu;
const RE_NAME_AHEAD = /^\p{Lu}[\p{L}'’]*\s+\p{Lu}\p{Ll}/u;
/** "kết nạp Rơ Châm H'Bia …": a capitalised name right after "kết nạp". */
function admitsSomeoneNamed(p: Prepared): boolean {
  for (const m of p.f.matchAll(RE_ADMIT_THEN)) if (RE_NAME_AHEAD.test(p.text.slice(m.index + m[0].length, m.index + m[0].length + 40))) return true;
  return false;
}

/** Why `p` is not a report of `form`, or null when it may be one. */
export function notReportOf(p: Prepared, form: FormName): NotReport | null {
  // "ĐƠN XIN VẮNG SINH HOẠT CHI BỘ … Nay tôi làm đơn này xin phép được vắng buổi sinh hoạt …": a member asks leave for a
  // meeting to come (its day and place no notice of it); no meeting is reported.
  if (p.f.includes("xin") && RE_LEAVE_LETTER.test(p.f) && !RE_MEETING_COUNT.test(p.f)) return "attendance-issue";
  const kind = nonReportKind(p);
  if (kind) return kind;
  if (correctsSentReport(p.f)) return "correction";
  if (form === "monthly-meeting" && isPutOff(p)) return "notice";
  if (isAttendanceIssue(p.f)) return "attendance-issue";
  // "kn" first: a search for " kn" stops at every space.
  if ((p.f.includes("ket nap") || (p.f.includes("kn") && (p.f.includes("kn ") || p.f.includes(" kn")))) && isAdmissionProposal(p.f)) return "admission-proposal";
  const s = formSignals(p.f);
  const own = s[form];
  if (form !== "monthly-meeting" && own > 0 && agendaOfMeeting(p.f, form)) return "monthly-meeting";
  let best: FormName = form;
  for (const k of ORDER) if (s[k] > s[best]) best = k;
  if (best === form) return null;
  // "Chi bộ … tổ chức kiểm điểm, đánh giá xếp loại đảng viên năm 2026 vào tối 18/12 …, có mặt 27/30 đ/c": a meeting
  // held and counted whose business is another form's, with none of that form's figures, is the meeting's report.
  if (form === "monthly-meeting" && RE_PRESENT_FIGURE.test(p.f) && onlyMeetingFigures(p)) return null;
  // Another form clearly dominates: the message is a report, but not of this form.
  const other = s[best];
  if (own === 0 && other >= 2) return best;
  if (own <= 1 && other >= 3) return best;
  // "Sinh hoạt ngày 5/11, có mặt 25/27. Nội dung: … đôn đốc thu đảng phí": one passing word of this form.
  if (own === 1 && other >= 2 && RE_IN_PASSING.test(p.f)) return best;
  if (other >= own * 2 + 2) return best;
  return null;
}

/** Every figure in the message is a date, a year, a time or the count of those present: nothing another form counts. */
function onlyMeetingFigures(p: Prepared): boolean {
  let f = p.f;
  for (const d of findDates(p)) f = f.slice(0, d.start) + " ".repeat(d.end - d.start) + f.slice(d.end);
  f = f.replace(RE_PRESENT_FIGURE_G, " ").replace(/\b(?:nam|n)\s+\d{4}\b|\b\d{1,2}\s*(?:h|g|gio)\s*\d{0,2}\b/g, " ");
  return countNumbers(f) === 0;
}

const RE_PRESENT_FIGURE_G = /\b(?:co mat|du hop|hien dien)\s*:?\s*\d+(?:\s*\/\s*\d+)?|\d+\s*\/\s*\d+\s*(?:dv|dang vien|d\/c|dc|dong chi)?\s*(?:co mat|du hop|tham du)\b/g;
const RE_PRESENT_FIGURE = /\b(?:co mat|du hop|hien dien)\s*:?\s*\d|\d+\s*\/\s*\d+\s*(?:dv|dang vien|d\/c|dc|dong chi)?\s*(?:co mat|du hop|tham du)\b/;
// "… có mặt 30/32 đv. NQ: thu đp t8 xong trước 15/8": what the meeting resolved is its business too.
const RE_AGENDA = /\b(?:noi dung|nd|nghi quyet|nq)\b/;

/**
 * "Báo cáo sh chi bộ … : có mặt 22/24, vắng 2 có lý do. Nội dung có tổ chức lễ kết nạp … cho quần chúng …": a meeting
 * counted, whose agenda (or resolution) names this form's business; every word of the form comes after "nội dung" ("NQ").
 */
export function agendaOfMeeting(f: string, form: FormName): boolean {
  // The agenda's word first: few messages have one. A count of those present before it is one in the whole text.
  const at = f.search(RE_AGENDA);
  if (at < 0) return false;
  const head = f.slice(0, at);
  return RE_PRESENT_FIGURE.test(head) && formSignals(head)[form] === 0;
}
