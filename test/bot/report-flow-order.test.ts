import { afterAll, beforeAll, expect, it } from "vitest";
import { DEMO_SECRETARY_CODE } from "../../src/db/demo-seed.js";
import { findOrgByCode } from "../../src/db/org.repository.js";
import { botHarness, type BotHarness } from "../support/bot-harness.js";
import { describeEngines } from "../support/engines.js";

// Issue #22.6: an accepted month is refused before any preview; a correction shows only what was typed.
describeEngines("report flow order", (engine) => {
  let h: BotHarness;
  let sec: string;
  let cellId: number;
  const reports = () => h.db.db.selectFrom("report_submission").selectAll().where("org_id", "=", cellId).orderBy("id").execute();

  beforeAll(async () => {
    h = await botHarness(engine, { now: new Date("2025-11-06T01:00:00Z") });
    sec = await h.as(DEMO_SECRETARY_CODE);
    cellId = (await findOrgByCode(h.db.db, "DEMO-CB-POLAI"))!.id;
  });
  afterAll(() => h.close());

  it("a correction of a report without a place adds no place", async () => {
    await h.sayText(sec, "/baocao sinh hoat");
    for (const answer of ["giữ", "giữ", "thường kỳ", "giữ", "10", "0", "0", "có", "90"]) await h.sayText(sec, answer);
    await h.sayText(sec, "bỏ qua"); // the place
    await h.sayText(sec, "bỏ qua"); // the content
    await h.sayText(sec, "bỏ qua"); // the resolution
    await h.sayText(sec, "gửi báo cáo");
    expect((await reports())[0]!.data).not.toHaveProperty("place");
    const preview = await h.sayText(sec, "sửa lại: có mặt 9 chứ ko phải 10 nhé, đ/c Tuấn về sớm xin phép");
    expect(preview).toContain("Số đảng viên có mặt: 9 (trước: 10)");
    expect(preview).not.toContain("Địa điểm");
    expect(preview).not.toContain("(trước: —)");
    await h.sayText(sec, "gửi báo cáo");
    expect((await reports())[0]!.data).not.toHaveProperty("place");
  });

  it("refuses a report for a month the office accepted before showing anything", async () => {
    const office = await h.as("DEMO-VP-TANVAN");
    await h.sayText(office, "/duyet");
    await h.sayText(office, "1");
    expect(await h.sayText(office, "1")).toContain("Báo cáo đã khóa");
    const before = (await reports())[0]!;

    const quick = await h.sayText(sec, "bc sh cb t11: hop toi 5/11 19h30, co mat 8/10, vang 2 cld");
    expect(quick).toBe("Báo cáo sinh hoạt chi bộ của Chi bộ thôn Pò Lài, tháng 11/2025 đã được Đảng ủy duyệt nên không gửi lại được. Nếu cần sửa, xin đề nghị văn phòng Đảng ủy mở lại.");
    const guided = await h.sayText(sec, "/baocao sinh hoat");
    expect(guided).toContain("đã được Đảng ủy duyệt nên không gửi lại được");
    expect(guided).not.toContain("Chi bộ sinh hoạt ngày nào?");
    // Nothing is left open: a digit now is no answer to a hidden question.
    expect(await h.sayText(sec, "1")).not.toContain("Đã lưu");
    expect(await reports()).toEqual([before]);

    // Another month is still taken.
    expect(await h.sayText(sec, "bc sh cb t10: hop toi 5/10 19h30, co mat 9/10, vang 1 cld")).toContain("1. Gửi báo cáo");
  });
});
