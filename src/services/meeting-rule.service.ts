import { can } from "../domain/access.js";
import { ChiboError } from "../domain/errors.js";
import { isCellKind } from "../domain/org.js";
import type { MeetingRule } from "../domain/meeting-rule.js";
import type { Actor } from "../domain/roles.js";
import { writeAudit } from "../db/audit.repository.js";
import { findOrgById, orgPath, subtreeIds } from "../db/org.repository.js";
import { cancelPending } from "../db/outbox.repository.js";
import { cellsInForce, meetingRuleOf, ownMeetingRule, putMeetingRule, takePlanLock } from "../db/schedule.repository.js";
import type { Db } from "../db/schema.js";
import { PLAN_LOCK_ID, planIntoOutbox } from "./planner.service.js";

/** A unit whose standing meeting rule the actor may set: a cell, or a committee's default for its village cells. */
export interface RuleTarget {
  id: number;
  code: string;
  name: string;
  /** `default`: a commune's (or the province's) rule for its village cells without their own. */
  scope: "cell" | "default";
  /** The rule the unit holds itself, if any. */
  own: MeetingRule | null;
  /** The rule in force for a cell, its own or its commune's. */
  effective: MeetingRule | null;
}

async function targetOf(db: Db, orgId: number, today: string): Promise<RuleTarget> {
  const org = await findOrgById(db, orgId);
  if (!org) throw new ChiboError("not_found");
  const cell = isCellKind(org.kind);
  return {
    id: org.id,
    code: org.code,
    name: org.name,
    scope: cell ? "cell" : "default",
    own: (await ownMeetingRule(db, orgId, today))?.rule ?? null,
    effective: cell ? await meetingRuleOf(db, orgId, today) : null,
  };
}

/**
 * The units whose standing rule the actor may set: the cells they lead, and for a commune (or
 * province) office its default and every cell in force under it. Own cells and defaults first.
 */
export async function ruleTargets(db: Db, actor: Actor, today: string): Promise<RuleTarget[]> {
  const ids: number[] = [];
  for (const r of actor.roles) if ((r.role === "secretary" || r.role === "deputy_secretary") && !ids.includes(r.orgId)) ids.push(r.orgId);
  const offices = [...new Set(actor.roles.filter((r) => r.role === "office_staff").map((r) => r.orgId))];
  const cells = offices.length > 0 ? await cellsInForce(db, today) : [];
  for (const office of offices) {
    if (!ids.includes(office)) ids.push(office);
    const under = new Set(await subtreeIds(db, office));
    for (const c of cells) if (under.has(c.id) && !ids.includes(c.id)) ids.push(c.id);
  }
  const out: RuleTarget[] = [];
  for (const id of ids) {
    const target = await targetOf(db, id, today);
    // A secretary's role on a non-cell org (an agency's committee) sets nothing here.
    if (target.scope === "cell" || offices.includes(id)) out.push(target);
  }
  return out;
}

/** One target, checked: the actor may set its rule. */
export async function ruleTarget(db: Db, actor: Actor, orgId: number, today: string): Promise<RuleTarget> {
  if (!can(actor, "meeting.rule", { orgPath: await orgPath(db, orgId) })) throw new ChiboError("forbidden");
  return targetOf(db, orgId, today);
}

/**
 * Make `rule` the unit's standing rule from today (the old one stays as history), withdraw the
 * reminders planned from the old dates of every cell it governs and plan the new ones, in the
 * caller's transaction under the planning lock; audited. Returns the cells it governs now.
 */
export async function setStandingRule(db: Db, actor: Actor, orgId: number, rule: MeetingRule, now: Date, today: string, tz: string): Promise<{ target: RuleTarget; cells: number }> {
  const target = await ruleTarget(db, actor, orgId, today);
  await takePlanLock(db, PLAN_LOCK_ID);
  await putMeetingRule(db, orgId, rule, today);
  // The cells whose meetings follow this rule now: the cell itself, or the village cells without their own.
  const candidates = target.scope === "cell" ? [orgId] : (await subtreeIds(db, orgId)).filter((id) => id !== orgId);
  const inForce = new Set((await cellsInForce(db, today)).map((c) => c.id));
  const governed: number[] = [];
  for (const id of candidates) {
    if (!inForce.has(id)) continue;
    const effective = await meetingRuleOf(db, id, today);
    if (effective && JSON.stringify(effective) === JSON.stringify(rule)) governed.push(id);
  }
  for (const id of governed) {
    await cancelPending(db, `meet:${id}:`);
    await cancelPending(db, `holiday:${id}:`);
  }
  if (governed.length > 0) await planIntoOutbox(db, { now, tz, orgIds: governed });
  await writeAudit(db, {
    actorPersonId: actor.personId,
    action: "meeting.rule",
    entity: "org",
    entityId: orgId,
    before: target.own ? { rule: target.own } : null,
    after: { rule, from: today },
    at: now,
  });
  return { target, cells: governed.length };
}
