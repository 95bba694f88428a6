import { afterAll, beforeAll, beforeEach, expect, it } from "vitest";
import { DEMO_SECRETARY_CODE } from "../../src/db/demo-seed.js";
import { findOrgByCode } from "../../src/db/org.repository.js";
import { findPersonByCode } from "../../src/db/person.repository.js";
import { botHarness, type BotHarness } from "../support/bot-harness.js";
import { describeEngines } from "../support/engines.js";

/** A secretary who leads two cells: Pò Lài (secretary) and Bản Chang (deputy). */
describeEngines("quick reports from a secretary of two cells", (engine) => {
  let h: BotHarness;
  let sec: string;
  let poLai: number;
  let banChang: number;
  const reports = () => h.db.db.selectFrom("report_submission").selectAll().orderBy("id").execute();

  beforeAll(async () => {
    h = await botHarness(engine);
    sec = await h.as(DEMO_SECRETARY_CODE);
    poLai = (await findOrgByCode(h.db.db, "DEMO-CB-POLAI"))!.id;
    banChang = (await findOrgByCode(h.db.db, "DEMO-CB-BANCHANG"))!.id;
    const person = (await findPersonByCode(h.db.db, DEMO_SECRETARY_CODE))!;
    await h.db.db.insertInto("role").values({ person_id: person.id, org_id: banChang, role: "deputy_secretary", valid_from: "2025-07-01" }).execute();
  });
  afterAll(() => h.close());
  beforeEach(async () => {
    h.clock.now = new Date("2025-11-06T01:00:00Z"); // 08:00 in Hà Nội
    await h.sayText(sec, "/huy");
    await h.db.db.deleteFrom("report_submission").execute();
  });

  /** The number the cell's choice has in the list. */
  const choiceOf = (text: string, cell: string): string => {
    const line = text.split("\n").find((l) => l.includes(cell));
    expect(line, text).toBeDefined();
    return /^(\d+)\./.exec(line!)![1]!;
  };

  it("asks which cell, then shows the values it read for that cell and stores them on confirmation", async () => {
    const pick = await h.sayText(sec, "bc sh cb t11: hop toi 4/11 19h, co mat 8/9, vang 1 cld");
    expect(pick).toContain("Báo cáo cho chi bộ nào?");
    expect(pick).toContain("Chi bộ thôn Pò Lài");
    expect(pick).toContain("Chi bộ thôn Bản Chang");

    const preview = await h.sayText(sec, choiceOf(pick, "Bản Chang"));
    expect(preview).toContain("Tôi hiểu như sau");
    expect(preview).toContain("Chi bộ thôn Bản Chang");
    expect(preview).toContain("Ngày sinh hoạt: 04/11/2025");
    expect(preview).toContain("Giờ bắt đầu: 19:00");
    expect(preview).toContain("Số đảng viên có mặt: 8");
    expect(preview).toContain("Số đảng viên phải dự: 9");
    expect(preview).toContain("Vắng có lý do: 1");
    expect(preview).toContain("Gửi báo cáo");
    expect(preview).not.toContain("Trả lời từng câu"); // not the empty guided form

    expect(await h.sayText(sec, "1")).toContain("Đã lưu Báo cáo sinh hoạt chi bộ của Chi bộ thôn Bản Chang, tháng 11/2025");
    const [stored] = await reports();
    expect(stored).toMatchObject({ org_id: banChang, period: "2025-11", source: "quick" });
    expect(stored!.data).toMatchObject({ meeting_date: "2025-11-04", start_time: "19:00", present: 8, members_expected: 9, absent_excused: 1 });
  });

  it("takes the cell by its typed name and asks only for what the message left out", async () => {
    const pick = await h.sayText(sec, "bao cao sh chi bo: hop toi 5/11, co mat 10, vang 1 co ly do");
    const preview = await h.sayText(sec, "Chi bộ thôn Pò Lài");
    expect(pick).toContain("Báo cáo cho chi bộ nào?");
    expect(preview).toContain("Số đảng viên có mặt: 10");
    expect(preview).toContain("Vắng có lý do: 1");
    expect(preview).toContain("Chi bộ thôn Pò Lài");
    await h.sayText(sec, "Gửi báo cáo");
    const [stored] = await reports();
    expect(stored).toMatchObject({ org_id: poLai });
    expect(stored!.data).toMatchObject({ meeting_date: "2025-11-05", present: 10, absent_excused: 1, members_expected: 11 });
  });

  it("keeps the quick report through a stray message, and a newer report replaces it", async () => {
    await h.sayText(sec, "bc sh cb t11: hop toi 4/11 19h, co mat 8/9, vang 1 cld");
    const again = await h.sayText(sec, "chờ tôi xem lại đã");
    expect(again).toContain("Xin đồng chí chọn một trong các lựa chọn bên dưới");
    expect(again).toContain("Báo cáo cho chi bộ nào?");
    const replaced = await h.sayText(sec, "bc sh cb t11: hop toi 4/11 19h, co mat 9/9");
    expect(replaced).toContain("Báo cáo cho chi bộ nào?");
    const preview = await h.sayText(sec, choiceOf(replaced, "Bản Chang"));
    expect(preview).toContain("Số đảng viên có mặt: 9");
    expect(preview).not.toContain("Vắng có lý do: 1");
    // The choice of a quick report already taken is stale, not a second report.
    expect(await h.sayText(sec, "", { text: undefined, action: `rpc:${banChang}:monthly-meeting:q` })).not.toContain("Tôi hiểu như sau");
    expect(await reports()).toHaveLength(0);
  });

  it("does not carry a dropped quick report into a later guided form", async () => {
    await h.sayText(sec, "bc sh cb t11: hop toi 4/11 19h, co mat 8/9, vang 1 cld");
    await h.sayText(sec, "/huy");
    const pick = await h.sayText(sec, "/baocao sinh hoat");
    const first = await h.sayText(sec, choiceOf(pick, "Bản Chang"));
    expect(first).toContain("Trả lời từng câu");
    expect(first).not.toContain("Tôi hiểu như sau");
  });
  /** Send a quick report for `cell` and confirm it. */
  const submitFor = async (text: string, cell: string): Promise<void> => {
    const pick = await h.sayText(sec, text);
    await h.sayText(sec, choiceOf(pick, cell));
    expect(await h.sayText(sec, "1")).toContain(`Đã lưu Báo cáo sinh hoạt chi bộ của ${cell}`);
  };
  const auditOf = (id: number) =>
    h.db.db.selectFrom("audit_log").selectAll().where("entity", "=", "report_submission").where("entity_id", "=", String(id)).orderBy("id").execute();
  /** Corrections audited on this test's reports (the audit log outlives the reports cleared between tests). */
  const corrections = async () => {
    const ids = (await reports()).map((r) => String(r.id));
    return h.db.db.selectFrom("audit_log").select("id").where("action", "=", "report.correct").where("entity_id", "in", ids).execute();
  };

  it("corrects the only cell whose report can still be corrected, showing the change first", async () => {
    await submitFor("bc sh cb t11: hop toi 4/11 19h, co mat 8/9, vang 1 cld", "Chi bộ thôn Bản Chang");
    await submitFor("bc sh cb t11: hop toi 5/11 19h, co mat 10/11, vang 1 cld", "Chi bộ thôn Pò Lài");
    // The commune accepted Pò Lài's: only Bản Chang's is left to correct.
    await h.db.db.updateTable("report_submission").set({ status: "accepted" }).where("org_id", "=", poLai).execute();

    const preview = await h.sayText(sec, "sửa lại: có mặt 7 chứ ko phải 8");
    expect(preview).not.toContain("Sửa báo cáo của chi bộ nào?");
    expect(preview).toContain("Báo cáo sinh hoạt chi bộ của Chi bộ thôn Bản Chang — tháng 11/2025");
    expect(preview).toContain("Số đảng viên có mặt: 7 (trước: 8)");
    expect(preview).toContain("Cập nhật báo cáo");
    expect(await h.sayText(sec, "1")).toContain("Đã cập nhật Báo cáo sinh hoạt chi bộ của Chi bộ thôn Bản Chang, tháng 11/2025 (lần sửa thứ 1)");

    const stored = await reports();
    const banChangReport = stored.find((r) => r.org_id === banChang)!;
    expect(banChangReport.data).toMatchObject({ present: 7, members_expected: 9 });
    expect(stored.find((r) => r.org_id === poLai)!.data).toMatchObject({ present: 10 });
    const history = await auditOf(banChangReport.id);
    expect(history.map((a) => a.action)).toEqual(["report.submit", "report.correct"]);
    expect(history[1]!.before).toMatchObject({ present: 8 });
    expect(history[1]!.after).toMatchObject({ present: 7 });
  });

  it("asks which cell's report to correct when both can be, keeping the correction while asking", async () => {
    await submitFor("bc sh cb t10: hop toi 5/10 19h, co mat 8/9, vang 1 cld", "Chi bộ thôn Bản Chang");
    await submitFor("bc sh cb t11: hop toi 5/11 19h, co mat 10/11, vang 1 cld", "Chi bộ thôn Pò Lài");

    const pick = await h.sayText(sec, "sửa lại: có mặt 7");
    expect(pick).toContain("Sửa báo cáo của chi bộ nào?");
    expect(pick).toContain("Chi bộ thôn Pò Lài — tháng 11/2025");
    expect(pick).toContain("Chi bộ thôn Bản Chang — tháng 10/2025");
    expect(await corrections()).toHaveLength(0);

    const preview = await h.sayText(sec, choiceOf(pick, "Bản Chang"));
    expect(preview).toContain("Báo cáo sinh hoạt chi bộ của Chi bộ thôn Bản Chang — tháng 10/2025");
    expect(preview).toContain("Số đảng viên có mặt: 7 (trước: 8)");
    expect(preview).toContain("Tin nhắn này sẽ CẬP NHẬT báo cáo đó");
    expect(preview).toContain("Đồng chí kiểm tra lại và xác nhận cập nhật báo cáo?");
    expect(await h.sayText(sec, "1")).toContain("Đã cập nhật Báo cáo sinh hoạt chi bộ của Chi bộ thôn Bản Chang, tháng 10/2025 (lần sửa thứ 1)");

    const stored = await reports();
    const banChangReport = stored.find((r) => r.org_id === banChang)!;
    expect(banChangReport).toMatchObject({ period: "2025-10" });
    expect(banChangReport.data).toMatchObject({ present: 7 });
    expect(stored.find((r) => r.org_id === poLai)!.data).toMatchObject({ present: 10 });
    const history = await auditOf(banChangReport.id);
    expect(history.map((a) => a.action)).toEqual(["report.submit", "report.correct"]);
    expect(history[1]!.before).toMatchObject({ present: 8 });
    expect(history[1]!.after).toMatchObject({ present: 7 });
  });

  it("takes the cell of a correction by its typed name and asks again after a stray message", async () => {
    await submitFor("bc sh cb t11: hop toi 4/11 19h, co mat 8/9, vang 1 cld", "Chi bộ thôn Bản Chang");
    await submitFor("bc sh cb t11: hop toi 5/11 19h, co mat 10/11, vang 1 cld", "Chi bộ thôn Pò Lài");
    await h.sayText(sec, "sửa lại: vắng 2 có lý do");
    const again = await h.sayText(sec, "để tôi xem lại");
    expect(again).toContain("Xin đồng chí chọn một trong các lựa chọn bên dưới");
    expect(again).toContain("Sửa báo cáo của chi bộ nào?");
    const preview = await h.sayText(sec, "chi bo thon po lai");
    expect(preview).toContain("Chi bộ thôn Pò Lài — tháng 11/2025");
    expect(preview).toContain("Vắng có lý do: 2 (trước: 1)");
    await h.sayText(sec, "Cập nhật báo cáo");
    expect((await reports()).find((r) => r.org_id === poLai)!.data).toMatchObject({ absent_excused: 2, present: 10 });
  });

  it("refuses a forged choice of a cell the secretary does not lead, changing nothing", async () => {
    await submitFor("bc sh cb t11: hop toi 4/11 19h, co mat 8/9, vang 1 cld", "Chi bộ thôn Bản Chang");
    await submitFor("bc sh cb t11: hop toi 5/11 19h, co mat 10/11, vang 1 cld", "Chi bộ thôn Pò Lài");
    const naThua = (await findOrgByCode(h.db.db, "DEMO-CB-NATHUA"))!.id;
    await h.db.db
      .insertInto("report_submission")
      .values({ org_id: naThua, form: "monthly-meeting", period: "2025-11", data: JSON.stringify({ present: 12 }), form_version: 1, status: "submitted", source: "quick", revision: 1, submitted_by: null, submitted_at: h.clock.now })
      .execute();
    const before = await reports();

    await h.sayText(sec, "sửa lại: có mặt 7");
    const forged = await h.sayText(sec, "", { text: undefined, action: `rcc:${naThua}` });
    expect(forged).toContain("không có quyền");
    expect(forged).not.toContain("(trước:");
    expect(await reports()).toEqual(before);
    expect(await corrections()).toHaveLength(0);

    // The held correction is still there for a real choice; once taken, its choice is stale.
    const preview = await h.sayText(sec, "", { text: undefined, action: `rcc:${poLai}` });
    expect(preview).toContain("Số đảng viên có mặt: 7 (trước: 10)");
    await h.sayText(sec, "1");
    expect(await h.sayText(sec, "", { text: undefined, action: `rcc:${banChang}` })).toContain("hết hạn");
    const after = await reports();
    expect(after.find((r) => r.org_id === banChang)!.data).toMatchObject({ present: 8 });
    expect(after.find((r) => r.org_id === naThua)!.data).toMatchObject({ present: 12 });
    expect(await corrections()).toHaveLength(1);
  });

  it("asks in English after /ngonngu en", async () => {
    await submitFor("bc sh cb t11: hop toi 4/11 19h, co mat 8/9, vang 1 cld", "Chi bộ thôn Bản Chang");
    await submitFor("bc sh cb t11: hop toi 5/11 19h, co mat 10/11, vang 1 cld", "Chi bộ thôn Pò Lài");
    await h.sayText(sec, "/ngonngu en");
    try {
      const pick = await h.sayText(sec, "sửa lại: có mặt 7");
      expect(pick).toContain("Which cell's report are you correcting?");
      expect(pick).toContain("Chi bộ thôn Bản Chang — November 2025");
      expect(await h.sayText(sec, choiceOf(pick, "Bản Chang"))).toContain("Members present: 7 (was: 8)");
    } finally {
      await h.sayText(sec, "/ngonngu vi");
    }
  });

  it("says why nothing can be corrected: no report yet, or every one accepted", async () => {
    const none = await h.sayText(sec, "sửa lại: có mặt 7");
    expect(none).toContain("Chưa có báo cáo sinh hoạt nào để sửa");
    await submitFor("bc sh cb t11: hop toi 4/11 19h, co mat 8/9, vang 1 cld", "Chi bộ thôn Bản Chang");
    await h.db.db.updateTable("report_submission").set({ status: "accepted" }).execute();
    expect(await h.sayText(sec, "sửa lại: có mặt 7")).toContain("đã được Đảng ủy duyệt");
    expect((await reports())[0]!.data).toMatchObject({ present: 8 });
  });
});
