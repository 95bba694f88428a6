/**
 * Personal data (Law 91/2025/QH15 on personal data protection, in force from 2026-01-01): the
 * notice a person accepts before linking, what counts as a view of someone else's details, and
 * how long each kind of record is kept. Pure: no I/O.
 */

/**
 * The version of the notice in locales (`privacy-notice`). Raise it whenever that text changes in
 * substance: every linked person is shown the new text once, at their next message.
 * 2: the held data names self-reviews, resolution tasks and the party-development record, and every
 * period a province may choose is quoted.
 */
export const PRIVACY_NOTICE_VERSION = 2;

/**
 * The notice as its title names it: the text's version, then the province's changes to the periods
 * it quotes (`/luutru`) when there were any — "2", "2.1".
 */
export function noticeLabel(version: number, revision: number): string {
  return revision > 0 ? `${version}.${revision}` : String(version);
}

/** Views of another person's details that are recorded in the access log. */
export const ACCESS_KINDS = ["cell.members", "meeting.absentees", "person.profile", "export.names", "correction.list", "rating.self_reviews", "village.workforce", "candidates.list", "invite.list", "meeting.proxy_list", "report.names"] as const;
export type AccessKind = (typeof ACCESS_KINDS)[number];

/** Kinds of stored record that the daily clean-up removes after their retention. */
export type RetentionKind =
  | "inboundUpdates"
  | "conversations"
  | "linkAttempts"
  | "progressMessages"
  | "schedulerRuns"
  | "finishedInvites"
  | "finishedOutbox"
  | "accessLog"
  | "audit"
  | "doneCorrections"
  | "droppedCandidates"
  | "staleCandidates"
  | "villageRecords"
  | "selfReviews"
  | "resolutionTasks";

export interface RetentionRule {
  kind: RetentionKind;
  /** Days kept after the row has done its job (see `since`). */
  days: number;
  /** From when the days count, in words for the docs and `/dulieu`. */
  since: string;
  /** A province may choose within these bounds (the law leaves the period to the controller); absent: fixed. */
  settable?: { min: number; max: number };
}

/**
 * The retention table: one row per kind of record, the days it is kept and whether a province may
 * change it. docs/vi/du-lieu-ca-nhan.md copies this table; keep them alike.
 * Not in the table, kept while the party organization keeps its records: people, roles, reports,
 * RSVPs, household visits, consents (the proof of what a person accepted), and the pipeline record of
 * a candidate who was admitted (part of the member's dossier). A candidate still followed is kept
 * while their steps are recent (`staleCandidates`, counted from the last step's own date).
 */
export const RETENTION_TABLE: readonly RetentionRule[] = [
  { kind: "inboundUpdates", days: 7, since: "received" },
  { kind: "conversations", days: 1, since: "expired" },
  { kind: "linkAttempts", days: 1, since: "window started" },
  { kind: "progressMessages", days: 7, since: "last edited" },
  { kind: "schedulerRuns", days: 30, since: "slot" },
  { kind: "finishedInvites", days: 30, since: "used or expired" },
  // Reminder and notice texts carry names and meeting details.
  { kind: "finishedOutbox", days: 90, since: "sent or given up", settable: { min: 30, max: 365 } },
  { kind: "accessLog", days: 365, since: "viewed", settable: { min: 180, max: 1825 } },
  { kind: "audit", days: 1825, since: "changed", settable: { min: 365, max: 3650 } },
  { kind: "doneCorrections", days: 365, since: "marked done" },
  // Candidates no longer followed (not admitted): their name, birth year, ethnicity and religion go.
  { kind: "droppedCandidates", days: 365, since: "no longer followed", settable: { min: 90, max: 1825 } },
  // A candidate still followed whose last step is dated this long ago (the awareness-class
  // certificate lasts 60 months): the cell has stopped following them in all but name. Counted from
  // the step's date, not from when it was typed in; a record entered since is kept.
  { kind: "staleCandidates", days: 1825, since: "last step's date", settable: { min: 730, max: 3650 } },
  // The village record names the village's workers; quarters older than this are removed.
  { kind: "villageRecords", days: 1825, since: "quarter began", settable: { min: 730, max: 3650 } },
  // A member's own level and words for a year (/tudanhgia); the paper review stays in the party file.
  { kind: "selfReviews", days: 1825, since: "review year ended", settable: { min: 730, max: 3650 } },
  // Tasks from a meeting's resolution (/viec): who was given what, its status and note. A task still
  // open and due after the cut-off stays until it is marked.
  { kind: "resolutionTasks", days: 1825, since: "resolution month ended", settable: { min: 365, max: 3650 } },
];

export type RetentionDays = Record<RetentionKind, number>;

/** The days of every kind: the table's, with a province's choices where allowed and in bounds. */
export function retentionDays(overrides: Partial<Record<string, unknown>> = {}): RetentionDays {
  const out = {} as RetentionDays;
  for (const rule of RETENTION_TABLE) {
    const wanted = overrides[rule.kind];
    const ok = rule.settable && typeof wanted === "number" && Number.isInteger(wanted) && wanted >= rule.settable.min && wanted <= rule.settable.max;
    out[rule.kind] = ok ? (wanted as number) : rule.days;
  }
  return out;
}

/** Why a province's retention choice is refused, or null when it may be stored. */
export function checkRetentionChoice(kind: string, days: number): "unknown_kind" | "fixed" | "out_of_range" | null {
  const rule = RETENTION_TABLE.find((r) => r.kind === kind);
  if (!rule) return "unknown_kind";
  if (!rule.settable) return "fixed";
  if (!Number.isInteger(days) || days < rule.settable.min || days > rule.settable.max) return "out_of_range";
  return null;
}
