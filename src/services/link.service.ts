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
import type { Db } from "../db/schema.js";

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
 * Failure limits shared by many accounts, each per LINK_FAILURE_WINDOW_MIN minutes: ten fresh
 * accounts making five wrong guesses each stay under the per-account limit but not under these.
 * `source`: one platform and the same first half of a code (someone completing a half they know);
 * `platform`: all accounts of one platform; `global`: every platform together.
 */
export const SHARED_LINK_LIMITS = { source: 10, platform: 30, global: 60 } as const;
export type SharedLinkScope = keyof typeof SHARED_LINK_LIMITS;
/** A block lasts the window, then twice as long each time it is hit again, up to a day. */
export const LINK_BLOCK_MAX_MS = 24 * 60 * MINUTE_MS;
/** Back-off is forgotten a day after the last block ended. */
const STRIKES_FORGOTTEN_MS = 24 * 60 * MINUTE_MS;
/** Characters of the normalized code that make its "source" (the first of its two halves). */
const SOURCE_PREFIX = 5;

interface Bucket {
  scope: SharedLinkScope;
  key: string;
}

/** The shared buckets an attempt counts in; the code's half is stored hashed, never as typed. */
function sharedBuckets(channel: string, normalizedCode: string | null): Bucket[] {
  const buckets: Bucket[] = [
    { scope: "platform", key: `platform:${channel}` },
    { scope: "global", key: "global" },
  ];
  if (normalizedCode) buckets.unshift({ scope: "source", key: `source:${channel}:${hashInviteCode(normalizedCode.slice(0, SOURCE_PREFIX)).slice(0, 16)}` });
  return buckets;
}

/**
 * Count a failure in a shared bucket. Past its limit in the window the bucket is blocked for the
 * window × 2^strikes (capped at LINK_BLOCK_MAX_MS) and the office's audit log records it, with the
 * scope and platform only (no account, no code).
 */
async function countShared(db: Db, bucket: Bucket, channel: string, now: Date): Promise<void> {
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
    await writeAudit(db, {
      actorPersonId: null,
      action: "invite.rate_limit",
      entity: "link_limit",
      entityId: bucket.scope === "source" ? `source:${channel}` : bucket.key,
      after: { scope: bucket.scope, channel: bucket.scope === "global" ? null : channel, failures, blockedUntil: blocked.toISOString(), strike: strikes + 1 },
      at: now,
    });
    strikes += 1;
    failures = 0;
    windowStart = now;
  }
  await saveLinkLimit(db, bucket.key, { window_start: windowStart, failures, strikes, blocked_until: blocked });
}

export interface LinkingAccount {
  id: number;
  channel: string;
  platformUserId: string;
  personId: number | null;
}

async function rateLimited(db: Db, account: LinkingAccount, now: Date): Promise<boolean> {
  const attempts = await findLinkAttempts(db, account.channel, account.platformUserId);
  const windowStart = new Date(now.getTime() - LINK_FAILURE_WINDOW_MIN * MINUTE_MS);
  return !!attempts && attempts.window_start >= windowStart && attempts.failures >= LINK_MAX_FAILURES;
}

async function fail(db: Db, account: LinkingAccount, now: Date, reason: Exclude<LinkOutcome, { ok: true }>["reason"], code: string | null): Promise<LinkOutcome> {
  const windowStart = new Date(now.getTime() - LINK_FAILURE_WINDOW_MIN * MINUTE_MS);
  await recordLinkFailure(db, account.channel, account.platformUserId, now, windowStart);
  for (const bucket of sharedBuckets(account.channel, code)) await countShared(db, bucket, account.channel, now);
  return { ok: false, reason };
}

/**
 * Redeem a typed code for a chat account. Failures are counted per account (past LINK_MAX_FAILURES
 * in LINK_FAILURE_WINDOW_MIN minutes every attempt of that account is refused, right or wrong) and
 * in the shared buckets of SHARED_LINK_LIMITS (a blocked bucket refuses every account in it, with
 * `invite_busy`, until its back-off ends).
 */
export async function redeemInvite(db: Db, account: LinkingAccount, typed: string, now: Date): Promise<LinkOutcome> {
  return redeemOrCheck(db, account, typed, now, true);
}

/**
 * The same checks as `redeemInvite` (failures counted alike) without using the code: whose code it
 * is, so the personal-data notice can be shown before the account is linked.
 */
export async function checkInvite(db: Db, account: LinkingAccount, typed: string, now: Date): Promise<LinkOutcome> {
  return redeemOrCheck(db, account, typed, now, false);
}

async function redeemOrCheck(db: Db, account: LinkingAccount, typed: string, now: Date, use: boolean): Promise<LinkOutcome> {
  if (await rateLimited(db, account, now)) return { ok: false, reason: "invite_rate_limited" };
  const normalized = normalizeInviteCode(typed);
  if (await blockedUntil(db, sharedBuckets(account.channel, normalized).map((b) => b.key), now)) return { ok: false, reason: "invite_busy" };
  if (!normalized) return fail(db, account, now, "invite_unknown", null);
  const invite = await findInviteForUpdate(db, hashInviteCode(normalized));
  if (!invite) return fail(db, account, now, "invite_unknown", normalized);
  if (invite.used_at) {
    // The same account pressing the same deep link twice is already linked: say so kindly.
    if (invite.used_by_account_id === account.id && account.personId === invite.person_id) {
      return { ok: false, reason: "already_linked" };
    }
    return fail(db, account, now, "invite_used", normalized);
  }
  if (invite.expires_at <= now) return fail(db, account, now, "invite_expired", normalized);
  const person = await findPersonById(db, invite.person_id);
  if (!person) return fail(db, account, now, "invite_unknown", normalized);
  if (!use) return { ok: true, personId: person.id, fullName: person.full_name };
  if (!(await markInviteUsed(db, invite.id, account.id, now))) return fail(db, account, now, "invite_used", normalized);
  await linkAccount(db, account.id, person.id, now);
  await clearLinkFailures(db, account.channel, account.platformUserId);
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

export type PhoneLinkOutcome =
  | { ok: true; personId: number; fullName: string }
  | { ok: false; reason: "phone_unknown" | "phone_ambiguous" | "invite_rate_limited" };

/** Link by a phone number the platform vouched for (a contact the user shared of themselves). */
export async function linkByPhone(db: Db, account: LinkingAccount, rawPhone: string, now: Date, use = true): Promise<PhoneLinkOutcome> {
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
