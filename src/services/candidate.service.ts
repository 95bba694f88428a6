import { ChiboError } from "../domain/errors.js";
import { isCellKind } from "../domain/org.js";
import {
  admissionsFigures,
  certificateMonthsOf,
  checkStep,
  isCertificateMonths,
  FLAGS,
  pipelineCounts,
  type Candidate,
  type CandidateInput,
  type Flag,
  type PipelineCounts,
  type Step,
  type StepProblem,
} from "../domain/records/candidate.js";
import type { Actor } from "../domain/roles.js";
import { writeAudit } from "../db/audit.repository.js";
import {
  candidatesOf,
  cellsUsingPipeline,
  findCandidate,
  insertCandidate,
  personCodeFree,
  putTarget,
  setCandidatePerson,
  setCandidateStep,
  STEP_COLUMNS,
  targetOf,
} from "../db/candidate.repository.js";
import { insertPeople, insertRoles } from "../db/import.repository.js";
import { getSetting, putSetting } from "../db/setting.repository.js";
import { setPersonMembership } from "../db/membership.repository.js";
import { childrenInForce, findOrgById, subtreeIds } from "../db/org.repository.js";
import { cellsInSubtree } from "../db/rollup.repository.js";
import type { Db } from "../db/schema.js";
import { recordAccess } from "./access-log.service.js";
import { requireAccess } from "./actor.service.js";
import { isProvinceOffice } from "./retention.service.js";

/** The app_setting key holding the province's awareness-class certificate validity in months. */
export const CERTIFICATE_MONTHS_SETTING = "certificate_valid_months";

/** The certificate validity in force: the province's choice, else CERTIFICATE_VALID_MONTHS (60). */
export async function certificateMonthsInForce(db: Db): Promise<number> {
  return certificateMonthsOf(await getSetting<unknown>(db, CERTIFICATE_MONTHS_SETTING, null));
}

export type CertificateMonthsOutcome = { ok: true; before: number; after: number } | { ok: false; problem: "out_of_range" | "changed"; inForce: number };

/**
 * The province office sets the certificate validity for every cell (HD 01-HD/TW 3.1 as the province
 * applies it), from the value it was shown (`expected`): when someone changed it meanwhile, nothing is
 * written. Audited with the old and the new value.
 */
export async function setCertificateMonths(db: Db, actor: Actor, months: number, expected: number, now: Date): Promise<CertificateMonthsOutcome> {
  if (!(await isProvinceOffice(db, actor))) throw new ChiboError("forbidden");
  const before = await certificateMonthsInForce(db);
  if (!isCertificateMonths(months)) return { ok: false, problem: "out_of_range", inForce: before };
  if (before !== expected) return { ok: false, problem: "changed", inForce: before };
  if (months === before) return { ok: true, before, after: months };
  await putSetting(db, CERTIFICATE_MONTHS_SETTING, months);
  await writeAudit(db, { actorPersonId: actor.personId, action: "setting.certificate_months", entity: "app_setting", entityId: CERTIFICATE_MONTHS_SETTING, before: { months: before }, after: { months }, at: now });
  return { ok: true, before, after: months };
}

type CandidateRow = NonNullable<Awaited<ReturnType<typeof findCandidate>>>;

/** A stored candidate as the domain sees them. */
export function toCandidate(row: CandidateRow): Candidate {
  const dates: Candidate["dates"] = {};
  for (const [step, column] of Object.entries(STEP_COLUMNS) as [Step, keyof CandidateRow][]) {
    const v = row[column];
    if (typeof v === "string") dates[step] = v;
  }
  const flags = (Array.isArray(row.flags) ? row.flags : []).filter((f): f is Flag => (FLAGS as readonly string[]).includes(f));
  return {
    id: row.id,
    orgId: row.org_id,
    name: row.full_name,
    sex: row.sex === "M" || row.sex === "F" ? row.sex : null,
    birthYear: row.birth_year,
    ethnicity: row.ethnicity,
    religion: row.religion,
    flags,
    dates,
    droppedOn: row.dropped_on,
    personId: row.person_id,
  };
}

async function requireCell(db: Db, orgId: number) {
  const org = await findOrgById(db, orgId);
  if (!org || !isCellKind(org.kind)) throw new ChiboError("not_found");
  return org;
}

/** The cell's candidates (`candidate.view`); a view by anyone is written to the access log (they are not members). */
export async function candidatesOfCell(db: Db, actor: Actor, orgId: number, now: Date): Promise<Candidate[]> {
  await requireAccess(db, actor, "candidate.view", { orgId });
  await requireCell(db, orgId);
  const list = (await candidatesOf(db, [orgId])).map(toCandidate);
  await recordAccess(db, actor, { what: "candidates.list", orgId, peopleCount: list.length }, now);
  return list;
}

/** One candidate, checked against the cell they belong to (button payloads are never trusted). */
export async function candidateFor(db: Db, actor: Actor, id: number, action: "candidate.view" | "candidate.manage"): Promise<Candidate> {
  const row = await findCandidate(db, id);
  if (!row) throw new ChiboError("not_found");
  await requireAccess(db, actor, action, { orgId: row.org_id });
  return toCandidate(row);
}

/** Add a candidate to the cell's pipeline, identified as an outstanding citizen on `on`. */
export async function addCandidate(db: Db, actor: Actor, orgId: number, input: CandidateInput, on: string, now: Date): Promise<number> {
  await requireAccess(db, actor, "candidate.manage", { orgId });
  await requireCell(db, orgId);
  const id = await insertCandidate(db, { orgId, name: input.name, sex: input.sex, birthYear: input.birthYear, ethnicity: input.ethnicity, religion: input.religion, flags: input.flags, identifiedOn: on, by: actor.personId, at: now });
  // The audit names the step and the cell, never the candidate's details.
  await writeAudit(db, { actorPersonId: actor.personId, action: "candidate.add", entity: "party_candidate", entityId: id, after: { orgId, identified: on }, at: now });
  return id;
}

export type AdvanceOutcome = { ok: true; personId: number | null } | { ok: false; problem: StepProblem };

/**
 * Record a candidate's next step on a day (`candidate.manage`). Admission makes them a probationary
 * member of the cell (a person with the member role, admitted that day): from then on the cell's
 * roll, the probation reminders and `chibo member confirm` know them. Full membership marks that person full.
 */
export async function advanceCandidate(db: Db, actor: Actor, id: number, step: Step, on: string, today: string, now: Date): Promise<AdvanceOutcome> {
  const candidate = await candidateFor(db, actor, id, "candidate.manage");
  const problem = checkStep(candidate, step, on, today, await certificateMonthsInForce(db));
  if (problem) return { ok: false, problem };
  await setCandidateStep(db, id, STEP_COLUMNS[step], on, now);
  let personId = candidate.personId;
  if (step === "admitted" && personId === null) {
    const cell = await requireCell(db, candidate.orgId);
    let code = `${cell.code}-PT${id}`;
    for (let n = 2; !(await personCodeFree(db, code)); n++) code = `${cell.code}-PT${id}-${n}`;
    const ids = await insertPeople(db, [
      { code, full_name: candidate.name, sex: candidate.sex, birth_year: candidate.birthYear, ethnicity: candidate.ethnicity, phone: null, membership: "probationary", admitted_on: on, full_member_on: null, cell_id: cell.id },
    ]);
    personId = ids.get(code)!;
    await insertRoles(db, [{ person_id: personId, org_id: cell.id, role: "member", valid_from: on }]);
    await setCandidatePerson(db, id, personId, now);
  }
  if (step === "full" && personId !== null) await setPersonMembership(db, personId, { membership: "full", full_member_on: on });
  await writeAudit(db, { actorPersonId: actor.personId, action: `candidate.${step}`, entity: "party_candidate", entityId: id, after: { step, on, personId }, at: now });
  return { ok: true, personId };
}

/** Stop following a candidate (moved away, withdrew); kept for the retention period, then removed. */
export async function dropCandidate(db: Db, actor: Actor, id: number, on: string, now: Date): Promise<void> {
  const candidate = await candidateFor(db, actor, id, "candidate.manage");
  if (candidate.droppedOn || candidate.dates.admitted) throw new ChiboError("stale_choice");
  await setCandidateStep(db, id, "dropped_on", on, now);
  await writeAudit(db, { actorPersonId: actor.personId, action: "candidate.drop", entity: "party_candidate", entityId: id, after: { on }, at: now });
}

/**
 * The admissions figures of a period computed from the pipeline, for the cells (of those given) that
 * follow candidates; cells without candidates are absent (their typed report stands).
 */
export async function pipelineAdmissions(db: Db, orgIds: readonly number[], period: string): Promise<Map<number, Record<string, number>>> {
  const using = await cellsUsingPipeline(db, orgIds);
  const out = new Map<number, Record<string, number>>();
  if (using.size === 0) return out;
  const byCell = new Map<number, Candidate[]>();
  for (const row of await candidatesOf(db, [...using])) {
    const c = toCandidate(row);
    byCell.set(c.orgId, [...(byCell.get(c.orgId) ?? []), c]);
  }
  for (const id of using) out.set(id, admissionsFigures(byCell.get(id) ?? [], period));
  return out;
}

export interface PipelineSummary {
  orgName: string;
  year: string;
  target: number | null;
  counts: PipelineCounts;
  /** The org's direct sub-units (communes for a province, cells for a commune), counts only. */
  parts: { name: string; admitted: number; pending: number }[];
}

/**
 * The pipeline under an org by stage and group against the year's target (`rollup.view` or
 * `candidate.view`): counts only, never names.
 */
export async function pipelineSummary(db: Db, actor: Actor, rootOrgId: number, year: string, today: string): Promise<PipelineSummary> {
  try {
    await requireAccess(db, actor, "rollup.view", { orgId: rootOrgId });
  } catch {
    await requireAccess(db, actor, "candidate.view", { orgId: rootOrgId });
  }
  const root = await findOrgById(db, rootOrgId);
  if (!root) throw new ChiboError("not_found");
  const ids = await subtreeIds(db, rootOrgId);
  const cells = await cellsInSubtree(db, ids, `${year}-01-01`, `${year}-12-31`);
  const all = (await candidatesOf(db, cells.map((c) => c.id))).map(toCandidate);
  const counts = pipelineCounts(all, year);
  const target = await targetOf(db, rootOrgId, Number(year));
  const parts: PipelineSummary["parts"] = [];
  if (!isCellKind(root.kind)) {
    for (const child of await childrenInForce(db, [rootOrgId], today)) {
      const under = new Set(await subtreeIds(db, child.id));
      const mine = all.filter((c) => under.has(c.orgId));
      if (mine.length === 0) continue;
      const k = pipelineCounts(mine, year);
      parts.push({ name: child.name, admitted: k.admittedInYear, pending: k.byStage.identified + k.byStage.certificate + k.byStage.dossier });
    }
  }
  return { orgName: root.name, year, target, counts, parts };
}

/** The office sets its org's admissions target for a year (`development.target`). */
export async function setDevelopmentTarget(db: Db, actor: Actor, orgId: number, year: number, target: number, now: Date): Promise<void> {
  await requireAccess(db, actor, "development.target", { orgId });
  await putTarget(db, orgId, year, target, actor.personId, now);
  await writeAudit(db, { actorPersonId: actor.personId, action: "development.target", entity: "org", entityId: orgId, after: { year, target }, at: now });
}
