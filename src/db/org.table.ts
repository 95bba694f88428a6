import type { Generated } from "kysely";

export interface OrgTable {
  id: Generated<number>;
  code: string;
  kind: string;
  name: string;
  parent_id: number | null;
  area_kind: string | null;
  area_name: string | null;
  catchment: string | null;
  /** `YYYY-MM-DD` (dates are read as text, never as local-midnight Date objects). */
  valid_from: string;
  valid_to: string | null;
  created_at: Generated<Date>;
}

export interface OrgPredecessorTable {
  org_id: number;
  predecessor_id: number;
}

export interface MeetingRuleTable {
  id: Generated<number>;
  org_id: number;
  rule_kind: string;
  day_of_month: number | null;
  nth: number | null;
  weekday: number | null;
  start_time: string;
  place: string | null;
  /** Month of each quarter (1–3) whose meeting is combined with the thematic one; null: none set. */
  thematic_month: number | null;
  valid_from: string;
  valid_to: string | null;
}
