import { describe, expect, it } from "vitest";
import { correctionOver, updateOver } from "../../../src/domain/forms/report-update.js";

describe("a new report over the one on file", () => {
  it("keeps what the new one leaves out and replaces what it states", () => {
    const stored = { meeting_date: "2025-12-05", start_time: "19:30", present: 9, members_expected: 10, content_items: ["triển khai nghị quyết"], resolutions: [{ task: "thu đảng phí", owner: "Mai" }] };
    expect(updateOver("monthly-meeting", stored, { present: 10 })).toEqual({ ...stored, present: 10 });
  });

  it("restates the absences as a whole: those not stated again are cleared", () => {
    const stored = { present: 9, members_expected: 10, absent_excused: 1, absentees: [{ name: "Mai", excused: true }] };
    expect(updateOver("monthly-meeting", stored, { present: 10, absent_excused: 0, absent_unexcused: 0 })).toEqual({ present: 10, members_expected: 10, absent_excused: 0, absent_unexcused: 0, absentees: null });
    // Absences not stated: the stored ones stay.
    expect(updateOver("monthly-meeting", stored, { start_time: "20:00" })).toEqual({ ...stored, start_time: "20:00" });
  });

  it("works the dues share out again when an amount changes, and clears the unpaid names when the count changes", () => {
    const stored = { liable: 5, paid: 4, amount_vnd: 260_000, remitted_vnd: 182_000, retained_vnd: 78_000, remitted_date: "2025-12-06", unpaid_names: ["Vi Thị Mai"] };
    expect(updateOver("party-dues", stored, { paid: 5, liable: 5, amount_vnd: 300_000 })).toEqual({ liable: 5, paid: 5, amount_vnd: 300_000, remitted_vnd: 182_000, remitted_date: "2025-12-06", unpaid_names: null });
    expect(updateOver("party-dues", stored, { remitted_date: "2025-12-08" })).toEqual({ ...stored, remitted_date: "2025-12-08" });
  });
});

describe("correctionOver", () => {
  const stored = { present: 9, absent_excused: 1, absent_unexcused: 0, absentees: [{ name: "Hà Văn Nam", reason: "om" }] };

  it("changes what the correction states and keeps the rest", () => {
    expect(correctionOver("monthly-meeting", stored, { absent_unexcused: 1 })).toEqual({ ...stored, absent_unexcused: 1 });
  });

  it("names no absentee once nobody is absent, unless the correction names some itself", () => {
    expect(correctionOver("monthly-meeting", stored, { present: 10, absent_excused: 0, absent_unexcused: 0 })).toMatchObject({ present: 10, absent_excused: 0, absentees: null });
    const named = [{ name: "Vi Thị Mai", reason: "om" }];
    expect(correctionOver("monthly-meeting", stored, { absent_excused: 0, absentees: named })).toMatchObject({ absentees: named });
    // A correction of other fields leaves the list as it was.
    expect(correctionOver("monthly-meeting", { present: 10, absentees: stored.absentees }, { present: 10 })).toMatchObject({ absentees: stored.absentees });
  });
});
