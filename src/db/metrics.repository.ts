import { sql } from "kysely";
import type { Db } from "./schema.js";

/** Outbox rows by kind and status (the metrics' queue depth). */
export async function outboxDepth(db: Db): Promise<{ kind: string; status: string; n: number }[]> {
  return db
    .selectFrom("outbox")
    .select(["kind", "status", sql<number>`count(*)::int`.as("n")])
    .groupBy(["kind", "status"])
    .execute();
}

/** The slot of the newest scheduler run that finished, per run name (the tick's heartbeat). */
export async function lastFinishedRuns(db: Db): Promise<{ name: string; slot: Date }[]> {
  const rows = await db
    .selectFrom("scheduler_run")
    .select(["name", sql<Date>`max(slot)`.as("slot")])
    .where("finished_at", "is not", null)
    .groupBy("name")
    .execute();
  return rows.map((r) => ({ name: r.name, slot: new Date(r.slot) }));
}

/** One round trip: the database answers. */
export async function ping(db: Db): Promise<void> {
  await sql`select 1`.execute(db);
}
