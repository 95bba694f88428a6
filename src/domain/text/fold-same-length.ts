/**
 * Per-character folding that keeps string length, so an index found in the folded
 * string is the same index in the source (used to cut names and places out of the
 * original text). Input should be NFC: every precomposed Vietnamese letter is one
 * UTF-16 unit and folds to one ASCII letter.
 *
 * @example foldSameLength("Có mặt") // "co mat"
 */
export function foldSameLength(text: string): string {
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 128) {
      out += code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : text[i];
      continue;
    }
    out += foldChar(text[i] as string);
  }
  return out;
}

const charCache = new Map<string, string>();

function foldChar(ch: string): string {
  const cached = charCache.get(ch);
  if (cached !== undefined) return cached;
  let folded: string;
  if (ch === "đ" || ch === "Đ" || ch === "Ð" || ch === "ð") folded = "d";
  else {
    const base = (ch.normalize("NFD")[0] ?? ch).toLowerCase();
    folded = base.length === 1 ? base : ch;
  }
  charCache.set(ch, folded);
  return folded;
}
