import { sql, type Kysely } from "kysely";

// Personal data law (91/2025/QH15): a person's /dulieu lists every view of details naming them, a
// list or a report as much as their profile. A view of a group (a member list, absentees, a report
// naming people) keeps the people it named in one row (`subject_ids`), so the lookup by person is one
// indexed query and a view costs one insert whatever the group's size. `report_id` names the report
// a view opened (no foreign key: the access log outlives nothing it points to, and reports are kept).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("access_log").addColumn("subject_ids", sql`integer[]`).addColumn("report_id", "integer").execute();
  await sql`create index access_log_subject_ids_idx on access_log using gin (subject_ids)`.execute(db);
  await db.schema.createIndex("access_log_subject_person_idx").on("access_log").column("subject_person_id").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("access_log_subject_person_idx").execute();
  await db.schema.dropIndex("access_log_subject_ids_idx").execute();
  await db.schema.alterTable("access_log").dropColumn("report_id").dropColumn("subject_ids").execute();
}
