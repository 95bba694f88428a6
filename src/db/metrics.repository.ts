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

/** The invite-code buckets shared by a platform or by all (not a code's half): wrong codes in the window, slowed until. */
export async function linkLimitBuckets(db: Db): Promise<{ bucket: string; window_start: Date; failures: number; blocked_until: Date | null }[]> {
  return db
    .selectFrom("link_limit")
    .select(["bucket", "window_start", "failures", "blocked_until"])
    .where((eb) => eb.or([eb("bucket", "like", "platform:%"), eb("bucket", "=", "global")]))
    .execute();
}

/** One round trip: the database answers. */
export async function ping(db: Db): Promise<void> {
  await sql`select 1`.execute(db);
}
