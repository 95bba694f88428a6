import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { DatabaseHandle } from "../../src/db/connection.js";
import { countAllRows } from "../../src/db/backup.repository.js";
import { listPeopleWithRoles } from "../../src/db/person.repository.js";
import { restoreBackup, writeBackup } from "../../src/ops/backup.js";
import { emptyDatabase } from "../support/empty-database.js";
import { describeEngines, freshDatabase, type TestDatabase } from "../support/engines.js";
import { runChibo } from "../support/cli.js";
import { migratedDataDir } from "../support/e2e-database.js";

const KEY = "một-khóa-đủ-dài-cho-sao-lưu-2026";

const rowsIn = async (db: DatabaseHandle["db"]) => Object.values(await countAllRows(db)).reduce((a, b) => a + b, 0);

describeEngines("encrypted backups (BACKUP_KEY)", (engine) => {
  let source: TestDatabase;
  let dir: string;
  let file: string;

  beforeAll(async () => {
    source = await freshDatabase(engine, { demo: true });
    dir = mkdtempSync(join(tmpdir(), "chibo-enc-"));
    file = join(dir, "store.bak");
    await writeBackup(source.db, file, engine, new Date(), { key: KEY });
  }, 120_000);

  afterAll(async () => {
    await source?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("writes a file that is neither gzip nor readable text, and two backups of one store differ (random salt and IV)", async () => {
    const bytes = readFileSync(file);
    expect(bytes.subarray(0, 8).toString("ascii")).toBe("CHIBOENC");
    expect(bytes[8]).toBe(1);
    const again = join(dir, "again.bak");
    await writeBackup(source.db, again, engine, new Date(), { key: KEY });
    expect(readFileSync(again).subarray(9, 37).equals(bytes.subarray(9, 37))).toBe(false);
  }, 60_000);

  it("restores only with its key: no key, a wrong key and a changed byte are refused and write nothing", async () => {
    const tampered = join(dir, "tampered.bak");
    const bytes = Buffer.from(readFileSync(file));
    const middle = Math.floor(bytes.length / 2);
    bytes[middle] = (bytes[middle] as number) ^ 0x01;
    writeFileSync(tampered, bytes);
    const target = await emptyDatabase(engine, "chibo_enc");
    try {
      await expect(restoreBackup(target.db, file)).rejects.toMatchObject({ code: "key_required" });
      await expect(restoreBackup(target.db, file, { key: `${KEY}-sai` })).rejects.toMatchObject({ code: "wrong_key" });
      await expect(restoreBackup(target.db, tampered, { key: KEY })).rejects.toMatchObject({ code: "tampered" });
      expect(await rowsIn(target.db)).toBe(0);
      const summary = await restoreBackup(target.db, file, { key: KEY });
      expect(summary.rows).toBeGreaterThan(100);
      expect(await listPeopleWithRoles(target.db)).toEqual(await listPeopleWithRoles(source.db));
    } finally {
      await target.close();
    }
  }, 120_000);
});

it("chibo backup with BACKUP_KEY, chibo restore: without the key or with another one a clear Vietnamese refusal", async () => {
  const dir = mkdtempSync(join(tmpdir(), "chibo-enc-cli-"));
  try {
    const from = { DATA_DIR: join(dir, "from") };
    const to = { DATA_DIR: join(dir, "to") };
    // The folder backed up starts migrated (a copy); the one restored into is new, as restore requires.
    migratedDataDir(from.DATA_DIR);
    expect((await runChibo(["seed", "--demo"], { env: from })).code).toBe(0);
    const backup = await runChibo(["backup", "--out", join(dir, "b.bak")], { env: { ...from, BACKUP_KEY: KEY } });
    expect(backup.code, backup.stderr).toBe(0);
    expect(backup.stdout).toContain("đã mã hóa bằng BACKUP_KEY");
    const noKey = await runChibo(["restore", join(dir, "b.bak")], { env: to });
    expect(noKey.code).toBe(1);
    expect(noKey.stderr).toContain("Bản sao lưu này đã được mã hóa");
    const wrong = await runChibo(["restore", join(dir, "b.bak")], { env: { ...to, BACKUP_KEY: "khóa-khác-hẳn-nhưng-đủ-dài" } });
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain("Sai khóa giải mã");
    const right = await runChibo(["restore", join(dir, "b.bak")], { env: { ...to, BACKUP_KEY: KEY } });
    expect(right.code, right.stderr).toBe(0);
    expect(right.stdout).toMatch(/^Đã khôi phục \d+ dòng/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}, 180_000);
