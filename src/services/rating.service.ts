import { tableKindOf, TABLE_KINDS, toCriteriaTable, type TableKind } from "../domain/forms/criteria.js";
import type { CriteriaTable } from "../domain/forms/rating.js";
import { findOrgById } from "../db/org.repository.js";
import { tableInForce, tableVersion } from "../db/rating.repository.js";
import type { Db } from "../db/schema.js";

const REF = /^([a-z_]+)\/(\d{4})\/v(\d+)$/;

/**
 * The criteria table an organization is rated on for a year: the version a report names
 * (`village_cell/2025/v1`) when given, else the newest one in force for the organization's kind;
 * undefined when the office has imported none (QĐ 366's two totals are then asked).
 */
export async function ratingTableFor(db: Db, orgId: number, year: number, ref?: unknown): Promise<CriteriaTable | undefined> {
  const named = typeof ref === "string" ? REF.exec(ref) : null;
  if (named && (TABLE_KINDS as readonly string[]).includes(named[1]!)) {
    const table = await tableVersion(db, named[1] as TableKind, Number(named[2]), Number(named[3]));
    if (table) return toCriteriaTable(table);
  }
  const org = await findOrgById(db, orgId);
  const kind = org ? tableKindOf({ kind: org.kind, areaKind: org.area_kind, catchment: org.catchment }) : null;
  if (!kind) return undefined;
  const table = await tableInForce(db, kind, year);
  return table ? toCriteriaTable(table) : undefined;
}

/** The member's own table for a year (the bands a member's self-review is read against). */
export async function memberTable(db: Db, year: number): Promise<CriteriaTable | undefined> {
  const table = await tableInForce(db, "member", year);
  return table ? toCriteriaTable(table) : undefined;
}
