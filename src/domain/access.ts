import type { Actor, Role } from "./roles.js";

/**
 * What a person may do. Each action names how far it reaches from the roles that grant it:
 * - `self`: only the actor's own record;
 * - `org`: the org the role is held in (a secretary's own cell);
 * - `subtree`: that org and everything under it (a commune office's commune).
 * Assigned cadres reach their assigned orgs' subtrees for the actions marked `assigned`.
 */
export const ACTIONS = [
  "person.view_self",
  "cell.view_summary",
  "cell.view_members",
  "person.view",
  "report.submit",
  "report.view",
  "report.accept",
  "meeting.manage",
  "meeting.rsvp_proxy",
  "meeting.rule",
  "rollup.view",
  "assignment.manage",
  "announcement.send",
  "invite.create",
  "data.export",
  "data.import",
  "household.view",
  "household.log_visit",
  "access_log.view",
  "correction.handle",
  "records.view",
  "records.edit",
  "candidate.view",
  "candidate.manage",
  "development.target",
  "task.view",
  "task.update",
  "guidance.publish",
  "rating.view",
  "rating.decide",
  "rating.self_review",
] as const;
export type Action = (typeof ACTIONS)[number];

type Reach = "org" | "subtree";

interface Grant {
  roles: Partial<Record<Role, Reach>>;
  /** Assigned cadres may do this within the subtree of what they follow. */
  assigned?: boolean;
  /** Every person may do this for themselves. */
  self?: boolean;
}

const CELL_LEADERS = { secretary: "org", deputy_secretary: "org" } as const;
const OFFICE = { office_staff: "subtree" } as const;

// The access table: access follows the org tree (DESIGN.md "Access follows the org tree").
const GRANTS: Record<Action, Grant> = {
  "person.view_self": { roles: {}, self: true },
  "cell.view_summary": {
    roles: { member: "org", ...CELL_LEADERS, cell_committee: "org", commune_committee: "subtree", commune_standing: "subtree", ...OFFICE },
    assigned: true,
  },
  "cell.view_members": {
    roles: { ...CELL_LEADERS, cell_committee: "org", commune_standing: "subtree", ...OFFICE },
    assigned: true,
  },
  "person.view": {
    roles: { ...CELL_LEADERS, cell_committee: "org", commune_standing: "subtree", ...OFFICE },
    assigned: true,
    self: true,
  },
  "report.submit": { roles: { ...CELL_LEADERS } },
  "report.view": {
    roles: { ...CELL_LEADERS, cell_committee: "org", commune_committee: "subtree", commune_standing: "subtree", ...OFFICE },
    assigned: true,
  },
  "report.accept": { roles: { commune_standing: "subtree", ...OFFICE } },
  "meeting.manage": { roles: { ...CELL_LEADERS } },
  "meeting.rsvp_proxy": { roles: { ...CELL_LEADERS } },
  // The standing monthly rule: the cell's leaders for their cell, the office for any cell in reach and the commune's default.
  "meeting.rule": { roles: { ...CELL_LEADERS, ...OFFICE } },
  "rollup.view": {
    roles: { commune_committee: "subtree", commune_standing: "subtree", ...OFFICE },
    assigned: true,
  },
  "assignment.manage": { roles: { commune_standing: "subtree", ...OFFICE } },
  "announcement.send": { roles: { commune_standing: "subtree", ...OFFICE } },
  "invite.create": { roles: { ...CELL_LEADERS, ...OFFICE } },
  "data.export": { roles: { commune_standing: "subtree", ...OFFICE } },
  "data.import": { roles: { ...OFFICE } },
  "household.view": { roles: { ...CELL_LEADERS, ...OFFICE }, assigned: true },
  "household.log_visit": { roles: { ...CELL_LEADERS }, assigned: true },
  // Personal data law: the commune office answers for who looked at whose details.
  "access_log.view": { roles: { commune_standing: "subtree", ...OFFICE } },
  // A member's "yêu cầu sửa" goes to their cell's leaders or the office above.
  "correction.handle": { roles: { ...CELL_LEADERS, ...OFFICE } },
  // The village record names the village's workers: seen as people data is (the cell and its upper levels).
  "records.view": {
    roles: { ...CELL_LEADERS, cell_committee: "org", commune_standing: "subtree", ...OFFICE },
    assigned: true,
  },
  "records.edit": { roles: { ...CELL_LEADERS } },
  // Candidates for membership are not members yet: their details stay with the cell and the offices above.
  "candidate.view": { roles: { ...CELL_LEADERS, cell_committee: "org", commune_standing: "subtree", ...OFFICE } },
  "candidate.manage": { roles: { ...CELL_LEADERS } },
  "development.target": { roles: { ...OFFICE } },
  // Resolution tasks: seen where the cell's reports are seen; marked done or late by the cell's
  // leaders (and by the task's owner, checked where the task is known).
  "task.view": {
    roles: { ...CELL_LEADERS, cell_committee: "org", commune_committee: "subtree", commune_standing: "subtree", ...OFFICE },
    assigned: true,
  },
  "task.update": { roles: { ...CELL_LEADERS } },
  // The month's guidance on the meetings' content, for every cell of the commune.
  "guidance.publish": { roles: { commune_standing: "subtree", ...OFFICE } },
  // The annual review (QĐ 366, HD 43): members' self-reviews are seen by their cell's leaders and upward;
  // the commune committee (standing board, office) scores each cell and sets its final level.
  "rating.view": {
    roles: { ...CELL_LEADERS, cell_committee: "org", commune_committee: "subtree", commune_standing: "subtree", ...OFFICE },
    assigned: true,
  },
  "rating.decide": { roles: { commune_standing: "subtree", ...OFFICE } },
  "rating.self_review": { roles: { member: "org" } },
};

/**
 * What an action is aimed at. `orgPath` is the target's org followed by its ancestors up to the root
 * (for a person: their cell's path); `personId` when the target is a person; `householdId` for a household.
 */
export interface Target {
  orgPath: readonly number[];
  personId?: number;
  householdId?: number;
}

/**
 * Whether `actor` may perform `action` on `target`. Pure: the caller supplies the target's org path.
 *
 * @example can(secretary, "cell.view_members", { orgPath: [cellId, communeId, provinceId] }) // true
 */
export function can(actor: Actor, action: Action, target: Target): boolean {
  const grant = GRANTS[action];
  if (grant.self && target.personId !== undefined && target.personId === actor.personId) return true;
  const targetOrg = target.orgPath[0];
  if (targetOrg === undefined) return false;
  for (const held of actor.roles) {
    const reach = grant.roles[held.role];
    if (reach === "org" && held.orgId === targetOrg) return true;
    if (reach === "subtree" && target.orgPath.includes(held.orgId)) return true;
  }
  if (grant.assigned) {
    for (const a of actor.assignments) {
      if (a.orgId !== null && target.orgPath.includes(a.orgId)) return true;
      if (a.householdId !== null && target.householdId === a.householdId) return true;
    }
  }
  return false;
}

/**
 * Whether the actor holds any role that could grant `action` somewhere (to decide whether to offer a command).
 * A member who only follows households is offered the household commands, not the cells' roll-ups.
 */
export function mayEver(actor: Actor, action: Action): boolean {
  const grant = GRANTS[action];
  if (grant.self) return true;
  if (grant.assigned && actor.assignments.some((a) => a.orgId !== null || (a.householdId !== null && action.startsWith("household.")))) return true;
  return actor.roles.some((r) => grant.roles[r.role] !== undefined);
}
