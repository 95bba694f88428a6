import { createHash, randomBytes } from "node:crypto";
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { findServedFile, insertServedFile, upsertOutboxServedFile } from "../db/served-file.repository.js";
import type { Db } from "../db/schema.js";
import { DEFAULT_TZ, pad2, wallClock } from "../domain/time.js";

/** A served file's link works this long (ISSUE: 24 h), for the one chat it was sent to. */
export const SERVED_FILE_TTL_MS = 24 * 60 * 60_000;
/** The path under PUBLIC_URL where served files are fetched: `<PUBLIC_URL>/tep/<token>`. */
export const SERVED_FILE_PATH = "/tep/";
/** 32 random bytes, base64url: 43 characters nobody can guess. */
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

const hashOf = (token: string) => createHash("sha256").update(token).digest("hex");

export interface FileToServe {
  channel: string;
  chatId: string;
  filename: string;
  mimeType: string;
  data: Uint8Array;
}

/** A file served for an outbox row: one served file per row and file, whatever the retries. */
export interface ServeOnce {
  outboxId: number;
  /** The file's place among the row's files (0 for the first). */
  index: number;
}

/**
 * Keep a file for one chat and return the link to it: `<publicUrl>/tep/<token>`, valid for 24 hours
 * from `now`. The token is random and only its hash is stored; the URL carries nothing else.
 *
 * With `once` (a scheduled message's file), the row's served file is made the first time and, on a
 * retry of the same row, given a new token, the file drawn again and 24 more hours, instead of a
 * second file: only the hash is kept, so the earlier link cannot be given again, and it stops working.
 *
 * @example const { url } = await serveFile(trx, "https://bot.example.vn", file, new Date())
 */
export async function serveFile(db: Db, publicUrl: string, file: FileToServe, now: Date, options: { once?: ServeOnce } = {}): Promise<{ url: string; expiresAt: Date }> {
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + SERVED_FILE_TTL_MS);
  const row = { tokenHash: hashOf(token), ...file, createdAt: now, expiresAt };
  if (options.once) await upsertOutboxServedFile(db, row, options.once);
  else await insertServedFile(db, row);
  return { url: `${publicUrl.replace(/\/+$/, "")}${SERVED_FILE_PATH}${token}`, expiresAt };
}

export type ServedFileLookup =
  | { kind: "file"; filename: string; mimeType: string; data: Uint8Array }
  | { kind: "expired" }
  | { kind: "unknown" };

/** The file behind a link's token: its bytes, `expired` past its 24 hours, `unknown` for any other token. */
export async function openServedFile(db: Db, token: string, now: Date): Promise<ServedFileLookup> {
  if (!TOKEN_PATTERN.test(token)) return { kind: "unknown" };
  const row = await findServedFile(db, hashOf(token));
  if (!row) return { kind: "unknown" };
  if (row.expiresAt.getTime() <= now.getTime() || !row.data) return { kind: "expired" };
  return { kind: "file", filename: row.filename, mimeType: row.mimeType, data: row.data };
}

/**
 * Write a file for the console into `folder` and return its path: the name prefixed with the local
 * date and time in `tz` (default Asia/Ho_Chi_Minh) so repeated exports never overwrite each other,
 * and stripped of path characters.
 *
 * @example await saveFileToFolder("data/files", "bao-cao.png", png, new Date("2026-12-07T17:30:00Z")) // "data/files/20261208-003000-bao-cao.png"
 */
export async function saveFileToFolder(folder: string, filename: string, data: Uint8Array, now: Date, tz = DEFAULT_TZ): Promise<string> {
  await mkdir(folder, { recursive: true });
  // The office reads the name as a local date: at 00:30 on 08/12 the file is of the 8th, not UTC's 7th.
  const stamp = localStamp(now, tz);
  const safe = filename.replace(/[^A-Za-z0-9._-]+/g, "_").replace(/^\.+/, "") || "tep";
  for (let n = 1; ; n++) {
    const path = join(folder, n === 1 ? `${stamp}-${safe}` : `${stamp}-${n}-${safe}`);
    try {
      await writeFile(path, data, { flag: "wx" });
      return path;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST" || n >= MAX_SAME_NAME) throw error;
    }
  }
}

/** `YYYYMMDD-HHMMSS` of an instant on the wall clock of `tz`. */
function localStamp(at: Date, tz: string): string {
  const { date, minutes } = wallClock(at, tz);
  const seconds = at.getUTCSeconds();
  return `${date.replace(/-/g, "")}-${pad2(Math.floor(minutes / 60))}${pad2(minutes % 60)}${pad2(seconds)}`;
}

/** Files of one name written within one second get a counter; past this many, something is wrong. */
const MAX_SAME_NAME = 100;
