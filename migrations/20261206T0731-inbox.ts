import { sql, type Kysely } from "kysely";

// Typed on Kysely<any> so this migration keeps compiling as the schema evolves.
export async function up(db: Kysely<any>): Promise<void> {
  // Updates fetched from a platform that cannot deliver them again (Zalo polling has no offset and
  // no acknowledgement): committed here before they are handled, deleted once they were.
  await db.schema
    .createTable("inbox_update")
    .addColumn("channel", "text", (c) => c.notNull())
    .addColumn("update_key", "text", (c) => c.notNull())
    // The neutral message (IncomingMessage), its time as an ISO string.
    .addColumn("message", "jsonb", (c) => c.notNull())
    .addColumn("received_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint("inbox_update_pk", ["channel", "update_key"])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("inbox_update").ifExists().execute();
}
