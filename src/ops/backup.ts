import { createReadStream, createWriteStream } from "node:fs";
import { rename, unlink } from "node:fs/promises";
import { createInterface } from "node:readline";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { createGunzip, createGzip } from "node:zlib";
import type { Kysely } from "kysely";
import {
  appliedMigrations,
  countAllRows,
  insertJsonRows,
  listTables,
  resetSequences,
  tableRowsJson,
  useUtc,
  type TableInfo,
} from "../db/backup.repository.js";
import { knownMigrations, migrateToLatest, migrateUpTo } from "../db/migrator.js";

/**
 * chibo's own backup format: gzip of JSON lines. The same file works on both engines (a PGlite
 * folder can move to PostgreSQL and back) and across PostgreSQL versions, unlike a pg_dump or a
 * PGlite data-dir image.
 *
 *   {"format":"chibo-backup","version":1,"createdAt":"…","engine":"pglite","migrations":[…],"tables":[{"name","columns","rows"}]}
 *   {"table":"org","rows":12}   then 12 lines, each one row as PostgreSQL's row_to_json wrote it
 *   … one block per table, parents before children
 *
 * Encryption (a key from the environment) belongs between the JSON lines and gzip in both
 * directions: `encode`/`decode` below are the one place to add it.
 */
export const BACKUP_FORMAT = "chibo-backup";
export const BACKUP_VERSION = 1;

export interface BackupHeader {
  format: typeof BACKUP_FORMAT;
  version: number;
  createdAt: string;
  engine: string;
  migrations: string[];
  tables: { name: string; columns: string[]; rows: number }[];
}

export interface BackupSummary {
  file: string;
  tables: number;
  rows: number;
}

/** Why a restore was refused; the CLI names each in Vietnamese. */
export class BackupError extends Error {
  constructor(
    readonly code: "not_a_backup" | "newer_version" | "not_empty" | "truncated",
    message: string,
  ) {
    super(message);
  }
}

function encode(): NodeJS.ReadWriteStream[] {
  return [createGzip()];
}

function decode(): NodeJS.ReadWriteStream[] {
  return [createGunzip()];
}

/**
 * Write the whole store to `file`: every table of one consistent snapshot (one repeatable-read
 * transaction). Written to `file.partial` first and renamed, so a crash never leaves a short backup
 * under the real name.
 */
export async function writeBackup(db: Kysely<any>, file: string, engine: string, now = new Date()): Promise<BackupSummary> {
  const partial = `${file}.partial`;
  const lines = await db.transaction().setIsolationLevel("repeatable read").execute(async (trx) => {
    await useUtc(trx);
    const tables = await listTables(trx);
    const blocks: { table: TableInfo; rows: string[] }[] = [];
    for (const table of tables) blocks.push({ table, rows: await tableRowsJson(trx, table) });
    const header: BackupHeader = {
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      createdAt: now.toISOString(),
      engine,
      migrations: await appliedMigrations(trx),
      tables: blocks.map((b) => ({ name: b.table.name, columns: b.table.columns, rows: b.rows.length })),
    };
    return { header, blocks };
  });
  function* text() {
    yield `${JSON.stringify(lines.header)}\n`;
    for (const { table, rows } of lines.blocks) {
      yield `${JSON.stringify({ table: table.name, rows: rows.length })}\n`;
      for (const row of rows) yield `${row}\n`;
    }
  }
  try {
    await pipeline(Readable.from(text()), ...(encode() as [NodeJS.ReadWriteStream]), createWriteStream(partial, { mode: 0o600 }));
    await rename(partial, file);
  } catch (error) {
    await unlink(partial).catch(() => {});
    throw error;
  }
  return { file, tables: lines.blocks.length, rows: lines.blocks.reduce((n, b) => n + b.rows.length, 0) };
}

async function* backupLines(file: string): AsyncGenerator<string> {
  const source = createReadStream(file);
  let stream: NodeJS.ReadableStream = source;
  for (const step of decode()) stream = stream.pipe(step);
  source.on("error", (error) => (stream as Readable).destroy(error));
  try {
    yield* createInterface({ input: stream, crlfDelay: Infinity });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "Z_DATA_ERROR" || (error as NodeJS.ErrnoException).code === "Z_BUF_ERROR") {
      throw new BackupError("not_a_backup", `${file} is not a chibo backup`);
    }
    throw error;
  }
}

function parseHeader(line: string | undefined, file: string): BackupHeader {
  let header: Partial<BackupHeader> | undefined;
  try {
    header = line === undefined ? undefined : (JSON.parse(line) as Partial<BackupHeader>);
  } catch {
    header = undefined;
  }
  if (!header || header.format !== BACKUP_FORMAT || !Array.isArray(header.migrations) || !Array.isArray(header.tables)) {
    throw new BackupError("not_a_backup", `${file} is not a chibo backup`);
  }
  if (typeof header.version !== "number" || header.version > BACKUP_VERSION) {
    throw new BackupError("newer_version", `${file} was written by a newer chibo (format ${header.version})`);
  }
  return header as BackupHeader;
}

/**
 * Load a backup into an empty store: migrate it to the backup's version, load every table in one
 * transaction (ids kept, counters moved past them), then apply this version's newer migrations.
 * Refuses a store that holds any row, a backup from a newer chibo, and a file cut short.
 */
export async function restoreBackup(db: Kysely<any>, file: string): Promise<BackupSummary> {
  const lines = backupLines(file);
  const first = await lines.next();
  const header = parseHeader(first.done ? undefined : first.value, file);
  const known = new Set(await knownMigrations());
  const unknown = header.migrations.filter((m) => !known.has(m));
  if (unknown.length > 0) throw new BackupError("newer_version", `${file} was written by a newer chibo (migrations ${unknown.join(", ")})`);

  const nonEmpty = Object.entries(await countAllRows(db)).filter(([, n]) => n > 0);
  if (nonEmpty.length > 0) throw new BackupError("not_empty", `the store is not empty (${nonEmpty.map(([t, n]) => `${t}: ${n}`).join(", ")})`);

  const last = header.migrations.at(-1);
  if (last) await migrateUpTo(db, last);
  let rows = 0;
  await db.transaction().execute(async (trx) => {
    await useUtc(trx);
    const tables = new Map((await listTables(trx)).map((t) => [t.name, t]));
    for (const expected of header.tables) {
      const block = await lines.next();
      const meta = block.done ? undefined : (JSON.parse(block.value) as { table?: string; rows?: number });
      if (!meta || meta.table !== expected.name || meta.rows !== expected.rows) throw new BackupError("truncated", `${file} is cut short at table ${expected.name}`);
      const batch: string[] = [];
      for (let i = 0; i < expected.rows; i++) {
        const row = await lines.next();
        if (row.done) throw new BackupError("truncated", `${file} is cut short in table ${expected.name}`);
        batch.push(row.value);
      }
      const table = tables.get(expected.name);
      if (!table) throw new BackupError("not_a_backup", `${file} holds a table this version does not have: ${expected.name}`);
      // The columns the backup wrote, in its order: a column added by a later migration takes its default.
      await insertJsonRows(trx, { name: table.name, columns: expected.columns.filter((c) => table.columns.includes(c)) }, batch);
      rows += batch.length;
    }
    await resetSequences(trx);
  });
  await lines.return(undefined);
  await migrateToLatest(db);
  return { file, tables: header.tables.length, rows };
}
