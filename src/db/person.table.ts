import type { Generated } from "kysely";

export interface PersonTable {
  id: Generated<number>;
  code: string;
  full_name: string;
  sex: string | null;
  birth_year: number | null;
  ethnicity: string | null;
  phone: string | null;
  membership: string | null;
  admitted_on: string | null;
  full_member_on: string | null;
  exempt: Generated<boolean>;
  temp_attached: Generated<boolean>;
  cell_id: number | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  /** The day the member left the rolls (`YYYY-MM-DD`), with `left_reason`; null while on them. */
  left_on: string | null;
  /** `transferred_out` (chuyển đi) | `expelled` (ra khỏi Đảng) | `deceased` (từ trần). */
  left_reason: string | null;
}

export interface RoleTable {
  id: Generated<number>;
  person_id: number;
  org_id: number;
  role: string;
  valid_from: string;
  valid_to: string | null;
}

export interface HouseholdTable {
  id: Generated<number>;
  code: string;
  org_id: number;
  village_name: string;
  head_name: string;
  notes: string | null;
  /** Number of people in the household (from the households import); null when not given. */
  people_count: number | null;
  updated_at: Date | null;
  created_at: Generated<Date>;
}

export interface AssignmentTable {
  id: Generated<number>;
  cadre_id: number;
  org_id: number | null;
  household_id: number | null;
  duties: string | null;
  valid_from: string;
  valid_to: string | null;
  created_at: Generated<Date>;
}
