/**
 * Write the import templates: templates/don-vi, dang-vien, ho-gia-dinh, phan-cong and tieu-chi (.xlsx and .csv),
 * with the headers the import reads and a small example province that imports into an empty data folder. Run: node --import tsx scripts/make-templates.ts
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import ExcelJS from "exceljs";
import type { ColumnSpec } from "../src/domain/import/columns.js";
import { PERSON_COLUMNS, type PersonKey } from "../src/domain/import/person-row.js";
import { UNIT_COLUMNS, type UnitKey } from "../src/domain/import/unit-row.js";
import { HOUSEHOLD_COLUMNS, type HouseholdKey } from "../src/domain/import/household-row.js";
import { ASSIGNMENT_COLUMNS, type AssignmentKey } from "../src/domain/import/assignment-row.js";
import { CRITERIA_COLUMNS } from "../src/domain/import/criteria-row.js";
import { CRITERIA_EXAMPLES, CRITERIA_NOTES } from "./criteria-examples.js";

const OUT = fileURLToPath(new URL("../templates/", import.meta.url));
/** Fixed document dates, so regenerating the templates gives the same metadata. */
const STAMP = new Date(Date.UTC(2025, 6, 1));

type Example = string | Date;
const d = (day: number, month: number, year: number) => new Date(Date.UTC(year, month - 1, day));

// One small but complete province: its root, two communes (one ward) with a default meeting rule,
// village cells with their own rule or the commune's, agency cells for the committees' people.
const unit = (code: string, name: string, kind: string, parentCode: string, areaName: string, catchment: string, meeting: [string, string, string, string] | null = null): Record<UnitKey, Example> => ({
  code, name, kind, parentCode, areaName, catchment, foundedOn: d(1, 7, 2025),
  meetingDay: meeting?.[0] ?? "", meetingTime: meeting?.[1] ?? "", meetingPlace: meeting?.[2] ?? "", thematicMonth: meeting?.[3] ?? "", predecessorCodes: "",
});
const UNIT_EXAMPLES: Record<UnitKey, Example>[] = [
  unit("TINH-LS", "Đảng bộ tỉnh Lạng Sơn", "Đảng bộ tỉnh", "", "tỉnh Lạng Sơn", ""),
  unit("CB-VPTU", "Chi bộ Văn phòng Tỉnh ủy", "Chi bộ", "TINH-LS", "Văn phòng Tỉnh ủy", "Cơ quan", ["ngày 2", "14:00", "Phòng họp Văn phòng Tỉnh ủy", ""]),
  unit("XA-TANVAN", "Đảng bộ xã Tân Văn", "Đảng bộ xã", "TINH-LS", "xã Tân Văn", "", ["ngày 5", "19:30", "Nhà văn hóa thôn", "tháng cuối quý"]),
  unit("CB-TANVAN-CQ", "Chi bộ cơ quan Đảng ủy xã Tân Văn", "Chi bộ", "XA-TANVAN", "Cơ quan Đảng ủy xã Tân Văn", "Cơ quan", ["ngày 3", "14:00", "Hội trường Đảng ủy xã", ""]),
  unit("CB-POLAI", "Chi bộ thôn Pò Lài", "Chi bộ", "XA-TANVAN", "thôn Pò Lài", "Thôn", ["ngày 5", "19:30", "Nhà văn hóa thôn Pò Lài", "tháng cuối quý"]),
  unit("CB-BANCHANG", "Chi bộ thôn Bản Chang", "Chi bộ", "XA-TANVAN", "thôn Bản Chang", "Thôn"),
  unit("CB-NATHUA", "Chi bộ thôn Nà Thưa", "Chi bộ", "XA-TANVAN", "thôn Nà Thưa", "Thôn", ["thứ Bảy tuần đầu", "19:00", "Nhà văn hóa thôn Nà Thưa", ""]),
  unit("PHUONG-KYLUA", "Đảng bộ phường Kỳ Lừa", "Đảng bộ phường", "TINH-LS", "phường Kỳ Lừa", "", ["ngày 7", "19:30", "Nhà văn hóa tổ dân phố", ""]),
  unit("CB-KYLUA-CQ", "Chi bộ cơ quan Đảng ủy phường Kỳ Lừa", "Chi bộ", "PHUONG-KYLUA", "Cơ quan Đảng ủy phường Kỳ Lừa", "Cơ quan", ["ngày 2", "14:00", "Hội trường Đảng ủy phường", ""]),
  unit("CB-TANHOA1", "Chi bộ tổ dân phố Tân Hòa 1", "Chi bộ", "PHUONG-KYLUA", "tổ dân phố Tân Hòa 1", "Tổ dân phố", ["mùng 5 âm lịch", "19:30", "Nhà văn hóa tổ Tân Hòa 1", ""]),
  unit("CB-TANHOA2", "Chi bộ tổ dân phố Tân Hòa 2", "Chi bộ", "PHUONG-KYLUA", "tổ dân phố Tân Hòa 2", "Tổ dân phố"),
];

const person = (code: string, fullName: string, sex: string, birthYear: string, ethnicity: string, phone: string, cellCode: string, membership: string, admittedOn: Date, roles = "", extra: Partial<Record<PersonKey, Example>> = {}): Record<PersonKey, Example> => ({
  code, fullName, sex, birthYear, ethnicity, phone, cellCode, membership, admittedOn,
  fullMemberOn: membership === "Chính thức" ? d(admittedOn.getUTCDate(), admittedOn.getUTCMonth() + 1, admittedOn.getUTCFullYear() + 1) : "", exempt: "", tempAttached: "", roles, roleOrgCode: "", asOf: "", change: "", ...extra,
});
const PERSON_EXAMPLES: Record<PersonKey, Example>[] = [
  person("DV-0001", "Hoàng Văn Páo", "Nam", "1968", "Tày", "0912 000 001", "CB-POLAI", "Chính thức", d(19, 5, 1995), "Bí thư"),
  person("DV-0002", "Vi Thị Mai", "Nữ", "1990", "Nùng", "0912 000 002", "CB-POLAI", "Dự bị", d(3, 2, 2025)),
  person("DV-0003", "Hoàng Thị Lan", "Nữ", "1979", "Tày", "0912 000 003", "CB-POLAI", "Chính thức", d(12, 3, 2004), "Phó bí thư"),
  person("DV-0004", "Nông Văn Sáng", "Nam", "1971", "Nùng", "0912 000 004", "CB-BANCHANG", "Chính thức", d(2, 9, 1998), "Bí thư"),
  person("DV-0005", "Triệu Thị Hoa", "Nữ", "1985", "Dao", "0912 000 005", "CB-BANCHANG", "Chính thức", d(6, 1, 2010)),
  person("DV-0006", "Lương Văn Tuấn", "Nam", "1975", "Tày", "0912 000 006", "CB-NATHUA", "Chính thức", d(19, 5, 2001), "Bí thư"),
  person("DV-0007", "Lộc Văn Khoa", "Nam", "1972", "Tày", "0912 000 007", "CB-TANVAN-CQ", "Chính thức", d(3, 2, 1996), "Đảng ủy viên"),
  person("DV-0008", "Nông Thị Thảo", "Nữ", "1990", "Nùng", "0912 000 008", "CB-TANVAN-CQ", "Chính thức", d(7, 11, 2015), "Bí thư, Văn phòng"),
  person("DV-0009", "Lăng Thị Hạnh", "Nữ", "1986", "Kinh", "0912 000 009", "CB-VPTU", "Chính thức", d(19, 5, 2009), "Bí thư, Văn phòng"),
  person("DV-0010", "Chu Văn Quyết", "Nam", "1969", "Tày", "0912 000 010", "CB-VPTU", "Chính thức", d(3, 2, 1992), "Đảng ủy viên"),
  person("DV-0011", "Chu Thị Dung", "Nữ", "1988", "Tày", "0912 000 011", "CB-KYLUA-CQ", "Chính thức", d(2, 9, 2012), "Bí thư, Văn phòng"),
  person("DV-0012", "Đinh Văn Cường", "Nam", "1974", "Kinh", "0912 000 012", "CB-KYLUA-CQ", "Chính thức", d(19, 5, 1999), "Đảng ủy viên"),
  person("DV-0013", "Hà Văn Nam", "Nam", "1966", "Tày", "0912 000 013", "CB-TANHOA1", "Chính thức", d(3, 2, 1990), "Bí thư"),
  person("DV-0014", "Dương Thị Nhung", "Nữ", "1981", "Kinh", "0912 000 014", "CB-TANHOA1", "Chính thức", d(6, 1, 2008)),
  person("DV-0015", "Mông Văn Đức", "Nam", "1970", "Nùng", "0912 000 015", "CB-TANHOA2", "Chính thức", d(19, 5, 1997), "Bí thư"),
];

const HOUSEHOLD_EXAMPLES: Record<HouseholdKey, Example>[] = [
  { code: "HO-POLAI-01", headName: "Hoàng Văn Bảy", unitCode: "CB-POLAI", peopleCount: "5", followerCode: "DV-0003" },
  { code: "HO-POLAI-02", headName: "Vi Thị Liên", unitCode: "CB-POLAI", peopleCount: "3", followerCode: "DV-0002" },
  { code: "HO-BANCHANG-01", headName: "Triệu Văn Lâm", unitCode: "CB-BANCHANG", peopleCount: "6", followerCode: "DV-0005" },
  { code: "HO-TANHOA1-01", headName: "Lý Văn Hải", unitCode: "CB-TANHOA1", peopleCount: "4", followerCode: "" },
];

// The three levels: province cadres follow communes, commune cadres follow cells, members follow households.
const ASSIGNMENT_EXAMPLES: Record<AssignmentKey, Example>[] = [
  { personCode: "DV-0010", unitCode: "XA-TANVAN", householdCode: "", from: d(1, 7, 2025), to: "", duties: "Dự hội nghị Đảng ủy xã, nắm tình hình xã" },
  { personCode: "DV-0010", unitCode: "PHUONG-KYLUA", householdCode: "", from: d(1, 7, 2025), to: "", duties: "Dự hội nghị Đảng ủy phường" },
  { personCode: "DV-0007", unitCode: "CB-POLAI", householdCode: "", from: d(1, 7, 2025), to: "", duties: "Dự sinh hoạt chi bộ, nắm tình hình thôn" },
  { personCode: "DV-0007", unitCode: "CB-BANCHANG", householdCode: "", from: d(1, 7, 2025), to: "", duties: "Dự sinh hoạt chi bộ" },
  { personCode: "DV-0012", unitCode: "CB-TANHOA1", householdCode: "", from: d(1, 7, 2025), to: "", duties: "Dự sinh hoạt chi bộ" },
  { personCode: "DV-0014", unitCode: "", householdCode: "HO-TANHOA1-01", from: d(1, 12, 2025), to: "", duties: "Thăm hỏi, nắm tình hình hộ" },
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
  meetingDay: "Sinh hoạt thường kỳ: ngày 5, thứ Bảy tuần đầu, Chủ nhật cuối tháng, mùng 5 âm lịch, rằm. Ở dòng đảng bộ xã/phường/tỉnh: lịch mặc định cho các chi bộ thôn, tổ dân phố chưa có lịch riêng.",
  meetingTime: "Giờ bắt đầu, ví dụ 19:30.",
  meetingPlace: "Nơi họp, ví dụ Nhà văn hóa thôn.",
  thematicMonth: "Tháng trong quý sinh hoạt chuyên đề (kết hợp với sinh hoạt thường kỳ): tháng đầu quý, tháng giữa quý, tháng cuối quý.",
  headName: "Họ và tên chủ hộ.",
  unitCode: "Mã chi bộ thôn / tổ dân phố của hộ (đã nhập bằng tệp đơn vị).",
  peopleCount: "Số nhân khẩu của hộ (1–99).",
  followerCode: "Mã đảng viên được phân công phụ trách hộ (đã nhập bằng tệp đảng viên). Bỏ trống: giữ nguyên.",
  personCode: "Mã đảng viên được phân công (cán bộ tỉnh, đảng ủy viên xã, đảng viên).",
  householdCode: "Mã hộ được phụ trách (đã nhập bằng tệp hộ gia đình). Điền mã đơn vị hoặc mã hộ, không điền cả hai.",
  from: "dd/mm/yyyy: ngày bắt đầu phụ trách.",
  to: "dd/mm/yyyy: ngày thôi phụ trách (bỏ trống: đang phụ trách).",
  duties: "Nội dung phụ trách, ví dụ: Dự sinh hoạt chi bộ, nắm tình hình thôn.",
};
// "Mã đơn vị phụ trách" in the assignments file names the commune or cell followed.
const ASSIGNMENT_NOTES: Record<string, string> = { unitCode: "Mã xã/phường (cán bộ tỉnh phụ trách) hoặc mã chi bộ thôn (đảng ủy viên xã phụ trách)." };

const dmy = (date: Date) => `${String(date.getUTCDate()).padStart(2, "0")}/${String(date.getUTCMonth() + 1).padStart(2, "0")}/${date.getUTCFullYear()}`;

async function writeXlsx<K extends string>(file: string, sheetName: string, columns: readonly ColumnSpec<K>[], examples: Record<K, Example>[], notesFor: Record<string, string> = {}) {
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
  for (const c of columns) notes.addRow([c.header, c.required ? "x" : "", notesFor[c.key] ?? NOTES[c.key] ?? ""]);
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
await writeXlsx("ho-gia-dinh.xlsx", "Hộ gia đình", HOUSEHOLD_COLUMNS, HOUSEHOLD_EXAMPLES);
await writeXlsx("phan-cong.xlsx", "Phân công", ASSIGNMENT_COLUMNS, ASSIGNMENT_EXAMPLES, ASSIGNMENT_NOTES);
await writeXlsx("tieu-chi.xlsx", "Tiêu chí", CRITERIA_COLUMNS, CRITERIA_EXAMPLES, CRITERIA_NOTES);
writeCsv("don-vi.csv", UNIT_COLUMNS, UNIT_EXAMPLES);
writeCsv("dang-vien.csv", PERSON_COLUMNS, PERSON_EXAMPLES);
writeCsv("ho-gia-dinh.csv", HOUSEHOLD_COLUMNS, HOUSEHOLD_EXAMPLES);
writeCsv("phan-cong.csv", ASSIGNMENT_COLUMNS, ASSIGNMENT_EXAMPLES);
writeCsv("tieu-chi.csv", CRITERIA_COLUMNS, CRITERIA_EXAMPLES);
process.stdout.write(`templates written to ${OUT}\n`);
