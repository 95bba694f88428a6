import { cellsMentioned } from "../domain/cell-mention.js";
import { cellsAroundCells } from "../db/rollup.repository.js";
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
  const cells = await cellsAroundCells(db, ledCells, today);
  return cellsMentioned(text, cells).map((c) => ({ id: c.id, name: c.name }));
}
