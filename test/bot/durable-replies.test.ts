import { afterAll, beforeAll, expect, it } from "vitest";
import { DEMO_SECRETARY_CODE } from "../../src/db/demo-seed.js";
import { claimUnsentReplies, releaseReplyClaims } from "../../src/db/turn-reply.repository.js";
import { PLAIN_TEXT } from "../../src/messaging/capabilities.js";
import type { Channel, HandleResult, SendResult } from "../../src/messaging/channel.js";
import type { Reply } from "../../src/messaging/message.js";
import { silentLogger } from "../../src/log.js";
import { ReplySweep } from "../../src/scheduler/reply-sweep.js";
import { deliverTurn } from "../../src/channels/turn-delivery.js";
import { botHarness, replyText, type BotHarness } from "../support/bot-harness.js";
import { describeEngines } from "../support/engines.js";

const QUICK_REPORT = "bc sh cb t11: hop toi 5/11 19h30, co mat 9/10, vang 1 cld";
const PREVIEW = "Gửi báo cáo";
const SAVED = "Đã lưu Báo cáo sinh hoạt chi bộ";

/** A channel that records what it was asked to send, and can refuse. */
class RecordingChannel implements Channel {
  readonly capabilities = PLAIN_TEXT;
  readonly sent: { chatId: string; text: string }[] = [];
  answer: SendResult = { ok: true };
  constructor(readonly name: string) {}
  async start() {}
  async stop() {}
  async send(chatId: string, replies: Reply[]): Promise<SendResult> {
    if (!this.answer.ok) return this.answer;
    for (const r of replies) this.sent.push({ chatId, text: r.text });
    return { ok: true };
  }
}

describeEngines("the replies of a turn are part of its effects", (engine) => {
  let h: BotHarness;
  let secretary: string;
  let seq = 0;
  /** An update with its platform key, which a platform delivers again until it is acknowledged. */
  const update = (userId: string, text: string, updateId = `t${++seq}`) => ({ updateId, run: () => h.say(userId, text, { updateId }) });
  const stored = () => h.db.db.selectFrom("turn_reply").select(["chat_id", "sent", "attempts"]).execute();

  beforeAll(async () => {
    h = await botHarness(engine);
    secretary = await h.as(DEMO_SECRETARY_CODE);
  });
  afterAll(() => h?.close());

  it("stores a turn's replies with it and deletes them once the platform accepted them", async () => {
    const u = update(secretary, "/toi");
    const result = await u.run();
    expect(result.status).toBe("handled");
    expect(result.receipt).toBeDefined();
    expect(await stored()).toEqual([{ chat_id: secretary, sent: 0, attempts: 1 }]);
    await deliverTurn(result, async () => ({ ok: true }));
    expect(await stored()).toEqual([]);
    // Redelivered after it was answered: a plain duplicate, nothing to say.
    expect(await u.run()).toMatchObject({ status: "duplicate", replies: [] });
  });

  it("sends a stored preview that never went out when its update comes again, before a later '1' can store it", async () => {
    const report = update(secretary, QUICK_REPORT);
    const first = await report.run();
    expect(replyText(first.replies)).toContain(PREVIEW);
    // The process dies here: committed, never sent. At start the embedded database's claims are freed.
    await releaseReplyClaims(h.db.db);
    const again = await report.run();
    expect(again.status).toBe("duplicate");
    expect(replyText(again.replies)).toContain(PREVIEW);
    await deliverTurn(again, async () => ({ ok: true }));
    expect(await stored()).toEqual([]);
    // Once shown, a third delivery says nothing more.
    expect((await report.run()).replies).toEqual([]);
    expect(replyText((await update(secretary, "1").run()).replies)).toContain(SAVED);
    await h.db.db.deleteFrom("turn_reply").execute();
  });

  it("repeats at most the reply in flight: replies the platform accepted are not sent again", async () => {
    const result = await update(secretary, "/trogiup").run();
    const texts = result.replies.map((r) => r.text);
    await result.receipt!.delivered(Math.max(0, texts.length - 1));
    await releaseReplyClaims(h.db.db);
    const channel = new RecordingChannel("console");
    const sweep = new ReplySweep({ db: h.db.db, channels: [channel], log: silentLogger(), exclusive: false });
    expect(await sweep.runOnce()).toBe(1);
    expect(channel.sent.map((s) => s.text)).toEqual(texts.slice(-1));
    expect(await stored()).toEqual([]);
  });

  it("the sweep sends what a dead process left, once, even with two sweepers; never while a claim holds", async () => {
    const results: HandleResult[] = [];
    for (let i = 0; i < 3; i++) results.push(await update(secretary, "/toi").run());
    const channel = new RecordingChannel("console");
    const sweep = () => new ReplySweep({ db: h.db.db, channels: [channel], log: silentLogger(), exclusive: false });
    // Their claims still hold (the live path may be sending): nothing goes.
    expect(await sweep().runOnce()).toBe(0);
    await releaseReplyClaims(h.db.db);
    const [a, b] = await Promise.all([sweep().runOnce(), sweep().runOnce()]);
    expect(a + b).toBe(3);
    expect(channel.sent).toHaveLength(3);
    expect(await sweep().runOnce()).toBe(0);
    expect(await stored()).toEqual([]);
  });

  it("keeps replies the platform could not take for a later try, and gives up those it refused for good", async () => {
    await update(secretary, "/toi").run();
    await releaseReplyClaims(h.db.db);
    const channel = new RecordingChannel("console");
    const sweep = new ReplySweep({ db: h.db.db, channels: [channel], log: silentLogger(), exclusive: false });
    channel.answer = { ok: false, kind: "transient", detail: "network" };
    expect(await sweep.runOnce()).toBe(0);
    expect(await stored()).toEqual([{ chat_id: secretary, sent: 0, attempts: 2 }]);
    await releaseReplyClaims(h.db.db);
    channel.answer = { ok: false, kind: "unreachable", detail: "blocked" };
    expect(await sweep.runOnce()).toBe(0);
    expect(await stored()).toEqual([]);
    expect(await claimUnsentReplies(h.db.db, "console", 10)).toEqual([]);
  });
});
