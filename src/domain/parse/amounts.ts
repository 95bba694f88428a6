/**
 * Money in VND, every way a secretary types it (folded text): "312.000đ", "312k", "288 nghìn",
 * "0,288 tr", "1,2 triệu", "1tr2" (1.2 million), "1 triệu 250", "1.250.000 đồng",
 * "hai trăm tám mươi tám nghìn đồng"; a bare "264.000" after a money label ("số tiền: 264.000").
 */
import { NUMBER_WORDS_SOURCE, numberFromWords, WORD_END, WORD_START } from "../text/number-words.js";

const NUMW = NUMBER_WORDS_SOURCE;
// "1tr2", "2 tr 4", "1 trieu 250": millions and a tail of the next digits.
// (A regex that opens with a lookbehind starts with a lookahead for its first digit: the lookbehind runs only there.)
const RE_MILLION_TAIL = /(?=\d)(?<!\d|\d[.,])(\d{1,3})\s?(?:trieu|tr)\s?(\d{1,3})(?:\s?(nghin|ngan|k\b))?(?![\d]|[.,]\d|\/\d|\s?(?:dv|dang vien|dong chi|d\/c|dc\b|nguoi|thang))/g;
// ("…đ chi" is "đồng chí" cut short, a count, but "291.200đ chi bộ sẽ nộp" is money and the cell.)
const RE_AMOUNT =
  /(?=\d)(?<!\d|\d[.,])(\d{1,3}(?:[.,]\d{3})+|\d+(?:[.,]\d{1,3})?)\s?(trieu|tr|nghin|ngan|k|vnd|dong|d)(?![a-z])(?!\/[a-z])(?!\s?chi\b(?!\s+bo\b))(?![.]?\s?c\b)/g;
// "277k2": one digit glued after the "k", then nothing of a figure.
const RE_K_TAIL = /^\d(?![\d/]|[.,]\d|[a-z])/;
const RE_SAID_TAIL = /^ \d(?![\d/]|[.,]\d|[a-z%])(?!\s*(?:tram|muoi|nghin|ngan|trieu|tr|k|h|g|gio|d|dong|vnd|d\/c|dc|dv|dang vien|nguoi|thang|ngay|nam|ho|khau|phut|lan|%)\b)/;
// "chín mươi hai ngàn bốn" (92,400): a digit said after the thousands is its hundreds, unless it counts something after it.
const NOT_COUNTED_AFTER = "(?!\\s+(?:tram|muoi|nghin|ngan|trieu|dong|d\\/c|dc|dv|dang vien|nguoi|thang|ngay|ho|khau|nay|ngoai|truoc|qua|toi|\\d))";
const RE_WORD_AMOUNT = new RegExp(
  `${WORD_START}(?:(${NUMW})\\s+trieu(?:\\s+((?:khong tram\\s+)?${NUMW})(?=\\s+(?:nghin|ngan)))?|(${NUMW}))\\s*(?:(nghin|ngan)(?:\\s+(mot|hai|ba|bon|tu|nam|sau|bay|tam|chin)${WORD_END}${NOT_COUNTED_AFTER}|\\s+(mot|hai|ba|bon|nam|sau|bay|tam|chin)\\s+tram(?=\\s+(?:dong|vnd)${WORD_END}))?|(dong|vnd))?(?!\\s?chi${WORD_END})`,
  "g",
);
// A bare figure with thousands separators after a money word: "số tiền: 264.000", "tổng thu 1.640.000", "thu 435.000",
// "Nộp lên ĐU: 226.800", "nộp VP ĐU phường 847.000" (the remitting verb with to whom), "Số tiền (đ): 574.000" (the unit in brackets),
// "Trích lại chi bộ 459.000, còn lại 1.071.000 nộp lên …" (the share kept and the rest; "còn 863.000 nộp lên …"), a ledger's "Cộng: 300.000" row.
const RE_LABELLED = /\b(?:so tien|tien|tong thu|tong so tien|tong|(?<!thanh )cong(?= ?:)|thu duoc|thu|(?:trich\s+)?nop(?:\s+(?:len|ve))?(?:\s+(?:vp|van phong))?(?:\s+(?:dux|dup|du(?: xa| phuong)?|dang uy(?: xa| phuong)?|xa|phuong|cap tren|huyen))?|(?:de lai|giu lai|trich(?: de)? lai)(?:\s+(?:cb|chi bo))?|con lai|con)\s*(?:thu\s*)?(?:duoc\s*)?(?:\((?:d|dong|vnd)\)\s*)?:?\s*(\d{1,3}(?:[.,]\d{3})+)(?![.,]?\d)/g;
// "dp 14 dc 168000", "Đã thu | 27 đv | 405.000" (a table's row, tabs made bars): a bare figure right after the members who paid it, in
// whole hundreds.
const RE_AFTER_MEMBERS = new RegExp(`(?=\\d)(?<=${WORD_START}\\d{1,3}\\s?(?:dc|d\\/c|dv|dong chi|dang vien)\\s*[,:=|-]?\\s*)(\\d{1,3}(?:\\.\\d{3})+|\\d{4,8})(?![\\d/]|[.,]\\d|\\s?(?:dc|d\\/c|dv|dong chi|dang vien|%))`, "g");
// "4 trăm linh 8 nghìn đồng", "hai trăm 70 nghìn", "1 triệu 2 trăm nghìn": digits and number words in one figure.
const MIXED_WORD = "(?:\\d{1,3}(?![\\d.,])|mot|hai|ba|bon|tu|nam|lam|sau|bay|tam|chin|muoi|tram|linh|le|trieu)";
const RE_MIXED_AMOUNT = new RegExp(`(?<![\\d.,])${WORD_START}${MIXED_WORD}(?:\\s+${MIXED_WORD}${WORD_END})*\\s+(nghin|ngan|dong)${WORD_END}(?!\\s?chi${WORD_END})`, "g");
const RE_HAS_MIXED = /\d\s+(?:tram|muoi|trieu|linh|le)\b|\b(?:tram|muoi|linh|le)\s+\d/;
const UNIT_WORDS = ["", "mot", "hai", "ba", "bon", "nam", "sau", "bay", "tam", "chin"];

/** A number below a thousand said in words: 408 → "bon tram linh tam", 75 → "bay muoi lam". */
function inWords(n: number): string {
  const h = Math.floor(n / 100);
  const t = Math.floor((n % 100) / 10);
  const u = n % 10;
  const out: string[] = [];
  if (h > 0) out.push(UNIT_WORDS[h] as string, "tram");
  if (t === 0 && u > 0 && h > 0) out.push("linh");
  if (t === 1) out.push("muoi");
  else if (t > 1) out.push(UNIT_WORDS[t] as string, "muoi");
  if (u > 0) out.push(t >= 1 && u === 5 ? "lam" : t > 1 && u === 1 ? "mot" : (UNIT_WORDS[u] as string));
  return out.length === 0 ? "khong" : out.join(" ");
}

/** The value of a figure of digits and number words ("4 tram linh 8" → 408, "1 trieu 2 tram" with thousands → 1,200,000). */
function mixedValue(run: string, unit: string): number | null {
  const words = run.trim().split(/\s+/).map((w) => (/^\d+$/.test(w) ? inWords(Number(w)) : w)).join(" ");
  const at = words.indexOf("trieu");
  const mil = at >= 0 ? numberFromWords(words.slice(0, at)) : 0;
  const rest = at >= 0 ? words.slice(at + 5).trim() : words;
  const tail = rest === "" ? 0 : numberFromWords(rest.replace(/^(?:khong tram\s+)?(?:le|linh)\s+/, ""));
  if (mil === null || tail === null) return null;
  if (at >= 0) return mil * 1_000_000 + tail * (unit === "dong" ? 1 : 1000);
  return unit === "dong" ? tail : tail * 1000;
}

/** Below this a figure "in đồng" is not a dues total (a count, a percent). */
const MIN_VND = 1000;

const RE_HALF_AFTER = /^\s?ruoi\b/;

export interface Amount {
  vnd: number;
  start: number;
  end: number;
}

/** Amounts of money in folded text, in text order. */
export function findAmounts(f: string): Amount[] {
  const out: Amount[] = [];
  const taken = (s: number, e: number): boolean => out.some((a) => s < a.end && e > a.start);
  let m: RegExpExecArray | null;

  if (RE_HAS_MIXED.test(f)) {
    RE_MIXED_AMOUNT.lastIndex = 0;
    while ((m = RE_MIXED_AMOUNT.exec(f))) {
      const unit = m[1] as string;
      let run = m[0].slice(0, m[0].length - unit.length);
      // "tháng 3 hai trăm nghìn": a number before the figure, no part of it.
      let start = m.index;
      for (let lead = /^(\d+\s+)(?!tram|trieu|muoi|linh|le)\S/.exec(run); lead; lead = /^(\d+\s+)(?!tram|trieu|muoi|linh|le)\S/.exec(run)) {
        run = run.slice((lead[1] as string).length);
        start += (lead[1] as string).length;
      }
      // Only a figure that mixes the two: digits alone or words alone are read below.
      if (!/\d/.test(run) || !/\b(?:mot|hai|ba|bon|tu|nam|lam|sau|bay|tam|chin|muoi|tram|linh|le)\b/.test(run)) continue;
      const vnd = mixedValue(run, unit);
      if (vnd !== null && vnd >= MIN_VND) out.push({ vnd, start, end: m.index + m[0].length });
    }
  }

  RE_MILLION_TAIL.lastIndex = 0;
  while (f.includes("tr") && (m = RE_MILLION_TAIL.exec(f))) {
    const millions = Number(m[1]);
    const tail = m[2] as string;
    // "1tr2" = 1.2 million, "1tr25" = 1.25 million, "1 triệu 250" = 1,250 thousand.
    const vnd = millions * 1_000_000 + (m[3] ? Number(tail) * 1000 : Number(tail) * 10 ** (6 - tail.length));
    if (taken(m.index, m.index + m[0].length)) continue;
    out.push({ vnd, start: m.index, end: m.index + m[0].length });
  }

  RE_AMOUNT.lastIndex = 0;
  while ((m = RE_AMOUNT.exec(f))) {
    const start = m.index;
    const end = start + m[0].length;
    if (taken(start, end)) continue;
    const num = m[1] as string;
    const unit = m[2] as string;
    let value: number;
    if (/^\d{1,3}(?:[.,]\d{3})+$/.test(num) && !(unit === "trieu" || unit === "tr") ) value = Number(num.replace(/[.,]/g, ""));
    else if (/^\d{1,3}(?:\.\d{3})+$/.test(num)) value = Number(num.replace(/\./g, ""));
    else value = Number(num.replace(",", "."));
    let to = end;
    if (unit === "trieu" || unit === "tr") {
      value *= 1_000_000;
      // "1 triệu rưỡi": and a half.
      const half = RE_HALF_AFTER.exec(f.slice(end, end + 8));
      if (half && Number.isInteger(value / 1_000_000)) {
        value += 500_000;
        to = end + half[0].length;
      }
    } else if (unit === "k" && RE_K_TAIL.test(f.slice(end, end + 3))) {
      // "277k2" (277,200), as "1tr2" is 1.2 million: the hundreds after the thousands.
      value = value * 1000 + Number(f[end]) * 100;
      to = end + 1;
    } else if ((unit === "nghin" || unit === "ngan") && Number.isInteger(value) && RE_SAID_TAIL.test(f.slice(end, end + 24))) {
      // "104 ngàn 4" (104,400), as "chín mươi hai ngàn bốn" is said: one digit after the thousands is their hundreds.
      value = value * 1000 + Number(f[end + 1]) * 100;
      to = end + 2;
    } else if (unit === "nghin" || unit === "ngan" || unit === "k") value *= 1000;
    else if (value < MIN_VND) continue;
    out.push({ vnd: Math.round(value), start, end: to });
  }

  if (/\b(?:trieu|nghin|ngan|dong)\b/.test(f)) {
    RE_WORD_AMOUNT.lastIndex = 0;
    while ((m = RE_WORD_AMOUNT.exec(f))) {
      const start = m.index;
      let end = start + m[0].length;
      if (m[0].trim() === "" || taken(start, end)) continue;
      let vnd: number | null = null;
      if (m[1] !== undefined) {
        const mil = numberFromWords(m[1]);
        // "một triệu không trăm hai mươi nghìn": no hundreds of thousands.
        // "hai triệu lẻ bốn chục ngàn": no hundreds of thousands either.
        const thousands = m[2] !== undefined ? numberFromWords(m[2].replace(/^(?:khong tram\s+)?(?:le|linh)\s+|^khong tram\s+/, "")) : 0;
        if (mil !== null && thousands !== null) vnd = mil * 1_000_000 + thousands * 1000;
        // "một triệu rưỡi": a million and a half.
        const half = m[2] === undefined ? RE_HALF_AFTER.exec(f.slice(end, end + 8)) : null;
        if (half && vnd !== null) {
          vnd += 500_000;
          end += half[0].length;
        }
      } else if (m[3] !== undefined && (m[4] !== undefined || m[7] !== undefined)) {
        const n = numberFromWords(m[3]);
        // "… nghìn bốn" (400) or "… nghìn bốn trăm đồng" (400): the hundreds after the thousands.
        const said = m[5] ?? m[6];
        const hundreds = said !== undefined ? numberFromWords(said === "tu" ? "bon" : said) : 0;
        if (n !== null && hundreds !== null) vnd = m[4] !== undefined ? n * 1000 + hundreds * 100 : n;
      }
      if (vnd !== null && vnd >= MIN_VND) out.push({ vnd, start, end });
    }
  }

  RE_LABELLED.lastIndex = 0;
  while ((m = RE_LABELLED.exec(f))) {
    const start = m.index + m[0].length - (m[1] as string).length;
    const end = m.index + m[0].length;
    if (taken(start, end)) continue;
    const vnd = Number((m[1] as string).replace(/[.,]/g, ""));
    if (vnd >= MIN_VND) out.push({ vnd, start, end });
  }
  RE_AFTER_MEMBERS.lastIndex = 0;
  while ((m = RE_AFTER_MEMBERS.exec(f))) {
    const vnd = Number((m[1] as string).replace(/\./g, ""));
    if (vnd >= MIN_VND && vnd % 100 === 0 && !taken(m.index, m.index + m[0].length)) out.push({ vnd, start: m.index, end: m.index + m[0].length });
  }
  return out.sort((a, b) => a.start - b.start);
}
