import { describe, expect, it } from "vitest";
import { probationEnd, probationOverdue, readLeaveReason } from "../../src/domain/membership.js";
import { archivedCode, checkMerge, readDate, roleCarriesOver, splitValidity, type ChangingOrg } from "../../src/domain/org-change.js";

const cell = (id: number, code: string, parentId = 1, kind = "chi_bo_co_so"): ChangingOrg => ({ id, code, name: code, kind, parentId, validFrom: "2025-07-01", validTo: null });

describe("membership dates and reasons", () => {
  it("ends probation 12 months after admission, on the last day of a shorter month", () => {
    expect(probationEnd("2025-12-15")).toBe("2026-12-15");
    expect(probationEnd("2024-02-29")).toBe("2025-02-28");
    expect(probationEnd("2025-01-31")).toBe("2026-01-31");
    expect(probationOverdue({ admittedOn: "2024-11-01" }, "2025-11-02")).toBe(true);
    expect(probationOverdue({ admittedOn: "2024-11-01" }, "2025-11-01")).toBe(false);
  });

  it("reads leave reasons with or without diacritics", () => {
    expect(readLeaveReason("Chuyển đi")).toBe("transferred_out");
    expect(readLeaveReason("ra khoi dang")).toBe("expelled");
    expect(readLeaveReason(" từ  trần ")).toBe("deceased");
    expect(readLeaveReason("nghỉ")).toBeNull();
  });
});

describe("org changes (pure rules)", () => {
  it("reads dates as offices write them and refuses impossible ones", () => {
    expect(readDate("1/12/2026")).toBe("2026-12-01");
    expect(readDate("2026-12-01")).toBe("2026-12-01");
    expect(readDate("31.11.2026")).toBeNull();
    expect(readDate("mai")).toBeNull();
  });

  it("checks a merge: kinds, parents, the new code, a date not ahead of today", () => {
    const a = cell(10, "A");
    const b = cell(11, "B", 2);
    const commune = cell(12, "C", 1, "dang_bo_xa");
    const problems = checkMerge({ sources: [a, b, commune], intoCode: "bad code", name: " ", on: "2026-12-07", leadersFrom: a, ruleFrom: cell(99, "Z"), codeHolder: null }, "2026-12-06");
    expect(problems.map((p) => p.code).sort()).toEqual(
      ["org_change_bad_code", "org_change_bad_name", "org_change_future", "org_change_mixed_kinds", "org_change_mixed_parents", "org_change_not_a_source"].sort(),
    );
    expect(checkMerge({ sources: [a, cell(13, "D")], intoCode: "A", name: "AD", on: "2026-12-01", leadersFrom: a, ruleFrom: a, codeHolder: a }, "2026-12-06")).toEqual([]);
  });

  it("carries members and one source's leaders; a row begun after the change ends where it began", () => {
    expect(roleCarriesOver("member", 11, 10)).toBe(true);
    expect(roleCarriesOver("secretary", 11, 10)).toBe(false);
    expect(roleCarriesOver("secretary", 10, 10)).toBe(true);
    expect(roleCarriesOver("office_staff", 11, 10)).toBe(true);
    expect(splitValidity("2025-07-01", "2026-12-01")).toEqual({ endOld: "2026-12-01", startNew: "2026-12-01" });
    expect(splitValidity("2026-12-03", "2026-12-01")).toEqual({ endOld: "2026-12-03", startNew: "2026-12-03" });
    expect(archivedCode("CB-A", "2026-12-01")).toBe("CB-A@2026-12-01");
  });
});
