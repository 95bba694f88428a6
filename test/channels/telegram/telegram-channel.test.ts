import { afterAll, beforeAll, expect, it } from "vitest";
import type { HandleResult } from "../../../src/messaging/channel.js";
import { createI18n } from "../../../src/messaging/i18n.js";
import type { IncomingMessage } from "../../../src/messaging/message.js";
import { HttpServer } from "../../../src/channels/http-server.js";
import { TelegramChannel } from "../../../src/channels/telegram/telegram-channel.js";
import { TelegramClient } from "../../../src/channels/telegram/telegram-client.js";
import { findGroupChat, linkGroupChat } from "../../../src/db/cell-group-chat.repository.js";
import { auditOf } from "../../../src/db/audit.repository.js";
import { enqueueMessages } from "../../../src/db/outbox.repository.js";
import { silentLogger } from "../../../src/log.js";
import { telegramStore } from "../../../src/services/telegram-store.service.js";
import { FakeTelegramApi } from "../../fakes/telegram-api.js";
import { describeEngines, freshDatabase, type TestDatabase } from "../../support/engines.js";
import { meetingNotice } from "../../support/outbox.js";

const TOKEN = "654321:CHANNEL-test-token_abcdefghijklmno";

describeEngines("Telegram channel in process (send results, redelivery after a failed handling)", (engine) => {
  let database: TestDatabase;
  let fake: FakeTelegramApi;
  let channel: TelegramChannel;
  const seen: IncomingMessage[] = [];
  const repliedTo: string[] = [];
  let failNext = 0;
  let cellId: number;
  let secretaryId: number;
  /** Link a group chat to the cell, as `/lienket_nhom` does. */
  const linkGroup = (chatId: string) => linkGroupChat(database.db, { channel: "telegram", chatId, cellId, linkedBy: secretaryId }, new Date());

  beforeAll(async () => {
    database = await freshDatabase(engine);
    await database.db.insertInto("chat_account").values({ channel: "telegram", platform_user_id: "42", chat_id: "42" }).execute();
    cellId = (
      await database.db
        .insertInto("org")
        .values({ code: "T-CB", kind: "chi_bo_co_so", name: "Chi bộ Thử", parent_id: null, valid_from: "2020-01-01" })
        .returning("id")
        .executeTakeFirstOrThrow()
    ).id;
    secretaryId = (await database.db.insertInto("person").values({ code: "T-BT", full_name: "Bí thư Thử", cell_id: cellId }).returning("id").executeTakeFirstOrThrow()).id;
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
      client: new TelegramClient({ token: TOKEN, apiRoot: fake.apiRoot, policy: { baseMs: 50, rateLimitMs: 50, maxMs: 200 } }),
      handler,
      store: telegramStore(database.db),
      log: silentLogger(),
      i18n: createI18n(),
      pollTimeoutS: 1,
      onReplySent: (chatId) => repliedTo.push(chatId),
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

  it("tells the shared send limiter of each reply in a turn, not of the sender's own sends", async () => {
    repliedTo.length = 0;
    fake.enqueue(fake.textUpdate({ id: 45 }, "xin chào"));
    await fake.waitForSent((s) => s.chatId === "45" && s.text === "echo xin chào");
    await fake.waitUntil(() => (repliedTo.length > 0 ? true : undefined));
    expect(repliedTo).toEqual(["45"]);
    expect(await channel.send("46", [{ text: "Nhắc họp" }])).toEqual({ ok: true });
    expect(repliedTo).toEqual(["45"]);
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

  /** Press a button once and wait until its answer goes through: the statuses of every answer sent for it. */
  const pressUntilAnswered = async (): Promise<number[]> => {
    const from = fake.calls.length;
    const update = fake.callbackUpdate({ id: 42 }, "rsvp:1:2025-12-05:yes");
    const queryId = (update.callback_query as { id: string }).id;
    fake.enqueue(update);
    await fake.waitForCall((c) => c.method === "answerCallbackQuery" && c.status === 200 && c.payload.callback_query_id === queryId, from);
    return fake.calls.slice(from).filter((c) => c.method === "answerCallbackQuery" && c.payload.callback_query_id === queryId).map((c) => c.status);
  };

  it("answers a button press again after a passing server error, so the user's button does not spin", async () => {
    fake.blocked.clear();
    fake.failNext.set("answerCallbackQuery", 1);
    expect(await pressUntilAnswered()).toEqual([502, 200]);
  });

  it("answers a button press again after the connection was reset, so the user's button does not spin", async () => {
    fake.blocked.clear();
    fake.resetNext.set("answerCallbackQuery", 1);
    // 0: the fake dropped the connection without an answer (the caller saw ECONNRESET).
    expect(await pressUntilAnswered()).toEqual([0, 200]);
  });

  it("send() to a group upgraded to a supergroup posts at the new id, and moves the link there", async () => {
    fake.limits.perChatPerSecond = 50;
    await linkGroup("-5001");
    const group = { id: -5001, type: "group" as const };
    fake.migrateGroup({ id: 42 }, group, -1005001);
    const from = fake.calls.length;
    expect(await channel.send("-5001", [{ text: "Nhắc họp chi bộ" }, { text: "Phần hai" }])).toEqual({ ok: true });
    const calls = fake.calls
      .slice(from)
      .filter((c) => c.method === "sendMessage" && String(c.payload.chat_id).endsWith("5001"))
      .map((c) => [c.payload.chat_id, c.status]);
    // Refused once at the old id; the message and the rest of the replies go to the new one.
    expect(calls).toEqual([
      ["-5001", 400],
      ["-1005001", 200],
      ["-1005001", 200],
    ]);
    expect(fake.sent.filter((s) => s.chatId === "-1005001").map((s) => s.text)).toEqual(["Nhắc họp chi bộ", "Phần hai"]);
    expect(await findGroupChat(database.db, "telegram", "-5001")).toBeUndefined();
    expect(await findGroupChat(database.db, "telegram", "-1005001")).toMatchObject({ cell_id: cellId });
    const audit = await auditOf(database.db, "cell_group_chat", "telegram:-1005001");
    expect(audit.map((a) => [a.action, a.actor_person_id, a.before, a.after])).toEqual([["group.migrate", null, { chatId: "-5001" }, { chatId: "-1005001", cellId }]]);
    // The next post goes straight to the new id (the sender reads it from the moved rows).
    expect(await channel.send("-1005001", [{ text: "Nhắc họp lần sau" }])).toEqual({ ok: true });
  });

  it("reads the upgrade's service message: the link and the group's waiting posts move to the new id", async () => {
    await linkGroup("-5002");
    const group = { id: -5002, type: "group" as const, title: "Chi bộ Thử" };
    const key = `meet:${cellId}:2025-12-05:d0:group:telegram:-5002`;
    await enqueueMessages(database.db, [
      { key, kind: "group.meeting.reminder", personId: null, orgId: cellId, to: { accountId: null, channel: "telegram", chatId: "-5002" }, payload: meetingNotice({ meeting: `${cellId}:2025-12-05` }), dueAt: new Date(), expiresAt: null },
    ]);
    const [inOldGroup, inSupergroup] = fake.migrateGroup({ id: 42 }, group, -1005002);
    fake.enqueue(inOldGroup as Record<string, unknown>);
    // Handled once polling asks for anything past it.
    await fake.waitUntil(() => (fake.offsets.some((o) => o > (inOldGroup?.update_id as number)) ? true : undefined));
    expect(await findGroupChat(database.db, "telegram", "-1005002")).toMatchObject({ cell_id: cellId });
    expect(await findGroupChat(database.db, "telegram", "-5002")).toBeUndefined();
    const row = await database.db.selectFrom("outbox").select(["dedupe_key", "chat_id", "status"]).where("dedupe_key", "like", `meet:${cellId}:2025-12-05:d0:%`).executeTakeFirstOrThrow();
    expect(row).toEqual({ dedupe_key: `meet:${cellId}:2025-12-05:d0:group:telegram:-1005002`, chat_id: "-1005002", status: "pending" });
    // The supergroup's own service message comes too: nothing more changes, and nothing is said in either chat.
    const mark = fake.sent.length;
    fake.enqueue(inSupergroup as Record<string, unknown>);
    await fake.waitUntil(() => (fake.offsets.some((o) => o > (inSupergroup?.update_id as number)) ? true : undefined));
    expect(await auditOf(database.db, "cell_group_chat", "telegram:-1005002")).toHaveLength(1);
    expect(await findGroupChat(database.db, "telegram", "-1005002")).toMatchObject({ cell_id: cellId });
    expect(fake.sent.slice(mark)).toEqual([]);
    expect(seen.some((m) => m.chatId === "-5002" || m.chatId === "-1005002")).toBe(false);
  });

  it("declares itself dead when a send is refused with 401, which webhook mode notices only there", async () => {
    const revokedToken = "999999:REVOKED-token-abcdefghijklmnopq";
    const revoked = new TelegramChannel({
      client: new TelegramClient({ token: revokedToken, apiRoot: fake.apiRoot, policy: { baseMs: 50, rateLimitMs: 50, maxMs: 200 } }),
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
