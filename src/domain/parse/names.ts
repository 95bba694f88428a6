/** Name tidying shared by extractors. */

/** "lan" → "Lan", "trieu van nam" → "Trieu Van Nam"; capitalised names are kept. */
export function titleCase(name: string): string {
  if (name !== name.toLowerCase()) return name;
  return name.replace(/(^|\s)(\p{L})/gu, (_m, sp: string, ch: string) => sp + ch.toUpperCase());
}

// The abbreviations of a village's or a meeting place's kind, as an office writes them out ("KP 4" is "khu phố 4").
const UNIT_WORDS: [RegExp, string][] = [
  [/(?<!\p{L})(?:KP|Kp|kp)(?=\s?\d|\s|$)/gu, "khu phố"],
  [/(?<!\p{L})(?:TDP|TDp|Tdp|tdp)(?=\s?\d|\s|$)/gu, "tổ dân phố"],
  [/(?<!\p{L})(?:NVH|nvh)(?!\p{L})/gu, "nhà văn hóa"],
  [/(?<!\p{L})(?:BĐH|BDH)(?!\p{L})/gu, "ban điều hành"],
  [/^(?:VP|vp)(?=\s)/gu, "văn phòng"],
  [/^HT(?=\s)/gu, "hội trường"],
];
const RE_UNIT_WORD = /(?<!\p{L})(?:kp|tdp|nvh|bđh|bdh|vp|ht)(?=\s?\d|[\s,]|$)/iu;

/**
 * A village's or a place's name with its kind written out: "KP 4" → "khu phố 4", "Hội trường KP" → "Hội trường khu
 * phố", "TDP Phú Hiệp" → "tổ dân phố Phú Hiệp", "KP6" → "khu phố 6", "VP khu phố 3" → "văn phòng khu phố 3".
 */
export function unitWordsOut(name: string): string {
  if (!RE_UNIT_WORD.test(name)) return name;
  let out = name;
  for (const [re, words] of UNIT_WORDS) out = out.replace(re, words);
  // "khu phố6": the number glued to the abbreviation stands apart.
  return out.replace(/(khu phố|tổ dân phố)(\d)/g, "$1 $2");
}
