import { sql } from "kysely";
import type { Db } from "./schema.js";

/**
 * Link a group chat to a cell; a group belongs to one cell, so linking it again moves it.
 * Returns the cell it was linked to before, if another.
 */
export async function linkGroupChat(db: Db, link: { channel: string; chatId: string; cellId: number; linkedBy: number }, at: Date) {
  const before = await findGroupChat(db, link.channel, link.chatId);
  await db
    .insertInto("cell_group_chat")
    .values({ channel: link.channel, chat_id: link.chatId, cell_id: link.cellId, linked_by: link.linkedBy, linked_at: at })
    .onConflict((oc) => oc.columns(["channel", "chat_id"]).doUpdateSet({ cell_id: link.cellId, linked_by: link.linkedBy, linked_at: at }))
    .execute();
  return before;
}

/** The cell a group chat is linked to, if any. */
export async function findGroupChat(db: Db, channel: string, chatId: string) {
  return db
    .selectFrom("cell_group_chat")
    .selectAll()
    .where("channel", "=", channel)
    .where("chat_id", "=", chatId)
    .executeTakeFirst();
}

/** The group chats of a cell, most recently linked first (where cell-wide notices may be posted). */
export async function groupChatsOfCell(db: Db, cellId: number) {
  return db.selectFrom("cell_group_chat").selectAll().where("cell_id", "=", cellId).orderBy("linked_at", "desc").execute();
}

/** Forget a group chat (the bot was removed from it). */
export async function unlinkGroupChat(db: Db, channel: string, chatId: string) {
  await db.deleteFrom("cell_group_chat").where("channel", "=", channel).where("chat_id", "=", chatId).execute();
}

/** The group chats of many cells at once (the planner's snapshot): cell id → its linked chats, oldest link first. */
export async function groupChatsOfCells(db: Db, cellIds: readonly number[]): Promise<Map<number, { channel: string; chatId: string }[]>> {
  const out = new Map<number, { channel: string; chatId: string }[]>();
  if (cellIds.length === 0) return out;
  const rows = await db
    .selectFrom("cell_group_chat")
    .select(["cell_id", "channel", "chat_id"])
    .where("cell_id", "in", [...new Set(cellIds)])
    .orderBy("cell_id")
    .orderBy("linked_at")
    .orderBy("chat_id")
    .execute();
  for (const r of rows) {
    const list = out.get(r.cell_id) ?? [];
    list.push({ channel: r.channel, chatId: r.chat_id });
    out.set(r.cell_id, list);
  }
  return out;
}

/**
 * The end of the outbox key of a group's copy of a notice: the planner keys it like the person's, with
 * `group:<channel>:<chatId>` in place of the person id (domain/schedule/planner.ts, `groupCopies`).
 */
function groupKeySuffix(channel: string, chatId: string): string {
  return `:group:${channel}:${chatId}`;
}

export interface GroupChatMove {
  /** The cell whose link moved to the new id; null when the old id was not linked (or already moved). */
  cellId: number | null;
  /** Outbox rows now addressed to the new id. */
  rows: number;
}

/**
 * A group chat got a new id (Telegram: a group upgraded to a supergroup). Its link follows it, and so
 * do its outbox rows: their chat id, and the key of each group copy, so the planner's next tick (which
 * keys by the new id) finds the copies already planned or sent instead of posting them again. A link
 * already under the new id (the secretary linked the supergroup first) is the newer one and is kept;
 * the old link is then dropped, and of a notice with a copy under each id the one still waiting is
 * withdrawn. Run it in a transaction; running it again changes nothing.
 *
 * @example await db.transaction().execute((trx) => moveGroupChat(trx, "telegram", "-4001", "-1004001"))
 */
export async function moveGroupChat(db: Db, channel: string, fromChatId: string, toChatId: string): Promise<GroupChatMove> {
  if (fromChatId === toChatId) return { cellId: null, rows: 0 };
  const link = await db
    .selectFrom("cell_group_chat")
    .select("cell_id")
    .where("channel", "=", channel)
    .where("chat_id", "=", fromChatId)
    .forUpdate()
    .executeTakeFirst();
  let cellId: number | null = null;
  if (link) {
    const moved = await db
      .updateTable("cell_group_chat")
      .set({ chat_id: toChatId })
      .where("channel", "=", channel)
      .where("chat_id", "=", fromChatId)
      .where(({ not, exists, selectFrom }) =>
        not(exists(selectFrom("cell_group_chat as taken").select("taken.chat_id").where("taken.channel", "=", channel).where("taken.chat_id", "=", toChatId))),
      )
      .executeTakeFirst();
    if (Number(moved.numUpdatedRows) > 0) cellId = link.cell_id;
    else await unlinkGroupChat(db, channel, fromChatId);
  }

  const from = groupKeySuffix(channel, fromChatId);
  const to = groupKeySuffix(channel, toChatId);
  const renamed = sql<string>`left(o.dedupe_key, ${-from.length}) || ${to}`;
  const ownCopy = sql`o.channel = ${channel} and o.chat_id = ${fromChatId} and right(o.dedupe_key, ${from.length}) = ${from}`;
  const renamedTaken = sql`exists (select 1 from outbox taken where taken.dedupe_key = ${renamed})`;
  // Where both ids have a copy of a notice, one is withdrawn: the new one if the old was already posted
  // (the supergroup shows the old group's history), else the old one.
  await sql`
    update outbox taken set status = 'cancelled', dedupe_key = taken.dedupe_key || '#' || taken.id, claimed_at = null
    where taken.status in ('pending', 'failed')
      and exists (select 1 from outbox o where ${ownCopy} and o.status = 'sent' and taken.dedupe_key = ${renamed})`.execute(db);
  await sql`
    update outbox o set status = 'cancelled', dedupe_key = o.dedupe_key || '#' || o.id, claimed_at = null
    where ${ownCopy} and o.status in ('pending', 'failed') and ${renamedTaken}`.execute(db);
  await sql`update outbox o set dedupe_key = ${renamed} where ${ownCopy} and not ${renamedTaken}`.execute(db);
  const rows = await db.updateTable("outbox").set({ chat_id: toChatId }).where("channel", "=", channel).where("chat_id", "=", fromChatId).executeTakeFirst();
  return { cellId, rows: Number(rows.numUpdatedRows) };
}
