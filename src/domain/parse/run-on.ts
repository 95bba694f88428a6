/**
 * Voice-typed reports come as one run of words without a stop: "… tại trụ sở ban nhân dân khóm 2 kết thúc lúc
 * 21 giờ tổng số đảng viên 23 đồng chí có mặt 20 …". The readers end a place, a reason or a task at a stop, so
 * in such a run a stop is put back before the words that open the next part of a report, as a person reading it
 * aloud would pause there. Only long stretches with no punctuation at all are touched: a typed report keeps
 * its own stops.
 */
import { WORD_END, WORD_START } from "../text/number-words.js";
import { spliceEdits, type Edit } from "./edits.js";

/** A stretch this long (characters) with no stop, comma, colon or bracket is read as spoken. */
const MIN_RUN = 100;

/**
 * Words that open a new part of a report (folded text, each preceded by a space in the run). A stop goes before
 * the match; the alternatives are written to need the words after them so that a part's own words ("vắng" in
 * "đồng chí vắng không lý do") are no boundary.
 */
const RE_OPENS = new RegExp(
  " (?=" +
    [
      // The meeting's end and its roll, which end the place, a reason or an item before them.
      "ket thuc (?:luc|vao|hoi|cuoc)",
      "tong so (?:dang vien|dv|dong chi)",
      "du hop (?:co|con co)",
      // What was discussed and decided.
      // (Not "Hướng dẫn … về nội dung sinh hoạt chi bộ": the matter of a text cited.)
      `(?<!${WORD_START}(?:ve|cua|theo) )noi dung (?:sinh hoat|buoi|hop|cuoc hop|gom|chinh|la|thu nhat|\\d)`,
      "chuyen de (?:la|ve) ",
      "(?:chi bo|cb) (?:da )?(?:thong nhat|thong qua|quyet nghi|nhat tri|ra nghi quyet|giao)",
      "nghi quyet (?:thang|chi bo|giao|gom)",
      // (Not the first task after "chi bộ thống nhất", which opens the list.)
      "(?<!(?:thong nhat|thong qua|nhat tri|quyet nghi|phan cong|chi bo|cb) )giao (?:cho )?(?:dong chi|d\\/c|dc|chi hoi|chi doan|to truong|ban |hoi |doan )",
      `con (?:dong chi|d\\/c|dc) [a-z ]{2,30} (?:truong|pho|bi thu|chi hoi truong)[a-z ]* (?:lo|phu trach|chiu trach nhiem|theo doi)${WORD_END}`,
      "phan cong (?:dong chi|d\\/c|dc)",
      // Sign-offs.
      "(?:vay thoi |vay la )?(?:bao cao het|het bao cao|kinh bao cao|co gi lien he)",
      "(?:the|vay|vay thi) thoi(?: a| nhe| nha)?$",
    ].join("|") +
    ")",
  "g",
);

/** The agenda's opening words: a colon goes after them, and its items, said one after another, are cut apart with ";". */
const RE_AGENDA = /^ noi dung(?: sinh hoat| buoi| hop| cuoc hop)?(?: gom| la| chinh(?: la| gom)?)?(?= )/;
/** "thứ nhất …, thứ hai …": items counted off; then only the counting parts them. */
const RE_COUNTED_ITEM = / thu (?:hai|ba|tu|nam|sau)(?: la)?(?= )/g;
/** The first item's counting word, dropped like the others'. */
const RE_FIRST_COUNTED = /^ thu nhat(?: la)?(?= )/;
/** Where the next agenda item starts in a spoken list: its verb. */
// (Not a verb right after "công tác", which it belongs to: "công tác phòng chống sạt lở".)
const RE_AGENDA_ITEM =
  / (?:va )?(?<!cong tac |ban )(?=(?:danh gia|trien khai|quan triet|thong qua|ban (?:ve|ke hoach|bien phap|cong tac|viec|giai phap)|kiem diem|so ket|tong ket|hoc tap|thao luan|tham hoi|binh xet|cong tac|phong chong|van dong|cham soc)\b)/g;
const COUNT_WORD = "(?:\\d{1,2}|mot|hai|ba|bon|nam|sau|bay|tam|chin|muoi)";
/**
 * "vắng năm đồng chí trong đó có ba đồng chí miễn sinh hoạt một đồng chí đi viện …": after a kind of absence, the
 * next count and its noun open the next group (a comma, so that "miễn sinh hoạt một" is not read as one group).
 */
const RE_GROUP_NEXT = new RegExp(
  `(?<=(?:mien sinh hoat|mien sh|co ly do|khong ly do|khong co ly do|co phep|khong phep|co bao|khong bao)) (?=${COUNT_WORD}(?: [a-z]+)? (?:dong chi|d\\/c|dv|dang vien)${WORD_END})`,
  "g",
);

/** Is the character code a stop, comma, colon, bracket or line break (".,;:!?()" or a new line)? */
function isStop(c: number): boolean {
  return c === 46 || c === 44 || c === 59 || c === 58 || c === 33 || c === 63 || c === 40 || c === 41 || c === 10;
}

/** Does `f` hold a stretch of `MIN_RUN` characters with no stop? */
export function mayBeRunOn(f: string): boolean {
  // The stretch from `start` is read from its far end back: a stop found there moves the next try past it, so most
  // characters of a punctuated message are never read (this runs on every message).
  let start = 0;
  while (start + MIN_RUN <= f.length) {
    let i = start + MIN_RUN - 1;
    while (i >= start && !isStop(f.charCodeAt(i))) i--;
    if (i < start) return true;
    start = i + 1;
  }
  return false;
}

/** `text` with a stop put before each part's opening words inside its long unpunctuated stretches. */
export function punctuateRunOn(text: string, f: string): string {
  const cuts: Edit[] = [];
  let start = 0;
  for (let i = 0; i <= f.length; i++) {
    if (i < f.length && !isStop(f.charCodeAt(i))) continue;
    if (i - start >= MIN_RUN) cutRun(f.slice(start, i), start, cuts);
    start = i + 1;
  }
  return spliceEdits(text, cuts);
}

/** The cuts of one unpunctuated stretch `run` that starts at `base` in the message. */
// A cut is a mark put in (a stop, a colon, a semicolon), or one put in place of the words that join the next item
// ("và", "thứ hai là").
function cutRun(run: string, base: number, cuts: Edit[]): void {
  let m: RegExpExecArray | null;
  const opens: number[] = [];
  RE_OPENS.lastIndex = 0;
  while ((m = RE_OPENS.exec(run))) if (m.index > 0) opens.push(m.index);
  RE_GROUP_NEXT.lastIndex = 0;
  while ((m = RE_GROUP_NEXT.exec(run))) cuts.push({ start: base + m.index, end: base + m.index, with: "," });
  for (let k = 0; k < opens.length; k++) {
    const at = opens[k] as number;
    cuts.push({ start: base + at, end: base + at, with: "." });
    const agenda = RE_AGENDA.exec(run.slice(at, at + 40));
    if (agenda === null) continue;
    let listAt = at + agenda[0].length;
    let items = run.slice(listAt, opens[k + 1] ?? run.length);
    const counted = / thu (?:hai|ba)\b/.test(items);
    const first = counted ? RE_FIRST_COUNTED.exec(items) : null;
    cuts.push({ start: base + listAt, end: base + listAt + (first ? first[0].length : 0), with: ":" });
    if (first) {
      listAt += first[0].length;
      items = items.slice(first[0].length);
    }
    const re = counted ? RE_COUNTED_ITEM : RE_AGENDA_ITEM;
    re.lastIndex = 0;
    let from = 0;
    while ((m = re.exec(items))) {
      // An item is more than its verb: "triển khai chăm sóc cà phê" is one.
      if (!counted && items.slice(from, m.index).trim().split(" ").length < 3) continue;
      // A "và" or "thứ hai là" before the next item goes with the cut.
      cuts.push({ start: base + listAt + m.index, end: base + listAt + m.index + m[0].length - (counted ? 0 : 1), with: ";" });
      from = m.index + m[0].length;
    }
  }
}
