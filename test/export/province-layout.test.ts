import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type ExcelJS from "exceljs";
import { afterAll, beforeAll, expect, it } from "vitest";
import { DEMO_SECRETARY_CODE } from "../../src/db/demo-seed.js";
import { findOrgByCode } from "../../src/db/org.repository.js";
import { findPersonByCode } from "../../src/db/person.repository.js";
import type { Db } from "../../src/db/schema.js";
import type { FormId } from "../../src/domain/forms/registry.js";
import { loadActor } from "../../src/services/actor.service.js";
import { submitReport } from "../../src/services/report.service.js";
import type { CommandContext } from "../../src/cli/command.js";
import { runChibo } from "../support/cli.js";
import { e2eDatabase, type E2eDatabase } from "../support/e2e-database.js";
import { describeEngines } from "../support/engines.js";
import { loadWorkbook } from "../support/xlsx.js";

const NOW = new Date("2025-12-22T03:00:00Z");
const TODAY = "2025-12-22";

/** Every text of a sheet with its row, for finding what an office reads. */
function texts(sheet: ExcelJS.Worksheet): { row: number; col: number; text: string }[] {
  const out: { row: number; col: number; text: string }[] = [];
  sheet.eachRow((row, r) => row.eachCell((cell, c) => {
    if (typeof cell.value === "string") out.push({ row: r, col: c, text: cell.value });
  }));
  return out;
}

/** The table as the office reads it: by the name in column B, each header's value. */
function table(sheet: ExcelJS.Worksheet): Map<string, Record<string, unknown>> {
  const header = texts(sheet).find((t) => t.text === "STT")!;
  const titles = new Map<number, string>();
  sheet.getRow(header.row).eachCell((cell, c) => titles.set(c, String(cell.value)));
  const rows = new Map<string, Record<string, unknown>>();
  for (let r = header.row + 1; r <= sheet.rowCount; r++) {
    const name = sheet.getRow(r).getCell(2).value;
    if (typeof name !== "string" || !name) break;
    const values: Record<string, unknown> = { row: r };
    for (const [c, title] of titles) values[title] = sheet.getRow(r).getCell(c).value;
    rows.set(name, values);
  }
  return rows;
}

describeEngines("chibo export: every form in the province's layout", (engine) => {
  let database: E2eDatabase;
  let ctx: CommandContext;
  let env: Record<string, string>;
  let dir: string;
  beforeAll(async () => {
    database = await e2eDatabase(engine, "layouts");
    // Every command opens its app as from a terminal, on the file's one open database.
    ctx = await database.keepOpen();
    ({ env, dir } = database);
    expect((await runChibo(["seed", "--demo"], { env, ctx })).code).toBe(0);
    await database.use(async (db: Db) => {
      const submit = async (secretary: string, cell: string, form: FormId, period: string, values: Record<string, unknown>) => {
        const actor = await loadActor(db, (await findPersonByCode(db, secretary))!.id, TODAY);
        const orgId = (await findOrgByCode(db, cell))!.id;
        const result = await submitReport(db, actor, { orgId, form, period, values, source: "quick" }, NOW, TODAY);
        expect(result.ok, JSON.stringify(result.validation)).toBe(true);
      };
      await submit(DEMO_SECRETARY_CODE, "DEMO-CB-POLAI", "monthly-meeting", "2025-11", { meeting_date: "2025-11-05", kind: "regular", present: 9, members_expected: 10, absent_excused: 1, duration_min: 90 });
      await submit("DEMO-CB-DONGME-BT", "DEMO-CB-DONGME", "monthly-meeting", "2025-11", { meeting_date: "2025-11-03", kind: "regular", present: 7, members_expected: 9, absent_unexcused: 2, duration_min: 120 });
      await submit("DEMO-CB-TANHOA1-BT", "DEMO-CB-TANHOA1", "monthly-meeting", "2025-11", { meeting_date: "2025-11-05", kind: "regular", present: 8, members_expected: 9, absent_excused: 1, duration_min: 100 });
      await submit(DEMO_SECRETARY_CODE, "DEMO-CB-POLAI", "party-dues", "2025-11", { liable: 11, paid: 10, amount_vnd: 1_100_000, remitted_vnd: 330_000 });
      // "đã nộp ĐU xã 7/11" with no amount; "chưa nộp".
      await submit("DEMO-CB-DONGME-BT", "DEMO-CB-DONGME", "party-dues", "2025-11", { liable: 10, paid: 10, amount_vnd: 800_000, remitted: true, remitted_date: "2025-11-07" });
      await submit("DEMO-CB-TANHOA2-BT", "DEMO-CB-TANHOA2", "party-dues", "2025-11", { liable: 6, paid: 6, amount_vnd: 500_000, remitted: false });
      await submit("DEMO-CB-TANHOA1-BT", "DEMO-CB-TANHOA1", "party-dues", "2025-11", { liable: 9, paid: 9, amount_vnd: 900_000, remitted_vnd: 270_000 });
      await submit(DEMO_SECRETARY_CODE, "DEMO-CB-POLAI", "village-quarterly", "2025-Q3", { households: 120, population: 480, poor_households: 12, members: 11, women_union: 60 });
      await submit("DEMO-CB-TANHOA1-BT", "DEMO-CB-TANHOA1", "village-quarterly", "2025-Q3", { households: 200, population: 700, poor_households: 4, members: 9, women_union: 90 });
      await submit(DEMO_SECRETARY_CODE, "DEMO-CB-POLAI", "admissions", "2025-Q3", { admitted: 2, women: 1, ethnic_minority: 2, students: 0, made_full: 1, pending_full: ["Vi Thị Mai"] });
      await submit("DEMO-CB-TANHOA1-BT", "DEMO-CB-TANHOA1", "admissions", "2025-Q3", { admitted: 1, women: 1, ethnic_minority: 0, students: 1, made_full: 0 });
      await submit(DEMO_SECRETARY_CODE, "DEMO-CB-POLAI", "annual-rating", "2025", { general_score: 28, task_score: 65, htxs: 1, htt: 6, ht: 3, kht: 0 });
      await submit("DEMO-CB-DONGME-BT", "DEMO-CB-DONGME", "annual-rating", "2025", { general_score: 25, task_score: 50, htxs: 0, htt: 5, ht: 4, kht: 1 });
      await submit("DEMO-CB-TANHOA1-BT", "DEMO-CB-TANHOA1", "annual-rating", "2025", { general_score: 20, task_score: 35, htxs: 0, htt: 3, ht: 5, kht: 1 });
    });
  });
  afterAll(() => database?.cleanup());

  const exportTo = async (form: string, period: string, extra: string[] = []) => {
    const out = join(dir, `${form}-${period.replace(/\W/g, "")}.xlsx`);
    const result = await runChibo(["export", form, "--period", period, "--out", out, ...extra], { env, ctx });
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    return (await loadWorkbook(readFileSync(out))).worksheets[0]!;
  };

  it("monthly meeting: the party's header, per-commune subtotals without minutes, the total and T/M …", async () => {
    const sheet = await exportTo("monthly-meeting", "2025-11", ["--signer", "Hoàng Văn Thụ"]);
    const all = texts(sheet).map((t) => t.text);
    expect(sheet.getCell("A1").value).toBe("ĐẢNG BỘ TỈNH MẪU SƠN");
    expect(sheet.getCell("A2").value).toBe("TỈNH ỦY MẪU SƠN");
    // Under the star, the number line the office fills from its register of outgoing documents.
    expect(sheet.getCell("A4").value).toBe("Số        -BC/TU");
    expect(all).toContain("ĐẢNG CỘNG SẢN VIỆT NAM");
    expect(all.some((t) => /^Mẫu Sơn, ngày \d{2} tháng \d{1,2} năm \d{4}$/.test(t))).toBe(true);
    expect(all).toContain("BÁO CÁO TỔNG HỢP TÌNH HÌNH SINH HOẠT CHI BỘ");
    expect(all).toContain("Đảng bộ tỉnh Mẫu Sơn — tháng 11/2025");
    const rows = table(sheet);
    expect(rows.get("Chi bộ thôn Pò Lài")).toMatchObject({ STT: 9, "Số đảng viên dự họp": 9, "Tỷ lệ dự họp": 0.9 });
    const tanVan = rows.get("Cộng: Đảng bộ xã Tân Văn")!;
    expect(tanVan).toMatchObject({ "Tình hình báo cáo": "2/5 chi bộ đã báo cáo (2 nộp muộn)", "Số đảng viên phải dự": 19, "Số đảng viên dự họp": 16, "Vắng có lý do": 1, "Vắng không lý do": 2 });
    expect(tanVan["Tỷ lệ dự họp"]).toBeCloseTo(16 / 19);
    expect(rows.get("Cộng: Đảng bộ phường Kỳ Lừa")).toMatchObject({ "Số đảng viên dự họp": 8 });
    // The province's own cell is its own group, after the communes, not a commune.
    expect(rows.get("Cộng: Chi bộ trực thuộc Đảng bộ tỉnh Mẫu Sơn")).toMatchObject({ "Tình hình báo cáo": "0/1 chi bộ đã báo cáo" });
    expect(rows.get("TỔNG CỘNG")).toMatchObject({ "Số đảng viên dự họp": 24, "Số đảng viên phải dự": 28 });
    expect(Object.keys(rows.get("TỔNG CỘNG")!).some((k) => /phút|thời lượng/i.test(k))).toBe(false);
    // Subtotals come right after their commune's cells, the total last.
    expect(rows.get("Cộng: Đảng bộ xã Tân Văn")!.row).toBe((rows.get("Chi bộ thôn Pò Lài")!.row as number) + 1);
    expect(rows.get("TỔNG CỘNG")!.row).toBe(Math.max(...[...rows.values()].map((r) => r.row as number)));
    const below = texts(sheet).filter((t) => t.row > (rows.get("TỔNG CỘNG")!.row as number)).map((t) => t.text);
    expect(below).toEqual(expect.arrayContaining(["T/M BAN THƯỜNG VỤ", "BÍ THƯ", "Hoàng Văn Thụ", "Nơi nhận:", "- Ban Tổ chức Trung ương (để báo cáo),"]));
    expect(sheet.getColumn(2).width).toBeGreaterThanOrEqual(40);
  });

  it("party dues: paid of liable with the percentage, amounts collected and remitted, per commune", async () => {
    const rows = table(await exportTo("party-dues", "2025-11"));
    expect(rows.get("Chi bộ thôn Pò Lài")).toMatchObject({ "Số đảng viên phải đóng": 11, "Số đảng viên đã đóng": 10, "Số tiền thu (đồng)": 1_100_000, "Số tiền nộp cấp trên (đồng)": 330_000 });
    const tanVan = rows.get("Cộng: Đảng bộ xã Tân Văn")!;
    expect(tanVan).toMatchObject({ "Số đảng viên phải đóng": 21, "Số đảng viên đã đóng": 20, "Số tiền thu (đồng)": 1_900_000, "Số tiền nộp cấp trên (đồng)": 330_000 });
    expect(tanVan["Tỷ lệ đã đóng"]).toBeCloseTo(20 / 21);
    expect(rows.get("TỔNG CỘNG")).toMatchObject({ "Số đảng viên phải đóng": 36, "Số đảng viên đã đóng": 35, "Số tiền thu (đồng)": 3_300_000, "Số tiền nộp cấp trên (đồng)": 600_000 });
    expect(rows.get("Chi bộ thôn Bản Chang")).toMatchObject({ "Số đảng viên đã đóng": null, "Tình hình báo cáo": "Quá hạn, chưa báo cáo", "Số tiền nộp cấp trên (đồng)": null });
  });

  it("party dues: a cell that remitted without an amount says when, one that has not says so", async () => {
    const rows = table(await exportTo("party-dues", "2025-11"));
    expect(rows.get("Chi bộ thôn Đồng Mé")).toMatchObject({ "Số tiền thu (đồng)": 800_000, "Số tiền nộp cấp trên (đồng)": "đã nộp 07/11/2025" });
    expect(rows.get("Chi bộ tổ dân phố Tân Hòa 2")).toMatchObject({ "Số tiền thu (đồng)": 500_000, "Số tiền nộp cấp trên (đồng)": "chưa nộp" });
    expect(rows.get("Chi bộ tổ dân phố Tân Hòa 1")).toMatchObject({ "Số tiền nộp cấp trên (đồng)": 270_000 });
  });

  it("the status column prints whole: wrapped and wide enough for a late report", async () => {
    const sheet = await exportTo("monthly-meeting", "2025-11");
    const header = texts(sheet).find((t) => t.text === "Tình hình báo cáo")!;
    const late = texts(sheet).find((t) => t.col === header.col && /nộp muộn \d+ ngày$/.test(t.text))!;
    expect(late.text).toMatch(/^Đã báo cáo, nộp muộn \d+ ngày$/);
    expect(sheet.getCell(late.row, late.col).alignment?.wrapText).toBe(true);
    // Wider than the 20 that cut "Đã báo cáo, nộp muộn 1 ngà": a total's "15/18 chi bộ đã báo cáo (3 nộp muộn)" fits.
    expect(sheet.getColumn(header.col).width).toBeGreaterThanOrEqual(34);
  });

  it("CSV: the XLSX's status words, lateness included, and no total of minutes", async () => {
    const rows = table(await exportTo("monthly-meeting", "2025-11"));
    const out = join(dir, "sh.csv");
    const result = await runChibo(["export", "monthly-meeting", "--period", "2025-11", "--out", out], { env, ctx });
    expect(result.code).toBe(0);
    const lines = readFileSync(out, "utf8").split("\r\n").map((l) => l.split(";"));
    const header = lines.find((l) => l[0] === "STT")!;
    const at = (name: string) => header.indexOf(name);
    const poLai = lines.find((l) => l[2] === "Chi bộ thôn Pò Lài")!;
    expect(poLai[at("Tình trạng")]).toBe(rows.get("Chi bộ thôn Pò Lài")!["Tình hình báo cáo"]);
    expect(poLai[at("Tình trạng")]).toMatch(/nộp muộn \d+ ngày/);
    expect(poLai[at("Thời lượng (phút)")]).toBe("90");
    const total = lines.find((l) => l[2] === "Tổng cộng")!;
    expect(total[at("Tình trạng")]).toBe(rows.get("TỔNG CỘNG")!["Tình hình báo cáo"]);
    expect(total[at("Thời lượng (phút)")]).toBe("");
    expect(total[at("Số đảng viên có mặt")]).toBe("24");
  });

  it("village data by quarter in words: households, people, poor households with their share, members", async () => {
    const sheet = await exportTo("village-quarterly", "quý 3/2025");
    expect(texts(sheet).map((t) => t.text)).toContain("Đảng bộ tỉnh Mẫu Sơn — quý 3/2025");
    const rows = table(sheet);
    expect(rows.get("TỔNG CỘNG")).toMatchObject({ "Số hộ": 320, "Số nhân khẩu": 1180, "Số hộ nghèo": 16, "Số đảng viên": 20, "Hội viên phụ nữ": 150 });
    expect(rows.get("TỔNG CỘNG")!["Tỷ lệ hộ nghèo"]).toBeCloseTo(16 / 320);
    expect(rows.get("Cộng: Đảng bộ phường Kỳ Lừa")).toMatchObject({ "Số hộ": 200, "Số hộ nghèo": 4 });
  });

  it("admissions: admitted, women, ethnic minorities, students, made full, pending", async () => {
    const rows = table(await exportTo("admissions", "2025-Q3"));
    expect(rows.get("Chi bộ thôn Pò Lài")).toMatchObject({ "Số đảng viên mới kết nạp": 2, "Trong đó: nữ": 1, "Trong đó: dân tộc thiểu số": 2, "Công nhận đảng viên chính thức": 1, "Đang làm hồ sơ chuyển chính thức": 1 });
    expect(rows.get("TỔNG CỘNG")).toMatchObject({ "Số đảng viên mới kết nạp": 3, "Trong đó: nữ": 2, "Trong đó: học sinh, sinh viên": 1, "Đang làm hồ sơ chuyển chính thức": 1 });
  });

  it("annual rating: each cell's level, levels per commune with percentages, members' levels", async () => {
    const rows = table(await exportTo("annual-rating", "năm 2025"));
    expect(rows.get("Chi bộ thôn Pò Lài")).toMatchObject({ "Chi bộ xếp loại": "Hoàn thành tốt nhiệm vụ", "Chi bộ HTT nhiệm vụ": 1 });
    expect(rows.get("Chi bộ tổ dân phố Tân Hòa 1")).toMatchObject({ "Chi bộ xếp loại": "Hoàn thành nhiệm vụ" });
    const tanVan = rows.get("Cộng: Đảng bộ xã Tân Văn")!;
    expect(tanVan).toMatchObject({ "Chi bộ HTT nhiệm vụ": 2, "Tỷ lệ chi bộ HTT": 1, "Chi bộ HT nhiệm vụ": 0, "Đảng viên HTXS nhiệm vụ": 1, "Đảng viên HTT nhiệm vụ": 11 });
    const total = rows.get("TỔNG CỘNG")!;
    expect(total).toMatchObject({ "Chi bộ HTT nhiệm vụ": 2, "Chi bộ HT nhiệm vụ": 1 });
    expect(total["Tỷ lệ chi bộ HTT"]).toBeCloseTo(2 / 3);
    expect(total["Tỷ lệ đảng viên HTT trở lên"]).toBeCloseTo((1 + 6 + 5 + 3) / (10 + 10 + 9));
  });

  it("for one commune: its committee's header, no subtotal, T/M ĐẢNG ỦY; a bad period is refused", async () => {
    const sheet = await exportTo("party-dues", "2025-11", ["--org", "DEMO-XA-TANVAN"]);
    expect(sheet.getCell("A1").value).toBe("ĐẢNG BỘ TỈNH MẪU SƠN");
    expect(sheet.getCell("A2").value).toBe("ĐẢNG ỦY XÃ TÂN VĂN");
    expect(sheet.getCell("A4").value).toBe("Số        -BC/ĐU");
    const all = texts(sheet).map((t) => t.text);
    expect(all).toContain("T/M ĐẢNG ỦY");
    expect(all).toContain("- Tỉnh ủy Mẫu Sơn (để báo cáo),");
    expect(all.some((t) => t.startsWith("Tân Văn, ngày "))).toBe(true);
    expect([...table(sheet).keys()].filter((k) => k.startsWith("Cộng"))).toEqual([]);
    const bad = await runChibo(["export", "party-dues", "--period", "quý 3/2025", "--out", join(dir, "x.xlsx")], { env, ctx });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("không hợp lệ");
  });

  it("uses the office's own layout from the data folder's mau-bao-cao/ when there is one", async () => {
    const ExcelJSModule = (await import("exceljs")).default;
    const wb = new ExcelJSModule.Workbook();
    const ws = wb.addWorksheet("Mẫu");
    ws.getCell("A1").value = "SỞ {{issuer}} — {{period}}";
    ws.getRow(3).values = ["{{row.name}}", "{{row.paid}}", "{{row.amount_vnd}}"];
    ws.getCell("A5").value = "Người lập:";
    ws.getCell("B5").value = "{{sign_name}}";
    const own = Buffer.from(await wb.xlsx.writeBuffer());
    // The data folder (on PostgreSQL only for chibo's own files) holds the office's layouts.
    const dataDir = env.DATA_DIR ?? join(dir, "data");
    mkdirSync(join(dataDir, "mau-bao-cao"), { recursive: true });
    writeFileSync(join(dataDir, "mau-bao-cao", "dang-phi.xlsx"), own);
    const out = join(dir, "own.xlsx");
    const result = await runChibo(["export", "party-dues", "--period", "2025-11", "--org", "DEMO-PHUONG-KYLUA", "--signer", "=cmd|' /C calc'!A0", "--out", out], { env: { ...env, DATA_DIR: dataDir }, ctx });
    expect(result.code).toBe(0);
    const sheet = (await loadWorkbook(readFileSync(out))).worksheets[0]!;
    expect(sheet.getCell("A1").value).toBe("SỞ ĐẢNG ỦY PHƯỜNG KỲ LỪA — tháng 11/2025");
    const names = [3, 4, 5, 6, 7].map((r) => sheet.getCell(`A${r}`).value);
    expect(names).toEqual(["Chi bộ cơ quan Đảng bộ phường Kỳ Lừa", "Chi bộ tổ dân phố Phai Luông", "Chi bộ tổ dân phố Tân Hòa 1", "Chi bộ tổ dân phố Tân Hòa 2", "TỔNG CỘNG"]);
    expect(sheet.getCell("B5").value).toBe(9);
    // What was typed never becomes a live formula, and the block below the table moved down.
    expect(sheet.getCell("A9").value).toBe("Người lập:");
    expect(sheet.getCell("B9").value).toBe("=cmd|' /C calc'!A0");
    expect(sheet.getCell("B9").type).toBe(ExcelJSModule.ValueType.String);
    expect(sheet.getCell("B9").formula).toBeUndefined();
    // A layout the office broke is named, with what to fix; no file is written.
    const broken = new ExcelJSModule.Workbook();
    broken.addWorksheet("Mẫu").getCell("A1").value = "{{issuer}}";
    writeFileSync(join(dataDir, "mau-bao-cao", "ket-nap.xlsx"), Buffer.from(await broken.xlsx.writeBuffer()));
    const refused = await runChibo(["export", "admissions", "--period", "2025-Q3", "--out", join(dir, "broken.xlsx")], { env: { ...env, DATA_DIR: dataDir }, ctx });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("ket-nap.xlsx không dùng được: không có dòng đánh dấu bảng {{row.…}}");
    expect(existsSync(join(dir, "broken.xlsx"))).toBe(false);
  });
});
