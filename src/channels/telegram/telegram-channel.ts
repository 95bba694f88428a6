import { createHash, timingSafeEqual } from "node:crypto";
import type { IncomingMessage as HttpRequest, ServerResponse } from "node:http";
import { createConcurrentSink, createRunner, createSource, sequentialize, type RunnerHandle, type UpdateSupplier } from "@grammyjs/runner";
import { InputFile, type Bot, type Context } from "grammy";
import type { BotCommand, Update } from "grammy/types";
import type { HandleResult } from "../../messaging/channel.js";
import type { CommandSpec } from "../../bot/feature.js";
import { localeFromHint, type I18n, type Locale } from "../../messaging/i18n.js";
import type { IncomingMessage, Reply } from "../../messaging/message.js";
import type { Config } from "../../config.js";
import type { Logger } from "../../log.js";
import { deathNotice, isGroupChatId, type Channel, type ChannelFailure, type MessageHandler, type SendFailure, type SendResult } from "../../messaging/channel.js";
import type { HttpServer } from "../http-server.js";
import { backoffMs, DEFAULT_BACKOFF, wait, type BackoffPolicy } from "../retry.js";
import { classify, createTelegramBot, sendFailureOf, TelegramCallError, type TelegramFailure } from "./telegram-client.js";
import { renderAll, type ReplyMarkup, type TelegramOutgoing } from "./telegram-render.js";
import { toEvent, updateSchema } from "./telegram-updates.js";
import { TELEGRAM_CAPABILITIES } from "./telegram-capabilities.js";

/** Telegram's secret header on every webhook delivery. */
export const TELEGRAM_SECRET_HEADER = "x-telegram-bot-api-secret-token";
/** How long an idle getUpdates is held open (grammY's default). */
export const TELEGRAM_POLL_TIMEOUT_S = 30;
/** Update kinds the bot reads; everything else is not even delivered. */
export const ALLOWED_UPDATES = ["message", "callback_query", "my_chat_member"] as const;
/** An interactive reply waits out a 429 this short once; a longer one is given up (the user can ask again). */
export const INTERACTIVE_MAX_RETRY_AFTER_MS = 5000;
/**
 * A failed handling (the database unreachable) is left for Telegram to deliver again this many times;
 * then the user is told to resend, so one poisoned update never stalls the bot.
 */
export const MAX_HANDLE_ATTEMPTS = 3;
const MAX_TRACKED_FAILURES = 10_000;
/** getMe at start: tries before `chibo start` gives up with a clear message. */
const GET_ME_ATTEMPTS = 4;

/** What the channel keeps in the database, through the services (channels never import db/). */
export interface TelegramStore {
  /** Mark a private chat's account reachable or not (blocked the bot, unblocked it). */
  setReachable(chatId: string, reachable: boolean): Promise<void>;
  /** The bot left or was removed from a group: forget the group's link to its cell. */
  groupRemoved(chatId: string): Promise<void>;
  /**
   * A group was upgraded to a supergroup, with a new id: move its link to the cell, and the messages
   * waiting for it, to the new id. Idempotent (both service messages may come, and refused sends too).
   */
  groupMigrated(fromChatId: string, toChatId: string): Promise<void>;
  progressMessage(chatId: string, editKey: string): Promise<number | undefined>;
  rememberProgressMessage(chatId: string, editKey: string, messageId: number): Promise<void>;
}

export interface TelegramWebhookOptions {
  /** The public HTTPS URL Telegram pushes to; its path is served on `server`. */
  url: string;
  /** 1–256 characters of `A-Z a-z 0-9 _ -`, echoed in `X-Telegram-Bot-Api-Secret-Token`. */
  secret: string;
  server: HttpServer;
}

export interface TelegramChannelOptions {
  /** From `createTelegramBot`; the channel installs its middleware on it. */
  bot: Bot;
  /** Only to scrub it from anything logged. */
  token: string;
  handler: MessageHandler;
  store: TelegramStore;
  log: Logger;
  i18n: I18n;
  localeDefault?: Locale;
  /** The bot's commands, for Telegram's command menu (`setMyCommands`). */
  commands?: readonly CommandSpec[];
  /** Webhook mode when set; long polling otherwise. */
  webhook?: TelegramWebhookOptions;
  pollTimeoutS?: number;
  backoff?: BackoffPolicy;
  now?: () => Date;
  /** Told of every reply delivered in a conversation turn (the shared send limiter records it). */
  onReplySent?: (chatId: string) => void;
}

/** A send refused because the group now lives at another id (`deliver` follows it). */
type Migrated = { ok: false; kind: "migrated"; toChatId: string; detail: string };

/** What became of one update: `done` (handled, a duplicate, ignored, or given up) or `retry` (not stored). */
type Outcome = "done" | "retry";

interface SendMode {
  interactive: boolean;
  locale: Locale;
  removeKeyboard?: boolean;
}

/**
 * The Telegram channel on grammY. Long polling through `@grammyjs/runner` (updates of one chat in
 * order, chats in parallel, via `sequentialize`), or a webhook on the shared HTTP server when
 * `TELEGRAM_WEBHOOK_URL` is set. An update is acknowledged only once the bot has stored its handling:
 * the webhook answers 2xx after `handle` resolved, and polling confirms an offset (by asking for the
 * next batch) only after every update below it was handled.
 */
export class TelegramChannel implements Channel {
  readonly name = "telegram";
  readonly capabilities = TELEGRAM_CAPABILITIES;
  readonly dead: Promise<ChannelFailure>;
  private readonly die: (reason: string) => void;
  private readonly bot: Bot;
  private readonly log: Logger;
  private readonly backoff: BackoffPolicy;
  private readonly localeDefault: Locale;
  private started: Promise<void> | undefined;
  private stopped: Promise<void> | undefined;
  private readonly abort = new AbortController();
  private runner: RunnerHandle | undefined;
  private readonly inFlight = new Set<Promise<unknown>>();
  /** Per update object: what its handling came to (read by the webhook answer and the poller). */
  private readonly outcomes = new WeakMap<object, Outcome>();
  /** Per update object: resolves as soon as the bot's handling settled, before the replies go out. */
  private readonly settled = new WeakMap<object, (outcome: Outcome) => void>();
  /** Failed handlings per update id (in this process), to give up after MAX_HANDLE_ATTEMPTS. */
  private readonly failures = new Map<number, number>();
  /** The next getUpdates offset: everything below it is handled. */
  private offset = 0;
  private confirmedOffset = 0;

  constructor(private readonly options: TelegramChannelOptions) {
    this.bot = options.bot;
    this.log = options.log.child({ channel: "telegram" });
    this.backoff = options.backoff ?? DEFAULT_BACKOFF;
    this.localeDefault = options.localeDefault ?? "vi";
    ({ dead: this.dead, die: this.die } = deathNotice(this.name));
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
      // The runner's stop() gives undefined, not a promise, once polling ended on its own (a fatal error).
      await this.runner?.stop()?.catch(() => {});
      await Promise.allSettled([...this.inFlight]);
      await this.confirmOffset();
    })();
    return this.stopped;
  }

  /**
   * Send replies outside a conversation turn (reminders). Never throws: platform errors come back as
   * a SendResult. A 429 is returned at once (the sender decides when to retry); a blocked user is
   * marked unreachable.
   */
  async send(chatId: string, replies: Reply[]): Promise<SendResult> {
    try {
      return await this.deliver(chatId, replies, { interactive: false, locale: this.localeDefault });
    } catch (error) {
      return { ok: false, ...sendFailureOf(error, this.options.token) };
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
    if (webhook) {
      const path = new URL(webhook.url).pathname;
      webhook.server.route(path, (req, body, res) => this.onWebhook(req, body, res));
      // Listen before setWebhook: Telegram may deliver pending updates at once.
      await webhook.server.start();
      await this.optional("setWebhook", () =>
        this.bot.api.setWebhook(webhook.url, { secret_token: webhook.secret, allowed_updates: [...ALLOWED_UPDATES] }, apiSignal(this.abort.signal)),
      );
      this.log.info({ mode: "webhook", path }, "telegram channel started");
      return;
    }
    // getUpdates is refused (409) while a webhook is set. Pending updates are kept, not dropped.
    await this.optional("deleteWebhook", () => this.bot.api.deleteWebhook({}, apiSignal(this.abort.signal)));
    this.startPolling();
    this.log.info({ mode: "polling" }, "telegram channel started");
  }

  private async learnBotInfo(): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      try {
        this.bot.botInfo = await this.bot.api.getMe(apiSignal(this.abort.signal));
        return;
      } catch (error) {
        const failure = classify(error, this.options.token);
        if (failure.kind === "fatal") {
          throw new Error(`Telegram từ chối TELEGRAM_BOT_TOKEN (${failure.detail}): kiểm tra token với @BotFather / Telegram rejected the bot token`);
        }
        if (attempt + 1 >= GET_ME_ATTEMPTS || this.abort.signal.aborted) {
          throw new Error(`không kết nối được Telegram Bot API / cannot reach the Telegram Bot API (getMe: ${"detail" in failure ? failure.detail : failure.kind})`);
        }
        this.log.warn({ err: new TelegramCallError("getMe", failure) }, "telegram getMe failed; retrying");
        await wait(retryDelay(failure, attempt, this.backoff), this.abort.signal);
      }
    }
  }

  /** A start-up call the bot can live without: a failure is a warning. */
  private async optional(method: string, call: () => Promise<unknown>): Promise<void> {
    try {
      await call();
    } catch (error) {
      if (this.abort.signal.aborted) return;
      this.log.warn({ err: new TelegramCallError(method, classify(error, this.options.token)) }, `telegram ${method} failed; running without it`);
    }
  }

  /** The command menu in Vietnamese (also the fallback) and English, in private chats and in groups. */
  private async setCommands(): Promise<void> {
    const specs = (this.options.commands ?? []).filter((c) => !c.hidden && c.description);
    if (specs.length === 0) return;
    const groupSpecs = specs.filter((c) => c.group);
    const calls: { list: BotCommand[]; other: Parameters<Bot["api"]["setMyCommands"]>[1] }[] = [];
    for (const language of [undefined, "vi", "en"] as const) {
      const locale: Locale = language ?? this.localeDefault;
      const lang = language ? { language_code: language } : {};
      calls.push({ list: this.menu(specs, locale), other: lang });
      if (groupSpecs.length > 0) calls.push({ list: this.menu(groupSpecs, locale), other: { ...lang, scope: { type: "all_group_chats" } } });
    }
    for (const { list, other } of calls) {
      if (this.abort.signal.aborted) return;
      await this.optional("setMyCommands", () => this.bot.api.setMyCommands(list, other, apiSignal(this.abort.signal)));
    }
  }

  private menu(specs: readonly CommandSpec[], locale: Locale): BotCommand[] {
    const seen = new Set<string>();
    const list: BotCommand[] = [];
    for (const spec of specs) {
      // Names list Vietnamese first, then English (feature.ts).
      const command = locale === "en" ? (spec.names[1] ?? spec.names[0]) : spec.names[0];
      const description = this.options.i18n.t(locale, spec.description as string).trim().slice(0, 256);
      if (!command || !/^[a-z0-9_]{1,32}$/.test(command) || !description || seen.has(command)) continue;
      seen.add(command);
      list.push({ command, description });
    }
    return list.slice(0, 100);
  }

  // ---- receiving ---------------------------------------------------------------------------

  /**
   * Polling through the runner with our own update supplier. The runner's stock fetcher confirms an
   * offset as soon as it asks for the next batch, while that batch may still be in the handlers, so a
   * crash would lose it. Here the supplier first waits until every update of the previous batch was
   * handled by the bot (its transaction committed, dedupe key included), and only then asks for the
   * next offset; an update whose handling failed keeps the offset below it, so Telegram delivers it
   * again (the handled ones after it come back as duplicates and are skipped). No inbox table is needed:
   * Telegram itself holds the unconfirmed updates for 24 h.
   */
  private startPolling(): void {
    const timeoutS = this.options.pollTimeoutS ?? TELEGRAM_POLL_TIMEOUT_S;
    let previous: { update: Update; done: Promise<Outcome> }[] = [];
    let holds = 0;
    const supplier: UpdateSupplier<Update> = {
      supply: async (batchSize, runnerSignal) => {
        // The runner hands the `abort-controller` polyfill's signal; it behaves like Node's.
        const signal = runnerSignal as unknown as AbortSignal;
        if (previous.length > 0) {
          await Promise.race([Promise.all(previous.map((p) => p.done)), aborted(signal)]);
          if (signal.aborted) throw new Error("stopped");
          let held = false;
          for (const { update } of previous) {
            if (this.outcomes.get(update) === "retry") {
              held = true;
              break;
            }
            this.offset = update.update_id + 1;
          }
          previous = [];
          if (held) await wait(backoffMs(holds++, this.backoff), signal);
          else holds = 0;
        }
        const updates = await this.fetch(batchSize, timeoutS, signal);
        previous = updates.map((update) => ({ update, done: this.expect(update) }));
        return updates;
      },
    };
    const source = createSource(supplier);
    const sink = createConcurrentSink(
      { consume: (update: Update) => this.submit(update) },
      async (error) => this.log.error({ err: error instanceof Error ? new Error(error.name) : undefined }, "telegram update handler failed"),
    );
    this.runner = createRunner(source, sink);
    this.runner.start();
    void this.runner.task()?.catch((error) => {
      if (this.abort.signal.aborted) return;
      // A refused getUpdates was logged, and the channel declared dead, where it happened.
      if (error instanceof TelegramCallError) return;
      this.log.fatal({ err: error }, "telegram polling stopped");
      this.die(`polling stopped: ${error instanceof Error ? error.name : "error"}`);
    });
  }

  /** getUpdates, retried per error kind until it answers or the channel stops; fatal errors end polling. */
  private async fetch(batchSize: number, timeoutS: number, signal: AbortSignal): Promise<Update[]> {
    for (let attempt = 0; ; attempt++) {
      try {
        const updates = await this.bot.api.getUpdates(
          { offset: this.offset, limit: Math.max(1, Math.min(100, batchSize)), timeout: timeoutS, allowed_updates: [...ALLOWED_UPDATES] },
          apiSignal(signal),
        );
        this.confirmedOffset = this.offset;
        return updates.filter((u) => updateSchema.safeParse(u).success);
      } catch (error) {
        if (signal.aborted) throw error;
        const failure = classify(error, this.options.token);
        if (failure.kind === "fatal") {
          this.log.fatal(
            { err: new TelegramCallError("getUpdates", failure) },
            "telegram polling stopped: token rejected (401) or another instance polls this bot / a webhook is set (409)",
          );
          this.die(failure.detail);
          throw new TelegramCallError("getUpdates", failure);
        }
        const delayMs = retryDelay(failure, attempt, this.backoff);
        this.log.warn({ err: new TelegramCallError("getUpdates", failure), delayMs }, "telegram getUpdates failed");
        await wait(delayMs, signal);
      }
    }
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
    const event = toEvent(update, {
      ...(this.bot.botInfo?.username ? { botUsername: this.bot.botInfo.username } : {}),
      ...(this.options.now ? { now: this.options.now } : {}),
    });
    switch (event.kind) {
      case "ignored":
        this.settle(update, "done");
        return;
      case "callback_only":
        this.settle(update, "done");
        await this.answerCallback(event.callbackQueryId);
        return;
      case "membership":
        await this.membership(event.chatId, event.chatType, event.present);
        this.settle(update, "done");
        return;
      case "migrated":
        await this.migrated(event.fromChatId, event.toChatId);
        this.settle(update, "done");
        return;
      case "incoming":
        break;
    }
    const { msg, callbackQueryId } = event;
    const result = await this.handle(msg);
    let outcome: Outcome = "done";
    if (result.status === "failed") {
      // Telegram may give up redelivering; never let the counts grow without bound.
      if (this.failures.size > MAX_TRACKED_FAILURES) this.failures.clear();
      const attempts = (this.failures.get(update.update_id) ?? 0) + 1;
      this.failures.set(update.update_id, attempts);
      if (attempts < MAX_HANDLE_ATTEMPTS) outcome = "retry";
      else this.failures.delete(update.update_id);
    } else {
      this.failures.delete(update.update_id);
    }
    this.settle(update, outcome);
    if (callbackQueryId) await this.answerCallback(callbackQueryId);
    // Not stored: Telegram delivers it again; the "please resend" answer comes only when giving up.
    if (outcome === "retry" || result.replies.length === 0) return;
    const mode: SendMode = {
      interactive: true,
      locale: localeFromHint(msg.languageHint, this.localeDefault),
      removeKeyboard: msg.contact !== undefined,
    };
    const sent = await this.deliver(msg.chatId, result.replies, mode);
    if (!sent.ok) this.log.warn({ kind: sent.kind }, "telegram reply not delivered");
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

  /**
   * Record a group's new id. A failure is only logged: the first post refused at the old id carries the
   * new one and records it again.
   */
  private async migrated(fromChatId: string, toChatId: string): Promise<void> {
    try {
      await this.options.store.groupMigrated(fromChatId, toChatId);
      this.log.info("telegram group upgraded to a supergroup: its link follows the new chat id");
    } catch (error) {
      this.log.warn({ err: error }, "telegram group upgrade not recorded");
    }
  }

  /** Every callback query is answered, or the user's button spins for up to a minute. */
  private async answerCallback(queryId: string): Promise<void> {
    // As an interactive reply: a network error or a short 429 is tried once more; failures are logged by `call`.
    await this.call("answerCallbackQuery", () => this.bot.api.answerCallbackQuery(queryId), true);
  }

  private async onWebhook(req: HttpRequest, body: Buffer, res: ServerResponse): Promise<void> {
    if (this.abort.signal.aborted) {
      // Shutting down: Telegram delivers it again, to this or another instance.
      res.writeHead(503).end();
      return;
    }
    if (!secretMatches(req.headers[TELEGRAM_SECRET_HEADER], this.options.webhook?.secret ?? "")) {
      this.log.warn("telegram webhook with a wrong secret refused");
      res.writeHead(401).end();
      return;
    }
    let update: Update;
    try {
      const parsed = updateSchema.safeParse(JSON.parse(body.toString("utf8")));
      if (!parsed.success) {
        res.writeHead(400).end();
        return;
      }
      update = parsed.data as unknown as Update;
    } catch {
      res.writeHead(400).end();
      return;
    }
    // The answer waits for the replies too: Telegram sends a chat's next update only after it, which
    // keeps one chat's turns in order across instances.
    await this.submit(update);
    const outcome = this.outcomes.get(update) ?? "retry";
    res.writeHead(outcome === "done" ? 200 : 500).end();
  }

  /** Confirm the handled offset on shutdown, so a restart does not fetch that batch again (best effort). */
  private async confirmOffset(): Promise<void> {
    if (!this.runner || this.offset <= this.confirmedOffset) return;
    try {
      await this.bot.api.getUpdates({ offset: this.offset, limit: 1, timeout: 0 }, apiSignal(AbortSignal.timeout(2000)));
    } catch {
      // The dedupe keys make the redelivery harmless.
    }
  }

  // ---- sending -----------------------------------------------------------------------------

  private async deliver(chatId: string, replies: readonly Reply[], mode: SendMode): Promise<SendResult> {
    const contactLabel = this.options.i18n.t(mode.locale, "share-phone-button");
    const outgoing = renderAll(replies, { contactLabel, ...(mode.removeKeyboard ? { removeKeyboard: true } : {}) });
    let target = chatId;
    for (const out of outgoing) {
      let result = await this.sendOne(target, out, mode.interactive);
      // A group upgraded to a supergroup refuses posts at its old id and names the new one: record it
      // and send there, once (a supergroup is never upgraded again). The rest of the replies follow.
      if (!result.ok && result.kind === "migrated" && target === chatId) {
        await this.migrated(chatId, result.toChatId);
        target = result.toChatId;
        result = await this.sendOne(target, out, mode.interactive);
      }
      if (!result.ok) {
        const failure: SendFailure = result.kind === "migrated" ? { kind: "rejected", detail: result.detail } : result;
        if (failure.kind === "unreachable") await this.markUnreachable(target, failure.detail);
        return { ok: false, ...failure };
      }
      if (mode.interactive) this.options.onReplySent?.(target);
    }
    return { ok: true };
  }

  /**
   * A private chat that refused a message is marked unreachable. A group the bot is no longer in
   * (kicked, left, deleted: the `my_chat_member` update may never have come) is unlinked from its
   * cell, so no notice is planned for it again; a group that only took away the right to post keeps
   * its link (an admin can give it back), and each notice meanwhile is skipped once by the sender.
   */
  private async markUnreachable(chatId: string, detail: string): Promise<void> {
    try {
      if (!isGroupChatId(chatId)) await this.options.store.setReachable(chatId, false);
      else if (botLeftGroup(detail)) await this.options.store.groupRemoved(chatId);
    } catch (error) {
      this.log.warn({ err: error }, "could not mark a telegram chat unreachable");
    }
  }

  private async sendOne(chatId: string, out: TelegramOutgoing, interactive: boolean): Promise<SendResult | Migrated> {
    if (out.kind === "text" && out.editKey) {
      const edited = await this.tryEdit(chatId, out.editKey, out.html, out.replyMarkup, interactive);
      if (edited) return edited;
    }
    const attempt = async (): Promise<number> => {
      if (out.kind === "text") {
        const sent = await this.bot.api.sendMessage(chatId, out.html, {
          parse_mode: "HTML",
          link_preview_options: { is_disabled: true },
          ...(out.replyMarkup ? { reply_markup: out.replyMarkup } : {}),
        });
        return sent.message_id;
      }
      const file = new InputFile(out.data, out.filename);
      const other = {
        ...(out.captionHtml ? { caption: out.captionHtml, parse_mode: "HTML" as const } : {}),
        ...(out.replyMarkup ? { reply_markup: out.replyMarkup } : {}),
      };
      const sent = out.kind === "photo" ? await this.bot.api.sendPhoto(chatId, file, other) : await this.bot.api.sendDocument(chatId, file, other);
      return sent.message_id;
    };
    const result = await this.call(out.kind === "text" ? "sendMessage" : out.kind === "photo" ? "sendPhoto" : "sendDocument", attempt, interactive);
    if (!result.ok) return result;
    if (out.kind === "text" && out.editKey) {
      try {
        await this.options.store.rememberProgressMessage(chatId, out.editKey, result.value);
      } catch (error) {
        this.log.warn({ err: error }, "telegram progress message not remembered");
      }
    }
    return { ok: true };
  }

  /** Edit the series' message; undefined when there is none to edit (send a new one instead). */
  private async tryEdit(chatId: string, editKey: string, html: string, markup: ReplyMarkup | undefined, interactive: boolean): Promise<SendResult | Migrated | undefined> {
    let messageId: number | undefined;
    try {
      messageId = await this.options.store.progressMessage(chatId, editKey);
    } catch (error) {
      this.log.warn({ err: error }, "telegram progress message lookup failed");
    }
    if (messageId === undefined) return undefined;
    const id = messageId;
    const result = await this.call(
      "editMessageText",
      async () => {
        await this.bot.api.editMessageText(chatId, id, html, {
          parse_mode: "HTML",
          link_preview_options: { is_disabled: true },
          ...(markup && "inline_keyboard" in markup ? { reply_markup: markup } : {}),
        });
        return id;
      },
      interactive,
    );
    if (result.ok) return { ok: true };
    // The message is gone or too old to edit: a new one carries the progress on.
    if (result.kind === "rejected") return undefined;
    return result;
  }

  /**
   * One Bot API call with the retry rules of its kind: an interactive reply waits out a short 429
   * (≤ 5 s) or a network error once; a send for the reminder sender is never retried here.
   */
  private async call<T>(method: string, fn: () => Promise<T>, interactive: boolean): Promise<({ ok: true; value: T }) | ({ ok: false } & SendFailure) | Migrated> {
    for (let attempt = 0; ; attempt++) {
      try {
        return { ok: true, value: await fn() };
      } catch (error) {
        const failure: TelegramFailure = classify(error, this.options.token);
        if (failure.kind === "not_modified") return { ok: true, value: undefined as T };
        // Not a failure of the message: the caller sends it to the group's new id.
        if (failure.kind === "migrated") return { ok: false, ...failure };
        // A 401 on a send is the token revoked: in webhook mode no poll would notice it.
        if (failure.kind === "fatal") this.die(failure.detail);
        const retry =
          interactive &&
          attempt === 0 &&
          ((failure.kind === "rate_limited" && failure.retryAfterMs <= INTERACTIVE_MAX_RETRY_AFTER_MS) || failure.kind === "transient");
        if (retry && !this.abort.signal.aborted) {
          await wait(retryDelay(failure, 0, this.backoff));
          continue;
        }
        if (failure.kind !== "rate_limited") this.log.warn({ err: new TelegramCallError(method, failure) }, `telegram ${method} failed`);
        return { ok: false, ...sendFailureOf(error, this.options.token) };
      }
    }
  }

  private track(work: Promise<unknown>): void {
    this.inFlight.add(work);
    void work.finally(() => this.inFlight.delete(work)).catch(() => {});
  }
}

/** How long to wait after a failure before trying again: 429 → `retry_after`; others back off with a cap. */
export function retryDelay(failure: TelegramFailure, attempt: number, policy: BackoffPolicy = DEFAULT_BACKOFF): number {
  if (failure.kind === "rate_limited") return failure.retryAfterMs;
  if (failure.kind === "transient") return backoffMs(attempt, policy);
  return policy.maxMs;
}

export { isGroupChatId } from "../../messaging/channel.js";

/** Send failures that mean the bot is out of the group for good (not merely muted). */
const BOT_LEFT_GROUP = ["bot was kicked", "bot is not a member", "chat not found", "group chat was deleted", "group chat was deactivated"];

/** Whether an unreachable group's failure says the bot is no longer in it (reference §6). */
export function botLeftGroup(detail: string): boolean {
  const lower = detail.toLowerCase();
  return BOT_LEFT_GROUP.some((s) => lower.includes(s));
}

/** Constant-time comparison of the webhook secret (hashing first makes the lengths equal). */
export function secretMatches(given: string | string[] | undefined, secret: string): boolean {
  if (typeof given !== "string" || secret.length === 0) return false;
  const a = createHash("sha256").update(given, "utf8").digest();
  const b = createHash("sha256").update(secret, "utf8").digest();
  return timingSafeEqual(a, b);
}

/** grammY's Node typings name the `abort-controller` polyfill's signal; Node's own is the same at run time. */
type ApiSignal = Parameters<Bot["api"]["getMe"]>[0];
function apiSignal(signal: AbortSignal): ApiSignal {
  return signal as unknown as ApiSignal;
}

function aborted(signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    signal.addEventListener("abort", () => resolve(), { once: true });
  });
}

export interface TelegramFromConfigOptions {
  config: Config;
  handler: MessageHandler;
  store: TelegramStore;
  log: Logger;
  i18n: I18n;
  commands: readonly CommandSpec[];
  server: HttpServer;
  onReplySent?: (chatId: string) => void;
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
    bot: createTelegramBot({ token, apiRoot: config.TELEGRAM_API_ROOT }),
    token,
    handler: options.handler,
    store: options.store,
    log: options.log,
    i18n: options.i18n,
    localeDefault: config.LOCALE_DEFAULT,
    commands: options.commands,
    ...(options.onReplySent ? { onReplySent: options.onReplySent } : {}),
    ...(config.TELEGRAM_WEBHOOK_URL
      ? { webhook: { url: config.TELEGRAM_WEBHOOK_URL, secret: config.TELEGRAM_WEBHOOK_SECRET ?? "", server: options.server } }
      : {}),
  });
}
