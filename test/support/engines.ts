import { readFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { beforeEach, describe, inject } from "vitest";
import { openDatabase, type DatabaseHandle, type Engine } from "../../src/db/connection.js";

/** The engines this run covers: PGlite always, PostgreSQL when TEST_DATABASE_URL is set. */
export const ENGINES: Engine[] = process.env.TEST_DATABASE_URL ? ["pglite", "postgres"] : ["pglite"];

export interface TestDatabase extends DatabaseHandle {
  /** For PostgreSQL: the URL of this test's own database (child processes connect to it). */
  url?: string;
}

/** What a fresh database starts from: chibo's tables only, or those plus the demo province (`seedDemo`). */
export type Starting = "migrated" | "demo";

/**
 * A PGlite started from one of the run's data-dir tarballs (built once in test/global-setup.ts):
 * a bare cluster, migrated, or migrated with the demo province.
 */
export function pgliteFrom(start: Starting | "blank"): Promise<PGlite> {
  return PGlite.create({ loadDataDir: new Blob([readFileSync(inject("templates").pglite[start])]) });
}

/**
 * A fresh, migrated database of its own for a test file or test; with `{ demo: true }` it already
 * holds the demo province, as after `seedDemo` (copied from a template seeded once per run).
 */
export async function freshDatabase(engine: Engine, options: { demo?: boolean } = {}): Promise<TestDatabase> {
  const start: Starting = options.demo ? "demo" : "migrated";
  if (engine === "pglite") {
    const pglite = await pgliteFrom(start);
    const handle = await openDatabase({ pglite });
    return {
      ...handle,
      close: async () => {
        await handle.close();
        await pglite.close();
      },
    };
  }
  const url = await freshPostgresDatabase(start);
  const handle = await openDatabase({ databaseUrl: url, poolSize: 4 });
  return {
    ...handle,
    url,
    close: async () => {
      await handle.close();
      await dropPostgresDatabase(url);
    },
  };
}

/**
 * A test database's commits do not wait for the WAL flush (`synchronous_commit = off`, for every
 * connection to it, the child `chibo` processes' too): on the shared server each commit otherwise
 * waits for an fsync, most of a PostgreSQL test's time. Nothing else changes: what a transaction
 * reads and writes is the same, and the server is never crashed under a test (test/reliability's
 * outage tests stop a server of their own).
 */
export const NO_COMMIT_WAIT = (database: string) => `alter database ${database} set synchronous_commit = off`;

/** A new PostgreSQL database copied from the run's migrated (or demo) template; returns its URL. */
export async function freshPostgresDatabase(start: Starting = "migrated"): Promise<string> {
  const base = process.env.TEST_DATABASE_URL;
  const templates = inject("templates").postgres;
  if (!base || !templates) throw new Error("PostgreSQL tests need TEST_DATABASE_URL");
  const name = `${templates.prefix}${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  try {
    await admin.query(`create database ${name} template ${templates[start]}`);
    await admin.query(NO_COMMIT_WAIT(name));
  } finally {
    await admin.end();
  }
  openPostgresDatabases.add(name);
  const url = new URL(base);
  url.pathname = `/${name}`;
  return url.toString();
}

/** This file's PostgreSQL databases still open, by name; a failed test keeps them all (see describeEngines). */
const openPostgresDatabases = new Set<string>();
let keepPostgresDatabases = false;

/**
 * A test file starts with no failure and no database of its own: test files share their worker's
 * modules (vitest.config.ts), so test/support/file-setup.ts calls this before each file.
 */
export function startOfTestFile(): void {
  openPostgresDatabases.clear();
  keepPostgresDatabases = false;
}

/**
 * Drop a test's PostgreSQL database, unless a test of this file failed: then it is kept for
 * inspection (as pg-boss keeps its test schemas) and its name was printed with the failure.
 */
export async function dropPostgresDatabase(url: string): Promise<void> {
  const base = process.env.TEST_DATABASE_URL as string;
  const name = new URL(url).pathname.slice(1);
  openPostgresDatabases.delete(name);
  if (keepPostgresDatabases) return keepPostgresDatabase(base, name);
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  try {
    await admin.query(`drop database if exists ${name} with (force)`);
  } finally {
    await admin.end();
  }
}

/**
 * Run a suite once per engine, the way Kysely loops its tests over dialects.
 *
 * @example describeEngines("org tree", (engine) => { ... })
 */
export function describeEngines(name: string, body: (engine: Engine) => void): void {
  for (const engine of ENGINES)
    describe(`${name} [${engine}]`, () => {
      beforeEach(({ onTestFailed }) => onTestFailed(keepDatabasesOfFailure));
      body(engine);
    });
}

/** The name a kept database is given, out of reach of the global teardown (which drops `chibo_t_<pid>_*`). */
function keptName(name: string): string {
  return name.replace(/^chibo_t_/, "chibo_failed_");
}

async function keepPostgresDatabase(base: string, name: string): Promise<void> {
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  try {
    await admin.query(`alter database ${name} rename to ${keptName(name)}`);
  } finally {
    await admin.end();
  }
}

/** A test failed: keep this file's PostgreSQL databases and say which they are, next to the failure. */
function keepDatabasesOfFailure(): void {
  keepPostgresDatabases = true;
  if (openPostgresDatabases.size === 0) return;
  const names = [...openPostgresDatabases].map(keptName).join(", ");
  console.error(`A test failed: its PostgreSQL database is kept for inspection: ${names} (drop it with: psql -c 'drop database <name>')`);
}
