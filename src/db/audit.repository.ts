import type { Db } from "./schema.js";

export interface AuditEntry {
  actorPersonId: number | null;
  action: string;
  entity: string;
  entityId: string | number;
  before?: unknown;
  after?: unknown;
  at: Date;
}

/** Record who changed what; call inside the transaction that makes the change. */
export async function writeAudit(db: Db, entry: AuditEntry) {
  await db
    .insertInto("audit_log")
    .values({
      at: entry.at,
      actor_person_id: entry.actorPersonId,
      action: entry.action,
      entity: entry.entity,
      entity_id: String(entry.entityId),
      before: entry.before === undefined ? null : JSON.stringify(entry.before),
      after: entry.after === undefined ? null : JSON.stringify(entry.after),
    })
    .execute();
}

export async function auditOf(db: Db, entity: string, entityId: string | number) {
  return db
    .selectFrom("audit_log")
    .selectAll()
    .where("entity", "=", entity)
    .where("entity_id", "=", String(entityId))
    .orderBy("id")
    .execute();
}
