import { afterAll, beforeAll, beforeEach, expect, it } from "vitest";
import { enqueueMessages } from "../../src/db/outbox.repository.js";
import { planIntoOutbox } from "../../src/services/planner.service.js";
import { actorOf } from "../../src/services/actor.service.js";
import { rescheduleMeeting } from "../../src/services/meeting.service.js";
import { describeEngines } from "../support/engines.js";
import { demoCell, FakeChannel, vn, type DemoCell, testSender } from "./support.js";
import { meetingNotice } from "../support/outbox.js";

const TZ = "Asia/Ho_Chi_Minh";
const GROUP = "-1001234567890";

/** The cell-wide meeting notices also posted to a cell's linked group chat, through the outbox. */
describeEngines("meeting notices in a cell's group chat", (engine) => {
  let demo: DemoCell;
  let names: string[];
  let secretaryId: number;
  const clock = { now: vn("2025-12-02T07:00") };

  beforeAll(async () => {
    demo = await demoCell(engine);
    const db = demo.db.db;
    names = (await db.selectFrom("person").select("full_name").where("cell_id", "=", demo.cellId).execute()).map((p) => p.full_name);
    secretaryId = (await db.selectFrom("role").select("person_id").where("org_id", "=", demo.cellId).where("role", "=", "secretary").executeTakeFirstOrThrow()).person_id;
    await db.insertInto("cell_group_chat").values({ channel: "fake", chat_id: GROUP, cell_id: demo.cellId, linked_by: secretaryId }).execute();
  });
  afterAll(() => demo.db.close());
  beforeEach(() => {
    clock.now = vn("2025-12-02T07:00");
  });

  const sender = (channel: FakeChannel) => testSender(demo.db.db, engine, [channel], clock);

  const groupRows = () =>
    demo.db.db.selectFrom("outbox").select(["dedupe_key", "kind", "person_id", "account_id", "channel", "chat_id", "status", "org_id", "payload"]).where("chat_id", "=", GROUP).orderBy("id").execute();

  it("plans one post per reminder step for the linked group — no person, no account — and none for other cells", async () => {
    const first = await planIntoOutbox(demo.db.db, { now: clock.now, tz: TZ });
    const again = await planIntoOutbox(demo.db.db, { now: clock.now, tz: TZ });
    expect(again.inserted).toBe(0);
    const rows = await groupRows();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      dedupe_key: `meet:${demo.cellId}:2025-12-05:d3:group:fake:${GROUP}`,
      kind: "group.meeting.reminder",
      person_id: null,
      account_id: null,
      channel: "fake",
      status: "pending",
      org_id: demo.cellId,
    });
    // Other cells meet on the 5th too (the demo): none of them has a group, none gets a group row.
    const groupPosts = await demo.db.db.selectFrom("outbox").select("dedupe_key").where("person_id", "is", null).where("dedupe_key", "like", "%:group:%").execute();
    expect(groupPosts).toHaveLength(1);
    expect(first.planned).toBeGreaterThan(1);
    const stored = JSON.stringify(rows[0]?.payload);
    for (const name of names) expect(stored).not.toContain(name);
  });

  it("the sender posts it to the group once, in Vietnamese, without RSVP buttons or names", async () => {
    const channel = new FakeChannel("fake", undefined, () => clock.now.getTime());
    await sender(channel).drainOnce();
    await sender(channel).drainOnce();
    const posts = channel.sent.filter((s) => s.chatId === GROUP);
    expect(posts).toHaveLength(1);
    const [reply] = posts[0]!.replies;
    expect(reply?.title).toBe("Nhắc lịch sinh hoạt chi bộ");
    expect(reply?.text).toBe(
      "Còn 3 ngày nữa, Chi bộ thôn Pò Lài sinh hoạt lúc 19:30 ngày 05/12/2025 tại Nhà văn hóa thôn Pò Lài.\n" +
        "Các đồng chí báo có mặt hoặc vắng trong tin nhắn riêng với bot (gõ /lichhop), không trả lời trong nhóm.",
    );
    expect(reply?.choices ?? []).toEqual([]);
    // The members' own reminders still carry their buttons.
    const own = channel.sent.find((s) => s.chatId === `c${demo.linked[0]}` && s.replies[0]?.title === "Nhắc lịch sinh hoạt chi bộ");
    expect(own?.replies[0]?.choices?.map((c) => c.action)).toEqual([`rsvp:${demo.cellId}:2025-12-05:yes`, `rsvp:${demo.cellId}:2025-12-05:no`]);
    expect((await groupRows())[0]?.status).toBe("sent");
  });

  it("a group the bot can no longer reach is skipped once, never retried", async () => {
    clock.now = vn("2025-12-05T07:00");
    await planIntoOutbox(demo.db.db, { now: clock.now, tz: TZ });
    const channel = new FakeChannel("fake", (chatId) => (chatId === GROUP ? { ok: false, kind: "unreachable", detail: "403 Forbidden: bot was kicked from the supergroup chat" } : { ok: true }));
    const stats = await sender(channel).drainOnce();
    expect(stats.unreachable).toBe(1);
    clock.now = new Date(clock.now.getTime() + 3_600_000);
    await sender(channel).drainOnce();
    const row = (await groupRows()).find((r) => r.dedupe_key.includes(":d0:"));
    expect(row).toMatchObject({ status: "skipped" });
    expect(channel.sent.filter((s) => s.chatId === GROUP)).toEqual([]);
  });

  it("/doilich: the group is told of the move once, without the secretary's reason; the old date's group post is withdrawn", async () => {
    clock.now = vn("2025-12-05T10:00");
    const db = demo.db.db;
    // A group reminder of the old date still waiting (held back by the group's rate limit, say).
    await enqueueMessages(db, [
      { key: `meet:${demo.cellId}:2025-12-05:h2:group:fake:${GROUP}`, kind: "group.meeting.reminder", personId: null, orgId: demo.cellId, to: { accountId: null, channel: "fake", chatId: GROUP }, payload: meetingNotice({ meeting: `${demo.cellId}:2025-12-05`, step: "h2" }), dueAt: vn("2025-12-05T17:30"), expiresAt: null },
    ]);
    const person = await db.selectFrom("person").select(["id", "cell_id"]).where("id", "=", secretaryId).executeTakeFirstOrThrow();
    const actor = await actorOf(db, person, "2025-12-05");
    const result = await db.transaction().execute((trx) =>
      rescheduleMeeting(trx, actor, demo.cellId, { kind: "move", date: "2025-12-07", time: "19:30", reason: "đồng chí Páo ốm" }, clock.now, "2025-12-05", TZ),
    );
    // The secretary's count is of people: the group's post is not one of them.
    const people = await db.selectFrom("outbox").select("id").where("kind", "=", "meeting.changed").where("status", "<>", "skipped").execute();
    expect(result.notified).toBe(people.length);
    const rows = await groupRows();
    expect(rows.find((r) => r.dedupe_key.startsWith(`meet:${demo.cellId}:2025-12-05:h2:group:`))?.status).toBe("cancelled");
    const changed = rows.filter((r) => r.kind === "group.meeting.changed");
    expect(changed).toHaveLength(1);
    expect(changed[0]?.dedupe_key).toMatch(new RegExp(`^chg:${demo.cellId}:\\d+:group:fake:${GROUP}$`));
    expect(JSON.stringify(changed[0]?.payload)).not.toMatch(/Páo|ốm/);

    const channel = new FakeChannel("fake", undefined, () => clock.now.getTime());
    await sender(channel).drainOnce();
    const posts = channel.sent.filter((s) => s.chatId === GROUP);
    expect(posts).toHaveLength(1);
    expect(posts[0]?.replies[0]?.title).toBe("Thay đổi lịch sinh hoạt");
    expect(posts[0]?.replies[0]?.text).toContain("Chi bộ thôn Pò Lài chuyển buổi sinh hoạt ngày 05/12/2025 sang 19:30 ngày 07/12/2025 tại Nhà văn hóa thôn Pò Lài.");
    expect(posts[0]?.replies[0]?.text).not.toMatch(/Páo|ốm/);
    expect(posts[0]?.replies[0]?.choices ?? []).toEqual([]);
    // The members are told with the reason, in their private chats.
    const own = channel.sent.find((s) => s.chatId === `c${demo.linked[0]}` && s.replies[0]?.title === "Thay đổi lịch sinh hoạt");
    expect(own?.replies[0]?.text).toContain("Lý do: đồng chí Páo ốm.");
  });
});
