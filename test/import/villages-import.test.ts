import { fileURLToPath } from "node:url";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { readTableFile } from "../../src/services/import-reader.js";
import { runImport, type ImportOutcome } from "../../src/services/import.service.js";
import { villageTable } from "../../src/services/village-record.service.js";
import { rollupFor } from "../../src/services/rollup.service.js";
import { describeEngines, freshDatabase, type TestDatabase } from "../support/engines.js";
import { tempDir } from "./fixtures.js";

const NOW = new Date("2025-11-20T03:00:00Z");
const TZ = "Asia/Ho_Chi_Minh";
const template = (name: string) => fileURLToPath(new URL(`../../templates/${name}`, import.meta.url));

describeEngines("chibo import villages: the commune's village records from its Excel", (engine) => {
  let d: TestDatabase;
  let dir: string;
  const importFile = async (path: string, dryRun = false): Promise<ImportOutcome> => {
    const { table } = await readTableFile(path);
    return runImport(d.db, "villages", table, { now: NOW, tz: TZ, fileHash: "test", dryRun });
  };
  const records = async () => d.db.selectFrom("village_record").select(["org_id", "period", "population", "workforce", "source"]).orderBy("id").execute();

  beforeAll(async () => {
    d = await freshDatabase(engine);
    dir = tempDir();
    const { table } = await readTableFile(template("don-vi.csv"));
    expect((await runImport(d.db, "units", table, { now: NOW, tz: TZ })).ok).toBe(true);
  });
  afterAll(() => d.close());

  it("a dry run of the template writes nothing", async () => {
    expect(await importFile(template("ho-so-thon.csv"), true)).toMatchObject({ ok: true, dryRun: true, counts: { rows: 4, created: 2 } });
    expect(await records()).toEqual([]);
  });

  it("imports the template: one record per village and quarter, its workers one per row; the xlsx template then changes nothing", async () => {
    expect(await importFile(template("ho-so-thon.csv"))).toMatchObject({ ok: true, counts: { rows: 4, created: 2, updated: 0, unchanged: 0 } });
    const stored = await records();
    expect(stored.map((r) => [r.period, r.population, r.workforce.length, r.source])).toEqual([
      ["2025-Q3", 618, 3, "import"],
      ["2025-Q3", 455, 1, "import"],
    ]);
    expect(stored[0]!.workforce[1]).toEqual({ role: "health_worker", name: "Lục Thị Hoa", sex: "F", birthYear: 1990, ethnicity: "Nùng", education: "12/12", occupation: "Y sĩ", partyMember: false });
    expect(await importFile(template("ho-so-thon.xlsx"))).toMatchObject({ ok: true, counts: { created: 0, updated: 0, unchanged: 2 } });
  });

  it("an imported quarter is reported wherever reports are read: /tonghop counts it as /hosothon does, once", async () => {
    const commune = await d.db.selectFrom("org").select("id").where("code", "=", "XA-TANVAN").executeTakeFirstOrThrow();
    const rollup = await rollupFor(d.db, null, commune.id, "2025-Q3", "2025-11-20", "village-quarterly");
    const reported = rollup.cells.filter((c) => c.status === "reported").map((c) => c.name);
    expect(reported.sort()).toEqual(["Chi bộ thôn Bản Chang", "Chi bộ thôn Pò Lài"]);
    const reports = await d.db.selectFrom("report_submission").select(["source", "revision", "submitted_by"]).where("form", "=", "village-quarterly").execute();
    // The xlsx re-import above changed nothing: each report was filed once, by the import.
    expect(reports).toEqual([
      { source: "import", revision: 1, submitted_by: null },
      { source: "import", revision: 1, submitted_by: null },
    ]);
  });

  it("the next quarter's file is compared with the last: the export marks what changed", async () => {
    const file = join(dir, "q4.csv");
    writeFileSync(
      file,
      ["Mã thôn;Quý;Dân số;Số hộ;Chức danh;Họ tên;Giới tính;Năm sinh", "CB-POLAI;2025-Q4;640;142;Trưởng thôn;Hoàng Văn Páo;Nam;1968", "CB-POLAI;2025-Q4;;;Công an viên;Vi Văn Sáng;Nam;1985"].join("\r\n"),
    );
    expect(await importFile(file)).toMatchObject({ ok: true, counts: { created: 1 } });
    const commune = await d.db.selectFrom("org").select("id").where("code", "=", "XA-TANVAN").executeTakeFirstOrThrow();
    const table = await villageTable(d.db, null, commune.id, "2025-Q4", NOW);
    const polai = table.rows.find((r) => r.cellName === "Chi bộ thôn Pò Lài")!;
    expect(polai.diff.figures).toEqual(["areaKm2", "population", "poorHouseholds"]);
    expect(polai.diff.workersRemoved.map((w) => w.name)).toEqual(["Lục Thị Hoa"]);
    expect(polai.previousPeriod).toBe("2025-Q3");
    expect(table.rows.find((r) => r.cellName === "Chi bộ thôn Bản Chang")!.figures).toBeNull();
  });

  it("names every bad row by line and column and writes nothing", async () => {
    const file = join(dir, "bad.csv");
    writeFileSync(
      file,
      [
        "Mã đơn vị thôn;Quý;Dân số;Chức danh;Họ và tên",
        "CB-NATHUA;quý 9/2025;100;;",
        "CB-NATHUA;Quý 3/2025;100;;",
        "CB-NATHUA;Quý 3/2025;120;;",
        "CB-TANVAN-CQ;Quý 3/2025;50;;",
        "CB-KHONGCO;Quý 3/2025;50;;",
        "CB-NATHUA;Quý 3/2025;;Trưởng thôn;",
        "CB-NATHUA;Quý 3/2025;;Thủ quỹ;Ai Đó",
      ].join("\r\n"),
    );
    const before = await records();
    const outcome = await importFile(file);
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.issues.map(({ line, column, code }) => ({ line, column, code }))).toEqual([
      { line: 2, column: "Quý", code: "bad_quarter" },
      { line: 4, column: "Dân số", code: "village_conflict" },
      { line: 5, column: "Mã đơn vị thôn", code: "not_a_village" },
      { line: 6, column: "Mã đơn vị thôn", code: "unknown_cell" },
      { line: 7, column: "Họ và tên", code: "required" },
      { line: 8, column: "Chức danh", code: "bad_worker_role" },
    ]);
    expect(await records()).toEqual(before);
  });
});
