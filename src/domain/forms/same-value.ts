/**
 * Whether two field values say the same thing: lists item by item in order, objects key by key in any
 * key order, a key holding `undefined` or `null` the same as a key left out. A report read back from
 * the database keeps its objects' keys in the store's order (PostgreSQL's jsonb sorts them), so a list
 * of absentees or resolutions restated word for word must not read as changed.
 *
 * @example sameValue([{ task: "thu đảng phí", due: "2025-12-20" }], [{ due: "2025-12-20", task: "thu đảng phí" }]) // true
 */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === undefined || a === null || b === undefined || b === null) return (a ?? null) === (b ?? null);
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((item, i) => sameValue(item, b[i]));
  }
  if (typeof a === "object" && typeof b === "object") {
    const x = a as Record<string, unknown>;
    const y = b as Record<string, unknown>;
    const keys = new Set([...Object.keys(x), ...Object.keys(y)]);
    return [...keys].every((key) => sameValue(x[key], y[key]));
  }
  return a === b;
}
