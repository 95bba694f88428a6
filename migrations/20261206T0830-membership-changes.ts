import type { Kysely } from "kysely";

// A member who leaves the cell's rolls (chuyển đi, ra khỏi Đảng, từ trần) keeps their row: reports,
// roles and audit entries still name them. When and why they left is recorded here; their roles
// end on that date (role.valid_to), so they drop out of every list "in force" from then on.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("person").addColumn("left_on", "date").execute();
  await db.schema.alterTable("person").addColumn("left_reason", "text").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("person").dropColumn("left_reason").execute();
  await db.schema.alterTable("person").dropColumn("left_on").execute();
}
