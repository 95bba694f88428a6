import { sql } from "kysely";
import { afterAll, beforeAll, expect, it } from "vitest";
import { describeEngines, freshDatabase, type TestDatabase } from "../support/engines.js";

describeEngines("value types are the same on both engines", (engine) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await freshDatabase(engine);
  });
  afterAll(() => t.close());

  it("reads date as YYYY-MM-DD text, int as number, bigint and count as string, timestamptz as Date", async () => {
    const { rows } = await sql<{ d: unknown; i: unknown; b: unknown; c: unknown; ts: unknown; j: unknown }>`
      select date '2025-11-05' as d, 7::int as i, 9007199254740993::bigint as b,
             (select count(*) from org) as c, timestamptz '2025-11-05T12:30:00Z' as ts, '{"a":1}'::jsonb as j`.execute(t.db);
    const row = rows[0]!;
    expect(row.d).toBe("2025-11-05");
    expect(row.i).toBe(7);
    expect(row.b).toBe("9007199254740993");
    expect(row.c).toBe("0");
    expect(row.ts).toBeInstanceOf(Date);
    expect((row.ts as Date).toISOString()).toBe("2025-11-05T12:30:00.000Z");
    expect(row.j).toEqual({ a: 1 });
  });

  it("rolls back a transaction that failed half-way", async () => {
    await expect(
      t.db.transaction().execute(async (trx) => {
        await trx.insertInto("org").values({ code: "T-1", kind: "dang_bo_tinh", name: "T", parent_id: null, area_kind: null, area_name: null, catchment: null, valid_from: "2025-07-01", valid_to: null }).execute();
        await trx.insertInto("org").values({ code: "T-1", kind: "dang_bo_tinh", name: "dup", parent_id: null, area_kind: null, area_name: null, catchment: null, valid_from: "2025-07-01", valid_to: null }).execute();
      }),
    ).rejects.toThrow();
    const left = await t.db.selectFrom("org").selectAll().where("code", "=", "T-1").execute();
    expect(left).toHaveLength(0);
  });

  it("reads a table whose columns changed under a statement run many times (named on PostgreSQL), at most one read refused", async () => {
    await sql`create table probe_columns (a int not null)`.execute(t.db);
    await sql`insert into probe_columns values (1)`.execute(t.db);
    const read = async () => (await sql<Record<string, number>>`select * from probe_columns where a = ${1}`.execute(t.db)).rows;
    for (let i = 0; i < 4; i++) expect(await read()).toEqual([{ a: 1 }]);
    await sql`alter table probe_columns add column b int not null default 5`.execute(t.db);
    const rows = (await read().catch(() => undefined)) ?? (await read());
    expect(rows).toEqual([{ a: 1, b: 5 }]);
  });
});
