/**
 * Write the province's report layouts: templates/bao-cao/*.xlsx, one per form, which `chibo export`
 * and `/xuat` fill (src/export/province-layout.ts). An office may edit them in Excel or replace them;
 * this script only makes the first version. Run: node --import tsx scripts/make-report-layouts.ts [NAME…]
 * (with names, only those layouts are written: `co-so-du-lieu-thon` is the village record).
 */
import { mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import ExcelJS from "exceljs";
import { FORM_IDS, type FormId } from "../src/domain/forms/registry.js";
import { ROLLUP_COLUMNS, type RollupColumnKind } from "../src/domain/rollup-table.js";
import { LAYOUT_OF } from "../src/export/rollup-workbook.js";

const OUT = fileURLToPath(new URL("../templates/bao-cao/", import.meta.url));
/** Fixed document dates, so regenerating the layouts gives the same metadata. */
const STAMP = new Date(Date.UTC(2025, 6, 1));

const TITLES: Record<FormId, string> = {
  "monthly-meeting": "BÁO CÁO TỔNG HỢP TÌNH HÌNH SINH HOẠT CHI BỘ",
  "party-dues": "BÁO CÁO TỔNG HỢP THU, NỘP ĐẢNG PHÍ",
  "village-quarterly": "BÁO CÁO TỔNG HỢP SỐ LIỆU THÔN, TỔ DÂN PHỐ",
  admissions: "BÁO CÁO TỔNG HỢP KẾT QUẢ KẾT NẠP ĐẢNG VIÊN",
  "annual-rating": "BÁO CÁO TỔNG HỢP KẾT QUẢ KIỂM ĐIỂM, XẾP LOẠI CHẤT LƯỢNG",
};

const HEADERS: Record<string, string> = {
  stt: "STT",
  name: "Tên chi bộ",
  status: "Tình hình báo cáo",
  members_expected: "Số đảng viên phải dự",
  present: "Số đảng viên dự họp",
  attendance_pct: "Tỷ lệ dự họp",
  absent_excused: "Vắng có lý do",
  absent_unexcused: "Vắng không lý do",
  liable: "Số đảng viên phải đóng",
  paid: "Số đảng viên đã đóng",
  paid_pct: "Tỷ lệ đã đóng",
  amount_vnd: "Số tiền thu (đồng)",
  remitted_vnd: "Số tiền nộp cấp trên (đồng)",
  households: "Số hộ",
  population: "Số nhân khẩu",
  poor_households: "Số hộ nghèo",
  poor_pct: "Tỷ lệ hộ nghèo",
  near_poor_households: "Số hộ cận nghèo",
  members: "Số đảng viên",
  women_union: "Hội viên phụ nữ",
  farmers_union: "Hội viên nông dân",
  veterans_union: "Hội viên cựu chiến binh",
  youth_union: "Đoàn viên thanh niên",
  admitted: "Số đảng viên mới kết nạp",
  women: "Trong đó: nữ",
  ethnic_minority: "Trong đó: dân tộc thiểu số",
  students: "Trong đó: học sinh, sinh viên",
  made_full: "Công nhận đảng viên chính thức",
  pending_full: "Đang làm hồ sơ chuyển chính thức",
  cell_level: "Chi bộ xếp loại",
  cells_htxs: "Chi bộ HTXS nhiệm vụ",
  cells_htxs_pct: "Tỷ lệ chi bộ HTXS",
  cells_htt: "Chi bộ HTT nhiệm vụ",
  cells_htt_pct: "Tỷ lệ chi bộ HTT",
  cells_ht: "Chi bộ HT nhiệm vụ",
  cells_ht_pct: "Tỷ lệ chi bộ HT",
  cells_kht: "Chi bộ KHT nhiệm vụ",
  cells_kht_pct: "Tỷ lệ chi bộ KHT",
  htxs: "Đảng viên HTXS nhiệm vụ",
  htt: "Đảng viên HTT nhiệm vụ",
  ht: "Đảng viên HT nhiệm vụ",
  kht: "Đảng viên KHT nhiệm vụ",
  members_good_pct: "Tỷ lệ đảng viên HTT trở lên",
};

const FORMATS: Record<RollupColumnKind, string | undefined> = { count: "#,##0", money: "#,##0", percent: "0.0%", level: undefined };
const FONT = "Times New Roman";
const thin = { style: "thin" } as const;
const BORDER = { top: thin, bottom: thin, left: thin, right: thin };


/**
 * The three marked rows from `first`: an item row, a subtotal and a total, each cell `{{prefix.key}}`;
 * names and statuses left-aligned, the rest centred in the key's number format.
 */
function markedRows(ws: ExcelJS.Worksheet, first: number, keys: readonly string[], o: { format: (key: string) => string | undefined; wraps: (key: string) => boolean }): void {
  const marked = [
    { prefix: "row", bold: false, fill: undefined },
    { prefix: "subtotal", bold: true, fill: "FFF7F7F7" },
    { prefix: "total", bold: true, fill: "FFE7E6E6" },
  ];
  marked.forEach((m, r) => {
    const row = ws.getRow(first + r);
    keys.forEach((key, i) => {
      const cell = row.getCell(i + 1);
      cell.value = `{{${m.prefix}.${key}}}`;
      cell.font = { name: FONT, size: 12, bold: m.bold };
      cell.border = BORDER;
      cell.alignment = { vertical: "middle", horizontal: key === "name" || key === "status" ? "left" : "center", wrapText: o.wraps(key) };
      const format = o.format(key);
      if (format) cell.numFmt = format;
      if (m.fill) cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: m.fill } };
    });
  });
}

/** A writer of merged, centred header cells on a sheet. */
function putter(ws: ExcelJS.Worksheet) {
  return (row: number, col: number, toCol: number, value: string, font: Partial<ExcelJS.Font> = {}) => {
    if (toCol > col) ws.mergeCells(row, col, row, toCol);
    const cell = ws.getCell(row, col);
    cell.value = value;
    cell.font = { name: FONT, size: 13, ...font };
    cell.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
  };
}

/** The signature block right (T/M, position, name five rows below) and "Nơi nhận" left, from row `top`. */
function signatureBlock(ws: ExcelJS.Worksheet, top: number, right: number, n: number): void {
  const put = putter(ws);
  put(top, right, n, "{{sign_for}}", { bold: true });
  put(top + 1, right, n, "{{sign_position}}", { bold: true });
  put(top + 5, right, n, "{{sign_name}}", { bold: true });
  const receivers = ["Nơi nhận:", "- {{recipient}} (để báo cáo),", "- Các đồng chí trong Thường trực,", "- Lưu Văn phòng."];
  receivers.forEach((text, i) => {
    const cell = ws.getCell(top + i, 1);
    ws.mergeCells(top + i, 1, top + i, 3);
    cell.value = text;
    cell.font = i === 0 ? { name: FONT, size: 12, bold: true, italic: true, underline: true } : { name: FONT, size: 11 };
  });
}

async function writeLayout(form: FormId): Promise<void> {
  const figures = ROLLUP_COLUMNS[form];
  const keys = ["stt", "name", "status", ...figures.map((c) => c.key)];
  const n = keys.length;
  const wb = new ExcelJS.Workbook();
  wb.creator = "chibo";
  wb.created = STAMP;
  wb.modified = STAMP;
  const ws = wb.addWorksheet("Báo cáo", {
    pageSetup: { paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0, margins: { left: 0.6, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 } },
  });
  ws.properties.defaultRowHeight = 18;
  const right = Math.max(4, Math.ceil(n / 2) + 1);
  const put = putter(ws);
  // Header block: the superior organization and the issuing committee left, the party's name and the place and date right.
  put(1, 1, 3, "{{upper}}", { size: 13 });
  put(2, 1, 3, "{{issuer}}", { bold: true });
  put(3, 1, 3, "*", {});
  put(4, 1, 3, "{{number}}", {});
  put(1, right, n, "ĐẢNG CỘNG SẢN VIỆT NAM", { bold: true, underline: true, size: 14 });
  put(2, right, n, "{{place_date}}", { italic: true });
  put(5, 1, n, TITLES[form], { bold: true, size: 15 });
  put(6, 1, n, "{{org}} — {{period}}", { bold: true });
  ws.getRow(5).height = 24;

  // The table: headers, then the marked rows the export repeats (item), and the looks of a subtotal and the total.
  const header = ws.getRow(8);
  header.height = 48;
  keys.forEach((key, i) => headerCell(header.getCell(i + 1), HEADERS[key] ?? key));
  markedRows(ws, 9, keys, {
    format: (key) => {
      const kind = figures.find((c) => c.key === key)?.kind;
      return kind ? FORMATS[kind] : undefined;
    },
    // The status wraps: "Đã báo cáo, nộp muộn 12 ngày", "15/18 chi bộ đã báo cáo (3 nộp muộn)" print whole.
    wraps: (key) => key === "name" || key === "status",
  });

  // Signature block right, "Nơi nhận" left.
  signatureBlock(ws, 13, right, n);

  // Widths that fit Vietnamese names ("Chi bộ tổ dân phố Tân Hòa 2", "Cộng: Đảng bộ phường Kỳ Lừa") and a
  // status on one line ("Đã báo cáo, nộp muộn 30 ngày", "15/18 chi bộ đã báo cáo (3 nộp muộn)"): the rows
  // keep the layout's height, so a wrapped status would be cut at its first line.
  keys.forEach((key, i) => {
    ws.getColumn(i + 1).width = key === "stt" ? 6 : key === "name" ? 42 : key === "status" ? 34 : key === "cell_level" ? 26 : 14;
  });
  ws.views = [{ state: "frozen", ySplit: 8 }];
  await wb.xlsx.writeFile(`${OUT}${LAYOUT_OF[form]}.xlsx`);
}

/** A header cell of the tables below: bold, centred, wrapped, bordered, grey. */
function headerCell(cell: ExcelJS.Cell, value: string): void {
  cell.value = value;
  cell.font = { name: FONT, size: 11, bold: true };
  cell.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
  cell.border = BORDER;
  cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFF2F2F2" } };
}

/** The legend cells whose looks mark what changed since the quarter before (src/export/province-layout.ts). */
function legend(cell: ExcelJS.Cell, mark: "changed" | "left", text: string): void {
  cell.value = `{{style.${mark}}} ${text}`;
  cell.font = mark === "left" ? { name: FONT, size: 11, italic: true, strike: true } : { name: FONT, size: 11, italic: true };
  if (mark === "changed") cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFF2CC" } };
  cell.alignment = { vertical: "middle", wrapText: true };
}

const VILLAGE_FIGURES: [string, string, string | undefined][] = [
  ["area_km2", "Diện tích (km²)", "#,##0.00"],
  ["population", "Dân số (người)", "#,##0"],
  ["households", "Số hộ", "#,##0"],
  ["poor_households", "Hộ nghèo", "#,##0"],
];
const VILLAGE_ORGANIZATIONS: [string, string][] = [
  ["party", "Đảng viên"],
  ["front", "Ban công tác Mặt trận"],
  ["women", "Hội Phụ nữ"],
  ["farmers", "Hội Nông dân"],
  ["veterans", "Hội Cựu chiến binh"],
  ["youth", "Đoàn Thanh niên"],
  ["elderly", "Hội Người cao tuổi"],
  ["red_cross", "Hội Chữ thập đỏ"],
];
const WORKER_COLUMNS: [string, string, number][] = [
  ["stt", "STT", 6],
  ["village", "Thôn, tổ dân phố", 30],
  ["role", "Chức danh", 24],
  ["name", "Họ và tên", 26],
  ["sex", "Giới tính", 9],
  ["birth_year", "Năm sinh", 9],
  ["ethnicity", "Dân tộc", 11],
  ["education", "Trình độ", 14],
  ["occupation", "Nghề nghiệp", 18],
  ["party_member", "Đảng viên", 10],
  ["change", "Thay đổi", 11],
];

/**
 * The village record (src/export/village-workbook.ts): sheet "Thôn", one row per village with its
 * figures and the members of each organization, a subtotal per commune and the total; sheet "Người
 * làm việc", the workforce (`{{row.workers.…}}`). Changes since the quarter before take the looks of
 * the legend cells.
 */
async function writeVillageLayout(): Promise<void> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "chibo";
  wb.created = STAMP;
  wb.modified = STAMP;
  const page = { paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0, margins: { left: 0.5, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 } } as const;

  const ws = wb.addWorksheet("Thôn", { pageSetup: page });
  ws.properties.defaultRowHeight = 18;
  const keys = ["stt", "name", "status", ...VILLAGE_FIGURES.map(([k]) => k), ...VILLAGE_ORGANIZATIONS.map(([k]) => k), "workers"];
  const n = keys.length;
  const right = Math.ceil(n / 2) + 1;
  const put = putter(ws);
  put(1, 1, 3, "{{upper}}");
  put(2, 1, 3, "{{issuer}}", { bold: true });
  put(3, 1, 3, "*");
  put(4, 1, 3, "{{number}}");
  put(1, right, n, "ĐẢNG CỘNG SẢN VIỆT NAM", { bold: true, underline: true, size: 14 });
  put(2, right, n, "{{place_date}}", { italic: true });
  put(5, 1, n, "CƠ SỞ DỮ LIỆU THÔN, TỔ DÂN PHỐ", { bold: true, size: 15 });
  put(6, 1, n, "{{org}} — {{period}}", { bold: true });
  ws.getRow(5).height = 24;
  ws.mergeCells(7, 2, 7, 4);
  legend(ws.getCell(7, 2), "changed", "Thay đổi so với quý trước (ghi chú trong ô ghi số liệu cũ)");
  ws.getRow(7).height = 30;

  // Two header rows: the organizations under one heading, the other columns over both rows.
  const orgFirst = 4 + VILLAGE_FIGURES.length;
  const orgLast = orgFirst + VILLAGE_ORGANIZATIONS.length - 1;
  const titles: Record<string, string> = { stt: "STT", name: "Thôn, tổ dân phố", status: "Tình hình cập nhật", workers: "Số người làm việc ở thôn" };
  for (const [k, title] of VILLAGE_FIGURES) titles[k] = title;
  for (const [k, title] of VILLAGE_ORGANIZATIONS) titles[k] = title;
  keys.forEach((key, i) => {
    const col = i + 1;
    if (col >= orgFirst && col <= orgLast) {
      headerCell(ws.getCell(10, col), titles[key] as string);
      return;
    }
    ws.mergeCells(9, col, 10, col);
    headerCell(ws.getCell(9, col), titles[key] as string);
  });
  ws.mergeCells(9, orgFirst, 9, orgLast);
  headerCell(ws.getCell(9, orgFirst), "Số thành viên các tổ chức");
  ws.getRow(9).height = 22;
  ws.getRow(10).height = 48;

  const formats: Record<string, string | undefined> = Object.fromEntries(VILLAGE_FIGURES.map(([k, , f]) => [k, f]));
  markedRows(ws, 11, keys, { format: (key) => formats[key] ?? "#,##0", wraps: (key) => key === "name" || key === "status" });
  signatureBlock(ws, 15, right, n);
  keys.forEach((key, i) => {
    ws.getColumn(i + 1).width = key === "stt" ? 6 : key === "name" ? 34 : key === "status" ? 18 : 11;
  });
  ws.views = [{ state: "frozen", ySplit: 10, xSplit: 2 }];

  // The workforce: role, name, sex, year of birth, ethnicity, education, occupation, party member.
  const wp = wb.addWorksheet("Người làm việc", { pageSetup: page });
  wp.properties.defaultRowHeight = 18;
  const m = WORKER_COLUMNS.length;
  wp.mergeCells(1, 1, 1, m);
  wp.getCell(1, 1).value = "NGƯỜI LÀM VIỆC Ở THÔN, TỔ DÂN PHỐ";
  wp.getCell(1, 1).font = { name: FONT, size: 14, bold: true };
  wp.mergeCells(2, 1, 2, m);
  wp.getCell(2, 1).value = "{{org}} — {{period}}";
  wp.getCell(2, 1).font = { name: FONT, size: 13, bold: true };
  for (const r of [1, 2]) wp.getCell(r, 1).alignment = { horizontal: "center", vertical: "middle" };
  wp.mergeCells(3, 2, 3, 4);
  legend(wp.getCell(3, 2), "changed", "Mới, hoặc thay đổi so với quý trước (ghi chú trong ô ghi thông tin cũ)");
  wp.mergeCells(3, 5, 3, 8);
  legend(wp.getCell(3, 5), "left", "Đã thôi làm việc trong quý");
  wp.getRow(3).height = 30;
  WORKER_COLUMNS.forEach(([, title, width], i) => {
    headerCell(wp.getCell(5, i + 1), title);
    wp.getColumn(i + 1).width = width;
  });
  wp.getRow(5).height = 32;
  WORKER_COLUMNS.forEach(([key], i) => {
    const cell = wp.getCell(6, i + 1);
    cell.value = `{{row.workers.${key}}}`;
    cell.font = { name: FONT, size: 12 };
    cell.border = BORDER;
    cell.alignment = { vertical: "middle", horizontal: ["village", "role", "name", "occupation"].includes(key) ? "left" : "center", wrapText: key === "village" || key === "role" };
  });
  wp.views = [{ state: "frozen", ySplit: 5 }];
  await wb.xlsx.writeFile(`${OUT}co-so-du-lieu-thon.xlsx`);
}

mkdirSync(OUT, { recursive: true });
const only = process.argv.slice(2);
const forms = FORM_IDS.filter((form) => only.length === 0 || only.includes(LAYOUT_OF[form]));
for (const form of forms) await writeLayout(form);
if (only.length === 0 || only.includes("co-so-du-lieu-thon")) await writeVillageLayout();
console.log(`Đã ghi ${forms.length + (only.length === 0 || only.includes("co-so-du-lieu-thon") ? 1 : 0)} mẫu báo cáo vào ${OUT}`);
