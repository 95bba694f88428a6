import type { Kysely } from "kysely";
import type { Insertable } from "kysely";
import { writeAudit } from "../db/audit.repository.js";
import {
  assignmentsOfCadres,
  endAssignments,
  cellSecretaryTerms,
  endRoles,
  householdsByCodes,
  holdsOtherThan,
  insertAssignments,
  insertHouseholds,
  insertOrg,
  openHouseholdAssignments,
  updateAssignment,
  updateHousehold,
  insertPeople,
  insertRoles,
  openRolesOf,
  orgsByCodes,
  peopleByCodes,
  updateOrgAttributes,
  updatePerson,
  type ImportOrgRow,
} from "../db/import.repository.js";
import type { AssignmentTable, PersonTable, RoleTable } from "../db/person.table.js";
import type { Database, Db } from "../db/schema.js";
import { sortIssues, type ImportIssue } from "../domain/import/issues.js";
import { readPersonRows, type PersonRow } from "../domain/import/person-row.js";
import type { RawTable } from "../domain/import/table.js";
import { readUnitRows, type UnitRow } from "../domain/import/unit-row.js";
import type { ReadRows } from "../domain/import/rows.js";
import { readHouseholdRows, type HouseholdRow } from "../domain/import/household-row.js";
import { readAssignmentRows, type AssignmentRow } from "../domain/import/assignment-row.js";
import { cellKindUnder, KIND_RANK, parseCode } from "../domain/import/values.js";
import { isCellPost, overlapsFrom } from "../domain/cell-post.js";
import { isCellKind, type OrgKind } from "../domain/org.js";
import type { Role } from "../domain/roles.js";
import { meetingDayOf, sameMeetingRule, type MeetingDay, type MeetingRule } from "../domain/meeting-rule.js";
import { ownMeetingRules, putMeetingRule } from "../db/schedule.repository.js";
import { localDate } from "../domain/time.js";
import type { LeaveReason } from "../domain/membership.js";
import { recordLeave } from "./member.service.js";
import { applySuccessions, planSuccessions, type SuccessionPlan, type SuccessionRow } from "./org-change.service.js";
import { sameName } from "../domain/text/fold.js";
import { readVillageRows, type VillageRow } from "../domain/import/village-row.js";
import { isVillageCell } from "../domain/org.js";
import { emptyFigures, formValuesOf, type VillageFigures } from "../domain/records/village-record.js";
import { fileImportedReport } from "./report.service.js";
import { goLiveDate, setGoLiveDate, storeIsEmpty } from "./go-live.service.js";
import type { FieldValues } from "../domain/forms/form-definition.js";
import { villageRecordsOf } from "../db/village-record.repository.js";
import { figuresOf, storeFigures } from "./village-record.service.js";
import { findReport } from "../db/report.repository.js";
import { findRootOrg } from "../db/org.repository.js";
import { EXAMPLE_HOUSEHOLDS, EXAMPLE_PEOPLE, EXAMPLE_UNITS } from "../domain/import/template-examples.js";
import { diffFigures } from "../domain/records/village-record.js";
import { buildCriteriaTables, readCriteriaRows, type CriteriaRow } from "../domain/import/criteria-row.js";
import { sameTable, type CriteriaTableData } from "../domain/forms/criteria.js";
import { insertTable, latestTables } from "../db/rating.repository.js";

/** A unit imported without "Ngày thành lập" starts on 1/7/2025, when the two-tier model took effect. */
export const DEFAULT_ORG_VALID_FROM = "2025-07-01";

export type ImportKind = "units" | "people" | "households" | "assignments" | "criteria" | "villages";

export interface ImportCounts {
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  /** People only: roles added, roles ended (by a move to another cell), people moved. */
  rolesAdded: number;
  rolesEnded: number;
  moved: number;
  /** Units only: standing meeting rules set or changed. */
  rules: number;
  /** Households: follow-ups started and ended by the "Đảng viên phụ trách" column. */
  assigned: number;
  unassigned: number;
}

/**
 * Villages only: a quarter's values the cell itself stored from chat (a report or a correction after the
 * previous import, or with no import before) that this import replaces, so the office knows.
 */
export interface OverriddenRecord {
  /** The village or residential group ("thôn Khuổi Nậm"). */
  village: string;
  period: string;
  /** Figures (`figure:poorHouseholds`) and organizations (`org:women`) whose stored value changes. */
  values: { field: string; before: number | null; after: number | null }[];
  /** The list of village workers changes too. */
  workers: boolean;
}

export type ImportOutcome =
  | { ok: true; counts: ImportCounts; ignoredColumns: string[]; dryRun: boolean; overridden?: OverriddenRecord[] }
  | { ok: false; issues: ImportIssue[]; ignoredColumns: string[] };

export interface ImportOptions {
  now: Date;
  tz: string;
  /** Check everything against the database, write nothing. */
  dryRun?: boolean;
  /** Called as rows are written. */
  onProgress?: (done: number, total: number) => void;
  /** sha256 of the file, kept in the audit row to recognise a re-import. */
  fileHash?: string;
  /** `--on DATE`: the day rows without "Tính từ ngày" take effect (roles start, moves, leaving); default the import day. */
  asOf?: string;
}

const emptyCounts = (rows: number): ImportCounts => ({ rows, created: 0, updated: 0, unchanged: 0, rolesAdded: 0, rolesEnded: 0, moved: 0, rules: 0, assigned: 0, unassigned: 0 });

/**
 * Import a units, people, households or assignments table: check every row, then, only when all pass, write them in one
 * transaction. Upserts by the office's own code, so importing the same file again changes nothing.
 */
export async function runImport(db: Kysely<Database>, kind: ImportKind, table: RawTable, opts: ImportOptions): Promise<ImportOutcome> {
  const today = localDate(opts.now, opts.tz);
  const read: ReadRows<unknown> =
    kind === "units"
      ? readUnitRows(table, today)
      : kind === "people"
        ? readPersonRows(table, today)
        : kind === "households"
          ? readHouseholdRows(table)
          : kind === "villages"
            ? readVillageRows(table, today)
          : kind === "criteria"
            ? readCriteriaRows(table)
            : readAssignmentRows(table);
  const headerProblem = read.headers.size === 0 || read.issues.some((i) => HEADER_CODES.has(i.code));
  if (headerProblem) return { ok: false, issues: sortIssues(read.issues), ignoredColumns: read.ignored };
  return db.transaction().execute(async (trx): Promise<ImportOutcome> => {
    // The templates' made-up province never lands in an office's real data: a file-wide problem.
    const example = await templateExampleIssue(trx, kind, read.rows as { line: number }[]);
    if (example) return { ok: false, issues: [example], ignoredColumns: read.ignored };
    // Rows that read are still checked against the database, so the office sees every problem at once.
    let issues: ImportIssue[];
    let counts: ImportCounts;
    let overridden: OverriddenRecord[] | undefined;
    if (kind === "units") {
      const plan = await planUnits(trx, read.rows as UnitRow[], read.headers, read.invalidCodes, today, read.failed);
      plan.successions = await planSuccessions(trx, await successionRows(trx, read.rows as UnitRow[], plan), read.headers.get("predecessorCodes") ?? "Đơn vị tiền thân", today);
      plan.issues.push(...plan.successions.issues);
      issues = [...read.issues, ...plan.issues];
      counts = plan.counts;
      if (issues.length === 0 && !opts.dryRun) {
        // The first units written into an empty store: the province starts using chibo today, and the
        // months before are "chưa theo dõi" rather than missed (domain/tracking.ts).
        const first = (await storeIsEmpty(trx)) && (await goLiveDate(trx)) === null;
        await applyUnits(trx, plan, opts);
        if (first && plan.inserts.length > 0) await setGoLiveDate(trx, today, opts.now);
      }
    } else if (kind === "people") {
      const plan = await planPeople(trx, read.rows as PersonRow[], read.headers, opts.asOf ?? today, failedCellRefs(read.failed));
      issues = [...read.issues, ...plan.issues];
      counts = plan.counts;
      if (issues.length === 0 && !opts.dryRun) await applyPeople(trx, plan, opts.asOf ?? today, opts);
    } else {
      const plan =
        kind === "households"
          ? await planHouseholds(trx, read.rows as HouseholdRow[], read.headers, today, read.failed)
          : kind === "villages"
            ? await planVillages(trx, read.rows as VillageRow[], read.headers, today, read.failed)
          : kind === "criteria"
            ? await planCriteria(trx, read.rows as CriteriaRow[], read.headers, read.failed.length > 0)
            : await planAssignments(trx, read.rows as AssignmentRow[], read.headers, today, read.failed);
      issues = [...read.issues, ...plan.issues];
      counts = plan.counts;
      overridden = plan.overridden;
      if (issues.length === 0 && !opts.dryRun) {
        await plan.apply(trx, opts);
        if (counts.created + counts.updated > 0) await auditImport(trx, kind, counts, opts);
      }
    }
    if (issues.length > 0) return { ok: false, issues: sortIssues(issues), ignoredColumns: read.ignored };
    return { ok: true, counts, ignoredColumns: read.ignored, dryRun: Boolean(opts.dryRun), ...(overridden && overridden.length > 0 ? { overridden } : {}) };
  });
}

/**
 * The templates' example rows (domain/import/template-examples.ts) that would be added to a store
 * holding an office's own units or people: one issue at the first of them, counting the others.
 * Into an empty store, or one holding only the examples, they import as before ("nhập thử").
 */
async function templateExampleIssue(trx: Db, kind: ImportKind, rows: readonly { line: number }[]): Promise<ImportIssue | null> {
  const pick = (examples: ReadonlyMap<string, string>, code: (r: never) => string, name: (r: never) => string) =>
    rows.flatMap((r) => {
      const c = code(r as never);
      const n = name(r as never);
      const example = examples.get(c);
      return example !== undefined && sameName(example, n) ? [{ line: r.line, code: c, name: n }] : [];
    });
  const found =
    kind === "units"
      ? pick(EXAMPLE_UNITS, (r: UnitRow) => r.code, (r: UnitRow) => r.name)
      : kind === "people"
        ? pick(EXAMPLE_PEOPLE, (r: PersonRow) => r.code, (r: PersonRow) => r.fullName)
        : kind === "households"
          ? pick(EXAMPLE_HOUSEHOLDS, (r: HouseholdRow) => r.code, (r: HouseholdRow) => r.headName)
          : [];
  if (found.length === 0) return null;
  // Rows already stored change nothing new (a re-import into a store that tried the templates).
  const codes = found.map((f) => f.code);
  const stored = new Set(
    (kind === "units" ? await orgsByCodes(trx, codes) : kind === "people" ? await peopleByCodes(trx, codes) : await householdsByCodes(trx, codes)).map((x) => x.code),
  );
  const adding = found.filter((f) => !stored.has(f.code));
  if (adding.length === 0) return null;
  const exampleOrgs = await orgsByCodes(trx, [...EXAMPLE_UNITS.keys()]);
  const real = (await holdsOtherThan(trx, [...EXAMPLE_UNITS.keys()], [...EXAMPLE_PEOPLE.keys()])) || exampleOrgs.some((o) => !sameName(o.name, EXAMPLE_UNITS.get(o.code)!));
  if (!real) return null;
  const root = await findRootOrg(trx);
  const first = adding[0]!;
  return { line: first.line, code: "template_example", args: { value: `${first.code} – ${first.name}`, count: adding.length - 1, province: root?.name ?? "" } };
}

/** Problems with the file as a whole: no row can be read until they are fixed. */
const HEADER_CODES = new Set<ImportIssue["code"]>(["no_header", "missing_column", "duplicate_column", "no_rows", "too_many_rows"]);

// ---------------------------------------------------------------- units

interface NewOrg {
  row: UnitRow;
  kind: OrgKind;
  /** A parent already in the database, or one created earlier in this import. */
  parent: { id: number } | { code: string } | null;
  depth: number;
}

interface UnitPlan {
  issues: ImportIssue[];
  inserts: NewOrg[];
  updates: { id: number; patch: Parameters<typeof updateOrgAttributes>[2] }[];
  /** Standing meeting rules to put, on a stored org or one created by this import, from a date. */
  rules: { target: { id: number } | { code: string }; rule: MeetingRule; from: string }[];
  counts: ImportCounts;
  /** Units continuing others ("Đơn vị tiền thân"), recorded once they exist. */
  successions?: SuccessionPlan;
}

/** The rows naming predecessors, new ones with the kind planned, stored ones with their id. */
async function successionRows(trx: Db, rows: readonly UnitRow[], plan: UnitPlan): Promise<SuccessionRow[]> {
  const named = rows.filter((r) => r.predecessorCodes);
  if (named.length === 0) return [];
  const inserted = new Map(plan.inserts.map((n) => [n.row.code, n.kind as string]));
  const stored = new Map((await orgsByCodes(trx, named.map((r) => r.code))).map((o) => [o.code, o]));
  return named.flatMap((r) => {
    const kind = inserted.get(r.code) ?? stored.get(r.code)?.kind;
    if (kind === undefined) return []; // the row's own problem is reported
    return [{ line: r.line, code: r.code, kind, on: r.foundedOn, predecessorCodes: r.predecessorCodes!, storedId: inserted.has(r.code) ? null : stored.get(r.code)!.id }];
  });
}

/**
 * The standing rule a row asks for, completed from the org's own stored rule (a file may change only
 * the time or the place); undefined when the row says nothing about meetings.
 */
function ruleOfRow(row: UnitRow, stored: MeetingRule | undefined, col: (key: string, fallback: string) => string): { rule?: MeetingRule; issues: ImportIssue[] } {
  const given = row.meetingDay !== undefined || row.meetingTime !== undefined || row.meetingPlace !== undefined || row.thematicMonth !== undefined;
  if (!given) return { issues: [] };
  const day: MeetingDay | undefined = row.meetingDay ?? (stored ? meetingDayOf(stored) : undefined);
  const startTime = row.meetingTime ?? stored?.startTime;
  const issues: ImportIssue[] = [];
  if (!day) issues.push({ line: row.line, column: col("meetingDay", "Ngày sinh hoạt"), code: "meeting_day_required", args: { value: "" } });
  if (!startTime) issues.push({ line: row.line, column: col("meetingTime", "Giờ sinh hoạt"), code: "meeting_time_required", args: { value: "" } });
  if (!day || !startTime) return { issues };
  const rule = { ...day, startTime, place: row.meetingPlace ?? stored?.place ?? null, thematicMonth: row.thematicMonth ?? stored?.thematicMonth ?? null } as MeetingRule;
  return { rule: stored && sameMeetingRule(rule, stored) ? undefined : rule, issues };
}

function isClosed(org: { valid_to: string | null }, today: string): boolean {
  return org.valid_to !== null && org.valid_to <= today;
}

async function planUnits(trx: Db, rows: UnitRow[], headers: Map<string, string>, invalidCodes: Set<string>, today: string, failed: ReadRows<unknown>["failed"]): Promise<UnitPlan> {
  const col = (key: string, fallback: string) => headers.get(key) ?? fallback;
  const failedParents = failedRefs(failed, "parentCode");
  const existing = new Map<string, ImportOrgRow>();
  for (const org of await orgsByCodes(trx, [...rows.flatMap((r) => (r.parentCode ? [r.code, r.parentCode] : [r.code])), ...failedParents.map((r) => r.code)])) existing.set(org.code, org);
  const inFile = new Map(rows.map((r) => [r.code, r]));
  const issues: ImportIssue[] = [];
  for (const ref of failedParents) {
    if (!existing.has(ref.code) && !inFile.has(ref.code) && !invalidCodes.has(ref.code)) {
      issues.push({ line: ref.line, column: col("parentCode", "Mã đơn vị cấp trên"), code: "unknown_parent", args: { value: ref.code } });
    }
  }
  const counts = emptyCounts(rows.length);

  // The kind a row stands for; a plain "Chi bộ" takes its kind from its parent.
  const kindMemo = new Map<string, OrgKind | null>();
  const kindOf = (code: string, seen: Set<string> = new Set()): OrgKind | null => {
    if (kindMemo.has(code)) return kindMemo.get(code)!;
    const db = existing.get(code);
    const row = inFile.get(code);
    let kind: OrgKind | null = null;
    if (row && !db) {
      if (row.kind !== "chi_bo") kind = row.kind;
      else if (!row.parentCode || seen.has(code)) kind = "chi_bo_co_so";
      else kind = cellKindUnder(kindOf(row.parentCode, new Set([...seen, code])));
    } else if (db) kind = db.kind as OrgKind;
    kindMemo.set(code, kind);
    return kind;
  };

  // New units that are their own ancestors (A under B, B under A): reported as a loop, not a kind mismatch.
  const inLoop = new Set<string>();
  for (const row of rows) {
    const seen = new Set<string>();
    let cursor: UnitRow | undefined = row;
    while (cursor && !existing.has(cursor.code) && !seen.has(cursor.code)) {
      seen.add(cursor.code);
      cursor = cursor.parentCode ? inFile.get(cursor.parentCode) : undefined;
    }
    if (cursor && cursor.code === row.code && seen.size > 0 && !existing.has(row.code)) inLoop.add(row.code);
  }

  const inserts: NewOrg[] = [];
  const updates: UnitPlan["updates"] = [];
  const rules: UnitPlan["rules"] = [];
  // A store holds one province: its root in force, if any.
  const root = await findRootOrg(trx);
  const storedRules = await ownMeetingRules(trx, [...existing.values()].map((o) => o.id), today);
  for (const row of rows) {
    const stored = existing.get(row.code);
    const wanted = ruleOfRow(row, stored ? storedRules.get(stored.id) : undefined, col);
    issues.push(...wanted.issues);
    if (wanted.rule) {
      // A new unit's rule holds from its founding, so its past months read with their dates; a change, from today.
      rules.push({ target: stored ? { id: stored.id } : { code: row.code }, rule: wanted.rule, from: stored ? today : (row.foundedOn ?? DEFAULT_ORG_VALID_FROM) });
      counts.rules++;
    }
    if (stored) {
      if (isClosed(stored, today)) {
        issues.push({ line: row.line, column: col("code", "Mã đơn vị"), code: "org_closed", args: { value: row.code, date: stored.valid_to! } });
        continue;
      }
      const kindMatches = row.kind === "chi_bo" ? isCellKind(stored.kind) : row.kind === stored.kind;
      if (!kindMatches) issues.push({ line: row.line, column: col("kind", "Loại"), code: "org_kind_changed", args: { value: row.code, stored: stored.kind } });
      if (!sameName(row.name, stored.name)) issues.push({ line: row.line, column: col("name", "Tên đơn vị"), code: "org_renamed", args: { value: row.code, stored: stored.name } });
      if (row.parentCode !== undefined && row.parentCode !== stored.parent_code) {
        issues.push({ line: row.line, column: col("parentCode", "Mã đơn vị cấp trên"), code: "org_moved", args: { value: row.code, stored: stored.parent_code ?? "—" } });
      }
      const patch: UnitPlan["updates"][number]["patch"] = {};
      if (row.areaName !== undefined && row.areaName !== stored.area_name) {
        patch.area_name = row.areaName;
        patch.area_kind = row.areaKind ?? null;
      }
      if (row.catchment !== undefined && row.catchment !== stored.catchment) patch.catchment = row.catchment;
      if (row.foundedOn !== undefined && row.foundedOn !== stored.valid_from) patch.valid_from = row.foundedOn;
      if (Object.keys(patch).length > 0) updates.push({ id: stored.id, patch });
      if (Object.keys(patch).length > 0 || wanted.rule) counts.updated++;
      else counts.unchanged++;
      continue;
    }

    const kind = kindOf(row.code) ?? "chi_bo_co_so";
    const parentColumn = col("parentCode", "Mã đơn vị cấp trên");
    if (!row.parentCode) {
      if (kind !== "dang_bo_tinh") issues.push({ line: row.line, column: parentColumn, code: "parent_required", args: { value: "" } });
      else if (root) issues.push({ line: row.line, column: col("code", "Mã đơn vị"), code: "second_province", args: { value: `${row.code} – ${row.name}`, stored: `${root.code} – ${root.name}` } });
      else inserts.push({ row, kind, parent: null, depth: 0 });
      continue;
    }
    if (row.parentCode === row.code || inLoop.has(row.code)) {
      issues.push({ line: row.line, column: parentColumn, code: "parent_cycle", args: { value: row.parentCode } });
      continue;
    }
    const dbParent = existing.get(row.parentCode);
    const fileParent = inFile.get(row.parentCode);
    if (!dbParent && !fileParent) {
      if (invalidCodes.has(row.parentCode)) continue; // its own row's problem is reported
      issues.push({ line: row.line, column: parentColumn, code: "unknown_parent", args: { value: row.parentCode } });
      continue;
    }
    if (dbParent && isClosed(dbParent, today)) {
      issues.push({ line: row.line, column: parentColumn, code: "unit_closed", args: { value: row.parentCode, date: dbParent.valid_to! } });
      continue;
    }
    const parentKind = kindOf(row.parentCode);
    if (parentKind && KIND_RANK[kind] <= KIND_RANK[parentKind]) {
      issues.push({ line: row.line, column: parentColumn, code: "parent_kind", args: { value: row.parentCode } });
      continue;
    }
    inserts.push({ row, kind, parent: dbParent ? { id: dbParent.id } : { code: row.parentCode }, depth: 0 });
  }

  // A new unit whose parent is new too is created after it.
  const newByCode = new Map(inserts.map((n) => [n.row.code, n]));
  const depthOf = (node: NewOrg, hops = 0): number => {
    const parent = node.parent && "code" in node.parent ? newByCode.get(node.parent.code) : undefined;
    return parent && hops < rows.length ? 1 + depthOf(parent, hops + 1) : 0;
  };
  for (const node of inserts) node.depth = depthOf(node);
  counts.created = inserts.length;
  inserts.sort((a, b) => a.depth - b.depth || a.row.line - b.row.line);
  return { issues, inserts, updates, rules, counts };
}

async function applyUnits(trx: Db, plan: UnitPlan, opts: ImportOptions): Promise<void> {
  const total = plan.inserts.length + plan.updates.length;
  let done = 0;
  const ids = new Map<string, number>();
  for (const node of plan.inserts) {
    const parentId = node.parent === null ? null : "id" in node.parent ? node.parent.id : ids.get(node.parent.code)!;
    const id = await insertOrg(trx, {
      code: node.row.code,
      kind: node.kind,
      name: node.row.name,
      parent_id: parentId,
      area_kind: node.row.areaKind ?? null,
      area_name: node.row.areaName ?? null,
      catchment: node.row.catchment ?? null,
      valid_from: node.row.foundedOn ?? DEFAULT_ORG_VALID_FROM,
    });
    ids.set(node.row.code, id);
    opts.onProgress?.(++done, total);
  }
  for (const update of plan.updates) {
    await updateOrgAttributes(trx, update.id, update.patch);
    opts.onProgress?.(++done, total);
  }
  for (const r of plan.rules) await putMeetingRule(trx, "id" in r.target ? r.target.id : ids.get(r.target.code)!, r.rule, r.from);
  if (plan.successions) await applySuccessions(trx, plan.successions, (code) => ids.get(code), opts.now);
  if (total + plan.rules.length > 0) await auditImport(trx, "units", plan.counts, opts);
}

// ---------------------------------------------------------------- people

const CELL_ROLES = new Set<string>(["member", "secretary", "deputy_secretary", "cell_committee"]);

interface PersonPlan {
  issues: ImportIssue[];
  inserts: { row: PersonRow; cellId: number; roles: { role: Role; orgId: number }[] }[];
  updates: { id: number; patch: Partial<Insertable<PersonTable>> }[];
  rolesToAdd: Insertable<RoleTable>[];
  /** Roles ending on a move, each on its row's date ("Tính từ ngày", `--on`, or the import day). */
  rolesToEnd: { id: number; on: string }[];
  /** Members leaving the rolls ("Biến động"). */
  leaves: { person: { id: number; cell_id: number | null }; reason: LeaveReason; on: string }[];
  counts: ImportCounts;
}

/** The cell codes of rows that did not read, when the code itself reads: checked like the others. */
function failedCellRefs(failed: ReadRows<unknown>["failed"]): { line: number; cellCode: string }[] {
  return failedRefs(failed, "cellCode").map(({ line, code }) => ({ line, cellCode: code }));
}

/**
 * The codes in column `key` of the rows that did not read, where that cell itself reads: a row with a
 * bad "Số nhân khẩu" still has its unknown "Đảng viên phụ trách" named in the same run.
 */
function failedRefs(failed: ReadRows<unknown>["failed"], key: string): { line: number; code: string; blank: (other: string) => boolean }[] {
  return failed.flatMap(({ line, input }) => {
    const cell = input[key];
    const code = cell === undefined || cell === null ? null : parseCode(cell);
    const blank = (other: string) => input[other] === undefined || input[other] === null || String(input[other]).trim() === "";
    return code?.ok ? [{ line, code: code.value, blank }] : [];
  });
}

function cellIssue(cell: ImportOrgRow | undefined, code: string, line: number, column: string, today: string): ImportIssue | null {
  if (!cell) return { line, column, code: "unknown_cell", args: { value: code } };
  if (!isCellKind(cell.kind)) return { line, column, code: "not_a_cell", args: { value: code } };
  if (isClosed(cell, today)) return { line, column, code: "unit_closed", args: { value: code, date: cell.valid_to! } };
  return null;
}

async function planPeople(trx: Db, rows: PersonRow[], headers: Map<string, string>, today: string, failedRefs: { line: number; cellCode: string }[]): Promise<PersonPlan> {
  const col = (key: string, fallback: string) => headers.get(key) ?? fallback;
  const orgs = new Map<string, ImportOrgRow>();
  const refs = [...rows.flatMap((r) => (r.roleOrgCode ? [r.cellCode, r.roleOrgCode] : [r.cellCode])), ...failedRefs.map((r) => r.cellCode)];
  for (const org of await orgsByCodes(trx, refs)) orgs.set(org.code, org);
  const stored = new Map((await peopleByCodes(trx, rows.map((r) => r.code))).map((p) => [p.code, p]));
  const openRoles = await openRolesOf(trx, [...stored.values()].map((p) => p.id), today);
  const rolesByPerson = new Map<number, typeof openRoles>();
  for (const role of openRoles) rolesByPerson.set(role.person_id, [...(rolesByPerson.get(role.person_id) ?? []), role]);

  const issues: ImportIssue[] = [];
  const counts = emptyCounts(rows.length);
  const plan: PersonPlan = { issues, inserts: [], updates: [], rolesToAdd: [], rolesToEnd: [], leaves: [], counts };
  const cellColumn = col("cellCode", "Chi bộ");
  const postsListed = headers.has("roles");
  for (const ref of failedRefs) {
    const issue = cellIssue(orgs.get(ref.cellCode), ref.cellCode, ref.line, cellColumn, today);
    if (issue) issues.push(issue);
  }

  for (const row of rows) {
    const cell = orgs.get(row.cellCode);
    const issue = cellIssue(cell, row.cellCode, row.line, cellColumn, today);
    if (issue || !cell) {
      if (issue) issues.push(issue);
      continue;
    }
    // Committee and office roles are held in the committee named, or else the one above the cell.
    let upperOrgId: number | null = null;
    if (row.roles.some((r) => r.scope === "upper")) {
      if (row.roleOrgCode) {
        const org = orgs.get(row.roleOrgCode);
        const column = col("roleOrgCode", "Mã đơn vị giữ chức vụ");
        if (!org) issues.push({ line: row.line, column, code: "unknown_role_org", args: { value: row.roleOrgCode } });
        else if (isClosed(org, today)) issues.push({ line: row.line, column, code: "unit_closed", args: { value: row.roleOrgCode, date: org.valid_to! } });
        else upperOrgId = org.id;
      } else if (cell.parent_id === null) {
        issues.push({ line: row.line, column: col("roles", "Chức vụ"), code: "unknown_role_org", args: { value: "" } });
      } else upperOrgId = cell.parent_id;
      if (upperOrgId === null) continue;
    }
    const wanted: { role: Role; orgId: number }[] = [{ role: "member", orgId: cell.id }];
    for (const r of row.roles) wanted.push({ role: r.role, orgId: r.scope === "cell" ? cell.id : (upperOrgId as number) });

    const person = stored.get(row.code);
    const on = row.asOf ?? today;
    if (row.change) {
      // Leaving the rolls: the person's roles end on the row's date; nothing else of the row is added.
      if (!person) {
        plan.inserts.push({ row, cellId: cell.id, roles: [] });
        counts.created++;
      } else if (person.left_on === null) {
        plan.leaves.push({ person, reason: row.change, on });
        counts.updated++;
      } else counts.unchanged++;
      continue;
    }
    // Statute art. 5: a probationary member has a full member's duties and rights except to vote, to stand
    // for and to elect the party's leading bodies, so holds no post on the cell committee.
    const committee = row.roles.find((r) => isCellPost(r.role));
    if (row.membership === "probationary" && committee) {
      issues.push({ line: row.line, column: col("roles", "Chức vụ"), code: "probationary_committee", args: { role: committee.role } });
      continue;
    }
    if (!person) {
      plan.inserts.push({ row, cellId: cell.id, roles: wanted });
      counts.created++;
      counts.rolesAdded += wanted.length;
      continue;
    }

    const patch: Partial<Insertable<PersonTable>> = {};
    const given: [keyof PersonTable & string, unknown, unknown][] = [
      ["full_name", row.fullName, person.full_name],
      ["sex", row.sex, person.sex],
      ["birth_year", row.birthYear, person.birth_year],
      ["ethnicity", row.ethnicity, person.ethnicity],
      ["phone", row.phone, person.phone],
      ["membership", row.membership, person.membership],
      ["admitted_on", row.admittedOn, person.admitted_on],
      ["full_member_on", row.fullMemberOn, person.full_member_on],
      ["exempt", row.exempt, person.exempt],
      ["temp_attached", row.tempAttached, person.temp_attached],
      ["cell_id", cell.id, person.cell_id],
    ];
    for (const [field, value, before] of given) {
      if (value !== undefined && value !== before) (patch as Record<string, unknown>)[field] = value;
    }
    let open = rolesByPerson.get(person.id) ?? [];
    if (person.cell_id !== null && person.cell_id !== cell.id) {
      // A move: the cell roles held in the old cell end today (a secretary of the old cell is not one any more).
      const ending = open.filter((r) => r.org_id === person.cell_id && CELL_ROLES.has(r.role));
      plan.rolesToEnd.push(...ending.map((r) => ({ id: r.id, on })));
      counts.rolesEnded += ending.length;
      counts.moved++;
      open = open.filter((r) => !ending.includes(r));
    }
    // The sheet lists the cell's posts: a post this person holds in the cell and no longer lists (another
    // post, or "Chức vụ" blank) ends on the row's date, so a cell can hand its secretary's post over by
    // re-importing the sheet. Without the column the file says nothing of posts, and none ends.
    const stepping = postsListed ? open.filter((r) => r.org_id === cell.id && isCellPost(r.role) && !wanted.some((w) => w.role === r.role && w.orgId === cell.id)) : [];
    plan.rolesToEnd.push(...stepping.map((r) => ({ id: r.id, on })));
    counts.rolesEnded += stepping.length;
    const adding = wanted.filter((w) => !open.some((r) => r.role === w.role && r.org_id === w.orgId));
    plan.rolesToAdd.push(...adding.map((w) => ({ person_id: person.id, org_id: w.orgId, role: w.role, valid_from: on })));
    counts.rolesAdded += adding.length;
    if (Object.keys(patch).length > 0) {
      plan.updates.push({ id: person.id, patch });
      counts.updated++;
    } else if (adding.length > 0 || stepping.length > 0) counts.updated++;
    else counts.unchanged++;
  }
  await checkOneSecretary(trx, plan, rows, orgs, stored, col("roles", "Chức vụ"), today);
  return plan;
}

/**
 * One secretary per cell at a time: a row making someone secretary of a cell from its date is refused,
 * naming the one there, when another's term (stored, or an earlier row of the file) runs past that date.
 * A term ending in this import (the old secretary's row with another post or none, a move, "Biến động")
 * ends on its row's date: on or before the new secretary's, the post is handed over (docs/import.md,
 * "Chức vụ khi nhập lại").
 */
async function checkOneSecretary(trx: Db, plan: PersonPlan, rows: readonly PersonRow[], orgs: Map<string, ImportOrgRow>, stored: Map<string, { id: number }>, column: string, today: string): Promise<void> {
  const newOnes = rows.filter((row) => !row.change && row.roles.some((r) => r.role === "secretary") && orgs.has(row.cellCode) && !plan.issues.some((i) => i.line === row.line));
  if (newOnes.length === 0) return;
  const earliest = newOnes.map((row) => row.asOf ?? today).sort()[0]!;
  const endingOn = new Map(plan.rolesToEnd.map((r) => [r.id, r.on]));
  const leavingOn = new Map(plan.leaves.map((l) => [l.person.id, l.on]));
  const terms = new Map<number, { personId: number | null; code: string; name: string; to: string | null }[]>();
  for (const s of await cellSecretaryTerms(trx, newOnes.map((row) => orgs.get(row.cellCode)!.id), earliest)) {
    const ends = [endingOn.get(s.id), leavingOn.get(s.person_id), s.valid_to ?? undefined].filter((d): d is string => d !== undefined).sort();
    terms.set(s.org_id, [...(terms.get(s.org_id) ?? []), { personId: s.person_id, code: s.code, name: s.full_name, to: ends[0] ?? null }]);
  }
  for (const row of newOnes) {
    const cellId = orgs.get(row.cellCode)!.id;
    const on = row.asOf ?? today;
    const self = stored.get(row.code)?.id ?? null;
    const other = (terms.get(cellId) ?? []).find((h) => h.code !== row.code && (self === null || h.personId !== self) && overlapsFrom({ from: on, to: h.to }, on));
    if (other) {
      plan.issues.push({ line: row.line, column, code: "second_secretary", args: { value: row.cellCode, name: other.name, code: other.code } });
      continue;
    }
    terms.set(cellId, [...(terms.get(cellId) ?? []), { personId: self, code: row.code, name: row.fullName, to: null }]);
  }
}

async function applyPeople(trx: Db, plan: PersonPlan, today: string, opts: ImportOptions): Promise<void> {
  const total = plan.inserts.length + plan.updates.length;
  let done = 0;
  const BATCH = 500;
  for (let i = 0; i < plan.inserts.length; i += BATCH) {
    const part = plan.inserts.slice(i, i + BATCH);
    const ids = await insertPeople(
      trx,
      part.map(({ row, cellId }) => ({
        code: row.code,
        full_name: row.fullName,
        sex: row.sex ?? null,
        birth_year: row.birthYear ?? null,
        ethnicity: row.ethnicity ?? null,
        phone: row.phone ?? null,
        membership: row.membership,
        admitted_on: row.admittedOn ?? null,
        full_member_on: row.fullMemberOn ?? null,
        exempt: row.exempt ?? false,
        temp_attached: row.tempAttached ?? false,
        cell_id: row.change ? null : cellId,
        ...(row.change ? { left_on: row.asOf ?? today, left_reason: row.change } : {}),
      })),
    );
    await insertRoles(
      trx,
      part.flatMap(({ row, roles }) => roles.map((r) => ({ person_id: ids.get(row.code)!, org_id: r.orgId, role: r.role, valid_from: row.asOf ?? today }))),
    );
    done += part.length;
    opts.onProgress?.(done, total);
  }
  for (const update of plan.updates) {
    await updatePerson(trx, update.id, update.patch);
    opts.onProgress?.(++done, total);
  }
  for (const on of new Set(plan.rolesToEnd.map((r) => r.on))) await endRoles(trx, plan.rolesToEnd.filter((r) => r.on === on).map((r) => r.id), on);
  await insertRoles(trx, plan.rolesToAdd);
  for (const leave of plan.leaves) await recordLeave(trx, leave.person, leave.reason, leave.on, null, opts.now);
  const changed = plan.counts.created + plan.counts.updated;
  if (changed > 0) await auditImport(trx, "people", plan.counts, opts);
}

const AUDIT_ENTITY: Record<ImportKind, string> = { units: "org", people: "person", households: "household", assignments: "assignment", criteria: "criteria_table", villages: "village_record" };

/** One audit row per import that changed something: counts only, never names or phones. */
async function auditImport(trx: Db, kind: ImportKind, counts: ImportCounts, opts: ImportOptions): Promise<void> {
  await writeAudit(trx, {
    actorPersonId: null,
    action: "import",
    entity: AUDIT_ENTITY[kind],
    entityId: `import:${kind}:${(opts.fileHash ?? "").slice(0, 16)}`,
    after: { kind, via: "cli", file_sha256: opts.fileHash ?? null, ...counts },
    at: opts.now,
  });
}

// ---------------------------------------------------------------- households and assignments

/** A checked plan for households or assignments: its problems, its counts, and how to write it. */
interface FollowPlan {
  issues: ImportIssue[];
  counts: ImportCounts;
  apply: (trx: Db, opts: ImportOptions) => Promise<void>;
  overridden?: OverriddenRecord[];
}

/** A unit a household or an assignment may point to: one that exists and is in force today. */
function unitIssue(org: ImportOrgRow | undefined, code: string, line: number, column: string, today: string): ImportIssue | null {
  if (!org) return { line, column, code: "unknown_unit", args: { value: code } };
  if (isClosed(org, today)) return { line, column, code: "unit_closed", args: { value: code, date: org.valid_to! } };
  return null;
}

async function planHouseholds(trx: Db, rows: HouseholdRow[], headers: Map<string, string>, today: string, failed: ReadRows<unknown>["failed"]): Promise<FollowPlan> {
  const col = (key: string, fallback: string) => headers.get(key) ?? fallback;
  const failedUnits = failedRefs(failed, "unitCode");
  const failedFollowers = failedRefs(failed, "followerCode");
  const orgs = new Map((await orgsByCodes(trx, [...rows.map((r) => r.unitCode), ...failedUnits.map((r) => r.code)])).map((o) => [o.code, o]));
  const people = new Map((await peopleByCodes(trx, [...rows.flatMap((r) => (r.followerCode ? [r.followerCode] : [])), ...failedFollowers.map((r) => r.code)])).map((p) => [p.code, p]));
  const stored = new Map((await householdsByCodes(trx, rows.map((r) => r.code))).map((h) => [h.code, h]));
  const open = await openHouseholdAssignments(trx, [...stored.values()].map((h) => h.id), today);
  const issues: ImportIssue[] = [];
  const counts = emptyCounts(rows.length);
  const inserts: { row: HouseholdRow; orgId: number; village: string; followerId: number | null }[] = [];
  const updates: { id: number; patch: Parameters<typeof updateHousehold>[2] }[] = [];
  const follows: { householdId: number; personId: number }[] = [];
  const ends: number[] = [];
  for (const ref of failedUnits) {
    const issue = cellIssue(orgs.get(ref.code), ref.code, ref.line, col("unitCode", "Mã đơn vị thôn"), today);
    if (issue) issues.push(issue);
  }
  for (const ref of failedFollowers) {
    if (!people.has(ref.code)) issues.push({ line: ref.line, column: col("followerCode", "Đảng viên phụ trách"), code: "unknown_person", args: { value: ref.code } });
  }
  for (const row of rows) {
    const cell = orgs.get(row.unitCode);
    const issue = cellIssue(cell, row.unitCode, row.line, col("unitCode", "Mã đơn vị thôn"), today);
    if (issue) issues.push(issue);
    const follower = row.followerCode ? people.get(row.followerCode) : undefined;
    if (row.followerCode && !follower) issues.push({ line: row.line, column: col("followerCode", "Đảng viên phụ trách"), code: "unknown_person", args: { value: row.followerCode } });
    if (issue || !cell || (row.followerCode && !follower)) continue;
    const village = cell.area_name ?? cell.name;
    const existing = stored.get(row.code);
    if (!existing) {
      inserts.push({ row, orgId: cell.id, village, followerId: follower?.id ?? null });
      counts.created++;
      if (follower) counts.assigned++;
      continue;
    }
    const patch: Parameters<typeof updateHousehold>[2] = {};
    if (!sameName(row.headName, existing.head_name)) patch.head_name = row.headName;
    if (cell.id !== existing.org_id) {
      patch.org_id = cell.id;
      patch.village_name = village;
    }
    if (row.peopleCount !== undefined && row.peopleCount !== existing.people_count) patch.people_count = row.peopleCount;
    if (Object.keys(patch).length > 0) updates.push({ id: existing.id, patch });
    // One member follows a household: naming another ends the follow-up in force today.
    let followChanged = false;
    if (follower) {
      const current = open.filter((a) => a.household_id === existing.id);
      if (!current.some((a) => a.cadre_id === follower.id)) {
        ends.push(...current.map((a) => a.id));
        follows.push({ householdId: existing.id, personId: follower.id });
        counts.assigned++;
        counts.unassigned += current.length;
        followChanged = true;
      }
    }
    if (Object.keys(patch).length > 0 || followChanged) counts.updated++;
    else counts.unchanged++;
  }
  const apply = async (db: Db, opts: ImportOptions) => {
    const total = inserts.length + updates.length;
    let done = 0;
    const ids = await insertHouseholds(
      db,
      inserts.map((i) => ({ code: i.row.code, org_id: i.orgId, village_name: i.village, head_name: i.row.headName, people_count: i.row.peopleCount ?? null })),
    );
    done += inserts.length;
    if (total > 0) opts.onProgress?.(done, total);
    for (const u of updates) {
      await updateHousehold(db, u.id, u.patch);
      opts.onProgress?.(++done, total);
    }
    await endAssignments(db, ends, today);
    await insertAssignments(db, [
      ...inserts.flatMap((i) => (i.followerId === null ? [] : [{ cadre_id: i.followerId, org_id: null, household_id: ids.get(i.row.code)!, duties: null, valid_from: today }])),
      ...follows.map((f) => ({ cadre_id: f.personId, org_id: null, household_id: f.householdId, duties: null, valid_from: today })),
    ]);
  };
  return { issues, counts, apply };
}

/** Whether [aFrom, aTo) and [bFrom, bTo) share a day (a null end is open). */
function overlaps(aFrom: string, aTo: string | null, bFrom: string, bTo: string | null): boolean {
  return (aTo === null || bFrom < aTo) && (bTo === null || aFrom < bTo);
}

async function planAssignments(trx: Db, rows: AssignmentRow[], headers: Map<string, string>, today: string, failed: ReadRows<unknown>["failed"]): Promise<FollowPlan> {
  const col = (key: string, fallback: string) => headers.get(key) ?? fallback;
  const failedPeople = failedRefs(failed, "personCode");
  const failedUnits = failedRefs(failed, "unitCode").filter((r) => r.blank("householdCode"));
  const failedHouseholds = failedRefs(failed, "householdCode").filter((r) => r.blank("unitCode"));
  const people = new Map((await peopleByCodes(trx, [...rows.map((r) => r.personCode), ...failedPeople.map((r) => r.code)])).map((p) => [p.code, p]));
  const orgs = new Map((await orgsByCodes(trx, [...rows.flatMap((r) => (r.unitCode ? [r.unitCode] : [])), ...failedUnits.map((r) => r.code)])).map((o) => [o.code, o]));
  const households = new Map((await householdsByCodes(trx, [...rows.flatMap((r) => (r.householdCode ? [r.householdCode] : [])), ...failedHouseholds.map((r) => r.code)])).map((h) => [h.code, h]));
  const stored = await assignmentsOfCadres(trx, [...people.values()].map((p) => p.id));
  const issues: ImportIssue[] = [];
  // Rows that did not read still have their people, units and households checked, so one run names every problem.
  for (const ref of failedPeople) {
    if (!people.has(ref.code)) issues.push({ line: ref.line, column: col("personCode", "Mã người phụ trách"), code: "unknown_person", args: { value: ref.code } });
  }
  for (const ref of failedUnits) {
    const issue = unitIssue(orgs.get(ref.code), ref.code, ref.line, col("unitCode", "Mã đơn vị phụ trách"), today);
    if (issue) issues.push(issue);
  }
  for (const ref of failedHouseholds) {
    if (!households.has(ref.code)) issues.push({ line: ref.line, column: col("householdCode", "Mã hộ phụ trách"), code: "unknown_household", args: { value: ref.code } });
  }
  const counts = emptyCounts(rows.length);
  const inserts: Insertable<AssignmentTable>[] = [];
  const updates: { id: number; patch: Parameters<typeof updateAssignment>[2] }[] = [];
  const seen: { line: number; key: string; from: string; to: string | null }[] = [];
  const unitColumn = col("unitCode", "Mã đơn vị phụ trách");
  for (const row of rows) {
    const person = people.get(row.personCode);
    const before = issues.length;
    if (!person) issues.push({ line: row.line, column: col("personCode", "Mã người phụ trách"), code: "unknown_person", args: { value: row.personCode } });
    if (!row.unitCode && !row.householdCode) issues.push({ line: row.line, column: unitColumn, code: "target_required", args: { value: "" } });
    if (row.unitCode && row.householdCode) issues.push({ line: row.line, column: unitColumn, code: "target_twice", args: { value: row.unitCode } });
    const org = row.unitCode ? orgs.get(row.unitCode) : undefined;
    if (row.unitCode && !row.householdCode) {
      const issue = unitIssue(org, row.unitCode, row.line, unitColumn, today);
      if (issue) issues.push(issue);
    }
    const household = row.householdCode ? households.get(row.householdCode) : undefined;
    if (row.householdCode && !household && !row.unitCode) {
      issues.push({ line: row.line, column: col("householdCode", "Mã hộ phụ trách"), code: "unknown_household", args: { value: row.householdCode } });
    }
    if (row.to !== undefined && row.to <= row.from) issues.push({ line: row.line, column: col("to", "Đến ngày"), code: "bad_range", args: { value: row.to, from: row.from } });
    if (issues.length > before || !person) continue;
    const target = org ? { org_id: org.id, household_id: null } : { org_id: null, household_id: household!.id };
    const key = `${person.id}:${target.org_id ?? ""}:${target.household_id ?? ""}`;
    const to = row.to ?? null;
    const twin = seen.find((x) => x.key === key && overlaps(x.from, x.to, row.from, to));
    if (twin) {
      issues.push({ line: row.line, column: col("from", "Từ ngày"), code: "assignment_overlap", args: { value: row.from, date: twin.from, first: twin.line } });
      continue;
    }
    seen.push({ line: row.line, key, from: row.from, to });
    const mine = stored.filter((a) => a.cadre_id === person.id && a.org_id === target.org_id && a.household_id === target.household_id);
    const same = mine.find((a) => a.valid_from === row.from);
    if (same) {
      // A blank cell leaves the stored value as it is.
      const patch: Parameters<typeof updateAssignment>[2] = {};
      if (row.to !== undefined && row.to !== same.valid_to) patch.valid_to = row.to;
      if (row.duties !== undefined && row.duties !== same.duties) patch.duties = row.duties;
      if (Object.keys(patch).length > 0) {
        updates.push({ id: same.id, patch });
        counts.updated++;
      } else counts.unchanged++;
      continue;
    }
    const clash = mine.find((a) => overlaps(a.valid_from, a.valid_to, row.from, to));
    if (clash) {
      issues.push({ line: row.line, column: col("from", "Từ ngày"), code: "assignment_overlap", args: { value: row.from, date: clash.valid_from, first: "" } });
      continue;
    }
    inserts.push({ cadre_id: person.id, ...target, duties: row.duties ?? null, valid_from: row.from, valid_to: to });
    counts.created++;
  }
  const apply = async (db: Db, opts: ImportOptions) => {
    await insertAssignments(db, inserts);
    for (const u of updates) await updateAssignment(db, u.id, u.patch);
    if (inserts.length + updates.length > 0) opts.onProgress?.(inserts.length + updates.length, inserts.length + updates.length);
  };
  return { issues, counts, apply };
}

// ---------------------------------------------------------------- village records

/**
 * A village's quarter from the commune's file: rows of one village and quarter make one record (its
 * figures from whichever row gives them, a figure given twice differently is an issue; its workers
 * one per row). A blank figure keeps the stored one; workers listed replace the stored list. A
 * record equal to the stored one is unchanged, so importing the same file again changes nothing.
 */
async function planVillages(trx: Db, rows: VillageRow[], headers: Map<string, string>, today: string, failed: ReadRows<unknown>["failed"]): Promise<FollowPlan> {
  const col = (key: string, fallback: string) => headers.get(key) ?? fallback;
  const failedUnits = failedRefs(failed, "unitCode");
  const orgs = new Map((await orgsByCodes(trx, [...rows.map((r) => r.unitCode), ...failedUnits.map((r) => r.code)])).map((o) => [o.code, o]));
  const issues: ImportIssue[] = [];
  for (const ref of failedUnits) {
    const org = orgs.get(ref.code);
    const column = col("unitCode", "Mã đơn vị thôn");
    const issue = cellIssue(org, ref.code, ref.line, column, today);
    if (issue) issues.push(issue);
    else if (org && !isVillageCell(org)) issues.push({ line: ref.line, column, code: "not_a_village", args: { value: ref.code } });
  }
  const counts = emptyCounts(rows.length);
  const groups = new Map<string, { orgId: number; village: string; period: string; figures: VillageFigures; workersGiven: boolean; firstLine: number; seen: Map<string, number> }>();
  for (const row of rows) {
    const org = orgs.get(row.unitCode);
    const column = col("unitCode", "Mã đơn vị thôn");
    const issue = cellIssue(org, row.unitCode, row.line, column, today);
    if (issue || !org) {
      if (issue) issues.push(issue);
      continue;
    }
    if (!isVillageCell(org)) {
      issues.push({ line: row.line, column, code: "not_a_village", args: { value: row.unitCode } });
      continue;
    }
    const key = `${org.id}:${row.quarter}`;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { orgId: org.id, village: org.area_name ?? org.name, period: row.quarter, figures: emptyFigures(), workersGiven: false, firstLine: row.line, seen: new Map() }));
    const put = (name: string, value: number, get: () => number | undefined, set: () => void) => {
      const before = get();
      if (before !== undefined && before !== value) {
        issues.push({ line: row.line, column: col(name, name), code: "village_conflict", args: { value: String(value), first: group!.seen.get(name) ?? group!.firstLine } });
        return;
      }
      if (before === undefined) group!.seen.set(name, row.line);
      set();
    };
    for (const [k, v] of Object.entries(row.figures) as [keyof typeof row.figures, number][]) put(k, v, () => group!.figures[k], () => (group!.figures[k] = v));
    for (const [k, v] of Object.entries(row.organizations) as [keyof typeof row.organizations, number][]) {
      put(`org_${k}`, v, () => group!.figures.organizations[k], () => (group!.figures.organizations[k] = v));
    }
    if (row.worker) {
      group.workersGiven = true;
      group.figures.workforce.push(row.worker);
    }
  }
  const records = await villageRecordsOf(trx, [...new Set([...groups.values()].map((g) => g.orgId))], [...new Set([...groups.values()].map((g) => g.period))]);
  const stored = new Map(records.map((r) => [`${r.org_id}:${r.period}`, figuresOf(r)]));
  const fromChat = new Set(records.filter((r) => r.source === "chat").map((r) => `${r.org_id}:${r.period}`));
  const writes: { orgId: number; period: string; figures: VillageFigures }[] = [];
  const overridden: OverriddenRecord[] = [];
  for (const [key, g] of groups) {
    const before = stored.get(key);
    const merged: VillageFigures = before
      ? {
          ...before,
          ...Object.fromEntries(Object.entries(g.figures).filter(([k, v]) => k !== "organizations" && k !== "workforce" && v !== undefined)),
          organizations: { ...before.organizations, ...g.figures.organizations },
          workforce: g.workersGiven ? g.figures.workforce : before.workforce,
        }
      : g.figures;
    if (before && JSON.stringify(normalize(before)) === JSON.stringify(normalize(merged))) {
      counts.unchanged++;
      continue;
    }
    // A quarter the commune accepted is locked: the import would change the record while the accepted
    // report keeps its figures, and the two exports would disagree. The office reopens it first.
    if ((await findReport(trx, g.orgId, "village-quarterly", g.period))?.status === "accepted") {
      issues.push({ line: g.firstLine, column: col("unitCode", "Mã đơn vị thôn"), code: "village_locked", args: { value: g.village, quarter: g.period.slice(-1), year: g.period.slice(0, 4) } });
      continue;
    }
    if (before && fromChat.has(key)) {
      const diff = diffFigures(before, merged);
      overridden.push({
        village: g.village,
        period: g.period,
        values: [
          ...diff.figures.map((f) => ({ field: `figure:${f}`, before: before[f] ?? null, after: merged[f] ?? null })),
          ...diff.organizations.map((o) => ({ field: `org:${o}`, before: before.organizations[o] ?? null, after: merged.organizations[o] ?? null })),
        ],
        workers: diff.workersAdded.length + diff.workersChanged.length + diff.workersRemoved.length > 0,
      });
    }
    writes.push({ orgId: g.orgId, period: g.period, figures: merged });
    if (before) counts.updated++;
    else counts.created++;
  }
  // Counted per village and quarter, not per line: rows are the lines read.
  const apply = async (db: Db, opts: ImportOptions) => {
    let done = 0;
    for (const w of writes) {
      await storeFigures(db, w.orgId, w.period, w.figures, { source: "import", by: null, at: opts.now });
      // The quarter's report is filed from the record, as /hosothon files it: reminders, /tonghop and the
      // export read reports, so an imported quarter counts as reported wherever it was entered.
      await fileImportedReport(db, { orgId: w.orgId, form: "village-quarterly", period: w.period, values: formValuesOf(w.figures) as FieldValues }, opts.now, localDate(opts.now, opts.tz));
      opts.onProgress?.(++done, writes.length);
    }
  };
  return { issues, counts, apply, overridden };
}

/** A record in one key order, to compare a stored one with a file's. */
function normalize(f: VillageFigures) {
  return {
    areaKm2: f.areaKm2 ?? null,
    population: f.population ?? null,
    households: f.households ?? null,
    poorHouseholds: f.poorHouseholds ?? null,
    organizations: Object.fromEntries(Object.entries(f.organizations).sort()),
    workforce: f.workforce.map((w) => [w.role, w.name, w.sex, w.birthYear, w.ethnicity, w.education, w.occupation, w.partyMember]),
  };
}
// ---------------------------------------------------------------- criteria tables

/**
 * Criteria tables: each kind and year in the file becomes a new version when its content differs from
 * the newest stored one (created: a first version; updated: a later one), else it is left as it is.
 * Tables are checked whole only once every row has read (a table missing a bad row would add up wrong).
 */
async function planCriteria(trx: Db, rows: CriteriaRow[], headers: Map<string, string>, rowsFailed: boolean): Promise<FollowPlan> {
  const counts = emptyCounts(rows.length);
  if (rowsFailed) return { issues: [], counts, apply: async () => {} };
  const fallback: Record<string, string> = { tableKind: "Loại bảng", year: "Năm", code: "Mã", group: "Nhóm", name: "Nội dung", maxPoints: "Điểm tối đa", minPoints: "Điểm từ", quotaPct: "Tỷ lệ tối đa so với HTT (%)" };
  const { tables, issues } = buildCriteriaTables(rows, (key) => headers.get(key) ?? fallback[key]!);
  const stored = new Map((await latestTables(trx, tables)).map((t) => [`${t.kind}:${t.year}`, t]));
  const inserts: CriteriaTableData[] = [];
  for (const table of tables) {
    const newest = stored.get(`${table.kind}:${table.year}`);
    if (newest && sameTable(newest, table)) {
      counts.unchanged++;
      continue;
    }
    inserts.push({ ...table, version: (newest?.version ?? 0) + 1 });
    if (newest) counts.updated++;
    else counts.created++;
  }
  const apply = async (db: Db, opts: ImportOptions) => {
    for (const table of inserts) await insertTable(db, table, opts.now);
    if (inserts.length > 0) opts.onProgress?.(inserts.length, inserts.length);
  };
  return { issues, counts, apply };
}
