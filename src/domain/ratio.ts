/**
 * A rate of a roll-up: a (summed) numerator over its (summed) denominator, at most 1 (more present
 * than expected — guests counted, a stale member count — is full attendance, not more); null when the
 * denominator is 0 or unknown. Every level of every roll-up (a cell, a commune, the total; `/tonghop`,
 * `/xemlai`, `chibo export`, `/xuat`) reads its rates through this one function over sums: a commune's
 * attendance is its cells' present over their expected, never a mean of their percentages.
 *
 * @example shareOf(4 + 2, 5 + 3) // 0.75 (not the mean of 80% and 67%)
 */
export function shareOf(numerator: number | null | undefined, denominator: number | null | undefined): number | null {
  if (numerator === null || numerator === undefined || !denominator) return null;
  return Math.min(1, numerator / denominator);
}
