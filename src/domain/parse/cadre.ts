/**
 * Was the assigned committee member (cấp ủy viên phụ trách) or another upper-level
 * delegate at the meeting? "đ/c Khoa cấp ủy phụ trách dự", "có ĐUV dự" → yes;
 * "ko có đại biểu cấp trên", "cấp ủy phụ trách vắng", "k có cán bộ xã dự", "ko có ĐU dự", "đại biểu ĐUX: ko có" → no.
 */
import { WORD_END, WORD_START } from "../text/number-words.js";
import { COMRADE, NEGATION } from "./patterns.js";
import { clauseEnd, clauseStart, lineEnd, readName, type Prepared } from "./prepare.js";

export interface CadreReading {
  present: boolean;
  name?: string;
}

// "Ủy viên BCH Đảng bộ xã", "PBT ĐU xã", "cb xã", "anh Hai Thành phụ trách bận họp": titles a delegate goes by.
// "anh Danh Hoàng phó chủ tịch xã về dự": the commune's chairman or his deputy too.
// ("anh Lâm Văn Khương phó ban xây dựng đảng xã xuống dự": a deputy head of the commune's party-building board;
// "đ/c Lê Văn Dũng phó bí thư ĐU về dự", "dc Hà ủy viên ĐU dự": the committee without "xã".)
const CADRE_TERM =
  `(?:(?:pho |truong )?ban xay dung dang(?: xa| phuong)?|(?:uy vien|uv) (?:bch|ban chap hanh)(?: dang bo)?(?: xa| phuong| thi tran)?|(?:pbt|bt|pho bi thu|bi thu) (?:du|dang uy) (?:xa|phuong|thi tran)|(?:pbt|pho bi thu|bi thu) (?:du|dang uy)(?=\\s+(?:ve\\s+|xuong\\s+|den\\s+)?(?:du|tham du)${WORD_END})|uy vien (?:du|dang uy)(?:\\s+(?:xa|phuong))?(?=\\s+(?:ve\\s+|xuong\\s+)?(?:du|tham du)${WORD_END})|(?:cb|dc|d\\/c|dong chi) (?:xa|phuong)(?=\\s+(?:du|tham du|xuong|ve|den|co mat)${WORD_END})|phu trach(?=\\s+(?:hom do|hom ay|bua do|bua ay|cum|ban|khong|ko|k|hong|hok|chua|vang|du|co du|tham du|xuong du|ve du)${WORD_END})|cap uy vien phu trach|cap uy phu trach|cap uy vien|cap uy|cuv|duv|dang uy vien|uv btv|uvbtv|btv dang uy|dai bieu cap tren|dai bieu dang uy|dai bieu xa|dai dien dang uy|dai dien cap tren|dang uy xa|dang uy|lanh dao xa|lanh dao dang uy|cap tren|(?:dc|d\\/c|dong chi|can bo|cb) phu trach|can bo (?:xa|phuong|dang uy|cap tren)|bi thu dang uy|pho bi thu dang uy|(?:pbt|bt|pho bi thu|bi thu) (?:xa|phuong|thi tran|dux|dup|du(?=\\s+(?:du|tham du|co mat)${WORD_END}))|(?:ai|nguoi|can bo) (?:tren|o|ben|cua) (?:xa|phuong|thi tran|huyen)|dux|(?:pho )?(?:chu tich (?:ubnd |uy ban nhan dan |ub )?|ct (?:ubnd|ub) )(?:xa|phuong|thi tran)|(?<=${WORD_START}co )du(?=\\s+(?:du|tham du)${WORD_END}(?!\\s+(?:kien|an|toan|thao|bi|tinh|dinh|bao)${WORD_END}))|(?:dc|d\\/c|dong chi|can bo|cb) (?:du|dx)(?=\\s+(?:du|tham du|xuong|ve|den)${WORD_END})|(?:ben|o|cua|tren) (?:du|dux)(?=\\s+(?:co\\s+|da\\s+)?(?:du|tham du|xuong|ve|den)${WORD_END}))`;
// The first two letters of every title in CADRE_TERM ("uy", "uv", "pb", "ph", "bt", "bi", "be", "cb", "ca", "cu", "chu t", "ct ", "du",
// "da", "dc", "d/", "do", "la", "ai", "ng", "o ", "tr"): scanned over the whole message, the long alternation is only
// tried at the word starts that could open one of them. A title added above needs its letters here.
const CADRE_START = "(?=[abcdlnoptu])(?=u[yv]|p[bh]|b[tie]|c(?:[bau]|hu t|t )|d[uac/o]|la|ai|ng|o |tr)";
const RE_CADRE = new RegExp(`${WORD_START}${CADRE_START}${CADRE_TERM}${WORD_END}`, "g");
// "Chau Ty (ko lý do), cuv Trương Minh Tú dự": an absentee's "no reason" before the title denies nothing of the cadre.
const RE_NEG_BEFORE = new RegExp(`${WORD_START}${NEGATION}\\s+(?!ly do|ld${WORD_END}|phep|bao${WORD_END}|xin phep)(?:co\\s+)?(?:su\\s+)?(?:tham du cua\\s+)?(?:[^\\s,;()]+\\s+){0,2}$`);
const RE_NEG_AFTER = new RegExp(`^[^.;\\n]{0,40}?${WORD_START}(?:vang|${NEGATION}\\s+(?:ve|xuong|den|du|tham du|co mat|tham gia|duoc|cu|co nguoi|co ai)|bao ban|ban viec|ban hop|co viec)${WORD_END}`);
// "… phụ trách chi bộ bận dự hội nghị tại tỉnh nên không tham dự được": could not attend, at the clause's end (after a
// "dự" of something else).
const RE_COULD_NOT = new RegExp(`${WORD_START}nen\\s+${NEGATION}\\s+(?:ve\\s+|xuong\\s+|den\\s+)?(?:du|tham du)\\s+duoc${WORD_END}`);
const RE_ATTEND = new RegExp(`${WORD_START}(?:du|tham du|co mat|chi dao|den du|xuong du|ve du|du va chi dao|tham gia|phat bieu|ket luan)${WORD_END}`);
const RE_CO_BEFORE = /\b(?:co|voi su tham du cua|su tham du cua|duoc su chi dao cua|moi|dai bieu\s*:|dai bieu du\s*:|dai bieu tham du\s*:)\s+(?:\S+\s+){0,6}\(?$/;
// "Cấp ủy cấp trên dự: Không": the level after the title too.
const RE_CADRE_ANSWER = new RegExp(`(?:^|\\n|[.;]\\s)\\s*(?:\\d{1,2}[.)]\\s*)?[-+*•]?\\s*(?:${CADRE_TERM}|dai dien cap uy|dai bieu(?:\\s+(?:dux|dup|du|dang uy|xa|phuong|cap tren)){0,2})(?:\\s+(?:cap tren|phu trach))?\\s*(?:du|tham du|co du|co mat)?\\s*:\\s*((?:khong|ko|k|kg|chua)(?:\\s+co)?|co du|co)\\s*(?:$|\\n|[.;,(]|[-–](?=\\s*${COMRADE}\\s))`);
// The answer a labelled line gives, colon and all: most messages hold none, and the long regex above is not run.
const RE_ANSWER_HINT = /:\s*(?:khong|ko|k|kg|chua|co)\b/;
// "…, đ/c không về dự được ạ": the addressed cadre did not come.
const RE_ADDRESSED_ABSENT = new RegExp(`${WORD_START}(?:dc|d\\/c|dong chi|anh|chi)\\s+${NEGATION}\\s+(?:ve|xuong|den)?\\s*(?:du|tham du)${WORD_END}`);
// "Đại biểu: đ/c Nguyễn Hoàng Phúc, Ủy viên BTV Đảng ủy xã": a labelled line naming who came.
// "5/ Đại diện Đảng ủy xã: đ/c Hồ Thị Lan, Phó Bí thư Đảng ủy": numbered, or the committee's representative.
const RE_DELEGATE_LINE = new RegExp(
  `(?:^|\\n)\\s*(?:\\d{1,2}\\s*[.)/]\\s*)?[-+*•]?\\s*(?:dai bieu|dai dien)(?:\\s+(?:cap tren|cap uy|du|dux|tham du|xa|dang uy|phuong))*\\s*:\\s*(?:${COMRADE}\\s+)`,
);
const RE_CADRE_LABEL = new RegExp(
  `(?:^|\\n)\\s*(?:\\d{1,2}\\s*[.)/]\\s*)?[-+*•]?\\s*(?:${COMRADE}\\s+)?${CADRE_TERM}(?:\\s+cap tren)?(?:\\s+(?:du|tham du|co mat))?\\s*:\\s*(?:${COMRADE}\\s+)?`,
);
const RE_NOT_CAME_AFTER = new RegExp(`^[\\s,(-]*(?:vang|${NEGATION}\\s+(?:du|tham du|ve|xuong|den|co mat))${WORD_END}`);
const RE_NOT_CAME_ANSWER = new RegExp(`^\\s*(?:vang(?:\\s+mat)?|(?:${NEGATION})(?:\\s+(?:du|tham du|ve|xuong|den|co mat))?)${WORD_END}`);
const RE_COMRADE_BEFORE = new RegExp(`${COMRADE}\\s+$`);
const RE_COMRADE_ALL = new RegExp(`${COMRADE}\\s+`, "g");

/** Reads cadre presence from f[from, to); null when the message does not say. */
export function readCadre(p: Prepared, from: number, to: number): CadreReading | null {
  const f = p.f;
  RE_CADRE.lastIndex = from;
  let m: RegExpExecArray | null;
  // "Cấp ủy dự: không" — a labelled line answered yes or no.
  const answered = RE_ANSWER_HINT.test(f) ? RE_CADRE_ANSWER.exec(f.slice(from, to)) : null;
  if (answered) {
    const present = !/^(?:khong|ko|k|kg|chua)\b/.test(answered[1] as string);
    // "Cấp ủy dự: có (đ/c Nông Văn Chiến)".
    const at = from + answered.index + answered[0].length;
    const bracket = present ? RE_NAME_IN_BRACKET.exec(p.f.slice(at - 1, at + 12)) : null;
    const name = bracket ? readName(p, at - 1 + bracket[0].length, false) : null;
    return name ? { present, name: name.name } : { present };
  }
  // "Em Hà Văn Lịch, cấp ủy viên phụ trách 3 bản …. Em có dự.": the cadre reports a meeting he came to.
  const self = RE_SELF_LEAD.test(f) && RE_SELF_ATTEND.test(f) ? selfIntroduced(p) : null;
  if (self) return { present: true, name: self };
  const bracketed = f.includes("(") ? selfInBracket(p) : null;
  if (bracketed) return { present: true, name: bracketed };
  const delegate = f.includes("dai bieu") || f.includes("dai dien") ? RE_DELEGATE_LINE.exec(f.slice(from, to)) : null;
  if (delegate) {
    const name = readName(p, from + delegate.index + delegate[0].length, false);
    if (name) return { present: true, name: name.name };
  }
  // "Đ/c cấp ủy viên phụ trách: Mai Thanh Tùng (có dự)": the title as a line's label, the name after its colon.
  const labelled = f.includes(":") ? RE_CADRE_LABEL.exec(f.slice(from, to)) : null;
  if (labelled) {
    // "Đ/c cấp ủy phụ trách: Vắng (đi tập huấn tại tỉnh)", "… : Không dự": the label answered, not with a name.
    if (RE_NOT_CAME_ANSWER.test(f.slice(from + labelled.index + labelled[0].length, from + labelled.index + labelled[0].length + 16))) return { present: false };
    let name = readName(p, from + labelled.index + labelled[0].length, false);
    // "Cấp ủy viên phụ trách dự: ☒ Có  Họ tên: Đặng Minh Khôi": a printed form's box ticked, the name on its own label.
    if (name && RE_YES_WORD.test(p.f.slice(name.end - name.name.length, name.end))) {
      const line = p.f.slice(name.end, lineEnd(p.f, name.end));
      const label = RE_NAME_LABEL.exec(line);
      name = label ? readName(p, name.end + label.index + label[0].length, false) : null;
    }
    // "Cấp ủy viên phụ trách: Dự" in a sheet, then "Cấp ủy viên phụ trách: đ/c Vũ Thị Thoa." below it: the answer, then the name.
    const answerAt = from + labelled.index + labelled[0].length;
    if (name && RE_ATTENDANCE_ANSWER.test(f.slice(answerAt, name.end).trim())) {
      const again = RE_CADRE_LABEL.exec(f.slice(name.end, to));
      const other = again ? readName(p, name.end + again.index + again[0].length, false) : null;
      return other && !RE_ATTENDANCE_ANSWER.test(f.slice(name.end + again!.index + again![0].length, other.end).trim()) ? { present: true, name: other.name } : { present: true };
    }
    if (name && !RE_NOT_CAME_AFTER.test(f.slice(name.end, name.end + 24))) return { present: true, name: name.name };
  }
  RE_CADRE.lastIndex = from;
  while ((m = RE_CADRE.exec(f)) && m.index < to) {
    const term = m[0];
    // "Thưa đ/c phụ trách, …": the cadre addressed, not reported on.
    if (/\b(?:thua|kinh gui|gui|bao cao|kinh bao cao)\s+$/.test(f.slice(Math.max(0, m.index - 16), m.index))) {
      if (RE_ADDRESSED_ABSENT.test(f.slice(m.index, to))) return { present: false };
      continue;
    }
    const start = m.index;
    const end = start + term.length;
    // "Kính gửi: Văn phòng Đảng ủy xã Xuân Du": the office the report goes to, on its address line ("du" a name's).
    if (RE_ADDRESS_LINE.test(f.slice(Math.max(0, start - 60), start))) continue;
    const cs = clauseStart(f, start);
    // "Đ/c Đỗ Minh Khôi (ĐUV phụ trách) dự": a title in brackets after the name; the clause goes on after the bracket.
    const close = f.indexOf(")", end);
    const bracketed = close >= 0 && f.lastIndexOf("(", start) > f.lastIndexOf(")", start) && !f.slice(end, close).includes("\n");
    const ce = Math.min(to, clauseEnd(f, bracketed ? close + 1 : start));
    const before = f.slice(Math.max(cs, start - 40), start);
    const after = f.slice(end, ce);
    // "nộp ĐUX", "đề nghị ĐU xem xét": the committee as an office, not a person at the meeting.
    // "ĐUX cử đ/c Lê Thị Hằng về dự": the committee sent someone, named after the verb.
    const sent = RE_SENT.exec(after);
    if (sent && RE_ATTEND.test(after.slice(sent[0].length))) {
      const who = readName(p, end + sent[0].length, false);
      return who && who.end <= ce ? { present: true, name: who.name } : { present: true };
    }
    // "ĐUX có đ/c Trương Công Định dự": the committee, then the comrade of it who came.
    const itsOwn = term === "dux" || term === "dang uy" || term === "dang uy xa" || term === "cap tren" ? RE_ITS_COMRADE.exec(after) : null;
    if (itsOwn) {
      const who = readName(p, end + itsOwn[0].length, false);
      if (who && who.end <= ce && RE_ATTEND_NEXT.test(p.f.slice(who.end, who.end + 14))) return { present: true, name: who.name };
    }
    if ((term === "dux" || term === "dang uy" || term === "cap tren") && !RE_ATTEND.test(after.slice(0, 15)) && !RE_CO_BEFORE.test(before) && !RE_LEVEL_THEN_CAME.test(after)) continue;
    if (/(?:nop|de nghi|bao cao|gui|len|cua)\s+$/.test(before)) continue;
    // "Cấp ủy phụ trách: đ/c Chu Thị Hằng dự": the name may follow the title.
    const name = cadreName(p, cs, start) ?? nameAfter(p, end, ce, RE_COMRADE_TERM.test(term)) ?? nameBeforeTitles(p, start);
    // "… về dự nội dung họp bàn việc …": what follows the verb of coming says nothing of the cadre.
    const came = RE_ATTEND.exec(after);
    const judged = came ? after.slice(0, came.index + came[0].length) : after;
    // "chị Lê Thị Hồng chủ tịch xã về dự": a capitalised name is no "hông".
    const neg = RE_NEG_BEFORE.exec(before);
    const negAt = start - before.length + (neg ? neg.index : 0);
    const denied = neg !== null && !(UPPER_FIRST.test(p.text.slice(negAt, negAt + 1)) && RE_CAPITALISED_BEFORE.test(p.text.slice(Math.max(0, negAt - 12), negAt)));
    if (denied || RE_NEG_AFTER.test(judged) || RE_COULD_NOT.test(after)) return name ? { present: false, name } : { present: false };
    // "ĐUV phụ trách: có (đ/c Đinh Văn Khánh)": the label answered yes.
    if (RE_ATTEND.test(after) || RE_CO_BEFORE.test(before) || RE_ATTEND.test(before.slice(-12)) || RE_ATTEND_LEAD.test(f.slice(cs, start)) || RE_ANSWERED_YES.test(after)) {
      return name ? { present: true, name } : { present: true };
    }
    // "Đảng ủy viên phụ trách:\tđ/c Lê Thị Thanh Tâm" in a report's table: the one who came, named on its line.
    if (name && after.includes(":") && RE_LABEL_NAMED.test(after) && RE_LINE_START.test(f.slice(Math.max(0, start - 4), start))) return { present: true, name };
  }
  // "Có anh Tư Thành phụ trách xã xuống dự", "Đ/c Trần Văn Út, …, phụ trách ấp có dự": in charge of a place, then came.
  const charge = f.includes("phu trach") ? RE_IN_CHARGE_CAME.exec(f.slice(from, to)) : null;
  if (charge) {
    const at = from + charge.index;
    const cs = clauseStart(f, at);
    const name = cadreName(p, cs, at) ?? nameBeforeTitles(p, at);
    return name ? { present: true, name } : { present: true };
  }
  return null;
}

const RE_IN_CHARGE_CAME = /\bphu trach\s+(?:xa|phuong|ap|thon|xom|ban|buon|to|tdp|kp|khu pho|khom|lang|soc|dia ban|chi bo|cb)\s+(?:co\s+)?(?:xuong\s+|ve\s+|den\s+)?(?:du|tham du)\b/;
const RE_ATTENDANCE_ANSWER = /^(?:co )?(?:du|tham du|ve du|co mat)$/;
// "Đ/c Thảo đảng ủy phường có về dự": the committee, its level, then the verb of coming.
const RE_LEVEL_THEN_CAME = new RegExp(`^\\s*(?:xa|phuong|thi tran|huyen)\\s+(?:co\\s+|da\\s+)?(?:ve\\s+|xuong\\s+|den\\s+)?(?:du|tham du)${WORD_END}`);
// "- Đ/c Trần Văn Út, Ủy viên Ban Thường vụ Đảng ủy, phụ trách ấp có dự": the comrade opening the sentence, his titles
// between commas before the one read.
const RE_SENTENCE_COMRADE = new RegExp(`^\\s*(?:\\d{1,2}[.)]\\s*)?[-+*•]?\\s*(?:co\\s+)?(?:${COMRADE}|anh|chi|ong|ba)\\s+`);
function nameBeforeTitles(p: Prepared, termStart: number): string | undefined {
  const f = p.f;
  const ss = Math.max(f.lastIndexOf(".", termStart - 1), f.lastIndexOf("\n", termStart - 1), f.lastIndexOf(";", termStart - 1), termStart - 120) + 1;
  const lead = RE_SENTENCE_COMRADE.exec(f.slice(ss, termStart));
  if (!lead) return undefined;
  const name = readName(p, ss + lead[0].length, false);
  return name && name.end < termStart && /^\s*,[^.;:\n()]*$/.test(f.slice(name.end, termStart)) ? name.name : undefined;
}
const RE_ADDRESS_LINE = /(?:^|\n)[ \t]*[-+*•]?[ \t]*(?:kinh gui|gui|noi nhan)\b[^\n]*$/;
// "Dự buổi sinh hoạt có đồng chí …", "Tham dự có …": the clause opens with the verb.
// "- Dự và chỉ đạo: đ/c Trần Quốc Toản - Đảng ủy viên": or a line's label.
const RE_ATTEND_LEAD = /^\s*(?:[-+•*]\s*)?(?:\d{1,2}[.)]\s*)?(?:(?:du|tham du|den du|ve du)\s+(?:buoi\s+(?:sinh hoat|hop|sh)\s+)?(?:co|voi|gom)\b|(?:du va chi dao|du|tham du|dai bieu(?: du)?|dai bieu cap tren|khach moi)\s*:)/;
// "anh Ba Tâm bên Đảng ủy phường": the name, then where the cadre belongs.
const RE_BETWEEN_NAME_TITLE = /^\s*(?:(?:ben|o|cua|tren)\s+)?$/;
const RE_SELF_ATTEND = new RegExp(`${WORD_START}(?:em|toi|minh)\\s+(?:co\\s+|da\\s+|cung\\s+|truc tiep\\s+)?(?:du|tham du|ve du|xuong du)${WORD_END}`);
const RE_SELF_LEAD = new RegExp(`^\\s*(?:bao cao cua|em la|toi la|minh la|em|toi|minh)\\s+(?:${COMRADE}\\s+)?`);
const RE_TITLE_AFTER_NAME = new RegExp(`^\\s*[,-]?\\s*(?:la\\s+)?${CADRE_TERM}${WORD_END}`);

/** The sender's name when the message opens with it and a cadre's title ("Em Hà Văn Lịch, cấp ủy viên phụ trách …"). */
function selfIntroduced(p: Prepared): string | null {
  const lead = RE_SELF_LEAD.exec(p.f);
  if (!lead) return null;
  const name = readName(p, lead[0].length, false);
  return name && RE_TITLE_AFTER_NAME.test(p.f.slice(name.end, name.end + 40)) ? name.name : null;
}

const RE_SELF_BRACKET = new RegExp(`${WORD_START}(?:em|toi|minh)\\s*\\(\\s*(?:${COMRADE}\\s+)?`, "g");
const RE_TITLE_THEN_CLOSE = new RegExp(`^\\s*[,-]?\\s*(?:la\\s+)?${CADRE_TERM}${WORD_END}[^()]{0,30}\\)`);

/** "Em (Đinh Văn Hrê cấp ủy phụ trách) có dự": the sender names himself and his title in brackets, then says he came. */
function selfInBracket(p: Prepared): string | null {
  RE_SELF_BRACKET.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = RE_SELF_BRACKET.exec(p.f))) {
    const name = readName(p, m.index + m[0].length, false);
    if (!name) continue;
    const title = RE_TITLE_THEN_CLOSE.exec(p.f.slice(name.end, name.end + 80));
    if (title && RE_ATTEND_NEXT.test(p.f.slice(name.end + title[0].length, name.end + title[0].length + 20))) return name.name;
  }
  return null;
}

const UPPER_FIRST = /^\p{Lu}/u;
const RE_CAPITALISED_BEFORE = /(?:^|\s)\p{Lu}\p{Ll}*\s$/u;
const RE_LINE_START = /(?:^|\n)[ \t]*[-+*•|]?[ \t]*$/;
const RE_ITS_COMRADE = new RegExp(`^\\s*(?:xa\\s+)?(?:co|thi co)\\s+${COMRADE}\\s+`);
const RE_SENT = new RegExp(`^\\s*(?:da\\s+)?(?:cu|phan cong|giao)\\s+${COMRADE}\\s+`);
// ("Cấp ủy phụ trách dự: Có - đ/c Phạm Minh Đức": or after a dash.)
const RE_NAME_IN_BRACKET = new RegExp(`^[\\s.;,]*(?:\\(|(?<=[-–])|[-–])\\s*${COMRADE}\\s+`);
// "Cấp ủy dự: đ/c Vi Thị Hằng".
// "Đảng ủy viên phụ trách: đ/c Lê Thị Thanh Tâm": "phụ trách" between the title and its colon.
// "ĐUV phường dự: đ/c Kiều": the level after the title too.
// "cấp ủy phụ trách là a Tuấn có dự": "anh"/"chị" (or their letter) in place of the comrade word.
// ("ĐUV phụ trách: có (đ/c Đinh Văn Khánh)": the answer, then the name in brackets.)
const RE_NAME_AFTER_TITLE = new RegExp(`^\\s*(?:(?:xa|phuong|thi tran)\\s+)?(?:phu trach\\s*)?(?:(?:du|tham du|co du)\\s*)?(?::|la)?\\s*(?:co\\s*\\(\\s*)?(?:${COMRADE}|(?<=(?:${WORD_START}la|:)\\s*)(?:anh|chi|a|c))\\s+`);
// The title as a line's label, a comrade named after its colon and nothing else on the line.
const RE_LABEL_NAMED = new RegExp(`^\\s*(?:phu trach\\s*)?:\\s*${COMRADE}\\s`);
const RE_ANSWERED_YES = /^\s*(?:phu trach\s*)?(?:du\s*)?:\s*co\b(?!\s+(?:ly do|phep|bao))/;
const RE_ATTEND_NEXT = new RegExp(`^\\s*(?:co\\s+)?(?:du|tham du|ve du|xuong du|den du|co mat)${WORD_END}`);
// "có a Quang đảng ủy viên dự", "chị Hoa cấp ủy dự": a capitalised name after "anh"/"chị".
const RE_KIN_ALL = /(?:^|[\s,(])(?:anh|chi|a|c)\s+/g;
// ("Có đ/c Hoàng Phó Bí thư ĐU về dự": or the given name alone.)
const RE_CAPITALISED_WORDS = /^(?:\p{Lu}\p{Ll}*\s+){0,3}\p{Lu}\p{Ll}*$/u;

// "đ/c phụ trách Rơ Châm Hlim hôm ni bận họp": the title said with a comrade word, the name right after it.
const RE_COMRADE_TERM = new RegExp(`^${COMRADE}\\s`);

// ("Đảng ủy viên phụ trách ấp (đ/c Huỳnh Thanh Tâm) báo vắng": the place in charge of named before the bracket.)
const RE_BRACKET_OPEN = /^\s*(?:phu trach(?:\s+(?:chi bo|cb|ap|thon|xom|ban|buon|bon|khu|khu pho|to|to dan pho|tdp|kp|khom|lang|plei|soc|dia ban))?\s*)?\(\s*/;
const RE_COMRADE_LEAD = new RegExp(`^${COMRADE}\\s+`);
const RE_YES_WORD = /^(?:co|khong)$/;
const RE_NAME_LABEL = /\bho (?:va )?ten\s*:\s*/;

function nameAfter(p: Prepared, from: number, to: number, comradeTerm = false): string | undefined {
  const m = RE_NAME_AFTER_TITLE.exec(p.f.slice(from, to));
  // "Đồng chí cấp ủy viên phụ trách (Lò Văn Thắm) không dự được": the name in brackets after the title.
  const bracket = m ? null : RE_BRACKET_OPEN.exec(p.f.slice(from, from + 30));
  if (bracket) {
    // ("Đảng ủy viên phụ trách (đ/c Đinh Công Hùng): có dự": the comrade word inside the brackets.)
    const comrade = RE_COMRADE_LEAD.exec(p.f.slice(from + bracket[0].length, from + bracket[0].length + 12));
    const inner = readName(p, from + bracket[0].length + (comrade?.[0].length ?? 0), false);
    if (inner && inner.end <= to && /^\s*\)/.test(p.f.slice(inner.end, inner.end + 3))) return inner.name;
  }
  if (!m) {
    // "cuv Trương Minh Tú dự": a capitalised name right after the title, then the verb.
    const bare = readName(p, from, false);
    return bare && bare.end <= to && (comradeTerm || RE_ATTEND_NEXT.test(p.f.slice(bare.end, bare.end + 14))) ? bare.name : undefined;
  }
  const name = readName(p, from + m[0].length, false);
  return name && name.end <= to ? name.name : undefined;
}

const RE_ANY_CAPITAL = /\p{Lu}/u;

function cadreName(p: Prepared, clauseFrom: number, termStart: number): string | undefined {
  const window = p.f.slice(clauseFrom, termStart);
  const re = RE_COMRADE_ALL;
  re.lastIndex = 0;
  let last: RegExpExecArray | null = null;
  let m: RegExpExecArray | null;
  while ((m = re.exec(window))) last = m;
  // "đồng chí Trần Thị Nụ thì không báo anh Quách Văn Đông đảng ủy viên có dự": "anh"/"chị" after the last
  // comrade word names the one whose title follows.
  // The comrade's own name may hold "A" ("đ/c Giàng A Chư cuv dự"): after it only.
  const named = last ? readName(p, clauseFrom + last.index + last[0].length, false) : null;
  const kinFrom = last ? (named ? named.end - clauseFrom : last.index + last[0].length) : 0;
  // The first whose name reaches the title: "anh Vì A Sinh đảng ủy viên" holds "A" too.
  RE_KIN_ALL.lastIndex = kinFrom;
  while ((m = RE_KIN_ALL.exec(window))) {
    const name = readName(p, clauseFrom + m.index + m[0].length, false);
    if (name && name.end <= termStart && RE_BETWEEN_NAME_TITLE.test(p.f.slice(name.end, termStart))) return name.name;
  }
  if (!last) return undefined;
  const nameStart = clauseFrom + last.index + last[0].length;
  // "… có đồng chí vũ văn hải phó bí thư đảng ủy xã về dự": a message typed all in lower case names in lower case too.
  const name = readName(p, nameStart, !RE_ANY_CAPITAL.test(p.text), true);
  // "Có đ/c Hà Văn Thành Đảng ủy viên phụ trách dự": the name runs into the capitalised title.
  if (name && name.end > termStart + 1) {
    const upTo = p.text.slice(nameStart, termStart).trim();
    return RE_CAPITALISED_WORDS.test(upTo) && RE_COMRADE_BEFORE.test(p.f.slice(clauseFrom, nameStart)) ? upTo : undefined;
  }
  if (!name) return undefined;
  // "(vắng đ/c Hà Thị Lụa ốm), cấp ủy phụ trách đ/c Vi Văn Đức dự": a bracket closed between the name and the title
  // holds another, an absent member.
  if (p.f.slice(name.end, termStart).includes(")")) return undefined;
  return RE_COMRADE_BEFORE.test(p.f.slice(clauseFrom, nameStart)) ? name.name : undefined;
}
