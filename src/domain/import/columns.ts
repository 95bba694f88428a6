import { fold } from "../text/fold.js";
import type { ImportIssue } from "./issues.js";
import { isBlank, type RawTable } from "./table.js";

/** A column the import understands: its canonical Vietnamese header and the other ways offices write it. */
export interface ColumnSpec<K extends string = string> {
  key: K;
  header: string;
  aliases: readonly string[];
  required: boolean;
}

/** Where the header row is and which file column holds each known key. */
export interface HeaderMatch<K extends string> {
  headerLine: number;
  headerIndex: number;
  columns: Map<K, { index: number; header: string }>;
  /** Headers the import does not store (e.g. STT, CCCD, notes), as written. */
  ignored: string[];
}

/** Header rows are looked for among the first rows: office files often start with a title block. */
const HEADER_SEARCH_ROWS = 20;

/** A header reduced to its letters and digits, without diacritics or case: "Mã đơn vị (*)" → "ma don vi". */
export function headerKey(text: string): string {
  return fold(text.normalize("NFC"))
    .replace(/\(\*\)|\*/g, " ")
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

function specFor<K extends string>(specs: readonly ColumnSpec<K>[], header: string): ColumnSpec<K> | undefined {
  const key = headerKey(header);
  if (!key) return undefined;
  return specs.find((s) => headerKey(s.header) === key || s.aliases.some((a) => headerKey(a) === key));
}

/**
 * Find the header row (the first row, within the first 20, naming most known columns) and map each
 * known column to its position.
 */
export function matchHeaders<K extends string>(table: RawTable, specs: readonly ColumnSpec<K>[]): { match: HeaderMatch<K> | null; issues: ImportIssue[] } {
  let best: { index: number; count: number } | null = null;
  table.rows.slice(0, HEADER_SEARCH_ROWS).forEach((row, index) => {
    const count = row.cells.filter((c) => typeof c === "string" && specFor(specs, c)).length;
    if (count >= 2 && (!best || count > best.count)) best = { index, count };
  });
  const found = best as { index: number; count: number } | null;
  if (!found) {
    const expected = specs.filter((s) => s.required).map((s) => `'${s.header}'`).join(", ");
    return { match: null, issues: [{ line: table.rows[0]?.line ?? 1, code: "no_header", args: { expected } }] };
  }
  const headerRow = table.rows[found.index]!;
  const columns = new Map<K, { index: number; header: string }>();
  const ignored: string[] = [];
  const issues: ImportIssue[] = [];
  headerRow.cells.forEach((cell, index) => {
    if (isBlank(cell)) return;
    const header = String(cell).replace(/\s+/g, " ").trim();
    const spec = specFor(specs, header);
    if (!spec) {
      ignored.push(header);
      return;
    }
    const first = columns.get(spec.key);
    if (first) {
      issues.push({ line: headerRow.line, column: header, code: "duplicate_column", args: { first: first.header } });
      return;
    }
    columns.set(spec.key, { index, header });
  });
  for (const spec of specs) {
    if (spec.required && !columns.has(spec.key)) issues.push({ line: headerRow.line, code: "missing_column", args: { column: spec.header } });
  }
  return { match: { headerLine: headerRow.line, headerIndex: found.index, columns, ignored }, issues };
}
