import type { Kysely } from "kysely";
import { inboxOf, putInbox, removeFromInbox } from "../db/inbox.repository.js";
import type { Database } from "../db/schema.js";
import type { IncomingMessage } from "../messaging/message.js";

/** Where a channel whose platform cannot deliver an update twice keeps it until it was handled. */
export interface Inbox {
  /** Commit these before handling them. Throws while the database is away (keep them in memory). */
  put(messages: readonly IncomingMessage[]): Promise<void>;
  done(updateKey: string): Promise<void>;
  /** What is left from before (a crash between fetch and handling). */
  pending(): Promise<IncomingMessage[]>;
}

/**
 * A channel's inbox in the database (channels never import db/).
 *
 * @example new ZaloChannel({ ..., inbox: inbox(app.database.db, "zalo") })
 */
export function inbox(db: Kysely<Database>, channel: string): Inbox {
  return {
    put: (messages) => putInbox(db, messages),
    done: (updateKey) => removeFromInbox(db, channel, updateKey),
    pending: () => inboxOf(db, channel),
  };
}
