import { beforeAll, beforeEach, expect, it } from "vitest";
import { ensureConsoleAccount } from "../../src/services/console-account.service.js";
import type { BotHarness } from "../support/bot-harness.js";
import { replyText } from "../support/bot-harness.js";
import { describeEngines } from "../support/engines.js";
import { secretaryOfPoLai } from "../support/secretary-session.js";

/** The action of a preview's first choice (its confirm button) in a turn's replies. */
function confirmOf(replies: { choices?: { label: string; action: string }[] }[]): string {
  const action = replies.flatMap((r) => r.choices ?? [])[0]?.action;
  expect(action, JSON.stringify(replies)).toMatch(/^rp:ok:/);
  return action!;
}

describeEngines("a saved report's correction is confirmed on the version it was built on", (engine) => {
  let h: BotHarness;
  let sec: string;
  let cellId: number;
  let deputy: string;
  let deputyName: string;
  const stored = async () => (await h.db.db.selectFrom("report_submission").selectAll().where("org_id", "=", cellId).execute())[0]!;

  // 08:00 in Hà Nội, the morning after a 5/11 meeting
  secretaryOfPoLai(engine, new Date("2025-11-06T01:00:00Z"), (s) => ({ h, sec, cellId } = s));
  beforeAll(async () => {
    const role = await h.db.db.selectFrom("role").select("person_id").where("org_id", "=", cellId).where("role", "=", "deputy_secretary").executeTakeFirstOrThrow();
    deputy = await ensureConsoleAccount(h.db.db, role.person_id, h.clock.now);
    deputyName = (await h.db.db.selectFrom("person").select("full_name").where("id", "=", role.person_id).executeTakeFirstOrThrow()).full_name;
  });
  beforeEach(async () => {
    await h.sayText(deputy, "/huy");
    await h.sayText(sec, "bc sh cb t11: hop toi 5/11 19h30, co mat 10/10");
    expect(await h.sayText(sec, "1")).toContain("Đã lưu");
  });

  it("labels the confirm button of a correction's preview as an update", async () => {
    const preview = await h.sayText(sec, "sửa lại: có mặt 9, vắng 1 có lý do");
    expect(preview).toContain("xác nhận cập nhật báo cáo");
    expect(preview).toContain("1. Cập nhật báo cáo");
    expect(preview).not.toContain("Gửi báo cáo");
    expect(await h.sayText(sec, "Cập nhật báo cáo")).toContain("lần sửa thứ 1");
    expect((await stored()).data).toMatchObject({ present: 9, absent_excused: 1 });
  });

  it("still sends on 'gửi báo cáo' typed under a correction's preview, the words a secretary has always typed", async () => {
    await h.sayText(sec, "sửa lại: có mặt 9, vắng 1 có lý do");
    expect(await h.sayText(sec, "gửi báo cáo")).toContain("lần sửa thứ 1");
    expect((await stored()).data).toMatchObject({ present: 9, absent_excused: 1 });
  });

  it("saves nothing when the deputy changed the report after the preview, says what changed, and shows the correction on the new version", async () => {
    const first = await h.say(sec, "sửa lại: có mặt 9, vắng 1 có lý do");
    const oldConfirm = confirmOf(first.replies);

    // The deputy, on another account, corrects the same report meanwhile.
    expect(await h.sayText(deputy, "sửa lại: họp lúc 20h")).toContain("Giờ bắt đầu: 20:00 (trước: 19:30)");
    expect(await h.sayText(deputy, "1")).toContain("lần sửa thứ 1");
    expect(await stored()).toMatchObject({ revision: 2 });

    const pressed = await h.say(sec, "", { text: undefined, action: oldConfirm });
    const answer = replyText(pressed.replies);
    expect(pressed.pressed).toBe("expired");
    expect(answer).toContain(`Chưa lưu phần sửa: sau khi đồng chí mở bản xem trước, báo cáo này đã được sửa (đ/c ${deputyName}, lúc 08:00 ngày 06/11/2025)`);
    expect(answer).toContain("Những mục đã thay đổi:\n• Giờ bắt đầu: 20:00 (trước: 19:30)");
    // The fresh preview: the secretary's change over the deputy's, the deputy's kept.
    expect(answer).toContain("• Số đảng viên có mặt: 9 (trước: 10)");
    expect(answer).toContain("• Giờ bắt đầu: 20:00\n");
    // Nothing written over the deputy's version.
    const kept = await stored();
    expect(kept).toMatchObject({ revision: 2 });
    expect(kept.data).toMatchObject({ present: 10, start_time: "20:00" });

    // The old preview's button still does nothing; the fresh one saves both changes.
    const again = await h.say(sec, "", { text: undefined, action: oldConfirm });
    expect(again.pressed).toBe("expired");
    expect((await stored()).revision).toBe(2);
    const saved = await h.say(sec, "", { text: undefined, action: confirmOf(pressed.replies) });
    expect(replyText(saved.replies)).toContain("lần sửa thứ 2");
    const now = await stored();
    expect(now).toMatchObject({ revision: 3 });
    expect(now.data).toMatchObject({ present: 9, absent_excused: 1, start_time: "20:00" });
  });

  it("an update (a new report for the period) confirmed after the deputy changed the report saves nothing, says what changed, and shows the update over the new version", async () => {
    const first = await h.say(sec, "bc sh cb t11: hop toi 5/11 19h30, co mat 9/10, vang 1 co ly do");
    expect(replyText(first.replies)).toContain("Tin nhắn này sẽ CẬP NHẬT báo cáo đó");
    const oldConfirm = confirmOf(first.replies);

    expect(await h.sayText(deputy, "sửa lại: họp lúc 20h")).toContain("Giờ bắt đầu: 20:00 (trước: 19:30)");
    expect(await h.sayText(deputy, "1")).toContain("lần sửa thứ 1");

    const pressed = await h.say(sec, "", { text: undefined, action: oldConfirm });
    const answer = replyText(pressed.replies);
    expect(pressed.pressed).toBe("expired");
    expect(answer).not.toContain("gửi lại tin nhắn");
    expect(answer).toContain(`Chưa lưu phần cập nhật: sau khi đồng chí mở bản xem trước, báo cáo này đã được sửa (đ/c ${deputyName}, lúc 08:00 ngày 06/11/2025)`);
    expect(answer).toContain("Những mục đã thay đổi:\n• Giờ bắt đầu: 20:00 (trước: 19:30)");
    expect(answer).toContain("• Số đảng viên có mặt: 9 (trước: 10)");
    expect(answer).toContain("• Giờ bắt đầu: 20:00\n");
    const kept = await stored();
    expect(kept).toMatchObject({ revision: 2 });
    expect(kept.data).toMatchObject({ present: 10, start_time: "20:00" });

    expect((await h.say(sec, "", { text: undefined, action: oldConfirm })).pressed).toBe("expired");
    const saved = await h.say(sec, "", { text: undefined, action: confirmOf(pressed.replies) });
    expect(replyText(saved.replies)).toContain("lần sửa thứ 2");
    const now = await stored();
    expect(now).toMatchObject({ revision: 3 });
    expect(now.data).toMatchObject({ present: 9, absent_excused: 1, start_time: "20:00" });
  });

  it("a guided update (/baocao) confirmed after the deputy changed the report saves nothing and shows the answers over the new version", async () => {
    // Every stored answer kept ("Giữ: …", else skipped), but 9 present and 1 absent with leave.
    const answers = ["Giữ: 05/11/2025", "Giữ: 19:30", "Giữ: Thường kỳ", "Giữ: 10", "9", "1", "Giữ: 0", "Bỏ qua", "Bỏ qua", "Giữ: Nhà văn hóa thôn Pò Lài", "Bỏ qua", "Bỏ qua"];
    await h.sayText(sec, "/baocao sinh hoat");
    let reply = "";
    for (const answer of answers) reply = await h.sayText(sec, answer);
    expect(reply).toContain("Cập nhật báo cáo");
    await h.sayText(deputy, "sửa lại: họp lúc 20h");
    await h.sayText(deputy, "1");
    const answer = await h.sayText(sec, "Cập nhật báo cáo");
    expect(answer).toContain("Chưa lưu phần cập nhật");
    expect(answer).toContain("• Giờ bắt đầu: 20:00 (trước: 19:30)");
    expect((await stored()).revision).toBe(2);
  });

  it("says so when the same field was changed by both, and the secretary's value is what the fresh preview offers", async () => {
    await h.sayText(sec, "sửa lại: có mặt 9, vắng 1 có lý do");
    await h.sayText(deputy, "sửa lại: có mặt 8, vắng 2 có lý do");
    await h.sayText(deputy, "1");
    const answer = await h.sayText(sec, "1");
    expect(answer).toContain("• Số đảng viên có mặt: 8 (trước: 10)");
    expect(answer).toContain("• Số đảng viên có mặt: 9 (trước: 8)");
    expect((await stored()).data).toMatchObject({ present: 8, absent_excused: 2 });
    await h.sayText(sec, "1");
    expect((await stored()).data).toMatchObject({ present: 9, absent_excused: 1 });
  });
});
