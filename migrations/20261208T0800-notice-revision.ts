import type { Kysely } from "kysely";

// Personal data law (91/2025/QH15): people are told when how long their data is kept changes. The
// notice quotes every retention period a province may choose; each change it makes with /luutru is a
// new revision of the notice (counted in app_setting `retention_revision`), and a consent row keeps
// the revision it was given for, so every linked account is shown the notice once more.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("privacy_consent").addColumn("periods_revision", "integer", (c) => c.notNull().defaultTo(0)).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("privacy_consent").dropColumn("periods_revision").execute();
  await db.deleteFrom("app_setting").where("key", "=", "retention_revision").execute();
}
