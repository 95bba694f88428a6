import { sql, type Kysely } from "kysely";

// Typed on Kysely<any> so this migration keeps compiling as the schema evolves.
export async function up(db: Kysely<any>): Promise<void> {
  // The replies of a conversation turn, stored in the turn's own transaction and deleted once the
  // platform accepted them: a crash between commit and send leaves them here to go out after it.
  await db.schema
    .createTable("turn_reply")
    .addColumn("id", "bigint", (c) => c.primaryKey().generatedByDefaultAsIdentity())
    .addColumn("channel", "text", (c) => c.notNull())
    .addColumn("chat_id", "text", (c) => c.notNull())
    // The platform update the turn answered (null on the console, which has none).
    .addColumn("update_key", "text")
    .addColumn("replies", "jsonb", (c) => c.notNull())
    .addColumn("locale", "text")
    // How many of `replies` the platform has accepted so far.
    .addColumn("sent", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("attempts", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("lease_until", "timestamptz", (c) => c.notNull())
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex("turn_reply_update_idx").on("turn_reply").columns(["channel", "update_key"]).execute();
  await db.schema.createIndex("turn_reply_lease_idx").on("turn_reply").columns(["channel", "lease_until"]).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("turn_reply").ifExists().execute();
}
