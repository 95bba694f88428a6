import { z } from "zod";
import type { IncomingMessage } from "../../messaging/message.js";

// Ids are 52-bit integers at most (Bot API "Update"): safe as JS numbers, handed on as strings.
const id = z.number().int().safe();

const userSchema = z.object({
  id,
  is_bot: z.boolean().optional(),
  language_code: z.string().max(35).optional(),
  username: z.string().max(64).optional(),
});

const chatSchema = z.object({ id, type: z.string().max(16) });

const messageSchema = z.object({
  message_id: id,
  date: z.number().int().nonnegative(),
  chat: chatSchema,
  from: userSchema.optional(),
  text: z.string().optional(),
  contact: z.object({ phone_number: z.string().max(32), user_id: id.optional() }).optional(),
  // Service messages of a group upgraded to a supergroup: one in the old group, one in the new.
  migrate_to_chat_id: id.optional(),
  migrate_from_chat_id: id.optional(),
});

const buttonSchema = z.object({ text: z.string().max(256), callback_data: z.string().max(64).optional() });

const callbackSchema = z.object({
  id: z.string().min(1).max(128),
  from: userSchema,
  data: z.string().optional(),
  message: z
    .object({
      message_id: id,
      chat: chatSchema,
      text: z.string().max(4096).optional(),
      entities: z.array(z.unknown()).max(1000).optional(),
      // Read for the pressed button's label only; a keyboard not as documented is not needed.
      reply_markup: z.object({ inline_keyboard: z.array(z.array(buttonSchema)) }).optional().catch(undefined),
    })
    .optional(),
});

const chatMemberSchema = z.object({
  chat: chatSchema,
  from: userSchema,
  new_chat_member: z.object({ status: z.string().max(32) }),
});

/** The parts of an Update the channel reads; everything else passes through untouched. */
export const updateSchema = z.looseObject({
  update_id: z.number().int().nonnegative().safe(),
  message: z.unknown().optional(),
  callback_query: z.unknown().optional(),
  my_chat_member: z.unknown().optional(),
});

/** Content keys of a message the bot cannot read (a user sent it, unlike service messages). */
const ATTACHMENT_KEYS: [string, NonNullable<IncomingMessage["attachment"]>][] = [
  ["photo", "image"],
  ["sticker", "sticker"],
  ["voice", "voice"],
  ["audio", "voice"],
  ["video_note", "voice"],
  ["document", "file"],
  ["video", "file"],
  ["animation", "file"],
  ["location", "unsupported"],
  ["venue", "unsupported"],
  ["poll", "unsupported"],
  ["dice", "unsupported"],
  ["game", "unsupported"],
  ["story", "unsupported"],
];

/** What one Telegram update means for the channel. */
export type TelegramEvent =
  /**
   * A message or a button press for the bot. `callbackQueryId` must be answered whatever happens;
   * `pressed` is the message whose button it was (to show the choice made and retire its keyboard).
   */
  | { kind: "incoming"; msg: IncomingMessage; callbackQueryId?: string; pressed?: PressedMessage }
  /** A button press the bot has nothing to do with (no data, another bot's): answer it, nothing else. */
  | { kind: "callback_only"; callbackQueryId: string }
  /** The bot was blocked/unblocked in a private chat, or removed from/added to a group. */
  | { kind: "membership"; chatId: string; chatType: "private" | "group"; present: boolean }
  /** A group was upgraded to a supergroup: from now on it has the new id. */
  | { kind: "migrated"; fromChatId: string; toChatId: string }
  | { kind: "ignored" };

/** The bot's message a button was pressed under: its text and formatting as shown, and the pressed button's label. */
export interface PressedMessage {
  messageId: number;
  text?: string;
  entities?: unknown[];
  label?: string;
}

export interface ToEventOptions {
  /** The bot's username (getMe), without `@`: commands addressed to other bots are ignored in groups. */
  botUsername?: string;
  now?: () => Date;
}

function chatTypeOf(type: string): "private" | "group" | null {
  if (type === "private") return "private";
  if (type === "group" || type === "supergroup") return "group";
  return null; // channels: the bot is not for them
}

/**
 * A Telegram update as the neutral message: text, a pressed button (`callback_query.data` → action),
 * a shared contact (`contact.user_id` → `contact.userId`), or non-text content as an `attachment`.
 * `updateId` is `tg:<update_id>`; `language_code` becomes the language hint.
 */
export function toEvent(raw: unknown, options: ToEventOptions = {}): TelegramEvent {
  const parsed = updateSchema.safeParse(raw);
  if (!parsed.success) return { kind: "ignored" };
  const update = parsed.data;
  const updateId = `tg:${update.update_id}`;
  const now = options.now ?? (() => new Date());

  if (update.callback_query !== undefined) {
    const cb = callbackSchema.safeParse(update.callback_query);
    if (!cb.success) {
      const queryId = (update.callback_query as { id?: unknown } | null)?.id;
      return typeof queryId === "string" && queryId ? { kind: "callback_only", callbackQueryId: queryId } : { kind: "ignored" };
    }
    const { id: queryId, from, data, message } = cb.data;
    const chatType = message ? chatTypeOf(message.chat.type) : "private";
    if (!data || from.is_bot || !chatType) return { kind: "callback_only", callbackQueryId: queryId };
    const msg: IncomingMessage = {
      channel: "telegram",
      chatId: String(message?.chat.id ?? from.id),
      userId: String(from.id),
      chatType,
      action: data,
      updateId,
      at: now(),
      ...(from.language_code ? { languageHint: from.language_code } : {}),
    };
    const label = message?.reply_markup?.inline_keyboard.flat().find((b) => b.callback_data === data)?.text;
    const pressed: PressedMessage | undefined = message && {
      messageId: message.message_id,
      ...(message.text !== undefined ? { text: message.text } : {}),
      ...(message.entities ? { entities: message.entities } : {}),
      ...(label ? { label } : {}),
    };
    return { kind: "incoming", msg, callbackQueryId: queryId, ...(pressed ? { pressed } : {}) };
  }

  if (update.my_chat_member !== undefined) {
    const m = chatMemberSchema.safeParse(update.my_chat_member);
    if (!m.success) return { kind: "ignored" };
    const chatType = chatTypeOf(m.data.chat.type);
    if (!chatType) return { kind: "ignored" };
    const status = m.data.new_chat_member.status;
    return { kind: "membership", chatId: String(m.data.chat.id), chatType, present: status === "member" || status === "administrator" };
  }

  if (update.message !== undefined) {
    const m = messageSchema.safeParse(update.message);
    if (!m.success) return { kind: "ignored" };
    const message = m.data;
    const migration = migrationOf(message);
    if (migration) return migration;
    const chatType = chatTypeOf(message.chat.type);
    if (!chatType || !message.from || message.from.is_bot) return { kind: "ignored" };
    const base: IncomingMessage = {
      channel: "telegram",
      chatId: String(message.chat.id),
      userId: String(message.from.id),
      chatType,
      updateId,
      at: new Date(message.date * 1000),
      ...(message.from.language_code ? { languageHint: message.from.language_code } : {}),
    };
    if (message.text !== undefined) {
      const text = chatType === "group" ? addressedText(message.text, options.botUsername) : message.text;
      if (text === null) return { kind: "ignored" };
      return { kind: "incoming", msg: { ...base, text } };
    }
    if (message.contact && chatType === "private") {
      const contact = {
        phone: message.contact.phone_number,
        ...(message.contact.user_id !== undefined ? { userId: String(message.contact.user_id) } : {}),
      };
      return { kind: "incoming", msg: { ...base, contact } };
    }
    // In a group, pictures and files are the members' conversation, not a message to the bot.
    if (chatType === "group") return { kind: "ignored" };
    const content = message as Record<string, unknown>;
    const raw = update.message as Record<string, unknown>;
    const attachment = ATTACHMENT_KEYS.find(([key]) => raw[key] !== undefined || content[key] !== undefined)?.[1];
    if (attachment) return { kind: "incoming", msg: { ...base, attachment } };
    return { kind: "ignored" }; // service messages: pins, title changes, members joining
  }
  return { kind: "ignored" };
}

/**
 * The group → supergroup upgrade a service message announces, if it is one. Telegram posts
 * `migrate_to_chat_id` in the old (basic) group and `migrate_from_chat_id` in the new supergroup; either
 * is enough, and both may come. Group ids are negative.
 */
function migrationOf(message: z.infer<typeof messageSchema>): TelegramEvent | undefined {
  const { chat, migrate_to_chat_id: to, migrate_from_chat_id: from } = message;
  if (to !== undefined && chat.type === "group" && chat.id < 0 && to < 0) return { kind: "migrated", fromChatId: String(chat.id), toChatId: String(to) };
  if (from !== undefined && chat.type === "supergroup" && chat.id < 0 && from < 0) return { kind: "migrated", fromChatId: String(from), toChatId: String(chat.id) };
  return undefined;
}

/**
 * The text of a group message as the bot should read it: a leading `@bot` mention dropped, the
 * `@bot` suffix of a command dropped; null for a command addressed to another bot (`/help@otherbot`).
 */
export function addressedText(text: string, botUsername: string | undefined): string | null {
  let out = text.trimStart();
  const name = botUsername?.toLowerCase();
  if (name && out.toLowerCase().startsWith(`@${name}`)) out = out.slice(name.length + 1).trimStart();
  const command = /^\/([^\s@]+)@(\S+)/.exec(out);
  if (command) {
    const target = (command[2] as string).toLowerCase();
    if (!name || target !== name) return null;
    out = `/${command[1]}${out.slice(command[0].length)}`;
  }
  return out;
}
