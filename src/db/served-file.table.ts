import type { ColumnType } from "kysely";

/** A file served at an expiring URL to one chat; `data` is emptied once it expired. */
export interface ServedFileTable {
  /** int8 comes back as a string from both engines. */
  id: ColumnType<string, never, never>;
  /** SHA-256 (hex) of the URL's token: the token itself is never stored. */
  token_hash: string;
  channel: string;
  chat_id: string;
  filename: string;
  mime_type: string;
  data: Uint8Array | null;
  size: number;
  created_at: ColumnType<Date, Date, Date>;
  expires_at: ColumnType<Date, Date, Date>;
  /** The outbox row whose message carries the file (a scheduled message's chart); null for a chat turn's. */
  outbox_id: ColumnType<string | null, number | undefined, never>;
  /** The file's place among its outbox row's files. */
  outbox_file: ColumnType<number | null, number | undefined, never>;
}
