import { randomBytes } from "node:crypto";
import { ANNOUNCEMENT_TTL_MS } from "../domain/announcement.js";
import { can } from "../domain/access.js";
import { ChiboError } from "../domain/errors.js";
import type { Actor } from "../domain/roles.js";
import {
  announcementCounts,
  countRecipients,
  createAnnouncement,
  deliveryCounts,
  findAnnouncement,
  findAnnouncementByDraftKey,
  finishAnnouncement,
  recentAnnouncements,
  type DeliveryCounts,
  type RecipientCounts,
} from "../db/announcement.repository.js";
import { writeAudit } from "../db/audit.repository.js";
import { NOT_FOR_NOTICES, preferredAccountOf } from "../db/channel-pref.repository.js";
import { enqueueMessages } from "../db/outbox.repository.js";
import { childrenInForce, findOrgById, orgPath, subtreeIds } from "../db/org.repository.js";
import { reachableAccountInChat } from "../db/chat-account.repository.js";
import type { Db } from "../db/schema.js";
import { requireAccess } from "./actor.service.js";
import { byNameVi } from "../domain/text/collate.js";

const MAX_TARGETS = 20;

export interface AnnouncementTarget {
  id: number;
  name: string;
}

/**
 * The orgs the actor may send to, widest first: each org where they hold a role that grants
 * `announcement.send`, then the units directly under it that are in force.
 */
export async function announcementTargets(db: Db, actor: Actor, today: string): Promise<AnnouncementTarget[]> {
  const out: AnnouncementTarget[] = [];
  const seen = new Set<number>();
  for (const orgId of await sendRoots(db, actor)) {
    const org = await findOrgById(db, orgId);
    if (org && !seen.has(org.id)) {
      seen.add(org.id);
      out.push({ id: org.id, name: org.name });
    }
  }
  // Every root's children in one query, then listed root by root as before.
  const allChildren = await childrenInForce(db, out.map((r) => r.id), today);
  for (const root of [...out]) {
    const children = allChildren.filter((c) => c.parentId === root.id);
    children.sort(byNameVi((c) => c.name));
    for (const c of children) {
      if (seen.has(c.id)) continue;
      seen.add(c.id);
      out.push({ id: c.id, name: c.name });
    }
  }
  return out.slice(0, MAX_TARGETS);
}

export interface AnnouncementPreview {
  orgId: number;
  orgName: string;
  counts: RecipientCounts;
}

/** Who an announcement to the org would reach; refused outside the actor's reach. */
export async function previewAnnouncement(db: Db, actor: Actor, orgId: number, today: string): Promise<AnnouncementPreview> {
  await requireAccess(db, actor, "announcement.send", { orgId });
  const org = await findOrgById(db, orgId);
  if (!org) throw new ChiboError("not_found");
  return { orgId, orgName: org.name, counts: await countRecipients(db, orgId, today) };
}

/** A fresh key for one preview: confirming the same preview twice sends once. */
export function newDraftKey(): string {
  return randomBytes(9).toString("base64url");
}

export interface SentAnnouncement {
  id: number;
  recipients: number;
  queued: number;
  /** The unit named as sender in each copy ("Thông báo của …"). */
  from: string;
}

/**
 * Queue the announcement for everyone in the subtree (one copy per person, on the channel they
 * chose) and record who sent what. Undefined when this draft was already sent.
 */
export async function sendAnnouncement(
  db: Db,
  actor: Actor,
  draft: { orgId: number; body: string; draftKey: string },
  origin: { channel: string; chatId: string },
  now: Date,
  today: string,
): Promise<SentAnnouncement | undefined> {
  await requireAccess(db, actor, "announcement.send", { orgId: draft.orgId });
  const org = await findOrgById(db, draft.orgId);
  if (!org) throw new ChiboError("not_found");
  const sender = await senderOrg(db, actor, draft.orgId);
  const from = sender?.name ?? org.name;
  const created = await createAnnouncement(
    db,
    { orgId: draft.orgId, authorId: actor.personId, body: draft.body, draftKey: draft.draftKey, origin, at: now },
    today,
    { from, text: draft.body },
    new Date(now.getTime() + ANNOUNCEMENT_TTL_MS),
  );
  if (!created) return undefined;
  await writeAudit(db, {
    actorPersonId: actor.personId,
    action: "announcement.send",
    entity: "announcement",
    entityId: created.id,
    after: { org: draft.orgId, recipients: created.recipients, length: draft.body.length },
    at: now,
  });
  // Nobody to wait for (no one in the subtree has an account): the stats are final now.
  if (created.queued === 0) await completeIfDone(db, created.id, now);
  return { ...created, from };
}

/**
 * When none of its copies is waiting any more: mark the announcement done (once) and queue the
 * delivery stats to its author. Returns the counts and whether this call finished it.
 */
export async function completeIfDone(db: Db, id: number, now: Date): Promise<{ counts: DeliveryCounts; finished: boolean }> {
  // Done and its stats queued together, or neither.
  if (!db.isTransaction) return db.transaction().execute((trx) => completeIfDone(trx, id, now));
  const counts = await deliveryCounts(db, id);
  if (counts.pending > 0) return { counts, finished: false };
  const finished = await finishAnnouncement(db, id, now, counts);
  if (!finished) return { counts, finished: false };
  const a = await findAnnouncement(db, id);
  if (!a) return { counts, finished: false };
  const org = await findOrgById(db, a.org_id);
  await enqueueMessages(db, [
    {
      key: `ann:${id}:stats`,
      kind: "announcement.stats",
      personId: a.author_id,
      orgId: a.org_id,
      to: await authorChat(db, a.author_id, a.origin_channel, a.origin_chat_id),
      payload: { announcement: id, org: org?.name ?? "", recipients: a.recipients, ...counts },
      dueAt: now,
      expiresAt: null,
    },
  ]);
  return { counts, finished: true };
}

/** The chat the author confirmed in, when it can carry a message; else their preferred account. */
async function authorChat(db: Db, authorId: number, channel: string, chatId: string) {
  const origin = await reachableAccountInChat(db, authorId, channel, chatId, NOT_FOR_NOTICES);
  if (origin) return origin;
  return (await preferredAccountOf(db, authorId)) ?? null;
}

export interface AnnouncementStatus {
  id: number;
  orgName: string;
  body: string;
  createdAt: Date;
  recipients: number;
  counts: DeliveryCounts;
}

/** The latest announcements within the actor's reach, with where their delivery stands. */
export async function announcementStatuses(db: Db, actor: Actor, limit = 5): Promise<AnnouncementStatus[]> {
  const orgIds = new Set<number>();
  for (const root of await sendRoots(db, actor)) for (const id of await subtreeIds(db, root)) orgIds.add(id);
  const rows = await recentAnnouncements(db, [...orgIds], limit);
  const out: AnnouncementStatus[] = [];
  for (const r of rows) {
    out.push({ id: r.id, orgName: r.org_name, body: r.body, createdAt: r.created_at, recipients: r.recipients, counts: await announcementCounts(db, r) });
  }
  return out;
}

/**
 * The announcement this author sent from the preview with this draft key, if any: a second press of its
 * "Gửi" is told it went, not that nothing did.
 */
export async function sentFromPreview(db: Db, actor: Actor, draftKey: string): Promise<{ id: number; createdAt: Date; orgName: string } | undefined> {
  const a = await findAnnouncementByDraftKey(db, draftKey);
  if (!a || a.author_id !== actor.personId) return undefined;
  const org = await findOrgById(db, a.org_id);
  return { id: a.id, createdAt: a.created_at, orgName: org?.name ?? "" };
}

/** One announcement's delivery, for its author or anyone who could have sent it. */
export async function announcementStatus(db: Db, actor: Actor, id: number): Promise<AnnouncementStatus> {
  const a = await findAnnouncement(db, id);
  if (!a) throw new ChiboError("not_found");
  await requireAccess(db, actor, "announcement.send", { orgId: a.org_id });
  const org = await findOrgById(db, a.org_id);
  return { id, orgName: org?.name ?? "", body: a.body, createdAt: a.created_at, recipients: a.recipients, counts: await announcementCounts(db, a) };
}

/** The author's unit for an announcement to the org: the widest org on its path the actor announces from. */
async function senderOrg(db: Db, actor: Actor, orgId: number) {
  const roots = new Set(await sendRoots(db, actor));
  const from = (await orgPath(db, orgId)).find((id) => roots.has(id));
  return from === undefined ? undefined : findOrgById(db, from);
}

/** The orgs where the actor holds a role that lets them announce to its subtree. */
async function sendRoots(db: Db, actor: Actor): Promise<number[]> {
  const granting = new Map<number, number[]>();
  for (const orgId of new Set(actor.roles.map((r) => r.orgId))) {
    const path = await orgPath(db, orgId);
    if (can(actor, "announcement.send", { orgPath: path })) granting.set(orgId, path);
  }
  // Widest first; an org under another one in the list is reached through it.
  return [...granting.entries()]
    .filter(([orgId, path]) => !path.some((up) => up !== orgId && granting.has(up)))
    .sort((a, b) => a[1].length - b[1].length)
    .map(([orgId]) => orgId);
}
