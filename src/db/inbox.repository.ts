import type { IncomingMessage } from "../messaging/message.js";
import type { Db } from "./schema.js";

/**
 * Commit fetched updates before anything else is done with them (the ones already in, by key, are
 * left as they are). Each must carry its `updateId`.
 */
export async function putInbox(db: Db, messages: readonly IncomingMessage[]): Promise<void> {
  if (messages.length === 0) return;
  await db
    .insertInto("inbox_update")
    .values(messages.map((m) => ({ channel: m.channel, update_key: m.updateId as string, message: JSON.stringify({ ...m, at: m.at.toISOString() }) })))
    .onConflict((oc) => oc.columns(["channel", "update_key"]).doNothing())
    .execute();
}

/** The update was handled (its turn committed with its own de-duplication key): it leaves the inbox. */
export async function removeFromInbox(db: Db, channel: string, updateKey: string): Promise<void> {
  await db.deleteFrom("inbox_update").where("channel", "=", channel).where("update_key", "=", updateKey).execute();
}

/** What a stopped process left in the inbox, oldest first (handled again at start: duplicates are recognised). */
export async function inboxOf(db: Db, channel: string): Promise<IncomingMessage[]> {
  const rows = await db.selectFrom("inbox_update").select("message").where("channel", "=", channel).orderBy("received_at").orderBy("update_key").execute();
  return rows.map((r) => {
    const m = (typeof r.message === "string" ? JSON.parse(r.message) : r.message) as IncomingMessage & { at: string };
    return { ...m, at: new Date(m.at) };
  });
}
