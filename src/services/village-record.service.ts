import { ChiboError } from "../domain/errors.js";
import { isPeriodOfKind } from "../domain/forms/period.js";
import { currentForm } from "../domain/forms/registry.js";
import { validateSubmission } from "../domain/forms/validate.js";
import { isVillageCell } from "../domain/org.js";
import { diffFigures, formValuesOf, villageUnitOf, type RecordDiff, type VillageFigures, type VillageUnit } from "../domain/records/village-record.js";
import type { Actor } from "../domain/roles.js";
import { compareVi } from "../domain/text/collate.js";
import { periodEnd, periodStart } from "../domain/schedule/local-time.js";
import { findOrgById, subtreeIds } from "../db/org.repository.js";
import { cellsInSubtree } from "../db/rollup.repository.js";
import type { Db } from "../db/schema.js";
import { latestVillageRecord, previousVillageRecords, villageRecordForUpdate, villageRecordsOf } from "../db/village-record.repository.js";
import { recordAccess } from "./access-log.service.js";
import { requireAccess } from "./actor.service.js";
import { reportHeadingOf } from "./rollup.service.js";
import type { ReportHeading } from "../domain/report-heading.js";
import { submitReport } from "./report.service.js";
import { figuresOf, writeVillageRecord } from "./village-record-store.service.js";

export { figuresOf, storeFigures } from "./village-record-store.service.js";

export interface VillageRecordView {
  orgId: number;
  cellName: string;
  period: string;
  /** The quarter's own record, or else the latest before it ("last quarter's values"). */
  figures: VillageFigures;
  /** The quarter the figures come from; null when the village has no record yet. */
  from: string | null;
  /** Thôn, tổ dân phố, ấp…: the head's title follows it. */
  unit: VillageUnit;
  /** The revision of the quarter's own record (0: the quarter has none yet): saving is bound to it. */
  revision: number;
}

/** Those of the given orgs that are village or residential-group cells (the ones keeping a record). */
export async function villageCellsAmong(db: Db, orgIds: readonly number[]): Promise<number[]> {
  const out: number[] = [];
  for (const id of orgIds) {
    const org = await findOrgById(db, id);
    if (org && isVillageCell(org)) out.push(id);
  }
  return out;
}

async function requireVillageCell(db: Db, orgId: number) {
  const org = await findOrgById(db, orgId);
  if (!org || !isVillageCell(org)) throw new ChiboError("not_found");
  return org;
}

/**
 * A village's record for a quarter as the secretary starts from: that quarter's if stored, else the
 * latest one before it. Checked with `records.view`; a view by anyone but the cell's own leaders of a
 * record naming workers is written to the access log.
 */
export async function villageRecordFor(db: Db, actor: Actor, orgId: number, period: string, now: Date): Promise<VillageRecordView> {
  if (!isPeriodOfKind("quarter", period)) throw new ChiboError("invalid_input");
  await requireAccess(db, actor, "records.view", { orgId });
  const org = await requireVillageCell(db, orgId);
  const row = await latestVillageRecord(db, orgId, period);
  const figures = row ? figuresOf(row) : { organizations: {}, workforce: [] };
  await recordAccess(db, actor, { what: "village.workforce", orgId, peopleCount: figures.workforce.length }, now);
  const revision = row?.period === period ? row.revision : 0;
  return { orgId, cellName: org.name, period, figures, from: row?.period ?? null, unit: villageUnitOf({ areaKind: org.area_kind, areaName: org.area_name, name: org.name }), revision };
}

/** A quarter's own record as stored: its figures, when and by whom (null: an import) it was last written, its revision. */
export interface StoredVillageRecord {
  figures: VillageFigures;
  at: Date;
  by: number | null;
  revision: number;
}

/**
 * The record stored for exactly this quarter (`records.view`), as it reads back, and when it was last
 * written; undefined when the quarter has none of its own.
 */
export async function storedVillageRecord(db: Db, actor: Actor, orgId: number, period: string): Promise<StoredVillageRecord | undefined> {
  if (!isPeriodOfKind("quarter", period)) throw new ChiboError("invalid_input");
  await requireAccess(db, actor, "records.view", { orgId });
  const row = await latestVillageRecord(db, orgId, period);
  return row?.period === period ? { figures: figuresOf(row), at: row.updated_at, by: row.updated_by, revision: row.revision } : undefined;
}

export interface SaveOutcome {
  created: boolean;
  /** The quarterly village report was filed (or updated) from the record as well. */
  reportFiled: boolean;
  /** The quarter's report had been accepted by the commune: it keeps its figures. */
  reportLocked: boolean;
}

/**
 * Store a village's record for a quarter (`records.edit`: the cell's secretary or deputy) and file the
 * quarterly village report from it, so reminders, `/tonghop` and the export see the quarter as reported.
 * The audit row names what changed, not the workers' details. `revision` is the quarter's record the
 * screen was opened on (0: none): once another was saved since (the deputy, a report, an import),
 * nothing is written (`record_changed`, checked under the row's lock).
 */
export async function saveVillageRecord(db: Db, actor: Actor, orgId: number, period: string, figures: VillageFigures, now: Date, today: string, revision?: number): Promise<SaveOutcome> {
  if (!isPeriodOfKind("quarter", period)) throw new ChiboError("invalid_input");
  await requireAccess(db, actor, "records.edit", { orgId });
  await requireVillageCell(db, orgId);
  if (revision !== undefined && ((await villageRecordForUpdate(db, orgId, period))?.revision ?? 0) !== revision) throw new ChiboError("record_changed");
  const put = await writeVillageRecord(db, orgId, period, figures, { by: actor.personId, at: now });
  const values = formValuesOf(figures);
  const form = currentForm("village-quarterly");
  if (validateSubmission(form, values, { today }).missing.length > 0) return { created: put.created, reportFiled: false, reportLocked: false };
  try {
    const filed = await submitReport(db, actor, { orgId, form: "village-quarterly", period, values, source: "guided" }, now, today);
    return { created: put.created, reportFiled: filed.ok, reportLocked: false };
  } catch (error) {
    if (error instanceof ChiboError && error.code === "report_locked") return { created: put.created, reportFiled: false, reportLocked: true };
    throw error;
  }
}

/** One village of a commune in the export: its quarter, the quarter before, what changed. */
export interface VillageRow {
  orgId: number;
  cellName: string;
  /** The village or residential group itself ("thôn Pò Lài"): the cell's area, else its name. */
  village: string;
  /** Thôn, tổ dân phố, ấp…: the head's title follows it. */
  unit: VillageUnit;
  communeName: string | null;
  figures: VillageFigures | null;
  previous: VillageFigures | null;
  previousPeriod: string | null;
  diff: RecordDiff;
}

export interface VillageTable {
  orgName: string;
  period: string;
  rows: VillageRow[];
  /** The party's header and signature block of the export, for the org. */
  heading: ReportHeading;
}

/**
 * The villages under an org for a quarter with the quarter-to-quarter changes (`records.view` on the
 * org; the local operator of `chibo export` when `actor` is null): every village and residential-group
 * cell open in the quarter, those without a record for it listed empty (the export's "chưa cập nhật quý
 * này", counted in "2/3 thôn đã cập nhật"); agency cells keep no record and are not listed. A view that
 * names workers is written to the access log.
 */
export async function villageTable(db: Db, actor: Actor | null, rootOrgId: number, period: string, now: Date): Promise<VillageTable> {
  if (!isPeriodOfKind("quarter", period)) throw new ChiboError("invalid_input", { period });
  if (actor) await requireAccess(db, actor, "records.view", { orgId: rootOrgId });
  const root = await findOrgById(db, rootOrgId);
  if (!root) throw new ChiboError("not_found");
  const cells = (await cellsInSubtree(db, await subtreeIds(db, rootOrgId), periodStart(period), periodEnd(period))).filter(isVillageCell).sort(
    (a, b) => compareVi(a.parent_name ?? "", b.parent_name ?? "") || compareVi(a.name, b.name),
  );
  const ids = cells.map((c) => c.id);
  const [current, previous] = await Promise.all([villageRecordsOf(db, ids, [period]), previousVillageRecords(db, ids, period)]);
  const nowById = new Map(current.map((r) => [r.org_id, r]));
  const beforeById = new Map(previous.map((r) => [r.org_id, r]));
  const rows = cells.map((c): VillageRow => {
    const figures = nowById.has(c.id) ? figuresOf(nowById.get(c.id)!) : null;
    const prev = beforeById.get(c.id);
    const before = prev ? figuresOf(prev) : null;
    const diff = figures ? diffFigures(before ?? undefined, figures) : diffFigures(undefined, { organizations: {}, workforce: [] });
    const unit = villageUnitOf({ areaKind: c.area_kind, areaName: c.area_name, name: c.name });
    return { orgId: c.id, cellName: c.name, village: c.area_name ?? c.name, unit, communeName: c.parent_name, figures, previous: before, previousPeriod: prev?.period ?? null, diff };
  });
  const named = rows.reduce((n, r) => n + (r.figures?.workforce.length ?? 0), 0);
  if (actor) await recordAccess(db, actor, { what: "village.workforce", orgId: rootOrgId, peopleCount: named }, now);
  return { orgName: root.name, period, rows, heading: await reportHeadingOf(db, rootOrgId) };
}
