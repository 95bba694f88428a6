import { expect, it } from "vitest";
import { currentForm } from "../../../src/domain/forms/registry.js";
import { farFromRoll, validateSubmission } from "../../../src/domain/forms/validate.js";

const monthly = currentForm("monthly-meeting");
const today = "2025-11-06";
const base = { meeting_date: "2025-11-05", kind: "regular" };
const warnings = (values: Record<string, unknown>, roll?: number) =>
  validateSubmission(monthly, { ...base, ...values }, { today, ...(roll !== undefined ? { roll } : {}) }).warnings;

it("questions attendance above the cell's roll and an expected count far from it, naming the roll", () => {
  expect(warnings({ present: 25, members_expected: 27 }, 11)).toEqual(
    expect.arrayContaining([
      { code: "present_exceeds_roll", field: "present", args: { present: 25, roll: 11 } },
      { code: "expected_far_from_roll", field: "members_expected", args: { expected: 27, roll: 11 } },
    ]),
  );
  expect(warnings({ present: 10, members_expected: 10 }, 11).map((w) => w.code)).toEqual([]);
  expect(warnings({ present: 25, members_expected: 27 }).map((w) => w.code)).not.toContain("present_exceeds_roll");
  expect(farFromRoll(14, 11)).toBe(false);
  expect(farFromRoll(15, 11)).toBe(true);
  expect(farFromRoll(7, 11)).toBe(true);
});

it("counts absences with an unknown reason, and never reports 'vắng 0' for a gap", () => {
  expect(warnings({ present: 9, members_expected: 10, absent_unknown: 1 }).map((w) => w.code)).toEqual(["absence_reason_unknown"]);
  expect(warnings({ present: 9, members_expected: 10 })).toContainEqual({ code: "attendance_unaccounted", args: { present: 9, expected: 10, missing: 1 } });
  expect(warnings({ present: 7, members_expected: 10, absent_excused: 1 }).map((w) => w.code)).toContain("attendance_mismatch");
});

it("keeps version 1 of the monthly form for reports made with it", () => {
  expect(monthly.version).toBe(2);
  expect(monthly.fields.map((f) => f.key)).toContain("absent_unknown");
});
