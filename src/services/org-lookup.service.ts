import { findOrgByCode, findOrgById, orgCodeBeginsWith, orgPath } from "../db/org.repository.js";
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

/** A word that may be a unit code (the import's code rule). */
const CODE_WORD = /^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/;
/** One typed as offices write them: parts joined by "-", "_" or ".", such as "CB-POLAI". */
const JOINED_CODE = /^[A-Za-z0-9]+(?:[-_.][A-Za-z0-9]+)+$/;

/**
 * The first word of a command's text read as a unit code: the unit (whether or not the user may
 * reach it: the caller checks), `"unknown"` for a joined code no unit has whose first part some
 * unit's code shares ("DEMO-CB-XYZ" beside "DEMO-CB-POLAI": a mistyped code, not words of a message
 * such as "COVID-19"), or null when it is not a unit code.
 *
 * @example await typedUnitCode(db, "demo-cb-polai") // { id: 8, code: "DEMO-CB-POLAI", … }
 */
export async function typedUnitCode(db: Db, word: string): Promise<OrgSummary | "unknown" | null> {
  if (!CODE_WORD.test(word)) return null;
  const code = word.toUpperCase();
  const org = await orgByCode(db, code);
  if (org) return org;
  const first = JOINED_CODE.test(code) ? /^[A-Z0-9]+[-_.]/.exec(code)?.[0] : undefined;
  return first && (await orgCodeBeginsWith(db, first)) ? "unknown" : null;
}
