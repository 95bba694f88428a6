import { fold } from "./text/fold.js";
import type { Role } from "./roles.js";

/** The cell committee's posts (chi ủy): secretary, deputy, committee member. One person holds at most one. */
export const CELL_POSTS = ["secretary", "deputy_secretary", "cell_committee"] as const satisfies readonly Role[];
export type CellPost = (typeof CELL_POSTS)[number];

export function isCellPost(role: string): role is CellPost {
  return (CELL_POSTS as readonly string[]).includes(role);
}

const POST_WORDS: Record<string, CellPost | "none"> = {
  "bi thu": "secretary",
  "pho bi thu": "deputy_secretary",
  "chi uy": "cell_committee",
  "chi uy vien": "cell_committee",
  "uy vien chi uy": "cell_committee",
  khong: "none",
  "dang vien": "none",
  secretary: "secretary",
  deputy: "deputy_secretary",
  deputy_secretary: "deputy_secretary",
  committee: "cell_committee",
  cell_committee: "cell_committee",
  none: "none",
};

/**
 * `--post` of `chibo member post`: "bi-thu", "pho-bi-thu", "chi-uy", "khong" (with or without
 * diacritics, hyphens or spaces; the English ids too) → the post, `"none"` for no post; null otherwise.
 *
 * @example readPostWord("Phó bí thư") // "deputy_secretary"
 */
export function readPostWord(text: string): CellPost | "none" | null {
  const key = fold(text).replace(/[-_\s]+/g, " ").trim();
  return POST_WORDS[key] ?? POST_WORDS[key.replace(/ /g, "_")] ?? null;
}

/** A post held over `[from, to)` (`to` null: still held). */
export interface PostSpan {
  from: string;
  to: string | null;
}

/**
 * A cell has one secretary at a time: a secretary from `on` (open-ended) overlaps another's term
 * unless that one ends on or before `on` (the day a post is handed over, the new holder holds it).
 *
 * @example overlapsFrom({ from: "2025-07-01", to: "2026-12-01" }, "2026-12-01") // false
 */
export function overlapsFrom(span: PostSpan, on: string): boolean {
  return span.to === null || span.to > on;
}
