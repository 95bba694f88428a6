import { sql } from "kysely";
import type { Db } from "./schema.js";

/** The channel that cannot carry a reminder or a notice: the console exists only while someone types in it. */
export const NOT_FOR_NOTICES = "console";

/**
 * The order that picks where a person's notices go among their reachable accounts: the channel they
 * chose (`/kenh`) first, then the one used last. For queries joining `chat_account` and
 * `person_channel_pref` under the given aliases.
 */
export function preferredAccountOrder(account: string, pref: string) {
  return sql`(${sql.ref(`${account}.channel`)} = ${sql.ref(`${pref}.channel`)}) desc nulls last, ${sql.ref(`${account}.last_seen_at`)} desc nulls last, ${sql.ref(`${account}.id`)} desc`;
}

export interface ReminderAccount {
  accountId: number;
  channel: string;
  chatId: string;
}

/** The channel a person chose for reminders, or undefined for "the one used last". */
export async function channelPreferenceOf(db: Db, personId: number): Promise<string | undefined> {
  const row = await db.selectFrom("person_channel_pref").select("channel").where("person_id", "=", personId).executeTakeFirst();
  return row?.channel;
}

/** Choose a channel for a person's reminders; `null` goes back to "the one used last". */
export async function setChannelPreference(db: Db, personId: number, channel: string | null, at: Date): Promise<void> {
  if (channel === null) {
    await db.deleteFrom("person_channel_pref").where("person_id", "=", personId).execute();
    return;
  }
  await db
    .insertInto("person_channel_pref")
    .values({ person_id: personId, channel, updated_at: at })
    .onConflict((oc) => oc.column("person_id").doUpdateSet({ channel, updated_at: at }))
    .execute();
}

/** A person's linked messenger accounts (not the console), most recently used first. */
export async function messengerAccountsOf(db: Db, personId: number) {
  const rows = await db
    .selectFrom("chat_account")
    .select(["id", "channel", "chat_id", "reachable", "last_seen_at"])
    .where("person_id", "=", personId)
    .execute();
  return rows
    .filter((r) => r.channel !== NOT_FOR_NOTICES)
    .sort((a, b) => (b.last_seen_at?.getTime() ?? 0) - (a.last_seen_at?.getTime() ?? 0) || b.id - a.id);
}

/**
 * The account a reminder for this person goes to: on the chosen channel when it is reachable,
 * otherwise the reachable account used last. Undefined when the person has none (not linked on a
 * messenger, or every account marked unreachable).
 *
 * @example const to = await preferredAccountOf(db, personId); if (to) await channels[to.channel].send(to.chatId, replies)
 */
export async function preferredAccountOf(db: Db, personId: number): Promise<ReminderAccount | undefined> {
  const accounts = await messengerAccountsOf(db, personId);
  const preferred = await channelPreferenceOf(db, personId);
  const reachable = accounts.filter((a) => a.reachable);
  const chosen = reachable.find((a) => a.channel === preferred) ?? reachable[0];
  return chosen ? { accountId: chosen.id, channel: chosen.channel, chatId: chosen.chat_id } : undefined;
}

/**
 * Why a person's notices cannot go out, for people with no reachable messenger account:
 * `console_only` — linked, but only on the console (`NOT_FOR_NOTICES`); `unreachable` — a Zalo or
 * Telegram account that no longer takes messages (the bot was blocked); `none` — no account at all.
 */
export type NoReachReason = "console_only" | "unreachable" | "none";

/** `NoReachReason` of each of these people (meant for those `reminderAccounts` found no account for). */
export async function noReachReasons(db: Db, personIds: readonly number[]): Promise<Map<number, NoReachReason>> {
  const ids = [...new Set(personIds)];
  const out = new Map<number, NoReachReason>(ids.map((id) => [id, "none"]));
  if (ids.length === 0) return out;
  const rows = await db.selectFrom("chat_account").select(["person_id", "channel"]).where("person_id", "in", ids).execute();
  for (const r of rows) {
    if (r.person_id === null) continue;
    const reason: NoReachReason = r.channel === NOT_FOR_NOTICES ? "console_only" : "unreachable";
    // A messenger account, even an unreachable one, says more than a console one.
    if (out.get(r.person_id) !== "unreachable") out.set(r.person_id, reason);
  }
  return out;
}
