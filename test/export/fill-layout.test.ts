import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { fillLayout, layoutFile, LAYOUT_DIR, readLayout } from "../../src/export/province-layout.js";
import { loadWorkbook } from "../support/xlsx.js";

/** The colour a cell is filled with (undefined: no fill, or exceljs's "none" pattern). */
function fillColour(cell: ExcelJS.Cell): string | undefined {
  const fill = cell.fill as ExcelJS.FillPattern | undefined;
  return fill?.pattern === "solid" ? fill.fgColor?.argb : undefined;
}

async function layout(build: (ws: ExcelJS.Worksheet) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  build(wb.addWorksheet("Mẫu"));
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe("filling a layout (the one module other exports reuse)", () => {
  it("repeats the marked row, styles subtotal and total rows, moves the block below with its merged cells", async () => {
    const bytes = await layout((ws) => {
      ws.getCell("A1").value = "{{issuer}}";
      ws.getCell("C1").value = "{{place_date}}";
      ws.getRow(3).values = ["STT", "Tên", "Số"];
      ws.getRow(4).values = ["{{row.stt}}", "{{row.name}}", "{{row.paid}}"];
      ws.getRow(5).values = ["", "{{subtotal.name}}", "{{subtotal.paid}}"];
      ws.getRow(6).values = ["", "{{total.name}}", "{{total.paid}}"];
      ws.getCell("C4").numFmt = "#,##0";
      ws.getCell("B5").font = { italic: true };
      ws.getCell("B6").font = { bold: true, size: 14 };
      ws.mergeCells("B8:C8");
      ws.getCell("B8").value = "{{sign_for}}";
      ws.getCell("A9").value = "- {{recipient}},";
    });
    const out = await fillLayout(bytes, {
      fields: { issuer: "ĐẢNG ỦY XÃ AN", place_date: "An, ngày 01 tháng 12 năm 2026", sign_for: "T/M ĐẢNG ỦY", recipient: "Tỉnh ủy" },
      rows: [
        { kind: "item", values: { stt: 1, name: "Chi bộ A", paid: 1200 } },
        { kind: "item", values: { stt: 2, name: "Chi bộ B", paid: null } },
        { kind: "subtotal", values: { name: "Cộng: Đảng bộ xã An", paid: 1200 } },
        { kind: "total", values: { name: "TỔNG CỘNG", paid: 1200 } },
      ],
    });
    const ws = (await loadWorkbook(out)).worksheets[0]!;
    expect(ws.getCell("A1").value).toBe("ĐẢNG ỦY XÃ AN");
    expect(ws.getCell("C1").value).toBe("An, ngày 01 tháng 12 năm 2026");
    expect([4, 5, 6, 7].map((r) => ws.getCell(`B${r}`).value)).toEqual(["Chi bộ A", "Chi bộ B", "Cộng: Đảng bộ xã An", "TỔNG CỘNG"]);
    expect(ws.getCell("C4").value).toBe(1200);
    expect(ws.getCell("C4").numFmt).toBe("#,##0");
    expect(ws.getCell("C5").value).toBeNull();
    expect(ws.getCell("B6").font.italic).toBe(true);
    expect(ws.getCell("B7").font).toMatchObject({ bold: true, size: 14 });
    // The signature block moved down one row, still merged; the layout's own "- " is kept as written.
    expect(ws.getCell("B9").value).toBe("T/M ĐẢNG ỦY");
    expect(ws.model.merges).toContain("B9:C9");
    expect(ws.getCell("A10").value).toBe("- Tỉnh ủy,");
  });

  it("writes a value that would start a formula as text, and refuses a layout without a table or with rows apart", async () => {
    const bytes = await layout((ws) => {
      ws.getRow(2).values = ["{{row.name}}", "{{sign_name}}"];
    });
    const out = await fillLayout(bytes, { fields: { sign_name: "@SUM(A1)" }, rows: [{ kind: "item", values: { name: "=HYPERLINK(\"http://x\")" } }] });
    const ws = (await loadWorkbook(out)).worksheets[0]!;
    expect(ws.getCell("A2").value).toBe("=HYPERLINK(\"http://x\")");
    expect(ws.getCell("A2").type).toBe(ExcelJS.ValueType.String);
    expect(ws.getCell("B2").value).toBe("@SUM(A1)");
    expect(ws.getCell("B2").type).toBe(ExcelJS.ValueType.String);
    expect(ws.getCell("A2").formula).toBeUndefined();
    await expect(fillLayout(await layout((ws) => void (ws.getCell("A1").value = "{{issuer}}")), { fields: {}, rows: [] })).rejects.toMatchObject({ code: "invalid_input", args: { reason: "layout_without_table_row" } });
    const apart = await layout((ws) => {
      ws.getRow(2).values = ["{{row.name}}"];
      ws.getRow(4).values = ["{{total.name}}"];
    });
    await expect(fillLayout(apart, { fields: {}, rows: [] })).rejects.toMatchObject({ args: { reason: "layout_table_rows_apart" } });
  });

  it("fills a second table on another sheet and marks changes in the looks of the layout's legend cells", async () => {
    const wb = new ExcelJS.Workbook();
    const main = wb.addWorksheet("Thôn");
    main.getCell("A1").value = "{{style.changed}} Thay đổi so với quý trước";
    main.getCell("A1").fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFC7CE" } };
    main.getCell("A1").font = { name: "Arial", size: 9, color: { argb: "FF9C0006" }, bold: true };
    main.getCell("B1").value = "{{style.left}} Thôi";
    main.getCell("B1").font = { italic: true, strike: true };
    main.getRow(3).values = ["{{row.name}}", "{{row.population}}", "{{row.households}}"];
    main.getRow(3).eachCell((cell) => (cell.font = { name: "Times New Roman", size: 12 }));
    const people = wb.addWorksheet("Người");
    people.getCell("A1").value = "{{org}}";
    people.getRow(2).values = ["{{row.workers.name}}", "{{row.workers.education}}"];
    people.getCell("A4").value = "Người lập biểu";
    const out = await fillLayout(new Uint8Array(await wb.xlsx.writeBuffer()), {
      fields: { org: "Xã An" },
      rows: [
        { kind: "item", values: { name: "Thôn A", population: 630, households: 142 }, changed: { population: "Quý trước: 618" } },
        { kind: "item", values: { name: "Thôn B", population: 200, households: 50 } },
      ],
      tables: {
        workers: [
          { kind: "item", values: { name: "Lục Thị Hoa", education: "12/12 + cao đẳng" }, changed: { education: "Quý trước: 12/12" } },
          { kind: "item", values: { name: "Nông Văn Mới", education: "9/12" }, mark: "added" },
          { kind: "item", values: { name: "=Bế Văn Cũ", education: "9/12" }, mark: "left" },
        ],
      },
    });
    const book = await loadWorkbook(out);
    const [ws, wp] = [book.worksheets[0]!, book.worksheets[1]!];
    // The legend keeps its words, in its own look, without the mark.
    expect(ws.getCell("A1").value).toBe("Thay đổi so với quý trước");
    expect(ws.getCell("B1").value).toBe("Thôi");
    const changed = ws.getCell("B3");
    expect(changed.value).toBe(630);
    expect(fillColour(changed)).toBe("FFFFC7CE");
    expect(changed.font).toMatchObject({ name: "Times New Roman", size: 12, bold: true, color: { argb: "FF9C0006" } });
    expect(String(changed.note)).toBe("Quý trước: 618");
    for (const ref of ["A3", "C3", "A4", "B4", "C4"]) {
      expect(fillColour(ws.getCell(ref)), ref).toBeUndefined();
      expect(ws.getCell(ref).note, ref).toBeUndefined();
    }
    // The other sheet takes the first sheet's looks: a changed cell, a new row, a leaver struck through.
    expect(wp.getCell("A1").value).toBe("Xã An");
    expect(fillColour(wp.getCell("A2"))).toBeUndefined();
    expect(fillColour(wp.getCell("B2"))).toBe("FFFFC7CE");
    expect(String(wp.getCell("B2").note)).toBe("Quý trước: 12/12");
    expect([wp.getCell("A3"), wp.getCell("B3")].map(fillColour)).toEqual(["FFFFC7CE", "FFFFC7CE"]);
    expect(wp.getCell("A4").value).toBe("=Bế Văn Cũ");
    expect(wp.getCell("A4").font).toMatchObject({ strike: true, italic: true });
    expect(fillColour(wp.getCell("A4"))).toBeUndefined();
    expect(wp.getCell("A6").value).toBe("Người lập biểu");
  });

  it("marks changes pale yellow and leavers struck through when the layout has no legend; refuses a table it does not know", async () => {
    const out = await fillLayout(await layout((ws) => void (ws.getRow(1).values = ["{{row.name}}", "{{row.paid}}"])), {
      fields: {},
      rows: [
        { kind: "item", values: { name: "A", paid: 2 }, changed: { paid: null } },
        { kind: "item", values: { name: "B", paid: 1 }, mark: "left" },
      ],
    });
    const ws = (await loadWorkbook(out)).worksheets[0]!;
    expect(fillColour(ws.getCell("B1"))).toBe("FFFFF2CC");
    expect(ws.getCell("B1").note).toBeUndefined();
    expect(fillColour(ws.getCell("A1"))).toBeUndefined();
    expect(ws.getCell("A2").font.strike).toBe(true);
    const unknown = await layout((ws) => {
      ws.getRow(1).values = ["{{row.name}}"];
      ws.getRow(3).values = ["{{row.worker.name}}"];
    });
    await expect(fillLayout(unknown, { fields: {}, rows: [], tables: { workers: [] } })).rejects.toMatchObject({ args: { reason: "layout_unknown_table", table: "worker" } });
  });

  it("ships a layout per form, each with the party's header, a marked table and a signature block", async () => {
    for (const name of ["sinh-hoat-chi-bo", "dang-phi", "so-lieu-thon", "ket-nap", "xep-loai", "co-so-du-lieu-thon"]) {
      expect(layoutFile(name)).toBe(`${LAYOUT_DIR}/${name}.xlsx`);
      const ws = (await loadWorkbook(await readLayout(layoutFile(name)))).worksheets[0]!;
      const all: string[] = [];
      ws.eachRow((row) => row.eachCell((cell) => void (typeof cell.value === "string" && all.push(cell.value))));
      expect(all).toEqual(expect.arrayContaining(["{{upper}}", "{{issuer}}", "{{number}}", "ĐẢNG CỘNG SẢN VIỆT NAM", "{{place_date}}", "{{row.name}}", "{{subtotal.name}}", "{{total.name}}", "{{sign_for}}", "{{sign_name}}", "Nơi nhận:"]));
    }
    expect(() => layoutFile("../../etc/passwd")).toThrow();
  });
});
