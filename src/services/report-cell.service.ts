import { cellsMentioned } from "../domain/cell-mention.js";
import { cellsAroundCells } from "../db/rollup.repository.js";
import type { Db } from "../db/schema.js";

export interface NamedCell {
  id: number;
  name: string;
}

/** What `cellsNamedInReport` found: the cells named, and the names of the led cells read with them. */
export interface CellsInReport {
  named: NamedCell[];
  /** The led cells in force today by id, with their names (the report's answer names its cell). */
  led: Map<number, string>;
}

/**
 * The cells of the sender's communes (the parents of the cells they lead) that a report's text
 * names, e.g. "bc sh chi bo Na Thua" → Nà Thưa (`named` empty when the text names none); the led
 * cells' own names come with them, from the same read.
 */
export async function cellsNamedInReport(db: Db, text: string, ledCells: readonly number[], today: string): Promise<CellsInReport> {
  const cells = await cellsAroundCells(db, ledCells, today);
  const led = new Map(cells.filter((c) => ledCells.includes(c.id)).map((c) => [c.id, c.name]));
  return { named: cellsMentioned(text, cells).map((c) => ({ id: c.id, name: c.name })), led };
}
