import type { BotCommand } from "grammy/types";
import type { CommandSpec } from "../../bot/feature.js";
import type { I18n, Locale } from "../../messaging/i18n.js";
import type { Choice, Reply } from "../../messaging/message.js";
import { choicesAsText } from "../text-choices.js";
import { splitAtLines } from "../text-chunks.js";

/** sendMessage/editMessageText take 1–4096 characters after entity parsing (counted here in UTF-16 units). */
export const TELEGRAM_TEXT_LIMIT = 4096;
/** Captions of photos and documents: 0–1024 characters. */
export const TELEGRAM_CAPTION_LIMIT = 1024;
/** callback_data: 1–64 bytes. */
export const CALLBACK_DATA_MAX_BYTES = 64;
/** Telegram refuses "reply markup is too long" somewhere below 100 buttons; beyond this, choices become a numbered list. */
export const MAX_INLINE_BUTTONS = 90;
/** Labels up to this length sit two to a row; longer ones get a row each. */
const SHORT_LABEL = 16;
const BUTTON_LABEL_MAX = 64;

export interface InlineButton {
  text: string;
  callback_data: string;
}

export type ReplyMarkup =
  | { inline_keyboard: InlineButton[][] }
  | { keyboard: { text: string; request_contact?: boolean }[][]; one_time_keyboard: true; resize_keyboard: true }
  | { remove_keyboard: true };

/** One Bot API call a reply becomes. Text and captions are HTML (`parse_mode: "HTML"`), every user string escaped. */
export type TelegramOutgoing =
  | { kind: "text"; html: string; replyMarkup?: ReplyMarkup; editKey?: string; editOnly?: boolean }
  | {
      kind: "document" | "photo";
      filename: string;
      mimeType: string;
      data: Uint8Array;
      captionHtml?: string;
      replyMarkup?: ReplyMarkup;
      /** Sent instead when the upload fails: the caption (if it was one) and the file's link or fallback text. */
      instead: TelegramOutgoing[];
    };

export interface RenderOptions {
  /** Label of the "share my phone number" button, in the reader's language. */
  contactLabel: string;
  /** Hide a reply keyboard left from before (after the contact was shared). */
  removeKeyboard?: boolean;
  limit?: number;
}

/** Escape text for Telegram's HTML parse mode: outside tags only `&`, `<`, `>` matter; `"` for good measure. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** Whether every choice's action fits Telegram's callback_data (1–64 bytes) and the keyboard is not too big. */
export function fitsInlineKeyboard(choices: readonly Choice[]): boolean {
  return (
    choices.length <= MAX_INLINE_BUTTONS &&
    choices.every((c) => {
      const bytes = Buffer.byteLength(c.action, "utf8");
      return bytes >= 1 && bytes <= CALLBACK_DATA_MAX_BYTES;
    })
  );
}

/** Choices as an inline keyboard: short labels two to a row, callback_data = the choice's action id. */
export function inlineKeyboard(choices: readonly Choice[]): { inline_keyboard: InlineButton[][] } {
  const rows: InlineButton[][] = [];
  const pairs = choices.every((c) => [...c.label].length <= SHORT_LABEL);
  for (const choice of choices) {
    const button = { text: truncate(choice.label.trim() || "…", BUTTON_LABEL_MAX), callback_data: choice.action };
    const last = rows[rows.length - 1];
    if (pairs && last && last.length < 2) last.push(button);
    else rows.push([button]);
  }
  return { inline_keyboard: rows };
}

/**
 * A neutral reply as Telegram calls: the title in bold, all text HTML-escaped, choices as an inline
 * keyboard (on the last piece), `requestContact` as a one-time reply keyboard, long text split at line
 * boundaries under 4,096 characters, an attachment as sendPhoto/sendDocument with the text as its
 * caption when it fits. `editKey` survives only on a single text message (a split one cannot be edited).
 *
 * @example renderTelegram({ title: "Chi bộ", text: "A < B" }, { contactLabel: "Chia sẻ" })
 *   // [{ kind: "text", html: "<b>Chi bộ</b>\nA &lt; B" }]
 */
export function renderTelegram(reply: Reply, options: RenderOptions): TelegramOutgoing[] {
  const limit = options.limit ?? TELEGRAM_TEXT_LIMIT;
  const choices = reply.choices ?? [];
  const buttons = choices.length > 0 && fitsInlineKeyboard(choices);
  let body = reply.text;
  if (choices.length > 0 && !buttons) {
    // Over-long action ids or too many buttons: numbered lines the bot maps a typed digit back from.
    body = [body, choicesAsText(reply)].filter((p) => p && p.trim()).join("\n");
  }
  let markup: ReplyMarkup | undefined;
  if (buttons) markup = inlineKeyboard(choices);
  else if (reply.requestContact) {
    markup = { keyboard: [[{ text: options.contactLabel, request_contact: true }]], one_time_keyboard: true, resize_keyboard: true };
  }

  const title = reply.title?.trim() ?? "";
  const out: TelegramOutgoing[] = [];
  if (reply.attachment) {
    const { kind, filename, mimeType, data } = reply.attachment;
    // A failed upload never swallows the words: they go as text, with the link where the file is served.
    const note = reply.attachment.link?.text ?? reply.attachment.fallbackText;
    const whole = [title, body.trim()].filter(Boolean).join("\n");
    if (whole.length <= TELEGRAM_CAPTION_LIMIT) {
      const caption = whole ? withBoldTitle(whole, title) : undefined;
      const instead = textPieces(title, [body.trim(), note].filter(Boolean).join("\n"), limit, markup);
      out.push({ kind, filename, mimeType, data, instead, ...(caption ? { captionHtml: caption } : {}), ...(markup ? { replyMarkup: markup } : {}) });
      return applyRemoveKeyboard(out, options);
    }
    out.push(...textPieces(title, body, limit, undefined));
    out.push({ kind, filename, mimeType, data, instead: textPieces("", note, limit, markup), ...(markup ? { replyMarkup: markup } : {}) });
    return applyRemoveKeyboard(out, options);
  }
  out.push(...textPieces(title, body, limit, markup));
  if (reply.editKey && out.length === 1 && out[0]?.kind === "text") {
    out[0].editKey = reply.editKey;
    if (reply.editOnly) out[0].editOnly = true;
  }
  return applyRemoveKeyboard(out, options);
}

/** A turn's replies, in order. */
export function renderAll(replies: readonly Reply[], options: RenderOptions): TelegramOutgoing[] {
  const out = replies.flatMap((r) => renderTelegram(r, { ...options, removeKeyboard: false }));
  return applyRemoveKeyboard(out, options);
}

function applyRemoveKeyboard(out: TelegramOutgoing[], options: RenderOptions): TelegramOutgoing[] {
  if (!options.removeKeyboard) return out;
  const first = out.find((o) => !o.replyMarkup);
  if (first) first.replyMarkup = { remove_keyboard: true };
  return out;
}

function textPieces(title: string, body: string, limit: number, markup: ReplyMarkup | undefined): TelegramOutgoing[] {
  const whole = [title, body.trim() ? body : ""].filter(Boolean).join("\n");
  if (!whole.trim()) return [];
  const chunks = chunkText(whole, limit);
  return chunks.map((chunk, i) => {
    const html = i === 0 ? withBoldTitle(chunk, title) : escapeHtml(chunk);
    const last = i === chunks.length - 1;
    return { kind: "text", html, ...(last && markup ? { replyMarkup: markup } : {}) };
  });
}

function withBoldTitle(text: string, title: string): string {
  if (!title || !text.startsWith(title)) return escapeHtml(text);
  return `<b>${escapeHtml(title)}</b>${escapeHtml(text.slice(title.length))}`;
}

/** Split text under this platform's limit at line boundaries (see `splitAtLines`). */
export function chunkText(text: string, limit = TELEGRAM_TEXT_LIMIT): string[] {
  return splitAtLines(text, limit);
}

function truncate(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join("")}…`;
}

/**
 * The `setMyCommands` calls of the bot's command menu: Vietnamese (also the fallback) and English,
 * in private chats and, for the commands that work there, in groups.
 */
export function commandMenus(commands: readonly CommandSpec[], i18n: I18n, localeDefault: Locale): { list: BotCommand[]; other: Record<string, unknown> }[] {
  const specs = commands.filter((c) => !c.hidden && c.description);
  if (specs.length === 0) return [];
  const groupSpecs = specs.filter((c) => c.group);
  const calls: { list: BotCommand[]; other: Record<string, unknown> }[] = [];
  for (const language of [undefined, "vi", "en"] as const) {
    const locale: Locale = language ?? localeDefault;
    const lang = language ? { language_code: language } : {};
    calls.push({ list: menu(specs, i18n, locale), other: lang });
    if (groupSpecs.length > 0) calls.push({ list: menu(groupSpecs, i18n, locale), other: { ...lang, scope: { type: "all_group_chats" } } });
  }
  return calls;
}

function menu(specs: readonly CommandSpec[], i18n: I18n, locale: Locale): BotCommand[] {
  const seen = new Set<string>();
  const list: BotCommand[] = [];
  for (const spec of specs) {
    // Names list Vietnamese first, then English (feature.ts).
    const command = locale === "en" ? (spec.names[1] ?? spec.names[0]) : spec.names[0];
    const description = i18n.t(locale, spec.description as string).trim().slice(0, 256);
    if (!command || !/^[a-z0-9_]{1,32}$/.test(command) || !description || seen.has(command)) continue;
    seen.add(command);
    list.push({ command, description });
  }
  return list.slice(0, 100);
}
