import { z } from "zod";
import type { IncomingMessage } from "../../messaging/message.js";

/** Ids are opaque strings (hex for users and chats); a number sent by a sloppy server becomes its string. */
const id = z.union([z.string().min(1).max(64), z.number().int().nonnegative()]).transform(String);

const messageSchema = z.object({
  message_id: id,
  date: z.union([z.number(), z.string().regex(/^\d{1,16}$/).transform(Number)]).optional(),
  from: z.object({ id, display_name: z.string().optional(), is_bot: z.boolean().optional() }),
  chat: z.object({ id, chat_type: z.string().optional() }),
  text: z.string().optional(),
  caption: z.string().optional(),
});

const eventSchema = z.object({ event_name: z.string().max(64), message: messageSchema });

export type ZaloEvent = z.output<typeof eventSchema>;

const ATTACHMENT_EVENTS: Record<string, NonNullable<IncomingMessage["attachment"]>> = {
  "message.image.received": "image",
  "message.sticker.received": "sticker",
  "message.voice.received": "voice",
  "message.unsupported.received": "unsupported",
};
const TEXT_EVENT = "message.text.received";

/** Below this an epoch value is seconds (OpenClaw's reading), above it milliseconds (the docs'). */
const EPOCH_MS_THRESHOLD = 1e11;

/**
 * The events in a getUpdates result or a webhook body: wrapped `{ok:true,result:{…}}` (the docs) or
 * flat `{event_name,message}` (OpenClaw), a single event or an array (one weak guide). Anything
 * malformed is dropped; `null`, `{}` and `[]` mean no update.
 */
export function decodeEvents(body: unknown): ZaloEvent[] {
  let value = body;
  if (value && typeof value === "object" && !Array.isArray(value) && (value as { ok?: unknown }).ok === true && "result" in value) {
    value = (value as { result: unknown }).result;
  }
  const items = Array.isArray(value) ? value : value ? [value] : [];
  const events: ZaloEvent[] = [];
  for (const item of items) {
    const parsed = eventSchema.safeParse(item);
    if (parsed.success) events.push(parsed.data);
  }
  return events;
}

/** The de-duplication key of an event: a redelivered webhook carries the same event name and message id. */
export function updateIdOf(event: ZaloEvent): string {
  return `zalo:${event.event_name}:${event.message.message_id}`;
}

export interface ToIncomingOptions {
  /** The bot's names (getMe's `account_name`, `display_name`): a leading `@name` is dropped in groups. */
  botNames?: readonly string[];
  now?: () => Date;
}

/**
 * A Zalo event as the neutral message, or null for events the bot ignores (unknown names, other bots).
 * Image, sticker, voice and unsupported events become an `attachment` so the bot can answer politely.
 */
export function toIncoming(event: ZaloEvent, options: ToIncomingOptions = {}): IncomingMessage | null {
  const { message } = event;
  if (message.from.is_bot) return null;
  const attachment = ATTACHMENT_EVENTS[event.event_name];
  if (event.event_name !== TEXT_EVENT && !attachment) return null;
  const chatType = message.chat.chat_type?.toUpperCase() === "GROUP" ? "group" : "private";
  const base: IncomingMessage = {
    channel: "zalo",
    chatId: message.chat.id,
    userId: message.from.id,
    chatType,
    updateId: updateIdOf(event),
    at: eventDate(message.date, options.now),
  };
  if (attachment) return { ...base, attachment };
  let text = message.text ?? "";
  if (chatType === "group") text = stripMention(text, options.botNames ?? []);
  return { ...base, text };
}

function eventDate(raw: number | undefined, now: (() => Date) | undefined): Date {
  if (raw === undefined || !Number.isFinite(raw) || raw <= 0) return (now ?? (() => new Date()))();
  return new Date(raw > EPOCH_MS_THRESHOLD ? raw : raw * 1000);
}

/** In a group the bot only sees messages that mention it, and the mention leads the text. */
export function stripMention(text: string, botNames: readonly string[]): string {
  const trimmed = text.trimStart();
  if (!trimmed.startsWith("@")) return text;
  const lower = trimmed.toLowerCase();
  const names = [...botNames].filter(Boolean).sort((a, b) => b.length - a.length);
  for (const name of names) {
    if (lower.startsWith(`@${name.toLowerCase()}`)) return trimmed.slice(name.length + 1).trimStart();
  }
  // The name Zalo shows may differ from getMe's; a mention followed by a command is still ours.
  const command = /^@\S+(?:\s+\S+){0,3}?\s+(\/\S[\s\S]*)$/.exec(trimmed);
  return command ? (command[1] as string) : text;
}
