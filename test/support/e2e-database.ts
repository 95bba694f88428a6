import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { inject } from "vitest";
import { PGlite } from "@electric-sql/pglite";
import type { Kysely } from "kysely";
import { localContext, type CommandContext } from "../../src/cli/command.js";
import { openDatabase, type DatabaseHandle, type Engine, type OpenOptions } from "../../src/db/connection.js";
import { acquireDataDirLock, type DataDirLock } from "../../src/db/data-dir-lock.js";
import { unpackCluster } from "../../src/db/pglite-cluster.js";
import type { Database } from "../../src/db/schema.js";
import { dropPostgresDatabase, freshPostgresDatabase } from "./engines.js";

/**
 * A database of a test file's own for the real `chibo` command (a child process): a fresh PostgreSQL
 * database copied from the migrated template, or a PGlite data folder copied from the migrated one
 * (test/global-setup.ts), so no file pays for an initdb and the migrations. `{ newFolder: true }`:
 * no PGlite folder at all, for a test of what chibo does on its first run (it creates and migrates one).
 */
export interface E2eDatabase {
  /** `DATABASE_URL` or `DATA_DIR`: merge it into the child's environment. */
  readonly env: Record<string, string>;
  /** A scratch folder of the test's own (PGlite keeps its data in `data/` below it). */
  readonly dir: string;
  /** Open it from the test process; on PGlite only while no chibo holds the folder. */
  open(options?: Pick<OpenOptions, "poolSize">): Promise<DatabaseHandle>;
  /** Open, run `fn`, close (after `keepOpen`: run `fn` on the database kept open). */
  use<T>(fn: (db: Kysely<Database>) => Promise<T>): Promise<T>;
  /**
   * Keep the database open until `cleanup`, and lend it to the `chibo` commands this process runs
   * (`runChibo(args, { env, ctx })`): each command still loads its config, opens its app and checks
   * the migrations as from a terminal, but on PGlite it no longer starts the folder's database anew
   * (2–4 s a command). Not for a test of the folder itself (its lock, a second process, a first run).
   */
  keepOpen(): Promise<CommandContext>;
  /**
   * Close what `keepOpen` kept, for a command that opens the folder itself (`chibo start`): until the
   * next `keepOpen`, its context opens the database as a terminal's does.
   */
  release(): Promise<void>;
  /** Drop the PostgreSQL database and remove the scratch folder. */
  cleanup(): Promise<void>;
}

/** The database a file keeps open: on PGlite, the folder's lock and its one running instance. */
interface Kept {
  handle: DatabaseHandle;
  pglite?: PGlite;
  lock?: DataDirLock;
}

/**
 * Give a new `DATA_DIR` a copy of the run's migrated PGlite folder, as `chibo migrate` would leave it
 * (no initdb, no migrations to run): for a test about what chibo does on a folder, not about making one.
 */
export function migratedDataDir(dataDir: string): void {
  cpSync(inject("templates").pgliteDataDir, join(dataDir, "pgdata"), { recursive: true });
}

/**
 * Make the database for an end-to-end suite.
 *
 * @example const database = await e2eDatabase(engine, "tg"); await runChibo(["seed", "--demo"], { env: database.env })
 */
export async function e2eDatabase(engine: Engine, name: string, options: { newFolder?: boolean } = {}): Promise<E2eDatabase> {
  const dir = mkdtempSync(join(tmpdir(), `chibo-${name}-`));
  const url = engine === "postgres" ? await freshPostgresDatabase() : undefined;
  const env: Record<string, string> = url ? { DATABASE_URL: url } : { DATA_DIR: join(dir, "data") };
  // chibo keeps PGlite's files in DATA_DIR/pgdata (src/db/connection.ts).
  if (!url && !options.newFolder) migratedDataDir(join(dir, "data"));
  const open = (options: Pick<OpenOptions, "poolSize"> = {}) =>
    openDatabase(url ? { databaseUrl: url, ...options } : { dataDir: env.DATA_DIR as string });
  let kept: Kept | undefined;
  const keep = async (): Promise<Kept> => {
    if (url) return { handle: await open() };
    // What openDatabase does for a folder, keeping the instance to lend (it closes only what it opened).
    const dataDir = env.DATA_DIR as string;
    const lock = acquireDataDirLock(dataDir);
    try {
      unpackCluster(join(dataDir, "pgdata"));
      const pglite = await PGlite.create(join(dataDir, "pgdata"));
      return { handle: await openDatabase({ pglite }), pglite, lock };
    } catch (error) {
      lock.release();
      throw error;
    }
  };
  const release = async () => {
    if (!kept) return;
    const { handle, pglite, lock } = kept;
    kept = undefined;
    await handle.close();
    await pglite?.close();
    lock?.release();
  };
  return {
    env,
    dir,
    open,
    async use(fn) {
      if (kept) return fn(kept.handle.db);
      const handle = await open();
      try {
        return await fn(handle.db);
      } finally {
        await handle.close();
      }
    },
    async keepOpen() {
      kept ??= await keep();
      const terminal = localContext();
      return {
        ...terminal,
        openApp: (config, options) => {
          const pglite = kept?.pglite;
          return terminal.openApp(config, pglite ? { ...options, database: { ...options?.database, pglite } } : options);
        },
      };
    },
    release,
    async cleanup() {
      await release();
      if (url) await dropPostgresDatabase(url);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
