import { sql, type Kysely } from "kysely";

// Reminder settings keep their history: each change of an org's override is a version in force from a
// day, so a period's deadline stays the one it had (a report on time in March stays on time after the
// commune moves its deadline). The overrides stored until now (app_setting `reminders:<orgId>`) become
// versions in force since always (1900-01-01): nothing a store shows today changes.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("reminder_setting_version")
    .addColumn("id", "serial", (c) => c.primaryKey())
    .addColumn("org_id", "integer", (c) => c.notNull().references("org.id"))
    .addColumn("valid_from", "date", (c) => c.notNull())
    .addColumn("value", "jsonb", (c) => c.notNull())
    .addColumn("source", "text", (c) => c.notNull())
    .addColumn("changed_by", "integer", (c) => c.references("person.id"))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex("reminder_setting_version_org_idx").on("reminder_setting_version").columns(["org_id", "valid_from"]).execute();
  await sql`
    insert into reminder_setting_version (org_id, valid_from, value, source)
    select o.id, date '1900-01-01', s.value, 'migration'
    from app_setting s join org o on s.key = 'reminders:' || o.id
    order by o.id`.execute(db);
  await sql`delete from app_setting s using org o where s.key = 'reminders:' || o.id`.execute(db);
}

// Back to one override per org: the version in force today (a later one is lost with the table).
export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    insert into app_setting (key, value)
    select distinct on (org_id) 'reminders:' || org_id, value
    from reminder_setting_version
    where valid_from <= current_date
    order by org_id, valid_from desc, id desc
    on conflict (key) do update set value = excluded.value`.execute(db);
  await db.schema.dropTable("reminder_setting_version").execute();
}
