import { EventEmitter } from "node:events";
import { createServer, request as httpRequest, type IncomingMessage, type Server, type ServerResponse } from "node:http";

/**
 * A fake Telegram Bot API server on 127.0.0.1, speaking real HTTP: `POST /bot<token>/<method>` with the
 * `{ok, result}` / `{ok:false, error_code, description, parameters}` envelope. It enforces the
 * documented limits (reference/telegram-bot-api.md §1, §4): text 1–4096 after entity parsing, captions
 * ≤ 1024, callback_data 1–64 bytes, HTML parsing errors worded as Telegram words them, 403 for chats
 * that blocked the bot, 400 with `migrate_to_chat_id` for a group upgraded to a supergroup, 429 with
 * `retry_after` past the per-chat and overall rates. It records
 * everything it received, and can push updates to a webhook with or without the secret.
 */

export interface FakeUser {
  id: number;
  firstName?: string;
  languageCode?: string;
}

export interface FakeChat {
  id: number;
  type: "private" | "group" | "supergroup";
  title?: string;
}

/** A message the bot sent (or edited), as a user would see it. */
export interface SentMessage {
  method: string;
  chatId: string;
  messageId: number;
  /** The visible text (HTML parsed, entities decoded), or the caption for files. */
  text: string;
  /** The raw text or caption as sent. */
  raw: string;
  /** Texts shown in bold. */
  bold: string[];
  replyMarkup?: ReplyMarkupSeen;
  file?: { filename: string; size: number; mimeType: string };
}

export interface ReplyMarkupSeen {
  inline_keyboard?: { text: string; callback_data?: string }[][];
  keyboard?: { text: string; request_contact?: boolean }[][];
  one_time_keyboard?: boolean;
  remove_keyboard?: boolean;
}

export interface RecordedCall {
  method: string;
  payload: Record<string, unknown>;
  status: number;
  at: number;
}

/** Both Infinity: no limit enforced (a throughput benchmark). */
export interface FakeLimits {
  /** Messages (send/edit) per chat within any 1 s window; Telegram's FAQ says about 1. */
  perChatPerSecond: number;
  /** Messages within any 1 s window over the whole bot; Telegram's FAQ says about 30. */
  globalPerSecond: number;
}

export interface FakeOptions {
  token: string;
  limits?: Partial<FakeLimits>;
  botUsername?: string;
  /** Answer every call this long after handling it, as a real round trip would (default 0). */
  latencyMs?: number;
}

const ALLOWED_TAGS = new Set([
  "b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "tg-spoiler", "span", "a", "code", "pre", "blockquote", "tg-emoji", "tg-time",
]);
const SEND_METHODS = new Set(["sendMessage", "editMessageText", "editMessageReplyMarkup", "sendDocument", "sendPhoto"]);
const NAMED_ENTITIES: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"' };

class ApiError extends Error {
  constructor(
    readonly code: number,
    readonly description: string,
    readonly parameters?: Record<string, unknown>,
  ) {
    super(description);
  }
}

/**
 * Parse Telegram-HTML the way the Bot API does: only its tags, nested properly, `&lt; &gt; &amp; &quot;`
 * and numeric entities decoded. Errors carry Telegram's wording and a UTF-8 byte offset.
 */
export function parseTelegramHtml(html: string): { text: string; bold: string[] } {
  let text = "";
  const bold: string[] = [];
  const stack: { name: string; start: number }[] = [];
  let i = 0;
  const offset = (at: number) => Buffer.byteLength(html.slice(0, at), "utf8");
  while (i < html.length) {
    const ch = html[i] as string;
    if (ch === "<") {
      const close = html.indexOf(">", i);
      if (close < 0) throw new ApiError(400, `Bad Request: can't parse entities: Unclosed start tag at byte offset ${offset(i)}`);
      const inner = html.slice(i + 1, close);
      if (inner.startsWith("/")) {
        const name = inner.slice(1).trim().toLowerCase();
        const top = stack.pop();
        if (!top) throw new ApiError(400, `Bad Request: can't parse entities: Unexpected end tag at byte offset ${offset(i)}`);
        if (top.name !== name) {
          throw new ApiError(400, `Bad Request: can't parse entities: Unmatched end tag at byte offset ${offset(i)}, expected "</${top.name}>", found "</${name}>"`);
        }
        if (name === "b" || name === "strong") bold.push(text.slice(top.start));
      } else {
        const name = (/^([a-zA-Z][a-zA-Z0-9-]*)/.exec(inner)?.[1] ?? inner).toLowerCase();
        if (!ALLOWED_TAGS.has(name)) throw new ApiError(400, `Bad Request: can't parse entities: Unsupported start tag "${name}" at byte offset ${offset(i)}`);
        stack.push({ name, start: text.length });
      }
      i = close + 1;
      continue;
    }
    if (ch === "&") {
      const m = /^&(#\d{1,7}|#x[0-9a-fA-F]{1,6}|[a-zA-Z]+);/.exec(html.slice(i, i + 12));
      if (m) {
        const body = m[1] as string;
        let decoded: string | undefined;
        if (body.startsWith("#x")) decoded = String.fromCodePoint(parseInt(body.slice(2), 16));
        else if (body.startsWith("#")) decoded = String.fromCodePoint(Number(body.slice(1)));
        else decoded = NAMED_ENTITIES[body.toLowerCase()];
        if (decoded !== undefined) {
          text += decoded;
          i += m[0].length;
          continue;
        }
      }
    }
    text += ch;
    i += 1;
  }
  const open = stack.pop();
  if (open) throw new ApiError(400, `Bad Request: can't parse entities: Can't find end tag corresponding to start tag "${open.name}"`);
  return { text, bold };
}

/** The fake server; `FakeTelegramApi.start({ token })`, then point TELEGRAM_API_ROOT at `apiRoot`. */
export class FakeTelegramApi {
  readonly calls: RecordedCall[] = [];
  readonly sent: SentMessage[] = [];
  /** Every answerCallbackQuery received, by query id. */
  readonly answered = new Set<string>();
  /** Offsets received with getUpdates, in order. */
  readonly offsets: number[] = [];
  /** Chats that refuse the bot: users who blocked it, groups it was removed from. */
  readonly blocked = new Set<string>();
  /**
   * Groups upgraded to supergroups, old chat id → new: a call to the old id is refused with 400 and
   * `parameters.migrate_to_chat_id`, as Telegram does. Set by `migrateGroup`, or directly.
   */
  readonly migrated = new Map<string, string>();
  limits: FakeLimits;
  /** Answer every call this long after handling it (a real round trip); 0 answers at once. */
  latencyMs: number;
  /** Refuse setMyCommands (a server that does not support it). */
  rejectSetMyCommands = false;
  /** Every call answers 401, as after the owner revoked the token with BotFather. */
  tokenRevoked = false;
  /** Answer the next N calls of a method with 502 Bad Gateway (a passing server error). */
  readonly failNext = new Map<string, number>();
  /** Drop the connection of the next N calls of a method without an answer (ECONNRESET at the caller); logged with status 0. */
  readonly resetNext = new Map<string, number>();
  webhook: { url: string; secret?: string } | undefined;
  /**
   * Called before getUpdates reads its queue and after every message the bot sends: a caller that
   * plays users (a press only once the message it is on was sent) enqueues what became due here.
   * Its argument: the updates queued and not yet confirmed.
   */
  supply: ((pending: number) => void) | undefined;
  readonly commands = new Map<string, { command: string; description: string }[]>();
  readonly botUser: { id: number; is_bot: true; first_name: string; username: string };

  private readonly events = new EventEmitter();
  private readonly queue: Record<string, unknown>[] = [];
  private readonly pendingQueries = new Set<string>();
  private readonly messages = new Map<string, { text: string; markup: string }>();
  private readonly sendTimes: { chatId: string; at: number }[] = [];
  private nextUpdateId = 700_000;
  private nextMessageId = 1;
  private nextQueryId = 9_000;
  private closing = false;

  private constructor(
    private readonly server: Server,
    readonly token: string,
    options: FakeOptions,
  ) {
    this.limits = { perChatPerSecond: 1, globalPerSecond: 30, ...options.limits };
    this.latencyMs = options.latencyMs ?? 0;
    this.botUser = { id: Number(options.token.split(":")[0]) || 123456, is_bot: true, first_name: "Chibo", username: options.botUsername ?? "chibo_test_bot" };
    this.events.setMaxListeners(100);
  }

  static async start(options: FakeOptions): Promise<FakeTelegramApi> {
    let fake: FakeTelegramApi | undefined;
    const server = createServer((req, res) => void fake?.dispatch(req, res));
    fake = new FakeTelegramApi(server, options.token, options);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    return fake;
  }

  get port(): number {
    return (this.server.address() as { port: number }).port;
  }

  /** What TELEGRAM_API_ROOT should be. */
  get apiRoot(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async stop(): Promise<void> {
    this.closing = true;
    this.events.emit("update");
    await new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      // grammY keeps sockets alive: drop idle ones, or close() waits for their timeout.
      this.server.closeIdleConnections();
      this.server.closeAllConnections();
    });
  }

  // ---- updates -------------------------------------------------------------------------------

  private userJson(user: FakeUser) {
    return { id: user.id, is_bot: false, first_name: user.firstName ?? "Người dùng", ...(user.languageCode ? { language_code: user.languageCode } : {}) };
  }

  private chatJson(chat: FakeChat) {
    return chat.type === "private" ? { id: chat.id, type: "private", first_name: "Người dùng" } : { id: chat.id, type: chat.type, title: chat.title ?? "Nhóm" };
  }

  private message(user: FakeUser, chat: FakeChat | undefined, extra: Record<string, unknown>) {
    return {
      update_id: this.nextUpdateId++,
      message: {
        message_id: this.nextMessageId++,
        date: Math.floor(Date.now() / 1000),
        chat: this.chatJson(chat ?? { id: user.id, type: "private" }),
        from: this.userJson(user),
        ...extra,
      },
    };
  }

  /** A text message from a user (in their private chat unless `chat` is given). */
  textUpdate(user: FakeUser, text: string, chat?: FakeChat): Record<string, unknown> {
    const command = /^\/\S+/.exec(text);
    return this.message(user, chat, { text, ...(command ? { entities: [{ type: "bot_command", offset: 0, length: command[0].length }] } : {}) });
  }

  /** A contact shared by the user (`contactUserId` is whose contact it is: their own when shared with the button). */
  contactUpdate(user: FakeUser, phone: string, contactUserId?: number): Record<string, unknown> {
    return this.message(user, undefined, {
      contact: { phone_number: phone, first_name: user.firstName ?? "Người dùng", ...(contactUserId !== undefined ? { user_id: contactUserId } : {}) },
    });
  }

  photoUpdate(user: FakeUser): Record<string, unknown> {
    return this.message(user, undefined, { photo: [{ file_id: "AgAC", file_unique_id: "u1", width: 90, height: 90 }] });
  }

  /** A press on an inline button of a message the bot sent. */
  callbackUpdate(user: FakeUser, data: string, message?: SentMessage): Record<string, unknown> {
    const id = String(this.nextQueryId++);
    this.pendingQueries.add(id);
    const chatId = Number(message?.chatId ?? user.id);
    return {
      update_id: this.nextUpdateId++,
      callback_query: {
        id,
        from: this.userJson(user),
        chat_instance: "ci-1",
        data,
        ...(message
          ? {
              message: {
                message_id: message.messageId,
                date: Math.floor(Date.now() / 1000),
                chat: this.chatJson({ id: chatId, type: chatId < 0 ? "group" : "private" }),
                ...(message.file ? {} : { text: message.text }),
                // As Telegram does: the keyboard the message carries now (after any edit).
                ...(this.currentMarkup(message) ? { reply_markup: this.currentMarkup(message) } : {}),
              },
            }
          : {}),
      },
    };
  }

  /** The user blocked (`kicked`) or unblocked (`member`) the bot. */
  myChatMemberUpdate(user: FakeUser, status: "kicked" | "member"): Record<string, unknown> {
    return {
      update_id: this.nextUpdateId++,
      my_chat_member: {
        chat: this.chatJson({ id: user.id, type: "private" }),
        from: this.userJson(user),
        date: Math.floor(Date.now() / 1000),
        old_chat_member: { status: status === "kicked" ? "member" : "kicked", user: this.botUser },
        new_chat_member: { status, user: this.botUser },
      },
    };
  }

  /**
   * Upgrade a basic group to a supergroup with a new id: calls to the old id are refused from now on,
   * and the two service messages Telegram posts are returned (not delivered): `migrate_to_chat_id` in
   * the old group, then `migrate_from_chat_id` in the new supergroup.
   */
  migrateGroup(user: FakeUser, group: FakeChat, toChatId: number): Record<string, unknown>[] {
    this.migrated.set(String(group.id), String(toChatId));
    const supergroup: FakeChat = { id: toChatId, type: "supergroup", ...(group.title ? { title: group.title } : {}) };
    return [this.message(user, group, { migrate_to_chat_id: toChatId }), this.message(user, supergroup, { migrate_from_chat_id: group.id })];
  }

  /**
   * A message the bot sent before this fake started (a reminder from the day before): recorded as
   * `sendMessage` records one, without a call. `parse_mode` and `reply_markup` as the Bot API takes them.
   */
  sentBefore(chatId: string, text: string, other: { parse_mode?: "HTML"; reply_markup?: unknown } = {}): SentMessage {
    this.sendMessage({ chat_id: chatId, text, ...other });
    return this.sent[this.sent.length - 1] as SentMessage;
  }

  /** Queue an update for getUpdates (the same object twice repeats its update_id). */
  enqueue(update: Record<string, unknown>): void {
    this.queue.push(update);
    this.events.emit("update");
  }

  /**
   * POST an update to the registered webhook. `secret`: the registered one by default, a wrong one, or
   * null for none. Resolves with the HTTP status the bot answered.
   */
  pushWebhook(update: Record<string, unknown>, secret?: string | null): Promise<number> {
    const hook = this.webhook;
    if (!hook) throw new Error("no webhook set");
    const header = secret === undefined ? hook.secret : secret;
    const body = JSON.stringify(update);
    const url = new URL(hook.url);
    return new Promise((resolve, reject) => {
      const req = httpRequest(
        {
          host: url.hostname,
          port: url.port,
          path: url.pathname,
          method: "POST",
          headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body), ...(header ? { "x-telegram-bot-api-secret-token": header } : {}) },
        },
        (res) => {
          res.resume();
          res.on("end", () => resolve(res.statusCode ?? 0));
        },
      );
      req.on("error", reject);
      req.end(body);
    });
  }

  /** Deliver as Telegram would: to the webhook if one is set (redelivering on non-2xx, up to `attempts`), else to getUpdates. */
  async deliver(update: Record<string, unknown>, attempts = 5): Promise<number> {
    if (!this.webhook) {
      this.enqueue(update);
      return 200;
    }
    let status = 0;
    for (let i = 0; i < attempts; i++) {
      status = await this.pushWebhook(update);
      if (status >= 200 && status < 300) break;
    }
    return status;
  }

  // ---- waiting -------------------------------------------------------------------------------

  /** Resolve with the first message sent (from index `from` on) that matches, or reject after `timeoutMs`. */
  waitForSent(match: (s: SentMessage) => boolean, from = 0, timeoutMs = 20_000): Promise<SentMessage> {
    return this.waitFor(() => this.sent.slice(from).find(match), timeoutMs, "sent message");
  }

  /** Resolve with the first recorded call (from index `from` on) that matches. */
  waitForCall(match: (c: RecordedCall) => boolean, from = 0, timeoutMs = 20_000): Promise<RecordedCall> {
    return this.waitFor(() => this.calls.slice(from).find(match), timeoutMs, "call");
  }

  /** Resolve once `probe` returns something (checked after every request the fake receives). */
  waitUntil<T>(probe: () => T | undefined, timeoutMs = 20_000): Promise<T> {
    return this.waitFor(probe, timeoutMs, "state");
  }

  private waitFor<T>(probe: () => T | undefined, timeoutMs: number, what: string): Promise<T> {
    return new Promise((resolve, reject) => {
      const found = probe();
      if (found !== undefined) return resolve(found);
      const check = () => {
        const hit = probe();
        if (hit === undefined) return;
        cleanup();
        resolve(hit);
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`no matching ${what} within ${timeoutMs} ms; last calls: ${JSON.stringify(this.calls.slice(-8).map((c) => [c.method, c.status]))}`));
      }, timeoutMs);
      const cleanup = () => {
        clearTimeout(timer);
        this.events.off("call", check);
      };
      this.events.on("call", check);
    });
  }

  // ---- the API -------------------------------------------------------------------------------

  private async dispatch(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const match = /^\/bot([^/]+)\/([A-Za-z]+)$/.exec((req.url ?? "").split("?")[0] as string);
    const reply = (status: number, body: unknown) => {
      res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
    };
    if (!match) return reply(404, { ok: false, error_code: 404, description: "Not Found" });
    const [, token, method] = match as unknown as [string, string, string];
    let payload: Record<string, unknown> = {};
    try {
      payload = await readPayload(req);
    } catch {
      return reply(400, { ok: false, error_code: 400, description: "Bad Request: invalid request body" });
    }
    const resets = this.resetNext.get(method) ?? 0;
    if (resets > 0) {
      this.resetNext.set(method, resets - 1);
      this.calls.push({ method, payload, status: 0, at: Date.now() });
      req.socket.destroy();
      this.events.emit("call");
      return;
    }
    let status = 200;
    let body: unknown;
    try {
      if (token !== this.token || this.tokenRevoked) throw new ApiError(401, "Unauthorized");
      const failures = this.failNext.get(method) ?? 0;
      if (failures > 0) {
        this.failNext.set(method, failures - 1);
        throw new ApiError(502, "Bad Gateway");
      }
      body = { ok: true, result: await this.handle(method, payload) };
    } catch (error) {
      const e = error instanceof ApiError ? error : new ApiError(500, "Internal Server Error");
      status = e.code;
      body = { ok: false, error_code: e.code, description: e.description, ...(e.parameters ? { parameters: e.parameters } : {}) };
    }
    this.calls.push({ method, payload, status, at: Date.now() });
    if (this.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, this.latencyMs));
    reply(status, body);
    this.events.emit("call");
  }

  private async handle(method: string, p: Record<string, unknown>): Promise<unknown> {
    switch (method) {
      case "getMe":
        return this.botUser;
      case "getUpdates":
        return this.getUpdates(p);
      case "setWebhook": {
        const url = String(p.url ?? "");
        if (!url) {
          this.webhook = undefined;
          return true;
        }
        const secret = p.secret_token === undefined ? undefined : String(p.secret_token);
        if (secret !== undefined && !/^[A-Za-z0-9_-]{1,256}$/.test(secret)) throw new ApiError(400, "Bad Request: secret token contains unallowed characters");
        this.webhook = { url, ...(secret ? { secret } : {}) };
        return true;
      }
      case "deleteWebhook":
        this.webhook = undefined;
        if (p.drop_pending_updates === true) this.queue.length = 0;
        return true;
      case "getWebhookInfo":
        return { url: this.webhook?.url ?? "", has_custom_certificate: false, pending_update_count: this.queue.length };
      case "setMyCommands":
        return this.setMyCommands(p);
      case "sendChatAction":
        this.checkChat(String(p.chat_id));
        return true;
      case "answerCallbackQuery": {
        const id = String(p.callback_query_id ?? "");
        if (!this.pendingQueries.has(id)) throw new ApiError(400, "Bad Request: query is too old and response timeout expired or query ID is invalid");
        if (typeof p.text === "string" && p.text.length > 200) throw new ApiError(400, "Bad Request: MESSAGE_TOO_LONG");
        this.pendingQueries.delete(id);
        this.answered.add(id);
        return true;
      }
      case "sendMessage":
        return this.sendMessage(p);
      case "editMessageText":
        return this.editMessageText(p);
      case "editMessageReplyMarkup":
        return this.editMessageReplyMarkup(p);
      case "sendDocument":
      case "sendPhoto":
        return this.sendFile(method, p);
      default:
        throw new ApiError(404, "Not Found");
    }
  }

  private async getUpdates(p: Record<string, unknown>): Promise<unknown[]> {
    if (this.webhook) throw new ApiError(409, "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first");
    const offset = Number(p.offset ?? 0);
    const limit = Math.max(1, Math.min(100, Number(p.limit ?? 100)));
    const timeoutS = Math.max(0, Math.min(50, Number(p.timeout ?? 0)));
    this.offsets.push(offset);
    this.events.emit("call");
    // Confirm: everything below the offset is forgotten (in one pass: the queue may hold thousands).
    const kept = this.queue.filter((u) => Number(u.update_id) >= offset);
    if (kept.length < this.queue.length) {
      this.queue.length = 0;
      for (const u of kept) this.queue.push(u);
    }
    const ready = () => {
      this.supply?.(this.queue.length);
      const batch: Record<string, unknown>[] = [];
      for (const u of this.queue) {
        if (batch.length >= limit) break;
        if (Number(u.update_id) >= offset) batch.push(u);
      }
      return batch;
    };
    const deadline = Date.now() + timeoutS * 1000;
    while (!this.closing) {
      const batch = ready();
      if (batch.length > 0 || Date.now() >= deadline) return batch;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(done, Math.max(0, deadline - Date.now()));
        function done() {
          clearTimeout(timer);
          resolve();
        }
        this.events.once("update", done);
      });
    }
    return [];
  }

  private setMyCommands(p: Record<string, unknown>): true {
    if (this.rejectSetMyCommands) throw new ApiError(400, "Bad Request: method is not supported by this server");
    const list = parseJsonField(p.commands);
    if (!Array.isArray(list) || list.length > 100) throw new ApiError(400, "Bad Request: BOT_COMMANDS_TOO_MUCH");
    for (const c of list as { command?: unknown; description?: unknown }[]) {
      if (typeof c.command !== "string" || !/^[a-z0-9_]{1,32}$/.test(c.command)) throw new ApiError(400, "Bad Request: BOT_COMMAND_INVALID");
      if (typeof c.description !== "string" || c.description.length < 1 || c.description.length > 256) {
        throw new ApiError(400, "Bad Request: BOT_COMMAND_DESCRIPTION_INVALID");
      }
    }
    const scope = (parseJsonField(p.scope) as { type?: string } | undefined)?.type ?? "default";
    this.commands.set(`${scope}:${String(p.language_code ?? "")}`, list as { command: string; description: string }[]);
    return true;
  }

  private checkChat(chatId: string): void {
    if (!/^-?\d+$/.test(chatId)) throw new ApiError(400, "Bad Request: chat not found");
    const movedTo = this.migrated.get(chatId);
    if (movedTo !== undefined) throw new ApiError(400, "Bad Request: group chat was upgraded to a supergroup chat", { migrate_to_chat_id: Number(movedTo) });
    if (this.blocked.has(chatId)) {
      // A negative id is a group: "blocked" there means the bot was removed from it.
      throw new ApiError(403, chatId.startsWith("-") ? "Forbidden: bot was kicked from the supergroup chat" : "Forbidden: bot was blocked by the user");
    }
  }

  private checkRate(chatId: string): void {
    // Limits set to Infinity: nothing to enforce, and nothing to keep (a benchmark sends thousands a second).
    if (this.limits.perChatPerSecond === Infinity && this.limits.globalPerSecond === Infinity) return;
    const now = Date.now();
    while (this.sendTimes.length > 0 && (this.sendTimes[0] as { at: number }).at <= now - 1000) this.sendTimes.shift();
    const inChat = this.sendTimes.filter((s) => s.chatId === chatId);
    const over = (list: { at: number }[], limit: number) => (list.length >= limit ? Math.max(1, Math.ceil(((list[list.length - limit] as { at: number }).at + 1000 - now) / 1000)) : 0);
    const retryAfter = Math.max(over(inChat, this.limits.perChatPerSecond), over(this.sendTimes, this.limits.globalPerSecond));
    if (retryAfter > 0) throw new ApiError(429, `Too Many Requests: retry after ${retryAfter}`, { retry_after: retryAfter });
    this.sendTimes.push({ chatId, at: now });
  }

  private parseText(raw: unknown, parseMode: unknown, kind: "text" | "caption"): { text: string; bold: string[] } {
    const source = typeof raw === "string" ? raw : "";
    const parsed = parseMode === "HTML" ? parseTelegramHtml(source) : { text: source, bold: [] };
    if (kind === "text" && parsed.text.trim().length === 0) throw new ApiError(400, "Bad Request: message text is empty");
    if (kind === "text" && parsed.text.length > 4096) throw new ApiError(400, "Bad Request: message is too long");
    if (kind === "caption" && parsed.text.length > 1024) throw new ApiError(400, "Bad Request: message caption is too long");
    return parsed;
  }

  private checkMarkup(raw: unknown): ReplyMarkupSeen | undefined {
    const markup = parseJsonField(raw) as ReplyMarkupSeen | undefined;
    if (!markup) return undefined;
    for (const row of markup.inline_keyboard ?? []) {
      for (const button of row) {
        const data = button.callback_data;
        if (typeof data !== "string" || Buffer.byteLength(data, "utf8") < 1 || Buffer.byteLength(data, "utf8") > 64) {
          throw new ApiError(400, "Bad Request: BUTTON_DATA_INVALID");
        }
        if (!button.text) throw new ApiError(400, "Bad Request: text buttons are unallowed in the inline keyboard");
      }
    }
    return markup;
  }

  private sendMessage(p: Record<string, unknown>) {
    const chatId = String(p.chat_id ?? "");
    this.checkChat(chatId);
    const parsed = this.parseText(p.text, p.parse_mode, "text");
    const markup = this.checkMarkup(p.reply_markup);
    this.checkRate(chatId);
    const messageId = this.nextMessageId++;
    this.messages.set(`${chatId}:${messageId}`, { text: String(p.text), markup: JSON.stringify(markup ?? null) });
    this.sent.push({ method: "sendMessage", chatId, messageId, text: parsed.text, raw: String(p.text), bold: parsed.bold, ...(markup ? { replyMarkup: markup } : {}) });
    this.supply?.(this.queue.length);
    return this.messageJson(chatId, messageId, parsed.text);
  }

  private editMessageText(p: Record<string, unknown>) {
    const chatId = String(p.chat_id ?? "");
    this.checkChat(chatId);
    const messageId = Number(p.message_id);
    const existing = this.messages.get(`${chatId}:${messageId}`);
    if (!existing) throw new ApiError(400, "Bad Request: message to edit not found");
    const parsed = this.parseText(p.text, p.parse_mode, "text");
    const markup = this.checkMarkup(p.reply_markup);
    if (existing.text === String(p.text) && existing.markup === JSON.stringify(markup ?? null)) {
      throw new ApiError(
        400,
        "Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message",
      );
    }
    this.checkRate(chatId);
    this.messages.set(`${chatId}:${messageId}`, { text: String(p.text), markup: JSON.stringify(markup ?? null) });
    this.sent.push({ method: "editMessageText", chatId, messageId, text: parsed.text, raw: String(p.text), bold: parsed.bold, ...(markup ? { replyMarkup: markup } : {}) });
    return this.messageJson(chatId, messageId, parsed.text);
  }

  /**
   * Replace a message's inline keyboard (an empty one removes it); as Telegram: "message is not
   * modified" when nothing changes, "message to edit not found" for an unknown message.
   */
  private editMessageReplyMarkup(p: Record<string, unknown>) {
    const chatId = String(p.chat_id ?? "");
    this.checkChat(chatId);
    const messageId = Number(p.message_id);
    const existing = this.messages.get(`${chatId}:${messageId}`);
    if (!existing) throw new ApiError(400, "Bad Request: message to edit not found");
    const markup = this.checkMarkup(p.reply_markup);
    const kept = markup && (markup.inline_keyboard?.length ?? 0) > 0 ? markup : undefined;
    if (existing.markup === JSON.stringify(kept ?? null)) {
      throw new ApiError(400, "Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message");
    }
    this.checkRate(chatId);
    this.messages.set(`${chatId}:${messageId}`, { text: existing.text, markup: JSON.stringify(kept ?? null) });
    this.sent.push({ method: "editMessageReplyMarkup", chatId, messageId, text: "", raw: "", bold: [], ...(kept ? { replyMarkup: kept } : {}) });
    return true;
  }

  /** The inline keyboard a message carries now, after any edits (undefined: none). */
  currentMarkup(message: SentMessage): ReplyMarkupSeen | undefined {
    const stored = this.messages.get(`${message.chatId}:${message.messageId}`);
    if (!stored) return message.replyMarkup;
    return (JSON.parse(stored.markup) as ReplyMarkupSeen | null) ?? undefined;
  }

  /** A message as the user sees it now: its latest text (after edits) and keyboard. */
  shown(chatId: string, messageId: number): { text: string; replyMarkup?: ReplyMarkupSeen } | undefined {
    const edits = this.sent.filter((m) => m.chatId === chatId && m.messageId === messageId && (m.method === "editMessageText" || m.method.startsWith("send")));
    const last = edits.at(-1);
    if (!last) return undefined;
    const markup = this.currentMarkup(last);
    return { text: last.text, ...(markup ? { replyMarkup: markup } : {}) };
  }

  private sendFile(method: "sendDocument" | "sendPhoto", p: Record<string, unknown>) {
    const chatId = String(p.chat_id ?? "");
    this.checkChat(chatId);
    const field = method === "sendPhoto" ? p.photo : p.document;
    if (!(field instanceof File)) throw new ApiError(400, `Bad Request: there is no ${method === "sendPhoto" ? "photo" : "document"} in the request`);
    const parsed = this.parseText(p.caption, p.parse_mode, "caption");
    const markup = this.checkMarkup(p.reply_markup);
    this.checkRate(chatId);
    const messageId = this.nextMessageId++;
    this.messages.set(`${chatId}:${messageId}`, { text: typeof p.caption === "string" ? p.caption : "", markup: JSON.stringify(markup ?? null) });
    this.sent.push({
      method,
      chatId,
      messageId,
      text: parsed.text,
      raw: typeof p.caption === "string" ? p.caption : "",
      bold: parsed.bold,
      file: { filename: field.name, size: field.size, mimeType: field.type },
      ...(markup ? { replyMarkup: markup } : {}),
    });
    return this.messageJson(chatId, messageId, parsed.text);
  }

  private messageJson(chatId: string, messageId: number, text: string) {
    const id = Number(chatId);
    return { message_id: messageId, date: Math.floor(Date.now() / 1000), chat: id < 0 ? { id, type: "group", title: "Nhóm" } : { id, type: "private" }, from: this.botUser, text };
  }
}

function parseJsonField(value: unknown): unknown {
  if (typeof value !== "string") return value;
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

/** JSON, urlencoded or multipart (grammY sends files as multipart/form-data). */
async function readPayload(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const body = Buffer.concat(chunks);
  const type = String(req.headers["content-type"] ?? "");
  if (body.length === 0) return {};
  if (type.includes("application/json")) return JSON.parse(body.toString("utf8")) as Record<string, unknown>;
  if (type.includes("multipart/form-data") || type.includes("application/x-www-form-urlencoded")) {
    const out: Record<string, unknown> = {};
    if (type.includes("multipart/form-data")) Object.assign(out, parseMultipart(body, type));
    else for (const [key, value] of new URLSearchParams(body.toString("utf8"))) out[key] = value;
    // Files are attached by reference: `photo: "attach://<field>"`.
    for (const [key, value] of Object.entries(out)) {
      if (typeof value === "string" && value.startsWith("attach://")) out[key] = out[value.slice("attach://".length)];
    }
    return out;
  }
  return JSON.parse(body.toString("utf8")) as Record<string, unknown>;
}

/**
 * multipart/form-data as Telegram's server reads it: tolerant of what clients send (grammY writes
 * `name=` and `filename=` unquoted and no space after `;`, which undici's strict parser refuses).
 * Parts with a filename become Files.
 */
function parseMultipart(body: Buffer, type: string): Record<string, unknown> {
  const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1];
  if (!boundary) throw new Error("no boundary");
  const out: Record<string, unknown> = {};
  const delimiter = Buffer.from(`--${boundary}`);
  let at = body.indexOf(delimiter);
  while (at !== -1) {
    const start = at + delimiter.length;
    if (body.subarray(start, start + 2).toString() === "--") break;
    const next = body.indexOf(delimiter, start);
    if (next === -1) break;
    const part = body.subarray(start + 2, next - 2); // after CRLF, before CRLF
    const split = part.indexOf("\r\n\r\n");
    const head = part.subarray(0, split).toString("utf8");
    const data = part.subarray(split + 4);
    const name = /name="?([^";\r\n]+)"?/i.exec(head.replace(/filename=/gi, ""))?.[1];
    const filename = /filename="?([^";\r\n]+)"?/i.exec(head)?.[1];
    const contentType = /content-type:\s*([^\r\n]+)/i.exec(head)?.[1] ?? "application/octet-stream";
    if (name) out[name] = filename ? new File([new Uint8Array(data)], filename, { type: contentType }) : data.toString("utf8");
    at = next;
  }
  return out;
}
