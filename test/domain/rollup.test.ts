import { expect, it } from "vitest";
import { groupByParent, rollupCells } from "../../src/domain/rollup.js";
import { rollupTable } from "../../src/domain/rollup-table.js";

const cell = (orgId: number, data: Record<string, unknown> | null, due: string | null = "2025-11-10") => ({
  orgId,
  name: `Chi bộ ${orgId}`,
  parentId: 1,
  parentName: "Đảng bộ xã",
  due,
  report: data ? { id: orgId, status: "submitted", data } : null,
});

it("reads attendance as present over expected, never above full, and flags the quality bar", () => {
  const cells = rollupCells(
    [
      cell(10, { present: 30, members_expected: 27, absent_unexcused: 0 }), // guests counted: full, not 111 %
      cell(11, { present: 17, members_expected: 20, absent_unexcused: 1 }),
      cell(12, null),
      cell(13, null, "2025-12-10"),
    ],
    "2025-11-20",
  );
  expect(cells.map((c) => [c.orgId, c.status, c.attendance, c.belowBar])).toEqual([
    [10, "reported", 1, false],
    [11, "reported", 0.85, true],
    [12, "late", null, false],
    [13, "pending", null, false],
  ]);
  const [commune] = groupByParent(cells);
  // The commune's rate is its sums, as the filed table adds them: (30 + 17) / (27 + 20), at most full.
  expect(commune).toMatchObject({ cells: 4, reported: 2, late: 1, pending: 1, belowBar: 1, present: 47, expected: 47, attendance: 1 });
});

it("a commune's attendance is its cells' present over their expected, never a mean of their rates (6/8 = 75%, not 73%)", () => {
  const cells = rollupCells(
    [
      { ...cell(10, { present: 4, members_expected: 5, absent_unexcused: 0 }), figures: { present: 4, members_expected: 5 } },
      { ...cell(11, { present: 2, members_expected: 3, absent_unexcused: 0 }), figures: { present: 2, members_expected: 3 } },
      cell(12, null, "2025-12-10"),
    ],
    "2025-11-20",
  );
  expect(cells.map((c) => c.attendance)).toEqual([0.8, 2 / 3, null]);
  const [commune] = groupByParent(cells);
  expect(commune).toMatchObject({ reported: 2, present: 6, expected: 8, attendance: 0.75 });
  // The same figure the export's subtotal row gives for the same cells.
  const table = rollupTable("monthly-meeting", { id: 1, name: "Đảng bộ xã" }, cells, "");
  expect(table.find((r) => r.kind === "total")?.values.attendance_pct).toBe(commune!.attendance);
});
