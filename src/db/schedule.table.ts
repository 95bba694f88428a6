import type { Generated } from "kysely";

/** A one-off change to a cell's meeting of one month (`period`); the latest row of a month counts. */
export interface MeetingOverrideTable {
  id: Generated<number>;
  org_id: number;
  period: string;
  /** `YYYY-MM-DD`; null with `cancelled`. */
  new_date: string | null;
  new_time: string | null;
  place: string | null;
  agenda: string | null;
  kind: Generated<string>;
  cancelled: Generated<boolean>;
  reason: string | null;
  created_by: number | null;
  created_at: Generated<Date>;
}

/** A person's answer for a meeting; `proxy_by` when the secretary answered for them. */
export interface MeetingRsvpTable {
  id: Generated<number>;
  org_id: number;
  meeting_date: string;
  person_id: number;
  answer: "yes" | "no";
  reason: string | null;
  proxy_by: number | null;
  answered_at: Date;
}

/** One tick slot of a scheduled job, claimed once across all instances. */
export interface SchedulerRunTable {
  name: string;
  slot: Date;
  claimed_at: Date;
  finished_at: Date | null;
  planned: number | null;
}
