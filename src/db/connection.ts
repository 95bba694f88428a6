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
    // A connection that dies while idle (server restart, pg_terminate_backend) must not crash the process.
    pool.on("error", () => {});
    // The pool listens only while a client is idle; one that dies checked out (mid-transaction) would
    // otherwise throw an uncaught 'error' and end the process. Its pending query fails on its own.
    pool.on("connect", (client) => client.on("error", () => {}));
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

function once(fn: () => Promise<void>): () => Promise<void> {
  let done: Promise<void> | undefined;
  return () => (done ??= fn());
}
