import { describe, expect, it } from "vitest";
import { heldUntil, QUIET_START_GRACE_MS } from "../../../src/domain/schedule/quiet-hours.js";

const TZ = "Asia/Ho_Chi_Minh";
const QUIET = { start: "21:30", end: "06:30", deferTo: "07:00" };
const vn = (local: string) => new Date(`${local}+07:00`);

describe("the sender's quiet-hours rule (heldUntil)", () => {
  it("sends outside quiet hours and holds inside them until deferTo, as the bot's reply says", () => {
    expect(heldUntil(vn("2026-12-08T20:00:00"), { dueAt: vn("2026-12-08T20:00:00"), attempts: 0 }, QUIET, TZ)).toBeNull();
    expect(heldUntil(vn("2026-12-08T02:26:00"), { dueAt: vn("2026-12-08T02:26:00"), attempts: 0 }, QUIET, TZ)).toEqual(vn("2026-12-08T07:00:00"));
    expect(heldUntil(vn("2026-12-08T22:00:00"), { dueAt: vn("2026-12-08T22:00:00"), attempts: 0 }, QUIET, TZ)).toEqual(vn("2026-12-09T07:00:00"));
  });

  it("lets a message promised as sent just before the window go in its first minute, not a retry or one late by downtime", () => {
    const claimed = vn("2026-12-08T21:30:20");
    expect(heldUntil(claimed, { dueAt: vn("2026-12-08T21:29:55"), attempts: 0 }, QUIET, TZ)).toBeNull();
    expect(heldUntil(claimed, { dueAt: vn("2026-12-08T21:29:55"), attempts: 1 }, QUIET, TZ)).toEqual(vn("2026-12-09T07:00:00"));
    expect(heldUntil(claimed, { dueAt: new Date(claimed.getTime() - QUIET_START_GRACE_MS - 1), attempts: 0 }, QUIET, TZ)).toEqual(vn("2026-12-09T07:00:00"));
  });
});
