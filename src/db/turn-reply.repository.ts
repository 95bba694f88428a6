import { sql } from "kysely";
import type { Attachment, Reply } from "../messaging/message.js";
import type { Db } from "./schema.js";
import { compiledOnce } from "./compiled.js";
import { wellFormed } from "../domain/text/well-formed.js";

/**
 * How long a claim on a turn's replies holds: the claimer sends them within it, or another path (the
 * redelivered update, the sweep, a second instance) may send them after it. A turn's replies go out
 * in well under this (an interactive 429 waits 5 s at most).
 */
export const REPLY_LEASE_MS = 10_000;
/** A turn's replies are tried this many times in all (the first send included), then given up. */
export const MAX_REPLY_ATTEMPTS = 5;
/** Replies of turns older than this are not sent any more: an answer that late would confuse more than help. */
export const REPLY_RESEND_WINDOW_MS = 60 * 60_000;

/** A turn's replies waiting for the platform. */
export interface PendingTurn {
  id: string;
  channel: string;
  chatId: string;
  /** The replies not yet accepted (those already sent are left out). */
  replies: Reply[];
  /** How many of the turn's replies were accepted before these. */
  sent: number;
  locale: string | null;
}

export interface NewTurnReplies {
  channel: string;
  chatId: string;
  updateKey?: string | undefined;
  replies: readonly Reply[];
  locale?: string | undefined;
}

/** A reply as stored: the attachment's bytes as base64, so the row is JSON. */
type StoredReply = Omit<Reply, "attachment"> & { attachment?: Omit<Attachment, "data"> & { data: string } };

function encode(replies: readonly Reply[]): string {
  const stored: StoredReply[] = replies.map((r) =>
    r.attachment ? { ...r, attachment: { ...r.attachment, data: Buffer.from(r.attachment.data).toString("base64") } } : (r as StoredReply),
  );
  // PostgreSQL's json refuses a lone surrogate's escape: a reply quoting 32 characters of typed text cut
  // inside an emoji failed the whole turn. It is sent as the replacement character instead.
  return JSON.stringify(stored, (_key, value: unknown) => (typeof value === "string" ? wellFormed(value) : value));
}

function decode(value: unknown): Reply[] {
  const stored = (typeof value === "string" ? JSON.parse(value) : value) as StoredReply[];
  return stored.map((r) =>
    r.attachment ? { ...r, attachment: { ...r.attachment, data: new Uint8Array(Buffer.from(r.attachment.data, "base64")) } } : (r as Reply),
  );
}

const leaseEnd = (ms: number) => sql<Date>`now() + ${ms} * interval '1 millisecond'`;

/**
 * Store a turn's replies, claimed by the caller for REPLY_LEASE_MS. Call inside the turn's
 * transaction, so the replies commit with its effects and its de-duplication key or not at all.
 * Returns the row's id (for `markTurnRepliesSent`).
 */
export async function insertTurnReplies(db: Db, turn: NewTurnReplies): Promise<string> {
  const row = await db.insertInto("turn_reply").values(turnRow(turn)).returning("id").executeTakeFirstOrThrow();
  return String(row.id);
}

/** A turn's row as stored, claimed for the first send (the lease). */
function turnRow(turn: NewTurnReplies) {
  return {
    channel: turn.channel,
    chat_id: turn.chatId,
    update_key: turn.updateKey ?? null,
    replies: encode(turn.replies),
    locale: turn.locale ?? null,
    lease_until: leaseEnd(REPLY_LEASE_MS),
  };
}

/** A conversation's state written at the end of a batch group (`insertTurnRepliesMany`): saved, or cleared when `state` is null. */
export interface ConversationWrite {
  channel: string;
  chatId: string;
  state: Record<string, unknown> | null;
  expiresAt: Date;
  at: Date;
}

/**
 * `insertTurnReplies` for several turns in one statement (a group of a getUpdates batch, in its one
 * transaction), and with them the group's conversation writes (`saveConversation` or
 * `clearConversation` for each chat whose state changed: the group's chats are all different, so
 * writing them last changes nothing any turn of the group reads), and the rows of earlier turns whose
 * replies all went out (`sentTurns`: `deleteSentTurns`, in the group's transaction). Every turn needs
 * its own update key; returns the rows' ids by update key. One statement shape whatever the counts
 * (JSON lists, an id array).
 */
export async function insertTurnRepliesMany(
  db: Db,
  turns: readonly NewTurnReplies[],
  conversations: readonly ConversationWrite[] = [],
  sentTurns: readonly string[] = [],
): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  if (turns.length === 0 && conversations.length === 0 && sentTurns.length === 0) return ids;
  const replies = turns.map((turn) => {
    if (turn.updateKey === undefined) throw new Error("insertTurnRepliesMany: every turn needs an update key");
    return { channel: turn.channel, chat_id: turn.chatId, update_key: turn.updateKey, replies: encode(turn.replies), locale: turn.locale ?? null };
  });
  // The state as saveConversation passes it (JSON text, cast to jsonb by PostgreSQL).
  const states = conversations.map((c) => ({ channel: c.channel, chat_id: c.chatId, state: c.state === null ? null : JSON.stringify(c.state), expires_at: c.expiresAt, updated_at: c.at }));
  const { rows } = await groupWritesQuery(db, JSON.stringify(replies), JSON.stringify(states), sentTurns, REPLY_LEASE_MS);
  for (const row of rows) ids.set(row.update_key as string, String(row.id));
  return ids;
}

const groupWritesQuery = compiledOnce(
  (_db: Db, replies: string, states: string, sentTurns: readonly string[], leaseMs: number) => sql<{ id: string; update_key: string | null }>`
    with gone as (
      delete from turn_reply where id = any(${sentTurns}::bigint[])
    ),
    states as (
      select * from json_to_recordset(${states}::json) as s(channel text, chat_id text, state text, expires_at timestamptz, updated_at timestamptz)
    ),
    saved as (
      insert into conversation (channel, chat_id, state, expires_at, updated_at)
      select channel, chat_id, state::jsonb, expires_at, updated_at from states where state is not null
      on conflict (channel, chat_id) do update set state = excluded.state, expires_at = excluded.expires_at, updated_at = excluded.updated_at
    ),
    cleared as (
      delete from conversation c using states s where s.state is null and c.channel = s.channel and c.chat_id = s.chat_id
    )
    insert into turn_reply (channel, chat_id, update_key, replies, locale, lease_until)
    select channel, chat_id, update_key, replies::jsonb, locale, ${leaseEnd(leaseMs)}
    from json_to_recordset(${replies}::json) as r(channel text, chat_id text, update_key text, replies text, locale text)
    returning id, update_key`,
);

interface PendingRow {
  id: string;
  channel: string;
  chat_id: string;
  replies: unknown;
  sent: number;
  locale: string | null;
}

function pending(row: PendingRow): PendingTurn {
  return { id: String(row.id), channel: row.channel, chatId: row.chat_id, replies: decode(row.replies).slice(row.sent), sent: row.sent, locale: row.locale };
}

/** What the redelivery of an update found of its stored replies. */
export type UpdateClaim = { kind: "claimed"; turn: PendingTurn } | { kind: "held" } | { kind: "none" };

/**
 * Claim the unsent replies of one update (its redelivery found it handled before). `held` while
 * another path's claim runs (the live send, or a process that died); `none` when there is nothing
 * left to send (all sent, tried MAX_REPLY_ATTEMPTS times, or past the resend window). The guarded
 * `UPDATE … RETURNING` is the claim: two callers never both get the row.
 */
export async function claimRepliesOfUpdate(db: Db, channel: string, updateKey: string): Promise<UpdateClaim> {
  const { rows } = await sql<PendingRow>`
    update turn_reply set lease_until = ${leaseEnd(REPLY_LEASE_MS)}, attempts = attempts + 1
    where channel = ${channel} and update_key = ${updateKey}
      and lease_until < now() and attempts < ${MAX_REPLY_ATTEMPTS}
      and created_at > now() - ${REPLY_RESEND_WINDOW_MS} * interval '1 millisecond'
    returning id, channel, chat_id, replies, sent, locale`.execute(db);
  if (rows[0]) return { kind: "claimed", turn: pending(rows[0]) };
  const held = await db
    .selectFrom("turn_reply")
    .select("id")
    .where("channel", "=", channel)
    .where("update_key", "=", updateKey)
    .where("lease_until", ">=", sql<Date>`now()`)
    .where("attempts", "<", MAX_REPLY_ATTEMPTS)
    .executeTakeFirst();
  return held ? { kind: "held" } : { kind: "none" };
}

/**
 * Claim up to `limit` turns of a channel whose replies were never sent and whose claim ran out (the
 * process that stored them died, or the platform was unreachable), oldest first, within the resend
 * window. `FOR UPDATE SKIP LOCKED` lets several instances sweep side by side.
 */
export async function claimUnsentReplies(db: Db, channel: string, limit: number): Promise<PendingTurn[]> {
  const { rows } = await sql<PendingRow>`
    update turn_reply set lease_until = ${leaseEnd(REPLY_LEASE_MS)}, attempts = attempts + 1
    where id in (
      select id from turn_reply
      where channel = ${channel} and lease_until < now() and attempts < ${MAX_REPLY_ATTEMPTS}
        and created_at > now() - ${REPLY_RESEND_WINDOW_MS} * interval '1 millisecond'
      order by id
      limit ${limit}
      for update skip locked)
    returning id, channel, chat_id, replies, sent, locale`.execute(db);
  return rows.map(pending).sort((a, b) => Number(a.id) - Number(b.id));
}

/**
 * Record that the platform accepted the turn's replies up to `sent` (counted from the turn's first
 * reply); when that is all of them, the row goes.
 */
export async function markTurnRepliesSent(db: Db, id: string, sent: number, total: number): Promise<void> {
  if (sent >= total) {
    await db.deleteFrom("turn_reply").where("id", "=", id as never).execute();
    return;
  }
  // The claim is renewed with each reply, so a long turn (an export, several messages) keeps it.
  await db.updateTable("turn_reply").set({ sent, lease_until: leaseEnd(REPLY_LEASE_MS) }).where("id", "=", id as never).where("sent", "<", sent).execute();
}

/**
 * Delete turns whose replies were all accepted, in one statement: the "sent" marks of the turns that
 * finished while the previous mark was on its way (`SentMarks` in the bot) go together.
 */
export async function deleteSentTurns(db: Db, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await deleteTurnsQuery(db, ids);
}

/** One statement for any number of ids (an array parameter, not an `in` list per count), built once. */
const deleteTurnsQuery = compiledOnce((db: Db, ids: readonly string[]) => db.deleteFrom("turn_reply").where("id", "=", sql<string>`any(${ids}::bigint[])`));

/**
 * Free every claim at once: only for a process that knows no other one uses the database (the
 * embedded database's folder lock), after a crash left claims of a process that no longer runs.
 */
export async function releaseReplyClaims(db: Db): Promise<number> {
  const result = await db.updateTable("turn_reply").set({ lease_until: sql<Date>`now() - interval '1 second'` }).where("lease_until", ">", sql<Date>`now()`).executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** The daily clean-up: turns whose replies were given up or are past the resend window. */
export async function pruneStaleReplies(db: Db, now: Date): Promise<number> {
  const result = await db
    .deleteFrom("turn_reply")
    .where((eb) => eb.or([eb("attempts", ">=", MAX_REPLY_ATTEMPTS), eb("created_at", "<", new Date(now.getTime() - REPLY_RESEND_WINDOW_MS))]))
    .where("lease_until", "<", now)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
