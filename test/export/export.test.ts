import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createI18n } from "../../src/messaging/i18n.js";
import { DEMO_SECRETARY_CODE } from "../../src/db/demo-seed.js";
import { findOrgByCode } from "../../src/db/org.repository.js";
import { findPersonByCode } from "../../src/db/person.repository.js";
import { reportCsv, reportXlsx } from "../../src/export/report-workbook.js";
import { loadActor } from "../../src/services/actor.service.js";
import { buildReportTable } from "../../src/services/export.service.js";
import { submitReport } from "../../src/services/report.service.js";
import type { CommandContext } from "../../src/cli/command.js";
import { runChibo } from "../support/cli.js";
import { loadWorkbook } from "../support/xlsx.js";
import { e2eDatabase, type E2eDatabase } from "../support/e2e-database.js";
import { describeEngines, freshDatabase, type TestDatabase } from "../support/engines.js";

const i18n = createI18n();
const t = (id: string, a?: Record<string, string | number>) => i18n.t("vi", id, a);
const NOW = new Date("2025-11-10T03:00:00Z");

describeEngines("export of a month's reports", (engine) => {
  let d: TestDatabase;
  let communeId: number;
  beforeAll(async () => {
    d = await freshDatabase(engine, { demo: true });
    communeId = (await findOrgByCode(d.db, "DEMO-XA-TANVAN"))!.id;
    const submit = async (secretaryCode: string, cellCode: string, values: Record<string, unknown>) => {
      const person = await findPersonByCode(d.db, secretaryCode);
      const actor = await loadActor(d.db, person!.id, "2025-11-10");
      const cell = await findOrgByCode(d.db, cellCode);
      const result = await submitReport(d.db, actor, { orgId: cell!.id, form: "monthly-meeting", period: "2025-11", values, source: "quick" }, NOW, "2025-11-10");
      expect(result.ok).toBe(true);
    };
    await submit(DEMO_SECRETARY_CODE, "DEMO-CB-POLAI", {
      meeting_date: "2025-11-05",
      start_time: "19:30",
      kind: "regular",
      present: 9,
      members_expected: 10,
      absent_excused: 1,
      absentees: [{ name: "Hà Văn Thắng", excused: true, reason: "đi làm ăn xa" }],
      cadre_present: true,
      resolutions: [{ task: "Thu đảng phí tháng 11", owner: "Nông Thị Quý", due: "2025-11-15" }, { task: "Phát quang đường băng" }],
    });
    await submit("DEMO-CB-DONGME-BT", "DEMO-CB-DONGME", { meeting_date: "2025-11-03", kind: "combined", thematic_topic: "Thực hành tiết kiệm", present: 8, members_expected: 9, absent_unexcused: 1, cadre_present: false, duration_min: 120 });
  });
  afterAll(() => d.close());

  it("has one row per cell of the commune, the missing ones included, and totals", async () => {
    const table = await buildReportTable(d.db, null, "monthly-meeting", "2025-11", communeId);
    expect(table.orgName).toBe("Đảng bộ xã Tân Văn");
    expect(table.rows.map((r) => [r.cellName, r.status])).toEqual([
      ["Chi bộ cơ quan Đảng bộ xã Tân Văn", "missing"],
      ["Chi bộ thôn Bản Chang", "missing"],
      ["Chi bộ thôn Đồng Mé", "submitted"],
      ["Chi bộ thôn Nà Thưa", "missing"],
      ["Chi bộ thôn Pò Lài", "submitted"],
    ]);
    expect(table.totals).toMatchObject({ present: 17, members_expected: 19, absent_excused: 1, absent_unexcused: 1 });
    // Minutes are never summed (docs/vi/mau-bao-cao.md).
    expect(table.totals.duration_min).toBeUndefined();
  });

  it("writes a workbook that reads back cell by cell: titles, headers, dd/mm/yyyy dates, totals", async () => {
    const table = await buildReportTable(d.db, null, "monthly-meeting", "2025-11", communeId);
    const bytes = await reportXlsx(table, t, "2025-11-10");
    const wb = await loadWorkbook(bytes);
    const sheet = wb.worksheets[0]!;
    expect(sheet.getCell("A1").value).toBe("BÁO CÁO SINH HOẠT CHI BỘ");
    expect(sheet.getCell("A2").value).toBe("Đảng bộ xã Tân Văn");
    expect(sheet.getCell("A3").value).toBe("tháng 11/2025");
    expect(sheet.getCell("A4").value).toBe("Ngày xuất: 10/11/2025");
    const header = (sheet.getRow(6).values as unknown[]).slice(1);
    expect(header.slice(0, 8)).toEqual(["STT", "Đảng bộ", "Chi bộ", "Tình trạng", "Ngày gửi", "Ngày sinh hoạt", "Giờ bắt đầu", "Loại buổi sinh hoạt"]);
    const poLai = sheet.getRow(11);
    expect(poLai.getCell(3).value).toBe("Chi bộ thôn Pò Lài");
    expect(poLai.getCell(4).value).toBe("Đã gửi");
    expect(poLai.getCell(6).value).toEqual(new Date("2025-11-05T00:00:00Z"));
    expect(poLai.getCell(6).numFmt).toBe("dd/mm/yyyy");
    expect(poLai.getCell(8).value).toBe("Thường kỳ");
    const presentColumn = header.indexOf("Số đảng viên có mặt") + 1;
    expect(poLai.getCell(presentColumn).value).toBe(9);
    expect(sheet.getRow(8).getCell(4).value).toBe("Chưa báo cáo");
    const totals = sheet.getRow(12);
    expect(totals.getCell(3).value).toBe("Tổng cộng");
    expect(totals.getCell(4).value).toBe("2/5 chi bộ đã báo cáo");
    expect(totals.getCell(presentColumn).value).toBe(17);
  });

  it("writes the same table as CSV with a BOM and ; separators", async () => {
    const table = await buildReportTable(d.db, null, "monthly-meeting", "2025-11", communeId);
    const csv = reportCsv(table, t, "2025-11-10");
    expect(csv.startsWith("\uFEFFBÁO CÁO SINH HOẠT CHI BỘ")).toBe(true);
    const lines = csv.split("\r\n");
    expect(lines[5]!.split(";").slice(0, 3)).toEqual(["STT", "Đảng bộ", "Chi bộ"]);
    const poLai = lines.find((l) => l.includes("Pò Lài"))!.split(";");
    expect(poLai[5]).toBe("05/11/2025");
    expect(poLai[3]).toBe("Đã gửi");
    // The absentees and the resolution as text columns, quoted since they hold ";".
    const header = lines[5]!.split(";");
    expect(header).toEqual(expect.arrayContaining(["Người vắng", "Nghị quyết"]));
    const fields = (line: string) => [...line.matchAll(/("(?:[^"]|"")*"|[^;]*)(?:;|$)/g)].map((m) => m[1]!.replace(/^"|"$/g, "").replace(/""/g, '"')).slice(0, header.length);
    const row = fields(lines.find((l) => l.includes("Pò Lài"))!);
    expect(row[header.indexOf("Người vắng")]).toBe("Hà Văn Thắng (đi làm ăn xa)");
    expect(row[header.indexOf("Nghị quyết")]).toBe("Thu đảng phí tháng 11 — Nông Thị Quý — 15/11/2025; Phát quang đường băng");
    const dongMe = fields(lines.find((l) => l.includes("Đồng Mé"))!);
    expect(dongMe[header.indexOf("Người vắng")]).toBe("");
  });

  it("is refused to a cell secretary in chat scope (data.export)", async () => {
    const person = await findPersonByCode(d.db, DEMO_SECRETARY_CODE);
    const actor = await loadActor(d.db, person!.id, "2025-11-10");
    await expect(buildReportTable(d.db, actor, "monthly-meeting", "2025-11", communeId)).rejects.toThrow("forbidden");
  });
});

describeEngines("chibo export (the real command)", (engine) => {
  let database: E2eDatabase;
  let ctx: CommandContext;
  let env: Record<string, string>;
  let dir: string;
  beforeAll(async () => {
    database = await e2eDatabase(engine, "export");
    // Every command opens its app as from a terminal, on the file's one open database.
    ctx = await database.keepOpen();
    ({ env, dir } = database);
    expect((await runChibo(["seed", "--demo"], { env, ctx })).code).toBe(0);
  });
  afterAll(() => database?.cleanup());

  it("writes an XLSX for the whole province and a CSV for one commune", async () => {
    const out = join(dir, "r.xlsx");
    const result = await runChibo(["export", "monthly-meeting", "--period", "2025-11", "--out", out], { env, ctx });
    expect(result.stderr).toBe("");
    expect(result.stdout).toContain("Đảng bộ tỉnh Mẫu Sơn");
    const wb = await loadWorkbook(readFileSync(out));
    // The province's layout: the party organization, then its committee, on the left.
    expect(wb.worksheets[0]!.getCell("A1").value).toBe("ĐẢNG BỘ TỈNH MẪU SƠN");
    expect(wb.worksheets[0]!.getCell("A2").value).toBe("TỈNH ỦY MẪU SƠN");
    const csv = join(dir, "r.csv");
    expect((await runChibo(["export", "monthly-meeting", "--period", "2025-11", "--org", "DEMO-PHUONG-KYLUA", "--out", csv], { env, ctx })).code).toBe(0);
    expect(readFileSync(csv, "utf8")).toContain("Chi bộ tổ dân phố Tân Hòa 2");
  });

  it("refuses a bad period or form with a clear message", async () => {
    const bad = await runChibo(["export", "monthly-meeting", "--period", "2025-Q4", "--out", join(dir, "x.xlsx")], { env, ctx });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("không hợp lệ");
    expect((await runChibo(["export", "nonsense", "--period", "2025-11", "--out", join(dir, "x.xlsx")], { env, ctx })).code).toBe(2);
  });
});
