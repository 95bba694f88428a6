import type { Db } from "./schema.js";

export interface NewServedFile {
  tokenHash: string;
  channel: string;
  chatId: string;
  filename: string;
  mimeType: string;
  data: Uint8Array;
  createdAt: Date;
  expiresAt: Date;
}

/** A served file as found by its token's hash: its bytes are null once it expired and was emptied. */
export interface ServedFileRow {
  filename: string;
  mimeType: string;
  data: Uint8Array | null;
  expiresAt: Date;
}

/** Keep a file to serve until `expiresAt`. */
export async function insertServedFile(db: Db, file: NewServedFile): Promise<void> {
  await db.insertInto("served_file").values(valuesOf(file)).execute();
}

/**
 * Keep the file of an outbox row (`index`: its place among the row's files): one row per outbox row
 * and file. Served again for a retry of the row, the same served file takes the new token, bytes and
 * expiry; it keeps the time it was first made.
 */
export async function upsertOutboxServedFile(db: Db, file: NewServedFile, key: { outboxId: number; index: number }): Promise<void> {
  const values = valuesOf(file);
  await db
    .insertInto("served_file")
    .values({ ...values, outbox_id: key.outboxId, outbox_file: key.index })
    .onConflict((oc) =>
      oc.columns(["outbox_id", "outbox_file"]).doUpdateSet({
        token_hash: values.token_hash,
        filename: values.filename,
        mime_type: values.mime_type,
        data: values.data,
        size: values.size,
        expires_at: values.expires_at,
      }),
    )
    .execute();
}

function valuesOf(file: NewServedFile) {
  return {
    token_hash: file.tokenHash,
    channel: file.channel,
    chat_id: file.chatId,
    filename: file.filename,
    mime_type: file.mimeType,
    data: Buffer.from(file.data.buffer, file.data.byteOffset, file.data.byteLength),
    size: file.data.byteLength,
    created_at: file.createdAt,
    expires_at: file.expiresAt,
  };
}

export async function findServedFile(db: Db, tokenHash: string): Promise<ServedFileRow | undefined> {
  const row = await db
    .selectFrom("served_file")
    .select(["filename", "mime_type", "data", "expires_at"])
    .where("token_hash", "=", tokenHash)
    .executeTakeFirst();
  return row && { filename: row.filename, mimeType: row.mime_type, data: row.data, expiresAt: row.expires_at };
}

/**
 * The daily clean-up: the bytes of every expired file are dropped at once; the row stays `keepDays`
 * more, so its link answers "expired" rather than "not found", then goes. Returns the rows touched.
 */
export async function pruneServedFiles(db: Db, now: Date, keepDays: number): Promise<number> {
  const emptied = await db.updateTable("served_file").set({ data: null }).where("expires_at", "<=", now).where("data", "is not", null).executeTakeFirst();
  const deleted = await db
    .deleteFrom("served_file")
    .where("expires_at", "<", new Date(now.getTime() - keepDays * 86_400_000))
    .executeTakeFirst();
  return Number(emptied.numUpdatedRows) + Number(deleted.numDeletedRows);
}
