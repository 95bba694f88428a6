import { createHash, timingSafeEqual } from "node:crypto";
import type { IncomingMessage as HttpRequest, ServerResponse } from "node:http";
import type { HandleResult } from "../../messaging/channel.js";
import type { IncomingMessage, Reply } from "../../messaging/message.js";
import type { Logger } from "../../log.js";
import { deathNotice, type Channel, type ChannelFailure, type MessageHandler, type SendResult } from "../../messaging/channel.js";
import type { HttpServer } from "../http-server.js";
import type { Config } from "../../config.js";
import { backoffMs, wait } from "../retry.js";
import { MAX_FAILED_ATTEMPTS, OutageNotes, waitForDatabase } from "../outage.js";
import { deliverTurn } from "../turn-delivery.js";
import type { Inbox } from "../../services/inbox.service.js";
import { localeFromHint, type I18n, type Locale } from "../../messaging/i18n.js";
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
/** Failed handlings per update id remembered across webhook redeliveries (then forgotten, never grown without bound). */
const MAX_TRACKED_FAILURES = 10_000;

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
  /**
   * Polling: where a fetched update is committed before it is handled (Zalo will not deliver it
   * again). Without one a crash between fetch and handling loses it; webhook mode needs none.
   */
  inbox?: Inbox;
  /** Whether the database answers (probed while an outage holds updates). */
  ready?: () => Promise<boolean>;
  /** For the one "will be handled" note per chat in an outage; without it nothing is said. */
  i18n?: I18n;
  localeDefault?: Locale;
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
  private readonly outage = new OutageNotes();
  /** Webhook: failed handlings per update id, to give up honestly after MAX_FAILED_ATTEMPTS. */
  private readonly failures = new Map<string, number>();

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
      webhook.server.route(
        path,
        (req, body, res) => this.onWebhook(req, body, res),
        (req) => {
          if (secretMatches(req.headers[ZALO_SECRET_HEADER], webhook.secret)) return undefined;
          this.log.warn("zalo webhook with a wrong secret refused");
          return { status: 403, json: { message: "Forbidden" } };
        },
      );
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
    await this.drainInbox();
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
      const messages = decodeEvents(body)
        .map((event) => this.incoming(event))
        .filter((m): m is IncomingMessage => m !== null);
      // Zalo forgets what it handed out: commit it first. While the database is away they are held
      // here (and no more are fetched: those stay with Zalo) until handled.
      const committed = await this.commitToInbox(messages);
      for (const msg of messages) await this.handlePolled(msg, committed);
    }
  }

  /** Updates a stopped process fetched and committed but never handled (handled ones come back as duplicates). */
  private async drainInbox(): Promise<void> {
    const inbox = this.options.inbox;
    if (!inbox) return;
    let left: IncomingMessage[] = [];
    for (let attempt = 0; !this.abort.signal.aborted; attempt++) {
      try {
        left = await inbox.pending();
        break;
      } catch {
        if (!(await waitForDatabase(this.options.ready, attempt, this.abort.signal, this.log))) return;
      }
    }
    if (left.length > 0) this.log.info({ updates: left.length }, "zalo updates fetched before a stop: handling them now");
    for (const msg of left) await this.handlePolled(msg, true);
  }

  private async commitToInbox(messages: IncomingMessage[]): Promise<boolean> {
    if (!this.options.inbox || messages.length === 0) return false;
    try {
      await this.options.inbox.put(messages);
      return true;
    } catch (error) {
      this.log.warn({ err: error }, "zalo updates not committed to the inbox; held in memory");
      return false;
    }
  }

  /**
   * One polled update, until it is handled: through a database outage it is held and tried again
   * (probing the database, the wait capped at a second); a handling that fails with the database
   * reachable is given up after MAX_FAILED_ATTEMPTS with an honest reply.
   */
  private async handlePolled(msg: IncomingMessage, committed: boolean): Promise<void> {
    const signal = this.abort.signal;
    let outages = 0;
    for (let failures = 0; !signal.aborted; ) {
      const result = await this.handle(msg);
      if (result?.status === "unavailable") {
        await this.noteOutage(msg);
        if (!(await waitForDatabase(this.options.ready, outages++, signal, this.log))) return;
        continue;
      }
      if (!result || result.status === "failed") {
        if (++failures < MAX_FAILED_ATTEMPTS) {
          await wait(backoffMs(failures - 1, { baseMs: this.client.policy.baseDelayMs, maxMs: this.client.policy.maxDelayMs }), signal);
          continue;
        }
        this.log.error({ attempts: failures }, "zalo update given up after repeated handling failures");
      } else {
        this.outage.over();
      }
      if (committed && msg.updateId) await this.options.inbox?.done(msg.updateId).catch(() => {});
      if (result) await this.deliver(msg.chatId, result);
      return;
    }
  }

  /** Once per chat in an outage: the message was received and will be handled (never "send it again"). */
  private async noteOutage(msg: IncomingMessage): Promise<void> {
    const { i18n } = this.options;
    if (!i18n || !this.outage.first(msg.chatId)) return;
    const locale = localeFromHint(msg.languageHint, this.options.localeDefault ?? "vi");
    await this.sendReplies(msg.chatId, [{ text: i18n.t(locale, "busy-will-handle") }], 0).catch(() => {});
  }

  private async onWebhook(req: HttpRequest, body: Buffer, res: ServerResponse): Promise<void> {
    if (this.abort.signal.aborted) {
      // Shutting down: refuse, so Zalo delivers again to the next instance.
      res.writeHead(503).end();
      return;
    }
    let json: unknown;
    try {
      json = JSON.parse(body.toString("utf8"));
    } catch {
      res.writeHead(400).end();
      return;
    }
    const outgoing: { chatId: string; result: HandleResult }[] = [];
    let retry = false;
    for (const event of decodeEvents(json)) {
      const msg = this.incoming(event);
      if (!msg) continue;
      const result = await this.handle(msg);
      if (result?.status === "unavailable") {
        // The database is away: not stored, not failed. Zalo delivers it again; it is answered then.
        await this.noteOutage(msg);
        retry = true;
        break;
      }
      if (!result || result.status === "failed") {
        const key = msg.updateId ?? "";
        if (this.failures.size > MAX_TRACKED_FAILURES) this.failures.clear();
        const attempts = (this.failures.get(key) ?? 0) + 1;
        this.failures.set(key, attempts);
        if (attempts < MAX_FAILED_ATTEMPTS) {
          retry = true;
          break;
        }
        this.failures.delete(key);
        this.log.error({ attempts }, "zalo update given up after repeated handling failures");
        if (!result) continue;
      } else {
        this.failures.delete(msg.updateId ?? "");
        this.outage.over();
      }
      outgoing.push({ chatId: msg.chatId, result });
    }
    // Acknowledge only what is stored: a 5xx invites a redelivery, which the bot's dedupe makes safe.
    if (retry) res.writeHead(500).end();
    else res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ message: "Success" }));
    // Replies go out after the answer, so a slow sendMessage never holds Zalo's request.
    for (const { chatId, result } of outgoing) this.track(this.deliver(chatId, result));
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

  /** A turn's replies, each recorded as sent once Zalo accepted it (the stored ones are then deleted). */
  private async deliver(chatId: string, result: HandleResult): Promise<void> {
    if (result.replies.length === 0) return;
    const sent = await deliverTurn(result, (reply) => this.sendReplies(chatId, [reply], TURN_SEND_RETRIES));
    if (!sent.ok) this.log.warn({ kind: sent.kind }, "zalo reply not delivered");
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
  durability: Pick<ZaloChannelOptions, "inbox" | "ready" | "i18n"> = {},
): ZaloChannel | undefined {
  if (!config.ZALO_BOT_TOKEN) return undefined;
  const client = new ZaloClient({ token: config.ZALO_BOT_TOKEN, apiRoot: config.ZALO_API_ROOT, log });
  return new ZaloChannel({
    client,
    handler,
    log,
    styles: config.ZALO_TEXT_STYLES,
    localeDefault: config.LOCALE_DEFAULT,
    ...durability,
    ...(onReplySent ? { onReplySent } : {}),
    ...(config.ZALO_WEBHOOK_URL ? { webhook: { url: config.ZALO_WEBHOOK_URL, secret: config.ZALO_WEBHOOK_SECRET ?? "", server } } : {}),
  });
}
