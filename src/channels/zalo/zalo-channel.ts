import { createHash, timingSafeEqual } from "node:crypto";
import type { IncomingMessage as HttpRequest, ServerResponse } from "node:http";
import type { HandleResult } from "../../messaging/channel.js";
import type { IncomingMessage, Reply } from "../../messaging/message.js";
import type { Logger } from "../../log.js";
import { deathNotice, type Channel, type ChannelFailure, type MessageHandler, type SendResult } from "../../messaging/channel.js";
import type { HttpServer } from "../http-server.js";
import type { Config } from "../../config.js";
import { backoffMs, wait } from "../retry.js";
import { decide, sendFailureOf, ZaloApiError, ZaloClient, ZaloHandlerError } from "./zalo-client.js";
import { renderAll, type ZaloOutgoing } from "./zalo-render.js";
import { decodeEvents, toIncoming, type ZaloEvent } from "./zalo-updates.js";
import { ZALO_CAPABILITIES } from "./zalo-capabilities.js";

/** Zalo holds an idle getUpdates this long (the docs' default). */
export const ZALO_POLL_TIMEOUT_S = 30;
/** The header Zalo sends with every webhook push. */
export const ZALO_SECRET_HEADER = "x-bot-api-secret-token";
/** Replies in a conversation turn are retried this often (per decide) before being given up. */
const TURN_SEND_RETRIES = 2;
/** A polled update cannot be fetched again (no offsets, no ack): retry a failed handling this often first. */
const POLL_HANDLE_RETRIES = 2;

export interface ZaloWebhookOptions {
  /** The public HTTPS URL Zalo pushes to; its path is served on `server`. */
  url: string;
  /** 8–256 characters, sent back by Zalo in `X-Bot-Api-Secret-Token`. */
  secret: string;
  server: HttpServer;
}

export interface ZaloChannelOptions {
  client: ZaloClient;
  handler: MessageHandler;
  log: Logger;
  /** Webhook mode when set; polling otherwise. */
  webhook?: ZaloWebhookOptions;
  pollTimeoutS?: number;
  /** Bold titles with `text_styles` (a 400 on a styled message falls back to plain text). */
  styles?: boolean;
  now?: () => Date;
  /** Told of every reply delivered in a conversation turn (the shared send limiter records it). */
  onReplySent?: (chatId: string) => void;
}

/**
 * The Zalo channel: receives by long polling or by webhook (never both: polling deletes the webhook
 * first), hands each event to the bot, and sends the replies as plain text with numbered choices.
 * An update is acknowledged (webhook 200) only after the bot has stored its handling.
 */
export class ZaloChannel implements Channel {
  readonly name = "zalo";
  readonly capabilities = ZALO_CAPABILITIES;
  readonly dead: Promise<ChannelFailure>;
  private readonly die: (reason: string) => void;
  private readonly client: ZaloClient;
  private readonly log: Logger;
  private botNames: string[] = [];
  private started: Promise<void> | undefined;
  private stopped: Promise<void> | undefined;
  private readonly abort = new AbortController();
  private loop: Promise<void> | undefined;
  private readonly inFlight = new Set<Promise<unknown>>();

  constructor(private readonly options: ZaloChannelOptions) {
    this.client = options.client;
    this.log = options.log.child({ channel: "zalo" });
    ({ dead: this.dead, die: this.die } = deathNotice(this.name));
  }

  start(): Promise<void> {
    this.started ??= this.begin();
    return this.started;
  }

  stop(): Promise<void> {
    this.stopped ??= (async () => {
      this.abort.abort();
      await this.started?.catch(() => {});
      await this.loop;
      await Promise.allSettled([...this.inFlight]);
    })();
    return this.stopped;
  }

  /** Send replies outside a conversation turn. Never throws: platform errors come back as a SendResult. */
  async send(chatId: string, replies: Reply[]): Promise<SendResult> {
    try {
      return await this.sendReplies(chatId, replies, 0);
    } catch (error) {
      return { ok: false, kind: "transient", detail: this.client.scrub(String((error as Error)?.message ?? error)) };
    }
  }

  private async begin(): Promise<void> {
    const webhook = this.options.webhook;
    if (webhook && webhook.secret.length < 8) {
      // Checked here, inside start, so `chibo start` closes the database and exits with this message.
      throw new Error("ZALO_WEBHOOK_SECRET (8–256 ký tự / characters) là bắt buộc khi đặt ZALO_WEBHOOK_URL");
    }
    await this.learnBotNames();
    if (webhook) {
      const path = new URL(webhook.url).pathname;
      // Route and listener first: Zalo may test the URL while setWebhook runs (start is idempotent).
      webhook.server.route(path, (req, body, res) => this.onWebhook(req, body, res));
      await webhook.server.start();
      try {
        await this.client.setWebhook(webhook.url, webhook.secret, { retries: 2, signal: this.abort.signal });
      } catch (error) {
        throw decide(error, 0, this.client.policy).action === "fatal" ? fatalError(error) : error;
      }
      this.log.info({ mode: "webhook", path }, "zalo channel started");
      return;
    }
    try {
      // getUpdates is refused while a webhook is set.
      await this.client.deleteWebhook({ retries: 2, signal: this.abort.signal });
    } catch (error) {
      if (decide(error, 0, this.client.policy).action === "fatal") throw fatalError(error);
      this.log.warn({ err: error }, "zalo deleteWebhook failed; polling anyway");
    }
    this.loop = this.poll();
    this.log.info({ mode: "polling" }, "zalo channel started");
  }

  private async learnBotNames(): Promise<void> {
    try {
      const me = await this.client.getMe({ retries: 2, signal: this.abort.signal });
      this.botNames = [me?.account_name, me?.display_name].filter((n): n is string => typeof n === "string" && n.length > 0);
    } catch (error) {
      if (decide(error, 0, this.client.policy).action === "fatal") throw fatalError(error);
      // Only the group @mention stripping needs the names; a loose pattern covers it meanwhile.
      this.log.warn({ err: error }, "zalo getMe failed");
    }
  }

  private async poll(): Promise<void> {
    const signal = this.abort.signal;
    const timeoutS = this.options.pollTimeoutS ?? ZALO_POLL_TIMEOUT_S;
    let failures = 0;
    while (!signal.aborted) {
      let body: unknown;
      try {
        body = await this.client.getUpdates(timeoutS, signal);
        failures = 0;
      } catch (error) {
        if (signal.aborted) break;
        const decision = decide(error, failures++, this.client.policy);
        if (decision.action === "fatal") {
          this.log.fatal({ err: error }, "zalo rejected the bot token; polling stopped (check ZALO_BOT_TOKEN)");
          this.die(failureReason(error));
          break;
        }
        // A refused poll (a webhook still set, a wrong host) must not spin: wait the longest backoff.
        const delayMs = decision.action === "retry" ? decision.delayMs : this.client.policy.maxDelayMs;
        this.log.warn({ err: error, delayMs }, "zalo getUpdates failed");
        await wait(delayMs, signal);
        continue;
      }
      for (const event of decodeEvents(body)) await this.onPolledEvent(event);
    }
  }

  private async onPolledEvent(event: ZaloEvent): Promise<void> {
    const msg = this.incoming(event);
    if (!msg) return;
    let result: HandleResult | undefined;
    for (let attempt = 0; attempt <= POLL_HANDLE_RETRIES; attempt++) {
      result = await this.handle(msg);
      if (result && result.status !== "failed") break;
      if (attempt < POLL_HANDLE_RETRIES) await wait(backoffMs(attempt, { baseMs: this.client.policy.baseDelayMs, maxMs: this.client.policy.maxDelayMs }));
    }
    if (result) await this.deliver(msg.chatId, result.replies);
  }

  private async onWebhook(req: HttpRequest, body: Buffer, res: ServerResponse): Promise<void> {
    if (this.abort.signal.aborted) {
      // Shutting down: refuse, so Zalo delivers again to the next instance.
      res.writeHead(503).end();
      return;
    }
    if (!secretMatches(req.headers[ZALO_SECRET_HEADER], this.options.webhook?.secret ?? "")) {
      this.log.warn("zalo webhook with a wrong secret refused");
      res.writeHead(403, { "content-type": "application/json" }).end(JSON.stringify({ message: "Forbidden" }));
      return;
    }
    let json: unknown;
    try {
      json = JSON.parse(body.toString("utf8"));
    } catch {
      res.writeHead(400).end();
      return;
    }
    const outgoing: { chatId: string; replies: Reply[] }[] = [];
    let failed = false;
    for (const event of decodeEvents(json)) {
      const msg = this.incoming(event);
      if (!msg) continue;
      const result = await this.handle(msg);
      if (!result || result.status === "failed") failed = true;
      if (result) outgoing.push({ chatId: msg.chatId, replies: result.replies });
      if (failed) break;
    }
    // Acknowledge only what is stored: a 5xx invites a redelivery, which the bot's dedupe makes safe.
    if (failed) res.writeHead(500).end();
    else res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ message: "Success" }));
    // Replies go out after the answer, so a slow sendMessage never holds Zalo's request.
    for (const { chatId, replies } of outgoing) this.track(this.deliver(chatId, replies));
  }

  private incoming(event: ZaloEvent): IncomingMessage | null {
    return toIncoming(event, { botNames: this.botNames, ...(this.options.now ? { now: this.options.now } : {}) });
  }

  /** The bot's answer, or undefined when the handler itself threw (logged as a handler error). */
  private async handle(msg: IncomingMessage): Promise<HandleResult | undefined> {
    try {
      return await this.options.handler(msg);
    } catch (error) {
      this.log.error({ err: new ZaloHandlerError(msg.updateId, error) }, "zalo update handler threw");
      return undefined;
    }
  }

  private async deliver(chatId: string, replies: Reply[]): Promise<void> {
    const result = await this.sendReplies(chatId, replies, TURN_SEND_RETRIES);
    if (!result.ok) this.log.warn({ kind: result.kind }, "zalo reply not delivered");
    else this.options.onReplySent?.(chatId);
  }

  private async sendReplies(chatId: string, replies: Reply[], retries: number): Promise<SendResult> {
    for (const out of renderAll(replies, { styles: this.options.styles ?? false })) {
      const result = await this.sendOne(chatId, out, retries);
      if (!result.ok) return result;
    }
    return { ok: true };
  }

  private async sendOne(chatId: string, out: ZaloOutgoing, retries: number): Promise<SendResult> {
    try {
      await this.client.sendMessage(
        { chat_id: chatId, text: out.text, ...(out.styles ? { text_styles: out.styles } : {}) },
        { retries },
      );
      return { ok: true };
    } catch (error) {
      if (out.styles && error instanceof ZaloApiError && error.code === 400) {
        // Styles are a newer, thinly documented parameter; plain text is always accepted.
        this.log.warn({ err: error }, "zalo refused styled text; sent plain");
        return this.sendOne(chatId, { text: out.text }, retries);
      }
      // A 401 on a send is the token revoked: in webhook mode no poll would notice it.
      if (decide(error, 0, this.client.policy).action === "fatal") this.die(failureReason(error));
      return { ok: false, ...sendFailureOf(error, this.client.policy) };
    }
  }

  private track(work: Promise<unknown>): void {
    this.inFlight.add(work);
    void work.finally(() => this.inFlight.delete(work));
  }
}

/** Constant-time comparison of the webhook secret (hashing first makes the lengths equal). */
export function secretMatches(given: string | string[] | undefined, secret: string): boolean {
  if (typeof given !== "string" || secret.length === 0) return false;
  const a = createHash("sha256").update(given, "utf8").digest();
  const b = createHash("sha256").update(secret, "utf8").digest();
  return timingSafeEqual(a, b);
}

/** What the API said, for the log (the client scrubbed the token from it). */
function failureReason(error: unknown): string {
  return error instanceof ZaloApiError ? `${error.code} ${error.description}` : "token rejected";
}

function fatalError(error: unknown): Error {
  return new Error("Zalo từ chối ZALO_BOT_TOKEN (401): kiểm tra lại token trong Zalo Bot Creator / Zalo rejected the bot token", {
    cause: error,
  });
}

/**
 * The Zalo channel as `chibo start` runs it: webhook mode when ZALO_WEBHOOK_URL is set (start refuses
 * it without ZALO_WEBHOOK_SECRET), polling otherwise. Returns undefined without ZALO_BOT_TOKEN.
 */
export function zaloChannelFromConfig(
  config: Config,
  handler: MessageHandler,
  log: Logger,
  server: HttpServer,
  onReplySent?: (chatId: string) => void,
): ZaloChannel | undefined {
  if (!config.ZALO_BOT_TOKEN) return undefined;
  const client = new ZaloClient({ token: config.ZALO_BOT_TOKEN, apiRoot: config.ZALO_API_ROOT, log });
  return new ZaloChannel({
    client,
    handler,
    log,
    styles: config.ZALO_TEXT_STYLES,
    ...(onReplySent ? { onReplySent } : {}),
    ...(config.ZALO_WEBHOOK_URL ? { webhook: { url: config.ZALO_WEBHOOK_URL, secret: config.ZALO_WEBHOOK_SECRET ?? "", server } } : {}),
  });
}
