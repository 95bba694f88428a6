import type { ColumnType, Generated, JSONColumnType } from "kysely";

/** A person's answer to the personal-data notice (or that it was shown), per chat account. */
export interface PrivacyConsentTable {
  id: Generated<number>;
  person_id: number;
  account_id: number | null;
  channel: string;
  notice_version: number;
  /** Changes to the retention periods the notice quotes (`/luutru`) before it was shown: 0 for none. */
  periods_revision: ColumnType<number, number | undefined, never>;
  decision: "accepted" | "refused" | "shown";
  at: Date;
}

/** One view of another person's personal details. */
export interface AccessLogTable {
  /** bigint: read back as a string on both engines. */
  id: Generated<string>;
  at: Date;
  viewer_person_id: number;
  what: string;
  org_id: number | null;
  subject_person_id: number | null;
  people_count: number | null;
  /** The people a view of a group named (a list, absentees, a report), one row for all; null for one person or none known. */
  subject_ids: ColumnType<number[] | null, number[] | null | undefined, never>;
  /** The report a view opened (`report.names`); null for other views. */
  report_id: ColumnType<number | null, number | null | undefined, never>;
}

/** "Yêu cầu sửa": a person asks their cell secretary or the office to correct their data. */
export interface CorrectionRequestTable {
  id: Generated<number>;
  person_id: number;
  to_org_id: number | null;
  text: string;
  /** `declined`: handled without a change (the answer says why). */
  status: Generated<"open" | "done" | "declined">;
  created_at: Date;
  done_by: number | null;
  done_at: Date | null;
  /** How the request ended, in words the person reads: what was changed, or why nothing was. */
  answer: string | null;
  /** The person's record when they asked (`CorrectableProfile`), to see whether it changed since. */
  profile_before: JSONColumnType<Record<string, unknown> | null, string | null, string | null>;
}
