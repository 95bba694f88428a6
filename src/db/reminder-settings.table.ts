import type { Generated, JSONColumnType } from "kysely";

/** Who or what saved a version of an org's reminder settings. */
export type ReminderSettingSource = "cli" | "org_change" | "migration";

/**
 * One version of an org's reminder settings override (province, commune, or a cell's `CELL_SETTING_KEYS`): in force from
 * `valid_from` (a local date) until the org's next version; a later save of the same day wins.
 * Versions are kept: past periods keep the deadlines they had (`settingsForPeriod`).
 */
export interface ReminderSettingVersionTable {
  id: Generated<number>;
  org_id: number;
  valid_from: string;
  value: JSONColumnType<object, string, string>;
  source: ReminderSettingSource;
  /** The person who saved it, when known (the CLI's local operator is not a person). */
  changed_by: number | null;
  created_at: Generated<Date>;
}
