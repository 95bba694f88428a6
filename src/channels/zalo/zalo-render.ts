import type { Reply } from "../../messaging/message.js";
import { choicesAsText } from "../text-choices.js";
import { splitAtLines } from "../text-chunks.js";

/** sendMessage takes 1–2000 characters. Counted in UTF-16 units, which is never fewer than code points. */
export const ZALO_TEXT_LIMIT = 2000;

/** One `text_styles` range: offsets in UTF-16 units, codes such as `b` (bold). */
export interface TextStyle {
  start: number;
  len: number;
  st: string[];
}

/**
 * One sendMessage: plain text, and styles only when the channel sends emphasis. With `photo`, one
 * sendPhoto instead: the picture's URL with the text as its caption, and the text to send instead
 * (the caption and the link) should Zalo refuse or fail to fetch the picture.
 */
export interface ZaloOutgoing {
  text: string;
  styles?: TextStyle[];
  photo?: { url: string; instead: string };
}

export interface RenderOptions {
  /** Bold the title with `text_styles` instead of capitals (newer API; a 400 falls back to plain). */
  styles?: boolean;
  limit?: number;
}

/**
 * A neutral reply as Zalo messages. Zalo has no buttons: choices become a numbered list, and the bot
 * maps a typed digit or the choice's word back through the stored conversation state. A served
 * picture goes as sendPhoto by its URL, with the text as caption; a served document as its download
 * link after the text; a file not served is replaced by its fallback text. Long text is split at
 * line boundaries.
 *
 * @example renderZalo({ text: "Chọn ngôn ngữ:", choices: [{ label: "English", action: "lang:en" }] })
 *   // [{ text: "Chọn ngôn ngữ:\n1. English" }]
 */
export function renderZalo(reply: Reply, options: RenderOptions = {}): ZaloOutgoing[] {
  // No edits on Zalo: an update of an earlier message has nothing to update.
  if (reply.editOnly) return [];
  const limit = options.limit ?? ZALO_TEXT_LIMIT;
  const body: string[] = [];
  if (reply.text.trim()) body.push(reply.text);
  const choices = choicesAsText(reply);
  if (choices) body.push(choices);
  const file = reply.attachment;
  const photo = file?.kind === "photo" && file.link ? file.link : undefined;
  if (file && !photo) body.push(file.link?.text ?? file.fallbackText);
  const title = reply.title?.trim();
  const heading = title ? (options.styles ? title : title.toLocaleUpperCase("vi")) : undefined;
  const whole = [heading, ...body].filter((p): p is string => p !== undefined && p !== "").join("\n");
  const chunks = whole.trim() ? chunkText(whole, limit) : [];
  const out: ZaloOutgoing[] = chunks.map((text, i) =>
    options.styles && heading && i === 0 && text.startsWith(heading)
      ? { text, styles: [{ start: 0, len: heading.length, st: ["b"] }] }
      : { text },
  );
  if (!photo) return out;
  // The caption takes the last piece of text when it fits alone (captions have the text's limit).
  const last = out.length === 1 ? out.pop() : undefined;
  const caption = last?.text ?? "";
  out.push({ text: caption, photo: { url: photo.href, instead: [caption, photo.text].filter(Boolean).join("\n") } });
  return out;
}

/** Render a turn's replies: each reply its own message (or several, when long). */
export function renderAll(replies: readonly Reply[], options: RenderOptions = {}): ZaloOutgoing[] {
  return replies.flatMap((r) => renderZalo(r, options));
}

/** Split text under this platform's limit at line boundaries (see `splitAtLines`). */
export function chunkText(text: string, limit = ZALO_TEXT_LIMIT): string[] {
  return splitAtLines(text, limit);
}
