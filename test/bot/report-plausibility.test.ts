import { expect, it } from "vitest";
import type { BotHarness } from "../support/bot-harness.js";
import { describeEngines } from "../support/engines.js";
import { secretaryOfPoLai } from "../support/secretary-session.js";

/** Pò Lài has 11 party members on its roll, one of them exempt from meetings (the demo province). */
describeEngines("plausibility of a report's figures and cell", (engine) => {
  let h: BotHarness;
  let sec: string;
  let cellId: number;
  const reports = () => h.db.db.selectFrom("report_submission").selectAll().orderBy("id").execute();

  secretaryOfPoLai(engine, new Date("2025-11-06T01:00:00Z"), (s) => ({ h, sec, cellId } = s));

  it("warns, naming the cell's number, when attendance is above the roll or the expected count is far from it", async () => {
    const preview = await h.sayText(sec, "bc sh cb t11: hop toi 5/11 19h30, co mat 25/27");
    expect(preview).toContain("⚠ Số có mặt (25) nhiều hơn số đảng viên của chi bộ (11)");
    expect(preview).toContain("⚠ Số phải dự (27) khác xa số đảng viên của chi bộ (11)");
    expect(preview).toContain("1. Gửi báo cáo");
    await h.sayText(sec, "/huy");
    const plain = await h.sayText(sec, "bc sh cb t11: hop toi 5/11 19h30, co mat 9/10, vang 1 cld");
    expect(plain).not.toContain("số đảng viên của chi bộ");
  });

  it("shows absences without reasons as absences with unknown reasons, never as 0", async () => {
    const preview = await h.sayText(sec, "bc sh cb t11: hop toi 5/11 19h30, co mat 8/10, vang 2");
    expect(preview).toContain("• Vắng chưa rõ lý do: 2");
    expect(preview).toContain("Vắng 2 (chưa rõ lý do)");
    expect(preview).not.toMatch(/vắng 0/i);
    await h.sayText(sec, "1");
    expect((await reports())[0]!.data).toMatchObject({ present: 8, members_expected: 10, absent_unknown: 2 });
  });

  it("asks about a report naming a cell the sender does not lead instead of filing it under their own", async () => {
    const asked = await h.sayText(sec, "bc sh chi bo Na Thua t11: hop toi 5/11 19h30, co mat 8/9");
    expect(asked).toContain("Báo cáo nhắc tới Chi bộ thôn Nà Thưa");
    expect(asked).toContain("1. Chi bộ thôn Pò Lài");
    expect(asked).not.toContain("Gửi báo cáo");
    expect(await reports()).toHaveLength(0);
    // Taken for their own cell only when they say so.
    const preview = await h.sayText(sec, "1");
    expect(preview).toContain("Chi bộ thôn Pò Lài — tháng 11/2025");
    await h.sayText(sec, "/huy");
    expect(await reports()).toHaveLength(0);

    // Their own cell named, with or without diacritics: straight to the preview.
    const own = await h.sayText(sec, "Bc cb thôn Pò Lài t11: sh ngày 5/11 lúc 19h30, có mặt 9/10");
    expect(own).toContain("1. Gửi báo cáo");
    await h.sayText(sec, "1");
    expect((await reports()).map((r) => r.org_id)).toEqual([cellId]);
  });

  it("expects the same members in /diemdanh and in the report form", async () => {
    h.clock.now = new Date("2025-12-01T03:00:00Z"); // before the 5/12 meeting
    const attendance = await h.sayText(sec, "/diemdanh");
    const expected = /Tổng số cần dự: (\d+)\./.exec(attendance)?.[1];
    expect(expected, attendance).toBe("10");
    const asked = await h.sayText(sec, "bao cao sh chi bo: hop toi 1/12, vang 1 co ly do");
    expect(asked).toContain("Chi bộ có bao nhiêu đảng viên phải dự?");
    expect(asked).toContain(`Giữ: ${expected}`);
  });
});
