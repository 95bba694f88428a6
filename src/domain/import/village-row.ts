import { z } from "zod";
import { readQuarter, readRole, type FigureKey, type Organization, type WorkerRole } from "../records/village-record.js";
import type { ColumnSpec } from "./columns.js";
import { optional, readRows, required, type ReadRows } from "./rows.js";
import type { RawTable } from "./table.js";
import { cellText, parseBirthYear, parseBool, parseCode, parseSex, parseText, type Parsed } from "./values.js";

type FigureColumn = FigureKey | `org_${Organization}`;
export type VillageKey = "unitCode" | "quarter" | FigureColumn | "role" | "name" | "sex" | "birthYear" | "ethnicity" | "education" | "occupation" | "partyMember";

/**
 * Columns of the village record file (templates/ho-so-thon.xlsx), in template order: a village's
 * quarter, its figures and organizations, and one of its workers per row. A village's figures may sit
 * on its first row only (the rows below list its other workers), as offices lay such sheets out.
 */
export const VILLAGE_COLUMNS: readonly ColumnSpec<VillageKey>[] = [
  { key: "unitCode", header: "Mã đơn vị thôn", aliases: ["Mã thôn", "Mã chi bộ", "Mã đơn vị", "Thôn"], required: true },
  { key: "quarter", header: "Quý", aliases: ["Kỳ", "Quý/năm"], required: true },
  { key: "areaKm2", header: "Diện tích (km2)", aliases: ["Diện tích", "Diện tích (km²)", "DT (km2)"], required: false },
  { key: "population", header: "Dân số", aliases: ["Số khẩu", "Nhân khẩu", "Số nhân khẩu", "Dân số (người)"], required: false },
  { key: "households", header: "Số hộ", aliases: ["Hộ", "Tổng số hộ"], required: false },
  { key: "poorHouseholds", header: "Hộ nghèo", aliases: ["Số hộ nghèo"], required: false },
  { key: "org_party", header: "Đảng viên", aliases: ["Số đảng viên"], required: false },
  { key: "org_front", header: "Ban công tác Mặt trận", aliases: ["Mặt trận", "MTTQ"], required: false },
  { key: "org_women", header: "Hội Phụ nữ", aliases: ["Phụ nữ", "Hội viên phụ nữ"], required: false },
  { key: "org_farmers", header: "Hội Nông dân", aliases: ["Nông dân", "Hội viên nông dân"], required: false },
  { key: "org_veterans", header: "Hội Cựu chiến binh", aliases: ["Cựu chiến binh", "CCB"], required: false },
  { key: "org_youth", header: "Đoàn Thanh niên", aliases: ["Đoàn viên", "Chi đoàn", "Thanh niên"], required: false },
  { key: "org_elderly", header: "Hội Người cao tuổi", aliases: ["Người cao tuổi"], required: false },
  { key: "org_red_cross", header: "Hội Chữ thập đỏ", aliases: ["Chữ thập đỏ"], required: false },
  { key: "role", header: "Chức danh", aliases: ["Chức vụ", "Chức danh người làm việc"], required: false },
  { key: "name", header: "Họ và tên", aliases: ["Họ tên", "Người làm việc"], required: false },
  { key: "sex", header: "Giới tính", aliases: ["Nam/Nữ"], required: false },
  { key: "birthYear", header: "Năm sinh", aliases: [], required: false },
  { key: "ethnicity", header: "Dân tộc", aliases: [], required: false },
  { key: "education", header: "Trình độ", aliases: ["Trình độ học vấn", "Học vấn", "Văn hóa"], required: false },
  { key: "occupation", header: "Nghề nghiệp", aliases: ["Nghề"], required: false },
  { key: "partyMember", header: "Là đảng viên", aliases: ["ĐV", "Đảng viên (x)"], required: false },
];

const MAX_TEXT = 100;

export interface VillageRow {
  line: number;
  unitCode: string;
  quarter: string;
  figures: Partial<Record<FigureKey, number>>;
  organizations: Partial<Record<Organization, number>>;
  /** Set when the row names a worker. */
  worker?: { role: WorkerRole; name: string; sex: "M" | "F" | null; birthYear: number | null; ethnicity: string | null; education: string | null; occupation: string | null; partyMember: boolean };
}

function parseQuarter(today: string) {
  return (cell: Parameters<typeof cellText>[0]): Parsed<string> => {
    const q = readQuarter(cellText(cell), today);
    return q && q <= `${today.slice(0, 4)}-Q4` ? { ok: true, value: q } : { ok: false, code: "bad_quarter" };
  };
}

function parseCount(max: number, decimal = false) {
  return (cell: Parameters<typeof cellText>[0]): Parsed<number> => {
    const text = cellText(cell).replace(/\s/g, "");
    let n: number | null = null;
    if (typeof cell === "number") n = cell;
    else if (decimal && /^\d+([.,]\d{1,2})?$/.test(text)) n = Number(text.replace(",", "."));
    else if (/^\d{1,3}([.,]\d{3})+$/.test(text)) n = Number(text.replace(/[.,]/g, ""));
    else if (/^\d+$/.test(text)) n = Number(text);
    if (n === null || n < 0 || n > max || (!decimal && !Number.isInteger(n))) return { ok: false, code: "bad_count", args: { max } };
    return { ok: true, value: decimal ? Math.round(n * 100) / 100 : n };
  };
}

function parseRole(cell: Parameters<typeof cellText>[0]): Parsed<WorkerRole> {
  const role = readRole(cellText(cell));
  return role ? { ok: true, value: role } : { ok: false, code: "bad_worker_role" };
}

/** Read and check the village record file, row by row (no database). */
export function readVillageRows(table: RawTable, today: string): ReadRows<Omit<VillageRow, "line">> {
  const schema = z
    .object({
      unitCode: required(parseCode),
      quarter: required(parseQuarter(today)),
      areaKm2: optional(parseCount(5000, true)),
      population: optional(parseCount(100_000)),
      households: optional(parseCount(20_000)),
      poorHouseholds: optional(parseCount(20_000)),
      org_party: optional(parseCount(100_000)),
      org_front: optional(parseCount(100_000)),
      org_women: optional(parseCount(100_000)),
      org_farmers: optional(parseCount(100_000)),
      org_veterans: optional(parseCount(100_000)),
      org_youth: optional(parseCount(100_000)),
      org_elderly: optional(parseCount(100_000)),
      org_red_cross: optional(parseCount(100_000)),
      role: optional(parseRole),
      name: optional(parseText(MAX_TEXT)),
      sex: optional(parseSex),
      birthYear: optional(parseBirthYear(today)),
      ethnicity: optional(parseText(MAX_TEXT)),
      education: optional(parseText(MAX_TEXT)),
      occupation: optional(parseText(MAX_TEXT)),
      partyMember: optional(parseBool),
    })
    .superRefine((r, ctx) => {
      // A worker needs a title and a name; details without them are a misplaced row.
      const details = r.sex !== undefined || r.birthYear !== undefined || r.ethnicity !== undefined || r.education !== undefined || r.occupation !== undefined;
      if (r.role !== undefined && r.name === undefined) ctx.addIssue({ code: "custom", path: ["name"], message: "required", params: {} });
      if (r.role === undefined && (r.name !== undefined || details)) ctx.addIssue({ code: "custom", path: ["role"], message: "required", params: {} });
    })
    .transform((r): Omit<VillageRow, "line"> => {
      const figures: VillageRow["figures"] = {};
      for (const key of ["areaKm2", "population", "households", "poorHouseholds"] as const) if (r[key] !== undefined) figures[key] = r[key];
      const organizations: VillageRow["organizations"] = {};
      for (const key of ["party", "front", "women", "farmers", "veterans", "youth", "elderly", "red_cross"] as const) {
        const v = r[`org_${key}`];
        if (v !== undefined) organizations[key] = v;
      }
      const out: Omit<VillageRow, "line"> = { unitCode: r.unitCode, quarter: r.quarter, figures, organizations };
      if (r.role !== undefined && r.name !== undefined) {
        out.worker = {
          role: r.role,
          name: r.name,
          sex: r.sex ?? null,
          birthYear: r.birthYear ?? null,
          ethnicity: r.ethnicity ?? null,
          education: r.education ?? null,
          occupation: r.occupation ?? null,
          partyMember: r.partyMember ?? false,
        };
      }
      return out;
    });
  return readRows(table, VILLAGE_COLUMNS, schema as never, null);
}
