import { expect, it } from "vitest";
import { groupByParent, rollupCells } from "../../src/domain/rollup.js";

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
  expect(commune).toMatchObject({ cells: 4, reported: 2, late: 1, pending: 1, belowBar: 1, attendance: 0.925 });
});
