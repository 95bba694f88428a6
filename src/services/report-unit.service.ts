import { can } from "../domain/access.js";
import { ChiboError } from "../domain/errors.js";
import { dueForPeriod, isValidOn } from "../domain/org.js";
import type { Actor } from "../domain/roles.js";
import { formatDateVi } from "../domain/time.js";
import { addDays, periodEnd } from "../domain/schedule/local-time.js";
import { findOrgById, orgPath, predecessorChain, successorIds } from "../db/org.repository.js";
import type { Db } from "../db/schema.js";

/*
 * Who reports for a unit that changed in the middle of a month (docs/org-changes.md, "Báo cáo khi đơn vị
 * thay đổi"): a period belongs to the unit in force on its last day (`dueForPeriod`), so a report for a
 * month before a merge or rename is stored on the old unit, where the roll-ups and exports of that month
 * read it. Once the old unit is closed, the leaders of the units that continue it (bí thư, phó bí thư of
 * the successor, today) send, finish and correct its reports; the old unit's own leaders no longer can.
 */

/**
 * The units that answer for `period` in place of `cellId` (a cell its sender leads today): the cell itself
 * when it was in force on the period's last day (or has nothing before it), else the units it continues
 * that were. A merged cell's month before the merge: its old cells (several: the sender chooses).
 *
 * @example renamed on 08/12: unitsAnsweringFor(db, newRecord, "2026-11") // [oldRecord]
 */
export async function unitsAnsweringFor(db: Db, cellId: number, period: string): Promise<number[]> {
  const last = periodEnd(period);
  const org = await findOrgById(db, cellId);
  if (!org || isValidOn({ validFrom: String(org.valid_from), validTo: org.valid_to === null ? null : String(org.valid_to) }, last)) return [cellId];
  const before = (await predecessorChain(db, cellId)).filter((p) => dueForPeriod({ validFrom: p.valid_from, validTo: p.valid_to }, last, false));
  return before.length > 0 ? before.map((p) => p.id) : [cellId];
}

/** `today`, or the last day a unit closed before it was in force (its roll as it was). */
export async function dayInForce(db: Db, orgId: number, today: string): Promise<string> {
  const org = await findOrgById(db, orgId);
  if (!org || org.valid_to === null || String(org.valid_to) > today) return today;
  return addDays(String(org.valid_to), -1);
}

/**
 * Whether the actor may send and correct the reports of `orgId`: they lead it today (`report.submit`),
 * or it is closed and they lead today a unit that continues it.
 */
export async function mayReportFor(db: Db, actor: Actor, orgId: number): Promise<boolean> {
  if (can(actor, "report.submit", { orgPath: await orgPath(db, orgId) })) return true;
  const led = new Set(actor.roles.filter((r) => r.role === "secretary" || r.role === "deputy_secretary").map((r) => r.orgId));
  if (led.size === 0) return false;
  const org = await findOrgById(db, orgId);
  if (!org || org.valid_to === null) return false;
  return (await successorIds(db, orgId)).some((id) => led.has(id));
}

/**
 * `mayReportFor`, refusing with `forbidden`; for a closed unit with `report_unit_closed`, which names the
 * unit, the day it closed and the units in force that continue it (their leaders send its reports).
 */
export async function requireReportAccess(db: Db, actor: Actor, orgId: number): Promise<void> {
  if (await mayReportFor(db, actor, orgId)) return;
  const org = await findOrgById(db, orgId);
  if (!org || org.valid_to === null) throw new ChiboError("forbidden");
  const names: string[] = [];
  for (const id of await successorIds(db, orgId)) {
    const next = await findOrgById(db, id);
    if (next && next.valid_to === null) names.push(next.name);
  }
  throw new ChiboError("report_unit_closed", { cell: org.name, date: formatDateVi(String(org.valid_to)), successor: names.length > 0 ? names.join(", ") : "none" });
}

/** The closed units whose reports the actor sends as the leader of their successor (`mayReportFor`), nearest first. */
export async function continuedCells(db: Db, ledCells: readonly number[]): Promise<number[]> {
  const out: number[] = [];
  for (const cell of ledCells) for (const p of await predecessorChain(db, cell)) if (p.valid_to !== null && !out.includes(p.id) && !ledCells.includes(p.id)) out.push(p.id);
  return out;
}
