import { createHash } from "node:crypto";
import { formatTime } from "../domain/calendar/day.js";
import { localClock } from "../domain/schedule/local-time.js";
import { formatDateVi } from "../domain/time.js";

/** Hex digits of a stamp: short enough for a payload segment, long enough that two previews of one chat never share one. */
const STAMP_LENGTH = 6;
const STAMP = /^[0-9a-f]{6}$/;

/**
 * A short digest of what a preview shows, for its buttons to carry: the press is applied only while the
 * conversation still holds that very content, as a report's `rp:<verb>:<token>` is (`bot/report/flow.ts`).
 * Objects among the parts are read key by key in sorted order, so a stored conversation's key order (its
 * JSON may come back reordered) does not change the stamp.
 *
 * @example screenStamp(orgId, "move", "2026-12-14", "19:00", reason) // "3fa9c2"
 */
export function screenStamp(...parts: readonly unknown[]): string {
  return createHash("sha256").update(canonical(parts)).digest("hex").slice(0, STAMP_LENGTH);
}

/** A value in one spelling whatever its objects' key order; `undefined` reads as `null` (in an object, as left out). */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(",")}}`;
  }
  return JSON.stringify(value ?? null);
}

/** A stamp as pressed (untrusted): itself when well formed, undefined otherwise (a keyboard from before stamps). */
export function readStamp(raw: string | undefined): string | undefined {
  return raw !== undefined && STAMP.test(raw) ? raw : undefined;
}

/**
 * When something a screen did was done, as a refusal of a second press says it: `{ time: "19:05", day: "20/11/2025" }`
 * in the given zone.
 */
export function doneAt(at: Date, tz: string): { time: string; day: string } {
  const local = localClock(at, tz);
  return { time: formatTime(local.minutes), day: formatDateVi(local.date) };
}
