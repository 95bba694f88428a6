import { writeAudit } from "../db/audit.repository.js";
import { countOrgs } from "../db/org.repository.js";
import type { Db } from "../db/schema.js";
import { getSetting, putSetting } from "../db/setting.repository.js";

/** The setting holding the day the province started using chibo (`YYYY-MM-DD`). */
export const GO_LIVE_SETTING = "go_live";

/** The province's go-live date, or null when unknown (a store from before it was kept: no bound). */
export async function goLiveDate(db: Db): Promise<string | null> {
  const value = await getSetting<unknown>(db, GO_LIVE_SETTING, null);
  return typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : null;
}

/** Set the go-live date (the province office, `chibo org go-live`), written to the audit log. */
export async function setGoLiveDate(db: Db, date: string, now: Date): Promise<void> {
  const before = await goLiveDate(db);
  await putSetting(db, GO_LIVE_SETTING, date);
  await writeAudit(db, { actorPersonId: null, action: "setting.go_live", entity: "app_setting", entityId: GO_LIVE_SETTING, before, after: date, at: now });
}

/** Whether the store holds no unit yet: the units import about to run is the province's first. */
export async function storeIsEmpty(db: Db): Promise<boolean> {
  return (await countOrgs(db)) === 0;
}
