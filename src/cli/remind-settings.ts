/**
 * `chibo remind --settings --org CODE` and `chibo remind --set FILE --org CODE [--from DD/MM/YYYY]`:
 * the reminder settings in force for an org with the list of their changes, and saving a new version
 * of an org's override, in force from today (the province's local day) or a later day.
 */
import { readFile } from "node:fs/promises";
import { readDate } from "../domain/org-change.js";
import { addMonths, quarterOf } from "../domain/schedule/local-time.js";
import { SINCE_ALWAYS } from "../domain/schedule/settings-history.js";
import { isCellKind } from "../domain/org.js";
import { CELL_SETTING_KEYS, keysNotForCells, reminderOverrideSchema } from "../domain/schedule/settings.js";
import { dayjs, formatDateVi, localDate } from "../domain/time.js";
import { findOrgById, findOrgByCode } from "../db/org.repository.js";
import type { StoredSettingVersion } from "../db/reminder-settings.repository.js";
import type { ReminderSettingSource } from "../db/reminder-settings.table.js";
import type { Db } from "../db/schema.js";
import { changeReminderSettings, settingsChangesOf, settingsOfOrg } from "../services/reminder-settings.service.js";
import type { Io } from "./command.js";

export interface SettingsRequest {
  code: string;
  /** A JSON override to validate and store. */
  file?: string;
  /** The first day the stored override counts, as written (`16/12/2026`); unset: today. */
  from?: string;
}

/** A message of `locales/<locale>/remind.ftl` in the configured language. */
export type Translate = (id: string, args?: Record<string, string | number>) => string;

const SOURCES: Record<ReminderSettingSource, string> = {
  cli: "remind-settings-source-cli",
  org_change: "remind-settings-source-org-change",
  migration: "remind-settings-source-migration",
};

/** Runs the settings part of `chibo remind`; resolves to the exit code (0 done, 1 refused, 2 usage). */
export async function remindSettingsCommand(db: Db, request: SettingsRequest, io: Io, clock: { now: Date; tz: string }, t: Translate): Promise<number> {
  const today = localDate(clock.now, clock.tz);
  const org = await findOrgByCode(db, request.code);
  if (!org) {
    io.stderr.write(`${t("remind-settings-no-org", { code: request.code })}\n`);
    return 1;
  }
  if (request.file !== undefined) {
    const from = request.from === undefined ? today : readDate(request.from);
    if (from === null) {
      io.stderr.write(`${t("remind-settings-bad-from", { value: request.from ?? "" })}\n`);
      return 2;
    }
    let raw: unknown;
    try {
      raw = JSON.parse(await readFile(request.file, "utf8"));
    } catch {
      io.stderr.write(`${t("remind-settings-bad-file", { file: request.file })}\n`);
      return 1;
    }
    const parsed = reminderOverrideSchema.safeParse(raw);
    if (!parsed.success) {
      io.stderr.write(`${t("remind-settings-invalid")}\n${parsed.error.issues.map((i) => `  - ${i.path.join(".") || "?"}: ${i.message}`).join("\n")}\n`);
      return 1;
    }
    // A cell sets only its quiet hours and its meetings' reminders: the deadlines, their escalation and
    // the digest are its commune's (`CELL_SETTING_KEYS`). Refused here, nothing stored.
    const notForCells = isCellKind(org.kind) ? keysNotForCells(parsed.data) : [];
    if (notForCells.length > 0) {
      const parent = org.parent_id === null ? undefined : await findOrgById(db, org.parent_id);
      const lines = [t("remind-settings-cell-keys", { org: org.name, keys: notForCells.join(", "), allowed: CELL_SETTING_KEYS.join(", ") })];
      if (parent) lines.push(t("remind-settings-cell-keys-parent", { parent: parent.name, code: parent.code }));
      lines.push(t("remind-settings-nothing-saved"));
      io.stderr.write(`${lines.join("\n")}\n`);
      return 1;
    }
    const saved = await changeReminderSettings(db, { orgId: org.id, value: parsed.data, from, today, now: clock.now, source: "cli" });
    if (!saved.ok) {
      io.stderr.write(`${t("remind-settings-past", { from: formatDateVi(from), today: formatDateVi(saved.today) })}\n`);
      return 1;
    }
    io.stdout.write(`${t("remind-settings-saved", { org: org.name, from: formatDateVi(saved.validFrom) })} ${fromWhen(saved.validFrom, t)}\n`);
    if (saved.laterFrom) io.stdout.write(`${t("remind-settings-later-wins", { org: org.name, later: formatDateVi(saved.laterFrom) })}\n`);
  }
  const changes = await settingsChangesOf(db, org.id);
  if (changes.length > 1 || changes.some((c) => c.validFrom > today)) io.stdout.write(await describeChanges(db, changes, today, clock.tz, t));
  io.stdout.write(`${t("remind-settings-today", { today: formatDateVi(today), org: org.name })}\n`);
  io.stdout.write(`${JSON.stringify(await settingsOfOrg(db, org.id, today), null, 2)}\n`);
  return 0;
}

/** The first period of each kind that starts on or after a day: the first whose deadline the new version decides. */
function firstPeriods(day: string): { month: string; quarter: string; year: string } {
  const month = day.endsWith("-01") ? day.slice(0, 7) : addMonths(day.slice(0, 7), 1);
  let quarterStart = month;
  while ((Number(quarterStart.slice(5)) - 1) % 3 !== 0) quarterStart = addMonths(quarterStart, 1);
  let yearStart = month;
  while (!yearStart.endsWith("-01")) yearStart = addMonths(yearStart, 1);
  return { month, quarter: quarterOf(quarterStart), year: yearStart.slice(0, 4) };
}

/** What a version decides from its first day, in one sentence. */
function fromWhen(day: string, t: Translate): string {
  const { month, quarter, year } = firstPeriods(day);
  return t("remind-settings-from-when", { month: `${month.slice(5)}/${month.slice(0, 4)}`, quarter: `${quarter.slice(6)}/${quarter.slice(0, 4)}`, year });
}

/** The list of changes along the org's path, oldest first, the version in force and those to come marked. */
async function describeChanges(db: Db, changes: readonly StoredSettingVersion[], today: string, tz: string, t: Translate): Promise<string> {
  const names = new Map<number, string>();
  for (const id of new Set(changes.map((c) => c.orgId))) names.set(id, (await findOrgById(db, id))?.name ?? `#${id}`);
  const inForce = new Map<number, number>();
  for (const c of changes) if (c.validFrom <= today) inForce.set(c.orgId, c.id);
  const previous = new Map<number, StoredSettingVersion>();
  const lines = [t("remind-settings-changes")];
  for (const c of changes) {
    const before = previous.get(c.orgId);
    previous.set(c.orgId, c);
    const keys = before ? changedKeys(before.value, c.value) : Object.keys(c.value as object);
    const what = keys.length === 0 ? t("remind-settings-unchanged") : t(before ? "remind-settings-changed" : "remind-settings-set", { keys: keys.join(", ") });
    const source = t(SOURCES[c.source]);
    const who = c.changedBy ? t("remind-settings-by", { source, name: c.changedBy.name }) : source;
    const when = c.source === "migration" ? source : t("remind-settings-at", { source: who, at: dayjs(c.savedAt).tz(tz).format("HH:mm DD/MM/YYYY") });
    const mark = inForce.get(c.orgId) === c.id ? "remind-settings-in-force-mark" : c.validFrom > today ? "remind-settings-to-come-mark" : null;
    const state = mark ? ` ${t(mark)}` : "";
    const from = c.validFrom === SINCE_ALWAYS ? t("remind-settings-since-always") : t("remind-settings-since", { day: formatDateVi(c.validFrom) });
    lines.push(`  • ${from} · ${names.get(c.orgId)} · ${when} · ${what}${state}`);
  }
  lines.push(t("remind-settings-rule"));
  return `${lines.join("\n")}\n`;
}

/** Top-level keys whose value differs between two stored overrides (an added or removed key too). */
function changedKeys(before: unknown, after: unknown): string[] {
  const a = (before ?? {}) as Record<string, unknown>;
  const b = (after ?? {}) as Record<string, unknown>;
  return [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k])).sort();
}
