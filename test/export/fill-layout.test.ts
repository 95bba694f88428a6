import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { fillLayout, layoutFile, LAYOUT_DIR, readLayout } from "../../src/export/province-layout.js";
import { loadWorkbook } from "../support/xlsx.js";

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
    expect(ws.getCell("A2").value).toBe("'=HYPERLINK(\"http://x\")");
    expect(ws.getCell("B2").value).toBe("'@SUM(A1)");
    expect(ws.getCell("A2").formula).toBeUndefined();
    await expect(fillLayout(await layout((ws) => void (ws.getCell("A1").value = "{{issuer}}")), { fields: {}, rows: [] })).rejects.toMatchObject({ code: "invalid_input", args: { reason: "layout_without_table_row" } });
    const apart = await layout((ws) => {
      ws.getRow(2).values = ["{{row.name}}"];
      ws.getRow(4).values = ["{{total.name}}"];
    });
    await expect(fillLayout(apart, { fields: {}, rows: [] })).rejects.toMatchObject({ args: { reason: "layout_table_rows_apart" } });
  });

  it("ships a layout per form, each with the party's header, a marked table and a signature block", async () => {
    for (const name of ["sinh-hoat-chi-bo", "dang-phi", "so-lieu-thon", "ket-nap", "xep-loai"]) {
      expect(layoutFile(name)).toBe(`${LAYOUT_DIR}/${name}.xlsx`);
      const ws = (await loadWorkbook(await readLayout(layoutFile(name)))).worksheets[0]!;
      const all: string[] = [];
      ws.eachRow((row) => row.eachCell((cell) => void (typeof cell.value === "string" && all.push(cell.value))));
      expect(all).toEqual(expect.arrayContaining(["{{upper}}", "{{issuer}}", "ĐẢNG CỘNG SẢN VIỆT NAM", "{{place_date}}", "{{row.name}}", "{{subtotal.name}}", "{{total.name}}", "{{sign_for}}", "{{sign_name}}", "Nơi nhận:"]));
    }
    expect(() => layoutFile("../../etc/passwd")).toThrow();
  });
});
