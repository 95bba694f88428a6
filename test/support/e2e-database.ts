import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { inject } from "vitest";
import type { Kysely } from "kysely";
import { openDatabase, type DatabaseHandle, type Engine, type OpenOptions } from "../../src/db/connection.js";
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
  /** Open, run `fn`, close. */
  use<T>(fn: (db: Kysely<Database>) => Promise<T>): Promise<T>;
  /** Drop the PostgreSQL database and remove the scratch folder. */
  cleanup(): Promise<void>;
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
  return {
    env,
    dir,
    open,
    async use(fn) {
      const handle = await open();
      try {
        return await fn(handle.db);
      } finally {
        await handle.close();
      }
    },
    async cleanup() {
      if (url) await dropPostgresDatabase(url);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
