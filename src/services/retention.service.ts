import { checkRetentionChoice, RETENTION_TABLE, retentionDays, type RetentionDays, type RetentionKind, type RetentionRule } from "../domain/privacy.js";
import type { Actor } from "../domain/roles.js";
import { orgPath } from "../db/org.repository.js";
import { writeAudit } from "../db/audit.repository.js";
import { pruneFinished, type PruneCounts } from "../db/housekeeping.repository.js";
import { getSetting, incrementSetting, putSetting } from "../db/setting.repository.js";
import { NOTICE_REVISION_SETTING } from "../db/privacy.repository.js";
import type { Db } from "../db/schema.js";

/** The app_setting key holding a province's retention choices (`{"accessLog": 730, …}`). */
export const RETENTION_SETTING = "retention";

/** The days in force: the retention table with the province's valid choices. */
export async function retentionInForce(db: Db): Promise<RetentionDays> {
  return retentionDays(await getSetting<Record<string, unknown>>(db, RETENTION_SETTING, {}));
}

export type RetentionProblem = NonNullable<ReturnType<typeof checkRetentionChoice>>;

/** A province's choice: refused with a reason, or stored (`revised`: the days in force changed). */
export type RetentionChoice = { ok: false; problem: RetentionProblem } | { ok: true; revised: boolean };

/**
 * Store a province's choice for one settable kind; refuses a fixed kind or days out of bounds. The
 * personal-data notice quotes every settable period, so a choice that changes the days in force is a
 * new revision of the notice: every linked account is shown it once more (Law 91/2025: people are
 * told when how long their data is kept changes). Choosing the days already in force changes nothing.
 * The change is in the audit log (who, when, from and to), which with the consents' times tells which
 * periods a person was shown.
 */
export async function chooseRetention(db: Db, kind: string, days: number, by: { personId: number; at: Date }): Promise<RetentionChoice> {
  const problem = checkRetentionChoice(kind, days);
  if (problem) return { ok: false, problem };
  const stored = await getSetting<Record<string, unknown>>(db, RETENTION_SETTING, {});
  const before = retentionDays(stored)[kind as RetentionKind];
  await putSetting(db, RETENTION_SETTING, { ...stored, [kind]: days });
  if (before === days) return { ok: true, revised: false };
  const revision = await incrementSetting(db, NOTICE_REVISION_SETTING);
  await writeAudit(db, { actorPersonId: by.personId, action: "retention.set", entity: "retention", entityId: kind, before: { days: before }, after: { days, noticeRevision: revision }, at: by.at });
  return { ok: true, revised: true };
}

/** The daily clean-up: remove what the retention table (with the province's choices) says is done. */
export async function applyRetention(db: Db, now: Date): Promise<PruneCounts> {
  return pruneFinished(db, now, await retentionInForce(db));
}

/** Whether the actor is on the province office (office staff of the root org): only they choose periods. */
export async function isProvinceOffice(db: Db, actor: Actor): Promise<boolean> {
  for (const held of actor.roles) {
    if (held.role === "office_staff" && (await orgPath(db, held.orgId)).length === 1) return true;
  }
  return false;
}

/** The retention table with the days in force, for `/luutru`. */
export async function retentionOverview(db: Db): Promise<(RetentionRule & { inForce: number })[]> {
  const days = await retentionInForce(db);
  return RETENTION_TABLE.map((r) => ({ ...r, inForce: days[r.kind] }));
}
