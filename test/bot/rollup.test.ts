import { afterAll, beforeAll, expect, it } from "vitest";
import { DEMO_SECRETARY_CODE } from "../../src/db/demo-seed.js";
import { findOrgByCode } from "../../src/db/org.repository.js";
import { findPersonByCode } from "../../src/db/person.repository.js";
import { loadActor } from "../../src/services/actor.service.js";
import { submitReport } from "../../src/services/report.service.js";
import { rollupFor } from "../../src/services/rollup.service.js";
import { readMonth } from "../../src/bot/features/rollup.js";
import { botHarness, type BotHarness } from "../support/bot-harness.js";
import { describeEngines } from "../support/engines.js";

const TODAY = "2025-11-10";

describeEngines("roll-ups: who reported", (engine) => {
  let h: BotHarness;
  let tanVan: number;
  beforeAll(async () => {
    h = await botHarness(engine, { now: new Date("2025-11-10T03:00:00Z") });
    const db = h.db.db;
    tanVan = (await findOrgByCode(db, "DEMO-XA-TANVAN"))!.id;
    const submit = async (secretary: string, cell: string, period: string, values: Record<string, unknown>) => {
      const actor = await loadActor(db, (await findPersonByCode(db, secretary))!.id, TODAY);
      const orgId = (await findOrgByCode(db, cell))!.id;
      const result = await submitReport(db, actor, { orgId, form: "monthly-meeting", period, values, source: "quick" }, h.clock.now, TODAY);
      expect(result.ok).toBe(true);
    };
    const bay = { name: "Hà Văn Bảy", excused: false };
    await submit(DEMO_SECRETARY_CODE, "DEMO-CB-POLAI", "2025-09", { meeting_date: "2025-09-05", kind: "regular", present: 9, members_expected: 10, absent_unexcused: 1, absentees: [bay] });
    await submit(DEMO_SECRETARY_CODE, "DEMO-CB-POLAI", "2025-10", { meeting_date: "2025-10-05", kind: "regular", present: 9, members_expected: 10, absent_unexcused: 1, absentees: [{ name: "Hà văn Bảy ", excused: false }] });
    await submit(DEMO_SECRETARY_CODE, "DEMO-CB-POLAI", "2025-11", { meeting_date: "2025-11-05", kind: "regular", present: 9, members_expected: 10, absent_unexcused: 1, absentees: [bay] });
    await submit("DEMO-CB-DONGME-BT", "DEMO-CB-DONGME", "2025-11", { meeting_date: "2025-11-03", kind: "regular", present: 7, members_expected: 9, absent_excused: 1, absent_unexcused: 1 });
    // Nà Thưa moved its meeting to the 15th: its report is not due yet.
    const naThua = (await findOrgByCode(db, "DEMO-CB-NATHUA"))!.id;
    await db.insertInto("meeting_override").values({ org_id: naThua, period: "2025-11", new_date: "2025-11-15", new_time: "19:30", reason: "lũ" }).execute();
  });
  afterAll(() => h.close());

  it("computes each cell's status against its due date, attendance and the quality bar (hand-checked)", async () => {
    const r = await rollupFor(h.db.db, null, tanVan, "2025-11", TODAY);
    const byName = Object.fromEntries(r.cells.map((c) => [c.name, c]));
    expect(byName["Chi bộ thôn Pò Lài"]).toMatchObject({ status: "reported", due: "2025-11-08", attendance: 0.9, belowBar: false, unexcused: 1 });
    expect(byName["Chi bộ thôn Đồng Mé"]).toMatchObject({ status: "reported", due: "2025-11-06", belowBar: true, unexcused: 1 });
    expect(byName["Chi bộ thôn Đồng Mé"]!.attendance).toBeCloseTo(7 / 9);
    expect(byName["Chi bộ thôn Bản Chang"]).toMatchObject({ status: "late", due: "2025-11-07" });
    expect(byName["Chi bộ thôn Nà Thưa"]).toMatchObject({ status: "pending", due: "2025-11-18" });
    expect(byName["Chi bộ cơ quan Đảng bộ xã Tân Văn"]).toMatchObject({ status: "pending", due: null });
    expect(r.groups).toEqual([expect.objectContaining({ orgId: tanVan, cells: 5, reported: 2, late: 1, pending: 2, belowBar: 1, withUnexcused: 2 })]);
    expect(r.groups[0]!.attendance).toBeCloseTo((0.9 + 7 / 9) / 2);
    expect([...r.repeatedAbsence.values()]).toEqual([["Hà Văn Bảy"]]);
  });

  it("shows the commune office each cell, the chart, and the repeated-absence names", async () => {
    const office = await h.as("DEMO-VP-TANVAN");
    const result = await h.say(office, "/tonghop");
    const text = result.replies.map((r) => r.text).join("\n");
    expect(text).toContain("tháng 11/2025: 2/5 chi bộ đã báo cáo, 1 quá hạn, 2 chưa đến hạn; 1 chi bộ dự họp chưa đạt trên 85%.");
    expect(text).toContain("☑️ Chi bộ thôn Pò Lài — đã báo cáo, dự họp 90% (1 vắng không lý do)");
    expect(text).toContain("❗ Chi bộ thôn Bản Chang — quá hạn, chưa báo cáo (hạn 07/11/2025)");
    expect(text).toContain("⏳ Chi bộ thôn Nà Thưa — chưa báo cáo, hạn 18/11/2025");
    expect(text).toContain("Vắng không lý do 3 kỳ liên tiếp: Hà Văn Bảy");
    const chart = result.replies.find((r) => r.attachment)!.attachment!;
    expect(chart.kind).toBe("photo");
    expect(Buffer.from(chart.data.subarray(0, 8)).toString("hex")).toBe("89504e470d0a1a0a");
    // Drill into a cell with a tap: the choices are the cells that reported.
    // Cells in Vietnamese alphabetical order; those that reported are the choices: Đồng Mé, then Pò Lài.
    const drill = await h.sayText(office, "2");
    expect(drill).toContain("Chi bộ thôn Pò Lài");
    expect(drill).toContain("Số đảng viên có mặt: 9");
  });

  it("shows the province counts per commune, never names", async () => {
    const province = await h.as("DEMO-VP-TINH");
    const text = await h.sayText(province, "/tonghop 11/2025");
    expect(text).toContain("• Đảng bộ xã Tân Văn: 2/5 đã báo cáo, 1 quá hạn, 1 chưa đạt 85%");
    expect(text).toContain("• Đảng bộ phường Kỳ Lừa: 0/4 đã báo cáo, 1 quá hạn");
    expect(text).not.toContain("Hà Văn Bảy");
    expect(text).not.toContain("Pò Lài");
    const drill = await h.sayText(province, "Đảng bộ xã Tân Văn");
    expect(drill).toContain("Chi bộ thôn Pò Lài");
    expect(drill).toContain("1 đảng viên vắng không lý do 3 kỳ liên tiếp");
    expect(drill).not.toContain("Hà Văn Bảy");
  });

  it("refuses a secretary, and a commune office asking about another commune", async () => {
    const sec = await h.as(DEMO_SECRETARY_CODE);
    expect(await h.sayText(sec, "/tonghop")).toContain("không có quyền");
    const kyLua = await h.as("DEMO-VP-KYLUA");
    expect(await h.sayText(kyLua, "", { text: undefined, action: `tong:${tanVan}:2025-11` })).toContain("không có quyền");
  });

  it("reads the month people type", () => {
    expect(readMonth("", TODAY)).toBe("2025-11");
    expect(readMonth("10/2025", TODAY)).toBe("2025-10");
    expect(readMonth("t10", TODAY)).toBe("2025-10");
    expect(readMonth("tháng 12", TODAY)).toBe("2024-12");
    expect(readMonth("13", TODAY)).toBeNull();
  });
});
