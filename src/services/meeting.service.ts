import { can, type Action } from "../domain/access.js";
import { ChiboError } from "../domain/errors.js";
import { meetingRollOf, type MeetingRoll, type RollPerson } from "../domain/meeting-roll.js";
import type { MeetingRule } from "../domain/meeting-rule.js";
import { isCellKind } from "../domain/org.js";
import type { Actor } from "../domain/roles.js";
import { addDays, addMonths } from "../domain/schedule/local-time.js";
import { meetingsBetween, upcomingMeeting, type EffectiveMeeting } from "../domain/schedule/meeting.js";
import { writeAudit } from "../db/audit.repository.js";
import { cancelPending } from "../db/outbox.repository.js";
import { noReachReasons, type NoReachReason } from "../db/channel-pref.repository.js";
import { namesOfPeople } from "../db/person.repository.js";
import { findOrgById, meetingRollRows, orgPath } from "../db/org.repository.js";
import { insertOverride, meetingPlanAndRollOf, meetingPlanOf, meetingPlansAndRolls, rsvpsOf, takePlanLock, upsertRsvp, upsertRsvps, type PlanAndRoll, type RsvpRow } from "../db/schedule.repository.js";
import type { Db } from "../db/schema.js";
import { enqueueChangeNotice, PLAN_LOCK_ID, planIntoOutbox } from "./planner.service.js";

/** How far ahead a meeting may be moved. */
export const RESCHEDULE_MAX_DAYS = 60;
/** Longest reason or agenda kept. */
export const REASON_MAX = 200;

async function requireCan(db: Db, actor: Actor, action: Action, orgId: number): Promise<void> {
  if (!can(actor, action, { orgPath: await orgPath(db, orgId) })) throw new ChiboError("forbidden");
}

/** Cells whose meetings the actor manages (secretary or deputy), own cell first. */
export async function managedCells(db: Db, actor: Actor): Promise<{ id: number; name: string }[]> {
  const ids = [...new Set(actor.roles.filter((r) => r.role === "secretary" || r.role === "deputy_secretary").map((r) => r.orgId))];
  ids.sort((a, b) => Number(b === actor.cellId) - Number(a === actor.cellId) || a - b);
  const out: { id: number; name: string }[] = [];
  for (const id of ids) {
    const org = await findOrgById(db, id);
    if (org && isCellKind(org.kind)) out.push({ id: org.id, name: org.name });
  }
  return out;
}

/** The cell's meetings from `today` for the coming months, cancelled ones included. */
async function meetingsFrom(db: Db, orgId: number, today: string): Promise<EffectiveMeeting[]> {
  const { rule, overrides } = await meetingPlanOf(db, orgId, today, overridesFrom(today));
  return meetingsBetween(orgId, rule, overrides, today, `${addMonths(today.slice(0, 7), 3)}-28`);
}

/** A cell's next meeting after `/doilich`, and the cancelled ones before it (shown as cancelled, never as upcoming). */
export interface MeetingOutlook {
  /** The next meeting that is held: the rule's, or the date it was moved to. */
  meeting: EffectiveMeeting | null;
  /** Meetings from today on that were cancelled, before the next one. */
  cancelled: EffectiveMeeting[];
}

/** The outlook of a cell's meetings from `today` (no access check: the caller has made it). */
export async function meetingOutlook(db: Db, orgId: number, today: string): Promise<MeetingOutlook> {
  const { rule, overrides } = await meetingPlanOf(db, orgId, today, overridesFrom(today));
  const meeting = upcomingMeeting(orgId, rule, overrides, today);
  const cancelled = meetingsBetween(orgId, rule, overrides, today, meeting?.date ?? `${addMonths(today.slice(0, 7), 2)}-28`).filter((m) => m.cancelled);
  return { meeting, cancelled };
}

/**
 * The next `count` meetings a cell would hold under a standing `rule` from `today`, its one-off
 * changes (`/doilich`: moved or cancelled) kept — they stand whatever the rule — so `/lichhop`'s
 * preview shows the dates that will be held. No access check: the caller has made it.
 */
export async function meetingsUnderRule(db: Db, orgId: number, rule: MeetingRule, today: string, count: number): Promise<EffectiveMeeting[]> {
  const { overrides } = await meetingPlanOf(db, orgId, today, overridesFrom(today));
  return meetingsBetween(orgId, rule, overrides, today, `${addMonths(today.slice(0, 7), count + 1)}-28`).slice(0, count);
}

/** The next meeting of a cell that is not cancelled, and those cancelled before it (visible to anyone who may see the cell). */
export async function nextMeeting(db: Db, actor: Actor, orgId: number, today: string): Promise<{ cell: string } & MeetingOutlook> {
  await requireCan(db, actor, "cell.view_summary", orgId);
  const org = await findOrgById(db, orgId);
  if (!org) throw new ChiboError("not_found");
  return { cell: org.name, ...(await meetingOutlook(db, orgId, today)) };
}

/**
 * The meeting `/doilich` would change (secretary or deputy): the cell's next one not cancelled.
 * Shown before anyone is told; refused with `not_found` when there is none.
 */
export async function meetingToChange(db: Db, actor: Actor, orgId: number, today: string): Promise<{ cell: string; from: EffectiveMeeting }> {
  await requireCan(db, actor, "meeting.manage", orgId);
  const org = await findOrgById(db, orgId);
  const from = (await meetingsFrom(db, orgId, today)).find((m) => !m.cancelled);
  if (!org || !from) throw new ChiboError("not_found");
  return { cell: org.name, from };
}

export type MeetingChange = { kind: "move"; date: string; time: string; reason: string | null } | { kind: "cancel"; reason: string | null };

/** Someone the change notice cannot reach, and why: the secretary tells them in person. */
export interface Untold {
  name: string;
  reason: NoReachReason;
}

export interface RescheduleResult {
  cell: string;
  from: EffectiveMeeting;
  to: EffectiveMeeting | null;
  /** People the notice is queued for on Zalo or Telegram. */
  notified: number;
  /** When it goes out, if not at once: the end of quiet hours (a change made at night). */
  sendAt: Date | null;
  /** People with no account a notice can reach, by name, the one making the change left out: the secretary tells them in person. */
  unlinked: Untold[];
  /** The cell's linked group chats (`/lienket_nhom`) that get the notice too. */
  groups: number;
  /** Nothing could be queued: the meeting comes before the notice could go out (quiet hours). */
  tooLate: boolean;
}

/**
 * Move or cancel a cell's next meeting (secretary or deputy). Withdraws the old date's pending
 * reminders (and an earlier change's notice still waiting) and queues the change notice for
 * everyone expected — at once, or for the end of quiet hours when made at night — in the caller's
 * transaction and under the planning lock, so no planner writes the old date's reminders back.
 */
export async function rescheduleMeeting(db: Db, actor: Actor, orgId: number, change: MeetingChange, now: Date, today: string, tz: string): Promise<RescheduleResult> {
  await requireCan(db, actor, "meeting.manage", orgId);
  await takePlanLock(db, PLAN_LOCK_ID);
  const org = await findOrgById(db, orgId);
  if (!org) throw new ChiboError("not_found");
  const from = (await meetingsFrom(db, orgId, today)).find((m) => !m.cancelled);
  if (!from) throw new ChiboError("not_found");
  if (change.kind === "move") {
    if (change.date < today || change.date > addDays(today, RESCHEDULE_MAX_DAYS)) throw new ChiboError("invalid_input");
    if (change.date === from.date && change.time === from.time) throw new ChiboError("invalid_input");
  }
  const reason = change.reason ? change.reason.slice(0, REASON_MAX) : null;
  const overrideId = await insertOverride(db, {
    orgId,
    period: from.period,
    date: change.kind === "move" ? change.date : null,
    time: change.kind === "move" ? change.time : null,
    agenda: from.agenda,
    kind: from.kind,
    cancelled: change.kind === "cancel",
    reason,
    createdBy: actor.personId,
    at: now,
  });
  await writeAudit(db, {
    actorPersonId: actor.personId,
    action: change.kind === "move" ? "meeting.reschedule" : "meeting.cancel",
    entity: "meeting_override",
    entityId: overrideId,
    before: { orgId, date: from.date, time: from.time },
    after: change.kind === "move" ? { orgId, date: change.date, time: change.time, reason } : { orgId, cancelled: true, reason },
    at: now,
  });
  await cancelPending(db, `meet:${orgId}:${from.date}:`);
  await cancelPending(db, `holiday:${orgId}:${from.date}:`);
  // An earlier change of this meeting still waiting for the morning: this one stands in for it.
  if (from.override) await cancelPending(db, `chg:${orgId}:${from.override.id}:`);
  await planIntoOutbox(db, { now, tz, orgIds: [orgId] });
  const notice = await enqueueChangeNotice(db, { now, tz, orgId, overrideId });
  // A group's copy has no person (planner `groupCopies`).
  const people = notice.filter((m) => m.personId !== null);
  const unreached = people.flatMap((m) => (m.to === null && m.personId !== null ? [m.personId] : []));
  // The one making the change knows of it: not among those the reply asks to be told in person.
  const untold = unreached.filter((id) => id !== actor.personId);
  const [names, reasons] = await Promise.all([namesOfPeople(db, untold), noReachReasons(db, untold)]);
  const dueAt = notice[0]?.dueAt;
  const to = change.kind === "move" ? (await meetingsFrom(db, orgId, today)).find((m) => m.date === change.date && !m.cancelled) ?? null : null;
  return {
    cell: org.name,
    from,
    to,
    notified: people.length - unreached.length,
    sendAt: dueAt && dueAt.getTime() > now.getTime() ? dueAt : null,
    unlinked: untold.map((id) => ({ name: names.get(id) ?? "?", reason: reasons.get(id) ?? "none" })).sort((a, b) => a.name.localeCompare(b.name, "vi")),
    groups: notice.filter((m) => m.group).length,
    tooLate: notice.length === 0,
  };
}

/** Who a cell's meeting expects on a date (`meetingRollOf`): the same rule for `/diemdanh` and the report. */
export async function meetingRoll(db: Db, orgId: number, date: string): Promise<MeetingRoll> {
  return meetingRollOf(await meetingRollRows(db, orgId, date));
}

/** Everyone invited to a cell's meeting (members, exempt members, assigned cadres), each with its kind. */
export async function expectedPeople(db: Db, orgId: number, date: string): Promise<(RollPerson & { cadre: boolean })[]> {
  return (await meetingRoll(db, orgId, date)).people.map((p) => ({ ...p, cadre: p.kind === "cadre" }));
}

export type RsvpOutcome = "saved" | "not_expected" | "gone";

/** A meeting an answer is for: the cell, the meeting's day, and the day it is answered on. */
export interface RsvpMeeting {
  orgId: number;
  date: string;
  today: string;
}

/** What an answer is checked against, read ahead for it (`rsvpChecks`): its meeting's plan and roll. */
export interface RsvpCheck extends RsvpMeeting {
  plan: PlanAndRoll;
  /** Where the answer is left to be written with the others read ahead with it (`RsvpChecks.record`). */
  answers: RsvpRow[];
}

/** The checks of a batch group's answers, and the writing of the answers given with them. */
export interface RsvpChecks {
  /** Aligned with the meetings asked for. */
  checks: (RsvpCheck | undefined)[];
  /** Write the answers given against these checks, in one statement (call once their turns are over). */
  record(db: Db): Promise<void>;
}

/** The first month whose overrides the meetings from `today` are made with (as `meetingsFrom` reads them). */
function overridesFrom(today: string): string {
  return addMonths(today.slice(0, 7), -2);
}

/**
 * The checks of several answers (a batch group's RSVP presses) in one statement, aligned with
 * `meetings`; undefined for a meeting already past (`answerRsvp` says "gone" without reading) or not
 * given. An answer given against one of them is written by `record`, with the others.
 */
export async function rsvpChecks(db: Db, meetings: readonly (RsvpMeeting | undefined)[]): Promise<RsvpChecks> {
  const keyOf = (m: RsvpMeeting) => `${m.orgId}|${m.date}|${m.today}`;
  const distinct = new Map<string, RsvpMeeting>();
  for (const m of meetings) if (m && m.date >= m.today) distinct.set(keyOf(m), m);
  const wanted = [...distinct.values()];
  const plans = await meetingPlansAndRolls(db, wanted.map((m) => ({ orgId: m.orgId, rollDate: m.date, today: m.today, fromPeriod: overridesFrom(m.today) })));
  const answers: RsvpRow[] = [];
  const byKey = new Map(wanted.map((m, i) => [keyOf(m), { ...m, plan: plans[i] as PlanAndRoll, answers }]));
  return { checks: meetings.map((m) => (m ? byKey.get(keyOf(m)) : undefined)), record: (trx) => upsertRsvps(trx, answers) };
}

/**
 * Record an answer for a meeting: the person's own (from a reminder's buttons), or the secretary's
 * for a member without a phone (`proxyFor`, recorded with `proxy_by`). Button payloads are
 * re-checked here: the meeting must be current and the person expected at it — against `check` when
 * it was read ahead for this very meeting and day (`rsvpChecks`, whose `record` then writes the answer),
 * else read and written here.
 */
export async function answerRsvp(
  db: Db,
  actor: Actor,
  r: { orgId: number; date: string; answer: "yes" | "no"; reason: string | null; proxyFor?: number },
  now: Date,
  today: string,
  check?: RsvpCheck,
): Promise<RsvpOutcome> {
  if (r.proxyFor !== undefined) await requireCan(db, actor, "meeting.rsvp_proxy", r.orgId);
  if (r.date < today) return "gone";
  // The meeting's plan and its roll in one statement (`currentMeetingOn` and `expectedPeople` in one).
  const ahead = check && check.orgId === r.orgId && check.date === r.date && check.today === today ? check : undefined;
  const { rule, overrides, roll } = ahead ? ahead.plan : await meetingPlanAndRollOf(db, r.orgId, today, overridesFrom(today), r.date);
  const current = meetingsBetween(r.orgId, rule, overrides, today, `${addMonths(today.slice(0, 7), 3)}-28`).some((m) => m.date === r.date && !m.cancelled);
  if (!current) return "gone";
  const personId = r.proxyFor ?? actor.personId;
  if (!meetingRollOf(roll).people.some((p) => p.id === personId)) return "not_expected";
  const row: RsvpRow = {
    orgId: r.orgId,
    date: r.date,
    personId,
    answer: r.answer,
    reason: r.answer === "no" ? (r.reason?.slice(0, REASON_MAX) ?? null) : null,
    proxyBy: r.proxyFor !== undefined ? actor.personId : null,
    at: now,
  };
  if (ahead) ahead.answers.push(row);
  else await upsertRsvp(db, row);
  return "saved";
}

export interface Attendance {
  meeting: EffectiveMeeting;
  expected: (RollPerson & { cadre: boolean })[];
  answers: Map<number, { answer: "yes" | "no"; reason: string | null; proxy: boolean }>;
}

/** Expected attendance of a cell's next meeting (secretary or deputy of that cell only). */
export async function attendanceOf(db: Db, actor: Actor, orgId: number, today: string): Promise<Attendance | null> {
  await requireCan(db, actor, "meeting.manage", orgId);
  const meeting = (await meetingsFrom(db, orgId, today)).find((m) => !m.cancelled);
  if (!meeting) return null;
  const expected = await expectedPeople(db, orgId, meeting.date);
  const answers = new Map<number, { answer: "yes" | "no"; reason: string | null; proxy: boolean }>();
  for (const a of await rsvpsOf(db, orgId, meeting.date)) answers.set(a.person_id, { answer: a.answer, reason: a.reason, proxy: a.proxy_by !== null });
  return { meeting, expected, answers };
}

/** The actor's own answer for a meeting, if any. */
export async function myAnswer(db: Db, personId: number, orgId: number, date: string) {
  return (await rsvpsOf(db, orgId, date)).find((a) => a.person_id === personId);
}
