import type { Db } from "./schema.js";

export interface AccountKey {
  channel: string;
  platformUserId: string;
  chatId: string;
}

/**
 * Find or create the account a message came from; refreshes its chat id and last-seen time.
 * A group message (`privateChat` false) never becomes the account's chat: reminders and personal
 * replies must not land in a group, so a first sighting in a group stays unreachable until the
 * person writes to the bot privately. The bot applies the same rules in `openInbound`
 * (preamble.repository.ts), folded into the statement that opens each message: keep them alike.
 */
export async function touchAccount(db: Db, key: AccountKey, at: Date, privateChat = true) {
  if (!privateChat) {
    return db
      .insertInto("chat_account")
      .values({ channel: key.channel, platform_user_id: key.platformUserId, chat_id: key.chatId, last_seen_at: at, reachable: false })
      .onConflict((oc) => oc.columns(["channel", "platform_user_id"]).doUpdateSet({ last_seen_at: at }))
      .returningAll()
      .executeTakeFirstOrThrow();
  }
  const row = await db
    .insertInto("chat_account")
    .values({ channel: key.channel, platform_user_id: key.platformUserId, chat_id: key.chatId, last_seen_at: at })
    .onConflict((oc) =>
      oc.columns(["channel", "platform_user_id"]).doUpdateSet({ chat_id: key.chatId, last_seen_at: at, reachable: true }),
    )
    .returningAll()
    .executeTakeFirstOrThrow();
  return row;
}

export async function findAccount(db: Db, channel: string, platformUserId: string) {
  return db
    .selectFrom("chat_account")
    .selectAll()
    .where("channel", "=", channel)
    .where("platform_user_id", "=", platformUserId)
    .executeTakeFirst();
}

export async function linkAccount(db: Db, accountId: number, personId: number, at: Date) {
  await db.updateTable("chat_account").set({ person_id: personId, linked_at: at }).where("id", "=", accountId).execute();
}

export async function setAccountLanguage(db: Db, accountId: number, language: string) {
  await db.updateTable("chat_account").set({ language }).where("id", "=", accountId).execute();
}

export async function setAccountReachable(db: Db, channel: string, chatId: string, reachable: boolean) {
  await db
    .updateTable("chat_account")
    .set({ reachable })
    .where("channel", "=", channel)
    .where("chat_id", "=", chatId)
    .execute();
}

export async function accountsOfPerson(db: Db, personId: number) {
  return db.selectFrom("chat_account").selectAll().where("person_id", "=", personId).orderBy("id").execute();
}

/** The language chosen in a chat, if its account chose one. */
export async function languageOfChat(db: Db, channel: string, chatId: string): Promise<string | null | undefined> {
  const row = await db.selectFrom("chat_account").select("language").where("channel", "=", channel).where("chat_id", "=", chatId).executeTakeFirst();
  return row?.language;
}

/** A person's reachable account in one chat of a channel other than `exceptChannel`, if there is one. */
export async function reachableAccountInChat(db: Db, personId: number, channel: string, chatId: string, exceptChannel: string) {
  const row = await db
    .selectFrom("chat_account")
    .select(["id", "channel", "chat_id"])
    .where("channel", "=", channel)
    .where("chat_id", "=", chatId)
    .where("person_id", "=", personId)
    .where("reachable", "=", true)
    .where("channel", "<>", exceptChannel)
    .executeTakeFirst();
  return row ? { accountId: row.id, channel: row.channel, chatId: row.chat_id } : undefined;
}
