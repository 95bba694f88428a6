import { afterAll, beforeAll, expect, it } from "vitest";
import { createI18n } from "../../src/messaging/i18n.js";
import type { SendResult } from "../../src/messaging/channel.js";
import { findOrgByCode, subtreeIds } from "../../src/db/org.repository.js";
import { findPersonByCode } from "../../src/db/person.repository.js";
import { silentLogger } from "../../src/log.js";
import { AnnouncementProgress } from "../../src/scheduler/announcement-progress.js";
import { RateLimiter, TELEGRAM_LIMITS } from "../../src/scheduler/rate-limit.js";
import { OutboxSender } from "../../src/scheduler/sender.js";
import { loadActor } from "../../src/services/actor.service.js";
import { newDraftKey, sendAnnouncement } from "../../src/services/announcement.service.js";
import { describeEngines, freshDatabase, type TestDatabase } from "../support/engines.js";
import { FakeChannel, vn } from "./support.js";

const TZ = "Asia/Ho_Chi_Minh";
const TODAY = "2025-12-02";
const HEADING = "Thông báo của Đảng bộ xã Tân Văn";

describeEngines("announcements through the outbox and sender", (engine) => {
  let db: TestDatabase;
  let tanVan: number;
  let office: number;
  let people: number[];
  let blocked: string;
  const clock = { now: vn("2025-12-02T08:00") };
  const sleep = async (ms: number) => {
    clock.now = new Date(clock.now.getTime() + ms);
  };

  beforeAll(async () => {
    db = await freshDatabase(engine, { demo: true });
    tanVan = (await findOrgByCode(db.db, "DEMO-XA-TANVAN"))!.id;
    office = (await findPersonByCode(db.db, "DEMO-VP-TANVAN"))!.id;
    const orgs = await subtreeIds(db.db, tanVan);
    const roles = await db.db.selectFrom("role").select("person_id").where("org_id", "in", orgs).where("valid_to", "is", null).execute();
    people = [...new Set(roles.map((r) => r.person_id))].sort((a, b) => a - b);
    // Even people on Telegram, odd ones on Zalo; the office clerk confirms on Telegram.
    for (const id of people) {
      const channel = id % 2 === 0 || id === office ? "telegram" : "zalo";
      await db.db.insertInto("chat_account").values({ channel, platform_user_id: `p${id}`, chat_id: `c${id}`, person_id: id }).execute();
    }
    blocked = `c${people.find((id) => id % 2 === 1 && id !== office)!}`;
  });
  afterAll(() => db.close());

  const sender = (channels: FakeChannel[], batchSize = 5) =>
    new OutboxSender({
      db: db.db,
      engine,
      channels,
      limits: new Map([
        ["telegram", TELEGRAM_LIMITS],
        ["zalo", { perSecond: 5, perChatIntervalMs: 1000 }],
      ]),
      i18n: createI18n(),
      log: silentLogger(),
      tz: TZ,
      localeDefault: "vi",
      now: () => clock.now,
      sleep,
      batchSize,
      progressIntervalMs: 0,
    });

  it("reaches every linked member of the subtree exactly once, shows progress in one message, then the stats once", async () => {
    const actor = await loadActor(db.db, office, TODAY);
    const sent = await db.db.transaction().execute((trx) =>
      sendAnnouncement(trx, actor, { orgId: tanVan, body: "Kính mời dự hội nghị ngày 05/12.", draftKey: newDraftKey() }, { channel: "telegram", chatId: `c${office}` }, clock.now, TODAY),
    );
    expect(sent).toMatchObject({ recipients: people.length, queued: people.length });

    const telegram = new FakeChannel("telegram", undefined, () => clock.now.getTime());
    const zalo = new FakeChannel("zalo", (chatId): SendResult => (chatId === blocked ? { ok: false, kind: "unreachable", detail: "blocked" } : { ok: true }), () => clock.now.getTime());
    await sender([telegram, zalo]).drainOnce();

    const copies = [...telegram.sent, ...zalo.sent].filter((s) => s.replies[0]?.title === HEADING);
    const reached = copies.map((c) => c.chatId).sort();
    const expected = people.map((id) => `c${id}`).filter((c) => c !== blocked).sort();
    expect(reached).toEqual(expected); // each exactly once
    expect(copies[0]?.replies[0]?.text).toBe("Kính mời dự hội nghị ngày 05/12.");
    // Telegram readers on Telegram, Zalo readers on Zalo.
    expect(zalo.sent.filter((s) => s.replies[0]?.title === HEADING).every((s) => Number(s.chatId.slice(1)) % 2 === 1)).toBe(true);

    // The clerk's progress: edits of one series, counting up, the last one final.
    const progress = telegram.sent.filter((s) => s.chatId === `c${office}` && s.replies[0]?.editKey === `ann:${sent!.id}`).map((s) => s.replies[0]!.text);
    expect(progress.length).toBeGreaterThanOrEqual(3);
    expect(progress[0]).toMatch(/^Đã gửi \d+\/\d+/);
    expect(progress.at(-1)).toBe(`Đã gửi xong: ${people.length - 1}/${people.length} người nhận được, 1 người không nhận được.`);
    const sentCounts = progress.slice(0, -1).map((t) => Number(/^Đã gửi (\d+)/.exec(t)?.[1]));
    expect(sentCounts).toEqual([...sentCounts].sort((a, b) => a - b));

    const stats = telegram.sent.filter((s) => s.replies[0]?.title === "Kết quả gửi thông báo");
    expect(stats).toHaveLength(1);
    expect(stats[0]?.chatId).toBe(`c${office}`);
    expect(stats[0]?.replies[0]?.text).toContain(`• Người nhận: ${people.length}`);
    expect(stats[0]?.replies[0]?.text).toContain(`• Đã nhận: ${people.length - 1}`);
    expect(stats[0]?.replies[0]?.text).toContain("• Không gửi được: 1");
    expect(stats[0]?.replies[0]?.text).toContain("• Còn chờ: 0");
    const row = await db.db.selectFrom("announcement").selectAll().where("id", "=", sent!.id).executeTakeFirstOrThrow();
    expect(row.status).toBe("done");

    // A restarted sender finds nothing left to send and does not send the stats again.
    const telegram2 = new FakeChannel("telegram", undefined, () => clock.now.getTime());
    const zalo2 = new FakeChannel("zalo", undefined, () => clock.now.getTime());
    const again = sender([telegram2, zalo2]);
    await again.drainOnce();
    expect([...telegram2.sent, ...zalo2.sent]).toHaveLength(0);
  });

  it("finishes at once, with the stats to the author, when nobody in the unit can receive it", async () => {
    const naThua = (await findOrgByCode(db.db, "DEMO-CB-NATHUA"))!.id;
    const members = (await db.db.selectFrom("role").select("person_id").where("org_id", "=", naThua).execute()).map((r) => r.person_id);
    await db.db.updateTable("chat_account").set({ reachable: false }).where("person_id", "in", members).where("person_id", "<>", office).execute();
    const actor = await loadActor(db.db, office, TODAY);
    const sent = await db.db.transaction().execute((trx) =>
      sendAnnouncement(trx, actor, { orgId: naThua, body: "Thông báo thử.", draftKey: newDraftKey() }, { channel: "telegram", chatId: `c${office}` }, clock.now, TODAY),
    );
    expect(sent?.queued).toBe(0);
    const telegram = new FakeChannel("telegram", undefined, () => clock.now.getTime());
    await sender([telegram, new FakeChannel("zalo")]).drainOnce();
    expect(telegram.sent.map((s) => s.replies[0]?.title)).toEqual(["Kết quả gửi thông báo"]);
    expect(telegram.sent[0]?.replies[0]?.text).toContain(`• Không gửi được: ${sent!.recipients} (chưa liên kết tài khoản: ${sent!.recipients})`);
  });

  it("shows the author's count after waiting its turn when the copies have just filled the channel's second", async () => {
    const actor = await loadActor(db.db, office, TODAY);
    const sent = await db.db.transaction().execute((trx) =>
      sendAnnouncement(trx, actor, { orgId: tanVan, body: "Kính mời dự họp.", draftKey: newDraftKey() }, { channel: "telegram", chatId: `c${office}` }, clock.now, TODAY),
    );
    const telegram = new FakeChannel("telegram", undefined, () => clock.now.getTime());
    const limiter = new RateLimiter(new Map([["telegram", { perSecond: 2 }]]));
    const progress = new AnnouncementProgress({ channels: new Map([["telegram", telegram]]), limiter, i18n: createI18n(), localeDefault: "vi", log: silentLogger(), sleep, now: () => clock.now, intervalMs: 3000 });
    await progress.tick(db.db, sent!.id, clock.now); // the first copies start the clock
    clock.now = new Date(clock.now.getTime() + 3000);
    // Two copies have just gone out: the channel's second is full, as it is all through a large announcement.
    limiter.record("telegram", "c-a", clock.now.getTime());
    limiter.record("telegram", "c-b", clock.now.getTime());
    const before = clock.now.getTime();
    await progress.tick(db.db, sent!.id, clock.now);
    const edits = telegram.sent.filter((s) => s.replies[0]?.editKey === `ann:${sent!.id}`);
    expect(edits).toHaveLength(1);
    expect(edits[0]?.replies[0]?.text).toMatch(new RegExp(`^Đã gửi 0/${people.length}\\b`));
    // It waited for the channel's next slot, then took it.
    expect(clock.now.getTime() - before).toBeGreaterThanOrEqual(1000);
    expect(clock.now.getTime() - before).toBeLessThan(1500);
    // (The edit holds one of the second's two slots: one copy more fills it.)
    limiter.record("telegram", "c-c", clock.now.getTime());
    expect(limiter.delayMs("telegram", "c-d", clock.now.getTime())).toBeGreaterThan(0);
    await db.db.deleteFrom("outbox").where("announcement_id", "=", sent!.id).execute();
  });
});
