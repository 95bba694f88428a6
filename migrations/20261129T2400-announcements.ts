import { sql, type Kysely } from "kysely";

// Announcements (/thongbao): one row per message sent to a subtree; each recipient's copy is an
// outbox row pointing back at it, so delivery stats are counts of those rows by status.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("announcement")
    .addColumn("id", "integer", (c) => c.primaryKey().generatedByDefaultAsIdentity())
    .addColumn("org_id", "integer", (c) => c.notNull().references("org.id"))
    .addColumn("author_id", "integer", (c) => c.notNull().references("person.id"))
    .addColumn("body", "text", (c) => c.notNull())
    // The preview's id: pressing "send" twice on one preview creates one announcement.
    .addColumn("draft_key", "text", (c) => c.notNull().unique())
    .addColumn("recipients", "integer", (c) => c.notNull())
    // Where the author confirmed it: progress and the final stats go there.
    .addColumn("origin_channel", "text", (c) => c.notNull())
    .addColumn("origin_chat_id", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull().defaultTo("sending"))
    .addColumn("created_at", "timestamptz", (c) => c.notNull())
    .addColumn("finished_at", "timestamptz")
    // The final delivery counts, kept when the outbox rows are cleared away.
    .addColumn("sent", "integer")
    .addColumn("unreachable", "integer")
    .addColumn("unlinked", "integer")
    .execute();
  await db.schema.createIndex("announcement_org_idx").on("announcement").columns(["org_id", "created_at"]).execute();
  await db.schema.alterTable("outbox").addColumn("announcement_id", "integer", (c) => c.references("announcement.id")).execute();
  await sql`create index outbox_announcement_idx on outbox (announcement_id, status) where announcement_id is not null`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index if exists outbox_announcement_idx`.execute(db);
  await db.schema.alterTable("outbox").dropColumn("announcement_id").execute();
  await db.schema.dropTable("announcement").ifExists().execute();
}
