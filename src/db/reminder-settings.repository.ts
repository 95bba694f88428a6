import { sql } from "kysely";
import { isCellKind } from "../domain/org.js";
import type { OverrideVersion } from "../domain/schedule/settings-history.js";
import type { ReminderSettingSource } from "./reminder-settings.table.js";
import type { Db } from "./schema.js";

/** One stored version as shown in an org's list of changes. */
export interface StoredSettingVersion extends OverrideVersion {
  id: number;
  orgId: number;
  source: ReminderSettingSource;
  changedBy: { id: number; name: string } | null;
  savedAt: Date;
}

/**
 * Every org's stored override versions, keyed by org id, each list by first day then by save order
 * (values unvalidated: the domain validates, a cell's against the keys a cell may set). A province
 * holds a few dozen rows.
 */
export async function reminderSettingVersions(db: Db): Promise<Map<number, OverrideVersion[]>> {
  const rows = await db
    .selectFrom("reminder_setting_version as v")
    .leftJoin("org", "org.id", "v.org_id")
    .select(["v.org_id", "v.valid_from", "v.value", "org.kind"])
    .orderBy("v.org_id")
    .orderBy("v.valid_from")
    .orderBy("v.id")
    .execute();
  const out = new Map<number, OverrideVersion[]>();
  for (const r of rows) {
    const list = out.get(r.org_id) ?? [];
    list.push({ validFrom: r.valid_from, value: r.value, ...(r.kind !== null && isCellKind(r.kind) ? { ofCell: true } : {}) });
    out.set(r.org_id, list);
  }
  return out;
}

/**
 * A stamp that changes whenever the stored settings or the org tree they resolve along change: how
 * many versions there are and the newest's id; how many orgs there are, the newest's id, and a sum of
 * a hash of each org's link to its parent and its kind. Orgs are meant to be added, never re-parented
 * in place, but a unit moved under another parent by hand (or by a restore) must not keep the old
 * parent's quiet hours until a restart: the sum moves with any one link changed. One small read (an
 * aggregate over a province's few thousand orgs), for the sender to take with each batch.
 */
export async function reminderSettingsStamp(db: Db): Promise<string> {
  const { rows } = await sql<{ versions: number; newest: number | null; orgs: number; org: number | null; links: string | null }>`
    select (select count(*)::int from reminder_setting_version) as versions,
           (select max(id) from reminder_setting_version) as newest,
           o.orgs, o.org, o.links
      from (select count(*)::int as orgs, max(id) as org,
                   sum(hashtext(id::text || ':' || coalesce(parent_id::text, '') || ':' || kind))::text as links
              from org) o`.execute(db);
  const row = rows[0];
  return `${row?.versions ?? 0}:${row?.newest ?? 0}:${row?.orgs ?? 0}:${row?.org ?? 0}:${row?.links ?? 0}`;
}

/** The versions of some orgs with who saved them, by first day then save order. */
export async function storedSettingVersions(db: Db, orgIds: readonly number[]): Promise<StoredSettingVersion[]> {
  if (orgIds.length === 0) return [];
  const rows = await db
    .selectFrom("reminder_setting_version as v")
    .leftJoin("person as p", "p.id", "v.changed_by")
    .select(["v.id", "v.org_id", "v.valid_from", "v.value", "v.source", "v.created_at", "v.changed_by", "p.full_name"])
    .where("v.org_id", "in", [...new Set(orgIds)])
    .orderBy("v.valid_from")
    .orderBy("v.id")
    .execute();
  return rows.map((r) => ({
    id: r.id,
    orgId: r.org_id,
    validFrom: r.valid_from,
    value: r.value,
    source: r.source,
    changedBy: r.changed_by === null ? null : { id: r.changed_by, name: r.full_name ?? "" },
    savedAt: r.created_at,
  }));
}

/** Store a new version of an org's override (validate it first); returns its id. */
export async function addReminderSettingVersion(
  db: Db,
  version: { orgId: number; validFrom: string; value: object; source: ReminderSettingSource; changedBy?: number | null; at?: Date },
): Promise<number> {
  const row = await db
    .insertInto("reminder_setting_version")
    .values({
      org_id: version.orgId,
      valid_from: version.validFrom,
      value: JSON.stringify(version.value),
      source: version.source,
      changed_by: version.changedBy ?? null,
      ...(version.at ? { created_at: version.at } : {}),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

/**
 * A new unit takes over another's reminder settings with their days (its periods keep the deadlines
 * the old unit had), unless it has its own; the copies are marked as coming from the reorganisation.
 */
export async function copyReminderSettings(db: Db, fromOrgId: number, toOrgId: number): Promise<void> {
  const own = await db.selectFrom("reminder_setting_version").select("id").where("org_id", "=", toOrgId).executeTakeFirst();
  if (own) return;
  await db
    .insertInto("reminder_setting_version")
    .columns(["org_id", "valid_from", "value", "source", "changed_by", "created_at"])
    .expression(
      db
        .selectFrom("reminder_setting_version")
        .select((eb) => [eb.val(toOrgId).as("org_id"), "valid_from", "value", eb.val("org_change").as("source"), "changed_by", "created_at"])
        .where("org_id", "=", fromOrgId)
        .orderBy("id"),
    )
    .execute();
}
