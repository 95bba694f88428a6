/** Why a row (or the file) cannot be imported; each maps to the Fluent message `import-<code>`. */
export type ImportIssueCode =
  | "no_header"
  | "missing_column"
  | "duplicate_column"
  | "no_rows"
  | "too_many_rows"
  | "required"
  | "too_long"
  | "bad_code"
  | "bad_year"
  | "bad_date"
  | "future_date"
  | "bad_phone"
  | "bad_sex"
  | "bad_bool"
  | "bad_membership"
  | "bad_kind"
  | "bad_catchment"
  | "bad_role"
  | "duplicate_code"
  | "unknown_cell"
  | "not_a_cell"
  | "unit_closed"
  | "unknown_parent"
  | "parent_required"
  | "parent_cycle"
  | "parent_kind"
  | "unknown_role_org"
  // Party posts: a probationary member on the cell committee (statute art. 5), a cell's second secretary.
  | "probationary_committee"
  | "second_secretary"
  | "org_renamed"
  | "org_moved"
  | "org_kind_changed"
  | "org_closed"
  | "bad_meeting_day"
  | "bad_meeting_time"
  | "bad_thematic"
  | "meeting_day_required"
  | "meeting_time_required"
  | "bad_people_count"
  | "unknown_person"
  | "unknown_household"
  | "unknown_unit"
  | "target_required"
  | "target_twice"
  | "bad_range"
  | "household_moved"
  | "assignment_overlap"
  // One province per store; the templates' examples stay out of real data.
  | "second_province"
  | "template_example"
  // Changes over time (effective date, predecessors, members leaving).
  | "bad_change"
  | "unknown_predecessor"
  | "predecessor_closed"
  | "predecessor_date"
  | "predecessor_needs_date"
  | "predecessor_mismatch"
  | "predecessor_repeated"
  | "predecessor_of_existing"
  // Village records.
  | "bad_quarter"
  | "bad_count"
  | "bad_worker_role"
  | "not_a_village"
  | "village_conflict"
  | "village_locked"
  // Criteria tables of the annual review.
  | "bad_table_kind"
  | "bad_group"
  | "bad_points"
  | "bad_percent"
  | "bad_level"
  | "criteria_total"
  | "levels_missing"
  | "level_order"
  | "level_floor";

/** One problem, located the way the office sees its file: the line number and the column's own header. */
export interface ImportIssue {
  /** 1-based line (CSV) or row (XLSX) number in the file. */
  line: number;
  /** The column's header as written in the file; absent for whole-row or whole-file problems. */
  column?: string;
  code: ImportIssueCode;
  args: Record<string, string | number>;
}

/** At most this many issues are listed; the rest are counted. */
export const MAX_LISTED_ISSUES = 100;

/** Issues in file order: by line, then column position as given. */
export function sortIssues(issues: readonly ImportIssue[]): ImportIssue[] {
  return issues
    .map((issue, i) => ({ issue, i }))
    .sort((a, b) => a.issue.line - b.issue.line || a.i - b.i)
    .map((x) => x.issue);
}
