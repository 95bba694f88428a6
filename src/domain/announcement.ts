/**
 * Announcements (`/thongbao`): what a commune or the province sends to everyone in its subtree.
 * Pure rules; the copies go out through the reminders outbox and its rate limits.
 */
import { clip } from "./text/clip.js";

/** Longest body: with its heading it still fits one Zalo message (2,000 characters). */
export const MAX_ANNOUNCEMENT_LENGTH = 1800;

/** Copies not delivered within this long are dropped as stale (counted unreachable). */
export const ANNOUNCEMENT_TTL_MS = 3 * 24 * 3_600_000;

/** Progress edits at most this often (Telegram flood limits: "edit every few seconds at most"). */
export const PROGRESS_INTERVAL_MS = 3_000;

export type BodyCheck = { ok: true; body: string } | { ok: false; problem: "empty" | "too_long"; length: number };

/**
 * The body as it will be sent: NFC (Vietnamese typed on different keyboards compares equal),
 * trailing spaces and runs of blank lines tidied, nothing else changed.
 *
 * @example checkBody("  Kính mời các đồng chí…  ") // { ok: true, body: "Kính mời các đồng chí…" }
 */
export function checkBody(text: string): BodyCheck {
  const body = text
    .normalize("NFC")
    .replace(/\r\n?/g, "\n")
    .replace(/[ \t]+\n/g, "\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
  if (body.length === 0) return { ok: false, problem: "empty", length: 0 };
  if (body.length > MAX_ANNOUNCEMENT_LENGTH) return { ok: false, problem: "too_long", length: body.length };
  return { ok: true, body };
}

/** The first words of a body, for lists ("Kính mời các đồng chí dự…"). */
export function excerpt(body: string, max = 60): string {
  const line = body.replace(/\s+/g, " ").trim();
  // (Counted in code points: a cut inside an emoji left a lone surrogate, which PostgreSQL's json refuses.)
  const cut = clip(line, max);
  if (cut === line) return line;
  const space = cut.lastIndexOf(" ");
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
