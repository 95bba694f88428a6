import { afterAll, beforeAll, expect, it } from "vitest";
import type { HandleResult } from "../../../src/bot/bot.js";
import { createI18n } from "../../../src/bot/i18n.js";
import type { IncomingMessage } from "../../../src/bot/message.js";
import { HttpServer } from "../../../src/channels/http-server.js";
import { TelegramChannel } from "../../../src/channels/telegram/telegram-channel.js";
import { createTelegramBot } from "../../../src/channels/telegram/telegram-client.js";
import { silentLogger } from "../../../src/log.js";
import { telegramStore } from "../../../src/services/telegram-store.service.js";
import { FakeTelegramApi } from "../../fakes/telegram-api.js";
import { describeEngines, freshDatabase, type TestDatabase } from "../../support/engines.js";

const TOKEN = "654321:CHANNEL-test-token_abcdefghijklmno";

describeEngines("Telegram channel in process (send results, redelivery after a failed handling)", (engine) => {
  let database: TestDatabase;
  let fake: FakeTelegramApi;
  let channel: TelegramChannel;
  const seen: IncomingMessage[] = [];
  let failNext = 0;

  beforeAll(async () => {
    database = await freshDatabase(engine);
    await database.db.insertInto("chat_account").values({ channel: "telegram", platform_user_id: "42", chat_id: "42" }).execute();
    fake = await FakeTelegramApi.start({ token: TOKEN, limits: { perChatPerSecond: 1, globalPerSecond: 100 } });
    const handler = async (msg: IncomingMessage): Promise<HandleResult> => {
      seen.push(msg);
      if (failNext > 0) {
        failNext--;
        return { status: "failed", replies: [{ text: "retry later" }] };
      }
      return { status: "handled", replies: [{ text: `echo ${msg.text ?? ""}` }] };
    };
    channel = new TelegramChannel({
      bot: createTelegramBot({ token: TOKEN, apiRoot: fake.apiRoot }),
      token: TOKEN,
      handler,
      store: telegramStore(database.db),
      log: silentLogger(),
      i18n: createI18n(),
      pollTimeoutS: 1,
      backoff: { baseMs: 50, maxMs: 200 },
    });
    await channel.start();
  });
  afterAll(async () => {
    await channel?.stop();
    await fake?.stop();
    await database?.close();
  });

  it("keeps the offset below an update whose handling failed, so it is delivered again and then answered", async () => {
    failNext = 1;
    const update = fake.textUpdate({ id: 42 }, "báo cáo");
    const id = update.update_id as number;
    fake.enqueue(update);
    const reply = await fake.waitForSent((s) => s.text === "echo báo cáo");
    expect(reply.chatId).toBe("42");
    expect(seen.filter((m) => m.updateId === `tg:${id}`)).toHaveLength(2);
    // The failed first attempt was not confirmed: a later getUpdates still asked from this update on.
    await fake.waitUntil(() => (fake.offsets.some((o) => o > id) ? true : undefined));
    const firstPast = fake.offsets.findIndex((o) => o > id);
    const before = fake.offsets.slice(0, firstPast);
    expect(before.length).toBeGreaterThanOrEqual(2);
    expect(before.every((o) => o <= id)).toBe(true);
    expect(fake.sent.filter((s) => s.text === "retry later")).toHaveLength(0);
  });

  it("send() returns rate_limited at once for the reminder sender, never retrying a 429 itself", async () => {
    expect(await channel.send("44", [{ text: "Nhắc họp 1" }])).toEqual({ ok: true });
    const result = await channel.send("44", [{ text: "Nhắc họp 2" }]);
    expect(result).toMatchObject({ ok: false, kind: "rate_limited" });
    expect(fake.sent.filter((s) => s.text === "Nhắc họp 2")).toHaveLength(0);
  });

  it("send() to a user who blocked the bot returns unreachable and marks the account", async () => {
    fake.blocked.add("42");
    const result = await channel.send("42", [{ text: "Nhắc họp 3" }]);
    expect(result).toMatchObject({ ok: false, kind: "unreachable" });
    const account = await database.db.selectFrom("chat_account").select("reachable").where("platform_user_id", "=", "42").executeTakeFirstOrThrow();
    expect(account.reachable).toBe(false);
    expect(JSON.stringify(result)).not.toContain("CHANNEL-test-token");
  });

  it("send() edits the message of a progress series instead of sending a new one", async () => {
    fake.blocked.clear();
    fake.limits.perChatPerSecond = 50;
    expect(await channel.send("43", [{ text: "Đang nhập: 10%", editKey: "import:1" }])).toEqual({ ok: true });
    expect(await channel.send("43", [{ text: "Đang nhập: 60%", editKey: "import:1" }])).toEqual({ ok: true });
    expect(await channel.send("43", [{ text: "Đang nhập: 60%", editKey: "import:1" }])).toEqual({ ok: true });
    const toChat = fake.sent.filter((s) => s.chatId === "43");
    expect(toChat.map((s) => [s.method, s.text])).toEqual([
      ["sendMessage", "Đang nhập: 10%"],
      ["editMessageText", "Đang nhập: 60%"],
    ]);
  });

  it("answers a button press again after a passing server error, so the user's button does not spin", async () => {
    fake.blocked.clear();
    fake.failNext.set("answerCallbackQuery", 1);
    const from = fake.calls.length;
    const update = fake.callbackUpdate({ id: 42 }, "rsvp:1:2025-12-05:yes");
    const queryId = (update.callback_query as { id: string }).id;
    fake.enqueue(update);
    await fake.waitForCall((c) => c.method === "answerCallbackQuery" && c.status === 200 && c.payload.callback_query_id === queryId, from);
    const answers = fake.calls.slice(from).filter((c) => c.method === "answerCallbackQuery" && c.payload.callback_query_id === queryId);
    expect(answers.map((c) => c.status)).toEqual([502, 200]);
  });

  it("declares itself dead when a send is refused with 401, which webhook mode notices only there", async () => {
    const revokedToken = "999999:REVOKED-token-abcdefghijklmnopq";
    const revoked = new TelegramChannel({
      bot: createTelegramBot({ token: revokedToken, apiRoot: fake.apiRoot }),
      token: revokedToken,
      handler: async () => ({ status: "handled", replies: [] }),
      store: telegramStore(database.db),
      log: silentLogger(),
      i18n: createI18n(),
    });
    const result = await revoked.send("42", [{ text: "Nhắc họp" }]);
    expect(result).toMatchObject({ ok: false, kind: "transient" });
    expect(JSON.stringify(result)).not.toContain("REVOKED");
    await expect(revoked.dead).resolves.toEqual({ channel: "telegram", reason: "401 Unauthorized" });
  });
});
