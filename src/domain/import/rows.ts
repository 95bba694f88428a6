import { z } from "zod";
import type { ColumnSpec, HeaderMatch } from "./columns.js";
import { matchHeaders } from "./columns.js";
import type { ImportIssue, ImportIssueCode } from "./issues.js";
import { displayCell, isBlank, type RawCell, type RawTable } from "./table.js";
import { cellText, type Parsed } from "./values.js";

/** More rows than a province holds members is a wrong file. */
export const MAX_IMPORT_ROWS = 200_000;

export type CellInput = RawCell | undefined;
const cellInput = z.custom<CellInput>(() => true);

function toZod<T>(parse: (cell: RawCell) => Parsed<T>) {
  return (cell: RawCell, ctx: z.RefinementCtx): T => {
    const result = parse(cell);
    if (result.ok) return result.value;
    ctx.addIssue({ code: "custom", message: result.code, params: result.args ?? {} });
    return z.NEVER;
  };
}

/** A column that must be filled in. */
export function required<T>(parse: (cell: RawCell) => Parsed<T>) {
  const read = toZod(parse);
  return cellInput.transform((cell, ctx): T => {
    if (cell === undefined || isBlank(cell)) {
      ctx.addIssue({ code: "custom", message: "required" satisfies ImportIssueCode, params: {} });
      return z.NEVER;
    }
    return read(cell, ctx);
  });
}

/** A column that may be missing or blank: undefined then, which leaves a stored value as it is. */
export function optional<T>(parse: (cell: RawCell) => Parsed<T>) {
  const read = toZod(parse);
  return cellInput.transform((cell, ctx): T | undefined => (cell === undefined || isBlank(cell) ? undefined : read(cell, ctx)));
}

/** A tick column: when present, a blank cell means "no"; when the column is missing, undefined. */
export function tick(parse: (cell: RawCell) => Parsed<boolean>) {
  const read = toZod(parse);
  return cellInput.transform((cell, ctx): boolean | undefined => (cell === undefined ? undefined : isBlank(cell) ? false : read(cell, ctx)));
}

export interface ReadRows<T> {
  rows: (T & { line: number })[];
  issues: ImportIssue[];
  /** Headers present in the file that the import does not store. */
  ignored: string[];
  /** Each key's header as written in the file (for messages about a column). */
  headers: Map<string, string>;
  /** Codes of the rows that did not read: other rows naming them are not checked against them. */
  invalidCodes: Set<string>;
  /** Rows that did not read, cell by key, so their references can still be checked. */
  failed: { line: number; input: Record<string, CellInput> }[];
}

/**
 * Find the header row, then read every non-blank row below it through the row schema. A cell that
 * does not read becomes an issue naming its line and its column as the file titles it.
 */
export function readRows<K extends string, T>(
  table: RawTable,
  specs: readonly ColumnSpec<K>[],
  schema: z.ZodType<T, Record<K, CellInput>>,
  /** The column that identifies a row (repeats are reported); null when rows have no code of their own. */
  codeKey: K | null,
): ReadRows<T> {
  const { match, issues } = matchHeaders(table, specs);
  const invalidCodes = new Set<string>();
  if (!match) return { rows: [], issues, ignored: [], headers: new Map(), invalidCodes, failed: [] };
  const headers = new Map<string, string>([...match.columns].map(([k, v]) => [k, v.header]));
  const failed: ReadRows<T>["failed"] = [];
  const done = (extra: ImportIssue[]) => ({ rows: [], issues: [...issues, ...extra], ignored: match.ignored, headers, invalidCodes, failed });
  if (issues.length > 0) return done([]);
  const body = table.rows.slice(match.headerIndex + 1).filter((row) => !row.cells.every((c) => isBlank(c)));
  if (body.length === 0) return done([{ line: match.headerLine, code: "no_rows", args: {} }]);
  if (body.length > MAX_IMPORT_ROWS) return done([{ line: match.headerLine, code: "too_many_rows", args: { max: MAX_IMPORT_ROWS } }]);
  const rows: (T & { line: number })[] = [];
  const codes: { line: number; code: string }[] = [];
  for (const row of body) {
    const input = inputOf(row.cells, specs, match);
    const code = codeKey === null ? undefined : input[codeKey];
    if (code !== undefined && !isBlank(code)) codes.push({ line: row.line, code: cellText(code) });
    const parsed = schema.safeParse(input);
    if (parsed.success) {
      rows.push({ ...parsed.data, line: row.line });
      continue;
    }
    if (code !== undefined && !isBlank(code)) invalidCodes.add(cellText(code));
    failed.push({ line: row.line, input });
    for (const issue of parsed.error.issues) {
      const key = String(issue.path[0]) as K;
      const params = (issue as { params?: Record<string, string | number> }).params ?? {};
      issues.push({
        line: row.line,
        column: match.columns.get(key)?.header ?? key,
        code: issue.message as ImportIssueCode,
        args: { ...params, value: displayCell(input[key]) },
      });
    }
  }
  if (codeKey !== null) issues.push(...duplicateCodes(codes, match.columns.get(codeKey)?.header ?? codeKey));
  return { rows, issues, ignored: match.ignored, headers, invalidCodes, failed };
}

function inputOf<K extends string>(cells: RawCell[], specs: readonly ColumnSpec<K>[], match: HeaderMatch<K>): Record<K, CellInput> {
  const input = {} as Record<K, CellInput>;
  for (const spec of specs) {
    const column = match.columns.get(spec.key);
    input[spec.key] = column === undefined ? undefined : (cells[column.index] ?? null);
  }
  return input;
}

/** The second and later rows repeating a code, each naming the line that had it first. */
export function duplicateCodes(rows: readonly { line: number; code: string }[], column: string): ImportIssue[] {
  const first = new Map<string, number>();
  const issues: ImportIssue[] = [];
  for (const row of rows) {
    const key = row.code.toLocaleUpperCase("vi");
    const seen = first.get(key);
    if (seen === undefined) first.set(key, row.line);
    else issues.push({ line: row.line, column, code: "duplicate_code", args: { value: row.code, first: seen } });
  }
  return issues;
}
