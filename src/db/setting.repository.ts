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
