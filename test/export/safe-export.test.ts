import ExcelJS from "exceljs";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createI18n } from "../../src/messaging/i18n.js";
import { DEMO_SECRETARY_CODE } from "../../src/db/demo-seed.js";
import { findOrgByCode } from "../../src/db/org.repository.js";
import { findPersonByCode } from "../../src/db/person.repository.js";
import { reportCsv, reportXlsx } from "../../src/export/report-workbook.js";
import { neutralizeFormula } from "../../src/export/safe-cell.js";
import { loadActor } from "../../src/services/actor.service.js";
import { buildReportTable } from "../../src/services/export.service.js";
import { submitReport } from "../../src/services/report.service.js";
import { describeEngines, freshDatabase, type TestDatabase } from "../support/engines.js";
import { loadWorkbook } from "../support/xlsx.js";

const i18n = createI18n();
const t = (id: string, a?: Record<string, string | number>) => i18n.t("vi", id, a);
const NOW = new Date("2025-11-10T03:00:00Z");
const HYPERLINK = '=HYPERLINK("http://example.invalid/x","Bấm vào đây")';

it("puts an apostrophe before text that would start a formula, and only there", () => {
  for (const start of ["=", "+", "-", "@", "\t", "\r"]) expect(neutralizeFormula(`${start}1+1`)).toBe(`'${start}1+1`);
  expect(neutralizeFormula("Nhà văn hóa")).toBe("Nhà văn hóa");
  expect(neutralizeFormula("5 = 5")).toBe("5 = 5");
});

describeEngines("exports of text a secretary typed", (engine) => {
  let d: TestDatabase;
  let communeId: number;
  beforeAll(async () => {
    d = await freshDatabase(engine, { demo: true });
    communeId = (await findOrgByCode(d.db, "DEMO-XA-TANVAN"))!.id;
    const person = await findPersonByCode(d.db, DEMO_SECRETARY_CODE);
    const actor = await loadActor(d.db, person!.id, "2025-11-10");
    const cell = await findOrgByCode(d.db, "DEMO-CB-POLAI");
    const values = { meeting_date: "2025-11-05", kind: "regular", present: 9, members_expected: 10, place: "@SUM(1+1)*cmd|' /C calc'!A0", content_items: [HYPERLINK, "thu đảng phí"] };
    const result = await submitReport(d.db, actor, { orgId: cell!.id, form: "monthly-meeting", period: "2025-11", values, source: "guided" }, NOW, "2025-11-10");
    expect(result.ok).toBe(true);
  });
  afterAll(() => d.close());

  it("writes a report whose content starts with =HYPERLINK( to CSV as text, not a formula", async () => {
    const csv = reportCsv(await buildReportTable(d.db, null, "monthly-meeting", "2025-11", communeId), t, "2025-11-10");
    const poLai = csv.split("\r\n").find((l) => l.includes("Pò Lài"))!;
    // Quoted (it holds ';' and '"'), and inside the quotes the apostrophe comes first.
    expect(poLai).toContain(`"'=HYPERLINK(""http://example.invalid/x"",""Bấm vào đây""); thu đảng phí"`);
    expect(poLai).toContain("'@SUM(1+1)*cmd|' /C calc'!A0");
    // The counts stay numbers.
    expect(poLai.split(";")).toContain("9");
  });

  it("keeps the same text as a text cell in XLSX: no formula in the sheet", async () => {
    const bytes = await reportXlsx(await buildReportTable(d.db, null, "monthly-meeting", "2025-11", communeId), t, "2025-11-10");
    const sheet = (await loadWorkbook(bytes)).worksheets[0]!;
    const row = sheet.getRow(11);
    expect(row.getCell(3).value).toBe("Chi bộ thôn Pò Lài");
    const texts = (row.values as unknown[]).filter((v): v is string => typeof v === "string");
    expect(texts).toContain(`${HYPERLINK}; thu đảng phí`);
    const formulas: string[] = [];
    sheet.eachRow((r) => r.eachCell((cell) => {
      if (cell.type === ExcelJS.ValueType.Formula) formulas.push(cell.address);
    }));
    expect(formulas).toEqual([]);
    const content = row.getCell((row.values as unknown[]).indexOf(`${HYPERLINK}; thu đảng phí`));
    expect(content.type).toBe(ExcelJS.ValueType.String);
  });
});
