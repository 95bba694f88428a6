import type { Generated, JSONColumnType } from "kysely";
import type { Criterion } from "../domain/forms/criteria.js";

/** One version of a criteria table (kind and year), as the office imported it. */
export interface CriteriaTableTable {
  id: Generated<number>;
  kind: string;
  year: number;
  version: number;
  criteria: JSONColumnType<Criterion[], string, string>;
  bands: JSONColumnType<{ level: string; min: number }[], string, string>;
  /** numeric: read back as text on both engines. */
  htxs_quota_pct: string | number;
  imported_at: Date;
}

/** The commune committee's score and final level of an organization for a year. */
export interface RatingDecisionTable {
  id: Generated<number>;
  org_id: number;
  year: number;
  score: string | number | null;
  level: string;
  note: string | null;
  decided_by: number;
  decided_at: Date;
  /** 1 when first decided, +1 on every change: a decision is bound to the one its screen showed. */
  revision: Generated<number>;
}

/** A member's own level and short self-assessment for a year. */
export interface MemberSelfReviewTable {
  id: Generated<number>;
  person_id: number;
  cell_id: number;
  year: number;
  level: string;
  text: string;
  at: Date;
}
