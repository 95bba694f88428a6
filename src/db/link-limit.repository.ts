import type { Db } from "./schema.js";

/** The latest end of a block among `buckets` still in force at `now`, or null. */
export async function blockedUntil(db: Db, buckets: readonly string[], now: Date): Promise<Date | null> {
  if (buckets.length === 0) return null;
  const row = await db
    .selectFrom("link_limit")
    .select((eb) => eb.fn.max("blocked_until").as("until"))
    .where("bucket", "in", [...buckets])
    .where("blocked_until", ">", now)
    .executeTakeFirst();
  return row?.until ? new Date(row.until as unknown as string | Date) : null;
}

/** A bucket's counters, created empty if new, locked for the changing transaction. */
export async function lockLinkLimit(db: Db, bucket: string, now: Date) {
  await db
    .insertInto("link_limit")
    .values({ bucket, window_start: now, failures: 0, strikes: 0, blocked_until: null })
    .onConflict((oc) => oc.column("bucket").doNothing())
    .execute();
  return db.selectFrom("link_limit").selectAll().where("bucket", "=", bucket).forUpdate().executeTakeFirstOrThrow();
}

export async function saveLinkLimit(db: Db, bucket: string, values: { window_start: Date; failures: number; strikes: number; blocked_until: Date | null }) {
  await db.updateTable("link_limit").set(values).where("bucket", "=", bucket).execute();
}
