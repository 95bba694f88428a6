import type { Bot, Context } from "grammy";
import type { Update } from "grammy/types";
import { sequentialize } from "@grammyjs/runner";
import type { CommandSpec } from "../../bot/feature.js";
import type { Config } from "../../config.js";
import type { Logger } from "../../log.js";
import { deathNotice, type Channel, type ChannelFailure, type HandleResult, type MessageHandler, type SendOptions, type SendResult } from "../../messaging/channel.js";
import { localeFromHint, type I18n, type Locale } from "../../messaging/i18n.js";
import type { IncomingMessage, Reply } from "../../messaging/message.js";
import type { HttpServer } from "../http-server.js";
import { decide, loopDelayMs, wait } from "../retry.js";
import { TELEGRAM_CAPABILITIES } from "./telegram-capabilities.js";
import { TelegramCallError, TelegramClient } from "./telegram-client.js";
import { TelegramDelivery, type SendMode, type TelegramStore } from "./telegram-delivery.js";
import { ALLOWED_UPDATES, TelegramPolling, type Outcome } from "./telegram-polling.js";
import { commandMenus } from "./telegram-render.js";
import { toEvent, type PressedMessage, type TelegramEvent } from "./telegram-updates.js";
import { telegramWebhookGuard, telegramWebhookHandler, type TelegramWebhookOptions } from "./telegram-webhook.js";
import { channelStop, MAX_FAILED_ATTEMPTS, OutageNotes, waitForDatabase } from "../outage.js";
import { deliverTurn } from "../turn-delivery.js";

export type { TelegramStore } from "./telegram-delivery.js";

/** Several messages handled together: each one's outcome, in their order, settling on its own. */
export type BatchHandler = (msgs: IncomingMessage[]) => Promise<HandleResult>[];
export type { TelegramWebhookOptions } from "./telegram-webhook.js";

/**
 * A handling that fails with the database reachable (a bug) is left for Telegram to deliver again
 * this many times; then it is given up with an honest reply (not carried out; never "send it again"),
 * so one poisoned update never stalls the bot. A database outage is not a failure: see `process`.
 */
export const MAX_HANDLE_ATTEMPTS = MAX_FAILED_ATTEMPTS;
/**
 * A webhook delivery is held this long while the database is away (waiting on the probe, so the
 * chat resumes within a second of its return); then it is answered 5xx for Telegram to deliver again.
 */
export const WEBHOOK_OUTAGE_HOLD_MS = 25_000;
const MAX_TRACKED_FAILURES = 10_000;
/** getMe at start: tries before `chibo start` gives up with a clear message. */
const GET_ME_ATTEMPTS = 4;

export interface TelegramChannelOptions {
  /** The Bot API client; the channel installs its middleware on `client.bot`. */
  client: TelegramClient;
  handler: MessageHandler;
  /**
   * Polling only: a getUpdates batch's messages handed in together (`Bot.handleMany`), each with the
   * outcome `handler` would give it; without it, each goes to `handler` alone.
   */
  batchHandler?: BatchHandler;
  store: TelegramStore;
  log: Logger;
  i18n: I18n;
  localeDefault?: Locale;
  /** The bot's commands, for Telegram's command menu (`setMyCommands`). */
  commands?: readonly CommandSpec[];
  /** Webhook mode when set; long polling otherwise. */
  webhook?: TelegramWebhookOptions;
  pollTimeoutS?: number;
  now?: () => Date;
  /** Told of every reply delivered in a conversation turn (the shared send limiter records it). */
  onReplySent?: (chatId: string) => void;
  /** Whether the database answers (probed while an outage holds updates). */
  ready?: () => Promise<boolean>;
}

/**
 * The Telegram channel on grammY, in the same roles as Zalo's: `telegram-client` (one `call`),
 * `telegram-polling` or `telegram-webhook` (receiving), `telegram-updates` (update → neutral message),
 * `telegram-delivery` (send, edit, answer) and `telegram-render` (neutral reply → Bot API payload).
 * Polling runs through `@grammyjs/runner` (updates of one chat in order, chats in parallel, via
 * `sequentialize`); a webhook on the shared HTTP server when `TELEGRAM_WEBHOOK_URL` is set. An update
 * is acknowledged only once the bot has stored its handling: the webhook answers 2xx after `handle`
 * resolved, and polling confirms an offset only after every update below it was handled. A polled
 * batch's messages go to the bot together when `batchHandler` is given (fewer statements per update);
 * each update then takes its own outcome from it, in its chat's order.
 */
export class TelegramChannel implements Channel {
  readonly name = "telegram";
  readonly capabilities = TELEGRAM_CAPABILITIES;
  readonly dead: Promise<ChannelFailure>;
  private readonly die: (reason: string) => void;
  private readonly client: TelegramClient;
  private readonly bot: Bot;
  private readonly log: Logger;
  private readonly localeDefault: Locale;
  private readonly delivery: TelegramDelivery;
  private started: Promise<void> | undefined;
  private stopped: Promise<void> | undefined;
  private readonly abort = channelStop();
  private polling: TelegramPolling | undefined;
  private readonly inFlight = new Set<Promise<unknown>>();
  /** Per update object: what its handling came to (read by the webhook answer and the poller). */
  private readonly outcomes = new WeakMap<object, Outcome>();
  /** Per update object: resolves as soon as the bot's handling settled, before the replies go out. */
  private readonly settled = new WeakMap<object, (outcome: Outcome) => void>();
  /** Failed handlings per update id (in this process), to give up after MAX_HANDLE_ATTEMPTS. */
  private readonly failures = new Map<number, number>();
  private readonly outage = new OutageNotes();
  /** Per update object of a polled batch: its outcome from the batch's handling (`batchHandler`). */
  private readonly early = new WeakMap<object, Promise<HandleResult | undefined>>();
  /** Per update object of a polled batch: what it means, read once for the batch and again for its middleware. */
  private readonly events = new WeakMap<object, TelegramEvent>();

  constructor(private readonly options: TelegramChannelOptions) {
    this.client = options.client;
    this.bot = options.client.bot;
    this.log = options.log.child({ channel: "telegram" });
    this.localeDefault = options.localeDefault ?? "vi";
    ({ dead: this.dead, die: this.die } = deathNotice(this.name));
    this.delivery = new TelegramDelivery({
      client: this.client,
      store: options.store,
      log: this.log,
      i18n: options.i18n,
      die: this.die,
      stopping: this.abort.signal,
      ...(options.onReplySent ? { onReplySent: options.onReplySent } : {}),
    });
    // One chat's updates in arrival order; different chats in parallel.
    this.bot.use(sequentialize((ctx: Context) => String(ctx.chat?.id ?? ctx.from?.id ?? "")));
    this.bot.use((ctx) => this.process(ctx.update));
    this.bot.catch((err) => this.log.error({ err: new Error(`middleware failed: ${err.error instanceof Error ? err.error.name : "error"}`) }, "telegram update failed"));
  }

  start(): Promise<void> {
    this.started ??= this.begin();
    return this.started;
  }

  stop(): Promise<void> {
    this.stopped ??= (async () => {
      this.abort.abort();
      await this.started?.catch(() => {});
      await this.polling?.stop();
      await Promise.allSettled([...this.inFlight]);
      await this.polling?.confirmOffset();
    })();
    return this.stopped;
  }

  /**
   * Send replies outside a conversation turn (reminders). Never throws: platform errors come back as
   * a SendResult. A 429 is returned at once (the sender decides when to retry); a blocked user is
   * marked unreachable.
   */
  async send(chatId: string, replies: Reply[], options: SendOptions = {}): Promise<SendResult> {
    try {
      return await this.delivery.deliver(chatId, replies, { interactive: false, locale: this.localeDefault, ...(options.signal ? { signal: options.signal } : {}) });
    } catch (error) {
      return { ok: false, ...this.client.sendFailureOf(error) };
    }
  }

  private async begin(): Promise<void> {
    const webhook = this.options.webhook;
    if (webhook && !webhook.secret) {
      // Without the secret anyone who learns the URL could post updates as any user.
      throw new Error("TELEGRAM_WEBHOOK_SECRET là bắt buộc khi đặt TELEGRAM_WEBHOOK_URL / TELEGRAM_WEBHOOK_SECRET is required with TELEGRAM_WEBHOOK_URL");
    }
    await this.learnBotInfo();
    this.track(this.setCommands());
    const signal = this.abort.signal;
    if (webhook) {
      const path = new URL(webhook.url).pathname;
      const outcomeOf = (update: Update) => this.outcomes.get(update);
      webhook.server.route(
        path,
        telegramWebhookHandler({ secret: webhook.secret, log: this.log, signal, submit: (u) => this.submit(u), outcomeOf }),
        telegramWebhookGuard(webhook.secret, this.log),
      );
      // Listen before setWebhook: Telegram may deliver pending updates at once.
      await webhook.server.start();
      await this.optional("setWebhook", () => this.client.setWebhook(webhook.url, { secret_token: webhook.secret, allowed_updates: [...ALLOWED_UPDATES] }, { signal }));
      this.log.info({ mode: "webhook", path }, "telegram channel started");
      return;
    }
    // getUpdates is refused (409) while a webhook is set. Pending updates are kept, not dropped.
    await this.optional("deleteWebhook", () => this.client.deleteWebhook({ signal }));
    this.polling = new TelegramPolling({
      client: this.client,
      log: this.log,
      ...(this.options.pollTimeoutS !== undefined ? { pollTimeoutS: this.options.pollTimeoutS } : {}),
      signal,
      submit: (update) => this.submit(update),
      expect: (update) => this.expect(update),
      received: (updates) => this.handleBatch(updates),
      outcomeOf: (update) => this.outcomes.get(update),
      die: this.die,
    });
    this.polling.start();
    this.log.info({ mode: "polling" }, "telegram channel started");
  }

  private async learnBotInfo(): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      try {
        this.bot.botInfo = await this.client.getMe({ signal: this.abort.signal });
        return;
      } catch (error) {
        const failure = this.client.classify(error);
        if (failure.kind === "fatal") {
          throw new Error(`Telegram từ chối TELEGRAM_BOT_TOKEN (${failure.detail}): kiểm tra token với @BotFather / Telegram rejected the bot token`);
        }
        if (attempt + 1 >= GET_ME_ATTEMPTS || this.abort.signal.aborted) {
          throw new Error(`không kết nối được Telegram Bot API / cannot reach the Telegram Bot API (getMe: ${"detail" in failure ? failure.detail : failure.kind})`);
        }
        this.log.warn({ err: new TelegramCallError("getMe", failure) }, "telegram getMe failed; retrying");
        await wait(loopDelayMs(decide(failure, attempt, this.client.policy), this.client.policy), this.abort.signal);
      }
    }
  }

  /** A start-up call the bot can live without: a failure is a warning. */
  private async optional(method: string, call: () => Promise<unknown>): Promise<void> {
    try {
      await call();
    } catch (error) {
      if (this.abort.signal.aborted) return;
      this.log.warn({ err: new TelegramCallError(method, this.client.classify(error)) }, `telegram ${method} failed; running without it`);
    }
  }

  /** The command menu in Vietnamese (also the fallback) and English, in private chats and in groups. */
  private async setCommands(): Promise<void> {
    for (const { list, other } of commandMenus(this.options.commands ?? [], this.options.i18n, this.localeDefault)) {
      if (this.abort.signal.aborted) return;
      await this.optional("setMyCommands", () => this.client.setMyCommands(list, other, { signal: this.abort.signal }));
    }
  }

  /**
   * A polled batch's messages go to the bot together (`batchHandler`); each update's middleware then
   * takes its outcome instead of handing it in alone (in chat order, as before: only the sending of the
   * replies waits for it). A batch that fails as a whole leaves each update to be handled alone.
   */
  private handleBatch(updates: Update[]): void {
    const batchHandler = this.options.batchHandler;
    if (!batchHandler) return;
    const incoming: { update: Update; msg: IncomingMessage }[] = [];
    for (const update of updates) {
      const event = this.eventOf(update);
      if (event.kind === "incoming") incoming.push({ update, msg: event.msg });
    }
    if (incoming.length < 2) return;
    let outcomes: Promise<HandleResult>[];
    try {
      outcomes = batchHandler(incoming.map((i) => i.msg));
    } catch (error) {
      this.log.error({ err: error }, "telegram batch handling threw; its updates are handled one by one");
      return;
    }
    for (const [i, { update }] of incoming.entries()) {
      const outcome = (outcomes[i] ?? Promise.resolve(undefined)).catch((error: unknown) => {
        this.log.error({ err: error }, "telegram batch handling failed; the update is handled alone");
        return undefined;
      });
      this.track(outcome);
      this.early.set(update, outcome);
    }
  }

  private eventOf(update: Update): TelegramEvent {
    const read = this.events.get(update);
    if (read) return read;
    const event = toEvent(update, {
      ...(this.bot.botInfo?.username ? { botUsername: this.bot.botInfo.username } : {}),
      ...(this.options.now ? { now: this.options.now } : {}),
    });
    this.events.set(update, event);
    return event;
  }

  /** A promise that resolves when the bot's handling of this update settled. */
  private expect(update: Update): Promise<Outcome> {
    return new Promise((resolve) => this.settled.set(update, resolve));
  }

  private settle(update: object, outcome: Outcome): void {
    this.outcomes.set(update, outcome);
    const resolve = this.settled.get(update);
    this.settled.delete(update);
    resolve?.(outcome);
  }

  /** Run one update through grammY (sequentialize, then `process`); resolves after its replies went out. */
  private submit(update: Update): Promise<void> {
    const work = this.bot.handleUpdate(update).then(
      () => {
        if (!this.outcomes.has(update)) this.settle(update, "done");
      },
      (error) => {
        this.log.error({ err: new Error(`telegram update ${update.update_id} failed: ${error instanceof Error ? error.name : "error"}`) }, "telegram update failed");
        if (!this.outcomes.has(update)) this.settle(update, "retry");
      },
    );
    this.track(work);
    return work;
  }

  /** The middleware: one update to the bot, its outcome recorded, the callback query answered, the replies sent. */
  private async process(update: Update): Promise<void> {
    const event = this.eventOf(update);
    switch (event.kind) {
      case "ignored":
        this.settle(update, "done");
        return;
      case "callback_only":
        this.settle(update, "done");
        await this.delivery.answerCallback(event.callbackQueryId);
        return;
      case "membership":
        await this.membership(event.chatId, event.chatType, event.present);
        this.settle(update, "done");
        return;
      case "migrated":
        await this.delivery.migrated(event.fromChatId, event.toChatId);
        this.settle(update, "done");
        return;
      case "incoming":
        break;
    }
    const { msg, callbackQueryId, pressed } = event;
    // The button stops spinning as soon as the press is in: the callback answer carries nothing the
    // handling decides (no text), so it goes out beside the handling instead of ahead of the edit and the
    // reply, which then reach the user a round trip sooner. Awaited before this update is over.
    const answered = callbackQueryId ? this.delivery.answerCallback(callbackQueryId) : undefined;
    try {
      await this.runTurn(update, msg, pressed);
    } finally {
      await answered;
    }
  }

  /** A message or press through the bot: its outcome recorded, then the pressed keyboard retired, closed keyboards taken away and the replies sent. */
  private async runTurn(update: Update, msg: IncomingMessage, pressed: PressedMessage | undefined): Promise<void> {
    const early = this.early.get(update);
    this.early.delete(update);
    const result = await this.handleThroughOutage(msg, early);
    if (!result) {
      // Still no database: not stored, not failed. Telegram delivers it again; it is answered then.
      this.settle(update, "held");
      return;
    }
    let outcome: Outcome = "done";
    if (result.status === "failed") {
      // Telegram may give up redelivering; never let the counts grow without bound.
      if (this.failures.size > MAX_TRACKED_FAILURES) this.failures.clear();
      const attempts = (this.failures.get(update.update_id) ?? 0) + 1;
      this.failures.set(update.update_id, attempts);
      if (attempts < MAX_HANDLE_ATTEMPTS) outcome = "retry";
      else {
        this.failures.delete(update.update_id);
        this.log.error({ attempts }, "telegram update given up after repeated handling failures");
      }
    } else {
      this.failures.delete(update.update_id);
      this.outage.over();
    }
    this.settle(update, outcome);
    // Not stored: Telegram delivers it again; the honest "not carried out" answer comes only when giving up.
    if (outcome === "retry") return;
    // The pressed keyboard shows the choice made (or goes, when too late); closed choices lose theirs.
    if (pressed && result.pressed) await this.delivery.retirePressed(msg.chatId, pressed, result.pressed);
    if (result.choicesClosed) await this.delivery.retireKeyboards(msg.chatId);
    if (result.replies.length === 0) return;
    const mode: SendMode = {
      interactive: true,
      locale: localeFromHint(msg.languageHint, this.localeDefault),
      removeKeyboard: msg.contact !== undefined,
    };
    // One reply at a time, each recorded as sent once Telegram accepted it (stored replies are then
    // deleted; a crash repeats at most the one in flight, and the reply sweep sends what is left).
    const sent = await deliverTurn(result, (reply, i) => this.delivery.deliver(msg.chatId, [reply], { ...mode, removeKeyboard: mode.removeKeyboard === true && i === 0 }));
    if (!sent.ok) this.log.warn({ kind: sent.kind }, "telegram reply not delivered");
  }

  /**
   * Hand the message to the bot; while the database is away, wait for it (probing, the wait capped
   * at a second) and hand it in again, the chat told once that it will be handled. Polling waits as
   * long as it takes (the offset stays below the update meanwhile); a webhook delivery at most
   * WEBHOOK_OUTAGE_HOLD_MS. Undefined when it gave up waiting (or the channel stops): not stored.
   */
  private async handleThroughOutage(msg: IncomingMessage, early?: Promise<HandleResult | undefined>): Promise<HandleResult | undefined> {
    const signal = this.abort.signal;
    const until = this.options.webhook ? Date.now() + WEBHOOK_OUTAGE_HOLD_MS : Infinity;
    for (let attempt = 0; ; attempt++) {
      const result = (attempt === 0 ? await early : undefined) ?? (await this.handle(msg));
      if (result.status !== "unavailable") return result;
      // The press was answered already (its button stops spinning); it is handled when the database is back.
      if (attempt === 0) await this.noteOutage(msg);
      if (signal.aborted || Date.now() > until) return undefined;
      if (!(await waitForDatabase(this.options.ready, attempt, signal, this.log))) return undefined;
    }
  }

  /** Once per chat in an outage: the message was received and will be handled (never "send it again"). */
  private async noteOutage(msg: IncomingMessage): Promise<void> {
    if (!this.outage.first(msg.chatId)) return;
    const locale = localeFromHint(msg.languageHint, this.localeDefault);
    await this.delivery.deliver(msg.chatId, [{ text: this.options.i18n.t(locale, "busy-will-handle") }], { interactive: true, locale }).catch(() => undefined);
  }

  private async handle(msg: IncomingMessage): Promise<HandleResult> {
    try {
      return await this.options.handler(msg);
    } catch (error) {
      this.log.error({ err: error }, "telegram message handler threw");
      return { status: "failed", replies: [] };
    }
  }

  private async membership(chatId: string, chatType: "private" | "group", present: boolean): Promise<void> {
    try {
      if (chatType === "private") await this.options.store.setReachable(chatId, present);
      else if (!present) await this.options.store.groupRemoved(chatId);
    } catch (error) {
      this.log.warn({ err: error }, "telegram membership change not recorded");
    }
  }

  private track(work: Promise<unknown>): void {
    this.inFlight.add(work);
    void work.finally(() => this.inFlight.delete(work)).catch(() => {});
  }
}

export interface TelegramFromConfigOptions {
  config: Config;
  handler: MessageHandler;
  batchHandler?: BatchHandler;
  store: TelegramStore;
  log: Logger;
  i18n: I18n;
  commands: readonly CommandSpec[];
  server: HttpServer;
  onReplySent?: (chatId: string) => void;
  ready?: () => Promise<boolean>;
}

/**
 * The Telegram channel as `chibo start` runs it: webhook mode when TELEGRAM_WEBHOOK_URL is set (start
 * refuses it without TELEGRAM_WEBHOOK_SECRET), polling otherwise. Undefined without TELEGRAM_BOT_TOKEN.
 */
export function telegramChannelFromConfig(options: TelegramFromConfigOptions): TelegramChannel | undefined {
  const { config } = options;
  const token = config.TELEGRAM_BOT_TOKEN;
  if (!token) return undefined;
  return new TelegramChannel({
    client: new TelegramClient({ token, apiRoot: config.TELEGRAM_API_ROOT }),
    handler: options.handler,
    ...(options.batchHandler ? { batchHandler: options.batchHandler } : {}),
    store: options.store,
    log: options.log,
    i18n: options.i18n,
    localeDefault: config.LOCALE_DEFAULT,
    commands: options.commands,
    ...(options.onReplySent ? { onReplySent: options.onReplySent } : {}),
    ...(options.ready ? { ready: options.ready } : {}),
    ...(config.TELEGRAM_WEBHOOK_URL
      ? { webhook: { url: config.TELEGRAM_WEBHOOK_URL, secret: config.TELEGRAM_WEBHOOK_SECRET ?? "", server: options.server } }
      : {}),
  });
}
