/**
 * Spreadsheet safety for text people typed (OWASP "CSV injection"): a CSV field that begins with one
 * of these characters is read by Excel and LibreOffice as a formula (`=HYPERLINK(…)`, `+cmd|…`,
 * `@SUM`), or, after a tab or carriage return, as one once the cell is trimmed.
 *
 * The two file kinds need different handling, and every writer goes through one of the two helpers:
 * - CSV has no cell types: a field is guarded with a leading apostrophe ({@link neutralizeFormula}).
 * - XLSX written by exceljs: a string value is always a string cell, never a formula, so the text is
 *   written as it is ({@link xlsxValue}); an apostrophe there would be stored and shown in the cell
 *   (a phone number `+84…` would read `'+84…`).
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * The text as a CSV field must hold it: with a leading apostrophe when it would start a formula
 * (Excel takes the apostrophe as its "this is text" mark when it opens the CSV). CSV only.
 *
 * @example neutralizeFormula("=HYPERLINK(\"http://x\")") // "'=HYPERLINK(\"http://x\")"
 */
export function neutralizeFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** A value an XLSX writer puts in a cell: plain data only. */
export type XlsxValue = string | number | boolean | Date | null;

/**
 * A value as an XLSX cell takes it: text as a plain string cell (never a formula object, never a
 * hyperlink, no apostrophe added), numbers, booleans and dates as they are, nothing as an empty cell.
 *
 * @example xlsxValue("+84987100012") // "+84987100012" (a string cell)
 */
export function xlsxValue(value: XlsxValue | undefined): XlsxValue {
  if (value === undefined || value === null) return null;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean" || value instanceof Date) return value;
  // Anything else (an object someone passed through a cast) is written as its text, never as a formula.
  return String(value);
}
