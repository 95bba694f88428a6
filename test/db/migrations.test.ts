import { sql } from "kysely";
import { afterAll, beforeAll, expect, it } from "vitest";
import { migrateDown, migrateToLatest } from "../../src/db/migrator.js";
import { describeEngines, freshDatabase, type TestDatabase } from "../support/engines.js";

describeEngines("migrations", (engine) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await freshDatabase(engine);
  });
  afterAll(() => t.close());

  it("are already applied on a fresh database, and re-applying changes nothing", async () => {
    expect(await migrateToLatest(t.db)).toEqual([]);
  });

  it("go down one step and up again", async () => {
    const tables = async () =>
      (await sql<{ n: string }>`select count(*) as n from information_schema.tables where table_schema = 'public'`.execute(t.db)).rows[0]!.n;
    const before = await tables();
    const down = await migrateDown(t.db);
    expect(down).toHaveLength(1);
    const up = await migrateToLatest(t.db);
    expect(up).toEqual(down);
    expect(await tables()).toBe(before);
  });
});
