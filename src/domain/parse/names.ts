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

// "O Lành", "Chú Tám": a kinship word before a given name, no part of the name.
const RE_KIN_FIRST = /^(?:O|Ông|Bà|Anh|Chị|Cô|Chú|Bác|Dì|Em|Cháu|Thím|Mợ|Dượng)\s/u;
const RE_CAPITALISED_NAME = /\p{Lu}[\p{Ll}'’]*(?:[ \t]+\p{Lu}[\p{Ll}'’]*){1,4}(?![\p{L}])/gu;

/**
 * The full names (two to five capitalised words) in `text` that end with the given name `given` ("Khiêm" → "Hà Văn
 * Khiêm" after "bí thư Hà Văn Khiêm đang nằm viện"): a member named by the given name alone is the one named in full.
 */
export function fullNamesEndingWith(text: string, given: string): Set<string> {
  const out = new Set<string>();
  for (const m of text.matchAll(RE_CAPITALISED_NAME)) if (m[0].endsWith(` ${given}`) && !RE_KIN_FIRST.test(m[0])) out.add(m[0]);
  return out;
}
