import { checkOutboxMessage } from "../messaging/outbox-message.js";
import { sql, type RawBuilder } from "kysely";
import { NOT_FOR_NOTICES, preferredAccountOrder } from "./channel-pref.repository.js";
import { subtreeCte } from "./org.repository.js";
import type { Db } from "./schema.js";


/**
 * Everyone holding a role in force in the org or under it, once each, with the account their
 * notices go to (the channel they chose with `/kenh`, else the reachable one used last — the
 * choice `reminderAccounts` makes), or nulls when they have none. A query, for counting or inserting.
 */
function recipientsQuery(orgId: number, today: string): RawBuilder<unknown> {
  return sql`
    with recursive ${subtreeCte(orgId)},
    people as (
      select distinct r.person_id from role r join down on r.org_id = down.id
      where r.valid_from <= ${today} and (r.valid_to is null or r.valid_to > ${today})
    )
    select people.person_id, a.id as account_id, a.channel, a.chat_id
    from people
    left join lateral (
      select ca.id, ca.channel, ca.chat_id from chat_account ca
      left join person_channel_pref pref on pref.person_id = ca.person_id
      where ca.person_id = people.person_id and ca.reachable and ca.channel <> ${NOT_FOR_NOTICES}
      order by ${preferredAccountOrder("ca", "pref")}
      limit 1
    ) a on true`;
}

export interface RecipientCounts {
  /** People in the subtree. */
  total: number;
  /** Of them, those with a messenger account the notice can go to. */
  reachable: number;
  /** Cells in force in the subtree. */
  cells: number;
}

/** How many people an announcement to the org would reach, and how many cells it covers. */
export async function countRecipients(db: Db, orgId: number, today: string): Promise<RecipientCounts> {
  const people = await sql<{ total: number; reachable: number }>`
    select count(*)::int as total, count(account_id)::int as reachable from (${recipientsQuery(orgId, today)}) r`.execute(db);
  const cells = await sql<{ cells: number }>`
    with recursive ${subtreeCte(orgId)}
    select count(*)::int as cells from org join down on down.id = org.id
    where org.kind in ('chi_bo_co_so', 'chi_bo_truc_thuoc')
      and org.valid_from <= ${today} and (org.valid_to is null or org.valid_to > ${today})`.execute(db);
  const row = people.rows[0];
  return { total: row?.total ?? 0, reachable: row?.reachable ?? 0, cells: cells.rows[0]?.cells ?? 0 };
}

export interface NewAnnouncement {
  orgId: number;
  authorId: number;
  body: string;
  draftKey: string;
  origin: { channel: string; chatId: string };
  at: Date;
}

/**
 * Store the announcement and queue one outbox copy per recipient, in one statement each (a
 * province is tens of thousands of rows). People with no account get a `skipped` (`unlinked`)
 * copy, so the stats count them. Returns undefined when this draft was already sent.
 */
export async function createAnnouncement(
  db: Db,
  a: NewAnnouncement,
  today: string,
  payload: Record<string, unknown>,
  expiresAt: Date,
): Promise<{ id: number; recipients: number; queued: number } | undefined> {
  const inserted = await db
    .insertInto("announcement")
    .values({
      org_id: a.orgId,
      author_id: a.authorId,
      body: a.body,
      draft_key: a.draftKey,
      recipients: 0,
      origin_channel: a.origin.channel,
      origin_chat_id: a.origin.chatId,
      created_at: a.at,
    })
    .onConflict((oc) => oc.column("draft_key").doNothing())
    .returning("id")
    .executeTakeFirst();
  if (!inserted) return undefined;
  const id = inserted.id;
  await sql`
    insert into outbox (dedupe_key, kind, person_id, org_id, account_id, channel, chat_id, payload, due_at, expires_at,
                        status, last_error, next_attempt_at, announcement_id)
    select 'ann:' || ${id}::int || ':' || r.person_id, 'announcement', r.person_id, ${a.orgId}::int, r.account_id, r.channel, r.chat_id,
           ${JSON.stringify(checkOutboxMessage("announcement", { ...payload, announcement: id }).payload)}::jsonb, ${a.at}::timestamptz, ${expiresAt}::timestamptz,
           case when r.account_id is null then 'skipped' else 'pending' end,
           case when r.account_id is null then 'unlinked' end, ${a.at}::timestamptz, ${id}::int
    from (${recipientsQuery(a.orgId, today)}) r
    order by r.person_id
    on conflict (dedupe_key) do nothing`.execute(db);
  const counts = await deliveryCounts(db, id);
  const recipients = counts.sent + counts.unreachable + counts.pending;
  await db.updateTable("announcement").set({ recipients }).where("id", "=", id).execute();
  return { id, recipients, queued: counts.pending };
}

export interface DeliveryCounts {
  sent: number;
  /** Not delivered and not going to be: no account (`unlinked`), blocked the bot, refused, too late. */
  unreachable: number;
  /** Of those, people with no messenger account at all. */
  unlinked: number;
  /** Still queued or waiting to retry. */
  pending: number;
}

/** Where an announcement's copies stand, counted from the outbox. */
export async function deliveryCounts(db: Db, announcementId: number): Promise<DeliveryCounts> {
  const rows = await db
    .selectFrom("outbox")
    .select(["status", "last_error", sql<number>`count(*)::int`.as("n")])
    .where("announcement_id", "=", announcementId)
    .groupBy(["status", "last_error"])
    .execute();
  const out: DeliveryCounts = { sent: 0, unreachable: 0, unlinked: 0, pending: 0 };
  for (const r of rows) {
    if (r.status === "sent") out.sent += r.n;
    else if (r.status === "pending" || r.status === "sending" || r.status === "failed") out.pending += r.n;
    else {
      out.unreachable += r.n;
      if (r.last_error === "unlinked") out.unlinked += r.n;
    }
  }
  return out;
}

export async function findAnnouncement(db: Db, id: number) {
  return db.selectFrom("announcement").selectAll().where("id", "=", id).executeTakeFirst();
}

/** The announcement sent from a preview (its draft key), if any. */
export async function findAnnouncementByDraftKey(db: Db, draftKey: string) {
  return db.selectFrom("announcement").select(["id", "author_id", "org_id", "body", "created_at"]).where("draft_key", "=", draftKey).executeTakeFirst();
}

/** Where an announcement stands: its final counts once done, else counted from the outbox now. */
export async function announcementCounts(
  db: Db,
  a: { id: number; status: string; sent: number | null; unreachable: number | null; unlinked: number | null },
): Promise<DeliveryCounts> {
  if (a.status === "done" && a.sent !== null) return { sent: a.sent, unreachable: a.unreachable ?? 0, unlinked: a.unlinked ?? 0, pending: 0 };
  return deliveryCounts(db, a.id);
}

/** Mark it done with its final counts, once: true only for the caller that made the change. */
export async function finishAnnouncement(db: Db, id: number, at: Date, counts: DeliveryCounts): Promise<boolean> {
  const result = await db
    .updateTable("announcement")
    .set({ status: "done", finished_at: at, sent: counts.sent, unreachable: counts.unreachable, unlinked: counts.unlinked })
    .where("id", "=", id)
    .where("status", "=", "sending")
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Announcements still going out (the sender checks them after a restart). */
export async function announcementsSending(db: Db) {
  return db.selectFrom("announcement").select("id").where("status", "=", "sending").orderBy("id").execute();
}

/** The latest announcements to the given orgs, newest first, with the org's name. */
export async function recentAnnouncements(db: Db, orgIds: readonly number[], limit: number) {
  if (orgIds.length === 0) return [];
  return db
    .selectFrom("announcement")
    .innerJoin("org", "org.id", "announcement.org_id")
    .select([
      "announcement.id",
      "announcement.body",
      "announcement.recipients",
      "announcement.status",
      "announcement.sent",
      "announcement.unreachable",
      "announcement.unlinked",
      "announcement.created_at",
      "announcement.author_id",
      "org.name as org_name",
    ])
    .where("announcement.org_id", "in", [...orgIds])
    .orderBy("announcement.id", "desc")
    .limit(limit)
    .execute();
}
