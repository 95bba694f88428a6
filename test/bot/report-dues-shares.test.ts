import { expect, it } from "vitest";
import type { BotHarness } from "../support/bot-harness.js";
import { describeEngines } from "../support/engines.js";
import { secretaryOfPoLai } from "../support/secretary-session.js";

/**
 * A dues report's correction that changes the amount collected (or remitted) never keeps a share of it
 * that no longer adds up: the cell's share worked out from the amount remitted is worked out again; a
 * share the secretary typed on its own is asked again.
 */
describeEngines("a dues correction changing the amount: the cell's share follows it", (engine) => {
  let h: BotHarness;
  let sec: string;
  let cellId: number;
  secretaryOfPoLai(engine, new Date("2025-11-20T03:00:00Z"), (s) => ({ h, sec, cellId } = s));
  const stored = async () => (await h.db.db.selectFrom("report_submission").select(["data", "revision"]).where("org_id", "=", cellId).where("form", "=", "party-dues").executeTakeFirstOrThrow());

  it("'Sửa một mục' on the amount collected: the share kept is the new amount less the amount remitted, shown, stored", async () => {
    await h.sayText(sec, "Đp tháng 11: 10 đv thu đủ 10, tổng 300.000đ, đã nộp ĐUX 210.000đ ngày 18/11");
    expect(await h.sayText(sec, "1")).toContain("Đã lưu");
    expect((await stored()).data).toMatchObject({ amount_vnd: 300000, remitted_vnd: 210000, retained_vnd: 90000 });

    await h.sayText(sec, "sửa lại: đã nộp ĐUX ngày 19/11");
    expect(await h.sayText(sec, "Sửa một mục")).toContain("Tổng số tiền");
    await h.sayText(sec, "Tổng số tiền");
    const preview = await h.sayText(sec, "330000");
    expect(preview).toContain("• Tổng số tiền: 330.000 đ (trước: 300.000 đ)");
    expect(preview).toContain("• Số tiền chi bộ giữ lại: 120.000 đ (trước: 90.000 đ)");
    expect(preview).not.toContain("không bằng tổng thu");
    expect(await h.sayText(sec, "Cập nhật báo cáo")).toContain("lần sửa thứ 1");
    expect((await stored()).data).toMatchObject({ amount_vnd: 330000, remitted_vnd: 210000, retained_vnd: 120000, remitted_date: "2025-11-19" });
  });

  it("'Sửa một mục' on the amount remitted: the share kept is worked out again", async () => {
    await h.sayText(sec, "Đp tháng 11: 10 đv thu đủ 10, tổng 300.000đ, đã nộp ĐUX 210.000đ ngày 18/11");
    await h.sayText(sec, "1");
    await h.sayText(sec, "sửa lại: đã nộp ĐUX ngày 19/11");
    await h.sayText(sec, "Sửa một mục");
    await h.sayText(sec, "Số tiền nộp lên Đảng ủy");
    const preview = await h.sayText(sec, "200000");
    expect(preview).toContain("• Số tiền chi bộ giữ lại: 100.000 đ (trước: 90.000 đ)");
    await h.sayText(sec, "Cập nhật báo cáo");
    expect((await stored()).data).toMatchObject({ amount_vnd: 300000, remitted_vnd: 200000, retained_vnd: 100000 });
  });

  it("a share the secretary typed with no amount remitted is asked again when the amount changes; nothing stale is stored", async () => {
    await h.sayText(sec, "Đp tháng 11: 10 đv thu đủ 10, tổng 300.000đ, chi bộ giữ lại 90.000đ");
    expect(await h.sayText(sec, "1")).toContain("Đã lưu");
    expect((await stored()).data).toMatchObject({ amount_vnd: 300000, retained_vnd: 90000 });
    expect((await stored()).data.remitted_vnd).toBeUndefined();

    const asked = await h.sayText(sec, "sửa lại: tổng 330.000đ");
    expect(asked).toContain("Tổng số tiền đổi từ 300.000 đ thành 330.000 đ, nên số chi bộ giữ lại (90.000 đ) cần ghi lại.");
    expect(asked).toContain("Chi bộ giữ lại bao nhiêu tiền?");
    const preview = await h.sayText(sec, "99000");
    expect(preview).toContain("• Số tiền chi bộ giữ lại: 99.000 đ (trước: 90.000 đ)");
    expect(await h.sayText(sec, "Cập nhật báo cáo")).toContain("lần sửa thứ 1");
    expect((await stored()).data).toMatchObject({ amount_vnd: 330000, retained_vnd: 99000 });
  });

  it("a new report for the period (an update) giving another amount asks a typed share again too, rather than dropping it unsaid", async () => {
    await h.sayText(sec, "Đp tháng 11: 10 đv thu đủ 10, tổng 300.000đ, chi bộ giữ lại 90.000đ");
    await h.sayText(sec, "1");
    const asked = await h.sayText(sec, "Đp tháng 11: 10 đv thu đủ 10, tổng 330.000đ");
    expect(asked).toContain("Tin nhắn này sẽ CẬP NHẬT báo cáo đó");
    expect(asked).toContain("Tổng số tiền đổi từ 300.000 đ thành 330.000 đ, nên số chi bộ giữ lại (90.000 đ) cần ghi lại.");
    expect(asked).toContain("Chi bộ giữ lại bao nhiêu tiền?");
    expect(await h.sayText(sec, "100000")).toContain("• Số tiền chi bộ giữ lại: 100.000 đ (trước: 90.000 đ)");
    await h.sayText(sec, "Cập nhật báo cáo");
    expect((await stored()).data).toMatchObject({ amount_vnd: 330000, retained_vnd: 100000 });
  });

  it("asked again and skipped: the old share is not stored", async () => {
    await h.sayText(sec, "Đp tháng 11: 10 đv thu đủ 10, tổng 300.000đ, chi bộ giữ lại 90.000đ");
    await h.sayText(sec, "1");
    await h.sayText(sec, "sửa lại: tổng 330.000đ");
    const preview = await h.sayText(sec, "Bỏ qua");
    expect(preview).not.toContain("90.000 đ\n");
    expect(preview).toContain("Cập nhật báo cáo");
    await h.sayText(sec, "Cập nhật báo cáo");
    const data = (await stored()).data;
    expect(data).toMatchObject({ amount_vnd: 330000 });
    expect(data.retained_vnd).toBeUndefined();
  });
});
