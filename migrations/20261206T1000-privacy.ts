import { sql, type Kysely } from "kysely";

// Personal data law (91/2025/QH15): a person accepts the notice before their account is linked
// (kept with its version and time), may ask for a correction (tracked until done), and every view
// of another person's details is recorded for the commune office.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("privacy_consent")
    .addColumn("id", "serial", (c) => c.primaryKey())
    .addColumn("person_id", "integer", (c) => c.notNull().references("person.id"))
    .addColumn("account_id", "integer", (c) => c.references("chat_account.id").onDelete("set null"))
    .addColumn("channel", "text", (c) => c.notNull())
    .addColumn("notice_version", "integer", (c) => c.notNull())
    .addColumn("decision", "text", (c) => c.notNull().check(sql`decision in ('accepted', 'refused', 'shown')`))
    .addColumn("at", "timestamptz", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("privacy_consent_person_idx").on("privacy_consent").columns(["person_id", "at"]).execute();
  await db.schema.createIndex("privacy_consent_account_idx").on("privacy_consent").columns(["account_id", "notice_version"]).execute();

  await db.schema
    .createTable("access_log")
    .addColumn("id", "bigserial", (c) => c.primaryKey())
    .addColumn("at", "timestamptz", (c) => c.notNull())
    .addColumn("viewer_person_id", "integer", (c) => c.notNull().references("person.id"))
    .addColumn("what", "text", (c) => c.notNull())
    .addColumn("org_id", "integer", (c) => c.references("org.id"))
    .addColumn("subject_person_id", "integer", (c) => c.references("person.id"))
    .addColumn("people_count", "integer")
    .execute();
  await db.schema.createIndex("access_log_org_at_idx").on("access_log").columns(["org_id", "at"]).execute();
  await db.schema.createIndex("access_log_at_idx").on("access_log").column("at").execute();

  await db.schema
    .createTable("correction_request")
    .addColumn("id", "serial", (c) => c.primaryKey())
    .addColumn("person_id", "integer", (c) => c.notNull().references("person.id"))
    .addColumn("to_org_id", "integer", (c) => c.references("org.id"))
    .addColumn("text", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull().defaultTo("open").check(sql`status in ('open', 'done')`))
    .addColumn("created_at", "timestamptz", (c) => c.notNull())
    .addColumn("done_by", "integer", (c) => c.references("person.id"))
    .addColumn("done_at", "timestamptz")
    .execute();
  await db.schema.createIndex("correction_request_org_idx").on("correction_request").columns(["to_org_id", "status"]).execute();
  await db.schema.createIndex("correction_request_person_idx").on("correction_request").column("person_id").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("correction_request").execute();
  await db.schema.dropTable("access_log").execute();
  await db.schema.dropTable("privacy_consent").execute();
}
