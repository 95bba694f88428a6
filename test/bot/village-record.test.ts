import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type ExcelJS from "exceljs";
import { afterAll, beforeAll, expect, it } from "vitest";
import { DEMO_SECRETARY_CODE } from "../../src/db/demo-seed.js";
import { layoutFile, readLayout, useOwnLayouts } from "../../src/export/province-layout.js";
import { botHarness, type BotHarness } from "../support/bot-harness.js";
import { describeEngines } from "../support/engines.js";
import { loadWorkbook } from "../support/xlsx.js";

/** The look of changed cells in the shipped layout's legend, and the one an office chose instead. */
const YELLOW = "FFFFF2CC";
const OFFICE_RED = "FFFFC7CE";

/** Every text of a sheet with its place. */
function texts(sheet: ExcelJS.Worksheet): { row: number; col: number; text: string }[] {
  const out: { row: number; col: number; text: string }[] = [];
  sheet.eachRow((row, r) => row.eachCell((cell, c) => {
    if (typeof cell.value === "string") out.push({ row: r, col: c, text: cell.value });
  }));
  return out;
}

interface TableRow {
  values: Record<string, unknown>;
  columns: Record<string, number>;
  cells: Record<string, ExcelJS.Cell>;
}

/**
 * A table as an office reads it: the column titles are the last header row's (above the first data
 * row, a title merged over two rows counts for both), each data row by the text in its `by` column.
 */
function table(sheet: ExcelJS.Worksheet, by = "Thôn, tổ dân phố"): Map<string, TableRow> {
  const stt = texts(sheet).find((t) => t.text === "STT")!;
  const below = sheet.getCell(stt.row + 1, stt.col);
  const titleRow = below.isMerged && below.master.address === sheet.getCell(stt.row, stt.col).address ? stt.row + 1 : stt.row;
  const titles = new Map<number, string>();
  for (let c = 1; c <= sheet.columnCount; c++) {
    const value = sheet.getCell(titleRow, c).value;
    if (typeof value === "string" && value) titles.set(c, value);
  }
  const key = [...titles].find(([, title]) => title === by)![0];
  const rows = new Map<string, TableRow>();
  for (let r = titleRow + 1; r <= sheet.rowCount; r++) {
    const name = sheet.getCell(r, key).value;
    if (typeof name !== "string" || !name) break;
    const row: TableRow = { values: {}, columns: {}, cells: {} };
    for (const [c, title] of titles) {
      row.values[title] = sheet.getCell(r, c).value;
      row.columns[title] = c;
      row.cells[title] = sheet.getCell(r, c);
    }
    rows.set(name, row);
  }
  return rows;
}

/** The row's marked cells: the colour each is filled with and its note. */
function marks(row: TableRow): Record<string, { fill: string | undefined; note: string | undefined }> {
  const out: Record<string, { fill: string | undefined; note: string | undefined }> = {};
  for (const [title, cell] of Object.entries(row.cells)) {
    const fill = cell.fill as ExcelJS.FillPattern | undefined;
    const colour = fill?.pattern === "solid" ? fill.fgColor?.argb : undefined;
    const note = cell.note === undefined ? undefined : String(cell.note);
    if (colour !== undefined || note !== undefined) out[title] = { fill: colour, note };
  }
  return out;
}

describeEngines("/hosothon: the village record by quarter", (engine) => {
  let h: BotHarness;
  let sec: string;
  beforeAll(async () => {
    h = await botHarness(engine, { now: new Date("2025-11-20T03:00:00Z") });
    sec = await h.as(DEMO_SECRETARY_CODE);
  });
  afterAll(() => h.close());

  it("starts a village's first record for a chosen quarter from typed figures and workers", async () => {
    const ask = await h.sayText(sec, "/hosothon");
    expect(ask).toContain("Cập nhật hồ sơ thôn cho quý nào?");
    expect(ask).toContain("1. quý 3/2025");
    expect(ask).toContain("quý 2/2025");
    const opened = await h.sayText(sec, "/hosothon quý 2/2025");
    expect(opened).toContain("Hồ sơ Chi bộ thôn Pò Lài — quý 2/2025");
    expect(opened).toContain("Chưa có số liệu quý nào");
    expect(opened).not.toContain("Không thay đổi\n");
    const shown = await h.sayText(
      sec,
      [
        "số hộ 142",
        "dân số 618",
        "diện tích 5,2",
        "hộ nghèo 12",
        "đảng viên 31",
        "phụ nữ 87",
        "thêm: trưởng thôn, Hoàng Văn Páo, nam, 1968, Tày, 9/12, làm ruộng, đảng viên",
        "thêm: y tế thôn, Lục Thị Hoa, nữ, 1990, Nùng, 12/12, y sĩ, quần chúng",
      ].join("\n"),
    );
    expect(shown).toContain("• Dân số (người): 618");
    expect(shown).toContain("• Diện tích (km²): 5,2");
    expect(shown).toContain("1. Trưởng thôn: Hoàng Văn Páo, nam, 1968, Tày, 9/12, làm ruộng, đảng viên");
    expect(shown).toContain("2. Nhân viên y tế thôn: Lục Thị Hoa, nữ, 1990, Nùng, 12/12, y sĩ, quần chúng");
    expect(await h.sayText(sec, "1")).toContain("Đã lưu hồ sơ Chi bộ thôn Pò Lài, quý 2/2025.");
  });

  it("a bad line is named and nothing is taken", async () => {
    await h.sayText(sec, "/hosothon quý 3/2025");
    const reply = await h.sayText(sec, "dân số 630\nsửa 7: trình độ 12/12");
    expect(reply).toContain("Chưa lưu gì");
    expect(reply).toContain('Dòng "sửa 7: trình độ 12/12": không có người số này trong danh sách.');
    expect(await h.sayText(sec, "/huy")).toBeTruthy();
  });

  it("updates the next quarter from last quarter's values with two changes, one of them a worker", async () => {
    const opened = await h.sayText(sec, "/hosothon quy 3/2025");
    expect(opened).toContain("Số liệu của quý 2/2025 (quý trước):");
    expect(opened).toContain("1. Không thay đổi");
    await h.sayText(sec, "dân số 630");
    const shown = await h.sayText(sec, "sửa 2: trình độ 12/12 + cao đẳng, nghề nghiệp y sĩ trạm y tế");
    expect(shown).toContain("• Dân số (người): 630 ✎ (trước: 618)");
    expect(shown).toContain("2. Nhân viên y tế thôn: Lục Thị Hoa, nữ, 1990, Nùng, 12/12 + cao đẳng, y sĩ trạm y tế, quần chúng ✎");
    expect(shown).toContain("• Số hộ: 142\n");
    expect(await h.sayText(sec, "1")).toContain("Đã lưu hồ sơ Chi bộ thôn Pò Lài, quý 3/2025: 2 mục thay đổi so với quý trước.");
  });

  it("keeps a quarter unchanged in one tap", async () => {
    await h.sayText(sec, "/hosothon quý 4/2025");
    expect(await h.sayText(sec, "1")).toContain("Đã lưu hồ sơ Chi bộ thôn Pò Lài, quý 4/2025.");
  });

  it("the commune office gets the quarter in the province's layout with exactly the two changes marked, the old values as notes", async () => {
    const office = await h.as("DEMO-VP-TANVAN");
    const result = await h.say(office, "/hosothon quý 3/2025");
    const reply = result.replies[0]!;
    // Every village of the commune is listed, those not updated too; the agency cell keeps no record.
    expect(reply.text).toContain("Hồ sơ thôn quý 3/2025 — Đảng bộ xã Tân Văn: 1/4 thôn đã cập nhật");
    expect(reply.text).toContain("• Chi bộ thôn Pò Lài: 630 người, 142 hộ; 2 mục thay đổi");
    expect(reply.text).toContain("• Chi bộ thôn Bản Chang: chưa cập nhật quý này");
    expect(reply.text).not.toContain("cơ quan");
    expect(reply.attachment).toMatchObject({ kind: "document", filename: "ho-so-thon-2025-quy-3.xlsx" });
    const wb = await loadWorkbook(reply.attachment!.data);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Thôn", "Người làm việc"]);
    const everything = wb.worksheets.flatMap((w) => texts(w).map((t) => t.text));
    expect(everything.filter((t) => t.includes("{{"))).toEqual([]);
    expect(everything).toContain("CƠ SỞ DỮ LIỆU THÔN, TỔ DÂN PHỐ");
    expect(everything).toContain("Đảng bộ xã Tân Văn — quý 3/2025");
    expect(everything).toContain("Thay đổi so với quý trước (ghi chú trong ô ghi số liệu cũ)");

    const villages = table(wb.worksheets[0]!);
    const polai = villages.get("thôn Pò Lài")!;
    expect(polai.values).toMatchObject({ "Dân số (người)": 630, "Số hộ": 142, "Diện tích (km²)": 5.2, "Hộ nghèo": 12, "Đảng viên": 31, "Hội Phụ nữ": 87, "Số người làm việc ở thôn": 2, "Tình hình cập nhật": "2 mục thay đổi" });
    // One cell of the village changed: population, in the legend's yellow with last quarter's figure as its note.
    expect(marks(polai)).toEqual({ "Dân số (người)": { fill: YELLOW, note: "Quý trước (quý 2/2025): 618" } });
    expect(villages.get("thôn Nà Thưa")!.values).toMatchObject({ "Tình hình cập nhật": "chưa cập nhật quý này", "Dân số (người)": null });
    expect([...villages.keys()].filter((k) => k !== "TỔNG CỘNG").length).toBe(4);
    expect(villages.get("TỔNG CỘNG")!.values).toMatchObject({ "Dân số (người)": 630, "Số hộ": 142, "Tình hình cập nhật": "1/4 thôn đã cập nhật" });
    // The total keeps the layout's own grey: nothing in it is a change.
    expect(Object.values(marks(villages.get("TỔNG CỘNG")!)).filter((m) => m.fill === YELLOW || m.note !== undefined)).toEqual([]);

    const workers = table(wb.worksheets[1]!, "Họ và tên");
    expect([...workers.keys()]).toEqual(["Hoàng Văn Páo", "Lục Thị Hoa"]);
    expect(workers.get("Hoàng Văn Páo")!.values).toMatchObject({ "Chức danh": "Trưởng thôn", "Giới tính": "nam", "Năm sinh": 1968, "Dân tộc": "Tày", "Trình độ": "9/12", "Đảng viên": "Có", "Thay đổi": null });
    expect(marks(workers.get("Hoàng Văn Páo")!)).toEqual({});
    // The worker entry changed in two fields: those two cells marked, each with what it said before.
    const hoa = workers.get("Lục Thị Hoa")!;
    expect(hoa.values).toMatchObject({ "Trình độ": "12/12 + cao đẳng", "Nghề nghiệp": "y sĩ trạm y tế", "Thay đổi": "Đã sửa" });
    expect(marks(hoa)).toEqual({
      "Trình độ": { fill: YELLOW, note: "Quý trước (quý 2/2025): 12/12" },
      "Nghề nghiệp": { fill: YELLOW, note: "Quý trước (quý 2/2025): y sĩ" },
    });
  });

  it("a quarter kept unchanged in one tap is exported with nothing marked", async () => {
    const office = await h.as("DEMO-VP-TANVAN");
    const wb = await loadWorkbook((await h.say(office, "/hosothon quý 4/2025")).replies[0]!.attachment!.data);
    const polai = table(wb.worksheets[0]!).get("thôn Pò Lài")!;
    expect(polai.values).toMatchObject({ "Dân số (người)": 630, "Tình hình cập nhật": "Không thay đổi" });
    expect(marks(polai)).toEqual({});
    const workers = table(wb.worksheets[1]!, "Họ và tên");
    expect([...workers.values()].map(marks)).toEqual([{}, {}]);
  });

  it("honours the office's own layout: its title, its column order and its colour for changes", async () => {
    const ExcelJS = (await import("exceljs")).default;
    const own = await loadWorkbook(await readLayout(layoutFile("co-so-du-lieu-thon", undefined)));
    const sheet = own.worksheets[0]!;
    sheet.getCell("A5").value = "SỔ THEO DÕI THÔN, TỔ DÂN PHỐ ({{period}})";
    // Population moved after households: the two columns' header and marked cells swapped.
    const population = texts(sheet).find((t) => t.text === "{{row.population}}")!.col;
    const households = texts(sheet).find((t) => t.text === "{{row.households}}")!.col;
    // Row 10 is the lower half of the merged titles: writing it would write row 9 again.
    for (const r of [9, 11, 12, 13]) {
      const [a, b] = [sheet.getCell(r, population), sheet.getCell(r, households)];
      const [va, sa] = [a.value, structuredClone(a.style)];
      [a.value, a.style] = [b.value, structuredClone(b.style)];
      [b.value, b.style] = [va, sa];
    }
    const legend = texts(sheet).find((t) => t.text.startsWith("{{style.changed}}"))!;
    sheet.getCell(legend.row, legend.col).fill = { type: "pattern", pattern: "solid", fgColor: { argb: OFFICE_RED } };
    const dir = mkdtempSync(join(tmpdir(), "mau-bao-cao-"));
    writeFileSync(join(dir, "co-so-du-lieu-thon.xlsx"), Buffer.from(await own.xlsx.writeBuffer()));
    useOwnLayouts(dir);
    try {
      const office = await h.as("DEMO-VP-TANVAN");
      const wb = await loadWorkbook((await h.say(office, "/hosothon quý 3/2025")).replies[0]!.attachment!.data);
      const ws = wb.worksheets[0]!;
      expect(ws.getCell("A5").value).toBe("SỔ THEO DÕI THÔN, TỔ DÂN PHỐ (quý 3/2025)");
      const polai = table(ws).get("thôn Pò Lài")!;
      expect(polai.columns["Dân số (người)"]).toBe(households);
      expect(polai.columns["Số hộ"]).toBe(population);
      expect(polai.values).toMatchObject({ "Dân số (người)": 630, "Số hộ": 142 });
      expect(marks(polai)).toEqual({ "Dân số (người)": { fill: OFFICE_RED, note: "Quý trước (quý 2/2025): 618" } });

      // A layout the office broke is named in the reply, with what to fix.
      const broken = new ExcelJS.Workbook();
      broken.addWorksheet("Thôn").getRow(2).values = ["{{row.name}}", "{{row.worker.name}}"];
      broken.getWorksheet("Thôn")!.getRow(4).values = ["{{row.worker.name}}"];
      writeFileSync(join(dir, "co-so-du-lieu-thon.xlsx"), Buffer.from(await broken.xlsx.writeBuffer()));
      const refused = await h.say(office, "/hosothon quý 3/2025");
      expect(refused.replies.map((r) => r.text).join("\n")).toContain("Mẫu báo cáo co-so-du-lieu-thon.xlsx không dùng được: có dòng {{row.TÊN_BẢNG.…}}");
      expect(refused.replies.some((r) => r.attachment)).toBe(false);
    } finally {
      useOwnLayouts(undefined);
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("files the quarter's village report from the record, so the quarter counts as reported", async () => {
    const reply = await h.sayText(sec, "/xembaocao");
    expect(reply).toContain("quý 3/2025");
  });

  it("/baocao thôn takes the quarter named, not only the one just ended", async () => {
    expect(await h.sayText(sec, "/baocao so lieu thon quy 1/2025")).toContain("quý 1/2025");
    await h.sayText(sec, "/huy");
  });

  it("a tổ dân phố's head is the Tổ trưởng tổ dân phố on the screen and in the ward's file, stored as the head", async () => {
    const tanHoa = await h.as("DEMO-CB-TANHOA1-BT");
    await h.sayText(tanHoa, "/hosothon quý 3/2025");
    const shown = await h.sayText(tanHoa, "dân số 420\nthêm: tổ trưởng, Đào Văn Hùng, nam, 1962, Kinh, 12/12, hưu trí, đảng viên\nthêm: tổ phó, Lê Thị Hằng, nữ, 1975");
    expect(shown).toContain("1. Tổ trưởng tổ dân phố: Đào Văn Hùng, nam, 1962");
    expect(shown).toContain("2. Tổ phó tổ dân phố: Lê Thị Hằng, nữ, 1975");
    expect(shown).not.toContain("Trưởng thôn");
    expect(await h.sayText(tanHoa, "1")).toContain("Đã lưu hồ sơ Chi bộ tổ dân phố Tân Hòa 1, quý 3/2025.");
    const stored = await h.db.db.selectFrom("village_record").innerJoin("org", "org.id", "village_record.org_id").select("workforce").where("org.code", "=", "DEMO-CB-TANHOA1").where("period", "=", "2025-Q3").executeTakeFirstOrThrow();
    expect((stored.workforce as { role: string }[]).map((w) => w.role)).toEqual(["village_head", "deputy_head"]);

    const ward = await h.as("DEMO-VP-KYLUA");
    const reply = (await h.say(ward, "/hosothon quý 3/2025")).replies[0]!;
    expect(reply.text).toContain("1/3 thôn đã cập nhật");
    expect(reply.text).toContain("• Chi bộ tổ dân phố Phai Luông: chưa cập nhật quý này");
    const workers = table((await loadWorkbook(reply.attachment!.data)).worksheets[1]!, "Họ và tên");
    expect(workers.get("Đào Văn Hùng")!.values).toMatchObject({ "Chức danh": "Tổ trưởng tổ dân phố" });
    expect(workers.get("Lê Thị Hằng")!.values).toMatchObject({ "Chức danh": "Tổ phó tổ dân phố" });
  });

  it("refuses a member and another commune's office", async () => {
    const member = await h.as("DEMO-DV-POLAI-MAI");
    expect(await h.sayText(member, "/hosothon")).toContain("không có quyền");
    const other = await h.as("DEMO-VP-KYLUA");
    const reply = await h.say(other, "/hosothon quý 3/2025");
    expect(reply.replies[0]!.text).not.toContain("Pò Lài");
  });
});
