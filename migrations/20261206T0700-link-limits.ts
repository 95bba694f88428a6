import type { Kysely } from "kysely";

// Invite-code failures counted across accounts: per source (platform and code prefix), per
// platform and overall, each bucket blocked with a growing back-off once over its limit.
// A bucket names no person: "source:telegram:<hash>", "platform:zalo", "global".
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("link_limit")
    .addColumn("bucket", "text", (c) => c.primaryKey())
    .addColumn("window_start", "timestamptz", (c) => c.notNull())
    .addColumn("failures", "integer", (c) => c.notNull())
    .addColumn("strikes", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("blocked_until", "timestamptz")
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("link_limit").execute();
}
