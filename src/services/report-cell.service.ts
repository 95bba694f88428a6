import { cellsMentioned } from "../domain/cell-mention.js";
import { findOrgById, subtreeIds } from "../db/org.repository.js";
import { cellsInSubtree } from "../db/rollup.repository.js";
import type { Db } from "../db/schema.js";

export interface NamedCell {
  id: number;
  name: string;
}

/**
 * The cells of the sender's communes (the parents of the cells they lead) that a report's text
 * names, e.g. "bc sh chi bo Na Thua" → Nà Thưa. Empty when the text names none.
 */
export async function cellsNamedInReport(db: Db, text: string, ledCells: readonly number[], today: string): Promise<NamedCell[]> {
  const parents = new Set<number>();
  for (const id of ledCells) {
    const org = await findOrgById(db, id);
    if (org?.parent_id) parents.add(org.parent_id);
  }
  const ids = new Set<number>(ledCells);
  for (const parent of parents) for (const id of await subtreeIds(db, parent)) ids.add(id);
  const cells = await cellsInSubtree(db, [...ids], today, today);
  return cellsMentioned(text, cells).map((c) => ({ id: c.id, name: c.name }));
}
