import { existsSync } from "node:fs";
import { readFile, stat } from "node:fs/promises";
import { basename, join } from "node:path";
import type ExcelJSModule from "exceljs";
import { ChiboError } from "../domain/errors.js";
import { PACKAGE_ROOT } from "../package-root.js";
import { checkXlsx } from "../services/xlsx-guard.js";
import { xlsxValue } from "./safe-cell.js";

/**
 * The province's layouts: XLSX files an office can edit in Excel, filled here. A layout holds
 *
 * - `{{name}}` placeholders anywhere outside the table (header block, title, period, signature block),
 *   replaced by the text of `fields.name`;
 * - the table's marked rows: a row holding `{{row.KEY}}` cells is repeated once per item; optional rows
 *   holding `{{subtotal.KEY}}` and `{{total.KEY}}` give the look of subtotal and total rows (else the
 *   item row's, in bold). The marked rows must be next to each other; what is below them moves down.
 *
 * A layout may hold further tables, on the same sheet or others: their rows are marked
 * `{{row.TABLE.KEY}}` (and `{{subtotal.TABLE.KEY}}`, `{{total.TABLE.KEY}}`), filled from `tables[TABLE]`.
 * A named table the office leaves out is simply not written; the main `{{row.…}}` table must be there.
 *
 * Changes since the period before: a cell whose key a row lists in `changed` takes the look of the
 * layout's `{{style.changed}}` cell (its fill, and its font's colour, bold, italic, underline and
 * strike-through; the table's font name and size stay) with the old value as a note; a row marked
 * `added` takes that look in every cell, a row marked `left` the look of the `{{style.left}}` cell.
 * The legend cells keep the rest of their text ("{{style.changed}} Thay đổi so với quý trước" shows
 * "Thay đổi so với quý trước" in that look). A sheet's own legend cell wins over another sheet's; a
 * layout with none marks changes pale yellow and leavers struck through.
 *
 * A cell that is exactly one placeholder takes the value as is (a number stays a number and keeps the
 * layout's number format); a placeholder inside text is replaced as text. Every text written is a plain
 * string cell (no live formula from what people typed, and no apostrophe added); a placeholder the data
 * does not know is left empty.
 */
export type LayoutValue = string | number | Date | null;

export interface LayoutRow {
  kind: "item" | "subtotal" | "total";
  values: Record<string, LayoutValue>;
  /** Keys whose value changed since the period before, each with the note its cell gets (null: none). */
  changed?: Record<string, string | null>;
  /** A row new since the period before (every cell in the changed look) or one that left (the left look). */
  mark?: "added" | "left";
}

export interface LayoutData {
  /** Texts for the `{{name}}` placeholders outside the tables. */
  fields: Record<string, string>;
  /** The main table: the `{{row.KEY}}` rows. */
  rows: readonly LayoutRow[];
  /** Further tables by name: the `{{row.NAME.KEY}}` rows. */
  tables?: Record<string, readonly LayoutRow[]>;
}

/** The folder of the layouts shipped with chibo (templates/bao-cao/). */
export const LAYOUT_DIR = join(PACKAGE_ROOT, "templates", "bao-cao");
/** A layout is a small file: a larger one is refused before it is read. */
export const LAYOUT_MAX_BYTES = 2 * 1024 * 1024;
const LAYOUT_LIMITS = { maxUnpackedBytes: 20 * 1024 * 1024, maxRows: 2_000 };

const PLACEHOLDER = /\{\{\s*([a-zA-Z_][\w.]*)\s*\}\}/g;
/** A table cell: `{{row.KEY}}` of the main table, `{{row.TABLE.KEY}}` of a named one. */
const MARKED = /\{\{\s*(row|subtotal|total)\.(?:([a-zA-Z_]\w*)\.)?(\w+)\s*\}\}/;
const TABLE_KEY = /^(?:row|subtotal|total)\.(?:[a-zA-Z_]\w*\.)?(\w+)$/;
const ONLY_PLACEHOLDER = /^\s*\{\{\s*([a-zA-Z_][\w.]*)\s*\}\}\s*$/;
const LOOK_MARK = /\{\{\s*style\.(changed|left)\s*\}\}/g;

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

/**
 * What is wrong with an office's layout, in words: the file to fix and why, with the guide to read
 * (`export-layout-invalid`); undefined for any other error, which the caller rethrows. Every export
 * from a layout (`/xuat`, `/hosothon`, `chibo export`) answers a broken layout this way. The file is
 * named by `file`: its base name in chat (not the server's path), the full path for the CLI.
 *
 * @example layoutProblem(error, ctx.t) // "Mẫu báo cáo ket-nap.xlsx không dùng được: không có dòng …"
 */
export function layoutProblem(
  error: unknown,
  t: (id: string, args?: Record<string, string | number>) => string,
  file: (path: string) => string = basename,
): string | undefined {
  if (!(error instanceof ChiboError) || error.code !== "invalid_input") return undefined;
  const { layout, reason } = error.args;
  if (layout === undefined || reason === undefined) return undefined;
  return t("export-layout-invalid", { file: file(String(layout)), reason: t(`export-layout-reason-${String(reason)}`) });
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
type Kind = LayoutRow["kind"];

interface MarkedRow {
  number: number;
  height: number | undefined;
  /** The template's cells, each with the table keys it shows (`{{row.name}}` → name). */
  cells: { col: number; value: ExcelJSModule.CellValue; style: Partial<ExcelJSModule.Style>; keys: string[] }[];
}

/** One table of a sheet: its marked rows by kind ("" is the main table). */
interface Block {
  table: string;
  rows: Map<Kind, MarkedRow>;
}

type LookName = "changed" | "left";
/** What a legend cell lends to the cells it marks: its fill and the emphasis of its font. */
interface Look {
  fill?: ExcelJSModule.Fill;
  font?: Partial<ExcelJSModule.Font>;
}

/** The looks of a layout without legend cells: a pale yellow fill, as offices mark changes by hand; leavers struck through. */
const DEFAULT_LOOKS: Record<LookName, Look> = {
  changed: { fill: { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFF2CC" } } },
  left: { font: { strike: true } },
};
/** The font attributes a look carries; name and size stay the table's, so a legend in another font does not resize it. */
const EMPHASIS = ["color", "bold", "italic", "underline", "strike"] as const;

function textOf(value: ExcelJSModule.CellValue): string | null {
  if (typeof value === "string") return value;
  if (value && typeof value === "object" && "richText" in value) return value.richText.map((r) => r.text).join("");
  return null;
}

/** A value as its cell takes it: text a plain string cell, never a formula (and no apostrophe shown). */
function safe(value: LayoutValue): LayoutValue {
  return xlsxValue(value) as LayoutValue;
}

function asText(value: LayoutValue | undefined): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return String(value);
}

/** An own entry of a record (a layout's `{{constructor}}` is not Object's). */
function own<T>(record: Record<string, T> | undefined, key: string): T | undefined {
  return record && Object.hasOwn(record, key) ? record[key] : undefined;
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

/** The table keys a template cell shows. */
function keysOf(value: ExcelJSModule.CellValue): string[] {
  const text = textOf(value) ?? "";
  return [...text.matchAll(PLACEHOLDER)].map((m) => TABLE_KEY.exec(m[1] as string)?.[1]).filter((k): k is string => k !== undefined);
}

/** The sheet's tables: for each, the first row of each kind (item, subtotal, total). */
function blocksOf(sheet: Worksheet): Block[] {
  const found = new Map<string, Map<Kind, MarkedRow>>();
  sheet.eachRow({ includeEmpty: false }, (row, number) => {
    const marks: { kind: Kind; table: string }[] = [];
    row.eachCell({ includeEmpty: false }, (cell) => {
      const m = MARKED.exec(textOf(cell.value) ?? "");
      if (m) marks.push({ kind: m[1] === "row" ? "item" : (m[1] as Kind), table: m[2] ?? "" });
    });
    const mark = marks[0];
    if (!mark) return;
    const cells: MarkedRow["cells"] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => cells.push({ col, value: cell.value, style: structuredClone(cell.style), keys: keysOf(cell.value) }));
    const rows = found.get(mark.table) ?? new Map<Kind, MarkedRow>();
    found.set(mark.table, rows);
    if (!rows.has(mark.kind)) rows.set(mark.kind, { number, height: row.height, cells });
  });
  return [...found].map(([table, rows]) => ({ table, rows }));
}

function lookOf(cell: Cell): Look {
  const look: Look = {};
  const fill = cell.style.fill;
  if (fill && !(fill.type === "pattern" && fill.pattern === "none")) look.fill = structuredClone(fill);
  const font = cell.style.font;
  const emphasis = Object.fromEntries(EMPHASIS.filter((k) => font?.[k] !== undefined).map((k) => [k, structuredClone(font?.[k])]));
  if (Object.keys(emphasis).length > 0) look.font = emphasis as Partial<ExcelJSModule.Font>;
  return look;
}

/** The sheet's legend cells: their looks, and their text without the `{{style.…}}` marks. */
function takeLooks(sheet: Worksheet): Partial<Record<LookName, Look>> {
  const looks: Partial<Record<LookName, Look>> = {};
  sheet.eachRow({ includeEmpty: false }, (row) => {
    row.eachCell({ includeEmpty: false }, (cell) => {
      if (cell.isMerged && cell.master !== cell) return;
      const text = textOf(cell.value);
      const names = text ? [...text.matchAll(LOOK_MARK)].map((m) => m[1] as LookName) : [];
      if (names.length === 0) return;
      for (const name of names) looks[name] ??= lookOf(cell);
      const rest = (text as string).replace(LOOK_MARK, "").replace(/\s{2,}/g, " ").trim();
      cell.value = rest === "" ? null : rest;
    });
  });
  return looks;
}

/** A style with a look laid over it: the look's fill, its emphasis over the style's font. */
function withLook(style: Partial<ExcelJSModule.Style>, look: Look): Partial<ExcelJSModule.Style> {
  return {
    ...style,
    ...(look.fill ? { fill: structuredClone(look.fill) } : {}),
    ...(look.font ? { font: { ...(style.font ?? {}), ...structuredClone(look.font) } as ExcelJSModule.Font } : {}),
  };
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

/** Replace `{{name}}` placeholders in every cell outside the tables. */
function fillFields(sheet: Worksheet, fields: Record<string, string>): void {
  sheet.eachRow({ includeEmpty: false }, (row) => {
    row.eachCell({ includeEmpty: false }, (cell: Cell) => {
      if (cell.isMerged && cell.master !== cell) return;
      const text = textOf(cell.value);
      if (text === null || !text.includes("{{") || MARKED.test(text)) return;
      cell.value = fillValue(cell.value, (key) => own(fields, key));
    });
  });
}

function rowNumbers(block: Block): number[] {
  return [...block.rows.values()].map((m) => m.number).sort((a, b) => a - b);
}

/** Fill one table: its marked rows replaced by the rows, what is below moved down with its merged cells. */
function fillBlock(sheet: Worksheet, block: Block, rows: readonly LayoutRow[], fields: Record<string, string>, looks: Record<LookName, Look>): void {
  const marked = block.rows;
  const numbers = rowNumbers(block);
  const first = numbers[0] as number;
  const last = numbers[numbers.length - 1] as number;

  // exceljs moves cells but not merged ranges: those below the table are taken apart and merged again.
  const shift = rows.length - numbers.length;
  const below = mergesOf(sheet).filter((m) => m.top > last);
  for (const m of below) sheet.unMergeCells(m.top, m.left, m.bottom, m.right);

  const item = marked.get("item") as MarkedRow;
  const rowValues = rows.map((r) => {
    const template = marked.get(r.kind) ?? item;
    const values: ExcelJSModule.CellValue[] = [];
    for (const c of template.cells) {
      values[c.col] = fillValue(c.value, (key) => {
        const table = TABLE_KEY.exec(key);
        return table ? own(r.values, table[1] as string) : own(fields, key);
      });
    }
    return values;
  });
  sheet.spliceRows(first, numbers.length, ...rowValues);
  // One style object per template cell and look, shared by every cell drawn alike: exceljs writes a
  // shared style once (its writer caches by object), which keeps a province's 20,000-row export fast.
  // Shared, so never changed in place: a cell's look is always a new object from withLook.
  const styles = new Map<string, Partial<ExcelJSModule.Style>>();
  const styleOf = (kind: Kind, c: MarkedRow["cells"][number], look: LookName | null) => {
    const key = `${kind}:${c.col}:${look ?? ""}`;
    let style = styles.get(key);
    if (!style) {
      style = structuredClone(c.style);
      if (!marked.has(kind)) style = { ...style, font: { ...(style.font ?? {}), bold: true } as ExcelJSModule.Font };
      if (look) style = withLook(style, looks[look]);
      styles.set(key, style);
    }
    return style;
  };
  rows.forEach((r, i) => {
    const template = marked.get(r.kind) ?? item;
    const row = sheet.getRow(first + i);
    if (template.height !== undefined) row.height = template.height;
    for (const c of template.cells) {
      const cell = row.getCell(c.col);
      const changed = r.changed ? c.keys.filter((k) => Object.hasOwn(r.changed as object, k)) : [];
      const look = r.mark === "left" ? "left" : r.mark === "added" || changed.length > 0 ? "changed" : null;
      cell.style = styleOf(r.kind, c, look);
      const notes = changed.map((k) => own(r.changed, k)).filter((n): n is string => typeof n === "string" && n !== "");
      if (notes.length > 0) cell.note = notes.join("\n");
    }
  });
  for (const m of below) sheet.mergeCells(m.top + shift, m.left, m.bottom + shift, m.right);
}

/**
 * Fill a layout: the fields into its placeholders and the rows into its marked table rows, changes
 * marked in the layout's looks. Throws `invalid_input` when the layout has no `{{row.…}}` row, a
 * table's marked rows are not next to each other, or a `{{row.NAME.…}}` names a table the data has not.
 */
export async function fillLayout(layout: Uint8Array, data: LayoutData): Promise<Uint8Array> {
  // Loaded on first use: ExcelJS is heavy, and most chibo processes never write a workbook.
  const { default: ExcelJS } = (await import("exceljs")) as { default: typeof ExcelJSModule };
  const workbook = new ExcelJS.Workbook();
  // A zip that passed the checks may still be no workbook ExcelJS can open (parts missing or broken).
  await workbook.xlsx.load(Buffer.from(layout) as unknown as Parameters<typeof workbook.xlsx.load>[0]).catch(() => {
    throw new ChiboError("invalid_input", { reason: "unreadable" });
  });
  const tables = new Map<string, readonly LayoutRow[]>(Object.entries(data.tables ?? {}));
  tables.set("", data.rows);

  const sheets = workbook.worksheets.map((sheet) => ({ sheet, blocks: blocksOf(sheet), looks: takeLooks(sheet) }));
  if (!sheets.some((s) => s.blocks.some((b) => b.table === "" && b.rows.has("item")))) throw new ChiboError("invalid_input", { reason: "layout_without_table_row" });
  for (const { blocks } of sheets) {
    for (const block of blocks) {
      if (!tables.has(block.table)) throw new ChiboError("invalid_input", { reason: "layout_unknown_table", table: block.table });
      if (!block.rows.has("item")) throw new ChiboError("invalid_input", { reason: "layout_without_table_row", table: block.table });
      const numbers = rowNumbers(block);
      if ((numbers[numbers.length - 1] as number) - (numbers[0] as number) + 1 !== numbers.length) throw new ChiboError("invalid_input", { reason: "layout_table_rows_apart" });
    }
  }
  const bookLook = (name: LookName): Look => sheets.find((s) => s.looks[name])?.looks[name] ?? DEFAULT_LOOKS[name];
  for (const { sheet, blocks, looks } of sheets) {
    fillFields(sheet, data.fields);
    const sheetLooks = { changed: looks.changed ?? bookLook("changed"), left: looks.left ?? bookLook("left") };
    // From the bottom up, so filling a table never moves one still to fill.
    const bottomUp = [...blocks].sort((a, b) => (rowNumbers(b)[0] as number) - (rowNumbers(a)[0] as number));
    for (const block of bottomUp) fillBlock(sheet, block, tables.get(block.table) as readonly LayoutRow[], data.fields, sheetLooks);
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
