import type { Db } from "./schema.js";

/** The Telegram message id a progress series last used in a chat, if any. */
export async function findProgressMessage(db: Db, chatId: string, editKey: string): Promise<number | undefined> {
  const row = await db
    .selectFrom("telegram_progress_message")
    .select("message_id")
    .where("chat_id", "=", chatId)
    .where("edit_key", "=", editKey)
    .executeTakeFirst();
  return row ? Number(row.message_id) : undefined;
}

/** Remember which message a progress series edits from now on. */
export async function saveProgressMessage(db: Db, chatId: string, editKey: string, messageId: number, at: Date): Promise<void> {
  await db
    .insertInto("telegram_progress_message")
    .values({ chat_id: chatId, edit_key: editKey, message_id: messageId, updated_at: at })
    .onConflict((oc) => oc.columns(["chat_id", "edit_key"]).doUpdateSet({ message_id: messageId, updated_at: at }))
    .execute();
}
