import type { FileDelivery, FileServing } from "../messaging/capabilities.js";
import type { IncomingMessage, Reply } from "../messaging/message.js";
import type { MessageArgs } from "../messaging/i18n.js";
import type { Db } from "../db/schema.js";
import { saveFileToFolder, serveFile } from "./served-file.service.js";

const NO_BYTES = new Uint8Array(0);

/** Whose replies these are: a chat turn's, or a scheduled message's (its outbox row). */
export interface DeliveryTarget extends Pick<IncomingMessage, "channel" | "chatId" | "at"> {
  /**
   * The outbox row the replies belong to: its files are served once for the row, and a retry of the
   * row refreshes that one served file (a new link, the old one closed) instead of adding another.
   */
  outboxId?: number;
  /** The time zone files written to a folder are dated in (TZ_DEFAULT); Asia/Ho_Chi_Minh when unset. */
  tz?: string;
}

/**
 * Make each file of a set of replies deliverable on the chat's channel. The one way for chat turns
 * (in the turn's transaction: the served file commits with the replies that link to it) and for
 * scheduled messages (the outbox sender, just before the send):
 * - `link` (Zalo): served at an expiring link for this chat; the reply carries the link, not the bytes;
 * - `upload` (Telegram): the bytes go up as they are, and where files are served the link is kept
 *   too, for when the upload fails;
 * - `path` (the console): written to the folder; the reply names the path;
 * - no delivery: left as it is, and the channel shows the attachment's fallback text.
 *
 * @example await deliverableReplies(db, { channel: "zalo", chatId, at: now }, replies, "link", { publicUrl }, t)
 */
export async function deliverableReplies(
  db: Db,
  target: DeliveryTarget,
  replies: Reply[],
  delivery: FileDelivery,
  serving: FileServing,
  t: (id: string, args?: MessageArgs) => string,
): Promise<void> {
  if (delivery === false) return;
  let index = 0;
  for (const reply of replies) {
    const file = reply.attachment;
    if (!file || file.link) continue;
    if (delivery === "path" && serving.folder) {
      const path = await saveFileToFolder(serving.folder, file.filename, file.data, target.at, target.tz);
      reply.attachment = { ...file, data: NO_BYTES, link: { href: path, text: t("file-saved", { path }) } };
      continue;
    }
    if (!serving.publicUrl || (delivery !== "link" && delivery !== "upload")) continue;
    const once = target.outboxId === undefined ? {} : { once: { outboxId: target.outboxId, index: index++ } };
    const { url } = await serveFile(db, serving.publicUrl, { channel: target.channel, chatId: target.chatId, filename: file.filename, mimeType: file.mimeType, data: file.data }, target.at, once);
    const text = t(file.kind === "photo" ? "file-link-photo" : "file-link", { url, name: file.filename });
    reply.attachment = { ...file, ...(delivery === "link" ? { data: NO_BYTES } : {}), link: { href: url, text } };
  }
}
