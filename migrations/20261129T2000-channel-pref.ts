import { sql, type Kysely } from "kysely";

// Typed on Kysely<any> so this migration keeps compiling as the schema evolves.
export async function up(db: Kysely<any>): Promise<void> {
  // Where a person linked on several messengers wants reminders; no row means "the one used last".
  await db.schema
    .createTable("person_channel_pref")
    .addColumn("person_id", "integer", (c) => c.primaryKey().references("person.id"))
    .addColumn("channel", "text", (c) => c.notNull())
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("person_channel_pref").execute();
}
