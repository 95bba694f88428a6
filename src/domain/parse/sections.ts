/**
 * Where a message's parts are: the resolution list ("NQ: …", "Nghị quyết tháng 12: 1. …")
 * and the content list ("ND: …", "nội dung: …"). Dates in a resolution are deadlines,
 * not the meeting date.
 */
import { WORD_END, WORD_START } from "../text/number-words.js";
import type { Span } from "./dates.js";
import { clauseEnd, type Prepared } from "./prepare.js";

export interface Sections {
  resolutions: Span | null;
  content: Span | null;
  /** Everything outside the two lists. */
  mainEnd: number;
  /** Where the lines after the resolution list start ("Buổi sinh hoạt kết thúc lúc 21h10"), if any. */
  tail: number | null;
}

// ("Giao:⏎+ đ/c … rà soát …": the tasks handed, a line's label.)
// ("nội dung: quán triệt nghị quyết đại hội, NQ: 1. …": the resolution studied is no header; the "NQ" after it is.)
const RE_RESOLUTION_HEADER =
  /(?:^|[\s.;,\n(])(?:nq|nghi quyet|ket luan|giao nhiem vu|phan cong|nhiem vu (?:thang toi|thang sau|tiep theo|thoi gian toi|trong tam)|chi bo thong nhat|thong nhat|(?:chi bo |cb )?quyet nghi|(?:chi bo|cb) giao|nhiem vu)\b(?:(?!\bnq\b)[^:\n.]){0,25}:|(?:^|\n)[ \t]*(?:[-+•*][ \t]*)?giao(?:\s+(?:viec|nhiem vu))?[ \t]*:/;
/** "IV. Kết luận\n- Vận động …": a heading on a line of its own, its numbered or bulleted list below it; "IV. NGHỊ QUYẾT
 * (nhiệm vụ trọng tâm tháng 3)": a note in brackets after it; "III. NGHỊ QUYẾT – NHIỆM VỤ TRỌNG TÂM THÁNG 3/2026": or a dash. */
// ("IV. NHIỆM VỤ THÁNG 7" over its items: the tasks of the month to come.)
const RE_RESOLUTION_HEADING =
  new RegExp(`(?:^|\\n)[ \\t]*(?:[ivx]{1,4}[.)][ \\t]*|\\d{1,2}[.)][ \\t]*)?(?:nq|nghi quyet|ket luan|quyet nghi|giao nhiem vu|phan cong nhiem vu|nhiem vu (?:thang toi|thang sau|tiep theo|thoi gian toi|trong tam|thang\\s?\\d{1,2}${WORD_END}))[^:\\n.(]{0,50}(?:\\([^()\\n]{0,40}\\))?[ \\t]*\\n(?=[ \\t]*(?:\\d{1,2}[.)]|[a-h]\\)|[-+•*])\\s)`);
// ("NGHỊ QUYẾT – NHIỆM VỤ TRỌNG TÂM THÁNG 3/2026⏎1. …": a dash inside the heading opens no item.)
// ("- Đánh giá kết quả thực hiện nghị quyết tháng 3;⏎- …": an item that ends names the resolution, no list of its own.)
const RE_RESOLUTION_LIST_HEADER = new RegExp(`(?:^|[\\s.;,\\n(])(?:nq|nghi quyet)${WORD_END}[^:\\n.;]{0,25}(?=\\s(?:1[.)]|-\\s(?!nhiem vu${WORD_END})))`);
// "…; nq dọn vệ sinh đường làng trước 20/10": a quick report's "nq" after a stop, its task straight after it.
// "… tháng năm. Nghị quyết ra quân diệt lăng quăng chủ nhật 10/5 giao chi hội phụ nữ", "… nghị quyết tháng mười vận
// động bà con chằng chống nhà cửa …": "nghị quyết" spelled out, a task's verb straight after it (not the resolution
// studied: "quán triệt nghị quyết …").
const RE_RESOLUTION_QUICK =
  new RegExp(`(?:^|[.;\\n]\\s*)nq\\s+(?=[a-z]+\\s+[a-z])|(?:^|[.;,\\n]\\s*|(?<!${WORD_START}(?:trien khai|quan triet|hoc tap|thuc hien|thong qua|ban hanh|xay dung|danh gia|so ket|tong ket|theo)) )nghi quyet(?: (?:thang (?:nay|toi|sau|\\d{1,2}|muoi mot|muoi hai|[a-z]+)|sinh hoat|chi bo))? (?=(?:giao|ra quan|van dong|to chuc|trien khai|thu|don|phat quang|tuyen truyen|ra soat|kiem tra|hoan thanh|chuan bi|tiep tuc|phun|nao vet|lam|sua|xay|tham)${WORD_END})`);
/** "chi bộ thống nhất vận động 64 hộ …": what the cell agreed, said in a sentence; "…⏎thong nhat van dong …": or a line opening with it. */
const RE_RESOLUTION_AGREED = /(?:(?:^|[\s.;,\n(])(?:chi bo|cb)\s+(?:da\s+)?|\n[ \t]*)thong nhat\s+(?!:|nghi quyet|cao|100|tuyet doi|y kien|voi|ve|chu truong|trong)/;
/** "chi bộ giao cho đồng chí … kiểm tra … trước ngày 20 tháng 8": a task handed with its deadline, said in a sentence. */
// The list starts at "giao" (or "phân công đ/c …"), which the item's owner is read after.
// ("…\nGiao tổ 1 dọn vệ sinh kênh trước 30/4.": or a line opening with "Giao"; "… tàu thuyền. Giao chi đoàn + CCB giúp …": or a sentence.)
const RE_RESOLUTION_HANDED = /(?:(?:^|[\s.;,\n(])(?:chi bo|cb)\s+(?:da\s+)?|(?:^|\n|[.!]\s)[ \t]*)(?=(?:giao|phan cong(?=\s+(?:cho\s+)?(?:d\/c|dc|dong chi)\s))\s(?!nhiem vu\s*:)[^.\n]{4,160}?\b(?:truoc|han|xong|cham nhat)\b)/;
/** A line that signs the report off: no resolution item. */
/** (Or the place-and-date line of a written report: "Diễn Thịnh, ngày 10 tháng 9 năm 2026".) */
// "…\nKính báo cáo.": the closing formula too; "Bí thư chi bộ (ký, ghi rõ họ tên)": a signer's line.
const RE_SIGNATURE = /\n\s*(?:kinh bao cao\s*[.!]?\s*(?:\n|$)|nguoi bao cao|nguoi lap|nguoi viet|nguoi ghi|nguoi gui|t\/m|tm\b|noi nhan|xac nhan|ky ten|thu ky|[^\n()]{0,40}\(\s*ky(?: ten)?\s*[,)]|[^\n,;:]{2,30},\s*ngay\s+\d{1,2}\s*(?:thang\s+|\/)\d{1,2}\s*(?:nam\s+|\/)\d{4}\s*\.?\s*(?:\n|$))/;
/** "Buổi sinh hoạt kết thúc lúc 21h10 cùng ngày.": a line that closes the meeting closes its resolutions too. */
// ("- Bế mạc: 15 giờ 45 phút.", "Kết thúc lúc 21h": the close as a label with its time; "E cảm ơn" as the last words.)
// "Đ/c Tô Văn Đạt ĐUV phụ trách dự.": a line telling who came from above closes them as well.
// "chuc VP nam moi vui ve 🎉", "Em cảm ơn ạ": a line of wishes or thanks closes them.
const RE_CLOSING_LINE = new RegExp(`\\n\\s*(?:(?:(?:da|vang)\\s+)?(?:(?:em|e|toi|tui|minh|chau)\\s+)?(?:xin\\s+)?(?:chuc|kinh chuc|cam on|tran trong cam on)(?:\\s|$)|(?:\\d{1,2}[.)]\\s*)?(?:(?:buoi|cuoc|ky)\\s+)?(?:sinh hoat|hop|hoi nghi)(?:\\s+chi bo)?\\s+(?:da\\s+)?(?:ket thuc|be mac|ke thuc)${WORD_END}|[-+•*]?\\s*(?:be mac|ket thuc|tan hop)\\s*:?\\s*(?:luc\\s*|vao luc\\s*)?\\d|[-+•*]?\\s*(?:d\\/c|dc|dong chi)\\s[^\\n,;]{2,40}?\\s(?:duv|cuv|dang uy vien|cap uy vien|cap uy|uv btv)${WORD_END}[^\\n]{0,30}?\\s(?:co\\s+)?(?:du|tham du|ve du|xuong du)${WORD_END})`);
/** "… chi bộ kết thúc lúc 20h45", "buổi sinh hoạt kết thúc": the close of the meeting said inside a sentence. */
// "… kế hoạch trồng cà phê tái canh kết thúc lúc 10 giờ 30": or the close and its time, the meeting left unsaid;
// "…, họp xong lúc 9 giờ kém 15": or the meeting over.
const RE_CLOSING_INLINE = /[\s.;,]\s*(?:(?:(?:buoi|cuoc|ky)\s+)?(?:sinh hoat|sh|hop|hoi nghi|chi bo|cb)(?:\s+chi bo)?\s+(?:da\s+)?(?:ket thuc|be mac)\b|(?:ket thuc|be mac)\s+(?:luc|vao luc|vao)\s+\d|(?:hop|sinh hoat|sh)\s+xong\s+(?:luc|vao luc|vao)\s)/;
// "… Có gì anh gọi em 0905 …", "…. Vậy thôi, có gì anh chỉ thêm tui nghen": the sender's offer to be called, or
// "vậy thôi", closes it too.
const RE_SIGN_OFF = new RegExp(`(?:[.!;]\\s*(?:(?:vay thoi|vay la|xin)\\s+)?(?:het bao cao|bao cao het|kinh bao cao)${WORD_END}|(?:[.!;]\\s*|\\s)co gi (?:(?:anh|chi|a|c|em|e)\\s+)?(?:goi|lien he|alo|bao lai|chi them)${WORD_END}|[.!;,]\\s*vay thoi${WORD_END}(?=\\s*(?:[.,!]|$|\\s+(?:a|nha|nghen|co gi|em|tui)${WORD_END}))|\\s(?:rua thoi|the thoi|vay thoi)\\s+co (?:chi|gi)${WORD_END}|[.!;]\\s*(?:da\\s+)?(?:em|e|minh|toi|tui)\\s+bao(?: cao)?\\s+(?:vay|nhu vay|the|rua)\\s+thoi${WORD_END})`);
const RE_THANKS = /[\s.,;!]\s*(?:(?:da|vang)\s+)?(?:em|toi|minh|xin)\s+(?:xin\s+)?cam on\b/;
// "III. NỘI DUNG SINH HOẠT\n1. …": a heading on a line of its own, its numbered or bulleted list below it.
// ("(… VP dán lại nội dung):": the words closing a bracket, no header; "Nội dung (tóm tắt):" is one.)
const RE_CONTENT_HEADER = new RegExp(`(?:^|[\\s.;,\\n(])(?:nd|noi dung|nd chinh|noi dung chinh|cac noi dung|chuong trinh|phan thuong ky)${WORD_END}[^:\\n.()]{0,20}(?:\\([^()\\n]{0,20}\\)[^:\\n.()]{0,10})?(?::|\\sgom${WORD_END}|\\sla${WORD_END}|[ \\t]*\\n(?=[ \\t]*(?:\\d{1,2}[.)]|[a-h]\\)|[-+•*])\\s))`);

// The headers' words, looked for first: most messages have neither list. (One scan for all of them costs less
// than an includes() of each.)
const RE_RESOLUTION_WORDS = /nq|nghi quyet|ket luan|nhiem vu|phan cong|thong nhat|bo giao|cb giao|quyet nghi|(?:^|\n|[.!]\s)[ \t]*(?:[-+•*][ \t]*)?giao\b/;
const RE_THEMATIC_PART = /\n[ \t]*(?:\d{1,2}[.)][ \t]*)?phan (?:sinh hoat )?chuyen de\b/;
const RE_CONTENT_WORDS = /nd|noi dung|chuong trinh|phan thuong ky/;

function mayHaveResolutions(f: string): boolean {
  return RE_RESOLUTION_WORDS.test(f);
}

export function findSections(p: Prepared): Sections {
  const f = p.f;
  let resolutions: Span | null = null;
  let content: Span | null = null;
  const r = mayHaveResolutions(f) ? RE_RESOLUTION_HEADER.exec(f) ?? RE_RESOLUTION_LIST_HEADER.exec(f) ?? RE_RESOLUTION_HEADING.exec(f) ?? RE_RESOLUTION_AGREED.exec(f) ?? RE_RESOLUTION_QUICK.exec(f) ?? (f.includes("giao") || f.includes("phan cong") ? RE_RESOLUTION_HANDED.exec(f) : null) : null;
  if (r) {
    const start = r.index + r[0].length;
    // "Người báo cáo: Bí thư chi bộ …": the signature closes the list.
    const rest = f.slice(start);
    const sign = RE_SIGNATURE.exec(rest);
    const closing = rest.includes("\n") ? RE_CLOSING_LINE.exec(rest) : null;
    const stop = closing && (!sign || closing.index < sign.index) ? closing : sign;
    resolutions = { start, end: stop ? start + stop.index : f.length };
    // "d) Chi bộ giao: …\nđ) Đồng chí Đảng ủy viên …": the header on a lettered line, the next letter opens the next
    // part of the report, not one more task.
    const headLine = f.slice(f.lastIndexOf("\n", r.index) + 1, r.index + 1);
    const letter = RE_LETTER_MARK.exec(headLine);
    if (letter) {
      // ("đ" follows "d" in the alphabet and folds to it.)
      const after = String.fromCharCode((letter[1] as string).charCodeAt(0) + 1);
      const next = new RegExp(`\\n[ \\t]*(?:${letter[1] === "d" ? "d|" : ""}${after})\\)`).exec(f.slice(start, resolutions.end));
      if (next) resolutions.end = start + next.index;
    }
    // "… trước ngày 20 tháng 8 dạ em cảm ơn": the thanks that sign a spoken report off.
    const thanks = rest.includes("cam on") ? RE_THANKS.exec(f.slice(start, resolutions.end)) : null;
    if (thanks) resolutions.end = start + thanks.index;
    // "… trước ngày 20 tháng 5. Hết báo cáo": the words that close a spoken report close its list too.
    const over = rest.includes("bao cao") || rest.includes("co gi") || rest.includes("thoi") ? RE_SIGN_OFF.exec(f.slice(start, resolutions.end)) : null;
    if (over) resolutions.end = start + over.index;
    // "NQ: Vận động …, hạn 15/8, giao đ/c Thủy.\nĐ/c Tô Văn Đạt ĐUV phụ trách dự.": a list beside its header, its
    // sentence ended, is over; the next line, neither marked as an item nor giving a task's owner or deadline, is not one.
    // The lines after it that are items or tasks ("tiếp tục thu đảng phí, hạn 10/10 - đ/c Tuấn") go on with it.
    let lineEnd = f.indexOf("\n", start);
    // "Chi bộ thống nhất:\n- …\n- …\nKhông có cán bộ xã dự.": a header ending its line, its items marked on the lines
    // below; the first line after them that is neither an item nor a task is not one.
    const below = lineEnd >= 0 && lineEnd < resolutions.end && f.slice(start, lineEnd).trim() === "" && RE_MARKED_LINE.test(f.slice(lineEnd + 1, lineEnd + 12));
    if (below || (lineEnd >= 0 && lineEnd < resolutions.end && /\S[ \t]*\.[ \t]*$/.test(f.slice(start, lineEnd)))) {
      while (lineEnd >= 0 && lineEnd < resolutions.end) {
        const nextEnd = f.indexOf("\n", lineEnd + 1);
        const next = f.slice(lineEnd + 1, nextEnd < 0 ? f.length : nextEnd);
        if (next.trim() !== "" && !RE_MARKED_LINE.test(next) && !RE_TASK_LINE.test(next)) {
          resolutions.end = lineEnd;
          break;
        }
        lineEnd = nextEnd;
      }
    }
  }
  const c = (RE_CONTENT_WORDS.test(f) ? RE_CONTENT_HEADER.exec(f) ?? RE_CONTENT_SPOKEN.exec(f) : null) ??
    (RE_COUNTED_HINT.test(f) ? RE_CONTENT_COUNTED.exec(f) : null) ?? (f.includes(" da") ? RE_CONTENT_DONE.exec(f) : null);
  if (c && (!resolutions || c.index < resolutions.start)) {
    let start = c.index + c[0].length;
    // "7. Nội dung chính:\n Kỷ niệm …; khai giảng …": the list on the next line, unmarked.
    const below = c[0].endsWith(":") ? RE_LIST_BELOW.exec(f.slice(start, start + 6)) : null;
    if (below) start += below[0].length;
    let end = listEnd(f, start);
    // "4. Nội dung: a; b; c.\n5. Nghị quyết: …", "- ND: a; b\n- NQ: …": a header on a numbered or bulleted
    // line with its list beside it; the next line so marked is the next part, not one more item.
    const lineStart = f.lastIndexOf("\n", c.index) + 1;
    const lineEnd = f.indexOf("\n", start);
    if (lineEnd >= 0 && end > lineEnd && RE_MARKED_LINE.test(f.slice(lineStart, c.index + 1)) && f.slice(start, lineEnd).trim() !== "") end = lineEnd;
    if (resolutions && end > r!.index) {
      end = r!.index;
      // "- Công tác phòng chống cháy rừng.\n5. Nghị quyết: …": the next part's number is no part of the last item.
      const ls = f.lastIndexOf("\n", end - 1);
      if (ls >= start && RE_MARK_ONLY.test(f.slice(ls, end))) end = ls;
    }
    // "nội dung học tập nghị quyết … chi bộ kết thúc lúc tám giờ bốn mươi lăm": said on, the close ends the agenda.
    if (f.includes("ket thuc", start) || f.includes("be mac", start) || f.includes(" xong ", start)) {
      const close = RE_CLOSING_INLINE.exec(f.slice(start, end));
      if (close) end = start + close.index;
    }
    // "1. Phần thường kỳ:⏎ - …⏎2. Phần chuyên đề: \"…\", do đ/c … trình bày": the thematic part is the topic, no item.
    const thematicPart = f.includes("phan chuyen de", start) || f.includes("phan sinh hoat chuyen de", start) ? RE_THEMATIC_PART.exec(f.slice(start, end)) : null;
    if (thematicPart) end = start + thematicPart.index;
    // "nội dung bàn … với thu quỹ vì người nghèo, hông có đại biểu xã dự": who came from above is no item.
    const delegates = RE_DELEGATE_REMARK.exec(f.slice(start, end));
    if (delegates) end = start + delegates.index;
    content = { start, end };
  }
  const mainEnd = Math.min(resolutions ? r!.index : f.length, content ? c!.index : f.length);
  return { resolutions, content, mainEnd, tail: resolutions && resolutions.end < f.length ? resolutions.end : null };
}

/** "Họp bàn ba việc: …", "bàn 2 vấn đề chính:": the agenda told by its count of matters. */
const RE_COUNTED_HINT = /(?:viec|van de)[a-z ]{0,12}:/;
const RE_CONTENT_COUNTED = /\b(?:ban|gom|co|hop)\s+(?:\d|hai|ba|bon|nam|sau|may|cac)\s+(?:viec|van de)(?:\s+(?:chinh|lon|sau|nhu sau))?\s*:/;
/** "… có xin phép nội dung triển khai nghị quyết …": the agenda said without a colon, led by what was done. */
// "3./ Chi bộ đã: thông qua …; triển khai …; xét …", "Chi bộ đã đánh giá kết quả tháng 10, nghe phổ biến …, và bàn …":
// what the cell did at the meeting, said as a sentence with no "nội dung".
const RE_CONTENT_DONE = /(?:^|[\n.]\s*|\/\s*)(?:chi bo|cb)\s+da(?:\s*:|\s+(?=(?:danh gia|nghe|thong qua|quan triet|trien khai|ban|thao luan|pho bien|hoc tap|kiem diem)\s))/;
const RE_CONTENT_SPOKEN =
  /(?:^|[\s.;,\n(])(?:noi dung|nd)\s+(?:(?:hop|sinh hoat|sh|la|gom)\s+)?(?=(?:trien khai|quan triet|danh gia|kiem diem|hop ban|ban|thong qua|hoc tap|tong ket|so ket|phuong huong|binh xet|xet|bau|chuan bi|tham hoi|to chuc|phat dong|tuyen truyen|van dong|ra soat|cham soc|phong chong|xay dung|ke hoach)\b)/;
const RE_DELEGATE_REMARK = /[,;.]\s*(?:(?:khong|ko|hong|k|kg|chua)\s+)?co\s+(?:dai bieu|cap uy|dang uy|can bo (?:xa|phuong)|lanh dao|ai (?:tren|o) (?:xa|phuong))\b[^,;.\n]*$/;
const RE_LETTER_MARK = /^[ \t]*([a-g])\)/;
const RE_LIST_BELOW = /^[ \t]*\n[ \t]*(?=\p{L})(?![a-h][.)][ \t])/u;
const RE_MARK_ONLY = /^\n\s*(?:\d{1,2}[.)]|[-+•*])?\s*$/;
// ("  a. Đánh giá …;": a letter and a dot too.)
const RE_MARKED_LINE = /^\s*(?:\d{1,2}(?:[.)]|\/(?=\s))|[a-h][.)](?=[ \t])|[-+•*]|\(\d{1,2}\))/;
// A line giving a task: its owner handed it ("giao …") or its deadline ("trước 20/11", "hạn 15/8").
const RE_TASK_LINE = /\b(?:giao\b|truoc (?:ngay )?\d|han (?:chot |cuoi )?\d|xong truoc\b)/;
// ("Nội dung:\n (1) Đánh giá …;": a number in brackets too.)
const RE_FIRST_NUMBER = /^(?:\s?|[ \t]*\n[ \t]*)(?:(?:\d{1,2}|[a-h])[.)]|\(\d{1,2}\))\s/;
const RE_NUMBER_AFTER_SEMICOLON = /;\s*\d{1,2}$/;
// "\n a) …": items lettered too.
const CONTINUED_LINE = /^\n\s*(?:\d{1,2}(?:[.)]|\/(?=\s))|\(\d{1,2}\)|[a-h]\)|[a-h]\.(?=[ \t])|[-+•*])/;

const RE_NEXT_NUMBER = /^\.\s*\d{1,2}[.)]\s/;
/** A list runs to the end of its sentence, or on over lines that start with a bullet. */
export function listEnd(f: string, start: number): number {
  // "Nội dung: 1. Đánh giá …; 2. Thu nộp đảng phí; 3. …": the first item's own "1." ends nothing either.
  const first = f.charCodeAt(start) < 58 || f.charCodeAt(start + 1) < 58 ? RE_FIRST_NUMBER.exec(f.slice(start, start + 6)) : null;
  let end = clauseEnd(f, start + (first ? first[0].length : 0));
  const ownLine = /\n[ \t]*$/.test(f.slice(Math.max(0, start - 4), start));
  while (end < f.length) {
    // "Nội dung:\n1. Phương án …\n2. …": the item's own "1." ends nothing.
    const line = f[end] === "\n" ? CONTINUED_LINE.exec(f.slice(end, end + 8)) : null;
    if (line) {
      end = clauseEnd(f, end + line[0].length);
      continue;
    }
    // "Nội dung chính\n- Thông tin thời sự quý 2.\n- Kế hoạch …": a list begun on its own line goes on over the next
    // bulleted line after an item's dot.
    if (f[end] === "." && f[end + 1] === "\n" && ownLine) {
      const next = CONTINUED_LINE.exec(f.slice(end + 1, end + 9));
      if (next) {
        end = clauseEnd(f, end + 1 + next[0].length);
        continue;
      }
    }
    // "1. Tổng kết … (BT). 2. Vận động …": a dot before the next number continues.
    // ("… 2025-2030. 2. phòng chống bão lũ …": past the next number's own dot too.)
    const nextNumber = f[end] === "." ? RE_NEXT_NUMBER.exec(f.slice(end, end + 6)) : null;
    if (nextNumber) {
      end = clauseEnd(f, end + nextNumber[0].length);
      continue;
    }
    // "…; 2. Thu nộp đảng phí": the next item's number after a semicolon.
    if (f[end] === "." && RE_NUMBER_AFTER_SEMICOLON.test(f.slice(Math.max(0, end - 5), end)) && /^\.\s/.test(f.slice(end, end + 2))) {
      end = clauseEnd(f, end + 1);
      continue;
    }
    // "Nội dung: 1) …; 2) …": the number's bracket opens an item, it closes nothing.
    if (f[end] === ")" && /(?:^|[\s;,:])(?:\d{1,2}|[a-h])$/.test(f.slice(Math.max(0, end - 3), end))) {
      end = clauseEnd(f, end + 1);
      continue;
    }
    // "ND: trien khai NQ dai hoi; thu hoach lua" — semicolons separate items.
    // ("  a. Đánh giá …;\n  b. Triển khai …;": the next lettered line after the semicolon.)
    if (f[end] === ";") {
      const next = CONTINUED_LINE.exec(f.slice(end + 1, end + 9));
      end = clauseEnd(f, end + 1 + (next ? next[0].length : 0));
      continue;
    }
    break;
  }
  return end;
}

// An item holds two characters or more besides spaces and separators.
const RE_TWO_MARKS = /[^\s.,;:-][\s\S]*?[^\s.,;:-]/;
// "1. Thông tin thời sự tháng 5.\n2. …": a month's or quarter's number ending a line is no item's.
// ("Thống nhất mấy việc: 1 là vận động …, 2 là rà soát …": items numbered in speech.)
const RE_ITEM_NUMBER = /(?:^|\n|(?<!\b(?:thang|quy|nam|tuan|so|khoa|lan|hem|to|xom|thon|khu|doi))[ \t;,])\(?(\d{1,2})(?:[.)]|\/(?=\s)|[ \t]+la(?=[ \t]+[a-z]))\s+|(?:^|\n)\s*(?:[-+•*]|[a-h]\)|[a-h]\.(?=[ \t]))\s*/g;

/** Splits a list span into item spans: numbered, bulleted, or by ";" (then ","). */
export function splitItems(f: string, span: Span, commas: boolean): Span[] {
  const body = f.slice(span.start, span.end);
  const cuts: number[] = [];
  RE_ITEM_NUMBER.lastIndex = 0;
  let m: RegExpExecArray | null;
  let lettered = false;
  while ((m = RE_ITEM_NUMBER.exec(body))) {
    if (cuts.length === 0) lettered = m[1] === undefined;
    cuts.push(m.index, m.index + m[0].length);
  }
  // "nq: - trồng rừng …; - tuần tra …", "a) Thông tin thời sự" alone: the mark opening the list, the items split as if
  // unmarked.
  if (cuts.length === 2 && cuts[0] === 0 && lettered) return splitItems(f, { start: span.start + (cuts[1] as number), end: span.end }, commas);
  const pieces: Span[] = [];
  if (cuts.length >= 2) {
    for (let k = 1; k < cuts.length; k += 2) {
      const start = cuts[k] as number;
      const end = cuts[k + 1] ?? body.length;
      pieces.push({ start: span.start + start, end: span.start + end });
    }
    const head = body.slice(0, cuts[0]).trim();
    if (head.length > 3) pieces.unshift({ start: span.start, end: span.start + (cuts[0] as number) });
  } else {
    const useComma = commas && !body.includes(";");
    let last = 0;
    let depth = 0;
    for (let i = 0; i < body.length; i++) {
      const ch = body[i] as string;
      if (ch === "(") depth++;
      else if (ch === ")") depth = Math.max(0, depth - 1);
      // "triển khai kế hoạch tháng 6 + góp ý dự thảo quy chế": a plus between spaces adds an item to an agenda.
      else if (depth === 0 && (ch === ";" || ch === "\n" || (useComma && ch === "," && !/\d/.test(body[i + 1] ?? "")) || (commas && ch === "+" && body[i - 1] === " " && body[i + 1] === " "))) {
        pieces.push({ start: span.start + last, end: span.start + i });
        last = i + 1;
      }
    }
    pieces.push({ start: span.start + last, end: span.start + body.length });
  }
  return pieces.filter((s) => RE_TWO_MARKS.test(f.slice(s.start, s.end)));
}
