import { can } from "../domain/access.js";
import { ChiboError } from "../domain/errors.js";
import type { Actor } from "../domain/roles.js";
import { findOrgById, orgPath } from "../db/org.repository.js";
import { hasMessengerAccount, unlinkedHolders, type UnlinkedRow } from "../db/onboarding.repository.js";
import type { Db } from "../db/schema.js";
import { createInvite } from "./link.service.js";
import { compareVi } from "../domain/text/collate.js";

/** Who may be invited from chat, grouped by unit: a cell's members (for its secretary) or a commune's cell secretaries (for its office). */
export interface InviteGroup {
  orgId: number;
  orgName: string;
  kind: "members" | "secretaries";
  people: Invitee[];
}

export interface Invitee {
  personId: number;
  name: string;
  /** `member`, `secretary` or `deputy_secretary`: what they are in `cellName`. */
  role: string;
  cellName: string;
}

export interface IssuedInvite {
  personId: number;
  name: string;
  role: string;
  code: string;
  expiresAt: Date;
}

/** The most invites one "all" creates: a cell's roll, or a commune's secretaries, fits well under it. */
export const MAX_INVITES_AT_ONCE = 100;

const LEADERS = new Set(["secretary", "deputy_secretary"]);

function toInvitee(r: UnlinkedRow): Invitee {
  return { personId: r.personId, name: r.name, role: r.role, cellName: r.orgName };
}

/**
 * The people this actor may invite who have no messenger account yet: a secretary or deputy sees
 * their cell's members (not themselves); a commune (or province) office sees the secretaries and
 * deputies of the cells under it. Access follows `invite.create` (domain/access.ts).
 */
export async function inviteesFor(db: Db, actor: Actor, today: string): Promise<InviteGroup[]> {
  const groups: InviteGroup[] = [];
  const cellIds = [...new Set(actor.roles.filter((r) => LEADERS.has(r.role)).map((r) => r.orgId))];
  const members = await unlinkedHolders(db, { orgIds: cellIds }, ["member"], today);
  for (const cellId of cellIds) {
    const people = members.filter((m) => m.orgId === cellId && m.personId !== actor.personId);
    const name = members.find((m) => m.orgId === cellId)?.orgName;
    if (people.length > 0 && name) groups.push({ orgId: cellId, orgName: name, kind: "members", people: people.map(toInvitee).sort((a, b) => compareVi(a.name, b.name)) });
  }
  for (const officeOrg of [...new Set(actor.roles.filter((r) => r.role === "office_staff").map((r) => r.orgId))]) {
    const leaders = (await unlinkedHolders(db, { underId: officeOrg }, [...LEADERS], today)).filter((r) => r.personId !== actor.personId);
    const seen = new Set<number>();
    const people = leaders.filter((r) => !seen.has(r.personId) && seen.add(r.personId)).map(toInvitee);
    if (people.length === 0) continue;
    const org = await findOrgById(db, officeOrg);
    groups.push({ orgId: officeOrg, orgName: org?.name ?? "", kind: "secretaries", people: people.sort((a, b) => compareVi(a.cellName, b.cellName) || compareVi(a.name, b.name)) });
  }
  return groups;
}

/** Re-check that the actor may invite for the group's org (a button's ids are never trusted). */
async function requireInviteAccess(db: Db, actor: Actor, orgId: number): Promise<void> {
  if (!can(actor, "invite.create", { orgPath: await orgPath(db, orgId) })) throw new ChiboError("forbidden");
}

export type InviteOneOutcome = { ok: true; invite: IssuedInvite } | { ok: false; reason: "linked" | "not_in_list" };

/**
 * A one-time code for one person of the actor's list (same expiry, single use and audit as `chibo invite`).
 * A person linked meanwhile, or not in the actor's list (any more), gets no code.
 */
export async function inviteOne(db: Db, actor: Actor, personId: number, now: Date, today: string): Promise<InviteOneOutcome> {
  const groups = await inviteesFor(db, actor, today);
  const group = groups.find((g) => g.people.some((p) => p.personId === personId));
  if (!group) return { ok: false, reason: (await hasMessengerAccount(db, personId)) ? "linked" : "not_in_list" };
  await requireInviteAccess(db, actor, group.orgId);
  const person = group.people.find((p) => p.personId === personId)!;
  const { code, expiresAt } = await createInvite(db, personId, actor.personId, now);
  return { ok: true, invite: { personId, name: person.name, role: person.role, code, expiresAt } };
}

/** Codes for everyone of one group (at most MAX_INVITES_AT_ONCE), for the printable sheet. */
export async function inviteGroup(db: Db, actor: Actor, orgId: number, now: Date, today: string): Promise<{ group: InviteGroup; invites: (IssuedInvite & { cellName: string })[] }> {
  const group = (await inviteesFor(db, actor, today)).find((g) => g.orgId === orgId);
  if (!group) throw new ChiboError("stale_choice");
  await requireInviteAccess(db, actor, orgId);
  const invites: (IssuedInvite & { cellName: string })[] = [];
  for (const p of group.people.slice(0, MAX_INVITES_AT_ONCE)) {
    const { code, expiresAt } = await createInvite(db, p.personId, actor.personId, now);
    invites.push({ personId: p.personId, name: p.name, role: p.role, cellName: p.cellName, code, expiresAt });
  }
  return { group, invites };
}

/** How members find the Zalo bot: its name in Zalo's search (`ZALO_BOT_NAME`), a link that opens it (`ZALO_BOT_LINK`). */
export interface ZaloBot {
  name?: string;
  link?: string;
}

/**
 * The Fluent id and arguments of the invitation's Zalo line: where to find the bot (as configured),
 * then what to send it. `code` may be a placeholder ("MÃ") on a printed sheet.
 *
 * @example zaloHow({ name: "Trợ lý chi bộ Sơn Mây" }, "ABCDE-FGHJK") // ["invite-zalo-how-name", {...}]
 */
export function zaloHow(bot: ZaloBot, code: string): [string, Record<string, string>] {
  const args = { code, zaloName: bot.name ?? "", zaloLink: bot.link ?? "" };
  if (bot.name && bot.link) return ["invite-zalo-how-name-link", args];
  if (bot.name) return ["invite-zalo-how-name", args];
  if (bot.link) return ["invite-zalo-how-link", args];
  return ["invite-zalo-how", args];
}

/** The Telegram deep link that opens the bot with the code (`/start CODE`); null without the bot's username. */
export function telegramLink(botUsername: string | undefined, code: string): string | null {
  return botUsername ? `https://t.me/${botUsername}?start=${code}` : null;
}
