import { describe, expect, it } from "vitest";
import { parseReport, type FormName } from "../../../src/domain/parse/index.js";

function read(form: FormName, text: string, now: string): Record<string, unknown> {
  const r = parseReport(form, text, { now: new Date(now) });
  if (!r.ok) throw new Error(r.errors.join("; "));
  return r.fields as Record<string, unknown>;
}

describe("readings that hold across forms", () => {
  it("reads dues reported by the quarter as the quarter, not the month of the remittance's date", () => {
    const text = "BÁO CÁO THU, NỘP ĐẢNG PHÍ QUÝ I NĂM 2026\nSố đảng viên phải đóng: 52 đồng chí.\nTổng số tiền thu: 1.872.000 đồng.\nNộp lên Đảng ủy xã: 1.310.400 đồng, ngày 28/3/2026.";
    expect(read("party-dues", text, "2026-03-30T09:00:00+07:00").period).toBe("2026-Q1");
    // A month reported by name stays the period.
    expect(read("party-dues", "Đp quý IV: không, báo cáo tháng 12: 40/41 đv đã nộp, tổng thu 1.640.000 đồng", "2026-12-29T09:00:00+07:00").period).toBe("2026-12");
  });

  it("takes the year said to be this one (\"năm nay 2026\") over one named before it", () => {
    const fields = read("annual-rating", "Năm 2025 chi bộ em được HTT, năm nay 2026 chi bộ tự đánh giá HTXS ạ. Đảng viên: xuất sắc 4, tốt 25, hoàn thành 1.", "2026-12-20T09:00:00+07:00");
    expect(fields.period).toBe("2026");
  });

  it("reads a level written with \"nhiệm vụ\" after it, as a table's rows give it", () => {
    const text = "Xếp loại năm 2026\nMức xếp loại\tSố ĐV\tTỷ lệ\nHTXS nhiệm vụ\t5\t13,2%\nHTT nhiệm vụ\t28\t73,7%\nHT nhiệm vụ\t4\t10,5%\nKHT nhiệm vụ\t1\t2,6%";
    expect(read("annual-rating", text, "2026-12-20T09:00:00+07:00")).toMatchObject({ htxs: 5, htt: 28, ht: 4, kht: 1 });
  });

  it("keeps a paid count on its verb's line", () => {
    const text = "Đảng phí T5/2026\nĐV phải đóng: 35\nĐV đã đóng: 33\nChưa đóng: 2";
    expect(read("party-dues", text, "2026-05-20T09:00:00+07:00")).toMatchObject({ liable: 35, paid: 33, unpaid: 2 });
  });

  it("reads \"Lê\", \"Lâm\" and \"Đặng\" as names, not a number or a verb", () => {
    const text = "PTĐ quý I/2026\nKết nạp: 2\nChuyển CT: 1\nDự bị chờ CT: Lê Văn Nam; Đặng Thị Thu Trang";
    expect(read("admissions", text, "2026-04-02T09:00:00+07:00").pending_full).toEqual(["Lê Văn Nam", "Đặng Thị Thu Trang"]);
  });

  it("reads an hour and its minutes said in words after \"lúc\"", () => {
    const text = "chi bộ bản Hua Păng họp hôm qua lúc mười chín giờ ba mươi đến hai mươi mốt giờ tại nhà văn hóa bản có mặt mười tám trên hăm hai đồng chí";
    expect(read("monthly-meeting", text, "2026-11-08T10:00:00+07:00")).toMatchObject({ start_time: "19:30", end_time: "21:00", duration_min: 90 });
  });

  it("refuses a question closed the Southern way (\"hông\", \"hả\"), whatever figures it quotes", () => {
    const questions: [FormName, string][] = [
      ["party-dues", "cho tui hỏi đv miễn sh lớn tuổi có phải đóng đp hông a, ấp tui có 3 ông trên 80 tuổi, tháng rồi tui thu mỗi ông 2 ngàn vậy đúng hông"],
      ["village-quarterly", "anh ơi quý 2 này nộp số liệu ấp theo mẫu mới hả, mẫu cũ tui điền xong 412 hộ với 1.730 khẩu rồi, có cần làm lại hông"],
      ["annual-rating", "anh ơi năm nay chi bộ tui 16 đv mà trên xã nói chỉ được 2 HTXS thôi hả, ít quá, mấy ổng làm tốt lắm, có xin thêm được hông"],
    ];
    for (const [form, text] of questions) expect(parseReport(form, text, { now: new Date("2026-07-02T09:00:00+07:00") })).toEqual({ ok: false, errors: ["not_a_report: question"] });
    // "hổng lý do" in a report is "không lý do", no question.
    expect(read("monthly-meeting", "cb ấp Xẻo Rô sh tối 4/6 ở nhà văn hóa, có mặt 11/12, Trương Văn Nhỏ vắng hổng lý do", "2026-06-05T09:00:00+07:00").present).toBe(11);
  });

  it("reads a figure said with its magnitude words between the digits as one figure", () => {
    const dues =
      "báo cáo thu đảng phí tháng 3 năm 2026 chi bộ khóm 4 tổng số tiền thu được là 1 triệu 85 ngàn đồng chi bộ giữ lại 30 phần trăm là 325 ngàn 500 đồng " +
      "còn lại 759 ngàn 500 đồng đã nộp lên đảng ủy phường";
    expect(read("party-dues", dues, "2026-03-20T19:40:00+07:00")).toMatchObject({ amount_vnd: 1_085_000, retained_vnd: 325_500 });
    const village = "báo cáo số liệu khóm 3 quý 2 năm 2026 khóm có 612 hộ với 2 nghìn 540 nhân khẩu hộ nghèo còn 5 hộ";
    expect(read("village-quarterly", village, "2026-07-03T20:15:00+07:00")).toMatchObject({ households: 612, population: 2540 });
  });

  it("writes out a place's and a village's kind (\"KP\", \"TDP\", \"HT\", \"VP\")", () => {
    expect(read("village-quarterly", "KP 4 phường Long Bình Tân – số liệu Q3/2026\nSố hộ\t1.284\nNhân khẩu\t4.917", "2026-10-06T10:30:00+07:00").village).toBe("khu phố 4");
    expect(read("village-quarterly", "Báo cáo số liệu TDP Phú Hiệp quý I: 486 hộ, 1.920 nhân khẩu", "2026-04-03T10:30:00+07:00").village).toBe("tổ dân phố Phú Hiệp");
    const meeting = (place: string) => read("monthly-meeting", `CB KP 3 sh tháng 6 tối 5/6 tại ${place}, có mặt 30/32`, "2026-06-06T10:00:00+07:00").place;
    expect(meeting("Hội trường KP")).toBe("Hội trường khu phố");
    expect(meeting("VP khu phố 3")).toBe("văn phòng khu phố 3");
    expect(meeting("nhà văn hóa KP6")).toBe("nhà văn hóa khu phố 6");
  });

  it("takes a day corrected in the same breath, \"xong\" before the end time and \"chưa có trường hợp\" as none", () => {
    const meeting =
      "Em báo cáo: CB thôn Thanh Lương sinh hoạt tháng 1/2026 vào ngày 5/1, à không, ngày 6/1 mới đúng (hôm qua), bắt đầu 7h30, xong 10h. ĐV 16 đ/c, có mặt 16.";
    expect(read("monthly-meeting", meeting, "2026-01-07T08:00:00+07:00")).toMatchObject({ meeting_date: "2026-01-06", start_time: "07:30", end_time: "10:00" });
    const admissions = "Quý II/2026 chi bộ làng Đê Ktu kết nạp được 2 đảng viên mới, 1 nữ. Chưa có trường hợp chuyển chính thức.";
    expect(read("admissions", admissions, "2026-07-06T08:00:00+07:00").made_full).toBe(0);
  });

  it("reads three labels over three figures, a label with its part in brackets, and \"Hộ dân\"", () => {
    const text =
      "CHI BỘ KHU VỰC THỚI THẠNH – SỐ LIỆU QUÝ IV/2026\n| Chỉ tiêu | Số liệu |\n|---|---|\n| Hộ dân | 987 |\n| Nhân khẩu | 3.215 |\n" +
      "| Hộ nghèo / cận nghèo | 1 / 6 |\n| Đảng viên (dự bị) | 37 (2) |\n| Hội viên PN / ND / CCB | 156 / 203 / 29 |\n| Đoàn viên | 51 |";
    expect(read("village-quarterly", text, "2027-01-05T08:00:00+07:00")).toMatchObject({
      households: 987, population: 3215, poor_households: 1, near_poor_households: 6, members: 37, probationary: 2,
      women_union: 156, farmers_union: 203, veterans_union: 29, youth_union: 51,
    });
  });

  it("counts full and probationary members together, takes the signer's two titles, and no telephone as an area", () => {
    const text =
      "CHI BỘ KHU PHỐ 6\nBÁO CÁO TÌNH HÌNH KHU PHỐ QUÝ III/2026\n1. Tổng số hộ: 1.917\n2. Nhân khẩu: 6.340 người\n- Đảng viên chính thức: 36\n" +
      "- Đảng viên dự bị: 4\nNgười báo cáo: Nguyễn Văn Hòa – Bí thư chi bộ, Trưởng khu phố\nĐT: 0274 3 812 905";
    const fields = read("village-quarterly", text, "2026-10-05T08:00:00+07:00");
    expect(fields).toMatchObject({ households: 1917, population: 6340, members: 40, probationary: 4, secretary_is_village_head: true });
    expect(fields.area_km2).toBeUndefined();
  });

  it("reads a presenter named by title, writes the comrade out in a place, and takes \"msh\" for no name", () => {
    const thematic = "Tối qua chi bộ khu phố Bình Phước B sinh hoạt chuyên đề quý IV, 7 giờ tối tại nhà đ/c bí thư, chuyên đề là phòng cháy chữa cháy mùa khô, đ/c Phó bí thư trình bày. Có mặt 16/18.";
    expect(read("monthly-meeting", thematic, "2026-12-06T08:00:00+07:00")).toMatchObject({ presenter: "Phó bí thư", place: "nhà đồng chí bí thư" });
    const absent = "Dạ bc a, cb ấp Xẻo Rô sh tối 4/4 ở nhà văn hóa, 7h tới 8h30. đv dự 9 trên 12, vắng 3: 1 đ/c msh, 1 đ/c đi làm công ty có xin, còn Trương Văn Nhỏ hổng lý do.";
    const names = (read("monthly-meeting", absent, "2026-04-05T08:00:00+07:00").absentees as { name: string }[] | undefined)?.map((a) => a.name) ?? [];
    expect(names).not.toContain("Msh");
  });

  it("reads a table whose rows end short of its notes column", () => {
    const text =
      "BIÊN BẢN SINH HOẠT CHI BỘ THÁNG 4/2026\nThời gian: 19 giờ 00, ngày 07/4/2026\n\nSTT\tNội dung\tSố lượng\tGhi chú\n1\tTổng số đảng viên\t32\t\n" +
      "2\tMiễn sinh hoạt\t5\t\n3\tĐảng viên phải dự\t27\t\n4\tCó mặt\t24\t\n5\tVắng có lý do\t2\tĐi công tác\n6\tVắng không lý do\t1\t";
    expect(read("monthly-meeting", text, "2026-04-08T08:00:00+07:00")).toMatchObject({ present: 24, absent_excused: 2, absent_unexcused: 1, absent_exempt: 5 });
  });

  it("reads an admissions report's month after \"PTĐ\" or right before the admitting", () => {
    expect(read("admissions", "cb thon Dai Dong thang 8 ket nap 1 dv nhe, chau la sinh vien, doan vien", "2026-08-28T10:00:00+07:00").period).toBe("2026-08");
    expect(read("admissions", "PTĐ T10/2026 - CB xóm Bắc Sơn: kết nạp 01 (nam, đoàn viên). Chuyển CT: 0.", "2026-10-30T10:00:00+07:00").period).toBe("2026-10");
  });

  it("reads a table of months by its total row, a column the total leaves empty by the value every month shares", () => {
    const text =
      "BÁO CÁO THU NỘP ĐẢNG PHÍ QUÝ I/2026\n\nTháng\tSố ĐV phải đóng\tSố ĐV đã đóng\tSố tiền (đ)\n01\t34\t34\t1.215.000\n02\t34\t33\t1.180.000\n" +
      "03\t34\t34\t1.215.000\nCộng\t\t\t3.610.000\n\nĐã nộp Đảng ủy phường: 2.527.000đ (ngày 02/4/2026)";
    expect(read("party-dues", text, "2026-04-03T08:00:00+07:00")).toMatchObject({ period: "2026-Q1", liable: 34, amount_vnd: 3_610_000, remitted_vnd: 2_527_000 });
  });

  it("takes \"cả 24 đ/c đều đóng đủ\" as all of them paid, over a group counted before it", () => {
    const text = "Báo cáo đảng phí tháng 4/2026 chi bộ ấp Tam Phước 3:\n- ĐV hưu trí: 9 đ/c, đóng 1% lương hưu, thu 612.000đ\n- ĐV làm nông: 13 đ/c x 10.000đ = 130.000đ\nCả 24 đ/c đều đóng đủ.";
    expect(read("party-dues", text, "2026-04-25T08:00:00+07:00")).toMatchObject({ liable: 24, paid: 24, unpaid: 0 });
  });

  it("reads \"khong ht 0\" as none rated not done", () => {
    expect(read("annual-rating", "cb ap Dinh Hoa xep loai dv nam 2025: htxs 2, htt 15, ht 3, khong ht 0, ko xep loai 2 (msh). Chi bo tu xep HTT.", "2026-01-08T08:00:00+07:00")).toMatchObject({ htxs: 2, htt: 15, ht: 3, kht: 0 });
  });

  it("reads a quick report's \"nq\" without a colon, a presenter given by title after a label, and no meeting kind as an owner", () => {
    const quick = "cb thôn Đông t10: 24/26, vắng 2 cld (ốm), nd: thu đảng phí, bàn làm đường bê tông ngõ 3; nq dọn vệ sinh đường làng trước 20/10 - sh thường kỳ";
    const q = read("monthly-meeting", quick, "2026-10-12T08:00:00+07:00");
    expect(q.content_items).toEqual(["thu đảng phí", "bàn làm đường bê tông ngõ 3"]);
    expect(q.resolutions).toEqual([{ task: "dọn vệ sinh đường làng", owner: null, due: "2026-10-20" }]);
    const thematic = "CB tổ dân phố 4 | SH chuyên đề quý IV/2026\nNgày 10/11, 19h30, hội trường TDP 4\nChuyên đề: học tập tấm gương\nNgười trình bày: đ/c Bí thư chi bộ\nCó mặt 20/22";
    expect(read("monthly-meeting", thematic, "2026-11-12T08:00:00+07:00").presenter).toBe("Bí thư chi bộ");
  });

  it("refuses a newspaper's piece passed on, whatever figures it quotes", () => {
    const piece = "(Báo Lâm Đồng) Đến cuối quý II/2026, xã Đam Rông có 3.245 hộ với 14.630 nhân khẩu, đồng bào dân tộc thiểu số chiếm 78%; diện tích tự nhiên 412 km2.";
    expect(parseReport("village-quarterly", piece, { now: new Date("2026-07-05T08:00:00+07:00") })).toEqual({ ok: false, errors: ["not_a_report: article"] });
  });

  it("sums the party groups of a big cell, counted a line or a clause each", () => {
    const rating = "Kết quả xếp loại ĐV năm 2026 chi bộ ấp Trung Tâm:\nTổ 1: 1 HTXS, 7 HTT\nTổ 2: 6 HTT, 1 HT\nTổ 3: 1 HTXS, 5 HTT, 1 KHT\nChi bộ tự đánh giá mức HTT.";
    expect(read("annual-rating", rating, "2026-12-20T08:00:00+07:00")).toMatchObject({ htxs: 2, htt: 18, ht: 1, kht: 1, cell_self_level: "HTT" });
    const meeting = "Chi bộ ấp Bình Ý sh thường kỳ tháng 7 hôm qua, 2 giờ chiều tại hội trường ấp. Chi bộ có 3 tổ đảng: tổ 1 có mặt 6/7, tổ 2 đủ 8/8, tổ 3 có mặt 5/7.";
    expect(read("monthly-meeting", meeting, "2026-07-06T08:00:00+07:00")).toMatchObject({ present: 19, members_expected: 22, absent_total: 3 });
  });

  it("reads \"vừa làm bí thư vừa làm trưởng ấp\" and a quarter opening a dues report", () => {
    expect(read("village-quarterly", "Ấp 4 quý 1: 298 hộ, 1.150 dân, 15 đảng viên. Tui vừa làm bí thư vừa làm trưởng ấp luôn nghen.", "2026-04-03T08:00:00+07:00").secretary_is_village_head).toBe(true);
    const dues = "Quý 3/2026 chi bộ ấp Suối Cát đã thu đảng phí 1.050.000đ, 100% đv đóng đủ; đã nộp về Đảng ủy xã 735.000đ ngày 3/10.";
    expect(read("party-dues", dues, "2026-10-05T08:00:00+07:00").period).toBe("2026-Q3");
  });

  it("ends the tasks at \"Vậy thôi\" closing a spoken report", () => {
    const text = "Dạ chi bộ ấp Phú Thạnh họp tối 5/3 ở hội trường ấp, có mặt 16/20. Chi bộ giao trưởng ấp vận động bà con làm lộ bê tông trước 20/3. Vậy thôi, có gì anh chỉ thêm tui nghen.";
    const tasks = read("monthly-meeting", text, "2026-03-06T08:00:00+07:00").resolutions as { task: string }[];
    expect(tasks.map((t) => t.task)).toEqual(["vận động bà con làm lộ bê tông"]);
  });
});

describe("meeting readings (tenth round)", () => {
  const at = "2026-06-05T10:00:00+07:00";

  it("reads the kinds of absence listed after \"Vắng 8:\", each before its count", () => {
    const fields = read("monthly-meeting", "SH chi bộ ngày 04/6/2026. Tổng số đv: 42. Có mặt 34. Vắng 8: miễn SH 5, có lý do 2, không lý do 1.", at);
    expect(fields).toMatchObject({ absent_total: 8, absent_exempt: 5, absent_excused: 2, absent_unexcused: 1 });
  });

  it("does not count again the absent named under a kind already counted", () => {
    const text = "Sinh hoạt ngày 02/6/2026.\n- Tổng số đảng viên: 41 đồng chí; có mặt: 35 đ/c; vắng: 6 đ/c (có lý do: 02; miễn sinh hoạt: 04).\n  Vắng có lý do: đ/c Hồ Sỹ Tuấn (đi làm ăn xa), đ/c Nguyễn Thị Lam (ốm).";
    expect(read("monthly-meeting", text, at)).toMatchObject({ absent_total: 6, absent_excused: 2, absent_exempt: 4 });
  });

  it("reads the reason after \"vắng có lý do -\" and leaves a remark on the leave in brackets out of it", () => {
    const one = read("monthly-meeting", "Họp ngày 3/6. Có mặt 27/31, vắng 4 (2 đ/c miễn SH; đ/c Trần Văn Lợi vắng có lý do - đi làm ăn xa; đ/c Nguyễn Thị Hoa vắng không lý do)", at);
    expect(one.absentees).toEqual([{ name: "Trần Văn Lợi", excused: true, reason: "đi làm ăn xa" }, { name: "Nguyễn Thị Hoa", excused: false }]);
    const two = read("monthly-meeting", "Họp ngày 3/6. Có mặt 18/21, vắng ba: đ/c Nguyễn Đình Thọ đi lao động Hàn Quốc (đã được miễn sh), đ/c Trần Thị Lý ốm có xin phép, đ/c Phan Văn Cừ vắng không có lý do.", at);
    expect((two.absentees as { reason?: string; exempt?: boolean }[])[0]).toMatchObject({ reason: "đi lao động Hàn Quốc", exempt: true });
  });

  it("reads a cadre named in lower case when the whole message is, and the commune's deputy chairman as \"phó CT UBND xã\"", () => {
    const spoken = "chi bộ thôn yên thịnh sinh hoạt tháng 6 ngày 3 tháng 6 có mặt 28 trên tổng số 33 có đồng chí vũ văn hải phó bí thư đảng ủy xã về dự nội dung họp đánh giá nhiệm vụ tháng 5";
    expect(read("monthly-meeting", spoken, at)).toMatchObject({ cadre_present: true, cadre_name: "Vũ Văn Hải" });
    const typed = "cb ap Thoi Hoa B sh ngay 3/6 luc 14h. dv 24, co mat 21. Hop xong luc 16h30, co dc Tam pho CT UBND xa du.";
    expect(read("monthly-meeting", typed, at)).toMatchObject({ cadre_present: true, cadre_name: "Tam" });
  });

  it("reads a table's \"Đại biểu Đảng ủy xã dự | Không\" as no cadre, and dues \"thu tại buổi SH\" as no place", () => {
    const text = "| Nội dung | Kết quả |\n|---|---|\n| Ngày sinh hoạt | 03/6/2026 |\n| Có mặt | 36 |\n| Đại biểu Đảng ủy xã dự | Không |\n| Đảng phí thu tại buổi SH | 1.215.000đ |";
    const fields = read("monthly-meeting", text, at);
    expect(fields.cadre_present).toBe(false);
    expect(fields.place).toBeUndefined();
  });

  it("cuts the last agenda item before \"và\" and a verb that opens an item of its own", () => {
    const typed = read("monthly-meeting", "Họp ngày 3/6, có mặt 26/29. Nội dung: đánh giá kết quả tháng 5, triển khai nhiệm vụ tháng 6 và bình xét xếp loại đảng viên. Rứa thôi anh nha.", at);
    expect(typed.content_items).toEqual(["đánh giá kết quả tháng 5", "triển khai nhiệm vụ tháng 6", "bình xét xếp loại đảng viên"]);
    const kept = read("monthly-meeting", "Họp ngày 3/6, có mặt 26/29. Nội dung: quán triệt nghị quyết, bàn thu hoạch sầu riêng và giữ an ninh buôn làng.", at);
    expect(kept.content_items).toEqual(["quán triệt nghị quyết", "bàn thu hoạch sầu riêng và giữ an ninh buôn làng"]);
    const spoken = read("monthly-meeting", "chi bộ thôn yên thịnh sinh hoạt ngày 3 tháng 6 có mặt 28 trên tổng số 33 nội dung họp đánh giá nhiệm vụ tháng 5 triển khai nhiệm vụ tháng 6 và bàn công tác chăm sóc lúa mùa thế thôi ạ", at);
    expect(spoken.content_items).toEqual(["đánh giá nhiệm vụ tháng 5", "triển khai nhiệm vụ tháng 6", "bàn công tác chăm sóc lúa mùa"]);
  });

  it("reads \"Chi bộ quyết nghị:\" and a heading \"IV. Kết luận\" on its own line as the resolutions, with an owner handed the task mid-item", () => {
    const one = read("monthly-meeting", "Họp ngày 3/6, có mặt 18/21. Chi bộ quyết nghị: tổ chức ra quân tổng vệ sinh trước ngày 14/6, giao Chi đoàn thanh niên chủ trì; rà soát lại hộ nghèo, giao đ/c trưởng thôn.", at);
    expect(one.resolutions).toEqual([
      { task: "tổ chức ra quân tổng vệ sinh", owner: "Chi đoàn thanh niên", due: "2026-06-14" },
      { task: "rà soát lại hộ nghèo", owner: "trưởng thôn", due: null },
    ]);
    const two = read("monthly-meeting", "Họp ngày 3/6, có mặt 35/41.\nIV. Kết luận\n- Vận động nhân dân giữ vệ sinh; giao Chi hội Phụ nữ hoàn thành trước ngày 10/7/2026.\n- Hoàn thành thu nộp đảng phí trước ngày 15/6/2026 – giao đ/c Hồ Thị Mai.", at);
    expect(two.resolutions).toEqual([
      { task: "Vận động nhân dân giữ vệ sinh", owner: "Chi hội Phụ nữ", due: "2026-07-10" },
      { task: "Hoàn thành thu nộp đảng phí", owner: "Hồ Thị Mai", due: "2026-06-15" },
    ]);
  });

  it("reads the reason after the leave said first (\"có phép, …\", \"có lý do (…)\")", () => {
    const one = read("monthly-meeting", "Họp ngày 3/6. Có mặt 24/27 đ/c, vắng 3 đ/c: Y Khuê Byă (có phép, đi Buôn Ma Thuột chữa bệnh), Nguyễn Văn Thịnh (có phép, đi tỉa cà phê thuê), H'Nhi Niê (không phép).", at);
    expect(one.absentees).toEqual([
      { name: "Y Khuê Byă", excused: true, reason: "đi Buôn Ma Thuột chữa bệnh" },
      { name: "Nguyễn Văn Thịnh", excused: true, reason: "đi tỉa cà phê thuê" },
      { name: "H'Nhi Niê", excused: false },
    ]);
    const two = read("monthly-meeting", "Họp ngày 3/6. Có mặt 15/16, vắng 1 là đ/c Thào A Sểnh có lý do (đi khám bệnh ở huyện).", at);
    expect(two.absentees).toEqual([{ name: "Thào A Sểnh", excused: true, reason: "đi khám bệnh ở huyện" }]);
  });

  it("reads the names of each group after its count and kind (\"1 CLD: …; 2 KLD: …\", \"2 co ly do …; 1 k ly do …\")", () => {
    const one = read("monthly-meeting", "cb thon Dong Lac SH ngay 3/6, 19h-20h45, tai NVH. 24/27 dv co mat, vang 3 (1 CLD: Hoang Van Sang; 2 KLD: Luong Thi Thu, Nong Van Hieu).", at);
    expect(one.absentees).toEqual([
      { name: "Hoang Van Sang", excused: true },
      { name: "Luong Thi Thu", excused: false },
      { name: "Nong Van Hieu", excused: false },
    ]);
    const two = read("monthly-meeting", "chi bo xom 5 SH ngay 3/6, 19h15-20h40 o NVH. dv 26/29, vang 3: 2 co ly do Pham Van Dung (om), Tran Van Luc (di lam ca); 1 k ly do Do Thi Hoa.", at);
    expect(two).toMatchObject({ absent_excused: 2, absent_unexcused: 1 });
    expect(two.absentees).toEqual([
      { name: "Pham Van Dung", excused: true, reason: "om" },
      { name: "Tran Van Luc", excused: true, reason: "di lam ca" },
      { name: "Do Thi Hoa", excused: false },
    ]);
  });

  it("ends a place at an emoji or at the time the meeting went on to, and reads that time as the end", () => {
    expect(read("monthly-meeting", "CB xóm Trại SH ngày 3/6, 19h45-21h05 tại NVH xóm ✅ Tổng 31 đv, có mặt 26.", at).place).toBe("nhà văn hóa xóm");
    const until = read("monthly-meeting", "Chi bộ ấp Sóc Lèo sinh hoạt chiều 3/6 lúc 13h30 tại nhà văn hóa ấp Sóc Lèo đến 15h45, dự họp có 30 trên tổng số 33 đ/c.", at);
    expect(until).toMatchObject({ place: "nhà văn hóa ấp Sóc Lèo", start_time: "13:30", end_time: "15:45", duration_min: 135 });
    const spoken = read("monthly-meeting", "chi bộ ấp Tân Quy Đông họp hôm 3/6 lúc 7 giờ tối tại nhà văn hóa ấp tới 9 giờ tối. Đảng viên 40, có mặt 35.", at);
    expect(spoken).toMatchObject({ place: "nhà văn hóa ấp", start_time: "19:00", end_time: "21:00", duration_min: 120 });
  });

  it("reads a presenter's title after a dash and leaves it out of the topic", () => {
    const fields = read("monthly-meeting", "SHCB thường kỳ kết hợp chuyên đề quý II/2026, ngày 03/6, 19h30-21h30, hội trường thôn.\nChuyên đề: Phát huy vai trò nêu gương của đảng viên - bí thư chi bộ trình bày.\nCó mặt 38/40.", at);
    expect(fields).toMatchObject({ thematic_topic: "Phát huy vai trò nêu gương của đảng viên", presenter: "bí thư chi bộ" });
  });

  it("does not take a comrade who came, or \"đồng chí nào\", for an absentee", () => {
    const came = read("monthly-meeting", "Chi bộ họp tối 3/6 từ 19h đến 21h, có mặt 17 trên tổng số 20, vắng 3 đ/c là Bàn Văn Lìn đi rừng có báo, Triệu Thị Mẩy ốm có báo, Lý Văn Sinh không báo, đồng chí Đặng Văn Hảo cán bộ xã có về dự ạ", at);
    expect(came).toMatchObject({ absent_excused: 2, absent_unexcused: 1 });
    expect((came.absentees as unknown[]).length).toBe(3);
    const none = read("monthly-meeting", "chi bộ ấp Trà Cú B họp ngày 3 tháng 6 lúc bảy giờ tối tại nhà ông Kim Sóc Khanh tổng số đảng viên hai mươi mốt đồng chí có mặt hai mươi đồng chí vắng một đồng chí Lý Sa Quên đi làm ở Sài Gòn có xin phép không có đồng chí nào vắng không phép dạ hết ạ", at);
    expect(none.absentees).toEqual([{ name: "Lý Sa Quên", excused: true, reason: "đi làm ở Sài Gòn" }]);
  });

  it("reads \"Chi bo giao:\" as the resolutions, each owner named first, and \"trật tự dịp Tết\" as no deadline", () => {
    const text = "Chi bo sinh hoat ngay 3/6, dang vien 22, du 20. Chi bo giao:\n- dc Y Kha Mlo phoi hop cong an xa giu an ninh trat tu dip Tet, truoc 10/7\n- dc H Dinh Nie lap danh sach ho ngheo, truoc 25/6";
    expect(read("monthly-meeting", text, at).resolutions).toEqual([
      { task: "phoi hop cong an xa giu an ninh trat tu dip Tet", owner: "Y Kha Mlo", due: "2026-07-10" },
      { task: "lap danh sach ho ngheo", owner: "H Dinh Nie", due: "2026-06-25" },
    ]);
  });
});

describe("admissions readings (tenth round)", () => {
  it("reads \"năm\" written with its mark before a person as five, and \"một nam\" as one man", () => {
    const five = read("admissions", "báo cáo năm 2026 chi bộ buôn Ea Sô kết nạp được năm đồng chí trong đó có ba nữ năm đoàn viên năm đồng chí người dân tộc Ê Đê hai đồng chí theo đạo Tin Lành", "2026-12-20T10:00:00+07:00");
    expect(five).toMatchObject({ admitted: 5, women: 3, youth_union: 5, ethnic_minority: 5, religious: 2 });
    const man = read("admissions", "báo cáo quý một chi bộ thôn Đăk Rơ Wa kết nạp ba đồng chí gồm hai nữ một nam cả ba đều là đoàn viên thanh niên", "2026-03-28T10:00:00+07:00");
    expect(man).toMatchObject({ admitted: 3, women: 2, youth_union: 3 });
  });

  it("reads the month said in words after \"báo cáo\" before \"chi bộ\", and a quarter after a name holding \"Se\"", () => {
    expect(read("admissions", "báo cáo tháng sáu chi bộ ấp Bình Phú kết nạp một đảng viên mới là đồng chí Trần Thị Kim Thoa", "2026-06-30T18:30:00+07:00").period).toBe("2026-06");
    expect(read("admissions", "ap Ba Se bao cao quy 3: ket nap 1 dv moi (nam, doan vien).", "2026-09-29T11:00:00+07:00").period).toBe("2026-Q3");
  });

  it("keeps what an apology put right, and reads \"và xét công nhận chính thức cho đ/c …\" beside a deed done as done", () => {
    const sorry = read("admissions", "ap Ba Se bao cao quy 3: ket nap 1 dv moi. Chuyen chinh thuc 2 dc Tran Van Nho va Danh Thi Bich - xin loi, chi dc Tran Van Nho duoc chuyen chinh thuc, dc Danh Thi Bich con cho quyet dinh chuyen chinh thuc.", "2026-09-29T11:00:00+07:00");
    expect(sorry.made_full).toBe(1);
    const done = read("admissions", "Chi bộ khóm 2 báo cáo: trong tháng 5/2026 chi bộ tổ chức lễ kết nạp đ/c Huỳnh Ngọc Trâm và xét công nhận chính thức cho đ/c Phạm Văn Lũy.", "2026-05-30T10:00:00+07:00");
    expect(done.made_full).toBe(1);
  });
});

describe("dues, village and spoken years (tenth round)", () => {
  it("reads those who owe before the verb and those who paid after it", () => {
    expect(read("party-dues", "Dạ chi bộ ấp Phước Lợi báo cáo thu đảng phí tháng 3/2026: 27 đ/c phải đóng, đã đóng 25, còn 2 đ/c chưa đóng. Tổng thu 1tr2.", "2026-03-31T10:00:00+07:00")).toMatchObject({ liable: 27, paid: 25, unpaid: 2 });
    expect(read("party-dues", "Dạ o ơi, chi bộ xóm 3 đảng phí tháng 1 thu xong rồi, 22 đv đóng được 20, 2 đ/c chưa đóng, tổng được 640 nghìn.", "2026-01-30T10:00:00+07:00")).toMatchObject({ liable: 22, paid: 20, unpaid: 2 });
    expect(read("party-dues", "báo cáo đảng phí tháng mười hai chi bộ có hai mươi sáu đảng viên đã thu được hai mươi lăm đồng chí còn đồng chí K Brơi chưa đóng", "2026-12-28T10:00:00+07:00")).toMatchObject({ liable: 26, paid: 25, unpaid: 1 });
  });

  it("leaves the members exempt from dues out of those who owe", () => {
    const fields = read("party-dues", "Đảng phí tháng 12/2026 số tiền 1.450.000đ. Chi bộ 40 đ/c, 2 đ/c được miễn đóng do hoàn cảnh khó khăn, 38 đ/c còn lại đã đóng đủ.", "2026-12-30T10:00:00+07:00");
    expect(fields).toMatchObject({ liable: 38, paid: 38, unpaid: 0 });
  });

  it("reads a remittance told with its day before its amount", () => {
    const fields = read("party-dues", "CB thon Dong Tien bao cao dang phi thang 3/2026: 25/25 dv da dong, tong thu 312.000d. Da nop ngay 30/3 la 218.400d, chi bo giu lai 93.600d.", "2026-03-31T08:00:00+07:00");
    expect(fields).toMatchObject({ remitted: true, remitted_vnd: 218400, remitted_date: "2026-03-30", retained_vnd: 93600 });
  });

  it("reads a month and a year said in words, and a member count in words before \"đồng chí\"", () => {
    expect(read("party-dues", "em báo cáo đảng phí chi bộ buôn Tơng Jú tháng chín năm hai nghìn không trăm hai mươi sáu đảng viên phải đóng bốn mươi đồng chí đã đóng đủ bốn mươi đồng chí", "2026-09-30T10:00:00+07:00").period).toBe("2026-09");
    const village = read("village-quarterly", "báo cáo số liệu buôn Jang Lành quý ba năm hai không hai lăm tổng số hộ là một trăm bốn mươi hai hộ đảng viên chín đồng chí hộ nghèo mười một hộ", "2026-01-05T10:00:00+07:00");
    expect(village).toMatchObject({ period: "2025-Q3", households: 142, members: 9, poor_households: 11 });
    expect(read("admissions", "báo cáo năm hai nghìn hai mươi lăm chi bộ buôn Ea Sô kết nạp được 2 đồng chí", "2026-06-10T10:00:00+07:00").period).toBe("2025");
  });
});

describe("rating readings (tenth round)", () => {
  const at = "2026-12-20T10:00:00+07:00";

  it("reads the exempt counted as one more item of the list, or under a bracketed reason before the colon", () => {
    expect(read("annual-rating", "ap Vinh Thanh: xep loai 2026: xs 2, tot 17, ht 5, kht 0, mien 1. CB tu xep loai: HTT", at).unrated).toBe(1);
    expect(read("annual-rating", "Chi bo ap Tan Phu Dong xep loai nam 2026 nhu sau: 4 dc hoan thanh xuat sac, 21 dc hoan thanh tot, 2 dc hoan thanh, 0 khong hoan thanh, 2 dc mien. Chi bo tu danh gia hoan thanh tot nhiem vu.", at).unrated).toBe(2);
    const listed = "Xếp loại đảng viên năm 2026:\n- Hoàn thành xuất sắc nhiệm vụ: 7 đ/c\n- Hoàn thành tốt nhiệm vụ: 38 đ/c\n- Hoàn thành nhiệm vụ: 2 đ/c\n- Không xếp loại (miễn sinh hoạt, dự bị chưa đủ thời gian): 5 đ/c\nChi bộ tự đánh giá xếp loại: Hoàn thành tốt nhiệm vụ.";
    expect(read("annual-rating", listed, at).unrated).toBe(5);
    expect(read("annual-rating", "Xếp loại đv năm 2026 chi bộ ấp An Thạnh: 2 HTXS, 17 HTT, 2 HT, 0 KHT; 1 đ/c dự bị kết nạp 12/2026 chưa xếp loại. Chi bộ HTT.", at).unrated).toBe(1);
  });

  it("reads this year's own level after another year's, and a slip put right with \"à lộn\"", () => {
    const other = read("annual-rating", "Dạ em gửi kết quả xếp loại năm 2026 của chi bộ ấp Bình Hòa: xuất sắc 2 đ/c, tốt 19, hoàn thành 3. Năm 2025 chi bộ được HTXS nhưng năm nay chỉ tự xếp HTT thôi.", at);
    expect(other.cell_self_level).toBe("HTT");
    expect(read("annual-rating", "chi bộ ấp Long Thạnh xếp loại năm 2026 xong rồi nè: HTXS 3, HTT 19, HT 4 à lộn HT 3, còn 1 đ/c KHT, chi bộ tự xếp HT anh ơi.", at)).toMatchObject({ htxs: 3, htt: 19, ht: 3, kht: 1 });
  });

  it("takes \"sửa HTT 31 thành 30\" under \"Đính chính\" for a correction of a report already sent", () => {
    const r = parseReport("annual-rating", "Đính chính: báo cáo xếp loại đv 2026 thôn Phù Oanh gửi ngày 15/12, sửa HTT 31 thành 30, HT 6 thành 7. Các số khác giữ nguyên, chi bộ vẫn HTTNV.", { now: new Date(at) });
    expect(r.ok).toBe(false);
  });

  it("reads \"à lộn\" after a count, \"chị em\" as the women, and a second name joined by \"với\"", () => {
    const text = "báo cáo kết quả phát triển đảng năm 2026 chi bộ ấp Trường Thọ kết nạp được bảy à lộn sáu đồng chí trong sáu đồng chí có bốn chị em, chuyển chính thức được năm đồng chí còn hai đồng chí Trương Văn Nhựt với Huỳnh Ngọc Trâm thì đang làm hồ sơ chuyển chính thức";
    const fields = read("admissions", text, "2026-12-20T10:00:00+07:00");
    expect(fields).toMatchObject({ admitted: 6, women: 4, made_full: 5 });
    expect(fields.pending_full).toEqual(["Trương Văn Nhựt", "Huỳnh Ngọc Trâm"]);
  });
});

describe("owners, cadres and counts (tenth round, second part)", () => {
  const at = "2026-10-03T10:00:00+07:00";

  it("reads the exempt counted in a clause of their own beside the absent", () => {
    expect(read("monthly-meeting", "hop ngay 2/10, co mat 29/33 dv, 2 msh, 2 vang co phep.", at)).toMatchObject({ absent_total: 4, absent_exempt: 2, absent_excused: 2 });
  });

  it("reads \"không có đồng chí xã dự\" as no cadre, and \"có đồng chí xã về dự\" as one", () => {
    expect(read("monthly-meeting", "Họp ngày 2/10, có mặt 15/17. Ko có đồng chí xã dự.", at).cadre_present).toBe(false);
    expect(read("monthly-meeting", "Họp ngày 2/10, có mặt 15/17, có đồng chí xã về dự.", at).cadre_present).toBe(true);
  });

  it("reads owners named after an office, with a title after a dash, a verb after them, or a number in their title", () => {
    const text = "Họp ngày 2/10, có mặt 20/22.\nNghị quyết:\n- Nộp đảng phí cả năm trước 20/12 (đ/c thủ quỹ Vũ Thị Lan)\n- Hoàn thành gieo cấy trước ngày 20/10, giao đ/c Trưởng thôn chỉ đạo;\n- Thu nộp đảng phí quý IV trước ngày 31/12, giao đ/c Phạm Thị Hường – chi ủy viên thực hiện.\n- Trưởng thôn Lê Văn Sáu làm việc với xã về kinh phí nạo vét kênh, chậm nhất 25/11\n- giao đ/c Tổ trưởng tổ đảng số 2 tổng hợp bản đăng ký việc làm, hạn 30/10.";
    expect(read("monthly-meeting", text, at).resolutions).toEqual([
      { task: "Nộp đảng phí cả năm", owner: "Vũ Thị Lan", due: "2026-12-20" },
      { task: "Hoàn thành gieo cấy", owner: "Trưởng thôn", due: "2026-10-20" },
      { task: "Thu nộp đảng phí quý IV", owner: "Phạm Thị Hường", due: "2026-12-31" },
      { task: "làm việc với xã về kinh phí nạo vét kênh", owner: "Lê Văn Sáu", due: "2026-11-25" },
      { task: "tổng hợp bản đăng ký việc làm", owner: "Tổ trưởng tổ đảng số 2", due: "2026-10-30" },
    ]);
  });

  it("reads this year's admissions after last year's, \"phật tử\" and \"đều trong đoàn\"", () => {
    const years = read("admissions", "Năm 2025 chi bộ em kết nạp 2, năm nay 2026 thì kết nạp được 3 đ/c rồi anh ạ, 2 nữ, 1 là người Dao.", "2026-12-10T10:00:00+07:00");
    expect(years).toMatchObject({ period: "2026", admitted: 3, women: 2, ethnic_minority: 1 });
    const traits = read("admissions", "quý ba chi bộ tổ dân phố Phước Vĩnh kết nạp hai đồng chí một đồng chí là phật tử, cả hai đều trong đoàn", "2026-09-28T10:00:00+07:00");
    expect(traits).toMatchObject({ admitted: 2, religious: 1, youth_union: 2 });
  });

  it("leaves the ward's letter out of a village's name", () => {
    expect(read("village-quarterly", "BC quý 3/2026 TDP số 8 P. Cốc Lếu: 389 hộ/1.402 khẩu; ĐV 71 (DB 3).", at).village).toBe("tổ dân phố số 8");
  });
});

describe("telling non-reports apart (tenth round)", () => {
  function refused(form: FormName, text: string, now: string): boolean {
    return !parseReport(form, text, { now: new Date(now) }).ok;
  }

  it("takes a piece closing on its press source for an article", () => {
    const text = "Năm 2025, Đảng bộ tỉnh Hà Giang kết nạp 2.315 đảng viên mới, trong đó nữ chiếm 46,8%, người dân tộc thiểu số chiếm 87%, đoàn viên chiếm 78%. (theo Báo Hà Giang)";
    expect(refused("admissions", text, "2026-01-10T10:00:00+07:00")).toBe(true);
  });

  it("takes a village's story over the years, or a figure said in passing, for no quarterly report", () => {
    const story = "Thực hiện Nghị quyết Đảng ủy xã, những năm qua thôn Đồng Tâm có nhiều đổi thay: từ 45 hộ nghèo năm 2015 nay chỉ còn 6 hộ; thu nhập bình quân đạt 62 triệu đồng/người/năm; chi bộ từ 18 đảng viên nay đã có 35 đảng viên.";
    expect(refused("village-quarterly", story, "2026-09-20T10:00:00+07:00")).toBe(true);
    const chatter = "Năm nay thôn em được mùa anh ạ, 85 ha lúa xuân năng suất hơn 2 tạ/sào, 412 hộ ai cũng phấn khởi. Quý sau em mời anh về ăn cơm mới nhé.";
    expect(refused("village-quarterly", chatter, "2026-06-20T10:00:00+07:00")).toBe(true);
    // A short answer to the bot's question stays a report; so does a crop's area beside the village's.
    expect(read("village-quarterly", "hộ nghèo 6", "2026-06-28T10:00:00+07:00").poor_households).toBe(6);
    expect(read("village-quarterly", "báo cáo quý 4 làng em có 156 hộ, diện tích đất tự nhiên 2.100 ha trong đó cà phê 310 ha", "2026-12-20T10:00:00+07:00").area_km2).toBe(21);
  });
});

describe("written reports' layouts (tenth round)", () => {
  it("reads lettered items, a cadre titled \"UV BCH Đảng bộ xã\", and \"hè thu\" as no weekday before a deadline", () => {
    const text = "BÁO CÁO KẾT QUẢ SINH HOẠT CHI BỘ THÁNG 9/2026\n1/ Thời gian: bắt đầu 19h30 ngày 10/9/2026, kết thúc 21h15.\n4/ Đảng viên: tổng số 31 đ/c; có mặt 27 đ/c.\n5/ Đ/c Phan Đình Trung - UV BCH Đảng bộ xã dự và chỉ đạo.\n6/ Nội dung:\n a) Đánh giá kết quả tháng 8, triển khai nhiệm vụ tháng 9;\n b) Sinh hoạt chuyên đề;\n c) Thu đảng phí.\n7/ Chi bộ thống nhất nghị quyết:\n - Hoàn thành thu hoạch lúa hè thu trước 20/9 (Chi hội nông dân phụ trách);";
    const fields = read("monthly-meeting", text, "2026-09-11T09:00:00+07:00");
    expect(fields).toMatchObject({ cadre_present: true, cadre_name: "Phan Đình Trung" });
    expect(fields.content_items).toEqual(["Đánh giá kết quả tháng 8, triển khai nhiệm vụ tháng 9", "Sinh hoạt chuyên đề", "Thu đảng phí"]);
    expect(fields.resolutions).toEqual([{ task: "Hoàn thành thu hoạch lúa hè thu", owner: "Chi hội nông dân", due: "2026-09-20" }]);
  });

  it("reads items numbered \"1/ …\" and a Ba Na name opening with \"A\"", () => {
    const text = "Chi bộ thôn Kon Mơ báo cáo: chi bộ sinh hoạt sáng 2/11, tại nhà rông thôn, từ 8h00 đến 10h30.\nĐảng viên: 18 đ/c, có mặt 15, vắng 3 (A Thuy đi rẫy xa có báo, Y Bliên ốm, A Khoa không báo).\nNội dung: 1/ Nhận xét tình hình tháng 10; 2/ Bàn khắc phục sạt lở đường; 3/ Vận động bà con không đốt rẫy.\nChi bộ ra nghị quyết:\n1/ Hoàn thành gieo cấy trước ngày 15/11, giao chi hội nông dân;\n2/ Tổ chức tết trồng cây, giao chi đoàn thanh niên.";
    const fields = read("monthly-meeting", text, "2026-11-03T09:00:00+07:00");
    expect((fields.absentees as { name: string }[]).map((a) => a.name)).toEqual(["A Thuy", "Y Bliên", "A Khoa"]);
    expect(fields.content_items).toEqual(["Nhận xét tình hình tháng 10", "Bàn khắc phục sạt lở đường", "Vận động bà con không đốt rẫy"]);
    expect(fields.resolutions).toEqual([
      { task: "Hoàn thành gieo cấy", owner: "chi hội nông dân", due: "2026-11-15" },
      { task: "Tổ chức tết trồng cây", owner: "chi đoàn thanh niên", due: null },
    ]);
  });

  it("reads the close told between the agenda and the conclusions, and \"Ban chi ủy đôn đốc …\" as its owner and task", () => {
    const text = "BIÊN BẢN SINH HOẠT CHI BỘ THÁNG 4/2026\nThời gian: 19 giờ 00, ngày 07/4/2026\nCó mặt 24/27.\nNội dung sinh hoạt:\n1. Đánh giá kết quả tháng 3\n2. Triển khai nhiệm vụ tháng 4\nBuổi sinh hoạt kết thúc lúc 21 giờ 15 cùng ngày.\nKết luận của chủ trì:\n- Giao Chi đoàn khu phố ra quân dọn vệ sinh kênh Bà Hai vào sáng Chủ nhật 19/4/2026.\n- Ban chi ủy đôn đốc thu đảng phí quý II.";
    const fields = read("monthly-meeting", text, "2026-04-08T09:00:00+07:00");
    expect(fields).toMatchObject({ start_time: "19:00", end_time: "21:15", duration_min: 135 });
    expect(fields.resolutions).toEqual([
      { task: "ra quân dọn vệ sinh kênh Bà Hai", owner: "Chi đoàn khu phố", due: "2026-04-19" },
      { task: "đôn đốc thu đảng phí quý II", owner: "Ban chi ủy", due: null },
    ]);
  });

  it("adds up dues paid group by group, and leaves out a fund said to be apart from the dues", () => {
    const groups = "Báo cáo đảng phí tháng 4/2026 chi bộ ấp Tam Phước 3:\n- ĐV hưu trí: 9 đ/c, đóng 1% lương hưu, thu 612.000đ\n- ĐV làm nông, buôn bán: 13 đ/c x 10.000đ = 130.000đ\n- ĐV dự bị làm công nhân KCN: 2 đ/c x 50.000đ = 100.000đ\nCả 24 đ/c đều đóng đủ.";
    expect(read("party-dues", groups, "2026-04-28T10:00:00+07:00")).toMatchObject({ amount_vnd: 842000, paid: 24 });
    const fund = "T6 khu vực Bình Thường A thu ĐP được 1tr2, đủ 31/31 đ/c. Quỹ khuyến học thu thêm 2tr5 (ko tính vô ĐP). Đã nộp ĐU phường 840k hôm thứ 6.";
    expect(read("party-dues", fund, "2026-06-28T10:00:00+07:00").amount_vnd).toBe(1200000);
  });
});

describe("reports passed on by the office (tenth round)", () => {
  it("reads a cell's report forwarded with a header line, its sending time no meeting time", () => {
    const rating = "Fw từ CB KP Tân Long - xếp loại 2026:\nHTXS 6 – HTT 41 – HT 4 – KHT 1\nChi bộ tự nhận mức HT.";
    expect(read("annual-rating", rating, "2026-12-20T10:00:00+07:00")).toMatchObject({ period: "2026", htxs: 6, htt: 41, ht: 4, kht: 1, cell_self_level: "HT" });
    const meeting = "VP Đảng ủy chuyển tiếp - CB KP Tân Hòa (đ/c Quang gửi qua Zalo lúc 22h hôm qua):\nTối 10/6/2026 chi bộ kp Tân Hòa sh thường kỳ tại HT kp, 19h30-21h. Tổng: 52 đ/c, có mặt: 46, vắng: 6\nSTT\tHọ tên\tLý do\n1\tNguyễn Thị Hoa\tốm\n2\tVõ Văn Sáu\tđi công tác Bình Phước\n3\tTrần Minh Trí\tmiễn SH\n4\tĐặng Văn Lộc\tmiễn SH\n5\tLê Hoàng Nam\tkld\n6\tNguyễn Văn Bảy\tkld";
    const fields = read("monthly-meeting", meeting, "2026-06-11T10:00:00+07:00");
    expect(fields).toMatchObject({ start_time: "19:30", end_time: "21:00", absent_total: 6, absent_excused: 2, absent_unexcused: 2, absent_exempt: 2 });
    expect((fields.absentees as unknown[]).length).toBe(6);
  });

  it("reads a forwarded list of the admitted, its month in its title", () => {
    const text = "VP ĐUP chuyển tiếp: DS kết nạp tháng 7/2026 chi bộ tdp 11\nSTT\tHọ tên\tGiới tính\tĐoàn viên\tGhi chú\n1\tTrần Gia Bảo\tNam\tx\t\n2\tNguyễn Thị Kim Ngân\tNữ\tx\tCông giáo\n3\tLâm Văn Sang\tNam\t\tngười Hoa";
    expect(read("admissions", text, "2026-07-30T10:00:00+07:00")).toMatchObject({ period: "2026-07", admitted: 3, women: 1, youth_union: 2, religious: 1, ethnic_minority: 1 });
  });

  it("reads \"Chuyển chính thức trong tháng: 1\", and keeps one made full out of those still waiting", () => {
    expect(read("admissions", "Chi bộ ấp Thạnh Hòa - BC kết nạp tháng 10/2026:\n- Số kết nạp: 2\n- Chuyển chính thức trong tháng: 1", "2026-10-30T10:00:00+07:00").made_full).toBe(1);
    const text = "Chi bộ KP Tân Thắng báo cáo PTĐ quý II:\n+ Kết nạp: 0\n+ Chuyển chính thức: 1 (đ/c Võ Thanh Tâm)\n+ Đang chờ chuyển CT: đ/c Phạm Ngọc Hân";
    expect(read("admissions", text, "2026-06-28T10:00:00+07:00").pending_full).toEqual(["Phạm Ngọc Hân"]);
  });

  it("reads a \"khối phố\" as a village, and \"à em ghi lộn\" putting a rating right", () => {
    expect(read("village-quarterly", "Dạ khối phố Mỹ Thạch Trung quý 4 ni có 386 hộ, 1.402 khẩu, đảng viên 55 đ/c (2 dự bị)", "2026-12-20T10:00:00+07:00").village).toBe("khối phố Mỹ Thạch Trung");
    const slip = read("annual-rating", "CB tdp 15 báo KQ xếp loại năm 2026: HTXS 2, HTT 17, HT 3, KHT 0 — à em ghi lộn, HT 2, KHT 1 mới đúng. Miễn 1. CB tự xếp HTT.", "2026-12-20T10:00:00+07:00");
    expect(slip).toMatchObject({ htxs: 2, htt: 17, ht: 2, kht: 1, unrated: 1, cell_self_level: "HTT" });
  });

  it("reads a sum said in thousands at the end of a sentence as money, and \"chuyển khoản đủ số này\" as all of it remitted", () => {
    const kept = read("party-dues", "đảng phí tháng 8 thu 368 nghìn đồng. Đã nộp về Đảng ủy xã 257 nghìn 600 ngày 31/8, còn lại chi bộ giữ 110 nghìn 400.", "2026-08-31T10:00:00+07:00");
    expect(kept).toMatchObject({ amount_vnd: 368000, remitted_vnd: 257600, retained_vnd: 110400 });
    expect(read("village-quarterly", "thôn A quý 3 có 540 hộ, 2 nghìn 160 nhân khẩu", "2026-09-28T10:00:00+07:00").population).toBe(2160);
    const all = read("party-dues", "Chào VP, chi bộ ấp Bàu Sen báo: đảng phí tháng 5 thu đủ 100%, 19 đồng chí, số tiền bốn trăm hai mươi nghìn đồng chẵn. Đã chuyển khoản đủ số này cho đảng ủy xã sáng nay.", "2026-05-27T10:00:00+07:00");
    expect(all).toMatchObject({ remitted: true, remitted_vnd: 420000, remitted_to: "đảng ủy xã", remitted_date: "2026-05-27" });
  });

  it("reads the absent listed on bulleted lines under \"Vắng 4:\", and a presenter named after the title", () => {
    const listed = "TDP 4 – BC SHCB tháng 11/2026\nNgày 04/11, từ 19h30 đến 21h00.\nTổng ĐV 52, phải dự 43. Có mặt 39. Vắng 4:\n- Hoàng Thị Lý: ốm, có phép\n- Đặng Văn Tiến: đi biển, có phép\n- Lê Quang Minh: đi làm Hà Nội, có phép\n- Phan Thị Hồng: không phép\nĐ/c Lê Thị Hà, PBT Đảng ủy phường dự.";
    const fields = read("monthly-meeting", listed, "2026-11-05T10:00:00+07:00");
    expect(fields).toMatchObject({ absent_total: 4, absent_excused: 3, absent_unexcused: 1 });
    expect((fields.absentees as { name: string }[]).map((a) => a.name)).toEqual(["Hoàng Thị Lý", "Đặng Văn Tiến", "Lê Quang Minh", "Phan Thị Hồng"]);
    const spoken = "tối 11/9 chi bộ sinh hoạt thường kỳ kết hợp chuyên đề quý III, có mặt 31/33, vắng 2 là đ/c Nguyễn Tấn Lực (đi làm ở Bình Dương, có xin phép) và đ/c Trần Thị Xuân vắng không lý do, chuyên đề Phát huy vai trò của đảng viên do đ/c Phó bí thư Đoàn Văn Kha trình bày.";
    const read2 = read("monthly-meeting", spoken, "2026-09-12T10:00:00+07:00");
    expect(read2).toMatchObject({ presenter: "Đoàn Văn Kha", absent_excused: 1, absent_unexcused: 1 });
    expect((read2.absentees as unknown[]).length).toBe(2);
  });

  it("reads \"Hôm nay em đã mang lên nộp …\" as remitted today", () => {
    const text = "Dạ em báo cáo đảng phí tháng 6 chi bộ thôn Nà Khương: thu được 18 đồng chí, tổng số 540 nghìn. Hôm nay em đã mang lên nộp đảng ủy xã 378 nghìn rồi ạ, chi bộ giữ lại 162 nghìn.";
    expect(read("party-dues", text, "2026-06-30T17:00:00+07:00")).toMatchObject({ remitted: true, remitted_vnd: 378000, remitted_date: "2026-06-30", retained_vnd: 162000 });
  });

  it("reads no count in a school class or an age after a trait (\"lớp 12\", \"nữ 19 tuổi\")", () => {
    expect(read("admissions", "Q2 tui kết nạp đc 1 đứa nhỏ đoàn viên, nữ, đang học lớp 12 trường Huỳnh Hữu Nghĩa nghen a", "2026-06-28T10:00:00+07:00")).toMatchObject({ admitted: 1, women: 1, students: 1, youth_union: 1 });
    const age = "báo cáo công tác phát triển đảng quý 1 năm 2026 chi bộ khóm 5 kết nạp được 1 đảng viên mới là quần chúng Nguyễn Ngọc Hân nữ 19 tuổi sinh viên trường đại học Cần Thơ đoàn viên thanh niên theo đạo Cao Đài";
    expect(read("admissions", age, "2026-03-28T10:00:00+07:00")).toMatchObject({ admitted: 1, women: 1, students: 1, youth_union: 1, religious: 1 });
  });

  it("reads the month of the admitting said later in the message, and \"nữ 1... à không, nữ 2\"", () => {
    expect(read("admissions", "Tối qua 14/5 chi bộ thôn Thanh Khê tổ chức lễ kết nạp đ/c Đoàn Thị Thu Trang (SN 2004, đoàn viên, sinh viên năm 3 ĐH Quảng Bình) vào Đảng 🎉. Như vậy tháng 5 chi bộ kết nạp 1 đ/c.", "2026-05-15T10:00:00+07:00").period).toBe("2026-05");
    expect(read("admissions", "Đ/c Võ Hoàng Phúc kết nạp ngày 12/9/2025, đến nay đủ 12 tháng dự bị, chi bộ đã họp xét đề nghị chuyển chính thức (đang chờ ĐUX ra quyết định). Trong tháng 9/2026 chi bộ không kết nạp mới.", "2026-09-30T10:00:00+07:00").period).toBe("2026-09");
    expect(read("admissions", "CB thôn Đồng Tâm PTĐ quý 4: kết nạp 3 đv, nữ 1... à không, nữ 2 ạ. Chuyển chính thức 0.", "2026-12-20T10:00:00+07:00")).toMatchObject({ admitted: 3, women: 2, made_full: 0 });
  });

  it("takes money said in words after \"còn lại\" for no members left unpaid", () => {
    const text = "Dạ chi bộ thôn Lộc Thượng xin báo cáo: đảng phí tháng 6 năm 2026 thu được một triệu năm trăm sáu mươi nghìn đồng, 52 đ/c đóng đủ cả, không ai nợ. Đã chuyển khoản cho ĐUX chiều ni 29/6 một triệu không trăm chín mươi hai nghìn, còn lại bốn trăm sáu mươi tám nghìn chi bộ giữ để hoạt động.";
    expect(read("party-dues", text, "2026-06-30T10:00:00+07:00")).toMatchObject({ liable: 52, paid: 52, unpaid: 0, amount_vnd: 1560000, remitted_vnd: 1092000 });
    expect(read("party-dues", "đảng phí tháng 6 thu được một triệu hai trăm nghìn đồng còn hai đồng chí chưa đóng", "2026-06-30T10:00:00+07:00").unpaid).toBe(2);
  });

  it("takes the counts said again after a slip taken back in the dues", () => {
    const text = "Chi bộ thôn 3 Tam Thăng: đảng phí tháng 7 - 29 đ/c phải đóng, đã đóng 27, chưa đóng 2, à không, chưa đóng 1 (đ/c Phan Thanh), 28 đ/c đã đóng. Thu 840.000đ. Chưa nộp.";
    expect(read("party-dues", text, "2026-07-30T10:00:00+07:00")).toMatchObject({ liable: 29, paid: 28, unpaid: 1, amount_vnd: 840000, remitted: false });
  });

  it("reads an owner between two dashes before the deadline, and no topic from the next bulleted label", () => {
    const tasks = "Chi bo khu pho Nhi Dong 1 BC SH ngay 6/11, co mat 27/30.\nNghi quyet:\n• Hoan thanh thu dang phi nam 2026 – dc Phuong – truoc 30/11\n• To chuc Ngay hoi Dai doan ket – dc Bay Ngan – truoc 18/11";
    expect(read("monthly-meeting", tasks, "2026-11-07T10:00:00+07:00").resolutions).toEqual([
      { task: "Hoan thanh thu dang phi nam 2026", owner: "Phuong", due: "2026-11-30" },
      { task: "To chuc Ngay hoi Dai doan ket", owner: "Bay Ngan", due: "2026-11-18" },
    ]);
    const topic = "Chi bộ khu phố 2 báo cáo sinh hoạt chuyên đề quý II/2026:\n- Thời gian: 14g00 ngày 21/6/2026, kết thúc 16g30\n- Chuyên đề: Nâng cao chất lượng sinh hoạt chi bộ\n- Dự: 29/33 đ/c";
    expect(read("monthly-meeting", topic, "2026-06-22T10:00:00+07:00").thematic_topic).toBe("Nâng cao chất lượng sinh hoạt chi bộ");
  });
});

describe("admissions lists (tenth round, last part)", () => {
  it("adds up peoples counted one after another, and reads the names awaiting full membership on lettered lines", () => {
    expect(read("admissions", "Năm 2026 chi bộ kết nạp 4 đ/c (người Dao 2, người Tày 1, người Nùng 1; 2 nữ)", "2026-12-20T10:00:00+07:00")).toMatchObject({ admitted: 4, ethnic_minority: 4, women: 2 });
    const text = "Chi bộ thôn Lục Ngù báo cáo công tác phát triển đảng năm 2026:\n1/ Kết nạp 3 đ/c (người Dao 2, người Tày 1; 1 nữ; cả 3 là đoàn viên)\n2/ Chuyển chính thức 2 đ/c\n3/ Đảng viên dự bị sắp đủ thời gian, chi bộ đang hoàn thiện hồ sơ chuyển chính thức:\n   a) Đặng Văn Quý\n   b) Triệu Thị Mai";
    const fields = read("admissions", text, "2026-12-20T10:00:00+07:00");
    expect(fields).toMatchObject({ admitted: 3, ethnic_minority: 3, women: 1, youth_union: 3, made_full: 2 });
    expect(fields.pending_full).toEqual(["Đặng Văn Quý", "Triệu Thị Mai"]);
  });
});


describe("office layouts and passing slips (eleventh round)", () => {
  it("reads a village's table forwarded with the unit named first, not as a piece passed on", () => {
    const text = "Fw: khom Tan Hiep - quy II/2026\nChi tieu | So lieu\nHo dan | 412\nNhan khau | 1.604\nDang vien | 57\nHo ngheo | 2\nCuu chien binh | 40";
    expect(read("village-quarterly", text, "2026-06-28T10:00:00+07:00")).toMatchObject({ period: "2026-Q2", households: 412, population: 1604, members: 57, poor_households: 2, veterans_union: 40 });
  });

  it("takes a correction passed on by the office for a correction, not a report", () => {
    const r = parseReport("monthly-meeting", "Fw: chi bo thon Ha Dong xin dinh chinh bao cao SH thang 5: co mat 30 chu khong phai 29.", { now: new Date("2026-05-12T10:00:00+07:00") });
    expect(r).toMatchObject({ ok: false, errors: ["not_a_report: correction"] });
  });

  it("reads a list of people pasted from a sheet with no figures: the absent by their reason column, those admitted by the title", () => {
    const meeting = "Fw: chi bộ TDP 3 gửi\nHọ tên\tLý do vắng\tGhi chú\nLê Thị Mận\tgià yếu\tmiễn SH\nPhan Văn Kha\tđi làm xa\tcó phép\nHồ Văn Tý\t\tkhông phép\nSHCB tháng 5/2026 ngày 8/5, có mặt 25/28.";
    expect(read("monthly-meeting", meeting, "2026-05-09T10:00:00+07:00").absentees).toEqual([
      { name: "Lê Thị Mận", excused: true, exempt: true, reason: "già yếu" },
      { name: "Phan Văn Kha", excused: true, reason: "đi làm xa" },
      { name: "Hồ Văn Tý", excused: false },
    ]);
    const admitted = "Fw: BC kết nạp tháng 4/2026 - chi bộ buôn Ea Mdróh\nHọ tên\tGiới tính\tDân tộc\tĐoàn viên\nH' Mai Niê\tNữ\tÊ Đê\tCó\nLê Văn Sang\tNam\tKinh\tKhông";
    expect(read("admissions", admitted, "2026-04-28T10:00:00+07:00")).toMatchObject({ admitted: 2, women: 1, ethnic_minority: 1, youth_union: 1 });
  });

  it("takes the result's column named with its quarter (\"Thực hiện Q3\") over the year's plan", () => {
    const text = "Fw: CB thôn Đông Yên - phát triển đảng quý III/2026\nChỉ tiêu | KH năm | Thực hiện Q3\nKết nạp | 4 | 2\nTrong đó nữ | | 1\nChuyển chính thức | | 1";
    expect(read("admissions", text, "2026-09-29T10:00:00+07:00")).toMatchObject({ period: "2026-Q3", admitted: 2, women: 1, made_full: 1 });
  });

  it("reads the cell's own level after the year and a colon, or after \"tự chấm\"; one member \"miễn\" is unrated", () => {
    expect(read("annual-rating", "Xếp loại ĐV 2026: HTXS 2, HTT 20, HT 1. Chi bộ tự xếp loại năm 2026: HTXS", "2026-12-10T10:00:00+07:00").cell_self_level).toBe("HTXS");
    const said = "Thôn Hà Yên xếp loại năm 2026: 2 đ/c hoàn thành xuất sắc, 20 đ/c hoàn thành tốt, còn 1 đ/c miễn. Chi bộ tự chấm hoàn thành tốt nhiệm vụ.";
    expect(read("annual-rating", said, "2026-12-10T10:00:00+07:00")).toMatchObject({ htxs: 2, htt: 20, unrated: 1, cell_self_level: "HTT" });
  });

  it("reads the committee's representative on a numbered line as the cadre", () => {
    const text = "BÁO CÁO SINH HOẠT CHI BỘ THÁNG 5/2026\n1/ Thời gian: ngày 06/5/2026.\n2/ Thành phần: có mặt 30/33.\n3/ Đại diện Đảng ủy xã: đ/c Lê Văn Toàn, Đảng ủy viên.";
    expect(read("monthly-meeting", text, "2026-05-07T10:00:00+07:00")).toMatchObject({ cadre_present: true, cadre_name: "Lê Văn Toàn" });
  });

  it("reads the absent after a count put right (\"vắng 2... à nhầm, vắng 3:\"), the first named with the Centre's \"O\"", () => {
    const text = "Tối 6/5 chi bộ SH thường kỳ. Có mặt 21/24, vắng 2... à nhầm, vắng 3: O Hường (ốm, có phép), đ/c Lực (đi biển, có phép), đ/c Tư không phép.";
    const fields = read("monthly-meeting", text, "2026-05-07T10:00:00+07:00");
    expect(fields).toMatchObject({ absent_total: 3, absent_excused: 2, absent_unexcused: 1 });
    expect((fields.absentees as { name: string }[]).map((a) => a.name)).toEqual(["Hường", "Lực", "Tư"]);
  });

  it("reads an unquoted topic that opens on \"Đảng …\"", () => {
    const text = "SH chuyên đề quý II ngày 20/5/2026. Chuyên đề: Đảng viên đi đầu trong giữ gìn vệ sinh môi trường, do đ/c bí thư trình bày. Có mặt 15/17.";
    expect(read("monthly-meeting", text, "2026-05-21T10:00:00+07:00").thematic_topic).toBe("Đảng viên đi đầu trong giữ gìn vệ sinh môi trường");
  });
});

describe("one-member clauses, spellings and sources (eleventh round)", () => {
  it("reads \"có lí do\" as \"có lý do\"", () => {
    expect(read("monthly-meeting", "Chi bộ sh tối 6/10, có mặt 20/23, vắng 3 có lí do ạ.", "2026-10-07T10:00:00+07:00")).toMatchObject({ absent_total: 3, absent_excused: 3, absent_unexcused: 0 });
  });

  it("reads ĐVTN as the youth union's count, and a secretary who \"vẫn kiêm\" the village head", () => {
    const fields = read("village-quarterly", "BC thon Dong Lam quy III/2026: ho 300, khau 1.150, DV 40, DVTN 85. Toi la bi thu chi bo, toi van kiem truong thon.", "2026-09-28T10:00:00+07:00");
    expect(fields).toMatchObject({ youth_union: 85, members: 40, secretary_is_village_head: true });
  });

  it("takes back a count put right with \"xin sửa là\"", () => {
    expect(read("admissions", "Thôn Đông Xá báo cáo năm 2026: kết nạp 5, xin sửa là 4 đ/c, nữ 2; chuyển chính thức 1 đ/c.", "2026-12-10T10:00:00+07:00")).toMatchObject({ admitted: 4, women: 2, made_full: 1 });
  });

  it("leaves the commune's deputy chairman who came out of the absent", () => {
    const text = "Chi bộ buôn Ea Kênh sinh hoạt tối 5/11/2026, phải dự 20, có mặt 18, vắng 2 đồng chí là Y Nuê Niê đi rẫy có phép và H'Ly Êban không lý do, đồng chí Y Ngông Byă phó chủ tịch UBND xã dự và phát biểu chỉ đạo.";
    const fields = read("monthly-meeting", text, "2026-11-06T10:00:00+07:00");
    expect((fields.absentees as { name: string }[]).map((a) => a.name)).toEqual(["Y Nuê Niê", "H'Ly Êban"]);
    expect(fields).toMatchObject({ absent_excused: 1, absent_unexcused: 1, cadre_present: true });
  });

  it("reads \"tháng năm năm …\" as May, and a trait said of one of the people named as hers alone", () => {
    expect(read("admissions", "báo cáo tháng năm năm hai không hai sáu chi bộ thôn Vân Đồn đã kết nạp hai đảng viên mới", "2026-05-30T10:00:00+07:00").period).toBe("2026-05");
    const text = "Quý II/2026 chi bộ buôn Ea Sar kết nạp 2 quần chúng: Y Khuê Mlô và H'Ngân Niê, cả hai là người Ê Đê; H'Ngân là nữ, Y Khuê là đoàn viên.";
    expect(read("admissions", text, "2026-06-28T10:00:00+07:00")).toMatchObject({ admitted: 2, ethnic_minority: 2, women: 1, youth_union: 1 });
  });

  it("reads \"kh kết nạp ai\" as none admitted, and the member still waiting named after why", () => {
    expect(read("admissions", "T7/2026 CB thon 4 kh ket nap ai, chuyen chinh thuc dc Le Van Tu.", "2026-07-30T10:00:00+07:00")).toMatchObject({ admitted: 0, made_full: 1 });
    const waiting = read("admissions", "Chi bộ KP 2 quý II/2026: kết nạp 1, chuyển chính thức 2 đ/c, còn 1 đ/c dự bị chưa đủ thời gian: đ/c Lâm Văn Hòa.", "2026-06-29T10:00:00+07:00");
    expect(waiting.pending_full).toEqual(["Lâm Văn Hòa"]);
  });

  it("takes a source's figures for the whole province for an article, not a cell's report", () => {
    const r = parseReport("admissions", "Theo Ban Tổ chức Tỉnh ủy, năm 2025 toàn Đảng bộ tỉnh kết nạp 1.980 đảng viên mới, trong đó nữ chiếm 40%.", { now: new Date("2026-03-01T10:00:00+07:00") });
    expect(r).toMatchObject({ ok: false, errors: ["not_a_report: article"] });
  });
});

describe("sheets an office pastes (eleventh round)", () => {
  it("reads a report whose first line says in brackets that the content was pasted, not as the start of its agenda", () => {
    const text = "Gửi lại báo cáo của chi bộ ấp Tà Lốc (đ/c Bí thư gửi file Excel, VP dán lại nội dung):\nNội dung\tKết quả\nNgày sinh hoạt\t06/5/2026\nBắt đầu\t18:30\nTổng số đảng viên\t21\nCó mặt\t19";
    expect(read("monthly-meeting", text, "2026-05-07T10:00:00+07:00")).toMatchObject({ meeting_date: "2026-05-06", start_time: "18:30", members_expected: 21, present: 19 });
  });

  it("does not take the near-poor households (\"hộ cận nghèo\") for an instruction to the cells", () => {
    const text = "Chuyen tiep tu nhom Bi thu cac chi bo:\n[Chi bo TDP so 7] Bao cao so lieu quy 2/2026:\n- So ho: 300, nhan khau: 1.100\n- Ho ngheo: 1; ho can ngheo: 4\n- Dang vien: 50";
    expect(read("village-quarterly", text, "2026-06-28T10:00:00+07:00")).toMatchObject({ households: 300, near_poor_households: 4, members: 50 });
  });

  it("reads the rows under a plan and a result, bulleted, and a table of unions with who heads each", () => {
    const admissions = "Chi bộ thôn Yên Lạc – phát triển đảng năm 2026\nChỉ tiêu | Kế hoạch | Thực hiện\nKết nạp đảng viên mới | 2 | 3\n– Trong đó: nữ | | 1\n– Đoàn viên thanh niên | | 2\nCông nhận đảng viên chính thức | | 2";
    expect(read("admissions", admissions, "2026-12-10T10:00:00+07:00")).toMatchObject({ admitted: 3, women: 1, youth_union: 2, made_full: 2 });
    const village = "Cập nhật số liệu thôn Nà Mò quý I năm 2026\nSố hộ: 150; nhân khẩu: 610\nĐoàn thể | Người đứng đầu | Số hội viên\nChi hội Phụ nữ | Lương Thị Mai | 140\nChi hội Cựu chiến binh | Hoàng Văn Ba | 22";
    expect(read("village-quarterly", village, "2026-03-30T10:00:00+07:00")).toMatchObject({ women_union: 140, veterans_union: 22 });
  });

  it("counts the levels of a table of members by the cell's column", () => {
    const text = "Bảng tổng hợp xếp loại đảng viên năm 2026 của Chi bộ thôn Tân An:\nSTT\tHọ và tên\tĐV tự xếp loại\tChi bộ đề nghị\n1\tLê Văn An\tHTT\tHTT\n2\tTrần Thị Bình\tHTXS\tHTXS\n3\tNgô Văn Cư\tHTT\tHT\n4\tĐỗ Văn Dũng\t-\tKhông xếp loại\nChi bộ tự đánh giá: HTT";
    expect(read("annual-rating", text, "2026-12-15T10:00:00+07:00")).toMatchObject({ htxs: 1, htt: 1, ht: 1, unrated: 1, cell_self_level: "HTT" });
  });

  it("reads dues from a sheet: the sum of the months, the sum remitted, and the members with no mark as unpaid", () => {
    const months = "Chi bộ thôn Đông An – thu nộp đảng phí quý I/2026\nTháng | Số ĐV phải đóng | Đã đóng | Số tiền (đ)\n1 | 20 | 20 | 300.000\n2 | 20 | 20 | 300.000\n3 | 20 | 20 | 300.000\nCộng quý | | | 900.000";
    expect(read("party-dues", months, "2026-04-02T10:00:00+07:00")).toMatchObject({ liable: 20, paid: 20, amount_vnd: 900000 });
    const row = "Đảng phí tháng 8/2026 – Chi bộ bản Na Hu\nPhải đóng | Đã đóng | Số tiền thu | Đã nộp | Chi bộ giữ lại\n20 | 20 | 200.000đ | 140.000đ | 60.000đ";
    expect(read("party-dues", row, "2026-09-02T10:00:00+07:00")).toMatchObject({ amount_vnd: 200000, remitted_vnd: 140000, retained_vnd: 60000 });
    const list = "Bảng thu đảng phí tháng 3/2026 của Chi bộ TDP Bắc Hà:\nSTT\tHọ và tên\tMức đóng (đ)\tĐã đóng\n1\tLê Văn Tư\t15.000\tx\n2\tPhan Thị Lụa\t10.000\t\n3\tĐào Văn Sáu\t20.000\tx\nTổng thu\t\t35.000\t2/3";
    expect(read("party-dues", list, "2026-03-30T10:00:00+07:00")).toMatchObject({ paid: 2, liable: 3, unpaid_names: ["Phan Thị Lụa"], amount_vnd: 35000 });
  });
});

describe("an office's meeting reports (eleventh round)", () => {
  const at = "2026-07-06T10:00:00+07:00";

  it("reads no absentee in the kinds counted in brackets, and the cadre on a line labelled with the title", () => {
    const text = "Báo cáo sinh hoạt chi bộ tháng 7/2026\nNgày: 03/7/2026\nTổng số ĐV: 30 | Có mặt: 26 | Vắng: 4 (Miễn SH: 1; Có phép: 2; Không phép: 1)\nDanh sách vắng:\nSTT | Họ và tên | Lý do\n1 | Lê Văn An | Đi công tác\n2 | Trần Thị Bích | Sinh con\n3 | Hồ Văn Cúc | Không báo\nĐ/c cấp ủy viên phụ trách: Phan Thanh Hải (có dự)";
    const fields = read("monthly-meeting", text, at);
    expect((fields.absentees as { name: string }[]).map((a) => a.name)).toEqual(["Lê Văn An", "Trần Thị Bích", "Hồ Văn Cúc"]);
    expect(fields).toMatchObject({ cadre_present: true, cadre_name: "Phan Thanh Hải" });
  });

  it("reads each bulleted absentee's whole reason and leave, not the kind of the group above", () => {
    const text = "Ngày 05/7/2026.\n- Tổng số đảng viên: 20.\n- Có mặt: 17.\n- Vắng mặt: 03 đồng chí, trong đó:\n+ 01 đồng chí miễn sinh hoạt;\n+ Đ/c Hà Văn Sơn: đi làm ăn tại Hà Nội (có lý do);\n+ Đ/c Lý Thị Hoa: ốm, điều trị tại nhà (có lý do).";
    expect(read("monthly-meeting", text, at).absentees).toEqual([
      { name: "Hà Văn Sơn", excused: true, reason: "đi làm ăn tại Hà Nội" },
      { name: "Lý Thị Hoa", excused: true, reason: "ốm, điều trị tại nhà" },
    ]);
  });

  it("reads lettered agenda items under a heading and the tasks under \"NHIỆM VỤ THÁNG 8\"", () => {
    const text = "Chi bo sinh hoat ngay 03/7/2026. Co mat 30/32.\nIII. NOI DUNG\na) Thong tin thoi su\nb) Ket qua thu hoach lua he thu\nIV. NHIEM VU THANG 8\n- Phun thuoc diet muoi truoc 15/8 - giao Xom truong\n- Don ve sinh duong lang - giao Chi doan";
    const fields = read("monthly-meeting", text, at);
    expect(fields.content_items).toEqual(["Thong tin thoi su", "Ket qua thu hoach lua he thu"]);
    expect(fields.resolutions).toMatchObject([{ task: "Phun thuoc diet muoi", owner: "Xom truong", due: "2026-08-15" }, { task: "Don ve sinh duong lang", owner: "Chi doan" }]);
  });

  it("reads the kinds counted after a dash, an owner after a dash before \"hoàn thành trước\", and one handed the task with a title after a comma", () => {
    const text = "Ngày 05/7/2026. Đảng viên: 28. Dự: 24. Vắng: 4 - có phép 2, không phép 2.\nCác nghị quyết:\n1) Nạo vét kênh Xáng - Ban Công tác Mặt trận ấp, hoàn thành trước 02/9.\n2) Thu đảng phí tháng 7 xong trước ngày 15/7/2026. Giao đ/c Lê Văn Tư, chi ủy viên.";
    const fields = read("monthly-meeting", text, at);
    expect(fields).toMatchObject({ absent_excused: 2, absent_unexcused: 2 });
    expect(fields.resolutions).toMatchObject([
      { task: "Nạo vét kênh Xáng", owner: "Ban Công tác Mặt trận ấp", due: "2026-09-02" },
      { task: "Thu đảng phí tháng 7", owner: "Lê Văn Tư", due: "2026-07-15" },
    ]);
  });
});

describe("chat from the villages (eleventh round)", () => {
  it("reads the last absentee named after \"còn\" and a kinship word, and a leave not asked as no reason", () => {
    const text = "Dạ chi bộ ấp Phú An sinh hoạt tối 5/5, có mặt 19/22, vắng ba, hai đồng chí có xin phép là anh Tư Lượm đi đám giỗ với chị Bé Sáu bệnh, còn ông Trần Văn Út hổng có báo gì hết trơn.";
    const fields = read("monthly-meeting", text, "2026-05-06T10:00:00+07:00");
    expect(fields).toMatchObject({ absent_excused: 2, absent_unexcused: 1 });
    expect(fields.absentees).toEqual([
      { name: "Tư Lượm", excused: true, reason: "đi đám giỗ" },
      { name: "Bé Sáu", excused: true, reason: "bệnh" },
      { name: "Trần Văn Út", excused: false },
    ]);
  });

  it("reads \"kp\" after the count as \"không phép\", a task after \"Nghị quyết\" with no colon, and its owner without the closing particle", () => {
    const fields = read("monthly-meeting", "chi bo TDP 3 sinh hoat toi 5/5 luc 19h, co mat 20/21, vang 1 kp: dc Le Van Binh. Nghị quyết ra quân dọn kênh chủ nhật 10/5 giao chi đoàn nha 👍", "2026-05-06T10:00:00+07:00");
    expect(fields).toMatchObject({ absent_unexcused: 1, absentees: [{ name: "Le Van Binh", excused: false }] });
    expect(fields.resolutions).toMatchObject([{ task: "ra quân dọn kênh", owner: "chi đoàn", due: "2026-05-10" }]);
  });

  it("reads a spoken resolution handed to a title before its deadline, ended by the Centre's \"rứa thôi\"", () => {
    const text = "chi bộ thôn Phú Lộc sinh hoạt ngày mùng ba tháng mười có mặt ba mươi trên ba mươi hai đồng chí nghị quyết tháng mười vận động bà con gia cố nhà cửa giao trưởng thôn xong trước ngày hai mươi tháng mười rứa thôi có chi mô văn phòng nhắn lại em nghe";
    expect(read("monthly-meeting", text, "2026-10-04T10:00:00+07:00").resolutions).toMatchObject([{ task: "vận động bà con gia cố nhà cửa", owner: "trưởng thôn", due: "2026-10-20" }]);
  });

  it("reads a presenter named after a kinship word, and the topic cut before that clause", () => {
    const fields = read("monthly-meeting", "shcd quý 2 cb thôn 5 ngày 20/6, chủ đề phòng chống đuối nước trẻ em, cô Lê Thị Hồng trạm y tế xã trình bày. dự 25/27 đ/c.", "2026-06-21T10:00:00+07:00");
    expect(fields).toMatchObject({ thematic_topic: "phòng chống đuối nước trẻ em", presenter: "Lê Thị Hồng" });
  });

  it("reads village counts: \"ĐV: 36/1 dự bị\", \"33 chính thức 31 dự bị 2\", \"có hai dự bị\" and \"chỉ còn 22\"", () => {
    const at = "2026-06-28T10:00:00+07:00";
    expect(read("village-quarterly", "Q2 thôn Yên Hạ\nHộ: 275\nĐV: 36/1 dự bị", at)).toMatchObject({ members: 36, probationary: 1 });
    expect(read("village-quarterly", "Thôn Đông An quý hai: hộ 300, đảng viên 33 chính thức 31 dự bị 2, phụ nữ 180", at)).toMatchObject({ members: 33, probationary: 2 });
    expect(read("village-quarterly", "thôn A quý hai năm 2026 có năm trăm hộ đảng viên bốn mươi mốt đồng chí có hai dự bị", at)).toMatchObject({ members: 41, probationary: 2 });
    expect(read("village-quarterly", "Thôn B quý hai: 301 hộ, 1.215 khẩu, chi đoàn chỉ còn 22.", at)).toMatchObject({ youth_union: 22 });
  });

  it("reads \"Chuyển ĐCT\" and \"Chờ chuyển ĐCT:\", dues remitted only when all are in, and \"Hoàn thành tốt thì 20 đ/c\"", () => {
    const adm = read("admissions", "Báo cáo PTĐ quý 2/2026\n- Kết nạp: 2\n- Chuyển ĐCT: 1\n- Chờ chuyển ĐCT: Hầu A Páo, Vàng Thị Mai", "2026-06-28T10:00:00+07:00");
    expect(adm).toMatchObject({ admitted: 2, made_full: 1, pending_full: ["Hầu A Páo", "Vàng Thị Mai"] });
    expect(read("party-dues", "Đảng phí tháng 11: thu được 23/25 đồng chí, được 345.000đ. Khi nào thu đủ em nộp lên đảng ủy ạ.", "2026-11-28T10:00:00+07:00").remitted).toBe(false);
    expect(read("annual-rating", "Xếp loại năm 2026: chỉ 1 đ/c HTXS. Hoàn thành tốt thì 20 đ/c, còn 5 đ/c hoàn thành.", "2026-12-15T10:00:00+07:00")).toMatchObject({ htxs: 1, htt: 20, ht: 5 });
  });
});

describe("printed forms and comparisons (eleventh round)", () => {
  it("reads a printed form filled in on its dotted lines", () => {
    const text = "PHIẾU THÔNG TIN THÔN\n(Kỳ báo cáo: Quý II năm 2026)\nTên thôn: Thôn Đông Sơn\n1. Tổng số hộ: ......210...... hộ; Tổng số nhân khẩu: .....845..... người\n2. Tổng số đảng viên: .....30..... đ/c; trong đó dự bị: .....1..... đ/c";
    expect(read("village-quarterly", text, "2026-06-28T10:00:00+07:00")).toMatchObject({ period: "2026-Q2", households: 210, population: 845, members: 30, probationary: 1 });
  });

  it("reads a meeting whose absent are counted with two digits (\"vắng: 03\") as held, whatever its tasks' dates", () => {
    const text = "Chi bộ thôn Trà An tổ chức sinh hoạt định kỳ tháng 01/2026 lúc 19h00 ngày 06/01/2026.\nĐảng viên toàn chi bộ: 29 đồng chí; tham dự: 26 đồng chí; vắng: 03 đồng chí.\nNghị quyết:\na) Rà soát danh sách hộ nghèo để hỗ trợ Tết trước ngày 31/01/2026 - đ/c Trưởng thôn.";
    expect(read("monthly-meeting", text, "2026-01-07T10:00:00+07:00")).toMatchObject({ meeting_date: "2026-01-06", present: 26, members_expected: 29, absent_total: 3 });
  });

  it("reads the period's column of a comparison with a column of the change after it", () => {
    const text = "Chi bộ bản Pá Lay gửi số liệu quý I năm 2026 (so với quý IV/2025)\nChỉ tiêu\tQuý IV/2025\tQuý I/2026\tTăng (+)/giảm (-)\nSố hộ\t127\t128\t+1\nNhân khẩu\t590\t596\t+6\nĐảng viên\t21\t22\t+1";
    expect(read("village-quarterly", text, "2026-03-30T10:00:00+07:00")).toMatchObject({ households: 128, population: 596, members: 22 });
  });

  it("reads a list of those admitted after a title that ends on a colon and a blank line", () => {
    const text = "Chi bộ khu phố Tân An gửi danh sách đảng viên mới kết nạp quý I/2026:\n\nSTT | Họ và tên | Giới tính | Đoàn viên\n1 | Nguyễn Thị Tâm | Nữ | Có\n2 | Phạm Văn Long | Nam | Không\nCộng: 02 đồng chí";
    expect(read("admissions", text, "2026-03-30T10:00:00+07:00")).toMatchObject({ period: "2026-Q1", admitted: 2, women: 1, youth_union: 1 });
  });
});

describe("sheets with remarks and receipts (eleventh round)", () => {
  it("reads a sheet whose rows end on an empty cell and whose last column holds remarks", () => {
    const text = "CHI BỘ THÔN ĐỒNG AN - KẾT QUẢ PHÁT TRIỂN ĐẢNG NĂM 2026\nNội dung\tChỉ tiêu giao\tKết quả thực hiện\tGhi chú\nKết nạp đảng viên mới\t02\t03\tVượt 50%\n - Trong đó nữ\t\t01\t\nChuyển đảng chính thức\t\t01\tĐúng thời hạn";
    expect(read("admissions", text, "2026-12-15T10:00:00+07:00")).toMatchObject({ period: "2026", admitted: 3, women: 1, made_full: 1 });
  });

  it("reads the sum remitted after \"toàn bộ\" or to the office's accounts, and a cell that has not remitted", () => {
    const at = "2026-07-02T10:00:00+07:00";
    expect(read("party-dues", "Đảng phí quý II/2026: phải đóng 22, đã đóng 22, số tiền 792.000đ.\nĐã nộp toàn bộ 792.000 đ về Đảng ủy xã ngày 30/6/2026.", at)).toMatchObject({ remitted: true, remitted_vnd: 792000, remitted_date: "2026-06-30" });
    expect(read("party-dues", "Đảng phí tháng 6/2026: tổng thu 324.000 đồng.\n- Đã nộp bộ phận kế toán Văn phòng Đảng ủy xã: 226.800 đồng, ngày 22/6/2026.", at)).toMatchObject({ remitted: true, remitted_vnd: 226800 });
    expect(read("party-dues", "Đảng phí tháng 6/2026: phải đóng 24, đã đóng 21, số tiền 246.000 đồng. Chi bộ chưa nộp tháng 6, sẽ nộp gộp cùng tháng 7.", at).remitted).toBe(false);
  });

  it("reads the day on a \"Ngày nộp\" line, not a day made of its month and the next line's \"Tháng 6\"", () => {
    const text = "Đảng phí tháng 6/2026\nSố tiền thu (đ): 627.000\nNgày nộp lên ĐUX: 27/6\n\nTháng 6 còn 02 đ/c chưa đóng.\nĐã nộp lên Đảng ủy xã đủ số đã thu tháng 6.";
    expect(read("party-dues", text, "2026-06-29T10:00:00+07:00")).toMatchObject({ remitted_date: "2026-06-27", remitted_vnd: 627000 });
  });
});

describe("chat that answers the office (eleventh round)", () => {
  it("reads \"không thay đổi gì ạ\" as told, not asked", () => {
    const fields = read("village-quarterly", "dạ quý này bên em thôn Khe Mạ vẫn như quý trước không thay đổi gì ạ, 90 hộ 400 khẩu, đv 17 đ/c", "2026-03-28T10:00:00+07:00");
    expect(fields).toMatchObject({ unchanged: true, households: 90, population: 400, members: 17 });
  });

  it("reads those admitted at the ceremony (\"kết nạp đv cho 2 quần chúng\"), a member made full after \"cho chị\", and no \"QĐ\" among those waiting", () => {
    expect(read("admissions", "bc T8: chi bộ làm lễ kết nạp đv cho 2 quần chúng ưu tú Vi Thị Hoa (nữ, dt Nùng) và Hoàng Văn Chung (dt Tày)", "2026-08-28T10:00:00+07:00")).toMatchObject({ period: "2026-08", admitted: 2, women: 1, ethnic_minority: 2 });
    expect(read("admissions", "Quý 1 ấp Mỹ An kết nạp được 1 đv mới. Chuyển chính thức cho chị Trần Thị Lệ rồi nha.", "2026-03-30T10:00:00+07:00")).toMatchObject({ admitted: 1, made_full: 1 });
    expect(read("admissions", "q4: kn 0, chuyển CT 0, đang chờ QĐ chuyển CT cho 2 đ/c: Nông Văn Đức, Hà Thị Lanh", "2026-12-20T10:00:00+07:00").pending_full).toEqual(["Nông Văn Đức", "Hà Thị Lanh"]);
  });

  it("reads a spoken list \"1 là …, 2 là …\" with owners addressed by name and the sign-off after it, and the party-building board's deputy as the cadre", () => {
    const text = "Tối qua chi bộ ấp Sóc Trăng họp thường kỳ tháng 8, có mặt 17, vắng 1, tổng 18 đv. Anh Lâm Văn Khương phó ban xây dựng đảng xã xuống dự. Thống nhất mấy việc: 1 là vận động bà con hiến đất làm lộ, ông Thạch Phol trưởng ấp lo, xong trước 30/9. 2 là rà soát hộ nghèo cuối năm, chị Kim Thị Sa Ry làm. Dạ em báo vậy thôi nha.";
    const fields = read("monthly-meeting", text, "2026-08-16T10:00:00+07:00");
    expect(fields).toMatchObject({ cadre_present: true, cadre_name: "Lâm Văn Khương" });
    expect(fields.resolutions).toMatchObject([
      { task: "vận động bà con hiến đất làm lộ", owner: "Thạch Phol", due: "2026-09-30" },
      { task: "rà soát hộ nghèo cuối năm", owner: "Kim Thị Sa Ry" },
    ]);
  });

  it("reads \"ck\" as a transfer sent up, and going up to the commune next week as not yet", () => {
    expect(read("party-dues", "đp t6 ok hết r nha vp 👌 36/36, 540k, đã ck lên vp đảng ủy 15/6", "2026-06-20T10:00:00+07:00")).toMatchObject({ remitted: true, remitted_date: "2026-06-15" });
    expect(read("party-dues", "Tháng 7 tụi em thu đảng phí xong rồi, đủ 30/30, được 297 ngàn. Em tính thứ 2 tuần sau lên xã nộp một lượt luôn.", "2026-07-28T10:00:00+07:00").remitted).toBe(false);
  });
});

describe("rolls and matrices (eleventh round)", () => {
  it("counts a roll call by its columns for those present and those absent", () => {
    const text = "Chi bộ bản Nà Hẩu gửi danh sách điểm danh sinh hoạt chi bộ tháng 6/2026\nNgày 05/6/2026, tại nhà văn hóa bản.\nSTT | Họ và tên | Chức vụ | Có mặt | Vắng | Ghi chú\n1 | Giàng A Tủa | Bí thư | x | |\n2 | Sùng Mí Chứ | ĐV | x | |\n3 | Hạng A Dế | ĐV | | x | Có lý do - đi viện\n4 | Ly Thị Mai | ĐV | x | |\nCộng | 4 | | 3 | 1 |";
    const fields = read("monthly-meeting", text, "2026-06-06T10:00:00+07:00");
    expect(fields).toMatchObject({ members_expected: 4, present: 3, absent_total: 1, absent_excused: 1 });
    expect(fields.absentees).toMatchObject([{ name: "Hạng A Dế", excused: true, reason: "đi viện" }]);
  });

  it("reads a matrix of member kinds by level from its sum row", () => {
    const text = "Chi bộ trường THCS Yên Đồng gửi biểu xếp loại đảng viên năm 2026:\nĐối tượng\tTổng số\tHTXS\tHTT\tHT\tKHT\nĐảng viên chính thức\t14\t2\t11\t1\t0\nĐảng viên dự bị\t2\t0\t2\t0\t0\nCộng\t16\t2\t13\t1\t0";
    expect(read("annual-rating", text, "2026-12-15T10:00:00+07:00")).toMatchObject({ htxs: 2, htt: 13, ht: 1, kht: 0 });
  });

  it("takes an article quoted from a newspaper's site for no report", () => {
    const r = parseReport("monthly-meeting", "Trích Báo điện tử Đảng Cộng sản Việt Nam:\n\"...chi bộ sinh hoạt thường kỳ mỗi tháng một lần; thời lượng tối thiểu 90 phút...\"\nVP gửi các đồng chí tham khảo.", { now: new Date("2026-06-01T10:00:00+07:00") });
    expect(r).toMatchObject({ ok: false, errors: ["not_a_report: article"] });
  });
});

describe("probationary members named (eleventh round)", () => {
  it("reads those still probationary after \"hiện nay:\", \"còn lại: 01 đồng chí -\" or \"đến 31/12/2026:\"", () => {
    const at = "2026-12-20T10:00:00+07:00";
    expect(read("admissions", "Năm 2026 kết nạp 1. Số đảng viên dự bị hiện nay: 02 đồng chí (đ/c Hoàng Thị Mến, đ/c Nông Văn Khởi).", at).pending_full).toEqual(["Hoàng Thị Mến", "Nông Văn Khởi"]);
    expect(read("admissions", "Năm 2026 kết nạp 1.\n3. Đảng viên dự bị còn lại: 01 đồng chí - đ/c Trần Thị Ngân (kết nạp 08/2025).", at).pending_full).toEqual(["Trần Thị Ngân"]);
    expect(read("admissions", "Năm 2026 kết nạp 2. Số đảng viên dự bị đến 31/12/2026: 02 đ/c (Lường Văn Ún, Cầm Thị Xuân).", at).pending_full).toEqual(["Lường Văn Ún", "Cầm Thị Xuân"]);
  });
});

describe("owners' titles and corrections in chat (eleventh round)", () => {
  it("reads \"(đ/c BT)\" as the secretary and \"a Út Tâm\" without the letter of \"anh\"", () => {
    const fields = read("monthly-meeting", "cb TDP 2 bc sh T11: 19h 5/11 tại NVH tổ, 31/34 đv.\nNQ: kiểm điểm đv xong trước 10/12 (đ/c BT); dọn kênh trước 15/12 giao a Út Tâm", "2026-11-06T10:00:00+07:00");
    expect(fields.resolutions).toMatchObject([{ task: "kiểm điểm đv", owner: "bí thư" }, { owner: "Út Tâm" }]);
  });

  it("takes \"sửa lại bc hôm qua … em quên\" for a correction of a report sent", () => {
    const r = parseReport("monthly-meeting", "sửa lại bc hôm qua giúp em nha VP: a Thạch Sa Rinh có xin phép em rồi mà em quên, tháng này vắng có lý do hết nha 🙏", { now: new Date("2026-06-06T10:00:00+07:00") });
    expect(r).toMatchObject({ ok: false, errors: ["not_a_report: correction"] });
  });
});

describe("plans, past years and lists under titles (eleventh round)", () => {
  it("reads the result's column among columns of the plan and the year before, a dash for no figure", () => {
    const text = "Chi bộ thôn Bắc Hà – tổng hợp phát triển đảng năm 2026:\nNội dung | Kế hoạch 2026 | Thực hiện 2026 | Cùng kỳ 2025\nKết nạp đảng viên mới | 3 | 4 | 2\n - Nữ | 1 | 2 | 1\n - Người dân tộc thiểu số | - | 1 | 0\nChuyển đảng chính thức | 2 | 2 | 1";
    expect(read("admissions", text, "2026-12-15T10:00:00+07:00")).toMatchObject({ admitted: 4, women: 2, ethnic_minority: 1, made_full: 2 });
  });

  it("reads a list of those admitted under a title two lines up", () => {
    const text = "DANH SÁCH ĐẢNG VIÊN ĐƯỢC KẾT NẠP NĂM 2026\nChi bộ buôn Ea Sar - Đảng bộ xã Ea Bông\n\nSTT\tHọ và tên\tGiới tính\tĐoàn viên\n1\tH' Linh Niê\tNữ\tx\n2\tNguyễn Văn Toản\tNam\t";
    expect(read("admissions", text, "2026-12-15T10:00:00+07:00")).toMatchObject({ period: "2026", admitted: 2, women: 1, youth_union: 1 });
  });
});

describe("ends of agendas and requests to the office (eleventh round)", () => {
  it("leaves when the meeting ended out of its agenda", () => {
    const fields = read("monthly-meeting", "Thon Ha Dong bao cao sh chi bo thang 10 ngay 5/10, co mat 18/20. Noi dung: chuan bi phong chong bao so 9, hop xong luc 9 gio kem 15", "2026-10-06T10:00:00+07:00");
    expect(fields.content_items).toEqual(["chuan bi phong chong bao so 9"]);
  });

  it("takes \"vp ơi sửa giúp e báo cáo …\" for a correction, and \"ket nap t5: 0\" for none admitted", () => {
    const r = parseReport("party-dues", "vp ơi sửa giúp e báo cáo đảng phí tháng 4 thôn Khe Cát nhé, đ/c Dương Văn Khải nộp bổ sung hôm qua rồi, vậy là thôn đủ 18/18 ạ", { now: new Date("2026-05-02T10:00:00+07:00") });
    expect(r).toMatchObject({ ok: false, errors: ["not_a_report: correction"] });
    expect(read("admissions", "ket nap t5: 0. chuyen chinh thuc 2 dc (Lo Van Thanh, Quang Thi Mai)", "2026-05-30T10:00:00+07:00")).toMatchObject({ admitted: 0, made_full: 2 });
  });
});

describe("an office's sheets with sub-rows (eleventh round)", () => {
  it("reads a sheet numbered 6.1, 6.2 with the kinds of absence below \"Vắng\", names in a remark, and a cadre who did not come", () => {
    const text = "Chi bộ bản Pá Lau báo cáo sinh hoạt chi bộ tháng 02/2026\nSTT\tNội dung\tSố lượng\tGhi chú\n1\tNgày sinh hoạt\t03/02/2026\t\n2\tTổng số đảng viên\t18\t\n3\tCó mặt\t15\t\n4\tVắng\t3\t\n4.1\t- Miễn sinh hoạt\t1\t\n4.2\t- Có lý do\t2\tĐ/c Vàng A Sủa (lên nương xa); Đ/c Thào Thị Mỷ (sinh con)\n4.3\t- Không lý do\t0\t\n5\tCấp ủy viên phụ trách dự\tKhông\tĐi họp trên tỉnh";
    const fields = read("monthly-meeting", text, "2026-02-04T10:00:00+07:00");
    expect(fields).toMatchObject({ members_expected: 18, present: 15, absent_total: 3, absent_exempt: 1, absent_excused: 2, absent_unexcused: 0, cadre_present: false });
    expect((fields.absentees as { name: string }[]).map((a) => a.name)).toEqual(["Vàng A Sủa", "Thào Thị Mỷ"]);
  });

  it("reads a printed admissions form whose first line names those sent to the awareness class", () => {
    const text = "MẪU THỐNG KÊ CÔNG TÁC PHÁT TRIỂN ĐẢNG VIÊN\nChi bộ: ...Khu phố 4...\n1. Số quần chúng ưu tú được cử đi học lớp bồi dưỡng nhận thức về Đảng: ...02...\n2. Số đảng viên mới kết nạp: ...01...\n3. Số đảng viên được công nhận chính thức: ...0...";
    expect(read("admissions", text, "2026-09-30T10:00:00+07:00")).toMatchObject({ admitted: 1, made_full: 0 });
  });
});

describe("printed boxes and the cell's proposals (eleventh round)", () => {
  it("reads the ticked box of a printed form, not the empty ones", () => {
    const text = "PHIẾU TỰ ĐÁNH GIÁ, XẾP LOẠI NĂM 2026\nTên chi bộ: ...Chi bộ thôn Yên Hà...\n   - Hoàn thành xuất sắc nhiệm vụ: ...04...\n   - Hoàn thành tốt nhiệm vụ: ...28...\n   - Hoàn thành nhiệm vụ: ...03...\nTự xếp loại:  ☐ HTXS   ☒ HTT   ☐ HT   ☐ KHT";
    expect(read("annual-rating", text, "2026-12-12T10:00:00+07:00")).toMatchObject({ htxs: 4, htt: 28, ht: 3, cell_self_level: "HTT" });
  });

  it("takes the members' levels the cell proposes, each counted, for no level of the cell's own", () => {
    const at = "2026-12-12T10:00:00+07:00";
    expect(read("annual-rating", "Tóm tắt xếp loại năm 2026 của Chi bộ bản Na Lay:\n- Chi bộ đề nghị: HTXS 02 đ/c, HTT 11 đ/c, HT 03 đ/c.\n- Chi bộ tự đánh giá tập thể: Hoàn thành tốt nhiệm vụ.", at)).toMatchObject({ htxs: 2, htt: 11, ht: 3, cell_self_level: "HTT" });
    expect(read("annual-rating", "Chi bộ có 18 đảng viên, kết quả chi bộ đề nghị: Hoàn thành xuất sắc nhiệm vụ: không có; Hoàn thành tốt nhiệm vụ: 13; Hoàn thành nhiệm vụ: 4. Chi bộ tự xếp loại ở mức Hoàn thành nhiệm vụ.", at)).toMatchObject({ htxs: 0, htt: 13, ht: 4, cell_self_level: "HT" });
  });

  it("reads the cell's own levels in a row of words under a comparison with a column of the change", () => {
    const text = "Chi bộ thôn Gia An - so sánh kết quả xếp loại:\nNội dung | Năm 2025 | Năm 2026 | Tăng/giảm\nHoàn thành xuất sắc nhiệm vụ | 2 | 3 | +1\nHoàn thành tốt nhiệm vụ | 17 | 18 | +1\nChi bộ tự xếp loại | HT | HTT |";
    expect(read("annual-rating", text, "2026-12-12T10:00:00+07:00")).toMatchObject({ htxs: 3, htt: 18, cell_self_level: "HTT" });
  });
});

describe("the office's summaries and sheets of months (eleventh round)", () => {
  it("reads the office's summary of a cell's admissions, a day of a decision being no vote", () => {
    const text = "VĂN PHÒNG ĐẢNG ỦY XÃ tóm tắt tình hình phát triển đảng của Chi bộ thôn Quỳnh Lâm, quý II/2026:\n• Kết nạp mới: 0 (chi bộ đang hoàn thiện hồ sơ đề nghị kết nạp quần chúng Hồ Thị Lan).\n• Chuyển đảng chính thức: 02 đồng chí (Hồ Văn Tâm - QĐ ngày 15/4/2026; Nguyễn Thị Huyền - QĐ ngày 03/6/2026).\nĐề nghị chi bộ khẩn trương hoàn thiện hồ sơ.";
    expect(read("admissions", text, "2026-06-30T10:00:00+07:00")).toMatchObject({ period: "2026-Q2", admitted: 0, made_full: 2 });
  });

  it("reads those waiting after \"chưa đến thời hạn chuyển chính thức: 03 đồng chí, gồm:\"", () => {
    const text = "1. Kết nạp đảng viên mới: 02 đồng chí.\n3. Đảng viên dự bị chưa đến thời hạn chuyển chính thức: 02 đồng chí, gồm: Lê Thị Thu Hà, Nguyễn Đức Mạnh.";
    expect(read("admissions", text, "2026-04-01T10:00:00+07:00").pending_full).toEqual(["Lê Thị Thu Hà", "Nguyễn Đức Mạnh"]);
  });

  it("reads the column that sums a quarter's months", () => {
    const text = "Chi bộ thôn Cốc Lào - thu đảng phí quý II/2026\nNội dung | Tháng 4 | Tháng 5 | Tháng 6 | Cộng quý II\nĐảng viên phải đóng | 24 | 24 | 24 | 24\nSố tiền (đồng) | 168.000 | 168.000 | 168.000 | 504.000";
    expect(read("party-dues", text, "2026-07-02T10:00:00+07:00")).toMatchObject({ liable: 24, amount_vnd: 504000 });
  });
});

describe("questions that quote the cell's figures (eleventh round)", () => {
  it("takes \"… có phải đóng đảng phí nữa không ạ, …?\" for a question, the cell's figures its ground", () => {
    const r = parseReport("party-dues", "Kinh gui VP Dang uy xa,\nChi bo em co 2 dc duoc mien sinh hoat (tuoi cao, om yeu). Vay 2 dc nay co phai dong dang phi nua khong a, neu dong thi muc dong la bao nhieu? Mot dc co luong huu.\nEm cam on VP.", { now: new Date("2026-03-18T21:10:00+07:00") });
    expect(r).toMatchObject({ ok: false, errors: ["not_a_report: question"] });
  });
});

describe("forms with two-dot blanks (eleventh round)", () => {
  it("reads a form filled in on two-dot blanks, the village before the commune's label", () => {
    const text = "PHIẾU CẬP NHẬT THÔNG TIN BẢN\n(Kỳ: Quý III/2026)\n1. Tên bản: ..Bản Co Mận.. Xã: ..Mường Pồn..\n2. Số hộ: ..95.. hộ\t\tSố nhân khẩu: ..447.. người\n3. Tổng số đảng viên ..13.. đ/c; trong đó dự bị ..01.. đ/c\n4. Bí thư chi bộ kiêm Trưởng bản: ☒ Có  ☐ Không";
    expect(read("village-quarterly", text, "2026-10-05T10:00:00+07:00")).toMatchObject({ period: "2026-Q3", village: "Bản Co Mận", households: 95, population: 447, members: 13, probationary: 1, secretary_is_village_head: true });
  });
});

describe("hamlets, two months and unpaid remarks (eleventh round)", () => {
  it("reads a village's figures from the total row under its hamlets", () => {
    const text = "SỐ LIỆU THÔN ĐÔNG LÂM - QUÝ II/2026\nXóm\tSố hộ\tNhân khẩu\tHộ nghèo\tHộ cận nghèo\nXóm 1\t98\t371\t1\t3\nXóm 2\t104\t402\t2\t2\nCộng\t202\t773\t3\t5";
    expect(read("village-quarterly", text, "2026-06-28T10:00:00+07:00")).toMatchObject({ households: 202, population: 773, poor_households: 3, near_poor_households: 5 });
  });

  it("reads the later of two months side by side as the one reported", () => {
    const text = "Chi bộ thôn Tân An - theo dõi thu nộp đảng phí:\nKỳ | Số ĐV phải nộp | Đã nộp | Chưa nộp | Số tiền (đ) | Ngày nộp cấp trên\nTháng 4/2026 | 31 | 31 | 0 | 465.000 | 16/4/2026\nTháng 5/2026 | 31 | 30 | 1 | 450.000 | 15/5/2026";
    expect(read("party-dues", text, "2026-05-20T10:00:00+07:00")).toMatchObject({ period: "2026-05", liable: 31, paid: 30, unpaid: 1, amount_vnd: 450000, remitted_date: "2026-05-15" });
  });

  it("reads the members whose row says \"Chưa nộp\" as unpaid", () => {
    const text = "BẢNG THU ĐẢNG PHÍ QUÝ I NĂM 2026\nTT\tHọ và tên\tMức đóng/tháng\tThành tiền\tGhi chú\n1\tHoàng Văn Lư\t31.000\t93.000\t\n2\tLý Văn Hòa\t5.000\t0\tChưa nộp - đi làm ăn xa\n3\tMa Thị Duyên\t84.000\t252.000\t\nSố đảng viên đã nộp: 2/3.";
    expect(read("party-dues", text, "2026-03-30T10:00:00+07:00")).toMatchObject({ paid: 2, liable: 3, unpaid_names: ["Lý Văn Hòa"] });
  });
});

describe("spoken years and pasted press (eleventh round)", () => {
  it("reads a rating said aloud after a year said digit by digit, each count after its level", () => {
    const text = "chi bộ thôn Trung An báo cáo kết quả xếp loại đảng viên năm hai không hai sáu hoàn thành xuất sắc nhiệm vụ ba đồng chí hoàn thành tốt nhiệm vụ hai mươi mốt đồng chí hoàn thành nhiệm vụ bốn đồng chí không hoàn thành nhiệm vụ không có chi bộ tự xếp loại hoàn thành tốt nhiệm vụ";
    expect(read("annual-rating", text, "2026-12-15T10:00:00+07:00")).toMatchObject({ period: "2026", htxs: 3, htt: 21, ht: 4, kht: 0, cell_self_level: "HTT" });
  });

  it("takes a newspaper's piece pasted in quotes under a line of the sender's for an article", () => {
    const r = parseReport("admissions", "Em gửi vp đọc tham khảo ạ:\n\"(Báo Đảng bộ tỉnh) Sáng 19/5, Đảng bộ xã Tân Minh tổ chức lễ kết nạp 5 đảng viên mới. Trong 5 tháng đầu năm 2026, Đảng bộ xã đã kết nạp 11 đảng viên, trong đó 6 đảng viên nữ.\"", { now: new Date("2026-05-20T20:00:00+07:00") });
    expect(r).toMatchObject({ ok: false, errors: ["not_a_report: article"] });
  });
});

describe("the Centre's days and a month before 'kn' (eleventh round)", () => {
  it("reads \"chiều ni\" as today, and \"T5: kn 1\" as May", () => {
    expect(read("monthly-meeting", "Chi bộ thôn Tân An bc: chiều ni 14h chi bộ sinh hoạt chuyên đề quý III xong rồi. Dự 12/14 đv.", "2026-09-20T16:10:00+07:00")).toMatchObject({ meeting_date: "2026-09-20", start_time: "14:00" });
    expect(read("admissions", "cb thon 3 T5: kn 1 dv nu, doan vien", "2026-05-30T10:00:00+07:00")).toMatchObject({ period: "2026-05", admitted: 1, women: 1 });
  });
});

describe("comparisons with the latest period first (eleventh round)", () => {
  it("reads the latest period's column wherever it stands", () => {
    const text = "Chi bộ thôn Thượng Hà - Kết quả SHCB tháng 10/2026 (so sánh với tháng trước)\nChỉ tiêu | Tháng 10/2026 | Tháng 9/2026 | Tăng/giảm\nNgày sinh hoạt | 08/10 | 06/9 |\nTổng số đảng viên | 29 | 28 | +1\nCó mặt | 27 | 24 | +3\nCấp ủy viên phụ trách dự | Có (đ/c Khổng Minh Đức) | Không |";
    expect(read("monthly-meeting", text, "2026-10-09T10:00:00+07:00")).toMatchObject({ meeting_date: "2026-10-08", members_expected: 29, present: 27, cadre_present: true });
  });
});

describe("dues lists by member kind (eleventh round)", () => {
  it("reads a dues list whose \"Đối tượng\" column names farmers and pensioners as dues, not the village's unions", () => {
    const text = "BẢNG THU ĐẢNG PHÍ THÁNG 3/2026 - CHI BỘ THÔN ĐÔNG AN\nSTT\tHọ và tên\tĐối tượng\tMức đóng (đ)\tĐã nộp\tGhi chú\n1\tLê Văn Dũng\tHưu trí\t28.000\tx\t\n2\tTrần Văn Mạnh\tNông dân\t10.000\tx\t\n3\tPhạm Văn Hùng\tNông dân\t10.000\t\tChưa nộp - đi làm ăn xa\n4\tBùi Văn Khải\tNông dân\t10.000\tx\t\nĐã nộp toàn bộ 48.000 đồng về Văn phòng Đảng ủy xã ngày 21/3/2026.";
    expect(read("party-dues", text, "2026-03-25T10:00:00+07:00")).toMatchObject({ period: "2026-03", unpaid_names: ["Phạm Văn Hùng"], remitted: true, remitted_vnd: 48000, remitted_date: "2026-03-21" });
  });
});

describe("admissions tables and plans after them (eleventh round)", () => {
  it("reads tables of those admitted and made full, a meeting planned after them being no notice", () => {
    const text = "Chi bộ TDP 5 báo cáo công tác phát triển đảng quý IV/2026:\nBảng 1. Kết nạp đảng viên\nSTT | Họ tên | Giới tính | Đoàn viên\n1 | Võ Thị Trâm | Nữ | Có\n2 | Trần Quang Vinh | Nam | Có\nCộng: 02\nBảng 2. Công nhận đảng viên chính thức\nSTT | Họ tên | Ngày công nhận\n1 | Phạm Thị Nhung | 16/10/2026\nCộng: 01\nChưa chuyển chính thức: đ/c Ngô Thị Hạnh, chi bộ sẽ họp xét trong tháng 01/2027.";
    expect(read("admissions", text, "2026-12-28T10:00:00+07:00")).toMatchObject({ period: "2026-Q4", admitted: 2, women: 1, youth_union: 2, pending_full: ["Ngô Thị Hạnh"] });
  });

  it("reads the latest year of a comparison whose last column holds remarks", () => {
    const text = "BẢNG SO SÁNH KẾT QUẢ PHÁT TRIỂN ĐẢNG VIÊN - CHI BỘ ẤP BÌNH AN\nChỉ tiêu | Năm 2024 | Năm 2025 | Ghi chú\nKết nạp mới | 1 | 4 | Đạt 200% kế hoạch\n- Nữ | 0 | 2 |\nChuyển đảng chính thức | 2 | 1 |";
    expect(read("admissions", text, "2026-01-10T10:00:00+07:00")).toMatchObject({ admitted: 4, women: 2, made_full: 1 });
  });
});

describe("sub-rows with no number and the office's tracking sheets (eleventh round)", () => {
  it("reads a sheet's sub-row whose number cell is empty", () => {
    const text = "BIỂU CẬP NHẬT SỐ LIỆU THÔN QUÝ I NĂM 2026\nTT\tChỉ tiêu\tĐVT\tQuý IV/2025\tQuý I/2026\tTăng (+), giảm (-)\n1\tSố hộ\thộ\t212\t215\t+3\n2\tĐảng viên\tđ/c\t37\t38\t+1\n\tTrong đó: dự bị\tđ/c\t1\t2\t+1\n3\tHội viên Phụ nữ\tngười\t196\t198\t+2";
    expect(read("village-quarterly", text, "2026-04-02T10:00:00+07:00")).toMatchObject({ households: 215, members: 38, probationary: 2, women_union: 198 });
  });

  it("reads the office's tracking sheet of a cell's ratings, its remark no directive", () => {
    const text = "BAN XÂY DỰNG ĐẢNG ĐẢNG ỦY XÃ - PHIẾU THEO DÕI\nChi bộ: Tổ dân phố Bắc An\nKết quả chi bộ đề nghị (năm 2026): tổng số 29 đảng viên, trong đó HTXS 05, HTT 20, HT 04, KHT 0.\nChi bộ tự xếp loại: Hoàn thành xuất sắc nhiệm vụ.\nNhận xét: Đề nghị chi bộ họp rà soát lại, gửi báo cáo điều chỉnh trước ngày 30/12/2026.";
    expect(read("annual-rating", text, "2026-12-20T10:00:00+07:00")).toMatchObject({ period: "2026", htxs: 5, htt: 20, ht: 4, kht: 0, cell_self_level: "HTXS" });
  });
});

describe("figures before their legend (eleventh round)", () => {
  it("reads \"5 / 28 / 4 / 0 (HTXS/HTT/HT/KHT)\" label by label, and \"ấy nhầm\" as a slip", () => {
    expect(read("annual-rating", "XL 2025 cb TDP 9: 5 / 28 / 4 / 0 (HTXS/HTT/HT/KHT), tự xếp HTT", "2026-01-10T10:00:00+07:00")).toMatchObject({ period: "2025", htxs: 5, htt: 28, ht: 4, kht: 0, cell_self_level: "HTT" });
    expect(read("annual-rating", "Xếp loại năm nay cb thôn Làng Hạ: HTXS 3, HTT 21 ấy nhầm 22, HT 2.", "2026-12-15T10:00:00+07:00")).toMatchObject({ htxs: 3, htt: 22, ht: 2 });
  });
});

describe("those called and the groups of absentees (twelfth round)", () => {
  it("reads \"Triệu tập 25 đv\" as the members expected, a line after a date no money", () => {
    expect(read("monthly-meeting", "sh tháng 12 ngày 5/12\nTriệu tập 25 đv, có mặt 21, vắng 4 có lý do", "2026-12-06T10:00:00+07:00")).toMatchObject({ meeting_date: "2026-12-05", members_expected: 25, present: 21 });
    expect(read("monthly-meeting", "Sinh hoạt ngày 05/3/2026. Tổng số đảng viên được triệu tập: 31 đồng chí. Có mặt: 29 đồng chí", "2026-03-06T10:00:00+07:00")).toMatchObject({ members_expected: 31, present: 29 });
  });

  it("reads the next group of absentees after \";\", its label without \"vắng\" and its names", () => {
    const text = "Chi bộ plei Kon Klor gửi bc sh thường kỳ tháng 12 ạ\nThời gian: 19h - 21h ngày 5/12, hội trường thôn\nTriệu tập 25 đv, có mặt 21\nVắng có lý do: A Blứk (ốm), Y Hiên (đi làm ăn BD); ko lý do: A Thuyên, Y Dưi";
    expect(read("monthly-meeting", text, "2026-12-06T10:00:00+07:00")).toMatchObject({
      members_expected: 25,
      absent_total: 4,
      absent_excused: 2,
      absent_unexcused: 2,
      absentees: [
        { name: "A Blứk", excused: true, reason: "ốm" },
        { name: "Y Hiên", excused: true, reason: "đi làm ăn BD" },
        { name: "A Thuyên", excused: false },
        { name: "Y Dưi", excused: false },
      ],
    });
  });
});

describe("dues said in chat: the rest, the desk and this morning (twelfth round)", () => {
  it("reads a bare share kept and the rest remitted (\"Trích lại chi bộ 459.000, còn lại 1.071.000 nộp lên …\")", () => {
    const text = "Plei Ia Ring bc đảng phí quý 2 ni: 18 đv, nộp 17, còn Rơ Mah Thuận đi làm rẫy xa chưa nộp. Thu được 1.530.000 (quý 2 năm ngoái thu 1.260.000). Trích lại chi bộ 459.000, còn lại 1.071.000 nộp lên đảng ủy ngày 6/7 rồi nghe.";
    expect(read("party-dues", text, "2026-07-07T10:00:00+07:00")).toMatchObject({ liable: 18, paid: 17, amount_vnd: 1530000, retained_vnd: 459000, remitted_vnd: 1071000, remitted_date: "2026-07-06" });
  });

  it("reads \"dv 35, nop 33\", \"15 dv đã nộp hết\" and the unpaid named after their count", () => {
    expect(read("party-dues", "Thon Nam Dat nop DP thang 8/2026:\ndv 35, nop 33, tong 2tr15", "2026-09-07T10:00:00+07:00")).toMatchObject({ liable: 35, paid: 33, unpaid: 2 });
    expect(read("party-dues", "thoon Ma Le nop dang phi thang 6 roi nha, 15 dv ddax nop het, 450k", "2026-07-07T10:00:00+07:00")).toMatchObject({ liable: 15, paid: 15, unpaid: 0 });
    expect(read("party-dues", "ấp 3 Bàu Trâm báo cáo đảng phí tháng 3: chi bộ 52 đv, thu 50 đv = 2.870.000đ, 2 đ/c Lê Văn Cường, Trịnh Thị Hoa chưa đóng.", "2026-04-10T10:00:00+07:00")).toMatchObject({ unpaid: 2, unpaid_names: ["Lê Văn Cường", "Trịnh Thị Hoa"] });
  });

  it("reads amounts said with the tens cut short after the hundreds, the desk paid and \"hồi sáng\"", () => {
    const text = "dạ chị ơi tui báo cáo đảng phí tháng chín ấp Tân Hòa nhen hai mươi tám đảng viên đóng hết hai mươi tám thu được tám trăm bốn chục ngàn tui giữ lại chi bộ hai trăm năm hai ngàn còn năm trăm tám mươi tám ngàn tui gửi kế toán đảng ủy là cô Thảo hồi sáng rồi á";
    expect(read("party-dues", text, "2026-10-05T10:00:00+07:00")).toMatchObject({ amount_vnd: 840000, retained_vnd: 252000, remitted_vnd: 588000, remitted_date: "2026-10-05", remitted_to: "kế toán đảng ủy" });
  });
});

describe("admissions against a target, and the South's \"hổng\" (twelfth round)", () => {
  it("reads who the admitted are after a target and its result (\"chi tieu giao 3 nhung moi ket nap dc 1 dv la …\")", () => {
    expect(read("admissions", "thon Ha Sung bc kn dang nam nay: chi tieu giao 3 nhung moi ket nap dc 1 dv la Giang A Pao, nam, doan vien, nguoi Mong.", "2026-12-10T10:00:00+07:00")).toMatchObject({ admitted: 1, women: 0, youth_union: 1, ethnic_minority: 1 });
  });

  it("reads \"hổng có ai theo đạo\" as none, and \"hổng có báo\" as no leave asked", () => {
    expect(read("admissions", "tui báo cáo phát triển đảng năm 2026 ấp Long Phú nhen năm nay kết nạp bốn đồng chí ba nữ một nam đều là đoàn viên hổng có ai theo đạo", "2026-12-10T10:00:00+07:00")).toMatchObject({ admitted: 4, women: 3, youth_union: 4, religious: 0 });
    expect(read("monthly-meeting", "ấp Phú Hòa sinh hoạt tháng 5 tối hôm qua, có mặt 19/22, vắng ba, hai đồng chí có xin phép là anh Sáu Lượm đi đám giỗ với chị Nguyễn Thị Bé Năm bệnh, còn ông Trần Văn Út Hai hổng có báo gì hết trơn", "2026-05-06T10:00:00+07:00")).toMatchObject({ absent_excused: 2, absent_unexcused: 1 });
  });
});

describe("those still waiting, a year in brackets and a press piece shared (twelfth round)", () => {
  it("reads \"Đang chờ:\" and \"ĐV dự bị đến nay:\" with their names, a Dao surname \"Bàn\" no kinship word, a committee no name", () => {
    expect(read("admissions", "CB thon Phai Lau bc PTĐ quy 4/2026: ket nap 2 dv.\nChuyen chinh thuc: Trieu Van Chan. Dang cho: Ban Van Quay", "2026-12-20T10:00:00+07:00")).toMatchObject({ made_full: 1, pending_full: ["Ban Van Quay"] });
    expect(read("admissions", "Chi bộ KP Trảng Dài 3 – Báo cáo PTĐV năm 2025\n1/ Kết nạp: 5\n2/ Chuyển chính thức: 4\n3/ ĐV dự bị đến nay: Đặng Thị Thu Trang, Lâm Quốc Huy", "2026-01-08T10:00:00+07:00")).toMatchObject({ admitted: 5, made_full: 4, pending_full: ["Đặng Thị Thu Trang", "Lâm Quốc Huy"] });
    expect(read("admissions", "Quý II/2026, Chi bộ thôn Tả Van Chư kết nạp 02 quần chúng ưu tú; đã công nhận chính thức cho đồng chí Thào Seo Chứ; hồ sơ của đồng chí Sùng Thị Và đang chờ Ban Thường vụ Đảng ủy xã xem xét.", "2026-07-05T10:00:00+07:00")).toMatchObject({ pending_full: ["Sùng Thị Và"] });
  });

  it("takes last year's figure in brackets for no period, and a shared press piece for no report", () => {
    expect(read("annual-rating", "KP Long Điền 1 – XLCL ĐV 2026:\nHTXS: 6 (năm 2025: 5)\nHTT: 41\nHT: 4\nKHT: 0", "2026-12-20T10:00:00+07:00")).toMatchObject({ period: "2026", htxs: 6 });
    expect(parseReport("admissions", "[Chia sẻ] Báo Gia Lai: 6 tháng đầu năm 2026 toàn tỉnh kết nạp 1.245 đảng viên mới, trong đó 45% là người dân tộc thiểu số... các a c đọc tham khảo nhé", { now: new Date("2026-07-10T10:00:00+07:00") })).toMatchObject({ ok: false, errors: ["not_a_report: article"] });
  });
});

describe("meeting details said in chat (twelfth round)", () => {
  it("reads \"bc viên:\" as the presenter, a place up to \"tới mười giờ\", and the cadre named after \"đ/c phụ trách\"", () => {
    expect(read("monthly-meeting", "CHI BỘ ẤP SÓC BOM BÁO CÁO\nsh chuyên đề quý 3: \"nâng cao vai trò đv trong phát triển kinh tế hộ\"\nbc viên: đ/c Điểu Văn Lành (BT)\nngày 24/9/2026, 8g-11g, tại nhà văn hóa ấp\ntổng đv 19, có mặt 15", "2026-09-25T10:00:00+07:00")).toMatchObject({ kind: "thematic", presenter: "Điểu Văn Lành" });
    expect(read("monthly-meeting", "tui báo cáo ấp Bàu Sen sinh hoạt chi bộ tháng tám hôm chủ nhật mười sáu tháng tám lúc tám giờ sáng tại văn phòng ấp tới mười giờ rưỡi thì xong đảng viên tổng cộng hai mươi bảy có mặt hai mươi ba", "2026-08-17T10:00:00+07:00")).toMatchObject({ place: "văn phòng ấp", present: 23 });
    expect(read("monthly-meeting", "Plei Ia Mơr bc: sh cb thuong ky thang 7 da hop ngay 3/7 o nha bi thu, 9 dv co mat du 9, d/c phu trach Rơ Châm Hlim hom ni ban hop tren tinh nen ko du duoc. rứa thôi a", "2026-07-04T10:00:00+07:00")).toMatchObject({ cadre_present: false, cadre_name: "Rơ Châm Hlim" });
  });

  it("ends the resolutions at a line of wishes", () => {
    const r = read("monthly-meeting", "cb ban Na Lang sh thuong ky thang 1/2026 xong r a\nngay 8/1 toi 19h-20h45 nha van hoa\ndv 21 co mat 19, vang 2 ko ly do\nnq: tuan tra chay rung giao to an ninh ban\nchuc VP nam moi vui ve 🎉", "2026-01-09T10:00:00+07:00");
    expect(r.resolutions).toEqual([{ task: "tuan tra chay rung", owner: "to an ninh ban", due: null }]);
  });
});

describe("office reports of a meeting: labels, bracketed boxes, the close (twelfth round)", () => {
  it("reads the cadre on a \"Dự và chỉ đạo:\" or \"Khách mời:\" line, and named in brackets after the title", () => {
    expect(read("monthly-meeting", "Sinh hoạt ngày 05/3/2026, có mặt 29/31.\n- Dự và chỉ đạo: đ/c Trần Quốc Toản – Đảng ủy viên, cấp ủy viên phụ trách chi bộ.", "2026-03-06T10:00:00+07:00")).toMatchObject({ cadre_present: true, cadre_name: "Trần Quốc Toản" });
    expect(read("monthly-meeting", "Sinh hoạt tối 07/01/2026, dự 12/14.\nĐồng chí cấp ủy viên phụ trách (Lò Văn Thắm) không dự được do trùng lịch họp tại tỉnh.", "2026-01-08T10:00:00+07:00")).toMatchObject({ cadre_present: false, cadre_name: "Lò Văn Thắm" });
  });

  it("reads a resolutions heading with a note in brackets, and the close \"kết thúc vào lúc 10 giờ 05 phút\"", () => {
    const text = "Hôm nay, vào lúc 08 giờ 00 phút, ngày 12 tháng 4 năm 2026, tại Hội trường ấp Phú Hòa, chi bộ sinh hoạt. Có mặt 18/19.\nIV. NGHỊ QUYẾT (nhiệm vụ trọng tâm tháng 4)\n1. Hoàn thành thu hoạch lúa trước ngày 25/4/2026 – giao đ/c Trưởng ấp chỉ đạo.\nBuổi sinh hoạt kết thúc vào lúc 10 giờ 05 phút cùng ngày.";
    expect(read("monthly-meeting", text, "2026-04-12T12:00:00+07:00")).toMatchObject({ start_time: "08:00", end_time: "10:05", duration_min: 125, resolutions: [{ task: "Hoàn thành thu hoạch lúa", due: "2026-04-25" }] });
  });

  it("reads a printed form's boxes typed as brackets, the name on its own label", () => {
    const text = "PHIẾU BÁO CÁO NHANH KẾT QUẢ SINH HOẠT CHI BỘ\nKỳ báo cáo: Tháng 05 năm 2026\nNgày sinh hoạt: 06/05/2026\nHình thức: [x] Thường kỳ   [ ] Chuyên đề   [ ] Thường kỳ kết hợp chuyên đề\nSố có mặt: 39\nCấp ủy viên phụ trách dự: [x] Có  [ ] Không\tHọ tên: Đặng Minh Khôi";
    expect(read("monthly-meeting", text, "2026-05-07T10:00:00+07:00")).toMatchObject({ kind: "regular", present: 39, cadre_present: true, cadre_name: "Đặng Minh Khôi" });
  });
});

describe("office forms of admissions and ratings (twelfth round)", () => {
  it("reads \"kết nạp trong kỳ: 01\" and those waiting named under \"dự bị đang theo dõi\" or \"chưa chuyển chính thức\"", () => {
    const form = "BIỂU MẪU THỐNG KÊ PHÁT TRIỂN ĐẢNG VIÊN\nĐơn vị: Chi bộ Tổ dân phố Đông Xuyên\nKỳ báo cáo: Tháng 5/2026\n\n1. Số quần chúng được kết nạp trong kỳ: 01\n   Trong đó: Nữ: 01 | Dân tộc thiểu số: 0 | Tôn giáo: 0 | Đoàn viên: 01 | Học sinh, sinh viên: 0\n2. Số đảng viên dự bị được chuyển chính thức: 02\n3. Số đảng viên dự bị chưa chuyển chính thức (ghi rõ họ tên): đ/c Lê Thị Thanh Tâm (kết nạp trong kỳ)";
    expect(read("admissions", form, "2026-06-02T10:00:00+07:00")).toMatchObject({ admitted: 1, women: 1, youth_union: 1, ethnic_minority: 0, made_full: 2, pending_full: ["Lê Thị Thanh Tâm"] });
    expect(read("admissions", "Kết quả quý I năm 2026: chi bộ kết nạp 02 đảng viên mới.\n3. Đảng viên dự bị đang theo dõi, giúp đỡ: đ/c Nông Thị Mến, đ/c Lộc Văn Thiện.", "2026-04-02T10:00:00+07:00")).toMatchObject({ pending_full: ["Nông Thị Mến", "Lộc Văn Thiện"] });
    // "trong quý 3": the quarter, no count.
    expect(read("admissions", "Ngày 19/8 chi bộ tổ chức lễ kết nạp đ/c Lương Thị Hoa (Nùng, nữ, HS-SV). Đây là đv duy nhất kết nạp trong quý 3.", "2026-09-20T10:00:00+07:00")).toMatchObject({ admitted: 1 });
  });

  it("reads the cell's level after its quality and year, under a form's heading, and \"01 đồng chí đạt …\"", () => {
    expect(read("annual-rating", "Tổng số đảng viên: 56.\n+ Hoàn thành xuất sắc nhiệm vụ: 08\n+ Hoàn thành tốt nhiệm vụ: 41\nChi bộ tự đánh giá, xếp loại chất lượng năm 2026: Hoàn thành tốt nhiệm vụ.", "2026-12-20T10:00:00+07:00")).toMatchObject({ htxs: 8, htt: 41, cell_self_level: "HTT" });
    expect(read("annual-rating", "IV. KẾT QUẢ ĐÁNH GIÁ ĐẢNG VIÊN NĂM 2026\nTổng số 39 đảng viên: hoàn thành xuất sắc nhiệm vụ 06; hoàn thành tốt nhiệm vụ 31; hoàn thành nhiệm vụ 02; không hoàn thành nhiệm vụ 0. Không có đảng viên không xếp loại.\n\nV. TỰ NHẬN MỨC XẾP LOẠI CHẤT LƯỢNG\n☒ Hoàn thành xuất sắc nhiệm vụ\n☐ Hoàn thành tốt nhiệm vụ\n☐ Hoàn thành nhiệm vụ", "2026-12-20T10:00:00+07:00")).toMatchObject({ htxs: 6, htt: 31, unrated: 0, cell_self_level: "HTXS" });
    expect(read("annual-rating", "Năm 2026, kết quả: 01 đồng chí đạt hoàn thành xuất sắc nhiệm vụ (đ/c Nguyễn Thị Hảo), 10 đồng chí hoàn thành tốt nhiệm vụ, 02 đồng chí hoàn thành nhiệm vụ.", "2026-12-20T10:00:00+07:00")).toMatchObject({ htxs: 1, htt: 10, ht: 2 });
  });
});

describe("village sheets: a post denied, a unit before the colon, figures said then written (twelfth round)", () => {
  it("reads \"Chi bo ap: 29 dang vien\" whatever \"chi bộ không kiêm trưởng ấp\" says after, and \"Hoi LHPN ap: 265\"", () => {
    const text = "UBND XA TAN HUNG - AP TAN HUNG A\nSO LIEU CO BAN QUY 2 NAM 2026\n- Tong so ho: 312 ho\n- Chi bo ap: 29 dang vien (1 du bi)\n- Hoi LHPN ap: 265 hoi vien; Hoi Nong dan: 301\n- Bi thu chi bo khong kiem truong ap";
    expect(read("village-quarterly", text, "2026-07-05T10:00:00+07:00")).toMatchObject({ members: 29, probationary: 1, women_union: 265, farmers_union: 301, secretary_is_village_head: false });
  });

  it("reads a figure said in words and written in brackets, only where both say the same", () => {
    expect(read("village-quarterly", "CHI BỘ THÔN BA LÀNG\nBáo cáo số liệu quý II năm 2026\nTổng số hộ: một trăm bốn mươi hai (142) hộ\nDiện tích tự nhiên: năm phẩy hai (5,2) km².", "2026-07-05T10:00:00+07:00")).toMatchObject({ households: 142, area_km2: 5.2 });
    expect(read("annual-rating", "KQ đánh giá đảng viên năm 2026 cb thôn 9\nXuất sắc: Nguyễn Văn Tài, Trần Thị Hoa, Lê Văn Bảy (03)\nTốt: 24\nHoàn thành: 02\nChi bộ: HTT", "2026-12-20T10:00:00+07:00")).toMatchObject({ htxs: 3, htt: 24 });
  });
});

describe("an office's meeting report: groups of the absent and owners with titles (twelfth round)", () => {
  it("reads \"Vắng 5 …, trong đó: miễn sinh hoạt 3; vắng có lý do 2 (…)\" as five absent", () => {
    const text = "sh thang 6 ngay 5/6. Tổng số đảng viên 40 đồng chí, có mặt 35 đồng chí. Vắng 5 đồng chí, trong đó: miễn sinh hoạt 3; vắng có lý do 2 (đồng chí Trần Văn Thọ đi viện, đồng chí Phạm Thị Liễu đi công tác).";
    expect(read("monthly-meeting", text, "2026-06-06T10:00:00+07:00")).toMatchObject({ absent_total: 5, absent_exempt: 3, absent_excused: 2, absent_unexcused: 0 });
  });

  it("gives a task to the comrade named after \"giao\", her title and a deadline after a dash", () => {
    const r = read("monthly-meeting", "Sinh hoạt ngày 05/6/2026, có mặt 35/40.\nChi bộ thống nhất nghị quyết:\n1. Tiếp tục vận động nhân dân tham gia bảo hiểm y tế, giao đồng chí Nguyễn Thị Hoa - chi hội trưởng phụ nữ, hoàn thành trước 30/6/2026.", "2026-06-06T10:00:00+07:00");
    expect(r.resolutions).toEqual([{ task: "Tiếp tục vận động nhân dân tham gia bảo hiểm y tế", owner: "Nguyễn Thị Hoa", due: "2026-06-30" }]);
  });
});

describe("admitted listed one a line, dues handed by hand, a form's receiver (twelfth round)", () => {
  it("reads unmarked lines of names with who they are in brackets", () => {
    expect(read("admissions", "Thôn Khuổi Phầy năm 2026 kết nạp 3 đảng viên:\nTriệu Văn Tòng (Dao, đoàn viên)\nBàn Thị Mẩy (Dao, nữ, đoàn viên)\nHoàng Văn Nhất (Tày)\nChuyển chính thức 2 đ/c. Còn đ/c Lý Thị Dua chờ xét chính thức.", "2026-12-20T10:00:00+07:00")).toMatchObject({ admitted: 3, women: 1, ethnic_minority: 3, youth_union: 2, made_full: 2, pending_full: ["Lý Thị Dua"] });
  });

  it("reads \"20 đ/c nộp cả 20\", dues handed (\"đưa cho anh Tín kế toán đảng ủy\") and \"ko thu dc cua dc Khanh\"", () => {
    expect(read("party-dues", "Dạ tháng 10 chi bộ em thu rồi mà chưa nộp lên ạ, 20 đ/c nộp cả 20, 240 nghìn, mai em mang lên ạ", "2026-11-05T10:00:00+07:00")).toMatchObject({ liable: 20, paid: 20, unpaid: 0, amount_vnd: 240000 });
    expect(read("party-dues", "Đảng phí tháng 2 của thôn Phú Ổ tui nộp rồi mà, ngày 26/2 tui đưa cho anh Tín kế toán đảng ủy 280 nghìn, đủ 20 đảng viên đó.", "2026-03-02T10:00:00+07:00")).toMatchObject({ remitted: true, remitted_vnd: 280000, remitted_date: "2026-02-26", remitted_to: "kế toán đảng ủy" });
    expect(read("party-dues", "dp t9: 26/27, 351k, ko thu dc cua dc Khanh (di XKLD Han)", "2026-10-05T10:00:00+07:00")).toMatchObject({ unpaid: 1, unpaid_names: ["Khanh"] });
    // "đã đóng đủ 3 tháng": months, no count of those who paid.
    expect(read("party-dues", "BẢNG TỔNG HỢP ĐẢNG PHÍ QUÝ IV/2026\nTất cả 38/38 đồng chí đã đóng đủ 3 tháng.", "2026-12-29T10:00:00+07:00")).toMatchObject({ liable: 38, paid: 38 });
  });

  it("reads the office named on a printed form's \"Nơi nhận:\" line", () => {
    const text = "PHIẾU NỘP ĐẢNG PHÍ\nTháng 3 năm 2026\nSố đảng viên phải nộp: 17  |  Số đã nộp: 17\nSố tiền thu: 248.000 đ\nSố tiền nộp cấp trên: 173.600 đ\nNgày nộp: 28/3/2026\nNơi nhận: Bộ phận tài chính Văn phòng Đảng ủy xã\n\nNgười nộp";
    expect(read("party-dues", text, "2026-03-29T10:00:00+07:00")).toMatchObject({ remitted_vnd: 173600, remitted_to: "bộ phận tài chính văn phòng đảng ủy xã" });
  });
});

describe("printed forms of a meeting and of dues (twelfth round)", () => {
  const form = "MẪU BÁO CÁO NHANH SINH HOẠT CHI BỘ\n(Kèm theo Công văn số 118-CV/ĐU ngày 15/01/2026 của Đảng ủy xã)\n\n1. Chi bộ: ......thôn Trung Hậu......\n2. Tháng sinh hoạt: ..09/2026..    Hình thức: [x] Thường kỳ  [ ] Chuyên đề\n3. Ngày sinh hoạt: ..05/9/2026..   Giờ bắt đầu: ..8h00..   Giờ kết thúc: ..10h00..\n5. Tổng số đảng viên: ..18..   Có mặt: ..16..\n   Vắng có lý do: ..01..   Vắng không lý do: ..01..   Miễn SH: ..0..\n   Họ tên đảng viên vắng: Đinh Văn Cường (có lý do - nằm viện); Hà Văn Tỉnh (không lý do)\n7. Nội dung chính:\n Kỷ niệm Quốc khánh 2/9; khai giảng năm học mới; phòng, chống dịch tả lợn châu Phi\n8. Nghị quyết chính:\n Tiêm phòng đàn gia súc đợt 2 xong trước 30/9 - trưởng thôn";

  it("reads the meeting's own date (not the cited document's), none exempt, each absentee after \";\" and the list under its label", () => {
    expect(read("monthly-meeting", form, "2026-09-06T10:00:00+07:00")).toMatchObject({
      period: "2026-09",
      meeting_date: "2026-09-05",
      absent_exempt: 0,
      absentees: [{ name: "Đinh Văn Cường", excused: true, reason: "nằm viện" }, { name: "Hà Văn Tỉnh", excused: false }],
      content_items: ["Kỷ niệm Quốc khánh 2/9", "khai giảng năm học mới", "phòng, chống dịch tả lợn châu Phi"],
    });
  });

  it("reads a dues form's quarter after \"Kỳ nộp:\" and the office after \"Đơn vị thu:\"", () => {
    const dues = "PHIẾU THU ĐẢNG PHÍ\nĐơn vị thu: Văn phòng Đảng ủy xã\nĐơn vị nộp: Chi bộ thôn ....Đại Lược....\nKỳ nộp: Quý ..II.. năm ..2026..\nSố đảng viên phải đóng: ..29..    Số đảng viên đã đóng: ..29..\nTổng số đảng phí chi bộ thu: ..2.220.000.. đồng\nSố nộp cấp trên: ..1.554.000.. đồng\nNgày nộp: ..08/7/2026..";
    expect(read("party-dues", dues, "2026-07-09T10:00:00+07:00")).toMatchObject({ period: "2026-Q2", liable: 29, paid: 29, remitted_vnd: 1554000, remitted_to: "văn phòng đảng ủy xã" });
  });
});

describe("ratings: the minutes' collective level, a ticked column, all rated (twelfth round)", () => {
  it("reads \"Đối với chi bộ: hội nghị thống nhất tự đánh giá, xếp loại mức …\"", () => {
    expect(read("annual-rating", "Hội nghị kiểm điểm năm 2026\n- Hoàn thành xuất sắc nhiệm vụ: 01 đồng chí;\n- Hoàn thành tốt nhiệm vụ: 13 đồng chí;\nĐối với chi bộ: hội nghị thống nhất tự đánh giá, xếp loại mức Hoàn thành tốt nhiệm vụ (17/17 tán thành).", "2026-12-12T10:00:00+07:00")).toMatchObject({ htxs: 1, htt: 13, cell_self_level: "HTT" });
  });

  it("reads the cell's own row whose ticked column names its level, and \"tất cả đảng viên đều được xếp loại\"", () => {
    const table = "CHI BỘ TỔ DÂN PHỐ 6 - TỔNG HỢP KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI NĂM 2025\n\nĐối tượng\tTổng số\tHTXS\tHTT\tHT\tKHT\tKhông xếp loại\nĐảng viên\t57\t5\t41\t4\t0\t7\nChi bộ (tự đánh giá)\t1\t\tx\t\t\t\n\nGhi chú: 07 đồng chí không xếp loại là đảng viên miễn sinh hoạt do tuổi cao.";
    expect(read("annual-rating", table, "2026-01-10T10:00:00+07:00")).toMatchObject({ period: "2025", htxs: 5, htt: 41, unrated: 7, cell_self_level: "HTT" });
    expect(read("annual-rating", "Kết quả chi bộ đề nghị (năm 2026): tổng số 29 đảng viên, trong đó HTXS 05, HTT 20, HT 04, KHT 0; tất cả đảng viên đều được xếp loại.", "2026-12-20T10:00:00+07:00")).toMatchObject({ htxs: 5, htt: 20, unrated: 0 });
  });
});

describe("spoken meeting reports: the evening said early, the absent by given name, a resolution handed (twelfth round)", () => {
  it("reads the evening said earlier in the sentence (\"Tối qua chi bộ họp …, bắt đầu 7 giờ rưỡi tới 9 giờ 15\")", () => {
    expect(read("monthly-meeting", "Chào văn phòng, tui là Tư Hoà bí thư ấp Long Hưng. Tối qua chi bộ họp thường kỳ tháng sáu ở nhà tui vì hội trường ấp đang sửa mái, bắt đầu 7 giờ rưỡi tới 9 giờ 15 mới xong.", "2026-06-06T08:00:00+07:00")).toMatchObject({ start_time: "19:30", end_time: "21:15" });
  });

  it("reads \"vắng 3 trong đó đ/c Khiêm ốm nằm viện, …\": \"nằm\" no five, the given name the full one said before", () => {
    const text = "Em là Lường Văn Pản phó bí thư chi bộ bản Nà Pồng, bí thư Hà Văn Khiêm đang nằm viện tỉnh nên em báo cáo thay ạ. Chi bộ sinh hoạt ngày 5/5/2026. Tổng số 20 đv, có mặt 17, vắng 3 trong đó đ/c Khiêm ốm nằm viện, đ/c Lò Thị Ún đi đẻ, 1 đ/c miễn sinh hoạt. Nghị quyết giao đ/c Lò Văn Sơn trưởng bản đôn đốc trồng rừng xong trước 31/5.";
    expect(read("monthly-meeting", text, "2026-05-06T10:00:00+07:00")).toMatchObject({
      absent_total: 3,
      absent_excused: 2,
      absent_exempt: 1,
      absentees: [{ name: "Hà Văn Khiêm", excused: true, reason: "ốm nằm viện" }, { name: "Lò Thị Ún", excused: true, reason: "đi đẻ" }],
      resolutions: [{ task: "đôn đốc trồng rừng", owner: "Lò Văn Sơn", due: "2026-05-31" }],
    });
  });
});

describe("admissions in chat: the month after \"KN\", some of them counted, one named and her faith (twelfth round)", () => {
  it("reads \"KN t5: 1 đv (nữ, sv)\"", () => {
    expect(read("admissions", "KN t5: 1 đv (nữ, sv) ✌️", "2026-06-05T10:00:00+07:00")).toMatchObject({ period: "2026-05", admitted: 1, women: 1, students: 1 });
  });

  it("reads \"Có 1 đ/c theo đạo …\" and \"Em Nhỏ theo đạo Cao Đài\" after the admitted are described", () => {
    expect(read("admissions", "Cb bản Sín Chải năm nay kết nạp 4 đv: Giàng Thị Mai, Sùng A Dình, Thào A Lử, Vàng Thị Dua. Cả 4 dtts Mông, 2 nữ, 3 đoàn viên. Có 1 đ/c theo đạo Tin lành (Sùng A Dình)", "2026-12-10T10:00:00+07:00")).toMatchObject({ admitted: 4, ethnic_minority: 4, women: 2, youth_union: 3, religious: 1 });
    expect(read("admissions", "Quý 1 ấp Mỹ Hòa kết nạp được 2 đv mới nha: em Út Nhỏ (Lê Thị Nhỏ) nữ; em Võ Văn Tèo. Em Nhỏ theo đạo Cao Đài.", "2026-04-05T10:00:00+07:00")).toMatchObject({ admitted: 2, religious: 1 });
  });
});

describe("a report's own year beside its dateline, a figure mended in brackets (twelfth round)", () => {
  it("reads the year reported, not the dateline's (\"ngày 08 tháng 01 năm 2026\" over \"… năm 2025\")", () => {
    const text = "CHI BỘ THÔN PÒ MÈ\nSố: 01-BC/CB\t\tHữu Khánh, ngày 08 tháng 01 năm 2026\n\nBÁO CÁO\nKết quả kiểm điểm, đánh giá, xếp loại đảng viên năm 2025\nHoàn thành xuất sắc nhiệm vụ: 03; hoàn thành tốt nhiệm vụ: 20; hoàn thành nhiệm vụ: 2.";
    expect(read("annual-rating", text, "2026-01-08T10:00:00+07:00")).toMatchObject({ period: "2025", htxs: 3, htt: 20, ht: 2 });
  });

  it("reads \"Ho ngheo: 7 (xin sua lai la 6 ho, …)\" as six, the households untouched", () => {
    expect(read("village-quarterly", "BAO CAO SO LIEU THON QUY IV/2025 - CHI BO THON TRUNG LINH\n1. So ho: 331 ho. Nhan khau: 1.402 nguoi.\n3. Ho ngheo: 7 (xin sua lai la 6 ho, 1 ho da thoat ngheo thang 12), ho can ngheo: 8.", "2026-01-05T10:00:00+07:00")).toMatchObject({ households: 331, poor_households: 6, near_poor_households: 8 });
  });
});

describe("a correction under an address line, a count on the line before (twelfth round)", () => {
  it("takes \"Kính gửi …,\\nChi bộ … xin đính chính báo cáo … đúng là 410.000 đồng\" for a correction", () => {
    const text = "Kính gửi Văn phòng Đảng ủy xã,\nChi bộ thôn Hạ Long xin đính chính báo cáo đảng phí tháng 3/2026 gửi hôm qua (28/3): số tiền thu đúng là 410.000 đồng, không phải 401.000 đồng như đã báo cáo do đánh máy nhầm.";
    expect(parseReport("party-dues", text, { now: new Date("2026-03-29T10:00:00+07:00") })).toMatchObject({ ok: false, errors: ["not_a_report: correction"] });
  });

  it("does not take the admitted counted on the line before for those made full", () => {
    expect(read("admissions", "DANH SÁCH ĐẢNG VIÊN KẾT NẠP QUÝ I/2026: Lương Văn Nghĩa, Vi Thị Hiền, Nguyễn Thị Lan\nCộng: 03 đồng chí\n\nChuyển đảng chính thức trong quý: không có.", "2026-04-02T10:00:00+07:00")).toMatchObject({ admitted: 3, made_full: 0 });
  });
});

describe("admissions forms: a month under dots, a person and her sex after a colon (twelfth round)", () => {
  it("reads \"Tháng: ..09../2026\" on the form's second line", () => {
    expect(read("admissions", "MẪU THỐNG KÊ CÔNG TÁC PHÁT TRIỂN ĐẢNG VIÊN\nTháng: ..09../2026            Chi bộ: ...Khu phố 4...\n\n2. Số đảng viên mới kết nạp: ...01...", "2026-10-02T10:00:00+07:00")).toMatchObject({ period: "2026-09", admitted: 1 });
  });

  it("reads \"- Sung A Vang: nam, …\" as a man, not a label and its five", () => {
    expect(read("admissions", "Chi bo ban Sang Ma Sao bao cao phat trien dang quy III/2026:\n1. Ket nap: 02 dc\n - Sung A Vang: nam, dan toc Mong, doan vien\n - Ly Thi Say: nu, dan toc Mong, doan vien\n2. Chuyen chinh thuc: 01 dc", "2026-10-05T10:00:00+07:00")).toMatchObject({ admitted: 2, women: 1, ethnic_minority: 2, youth_union: 2, made_full: 1 });
  });
});

describe("a list of members by level (twelfth round)", () => {
  it("counts a level no one reached as none, and leaves the counts to a total row under the list", () => {
    const list = "Chi bộ bản Phiêng Luông gửi danh sách đề nghị xếp loại đảng viên năm 2026:\n\nSTT | Họ và tên | Tự xếp loại | Chi bộ đề nghị\n1 | Lò Văn Hặc | HTT | HTXS\n2 | Quàng Thị Nhinh | HTT | HTT\n3 | Lò Văn Pọm | HT | HT";
    expect(read("annual-rating", list, "2026-12-20T10:00:00+07:00")).toMatchObject({ htxs: 1, htt: 1, ht: 1, kht: 0 });
    const totalled = "DANH SÁCH ĐỀ NGHỊ XẾP LOẠI ĐẢNG VIÊN NĂM 2026\n\nTT | Họ và tên | Chức vụ | Mức xếp loại chi bộ đề nghị\n1 | Lầu A Sính | Bí thư chi bộ | HTT\n2 | Mùa Thị Dơ | Đảng viên | HT\n3 | Hờ A Dế | Đảng viên (miễn SH) | Không xếp loại\nCộng: 3 đ/c – HTXS 0; HTT 1; HT 1; KHT 0; không xếp loại 1.";
    expect(read("annual-rating", totalled, "2026-12-20T10:00:00+07:00")).toMatchObject({ htxs: 0, htt: 1, ht: 1, kht: 0, unrated: 1 });
  });
});

describe("the office's receipt of a cell's dues (twelfth round)", () => {
  it("reads \"Văn phòng Đảng ủy xã … xác nhận: đã nhận đảng phí … của Chi bộ … nộp ngày …\" as the cell's dues, handed to that office", () => {
    const text = "Văn phòng Đảng ủy xã Bình Sơn xác nhận: đã nhận đảng phí tháng 5/2026 của Chi bộ thôn Bình An do đ/c Lê Thị Thắm (Chi ủy viên) nộp ngày 20/5/2026.\n- Số đảng viên đóng: 26/26 đ/c\n- Số tiền: 412.000 đồng (bằng chữ: Bốn trăm mười hai nghìn đồng)\nĐã vào sổ theo dõi của Văn phòng. Đề nghị chi bộ lưu biên nhận.";
    expect(read("party-dues", text, "2026-05-21T10:00:00+07:00")).toMatchObject({ period: "2026-05", liable: 26, paid: 26, amount_vnd: 412000, remitted: true, remitted_vnd: 412000, remitted_date: "2026-05-20", remitted_to: "văn phòng đảng ủy xã" });
    const recorded = "Văn phòng Đảng ủy phường Long Hưng ghi nhận: Chi bộ khu phố Long Bửu đã nộp đảng phí tháng 5/2026 về Văn phòng ngày 12/6/2026, số tiền 1,2 triệu đồng. Theo báo cáo của chi bộ: thu đủ 48/48 đảng viên, tổng thu 1.714.000 đồng.";
    expect(read("party-dues", recorded, "2026-06-13T10:00:00+07:00")).toMatchObject({ paid: 48, amount_vnd: 1714000, remitted: true, remitted_vnd: 1200000, remitted_date: "2026-06-12", remitted_to: "văn phòng đảng ủy phường" });
  });
});

describe("dues handed on or not yet, said briefly; a smile after a reason (twelfth round)", () => {
  it("reads \"… 360k. nop roi\" as remitted and \"mai em mới lên nộp được ạ\" as not yet", () => {
    expect(read("party-dues", "dp t11 cb thon 6: 24/25, thieu dc Hoa, 360k. nop roi", "2026-12-05T10:00:00+07:00")).toMatchObject({ paid: 24, liable: 25, amount_vnd: 360000, remitted: true });
    expect(read("party-dues", "Dạ trả lời vp, đảng phí tháng 7 ấp Kinh Xáng em thu đủ hết 21 đ/c rồi, được 294.000đ, mai em mới lên nộp được ạ.", "2026-08-05T10:00:00+07:00")).toMatchObject({ paid: 21, amount_vnd: 294000, remitted: false });
  });

  it("leaves an emoji out of an absentee's reason", () => {
    expect(read("monthly-meeting", "Chi bộ bản Sả Séng báo cáo: sáng CN 7/6 chi bộ sinh hoạt, có mặt 20/21, vắng đ/c Sùng Thị Dợ mới sinh con 😊", "2026-06-08T10:00:00+07:00")).toMatchObject({ absentees: [{ name: "Sùng Thị Dợ", excused: true, reason: "mới sinh con" }] });
  });
});

describe("groups of the absent counted first, their names in a bracket with its own \";\" (twelfth round)", () => {
  it("reads \"Vắng: 05 …, trong đó: 02 đ/c miễn sinh hoạt; 03 đ/c vắng có lý do (đ/c A - …; đ/c B - …; đ/c C - …)\" as five", () => {
    const text = "Sinh hoạt ngày 05/3/2026.\n- Tổng số đảng viên của chi bộ: 29 đồng chí.\n- Có mặt: 24/29 đồng chí.\n- Vắng: 05 đồng chí, trong đó: 02 đ/c miễn sinh hoạt; 03 đ/c vắng có lý do (đ/c Hoàng Văn Tùng - đi làm ăn xa; đ/c Lê Thị Mến - ốm; đ/c Đinh Công Lực - chăm bố nằm viện).";
    expect(read("monthly-meeting", text, "2026-03-06T10:00:00+07:00")).toMatchObject({ present: 24, absent_total: 5, absent_exempt: 2, absent_excused: 3, absent_unexcused: 0 });
  });
});

describe("the secretary not heading the village, said by the secretary (twelfth round)", () => {
  it("reads \"tui hổng có kiêm trưởng ấp nha\" as no", () => {
    expect(read("village-quarterly", "tui gửi số liệu ấp Suối Cát quý ba nhen ấp có 402 hộ 1.680 khẩu, đảng viên ba mươi bốn, tui hổng có kiêm trưởng ấp nha trưởng ấp là anh Hai Phúc", "2026-10-05T10:00:00+07:00")).toMatchObject({ households: 402, members: 34, secretary_is_village_head: false });
  });
});

describe("the leave before a reason without a comma, a man counted by \"ông\" (twelfth round)", () => {
  it("reads \"vắng đ/c Lường Thị Ơn có lý do nghỉ sinh\" with the reason alone", () => {
    expect(read("monthly-meeting", "Cb bản Nà Pục bc: ngày 14/1/2026 chi bộ sh, có mặt 20/21, vắng đ/c Lường Thị Ơn có lý do nghỉ sinh.", "2026-01-15T10:00:00+07:00")).toMatchObject({ absentees: [{ name: "Lường Thị Ơn", excused: true, reason: "nghỉ sinh" }] });
  });

  it("counts \"1 ông không hoàn thành\" as one who did not complete his tasks", () => {
    expect(read("annual-rating", "Dạ ấp Phú An bc xếp loại đv 2026 nha VP: 1 xuất sắc, 14 tốt, 2 hoàn thành, 1 ông không hoàn thành do bỏ sinh hoạt 4 tháng 😔 nên chi bộ tự xếp hoàn thành nhiệm vụ thôi ạ", "2026-12-20T10:00:00+07:00")).toMatchObject({ htxs: 1, htt: 14, ht: 2, kht: 1, cell_self_level: "HT" });
  });
});

describe("the meeting's day said and written together, the cadre \"phụ trách hôm đó\" (twelfth round)", () => {
  it("takes \"tối qua 3/7\" over an earlier \"Hôm nay\" about the weather", () => {
    expect(read("monthly-meeting", "Chào các đồng chí văn phòng 🌹. Hôm nay trời mưa to quá, đường vào xóm lầy hết. Tôi bí thư chi bộ xóm Đoài báo cáo tháng 7 chi bộ đã sinh hoạt tối qua 3/7 ở nhà văn hóa, từ 19h đến 21h. Có mặt 15/18.", "2026-07-04T08:00:00+07:00")).toMatchObject({ meeting_date: "2026-07-03" });
  });

  it("reads \"Đ/c Huyền phụ trách hôm đó đi tập huấn … nên không dự\" as the cadre absent", () => {
    expect(read("monthly-meeting", "cb thôn Hạ sh tháng 8 ngày 6/8 từ 19h30 đến 21h30 ạ, có mặt 27/30, vắng 3 có lý do. Đ/c Huyền phụ trách hôm đó đi tập huấn trên tỉnh nên không dự ạ.", "2026-08-08T10:00:00+07:00")).toMatchObject({ cadre_present: false, cadre_name: "Huyền" });
  });
});

describe("the cadre named after \"là a\" (twelfth round)", () => {
  it("reads \"cấp ủy phụ trách là a Tuấn có dự\"", () => {
    expect(read("monthly-meeting", "tháng 7 cb thôn 3 Ea Sol sh ngày 8/7 ạ, tại nhà văn hóa. có mặt 21/23. cấp ủy phụ trách là a Tuấn có dự ạ", "2026-07-09T10:00:00+07:00")).toMatchObject({ cadre_present: true, cadre_name: "Tuấn" });
  });
});

describe("a list of those on probation, a receiver named with the desk (twelfth round)", () => {
  it("reads the members listed under \"Danh sách đảng viên dự bị …\" as those still waiting", () => {
    const text = "CHI BỘ THÔN SƠN THỦY\nDanh sách đảng viên dự bị đến 30/6/2026\n\nTT\tHọ và tên\tNgày kết nạp\tDự kiến chuyển chính thức\tGhi chú\n1\tPhan Văn Đông\t03/9/2025\t09/2026\tđang làm hồ sơ\n2\tLê Thị Mỹ Duyên\t19/12/2025\t12/2026\t\n\nTổng hợp quý II năm 2026: kết nạp 0; chuyển chính thức 0.";
    expect(read("admissions", text, "2026-07-02T10:00:00+07:00")).toMatchObject({ pending_full: ["Phan Văn Đông", "Lê Thị Mỹ Duyên"] });
  });

  it("takes the desk, not the person, from \"Bên nhận: đ/c … – kế toán Văn phòng Đảng ủy xã\"", () => {
    const text = "BIÊN BẢN GIAO NHẬN ĐẢNG PHÍ\nHôm nay, ngày 27/10/2026, tại Văn phòng Đảng ủy xã Đông Sơn, chúng tôi gồm:\nBên giao: Chi bộ thôn Yên Trung – đ/c Lê Thị Hoa, chi ủy viên.\nBên nhận: đ/c Trịnh Văn Sáng – kế toán Văn phòng Đảng ủy xã.\nNội dung: Bên giao nộp đảng phí tháng 10/2026 của 37/37 đảng viên. Tổng số thu: 518.000 đồng; chi bộ trích giữ lại 155.400 đồng; số tiền nộp: 362.600 đồng.";
    expect(read("party-dues", text, "2026-10-27T15:00:00+07:00")).toMatchObject({ paid: 37, amount_vnd: 518000, retained_vnd: 155400, remitted_vnd: 362600, remitted_to: "kế toán văn phòng đảng ủy xã" });
  });
});

describe("unpaid members named by how they are addressed (twelfth round)", () => {
  it("reads \"con 2 dv chua nop la a Chin Tam va chi Ut Nhi\" and \"con 2 O Loan voi chu Thu chua nop\"", () => {
    expect(read("party-dues", "dang phi thang 4 ap Hoa Loi: thu 21/23 dv, duoc 315k, con 2 dv chua nop la a Chin Tam va chi Ut Nhi, chua nop len xa", "2026-05-05T10:00:00+07:00")).toMatchObject({ unpaid: 2, unpaid_names: ["Chin Tam", "Ut Nhi"] });
    expect(read("party-dues", "dang phi thang 4 thon Phu Xuan: thu 19/21, con 2 O Loan voi chu Thu chua nop do di Sai Gon chua ve, so tien 248 nghin", "2026-05-05T10:00:00+07:00")).toMatchObject({ unpaid: 2, unpaid_names: ["Loan", "Thu"] });
  });
});

describe("a form's leaders typed as ellipses; a count of two digits after \"có mặt:\" (twelfth round)", () => {
  it("reads \"Chi bộ ấp: ……Trà Teo……\" as a form's blank filled in", () => {
    const text = "MẪU BÁO CÁO SHCB HẰNG THÁNG (kèm Công văn số 45-CV/ĐU)\nChi bộ ấp: ……Trà Teo……          Tháng: ……11/2026……\nNgày sinh hoạt: ……05/11/2026……   Giờ: từ ……7h30…… đến ……9h15……\nĐịa điểm: ……Nhà văn hóa ấp……\nTổng số đảng viên: ……31……   Có mặt: ……24……";
    expect(read("monthly-meeting", text, "2026-11-06T10:00:00+07:00")).toMatchObject({ period: "2026-11", meeting_date: "2026-11-05", place: "nhà văn hóa ấp", members_expected: 31, present: 24 });
  });

  it("reads a report that says the cadre let the cell go on (\"đã giao chi bộ chủ động tổ chức\") after \"có mặt: 25\", no directive", () => {
    const text = "Chi bộ xóm 12 tổ chức sinh hoạt định kỳ vào ngày 07 tháng 11 năm 2026 tại nhà đ/c Bí thư chi bộ.\nTổng số đảng viên triệu tập: 28 đồng chí; có mặt: 25 đồng chí; vắng: 03 đồng chí, đều có lý do.\nĐồng chí Cao Văn Thắng – Đảng ủy viên phụ trách chi bộ – vắng do đi họp tại tỉnh, đã giao chi bộ chủ động tổ chức.";
    expect(read("monthly-meeting", text, "2026-11-09T10:00:00+07:00")).toMatchObject({ meeting_date: "2026-11-07", members_expected: 28, present: 25, absent_total: 3, absent_excused: 3 });
  });
});

describe("chat in the South and the Highlands: \"hông\", levels with a dash, the cadre of a cluster (twelfth round)", () => {
  it("reads \"hông có gì thay đổi\" as unchanged and \"2 hông phép\" as without leave", () => {
    expect(read("village-quarterly", "Dạ ấp Phước Thọ quý 2 số liệu y chang quý 1 hông có gì thay đổi hết nha chị 🙏", "2026-07-03T10:00:00+07:00")).toMatchObject({ period: "2026-Q2", unchanged: true });
    expect(read("monthly-meeting", "chi bộ ấp Kênh Xáng tháng 12 họp ngày 13/12, 31 đv, có mặt 27, vắng 4 (2 có phép, 2 hông phép).", "2026-12-14T10:00:00+07:00")).toMatchObject({ absent_total: 4, absent_excused: 2, absent_unexcused: 2 });
  });

  it("reads \"HTXS - 2\" a line each, and \"Đ/c Hoàng phụ trách cụm có dự\"", () => {
    expect(read("annual-rating", "Buôn Ea Nao - xếp loại ĐV 2026:\nHTXS - 2\nHTT - 20\nHT - 1\nKHT - 1 (đ/c Y Thông, bỏ sh 4 kỳ)\nKo XL - 0\nChi bộ: tự nhận HT ạ.", "2026-12-20T10:00:00+07:00")).toMatchObject({ htxs: 2, htt: 20, ht: 1, kht: 1, cell_self_level: "HT" });
    expect(read("monthly-meeting", "Chi bo thon Dong Xa bc sh thuong ky thang 3: ngay 5/3/2026 tai nha van hoa thon. Tong so dv 27, co mat 24. Đ/c Hoàng phụ trách cụm có dự.", "2026-03-06T10:00:00+07:00")).toMatchObject({ cadre_present: true, cadre_name: "Hoàng" });
  });
});

describe("a share beside each count (twelfth round)", () => {
  it("reads the count's column, not the percentage's, by level and by year", () => {
    expect(read("annual-rating", "Chi bộ thôn Làng Mạ – tổng hợp xếp loại đảng viên năm 2026\n\nMức xếp loại\tTỷ lệ %\tSố lượng\nHoàn thành xuất sắc nhiệm vụ\t9,1\t2\nHoàn thành tốt nhiệm vụ\t68,2\t15\nHoàn thành nhiệm vụ\t18,2\t4\nKhông hoàn thành nhiệm vụ\t4,5\t1", "2026-12-20T10:00:00+07:00")).toMatchObject({ htxs: 2, htt: 15, ht: 4, kht: 1 });
    const years = "Chi bộ TDP 11 – Kết quả xếp loại ĐV (so sánh 2 năm), dán từ Excel:\n\nMức xếp loại\tNăm 2024 (SL)\tNăm 2024 (%)\tNăm 2025 (SL)\tNăm 2025 (%)\nHTXSNV\t7\t11,7\t8\t13,1\nHTTNV\t44\t73,3\t45\t73,8\nHTNV\t8\t13,3\t8\t13,1\nKHTNV\t1\t1,7\t0\t0";
    expect(read("annual-rating", years, "2026-01-10T10:00:00+07:00")).toMatchObject({ period: "2025", htxs: 8, htt: 45, ht: 8, kht: 0 });
  });
});

describe("a plan's sum beside what was collected (twelfth round)", () => {
  it("reads \"Thực thu: 1.950.000đ\" as collected, not the plan above it, and \"trích giữ 585.000đ\" as kept", () => {
    const text = "Chi bộ bản Pá Khôm – Báo cáo thu nộp đảng phí quý II/2026\n- Kế hoạch thu quý II (theo dự toán đầu năm): 2.100.000đ\n- Thực thu: 1.950.000đ, đạt 92,9% kế hoạch.\n- Số ĐV phải đóng: 18; đã đóng: 17.\n- Chi bộ trích giữ 585.000đ; số còn lại 1.365.000đ đã nộp Văn phòng Đảng ủy xã ngày 10/7/2026.";
    expect(read("party-dues", text, "2026-07-11T10:00:00+07:00")).toMatchObject({ amount_vnd: 1950000, retained_vnd: 585000, remitted_vnd: 1365000, remitted_date: "2026-07-10" });
  });
});

describe("a sheet of one period with how each figure moved (twelfth round)", () => {
  it("reads \"Chỉ tiêu | ĐVT | Quý III/2026 | So với quý II | Ghi chú\" by the period's column, no \"unchanged\" from its cells", () => {
    const text = "CHI BỘ BẢN SÌ THÂU CHẢI – XÃ SÌ LỞ LẦU\nBiểu cập nhật cơ sở dữ liệu quý III/2026\n\nChỉ tiêu\tĐVT\tQuý III/2026\tSo với quý II\tGhi chú\nHộ gia đình\thộ\t96\ttăng 2\ttách hộ\nNhân khẩu\tngười\t571\ttăng 5\t\nDiện tích tự nhiên\tha\t2.310\tkhông đổi\t\nHộ nghèo\thộ\t44\tgiảm 3\t\nĐảng viên\tngười\t13\tkhông đổi\tdự bị: 0\nHội Phụ nữ\thội viên\t88\ttăng 1\t";
    const r = read("village-quarterly", text, "2026-10-05T10:00:00+07:00");
    expect(r).toMatchObject({ period: "2026-Q3", households: 96, population: 571, area_km2: 23.1, poor_households: 44, members: 13, probationary: 0, women_union: 88 });
    expect(r.unchanged).toBeUndefined();
  });
});

describe("office layouts of party development (thirteenth round)", () => {
  it("reads a breakdown after \"Cơ cấu:\" and shares of those admitted (\"2/3 là nữ\", \"100% là người Thái\")", () => {
    const structure = "Chi bộ ấp Sóc Ớt báo cáo công tác phát triển đảng năm 2026:\n1. Kết nạp: 04 đảng viên (năm 2025: 02). Cơ cấu: nữ 2, đoàn viên 3, người Khmer 4, có đạo (Phật giáo Nam tông) 4, học sinh – sinh viên 0.\n2. Chuyển chính thức: 02 đ/c (Thạch Sa Wat, Danh Thị Bô Pha).";
    expect(read("admissions", structure, "2027-01-05T10:00:00+07:00")).toMatchObject({ admitted: 4, women: 2, youth_union: 3, ethnic_minority: 4, religious: 4, students: 0, made_full: 2 });
    const shares = "Chi bộ bản Piêng Phô báo cáo quý III/2026: kết nạp 03 quần chúng: Lô Thị Hoa, Vi Văn Lâm, Lang Thị Ngọc – 100% là người dân tộc Thái, 2/3 là nữ, 3/3 là đoàn viên.";
    expect(read("admissions", shares, "2026-10-05T10:00:00+07:00")).toMatchObject({ admitted: 3, women: 2, ethnic_minority: 3, youth_union: 3 });
  });

  it("reads the quarter's column beside the year so far, and a header of merged cells over its sub-columns", () => {
    const quarters = "Ấp Phước Hòa (xã Long Hiệp) – phát triển đảng, báo cáo quý II/2026:\nChỉ tiêu\tQuý I\tQuý II\tLũy kế 6 tháng\nKết nạp mới\t1\t2\t3\n  - Nữ\t0\t1\t1\n  - Đoàn viên\t1\t2\t3\n  - Dân tộc Khmer\t1\t2\t3\n  - Theo Phật giáo Nam tông\t0\t1\t1\nChuyển chính thức\t0\t1\t1";
    expect(read("admissions", quarters, "2026-07-05T10:00:00+07:00")).toMatchObject({ period: "2026-Q2", admitted: 2, women: 1, youth_union: 2, ethnic_minority: 2, religious: 1, made_full: 1 });
    const merged = "VP nhận số liệu PTĐV quý I/2026 của thôn Đinh Xá qua email, dán vào đây để tổng hợp:\nĐơn vị\tKết nạp\t\t\t\tChuyển CT\tDự bị chưa chuyển CT\n\tTổng\tNữ\tĐVTN\tHS-SV\t\t\nCB thôn Đinh Xá\t2\t1\t1\t1\t1\tLại Văn Chung; Trịnh Thị Hải Yến; Lại Thị Ngân";
    expect(read("admissions", merged, "2026-04-05T10:00:00+07:00")).toMatchObject({ admitted: 2, women: 1, youth_union: 1, students: 1, made_full: 1, pending_full: ["Lại Văn Chung", "Trịnh Thị Hải Yến", "Lại Thị Ngân"] });
  });

  it("reads a plan and a result by year with a share column, and a form's \"chưa xét chính thức (ghi rõ họ tên)\"", () => {
    const plan = "CHI BỘ THÔN BÀN LAI – KẾT QUẢ PHÁT TRIỂN ĐẢNG VIÊN NĂM 2026\n| Nội dung | Kế hoạch 2026 | Thực hiện 2026 | Tỷ lệ |\n|---|---|---|---|\n| Kết nạp đảng viên mới | 2 | 3 | 150% |\n| - trong đó nữ | | 1 | |\n| Chuyển đảng chính thức | 1 | 1 | 100% |\nGhi chú: toàn Đảng bộ xã năm 2026 kết nạp 27 đảng viên.";
    expect(read("admissions", plan, "2027-01-05T10:00:00+07:00")).toMatchObject({ admitted: 3, women: 1, made_full: 1 });
    const form = "Năm: 2026\n1. Số quần chúng được kết nạp trong năm: 03\n3. Số đảng viên dự bị chưa xét chính thức (ghi rõ họ tên): Lê Thị Thúy Hằng, Đặng Văn Quân\n4. Kế hoạch năm 2027: kết nạp 03 đảng viên.";
    expect(read("admissions", form, "2026-12-29T14:20:00+07:00")).toMatchObject({ admitted: 3, pending_full: ["Lê Thị Thúy Hằng", "Đặng Văn Quân"] });
  });

  it("reads no count from a heading's next item number, \"còn dự bị, đến tháng 3/2027 mới đủ\", and a correction of one trait", () => {
    const heading = "Kết quả công tác phát triển đảng viên năm 2026\nThực hiện: kết nạp 02 đảng viên.\nII. CÔNG NHẬN ĐẢNG VIÊN CHÍNH THỨC\n1. Đã được công nhận chính thức 01 đồng chí (đ/c Trần Văn Hưng, kết nạp tháng 11/2025).";
    expect(read("admissions", heading, "2026-12-29T14:20:00+07:00")).toMatchObject({ admitted: 2, made_full: 1 });
    expect(read("admissions", "Quý này chi bộ thôn Mạc Xá không kết nạp mới. Đ/c Mạc Đăng Thịnh còn dự bị, đến tháng 3/2027 mới đủ 12 tháng.", "2026-12-30T10:00:00+07:00")).toMatchObject({ admitted: 0, pending_full: ["Mạc Đăng Thịnh"] });
    const fix = "CB xóm Phú Yên báo cáo quý II/2026: kết nạp 2 đ/c (1 nữ), cả 2 đều theo đạo Công giáo, 1 đ/c là đoàn viên — xin sửa lại: cả 2 đ/c đều là đoàn viên.";
    expect(read("admissions", fix, "2026-07-05T10:00:00+07:00")).toMatchObject({ admitted: 2, women: 1, religious: 2, youth_union: 2 });
  });
});

describe("non-reports that look like reports (thirteenth round)", () => {
  const refusal = (form: FormName, text: string, now: string): unknown => parseReport(form, text, { now: new Date(now) });
  it("refuses a correction of a report sent the day before, a target for each cell and the committee's guidance", () => {
    expect(refusal("village-quarterly", "Bổ sung: hôm qua em báo nhầm hộ nghèo thôn Nà Làng quý 1 là 18, đúng ra là 16 hộ ạ, các số khác giữ nguyên", "2026-04-06T10:00:00+07:00")).toEqual({ ok: false, errors: ["not_a_report: correction"] });
    expect(refusal("admissions", "ĐUX giao chỉ tiêu năm 2026: mỗi chi bộ thôn kết nạp ít nhất 1 đv, ưu tiên nữ, đoàn viên, người dân tộc thiểu số. Chi bộ nào quý 1 chưa kết nạp được ai thì báo cáo lý do.", "2026-01-15T10:00:00+07:00")).toEqual({ ok: false, errors: ["not_a_report: directive"] });
    expect(refusal("annual-rating", "ĐUX hướng dẫn: kiểm điểm, đánh giá xếp loại chất lượng đảng viên năm 2026 hoàn thành trước 25/12. Tỷ lệ HTXS không vượt quá 20% số đv xếp loại HTT. Đv mới kết nạp chưa đủ 6 tháng thì không xếp loại.", "2026-12-01T10:00:00+07:00")).toEqual({ ok: false, errors: ["not_a_report: directive"] });
  });
});

describe("an office's notices and a secretary's numbered questions (thirteenth round)", () => {
  const refusal = (form: FormName, text: string, now: string): unknown => parseReport(form, text, { now: new Date(now) });
  it("refuses the office's notice titled on its own line under a letterhead, naming the cells that have not paid", () => {
    const text = "ĐẢNG BỘ XÃ NAM SƠN\t\tĐẢNG CỘNG SẢN VIỆT NAM\nVĂN PHÒNG ĐẢNG ỦY\nSố 18-TB/VPĐU\t\tNam Sơn, ngày 10 tháng 7 năm 2026\n\nTHÔNG BÁO\nVề việc nộp đảng phí quý II/2026\n\nTính đến ngày 10/7/2026, còn 03 chi bộ chưa nộp đảng phí tháng 6/2026 về Văn phòng Đảng ủy:\nSTT\tChi bộ\tSố đảng viên\tSố tiền phải nộp (đ)\n1\tThôn Đông\t31\t420.000\n2\tThôn Bắc\t27\t385.000\nĐề nghị các chi bộ trên nộp trước ngày 15/7/2026. Các chi bộ đã nộp đủ không phải báo cáo lại.";
    expect(refusal("party-dues", text, "2026-07-10T10:00:00+07:00")).toEqual({ ok: false, errors: ["not_a_report: directive"] });
  });

  it("reads an invitation (\"GIẤY MỜI\") to the month's meeting as its notice", () => {
    const text = "CHI BỘ THÔN HẠ\t\tĐẢNG CỘNG SẢN VIỆT NAM\nGIẤY MỜI\nKính gửi: đ/c Nguyễn Thị Phương - Ủy viên Ban Thường vụ Đảng ủy xã\n\nChi bộ thôn Hạ trân trọng kính mời đồng chí dự sinh hoạt chi bộ thường kỳ tháng 10/2026.\n- Thời gian: 19 giờ 30 phút, thứ Năm ngày 15/10/2026.\n- Địa điểm: Nhà văn hóa thôn Hạ.\nChi bộ hiện có 25 đảng viên (02 đ/c miễn sinh hoạt).";
    const r = parseReport("monthly-meeting", text, { now: new Date("2026-10-10T10:00:00+07:00") });
    expect(r.ok && r.warnings.some((w) => w.startsWith("meeting_notice"))).toBe(true);
    expect(r.ok && r.fields).toMatchObject({ meeting_date: "2026-10-15", start_time: "19:30" });
  });

  it("refuses a few figures of the cell followed by \"Cho em hỏi:\" and numbered questions", () => {
    const text = "Kính gửi Văn phòng Đảng ủy phường,\nChi bộ em có 25 đảng viên, trong đó 3 đ/c hưu trí lương khoảng 8.500.000đ/tháng, còn lại là lao động tự do. Cho em hỏi:\n1. Đảng viên hưu trí đóng 0,5% lương hưu hay 1% ạ? Nếu 1% thì mỗi đ/c 85.000đ đúng không?\n2. Chi bộ trực thuộc đảng ủy phường được giữ lại 30% hay 50% số thu?\nEm cảm ơn!";
    expect(refusal("party-dues", text, "2026-06-02T10:00:00+07:00")).toEqual({ ok: false, errors: ["not_a_report: question"] });
  });
});

describe("dues from an office's ledgers and records (thirteenth round)", () => {
  it("reads a ledger's sum of what was paid, not of what was due, and who paid from its count", () => {
    const text = "SỔ THU ĐẢNG PHÍ THÁNG 02/2026 - CHI BỘ KHU PHỐ 2\nSTT\tHọ và tên\tĐối tượng\tMức đóng (đ)\tĐã nộp (đ)\tKý nhận\n1\tNguyễn Văn Thọ\tHưu trí\t120.000\t120.000\tx\n2\tTrần Thị Lan\tHưu trí\t95.000\t95.000\tx\n3\tĐỗ Văn Bình\tLao động tự do\t5.000\t0\t\nCộng\t\t\t220.000\t215.000\t2/3\nChi bộ chưa nộp lên Đảng ủy phường.";
    expect(read("party-dues", text, "2026-03-05T10:00:00+07:00")).toMatchObject({ amount_vnd: 215000, paid: 2, liable: 3, remitted: false });
  });

  it("reads the month's row beside the year so far, and no 'đóng' in a place called Đồng Xa", () => {
    const text = "Chi bộ Tổ dân phố Đồng Xa - báo cáo đảng phí tháng 4/2026 (kèm lũy kế từ đầu năm)\nNội dung\tSố ĐV phải đóng\tĐã đóng\tChưa đóng\tSố tiền thu (đ)\tNộp ĐU phường (đ)\tGiữ lại CB (đ)\nTháng 4/2026\t36\t35\t1\t2.340.000\t1.638.000\t702.000\nLũy kế 4 tháng\t—\t—\t—\t9.215.000\t6.450.500\t2.764.500";
    expect(read("party-dues", text, "2026-05-09T10:00:00+07:00")).toMatchObject({ liable: 36, paid: 35, unpaid: 1, amount_vnd: 2340000, remitted_vnd: 1638000, retained_vnd: 702000, remitted_to: "đảng ủy phường" });
  });

  it("reads the unpaid listed a bulleted line each, and 'chưa làm thủ tục nộp lên' as not remitted", () => {
    const text = "BÁO CÁO TÌNH HÌNH THU ĐẢNG PHÍ THÁNG 7/2026\n- Đảng viên phải đóng: 33\n- Đã đóng: 30\n- Chưa đóng: 03, gồm:\n   + Đ/c Hà Văn Thiết - đi làm ăn ở TP. Hồ Chí Minh, đã liên hệ, hẹn gửi tiền về tháng sau;\n   + Đ/c Quách Thị Nga - ốm dài ngày;\n   + Đ/c Bùi Văn Khởi - chưa rõ lý do.\n- Số tiền đã thu: 1.170.000 đ\nDo chưa thu đủ nên chi bộ chưa làm thủ tục nộp lên Đảng ủy xã.";
    expect(read("party-dues", text, "2026-08-02T10:00:00+07:00")).toMatchObject({ unpaid: 3, unpaid_names: ["Hà Văn Thiết", "Quách Thị Nga", "Bùi Văn Khởi"], remitted: false });
  });

  it("reads a handover record: the sum handed over, the office that received it and the day", () => {
    const text = "BIÊN BẢN GIAO NHẬN TIỀN ĐẢNG PHÍ\nHôm nay, ngày 07/7/2026, tại Văn phòng Đảng ủy xã, chúng tôi gồm:\nBên giao: Chi bộ buôn Ea Ktur - Đại diện: đ/c Y Krăk Êban, Bí thư chi bộ.\nBên nhận: Văn phòng Đảng ủy xã - Đại diện: đ/c Nguyễn Thị Kim Oanh, kế toán.\nHai bên thống nhất giao nhận tiền đảng phí tháng 6/2026 như sau:\n- Tổng số tiền chi bộ đã thu: 840.000 đồng.\n- Chi bộ được trích giữ lại: 252.000 đồng.\n- Số tiền giao nộp: 588.000 đồng.";
    expect(read("party-dues", text, "2026-07-08T10:00:00+07:00")).toMatchObject({ amount_vnd: 840000, remitted: true, remitted_vnd: 588000, remitted_to: "văn phòng đảng ủy xã", remitted_date: "2026-07-07", retained_vnd: 252000 });
  });
});

describe("party development on the office's forms (thirteenth round)", () => {
  it("reads a coded form ('Mã | Chỉ tiêu | Số lượng') and a dotted monthly form with 'đang chờ quyết định … (ghi họ tên):'", () => {
    const coded = "BIỂU 2-PTĐ\nKỳ báo cáo: Quý II năm 2026\nMã\tChỉ tiêu\tSố lượng\n01\tSố đảng viên mới kết nạp\t2\n02\t- Trong đó: Nữ\t1\n03\t- Dân tộc thiểu số\t2\n04\t- Người có đạo\t0\n07\tSố đảng viên dự bị được công nhận chính thức\t3";
    expect(read("admissions", coded, "2026-07-05T10:00:00+07:00")).toMatchObject({ period: "2026-Q2", admitted: 2, women: 1, ethnic_minority: 2, religious: 0, made_full: 3 });
    const dotted = "BÁO CÁO NHANH CÔNG TÁC ĐẢNG VIÊN THÁNG .....05...../2026\n1. Số đảng viên kết nạp trong tháng: .....01.....\n   Trong đó: nữ .....01..... ; dân tộc thiểu số .....0.....\n2. Số đảng viên được công nhận chính thức trong tháng: .....0.....\n3. Đảng viên dự bị đang chờ quyết định công nhận chính thức (ghi họ tên): .....Đinh Quốc Thái.....";
    expect(read("admissions", dotted, "2026-06-02T10:00:00+07:00")).toMatchObject({ period: "2026-05", admitted: 1, women: 1, ethnic_minority: 0, made_full: 0, pending_full: ["Đinh Quốc Thái"] });
  });

  it("reads each admitted member's traits after 'kết nạp 02 đảng viên mới:', and a list whose title is a line above the cell", () => {
    const each = "Trong tháng 8/2026, chi bộ kết nạp 02 đảng viên mới:\n- Đ/c Lâm Thị Sà Rết: nữ, dân tộc Khmer, theo Phật giáo Nam tông, đoàn viên, giáo viên tiểu học;\n- Đ/c Kim Văn Phúc: nam, dân tộc Khmer, không theo tôn giáo, đoàn viên, dân quân ấp.";
    expect(read("admissions", each, "2026-09-01T10:00:00+07:00")).toMatchObject({ admitted: 2, women: 1, ethnic_minority: 2, religious: 1, youth_union: 2 });
    const list = "DANH SÁCH ĐẢNG VIÊN ĐƯỢC KẾT NẠP NĂM 2025\nChi bộ bản Nà Hìn\nSTT\tHọ và tên\tNăm sinh\tGiới tính\tDân tộc\tĐoàn viên\n1\tLò Thị Hương\t2001\tNữ\tThái\tx\n2\tVì Văn Duẩn\t2007\tNam\tThái\tx\n3\tNguyễn Văn Bảo\t1990\tNam\tKinh\t";
    expect(read("admissions", list, "2026-01-10T10:00:00+07:00")).toMatchObject({ admitted: 3, women: 1, ethnic_minority: 2, youth_union: 2 });
  });
});

describe("ratings in an office's layouts (thirteenth round)", () => {
  it("reads '(HTXS/HTT/HT/KHT/Không XL): 2/15/4/0/1', labels first then their figures", () => {
    expect(read("annual-rating", "Kết quả XL ĐV năm 2025 (HTXS/HTT/HT/KHT/Không XL): 2/15/4/0/1\nCB tự XL: HT", "2026-01-10T10:00:00+07:00")).toMatchObject({ htxs: 2, htt: 15, ht: 4, kht: 0, unrated: 1, cell_self_level: "HT" });
  });

  it("counts the unrated once when a note restates them, and none when 40/40 took part", () => {
    const sheet = "Chi bộ\tTổng số ĐV\tSố ĐV được đánh giá\tHTXS\tHTT\tHT\tKHT\tKhông đánh giá\tChi bộ tự xếp loại\nChi bộ thôn Tiên Phong\t44\t42\t6\t30\t6\t0\t2\tHTXS\nGhi chú: 02 đ/c không đánh giá là đảng viên miễn sinh hoạt. Kết quả xếp loại năm 2026.";
    expect(read("annual-rating", sheet, "2026-12-20T10:00:00+07:00")).toMatchObject({ htxs: 6, htt: 30, ht: 6, kht: 0, unrated: 2, cell_self_level: "HTXS" });
    const all = "Tổng số đảng viên: 40; tham gia đánh giá: 40/40 (100%).\nXếp loại HTXS: 6 đ/c = 15%\nXếp loại HTT: 28 đ/c = 70%\nXếp loại HT: 5 đ/c = 12,5%\nXếp loại KHT: 1 đ/c = 2,5%";
    expect(read("annual-rating", all, "2026-12-20T10:00:00+07:00")).toMatchObject({ htxs: 6, htt: 28, ht: 5, kht: 1, unrated: 0 });
  });

  it("reads a count in brackets after its level, 'tất cả đều được đánh giá', and a level in quotes", () => {
    const text = "Chi bộ có hai mươi đảng viên, tất cả đều được đánh giá, xếp loại. Kết quả:\n1. Hoàn thành xuất sắc nhiệm vụ (03 đ/c): Thào Seo Lử, Lù Thị Mai, Phạm Văn Toàn.\n2. Hoàn thành tốt nhiệm vụ: mười bốn đồng chí.\n3. Hoàn thành nhiệm vụ: ba đồng chí.\n4. Không hoàn thành nhiệm vụ: không.\nIV. TỰ ĐÁNH GIÁ, XẾP LOẠI CỦA CHI BỘ\nCăn cứ các tiêu chí theo hướng dẫn, chi bộ tự nhận mức \"Hoàn thành xuất sắc nhiệm vụ\".";
    expect(read("annual-rating", text, "2026-12-20T10:00:00+07:00")).toMatchObject({ htxs: 3, htt: 14, ht: 3, kht: 0, unrated: 0, cell_self_level: "HTXS" });
  });
});

describe("a meeting's roll and its absent from an office's sheets (thirteenth round)", () => {
  it("reads a roll call with 'Vắng có lý do' and 'Vắng không lý do' columns", () => {
    const text = "DANH SÁCH ĐIỂM DANH ĐẢNG VIÊN DỰ SINH HOẠT CHI BỘ\nChi bộ thôn Phú Lễ - Ngày 08/11/2026, từ 8h00 đến 10h15, tại hội trường thôn\nSTT\tHọ và tên\tCó mặt\tVắng có lý do\tVắng không lý do\tGhi chú\n1\tNguyễn Hữu Tình\tx\t\t\tBí thư\n2\tLê Văn Bảy\t\tx\t\tĐi viện\n3\tTrương Công Minh\tx\t\t\t\n4\tNguyễn Văn Cư\t\t\tx\t\n5\tLê Thị Lụa\t\tx\t\t\nCộng\t\t2\t2\t1\t";
    expect(read("monthly-meeting", text, "2026-11-09T08:30:00+07:00")).toMatchObject({
      members_expected: 5, present: 2, absent_total: 3, absent_excused: 2, absent_unexcused: 1,
      absentees: [{ name: "Lê Văn Bảy", excused: true, reason: "Đi viện" }, { name: "Nguyễn Văn Cư", excused: false }, { name: "Lê Thị Lụa", excused: true }],
    });
  });

  it("reads a list of the absent with a 'Có báo cáo trước' column under 'DANH SÁCH ĐẢNG VIÊN VẮNG MẶT', and a task handed to a titled comrade", () => {
    const text = "Chi bộ sinh hoạt ngày 09/8/2026 tại nhà sinh hoạt cộng đồng thôn 6.\nSĩ số: 26/30 (có mặt/tổng số đảng viên).\n\nDANH SÁCH ĐẢNG VIÊN VẮNG MẶT\n| STT | Họ và tên | Lý do vắng | Có báo cáo trước |\n| 1 | Y Bhin Niê | Đi chăm vợ ốm | Có |\n| 2 | Nguyễn Đình Khôi | (không rõ) | Không |\n| 3 | H'Linh Mlô | Đi tập huấn | Có |\n| 4 | Trần Quốc Bảo | Đi làm rẫy xa | Có |\n\nChi bộ giao đ/c Phan Văn Lực (trưởng thôn) lấy ý kiến nhân dân về dự thảo quy ước, tổng hợp trước ngày 25/8/2026.";
    const r = read("monthly-meeting", text, "2026-08-10T08:30:00+07:00");
    expect(r).toMatchObject({ present: 26, members_expected: 30, absent_total: 4, absent_excused: 3, absent_unexcused: 1 });
    expect((r.absentees as { name: string; excused: boolean }[]).map((a) => [a.name, a.excused])).toEqual([["Y Bhin Niê", true], ["Nguyễn Đình Khôi", false], ["H'Linh Mlô", true], ["Trần Quốc Bảo", true]]);
    expect(r.resolutions).toEqual([{ task: "lấy ý kiến nhân dân về dự thảo quy ước, tổng hợp", owner: "Phan Văn Lực", due: "2026-08-25" }]);
  });
});

describe("chat reports with slips and spoken figures (thirteenth round)", () => {
  it("reads '21 phải đóng', no fraction from 'Hôm nay 8/10', money half in words and 'còn lại chi bộ giữ'", () => {
    const text = "Chi bộ có 21 đảng viên phải đóng, đã đóng 20 đ/c, còn đ/c Lò Văn Ún đang đi lao động bên Hàn Quốc chưa gửi tiền về. Tổng thu được 1 triệu không trăm năm mươi nghìn đồng. Hôm nay 8/10 tôi đã mang xuống nộp văn phòng Đảng ủy xã 735.000đ, còn lại chi bộ giữ theo quy định.";
    expect(read("party-dues", text, "2026-10-08T16:20:00+07:00")).toMatchObject({ liable: 21, paid: 20, unpaid: 1, amount_vnd: 1050000, remitted_vnd: 735000, retained_vnd: 315000, remitted_date: "2026-10-08" });
    expect(read("party-dues", "Đảng phí tháng 9: 21 phải đóng, đã đóng 20.", "2026-10-02T10:00:00+07:00")).toMatchObject({ liable: 21, paid: 20 });
  });

  it("reads the absent a line each under 'vắng:' with no bullet, and a day taken back with 'à ko'", () => {
    const text = "Chi bộ bản Pác Nặm sh t2 ngày 25/2 à ko 26/2 mới đúng (mùng 10 tết). 17/20 đv dự. vắng:\nLục Văn Sình - đi làm Bắc Ninh, có xin phép\nHà Thị Nhung - ốm, có xin phép\nVi Văn Cường - k lý do\nhọp từ 8h đến 10h sáng tại nhà văn hóa bản";
    expect(read("monthly-meeting", text, "2026-02-27T06:55:00+07:00")).toMatchObject({
      meeting_date: "2026-02-26", present: 17, absent_excused: 2, absent_unexcused: 1,
      absentees: [{ name: "Lục Văn Sình", excused: true, reason: "đi làm Bắc Ninh" }, { name: "Hà Thị Nhung", excused: true, reason: "ốm" }, { name: "Vi Văn Cường", excused: false }],
    });
  });

  it("reads 'à xin lỗi 3 thôi' as the count meant, and a breakdown in a sentence of its own ('Trong 3 đ/c có 2 nữ, …')", () => {
    const text = "Quý 4/2025 chi bộ kết nạp 4 đv, à xin lỗi 3 thôi ạ, còn 1 hồ sơ ĐUX chưa duyệt. Trong 3 đ/c có 2 nữ, 1 đ/c theo đạo Công giáo. Chuyển chính thức 2 đ/c.";
    expect(read("admissions", text, "2026-01-05T10:10:00+07:00")).toMatchObject({ admitted: 3, women: 2, religious: 1, made_full: 2 });
    expect(read("admissions", "Quý 4/2025 chi bộ kết nạp 3 đv, trong đó 2 nữ, 1 đ/c theo Công giáo.", "2026-01-05T10:10:00+07:00")).toMatchObject({ admitted: 3, women: 2, religious: 1 });
  });
});

describe("quarters beside a plan and running totals (thirteenth round)", () => {
  it("reads the quarter the message names among a plan and running totals, and 'Dự bị chờ chính thức:'", () => {
    const text = "Chi bộ thôn Gò Rin – phát triển đảng quý II/2026\n\nNội dung\tChỉ tiêu năm 2026\tLũy kế hết quý I\tQuý II\tLũy kế 6 tháng\nKết nạp mới\t3\t0\t2\t2\n - Nữ\t1\t0\t1\t1\n - Dân tộc Hrê\t3\t0\t2\t2\nChuyển chính thức\t–\t1\t0\t1\n\nDự bị chờ chính thức: Đinh Văn Lợi, Đinh Thị Yến (cùng kết nạp ngày 19/5/2026).";
    expect(read("admissions", text, "2026-07-08T09:30:00+07:00")).toMatchObject({ period: "2026-Q2", admitted: 2, women: 1, ethnic_minority: 2, made_full: 0, pending_full: ["Đinh Văn Lợi", "Đinh Thị Yến"] });
  });

  it("reads quarters under an empty corner cell with a 'Cộng 9 tháng' column, and 'Dự bị chưa chính thức:'", () => {
    const text = "Thôn Làng Ranh – tình hình kết nạp đảng 9 tháng năm 2026 (đây là báo cáo quý III, gửi kèm lũy kế)\n\n\tQuý I\tQuý II\tQuý III\tCộng 9 tháng\nKết nạp\t1\t0\t2\t3\nTrong đó nữ\t0\t0\t1\t1\nChuyển chính thức\t0\t1\t1\t2\n\nDự bị chưa chính thức: Đinh Văn Bường (kết nạp 3/2026), Đinh Thị Nhung.";
    expect(read("admissions", text, "2026-10-04T10:30:00+07:00")).toMatchObject({ period: "2026-Q3", admitted: 2, women: 1, made_full: 1, pending_full: ["Đinh Văn Bường", "Đinh Thị Nhung"] });
  });

  it("leaves out the office's own note on a report it passes on", () => {
    const text = "Chuyển tiếp: báo cáo của CB thôn 3\nVP ghi chú: toàn Đảng bộ xã An Lão năm 2026 kết nạp được 14 đảng viên, đạt 116% chỉ tiêu.\n---\nChi bộ thôn 3 báo cáo kết quả phát triển đảng năm 2026:\n- Kết nạp: 04 đồng chí (chỉ tiêu 03) – gồm 02 nữ, 03 đoàn viên.";
    expect(read("admissions", text, "2027-01-05T10:00:00+07:00")).toMatchObject({ admitted: 4, women: 2, youth_union: 3 });
  });
});

describe("an office's summaries of one meeting (thirteenth round)", () => {
  it("reads one Excel row under many labels (day, times, counts, the cadre, the place)", () => {
    const text = "Thư ký CB ấp Sóc Tháp gửi VP Đảng ủy số liệu SHCB thường kỳ tháng 5 (dán từ file Excel):\nChi bộ\tTháng\tNgày SH\tGiờ BĐ\tGiờ KT\tTổng ĐV\tVắng KLD\tVắng CLD\tCó mặt\tCấp ủy dự\tĐịa điểm\nẤp Sóc Tháp\t05/2026\t06/05/2026\t07:30\t09:45\t23\t1\t2\t20\tThạch Sô Phal\tTrụ sở ấp";
    expect(read("monthly-meeting", text, "2026-05-08T10:00:00+07:00")).toMatchObject({ meeting_date: "2026-05-06", start_time: "07:30", end_time: "09:45", duration_min: 135, members_expected: 23, present: 20, absent_excused: 2, absent_unexcused: 1, cadre_present: true, cadre_name: "Thạch Sô Phal", place: "Trụ sở ấp" });
  });

  it("reads a 'Nội dung | Số liệu / kết quả' table, its agenda over rows with an empty first cell, and a cadre answered 'Vắng'", () => {
    const text = "TÓM TẮT KẾT QUẢ SINH HOẠT CHI BỘ THƯỜNG KỲ THÁNG 7/2026\n\n| Nội dung | Số liệu / kết quả |\n|---|---|\n| Ngày sinh hoạt | 10/7/2026 (thứ Sáu) |\n| Thời gian | 8h00 – 10h20 |\n| Tổng số đảng viên | 33 |\n| Có mặt | 27 |\n| Đ/c cấp ủy phụ trách | Vắng (đi tập huấn tại tỉnh) |\n| Nội dung chính | - Kiểm điểm nhiệm vụ tháng 6 |\n| | - Công tác phòng chống lụt bão năm 2026 |\n| | - Bàn việc thu hoạch lúa chiêm xuân |";
    expect(read("monthly-meeting", text, "2026-07-12T10:00:00+07:00")).toMatchObject({ meeting_date: "2026-07-10", start_time: "08:00", end_time: "10:20", members_expected: 33, present: 27, cadre_present: false, content_items: ["Kiểm điểm nhiệm vụ tháng 6", "Công tác phòng chống lụt bão năm 2026", "Bàn việc thu hoạch lúa chiêm xuân"] });
  });

  it("reads a formal report that cites a guideline 'về nội dung sinh hoạt chi bộ' before the meeting", () => {
    const text = "Thực hiện Hướng dẫn số 12-HD/BTGTW ngày 06/7/2012 của Ban Tuyên giáo Trung ương về nội dung sinh hoạt chi bộ, chi bộ xóm 12 tổ chức sinh hoạt định kỳ vào ngày 07 tháng 11 năm 2026 tại nhà đ/c Bí thư chi bộ (do nhà văn hóa xóm đang sửa chữa).\nTổng số đảng viên triệu tập: hai mươi tám (28) đồng chí; có mặt: hai mươi lăm (25) đồng chí; vắng: ba (03) đồng chí, đều có lý do.";
    expect(read("monthly-meeting", text, "2026-11-09T10:00:00+07:00")).toMatchObject({ meeting_date: "2026-11-07", members_expected: 28, present: 25, absent_total: 3, absent_excused: 3 });
  });
});

describe("dues on printed forms, records and sheets (thirteenth round, second part)", () => {
  it("reads a form's '(Họ tên: …)' and its receiver named bare before the desk", () => {
    const text = "PHIẾU NỘP ĐẢNG PHÍ\nNộp đảng phí tháng: .....4..... năm .....2026.....\nSố đảng viên trong danh sách đóng đảng phí: .....34..... đ/c\nSố đảng viên đã đóng: .....33..... đ/c; chưa đóng: .....01..... đ/c (Họ tên: .....Nguyễn Thị Vinh.....)\nTổng số tiền đảng phí đã thu: .....1.452.000 đ.....\nSố tiền nộp cấp trên: .....1.016.400 đ.....\nNgười nộp: .....Trần Đình Phong – Chi ủy viên.....     Người nhận: .....Võ Thị Hiền – Văn phòng Đảng ủy.....\nNgày nộp: .....07/5/2026.....";
    expect(read("party-dues", text, "2026-05-08T10:00:00+07:00")).toMatchObject({ liable: 34, paid: 33, unpaid_names: ["Nguyễn Thị Vinh"], amount_vnd: 1452000, remitted_vnd: 1016400, remitted_to: "văn phòng đảng ủy", remitted_date: "2026-05-07" });
  });

  it("reads a handover 'nộp cho bên nhận', one row under labels with shares in them, and months beside 'Cả quý'", () => {
    const handover = "BIÊN BẢN GIAO NHẬN ĐẢNG PHÍ\nHôm nay, ngày 10/11/2026, tại Văn phòng Đảng ủy phường Ô Chợ Dừa, chúng tôi gồm:\nBên giao: đ/c Lê Thị Hồng Nhung – Chi ủy viên, Chi bộ TDP số 19.\nBên nhận: đ/c Nguyễn Thu Trang – Văn phòng Đảng ủy phường.\n- Tổng số thu tại chi bộ: 5.120.000đ; chi bộ đã trích giữ lại 1.536.000đ.\n- Số tiền bên giao nộp cho bên nhận: 3.584.000đ.";
    expect(read("party-dues", handover, "2026-11-11T10:00:00+07:00")).toMatchObject({ amount_vnd: 5120000, remitted: true, remitted_vnd: 3584000, remitted_date: "2026-11-10", remitted_to: "văn phòng đảng ủy phường" });
    const row = "CB khối Tân Tiến – ĐP tháng 11/2026:\nSố tiền thu\tGiữ lại (30%)\tNộp ĐU (70%)\tNgày nộp\tPhải đóng\tĐã đóng\n2.268.000\t680.400\t1.587.600\t10/12/2026\t53\t52";
    expect(read("party-dues", row, "2026-12-12T10:00:00+07:00")).toMatchObject({ amount_vnd: 2268000, retained_vnd: 680400, remitted_vnd: 1587600, remitted_date: "2026-12-10", liable: 53, paid: 52 });
    const months = "TỔNG HỢP THU NỘP ĐẢNG PHÍ QUÝ IV/2025\n\nChỉ tiêu\tT10\tT11\tT12\tCả quý\nĐV phải đóng\t41\t41\t41\t41\nĐV đã đóng\t41\t40\t41\t41\nSố tiền (đ)\t3.280.000\t3.195.000\t3.450.000\t9.925.000";
    expect(read("party-dues", months, "2026-01-08T10:00:00+07:00")).toMatchObject({ period: "2025-Q4", liable: 41, paid: 41, amount_vnd: 9925000 });
  });

  it("reads no fraction from 'sáng nay 08/10'", () => {
    expect(read("party-dues", "Đảng phí quý 3: 31 phải đóng, đã đóng 29. Em đã nhận đủ tiền sáng nay 08/10 rồi ạ.", "2026-10-08T15:00:00+07:00")).toMatchObject({ liable: 31, paid: 29 });
  });
});

describe("village figures on printed forms (thirteenth round)", () => {
  it("reads labels led by dots to their values, and a box after its word ('Có ☐    Không ☒', 'Có [  ]    Không [x]')", () => {
    const led = "ẤP PÂY Ô – XÃ HÒA TÚ\nSỐ LIỆU TỔNG HỢP QUÝ IV/2026\nTổng số hộ ............................ 463 hộ (Khmer 391 hộ = 84,4%)\nNhân khẩu ............................. 1.988\nHộ nghèo .............................. 15 hộ (3,2%)\nĐảng viên ............................. 19 đ/c (dự bị 2)\nHội Nông dân .......................... 301";
    expect(read("village-quarterly", led, "2027-01-05T10:00:00+07:00")).toMatchObject({ households: 463, population: 1988, poor_households: 15, members: 19, probationary: 2, farmers_union: 301 });
    const boxes = "PHIẾU CẬP NHẬT THÔNG TIN THÔN (Quý IV/2025)\nTên thôn/TDP: ......Thôn Xuân Phả......\nTổng số hộ: ......740......\nBí thư chi bộ kiêm trưởng thôn:   Có ☐    Không ☒";
    expect(read("village-quarterly", boxes, "2026-01-05T10:00:00+07:00")).toMatchObject({ households: 740, secretary_is_village_head: false });
    const brackets = "PHIẾU CẬP NHẬT SỐ LIỆU KHU DÂN CƯ\nQuý: .....III.....  Năm: .....2026.....\nTổng số hộ: .....1.084..... hộ\nBí thư chi bộ kiêm Trưởng khu phố:   Có [  ]    Không [x]";
    expect(read("village-quarterly", brackets, "2026-10-05T10:00:00+07:00")).toMatchObject({ households: 1084, secretary_is_village_head: false });
  });

  it("reads 'giữ nguyên như quý II, không có biến động gì ạ' as unchanged, no question", () => {
    const text = "Báo cáo VP: CSDL xóm Đồng Tâm quý III/2026 giữ nguyên như quý II, không có biến động gì ạ.";
    expect(read("village-quarterly", text, "2026-10-03T10:00:00+07:00")).toMatchObject({ period: "2026-Q3", village: "xóm Đồng Tâm", unchanged: true });
  });
});

describe("a cell's own level said in chat, and a committee's step after the report (thirteenth round)", () => {
  it("reads 'tự đánh giá năm 2026 chỉ đạt HT' and 'tự xếp loại chi bộ năm 2026 là HTXS' as the cell's level", () => {
    expect(read("annual-rating", "Chi bộ xóm Tân Hợp tự đánh giá năm 2026 chỉ đạt HT thôi chị, vì chưa hoàn thành chỉ tiêu thu BHYT. Năm ngoái ĐU xếp bọn em HTT đó 😔", "2026-12-20T10:00:00+07:00")).toMatchObject({ period: "2026", cell_self_level: "HT" });
    expect(read("annual-rating", "Dạ anh, ấp Phú Hữu tự xếp loại chi bộ năm 2026 là HTXS đó anh. Còn đảng viên thì xuất sắc 4, tốt 22, hoàn thành 2", "2026-12-20T10:00:00+07:00")).toMatchObject({ cell_self_level: "HTXS", htxs: 4, htt: 22, ht: 2 });
  });

  it("reads 'Ko XL - 0', and a report whose committee will meet after it is no notice", () => {
    expect(read("annual-rating", "Buôn Ea Nao - xếp loại ĐV 2026:\nHTXS - 2\nHTT - 20\nKo XL - 0", "2026-12-20T10:00:00+07:00")).toMatchObject({ htxs: 2, htt: 20, unrated: 0 });
    const text = "Thôn Phúc Sơn báo cáo xếp loại năm nay: 42 ĐV được xếp loại, HTXS 4 (9,5%), HTT 35 (83,3%), HT 3 (7,1%); CB tự xếp loại HTT. Đảng ủy sẽ họp xét lại vào 05/01/2027.";
    expect(read("annual-rating", text, "2026-12-20T10:00:00+07:00")).toMatchObject({ htxs: 4, htt: 35, ht: 3, cell_self_level: "HTT" });
  });
});

describe("absences in chat (thirteenth round)", () => {
  it("reads a last group counted first after labelled ones ('Vắng 6: có phép 4, ko phép 1, 1 đ/c miễn sh')", () => {
    expect(read("monthly-meeting", "Họp ngày 10/5. Đv 41, có mặt 35. Vắng 6: có phép 4, ko phép 1, 1 đ/c miễn sh.", "2026-05-14T10:00:00+07:00")).toMatchObject({ absent_total: 6, absent_excused: 4, absent_unexcused: 1, absent_exempt: 1 });
  });

  it("reads an Ê Đê woman's name written with a space after its apostrophe ('H' Nga Niê')", () => {
    const text = "Buon Drang Phok cb sh thuong ky thg 1/2026 ngay 6/1 luc 7h30 sang. Tong 15 dv; co mat 12; 1 dc mien sh do gia yeu, 2 vang ko ly do: Y Wâm Knul, H' Nga Niê.";
    expect(read("monthly-meeting", text, "2026-01-07T10:00:00+07:00").absentees).toEqual([{ name: "Y Wâm Knul", excused: false }, { name: "H' Nga Niê", excused: false }]);
  });
});

describe("a formal report's dateline in figures, a clock time after 'Thời gian:' and a form's cadre box (thirteenth round)", () => {
  it("reads 'Làng Mạ, ngày 28/9/2026' as the day written, and 'Thời gian: 8h00 ngày 05/8/2026' as a start, no 8 hours", () => {
    const dated = "CHI BỘ THÔN LÀNG MẠ\nSố 07-BC/CB                     Làng Mạ, ngày 28/9/2026\n\nBÁO CÁO\n1. Thời gian: 13h30 – 16h00 ngày 25/9/2026. Địa điểm: nhà văn hóa thôn Làng Mạ.\nCó mặt 20/22.";
    expect(read("monthly-meeting", dated, "2026-09-29T10:00:00+07:00")).toMatchObject({ meeting_date: "2026-09-25", duration_min: 150 });
    const start = "Chi bộ buôn Bầu họp. I. Thời gian: 8h00 ngày 05/8/2026, kết thúc 10h15 cùng ngày. Có mặt 20/24.";
    expect(read("monthly-meeting", start, "2026-08-06T10:00:00+07:00")).toMatchObject({ start_time: "08:00", end_time: "10:15", duration_min: 135 });
  });

  it("reads 'Đồng chí cấp ủy cấp trên dự: [ ] có   [x] không' as the cadre absent", () => {
    const text = "3. Ngày: ..04/6/2026..\n5. Số đảng viên: tổng số ..21..  có mặt ..17..\n6. Đồng chí cấp ủy cấp trên dự: [ ] có   [x] không      Họ tên: ..................";
    expect(read("monthly-meeting", text, "2026-06-05T10:00:00+07:00")).toMatchObject({ present: 17, cadre_present: false });
  });
});

describe("dues paid for months (thirteenth round)", () => {
  it("reads 'đã đóng đủ 3 tháng: 24 đ/c' as 24 who paid, not 3", () => {
    const text = "Tình hình thu, nộp đảng phí quý II năm 2026\n2. Số đảng viên phải đóng đảng phí: 25 đ/c.\n3. Số đảng viên đã đóng đủ 3 tháng: 24 đ/c; chưa đóng: 01 đ/c (đ/c Đinh Văn Nhíp).";
    expect(read("party-dues", text, "2026-07-05T10:00:00+07:00")).toMatchObject({ liable: 25, paid: 24, unpaid: 1, unpaid_names: ["Đinh Văn Nhíp"] });
  });
});

describe("slips taken back in chat (thirteenth round, second part)", () => {
  it("reads a sum trailing off in dots and taken back ('1.620.000 ... nhầm, 1.602.000đ') and a level's count ('2 ht à lộn 1 ht')", () => {
    expect(read("party-dues", "buon Ea Kmar dang phi quy 2: 18 dv, thu du 18 dc, so tien 1.620.000 ... nham, 1.602.000d", "2026-07-05T10:00:00+07:00")).toMatchObject({ paid: 18, amount_vnd: 1602000 });
    expect(read("annual-rating", "Ấp Prey Chóp xếp loại năm nay: 3 xs, 14 tốt, 2 ht à lộn 1 ht thôi, 1 đ/c kia chưa xếp loại do mới chuyển sinh hoạt về. Chi bộ HTT nhen.", "2026-12-20T10:00:00+07:00")).toMatchObject({ htxs: 3, htt: 14, ht: 1 });
  });
});

describe("a minutes' title (thirteenth round)", () => {
  it("reads no bản in 'BIÊN BẢN', the buôn after it", () => {
    const text = "TRÍCH BIÊN BẢN HỌP CHI BỘ BUÔN KO SIER, ngày 28/6/2026\n(Phần thông qua số liệu báo cáo quý II/2026 gửi Đảng ủy phường)\nSố hộ: 212; nhân khẩu: 1.034; đảng viên: 19.";
    expect(read("village-quarterly", text, "2026-06-29T10:00:00+07:00")).toMatchObject({ village: "BUÔN KO SIER", households: 212, population: 1034, members: 19 });
  });
});

describe("two absent joined by 'và' before one bracket (thirteenth round)", () => {
  it("gives both the bracket's leave and reason", () => {
    const text = "Hôm nay, ngày 24 tháng 3 năm 2026, chi bộ sinh hoạt. Đảng viên được triệu tập: 19 đồng chí; có mặt 16 đồng chí; vắng 03 đồng chí, gồm: đ/c Đinh Văn Xá và đ/c Đinh Thị Bơ (có lý do – đi làm rẫy xa, ở lại chòi), đ/c Phạm Văn Trôn (không lý do).";
    expect(read("monthly-meeting", text, "2026-03-26T10:00:00+07:00")).toMatchObject({ absent_excused: 2, absent_unexcused: 1, absentees: [{ name: "Đinh Văn Xá", excused: true }, { name: "Đinh Thị Bơ", excused: true }, { name: "Phạm Văn Trôn", excused: false }] });
  });
});

describe("the absent named after counts put right (thirteenth round)", () => {
  it("reads 'vắng 3. À nhầm, có mặt 29 vắng 2 chơ, đ/c … nằm viện có báo, đ/c … không báo chi cả'", () => {
    const text = "Bc chi bộ xóm Trung Sơn họp tháng 7 hi, họp ngày 8/7 ở hội quán xóm. Đv 31 đ/c, có mặt 28 vắng 3. À nhầm, có mặt 29 vắng 2 chơ, đ/c Hồ Sỹ Tuấn nằm viện có báo, đ/c Phan Văn Lợi không báo chi cả.";
    const r = read("monthly-meeting", text, "2026-07-09T10:00:00+07:00");
    expect(r).toMatchObject({ present: 29, absent_total: 2, absent_excused: 1, absent_unexcused: 1 });
    expect(r.absentees).toEqual([{ name: "Hồ Sỹ Tuấn", excused: true, reason: "nằm viện" }, { name: "Phan Văn Lợi", excused: false }]);
  });
});

describe("money left and a label put right (thirteenth round)", () => {
  it("reads 'còn 504 ngàn … đã nộp' as money, no 504 unpaid, and 'xin sửa cận nghèo là 9 hộ'", () => {
    const dues = "Chi bộ khóm 4 báo cáo đảng phí tháng 8/2026: có 18 đ/c phải đóng, đã thu đủ 18 đ/c, tổng 720 ngàn. Chi bộ giữ 216 ngàn, còn 504 ngàn chị đã nộp cho kế toán Đảng ủy phường hôm 04/9 rồi.";
    expect(read("party-dues", dues, "2026-09-05T10:00:00+07:00")).toMatchObject({ liable: 18, paid: 18, unpaid: 0, amount_vnd: 720000, retained_vnd: 216000 });
    const village = "Thôn Hà Lộc quý II: 402 hộ, 1.566 khẩu, diện tích 2,15 km2, ĐV 47 (1 dự bị). Hộ nghèo 5, cận nghèo 8 – xin sửa cận nghèo là 9 hộ.";
    expect(read("village-quarterly", village, "2026-07-05T10:00:00+07:00")).toMatchObject({ poor_households: 5, near_poor_households: 9 });
  });
});

describe("none still on probation, typed without marks (thirteenth round)", () => {
  it("reads 'hien ko con dc du bi nao a' as none pending", () => {
    expect(read("admissions", "Dạ chi bo ap Hoa Binh nam 2025 ket nap dc 3 dv moi, chuyen chinh thuc 2 dc, hien ko con dc du bi nao a", "2026-01-05T10:00:00+07:00")).toMatchObject({ admitted: 3, made_full: 2, pending_full: [] });
  });
});

describe("a span of time before 'không xếp loại' (thirteenth round)", () => {
  it("reads '02 đ/c dự bị kết nạp chưa đủ 6 tháng – không xếp loại' as 2 unrated, not 6", () => {
    const text = "KẾT QUẢ KIỂM ĐIỂM, XẾP LOẠI NĂM 2026\n   a) Tổng số: 68 (trong đó 02 đ/c dự bị kết nạp chưa đủ 6 tháng – không xếp loại).\n   b) Được xếp loại: 66, gồm: HTXS 9 (13,6%) – HTT 49 (74,2%) – HT 7 (10,6%) – KHT 1 (1,5%).";
    expect(read("annual-rating", text, "2026-12-20T10:00:00+07:00")).toMatchObject({ htxs: 9, htt: 49, ht: 7, kht: 1, unrated: 2 });
  });
});

describe("a forwarded form with its cell on the line below (fourteenth round)", () => {
  it("reads 'Fwd: BIỂU TỔNG HỢP …⏎Chi bộ: Khu phố 5' and a bar table under it", () => {
    const text = "Fwd: BIỂU TỔNG HỢP XẾP LOẠI ĐẢNG VIÊN NĂM 2026\nChi bộ: Khu phố 5\nTổng số ĐV | HTXS | HTT | HT | KHT | Không xếp loại\n40 | 5 | 30 | 3 | 0 | 2\nTự xếp loại chi bộ: HTT";
    expect(read("annual-rating", text, "2027-01-06T09:00:00+07:00")).toMatchObject({ period: "2026", htxs: 5, htt: 30, ht: 3, kht: 0, unrated: 2, cell_self_level: "HTT" });
  });
  it("reads the members, then 'trong đó' three levels and those exempt: none left to the fourth", () => {
    const text = "Dạ chi bộ xóm Bến: 28 đ/c, trong đó HTXS 3, HTT 21, HT 2, 2 đ/c miễn đánh giá do tuổi cao. Chi bộ tự xếp loại HTT.";
    expect(read("annual-rating", text, "2026-01-08T09:00:00+07:00")).toMatchObject({ htxs: 3, htt: 21, ht: 2, kht: 0, unrated: 2 });
  });
  it("reads '03 đồng chí không tiến hành đánh giá' as unrated", () => {
    const text = "Chi bộ thôn Mỹ Lộc: HTXS 4 đ/c; HTT 20 đ/c; HT 1 đ/c; KHT không. Có 03 đồng chí không tiến hành đánh giá (đi lao động nước ngoài). Chi bộ tự đánh giá HTT.";
    expect(read("annual-rating", text, "2026-01-08T09:00:00+07:00")).toMatchObject({ unrated: 3 });
  });
});

describe("printed dues reports (fourteenth round)", () => {
  it("reads a ledger's 'Cộng' row as the amount collected", () => {
    const text = "BẢNG THU ĐẢNG PHÍ THÁNG 02/2026 – CHI BỘ THÔN AN HÒA\nSTT\tHọ và tên\tSố tiền (đ)\n1\tLê Văn Tư\t40.000\n2\tĐỗ Thị Hằng\t20.000\n3\tVũ Văn Lâm\t0\n\tCộng\t60.000";
    expect(read("party-dues", text, "2026-03-04T09:00:00+07:00")).toMatchObject({ amount_vnd: 60000 });
  });
  it("takes no count of payers from a heading's verb and the next line's item number", () => {
    const text = "CHI BỘ ẤP 5 – ĐẢNG PHÍ THÁNG 5/2026\nI. TÌNH HÌNH THU\n1. Số đảng viên phải đóng: 22 đ/c\n2. Số đảng viên đã đóng: 22 đ/c\n3. Tổng số tiền thu: 1.100.000đ\nII. PHÂN BỔ\n1. Trích giữ lại chi bộ (30%): 330.000đ\n2. Nộp cấp trên (70%): 770.000đ";
    expect(read("party-dues", text, "2026-06-04T09:00:00+07:00")).toMatchObject({ liable: 22, paid: 22, unpaid: 0, amount_vnd: 1100000, remitted_vnd: 770000, retained_vnd: 330000 });
  });
  it("reads a handover record's 'Số tiền nộp cấp trên:' line as the sum remitted", () => {
    const text = "BIÊN BẢN GIAO NHẬN ĐẢNG PHÍ\nHôm nay, ngày 04/6/2026, tại Văn phòng Đảng ủy xã.\nNội dung: Bên giao nộp cho bên nhận đảng phí tháng 5/2026 của Chi bộ thôn Đông, cụ thể:\n– Tổng số tiền chi bộ thu được: 900.000đ\n– Số tiền nộp cấp trên: 630.000 đồng (Bằng chữ: Sáu trăm ba mươi nghìn đồng)";
    expect(read("party-dues", text, "2026-06-04T15:00:00+07:00")).toMatchObject({ amount_vnd: 900000, remitted: true, remitted_vnd: 630000 });
  });
  it("reads full names after 'chưa đóng:' split by a semicolon", () => {
    const text = "Số đảng viên phải đóng: 20 đ/c\nSố đảng viên đã đóng: 18 đ/c\nHọ tên đảng viên chưa đóng: ..Trần Văn Hòa; Lý Thị Mơ..\nTổng số tiền đã thu: ..540.000.. đồng";
    expect(read("party-dues", text, "2026-06-04T15:00:00+07:00")).toMatchObject({ unpaid: 2, unpaid_names: ["Trần Văn Hòa", "Lý Thị Mơ"] });
  });
});

describe("admissions from office layouts (fourteenth round)", () => {
  it("reads 'Chuyển đảng chính thức trong quý: 01 đ/c' and 'không còn hồ sơ … nào đang chờ'", () => {
    expect(read("admissions", "Kết nạp quý I/2026: 02 đ/c.\nChuyển đảng chính thức trong quý: 01 đ/c (đ/c Hà Văn Sơn).", "2026-04-03T09:00:00+07:00")).toMatchObject({ admitted: 2, made_full: 1 });
    const none = "Năm 2025 chi bộ kết nạp được 01 đảng viên mới. Đến nay chi bộ không còn hồ sơ chuyển đảng chính thức nào đang chờ xét.";
    expect(read("admissions", none, "2026-01-08T09:00:00+07:00")).toMatchObject({ admitted: 1, pending_full: [] });
  });
  it("reads a table row 'Dự bị đang chờ QĐ chính thức | 1 | Đ/c …' as the one pending", () => {
    const text = "Chi bộ TDP 3 – phát triển đảng viên quý II/2026\nChỉ tiêu\tSố lượng\tGhi chú\nKết nạp mới\t1\t\nCông nhận chính thức\t1\t\nDự bị đang chờ QĐ chính thức\t1\tĐ/c Nông Văn Khải";
    expect(read("admissions", text, "2026-07-03T09:00:00+07:00")).toMatchObject({ admitted: 1, made_full: 1, pending_full: ["Nông Văn Khải"] });
  });
  it("reads a table's 'Kỳ: Tháng 10/2026' and a note on the one admitted", () => {
    const text = "Báo cáo phát triển đảng – Chi bộ Khu phố 7\nChi bộ\tKỳ\tKết nạp\tNữ\tDTTS\tTôn giáo\tĐoàn viên\tGhi chú\nKhu phố 7\tTháng 10/2026\t1\t0\t0\t0\t1\tĐ/c được kết nạp: Lê Minh Khoa (sinh viên Trường Cao đẳng Y tế)";
    expect(read("admissions", text, "2026-11-03T09:00:00+07:00")).toMatchObject({ period: "2026-10", admitted: 1, students: 1, women: 0 });
  });
  it("reads the admitted named after a colon with their traits, not one 'chưa có quyết định kết nạp' as pending", () => {
    const text = "• Kết nạp mới: 03 đ/c → xin sửa lại là 02 đ/c (đ/c Hà Thị Nhàn chưa có quyết định kết nạp)\n• Hai đ/c đã kết nạp: Lò Thị Dung (nữ, dân tộc Thái, đoàn viên) và Cầm Văn Tú (dân tộc Thái)\n• Đảng viên dự bị chờ chuyển chính thức: không có";
    expect(read("admissions", text, "2026-07-03T09:00:00+07:00")).toMatchObject({ admitted: 2, women: 1, ethnic_minority: 2, youth_union: 1, pending_full: [] });
  });
});

describe("a meeting report from Word (fourteenth round)", () => {
  it("reads bulleted absence groups with names in brackets, and 'giao đ/c … (Trưởng bản) chủ trì'", () => {
    const text = "Tổng số đảng viên: 19 đ/c. Có mặt: 16 đ/c. Vắng: 03 đ/c, trong đó:\n– Vắng có lý do: 02 đ/c (Lò Văn Pản – đi làm xa; Tòng Thị Ánh – ốm).\n– Vắng không lý do: 01 đ/c (Quàng Văn Sinh).\nIV. CHI BỘ THỐNG NHẤT\n1. Làm xong 2 km đường nội đồng trước ngày 25/4/2026, giao đ/c Lò Văn Thiêm (Trưởng bản) chủ trì.";
    const r = read("monthly-meeting", text, "2026-04-09T09:00:00+07:00");
    expect(r.absentees).toEqual([{ name: "Lò Văn Pản", excused: true, reason: "đi làm xa" }, { name: "Tòng Thị Ánh", excused: true, reason: "ốm" }, { name: "Quàng Văn Sinh", excused: false }]);
    expect(r.resolutions).toEqual([{ task: "Làm xong 2 km đường nội đồng", owner: "Lò Văn Thiêm", due: "2026-04-25" }]);
  });
});

describe("chat dues and meetings said as people say them (fourteenth round)", () => {
  it("reads '1 triệu rưỡi' as 1,500,000 and 'sang đầu tháng 1 em nộp' as not yet remitted", () => {
    const text = "Dạ đảng phí tháng 12 chi bộ em thu đủ cả 24 đồng chí, được 1 triệu rưỡi. Em còn giữ, sang đầu tháng 1 em nộp lên Đảng ủy xã ạ.";
    expect(read("party-dues", text, "2027-01-02T09:00:00+07:00")).toMatchObject({ paid: 24, amount_vnd: 1500000, remitted: false });
  });
  it("reads 'còn 700.000 nộp lên' as the sum remitted and 'ôn … với mệ …' as the two who have not paid", () => {
    const remitted = "Đảng phí tháng 9 thôn Lại Thế: phải đóng 20, đóng được 20. Tổng thu 1.000.000 đồng. Chi bộ giữ lại 300.000, còn 700.000 nộp lên Đảng ủy xã hôm 3/10 rồi.";
    expect(read("party-dues", remitted, "2026-10-05T09:00:00+07:00")).toMatchObject({ amount_vnd: 1000000, retained_vnd: 300000, remitted_vnd: 700000 });
    const kin = "Đảng phí tháng 8 thôn Vỹ Dạ nì: 22 đồng chí phải nộp, nộp rồi 20, còn 2 đồng chí chưa nộp là ôn Hồ Văn Lành với mệ Lê Thị Gái.";
    expect(read("party-dues", kin, "2026-09-05T09:00:00+07:00")).toMatchObject({ unpaid: 2, unpaid_names: ["Hồ Văn Lành", "Lê Thị Gái"] });
  });
  it("reads 'dv 21 dong chi, di 19, vang 2' and a line opening with 'thong nhat' as the resolution", () => {
    const text = "chi bo ap 5 sh thuong ky thang 6 toi 5/6. dv 21 dong chi, di 19, vang 2 deu co xin phep. noi dung:\n- danh gia ket qua thang 5\n- trien khai thu hoach lua\nthong nhat van dong ba con nao vet kenh, xong truoc 30/6, giao ong truong ap lo.";
    const r = read("monthly-meeting", text, "2026-06-06T09:00:00+07:00");
    expect(r).toMatchObject({ present: 19, absent_total: 2, absent_excused: 2 });
    expect(r.resolutions).toEqual([{ task: "van dong ba con nao vet kenh", owner: "ong truong ap", due: "2026-06-30" }]);
  });
});

describe("the commune's news and a forwarded rating (fourteenth round)", () => {
  const refusal = (form: FormName, text: string, now: string): unknown => parseReport(form, text, { now: new Date(now) });
  it("refuses a newsletter and 'Tin xã nhà:' with commune-wide figures as articles", () => {
    expect(refusal("village-quarterly", "BẢN TIN XÃ SỐ 3/2026 – NÔNG THÔN MỚI\nNăm 2025 toàn xã có 1.820 hộ, 7.400 nhân khẩu, giảm 40 hộ nghèo. Thôn Bãi Dài với 210 hộ đã hoàn thành đường bê tông.", "2026-03-10T10:00:00+07:00")).toEqual({ ok: false, errors: ["not_a_report: article"] });
    expect(refusal("village-quarterly", "Tin xã nhà: 9 tháng năm 2026 toàn xã giảm 25 hộ nghèo, còn 2,8%. Toàn xã có 2.040 hộ, 8.100 nhân khẩu, 390 đảng viên ở 14 chi bộ.", "2026-10-10T10:00:00+07:00")).toEqual({ ok: false, errors: ["not_a_report: article"] });
  });
});

describe("dues sheets an office pastes (fourteenth round)", () => {
  it("reads a header merged over its first columns too ('Số đảng viên | | | Số tiền (đồng) | | | Ngày nộp')", () => {
    const text = "CHI BỘ THÔN KHE MƠ\nTỔNG HỢP THU, NỘP ĐẢNG PHÍ QUÝ III/2026\n\nSố đảng viên\t\t\tSố tiền (đồng)\t\t\tNgày nộp\nPhải nộp\tĐã nộp\tChưa nộp\tThu được\tChi bộ giữ lại\tNộp cấp trên\t\n20\t19\t1\t540.000\t162.000\t378.000\t03/10/2026";
    expect(read("party-dues", text, "2026-10-04T09:00:00+07:00")).toMatchObject({ period: "2026-Q3", liable: 20, paid: 19, unpaid: 1, amount_vnd: 540000, retained_vnd: 162000, remitted_vnd: 378000 });
  });
  it("reads the row of the month the message names in a table of months, without the running total", () => {
    const text = "Chi bộ thôn Đông gửi bảng đảng phí. Báo cáo tháng 3/2026 là dòng tháng 3, hai dòng trên để đối chiếu.\n\nTháng\tPhải thu (ĐV)\tĐã thu (ĐV)\tSố tiền thu (đ)\tLũy kế từ đầu năm (đ)\tGhi chú\n1\t30\t30\t240.000\t240.000\t\n2\t30\t29\t232.000\t472.000\tThiếu 1 đ/c\n3\t30\t28\t224.000\t696.000\tchưa thu 2 đ/c đi làm xa\n\nTiền đảng phí quý I chi bộ đang giữ, chưa nộp lên.";
    expect(read("party-dues", text, "2026-04-05T09:00:00+07:00")).toMatchObject({ period: "2026-03", liable: 30, paid: 28, unpaid: 2, amount_vnd: 224000, remitted: false });
  });
  it("reads a ledger of months per member: who paid nothing, how many paid, and the sum column's total", () => {
    const text = "SỔ THU ĐẢNG PHÍ QUÝ III/2026 – CHI BỘ ẤP 2\n\nTT\tHọ tên\tT7\tT8\tT9\tCộng\n1\tNguyễn Văn Tâm\t5.000\t5.000\t5.000\t15.000\n2\tLê Thị Hoa\t5.000\t5.000\t5.000\t15.000\n3\tTrần Văn Bé\t\t\t\t0\nTổng\t\t10.000\t10.000\t10.000\t30.000";
    expect(read("party-dues", text, "2026-10-05T09:00:00+07:00")).toMatchObject({ liable: 3, paid: 2, unpaid: 1, unpaid_names: ["Trần Văn Bé"], amount_vnd: 30000 });
  });
  it("reads a list with 'chưa nộp' remarks as those who paid of those listed, and 'Nộp VP Đảng ủy xã 70%: …' as the sum remitted", () => {
    const text = "BẢNG THU ĐẢNG PHÍ QUÝ II/2026\n\nSTT\tHọ và tên\tMức đóng/tháng (đ)\tSố tháng đã đóng\tThành tiền (đ)\tGhi chú\n1\tLê Văn Ân\t5.000\t3\t15.000\t\n2\tTrần Thị Lụa\t5.000\t0\t0\tchưa nộp (đi làm xa)\n3\tHà Văn Sơn\t10.000\t3\t30.000\t\n\tCộng\t\t\t45.000\t\n\nTrích giữ lại chi bộ 30%: 13.500đ\nNộp VP Đảng ủy xã 70%: 31.500đ (đã nộp ngày 03/7/2026)";
    expect(read("party-dues", text, "2026-07-04T09:00:00+07:00")).toMatchObject({ liable: 3, paid: 2, unpaid: 1, amount_vnd: 45000, remitted_vnd: 31500 });
  });
  it("reads '21 → sửa thành 22', a remark in square brackets, the year's dues and 'nộp đảng phí năm 2025' as no count", () => {
    const mended = "- Số đảng viên phải nộp: 23\n- Đã nộp: 21 → sửa thành 22 (đ/c Võ Văn Hải nộp bổ sung)\n- Số tiền thu: 1.250.000đ → sửa thành 1.290.000đ";
    expect(read("party-dues", mended, "2026-02-27T09:00:00+07:00")).toMatchObject({ liable: 23, paid: 22, unpaid: 1, amount_vnd: 1290000 });
    const square = "Tổng số đảng viên phải đóng: 31 đ/c. Đã đóng: 29 đ/c. Chưa đóng: 02 đ/c [Kim Sóc Kha – đi làm xa; Thạch Thị Sa Ol – xin đóng sau Tết].";
    expect(read("party-dues", square, "2026-01-06T09:00:00+07:00")).toMatchObject({ unpaid: 2, unpaid_names: ["Kim Sóc Kha", "Thạch Thị Sa Ol"] });
    const year = "BÁO CÁO\nTình hình thu, nộp đảng phí năm 2025\n\n1. Tổng số đảng viên phải đóng đảng phí: 34 đồng chí.";
    const r = read("party-dues", year, "2026-01-12T09:00:00+07:00");
    expect(r).toMatchObject({ period: "2025", liable: 34 });
    expect(r.paid).toBeUndefined();
  });
  it("reads names after a bulleted 'Chưa đóng:' line with the form's next '+' line after it", () => {
    const text = "+ Đảng viên phải đóng: 28 đ/c\n+ Đã đóng: 26 đ/c\n+ Chưa đóng: đ/c Lê Thị Bông, đ/c Nguyễn Tấn Phát (đi vắng)\n+ Số tiền thu: 1.186.400 đ";
    expect(read("party-dues", text, "2025-11-05T09:00:00+07:00")).toMatchObject({ unpaid: 2, unpaid_names: ["Lê Thị Bông", "Nguyễn Tấn Phát"] });
  });
});

describe("office tables and back-references (fourteenth round)", () => {
  it("reads the village's total row under a row for each of its groups", () => {
    const text = "SỐ LIỆU THÔN HÒA QUÝ II/2026 (tổng hợp theo tổ)\n\nTổ\tSố hộ\tNhân khẩu\tHộ nghèo\tĐảng viên\n1\t80\t300\t2\t10\n2\t90\t330\t1\t12\nToàn thôn\t170\t630\t3\t22";
    expect(read("village-quarterly", text, "2026-07-03T09:00:00+07:00")).toMatchObject({ households: 170, population: 630, poor_households: 3, members: 22 });
  });
  it("reads 'có 2 hộ tách mới nên tổng số hộ là 512 hộ' as 512 households", () => {
    expect(read("village-quarterly", "Thôn Đông quý IV/2025: trong quý có 2 hộ tách mới nên tổng số hộ là 512 hộ, nhân khẩu 1.987 người.", "2026-01-05T09:00:00+07:00")).toMatchObject({ households: 512, population: 1987 });
  });
  it("reads the row of the year the message names in a table of years, and the cell's total row by its groups", () => {
    const years = "Chi bộ ấp Mỹ gửi kết quả xếp loại đảng viên năm 2025 (kèm 2 năm trước để so sánh):\n\nNăm\tHTXS\tHTT\tHT\tKHT\tKhông xếp loại\n2023\t2\t20\t4\t1\t2\n2024\t3\t22\t3\t0\t1\n2025\t4\t23\t2\t0\t2";
    expect(read("annual-rating", years, "2026-01-08T09:00:00+07:00")).toMatchObject({ htxs: 4, htt: 23, ht: 2, kht: 0, unrated: 2 });
    const groups = "Tổ đảng\tSố ĐV\tHTXS\tHTT\tHT\tKHT\tKhông XL\nTổ 1\t14\t1\t11\t1\t0\t1\nTổ 2\t16\t2\t12\t2\t0\t0\nToàn chi bộ\t30\t3\t23\t3\t0\t1";
    expect(read("annual-rating", groups, "2026-01-08T09:00:00+07:00")).toMatchObject({ htxs: 3, htt: 23, ht: 3, kht: 0, unrated: 1 });
  });
  it("reads 'không thực hiện đánh giá … đối với 05 đồng chí' and '17/17 đồng chí tham gia kiểm điểm và được xếp loại'", () => {
    expect(read("annual-rating", "Chi bộ có 48 đảng viên. Không thực hiện đánh giá, xếp loại đối với 05 đồng chí. HTXS 5, HTT 30, HT 7, KHT 1.", "2026-01-08T09:00:00+07:00")).toMatchObject({ unrated: 5 });
    expect(read("annual-rating", "Chi bộ có 17 đảng viên, 17/17 đồng chí tham gia kiểm điểm và được xếp loại: HTXS 1, HTT 13, HT 3.", "2026-01-08T09:00:00+07:00")).toMatchObject({ unrated: 0 });
  });
  it("reads those still on probation as the admitted listed above, and a figure said again in words in brackets", () => {
    const listed = "Quý II/2025 chi bộ kết nạp 03 đảng viên mới. Danh sách: Thạch Ngọc Sơn, Lâm Thị Sà Rươne, Danh Thol.\nĐảng viên dự bị hiện có: 03 đồng chí nêu trên.";
    expect(read("admissions", listed, "2025-07-03T09:00:00+07:00")).toMatchObject({ admitted: 3, pending_full: ["Thạch Ngọc Sơn", "Lâm Thị Sà Rươne", "Danh Thol"] });
    const said = "1. Số quần chúng được kết nạp: 03 (ba) đồng chí, trong đó nữ 02 (hai) đồng chí.\n3. Số đảng viên dự bị còn lại: 02 (hai) đồng chí, là các đồng chí kết nạp năm 2025: Trần Thu Trang, Nguyễn Minh Đức.";
    expect(read("admissions", said, "2026-01-08T09:00:00+07:00")).toMatchObject({ admitted: 3, women: 2, pending_full: ["Trần Thu Trang", "Nguyễn Minh Đức"] });
    const column = "Kết nạp mới\tChuyển chính thức\tCòn dự bị (họ tên)\n2\t1\tTriệu Văn Sành, Bàn Văn Lai";
    expect(read("admissions", column, "2026-01-08T09:00:00+07:00")).toMatchObject({ admitted: 2, made_full: 1, pending_full: ["Triệu Văn Sành", "Bàn Văn Lai"] });
  });
  it("reads '1.032 (xin sửa: 1.023, bản trước đánh máy nhầm)' as 1,023", () => {
    expect(read("village-quarterly", "Thôn Sơn quý 3/2026: số hộ 280, nhân khẩu 1.032 (xin sửa: 1.023, bản trước đánh máy nhầm).", "2026-10-03T09:00:00+07:00")).toMatchObject({ households: 280, population: 1023 });
  });
});

describe("meeting reports an office tabulates (fourteenth round)", () => {
  it("reads the month the message asks for out of a table of months, with the cadre's 'có (đ/c …)' and no month range as the period", () => {
    const text = "Chi bộ thôn Trung gửi báo cáo sinh hoạt. Bảng dưới có cả tháng 1, 2 để đối chiếu, đề nghị VP lấy số liệu tháng 3 (tháng 1-2 đã gửi rồi ạ).\n\nTháng\tNgày họp\tGiờ họp\tPhải dự\tCó mặt\tVắng CLD\tVắng KLD\tĐUV phụ trách\n01/2026\t07/01\t19h30-21h00\t32\t29\t3\t0\tCó\n02/2026\t10/02\t19h00-20h30\t32\t26\t5\t1\tKhông\n03/2026\t09/03\t19h30-21h10\t31\t27\t3\t1\tCó (đ/c Đinh Văn Khánh)";
    const r = read("monthly-meeting", text, "2026-03-12T09:00:00+07:00");
    expect(r).toMatchObject({ period: "2026-03", meeting_date: "2026-03-09", start_time: "19:30", end_time: "21:10", members_expected: 31, present: 27, absent_excused: 3, absent_unexcused: 1, cadre_present: true, cadre_name: "Đinh Văn Khánh" });
    expect(r.absentees).toBeUndefined();
  });
  it("reads a table of the agenda and the tasks handed ('Nội dung chính | Kết luận / giao việc | Người thực hiện | Thời hạn')", () => {
    const text = "Chi bộ xóm Na sinh hoạt ngày 11/6/2026, có mặt 16/19.\n\nNội dung chính\tKết luận / giao việc\tNgười thực hiện\tThời hạn\nTriển khai nghị quyết về phát triển chè\tVận động hộ trồng lại chè giống mới\tTổ trưởng các tổ tự quản\t30/6/2026\nCông tác phòng chống mưa lũ\tKiểm tra các hộ ở gần taluy\tBan chỉ huy quân sự xóm\t15/6/2026";
    const r = read("monthly-meeting", text, "2026-06-12T09:00:00+07:00");
    expect(r.content_items).toEqual(["Triển khai nghị quyết về phát triển chè", "Công tác phòng chống mưa lũ"]);
    expect(r.resolutions).toEqual([
      { task: "Vận động hộ trồng lại chè giống mới", owner: "Tổ trưởng các tổ tự quản", due: "2026-06-30" },
      { task: "Kiểm tra các hộ ở gần taluy", owner: "Ban chỉ huy quân sự xóm", due: "2026-06-15" },
    ]);
    const dated = "Chi bộ xóm Bạch sinh hoạt ngày 12/9/2026, có mặt 23/26.\nIII. Giao nhiệm vụ\nHạn hoàn thành\tViệc\tGiao cho\n30/9/2026\tThu quỹ quốc phòng an ninh\tBan công tác Mặt trận xóm";
    expect(read("monthly-meeting", dated, "2026-09-13T09:00:00+07:00").resolutions).toEqual([{ task: "Thu quỹ quốc phòng an ninh", owner: "Ban công tác Mặt trận xóm", due: "2026-09-30" }]);
  });
  it("reads 'NAME – có lý do, REASON; …' and the cadre named in brackets after the title", () => {
    const text = "Ngày sinh hoạt: 12/9/2026. Phải dự: 26 đ/c — có mặt 23, vắng 3 (Bùi Văn Thượng – có lý do, đi làm thuê ở Thái Nguyên; Quách Thị Lim – có lý do, ốm; Bùi Văn Ngọc – không lý do).\nĐảng ủy viên phụ trách (đ/c Đinh Công Hùng): có dự.";
    const r = read("monthly-meeting", text, "2026-09-13T09:00:00+07:00");
    expect(r).toMatchObject({ absent_excused: 2, absent_unexcused: 1, cadre_present: true, cadre_name: "Đinh Công Hùng" });
    expect(r.absentees).toEqual([{ name: "Bùi Văn Thượng", excused: true, reason: "đi làm thuê ở Thái Nguyên" }, { name: "Quách Thị Lim", excused: true, reason: "ốm" }, { name: "Bùi Văn Ngọc", excused: false }]);
  });
  it("takes the cadre named after the title, not an absent member named in brackets before it", () => {
    const r = read("monthly-meeting", "sh cb 4/11 tối, có mặt 16/17 (vắng đ/c Hà Thị Lụa ốm), cấp ủy phụ trách đ/c Vi Văn Đức dự", "2025-11-05T09:00:00+07:00");
    expect(r).toMatchObject({ cadre_present: true, cadre_name: "Vi Văn Đức" });
    expect(r.absentees).toEqual([{ name: "Hà Thị Lụa", excused: true, reason: "ốm" }]);
  });
});

describe("chat reports read again (fourteenth round)", () => {
  it("reads a year said in words before the members counted, 'ko xếp' and 'tự dgia', and 'HT 2 ủa lộn 3'", () => {
    const spoken = "chi bộ ấp Mỹ An đánh giá xếp loại năm hai ngàn hai mươi lăm đảng viên hoàn thành xuất sắc ba đồng chí hoàn thành tốt hai mươi hai hoàn thành hai đồng chí không hoàn thành không có";
    expect(read("annual-rating", spoken, "2026-01-05T09:00:00+07:00")).toMatchObject({ period: "2025", htxs: 3, htt: 22, ht: 2, kht: 0 });
    expect(read("annual-rating", "Dạ thôn Tây xếp loại đv năm ni: xuất sắc 2, tốt 19, hoàn thành 3, ko hoàn thành 0. Mấy chú miễn sh 5 người thì ko xếp.", "2026-01-05T09:00:00+07:00")).toMatchObject({ unrated: 5 });
    expect(read("annual-rating", "cb kp 3 gui kq xl dv 2025: htxs 2, htt 20, ht 1. cb tu dgia htxs", "2026-01-05T09:00:00+07:00")).toMatchObject({ cell_self_level: "HTXS" });
    expect(read("annual-rating", "Ấp Lợi báo cáo xếp loại ĐV năm 2025: có 3 HTXS, 25 HTT, HT 2 ủa lộn 3, KHT ko có.", "2026-01-05T09:00:00+07:00")).toMatchObject({ htxs: 3, htt: 25, ht: 3, kht: 0 });
  });
  it("reads the absent bulleted under 'vắng 3 (2 có lý do, 1 ko lý do)' and under a count put right ('vắng 4 chứ:')", () => {
    const bracket = "tong so dv 20, co mat 18, vang 2 (1 co ly do, 1 ko ly do)\n- Nguyen Van Hai (di lam an xa)\n- Tran Van Tu ko ly do\nco dc Ha uy vien DU du";
    const r = read("monthly-meeting", bracket, "2026-03-06T09:00:00+07:00");
    expect(r.absentees).toEqual([{ name: "Nguyen Van Hai", excused: true, reason: "di lam an xa" }, { name: "Tran Van Tu", excused: false }]);
    expect(r).toMatchObject({ cadre_present: true, cadre_name: "Ha" });
    const mended = "Tổng ĐV 12, có mặt 10, vắng 1... à nhầm, có mặt 9 vắng 3 chứ:\nLò Văn Pằn (đi rừng)\nQuàng Thị Xuân (ốm)\nCầm Văn Ót ko lý do";
    const m = read("monthly-meeting", mended, "2026-06-13T09:00:00+07:00");
    expect(m).toMatchObject({ present: 9, absent_total: 3, absent_excused: 2, absent_unexcused: 1 });
    expect((m.absentees as unknown[]).length).toBe(3);
  });
  it("reads one reason said of both absent ('cả hai đi biển, có báo trước') and 'phó bí thư ĐU về dự'", () => {
    const text = "Chi bộ 26 đv, có mặt 24, vắng 2 là đ/c Cường với đ/c Thìn, cả hai đi biển, có báo trước. Đ/c Lê Văn Dũng phó bí thư ĐU về dự.";
    const r = read("monthly-meeting", text, "2026-08-10T09:00:00+07:00");
    expect(r.absentees).toEqual([{ name: "Cường", excused: true, reason: "đi biển" }, { name: "Thìn", excused: true, reason: "đi biển" }]);
    expect(r).toMatchObject({ absent_excused: 2, cadre_present: true, cadre_name: "Lê Văn Dũng" });
  });
});

describe("chat admissions and dues read again (fourteenth round)", () => {
  it("reads Telex with the 'w' after the final consonant ('chuyeenr chinhs thucws 1')", () => {
    expect(read("admissions", "chi booj thoon Ddoong Tieens\nkeets napj quys 3: 2 ddv\nchuyeenr chinhs thucws 1", "2026-10-03T09:00:00+07:00")).toMatchObject({ admitted: 2, made_full: 1 });
  });
  it("reads 'cctc: 0' and the two still waiting, and 'đã tổ chức xét chuyển đảng chính thức cho 2 đ/c' as made full", () => {
    expect(read("admissions", "TDP 3 quý 2/2026: kn 1 đv mới (đoàn viên, nam). cctc: 0. dự bị còn 2 đ/c chưa cctc: Phạm Minh Đức, Lê Thu Trang", "2026-07-03T09:00:00+07:00")).toMatchObject({ admitted: 1, made_full: 0, pending_full: ["Phạm Minh Đức", "Lê Thu Trang"] });
    expect(read("admissions", "Chi bộ khu phố 5 báo cáo: tháng 3/2026 đã tổ chức xét chuyển đảng chính thức cho 2 đ/c: Đỗ Văn Long, Hà Thị Mai. Tháng 3 ko kết nạp mới. Hiện chi bộ ko còn đảng viên dự bị.", "2026-04-02T09:00:00+07:00")).toMatchObject({ admitted: 0, made_full: 2, pending_full: [] });
  });
  it("reads what a part of the admitted all are in brackets, 'theo Phật giáo', a named one's faith in the next sentence and 'tháng 11/2025 kn'", () => {
    expect(read("admissions", "ap Tra Cu: nam 2025 ket nap 5 dv moi, 3 nguoi Khmer (deu theo PG Nam tong), 2 nu.", "2026-01-02T09:00:00+07:00")).toMatchObject({ admitted: 5, ethnic_minority: 3, religious: 3, women: 2 });
    expect(read("admissions", "năm 2025 kết nạp 4 đv mới, 2 theo Phật giáo Nam tông.", "2026-01-02T09:00:00+07:00")).toMatchObject({ religious: 2 });
    const named = "buôn Kram tháng 11/2025 kn được 2 đv là H'Linh Byă và Y Thuận Ênuôl, đều đồng bào Ê Đê, 1 nữ (H'Linh). H'Linh theo đạo Tin Lành.";
    expect(read("admissions", named, "2025-12-02T09:00:00+07:00")).toMatchObject({ period: "2025-11", admitted: 2, religious: 1, women: 1 });
  });
  it("reads 'Đã đóng đủ 12 tháng: 55; chưa đóng đủ: 2 (…)' and 'Mai em đem lên xã' as not yet remitted", () => {
    expect(read("party-dues", "- Số đảng viên phải đóng: 57\n- Đã đóng đủ 12 tháng: 55; chưa đóng đủ: 2 (đ/c Lê Quang Vinh, đ/c Ngô Thị Bích)", "2026-01-02T09:00:00+07:00")).toMatchObject({ liable: 57, paid: 55, unpaid: 2, unpaid_names: ["Lê Quang Vinh", "Ngô Thị Bích"] });
    expect(read("party-dues", "đảng phí tháng 6 là đủ 23/24 đ/c. Tiền được 1tr150. Mai em đem lên xã nghen.", "2026-07-02T09:00:00+07:00")).toMatchObject({ paid: 23, amount_vnd: 1150000, remitted: false });
  });
});

describe("letters that are no report (fourteenth round)", () => {
  const refusal = (form: FormName, text: string, now: string): unknown => parseReport(form, text, { now: new Date(now) });
  it("refuses a member's letter asking leave for a meeting to come", () => {
    const text = "ĐƠN XIN VẮNG SINH HOẠT CHI BỘ\n\nKính gửi: Chi ủy Chi bộ thôn Đông\n\nTôi tên là: Lê Thị Hồng, đảng viên sinh hoạt tại Chi bộ thôn Đông.\nNay tôi làm đơn này xin phép được vắng buổi sinh hoạt chi bộ tháng 9/2026 (dự kiến tổ chức lúc 19h30 ngày 05/9/2026 tại Nhà văn hóa thôn).\nLý do: đi khám bệnh ở tỉnh.";
    expect(refusal("monthly-meeting", text, "2026-09-02T10:00:00+07:00")).toEqual({ ok: false, errors: ["not_a_report: attendance-issue"] });
  });
  it("refuses a case put to the committee for its ruling, the meeting named in passing, and a commune news page's piece", () => {
    const ruling = "Kính gửi Thường trực Đảng ủy xã,\nChi bộ ấp Lộc xin ý kiến về trường hợp đảng viên Lê Văn Tâm: đồng chí đã bỏ sinh hoạt chi bộ 03 tháng liền (tháng 2, tháng 3 và tháng 4/2026) không có lý do, cũng chưa đóng đảng phí.\nTại buổi sinh hoạt tháng 4 (ngày 09/4, có mặt 24/28 đ/c), chi bộ đã thống nhất đề nghị cấp trên hướng dẫn thủ tục xóa tên.\nKính đề nghị Thường trực Đảng ủy cho ý kiến chỉ đạo.";
    expect(refusal("monthly-meeting", ruling, "2026-04-20T10:00:00+07:00")).toEqual({ ok: false, errors: ["not_a_report: attendance-issue"] });
    const news = "THÔN NÀ LÀNG VỀ ĐÍCH NÔNG THÔN MỚI\n\nSáng 15/3/2026, UBND xã tổ chức lễ công bố thôn Nà Làng đạt chuẩn nông thôn mới. Toàn thôn hiện có 168 hộ với 702 nhân khẩu, tỷ lệ hộ nghèo còn 3,5%. Chi bộ thôn với 27 đảng viên đã phát huy vai trò hạt nhân.\n(Trang thông tin điện tử xã Hòa An)";
    expect(refusal("village-quarterly", news, "2026-03-20T10:00:00+07:00")).toEqual({ ok: false, errors: ["not_a_report: article"] });
  });
});

describe("more office layouts (fourteenth round)", () => {
  it("reads cells lined up with spaces as a table, the result's column of 'Đăng ký | Kết quả'", () => {
    const text = "Khu phố 7. Kết quả đánh giá chất lượng đảng viên năm 2026 (so với đăng ký đầu năm):\n\n              Đăng ký    Kết quả\nHTXSNV          10          7\nHTTNV           36         35\nHTNV             0          3\nKHTNV            0          0";
    expect(read("annual-rating", text, "2027-01-05T09:00:00+07:00")).toMatchObject({ htxs: 7, htt: 35, ht: 3, kht: 0 });
    const village = "Thôn Đông quý 3/2026\nChỉ tiêu       Số lượng\nSố hộ          245\nNhân khẩu      980\nHộ nghèo       12\nĐảng viên      30";
    expect(read("village-quarterly", village, "2026-10-02T09:00:00+07:00")).toMatchObject({ households: 245, population: 980, poor_households: 12, members: 30 });
  });
  it("reads those still waiting named in brackets after 'mới kết nạp'", () => {
    const text = "Phát triển đảng quý IV/2026\n- Kết nạp: 02 đ/c.\n- Chuyển chính thức: 01 đ/c (Lã Minh Hiếu).\n- Dự bị còn lại: 02 đ/c mới kết nạp (Tô Thanh Bình, Phí Thị Hằng).";
    expect(read("admissions", text, "2026-12-16T09:00:00+07:00")).toMatchObject({ admitted: 2, made_full: 1, pending_full: ["Tô Thanh Bình", "Phí Thị Hằng"] });
    const notYet = "- Kết nạp: 02 đồng chí.\n- Chưa chuyển chính thức: 02 đ/c mới kết nạp trong năm (Đinh Thị Huệ, Đinh Văn Mang).";
    expect(read("admissions", notYet, "2027-01-05T09:00:00+07:00")).toMatchObject({ pending_full: ["Đinh Thị Huệ", "Đinh Văn Mang"] });
  });
  it("reads a form's numbered cells side by side, a ledger's sum row shifted by its empty first cell, and '(chưa nộp, …)' after the sum to go up", () => {
    const side = "(2) Số ĐV phải đóng: 57\n(3) Số ĐV đã đóng: 55              (4) Chưa đóng: 02 – Lý Thanh Tâm, Châu Ngọc Hân";
    expect(read("party-dues", side, "2026-10-02T09:00:00+07:00")).toMatchObject({ liable: 57, paid: 55, unpaid: 2, unpaid_names: ["Lý Thanh Tâm", "Châu Ngọc Hân"] });
    const ledger = "BẢNG THU ĐẢNG PHÍ QUÝ III/2026\n\nSTT\tHọ và tên\tCộng quý\tT7\tT8\tT9\tGhi chú\n1\tĐinh Văn Hiền\t135.000\t45.000\t45.000\t45.000\tBí thư\n2\tĐinh Thị Lưu\t30.000\t10.000\t10.000\t10.000\t\n3\tĐinh Văn Ró\t0\t–\t–\t–\tchưa nộp\n\tCộng\t165.000\t55.000\t55.000\t55.000\t\n\nTrích lại chi bộ 30%: 49.500đ; phải nộp Đảng ủy xã: 115.500đ (chưa nộp, sẽ nộp tại buổi giao ban).";
    expect(read("party-dues", ledger, "2026-10-05T09:00:00+07:00")).toMatchObject({ liable: 3, paid: 2, unpaid_names: ["Đinh Văn Ró"], amount_vnd: 165000, remitted: false });
  });
  it("reads 'Hộ nghèo hiện còn 36 hộ' and '100% là đảng viên chính thức' as none on probation", () => {
    expect(read("village-quarterly", "Thôn Mạ quý IV/2025: 158 hộ, 641 nhân khẩu. Hộ nghèo hiện còn 36 hộ; hộ cận nghèo 27. Đảng viên: 22 (100% là đảng viên chính thức).", "2026-01-05T09:00:00+07:00")).toMatchObject({ poor_households: 36, near_poor_households: 27, members: 22, probationary: 0 });
  });
});

describe("who does a task, named before it (fourteenth round)", () => {
  it("reads an organisation, a titled comrade or a name in capitals opening the item as its owner", () => {
    const text = "Chi bộ xóm Đồng sinh hoạt ngày 4/7/2026, có mặt 20/22.\nNghị quyết:\n- Ban công tác Mặt trận xóm vận động các hộ hiến đất làm đường, xong trước 31/7/2026;\n- Đ/c Trưởng bản Lầu A Sử đôn đốc các hộ thu hoạch lúa nương trước 25/10/2026;\n- Đ/c Trần Văn Hùng, trưởng thôn, chỉ đạo thu các khoản đóng góp;\n- Ama Hiếu vận động 5 hộ nghèo làm hồ sơ vay vốn.";
    expect(read("monthly-meeting", text, "2026-07-05T09:00:00+07:00").resolutions).toEqual([
      { task: "vận động các hộ hiến đất làm đường", owner: "Ban công tác Mặt trận xóm", due: "2026-07-31" },
      { task: "đôn đốc các hộ thu hoạch lúa nương", owner: "Lầu A Sử", due: "2026-10-25" },
      { task: "chỉ đạo thu các khoản đóng góp", owner: "Trần Văn Hùng", due: null },
      { task: "vận động 5 hộ nghèo làm hồ sơ vay vốn", owner: "Ama Hiếu", due: null },
    ]);
  });
  it("leaves a task opening with 'Tổ chức' or 'Mỗi đảng viên' whole", () => {
    const text = "Chi bộ xóm Đồng sinh hoạt ngày 4/7/2026, có mặt 20/22.\nNghị quyết:\n- Tổ chức họp mặt kỷ niệm ngày thành lập Hội, giao Chi hội Phụ nữ;\n- Mỗi đảng viên phụ trách 5 hộ để tuyên truyền.";
    const r = read("monthly-meeting", text, "2026-07-05T09:00:00+07:00").resolutions as { task: string; owner: string | null }[];
    expect(r[0]).toMatchObject({ task: "Tổ chức họp mặt kỷ niệm ngày thành lập Hội", owner: "Chi hội Phụ nữ" });
    expect(r[1]?.task).toBe("Mỗi đảng viên phụ trách 5 hộ để tuyên truyền");
  });
});

describe("the secretary's own house (fourteenth round)", () => {
  it("reads 'ở nhà tui' said by the secretary as the secretary's house", () => {
    const text = "Chào văn phòng, tui là Tư Hoà bí thư kiêm trưởng ấp Long Hưng. Tối qua chi bộ họp thường kỳ tháng sáu ở nhà tui vì hội trường ấp đang sửa mái, có mặt 20/22.";
    expect(read("monthly-meeting", text, "2026-06-06T09:00:00+07:00")).toMatchObject({ place: "nhà bí thư" });
  });
});

describe("an agenda lettered or said as what the cell did (fourteenth round)", () => {
  it("reads items lettered 'a.', 'b.' under 'III. Nội dung:' and a resolution list so lettered", () => {
    const text = "Chi bộ buôn Bầu sinh hoạt ngày 05/8/2026, có mặt 21/24.\nIII. Nội dung:\n  a. Đánh giá thực hiện nghị quyết tháng 7;\n  b. Triển khai thu hoạch mì;\n  c. Góp ý đảng viên dự bị trước khi xét chuyển chính thức.\nIV. Nghị quyết:\n  a. Vận động hộ trồng mì ký hợp đồng – Trưởng buôn phụ trách;\n  b. Sửa chữa mái nhà rông trước 02/9/2026 – giao Chi hội Cựu chiến binh.";
    const r = read("monthly-meeting", text, "2026-08-06T09:00:00+07:00");
    expect(r.content_items).toEqual(["Đánh giá thực hiện nghị quyết tháng 7", "Triển khai thu hoạch mì", "Góp ý đảng viên dự bị trước khi xét chuyển chính thức"]);
    expect((r.resolutions as { task: string }[]).map((x) => x.task)).toEqual(["Vận động hộ trồng mì ký hợp đồng", "Sửa chữa mái nhà rông"]);
  });
  it("reads 'Chi bộ đã: A; B; C.' as the agenda", () => {
    const text = "1./ Sinh hoạt vào lúc 7 giờ 30 sáng 06/12/2026 tại nhà sinh hoạt cộng đồng tổ 41.\n2./ Đảng viên: 19 đ/c phải dự, có mặt 17 đ/c.\n3./ Chi bộ đã: thông qua dự thảo báo cáo tổng kết năm 2026; triển khai công tác bảo đảm an ninh trật tự dịp Tết; xét đề nghị biểu dương đảng viên tiêu biểu.";
    expect(read("monthly-meeting", text, "2026-12-08T09:00:00+07:00").content_items).toEqual(["thông qua dự thảo báo cáo tổng kết năm 2026", "triển khai công tác bảo đảm an ninh trật tự dịp Tết", "xét đề nghị biểu dương đảng viên tiêu biểu"]);
  });
});

describe("names and deadlines read whole (fourteenth round)", () => {
  it("reads every name after one comrade word, and a deadline 'trước Tết Bính Ngọ' out of the task, 'khăn' no 'hạn'", () => {
    const text = "Đảng viên triệu tập: 54 đ/c. Có mặt 49 đ/c, vắng 5 đ/c: có lý do 4 (đ/c Lê Văn Hòa, Bùi Thị Nga, Kiều Minh Đức, Phùng Thị Loan); không lý do 1 (đ/c Tạ Văn Sơn).\nNghị quyết:\n1. Tổ chức gói bánh chưng tặng 15 hộ khó khăn trước Tết Bính Ngọ – giao Chi hội Phụ nữ.";
    const r = read("monthly-meeting", text, "2026-01-07T09:00:00+07:00");
    expect((r.absentees as { name: string }[]).map((a) => a.name)).toEqual(["Lê Văn Hòa", "Bùi Thị Nga", "Kiều Minh Đức", "Phùng Thị Loan", "Tạ Văn Sơn"]);
    expect((r.resolutions as { task: string; owner: string }[])[0]).toMatchObject({ task: "Tổ chức gói bánh chưng tặng 15 hộ khó khăn", owner: "Chi hội Phụ nữ" });
  });
  it("reads no name 'Vắng T' out of 'Vắng T4 – có lý do: …'", () => {
    const text = "Có mặt: 47, vắng có lý do: 2.\n\nVắng T4 – có lý do: Phạm Thị Hường (nằm viện), Đỗ Văn Thắng (đi công tác).";
    const names = ((read("monthly-meeting", text, "2026-04-09T09:00:00+07:00").absentees ?? []) as { name: string }[]).map((a) => a.name);
    expect(names).not.toContain("Vắng T");
  });
});

describe("a reply quoting the office, a faith's full name (fourteenth round)", () => {
  it("reads no day out of the office's quoted request ('… gửi trong hôm nay nhé')", () => {
    const text = "> Chi bộ nào chưa báo cáo SH tháng 1 thì gửi trong hôm nay nhé\nDạ chi bộ thôn Đồng Tâm báo cáo ạ.\nSinh hoạt thường kỳ tháng 1/2026 ngày 6/1, từ 19h15 đến 21h00 tại nhà văn hóa thôn. Có mặt 27/29.";
    expect(read("monthly-meeting", text, "2026-01-08T09:00:00+07:00")).toMatchObject({ meeting_date: "2026-01-06", present: 27 });
  });
  it("reads 'theo Phật giáo Nam tông Khmer' as a faith, the Khmer of all said before", () => {
    const text = "Chi bộ ấp Kinh Xáng: kết nạp 4 đảng viên mới, tất cả là đồng bào Khmer, trong đó 2 nữ, 1 đồng chí theo Phật giáo Nam tông Khmer, 3 đoàn viên.";
    expect(read("admissions", text, "2027-01-05T09:00:00+07:00")).toMatchObject({ admitted: 4, ethnic_minority: 4, religious: 1, women: 2, youth_union: 3 });
  });
});

describe("members said whole, then those who came (fourteenth round)", () => {
  it("reads '31 đv hết, có 27, vắng 4'", () => {
    expect(read("monthly-meeting", "Dạ chi bộ ấp Kênh Xáng họp ngày 13/12. 31 đv hết, có 27, vắng 4 người (2 có phép, 2 hông phép).", "2026-12-14T09:00:00+07:00")).toMatchObject({ members_expected: 31, present: 27, absent_total: 4 });
  });
});

describe("chat dues and villages read again (fourteenth round)", () => {
  it("reads 'chuyển khoản vô tk văn phòng đảng ủy xã', 'nộp VP xã' and 'chuyển khoản VP ĐUP' as remitted there", () => {
    expect(read("party-dues", "27/27 đv đóng đủ. Tổng 3 triệu 240 ngàn, em chuyển khoản vô tk văn phòng đảng ủy xã 972 ngàn rồi đó, chi bộ giữ lại 2 triệu 268.", "2026-04-05T09:00:00+07:00")).toMatchObject({ remitted: true, remitted_vnd: 972000, remitted_to: "văn phòng đảng ủy xã" });
    expect(read("party-dues", "thon Khe Cat dp thang 4 thu dc 1tr2, 20 dv dong het ca. da nop VP xa 360k, giu lai 840k", "2026-05-05T09:00:00+07:00")).toMatchObject({ remitted: true, remitted_vnd: 360000, remitted_to: "văn phòng đảng ủy xã" });
    expect(read("party-dues", "dp thang 11: 55 dv, dong 53. Tong thu 4.125.000d. Da chuyen khoan VP DUP 1.237.500d ngay 4/12", "2026-12-05T09:00:00+07:00")).toMatchObject({ remitted_vnd: 1237500, remitted_date: "2026-12-04", remitted_to: "văn phòng đảng ủy phường" });
  });
  it("reads 'Đã đóng đủ 12 tháng: 40' as 40 who paid, '1 nghìn 6 trăm 25 khẩu' and 'đảng viên 9 à 10 chứ'", () => {
    expect(read("party-dues", "Số ĐV phải đóng: 41. Đã đóng đủ 12 tháng: 40", "2026-01-05T09:00:00+07:00")).toMatchObject({ liable: 41, paid: 40, unpaid: 1 });
    expect(read("village-quarterly", "số liệu quý 2 năm 2026 thôn Thượng Phong số hộ 410 hộ nhân khẩu 1 nghìn 6 trăm 25 khẩu hộ nghèo 23", "2026-07-03T09:00:00+07:00")).toMatchObject({ households: 410, population: 1625 });
    expect(read("village-quarterly", "Thôn Lũng Cẩm quý 2: 108 hộ, 520 khẩu, đảng viên 9 à 10 chứ, dự bị 1", "2026-07-03T09:00:00+07:00")).toMatchObject({ members: 10, probationary: 1 });
  });
});

describe("office forms read again (fourteenth round)", () => {
  it("reads a form's 'CL'/'KL', the absent under 'Họ tên ĐV vắng (ghi rõ lý do):' and 'vắng 03 đ/c gồm: …'", () => {
    const form = "Tổng số ĐV chi bộ: 29   Có mặt: 25   Vắng: 4 (CL: 3  KL: 1)\nHọ tên ĐV vắng (ghi rõ lý do): Huỳnh Văn Tám (đi biển); Nguyễn Thị Lệ (chăm mẹ ốm); Trần Văn Sửu (đi làm ăn xa); Võ Văn Long (KL)";
    const r = read("monthly-meeting", form, "2026-12-20T09:00:00+07:00");
    expect(r).toMatchObject({ absent_excused: 3, absent_unexcused: 1 });
    expect((r.absentees as { name: string }[]).map((a) => a.name)).toEqual(["Huỳnh Văn Tám", "Nguyễn Thị Lệ", "Trần Văn Sửu", "Võ Văn Long"]);
    const gom = "b) Số lượng: chi bộ có 27 đảng viên; dự 24 đ/c; vắng 03 đ/c gồm: Bùi Văn Khịa (đi làm ăn xa, có báo), Đinh Thị Xuyến (ốm, có báo), Quách Văn Lợi (không báo).";
    expect((read("monthly-meeting", gom, "2025-09-08T09:00:00+07:00").absentees as { name: string }[]).map((a) => a.name)).toEqual(["Bùi Văn Khịa", "Đinh Thị Xuyến", "Quách Văn Lợi"]);
  });
  it("reads an agenda numbered '(1)' under its header, and ends the tasks at the report's next lettered part", () => {
    const text = "Chi bộ xóm Mít sinh hoạt ngày 06/9/2025, dự 20/23.\nc) Nội dung:\n (1) Đánh giá công tác tháng 8;\n (2) Tổ chức Tết Trung thu cho thiếu nhi.\nd) Chi bộ giao: di dời 02 hộ ở khu vực sạt lở – giao đ/c Đinh Công Thiện, xong trước 15/9/2025.\nđ) Đồng chí Đảng ủy viên phụ trách xóm không dự được do trùng lịch.";
    const r = read("monthly-meeting", text, "2025-09-08T09:00:00+07:00");
    expect(r.content_items).toEqual(["Đánh giá công tác tháng 8", "Tổ chức Tết Trung thu cho thiếu nhi"]);
    expect(r.resolutions).toEqual([{ task: "di dời 02 hộ ở khu vực sạt lở", owner: "Đinh Công Thiện", due: "2025-09-15" }]);
  });
  it("reads a sheet's row and its parts under 'Trong đó', a row short of its empty cells, and 'Nhân khẩu thường trú:'", () => {
    const sheet = "Biểu tổng hợp phát triển đảng viên năm 2025:\n\nNội dung\tTổng số\tTrong đó\t\t\n\t\tNữ\tĐoàn viên\tDân tộc thiểu số\nKết nạp mới\t4\t2\t3\t3\nChuyển chính thức\t3\t\t\t";
    expect(read("admissions", sheet, "2026-01-05T09:00:00+07:00")).toMatchObject({ admitted: 4, women: 2, youth_union: 3, ethnic_minority: 3, made_full: 3 });
    expect(read("village-quarterly", "BIỂU CẬP NHẬT SỐ LIỆU QUÝ I/2026\nĐơn vị: Khu phố 3\n1. Tổng số hộ: 1.245\n2. Nhân khẩu thường trú: 4.318", "2026-04-03T09:00:00+07:00")).toMatchObject({ households: 1245, population: 4318 });
  });
});

describe("tasks handed on lines of their own, the absent numbered (fourteenth round)", () => {
  it("reads 'Giao tổ 1 dọn …' and 'Giao:⏎+ đ/c … (trưởng xóm) rà soát …' as tasks and their owners", () => {
    const a = read("monthly-meeting", "Chi bộ ấp Sóc họp ngày 9/4, có mặt 15/18. Nội dung: bàn việc nạo vét kênh.\nGiao tổ 1 dọn vệ sinh kênh trước 30/4.", "2026-04-10T09:00:00+07:00");
    expect(a.resolutions).toEqual([{ task: "dọn vệ sinh kênh", owner: "tổ 1", due: "2026-04-30" }]);
    const b = read("monthly-meeting", "Chi bộ xóm Lằng họp ngày 10/9, có mặt 21/25.\nNội dung: rà soát hộ nghèo; vận động tham gia BHYT\nGiao:\n+ đ/c Bùi Văn Lành (trưởng xóm) rà soát hộ nghèo xong trước 15/10\n+ đ/c Quách Thị Nga (chi hội trưởng PN) vận động chị em tham gia BHYT", "2026-09-11T09:00:00+07:00");
    expect(b.resolutions).toEqual([{ task: "rà soát hộ nghèo", owner: "Bùi Văn Lành", due: "2026-10-15" }, { task: "vận động chị em tham gia BHYT", owner: "Quách Thị Nga", due: null }]);
  });
  it("reads the absent numbered a line each under 'vắng 3 (…):' and a cadre by his given name before his capitalised title", () => {
    const text = "Ngày 28/12 tại nhà văn hóa thôn.\nTổng số đv 29, có mặt 26, vắng 3 (2 có lý do, 1 không):\n1. Hồ Thị Lài (đi làm ăn xa)\n2. Trương Đình Ty (nằm viện)\n3. Phan Văn Rin (không lý do)\nCó đ/c Hoàng Phó Bí thư ĐU về dự";
    const r = read("monthly-meeting", text, "2026-01-02T09:00:00+07:00");
    expect((r.absentees as { name: string }[]).map((a) => a.name)).toEqual(["Hồ Thị Lài", "Trương Đình Ty", "Phan Văn Rin"]);
    expect(r).toMatchObject({ cadre_present: true, cadre_name: "Hoàng" });
  });
});

describe("admissions: none made full, none left waiting, a name after 'còn' (fourteenth round)", () => {
  it("reads 'Chưa chuyển chính thức cho ai' as none made full", () => {
    const r = read("admissions", "Quý 2/2026 chi bộ tổ 7 kết nạp 2 đ/c (1 nữ). Chưa chuyển chính thức cho ai.", "2026-07-02T09:00:00+07:00");
    expect(r).toMatchObject({ period: "2026-Q2", admitted: 2, women: 1, made_full: 0 });
  });
  it("reads 'không còn đ/c nào … chưa chuyển chính thức' as nobody pending", () => {
    const r = read("admissions", "Chi bộ xóm 3 quý 2: kết nạp 1 đv, chuyển chính thức 2 đ/c. Hiện không còn đ/c nào quá 12 tháng chưa chuyển chính thức.", "2026-07-03T09:00:00+07:00");
    expect(r).toMatchObject({ admitted: 1, made_full: 2, pending_full: [] });
  });
  it("reads the name after 'Còn' before 'đang chờ chuyển chính thức'", () => {
    const r = read("admissions", "Năm 2025 chi bộ ấp Bến kết nạp 2 đv, chuyển chính thức 1 đ/c. Còn Lê Thị Thu đang chờ chuyển chính thức (tháng 5 mới đủ).", "2026-01-06T09:00:00+07:00");
    expect(r).toMatchObject({ admitted: 2, made_full: 1, pending_full: ["Lê Thị Thu"] });
  });
});

describe("a forwarded report under the office's lines, a task handed with 'phân công', a group row in a compared table (fourteenth round)", () => {
  it("reads a report forwarded under '[VP … chuyển tiếp]' and the office's own lines above '-----'", () => {
    const text = "[VP Đảng ủy xã An Hòa chuyển tiếp]\nVP: Đã kiểm tra số liệu. Đề nghị chi bộ gửi bản giấy về VP trước 20/01.\n-----\nChi bộ thôn Tân Lập báo cáo phát triển đảng viên quý IV/2025:\n- Kết nạp: 01 đ/c (Lê Thị Hoa – nữ, đoàn viên).\n- Chuyển chính thức: 02 đ/c.";
    expect(read("admissions", text, "2026-01-06T09:00:00+07:00")).toMatchObject({ period: "2025-Q4", admitted: 1, women: 1, youth_union: 1, made_full: 2 });
  });
  it("keeps 'TP.HCM' whole in a reason and counts the absent right", () => {
    const r = read("monthly-meeting", "Chi bộ họp ngày 08/01. Tổng số đảng viên 20, dự 18, vắng 2: đ/c Lý Văn Tú đi làm ở TP.HCM (có báo trước), đ/c Kim Thị Sa vắng không báo.", "2026-01-09T09:00:00+07:00");
    expect(r).toMatchObject({ absent_total: 2, absent_excused: 1, absent_unexcused: 1 });
    expect((r.absentees as { reason?: string }[])[0]?.reason).toBe("đi làm ở TP.HCM");
  });
  it("reads 'Chi bộ phân công đ/c … (trưởng ấp) …, xong trước 10/02' as a task", () => {
    const r = read("monthly-meeting", "Chi bộ họp ngày 08/01, có mặt 17/19. Nội dung: triển khai kế hoạch đón Tết.\nChi bộ phân công đ/c Lâm Văn Sóc (trưởng ấp) thăm hộ nghèo dịp Tết, xong trước 10/02.", "2026-01-09T09:00:00+07:00");
    expect(r.resolutions).toEqual([{ task: "thăm hộ nghèo dịp Tết", owner: "Lâm Văn Sóc", due: "2026-02-10" }]);
  });
  it("reads a compared-quarters sheet through a group's own row with empty cells and its change column", () => {
    const text = "Chỉ tiêu\tQuý II/2026\tQuý III/2026\tTăng/giảm\nSố hộ\t200\t204\t+4\nĐảng viên\t30\t31\t+1\nĐoàn thể\t\t\t\n   - Phụ nữ\t150\t152\t+2\n   - CCB\t20\t21\t+1\nDiện tích tự nhiên (ha)\t310,5\t310,5\t0";
    expect(read("village-quarterly", text, "2026-10-03T09:00:00+07:00")).toMatchObject({ period: "2026-Q3", households: 204, members: 31, women_union: 152, veterans_union: 21, area_km2: 3.105 });
  });
});

describe("admissions forms and ceremonies (fourteenth round)", () => {
  it("reads the quarter after a ticked 'Kỳ báo cáo' and 'Quý: II/2026'", () => {
    const text = "MẪU BÁO CÁO PHÁT TRIỂN ĐẢNG VIÊN\nKỳ báo cáo: ☑ Quý   ☐ 6 tháng   ☐ Năm      Quý: II/2026\nI. Kết nạp đảng viên mới: ....01.... đ/c (Hà Thị Lan)\nII. Chuyển đảng chính thức: ....01.... đ/c";
    expect(read("admissions", text, "2026-07-03T09:00:00+07:00")).toMatchObject({ period: "2026-Q2", admitted: 1, made_full: 1 });
  });
  it("reads '☑ Không còn' after 'Đảng viên dự bị còn lại:' as nobody pending", () => {
    const text = "Chi bộ: thôn Đông\n1. Kết nạp đảng viên mới: ☑ Không có ☐ Có\n2. Chuyển đảng chính thức: 01 đ/c – Lý Thị Hân\n3. Đảng viên dự bị còn lại:  ☑ Không còn   ☐ Còn: ......";
    expect(read("admissions", text, "2026-04-03T09:00:00+07:00")).toMatchObject({ admitted: 0, made_full: 1, pending_full: [] });
  });
  it("keeps the year reported when a proposal names next quarter", () => {
    const text = "V/v báo cáo kết quả phát triển đảng viên năm 2025\na) Kết nạp đảng viên mới: 02 đ/c, trong đó 01 nữ.\nb) Chuyển đảng chính thức: 01 đ/c.\nc) Đề xuất: đề nghị Đảng ủy mở lớp bồi dưỡng nhận thức về Đảng sớm trong quý I/2026.";
    expect(read("admissions", text, "2026-01-08T09:00:00+07:00")).toMatchObject({ period: "2025", admitted: 2, women: 1, made_full: 1 });
  });
  it("reads each admitted one's traits in a list under '… kết nạp 02 quần chúng vào Đảng:' and the heading's own words", () => {
    const a = read("admissions", "Chi bộ công bố Quyết định kết nạp 02 quần chúng vào Đảng:\n1. Trần Văn Hải – nam, sinh năm 1998, đoàn viên;\n2. Phạm Thị Thu – nữ, sinh năm 2002, đoàn viên, giáo viên.", "2026-02-05T09:00:00+07:00");
    expect(a).toMatchObject({ admitted: 2, women: 1, youth_union: 2 });
    const b = read("admissions", "Chi bộ tổ chức Lễ kết nạp 02 học sinh lớp 12 vào Đảng:\n1. Em Lê Thị Hoa – lớp 12A2, nữ;\n2. Em Vũ Văn Nam – lớp 12A4, nam.", "2026-05-20T09:00:00+07:00");
    expect(b).toMatchObject({ admitted: 2, women: 1, students: 2 });
  });
});

describe("forms' labelled lines over their titles, a title between commas, a cadre who could not come (fourteenth round)", () => {
  it("reads the village from 'Thôn:' under a title naming the kind, and 'Khu dân cư: Tổ dân phố …' whole", () => {
    const a = read("village-quarterly", "PHIẾU CẬP NHẬT SỐ LIỆU THÔN HẰNG QUÝ\nQuý: .......III/2025.......\nThôn: .......Kon Rbang.......\tXã: .......Sông Kôn.......\n1. Số hộ: .......168....... hộ", "2025-10-05T09:00:00+07:00");
    expect(a).toMatchObject({ village: "thôn Kon Rbang", households: 168 });
    const b = read("village-quarterly", "PHIẾU BÁO CÁO NHANH SỐ LIỆU KHU DÂN CƯ – QUÝ II/2026\nKhu dân cư: Tổ dân phố Bắc Sơn 3\tPhường: Lê Lợi\n- Số hộ: 427", "2026-07-03T09:00:00+07:00");
    expect(b).toMatchObject({ village: "Tổ dân phố Bắc Sơn 3", households: 427 });
  });
  it("reads a dues form's 'Quý: ……III/2025……' as the quarter, not the month of its remittance", () => {
    const r = read("party-dues", "PHIẾU BÁO CÁO THU, NỘP ĐẢNG PHÍ\nQuý: ......III/2025......\n1. Số đảng viên phải đóng đảng phí: ......17...... đ/c\n2. Số đảng viên đã đóng: ......17...... đ/c\n3. Nộp cấp trên: 642.600 đồng; ngày nộp: 08/10/2025", "2025-10-09T09:00:00+07:00");
    expect(r).toMatchObject({ period: "2025-Q3", liable: 17, paid: 17 });
  });
  it("reads 'Nơi nộp: Đảng ủy phường (chuyển khoản)' as where the dues went", () => {
    const r = read("party-dues", "Tháng: 02/2026\nSố đảng viên phải đóng: 45, đã đóng 45\nĐã nộp cấp trên: ☑ Có  ☐ Chưa    Số tiền: 2.299.500 đ    Ngày: 02/3/2026\nNơi nộp: Đảng ủy phường (chuyển khoản)", "2026-03-03T09:00:00+07:00");
    expect(r).toMatchObject({ remitted: true, remitted_to: "đảng ủy phường" });
  });
  it("reads the owner named before his title between commas, and a cadre busy elsewhere who could not come", () => {
    const r = read("monthly-meeting", "Chi bộ họp ngày 14/4, có mặt 18/20. Đồng chí Đảng ủy viên phụ trách chi bộ bận dự hội nghị tại tỉnh nên không tham dự được. Chi bộ thống nhất giao đồng chí Y Bhim, Trưởng buôn, thành lập tổ trực phòng cháy rừng, hoàn thành trước ngày 20/4/2026.", "2026-04-15T09:00:00+07:00");
    expect(r.resolutions).toEqual([{ task: "thành lập tổ trực phòng cháy rừng", owner: "Y Bhim", due: "2026-04-20" }]);
    expect(r.cadre_present).toBe(false);
  });
});

describe("a sheet's header of three rows (fourteenth round)", () => {
  it("reads the levels under 'Xếp loại chất lượng' over each level over 'SL | %', the shares left out", () => {
    const text = "Tổng hợp xếp loại đảng viên năm 2025:\n\nTổng số ĐV\tSố ĐV được xếp loại\tXếp loại chất lượng\t\t\t\t\t\t\t\tKhông xếp loại\n\t\tHTXSNV\t\tHTTNV\t\tHTNV\t\tKHTNV\t\t\n\t\tSL\t%\tSL\t%\tSL\t%\tSL\t%\t\n30\t29\t4\t13,8\t22\t75,9\t3\t10,3\t0\t0\t1";
    expect(read("annual-rating", text, "2026-01-10T09:00:00+07:00")).toMatchObject({ period: "2025", htxs: 4, htt: 22, ht: 3, kht: 0, unrated: 1 });
  });
});

describe("a form's signer, its quarter label, a roll call after the agenda (fourteenth round)", () => {
  it("leaves 'Bí thư chi bộ (ký, ghi rõ họ tên)' and the name under it out of the tasks, and reads 'Chuyên đề quý: ....IV/2025....'", () => {
    const text = "PHIẾU TỔNG HỢP SINH HOẠT CHI BỘ\nNgày họp: ....18/12/2025....\nTổng số ĐV chi bộ: ....29....   Có mặt: ....25....\nChuyên đề quý: ....IV/2025.... Tên chuyên đề: ....Phòng chống thiên tai....\nNghị quyết/nhiệm vụ giao: ....Sửa chữa đoạn kè – giao Ban Nhân dân thôn – xong trước 15/01/2026....\n\n\t\t\t\tBí thư chi bộ (ký, ghi rõ họ tên)\n\t\t\t\tPhạm Minh Hùng";
    const r = read("monthly-meeting", text, "2025-12-20T09:00:00+07:00");
    expect(r.resolutions).toEqual([{ task: "Sửa chữa đoạn kè", owner: "Ban Nhân dân thôn", due: "2026-01-15" }]);
    expect(r.quarter).toBe("2025-Q4");
  });
  it("names the absent from a roll call with 'Vắng CL | Vắng KL' columns after the agenda", () => {
    const text = "Chi bộ TDP 9 họp tối 10/11. Tổng số 6 đ/c, có mặt 4, vắng 2 (1 CL, 1 KL).\nNội dung: đánh giá công tác tháng 10; triển khai Ngày hội Đại đoàn kết.\n\nSTT\tHọ và tên\tCó mặt\tVắng CL\tVắng KL\tGhi chú\n1\tNguyễn Văn Bình\tx\t\t\tBí thư\n2\tĐặng Quốc Khánh\t\tx\t\tđi công tác\n3\tVũ Thị Hòa\tx\t\t\t\n4\tĐỗ Văn Quang\t\t\tx\tkhông báo\n5\tNgô Thị Hằng\tx\t\t\t\n6\tLưu Thị Thu\tx\t\t\t";
    const r = read("monthly-meeting", text, "2025-11-12T09:00:00+07:00");
    expect(r.absentees).toEqual([{ name: "Đặng Quốc Khánh", excused: true, reason: "đi công tác" }, { name: "Đỗ Văn Quang", excused: false }]);
  });
});

describe("an office's summary over one cell's report, a rating put right with 'là' (fourteenth round)", () => {
  it("reads the one cell's report after the office's whole-commune summary ('Riêng Chi bộ …')", () => {
    const text = "VP Đảng ủy xã tổng hợp, kính gửi đ/c Phó Bí thư thường trực:\nTháng 7/2026 toàn Đảng bộ có 23/24 chi bộ đã sinh hoạt, tỷ lệ đảng viên dự bình quân 91,4%.\nRiêng Chi bộ bản Nà Hin (mới báo lên chiều nay): họp ngày 03/7 tại nhà văn hóa bản; có mặt 15/18 đ/c, vắng 3 đều có lý do.";
    expect(read("monthly-meeting", text, "2026-07-06T17:45:00+07:00")).toMatchObject({ meeting_date: "2026-07-03", present: 15, members_expected: 18, absent_total: 3, absent_excused: 3 });
  });
  it("takes 'Xin đính chính các dòng trên: HTT là 16 đ/c, HT là 1 đ/c' over the lines above", () => {
    const text = "Chi bộ bản Nà Tăm báo cáo xếp loại năm 2026:\n- HTXS: 3 đ/c\n- HTT: 15 đ/c\n- HT: 2 đ/c\n- KHT: 1 đ/c\nXin đính chính các dòng trên: HTT là 16 đ/c, HT là 1 đ/c (em gõ nhầm ạ).";
    expect(read("annual-rating", text, "2026-12-20T09:00:00+07:00")).toMatchObject({ htxs: 3, htt: 16, ht: 1, kht: 1 });
  });
});

describe("pictures as a chat's labels (fourteenth round)", () => {
  it("reads '📍' as the place and a picture opening a line as an item, not a task", () => {
    const text = "Thôn Bản Lù bc sh t7 👇\n📅 12/7\n⏰ 8h-10h30 sáng\n📍 nhà văn hóa thôn\n👥 có mặt 19/21 đv\n❌ vắng 2 có lý do\n📝 ND: sơ kết 6 tháng đầu năm\n✅ Nghị quyết: mỗi hộ góp 2 ngày công làm đường, xong trước 30/8\n👤 đ/c Lục Văn Hòa ĐUV dự 👍";
    const r = read("monthly-meeting", text, "2026-07-13T09:00:00+07:00");
    expect(r).toMatchObject({ meeting_date: "2026-07-12", start_time: "08:00", end_time: "10:30", place: "nhà văn hóa thôn", present: 19, members_expected: 21, cadre_present: true });
    expect(r.resolutions).toEqual([{ task: "mỗi hộ góp 2 ngày công làm đường", owner: null, due: "2026-08-30" }]);
  });
  it("reads a list under '🌟 Kết nạp tháng 7 - chi bộ TDP 5:' as those admitted", () => {
    const text = "🌟 Kết nạp tháng 7 - chi bộ TDP 5:\n1. Nguyễn Thu Hà (nữ, đoàn viên)\n2. Lê Minh Quân (đoàn viên)\n➡️ Chuyển CT: đ/c Phạm Thị Nguyệt ✅";
    expect(read("admissions", text, "2026-08-02T09:00:00+07:00")).toMatchObject({ period: "2026-07", admitted: 2, women: 1, youth_union: 2, made_full: 1 });
  });
});

describe("a title in quotes, months owed (fourteenth round)", () => {
  it("takes no place from the words of a quoted title ('… rác thải tại nguồn')", () => {
    const text = "Chi bộ TDP số 12 báo cáo SH chuyên đề quý II/2026:\n- Chủ đề: \"Nâng cao ý thức phân loại rác thải tại nguồn\"\n- Thời gian: 19h00-20h30 ngày 18/6, tại nhà sinh hoạt cộng đồng TDP 12\n- Có mặt 30/34";
    expect(read("monthly-meeting", text, "2026-06-19T09:00:00+07:00")).toMatchObject({ place: "nhà sinh hoạt cộng đồng tổ dân phố 12", present: 30 });
  });
  it("reads 'còn đ/c … nợ 3 tháng' as one member unpaid, not three", () => {
    const text = "Tổng hợp đảng phí năm 2025:\nSố ĐV phải đóng: 41\nĐã đóng đủ 12 tháng: 40, còn đ/c Nguyễn Văn Chính nợ 3 tháng (đi XKLĐ Đài Loan)";
    expect(read("party-dues", text, "2026-01-05T09:00:00+07:00")).toMatchObject({ liable: 41, paid: 40, unpaid: 1, unpaid_names: ["Nguyễn Văn Chính"] });
  });
});

describe("a form's 'Tên khu dân cư: Khu phố …4…' under a title naming the kind (fourteenth round)", () => {
  it("reads the khu phố named on the label line, not the title's kind nor the ward's label after its number", () => {
    const text = "PHIẾU CẬP NHẬT SỐ LIỆU KHU DÂN CƯ\nQuý: .....III.....  Năm: .....2026.....\nTên khu dân cư: Khu phố .....4.....  Phường .....Tân Định.....\nTổng số hộ: .....1.084..... hộ";
    expect(read("village-quarterly", text, "2026-10-05T09:00:00+07:00")).toMatchObject({ village: "Khu phố 4", households: 1084 });
  });
});

describe("a dues report said with the South's number words (fourteenth round)", () => {
  it("reads 'hai chục đ/c trên hăm mốt, tiền ba trăm rưởi ngàn' as a report, not an article", () => {
    const text = "dạ tháng tư cb thu đảng phí được hai chục đ/c trên hăm mốt, tiền ba trăm rưởi ngàn, còn đ/c Kha Văn Sóc chưa đóng do đi biển chưa về";
    expect(read("party-dues", text, "2026-05-03T09:00:00+07:00")).toMatchObject({ period: "2026-04", paid: 20, liable: 21, unpaid: 1, amount_vnd: 350000, unpaid_names: ["Kha Văn Sóc"] });
  });
});

describe("a clock time after 'Thời gian:', money's 'đồng' before 'chi bộ' (fourteenth round)", () => {
  it("reads 'Thời gian: 7h30 sáng …, kết thúc 9h30' as two hours, not a duration of 7 h 30", () => {
    const r = read("monthly-meeting", "Chi bộ ấp Bom Bo báo cáo SHCB tháng 8/2026\n- Thời gian: 7h30 sáng Chủ nhật 2/8, kết thúc 9h30\n- ĐV: tổng 19, có mặt 15", "2026-08-03T09:00:00+07:00");
    expect(r).toMatchObject({ start_time: "07:30", end_time: "09:30", duration_min: 120 });
  });
  it("names no one 'Bộ Giữ Lại' from '… 85 ngàn đồng chi bộ giữ lại …'", () => {
    const text = "đảng phí tháng 3 chi bộ khóm 4 phải đóng 37 đồng chí đã đóng 34 đồng chí còn 3 đồng chí chưa đóng là đồng chí Huỳnh Quốc Vĩ đồng chí Tô Thị Mến và đồng chí Lâm Sà Phia tổng số tiền thu được là 1 triệu 85 ngàn đồng chi bộ giữ lại 30 phần trăm";
    expect(read("party-dues", text, "2026-03-20T09:00:00+07:00").unpaid_names).toEqual(["Huỳnh Quốc Vĩ", "Tô Thị Mến", "Lâm Sà Phia"]);
  });
});

describe("an attendance sheet a row for each kind of member (fourteenth round)", () => {
  it("adds up 'ĐV chính thức' and 'ĐV dự bị' under 'Tổng số | Có mặt | Vắng'", () => {
    const text = "Chi bộ ấp 5 – kết quả SHCB tháng 01/2026\nNgày họp: 06/01/2026\n| Thành phần | Tổng số | Có mặt | Vắng |\n| ĐV chính thức | 26 | 22 | 4 |\n| ĐV dự bị | 2 | 2 | 0 |";
    expect(read("monthly-meeting", text, "2026-01-08T09:00:00+07:00")).toMatchObject({ members_expected: 28, present: 24, absent_total: 4 });
  });
});

describe("a time put right after the part of the day (fourteenth round)", () => {
  it("reads 'lúc bảy giờ tối à không bảy giờ rưỡi tối' and 'lúc 7h tối à không 7h30' as half past seven", () => {
    for (const said of ["lúc bảy giờ tối à không bảy giờ rưỡi tối", "lúc 7h tối à không 7h30 tối"]) {
      const r = read("monthly-meeting", `chi bộ ấp Vĩnh Lợi ngày 5/5 họp ${said} tại nhà văn hóa ấp, có mặt 20/22`, "2026-05-06T09:00:00+07:00");
      expect(r.start_time).toBe("19:30");
    }
  });
});

describe("a task handed to someone addressed as 'anh' (fourteenth round)", () => {
  it("reads 'giao anh Hai Tâm trưởng ấp lên danh sách …' as Hai Tâm's task", () => {
    const r = read("monthly-meeting", "Chi bộ ấp Bình Ý họp ngày 5/3, có mặt 20/22. Chi bộ thống nhất giao anh Hai Tâm trưởng ấp lên danh sách hộ đóng góp làm lộ bê tông, xong trước 20/3.", "2026-03-06T09:00:00+07:00");
    expect(r.resolutions).toEqual([{ task: "lên danh sách hộ đóng góp làm lộ bê tông", owner: "Hai Tâm", due: "2026-03-20" }]);
  });
});

describe("a tasks sheet under 'Nhiệm vụ tháng …:', a day a task is for (fourteenth round)", () => {
  it("reads 'STT | Nhiệm vụ | Người phụ trách | Thời hạn' under its header with each owner, no extra item", () => {
    const text = "Chi bộ xóm 7 họp ngày 03/12/2026, có mặt 31/38.\n\nNhiệm vụ tháng 12/2026:\nSTT\tNhiệm vụ\tNgười phụ trách\tThời hạn\n1\tHoàn thành kiểm điểm đảng viên năm 2026\tBí thư chi bộ\t18/12/2026\n2\tThu đảng phí quý IV\tĐ/c Lê Thị Nga\t20/12/2026";
    const r = read("monthly-meeting", text, "2026-12-05T09:00:00+07:00");
    expect(r.resolutions).toEqual([
      { task: "Hoàn thành kiểm điểm đảng viên năm 2026", owner: "Bí thư chi bộ", due: "2026-12-18" },
      { task: "Thu đảng phí quý IV", owner: "Lê Thị Nga", due: "2026-12-20" },
    ]);
  });
  it("keeps 'nhân ngày 22/12' in the task and takes the deadline after it", () => {
    const r = read("monthly-meeting", "Chi bộ họp ngày 3/12, có mặt 30/31.\nNghị quyết:\n- Tổ chức gặp mặt nhân ngày 22/12, xong trước 20/12", "2026-12-05T09:00:00+07:00");
    expect(r.resolutions).toEqual([{ task: "Tổ chức gặp mặt nhân ngày 22/12", owner: null, due: "2026-12-20" }]);
  });
});

describe("a cadre's title in brackets before 'dự' (fourteenth round)", () => {
  it("reads '- Đ/c Đỗ Minh Khôi (ĐUV phụ trách) dự' as the cadre who came", () => {
    const r = read("monthly-meeting", "Chi bộ thôn Bãi Sậy họp ngày 3/9, có mặt 31/34.\n- Đ/c Đỗ Minh Khôi (ĐUV phụ trách) dự\nNghị quyết:\n1. Hoàn thành thu quỹ khuyến học trước 15/9 - chi hội khuyến học", "2026-09-05T09:00:00+07:00");
    expect(r).toMatchObject({ cadre_present: true, cadre_name: "Đỗ Minh Khôi" });
  });
});

describe("'À quên, 17/20 mới đúng', one kind counted and named (fourteenth round)", () => {
  it("takes the fraction put right after 'À quên … mới đúng' and splits the absent by the one named", () => {
    const r = read("monthly-meeting", "Thon Ha Nha bao cao sh chi bo thang 10 ngay 5/10, co mat 18/20 (vang 2 co ly do). A quen, 17/20 moi dung, vang 3 co 1 dc ko ly do la dc Tran Van Beo.", "2026-10-06T09:00:00+07:00");
    expect(r).toMatchObject({ present: 17, members_expected: 20, absent_total: 3, absent_excused: 2, absent_unexcused: 1 });
  });
});

describe("'họp xong lúc …' at the end of the agenda (fourteenth round)", () => {
  it("ends the agenda at 'họp xong lúc 9 giờ kém 15' and reads it as the end", () => {
    const r = read("monthly-meeting", "Chi bộ họp tối 5/10 lúc 19h, có mặt 17/20. Nội dung: chuẩn bị phòng chống bão, họp xong lúc 9 giờ kém 15", "2026-10-06T09:00:00+07:00");
    expect(r).toMatchObject({ start_time: "19:00", end_time: "20:45", content_items: ["chuẩn bị phòng chống bão"] });
  });
});

describe("the commune on the address line (fourteenth round)", () => {
  it("reads no village from 'Kinh gui Van phong Dang uy xa Ban Xeo,' and the one after it", () => {
    const text = "Kinh gui Van phong Dang uy xa Ban Xeo,\nChi bo thon Seo Mi Ty cap nhat so lieu thon quy I/2026 nhu sau:\n- So ho: 87 ho; nhan khau: 436 nguoi";
    expect(read("village-quarterly", text, "2026-04-03T09:00:00+07:00")).toMatchObject({ village: "thon Seo Mi Ty", households: 87, population: 436 });
  });
});

describe("a heading 'NGHỊ QUYẾT – NHIỆM VỤ TRỌNG TÂM THÁNG …' (fourteenth round)", () => {
  it("reads the numbered tasks under it, the heading's words none of them", () => {
    const text = "Chi bộ thôn An Tảo họp ngày 04/3/2026, có mặt 25/28.\n\nIII. NGHỊ QUYẾT – NHIỆM VỤ TRỌNG TÂM THÁNG 3/2026\n1. Chỉ đạo ra quân diệt chuột đợt 1, hoàn thành trước ngày 20/3/2026 – giao đ/c Trưởng thôn.\n2. Chuẩn bị nội dung sinh hoạt chuyên đề quý I – giao đ/c Bí thư chi bộ.";
    const r = read("monthly-meeting", text, "2026-03-06T09:00:00+07:00");
    expect((r.resolutions as { task: string }[]).map((x) => x.task)).toEqual(["Chỉ đạo ra quân diệt chuột đợt 1", "Chuẩn bị nội dung sinh hoạt chuyên đề quý I"]);
  });
});

describe("a report's regular and thematic parts, a body handed a task by name (fourteenth round)", () => {
  it("reads the items under 'Phần thường kỳ:' and leaves 'Phần chuyên đề' to the topic", () => {
    const text = "Chi bộ ấp Tân Quy họp ngày 03/4/2026, có mặt 31/34.\n5. Phần thường kỳ:\n   - Đánh giá kết quả tháng 3;\n   - Triển khai thu hoạch lúa Đông Xuân.\n6. Phần chuyên đề: \"Nâng cao ý thức chấp hành pháp luật về giao thông\", do đ/c Trương Minh Tâm trình bày.";
    expect(read("monthly-meeting", text, "2026-04-04T09:00:00+07:00").content_items).toEqual(["Đánh giá kết quả tháng 3", "Triển khai thu hoạch lúa Đông Xuân"]);
    const numbered = "Chi bộ thôn Trà Kiệu họp ngày 04/10/2026, có mặt 33/38.\nIV. NỘI DUNG\n1. Phần thường kỳ:\n - Đánh giá kết quả tháng 9;\n - Triển khai phòng chống bão lũ.\n2. Phần chuyên đề: \"Chuyển đổi số ở thôn\", do đ/c Trần Quốc Bảo trình bày.";
    expect(read("monthly-meeting", numbered, "2026-10-05T09:00:00+07:00").content_items).toEqual(["Đánh giá kết quả tháng 9", "Triển khai phòng chống bão lũ"]);
  });
  it("reads 'giao Ban phát triển bản bổ sung …' as the body's task", () => {
    const r = read("monthly-meeting", "Chi bộ bản Co Mạ họp ngày 20/9, có mặt 30/32. Chi bộ thống nhất giao Ban phát triển bản bổ sung nội dung giữ gìn trang phục vào hương ước bản, hoàn thành trước 30/9/2026.", "2026-09-21T09:00:00+07:00");
    expect(r.resolutions).toEqual([{ task: "bổ sung nội dung giữ gìn trang phục vào hương ước bản", owner: "Ban phát triển bản", due: "2026-09-30" }]);
  });
});

describe("'Giao:' closing a task's sentence (fourteenth round)", () => {
  it("reads 'Giao: Ban …' and 'Giao: đ/c … - chi ủy viên' after the task's deadline as its owner", () => {
    const text = "Chi bộ thôn Đông Thành họp ngày 05/3/2026, có mặt 29/33.\nIII. NGHỊ QUYẾT - NHIỆM VỤ TRỌNG TÂM THÁNG 3/2026\n1. Hoàn thành gieo cấy lúa xuân trước ngày 15/3/2026. Giao: Ban phát triển sản xuất thôn.\n2. Thu nộp đảng phí quý I/2026 xong trước ngày 25/3/2026. Giao: đ/c Vũ Thị Lan - chi ủy viên.";
    expect(read("monthly-meeting", text, "2026-03-06T08:15:00+07:00").resolutions).toEqual([
      { task: "Hoàn thành gieo cấy lúa xuân", owner: "Ban phát triển sản xuất thôn", due: "2026-03-15" },
      { task: "Thu nộp đảng phí quý I/2026", owner: "Vũ Thị Lan", due: "2026-03-25" },
    ]);
  });
});

describe("a comrade named, taken back and named again (fourteenth round)", () => {
  it("gives the task to the comrade named after 'à nhầm' / 'à không'", () => {
    const a = read("monthly-meeting", "Chi bộ họp ngày 5/3, có mặt 20/22. Nghị quyết: giao đ/c Mai chi hội trưởng phụ nữ... à nhầm đ/c Đàm Thị Thoa chi hội trưởng phụ nữ vận động chị em ra quân vệ sinh đường làng trước 15/3", "2026-03-06T09:00:00+07:00");
    expect(a.resolutions).toEqual([{ task: "vận động chị em ra quân vệ sinh đường làng", owner: "Đàm Thị Thoa", due: "2026-03-15" }]);
    const b = read("monthly-meeting", "Chi bộ họp ngày 5/3, có mặt 20/22. Nghị quyết: đ/c Tèo... à không đ/c Thạch Sà Rinh phụ trách vận động BHYT trước 30/8", "2026-03-06T09:00:00+07:00");
    expect(b.resolutions).toEqual([{ task: "vận động BHYT", owner: "Thạch Sà Rinh", due: "2026-08-30" }]);
  });
});

describe("a report sent again whole in place of the first (fourteenth round)", () => {
  it("reads 'Em gửi lại đầy đủ để VP thay bản cũ:' and the figures under it as the report, not a correction", () => {
    const text = "Em gửi lại số liệu quý IV/2025 của thôn Pác Cáp, bản hôm qua em gõ nhầm số nhân khẩu (ghi 1.205), đúng là 1.250 ạ. Em gửi lại đầy đủ để VP thay bản cũ:\n- Số hộ: 276\n- Nhân khẩu: 1.250\n- Hộ nghèo: 22; cận nghèo: 30\n- Đảng viên: 26 (dự bị 1)";
    expect(read("village-quarterly", text, "2026-01-06T09:00:00+07:00")).toMatchObject({ period: "2025-Q4", village: "thôn Pác Cáp", households: 276, population: 1250, poor_households: 22, near_poor_households: 30, members: 26, probationary: 1 });
  });
});

describe("two old villages side by side, then their sum (fourteenth round)", () => {
  it("reads the 'Cộng thôn …' column of a sheet whose parts are the villages merged, 'Diện tích TN (ha)' among them", () => {
    const text = "Chi bộ thôn Tân Lập báo cáo số liệu quý I/2026, số báo cáo là cột cộng ạ.\n\nChỉ tiêu\tTân Lập 1 (cũ)\tTân Lập 2 (cũ)\tCộng thôn Tân Lập\nSố hộ\t214\t187\t401\nNhân khẩu\t812\t735\t1.547\nDiện tích TN (ha)\t182,5\t156,3\t338,8\nĐảng viên\t31\t26\t57";
    expect(read("village-quarterly", text, "2026-04-03T09:00:00+07:00")).toMatchObject({ period: "2026-Q1", households: 401, population: 1547, area_km2: 3.388, members: 57 });
  });
});

describe("levels under 'Tổng số | Trong đó' over 'Chính thức | Dự bị' (fourteenth round)", () => {
  it("reads each level's total, the header's last cell merged over the two after it", () => {
    const text = "KẾT QUẢ XẾP LOẠI ĐẢNG VIÊN NĂM 2025 – CHI BỘ ẤP TRÀ SÂY\nNội dung\tTổng số\tTrong đó\t\n\t\tChính thức\tDự bị\nHTXS\t3\t3\t0\nHTT\t22\t20\t2\nHT\t2\t2\t0\nKHT\t0\t0\t0\nKhông xếp loại\t1\t1\t0\nCộng\t28\t26\t2";
    expect(read("annual-rating", text, "2026-01-08T09:00:00+07:00")).toMatchObject({ period: "2025", htxs: 3, htt: 22, ht: 2, kht: 0, unrated: 1 });
  });
});

describe("a row of figures short of its remark's cell (fourteenth round)", () => {
  it("reads 'Số hộ | Nhân khẩu (Tổng | Trong đó Khmer) | … | Ghi chú' over a row with no remark", () => {
    const text = "SỐ LIỆU ẤP KHÉMEN QUÝ III/2025\nSố hộ\tNhân khẩu\t\tHộ nghèo\tHộ cận nghèo\tDiện tích\tGhi chú\n\tTổng\tTrong đó Khmer\t\t\t\t\n743\t2.914\t2.102\t58\t47\t6,12 km2\t";
    expect(read("village-quarterly", text, "2025-10-03T09:00:00+07:00")).toMatchObject({ households: 743, population: 2914, poor_households: 58, near_poor_households: 47, area_km2: 6.12 });
  });
});

describe("a roll call coded in one column (fourteenth round)", () => {
  it("counts 'x', 'V-P' and 'V-KP' under 'Điểm danh' and names the absent with their remarks", () => {
    const text = "Chi bộ xóm Mít họp ngày 08/5/2026.\nDANH SÁCH ĐIỂM DANH\nTT\tHọ và tên\tNăm sinh\tĐiểm danh\tGhi chú\n1\tBùi Văn Thành\t1968\tx\tBí thư\n2\tBạch Công Minh\t1962\tV-P\tđi viện tỉnh\n3\tĐinh Văn Sơn\t1985\tV-KP\t\n4\tQuách Thị Lan\t1979\tx\t\nKý hiệu: x – có mặt; V-P – vắng có phép; V-KP – vắng không phép";
    const r = read("monthly-meeting", text, "2026-05-09T09:00:00+07:00");
    expect(r).toMatchObject({ present: 2, members_expected: 4, absent_total: 2, absent_excused: 1, absent_unexcused: 1 });
    expect(r.absentees).toEqual([{ name: "Bạch Công Minh", excused: true, reason: "đi viện tỉnh" }, { name: "Đinh Văn Sơn", excused: false }]);
  });
});

describe("a corrected copy's groups of the absent and its list (fourteenth round)", () => {
  it("reads groups written label first after one counted first, a list's note before its colon, and no day from 'thay bản gửi sáng nay'", () => {
    const text = "BÁO CÁO NHANH SINH HOẠT CHI BỘ THÁNG 10/2025\n(bản sửa – thay bản gửi sáng nay)\n1. Thời gian: 19h45 ngày 14/10/2025.\n4. Quân số: tổng số ĐV 51; có mặt 42; vắng 09, trong đó 05 đ/c miễn sinh hoạt theo quy định, vắng có lý do 03, vắng không lý do 01.\nDanh sách vắng (không kể các đ/c miễn SH): Đỗ Văn Khải (đi viện, có xin phép), Phạm Thị Hương (công tác, có xin phép), Vũ Mạnh Cường (trực, có xin phép), Lê Quang Vinh (không báo, không xin phép)";
    const r = read("monthly-meeting", text, "2025-10-15T09:00:00+07:00");
    expect(r).toMatchObject({ meeting_date: "2025-10-14", present: 42, members_expected: 51, absent_total: 9, absent_exempt: 5, absent_excused: 3, absent_unexcused: 1 });
    expect((r.absentees as { name: string }[]).map((a) => a.name)).toEqual(["Đỗ Văn Khải", "Phạm Thị Hương", "Vũ Mạnh Cường", "Lê Quang Vinh"]);
  });
});

describe("the period asked in the office's quoted words (fourteenth round)", () => {
  it("reads the quarter the quoted request names when the reply names none with its year", () => {
    const village = read("village-quarterly", "> Đề nghị các chi bộ cập nhật số liệu quý IV/2025 trước 5/1\nTDP Hòa Bình 3 ạ:\nSố hộ 428, nhân khẩu 1.563\nHộ nghèo: không có. Cận nghèo: 2", "2026-01-03T09:00:00+07:00");
    expect(village).toMatchObject({ period: "2025-Q4", households: 428, population: 1563 });
    const dues = read("party-dues", "> VP ĐU đề nghị các chi bộ nộp đảng phí quý II trước ngày 15/7\nDạ bản Hua Pàng báo cáo: quý 2 chi bộ 17 đv, nộp đủ 17/17, tổng 1.020.000đ.", "2026-07-05T09:00:00+07:00");
    expect(dues).toMatchObject({ period: "2026-Q2", paid: 17, amount_vnd: 1020000 });
  });
});

describe("a month after 'dạ', none left 'mô' (fourteenth round)", () => {
  it("reads 'dạ tháng 6 ấp em kết nạp …' as June's and 'không còn đồng chí mô dự bị' as nobody pending", () => {
    expect(read("admissions", "dạ tháng 6 ấp em kết nạp được 1 đồng chí là Trần Văn Bé Tư đoàn viên thanh niên", "2026-07-02T09:00:00+07:00")).toMatchObject({ period: "2026-06", admitted: 1 });
    expect(read("admissions", "Quý 4 năm 2025 thôn Tây Hồ kết nạp mới một đồng chí, nữ. Chuyển chính thức hai đồng chí. Chừ thôn không còn đồng chí mô dự bị nữa.", "2026-01-03T09:00:00+07:00")).toMatchObject({ admitted: 1, made_full: 2, pending_full: [] });
  });
});

describe("a story of the village, a question after a long call (fourteenth round)", () => {
  it("refuses a news story of a village's gains and a question after 'Chị Hằng văn phòng ơi cho em hỏi'", () => {
    const story = "Thôn Khuổi Hẩu giảm nghèo nhờ cây quế\nNăm 2025, dưới sự lãnh đạo của chi bộ, thôn Khuổi Hẩu (186 hộ, 742 nhân khẩu) đã giảm từ 18 xuống còn 12 hộ nghèo. Chi bộ có 31 đảng viên, mỗi đảng viên phụ trách giúp đỡ 1-2 hộ khó khăn chuyển đổi sang trồng quế.";
    expect(parseReport("village-quarterly", story, { now: new Date("2026-02-15T10:00:00+07:00") }).ok).toBe(false);
    const asked = "Chị Hằng văn phòng ơi cho em hỏi chút ạ: chi bộ em có 3 đ/c đang làm công nhân ở Bình Dương. Các đ/c này đóng đảng phí theo 1% tiền lương hay theo mức ở nông thôn ạ? Quý I vừa rồi em đang thu tạm mỗi người 5.000đ/tháng, sợ sai thì phải thu bù. Em cảm ơn chị.";
    expect(parseReport("party-dues", asked, { now: new Date("2026-04-07T21:05:00+07:00") })).toEqual({ ok: false, errors: ["not_a_report: question"] });
  });
});

describe("the close told with no start (fifteenth round)", () => {
  it("reads 'họp xong lúc 9 giờ kém 15' in the evening as the end, not the start", () => {
    const r = read("monthly-meeting", "Chi bộ thôn 4 sinh hoạt tối 5/6, có mặt 20/22, họp xong lúc 9 giờ kém 15. Nội dung: triển khai nhiệm vụ tháng 6", "2026-06-06T09:00:00+07:00");
    expect(r).toMatchObject({ meeting_date: "2026-06-05", end_time: "20:45", present: 20 });
    expect(r.start_time).toBeUndefined();
  });
});

describe("an area and a half (fifteenth round)", () => {
  it("reads '5 km2 rưỡi' as 5.5 km²", () => {
    expect(read("village-quarterly", "Gởi văn phòng số liệu ấp Mỹ Thạnh quý 3: hộ 640, khẩu 2.455, diện tích 5 km2 rưỡi, hộ nghèo 3", "2026-10-03T09:00:00+07:00")).toMatchObject({ area_km2: 5.5, households: 640 });
    expect(read("village-quarterly", "Thôn Nà Pồng quý 3: 120 hộ, diện tích 5 km2, rưỡi số hộ là người Tày", "2026-10-03T09:00:00+07:00")).toMatchObject({ area_km2: 5 });
  });
});

describe("an office's letter quoting one cell's report (fifteenth round)", () => {
  it("reads the quoted report, not the whole commune's figures in the letter", () => {
    const quoted = "ĐẢNG ỦY XÃ CẨM XUYÊN\nVĂN PHÒNG\nV/v chuyển báo cáo phát triển đảng viên\n\nNăm 2026, toàn Đảng bộ xã kết nạp 37 đảng viên (đạt 105,7% chỉ tiêu), chuyển chính thức 29 đồng chí. Văn phòng chuyển kèm báo cáo của Chi bộ thôn Nam Hà, nguyên văn:\n\"Năm 2026 chi bộ kết nạp 04 đảng viên, trong đó 03 nữ; chuyển chính thức 03 đồng chí.\"\n\nNơi nhận: như trên; lưu VP.";
    expect(read("admissions", quoted, "2027-01-08T11:00:00+07:00")).toMatchObject({ period: "2026", admitted: 4, women: 3, made_full: 3 });
    const mail = "---------- Forwarded message ---------\nTừ: Văn phòng Đảng ủy phường Bình Hưng Hòa\nDate: Th 6, 5 thg 12, 2025 lúc 09:12\n\nKính chuyển đồng chí báo cáo của Chi bộ Khu phố 4. Đến sáng nay 22/25 chi bộ khu phố đã nộp báo cáo tháng 12.\n\n> CHI BỘ KHU PHỐ 4\n> BÁO CÁO SINH HOẠT CHI BỘ THƯỜNG KỲ THÁNG 12/2025\n> 1. Thời gian: 19 giờ 00 - 20 giờ 45 ngày 03/12/2025.\n> 2. Phải dự 34; có mặt 31/34; vắng 03 đ/c có lý do.";
    expect(read("monthly-meeting", mail, "2025-12-05T09:12:00+07:00")).toMatchObject({ meeting_date: "2025-12-03", start_time: "19:00", end_time: "20:45", present: 31, members_expected: 34 });
    const dashes = "Văn phòng tổng hợp chung toàn xã quý I/2027: 46 thôn, 11.380 hộ, 47.215 khẩu. Văn phòng chuyển nguyên văn để Ban cập nhật:\n---\nSố liệu thôn Bù Lư quý I/2027:\n- 186 hộ / 803 khẩu\n- Hộ nghèo 27, cận nghèo 19\n---\nNơi nhận: như trên; lưu VP.";
    expect(read("village-quarterly", dashes, "2027-04-03T09:50:00+07:00")).toMatchObject({ period: "2027-Q1", village: "thôn Bù Lư", households: 186, population: 803, poor_households: 27 });
  });
});

describe("a chat meeting's tasks after 'dv 12/12 dự hết', an elder absent, a village's number before the month (fifteenth round)", () => {
  it("reads a counted meeting whose tasks name a candidate, 'cụ' before an exempt member, and 'thôn 7 tháng 2' as February", () => {
    const tasks = "Ban Pa Khoang sh cb t4 ngay 5/4/2026 19h-21h nha vh ban, dv 12/12 du het ko ai vang. nq: 1/ lam ho so de nghi ket nap cho quan chung Ca Thi Xuan xong truoc 30/4 (dc Lo Van Hom) 2/ thu dang phi quy 2 (dc Quang Thi Ua)";
    expect(read("monthly-meeting", tasks, "2026-04-06T08:00:00+07:00")).toMatchObject({ meeting_date: "2026-04-05", present: 12, members_expected: 12, start_time: "19:00" });
    const elder = read("monthly-meeting", "cb Na Lang sh thang 12 ngay 5/12. dv co mat 20/22, vang 2: cu Hoang Van Dinh mien sh, Lang Van Phu di lam xa co xin phep.", "2025-12-07T08:00:00+07:00");
    expect(elder).toMatchObject({ absent_exempt: 1, absent_excused: 1, absent_unexcused: 0 });
    expect((elder.absentees as { name: string }[]).map((a) => a.name)).toEqual(["Hoang Van Dinh", "Lang Van Phu"]);
    expect(read("monthly-meeting", "Bc sh cb thôn 7 tháng 2: họp 20h tối 3/2 tại nhà đ/c bí thư. Có mặt 24/26 (tháng trước 26/26)", "2027-02-05T09:00:00+07:00")).toMatchObject({ period: "2027-02", meeting_date: "2027-02-03" });
  });
});

describe("last month's sum in brackets, a share of the commune, 'trg thôn', 'nỏ có KHT' (fifteenth round)", () => {
  it("reads this month's sum and no unpaid count from a percentage; the head's title shortened; the Centre's 'nỏ'", () => {
    expect(read("party-dues", "thu dang phi thang 5: 18/19 dv da nop, tong 270.000d (thang 4 la 285.000d). da chuyen khoan cho VP dang uy 270k hom 15/5", "2026-05-16T08:00:00+07:00")).toMatchObject({ period: "2026-05", amount_vnd: 270000 });
    const share = read("party-dues", "Bc dp t2/2027 cb thon Khe Mo: 15/15 dv nop du, 180.000d, da nop DU xa hom 26/2. (Toan xa thang nay moi dat 85% vi nhieu cb chua nop)", "2027-02-27T08:00:00+07:00");
    expect(share).toMatchObject({ paid: 15, liable: 15, unpaid: 0, amount_vnd: 180000 });
    expect(read("village-quarterly", "Thon Tan Lap q4: 210 ho, 890 khau, ho ngheo 12, dv 30 trong do 2 db, bt kiem trg thon", "2026-01-03T08:00:00+07:00")).toMatchObject({ secretary_is_village_head: true });
    expect(read("annual-rating", "Cb xom Bai Son bc xep loai 2026 nha: HTXS 1, HTT 17, HT 2, nỏ co KHT. Cb tu danh gia HTT", "2026-12-20T08:00:00+07:00")).toMatchObject({ htxs: 1, htt: 17, ht: 2, kht: 0 });
  });
});

describe("a notice that quotes last month's count, the office's word to 'các cb' (fifteenth round)", () => {
  it("keeps a notice with 'Tháng trước có mặt 21/23' a notice, and refuses 'VP DUX: … các cb hoàn thành … trước 20/12' as a directive", () => {
    const notice = parseReport("monthly-meeting", "Thong bao: cb thon Dong Tam sh thang 4 vao 19h30 toi 5/4 tai nha VH, ND kiem diem quy 1. Thang truoc co mat 21/23, thang nay de nghi cac dc di du.", { now: new Date("2026-04-02T08:00:00+07:00") });
    expect(notice.ok && notice.warnings.some((w) => w.startsWith("meeting_notice"))).toBe(true);
    const directive = "VP DUX: Thuc hien HD 43-HD/BTCTW, cac cb hoan thanh kiem diem, danh gia xep loai dv nam 2026 truoc 20/12, ty le HTXS ko qua 20% so HTT (vd 10 HTT thi toi da 2 HTXS). Nop mau 01 va 2C ve VP";
    expect(parseReport("annual-rating", directive, { now: new Date("2026-12-01T08:00:00+07:00") })).toEqual({ ok: false, errors: ["not_a_report: directive"] });
  });
});

describe("'thu 4/5 dv' is no day (fifteenth round)", () => {
  it("reads no remitted day from the members collected over the members liable, nor a weekday from 'thu 4'", () => {
    for (const text of ["dang phi t12: thu 4/5 dv, tong 260.000d, nop xa 182.000d", "đảng phí tháng 12: thu 4/5 đ/c, tổng 260.000đ, nộp lên xã 182.000đ"]) {
      const r = read("party-dues", text, "2026-12-07T08:00:00+07:00");
      expect(r).toMatchObject({ paid: 4, liable: 5, amount_vnd: 260000, remitted: true, remitted_vnd: 182000 });
      expect(r.remitted_date).toBeUndefined();
    }
  });
});

describe("the resolution studied before the 'NQ:' list (fifteenth round)", () => {
  it("keeps 'quán triệt nghị quyết đại hội' whole as an agenda item, the tasks after 'NQ:'", () => {
    for (const text of ["họp 5/12, có mặt 4/5, nội dung: quán triệt nghị quyết đại hội, NQ: 1. thu đảng phí trước 20/12 - đ/c Hiền", "hop 5/12, co mat 4/5, noi dung: quan triet nghi quyet dai hoi, NQ: 1. thu dang phi truoc 20/12 - d/c Hien"]) {
      const r = read("monthly-meeting", text, "2026-12-07T08:00:00+07:00");
      expect((r.content_items as string[]).map((c) => c.normalize("NFD").replace(/\p{M}/gu, "").replace(/đ/g, "d"))).toEqual(["quan triet nghi quyet dai hoi"]);
      expect(r.resolutions).toMatchObject([{ due: "2026-12-20" }]);
    }
  });
});

describe("a probationary member whose file is being completed (fifteenth round)", () => {
  it("names the member in 'co 1 dc du bi Tran Minh Khoa dang hoan thien ho so chuyen chinh thuc', not 'ai' of 'ko kết nạp dc ai'", () => {
    expect(read("admissions", "quy 3 cb TDP 12 ko ket nap dc ai, co 1 dc du bi Tran Minh Khoa dang hoan thien ho so chuyen chinh thuc, du kien thang 11 xet", "2026-10-03T08:00:00+07:00")).toMatchObject({ admitted: 0, pending_full: ["Tran Minh Khoa"] });
  });
});

describe("formal letters that are no report: a summons, a repeated absence, a correction, a request for guidance (fifteenth round)", () => {
  const refused = (form: FormName, text: string, now: string) => parseReport(form, text, { now: new Date(now) });
  it("tells each from a report", () => {
    const summons = refused("monthly-meeting", "CHI BỘ XÓM KIM LIÊN 3\n\nGIẤY TRIỆU TẬP\nSinh hoạt chi bộ thường kỳ tháng 02/2026\n\nChi bộ triệu tập các đồng chí dự sinh hoạt:\n- Thời gian: 19 giờ 30, thứ Ba ngày 03/02/2026.\n- Địa điểm: Nhà văn hóa xóm.\nTháng 01/2026 chi bộ có mặt 26/29, vắng 02 đ/c không lý do; đề nghị các đồng chí bố trí thời gian dự đầy đủ.", "2026-01-30T17:05:00+07:00");
    expect(summons.ok && summons.warnings.some((w) => w.startsWith("meeting_notice"))).toBe(true);
    const absence = "BÁO CÁO\nVề việc đảng viên không tham gia sinh hoạt chi bộ\n\nChi bộ thôn Đồng Bùa báo cáo: đ/c Lâm Văn Quý đã vắng mặt không có lý do 03 kỳ sinh hoạt liên tiếp:\n| Kỳ sinh hoạt | Ngày sinh hoạt | Có mặt/phải dự |\n| Tháng 7/2025 | 05/7/2025 | 24/27 |\n| Tháng 8/2025 | 05/8/2025 | 25/27 |\nChi bộ đề nghị Ban Thường vụ Đảng ủy xã xem xét, chỉ đạo xử lý theo quy định.";
    expect(refused("monthly-meeting", absence, "2025-09-15T11:00:00+07:00")).toEqual({ ok: false, errors: ["not_a_report: attendance-issue"] });
    const correction = "BÁO CÁO ĐÍNH CHÍNH\nKính gửi: Văn phòng Đảng ủy xã\n\nTại Báo cáo số 03-BC/CB ngày 05/4/2027 về thu, nộp đảng phí tháng 3/2027, mục 2 ghi: \"Đã đóng: 24 đ/c, số tiền thu: 260.000 đồng\".\nNay đính chính lại là: \"Đã đóng: 26 đ/c, số tiền thu: 286.000 đồng\".";
    expect(refused("party-dues", correction, "2027-04-08T14:20:00+07:00")).toEqual({ ok: false, errors: ["not_a_report: correction"] });
    const guidance = "V/v xin ý kiến cách tổng hợp số liệu thôn\n\nKính gửi: Văn phòng Đảng ủy xã Đức Thọ\n\nChuẩn bị báo cáo số liệu thôn quý IV/2025, chi bộ xin ý kiến Văn phòng về một số nội dung:\n1. Thôn hiện có 231 hộ theo sổ hộ khẩu; ngoài ra có 5 hộ mới tách. Vậy báo cáo số hộ là 231 hay 236?\n2. Có 12 người tạm trú thì có tính vào 896 nhân khẩu không?";
    expect(refused("village-quarterly", guidance, "2025-12-29T15:20:00+07:00")).toEqual({ ok: false, errors: ["not_a_report: question"] });
  });
});

describe("a framed table's header of two rows, merged cells over the columns they span (fifteenth round)", () => {
  it("reads the levels under 'Xếp loại đảng viên' and the parts under 'Trong đó'", () => {
    const rating = "Kết quả xếp loại năm 2026\n\n| Tổng số đảng viên | Xếp loại đảng viên |     |    |     | Không xếp loại | Chi bộ tự xếp loại |\n|                   | HTXS               | HTT | HT | KHT |                |                    |\n| 16                | 2                  | 13  | 1  | 0   | 0              | HTT                |";
    expect(read("annual-rating", rating, "2027-01-03T09:45:00+07:00")).toMatchObject({ period: "2026", htxs: 2, htt: 13, ht: 1, kht: 0, unrated: 0, cell_self_level: "HTT" });
    const admissions = "BÁO CÁO PHÁT TRIỂN ĐẢNG VIÊN NĂM 2027 (có so sánh với năm 2026)\n\n| Năm  | Kết nạp | Trong đó |      |           |       |          | Chuyển chính thức |\n|      |         | Nữ       | DTTS | Đoàn viên | HS-SV | Tôn giáo |                   |\n|------|---------|----------|------|-----------|-------|----------|-------------------|\n| 2026 | 2       | 1        | 2    | 2         | 0     | 0        | 1                 |\n| 2027 | 4       | 2        | 3    | 4         | 1     | 1        | 2                 |";
    expect(read("admissions", admissions, "2027-12-20T14:00:00+07:00")).toMatchObject({ period: "2027", admitted: 4, women: 2, ethnic_minority: 3, youth_union: 4, students: 1, religious: 1, made_full: 2 });
  });
});

describe("a mail quote's dateline after 'TP.', its lettered items indented, an item that names last month's resolution (fifteenth round)", () => {
  it("reads the meeting's day over the dateline, every indented item, and no tasks from 'thực hiện nghị quyết tháng 3;'", () => {
    const mail = "CHI BỘ KHU PHỐ 4\nSố: 12-BC/CB\t\tTP. Hồ Chí Minh, ngày 04 tháng 12 năm 2025\n\nBÁO CÁO SINH HOẠT CHI BỘ THƯỜNG KỲ THÁNG 12/2025\n1. Thời gian: 19 giờ 00 - 20 giờ 45 ngày 03/12/2025.\n2. Phải dự 34; có mặt 31/34.\n4. Nội dung:\n   a) Quán triệt chỉ thị của Thành ủy;\n   b) Đánh giá công tác tháng 11/2025;\n   c) Phương hướng tháng 12.";
    expect(read("monthly-meeting", mail, "2025-12-05T09:00:00+07:00")).toMatchObject({ meeting_date: "2025-12-03", content_items: ["Quán triệt chỉ thị của Thành ủy", "Đánh giá công tác tháng 11/2025", "Phương hướng tháng 12"] });
    const items = read("monthly-meeting", "Sinh hoạt ngày 03/4/2026, dự 31/34 đ/c.\n5. Phần thường kỳ:\n- Đánh giá kết quả thực hiện nghị quyết tháng 3;\n- Triển khai kế hoạch thu hoạch lúa Đông Xuân;\n- Vận động nhân dân tham gia BHYT hộ gia đình.", "2026-04-05T09:00:00+07:00");
    expect(items.resolutions).toBeUndefined();
    expect(items.content_items).toHaveLength(3);
  });
});

describe("a statistics sheet's meeting: a cited report's date, minutes in the label (fifteenth round)", () => {
  it("reads 'Ngày sinh hoạt' over the date of the report it is attached to, and 'Thời lượng (phút): 95'", () => {
    const text = "BIỂU THỐNG KÊ KẾT QUẢ SINH HOẠT CHI BỘ THÁNG 3 NĂM 2026\n(Kèm theo Báo cáo số 03-BC/CB ngày 09/3/2026 của Chi bộ)\n\nNgày sinh hoạt: 06/3/2026\nSố ĐV phải dự: 18\nCó mặt: 16\nThời lượng (phút): 95";
    expect(read("monthly-meeting", text, "2026-03-09T10:05:00+07:00")).toMatchObject({ meeting_date: "2026-03-06", duration_min: 95, present: 16 });
  });
});

describe("the villages merged side by side, then the one they make (fifteenth round)", () => {
  it("reads the column 'sau sáp nhập'", () => {
    const text = "BÁO CÁO SỐ LIỆU THÔN QUÝ II/2026\n\nChỉ tiêu\t\tThôn Tân Tiến (cũ)\tThôn Đồng Xuân (cũ)\tThôn Tân Tiến (sau sáp nhập)\nSố hộ\t\t248\t\t\t196\t\t\t444\nNhân khẩu\t\t1.012\t\t\t803\t\t\t1.815\nHộ nghèo\t\t3\t\t\t2\t\t\t5\nĐảng viên\t\t37\t\t\t29\t\t\t66";
    expect(read("village-quarterly", text, "2026-07-04T15:40:00+07:00")).toMatchObject({ households: 444, population: 1815, poor_households: 5, members: 66 });
  });
});

describe("a Word table of labels and values pasted with its cells wrapped (fifteenth round)", () => {
  it("joins a row whose label is empty to the value above it, but keeps a list in a cell an item a row", () => {
    const text = "THÔNG TIN BẢN QUÝ II NĂM 2025\n\n| Mục | Nội dung |\n| Tên bản | Bản Xốp Nặm |\n| Số hộ / nhân khẩu | 121 hộ / 540 |\n|  | nhân khẩu |\n| Hộ nghèo, cận nghèo | Nghèo: 44 hộ; cận |\n|  | nghèo: 17 hộ |\n| Đảng viên | 14 đ/c (dự bị |\n|  | 02 đ/c) |";
    expect(read("village-quarterly", text, "2025-07-07T17:10:00+07:00")).toMatchObject({ households: 121, population: 540, poor_households: 44, near_poor_households: 17, members: 14, probationary: 2 });
    const list = "| Nội dung | Số liệu / kết quả |\n|---|---|\n| Ngày sinh hoạt | 10/7/2026 |\n| Có mặt | 27 |\n| Nội dung chính | - Kiểm điểm nhiệm vụ tháng 6 |\n|  | - Công tác phòng chống lụt bão năm 2026 |\n|  | - Bàn việc thu hoạch lúa chiêm xuân |";
    expect(read("monthly-meeting", list, "2026-07-11T09:00:00+07:00").content_items).toEqual(["Kiểm điểm nhiệm vụ tháng 6", "Công tác phòng chống lụt bão năm 2026", "Bàn việc thu hoạch lúa chiêm xuân"]);
  });
});

describe("a dues table of kinds of member whose labels hold a share (fifteenth round)", () => {
  it("reads 'Cộng' as the sum collected, the rows' labels '(0,5%)', '(50% mức)' no figures", () => {
    const text = "Thu, nộp đảng phí tháng 01/2026\n\nI. Số đảng viên phải đóng đảng phí: 24 đ/c; đã đóng: 24/24 đ/c.\nII. Chi tiết:\n| TT | Đối tượng | Số ĐV | Thành tiền (đồng) |\n|----|-----------|-------|-------------------|\n| 1 | Đảng viên hưởng lương hưu, trợ cấp (0,5%) | 6 | 166.000 |\n| 2 | Đảng viên khác trong độ tuổi lao động | 16 | 160.000 |\n| 3 | Đảng viên ngoài độ tuổi lao động (50% mức) | 2 | 10.000 |\n|   | Cộng | 24 | 336.000 |";
    expect(read("party-dues", text, "2026-01-16T09:40:00+07:00")).toMatchObject({ period: "2026-01", paid: 24, amount_vnd: 336000 });
  });
});

describe("a sheet's cadre answered 'Dự', named below; the absent of the month named after 'vắng tháng 5:' (fifteenth round)", () => {
  it("reads the name on the later line and the absent member with the reason", () => {
    const r = read("monthly-meeting", "Họp ngày 04/5/2026, có mặt 21/22.\nCấp ủy viên phụ trách: Dự\n\nĐảng viên vắng tháng 5: đ/c Phạm Văn Khải (đi tàu viễn dương).\nCấp ủy viên phụ trách: đ/c Vũ Thị Thoa.", "2026-05-06T08:00:00+07:00");
    expect(r).toMatchObject({ cadre_present: true, cadre_name: "Vũ Thị Thoa", absentees: [{ name: "Phạm Văn Khải", excused: true, reason: "đi tàu viễn dương" }] });
  });
});

describe("a numbered target line with a long label before the result (fifteenth round)", () => {
  it("reads the quarter's result, not 'Chỉ tiêu năm 2025 theo nghị quyết chi bộ: kết nạp 03'", () => {
    const text = "Công tác phát triển đảng viên quý IV/2025\n\n1. Chỉ tiêu năm 2025 theo nghị quyết chi bộ: kết nạp 03 đảng viên.\n2. Kết quả quý IV/2025: kết nạp 01 đảng viên - đ/c Danh Thị Sa Ra (nữ, dân tộc Khmer).\n3. Lũy kế năm 2025: kết nạp 02/03 đảng viên, đạt 66,7% chỉ tiêu.";
    expect(read("admissions", text, "2026-01-03T09:30:00+07:00")).toMatchObject({ period: "2025-Q4", admitted: 1, women: 1, ethnic_minority: 1 });
  });
});

describe("the cell's own level after 'đề nghị Đảng ủy phường xếp loại chi bộ năm 2025:' (fifteenth round)", () => {
  it("reads the level with the year between the label and it", () => {
    const text = "II. Kết quả đánh giá, xếp loại đảng viên: chi bộ đề nghị 02 đồng chí hoàn thành xuất sắc nhiệm vụ, 19 đồng chí hoàn thành tốt nhiệm vụ, 01 đồng chí hoàn thành nhiệm vụ.\nIII. Tự đánh giá, xếp loại chi bộ: Chi bộ tự đánh giá, đề nghị Đảng ủy phường xếp loại chi bộ năm 2025: Hoàn thành tốt nhiệm vụ.";
    expect(read("annual-rating", text, "2025-12-15T16:00:00+07:00")).toMatchObject({ htxs: 2, htt: 19, ht: 1, cell_self_level: "HTT" });
  });
});

describe("tasks handed to a title, and a table's 'Nội dung công việc' column (fifteenth round)", () => {
  it("reads 'giao đ/c Bí thư chi bộ gặp gỡ …' as the secretary's task, and the rows under 'Nội dung công việc | Người thực hiện | Thời hạn'", () => {
    const titled = read("monthly-meeting", "Họp ngày 10/6/2027, có mặt 38/41. Chi bộ thống nhất: (1) giao đ/c Bí thư chi bộ gặp gỡ, trao đổi với đ/c Nguyễn Văn Tư, báo cáo chi bộ trước ngày 20/6/2027; (2) giao Chi hội Nông dân hướng dẫn hội viên cài đặt ứng dụng.", "2027-06-12T09:00:00+07:00");
    expect(titled.resolutions).toMatchObject([{ task: "gặp gỡ, trao đổi với đ/c Nguyễn Văn Tư, báo cáo chi bộ", owner: "Bí thư chi bộ", due: "2027-06-20" }, {}]);
    const table = read("monthly-meeting", "Họp ngày 03/11/2026, có mặt 20/23.\nIV. Nghị quyết:\n| STT | Nội dung công việc | Người thực hiện | Thời hạn |\n| 1 | Vận động 100% hộ tham gia BHYT hộ gia đình | Chi hội trưởng Phụ nữ | 30/11/2026 |\n| 2 | Thu đảng phí tháng 11 | Đ/c Thạch Sang | 10/11/2026 |", "2026-11-05T08:40:00+07:00");
    expect(table.resolutions).toMatchObject([{ task: "Vận động 100% hộ tham gia BHYT hộ gia đình", owner: "Chi hội trưởng Phụ nữ", due: "2026-11-30" }, { task: "Thu đảng phí tháng 11", owner: "Thạch Sang", due: "2026-11-10" }]);
  });
});

describe("chat after the unseen measure: last month's count in a notice, 'không kiêm nhiệm', 'chi bộ đang đề nghị HTT', 'tháng này', the day on the schedule (fifteenth round)", () => {
  it("reads each as a careful person would", () => {
    const notice = parseReport("monthly-meeting", "Thong bao: cb thon Lung Vai sh thuong ky thang 5 vao 19h30 ngay 5/5 tai nha VH. Thang 4 co mat 24/26, thang nay de nghi cac dc di day du.", { now: new Date("2026-05-02T08:00:00+07:00") });
    expect(notice.ok && notice.warnings.some((w) => w.startsWith("meeting_notice"))).toBe(true);
    expect(read("village-quarterly", "bc so lieu bon Bu Nor quy 4-2025: 98 ho, 437 khau, ho ngheo 21. chi bo 15 dv (1 du bi). truong bon la Dieu K'Lang, bi thu la toi (Thi Hanh) ko kiem nhiem", "2026-01-05T08:00:00+07:00")).toMatchObject({ secretary_is_village_head: false });
    expect(read("annual-rating", "da e gui kq xep loai 2026 cb ap Soc Cau: HTXS 2, HTT 19, HT 2, KHT ko co. chi bo dang de nghi HTT, cho xa quyet", "2026-12-28T08:00:00+07:00")).toMatchObject({ cell_self_level: "HTT" });
    expect(read("monthly-meeting", "Chi bộ buôn Ko Sier họp ngày mười hai tháng này rồi, từ bảy giờ tối đến chín giờ. Có mặt hai mươi tám đồng chí trên tổng số ba mươi mốt", "2026-01-14T08:00:00+07:00")).toMatchObject({ meeting_date: "2026-01-12" });
    expect(read("monthly-meeting", "Chi bộ ấp Phú Lợi báo cáo: tháng 7 lịch sh là 3/7 mà trời mưa bão dời qua tối 9/7, họp 100 phút tại nhà bí thư. Có mặt 14 đv, tổng 15", "2025-07-14T08:00:00+07:00")).toMatchObject({ meeting_date: "2025-07-09" });
  });
});

describe("a notice titled 'THÔNG BÁO / Về việc sinh hoạt …', a 'Tờ trình' asking a member's case 'xử lý theo quy định' (fifteenth round)", () => {
  it("tells both from a report", () => {
    const notice = parseReport("monthly-meeting", "CHI BỘ ẤP 4\nTHÔNG BÁO\nVề việc sinh hoạt chi bộ thường kỳ tháng 8/2026\n1. Thời gian: 19 giờ 00, thứ Tư ngày 05/8/2026.\n2. Địa điểm: Hội trường ấp 4.\n3. Nội dung:\n - Thông tin thời sự; đánh giá kết quả tháng 7 (tháng 7 có mặt 26/28 đ/c, vắng 2 có lý do);\nĐề nghị đảng viên dự đầy đủ, đúng giờ.", { now: new Date("2026-08-02T18:00:00+07:00") });
    expect(notice.ok && notice.warnings.some((w) => w.startsWith("meeting_notice"))).toBe(true);
    const issue = "TỜ TRÌNH\nV/v đề nghị xem xét đối với đảng viên vắng sinh hoạt chi bộ không có lý do\nTrong năm 2026, đồng chí Thạch vắng sinh hoạt không có lý do 03 kỳ liên tiếp, cụ thể:\nTT\tKỳ sinh hoạt\tNgày\tSố ĐV có mặt\tGhi chú\n1\tTháng 8/2026\t05/8/2026\t21/24\tKhông báo\n2\tTháng 9/2026\t05/9/2026\t22/24\tKhông báo\nChi bộ đề nghị Ban Thường vụ Đảng ủy xã xem xét, xử lý theo quy định.";
    expect(parseReport("monthly-meeting", issue, { now: new Date("2026-10-08T14:10:00+07:00") })).toEqual({ ok: false, errors: ["not_a_report: attendance-issue"] });
  });
});

describe("a sheet exported as CSV, its header over one row of values (fifteenth round)", () => {
  it("reads each value under its label, thousands written with commas", () => {
    const text = "Báo cáo đảng phí tháng 6/2026\nSố liệu xuất từ phần mềm (file CSV):\nSo DV phai dong,Da dong,Chua dong,Tong tien thu,Trich giu lai,Nop DU phuong\n46,44,2,\"1,245,000\",\"373,500\",\"871,500\"\nGhi chú: đã nộp ĐU phường ngày 19/06/2026.";
    expect(read("party-dues", text, "2026-06-20T09:25:00+07:00")).toMatchObject({ liable: 46, paid: 44, unpaid: 2, amount_vnd: 1245000, retained_vnd: 373500, remitted: true, remitted_vnd: 871500, remitted_date: "2026-06-19" });
  });
});

describe("a given name that is a number word among the absent (fifteenth round)", () => {
  it("reads 'Hai', 'Năm', 'Ba' written capitalised before a reason as names, not counts", () => {
    expect(read("monthly-meeting", "co mat 2/3, vang 1 cld: Hai di lam", "2026-12-07T08:00:00+07:00")).toMatchObject({ absent_total: 1, absent_excused: 1, absentees: [{ name: "Hai", excused: true, reason: "di lam" }] });
    expect(read("monthly-meeting", "Có mặt 4/5, vắng: Ba ốm", "2026-12-07T08:00:00+07:00")).toMatchObject({ absent_total: 1, absentees: [{ name: "Ba", reason: "ốm" }] });
    expect(read("monthly-meeting", "Có mặt 20/22, vắng: Hai (ốm, đi làm)", "2026-12-07T08:00:00+07:00")).toMatchObject({ absent_total: 1 });
    expect(read("monthly-meeting", "Có mặt 20/22. Vắng có lý do: Hai đồng chí", "2026-12-07T08:00:00+07:00")).toMatchObject({ absent_total: 2, absent_excused: 2 });
  });
});

describe("a pasted sheet whose rows' labels stand in a first column with no header (fifteenth round)", () => {
  it("reads the merged header over its parts and the period's row", () => {
    const text = "THỐNG KÊ PHÁT TRIỂN ĐẢNG QUÝ II/2027\n\tKết nạp mới\tTrong đó\t\t\t\t\tChuyển chính thức\n\t\tNữ\tDTTS\tHọc sinh\tĐoàn viên\tTôn giáo\t\nQuý II/2027\t5\t4\t3\t3\t5\t0\t2\nCùng kỳ 2026\t2\t1\t1\t0\t2\t0\t1";
    expect(read("admissions", text, "2027-06-28T11:30:00+07:00")).toMatchObject({ period: "2027-Q2", admitted: 5, women: 4, ethnic_minority: 3, students: 3, youth_union: 5, religious: 0, made_full: 2 });
  });
});

describe("a forwarded mail's header lines (fifteenth round)", () => {
  it("reads the meeting's time from the report, not the hour the mail was sent", () => {
    const text = "---------- Forwarded message ---------\nTừ: Chi bộ thôn Đông Tạ <chibothondongta@gmail.com>\nDate: Th 6, 6 thg 2, 2026 lúc 21:12\nSubject: BC sinh hoạt chi bộ tháng 2/2026\nTo: Văn phòng Đảng ủy xã Kiến Thụy\n\nChi bộ thôn Đông Tạ báo cáo kết quả sinh hoạt thường kỳ tháng 2/2026 như sau:\n- Sinh hoạt tối 05/02/2026 (19h15 đến 21h00) tại nhà văn hóa thôn.\n- Có mặt 20/22.";
    expect(read("monthly-meeting", text, "2026-02-06T21:12:00+07:00")).toMatchObject({ meeting_date: "2026-02-05", start_time: "19:15", end_time: "21:00", present: 20 });
  });
});

describe("a comma inside an absentee's bracketed reason (fifteenth round)", () => {
  it("keeps the bracket whole and reads the names after it", () => {
    const r = read("monthly-meeting", "Phải dự 34; có mặt 31/34; vắng 03 đ/c:\n+ Trần Văn Lộc - miễn sinh hoạt (tuổi cao, sức yếu);\n+ Lê Thị Kim Phượng - có lý do (đi thăm con ở nước ngoài);\n+ Đặng Quốc Huy - có lý do (trực ca tại công ty).", "2025-12-05T09:00:00+07:00");
    expect(r.absentees).toEqual([
      // (The exemption is the kind; what is after it the reason, as held-out-61a reads it.)
      { name: "Trần Văn Lộc", excused: true, exempt: true, reason: "tuổi cao, sức yếu" },
      { name: "Lê Thị Kim Phượng", excused: true, reason: "đi thăm con ở nước ngoài" },
      { name: "Đặng Quốc Huy", excused: true, reason: "trực ca tại công ty" },
    ]);
    expect(r).toMatchObject({ absent_total: 3, absent_exempt: 1, absent_excused: 2, absent_unexcused: 0 });
  });
});

describe("a chat copied with the time each line was sent (sixteenth round)", () => {
  it("reads the meeting's hour from the report, not the stamps, and a count written label first as a meeting held", () => {
    const text = "[19:02] bc chi bo xom Dong t8 a\n[19:03] hop toi 6/8 luc 19h30 tai nha van hoa xom\n[19:05] dv 22/23, vang Ba Nho di lam xa co bao\n[19:06] nd: thu hoach lua, phong chong dich ta lon chau phi";
    expect(read("monthly-meeting", text, "2026-08-07T19:06:00+07:00")).toMatchObject({ meeting_date: "2026-08-06", start_time: "19:30", present: 22, members_expected: 23, absent_total: 1 });
    const stamped = "[07/03/2026, 20:41] Đảng viên 18/19 dự, vắng Lò Văn Nhỏ đi viện\n[07/03/2026, 20:42] Sinh hoạt ngày 6/3, bắt đầu 19h";
    expect(read("monthly-meeting", stamped, "2026-03-07T20:42:00+07:00")).toMatchObject({ meeting_date: "2026-03-06", start_time: "19:00", present: 18 });
    const pm = "[8:15 PM] đảng viên 14/15, vắng Út Nhỏ đi ghe\n[8:16 PM] họp tối qua 14/5 19 giờ ở nhà ông Tư";
    expect(read("monthly-meeting", pm, "2026-05-15T20:16:00+07:00")).toMatchObject({ start_time: "19:00", present: 14, members_expected: 15, absentees: [{ name: "Út Nhỏ", excused: true }] });
  });
});

describe("members left unrated, and last year's levels beside this year's (sixteenth round)", () => {
  it("reads those not rated after a comma, a time between, 'chưa xét', and an elder named by 'ông' or 'bà'", () => {
    expect(read("annual-rating", "Xóm Đồng nam 2026: 28 dv, HTXS 3, HTT 21, HT 2, KHT 0, 2 dc moi ket nap chua du 9 thang nen chua xep loai.", "2026-12-20T09:00:00+07:00")).toMatchObject({ htt: 21, unrated: 2 });
    expect(read("annual-rating", "xếp loại đv 2026 thôn Nà Lừa: HTXS 2, HTT 15, HT 1, KHT 0\n1 đ/c dự bị mới kết nạp tháng 10 chưa xét", "2026-12-20T09:00:00+07:00")).toMatchObject({ htxs: 2, unrated: 1 });
    expect(read("annual-rating", "Tổ 4 năm 2026: tổng 19, HTXS 2, HTT 14, HT 2, KHT 0, còn bà Chín Hoa 91 tuổi miễn, không xếp.", "2026-12-20T09:00:00+07:00")).toMatchObject({ ht: 2, unrated: 1 });
  });

  it("leaves the year before's levels in brackets out of this year's", () => {
    expect(read("annual-rating", "Xếp loại 2026 (năm trước: HTXS 1, HTT 10, HT 3): HTXS 2, HTT 11, HT 1, KHT 0", "2026-12-20T09:00:00+07:00")).toMatchObject({ period: "2026", htxs: 2, htt: 11, ht: 1, kht: 0 });
    expect(read("annual-rating", "thon Ha nam 2026 (so voi cung ky 2025: HTXS 3, HTT 20)\nnam nay HTXS 4, HTT 19, HT 1, KHT 0", "2026-12-20T09:00:00+07:00")).toMatchObject({ htxs: 4, htt: 19 });
  });
});

describe("a barred sheet with no frame whose header's merged cells leave a bar at one end (sixteenth round)", () => {
  it("reads the columns under the merged cells, the empty cell a bar opens or closes kept", () => {
    const text = "SỐ LIỆU THÔN QUÝ III/2026 – XÃ PHÌN NGAN\nThôn | Số hộ | Số khẩu | Đảng viên |  | Đoàn thể |  | \n |  |  | Tổng | Dự bị | Phụ nữ | Nông dân | Thanh niên\nThôn Séo Phìn | 120 | 610 | 17 | 1 | 98 | 104 | 39";
    expect(read("village-quarterly", text, "2026-10-02T09:00:00+07:00")).toMatchObject({ period: "2026-Q3", households: 120, population: 610, members: 17, probationary: 1, women_union: 98, farmers_union: 104, youth_union: 39 });
  });
});

describe("a sheet with no frame whose sub-rows leave the running number empty (sixteenth round)", () => {
  it("reads the sub-rows under ' | – Nữ | 1 | 0' with the numbered rows, the change column dropped", () => {
    const text = "PHÁT TRIỂN ĐẢNG NĂM 2026 – CB THÔN KHÁNH HÒA\nSTT | Nội dung | Năm 2026 | Năm 2025 | Tăng, giảm\n1 | Kết nạp mới | 3 | 2 | +1\n | – Nữ | 1 | 0 | +1\n | – Đoàn viên thanh niên | 3 | 1 | +2\n2 | Chuyển chính thức | 2 | 2 | 0";
    expect(read("admissions", text, "2026-12-28T09:00:00+07:00")).toMatchObject({ period: "2026", admitted: 3, women: 1, youth_union: 3, made_full: 2 });
  });
});

describe("a form's yes-or-no question answered by a ticked box (sixteenth round)", () => {
  it("reads what the question asks about with the count given, none when 'Không' is ticked", () => {
    const text = "BÁO CÁO NHANH PHÁT TRIỂN ĐẢNG – QUÝ III/2026\nChi bộ: Xóm Mới\n1. Có kết nạp đảng viên mới trong quý:\t☒ Có\t☐ Không\tSố lượng: 02\n2. Có đảng viên được công nhận chính thức trong quý:\t☐ Có\t☒ Không";
    expect(read("admissions", text, "2026-10-02T09:00:00+07:00")).toMatchObject({ period: "2026-Q3", admitted: 2, made_full: 0 });
    const none = "Chi bộ ấp Hòa Bình quý 2/2026\na) Có kết nạp đảng viên mới trong quý: ☐ Có ☒ Không\nb) Có đảng viên được công nhận chính thức trong quý: ☒ Có ☐ Không - Số lượng: 1";
    expect(read("admissions", none, "2026-07-02T09:00:00+07:00")).toMatchObject({ admitted: 0, made_full: 1 });
  });
});

describe("the office's receipt of the dues under a letterhead or a mail's header (sixteenth round)", () => {
  it("reads the sum, the day and the office from 'Văn phòng Đảng ủy xã … xác nhận đã nhận …' opening a later line", () => {
    const mail = "---------- Thư đã chuyển tiếp ----------\nTừ: Văn phòng Đảng ủy xã Cư Pui\nNgày: 12/11/2026 09:30\nChủ đề: Xác nhận đảng phí tháng 10\n\nVăn phòng Đảng ủy xã Cư Pui xác nhận đã nhận đảng phí tháng 10/2026 của Chi bộ buôn Khanh, số tiền 315.000 đồng, nộp ngày 10/11/2026.\nSố đảng viên đã đóng: 18/18.";
    expect(read("party-dues", mail, "2026-11-12T10:00:00+07:00")).toMatchObject({ period: "2026-10", remitted: true, remitted_vnd: 315000, remitted_date: "2026-11-10", remitted_to: "văn phòng đảng ủy xã" });
    const slip = "ĐẢNG BỘ PHƯỜNG TÂN HÒA\nGIẤY XÁC NHẬN\n\nVăn phòng Đảng ủy phường xác nhận: ngày 04/3/2027 đã nhận của Chi bộ khu phố 2 số tiền đảng phí tháng 2/2027 là 1.120.000 đ.\nChi bộ thu của 40/41 đ/c, tổng thu 1.600.000 đ.";
    expect(read("party-dues", slip, "2027-03-05T10:00:00+07:00")).toMatchObject({ remitted: true, remitted_vnd: 1120000, remitted_date: "2027-03-04" });
  });
});

describe("letters and pieces that are no report (sixteenth round)", () => {
  const refusal = (form: FormName, text: string, now: string): unknown => parseReport(form, text, { now: new Date(now) });
  it("refuses a member's absence taken up under 'V/v …', the committee's numbered guide, and a piece whose figures are an example", () => {
    const absence = "CHI BỘ THÔN BẢN CHÀNG\nBÁO CÁO\nV/v đảng viên bỏ sinh hoạt nhiều tháng\n\nKính gửi: Đảng ủy xã\nChi bộ có 19 đảng viên. Đ/c Lò Văn Tến vắng sinh hoạt không lý do 4 tháng liên tiếp (tháng 6 đến tháng 9/2026), chưa đóng đảng phí từ tháng 5. Chi bộ đề nghị Đảng ủy xã xem xét, cho ý kiến chỉ đạo.";
    expect(refusal("monthly-meeting", absence, "2026-10-02T10:00:00+07:00")).toEqual({ ok: false, errors: ["not_a_report: attendance-issue"] });
    const guide = "ĐẢNG ỦY XÃ HÒA BÌNH\nSố 07-HD/ĐU\t\tHòa Bình, ngày 02 tháng 01 năm 2027\nHƯỚNG DẪN\nXếp loại đảng viên và nộp đảng phí\n1. Đảng viên nông thôn đóng 5.000 đ/tháng; chi bộ giữ lại 30%, nộp 70% về Văn phòng Đảng ủy xã trước ngày 10 tháng sau.\n2. Chi bộ báo cáo số đã thu, số chưa thu.";
    expect(refusal("party-dues", guide, "2027-01-03T10:00:00+07:00")).toEqual({ ok: false, errors: ["not_a_report: directive"] });
    const piece = "Phát triển đảng ở vùng đồng bào dân tộc thiểu số còn nhiều khó khăn. Việc tạo nguồn cần chú trọng thường xuyên, gắn với đoàn viên thanh niên và người có uy tín. Chẳng hạn, một bản vùng cao có 25 đảng viên, mỗi năm kết nạp 1 đến 2 quần chúng, trong đó thường có 1 nữ và 1 đoàn viên; nếu chi bộ có kế hoạch bồi dưỡng cụ thể, số kết nạp có thể tăng gấp đôi. Đây là kinh nghiệm quý của nhiều địa phương.";
    expect(refusal("admissions", piece, "2026-12-10T10:00:00+07:00")).toEqual({ ok: false, errors: ["not_a_report: article"] });
  });
});

describe("the dues of a quarter remitted whole (sixteenth round)", () => {
  it("reads 'đã nộp toàn bộ số đảng phí quý …' and 'nộp hết số đp quý 3' to the committee or its board", () => {
    const text = "BÁO CÁO ĐẢNG PHÍ QUÝ III/2026\nPhải đóng 30, đã đóng 30, tổng thu 1.350.000 đồng.\nNgày 05/10/2026 chi bộ đã nộp toàn bộ số đảng phí quý III về Ban Xây dựng Đảng - Đảng ủy xã.";
    expect(read("party-dues", text, "2026-10-06T09:00:00+07:00")).toMatchObject({ remitted: true, remitted_vnd: 1350000, remitted_date: "2026-10-05", remitted_to: "đảng ủy xã" });
    expect(read("party-dues", "dp quy 3/2026 thon Tan Lap: 18/18 dv, 810k, da nop het so dp quy 3 ve dang uy xa ngay 4/10", "2026-10-06T09:00:00+07:00")).toMatchObject({ remitted: true, remitted_date: "2026-10-04", remitted_to: "đảng ủy xã" });
  });
});

describe("a slip put right after a month and its year (sixteenth round)", () => {
  it("leaves 'T5/2026' alone and puts an amount said in another unit in the place of the first", () => {
    const text = "dp thon Na Lang T5/2026: phai dong 20, da dong 19, chua dong 1 (Lo Van Pan). So tien 0,6tr\nà nhầm: số tiền 610k nhé, có 1 đ/c đóng thêm";
    expect(read("party-dues", text, "2026-05-28T09:00:00+07:00")).toMatchObject({ period: "2026-05", liable: 20, paid: 19, unpaid: 1, amount_vnd: 610000 });
    expect(read("party-dues", "Đảng phí tháng 4/2026: thu 12/12 đ/c, 1,2 triệu. À nhầm, 1.150.000đ", "2026-04-28T09:00:00+07:00")).toMatchObject({ period: "2026-04", paid: 12, amount_vnd: 1150000 });
  });
});

describe("a rating said aloud, each level then its count (seventeenth round)", () => {
  it("reads the count before the first level as the cell's members when the levels after their counts make it up", () => {
    const said = "bao cao xep loai dang vien nam 2026 chi bo xom Dong Tam tong so dang vien hai muoi bay dong chi hoan thanh xuat sac nhiem vu ba dong chi hoan thanh tot nhiem vu hai muoi dong chi hoan thanh nhiem vu hai dong chi khong hoan thanh nhiem vu khong co hai dong chi mien danh gia";
    expect(read("annual-rating", said, "2026-12-22T20:00:00+07:00")).toMatchObject({ period: "2026", htxs: 3, htt: 20, ht: 2, kht: 0, unrated: 2 });
    // The same habit after "chi bộ … có N đảng viên", the whole equal to the levels alone.
    const cell = "Chi bộ tổ dân phố Hòa An có mười lăm đảng viên hoàn thành xuất sắc hai đồng chí hoàn thành tốt mười hai đồng chí hoàn thành một đồng chí";
    expect(read("annual-rating", cell, "2026-12-22T20:00:00+07:00")).toMatchObject({ htxs: 2, htt: 12, ht: 1 });
    // Counts before their levels, a first count that is no whole: still count first.
    expect(read("annual-rating", "xep loai 2026: 3 dong chi HTXS, 20 dong chi HTT, 2 dong chi HT", "2026-12-22T20:00:00+07:00")).toMatchObject({ htxs: 3, htt: 20, ht: 2 });
  });
  it("takes a year said 'năm hai ngàn không trăm hai mươi lăm' as the year, none of its words a count", () => {
    const said = "xep loai dang vien nam hai ngan khong tram hai muoi lam xuat sac bon tot hai muoi bay hoan thanh mot khong hoan thanh khong mien danh gia ba";
    expect(read("annual-rating", said, "2025-12-20T20:00:00+07:00")).toMatchObject({ period: "2025", htxs: 4, htt: 27, ht: 1, kht: 0, unrated: 3 });
  });
});

describe("a report sent again whole after 'báo cáo lại' (seventeenth round)", () => {
  it("reads the figures restated one by one as the report, and a figure or two put right as a correction", () => {
    const whole = "bc lai xep loai 2026 thon Na Hu: HTXS 2, HTT 17 chu ko phai 16, HT 1, KHT 0, chua xep loai 1. cb tu xep HTT";
    expect(read("annual-rating", whole, "2027-01-04T09:00:00+07:00")).toMatchObject({ period: "2026", htxs: 2, htt: 17, ht: 1, kht: 0, cell_self_level: "HTT" });
    const fix = "Em báo cáo lại xếp loại năm 2026 thôn Na Hu: HTT là 17 chứ không phải 16 ạ, em gõ nhầm.";
    expect(parseReport("annual-rating", fix, { now: new Date("2027-01-04T09:00:00+07:00") })).toEqual({ ok: false, errors: ["not_a_report: correction"] });
  });
});

describe("members not rated, named or left from those rated (seventeenth round)", () => {
  it("counts the names under 'Không đánh giá:' though a name opens with a number word, and a count in words as a count", () => {
    const named = "Xếp loại ĐV năm 2026 ấp Bình Lợi:\n- HTXS: 3 đ/c\n- HTT: 20 đ/c\n- HT: 1 đ/c\n- KHT: không\n- Không đánh giá: Bảy Hòa (đau nặng)\nChi bộ đề nghị xếp loại HTT";
    expect(read("annual-rating", named, "2026-12-20T09:00:00+07:00")).toMatchObject({ htxs: 3, htt: 20, ht: 1, kht: 0, unrated: 1 });
    const counted = "Xếp loại ĐV năm 2026 ấp Bình Lợi: HTXS 3, HTT 20, HT 1, KHT 0. Không đánh giá: Hai đồng chí (ốm nặng).";
    expect(read("annual-rating", counted, "2026-12-20T09:00:00+07:00")).toMatchObject({ unrated: 2 });
  });
  it("leaves as not rated the members beyond those 'được đánh giá' out of 'tổng 30 đv'", () => {
    const text = "Khu phố 4 xếp loại năm 2026: tổng 30 đv, được đánh giá 28 (2 đ/c miễn). HTXS 4 (14,3%), HTT 22, HT 2, KHT 0.";
    expect(read("annual-rating", text, "2026-12-20T09:00:00+07:00")).toMatchObject({ htxs: 4, htt: 22, ht: 2, kht: 0, unrated: 2 });
  });
});

describe("the dues' quarter heading the first line (seventeenth round)", () => {
  it("reads 'thôn … quý 4: …' and '… quý 4/2026 đảng phí: …' as the quarter, whatever month the remittance names", () => {
    expect(read("party-dues", "thon Na Phai quy 4: 20 dv dong du 20, tong 720k, nop ve xa 24/12", "2026-12-26T09:00:00+07:00")).toMatchObject({ period: "2026-Q4", paid: 20, amount_vnd: 720000 });
    expect(read("party-dues", "Tổ dân phố 3 quý 4/2026 đảng phí: 31 đ/c phải đóng, đóng đủ. Tổng 1.116.000 đ, đã nộp Văn phòng Đảng ủy phường ngày 27/12/2026.", "2026-12-28T09:00:00+07:00")).toMatchObject({ period: "2026-Q4", liable: 31, remitted_date: "2026-12-27" });
    // A month named first stays the period.
    expect(read("party-dues", "thon Na Phai dp thang 12: 20 dv dong du 20, tong 240k, nop ve xa 24/12", "2026-12-26T09:00:00+07:00")).toMatchObject({ period: "2026-12" });
  });
});

describe("'tới' between a morning time and the end (seventeenth round)", () => {
  it("reads 'tu 8h sang toi 10h' as 08:00 to 10:00, and 'tối' after the time still as the evening", () => {
    expect(read("monthly-meeting", "ban Na Hin sh ngay 6/9 tai nha van hoa, tu 7h30 sang toi 10h, co mat 20/21", "2026-09-07T10:00:00+07:00")).toMatchObject({ start_time: "07:30", end_time: "10:00", duration_min: 150 });
    expect(read("monthly-meeting", "ban Na Hin sh ngay 6/9 tai nha van hoa, tu 7h30 toi den 9h30, co mat 20/21", "2026-09-07T10:00:00+07:00")).toMatchObject({ start_time: "19:30", end_time: "21:30" });
  });
});

describe("a name by birth order after a word that goes before a name (seventeenth round)", () => {
  it("reads 'cho Bảy Nhanh' and 'anh Tư Lành' as people, not counts; 'người Ba Na' stays a people", () => {
    expect(read("admissions", "ấp Long Hòa năm nay chưa kết nạp được ai. Chuyển chính thức cho Bảy Nhanh rồi (QĐ tháng 9).", "2025-12-20T09:00:00+07:00")).toMatchObject({ admitted: 0, made_full: 1 });
    expect(read("admissions", "Năm 2026 chi bộ kết nạp 2 đảng viên, đều là người Ba Na, 1 nữ. Chuyển chính thức 1.", "2026-12-20T09:00:00+07:00")).toMatchObject({ admitted: 2, ethnic_minority: 2, women: 1, made_full: 1 });
  });
});

describe("a sheet comparing the quarter with the same one a year before (seventeenth round)", () => {
  it("reads the reported quarter's column beside 'Cùng kỳ năm …', a running number first and the change last", () => {
    const sheet = "CHI BỘ THÔN KHE ĐÁ\nSO SÁNH SỐ LIỆU THÔN QUÝ II/2026 VỚI CÙNG KỲ NĂM 2025\nTT | Chỉ tiêu | Cùng kỳ năm 2025 | Quý II/2026 | So sánh\n1 | Số hộ | 150 | 154 | +4\n2 | Nhân khẩu | 600 | 611 | +11\n3 | Hộ nghèo | 9 | 7 | -2\n4 | Đảng viên | 20 | 21 | +1\n5 | Hội viên Phụ nữ | 120 | 122 | +2";
    expect(read("village-quarterly", sheet, "2026-07-03T09:00:00+07:00")).toMatchObject({ period: "2026-Q2", households: 154, population: 611, poor_households: 7, members: 21, women_union: 122 });
  });
});

describe("a sheet of admissions pasted from Excel (seventeenth round)", () => {
  it("reads 'Số đảng viên kết nạp mới' as those admitted, beside last year's column, and its parts under 'Trong đó:'", () => {
    const sheet = "CHI BỘ ẤP TÂN LỢI\nBIỂU THỐNG KÊ KẾT QUẢ PHÁT TRIỂN ĐẢNG VIÊN\nTT\tChỉ tiêu\tNăm 2025\tNăm 2026\tGhi chú\n1\tSố đảng viên kết nạp mới\t02\t04\t\n\t – Nữ\t01\t02\t\n\t – Đoàn viên thanh niên\t01\t03\t\n2\tCông nhận đảng viên chính thức\t03\t02\t\n3\tQuần chúng ưu tú đã học lớp nhận thức về Đảng\t05\t06\t";
    expect(read("admissions", sheet, "2027-01-05T09:00:00+07:00")).toMatchObject({ period: "2026", admitted: 4, women: 2, youth_union: 3, made_full: 2 });
    const planned = "KẾT QUẢ PHÁT TRIỂN ĐẢNG VIÊN NĂM 2026\nSTT\tNội dung\tChỉ tiêu giao\tThực hiện\tTỷ lệ (%)\n1\tKết nạp đảng viên mới\t02\t03\t150\n\tTrong đó:\t\t\t\n\t– Nữ\t01\t01\t100\n\t– Đoàn viên thanh niên\t01\t02\t200\n2\tChuyển đảng chính thức\t–\t01\t";
    expect(read("admissions", planned, "2026-12-20T09:00:00+07:00")).toMatchObject({ period: "2026", admitted: 3, women: 1, youth_union: 2, made_full: 1 });
  });
});

describe("the office confirming a village's figures, and a sheet numbered under 'Mục' (seventeenth round)", () => {
  it("reads a 'V/v xác nhận số liệu thôn …' letter quoting the figures entered as the village's report", () => {
    const letter = "ĐẢNG ỦY XÃ AN HẢI\nBAN XÂY DỰNG ĐẢNG\nV/v xác nhận số liệu thôn quý II/2026\n\nKính gửi: Chi bộ thôn Hà Lộc\n\nBan đã nhận biểu cập nhật của chi bộ. Số liệu đã được nhập như sau: thôn Hà Lộc có 240 hộ, 980 nhân khẩu; hộ nghèo 06, hộ cận nghèo 09; chi bộ có 30 đảng viên (02 dự bị); Chi hội Phụ nữ 210 hội viên, Chi đoàn 44 đoàn viên.\n\nĐề nghị chi bộ đối chiếu, nếu có sai sót thì báo lại trước ngày 15/7/2026.";
    expect(read("village-quarterly", letter, "2026-07-06T09:00:00+07:00")).toMatchObject({ period: "2026-Q2", households: 240, population: 980, poor_households: 6, near_poor_households: 9, members: 30, probationary: 2, women_union: 210, youth_union: 44 });
  });
  it("drops a 'Mục' column of running numbers, and keeps 'Mức' (a level) over levels", () => {
    const sheet = "CHI BỘ LÀNG KON KLOR\nPHIẾU CẬP NHẬT THÔNG TIN LÀNG – QUÝ II NĂM 2026\nMục\tNội dung\tSố liệu\n1\tSố hộ\t120\n2\tSố nhân khẩu\t530\n3\tĐảng viên\t14";
    expect(read("village-quarterly", sheet, "2026-07-03T09:00:00+07:00")).toMatchObject({ households: 120, population: 530, members: 14 });
    const levels = "Xếp loại đảng viên năm 2026\nMức\tSố lượng\tTỷ lệ\nHTXS\t3\t10%\nHTT\t24\t80%\nHT\t3\t10%\nKHT\t0\t0";
    expect(read("annual-rating", levels, "2026-12-20T09:00:00+07:00")).toMatchObject({ htxs: 3, htt: 24, ht: 3, kht: 0 });
  });
});

describe("letters and pieces that are no report, by their titles (seventeenth round)", () => {
  const refusal = (form: FormName, text: string, now: string): unknown => parseReport(form, text, { now: new Date(now) });
  it("refuses a letter asking to put a sent report right, a bulletin's piece, a summons, a resolution proposing someone, a cell asking how to report", () => {
    const fix = "CHI BỘ THÔN ĐÔNG LẠC\nSố 04-CV/CB\nV/v đề nghị điều chỉnh số liệu đảng phí tháng 9/2026\n\nKính gửi: Văn phòng Đảng ủy xã\nNgày 03/10/2026 chi bộ đã gửi báo cáo 20/22 đảng viên đã đóng, tổng thu 560.000 đ. Qua đối chiếu sổ thu, chi bộ ghi nhầm số tiền; đề nghị Văn phòng điều chỉnh thành 580.000 đ.";
    expect(refusal("party-dues", fix, "2026-10-05T09:00:00+07:00")).toEqual({ ok: false, errors: ["not_a_report: correction"] });
    const piece = "CÁCH TÍNH ĐẢNG PHÍ CHO ĐẢNG VIÊN HƯU TRÍ\n(Bản tin sinh hoạt chi bộ số 5/2026 – Ban Xây dựng Đảng)\n\nĐảng viên hưởng lương hưu đóng 0,5% lương hưu. Năm 2025 nhiều chi bộ đã thu đạt 100%, có chi bộ thu 1.200.000 đ mỗi tháng.";
    expect(refusal("party-dues", piece, "2026-06-05T09:00:00+07:00")).toEqual({ ok: false, errors: ["not_a_report: article"] });
    const summons = "CHI BỘ THÔN 3\n\nTHÔNG BÁO\nTriệu tập sinh hoạt chi bộ thường kỳ tháng 6/2026\n\n1. Thời gian: 19 giờ 30, ngày 05/6/2026.\n2. Địa điểm: Nhà văn hóa thôn 3.\n3. Thành phần: 28 đồng chí đảng viên.";
    expect(parseReport("monthly-meeting", summons, { now: new Date("2026-05-30T09:00:00+07:00") })).toMatchObject({ ok: true, warnings: expect.arrayContaining([expect.stringMatching(/^meeting_notice/)]) });
    const proposal = "CHI BỘ THÔN AN LẠC\nSố 03-NQ/CB\n\nNGHỊ QUYẾT\nĐề nghị kết nạp quần chúng vào Đảng\n\nNgày 12/4/2026 chi bộ họp xét đề nghị kết nạp quần chúng Trần Thị Hoa, nữ, đoàn viên. Số tán thành: 20/21 đ/c. Năm 2025 chi bộ đã kết nạp 01 đảng viên.";
    expect(refusal("admissions", proposal, "2026-04-13T09:00:00+07:00")).toEqual({ ok: false, errors: ["not_a_report: admission-proposal"] });
    const asks = "Kính gửi: Văn phòng Đảng ủy xã\n\nChi bộ thôn Bình An xin hỏi về cách ghi số liệu quý II/2026: thôn có 210 hộ theo sổ, 3 hộ đi làm ăn xa cả nhà, vậy ghi 210 hay 207 hộ? Đề nghị Văn phòng hướng dẫn để chi bộ báo cáo cho đúng.";
    expect(refusal("village-quarterly", asks, "2026-06-28T09:00:00+07:00")).toEqual({ ok: false, errors: ["not_a_report: question"] });
  });
});

describe("members whose twelve months are reached, not yet made full (seventeenth round)", () => {
  it("names those a clause says have reached or are about to reach twelve months, not those made full", () => {
    const due = "Báo cáo phát triển đảng quý III/2026 chi bộ bản Co Muông:\n- Kết nạp mới: 0\n- Chuyển chính thức: 0\n- Đ/c Lò Thị Ẻn, Cầm Văn Pọm dự bị đến 20/9 đủ 12 tháng, chi bộ đã họp xét, đang trình Đảng ủy xã.";
    expect(read("admissions", due, "2026-10-02T09:00:00+07:00")).toMatchObject({ admitted: 0, made_full: 0, pending_full: ["Lò Thị Ẻn", "Cầm Văn Pọm"] });
    const label = "Kết quả phát triển đảng viên năm 2026:\n- Kết nạp: 01 đ/c (nữ, đoàn viên).\n- Chuyển đảng chính thức: 01 đ/c (Vi Văn Sáng).\n- Đảng viên dự bị sắp đến hạn: đ/c Hà Thị Mai (đủ 12 tháng vào tháng 02/2027), chi bộ đang chuẩn bị hồ sơ.";
    expect(read("admissions", label, "2026-12-20T09:00:00+07:00")).toMatchObject({ admitted: 1, made_full: 1, pending_full: ["Hà Thị Mai"] });
    const made = "Kết quả phát triển đảng năm 2026: kết nạp 1 đ/c. Chuyển chính thức: 01 đ/c (đ/c Giàng A Sử, đủ 12 tháng ngày 09/8/2026).";
    expect(read("admissions", made, "2026-12-20T09:00:00+07:00")).not.toHaveProperty("pending_full");
  });
});

describe("a cell's report quoted under a forwarding mail, a blank line between (seventeenth round)", () => {
  it("reads the quoted report after 'nội dung như sau:' and an empty line", () => {
    const mail = "---------- Forwarded message ---------\nTừ: Văn phòng Đảng ủy xã Hòa Bình\nSubject: Fwd: BC sinh hoat chi bo thon 2 thang 10\n\nKính chuyển đồng chí phụ trách tổng hợp. Chi bộ thôn 2 gửi, nội dung như sau:\n\n“Chi bộ thôn 2 sinh hoạt thường kỳ tháng 10/2026 tối ngày 05/10/2026 tại nhà văn hóa thôn, bắt đầu 19h30. Có mặt 20/22 đ/c, vắng 02 đ/c có lý do.”\n\nTrân trọng./.";
    expect(read("monthly-meeting", mail, "2026-10-08T09:00:00+07:00")).toMatchObject({ meeting_date: "2026-10-05", start_time: "19:30", present: 20, members_expected: 22, absent_excused: 2 });
  });
});

describe("groups of the absent counted with 'vắng' before their kind (seventeenth round)", () => {
  it("gives each name its own group's kind: '01 đ/c miễn sinh hoạt (…), 01 đ/c vắng có lý do (…)'", () => {
    const text = "Chi bộ thôn Tân Hòa sinh hoạt ngày 05/11/2026. Có mặt 20/23 đ/c; vắng 03 đ/c, trong đó: 01 đ/c miễn sinh hoạt (đ/c Lê Văn Cần, tuổi cao), 01 đ/c vắng có lý do (đ/c Trần Thị Hoa, đi viện), 01 đ/c vắng không lý do (đ/c Ngô Văn Lâm).";
    expect(read("monthly-meeting", text, "2026-11-06T09:00:00+07:00")).toMatchObject({
      absent_exempt: 1,
      absent_excused: 1,
      absent_unexcused: 1,
      absentees: [
        { name: "Lê Văn Cần", excused: true, exempt: true },
        { name: "Trần Thị Hoa", excused: true, reason: "đi viện" },
        { name: "Ngô Văn Lâm", excused: false },
      ],
    });
    expect((read("monthly-meeting", text, "2026-11-06T09:00:00+07:00").absentees as { exempt?: boolean }[])[1]).not.toHaveProperty("exempt");
  });
});

describe("agenda items numbered on one line (seventeenth round)", () => {
  it("splits 'nd: 1. … 2025-2030. 2. … 3. …' at each number, not at the second number's dot", () => {
    const text = "bc sh cb thon Dong Lac thang 10\nngay 5/10 hop luc 19h30 tai nha van hoa\nco mat 20/22 vang 2 co ly do\nnd: 1. quan triet nghi quyet nhiem ky 2025-2030. 2. thu hoach lua mua. 3. thu dang phi";
    expect(read("monthly-meeting", text, "2026-10-06T09:00:00+07:00")).toMatchObject({ content_items: ["quan triet nghi quyet nhiem ky 2025-2030", "thu hoach lua mua", "thu dang phi"] });
  });
});

describe("the M'Nông 'bon' as a village's kind (seventeenth round)", () => {
  it("reads 'bon Bu Prăng quý 3/2026' as the village, and 'bon dc' (bốn) as no village", () => {
    expect(read("village-quarterly", "bon Bu Prăng quy 3/2026 ạ\nsố hộ 130, nhân khẩu 560\nđv 15", "2026-10-03T09:00:00+07:00")).toMatchObject({ village: "bon Bu Prăng", households: 130, population: 560, members: 15 });
    expect(read("village-quarterly", "thon Na Lay quy 3/2026: so ho 130, nhan khau 560, dv 15 trong do bon dv du bi", "2026-10-03T09:00:00+07:00")).toMatchObject({ village: "thon Na Lay" });
  });
});

describe("the day a meeting was not held, then the day it was (seventeenth round)", () => {
  it("reads 'ko họp 5/3 mà họp 17/3' as met on 17/3", () => {
    expect(read("monthly-meeting", "Chi bộ thôn Na Lay bc: sh tháng 3/2026 lùi lại, ko họp 5/3 mà họp 17/3 vì bầu cử. Có mặt 19/21, vắng 2 có lý do.", "2026-03-18T09:00:00+07:00")).toMatchObject({ meeting_date: "2026-03-17", present: 19 });
  });
});

describe("'chưa:' alone as the label of those who did not pay (seventeenth round)", () => {
  it("names those listed under 'chưa:' after the line of those who paid", () => {
    const text = "TDP Tân Hà đp T11/2026\nphải đóng: 30\nđã đóng: 28\nchưa: Lò Thị Ún (ốm), Vi Văn Khánh\nsố tiền: 1.120.000đ";
    expect(read("party-dues", text, "2026-11-28T09:00:00+07:00")).toMatchObject({ liable: 30, paid: 28, unpaid: 2, unpaid_names: ["Lò Thị Ún", "Vi Văn Khánh"] });
  });
});

describe("every member at one level but those named (seventeenth round)", () => {
  it("reads '14 dv tat ca HTT, rieng dc A Sơn HTXS' as HTXS 1, HTT 13, none at the others", () => {
    expect(read("annual-rating", "thon Dak Ri danh gia dv nam 2026: 12 dv tat ca HTT, rieng dc Y Brao HTXS", "2026-12-22T09:00:00+07:00")).toMatchObject({ period: "2026", htxs: 1, htt: 11, ht: 0, kht: 0 });
    expect(read("annual-rating", "Xếp loại năm 2026: 20 đồng chí đều hoàn thành tốt nhiệm vụ, trừ đ/c Lan và đ/c Hoa hoàn thành xuất sắc", "2026-12-22T09:00:00+07:00")).toMatchObject({ htxs: 2, htt: 18 });
  });
});

describe("a Word list pasted beside its figures (seventeenth round)", () => {
  it("reads '5. Số đảng viên<TAB>55 (…)' rows as labels and values, and a paired row's two values", () => {
    const text = "BÁO CÁO CẬP NHẬT DỮ LIỆU THÔN QUÝ II NĂM 2026\n1. Tổng số hộ\t210 hộ\n2. Tổng số nhân khẩu\t860 khẩu\n3. Hộ nghèo / hộ cận nghèo\t04 / 07\n4. Số đảng viên\t28 (chính thức 27, dự bị 01)\n5. Hội Phụ nữ\t190\n6. Đoàn Thanh niên\t40";
    expect(read("village-quarterly", text, "2026-07-03T09:00:00+07:00")).toMatchObject({ households: 210, population: 860, poor_households: 4, near_poor_households: 7, members: 28, probationary: 1, women_union: 190, youth_union: 40 });
  });
});

describe("last year's levels and a goal, in a notice of the rating meeting (seventeenth round)", () => {
  it("refuses 'Thông báo: … họp kiểm điểm … Năm ngoái cb có 3 HTXS …, năm nay phấn đấu đạt HTT' and still reads a report that compares", () => {
    const notice = "Thông báo: chi bộ thôn Na Hang họp kiểm điểm, đánh giá xếp loại đv năm 2026 vào 8h ngày 19/12 tại nhà văn hóa. Năm ngoái cb có 2 HTXS, 15 HTT, 1 HT, năm nay phấn đấu chi bộ đạt HTT trở lên.";
    expect(parseReport("annual-rating", notice, { now: new Date("2026-12-12T09:00:00+07:00") })).toMatchObject({ ok: false });
    const report = "Xếp loại năm 2026 thôn Na Hang: HTXS 3, HTT 16, HT 1, KHT 0. Năm ngoái cb có 2 HTXS, 15 HTT, năm nay tiến bộ hơn. Chi bộ tự xếp HTT.";
    expect(read("annual-rating", report, "2026-12-22T09:00:00+07:00")).toMatchObject({ htxs: 3, htt: 16, ht: 1, kht: 0, cell_self_level: "HTT" });
  });
});

describe("dues sent 'qua' the office, on a weekday said in Southern words (seventeenth round)", () => {
  it("reads 'em gửi qua Văn phòng Đảng ủy xã bữa thứ hai rồi' as remitted that Monday to the office", () => {
    const text = "đp tháng 6 ấp Tân Hòa: phải thu 20, thu đủ 20, tổng 400 ngàn, em gửi qua Văn phòng Đảng ủy xã bữa thứ hai rồi nghen";
    expect(read("party-dues", text, "2026-06-10T09:00:00+07:00")).toMatchObject({ remitted: true, remitted_date: "2026-06-08", remitted_to: "văn phòng đảng ủy xã" });
  });
});

describe("a name's word that folds as a period's (seventeenth round)", () => {
  it("keeps 'Thắng' in 'KP Đức Thắng 2' (not 'tháng 2'), and still ends a name at 'Tháng 3'", () => {
    expect(read("village-quarterly", "KP Đức Thắng 2 gửi số liệu quý 2/2026: hộ 702, khẩu 2.905, dv 58", "2026-07-02T09:00:00+07:00")).toMatchObject({ village: "khu phố Đức Thắng 2" });
    expect(read("village-quarterly", "Bản Nà Làng Tháng 3/2026 báo cáo: quý 1/2026 số hộ 120, khẩu 500, đv 12", "2026-04-02T09:00:00+07:00")).toMatchObject({ village: "Bản Nà Làng" });
  });
});
