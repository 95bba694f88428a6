import { existsSync } from "node:fs";
import { readFile, stat } from "node:fs/promises";
import { join } from "node:path";
import type ExcelJSModule from "exceljs";
import { ChiboError } from "../domain/errors.js";
import { PACKAGE_ROOT } from "../package-root.js";
import { checkXlsx } from "../services/xlsx-guard.js";
import { neutralizeFormula } from "./safe-cell.js";

/**
 * The province's layouts: XLSX files an office can edit in Excel, filled here. A layout holds
 *
 * - `{{name}}` placeholders anywhere outside the table (header block, title, period, signature block),
 *   replaced by the text of `fields.name`;
 * - the table's marked rows: a row holding `{{row.KEY}}` cells is repeated once per item; optional rows
 *   holding `{{subtotal.KEY}}` and `{{total.KEY}}` give the look of subtotal and total rows (else the
 *   item row's, in bold). The marked rows must be next to each other; what is below them moves down.
 *
 * A cell that is exactly one placeholder takes the value as is (a number stays a number and keeps the
 * layout's number format); a placeholder inside text is replaced as text. Every text written is made
 * safe (no live formula from what people typed); a placeholder the data does not know is left empty.
 */
export type LayoutValue = string | number | Date | null;

export interface LayoutRow {
  kind: "item" | "subtotal" | "total";
  values: Record<string, LayoutValue>;
}

export interface LayoutData {
  /** Texts for the `{{name}}` placeholders outside the table. */
  fields: Record<string, string>;
  rows: readonly LayoutRow[];
}

/** The folder of the layouts shipped with chibo (templates/bao-cao/). */
export const LAYOUT_DIR = join(PACKAGE_ROOT, "templates", "bao-cao");
/** A layout is a small file: a larger one is refused before it is read. */
export const LAYOUT_MAX_BYTES = 2 * 1024 * 1024;
const LAYOUT_LIMITS = { maxUnpackedBytes: 20 * 1024 * 1024, maxRows: 2_000 };

const PLACEHOLDER = /\{\{\s*([a-zA-Z_][\w.]*)\s*\}\}/g;
const MARKED = /\{\{\s*(row|subtotal|total)\.[\w]+\s*\}\}/;
const ONLY_PLACEHOLDER = /^\s*\{\{\s*([a-zA-Z_][\w.]*)\s*\}\}\s*$/;

/** The folder where an office puts its own layouts: `mau-bao-cao/` in the data folder. */
export const OWN_LAYOUTS_DIR = "mau-bao-cao";

let ownLayouts: string | undefined;

/** Where this process finds the office's own layouts (set once at start from DATA_DIR: see app.ts). */
export function useOwnLayouts(dir: string | undefined): void {
  ownLayouts = dir;
}

/**
 * The file of a layout by name (`dang-phi` → dang-phi.xlsx): the office's own copy in `overrideDir`
 * (by default the data folder's `mau-bao-cao/`) when there is one, else the one shipped with chibo.
 */
export function layoutFile(name: string, overrideDir: string | undefined = ownLayouts): string {
  if (!/^[a-z0-9-]{1,60}$/.test(name)) throw new ChiboError("invalid_input", { layout: name });
  if (overrideDir) {
    const own = join(overrideDir, `${name}.xlsx`);
    if (existsSync(own)) return own;
  }
  return join(LAYOUT_DIR, `${name}.xlsx`);
}

/** A layout's bytes, bounded before they are read and checked as a zip before exceljs opens them. */
export async function readLayout(path: string): Promise<Buffer> {
  const size = (await stat(path)).size;
  if (size > LAYOUT_MAX_BYTES) throw new ChiboError("invalid_input", { layout: path, reason: "too_large" });
  const bytes = await readFile(path);
  const problem = checkXlsx(bytes, LAYOUT_LIMITS);
  if (problem) throw new ChiboError("invalid_input", { layout: path, reason: "unreadable" });
  return bytes;
}

type Cell = ExcelJSModule.Cell;
type Worksheet = ExcelJSModule.Worksheet;

interface MarkedRow {
  number: number;
  height: number | undefined;
  cells: { col: number; value: ExcelJSModule.CellValue; style: Partial<ExcelJSModule.Style> }[];
}

function textOf(value: ExcelJSModule.CellValue): string | null {
  if (typeof value === "string") return value;
  if (value && typeof value === "object" && "richText" in value) return value.richText.map((r) => r.text).join("");
  return null;
}

function safe(value: LayoutValue): LayoutValue {
  return typeof value === "string" ? neutralizeFormula(value) : value;
}

function asText(value: LayoutValue | undefined): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return String(value);
}

/** A template cell's value filled from `lookup` (a key → value, undefined when unknown). */
function fillValue(template: ExcelJSModule.CellValue, lookup: (key: string) => LayoutValue | undefined): ExcelJSModule.CellValue {
  const text = textOf(template);
  if (text === null || !text.includes("{{")) return template;
  const only = ONLY_PLACEHOLDER.exec(text);
  if (only) return safe(lookup(only[1] as string) ?? null);
  const filled = text.replace(PLACEHOLDER, (_, key: string) => asText(lookup(key)));
  // The layout's own text ("- {{recipient}}") is the office's; only a value that opens the cell is checked.
  return /^\s*\{\{/.test(text) ? safe(filled) : filled;
}

function markedRows(sheet: Worksheet): Map<LayoutRow["kind"], MarkedRow> {
  const found = new Map<LayoutRow["kind"], MarkedRow>();
  sheet.eachRow({ includeEmpty: false }, (row, number) => {
    let kind: string | null = null;
    row.eachCell({ includeEmpty: false }, (cell) => {
      const m = MARKED.exec(textOf(cell.value) ?? "");
      if (m) kind = m[1] as string;
    });
    if (!kind) return;
    const cells: MarkedRow["cells"] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => cells.push({ col, value: cell.value, style: structuredClone(cell.style) }));
    const item = kind === "row" ? "item" : (kind as LayoutRow["kind"]);
    if (!found.has(item)) found.set(item, { number, height: row.height, cells });
  });
  return found;
}

interface Range {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

function mergesOf(sheet: Worksheet): Range[] {
  return (sheet.model.merges ?? []).map((ref) => {
    const [a, b] = ref.split(":") as [string, string];
    const tl = sheet.getCell(a);
    const br = sheet.getCell(b ?? a);
    return { top: Number(tl.row), left: Number(tl.col), bottom: Number(br.row), right: Number(br.col) };
  });
}

/** Replace `{{name}}` placeholders in every cell outside the table. */
function fillFields(sheet: Worksheet, fields: Record<string, string>): void {
  sheet.eachRow({ includeEmpty: false }, (row) => {
    row.eachCell({ includeEmpty: false }, (cell: Cell) => {
      if (cell.isMerged && cell.master !== cell) return;
      const text = textOf(cell.value);
      if (text === null || !text.includes("{{") || MARKED.test(text)) return;
      cell.value = fillValue(cell.value, (key) => fields[key]);
    });
  });
}

/**
 * Fill a layout: the fields into its placeholders and the rows into its marked table rows. Throws
 * `invalid_input` when the layout has no `{{row.…}}` row or its marked rows are not next to each other.
 */
export async function fillLayout(layout: Uint8Array, data: LayoutData): Promise<Uint8Array> {
  // Loaded on first use: ExcelJS is heavy, and most chibo processes never write a workbook.
  const { default: ExcelJS } = (await import("exceljs")) as { default: typeof ExcelJSModule };
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(layout) as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  const sheet = workbook.worksheets.find((ws) => markedRows(ws).has("item"));
  if (!sheet) throw new ChiboError("invalid_input", { reason: "layout_without_table_row" });
  const marked = markedRows(sheet);
  const numbers = [...marked.values()].map((m) => m.number).sort((a, b) => a - b);
  const first = numbers[0] as number;
  const last = numbers[numbers.length - 1] as number;
  if (last - first + 1 !== numbers.length) throw new ChiboError("invalid_input", { reason: "layout_table_rows_apart" });
  fillFields(sheet, data.fields);

  // exceljs moves cells but not merged ranges: those below the table are taken apart and merged again.
  const shift = data.rows.length - numbers.length;
  const below = mergesOf(sheet).filter((m) => m.top > last);
  for (const m of below) sheet.unMergeCells(m.top, m.left, m.bottom, m.right);

  const item = marked.get("item") as MarkedRow;
  const rowValues = data.rows.map((r) => {
    const template = marked.get(r.kind) ?? item;
    const values: ExcelJSModule.CellValue[] = [];
    for (const c of template.cells) {
      values[c.col] = fillValue(c.value, (key) => {
        const dot = key.indexOf(".");
        return dot > 0 ? r.values[key.slice(dot + 1)] : data.fields[key];
      });
    }
    return values;
  });
  sheet.spliceRows(first, numbers.length, ...rowValues);
  data.rows.forEach((r, i) => {
    const template = marked.get(r.kind) ?? item;
    const row = sheet.getRow(first + i);
    if (template.height !== undefined) row.height = template.height;
    for (const c of template.cells) {
      const cell = row.getCell(c.col);
      cell.style = structuredClone(c.style);
      if (!marked.has(r.kind)) cell.font = { ...(c.style.font ?? {}), bold: true };
    }
  });
  for (const m of below) sheet.mergeCells(m.top + shift, m.left, m.bottom + shift, m.right);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
