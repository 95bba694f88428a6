import { orgIndex, reminderSettingOverrides } from "../db/schedule.repository.js";
import type { Db } from "../db/schema.js";
import type { QuietHours } from "../domain/schedule/quiet-hours.js";
import { rootFirstPath } from "../domain/org.js";
import { DEFAULT_REMINDER_SETTINGS, settingsAlongPath } from "../domain/schedule/settings.js";
import type { Logger } from "../log.js";

/** Settings change rarely: read again after this long. */
const REFRESH_MS = 5 * 60_000;

/**
 * The quiet hours in force for each org (a province or commune may set its own in its reminder
 * settings), for the sender: the org tree and the stored overrides read once every few minutes.
 */
export class QuietHoursByOrg {
  private parentOf = new Map<number, number | null>();
  private stored = new Map<number, unknown>();
  private readonly resolved = new Map<number, QuietHours>();
  private loadedAt = -Infinity;

  constructor(private readonly log: Logger) {}

  async of(db: Db, orgId: number | null, now: number): Promise<QuietHours> {
    if (orgId === null) return DEFAULT_REMINDER_SETTINGS.quietHours;
    if (now - this.loadedAt > REFRESH_MS) {
      const [orgs, stored] = await Promise.all([orgIndex(db), reminderSettingOverrides(db)]);
      this.parentOf = new Map(orgs.map((o) => [o.id, o.parent_id]));
      this.stored = stored;
      this.resolved.clear();
      this.loadedAt = now;
    }
    const known = this.resolved.get(orgId);
    if (known) return known;
    const { quietHours } = settingsAlongPath(rootFirstPath(this.parentOf, orgId), this.stored, (org, problems) =>
      this.log.warn({ org, problems }, "invalid reminder settings ignored"),
    );
    this.resolved.set(orgId, quietHours);
    return quietHours;
  }
}
