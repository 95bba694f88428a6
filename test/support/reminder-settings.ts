import { addReminderSettingVersion } from "../../src/db/reminder-settings.repository.js";
import type { Db } from "../../src/db/schema.js";
import { SINCE_ALWAYS } from "../../src/domain/schedule/settings-history.js";

/** Give an org an override as if it had always been so (a version from `SINCE_ALWAYS`, saved after the others). */
export async function settingsSinceAlways(db: Db, orgId: number, value: object): Promise<void> {
  await addReminderSettingVersion(db, { orgId, validFrom: SINCE_ALWAYS, value, source: "cli" });
}

/** Remove every stored version of an org's override: it follows the province's, or the defaults, again. */
export async function clearSettings(db: Db, orgId: number): Promise<void> {
  await db.deleteFrom("reminder_setting_version").where("org_id", "=", orgId).execute();
}
