import { sql, type Kysely } from "kysely";
import { afterAll, beforeAll, expect, it } from "vitest";
import { knownMigrations, migrateDown, migrateToLatest } from "../../src/db/migrator.js";
import { describeEngines, freshDatabase, type TestDatabase } from "../support/engines.js";

/**
 * The public schema as the catalog sees it: every column with its type, nullability and default,
 * every index with its definition, every constraint with its definition. Sorted, so two snapshots compare.
 */
async function schemaOf(db: Kysely<any>) {
  const columns = await sql<{ table_name: string; column_name: string; data_type: string; udt_name: string; is_nullable: string; column_default: string | null }>`
    select table_name, column_name, data_type, udt_name, is_nullable, column_default
    from information_schema.columns where table_schema = 'public'
    order by table_name, column_name`.execute(db);
  const indexes = await sql<{ tablename: string; indexname: string; indexdef: string }>`
    select tablename, indexname, indexdef from pg_catalog.pg_indexes where schemaname = 'public'
    order by tablename, indexname`.execute(db);
  const constraints = await sql<{ table_name: string; conname: string; contype: string; definition: string }>`
    select c.conrelid::regclass::text as table_name, c.conname, c.contype::text as contype, pg_catalog.pg_get_constraintdef(c.oid) as definition
    from pg_catalog.pg_constraint c join pg_catalog.pg_namespace n on n.oid = c.connamespace
    where n.nspname = 'public'
    order by 1, 2`.execute(db);
  return { columns: columns.rows, indexes: indexes.rows, constraints: constraints.rows };
}

describeEngines("migrations", (engine) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await freshDatabase(engine);
  });
  afterAll(() => t.close());

  it("are already applied on a fresh database, and re-applying changes nothing", async () => {
    expect(await migrateToLatest(t.db)).toEqual([]);
  });

  it("go all the way down and up again to the same schema: columns, types, nullability, indexes, constraints", async () => {
    const before = await schemaOf(t.db);
    expect(before.columns.length).toBeGreaterThan(50);
    expect(before.indexes.length).toBeGreaterThan(10);
    expect(before.constraints.some((c) => c.contype === "f")).toBe(true);

    const downs: string[] = [];
    for (let step = await migrateDown(t.db); step.length > 0; step = await migrateDown(t.db)) downs.push(...step);
    const known = await knownMigrations();
    expect(downs).toEqual([...known].reverse());
    const empty = await schemaOf(t.db);
    // Only Kysely's own bookkeeping tables remain.
    expect(new Set(empty.columns.map((c) => c.table_name))).toEqual(new Set(["kysely_migration", "kysely_migration_lock"]));

    expect(await migrateToLatest(t.db)).toEqual(known);
    expect(await schemaOf(t.db)).toEqual(before);
  });
});
