import type { Generated, JSONColumnType } from "kysely";

export interface ChatAccountTable {
  id: Generated<number>;
  channel: string;
  platform_user_id: string;
  chat_id: string;
  person_id: number | null;
  language: string | null;
  reachable: Generated<boolean>;
  linked_at: Date | null;
  last_seen_at: Date | null;
  created_at: Generated<Date>;
}

export interface InviteTable {
  id: Generated<number>;
  person_id: number;
  code_hash: string;
  expires_at: Date;
  used_at: Date | null;
  used_by_account_id: number | null;
  created_by: number | null;
  created_at: Generated<Date>;
}

export interface LinkAttemptTable {
  channel: string;
  platform_user_id: string;
  window_start: Date;
  failures: number;
}

export interface ConversationTable {
  channel: string;
  chat_id: string;
  state: JSONColumnType<Record<string, unknown>, string, string>;
  expires_at: Date;
  updated_at: Generated<Date>;
}

export interface InboundUpdateTable {
  channel: string;
  update_key: string;
  received_at: Generated<Date>;
}
