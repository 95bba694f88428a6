import { afterAll, beforeAll, expect, it } from "vitest";
import { DEMO_SECRETARY_CODE } from "../../src/db/demo-seed.js";
import { botHarness, type BotHarness } from "../support/bot-harness.js";
import { loadWorkbook } from "../support/xlsx.js";
import { describeEngines } from "../support/engines.js";

describeEngines("/xuat: Excel in chat", (engine) => {
  let h: BotHarness;
  beforeAll(async () => {
    h = await botHarness(engine, { now: new Date("2025-11-10T03:00:00Z") });
  });
  afterAll(() => h.close());

  it("sends the commune office the month's workbook, with a text fallback for channels without files", async () => {
    const sec = await h.as(DEMO_SECRETARY_CODE);
    await h.sayText(sec, "bc sh cb t11: hop toi 5/11 19h30, co mat 9/10, vang 1 cld");
    await h.sayText(sec, "1");
    const office = await h.as("DEMO-VP-TANVAN");
    const result = await h.say(office, "/xuat 11/2025");
    const reply = result.replies[0]!;
    expect(reply.text).toContain("Báo cáo sinh hoạt chi bộ tháng 11/2025 của Đảng bộ xã Tân Văn: 1/5 chi bộ đã báo cáo");
    expect(reply.attachment).toMatchObject({ kind: "document", filename: "monthly-meeting-2025-11.xlsx" });
    expect(reply.attachment!.fallbackText).toContain("chibo export monthly-meeting --period 2025-11 --org DEMO-XA-TANVAN");
    const wb = await loadWorkbook(reply.attachment!.data);
    expect(wb.worksheets[0]!.getCell("A2").value).toBe("Đảng bộ xã Tân Văn");
  });

  it("refuses a secretary", async () => {
    const sec = await h.as(DEMO_SECRETARY_CODE);
    expect(await h.sayText(sec, "/xuat")).toContain("không có quyền");
  });
});
