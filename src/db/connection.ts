import { resolve } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { createPgConfig } from "@electric-sql/pglite/node-postgres";
import { Kysely, PostgresDialect } from "kysely";
import pg from "pg";
import { acquireDataDirLock, type DataDirLock } from "./data-dir-lock.js";
import { unpackCluster } from "./pglite-cluster.js";
import type { Database } from "./schema.js";

const DATE_OID = 1082;

// `date` columns come back as 'YYYY-MM-DD' text on both engines: node-postgres would otherwise make
// a Date at local midnight, which shifts a day in any timezone west of the server's.
const typeParsers = {
  getTypeParser(oid: number, format?: "text" | "binary") {
    if (oid === DATE_OID) return (value: string) => value;
    return pg.types.getTypeParser(oid, format);
  },
} as pg.CustomTypesConfig;

export type Engine = "pglite" | "postgres";

export interface DatabaseHandle {
  readonly db: Kysely<Database>;
  readonly engine: Engine;
  /** The connection pool's counts, for the metrics. */
  poolStats?(): { totalCount: number; idleCount: number; waitingCount: number };
  close(): Promise<void>;
}

function statsOf(pool: pg.Pool) {
  return () => ({ totalCount: pool.totalCount, idleCount: pool.idleCount, waitingCount: pool.waitingCount });
}

export interface OpenOptions {
  /** PostgreSQL connection string; when unset, embedded PGlite in `dataDir`. */
  databaseUrl?: string | undefined;
  dataDir?: string;
  /** An already open PGlite (tests load a migrated template); the caller keeps ownership of its folder. */
  pglite?: PGlite;
  poolSize?: number;
}

/**
 * Open the database: PostgreSQL when a URL is given, otherwise PGlite in a locked data folder.
 *
 * @example const { db, close } = await openDatabase({ dataDir: "./data" })
 */
export async function openDatabase(options: OpenOptions): Promise<DatabaseHandle> {
  if (options.databaseUrl) {
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: options.poolSize ?? 10, types: typeParsers });
    const names = new StatementNames();
    // A connection that dies while idle (server restart, pg_terminate_backend) must not crash the process.
    pool.on("error", () => {});
    // The pool listens only while a client is idle; one that dies checked out (mid-transaction) would
    // otherwise throw an uncaught 'error' and end the process. Its pending query fails on its own.
    pool.on("connect", (client) => {
      client.on("error", () => {});
      parseOnce(client, names);
    });
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return { db, engine: "postgres", poolStats: statsOf(pool), close: once(() => db.destroy()) };
  }

  let lock: DataDirLock | undefined;
  let pglite = options.pglite;
  const owned = !pglite;
  if (!pglite) {
    const dir = resolve(options.dataDir ?? "./data");
    lock = acquireDataDirLock(dir);
    try {
      // A new folder starts from the shipped empty cluster rather than running initdb.
      unpackCluster(`${dir}/pgdata`);
      pglite = await PGlite.create(`${dir}/pgdata`);
    } catch (error) {
      lock.release();
      throw error;
    }
  }
  const instance = pglite;
  const pool = new pg.Pool({ ...createPgConfig(instance), max: 1, types: typeParsers });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    engine: "pglite",
    poolStats: statsOf(pool),
    close: once(async () => {
      await db.destroy();
      if (owned) await instance.close();
      lock?.release();
    }),
  };
}

/** A statement is named (parsed once per connection) from its second use on. */
const NAMED_FROM_USE = 2;
/** At most this many statements are named: hot ones come early; a rare shape is parsed each time. */
const MAX_NAMED = 200;
/** Statements counted before the counts start again (shapes seen once, such as long `in` lists, do not pile up). */
const MAX_COUNTED = 5000;
const NAMEABLE = /^\s*(select|insert|update|delete|with)\b/i;

/**
 * Names for the statements run again and again (a message's preamble, the roll, the replies'
 * insert), so PostgreSQL parses and plans each once per connection instead of every time — about
 * half of its work per message. Texts are Kysely's compiled SQL: one text, one name.
 */
class StatementNames {
  private readonly uses = new Map<string, number>();
  private named = new Map<string, string>();
  private generation = 0;

  nameOf(text: string): string | undefined {
    const name = this.named.get(text);
    if (name !== undefined || this.named.size >= MAX_NAMED || !NAMEABLE.test(text)) return name;
    const uses = (this.uses.get(text) ?? 0) + 1;
    if (uses < NAMED_FROM_USE) {
      if (this.uses.size >= MAX_COUNTED) this.uses.clear();
      this.uses.set(text, uses);
      return undefined;
    }
    this.uses.delete(text);
    const fresh = `chibo_${this.generation}_${this.named.size}`;
    this.named.set(text, fresh);
    return fresh;
  }

  /**
   * A table's columns changed under a named `select *` ("cached plan must not change result type"):
   * new names from now on, so every connection parses its statements again.
   */
  forget(): void {
    this.named = new Map();
    this.generation++;
  }
}

type Query = (...args: unknown[]) => unknown;

/** The client's `query(text, values)` as Kysely calls it, with a name for the statements run often. */
function parseOnce(client: pg.PoolClient, names: StatementNames): void {
  const query = client.query.bind(client) as Query;
  (client as unknown as { query: Query }).query = (...args: unknown[]) => {
    const [text, values] = args;
    const name = typeof text === "string" && Array.isArray(values) && args.length === 2 ? names.nameOf(text) : undefined;
    if (name === undefined) return query(...args);
    return (query({ name, text, values }) as Promise<unknown>).catch((error: unknown) => {
      if ((error as { code?: string }).code === "0A000" && String((error as Error).message).includes("cached plan")) names.forget();
      throw error;
    });
  };
}

function once(fn: () => Promise<void>): () => Promise<void> {
  let done: Promise<void> | undefined;
  return () => (done ??= fn());
}
