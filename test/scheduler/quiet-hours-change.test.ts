import { afterAll, beforeAll, beforeEach, expect, it } from "vitest";
import { enqueueMessages } from "../../src/db/outbox.repository.js";
import { findOrgByCode } from "../../src/db/org.repository.js";
import { changeReminderSettings } from "../../src/services/reminder-settings.service.js";
import { clearSettings } from "../support/reminder-settings.js";
import { describeEngines } from "../support/engines.js";
import { meetingNotice } from "../support/outbox.js";
import { demoCell, FakeChannel, testSender, vn, type DemoCell } from "./support.js";

/** The province's hours in walk 3: a short window around midnight, so 02:25 is no longer quiet. */
const AROUND_MIDNIGHT = { quietHours: { start: "23:30", end: "00:30", deferTo: "00:30" } };

/**
 * A province changes its quiet hours while the sender runs (`chibo remind --set … --org`, "áp dụng từ
 * hôm nay"). The sender reads them with each batch, as the bot's reply does with each turn, and looks
 * again at what it held under the old ones — after a change, and after a restart.
 */
describeEngines("quiet hours changed while the sender runs", (engine) => {
  let demo: DemoCell;
  let province: number;
  let tanVan: number;
  let kyLuaCell: number;
  const clock = { now: vn("2026-12-08T02:20") };

  beforeAll(async () => {
    demo = await demoCell(engine);
    province = (await findOrgByCode(demo.db.db, "DEMO-TINH"))!.id;
    tanVan = (await findOrgByCode(demo.db.db, "DEMO-XA-TANVAN"))!.id;
    kyLuaCell = (await findOrgByCode(demo.db.db, "DEMO-CB-TANHOA1"))!.id;
  });
  afterAll(() => demo.db.close());
  beforeEach(async () => {
    await demo.db.db.deleteFrom("outbox").execute();
    await clearSettings(demo.db.db, province);
    await clearSettings(demo.db.db, tanVan);
    clock.now = vn("2026-12-08T02:20");
  });

  const account = async (chatId: string) => {
    const found = await demo.db.db.selectFrom("chat_account").select("id").where("channel", "=", "fake").where("chat_id", "=", chatId).executeTakeFirst();
    if (found) return found.id;
    return (await demo.db.db.insertInto("chat_account").values({ channel: "fake", platform_user_id: `p-${chatId}`, chat_id: chatId }).returning("id").executeTakeFirstOrThrow()).id;
  };
  /** A message to a chat about a unit, due now (a `/doilich` notice the bot just said was sent). */
  const queue = async (key: string, chatId: string, orgId: number | null = demo.cellId) =>
    enqueueMessages(demo.db.db, [
      { key, kind: "meeting.reminder", personId: null, orgId, to: { accountId: await account(chatId), channel: "fake", chatId }, payload: meetingNotice(), dueAt: clock.now, expiresAt: null },
    ]);
  /** `chibo remind --set FILE --org CODE`, in force from today. */
  const setProvince = (value: object) =>
    changeReminderSettings(demo.db.db, { orgId: province, value, today: "2026-12-08", now: clock.now, source: "cli" });
  const row = (key: string) => demo.db.db.selectFrom("outbox").selectAll().where("dedupe_key", "=", key).executeTakeFirstOrThrow();
  const channel = () => new FakeChannel("fake", undefined, () => clock.now.getTime());

  it("a notice queued a minute after the province changed its hours goes at once, and what was held under the old ones goes too", async () => {
    const fake = channel();
    const sender = testSender(demo.db.db, engine, [fake], clock);
    // 02:20 under the default hours (21:30–06:30): held until 07:00, as it should be.
    await queue("before", "c-before");
    expect(await sender.drainOnce()).toMatchObject({ sent: 0, deferred: 1 });
    expect((await row("before")).next_attempt_at).toEqual(vn("2026-12-08T07:00"));

    clock.now = vn("2026-12-08T02:25");
    await setProvince(AROUND_MIDNIGHT);
    clock.now = vn("2026-12-08T02:26");
    await queue("after", "c-after");
    const stats = await sender.drainOnce();

    expect(fake.sent.map((s) => s.chatId).sort()).toEqual(["c-after", "c-before"]);
    expect(stats).toMatchObject({ sent: 2, deferred: 0 });
    expect(await row("before")).toMatchObject({ status: "sent" });
    expect(await row("after")).toMatchObject({ status: "sent" });
  });

  it("a restart sends what an earlier sender held under hours no longer in force", async () => {
    const old = channel();
    await queue("held-1", "c-1");
    await queue("held-2", "c-2");
    expect(await testSender(demo.db.db, engine, [old], clock).drainOnce()).toMatchObject({ deferred: 2 });
    // The change came through a path this sender never saw (it stopped): the rows say 07:00.
    await setProvince(AROUND_MIDNIGHT);
    expect(await row("held-1")).toMatchObject({ status: "failed", last_error: "quiet" });

    clock.now = vn("2026-12-08T02:40");
    const restarted = channel();
    expect(await testSender(demo.db.db, engine, [restarted], clock).drainOnce()).toMatchObject({ sent: 2 });
    expect(restarted.sent.map((s) => s.chatId).sort()).toEqual(["c-1", "c-2"]);
  });

  it("a unit still in quiet hours under the new settings waits for their new end, never later than before; other units keep theirs", async () => {
    const fake = channel();
    const sender = testSender(demo.db.db, engine, [fake], clock);
    await queue("poLai", "c-polai");
    await queue("kyLua", "c-kylua", kyLuaCell);
    await queue("none", "c-none", null);
    expect(await sender.drainOnce()).toMatchObject({ deferred: 3 });

    // Tân Văn ends its night at 05:00 from today; Kỳ Lừa and messages of no unit keep the defaults.
    await changeReminderSettings(demo.db.db, { orgId: tanVan, value: { quietHours: { start: "21:30", end: "05:00", deferTo: "05:30" } }, today: "2026-12-08", now: clock.now, source: "cli" });
    clock.now = vn("2026-12-08T02:30");
    expect(await sender.drainOnce()).toMatchObject({ sent: 0 });
    expect((await row("poLai")).next_attempt_at).toEqual(vn("2026-12-08T05:30"));
    expect((await row("kyLua")).next_attempt_at).toEqual(vn("2026-12-08T07:00"));
    expect((await row("none")).next_attempt_at).toEqual(vn("2026-12-08T07:00"));

    // Widened again: nothing is pushed later than it was told it would wait.
    await changeReminderSettings(demo.db.db, { orgId: tanVan, value: { quietHours: { start: "21:30", end: "07:30", deferTo: "08:00" } }, today: "2026-12-08", now: clock.now, source: "cli" });
    await sender.drainOnce();
    expect((await row("poLai")).next_attempt_at).toEqual(vn("2026-12-08T05:30"));
    // …and claimed then, inside the new hours, it waits for their end.
    clock.now = vn("2026-12-08T05:30");
    expect(await sender.drainOnce()).toMatchObject({ sent: 0, deferred: 1 });
    expect((await row("poLai")).next_attempt_at).toEqual(vn("2026-12-08T08:00"));
  });

  it("a cell moved under another commune takes that commune's quiet hours with the sender's next batch, not at a restart", async () => {
    const kyLua = (await findOrgByCode(demo.db.db, "DEMO-PHUONG-KYLUA"))!.id;
    const fake = channel();
    const sender = testSender(demo.db.db, engine, [fake], clock);
    // Tân Văn's night ends at 00:30: at 02:20 Pò Lài's messages go.
    await changeReminderSettings(demo.db.db, { orgId: tanVan, value: AROUND_MIDNIGHT, today: "2026-12-08", now: clock.now, source: "cli" });
    await queue("in-tanvan", "c-1");
    expect(await sender.drainOnce()).toMatchObject({ sent: 1, deferred: 0 });
    try {
      // Pò Lài moved under Kỳ Lừa in place (by hand): Kỳ Lừa keeps the default night, 21:30–06:30.
      await demo.db.db.updateTable("org").set({ parent_id: kyLua }).where("id", "=", demo.cellId).execute();
      clock.now = vn("2026-12-08T02:26");
      await queue("in-kylua", "c-2");
      expect(await sender.drainOnce()).toMatchObject({ sent: 0, deferred: 1 });
      expect(await row("in-kylua")).toMatchObject({ status: "failed", last_error: "quiet" });
      expect((await row("in-kylua")).next_attempt_at).toEqual(vn("2026-12-08T07:00"));
      expect(fake.sent.map((s) => s.chatId)).toEqual(["c-1"]);
    } finally {
      await demo.db.db.updateTable("org").set({ parent_id: tanVan }).where("id", "=", demo.cellId).execute();
    }
  });

  it("a message that came due just before quiet hours and is claimed in their first seconds still goes; a retry, or one late by downtime, waits", async () => {
    const at = (local: string) => new Date(`${local}+07:00`);
    // One chat's first try fails at 21:29:50 and is retried 30 s later, inside the night.
    const fake = new FakeChannel("fake", (chatId, attempt) => (chatId === "c-retry" && attempt === 1 ? { ok: false, kind: "transient", detail: "502" } : { ok: true }), () => clock.now.getTime());
    clock.now = at("2026-12-07T21:29:50");
    await queue("retry", "c-retry");
    expect(await testSender(demo.db.db, engine, [fake], clock).drainOnce()).toMatchObject({ retried: 1 });
    // Written at 21:20 and first claimed at 21:30:20 (no sender ran meanwhile): not promised a moment ago.
    clock.now = at("2026-12-07T21:20:00");
    await queue("downtime", "c-downtime");
    // The bot said "Đã báo" at 21:29:55; the sender, busy a moment, claims it at 21:30:20.
    clock.now = at("2026-12-07T21:29:55");
    await queue("promised", "c-promised");
    clock.now = at("2026-12-07T21:30:20");
    expect(await testSender(demo.db.db, engine, [fake], clock).drainOnce()).toMatchObject({ sent: 1, deferred: 2 });
    expect(fake.sent.map((s) => s.chatId)).toEqual(["c-promised"]);
    for (const key of ["retry", "downtime"]) {
      expect(await row(key)).toMatchObject({ status: "failed", last_error: "quiet" });
      expect((await row(key)).next_attempt_at).toEqual(vn("2026-12-08T07:00"));
    }
  });
});
