import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { DEMO_SECRETARY_CODE } from "../../src/db/demo-seed.js";
import { useOwnLayouts } from "../../src/export/province-layout.js";
import { botHarness, type BotHarness } from "../support/bot-harness.js";
import { loadWorkbook } from "../support/xlsx.js";
import { describeEngines } from "../support/engines.js";
import { deflatedPart, zipOf } from "../support/zip.js";

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
    expect(reply.attachment).toMatchObject({ kind: "document", filename: "bao-cao-sinh-hoat-chi-bo-2025-11.xlsx" });
    expect(reply.attachment!.fallbackText).toContain("chibo export monthly-meeting --period 2025-11 --org DEMO-XA-TANVAN");
    const wb = await loadWorkbook(reply.attachment!.data);
    // The province's layout: the party organization, the issuing committee, the table with its total.
    expect(wb.worksheets[0]!.getCell("A1").value).toBe("ĐẢNG BỘ TỈNH MẪU SƠN");
    expect(wb.worksheets[0]!.getCell("A2").value).toBe("ĐẢNG ỦY XÃ TÂN VĂN");
  });

  it("reads 'quý 3/2025' as a quarter (the village data), not March; refuses words it cannot read", async () => {
    const office = await h.as("DEMO-VP-TANVAN");
    const quarter = (await h.say(office, "/xuat quý 3/2025")).replies[0]!;
    expect(quarter.text).toContain("Số liệu thôn, tổ dân phố quý 3/2025 của Đảng bộ xã Tân Văn");
    expect(quarter.attachment).toMatchObject({ filename: "so-lieu-thon-2025-quy-3.xlsx" });
    const dues = (await h.say(office, "/xuat dang phi thang truoc")).replies[0]!;
    expect(dues.attachment).toMatchObject({ filename: "thu-nop-dang-phi-2025-10.xlsx" });
    const sheet = (await loadWorkbook(dues.attachment!.data)).worksheets[0]!;
    expect(sheet.getCell("A5").value).toBe("BÁO CÁO TỔNG HỢP THU, NỘP ĐẢNG PHÍ");
    expect(await h.sayText(office, "/xuat abc xyz")).toContain("Tôi chưa đọc được mẫu hoặc kỳ");
    expect(await h.sayText(office, "/xuat dang phi quy 3/2025")).toContain("Thu nộp đảng phí tổng hợp theo tháng");
  });

  it("names the office's broken layout and what to fix, and sends no file", async () => {
    const ExcelJS = (await import("exceljs")).default;
    const dir = mkdtempSync(join(tmpdir(), "mau-bao-cao-"));
    const unmarked = new ExcelJS.Workbook();
    unmarked.addWorksheet("Mẫu").getCell("A1").value = "{{issuer}}";
    writeFileSync(join(dir, "sinh-hoat-chi-bo.xlsx"), Buffer.from(await unmarked.xlsx.writeBuffer()));
    writeFileSync(join(dir, "dang-phi.xlsx"), "không phải tệp Excel");
    useOwnLayouts(dir);
    try {
      const office = await h.as("DEMO-VP-TANVAN");
      const unmarkedReply = await h.say(office, "/xuat 11/2025");
      expect(unmarkedReply.replies.map((r) => r.text)).toEqual([
        "Mẫu báo cáo sinh-hoat-chi-bo.xlsx không dùng được: không có dòng đánh dấu bảng {{row.…}}. Xem hướng dẫn docs/vi/mau-bao-cao.md.",
      ]);
      expect(unmarkedReply.replies.some((r) => r.attachment)).toBe(false);
      const unreadable = await h.sayText(office, "/xuat dang phi 10/2025");
      expect(unreadable).toContain("Mẫu báo cáo dang-phi.xlsx không dùng được: không phải tệp Excel hợp lệ");
      expect(unreadable).not.toContain(dir);
      // A zip that passes the size checks but is no workbook ExcelJS can open: named the same way.
      writeFileSync(join(dir, "dang-phi.xlsx"), zipOf([deflatedPart("[Content_Types].xml", "<Types"), deflatedPart("xl/workbook.xml", "<workbook><sheets><sheet")]));
      const broken = await h.say(office, "/xuat dang phi 10/2025");
      expect(broken.replies.map((r) => r.text)).toEqual([expect.stringContaining("Mẫu báo cáo dang-phi.xlsx không dùng được: không phải tệp Excel hợp lệ")]);
      expect(broken.replies.some((r) => r.attachment)).toBe(false);
    } finally {
      useOwnLayouts(undefined);
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("without a period exports the one /tonghop opens on: last month while this month's reports are not due yet", async () => {
    const office = await h.as("DEMO-VP-TANVAN");
    const saved = h.clock.now;
    try {
      // 4 November: the cells meet on the 5th, so October is the latest month past its deadline.
      h.clock.now = new Date("2025-11-04T03:00:00Z");
      expect((await h.say(office, "/xuat")).replies[0]!.text).toContain("Báo cáo sinh hoạt chi bộ tháng 10/2025 của Đảng bộ xã Tân Văn");
      h.clock.now = new Date("2025-11-10T03:00:00Z");
      expect((await h.say(office, "/xuat")).replies[0]!.text).toContain("Báo cáo sinh hoạt chi bộ tháng 11/2025 của Đảng bộ xã Tân Văn");
    } finally {
      h.clock.now = saved;
    }
  });

  it("refuses a secretary", async () => {
    const sec = await h.as(DEMO_SECRETARY_CODE);
    expect(await h.sayText(sec, "/xuat")).toContain("không có quyền");
  });
});
