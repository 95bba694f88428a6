import { afterAll, beforeAll, expect, it } from "vitest";
import { linkGroupChat } from "../../src/db/cell-group-chat.repository.js";
import { DEMO_SECRETARY_CODE } from "../../src/db/demo-seed.js";
import { sql } from "kysely";
import { claimReady, enqueueMessages } from "../../src/db/outbox.repository.js";
import { planIntoOutbox } from "../../src/services/planner.service.js";
import { findOrgByCode } from "../../src/db/org.repository.js";
import { findPersonByCode } from "../../src/db/person.repository.js";
import type { IncomingMessage } from "../../src/messaging/message.js";
import { ensureConsoleAccount } from "../../src/services/console-account.service.js";
import { botHarness, replyText, type BotHarness } from "../support/bot-harness.js";
import { describeEngines } from "../support/engines.js";
import { meetingNotice } from "../support/outbox.js";

const vn = (local: string) => new Date(`${local}:00+07:00`);

describeEngines("meetings in the chat", (engine) => {
  let h: BotHarness;
  let cellId: number;
  let secretary: string;
  let mai: string;
  let maiId: number;

  beforeAll(async () => {
    h = await botHarness(engine, { now: vn("2025-12-01T10:00") });
    cellId = (await findOrgByCode(h.db.db, "DEMO-CB-POLAI"))!.id;
    secretary = await h.as(DEMO_SECRETARY_CODE);
    mai = await h.as("DEMO-DV-POLAI-MAI");
    maiId = (await findPersonByCode(h.db.db, "DEMO-DV-POLAI-MAI"))!.id;
  });
  afterAll(() => h.close());

  it("shows the next meeting and takes a one-digit answer", async () => {
    const text = await h.sayText(mai, "/lichhop");
    expect(text).toContain("Chi bộ thôn Pò Lài: sinh hoạt lúc 19:30 ngày 05/12/2025.");
    expect(text).toContain("Địa điểm: Nhà văn hóa thôn Pò Lài");
    expect(text).toContain("1. Có mặt");
    expect(await h.sayText(mai, "1")).toBe("Đã ghi nhận: đồng chí có mặt buổi sinh hoạt ngày 05/12/2025. Cảm ơn đồng chí.");
    const row = await h.db.db.selectFrom("meeting_rsvp").selectAll().where("person_id", "=", maiId).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ org_id: cellId, meeting_date: "2025-12-05", answer: "yes", proxy_by: null });
  });

  it("asks the reason for an absence, and the secretary sees it in /diemdanh", async () => {
    await h.sayText(mai, "/lichhop");
    expect(await h.sayText(mai, "2")).toContain("cho biết lý do vắng");
    expect(await h.sayText(mai, "Đi viện thăm mẹ")).toBe("Đã ghi nhận: đồng chí vắng buổi sinh hoạt ngày 05/12/2025, lý do: Đi viện thăm mẹ.");
    const text = await h.sayText(secretary, "/diemdanh");
    expect(text).toContain("Dự kiến dự sinh hoạt ngày 05/12/2025");
    // Counted as the report's "phải dự" is (11 members, 1 exempt): the cadre and the exempt member are invited, not counted.
    expect(text).toContain("Tổng số cần dự: 10. Có mặt: 0. Vắng: 1. Chưa trả lời: 9.");
    expect(text).toContain("Ngoài ra 2 người được mời, không tính vào số phải dự");
    expect(text).toContain("- Vi Thị Mai: Đi viện thăm mẹ");
  });

  it("lets the secretary answer for a member without a phone, recorded as proxy", async () => {
    await h.sayText(secretary, "/diemdanh");
    const list = await h.sayText(secretary, "1");
    expect(list).toContain("Chọn đảng viên để ghi hộ:");
    const members = list.split("\n").filter((l) => /^\d+\. /.test(l));
    const pick = members.findIndex((l) => !l.includes("Vi Thị Mai") && !l.includes("Hoàng Văn Páo")) + 1;
    const name = members[pick - 1]!.replace(/^\d+\. /, "");
    expect(await h.sayText(secretary, String(pick))).toContain(`${name}: dự buổi sinh hoạt ngày 05/12/2025?`);
    await h.sayText(secretary, "2");
    expect(await h.sayText(secretary, "Ốm")).toBe(`Đã ghi hộ ${name}: vắng (Ốm).`);
    const secretaryId = (await findPersonByCode(h.db.db, DEMO_SECRETARY_CODE))!.id;
    const rows = await h.db.db.selectFrom("meeting_rsvp").selectAll().where("proxy_by", "=", secretaryId).execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ answer: "no", reason: "Ốm" });
    expect(await h.sayText(secretary, "/diemdanh")).toContain("Ốm (bí thư ghi hộ)");
  });

  it("re-checks button payloads: another cell's meeting, a past one", async () => {
    expect(await h.sayText(mai, "", { action: `rsvp:${cellId + 1}:2025-12-04:yes` })).toContain("không thuộc danh sách");
    const past = await h.say(mai, "", { action: `rsvp:${cellId}:2025-11-05:yes` });
    expect(replyText(past.replies)).toContain("đã qua");
    // Nothing recorded: the reminder's keyboard is taken away unmarked, not shown as "✓ Có mặt".
    expect(past.pressed).toBe("expired");
    expect(await h.sayText(mai, "", { action: `rsvpp:${cellId}:2025-12-05:list` })).toContain("không có quyền");
  });

  it("answers RSVP presses handled together in a batch as each alone, records each answer, and the batch's /diemdanh counts them", async () => {
    // Members of the cell without an answer yet (the secretary aside), each on a console account of their own.
    const secretaryId = (await findPersonByCode(h.db.db, DEMO_SECRETARY_CODE))!.id;
    const answered = (await h.db.db.selectFrom("meeting_rsvp").select("person_id").execute()).map((r) => r.person_id);
    const members = await h.db.db
      .selectFrom("role")
      .select("person_id")
      .where("org_id", "=", cellId)
      .where("role", "=", "member")
      .where("person_id", "not in", [maiId, secretaryId, ...answered])
      .orderBy("person_id")
      .limit(4)
      .execute();
    const users = await Promise.all(members.map((m) => ensureConsoleAccount(h.db.db, m.person_id, h.clock.now)));
    const press = (userId: string, action: string, n: number): IncomingMessage => ({ channel: "console", chatId: userId, userId, chatType: "private", action, at: h.clock.now, updateId: `rsvp-batch-${n}` });
    const [yes, no, otherCell, past] = users as [string, string, string, string];
    const results = await Promise.all(
      h.bot.handleMany([
        press(yes, `rsvp:${cellId}:2025-12-05:yes`, 1),
        { channel: "console", chatId: secretary, userId: secretary, chatType: "private", text: "/diemdanh", at: h.clock.now, updateId: "rsvp-batch-2" },
        press(no, `rsvp:${cellId}:2025-12-05:no`, 3),
        press(otherCell, `rsvp:${cellId + 1}:2025-12-04:yes`, 4),
        press(past, `rsvp:${cellId}:2025-11-05:yes`, 5),
      ]),
    );
    expect(results.map((r) => replyText(r.replies))).toEqual([
      "Đã ghi nhận: đồng chí có mặt buổi sinh hoạt ngày 05/12/2025. Cảm ơn đồng chí.",
      expect.stringContaining("Dự kiến dự sinh hoạt ngày 05/12/2025"),
      expect.stringContaining("cho biết lý do vắng"),
      expect.stringContaining("không thuộc danh sách"),
      expect.stringContaining("đã qua"),
    ]);
    const rows = await h.db.db
      .selectFrom("meeting_rsvp")
      .select(["person_id", "org_id", "meeting_date", "answer", "reason"])
      .where("person_id", "in", members.map((m) => m.person_id))
      .orderBy("person_id")
      .execute();
    expect(rows).toEqual([
      { person_id: members[0]!.person_id, org_id: cellId, meeting_date: "2025-12-05", answer: "yes", reason: null },
      { person_id: members[1]!.person_id, org_id: cellId, meeting_date: "2025-12-05", answer: "no", reason: null },
    ]);
    // The secretary's roll in the same batch already counts the answers given beside it.
    expect(replyText(results[1]!.replies)).toBe(await h.sayText(secretary, "/diemdanh"));
    // The absent member's next message is the reason, as after a press handled alone.
    expect(await h.sayText(no, "Đi công tác")).toBe("Đã ghi nhận: đồng chí vắng buổi sinh hoạt ngày 05/12/2025, lý do: Đi công tác.");
  });

  it("refuses /doilich to a member and bad dates, changing nothing", async () => {
    expect(await h.sayText(mai, "/doilich 7/12 19:30 lũ")).toContain("không có quyền");
    expect(await h.sayText(secretary, "/doilich 32/13 19:30")).toContain('Ngày "32/13" chưa đúng');
    expect(await h.sayText(secretary, "/doilich 7/12 25:00")).toContain('Giờ "25:00" chưa đúng');
    expect(await h.sayText(secretary, "/doilich")).toContain("Cách dùng: /doilich");
    expect(await h.db.db.selectFrom("meeting_override").selectAll().execute()).toEqual([]);
  });

  it("moves the meeting: old reminders withdrawn, everyone told, the new date shown", async () => {
    h.clock.now = vn("2025-12-02T10:00");
    // A reminder of the old date waiting in the outbox (a linked member on a messenger).
    const account = await h.db.db
      .insertInto("chat_account")
      .values({ channel: "fake", platform_user_id: "mai", chat_id: "mai", person_id: maiId, last_seen_at: h.clock.now })
      .returning("id")
      .executeTakeFirstOrThrow();
    const to = { accountId: account.id, channel: "fake", chatId: "mai" };
    await enqueueMessages(h.db.db, [{ key: `meet:${cellId}:2025-12-05:d0:${maiId}`, kind: "meeting.reminder", personId: maiId, orgId: cellId, to, payload: meetingNotice({ meeting: `${cellId}:2025-12-05` }), dueAt: vn("2025-12-05T07:00"), expiresAt: null }]);
    // The deputy uses the console only: named, with why the notice cannot reach them.
    const deputy = await h.db.db.selectFrom("role").select("person_id").where("org_id", "=", cellId).where("role", "=", "deputy_secretary").executeTakeFirstOrThrow();
    await ensureConsoleAccount(h.db.db, deputy.person_id, h.clock.now);
    const deputyName = (await h.db.db.selectFrom("person").select("full_name").where("id", "=", deputy.person_id).executeTakeFirstOrThrow()).full_name;
    const preview = await h.sayText(secretary, "/doilich 7/12 19:30 mưa lũ, đường ngập");
    expect(preview).toContain("Đổi lịch Chi bộ thôn Pò Lài: từ 19:30 ngày 05/12/2025 sang 19:30 ngày 07/12/2025. Lý do: mưa lũ, đường ngập.");
    expect(preview).toContain("1. Đổi lịch và báo mọi người");
    // Nobody is told before the secretary confirms.
    expect(await h.db.db.selectFrom("outbox").select("kind").where("kind", "=", "meeting.changed").execute()).toEqual([]);
    const text = await h.sayText(secretary, "1");
    expect(text).toContain("Đã đổi lịch Chi bộ thôn Pò Lài: từ 19:30 ngày 05/12/2025 sang 19:30 ngày 07/12/2025.");
    expect(text).toContain("Đã báo cho 1 người qua tin nhắn. Các nhắc nhở cũ đã được hủy.");
    // Those the notice cannot reach are named, so the secretary tells them in person.
    // The secretary making the change is not among those to tell.
    expect(text).toContain("10 người không nhận được tin qua Zalo/Telegram, đồng chí cần báo trực tiếp:");
    expect(text).toContain(`- ${deputyName} (chỉ liên kết bảng điều khiển, không nhận được tin nhắn)`);
    expect(text).not.toContain("Hoàng Văn Páo");
    expect(text).toContain("- Chu Văn Đức (chưa liên kết tài khoản)");
    expect(text).not.toContain("Vi Thị Mai");
    const rows = await h.db.db.selectFrom("outbox").select(["dedupe_key", "status", "kind"]).where("person_id", "=", maiId).orderBy("id").execute();
    expect(rows).toEqual([
      { dedupe_key: expect.stringMatching(new RegExp(`^meet:${cellId}:2025-12-05:d0:${maiId}#\\d+$`)), status: "cancelled", kind: "meeting.reminder" },
      { dedupe_key: expect.stringMatching(new RegExp(`^chg:${cellId}:\\d+:${maiId}$`)), status: "pending", kind: "meeting.changed" },
    ]);
    expect(await h.sayText(mai, "/lichhop")).toContain("Đã đổi lịch (lịch thường kỳ: 05/12/2025). Lý do: mưa lũ, đường ngập");
    const audit = await h.db.db.selectFrom("audit_log").select("action").where("action", "=", "meeting.reschedule").execute();
    expect(audit).toHaveLength(1);
  });

  it("tells the secretary that the cell's linked group got the notice too, and two groups by number", async () => {
    const secretaryId = (await findPersonByCode(h.db.db, DEMO_SECRETARY_CODE))!.id;
    await linkGroupChat(h.db.db, { channel: "telegram", chatId: "-1001234567890", cellId, linkedBy: secretaryId }, h.clock.now);
    h.clock.now = vn("2025-12-03T10:00");
    expect(await h.sayText(secretary, "/doilich 8/12 19:30 trùng họp thôn")).toContain("từ 19:30 ngày 07/12/2025 sang 19:30 ngày 08/12/2025");
    const text = await h.sayText(secretary, "đổi lịch và báo mọi người");
    expect(text).toContain("Đã báo cho 1 người qua tin nhắn và nhóm chat của chi bộ. Các nhắc nhở cũ đã được hủy.");
    expect(text).toContain("10 người không nhận được tin qua Zalo/Telegram");
    const groupRows = await h.db.db.selectFrom("outbox").select(["kind", "status"]).where("chat_id", "=", "-1001234567890").execute();
    expect(groupRows).toEqual([{ kind: "group.meeting.changed", status: "pending" }]);

    // At night the notice is queued for the end of quiet hours, and the reply says when.
    await linkGroupChat(h.db.db, { channel: "telegram", chatId: "-1009876543210", cellId, linkedBy: secretaryId }, h.clock.now);
    h.clock.now = vn("2025-12-03T23:00");
    expect(await h.sayText(secretary, "/doilich huy mưa bão", { languageHint: "en" })).toContain("When will the cell make it up?");
    const night = await h.sayText(secretary, "1", { languageHint: "en" });
    expect(night).toContain("the notice to 1 people and the cell's 2 group chats is queued for 07:00 on 04/12/2025");
    expect(night).toContain("10 people cannot be told on Zalo/Telegram; tell them in person:");
  });

  it("at night queues the notice for 07:00 and says so, names who cannot be told, and the morning tick adds nothing twice", async () => {
    h.clock.now = vn("2025-12-04T23:40");
    expect(await h.sayText(secretary, "/doilich 10/1 19:30 trùng đám cưới")).toContain("sang 19:30 ngày 10/01/2026");
    const text = await h.sayText(secretary, "1");
    expect(text).toContain("Bây giờ là giờ yên lặng ban đêm nên chưa gửi ngay: tin báo cho 1 người và 2 nhóm chat của chi bộ đã xếp lịch, sẽ gửi lúc 07:00 ngày 05/12/2025.");
    expect(text).toContain("10 người không nhận được tin qua Zalo/Telegram, đồng chí cần báo trực tiếp:");
    expect(text).toContain("- Lộc Văn Khoa (chưa liên kết tài khoản)");
    expect(text).not.toContain("Đã báo cho");
    const notices = () =>
      h.db.db
        .selectFrom("outbox")
        .select(["dedupe_key", "person_id", "status", "next_attempt_at"])
        .where("kind", "in", ["meeting.changed", "group.meeting.changed"])
        .where(sql<boolean>`payload->>'date' = '2026-01-10'`)
        .orderBy("id")
        .execute();
    const queued = await notices();
    // Everyone expected has a row: Mai's and the groups' wait for 07:00, the rest are stored unsent (no account).
    expect(queued.filter((r) => r.status === "pending").map((r) => r.person_id)).toEqual([maiId, null, null]);
    expect(queued.filter((r) => r.status === "skipped")).toHaveLength(11);
    for (const r of queued.filter((r) => r.status === "pending")) expect(r.next_attempt_at).toEqual(vn("2025-12-05T07:00"));
    // Nothing is sent in quiet hours; at 07:00 it is ready, and the morning's tick writes no second copy.
    const ours = new Set(queued.map((r) => r.dedupe_key));
    expect((await claimReady(h.db.db, vn("2025-12-05T06:59"), 100, ["fake", "telegram"])).filter((r) => ours.has(r.dedupe_key))).toEqual([]);
    await planIntoOutbox(h.db.db, { now: vn("2025-12-05T07:00"), since: vn("2025-12-05T06:59"), tz: "Asia/Ho_Chi_Minh" });
    expect(await notices()).toEqual(queued);
    const ready = await claimReady(h.db.db, vn("2025-12-05T07:00"), 100, ["fake", "telegram"]);
    expect(ready.filter((r) => ours.has(r.dedupe_key)).map((r) => r.person_id)).toEqual([maiId, null, null]);
  });
});
