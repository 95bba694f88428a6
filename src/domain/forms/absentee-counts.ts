import type { FieldValues } from "./form-definition.js";

/** The absence counts a monthly report states beside its list of absentees. */
const COUNT_KEYS = ["absent_excused", "absent_unexcused", "absent_exempt", "absent_unknown"] as const;
type CountKey = (typeof COUNT_KEYS)[number];

interface Listed {
  excused?: unknown;
  exempt?: unknown;
}

/** The count an absentee is in: exempt, with a reason, without, or not said. */
function countOf(a: Listed): CountKey {
  if (a.exempt === true) return "absent_exempt";
  return a.excused === true ? "absent_excused" : a.excused === false ? "absent_unexcused" : "absent_unknown";
}

function countsOf(list: unknown): Record<CountKey, number> {
  const out: Record<CountKey, number> = { absent_excused: 0, absent_unexcused: 0, absent_exempt: 0, absent_unknown: 0 };
  if (Array.isArray(list)) for (const a of list) if (a && typeof a === "object") out[countOf(a as Listed)]++;
  return out;
}

/**
 * The absence counts to change when a report's list of absentees is replaced by `list`: when the counts
 * on file are exactly the list's (every absence named), they follow the new list; when they count more
 * than it names ("vắng 3", two named), nobody can tell which count a change belongs to, and they stay.
 * Only the counts that change are returned.
 *
 * @example countsFollowingList({ absent_excused: 1, absentees: [{ name: "A", excused: true }] }, [{ name: "A", excused: false }])
 * // → { absent_excused: 0, absent_unexcused: 1 }
 */
export function countsFollowingList(values: FieldValues, list: readonly Listed[]): Partial<Record<CountKey, number>> {
  const was = countsOf(values.absentees);
  const stated = (k: CountKey) => (typeof values[k] === "number" ? (values[k] as number) : 0);
  if (!COUNT_KEYS.every((k) => stated(k) === was[k])) return {};
  const now = countsOf(list);
  const out: Partial<Record<CountKey, number>> = {};
  for (const k of COUNT_KEYS) if (now[k] !== stated(k)) out[k] = now[k];
  return out;
}
