import type { Kysely } from "kysely";

// A scheduled message with a file (a digest and its chart): the file is served once for its outbox row
// (a retry of the row refreshes that served file instead of adding another), and the row counts the
// replies already delivered, so a retry after the chart failed does not send the digest's text again.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("served_file").addColumn("outbox_id", "bigint").execute();
  await db.schema.alterTable("served_file").addColumn("outbox_file", "smallint").execute();
  await db.schema.createIndex("served_file_outbox_key").on("served_file").columns(["outbox_id", "outbox_file"]).unique().execute();
  await db.schema.alterTable("outbox").addColumn("parts_sent", "smallint", (c) => c.notNull().defaultTo(0)).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("outbox").dropColumn("parts_sent").execute();
  await db.schema.dropIndex("served_file_outbox_key").execute();
  await db.schema.alterTable("served_file").dropColumn("outbox_file").execute();
  await db.schema.alterTable("served_file").dropColumn("outbox_id").execute();
}
