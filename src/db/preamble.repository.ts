import { sql } from "kysely";
import type { HeldAssignment, HeldRole } from "../domain/roles.js";
import { NOTICE_REVISION_SETTING } from "./privacy.repository.js";
import type { Db } from "./schema.js";

/** Whether account `a` saw the notice version given at the revision in force (as `sawNotice`); null when none is given. */
function noticeSeen(version: number | undefined) {
  if (version === undefined) return sql`null::boolean`;
  const revision = sql`coalesce((select (value #>> '{}')::integer from app_setting where key = ${NOTICE_REVISION_SETTING}), 0)`;
  return sql`exists (select 1 from privacy_consent pc where pc.account_id = a.id and (pc.notice_version, pc.periods_revision) >= (${version}::integer, ${revision}))`;
}

export interface InboundKey {
  channel: string;
  platformUserId: string;
  chatId: string;
  /** The platform's update key; without one nothing is claimed (the console has none). */
  updateKey?: string | undefined;
  at: Date;
  /** A group message never becomes the account's chat (see `touchAccount`). */
  privateChat: boolean;
  /** The sender's local date: the roles and assignments in force on it. */
  today: string;
  /** The personal-data notice version in force: read whether the account saw it (at the revision in force). */
  noticeVersion?: number;
}

/** What every incoming message needs before a feature runs. */
export interface Preamble {
  account: {
    id: number;
    personId: number | null;
    language: string | null;
    /** Whether this account was shown the notice in force (undefined: not asked, no `noticeVersion`). */
    noticeSeen?: boolean;
  };
  /** The linked person, with the roles and assignments in force today; null when unlinked. */
  person: { id: number; fullName: string; cellId: number | null; roles: HeldRole[]; assignments: HeldAssignment[] } | null;
  /** The chat's stored conversation state, expired or not; undefined when none. */
  conversation: { state: Record<string, unknown>; expired: boolean } | undefined;
}

interface PreambleRow {
  account_id: number;
  person_id: number | null;
  language: string | null;
  notice_seen: boolean | null;
  person_row_id: number | null;
  full_name: string | null;
  cell_id: number | null;
  roles: { role: HeldRole["role"]; orgId: number }[];
  assignments: HeldAssignment[];
  state: Record<string, unknown> | null;
  expired: boolean | null;
}

/**
 * Open an incoming message in one statement: claim its update key, find or create the sender's
 * account (the same rules as `touchAccount`), and read the linked person with the roles and
 * assignments in force today, the chat's conversation and whether the account saw the personal-data notice.
 * Returns undefined when the update key was claimed before (a redelivery): then nothing is written.
 * Call inside the handling transaction.
 *
 * Each statement costs the bot's thread and PostgreSQL about 0.1 ms each (docs/benchmarks.md,
 * "What the inbound benchmark found"): this one replaces five.
 *
 * @example const opened = await openInbound(trx, { channel: "telegram", platformUserId: "42", chatId: "42", updateKey: "7", at, privateChat: true, today: "2025-12-05" })
 */
export async function openInbound(db: Db, key: InboundKey): Promise<Preamble | undefined> {
  const at = sql`${key.at}::timestamptz`;
  const today = sql`${key.today}::date`;
  const claimed =
    key.updateKey === undefined
      ? sql`select 1 as claimed`
      : sql`insert into inbound_update (channel, update_key, received_at)
            values (${key.channel}, ${key.updateKey}, ${at})
            on conflict (channel, update_key) do nothing
            returning 1 as claimed`;
  // A private message makes this chat the account's and the account reachable; a group one only
  // refreshes last_seen_at, and a first sighting in a group stays unreachable.
  const onConflict = key.privateChat
    ? sql`chat_id = excluded.chat_id, last_seen_at = excluded.last_seen_at, reachable = true`
    : sql`last_seen_at = excluded.last_seen_at`;
  const { rows } = await sql<PreambleRow>`
    with claimed as (${claimed}),
    account as (
      insert into chat_account (channel, platform_user_id, chat_id, last_seen_at, reachable)
      select ${key.channel}::text, ${key.platformUserId}::text, ${key.chatId}::text, ${at}, ${key.privateChat}::boolean
      where exists (select 1 from claimed)
      on conflict (channel, platform_user_id) do update set ${onConflict}
      returning id, person_id, language
    )
    select
      a.id as account_id, a.person_id, a.language,
      ${noticeSeen(key.noticeVersion)} as notice_seen,
      p.id as person_row_id, p.full_name, p.cell_id,
      (select coalesce(json_agg(json_build_object('role', r.role, 'orgId', r.org_id) order by r.id), '[]'::json)
         from role r
        where r.person_id = p.id and r.valid_from <= ${today} and (r.valid_to is null or r.valid_to > ${today})) as roles,
      (select coalesce(json_agg(json_build_object('orgId', s.org_id, 'householdId', s.household_id) order by s.id), '[]'::json)
         from assignment s
        where s.cadre_id = p.id and s.valid_from <= ${today} and (s.valid_to is null or s.valid_to > ${today})) as assignments,
      c.state, c.expires_at <= ${at} as expired
    from account a
    left join person p on p.id = a.person_id
    left join conversation c on c.channel = ${key.channel}::text and c.chat_id = ${key.chatId}::text
  `.execute(db);
  const row = rows[0];
  return row ? preambleOf(row) : undefined;
}

function preambleOf(row: PreambleRow): Preamble {
  return {
    account: {
      id: row.account_id,
      personId: row.person_id,
      language: row.language,
      ...(row.notice_seen === null ? {} : { noticeSeen: row.notice_seen }),
    },
    person:
      row.person_row_id === null
        ? null
        : { id: row.person_row_id, fullName: row.full_name as string, cellId: row.cell_id, roles: row.roles, assignments: row.assignments },
    conversation: row.state === null ? undefined : { state: row.state, expired: row.expired === true },
  };
}

interface PreambleManyRow extends PreambleRow {
  ord: number;
}

/**
 * `openInbound` for several messages in one statement (a getUpdates batch's group): each message's
 * key claimed, its sender's account found or created by the same rules, and the same reads. Every
 * message must carry an update key, and no two may share a sender or a chat (an account is written
 * once per statement, and a chat's second message must see the state its first one left): the
 * caller puts a chat's next message in a later group. The notice version asked is the first key's (the
 * bot asks the same for all). The result is aligned with `keys`: undefined
 * where the key was claimed before (a redelivery, nothing written for it).
 *
 * @example const [first, second] = await openInboundMany(trx, [keyA, keyB])
 */
export async function openInboundMany(db: Db, keys: readonly InboundKey[]): Promise<(Preamble | undefined)[]> {
  if (keys.length === 0) return [];
  const values = keys.map((key, ord) => {
    if (key.updateKey === undefined) throw new Error("openInboundMany: every message needs an update key");
    return sql`(${ord}::int, ${key.channel}::text, ${key.platformUserId}::text, ${key.chatId}::text, ${key.updateKey}::text, ${key.at}::timestamptz, ${key.privateChat}::boolean, ${key.today}::date)`;
  });
  // As in openInbound: a private message makes its chat the account's and the account reachable
  // (inserted with reachable = privateChat, so `excluded.reachable` tells which); a group one only
  // refreshes last_seen_at.
  const { rows } = await sql<PreambleManyRow>`
    with input (ord, channel, platform_user_id, chat_id, update_key, at, private_chat, today) as (values ${sql.join(values)}),
    claimed as (
      insert into inbound_update (channel, update_key, received_at)
      select channel, update_key, at from input
      on conflict (channel, update_key) do nothing
      returning channel, update_key
    ),
    fresh as (
      select i.* from input i join claimed c on c.channel = i.channel and c.update_key = i.update_key
    ),
    account as (
      insert into chat_account (channel, platform_user_id, chat_id, last_seen_at, reachable)
      select channel, platform_user_id, chat_id, at, private_chat from fresh
      on conflict (channel, platform_user_id) do update set
        chat_id = case when excluded.reachable then excluded.chat_id else chat_account.chat_id end,
        last_seen_at = excluded.last_seen_at,
        reachable = chat_account.reachable or excluded.reachable
      returning id, channel, platform_user_id, person_id, language
    )
    select
      f.ord,
      a.id as account_id, a.person_id, a.language,
      ${noticeSeen(keys[0]?.noticeVersion)} as notice_seen,
      p.id as person_row_id, p.full_name, p.cell_id,
      (select coalesce(json_agg(json_build_object('role', r.role, 'orgId', r.org_id) order by r.id), '[]'::json)
         from role r
        where r.person_id = p.id and r.valid_from <= f.today and (r.valid_to is null or r.valid_to > f.today)) as roles,
      (select coalesce(json_agg(json_build_object('orgId', s.org_id, 'householdId', s.household_id) order by s.id), '[]'::json)
         from assignment s
        where s.cadre_id = p.id and s.valid_from <= f.today and (s.valid_to is null or s.valid_to > f.today)) as assignments,
      c.state, c.expires_at <= f.at as expired
    from fresh f
    join account a on a.channel = f.channel and a.platform_user_id = f.platform_user_id
    left join person p on p.id = a.person_id
    left join conversation c on c.channel = f.channel and c.chat_id = f.chat_id
  `.execute(db);
  const opened: (Preamble | undefined)[] = new Array(keys.length).fill(undefined);
  for (const row of rows) opened[Number(row.ord)] = preambleOf(row);
  return opened;
}
