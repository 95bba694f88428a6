import type { Reply } from "../../bot/message.js";
import { choicesAsText } from "../text-choices.js";

/** sendMessage takes 1–2000 characters. Counted in UTF-16 units, which is never fewer than code points. */
export const ZALO_TEXT_LIMIT = 2000;

/** One `text_styles` range: offsets in UTF-16 units, codes such as `b` (bold). */
export interface TextStyle {
  start: number;
  len: number;
  st: string[];
}

/** One sendMessage: plain text, and styles only when the channel sends emphasis. */
export interface ZaloOutgoing {
  text: string;
  styles?: TextStyle[];
}

export interface RenderOptions {
  /** Bold the title with `text_styles` instead of capitals (newer API; a 400 falls back to plain). */
  styles?: boolean;
  limit?: number;
}

/**
 * A neutral reply as Zalo messages. Zalo has no buttons: choices become a numbered list, and the bot
 * maps a typed digit or the choice's word back through the stored conversation state. A file the
 * platform cannot take is replaced by its fallback text. Long text is split at line boundaries.
 *
 * @example renderZalo({ text: "Chọn ngôn ngữ:", choices: [{ label: "English", action: "lang:en" }] })
 *   // [{ text: "Chọn ngôn ngữ:\n1. English" }]
 */
export function renderZalo(reply: Reply, options: RenderOptions = {}): ZaloOutgoing[] {
  const limit = options.limit ?? ZALO_TEXT_LIMIT;
  const body: string[] = [];
  if (reply.text.trim()) body.push(reply.text);
  const choices = choicesAsText(reply);
  if (choices) body.push(choices);
  if (reply.attachment) body.push(reply.attachment.fallbackText);
  const title = reply.title?.trim();
  const heading = title ? (options.styles ? title : title.toLocaleUpperCase("vi")) : undefined;
  const whole = [heading, ...body].filter((p): p is string => p !== undefined && p !== "").join("\n");
  if (!whole.trim()) return [];
  const chunks = chunkText(whole, limit);
  return chunks.map((text, i) =>
    options.styles && heading && i === 0 && text.startsWith(heading)
      ? { text, styles: [{ start: 0, len: heading.length, st: ["b"] }] }
      : { text },
  );
}

/** Render a turn's replies: each reply its own message (or several, when long). */
export function renderAll(replies: readonly Reply[], options: RenderOptions = {}): ZaloOutgoing[] {
  return replies.flatMap((r) => renderZalo(r, options));
}

/**
 * Split text into pieces of at most `limit` UTF-16 units, at line boundaries; a single longer line
 * is split at its last space before the limit, or hard-cut (never inside a surrogate pair).
 */
export function chunkText(text: string, limit = ZALO_TEXT_LIMIT): string[] {
  if (text.length <= limit) return [text];
  const pieces: string[] = [];
  let current = "";
  const flush = () => {
    if (current.trim()) pieces.push(current.replace(/\n+$/, ""));
    current = "";
  };
  for (const line of text.split("\n")) {
    const candidate = current ? `${current}\n${line}` : line;
    if (candidate.length <= limit) {
      current = candidate;
      continue;
    }
    flush();
    let rest = line;
    while (rest.length > limit) {
      let cut = rest.lastIndexOf(" ", limit);
      if (cut <= 0) cut = safeCut(rest, limit);
      pieces.push(rest.slice(0, cut).trimEnd());
      rest = rest.slice(cut).trimStart();
    }
    current = rest;
  }
  flush();
  return pieces;
}

function safeCut(text: string, at: number): number {
  const code = text.charCodeAt(at - 1);
  return code >= 0xd800 && code <= 0xdbff ? at - 1 : at;
}
