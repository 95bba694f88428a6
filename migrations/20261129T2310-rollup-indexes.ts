import { sql, type Kysely } from "kysely";

// The roll-up's repeated-absence flag reads, for the last three months, only the monthly reports that
// name someone absent without reason (a few in a hundred). A partial index holds just those, so a
// province's roll-up reads a few hundred rows instead of every report of the three months. The
// roll-up query (src/db/rollup.repository.ts) repeats this predicate word for word, or the index is not used.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create index if not exists report_submission_unexcused_idx on report_submission (form, period)
    where data->'absentees' @> '[{"excused": false}]'::jsonb`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index if exists report_submission_unexcused_idx`.execute(db);
}
