import { periodStart } from "./local-time.js";
import { rootFirstPath } from "../org.js";
import { cellOverrideSchema, reminderOverrideSchema, resolveSettings, DEFAULT_REMINDER_SETTINGS, type ReminderOverride, type ReminderSettings, type ReportRule } from "./settings.js";

/**
 * The first day of a version in force "since always": the defaults, and an override stored before
 * changes were kept (migration 20261209T0900) — nothing a store showed then moves.
 */
export const SINCE_ALWAYS = "1900-01-01";

/** One stored change of an org's override: what it says and the first local day it counts. */
export interface OverrideVersion {
  validFrom: string;
  value: unknown;
  /** A cell's own version: only `CELL_SETTING_KEYS` may be in it (one with another key is invalid, ignored whole). */
  ofCell?: boolean;
}

/** An org's resolved settings from `from` until the next version's first day. */
export interface SettingsVersion {
  from: string;
  settings: ReminderSettings;
}

/** An org's settings over time: versions by first day, the first from `SINCE_ALWAYS`. Never empty. */
export type SettingsTimeline = readonly SettingsVersion[];

/** A timeline with one version for all time (cells with no commune, stores with no override). */
export function alwaysTimeline(settings: ReminderSettings = DEFAULT_REMINDER_SETTINGS): SettingsTimeline {
  return [{ from: SINCE_ALWAYS, settings }];
}

/** The stored override of one org in force on a day: its latest version from that day or before. */
function overrideOn<T extends { validFrom: string }>(versions: readonly T[], day: string): T | undefined {
  let found: T | undefined;
  for (const v of versions) if (v.validFrom <= day) found = v;
  return found;
}

/**
 * An org's settings over time: the defaults, then the overrides along its path (root first), each
 * org's version in force on each day some version along the path begins. `stored` holds each org's
 * versions sorted by first day, then by when they were saved (a later save of the same day wins).
 * An invalid version is reported once with its org's id and ignored, never half-applied.
 */
export function timelineAlongPath(
  pathRootFirst: readonly number[],
  stored: ReadonlyMap<number, readonly OverrideVersion[]>,
  onInvalid?: (orgId: number, problems: string[]) => void,
): SettingsTimeline {
  const reported = new Set<string>();
  const report = (orgId: number, problems: string[]) => {
    const id = `${orgId}:${problems.join("|")}`;
    if (reported.has(id)) return;
    reported.add(id);
    onInvalid?.(orgId, problems);
  };
  const valid = new Map<number, { validFrom: string; value: ReminderOverride }[]>();
  for (const orgId of pathRootFirst) {
    const list: { validFrom: string; value: ReminderOverride }[] = [];
    for (const v of stored.get(orgId) ?? []) {
      const parsed = (v.ofCell ? cellOverrideSchema : reminderOverrideSchema).safeParse(v.value);
      if (parsed.success) list.push({ validFrom: v.validFrom, value: parsed.data });
      else report(orgId, parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`));
    }
    if (list.length > 0) valid.set(orgId, list);
  }
  if (valid.size === 0) return alwaysTimeline();
  const days = [...new Set([SINCE_ALWAYS, ...[...valid.values()].flatMap((list) => list.map((v) => v.validFrom))])].sort();
  return days.map((day) => {
    const inForce = [...valid.entries()].flatMap(([orgId, list]) => {
      const v = overrideOn(list, day);
      return v ? [{ orgId, value: v.value }] : [];
    });
    return { from: day, settings: resolveSettings(inForce.map((o) => o.value), (index, problems) => report(inForce[index]!.orgId, problems)) };
  });
}

/**
 * The settings over time of an org of the tree (`parentOf`: each org's parent): the defaults, then the
 * province's, the commune's and — for a cell — the cell's own override, each version from its day.
 * The one resolution of an org's effective settings for the planner (each cell), the sender (each
 * message's unit), the bot's replies and `chibo remind --settings`.
 */
export function settingsTimelineIn(
  parentOf: ReadonlyMap<number, number | null>,
  orgId: number,
  stored: ReadonlyMap<number, readonly OverrideVersion[]>,
  onInvalid?: (orgId: number, problems: string[]) => void,
): SettingsTimeline {
  return timelineAlongPath(rootFirstPath(parentOf, orgId), stored, onInvalid);
}

/** The settings in force on a local day (`YYYY-MM-DD`): for what is sent that day (quiet hours, meeting reminders, escalation, digests). */
export function settingsOn(timeline: SettingsTimeline, day: string): ReminderSettings {
  let found = timeline[0]!;
  for (const v of timeline) if (v.from <= day) found = v;
  return found.settings;
}

/**
 * The settings that decide a period's deadlines (`YYYY-MM`, `YYYY-Qn`, `YYYY`): the version in force
 * on the period's first day. A deadline is thus known when the period opens and never moves: a change
 * saved during a period counts from the next one, so a report on time stays on time. The one rule for
 * `/xemlai`, `/tonghop`, exports, digests and the planner.
 *
 * @example settingsForPeriod(timeline, "2027-01") // the version in force on 2027-01-01
 */
export function settingsForPeriod(timeline: SettingsTimeline, period: string): ReminderSettings {
  return settingsOn(timeline, periodStart(period));
}

/** A form's report rule for a period (see `settingsForPeriod`); undefined when the form has none then. */
export function reportRuleFor(timeline: SettingsTimeline, form: string, period: string): ReportRule | undefined {
  return settingsForPeriod(timeline, period).reports.find((r) => r.form === form);
}
