import { z } from "zod";
import type { ColumnSpec } from "./columns.js";
import { optional, readRows, required, type ReadRows } from "./rows.js";
import type { RawTable } from "./table.js";
import { parseCode, parseDate, parseText } from "./values.js";

export type AssignmentKey = "personCode" | "unitCode" | "householdCode" | "from" | "to" | "duties";

/**
 * Columns of the assignments file (templates/phan-cong.xlsx): who follows which commune, cell/village
 * or household ("tỉnh nắm đến xã, xã nắm đến thôn, đảng viên nắm đến hộ"), from and to which date.
 */
export const ASSIGNMENT_COLUMNS: readonly ColumnSpec<AssignmentKey>[] = [
  { key: "personCode", header: "Mã người phụ trách", aliases: ["Mã đảng viên", "Mã cán bộ", "Người phụ trách", "Mã đảng viên phụ trách"], required: true },
  { key: "unitCode", header: "Mã đơn vị phụ trách", aliases: ["Mã đơn vị", "Đơn vị phụ trách", "Mã xã", "Mã chi bộ", "Mã thôn"], required: false },
  { key: "householdCode", header: "Mã hộ phụ trách", aliases: ["Mã hộ", "Mã hộ gia đình", "Hộ phụ trách"], required: false },
  { key: "from", header: "Từ ngày", aliases: ["Ngày bắt đầu", "Từ", "Ngày phân công"], required: true },
  { key: "to", header: "Đến ngày", aliases: ["Ngày kết thúc", "Đến"], required: false },
  { key: "duties", header: "Nhiệm vụ", aliases: ["Nội dung phụ trách", "Nội dung", "Công việc"], required: false },
];

const MAX_DUTIES = 300;

export interface AssignmentRow {
  line: number;
  personCode: string;
  unitCode: string | undefined;
  householdCode: string | undefined;
  from: string;
  to: string | undefined;
  duties: string | undefined;
}

const assignmentSchema = z.object({
  personCode: required(parseCode),
  unitCode: optional(parseCode),
  householdCode: optional(parseCode),
  from: required(parseDate()),
  to: optional(parseDate()),
  duties: optional(parseText(MAX_DUTIES)),
});

/** Read and check the assignments file, row by row (no database). Rows have no code: repeats are found by the service. */
export function readAssignmentRows(table: RawTable): ReadRows<Omit<AssignmentRow, "line">> {
  return readRows(table, ASSIGNMENT_COLUMNS, assignmentSchema, null);
}
