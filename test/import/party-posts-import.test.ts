import { afterAll, beforeAll, expect, it } from "vitest";
import { DEMO_SECRETARY_CODE } from "../../src/db/demo-seed.js";
import { createI18n } from "../../src/messaging/i18n.js";
import { readTableFile } from "../../src/services/import-reader.js";
import { runImport, type ImportOutcome } from "../../src/services/import.service.js";
import { describeEngines, freshDatabase, type TestDatabase } from "../support/engines.js";
import { snapshot, tempDir, toCsv, writeCsv } from "./fixtures.js";

const NOW = new Date("2026-12-08T03:00:00Z");
const HEADER = ["Mã đảng viên", "Họ và tên", "Chi bộ", "Đảng viên chính thức/dự bị", "Ngày vào Đảng", "Chức vụ"];
const i18n = createI18n();

describeEngines("import people: the cell's posts (one secretary, no probationary member on the cell committee)", (engine) => {
  let d: TestDatabase;
  let dir: string;
  beforeAll(async () => {
    d = await freshDatabase(engine, { demo: true });
    dir = tempDir();
  });
  afterAll(() => d.close());

  const importRows = async (name: string, rows: string[][]): Promise<ImportOutcome> => {
    const { table } = await readTableFile(writeCsv(dir, name, toCsv([HEADER, ...rows])));
    return runImport(d.db, "people", table, { now: NOW, tz: "Asia/Ho_Chi_Minh", fileHash: name });
  };
  /** Each refusal as the office reads it: "Dòng 2, cột 'Chức vụ': …". */
  const lines = (outcome: ImportOutcome): string[] =>
    outcome.ok
      ? []
      : outcome.issues.map((i) => i18n.t("vi", i.column ? "import-issue-cell" : "import-issue-line", { line: i.line, column: i.column ?? "", detail: i18n.t("vi", `import-${i.code}`, i.args) }));
  const secretariesOf = (cell: string) =>
    d.db
      .selectFrom("role")
      .innerJoin("person", "person.id", "role.person_id")
      .innerJoin("org", "org.id", "role.org_id")
      .select(["person.code", "role.valid_to"])
      .where("org.code", "=", cell)
      .where("role.role", "=", "secretary")
      .orderBy("role.id")
      .execute();

  it("refuses a probationary member as secretary and a second secretary of a cell, naming row and column, and writes nothing", async () => {
    const before = await snapshot(d.db);
    const outcome = await importRows("them.csv", [
      ["DEMO-NEW-01", "Nguyễn Văn Bình", "DEMO-CB-POLAI", "Chính thức", "01/03/2001", ""],
      ["DEMO-NEW-02", "Nguyễn Thị Lan", "DEMO-CB-POLAI", "Dự bị", "01/03/2026", "Bí thư chi bộ"],
      ["DEMO-NEW-03", "Tạ Văn Lộc", "DEMO-CB-POLAI", "Chính thức", "01/03/1990", "Bí thư"],
      ["DEMO-NEW-04", "Hà Minh Tuấn", "DEMO-CB-BANCHANG", "dự bị", "01/06/2026", "Chi ủy viên"],
    ]);
    expect(outcome.ok).toBe(false);
    expect(lines(outcome)).toEqual([
      "Dòng 3, cột 'Chức vụ': đảng viên dự bị không giữ chức bí thư (Điều lệ Đảng, Điều 5: đảng viên dự bị không ứng cử, bầu cử cơ quan lãnh đạo của Đảng). Bỏ chức vụ ở dòng này; ghi lại sau khi đảng viên được công nhận chính thức",
      `Dòng 4, cột 'Chức vụ': chi bộ 'DEMO-CB-POLAI' đã có bí thư Hoàng Văn Páo (${DEMO_SECRETARY_CODE}); mỗi chi bộ một bí thư. Tệp nhập không kết thúc chức vụ của người vẫn ở chi bộ (docs/import.md, "Chức vụ khi nhập lại"): chỉ nhập được khi trong cùng tệp bí thư cũ chuyển chi bộ khác hoặc ra khỏi danh sách (cột "Biến động")`,
      "Dòng 5, cột 'Chức vụ': đảng viên dự bị không giữ chức chi ủy viên (Điều lệ Đảng, Điều 5: đảng viên dự bị không ứng cử, bầu cử cơ quan lãnh đạo của Đảng). Bỏ chức vụ ở dòng này; ghi lại sau khi đảng viên được công nhận chính thức",
    ]);
    expect(await snapshot(d.db)).toEqual(before);
    expect(await secretariesOf("DEMO-CB-POLAI")).toEqual([{ code: DEMO_SECRETARY_CODE, valid_to: null }]);
  });

  it("two new secretaries of one cell in the same file: the second row is refused", async () => {
    const outcome = await importRows("hai.csv", [
      [DEMO_SECRETARY_CODE, "Hoàng Văn Páo", "DEMO-CB-BANCHANG", "Chính thức", "", ""],
      ["DEMO-NEW-05", "Lý Văn Quang", "DEMO-CB-POLAI", "Chính thức", "01/03/1991", "Bí thư"],
      ["DEMO-NEW-06", "Mai Thị Thu", "DEMO-CB-POLAI", "Chính thức", "01/03/2009", "Bí thư"],
    ]);
    expect(outcome.ok ? [] : outcome.issues.map((i) => [i.line, i.code, i.args?.code])).toEqual([[4, "second_secretary", "DEMO-NEW-05"]]);
  });

  it("the old secretary moving to another cell in the same file makes way for the new one; again changes nothing", async () => {
    const rows = [
      [DEMO_SECRETARY_CODE, "Hoàng Văn Páo", "DEMO-CB-DONGME", "Chính thức", "", ""],
      ["DEMO-NEW-07", "Nguyễn Đức Mạnh", "DEMO-CB-POLAI", "Chính thức", "01/03/2001", "Bí thư"],
    ];
    expect(await importRows("thay.csv", rows)).toMatchObject({ ok: true, counts: { created: 1, moved: 1 } });
    expect(await secretariesOf("DEMO-CB-POLAI")).toEqual([
      { code: DEMO_SECRETARY_CODE, valid_to: "2026-12-08" },
      { code: "DEMO-NEW-07", valid_to: null },
    ]);
    // The secretary listed again with their post is no second secretary.
    expect(await importRows("thay.csv", rows)).toMatchObject({ ok: true, counts: { created: 0, updated: 0, unchanged: 2 } });
  });
});
