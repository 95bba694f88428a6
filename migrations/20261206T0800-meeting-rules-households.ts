import type { Kysely } from "kysely";

// Go-live: imported households keep their number of people; a standing meeting rule may name the
// month of each quarter that holds the thematic meeting (HD 42-HD/BTCTW: at least quarterly),
// and a rule may stand on a commune or the province as the default for its village cells.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("household").addColumn("people_count", "integer").execute();
  await db.schema.alterTable("household").addColumn("updated_at", "timestamptz").execute();
  await db.schema.alterTable("meeting_rule").addColumn("thematic_month", "integer").execute();
  await db.schema.createIndex("assignment_household_idx").on("assignment").column("household_id").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("assignment_household_idx").ifExists().execute();
  await db.schema.alterTable("meeting_rule").dropColumn("thematic_month").execute();
  await db.schema.alterTable("household").dropColumn("updated_at").execute();
  await db.schema.alterTable("household").dropColumn("people_count").execute();
}
