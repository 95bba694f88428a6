import type ExcelJSModule from "exceljs";
import type { FieldDefinition } from "../domain/forms/form-definition.js";
import { displayValue } from "../domain/forms/display-value.js";
import { periodParts } from "../domain/forms/period.js";
import { formatDateVi, localDate } from "../domain/time.js";
import type { ReportTable, ReportTableRow } from "../services/export.service.js";
import { neutralizeFormula, xlsxValue } from "./safe-cell.js";

/** Translates a message id (Vietnamese for offices' files). */
export type Translate = (id: string, args?: Record<string, string | number>) => string;

const DATE_FORMAT = "dd/mm/yyyy";
const FIXED_COLUMNS = 5; // STT, commune, cell, status, sent on

export function periodTitle(t: Translate, period: string): string {
  const p = periodParts(period);
  return t(`period-${p.kind}`, { index: p.index, year: String(p.year) });
}

function cellValue(field: FieldDefinition, value: unknown, t: Translate): string | number | Date | null {
  if (value === undefined || value === null) return null;
  switch (field.type) {
    case "date":
      return typeof value === "string" ? new Date(`${value}T00:00:00Z`) : null;
    case "bool":
      return t(value ? "yes" : "no");
    case "enum":
      return field.key === "kind" ? t(`kind-${String(value)}`) : String(value);
    case "text_list":
      return Array.isArray(value) ? value.join("; ") : String(value);
    // "Hoàng Văn Thắng (đi làm ăn xa); Lý Thị Mai (ốm)", "Thu đảng phí — Nông Văn Quý — 15/10/2025": as chat shows them.
    case "absentees":
    case "resolutions":
      return Array.isArray(value) && value.length > 0 ? displayValue(field, value, t) : null;
    case "int":
    case "money":
    case "decimal":
      return typeof value === "number" ? value : null;
    default:
      return String(value);
  }
}

function headers(table: ReportTable, t: Translate): string[] {
  return [t("export-col-no"), t("export-col-commune"), t("export-col-cell"), t("export-col-status"), t("export-col-sent"), ...table.fields.map((f) => t(`field-${f.key}`))];
}

/**
 * The status words of the roll-up (`rollupStatusTexts` in rollup-workbook.ts): a cell's standing with its
 * lateness ("Đã báo cáo, nộp muộn 1 ngày") and the total's count, the same words as the province layout.
 */
export interface StatusTexts {
  cells: ReadonlyMap<number, string>;
  total: string;
}

/** A row's status: the roll-up's words, except a report being changed or a draft (and pipeline counts), which say so. */
function statusOf(row: ReportTableRow, t: Translate, statuses: StatusTexts | undefined): string {
  const own = t(`export-status-${row.status}`);
  if (row.status === "reopened" || row.status === "draft" || row.status === "pipeline") return own;
  return statuses?.cells.get(row.cellId) ?? own;
}

function rowValues(table: ReportTable, row: ReportTableRow, index: number, t: Translate, statuses?: StatusTexts): (string | number | Date | null)[] {
  return [
    index + 1,
    row.communeName ?? "",
    row.cellName,
    statusOf(row, t, statuses),
    row.submittedAt ? new Date(`${localDate(row.submittedAt)}T00:00:00Z`) : null,
    ...table.fields.map((f) => cellValue(f, row.values[f.key], t)),
  ];
}

/**
 * The office's spreadsheet: title rows naming the form, organization and period, Vietnamese column
 * titles, one row per cell (those that sent nothing included), a totals row, dates as dd/mm/yyyy.
 */
export async function reportXlsx(table: ReportTable, t: Translate, exportedOn: string): Promise<Uint8Array> {
  // Loaded on first use: ExcelJS is heavy, and most chibo processes never write a workbook.
  const { default: ExcelJS } = (await import("exceljs")) as { default: typeof ExcelJSModule };
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "chibo";
  const sheet = workbook.addWorksheet(t("export-sheet-name"), { views: [{ state: "frozen", ySplit: 6 }] });
  const columns = headers(table, t);
  sheet.addRow([t(`form-${table.form}`).toUpperCase()]).font = { bold: true, size: 14 };
  sheet.addRow([table.orgName]).font = { bold: true };
  sheet.addRow([periodTitle(t, table.period)]);
  sheet.addRow([t("export-exported-on", { date: formatDateVi(exportedOn) })]);
  sheet.addRow([]);
  const headerRow = sheet.addRow(columns);
  headerRow.font = { bold: true };
  headerRow.alignment = { wrapText: true, vertical: "middle" };
  headerRow.eachCell((cell) => {
    cell.border = { top: { style: "thin" }, bottom: { style: "thin" }, left: { style: "thin" }, right: { style: "thin" } };
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFE8EEF7" } };
  });
  // Text as plain string cells (never formulas); the apostrophe guard is CSV's only (csvField).
  table.rows.forEach((row, i) => sheet.addRow(rowValues(table, row, i, t).map(xlsxValue)));
  const reported = table.rows.filter((r) => r.status !== "missing").length;
  const totals = sheet.addRow([
    "",
    "",
    t("export-total"),
    t("export-reported-count", { reported, total: table.rows.length }),
    null,
    ...table.fields.map((f) => (table.totals[f.key] !== undefined ? table.totals[f.key] : null)),
  ]);
  totals.font = { bold: true };
  sheet.getColumn(5).numFmt = DATE_FORMAT;
  table.fields.forEach((f, i) => {
    const column = sheet.getColumn(FIXED_COLUMNS + i + 1);
    if (f.type === "date") column.numFmt = DATE_FORMAT;
    if (f.type === "money") column.numFmt = "#,##0";
  });
  sheet.columns.forEach((column, i) => {
    column.width = i === 0 ? 6 : i <= 2 ? 30 : 16;
  });
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

function csvField(value: string | number | Date | null): string {
  if (value === null) return "";
  // Only typed text is neutralized: a number of ours ("-1" never occurs, counts are not negative) stays a number.
  const text = value instanceof Date ? formatDateVi(value.toISOString().slice(0, 10)) : typeof value === "string" ? neutralizeFormula(value) : String(value);
  return /[";\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The same table as CSV: UTF-8 with a byte-order mark and `;` separators, which Excel set to
 * Vietnamese (decimal comma) opens as columns; the title rows come first. With `statuses` (the
 * roll-up's), the status column and the total's count read as the province layout's do.
 */
export function reportCsv(table: ReportTable, t: Translate, exportedOn: string, statuses?: StatusTexts): string {
  const lines: (string | number | Date | null)[][] = [
    [t(`form-${table.form}`).toUpperCase()],
    [table.orgName],
    [periodTitle(t, table.period)],
    [t("export-exported-on", { date: formatDateVi(exportedOn) })],
    [],
    headers(table, t),
    ...table.rows.map((row, i) => rowValues(table, row, i, t, statuses)),
    ["", "", t("export-total"), statuses?.total ?? t("export-reported-count", { reported: table.rows.filter((r) => r.status !== "missing").length, total: table.rows.length }), null, ...table.fields.map((f) => table.totals[f.key] ?? null)],
  ];
  return `\uFEFF${lines.map((l) => l.map(csvField).join(";")).join("\r\n")}\r\n`;
}
