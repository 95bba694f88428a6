import { createHash } from "node:crypto";

/** Hex digits of a stamp: short enough for a payload segment, long enough that two previews of one chat never share one. */
const STAMP_LENGTH = 6;
const STAMP = /^[0-9a-f]{6}$/;

/**
 * A short digest of what a preview shows, for its buttons to carry: the press is applied only while the
 * conversation still holds that very content, as a report's `rp:<verb>:<token>` is (`bot/report/flow.ts`).
 * The parts are given in a fixed order by the caller, so a stored conversation's key order does not matter.
 *
 * @example screenStamp(orgId, "move", "2026-12-14", "19:00", reason) // "3fa9c2"
 */
export function screenStamp(...parts: readonly (string | number | boolean | null | undefined)[]): string {
  return createHash("sha256")
    .update(JSON.stringify(parts.map((p) => p ?? null)))
    .digest("hex")
    .slice(0, STAMP_LENGTH);
}

/** A stamp as pressed (untrusted): itself when well formed, undefined otherwise (a keyboard from before stamps). */
export function readStamp(raw: string | undefined): string | undefined {
  return raw !== undefined && STAMP.test(raw) ? raw : undefined;
}
