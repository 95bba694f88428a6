import type { Generated, JSONColumnType } from "kysely";

export interface AuditLogTable {
  /** bigint: read back as a string on both engines. */
  id: Generated<string>;
  at: Generated<Date>;
  actor_person_id: number | null;
  action: string;
  entity: string;
  entity_id: string;
  before: JSONColumnType<object | null, string | null, string | null>;
  after: JSONColumnType<object | null, string | null, string | null>;
}

export interface AppSettingTable {
  key: string;
  value: JSONColumnType<object, string, string>;
}
