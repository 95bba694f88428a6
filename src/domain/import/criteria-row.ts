import { z } from "zod";
import { DEFAULT_HTXS_QUOTA_PCT, RATING_LEVELS, roundPoints, TABLE_TOTAL, type Criterion, type CriteriaTableData, type TableKind } from "../forms/criteria.js";
import type { RatingLevel } from "../forms/rating.js";
import { fold } from "../text/fold.js";
import type { ColumnSpec } from "./columns.js";
import type { ImportIssue } from "./issues.js";
import { optional, readRows, required, type ReadRows } from "./rows.js";
import type { RawCell, RawTable } from "./table.js";
import { cellText, parseCode, parseText, type Parsed } from "./values.js";

export type CriteriaKey = "tableKind" | "year" | "code" | "group" | "name" | "maxPoints" | "minPoints" | "quotaPct";

/**
 * Columns of the criteria file (templates/tieu-chi.xlsx): one row per criterion (its group, text and
 * maximum) and one per level (its lowest total), for each kind of table and year.
 */
export const CRITERIA_COLUMNS: readonly ColumnSpec<CriteriaKey>[] = [
  { key: "tableKind", header: "Loại bảng", aliases: ["Loại tổ chức", "Đối tượng", "Bảng tiêu chí", "Loại"], required: true },
  { key: "year", header: "Năm", aliases: ["Năm áp dụng", "Năm đánh giá"], required: true },
  { key: "code", header: "Mã", aliases: ["Mã tiêu chí", "Mã mức"], required: true },
  { key: "group", header: "Nhóm", aliases: ["Nhóm tiêu chí", "Phần"], required: true },
  { key: "name", header: "Nội dung", aliases: ["Tiêu chí", "Tên tiêu chí", "Nội dung tiêu chí"], required: true },
  { key: "maxPoints", header: "Điểm tối đa", aliases: ["Điểm chuẩn", "Điểm tối đa (tiêu chí)"], required: false },
  { key: "minPoints", header: "Điểm từ", aliases: ["Điểm sàn", "Từ điểm", "Điểm tối thiểu (mức)"], required: false },
  { key: "quotaPct", header: "Tỷ lệ tối đa so với HTT (%)", aliases: ["Tỷ lệ tối đa (%)", "Tỷ lệ HTXS (%)"], required: false },
];

const MAX_NAME = 300;
export const EARLIEST_TABLE_YEAR = 2020;
export const LATEST_TABLE_YEAR = 2100;

const fail = <T>(code: ImportIssue["code"], args?: Record<string, string | number>): Parsed<T> => ({ ok: false, code, ...(args ? { args } : {}) });
const words = (cell: RawCell) => fold(cellText(cell)).replace(/[^a-z0-9]+/g, " ").trim();

const KIND_WORDS: Record<string, TableKind> = {
  "chi bo thon": "village_cell",
  "chi bo ban": "village_cell",
  "chi bo thon ban": "village_cell",
  "chi bo to dan pho": "residential_group_cell",
  "chi bo tdp": "residential_group_cell",
  "chi bo khu pho": "residential_group_cell",
  "chi bo co quan": "agency_cell",
  "chi bo co quan don vi": "agency_cell",
  "dang bo xa": "commune_committee",
  "dang bo phuong": "commune_committee",
  "dang bo xa phuong": "commune_committee",
  "dang uy xa": "commune_committee",
  "dang vien": "member",
  "ca nhan dang vien": "member",
  "ca nhan": "member",
};
/** The kinds as the template writes them, for messages. */
export const TABLE_KIND_LABELS = "Chi bộ thôn, Chi bộ tổ dân phố, Chi bộ cơ quan, Đảng bộ xã, Đảng viên";

function parseTableKind(cell: RawCell): Parsed<TableKind> {
  const kind = KIND_WORDS[words(cell)];
  return kind ? { ok: true, value: kind } : fail("bad_table_kind", { expected: TABLE_KIND_LABELS });
}

function parseYear(cell: RawCell): Parsed<number> {
  const text = cellText(cell);
  const year = /^\d{4}$/.test(text) ? Number(text) : NaN;
  return year >= EARLIEST_TABLE_YEAR && year <= LATEST_TABLE_YEAR ? { ok: true, value: year } : fail("bad_year", { min: EARLIEST_TABLE_YEAR, max: LATEST_TABLE_YEAR });
}

export type CriteriaGroup = Criterion["group"] | "level";

function parseGroup(cell: RawCell): Parsed<CriteriaGroup> {
  const w = words(cell);
  if (/^(tieu chi chung|chung|phan chung)$/.test(w)) return { ok: true, value: "general" };
  if (/^(ket qua thuc hien nhiem vu|ket qua nhiem vu|nhiem vu|ket qua)$/.test(w)) return { ok: true, value: "tasks" };
  if (/^(muc xep loai|muc|xep loai)$/.test(w)) return { ok: true, value: "level" };
  return fail("bad_group");
}

/** Points: a positive number up to 100, in steps of a quarter at the finest (0,5 and 0.5 both read). */
function parsePoints(cell: RawCell): Parsed<number> {
  const n = typeof cell === "number" ? cell : Number(cellText(cell).replace(",", "."));
  if (!Number.isFinite(n) || n < 0 || n > TABLE_TOTAL || Math.round(n * 4) !== n * 4) return fail("bad_points", { max: TABLE_TOTAL });
  return { ok: true, value: n };
}

function parsePercent(cell: RawCell): Parsed<number> {
  const n = typeof cell === "number" ? (cell > 0 && cell < 1 ? cell * 100 : cell) : Number(cellText(cell).replace("%", "").replace(",", ".").trim());
  return Number.isFinite(n) && n >= 0 && n <= 100 ? { ok: true, value: roundPoints(n) } : fail("bad_percent");
}

export interface CriteriaRow {
  line: number;
  tableKind: TableKind;
  year: number;
  code: string;
  group: CriteriaGroup;
  name: string;
  maxPoints: number | undefined;
  minPoints: number | undefined;
  quotaPct: number | undefined;
}

const criteriaSchema = z.object({
  tableKind: required(parseTableKind),
  year: required(parseYear),
  code: required(parseCode),
  group: required(parseGroup),
  name: required(parseText(MAX_NAME)),
  maxPoints: optional(parsePoints),
  minPoints: optional(parsePoints),
  quotaPct: optional(parsePercent),
});

/** Read and check the criteria file, row by row (codes repeat across tables: checked per table below). */
export function readCriteriaRows(table: RawTable): ReadRows<Omit<CriteriaRow, "line">> {
  return readRows(table, CRITERIA_COLUMNS, criteriaSchema, null);
}

/**
 * Group the rows into one table per kind and year and check each as a whole: a criterion has its
 * maximum, a level its lowest total; codes are not repeated in a table; the maxima add up to 100; the
 * four levels are all there, highest first, KHT from 0. Every problem names a line and a column.
 */
export function buildCriteriaTables(rows: readonly CriteriaRow[], col: (key: CriteriaKey) => string): { tables: Omit<CriteriaTableData, "version">[]; issues: ImportIssue[] } {
  const issues: ImportIssue[] = [];
  const groups = new Map<string, CriteriaRow[]>();
  for (const row of rows) {
    const key = `${row.tableKind}:${row.year}`;
    groups.set(key, [...(groups.get(key) ?? []), row]);
  }
  const tables: Omit<CriteriaTableData, "version">[] = [];
  for (const list of groups.values()) {
    const first = list[0]!;
    const before = issues.length;
    const seen = new Map<string, number>();
    const criteria: Criterion[] = [];
    const bands: { level: RatingLevel; min: number; line: number }[] = [];
    let quota: number | undefined;
    for (const row of list) {
      const key = row.code.toLocaleUpperCase("vi");
      const firstLine = seen.get(key);
      if (firstLine !== undefined) {
        issues.push({ line: row.line, column: col("code"), code: "duplicate_code", args: { value: row.code, first: firstLine } });
        continue;
      }
      seen.set(key, row.line);
      if (row.group === "level") {
        const level = RATING_LEVELS.find((l) => l === row.code.toUpperCase());
        if (!level) issues.push({ line: row.line, column: col("code"), code: "bad_level", args: { value: row.code } });
        if (row.minPoints === undefined) issues.push({ line: row.line, column: col("minPoints"), code: "required", args: { value: "" } });
        if (level && row.minPoints !== undefined) bands.push({ level, min: row.minPoints, line: row.line });
        if (row.quotaPct !== undefined) quota = row.quotaPct;
        continue;
      }
      if (row.maxPoints === undefined || row.maxPoints === 0) {
        issues.push({ line: row.line, column: col("maxPoints"), code: row.maxPoints === 0 ? "bad_points" : "required", args: { value: row.maxPoints ?? "", max: TABLE_TOTAL } });
        continue;
      }
      criteria.push({ code: row.code, group: row.group, name: row.name, max: row.maxPoints });
    }
    const total = roundPoints(criteria.reduce((s, c) => s + c.max, 0));
    if (issues.length === before && total !== TABLE_TOTAL) {
      issues.push({ line: first.line, column: col("maxPoints"), code: "criteria_total", args: { total: String(total).replace(".", ","), expected: TABLE_TOTAL } });
    }
    const missing = RATING_LEVELS.filter((l) => !bands.some((b) => b.level === l));
    if (missing.length > 0) issues.push({ line: first.line, column: col("code"), code: "levels_missing", args: { levels: missing.join(", ") } });
    else {
      const ordered = RATING_LEVELS.map((l) => bands.find((b) => b.level === l)!);
      ordered.forEach((b, i) => {
        const higher = ordered[i - 1];
        if (higher && b.min >= higher.min) issues.push({ line: b.line, column: col("minPoints"), code: "level_order", args: { value: b.min, level: b.level, higher: higher.level, min: higher.min } });
      });
      const kht = ordered[ordered.length - 1]!;
      if (kht.min !== 0) issues.push({ line: kht.line, column: col("minPoints"), code: "level_floor", args: { value: kht.min } });
    }
    if (issues.length > before) continue;
    tables.push({
      kind: first.tableKind,
      year: first.year,
      criteria,
      bands: RATING_LEVELS.map((l) => ({ level: l, min: bands.find((b) => b.level === l)!.min })),
      htxsQuotaPct: quota ?? DEFAULT_HTXS_QUOTA_PCT,
    });
  }
  return { tables, issues };
}
