import { expect, it } from "vitest";
import { replyText, type BotHarness } from "../support/bot-harness.js";
import { describeEngines } from "../support/engines.js";
import { secretaryOfPoLai } from "../support/secretary-session.js";

/**
 * What a typed correction changes, and what it never swallows (walk 4, N3–N5, N7, N8): only the fields
 * it states (and what they force, shown), the names in it matched to the roll, a new report typed under
 * it answered as a report. (Pò Lài's roll: Hà Văn Nam, Vi Thị Mai, Vi Văn Hùng, two Páo.)
 */
describeEngines("a typed correction changes what it states, and nothing typed after it is lost", (engine) => {
  let h: BotHarness;
  let sec: string;
  let cellId: number;
  // 08/12/2025 09:00 local.
  secretaryOfPoLai(engine, new Date("2025-12-08T02:00:00Z"), (s) => ({ h, sec, cellId } = s));
  const stored = (form = "monthly-meeting") =>
    h.db.db.selectFrom("report_submission").select(["period", "data", "revision"]).where("org_id", "=", cellId).where("form", "=", form).execute();
  const REPORT = "bc sh cb t12: hop toi 5/12 19h30, co mat 9/10, vang 1 cld (dc Nam om)";

  it("matches the names a correction under the preview types, and drops the note of a name no longer in it (N3)", async () => {
    const first = await h.sayText(sec, "bc sh cb t12: hop toi 5/12 19h30, co mat 9/10, vang 1 cld (dc Pao om)");
    expect(first).toContain("sẽ ghi vào biên bản đúng như đã gõ: Pao.");
    const corrected = await h.sayText(sec, "sua lai: vang 1 cld (dc Mai om)");
    expect(corrected).toContain("• Người vắng: Vi Thị Mai (om) (trước: Pao (om))");
    expect(corrected).not.toContain("đúng như đã gõ");
    // A name that still fits nobody is said, as in a first report.
    expect(await h.sayText(sec, "nham, vang 1 cld la dc Tuan om")).toContain("sẽ ghi vào biên bản đúng như đã gõ: Tuan.");
    await h.sayText(sec, "nham, vang 1 cld la dc Hung om");
    expect(await h.sayText(sec, "Gửi báo cáo")).toContain("Đã lưu");
    expect((await stored())[0]!.data.absentees).toEqual([expect.objectContaining({ name: "Vi Văn Hùng", reason: "om" })]);
  });

  it("changes one absence count and leaves the other, under the preview and on a saved report (N4)", async () => {
    await h.sayText(sec, REPORT);
    const draft = await h.sayText(sec, "sửa lại: Vắng không lý do: 1");
    expect(draft).toContain("• Vắng có lý do: 1\n");
    expect(draft).toContain("• Vắng không lý do: 1 (trước: 0)");
    expect(draft).toContain("• Người vắng: Hà Văn Nam (om)\n");
    expect(draft).toContain("⚠ Có mặt 9 + vắng 2 không khớp với 10 đảng viên phải dự.");

    await h.sayText(sec, "/huy");
    await h.sayText(sec, REPORT);
    await h.sayText(sec, "Gửi báo cáo");
    const update = await h.sayText(sec, "sua lai: vang khong ly do 1");
    expect(update).toContain("• Vắng có lý do: 1\n");
    expect(update).toContain("• Vắng không lý do: 1 (trước: 0)");
    expect(await h.sayText(sec, "1")).toContain("lần sửa thứ 1");
    expect((await stored())[0]!.data).toMatchObject({ absent_excused: 1, absent_unexcused: 1, absentees: [expect.objectContaining({ name: "Hà Văn Nam" })] });
  });

  it("'không ai vắng' leaves no absentee named, and the preview shows the one it drops (N4)", async () => {
    await h.sayText(sec, REPORT);
    const nobody = await h.sayText(sec, "nham, co mat 10 thoi, khong ai vang");
    expect(nobody).toContain("• Vắng có lý do: 0 (trước: 1)");
    expect(nobody).toContain("• Người vắng: — (trước: Hà Văn Nam (om))");
    // Its "Gửi báo cáo" pressed twice (a value cleared in the preview is left out of the stored report): saved once, then said so.
    const last = await h.say(sec, "nham, co mat 10 thoi, khong ai vang");
    const send = last.replies.flatMap((r) => r.choices ?? []).find((c) => c.label === "Gửi báo cáo")!;
    expect(replyText((await h.say(sec, "", { text: undefined, action: send.action })).replies)).toContain("Đã lưu");
    expect(replyText((await h.say(sec, "", { text: undefined, action: send.action })).replies)).toContain("này đã được lưu lúc 09:00 ngày 08/12/2025");
    const data = (await stored())[0]!.data;
    expect(data).toMatchObject({ present: 10, absent_excused: 0 });
    expect(data.absentees).toBeUndefined();
  });

  it("answers a new report typed under a saved report's correction preview, which is set aside (N5)", async () => {
    await h.sayText(sec, REPORT);
    await h.sayText(sec, "Gửi báo cáo");
    expect(await h.sayText(sec, "sua lai: co mat 8")).toContain("• Số đảng viên có mặt: 8 (trước: 9)");
    const dues = await h.sayText(sec, "Đp tháng 11: 10 đv thu đủ 10, tổng 200.000đ");
    expect(dues).toContain("Phần sửa Báo cáo sinh hoạt chi bộ tháng 12/2025 chưa lưu đã được bỏ, báo cáo đã lưu vẫn giữ nguyên.");
    expect(dues).toContain("Thu nộp đảng phí");
    expect(dues).not.toContain("Xin đồng chí chọn");
    expect(await h.sayText(sec, "1")).toContain("Đã lưu Thu nộp đảng phí");
    expect(await stored("party-dues")).toEqual([expect.objectContaining({ period: "2025-11", data: expect.objectContaining({ paid: 10, amount_vnd: 200000 }) })]);
    expect(await stored()).toEqual([expect.objectContaining({ revision: 1, data: expect.objectContaining({ present: 9 }) })]);
  });

  it("offers a way back and out in the field list; 'huy' there cancels (N7)", async () => {
    await h.sayText(sec, REPORT);
    const list = await h.sayText(sec, "Sửa một mục");
    expect(list).toContain("Sửa mục nào?");
    expect(list).toMatch(/\d+\. Quay lại bản xem trước\n\d+\. Hủy$/);
    expect(await h.sayText(sec, "Quay lại bản xem trước")).toContain("Đồng chí kiểm tra lại và xác nhận gửi báo cáo?");
    await h.sayText(sec, "Sửa một mục");
    expect(await h.sayText(sec, "huy")).toBe("Đã hủy báo cáo, không có gì được lưu.");
    expect(await stored()).toEqual([]);
  });

  it("says a saved report's correction will update it, and that leaving it keeps the report as saved (N8)", async () => {
    await h.sayText(sec, REPORT);
    await h.sayText(sec, "Gửi báo cáo");
    const preview = await h.sayText(sec, "sua lai: co mat 8");
    expect(preview).toContain("Tin nhắn này sẽ CẬP NHẬT báo cáo đó");
    expect(preview).toContain("Đồng chí kiểm tra lại và xác nhận cập nhật báo cáo?");
    expect(await h.sayText(sec, "Hủy")).toBe("Đã bỏ phần sửa. Báo cáo sinh hoạt chi bộ tháng 12/2025 đã lưu vẫn giữ nguyên.");
    expect(await stored()).toEqual([expect.objectContaining({ revision: 1, data: expect.objectContaining({ present: 9 }) })]);
  });

  it("marks a first report's value with the one the last preview showed (N8)", async () => {
    await h.sayText(sec, "bc sh cb t12: hop toi 5/12 19h30, co mat 8/10, vang 2 cld");
    expect(await h.sayText(sec, "nham, co mat 9 thoi")).toContain("• Số đảng viên có mặt: 9 (trước: 8)");
    expect(await h.sayText(sec, "sua lai: co mat 8")).toContain("• Số đảng viên có mặt: 8 (trước: 9)");
  });
});
