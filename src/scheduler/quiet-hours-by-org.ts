import { orgIndex } from "../db/schedule.repository.js";
import { reminderSettingVersions, reminderSettingsStamp } from "../db/reminder-settings.repository.js";
import type { Db } from "../db/schema.js";
import type { QuietHours } from "../domain/schedule/quiet-hours.js";
import { localClock } from "../domain/schedule/local-time.js";
import { DEFAULT_REMINDER_SETTINGS } from "../domain/schedule/settings.js";
import { settingsOn, settingsTimelineIn, type OverrideVersion } from "../domain/schedule/settings-history.js";
import type { Logger } from "../log.js";

/**
 * The quiet hours in force for each org on the day of sending (a province or commune may set its own
 * in its reminder settings, from a day on), for the sender: the same versions and the same resolution
 * as the bot's replies and the planner (`settingsTimelineIn`, `settingsOn`: a cell's own override on top of
 * its commune's and the province's), read from the database.
 *
 * The sender calls `refresh` with each batch it claims: a one-row read of the settings' stamp, and the
 * org tree and versions again only when it moved. So a change saved by `chibo remind --set` — in this
 * process through its admin socket, or by another process on the same PostgreSQL — holds for the very
 * next message, as it does for the bot's reply to a `/doilich` made a second later. (A cache read every
 * five minutes once held a notice for the night the bot had just said was sent.)
 */
export class QuietHoursByOrg {
  private parentOf = new Map<number, number | null>();
  private stored = new Map<number, OverrideVersion[]>();
  private readonly resolved = new Map<string, QuietHours>();
  private stamp: string | undefined;

  constructor(
    private readonly log: Logger,
    private readonly tz: string,
  ) {}

  /**
   * Read the settings again if they changed since the last call (always on the first). True when they
   * were read: what was held under the settings read before must be looked at again.
   */
  async refresh(db: Db): Promise<boolean> {
    const stamp = await reminderSettingsStamp(db);
    if (stamp === this.stamp) return false;
    const [orgs, stored] = await Promise.all([orgIndex(db), reminderSettingVersions(db)]);
    this.parentOf = new Map(orgs.map((o) => [o.id, o.parent_id]));
    this.stored = stored;
    this.resolved.clear();
    this.stamp = stamp;
    return true;
  }

  /** The quiet hours of an org (null: the defaults) at an instant, as last read by `refresh`. */
  of(orgId: number | null, now: Date): QuietHours {
    if (orgId === null) return DEFAULT_REMINDER_SETTINGS.quietHours;
    const day = localClock(now, this.tz).date;
    const key = `${orgId}:${day}`;
    const known = this.resolved.get(key);
    if (known) return known;
    const timeline = settingsTimelineIn(this.parentOf, orgId, this.stored, (org, problems) =>
      this.log.warn({ org, problems }, "invalid reminder settings ignored"),
    );
    const { quietHours } = settingsOn(timeline, day);
    this.resolved.set(key, quietHours);
    return quietHours;
  }
}
