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
