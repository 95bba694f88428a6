import type { TaskStatus } from "../domain/cycle/tasks.js";
import type { Db } from "./schema.js";

/** A resolution item to store as a task, its owner matched (or not) to a member. */
export interface NewTask {
  task: string;
  ownerText: string | null;
  ownerPersonId: number | null;
  dueOn: string | null;
}

const TASK_COLUMNS = [
  "resolution_task.id",
  "resolution_task.org_id",
  "resolution_task.period",
  "resolution_task.seq",
  "resolution_task.task",
  "resolution_task.owner_text",
  "resolution_task.owner_person_id",
  "resolution_task.due_on",
  "resolution_task.status",
  "resolution_task.note",
  "resolution_task.updated_at",
] as const;

/**
 * Make a cell's tasks of a period the items of its (re)submitted resolution: item N updates task N
 * (its status and note kept), new items are added, dropped ones removed. Returns how many there are.
 */
export async function replacePeriodTasks(db: Db, orgId: number, period: string, items: readonly NewTask[], now: Date): Promise<number> {
  const existing = await db.selectFrom("resolution_task").select(["id", "seq"]).where("org_id", "=", orgId).where("period", "=", period).execute();
  const bySeq = new Map(existing.map((r) => [r.seq, r.id]));
  for (const [i, item] of items.entries()) {
    const values = { task: item.task, owner_text: item.ownerText, owner_person_id: item.ownerPersonId, due_on: item.dueOn };
    const id = bySeq.get(i + 1);
    if (id !== undefined) await db.updateTable("resolution_task").set(values).where("id", "=", id).execute();
    else await db.insertInto("resolution_task").values({ ...values, org_id: orgId, period, seq: i + 1, created_at: now }).execute();
  }
  await db.deleteFrom("resolution_task").where("org_id", "=", orgId).where("period", "=", period).where("seq", ">", items.length).execute();
  return items.length;
}

/** Tasks of some cells, with the cell's name: of one period, or (without) every open one; by cell, period, order. */
export async function tasksOfOrgs(db: Db, orgIds: readonly number[], filter: { period?: string; openOnly?: boolean }) {
  if (orgIds.length === 0) return [];
  let q = db
    .selectFrom("resolution_task")
    .innerJoin("org", "org.id", "resolution_task.org_id")
    .select([...TASK_COLUMNS, "org.name as org_name"])
    .where("resolution_task.org_id", "in", [...orgIds]);
  if (filter.period) q = q.where("resolution_task.period", "=", filter.period);
  if (filter.openOnly) q = q.where("resolution_task.status", "=", "open");
  return q.orderBy("org.name").orderBy("resolution_task.org_id").orderBy("resolution_task.period").orderBy("resolution_task.seq").execute();
}

/** The open tasks a person owns, oldest first. */
export async function openTasksOwnedBy(db: Db, personId: number) {
  return db
    .selectFrom("resolution_task")
    .innerJoin("org", "org.id", "resolution_task.org_id")
    .select([...TASK_COLUMNS, "org.name as org_name"])
    .where("resolution_task.owner_person_id", "=", personId)
    .where("resolution_task.status", "=", "open")
    .orderBy("resolution_task.period")
    .orderBy("resolution_task.seq")
    .execute();
}

/** Every task a person owns, newest month first, with the cell's name (their own data, /dulieu). */
export async function tasksOwnedBy(db: Db, personId: number) {
  return db
    .selectFrom("resolution_task")
    .innerJoin("org", "org.id", "resolution_task.org_id")
    .select([...TASK_COLUMNS, "org.name as org_name"])
    .where("resolution_task.owner_person_id", "=", personId)
    .orderBy("resolution_task.period", "desc")
    .orderBy("resolution_task.seq")
    .execute();
}

/**
 * Tasks of months before `period` (`YYYY-MM`): the retention clean-up removes them, except one still
 * open and due on or after `keepDueFrom` (a long task is kept until it is marked).
 */
export async function deleteTasksBefore(db: Db, period: string, keepDueFrom: string): Promise<number> {
  const result = await db
    .deleteFrom("resolution_task")
    .where("period", "<", period)
    .where((w) => w.or([w("status", "<>", "open"), w("due_on", "is", null), w("due_on", "<", keepDueFrom)]))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function findTask(db: Db, id: number) {
  return db.selectFrom("resolution_task").select(TASK_COLUMNS).where("id", "=", id).executeTakeFirst();
}

export async function setTaskStatus(db: Db, id: number, status: TaskStatus, note: string | null, by: number, at: Date): Promise<void> {
  await db.updateTable("resolution_task").set({ status, note, updated_by: by, updated_at: at }).where("id", "=", id).execute();
}

/** Open tasks of these cells due between two dates (inclusive): what the reminder planner looks at. */
export async function openTasksDue(db: Db, orgIds: readonly number[], from: string, to: string) {
  if (orgIds.length === 0) return [];
  return db
    .selectFrom("resolution_task")
    .select(["id", "org_id", "task", "owner_text", "owner_person_id", "due_on"])
    .where("org_id", "in", [...orgIds])
    .where("status", "=", "open")
    .where("due_on", ">=", from)
    .where("due_on", "<=", to)
    .orderBy("id")
    .execute();
}

/** The cell's members in force (the people an owner's name is matched among). */
export async function cellPeople(db: Db, orgId: number, onDate: string) {
  return db
    .selectFrom("role")
    .innerJoin("person", "person.id", "role.person_id")
    .select(["person.id", "person.full_name", "role.role"])
    .where("role.org_id", "=", orgId)
    .where("role.role", "in", ["member", "secretary", "deputy_secretary"])
    .where("role.valid_from", "<=", onDate)
    .where((w) => w.or([w("role.valid_to", "is", null), w("role.valid_to", ">", onDate)]))
    .execute();
}

export async function findAgenda(db: Db, orgId: number, period: string) {
  return db.selectFrom("meeting_agenda").selectAll().where("org_id", "=", orgId).where("period", "=", period).executeTakeFirst();
}

export async function putAgenda(db: Db, orgId: number, period: string, values: { politicalTasks: string | null; text: string; by: number; at: Date }): Promise<void> {
  const row = { political_tasks: values.politicalTasks, text: values.text, prepared_by: values.by, prepared_at: values.at };
  await db
    .insertInto("meeting_agenda")
    .values({ org_id: orgId, period, ...row })
    .onConflict((oc) => oc.columns(["org_id", "period"]).doUpdateSet(row))
    .execute();
}

/** Prepared agendas of these cells for these periods, keyed `orgId:period`. */
export async function agendasOf(db: Db, orgIds: readonly number[], periods: readonly string[]): Promise<Map<string, string>> {
  if (orgIds.length === 0 || periods.length === 0) return new Map();
  const rows = await db
    .selectFrom("meeting_agenda")
    .select(["org_id", "period", "text"])
    .where("org_id", "in", [...orgIds])
    .where("period", "in", [...periods])
    .execute();
  return new Map(rows.map((r) => [`${r.org_id}:${r.period}`, r.text]));
}

export async function findGuidance(db: Db, orgId: number, period: string) {
  return db.selectFrom("content_guidance").selectAll().where("org_id", "=", orgId).where("period", "=", period).executeTakeFirst();
}

export async function putGuidance(db: Db, orgId: number, period: string, text: string, by: number, at: Date): Promise<void> {
  const row = { text, published_by: by, published_at: at };
  await db
    .insertInto("content_guidance")
    .values({ org_id: orgId, period, ...row })
    .onConflict((oc) => oc.columns(["org_id", "period"]).doUpdateSet(row))
    .execute();
}
