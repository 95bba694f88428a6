import type ExcelJSModule from "exceljs";
import { xlsxValue } from "./safe-cell.js";

/** One sheet of the person's own data: a title and rows of plain text cells. */
export interface DataSheet {
  name: string;
  header: string[];
  rows: (string | number | null)[][];
}

/**
 * The person's own data as an XLSX file, one sheet per section. Every value is written as plain data
 * (a string cell for text): reasons and notes typed by people never become formulas, and a phone
 * number `+84…` shows as typed, with no apostrophe.
 */
export async function personalDataXlsx(sheets: DataSheet[]): Promise<Uint8Array> {
  // Loaded on first use: ExcelJS is heavy, and most chibo processes never write a workbook.
  const { default: ExcelJS } = (await import("exceljs")) as { default: typeof ExcelJSModule };
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "chibo";
  for (const sheet of sheets) {
    const ws = workbook.addWorksheet(sheet.name.slice(0, 31));
    ws.addRow(sheet.header).font = { bold: true };
    for (const row of sheet.rows) ws.addRow(row.map((v) => xlsxValue(v) ?? ""));
    ws.columns.forEach((c) => (c.width = 24));
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
