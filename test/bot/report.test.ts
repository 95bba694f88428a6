import { expect, it } from "vitest";
import type { BotHarness } from "../support/bot-harness.js";
import { describeEngines } from "../support/engines.js";
import { secretaryOfPoLai } from "../support/secretary-session.js";

describeEngines("reports by chat", (engine) => {
  let h: BotHarness;
  let sec: string;
  let cellId: number;
  const reports = () => h.db.db.selectFrom("report_submission").selectAll().where("org_id", "=", cellId).orderBy("id").execute();

  // 08:00 in Hà Nội, the morning after a 5/11 meeting
  secretaryOfPoLai(engine, new Date("2025-11-06T01:00:00Z"), (s) => ({ h, sec, cellId } = s));

  it("reads a one-message report, shows it back, and stores it on confirmation", async () => {
    const preview = await h.sayText(sec, "bc sh cb t11: hop toi 5/11 19h30, co mat 9/10, vang 1 cld");
    expect(preview).toContain("Tôi hiểu như sau");
    expect(preview).toContain("Ngày sinh hoạt: 05/11/2025");
    expect(preview).toContain("Giờ bắt đầu: 19:30");
    expect(preview).toContain("Số đảng viên có mặt: 9");
    expect(preview).toContain("Số đảng viên phải dự: 10");
    expect(preview).toContain("Vắng có lý do: 1");
    expect(preview).toContain("1. Gửi báo cáo");
    expect(await reports()).toHaveLength(0);

    expect(await h.sayText(sec, "1")).toContain("Đã lưu Báo cáo sinh hoạt chi bộ của Chi bộ thôn Pò Lài, tháng 11/2025");
    const [stored] = await reports();
    expect(stored).toMatchObject({ form: "monthly-meeting", period: "2025-11", status: "submitted", form_version: 2, source: "quick" });
    expect(stored!.data).toMatchObject({ meeting_date: "2025-11-05", start_time: "19:30", present: 9, members_expected: 10, absent_excused: 1 });
  });

  it("asks only for what a quick report left out, reading number words", async () => {
    const first = await h.sayText(sec, "bao cao sh chi bo: hop toi 5/11, vang 1 co ly do");
    expect(first).toContain("Còn thiếu");
    expect(first).toContain("Chi bộ có bao nhiêu đảng viên phải dự?");
    expect(first).toContain("Giữ: 10");
    const second = await h.sayText(sec, "mười");
    expect(second).toContain("Có bao nhiêu đảng viên có mặt?");
    const summary = await h.sayText(sec, "chín");
    expect(summary).toContain("Số đảng viên có mặt: 9");
    expect(summary).toContain("Gửi báo cáo");
    await h.sayText(sec, "gửi báo cáo");
    expect((await reports())[0]!.data).toMatchObject({ members_expected: 10, present: 9 });
  });

  it("walks the guided form with defaults from the schedule and the member count", async () => {
    const pick = await h.sayText(sec, "/baocao");
    expect(pick).toContain("Đồng chí muốn gửi báo cáo nào?");
    const q1 = await h.sayText(sec, "1");
    expect(q1).toContain("Báo cáo sinh hoạt chi bộ của Chi bộ thôn Pò Lài, tháng 11/2025");
    expect(q1).toContain("Giữ: 05/11/2025");
    expect(await h.sayText(sec, "1")).toContain("Giữ: 19:30"); // the scheduled date, then the time
    await h.sayText(sec, "1"); // time kept
    expect(await h.sayText(sec, "thuong ky")).toContain("Giữ: 10"); // kind typed as a word, then members expected
    await h.sayText(sec, "Giữ: 10");
    await h.sayText(sec, "10"); // present: a typed number, not the 10th choice
    await h.sayText(sec, "0"); // absent excused
    await h.sayText(sec, "bỏ qua"); // absent unexcused: optional
    await h.sayText(sec, "có"); // cadre present
    const back = await h.sayText(sec, "quay lại");
    expect(back).toContain("Cấp ủy viên phụ trách có dự không?");
    await h.sayText(sec, "có");
    expect(await h.sayText(sec, "95")).toContain("Giữ: Nhà văn hóa thôn Pò Lài"); // duration, then the place from the rule
    await h.sayText(sec, "giữ");
    const resolution = await h.sayText(sec, "Phổ biến nghị quyết; thu đảng phí"); // content items (thematic topic skipped: regular)
    expect(resolution).toContain("Nghị quyết của chi bộ: mỗi việc một dòng");
    expect(await h.sayText(sec, ";;")).toContain("Tôi chưa đọc được việc nào.");
    const last = await h.sayText(sec, "Thu đảng phí trước 20/11 - đ/c Mai");
    expect(last).toContain("• Nội dung: Phổ biến nghị quyết; thu đảng phí");
    // The owner as the cell's roll writes them, as in a quick report.
    expect(last).toContain("• Nghị quyết: Thu đảng phí — Vi Thị Mai — 20/11/2025");
    expect(last).toContain("• Số đảng viên có mặt: 10");
    await h.sayText(sec, "1");
    const [stored] = await reports();
    expect(stored!.data).toMatchObject({ meeting_date: "2025-11-05", kind: "regular", present: 10, members_expected: 10, cadre_present: true, duration_min: 95, content_items: ["Phổ biến nghị quyết", "thu đảng phí"], resolutions: [{ task: "Thu đảng phí", owner: "Vi Thị Mai", due: "2025-11-20" }], place: "Nhà văn hóa thôn Pò Lài" });
    expect(stored!.source).toBe("guided");
  });

  it("refuses bad values with a clear reply and stores nothing", async () => {
    const future = await h.sayText(sec, "bc sh cb: hop ngay 25/11 19h30, co mat 9/10, vang 1 cld");
    expect(future).toContain("không thể ở tương lai");
    expect(future).toContain("Chưa gửi được");
    expect(future).not.toContain("Gửi báo cáo");
    await h.sayText(sec, "/baocao sinh hoat");
    await h.sayText(sec, "1");
    await h.sayText(sec, "1");
    await h.sayText(sec, "thuong ky");
    await h.sayText(sec, "10");
    expect(await h.sayText(sec, "-3")).toContain("không được âm");
    expect(await h.sayText(sec, "abc")).toContain("chưa đọc được số");
    expect(await reports()).toHaveLength(0);
  });

  it("reads more present than expected, warns, and still lets the secretary send it", async () => {
    const preview = await h.sayText(sec, "bc sh cb t11: hop toi 5/11 19h30, co mat 30/27 (3 dc sinh hoat tam thoi)");
    expect(preview).toContain("Tôi hiểu như sau");
    expect(preview).toContain("Số đảng viên có mặt: 30");
    expect(preview).toContain("Số đảng viên phải dự: 27");
    expect(preview).toContain("⚠ Số có mặt (30) lớn hơn số phải dự (27)");
    expect(preview).not.toContain("Chưa gửi được");
    expect(preview).toContain("1. Gửi báo cáo");
    await h.sayText(sec, "1");
    expect((await reports())[0]!.data).toMatchObject({ present: 30, members_expected: 27 });
  });

  it("applies a correction to the period's report, keeps the history, and locks it once accepted", async () => {
    await h.sayText(sec, "bc sh cb t11: hop toi 5/11 19h30, co mat 10/10");
    await h.sayText(sec, "1");
    const preview = await h.sayText(sec, "sửa lại: có mặt 9 chứ ko phải 10 nhé, vắng 1 có lý do");
    expect(preview).toContain("Số đảng viên có mặt: 9 (trước: 10)");
    expect(await h.sayText(sec, "1")).toContain("lần sửa thứ 1)");
    const [stored] = await reports();
    expect(stored!.data).toMatchObject({ present: 9, absent_excused: 1 });
    const history = await h.db.db.selectFrom("audit_log").selectAll().where("entity", "=", "report_submission").where("entity_id", "=", String(stored!.id)).orderBy("id").execute();
    expect(history.map((a) => a.action)).toEqual(["report.submit", "report.correct"]);
    expect(history[1]!.before).toMatchObject({ present: 10 });
    expect(history[1]!.after).toMatchObject({ present: 9 });

    const office = await h.as("DEMO-VP-TANVAN");
    const waiting = await h.sayText(office, "/duyet");
    expect(waiting).toContain("1 báo cáo đang chờ duyệt");
    expect(waiting).toContain("Chi bộ thôn Pò Lài");
    expect(await h.sayText(office, "1")).toContain("1. Duyệt báo cáo");
    expect(await h.sayText(office, "1")).toContain("Báo cáo đã khóa");

    expect(await h.sayText(sec, "sửa lại: có mặt 8")).toContain("đã được Đảng ủy duyệt");
    expect((await reports())[0]!.data).toMatchObject({ present: 9 });
  });

  it("lets only the cell's leaders submit and only the office accept", async () => {
    const member = await h.as("DEMO-DV-POLAI-MAI");
    expect(await h.sayText(member, "bc sh cb t11: hop toi 5/11 19h30, co mat 9/10, vang 1 cld")).toContain("Chỉ bí thư hoặc phó bí thư");
    expect(await h.sayText(member, "/baocao")).toContain("không có quyền");
    await h.sayText(sec, "bc sh cb t11: hop toi 5/11 19h30, co mat 10/10");
    await h.sayText(sec, "1");
    const [stored] = await reports();
    expect(await h.sayText(sec, "", { text: undefined, action: `ra:${stored!.id}:accept:${stored!.revision}` })).toContain("không có quyền");
    const otherOffice = await h.as("DEMO-VP-KYLUA");
    expect(await h.sayText(otherOffice, "", { text: undefined, action: `ra:${stored!.id}:accept:${stored!.revision}` })).toContain("không có quyền");
    expect(await h.sayText(otherOffice, "", { text: undefined, action: `rv:${stored!.id}` })).toContain("không có quyền");
    expect((await reports())[0]!.status).toBe("submitted");
  });

  it("offers last quarter's village data as 'no change' in one tap", async () => {
    await h.sayText(sec, "/baocao so lieu thon");
    for (const answer of ["142", "618", "5,2", "3", "31", "2", "87", "95", "12", "24", "có"]) await h.sayText(sec, answer);
    expect(await h.sayText(sec, "Gửi báo cáo")).toContain("quý 3/2025");
    h.clock.now = new Date("2026-01-05T01:00:00Z");
    const first = await h.sayText(sec, "/baocao so lieu thon");
    expect(first).toContain("quý 4/2025");
    expect(first).toContain("– Không thay đổi");
    // A digit would answer the number question; the choice is typed as its words (or tapped on Telegram).
    const summary = await h.sayText(sec, "khong thay doi");
    expect(summary).toContain("• Số hộ: 142");
    expect(summary).toContain("• Diện tích (km²): 5,2");
    await h.sayText(sec, "1");
    const stored = await reports();
    expect(stored.map((r) => r.period)).toEqual(["2025-Q3", "2025-Q4"]);
    expect(stored[1]!.data).toEqual(stored[0]!.data);
  });
});
