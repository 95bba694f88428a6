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
