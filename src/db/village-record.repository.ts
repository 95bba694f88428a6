import type { Db } from "./schema.js";

export interface VillageRecordValues {
  orgId: number;
  period: string;
  areaKm2: number | null;
  population: number | null;
  households: number | null;
  poorHouseholds: number | null;
  organizations: Record<string, number>;
  workforce: Record<string, unknown>[];
  source: "chat" | "import";
  updatedBy: number | null;
  at: Date;
}

const COLUMNS = ["id", "org_id", "period", "area_km2", "population", "households", "poor_households", "organizations", "workforce", "source", "updated_by", "updated_at", "revision"] as const;

/** The records of these orgs for these quarters. */
export async function villageRecordsOf(db: Db, orgIds: readonly number[], periods: readonly string[]) {
  if (orgIds.length === 0 || periods.length === 0) return [];
  return db.selectFrom("village_record").select(COLUMNS).where("org_id", "in", [...orgIds]).where("period", "in", [...periods]).execute();
}

/** The org's latest record in or before a quarter (`YYYY-Qn` sorts as text). */
export async function latestVillageRecord(db: Db, orgId: number, upTo: string) {
  return db.selectFrom("village_record").select(COLUMNS).where("org_id", "=", orgId).where("period", "<=", upTo).orderBy("period", "desc").limit(1).executeTakeFirst();
}

/** The org's record of exactly this quarter, locked until the transaction ends (a save checks the version it was shown). */
export async function villageRecordForUpdate(db: Db, orgId: number, period: string) {
  return db.selectFrom("village_record").select(COLUMNS).where("org_id", "=", orgId).where("period", "=", period).forUpdate().executeTakeFirst();
}

/** Each org's latest record before a quarter (for the quarter-to-quarter comparison). */
export async function previousVillageRecords(db: Db, orgIds: readonly number[], before: string) {
  if (orgIds.length === 0) return [];
  return db
    .selectFrom("village_record")
    .select(COLUMNS)
    .distinctOn("org_id")
    .where("org_id", "in", [...orgIds])
    .where("period", "<", before)
    .orderBy("org_id")
    .orderBy("period", "desc")
    .execute();
}

/** Write a quarter's record (one per org and quarter); returns whether it was new. */
export async function putVillageRecord(db: Db, r: VillageRecordValues): Promise<{ id: number; created: boolean }> {
  const values = {
    area_km2: r.areaKm2,
    population: r.population,
    households: r.households,
    poor_households: r.poorHouseholds,
    organizations: JSON.stringify(r.organizations),
    workforce: JSON.stringify(r.workforce),
    source: r.source,
    updated_by: r.updatedBy,
    updated_at: r.at,
  };
  const existing = await db.selectFrom("village_record").select("id").where("org_id", "=", r.orgId).where("period", "=", r.period).forUpdate().executeTakeFirst();
  if (existing) {
    await db.updateTable("village_record").set((eb) => ({ ...values, revision: eb("revision", "+", 1) })).where("id", "=", existing.id).execute();
    return { id: existing.id, created: false };
  }
  const row = await db.insertInto("village_record").values({ org_id: r.orgId, period: r.period, ...values }).returning("id").executeTakeFirstOrThrow();
  return { id: row.id, created: true };
}

/** Records whose quarter began before a day: the retention clean-up removes them. */
export async function deleteVillageRecordsBefore(db: Db, period: string): Promise<number> {
  const result = await db.deleteFrom("village_record").where("period", "<", period).executeTakeFirst();
  return Number(result.numDeletedRows);
}
