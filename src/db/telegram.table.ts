import type { ColumnType, Generated } from "kysely";

/** A cell's group chat on a messenger, linked by its secretary or deputy with `/lienket_nhom`. */
export interface CellGroupChatTable {
  channel: string;
  chat_id: string;
  cell_id: number;
  linked_by: number;
  linked_at: Generated<Date>;
}

/** The message a Telegram progress series edits (`Reply.editKey` → message id). */
export interface TelegramProgressMessageTable {
  chat_id: string;
  edit_key: string;
  /** int8 comes back as a string from both engines. */
  message_id: ColumnType<string, number | string, number | string>;
  updated_at: Generated<Date>;
}
