import type { Kysely } from "kysely";
import { setAccountReachable } from "../db/chat-account.repository.js";
import { unlinkGroupChat } from "../db/cell-group-chat.repository.js";
import type { Database } from "../db/schema.js";
import { findProgressMessage, saveProgressMessage } from "../db/telegram-progress.repository.js";

const CHANNEL = "telegram";

/**
 * What the Telegram channel keeps in the database (it never imports db/ itself): reachability of
 * private chats, group links the bot lost, and the message each progress series edits.
 *
 * @example new TelegramChannel({ ..., store: telegramStore(app.database.db) })
 */
export function telegramStore(db: Kysely<Database>, now: () => Date = () => new Date()) {
  return {
    setReachable: (chatId: string, reachable: boolean) => setAccountReachable(db, CHANNEL, chatId, reachable),
    groupRemoved: (chatId: string) => unlinkGroupChat(db, CHANNEL, chatId),
    progressMessage: (chatId: string, editKey: string) => findProgressMessage(db, chatId, editKey),
    rememberProgressMessage: (chatId: string, editKey: string, messageId: number) => saveProgressMessage(db, chatId, editKey, messageId, now()),
  };
}
