import { sql } from "kysely";
import { checkOutboxMessage, OutboxPayloadError, type OutboxKind, type OutboxMessage } from "../messaging/outbox-message.js";
import type { OutboxStatus } from "./outbox.table.js";
import type { Db } from "./schema.js";

/** Where an outbox row goes: a person's account, or a group chat (no account, no person). */
export interface OutboxDestination {
  accountId: number | null;
  channel: string;
  chatId: string;
}

export interface NewOutboxMessage {
  key: string;
  kind: OutboxKind;
  personId: number | null;
  orgId: number | null;
  /** Where it goes; null when the person has no reachable account (stored as `skipped`, `unlinked`). */
  to: OutboxDestination | null;
  /** Checked against its kind's schema before anything is written (`OutboxPayloadError`). */
  payload: Record<string, unknown>;
  dueAt: Date;
  expiresAt: Date | null;
  /** The announcement this is a copy of. */
  announcementId?: number;
}

const INSERT_CHUNK = 500;

/**
 * Write planned messages; a key already present (planned by another instance or an earlier tick)
 * is left alone. Returns how many rows were new. Throws `OutboxPayloadError`, writing nothing, when
 * a payload does not hold what its kind says.
 */
export async function enqueueMessages(db: Db, messages: readonly NewOutboxMessage[]): Promise<number> {
  const checked = messages.map((m) => ({ ...m, payload: checkOutboxMessage(m.kind, m.payload).payload }));
  let inserted = 0;
  for (let i = 0; i < messages.length; i += INSERT_CHUNK) {
    const rows = checked.slice(i, i + INSERT_CHUNK).map((m) => ({
      dedupe_key: m.key,
      kind: m.kind,
      person_id: m.personId,
      org_id: m.orgId,
      account_id: m.to?.accountId ?? null,
      channel: m.to?.channel ?? null,
      chat_id: m.to?.chatId ?? null,
      payload: JSON.stringify(m.payload),
      due_at: m.dueAt,
      expires_at: m.expiresAt,
      status: (m.to ? "pending" : "skipped") as OutboxStatus,
      last_error: m.to ? null : "unlinked",
      next_attempt_at: m.dueAt,
      ...(m.announcementId !== undefined ? { announcement_id: m.announcementId } : {}),
    }));
    const result = await db
      .insertInto("outbox")
      .values(rows)
      .onConflict((oc) => oc.column("dedupe_key").doNothing())
      .executeTakeFirst();
    inserted += Number(result.numInsertedOrUpdatedRows ?? 0);
  }
  return inserted;
}

/**
 * A person's messages stored `skipped` for want of an account (`unlinked`), due since `since` and not
 * expired, sent to `to` after all: at their due time, or at `now` for those due already. Returns how many.
 */
export async function reviveUnlinked(db: Db, personId: number, to: OutboxDestination, since: Date, now: Date): Promise<number> {
  const result = await db
    .updateTable("outbox")
    .set({
      status: "pending",
      last_error: null,
      account_id: to.accountId,
      channel: to.channel,
      chat_id: to.chatId,
      next_attempt_at: sql<Date>`greatest(due_at, ${now})`,
    })
    .where("person_id", "=", personId)
    .where("status", "=", "skipped")
    .where("last_error", "=", "unlinked")
    .where("due_at", ">=", since)
    .where((eb) => eb.or([eb("expires_at", "is", null), eb("expires_at", ">", now)]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/**
 * Claim up to `limit` ready rows for sending (due, pending or waiting to retry), oldest first.
 * One statement: rows another sender holds are skipped (`FOR UPDATE SKIP LOCKED`). A claimed row is
 * `sending` with no `claimed_at` until its own send begins (`markInFlight`): only rows caught
 * mid-send may go twice after a crash, not the whole batch.
 */
export async function claimReady(db: Db, now: Date, limit: number, channels: readonly string[]): Promise<ClaimedRow[]> {
  if (channels.length === 0) return [];
  const result = await sql<Omit<ClaimedRow, "message"> & { kind: string; payload: unknown }>`
    update outbox set status = 'sending', claimed_at = null
    where id in (
      select id from outbox
      where status in ('pending', 'failed') and next_attempt_at <= ${now} and channel in (${sql.join(channels)})
      order by next_attempt_at, id
      limit ${limit}
      for update skip locked
    )
    returning id, dedupe_key, kind, person_id, org_id, account_id, channel, chat_id, payload, due_at, expires_at, attempts, announcement_id, parts_sent`.execute(db);
  return result.rows.sort((a, b) => a.id - b.id).map((row) => ({ ...row, message: readMessage(row.kind, row.payload) }));
}

/** A stored kind and payload, checked again on the way out: a row that fails is never rendered. */
function readMessage(kind: string, payload: unknown): OutboxMessage | OutboxPayloadError {
  try {
    return checkOutboxMessage(kind, payload);
  } catch (error) {
    if (error instanceof OutboxPayloadError) return error;
    throw error;
  }
}

export interface ClaimedRow {
  id: number;
  dedupe_key: string;
  kind: string;
  /** The kind and its checked payload, or why the stored row does not hold what its kind says. */
  message: OutboxMessage | OutboxPayloadError;
  person_id: number | null;
  /** The unit it is about (whose quiet hours apply). */
  org_id: number | null;
  account_id: number | null;
  channel: string;
  chat_id: string;
  payload: Record<string, unknown>;
  due_at: Date;
  expires_at: Date | null;
  attempts: number;
  announcement_id: number | null;
  /** Replies of the message delivered by an earlier attempt: not sent again. */
  parts_sent: number;
}

/** When the next waiting row becomes ready (a retry after a rate limit or backoff), if any. */
export async function nextAttemptAt(db: Db, channels: readonly string[]): Promise<Date | undefined> {
  if (channels.length === 0) return undefined;
  const row = await db
    .selectFrom("outbox")
    .select((eb) => eb.fn.min("next_attempt_at").as("next"))
    .where("status", "in", ["pending", "failed"])
    .where("channel", "in", [...channels])
    .executeTakeFirst();
  return row?.next ? new Date(row.next) : undefined;
}

export async function markSent(db: Db, id: number, at: Date): Promise<void> {
  await db.updateTable("outbox").set({ status: "sent", sent_at: at, claimed_at: null, last_error: null }).where("id", "=", id).execute();
}

/** The first `parts` replies of a claimed row reached the chat: a retry of the row sends only the rest. */
export async function markPartsSent(db: Db, id: number, parts: number): Promise<void> {
  await db.updateTable("outbox").set({ parts_sent: parts }).where("id", "=", id).execute();
}

/** Put a claimed row back to wait: `failed` counts an attempt, a rate-limit wait does not. */
export async function markRetry(db: Db, id: number, nextAttemptAt: Date, error: string, countAttempt: boolean): Promise<void> {
  await db
    .updateTable("outbox")
    .set((eb) => ({
      status: "failed",
      next_attempt_at: nextAttemptAt,
      last_error: error,
      claimed_at: null,
      attempts: countAttempt ? eb("attempts", "+", 1) : eb.ref("attempts"),
    }))
    .where("id", "=", id)
    .execute();
}

/** `last_error` of a row the sender put back until its unit's quiet hours end (not an attempt). */
export const HELD_FOR_QUIET = "quiet";

/** The units whose rows the sender holds for their quiet hours, with when the first of each is to go. */
export async function quietHeldUnits(db: Db, channels: readonly string[]): Promise<{ orgId: number | null; next: Date }[]> {
  if (channels.length === 0) return [];
  const rows = await db
    .selectFrom("outbox")
    .select(["org_id", (eb) => eb.fn.min("next_attempt_at").as("next")])
    .where("status", "=", "failed")
    .where("last_error", "=", HELD_FOR_QUIET)
    .where("channel", "in", [...channels])
    .groupBy("org_id")
    .execute();
  return rows.map((r) => ({ orgId: r.org_id, next: new Date(r.next) }));
}

/**
 * The rows the sender holds for quiet hours (`failed` with `last_error = quiet`: counted among the
 * failed rows, though none of them failed), by when they are to go, earliest first.
 */
export async function quietHeldCounts(db: Db): Promise<{ at: Date; count: number }[]> {
  const rows = await db
    .selectFrom("outbox")
    .select(["next_attempt_at", sql<number>`count(*)::int`.as("n")])
    .where("status", "=", "failed")
    .where("last_error", "=", HELD_FOR_QUIET)
    .groupBy("next_attempt_at")
    .orderBy("next_attempt_at")
    .execute();
  return rows.map((r) => ({ at: new Date(r.next_attempt_at), count: r.n }));
}

/**
 * Bring the rows held for quiet hours of these units (null: rows of no unit) forward to `at`, never
 * later than they were: their quiet hours changed. Returns how many moved.
 */
export async function bringQuietHeldForward(db: Db, orgIds: readonly (number | null)[], at: Date): Promise<number> {
  const ids = orgIds.filter((id): id is number => id !== null);
  const none = orgIds.some((id) => id === null);
  if (ids.length === 0 && !none) return 0;
  const result = await db
    .updateTable("outbox")
    .set({ next_attempt_at: at })
    .where("status", "=", "failed")
    .where("last_error", "=", HELD_FOR_QUIET)
    .where("next_attempt_at", ">", at)
    .where((eb) => eb.or([...(ids.length > 0 ? [eb("org_id", "in", ids)] : []), ...(none ? [eb("org_id", "is", null)] : [])]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows ?? 0);
}

/** Finish a row without sending it: `dead` (kept failing, or refused), `skipped` (unreachable, stale). */
export async function markFinal(db: Db, id: number, status: "dead" | "skipped", error: string, countAttempt = false): Promise<void> {
  await db
    .updateTable("outbox")
    .set((eb) => ({ status, last_error: error, claimed_at: null, attempts: countAttempt ? eb("attempts", "+", 1) : eb.ref("attempts") }))
    .where("id", "=", id)
    .execute();
}

/**
 * A claimed row's send begins now: from here until `markSent` a crash may leave it sent but not
 * marked (the sender keeps at most its concurrency of rows in this state).
 */
export async function markInFlight(db: Db, id: number, at: Date): Promise<void> {
  await db.updateTable("outbox").set({ claimed_at: at }).where("id", "=", id).where("status", "=", "sending").execute();
}

/**
 * Rows left `sending` by a sender that died: back to pending. Run by the one sender holding the
 * lock before it claims anything, so these rows are not in flight anywhere else. `inFlight` counts
 * those whose send had begun (they may reach their reader a second time); the others never left.
 */
export async function releaseInFlight(db: Db): Promise<{ inFlight: number; unsent: number }> {
  const { rows } = await sql<{ began: boolean }>`
    with left_over as (select id, claimed_at is not null as began from outbox where status = 'sending' for update)
    update outbox o set status = 'pending', claimed_at = null
    from left_over
    where o.id = left_over.id
    returning left_over.began`.execute(db);
  const inFlight = rows.filter((r) => r.began).length;
  return { inFlight, unsent: rows.length - inFlight };
}

/**
 * Withdraw pending messages whose key starts with a prefix (a moved meeting's old reminders).
 * The key is suffixed with the row id so the same key may be planned again later.
 */
export async function cancelPending(db: Db, keyPrefix: string): Promise<number> {
  const pattern = `${keyPrefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const result = await sql`
    update outbox set status = 'cancelled', dedupe_key = dedupe_key || '#' || id, claimed_at = null
    where dedupe_key like ${pattern} and status in ('pending', 'failed')`.execute(db);
  return Number(result.numAffectedRows ?? 0);
}

/** Row counts by status (for admins and tests). */
export async function outboxCounts(db: Db): Promise<Record<string, number>> {
  const rows = await db
    .selectFrom("outbox")
    .select(["status", sql<number>`count(*)::int`.as("n")])
    .groupBy("status")
    .execute();
  return Object.fromEntries(rows.map((r) => [r.status, r.n]));
}

/** Messages that kept failing or were refused, newest first (an admin's view). */
export async function deadMessages(db: Db, limit = 50) {
  return db
    .selectFrom("outbox")
    .select(["id", "dedupe_key", "kind", "person_id", "channel", "attempts", "last_error", "due_at"])
    .where("status", "=", "dead")
    .orderBy("id", "desc")
    .limit(limit)
    .execute();
}

export async function findOutboxByKey(db: Db, key: string) {
  return db.selectFrom("outbox").selectAll().where("dedupe_key", "=", key).executeTakeFirst();
}

/** The status of the outbox rows already holding these keys (a key not in the outbox is left out). */
export async function statusOfKeys(db: Db, keys: readonly string[]): Promise<Map<string, OutboxStatus>> {
  const out = new Map<string, OutboxStatus>();
  for (let i = 0; i < keys.length; i += INSERT_CHUNK) {
    const chunk = keys.slice(i, i + INSERT_CHUNK);
    const rows = await db.selectFrom("outbox").select(["dedupe_key", "status"]).where("dedupe_key", "in", chunk).execute();
    for (const r of rows) out.set(r.dedupe_key, r.status);
  }
  return out;
}
