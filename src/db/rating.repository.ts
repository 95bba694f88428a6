import type { CriteriaTableData, TableKind } from "../domain/forms/criteria.js";
import type { RatingLevel } from "../domain/forms/rating.js";
import type { Db } from "./schema.js";

type TableRow = { kind: string; year: number; version: number; criteria: CriteriaTableData["criteria"]; bands: { level: string; min: number }[]; htxs_quota_pct: string | number };

function tableOf(row: TableRow): CriteriaTableData {
  return {
    kind: row.kind as TableKind,
    year: row.year,
    version: row.version,
    criteria: row.criteria,
    bands: row.bands as CriteriaTableData["bands"],
    htxsQuotaPct: Number(row.htxs_quota_pct),
  };
}

/** The newest version of each kind's table for each year in `keys` (`kind:year`). */
export async function latestTables(db: Db, keys: readonly { kind: TableKind; year: number }[]): Promise<CriteriaTableData[]> {
  if (keys.length === 0) return [];
  const rows = await db
    .selectFrom("criteria_table")
    .selectAll()
    .where((eb) => eb.or(keys.map((k) => eb.and([eb("kind", "=", k.kind), eb("year", "=", k.year)]))))
    .orderBy("version", "desc")
    .execute();
  const newest = new Map<string, CriteriaTableData>();
  for (const row of rows) if (!newest.has(`${row.kind}:${row.year}`)) newest.set(`${row.kind}:${row.year}`, tableOf(row));
  return [...newest.values()];
}

/** The table in force for a year: the newest version of that year, else of the latest earlier year. */
export async function tableInForce(db: Db, kind: TableKind, year: number): Promise<CriteriaTableData | undefined> {
  const row = await db
    .selectFrom("criteria_table")
    .selectAll()
    .where("kind", "=", kind)
    .where("year", "<=", year)
    .orderBy("year", "desc")
    .orderBy("version", "desc")
    .limit(1)
    .executeTakeFirst();
  return row ? tableOf(row) : undefined;
}

export async function insertTable(db: Db, table: CriteriaTableData, at: Date): Promise<void> {
  await db
    .insertInto("criteria_table")
    .values({
      kind: table.kind,
      year: table.year,
      version: table.version,
      criteria: JSON.stringify(table.criteria),
      bands: JSON.stringify(table.bands),
      htxs_quota_pct: table.htxsQuotaPct,
      imported_at: at,
    })
    .execute();
}

export interface RatingDecision {
  orgId: number;
  year: number;
  score: number | null;
  level: RatingLevel;
  note: string | null;
  decidedBy: number;
  decidedAt: Date;
  /** 1 when first decided, +1 on every change (a decision not stored yet: 0). */
  revision: number;
}

type DecisionRow = { org_id: number; year: number; score: string | number | null; level: string; note: string | null; decided_by: number; decided_at: Date; revision: number };

function decisionOf(row: DecisionRow): RatingDecision {
  return { orgId: row.org_id, year: row.year, score: row.score === null ? null : Number(row.score), level: row.level as RatingLevel, note: row.note, decidedBy: row.decided_by, decidedAt: row.decided_at, revision: row.revision };
}

/** The decision for an organization and year, locked until the transaction ends (a decision checks the version it was shown). */
export async function decisionForUpdate(db: Db, orgId: number, year: number): Promise<RatingDecision | undefined> {
  const row = await db.selectFrom("rating_decision").selectAll().where("org_id", "=", orgId).where("year", "=", year).forUpdate().executeTakeFirst();
  return row ? decisionOf(row) : undefined;
}

/** The committee's decisions for these organizations in a year. */
export async function decisionsFor(db: Db, orgIds: readonly number[], year: number): Promise<RatingDecision[]> {
  if (orgIds.length === 0) return [];
  const rows = await db.selectFrom("rating_decision").selectAll().where("org_id", "in", orgIds).where("year", "=", year).execute();
  return rows.map(decisionOf);
}

/** Set (or replace) the committee's decision for an organization and year; returns the one it replaced and the revision stored. */
export async function putDecision(db: Db, d: Omit<RatingDecision, "revision">): Promise<{ before: RatingDecision | undefined; revision: number }> {
  const before = await decisionForUpdate(db, d.orgId, d.year);
  const row = await db
    .insertInto("rating_decision")
    .values({ org_id: d.orgId, year: d.year, score: d.score, level: d.level, note: d.note, decided_by: d.decidedBy, decided_at: d.decidedAt })
    .onConflict((oc) =>
      oc.columns(["org_id", "year"]).doUpdateSet((eb) => ({ score: d.score, level: d.level, note: d.note, decided_by: d.decidedBy, decided_at: d.decidedAt, revision: eb("rating_decision.revision", "+", 1) })),
    )
    .returning("revision")
    .executeTakeFirstOrThrow();
  return { before, revision: row.revision };
}

export interface SelfReview {
  personId: number;
  fullName: string;
  cellId: number;
  year: number;
  level: RatingLevel;
  text: string;
  at: Date;
}

/** Put a member's self-review for a year (a second one replaces the first). */
export async function putSelfReview(db: Db, r: Omit<SelfReview, "fullName">): Promise<void> {
  await db
    .insertInto("member_self_review")
    .values({ person_id: r.personId, cell_id: r.cellId, year: r.year, level: r.level, text: r.text, at: r.at })
    .onConflict((oc) => oc.columns(["person_id", "year"]).doUpdateSet({ cell_id: r.cellId, level: r.level, text: r.text, at: r.at }))
    .execute();
}

/** The self-reviews given in a cell for a year, with the members' names. */
export async function selfReviewsOfCell(db: Db, cellId: number, year: number): Promise<SelfReview[]> {
  const rows = await db
    .selectFrom("member_self_review as r")
    .innerJoin("person as p", "p.id", "r.person_id")
    .select(["r.person_id", "p.full_name", "r.cell_id", "r.year", "r.level", "r.text", "r.at"])
    .where("r.cell_id", "=", cellId)
    .where("r.year", "=", year)
    .execute();
  return rows.map((r) => ({ personId: r.person_id, fullName: r.full_name, cellId: r.cell_id, year: r.year, level: r.level as RatingLevel, text: r.text, at: r.at }));
}

/** One member's self-review for a year. */
export async function selfReviewOf(db: Db, personId: number, year: number) {
  return db.selectFrom("member_self_review").selectAll().where("person_id", "=", personId).where("year", "=", year).executeTakeFirst();
}

/** The annual rating reports of these organizations for a year (data only). */
export async function ratingReports(db: Db, orgIds: readonly number[], year: number) {
  if (orgIds.length === 0) return [];
  return db
    .selectFrom("report_submission")
    .select(["id", "org_id", "data", "status"])
    .where("form", "=", "annual-rating")
    .where("period", "=", String(year))
    .where("org_id", "in", orgIds)
    .execute();
}

/** One stored version of a table. */
export async function tableVersion(db: Db, kind: TableKind, year: number, version: number): Promise<CriteriaTableData | undefined> {
  const row = await db.selectFrom("criteria_table").selectAll().where("kind", "=", kind).where("year", "=", year).where("version", "=", version).executeTakeFirst();
  return row ? tableOf(row) : undefined;
}

/** The organizations in force on `onDate` directly under any of `parentIds`, with what decides their table. */
export async function unitsUnder(db: Db, parentIds: readonly number[], onDate: string) {
  if (parentIds.length === 0) return [];
  return db
    .selectFrom("org")
    .select(["id", "name", "kind", "area_kind", "catchment", "parent_id"])
    .where("parent_id", "in", parentIds)
    .where("valid_from", "<=", onDate)
    .where((eb) => eb.or([eb("valid_to", "is", null), eb("valid_to", ">", onDate)]))
    .orderBy("id")
    .execute();
}

/** A person's self-reviews, newest year first (their own data, /dulieu). */
export async function selfReviewsOfPerson(db: Db, personId: number) {
  return db.selectFrom("member_self_review").select(["year", "level", "text", "at"]).where("person_id", "=", personId).orderBy("year", "desc").execute();
}

/** Self-reviews of years before `year`: the retention clean-up removes them. */
export async function deleteSelfReviewsBefore(db: Db, year: number): Promise<number> {
  const result = await db.deleteFrom("member_self_review").where("year", "<", year).executeTakeFirst();
  return Number(result.numDeletedRows);
}
