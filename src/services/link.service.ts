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
  | { ok: false; reason: "invite_unknown" | "invite_used" | "invite_expired" | "invite_rate_limited" | "already_linked" };

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

async function fail(db: Db, account: LinkingAccount, now: Date, reason: Exclude<LinkOutcome, { ok: true }>["reason"]): Promise<LinkOutcome> {
  const windowStart = new Date(now.getTime() - LINK_FAILURE_WINDOW_MIN * MINUTE_MS);
  await recordLinkFailure(db, account.channel, account.platformUserId, now, windowStart);
  return { ok: false, reason };
}

/**
 * Redeem a typed code for a chat account. Failures are counted per account; past LINK_MAX_FAILURES
 * in LINK_FAILURE_WINDOW_MIN minutes every attempt is refused, right or wrong.
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
  if (!normalized) return fail(db, account, now, "invite_unknown");
  const invite = await findInviteForUpdate(db, hashInviteCode(normalized));
  if (!invite) return fail(db, account, now, "invite_unknown");
  if (invite.used_at) {
    // The same account pressing the same deep link twice is already linked: say so kindly.
    if (invite.used_by_account_id === account.id && account.personId === invite.person_id) {
      return { ok: false, reason: "already_linked" };
    }
    return fail(db, account, now, "invite_used");
  }
  if (invite.expires_at <= now) return fail(db, account, now, "invite_expired");
  const person = await findPersonById(db, invite.person_id);
  if (!person) return fail(db, account, now, "invite_unknown");
  if (!use) return { ok: true, personId: person.id, fullName: person.full_name };
  if (!(await markInviteUsed(db, invite.id, account.id, now))) return fail(db, account, now, "invite_used");
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
