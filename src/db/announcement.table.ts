import type { Generated } from "kysely";

export const ANNOUNCEMENT_STATUSES = ["sending", "done"] as const;
export type AnnouncementStatus = (typeof ANNOUNCEMENT_STATUSES)[number];

/**
 * An announcement to an org's subtree. Each recipient's copy is an outbox row with
 * `announcement_id` set; `done` once none of them is waiting any more.
 */
export interface AnnouncementTable {
  id: Generated<number>;
  org_id: number;
  author_id: number;
  body: string;
  draft_key: string;
  recipients: number;
  origin_channel: string;
  origin_chat_id: string;
  status: Generated<AnnouncementStatus>;
  created_at: Date;
  finished_at: Date | null;
  /** Final counts, set when done (the outbox copies may be cleared later). */
  sent: number | null;
  unreachable: number | null;
  unlinked: number | null;
}
