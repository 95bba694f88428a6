import { isCellKind } from "../org.js";
import { QD366_COLLECTIVE, type CriteriaTable, type Criterion, type RatingBand, type RatingLevel } from "./rating.js";

/**
 * The kinds of criteria table an office keeps (the province's "14 biểu tiêu chí" reduced to the four
 * organization types of a commune, and the member's own table).
 */
export const TABLE_KINDS = ["village_cell", "residential_group_cell", "agency_cell", "commune_committee", "member"] as const;
export type TableKind = (typeof TABLE_KINDS)[number];

export const RATING_LEVELS: readonly RatingLevel[] = ["HTXS", "HTT", "HT", "KHT"];

export function isRatingLevel(value: unknown): value is RatingLevel {
  return typeof value === "string" && (RATING_LEVELS as readonly string[]).includes(value);
}

export type { Criterion };

/** A criteria table as an office imported it (one kind, one year, one version). */
export interface CriteriaTableData {
  kind: TableKind;
  year: number;
  version: number;
  criteria: readonly Criterion[];
  /** Lowest total of each level, highest level first. */
  bands: readonly { level: RatingLevel; min: number }[];
  /** HTXS at most this percentage of HTT (HD 21/2019: 20). */
  htxsQuotaPct: number;
}

/** The points a table gives in all (QĐ 366: 100). */
export const TABLE_TOTAL = 100;
/** HD 21-HD/BTCTW (2019): HTXS within 20% of HTT, kept until a province's guide says otherwise. */
export const DEFAULT_HTXS_QUOTA_PCT = 20;

/**
 * Which table rates an organization: the commune committee's, or a cell's by what it serves
 * (village, residential group, agency); null for kinds no table covers (the province).
 *
 * @example tableKindOf({ kind: "chi_bo_co_so", areaKind: "village", catchment: "thon" }) // "village_cell"
 */
export function tableKindOf(org: { kind: string; areaKind: string | null; catchment: string | null }): TableKind | null {
  if (org.kind === "dang_bo_xa") return "commune_committee";
  if (!isCellKind(org.kind)) return null;
  if (org.areaKind === "residential_group" || org.catchment === "to_dan_pho") return "residential_group_cell";
  if (org.areaKind === "agency" || (org.catchment !== null && org.catchment !== "thon")) return "agency_cell";
  return "village_cell";
}

/** Sum of a table's criteria in one group (or all). */
export function maxOf(table: Pick<CriteriaTableData, "criteria">, group?: Criterion["group"]): number {
  return roundPoints(table.criteria.filter((c) => group === undefined || c.group === group).reduce((s, c) => s + c.max, 0));
}

/** Points are whole or halves; sums of decimals are rounded so 0.1 + 0.2 reads 0.3. */
export function roundPoints(n: number): number {
  return Math.round(n * 100) / 100;
}

/**
 * The table as the rating rules use it: totals per group, bands with QĐ 366's conditions on the top
 * level (all tasks done with 30% above target; for collectives, no disciplined sub-unit).
 */
export function toCriteriaTable(data: CriteriaTableData): CriteriaTable & { criteria: readonly Criterion[] } {
  const bands: RatingBand[] = data.bands.map((b) => ({
    level: b.level,
    min: b.min,
    conditions: b.level !== "HTXS" ? [] : data.kind === "member" ? ["tasks_exceeded_30pct"] : ["tasks_exceeded_30pct", "no_disciplined_subunit"],
  }));
  return {
    id: `${data.kind}/${data.year}/v${data.version}`,
    targetKind: data.kind === "member" ? "member" : "collective",
    year: data.year,
    version: data.version,
    generalMax: maxOf(data, "general"),
    tasksMax: maxOf(data, "tasks"),
    bands,
    htxsQuotaOfHtt: data.htxsQuotaPct / 100,
    criteria: data.criteria,
  };
}

/** The general table (QĐ 366's two totals) when no table was imported for the organization's kind. */
export const GENERIC_TABLE: CriteriaTable = QD366_COLLECTIVE;

/** The same content (versions aside): a re-import of an unchanged table adds no version. */
export function sameTable(a: Omit<CriteriaTableData, "version">, b: Omit<CriteriaTableData, "version">): boolean {
  const content = (t: Omit<CriteriaTableData, "version">) => JSON.stringify([t.kind, t.year, t.criteria.map((c) => [c.code, c.group, c.name, c.max]), t.bands.map((x) => [x.level, x.min]), t.htxsQuotaPct]);
  return content(a) === content(b);
}

/** Running total of the scores given so far (codes without a score count nothing). */
export function scoredSoFar(scores: Readonly<Record<string, number>>): number {
  return roundPoints(Object.values(scores).reduce((s, v) => s + v, 0));
}
