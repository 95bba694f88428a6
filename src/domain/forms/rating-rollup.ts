import { DEFAULT_HTXS_QUOTA_PCT, RATING_LEVELS } from "./criteria.js";
import type { RatingLevel } from "./rating.js";

/** Levels counted over a set of organizations or members, with their shares and the HTXS cap. */
export interface LevelCount {
  counts: Record<RatingLevel, number>;
  /** Those with a level. */
  rated: number;
  /** Those without one yet. */
  unrated: number;
  /** Whole percentages of the rated, by level, each rounded on its own (equal counts, equal percents). */
  percents: Record<RatingLevel, number>;
  /** At most this many HTXS: the quota's share of HTT. */
  htxsLimit: number;
  quotaPct: number;
  /** HTXS above the cap (HD 21/2019: within 20% of HTT; the table's own share when it sets one). */
  overQuota: boolean;
}

/**
 * Count levels and check the HTXS cap.
 *
 * @example countLevels(["HTXS", "HTT", "HTT", undefined], 20).overQuota // true: 1 HTXS, at most 20% of 2 HTT = 0
 */
export function countLevels(levels: readonly (RatingLevel | undefined)[], quotaPct: number = DEFAULT_HTXS_QUOTA_PCT): LevelCount {
  const counts = { HTXS: 0, HTT: 0, HT: 0, KHT: 0 } as Record<RatingLevel, number>;
  let unrated = 0;
  for (const level of levels) {
    if (level) counts[level]++;
    else unrated++;
  }
  return withShares(counts, unrated, quotaPct);
}

/** The same from counts already made (a cell's report gives its members' levels as numbers). */
export function withShares(counts: Record<RatingLevel, number>, unrated: number, quotaPct: number = DEFAULT_HTXS_QUOTA_PCT): LevelCount {
  const rated = RATING_LEVELS.reduce((s, l) => s + counts[l], 0);
  const htxsLimit = Math.floor((quotaPct / 100) * counts.HTT + 1e-9);
  return { counts, rated, unrated, percents: percentsOf(counts, rated), htxsLimit, quotaPct, overQuota: counts.HTXS > htxsLimit };
}

/** Add counts level by level. */
export function addCounts(a: Record<RatingLevel, number>, b: Record<RatingLevel, number>): Record<RatingLevel, number> {
  return { HTXS: a.HTXS + b.HTXS, HTT: a.HTT + b.HTT, HT: a.HT + b.HT, KHT: a.KHT + b.KHT };
}

function percentsOf(counts: Record<RatingLevel, number>, rated: number): Record<RatingLevel, number> {
  const percents = { HTXS: 0, HTT: 0, HT: 0, KHT: 0 } as Record<RatingLevel, number>;
  if (rated === 0) return percents;
  // Each share rounded on its own, as the roll-up tables round theirs: the same count shows the same
  // percent ("1 (17%)" twice for 1 of 6), even when the four then add up to 99 or 101.
  for (const l of RATING_LEVELS) percents[l] = Math.round((counts[l] * 100) / rated);
  return percents;
}
