import { expect, it } from "vitest";
import { listCellMembers } from "../../src/db/org.repository.js";
import { replyText, type BotHarness } from "../support/bot-harness.js";
import { describeEngines } from "../support/engines.js";
import { secretaryOfPoLai } from "../support/secretary-session.js";

/** One-message reports of the forms other than the meeting, typed without /baocao. */
describeEngines("quick reports of every form", (engine) => {
  let h: BotHarness;
  let sec: string;
  let cellId: number;
  const reports = () => h.db.db.selectFrom("report_submission").selectAll().where("org_id", "=", cellId).orderBy("id").execute();

  secretaryOfPoLai(engine, new Date("2025-11-20T02:00:00Z"), (s) => ({ h, sec, cellId } = s));

  it("takes a dues report typed without /baocao to the dues form, amounts collected and remitted apart", async () => {
    const preview = await h.sayText(sec, "dp t11: thu 9/10 dv, tong 1tr2, da nop DUX 600k ngay 18/11");
    expect(preview).toContain("Thu nộp đảng phí");
    expect(preview).toContain("Số đảng viên phải đóng: 10");
    expect(preview).toContain("Số đảng viên đã đóng: 9");
    expect(preview).toContain("Tổng số tiền: 1.200.000 đ");
    expect(preview).toContain("Số tiền nộp lên Đảng ủy: 600.000 đ");
    expect(preview).toContain("Ngày nộp lên Đảng ủy: 18/11/2025");
    expect(await reports()).toHaveLength(0);
    await h.sayText(sec, "1");
    const [stored] = await reports();
    expect(stored).toMatchObject({ form: "party-dues", period: "2025-11", status: "submitted", source: "quick" });
    expect(stored!.data).toMatchObject({ liable: 10, paid: 9, amount_vnd: 1_200_000, remitted_vnd: 600_000, remitted_date: "2025-11-18" });
  });

  it("records who has not paid, chosen from the cell's roll, and keeps the cell's share apart from what it remitted", async () => {
    const roll = await listCellMembers(h.db.db, cellId, "2025-11-20");
    const [first, second] = roll.map((m) => m.full_name);
    const preview = await h.sayText(sec, "dp t11: thu 8/10 dv, tong 960k, da nop DUX 480k ngay 18/11");
    expect(preview).toContain("Còn 2 đồng chí chưa đóng đảng phí.");
    expect(preview).toContain("Số tiền chi bộ giữ lại: 480.000 đ");
    expect(preview).toContain("2. Ghi tên 2 đồng chí chưa đóng");
    const pick = await h.sayText(sec, "2");
    expect(pick).toContain("còn 2 đồng chí");
    expect(pick).toContain(`1. ${first}`);
    // One by its number; a payload naming someone outside the cell changes nothing; the other typed by name.
    const left = await h.say(sec, "1");
    expect(replyText(left.replies)).toContain("còn 1 đồng chí");
    const outsider = await h.db.db.selectFrom("person").select("id").where("id", "not in", roll.map((m) => m.id)).executeTakeFirstOrThrow();
    // The list's own token, with another person's id in place of a member's.
    const shown = left.replies.flatMap((r) => r.choices ?? []).find((c) => c.action.startsWith("rp:unp:"))!.action.split(":");
    expect(await h.sayText(sec, "", { text: undefined, action: `rp:unp:${outsider.id}:${shown.at(-1)}` })).toContain("hết hạn");
    const again = await h.sayText(sec, "Không Có Ai Tên Này");
    expect(again).toContain("Không thấy");
    const summary = await h.sayText(sec, second!);
    expect(summary).toContain(`Đồng chí chưa đóng: ${first}; ${second}`);
    expect(summary).not.toContain("Ghi tên");
    await h.sayText(sec, "1");
    const [stored] = await reports();
    expect(stored!.data).toMatchObject({ liable: 10, paid: 8, amount_vnd: 960_000, remitted_vnd: 480_000, retained_vnd: 480_000, unpaid_names: [first, second] });
  });

  it("reads the names of the unpaid and the amount kept by the cell from the message itself", async () => {
    const roll = await listCellMembers(h.db.db, cellId, "2025-11-20");
    const name = roll[0]!.full_name;
    const preview = await h.sayText(sec, `Đảng phí T11: thu 9/10 đ/c, 1 đ/c chưa đóng (đ/c ${name}), tổng 1.080.000đ, để lại chi bộ 540.000đ, nộp ĐUX 540.000đ ngày 18/11`);
    expect(preview).toContain(`Đồng chí chưa đóng: ${name}`);
    expect(preview).toContain("Số tiền chi bộ giữ lại: 540.000 đ");
    expect(preview).not.toContain("Ghi tên");
    await h.sayText(sec, "1");
    const [stored] = await reports();
    expect(stored!.data).toMatchObject({ amount_vnd: 1_080_000, remitted_vnd: 540_000, retained_vnd: 540_000, unpaid_names: [name] });
  });

  it("corrects a dues report and a village report with 'sửa lại', showing what changed", async () => {
    await h.sayText(sec, "dp t11: thu 9/10 dv, tong 1tr2, da nop DUX 600k ngay 18/11");
    await h.sayText(sec, "1");
    const preview = await h.sayText(sec, "sửa lại: đảng phí tháng 11 thu 10 đ/c chứ không phải 9, tổng 1.250.000đ");
    expect(preview).toContain("Số đảng viên đã đóng: 10 (trước: 9)");
    expect(preview).toContain("Tổng số tiền: 1.250.000 đ (trước: 1.200.000 đ)");
    // The cell's share follows the amount collected: what was not remitted of the new amount.
    expect(preview).toContain("Số tiền chi bộ giữ lại: 650.000 đ (trước: 600.000 đ)");
    expect(preview.match(/\(trước:/g)).toHaveLength(3);
    expect(await h.sayText(sec, "1")).toContain("lần sửa thứ 1");
    const [dues] = await reports();
    expect(dues!.data).toMatchObject({ liable: 10, paid: 10, amount_vnd: 1_250_000, remitted_vnd: 600_000, retained_vnd: 650_000 });

    h.clock.now = new Date("2025-10-03T02:00:00Z");
    await h.sayText(sec, "Số liệu thôn Pò Lài quý 3: 142 hộ, 618 khẩu, 12 hộ nghèo, 9 hộ cận nghèo, đv 31 (dự bị 2)");
    await h.sayText(sec, "1");
    const village = await h.sayText(sec, "sửa lại số liệu quý 3: hộ nghèo 11 chứ không phải 12");
    expect(village).toContain("Số hộ nghèo: 11 (trước: 12)");
    await h.sayText(sec, "1");
    const stored = (await reports()).find((r) => r.form === "village-quarterly");
    expect(stored!.data).toMatchObject({ households: 142, poor_households: 11, near_poor_households: 9 });
  });

  it("keeps last quarter's village data for what a 'không thay đổi' report does not state", async () => {
    h.clock.now = new Date("2025-10-03T02:00:00Z");
    await h.sayText(sec, "Số liệu thôn Pò Lài quý 3: 142 hộ, 618 khẩu, 12 hộ nghèo, 9 hộ cận nghèo, dt 5,2 km2, đv 31 (dự bị 2), PN 87, ND 95, CCB 12, chi đoàn 24, bt kiêm trưởng thôn");
    await h.sayText(sec, "1");
    h.clock.now = new Date("2026-01-05T02:00:00Z");
    const summary = await h.sayText(sec, "so lieu quy 4 khong thay doi so voi quy truoc, rieng ho ngheo con 10");
    expect(summary).toContain("quý 4/2025");
    expect(summary).toContain("• Số hộ: 142");
    expect(summary).toContain("• Số hộ nghèo: 10");
    expect(summary).toContain("• Số hộ cận nghèo: 9");
    await h.sayText(sec, "1");
    const stored = await reports();
    expect(stored.map((r) => r.period)).toEqual(["2025-Q3", "2025-Q4"]);
    expect(stored[1]!.data).toEqual({ ...stored[0]!.data, poor_households: 10 });
  });

  it("reads an admissions report and asks nothing more when the count is there", async () => {
    h.clock.now = new Date("2025-10-04T02:00:00Z");
    const summary = await h.sayText(sec, "quý 3 chi bộ kết nạp 2 đv mới (1 nữ, 2 dtts), chuyển chính thức 1 đ/c; đang làm hồ sơ chuyển chính thức cho đ/c Nông Thị Duyên");
    expect(summary).toContain("Số đảng viên mới kết nạp: 2");
    expect(summary).toContain("Số đảng viên được công nhận chính thức: 1");
    expect(summary).toContain("Nông Thị Duyên");
    await h.sayText(sec, "1");
    const [stored] = await reports();
    expect(stored).toMatchObject({ form: "admissions", period: "2025-Q3" });
    expect(stored!.data).toMatchObject({ admitted: 2, women: 1, ethnic_minority: 2, made_full: 1, pending_full: ["Nông Thị Duyên"] });
  });

  it("reads a rating report, then asks only for the cell's scores it lacks", async () => {
    h.clock.now = new Date("2025-12-20T02:00:00Z");
    const first = await h.sayText(sec, "Kết quả xếp loại đv năm 2025: HTXS 1, HTT 7, HT 1, KHT 0, ko xếp loại 1. Cb tự xếp HTT");
    expect(first).toContain("Đảng viên hoàn thành tốt: 7");
    expect(first).toContain("Còn thiếu");
    expect(first).toContain("điểm tiêu chí chung");
    expect(first).not.toContain("Bao nhiêu đảng viên hoàn thành tốt");
  });

  it("does not take a question about dues or a notice for a report", async () => {
    expect(await h.sayText(sec, "dp thang nay nop cho ai vay a?")).not.toContain("Tôi hiểu như sau");
    expect(await h.sayText(sec, "Các đ/c nhớ đóng đảng phí tháng 11 trước ngày 25/11 nhé")).not.toContain("Tôi hiểu như sau");
    expect(await reports()).toHaveLength(0);
  });

  it("lets a whole new report typed while one waits for its confirmation take its place, and says which went unsent", async () => {
    const first = await h.sayText(sec, "dp t11: thu 9/10 dv, tong 1tr2, da nop DUX 600k ngay 18/11");
    expect(first).toContain("Thu nộp đảng phí");
    const second = await h.sayText(sec, "bc sh cb t11: hop toi 5/11 19h30 tai nha van hoa, co mat 9/10, vang 1 cld");
    expect(second).toContain("Thu nộp đảng phí tháng 11/2025 chưa gửi được thay bằng báo cáo mới dưới đây.");
    expect(second).toContain("Số đảng viên có mặt: 9");
    // Text that is no report still answers the open question.
    expect(await h.sayText(sec, "ok")).toContain("Xin đồng chí chọn một trong các lựa chọn bên dưới.");
    await h.sayText(sec, "1");
    const stored = await reports();
    expect(stored.map((r) => r.form)).toEqual(["monthly-meeting"]);
  });
});
