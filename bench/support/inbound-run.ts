/**
 * One inbound run: the scripted updates sent by the users into a fresh fake Bot API
 * (test/fakes/telegram-api.ts, real HTTP on 127.0.0.1, rate limits off) a few batches ahead of the
 * bot, each press on a message the bot sent (`Users`), and either chibo's real Telegram channel
 * (grammY and `@grammyjs/runner`, polling that confirms an offset only past handled updates, each
 * polled batch handled together by `Bot.handleMany`) or a bare grammY + runner echo bot drains them. The clock runs from the
 * bot's start to the last reply the fake received; a run is complete when every update was handled
 * and every reply it produced (and every callback answer) reached the fake, or was reported lost by
 * the channel's log (a network error on a call). Should a reply go missing without a word, the run
 * ends once the fake has heard nothing for a few seconds, and the shortfall is counted as missing.
 */
import { Writable } from "node:stream";
import { run } from "@grammyjs/runner";
import { Bot as GrammyBot } from "grammy";
import type { App } from "../../src/app.js";
import type { HandleResult } from "../../src/messaging/channel.js";
import type { IncomingMessage } from "../../src/messaging/message.js";
import { HttpServer } from "../../src/channels/http-server.js";
import { telegramChannelFromConfig } from "../../src/channels/telegram/telegram-channel.js";
import { renderAll } from "../../src/channels/telegram/telegram-render.js";
import { telegramStore } from "../../src/services/telegram-store.service.js";
import { FakeTelegramApi, type FakeUser, type SentMessage } from "../../test/fakes/telegram-api.js";
import type { ScriptedUpdate } from "./inbound-traffic.js";

export const INBOUND_TOKEN = "535353:INBOUND-bench-token_abcdefghijklmnop";
/** Telegram's per-chat and overall rates are not what this measures: the fake enforces none. */
const NO_LIMITS = { perChatPerSecond: Infinity, globalPerSecond: Infinity };
const SEND_METHODS = new Set(["sendMessage", "sendPhoto", "sendDocument"]);
const EDIT_METHODS = new Set(["editMessageText", "editMessageReplyMarkup"]);
/** Once every update was handled, a run with nothing reaching the fake for this long is over. */
const QUIET_MS = 3000;
const POLL_MS = 10;
/** How long a chat stays quiet before a user presses on an answer that lacks their button. */
const SETTLE_MS = 300;

export interface InboundRun {
  updates: number;
  /** Bot start to the last reply received by the fake, ms. */
  ms: number;
  perSecond: number;
  /** Messages sent (2xx). */
  replies: number;
  /** Messages edited (2xx): a pressed message showing the choice made, keyboards taken away. */
  edits: number;
  /** Callback queries answered. */
  answered: number;
  /** 429s from the fake (none expected: its limits are off). */
  tooMany: number;
  /** Bot API errors, warnings and errors in chibo's log (a call lost to the network…), handlings failed, handlers thrown. */
  errors: number;
  /** Replies and callback answers owed that never reached the fake. */
  missing: number;
  /** Answers that were a refusal (stale button, not allowed, not linked…): a payload or state the bot did not accept. */
  refusals: number;
  getUpdatesCalls: number;
  /**
   * CPU time of the whole process (the bot and the fake Bot API answering it, user + system) per
   * update, ms: what the bot's own thread spends, whatever else the machine is doing meanwhile.
   */
  cpuMsPerUpdate: number;
}

/**
 * The channel's warnings and errors, counted from its log lines: a call lost to the network never
 * reaches the fake, so only the log tells of it. Pass `destination` to the app's logger.
 */
export class LogTally {
  lostAnswers = 0;
  warnings = 0;
  readonly destination = new Writable({
    write: (chunk: Buffer | string, _encoding, done) => {
      for (const line of String(chunk).split("\n")) {
        if (!line) continue;
        const entry = JSON.parse(line) as { level?: number; msg?: string };
        if ((entry.level ?? 0) < 40) continue;
        this.warnings++;
        if (entry.msg === "telegram answerCallbackQuery failed") this.lostAnswers++;
      }
      done();
    },
  });
}

/** Counts what the fake received, reading its call log incrementally. */
class CallTally {
  replies = 0;
  edits = 0;
  answered = 0;
  tooMany = 0;
  apiErrors = 0;
  getUpdates = 0;
  /** When the fake answered the last send or callback answer (ms since the epoch). */
  lastAt = 0;
  private seen = 0;

  constructor(private readonly fake: FakeTelegramApi) {}

  update(): void {
    const calls = this.fake.calls;
    for (; this.seen < calls.length; this.seen++) {
      const call = calls[this.seen] as (typeof calls)[number];
      if (call.method === "getUpdates") this.getUpdates++;
      if (call.status === 429) this.tooMany++;
      else if (call.status === 200 && SEND_METHODS.has(call.method)) this.replies++;
      else if (call.status === 200 && EDIT_METHODS.has(call.method)) this.edits++;
      else if (call.status === 200 && call.method === "answerCallbackQuery") this.answered++;
      else if (call.status !== 200) this.apiErrors++;
      if (call.method !== "getUpdates") this.lastAt = call.at;
    }
  }
}

function fakeUser(update: ScriptedUpdate): FakeUser {
  return { id: update.user.telegramId, firstName: "Đảng viên", languageCode: "vi" };
}

/** Updates queued ahead of the bot (confirmed ones not counted): a few getUpdates batches. */
const AHEAD = 300;

/** A meeting reminder as the bot sent it on Telegram before the run (`meetingReminder`). */
export interface SentReminder {
  html: string;
  replyMarkup?: unknown;
}

/**
 * How a run's bot answers a message a press can land on: chibo's answer to a quick report is the
 * message carrying the button; the echo bot's is its echo.
 */
type AnswerTest = (message: SentMessage, data: string) => boolean;

/** The button's data on the message for a scripted press: the data itself, or a report screen's button of that verb (`rp:ok` → `rp:ok:<draft>…`). */
const buttonOn = (message: SentMessage, data: string): string | undefined =>
  message.replyMarkup?.inline_keyboard?.flat().map((b) => b.callback_data).find((d) => d === data || d?.startsWith(`${data}:`));

const carriesButton: AnswerTest = (message, data) => buttonOn(message, data) !== undefined;

/**
 * The users, as they send: each user's updates in their order, all users interleaved as scripted,
 * queued a few batches ahead of the bot (the fake asks for more before each getUpdates and after
 * each message the bot sends). Every press lands on a message the bot sent in that chat, as in real
 * use: a press `on` a reminder on one of the cell's meeting reminders sent before the run (one for
 * each press, as several go out before a meeting); a press `on` the answer on the bot's answer to
 * the user's previous message — that user waits for it (their later updates too), as a person
 * reads before pressing, and everyone else goes on.
 */
class Users {
  private next = 0;
  /** Per user: the updates held back until the answer the first one presses on was sent. */
  private readonly held = new Map<number, number[]>();
  /** Per user: how many messages the fake had sent when that user's last update was queued. */
  private readonly since = new Map<number, number>();
  /** Per chat: where its messages are in the fake's `sent`, for those read so far (`read`). */
  private readonly byChat = new Map<string, number[]>();
  private read = 0;
  /** Per chat: when the last message sent to it was read (ms). */
  private readonly lastAt = new Map<string, number>();
  private readonly reminderOf = new Map<number, SentMessage>();
  private feeding = false;

  constructor(
    private readonly fake: FakeTelegramApi,
    private readonly traffic: readonly ScriptedUpdate[],
    reminders: ReadonlyMap<number, SentReminder>,
    private readonly isAnswer: AnswerTest,
  ) {
    traffic.forEach(({ user, step }, i) => {
      if (step.kind !== "button" || step.on !== "reminder") return;
      const reminder = reminders.get(user.cellId);
      if (!reminder) throw new Error(`no reminder for cell ${user.cellId}`);
      this.reminderOf.set(i, fake.sentBefore(String(user.telegramId), reminder.html, { parse_mode: "HTML", ...(reminder.replyMarkup ? { reply_markup: reminder.replyMarkup } : {}) }));
    });
    fake.supply = (pending) => this.supply(pending);
  }

  /** Users still waiting for an answer to press on (nothing came: the run cannot finish). */
  waiting(): number {
    return this.held.size;
  }

  /**
   * A user whose answer came without the button they meant to press (the same text can open a report in
   * the trial's cell and not in theirs) reads it and presses on it all the same, once the chat has been
   * quiet a moment: the bot answers a press on a stale message too, and the user goes on.
   */
  release(): void {
    this.readSent();
    const now = Date.now();
    for (const [userId, held] of this.held) {
      const chatId = String(userId);
      const at = this.lastAt.get(chatId);
      if (at === undefined || now - at < SETTLE_MS || !this.latest(chatId)) continue;
      if (!this.send(held[0] as number, true)) continue;
      held.shift();
      while (held.length > 0 && this.send(held[0] as number)) held.shift();
      if (held.length === 0) this.held.delete(userId);
    }
  }

  private supply(pending: number): void {
    if (this.feeding) return;
    this.feeding = true;
    try {
      // Users waiting for an answer in a chat the bot has just sent to go on, if it is the one.
      for (const chatId of this.readSent()) {
        const userId = Number(chatId);
        const held = this.held.get(userId);
        if (!held) continue;
        while (held.length > 0 && this.send(held[0] as number)) {
          held.shift();
          pending++;
        }
        if (held.length === 0) this.held.delete(userId);
      }
      while (pending < AHEAD && this.next < this.traffic.length) {
        const i = this.next++;
        const userId = (this.traffic[i] as ScriptedUpdate).user.telegramId;
        const held = this.held.get(userId);
        if (held) held.push(i);
        else if (this.send(i)) pending++;
        else this.held.set(userId, [i]);
      }
    } finally {
      this.feeding = false;
    }
  }

  /** Queue update `i`; false when it is a press on an answer not sent yet. */
  private send(i: number, anyAnswer = false): boolean {
    const scripted = this.traffic[i] as ScriptedUpdate;
    const { step } = scripted;
    const user = fakeUser(scripted);
    const chatId = String(user.id);
    if (step.kind === "button") {
      const message = step.on === "reminder" ? this.reminderOf.get(i) : (this.answer(chatId, step.data) ?? (anyAnswer ? this.latest(chatId) : undefined));
      if (!message) return false;
      this.fake.enqueue(this.fake.callbackUpdate(user, buttonOn(message, step.data) ?? step.data, message));
    } else {
      this.fake.enqueue(this.fake.textUpdate(user, step.kind === "toi" ? "/toi" : step.text));
    }
    this.since.set(user.id, this.fake.sent.length);
    return true;
  }

  /** Index the messages sent since the last look by chat; the chats they went to. */
  private readSent(): Set<string> {
    const { sent } = this.fake;
    const chats = new Set<string>();
    for (; this.read < sent.length; this.read++) {
      const { chatId } = sent[this.read] as SentMessage;
      const list = this.byChat.get(chatId);
      if (list) list.push(this.read);
      else this.byChat.set(chatId, [this.read]);
      this.lastAt.set(chatId, Date.now());
      chats.add(chatId);
    }
    return chats;
  }

  /** The bot's latest message in the chat since the user's last update, whatever it carries. */
  private latest(chatId: string): SentMessage | undefined {
    const from = this.since.get(Number(chatId)) ?? 0;
    const list = this.byChat.get(chatId) ?? [];
    for (let k = list.length - 1; k >= 0 && (list[k] as number) >= from; k--) {
      const message = this.fake.sent[list[k] as number] as SentMessage;
      if (message.method === "sendMessage") return message;
    }
    return undefined;
  }

  /** The bot's latest message in the chat since the user's last update that answers it (undefined: none yet). */
  private answer(chatId: string, data: string): SentMessage | undefined {
    const { sent } = this.fake;
    const from = this.since.get(Number(chatId)) ?? 0;
    const list = this.byChat.get(chatId) ?? [];
    for (let k = list.length - 1; k >= 0 && (list[k] as number) >= from; k--) {
      const message = sent[list[k] as number] as SentMessage;
      if (message.method === "sendMessage" && this.isAnswer(message, data)) return message;
    }
    return undefined;
  }
}

/** What an echo bot answers: a text per text message, a callback answer per press. */
function owed(traffic: readonly ScriptedUpdate[]): { texts: number; presses: number } {
  const presses = traffic.filter((t) => t.step.kind === "button").length;
  return { texts: traffic.length - presses, presses };
}

interface Progress {
  /** Everything owed reached the fake (or was reported lost). */
  done(): boolean;
  /** Every update was handled: from now on, silence means the rest is not coming. */
  handled(): boolean;
  /** Users waiting for the answer they press on: with the fake silent, it is not coming. */
  waiting(): number;
  /** Let users whose answer came without their button go on. */
  release(): void;
}

/**
 * Wait for the run to complete; the time the fake answered its last send or callback answer. Checked
 * every few ms (the end time is the fake's own record, so the check's period does not count).
 */
function finish(tally: CallTally, progress: Progress, timeoutMs: number): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    const timer = setInterval(() => {
      tally.update();
      progress.release();
      const quiet = progress.handled() && tally.lastAt > 0 && Date.now() - tally.lastAt > QUIET_MS;
      if (progress.done() || quiet) {
        clearInterval(timer);
        resolve(tally.lastAt);
      } else if (tally.lastAt > 0 && Date.now() - tally.lastAt > QUIET_MS && progress.waiting() > 0) {
        clearInterval(timer);
        reject(new Error(`inbound run stalled: ${progress.waiting()} users wait for the answer they would press on`));
      } else if (Date.now() > deadline) {
        clearInterval(timer);
        reject(new Error(`inbound run incomplete after ${timeoutMs} ms: ${tally.replies} replies, ${tally.answered} answers, ${tally.getUpdates} getUpdates`));
      }
    }, POLL_MS);
  });
}

function result(updates: number, ms: number, tally: CallTally, errors: number, missing: number, refusals: number, cpu: NodeJS.CpuUsage): InboundRun {
  return {
    updates,
    ms,
    perSecond: (updates / ms) * 1000,
    replies: tally.replies,
    edits: tally.edits,
    answered: tally.answered,
    tooMany: tally.tooMany,
    errors: tally.apiErrors + errors,
    missing,
    refusals,
    getUpdatesCalls: tally.getUpdates,
    cpuMsPerUpdate: (cpu.user + cpu.system) / 1000 / updates,
  };
}

/**
 * chibo: the Telegram channel as `chibo start` builds it (`telegramChannelFromConfig`), polling the fake,
 * handing each update to the app's bot. The handler is wrapped only to count what the bot answered;
 * `logs` is the tally the app's logger writes to.
 */
export async function runChibo(app: App, logs: LogTally, traffic: readonly ScriptedUpdate[], reminders: ReadonlyMap<number, SentReminder>, timeoutMs: number): Promise<InboundRun> {
  const fake = await FakeTelegramApi.start({ token: INBOUND_TOKEN, limits: NO_LIMITS });
  try {
    const users = new Users(fake, traffic, reminders, carriesButton);
    const refusalTexts = new Set(["not_linked", "forbidden", "not_found", "invalid_input", "stale_choice", "retry_later"].map((code) => app.i18n.t("vi", `error-${code}`)));
    const handled = new Set<string>();
    let expectedReplies = 0;
    let failed = 0;
    let refusals = 0;
    const counted = (msg: IncomingMessage, outcome: HandleResult): HandleResult => {
      if (outcome.status === "failed") failed++;
      else {
        handled.add(msg.updateId ?? "");
        expectedReplies += renderAll(outcome.replies, { contactLabel: "-" }).length;
        refusals += outcome.replies.filter((r) => refusalTexts.has(r.text)).length;
      }
      return outcome;
    };
    const handler = async (msg: IncomingMessage): Promise<HandleResult> => counted(msg, await app.bot.handle(msg));
    // As `chibo start` wires it (channels/index.ts): a polled batch's messages go to the bot together.
    const batchHandler = (msgs: IncomingMessage[]) => app.bot.handleMany(msgs).map(async (outcome, i) => counted(msgs[i] as IncomingMessage, await outcome));
    const config = { ...app.config, TELEGRAM_BOT_TOKEN: INBOUND_TOKEN, TELEGRAM_API_ROOT: fake.apiRoot, TELEGRAM_WEBHOOK_URL: undefined };
    const channel = telegramChannelFromConfig({
      config,
      handler,
      batchHandler,
      store: telegramStore(app.database.db),
      log: app.log,
      i18n: app.i18n,
      commands: app.bot.commands.all,
      server: new HttpServer(0, app.log),
    });
    if (!channel) throw new Error("no Telegram channel without a token");
    const tally = new CallTally(fake);
    const presses = traffic.filter((t) => t.step.kind === "button").length;
    const before = { lostAnswers: logs.lostAnswers, warnings: logs.warnings };
    const started = Date.now();
    const cpu = process.cpuUsage();
    try {
      await channel.start();
      const end = await finish(
        tally,
        {
          handled: () => handled.size >= traffic.length,
          waiting: () => users.waiting(),
          release: () => users.release(),
          done: () =>
            handled.size >= traffic.length &&
            tally.answered + logs.lostAnswers - before.lostAnswers >= presses &&
            // A reply lost to the network also drops the rest of its turn's replies: silence ends that run.
            tally.replies >= expectedReplies,
        },
        timeoutMs,
      );
      tally.update();
      const missing = Math.max(0, expectedReplies - tally.replies) + Math.max(0, presses - tally.answered);
      return result(traffic.length, end - started, tally, failed + logs.warnings - before.warnings, missing, refusals, process.cpuUsage(cpu));
    } finally {
      await channel.stop();
    }
  } finally {
    await fake.stop();
  }
}

/** The baseline: a bare grammY bot under `@grammyjs/runner`'s `run()` echoing each text and answering each press. */
export async function runBare(traffic: readonly ScriptedUpdate[], reminders: ReadonlyMap<number, SentReminder>, timeoutMs: number): Promise<InboundRun> {
  const fake = await FakeTelegramApi.start({ token: INBOUND_TOKEN, limits: NO_LIMITS });
  try {
    // The echo bot's answer to a text is its echo: a press after a text lands on it.
    const users = new Users(fake, traffic, reminders, () => true);
    const { texts, presses } = owed(traffic);
    const bot = new GrammyBot(INBOUND_TOKEN, { client: { apiRoot: fake.apiRoot } });
    let thrown = 0;
    bot.on("message:text", (ctx) => ctx.reply(ctx.message.text));
    bot.on("callback_query:data", (ctx) => ctx.answerCallbackQuery());
    bot.catch(() => {
      thrown++;
    });
    const tally = new CallTally(fake);
    const started = Date.now();
    const cpu = process.cpuUsage();
    const runner = run(bot);
    try {
      const complete = () => tally.replies >= texts && tally.answered >= presses;
      // The echo bot has no count of its own: it is done when the fake has heard nothing for a while.
      const end = await finish(tally, { done: complete, handled: () => true, waiting: () => users.waiting(), release: () => users.release() }, timeoutMs);
      tally.update();
      const missing = Math.max(0, texts - tally.replies) + Math.max(0, presses - tally.answered);
      return result(traffic.length, end - started, tally, thrown, missing, 0, process.cpuUsage(cpu));
    } finally {
      if (runner.isRunning()) await runner.stop();
    }
  } finally {
    await fake.stop();
  }
}
