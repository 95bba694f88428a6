import type { Kysely } from "kysely";

// A village's quarterly record and the commune committee's rating decision are edited on a screen that
// can stay open while someone else saves: each row counts its versions (`revision`, 1 when written first,
// +1 on every change), so a save is bound to the version its screen showed and stores nothing once
// another came in between.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("village_record").addColumn("revision", "integer", (c) => c.notNull().defaultTo(1)).execute();
  await db.schema.alterTable("rating_decision").addColumn("revision", "integer", (c) => c.notNull().defaultTo(1)).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("rating_decision").dropColumn("revision").execute();
  await db.schema.alterTable("village_record").dropColumn("revision").execute();
}
