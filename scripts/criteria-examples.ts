/**
 * The criteria tables written into templates/tieu-chi.xlsx and .csv: QĐ 366-QĐ/TW's frame (30 points of
 * general criteria, 70 of task results; HTXS from 90, HTT from 70, HT from 50) filled with criteria
 * drawn from HD 43-HD/BTCTW for each kind of organization in a commune, and the member's own table.
 * A province replaces them with its own guide's wording and points, and imports them again.
 */
import type { CriteriaKey } from "../src/domain/import/criteria-row.js";

type Row = Record<CriteriaKey, string>;
/**
 * The years the template carries a table for: imports key tables by kind and year, and a year with
 * none of its own is scored on an earlier year's (said to the scorer and in the export). The current
 * review year is here so that a province starting now has its own year's table to adjust.
 */
const YEARS = ["2025", "2026"];

function table(year: string, kind: string, general: [string, number][], tasks: [string, number][]): Row[] {
  const row = (code: string, group: string, name: string, maxPoints: string, minPoints = "", quotaPct = ""): Row => ({ tableKind: kind, year, code, group, name, maxPoints, minPoints, quotaPct });
  return [
    ...general.map(([name, max], i) => row(`1.${i + 1}`, "Tiêu chí chung", name, String(max))),
    ...tasks.map(([name, max], i) => row(`2.${i + 1}`, "Kết quả thực hiện nhiệm vụ", name, String(max))),
    row("HTXS", "Mức xếp loại", "Hoàn thành xuất sắc nhiệm vụ", "", "90", "20"),
    row("HTT", "Mức xếp loại", "Hoàn thành tốt nhiệm vụ", "", "70"),
    row("HT", "Mức xếp loại", "Hoàn thành nhiệm vụ", "", "50"),
    row("KHT", "Mức xếp loại", "Không hoàn thành nhiệm vụ", "", "0"),
  ];
}

/** The general part every party organization of a commune is scored on (30 points). */
const CELL_GENERAL: [string, number][] = [
  ["Công tác chính trị, tư tưởng: học tập, quán triệt, thực hiện nghị quyết, chỉ thị của Đảng", 8],
  ["Thực hiện nguyên tắc tập trung dân chủ, tự phê bình và phê bình; đoàn kết nội bộ", 8],
  ["Chất lượng sinh hoạt chi bộ: đủ kỳ sinh hoạt thường kỳ, sinh hoạt chuyên đề ít nhất mỗi quý", 7],
  ["Quản lý, phân công nhiệm vụ đảng viên; thu, nộp đảng phí; phát triển đảng viên", 7],
];

/** One year's tables: every kind of organization in a commune, and the member's own. */
const tablesOf = (year: string): Row[] => [
  ...table(year, "Chi bộ thôn", CELL_GENERAL, [
    ["Lãnh đạo phát triển kinh tế, giảm nghèo, xây dựng nông thôn mới ở thôn", 20],
    ["Văn hóa, xã hội: gia đình văn hóa, giáo dục, y tế, bảo hiểm y tế", 15],
    ["Quốc phòng, an ninh, trật tự an toàn xã hội; phòng cháy, chữa cháy rừng", 15],
    ["Lãnh đạo Ban công tác Mặt trận, các chi hội đoàn thể và trưởng thôn", 10],
    ["Thực hiện nghị quyết của chi bộ và nhiệm vụ Đảng ủy xã giao", 10],
  ]),
  ...table(year, "Chi bộ tổ dân phố", CELL_GENERAL, [
    ["Lãnh đạo phát triển kinh tế hộ, giảm nghèo, xây dựng đô thị văn minh", 20],
    ["Văn hóa, xã hội: tổ dân phố văn hóa, vệ sinh môi trường, y tế, bảo hiểm y tế", 15],
    ["An ninh, trật tự an toàn xã hội, trật tự đô thị, phòng cháy chữa cháy", 15],
    ["Lãnh đạo Ban công tác Mặt trận, các chi hội đoàn thể và tổ trưởng tổ dân phố", 10],
    ["Thực hiện nghị quyết của chi bộ và nhiệm vụ Đảng ủy phường giao", 10],
  ]),
  ...table(year, "Chi bộ cơ quan", CELL_GENERAL, [
    ["Lãnh đạo thực hiện nhiệm vụ chính trị, chuyên môn của cơ quan, đơn vị", 30],
    ["Cải cách hành chính, chuyển đổi số, thực hành tiết kiệm, phòng chống tham nhũng, lãng phí", 15],
    ["Lãnh đạo công đoàn, đoàn thanh niên, hội phụ nữ trong cơ quan", 10],
    ["Đảng viên giữ mối liên hệ và gương mẫu nơi cư trú (QĐ 213-QĐ/TW)", 5],
    ["Thực hiện nghị quyết của chi bộ và nhiệm vụ cấp ủy cấp trên giao", 10],
  ]),
  ...table(
    year,
    "Đảng bộ xã",
    [
      ["Công tác chính trị, tư tưởng; học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh", 8],
      ["Công tác tổ chức, cán bộ, đảng viên; chất lượng tổ chức cơ sở đảng trực thuộc", 8],
      ["Công tác kiểm tra, giám sát và thi hành kỷ luật đảng", 7],
      ["Công tác dân vận; lãnh đạo Mặt trận Tổ quốc và các đoàn thể", 7],
    ],
    [
      ["Thực hiện các chỉ tiêu kinh tế - xã hội theo nghị quyết đại hội và nghị quyết năm", 30],
      ["Quốc phòng, an ninh, trật tự an toàn xã hội", 15],
      ["Lãnh đạo chính quyền: cải cách hành chính, giải quyết khiếu nại, tố cáo", 15],
      ["Khắc phục hạn chế, khuyết điểm đã chỉ ra ở kỳ kiểm điểm trước", 10],
    ],
  ),
  ...table(
    year,
    "Đảng viên",
    [
      ["Tư tưởng chính trị; chấp hành chủ trương của Đảng, chính sách, pháp luật của Nhà nước", 10],
      ["Phẩm chất đạo đức, lối sống; không có biểu hiện suy thoái, tự diễn biến, tự chuyển hóa", 10],
      ["Ý thức tổ chức kỷ luật: sinh hoạt đảng, đóng đảng phí, giữ mối liên hệ nơi cư trú", 10],
    ],
    [
      ["Thực hiện nhiệm vụ được giao ở nơi công tác hoặc trong lao động, sản xuất", 40],
      ["Thực hiện nhiệm vụ chi bộ phân công (phụ trách hộ, công tác đoàn thể)", 20],
      ["Gương mẫu, vận động gia đình và nhân dân nơi cư trú thực hiện chủ trương, chính sách", 10],
    ],
  ),
];

export const CRITERIA_EXAMPLES: Row[] = YEARS.flatMap(tablesOf);

/** What each column takes, for the "Hướng dẫn" sheet. */
export const CRITERIA_NOTES: Record<string, string> = {
  tableKind: "Chi bộ thôn, Chi bộ tổ dân phố, Chi bộ cơ quan, Đảng bộ xã (phường), Đảng viên. Mỗi loại bảng, mỗi năm một bảng.",
  year: "Năm đánh giá (4 chữ số). Bảng của một năm dùng cho các năm sau đến khi có bảng mới.",
  code: "Mã tiêu chí (ví dụ 1.1, 2.3), không trùng trong một bảng; ở dòng mức xếp loại: HTXS, HTT, HT, KHT.",
  group: "Tiêu chí chung, Kết quả thực hiện nhiệm vụ, hoặc Mức xếp loại.",
  name: "Nội dung tiêu chí (chi bộ thấy khi tự chấm), hoặc tên mức xếp loại.",
  maxPoints: "Điểm tối đa của tiêu chí; các tiêu chí của một bảng cộng lại đúng 100.",
  minPoints: "Chỉ ở dòng mức xếp loại: tổng điểm thấp nhất của mức (HTXS 90, HTT 70, HT 50, KHT 0 theo QĐ 366).",
  quotaPct: "Chỉ ở dòng HTXS: số HTXS tối đa bằng bao nhiêu phần trăm số HTT (bỏ trống: 20).",
};
