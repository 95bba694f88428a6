/** Rewrites of a message by spans: what the preparing steps put in place of the words they read. */

export interface Edit {
  /** The span of the text replaced (a mark inserted when `start` = `end`). */
  start: number;
  end: number;
  with: string;
}

/**
 * `text` with each edit's span replaced, in text order; an edit that starts inside one already made is left out.
 * `text` itself when there is none.
 */
export function spliceEdits(text: string, edits: Edit[]): string {
  if (edits.length === 0) return text;
  edits.sort((a, b) => a.start - b.start);
  let out = "";
  let last = 0;
  for (const e of edits) {
    if (e.start < last) continue;
    out += text.slice(last, e.start) + e.with;
    last = e.end;
  }
  return out + text.slice(last);
}
