import { sql } from "kysely";
import type { Db } from "./schema.js";

/** A province-wide setting stored as JSON, or the fallback when unset. */
export async function getSetting<T>(db: Db, key: string, fallback: T): Promise<T> {
  const row = await db.selectFrom("app_setting").select("value").where("key", "=", key).executeTakeFirst();
  return row ? (row.value as T) : fallback;
}

export async function putSetting(db: Db, key: string, value: unknown): Promise<void> {
  const json = JSON.stringify(value);
  await db
    .insertInto("app_setting")
    .values({ key, value: json })
    .onConflict((oc) => oc.column("key").doUpdateSet({ value: json }))
    .execute();
}

/** Add one to a numeric setting (0 when unset) in one statement, so two changes at once count twice; the new value. */
export async function incrementSetting(db: Db, key: string): Promise<number> {
  const { rows } = await sql<{ value: unknown }>`
    insert into app_setting (key, value) values (${key}, '1'::jsonb)
    on conflict (key) do update set value = to_jsonb(coalesce((app_setting.value #>> '{}')::integer, 0) + 1)
    returning value`.execute(db);
  return Number(rows[0]?.value);
}
