import type { Kysely } from "kysely";
import { isCellKind } from "../domain/org.js";
import type { LeaveReason } from "../domain/membership.js";
import { isCellPost, overlapsFrom, type CellPost } from "../domain/cell-post.js";
import { writeAudit } from "../db/audit.repository.js";
import { endDatedRows, insertRoleRows } from "../db/org-change.repository.js";
import { lockOrgRow, openAssignmentsOf, openRolesOf, postTermsFrom, setPersonMembership, unlinkAccountsOf } from "../db/membership.repository.js";
import { findOrgByCode, findOrgById } from "../db/org.repository.js";
import type { Database, Db } from "../db/schema.js";
import { findPersonByRef } from "./person-lookup.service.js";
import { changeInTransaction } from "./dry-run.js";

export type MemberChangeProblem =
  | { code: "member_unknown"; value: string }
  | { code: "member_left"; value: string; date: string }
  | { code: "member_not_in_cell"; value: string }
  | { code: "member_future"; date: string }
  | { code: "member_before"; date: string; since: string }
  | { code: "member_unknown_cell"; value: string }
  | { code: "member_not_a_cell"; value: string }
  | { code: "member_cell_closed"; value: string; date: string }
  | { code: "member_same_cell"; value: string }
  | { code: "member_already_full"; value: string }
  | { code: "member_not_probationary"; value: string }
  | { code: "member_probationary_post"; value: string }
  | { code: "member_second_secretary"; value: string; name: string; person: string; since: string; date: string };

export type MemberChangeOutcome =
  | {
      ok: true;
      person: { id: number; name: string };
      from: string | null;
      to: string | null;
      on: string;
      rolesEnded: number;
      accountsUnlinked: number;
      dryRun: boolean;
      /** `chibo member post`: the cell posts held before and from `on` (none: an empty list). */
      posts?: { before: CellPost[]; after: CellPost[] };
    }
  | { ok: false; problems: MemberChangeProblem[] };

export interface MemberChangeOptions {
  today: string;
  now: Date;
  dryRun?: boolean;
  actorPersonId?: number | null;
}


/** The person named and the checks every change makes: known, still on the rolls, the date not ahead of today. */
async function personFor(trx: Db, ref: string, on: string, today: string) {
  const person = await findPersonByRef(trx, ref);
  const problems: MemberChangeProblem[] = [];
  if (!person) return { person: null, problems: [{ code: "member_unknown", value: ref } as MemberChangeProblem] };
  if (person.left_on) problems.push({ code: "member_left", value: ref, date: person.left_on });
  if (on > today) problems.push({ code: "member_future", date: on });
  return { person, problems };
}

/**
 * Chuyển sinh hoạt: from a date the member belongs to another cell. Their roles in the old cell end
 * (a secretary who moves is not the old cell's secretary any more); committee roles elsewhere stay.
 *
 * @example transferMember(db, { person: "HL-001", toCell: "CB-NAPE", on: "2026-12-01" }, opts)
 */
export async function transferMember(db: Kysely<Database>, input: { person: string; toCell: string; on: string }, opts: MemberChangeOptions): Promise<MemberChangeOutcome> {
  return changeInTransaction(db, opts.dryRun, async (trx): Promise<MemberChangeOutcome> => {
    const { person, problems } = await personFor(trx, input.person, input.on, opts.today);
    const cell = await findOrgByCode(trx, input.toCell);
    if (!cell) problems.push({ code: "member_unknown_cell", value: input.toCell });
    else if (!isCellKind(cell.kind)) problems.push({ code: "member_not_a_cell", value: input.toCell });
    else if (cell.valid_to !== null && cell.valid_to <= input.on) problems.push({ code: "member_cell_closed", value: input.toCell, date: cell.valid_to });
    if (!person || !cell || problems.length > 0) return { ok: false, problems };
    if (person.cell_id === cell.id) return { ok: false, problems: [{ code: "member_same_cell", value: input.toCell }] };
    const roles = await openRolesOf(trx, person.id, input.on);
    const memberRole = roles.find((r) => r.role === "member" && r.org_id === person.cell_id);
    if (memberRole && memberRole.valid_from > input.on) return { ok: false, problems: [{ code: "member_before", date: input.on, since: memberRole.valid_from }] };
    const ending = roles.filter((r) => r.org_id === person.cell_id && (r.role === "member" || isCellPost(r.role)));
    await endDatedRows(trx, "role", ending.map((r) => r.id), input.on);
    await insertRoleRows(trx, [{ person_id: person.id, org_id: cell.id, role: "member", valid_from: input.on }]);
    await setPersonMembership(trx, person.id, { cell_id: cell.id });
    const from = person.cell_id !== null ? await findOrgById(trx, person.cell_id) : undefined;
    await writeAudit(trx, {
      actorPersonId: opts.actorPersonId ?? null,
      action: "member.transfer",
      entity: "person",
      entityId: person.id,
      before: { cellId: person.cell_id },
      after: { cellId: cell.id, on: input.on, rolesEnded: ending.length },
      at: opts.now,
    });
    return { ok: true, person: { id: person.id, name: person.full_name }, from: from?.name ?? null, to: cell.name, on: input.on, rolesEnded: ending.length, accountsUnlinked: 0, dryRun: Boolean(opts.dryRun) };
  });
}

/**
 * A member leaves the rolls (chuyển đi, ra khỏi Đảng, từ trần) from a date: every role and assignment
 * ends, their chat accounts are unlinked (access is revoked on leaving, domain §7); their row, past
 * reports and roles stay for history.
 */
export async function memberLeaves(db: Kysely<Database>, input: { person: string; reason: LeaveReason; on: string }, opts: MemberChangeOptions): Promise<MemberChangeOutcome> {
  return changeInTransaction(db, opts.dryRun, async (trx): Promise<MemberChangeOutcome> => {
    const { person, problems } = await personFor(trx, input.person, input.on, opts.today);
    if (!person || problems.length > 0) return { ok: false, problems };
    const { rolesEnded, accountsUnlinked } = await recordLeave(trx, person, input.reason, input.on, opts.actorPersonId ?? null, opts.now);
    const from = person.cell_id !== null ? await findOrgById(trx, person.cell_id) : undefined;
    return { ok: true, person: { id: person.id, name: person.full_name }, from: from?.name ?? null, to: null, on: input.on, rolesEnded, accountsUnlinked, dryRun: Boolean(opts.dryRun) };
  });
}

/**
 * Write a member's leaving inside the caller's transaction (the CLI and the people import share it):
 * roles and assignments end on `on`, chat accounts are unlinked, the person row records why and when.
 */
export async function recordLeave(trx: Db, person: { id: number; cell_id: number | null }, reason: LeaveReason, on: string, actorPersonId: number | null, now: Date) {
  const roles = await openRolesOf(trx, person.id, on);
  await endDatedRows(trx, "role", roles.map((r) => r.id), on);
  await endDatedRows(trx, "assignment", (await openAssignmentsOf(trx, person.id, on)).map((a) => a.id), on);
  const accounts = await unlinkAccountsOf(trx, person.id);
  await setPersonMembership(trx, person.id, { cell_id: null, left_on: on, left_reason: reason });
  await writeAudit(trx, {
    actorPersonId,
    action: "member.leave",
    entity: "person",
    entityId: person.id,
    before: { cellId: person.cell_id },
    after: { reason, on, rolesEnded: roles.length, accountsUnlinked: accounts },
    at: now,
  });
  return { rolesEnded: roles.length, accountsUnlinked: accounts };
}

/** Probationary → full member from a date (the cell's decision, recognised by the committee above). */
export async function confirmMember(db: Kysely<Database>, input: { person: string; on: string }, opts: MemberChangeOptions): Promise<MemberChangeOutcome> {
  return changeInTransaction(db, opts.dryRun, async (trx): Promise<MemberChangeOutcome> => {
    const { person, problems } = await personFor(trx, input.person, input.on, opts.today);
    if (!person || problems.length > 0) return { ok: false, problems };
    if (person.membership === "full") return { ok: false, problems: [{ code: "member_already_full", value: input.person }] };
    if (person.membership !== "probationary") return { ok: false, problems: [{ code: "member_not_probationary", value: input.person }] };
    if (person.admitted_on && input.on <= person.admitted_on) return { ok: false, problems: [{ code: "member_before", date: input.on, since: person.admitted_on }] };
    await setPersonMembership(trx, person.id, { membership: "full", full_member_on: input.on });
    const cell = person.cell_id !== null ? await findOrgById(trx, person.cell_id) : undefined;
    await writeAudit(trx, {
      actorPersonId: opts.actorPersonId ?? null,
      action: "member.confirm",
      entity: "person",
      entityId: person.id,
      before: { membership: "probationary" },
      after: { membership: "full", fullMemberOn: input.on },
      at: opts.now,
    });
    return { ok: true, person: { id: person.id, name: person.full_name }, from: cell?.name ?? null, to: cell?.name ?? null, on: input.on, rolesEnded: 0, accountsUnlinked: 0, dryRun: Boolean(opts.dryRun) };
  });
}

/**
 * A member's post in their cell from a date (`post`: secretary, deputy, committee member, or null for
 * none): the posts they held there end that day, the new one starts that day, the old terms stay as
 * history (the minutes' signer is the secretary of the meeting day). Refused, writing nothing: a
 * probationary member on the cell committee (statute art. 5), a second secretary of the cell on any
 * day from `on` (the one in post hands over first: `post THEM --post khong`), a date before the member
 * joined the cell or before a post they hold began. Listing the post already held changes nothing.
 *
 * @example changePost(db, { person: "HL-002", post: "secretary", on: "2026-12-01" }, opts)
 */
export async function changePost(db: Kysely<Database>, input: { person: string; post: CellPost | null; on: string }, opts: MemberChangeOptions): Promise<MemberChangeOutcome> {
  return changeInTransaction(db, opts.dryRun, async (trx): Promise<MemberChangeOutcome> => {
    const { person, problems } = await personFor(trx, input.person, input.on, opts.today);
    if (!person || problems.length > 0) return { ok: false, problems };
    if (person.cell_id === null) return { ok: false, problems: [{ code: "member_not_in_cell", value: input.person }] };
    const cellId = person.cell_id;
    await lockOrgRow(trx, cellId);
    const roles = await openRolesOf(trx, person.id, input.on);
    const memberRole = roles.find((r) => r.role === "member" && r.org_id === cellId);
    if (!memberRole) return { ok: false, problems: [{ code: "member_not_in_cell", value: input.person }] };
    const held = roles.filter((r) => r.org_id === cellId && isCellPost(r.role));
    // A term that begins after `on` cannot end on it; nor can one join the committee before the cell.
    const later = [memberRole, ...held].map((r) => r.valid_from).filter((from) => from > input.on).sort();
    if (later.length > 0) return { ok: false, problems: [{ code: "member_before", date: input.on, since: later[later.length - 1]! }] };
    if (input.post !== null && person.membership === "probationary") problems.push({ code: "member_probationary_post", value: input.person });
    if (input.post === "secretary") {
      const other = (await postTermsFrom(trx, cellId, "secretary", input.on)).find((t) => t.person_id !== person.id && overlapsFrom({ from: t.valid_from, to: t.valid_to }, input.on));
      if (other) problems.push({ code: "member_second_secretary", value: input.person, name: other.full_name, person: other.code, since: other.valid_from, date: input.on });
    }
    if (problems.length > 0) return { ok: false, problems };

    const before = held.map((r) => r.role as CellPost);
    const ending = held.filter((r) => r.role !== input.post);
    const starting = input.post !== null && !held.some((r) => r.role === input.post) ? input.post : null;
    const cell = await findOrgById(trx, cellId);
    const after = input.post === null ? [] : [input.post];
    const outcome = { ok: true as const, person: { id: person.id, name: person.full_name }, from: cell?.name ?? null, to: cell?.name ?? null, on: input.on, rolesEnded: ending.length, accountsUnlinked: 0, dryRun: Boolean(opts.dryRun), posts: { before, after } };
    if (ending.length === 0 && starting === null) return outcome;
    await endDatedRows(trx, "role", ending.map((r) => r.id), input.on);
    if (starting) await insertRoleRows(trx, [{ person_id: person.id, org_id: cellId, role: starting, valid_from: input.on }]);
    await writeAudit(trx, {
      actorPersonId: opts.actorPersonId ?? null,
      action: "member.post",
      entity: "person",
      entityId: person.id,
      before: { cellId, posts: before },
      after: { cellId, posts: after, on: input.on },
      at: opts.now,
    });
    return outcome;
  });
}
