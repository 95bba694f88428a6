import { describe, expect, it } from "vitest";
import { duesRetained, duesShareToAsk } from "../../../src/domain/forms/party-dues.form.js";
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

describe("a dues correction of the amounts and the cell's share", () => {
  const stored = { liable: 10, paid: 10, amount_vnd: 300_000, remitted_vnd: 210_000, retained_vnd: 90_000 };

  it("leaves out the share of the old amount collected or remitted, to be worked out again", () => {
    expect(correctionOver("party-dues", stored, { amount_vnd: 330_000 })).toEqual({ liable: 10, paid: 10, amount_vnd: 330_000, remitted_vnd: 210_000 });
    expect(correctionOver("party-dues", stored, { remitted_vnd: 200_000 })).not.toHaveProperty("retained_vnd");
    expect(duesRetained(correctionOver("party-dues", stored, { amount_vnd: 330_000 }))).toBe(120_000);
  });

  it("keeps a share the correction states, a share of nothing, and a share when the amounts stay", () => {
    expect(correctionOver("party-dues", stored, { amount_vnd: 330_000, retained_vnd: 100_000 })).toMatchObject({ retained_vnd: 100_000 });
    expect(correctionOver("party-dues", { ...stored, retained_vnd: 0, remitted_vnd: 300_000 }, { amount_vnd: 330_000 })).toMatchObject({ retained_vnd: 0 });
    expect(correctionOver("party-dues", stored, { paid: 9, amount_vnd: 300_000 })).toMatchObject({ retained_vnd: 90_000 });
  });

  it("asks a typed share again only when nothing remitted works it out", () => {
    const typed = { amount_vnd: 300_000, retained_vnd: 90_000 };
    expect(duesShareToAsk(typed, correctionOver("party-dues", typed, { amount_vnd: 330_000 }))).toBe(true);
    expect(duesShareToAsk(stored, correctionOver("party-dues", stored, { amount_vnd: 330_000 }))).toBe(false);
    expect(duesShareToAsk(typed, correctionOver("party-dues", typed, { paid: 9 }))).toBe(false);
  });
});
