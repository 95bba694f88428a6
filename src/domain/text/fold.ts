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
