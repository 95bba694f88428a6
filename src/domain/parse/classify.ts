/**
 * What a free-text message is, so the bot can route it: a report of one of the forms,
 * a meeting notice, a postponement, a correction, an attendance issue, an admission
 * proposal, or chatter (greetings, questions, thanks).
 */
import { formatDay, formatTime } from "../calendar/day.js";
import { parseCount, WORD_END, WORD_START } from "../text/number-words.js";
import { parseAdmissions } from "./admissions.js";
import { parseAnnualRating } from "./annual-rating.js";
import { RE_IS_CORRECTION, readCorrection, type Correction } from "./correction.js";
import { findAmounts } from "./amounts.js";
import { findDates, resolveDate, type DateMention } from "./dates.js";
import { agendaOfMeeting, correctsSentReport, formSignals, isAdmissionProposal, isAttendanceIssue, nonReportKind, RE_LEVELS_COUNTED, RE_VOTE, speaksOfMeetingHeld } from "./gate.js";
import { parseMonthlyMeeting, readPeriod } from "./monthly-meeting.js";
import { titleCase } from "./names.js";
import { parsePartyDues } from "./party-dues.js";
import { COMRADE, COUNT } from "./patterns.js";
import { prepare, readName, type Prepared } from "./prepare.js";
import { findTimes } from "./times.js";
import type { FormName, ParseOptions, ParseResult } from "./types.js";
import { parseVillageQuarterly } from "./village-quarterly.js";
import { formatMonth } from "../calendar/day.js";

export type MessageKind =
  | FormName
  | "meeting-notice"
  | "postponement"
  | "correction"
  | "attendance-issue"
  | "admission-proposal"
  | "chatter";

export interface MeetingNotice {
  meeting_date?: string;
  start_time?: string;
  place?: string;
  period?: string;
  documents_posted?: boolean;
}

export interface Postponement {
  period?: string;
  postponed_to?: string;
  reason?: string;
}

export interface AttendanceIssue {
  period?: string;
  names: string[];
  consecutive?: number;
  proposal: boolean;
}

export interface AdmissionProposal {
  candidate?: string;
  female?: boolean;
  ethnicity?: string;
  age?: number;
  youth_union?: boolean;
  student?: boolean;
  votes_for?: number;
  votes_base?: number;
}

export interface Classification {
  kind: MessageKind;
  /** 0–1: how sure the classifier is. */
  confidence: number;
  /** The parse result when `kind` is a form. */
  report?: ParseResult;
  correction?: Correction;
  notice?: MeetingNotice;
  postponement?: Postponement;
  attendance_issue?: AttendanceIssue;
  admission_proposal?: AdmissionProposal;
}

const RE_GREETING = /^\s*(?:chao|xin chao|hi|hello|alo|a lo|cam on|thanks|thank|ok|oke|vang|da|uh|u|ừ)\b/;
const RE_QUESTION = new RegExp(`\\?|${WORD_START}co${WORD_END}[^.]{0,40}${WORD_START}(?:khong|ko|k|hok|chua)\\s*(?:a|ah|vay|the|nhi|nhe|ha)?\\s*$|${WORD_START}(?:may gio|khi nao|luc nao|hom nao|ngay nao|vay|sao)${WORD_END}|${WORD_START}(?:lam sao|the nao|nhu the nao|bao gio|o dau|co phai|duoc khong|dc ko|duoc ko|hoi|giup|huong dan|bot oi|ban oi|cho hoi)${WORD_END}`);
// "kính mời" before whom is invited ("ấp Kinh Mới" is a place).
const RE_NOTICE = new RegExp(`^\\s*(?:thong bao|tb|kinh moi|moi)${WORD_END}|${WORD_START}(?:cac (?:dc|d\\/c|dong chi) (?:di|tham du|co mat)|de nghi cac (?:dc|d\\/c|dong chi)|kinh moi (?:cac|dong chi|dc|d\\/c|anh|chi|ong|ba|quy|toan the|dang vien)${WORD_END}|tran trong kinh moi|moi cac (?:dc|d\\/c|dong chi)|tai lieu da dua len|se (?:sh|hop|sinh hoat|to chuc))`);
// "chưa hợp nhất", "chưa hợp lệ": "hợp" of a compound, no meeting.
const RE_POSTPONE = new RegExp(`${WORD_START}(?:chua (?:sh|hop(?! (?:nhat|le|ly|tac|dong|phap|thuc|chuan))|sinh hoat|to chuc)|hoan(?! thanh| thien| tat| chinh)|lui|doi lich|doi ngay|doi sang|tam hoan|chuyen sang ngay|dich sang)${WORD_END}`);
const RE_POSTPONE_REASON = /\b(?:do|vi|boi)\s+([^,.;]+?)(?=[,.;]|\s+(?:du kien|nen|lui|hoan|a\b)|$)/;
const RE_ISSUE = new RegExp(`${WORD_START}(?:lan thu\\s?\\d|lien tiep|xoa ten|de nghi (?:du|dang uy|cap tren|xem xet|xu ly|ky luat)|xem xet xu ly|nhieu lan|(?<!chi )bo sinh hoat)${WORD_END}`);
const RE_ABSENT_UNEXCUSED = /\bvang\s*(?:k|ko|khong|kg)\s*(?:ly do|ld)|\bkld\b|\b(?:khong|ko|k)\s+ly do\b|(?<!chi )\bbo\s+(?:sinh hoat|sh|hop)\b/;
const RE_DUES = /\b(?:dp|dang phi)\b/;
const RE_VILLAGE = /\b(?:ho|khau|nhan khau|km2|dien tich|so lieu thon)\b/;
const RE_ADMISSIONS = /\bket nap\b|\bkn\b|\bcct\b|\bchuyen (?:dang )?chinh thuc\b/;
// "dg 2026 xs 1 tot 12 ht 2": the rating's words cut short ("đg" đánh giá, "xs" xuất sắc) before a count.
const RE_RATING = new RegExp(`${WORD_START}(?:xep loai|xl|htxsnv|httnv|htxs|htt|kht|danh gia|hoan thanh xuat sac|hoan thanh tot|khong hoan thanh|dg(?=[^.;\\n]{0,12}${WORD_START}xs${WORD_END})|xs\\s*:?\\s*\\d)${WORD_END}`);
const RE_PRESENT_COUNT = /\bco mat\s*:?\s*\d|\d+\s*\/\s*\d+\s*(?:dv|dang vien|d\/c|dc|dong chi)?\s*(?:co mat|tham du|du)\b/;
// "so với quý trước": the village compared with last quarter; "Quý trước chi bộ kết nạp 2 đ/c" reports admissions.
const RE_VILLAGE_UNCHANGED = /\b(?:khong thay doi|ko thay doi|giu nguyen|(?:so voi|nhu|giong|bang)\s+quy truoc)\b/;
// "xin phép lùi buổi kiểm điểm, xếp loại … sang tối 28/12": a gathering of the cell other than the monthly meeting.
const RE_GATHERING = /\b(?:buoi|hoi nghi|kiem diem|le ket nap)\b/;
const RE_OTHERS_KEPT = /\bcac (?:so|so lieu|noi dung|muc) (?:khac|con lai) (?:van )?(?:giu nguyen|khong (?:thay )?doi)\b/;
const RE_MEETING_WORD = /\b(?:sh|shcb|shcd|sinh hoat|hop|co mat|vang)\b/;

/**
 * Classifies a free-text message.
 *
 * @example classifyMessage("chào bạn", { now }) // { kind: "chatter", confidence: 0.9 }
 */
export function classifyMessage(text: string, options: ParseOptions): Classification {
  if (typeof text !== "string" || text.trim().length === 0) return { kind: "chatter", confidence: 1 };
  const p = prepare(text, options.now, options.tz);
  const f = p.f;

  if (RE_IS_CORRECTION.test(f)) {
    const correction = readCorrection(p);
    if (correction) return { kind: "correction", confidence: 0.9, correction };
  }
  // "Báo cáo kết nạp em gửi sáng nay bị sai ạ, nữ 1 chứ không phải 2": a sent report corrected, even when
  // the figure is not one the form reader takes alone (the correction flow then asks).
  if (correctsSentReport(f)) return { kind: "correction", confidence: 0.7 };
  const early = nonReportKind(p);
  // "Thông báo: tối 15/12 chi bộ họp xét kết nạp …" is the meeting's notice; "đã kết nạp 2 quần chúng ưu tú" a result.
  // "quần chúng ưu tú" alone, with nothing to admit or vote on, is talk about them; "… đủ tuổi xét kết nạp chưa ạ?"
  // a question. One person named and proposed is a proposal, however long the sentence.
  if (isAdmissionProposal(f) && !(early === "question" && !RE_VOTE.test(f))) {
    const proposal = readProposal(p);
    if (early === null || proposal.candidate !== undefined) return { kind: "admission-proposal", confidence: 0.85, admission_proposal: proposal };
  }
  if (early === "article" || early === "directive" || early === "chatter") return { kind: "chatter", confidence: 0.8 };
  // "KHT 1 (đ/c bỏ sinh hoạt 3 tháng)": a report of another form that names one member's absences stays that report.
  if ((RE_ISSUE.test(f) && RE_ABSENT_UNEXCUSED.test(f) && !/\bco mat\b/.test(f) && otherFormSignals(f) <= 1) || isAttendanceIssue(f)) {
    return { kind: "attendance-issue", confidence: 0.8, attendance_issue: readIssue(p) };
  }
  // "SH T10 lùi từ 5/10 sang 12/10 do bão, 24/26 đv, vắng 2 có lý do": the meeting moved, then held and reported.
  if (RE_POSTPONE.test(f) && (RE_MEETING_WORD.test(f) || RE_GATHERING.test(f)) && !RE_PRESENT_COUNT.test(f) && !speaksOfMeetingHeld(f)) {
    return { kind: "postponement", confidence: 0.85, postponement: readPostponement(p) };
  }
  // ("… HTXS 4 (9,5%), HTT 35 …; Đảng ủy sẽ họp xét lại vào 05/01/2027": levels counted, the committee's step after them.)
  if (RE_NOTICE.test(f) && !/\bco mat\s*:?\s*\d/.test(f) && !RE_LEVELS_COUNTED.test(f)) {
    return { kind: "meeting-notice", confidence: 0.85, notice: readNotice(p) };
  }
  const not = early;
  if (not === "notice") return { kind: "meeting-notice", confidence: 0.75, notice: readNotice(p) };
  if (not === "question" || not === "article" || not === "directive") return { kind: "chatter", confidence: 0.8 };
  // The other forms, strongest signal first; the monthly meeting is read last, as before.
  const signals = formSignals(f);
  const order = OTHER_FORMS.filter((k) => signals[k] > 0 && signals[k] >= signals["monthly-meeting"] - 1).sort((a, b) => signals[b] - signals[a]);
  let mm: ParseResult<"monthly-meeting"> | undefined;
  for (const form of order) {
    // "hiện diện 17 / 20 … Nội dung: …; thu đảng phí": the form's business only on a counted meeting's agenda.
    if (agendaOfMeeting(f, form)) continue;
    // "họp ngày 2/2, có mặt 14 trên tổng số 17 … vận động 62 hộ dân": a meeting held and attended, whatever it counted.
    if (form === "village-quarterly") {
      mm ??= parseMonthlyMeeting(p);
      if (mm.ok && mm.fields.present !== undefined && mm.fields.meeting_date !== undefined) continue;
    }
    const r = readForm(form, p);
    if (r) return { kind: form, confidence: r.ok && r.missing.length <= 1 ? 0.9 : 0.7, report: r };
  }
  mm ??= parseMonthlyMeeting(p);
  if (mm.ok && mm.fields.present === undefined && mm.fields.resolutions === undefined && RE_QUESTION.test(f)) {
    return { kind: "chatter", confidence: 0.8 };
  }
  if (mm.ok) {
    const strong = mm.fields.present !== undefined || (mm.fields.meeting_date !== undefined && RE_MEETING_WORD.test(f));
    if (strong || mm.fields.resolutions) return { kind: "monthly-meeting", confidence: mm.missing.length === 0 ? 0.95 : 0.75, report: mm };
    if (RE_MEETING_WORD.test(f) && !RE_QUESTION.test(f)) return { kind: "monthly-meeting", confidence: 0.5, report: mm };
  }
  if (RE_GREETING.test(f) || RE_QUESTION.test(f)) return { kind: "chatter", confidence: 0.9 };
  return { kind: "chatter", confidence: 0.6 };
}

const OTHER_FORMS = ["annual-rating", "party-dues", "village-quarterly", "admissions"] as const;

function otherFormSignals(f: string): number {
  const s = formSignals(f);
  return s["party-dues"] + s["village-quarterly"] + s.admissions + s["annual-rating"];
}

/** The form's parse when it reads as that form's report; null otherwise. */
function readForm(form: (typeof OTHER_FORMS)[number], p: Prepared): ParseResult | null {
  const f = p.f;
  switch (form) {
    case "annual-rating": {
      if (!RE_RATING.test(f)) return null;
      const r = parseAnnualRating(p);
      // ("Chi bộ … tự đánh giá năm 2026 chỉ đạt HT thôi": the cell's own level alone is a report, its members' counts asked after.)
      return r.ok && (r.missing.length <= 2 || r.fields.cell_self_level !== undefined) ? r : null;
    }
    case "party-dues": {
      if (!RE_DUES.test(f) && findAmounts(f).length === 0) return null;
      if (/\bco mat\b/.test(f) || /\b(?:nq|nghi quyet)\s*:/.test(f)) return null;
      const r = parsePartyDues(p);
      return r.ok && (r.fields.paid !== undefined || r.fields.amount_vnd !== undefined) ? r : null;
    }
    case "village-quarterly": {
      const r = parseVillageQuarterly(p);
      if (!r.ok) return null;
      const n = ["households", "population", "members", "poor_households", "area_km2", "unions"].filter((k) => (r.fields as Record<string, unknown>)[k] !== undefined).length;
      return n >= 2 || (r.fields.unchanged === true && r.fields.period !== undefined) ? r : null;
    }
    case "admissions": {
      if (!RE_ADMISSIONS.test(f) || /\bco mat\b/.test(f)) return null;
      // "số liệu quý 3 không thay đổi, chỉ có 1 đv mới kết nạp nên đv là 20": the village's figures.
      // ("… xin sửa lại: kết nạp 2 đ/c thôi …. Các số khác giữ nguyên": the rest of this report, kept.)
      if (RE_VILLAGE_UNCHANGED.test(f) && !RE_OTHERS_KEPT.test(f)) return null;
      const r = parseAdmissions(p);
      return r.ok ? r : null;
    }
  }
}

function readNotice(p: Prepared): MeetingNotice {
  const out: MeetingNotice = {};
  const dates = findDates(p);
  const d = dates[0];
  if (d) {
    const day = resolveDate(d, p.now, "future");
    if (day !== null) out.meeting_date = formatDay(day);
  }
  const t = findTimes(p)[0];
  if (t) out.start_time = formatTime(t.minutes);
  const mm = parseMonthlyMeeting(p);
  if (mm.ok && mm.fields.place) out.place = mm.fields.place;
  const period = readPeriodAhead(p, dates);
  if (period) out.period = period;
  else if (out.meeting_date) out.period = out.meeting_date.slice(0, 7);
  if (/\btai lieu\b[^.]{0,30}\b(?:da dua|da dang|da gui|da up|len so tay)/.test(p.f)) out.documents_posted = true;
  return out;
}

/** The period a notice names; `dates` are all the message's dates. */
function readPeriodAhead(p: Prepared, dates: readonly DateMention[]): string | null {
  const r = readPeriod(p, 0, p.f.length, dates.filter((d) => d.kind === "dmy"));
  if (!r) return null;
  // A notice looks ahead: "T12" sent in late November is this December.
  const y = r.m < p.now.m - 6 ? r.y + 1 : r.m >= p.now.m && r.y < p.now.y ? p.now.y : r.y;
  return formatMonth(y, r.m);
}

function readPostponement(p: Prepared): Postponement {
  const out: Postponement = {};
  const anchor = /\b(?:lui|hoan|doi|chuyen|dich)\b/.exec(p.f);
  const all = findDates(p);
  const dates = anchor ? findDates(p, anchor.index) : all;
  const d = dates[0] ?? all[0];
  if (d) {
    const day = resolveDate(d, p.now, "future");
    if (day !== null) out.postponed_to = formatDay(day);
  }
  const r = readPeriod(p, 0, p.f.length, all.filter((x) => x.kind === "dmy"));
  if (r) out.period = formatMonth(r.y, r.m);
  else if (/\bthang nay\b/.test(p.f) || !r) out.period = formatMonth(p.now.y, p.now.m);
  const reason = RE_POSTPONE_REASON.exec(p.f);
  if (reason) out.reason = p.text.slice(reason.index + reason[0].length - (reason[1] as string).length, reason.index + reason[0].length).trim();
  return out;
}

const RE_ISSUE_NAME = new RegExp(`${COMRADE}\\s+`, "g");
const RE_CONSECUTIVE = new RegExp(`lan thu\\s?(${COUNT})|(${COUNT})\\s+(?:lan|thang)\\s+lien tiep`);

function readIssue(p: Prepared): AttendanceIssue {
  const names: string[] = [];
  RE_ISSUE_NAME.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = RE_ISSUE_NAME.exec(p.f))) {
    const n = readName(p, m.index + m[0].length, false);
    if (n) names.push(titleCase(n.name));
  }
  const out: AttendanceIssue = { names, proposal: /\bde nghi\b/.test(p.f) };
  const c = RE_CONSECUTIVE.exec(p.f);
  if (c) {
    const n = parseCount((c[1] ?? c[2]) as string);
    if (n !== null) out.consecutive = n;
  }
  const r = readPeriod(p, 0, p.f.length);
  if (r) out.period = formatMonth(r.y, r.m);
  return out;
}

const RE_CANDIDATE = /\b(?:quan chung|qc|qcut)\s+/;
const RE_AGE = /\b(\d{2})\s?(?:t|tuoi)\b/;
const RE_VOTES = new RegExp(`(${COUNT})\\s*\\/\\s*(${COUNT})`);
const RE_ETHNIC = new RegExp(`${WORD_START}(tay|nung|dao|kinh|mong|h'mong|hoa|san chay|san diu)${WORD_END}`);
const ETHNIC: Record<string, string> = { tay: "Tày", nung: "Nùng", dao: "Dao", kinh: "Kinh", mong: "Mông", "h'mong": "Mông", hoa: "Hoa", "san chay": "Sán Chay", "san diu": "Sán Dìu" };

function readProposal(p: Prepared): AdmissionProposal {
  const out: AdmissionProposal = {};
  const c = RE_CANDIDATE.exec(p.f);
  if (c) {
    const n = readName(p, c.index + c[0].length, false);
    if (n) out.candidate = n.name;
  }
  const paren = /\(([^)]*)\)/.exec(p.f);
  const info = paren ? (paren[1] as string) : p.f;
  if (/\bnu\b/.test(info)) out.female = true;
  else if (/\bnam\b/.test(info)) out.female = false;
  const e = RE_ETHNIC.exec(info);
  if (e) out.ethnicity = ETHNIC[e[1] as string] ?? (e[1] as string);
  const a = RE_AGE.exec(info);
  if (a) out.age = Number(a[1]);
  if (/\bdoan vien\b/.test(info)) out.youth_union = true;
  if (/\b(?:hs|hoc sinh|sv|sinh vien)\b/.test(info)) out.student = true;
  const v = RE_VOTES.exec(p.f.slice(paren ? paren.index + paren[0].length : 0));
  if (v) {
    const yes = parseCount(v[1] as string);
    const base = parseCount(v[2] as string);
    if (yes !== null) out.votes_for = yes;
    if (base !== null) out.votes_base = base;
  }
  return out;
}
