import { sql, type Kysely } from "kysely";

/** Kysely's own bookkeeping: a backup records the applied migration names instead of copying these. */
const MIGRATION_TABLES = new Set(["kysely_migration", "kysely_migration_lock"]);

export interface TableInfo {
  name: string;
  /** Columns a row is written with (generated columns are left to the database). */
  columns: string[];
}

function ident(name: string) {
  return sql.id(name);
}

/**
 * chibo's tables in the current schema, parents before children (by foreign key), so rows
 * can be loaded in this order. A table that refers to itself (org.parent_id) is loaded in one
 * statement, where PostgreSQL checks its keys at the end.
 */
export async function listTables(db: Kysely<any>): Promise<TableInfo[]> {
  const tables = await sql<{ name: string }>`
    select table_name as name from information_schema.tables
    where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name`.execute(db);
  const columns = await sql<{ table: string; column: string }>`
    select table_name as table, column_name as column from information_schema.columns
    where table_schema = current_schema() and is_generated = 'NEVER' order by table_name, ordinal_position`.execute(db);
  const edges = await sql<{ child: string; parent: string }>`
    select c.relname as child, p.relname as parent from pg_constraint k
    join pg_class c on c.oid = k.conrelid join pg_class p on p.oid = k.confrelid
    where k.contype = 'f' and k.connamespace = current_schema()::regnamespace`.execute(db);
  const names = tables.rows.map((t) => t.name).filter((n) => !MIGRATION_TABLES.has(n));
  const parents = new Map<string, Set<string>>(names.map((n) => [n, new Set<string>()]));
  for (const { child, parent } of edges.rows) if (child !== parent) parents.get(child)?.add(parent);
  const ordered: string[] = [];
  const visiting = new Set<string>();
  const visit = (name: string) => {
    if (ordered.includes(name) || visiting.has(name)) return; // a cycle across tables: load order as found
    visiting.add(name);
    for (const parent of [...(parents.get(name) ?? [])].sort()) visit(parent);
    visiting.delete(name);
    ordered.push(name);
  };
  for (const name of names) visit(name);
  return ordered.map((name) => ({ name, columns: columns.rows.filter((c) => c.table === name).map((c) => c.column) }));
}

/** Names of the applied migrations, oldest first (empty on a database never migrated). */
export async function appliedMigrations(db: Kysely<any>): Promise<string[]> {
  const exists = await sql<{ n: number }>`
    select count(*)::int as n from information_schema.tables where table_schema = current_schema() and table_name = 'kysely_migration'`.execute(db);
  if (!exists.rows[0]?.n) return [];
  const rows = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(db);
  return rows.rows.map((r) => r.name);
}

/**
 * Every row of a table as its JSON text, as PostgreSQL writes it (`row_to_json`): the same text on
 * both engines, read back exactly by `insertJsonRows`. Timestamps are written in UTC.
 */
export async function tableRowsJson(db: Kysely<any>, table: TableInfo): Promise<string[]> {
  const cols = sql.join(table.columns.map(ident));
  const rows = await sql<{ j: string }>`
    select row_to_json(r)::text as j from (select ${cols} from ${ident(table.name)} order by 1) r`.execute(db);
  return rows.rows.map((r) => r.j);
}

/** Set the session's time zone for the rest of the transaction (backups write timestamps in UTC). */
export async function useUtc(db: Kysely<any>): Promise<void> {
  await sql`set local time zone 'UTC'`.execute(db);
}

/** Rows in every chibo table (a restore goes only into an empty store). */
export async function countAllRows(db: Kysely<any>): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of await listTables(db)) {
    const r = await sql<{ n: number }>`select count(*)::int as n from ${ident(table.name)}`.execute(db);
    counts[table.name] = r.rows[0]?.n ?? 0;
  }
  return counts;
}

/** Insert rows given as JSON objects (the text `tableRowsJson` wrote) in one statement, keeping their ids. */
export async function insertJsonRows(db: Kysely<any>, table: TableInfo, rowsJson: string[]): Promise<void> {
  if (rowsJson.length === 0) return;
  const cols = sql.join(table.columns.map(ident));
  await sql`
    insert into ${ident(table.name)} (${cols}) overriding system value
    select ${cols} from json_populate_recordset(null::${ident(table.name)}, ${`[${rowsJson.join(",")}]`}::json)`.execute(db);
}

/** Move every identity and serial counter past the largest id restored, so new rows get fresh ids. */
export async function resetSequences(db: Kysely<any>): Promise<void> {
  const owned = await sql<{ table: string; column: string }>`
    select table_name as table, column_name as column from information_schema.columns
    where table_schema = current_schema() and (is_identity = 'YES' or column_default like 'nextval(%')`.execute(db);
  for (const { table, column } of owned.rows) {
    if (MIGRATION_TABLES.has(table)) continue;
    await sql`
      select setval(pg_get_serial_sequence(${`${quoteIdent(table)}`}, ${column}), coalesce(max(${ident(column)}), 0) + 1, false)
      from ${ident(table)}`.execute(db);
  }
}

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
