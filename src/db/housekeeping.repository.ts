import { sql } from "kysely";
import type { Db } from "./schema.js";
import { pruneStaleReplies } from "./turn-reply.repository.js";

/** How long finished rows are kept before the daily clean-up removes them. */
export interface Retention {
  /** De-duplication keys of handled updates (platforms redeliver within a day). */
  inboundUpdatesDays: number;
  /** Outbox rows that are finished: sent, skipped, cancelled, dead. */
  finishedOutboxDays: number;
  /** The minute slots of the scheduler (one row a minute). */
  schedulerRunsDays: number;
  /** Which Telegram message a progress series edits. */
  progressMessagesDays: number;
  /** Conversation state past its expiry. */
  expiredConversationsDays: number;
}

export const DEFAULT_RETENTION: Retention = {
  inboundUpdatesDays: 7,
  finishedOutboxDays: 90,
  schedulerRunsDays: 30,
  progressMessagesDays: 7,
  expiredConversationsDays: 1,
};

export type PruneCounts = Record<"inboundUpdates" | "outbox" | "schedulerRuns" | "progressMessages" | "conversations" | "turnReplies", number>;

const DAY_MS = 86_400_000;
const before = (now: Date, days: number) => new Date(now.getTime() - days * DAY_MS);

/**
 * Remove rows that have done their job, each kind after its retention. Nothing still waiting is
 * touched: outbox rows pending or being sent, the latest finished slot of each scheduler job (the
 * catch-up after downtime counts from it), an announcement still going out.
 */
export async function pruneFinished(db: Db, now: Date, retention: Retention = DEFAULT_RETENTION): Promise<PruneCounts> {
  const inbound = await db.deleteFrom("inbound_update").where("received_at", "<", before(now, retention.inboundUpdatesDays)).executeTakeFirst();
  const outbox = await sql`
    delete from outbox o
    where o.status in ('sent', 'skipped', 'cancelled', 'dead')
      and coalesce(o.sent_at, o.next_attempt_at) < ${before(now, retention.finishedOutboxDays)}
      and (o.announcement_id is null or exists (select 1 from announcement a where a.id = o.announcement_id and a.status = 'done'))`.execute(db);
  const runs = await sql`
    delete from scheduler_run r
    where r.slot < ${before(now, retention.schedulerRunsDays)}
      and r.slot < (select max(l.slot) from scheduler_run l where l.name = r.name and l.finished_at is not null)`.execute(db);
  const progress = await db.deleteFrom("telegram_progress_message").where("updated_at", "<", before(now, retention.progressMessagesDays)).executeTakeFirst();
  const conversations = await db.deleteFrom("conversation").where("expires_at", "<", before(now, retention.expiredConversationsDays)).executeTakeFirst();
  // Sent replies are deleted as they go; what is left was given up or is past its resend window.
  const turnReplies = await pruneStaleReplies(db, now);
  return {
    inboundUpdates: Number(inbound.numDeletedRows),
    outbox: Number(outbox.numAffectedRows ?? 0),
    schedulerRuns: Number(runs.numAffectedRows ?? 0),
    progressMessages: Number(progress.numDeletedRows),
    conversations: Number(conversations.numDeletedRows),
    turnReplies,
  };
}
