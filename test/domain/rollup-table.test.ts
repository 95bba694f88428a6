import { expect, it, describe } from "vitest";
import { cellLevel, reportFigures, rollupTable, type RollupTableInput } from "../../src/domain/rollup-table.js";
import { formForPeriodKind, readMonthText, readPeriodText, readQuarterText, readRollupRequest, readYearText } from "../../src/domain/rollup-request.js";
import { committeeName, placeDateLine, reportHeading } from "../../src/domain/report-heading.js";

const TODAY = "2026-12-06";

describe("periods and forms in words", () => {
  it("reads a quarter as a quarter, never as a month", () => {
    expect(readQuarterText("quý 3/2026", TODAY)).toBe("2026-Q3");
    expect(readQuarterText("Quý III năm 2025", TODAY)).toBe("2025-Q3");
    expect(readQuarterText("q4", "2026-05-01")).toBe("2025-Q4");
    expect(readQuarterText("quý trước", TODAY)).toBe("2026-Q3");
    expect(readQuarterText("2025-q2", TODAY)).toBe("2025-Q2");
    expect(readPeriodText("quý 3/2026", TODAY)).toEqual({ kind: "quarter", period: "2026-Q3" });
    expect(readPeriodText("3/2026", TODAY)).toEqual({ kind: "month", period: "2026-03" });
  });

  it("reads months and years in words", () => {
    expect(readMonthText("tháng trước", TODAY)).toBe("2026-11");
    expect(readMonthText("thang truoc", "2026-01-15")).toBe("2025-12");
    expect(readMonthText("tháng 10 năm 2025", TODAY)).toBe("2025-10");
    expect(readYearText("năm 2025", TODAY)).toBe("2025");
    expect(readYearText("năm ngoái", TODAY)).toBe("2025");
    expect(readYearText("nam nay", TODAY)).toBe("2026");
  });

  it("finds the form by its words, with or without diacritics, and the period in the rest", () => {
    expect(readRollupRequest("dang phi", TODAY)).toEqual({ form: "party-dues", period: null });
    expect(readRollupRequest("Đảng phí tháng trước", TODAY)).toEqual({ form: "party-dues", period: "2026-11" });
    expect(readRollupRequest("số liệu thôn quý 3/2026", TODAY)).toEqual({ form: "village-quarterly", period: "2026-Q3" });
    expect(readRollupRequest("ket nap quy 2", TODAY)).toEqual({ form: "admissions", period: "2026-Q2" });
    expect(readRollupRequest("xếp loại năm 2025", TODAY)).toEqual({ form: "annual-rating", period: "2025" });
    expect(readRollupRequest("quý 3/2026", TODAY)).toEqual({ form: null, period: "2026-Q3" });
    expect(readRollupRequest("", TODAY)).toEqual({ form: null, period: null });
    expect(readRollupRequest("hello world", TODAY)).toBeNull();
    expect(formForPeriodKind("quarter")).toBe("village-quarterly");
    expect(formForPeriodKind("year")).toBe("annual-rating");
  });
});

describe("a form's roll-up table", () => {
  const cell = (orgId: number, name: string, parentId: number, parentName: string, figures: Record<string, unknown> | null): RollupTableInput => ({
    orgId,
    name,
    parentId,
    parentName,
    status: figures ? "reported" : "late",
    noMeeting: null,
    figures,
  });

  it("sums per commune and in total, takes percentages from the sums, puts the root's own cells last", () => {
    const rows = rollupTable(
      "party-dues",
      { id: 1, name: "Đảng bộ tỉnh" },
      [
        cell(10, "Chi bộ Văn phòng", 1, "Đảng bộ tỉnh", { liable: 4, paid: 4, amount_vnd: 400_000 }),
        cell(11, "Chi bộ A", 2, "Đảng bộ xã An", { liable: 10, paid: 9, amount_vnd: 900_000 }),
        cell(12, "Chi bộ B", 2, "Đảng bộ xã An", { liable: 10, paid: 10, amount_vnd: 1_000_000, remitted_vnd: 300_000 }),
        cell(13, "Chi bộ C", 3, "Đảng bộ xã Bình", null),
      ],
      "Chi bộ trực thuộc",
    );
    expect(rows.map((r) => [r.kind, r.name, r.values.paid, r.values.paid_pct, r.values.amount_vnd, r.values.remitted_vnd])).toEqual([
      ["cell", "Chi bộ A", 9, 0.9, 900_000, null],
      ["cell", "Chi bộ B", 10, 1, 1_000_000, 300_000],
      ["subtotal", "Đảng bộ xã An", 19, 0.95, 1_900_000, 300_000],
      ["cell", "Chi bộ C", null, null, null, null],
      ["subtotal", "Đảng bộ xã Bình", null, null, null, null],
      ["cell", "Chi bộ Văn phòng", 4, 1, 400_000, null],
      ["subtotal", "Chi bộ trực thuộc", 4, 1, 400_000, null],
      ["total", "Đảng bộ tỉnh", 23, 23 / 24, 2_300_000, 300_000],
    ]);
  });

  it("never sums minutes: a meeting's duration is not a column", () => {
    const figures = reportFigures("monthly-meeting", { present: 9, members_expected: 10, duration_min: 120, start_time: "19:30" });
    expect(figures).toEqual({ present: 9, members_expected: 10 });
  });

  it("counts pending admissions by name and rates cells by the committee's score first", () => {
    expect(reportFigures("admissions", { admitted: 2, pending_full: ["A", "B"] })).toMatchObject({ admitted: 2, pending_full: 2 });
    expect(cellLevel({ general_score: 28, task_score: 65 })).toBe("HTT");
    expect(cellLevel({ general_score: 28, task_score: 65, cell_self_level: "HTXS" })).toBe("HTXS");
    expect(cellLevel({ general_score: 28, task_score: 65, committee_score: 60 })).toBe("HT");
  });
});

describe("the party's header block", () => {
  it("names the committee, the superior organization and the place", () => {
    expect(committeeName("Đảng bộ tỉnh Lạng Sơn")).toBe("Tỉnh ủy Lạng Sơn");
    expect(committeeName("Đảng bộ phường Kỳ Lừa")).toBe("Đảng ủy phường Kỳ Lừa");
    const commune = reportHeading({ name: "Đảng bộ xã Tân Văn", kind: "dang_bo_xa", areaName: "xã Tân Văn" }, { name: "Đảng bộ tỉnh Lạng Sơn", kind: "dang_bo_tinh", areaName: "tỉnh Lạng Sơn" });
    expect(commune).toEqual({ upper: "ĐẢNG BỘ TỈNH LẠNG SƠN", issuer: "ĐẢNG ỦY XÃ TÂN VĂN", place: "Tân Văn", signFor: "T/M ĐẢNG ỦY", recipient: "Tỉnh ủy Lạng Sơn", number: "Số        -BC/ĐU" });
    // The number line names the issuer's kind; the number itself is the office's register's, left blank.
    expect(reportHeading({ name: "Đảng bộ tỉnh Lạng Sơn", kind: "dang_bo_tinh", areaName: "tỉnh Lạng Sơn" }, null).number).toBe("Số        -BC/TU");
    expect(reportHeading({ name: "Chi bộ thôn Nà Làng", kind: "chi_bo", areaName: null }, null).number).toBe("Số        -BC/CB");
    expect(placeDateLine("Tân Văn", "2026-02-05")).toBe("Tân Văn, ngày 05 tháng 02 năm 2026");
    expect(placeDateLine("Tân Văn", "2026-12-16")).toBe("Tân Văn, ngày 16 tháng 12 năm 2026");
  });
});
