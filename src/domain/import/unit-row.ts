import { z } from "zod";
import type { AreaKind } from "../org.js";
import type { ColumnSpec } from "./columns.js";
import { optional, readRows, required, type ReadRows } from "./rows.js";
import type { RawCell, RawTable } from "./table.js";
import type { MeetingDay } from "../meeting-rule.js";
import {
  areaKindOf,
  cellText,
  parseCatchment,
  parseCode,
  parseDate,
  parseKind,
  parseMeetingDayCell,
  parseMeetingPlace,
  parseMeetingTimeCell,
  parseText,
  parseThematicCell,
  type ImportOrgKind,
  type Parsed,
} from "./values.js";

export type UnitKey = "code" | "name" | "kind" | "parentCode" | "areaName" | "catchment" | "foundedOn" | "meetingDay" | "meetingTime" | "meetingPlace" | "thematicMonth" | "predecessorCodes";

/** Columns of the units file (templates/don-vi.xlsx), in template order. */
export const UNIT_COLUMNS: readonly ColumnSpec<UnitKey>[] = [
  { key: "code", header: "Mã đơn vị", aliases: ["Mã", "Mã tổ chức đảng", "Mã TCĐ", "Mã chi bộ"], required: true },
  { key: "name", header: "Tên đơn vị", aliases: ["Tên", "Tên tổ chức đảng", "Tên chi bộ", "Tên TCĐ"], required: true },
  { key: "kind", header: "Loại", aliases: ["Loại đơn vị", "Loại tổ chức", "Loại tổ chức đảng", "Cấp"], required: true },
  { key: "parentCode", header: "Mã đơn vị cấp trên", aliases: ["Mã cấp trên", "Cấp trên", "Đơn vị cấp trên", "Trực thuộc", "Mã đơn vị trực thuộc"], required: false },
  { key: "areaName", header: "Địa bàn", aliases: ["Địa bàn hoạt động", "Thôn/Tổ dân phố", "Địa bàn phụ trách"], required: false },
  { key: "catchment", header: "Loại hình", aliases: ["Loại hình chi bộ", "Khối", "Loại hình tổ chức"], required: false },
  { key: "foundedOn", header: "Ngày thành lập", aliases: ["Ngày hiệu lực", "Thành lập ngày", "Ngày TL"], required: false },
  // The standing monthly meeting; on a commune or province row, the default of its village cells.
  { key: "meetingDay", header: "Ngày sinh hoạt", aliases: ["Ngày sinh hoạt thường kỳ", "Ngày họp", "Lịch sinh hoạt", "Ngày sinh hoạt chi bộ"], required: false },
  { key: "meetingTime", header: "Giờ sinh hoạt", aliases: ["Giờ họp", "Giờ bắt đầu", "Thời gian sinh hoạt"], required: false },
  { key: "meetingPlace", header: "Địa điểm sinh hoạt", aliases: ["Địa điểm", "Nơi sinh hoạt", "Nơi họp", "Địa điểm họp"], required: false },
  { key: "thematicMonth", header: "Sinh hoạt chuyên đề", aliases: ["Tháng sinh hoạt chuyên đề", "Chuyên đề", "SH chuyên đề"], required: false },
  // A merge or split recorded from the file: the units this one continues, closed on its "Ngày thành lập".
  { key: "predecessorCodes", header: "Đơn vị tiền thân", aliases: ["Mã đơn vị tiền thân", "Sáp nhập từ", "Hợp nhất từ", "Mã đơn vị cũ"], required: false },
];

/** Names longer than this are not names. */
const MAX_NAME = 200;

/** A unit row as read: identity (code, name, kind, parent) and descriptive attributes. */
export interface UnitRow {
  line: number;
  code: string;
  name: string;
  kind: ImportOrgKind;
  parentCode: string | undefined;
  areaName: string | undefined;
  areaKind: AreaKind | null | undefined;
  catchment: string | undefined;
  foundedOn: string | undefined;
  meetingDay: MeetingDay | undefined;
  meetingTime: string | undefined;
  meetingPlace: string | undefined;
  thematicMonth: number | undefined;
  /** Codes of the units this one succeeds (a merge): they close on `foundedOn`. */
  predecessorCodes: string[] | undefined;
}

/** "CB-A, CB-B" (or ; / + / new lines) → each code checked like a unit code. */
function parseCodeList(cell: RawCell): Parsed<string[]> {
  const codes: string[] = [];
  for (const part of cellText(cell).split(/[,;/+\n]/).map((p) => p.trim()).filter(Boolean)) {
    const code = parseCode(part);
    if (!code.ok) return code;
    codes.push(code.value);
  }
  return codes.length > 0 ? { ok: true, value: codes } : { ok: false, code: "bad_code" };
}

function unitSchema(today: string) {
  return z
    .object({
      code: required(parseCode),
      name: required(parseText(MAX_NAME)),
      kind: required(parseKind),
      parentCode: optional(parseCode),
      areaName: optional(parseText(MAX_NAME)),
      catchment: optional(parseCatchment),
      foundedOn: optional(parseDate(today)),
      meetingDay: optional(parseMeetingDayCell),
      meetingTime: optional(parseMeetingTimeCell),
      meetingPlace: optional(parseMeetingPlace),
      thematicMonth: optional(parseThematicCell),
      predecessorCodes: optional(parseCodeList),
    })
    .transform((row) => ({ ...row, areaKind: row.areaName === undefined ? undefined : areaKindOf(row.areaName) }));
}

/**
 * Read and check the units file, row by row (no database): every cell's format, and codes
 * repeated within the file. `today` is the local date (`YYYY-MM-DD`).
 */
export function readUnitRows(table: RawTable, today: string): ReadRows<Omit<UnitRow, "line">> {
  return readRows(table, UNIT_COLUMNS, unitSchema(today), "code");
}
