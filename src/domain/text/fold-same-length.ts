/**
 * Per-character folding that keeps string length, so an index found in the folded
 * string is the same index in the source (used to cut names and places out of the
 * original text). Input should be NFC: every precomposed Vietnamese letter is one
 * UTF-16 unit and folds to one ASCII letter.
 *
 * @example foldSameLength("Có mặt") // "co mat"
 */
export function foldSameLength(text: string): string {
  const n = text.length;
  let first = 0;
  while (first < n && text.charCodeAt(first) < 128) first++;
  // Plain ASCII folds to its lower case, one character for one.
  if (first === n) return text.toLowerCase();
  const codes = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    const code = text.charCodeAt(i);
    if (code < 128) codes[i] = code >= 65 && code <= 90 ? code + 32 : code;
    else if (code < TABLE_SIZE) codes[i] = TABLE[code] || fillTable(code);
    else codes[i] = foldChar(text[i] as string).charCodeAt(0);
  }
  // A message (at most 4,096 characters) in one call: copying the codes into chunks costs more than the folding.
  if (n <= CHUNK) return String.fromCharCode.apply(null, codes);
  let out = "";
  for (let i = 0; i < n; i += CHUNK) out += String.fromCharCode.apply(null, codes.slice(i, i + CHUNK));
  return out;
}

/** Folded code of each UTF-16 unit below U+2000 (Latin, and the Vietnamese letters up to U+1EF9); 0 = not yet computed. */
const TABLE_SIZE = 0x2000;
const TABLE = new Uint16Array(TABLE_SIZE);
const CHUNK = 4096;

function fillTable(code: number): number {
  const folded = foldChar(String.fromCharCode(code)).charCodeAt(0);
  TABLE[code] = folded;
  return folded;
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
