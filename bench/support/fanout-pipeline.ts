/**
 * The fan-out run itself, shared by the benchmark and anyone profiling it: the scheduler's slot plans
 * a morning's reminders into the outbox, the real outbox sender drains them through the real Telegram
 * channel (grammY over HTTP) into the fake Bot API, which enforces its overall and per-chat rates and
 * answers 429 with `retry_after` past them. What the fake received is what was delivered.
 */
import { createI18n } from "../../src/messaging/i18n.js";
import type { Reply } from "../../src/messaging/message.js";
import { TelegramChannel } from "../../src/channels/telegram/telegram-channel.js";
import { TelegramClient } from "../../src/channels/telegram/telegram-client.js";
import type { DatabaseHandle } from "../../src/db/connection.js";
import { outboxCounts } from "../../src/db/outbox.repository.js";
import { silentLogger } from "../../src/log.js";
import { telegramStore } from "../../src/services/telegram-store.service.js";
import { RateLimiter, TELEGRAM_LIMITS, type RateLimitPolicy } from "../../src/scheduler/rate-limit.js";
import { checkOutboxMessage } from "../../src/messaging/outbox-message.js";
import { renderOutboxMessage } from "../../src/messaging/outbox-render.js";
import { OutboxSender } from "../../src/scheduler/sender.js";
import { SchedulerTick } from "../../src/scheduler/tick.js";
import { FakeTelegramApi, type RecordedCall } from "../../test/fakes/telegram-api.js";

export const FANOUT_TZ = "Asia/Ho_Chi_Minh";
const TOKEN = "424242:FANOUT-bench-token_abcdefghijklmnop";

/** Telegram's policy with the overall rate scaled to `perSecond` (per chat and per group kept). */
export function scaledTelegramLimits(perSecond: number): RateLimitPolicy {
  return { ...TELEGRAM_LIMITS, perSecond };
}

export interface DeliveryStats {
  /** sendMessage calls the fake answered 200. */
  delivered: number;
  /** sendMessage calls the fake refused with 429. */
  tooMany: number;
  /** Other refusals (400, 403, …). */
  otherErrors: number;
  /** Deliveries beyond the first of the same text to the same chat. */
  duplicates: number;
  /** Expected chats that received nothing. */
  undelivered: number;
  /** First sendMessage call to the last delivery, ms (fake's clock). */
  spanMs: number;
  /** delivered ÷ span, messages per second. */
  perSecond: number;
  /** Most deliveries the fake counted in any 1 s window. */
  peakPerSecond: number;
}

/** Read the fake's record: deliveries, 429s, duplicates by (chat, text), undelivered chats. */
export function deliveryStats(fake: FakeTelegramApi, expectedChats: readonly string[]): DeliveryStats {
  const sends = fake.calls.filter((c) => c.method === "sendMessage");
  const ok = sends.filter((c) => c.status === 200);
  const byMessage = new Map<string, number>();
  for (const s of fake.sent) {
    const key = `${s.chatId}\u0000${s.text}`;
    byMessage.set(key, (byMessage.get(key) ?? 0) + 1);
  }
  const duplicates = [...byMessage.values()].reduce((n, count) => n + count - 1, 0);
  const reached = new Set(fake.sent.map((s) => s.chatId));
  const first = sends[0]?.at ?? 0;
  const last = ok[ok.length - 1]?.at ?? first;
  const spanMs = Math.max(1, last - first);
  return {
    delivered: ok.length,
    tooMany: sends.filter((c) => c.status === 429).length,
    otherErrors: sends.filter((c) => c.status !== 200 && c.status !== 429).length,
    duplicates,
    undelivered: expectedChats.filter((c) => !reached.has(c)).length,
    spanMs,
    perSecond: (ok.length / spanMs) * 1000,
    peakPerSecond: peakInWindow(ok, 1000),
  };
}

function peakInWindow(calls: readonly RecordedCall[], windowMs: number): number {
  let peak = 0;
  let start = 0;
  for (let end = 0; end < calls.length; end++) {
    while ((calls[start] as RecordedCall).at <= (calls[end] as RecordedCall).at - windowMs) start++;
    peak = Math.max(peak, end - start + 1);
  }
  return peak;
}

function telegramChannel(fake: FakeTelegramApi, handle: DatabaseHandle, i18n: ReturnType<typeof createI18n>): TelegramChannel {
  return new TelegramChannel({
    client: new TelegramClient({ token: TOKEN, apiRoot: fake.apiRoot }),
    handler: async () => ({ status: "handled", replies: [] }),
    store: telegramStore(handle.db),
    log: silentLogger(),
    i18n,
  });
}

/** Poll until `done()` holds or nothing has moved for `stallMs`; true when done. */
async function waitFor(done: () => boolean, progress: () => number, stallMs: number): Promise<boolean> {
  let last = progress();
  let lastMove = Date.now();
  while (!done()) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    const now = progress();
    if (now !== last) {
      last = now;
      lastMove = Date.now();
    } else if (Date.now() - lastMove > stallMs) return false;
  }
  return true;
}

export interface FanoutRun {
  planned: number;
  inserted: number;
  planMs: number;
  stats: DeliveryStats;
  outbox: Record<string, number>;
  /** The sender stopped making progress before every message was delivered. */
  stalled: boolean;
}

export interface FanoutOptions {
  handle: DatabaseHandle;
  /** When the scheduler's slot runs (a Vietnam morning); the sender's clock runs on from it in real time. */
  planAt: Date;
  /** Overall messages per second: the sender's limit and the fake's. */
  perSecond: number;
  expectedChats: readonly string[];
  /** The fake answers each call this long after handling it (a real round trip; default 0). */
  latencyMs?: number;
  /** Give up when no message has been delivered for this long (default 30 s). */
  stallMs?: number;
}

/**
 * Plan through the scheduler's slot, then drain with the sender as `chibo start` runs it (`start()`:
 * the advisory lock on PostgreSQL, production batch size and idle wait), until every expected chat has
 * its message or the sender stalls. Only the clock (moved to `planAt`) and the rate differ from production.
 */
export async function runFanout(options: FanoutOptions): Promise<FanoutRun> {
  const { handle } = options;
  const offset = options.planAt.getTime() - Date.now();
  const now = () => new Date(Date.now() + offset);
  const i18n = createI18n();
  const fake = await FakeTelegramApi.start({
    token: TOKEN,
    limits: { globalPerSecond: options.perSecond, perChatPerSecond: 1 },
    ...(options.latencyMs ? { latencyMs: options.latencyMs } : {}),
  });
  const channel = telegramChannel(fake, handle, i18n);
  const log = silentLogger();
  const sender = new OutboxSender({
    db: handle.db,
    engine: handle.engine,
    channels: [channel],
    limits: new Map([["telegram", scaledTelegramLimits(options.perSecond)]]),
    i18n,
    log,
    tz: FANOUT_TZ,
    localeDefault: "vi",
    now,
  });
  const tick = new SchedulerTick({ db: handle.db, tz: FANOUT_TZ, log, now, onPlanned: () => sender.kick() });
  try {
    const planStart = process.hrtime.bigint();
    const slot = await tick.runSlot(now());
    const planMs = Number(process.hrtime.bigint() - planStart) / 1e6;
    // The sender drains at once when it starts; a kick before it idles would be lost.
    sender.start();
    const expected = options.expectedChats.length;
    const complete = await waitFor(() => fake.sent.length >= expected, () => fake.sent.length, options.stallMs ?? 30_000);
    await sender.stop();
    return {
      planned: slot.planned,
      inserted: slot.inserted,
      planMs,
      stats: deliveryStats(fake, options.expectedChats),
      outbox: await outboxCounts(handle.db),
      stalled: !complete,
    };
  } finally {
    await sender.stop();
    await fake.stop();
  }
}

/** Forget a run (its outbox rows, the RSVP choices it left, the scheduler slot) so the next plans it again. */
export async function resetFanout(handle: DatabaseHandle): Promise<void> {
  await handle.db.deleteFrom("outbox").execute();
  await handle.db.deleteFrom("conversation").execute();
  await handle.db.deleteFrom("scheduler_run").execute();
}

/**
 * The baseline: the same messages (rendered as the sender renders them) sent by a bare loop through
 * the same channel and the same limiter, with no database in between.
 */
export async function runBareLoop(options: { handle: DatabaseHandle; planAt: Date; perSecond: number; chats: readonly string[]; payload: Record<string, unknown> }): Promise<DeliveryStats> {
  const i18n = createI18n();
  const fake = await FakeTelegramApi.start({ token: TOKEN, limits: { globalPerSecond: options.perSecond, perChatPerSecond: 1 } });
  try {
    const channel = telegramChannel(fake, options.handle, i18n);
    const limiter = new RateLimiter(new Map([["telegram", scaledTelegramLimits(options.perSecond)]]));
    const replies: Reply[] = renderOutboxMessage(i18n, "vi", checkOutboxMessage("meeting.reminder", options.payload), options.planAt, FANOUT_TZ);
    for (const chatId of options.chats) {
      const wait = limiter.delayMs("telegram", chatId, Date.now());
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      const result = await channel.send(chatId, replies);
      limiter.record("telegram", chatId, Date.now());
      if (!result.ok && result.kind === "rate_limited") limiter.pause("telegram", Date.now() + result.retryAfterMs);
    }
    return deliveryStats(fake, options.chats);
  } finally {
    await fake.stop();
  }
}
