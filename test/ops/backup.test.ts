import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync, gunzipSync } from "node:zlib";
import { afterAll, beforeAll, expect, it } from "vitest";
import { openDatabase } from "../../src/db/connection.js";
import { listTables, tableRowsJson, useUtc } from "../../src/db/backup.repository.js";
import { listPeopleWithRoles } from "../../src/db/person.repository.js";
import type { Db } from "../../src/db/schema.js";
import { BackupError, restoreBackup, writeBackup } from "../../src/ops/backup.js";
import { emptyDatabase } from "../support/empty-database.js";
import { describeEngines, ENGINES, freshDatabase, type TestDatabase } from "../support/engines.js";
import { runChibo } from "../support/cli.js";
import { migratedDataDir } from "../support/e2e-database.js";

/** Every chibo table's rows, sorted, as PostgreSQL prints them in UTC: two stores are equal when these are. */
async function snapshot(db: Db): Promise<Record<string, string[]>> {
  return db.transaction().execute(async (trx) => {
    await useUtc(trx);
    const out: Record<string, string[]> = {};
    for (const table of await listTables(trx)) out[table.name] = (await tableRowsJson(trx, table)).sort();
    return out;
  });
}

describeEngines("backup and restore", (engine) => {
  let source: TestDatabase;
  let dir: string;
  let file: string;

  beforeAll(async () => {
    source = await freshDatabase(engine, { demo: true });
    // Text a backup must carry exactly: quotes, a backslash, a newline, Vietnamese, JSON in a jsonb column.
    await source.db
      .insertInto("audit_log")
      .values({ actor_person_id: null, action: "backup.test", entity: 'org "A"\\B', entity_id: "x", before: null, after: JSON.stringify({ note: "dòng 1\ndòng 2", n: 1.5 }) })
      .execute();
    dir = mkdtempSync(join(tmpdir(), "chibo-backup-"));
    file = join(dir, "store.bak");
    await writeBackup(source.db, file, engine);
  }, 120_000);

  afterAll(async () => {
    await source?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("restores every table of a seeded store, row for row, into an empty database", async () => {
    const target = await emptyDatabase(engine, "chibo_restore");
    try {
      const summary = await restoreBackup(target.db, file);
      expect(summary.rows).toBeGreaterThan(100);
      const before = await snapshot(source.db);
      const after = await snapshot(target.db);
      expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort());
      for (const table of Object.keys(before)) expect(after[table], table).toEqual(before[table]);
      expect(await listPeopleWithRoles(target.db)).toEqual(await listPeopleWithRoles(source.db));
      // Counters moved past the restored ids: a new row gets a fresh id.
      const maxId = Number((await target.db.selectFrom("audit_log").select((eb) => eb.fn.max("id").as("m")).executeTakeFirstOrThrow()).m);
      const added = await target.db
        .insertInto("audit_log")
        .values({ actor_person_id: null, action: "after.restore", entity: "org", entity_id: "1", before: null, after: null })
        .returning("id")
        .executeTakeFirstOrThrow();
      expect(Number(added.id)).toBeGreaterThan(maxId);
    } finally {
      await target.close();
    }
  }, 120_000);

  it("refuses a store that already holds data, and changes nothing in it", async () => {
    const before = await snapshot(source.db);
    await expect(restoreBackup(source.db, file)).rejects.toMatchObject({ code: "not_empty" });
    expect(await snapshot(source.db)).toEqual(before);
  }, 60_000);

  it("refuses a file cut short or not a backup, writing no row", async () => {
    const lines = gunzipSync(readFileSync(file)).toString("utf8").split("\n");
    const short = join(dir, "short.bak");
    writeFileSync(short, gzipSync(lines.slice(0, Math.floor(lines.length / 2)).join("\n")));
    const junk = join(dir, "junk.bak");
    writeFileSync(junk, "org,code\n1,X\n");
    const target = await emptyDatabase(engine, "chibo_restore");
    try {
      await expect(restoreBackup(target.db, short)).rejects.toBeInstanceOf(BackupError);
      await expect(restoreBackup(target.db, short)).rejects.toMatchObject({ code: "truncated" });
      await expect(restoreBackup(target.db, junk)).rejects.toMatchObject({ code: "not_a_backup" });
      const counts = await snapshot(target.db);
      expect(Object.values(counts).every((rows) => rows.length === 0)).toBe(true);
    } finally {
      await target.close();
    }
  }, 120_000);
});

it("chibo backup on a seeded data folder, chibo restore into a new folder: the same people and reports", async () => {
  const dir = mkdtempSync(join(tmpdir(), "chibo-backup-cli-"));
  try {
    const from = { DATA_DIR: join(dir, "from") };
    const to = { DATA_DIR: join(dir, "to") };
    // The folder backed up starts migrated (a copy); the one restored into is new, as restore requires.
    migratedDataDir(from.DATA_DIR);
    expect((await runChibo(["seed", "--demo"], { env: from })).code).toBe(0);
    const report = "Chi bộ họp ngày 5/11 lúc 19h30, có mặt 9/11 đồng chí, vắng 2 có lý do, đồng chí Khoa dự.";
    expect((await runChibo(["chat", "--as", "DEMO-BT-POLAI"], { env: from, input: ["/chibo", "1", report, "1"].join("\n") + "\n" })).code).toBe(0);
    const backup = await runChibo(["backup", "--out", join(dir, "b.bak")], { env: from });
    expect(backup.code, backup.stderr).toBe(0);
    expect(backup.stdout).toMatch(/^Đã sao lưu \d+ dòng của \d+ bảng vào /);
    const restore = await runChibo(["restore", join(dir, "b.bak")], { env: to });
    expect(restore.code, restore.stderr).toBe(0);
    const again = await runChibo(["restore", join(dir, "b.bak")], { env: to });
    expect(again.code).toBe(1);
    expect(again.stderr).toContain("Chỉ khôi phục vào cơ sở dữ liệu hoặc thư mục dữ liệu trống");
    const seen = async (env: Record<string, string>) => {
      const handle = await openDatabase({ dataDir: env.DATA_DIR });
      try {
        return {
          people: await listPeopleWithRoles(handle.db),
          reports: await handle.db.selectFrom("report_submission").selectAll().orderBy("id").execute(),
        };
      } finally {
        await handle.close();
      }
    };
    const original = await seen(from);
    expect(original.people.length).toBeGreaterThan(10);
    expect(original.reports.length).toBeGreaterThan(0);
    expect(await seen(to)).toEqual(original);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}, 300_000);

// The format is the same on both engines: a pilot on PGlite moves to PostgreSQL by backup and restore.
if (ENGINES.includes("postgres")) {
  it("restores a PGlite store's backup into PostgreSQL, every table row for row", async () => {
    const dir = mkdtempSync(join(tmpdir(), "chibo-backup-move-"));
    const source = await freshDatabase("pglite", { demo: true });
    const target = await emptyDatabase("postgres");
    try {
      await writeBackup(source.db, join(dir, "pilot.bak"), "pglite");
      await restoreBackup(target.db, join(dir, "pilot.bak"));
      expect(await snapshot(target.db)).toEqual(await snapshot(source.db));
    } finally {
      await target.close();
      await source.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 300_000);
}
