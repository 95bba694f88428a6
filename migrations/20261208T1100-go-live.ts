import { sql, type Kysely } from "kysely";

// A store that imported its units before the go-live date was kept (services/go-live.service.ts) gets
// the day of its first units import as its go-live, so the months before it stop showing as missed.
// A store with no such import (the demo, one built by hand) keeps no bound, as before.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    insert into app_setting (key, value)
    select 'go_live', to_jsonb(to_char(min(a.at at time zone 'Asia/Ho_Chi_Minh'), 'YYYY-MM-DD'))
    from audit_log a
    where a.action = 'import' and a.entity = 'org'
    having count(*) > 0
    on conflict (key) do nothing`.execute(db);
}

// The setting may have been set or moved since by the office: it is left as it is.
export async function down(_db: Kysely<any>): Promise<void> {}
