import type { Generated, JSONColumnType } from "kysely";

/** One village's (or residential group's) record for one quarter: figures, organizations, workforce. */
export interface VillageRecordTable {
  id: Generated<number>;
  /** The village cell the record belongs to. */
  org_id: number;
  /** `YYYY-Qn`. */
  period: string;
  /** numeric: read back as a string on both engines. */
  area_km2: string | number | null;
  population: number | null;
  households: number | null;
  poor_households: number | null;
  organizations: JSONColumnType<Record<string, number>, string, string>;
  workforce: JSONColumnType<Record<string, unknown>[], string, string>;
  source: "chat" | "import";
  updated_by: number | null;
  updated_at: Date;
  /** 1 when first written, +1 on every change: a save is bound to the one its screen showed. */
  revision: Generated<number>;
}

/** A person the cell follows towards membership (the party-development pipeline). */
export interface PartyCandidateTable {
  id: Generated<number>;
  org_id: number;
  full_name: string;
  sex: string | null;
  birth_year: number | null;
  ethnicity: string | null;
  religion: string | null;
  flags: JSONColumnType<string[], string, string>;
  /** Dates are `YYYY-MM-DD` text. */
  identified_on: string | null;
  certificate_on: string | null;
  dossier_on: string | null;
  admitted_on: string | null;
  full_member_on: string | null;
  dropped_on: string | null;
  /** The person created at admission (a probationary member of the cell). */
  person_id: number | null;
  created_by: number | null;
  created_at: Date;
  updated_at: Date;
}

/** An org's admissions target for a year (set by its office). */
export interface DevelopmentTargetTable {
  org_id: number;
  year: number;
  target: number;
  set_by: number | null;
  updated_at: Date;
}
