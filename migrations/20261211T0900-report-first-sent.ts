import { sql, type Kysely } from "kysely";

// When a report was first sent, kept apart from `submitted_at` (its last sending or change): a report
// sent on time and corrected after its deadline was still sent on time. Rows sent before this column
// were created by their first sending, so `created_at` is that time.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("report_submission").addColumn("first_submitted_at", "timestamptz").execute();
  await sql`update report_submission set first_submitted_at = created_at where status <> 'draft'`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("report_submission").dropColumn("first_submitted_at").execute();
}
