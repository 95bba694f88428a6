import type { Kysely } from "kysely";
import {
  archivedCode,
  checkClose,
  checkMerge,
  checkRename,
  checkSplit,
  roleCarriesOver,
  splitValidity,
  type OrgChangeKind,
  type OrgChangeProblem,
} from "../domain/org-change.js";
import { writeAudit } from "../db/audit.repository.js";
import { cancelPending } from "../db/outbox.repository.js";
import {
  closeOrg,
  copyMeetingRule,
  countOpenMembers,
  countReportsFrom,
  endDatedRows,
  insertAssignmentRows,
  insertRoleRows,
  insertPredecessors,
  insertSuccessor,
  moveUndatedTo,
  openAssignmentsTo,
  openChildren,
  openRolesIn,
  openRulesIn,
  openReportDrafts,
  orgsForChange,
  type ChangingOrgRow,
} from "../db/org-change.repository.js";
import type { Database, Db } from "../db/schema.js";
import { predecessorsOf } from "../db/org.repository.js";
import type { ImportIssue } from "../domain/import/issues.js";
import { isCellKind } from "../domain/org.js";
import { changeInTransaction } from "./dry-run.js";

/** What a change carried from the old units to the new one (or ended, for a dissolution). */
export interface CarriedOver {
  members: number;
  /** Roles other than membership that continue (leaders of one source, committee and office roles). */
  roles: number;
  /** Roles that ended without a successor (leaders of the other sources; all roles of a dissolved unit). */
  rolesEnded: number;
  meetingRules: number;
  assignments: number;
  households: number;
  groupChats: number;
  /** Units under the old ones, re-created under the new one from the same date. */
  children: number;
  /** Queued meeting reminders of the closed units, withdrawn (marked `cancelled`): the new units' own replace them. */
  remindersCancelled: number;
}

export type OrgChangeOutcome =
  | {
      ok: true;
      kind: OrgChangeKind;
      on: string;
      closed: { code: string; name: string }[];
      created: { id: number; code: string; name: string } | null;
      /** A split's new units, the continuing one first. */
      parts?: { id: number; code: string; name: string }[];
      carried: CarriedOver;
      /** Reports the closed units filed for months from the change on: they stay with the closed units. */
      reportsAfter: number;
      /**
       * Reports of the closed units left open in chat (drafts, updates, corrections): from the change, the
       * leaders of the new units send or correct them (docs/org-changes.md); a dissolved unit's are dropped.
       */
      openDrafts: { cell: string; form: string; period: string; correcting: boolean; person: string | null }[];
      dryRun: boolean;
    }
  | { ok: false; problems: OrgChangeProblem[] };

export interface OrgChangeOptions {
  today: string;
  now: Date;
  dryRun?: boolean;
  /** Who records the change (null: the office at the server's command line). */
  actorPersonId?: number | null;
}

export interface MergeInput {
  codes: string[];
  into: string;
  name: string;
  on: string;
  leadersFrom?: string;
  ruleFrom?: string;
}

/** The reports left open in chat for units about to close, named for the change's output. */
async function draftsOf(trx: Db, units: readonly { id: number; name: string }[], now: Date): Promise<Extract<OrgChangeOutcome, { ok: true }>["openDrafts"]> {
  const names = new Map(units.map((u) => [u.id, u.name]));
  return (await openReportDrafts(trx, units.map((u) => u.id), now)).map((d) => ({ cell: names.get(d.orgId) ?? "", form: d.form, period: d.period, correcting: d.correcting, person: d.person }));
}

/** Thrown inside the transaction of a dry run so everything it wrote is rolled back. */
const emptyCarried = (): CarriedOver => ({ members: 0, roles: 0, rolesEnded: 0, meetingRules: 0, assignments: 0, households: 0, groupChats: 0, children: 0, remindersCancelled: 0 });

/**
 * Withdraw the closed units' queued meeting reminders (kept, marked `cancelled`): a closed unit holds no
 * more meetings, and the new units' reminders (planned under their own ids) replace them, so nobody gets
 * the same meeting twice nor answers a reminder of a meeting that no longer exists.
 */
async function cancelClosedReminders(trx: Db, ids: readonly number[], carried: CarriedOver): Promise<void> {
  for (const id of ids) for (const prefix of [`meet:${id}:`, `holiday:${id}:`]) carried.remindersCancelled += await cancelPending(trx, prefix);
}


interface SuccessorSpec {
  code: string;
  name: string;
  kind: string;
  parentId: number | null;
  areaKind: string | null;
  areaName: string | null;
  catchment: string | null;
}

/**
 * Close `preds` on `on` and open their successor: every member continues in it, the leaders of
 * `leadersFromId`, committee and office roles, the meeting rule of `ruleFromId`, cadres' assignments,
 * households, linked group chats, reminder settings; units under the old ones are re-created under
 * the new one (never re-parented in place). A predecessor whose code the successor takes keeps it
 * archived (`archivedCode`).
 */
async function succeed(trx: Db, preds: readonly ChangingOrgRow[], spec: SuccessorSpec, on: string, leadersFromId: number, ruleFromId: number, carried: CarriedOver, depth = 0): Promise<number> {
  const ids = preds.map((p) => p.id);
  const start = preds.reduce((at, p) => splitValidity(p.validFrom, at).startNew, on);
  for (const p of preds) await closeOrg(trx, p.id, splitValidity(p.validFrom, on).endOld, p.code === spec.code ? archivedCode(p.code, on) : undefined);
  const newId = await insertSuccessor(
    trx,
    { code: spec.code, kind: spec.kind, name: spec.name, parent_id: spec.parentId, area_kind: spec.areaKind, area_name: spec.areaName, catchment: spec.catchment, valid_from: start },
    ids,
  );
  await carryInto(trx, ids, newId, on, leadersFromId, ruleFromId, carried, depth);
  return newId;
}

/** Everything of the closed units `ids` that continues in `newId` from `on` (see `succeed`). */
async function carryInto(trx: Db, ids: readonly number[], newId: number, on: string, leadersFromId: number, ruleFromId: number, carried: CarriedOver, depth: number): Promise<void> {
  await cancelClosedReminders(trx, ids, carried);
  const roles = await openRolesIn(trx, ids, on);
  await endDatedRows(trx, "role", roles.map((r) => r.id), on);
  const seen = new Set<string>();
  const newRoles: { person_id: number; org_id: number; role: string; valid_from: string }[] = [];
  for (const r of roles) {
    const key = `${r.person_id}:${r.role}`;
    if (!roleCarriesOver(r.role, r.org_id, leadersFromId)) {
      carried.rolesEnded++;
      continue;
    }
    if (seen.has(key)) continue;
    seen.add(key);
    newRoles.push({ person_id: r.person_id, org_id: newId, role: r.role, valid_from: splitValidity(r.valid_from, on).startNew });
    if (r.role === "member") carried.members++;
    else carried.roles++;
  }
  await insertRoleRows(trx, newRoles);

  const rules = await openRulesIn(trx, ids, on);
  await endDatedRows(trx, "meeting_rule", rules.map((r) => r.id), on);
  for (const rule of rules.filter((r) => r.org_id === ruleFromId)) {
    await copyMeetingRule(trx, rule.id, newId, splitValidity(rule.valid_from, on).startNew);
    carried.meetingRules++;
  }

  const assignments = await openAssignmentsTo(trx, ids, on);
  await endDatedRows(trx, "assignment", assignments.map((a) => a.id), on);
  const cadres = new Set<number>();
  const newAssignments = assignments.filter((a) => !cadres.has(a.cadre_id) && cadres.add(a.cadre_id));
  await insertAssignmentRows(trx, newAssignments.map((a) => ({ cadre_id: a.cadre_id, org_id: newId, duties: a.duties, valid_from: splitValidity(a.valid_from, on).startNew })));
  carried.assignments += newAssignments.length;

  const moved = await moveUndatedTo(trx, ids, newId, ruleFromId, true);
  carried.households += moved.households;
  carried.groupChats += moved.groups;

  // The tree is shallow (province → commune → cell); the bound keeps bad data from recursing forever.
  if (depth < 8) {
    for (const child of await openChildren(trx, ids, on)) {
      await succeed(trx, [child], { ...child, parentId: newId }, on, child.id, child.id, carried, depth + 1);
      carried.children++;
    }
  }
}

/**
 * Merge units into a new one from a date: `chibo org merge A B --into NEW --name "…" --on 2026-12-01`.
 * The old units close the day before, their history (reports, past roles) stays theirs, so roll-ups
 * of earlier months show them as they were.
 */
export async function mergeOrgs(db: Kysely<Database>, input: MergeInput, opts: OrgChangeOptions): Promise<OrgChangeOutcome> {
  return changeInTransaction(db, opts.dryRun, async (trx): Promise<OrgChangeOutcome> => {
    const codes = [...input.codes, input.into, ...(input.leadersFrom ? [input.leadersFrom] : []), ...(input.ruleFrom ? [input.ruleFrom] : [])];
    const found = new Map((await orgsForChange(trx, codes)).map((o) => [o.code, o]));
    const problems: OrgChangeProblem[] = [];
    for (const code of new Set([...input.codes, ...(input.leadersFrom ? [input.leadersFrom] : []), ...(input.ruleFrom ? [input.ruleFrom] : [])])) {
      if (!found.has(code)) problems.push({ code: "org_change_unknown_unit", value: code });
    }
    if (problems.length > 0) return { ok: false, problems };
    const sources = input.codes.map((c) => found.get(c)!);
    const leadersFrom = input.leadersFrom ? found.get(input.leadersFrom)! : sources[0]!;
    const ruleFrom = input.ruleFrom ? found.get(input.ruleFrom)! : leadersFrom;
    const name = input.name.replace(/\s+/g, " ").trim();
    problems.push(...checkMerge({ sources, intoCode: input.into, name, on: input.on, leadersFrom, ruleFrom, codeHolder: found.get(input.into) ?? null }, opts.today));
    if (problems.length > 0) return { ok: false, problems };

    const carried = emptyCarried();
    const first = sources[0]!;
    const reportsAfter = await countReportsFrom(trx, sources.map((s) => s.id), input.on.slice(0, 7));
    const openDrafts = await draftsOf(trx, sources, opts.now);
    const id = await succeed(
      trx,
      sources,
      { code: input.into, name, kind: first.kind, parentId: first.parentId, areaKind: first.areaKind, areaName: null, catchment: first.catchment },
      input.on,
      leadersFrom.id,
      ruleFrom.id,
      carried,
    );
    await writeAudit(trx, {
      actorPersonId: opts.actorPersonId ?? null,
      action: "org.merge",
      entity: "org",
      entityId: id,
      before: { units: sources.map((s) => ({ id: s.id, code: s.code, name: s.name })) },
      after: { code: input.into, name, on: input.on, leadersFrom: leadersFrom.code, ruleFrom: ruleFrom.code, carried },
      at: opts.now,
    });
    return {
      ok: true,
      kind: "merge",
      on: input.on,
      closed: sources.map((s) => ({ code: s.code, name: s.name })),
      created: { id, code: input.into, name },
      carried,
      reportsAfter,
      openDrafts,
      dryRun: Boolean(opts.dryRun),
    };
  });
}

/**
 * Split a unit from a date: `chibo org split CB-A --into CB-A1 --name "…" --into CB-A2 --name "…" --on DATE`.
 * The first part continues the unit (members, leaders, rule, assignments, households, units below); the
 * others start with the same meeting rule and no members: move people with `chibo member transfer`.
 * Every part records the old unit as its predecessor.
 */
export async function splitOrg(db: Kysely<Database>, input: { code: string; parts: { code: string; name: string }[]; on: string }, opts: OrgChangeOptions): Promise<OrgChangeOutcome> {
  return changeInTransaction(db, opts.dryRun, async (trx): Promise<OrgChangeOutcome> => {
    const found = new Map((await orgsForChange(trx, [input.code, ...input.parts.map((p) => p.code)])).map((o) => [o.code, o]));
    const unit = found.get(input.code);
    if (!unit) return { ok: false, problems: [{ code: "org_change_unknown_unit", value: input.code }] };
    const parts = input.parts.map((p) => ({ code: p.code, name: p.name.replace(/\s+/g, " ").trim(), holder: found.get(p.code) ?? null }));
    const problems = checkSplit({ unit, parts, on: input.on }, opts.today);
    if (problems.length > 0) return { ok: false, problems };
    const carried = emptyCarried();
    const reportsAfter = await countReportsFrom(trx, [unit.id], input.on.slice(0, 7));
    const openDrafts = await draftsOf(trx, [unit], opts.now);
    const rule = (await openRulesIn(trx, [unit.id], input.on)).at(-1);
    const [first, ...others] = parts;
    const firstId = await succeed(trx, [unit], { ...unit, code: first!.code, name: first!.name }, input.on, unit.id, unit.id, carried);
    const created = [{ id: firstId, code: first!.code, name: first!.name }];
    for (const part of others) {
      const id = await insertSuccessor(
        trx,
        { code: part.code, kind: unit.kind, name: part.name, parent_id: unit.parentId, area_kind: unit.areaKind, area_name: null, catchment: unit.catchment, valid_from: input.on },
        [unit.id],
      );
      if (rule) await copyMeetingRule(trx, rule.id, id, input.on);
      created.push({ id, code: part.code, name: part.name });
    }
    await writeAudit(trx, {
      actorPersonId: opts.actorPersonId ?? null,
      action: "org.split",
      entity: "org",
      entityId: unit.id,
      before: { id: unit.id, code: unit.code, name: unit.name },
      after: { parts: created.map((c) => ({ id: c.id, code: c.code, name: c.name })), on: input.on, carried },
      at: opts.now,
    });
    return { ok: true, kind: "split", on: input.on, closed: [{ code: unit.code, name: unit.name }], created: created[0]!, parts: created, carried, reportsAfter, openDrafts, dryRun: Boolean(opts.dryRun) };
  });
}

/** A new name from a date: the old unit closes, its successor keeps its code and everything in it. */
export async function renameOrg(db: Kysely<Database>, input: { code: string; name: string; on: string }, opts: OrgChangeOptions): Promise<OrgChangeOutcome> {
  return changeInTransaction(db, opts.dryRun, async (trx): Promise<OrgChangeOutcome> => {
    const [unit] = await orgsForChange(trx, [input.code]);
    if (!unit) return { ok: false, problems: [{ code: "org_change_unknown_unit", value: input.code }] };
    const name = input.name.replace(/\s+/g, " ").trim();
    const problems = checkRename(unit, name, input.on, opts.today);
    if (problems.length > 0) return { ok: false, problems };
    const carried = emptyCarried();
    const reportsAfter = await countReportsFrom(trx, [unit.id], input.on.slice(0, 7));
    const openDrafts = await draftsOf(trx, [unit], opts.now);
    const id = await succeed(trx, [unit], { ...unit, name }, input.on, unit.id, unit.id, carried);
    await writeAudit(trx, {
      actorPersonId: opts.actorPersonId ?? null,
      action: "org.rename",
      entity: "org",
      entityId: id,
      before: { id: unit.id, code: unit.code, name: unit.name },
      after: { code: unit.code, name, on: input.on, carried },
      at: opts.now,
    });
    return { ok: true, kind: "rename", on: input.on, closed: [{ code: unit.code, name: unit.name }], created: { id, code: unit.code, name }, carried, reportsAfter, openDrafts, dryRun: Boolean(opts.dryRun) };
  });
}

/** Dissolve a unit from a date: it must be empty (members moved, units under it closed or merged away). */
export async function closeOrgOn(db: Kysely<Database>, input: { code: string; on: string }, opts: OrgChangeOptions): Promise<OrgChangeOutcome> {
  return changeInTransaction(db, opts.dryRun, async (trx): Promise<OrgChangeOutcome> => {
    const [unit] = await orgsForChange(trx, [input.code]);
    if (!unit) return { ok: false, problems: [{ code: "org_change_unknown_unit", value: input.code }] };
    const members = await countOpenMembers(trx, unit.id, input.on);
    const children = (await openChildren(trx, [unit.id], input.on)).length;
    const problems = checkClose(unit, input.on, opts.today, members, children);
    if (problems.length > 0) return { ok: false, problems };
    const carried = emptyCarried();
    const roles = await openRolesIn(trx, [unit.id], input.on);
    await endDatedRows(trx, "role", roles.map((r) => r.id), input.on);
    carried.rolesEnded = roles.length;
    await cancelClosedReminders(trx, [unit.id], carried);
    await endDatedRows(trx, "meeting_rule", (await openRulesIn(trx, [unit.id], input.on)).map((r) => r.id), input.on);
    await endDatedRows(trx, "assignment", (await openAssignmentsTo(trx, [unit.id], input.on)).map((a) => a.id), input.on);
    const reportsAfter = await countReportsFrom(trx, [unit.id], input.on.slice(0, 7));
    const openDrafts = await draftsOf(trx, [unit], opts.now);
    await closeOrg(trx, unit.id, splitValidity(unit.validFrom, input.on).endOld);
    await writeAudit(trx, {
      actorPersonId: opts.actorPersonId ?? null,
      action: "org.close",
      entity: "org",
      entityId: unit.id,
      before: { code: unit.code, name: unit.name, validTo: null },
      after: { validTo: input.on, rolesEnded: roles.length },
      at: opts.now,
    });
    return { ok: true, kind: "close", on: input.on, closed: [{ code: unit.code, name: unit.name }], created: null, carried, reportsAfter, openDrafts, dryRun: Boolean(opts.dryRun) };
  });
}

// ---------------------------------------------------------------- from the units import

/** A unit row naming the units it continues ("Đơn vị tiền thân"), as the units import hands it over. */
export interface SuccessionRow {
  line: number;
  code: string;
  kind: string;
  /** The row's effective date ("Ngày thành lập"); required with predecessors. */
  on: string | undefined;
  predecessorCodes: string[];
  /** The unit is already stored (a re-import): its recorded predecessors must be these. */
  storedId: number | null;
}

export interface SuccessionPlan {
  issues: ImportIssue[];
  /** Successions to record once the new units exist, by the new unit's code. */
  pending: { code: string; on: string; preds: ChangingOrgRow[] }[];
}

/**
 * Check the predecessors named in a units file: each known, in force until the row's date, of the
 * row's kind, named once; a unit already imported must have exactly these recorded (re-import changes nothing).
 */
export async function planSuccessions(trx: Db, rows: readonly SuccessionRow[], column: string, today: string): Promise<SuccessionPlan> {
  const issues: ImportIssue[] = [];
  const pending: SuccessionPlan["pending"] = [];
  if (rows.length === 0) return { issues, pending };
  const found = new Map((await orgsForChange(trx, rows.flatMap((r) => r.predecessorCodes))).map((o) => [o.code, o]));
  const namedBy = new Map<string, number>();
  for (const row of rows) {
    const at = { line: row.line, column };
    if (row.storedId !== null) {
      const recorded = (await predecessorsOf(trx, row.storedId)).map((p) => p.id).sort();
      const named = row.predecessorCodes.map((c) => found.get(c)?.id ?? -1).sort();
      if (recorded.join() !== named.join()) issues.push({ ...at, code: "predecessor_of_existing", args: { value: row.code } });
      continue;
    }
    if (!row.on) {
      issues.push({ ...at, code: "predecessor_needs_date", args: { value: row.predecessorCodes.join(", ") } });
      continue;
    }
    const preds: ChangingOrgRow[] = [];
    for (const code of row.predecessorCodes) {
      const pred = found.get(code);
      const first = namedBy.get(code);
      if (first !== undefined) issues.push({ ...at, code: "predecessor_repeated", args: { value: code, first } });
      namedBy.set(code, row.line);
      if (!pred) issues.push({ ...at, code: "unknown_predecessor", args: { value: code } });
      else if (pred.validTo !== null) issues.push({ ...at, code: "predecessor_closed", args: { value: code, date: pred.validTo } });
      else if (pred.validFrom >= row.on || row.on > today) issues.push({ ...at, code: "predecessor_date", args: { value: code, date: pred.validFrom } });
      else if (isCellKind(pred.kind) !== isCellKind(row.kind)) issues.push({ ...at, code: "predecessor_mismatch", args: { value: code } });
      else preds.push(pred);
    }
    if (preds.length === row.predecessorCodes.length) pending.push({ code: row.code, on: row.on, preds });
  }
  return { issues, pending };
}

/** Close the predecessors of units just imported and carry their members, leaders, rule… into them (as `chibo org merge`). */
export async function applySuccessions(trx: Db, plan: SuccessionPlan, idOf: (code: string) => number | undefined, now: Date): Promise<void> {
  for (const s of plan.pending) {
    const newId = idOf(s.code);
    if (newId === undefined) continue;
    const carried = emptyCarried();
    for (const p of s.preds) await closeOrg(trx, p.id, splitValidity(p.validFrom, s.on).endOld);
    await insertPredecessors(trx, newId, s.preds.map((p) => p.id));
    await carryInto(trx, s.preds.map((p) => p.id), newId, s.on, s.preds[0]!.id, s.preds[0]!.id, carried, 0);
    await writeAudit(trx, {
      actorPersonId: null,
      action: "org.merge",
      entity: "org",
      entityId: newId,
      before: { units: s.preds.map((p) => ({ id: p.id, code: p.code, name: p.name })) },
      after: { code: s.code, on: s.on, via: "import", carried },
      at: now,
    });
  }
}
