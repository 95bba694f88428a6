import { settingsAlongPath, type ReminderSettings } from "../domain/schedule/settings.js";
import { orgPath } from "../db/org.repository.js";
import { reminderSettingOverrides } from "../db/schedule.repository.js";
import type { Db } from "../db/schema.js";

/**
 * The reminder settings in force for an org: the defaults, then each stored override from the
 * province down to the org itself (invalid ones ignored, as the planner does).
 */
export async function settingsOfOrg(db: Db, orgId: number, onInvalid?: (orgId: number, problems: string[]) => void): Promise<ReminderSettings> {
  const [stored, path] = await Promise.all([reminderSettingOverrides(db), orgPath(db, orgId)]);
  return settingsAlongPath(path.reverse(), stored, onInvalid);
}
