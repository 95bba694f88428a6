/**
 * Is this message a report at all, and of which form? A careful reader's first glance:
 * a question, a notice of what is to come, a paragraph about party work in general, or a
 * report of another form is not the report asked for.
 */
import type { Prepared } from "./prepare.js";
import type { FormName } from "./types.js";

export type NotReport = "question" | "notice" | "article" | FormName;

const RE_QUESTION_MARK = /\?\s*(?:a|ah|nhe|nha|\.|!)*\s*$|\?\s*\n/;
const RE_QUESTION_WORDS =
  /\b(?:bao nhieu|bao gio|khi nao|luc nao|hom nao|ngay nao|may gio|the nao|nhu the nao|lam sao|tai sao|vi sao|co phai|co duoc khong|duoc khong|dc ko|duoc ko|co can|can nhung|gi vay|gi a|nao vay|chua vay|chua a|chua nhi|chua\s*$|khong a|ko a|k a|khong nhi|hay khong|cho hoi|xin hoi|hoi chut|oi cho)\b/;
// "Cho em hỏi …?", "Xin hỏi …": asking, whatever figures the question quotes.
const RE_ASKING = /^\s*(?:\W*\s*)?(?:(?:a|anh|chi|dong chi|dc|d\/c|bot|ban)\s+oi[\s,]+)?(?:cho\s+(?:e|em|minh|toi|chau|hoi)\b|xin hoi|hoi chut|hoi xiu|e hoi|em hoi|minh hoi)/;
// "tháng này … chưa sinh hoạt được, dự kiến lùi sang 12/8": the meeting put off, no report of it.
const RE_HELD_FIGURES = /\b(?:co mat|vang|du|tham du)\s*:?\s*\d|\d+\s*\/\s*\d+\s*(?:dv|dang vien|d\/c|dc|dong chi)?\s*(?:co mat|du|tham du)/;
export const RE_NOT_HELD = /\b(?:chua|khong|ko|k)\s+(?:(?:to chuc|sinh hoat|sh|hop)\s+)?(?:duoc\s+)?(?:sinh hoat|sh|hop(?!\s+le)|to chuc)\b|\b(?:lui|hoan(?! thanh| thien| tat| chinh)|doi lich|doi ngay|doi sang|tam hoan|dich sang)\b/;
const RE_NOTICE_HEAD = /^\s*(?:\W*\s*)?(?:thong bao|tb|kinh moi|tran trong kinh moi|moi|ke hoach|lich|nhac)\b/;
const RE_NOTICE_BODY =
  /\b(?:de nghi cac|yeu cau cac|(?:cac|moi) (?:dc|d\/c|dong chi|ban)\b[^.?!\n]{0,80}\b(?:nop|dong|gui|hoan thanh|bao cao|di|du|tham du|co mat|chuan bi)\b[^.?!\n]{0,60}\b(?:truoc ngay|truoc|dung gio|day du|nhe|nha)|se (?:sh|hop|sinh hoat|to chuc|tien hanh)|du kien (?:sh|hop|sinh hoat|to chuc)|(?:sh|hop|sinh hoat) vao (?:luc|ngay)?\s*\d|moi cac|tran trong|nho (?:dong|nop|gui|di|den|tham du|bao cao)|ai (?:chua|con chua)\b[^.?!\n]{0,60}\b(?:thi|nho)\b)\b/;
// Cheap words without which RE_NOTICE_BODY cannot match.
const RE_NOTICE_HINT = /\b(?:de nghi|yeu cau|cac|moi|se|du kien|vao|tran trong|nho|ai)\b/;
const RE_ARTICLE_WORDS =
  /\b(?:theo quy dinh|quy dinh so|theo huong dan|la hinh thuc|la nhiem vu|la mot|nham|can chu trong|can phai|phai dam bao|tranh hinh thuc|toan xa|toan huyen|toan tinh|toan dang bo|ty le|cac chi bo|cac to chuc|tren dia ban|moi thang|hang thang|hang quy|thuong xuyen|nang cao|doi voi|tiep tuc|day manh|qua do|gop phan|giai doan|tro xuong|tro len|khu vuc|binh quan|chuan ngheo|luong huu|tien luong|cap uy dia phuong|dang vien khac|quan trong)\b/g;
const RE_REPORT_VOICE =
  /\b(?:da (?:sh|sinh hoat|hop|to chuc|thu|nop|ket nap)|(?:sh|sinh hoat|hop)\s+(?:ngay|toi|hom|luc)?\s*\d|bc|bao cao|cb em|chi bo em|e bc|em bc|so lieu|ket qua|kq|co mat\s*:?\s*\d+|vang\s*:?\s*\d+|\d+\s*\/\s*\d+|da thu|thu duoc|da nop|thu du|ket nap duoc|da ket nap|xep loai dv|xl dv|ket nap (?:duoc |dc )?\d+)\b|^\s*(?:quy|q|thang|t|nam)\s?(?:[ivx]+|\d{1,4})(?:\/\d{4})?\s*:/;
// This form named only as a task or an agenda item ("đôn đốc thu đảng phí", "triển khai kết nạp").
const RE_IN_PASSING = /\b(?:don doc|trien khai|nhac nho|nhac|noi dung|nd)\b[^.\n]{0,60}$|\b(?:don doc|trien khai|nhac nho)\s+\S+/;

/** Signal words per form, on folded text: one pass, one group per form (in `ORDER`). */
const ORDER = ["monthly-meeting", "party-dues", "village-quarterly", "admissions", "annual-rating"] as const;
// One leading \b for every group: the same matches as a \b before each, and a much cheaper scan.
const RE_SIGNALS = new RegExp(
  "\\b(?:" +
    [
      "(co mat|vang(?! mat)|cm \\d|vm \\d|sh|shcb|shcd|sinh hoat|hop|nq|nghi quyet|du \\d+\\s*\\/\\s*\\d+|dv du|chuyen de|tham du)",
      "(dp|dang phi|thu dp|dong dp|tien|nop (?:len |ve )?(?:dux|dang uy|cap tren|xa)|\\d+(?:[.,]\\d{3})+\\s?d|\\d+\\s?k|\\d+\\s?(?:nghin|ngan|trieu|tr)|\\d+tr\\d)",
      "(ho(?! so)|khau|nhan khau|ho ngheo|can ngheo|km2|ha|dien tich|dt|pn|hpn|phu nu|nd|hnd|nong dan|ccb|cuu chien binh|dtn|chi doan|doan thanh nien|so lieu|thay doi|quy truoc|truong thon)",
      "(ket nap|kn|cct|chuyen (?:dang )?chinh thuc|phat trien dang|dtts|dan toc|ton giao|theo dao|doan vien|sinh vien|dv moi|dang vien moi)",
      "(xep loai|xl|danh gia|htxsnv|httnv|htnv|khtnv|htxs|htt|ht|kht|hoan thanh tot|hoan thanh xuat sac|khong hoan thanh|kiem diem)",
    ].map((g) => `${g}\\b`).join("|") +
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

function count(re: RegExp, f: string): number {
  re.lastIndex = 0;
  let n = 0;
  while (re.exec(f)) n++;
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

/** A question, a notice or a general paragraph; null when the message may be a report. */
export function nonReportKind(p: Prepared): "question" | "notice" | "article" | null {
  const f = p.f;
  const numbers = countNumbers(f);
  const mark = f.includes("?") && RE_QUESTION_MARK.test(f);
  if (numbers <= 1 && (mark || RE_QUESTION_WORDS.test(f)) && !/\b(?:co mat|vang)\s*:?\s*\d/.test(f)) return "question";
  let words = 1;
  for (let i = 0; i < f.length; i++) if (f.charCodeAt(i) === 32 || f.charCodeAt(i) === 10) words++;
  if (mark && numbers <= 3 && words <= 20 && !RE_REPORT_VOICE.test(f)) return "question";
  if (mark && RE_ASKING.test(f) && !RE_REPORT_VOICE.test(f)) return "question";
  if (RE_NOTICE_HEAD.test(f) && !/\b(?:co mat|da thu|thu duoc|da nop|vang \d|ket nap duoc|xep loai dv)\b/.test(f)) return "notice";
  if (RE_NOTICE_HINT.test(f) && RE_NOTICE_BODY.test(f) && !/\b(?:co mat\s*:?\s*\d|\d+\s*\/\s*\d+\s*(?:dv|dang vien|d\/c|dc)?\s*co mat|da thu|thu duoc|vang \d|ket nap duoc|da ket nap)\b/.test(f)) return "notice";
  if (words < 25 || RE_REPORT_VOICE.test(f)) return null;
  if (numbers <= 1 && words >= 30) return "article";
  if (numbers / words < 0.15 && count(RE_ARTICLE_WORDS, f) >= 2) return "article";
  return null;
}

/** Why `p` is not a report of `form`, or null when it may be one. */
export function notReportOf(p: Prepared, form: FormName): NotReport | null {
  const kind = nonReportKind(p);
  if (kind) return kind;
  if (form === "monthly-meeting" && RE_NOT_HELD.test(p.f) && !RE_HELD_FIGURES.test(p.f)) return "notice";
  const s = formSignals(p.f);
  const own = s[form];
  let best: FormName = form;
  for (const k of Object.keys(s) as FormName[]) if (s[k] > s[best]) best = k;
  if (best === form) return null;
  // Another form clearly dominates: the message is a report, but not of this form.
  const other = s[best];
  if (own === 0 && other >= 2) return best;
  if (own <= 1 && other >= 3) return best;
  // "Sinh hoạt ngày 5/11, có mặt 25/27. Nội dung: … đôn đốc thu đảng phí": one passing word of this form.
  if (own === 1 && other >= 2 && RE_IN_PASSING.test(p.f)) return best;
  if (other >= own * 2 + 2) return best;
  return null;
}
