/** Name tidying shared by extractors. */

/** "lan" → "Lan", "trieu van nam" → "Trieu Van Nam"; capitalised names are kept. */
export function titleCase(name: string): string {
  if (name !== name.toLowerCase()) return name;
  return name.replace(/(^|\s)(\p{L})/gu, (_m, sp: string, ch: string) => sp + ch.toUpperCase());
}
