/**
 * The first `max` characters of typed text, counted in code points: a cut never splits an emoji's
 * surrogate pair (a lone surrogate cannot be stored in PostgreSQL's json and shows as garbage).
 */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  let out = "";
  let count = 0;
  for (const ch of text) {
    if (count === max) break;
    out += ch;
    count++;
  }
  return out;
}
