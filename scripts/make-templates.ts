/**
 * Write the import templates: templates/don-vi.{xlsx,csv} and templates/dang-vien.{xlsx,csv}, with the
 * headers the import reads and two example rows. Run: node --import tsx scripts/make-templates.ts
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import ExcelJS from "exceljs";
import type { ColumnSpec } from "../src/domain/import/columns.js";
import { PERSON_COLUMNS, type PersonKey } from "../src/domain/import/person-row.js";
import { UNIT_COLUMNS, type UnitKey } from "../src/domain/import/unit-row.js";

const OUT = fileURLToPath(new URL("../templates/", import.meta.url));
/** Fixed document dates, so regenerating the templates gives the same metadata. */
const STAMP = new Date(Date.UTC(2025, 6, 1));

type Example = string | Date;
const d = (day: number, month: number, year: number) => new Date(Date.UTC(year, month - 1, day));

const UNIT_EXAMPLES: Record<UnitKey, Example>[] = [
  { code: "XA-TANVAN", name: "Đảng bộ xã Tân Văn", kind: "Đảng bộ xã", parentCode: "TINH-LS", areaName: "xã Tân Văn", catchment: "", foundedOn: d(1, 7, 2025), predecessorCodes: "" },
  { code: "CB-POLAI", name: "Chi bộ thôn Pò Lài", kind: "Chi bộ", parentCode: "XA-TANVAN", areaName: "thôn Pò Lài", catchment: "Thôn", foundedOn: d(1, 7, 2025), predecessorCodes: "" },
];

const PERSON_EXAMPLES: Record<PersonKey, Example>[] = [
  {
    code: "DV-0001", fullName: "Hoàng Văn Páo", sex: "Nam", birthYear: "1968", ethnicity: "Tày", phone: "0912 345 678", cellCode: "CB-POLAI",
    membership: "Chính thức", admittedOn: d(19, 5, 1995), fullMemberOn: d(19, 5, 1996), exempt: "", tempAttached: "", roles: "Bí thư", roleOrgCode: "", asOf: "", change: "",
  },
  {
    code: "DV-0002", fullName: "Vi Thị Mai", sex: "Nữ", birthYear: "1990", ethnicity: "Nùng", phone: "0987 654 321", cellCode: "CB-POLAI",
    membership: "Dự bị", admittedOn: d(3, 2, 2025), fullMemberOn: "", exempt: "", tempAttached: "x", roles: "", roleOrgCode: "", asOf: "", change: "",
  },
];

/** What each column takes, for the second sheet of the workbook. */
const NOTES: Record<string, string> = {
  code: "Mã do văn phòng tự đặt, không trùng, không có dấu cách. Không dùng số thẻ đảng viên hay số CCCD.",
  name: "Tên đầy đủ của tổ chức đảng.",
  kind: "Đảng bộ tỉnh, Đảng bộ xã (phường, đặc khu), Đảng bộ cơ sở, Chi bộ cơ sở, Chi bộ trực thuộc, Chi bộ, Đảng ủy bộ phận, Tổ đảng.",
  parentCode: "Mã của đơn vị cấp trên trực tiếp (trong tệp này hoặc đã có). Bỏ trống chỉ với Đảng bộ tỉnh.",
  areaName: "Xã, phường, thôn, tổ dân phố hoặc cơ quan mà đơn vị phụ trách, ví dụ \"thôn Pò Lài\".",
  catchment: "Thôn, Tổ dân phố, Cơ quan, Trường học, Doanh nghiệp, Lực lượng vũ trang.",
  foundedOn: "dd/mm/yyyy. Bỏ trống: 01/07/2025.",
  fullName: "Họ và tên đầy đủ.",
  sex: "Nam hoặc Nữ.",
  birthYear: "Năm sinh (4 chữ số); nếu ghi ngày sinh thì chỉ lưu năm.",
  ethnicity: "Ví dụ: Kinh, Tày, Nùng, Dao.",
  phone: "Số di động để liên kết tài khoản Zalo/Telegram.",
  cellCode: "Mã chi bộ nơi đảng viên sinh hoạt (đã nhập bằng tệp đơn vị).",
  membership: "Chính thức hoặc Dự bị.",
  admittedOn: "dd/mm/yyyy.",
  fullMemberOn: "dd/mm/yyyy, với đảng viên chính thức.",
  exempt: "Đánh x nếu được miễn sinh hoạt.",
  tempAttached: "Đánh x nếu sinh hoạt tạm thời.",
  roles: "Bí thư, Phó bí thư, Chi ủy viên, Đảng ủy viên, Ủy viên ban thường vụ, Văn phòng; nhiều chức vụ cách nhau bằng dấu phẩy.",
  roleOrgCode: "Mã đảng bộ nơi giữ chức Đảng ủy viên, Thường vụ, Văn phòng. Bỏ trống: đảng bộ cấp trên của chi bộ.",
  predecessorCodes: "Khi sáp nhập: mã các đơn vị cũ mà đơn vị này kế tục, cách nhau bằng dấu phẩy; chúng kết thúc từ Ngày thành lập của đơn vị này.",
  asOf: "dd/mm/yyyy: ngày chức vụ, chi bộ sinh hoạt và biến động của dòng có hiệu lực. Bỏ trống: ngày --on của lệnh nhập, hoặc ngày nhập.",
  change: "Chuyển đi, Ra khỏi Đảng hoặc Từ trần, tính từ ngày ở cột Tính từ ngày. Bỏ trống nếu vẫn sinh hoạt.",
};

const dmy = (date: Date) => `${String(date.getUTCDate()).padStart(2, "0")}/${String(date.getUTCMonth() + 1).padStart(2, "0")}/${date.getUTCFullYear()}`;

async function writeXlsx<K extends string>(file: string, sheetName: string, columns: readonly ColumnSpec<K>[], examples: Record<K, Example>[]) {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "chibo";
  workbook.created = STAMP;
  workbook.modified = STAMP;
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({ header: c.header, key: c.key, width: Math.max(14, c.header.length + 4) }));
  for (const example of examples) sheet.addRow(columns.map((c) => example[c.key]));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: "middle", wrapText: true };
  columns.forEach((c, i) => {
    const column = sheet.getColumn(i + 1);
    // Dates as real date cells; everything else as text, so a phone keeps its leading 0.
    column.numFmt = examples.some((e) => e[c.key] instanceof Date) ? "dd/mm/yyyy" : "@";
    header.getCell(i + 1).fill = { type: "pattern", pattern: "solid", fgColor: { argb: c.required ? "FFFFE082" : "FFE0E0E0" } };
  });
  const notes = workbook.addWorksheet("Hướng dẫn");
  notes.columns = [
    { header: "Cột", width: 30 },
    { header: "Bắt buộc", width: 10 },
    { header: "Cách điền", width: 100 },
  ];
  notes.getRow(1).font = { bold: true };
  for (const c of columns) notes.addRow([c.header, c.required ? "x" : "", NOTES[c.key] ?? ""]);
  await workbook.xlsx.writeFile(`${OUT}${file}`);
}

function csvField(value: Example): string {
  const text = value instanceof Date ? dmy(value) : value;
  return /[;"\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** `;`-separated UTF-8 with BOM: how Excel with Vietnamese regional settings opens and saves CSV. */
function writeCsv<K extends string>(file: string, columns: readonly ColumnSpec<K>[], examples: Record<K, Example>[]) {
  const lines = [columns.map((c) => csvField(c.header)).join(";"), ...examples.map((e) => columns.map((c) => csvField(e[c.key])).join(";"))];
  writeFileSync(`${OUT}${file}`, `\uFEFF${lines.join("\r\n")}\r\n`);
}

mkdirSync(OUT, { recursive: true });
await writeXlsx("don-vi.xlsx", "Đơn vị", UNIT_COLUMNS, UNIT_EXAMPLES);
await writeXlsx("dang-vien.xlsx", "Đảng viên", PERSON_COLUMNS, PERSON_EXAMPLES);
writeCsv("don-vi.csv", UNIT_COLUMNS, UNIT_EXAMPLES);
writeCsv("dang-vien.csv", PERSON_COLUMNS, PERSON_EXAMPLES);
process.stdout.write(`templates written to ${OUT}\n`);
