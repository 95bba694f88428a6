import { randomBytes } from "node:crypto";
import { EventEmitter } from "node:events";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";

/**
 * A fake Zalo Bot API on 127.0.0.1, following the fact sheet's checklist
 * (`reference/zalo-bot-api.md` §7): `/bot<token>/<method>`, the exact envelope, a long poll that
 * holds up to `timeout` then answers 408, one update per call, refused while a webhook is set,
 * webhook pushes (wrapped by default) with the secret header, the documented validations, and a
 * record of everything the bot sent.
 */

export const FAKE_ZALO_TOKEN = "12345689:abc-xyz-fake-secret";
export const FAKE_BOT_ID = "1459232241454765289";
export const FAKE_BOT_NAME = "Trợ lý chi bộ";

const TEXT_MAX = 2000;
const SECRET_MIN = 8;
const SECRET_MAX = 256;

export interface FakeZaloOptions {
  token?: string;
  /** Accept `http://127.0.0.1…` webhook URLs. Off by default: Zalo requires HTTPS. */
  allowHttpWebhookOnLoopback?: boolean;
  /** Push webhook bodies flat `{event_name, message}` instead of the documented `{ok, result}`. */
  flatWebhook?: boolean;
  /** The error code getUpdates answers while a webhook is set (undocumented; 400 by default). */
  pollWhileWebhookCode?: number;
  /** Image events carry `photo` (docs) or `photo_url` (real payloads). */
  photoField?: "photo" | "photo_url";
  /** Refuse `text_styles` with a 400, as an older API would. */
  rejectTextStyles?: boolean;
  /**
   * Fetch a sendPhoto's URL during the call, as Zalo does (reference §2), and refuse the photo when
   * it does not answer 200 with an image. Off by default: most tests send no real URL.
   */
  fetchPhotos?: boolean;
}

/** What the fake saw when it fetched a sendPhoto URL. */
export interface PhotoFetch {
  url: string;
  status: number;
  contentType: string;
  bytes: Uint8Array;
}

export interface SentRecord {
  method: string;
  chatId: string;
  text: string;
  payload: Record<string, unknown>;
  messageId: string;
  date: number;
}

/** A request as it arrived; `status` is 0 until it is answered (a held getUpdates). */
export interface CallRecord {
  method: string;
  payload: Record<string, unknown>;
  status: number;
}

export interface FakeEvent {
  event_name: string;
  message: Record<string, unknown> & { message_id: string };
}

export interface PushResult {
  status: number;
  body: string;
}

interface Waiter {
  res: ServerResponse;
  timer: NodeJS.Timeout;
}

interface Failure {
  method: string;
  code: number;
  description: string;
  remaining: number;
}

export class FakeZaloApi {
  readonly calls: CallRecord[] = [];
  readonly sent: SentRecord[] = [];
  /** Every webhook push: the event, the status the bot answered. */
  readonly pushes: { event: FakeEvent; status: number }[] = [];
  webhook: { url: string; secret: string; updatedAt: number } | null = null;
  /** Every call answers 401, as after the owner reset the token. */
  tokenRevoked = false;
  private readonly queue: FakeEvent[] = [];
  private readonly waiters: Waiter[] = [];
  private readonly failures: Failure[] = [];
  private readonly events = new EventEmitter();
  /** The call record of each open request, so the answer can fill in its status. */
  private readonly current = new WeakMap<ServerResponse, CallRecord>();
  private server!: Server;
  private port = 0;

  private constructor(readonly options: FakeZaloOptions) {}

  /** Start on a free port of 127.0.0.1. */
  static async start(options: FakeZaloOptions = {}): Promise<FakeZaloApi> {
    const fake = new FakeZaloApi(options);
    fake.server = createServer((req, res) => void fake.dispatch(req, res));
    await new Promise<void>((resolve) => fake.server.listen(0, "127.0.0.1", resolve));
    fake.port = (fake.server.address() as { port: number }).port;
    return fake;
  }

  get token(): string {
    return this.options.token ?? FAKE_ZALO_TOKEN;
  }

  /** The value for ZALO_API_ROOT. */
  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async stop(): Promise<void> {
    for (const waiter of this.waiters.splice(0)) {
      clearTimeout(waiter.timer);
      waiter.res.destroy();
    }
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** The next `times` calls of `method` (or any method with "*") fail with `code`: 429, 401, 403, 500… */
  failNext(method: string, code: number, description = defaultDescription(code), times = 1): void {
    this.failures.push({ method, code, description, remaining: times });
  }

  // ---- building events ----

  /** A text event as Zalo sends it: ids as hex strings, `date` in epoch ms. */
  textEvent(from: string, text: string, options: { chat?: string; group?: boolean; date?: number } = {}): FakeEvent {
    return this.event("message.text.received", from, { text }, options);
  }

  imageEvent(from: string, options: { chat?: string; caption?: string } = {}): FakeEvent {
    const field = this.options.photoField ?? "photo_url";
    return this.event("message.image.received", from, { [field]: "https://example.invalid/p.jpg", ...(options.caption ? { caption: options.caption } : {}) }, options);
  }

  stickerEvent(from: string): FakeEvent {
    return this.event("message.sticker.received", from, { sticker: "bfe458bf64fa8da4d4eb", url: "https://example.invalid/s.png" }, {});
  }

  private event(name: string, from: string, extra: Record<string, unknown>, options: { chat?: string; group?: boolean; date?: number }): FakeEvent {
    return {
      event_name: name,
      message: {
        message_id: randomBytes(10).toString("hex"),
        date: options.date ?? Date.now(),
        from: { id: from, display_name: "Người dùng", is_bot: false },
        chat: { id: options.chat ?? from, chat_type: options.group ? "GROUP" : "PRIVATE" },
        ...extra,
      },
    };
  }

  // ---- delivering events ----

  /** Queue an event for getUpdates (one per call). Refused while a webhook is set: use `push`. */
  enqueue(event: FakeEvent): void {
    if (this.webhook) throw new Error("a webhook is set: Zalo pushes instead of queueing (use push)");
    const waiter = this.waiters.shift();
    if (waiter) {
      clearTimeout(waiter.timer);
      this.answer(waiter.res, "getUpdates", {}, { ok: true, result: event });
      return;
    }
    this.queue.push(event);
  }

  /** POST an event to the webhook as Zalo does; `times` > 1 replays the same body (a redelivery). */
  async push(event: FakeEvent, options: { secret?: string; flat?: boolean; times?: number; redeliverOnError?: number } = {}): Promise<PushResult[]> {
    const hook = this.webhook;
    if (!hook) throw new Error("no webhook set");
    const flat = options.flat ?? this.options.flatWebhook ?? false;
    const body = JSON.stringify(flat ? event : { ok: true, result: event });
    const results: PushResult[] = [];
    let attempts = options.times ?? 1;
    let extra = options.redeliverOnError ?? 0;
    while (attempts > 0) {
      attempts -= 1;
      const response = await fetch(hook.url, {
        method: "POST",
        headers: { "content-type": "application/json", "X-Bot-Api-Secret-Token": options.secret ?? hook.secret },
        body,
      });
      const result = { status: response.status, body: await response.text() };
      results.push(result);
      this.pushes.push({ event, status: result.status });
      if (result.status >= 500 && extra > 0) {
        extra -= 1;
        attempts += 1;
      }
    }
    return results;
  }

  // ---- what the bot sent ----

  /** Texts sent to a chat, in order. */
  textsTo(chatId: string): string[] {
    return this.sent.filter((s) => s.chatId === chatId).map((s) => s.text);
  }

  /** Resolve with the first sent message matching, now or when it arrives; reject after `timeoutMs`. */
  waitForSent(match: (s: SentRecord) => boolean, timeoutMs = 20_000): Promise<SentRecord> {
    const found = this.sent.find(match);
    if (found) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const onSent = (s: SentRecord) => {
        if (!match(s)) return;
        clearTimeout(timer);
        this.events.off("sent", onSent);
        resolve(s);
      };
      const timer = setTimeout(() => {
        this.events.off("sent", onSent);
        reject(new Error(`no matching message within ${timeoutMs} ms; sent so far:\n${this.sent.map((s) => s.text).join("\n---\n")}`));
      }, timeoutMs);
      this.events.on("sent", onSent);
    });
  }

  /** Resolve when a call of `method` has been made (e.g. the bot's first getUpdates). */
  waitForCall(method: string, timeoutMs = 20_000): Promise<CallRecord> {
    const found = this.calls.find((c) => c.method === method);
    if (found) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const onCall = (c: CallRecord) => {
        if (c.method !== method) return;
        clearTimeout(timer);
        this.events.off("call", onCall);
        resolve(c);
      };
      const timer = setTimeout(() => {
        this.events.off("call", onCall);
        reject(new Error(`no ${method} call within ${timeoutMs} ms`));
      }, timeoutMs);
      this.events.on("call", onCall);
    });
  }

  /** Resolve when a getUpdates is being held (the bot is idle and listening). */
  waitForIdlePoll(timeoutMs = 20_000): Promise<void> {
    if (this.waiters.length > 0) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const onHold = () => {
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(() => {
        this.events.off("hold", onHold);
        reject(new Error(`no held getUpdates within ${timeoutMs} ms`));
      }, timeoutMs);
      this.events.once("hold", onHold);
    });
  }

  // ---- the API ----

  private async dispatch(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const match = /^\/bot([^/]+)\/([^/]+)$/.exec(url.pathname);
    const payload = await readPayload(req, url);
    const [, token, method] = (match ?? ["", "", "?"]) as [string, string, string];
    const call: CallRecord = { method, payload, status: 0 };
    this.calls.push(call);
    this.events.emit("call", call);
    this.current.set(res, call);
    if (!match) return this.answer(res, "?", payload, fail(404, "Not Found"));
    if (decodeURIComponent(token) !== this.token || this.tokenRevoked) {
      return this.answer(res, method, payload, fail(401, "Unauthorized: invalid token"));
    }
    const failure = this.failures.find((f) => f.method === method || f.method === "*");
    if (failure) {
      failure.remaining -= 1;
      if (failure.remaining <= 0) this.failures.splice(this.failures.indexOf(failure), 1);
      if (failure.code === 401) this.tokenRevoked = true;
      return this.answer(res, method, payload, fail(failure.code, failure.description));
    }
    const handler = this.methods[method];
    if (!handler) return this.answer(res, method, payload, fail(404, `Method ${method} not found`));
    return handler(res, payload);
  }

  private readonly methods: Record<string, (res: ServerResponse, p: Record<string, unknown>) => void> = {
    getMe: (res, p) =>
      this.answer(res, "getMe", p, {
        ok: true,
        result: { id: FAKE_BOT_ID, account_name: "bot.chibo", account_type: "BASIC", can_join_groups: true, display_name: FAKE_BOT_NAME },
      }),
    getUpdates: (res, p) => {
      if (this.webhook) {
        const code = this.options.pollWhileWebhookCode ?? 400;
        return this.answer(res, "getUpdates", p, fail(code, "Webhook is active, getUpdates is not available"));
      }
      const timeout = Number(p.timeout ?? 30);
      if (!Number.isFinite(timeout) || timeout < 0) return this.answer(res, "getUpdates", p, fail(400, "Invalid timeout"));
      const next = this.queue.shift();
      if (next) return this.answer(res, "getUpdates", p, { ok: true, result: next });
      const waiter: Waiter = {
        res,
        timer: setTimeout(() => {
          this.waiters.splice(this.waiters.indexOf(waiter), 1);
          this.answer(res, "getUpdates", p, fail(408, "Request timeout"));
        }, timeout * 1000),
      };
      // A client that gave up on its poll would lose the update handed to it: forget it.
      res.on("close", () => {
        const i = this.waiters.indexOf(waiter);
        if (i >= 0) {
          clearTimeout(waiter.timer);
          this.waiters.splice(i, 1);
        }
      });
      this.waiters.push(waiter);
      this.events.emit("hold");
    },
    setWebhook: (res, p) => {
      const url = typeof p.url === "string" ? p.url : "";
      const secret = typeof p.secret_token === "string" ? p.secret_token : "";
      if (!this.webhookUrlAllowed(url)) return this.answer(res, "setWebhook", p, fail(400, "url must be a valid HTTPS URL"));
      if (secret.length < SECRET_MIN || secret.length > SECRET_MAX) {
        return this.answer(res, "setWebhook", p, fail(400, "secret_token must be 8-256 characters"));
      }
      this.webhook = { url, secret, updatedAt: Date.now() };
      for (const waiter of this.waiters.splice(0)) {
        clearTimeout(waiter.timer);
        this.answer(waiter.res, "getUpdates", {}, fail(this.options.pollWhileWebhookCode ?? 400, "Webhook is active"));
      }
      this.answer(res, "setWebhook", p, { ok: true, result: { url, updated_at: this.webhook.updatedAt } });
    },
    deleteWebhook: (res, p) => {
      this.webhook = null;
      this.answer(res, "deleteWebhook", p, { ok: true, result: { url: "", updated_at: Date.now() } });
    },
    getWebhookInfo: (res, p) =>
      this.answer(res, "getWebhookInfo", p, { ok: true, result: { url: this.webhook?.url ?? "", updated_at: this.webhook?.updatedAt ?? 0 } }),
    sendMessage: (res, p) => {
      const chatId = p.chat_id;
      const text = p.text;
      if (typeof chatId !== "string" || chatId === "") return this.answer(res, "sendMessage", p, fail(400, "chat_id is required"));
      // UTF-16 units: the stricter of the two counts seen in clients.
      if (typeof text !== "string" || text.length < 1 || text.length > TEXT_MAX) {
        return this.answer(res, "sendMessage", p, fail(400, "text must be 1-2000 characters"));
      }
      if (p.text_styles !== undefined && this.options.rejectTextStyles) {
        return this.answer(res, "sendMessage", p, fail(400, "Invalid text_styles"));
      }
      if (p.parse_mode !== undefined && p.parse_mode !== "markdown" && p.parse_mode !== "html") {
        return this.answer(res, "sendMessage", p, fail(400, "Invalid parse_mode"));
      }
      this.answer(res, "sendMessage", p, { ok: true, result: this.record("sendMessage", chatId, text, p) });
    },
    sendPhoto: (res, p) => {
      if (typeof p.chat_id !== "string" || typeof p.photo !== "string") return this.answer(res, "sendPhoto", p, fail(400, "chat_id and photo are required"));
      const caption = typeof p.caption === "string" ? p.caption : "";
      if (caption.length > TEXT_MAX) return this.answer(res, "sendPhoto", p, fail(400, "caption too long"));
      const chatId = p.chat_id;
      if (!this.options.fetchPhotos) return this.answer(res, "sendPhoto", p, { ok: true, result: this.record("sendPhoto", chatId, caption, p) });
      void this.fetchPhoto(p.photo).then((seen) => {
        if (seen.status !== 200 || !seen.contentType.startsWith("image/")) return this.answer(res, "sendPhoto", p, fail(400, "Cannot fetch photo"));
        this.answer(res, "sendPhoto", p, { ok: true, result: this.record("sendPhoto", chatId, caption, p) });
      });
    },
    sendSticker: (res, p) => {
      if (typeof p.chat_id !== "string" || typeof p.sticker !== "string") return this.answer(res, "sendSticker", p, fail(400, "chat_id and sticker are required"));
      this.answer(res, "sendSticker", p, { ok: true, result: this.record("sendSticker", p.chat_id, "", p) });
    },
    sendChatAction: (res, p) => {
      if (typeof p.chat_id !== "string" || (p.action !== "typing" && p.action !== "upload_photo")) {
        return this.answer(res, "sendChatAction", p, fail(400, "Invalid action"));
      }
      this.answer(res, "sendChatAction", p, { ok: true });
    },
  };

  /** Every photo URL fetched (with `fetchPhotos`), in order. */
  readonly photoFetches: PhotoFetch[] = [];

  private async fetchPhoto(url: string): Promise<PhotoFetch> {
    let seen: PhotoFetch;
    try {
      const response = await fetch(url);
      seen = { url, status: response.status, contentType: response.headers.get("content-type") ?? "", bytes: new Uint8Array(await response.arrayBuffer()) };
    } catch {
      seen = { url, status: 0, contentType: "", bytes: new Uint8Array(0) };
    }
    this.photoFetches.push(seen);
    return seen;
  }

  private webhookUrlAllowed(raw: string): boolean {
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      return false;
    }
    if (url.protocol === "https:") return true;
    return url.protocol === "http:" && this.options.allowHttpWebhookOnLoopback === true && ["127.0.0.1", "localhost"].includes(url.hostname);
  }

  private record(method: string, chatId: string, text: string, payload: Record<string, unknown>) {
    const result = { message_id: randomBytes(10).toString("hex"), date: Date.now() };
    const record: SentRecord = { method, chatId, text, payload, messageId: result.message_id, date: result.date };
    this.sent.push(record);
    this.events.emit("sent", record);
    return result;
  }

  private answer(res: ServerResponse, method: string, payload: Record<string, unknown>, envelope: Record<string, unknown>): void {
    const status = envelope.ok === true ? 200 : Number(envelope.error_code);
    const call = this.current.get(res);
    if (call) call.status = status;
    if (res.destroyed || res.writableEnded) return;
    res.writeHead(status, { "content-type": "application/json; charset=utf-8" }).end(JSON.stringify(envelope));
  }
}

function fail(code: number, description: string) {
  return { ok: false, error_code: code, description };
}

function defaultDescription(code: number): string {
  const known: Record<number, string> = {
    400: "Bad Request",
    401: "Unauthorized",
    403: "Internal server error",
    404: "Not Found",
    408: "Request timeout",
    429: "Quota exceeded",
  };
  return known[code] ?? "Error";
}

/** JSON POST (what every SDK sends), form-encoded POST, or a GET query string. */
async function readPayload(req: IncomingMessage, url: URL): Promise<Record<string, unknown>> {
  const payload: Record<string, unknown> = Object.fromEntries(url.searchParams);
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const raw = Buffer.concat(chunks).toString("utf8");
  if (!raw) return payload;
  const type = req.headers["content-type"] ?? "";
  if (type.includes("application/x-www-form-urlencoded")) return { ...payload, ...Object.fromEntries(new URLSearchParams(raw)) };
  try {
    const body = JSON.parse(raw) as unknown;
    if (body && typeof body === "object" && !Array.isArray(body)) return { ...payload, ...(body as Record<string, unknown>) };
  } catch {
    // fall through: an unreadable body is an empty payload, and the method's validation answers 400
  }
  return payload;
}
