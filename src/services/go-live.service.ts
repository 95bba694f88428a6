import { ChiboError } from "../domain/errors.js";
import type { Actor } from "../domain/roles.js";
import { writeAudit } from "../db/audit.repository.js";
import { countOrgs } from "../db/org.repository.js";
import type { Db } from "../db/schema.js";
import { getSetting, putSetting } from "../db/setting.repository.js";
import { isProvinceOffice } from "./retention.service.js";

/** The setting holding the day the province started using chibo (`YYYY-MM-DD`). */
export const GO_LIVE_SETTING = "go_live";

/** The province's go-live date, or null when unknown (a store from before it was kept: no bound). */
export async function goLiveDate(db: Db): Promise<string | null> {
  const value = await getSetting<unknown>(db, GO_LIVE_SETTING, null);
  return typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : null;
}

/**
 * Set the go-live date (the province office: `chibo org go-live`, or `/ngaytheodoi` in chat by `by`),
 * written to the audit log.
 */
export async function setGoLiveDate(db: Db, date: string, now: Date, by: number | null = null): Promise<void> {
  const before = await goLiveDate(db);
  await putSetting(db, GO_LIVE_SETTING, date);
  await writeAudit(db, { actorPersonId: by, action: "setting.go_live", entity: "app_setting", entityId: GO_LIVE_SETTING, before, after: date, at: now });
}

export type GoLiveChoice = { ok: true; before: string | null; after: string } | { ok: false; problem: "future" | "changed"; inForce: string | null };

/**
 * The province office moves the go-live date from chat, from the value it was shown (`expected`, null
 * for none): when someone changed it meanwhile nothing is written. A day after today is refused (it
 * would hide the months being reported now). Audited with the old and the new day.
 */
export async function chooseGoLiveDate(db: Db, actor: Actor, date: string, expected: string | null, today: string, now: Date): Promise<GoLiveChoice> {
  if (!(await isProvinceOffice(db, actor))) throw new ChiboError("forbidden");
  const before = await goLiveDate(db);
  if (date > today) return { ok: false, problem: "future", inForce: before };
  if (before !== expected) return { ok: false, problem: "changed", inForce: before };
  if (date !== before) await setGoLiveDate(db, date, now, actor.personId);
  return { ok: true, before, after: date };
}

/** Whether the store holds no unit yet: the units import about to run is the province's first. */
export async function storeIsEmpty(db: Db): Promise<boolean> {
  return (await countOrgs(db)) === 0;
}
