/**
 * The example rows of the shipped import templates (templates/don-vi, dang-vien, ho-gia-dinh, written
 * by scripts/make-templates.ts): a small made-up province, "Đảng bộ tỉnh Lạng Sơn", with made-up people
 * and phone numbers (0912 000 0xx), for trying chibo on an empty data folder. A row is one of them when
 * both its code and its name are the template's, so an office's own unit that happens to share a code
 * is not mistaken for one. test/import/template-examples.test.ts keeps this list and the templates in step.
 */

/** Units: code → name. */
export const EXAMPLE_UNITS: ReadonlyMap<string, string> = new Map([
  ["TINH-LS", "Đảng bộ tỉnh Lạng Sơn"],
  ["CB-VPTU", "Chi bộ Văn phòng Tỉnh ủy"],
  ["XA-TANVAN", "Đảng bộ xã Tân Văn"],
  ["CB-TANVAN-CQ", "Chi bộ cơ quan Đảng ủy xã Tân Văn"],
  ["CB-POLAI", "Chi bộ thôn Pò Lài"],
  ["CB-BANCHANG", "Chi bộ thôn Bản Chang"],
  ["CB-NATHUA", "Chi bộ thôn Nà Thưa"],
  ["PHUONG-KYLUA", "Đảng bộ phường Kỳ Lừa"],
  ["CB-KYLUA-CQ", "Chi bộ cơ quan Đảng ủy phường Kỳ Lừa"],
  ["CB-TANHOA1", "Chi bộ tổ dân phố Tân Hòa 1"],
  ["CB-TANHOA2", "Chi bộ tổ dân phố Tân Hòa 2"],
]);

/** People: code → full name. */
export const EXAMPLE_PEOPLE: ReadonlyMap<string, string> = new Map([
  ["DV-0001", "Hoàng Văn Páo"],
  ["DV-0002", "Vi Thị Mai"],
  ["DV-0003", "Hoàng Thị Lan"],
  ["DV-0004", "Nông Văn Sáng"],
  ["DV-0005", "Triệu Thị Hoa"],
  ["DV-0006", "Lương Văn Tuấn"],
  ["DV-0007", "Lộc Văn Khoa"],
  ["DV-0008", "Nông Thị Thảo"],
  ["DV-0009", "Lăng Thị Hạnh"],
  ["DV-0010", "Chu Văn Quyết"],
  ["DV-0011", "Chu Thị Dung"],
  ["DV-0012", "Đinh Văn Cường"],
  ["DV-0013", "Hà Văn Nam"],
  ["DV-0014", "Dương Thị Nhung"],
  ["DV-0015", "Mông Văn Đức"],
]);

/** Households: code → head of the household. */
export const EXAMPLE_HOUSEHOLDS: ReadonlyMap<string, string> = new Map([
  ["HO-POLAI-01", "Hoàng Văn Bảy"],
  ["HO-POLAI-02", "Vi Thị Liên"],
  ["HO-BANCHANG-01", "Triệu Văn Lâm"],
  ["HO-TANHOA1-01", "Lý Văn Hải"],
]);
