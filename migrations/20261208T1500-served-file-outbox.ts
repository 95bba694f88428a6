import type { Kysely } from "kysely";

// A scheduled message's file (a digest's chart on Zalo) is served once for its outbox row: a retry of
// the row refreshes that served file instead of adding another.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("served_file").addColumn("outbox_id", "bigint").execute();
  await db.schema.alterTable("served_file").addColumn("outbox_file", "smallint").execute();
  await db.schema.createIndex("served_file_outbox_key").on("served_file").columns(["outbox_id", "outbox_file"]).unique().execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("served_file_outbox_key").execute();
  await db.schema.alterTable("served_file").dropColumn("outbox_file").execute();
  await db.schema.alterTable("served_file").dropColumn("outbox_id").execute();
}
