import { cellsMentioned } from "../domain/cell-mention.js";
import { cellsAroundAll, cellsAroundCells, cellsAroundEachCell, type CellAround } from "../db/rollup.repository.js";
import { meetingRules } from "../db/schedule.repository.js";
import type { Db } from "../db/schema.js";
import type { MeetingRule } from "../domain/meeting-rule.js";

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
export async function cellsNamedInReport(db: Db, text: string, ledCells: readonly number[], today: string, read?: QuickReportReads): Promise<CellsInReport> {
  const cells = read ? read.around : await cellsAroundCells(db, ledCells, today);
  const led = new Map(cells.filter((c) => ledCells.includes(c.id)).map((c) => [c.id, c.name]));
  return { named: cellsMentioned(text, cells).map((c) => ({ id: c.id, name: c.name })), led };
}

/**
 * What a quick report from a secretary reads before it opens, read for a batch group's texts together:
 * the cells around the cells the sender leads (as `cellsAroundCells`) and the meeting rule in force of
 * each led cell (null: none). A class, so a reader tells its own value from another feature's.
 */
export class QuickReportReads {
  constructor(
    /** The sender's led cells, as the value was read for them. */
    readonly led: readonly number[],
    readonly today: string,
    readonly around: CellAround[],
    readonly rules: ReadonlyMap<number, MeetingRule | null>,
  ) {}
}

/**
 * `QuickReportReads` for several senders (each sender's led cells, and its day) in two statements a
 * day, whatever their number; undefined for a sender who leads no cell (a quick report is refused them
 * before any read). Only free texts are given: most are reports, the rest cost their share of one read.
 */
export async function quickReportReads(db: Db, senders: readonly { led: readonly number[]; today: string }[]): Promise<(QuickReportReads | undefined)[]> {
  const out: (QuickReportReads | undefined)[] = senders.map(() => undefined);
  for (const today of new Set(senders.filter((s) => s.led.length > 0).map((s) => s.today))) {
    const onDay = [...senders.entries()].filter(([, s]) => s.today === today && s.led.length > 0);
    const cells = [...new Set(onDay.flatMap(([, s]) => s.led))];
    const [around, rules] = await Promise.all([cellsAroundEachCell(db, cells, today), meetingRules(db, today, cells)]);
    for (const [i, { led }] of onDay) out[i] = new QuickReportReads(led, today, cellsAroundAll(around, led), new Map(led.map((cell) => [cell, rules.get(cell) ?? null])));
  }
  return out;
}
