import { sql } from "kysely";
import { subtreeCte } from "./org.repository.js";
import type { Db } from "./schema.js";

/** The app_setting key counting the province's changes to retention periods (`/luutru`): the notice's revision. */
export const NOTICE_REVISION_SETTING = "retention_revision";

export interface ConsentEntry {
  personId: number;
  accountId: number;
  channel: string;
  noticeVersion: number;
  /** The notice's revision (retention periods changed since its version); 0 when omitted. */
  periodsRevision?: number;
  decision: "accepted" | "refused" | "shown";
  at: Date;
}

export async function insertConsent(db: Db, e: ConsentEntry): Promise<void> {
  await db
    .insertInto("privacy_consent")
    .values({ person_id: e.personId, account_id: e.accountId, channel: e.channel, notice_version: e.noticeVersion, periods_revision: e.periodsRevision ?? 0, decision: e.decision, at: e.at })
    .execute();
}

/**
 * Whether this account has been shown (and accepted, refused or only seen) the notice of this version
 * at the revision in force, or a later one. One query: it runs before every private message.
 */
export async function sawNotice(db: Db, accountId: number, version: number): Promise<boolean> {
  const revision = sql<number>`coalesce((select (value #>> '{}')::integer from app_setting where key = ${NOTICE_REVISION_SETTING}), 0)`;
  const row = await db
    .selectFrom("privacy_consent")
    .select("id")
    .where("account_id", "=", accountId)
    .where(sql<boolean>`(notice_version, periods_revision) >= (${version}, ${revision})`)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/** The account's latest notice row (shown, accepted or refused), or undefined. */
export async function lastConsentOfAccount(db: Db, accountId: number) {
  return db
    .selectFrom("privacy_consent")
    .select(["notice_version", "periods_revision", "decision"])
    .where("account_id", "=", accountId)
    .orderBy("id", "desc")
    .limit(1)
    .executeTakeFirst();
}

/** The notice's current revision: how many times the province changed a retention period. */
export async function noticeRevision(db: Db): Promise<number> {
  const row = await db.selectFrom("app_setting").select("value").where("key", "=", NOTICE_REVISION_SETTING).executeTakeFirst();
  return row ? Number(row.value) : 0;
}

export async function consentsOfPerson(db: Db, personId: number) {
  return db
    .selectFrom("privacy_consent")
    .select(["channel", "notice_version", "periods_revision", "decision", "at"])
    .where("person_id", "=", personId)
    .orderBy("at")
    .orderBy("id")
    .execute();
}

export interface AccessEntry {
  at: Date;
  viewerPersonId: number;
  what: string;
  orgId: number | null;
  subjectPersonId: number | null;
  peopleCount: number | null;
  /** The people a view of a group named, kept in the one row; omitted or empty: none known. */
  subjectIds?: readonly number[];
  /** The report the view opened. */
  reportId?: number | null;
}

export async function insertAccess(db: Db, e: AccessEntry): Promise<void> {
  const ids = e.subjectIds && e.subjectIds.length > 0 ? [...new Set(e.subjectIds)] : null;
  await db
    .insertInto("access_log")
    .values({
      at: e.at,
      viewer_person_id: e.viewerPersonId,
      what: e.what,
      org_id: e.orgId,
      subject_person_id: e.subjectPersonId,
      people_count: e.peopleCount,
      subject_ids: ids ? sql<number[]>`${ids}::int[]` : null,
      report_id: e.reportId ?? null,
    })
    .execute();
}

/** Access-log rows for orgs in the subtree of `rootId` since `since`, newest first, with names. */
export async function accessUnder(db: Db, rootId: number, since: Date, limit: number) {
  const result = await sql<{ at: Date; viewer: string; what: string; org: string | null; subject: string | null; people_count: number | null }>`
    with recursive ${subtreeCte(rootId)}
    select l.at, v.full_name as viewer, l.what, o.name as org, s.full_name as subject, l.people_count
    from access_log l
    join person v on v.id = l.viewer_person_id
    left join org o on o.id = l.org_id
    left join person s on s.id = l.subject_person_id
    where l.org_id in (select id from down) and l.at >= ${since}
    order by l.at desc, l.id desc
    limit ${limit}`.execute(db);
  return result.rows;
}

export interface AccessToPersonRow {
  at: Date;
  what: string;
  viewer: string;
  /** The viewer's role on that day that reaches the viewed org (the org itself, then the levels above; a leader's role before plain membership), or any role then. */
  viewer_role: string | null;
  viewer_org: string | null;
  /** The org whose people were shown. */
  org: string | null;
  /** For a report opened: its form and period. */
  report_form: string | null;
  report_period: string | null;
}

/**
 * Access-log rows naming the person (their own `/dulieu` lists these): their profile, or a view of a
 * group that named them (`subject_ids`, a list or a report), newest first; each with the viewer's role
 * and unit on the day (Vietnam time) of the view.
 */
export async function accessToPerson(db: Db, personId: number, limit: number) {
  const result = await sql<AccessToPersonRow>`
    select l.at, l.what, v.full_name as viewer, vr.role as viewer_role, vr.org as viewer_org, o.name as org,
           r.form as report_form, r.period as report_period
    from (
      select * from access_log where subject_person_id = ${personId}
      union
      select * from access_log where subject_ids @> array[${personId}]::int[]
    ) l
    join person v on v.id = l.viewer_person_id
    left join org o on o.id = l.org_id
    left join org o1 on o1.id = o.parent_id
    left join report_submission r on r.id = l.report_id
    left join lateral (
      select rl.role, ro.name as org from role rl join org ro on ro.id = rl.org_id
      where rl.person_id = l.viewer_person_id
        and rl.valid_from <= (l.at at time zone 'Asia/Ho_Chi_Minh')::date
        and (rl.valid_to is null or rl.valid_to > (l.at at time zone 'Asia/Ho_Chi_Minh')::date)
      order by case when rl.org_id = l.org_id then 0 when rl.org_id = o.parent_id then 1 when rl.org_id = o1.parent_id then 2 else 3 end, (rl.role = 'member'), rl.id
      limit 1
    ) vr on true
    order by l.at desc, l.id desc
    limit ${limit}`.execute(db);
  return result.rows;
}

export async function insertCorrection(db: Db, personId: number, toOrgId: number | null, text: string, at: Date, profileBefore: Record<string, unknown> | null): Promise<number> {
  const row = await db
    .insertInto("correction_request")
    .values({ person_id: personId, to_org_id: toOrgId, text, created_at: at, done_by: null, done_at: null, answer: null, profile_before: profileBefore ? JSON.stringify(profileBefore) : null })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function correctionsOfPerson(db: Db, personId: number) {
  return db
    .selectFrom("correction_request")
    .select(["id", "text", "status", "created_at", "done_at", "answer"])
    .where("person_id", "=", personId)
    .orderBy("id")
    .execute();
}

/** Open correction requests addressed to any of these orgs, oldest first, with the asker's name. */
export async function openCorrectionsFor(db: Db, orgIds: number[]) {
  if (orgIds.length === 0) return [];
  return db
    .selectFrom("correction_request as c")
    .innerJoin("person as p", "p.id", "c.person_id")
    .select(["c.id", "c.person_id", "c.to_org_id", "c.text", "c.created_at", "p.full_name"])
    .where("c.status", "=", "open")
    .where("c.to_org_id", "in", orgIds)
    .orderBy("c.id")
    .execute();
}

export async function findCorrection(db: Db, id: number) {
  return db.selectFrom("correction_request").selectAll().where("id", "=", id).executeTakeFirst();
}

/** End an open request: done or declined, with the words the person reads. False when it was no longer open. */
export async function closeCorrectionRow(db: Db, id: number, outcome: "done" | "declined", answer: string, by: number, at: Date): Promise<boolean> {
  const r = await db
    .updateTable("correction_request")
    .set({ status: outcome, done_by: by, done_at: at, answer })
    .where("id", "=", id)
    .where("status", "=", "open")
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** The fields of a person's record a correction request may be about, as stored. */
export async function correctableRow(db: Db, personId: number) {
  return db
    .selectFrom("person")
    .select(["full_name", "sex", "birth_year", "ethnicity", "phone", "membership", "admitted_on", "full_member_on", "exempt", "temp_attached"])
    .where("id", "=", personId)
    .executeTakeFirst();
}

/** Everything chibo holds that names the person, for `/dulieu`: reads only, newest first where long. */
export async function personDataRows(db: Db, personId: number, recent: number) {
  const [person, roles, accounts, rsvps, reports, corrected, visits, reminderCounts, reminders, assignments] = await Promise.all([
    db.selectFrom("person").selectAll().where("id", "=", personId).executeTakeFirst(),
    db
      .selectFrom("role as r")
      .innerJoin("org as o", "o.id", "r.org_id")
      .select(["r.role", "o.name as org", "r.valid_from", "r.valid_to"])
      .where("r.person_id", "=", personId)
      .orderBy("r.valid_from")
      .orderBy("r.id")
      .execute(),
    db.selectFrom("chat_account").select(["channel", "linked_at", "last_seen_at"]).where("person_id", "=", personId).orderBy("id").execute(),
    db
      .selectFrom("meeting_rsvp as m")
      .innerJoin("org as o", "o.id", "m.org_id")
      .select(["m.meeting_date", "o.name as org", "m.answer", "m.reason", "m.proxy_by", "m.answered_at"])
      .where("m.person_id", "=", personId)
      .orderBy("m.meeting_date", "desc")
      .execute(),
    db
      .selectFrom("report_submission as r")
      .innerJoin("org as o", "o.id", "r.org_id")
      .select(["r.id", "r.form", "r.period", "o.name as org", "r.status", "r.submitted_at"])
      .where("r.submitted_by", "=", personId)
      .orderBy("r.submitted_at", "desc")
      .execute(),
    db
      .selectFrom("audit_log as a")
      .select(["a.action", "a.entity_id", "a.at"])
      .where("a.actor_person_id", "=", personId)
      .where("a.action", "=", "report.correct")
      .orderBy("a.at", "desc")
      .execute(),
    db
      .selectFrom("household_visit as v")
      .innerJoin("household as h", "h.id", "v.household_id")
      .select(["v.visited_on", "h.head_name", "h.village_name", "v.note"])
      .where("v.visitor_id", "=", personId)
      .orderBy("v.visited_on", "desc")
      .execute(),
    db
      .selectFrom("outbox")
      .select(["kind", (eb) => eb.fn.countAll<string>().as("n")])
      .where("person_id", "=", personId)
      .where("status", "=", "sent")
      .groupBy("kind")
      .orderBy("kind")
      .execute(),
    db
      .selectFrom("outbox")
      .select(["kind", "sent_at", "channel"])
      .where("person_id", "=", personId)
      .where("status", "=", "sent")
      .orderBy("sent_at", "desc")
      .limit(recent)
      .execute(),
    // What the person follows (/phutrach): households as a member, cells or communes as a cadre.
    db
      .selectFrom("assignment as a")
      .leftJoin("household as h", "h.id", "a.household_id")
      .leftJoin("org as o", "o.id", "a.org_id")
      .select(["h.code as household_code", "h.head_name", "h.village_name", "o.name as org", "a.duties", "a.valid_from", "a.valid_to"])
      .where("a.cadre_id", "=", personId)
      .orderBy("a.valid_from", "desc")
      .orderBy("a.id")
      .execute(),
  ]);
  return { person, roles, accounts, rsvps, reports, corrected, visits, reminderCounts, reminders, assignments };
}

/**
 * Unlink one chat account and forget what belongs to it alone: its chat id (blanked), its
 * conversation state, its reminders not yet sent. The person and the party organization's records
 * stay. Returns false when the account was not linked.
 */
export async function unlinkAccount(db: Db, accountId: number, channel: string, chatId: string): Promise<boolean> {
  const updated = await db
    .updateTable("chat_account")
    .set({ person_id: null, linked_at: null, chat_id: "", reachable: false, language: null })
    .where("id", "=", accountId)
    .where("person_id", "is not", null)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) !== 1) return false;
  await db.deleteFrom("conversation").where("channel", "=", channel).where("chat_id", "=", chatId).execute();
  await db
    .updateTable("outbox")
    .set({ status: "cancelled", chat_id: null })
    .where("account_id", "=", accountId)
    .where("status", "=", "pending")
    .execute();
  return true;
}

/** The cell roles (member, secretary, deputy) that make up a cell's roll. */
const ROLL_ROLES = ["member", "secretary", "deputy_secretary"];

/**
 * Reports that may name the person: those of cells they were ever on the roll of, sent (not drafts),
 * holding a list of absentees or resolutions. With every roll entry of those cells, so the caller
 * matches each report's names against its roll on the meeting day.
 */
export async function reportsMaybeNaming(db: Db, personId: number) {
  const cells = db.selectFrom("role").select("org_id").where("person_id", "=", personId).where("role", "in", ROLL_ROLES);
  const reports = await db
    .selectFrom("report_submission as r")
    .innerJoin("org as o", "o.id", "r.org_id")
    .select(["r.id", "r.org_id", "o.name as org", "r.form", "r.form_version", "r.period", "r.data"])
    .where("r.org_id", "in", cells)
    .where("r.status", "<>", "draft")
    .where(sql<boolean>`(jsonb_typeof(r.data -> 'absentees') = 'array' and jsonb_array_length(r.data -> 'absentees') > 0)
      or (jsonb_typeof(r.data -> 'resolutions') = 'array' and jsonb_array_length(r.data -> 'resolutions') > 0)`)
    .orderBy("r.period", "desc")
    .orderBy("r.id", "desc")
    .execute();
  if (reports.length === 0) return { reports, roll: [] };
  const roll = await db
    .selectFrom("role")
    .innerJoin("person", "person.id", "role.person_id")
    .select(["role.org_id", "person.id", "person.full_name", "role.valid_from", "role.valid_to"])
    .where("role.org_id", "in", [...new Set(reports.map((r) => r.org_id))])
    .where("role.role", "in", ROLL_ROLES)
    .execute();
  return { reports, roll };
}
