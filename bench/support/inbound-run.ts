/**
 * One inbound run: the scripted updates queued in a fresh fake Bot API (test/fakes/telegram-api.ts,
 * real HTTP on 127.0.0.1, rate limits off), then either chibo's real Telegram channel (grammY and
 * `@grammyjs/runner`, polling that confirms an offset only past handled updates, each polled batch
 * handled together by `Bot.handleMany`) or a bare grammY + runner echo bot drains them. The clock runs from the
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
const SEND_METHODS = new Set(["sendMessage", "editMessageText", "sendPhoto", "sendDocument"]);
/** Once every update was handled, a run with nothing reaching the fake for this long is over. */
const QUIET_MS = 3000;
const POLL_MS = 10;

export interface InboundRun {
  updates: number;
  /** Bot start to the last reply received by the fake, ms. */
  ms: number;
  perSecond: number;
  /** Messages sent or edited (2xx). */
  replies: number;
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
      else if (call.status === 200 && call.method === "answerCallbackQuery") this.answered++;
      else if (call.status !== 200) this.apiErrors++;
      if (call.method !== "getUpdates") this.lastAt = call.at;
    }
  }
}

function fakeUser(update: ScriptedUpdate): FakeUser {
  return { id: update.user.telegramId, firstName: "Đảng viên", languageCode: "vi" };
}

/** Queue the traffic as Telegram updates; `texts` and `presses` are what an echo bot answers. */
function feed(fake: FakeTelegramApi, traffic: readonly ScriptedUpdate[]): { texts: number; presses: number } {
  let texts = 0;
  let presses = 0;
  for (const scripted of traffic) {
    const user = fakeUser(scripted);
    const { step } = scripted;
    if (step.kind === "button") {
      // The press comes from a message the bot sent in that chat.
      const message: SentMessage = { method: "sendMessage", chatId: String(user.id), messageId: 1, text: "", raw: "", bold: [] };
      fake.enqueue(fake.callbackUpdate(user, step.data, message));
      presses++;
    } else {
      fake.enqueue(fake.textUpdate(user, step.kind === "toi" ? "/toi" : step.text));
      texts++;
    }
  }
  return { texts, presses };
}

interface Progress {
  /** Everything owed reached the fake (or was reported lost). */
  done(): boolean;
  /** Every update was handled: from now on, silence means the rest is not coming. */
  handled(): boolean;
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
      const quiet = progress.handled() && tally.lastAt > 0 && Date.now() - tally.lastAt > QUIET_MS;
      if (progress.done() || quiet) {
        clearInterval(timer);
        resolve(tally.lastAt);
      } else if (Date.now() > deadline) {
        clearInterval(timer);
        reject(new Error(`inbound run incomplete after ${timeoutMs} ms: ${tally.replies} replies, ${tally.answered} answers, ${tally.getUpdates} getUpdates`));
      }
    }, POLL_MS);
  });
}

function result(updates: number, ms: number, tally: CallTally, errors: number, missing: number, refusals: number): InboundRun {
  return {
    updates,
    ms,
    perSecond: (updates / ms) * 1000,
    replies: tally.replies,
    answered: tally.answered,
    tooMany: tally.tooMany,
    errors: tally.apiErrors + errors,
    missing,
    refusals,
    getUpdatesCalls: tally.getUpdates,
  };
}

/**
 * chibo: the Telegram channel as `chibo start` builds it (`telegramChannelFromConfig`), polling the fake,
 * handing each update to the app's bot. The handler is wrapped only to count what the bot answered;
 * `logs` is the tally the app's logger writes to.
 */
export async function runChibo(app: App, logs: LogTally, traffic: readonly ScriptedUpdate[], timeoutMs: number): Promise<InboundRun> {
  const fake = await FakeTelegramApi.start({ token: INBOUND_TOKEN, limits: NO_LIMITS });
  try {
    feed(fake, traffic);
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
    try {
      await channel.start();
      const end = await finish(
        tally,
        {
          handled: () => handled.size >= traffic.length,
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
      return result(traffic.length, end - started, tally, failed + logs.warnings - before.warnings, missing, refusals);
    } finally {
      await channel.stop();
    }
  } finally {
    await fake.stop();
  }
}

/** The baseline: a bare grammY bot under `@grammyjs/runner`'s `run()` echoing each text and answering each press. */
export async function runBare(traffic: readonly ScriptedUpdate[], timeoutMs: number): Promise<InboundRun> {
  const fake = await FakeTelegramApi.start({ token: INBOUND_TOKEN, limits: NO_LIMITS });
  try {
    const { texts, presses } = feed(fake, traffic);
    const bot = new GrammyBot(INBOUND_TOKEN, { client: { apiRoot: fake.apiRoot } });
    let thrown = 0;
    bot.on("message:text", (ctx) => ctx.reply(ctx.message.text));
    bot.on("callback_query:data", (ctx) => ctx.answerCallbackQuery());
    bot.catch(() => {
      thrown++;
    });
    const tally = new CallTally(fake);
    const started = Date.now();
    const runner = run(bot);
    try {
      const complete = () => tally.replies >= texts && tally.answered >= presses;
      // The echo bot has no count of its own: it is done when the fake has heard nothing for a while.
      const end = await finish(tally, { done: complete, handled: () => true }, timeoutMs);
      tally.update();
      const missing = Math.max(0, texts - tally.replies) + Math.max(0, presses - tally.answered);
      return result(traffic.length, end - started, tally, thrown, missing, 0);
    } finally {
      if (runner.isRunning()) await runner.stop();
    }
  } finally {
    await fake.stop();
  }
}
