import { afterAll, beforeAll, expect, it } from "vitest";
import { findOrgByCode, holdersOf, listCellMembers, predecessorsOf } from "../../src/db/org.repository.js";
import { findPersonByCode } from "../../src/db/person.repository.js";
import { readTableFile } from "../../src/services/import-reader.js";
import { runImport, type ImportKind, type ImportOutcome } from "../../src/services/import.service.js";
import { describeEngines, freshDatabase, type TestDatabase } from "../support/engines.js";
import { tempDir, writeCsv } from "./fixtures.js";

const NOW = new Date("2026-11-29T03:00:00Z");
const TZ = "Asia/Ho_Chi_Minh";

describeEngines("imports record changes over time: predecessors, roles as of a date, members leaving", (engine) => {
  let d: TestDatabase;
  let dir: string;
  const importCsv = async (kind: ImportKind, name: string, lines: string[], asOf?: string): Promise<ImportOutcome> => {
    const { table } = await readTableFile(writeCsv(dir, name, lines.join("\n")));
    return runImport(d.db, kind, table, { now: NOW, tz: TZ, fileHash: name, ...(asOf ? { asOf } : {}) });
  };

  beforeAll(async () => {
    d = await freshDatabase(engine, { demo: true });
    dir = tempDir();
  });
  afterAll(() => d.close());

  it("a unit naming its predecessors merges them from its founding date; the same file again changes nothing; bad rows are named", async () => {
    const header = "Mã đơn vị;Tên đơn vị;Loại;Mã đơn vị cấp trên;Ngày thành lập;Đơn vị tiền thân";
    const bad = await importCsv("units", "bad.csv", [header, "CB-X;Chi bộ X;Chi bộ;DEMO-PHUONG-KYLUA;;DEMO-CB-TANHOA1", "CB-Y;Chi bộ Y;Chi bộ;DEMO-PHUONG-KYLUA;01/11/2026;NOPE, DEMO-XA-TANVAN"]);
    expect(bad.ok).toBe(false);
    const issues = bad.ok ? [] : bad.issues.map((i) => `${i.line}:${i.column}:${i.code}`);
    expect(issues).toEqual(["2:Đơn vị tiền thân:predecessor_needs_date", "3:Đơn vị tiền thân:unknown_predecessor", "3:Đơn vị tiền thân:predecessor_mismatch"]);
    expect(await findOrgByCode(d.db, "CB-X")).toBeUndefined();

    const lines = [header, "CB-TANHOA;Chi bộ tổ dân phố Tân Hòa;Chi bộ;DEMO-PHUONG-KYLUA;01/11/2026;DEMO-CB-TANHOA1, DEMO-CB-TANHOA2"];
    const merged = await importCsv("units", "merge.csv", lines);
    expect(merged).toMatchObject({ ok: true, counts: { created: 1 } });
    const cell = (await findOrgByCode(d.db, "CB-TANHOA"))!;
    expect((await predecessorsOf(d.db, cell.id)).map((p) => p.name).sort()).toEqual(["Chi bộ tổ dân phố Tân Hòa 1", "Chi bộ tổ dân phố Tân Hòa 2"]);
    expect((await findOrgByCode(d.db, "DEMO-CB-TANHOA1"))!.valid_to).toBe("2026-11-01");
    expect(await listCellMembers(d.db, cell.id, "2026-11-29")).toHaveLength(19);
    expect((await holdersOf(d.db, cell.id, "secretary", "2026-11-29")).map((p) => p.id)).toEqual([(await findPersonByCode(d.db, "DEMO-CB-TANHOA1-BT"))!.id]);
    const again = await importCsv("units", "merge.csv", lines);
    expect(again).toMatchObject({ ok: true, counts: { created: 0, unchanged: 1 } });
  });

  it("people's roles start on the row's date or --on, a member leaves with a reason, and re-import changes nothing", async () => {
    const header = "Mã đảng viên;Họ và tên;Chi bộ;Đảng viên chính thức/dự bị;Chức vụ;Tính từ ngày;Biến động";
    const lines = [
      header,
      "HL-101;Hoàng Văn Mới;DEMO-CB-NATHUA;Chính thức;;10/10/2026;",
      // A full member: a probationary one holds no cell committee post (party-posts-import.test.ts).
      "HL-102;Lý Thị Hai;DEMO-CB-NATHUA;Chính thức;Chi ủy viên;;",
    ];
    const first = await importCsv("people", "people.csv", lines, "2026-11-01");
    expect(first).toMatchObject({ ok: true, counts: { created: 2 } });
    const role = (code: string) =>
      d.db.selectFrom("role").innerJoin("person", "person.id", "role.person_id").select(["role.role", "role.valid_from"]).where("person.code", "=", code).orderBy("role.role").execute();
    expect(await role("HL-101")).toEqual([{ role: "member", valid_from: "2026-10-10" }]);
    expect(await role("HL-102")).toEqual([{ role: "cell_committee", valid_from: "2026-11-01" }, { role: "member", valid_from: "2026-11-01" }]);

    const leaving = [header, "HL-101;Hoàng Văn Mới;DEMO-CB-NATHUA;Chính thức;;20/11/2026;từ trần"];
    expect(await importCsv("people", "leave.csv", leaving)).toMatchObject({ ok: true, counts: { updated: 1 } });
    const person = (await findPersonByCode(d.db, "HL-101"))!;
    expect(person).toMatchObject({ left_on: "2026-11-20", left_reason: "deceased", cell_id: null });
    const nathua = (await findOrgByCode(d.db, "DEMO-CB-NATHUA"))!;
    expect((await listCellMembers(d.db, nathua.id, "2026-11-19")).map((m) => m.id)).toContain(person.id);
    expect((await listCellMembers(d.db, nathua.id, "2026-11-20")).map((m) => m.id)).not.toContain(person.id);
    expect(await importCsv("people", "leave.csv", leaving)).toMatchObject({ ok: true, counts: { updated: 0, unchanged: 1 } });

    const badChange = await importCsv("people", "bad.csv", [header, "HL-103;Ba;DEMO-CB-NATHUA;Chính thức;;;nghỉ hưu"]);
    expect(badChange.ok ? [] : badChange.issues.map((i) => `${i.line}:${i.column}:${i.code}`)).toEqual(["2:Biến động:bad_change"]);
  });
});
