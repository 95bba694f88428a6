import { sql, type Kysely } from "kysely";

// The cell's monthly cycle: each item of a meeting's resolution becomes a task followed until done
// (who, by when, its status and a note); the agenda a secretary prepares before the meeting; the
// month's guidance a commune office publishes for every cell of the commune.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("resolution_task")
    .addColumn("id", "serial", (c) => c.primaryKey())
    .addColumn("org_id", "integer", (c) => c.notNull().references("org.id"))
    .addColumn("period", "text", (c) => c.notNull())
    .addColumn("seq", "integer", (c) => c.notNull())
    .addColumn("task", "text", (c) => c.notNull())
    .addColumn("owner_text", "text")
    .addColumn("owner_person_id", "integer", (c) => c.references("person.id"))
    .addColumn("due_on", "date")
    .addColumn("status", "text", (c) => c.notNull().defaultTo("open").check(sql`status in ('open', 'done', 'late')`))
    .addColumn("note", "text")
    .addColumn("updated_by", "integer", (c) => c.references("person.id"))
    .addColumn("updated_at", "timestamptz")
    .addColumn("created_at", "timestamptz", (c) => c.notNull())
    .addUniqueConstraint("resolution_task_org_period_seq_key", ["org_id", "period", "seq"])
    .execute();
  await db.schema.createIndex("resolution_task_org_status_idx").on("resolution_task").columns(["org_id", "status"]).execute();
  await db.schema.createIndex("resolution_task_owner_idx").on("resolution_task").columns(["owner_person_id", "status"]).execute();
  await db.schema.createIndex("resolution_task_due_idx").on("resolution_task").columns(["status", "due_on"]).execute();

  await db.schema
    .createTable("meeting_agenda")
    .addColumn("org_id", "integer", (c) => c.notNull().references("org.id"))
    .addColumn("period", "text", (c) => c.notNull())
    .addColumn("political_tasks", "text")
    .addColumn("text", "text", (c) => c.notNull())
    .addColumn("prepared_by", "integer", (c) => c.references("person.id"))
    .addColumn("prepared_at", "timestamptz", (c) => c.notNull())
    .addPrimaryKeyConstraint("meeting_agenda_pkey", ["org_id", "period"])
    .execute();

  await db.schema
    .createTable("content_guidance")
    .addColumn("org_id", "integer", (c) => c.notNull().references("org.id"))
    .addColumn("period", "text", (c) => c.notNull())
    .addColumn("text", "text", (c) => c.notNull())
    .addColumn("published_by", "integer", (c) => c.references("person.id"))
    .addColumn("published_at", "timestamptz", (c) => c.notNull())
    .addPrimaryKeyConstraint("content_guidance_pkey", ["org_id", "period"])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("content_guidance").execute();
  await db.schema.dropTable("meeting_agenda").execute();
  await db.schema.dropTable("resolution_task").execute();
}
