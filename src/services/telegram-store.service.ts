import type { Kysely } from "kysely";
import { setAccountReachable } from "../db/chat-account.repository.js";
import { writeAudit } from "../db/audit.repository.js";
import { moveGroupChat, unlinkGroupChat } from "../db/cell-group-chat.repository.js";
import type { Database } from "../db/schema.js";
import { findProgressMessage, saveProgressMessage } from "../db/telegram-progress.repository.js";

const CHANNEL = "telegram";

/**
 * What the Telegram channel keeps in the database (it never imports db/ itself): reachability of
 * private chats, group links the bot lost or that moved (a group upgraded to a supergroup), and the
 * message each progress series edits.
 *
 * @example new TelegramChannel({ ..., store: telegramStore(app.database.db) })
 */
export function telegramStore(db: Kysely<Database>, now: () => Date = () => new Date()) {
  return {
    setReachable: (chatId: string, reachable: boolean) => setAccountReachable(db, CHANNEL, chatId, reachable),
    groupRemoved: (chatId: string) => unlinkGroupChat(db, CHANNEL, chatId),
    groupMigrated: (fromChatId: string, toChatId: string) =>
      db.transaction().execute(async (trx) => {
        const moved = await moveGroupChat(trx, CHANNEL, fromChatId, toChatId);
        if (moved.cellId === null) return;
        await writeAudit(trx, {
          actorPersonId: null,
          action: "group.migrate",
          entity: "cell_group_chat",
          entityId: `${CHANNEL}:${toChatId}`,
          before: { chatId: fromChatId },
          after: { chatId: toChatId, cellId: moved.cellId },
          at: now(),
        });
      }),
    progressMessage: (chatId: string, editKey: string) => findProgressMessage(db, chatId, editKey),
    rememberProgressMessage: (chatId: string, editKey: string, messageId: number) => saveProgressMessage(db, chatId, editKey, messageId, now()),
  };
}
