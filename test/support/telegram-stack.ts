import { createBot } from "../../src/bot/bot.js";
import { defaultFeatures } from "../../src/bot/features/index.js";
import { createI18n } from "../../src/messaging/i18n.js";
import type { FileServing } from "../../src/messaging/capabilities.js";
import { TelegramChannel } from "../../src/channels/telegram/telegram-channel.js";
import { TelegramClient } from "../../src/channels/telegram/telegram-client.js";
import type { Engine } from "../../src/db/connection.js";
import type { Db } from "../../src/db/schema.js";
import { silentLogger } from "../../src/log.js";
import { planIntoOutbox } from "../../src/services/planner.service.js";
import { findRootOrg } from "../../src/db/org.repository.js";
import { addReminderSettingVersion } from "../../src/db/reminder-settings.repository.js";
import { SINCE_ALWAYS } from "../../src/domain/schedule/settings-history.js";
import { TELEGRAM_LIMITS, type RateLimitPolicy } from "../../src/scheduler/rate-limit.js";
import { OutboxSender, type SenderOptions } from "../../src/scheduler/sender.js";
import { telegramStore } from "../../src/services/telegram-store.service.js";
import { FakeTelegramApi, type FakeLimits } from "../fakes/telegram-api.js";

export interface TelegramStack {
  fake: FakeTelegramApi;
  channel: TelegramChannel;
  sender: OutboxSender;
  /**
   * Run the planner as at a local time in Vietnam (`2025-12-02T07:00`) and wake the sender, whose
   * clock then runs on in real time from that instant.
   */
  planAt(local: string): Promise<{ planned: number; inserted: number }>;
  stop(): Promise<void>;
}

/**
 * The real bot behind the real Telegram channel (polling a fake Bot API on 127.0.0.1) and the real
 * outbox sender on the same channel, woken when a message queues outbox rows — what `chibo start`
 * runs, in process. The province keeps no quiet hours (a window from 00:00 to 00:00 is empty), so the
 * bot's replies and the sender, which read the same settings, never see any, whatever the machine's
 * clock says.
 */
export async function telegramStack(
  db: Db,
  engine: Engine,
  options: { token: string; fakeLimits: Partial<FakeLimits>; senderLimits?: RateLimitPolicy; sender?: Partial<SenderOptions>; files?: FileServing },
): Promise<TelegramStack> {
  const root = await findRootOrg(db);
  if (root) await addReminderSettingVersion(db, { orgId: root.id, validFrom: SINCE_ALWAYS, value: { quietHours: { start: "00:00", end: "00:00", deferTo: "00:00" } }, source: "cli" });
  const fake = await FakeTelegramApi.start({ token: options.token, limits: options.fakeLimits });
  const shift = { ms: 0 };
  const i18n = createI18n();
  const log = silentLogger();
  const bot = createBot({ db, i18n, log, features: defaultFeatures(), onOutbox: () => sender.kick(), ...(options.files ? { files: options.files } : {}) });
  const channel = new TelegramChannel({
    client: new TelegramClient({ token: options.token, apiRoot: fake.apiRoot, policy: { baseMs: 50, rateLimitMs: 50, maxMs: 200 } }),
    handler: (msg) => bot.handle(msg),
    batchHandler: (msgs) => bot.handleMany(msgs),
    store: telegramStore(db),
    log,
    i18n,
    pollTimeoutS: 1,
  });
  const sender: OutboxSender = new OutboxSender({
    db,
    engine,
    channels: [channel],
    limits: new Map([["telegram", options.senderLimits ?? TELEGRAM_LIMITS]]),
    i18n,
    log,
    tz: "Asia/Ho_Chi_Minh",
    localeDefault: "vi",
    idleMs: 60_000,
    now: () => new Date(Date.now() + shift.ms),
    ...options.sender,
  });
  await channel.start();
  sender.start();
  return {
    fake,
    channel,
    sender,
    async planAt(local) {
      const now = new Date(`${local}:00+07:00`);
      shift.ms = now.getTime() - Date.now();
      const result = await planIntoOutbox(db, { now, tz: "Asia/Ho_Chi_Minh" });
      sender.kick();
      return result;
    },
    async stop() {
      await sender.stop();
      await channel.stop();
      await fake.stop();
    },
  };
}
