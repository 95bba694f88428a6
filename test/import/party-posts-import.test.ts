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
      `Dòng 4, cột 'Chức vụ': chi bộ 'DEMO-CB-POLAI' đang có bí thư Hoàng Văn Páo (${DEMO_SECRETARY_CODE}); mỗi chi bộ một bí thư. Để bàn giao, ghi cả dòng của đồng chí Hoàng Văn Páo trong tệp này với chức vụ mới hoặc để trống cột "Chức vụ", "Tính từ ngày" không muộn hơn ngày của bí thư mới (hoặc chuyển chi bộ khác, ra khỏi danh sách ở cột "Biến động")`,
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

  it("hands a cell's secretary post over on re-import: the old secretary listed with another post or none, on or before the new one's date", async () => {
    const withDates = async (name: string, header: string[], rows: string[][], asOf?: string): Promise<ImportOutcome> => {
      const { table } = await readTableFile(writeCsv(dir, name, toCsv([header, ...rows])));
      return runImport(d.db, "people", table, { now: NOW, tz: "Asia/Ho_Chi_Minh", fileHash: name, ...(asOf ? { asOf } : {}) });
    };
    const old = (await secretariesOf("DEMO-CB-BANCHANG")).map((s) => s.code);
    expect(old).toEqual(["DEMO-CB-BANCHANG-BT"]);
    const full = await d.db
      .selectFrom("person")
      .innerJoin("org", "org.id", "person.cell_id")
      .select(["person.code", "person.full_name"])
      .where("org.code", "=", "DEMO-CB-BANCHANG")
      .where("person.membership", "=", "full")
      .where("person.code", "<>", "DEMO-CB-BANCHANG-BT")
      .where((w) => w.not(w.exists(w.selectFrom("role").select("role.id").whereRef("role.person_id", "=", "person.id").where("role.role", "<>", "member"))))
      .orderBy("person.id")
      .executeTakeFirstOrThrow();
    const oldName = (await d.db.selectFrom("person").select("full_name").where("code", "=", "DEMO-CB-BANCHANG-BT").executeTakeFirstOrThrow()).full_name;
    const newRow = [full.code, full.full_name, "DEMO-CB-BANCHANG", "Chính thức", "", "Bí thư"];
    const oldRow = (post: string) => ["DEMO-CB-BANCHANG-BT", oldName, "DEMO-CB-BANCHANG", "Chính thức", "", post];
    const before = await snapshot(d.db);

    // The new secretary alone: refused, saying how to hand over.
    const alone = await importRows("moi.csv", [newRow]);
    expect(lines(alone)).toEqual([
      `Dòng 2, cột 'Chức vụ': chi bộ 'DEMO-CB-BANCHANG' đang có bí thư ${oldName} (DEMO-CB-BANCHANG-BT); mỗi chi bộ một bí thư. Để bàn giao, ghi cả dòng của đồng chí ${oldName} trong tệp này với chức vụ mới hoặc để trống cột "Chức vụ", "Tính từ ngày" không muộn hơn ngày của bí thư mới (hoặc chuyển chi bộ khác, ra khỏi danh sách ở cột "Biến động")`,
    ]);
    // The old one stepping down after the new one starts: two secretaries from 01/12 to 05/12, refused.
    const dated = [...HEADER, "Tính từ ngày"];
    const late = await withDates("tre.csv", dated, [[...newRow, "01/12/2026"], [...oldRow(""), "05/12/2026"]]);
    expect(late.ok ? [] : late.issues.map((i) => [i.line, i.code])).toEqual([[2, "second_secretary"]]);
    // A sheet without the "Chức vụ" column says nothing of posts.
    const noPosts = await withDates("khong-cot.csv", HEADER.slice(0, 5), [oldRow("").slice(0, 5)]);
    expect(noPosts).toMatchObject({ ok: true, counts: { rolesEnded: 0 } });
    expect(await snapshot(d.db)).toEqual(before);

    // The cell's sheet re-imported with the new secretary and the old one's post blank, from 01/12.
    const handover = await withDates("bau.csv", HEADER, [oldRow(""), newRow], "2026-12-01");
    expect(handover).toMatchObject({ ok: true, counts: { rolesEnded: 1, rolesAdded: 1, updated: 2 } });
    expect(await secretariesOf("DEMO-CB-BANCHANG")).toEqual([
      { code: "DEMO-CB-BANCHANG-BT", valid_to: "2026-12-01" },
      { code: full.code, valid_to: null },
    ]);
    const terms = await d.db
      .selectFrom("role")
      .select(["valid_from", "valid_to"])
      .where("person_id", "=", d.db.selectFrom("person").select("id").where("code", "=", full.code))
      .where("role", "=", "secretary")
      .execute();
    expect(terms).toEqual([{ valid_from: "2026-12-01", valid_to: null }]);
    // The same sheet again changes nothing.
    expect(await withDates("bau.csv", HEADER, [oldRow(""), newRow], "2026-12-01")).toMatchObject({ ok: true, counts: { updated: 0, unchanged: 2, rolesEnded: 0, rolesAdded: 0 } });
    // The old secretary made deputy later on: their blank post became "Phó bí thư" from 05/12.
    expect(await withDates("pho.csv", dated, [[...oldRow("Phó bí thư"), "05/12/2026"]])).toMatchObject({ ok: true, counts: { rolesAdded: 1, rolesEnded: 0 } });
  });
});
