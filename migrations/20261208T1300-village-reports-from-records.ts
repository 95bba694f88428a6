import type { Kysely } from "kysely";

// Stores that imported village records before the import filed the quarter's report from them show
// those quarters as not reported in reminders, /tonghop and the export. Each record without a report
// of its quarter gets one filed from it, as `chibo import villages` files it now (services/import.service.ts):
// the same fields, the same checks, dated when the record was stored (a record lacking households, population or members, or with a figure
// the form refuses, files nothing), submitted by no one with source 'import', audited. A quarter that has
// a report keeps it, so running this again files nothing.
// Self-contained on purpose: a migration must keep meaning what it meant when the code around it changes.

/** The quarterly village form (version 2) as it reads a record: record field → report field, bounds. */
const FIGURES: [string, string, number, number][] = [
  ["households", "households", 1, 20_000],
  ["population", "population", 1, 100_000],
  ["area_km2", "area_km2", 0, 5_000],
  ["poor_households", "poor_households", 0, 20_000],
];
const ORGANIZATIONS: [string, string, number, number][] = [
  ["party", "members", 0, 2_000],
  ["women", "women_union", 0, 100_000],
  ["farmers", "farmers_union", 0, 100_000],
  ["veterans", "veterans_union", 0, 100_000],
  ["youth", "youth_union", 0, 100_000],
];
const FORM_VERSION = 2;

function number(value: unknown): number | undefined {
  if (value === null || value === undefined || value === "") return undefined;
  const n = typeof value === "number" ? value : Number(value);
  return Number.isFinite(n) ? n : undefined;
}

function json<T>(value: unknown): T | undefined {
  if (typeof value === "string") {
    try {
      return JSON.parse(value) as T;
    } catch {
      return undefined;
    }
  }
  return (value ?? undefined) as T | undefined;
}

/** Names compared as the record compares them: case, accents' composition and spacing aside. */
function sameName(a: string, b: string): boolean {
  const norm = (s: string) => s.normalize("NFC").toLocaleLowerCase("vi").replace(/\s+/g, " ").trim();
  return norm(a) === norm(b);
}

/** The report a record files, or null when the form would refuse it. */
export function reportValuesOf(row: { households: unknown; population: unknown; area_km2: unknown; poor_households: unknown; organizations: unknown; workforce: unknown }): Record<string, unknown> | null {
  const values: Record<string, unknown> = {};
  const record = row as unknown as Record<string, unknown>;
  const organizations = json<Record<string, unknown>>(row.organizations) ?? {};
  const take = (value: unknown, field: string, min: number, max: number, integer: boolean): boolean => {
    const n = number(value);
    if (n === undefined) return true;
    if (n < min || n > max || (integer && !Number.isInteger(n))) return false;
    values[field] = n;
    return true;
  };
  for (const [from, to, min, max] of FIGURES) if (!take(record[from], to, min, max, to !== "area_km2")) return null;
  for (const [from, to, min, max] of ORGANIZATIONS) if (!take(organizations[from], to, min, max, true)) return null;
  if (values.households === undefined || values.population === undefined || values.members === undefined) return null;
  if ((values.population as number) < (values.households as number)) return null;
  const workforce = json<{ role?: unknown; name?: unknown }[]>(row.workforce) ?? [];
  const named = (role: string) => workforce.find((w) => w.role === role && typeof w.name === "string")?.name as string | undefined;
  const secretary = named("cell_secretary");
  const head = named("village_head");
  if (secretary && head) values.secretary_is_village_head = sameName(secretary, head);
  return values;
}

export async function up(db: Kysely<any>): Promise<void> {
  const records = await db
    .selectFrom("village_record as v")
    .select(["v.org_id", "v.period", "v.households", "v.population", "v.area_km2", "v.poor_households", "v.organizations", "v.workforce", "v.updated_at"])
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom("report_submission as r")
            .select("r.id")
            .whereRef("r.org_id", "=", "v.org_id")
            .whereRef("r.period", "=", "v.period")
            .where("r.form", "=", "village-quarterly"),
        ),
      ),
    )
    .orderBy("v.org_id")
    .orderBy("v.period")
    .execute();
  const now = new Date();
  for (const record of records) {
    const values = reportValuesOf(record);
    if (!values) continue;
    const at = record.updated_at instanceof Date ? record.updated_at : new Date(record.updated_at);
    const row = await db
      .insertInto("report_submission")
      .values({
        org_id: record.org_id,
        form: "village-quarterly",
        period: record.period,
        status: "submitted",
        submitted_by: null,
        submitted_at: at,
        data: JSON.stringify(values),
        form_version: FORM_VERSION,
        source: "import",
        created_at: at,
        updated_at: at,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await db
      .insertInto("audit_log")
      .values({ at: now, actor_person_id: null, action: "report.submit", entity: "report_submission", entity_id: String(row.id), before: null, after: JSON.stringify(values) })
      .execute();
  }
}

// The reports filed may have been read, corrected or accepted since: they are left as they are.
export async function down(_db: Kysely<any>): Promise<void> {}
