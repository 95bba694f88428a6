import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { openDatabase } from "../src/db/connection.js";
import { migrateToLatest } from "../src/db/migrator.js";

declare module "vitest" {
  export interface ProvidedContext {
    pgliteTemplate: string;
    postgresTemplate: string | null;
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

/**
 * Build migrated templates once per run: a PGlite data-dir tarball, and (with TEST_DATABASE_URL)
 * a PostgreSQL template database. Each test file then gets its own fresh copy.
 */
export default async function setup(project: TestProject) {
  const dir = mkdtempSync(join(tmpdir(), "chibo-test-"));
  const pglite = await PGlite.create();
  const handle = await openDatabase({ pglite });
  await migrateToLatest(handle.db);
  await handle.close();
  const tarball = join(dir, "template.tar");
  writeFileSync(tarball, Buffer.from(await (await pglite.dumpDataDir("none")).arrayBuffer()));
  await pglite.close();
  project.provide("pgliteTemplate", tarball);

  const url = process.env.TEST_DATABASE_URL;
  let templateName: string | null = null;
  if (url) {
    await assertDbReachable(url);
    templateName = `chibo_tmpl_${process.pid}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`drop database if exists ${templateName}`);
    await admin.query(`create database ${templateName}`);
    await admin.end();
    const tmplUrl = new URL(url);
    tmplUrl.pathname = `/${templateName}`;
    const pgHandle = await openDatabase({ databaseUrl: tmplUrl.toString(), poolSize: 1 });
    await migrateToLatest(pgHandle.db);
    await pgHandle.close();
  }
  project.provide("postgresTemplate", templateName);

  return async () => {
    rmSync(dir, { recursive: true, force: true });
    if (url && templateName) {
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      // Drop what test files left behind too (their databases are named after the template).
      const { rows } = await admin.query<{ datname: string }>(
        "select datname from pg_database where datname like $1",
        [`chibo_t_${process.pid}_%`],
      );
      for (const row of rows) await admin.query(`drop database if exists ${row.datname} with (force)`);
      await admin.query(`drop database if exists ${templateName} with (force)`);
      await admin.end();
    }
  };
}
