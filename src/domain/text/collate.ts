/** Vietnamese alphabetical order (a ă â b … đ …, tones after letters): "Hà …" before "Hoàng …". */
const collator = new Intl.Collator("vi");

/** Compare two names in Vietnamese order; the one comparator every list of people or units uses. */
export function compareVi(a: string, b: string): number {
  return collator.compare(a, b);
}

/** A comparator ordering items by a name in Vietnamese order. */
export function byNameVi<T>(name: (item: T) => string): (a: T, b: T) => number {
  return (a, b) => collator.compare(name(a), name(b));
}
