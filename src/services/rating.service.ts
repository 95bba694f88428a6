import { DEFAULT_HTXS_QUOTA_PCT, isRatingLevel, roundPoints, tableKindOf, TABLE_KINDS, toCriteriaTable, type TableKind } from "../domain/forms/criteria.js";
import type { CriteriaTable, RatingFacts, RatingLevel } from "../domain/forms/rating.js";
import { addCounts, countLevels, withShares, type LevelCount } from "../domain/forms/rating-rollup.js";
import { ChiboError } from "../domain/errors.js";
import { isCellKind } from "../domain/org.js";
import type { Actor } from "../domain/roles.js";
import { byNameVi } from "../domain/text/collate.js";
import { writeAudit } from "../db/audit.repository.js";
import { findOrgById } from "../db/org.repository.js";
import {
  decisionsFor,
  decisionForUpdate,
  putDecision,
  putSelfReview,
  ratingReports,
  selfReviewOf,
  selfReviewsOfCell,
  tableInForce,
  tableVersion,
  unitsUnder,
  type RatingDecision,
} from "../db/rating.repository.js";
import type { Db } from "../db/schema.js";
import { recordAccess } from "./access-log.service.js";
import { requireAccess } from "./actor.service.js";

const REF = /^([a-z_]+)\/(\d{4})\/v(\d+)$/;

/**
 * The criteria table an organization is rated on for a year: the version a report names
 * (`village_cell/2025/v1`) when given, else the newest one in force for the organization's kind;
 * undefined when the office has imported none (QĐ 366's two totals are then asked).
 */
export async function ratingTableFor(db: Db, orgId: number, year: number, ref?: unknown): Promise<CriteriaTable | undefined> {
  const named = typeof ref === "string" ? REF.exec(ref) : null;
  if (named && (TABLE_KINDS as readonly string[]).includes(named[1]!)) {
    const table = await tableVersion(db, named[1] as TableKind, Number(named[2]), Number(named[3]));
    if (table) return toCriteriaTable(table);
  }
  const org = await findOrgById(db, orgId);
  const kind = org ? tableKindOf({ kind: org.kind, areaKind: org.area_kind, catchment: org.catchment }) : null;
  if (!kind) return undefined;
  const table = await tableInForce(db, kind, year);
  return table ? toCriteriaTable(table) : undefined;
}

/**
 * The year of the criteria tables a year's review falls back on when the province has not imported that
 * year's (the oldest such year among the kinds of table it has), or null when every kind it has is the
 * year's own, or it has none (QĐ 366's totals apply). "Dùng bảng tiêu chí năm 2025" is said from it.
 */
export async function criteriaFallbackYear(db: Db, year: number): Promise<number | null> {
  const years = (await Promise.all(TABLE_KINDS.map((kind) => tableInForce(db, kind, year)))).flatMap((t) => (t ? [t.year] : []));
  const older = years.filter((y) => y < year);
  return older.length > 0 ? Math.min(...older) : null;
}

/** The member's own table for a year (the bands a member's self-review is read against). */
export async function memberTable(db: Db, year: number): Promise<CriteriaTable | undefined> {
  const table = await tableInForce(db, "member", year);
  return table ? toCriteriaTable(table) : undefined;
}

// ---------------------------------------------------------------- decisions, self-reviews, roll-up

/** A cell (or committee) as the annual review sees it: its own score and level, the committee's decision. */
export interface RatedUnit {
  id: number;
  name: string;
  selfScore: number | null;
  selfLevel: RatingLevel | null;
  decision: RatingDecision | null;
  /** The members' levels as the cell's report gives them. */
  members: Record<RatingLevel, number> | null;
  unratedMembers: number;
  /** Each criterion's score, when the cell scored its table one by one. */
  criteriaScores: Record<string, number> | null;
  criteriaTable: string | null;
  /** What the cell stated beyond its score (the top level needs both). */
  facts: RatingFacts;
}

export interface CommuneRating {
  id: number;
  name: string;
  units: RatedUnit[];
  /** The cells' final levels (the committee's decisions), with the HTXS cap checked. */
  cells: LevelCount;
  /** The members' levels summed over the cells' reports, with the cap checked. */
  members: LevelCount;
  selfRated: number;
  decided: number;
}

const num = (v: unknown): number | null => (typeof v === "number" && Number.isFinite(v) ? v : null);

function ratedUnit(org: { id: number; name: string }, report: { data: Record<string, unknown> } | undefined, decision: RatingDecision | undefined): RatedUnit {
  const d = report?.data ?? {};
  const general = num(d.general_score);
  const tasks = num(d.task_score);
  const members = report ? ({ HTXS: num(d.htxs) ?? 0, HTT: num(d.htt) ?? 0, HT: num(d.ht) ?? 0, KHT: num(d.kht) ?? 0 } as Record<RatingLevel, number>) : null;
  return {
    id: org.id,
    name: org.name,
    selfScore: general !== null && tasks !== null ? roundPoints(general + tasks) : null,
    selfLevel: isRatingLevel(d.cell_self_level) ? d.cell_self_level : null,
    decision: decision ?? null,
    members,
    unratedMembers: num(d.unrated) ?? 0,
    criteriaScores: (d.criteria_scores as Record<string, number> | undefined) ?? null,
    criteriaTable: typeof d.criteria_table === "string" ? d.criteria_table : null,
    facts: { tasksExceeded30pct: d.tasks_exceeded_30pct === true, disciplinedSubunit: d.disciplined_subunit === true },
  };
}

/** The quota a kind's table sets (HD 21/2019's 20% when none was imported). */
async function quotaPct(db: Db, kind: TableKind, year: number): Promise<number> {
  return (await tableInForce(db, kind, year))?.htxsQuotaPct ?? DEFAULT_HTXS_QUOTA_PCT;
}

/**
 * The annual review under an organization the actor may see (`rating.view`): one commune, or every
 * commune under a province; for each, its cells with their own score and level and the committee's
 * decision, the cells' final levels counted with shares and the HTXS cap, and the members' levels
 * summed from the cells' reports with the same cap.
 */
export async function ratingOverview(db: Db, actor: Actor, rootId: number, year: number, today: string): Promise<CommuneRating[]> {
  await requireAccess(db, actor, "rating.view", { orgId: rootId });
  const root = await findOrgById(db, rootId);
  if (!root) throw new ChiboError("not_found");
  const communes = root.kind === "dang_bo_xa" ? [{ id: root.id, name: root.name }] : (await unitsUnder(db, [rootId], today)).filter((o) => o.kind === "dang_bo_xa");
  const cells = (await unitsUnder(db, communes.map((c) => c.id), today)).filter((o) => isCellKind(o.kind));
  const ids = cells.map((c) => c.id);
  const reports = new Map((await ratingReports(db, ids, year)).map((r) => [r.org_id, r]));
  const decisions = new Map((await decisionsFor(db, ids, year)).map((d) => [d.orgId, d]));
  const cellQuota = await quotaPct(db, "village_cell", year);
  const memberQuota = await quotaPct(db, "member", year);
  return communes.map((commune) => {
    const units = cells.filter((c) => c.parent_id === commune.id).map((c) => ratedUnit(c, reports.get(c.id), decisions.get(c.id)));
    const memberCounts = units.reduce((sum, u) => (u.members ? addCounts(sum, u.members) : sum), { HTXS: 0, HTT: 0, HT: 0, KHT: 0 } as Record<RatingLevel, number>);
    return {
      id: commune.id,
      name: commune.name,
      units,
      cells: countLevels(units.map((u) => u.decision?.level), cellQuota),
      members: withShares(memberCounts, units.reduce((s, u) => s + u.unratedMembers, 0), memberQuota),
      selfRated: units.filter((u) => u.selfScore !== null || u.selfLevel !== null).length,
      decided: units.filter((u) => u.decision !== null).length,
    };
  });
}

/**
 * One cell's review: its own scores, the committee's decision and (for its leaders and upward) the
 * members' self-reviews (left out with `reviews: false`, when only the scores are needed).
 */
export async function cellRating(db: Db, actor: Actor, cellId: number, year: number, now: Date, options: { reviews: boolean } = { reviews: true }) {
  await requireAccess(db, actor, "rating.view", { orgId: cellId });
  const org = await findOrgById(db, cellId);
  if (!org) throw new ChiboError("not_found");
  const [report] = await ratingReports(db, [cellId], year);
  const [decision] = await decisionsFor(db, [cellId], year);
  const reviews = options.reviews ? (await selfReviewsOfCell(db, cellId, year)).sort(byNameVi((r) => r.fullName)) : [];
  // Members' self-reviews are their personal data: each view of others' is recorded (Law 91/2025/QH15).
  await recordAccess(db, actor, { what: "rating.self_reviews", orgId: cellId, subjectIds: reviews.map((r) => r.personId) }, now);
  const table = await ratingTableFor(db, cellId, year, report?.data.criteria_table);
  return { unit: ratedUnit(org, report, decision), reviews, table };
}

export interface DecisionInput {
  orgId: number;
  year: number;
  score: number | null;
  level: RatingLevel;
  note: string | null;
  /**
   * The revision of the cell's decision the deciding screen was opened on (0: none). When the stored one
   * has changed since (another committee member decided meanwhile), nothing is written: `rating_changed`.
   */
  revision?: number;
}

/** Longest note or self-assessment kept: a few sentences, not a report. */
export const MAX_REVIEW_TEXT = 500;

/**
 * The committee's score and final level of a cell (`rating.decide`). A level other than the one the
 * cell gave itself needs a note saying why (`rating_note_required`). Replaces an earlier decision,
 * which the audit log keeps, only when it is the one the screen was opened on (`revision`, checked under
 * the row's lock; else `rating_changed`).
 */
export async function decideRating(db: Db, actor: Actor, input: DecisionInput, now: Date): Promise<{ before: RatingDecision | undefined; unit: RatedUnit }> {
  await requireAccess(db, actor, "rating.decide", { orgId: input.orgId });
  const org = await findOrgById(db, input.orgId);
  if (!org || !isCellKind(org.kind)) throw new ChiboError("not_found");
  if (input.score !== null && (!Number.isFinite(input.score) || input.score < 0 || input.score > 100)) throw new ChiboError("invalid_input");
  const [report] = await ratingReports(db, [input.orgId], input.year);
  const unit = ratedUnit(org, report, undefined);
  const note = input.note?.trim().slice(0, MAX_REVIEW_TEXT) || null;
  if (unit.selfLevel !== null && unit.selfLevel !== input.level && note === null) throw new ChiboError("rating_note_required");
  // Never over a decision the decider has not seen: another came in since their screen was opened.
  if (input.revision !== undefined && ((await decisionForUpdate(db, input.orgId, input.year))?.revision ?? 0) !== input.revision) throw new ChiboError("rating_changed");
  const given = { orgId: input.orgId, year: input.year, score: input.score, level: input.level, note, decidedBy: actor.personId, decidedAt: now };
  const { before, revision } = await putDecision(db, given);
  const decision: RatingDecision = { ...given, revision };
  await writeAudit(db, { actorPersonId: actor.personId, action: "rating.decide", entity: "rating_decision", entityId: `${input.orgId}:${input.year}`, ...(before ? { before: { level: before.level, score: before.score, note: before.note } } : {}), after: { level: input.level, score: input.score, note }, at: now });
  return { before, unit: { ...unit, decision } };
}

/** A member's own level and short self-assessment for a year, in their cell (`rating.self_review`). */
export async function saveSelfReview(db: Db, actor: Actor, input: { year: number; level: RatingLevel; text: string }, now: Date): Promise<void> {
  if (actor.cellId === null) throw new ChiboError("forbidden");
  await requireAccess(db, actor, "rating.self_review", { orgId: actor.cellId, personId: actor.personId });
  const text = input.text.trim();
  if (!text || text.length > MAX_REVIEW_TEXT || !isRatingLevel(input.level)) throw new ChiboError("invalid_input");
  await putSelfReview(db, { personId: actor.personId, cellId: actor.cellId, year: input.year, level: input.level, text, at: now });
  await writeAudit(db, { actorPersonId: actor.personId, action: "rating.self_review", entity: "member_self_review", entityId: `${actor.personId}:${input.year}`, after: { level: input.level }, at: now });
}

/** The member's own self-review of a year, if given. */
export async function ownSelfReview(db: Db, actor: Actor, year: number) {
  const row = await selfReviewOf(db, actor.personId, year);
  return row ? { level: row.level as RatingLevel, text: row.text, at: row.at } : undefined;
}
