/**
 * Vietnamese text folding: strip diacritics and map đ → d, lower-case.
 * Used wherever users may type with or without diacritics (commands, keywords, parsing).
 *
 * @example fold("Chi bộ Đồng Mé") // "chi bo dong me"
 */
export function fold(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .toLowerCase();
}

/**
 * Whether two names are the same name as people write it: Unicode form, runs of spaces and
 * case aside, diacritics kept ("Đồng Mé" and "đồng  mé" are the same; "Dong Me" is not).
 */
export function sameName(a: string, b: string): boolean {
  return nameKey(a) === nameKey(b);
}

function nameKey(s: string): string {
  return s.normalize("NFC").replace(/\s+/g, " ").trim().toLocaleLowerCase("vi");
}
