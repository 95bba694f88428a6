import { z } from "zod";
import { readLeaveReason, type LeaveReason } from "../membership.js";
import type { Membership } from "../roles.js";
import type { ColumnSpec } from "./columns.js";
import { optional, readRows, required, tick, type ReadRows } from "./rows.js";
import type { RawCell, RawTable } from "./table.js";
import {
  cellText,
  parseBirthYear,
  parseBool,
  parseCode,
  parseDate,
  parseMembership,
  parsePhone,
  parseRoles,
  parseSex,
  parseText,
  type ListedRole,
  type Parsed,
} from "./values.js";

export type PersonKey =
  | "code"
  | "fullName"
  | "sex"
  | "birthYear"
  | "ethnicity"
  | "phone"
  | "cellCode"
  | "membership"
  | "admittedOn"
  | "fullMemberOn"
  | "exempt"
  | "tempAttached"
  | "roles"
  | "roleOrgCode"
  | "asOf"
  | "change";

/**
 * Columns of the people file (templates/dang-vien.xlsx), in template order. Columns not listed here
 * (STT, CCCD, số thẻ đảng, quê quán, tôn giáo…) are ignored: the bot keeps only what it needs (domain §7).
 */
export const PERSON_COLUMNS: readonly ColumnSpec<PersonKey>[] = [
  { key: "code", header: "Mã đảng viên", aliases: ["Mã ĐV", "Mã", "Mã số", "Mã người"], required: true },
  { key: "fullName", header: "Họ và tên", aliases: ["Họ tên", "Họ và tên đảng viên", "Tên đảng viên"], required: true },
  { key: "sex", header: "Giới tính", aliases: ["Nam/Nữ", "Giới"], required: false },
  { key: "birthYear", header: "Năm sinh", aliases: ["Ngày sinh", "Ngày tháng năm sinh", "Sinh năm"], required: false },
  { key: "ethnicity", header: "Dân tộc", aliases: [], required: false },
  { key: "phone", header: "Số điện thoại", aliases: ["Điện thoại", "SĐT", "Số ĐT", "ĐT", "Di động"], required: false },
  { key: "cellCode", header: "Chi bộ", aliases: ["Mã chi bộ", "Chi bộ sinh hoạt", "Mã chi bộ sinh hoạt", "Mã đơn vị"], required: true },
  { key: "membership", header: "Đảng viên chính thức/dự bị", aliases: ["Chính thức/dự bị", "Loại đảng viên", "ĐV chính thức/dự bị", "Chính thức/Dự bị"], required: true },
  { key: "admittedOn", header: "Ngày vào Đảng", aliases: ["Ngày kết nạp", "Ngày kết nạp Đảng", "Ngày vào đảng"], required: false },
  { key: "fullMemberOn", header: "Ngày chính thức", aliases: ["Ngày công nhận chính thức", "Ngày chuyển chính thức"], required: false },
  { key: "exempt", header: "Miễn sinh hoạt", aliases: ["Miễn SH", "Miễn công tác và sinh hoạt"], required: false },
  { key: "tempAttached", header: "Sinh hoạt tạm thời", aliases: ["SH tạm thời", "Tạm thời"], required: false },
  { key: "roles", header: "Chức vụ", aliases: ["Chức vụ Đảng", "Chức vụ trong Đảng", "Chức danh"], required: false },
  { key: "roleOrgCode", header: "Mã đơn vị giữ chức vụ", aliases: ["Đơn vị giữ chức vụ", "Mã đảng bộ"], required: false },
  // Changes over time: the day the row's roles, cell and change take effect (default: `--on`, else the import day).
  { key: "asOf", header: "Tính từ ngày", aliases: ["Có hiệu lực từ", "Từ ngày", "Ngày có hiệu lực"], required: false },
  { key: "change", header: "Biến động", aliases: ["Ra khỏi danh sách", "Lý do ra khỏi danh sách"], required: false },
];

const MAX_NAME = 100;
const MAX_ETHNICITY = 40;

/** A person row as read; undefined means "not given", which leaves a stored value as it is. */
export interface PersonRow {
  line: number;
  code: string;
  fullName: string;
  sex: "M" | "F" | undefined;
  birthYear: number | undefined;
  ethnicity: string | undefined;
  phone: string | undefined;
  cellCode: string;
  membership: Membership;
  admittedOn: string | undefined;
  fullMemberOn: string | undefined;
  exempt: boolean | undefined;
  tempAttached: boolean | undefined;
  roles: ListedRole[];
  roleOrgCode: string | undefined;
  /** When this row takes effect; undefined: the import's `--on` date, else the import day. */
  asOf: string | undefined;
  /** The member leaves the rolls on `asOf` (chuyển đi, ra khỏi Đảng, từ trần). */
  change: LeaveReason | undefined;
}

/** "chuyển đi" | "ra khỏi Đảng" | "từ trần" → the reason. */
function parseChange(cell: RawCell): Parsed<LeaveReason> {
  const reason = readLeaveReason(cellText(cell));
  return reason ? { ok: true, value: reason } : { ok: false, code: "bad_change" };
}

function personSchema(today: string) {
  return z
    .object({
      code: required(parseCode),
      fullName: required(parseText(MAX_NAME)),
      sex: optional(parseSex),
      birthYear: optional(parseBirthYear(today)),
      ethnicity: optional(parseText(MAX_ETHNICITY)),
      phone: optional(parsePhone),
      cellCode: required(parseCode),
      membership: required(parseMembership),
      admittedOn: optional(parseDate(today)),
      fullMemberOn: optional(parseDate(today)),
      exempt: tick(parseBool),
      tempAttached: tick(parseBool),
      roles: optional(parseRoles),
      roleOrgCode: optional(parseCode),
      asOf: optional(parseDate(today)),
      change: optional(parseChange),
    })
    .transform((row) => ({ ...row, roles: row.roles ?? [] }));
}

/**
 * Read and check the people file, row by row (no database): every cell's format, and codes
 * repeated within the file. `today` is the local date (`YYYY-MM-DD`).
 */
export function readPersonRows(table: RawTable, today: string): ReadRows<Omit<PersonRow, "line">> {
  return readRows(table, PERSON_COLUMNS, personSchema(today), "code");
}
