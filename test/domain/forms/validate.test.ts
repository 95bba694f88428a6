import { describe, expect, it } from "vitest";
import { defaultPeriod } from "../../../src/domain/forms/default-period.js";
import { periodOf, previousPeriod } from "../../../src/domain/forms/period.js";
import { htxsWithinQuota, levelFor, QD366_COLLECTIVE } from "../../../src/domain/forms/rating.js";
import { currentForm, FORM_IDS } from "../../../src/domain/forms/registry.js";
import { validateSubmission } from "../../../src/domain/forms/validate.js";

const today = "2025-11-06";
const monthly = currentForm("monthly-meeting");
const codes = (checks: { code: string }[]) => checks.map((c) => c.code);

describe("form definitions", () => {
  it("are versioned and name their period kind and due rule", () => {
    for (const id of FORM_IDS) {
      const form = currentForm(id);
      expect(form.version).toBeGreaterThanOrEqual(1);
      expect(["month", "quarter", "year"]).toContain(form.periodKind);
      expect(form.dueRule).toBeTruthy();
      expect(form.fields.some((f) => f.required)).toBe(true);
    }
  });

  it("hold the monthly meeting keys of the parse contract", () => {
    const keys = monthly.fields.map((f) => f.key);
    for (const key of ["meeting_date", "start_time", "present", "members_expected", "absent_excused", "absent_unexcused", "kind", "cadre_present", "duration_min", "place", "thematic_topic", "content_items", "resolutions"]) {
      expect(keys).toContain(key);
    }
  });
});

describe("validateSubmission", () => {
  it("accepts a consistent monthly report with no warnings", () => {
    const r = validateSubmission(monthly, { meeting_date: "2025-11-05", kind: "regular", present: 25, members_expected: 27, absent_excused: 2, absent_unexcused: 0, cadre_present: true, duration_min: 95 }, { today });
    expect(r).toEqual({ errors: [], warnings: [], missing: [] });
  });

  it("lists missing required fields", () => {
    expect(validateSubmission(monthly, { present: 10 }, { today }).missing).toEqual(["meeting_date", "kind", "members_expected"]);
  });

  it("warns, without refusing, when more are present than expected (temporarily attached members)", () => {
    const r = validateSubmission(monthly, { meeting_date: "2025-11-05", kind: "regular", present: 30, members_expected: 27 }, { today });
    expect(r.errors).toEqual([]);
    expect(codes(r.warnings)).toEqual(["present_exceeds_expected"]);
  });

  it("refuses impossible values: negative, a future date, a bad date", () => {
    expect(codes(validateSubmission(monthly, { meeting_date: "2025-11-05", kind: "regular", present: -1, members_expected: 27 }, { today }).errors)).toEqual(["negative"]);
    expect(codes(validateSubmission(monthly, { meeting_date: "2025-11-07", kind: "regular", present: 20, members_expected: 27 }, { today }).errors)).toEqual(["date_in_future"]);
    expect(codes(validateSubmission(monthly, { meeting_date: "2025-02-30", kind: "regular", present: 20, members_expected: 27 }, { today }).errors)).toEqual(["bad_date"]);
    expect(codes(validateSubmission(monthly, { meeting_date: "2025-11-05", kind: "weekly", present: 20, members_expected: 27 }, { today }).errors)).toEqual(["bad_choice"]);
  });

  it("warns on the quality bar: attendance ≤ 85%, unexcused absence, short meeting, cadre absent, counts that do not add up", () => {
    const r = validateSubmission(monthly, { meeting_date: "2025-11-05", kind: "combined", thematic_topic: "Tiết kiệm", present: 20, members_expected: 27, absent_excused: 3, absent_unexcused: 1, duration_min: 100, cadre_present: false }, { today });
    expect(r.errors).toEqual([]);
    expect(codes(r.warnings).sort()).toEqual(["attendance_low", "attendance_mismatch", "cadre_absent", "duration_short", "unexcused_absence"]);
  });

  it("accepts exempt members counted in or out of the total", () => {
    const base = { meeting_date: "2025-11-09", kind: "regular", present: 22, absent_excused: 3, absent_exempt: 1 };
    expect(codes(validateSubmission(monthly, { ...base, members_expected: 26 }, { today: "2025-11-10" }).warnings)).not.toContain("attendance_mismatch");
    expect(codes(validateSubmission(monthly, { ...base, members_expected: 25 }, { today: "2025-11-10" }).warnings)).not.toContain("attendance_mismatch");
  });

  it("asks for the topic of a thematic meeting", () => {
    expect(validateSubmission(monthly, { meeting_date: "2025-11-05", kind: "thematic", present: 27, members_expected: 27 }, { today }).missing).toEqual(["thematic_topic"]);
  });

  it("checks parts against wholes in the other forms", () => {
    expect(codes(validateSubmission(currentForm("admissions"), { admitted: 2, women: 3 }, { today }).errors)).toEqual(["part_exceeds_whole"]);
    expect(codes(validateSubmission(currentForm("party-dues"), { liable: 26, paid: 27, amount_vnd: 312000 }, { today }).errors)).toEqual(["part_exceeds_whole"]);
    expect(codes(validateSubmission(currentForm("village-quarterly"), { households: 142, population: 100, members: 31 }, { today }).errors)).toEqual(["population_below_households"]);
  });

  it("keeps the dues kept by the cell and those remitted apart, and the unpaid named no more than unpaid", () => {
    const dues = currentForm("party-dues");
    const base = { liable: 26, paid: 25, amount_vnd: 300000 };
    expect(codes(validateSubmission(dues, { ...base, remitted_vnd: 400000 }, { today }).errors)).toEqual(["part_exceeds_whole"]);
    expect(codes(validateSubmission(dues, { ...base, remitted_vnd: 150000, retained_vnd: 100000 }, { today }).warnings).sort()).toEqual(["dues_split_mismatch", "dues_unpaid"]);
    expect(codes(validateSubmission(dues, { ...base, remitted_vnd: 150000, retained_vnd: 150000, unpaid_names: ["Vi Văn Tám"] }, { today }).warnings)).toEqual(["dues_unpaid"]);
    expect(codes(validateSubmission(dues, { ...base, unpaid_names: ["Vi Văn Tám", "Lò Văn Hải"] }, { today }).warnings).sort()).toEqual(["dues_unpaid", "dues_unpaid_names"]);
  });

  it("rates with QĐ 366 bands and warns on the HTXS quota", () => {
    const rating = currentForm("annual-rating");
    const r = validateSubmission(rating, { general_score: 28, task_score: 64, htxs: 5, htt: 20, ht: 3, kht: 0, cell_self_level: "HTXS" }, { today });
    expect(codes(r.warnings).sort()).toEqual(["htxs_quota", "level_differs"]);
    expect(codes(validateSubmission(rating, { general_score: 31, task_score: 60, htxs: 1, htt: 20, ht: 0, kht: 0 }, { today }).errors)).toEqual(["too_large"]);
  });
});

describe("rating levels (QĐ 366)", () => {
  it.each([
    [95, { tasksExceeded30pct: true }, "HTXS"],
    [95, { tasksExceeded30pct: false }, "HTT"],
    [95, { tasksExceeded30pct: true, disciplinedSubunit: true }, "HTT"],
    [90, { tasksExceeded30pct: true }, "HTXS"],
    [89.5, {}, "HTT"],
    [70, {}, "HTT"],
    [69, {}, "HT"],
    [50, {}, "HT"],
    [49, {}, "KHT"],
  ] as const)("%d points %o → %s", (score, facts, level) => {
    expect(levelFor(QD366_COLLECTIVE, score, facts)).toBe(level);
  });

  it("allows HTXS up to 20% of HTT", () => {
    expect(htxsWithinQuota(QD366_COLLECTIVE, 4, 20)).toBe(true);
    expect(htxsWithinQuota(QD366_COLLECTIVE, 5, 20)).toBe(false);
    expect(htxsWithinQuota(QD366_COLLECTIVE, 3, 20)).toBe(true);
  });
});

describe("periods", () => {
  it("name months, quarters and years and step back across year ends", () => {
    expect(periodOf("month", "2025-11-05")).toBe("2025-11");
    expect(periodOf("quarter", "2025-11-05")).toBe("2025-Q4");
    expect(periodOf("year", "2025-11-05")).toBe("2025");
    expect(previousPeriod("2026-01")).toBe("2025-12");
    expect(previousPeriod("2026-Q1")).toBe("2025-Q4");
    expect(previousPeriod("2026")).toBe("2025");
  });

  it("guess the period a report is about", () => {
    expect(defaultPeriod("month", "2025-11-06", "2025-11-05")).toBe("2025-11");
    expect(defaultPeriod("month", "2025-11-03", "2025-11-05")).toBe("2025-10");
    expect(defaultPeriod("quarter", "2025-10-04")).toBe("2025-Q3");
    expect(defaultPeriod("year", "2025-12-10")).toBe("2025");
    expect(defaultPeriod("year", "2026-01-10")).toBe("2025");
  });
});
