import { can } from "../domain/access.js";
import { isCellKind } from "../domain/org.js";
import { selfReviewsOfPerson } from "../db/rating.repository.js";
import { ChiboError } from "../domain/errors.js";
import { groupsOf, STEPS } from "../domain/records/candidate.js";
import { candidateOfPerson } from "../db/candidate.repository.js";
import { tasksOwnedBy } from "../db/cycle.repository.js";
import { toCandidate } from "./candidate.service.js";
import { noticeLabel, PRIVACY_NOTICE_VERSION } from "../domain/privacy.js";
import type { Actor } from "../domain/roles.js";
import { addDays } from "../domain/schedule/local-time.js";
import { writeAudit } from "../db/audit.repository.js";
import { findOrgById, orgPath, subtreeIds } from "../db/org.repository.js";
import { preferredAccountOf } from "../db/channel-pref.repository.js";
import { enqueueMessages } from "../db/outbox.repository.js";
import {
  accessToPerson,
  consentsOfPerson,
  correctionsOfPerson,
  findCorrection,
  insertConsent,
  insertCorrection,
  lastConsentOfAccount,
  closeCorrectionRow,
  correctableRow,
  noticeRevision,
  openCorrectionsFor,
  personDataRows,
  sawNotice,
  unlinkAccount,
} from "../db/privacy.repository.js";
import type { Db } from "../db/schema.js";
import { reportsNamingPerson, type ReportNaming } from "./report-names.service.js";

/** Recent reminders listed one by one in `/dulieu` (all are counted). */
const RECENT_REMINDERS = 10;
/** Views of the person by others listed in `/dulieu`. */
const RECENT_VIEWS = 20;
/** A correction request's text, as typed. */
export const CORRECTION_MAX = 1000;

export interface ConsentAccount {
  id: number;
  channel: string;
}

/** The notice in force: its text's version and the province's changes to the periods it quotes since. */
export interface NoticeEdition {
  version: number;
  revision: number;
}

export async function currentNotice(db: Db): Promise<NoticeEdition> {
  return { version: PRIVACY_NOTICE_VERSION, revision: await noticeRevision(db) };
}

/** Record the person's answer to the notice in force (or that it was shown) for this chat account. */
export async function recordConsent(db: Db, personId: number, account: ConsentAccount, decision: "accepted" | "refused" | "shown", at: Date): Promise<void> {
  const notice = await currentNotice(db);
  await insertConsent(db, { personId, accountId: account.id, channel: account.channel, noticeVersion: notice.version, periodsRevision: notice.revision, decision, at });
}

/**
 * Whether a linked account is due the notice in force: it never saw this version at this revision
 * (linked before the notice existed, the text changed, or the province changed a retention period it
 * quotes since). The console is the operator's own terminal (`chibo chat --as`), not the person's
 * account, so it is never asked. `seen` is what the message's preamble already read (`openInbound`:
 * whether the account saw the notice in force), which saves a statement per message.
 */
export async function noticeDue(db: Db, account: ConsentAccount, seen?: boolean): Promise<boolean> {
  if (account.channel === "console") return false;
  if (seen !== undefined) return !seen;
  return !(await sawNotice(db, account.id, PRIVACY_NOTICE_VERSION));
}

/** Whether the notice in force was shown to this account and not answered yet (its last row is "shown"). */
export async function noticeAwaitsAnswer(db: Db, account: ConsentAccount): Promise<boolean> {
  const [last, notice] = await Promise.all([lastConsentOfAccount(db, account.id), currentNotice(db)]);
  return last?.decision === "shown" && last.notice_version === notice.version && last.periods_revision === notice.revision;
}

export interface PersonalData {
  profile: {
    code: string;
    fullName: string;
    sex: string | null;
    birthYear: number | null;
    ethnicity: string | null;
    phone: string | null;
    membership: string | null;
    admittedOn: string | null;
    fullMemberOn: string | null;
    exempt: boolean;
    tempAttached: boolean;
  };
  roles: { role: string; org: string; from: string; to: string | null }[];
  accounts: { channel: string; linkedAt: Date | null; lastSeenAt: Date | null }[];
  rsvps: { date: string; org: string; answer: string; reason: string | null; byProxy: boolean; at: Date }[];
  reports: { form: string; period: string; org: string; status: string; submittedAt: Date | null }[];
  corrections: { reportId: string; at: Date }[];
  visits: { date: string; household: string; village: string; note: string }[];
  /** What the person follows (`/phutrach`): a household (head, village) or a cell or commune, from when, to when. */
  follows: { household: { code: string; head: string; village: string } | null; org: string | null; duties: string | null; from: string; to: string | null }[];
  /** The annual self-reviews given with /tudanhgia. */
  selfReviews: { year: number; level: string; text: string; at: Date }[];
  /** Tasks of a meeting's resolution given to the person (`/viec`), newest month first. */
  tasks: { period: string; cell: string; task: string; dueOn: string | null; status: string; note: string | null }[];
  reminders: { counts: { kind: string; count: number }[]; recent: { kind: string; channel: string | null; sentAt: Date | null }[] };
  /** `version` as shown in the notice's title: "2", or "2.1" after the province changed a period. */
  consents: { channel: string; version: string; decision: string; at: Date }[];
  /** `answer`: how it ended, in the handler's words (what was changed, or why nothing was). */
  requests: { id: number; text: string; status: string; at: Date; doneAt: Date | null; answer: string | null }[];
  /**
   * Views of details naming the person, their profile or a list or report that named them: who (name,
   * role and unit that day), what, which org's, which report.
   */
  viewedBy: { at: Date; what: string; viewer: string; viewerRole: string | null; viewerOrg: string | null; org: string | null; report: { form: string; period: string } | null }[];
  /** The reports that name the person: absent (with the reason) or a task's owner. */
  namedIn: ReportNaming[];
  /** The party-development record that led to the person's admission (`/phattrien`), when there is one. */
  development: { religion: string | null; groups: string[]; steps: { step: string; on: string }[] } | null;
}

/** The last day of a dated row whose stored end is exclusive; null while it lasts. A row ended where it began was never in force: its start. */
function lastDayHeld(validTo: string | null, validFrom?: string): string | null {
  if (validTo === null) return null;
  const last = addDays(validTo, -1);
  return validFrom !== undefined && last < validFrom ? validFrom : last;
}

/** Everything chibo holds about the actor — their own data only. */
export async function myData(db: Db, actor: Actor, today: string): Promise<PersonalData> {
  const [rows, consents, requests, views, candidate, reviews, tasks, namedIn] = await Promise.all([
    personDataRows(db, actor.personId, RECENT_REMINDERS),
    consentsOfPerson(db, actor.personId),
    correctionsOfPerson(db, actor.personId),
    accessToPerson(db, actor.personId, RECENT_VIEWS),
    candidateOfPerson(db, actor.personId),
    selfReviewsOfPerson(db, actor.personId),
    tasksOwnedBy(db, actor.personId),
    reportsNamingPerson(db, actor.personId, today),
  ]);
  const development = candidate ? toCandidate(candidate) : null;
  const p = rows.person;
  if (!p) throw new ChiboError("not_found");
  return {
    profile: {
      code: p.code,
      fullName: p.full_name,
      sex: p.sex,
      birthYear: p.birth_year,
      ethnicity: p.ethnicity,
      phone: p.phone,
      membership: p.membership,
      admittedOn: p.admitted_on,
      fullMemberOn: p.full_member_on,
      exempt: p.exempt,
      tempAttached: p.temp_attached,
    },
    // Stored ends are exclusive (the first day without the role): the person is shown the last day they held it.
    roles: rows.roles.map((r) => ({ role: r.role, org: r.org, from: r.valid_from, to: lastDayHeld(r.valid_to, r.valid_from) })),
    accounts: rows.accounts.map((a) => ({ channel: a.channel, linkedAt: a.linked_at, lastSeenAt: a.last_seen_at })),
    rsvps: rows.rsvps.map((r) => ({ date: r.meeting_date, org: r.org, answer: r.answer, reason: r.reason, byProxy: r.proxy_by !== null, at: r.answered_at })),
    reports: rows.reports.map((r) => ({ form: r.form, period: r.period, org: r.org, status: r.status, submittedAt: r.submitted_at })),
    corrections: rows.corrected.map((c) => ({ reportId: c.entity_id, at: c.at })),
    visits: rows.visits.map((v) => ({ date: v.visited_on, household: v.head_name, village: v.village_name, note: v.note })),
    follows: rows.assignments.map((a) => ({
      household: a.household_code !== null ? { code: a.household_code, head: a.head_name ?? "", village: a.village_name ?? "" } : null,
      org: a.org,
      duties: a.duties,
      from: a.valid_from,
      to: lastDayHeld(a.valid_to, a.valid_from),
    })),
    selfReviews: reviews.map((r) => ({ year: r.year, level: r.level, text: r.text, at: r.at })),
    tasks: tasks.map((t) => ({ period: t.period, cell: t.org_name, task: t.task, dueOn: t.due_on, status: t.status, note: t.note })),
    reminders: {
      counts: rows.reminderCounts.map((c) => ({ kind: c.kind, count: Number(c.n) })),
      recent: rows.reminders.map((r) => ({ kind: r.kind, channel: r.channel, sentAt: r.sent_at })),
    },
    consents: consents.map((c) => ({ channel: c.channel, version: noticeLabel(c.notice_version, c.periods_revision), decision: c.decision, at: c.at })),
    requests: requests.map((r) => ({ id: r.id, text: r.text, status: r.status, at: r.created_at, doneAt: r.done_at, answer: r.answer })),
    viewedBy: views.map((v) => ({
      at: v.at,
      what: v.what,
      viewer: v.viewer,
      viewerRole: v.viewer_role,
      viewerOrg: v.viewer_org,
      org: v.org,
      report: v.report_form !== null && v.report_period !== null ? { form: v.report_form, period: v.report_period } : null,
    })),
    namedIn,
    development: development
      ? { religion: development.religion, groups: groupsOf(development), steps: STEPS.flatMap((step) => (development.dates[step] ? [{ step, on: development.dates[step]! }] : [])) }
      : null,
  };
}

/** "Yêu cầu sửa": store a correction request for the person's cell (its leaders) or, without a cell, the office. */
export async function requestCorrection(db: Db, actor: Actor, text: string, at: Date): Promise<{ id: number }> {
  const body = text.trim();
  if (!body || body.length > CORRECTION_MAX) throw new ChiboError("invalid_input");
  // Without a cell (an office cadre), the org of their first role: its office handles it.
  const to = actor.cellId ?? actor.roles[0]?.orgId ?? null;
  // The record as it is now: whoever handles the request sees what has changed since.
  const before = await correctableRow(db, actor.personId);
  const id = await insertCorrection(db, actor.personId, to, body, at, before ? { ...before } : null);
  await writeAudit(db, { actorPersonId: actor.personId, action: "correction.request", entity: "correction_request", entityId: id, at });
  return { id };
}

export interface OpenCorrection {
  id: number;
  personName: string;
  text: string;
  at: Date;
}

/** Orgs whose correction requests the actor handles: cells they lead, and the office's subtree. */
async function handledOrgs(db: Db, actor: Actor): Promise<number[]> {
  const ids = new Set<number>();
  for (const held of actor.roles) {
    if (held.role === "secretary" || held.role === "deputy_secretary") ids.add(held.orgId);
    if (held.role === "office_staff") for (const id of await subtreeIds(db, held.orgId)) ids.add(id);
  }
  return [...ids];
}

/** Open correction requests the actor is to handle, oldest first. */
export async function correctionsToHandle(db: Db, actor: Actor): Promise<OpenCorrection[]> {
  const rows = await openCorrectionsFor(db, await handledOrgs(db, actor));
  return rows.map((r) => ({ id: r.id, personName: r.full_name, text: r.text, at: r.created_at }));
}

/** The fields of a person's record a correction request may be about, in the order they are shown. */
export const CORRECTABLE_FIELDS = ["full_name", "sex", "birth_year", "ethnicity", "phone", "membership", "admitted_on", "full_member_on", "exempt", "temp_attached"] as const;
export type CorrectableField = (typeof CORRECTABLE_FIELDS)[number];
export type FieldValue = string | number | boolean | null;

/** A request as its handler sees it before closing it: the record now, and what changed since it was made. */
export interface CorrectionCase {
  id: number;
  personId: number;
  personName: string;
  text: string;
  at: Date;
  current: Record<CorrectableField, FieldValue>;
  /** Fields changed since the request; empty when nothing changed (or the record then was not kept). */
  changes: { field: CorrectableField; before: FieldValue; after: FieldValue }[];
  /** The committee whose office changes the record (the people import), e.g. "Đảng bộ xã Tân Văn". */
  office: string | null;
  /** The handler works in an office: they change the record themselves. */
  handlerIsOffice: boolean;
}

async function handledRequest(db: Db, actor: Actor, id: number) {
  const request = await findCorrection(db, id);
  if (!request || request.status !== "open" || request.to_org_id === null) throw new ChiboError("stale_choice");
  if (!can(actor, "correction.handle", { orgPath: await orgPath(db, request.to_org_id) })) throw new ChiboError("forbidden");
  return request as typeof request & { to_org_id: number };
}

/** An open request to handle (checked against its org), with the person's record now and its changes since. */
export async function correctionCase(db: Db, actor: Actor, id: number): Promise<CorrectionCase> {
  const request = await handledRequest(db, actor, id);
  const row = await correctableRow(db, request.person_id);
  if (!row) throw new ChiboError("stale_choice");
  const current = Object.fromEntries(CORRECTABLE_FIELDS.map((f) => [f, (row[f] ?? null) as FieldValue])) as Record<CorrectableField, FieldValue>;
  const before = request.profile_before;
  const changes = before
    ? CORRECTABLE_FIELDS.flatMap((field) => {
        const was = (before[field] ?? null) as FieldValue;
        return was !== current[field] ? [{ field, before: was, after: current[field] }] : [];
      })
    : [];
  // A cell's record is kept by the office of the committee above it; an office's own request by that office.
  const org = await findOrgById(db, request.to_org_id);
  const above = org && isCellKind(org.kind) && org.parent_id !== null ? await findOrgById(db, org.parent_id) : org;
  return {
    id,
    personId: request.person_id,
    personName: row.full_name,
    text: request.text,
    at: request.created_at,
    current,
    changes,
    office: above?.name ?? null,
    handlerIsOffice: actor.roles.some((r) => r.role === "office_staff"),
  };
}

/**
 * End a request: `done` (the record was corrected; `answer` says what changed) or `declined` (nothing
 * changed; `answer` says why). Re-checked against the request's org; the person is told how it ended
 * (a message to their account, and `/dulieu`).
 */
export async function closeCorrection(db: Db, actor: Actor, id: number, outcome: "done" | "declined", answer: string, at: Date): Promise<{ personId: number }> {
  const body = answer.trim();
  if (!body || body.length > CORRECTION_MAX) throw new ChiboError("invalid_input");
  const request = await handledRequest(db, actor, id);
  if (!(await closeCorrectionRow(db, id, outcome, body, actor.personId, at))) throw new ChiboError("stale_choice");
  await writeAudit(db, { actorPersonId: actor.personId, action: outcome === "done" ? "correction.done" : "correction.declined", entity: "correction_request", entityId: id, at });
  await enqueueMessages(db, [
    {
      key: `correction:${id}:answered`,
      kind: "correction.answered",
      personId: request.person_id,
      orgId: request.to_org_id,
      to: (await preferredAccountOf(db, request.person_id)) ?? null,
      payload: { id, request: request.text, outcome, answer: body },
      dueAt: at,
      expiresAt: null,
    },
  ]);
  return { personId: request.person_id };
}

/**
 * `/huylienket`: unlink this chat account and forget what belongs to the account alone (chat id,
 * conversation state, reminders not yet sent). The person's records stay with the party organization.
 */
export async function unlinkChat(db: Db, personId: number, account: ConsentAccount & { chatId: string }, at: Date): Promise<boolean> {
  const done = await unlinkAccount(db, account.id, account.channel, account.chatId);
  if (done) {
    await writeAudit(db, { actorPersonId: personId, action: "account.unlink", entity: "chat_account", entityId: account.id, before: { personId }, after: { personId: null }, at });
  }
  return done;
}
