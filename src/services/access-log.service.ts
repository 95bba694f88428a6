import { can, mayEver } from "../domain/access.js";
import type { AccessKind } from "../domain/privacy.js";
import type { Actor } from "../domain/roles.js";
import { ChiboError } from "../domain/errors.js";
import { orgPath } from "../db/org.repository.js";
import { accessUnder, insertAccess } from "../db/privacy.repository.js";
import type { Db } from "../db/schema.js";

export interface AccessView {
  what: AccessKind;
  /** The org whose people were shown (a cell, a commune for an export). */
  orgId: number | null;
  /** The one person shown, for a profile. */
  subjectPersonId?: number | null;
  /** How many people other than the viewer were named; 0 records nothing. Defaults to `subjectIds`' count. */
  peopleCount?: number;
  /**
   * The people a view of a group named (a member list, absentees, a report's absentees and owners),
   * so each finds the view in their `/dulieu`. The viewer is left out; one row holds them all.
   */
  subjectIds?: readonly number[];
  /** The report the view opened (`report.names`). */
  reportId?: number;
}

/**
 * Record a view of other people's personal details: who, when, what, for which org. The one call
 * every such place makes (member lists, absentees and reasons, a profile, exports naming people).
 * A person viewing only their own data is not recorded. Only ids go in, never names: the log holds
 * no personal detail of its own.
 *
 * @example await recordAccess(trx, actor, { what: "cell.members", orgId: cellId, subjectIds: list.map((m) => m.id) }, now)
 */
export async function recordAccess(db: Db, actor: Actor, view: AccessView, at: Date): Promise<boolean> {
  const subject = view.subjectPersonId ?? null;
  if (subject !== null && subject === actor.personId) return false;
  const subjectIds = view.subjectIds ? [...new Set(view.subjectIds)].filter((id) => id !== actor.personId) : [];
  const count = view.peopleCount ?? (view.subjectIds ? subjectIds.length : 0);
  if (subject === null && count <= 0) return false;
  await insertAccess(db, {
    at,
    viewerPersonId: actor.personId,
    what: view.what,
    orgId: view.orgId,
    subjectPersonId: subject,
    peopleCount: view.peopleCount ?? (subject === null ? count : null),
    subjectIds,
    reportId: view.reportId ?? null,
  });
  return true;
}

export interface AccessLine {
  at: Date;
  viewer: string;
  what: string;
  org: string | null;
  subject: string | null;
  peopleCount: number | null;
}

/** Orgs where the actor may read the access log (commune office, standing committee). */
export function accessLogRoots(actor: Actor): number[] {
  return actor.roles.filter((r) => r.role === "office_staff" || r.role === "commune_standing").map((r) => r.orgId);
}

/**
 * The access log of the orgs under `rootId` for the last `days` days, newest first. Only the
 * commune office (or standing committee) of that org or above may read it.
 */
export async function accessLogOf(db: Db, actor: Actor, rootId: number, since: Date, limit = 50): Promise<AccessLine[]> {
  if (!mayEver(actor, "access_log.view") || !can(actor, "access_log.view", { orgPath: await orgPath(db, rootId) })) {
    throw new ChiboError("forbidden");
  }
  const rows = await accessUnder(db, rootId, since, limit);
  return rows.map((r) => ({ at: r.at, viewer: r.viewer, what: r.what, org: r.org, subject: r.subject, peopleCount: r.people_count === null ? null : Number(r.people_count) }));
}
