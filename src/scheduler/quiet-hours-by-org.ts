import { orgIndex } from "../db/schedule.repository.js";
import { reminderSettingVersions } from "../db/reminder-settings.repository.js";
import type { Db } from "../db/schema.js";
import type { QuietHours } from "../domain/schedule/quiet-hours.js";
import { localClock } from "../domain/schedule/local-time.js";
import { rootFirstPath } from "../domain/org.js";
import { DEFAULT_REMINDER_SETTINGS } from "../domain/schedule/settings.js";
import { settingsOn, timelineAlongPath, type OverrideVersion } from "../domain/schedule/settings-history.js";
import type { Logger } from "../log.js";

/** Settings change rarely: read again after this long. */
const REFRESH_MS = 5 * 60_000;

/**
 * The quiet hours in force for each org on the day of sending (a province or commune may set its own
 * in its reminder settings, from a day on), for the sender: the org tree and the stored versions read
 * once every few minutes.
 */
export class QuietHoursByOrg {
  private parentOf = new Map<number, number | null>();
  private stored = new Map<number, OverrideVersion[]>();
  private readonly resolved = new Map<string, QuietHours>();
  private loadedAt = -Infinity;

  constructor(
    private readonly log: Logger,
    private readonly tz: string,
  ) {}

  async of(db: Db, orgId: number | null, now: number): Promise<QuietHours> {
    if (orgId === null) return DEFAULT_REMINDER_SETTINGS.quietHours;
    if (now - this.loadedAt > REFRESH_MS) {
      const [orgs, stored] = await Promise.all([orgIndex(db), reminderSettingVersions(db)]);
      this.parentOf = new Map(orgs.map((o) => [o.id, o.parent_id]));
      this.stored = stored;
      this.resolved.clear();
      this.loadedAt = now;
    }
    const day = localClock(new Date(now), this.tz).date;
    const key = `${orgId}:${day}`;
    const known = this.resolved.get(key);
    if (known) return known;
    const timeline = timelineAlongPath(rootFirstPath(this.parentOf, orgId), this.stored, (org, problems) =>
      this.log.warn({ org, problems }, "invalid reminder settings ignored"),
    );
    const { quietHours } = settingsOn(timeline, day);
    this.resolved.set(key, quietHours);
    return quietHours;
  }
}
