import { expect, it } from "vitest";
import type { BotHarness } from "../support/bot-harness.js";
import { describeEngines } from "../support/engines.js";
import { secretaryOfPoLai } from "../support/secretary-session.js";

/** A report sent again for a period on file: only the fields whose content changed are marked "trước: …". */
describeEngines("a new report that repeats what is on file", (engine) => {
  let h: BotHarness;
  let sec: string;

  // 07/12/2025 08:00 local.
  secretaryOfPoLai(engine, new Date("2025-12-07T01:00:00Z"), (s) => ({ h, sec } = s));

  it("the same message again marks nothing as changed: absentees, resolutions, content", async () => {
    const message = "bc sh t12: hop 5/12 19h30, co mat 9/10, vang 1 co ly do (d/c Mai om), noi dung: trien khai nghi quyet, NQ: 1. thu dang phi truoc 20/12 - d/c Mai";
    await h.sayText(sec, message);
    expect(await h.sayText(sec, "1")).toContain("Đã lưu");

    h.clock.now = new Date("2025-12-07T03:00:00Z");
    const preview = await h.sayText(sec, message);
    expect(preview).toContain("Tin nhắn này sẽ CẬP NHẬT báo cáo đó");
    expect(preview).toMatch(/Người vắng: .*Mai/);
    expect(preview).not.toContain("(trước:");
  });

  it("a changed absentee's reason is still marked, with the old one", async () => {
    await h.sayText(sec, "bc sh t12: hop 5/12 19h30, co mat 9/10, vang 1 co ly do (d/c Mai om)");
    await h.sayText(sec, "1");
    h.clock.now = new Date("2025-12-07T03:00:00Z");
    const preview = await h.sayText(sec, "bc sh t12: hop 5/12 19h30, co mat 9/10, vang 1 co ly do (d/c Mai di cong tac)");
    expect(preview).toMatch(/Người vắng: Vi Thị Mai \(di cong tac\) \(trước: Vi Thị Mai \(om\)\)/);
    expect(preview).not.toContain("Số đảng viên có mặt: 9 (trước");
  });
});
