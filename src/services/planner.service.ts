import { addDays, addMonths, localClock } from "../domain/schedule/local-time.js";
import type { PlannerProbationer } from "../domain/schedule/probation.js";
import { changeNoticeAhead, planDue, type PlannedMessage, type PlannerCell, type PlannerCommune, type PlannerInput } from "../domain/schedule/planner.js";
import { isVillageCell } from "../domain/org.js";
import type { DigestUnit } from "../domain/schedule/digest.js";
import { DEFAULT_REMINDER_SETTINGS } from "../domain/schedule/settings.js";
import { settingsOn, settingsTimelineIn } from "../domain/schedule/settings-history.js";
import { reminderSettingVersions } from "../db/reminder-settings.repository.js";
import { groupChatsOfCells } from "../db/cell-group-chat.repository.js";
import { probationersOf } from "../db/membership.repository.js";
import { candidatesAwaitingAdmission } from "../db/candidate.repository.js";
import { certificateMonthsInForce, toCandidate } from "./candidate.service.js";
import { agendasOf, openTasksDue } from "../db/cycle.repository.js";
import { TASK_REMINDER_STEPS } from "../domain/cycle/tasks.js";
import type { PlannerTask } from "../domain/cycle/tasks.js";
import { enqueueMessages, type OutboxDestination } from "../db/outbox.repository.js";
import {
  cellsInForce,
  meetingOverrides,
  meetingRules,
  orgAssignments,
  orgIndex,
  reminderAccounts,
  roleHolders,
  submittedReports,
  thematicQuarters,
} from "../db/schedule.repository.js";
import { takePlanLock } from "../db/schedule.repository.js";
import type { Db } from "../db/schema.js";
import type { Logger } from "../log.js";
import { goLiveDate } from "./go-live.service.js";
import { trackingStart } from "../domain/tracking.js";

/** Planning and rescheduling take this transaction lock, so a planner never writes a moved meeting's old reminders back. */
export const PLAN_LOCK_ID = 0x63_68_69_62; // "chib"

export interface PlanOptions {
  now: Date;
  /** The previous tick's slot; unset plans everything still useful (first start, the CLI). */
  since?: Date;
  tz: string;
  log?: Logger;
  /** Only these cells (a secretary's change is announced at once for that cell alone). */
  orgIds?: readonly number[];
}

/**
 * A planned message with where it goes: the person's account, or the group chat for a group post
 * (no account); `null`: the person has no reachable messenger account.
 */
export interface RoutedMessage extends PlannedMessage {
  to: OutboxDestination | null;
}

/** Read the planner's snapshot of the province: cells, schedules, people, settings, submissions. */
export async function loadPlannerInput(db: Db, options: PlanOptions): Promise<PlannerInput> {
  const { now, tz } = options;
  const today = localClock(now, tz).date;
  const [orgs, allCells, goLive] = await Promise.all([orgIndex(db), cellsInForce(db, today), goLiveDate(db)]);
  const only = options.orgIds ? new Set(options.orgIds) : undefined;
  const cells = only ? allCells.filter((c) => only.has(c.id)) : allCells;
  const cellIds = cells.map((c) => c.id);
  const communeIds = [...new Set(cells.map((c) => c.parent_id).filter((id): id is number => id !== null))];
  const parentOf = new Map(orgs.map((o) => [o.id, o.parent_id]));
  // The units above the communes (the province): their office gets the per-commune digest.
  const upperIds = only ? [] : [...new Set(communeIds.map((id) => parentOf.get(id)).filter((id): id is number => id !== null && id !== undefined))];
  // One connection on PGlite: these run one after another there, and in parallel on PostgreSQL.
  const [rules, overrides, cellRoles, assignments, office, stored, submitted, thematicDone, groups] = await Promise.all([
    meetingRules(db, today, cellIds),
    meetingOverrides(db, addMonths(today.slice(0, 7), -3), cellIds),
    roleHolders(db, ["member", "secretary", "deputy_secretary"], today, cellIds),
    orgAssignments(db, today, [...cellIds, ...communeIds]),
    roleHolders(db, ["office_staff"], today, [...new Set([...communeIds, ...upperIds])]),
    reminderSettingVersions(db),
    submittedReports(db, String(Number(today.slice(0, 4)) - 1)),
    thematicQuarters(db, String(Number(today.slice(0, 4)) - 1)),
    groupChatsOfCells(db, cellIds),
  ]);
  const probationers = await probationersOf(db, cellIds, today);
  const candidates = (await candidatesAwaitingAdmission(db, cellIds)).map(toCandidate);
  const certificateMonths = await certificateMonthsInForce(db);
  // Tasks due from today until the first reminder's lead time ahead; agendas of this month and the next.
  const taskLead = Math.max(...TASK_REMINDER_STEPS.map((s) => s.daysBefore)) + 1;
  const tasks = await openTasksDue(db, cellIds, today, addDays(today, taskLead));
  const agendas = await agendasOf(db, cellIds, [today.slice(0, 7), addMonths(today.slice(0, 7), 1)]);

  const nameOf = new Map(orgs.map((o) => [o.id, o.name]));
  // Each period's deadlines follow the settings in force for it (`settingsForPeriod`); what is sent
  // today (quiet hours, reminders, escalation, digests) follows the version in force today.
  // A cell with an override of its own (quiet hours, its meetings' reminders) has its own timeline, as
  // the sender resolves it; the others are their commune's.
  const timelineFor = (orgId: number) =>
    settingsTimelineIn(parentOf, orgId, stored, (org, problems) => options.log?.warn({ org, problems }, "invalid reminder settings ignored"));

  const communes = new Map<number, PlannerCommune>();
  for (const id of communeIds) {
    const timeline = timelineFor(id);
    communes.set(id, {
      id,
      name: nameOf.get(id) ?? "",
      office: office.filter((r) => r.org_id === id).map((r) => r.person_id),
      settings: settingsOn(timeline, today),
      timeline,
      parentId: parentOf.get(id) ?? null,
      cadres: assignments.filter((a) => a.org_id === id).map((a) => a.cadre_id),
    });
  }
  const uppers = new Map<number, DigestUnit>();
  for (const id of upperIds) {
    uppers.set(id, { id, name: nameOf.get(id) ?? "", parentId: parentOf.get(id) ?? null, office: office.filter((r) => r.org_id === id).map((r) => r.person_id), settings: settingsOn(timelineFor(id), today) });
  }

  const byCell = new Map<number, PlannerCell>();
  for (const c of cells) {
    const own = stored.has(c.id) ? timelineFor(c.id) : undefined;
    byCell.set(c.id, {
      id: c.id,
      name: c.name,
      communeId: c.parent_id,
      keepsVillageRecord: isVillageCell(c),
      rule: rules.get(c.id) ?? null,
      overrides: overrides.get(c.id) ?? [],
      members: [],
      secretaries: [],
      deputies: [],
      cadres: [],
      groups: groups.get(c.id) ?? [],
      probationers: [],
      trackedFrom: trackingStart(goLive, String(c.valid_from)),
      ...(own ? { settings: settingsOn(own, today), timeline: own } : {}),
    });
  }
  for (const r of cellRoles) {
    const cell = byCell.get(r.org_id);
    if (!cell) continue;
    if (r.role === "member") cell.members.push(r.person_id);
    else if (r.role === "secretary") cell.secretaries.push(r.person_id);
    else cell.deputies.push(r.person_id);
  }
  for (const a of assignments) if (a.org_id !== null) byCell.get(a.org_id)?.cadres.push(a.cadre_id);
  for (const t of tasks) {
    const cell = byCell.get(t.org_id);
    if (!cell || t.due_on === null) continue;
    ((cell.tasks ??= []) as PlannerTask[]).push({ id: t.id, task: t.task, owner: t.owner_text, ownerPersonId: t.owner_person_id, dueOn: t.due_on });
  }
  for (const [key, text] of agendas) {
    const [orgId, period] = key.split(":") as [string, string];
    const cell = byCell.get(Number(orgId));
    if (cell) ((cell.agendas ??= new Map()) as Map<string, string>).set(period, text);
  }
  for (const p of probationers) (byCell.get(p.cellId)?.probationers as PlannerProbationer[] | undefined)?.push({ personId: p.personId, name: p.name, admittedOn: p.admittedOn });
  for (const c of candidates) {
    const cell = byCell.get(c.orgId);
    if (cell) cell.candidates = [...(cell.candidates ?? []), c];
  }

  return {
    now,
    ...(options.since ? { since: options.since } : {}),
    tz,
    cells: [...byCell.values()],
    communes,
    defaultSettings: DEFAULT_REMINDER_SETTINGS,
    submitted,
    thematicDone,
    uppers,
    ...(only ? { partial: true } : {}),
    certificateMonths,
  };
}

/** What is due at `options.now`, each with the account it goes to. Reads only. */
export async function planMessages(db: Db, options: PlanOptions): Promise<RoutedMessage[]> {
  return routed(db, planDue(await loadPlannerInput(db, options)));
}

/** Each planned message with the account (or group chat) it goes to; null for a person with none. */
async function routed(db: Db, planned: PlannedMessage[]): Promise<RoutedMessage[]> {
  const accounts = await reminderAccounts(db, planned.flatMap((m) => (m.personId === null ? [] : [m.personId])));
  const destination = (m: PlannedMessage): OutboxDestination | null => {
    if (m.group) return { accountId: null, channel: m.group.channel, chatId: m.group.chatId };
    return m.personId === null ? null : (accounts.get(m.personId) ?? null);
  };
  return planned.map((m) => ({ ...m, to: destination(m) }));
}

/**
 * Plan what is due and write it to the outbox, in one transaction under the plan lock. Safe to run
 * in every instance at once: each key becomes one row. Returns how many were planned, how many were
 * new, and how many are for people with no account (stored unsent).
 */
export async function planIntoOutbox(db: Db, options: PlanOptions): Promise<{ planned: number; inserted: number; unlinked: number }> {
  const run = async (trx: Db) => {
    await takePlanLock(trx, PLAN_LOCK_ID);
    const messages = await planMessages(trx, options);
    const inserted = await enqueueRouted(trx, messages);
    return { planned: messages.length, inserted, unlinked: messages.filter((m) => m.to === null).length };
  };
  return db.isTransaction ? run(db) : db.transaction().execute(run);
}

/**
 * Write the notice of a change just made to a cell's meeting (`/doilich`) to the outbox now, due at
 * once or — in quiet hours — when they end, so it is queued (and counted) tonight, not only planned
 * by the morning's tick; that tick plans the same keys, which stay one row each. Call in the
 * change's transaction, under the plan lock. Returns the rows written or found, with their accounts.
 */
export async function enqueueChangeNotice(db: Db, options: { now: Date; tz: string; orgId: number; overrideId: number }): Promise<RoutedMessage[]> {
  const input = await loadPlannerInput(db, { now: options.now, tz: options.tz, orgIds: [options.orgId] });
  const messages = await routed(db, changeNoticeAhead(input, options.orgId, options.overrideId));
  await enqueueRouted(db, messages);
  return messages;
}

/** Planned messages, routed, written to the outbox (one row a key); returns how many rows were new. */
function enqueueRouted(db: Db, messages: readonly RoutedMessage[]): Promise<number> {
  return enqueueMessages(
    db,
    messages.map((m) => ({ key: m.key, kind: m.kind, personId: m.personId, orgId: m.orgId, to: m.to, payload: m.payload, dueAt: m.dueAt, expiresAt: m.expiresAt })),
  );
}
