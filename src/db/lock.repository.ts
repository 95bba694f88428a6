import { sql } from "kysely";
import type { Db } from "./schema.js";

/**
 * A PostgreSQL session lock, held by one connection until released: the outbox sender holds one
 * for as long as this instance is the sender. True when this connection got it.
 */
export async function tryTakeSessionLock(conn: Db, lockId: number): Promise<boolean> {
  const got = await sql<{ ok: boolean }>`select pg_try_advisory_lock(${lockId}) as ok`.execute(conn);
  return got.rows[0]?.ok === true;
}

/** Release a session lock taken with `tryTakeSessionLock`; a connection already gone has lost it anyway. */
export async function releaseSessionLock(conn: Db, lockId: number): Promise<void> {
  await sql`select pg_advisory_unlock(${lockId})`.execute(conn).catch(() => {});
}

/** One cheap read: the database answers (the readiness probe). */
export async function databaseAnswers(db: Db): Promise<boolean> {
  await db.selectFrom("org").select("id").limit(1).execute();
  return true;
}
