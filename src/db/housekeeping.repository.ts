import { sql } from "kysely";
import { retentionDays, type RetentionDays, type RetentionKind } from "../domain/privacy.js";
import type { Db } from "./schema.js";
import { pruneStaleReplies } from "./turn-reply.repository.js";
import { deleteDroppedCandidatesBefore, deleteStaleCandidatesBefore } from "./candidate.repository.js";
import { deleteTasksBefore } from "./cycle.repository.js";
import { deleteSelfReviewsBefore } from "./rating.repository.js";
import { deleteVillageRecordsBefore } from "./village-record.repository.js";

/** The quarter (`YYYY-Qn`) an instant falls in, in UTC: a day's difference at the edge does not matter here. */
function quarterOf(at: Date): string {
  return `${at.getUTCFullYear()}-Q${Math.floor(at.getUTCMonth() / 3) + 1}`;
}
import { pruneServedFiles } from "./served-file.repository.js";

/** Days each kind of record is kept: the retention table in `domain/privacy.ts`. */
export type Retention = RetentionDays;

/** The table's own days, before any province choice. */
export const DEFAULT_RETENTION: Retention = retentionDays();

export type PruneCounts = Record<RetentionKind | "turnReplies" | "servedFiles", number>;

/** An expired file link answers "expired" (not "not found") this long; its bytes go at expiry. */
export const SERVED_FILE_ROW_DAYS = 7;

const DAY_MS = 86_400_000;
const before = (now: Date, days: number) => new Date(now.getTime() - days * DAY_MS);

/**
 * Remove rows that have done their job, each kind after its retention (RETENTION_TABLE). Nothing
 * still waiting is touched: outbox rows pending or being sent, the latest finished slot of each
 * scheduler job (the catch-up after downtime counts from it), an announcement still going out,
 * an invite not yet used nor expired, a correction request still open.
 */
export async function pruneFinished(db: Db, now: Date, retention: Retention = DEFAULT_RETENTION): Promise<PruneCounts> {
  const inbound = await db.deleteFrom("inbound_update").where("received_at", "<", before(now, retention.inboundUpdates)).executeTakeFirst();
  const outbox = await sql`
    delete from outbox o
    where o.status in ('sent', 'skipped', 'cancelled', 'dead')
      and coalesce(o.sent_at, o.next_attempt_at) < ${before(now, retention.finishedOutbox)}
      and (o.announcement_id is null or exists (select 1 from announcement a where a.id = o.announcement_id and a.status = 'done'))`.execute(db);
  const runs = await sql`
    delete from scheduler_run r
    where r.slot < ${before(now, retention.schedulerRuns)}
      and r.slot < (select max(l.slot) from scheduler_run l where l.name = r.name and l.finished_at is not null)`.execute(db);
  const progress = await db.deleteFrom("telegram_progress_message").where("updated_at", "<", before(now, retention.progressMessages)).executeTakeFirst();
  const conversations = await db.deleteFrom("conversation").where("expires_at", "<", before(now, retention.conversations)).executeTakeFirst();
  const attempts = await db.deleteFrom("link_attempt").where("window_start", "<", before(now, retention.linkAttempts)).executeTakeFirst();
  const invites = await db
    .deleteFrom("invite")
    .where((eb) => eb.or([eb("used_at", "<", before(now, retention.finishedInvites)), eb.and([eb("used_at", "is", null), eb("expires_at", "<", before(now, retention.finishedInvites))])]))
    .executeTakeFirst();
  const access = await db.deleteFrom("access_log").where("at", "<", before(now, retention.accessLog)).executeTakeFirst();
  const audit = await db.deleteFrom("audit_log").where("at", "<", before(now, retention.audit)).executeTakeFirst();
  const corrections = await db
    .deleteFrom("correction_request")
    .where("status", "in", ["done", "declined"])
    .where("done_at", "<", before(now, retention.doneCorrections))
    .executeTakeFirst();
  const candidates = await deleteDroppedCandidatesBefore(db, before(now, retention.droppedCandidates).toISOString().slice(0, 10));
  const stale = await deleteStaleCandidatesBefore(db, before(now, retention.staleCandidates));
  const villages = await deleteVillageRecordsBefore(db, quarterOf(before(now, retention.villageRecords)));
  // A review year counts from its last day; a resolution's tasks from the end of its month.
  const reviews = await deleteSelfReviewsBefore(db, before(now, retention.selfReviews).getUTCFullYear());
  const taskCut = before(now, retention.resolutionTasks).toISOString().slice(0, 10);
  const tasks = await deleteTasksBefore(db, taskCut.slice(0, 7), taskCut);
  // Sent replies are deleted as they go; what is left was given up or is past its resend window.
  const turnReplies = await pruneStaleReplies(db, now);
  const servedFiles = await pruneServedFiles(db, now, SERVED_FILE_ROW_DAYS);
  return {
    inboundUpdates: Number(inbound.numDeletedRows),
    finishedOutbox: Number(outbox.numAffectedRows ?? 0),
    schedulerRuns: Number(runs.numAffectedRows ?? 0),
    progressMessages: Number(progress.numDeletedRows),
    conversations: Number(conversations.numDeletedRows),
    linkAttempts: Number(attempts.numDeletedRows),
    finishedInvites: Number(invites.numDeletedRows),
    accessLog: Number(access.numDeletedRows),
    audit: Number(audit.numDeletedRows),
    doneCorrections: Number(corrections.numDeletedRows),
    droppedCandidates: candidates,
    staleCandidates: stale,
    villageRecords: villages,
    selfReviews: reviews,
    resolutionTasks: tasks,
    turnReplies,
    servedFiles,
  };
}
