/** Field types a form may hold; each has a reader for typed answers and a validator. */
export type FieldType =
  | "date" // YYYY-MM-DD
  | "time" // HH:MM
  | "int"
  | "decimal"
  | "money" // whole VND
  | "bool"
  | "text"
  | "enum"
  | "text_list" // content items, names
  | "absentees" // [{name, reason, excused}]
  | "resolutions" // [{task, owner, due}]
  | "scores"; // {criterion code: points}, from a criteria table

/** Where a guided form takes a field's suggested value from. */
export type DefaultSource =
  | "scheduled_date" // the cell's meeting date this month
  | "scheduled_time"
  | "scheduled_place"
  | "planned_kind" // the kind of meeting the cell's rule plans for the month, where not the regular one: combined in its thematic month
  | "member_count" // members expected at the meeting (not exempt)
  | "previous" // the same field in the last period's submission ("không thay đổi")
  | "cell_members" // party members on the cell's roll today
  | "cell_probationary"; // probationary members on the cell's roll today

export interface FieldDefinition {
  key: string;
  type: FieldType;
  required: boolean;
  /** Asked one by one in the guided flow (others only come from a quick report). */
  guided: boolean;
  min?: number;
  max?: number;
  /** For `enum`. */
  options?: readonly string[];
  default?: DefaultSource;
  /** Offered when `default` gives nothing (a first quarter has no previous values, the roll still counts). */
  fallback?: DefaultSource;
}

export type PeriodKind = "month" | "quarter" | "year";

/** A form as versioned data: submissions store the version they were made with. */
export interface FormDefinition {
  id: string;
  version: number;
  periodKind: PeriodKind;
  /** Who submits: the cell's secretary or deputy (`report.submit` on the cell). */
  submitter: "cell";
  /** Name of the due rule (the reminders engine resolves it per commune). */
  dueRule: string;
  fields: readonly FieldDefinition[];
}

/** A problem with a submitted value. Codes map to the Fluent message `report-check-<code>`. */
export interface Check {
  code: string;
  field?: string;
  args?: Record<string, string | number>;
}

export type FieldValues = Record<string, unknown>;
