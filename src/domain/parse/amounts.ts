/** Money in VND: "312.000đ" = 312000, "312k", "1,2 triệu", "1.250.000 đồng". */

const RE_AMOUNT =
  /(?<![\d.,])(\d{1,3}(?:[.,]\d{3})+|\d+(?:[.,]\d{1,2})?)\s?(trieu|tr|nghin|ngan|k|vnd|dong|d)(?![a-z])/g;

export interface Amount {
  vnd: number;
  start: number;
  end: number;
}

/** Amounts of money in folded text, in text order. */
export function findAmounts(f: string): Amount[] {
  const out: Amount[] = [];
  RE_AMOUNT.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = RE_AMOUNT.exec(f))) {
    const num = m[1] as string;
    const unit = m[2] as string;
    let value: number;
    if (/[.,]\d{3}(?:[.,]|$)/.test(num)) value = Number(num.replace(/[.,]/g, ""));
    else value = Number(num.replace(",", "."));
    if (unit === "trieu" || unit === "tr") value *= 1_000_000;
    else if (unit === "nghin" || unit === "ngan" || unit === "k") value *= 1000;
    out.push({ vnd: Math.round(value), start: m.index, end: m.index + m[0].length });
  }
  return out;
}
