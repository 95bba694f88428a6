import { expect, it } from "vitest";
import type { Choice } from "../../src/messaging/message.js";
import { choiceLabelled, replyText, type BotHarness } from "../support/bot-harness.js";
import { describeEngines } from "../support/engines.js";
import { secretaryOfPoLai } from "../support/secretary-session.js";

/**
 * A report's buttons name the draft and the screen they were shown on: "Gửi báo cáo" under a preview
 * sends that preview or nothing (walk 3, D1: after a restart an October preview's button stored the
 * November update typed after it).
 */
describeEngines("a report's buttons act only on the screen they were shown on", (engine) => {
  let h: BotHarness;
  let sec: string;
  let cellId: number;
  // 08/12/2025 09:00 local.
  secretaryOfPoLai(engine, new Date("2025-12-08T02:00:00Z"), (s) => ({ h, sec, cellId } = s));

  const choice = choiceLabelled;
  const press = (c: Choice) => h.say(sec, "", { text: undefined, action: c.action });
  const dues = () => h.db.db.selectFrom("report_submission").select(["period", "data", "revision"]).where("org_id", "=", cellId).where("form", "=", "party-dues").orderBy("period").execute();

  it("an older preview's 'Gửi báo cáo', pressed after it was cancelled and another report opened, stores nothing and says which it was", async () => {
    await h.say(sec, "Đp tháng 11: 3 đv thu đủ 3, tổng 60.000đ, đã nộp ĐUX ngày 18/11");
    expect(replyText((await h.say(sec, "Gửi báo cáo")).replies)).toContain("Đã lưu Thu nộp đảng phí");
    const october = await h.say(sec, "Đp tháng 10: 3 đv thu đủ 3, tổng 60.000đ, nộp ĐUX 20/10");
    expect(replyText(october.replies)).toContain("tháng 10/2025");
    const sendOctober = choice(october, "Gửi báo cáo");
    // Every button of a report fits Telegram's callback data.
    for (const c of october.replies.flatMap((r) => r.choices ?? [])) expect(Buffer.byteLength(c.action)).toBeLessThanOrEqual(64);
    await h.say(sec, "/huy");
    const november = await h.say(sec, "Đp tháng 11: 3 đv, thu 2, tổng 40.000đ");
    expect(replyText(november.replies)).toContain("(trước: 60.000 đ)");

    const pressed = await press(sendOctober);
    const text = replyText(pressed.replies);
    expect(text).toContain("Bản xem trước Thu nộp đảng phí tháng 10/2025 đã cũ");
    expect(text).toContain("Không có gì được lưu hay thay đổi");
    expect(text).toContain("Báo cáo đang chờ đồng chí là Thu nộp đảng phí tháng 11/2025");
    // The pressed keyboard goes; the open report is shown again, with buttons that work.
    expect(pressed.pressed).toBe("expired");
    expect(text).toContain("Tổng số tiền: 40.000 đ (trước: 60.000 đ)");
    expect(await dues()).toEqual([{ period: "2025-11", data: expect.objectContaining({ paid: 3, amount_vnd: 60_000 }), revision: 1 }]);

    // Its "Hủy" and "Sửa một mục" do nothing to the open report either.
    await press(choice(october, "Hủy"));
    const edit = await press(choice(october, "Sửa một mục"));
    expect(replyText(edit.replies)).toContain("đã cũ");
    expect(replyText(edit.replies)).not.toContain("Sửa mục nào?");

    const sent = await press(choice(pressed, "Cập nhật báo cáo"));
    expect(replyText(sent.replies)).toContain("Đã cập nhật Thu nộp đảng phí của Chi bộ thôn Pò Lài, tháng 11/2025 (lần sửa thứ 1)");
    expect(await dues()).toEqual([{ period: "2025-11", data: expect.objectContaining({ paid: 2, amount_vnd: 40_000 }), revision: 2 }]);
  });

  it("a preview replaced by a changed one of the same draft: its buttons are refused, the latest is shown", async () => {
    const first = await h.say(sec, "dp t11: thu 8/10 dv, tong 960k, da nop DUX 480k ngay 18/11");
    const fields = await press(choice(first, "Sửa một mục"));
    await press(choice(fields, "Số đảng viên đã đóng"));
    const changed = await h.say(sec, "9");
    expect(replyText(changed.replies)).toContain("Số đảng viên đã đóng: 9");

    const stale = await press(choice(first, "Gửi báo cáo"));
    expect(replyText(stale.replies)).toContain("Bản xem trước Thu nộp đảng phí tháng 11/2025 đã cũ: báo cáo đã được sửa sau đó");
    expect(replyText(stale.replies)).toContain("Số đảng viên đã đóng: 9");
    expect(stale.pressed).toBe("expired");
    expect(await dues()).toEqual([]);
    // The same preview shown again keeps working.
    expect(replyText((await press(choice(changed, "Gửi báo cáo"))).replies)).toContain("Đã lưu Thu nộp đảng phí");
    expect((await dues())[0]!.data).toMatchObject({ paid: 9 });
  });

  it("a question's 'Giữ' pressed after the question was answered is not taken for the next one", async () => {
    const date = await h.say(sec, "/baocao sh");
    await h.say(sec, "5/12");
    const next = await h.say(sec, "19h30");
    const stale = await press(choice(date, "Giữ: 05/12/2025"));
    expect(replyText(stale.replies)).toContain("Câu hỏi của Báo cáo sinh hoạt chi bộ tháng 12/2025 đã cũ");
    // The open question is asked again, unanswered.
    expect(replyText(stale.replies)).toContain(next.replies.at(-1)!.text);
  });

  it("a typed digit answers the list shown last: the report that replaced the older one", async () => {
    await h.say(sec, "dp t10: thu 10/10 dv, tong 1.200k");
    const replaced = replyText((await h.say(sec, "dp t11: thu 8/10 dv, tong 960k")).replies);
    expect(replaced).toContain("chưa gửi được thay bằng báo cáo mới");
    expect(replyText((await h.say(sec, "1")).replies)).toContain("Đã lưu Thu nộp đảng phí của Chi bộ thôn Pò Lài, tháng 11/2025");
    expect((await dues()).map((r) => r.period)).toEqual(["2025-11"]);
  });

  it("a second press of a preview just sent says it is saved, and when (walk 4, N6); nothing is stored twice", async () => {
    const preview = await h.say(sec, "dp t11: thu 8/10 dv, tong 960k");
    const send = choice(preview, "Gửi báo cáo");
    expect(replyText((await press(send)).replies)).toContain("Đã lưu Thu nộp đảng phí");
    for (const again of [await press(send), await press(send)]) {
      const text = replyText(again.replies);
      expect(text).toBe("Thu nộp đảng phí tháng 11/2025 này đã được lưu lúc 09:00 ngày 08/12/2025. Không cần gửi lại.");
      expect(again.pressed).toBe("expired");
    }
    expect((await dues()).map((r) => r.revision)).toEqual([1]);
  });

  it("a press on a preview cancelled, or one whose values were not the ones sent, is refused as out of date", async () => {
    const cancelled = await h.say(sec, "dp t11: thu 8/10 dv, tong 960k");
    await press(choice(cancelled, "Hủy"));
    const sent = await h.say(sec, "dp t11: thu 9/10 dv, tong 1.080k");
    await press(choice(sent, "Gửi báo cáo"));
    const old = replyText((await press(choice(cancelled, "Gửi báo cáo"))).replies);
    expect(old).toContain("Bản xem trước Thu nộp đảng phí tháng 11/2025 đã cũ (báo cáo đó đã gửi, đã hủy hoặc đã được thay bằng báo cáo khác)");
    expect(old).not.toContain("đã được lưu lúc");
    expect((await dues()).map((r) => r.data)).toEqual([expect.objectContaining({ paid: 9 })]);
  });
});
