import { can } from "../domain/access.js";
import { matchOwner, resolutionItems, type TaskStatus } from "../domain/cycle/tasks.js";
import { ChiboError } from "../domain/errors.js";
import type { Actor } from "../domain/roles.js";
import { addMonths } from "../domain/schedule/local-time.js";
import { writeAudit } from "../db/audit.repository.js";
import { cellPeople, findTask, openTasksOwnedBy, replacePeriodTasks, setTaskStatus, tasksOfOrgs } from "../db/cycle.repository.js";
import { orgPath, subtreeIds } from "../db/org.repository.js";
import type { Db } from "../db/schema.js";
import { requireAccess } from "./actor.service.js";

/** A resolution task as the bot and the documents show it. */
export interface TaskView {
  id: number;
  orgId: number;
  cellName: string;
  period: string;
  seq: number;
  task: string;
  owner: string | null;
  ownerPersonId: number | null;
  dueOn: string | null;
  status: TaskStatus;
  note: string | null;
}

type TaskRow = Awaited<ReturnType<typeof tasksOfOrgs>>[number];

function view(r: TaskRow): TaskView {
  return {
    id: r.id,
    orgId: r.org_id,
    cellName: r.org_name,
    period: r.period,
    seq: r.seq,
    task: r.task,
    owner: r.owner_text,
    ownerPersonId: r.owner_person_id,
    dueOn: r.due_on,
    status: r.status,
    note: r.note,
  };
}

/**
 * The monthly meeting report's resolution items become the cell's tasks of that period (a corrected
 * report updates them, keeping what was already marked done). Each owner is matched to one member of
 * the cell when the name fits exactly one ("Mai" → Vi Thị Mai, "bí thư" → the secretary): they are
 * reminded before the due date; otherwise the cell's leaders are. Call inside the report's transaction.
 */
export async function syncResolutionTasks(db: Db, orgId: number, period: string, resolutions: unknown, today: string, now: Date): Promise<number> {
  const items = resolutionItems(resolutions);
  const people = await cellPeople(db, orgId, today);
  const members = [...new Map(people.map((p) => [p.id, { id: p.id, name: p.full_name }])).values()];
  const secretaries = [...new Set(people.filter((p) => p.role === "secretary").map((p) => p.id))];
  return replacePeriodTasks(
    db,
    orgId,
    period,
    items.map((i) => ({ task: i.task, ownerText: i.owner ?? null, ownerPersonId: matchOwner(i.owner, members, secretaries), dueOn: i.due ?? null })),
    now,
  );
}

/** The tasks of one cell's period (for its documents and next month's preview), checked with `task.view`. */
export async function periodTasks(db: Db, actor: Actor | null, orgId: number, period: string): Promise<TaskView[]> {
  if (actor) await requireAccess(db, actor, "task.view", { orgId });
  return (await tasksOfOrgs(db, [orgId], { period })).map(view);
}

/** The tasks of the month before `period` in a cell: what next month's agenda and report start with. */
export async function previousMonthTasks(db: Db, orgId: number, period: string): Promise<TaskView[]> {
  return (await tasksOfOrgs(db, [orgId], { period: addMonths(period, -1) })).map(view);
}

/** Orgs whose tasks an actor sees: where they hold a role granting `task.view`, and what they follow. */
async function taskOrgs(db: Db, actor: Actor): Promise<number[]> {
  const ids = new Set<number>();
  for (const r of actor.roles) {
    if (r.role === "member") continue;
    const path = await orgPath(db, r.orgId);
    if (!can(actor, "task.view", { orgPath: path })) continue;
    if (r.role === "secretary" || r.role === "deputy_secretary" || r.role === "cell_committee") ids.add(r.orgId);
    else for (const id of await subtreeIds(db, r.orgId)) ids.add(id);
  }
  for (const a of actor.assignments) if (a.orgId !== null) for (const id of await subtreeIds(db, a.orgId)) ids.add(id);
  return [...ids];
}

/**
 * `/viec`: the open tasks a person should see — their own (as owner), then those of the cells they
 * lead, sit on the committee of, follow as assigned cadre or oversee as commune or province.
 */
export async function openTasksFor(db: Db, actor: Actor): Promise<{ own: TaskView[]; cells: TaskView[] }> {
  const own = (await openTasksOwnedBy(db, actor.personId)).map(view);
  const ownIds = new Set(own.map((t) => t.id));
  const cells = (await tasksOfOrgs(db, await taskOrgs(db, actor), { openOnly: true })).map(view).filter((t) => !ownIds.has(t.id));
  return { own, cells };
}

/** A task the actor may mark: its owner, or a leader of its cell (`task.update`); else `forbidden`. */
export async function taskToUpdate(db: Db, actor: Actor, id: number): Promise<TaskView> {
  const row = await findTask(db, id);
  if (!row) throw new ChiboError("not_found");
  if (row.owner_person_id !== actor.personId) await requireAccess(db, actor, "task.update", { orgId: row.org_id });
  const [found] = (await tasksOfOrgs(db, [row.org_id], { period: row.period })).filter((t) => t.id === id);
  if (!found) throw new ChiboError("not_found");
  return view(found);
}

/** Mark a task done or late (or open again) with a note; audited. */
export async function markTask(db: Db, actor: Actor, id: number, status: TaskStatus, note: string | null, now: Date): Promise<TaskView> {
  const before = await taskToUpdate(db, actor, id);
  await setTaskStatus(db, id, status, note, actor.personId, now);
  await writeAudit(db, {
    actorPersonId: actor.personId,
    action: "task.mark",
    entity: "resolution_task",
    entityId: id,
    before: { status: before.status, note: before.note },
    after: { status, note },
    at: now,
  });
  return { ...before, status, note };
}
