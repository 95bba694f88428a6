import { describe, expect, it } from "vitest";
import { timeliness } from "../../src/domain/tracking.js";

describe("a sent report against its deadline (timeliness)", () => {
  it("is late by the days between the deadline and the day it was first sent", () => {
    expect(timeliness("2026-12-08", "2026-11-06", true)).toEqual({ kind: "late", days: 32 });
    expect(timeliness("2026-11-07", "2026-11-06", true)).toEqual({ kind: "late", days: 1 });
  });

  it("is on time when sent on or before the deadline", () => {
    expect(timeliness("2026-11-06", "2026-11-06", true)).toEqual({ kind: "on_time" });
    expect(timeliness("2026-11-01", "2026-11-06", true)).toEqual({ kind: "on_time" });
  });

  it("is not judged for a period not tracked, with no deadline, or with no sending day known", () => {
    expect(timeliness("2026-12-08", "2026-10-08", false)).toEqual({ kind: "unjudged" });
    expect(timeliness("2026-12-08", null, true)).toEqual({ kind: "unjudged" });
    expect(timeliness(null, "2026-11-06", true)).toEqual({ kind: "unjudged" });
  });
});
