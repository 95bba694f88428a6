import ExcelJS from "exceljs";

/** Open workbook bytes with exceljs (its typings predate Node's generic Buffer, hence the one cast). */
export async function loadWorkbook(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as Parameters<typeof wb.xlsx.load>[0]);
  return wb;
}
