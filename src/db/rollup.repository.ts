import { sql } from "kysely";
import type { Db } from "./schema.js";

/**
 * Cells in a subtree that were in force during a period (`fromDate` ≤ validity < `toDate`),
 * with their commune (parent) name. Unordered: callers sort in Vietnamese order, which the
 * database's collation may not give.
 */
export async function cellsInSubtree(db: Db, orgIds: number[], fromDate: string, toDate: string) {
  if (orgIds.length === 0) return [];
  return db
    .selectFrom("org as c")
    .leftJoin("org as p", "p.id", "c.parent_id")
    .select(["c.id", "c.code", "c.name", "c.parent_id", "p.name as parent_name"])
    .where("c.id", "in", orgIds)
    .where("c.kind", "in", ["chi_bo_co_so", "chi_bo_truc_thuoc"])
    .where("c.valid_from", "<=", toDate)
    .where((w) => w.or([w("c.valid_to", "is", null), w("c.valid_to", ">", fromDate)]))
    .execute();
}

/** The reports of a form and period for the given orgs. */
export async function reportsFor(db: Db, orgIds: number[], form: string, period: string) {
  if (orgIds.length === 0) return [];
  return db
    .selectFrom("report_submission")
    .select(["id", "org_id", "status", "data", "submitted_at", "accepted_at", "revision"])
    .where("org_id", "in", orgIds)
    .where("form", "=", form)
    .where("period", "=", period)
    .execute();
}

/**
 * The figures a roll-up reads from each report of a form and period (attendance and unexcused
 * absences), not whole reports: decoding every report's JSON was the slowest part of a province roll-up.
 */
export async function reportFiguresFor(db: Db, orgIds: number[], form: string, period: string) {
  if (orgIds.length === 0) return [];
  return db
    .selectFrom("report_submission")
    .select([
      "id",
      "org_id",
      "status",
      sql<Record<string, unknown>>`jsonb_build_object('present', data->'present', 'members_expected', data->'members_expected', 'absent_unexcused', data->'absent_unexcused')`.as("data"),
    ])
    .where("org_id", "in", orgIds)
    .where("form", "=", form)
    .where("period", "=", period)
    .execute();
}

/** Meeting rules in force for many orgs (the latest valid one per org). */
export async function meetingRulesOf(db: Db, orgIds: number[], onDate: string) {
  if (orgIds.length === 0) return [];
  return db
    .selectFrom("meeting_rule")
    .selectAll()
    .where("org_id", "in", orgIds)
    .where("valid_from", "<=", onDate)
    .where((w) => w.or([w("valid_to", "is", null), w("valid_to", ">", onDate)]))
    .orderBy("valid_from")
    .execute();
}

/** One-off meeting changes of many orgs for some months. */
export async function meetingOverridesOf(db: Db, orgIds: number[], periods: string[]) {
  if (orgIds.length === 0 || periods.length === 0) return [];
  return db
    .selectFrom("meeting_override")
    .selectAll()
    .where("org_id", "in", orgIds)
    .where("period", "in", periods)
    .orderBy("id")
    .execute();
}

/** The absentees of some cells' last monthly reports that name someone absent without reason (for the three-meetings-running flag). */
export async function recentMonthlyReports(db: Db, orgIds: number[], fromPeriod: string, toPeriod: string) {
  if (orgIds.length === 0) return [];
  return db
    .selectFrom("report_submission")
    // Only the absentees: decoding whole reports for three months was a third of a province roll-up.
    .select(["org_id", "period", sql<unknown>`data->'absentees'`.as("absentees")])
    .where("org_id", "in", orgIds)
    .where("form", "=", "monthly-meeting")
    .where("period", ">=", fromPeriod)
    .where("period", "<=", toPeriod)
    .where("status", "!=", "draft")
    // A month with no unexcused absentee cannot be part of a run, so the months that have none are left out.
    .where(sql<boolean>`data->'absentees' @> '[{"excused": false}]'::jsonb`)
    .execute();
}
