import { sql, type Kysely } from "kysely";

// The records a province keeps beyond the monthly reports (issue: village database, party development):
// - village_record: one village's or residential group's figures for one quarter, with its
//   organizations and the people who do its work (domain §4), kept quarter after quarter;
// - party_candidate: a person on the way to membership, step by step (HD 06-HD/TW), per cell;
// - development_target: the year's admissions target an org sets for itself and its subtree.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("village_record")
    .addColumn("id", "serial", (c) => c.primaryKey())
    .addColumn("org_id", "integer", (c) => c.notNull().references("org.id"))
    .addColumn("period", "text", (c) => c.notNull().check(sql`period ~ '^[0-9]{4}-Q[1-4]$'`))
    .addColumn("area_km2", "numeric(10, 2)")
    .addColumn("population", "integer")
    .addColumn("households", "integer")
    .addColumn("poor_households", "integer")
    .addColumn("organizations", "jsonb", (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn("workforce", "jsonb", (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn("source", "text", (c) => c.notNull().check(sql`source in ('chat', 'import')`))
    .addColumn("updated_by", "integer", (c) => c.references("person.id"))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull())
    .addUniqueConstraint("village_record_org_period_key", ["org_id", "period"])
    .execute();

  await db.schema
    .createTable("party_candidate")
    .addColumn("id", "serial", (c) => c.primaryKey())
    .addColumn("org_id", "integer", (c) => c.notNull().references("org.id"))
    .addColumn("full_name", "text", (c) => c.notNull())
    .addColumn("sex", "text", (c) => c.check(sql`sex in ('M', 'F')`))
    .addColumn("birth_year", "integer")
    .addColumn("ethnicity", "text")
    .addColumn("religion", "text")
    .addColumn("flags", "jsonb", (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn("identified_on", "date")
    .addColumn("certificate_on", "date")
    .addColumn("dossier_on", "date")
    .addColumn("admitted_on", "date")
    .addColumn("full_member_on", "date")
    .addColumn("dropped_on", "date")
    .addColumn("person_id", "integer", (c) => c.references("person.id"))
    .addColumn("created_by", "integer", (c) => c.references("person.id"))
    .addColumn("created_at", "timestamptz", (c) => c.notNull())
    .addColumn("updated_at", "timestamptz", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("party_candidate_org_idx").on("party_candidate").columns(["org_id", "admitted_on"]).execute();

  await db.schema
    .createTable("development_target")
    .addColumn("org_id", "integer", (c) => c.notNull().references("org.id"))
    .addColumn("year", "integer", (c) => c.notNull())
    .addColumn("target", "integer", (c) => c.notNull().check(sql`target >= 0`))
    .addColumn("set_by", "integer", (c) => c.references("person.id"))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull())
    .addPrimaryKeyConstraint("development_target_pkey", ["org_id", "year"])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("development_target").execute();
  await db.schema.dropTable("party_candidate").execute();
  await db.schema.dropTable("village_record").execute();
}
