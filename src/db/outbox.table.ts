import type { Generated, JSONColumnType } from "kysely";

export const OUTBOX_STATUSES = ["pending", "sending", "sent", "failed", "dead", "skipped", "cancelled"] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

/**
 * One message to deliver, durable: planned once per `dedupe_key`, claimed by the sender, marked when done.
 * `failed` waits for `next_attempt_at`; `dead` gave up (visible to admins); `skipped` will never be sent
 * (unlinked, unreachable, stale); `cancelled` was withdrawn (a rescheduled meeting's old reminders).
 */
export interface OutboxTable {
  id: Generated<number>;
  dedupe_key: string;
  kind: string;
  person_id: number | null;
  org_id: number | null;
  account_id: number | null;
  channel: string | null;
  chat_id: string | null;
  payload: JSONColumnType<Record<string, unknown>, string, string>;
  due_at: Date;
  expires_at: Date | null;
  status: OutboxStatus;
  attempts: Generated<number>;
  next_attempt_at: Date;
  claimed_at: Date | null;
  sent_at: Date | null;
  /** The error kind only (`transient`, `unreachable`, `stale`, …), never a platform message. */
  last_error: string | null;
  /** Set on the copies of an announcement (`/thongbao`). */
  announcement_id: Generated<number | null>;
  /** Replies of the message already delivered (a digest's text before its chart): a retry sends the rest. */
  parts_sent: Generated<number>;
  created_at: Generated<Date>;
}
