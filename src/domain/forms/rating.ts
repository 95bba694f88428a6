export type RatingLevel = "HTXS" | "HTT" | "HT" | "KHT";

/** Facts beyond the score that a band may require. */
export interface RatingFacts {
  /** Every task done, with at least 30% above target. */
  tasksExceeded30pct?: boolean;
  /** A sub-unit was disciplined this year (bars a collective from HTXS). */
  disciplinedSubunit?: boolean;
}

export interface RatingBand {
  level: RatingLevel;
  /** Inclusive lower bound of the total score. */
  min: number;
  conditions: readonly ("tasks_exceeded_30pct" | "no_disciplined_subunit")[];
}

/** One scored criterion: `general` is the 30-point part of QĐ 366, `tasks` the 70-point results. */
export interface Criterion {
  code: string;
  group: "general" | "tasks";
  name: string;
  max: number;
}

/** A criteria table as configurable data (domain §5 `criteria_table`); the province may publish newer versions. */
export interface CriteriaTable {
  id: string;
  targetKind: "collective" | "member";
  year: number;
  version: number;
  generalMax: number;
  tasksMax: number;
  /** Highest band first. */
  bands: readonly RatingBand[];
  /** HTXS may be at most this share of HTT (historically 20%, HD 21/2019; check the year's guide). */
  htxsQuotaOfHtt: number;
  /** The criteria scored one by one (an imported table); absent: only the two totals are asked. */
  criteria?: readonly Criterion[];
}

/** QĐ 366-QĐ/TW (30/8/2025) for collectives: 100 points, 30 general criteria + 70 task results. */
export const QD366_COLLECTIVE: CriteriaTable = {
  id: "qd366-collective",
  targetKind: "collective",
  year: 2025,
  version: 1,
  generalMax: 30,
  tasksMax: 70,
  bands: [
    { level: "HTXS", min: 90, conditions: ["tasks_exceeded_30pct", "no_disciplined_subunit"] },
    { level: "HTT", min: 70, conditions: [] },
    { level: "HT", min: 50, conditions: [] },
    { level: "KHT", min: 0, conditions: [] },
  ],
  htxsQuotaOfHtt: 0.2,
};

/**
 * The level a total score earns under a table. A band whose conditions are not met falls to the next.
 *
 * @example levelFor(QD366_COLLECTIVE, 92, { tasksExceeded30pct: false }) // "HTT"
 */
export function levelFor(table: CriteriaTable, total: number, facts: RatingFacts = {}): RatingLevel {
  for (const band of table.bands) {
    if (total < band.min) continue;
    const met = band.conditions.every((c) =>
      c === "tasks_exceeded_30pct" ? facts.tasksExceeded30pct === true : facts.disciplinedSubunit !== true,
    );
    if (met) return band.level;
  }
  return "KHT";
}

/** Whether the HTXS count respects the quota (HTXS ≤ quota × HTT). */
export function htxsWithinQuota(table: CriteriaTable, htxs: number, htt: number): boolean {
  return htxs <= Math.floor(table.htxsQuotaOfHtt * htt + 1e-9);
}
