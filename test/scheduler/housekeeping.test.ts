import { afterAll, beforeAll, expect, it } from "vitest";
import { enqueueMessages, markSent } from "../../src/db/outbox.repository.js";
import { findOrgByCode } from "../../src/db/org.repository.js";
import { findPersonByCode } from "../../src/db/person.repository.js";
import { claimSlot, finishSlot } from "../../src/db/schedule.repository.js";
import { silentLogger } from "../../src/log.js";
import { SchedulerTick } from "../../src/scheduler/tick.js";
import { loadActor } from "../../src/services/actor.service.js";
import { announcementStatus, completeIfDone, newDraftKey, sendAnnouncement } from "../../src/services/announcement.service.js";
import { describeEngines, freshDatabase, type TestDatabase } from "../support/engines.js";
import { vn } from "./support.js";
import { meetingNotice } from "../support/outbox.js";

const TZ = "Asia/Ho_Chi_Minh";

describeEngines("daily clean-up of rows that have done their job", (engine) => {
  let db: TestDatabase;
  let tick: SchedulerTick;
  const clock = { now: vn("2026-03-01T03:05") };
  const OLD = vn("2025-11-01T10:00");
  const RECENT = vn("2026-02-27T10:00");
  let doneAnnouncement: number;
  let openAnnouncement: number;
  let office: number;

  beforeAll(async () => {
    db = await freshDatabase(engine, { demo: true });
    tick = new SchedulerTick({ db: db.db, tz: TZ, log: silentLogger(), now: () => clock.now });
    const d = db.db;
    await d.insertInto("inbound_update").values([
      { channel: "telegram", update_key: "old", received_at: OLD },
      { channel: "telegram", update_key: "recent", received_at: RECENT },
    ]).execute();
    await d.insertInto("telegram_progress_message").values([
      { chat_id: "1", edit_key: "old", message_id: 5, updated_at: OLD },
      { chat_id: "1", edit_key: "recent", message_id: 6, updated_at: RECENT },
    ]).execute();
    await d.insertInto("conversation").values([
      { channel: "console", chat_id: "old", state: "{}", expires_at: OLD },
      { channel: "console", chat_id: "open", state: "{}", expires_at: vn("2026-03-01T04:00") },
    ]).execute();
    const account = await d.insertInto("chat_account").values({ channel: "telegram", platform_user_id: "9", chat_id: "9" }).returning("id").executeTakeFirstOrThrow();
    const to = { accountId: account.id, channel: "telegram", chatId: "9" };
    const row = (key: string, dueAt: Date) => ({ key, kind: "meeting.reminder" as const, personId: null, orgId: null, to, payload: meetingNotice(), dueAt, expiresAt: null });
    await enqueueMessages(d, [row("sent-old", OLD), row("sent-recent", RECENT), row("pending-old", OLD)]);
    for (const key of ["sent-old", "sent-recent"]) {
      const r = await d.selectFrom("outbox").select(["id", "due_at"]).where("dedupe_key", "=", key).executeTakeFirstOrThrow();
      await markSent(d, r.id, r.due_at);
    }
    // Scheduler minutes: old ones, and the latest finished slot, old too (downtime), which stays.
    for (const slot of [vn("2025-11-01T10:00"), vn("2025-11-01T10:01"), vn("2025-11-02T10:00")]) {
      await claimSlot(d, "plan", slot, slot);
      await finishSlot(d, "plan", slot, slot, 0);
    }
    // Two announcements from long ago: one done, one still waiting for a copy.
    office = (await findPersonByCode(d, "DEMO-VP-TANVAN"))!.id;
    const naThua = (await findOrgByCode(d, "DEMO-CB-NATHUA"))!.id;
    const poLai = (await findOrgByCode(d, "DEMO-CB-POLAI"))!.id;
    const actor = await loadActor(d, office, "2025-11-01");
    doneAnnouncement = (await d.transaction().execute((trx) => sendAnnouncement(trx, actor, { orgId: naThua, body: "Đã xong.", draftKey: newDraftKey() }, { channel: "console", chatId: "x" }, OLD, "2025-11-01")))!.id;
    const someone = (await d.selectFrom("role").select("person_id").where("org_id", "=", poLai).where("role", "=", "member").executeTakeFirstOrThrow()).person_id;
    await d.insertInto("chat_account").values({ channel: "telegram", platform_user_id: "77", chat_id: "77", person_id: someone }).execute();
    openAnnouncement = (await d.transaction().execute((trx) => sendAnnouncement(trx, actor, { orgId: poLai, body: "Đang gửi.", draftKey: newDraftKey() }, { channel: "console", chatId: "x" }, OLD, "2025-11-01")))!.id;
  });
  afterAll(() => db.close());

  const updateKeys = async () => (await db.db.selectFrom("inbound_update").select("update_key").execute()).map((r) => r.update_key);
  const progressKeys = async () => (await db.db.selectFrom("telegram_progress_message").select("edit_key").execute()).map((r) => r.edit_key);

  it("waits for 03:00, clears each kind after its retention, keeps what is still waiting, and runs once a day", async () => {
    expect(await tick.pruneOncePerDay(vn("2026-03-01T02:59"))).toBe(false);
    expect(await tick.pruneOncePerDay(vn("2026-03-01T03:05"))).toBe(true);
    expect(await updateKeys()).toEqual(["recent"]);
    expect(await progressKeys()).toEqual(["recent"]);
    expect((await db.db.selectFrom("conversation").select("chat_id").execute()).map((r) => r.chat_id)).toEqual(["open"]);
    const outbox = await db.db.selectFrom("outbox").select(["dedupe_key", "announcement_id", "status"]).execute();
    expect(outbox.filter((r) => r.announcement_id === null).map((r) => r.dedupe_key).sort()).toEqual(["pending-old", "sent-recent"]);
    // The done announcement's copies are gone; the one still sending keeps all of its copies.
    expect(outbox.filter((r) => r.announcement_id === doneAnnouncement)).toHaveLength(0);
    const openCopies = await db.db.selectFrom("outbox").select("id").where("announcement_id", "=", openAnnouncement).execute();
    expect(openCopies.length).toBeGreaterThan(1);
    expect(outbox.filter((r) => r.announcement_id === openAnnouncement)).toHaveLength(openCopies.length);
    const runs = await db.db.selectFrom("scheduler_run").select(["name", "slot"]).where("name", "=", "plan").execute();
    expect(runs.map((r) => r.slot.getTime())).toEqual([vn("2025-11-02T10:00").getTime()]);

    // Its stats outlive the copies.
    const actor = await loadActor(db.db, office, "2026-03-01");
    const status = await announcementStatus(db.db, actor, doneAnnouncement);
    expect(status.counts).toEqual({ sent: 0, unreachable: status.recipients, unlinked: status.recipients, pending: 0 });
    expect(status.recipients).toBeGreaterThan(0);

    expect(await tick.pruneOncePerDay(vn("2026-03-01T10:00"))).toBe(false);
    expect(await tick.pruneOncePerDay(vn("2026-03-02T03:00"))).toBe(true);
    expect((await completeIfDone(db.db, openAnnouncement, clock.now)).finished).toBe(false);
  });
});
