import type { Config } from "../../config.js";
import type { Logger } from "../../log.js";
import { deathNotice, type Channel, type ChannelFailure, type HandleResult, type MessageHandler, type SendOptions, type SendResult } from "../../messaging/channel.js";
import type { IncomingMessage, Reply } from "../../messaging/message.js";
import type { HttpServer } from "../http-server.js";
import { channelStop, OutageNotes } from "../outage.js";
import type { Inbox } from "../../services/inbox.service.js";
import { localeFromHint, type I18n, type Locale } from "../../messaging/i18n.js";
import { ZALO_CAPABILITIES } from "./zalo-capabilities.js";
import { classify, ZaloApiError, ZaloClient, ZaloHandlerError } from "./zalo-client.js";
import { ZaloDelivery } from "./zalo-delivery.js";
import { pollZalo } from "./zalo-polling.js";
import { toIncoming, type ZaloEvent } from "./zalo-updates.js";
import { zaloWebhookGuard, zaloWebhookHandler, type ZaloWebhookOptions } from "./zalo-webhook.js";

export type { ZaloWebhookOptions } from "./zalo-webhook.js";

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
 * The Zalo channel: receives by long polling (`zalo-polling`) or by webhook (`zalo-webhook`), never
 * both (polling deletes the webhook first), hands each event to the bot (`zalo-updates` makes the
 * neutral message), and sends the replies as plain text with numbered choices (`zalo-delivery`,
 * `zalo-render`). An update is acknowledged (webhook 200) only after the bot has stored its handling.
 */
export class ZaloChannel implements Channel {
  readonly name = "zalo";
  readonly capabilities = ZALO_CAPABILITIES;
  readonly dead: Promise<ChannelFailure>;
  private readonly die: (reason: string) => void;
  private readonly client: ZaloClient;
  private readonly log: Logger;
  private readonly delivery: ZaloDelivery;
  private botNames: string[] = [];
  private started: Promise<void> | undefined;
  private stopped: Promise<void> | undefined;
  private readonly abort = channelStop();
  private loop: Promise<void> | undefined;
  private readonly inFlight = new Set<Promise<unknown>>();
  private readonly outage = new OutageNotes();

  constructor(private readonly options: ZaloChannelOptions) {
    this.client = options.client;
    this.log = options.log.child({ channel: "zalo" });
    ({ dead: this.dead, die: this.die } = deathNotice(this.name));
    this.delivery = new ZaloDelivery({
      client: this.client,
      log: this.log,
      styles: options.styles ?? false,
      die: (error) => this.die(failureReason(error)),
      ...(options.onReplySent ? { onReplySent: options.onReplySent } : {}),
    });
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
  async send(chatId: string, replies: Reply[], options: SendOptions = {}): Promise<SendResult> {
    try {
      return await this.delivery.sendReplies(chatId, replies, 0, options.signal);
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
    const signal = this.abort.signal;
    const incoming = (event: ZaloEvent) => this.incoming(event);
    const handle = (msg: IncomingMessage) => this.handle(msg);
    const noteOutage = (msg: IncomingMessage) => this.noteOutage(msg);
    const outageOver = () => this.outage.over();
    if (webhook) {
      const path = new URL(webhook.url).pathname;
      // Route and listener first: Zalo may test the URL while setWebhook runs (start is idempotent).
      webhook.server.route(
        path,
        zaloWebhookHandler({
          secret: webhook.secret,
          log: this.log,
          signal,
          incoming,
          handle,
          deliverLater: (chatId, result) => this.track(this.delivery.deliver(chatId, result)),
          noteOutage,
          outageOver,
        }),
        zaloWebhookGuard(webhook.secret, this.log),
      );
      await webhook.server.start();
      try {
        await this.client.setWebhook(webhook.url, webhook.secret, { retries: 2, signal });
      } catch (error) {
        throw classify(error).kind === "fatal" ? fatalError(error) : error;
      }
      this.log.info({ mode: "webhook", path }, "zalo channel started");
      return;
    }
    try {
      // getUpdates is refused while a webhook is set.
      await this.client.deleteWebhook({ retries: 2, signal });
    } catch (error) {
      if (classify(error).kind === "fatal") throw fatalError(error);
      this.log.warn({ err: error }, "zalo deleteWebhook failed; polling anyway");
    }
    this.loop = pollZalo({
      client: this.client,
      log: this.log,
      ...(this.options.pollTimeoutS !== undefined ? { pollTimeoutS: this.options.pollTimeoutS } : {}),
      signal,
      incoming,
      handle,
      deliver: (chatId, result) => this.delivery.deliver(chatId, result),
      die: (error) => this.die(failureReason(error)),
      inbox: this.options.inbox,
      ready: this.options.ready,
      noteOutage,
      outageOver,
    });
    this.log.info({ mode: "polling" }, "zalo channel started");
  }

  private async learnBotNames(): Promise<void> {
    try {
      const me = await this.client.getMe({ retries: 2, signal: this.abort.signal });
      this.botNames = [me?.account_name, me?.display_name].filter((n): n is string => typeof n === "string" && n.length > 0);
    } catch (error) {
      if (classify(error).kind === "fatal") throw fatalError(error);
      // Only the group @mention stripping needs the names; a loose pattern covers it meanwhile.
      this.log.warn({ err: error }, "zalo getMe failed");
    }
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

  /** Once per chat in an outage: the message was received and will be handled (never "send it again"). */
  private async noteOutage(msg: IncomingMessage): Promise<void> {
    const { i18n } = this.options;
    if (!i18n || !this.outage.first(msg.chatId)) return;
    const locale = localeFromHint(msg.languageHint, this.options.localeDefault ?? "vi");
    await this.delivery.sendReplies(msg.chatId, [{ text: i18n.t(locale, "busy-will-handle") }], 0).catch(() => {});
  }

  private track(work: Promise<unknown>): void {
    this.inFlight.add(work);
    void work.finally(() => this.inFlight.delete(work));
  }
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
