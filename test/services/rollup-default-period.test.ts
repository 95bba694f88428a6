import { afterAll, beforeAll, expect, it } from "vitest";
import { defaultRollupPeriod } from "../../src/services/rollup.service.js";
import { describeEngines, freshDatabase, type TestDatabase } from "../support/engines.js";

/**
 * Which month /tonghop and /xuat open on: a commune whose cells meet on the 5th (reports due the 8th) is shown
 * this month on the 8th once most of its cells have reported it, though no deadline has passed yet.
 */
describeEngines("roll-up's default month", (engine) => {
  let t: TestDatabase;
  let commune: number;
  let cells: number[];
  beforeAll(async () => {
    t = await freshDatabase(engine);
    const org = async (code: string, kind: string, name: string, parentId: number | null) =>
      (
        await t.db
          .insertInto("org")
          .values({ code, kind, name, parent_id: parentId, area_kind: null, area_name: null, catchment: kind === "chi_bo_co_so" ? "thon" : null, valid_from: "2020-01-01", valid_to: null })
          .returning("id")
          .executeTakeFirstOrThrow()
      ).id;
    const province = await org("HL", "dang_bo_tinh", "Đảng bộ tỉnh Hà Lam", null);
    commune = await org("HL-YT", "dang_bo_xa", "Đảng bộ xã Yên Thịnh", province);
    cells = [];
    for (const name of ["Đồng Mới", "Khe Nghè", "Làng Bún", "Cơ quan"]) {
      const id = await org(`HL-YT-${cells.length}`, "chi_bo_co_so", `Chi bộ thôn ${name}`, commune);
      await t.db
        .insertInto("meeting_rule")
        .values({ org_id: id, rule_kind: "day_of_month", day_of_month: 5, nth: null, weekday: null, start_time: "19:30", place: "Nhà văn hóa", valid_from: "2020-01-01", valid_to: null })
        .execute();
      cells.push(id);
    }
  });
  afterAll(() => t.close());

  const report = (orgId: number, period: string) =>
    t.db
      .insertInto("report_submission")
      .values({ org_id: orgId, form: "monthly-meeting", period, status: "submitted", submitted_by: null, submitted_at: new Date("2025-12-07T12:00:00Z"), data: JSON.stringify({ present: 9, members_expected: 10 }), form_version: 1, accepted_by: null, accepted_at: null, source: "quick" })
      .execute();

  it("opens on this month once most cells reported it, before any deadline passed; on the last month until then", async () => {
    await report(cells[0]!, "2025-12");
    // One of four in: the office still works on November.
    expect(await defaultRollupPeriod(t.db, null, commune, "monthly-meeting", "2025-12-08")).toBe("2025-11");
    await report(cells[1]!, "2025-12");
    await report(cells[2]!, "2025-12");
    // Three of four in on the 8th (due the 8th, not past): December is what the office is collecting.
    expect(await defaultRollupPeriod(t.db, null, commune, "monthly-meeting", "2025-12-08")).toBe("2025-12");
  });
});
