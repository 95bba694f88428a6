import { sql, type Kysely } from "kysely";

// Household follow-up (Lạng Sơn style: members follow households): one row per visit logged.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("household_visit")
    .addColumn("id", "integer", (c) => c.primaryKey().generatedByDefaultAsIdentity())
    .addColumn("household_id", "integer", (c) => c.notNull().references("household.id"))
    .addColumn("visitor_id", "integer", (c) => c.notNull().references("person.id"))
    .addColumn("visited_on", "date", (c) => c.notNull())
    .addColumn("note", "text", (c) => c.notNull())
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex("household_visit_household_idx").on("household_visit").columns(["household_id", "visited_on"]).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("household_visit").ifExists().execute();
}
