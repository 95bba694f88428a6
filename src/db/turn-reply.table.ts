import type { ColumnType, Generated, JSONColumnType } from "kysely";

/** The replies of a conversation turn not yet accepted by the platform (deleted once they are). */
export interface TurnReplyTable {
  /** int8 comes back as a string from both engines. */
  id: ColumnType<string, never, never>;
  channel: string;
  chat_id: string;
  update_key: string | null;
  /** `StoredReply[]`: neutral replies, attachment bytes in base64. */
  replies: JSONColumnType<unknown[], string, string>;
  locale: string | null;
  sent: Generated<number>;
  attempts: Generated<number>;
  lease_until: ColumnType<Date, Date | string, Date | string>;
  created_at: Generated<Date>;
}

/** An update fetched but not yet handled, from a platform that will not deliver it again. */
export interface InboxUpdateTable {
  channel: string;
  update_key: string;
  message: JSONColumnType<Record<string, unknown>, string, string>;
  received_at: Generated<Date>;
}
