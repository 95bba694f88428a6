import { readFile, stat } from "node:fs/promises";
import { extname } from "node:path";
import { parse } from "csv-parse/sync";
import type ExcelJS from "exceljs";
import type { RawCell, RawRow, RawTable } from "../domain/import/table.js";
import { checkXlsx } from "./xlsx-guard.js";

const MB = 1024 * 1024;

/**
 * What an import may hold, checked before it is read: 20 MB on disk (70,000 members fit in a few MB),
 * 100 MB unpacked for an XLSX, 100,000 rows. A 50 MB CSV took 884 MB to parse, a zip bomb 1.8 GB.
 */
export const IMPORT_LIMITS = { maxFileBytes: 20 * MB, maxUnpackedBytes: 100 * MB, maxRows: 100_000 } as const;

export type ImportFileCode = "unsupported" | "unreadable" | "not_excel" | "not_found" | "empty" | "too_large" | "unpacked_too_large" | "too_many_rows" | "bad_quote";

/**
 * Why a file could not be read at all; maps to the Fluent message `import-file-<code>` with `args`
 * (the limit in MB or rows, the line of a broken quote).
 */
export class ImportFileError extends Error {
  constructor(
    readonly code: ImportFileCode,
    readonly args: Record<string, number> = {},
  ) {
    super(`import file: ${code}`);
    this.name = "ImportFileError";
  }
}

export interface ReadTable {
  table: RawTable;
  format: "xlsx" | "csv";
  /** The CSV's text encoding when it was not UTF-8 (Excel's "CSV" on Vietnamese Windows writes windows-1258). */
  encoding?: "windows-1258";
}

/**
 * Read a spreadsheet file into rows of cells, by extension: `.xlsx` (first sheet) or `.csv`
 * (UTF-8 with or without BOM, or windows-1258; `,` `;` or tab separated; quoted fields).
 *
 * @example const { table } = await readTableFile("dang-vien.xlsx")
 */
export async function readTableFile(path: string): Promise<ReadTable> {
  const ext = extname(path).toLowerCase();
  if (ext !== ".xlsx" && ext !== ".csv") throw new ImportFileError("unsupported");
  let bytes: Buffer;
  try {
    // The size is checked before a byte is read.
    const size = (await stat(path)).size;
    if (size > IMPORT_LIMITS.maxFileBytes) throw tooLarge(size);
    bytes = await readFile(path);
  } catch (error) {
    if (error instanceof ImportFileError) throw error;
    throw new ImportFileError((error as NodeJS.ErrnoException).code === "ENOENT" ? "not_found" : "unreadable");
  }
  return readTableBytes(bytes, ext === ".xlsx" ? "xlsx" : "csv");
}

function tooLarge(size: number): ImportFileError {
  return new ImportFileError("too_large", { size: Math.ceil(size / MB), max: IMPORT_LIMITS.maxFileBytes / MB });
}

/**
 * Read a spreadsheet already in memory (a file sent in the chat), with the same limits as a file on
 * disk: its size, an XLSX's unpacked size and rows (from the zip's directory, before exceljs expands
 * it), a CSV's rows.
 */
export async function readTableBytes(bytes: Buffer, format: "xlsx" | "csv"): Promise<ReadTable> {
  if (bytes.length === 0) throw new ImportFileError("empty");
  if (bytes.length > IMPORT_LIMITS.maxFileBytes) throw tooLarge(bytes.length);
  if (format === "csv") return { ...readCsv(bytes), format: "csv" };
  const problem = checkXlsx(bytes, IMPORT_LIMITS);
  if (problem?.code === "unreadable") throw new ImportFileError("unreadable");
  if (problem?.code === "unpacked_too_large") throw new ImportFileError("unpacked_too_large", { max: IMPORT_LIMITS.maxUnpackedBytes / MB });
  if (problem?.code === "too_many_rows") throw new ImportFileError("too_many_rows", { max: IMPORT_LIMITS.maxRows });
  return { table: await readXlsx(bytes), format: "xlsx" };
}

/**
 * The line where a quote opens that is never closed, as a spreadsheet counts lines (the parser
 * reports where the file ended instead). A quote counts only at the start of a field, as the
 * parser's relaxed quoting reads it.
 */
export function unclosedQuoteLine(text: string, delimiter: string): number | null {
  let line = 1;
  let openedAt = 0;
  let inQuotes = false;
  let fieldStart = true;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (inQuotes) {
      if (ch === '"') {
        if (text[i + 1] === '"') i++;
        else inQuotes = false;
      } else if (ch === "\n") line++;
      continue;
    }
    if (ch === '"' && fieldStart) {
      inQuotes = true;
      openedAt = line;
    }
    fieldStart = ch === delimiter || ch === "\n" || ch === "\r";
    if (ch === "\n") line++;
  }
  return inQuotes ? openedAt : null;
}

/** Decode CSV bytes: UTF-8 (BOM or not) when valid, else the Vietnamese Windows code page. */
export function decodeCsv(bytes: Uint8Array): { text: string; encoding?: "windows-1258" } {
  try {
    return { text: new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes) };
  } catch {
    // windows-1258 writes tone marks as combining characters: compose them back.
    return { text: new TextDecoder("windows-1258").decode(bytes).normalize("NFC"), encoding: "windows-1258" };
  }
}

/** The separator used in the first lines, outside quotes: the one that occurs most. */
export function detectDelimiter(text: string): "," | ";" | "\t" {
  const counts = { ",": 0, ";": 0, "\t": 0 };
  let inQuotes = false;
  let lines = 0;
  for (const ch of text) {
    if (ch === '"') inQuotes = !inQuotes;
    else if (!inQuotes && ch === "\n" && ++lines >= 10) break;
    else if (!inQuotes && (ch === "," || ch === ";" || ch === "\t")) counts[ch]++;
  }
  const best = (Object.entries(counts) as [keyof typeof counts, number][]).sort((a, b) => b[1] - a[1])[0]!;
  return best[1] > 0 ? best[0] : ",";
}

/** Parse CSV bytes into rows; each row's line is its row number as a spreadsheet shows it. */
export function readCsv(bytes: Uint8Array): { table: RawTable; encoding?: "windows-1258" } {
  const { text, encoding } = decodeCsv(bytes);
  const body = text.replace(/^\uFEFF/, "");
  const delimiter = detectDelimiter(body);
  const brokenAt = unclosedQuoteLine(body, delimiter);
  if (brokenAt !== null) throw new ImportFileError("bad_quote", { line: brokenAt });
  let records: { record: string[]; info: { records: number } }[];
  try {
    records = parse(body, {
      delimiter,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
      info: true,
      // One record past the limit is enough to refuse: the rest is never parsed.
      to: IMPORT_LIMITS.maxRows + 1,
    }) as unknown as { record: string[]; info: { records: number } }[];
  } catch {
    throw new ImportFileError("unreadable");
  }
  if (records.length > IMPORT_LIMITS.maxRows) throw new ImportFileError("too_many_rows", { max: IMPORT_LIMITS.maxRows });
  const rows: RawRow[] = records.map(({ record, info }) => ({ line: info.records, cells: record }));
  return encoding ? { table: { rows }, encoding } : { table: { rows } };
}

/** Read the first worksheet that has data. */
export async function readXlsx(bytes: Buffer): Promise<RawTable> {
  // Loaded on first use: ExcelJS is heavy, and most chibo processes never read a workbook.
  const { default: Excel } = (await import("exceljs")) as { default: typeof ExcelJS };
  const workbook = new Excel.Workbook();
  try {
    // exceljs's typings predate Node's generic Buffer.
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new ImportFileError("unreadable");
  }
  // Excel always writes at least one sheet: a zip without any is another Office file renamed .xlsx (a .docx).
  if (workbook.worksheets.length === 0) throw new ImportFileError("not_excel");
  const sheet = workbook.worksheets.find((ws) => ws.state !== "hidden" && ws.actualRowCount > 0) ?? workbook.worksheets[0];
  if (!sheet) throw new ImportFileError("empty");
  const rows: RawRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: RawCell[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      cells[col - 1] = cellValue(cell.value);
    });
    for (let i = 0; i < cells.length; i++) cells[i] ??= null;
    rows.push({ line: rowNumber, cells });
  });
  return { rows };
}

/** An exceljs cell value as plain data: rich text joined, formulas by their result, links by their text. */
function cellValue(value: ExcelJS.CellValue): RawCell {
  if (value === null || value === undefined) return null;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean" || value instanceof Date) return value;
  if (typeof value === "object") {
    if ("richText" in value) return value.richText.map((r) => r.text).join("");
    if ("formula" in value || "sharedFormula" in value) return cellValue((value as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
    if ("hyperlink" in value) return cellValue((value as ExcelJS.CellHyperlinkValue).text as ExcelJS.CellValue);
    if ("error" in value) return String((value as ExcelJS.CellErrorValue).error);
  }
  return null;
}
