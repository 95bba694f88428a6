import { createCipheriv, createDecipheriv, createHash, randomBytes, scrypt, timingSafeEqual } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { open, rename, unlink } from "node:fs/promises";
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
 * With a key (`BACKUP_KEY`), the gzip is encrypted with AES-256-GCM (node's own crypto):
 *
 *   "CHIBOENC" · version (1 byte) · salt (16) · IV (12) · key check (16) · ciphertext · GCM tag (16)
 *
 * The AES key comes from scrypt(BACKUP_KEY, salt); the key check (a hash of a second derived key)
 * tells a wrong key from a tampered file. A restore checks the tag over the whole file before it
 * writes a row, so a changed byte anywhere is refused with nothing written.
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
    readonly code: "not_a_backup" | "newer_version" | "not_empty" | "truncated" | "key_required" | "wrong_key" | "tampered",
    message: string,
  ) {
    super(message);
  }
}

export interface BackupOptions {
  /** BACKUP_KEY: encrypt (backup) or decrypt (restore) with a key derived from it. */
  key?: string;
}

const MAGIC = Buffer.from("CHIBOENC", "ascii");
const ENCRYPTION_VERSION = 1;
const SALT_BYTES = 16;
const IV_BYTES = 12;
const CHECK_BYTES = 16;
const TAG_BYTES = 16;
const HEADER_BYTES = MAGIC.length + 1 + SALT_BYTES + IV_BYTES + CHECK_BYTES;
// scrypt's cost: ~32 MB and a fraction of a second, once per backup or restore.
const SCRYPT = { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };

async function deriveKeys(key: string, salt: Buffer): Promise<{ aes: Buffer; check: Buffer }> {
  const derived = await new Promise<Buffer>((ok, fail) => scrypt(key, salt, 64, SCRYPT, (err, buf) => (err ? fail(err) : ok(buf))));
  return { aes: derived.subarray(0, 32), check: createHash("sha256").update(derived.subarray(32)).digest().subarray(0, CHECK_BYTES) };
}

type Step = NodeJS.ReadWriteStream | ((source: AsyncIterable<Buffer>) => AsyncGenerator<Buffer>);

async function encode(key: string | undefined): Promise<Step[]> {
  if (!key) return [createGzip()];
  const salt = randomBytes(SALT_BYTES);
  const iv = randomBytes(IV_BYTES);
  const { aes, check } = await deriveKeys(key, salt);
  const cipher = createCipheriv("aes-256-gcm", aes, iv);
  const header = Buffer.concat([MAGIC, Buffer.from([ENCRYPTION_VERSION]), salt, iv, check]);
  return [
    createGzip(),
    async function* encrypt(source: AsyncIterable<Buffer>) {
      yield header;
      for await (const chunk of source) yield cipher.update(chunk);
      yield cipher.final();
      yield cipher.getAuthTag();
    },
  ];
}

interface Encrypted {
  aes: Buffer;
  iv: Buffer;
  tag: Buffer;
  /** The ciphertext's last byte offset (inclusive). */
  end: number;
}

/** Read an encrypted backup's header and tag; null for a plain backup. */
async function readEncryption(file: string, key: string | undefined): Promise<Encrypted | null> {
  const handle = await open(file, "r");
  try {
    const { size } = await handle.stat();
    const head = Buffer.alloc(HEADER_BYTES);
    const { bytesRead } = await handle.read(head, 0, HEADER_BYTES, 0);
    if (bytesRead < MAGIC.length || !head.subarray(0, MAGIC.length).equals(MAGIC)) return null;
    if (bytesRead < HEADER_BYTES || size < HEADER_BYTES + TAG_BYTES) throw new BackupError("truncated", `${file} is cut short`);
    if (head[MAGIC.length] !== ENCRYPTION_VERSION) throw new BackupError("newer_version", `${file} is encrypted by a newer chibo`);
    if (!key) throw new BackupError("key_required", `${file} is encrypted; BACKUP_KEY is not set`);
    let at = MAGIC.length + 1;
    const salt = head.subarray(at, (at += SALT_BYTES));
    const iv = head.subarray(at, (at += IV_BYTES));
    const stored = head.subarray(at, (at += CHECK_BYTES));
    const { aes, check } = await deriveKeys(key, salt);
    if (!timingSafeEqual(check, stored)) throw new BackupError("wrong_key", `${file} was encrypted with another key`);
    const tag = Buffer.alloc(TAG_BYTES);
    await handle.read(tag, 0, TAG_BYTES, size - TAG_BYTES);
    return { aes, iv, tag, end: size - TAG_BYTES - 1 };
  } finally {
    await handle.close();
  }
}

function decipherOf(e: Encrypted) {
  return createDecipheriv("aes-256-gcm", e.aes, e.iv).setAuthTag(e.tag);
}

/** Check the GCM tag over the whole ciphertext before anything is read as rows. */
async function verifyEncrypted(file: string, e: Encrypted): Promise<void> {
  const decipher = decipherOf(e);
  try {
    for await (const chunk of createReadStream(file, { start: HEADER_BYTES, end: e.end })) decipher.update(chunk as Buffer);
    decipher.final();
  } catch (error) {
    if ((error as Error).message?.includes("authenticate")) throw new BackupError("tampered", `${file} was changed after it was written`);
    throw error;
  }
}

/**
 * Write the whole store to `file`: every table of one consistent snapshot (one repeatable-read
 * transaction). Written to `file.partial` first and renamed, so a crash never leaves a short backup
 * under the real name.
 */
export async function writeBackup(db: Kysely<any>, file: string, engine: string, now = new Date(), options: BackupOptions = {}): Promise<BackupSummary> {
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
    const steps = await encode(options.key);
    await (pipeline as (...streams: unknown[]) => Promise<void>)(Readable.from(text()), ...steps, createWriteStream(partial, { mode: 0o600 }));
    await rename(partial, file);
  } catch (error) {
    await unlink(partial).catch(() => {});
    throw error;
  }
  return { file, tables: lines.blocks.length, rows: lines.blocks.reduce((n, b) => n + b.rows.length, 0) };
}

async function* backupLines(file: string, key: string | undefined): AsyncGenerator<string> {
  const encrypted = await readEncryption(file, key);
  if (encrypted) await verifyEncrypted(file, encrypted);
  const source = encrypted ? createReadStream(file, { start: HEADER_BYTES, end: encrypted.end }) : createReadStream(file);
  let stream: NodeJS.ReadableStream = source;
  for (const step of encrypted ? [decipherOf(encrypted), createGunzip()] : [createGunzip()]) stream = stream.pipe(step);
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
export async function restoreBackup(db: Kysely<any>, file: string, options: BackupOptions = {}): Promise<BackupSummary> {
  const lines = backupLines(file, options.key);
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
