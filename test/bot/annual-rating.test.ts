import { afterAll, beforeAll, expect, it } from "vitest";
import { DEMO_SECRETARY_CODE } from "../../src/db/demo-seed.js";
import { botHarness, type BotHarness } from "../support/bot-harness.js";
import { describeEngines } from "../support/engines.js";

describeEngines("annual rating through chat", (engine) => {
  let h: BotHarness;
  beforeAll(async () => {
    h = await botHarness(engine, { now: new Date("2025-12-20T03:00:00Z") });
  });
  afterAll(() => h.close());

  it("says plainly when a score is over the maximum, and shows the total and the level before sending", async () => {
    const sec = await h.as(DEMO_SECRETARY_CODE);
    await h.sayText(sec, "/baocao");
    expect(await h.sayText(sec, "Kiểm điểm, xếp loại")).toContain("Chi bộ tự chấm điểm tiêu chí chung (0–30)?");
    const over = await h.sayText(sec, "35");
    expect(over).toContain("Điểm tiêu chí chung: 35 vượt quá mức tối đa 30.");
    expect(over).not.toContain("tối đa là");
    let reply = "";
    for (const answer of ["28", "62", "Không", "Không", "1", "8", "1", "0", "0"]) reply = await h.sayText(sec, answer);
    expect(reply).toContain("• Tổng điểm: 90/100 — mức: Hoàn thành tốt nhiệm vụ");
    await h.sayText(sec, "/huy");
    expect(await h.db.db.selectFrom("report_submission").select("id").where("form", "=", "annual-rating").execute()).toHaveLength(0);
  });

  it("writes the cell's level in full, never as HTT", async () => {
    const sec = await h.as(DEMO_SECRETARY_CODE);
    const preview = await h.sayText(sec, "Xếp loại năm 2025 của cb: HTXS: 1; HTT: 9; HT: 1; KHT: 0. Chi bộ tự xếp loại HTT");
    expect(preview).toContain("Chi bộ tự xếp loại: Hoàn thành tốt nhiệm vụ");
    expect(preview).not.toMatch(/xếp loại: HTT/);
  });
});
