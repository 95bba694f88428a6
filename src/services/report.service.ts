import { ChiboError } from "../domain/errors.js";
import type { FieldValues } from "../domain/forms/form-definition.js";
import { currentForm, formVersion, type FormId } from "../domain/forms/registry.js";
import { selfLevel, validateSubmission, type ValidationResult } from "../domain/forms/validate.js";
import { sameValue } from "../domain/forms/same-value.js";
import type { Actor } from "../domain/roles.js";
import { auditOf, writeAudit } from "../db/audit.repository.js";
import { subtreeIds } from "../db/org.repository.js";
import { findPersonById } from "../db/person.repository.js";
import {
  findReport,
  findReportById,
  findReportByIdForUpdate,
  findReportForUpdate,
  insertReport,
  latestReport,
  listReportsOfOrg,
  reopenedReports,
  reportsAwaitingAcceptance,
  setReportStatus,
  updateReportData,
} from "../db/report.repository.js";
import type { Db } from "../db/schema.js";
import { getSetting } from "../db/setting.repository.js";
import { can } from "../domain/access.js";
import { orgPath } from "../db/org.repository.js";
import { requireAccess } from "./actor.service.js";
import { requireReportAccess } from "./report-unit.service.js";
import { syncResolutionTasks } from "./resolution-task.service.js";
import { recordFollowsReport } from "./village-record-store.service.js";
import { ratingTableFor } from "./rating.service.js";
import type { CriteriaTable } from "../domain/forms/rating.js";

export type ReportSource = "quick" | "guided" | "correction";

export interface SubmitInput {
  orgId: number;
  form: FormId;
  period: string;
  values: FieldValues;
  source: ReportSource;
  /**
   * The revision of the period's report the sender was shown (0: none was on file). When the stored
   * report has changed since (another leader sent or corrected it), nothing is written: `report_changed`.
   */
  baseRevision?: number;
  /** A new report the sender was told updates the one on file: audited as an update (`report.update`). */
  update?: boolean;
}

export type SubmitOutcome =
  | { ok: true; id: number; created: boolean; revision: number; validation: ValidationResult }
  | { ok: false; validation: ValidationResult };

function withDerived(form: FormId, values: FieldValues, criteria: CriteriaTable | undefined): FieldValues {
  if (form !== "annual-rating") return values;
  const level = selfLevel(values, criteria);
  return level && values.cell_self_level === undefined ? { ...values, cell_self_level: level } : values;
}

/**
 * Store a cell's report (or replace the one of that period, keeping the old version in the audit log).
 * Refuses a report the commune office has accepted (`report_locked`) and invalid values (nothing stored).
 */
export async function submitReport(db: Db, actor: Actor, input: SubmitInput, now: Date, today: string): Promise<SubmitOutcome> {
  await requireReportAccess(db, actor, input.orgId);
  const form = currentForm(input.form);
  // A value a correction cleared (null) is left out, as a field never filled is.
  const given = Object.fromEntries(Object.entries(input.values).filter(([, v]) => v !== null && v !== undefined));
  // The annual rating is checked against the organization's own criteria table (and its bands).
  const criteria = input.form === "annual-rating" ? await ratingTableFor(db, input.orgId, Number(input.period.slice(0, 4)), given.criteria_table) : undefined;
  const values = withDerived(input.form, given, criteria);
  const validation = validateSubmission(form, values, { today, ...(criteria ? { criteria } : {}) });
  if (validation.errors.length > 0 || validation.missing.length > 0) return { ok: false, validation };
  const existing = await findReportForUpdate(db, input.orgId, input.form, input.period);
  if (existing?.status === "accepted") throw new ChiboError("report_locked");
  // Never write over a version the sender has not seen: the preview they confirmed was built on another.
  if (input.baseRevision !== undefined && (existing?.revision ?? 0) !== input.baseRevision) throw new ChiboError("report_changed");
  if (existing) {
    const row = await updateReportData(db, existing.id, {
      data: values,
      formVersion: form.version,
      by: actor.personId,
      at: now,
      status: existing.status === "reopened" ? "submitted" : existing.status,
      source: input.source,
    });
    await writeAudit(db, {
      actorPersonId: actor.personId,
      action: input.source === "correction" ? "report.correct" : input.update ? "report.update" : "report.resubmit",
      entity: "report_submission",
      entityId: existing.id,
      before: existing.data,
      after: values,
      at: now,
    });
    await syncTasks(db, actor, input, values, today, now);
    return { ok: true, id: row.id, created: false, revision: row.revision, validation };
  }
  const row = await insertReport(db, {
    orgId: input.orgId,
    form: input.form,
    period: input.period,
    data: values,
    formVersion: form.version,
    by: actor.personId,
    at: now,
    source: input.source,
  });
  await writeAudit(db, { actorPersonId: actor.personId, action: "report.submit", entity: "report_submission", entityId: row.id, after: values, at: now });
  await syncTasks(db, actor, input, values, today, now);
  return { ok: true, id: row.id, created: true, revision: row.revision, validation };
}

/**
 * File a report from data the office imported (no person sends it: the local operator of `chibo import`),
 * as `submitReport` files one from chat: validated the same way, an accepted report left as it is, the
 * old version kept in the audit log. Data equal to the stored report changes nothing (a re-import).
 */
export async function fileImportedReport(
  db: Db,
  input: { orgId: number; form: FormId; period: string; values: FieldValues },
  now: Date,
  today: string,
): Promise<"filed" | "incomplete" | "locked" | "unchanged"> {
  const form = currentForm(input.form);
  const values = Object.fromEntries(Object.entries(input.values).filter(([, v]) => v !== null && v !== undefined));
  const validation = validateSubmission(form, values, { today });
  if (validation.errors.length > 0 || validation.missing.length > 0) return "incomplete";
  const existing = await findReportForUpdate(db, input.orgId, input.form, input.period);
  if (existing?.status === "accepted") return "locked";
  // (A report read back from PostgreSQL has its keys in jsonb's order: compared by content, not as text.)
  if (existing && existing.status !== "draft" && sameValue(existing.data, values)) return "unchanged";
  const row = existing
    ? await updateReportData(db, existing.id, { data: values, formVersion: form.version, by: null, at: now, status: existing.status === "reopened" || existing.status === "draft" ? "submitted" : existing.status, source: "import" })
    : await insertReport(db, { orgId: input.orgId, form: input.form, period: input.period, data: values, formVersion: form.version, by: null, at: now, source: "import" });
  await writeAudit(db, { actorPersonId: null, action: existing ? "report.resubmit" : "report.submit", entity: "report_submission", entityId: row.id, ...(existing ? { before: existing.data } : {}), after: values, at: now });
  return "filed";
}

/**
 * What follows a filed report in the same transaction: a monthly meeting's resolution items become the
 * cell's tasks of that month; a quarterly village report updates the village's record of that quarter.
 */
async function syncTasks(db: Db, actor: Actor, input: SubmitInput, values: FieldValues, today: string, now: Date): Promise<void> {
  if (input.form === "monthly-meeting") await syncResolutionTasks(db, input.orgId, input.period, values.resolutions, today, now);
  if (input.form === "village-quarterly") await recordFollowsReport(db, actor.personId, input.orgId, input.period, values, now);
}

/** A cell's report of a period on file, as a new report for the same period shows it. */
export interface ReportOnFile {
  status: "draft" | "submitted" | "accepted" | "reopened";
  data: FieldValues;
  revision: number;
  /** When it was last sent or changed, and by whom (null: an import, or a person no longer found). */
  sentAt: Date;
  sentBy: string | null;
}

/**
 * The report of `form` and `period` a cell already has, if any (checked with `report.submit`): a new
 * report for that period is an update of it, or refused when the office has accepted it.
 * Example: December sent on 07/12 by the secretary, then "bc sh t12: …" from the deputy → that report.
 */
export async function reportOnFile(db: Db, actor: Actor, orgId: number, form: FormId, period: string): Promise<ReportOnFile | undefined> {
  await requireReportAccess(db, actor, orgId);
  const row = await findReport(db, orgId, form, period);
  if (!row) return undefined;
  const sentBy = row.submitted_by === null ? null : ((await findPersonById(db, row.submitted_by))?.full_name ?? null);
  return { status: row.status as ReportOnFile["status"], data: row.data, revision: row.revision, sentAt: row.submitted_at ?? row.updated_at, sentBy };
}

/** A stored report a correction may change. */
export interface CorrectableReport {
  id: number;
  orgId: number;
  form: string;
  period: string;
  status: "draft" | "submitted" | "reopened";
  data: FieldValues;
}

/**
 * Of the cells `orgIds` (each checked with `report.submit`), the reports of `form` a correction may
 * change: each cell's latest one unless the office has accepted it, and every one the office reopened
 * ("mở lại" in /duyet) and has not accepted again, newest period first within a cell. Refuses with `report_locked` when all of
 * them are accepted, `not_found` when there is none.
 * Example: December sent and November reopened: both are offered, so "sửa lại" asks which period.
 */
export async function reportsToCorrect(db: Db, actor: Actor, orgIds: readonly number[], form: FormId): Promise<CorrectableReport[]> {
  const open: CorrectableReport[] = [];
  let locked = false;
  for (const orgId of orgIds) {
    await requireReportAccess(db, actor, orgId);
    const latest = await latestReport(db, orgId, form);
    if (!latest) continue;
    const rows = latest.status === "accepted" ? [] : [latest];
    if (latest.status === "accepted") locked = true;
    for (const r of await reopenedReports(db, orgId, form)) if (r.id !== latest.id) rows.push(r);
    rows.sort((a, b) => b.period.localeCompare(a.period));
    for (const r of rows) {
      open.push({ id: r.id, orgId: r.org_id, form: r.form, period: r.period, status: r.status as CorrectableReport["status"], data: r.data });
    }
  }
  if (open.length === 0) throw new ChiboError(locked ? "report_locked" : "not_found");
  return open;
}

/**
 * The report of `period` in one cell if a correction may still change it (see `reportsToCorrect`);
 * `stale_choice` when that period's report is no longer one of them (accepted or superseded since).
 */
export async function reportToCorrect(db: Db, actor: Actor, orgId: number, form: FormId, period: string): Promise<CorrectableReport> {
  const found = (await reportsToCorrect(db, actor, [orgId], form)).find((r) => r.period === period);
  if (!found) throw new ChiboError("stale_choice");
  return found;
}

/** A report to read, checked with `report.view` (members: only if the province allows, see settings). */
export async function viewReport(db: Db, actor: Actor, id: number, membersMaySee: boolean) {
  const report = await findReportById(db, id);
  if (!report) throw new ChiboError("not_found");
  try {
    await requireAccess(db, actor, "report.view", { orgId: report.org_id });
  } catch (error) {
    const isOwnCellMember = membersMaySee && report.status === "accepted" && actor.cellId === report.org_id;
    if (!isOwnCellMember) throw error;
  }
  const definition = formVersion(report.form, report.form_version);
  return { report, definition };
}

/** The office's decisions on a report. */
export type ReportDecision = "accept" | "reopen";

type ReportRow = NonNullable<Awaited<ReturnType<typeof findReportById>>>;

/**
 * What `decideReport` did: decided, or nothing because the report is no longer the version the office
 * read (`seen`: that version's values, when the audit log still tells them; `by`/`at`: the last change).
 */
export type DecideOutcome =
  | { ok: true; report: ReportRow }
  | { ok: false; report: ReportRow; seen: FieldValues | undefined; by: string | null; at: Date };

/** Audited actions that set a report's values: the first gave its first revision, each other one the next. */
const VALUE_CHANGES = new Set(["report.submit", "report.correct", "report.update", "report.resubmit"]);

/**
 * Accept (lock) or reopen a report: the commune office or standing committee over the cell, on the
 * version it read (`seenRevision`, carried by the button). A report sent or changed since (the cell
 * corrected it while the card was open) is left as it is, and the outcome says what the office had read;
 * so is one pressed from a button that names no version (a keyboard older than versioned buttons).
 *
 * @example await decideReport(db, office, 12, "accept", now, 2) // { ok: false, seen: { present: 5, … }, … } after a correction to revision 3
 */
export async function decideReport(db: Db, actor: Actor, id: number, decision: ReportDecision, now: Date, seenRevision: number | undefined): Promise<DecideOutcome> {
  // Locked: a correction in flight either lands before (and is seen as a change) or waits for the decision.
  const report = await findReportByIdForUpdate(db, id);
  if (!report) throw new ChiboError("not_found");
  await requireAccess(db, actor, "report.accept", { orgId: report.org_id });
  if (seenRevision !== report.revision) {
    const by = report.submitted_by === null ? null : ((await findPersonById(db, report.submitted_by))?.full_name ?? null);
    return { ok: false, report, seen: await valuesAtRevision(db, report, seenRevision), by, at: report.submitted_at ?? report.updated_at };
  }
  if (decision === "accept" && report.status === "accepted") return { ok: true, report };
  if (decision === "reopen" && report.status !== "accepted") return { ok: true, report };
  const row = await setReportStatus(db, id, decision === "accept" ? "accepted" : "reopened", actor.personId, now);
  await writeAudit(db, {
    actorPersonId: actor.personId,
    action: decision === "accept" ? "report.accept" : "report.reopen",
    entity: "report_submission",
    entityId: id,
    before: { status: report.status },
    after: { status: row.status },
    at: now,
  });
  return { ok: true, report: row };
}

/**
 * A report's values at an earlier revision, from the audit log: each change after the first sending
 * bumped the revision and kept the values before it, so the change that left `revision` is the
 * (current − revision)-th from the end. Undefined when unknown (no revision, or history older than the log).
 */
async function valuesAtRevision(db: Db, report: ReportRow, revision: number | undefined): Promise<FieldValues | undefined> {
  if (revision === undefined || revision < 1 || revision >= report.revision) return undefined;
  const changes = (await auditOf(db, "report_submission", report.id)).filter((a) => VALUE_CHANGES.has(a.action));
  const left = changes[changes.length - (report.revision - revision)];
  const before = left?.before;
  return before && typeof before === "object" && !Array.isArray(before) ? (before as FieldValues) : undefined;
}

/** Reports awaiting acceptance in every subtree the actor administers. */
export async function awaitingAcceptance(db: Db, actor: Actor) {
  const roots = actor.roles.filter((r) => r.role === "office_staff" || r.role === "commune_standing").map((r) => r.orgId);
  const ids = new Set<number>();
  for (const root of roots) for (const id of await subtreeIds(db, root)) ids.add(id);
  return reportsAwaitingAcceptance(db, [...ids]);
}

/** Province setting: may members read their own cell's accepted reports (default no, domain §7). */
export const MEMBERS_SEE_REPORTS = "members_see_reports";

export async function membersMaySeeReports(db: Db): Promise<boolean> {
  return getSetting(db, MEMBERS_SEE_REPORTS, false);
}

/** One line of a cell's report list. */
export interface CellReportItem {
  id: number;
  form: string;
  period: string;
  status: string;
}

/**
 * A cell's reports, newest period first, as the actor may read them: all of them for those who may
 * view the cell's reports (`reader`), the accepted ones for its members when the province allows it.
 * Anyone else is refused.
 */
export async function readableReportsOfCell(db: Db, actor: Actor, cellId: number): Promise<{ reader: boolean; reports: CellReportItem[] }> {
  const reader = can(actor, "report.view", { orgPath: await orgPath(db, cellId) });
  if (!reader && !((await membersMaySeeReports(db)) && actor.cellId === cellId)) throw new ChiboError("forbidden");
  const rows = await listReportsOfOrg(db, cellId);
  const reports = rows.filter((r) => reader || r.status === "accepted").map((r) => ({ id: r.id, form: r.form, period: r.period, status: r.status }));
  return { reader, reports };
}
