import { sql, type Kysely } from "kysely";

// Typed on Kysely<any> so this migration keeps compiling as the schema evolves.
export async function up(db: Kysely<any>): Promise<void> {
  // A cell's group chat on a messenger (`/lienket_nhom`): where notices for the whole cell may go.
  await db.schema
    .createTable("cell_group_chat")
    .addColumn("channel", "text", (c) => c.notNull())
    .addColumn("chat_id", "text", (c) => c.notNull())
    .addColumn("cell_id", "integer", (c) => c.notNull().references("org.id"))
    .addColumn("linked_by", "integer", (c) => c.notNull().references("person.id"))
    .addColumn("linked_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint("cell_group_chat_pk", ["channel", "chat_id"])
    .execute();
  await db.schema.createIndex("cell_group_chat_cell_idx").on("cell_group_chat").columns(["cell_id", "channel"]).execute();

  // The Telegram message a progress series (`Reply.editKey`) edits instead of sending anew.
  await db.schema
    .createTable("telegram_progress_message")
    .addColumn("chat_id", "text", (c) => c.notNull())
    .addColumn("edit_key", "text", (c) => c.notNull())
    .addColumn("message_id", "bigint", (c) => c.notNull())
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint("telegram_progress_message_pk", ["chat_id", "edit_key"])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("telegram_progress_message").ifExists().execute();
  await db.schema.dropTable("cell_group_chat").ifExists().execute();
}
