/**
 * Money in VND, every way a secretary types it (folded text): "312.000đ", "312k", "288 nghìn",
 * "0,288 tr", "1,2 triệu", "1tr2" (1.2 million), "1 triệu 250", "1.250.000 đồng",
 * "hai trăm tám mươi tám nghìn đồng"; a bare "264.000" after a money label ("số tiền: 264.000").
 */
import { NUMBER_WORDS_SOURCE, numberFromWords } from "../text/number-words.js";

const NUMW = NUMBER_WORDS_SOURCE;
// "1tr2", "2 tr 4", "1 trieu 250": millions and a tail of the next digits.
const RE_MILLION_TAIL = /(?<!\d|\d[.,])(\d{1,3})\s?(?:trieu|tr)\s?(\d{1,3})(?:\s?(nghin|ngan|k\b))?(?![\d]|[.,]\d|\/\d|\s?(?:dv|dang vien|dong chi|d\/c|dc\b|nguoi|thang))/g;
const RE_AMOUNT =
  /(?<!\d|\d[.,])(\d{1,3}(?:[.,]\d{3})+|\d+(?:[.,]\d{1,3})?)\s?(trieu|tr|nghin|ngan|k|vnd|dong|d)(?![a-z])(?!\/[a-z])(?!\s?chi\b)(?![.]?\s?c\b)/g;
const RE_WORD_AMOUNT = new RegExp(
  `\\b(?:(${NUMW})\\s+trieu(?:\\s+((?:khong tram\\s+)?${NUMW})(?=\\s+(?:nghin|ngan)))?|(${NUMW}))\\s*(?:(nghin|ngan)|(dong|vnd))?(?!\\s?chi\\b)`,
  "g",
);
// A bare figure with thousands separators after a money word: "số tiền: 264.000", "tổng thu 1.640.000", "thu 435.000",
// "Nộp lên ĐU: 226.800" (the remitting verb with to whom).
const RE_LABELLED = /\b(?:so tien|tien|tong thu|tong so tien|tong|thu duoc|thu|(?:trich\s+)?nop(?:\s+(?:len|ve))?(?:\s+(?:dux|dup|du|dang uy(?: xa| phuong)?|xa|phuong|cap tren|huyen))?|(?:de lai|giu lai)(?:\s+(?:cb|chi bo))?)\s*(?:thu\s*)?(?:duoc\s*)?:?\s*(\d{1,3}(?:[.,]\d{3})+)(?![.,]?\d)/g;
// "dp 14 dc 168000": a bare figure right after the members who paid it, in whole hundreds.
const RE_AFTER_MEMBERS = /(?<=\b\d{1,3}\s?(?:dc|d\/c|dv|dong chi|dang vien)\s*[,:=-]?\s*)(\d{4,8})(?![\d/]|[.,]\d|\s?(?:dc|d\/c|dv|dong chi|dang vien|%))/g;
/** Below this a figure "in đồng" is not a dues total (a count, a percent). */
const MIN_VND = 1000;

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

  RE_MILLION_TAIL.lastIndex = 0;
  while ((m = RE_MILLION_TAIL.exec(f))) {
    const millions = Number(m[1]);
    const tail = m[2] as string;
    // "1tr2" = 1.2 million, "1tr25" = 1.25 million, "1 triệu 250" = 1,250 thousand.
    const vnd = millions * 1_000_000 + (m[3] ? Number(tail) * 1000 : Number(tail) * 10 ** (6 - tail.length));
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
    if (unit === "trieu" || unit === "tr") value *= 1_000_000;
    else if (unit === "nghin" || unit === "ngan" || unit === "k") value *= 1000;
    else if (value < MIN_VND) continue;
    out.push({ vnd: Math.round(value), start, end });
  }

  if (/\b(?:trieu|nghin|ngan|dong)\b/.test(f)) {
    RE_WORD_AMOUNT.lastIndex = 0;
    while ((m = RE_WORD_AMOUNT.exec(f))) {
      const start = m.index;
      const end = start + m[0].length;
      if (m[0].trim() === "" || taken(start, end)) continue;
      let vnd: number | null = null;
      if (m[1] !== undefined) {
        const mil = numberFromWords(m[1]);
        // "một triệu không trăm hai mươi nghìn": no hundreds of thousands.
        // "hai triệu lẻ bốn chục ngàn": no hundreds of thousands either.
        const thousands = m[2] !== undefined ? numberFromWords(m[2].replace(/^(?:khong tram\s+)?(?:le|linh)\s+|^khong tram\s+/, "")) : 0;
        if (mil !== null && thousands !== null) vnd = mil * 1_000_000 + thousands * 1000;
      } else if (m[3] !== undefined && (m[4] !== undefined || m[5] !== undefined)) {
        const n = numberFromWords(m[3]);
        if (n !== null) vnd = m[4] !== undefined ? n * 1000 : n;
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
    const vnd = Number(m[1]);
    if (vnd >= MIN_VND && vnd % 100 === 0 && !taken(m.index, m.index + m[0].length)) out.push({ vnd, start: m.index, end: m.index + m[0].length });
  }
  return out.sort((a, b) => a.start - b.start);
}
