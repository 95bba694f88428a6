import type { ColumnType, Generated, JSONColumnType } from "kysely";

export type ReportStatus = "draft" | "submitted" | "accepted" | "reopened";

/** One cell's report for one form and period; corrections update it, the audit log keeps each version. */
export interface ReportSubmissionTable {
  id: Generated<number>;
  org_id: number;
  form: string;
  period: string;
  status: ReportStatus;
  submitted_by: number | null;
  submitted_at: Date | null;
  /** When it was first sent (a later correction or update moves `submitted_at`, never this); null when not known. */
  first_submitted_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  data: JSONColumnType<Record<string, unknown>, string, string>;
  form_version: number;
  accepted_by: number | null;
  accepted_at: Date | null;
  source: string | null;
  revision: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}
