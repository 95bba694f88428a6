import type { Db } from "./schema.js";
import { compiledOnce } from "./compiled.js";
import { wellFormed } from "../domain/text/well-formed.js";

/** The stored state of a chat, or undefined when none or expired. */
export async function loadConversation(db: Db, channel: string, chatId: string, now: Date) {
  const row = await db
    .selectFrom("conversation")
    .select(["state", "expires_at"])
    .where("channel", "=", channel)
    .where("chat_id", "=", chatId)
    .executeTakeFirst();
  if (!row) return undefined;
  return { state: row.state, expired: row.expires_at <= now };
}

export async function saveConversation(
  db: Db,
  channel: string,
  chatId: string,
  state: Record<string, unknown>,
  expiresAt: Date,
  now: Date,
) {
  // (Well formed, as a stored reply is: PostgreSQL's json refuses a lone surrogate a flow may have kept.)
  const json = JSON.stringify(state, (_key, value: unknown) => (typeof value === "string" ? wellFormed(value) : value));
  await saveConversationQuery(db, channel, chatId, json, expiresAt, now);
}

/** Built once, as `clearConversation`'s: a turn that starts, goes on with or ends a flow runs one of them. */
const saveConversationQuery = compiledOnce((db: Db, channel: string, chatId: string, json: string, expiresAt: Date, now: Date) =>
  db
    .insertInto("conversation")
    .values({ channel, chat_id: chatId, state: json, expires_at: expiresAt, updated_at: now })
    .onConflict((oc) => oc.columns(["channel", "chat_id"]).doUpdateSet({ state: json, expires_at: expiresAt, updated_at: now })),
);
const clearConversationQuery = compiledOnce((db: Db, channel: string, chatId: string) =>
  db.deleteFrom("conversation").where("channel", "=", channel).where("chat_id", "=", chatId),
);

export async function clearConversation(db: Db, channel: string, chatId: string) {
  await clearConversationQuery(db, channel, chatId);
}
