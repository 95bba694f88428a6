import {
  hashInviteCode,
  INVITE_TTL_DAYS,
  LINK_FAILURE_WINDOW_MIN,
  LINK_MAX_FAILURES,
  newInviteCode,
  normalizeInviteCode,
} from "../domain/invite-code.js";
import { normalizePhone } from "../domain/phone.js";
import { linkAccount } from "../db/chat-account.repository.js";
import { writeAudit } from "../db/audit.repository.js";
import {
  clearLinkFailures,
  findInviteForUpdate,
  findLinkAttempts,
  insertInvite,
  markInviteUsed,
  recordLinkFailure,
} from "../db/invite.repository.js";
import { blockedUntil, lockLinkLimit, saveLinkLimit } from "../db/link-limit.repository.js";
import { findPeopleByPhone, findPersonById } from "../db/person.repository.js";
import { findRootOrg } from "../db/org.repository.js";
import { enqueueMessages, reviveUnlinked } from "../db/outbox.repository.js";
import { messengerAccountsOf, preferredAccountOf } from "../db/channel-pref.repository.js";
import { localInstant } from "../domain/schedule/local-time.js";
import { reminderAccounts, roleHolders } from "../db/schedule.repository.js";
import type { Db } from "../db/schema.js";
import { DEFAULT_TZ, localDate } from "../domain/time.js";
import type { Logger } from "../log.js";

const DAY_MS = 24 * 60 * 60 * 1000;
const MINUTE_MS = 60 * 1000;

export interface NewInvite {
  code: string;
  expiresAt: Date;
}

/**
 * A single-use link code for a person, valid INVITE_TTL_DAYS days; only its hash is stored.
 *
 * @example const { code } = await createInvite(db, personId, null, new Date())
 */
export async function createInvite(db: Db, personId: number, createdBy: number | null, now: Date): Promise<NewInvite> {
  const code = newInviteCode();
  const expiresAt = new Date(now.getTime() + INVITE_TTL_DAYS * DAY_MS);
  const normalized = normalizeInviteCode(code) as string;
  const { id } = await insertInvite(db, { personId, codeHash: hashInviteCode(normalized), expiresAt, createdBy });
  await writeAudit(db, { actorPersonId: createdBy, action: "invite.create", entity: "invite", entityId: id, after: { personId, expiresAt }, at: now });
  return { code, expiresAt };
}

export type LinkOutcome =
  | { ok: true; personId: number; fullName: string }
  | { ok: false; reason: "invite_unknown" | "invite_used" | "invite_expired" | "invite_rate_limited" | "invite_busy" | "already_linked" };

/**
 * How hard a code is to guess, and so how much limiting it needs. A code is INVITE_CODE_LENGTH = 10
 * characters from a 30-letter alphabet: 30^10 ≈ 5.9 × 10^14 codes. A province has about 70,000
 * members; even with a live code for every one of them (a code lives INVITE_TTL_DAYS = 7 days) one
 * random guess hits some code with odds 7 × 10^4 / 5.9 × 10^14 ≈ 1 in 8.4 × 10^9. One account may
 * make LINK_MAX_FAILURES = 5 wrong guesses per LINK_FAILURE_WINDOW_MIN = 15 minutes, 480 a day: a
 * thousand accounts guessing day and night would need about 17,600 days (48 years) for one expected
 * hit, and their 480,000 wrong codes a day would keep the office alerted all along. Someone who
 * knows the first half of one code still has 30^5 ≈ 24 million completions, and the `source`
 * bucket below gives every account together 10 tries per window at that half.
 *
 * So nothing here ever stops linking for everyone (a go-live session of secretaries mistyping, or a
 * stranger with a few accounts, must not shut the door on the whole province):
 * - `source` (one platform, the same first half of a code): past its limit that half is blocked for
 *   everyone — it stands for one code, the one being completed;
 * - `platform` (all accounts of one platform) and `global` (every platform): past their limits,
 *   far above what a training session mistypes, the office is alerted (chat, metrics, log, audit)
 *   and guessing is slowed: each account may then make LINK_MAX_FAILURES_SLOWED wrong guesses per
 *   window instead of LINK_MAX_FAILURES. A right code from an account not over its own limit is
 *   always accepted.
 * Only wrong codes of a code's shape count here: a used or expired code was a real one (a member
 * retrying an old code), and text that cannot be a code guesses nothing.
 */
export const SHARED_LINK_LIMITS = { source: 10, platform: 300, global: 600 } as const;
export type SharedLinkScope = keyof typeof SHARED_LINK_LIMITS;
/** Wrong guesses an account may make per window while its platform (or every platform) is slowed. */
export const LINK_MAX_FAILURES_SLOWED = 2;
/** A block or a slow-down lasts the window, then twice as long each time it is hit again, up to a day. */
export const LINK_BLOCK_MAX_MS = 24 * 60 * MINUTE_MS;
/** Back-off is forgotten a day after the last block ended. */
const STRIKES_FORGOTTEN_MS = 24 * 60 * MINUTE_MS;
/** Characters of the normalized code that make its "source" (the first of its two halves). */
const SOURCE_PREFIX = 5;

interface Bucket {
  scope: SharedLinkScope;
  key: string;
}

/** The buckets whose limit slows a platform's guessing (never blocks it). */
function slowingBuckets(channel: string): Bucket[] {
  return [
    { scope: "platform", key: `platform:${channel}` },
    { scope: "global", key: "global" },
  ];
}

/** The bucket of a code's first half; stored hashed, never as typed. */
function sourceBucket(channel: string, normalizedCode: string): Bucket {
  return { scope: "source", key: `source:${channel}:${hashInviteCode(normalizedCode.slice(0, SOURCE_PREFIX)).slice(0, 16)}` };
}

/** What a caller may pass for the office to hear of a slow-down: the log, and the zone "today" is in. */
export interface LinkOptions {
  log?: Logger;
  tz?: string;
}

/**
 * Count a wrong guess in a shared bucket. Past its limit in the window the bucket's `blocked_until`
 * is set to the window × 2^strikes (capped at LINK_BLOCK_MAX_MS): a block for `source`, a slow-down
 * for `platform` and `global`. Each time, the office's audit log records the scope and platform only
 * (no account, no code); a slow-down is also logged and sent to the province office.
 */
async function countShared(db: Db, bucket: Bucket, channel: string, now: Date, options: LinkOptions): Promise<void> {
  const windowMs = LINK_FAILURE_WINDOW_MIN * MINUTE_MS;
  const row = await lockLinkLimit(db, bucket.key, now);
  let { failures, strikes } = row;
  let windowStart = row.window_start;
  if (row.blocked_until && now.getTime() - row.blocked_until.getTime() > STRIKES_FORGOTTEN_MS) strikes = 0;
  if (now.getTime() - windowStart.getTime() >= windowMs) {
    windowStart = now;
    failures = 0;
  }
  failures += 1;
  let blocked = row.blocked_until;
  if (failures >= SHARED_LINK_LIMITS[bucket.scope]) {
    blocked = new Date(now.getTime() + Math.min(LINK_BLOCK_MAX_MS, windowMs * 2 ** strikes));
    const platform = bucket.scope === "global" ? null : channel;
    await writeAudit(db, {
      actorPersonId: null,
      action: "invite.rate_limit",
      entity: "link_limit",
      entityId: bucket.scope === "source" ? `source:${channel}` : bucket.key,
      after: { scope: bucket.scope, channel: platform, failures, blockedUntil: blocked.toISOString(), strike: strikes + 1 },
      at: now,
    });
    if (bucket.scope !== "source") {
      options.log?.warn({ scope: bucket.scope, channel: platform, failures, slowedUntil: blocked.toISOString() }, "many wrong invite codes: guessing slowed, office alerted");
      await alertOffice(db, { key: `${bucket.key}:${windowStart.toISOString()}`, channel: platform, failures, until: blocked }, now, options.tz ?? DEFAULT_TZ);
    }
    strikes += 1;
    failures = 0;
    windowStart = now;
  }
  await saveLinkLimit(db, bucket.key, { window_start: windowStart, failures, strikes, blocked_until: blocked });
}

/** The province office hears of a slow-down in chat: how many wrong codes, on which platform, until when. */
async function alertOffice(db: Db, alert: { key: string; channel: string | null; failures: number; until: Date }, now: Date, tz: string): Promise<void> {
  const root = await findRootOrg(db);
  if (!root) return;
  const office = await roleHolders(db, ["office_staff"], localDate(now, tz), [root.id]);
  const accounts = await reminderAccounts(db, office.map((r) => r.person_id));
  await enqueueMessages(
    db,
    [...new Set(office.map((r) => r.person_id))].map((personId) => ({
      key: `link-alert:${alert.key}:${personId}`,
      kind: "link.alert" as const,
      personId,
      orgId: root.id,
      to: accounts.get(personId) ?? null,
      payload: { channel: alert.channel, failures: alert.failures, minutes: LINK_FAILURE_WINDOW_MIN, perAccount: LINK_MAX_FAILURES_SLOWED, until: alert.until.toISOString() },
      dueAt: now,
      // Held through the night's quiet hours, it still tells the office in the morning what happened.
      expiresAt: null,
    })),
  );
}

export interface LinkingAccount {
  id: number;
  channel: string;
  platformUserId: string;
  personId: number | null;
}

/** Whether this account is over its own limit: LINK_MAX_FAILURES per window, fewer while its platform is slowed. */
async function rateLimited(db: Db, account: LinkingAccount, now: Date): Promise<boolean> {
  const attempts = await findLinkAttempts(db, account.channel, account.platformUserId);
  const windowStart = new Date(now.getTime() - LINK_FAILURE_WINDOW_MIN * MINUTE_MS);
  if (!attempts || attempts.window_start < windowStart) return false;
  if (attempts.failures >= LINK_MAX_FAILURES) return true;
  if (attempts.failures < LINK_MAX_FAILURES_SLOWED) return false;
  return (await blockedUntil(db, slowingBuckets(account.channel).map((b) => b.key), now)) !== null;
}

async function fail(db: Db, account: LinkingAccount, now: Date, reason: Exclude<LinkOutcome, { ok: true }>["reason"], guess: string | null, options: LinkOptions): Promise<LinkOutcome> {
  const windowStart = new Date(now.getTime() - LINK_FAILURE_WINDOW_MIN * MINUTE_MS);
  await recordLinkFailure(db, account.channel, account.platformUserId, now, windowStart);
  if (guess) {
    for (const bucket of [sourceBucket(account.channel, guess), ...slowingBuckets(account.channel)]) await countShared(db, bucket, account.channel, now, options);
  }
  return { ok: false, reason };
}

/**
 * Redeem a typed code for a chat account. Failures are counted per account (past LINK_MAX_FAILURES
 * in LINK_FAILURE_WINDOW_MIN minutes every attempt of that account is refused, right or wrong) and
 * wrong guesses in the shared buckets of SHARED_LINK_LIMITS (a blocked code half is refused with
 * `invite_busy`; a slowed platform only lowers each account's own limit).
 */
export async function redeemInvite(db: Db, account: LinkingAccount, typed: string, now: Date, options: LinkOptions = {}): Promise<LinkOutcome> {
  return redeemOrCheck(db, account, typed, now, true, options);
}

/**
 * The same checks as `redeemInvite` (failures counted alike) without using the code: whose code it
 * is, so the personal-data notice can be shown before the account is linked.
 */
export async function checkInvite(db: Db, account: LinkingAccount, typed: string, now: Date, options: LinkOptions = {}): Promise<LinkOutcome> {
  return redeemOrCheck(db, account, typed, now, false, options);
}

async function redeemOrCheck(db: Db, account: LinkingAccount, typed: string, now: Date, use: boolean, options: LinkOptions): Promise<LinkOutcome> {
  if (await rateLimited(db, account, now)) return { ok: false, reason: "invite_rate_limited" };
  const normalized = normalizeInviteCode(typed);
  if (!normalized) return fail(db, account, now, "invite_unknown", null, options);
  if (await blockedUntil(db, [sourceBucket(account.channel, normalized).key], now)) return { ok: false, reason: "invite_busy" };
  const invite = await findInviteForUpdate(db, hashInviteCode(normalized));
  if (!invite) return fail(db, account, now, "invite_unknown", normalized, options);
  if (invite.used_at) {
    // The same account pressing the same deep link twice is already linked: say so kindly.
    if (invite.used_by_account_id === account.id && account.personId === invite.person_id) {
      return { ok: false, reason: "already_linked" };
    }
    return fail(db, account, now, "invite_used", null, options);
  }
  if (invite.expires_at <= now) return fail(db, account, now, "invite_expired", null, options);
  const person = await findPersonById(db, invite.person_id);
  if (!person) return fail(db, account, now, "invite_unknown", null, options);
  if (!use) return { ok: true, personId: person.id, fullName: person.full_name };
  if (!(await markInviteUsed(db, invite.id, account.id, now))) return fail(db, account, now, "invite_used", null, options);
  await linkAccount(db, account.id, person.id, now);
  await clearLinkFailures(db, account.channel, account.platformUserId);
  await tellOtherAccounts(db, person.id, account, now);
  await deliverToday(db, person.id, now, options.tz ?? DEFAULT_TZ);
  await writeAudit(db, {
    actorPersonId: person.id,
    action: "account.link",
    entity: "chat_account",
    entityId: account.id,
    before: { personId: account.personId },
    after: { personId: person.id, via: "invite", inviteId: invite.id },
    at: now,
  });
  return { ok: true, personId: person.id, fullName: person.full_name };
}

/** Channels a notice about a newly linked account may name (`account.linked`). */
const NAMED_CHANNELS = new Set(["telegram", "zalo", "console"]);

/**
 * The person's other messenger accounts hear that one more was linked, on which messenger and when:
 * a code forwarded into the wrong hands shows at once, not only in `/toi`.
 */
async function tellOtherAccounts(db: Db, personId: number, linked: LinkingAccount, now: Date): Promise<void> {
  if (!NAMED_CHANNELS.has(linked.channel)) return;
  const others = (await messengerAccountsOf(db, personId)).filter((a) => a.id !== linked.id && a.reachable);
  await enqueueMessages(
    db,
    others.map((a) => ({
      key: `account-linked:${linked.id}:${now.toISOString()}:${a.id}`,
      kind: "account.linked" as const,
      personId,
      orgId: null,
      to: { accountId: a.id, channel: a.channel, chatId: a.chat_id },
      payload: { channel: linked.channel, at: now.toISOString() },
      dueAt: now,
      expiresAt: null,
    })),
  );
}

/**
 * Reminders planned today while the person had no account were stored `skipped` (`unlinked`): once
 * they link a messenger, the ones not yet expired go to it (the catch-up deadline, the D-3 notice).
 */
async function deliverToday(db: Db, personId: number, now: Date, tz: string): Promise<void> {
  const to = await preferredAccountOf(db, personId);
  if (!to) return;
  await reviveUnlinked(db, personId, to, localInstant(localDate(now, tz), "00:00", tz), now);
}

/** The messengers a person is linked on (not the console), e.g. ["telegram"]: `chibo invite` says so. */
export async function linkedMessengers(db: Db, personId: number): Promise<string[]> {
  return [...new Set((await messengerAccountsOf(db, personId)).map((a) => a.channel))];
}

export type PhoneLinkOutcome =
  | { ok: true; personId: number; fullName: string }
  | { ok: false; reason: "phone_unknown" | "phone_ambiguous" | "invite_rate_limited" };

/** Link by a phone number the platform vouched for (a contact the user shared of themselves). */
export async function linkByPhone(db: Db, account: LinkingAccount, rawPhone: string, now: Date, use = true, options: LinkOptions = {}): Promise<PhoneLinkOutcome> {
  if (await rateLimited(db, account, now)) return { ok: false, reason: "invite_rate_limited" };
  const phone = normalizePhone(rawPhone);
  const matches = phone ? await findPeopleByPhone(db, phone) : [];
  if (matches.length !== 1) {
    const windowStart = new Date(now.getTime() - LINK_FAILURE_WINDOW_MIN * MINUTE_MS);
    await recordLinkFailure(db, account.channel, account.platformUserId, now, windowStart);
    return { ok: false, reason: matches.length === 0 ? "phone_unknown" : "phone_ambiguous" };
  }
  const person = await findPersonById(db, (matches[0] as { id: number }).id);
  if (!person) return { ok: false, reason: "phone_unknown" };
  // `use` false: only whose number it is, so the personal-data notice comes before the link.
  if (!use) return { ok: true, personId: person.id, fullName: person.full_name };
  await linkAccount(db, account.id, person.id, now);
  await clearLinkFailures(db, account.channel, account.platformUserId);
  await tellOtherAccounts(db, person.id, account, now);
  await deliverToday(db, person.id, now, options.tz ?? DEFAULT_TZ);
  await writeAudit(db, {
    actorPersonId: person.id,
    action: "account.link",
    entity: "chat_account",
    entityId: account.id,
    before: { personId: account.personId },
    after: { personId: person.id, via: "phone" },
    at: now,
  });
  return { ok: true, personId: person.id, fullName: person.full_name };
}
