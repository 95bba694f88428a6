import { sql, type Kysely } from "kysely";

// A correction request ends with what was done (Law 91/2025/QH15: the person is told how their request
// ended): `answer` is the secretary's or office's words, or the fields that changed; a request may end
// "declined" (not corrected, with the reason). `profile_before` is the person's record when they asked,
// so whoever handles it sees whether it has changed since.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("correction_request").addColumn("answer", "text").addColumn("profile_before", "jsonb").execute();
  await sql`alter table correction_request drop constraint correction_request_status_check`.execute(db);
  await sql`alter table correction_request add constraint correction_request_status_check check (status in ('open', 'done', 'declined'))`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`update correction_request set status = 'done' where status = 'declined'`.execute(db);
  await sql`alter table correction_request drop constraint correction_request_status_check`.execute(db);
  await sql`alter table correction_request add constraint correction_request_status_check check (status in ('open', 'done'))`.execute(db);
  await db.schema.alterTable("correction_request").dropColumn("answer").dropColumn("profile_before").execute();
}
