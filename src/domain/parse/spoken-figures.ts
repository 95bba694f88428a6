/**
 * Figures said aloud and typed by voice keep the magnitude words between their digits: "2 nghìn 540 nhân khẩu",
 * "1 ngàn 126 người", "325 ngàn 500 đồng", "1 triệu 85 ngàn đồng". They are written back as one figure ("2.540",
 * "325.500 đồng", "1.085 ngàn đồng"), as a clerk would copy them, so that every reader takes the whole.
 */
import { numberFromWords, WORD_END } from "../text/number-words.js";
import { spliceEdits, type Edit } from "./edits.js";

/** Any digit, a magnitude word and a digit again (folded text): most messages have none. */
const RE_MAY_HAVE = /\d (?:nghin|ngan|trieu) \d/;
// "1 triệu 85 ngàn (500)": millions, thousands, and maybe the hundreds after them.
const RE_MILLIONS = new RegExp(`(?<![\\d.,])(\\d{1,3}) trieu (\\d{1,3}) (nghin|ngan)(?: (\\d{3}))?(?!\\d|[.,]\\d|\\s?(?:tr|trieu|nghin|ngan|k)${WORD_END})`, "g");
// "2 nghìn 540", "325 ngàn 500": thousands and the three digits after them.
const RE_THOUSANDS = new RegExp(`(?<![\\d.,])(\\d{1,3}) (nghin|ngan) (\\d{3})(?!\\d|[.,]\\d|\\s?(?:tr|trieu|nghin|ngan|k)${WORD_END})`, "g");

const RE_THOUSANDS_HUNDREDS = /(?<![\d.,])(\d{1,3}) (nghin|ngan) (\d) tram(?: (?:linh|le))?(?: (\d{1,2}))?(?!\d|[.,]\d|\s?(?:tr|trieu|nghin|ngan|k)\b)/g;

// What a figure counts when it is no money: "2 nghìn 540 nhân khẩu", "1 nghìn 200 ha"; or money said already ("… đồng").
const RE_NOUN_AFTER = /^\s*(?:nhan khau|khau|ho\b|nguoi|dong chi|d\/c|dc\b|dv\b|dang vien|hoi vien|hv\b|ha\b|hecta|m2|km|dong\b|d\b|vnd|tan|ta\b|cay|con\b|m\b|met)/;

// "1 triệu không trăm năm mươi nghìn": millions in digits, the thousands in words.
const RE_MAY_HAVE_WORDS = /\d trieu [a-z]/;
const RE_MILLIONS_WORDS = /(?<![\d.,])(\d{1,3}) trieu ((?:[a-z]+ ){1,6}?)(nghin|ngan)\b/g;
const RE_NO_HUNDREDS = /^khong tram (?:linh |le )?/;

// "năm hai ngàn hai mươi lăm", "năm hai nghìn không trăm hai mươi sáu": a year said in words, then up to three words of it.
const RE_SPOKEN_YEAR = /\bnam hai (?:nghin|ngan)(?: khong tram)?(?: (?:linh|le))? ((?:[a-z]+)(?: [a-z]+){0,2})/g;

const RE_COUNTED_NOUN = new RegExp(`^ (?:dang vien|dv|dong chi|d\\/c|dc|nguoi|ho|khau|nhan khau)${WORD_END}`);

/** The year said after "năm hai ngàn": the longest start of `tail` that is a number below 100, and its length. */
function yearTail(tail: string): { n: number; length: number } | null {
  const words = tail.split(" ");
  for (let k = Math.min(3, words.length); k > 0; k--) {
    const said = words.slice(0, k).join(" ");
    const n = numberFromWords(said);
    if (n !== null && n >= 1 && n < 100) return { n, length: said.length };
  }
  return null;
}

/** `text` (folded `f`) with its spoken figures written as one; `text` itself when it has none. */
export function composeSpokenFigures(text: string, f: string): string {
  const words = RE_MAY_HAVE_WORDS.test(f);
  const years = f.includes("nam hai ng");
  if (!words && !years && !RE_MAY_HAVE.test(f)) return text;
  const edits: Edit[] = [];
  let m: RegExpExecArray | null;
  RE_SPOKEN_YEAR.lastIndex = 0;
  while (years && (m = RE_SPOKEN_YEAR.exec(f))) {
    const tail = yearTail(m[1] as string);
    // Only where the year's last words would be read as a count of what follows ("… hai mươi lăm đảng viên"); said
    // elsewhere ("bình xét hộ nghèo năm hai nghìn không trăm hai mươi bảy") it stays as typed.
    const next = m.index + m[0].length - (m[1] as string).length + (tail?.length ?? 0);
    if (!tail || !RE_COUNTED_NOUN.test(f.slice(next, next + 14))) continue;
    // "năm hai ngàn hai mươi lăm đảng viên …": the year's words, not a count of members.
    const start = m.index + 4;
    const end = m.index + m[0].length - (m[1] as string).length + tail.length;
    edits.push({ start, end, with: String(2000 + tail.n) });
  }
  RE_MILLIONS_WORDS.lastIndex = 0;
  while (words && (m = RE_MILLIONS_WORDS.exec(f))) {
    const thousands = numberFromWords((m[2] as string).trim().replace(RE_NO_HUNDREDS, ""));
    if (thousands === null || thousands > 999) continue;
    const unit = text.slice(m.index + m[0].length - (m[3] as string).length, m.index + m[0].length);
    edits.push({ start: m.index, end: m.index + m[0].length, with: `${m[1]}.${String(thousands).padStart(3, "0")} ${unit}` });
  }
  RE_MILLIONS.lastIndex = 0;
  while ((m = RE_MILLIONS.exec(f))) {
    if (edits.some((e) => m!.index < e.end && m!.index + m![0].length > e.start)) continue;
    const thousands = (m[2] as string).padStart(3, "0");
    // With its hundreds the figure is whole ("1.085.500"); without, it stays in thousands ("1.085 ngàn").
    const figure = m[4] !== undefined ? `${m[1]}.${thousands}.${m[4]}` : `${m[1]}.${thousands} ${text.slice(m.index + m[0].length - (m[3] as string).length, m.index + m[0].length)}`;
    edits.push({ start: m.index, end: m.index + m[0].length, with: figure });
  }
  // "1 nghìn 6 trăm 25 khẩu": the hundreds said as a word too.
  RE_THOUSANDS_HUNDREDS.lastIndex = 0;
  while ((m = RE_THOUSANDS_HUNDREDS.exec(f))) {
    const start = m.index;
    if (edits.some((e) => start < e.end && start + m![0].length > e.start)) continue;
    const rest = Number(m[3]) * 100 + (m[4] !== undefined ? Number(m[4]) : 0);
    const after = f.slice(start + m[0].length, start + m[0].length + 14);
    edits.push({ start, end: start + m[0].length, with: `${m[1]}.${String(rest).padStart(3, "0")}${RE_NOUN_AFTER.test(after) ? "" : " đồng"}` });
  }
  RE_THOUSANDS.lastIndex = 0;
  while ((m = RE_THOUSANDS.exec(f))) {
    const start = m.index;
    if (edits.some((e) => start < e.end && start + m![0].length > e.start)) continue;
    // "còn lại chi bộ giữ 110 nghìn 400.": with no noun after it, a figure said in thousands is money.
    const after = f.slice(start + m[0].length, start + m[0].length + 14);
    const money = !RE_NOUN_AFTER.test(after);
    edits.push({ start, end: start + m[0].length, with: `${m[1]}.${m[3]}${money ? " đồng" : ""}` });
  }
  return spliceEdits(text, edits);
}

/**
 * "kết nạp được năm đồng chí …, năm đoàn viên": "năm" (five) written with its mark before a person or a household is the
 * figure; folded, it would read as "nam" (male) and be taken for no count. "năm 2026", "năm nay", "hai mươi năm" keep it.
 */
const RE_FIVE = /(?<![\p{L}\d])(?<!(?:mươi|linh|lẻ|trăm|nghìn|ngàn) )([Nn])ăm(?= (?:đồng chí|đ\/c|đc|đv|đảng viên|người|em|chị|anh|cháu|nữ|đoàn viên|hộ|khẩu|hội viên)(?![\p{L}]))/gu;

/** `text` with "năm" before a person or a household written as "5"; `text` itself when it has none. */
export function spellFive(text: string): string {
  if (!text.includes("ăm ")) return text;
  RE_FIVE.lastIndex = 0;
  return RE_FIVE.test(text) ? text.replace(RE_FIVE, "5") : text;
}

