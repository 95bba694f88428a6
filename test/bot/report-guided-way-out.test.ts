import { expect, it } from "vitest";
import { replyText, type BotHarness } from "../support/bot-harness.js";
import { describeEngines } from "../support/engines.js";
import { secretaryOfPoLai } from "../support/secretary-session.js";

/** Nobody is trapped in a report's questions (walk 3, D6): a question or a command is answered, the form kept and asked again. */
describeEngines("a question or command typed in the middle of a report's questions", (engine) => {
  let h: BotHarness;
  let sec: string;
  // 09/12/2025 02:30 local; Pò Lài meets on the 5th.
  secretaryOfPoLai(engine, new Date("2025-12-08T19:30:00Z"), (s) => ({ h, sec } = s));

  it("a remark with no figures dated off the schedule says so before asking about that meeting", async () => {
    const read = await h.sayText(sec, "hom qua chi bo hop roi nhe");
    expect(read).toContain("• Ngày sinh hoạt: 08/12/2025");
    expect(read).toContain("⚠ Ngày sinh hoạt 08/12/2025 khác lịch sinh hoạt của chi bộ (05/12/2025).");
    expect(read.indexOf("khác lịch")).toBeLessThan(read.indexOf("Chi bộ có bao nhiêu đảng viên phải dự?"));
    // On the scheduled day, nothing is said.
    await h.sayText(sec, "/huy");
    expect(await h.sayText(sec, "bc sh t12: hop 5/12, co mat 9")).not.toContain("khác lịch");
  });

  it("a question is answered, then the open question comes again with the way out; the answer still fills the form", async () => {
    await h.sayText(sec, "hom qua chi bo hop roi nhe");
    const asked = await h.say(sec, "ai chua nop bao cao?");
    const text = replyText(asked.replies);
    expect(text).not.toContain("Tôi chưa đọc được số");
    expect(text).toContain("/xembaocao");
    expect(text).toContain("Báo cáo sinh hoạt chi bộ tháng 12/2025 đang làm dở vẫn được giữ. Xin trả lời tiếp câu hỏi dưới đây, hoặc gõ Hủy để thôi.");
    expect(asked.replies.at(-1)!.text).toContain("Chi bộ có bao nhiêu đảng viên phải dự?");
    expect(await h.sayText(sec, "10")).toContain("Có bao nhiêu đảng viên có mặt?");
  });

  it("a command runs, and the form's question comes back last, so a typed number still answers it", async () => {
    await h.sayText(sec, "hom qua chi bo hop roi nhe");
    const card = await h.say(sec, "/chibo");
    expect(replyText(card.replies)).toContain("Chi bộ thôn Pò Lài");
    expect(card.replies.at(-1)!.text).toContain("Chi bộ có bao nhiêu đảng viên phải dự?");
    expect(await h.sayText(sec, "9")).toContain("Có bao nhiêu đảng viên có mặt?");
  });

  it("an unreadable answer is asked again with how to stop, and 'huy' stops", async () => {
    await h.sayText(sec, "hom qua chi bo hop roi nhe");
    const again = await h.sayText(sec, "muoi may nguoi gi do");
    expect(again).toContain("Tôi chưa đọc được số");
    expect(again).toContain("(Muốn thôi làm báo cáo này, gõ Hủy.)");
    expect(await h.sayText(sec, "huy")).toContain("Đã hủy báo cáo, không có gì được lưu.");
  });
});
