import { describe, expect, it } from "vitest";
import { tableKindOf, toCriteriaTable, type CriteriaTableData } from "../../../src/domain/forms/criteria.js";
import { levelFor } from "../../../src/domain/forms/rating.js";
import { countLevels } from "../../../src/domain/forms/rating-rollup.js";
import { validateSubmission } from "../../../src/domain/forms/validate.js";
import { annualRatingForm } from "../../../src/domain/forms/annual-rating.form.js";

const TABLE: CriteriaTableData = {
  kind: "agency_cell",
  year: 2025,
  version: 3,
  criteria: [
    { code: "1.1", group: "general", name: "Chính trị tư tưởng", max: 35 },
    { code: "2.1", group: "tasks", name: "Nhiệm vụ chuyên môn", max: 65 },
  ],
  bands: [
    { level: "HTXS", min: 92 },
    { level: "HTT", min: 75 },
    { level: "HT", min: 55 },
    { level: "KHT", min: 0 },
  ],
  htxsQuotaPct: 15,
};

describe("criteria tables", () => {
  it("rate each organization on its kind's table", () => {
    expect(tableKindOf({ kind: "chi_bo_co_so", areaKind: "village", catchment: "thon" })).toBe("village_cell");
    expect(tableKindOf({ kind: "chi_bo_co_so", areaKind: "residential_group", catchment: "thon" })).toBe("residential_group_cell");
    expect(tableKindOf({ kind: "chi_bo_truc_thuoc", areaKind: "agency", catchment: "co_quan" })).toBe("agency_cell");
    expect(tableKindOf({ kind: "chi_bo_co_so", areaKind: null, catchment: "truong_hoc" })).toBe("agency_cell");
    expect(tableKindOf({ kind: "dang_bo_xa", areaKind: "commune", catchment: null })).toBe("commune_committee");
    expect(tableKindOf({ kind: "dang_bo_tinh", areaKind: "province", catchment: null })).toBeNull();
  });

  it("read levels from the table's own bands, the top one only with all tasks above target and no disciplined sub-unit", () => {
    const table = toCriteriaTable(TABLE);
    expect([table.id, table.generalMax, table.tasksMax, table.htxsQuotaOfHtt]).toEqual(["agency_cell/2025/v3", 35, 65, 0.15]);
    expect(levelFor(table, 91, { tasksExceeded30pct: true })).toBe("HTT");
    expect(levelFor(table, 92, { tasksExceeded30pct: true })).toBe("HTXS");
    expect(levelFor(table, 92, { tasksExceeded30pct: true, disciplinedSubunit: true })).toBe("HTT");
    expect(levelFor(table, 54)).toBe("KHT");
  });

  it("check a report's criteria against the table: known codes, each within its maximum, totals equal to the sums", () => {
    const table = toCriteriaTable(TABLE);
    const base = { htxs: 0, htt: 5, ht: 0, kht: 0, criteria_table: table.id };
    const ok = validateSubmission(annualRatingForm, { ...base, general_score: 33, task_score: 60, criteria_scores: { "1.1": 33, "2.1": 60 } }, { today: "2025-12-20", criteria: table });
    expect(ok.errors).toEqual([]);
    const bad = validateSubmission(annualRatingForm, { ...base, general_score: 36, task_score: 60, criteria_scores: { "1.1": 36, "2.1": 60, "9.9": 1 } }, { today: "2025-12-20", criteria: table });
    expect(bad.errors.map((e) => e.code)).toEqual(["too_large", "criterion_too_large", "unknown_criterion"]);
    const sums = validateSubmission(annualRatingForm, { ...base, general_score: 30, task_score: 60, criteria_scores: { "1.1": 33, "2.1": 60 } }, { today: "2025-12-20", criteria: table });
    expect(sums.errors).toEqual([{ code: "criteria_sum", field: "general_score", args: { general: 33, tasks: 60 } }]);
  });
});

describe("level roll-up", () => {
  it("counts levels with each share rounded on its own and checks HTXS within the share of HTT", () => {
    const c = countLevels(["HTXS", "HTT", "HTT", "HT", "HT", "HT", undefined], 20);
    expect(c.counts).toEqual({ HTXS: 1, HTT: 2, HT: 3, KHT: 0 });
    expect([c.rated, c.unrated]).toEqual([6, 1]);
    expect(c.percents).toEqual({ HTXS: 17, HTT: 33, HT: 50, KHT: 0 });
    expect([c.htxsLimit, c.overQuota]).toEqual([0, true]);
    const fine = countLevels([...Array(10).fill("HTT"), "HTXS", "HTXS"], 20);
    expect([fine.htxsLimit, fine.overQuota]).toEqual([2, false]);
    expect(countLevels([]).percents).toEqual({ HTXS: 0, HTT: 0, HT: 0, KHT: 0 });
  });

  it("shows the same percent for the same count (1 of 6 is 17% whichever level)", () => {
    // /xeploai for a commune of six cells: one HTXS, three HTT, one HT, one KHT.
    const c = countLevels(["HTXS", "HTT", "HTT", "HTT", "HT", "KHT"], 20);
    expect(c.percents).toEqual({ HTXS: 17, HTT: 50, HT: 17, KHT: 17 });
  });
});
