import { resolveSettings, type ReminderSettings } from "../domain/schedule/settings.js";
import { orgPath } from "../db/org.repository.js";
import { reminderSettingOverrides } from "../db/schedule.repository.js";
import type { Db } from "../db/schema.js";

/**
 * The reminder settings in force for an org: the defaults, then each stored override from the
 * province down to the org itself (invalid ones ignored, as the planner does).
 */
export async function settingsOfOrg(db: Db, orgId: number, onInvalid?: (orgId: number, problems: string[]) => void): Promise<ReminderSettings> {
  const stored = await reminderSettingOverrides(db);
  const withOverride = (await orgPath(db, orgId)).reverse().filter((id) => stored.has(id));
  return resolveSettings(
    withOverride.map((id) => stored.get(id)),
    (index, problems) => onInvalid?.(withOverride[index] as number, problems),
  );
}
