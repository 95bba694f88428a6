import { formVersion, isFormId } from "../domain/forms/registry.js";
import { sameValue } from "../domain/forms/same-value.js";
import type { Actor } from "../domain/roles.js";
import { auditOf } from "../db/audit.repository.js";
import { findPersonById } from "../db/person.repository.js";
import type { Db } from "../db/schema.js";
import { viewReport } from "./report.service.js";

/**
 * What happened to a report: sent, changed (a correction; a new report for its period, which updates it;
 * a whole new version from an import), accepted, reopened.
 */
export type HistoryAction = "submit" | "correct" | "update" | "resubmit" | "accept" | "reopen";

export interface FieldChange {
  key: string;
  before: unknown;
  after: unknown;
}

export interface HistoryEntry {
  at: Date;
  /** The person who did it; null when it was done outside the chat (an import, the office's CLI). */
  by: string | null;
  action: HistoryAction;
  /** For a change: the fields whose value changed, in the form's order. */
  changes: FieldChange[];
}

export interface ReportHistory {
  report: { id: number; orgId: number; form: string; formVersion: number; period: string; status: string };
  entries: HistoryEntry[];
}

const ACTIONS: Record<string, HistoryAction> = {
  "report.submit": "submit",
  "report.correct": "correct",
  "report.update": "update",
  "report.resubmit": "resubmit",
  "report.accept": "accept",
  "report.reopen": "reopen",
};

/** The fields that differ between two versions of a report's values, in the form's field order. */
export function changedFields(order: readonly string[], before: Record<string, unknown>, after: Record<string, unknown>): FieldChange[] {
  const keys = [...order, ...[...new Set([...Object.keys(before), ...Object.keys(after)])].filter((k) => !order.includes(k))];
  const out: FieldChange[] = [];
  for (const key of keys) {
    const b = before[key] ?? null;
    const a = after[key] ?? null;
    if (!sameValue(b, a)) out.push({ key, before: b, after: a });
  }
  return out;
}

/**
 * A report's history from the audit log (who, when, before → after), for those who may see the
 * report (`viewReport`: along the org tree; members only where the province allows).
 *
 * @example const { entries } = await reportHistory(db, actor, 12, false) // [{ action: "submit", … }, { action: "correct", changes: [{ key: "present", before: 10, after: 9 }] }]
 */
export async function reportHistory(db: Db, actor: Actor, id: number, membersMaySee: boolean): Promise<ReportHistory> {
  const { report, definition } = await viewReport(db, actor, id, membersMaySee);
  const order = (definition ?? (isFormId(report.form) ? formVersion(report.form, report.form_version) : undefined))?.fields.map((f) => f.key) ?? [];
  const names = new Map<number, string | null>();
  const entries: HistoryEntry[] = [];
  for (const row of await auditOf(db, "report_submission", id)) {
    const action = ACTIONS[row.action];
    if (!action) continue;
    let by: string | null = null;
    if (row.actor_person_id !== null) {
      if (!names.has(row.actor_person_id)) names.set(row.actor_person_id, (await findPersonById(db, row.actor_person_id))?.full_name ?? null);
      by = names.get(row.actor_person_id) ?? null;
    }
    const changes =
      action === "correct" || action === "update" || action === "resubmit"
        ? changedFields(order, (row.before ?? {}) as Record<string, unknown>, (row.after ?? {}) as Record<string, unknown>)
        : [];
    entries.push({ at: row.at, by, action, changes });
  }
  return { report: { id: report.id, orgId: report.org_id, form: report.form, formVersion: report.form_version, period: report.period, status: report.status }, entries };
}

/** How many times a report was sent or changed (acceptance and reopening are not revisions). */
export async function reportRevisionCount(db: Db, id: number): Promise<number> {
  const history = await auditOf(db, "report_submission", id);
  return history.filter((h) => h.action !== "report.accept" && h.action !== "report.reopen").length;
}
