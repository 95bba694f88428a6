/**
 * Spreadsheet safety for text people typed (OWASP "CSV injection"): a cell that begins with one of
 * these characters is read by Excel and LibreOffice as a formula (`=HYPERLINK(…)`, `+cmd|…`, `@SUM`),
 * or, after a tab or carriage return, as one once the cell is trimmed.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * The text as a spreadsheet must show it: with a leading apostrophe when it would start a formula
 * (the apostrophe is Excel's own "this is text" mark and is not shown in the cell).
 *
 * @example neutralizeFormula("=HYPERLINK(\"http://x\")") // "'=HYPERLINK(\"http://x\")"
 */
export function neutralizeFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}
