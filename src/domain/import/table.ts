import { pad2 } from "../time.js";

/** A cell as read from CSV (always text) or XLSX (text, number, boolean or date). */
export type RawCell = string | number | boolean | Date | null;

export interface RawRow {
  /** 1-based line (CSV, counting multi-line quoted fields as the file does) or sheet row number. */
  line: number;
  cells: RawCell[];
}

/** A sheet or CSV file as rows of cells, before any header is known. */
export interface RawTable {
  rows: RawRow[];
}

/** Whether a cell holds nothing (null, or only spaces). */
export function isBlank(cell: RawCell | undefined): boolean {
  return cell === null || cell === undefined || (typeof cell === "string" && cell.trim() === "");
}

/** A cell as the office would read it, for error messages: text trimmed, dates dd/mm/yyyy, cut at 40 chars. */
export function displayCell(cell: RawCell | undefined): string {
  let text: string;
  if (cell === null || cell === undefined) text = "";
  else if (cell instanceof Date) {
    text = Number.isNaN(cell.getTime()) ? "?" : `${pad2(cell.getUTCDate())}/${pad2(cell.getUTCMonth() + 1)}/${cell.getUTCFullYear()}`;
  } else text = String(cell).trim();
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}
