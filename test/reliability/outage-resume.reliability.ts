import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createBot } from "../../src/bot/bot.js";
import { defaultFeatures } from "../../src/bot/features/index.js";
import { TelegramChannel } from "../../src/channels/telegram/telegram-channel.js";
import { TelegramClient } from "../../src/channels/telegram/telegram-client.js";
import { openDatabase, type DatabaseHandle } from "../../src/db/connection.js";
import { migrateToLatest } from "../../src/db/migrator.js";
import { silentLogger } from "../../src/log.js";
import { createI18n } from "../../src/messaging/i18n.js";
import { telegramStore } from "../../src/services/telegram-store.service.js";
import { FakeTelegramApi, type FakeUser } from "../fakes/telegram-api.js";
import { startOwnPostgres, type OwnPostgres } from "./own-postgres.js";

const TOKEN = "123456:TEST-token-for-the-outage-suite_abcdef";
const USERS = 20;
/** How long the database stays away while the users keep writing. */
const OUTAGE_MS = 20_000;
const DEADLINE_MS = 60_000;
const ANSWER = /Không có lệnh \/(q\d+)/;
const i18n = createI18n();
const BUSY = i18n.t("vi", "busy-will-handle");

async function until(check: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

// A PostgreSQL server of its own, stopped for 20 s under traffic (never the shared one).
describe("a 20 s database outage under Telegram traffic (own PostgreSQL, stopped and started)", () => {
  let pg: OwnPostgres;
  let database: DatabaseHandle;
  let fake: FakeTelegramApi;
  let channel: TelegramChannel;

  beforeAll(async () => {
    pg = await startOwnPostgres();
    database = await openDatabase({ databaseUrl: pg.url, poolSize: 4 });
    await migrateToLatest(database.db);
    fake = await FakeTelegramApi.start({ token: TOKEN, limits: { perChatPerSecond: Infinity, globalPerSecond: Infinity } });
    const bot = createBot({ db: database.db, i18n, log: silentLogger(), features: defaultFeatures() });
    channel = new TelegramChannel({
      client: new TelegramClient({ token: TOKEN, apiRoot: fake.apiRoot }),
      handler: (msg) => bot.handle(msg),
      batchHandler: (msgs) => bot.handleMany(msgs),
      store: telegramStore(database.db),
      log: silentLogger(),
      i18n,
      pollTimeoutS: 1,
      ready: () => bot.ready(),
    });
    await channel.start();
  });
  afterAll(async () => {
    await channel?.stop();
    await database?.close();
    await fake?.stop();
    await pg?.destroy();
  });

  it("holds every message through it, tells each chat once that it will be handled, never to resend, and answers each once after", async () => {
    const users: FakeUser[] = Array.from({ length: USERS }, (_, i) => ({ id: 820_000 + i, languageCode: "vi" }));
    const answered = (ids: string[]) => ids.filter((id) => fake.sent.some((s) => ANSWER.exec(s.text)?.[1] === id)).length;
    const before = users.map((_, i) => `q${i}`);
    users.forEach((u, i) => fake.enqueue(fake.textUpdate(u, `/${before[i]}`)));
    await until(() => answered(before) === USERS, DEADLINE_MS, "the answers before the outage");

    await pg.stop();
    const during = users.map((_, i) => `q${USERS + i}`);
    users.forEach((u, i) => fake.enqueue(fake.textUpdate(u, `/${during[i]}`)));
    await until(() => fake.sent.filter((s) => s.text === BUSY).length === USERS, DEADLINE_MS, "each chat to be told once");
    await new Promise((resolve) => setTimeout(resolve, OUTAGE_MS));
    expect(answered(during)).toBe(0);
    await pg.start();
    const back = Date.now();
    await until(() => answered(during) === USERS, DEADLINE_MS, "every held message to be answered");
    const resumeMs = Date.now() - back;
    console.log(`[outage-resume] users=${USERS} outage=${OUTAGE_MS / 1000}s all-answered-after=${resumeMs}ms`);

    for (const id of [...before, ...during]) {
      expect(fake.sent.filter((s) => ANSWER.exec(s.text)?.[1] === id), id).toHaveLength(1);
    }
    for (const u of users) expect(fake.sent.filter((s) => s.chatId === String(u.id) && s.text === BUSY)).toHaveLength(1);
    // Nobody is asked to send again what is then processed.
    expect(fake.sent.filter((s) => /gửi lại sau|vui lòng gửi lại/i.test(s.text))).toEqual([]);
  });
});
