/**
 * Write the province's report layouts: templates/bao-cao/*.xlsx, one per form, which `chibo export`
 * and `/xuat` fill (src/export/province-layout.ts). An office may edit them in Excel or replace them;
 * this script only makes the first version. Run: node --import tsx scripts/make-report-layouts.ts
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
  const put = (row: number, col: number, toCol: number, value: string, font: Partial<ExcelJS.Font> = {}) => {
    if (toCol > col) ws.mergeCells(row, col, row, toCol);
    const cell = ws.getCell(row, col);
    cell.value = value;
    cell.font = { name: FONT, size: 13, ...font };
    cell.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
  };
  // Header block: the superior organization and the issuing committee left, the party's name and the place and date right.
  put(1, 1, 3, "{{upper}}", { size: 13 });
  put(2, 1, 3, "{{issuer}}", { bold: true });
  put(3, 1, 3, "*", {});
  put(1, right, n, "ĐẢNG CỘNG SẢN VIỆT NAM", { bold: true, underline: true, size: 14 });
  put(2, right, n, "{{place_date}}", { italic: true });
  put(5, 1, n, TITLES[form], { bold: true, size: 15 });
  put(6, 1, n, "{{org}} — {{period}}", { bold: true });
  ws.getRow(5).height = 24;

  // The table: headers, then the marked rows the export repeats (item), and the looks of a subtotal and the total.
  const header = ws.getRow(8);
  header.height = 48;
  keys.forEach((key, i) => {
    const cell = header.getCell(i + 1);
    cell.value = HEADERS[key] ?? key;
    cell.font = { name: FONT, size: 11, bold: true };
    cell.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
    cell.border = BORDER;
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFF2F2F2" } };
  });
  const marked = [
    { row: 9, prefix: "row", bold: false, fill: undefined },
    { row: 10, prefix: "subtotal", bold: true, fill: "FFF7F7F7" },
    { row: 11, prefix: "total", bold: true, fill: "FFE7E6E6" },
  ];
  for (const m of marked) {
    const row = ws.getRow(m.row);
    keys.forEach((key, i) => {
      const cell = row.getCell(i + 1);
      cell.value = `{{${m.prefix}.${key}}}`;
      cell.font = { name: FONT, size: 12, bold: m.bold };
      cell.border = BORDER;
      cell.alignment = { vertical: "middle", horizontal: key === "name" || key === "status" ? "left" : "center", wrapText: key === "name" };
      const kind = figures.find((c) => c.key === key)?.kind;
      const format = kind ? FORMATS[kind] : undefined;
      if (format) cell.numFmt = format;
      if (m.fill) cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: m.fill } };
    });
  }

  // Signature block right, "Nơi nhận" left.
  put(13, right, n, "{{sign_for}}", { bold: true });
  put(14, right, n, "{{sign_position}}", { bold: true });
  put(18, right, n, "{{sign_name}}", { bold: true });
  const receivers = ["Nơi nhận:", "- {{recipient}} (để báo cáo),", "- Các đồng chí trong Thường trực,", "- Lưu Văn phòng."];
  receivers.forEach((text, i) => {
    const cell = ws.getCell(13 + i, 1);
    ws.mergeCells(13 + i, 1, 13 + i, 3);
    cell.value = text;
    cell.font = i === 0 ? { name: FONT, size: 12, bold: true, italic: true, underline: true } : { name: FONT, size: 11 };
  });

  // Widths that fit Vietnamese names ("Chi bộ tổ dân phố Tân Hòa 2", "Cộng: Đảng bộ phường Kỳ Lừa").
  keys.forEach((key, i) => {
    ws.getColumn(i + 1).width = key === "stt" ? 6 : key === "name" ? 42 : key === "status" ? 20 : key === "cell_level" ? 26 : 14;
  });
  ws.views = [{ state: "frozen", ySplit: 8 }];
  await wb.xlsx.writeFile(`${OUT}${LAYOUT_OF[form]}.xlsx`);
}

mkdirSync(OUT, { recursive: true });
for (const form of FORM_IDS) await writeLayout(form);
console.log(`Đã ghi ${FORM_IDS.length} mẫu báo cáo vào ${OUT}`);
