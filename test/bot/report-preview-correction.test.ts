import { expect, it } from "vitest";
import type { BotHarness } from "../support/bot-harness.js";
import { describeEngines } from "../support/engines.js";
import { secretaryOfPoLai } from "../support/secretary-session.js";

/**
 * A correction typed under an open preview changes that draft (walk 3, D4), as "sửa lại" does a report
 * sent; a first report's preview marks each value with the one the preview before it showed.
 */
describeEngines("a correction typed while the preview is open", (engine) => {
  let h: BotHarness;
  let sec: string;
  let cellId: number;
  // 08/12/2025 09:00 local.
  secretaryOfPoLai(engine, new Date("2025-12-08T02:00:00Z"), (s) => ({ h, sec, cellId } = s));
  const stored = () => h.db.db.selectFrom("report_submission").select(["period", "data"]).where("org_id", "=", cellId).where("form", "=", "monthly-meeting").execute();

  it("updates the draft and shows it again with the values it replaces; the draft is sent as corrected", async () => {
    const preview = await h.sayText(sec, "bc sh cb t12: hop toi 5/12 19h30, co mat 6/6, vang 1 cld");
    expect(preview).toContain("⚠ Có mặt 6 + vắng 1 không khớp với 6 đảng viên phải dự.");

    const first = await h.sayText(sec, "nham, co mat 5 thoi");
    expect(first).not.toContain("Xin đồng chí chọn");
    expect(first).toContain("Tôi hiểu như sau");
    expect(first).toContain("• Số đảng viên có mặt: 5 (trước: 6)");
    expect(first).toContain("• Số đảng viên phải dự: 6\n");
    expect(first).not.toContain("không khớp");
    expect(first).toContain("1. Gửi báo cáo");

    // Each preview marks what changed since the one before it (walk 4, N8).
    expect(await h.sayText(sec, "sửa lại: có mặt 4")).toContain("• Số đảng viên có mặt: 4 (trước: 5)");
    const absences = await h.sayText(sec, "à nhầm vắng 2 có lý do");
    expect(absences).toContain("• Vắng có lý do: 2 (trước: 1)");
    expect(absences).toContain("• Số đảng viên có mặt: 4\n");
    expect(absences).not.toContain("chưa gửi được thay bằng báo cáo mới");

    expect(await h.sayText(sec, "Gửi báo cáo")).toContain("Đã lưu Báo cáo sinh hoạt chi bộ");
    expect(await stored()).toEqual([{ period: "2025-12", data: expect.objectContaining({ present: 4, members_expected: 6, absent_excused: 2, start_time: "19:30" }) }]);
  });

  it("under an update's preview, marks each value with the one on file", async () => {
    await h.sayText(sec, "bc sh cb t12: hop toi 5/12 19h30, co mat 9/10, vang 1 cld");
    await h.sayText(sec, "1");
    expect(await h.sayText(sec, "bc sh t12: hop 5/12, co mat 10/10")).toContain("• Số đảng viên có mặt: 10 (trước: 9)");
    const corrected = await h.sayText(sec, "sua lai: co mat 8");
    expect(corrected).toContain("Tin nhắn này sẽ CẬP NHẬT báo cáo đó");
    expect(corrected).toContain("• Số đảng viên có mặt: 8 (trước: 9)");
    expect(await h.sayText(sec, "1")).toContain("lần sửa thứ 1");
    expect((await stored())[0]!.data).toMatchObject({ present: 8 });
  });

  it("anything else typed keeps today's answer, and the draft as it was", async () => {
    await h.sayText(sec, "bc sh cb t12: hop toi 5/12 19h30, co mat 6/6, vang 1 cld");
    for (const text of ["ai chua nop bao cao?", "sửa lại tháng 10: có mặt 5"]) {
      const again = await h.sayText(sec, text);
      expect(again).toContain("Xin đồng chí chọn một trong các lựa chọn bên dưới.");
      expect(again).toContain("• Số đảng viên có mặt: 6\n");
      expect(again).not.toContain("trước:");
    }
    expect(await stored()).toEqual([]);
  });
});
