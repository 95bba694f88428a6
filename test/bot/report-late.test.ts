import { afterAll, beforeAll, expect, it } from "vitest";
import type ExcelJS from "exceljs";
import { DEMO_SECRETARY_CODE } from "../../src/db/demo-seed.js";
import { findOrgByCode } from "../../src/db/org.repository.js";
import { setGoLiveDate } from "../../src/services/go-live.service.js";
import { botHarness, type BotHarness } from "../support/bot-harness.js";
import { describeEngines } from "../support/engines.js";
import { loadWorkbook } from "../support/xlsx.js";

/** The text in the column right of a row's cell name (the layout's "Tình hình báo cáo"). */
function statusOf(sheet: ExcelJS.Worksheet, name: string): unknown {
  let found: unknown;
  sheet.eachRow((row) => {
    row.eachCell((cell, col) => {
      if (cell.value === name) found = row.getCell(col + 1).value;
    });
  });
  return found;
}

describeEngines("a report sent after its deadline is shown as late", (engine) => {
  let h: BotHarness;
  let office: string;
  let polai: number;
  let dongme: number;
  const reportOf = async (orgId: number, period: string) =>
    (await h.db.db.selectFrom("report_submission").selectAll().where("org_id", "=", orgId).where("period", "=", period).executeTakeFirstOrThrow());

  beforeAll(async () => {
    h = await botHarness(engine, { now: new Date("2026-11-05T13:00:00Z") });
    // The province started on 01/11/2026: October is not tracked, November is.
    await setGoLiveDate(h.db.db, "2026-11-01", h.clock.now);
    polai = (await findOrgByCode(h.db.db, "DEMO-CB-POLAI"))!.id;
    dongme = (await findOrgByCode(h.db.db, "DEMO-CB-DONGME"))!.id;
    const sec = await h.as(DEMO_SECRETARY_CODE);
    const dongmeSec = await h.as("DEMO-CB-DONGME-BT");
    office = await h.as("DEMO-VP-TANVAN");
    // 20:00 on 05/11: Đồng Mé reports its 3/11 meeting, due 06/11: on time.
    await h.sayText(dongmeSec, "bc sh cb t11: hop toi 3/11 19h30, co mat 8/10, vang 2 cld");
    expect(await h.sayText(dongmeSec, "1")).toContain("Đã lưu");
    // 09:00 on 08/12: Pò Lài reports its 5/11 meeting (due 08/11) and its October one; Đồng Mé corrects November.
    h.clock.now = new Date("2026-12-08T02:00:00Z");
    await h.sayText(sec, "bc sh cb t11: hop toi 5/11 19h30, co mat 9/10, vang 1 cld");
    expect(await h.sayText(sec, "1")).toContain("Đã lưu");
    await h.sayText(sec, "bc sh cb t10: hop toi 5/10 19h30, co mat 9/10, vang 1 cld");
    expect(await h.sayText(sec, "1")).toContain("Đã lưu");
    await h.sayText(dongmeSec, "sửa lại: có mặt 9, vắng 1 có lý do");
    expect(await h.sayText(dongmeSec, "1")).toContain("lần sửa thứ 1");
  });
  afterAll(() => h.close());

  it("/tonghop: late by how many days, an on-time report corrected later still on time, a month before go-live 'không xét hạn'", async () => {
    const november = await h.sayText(office, "/tonghop 11/2026");
    expect(november).toContain("☑️ Chi bộ thôn Pò Lài — đã báo cáo nhưng nộp muộn 30 ngày (hạn 08/11/2026), dự họp 90%");
    expect(november).toContain("☑️ Chi bộ thôn Đồng Mé — đã báo cáo, dự họp 90%");
    expect(november).not.toContain("Đồng Mé — đã báo cáo nhưng nộp muộn");
    expect(november).toContain("2/5 chi bộ đã báo cáo");
    expect(november).toContain("1 chi bộ nộp muộn (báo cáo sau hạn).");

    const october = await h.sayText(office, "/tonghop 10/2026");
    expect(october).toContain("☑️ Chi bộ thôn Pò Lài — đã báo cáo (không xét hạn), dự họp 90%");
    expect(october).not.toContain("nộp muộn");
  });

  it("the province sees how many of a commune's reports came late", async () => {
    const province = await h.as("DEMO-VP-TINH");
    expect(await h.sayText(province, "/tonghop 11/2026")).toMatch(/• Đảng bộ xã Tân Văn: 2\/5 đã báo cáo, .*, 1 nộp muộn/);
  });

  it("the report card: the day first sent, late or on time against the deadline, and the day of the last change", async () => {
    const late = await h.sayText(office, "", { text: undefined, action: `rv:${(await reportOf(polai, "2026-11")).id}` });
    expect(late).toContain("Gửi ngày 08/12/2026 — nộp muộn 30 ngày (hạn 08/11/2026)");
    const corrected = await h.sayText(office, "", { text: undefined, action: `rv:${(await reportOf(dongme, "2026-11")).id}` });
    expect(corrected).toContain("Gửi ngày 05/11/2026 — đúng hạn (hạn 06/11/2026)\nSửa lần cuối ngày 08/12/2026");
    const untracked = await h.sayText(office, "", { text: undefined, action: `rv:${(await reportOf(polai, "2026-10")).id}` });
    expect(untracked).toContain("Gửi ngày 08/12/2026 — không xét hạn");
    expect(untracked).not.toContain("nộp muộn");
  });

  it("the Excel roll-up marks the late report in its status, and the count of late ones in the commune's line", async () => {
    const reply = (await h.say(office, "/xuat 11/2026")).replies[0]!;
    const sheet = (await loadWorkbook(reply.attachment!.data)).worksheets[0]!;
    expect(statusOf(sheet, "Chi bộ thôn Pò Lài")).toBe("Đã báo cáo, nộp muộn 30 ngày");
    expect(statusOf(sheet, "Chi bộ thôn Đồng Mé")).toBe("Đã báo cáo");
    expect(statusOf(sheet, "TỔNG CỘNG")).toBe("2/5 chi bộ đã báo cáo (1 nộp muộn)");
    const october = (await h.say(office, "/xuat 10/2026")).replies[0]!;
    expect(statusOf((await loadWorkbook(october.attachment!.data)).worksheets[0]!, "Chi bộ thôn Pò Lài")).toBe("Đã báo cáo (không xét hạn)");
  });

  it("/xemlai: the corrected month stays on time, the late one is late", async () => {
    const dongmeMonths = await h.sayText(office, "", { text: undefined, action: `lb:c:${dongme}:2026-11` });
    expect(dongmeMonths).toContain("tháng 11/2026: đúng hạn");
    const polaiMonths = await h.sayText(office, "", { text: undefined, action: `lb:c:${polai}:2026-11` });
    expect(polaiMonths).toContain("☑️ tháng 11/2026: nộp muộn (hạn 08/11/2026)");
    expect(polaiMonths).toContain("☑️ tháng 10/2026: đã gửi (không xét hạn)");
  });
});
