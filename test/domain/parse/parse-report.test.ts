import { describe, expect, it } from "vitest";
import { classifyMessage } from "../../../src/domain/parse/classify.js";
import { parseCorrection } from "../../../src/domain/parse/correction.js";
import { MAX_MESSAGE_LENGTH, parseReport } from "../../../src/domain/parse/index.js";

const at = (iso: string) => ({ now: new Date(iso) });

describe("parseReport monthly-meeting", () => {
  it("reads domain example 1 completely", () => {
    const r = parseReport(
      "monthly-meeting",
      "Bc cb thôn Pò Lài t11: sh ngày 5/11 lúc 19h30 tại nhà VH. ĐV có mặt 25/27, vắng 2 có lý do (đ/c Vi Văn Sáng đi làm xa, đ/c Nông Thị Hoa ốm). Đ/c Lộc Văn Khoa cấp ủy phụ trách dự. NQ: thu đp T11 xong trước 20/11 - đ/c Mai; dọn vs đường làng CN 16/11 - trưởng thôn",
      at("2025-11-20T10:00:00+07:00"),
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.fields).toMatchObject({
      meeting_date: "2025-11-05", start_time: "19:30", place: "nhà văn hóa", present: 25, members_expected: 27,
      absent_excused: 2, absent_unexcused: 0, cadre_present: true, kind: "regular",
    });
    expect(r.fields.resolutions?.map((x) => x.due)).toEqual(["2025-11-20", "2025-11-16"]);
    expect(r.fields.resolutions?.map((x) => x.owner)).toEqual(["Mai", "trưởng thôn"]);
    expect(r.fields.absentees?.map((a) => a.name)).toEqual(["Vi Văn Sáng", "Nông Thị Hoa"]);
    expect(r.missing).toEqual([]);
    expect(r.warnings).toEqual([]);
  });

  it("reads 'phải dự N' as the stated total, never as the present count, in reports as in corrections", () => {
    const now = at("2025-11-20T10:00:00+07:00");
    for (const [text, present, expected] of [
      ["bc sh cb t11: hop toi 5/11 19h30, phai du 10, co mat 9", 9, 10],
      ["Họp 5/11 19h30, đảng viên phải tham dự 27, có mặt 25", 25, 27],
      ["hop 5/11 19h30 so dv phai du: 12, co mat 11", 11, 12],
      ["hop 5/11 19h30 du 25/27", 25, 27],
    ] as const) {
      const r = parseReport("monthly-meeting", text, now);
      expect(r.ok, text).toBe(true);
      if (r.ok) expect(r.fields, text).toMatchObject({ present, members_expected: expected });
    }
    expect(parseCorrection("sửa lại: phải dự 10, có mặt 9", now)?.patch).toMatchObject({ present: 9, members_expected: 10 });
  });

  it("reads the issue's quick message without diacritics", () => {
    const r = parseReport("monthly-meeting", "bc sh cb t11: hop toi 5/11 19h30, co mat 25/27, vang 2 cld", at("2025-11-06T08:00:00+07:00"));
    expect(r).toMatchObject({
      ok: true,
      fields: { meeting_date: "2025-11-05", start_time: "19:30", present: 25, members_expected: 27, absent_excused: 2, absent_unexcused: 0 },
    });
  });

  it("rolls a December date back a year when the report is sent in January", () => {
    const r = parseReport("monthly-meeting", "sh cb ngay 28/12, co mat 20/22, vang 2 cld", at("2026-01-03T09:00:00+07:00"));
    expect(r.ok && r.fields.meeting_date).toBe("2025-12-28");
  });

  it("turns cross-check failures into coded warnings", () => {
    const r = parseReport("monthly-meeting", "sh cb ngay 5/11, 60p, co mat 20/27, vang 1 kld. ko co dai bieu cap tren", at("2025-11-06T09:00:00+07:00"));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const codes = r.warnings.map((w) => w.split(":")[0]);
    expect(codes).toEqual(expect.arrayContaining(["attendance_mismatch", "attendance_low", "cadre_absent", "duration_short", "unexcused_absence"]));
    expect(r.warnings.find((w) => w.startsWith("attendance_mismatch"))).toBe("attendance_mismatch: present 20 + absent 1 != expected 27");
  });

  it("warns about a meeting date in the future and present above expected", () => {
    const r = parseReport("monthly-meeting", "sh cb ngay 10/11, co mat 28/27", at("2025-11-06T09:00:00+07:00"));
    expect(r.ok && r.warnings.some((w) => w.startsWith("date_in_future"))).toBe(true);
    expect(r.ok && r.warnings.some((w) => w.startsWith("present_exceeds_expected"))).toBe(true);
  });

  it("reads more present than expected as attendance, with a warning and no negative absence", () => {
    for (const text of ["sh cb t11 ngay 4/11, co mat 30/27", "bc sh cb t11: ngay 4/11 luc 19h30, dv 30/27 (3 dc sinh hoat tam thoi)", "sh cb 4/11: 30/27 dong chi du"]) {
      const r = parseReport("monthly-meeting", text, at("2026-11-05T09:00:00+07:00"));
      expect(r, text).toMatchObject({ ok: true, fields: { meeting_date: "2026-11-04", present: 30, members_expected: 27 } });
      expect(r.ok && r.fields.absent_total, text).toBeUndefined();
      expect(r.ok && r.warnings, text).toContain("present_exceeds_expected: present 30 > expected 27");
    }
    // "13/12" is a date, not 13 present of 12.
    expect(parseReport("monthly-meeting", "sh cb 13/12, co mat 20/22", at("2026-12-14T09:00:00+07:00"))).toMatchObject({ ok: true, fields: { meeting_date: "2026-12-13", present: 20 } });
  });

  it("reads abbreviations and layouts secretaries use: vm, tg, 19.30, a labelled place, groups after the count", () => {
    const now = at("2026-11-07T09:00:00+07:00");
    expect(parseReport("monthly-meeting", "bc cb t11: sh 6/11 luc 19.30, dv co mat 15, vm 2 (ốm), tg 2h", now)).toMatchObject({
      ok: true, fields: { start_time: "19:30", present: 15, members_expected: 17, absent_excused: 2, duration_min: 120 },
    });
    expect(parseReport("monthly-meeting", "sh cb 6/11, co mat 30/32, vang co ly do 1, khong ly do 1", now)).toMatchObject({
      ok: true, fields: { absent_excused: 1, absent_unexcused: 1, absent_total: 2 },
    });
    expect(parseReport("monthly-meeting", "sh cb 6/11, co mat 24/28, vang 3 cld, 1 msh", now)).toMatchObject({
      ok: true, fields: { absent_excused: 3, absent_exempt: 1, absent_total: 4 }, warnings: expect.not.arrayContaining([expect.stringMatching(/^attendance_mismatch/)]),
    });
    expect(parseReport("monthly-meeting", "Báo cáo SH chi bộ\n- Thời gian: 19h30 ngày 06/11/2026\n- Địa điểm: nhà văn hóa thôn Bản Chu\n- Có mặt: 20/22", now)).toMatchObject({
      ok: true, fields: { place: "nhà văn hóa thôn Bản Chu", present: 20 },
    });
    expect(parseReport("monthly-meeting", "sh cb 6/11, co mat 25/27, vang 2: dc hoang van tu om, dc nong thi mai di hoc", now)).toMatchObject({
      ok: true, fields: { absentees: [{ name: "Hoang Van Tu", excused: true }, { name: "Nong Thi Mai", excused: true }] },
    });
  });

  it("lists the required fields it could not find", () => {
    const r = parseReport("monthly-meeting", "bc nhanh: sinh hoajt cb thang 11 xong rooif, co mawt 14/15, vawsng 1 cld", at("2025-11-08T09:00:00+07:00"));
    expect(r.ok && r.missing).toEqual(["meeting_date"]);
  });

  it("refuses chatter, empty and oversized input", () => {
    expect(parseReport("monthly-meeting", "chào bạn", at("2025-11-06T09:00:00+07:00"))).toEqual({ ok: false, errors: ["not_a_report: no meeting fields found"] });
    expect(parseReport("monthly-meeting", "   ", at("2025-11-06T09:00:00+07:00"))).toMatchObject({ ok: false });
    const long = parseReport("monthly-meeting", "a".repeat(MAX_MESSAGE_LENGTH + 1), at("2025-11-06T09:00:00+07:00"));
    expect(long.ok === false && long.errors[0]?.startsWith("too_long:")).toBe(true);
  });

  it("never throws on odd input", () => {
    const odd = ["///", "1/1/1/1/1", "có mặt", "vắng ( đ/c", "NQ:", "ngày 31/2", "19h99", "🙂🙂 sh 5/11", "\u0000\u0301", "hăm hăm hăm", "NQ: 1. 2. 3."];
    for (const t of odd) expect(() => parseReport("monthly-meeting", t, at("2025-11-06T09:00:00+07:00"))).not.toThrow();
  });
});

describe("other forms", () => {
  it("reads party dues with the dot as thousands separator", () => {
    const r = parseReport("party-dues", "Đp tháng 11: 26 đv thu đủ 26, tổng 312.000đ, đã nộp ĐUX ngày 18/11", at("2025-11-20T09:00:00+07:00"));
    expect(r).toMatchObject({ ok: true, fields: { period: "2025-11", liable: 26, paid: 26, amount_vnd: 312000, remitted_date: "2025-11-18" } });
  });

  it("does not read a month and year as paid of liable", () => {
    const r = parseReport("party-dues", "Dang phi thang 11/2026: 24 dv, da thu 22, con 2 chua nop, tong thu 264.000d", at("2026-11-20T09:00:00+07:00"));
    expect(r).toMatchObject({ ok: true, fields: { period: "2026-11", liable: 24, paid: 22, unpaid: 2, amount_vnd: 264000 } });
  });

  it("reads village data with a decimal comma", () => {
    const r = parseReport("village-quarterly", "Số liệu thôn Đồng Mé quý 3: 142 hộ, 618 khẩu, dt 5,2 km2. Đv 31 (dự bị 2). PN 87 hv, ND 95, CCB 12, chi đoàn 24. Bt kiêm trưởng thôn", at("2025-10-05T09:00:00+07:00"));
    expect(r).toMatchObject({ ok: true, fields: { period: "2025-Q3", area_km2: 5.2, unions: { women: 87, farmers: 95, veterans: 12, youth: 24 }, secretary_is_village_head: true } });
  });

  it("does not add up overlapping admission categories", () => {
    const r = parseReport("admissions", "nam nay cb ket nap dc 2 dv moi: 1 nu dtts, 1 sinh vien. dang lam ho so chuyen chinh thuc cho dc Vy", at("2025-12-10T09:00:00+07:00"));
    expect(r).toMatchObject({ ok: true, fields: { admitted: 2, women: 1, ethnic_minority: 1, students: 1, pending_full: ["Vy"] } });
  });

  it("checks the HTXS quota against HTT", () => {
    const ok = parseReport("annual-rating", "Kết quả xếp loại đv năm 2025: HTXS 3, HTT 20, HT 3, KHT 0, ko xếp loại 1. Cb tự xếp HTT", at("2025-12-20T09:00:00+07:00"));
    expect(ok).toMatchObject({ ok: true, fields: { htxs: 3, htt: 20, ht: 3, kht: 0, unrated: 1, cell_self_level: "HTT" }, warnings: [] });
    const over = parseReport("annual-rating", "xếp loại 2025: HTXS 6, HTT 20, HT 1", at("2025-12-20T09:00:00+07:00"));
    expect(over.ok && over.warnings[0]?.startsWith("htxs_quota:")).toBe(true);
  });

  it("reads each level's count whether the count comes before the level or after it", () => {
    const countFirst = parseReport(
      "annual-rating",
      "năm nay chi bộ có ba đồng chí hoàn thành xuất sắc mười lăm đồng chí hoàn thành tốt hai đồng chí hoàn thành nhiệm vụ một đồng chí không hoàn thành nhiệm vụ một đồng chí miễn đánh giá",
      at("2026-12-20T09:00:00+07:00"),
    );
    expect(countFirst).toMatchObject({ ok: true, fields: { htxs: 3, htt: 15, ht: 2, kht: 1, unrated: 1 } });
    const labelFirst = parseReport("annual-rating", "xếp loại năm nay hoàn thành xuất sắc ba đồng chí hoàn thành tốt mười lăm đồng chí hoàn thành hai đồng chí", at("2026-12-20T09:00:00+07:00"));
    expect(labelFirst).toMatchObject({ ok: true, fields: { htxs: 3, htt: 15, ht: 2 } });
    const table = parseReport("annual-rating", "Xếp loại đảng viên năm 2026\n| HTXS | HTT | HT | KHT |\n| 2 | 16 | 1 | 0 |", at("2026-12-20T09:00:00+07:00"));
    expect(table).toMatchObject({ ok: true, fields: { htxs: 2, htt: 16, ht: 1, kht: 0 } });
  });

  it("reads a dues table whose amount carries its unit, and a fraction after the meeting's attendance as the meeting's", () => {
    const table = parseReport("party-dues", "ĐP tháng 11/2026\nPhải thu | Đã thu | Chưa thu | Số tiền\n30 | 29 | 1 | 348.000đ", at("2026-11-25T09:00:00+07:00"));
    expect(table).toMatchObject({ ok: true, fields: { liable: 30, paid: 29, unpaid: 1, amount_vnd: 348000 } });
    const both = parseReport("party-dues", "T11: SH ngày 5/11 có mặt 20/24. Đảng phí: 24/24 đ/c, 288.000đ", at("2026-11-25T09:00:00+07:00"));
    expect(both).toMatchObject({ ok: true, fields: { liable: 24, paid: 24, amount_vnd: 288000 } });
  });
});

describe("classifyMessage and parseCorrection", () => {
  const now = at("2025-11-06T09:00:00+07:00");
  it("routes notices, postponements, issues, proposals and chatter", () => {
    expect(classifyMessage("Thông báo: cb thôn Bản Chang sh định kỳ T12 vào 19h ngày 4/12 tại nhà VH, các đ/c đi đầy đủ", now)).toMatchObject({
      kind: "meeting-notice", notice: { meeting_date: "2025-12-04", start_time: "19:00" },
    });
    expect(classifyMessage("e bao cao a: thang nay cb chua sh dc do lu, du kien lui sang 15/11 a", now)).toMatchObject({
      kind: "postponement", postponement: { postponed_to: "2025-11-15" },
    });
    expect(classifyMessage("T10 vắng k lý do: đ/c Hà Văn Bảy (lần thứ 3 liên tiếp). Cb đề nghị ĐU xem xét", now)).toMatchObject({
      kind: "attendance-issue", attendance_issue: { names: ["Hà Văn Bảy"], consecutive: 3, proposal: true },
    });
    expect(classifyMessage("chào bạn", now).kind).toBe("chatter");
    expect(classifyMessage("bot ơi làm sao để gửi báo cáo?", now).kind).toBe("chatter");
  });

  it("reads a correction as a patch with the old value and a note", () => {
    expect(parseCorrection("sửa lại: hôm qua có mặt 24 chứ ko phải 25 nhé, đ/c Tuấn về sớm xin phép", now)).toEqual({
      form: "monthly-meeting", patch: { present: 24 }, previous: { present: 25 }, refers_to: "2025-11-05", note: "đ/c Tuấn về sớm xin phép",
    });
  });

  it("reads a correction of the other forms as a patch of that form", () => {
    expect(parseCorrection("sửa lại: đảng phí tháng 11 thu 26 đ/c chứ không phải 25", now)).toEqual({
      form: "party-dues", patch: { paid: 26 }, previous: { paid: 25 }, period: "2025-11",
    });
    expect(parseCorrection("sửa lại số liệu quý 3: hộ nghèo 9 chứ không phải 11", now)).toEqual({
      form: "village-quarterly", patch: { poor_households: 9 }, previous: { poor_households: 11 }, period: "2025-Q3",
    });
    expect(parseCorrection("sua lai: ket nap 2 chu khong phai 3", now)).toMatchObject({ form: "admissions", patch: { admitted: 2 }, previous: { admitted: 3 } });
  });
});

describe("a slip corrected in the same message", () => {
  const now = at("2026-06-06T18:30:00+07:00");

  it("reads the value as corrected, whatever the form", () => {
    const meeting = parseReport("monthly-meeting", "Cb sh ngày 5/6, có mặt 18/20. À nhầm, có mặt 17 chứ không phải 18, vắng 3 có lý do", now);
    expect(meeting.ok && meeting.fields).toMatchObject({ present: 17, members_expected: 20, absent_total: 3 });
    const dues = parseReport("party-dues", "Đp t5: thu 21/22 đv, 252.000đ. à nhầm, 264.000đ chứ không phải 252 nhé", now);
    expect(dues.ok && dues.fields).toMatchObject({ paid: 21, liable: 22, amount_vnd: 264000 });
    const admissions = parseReport("admissions", "6 tháng đầu năm cb kết nạp 3 đ/c, à nhầm, 2 đ/c thôi (1 nữ)", now);
    expect(admissions.ok && admissions.fields).toMatchObject({ admitted: 2, women: 1 });
    expect(classifyMessage("Cb sh ngày 5/6, có mặt 18/20. À nhầm, có mặt 17 chứ không phải 18", now).kind).toBe("monthly-meeting");
  });

  it("leaves a correction of a report already sent to the correction flow", () => {
    const c = classifyMessage("Báo nhầm: hôm qua có mặt 24 chứ ko phải 25 nhé", now);
    expect(c.kind).toBe("correction");
    expect(c.correction?.patch).toMatchObject({ present: 24 });
  });
});

describe("a message that is no report, whatever figures it quotes", () => {
  const now = at("2026-10-06T09:00:00+07:00");
  const refused = (form: Parameters<typeof parseReport>[0], text: string) => parseReport(form, text, now);

  it("refuses a question followed by a remark, an either-or question and a question ending 'tính sao', 'có được … không'", () => {
    expect(refused("village-quarterly", "Số khẩu ghi theo hộ khẩu hay theo người đang ở thôn ạ? Bản em có 12 người đi làm xa")).toEqual({ ok: false, errors: ["not_a_report: question"] });
    expect(refused("party-dues", "Đảng phí đv hưởng trợ cấp tính 1% hay 0,5% ạ? em tính 3tr6 ra 36k thì phải k")).toEqual({ ok: false, errors: ["not_a_report: question"] });
    expect(refused("party-dues", "Đ/c Sùng đi làm Bình Dương nửa năm nay thì đảng phí tính sao ạ")).toEqual({ ok: false, errors: ["not_a_report: question"] });
    expect(refused("party-dues", "đ/c Hạnh nghỉ thai sản 6 tháng có được miễn đóng đảng phí không")).toEqual({ ok: false, errors: ["not_a_report: question"] });
  });

  it("refuses a figure replaced in a report sent before, and reads a slip fixed in the report itself", () => {
    expect(refused("village-quarterly", "Số liệu quý 3 em gửi hôm qua bị sai ạ: hộ nghèo 14 chứ không phải 41")).toEqual({ ok: false, errors: ["not_a_report: correction"] });
    expect(refused("party-dues", "Chi bộ gửi lại số liệu đảng phí tháng 9: thu 31 đ/c chứ không phải 30 ạ")).toEqual({ ok: false, errors: ["not_a_report: correction"] });
    const slip = refused("monthly-meeting", "em bc sh t10 ngày 4/10: có mặt 19/21, à nhầm 18 chứ ko phải 19, vắng 3 có lý do");
    expect(slip.ok && slip.fields).toMatchObject({ meeting_date: "2026-10-04", present: 18, members_expected: 21, absent_excused: 3 });
  });

  it("refuses a question that opens by addressing someone or asking, whatever figures it quotes, and reads a report that does", () => {
    const no = { ok: false, errors: ["not_a_report: question"] };
    expect(refused("village-quarterly", "Ban tổ chức cho hỏi chi bộ bản Nậm Pồ quý này sao số đảng viên giảm từ 24 xuống 22, đề nghị đ/c bí thư giải trình")).toEqual(no);
    expect(refused("party-dues", "Cô chú cho cháu hỏi đ/c nghỉ hưu lương 6tr2 thì đóng 31k hay 62k ạ, chi bộ cháu có 2 đ/c như thế")).toEqual(no);
    expect(refused("party-dues", "Chị ơi đảng phí tháng 9 này nộp cho ai ạ, em đang cầm 276k của chi bộ")).toEqual(no);
    expect(refused("monthly-meeting", "Cho em hỏi tối qua có mặt 15, trong đó 2 đ/c được miễn sinh hoạt thì ghi 15/18 hay 15/16 ạ?")).toEqual(no);
    const report = refused("party-dues", "Anh ơi đảng phí tháng 9 cb em thu đủ 21 đ/c, 252k, đã nộp xã hôm qua, anh kiểm tra giúp em nhé");
    expect(report.ok && report.fields).toMatchObject({ paid: 21, amount_vnd: 252000, remitted: true });
  });

  it("refuses a directive, plan or target handed down to the cells, and a proposal to admit one person", () => {
    expect(refused("party-dues", "Chuyển tiếp CV của ĐUX: các chi bộ nộp đảng phí quý IV trước ngày 10/1/2027, chi bộ nào còn nợ tháng 10 đề nghị nộp bù")).toEqual({ ok: false, errors: ["not_a_report: directive"] });
    expect(refused("annual-rating", "Lưu ý các chi bộ: HTXS không quá 20% số HTT, thang điểm HTT từ 70 đến dưới 90; hạn nộp biểu 20/12")).toEqual({ ok: false, errors: ["not_a_report: directive"] });
    expect(refused("admissions", "Năm 2027 Đảng ủy giao chi bộ thôn Khuổi Ky chỉ tiêu kết nạp 1 đảng viên nữ, đề nghị chi bộ tạo nguồn từ chi đoàn")).toEqual({ ok: false, errors: ["not_a_report: directive"] });
    expect(refused("admissions", "Sau khi thẩm định hồ sơ, chi bộ nhất trí đề nghị kết nạp quần chúng Triệu Văn Sơn (Dao, đoàn viên), 13/13 đv chính thức tán thành.")).toEqual({ ok: false, errors: ["not_a_report: admission-proposal"] });
    const admitted = refused("admissions", "Quý 3 chi bộ tổ chức lễ kết nạp cho quần chúng Hờ Thị Mai (nữ, Mông, đoàn viên); đang đề nghị kết nạp tiếp quần chúng Sùng A Chư.");
    expect(admitted.ok && admitted.fields).toMatchObject({ admitted: 1, women: 1 });
  });

  it("refuses a sent report redone by a cell that names itself first (“đúng là”, “gõ nhầm”), and a meeting report sent as a dues report", () => {
    expect(refused("village-quarterly", "Chi bộ thôn Bản Mế xin đính chính báo cáo số liệu quý 3: số hộ nghèo đúng là 11, hôm trước gõ nhầm 17")).toEqual({ ok: false, errors: ["not_a_report: correction"] });
    expect(refused("party-dues", "Cb bản Nà Mòn xin bc lại đp tháng 8: số tiền đúng là 264k, hôm qua em ghi sai")).toEqual({ ok: false, errors: ["not_a_report: correction"] });
    expect(refused("party-dues", "Cb bản Hon họp ngày 6/11, có mặt 17/19, nội dung chính là đôn đốc thu đảng phí và quỹ khuyến học, đã thu xong.")).toEqual({ ok: false, errors: ["not_a_report: monthly-meeting"] });
  });

  it("refuses a member's repeated absence taken up with the committee, and reads a meeting report that mentions one", () => {
    const issue = "Đ/c Vàng Seo Dìn đã 4 kỳ liền không đi sinh hoạt, chi bộ đã nhắc nhở nhưng không chuyển biến, xin ý kiến Đảng ủy xử lý";
    expect(refused("monthly-meeting", issue)).toEqual({ ok: false, errors: ["not_a_report: attendance-issue"] });
    expect(classifyMessage(issue, now).kind).toBe("attendance-issue");
    expect(refused("monthly-meeting", "Báo cáo ĐUX: đ/c Lò Văn Tính bỏ sinh hoạt nhiều lần không lý do, đề nghị xem xét kỷ luật")).toEqual({ ok: false, errors: ["not_a_report: attendance-issue"] });
    const report = refused("monthly-meeting", "SH t10 ngày 4/10 có mặt 20/22, vắng 2: đ/c Dìn không lý do (lần thứ 3 liên tiếp), chi bộ đề nghị ĐUX xem xét");
    expect(report.ok && report.fields).toMatchObject({ present: 20, members_expected: 22, absent_total: 2 });
  });

  it("refuses a first clause that asks with no question mark, and absences over months named; reads reports counted in words or listing people", () => {
    const no = { ok: false, errors: ["not_a_report: question"] };
    expect(refused("party-dues", "Đảng viên nghỉ hưu đóng đảng phí tính thế nào ạ, bác Hoàng Văn Lự bên em lương hưu 6 triệu 200, bác muốn đóng luôn cả năm")).toEqual(no);
    expect(refused("village-quarterly", "Chi bộ mình báo cáo quý thì ghi số hộ theo sổ nào vậy, thôn em tháng rồi tách thêm 4 hộ, nhập khẩu 12 người")).toEqual(no);
    const issue = "Đ/c Mùa A Chống vắng sh T5, T6, T7 đều không lý do, cb đã gặp gia đình nhưng chưa liên lạc được. Đề nghị ĐUX chỉ đạo";
    expect(refused("monthly-meeting", issue)).toEqual({ ok: false, errors: ["not_a_report: attendance-issue"] });
    expect(refused("monthly-meeting", "Chi bộ thôn Bắc Sơn trình bày: đ/c Lương Văn Kiên không tham gia sinh hoạt từ tháng 4 đến tháng 6, không báo lý do. Chi bộ xin ý kiến Đảng ủy về hình thức xử lý.")).toEqual({ ok: false, errors: ["not_a_report: attendance-issue"] });
    const spoken = parseReport("monthly-meeting", "chi bộ thôn Khe Nước sinh hoạt tháng sáu tối mùng bốn ở nhà văn hóa có mặt mười tám trên hai mươi vắng hai đều có lý do bàn việc có góp tiền làm đường hay không", at("2026-06-05T08:00:00+07:00"));
    expect(spoken.ok && spoken.fields).toMatchObject({ meeting_date: "2026-06-04", present: 18, members_expected: 20, absent_excused: 2 });
    const listed = parseReport("admissions", "Kết nạp mới năm nay của chi bộ thôn Lũng Vài gồm:\n- Sùng Thị Pà - nữ, dân tộc Mông, giáo viên mầm non\n- Giàng A Sử - dân tộc Mông, đoàn viên thanh niên\n- Lò Văn Pản - người Kinh, bộ đội xuất ngũ\nChuyển đảng viên chính thức: không có", at("2026-12-20T08:00:00+07:00"));
    expect(listed.ok && listed.fields).toMatchObject({ period: "2026", admitted: 3, women: 1, ethnic_minority: 2, youth_union: 1 });
  });

  it("reads a counted meeting whose business is the rating as a meeting, and a rating in short words as a rating", () => {
    const meeting = parseReport("monthly-meeting", "Chi bộ thôn Đồng Bèn tổ chức kiểm điểm, đánh giá, xếp loại đảng viên năm 2026 vào tối 20/12 tại nhà văn hóa thôn, có mặt 25/28 đ/c.", at("2026-12-21T08:00:00+07:00"));
    expect(meeting.ok && meeting.fields).toMatchObject({ meeting_date: "2026-12-20", present: 25, members_expected: 28 });
    const rating = "bản Pá Công đg đv 2026 xs 3 tốt 17 ht 1";
    expect(parseReport("village-quarterly", rating, at("2026-12-23T08:00:00+07:00"))).toEqual({ ok: false, errors: ["not_a_report: annual-rating"] });
    expect(classifyMessage(rating, at("2026-12-23T08:00:00+07:00")).kind).toBe("annual-rating");
  });

  it("refuses a question resting on the figures it quotes, and a question followed by planned figures", () => {
    const no = { ok: false, errors: ["not_a_report: question"] };
    expect(refused("party-dues", "Chị Hạnh ơi, tổ em tháng 9 thu 18/20 đ/c, 216k, còn 2 đ/c đi làm xa gửi tiền sau thì em ghi chưa đóng hay đã đóng ạ?")).toEqual(no);
    expect(refused("annual-rating", "Đ/c Lâm chuyển về cb em từ tháng 10 thì xếp loại ở đâu ạ? Cb em dự kiến HTXS 3, HTT 20.")).toEqual(no);
    const report = refused("annual-rating", "Xếp loại năm nay gửi về đâu ạ? CB ấp 3: HTXS 2, HTT 19, HT 1, KHT 0, chi bộ HTT");
    expect(report.ok && report.fields).toMatchObject({ htxs: 2, htt: 19, ht: 1, kht: 0 });
  });

  it("refuses the committee's word to every cell as a directive, and the month's meeting put off to a day ahead", () => {
    const directive = "Văn phòng ĐU nhắc: số liệu quý 3 nộp chậm nhất 10/10, thôn nào dưới 100 hộ ghi chú thêm.";
    expect(refused("village-quarterly", directive)).toEqual({ ok: false, errors: ["not_a_report: directive"] });
    expect(classifyMessage(directive, now).kind).toBe("chatter");
    const putOff = "Cb thôn Đông tháng 10 chưa họp được vì mưa lũ, dời sang tối 20/10 lúc 19h, đã có 20/25 đ/c xác nhận đi.";
    expect(refused("monthly-meeting", putOff)).toEqual({ ok: false, errors: ["not_a_report: notice"] });
    expect(classifyMessage(putOff, now).kind).toBe("postponement");
    const held = parseReport("monthly-meeting", "SH T10 lùi từ 5/10 sang 12/10 do bão, 24/26 đv, vắng 2 có lý do. ND: khắc phục sau bão", at("2026-10-13T10:00:00+07:00"));
    expect(held.ok && held.fields).toMatchObject({ meeting_date: "2026-10-12", present: 24, members_expected: 26, absent_excused: 2 });
    expect(classifyMessage("SH T10 lùi từ 5/10 sang 12/10 do bão, 24/26 đv, vắng 2 có lý do. ND: khắc phục sau bão", at("2026-10-13T10:00:00+07:00")).kind).toBe("monthly-meeting");
  });

  it("reads a late-December notice of the January meeting as that meeting's, period included", () => {
    const r = parseReport("monthly-meeting", "TB: cb họp thường kỳ tháng 1 lúc 19h30 ngày 4/1 tại hội trường thôn, các đ/c sắp xếp dự", at("2026-12-30T10:00:00+07:00"));
    expect(r.ok && r.fields).toMatchObject({ meeting_date: "2027-01-04", period: "2027-01", start_time: "19:30", place: "hội trường thôn" });
    expect(r.ok && r.warnings).toContain("meeting_notice: a notice of a meeting to come");
  });

  it("gives a notice's date, time, place and period only, not the members asked to come nor the guest invited", () => {
    const text =
      "THÔNG BÁO\nV/v sinh hoạt chi bộ thường kỳ tháng 9/2026\nChi bộ thôn Khe Mạ thông báo: thời gian 19h30 ngày 06/9/2026, địa điểm hội trường thôn.\n" +
      "Nội dung: triển khai nghị quyết; thu đảng phí tháng 9.\nTổng số 23 đảng viên, đề nghị các đồng chí có mặt đầy đủ.\nKính mời đ/c Lò Văn Pọm, Đảng ủy viên, về dự.";
    const r = parseReport("monthly-meeting", text, at("2026-09-01T10:00:00+07:00"));
    expect(r.ok && r.fields).toEqual({ meeting_date: "2026-09-06", period: "2026-09", start_time: "19:30", place: "hội trường thôn", kind: "regular" });
    expect(r.ok && r.warnings).toContain("meeting_notice: a notice of a meeting to come");
  });
});

describe("classifyMessage on reports the form readers take (thirteenth round)", () => {
  const at = { now: new Date("2026-12-20T10:00:00+07:00") };
  it("takes a rating report whose committee will meet after it, and a cell's own level alone, for ratings", () => {
    expect(classifyMessage("Thôn Phúc Sơn báo cáo xếp loại năm nay: 42 ĐV được xếp loại, HTXS 4 (9,5%), HTT 35 (83,3%), HT 3 (7,1%); CB tự xếp loại HTT. Đảng ủy sẽ họp xét lại vào 05/01/2027.", at).kind).toBe("annual-rating");
    expect(classifyMessage("Chi bộ xóm Tân Hợp tự đánh giá năm 2026 chỉ đạt HT thôi chị, vì chưa hoàn thành chỉ tiêu thu BHYT.", at).kind).toBe("annual-rating");
  });

  it("takes an admissions report corrected in the same message ('Các số khác giữ nguyên') for admissions", () => {
    const text = "Em gửi VP Đảng ủy báo cáo PTĐ quý IV/2026 chi bộ thôn Hòa Bình:\n- Kết nạp: 3 đ/c (nữ 2, DTTS 0, đoàn viên 2)\n- Chuyển chính thức: 1 đ/c\n\nEm xin sửa lại ạ: kết nạp 2 đ/c thôi, nữ vẫn 2, đoàn viên còn 1. Các số khác giữ nguyên ạ.";
    expect(classifyMessage(text, at).kind).toBe("admissions");
  });
});
