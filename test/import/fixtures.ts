import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { sql } from "kysely";
import type { Db } from "../../src/db/schema.js";

/** A folder of its own for a test's files. */
export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), "chibo-import-"));
}

/** Units under the demo province: the cell rows come before their commune's row on purpose. */
export const UNITS_CSV = [
  "Mã đơn vị;Tên đơn vị;Loại;Mã đơn vị cấp trên;Địa bàn;Loại hình;Ngày thành lập",
  "CB-NAPE;Chi bộ thôn Nà Pe;Chi bộ;XA-HUULUNG;thôn Nà Pe;Thôn;",
  "XA-HUULUNG;Đảng bộ xã Hữu Lũng;Đảng bộ xã;DEMO-TINH;xã Hữu Lũng;;01/07/2025",
  'CB-KHUONG;"Chi bộ thôn Khuổi Khương; bản Mới";Chi bộ;XA-HUULUNG;thôn Khuổi Khương;Thôn;15/08/2025',
].join("\r\n");

export const PEOPLE_HEADER = [
  "Mã đảng viên",
  "Họ và tên",
  "Giới tính",
  "Năm sinh",
  "Dân tộc",
  "Số điện thoại",
  "Chi bộ",
  "Đảng viên chính thức/dự bị",
  "Ngày vào Đảng",
  "Miễn sinh hoạt",
  "Sinh hoạt tạm thời",
  "Chức vụ",
];

type Cell = string | number | Date;
const date = (d: number, m: number, y: number) => new Date(Date.UTC(y, m - 1, d));

/** Three members of the new cells, as an office's workbook holds them (date cells, a phone typed as a number). */
export const PEOPLE_ROWS: Cell[][] = [
  ["HL-001", "Hoàng Văn Thắng", "Nam", 1966, "Tày", 912000001, "CB-NAPE", "Chính thức", date(19, 5, 1992), "", "", "Bí thư"],
  ["HL-002", "Nông Thị Hoa", "Nữ", "1994", "Nùng", "0912 000 002", "CB-NAPE", "Dự bị", date(3, 2, 2026), "", "x", ""],
  ["HL-003", "Lương Văn Hải", "Nam", 1975, "Kinh", "", "CB-KHUONG", "Chính thức", "12/10/2001", "", "", "Đảng ủy viên, Chi ủy viên"],
];

function csvCell(cell: Cell, sep: string): string {
  const text = cell instanceof Date ? `${String(cell.getUTCDate()).padStart(2, "0")}/${String(cell.getUTCMonth() + 1).padStart(2, "0")}/${cell.getUTCFullYear()}` : String(cell);
  return text.includes(sep) || text.includes('"') ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Rows as CSV text with a separator; numbers written as Excel would save them (the phone loses its 0). */
export function toCsv(rows: Cell[][], sep = ","): string {
  return rows.map((r) => r.map((c) => csvCell(c, sep)).join(sep)).join("\n");
}

export function writeCsv(dir: string, name: string, text: string, bom = false): string {
  const path = join(dir, name);
  writeFileSync(path, `${bom ? "\uFEFF" : ""}${text}\n`);
  return path;
}

/** An office-style workbook: a title row, a blank row, then the header. */
export async function writeXlsx(dir: string, name: string, rows: Cell[][]): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Danh sách");
  sheet.addRow(["DANH SÁCH ĐẢNG VIÊN ĐẢNG BỘ XÃ HỮU LŨNG"]);
  sheet.addRow([]);
  for (const row of rows) sheet.addRow(row);
  sheet.getColumn(9).numFmt = "dd/mm/yyyy";
  const path = join(dir, name);
  await workbook.xlsx.writeFile(path);
  return path;
}

/** What an import may change, read back: counts, every person's updated_at, every role. */
export async function snapshot(db: Db) {
  const count = async (table: "org" | "person" | "role" | "audit_log") =>
    Number((await db.selectFrom(table).select(sql<string>`count(*)`.as("n")).executeTakeFirstOrThrow()).n);
  return {
    orgs: await count("org"),
    people: await count("person"),
    roles: await count("role"),
    audit: await count("audit_log"),
    updatedAt: (await db.selectFrom("person").select(["code", "updated_at"]).orderBy("code").execute()).map((p) => `${p.code}@${p.updated_at.toISOString()}`),
    roleRows: (await db.selectFrom("role").select(["id", "person_id", "org_id", "role", "valid_from", "valid_to"]).orderBy("id").execute()).map((r) => JSON.stringify(r)),
    orgRows: (await db.selectFrom("org").selectAll().orderBy("id").execute()).map((o) => JSON.stringify(o)),
  };
}
