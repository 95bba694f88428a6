import { sql, type Kysely } from "kysely";

// The annual review (QĐ 366-QĐ/TW, HD 43-HD/BTCTW): criteria tables an office imports, one version
// per change for each kind and year; the commune committee's score and final level of each cell; each
// member's own level and short self-assessment.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("criteria_table")
    .addColumn("id", "serial", (c) => c.primaryKey())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("year", "integer", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull())
    .addColumn("criteria", "jsonb", (c) => c.notNull())
    .addColumn("bands", "jsonb", (c) => c.notNull())
    .addColumn("htxs_quota_pct", "numeric(5, 2)", (c) => c.notNull())
    .addColumn("imported_at", "timestamptz", (c) => c.notNull())
    .addUniqueConstraint("criteria_table_kind_year_version_key", ["kind", "year", "version"])
    .execute();

  await db.schema
    .createTable("rating_decision")
    .addColumn("id", "serial", (c) => c.primaryKey())
    .addColumn("org_id", "integer", (c) => c.notNull().references("org.id"))
    .addColumn("year", "integer", (c) => c.notNull())
    .addColumn("score", "numeric(5, 2)")
    .addColumn("level", "text", (c) => c.notNull().check(sql`level in ('HTXS', 'HTT', 'HT', 'KHT')`))
    .addColumn("note", "text")
    .addColumn("decided_by", "integer", (c) => c.notNull().references("person.id"))
    .addColumn("decided_at", "timestamptz", (c) => c.notNull())
    .addUniqueConstraint("rating_decision_org_year_key", ["org_id", "year"])
    .execute();

  await db.schema
    .createTable("member_self_review")
    .addColumn("id", "serial", (c) => c.primaryKey())
    .addColumn("person_id", "integer", (c) => c.notNull().references("person.id"))
    .addColumn("cell_id", "integer", (c) => c.notNull().references("org.id"))
    .addColumn("year", "integer", (c) => c.notNull())
    .addColumn("level", "text", (c) => c.notNull().check(sql`level in ('HTXS', 'HTT', 'HT', 'KHT')`))
    .addColumn("text", "text", (c) => c.notNull())
    .addColumn("at", "timestamptz", (c) => c.notNull())
    .addUniqueConstraint("member_self_review_person_year_key", ["person_id", "year"])
    .execute();
  await db.schema.createIndex("member_self_review_cell_idx").on("member_self_review").columns(["cell_id", "year"]).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("member_self_review").execute();
  await db.schema.dropTable("rating_decision").execute();
  await db.schema.dropTable("criteria_table").execute();
}
