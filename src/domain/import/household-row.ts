import { z } from "zod";
import type { ColumnSpec } from "./columns.js";
import { optional, readRows, required, type ReadRows } from "./rows.js";
import type { RawTable } from "./table.js";
import { parseCode, parsePeopleCount, parseText } from "./values.js";

export type HouseholdKey = "code" | "headName" | "unitCode" | "peopleCount" | "followerCode";

/**
 * Columns of the households file (templates/ho-gia-dinh.xlsx), in template order. Only what the
 * follow-up needs: no address, no ID numbers, no notes on the family (domain §7, minimal collection).
 */
export const HOUSEHOLD_COLUMNS: readonly ColumnSpec<HouseholdKey>[] = [
  { key: "code", header: "Mã hộ", aliases: ["Mã hộ gia đình", "Mã số hộ"], required: true },
  { key: "headName", header: "Chủ hộ", aliases: ["Họ tên chủ hộ", "Tên chủ hộ", "Họ và tên chủ hộ"], required: true },
  { key: "unitCode", header: "Mã đơn vị thôn", aliases: ["Thôn", "Mã thôn", "Thôn/Tổ dân phố", "Mã chi bộ", "Chi bộ", "Mã đơn vị"], required: true },
  { key: "peopleCount", header: "Số nhân khẩu", aliases: ["Số người", "Nhân khẩu", "Số khẩu", "Số người trong hộ"], required: false },
  { key: "followerCode", header: "Đảng viên phụ trách", aliases: ["Mã đảng viên phụ trách", "Người phụ trách", "Mã người phụ trách"], required: false },
];

const MAX_NAME = 100;

export interface HouseholdRow {
  line: number;
  code: string;
  headName: string;
  unitCode: string;
  peopleCount: number | undefined;
  followerCode: string | undefined;
}

const householdSchema = z.object({
  code: required(parseCode),
  headName: required(parseText(MAX_NAME)),
  unitCode: required(parseCode),
  peopleCount: optional(parsePeopleCount),
  followerCode: optional(parseCode),
});

/** Read and check the households file, row by row (no database): formats and repeated codes. */
export function readHouseholdRows(table: RawTable): ReadRows<Omit<HouseholdRow, "line">> {
  return readRows(table, HOUSEHOLD_COLUMNS, householdSchema, "code");
}
