import { afterAll, beforeAll, expect, it } from "vitest";
import { DEMO_SECRETARY_CODE } from "../../src/db/demo-seed.js";
import { findOrgByCode } from "../../src/db/org.repository.js";
import { clearSettings, settingsSinceAlways } from "../support/reminder-settings.js";
import { findPersonByCode } from "../../src/db/person.repository.js";
import { loadActor } from "../../src/services/actor.service.js";
import { submitReport } from "../../src/services/report.service.js";
import { rollupFor, rollupTableOf } from "../../src/services/rollup.service.js";
import { readMonth } from "../../src/bot/features/rollup.js";
import "../../src/channels/telegram/telegram-capabilities.js";
import { renderAll } from "../../src/channels/zalo/zalo-render.js";
import { insertConsent } from "../../src/db/privacy.repository.js";
import { PRIVACY_NOTICE_VERSION } from "../../src/domain/privacy.js";
import type { FormId } from "../../src/domain/forms/registry.js";
import { botHarness, replyText, type BotHarness } from "../support/bot-harness.js";
import { describeEngines } from "../support/engines.js";

const TODAY = "2025-11-10";

describeEngines("roll-ups: who reported", (engine) => {
  let h: BotHarness;
  let tanVan: number;
  beforeAll(async () => {
    h = await botHarness(engine, { now: new Date("2025-11-10T03:00:00Z") });
    const db = h.db.db;
    tanVan = (await findOrgByCode(db, "DEMO-XA-TANVAN"))!.id;
    const submitForm = async (form: FormId, secretary: string, cell: string, period: string, values: Record<string, unknown>) => {
      const actor = await loadActor(db, (await findPersonByCode(db, secretary))!.id, TODAY);
      const orgId = (await findOrgByCode(db, cell))!.id;
      const result = await submitReport(db, actor, { orgId, form, period, values, source: "quick" }, h.clock.now, TODAY);
      expect(result.ok).toBe(true);
    };
    const submit = (secretary: string, cell: string, period: string, values: Record<string, unknown>) => submitForm("monthly-meeting", secretary, cell, period, values);
    await submitForm("party-dues", DEMO_SECRETARY_CODE, "DEMO-CB-POLAI", "2025-11", { liable: 11, paid: 10, amount_vnd: 1_100_000, remitted_vnd: 330_000 });
    await submitForm("party-dues", "DEMO-CB-DONGME-BT", "DEMO-CB-DONGME", "2025-11", { liable: 10, paid: 10, amount_vnd: 800_000, remitted_date: "2025-11-08" });
    await submitForm("party-dues", "DEMO-CB-TANHOA1-BT", "DEMO-CB-TANHOA1", "2025-11", { liable: 9, paid: 9, amount_vnd: 900_000 });
    await submitForm("party-dues", "DEMO-CB-BANCHANG-BT", "DEMO-CB-BANCHANG", "2025-11", { liable: 8, paid: 8, amount_vnd: 400_000, remitted: false });
    await submitForm("village-quarterly", DEMO_SECRETARY_CODE, "DEMO-CB-POLAI", "2025-Q3", { households: 120, population: 480, poor_households: 12, members: 11 });
    await submitForm("admissions", DEMO_SECRETARY_CODE, "DEMO-CB-POLAI", "2025-Q3", { admitted: 2, women: 1, ethnic_minority: 2, made_full: 1, pending_full: ["Vi Thị Mai"] });
    await submitForm("annual-rating", DEMO_SECRETARY_CODE, "DEMO-CB-POLAI", "2025", { general_score: 28, task_score: 65, htxs: 1, htt: 6, ht: 3, kht: 0 });
    await submitForm("annual-rating", "DEMO-CB-TANHOA1-BT", "DEMO-CB-TANHOA1", "2025", { general_score: 20, task_score: 35, htxs: 0, htt: 3, ht: 5, kht: 1 });
    // Bản Chang cancelled its October meeting: no report was due, and the roll-up says so.
    const banChang = (await findOrgByCode(db, "DEMO-CB-BANCHANG"))!.id;
    await db.insertInto("meeting_override").values({ org_id: banChang, period: "2025-10", cancelled: true, reason: "bão" }).execute();
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
    expect(byName["Chi bộ cơ quan Đảng bộ xã Tân Văn"]).toMatchObject({ status: "pending", due: null, noMeeting: "no_schedule" });
    expect(r.groups).toEqual([expect.objectContaining({ orgId: tanVan, cells: 5, reported: 2, late: 1, pending: 1, noMeeting: 1, belowBar: 1, withUnexcused: 2 })]);
    // The commune's rate is its sums (9 + 7 present of 10 + 9), as the export's table reads it; never the mean of 90% and 78%.
    expect(r.groups[0]).toMatchObject({ present: 16, expected: 19, attendance: 16 / 19 });
    expect(rollupTableOf(r, "").find((x) => x.kind === "total")!.values.attendance_pct).toBe(r.groups[0]!.attendance);
    expect([...r.repeatedAbsence.values()]).toEqual([["Hà Văn Bảy"]]);
  });

  it("shows the commune office each cell, the chart, and the repeated-absence names", async () => {
    const office = await h.as("DEMO-VP-TANVAN");
    const result = await h.say(office, "/tonghop");
    const text = result.replies.map((r) => r.text).join("\n");
    // Both reports were sent on 10/11, after their deadlines (06/11 and 08/11): reported, and said to be late.
    expect(text).toContain("tháng 11/2025: 2/5 chi bộ đã báo cáo, 1 quá hạn, 1 chưa đến hạn; 1 chi bộ dự họp chưa đạt trên 85%. 1 chi bộ không họp kỳ này (chưa có lịch hoặc đã hủy). 2 chi bộ nộp muộn (báo cáo sau hạn).");
    expect(text).toContain("⏸ Chi bộ cơ quan Đảng bộ xã Tân Văn — chưa có lịch sinh hoạt, chưa phải báo cáo");
    expect(text).toContain("☑️ Chi bộ thôn Pò Lài — đã báo cáo nhưng nộp muộn 2 ngày (hạn 08/11/2025), dự họp 90% (1 vắng không lý do)");
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
    expect(text).toContain("• Đảng bộ xã Tân Văn: 2/5 đã báo cáo, 1 quá hạn, 1 chưa đạt 85%, dự họp 16/19 (84%)");
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

  it("rolls up party dues by its words, with or without diacritics, per cell with the commune's total", async () => {
    const office = await h.as("DEMO-VP-TANVAN");
    for (const words of ["/tonghop dang phi", "/tonghop Đảng phí tháng 11/2025"]) {
      const text = await h.sayText(office, words);
      // Cells not reported are late or not yet due, said as the meeting's head says them ("chưa báo cáo" was both).
      expect(text).toMatch(/Thu nộp đảng phí tháng 11\/2025: 3\/5 chi bộ đã báo cáo, \d quá hạn, \d chưa đến hạn\./);
      expect(text).toContain("☑️ Chi bộ thôn Pò Lài — 10/11 đảng viên đã đóng (91%), thu 1.100.000 đ, nộp lên 330.000 đ");
      expect(text).toContain("Cộng: 28/29 đảng viên đã đóng (97%), thu 2.300.000 đ, nộp lên 330.000 đ");
      // Bản Chang said it has not remitted yet: said so, not "nộp lên — đ".
      expect(text).toMatch(/Chi bộ thôn Bản Chang — [^\n]*8\/8 đảng viên đã đóng \(100%\), thu 400\.000 đ, chưa nộp lên\n/);
      // Đồng Mé gave the day it remitted, not the amount: said so, not "nộp lên — đ".
      expect(text).toContain("☑️ Chi bộ thôn Đồng Mé — nộp muộn 2 ngày (hạn 08/11/2025): 10/10 đảng viên đã đóng (100%), thu 800.000 đ, đã nộp lên ngày 08/11/2025\n");
      expect(text).not.toContain("nộp lên — đ");
      expect(text).not.toContain("Tân Hòa 1");
    }
  });

  it("reads 'quý 3/2026' as a quarter, not March: village data and admissions of the quarter", async () => {
    const office = await h.as("DEMO-VP-TANVAN");
    const village = await h.sayText(office, "/tonghop quy 3/2025");
    expect(village).toContain("Số liệu thôn, tổ dân phố quý 3/2025: 1/4 chi bộ đã báo cáo");
    // Sent on 10/11 for a quarter due 10/10.
    expect(village).toContain("☑️ Chi bộ thôn Pò Lài — nộp muộn 31 ngày (hạn 10/10/2025): 120 hộ, 480 nhân khẩu, 12 hộ nghèo (10%), 11 đảng viên");
    const admissions = await h.sayText(office, "/tonghop kết nạp quý III năm 2025");
    expect(admissions).toContain("Kết nạp đảng viên quý 3/2025");
    expect(admissions).toContain("kết nạp 2 (nữ 1, dân tộc thiểu số 2, học sinh, sinh viên —); công nhận chính thức 1; đang chờ chuyển chính thức 1");
    expect(admissions).not.toContain("Vi Thị Mai");
  });

  it("shows the province the rating per commune with percentages, never names, and its own cell as its own", async () => {
    const province = await h.as("DEMO-VP-TINH");
    const text = await h.sayText(province, "/tonghop xep loai nam 2025");
    expect(text).toContain("Kiểm điểm, xếp loại năm 2025: 2/10 chi bộ đã báo cáo");
    expect(text).toContain("• Đảng bộ xã Tân Văn (1/5 đã báo cáo, 0 quá hạn): chi bộ hoàn thành xuất sắc 0 (0%), hoàn thành tốt 1 (100%), hoàn thành 0 (0%), không hoàn thành 0 (0%); đảng viên hoàn thành tốt trở lên 70%");
    expect(text).toContain("• Đảng bộ phường Kỳ Lừa (1/4 đã báo cáo, 0 quá hạn): chi bộ hoàn thành xuất sắc 0 (0%), hoàn thành tốt 0 (0%), hoàn thành 1 (100%)");
    expect(text).not.toMatch(/\b(HTXS|HTT|KHT)\b/);
    expect(text).toContain("Chi bộ trực thuộc Đảng bộ tỉnh Mẫu Sơn:");
    expect(text).toContain("Chi bộ Văn phòng Tỉnh ủy — ");
    expect(text).not.toContain("• Đảng bộ tỉnh Mẫu Sơn");
    expect(text).not.toContain("Pò Lài");
    const result = await h.say(province, "/tonghop 11/2025");
    const chart = result.replies.find((r) => r.attachment);
    expect(chart!.text).toBe("Biểu đồ tình hình gửi báo cáo");
    expect(replyText(result.replies)).not.toContain("• Đảng bộ tỉnh Mẫu Sơn");
  });

  it("offers the other forms as choices: a tap, its number or its name opens that form's roll-up", async () => {
    const office = await h.as("DEMO-VP-TANVAN");
    const first = await h.say(office, "/tonghop 11/2025");
    const choices = first.replies.flatMap((r) => r.choices ?? []);
    expect(choices.map((c) => c.label)).toEqual(["Chi bộ thôn Đồng Mé", "Chi bộ thôn Pò Lài", "Số liệu thôn, tổ dân phố", "Kết nạp đảng viên", "Thu nộp đảng phí", "Kiểm điểm, xếp loại"]);
    expect(await h.sayText(office, "5")).toContain("Thu nộp đảng phí tháng 11/2025");
    await h.say(office, "/tonghop 11/2025");
    expect(await h.sayText(office, "thu nop dang phi")).toContain("Thu nộp đảng phí tháng 11/2025");
    // A forged or stale payload is refused, not guessed.
    expect(await h.sayText(office, "", { text: undefined, action: `tong:${tanVan}:2025-11:9` })).toContain("Danh sách lựa chọn này đã hết hạn");
    expect(await h.sayText(office, "", { text: undefined, action: `tong:${tanVan}:2025-Q3:4` })).toContain("Danh sách lựa chọn này đã hết hạn");
    const kyLua = (await findOrgByCode(h.db.db, "DEMO-PHUONG-KYLUA"))!.id;
    expect(await h.sayText(office, "", { text: undefined, action: `tong:${kyLua}:-:3` })).toContain("không có quyền");
    // The buttons' payloads are what a channel sends back: a tap on a form opens it.
    expect(await h.sayText(office, "", { text: undefined, action: choices[4]!.action })).toContain("Thu nộp đảng phí tháng 11/2025");
  });

  it("lists the cells and the other forms under their own headings where there are no buttons (Zalo), and says so in the text where there are", async () => {
    const personId = (await findPersonByCode(h.db.db, "DEMO-VP-TANVAN"))!.id;
    // The office on Zalo and on Telegram, the notice accepted on each.
    for (const channel of ["zalo", "telegram"] as const) {
      const account = await h.db.db
        .insertInto("chat_account")
        .values({ channel, platform_user_id: `${channel}-office`, chat_id: `${channel}-office`, person_id: personId, linked_at: h.clock.now })
        .returning("id")
        .executeTakeFirstOrThrow();
      await insertConsent(h.db.db, { personId, accountId: account.id, channel, noticeVersion: PRIVACY_NOTICE_VERSION, decision: "accepted", at: h.clock.now });
    }
    const on = (channel: "zalo" | "telegram", text: string) => h.say(`${channel}-office`, text, { channel, chatId: `${channel}-office` });
    const turn = await on("zalo", "/tonghop 11/2025");
    const messages = renderAll(turn.replies).map((m) => m.text);
    const list = messages.find((m) => m.includes("1. Chi bộ thôn Đồng Mé"))!;
    expect(list).toContain(
      [
        "Chọn một chi bộ để xem báo cáo:",
        "1. Chi bộ thôn Đồng Mé",
        "2. Chi bộ thôn Pò Lài",
        "",
        "Hoặc xem mẫu báo cáo khác (cũng có thể gõ, ví dụ /tonghop đảng phí):",
        "3. Số liệu thôn, tổ dân phố",
        "4. Kết nạp đảng viên",
        "5. Thu nộp đảng phí",
        "6. Kiểm điểm, xếp loại",
      ].join("\n"),
    );
    // One heading each: the old two prompts above one mixed list are gone.
    expect(list).not.toContain("Xem mẫu khác: chọn tên mẫu");
    expect(list.match(/Chọn một chi bộ/g)).toHaveLength(1);
    expect(replyText((await on("zalo", "5")).replies)).toContain("Thu nộp đảng phí tháng 11/2025");

    // With buttons, the text names both kinds and the keyboard holds them.
    const telegram = await on("telegram", "/tonghop 11/2025");
    const withButtons = telegram.replies.find((r) => r.choices?.length)!;
    expect(withButtons.text).toContain("Chọn một chi bộ để xem báo cáo:\nXem mẫu khác: chọn tên mẫu hoặc gõ, ví dụ /tonghop đảng phí.");
    expect(withButtons.choices!.some((c) => c.heading)).toBe(false);
  });

  it("shows a cancelled meeting as such, and answers a period of the wrong kind or unreadable words clearly", async () => {
    const office = await h.as("DEMO-VP-TANVAN");
    expect(await h.sayText(office, "/tonghop 10/2025")).toContain("⏸ Chi bộ thôn Bản Chang — buổi sinh hoạt kỳ này đã hủy, chưa phải báo cáo");
    expect(await h.sayText(office, "/tonghop dang phi quy 3/2025")).toContain("Thu nộp đảng phí tổng hợp theo tháng");
    expect(await h.sayText(office, "/tonghop abc xyz")).toContain("Tôi chưa đọc được mẫu hoặc kỳ");
  });

  it("/tonghop and /xemlai's commune view give each cell its commune's own deadline, as its reminders do", async () => {
    const office = await h.as("DEMO-VP-TANVAN");
    // Tân Văn gives its cells 20 days after the meeting: on 10/11 no November report is late yet.
    await settingsSinceAlways(h.db.db, tanVan, { reports: [{ form: "monthly-meeting", frequency: "monthly", due: { kind: "after_meeting", days: 20 } }] });
    try {
      const rollup = await h.sayText(office, "/tonghop 11/2025");
      expect(rollup).toContain("⏳ Chi bộ thôn Bản Chang — chưa báo cáo, hạn 24/11/2025");
      expect(rollup).toContain(", 0 quá hạn");
      await h.sayText(office, "/xemlai 11/2025");
      const lookback = await h.sayText(office, "Đảng bộ xã Tân Văn");
      expect(lookback).toContain("Chi bộ thôn Bản Chang — chưa báo cáo, hạn 24/11/2025");
      expect(lookback).toContain("2/5 chi bộ đã báo cáo, 0 quá hạn");
      // No deadline of this month has passed, but half the cells with one have reported it: /tonghop opens on it.
      expect(await h.sayText(office, "/tonghop")).toContain("tháng 11/2025: 2/5 chi bộ đã báo cáo, 0 quá hạn");
    } finally {
      await clearSettings(h.db.db, tanVan);
    }
  });

  it("reads the month people type", () => {
    expect(readMonth("", TODAY)).toBe("2025-11");
    expect(readMonth("10/2025", TODAY)).toBe("2025-10");
    expect(readMonth("t10", TODAY)).toBe("2025-10");
    expect(readMonth("tháng 12", TODAY)).toBe("2024-12");
    expect(readMonth("13", TODAY)).toBeNull();
    expect(readMonth("tháng trước", TODAY)).toBe("2025-10");
  });
});
