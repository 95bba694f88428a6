import { afterAll, beforeAll, beforeEach, expect, it } from "vitest";
import type { SendOptions, SendResult } from "../../src/messaging/channel.js";
import type { Reply } from "../../src/messaging/message.js";
import { deadMessages, enqueueMessages, outboxCounts } from "../../src/db/outbox.repository.js";
import { loadConversation } from "../../src/db/conversation.repository.js";
import { planIntoOutbox } from "../../src/services/planner.service.js";
import { JITTER_MARGIN_MS, RateLimiter, TELEGRAM_LIMITS } from "../../src/scheduler/rate-limit.js";
import { backoffMs } from "../../src/scheduler/sender.js";
import { findOrgByCode } from "../../src/db/org.repository.js";
import { clearSettings, settingsSinceAlways } from "../support/reminder-settings.js";
import { describeEngines } from "../support/engines.js";
import { demoCell, FakeChannel, testSender, vn, type DemoCell } from "./support.js";
import { meetingNotice } from "../support/outbox.js";

const TZ = "Asia/Ho_Chi_Minh";

describeEngines("outbox sender", (engine) => {
  let demo: DemoCell;
  const clock = { now: vn("2025-12-02T07:00") };
  const waits: number[] = [];
  const sleep = async (ms: number) => {
    waits.push(ms);
    clock.now = new Date(clock.now.getTime() + ms);
  };

  beforeAll(async () => {
    demo = await demoCell(engine);
  });
  afterAll(() => demo.db.close());
  beforeEach(async () => {
    await demo.db.db.deleteFrom("outbox").execute();
    await demo.db.db.updateTable("chat_account").set({ reachable: true }).execute();
    clock.now = vn("2025-12-02T07:00");
    waits.length = 0;
  });

  const sender = (channel: FakeChannel, extra: { maxAttempts?: number; batchSize?: number; concurrency?: number } = {}) =>
    testSender(demo.db.db, engine, [channel], clock, { sleep, ...extra });

  /** The account of a chat on the fake channel (created when missing). */
  const account = async (chatId: string) => {
    const found = await demo.db.db.selectFrom("chat_account").select("id").where("channel", "=", "fake").where("chat_id", "=", chatId).executeTakeFirst();
    if (found) return found.id;
    const row = await demo.db.db.insertInto("chat_account").values({ channel: "fake", platform_user_id: `p-${chatId}`, chat_id: chatId }).returning("id").executeTakeFirstOrThrow();
    return row.id;
  };

  const one = async (key: string, chatId: string, extra: { expiresAt?: Date } = {}) =>
    enqueueMessages(demo.db.db, [
      { key, kind: "meeting.reminder", personId: null, orgId: demo.cellId, to: { accountId: await account(chatId), channel: "fake", chatId }, payload: meetingNotice({ meeting: `${demo.cellId}:2025-12-05` }), dueAt: clock.now, expiresAt: extra.expiresAt ?? null },
    ]);

  it("sends what the planner wrote, in Vietnamese, with RSVP choices a digit can answer", async () => {
    await planIntoOutbox(demo.db.db, { now: clock.now, tz: TZ });
    const channel = new FakeChannel("fake", undefined, () => clock.now.getTime());
    const stats = await sender(channel).drainOnce();
    const reminders = channel.sent.filter((s) => s.replies[0]?.title === "Nhắc lịch sinh hoạt chi bộ");
    expect(reminders).toHaveLength(demo.linked.length);
    expect(reminders[0]?.replies[0]?.text).toContain("Còn 3 ngày nữa, Chi bộ thôn Pò Lài sinh hoạt lúc 19:30 ngày 05/12/2025 tại Nhà văn hóa thôn Pò Lài.");
    expect(reminders[0]?.replies[0]?.choices?.map((c) => c.action)).toEqual([`rsvp:${demo.cellId}:2025-12-05:yes`, `rsvp:${demo.cellId}:2025-12-05:no`]);
    expect(stats.sent).toBe(channel.sent.length);
    const state = await loadConversation(demo.db.db, "fake", `c${demo.linked[0]}`, clock.now);
    expect(JSON.stringify(state?.state)).toContain(`rsvp:${demo.cellId}:2025-12-05:yes`);
    expect((await outboxCounts(demo.db.db)).pending).toBeUndefined();
  });

  it("waits out a 429 without counting it as a failure, then sends", async () => {
    await one("k1", "c1");
    const channel = new FakeChannel("fake", (_chat, attempt): SendResult => (attempt === 1 ? { ok: false, kind: "rate_limited", retryAfterMs: 20_000 } : { ok: true }));
    const s = sender(channel);
    expect(await s.drainOnce()).toMatchObject({ sent: 0, rateLimited: 1 });
    const row = await demo.db.db.selectFrom("outbox").selectAll().where("dedupe_key", "=", "k1").executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: "failed", attempts: 0, last_error: "rate_limited" });
    expect(row.next_attempt_at.getTime()).toBe(clock.now.getTime() + 20_000);
    expect(await s.drainOnce()).toMatchObject({ sent: 0 }); // not yet
    clock.now = new Date(clock.now.getTime() + 20_000);
    expect(await s.drainOnce()).toMatchObject({ sent: 1 });
  });

  it("skips and counts an unreachable account, and stops choosing it", async () => {
    await one("k2", `c${demo.linked[0]}`);
    const channel = new FakeChannel("fake", () => ({ ok: false, kind: "unreachable", detail: "blocked" }));
    expect(await sender(channel).drainOnce()).toMatchObject({ unreachable: 1 });
    expect(await demo.db.db.selectFrom("outbox").select(["status", "last_error"]).where("dedupe_key", "=", "k2").executeTakeFirst()).toEqual({ status: "skipped", last_error: "unreachable" });
    const account = await demo.db.db.selectFrom("chat_account").select("reachable").where("chat_id", "=", `c${demo.linked[0]}`).executeTakeFirstOrThrow();
    expect(account.reachable).toBe(false);
  });

  it("backs off transient failures with a cap, then marks the message dead for admins", async () => {
    await one("k3", "c3");
    const channel = new FakeChannel("fake", () => ({ ok: false, kind: "transient", detail: "502" }));
    const s = sender(channel, { maxAttempts: 3 });
    const start = clock.now.getTime();
    await s.drainOnce();
    let row = await demo.db.db.selectFrom("outbox").selectAll().where("dedupe_key", "=", "k3").executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: "failed", attempts: 1 });
    expect(row.next_attempt_at.getTime() - start).toBe(backoffMs(1));
    clock.now = row.next_attempt_at;
    await s.drainOnce();
    row = await demo.db.db.selectFrom("outbox").selectAll().where("dedupe_key", "=", "k3").executeTakeFirstOrThrow();
    expect(row.next_attempt_at.getTime() - clock.now.getTime()).toBe(backoffMs(2));
    clock.now = row.next_attempt_at;
    expect(await s.drainOnce()).toMatchObject({ dead: 1 });
    expect((await deadMessages(demo.db.db)).map((d) => d.dedupe_key)).toEqual(["k3"]);
    expect(backoffMs(30)).toBe(30 * 60_000);
  });

  it("stopped while the platform holds a send, cuts the send and keeps the message to send on the next start", async () => {
    await one("k-held", "c9");
    let reached!: () => void;
    const sending = new Promise<void>((resolve) => (reached = resolve));
    /** A platform that never answers: the send ends only when its signal aborts. */
    class SilentPlatform extends FakeChannel {
      override async send(_chatId: string, _replies: Reply[], options: SendOptions = {}): Promise<SendResult> {
        reached();
        await new Promise<void>((resolve) => options.signal?.addEventListener("abort", () => resolve(), { once: true }));
        return { ok: false, kind: "transient", detail: "aborted" };
      }
    }
    const s = sender(new SilentPlatform("fake"));
    s.start();
    await sending;
    await s.stop();
    const row = await demo.db.db.selectFrom("outbox").selectAll().where("dedupe_key", "=", "k-held").executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: "failed", attempts: 1, last_error: "transient" });
  });

  it("refused messages go dead at once; stale ones are skipped", async () => {
    await one("k4", "c4");
    await one("k5", "c5", { expiresAt: new Date(clock.now.getTime() - 1) });
    const channel = new FakeChannel("fake", () => ({ ok: false, kind: "rejected", detail: "400" }));
    expect(await sender(channel).drainOnce()).toMatchObject({ dead: 1, stale: 1 });
  });

  it("keeps each unit's own quiet hours: a commune that ends its evening at 22:00 still gets a 21:45 message", async () => {
    const tanVan = (await findOrgByCode(demo.db.db, "DEMO-XA-TANVAN"))!.id;
    const kyLuaCell = (await findOrgByCode(demo.db.db, "DEMO-CB-TANHOA1"))!.id;
    await settingsSinceAlways(demo.db.db, tanVan, { quietHours: { start: "22:00", end: "06:00", deferTo: "06:30" } });
    try {
      clock.now = vn("2025-12-02T21:45");
      const row = async (key: string, orgId: number, chatId: string) =>
        enqueueMessages(demo.db.db, [{ key, kind: "meeting.reminder", personId: null, orgId, to: { accountId: await account(chatId), channel: "fake", chatId }, payload: meetingNotice(), dueAt: clock.now, expiresAt: null }]);
      await row("q-tanvan", demo.cellId, "q1");
      await row("q-kylua", kyLuaCell, "q2");
      const channel = new FakeChannel("fake", undefined, () => clock.now.getTime());
      const s = testSender(demo.db.db, engine, [channel], clock);
      expect(await s.drainOnce()).toMatchObject({ sent: 1, deferred: 1 });
      expect(channel.sent.map((m) => m.chatId)).toEqual(["q1"]);
      const waiting = await demo.db.db.selectFrom("outbox").selectAll().where("dedupe_key", "=", "q-kylua").executeTakeFirstOrThrow();
      // Kỳ Lừa keeps the default (21:30–06:30, deferred to 07:00), and the wait is not an attempt.
      expect(waiting).toMatchObject({ status: "failed", attempts: 0, last_error: "quiet" });
      expect(waiting.next_attempt_at.getTime()).toBe(vn("2025-12-03T07:00").getTime());
    } finally {
      await clearSettings(demo.db.db, tanVan);
    }
  });

  it("leaves a chat room for the bot's own replies recorded in a shared limiter", async () => {
    await one("k9", "talking");
    const limiter = new RateLimiter(new Map([["fake", TELEGRAM_LIMITS]]));
    limiter.record("fake", "talking", clock.now.getTime()); // the bot just answered this chat
    const start = clock.now.getTime();
    const channel = new FakeChannel("fake", undefined, () => clock.now.getTime());
    const s = testSender(demo.db.db, engine, [channel], clock, { limiter });
    expect(await s.drainOnce()).toMatchObject({ sent: 1 });
    expect(channel.sent[0]!.at - start).toBe(1000 + JITTER_MARGIN_MS);
  });

  it("counts every part of a message against the limits: a picture after its text waits its turn", async () => {
    await one("k10", "parts");
    const channel = new FakeChannel("fake", undefined, () => clock.now.getTime());
    const limiter = new RateLimiter(new Map([["fake", TELEGRAM_LIMITS]]));
    const picture = async () => [{ text: "Biểu đồ" }];
    const stats = await testSender(demo.db.db, engine, [channel], clock, { limiter, illustrate: picture }).drainOnce();
    expect(stats).toMatchObject({ sent: 1 });
    expect(channel.sent.map((s) => s.replies[0]!.text)).toEqual([expect.stringContaining("sinh hoạt"), "Biểu đồ"]);
    // The second part is another message to the chat: one second after the first, as two rows would be.
    expect(channel.sent[1]!.at - channel.sent[0]!.at).toBe(1000 + JITTER_MARGIN_MS);
    // Both parts count in the bot's window: the chat's next message waits for the picture's second.
    expect(limiter.delayMs("fake", "parts", channel.sent[1]!.at)).toBe(1000 + JITTER_MARGIN_MS);
  });

  it("keeps one message per second to a chat and sends nothing in quiet hours", async () => {
    await one("k6", "same");
    await enqueueMessages(demo.db.db, [{ key: "k7", kind: "meeting.reminder", personId: null, orgId: null, to: { accountId: await account("same"), channel: "fake", chatId: "same" }, payload: meetingNotice(), dueAt: clock.now, expiresAt: null }]);
    const channel = new FakeChannel("fake", undefined, () => clock.now.getTime());
    // One send in flight: the test clock jumps when a send waits its turn, so a send still in flight
    // would read the later time; each is read here before the next one waits.
    await sender(channel, { concurrency: 1 }).drainOnce();
    // One second apart, plus the margin the limiter keeps for network jitter.
    expect(channel.sent.map((s) => s.at - (channel.sent[0]?.at ?? 0))).toEqual([0, 1000 + JITTER_MARGIN_MS]);
    await one("k8", "c8");
    clock.now = vn("2025-12-02T23:00");
    expect(await sender(channel).drainOnce()).toMatchObject({ sent: 0 });
  });

  it("refuses to write a payload that does not hold what its kind says, and writes nothing of the batch", async () => {
    const to = { accountId: await account("typed"), channel: "fake", chatId: "typed" };
    const good = { key: "typed-good", kind: "meeting.reminder" as const, personId: null, orgId: null, to, payload: meetingNotice(), dueAt: clock.now, expiresAt: null };
    const bad = { ...good, key: "typed-bad", payload: { ...meetingNotice(), date: "5/12" } };
    await expect(enqueueMessages(demo.db.db, [good, bad])).rejects.toThrow(/meeting\.reminder.*date/);
    expect(await outboxCounts(demo.db.db)).toEqual({});
  });

  it("never renders a stored row whose payload is not of its kind: it goes dead, named by kind only", async () => {
    await enqueueMessages(demo.db.db, [{ key: "typed-stored", kind: "meeting.thematic", personId: null, orgId: null, to: { accountId: await account("stored"), channel: "fake", chatId: "stored" }, payload: { cell: "Chi bộ", quarter: "2025-Q4" }, dueAt: clock.now, expiresAt: null }]);
    // Written by an older version, or by hand.
    await demo.db.db.updateTable("outbox").set({ payload: JSON.stringify({ cell: "Chi bộ" }) }).where("dedupe_key", "=", "typed-stored").execute();
    const channel = new FakeChannel("fake", undefined, () => clock.now.getTime());
    const stats = await sender(channel).drainOnce();
    expect(channel.sent).toEqual([]);
    expect(stats.dead).toBe(1);
    expect(await deadMessages(demo.db.db)).toMatchObject([{ dedupe_key: "typed-stored", kind: "meeting.thematic", last_error: "invalid_payload" }]);
  });
});
