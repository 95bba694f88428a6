import { expect, it } from "vitest";
import { insertReport } from "../../src/db/report.repository.js";
import type { BotHarness } from "../support/bot-harness.js";
import { describeEngines } from "../support/engines.js";
import { secretaryOfPoLai } from "../support/secretary-session.js";

/** A second report for a period already sent updates it, said so in the preview; nothing unstated is lost. */
describeEngines("a new report for a period already sent", (engine) => {
  let h: BotHarness;
  let sec: string;
  let cellId: number;
  const stored = (form: string) =>
    h.db.db.selectFrom("report_submission").selectAll().where("org_id", "=", cellId).where("form", "=", form).where("period", "=", "2025-12").executeTakeFirstOrThrow();

  // 07/12/2025 08:00 local.
  secretaryOfPoLai(engine, new Date("2025-12-07T01:00:00Z"), (s) => ({ h, sec, cellId } = s));

  /** The cell's deputy secretary, linked. */
  async function deputy(): Promise<string> {
    const row = await h.db.db
      .selectFrom("role")
      .innerJoin("person", "person.id", "role.person_id")
      .select(["person.code", "person.full_name"])
      .where("role.org_id", "=", cellId)
      .where("role.role", "=", "deputy_secretary")
      .executeTakeFirstOrThrow();
    return h.as(row.code!);
  }

  it("says the meeting report is on file, changes only what the message states, keeps the tasks and records an update", async () => {
    await h.sayText(sec, "bc sh t12: hop 5/12 19h30, co mat 9/10, vang 1 co ly do (d/c Mai om), noi dung: trien khai nghi quyet, NQ: 1. thu dang phi truoc 20/12 - d/c Mai");
    expect(await h.sayText(sec, "1")).toContain("Đã lưu");
    const first = await stored("monthly-meeting");
    expect(first.data).toMatchObject({ start_time: "19:30", present: 9, absent_excused: 1 });
    expect(first.data.resolutions).toHaveLength(1);
    const tasks = () => h.db.db.selectFrom("resolution_task").select("task").where("org_id", "=", cellId).where("period", "=", "2025-12").execute();
    expect(await tasks()).toHaveLength(1);

    h.clock.now = new Date("2025-12-07T03:00:00Z");
    const dep = await deputy();
    const preview = await h.sayText(dep, "bc sh t12: hop 5/12, co mat 10/10");
    expect(preview).toContain("Tôi hiểu như sau");
    expect(preview).toContain("Kỳ này (tháng 12/2025) đã có Báo cáo sinh hoạt chi bộ, do đ/c Hoàng Văn Páo gửi lúc 08:00 ngày 07/12/2025.");
    expect(preview).toContain("Tin nhắn này sẽ CẬP NHẬT báo cáo đó");
    expect(preview).toContain("Số đảng viên có mặt: 10 (trước: 9)");
    expect(preview).toContain("Giờ bắt đầu: 19:30");
    expect(preview).not.toContain("Giờ bắt đầu: 19:30 (trước");
    expect(preview).toContain("xác nhận cập nhật báo cáo");

    expect(await h.sayText(dep, "1")).toContain("Đã cập nhật Báo cáo sinh hoạt chi bộ của Chi bộ thôn Pò Lài, tháng 12/2025 (lần sửa thứ 1)");
    const after = await stored("monthly-meeting");
    expect(after.data).toMatchObject({ start_time: "19:30", present: 10, members_expected: 10, absent_excused: 0, content_items: first.data.content_items, resolutions: first.data.resolutions });
    // "có mặt 10/10": the one absent before is no longer absent.
    expect(after.data.absentees).toBeUndefined();
    expect(await tasks()).toHaveLength(1);

    const list = await h.sayText(sec, "/lichsu");
    const line = list.split("\n").find((l) => l.includes("tháng 12/2025"))!;
    const history = await h.sayText(sec, /^(\d+)\./.exec(line)![1]!);
    expect(history).toContain("07/12/2025 10:00 — ");
    expect(history).toContain(": cập nhật báo cáo\n  • Số đảng viên có mặt: 9 → 10");
    expect(history).not.toContain("Giờ bắt đầu");
    expect(history).not.toContain("Nghị quyết");
    expect(history).not.toContain("gửi lại báo cáo");
  });

  it("keeps a dues report's remitted amount and date, and works the cell's share out again", async () => {
    await h.sayText(sec, "dang phi t12: thu 4/5 dv, tong 260.000d, nop xa 182.000d ngay 6/12");
    await h.sayText(sec, "1");
    expect((await stored("party-dues")).data).toMatchObject({ amount_vnd: 260_000, remitted_vnd: 182_000, retained_vnd: 78_000, remitted_date: "2025-12-06" });

    const preview = await h.sayText(sec, "dang phi t12: thu 5/5 dv, 300.000d");
    expect(preview).toContain("Kỳ này (tháng 12/2025) đã có Thu nộp đảng phí");
    expect(preview).toContain("Tổng số tiền: 300.000 đ (trước: 260.000 đ)");
    expect(preview).toContain("Số tiền nộp lên Đảng ủy: 182.000 đ");
    expect(preview).not.toContain("Số tiền nộp lên Đảng ủy: 182.000 đ (trước");
    expect(preview).not.toContain("không bằng tổng thu");
    await h.sayText(sec, "1");
    expect((await stored("party-dues")).data).toMatchObject({ paid: 5, amount_vnd: 300_000, remitted_vnd: 182_000, retained_vnd: 118_000, remitted_date: "2025-12-06" });
  });

  it("refuses a new report for a period the office accepted, and leaves it as it was", async () => {
    await h.sayText(sec, "bc sh t12: hop 5/12 19h30, co mat 9/10, vang 1 co ly do");
    await h.sayText(sec, "1");
    const report = await stored("monthly-meeting");
    const office = await h.as("DEMO-VP-TANVAN");
    await h.sayText(office, "", { text: undefined, action: `ra:${report.id}:accept:${report.revision}` });
    expect(await h.sayText(sec, "bc sh t12: hop 5/12, co mat 10/10")).toContain("đã được Đảng ủy duyệt nên không gửi lại được");
    expect(await stored("monthly-meeting")).toMatchObject({ revision: 1, status: "accepted", data: report.data });
  });

  it("writes nothing over a report sent after its preview was shown", async () => {
    const preview = await h.sayText(sec, "bc sh t12: hop 5/12, co mat 10/10");
    expect(preview).not.toContain("Kỳ này");
    await insertReport(h.db.db, { orgId: cellId, form: "monthly-meeting", period: "2025-12", data: { meeting_date: "2025-12-05", kind: "regular", members_expected: 10, present: 8 }, formVersion: 2, by: null, at: h.clock.now, source: "quick" });
    expect(await h.sayText(sec, "1")).toContain("vừa được gửi hoặc sửa");
    expect((await stored("monthly-meeting")).data).toMatchObject({ present: 8 });
  });

  it("warns, without blocking, of a meeting dated in another month than the report's", async () => {
    const preview = await h.sayText(sec, "bc sh cb t12: hop toi 30/11, co mat 10/10");
    expect(preview).toContain("Báo cáo sinh hoạt chi bộ của Chi bộ thôn Pò Lài — tháng 12/2025");
    expect(preview).toContain("Ngày họp 30/11/2025 thuộc tháng 11/2025, không phải tháng 12/2025 của báo cáo.");
    expect(preview).toContain("1. Gửi báo cáo");
    expect(await h.sayText(sec, "bc sh t12: hop 5/12, co mat 10/10")).not.toContain("Ngày họp");
  });

  it("heads a preview that cannot be sent as it heads the others", async () => {
    const preview = await h.sayText(sec, "dang phi t12: thu 5/5 dv, tong 300.000d, nop xa 400.000d");
    expect(preview).toContain("Chưa gửi được vì");
    expect(preview.startsWith("Tôi hiểu như sau")).toBe(true);
  });

  it("tells a guided report for a period already sent that it updates it, with the answers sent as suggestions", async () => {
    await h.sayText(sec, "bc sh t12: hop 5/12 19h30, co mat 9/10, vang 1 co ly do");
    await h.sayText(sec, "1");
    const start = await h.sayText(sec, "/baocao sh");
    expect(start).toContain("Kỳ này (tháng 12/2025) đã có Báo cáo sinh hoạt chi bộ");
    expect(start).toContain("gửi lần này sẽ CẬP NHẬT báo cáo đó");
    expect(start).toContain("Giữ: 05/12/2025");
    expect(start).not.toContain("Không thay đổi");
  });
});
