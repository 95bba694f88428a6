import { checkRetentionChoice, RETENTION_TABLE, retentionDays, type RetentionDays, type RetentionRule } from "../domain/privacy.js";
import type { Actor } from "../domain/roles.js";
import { orgPath } from "../db/org.repository.js";
import { pruneFinished, type PruneCounts } from "../db/housekeeping.repository.js";
import { getSetting, putSetting } from "../db/setting.repository.js";
import type { Db } from "../db/schema.js";

/** The app_setting key holding a province's retention choices (`{"accessLog": 730, …}`). */
export const RETENTION_SETTING = "retention";

/** The days in force: the retention table with the province's valid choices. */
export async function retentionInForce(db: Db): Promise<RetentionDays> {
  return retentionDays(await getSetting<Record<string, unknown>>(db, RETENTION_SETTING, {}));
}

/** Store a province's choice for one settable kind; refuses a fixed kind or days out of bounds. */
export async function chooseRetention(db: Db, kind: string, days: number): Promise<ReturnType<typeof checkRetentionChoice>> {
  const problem = checkRetentionChoice(kind, days);
  if (problem) return problem;
  const stored = await getSetting<Record<string, unknown>>(db, RETENTION_SETTING, {});
  await putSetting(db, RETENTION_SETTING, { ...stored, [kind]: days });
  return null;
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
