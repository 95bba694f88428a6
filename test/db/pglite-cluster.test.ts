import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { brotliDecompressSync } from "node:zlib";
import { sql } from "kysely";
import { afterEach, describe, expect, inject, it } from "vitest";
import { openDatabase } from "../../src/db/connection.js";
import { seedDemo } from "../../src/db/demo-seed.js";
import { migrateToLatest } from "../../src/db/migrator.js";
import { PGLITE_CLUSTER_FILE, readTar } from "../../src/db/pglite-cluster.js";

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "chibo-cluster-"));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A cluster's files by path; the configuration files and PG_VERSION as text. */
function filesOf(tarball: Buffer) {
  const files = readTar(tarball).filter((e) => e.kind === "file");
  const text = (path: string) => files.find((f) => f.path === path)?.data.toString("utf8");
  // pg_control's version and the catalog version (bytes 8–15): a cluster from another PostgreSQL build differs here.
  const control = files.find((f) => f.path === "global/pg_control")?.data.subarray(8, 16).toString("hex");
  return {
    paths: files.map((f) => f.path).sort(),
    version: text("PG_VERSION"),
    config: ["postgresql.conf", "postgresql.auto.conf", "pg_hba.conf", "pg_ident.conf"].map(text),
    control,
  };
}

describe("a new PGlite data folder", () => {
  it("starts from the shipped empty cluster, which is the one the installed PGlite's initdb makes", () => {
    // When this fails after upgrading @electric-sql/pglite: node --import tsx scripts/make-pglite-cluster.ts
    const shipped = filesOf(brotliDecompressSync(readFileSync(PGLITE_CLUSTER_FILE)));
    const made = filesOf(readFileSync(inject("templates").pglite.blank));
    expect(shipped.paths.length).toBeGreaterThan(100);
    expect(shipped).toEqual(made);
  });

  it("that a start left half unpacked is unpacked again, migrated and seeded, and holds its data after a restart", async () => {
    const dir = tempDir();
    // What a start that died while unpacking leaves: a partial folder beside the cluster, no cluster.
    mkdirSync(join(dir, "pgdata.partial", "base"), { recursive: true });
    writeFileSync(join(dir, "pgdata.partial", "PG_VERSION"), "17\n");
    const first = await openDatabase({ dataDir: dir });
    expect(existsSync(join(dir, "pgdata.partial"))).toBe(false);
    expect((await migrateToLatest(first.db)).length).toBeGreaterThan(0);
    expect(await seedDemo(first.db)).toBe(true);
    await first.close();

    const again = await openDatabase({ dataDir: dir });
    expect(await migrateToLatest(again.db)).toEqual([]);
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from person where code = 'DEMO-BT-POLAI'`.execute(again.db);
    expect(rows[0]?.n).toBe(1);
    await again.close();
  });
});
