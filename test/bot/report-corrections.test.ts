import { afterAll, beforeAll, beforeEach, expect, it } from "vitest";
import { DEMO_SECRETARY_CODE } from "../../src/db/demo-seed.js";
import { findOrgByCode } from "../../src/db/org.repository.js";
import { botHarness, type BotHarness } from "../support/bot-harness.js";
import { describeEngines } from "../support/engines.js";

/** The numbered choice whose line holds `text`. */
function choiceOf(reply: string, text: string): string {
  const line = reply.split("\n").find((l) => /^\d+\. /.test(l) && l.includes(text));
  expect(line, reply).toBeDefined();
  return /^(\d+)\./.exec(line!)![1]!;
}

describeEngines("corrections land on the report meant, and its history can be read", (engine) => {
  let h: BotHarness;
  let sec: string;
  let office: string;
  let cellId: number;
  const reports = () => h.db.db.selectFrom("report_submission").selectAll().where("org_id", "=", cellId).orderBy("period").execute();
  const byPeriod = async (period: string) => (await reports()).find((r) => r.period === period)!;

  beforeAll(async () => {
    h = await botHarness(engine);
    sec = await h.as(DEMO_SECRETARY_CODE);
    office = await h.as("DEMO-VP-TANVAN");
    cellId = (await findOrgByCode(h.db.db, "DEMO-CB-POLAI"))!.id;
  });
  afterAll(() => h.close());
  beforeEach(async () => {
    await h.sayText(sec, "/huy");
    await h.db.db.deleteFrom("report_submission").execute();
    // November sent and accepted, December sent; then the office reopens November.
    h.clock.now = new Date("2025-11-06T01:00:00Z");
    await h.sayText(sec, "bc sh cb t11: hop toi 5/11 19h30, co mat 10/10");
    expect(await h.sayText(sec, "1")).toContain("Đã lưu");
    const november = await byPeriod("2025-11");
    expect(await h.sayText(office, "", { text: undefined, action: `ra:${november.id}:accept:${november.revision}` })).toContain("Báo cáo đã khóa");
    h.clock.now = new Date("2025-12-06T01:00:00Z");
    await h.sayText(sec, "bc sh cb t12: hop toi 5/12 19h30, co mat 8/10, vang 2 cld");
    expect(await h.sayText(sec, "1")).toContain("tháng 12/2025");
    await h.sayText(office, "", { text: undefined, action: `ra:${november.id}:reopen:${november.revision}` });
    expect((await byPeriod("2025-11")).status).toBe("reopened");
  });

  it("asks which period when November is reopened beside December, reads 'phải dự' as the total, and changes November", async () => {
    const pick = await h.sayText(sec, "sửa lại: phải dự 10, có mặt 9");
    expect(pick).toContain("Đồng chí sửa báo cáo kỳ nào?");
    expect(pick).toContain("Chi bộ thôn Pò Lài — tháng 12/2025");
    expect(pick).toContain("Chi bộ thôn Pò Lài — tháng 11/2025");
    expect((await byPeriod("2025-12")).revision).toBe(1);

    const preview = await h.sayText(sec, choiceOf(pick, "tháng 11/2025"));
    expect(preview).toContain("Báo cáo sinh hoạt chi bộ của Chi bộ thôn Pò Lài — tháng 11/2025");
    expect(preview).toContain("Số đảng viên có mặt: 9 (trước: 10)");
    expect(preview).toContain("Số đảng viên phải dự: 10");
    expect(preview).not.toContain("Số đảng viên phải dự: 10 (trước");
    // Nothing the secretary did not type is shown as changed.
    expect(preview).not.toContain("(trước: —)");
    expect(preview.match(/\(trước:/g)).toHaveLength(1);

    const saved = await h.sayText(sec, "1");
    expect(saved).toContain("Đã cập nhật Báo cáo sinh hoạt chi bộ của Chi bộ thôn Pò Lài, tháng 11/2025 (lần sửa thứ 1)");
    const november = await byPeriod("2025-11");
    expect(november).toMatchObject({ status: "submitted", revision: 2 });
    expect(november.data).toMatchObject({ present: 9, members_expected: 10 });
    expect((await byPeriod("2025-12")).data).toMatchObject({ present: 8, members_expected: 10, absent_excused: 2 });

    // A second correction of the same report is the second.
    const again = await h.sayText(sec, "sửa lại tháng 11: vắng 1 có lý do");
    expect(again).toContain("tháng 11/2025");
    expect(await h.sayText(sec, "1")).toContain("(lần sửa thứ 2)");
  });

  it("goes straight to the period the message names", async () => {
    const preview = await h.sayText(sec, "sửa lại t12: có mặt 7 chứ không phải 8");
    expect(preview).toContain("Chi bộ thôn Pò Lài — tháng 12/2025");
    expect(preview).toContain("Số đảng viên có mặt: 7 (trước: 8)");
    await h.sayText(sec, "1");
    expect((await byPeriod("2025-12")).data).toMatchObject({ present: 7 });
    expect((await byPeriod("2025-11")).data).toMatchObject({ present: 10 });
    expect(await h.sayText(sec, "sửa lại tháng 10: có mặt 7")).toContain("Không có báo cáo sinh hoạt tháng 10/2025 nào đang mở để sửa");
  });

  it("opens a reopened report for editing from its view, through the same preview", async () => {
    const list = await h.sayText(sec, "/xembaocao");
    const view = await h.sayText(sec, choiceOf(list, "tháng 11/2025"));
    expect(view).toContain("Sửa báo cáo");
    const preview = await h.sayText(sec, choiceOf(view, "Sửa báo cáo"));
    expect(preview).toContain("Chi bộ thôn Pò Lài — tháng 11/2025");
    expect(preview).toContain("1. Cập nhật báo cáo");
    const which = await h.sayText(sec, "Sửa một mục");
    await h.sayText(sec, choiceOf(which, "Số đảng viên có mặt"));
    const summary = await h.sayText(sec, "9");
    expect(summary).toContain("Số đảng viên có mặt: 9 (trước: 10)");
    expect(await h.sayText(sec, "Cập nhật báo cáo")).toContain("tháng 11/2025 (lần sửa thứ 1)");
    expect((await byPeriod("2025-11")).data).toMatchObject({ present: 9 });
  });

  it("shows the changes in /lichsu to the cell and the office, and refuses another commune's office", async () => {
    await h.sayText(sec, "sửa lại t11: có mặt 9");
    await h.sayText(sec, "1");
    const november = await byPeriod("2025-11");

    const list = await h.sayText(sec, "/lichsu");
    expect(list).toContain("Xem lịch sử thay đổi của báo cáo nào?");
    const history = await h.sayText(sec, choiceOf(list, "tháng 11/2025"));
    expect(history).toContain("Lịch sử: Báo cáo sinh hoạt chi bộ của Chi bộ thôn Pò Lài, tháng 11/2025");
    expect(history).toContain("06/11/2025 08:00 — Hoàng Văn Páo: gửi báo cáo");
    expect(history).toContain("06/11/2025 08:00 — Nông Thị Thảo: duyệt (khóa báo cáo)");
    expect(history).toContain("06/12/2025 08:00 — Nông Thị Thảo: mở lại để sửa");
    expect(history).toContain("06/12/2025 08:00 — Hoàng Văn Páo: sửa báo cáo\n  • Số đảng viên có mặt: 10 → 9");

    // The office reaches it from the report's view.
    const view = await h.sayText(office, "", { text: undefined, action: `rv:${november.id}` });
    expect(view).toContain("Lịch sử thay đổi");
    expect(view).not.toContain("Sửa báo cáo");
    expect(await h.sayText(office, choiceOf(view, "Lịch sử thay đổi"))).toContain("Số đảng viên có mặt: 10 → 9");

    // Payloads are re-checked: another commune's office and a member may not read it.
    const otherOffice = await h.as("DEMO-VP-KYLUA");
    const refused = await h.sayText(otherOffice, "", { text: undefined, action: `hist:${november.id}` });
    expect(refused).toContain("không có quyền");
    expect(refused).not.toContain("Hoàng Văn Páo");
    const member = await h.as("DEMO-DV-POLAI-MAI");
    expect(await h.sayText(member, "", { text: undefined, action: `hist:${november.id}` })).toContain("không có quyền");
  });
});
