import type { FileDelivery, FileServing } from "../messaging/capabilities.js";
import type { IncomingMessage, Reply } from "../messaging/message.js";
import type { MessageArgs } from "../messaging/i18n.js";
import type { Db } from "../db/schema.js";
import { saveFileToFolder, serveFile } from "../services/served-file.service.js";

const NO_BYTES = new Uint8Array(0);

/**
 * Make each file of a turn deliverable on the chat's channel, in the turn's transaction (the served
 * file commits with the replies that link to it):
 * - `link` (Zalo): served at an expiring link for this chat; the reply carries the link, not the bytes;
 * - `upload` (Telegram): the bytes go up as they are, and where files are served the link is kept
 *   too, for when the upload fails;
 * - `path` (the console): written to the folder; the reply names the path;
 * - no delivery: left as it is, and the channel shows the attachment's fallback text.
 */
export async function deliverableReplies(
  db: Db,
  msg: Pick<IncomingMessage, "channel" | "chatId" | "at">,
  replies: Reply[],
  delivery: FileDelivery,
  serving: FileServing,
  t: (id: string, args?: MessageArgs) => string,
): Promise<void> {
  if (delivery === false) return;
  for (const reply of replies) {
    const file = reply.attachment;
    if (!file || file.link) continue;
    if (delivery === "path" && serving.folder) {
      const path = await saveFileToFolder(serving.folder, file.filename, file.data, msg.at);
      reply.attachment = { ...file, data: NO_BYTES, link: { href: path, text: t("file-saved", { path }) } };
      continue;
    }
    if (!serving.publicUrl || (delivery !== "link" && delivery !== "upload")) continue;
    const { url } = await serveFile(db, serving.publicUrl, { channel: msg.channel, chatId: msg.chatId, filename: file.filename, mimeType: file.mimeType, data: file.data }, msg.at);
    const text = t(file.kind === "photo" ? "file-link-photo" : "file-link", { url, name: file.filename });
    reply.attachment = { ...file, ...(delivery === "link" ? { data: NO_BYTES } : {}), link: { href: url, text } };
  }
}
