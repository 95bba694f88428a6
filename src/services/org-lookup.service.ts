import { findOrgByCode, findOrgById, orgPath } from "../db/org.repository.js";
import type { Db } from "../db/schema.js";
import type { OrgSummary } from "../domain/org.js";

type OrgRow = NonNullable<Awaited<ReturnType<typeof findOrgById>>>;

function toSummary(row: OrgRow): OrgSummary {
  return { id: row.id, code: row.code, kind: row.kind, name: row.name, parentId: row.parent_id, validFrom: row.valid_from, validTo: row.valid_to };
}

/** An organization by id, as the domain sees it; undefined when there is none. */
export async function orgById(db: Db, id: number): Promise<OrgSummary | undefined> {
  const row = await findOrgById(db, id);
  return row ? toSummary(row) : undefined;
}

/** An organization by the office's code (exact, upper case as stored). */
export async function orgByCode(db: Db, code: string): Promise<OrgSummary | undefined> {
  const row = await findOrgByCode(db, code);
  return row ? toSummary(row) : undefined;
}

/** The name of an organization, or undefined when it does not exist. */
export async function orgName(db: Db, id: number): Promise<string | undefined> {
  return (await findOrgById(db, id))?.name;
}

/** The org and its ancestors, nearest first (what access checks take as `orgPath`). */
export async function pathOfOrg(db: Db, id: number): Promise<number[]> {
  return orgPath(db, id);
}
