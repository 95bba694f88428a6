import { sql, type Kysely } from "kysely";

// Typed on Kysely<any> so this migration keeps compiling as the schema evolves.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("org")
    .addColumn("id", "integer", (c) => c.primaryKey().generatedByDefaultAsIdentity())
    .addColumn("code", "text", (c) => c.notNull().unique())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("parent_id", "integer", (c) => c.references("org.id"))
    .addColumn("area_kind", "text")
    .addColumn("area_name", "text")
    .addColumn("catchment", "text")
    .addColumn("valid_from", "date", (c) => c.notNull())
    .addColumn("valid_to", "date")
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex("org_parent_idx").on("org").column("parent_id").execute();

  // Merges close old orgs and open new ones; this records which new org continues which old one.
  await db.schema
    .createTable("org_predecessor")
    .addColumn("org_id", "integer", (c) => c.notNull().references("org.id"))
    .addColumn("predecessor_id", "integer", (c) => c.notNull().references("org.id"))
    .addPrimaryKeyConstraint("org_predecessor_pk", ["org_id", "predecessor_id"])
    .execute();

  await db.schema
    .createTable("person")
    .addColumn("id", "integer", (c) => c.primaryKey().generatedByDefaultAsIdentity())
    .addColumn("code", "text", (c) => c.notNull().unique())
    .addColumn("full_name", "text", (c) => c.notNull())
    .addColumn("sex", "text")
    .addColumn("birth_year", "integer")
    .addColumn("ethnicity", "text")
    .addColumn("phone", "text")
    .addColumn("membership", "text")
    .addColumn("admitted_on", "date")
    .addColumn("full_member_on", "date")
    .addColumn("exempt", "boolean", (c) => c.notNull().defaultTo(false))
    .addColumn("temp_attached", "boolean", (c) => c.notNull().defaultTo(false))
    .addColumn("cell_id", "integer", (c) => c.references("org.id"))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex("person_cell_idx").on("person").column("cell_id").execute();
  await db.schema.createIndex("person_phone_idx").on("person").column("phone").execute();

  await db.schema
    .createTable("role")
    .addColumn("id", "integer", (c) => c.primaryKey().generatedByDefaultAsIdentity())
    .addColumn("person_id", "integer", (c) => c.notNull().references("person.id"))
    .addColumn("org_id", "integer", (c) => c.notNull().references("org.id"))
    .addColumn("role", "text", (c) => c.notNull())
    .addColumn("valid_from", "date", (c) => c.notNull())
    .addColumn("valid_to", "date")
    .execute();
  await db.schema.createIndex("role_person_idx").on("role").column("person_id").execute();
  await db.schema.createIndex("role_org_idx").on("role").columns(["org_id", "role"]).execute();

  await db.schema
    .createTable("household")
    .addColumn("id", "integer", (c) => c.primaryKey().generatedByDefaultAsIdentity())
    .addColumn("code", "text", (c) => c.notNull().unique())
    .addColumn("org_id", "integer", (c) => c.notNull().references("org.id"))
    .addColumn("village_name", "text", (c) => c.notNull())
    .addColumn("head_name", "text", (c) => c.notNull())
    .addColumn("notes", "text")
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex("household_org_idx").on("household").column("org_id").execute();

  await db.schema
    .createTable("assignment")
    .addColumn("id", "integer", (c) => c.primaryKey().generatedByDefaultAsIdentity())
    .addColumn("cadre_id", "integer", (c) => c.notNull().references("person.id"))
    .addColumn("org_id", "integer", (c) => c.references("org.id"))
    .addColumn("household_id", "integer", (c) => c.references("household.id"))
    .addColumn("duties", "text")
    .addColumn("valid_from", "date", (c) => c.notNull())
    .addColumn("valid_to", "date")
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint("assignment_target_chk", sql`(org_id is null) <> (household_id is null)`)
    .execute();
  await db.schema.createIndex("assignment_cadre_idx").on("assignment").column("cadre_id").execute();
  await db.schema.createIndex("assignment_org_idx").on("assignment").column("org_id").execute();

  await db.schema
    .createTable("meeting_rule")
    .addColumn("id", "integer", (c) => c.primaryKey().generatedByDefaultAsIdentity())
    .addColumn("org_id", "integer", (c) => c.notNull().references("org.id"))
    .addColumn("rule_kind", "text", (c) => c.notNull())
    .addColumn("day_of_month", "integer")
    .addColumn("nth", "integer")
    .addColumn("weekday", "integer")
    .addColumn("start_time", "text", (c) => c.notNull())
    .addColumn("place", "text")
    .addColumn("valid_from", "date", (c) => c.notNull())
    .addColumn("valid_to", "date")
    .execute();
  await db.schema.createIndex("meeting_rule_org_idx").on("meeting_rule").column("org_id").execute();

  await db.schema
    .createTable("chat_account")
    .addColumn("id", "integer", (c) => c.primaryKey().generatedByDefaultAsIdentity())
    .addColumn("channel", "text", (c) => c.notNull())
    .addColumn("platform_user_id", "text", (c) => c.notNull())
    .addColumn("chat_id", "text", (c) => c.notNull())
    .addColumn("person_id", "integer", (c) => c.references("person.id"))
    .addColumn("language", "text")
    .addColumn("reachable", "boolean", (c) => c.notNull().defaultTo(true))
    .addColumn("linked_at", "timestamptz")
    .addColumn("last_seen_at", "timestamptz")
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint("chat_account_platform_uq", ["channel", "platform_user_id"])
    .execute();
  await db.schema.createIndex("chat_account_person_idx").on("chat_account").column("person_id").execute();

  await db.schema
    .createTable("invite")
    .addColumn("id", "integer", (c) => c.primaryKey().generatedByDefaultAsIdentity())
    .addColumn("person_id", "integer", (c) => c.notNull().references("person.id"))
    .addColumn("code_hash", "text", (c) => c.notNull().unique())
    .addColumn("expires_at", "timestamptz", (c) => c.notNull())
    .addColumn("used_at", "timestamptz")
    .addColumn("used_by_account_id", "integer", (c) => c.references("chat_account.id"))
    .addColumn("created_by", "integer", (c) => c.references("person.id"))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  // Failed link attempts per platform account, counted in a sliding window.
  await db.schema
    .createTable("link_attempt")
    .addColumn("channel", "text", (c) => c.notNull())
    .addColumn("platform_user_id", "text", (c) => c.notNull())
    .addColumn("window_start", "timestamptz", (c) => c.notNull())
    .addColumn("failures", "integer", (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint("link_attempt_pk", ["channel", "platform_user_id"])
    .execute();

  await db.schema
    .createTable("conversation")
    .addColumn("channel", "text", (c) => c.notNull())
    .addColumn("chat_id", "text", (c) => c.notNull())
    .addColumn("state", "jsonb", (c) => c.notNull())
    .addColumn("expires_at", "timestamptz", (c) => c.notNull())
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint("conversation_pk", ["channel", "chat_id"])
    .execute();

  // One row per platform update handled: redeliveries and replays are recognised here.
  await db.schema
    .createTable("inbound_update")
    .addColumn("channel", "text", (c) => c.notNull())
    .addColumn("update_key", "text", (c) => c.notNull())
    .addColumn("received_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint("inbound_update_pk", ["channel", "update_key"])
    .execute();

  await db.schema
    .createTable("audit_log")
    .addColumn("id", "bigint", (c) => c.primaryKey().generatedByDefaultAsIdentity())
    .addColumn("at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("actor_person_id", "integer", (c) => c.references("person.id"))
    .addColumn("action", "text", (c) => c.notNull())
    .addColumn("entity", "text", (c) => c.notNull())
    .addColumn("entity_id", "text", (c) => c.notNull())
    .addColumn("before", "jsonb")
    .addColumn("after", "jsonb")
    .execute();
  await db.schema.createIndex("audit_entity_idx").on("audit_log").columns(["entity", "entity_id"]).execute();

  await db.schema
    .createTable("app_setting")
    .addColumn("key", "text", (c) => c.primaryKey())
    .addColumn("value", "jsonb", (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    "app_setting",
    "audit_log",
    "inbound_update",
    "conversation",
    "link_attempt",
    "invite",
    "chat_account",
    "meeting_rule",
    "assignment",
    "household",
    "role",
    "person",
    "org_predecessor",
    "org",
  ]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
