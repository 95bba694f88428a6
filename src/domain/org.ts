/** Kinds of party organization (domain §1). */
export const ORG_KINDS = [
  "dang_bo_tinh", // province committee
  "dang_bo_huyen", // district committee: history only since 1/7/2025
  "dang_bo_xa", // commune/ward committee
  "dang_bo_co_so", // basic-level party committee
  "chi_bo_co_so", // basic-level cell (village/group cells since 7/2025, agency cells)
  "chi_bo_truc_thuoc", // cell under a basic-level committee (village cells before 7/2025)
  "dang_uy_bo_phan",
  "to_dang",
] as const;
export type OrgKind = (typeof ORG_KINDS)[number];

/** Kinds of administrative area an organization serves. */
export const AREA_KINDS = ["province", "commune", "ward", "village", "residential_group", "agency"] as const;
export type AreaKind = (typeof AREA_KINDS)[number];

/** Cells hold members and hold the monthly meeting. */
export function isCellKind(kind: string): boolean {
  return kind === "chi_bo_co_so" || kind === "chi_bo_truc_thuoc";
}

/** A cell of a village or residential group (thôn, tổ dân phố): the one that keeps the village record. */
export function isVillageCell(org: { kind: string; area_kind: string | null; catchment: string | null }): boolean {
  return isCellKind(org.kind) && (org.catchment === "thon" || org.area_kind === "village" || org.area_kind === "residential_group");
}

export interface OrgSummary {
  id: number;
  code: string;
  kind: string;
  name: string;
  parentId: number | null;
  validFrom: string;
  validTo: string | null;
}

/** Whether an org is in force on a given local date (`YYYY-MM-DD`). */
export function isValidOn(org: Pick<OrgSummary, "validFrom" | "validTo">, date: string): boolean {
  return org.validFrom <= date && (org.validTo === null || date < org.validTo);
}

/**
 * Whether a unit answers for a period (a month, quarter or year whose last local day is `periodLast`):
 * the unit in force on the period's last day, or on the period's deadline when that falls inside the
 * period (its duty arose while it existed), or one that reported for it anyway. A unit closed in the
 * middle of a period before its deadline (merged, renamed, split, dissolved) hands that period to its
 * successors; the periods before stay its own. One rule for /tonghop, the exports and the deadline digests.
 *
 * @example dueForPeriod({ validFrom: "2020-01-01", validTo: "2026-12-08" }, "2026-11-30", false) // true: November is its own
 * @example dueForPeriod({ validFrom: "2020-01-01", validTo: "2026-12-08" }, "2026-12-31", false, "2026-12-13") // false: December is its successor's
 * @example dueForPeriod({ validFrom: "2020-01-01", validTo: "2025-10-15" }, "2025-10-31", false, "2025-10-08") // true: its deadline passed while it existed
 */
export function dueForPeriod(org: Pick<OrgSummary, "validFrom" | "validTo">, periodLast: string, reported: boolean, deadline?: string | null): boolean {
  return reported || isValidOn(org, periodLast) || (deadline != null && deadline <= periodLast && isValidOn(org, deadline));
}

/**
 * The org and its ancestors, root first, from a parent index (at most 32 levels: the tree is
 * shallow, and a cycle in bad data must not hang).
 *
 * @example rootFirstPath(new Map([[3, 2], [2, 1], [1, null]]), 3) // [1, 2, 3]
 */
export function rootFirstPath(parentOf: ReadonlyMap<number, number | null>, orgId: number): number[] {
  const path: number[] = [];
  for (let id: number | null | undefined = orgId; id != null && path.length < 32; id = parentOf.get(id)) path.unshift(id);
  return path;
}
