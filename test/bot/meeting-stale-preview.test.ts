import { afterAll, beforeAll, expect, it } from "vitest";
import { DEMO_SECRETARY_CODE } from "../../src/db/demo-seed.js";
import { findOrgByCode } from "../../src/db/org.repository.js";
import type { Choice } from "../../src/messaging/message.js";
import { botHarness, choiceLabelled, replyText, type BotHarness } from "../support/bot-harness.js";
import { describeEngines } from "../support/engines.js";

const vn = (local: string) => new Date(`${local}:00+07:00`);

/**
 * A `/doilich` preview's buttons act only on the change they show (walk 4, N1: "Đổi lịch và báo mọi người"
 * under the 14/12 preview moved the meeting to the 15/12 typed after it and told everyone 15/12).
 */
describeEngines("/doilich: an older preview's buttons change nothing", (engine) => {
  let h: BotHarness;
  let sec: string;
  let cellId: number;
  const overrides = () => h.db.db.selectFrom("meeting_override").select(["new_date", "new_time", "cancelled", "reason"]).where("org_id", "=", cellId).orderBy("id").execute();
  const notices = () => h.db.db.selectFrom("outbox").select("kind").where("kind", "in", ["meeting.changed", "meeting.cancelled"]).execute();
  const choice = choiceLabelled;
  const press = (c: Choice) => h.say(sec, "", { text: undefined, action: c.action });

  beforeAll(async () => {
    h = await botHarness(engine, { now: vn("2025-12-01T10:00") });
    cellId = (await findOrgByCode(h.db.db, "DEMO-CB-POLAI"))!.id;
    sec = await h.as(DEMO_SECRETARY_CODE);
  });
  afterAll(() => h.close());

  it("'Đổi lịch và báo mọi người' under the first of two previews moves nothing, says which it was and shows the open one", async () => {
    const first = await h.say(sec, "/doilich 7/12 19:30 lũ");
    expect(replyText(first.replies)).toContain("sang 19:30 ngày 07/12/2025. Lý do: lũ.");
    const second = await h.say(sec, "/doilich 8/12 19h lý do khác");
    expect(replyText(second.replies)).toContain("sang 19:00 ngày 08/12/2025. Lý do: lý do khác.");
    for (const c of [...first.replies, ...second.replies].flatMap((r) => r.choices ?? [])) expect(Buffer.byteLength(c.action)).toBeLessThanOrEqual(64);

    const stale = await press(choice(first, "Đổi lịch và báo mọi người"));
    const text = replyText(stale.replies);
    expect(text).toContain("Bản xem trước đổi lịch sang 19:30 ngày 07/12/2025 đã cũ");
    expect(text).toContain("lịch chưa đổi, chưa báo cho ai");
    // The open preview again, last, with buttons that work; the pressed keyboard goes unmarked.
    expect(text).toContain("sang 19:00 ngày 08/12/2025. Lý do: lý do khác.");
    expect(stale.pressed).toBe("expired");
    expect(await overrides()).toEqual([]);
    expect(await notices()).toEqual([]);

    // Its "Không đổi" does not drop the open change either.
    const keep = await press(choice(first, "Không đổi"));
    expect(replyText(keep.replies)).toContain("đã cũ");
    expect(replyText(keep.replies)).not.toContain("Lịch sinh hoạt giữ nguyên");

    // The numbered answer (Zalo) answers the list shown last: the open preview.
    expect(await h.sayText(sec, "1")).toContain("Đã đổi lịch Chi bộ thôn Pò Lài: từ 19:30 ngày 05/12/2025 sang 19:00 ngày 08/12/2025.");
    expect(await overrides()).toEqual([{ new_date: "2025-12-08", new_time: "19:00", cancelled: false, reason: "lý do khác" }]);
    const told = (await notices()).length;
    expect(told).toBeGreaterThan(0);

    // A second tap on the button that made the change says it is made; the first preview's, that it is old.
    const again = await press(choice(stale, "Đổi lịch và báo mọi người"));
    expect(replyText(again.replies)).toContain("Lịch đã được đổi sang 19:00 ngày 08/12/2025 rồi");
    expect(again.pressed).toBe("expired");
    const old = await press(choice(first, "Đổi lịch và báo mọi người"));
    expect(replyText(old.replies)).toContain("Bản xem trước đổi lịch sang 19:30 ngày 07/12/2025 đã cũ");
    expect(replyText(old.replies)).toContain("không có gì thay đổi");
    expect(await overrides()).toHaveLength(1);
    expect(await notices()).toHaveLength(told);
  });

  it("a cancellation's 'Hủy, chưa có ngày bù' pressed after the make-up date was typed cancels nothing", async () => {
    const cancel = await h.say(sec, "/doilich huy mưa bão");
    expect(replyText(cancel.replies)).toContain("Hủy buổi sinh hoạt ngày 08/12/2025");
    expect(replyText((await h.say(sec, "12/12")).replies)).toContain("sang 19:00 ngày 12/12/2025. Lý do: mưa bão.");
    const stale = await press(choice(cancel, "Hủy, chưa có ngày bù"));
    expect(replyText(stale.replies)).toContain("Bản xem trước hủy buổi sinh hoạt đã cũ");
    expect(replyText(stale.replies)).toContain("sang 19:00 ngày 12/12/2025");
    expect((await overrides()).filter((o) => o.cancelled)).toEqual([]);
    expect(await h.sayText(sec, "Đổi lịch và báo mọi người")).toContain("sang 19:00 ngày 12/12/2025.");
    expect((await overrides()).at(-1)).toEqual({ new_date: "2025-12-12", new_time: "19:00", cancelled: false, reason: "mưa bão" });
  });
});
