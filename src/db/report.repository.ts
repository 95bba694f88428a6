import { sql } from "kysely";
import type { ReportStatus } from "./report.table.js";
import type { Db } from "./schema.js";
import { compiledOnce } from "./compiled.js";

/** The report of a cell for a form and period, locked for the changing transaction. */
/** Built once, as `reportQuery`: a quick report reads both. */
const reportForUpdateQuery = compiledOnce((db: Db, orgId: number, form: string, period: string) =>
  db.selectFrom("report_submission").selectAll().where("org_id", "=", orgId).where("form", "=", form).where("period", "=", period).forUpdate(),
);
const reportQuery = compiledOnce((db: Db, orgId: number, form: string, period: string) =>
  db.selectFrom("report_submission").selectAll().where("org_id", "=", orgId).where("form", "=", form).where("period", "=", period),
);

export async function findReportForUpdate(db: Db, orgId: number, form: string, period: string) {
  return (await reportForUpdateQuery(db, orgId, form, period)).rows[0];
}

/** The report of a cell for a form and period, or undefined when none was sent; read without a lock (a preview built on it). */
export async function findReport(db: Db, orgId: number, form: string, period: string) {
  return (await reportQuery(db, orgId, form, period)).rows[0];
}

export async function findReportById(db: Db, id: number) {
  return db.selectFrom("report_submission").selectAll().where("id", "=", id).executeTakeFirst();
}

/** A report by id, locked for the deciding transaction (a correction waits for it, or it for the correction). */
export async function findReportByIdForUpdate(db: Db, id: number) {
  return db.selectFrom("report_submission").selectAll().where("id", "=", id).forUpdate().executeTakeFirst();
}

export async function insertReport(
  db: Db,
  r: { orgId: number; form: string; period: string; data: Record<string, unknown>; formVersion: number; by: number | null; at: Date; source: string },
) {
  return db
    .insertInto("report_submission")
    .values({
      org_id: r.orgId,
      form: r.form,
      period: r.period,
      status: "submitted",
      submitted_by: r.by,
      submitted_at: r.at,
      first_submitted_at: r.at,
      data: JSON.stringify(r.data),
      form_version: r.formVersion,
      source: r.source,
      created_at: r.at,
      updated_at: r.at,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Replace a report's data (a correction or a resubmission); bumps its revision. Its first sending stays as it was. */
export async function updateReportData(
  db: Db,
  id: number,
  r: { data: Record<string, unknown>; formVersion: number; by: number | null; at: Date; status: ReportStatus; source: string },
) {
  return db
    .updateTable("report_submission")
    .set((eb) => ({
      data: JSON.stringify(r.data),
      form_version: r.formVersion,
      submitted_by: r.by,
      submitted_at: r.at,
      first_submitted_at: sql<Date>`coalesce(first_submitted_at, submitted_at, ${r.at})`,
      status: r.status,
      source: r.source,
      updated_at: r.at,
      revision: eb("revision", "+", 1),
    }))
    .where("id", "=", id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function setReportStatus(db: Db, id: number, status: ReportStatus, by: number, at: Date) {
  return db
    .updateTable("report_submission")
    .set({
      status,
      updated_at: at,
      ...(status === "accepted" ? { accepted_by: by, accepted_at: at } : { accepted_by: null, accepted_at: null }),
    })
    .where("id", "=", id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** The latest report of a cell for a form, optionally before a period (for "last quarter's values"). */
export async function latestReport(db: Db, orgId: number, form: string, beforePeriod?: string) {
  let q = db.selectFrom("report_submission").selectAll().where("org_id", "=", orgId).where("form", "=", form);
  if (beforePeriod) q = q.where("period", "<", beforePeriod);
  return q.orderBy("period", "desc").limit(1).executeTakeFirst();
}

/** A cell's reports, newest period first. */
export async function listReportsOfOrg(db: Db, orgId: number, limit = 12) {
  return db
    .selectFrom("report_submission")
    .select(["id", "form", "period", "status", "submitted_at", "revision"])
    .where("org_id", "=", orgId)
    .orderBy("period", "desc")
    .orderBy("form")
    .limit(limit)
    .execute();
}

/** Reports waiting for acceptance among the given orgs. */
export async function reportsAwaitingAcceptance(db: Db, orgIds: number[], limit = 20) {
  if (orgIds.length === 0) return [];
  return db
    .selectFrom("report_submission")
    .innerJoin("org", "org.id", "report_submission.org_id")
    .select(["report_submission.id", "report_submission.form", "report_submission.period", "report_submission.submitted_at", "org.name as org_name"])
    .where("report_submission.org_id", "in", orgIds)
    .where("report_submission.status", "in", ["submitted", "reopened"])
    .orderBy("report_submission.submitted_at")
    .limit(limit)
    .execute();
}

/**
 * A cell's reports of a form the commune office reopened for changes and has not accepted again
 * (still "reopened", or corrected since and waiting), newest period first.
 */
export async function reopenedReports(db: Db, orgId: number, form: string) {
  return db
    .selectFrom("report_submission as r")
    .selectAll("r")
    .where("r.org_id", "=", orgId)
    .where("r.form", "=", form)
    .where("r.status", "<>", "accepted")
    .where((eb) =>
      eb.or([
        eb("r.status", "=", "reopened"),
        eb.exists(
          eb
            .selectFrom("audit_log as a")
            .select("a.id")
            .where("a.entity", "=", "report_submission")
            .where("a.action", "=", "report.reopen")
            .whereRef("a.entity_id", "=", sql<string>`r.id::text`),
        ),
      ]),
    )
    .orderBy("r.period", "desc")
    .execute();
}

/** An org's reports of one form between two periods (inclusive), drafts left out. */
export async function reportsOfOrgBetween(db: Db, orgId: number, form: string, fromPeriod: string, toPeriod: string) {
  return db
    .selectFrom("report_submission")
    .select(["id", "period", "status", "submitted_at", "first_submitted_at", "data"])
    .where("org_id", "=", orgId)
    .where("form", "=", form)
    .where("period", ">=", fromPeriod)
    .where("period", "<=", toPeriod)
    .where("status", "!=", "draft")
    .execute();
}
