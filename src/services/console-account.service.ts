import { linkAccount, touchAccount } from "../db/chat-account.repository.js";
import { writeAudit } from "../db/audit.repository.js";
import type { Db } from "../db/schema.js";

/** The console "platform user id" of a person chatting locally with `chibo chat --as`. */
export function consoleUserId(personId: number): string {
  return `person-${personId}`;
}

/**
 * Link a console account to a person. Whoever runs `chibo chat` already holds the database,
 * so the console needs no invite; the link is still audited.
 */
export async function ensureConsoleAccount(db: Db, personId: number, now: Date): Promise<string> {
  const userId = consoleUserId(personId);
  const account = await touchAccount(db, { channel: "console", platformUserId: userId, chatId: userId }, now);
  if (account.person_id !== personId) {
    await linkAccount(db, account.id, personId, now);
    await writeAudit(db, {
      actorPersonId: null,
      action: "account.link",
      entity: "chat_account",
      entityId: account.id,
      before: { personId: account.person_id },
      after: { personId, via: "console" },
      at: now,
    });
  }
  return userId;
}
