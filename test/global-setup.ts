import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { openDatabase } from "../src/db/connection.js";
import { seedDemo } from "../src/db/demo-seed.js";
import { migrateToLatest } from "../src/db/migrator.js";
import { untar } from "../src/db/pglite-cluster.js";

/** What a test file copies its database from (see test/support/engines.ts). */
export interface Templates {
  /** PGlite data-dir tarballs: a bare cluster (no chibo tables), migrated, migrated + demo province. */
  pglite: { blank: string; migrated: string; demo: string };
  /** The migrated tarball unpacked: a `DATA_DIR/pgdata` folder for the real `chibo` (test/support/e2e-database.ts). */
  pgliteDataDir: string;
  /** PostgreSQL template databases (with TEST_DATABASE_URL), and the prefix of the databases copied from them. */
  postgres: { migrated: string; demo: string; prefix: string } | null;
}

declare module "vitest" {
  export interface ProvidedContext {
    templates: Templates;
  }
}

/** Fail early, saying exactly how to start PostgreSQL (pg-boss's assertDbReachable). */
async function assertDbReachable(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    await client.query("select 1");
  } catch (error) {
    throw new Error(
      `TEST_DATABASE_URL is set but PostgreSQL does not answer (${(error as Error).message}).\n` +
        `Start it with: pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start\n` +
        `or unset TEST_DATABASE_URL to run the database suite on PGlite only.`,
    );
  } finally {
    await client.end().catch(() => {});
  }
}

async function dump(pglite: PGlite, file: string): Promise<Buffer> {
  const tarball = Buffer.from(await (await pglite.dumpDataDir("none")).arrayBuffer());
  writeFileSync(file, tarball);
  return tarball;
}

/**
 * Build the databases' starting points once per run, so no test file migrates or seeds the demo
 * province itself: PGlite tarballs (bare, migrated, demo) and, with TEST_DATABASE_URL, PostgreSQL
 * template databases (migrated, demo). Each test file then gets its own fresh copy.
 */
export default async function setup(project: TestProject) {
  const dir = mkdtempSync(join(tmpdir(), "chibo-test-"));
  const pglite = await PGlite.create();
  const handle = await openDatabase({ pglite });
  const files = { blank: join(dir, "blank.tar"), migrated: join(dir, "migrated.tar"), demo: join(dir, "demo.tar") };
  await dump(pglite, files.blank);
  await migrateToLatest(handle.db);
  const migrated = await dump(pglite, files.migrated);
  await seedDemo(handle.db);
  await dump(pglite, files.demo);
  await handle.close();
  await pglite.close();
  const pgliteDataDir = join(dir, "pgdata");
  untar(migrated, pgliteDataDir);

  const url = process.env.TEST_DATABASE_URL;
  let postgres: Templates["postgres"] = null;
  if (url) {
    await assertDbReachable(url);
    postgres = { migrated: `chibo_tmpl_${process.pid}`, demo: `chibo_tmpl_${process.pid}_demo`, prefix: `chibo_t_${process.pid}_` };
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    const at = (name: string) => Object.assign(new URL(url), { pathname: `/${name}` }).toString();
    try {
      await admin.query(`drop database if exists ${postgres.demo}`);
      await admin.query(`drop database if exists ${postgres.migrated}`);
      await admin.query(`create database ${postgres.migrated}`);
      // Not copied to the databases made from it (each sets its own: test/support/engines.ts).
      await admin.query(`alter database ${postgres.migrated} set synchronous_commit = off`);
      const migratedHandle = await openDatabase({ databaseUrl: at(postgres.migrated), poolSize: 1 });
      await migrateToLatest(migratedHandle.db);
      await migratedHandle.close();
      await admin.query(`create database ${postgres.demo} template ${postgres.migrated}`);
      await admin.query(`alter database ${postgres.demo} set synchronous_commit = off`);
      const demoHandle = await openDatabase({ databaseUrl: at(postgres.demo), poolSize: 1 });
      await seedDemo(demoHandle.db);
      await demoHandle.close();
    } finally {
      await admin.end();
    }
  }
  project.provide("templates", { pglite: files, pgliteDataDir, postgres });

  return async () => {
    rmSync(dir, { recursive: true, force: true });
    if (url && postgres) {
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      // Drop what test files left behind too (their databases are named after the run).
      const { rows } = await admin.query<{ datname: string }>("select datname from pg_database where datname like $1", [`${postgres.prefix}%`]);
      for (const row of rows) await admin.query(`drop database if exists ${row.datname} with (force)`);
      await admin.query(`drop database if exists ${postgres.demo} with (force)`);
      await admin.query(`drop database if exists ${postgres.migrated} with (force)`);
      await admin.end();
    }
  };
}
