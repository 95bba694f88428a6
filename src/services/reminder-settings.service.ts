import { settingsOn, timelineAlongPath, alwaysTimeline, type SettingsTimeline } from "../domain/schedule/settings-history.js";
import type { ReminderOverride, ReminderSettings } from "../domain/schedule/settings.js";
import { writeAudit } from "../db/audit.repository.js";
import { orgPath, orgPaths } from "../db/org.repository.js";
import { addReminderSettingVersion, reminderSettingVersions, storedSettingVersions, type StoredSettingVersion } from "../db/reminder-settings.repository.js";
import type { ReminderSettingSource } from "../db/reminder-settings.table.js";
import type { Db } from "../db/schema.js";

type OnInvalid = (orgId: number, problems: string[]) => void;

/**
 * An org's reminder settings over time: the defaults, then each stored override version from the
 * province down to the org itself (invalid ones ignored, as the planner does). Read a period's
 * deadline from it with `settingsForPeriod`, what is sent on a day with `settingsOn`.
 */
export async function settingsTimelineOf(db: Db, orgId: number, onInvalid?: OnInvalid): Promise<SettingsTimeline> {
  const [stored, path] = await Promise.all([reminderSettingVersions(db), orgPath(db, orgId)]);
  return timelineAlongPath(path.reverse(), stored, onInvalid);
}

/** The reminder settings in force for an org on a local day (`YYYY-MM-DD`). */
export async function settingsOfOrg(db: Db, orgId: number, day: string, onInvalid?: OnInvalid): Promise<ReminderSettings> {
  return settingsOn(await settingsTimelineOf(db, orgId, onInvalid), day);
}

/**
 * The settings timelines of several orgs (the communes of a roll-up), keyed by org id; only their
 * paths are read, and none when no org has settings of its own (every org then has the defaults').
 */
export async function settingsTimelines(db: Db, orgIds: readonly number[]): Promise<(orgId: number | null) => SettingsTimeline> {
  const stored = await reminderSettingVersions(db);
  const always = alwaysTimeline();
  if (stored.size === 0) return () => always;
  const paths = await orgPaths(db, orgIds);
  const byOrg = new Map<number, SettingsTimeline>();
  for (const [id, path] of paths) byOrg.set(id, timelineAlongPath([...path].reverse(), stored));
  return (orgId) => (orgId === null ? always : (byOrg.get(orgId) ?? always));
}

export type SettingsChange =
  /** `laterFrom`: the first day of a version of the org's own saved for after `validFrom`, which replaces this one from then. */
  | { ok: true; versionId: number; validFrom: string; laterFrom?: string }
  | { ok: false; problem: "past"; today: string };

/**
 * Save a new version of an org's override, in force from `from` (default: `today`, the province's
 * local day). A day before today is refused and nothing is written: a past period's deadline is
 * what offices filed. The change is audited with the version it follows and the new one.
 */
export async function changeReminderSettings(
  db: Db,
  change: { orgId: number; value: ReminderOverride; from?: string; today: string; now: Date; source: ReminderSettingSource; by?: number | null },
): Promise<SettingsChange> {
  const validFrom = change.from ?? change.today;
  if (validFrom < change.today) return { ok: false, problem: "past", today: change.today };
  const run = async (trx: Db): Promise<SettingsChange> => {
    const own = await storedSettingVersions(trx, [change.orgId]);
    const before = [...own].reverse().find((v) => v.validFrom <= validFrom);
    const later = own.find((v) => v.validFrom > validFrom);
    const versionId = await addReminderSettingVersion(trx, { orgId: change.orgId, validFrom, value: change.value, source: change.source, changedBy: change.by ?? null, at: change.now });
    await writeAudit(trx, {
      actorPersonId: change.by ?? null,
      action: "setting.reminders",
      entity: "org",
      entityId: change.orgId,
      before: before ? { validFrom: before.validFrom, value: before.value } : null,
      after: { validFrom, value: change.value },
      at: change.now,
    });
    return later ? { ok: true, versionId, validFrom, laterFrom: later.validFrom } : { ok: true, versionId, validFrom };
  };
  return db.isTransaction ? run(db) : db.transaction().execute(run);
}

/** The stored versions along an org's path (the province's and the org's own), oldest first, with the org each belongs to. */
export async function settingsChangesOf(db: Db, orgId: number): Promise<StoredSettingVersion[]> {
  return storedSettingVersions(db, await orgPath(db, orgId));
}
