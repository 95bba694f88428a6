import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { ImportIssue } from "../../src/domain/import/issues.js";
import { readTableFile } from "../../src/services/import-reader.js";
import { runImport, type ImportKind, type ImportOutcome } from "../../src/services/import.service.js";
import { describeEngines, freshDatabase, type TestDatabase } from "../support/engines.js";
import { PEOPLE_HEADER, PEOPLE_ROWS, snapshot, tempDir, toCsv, UNITS_CSV, writeCsv, writeXlsx } from "./fixtures.js";

const NOW = new Date("2026-11-29T03:00:00Z");
const TODAY = "2026-11-29";
const TZ = "Asia/Ho_Chi_Minh";

describeEngines("import units and people", (engine) => {
  let d: TestDatabase;
  let dir: string;
  const importFile = async (kind: ImportKind, path: string, extra: { onProgress?: (done: number, total: number) => void } = {}): Promise<ImportOutcome> => {
    const { table } = await readTableFile(path);
    return runImport(d.db, kind, table, { now: NOW, tz: TZ, fileHash: "test", ...extra });
  };
  const issuesOf = (outcome: ImportOutcome): Pick<ImportIssue, "line" | "column" | "code">[] =>
    outcome.ok ? [] : outcome.issues.map(({ line, column, code }) => (column ? { line, column, code } : { line, code }));
  const orgByCode = (code: string) => d.db.selectFrom("org").selectAll().where("code", "=", code).executeTakeFirstOrThrow();

  beforeAll(async () => {
    d = await freshDatabase(engine, { demo: true });
    dir = tempDir();
  });
  afterAll(() => d.close());

  it("imports units from ; separated CSV with a BOM, parents before children, and again changes nothing", async () => {
    const path = writeCsv(dir, "don-vi.csv", UNITS_CSV, true);
    const first = await importFile("units", path);
    expect(first).toMatchObject({ ok: true, counts: { rows: 3, created: 3, updated: 0, unchanged: 0 } });
    const commune = await orgByCode("XA-HUULUNG");
    const province = await orgByCode("DEMO-TINH");
    expect(commune).toMatchObject({ kind: "dang_bo_xa", parent_id: province.id, area_kind: "commune", valid_from: "2025-07-01" });
    expect(await orgByCode("CB-NAPE")).toMatchObject({ kind: "chi_bo_co_so", parent_id: commune.id, area_kind: "village", catchment: "thon", valid_from: "2025-07-01" });
    expect(await orgByCode("CB-KHUONG")).toMatchObject({ name: "Chi bộ thôn Khuổi Khương; bản Mới", valid_from: "2025-08-15" });
    const audit = await d.db.selectFrom("audit_log").selectAll().where("action", "=", "import").execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor_person_id: null, entity: "org", after: { kind: "units", created: 3, rows: 3 } });
    expect(JSON.stringify(audit[0]!.after)).not.toContain("Hữu Lũng");

    const before = await snapshot(d.db);
    const again = await importFile("units", path);
    expect(again).toMatchObject({ ok: true, counts: { created: 0, updated: 0, unchanged: 3 } });
    expect(await snapshot(d.db)).toEqual(before);
  });

  it("imports people from an office workbook (title rows, date cells, a phone typed as a number), and again changes nothing", async () => {
    const path = await writeXlsx(dir, "dang-vien.xlsx", [PEOPLE_HEADER, ...PEOPLE_ROWS]);
    const progress: [number, number][] = [];
    const first = await importFile("people", path, { onProgress: (done, total) => progress.push([done, total]) });
    expect(first).toMatchObject({ ok: true, counts: { rows: 3, created: 3, updated: 0, unchanged: 0, rolesAdded: 6 } });
    expect(progress.at(-1)).toEqual([3, 3]);
    const thang = await d.db.selectFrom("person").selectAll().where("code", "=", "HL-001").executeTakeFirstOrThrow();
    const nape = await orgByCode("CB-NAPE");
    expect(thang).toMatchObject({ full_name: "Hoàng Văn Thắng", sex: "M", birth_year: 1966, phone: "+84912000001", membership: "full", admitted_on: "1992-05-19", cell_id: nape.id, exempt: false });
    const hoa = await d.db.selectFrom("person").selectAll().where("code", "=", "HL-002").executeTakeFirstOrThrow();
    expect(hoa).toMatchObject({ membership: "probationary", temp_attached: true, phone: "+84912000002" });
    const roles = await d.db
      .selectFrom("role")
      .innerJoin("person", "person.id", "role.person_id")
      .innerJoin("org", "org.id", "role.org_id")
      .select(["person.code", "role.role", "org.code as org", "role.valid_from", "role.valid_to"])
      .where("person.code", "like", "HL-%")
      .orderBy("person.code")
      .orderBy("role.role")
      .execute();
    expect(roles).toEqual([
      { code: "HL-001", role: "member", org: "CB-NAPE", valid_from: TODAY, valid_to: null },
      { code: "HL-001", role: "secretary", org: "CB-NAPE", valid_from: TODAY, valid_to: null },
      { code: "HL-002", role: "member", org: "CB-NAPE", valid_from: TODAY, valid_to: null },
      { code: "HL-003", role: "cell_committee", org: "CB-KHUONG", valid_from: TODAY, valid_to: null },
      { code: "HL-003", role: "commune_committee", org: "XA-HUULUNG", valid_from: TODAY, valid_to: null },
      { code: "HL-003", role: "member", org: "CB-KHUONG", valid_from: TODAY, valid_to: null },
    ]);

    const before = await snapshot(d.db);
    expect(await importFile("people", path)).toMatchObject({ ok: true, counts: { created: 0, updated: 0, unchanged: 3, rolesAdded: 0 } });
    expect(await snapshot(d.db)).toEqual(before);
  });

  it("reads the same people from , and ; separated CSV, with or without a BOM, as unchanged", async () => {
    const before = await snapshot(d.db);
    for (const [sep, bom] of [
      [",", false],
      [";", true],
      [",", true],
    ] as const) {
      const path = writeCsv(dir, `dang-vien-${sep === "," ? "comma" : "semicolon"}-${bom}.csv`, toCsv([PEOPLE_HEADER, ...PEOPLE_ROWS], sep), bom);
      expect(await importFile("people", path)).toMatchObject({ ok: true, counts: { unchanged: 3 } });
    }
    expect(await snapshot(d.db)).toEqual(before);
  });

  it("rejects a file with bad rows, naming each line and column, and writes nothing", async () => {
    const before = await snapshot(d.db);
    const rows = [
      PEOPLE_HEADER,
      ["HL-101", "Chu Văn Nam", "Nam", "1970", "Tày", "0912000101", "CB-NAPE", "Chính thức", "", "", "", ""],
      ["HL-102", "Vi Văn Lâm", "Nam", "19x5", "Tày", "0912000102", "CB-NAPE", "Chính thức", "", "", "", ""],
      ["HL-103", "Lý Thị Thu", "Nữ", "1980", "Dao", "0912000103", "CB-KHONGCO", "Chính thức", "", "", "", ""],
      ["HL-101", "Chu Văn Nam", "Nam", "1970", "Tày", "0912000101", "CB-NAPE", "Chính thức", "", "", "", ""],
      ["HL-105", "Hà Văn Tài", "Nam", "1985", "Tày", "09120", "CB-NAPE", "Chính thức", "", "", "", ""],
    ];
    const outcome = await importFile("people", writeCsv(dir, "bad.csv", toCsv(rows)));
    expect(issuesOf(outcome)).toEqual([
      { line: 3, column: "Năm sinh", code: "bad_year" },
      { line: 4, column: "Chi bộ", code: "unknown_cell" },
      { line: 5, column: "Mã đảng viên", code: "duplicate_code" },
      { line: 6, column: "Số điện thoại", code: "bad_phone" },
    ]);
    expect(await snapshot(d.db)).toEqual(before);
  });

  it("refuses to rename or move an existing unit in place, pointing to a merge instead", async () => {
    const before = await snapshot(d.db);
    const path = writeCsv(
      dir,
      "doi-ten.csv",
      [
        "Mã đơn vị,Tên đơn vị,Loại,Mã đơn vị cấp trên",
        "CB-NAPE,Chi bộ thôn Nà Pe Mới,Chi bộ,XA-HUULUNG",
        "CB-KHUONG,Chi bộ thôn Khuổi Khương; bản Mới,Chi bộ,DEMO-XA-TANVAN",
        "CB-LOOP1,Chi bộ A,Đảng bộ cơ sở,CB-LOOP2",
        "CB-LOOP2,Chi bộ B,Đảng bộ cơ sở,CB-LOOP1",
        "CB-UNDER,Chi bộ dưới chi bộ,Chi bộ cơ sở,CB-NAPE",
      ].join("\n"),
    );
    expect(issuesOf(await importFile("units", path))).toEqual([
      { line: 2, column: "Tên đơn vị", code: "org_renamed" },
      { line: 3, column: "Mã đơn vị cấp trên", code: "org_moved" },
      { line: 4, column: "Mã đơn vị cấp trên", code: "parent_cycle" },
      { line: 5, column: "Mã đơn vị cấp trên", code: "parent_cycle" },
      { line: 6, column: "Mã đơn vị cấp trên", code: "parent_kind" },
    ]);
    expect(await snapshot(d.db)).toEqual(before);
  });

  it("updates a member who moved cell and changed phone: old cell roles end today, the new one starts, updated_at moves for them only", async () => {
    const before = await snapshot(d.db);
    const mai = await d.db.selectFrom("person").selectAll().where("code", "=", "DEMO-DV-POLAI-MAI").executeTakeFirstOrThrow();
    const path = writeCsv(
      dir,
      "chuyen.csv",
      toCsv([
        ["Mã đảng viên", "Họ và tên", "Số điện thoại", "Chi bộ", "Đảng viên chính thức/dự bị"],
        ["DEMO-DV-POLAI-MAI", "Vi Thị Mai", "0987 000 111", "CB-NAPE", "Chính thức"],
        ["HL-001", "Hoàng Văn Thắng", "", "CB-NAPE", "Chính thức"],
      ]),
    );
    expect(await importFile("people", path)).toMatchObject({ ok: true, counts: { updated: 1, unchanged: 1, moved: 1, rolesAdded: 1, rolesEnded: 1 } });
    const after = await d.db.selectFrom("person").selectAll().where("code", "=", "DEMO-DV-POLAI-MAI").executeTakeFirstOrThrow();
    const nape = await orgByCode("CB-NAPE");
    expect(after).toMatchObject({ phone: "+84987000111", cell_id: nape.id, birth_year: mai.birth_year, ethnicity: mai.ethnicity });
    expect(after.updated_at.getTime()).toBeGreaterThan(mai.updated_at.getTime());
    const maiRoles = await d.db.selectFrom("role").select(["org_id", "role", "valid_to"]).where("person_id", "=", mai.id).orderBy("id").execute();
    expect(maiRoles).toEqual([
      { org_id: mai.cell_id, role: "member", valid_to: TODAY },
      { org_id: nape.id, role: "member", valid_to: null },
    ]);
    const now = await snapshot(d.db);
    // HL-001's blank phone leaves the stored one; only Mai's row changed.
    expect(now.updatedAt.filter((x) => !before.updatedAt.includes(x))).toEqual([expect.stringMatching(/^DEMO-DV-POLAI-MAI@/)]);
  });

  describe("a 5,000-row file", () => {
    let path: string;
    beforeEach(() => {
      const rows = Array.from({ length: 5000 }, (_, i) => [
        `BIG-${String(i).padStart(5, "0")}`,
        `Đảng viên Số ${i}`,
        i % 2 ? "Nữ" : "Nam",
        String(1950 + (i % 55)),
        "Tày",
        `09${String(10000000 + i).padStart(8, "0")}`,
        i % 3 ? "CB-NAPE" : "CB-KHUONG",
        i % 7 ? "Chính thức" : "Dự bị",
        "01/03/2010",
        i % 50 ? "" : "x",
        "",
        "",
      ]);
      path = writeCsv(dir, "lon.csv", toCsv([PEOPLE_HEADER, ...rows], ";"), true);
    });

    it("with one unknown cell code on its last line writes nothing", async () => {
      const before = await snapshot(d.db);
      const text = toCsv([PEOPLE_HEADER], ";");
      const { table } = await readTableFile(path);
      const bad = table.rows.map((r) => r.cells.map(String));
      bad[5000]![6] = "CB-KHONGCO";
      const badPath = writeCsv(dir, "lon-sai.csv", [text, ...bad.slice(1).map((r) => r.join(";"))].join("\n"));
      expect(issuesOf(await importFile("people", badPath))).toEqual([{ line: 5001, column: "Chi bộ", code: "unknown_cell" }]);
      expect(await snapshot(d.db)).toEqual(before);
    });

    it("imports in one transaction, and again changes nothing", async () => {
      const before = await snapshot(d.db);
      const started = performance.now();
      const outcome = await importFile("people", path);
      const ms = performance.now() - started;
      expect(outcome).toMatchObject({ ok: true, counts: { rows: 5000, created: 5000, rolesAdded: 5000 } });
      const after = await snapshot(d.db);
      expect(after.people - before.people).toBe(5000);
      expect(after.roles - before.roles).toBe(5000);
      expect(after.audit - before.audit).toBe(1);
      const startedAgain = performance.now();
      expect(await importFile("people", path)).toMatchObject({ ok: true, counts: { unchanged: 5000 } });
      const msAgain = performance.now() - startedAgain;
      expect(await snapshot(d.db)).toEqual(after);
      console.info(`[${engine}] 5,000-row CSV: first import ${Math.round(ms)} ms, re-import ${Math.round(msAgain)} ms`);
    });
  });
});
