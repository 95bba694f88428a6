import { sql, type RawBuilder } from "kysely";
import { meetingRuleColumns, meetingRuleFromColumns, type MeetingRule } from "../domain/meeting-rule.js";
import type { MeetingKind, MeetingOverride } from "../domain/schedule/meeting.js";
import type { MeetingOverrideJson } from "./rollup.repository.js";
import { NOT_FOR_NOTICES, preferredAccountOrder, type ReminderAccount } from "./channel-pref.repository.js";
import type { Db } from "./schema.js";
import { compiledOnce } from "./compiled.js";
import { meetingRollSelect, rollRowsOf, type MeetingRollRow } from "./org.repository.js";

const CELL_KINDS = ["chi_bo_co_so", "chi_bo_truc_thuoc"];

const validOn = (today: string) => sql<boolean>`valid_from <= ${today} and (valid_to is null or valid_to > ${today})`;

/** Every org's id, parent and name (a few thousand rows for a province). */
export async function orgIndex(db: Db) {
  return db.selectFrom("org").select(["id", "parent_id", "name", "kind", "valid_from", "valid_to"]).execute();
}

/** Cells in force on a date. */
export async function cellsInForce(db: Db, today: string) {
  return db
    .selectFrom("org")
    .select(["id", "name", "parent_id", "kind", "area_kind", "catchment", "valid_from"])
    .where("kind", "in", CELL_KINDS)
    .where(validOn(today))
    .orderBy("id")
    .execute();
}

/** Cell kinds that take a commune's or the province's default rule: village and residential-group cells (or cells of unknown catchment). */
const INHERITING_CATCHMENTS = ["thon"];

/**
 * The CTE `up(target, org_id, depth, catchment)`: each starting org (`start` selects id, id, 0, catchment)
 * and the ancestors whose default rule it inherits — up the tree while the cell's catchment inherits.
 */
function inheritanceChain(start: RawBuilder<unknown>) {
  return sql`up(target, org_id, depth, catchment) as (
      ${start}
      union all
      select up.target, o.parent_id, up.depth + 1, up.catchment
      from up join org o on o.id = up.org_id
      where o.parent_id is not null and (up.catchment is null or up.catchment in (${sql.join(INHERITING_CATCHMENTS)}))
    )`;
}

/**
 * The meeting rule in force on a date for each org, keyed by org id: the org's own (the latest valid
 * one), else, for a village cell, the nearest ancestor's default ("ngày 5 hằng tháng, 19:30" set on the
 * commune or the province). Without `orgIds`: every cell.
 */
export async function meetingRules(db: Db, today: string, orgIds?: readonly number[]): Promise<Map<number, MeetingRule>> {
  if (orgIds && orgIds.length === 0) return new Map();
  const start = orgIds
    ? // An id array: one statement shape (one named statement) for any number of orgs.
      sql`select id, id, 0, catchment from org where id = any(${[...new Set(orgIds)]}::int[])`
    : sql`select id, id, 0, catchment from org where kind in (${sql.join(CELL_KINDS)})`;
  const rows = await sql<RuleRow & { target: number }>`
    with recursive ${inheritanceChain(start)}
    select distinct on (up.target) up.target, mr.rule_kind, mr.day_of_month, mr.nth, mr.weekday, mr.start_time, mr.place, mr.thematic_month
    from up join meeting_rule mr on mr.org_id = up.org_id
    where mr.valid_from <= ${today} and (mr.valid_to is null or mr.valid_to > ${today})
    order by up.target, up.depth, mr.valid_from desc, mr.id desc`.execute(db);
  const out = new Map<number, MeetingRule>();
  for (const row of rows.rows) {
    const rule = meetingRuleFromColumns(row);
    if (rule) out.set(row.target, rule);
  }
  return out;
}

/**
 * One org's rule in force on a date (as `meetingRules`) and its overrides of months from
 * `fromPeriod` on (as `meetingOverrides`), in one statement: what its meetings from a date are made of.
 */
export async function meetingPlanOf(db: Db, orgId: number, today: string, fromPeriod: string): Promise<{ rule: MeetingRule | null; overrides: MeetingOverride[] }> {
  const { rows } = await sql<PlanRow>`
    with recursive ${inheritanceChain(sql`select id, id, 0, catchment from org where id = ${orgId}`)}
    select ${planColumns(orgId, today, fromPeriod)}`.execute(db);
  const row = rows[0];
  return { rule: row?.rule ? meetingRuleFromColumns(row.rule) : null, overrides: (row?.overrides ?? []).map(toMeetingOverride) };
}

interface PlanRow {
  rule: RuleRow | null;
  overrides: (Omit<MeetingOverrideJson, "created_at"> & { created_at: string })[];
}

/**
 * The plan's two columns (`rule`, `overrides`) of `orgId`, over the CTE `up` of `inheritanceChain`
 * (which may hold the chains of several orgs); each argument a value or an expression of the query.
 */
function planColumns(orgId: number | RawBuilder<unknown>, today: string | RawBuilder<unknown>, fromPeriod: string | RawBuilder<unknown>) {
  return sql`
      (select row_to_json(r) from (
        select mr.rule_kind, mr.day_of_month, mr.nth, mr.weekday, mr.start_time, mr.place, mr.thematic_month
        from up join meeting_rule mr on mr.org_id = up.org_id
        where up.target = ${orgId} and mr.valid_from <= ${today} and (mr.valid_to is null or mr.valid_to > ${today})
        order by up.depth, mr.valid_from desc, mr.id desc
        limit 1) r) as rule,
      (select coalesce(json_agg(o order by o.id), '[]'::json) from meeting_override o where o.org_id = ${orgId} and o.period >= ${fromPeriod}) as overrides`;
}

/** A meeting to check an answer against: the cell, the meeting's day, and the day it is answered on. */
export interface PlanAndRollKey {
  orgId: number;
  /** The meeting's day: the roll is the one of that day. */
  rollDate: string;
  /** The rule in force on this day. */
  today: string;
  /** Overrides of months from this period on. */
  fromPeriod: string;
}

/** A cell's meeting plan (`meetingPlanOf`) and its roll on a day (`meetingRollRows`). */
export interface PlanAndRoll {
  rule: MeetingRule | null;
  overrides: MeetingOverride[];
  roll: ReturnType<typeof rollRowsOf>;
}

/**
 * `meetingPlanOf` and the cell's meeting roll on `rollDate` (`meetingRollRows`) in one statement, built
 * once: an RSVP press checks the meeting is current and the person expected at it before its answer.
 */
export async function meetingPlanAndRollOf(db: Db, orgId: number, today: string, fromPeriod: string, rollDate: string): Promise<PlanAndRoll> {
  return (await meetingPlansAndRolls(db, [{ orgId, today, fromPeriod, rollDate }]))[0] as PlanAndRoll;
}

/**
 * `meetingPlanAndRollOf` for several meetings in one statement (one shape whatever their number: the
 * keys go as one JSON parameter): a batch group's RSVP presses read theirs together. Aligned with `keys`.
 */
export async function meetingPlansAndRolls(db: Db, keys: readonly PlanAndRollKey[]): Promise<PlanAndRoll[]> {
  if (keys.length === 0) return [];
  const input = JSON.stringify(keys.map((k, ord) => ({ ord, org_id: k.orgId, today: k.today, from_period: k.fromPeriod, roll_date: k.rollDate })));
  const { rows } = await meetingPlansAndRollsQuery(db, input);
  const byOrd = new Map(rows.map((row) => [row.ord, row]));
  return keys.map((_, ord) => {
    const row = byOrd.get(ord);
    return {
      rule: row?.rule ? meetingRuleFromColumns(row.rule) : null,
      overrides: (row?.overrides ?? []).map(toMeetingOverride),
      roll: rollRowsOf(row?.roll ?? []),
    };
  });
}

const meetingPlansAndRollsQuery = compiledOnce(
  (db: Db, input: string) => sql<PlanRow & { ord: number; roll: MeetingRollRow[] }>`
    with recursive k as (
      select * from json_to_recordset(${input}::json) as k(ord int, org_id int, today date, from_period text, roll_date date)
    ),
    ${inheritanceChain(sql`select id, id, 0, catchment from org where id in (select org_id from k)`)}
    select
      k.ord,
      ${planColumns(sql`k.org_id`, sql`k.today`, sql`k.from_period`)},
      (select coalesce(json_agg(x), '[]'::json) from (${meetingRollSelect(db, sql<number>`k.org_id`, sql<string>`k.roll_date`)}) x) as roll
    from k`,
);

/** One org's rule in force on a date, own or inherited (see `meetingRules`); null when none. */
export async function meetingRuleOf(db: Db, orgId: number, today: string): Promise<MeetingRule | null> {
  return (await meetingRules(db, today, [orgId])).get(orgId) ?? null;
}

type RuleRow = Parameters<typeof meetingRuleFromColumns>[0];

/**
 * One org's rule in force on each of several dates, own or inherited as in `meetingRules` (rules are
 * versioned: a new one ends the old, which stays as history), in one query. A date with no rule is absent.
 */
export async function meetingRuleOnDates(db: Db, orgId: number, dates: readonly string[]): Promise<Map<string, MeetingRule>> {
  if (dates.length === 0) return new Map();
  const rows = await sql<RuleRow & { on_date: string }>`
    with recursive ${inheritanceChain(sql`select id, id, 0, catchment from org where id = ${orgId}`)},
    days(on_date) as (values ${sql.join([...new Set(dates)].map((d) => sql`(${d}::date)`))})
    select distinct on (days.on_date) to_char(days.on_date, 'YYYY-MM-DD') as on_date, mr.rule_kind, mr.day_of_month, mr.nth, mr.weekday, mr.start_time, mr.place, mr.thematic_month
    from days cross join up join meeting_rule mr on mr.org_id = up.org_id
    where mr.valid_from <= days.on_date and (mr.valid_to is null or mr.valid_to > days.on_date)
    order by days.on_date, up.depth, mr.valid_from desc, mr.id desc`.execute(db);
  const out = new Map<string, MeetingRule>();
  for (const row of rows.rows) {
    const rule = meetingRuleFromColumns(row);
    if (rule) out.set(row.on_date, rule);
  }
  return out;
}

/** The rule an org itself holds on a date (not inherited), with where it came from; undefined when none. */
export async function ownMeetingRule(db: Db, orgId: number, today: string): Promise<{ id: number; rule: MeetingRule; validFrom: string } | undefined> {
  const row = await db
    .selectFrom("meeting_rule")
    .selectAll()
    .where("org_id", "=", orgId)
    .where(validOn(today))
    .orderBy("valid_from", "desc")
    .orderBy("id", "desc")
    .executeTakeFirst();
  const rule = row ? meetingRuleFromColumns(row) : null;
  return row && rule ? { id: row.id, rule, validFrom: row.valid_from } : undefined;
}

/** The rules orgs hold themselves on a date (not inherited), keyed by org id. */
export async function ownMeetingRules(db: Db, orgIds: readonly number[], today: string): Promise<Map<number, MeetingRule>> {
  const out = new Map<number, MeetingRule>();
  const ids = [...new Set(orgIds)];
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await db
      .selectFrom("meeting_rule")
      .selectAll()
      .where("org_id", "in", ids.slice(i, i + 500))
      .where(validOn(today))
      .orderBy("valid_from")
      .orderBy("id")
      .execute();
    for (const row of rows) {
      const rule = meetingRuleFromColumns(row);
      if (rule) out.set(row.org_id, rule);
    }
  }
  return out;
}

/**
 * Make `rule` the org's standing rule from `from` on: a rule that started on or after that day is
 * replaced, an older one ends that day (kept as history, so past months keep their dates).
 */
export async function putMeetingRule(db: Db, orgId: number, rule: MeetingRule, from: string): Promise<void> {
  await db.deleteFrom("meeting_rule").where("org_id", "=", orgId).where("valid_from", ">=", from).execute();
  await db
    .updateTable("meeting_rule")
    .set({ valid_to: from })
    .where("org_id", "=", orgId)
    .where((w) => w.or([w("valid_to", "is", null), w("valid_to", ">", from)]))
    .execute();
  await db.insertInto("meeting_rule").values({ org_id: orgId, ...meetingRuleColumns(rule), valid_from: from }).execute();
}

/** A `meeting_override` row (or its JSON, where `created_at` comes as text) as the domain's override. */
export function toMeetingOverride(r: Omit<MeetingOverrideJson, "created_at"> & { created_at: Date | string }): MeetingOverride {
  return {
    id: r.id,
    period: r.period,
    date: r.new_date,
    time: r.new_time,
    place: r.place,
    agenda: r.agenda,
    kind: r.kind as MeetingKind,
    cancelled: r.cancelled,
    reason: r.reason,
    createdAt: r.created_at instanceof Date ? r.created_at : new Date(r.created_at),
  };
}

/** Meeting overrides of months from `fromPeriod` on, grouped by org. */
export async function meetingOverrides(db: Db, fromPeriod: string, orgIds?: readonly number[]): Promise<Map<number, MeetingOverride[]>> {
  if (orgIds && orgIds.length === 0) return new Map();
  let q = db.selectFrom("meeting_override").selectAll().where("period", ">=", fromPeriod).orderBy("id");
  if (orgIds) q = q.where("org_id", "in", orgIds);
  const out = new Map<number, MeetingOverride[]>();
  for (const r of await q.execute()) {
    const list = out.get(r.org_id) ?? [];
    list.push(toMeetingOverride(r));
    out.set(r.org_id, list);
  }
  return out;
}

export interface NewOverride {
  orgId: number;
  period: string;
  date: string | null;
  time: string | null;
  place?: string | null;
  agenda?: string | null;
  kind?: MeetingKind;
  cancelled: boolean;
  reason: string | null;
  createdBy: number | null;
  at: Date;
}

export async function insertOverride(db: Db, o: NewOverride): Promise<number> {
  const row = await db
    .insertInto("meeting_override")
    .values({
      org_id: o.orgId,
      period: o.period,
      new_date: o.date,
      new_time: o.time,
      place: o.place ?? null,
      agenda: o.agenda ?? null,
      kind: o.kind ?? "regular",
      cancelled: o.cancelled,
      reason: o.reason,
      created_by: o.createdBy,
      created_at: o.at,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Role holders (member, secretary, deputy, office staff) of some orgs on a date. */
export async function roleHolders(db: Db, roles: readonly string[], today: string, orgIds?: readonly number[]) {
  if (orgIds && orgIds.length === 0) return [];
  let q = db
    .selectFrom("role")
    .select(["org_id", "person_id", "role"])
    .where("role", "in", roles)
    .where(validOn(today))
    .orderBy("person_id");
  if (orgIds) q = q.where("org_id", "in", orgIds);
  return q.execute();
}

/** Cadres assigned to follow orgs directly, on a date. */
export async function orgAssignments(db: Db, today: string, orgIds?: readonly number[]) {
  if (orgIds && orgIds.length === 0) return [];
  let q = db
    .selectFrom("assignment")
    .select(["org_id", "cadre_id"])
    .where("org_id", "is not", null)
    .where(validOn(today))
    .orderBy("cadre_id");
  if (orgIds) q = q.where("org_id", "in", orgIds);
  return q.execute();
}

/** `orgId:form:period` of reports submitted or accepted for periods from `fromPeriod` on (drafts and reopened ones do not count). */
export async function submittedReports(db: Db, fromYear: string): Promise<Set<string>> {
  const rows = await db
    .selectFrom("report_submission")
    .select(["org_id", "form", "period"])
    .where("status", "in", ["submitted", "accepted"])
    .where("period", ">=", fromYear)
    .execute();
  return new Set(rows.map((r) => `${r.org_id}:${r.form}:${r.period}`));
}

/** `orgId:YYYY-Qn` of quarters with a reported thematic (or combined) meeting. */
export async function thematicQuarters(db: Db, fromYear: string): Promise<Set<string>> {
  const rows = await sql<{ org_id: number; period: string }>`
    select org_id, period from report_submission
    where status in ('submitted', 'accepted') and period >= ${fromYear}
      and (form = 'thematic-meeting' or (form = 'monthly-meeting' and data->>'kind' in ('thematic', 'combined')))`.execute(db);
  const out = new Set<string>();
  for (const r of rows.rows) {
    const month = /^\d{4}-(\d{2})$/.exec(r.period)?.[1];
    const quarter = month ? `${r.period.slice(0, 4)}-Q${Math.floor((Number(month) - 1) / 3) + 1}` : r.period;
    out.add(`${r.org_id}:${quarter}`);
  }
  return out;
}

export type { ReminderAccount };


/**
 * Where each person's reminders go, for many people in one query: the reachable messenger account
 * on the channel they chose (`/kenh`), else the reachable one they used last. The same choice as
 * `preferredAccountOf` in `channel-pref.repository.ts`, which does it one person at a time.
 */
export async function reminderAccounts(db: Db, personIds: readonly number[]): Promise<Map<number, ReminderAccount>> {
  const out = new Map<number, ReminderAccount>();
  if (personIds.length === 0) return out;
  const rows = await db
    .selectFrom("chat_account")
    .leftJoin("person_channel_pref as pref", "pref.person_id", "chat_account.person_id")
    .select(["chat_account.id", "chat_account.person_id", "chat_account.channel", "chat_account.chat_id"])
    .where("chat_account.person_id", "in", [...new Set(personIds)])
    .where("chat_account.reachable", "=", true)
    .where("chat_account.channel", "<>", NOT_FOR_NOTICES)
    .orderBy("chat_account.person_id")
    .orderBy(preferredAccountOrder("chat_account", "pref"))
    .execute();
  for (const r of rows) {
    if (r.person_id !== null && !out.has(r.person_id)) out.set(r.person_id, { accountId: r.id, channel: r.channel, chatId: r.chat_id });
  }
  return out;
}

/** The language an account chose, for rendering. */
export async function accountLanguages(db: Db, accountIds: readonly number[]): Promise<Map<number, string | null>> {
  if (accountIds.length === 0) return new Map();
  const rows = await db.selectFrom("chat_account").select(["id", "language"]).where("id", "in", [...new Set(accountIds)]).execute();
  return new Map(rows.map((r) => [r.id, r.language]));
}

/** One person's answer for a meeting (own, or a secretary's by proxy). */
export interface RsvpRow {
  orgId: number;
  date: string;
  personId: number;
  answer: "yes" | "no";
  reason: string | null;
  proxyBy: number | null;
  at: Date;
}

export async function upsertRsvp(db: Db, r: RsvpRow): Promise<void> {
  await upsertRsvpQuery(db, r.orgId, r.date, r.personId, r.answer, r.reason, r.proxyBy, r.at);
}

/** An RSVP's upsert, built once (every press on a meeting reminder runs it). */
const upsertRsvpQuery = compiledOnce((db: Db, orgId: number, date: string, personId: number, answer: "yes" | "no", reason: string | null, proxyBy: number | null, at: Date) => {
  const values = { answer, reason, proxy_by: proxyBy, answered_at: at };
  return db
    .insertInto("meeting_rsvp")
    .values({ org_id: orgId, meeting_date: date, person_id: personId, ...values })
    .onConflict((oc) => oc.columns(["org_id", "meeting_date", "person_id"]).doUpdateSet(values));
});

/**
 * Several answers in one statement, as `upsertRsvp` one by one in their order would leave them (for one
 * person and meeting, the last one given). One shape whatever their number: the rows go as one JSON parameter.
 */
export async function upsertRsvps(db: Db, rows: readonly RsvpRow[]): Promise<void> {
  if (rows.length === 0) return;
  const last = new Map(rows.map((r) => [`${r.orgId}|${r.date}|${r.personId}`, r]));
  const input = JSON.stringify(
    [...last.values()].map((r) => ({ org_id: r.orgId, meeting_date: r.date, person_id: r.personId, answer: r.answer, reason: r.reason, proxy_by: r.proxyBy, answered_at: r.at.toISOString() })),
  );
  await upsertRsvpsQuery(db, input);
}

const upsertRsvpsQuery = compiledOnce(
  (_db: Db, input: string) => sql`
    insert into meeting_rsvp (org_id, meeting_date, person_id, answer, reason, proxy_by, answered_at)
    select org_id, meeting_date, person_id, answer, reason, proxy_by, answered_at
    from json_to_recordset(${input}::json) as r(org_id int, meeting_date date, person_id int, answer text, reason text, proxy_by int, answered_at timestamptz)
    on conflict (org_id, meeting_date, person_id) do update
    set answer = excluded.answer, reason = excluded.reason, proxy_by = excluded.proxy_by, answered_at = excluded.answered_at`,
);

export async function rsvpsOf(db: Db, orgId: number, date: string) {
  return db
    .selectFrom("meeting_rsvp")
    .select(["person_id", "answer", "reason", "proxy_by", "answered_at"])
    .where("org_id", "=", orgId)
    .where("meeting_date", "=", date)
    .execute();
}

/** Claim a job's slot for this instance; false when another instance (or an earlier run) has it. */
export async function claimSlot(db: Db, name: string, slot: Date, now: Date): Promise<boolean> {
  const result = await db
    .insertInto("scheduler_run")
    .values({ name, slot, claimed_at: now })
    .onConflict((oc) => oc.columns(["name", "slot"]).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
}

export async function finishSlot(db: Db, name: string, slot: Date, now: Date, planned: number): Promise<void> {
  await db.updateTable("scheduler_run").set({ finished_at: now, planned }).where("name", "=", name).where("slot", "=", slot).execute();
}

/** The latest finished run of a job: its slot and when it was claimed (missed slots after downtime are counted from it). */
export async function lastFinishedSlot(db: Db, name: string): Promise<{ slot: Date; claimedAt: Date } | undefined> {
  const row = await db
    .selectFrom("scheduler_run")
    .select(["slot", "claimed_at"])
    .where("name", "=", name)
    .where("finished_at", "is not", null)
    .orderBy("slot", "desc")
    .limit(1)
    .executeTakeFirst();
  return row ? { slot: row.slot, claimedAt: row.claimed_at } : undefined;
}

/** Take the planning lock for the rest of the transaction (see `PLAN_LOCK_ID` in the planner). */
export async function takePlanLock(db: Db, lockId: number): Promise<void> {
  await sql`select pg_advisory_xact_lock(${lockId})`.execute(db);
}
