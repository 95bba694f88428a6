import { writeAudit } from "../db/audit.repository.js";
import { accountsOfPerson } from "../db/chat-account.repository.js";
import { channelPreferenceOf, messengerAccountsOf, preferredAccountOf, setChannelPreference } from "../db/channel-pref.repository.js";
import type { Db } from "../db/schema.js";

/** Where a person's reminders go: the channels they are linked on, the one chosen, the one in use now. */
export interface ReminderChannels {
  /** The messengers the person is linked on, sorted. */
  linked: string[];
  /** The channel chosen with `/kenh`, or undefined for "the one used last". */
  chosen: string | undefined;
  /** The channel a reminder would go to now, or undefined when none is reachable. */
  current: string | undefined;
}

/** The messengers a person is linked on (the console is not one), sorted. */
export async function linkedMessengers(db: Db, personId: number): Promise<string[]> {
  return [...new Set((await messengerAccountsOf(db, personId)).map((a) => a.channel))].sort();
}

export async function reminderChannels(db: Db, personId: number): Promise<ReminderChannels> {
  const [linked, chosen, current] = await Promise.all([linkedMessengers(db, personId), channelPreferenceOf(db, personId), preferredAccountOf(db, personId)]);
  return { linked, chosen, current: current?.channel };
}

/** Choose the channel for a person's reminders (`null`: the one used last), audited. */
export async function chooseReminderChannel(db: Db, personId: number, channel: string | null, at: Date): Promise<void> {
  const before = (await channelPreferenceOf(db, personId)) ?? null;
  await setChannelPreference(db, personId, channel, at);
  await writeAudit(db, {
    actorPersonId: personId,
    action: "person.reminder_channel",
    entity: "person",
    entityId: personId,
    before: { channel: before ?? "auto" },
    after: { channel: channel ?? "auto" },
    at,
  });
}

/** Every channel a person has an account on (the console included), in the order they were linked. */
export async function channelsOfPerson(db: Db, personId: number): Promise<string[]> {
  return [...new Set((await accountsOfPerson(db, personId)).map((a) => a.channel))];
}
