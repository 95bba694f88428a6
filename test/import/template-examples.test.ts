import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatIssue } from "../../src/cli/import-command.js";
import type { ImportIssue } from "../../src/domain/import/issues.js";
import { EXAMPLE_HOUSEHOLDS, EXAMPLE_PEOPLE, EXAMPLE_UNITS } from "../../src/domain/import/template-examples.js";
import { createI18n } from "../../src/messaging/i18n.js";
import { readTableFile } from "../../src/services/import-reader.js";
import { runImport, type ImportKind, type ImportOutcome } from "../../src/services/import.service.js";
import { describeEngines, freshDatabase, type TestDatabase } from "../support/engines.js";
import { tempDir, writeCsv } from "./fixtures.js";

const NOW = new Date("2026-12-07T03:00:00Z");
const TZ = "Asia/Ho_Chi_Minh";
const template = (name: string) => fileURLToPath(new URL(`../../templates/${name}`, import.meta.url));
const i18n = createI18n();
const t = (id: string, args?: Record<string, string | number>) => i18n.t("vi", id, args);
const messages = (outcome: ImportOutcome) => (outcome.ok ? [] : outcome.issues.map((i) => formatIssue(i, t)));
const issuesOf = (outcome: ImportOutcome): Pick<ImportIssue, "line" | "column" | "code">[] =>
  outcome.ok ? [] : outcome.issues.map(({ line, column, code }) => (column ? { line, column, code } : { line, code }));

describe("the templates' example rows", () => {
  it("are exactly the code and name of every row of the shipped units, people and households templates", () => {
    const rows = (name: string) =>
      readFileSync(template(`${name}.csv`), "utf8")
        .replace(/^\uFEFF/, "")
        .split(/\r?\n/)
        .slice(1)
        .filter((l) => l.trim() !== "")
        .map((l) => l.split(";").slice(0, 2) as [string, string]);
    expect([...EXAMPLE_UNITS]).toEqual(rows("don-vi"));
    expect([...EXAMPLE_PEOPLE]).toEqual(rows("dang-vien"));
    expect([...EXAMPLE_HOUSEHOLDS]).toEqual(rows("ho-gia-dinh"));
  });
});

describeEngines("a store holds one province, and never the templates' made-up one beside real data", (engine) => {
  let d: TestDatabase;
  let dir: string;
  const importFile = async (kind: ImportKind, path: string): Promise<ImportOutcome> => runImport(d.db, kind, (await readTableFile(path)).table, { now: NOW, tz: TZ, fileHash: "test" });
  const counts = async () => {
    const n = async (table: "org" | "person" | "household") => Number((await sql<{ n: string }>`select count(*) as n from ${sql.table(table)}`.execute(d.db)).rows[0]!.n);
    return { org: await n("org"), person: await n("person"), household: await n("household") };
  };

  beforeAll(async () => {
    d = await freshDatabase(engine);
    dir = tempDir();
    const units = writeCsv(dir, "cao-son.csv", [
      "Mã đơn vị;Tên đơn vị;Loại;Mã đơn vị cấp trên;Địa bàn;Loại hình",
      "X-TINH;Đảng bộ tỉnh Cao Sơn;Đảng bộ tỉnh;;tỉnh Cao Sơn;",
      "X-HOAAN;Đảng bộ xã Hòa An;Đảng bộ xã;X-TINH;xã Hòa An;",
      "CB-NAMO;Chi bộ thôn Nà Mò;Chi bộ;X-HOAAN;thôn Nà Mò;Thôn",
    ].join("\n"));
    expect(await importFile("units", units)).toMatchObject({ ok: true, counts: { created: 3 } });
    const people = writeCsv(dir, "nguoi.csv", ["Mã đảng viên;Họ và tên;Chi bộ;Đảng viên chính thức/dự bị;Chức vụ", "CS-001;Ma Văn Hùng;CB-NAMO;Chính thức;Bí thư"].join("\n"));
    expect(await importFile("people", people)).toMatchObject({ ok: true, counts: { created: 1 } });
  });
  afterAll(() => d.close());

  it("refuses the units, people and households templates on a store with real data, naming the rows and the province; nothing written", async () => {
    const before = await counts();
    const units = await importFile("units", template("don-vi.xlsx"));
    expect(issuesOf(units)).toEqual([{ line: 2, code: "template_example" }]);
    expect(messages(units)).toEqual([
      "Dòng 2: 'TINH-LS – Đảng bộ tỉnh Lạng Sơn' và 10 dòng khác là dữ liệu ví dụ của tệp mẫu chibo (người và số điện thoại bịa ra), không nhập vào dữ liệu thật đang có (Đảng bộ tỉnh Cao Sơn). Xóa các dòng ví dụ, điền dữ liệu của đơn vị mình rồi nhập lại; muốn nhập thử tệp mẫu, dùng một thư mục dữ liệu trống khác (ví dụ DATA_DIR=./data-thu)",
    ]);
    const people = await importFile("people", template("dang-vien.xlsx"));
    expect(messages(people)[0]).toMatch(/^Dòng 2: 'DV-0001 – Hoàng Văn Páo' và 14 dòng khác là dữ liệu ví dụ của tệp mẫu chibo/);
    expect(issuesOf(await importFile("households", template("ho-gia-dinh.csv")))).toEqual([{ line: 2, code: "template_example" }]);
    expect(await counts()).toEqual(before);
  });

  it("refuses a second province in a units file, naming both", async () => {
    const other = writeCsv(dir, "tinh-khac.csv", ["Mã đơn vị;Tên đơn vị;Loại;Mã đơn vị cấp trên", "Y-TINH;Đảng bộ tỉnh Bắc Sơn;Đảng bộ tỉnh;", "Y-XA;Đảng bộ xã Yên Bình;Đảng bộ xã;Y-TINH"].join("\n"));
    const outcome = await importFile("units", other);
    expect(messages(outcome)).toEqual([
      "Dòng 2, cột 'Mã đơn vị': kho dữ liệu này đã là của X-TINH – Đảng bộ tỉnh Cao Sơn; mỗi kho chỉ giữ một tỉnh, không thêm tỉnh thứ hai 'Y-TINH – Đảng bộ tỉnh Bắc Sơn'. Tỉnh khác dùng thư mục dữ liệu (DATA_DIR) hoặc cơ sở dữ liệu riêng",
    ]);
    expect((await counts()).org).toBe(3);
  });
});

describeEngines("every bad row and every bad cell named in one run", (engine) => {
  let d: TestDatabase;
  let dir: string;
  const importFile = async (kind: ImportKind, path: string): Promise<ImportOutcome> => runImport(d.db, kind, (await readTableFile(path)).table, { now: NOW, tz: TZ, fileHash: "test" });

  beforeAll(async () => {
    d = await freshDatabase(engine);
    dir = tempDir();
    // The templates still import into an empty store ("nhập thử"), and again into a store holding only them.
    for (const [kind, name] of [["units", "don-vi"], ["people", "dang-vien"], ["households", "ho-gia-dinh"], ["units", "don-vi"]] as const) {
      expect((await importFile(kind, template(`${name}.xlsx`))).ok).toBe(true);
    }
  });
  afterAll(() => d.close());

  it("an assignment row with a bad date still has its unknown person and unit named", async () => {
    const path = writeCsv(dir, "pc.csv", ["Mã người phụ trách;Mã đơn vị phụ trách;Mã hộ phụ trách;Từ ngày", "CS-999;CB-KHONGCO;;32/13/2025", "DV-0007;;HO-KHONGCO;ngày mai"].join("\n"));
    expect(issuesOf(await importFile("assignments", path))).toEqual([
      { line: 2, column: "Từ ngày", code: "bad_date" },
      { line: 2, column: "Mã người phụ trách", code: "unknown_person" },
      { line: 2, column: "Mã đơn vị phụ trách", code: "unknown_unit" },
      { line: 3, column: "Từ ngày", code: "bad_date" },
      { line: 3, column: "Mã hộ phụ trách", code: "unknown_household" },
    ]);
  });

  it("a unit row with a bad kind still has its unknown parent named; a village row with a bad count its unknown village", async () => {
    const units = writeCsv(dir, "dv.csv", ["Mã đơn vị;Tên đơn vị;Loại;Mã đơn vị cấp trên", "CB-MOI;Chi bộ thôn Mới;Chi bo thon xyz;XA-KHONGCO"].join("\n"));
    expect(issuesOf(await importFile("units", units))).toEqual([
      { line: 2, column: "Loại", code: "bad_kind" },
      { line: 2, column: "Mã đơn vị cấp trên", code: "unknown_parent" },
    ]);
    const villages = writeCsv(dir, "thon.csv", ["Mã đơn vị thôn;Quý;Dân số", "CB-KHONGCO;Quý 3/2025;nhiều", "XA-TANVAN;Quý 3/2025;-5"].join("\n"));
    expect(issuesOf(await importFile("villages", villages))).toEqual([
      { line: 2, column: "Dân số", code: "bad_count" },
      { line: 2, column: "Mã đơn vị thôn", code: "unknown_cell" },
      { line: 3, column: "Dân số", code: "bad_count" },
      { line: 3, column: "Mã đơn vị thôn", code: "not_a_cell" },
    ]);
  });
});
