import { isVillageCell } from "../domain/org.js";
import { diffFigures, figuresWithReport, isUnchanged, ORGANIZATIONS, WORKER_ROLES, type VillageFigures, type Worker } from "../domain/records/village-record.js";
import { writeAudit } from "../db/audit.repository.js";
import { findOrgById } from "../db/org.repository.js";
import type { Db } from "../db/schema.js";
import { latestVillageRecord, putVillageRecord, type villageRecordsOf } from "../db/village-record.repository.js";

/**
 * The village record as stored, and the one way it is written from chat: by `/hosothon` or by the
 * quarterly village report (quick, guided or corrected), so the two never disagree.
 */

type RecordRow = Awaited<ReturnType<typeof villageRecordsOf>>[number];

function num(value: unknown): number | undefined {
  if (value === null || value === undefined) return undefined;
  const n = typeof value === "number" ? value : Number(value);
  return Number.isFinite(n) ? n : undefined;
}

/** A worker as stored: anything unexpected reads as absent rather than failing the whole record. */
function toWorker(raw: Record<string, unknown>): Worker | null {
  const role = WORKER_ROLES.find((r) => r === raw.role);
  if (!role || typeof raw.name !== "string") return null;
  const text = (v: unknown) => (typeof v === "string" && v !== "" ? v : null);
  return {
    role,
    name: raw.name,
    sex: raw.sex === "M" || raw.sex === "F" ? raw.sex : null,
    birthYear: typeof raw.birthYear === "number" ? raw.birthYear : null,
    ethnicity: text(raw.ethnicity),
    education: text(raw.education),
    occupation: text(raw.occupation),
    partyMember: raw.partyMember === true,
  };
}

/** A stored record as the domain's figures. */
export function figuresOf(row: Pick<RecordRow, "area_km2" | "population" | "households" | "poor_households" | "organizations" | "workforce">): VillageFigures {
  const out: VillageFigures = { organizations: {}, workforce: [] };
  const area = num(row.area_km2);
  if (area !== undefined) out.areaKm2 = area;
  const population = num(row.population);
  if (population !== undefined) out.population = population;
  const households = num(row.households);
  if (households !== undefined) out.households = households;
  const poor = num(row.poor_households);
  if (poor !== undefined) out.poorHouseholds = poor;
  for (const key of ORGANIZATIONS) {
    const v = num(row.organizations?.[key]);
    if (v !== undefined) out.organizations[key] = v;
  }
  out.workforce = (Array.isArray(row.workforce) ? row.workforce : []).map(toWorker).filter((w): w is Worker => w !== null);
  return out;
}

/** Figures as they read back once stored (numbers as the columns keep them, workers as `figuresOf` reads them). */
export function asStored(f: VillageFigures): VillageFigures {
  return figuresOf({
    area_km2: f.areaKm2 ?? null,
    population: f.population ?? null,
    households: f.households ?? null,
    poor_households: f.poorHouseholds ?? null,
    organizations: f.organizations as Record<string, number>,
    workforce: f.workforce as unknown as Record<string, unknown>[],
  });
}

/** Write a village's quarter (chat or import): one row per village and quarter. */
export async function storeFigures(db: Db, orgId: number, period: string, f: VillageFigures, how: { source: "chat" | "import"; by: number | null; at: Date }) {
  return putVillageRecord(db, {
    orgId,
    period,
    areaKm2: f.areaKm2 ?? null,
    population: f.population ?? null,
    households: f.households ?? null,
    poorHouseholds: f.poorHouseholds ?? null,
    organizations: f.organizations as Record<string, number>,
    workforce: f.workforce as unknown as Record<string, unknown>[],
    source: how.source,
    updatedBy: how.by,
    at: how.at,
  });
}

/**
 * Store a quarter's record from chat and audit it as the record's change (what changed against the
 * quarter before, never the workers' details). `via` names a report the figures came from.
 */
export async function writeVillageRecord(
  db: Db,
  orgId: number,
  period: string,
  figures: VillageFigures,
  how: { by: number | null; at: Date; via?: "report" },
): Promise<{ id: number; created: boolean }> {
  const before = await latestVillageRecord(db, orgId, period);
  const put = await storeFigures(db, orgId, period, figures, { source: "chat", by: how.by, at: how.at });
  const diff = diffFigures(before ? figuresOf(before) : undefined, figures);
  await writeAudit(db, {
    actorPersonId: how.by,
    action: put.created ? "village_record.create" : "village_record.update",
    entity: "village_record",
    entityId: put.id,
    after: {
      period,
      ...(how.via ? { via: how.via } : {}),
      figures: diff.figures,
      organizations: diff.organizations,
      workersAdded: diff.workersAdded.length,
      workersChanged: diff.workersChanged.length,
      workersRemoved: diff.workersRemoved.length,
      workers: figures.workforce.length,
    },
    at: how.at,
  });
  return put;
}

/**
 * A quarterly village report (quick, guided or a correction) the cell filed: the village's record for
 * that quarter follows it. Only what the report states changes; the rest stays as the quarter's
 * record — or else last quarter's — has it. A record already saying the same is left untouched (the
 * report `/hosothon` files from the record comes back here and changes nothing). Runs inside the
 * report's own transaction, after `submitReport` refused a quarter the commune accepted.
 */
export async function recordFollowsReport(db: Db, by: number | null, orgId: number, period: string, values: Record<string, unknown>, now: Date): Promise<void> {
  const org = await findOrgById(db, orgId);
  if (!org || !isVillageCell(org)) return;
  const row = await latestVillageRecord(db, orgId, period);
  const base = row ? figuresOf(row) : { organizations: {}, workforce: [] };
  const figures = figuresWithReport(base, values);
  if (row?.period === period && isUnchanged(diffFigures(base, figures))) return;
  await writeVillageRecord(db, orgId, period, figures, { by, at: now, via: "report" });
}
