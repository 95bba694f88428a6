import { sql } from "kysely";
import { afterAll, beforeAll, expect, it } from "vitest";
import { rollupQuery } from "../../src/db/rollup.repository.js";
import { describeEngines, freshDatabase, type TestDatabase } from "../support/engines.js";

const CELLS = 400;
const MONTHS = ["2025-08", "2025-09", "2025-10"];

describeEngines("roll-up query", (engine) => {
  let t: TestDatabase;
  let communeId: number;
  beforeAll(async () => {
    t = await freshDatabase(engine);
    const db = t.db;
    communeId = (
      await db
        .insertInto("org")
        .values({ code: "Q-XA", kind: "dang_bo_xa", name: "Đảng bộ xã Thử", parent_id: null, area_kind: null, area_name: null, catchment: null, valid_from: "2020-01-01", valid_to: null })
        .returning("id")
        .executeTakeFirstOrThrow()
    ).id;
    await sql`
      insert into org (code, kind, name, parent_id, valid_from)
      select 'Q-CB-' || g, 'chi_bo_co_so', 'Chi bộ ' || g, ${communeId}, '2020-01-01' from generate_series(1, ${CELLS}) g`.execute(db);
    // Three months of reports; one in twenty names someone absent without reason.
    await sql`
      insert into report_submission (org_id, form, period, status, data, form_version)
      select org.id, 'monthly-meeting', m.period, 'accepted',
        jsonb_build_object('present', 9, 'members_expected', 10,
          'absentees', case when org.id % 20 = 0 then '[{"name": "Lò Văn Tư", "excused": false}]'::jsonb else '[]'::jsonb end),
        1
      from org cross join (select unnest(${MONTHS}::text[]) as period) m
      where org.parent_id = ${communeId}`.execute(db);
    await sql`analyze`.execute(db);
  });
  afterAll(() => t.close());

  it("finds the months that can make a repeated-absence run through the partial index", async () => {
    // The index's predicate must be repeated word for word in the query, or the planner cannot use it.
    const query = rollupQuery({ rootId: communeId, form: "monthly-meeting", period: "2025-10", from: "2025-10-01", to: "2025-10-31", absences: { fromPeriod: "2025-08", months: 3 } }).compile(t.db);
    const plan = await t.db.executeQuery<{ "QUERY PLAN": string }>({ ...query, sql: `explain ${query.sql}` });
    expect(plan.rows.map((r) => r["QUERY PLAN"]).join("\n")).toContain("report_submission_unexcused_idx");
    const { rows } = await t.db.executeQuery(query);
    expect(rows).toHaveLength(CELLS);
  });
});
