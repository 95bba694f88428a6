import { expect, it } from "vitest";
import type { BotHarness } from "../support/bot-harness.js";
import { describeEngines } from "../support/engines.js";
import { secretaryOfPoLai } from "../support/secretary-session.js";

/**
 * A cell whose rule says "chuyên đề tháng cuối quý" plans its December meeting combined with the
 * quarter's thematic one: a quick report that names no kind takes the plan, not "Thường kỳ".
 */
describeEngines("the meeting's kind a quick report does not name", (engine) => {
  let h: BotHarness;
  let sec: string;
  let cellId: number;
  const stored = async (period: string) =>
    (await h.db.db.selectFrom("report_submission").selectAll().where("org_id", "=", cellId).where("period", "=", period).executeTakeFirstOrThrow()).data;

  secretaryOfPoLai(engine, new Date("2025-12-06T02:00:00Z"), (s) => {
    ({ h, sec, cellId } = s);
  });

  const lastMonthOfQuarter = () => h.db.db.updateTable("meeting_rule").set({ thematic_month: 3 }).where("org_id", "=", cellId).execute();

  it("defaults December's kind to the combined meeting the cell's rule plans", async () => {
    await lastMonthOfQuarter();
    const preview = await h.sayText(sec, "bc sh cb t12: hop toi 5/12 19h30, co mat 10/10");
    expect(preview).toContain("• Loại buổi sinh hoạt: Thường kỳ kết hợp chuyên đề");
    // A combined meeting names its topic: asked, with the way out for a meeting that was only the regular one.
    expect(preview).toContain("Chuyên đề là gì?");
    expect(preview).toContain("1. Không có chuyên đề, chỉ sinh hoạt thường kỳ");
    expect(preview).not.toContain("Bỏ qua");
    const summary = await h.sayText(sec, "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh");
    expect(summary).toContain("• Loại buổi sinh hoạt: Thường kỳ kết hợp chuyên đề");
    await h.sayText(sec, "1");
    expect(await stored("2025-12")).toMatchObject({ kind: "combined", thematic_topic: "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh" });
  });

  it("takes 'không có chuyên đề' as a regular meeting, not a topic skipped and asked again", async () => {
    await lastMonthOfQuarter();
    await h.sayText(sec, "bc sh cb t12: hop toi 5/12 19h30, co mat 10/10");
    const summary = await h.sayText(sec, "1");
    expect(summary).toContain("• Loại buổi sinh hoạt: Thường kỳ\n");
    expect(summary).not.toContain("Chuyên đề là gì?");
    await h.sayText(sec, "1");
    expect(await stored("2025-12")).toMatchObject({ kind: "regular" });
  });

  it("keeps the kind the message names, and 'Thường kỳ' in a month the rule plans nothing more", async () => {
    await lastMonthOfQuarter();
    expect(await h.sayText(sec, "bc sh cb thuong ky t12: hop toi 5/12 19h30, co mat 10/10")).toContain("• Loại buổi sinh hoạt: Thường kỳ\n");
    await h.sayText(sec, "/huy");
    expect(await h.sayText(sec, "bc shcd t12: hop toi 5/12 19h30, co mat 10/10, chuyen de ve chuyen doi so")).toContain("• Loại buổi sinh hoạt: Chuyên đề\n");
    await h.sayText(sec, "/huy");
    h.clock.now = new Date("2025-11-06T02:00:00Z");
    expect(await h.sayText(sec, "bc sh cb t11: hop toi 5/11 19h30, co mat 10/10")).toContain("• Loại buổi sinh hoạt: Thường kỳ\n");
  });

  it("keeps the kind on file when a resent report names none", async () => {
    await lastMonthOfQuarter();
    await h.sayText(sec, "bc shcd t12: hop toi 5/12 19h30, co mat 10/10, chuyen de ve chuyen doi so");
    await h.sayText(sec, "1");
    const update = await h.sayText(sec, "bc sh cb t12: hop toi 5/12 19h30, co mat 9/10, vang 1 cld");
    expect(update).toContain("• Loại buổi sinh hoạt: Chuyên đề\n");
    expect(update).not.toContain("Loại buổi sinh hoạt: Chuyên đề (trước");
  });

  it("suggests the planned kind in the guided report", async () => {
    await lastMonthOfQuarter();
    let reply = await h.sayText(sec, "/baocao sinh hoat");
    for (let i = 0; i < 3 && !reply.includes("thường kỳ hay chuyên đề"); i++) reply = await h.sayText(sec, "1");
    expect(reply).toContain("1. Giữ: Thường kỳ kết hợp chuyên đề");
  });
});
