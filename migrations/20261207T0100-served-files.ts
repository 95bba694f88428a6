import { sql, type Kysely } from "kysely";

// Files served at unguessable, expiring, per-recipient URLs (Zalo takes pictures by URL and has no
// document upload). Only a hash of each URL's token is kept, so the table alone opens no file.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("served_file")
    .addColumn("id", "bigserial", (c) => c.primaryKey())
    .addColumn("token_hash", "text", (c) => c.notNull().unique())
    .addColumn("channel", "text", (c) => c.notNull())
    .addColumn("chat_id", "text", (c) => c.notNull())
    .addColumn("filename", "text", (c) => c.notNull())
    .addColumn("mime_type", "text", (c) => c.notNull())
    .addColumn("data", "bytea")
    .addColumn("size", "integer", (c) => c.notNull().check(sql`size >= 0`))
    .addColumn("created_at", "timestamptz", (c) => c.notNull())
    .addColumn("expires_at", "timestamptz", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("served_file_expires_idx").on("served_file").column("expires_at").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("served_file").execute();
}
