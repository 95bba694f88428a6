import type { Generated } from "kysely";

export interface HouseholdVisitTable {
  id: Generated<number>;
  household_id: number;
  visitor_id: number;
  visited_on: string;
  note: string;
  created_at: Generated<Date>;
}
