import { describe, expect, it } from "vitest";
import { parseReport } from "../../../src/domain/parse/index.js";
import { prepare } from "../../../src/domain/parse/prepare.js";

const NOW = new Date("2026-05-08T20:00:00+07:00");

// A voice-typed report: one run of words, no stop anywhere.
const SPOKEN =
  "báo cáo đảng ủy phường chi bộ khóm 2 sinh hoạt thường kỳ tháng 5 vào lúc 19 giờ 30 ngày 7 tháng 5 năm 2026 tại trụ sở ban nhân dân khóm 2 " +
  "kết thúc lúc 21 giờ tổng số đảng viên 23 đồng chí có mặt 20 đồng chí vắng 3 đồng chí trong đó 1 đồng chí miễn sinh hoạt 2 đồng chí vắng có lý do " +
  "là đồng chí Quách Huệ Linh đi công tác và đồng chí Trần Văn Mười đi bệnh viện Cần Thơ tái khám dự họp có đồng chí Huỳnh Thanh Tâm đảng ủy viên " +
  "phụ trách khóm nội dung sinh hoạt gồm thông tin thời sự trong tháng đánh giá kết quả tháng 4 triển khai nhiệm vụ tháng 5 và công tác phòng chống " +
  "sốt xuất huyết chi bộ thống nhất giao đồng chí Tăng Mỹ Phụng phối hợp trạm y tế phát quang dọn dẹp diệt lăng quăng trước ngày 20 tháng 5 hết báo cáo";

describe("a report spoken as one run of words", () => {
  it("ends the place, a reason and each agenda item where the next part of the report begins", () => {
    const r = parseReport("monthly-meeting", SPOKEN, { now: NOW });
    if (!r.ok) throw new Error(r.errors.join("; "));
    expect(r.fields.place).toBe("trụ sở ban nhân dân khóm 2");
    expect(r.fields.end_time).toBe("21:00");
    expect(r.fields.members_expected).toBe(23);
    expect(r.fields.absentees).toEqual([
      { name: "Quách Huệ Linh", excused: true, reason: "đi công tác" },
      { name: "Trần Văn Mười", excused: true, reason: "đi bệnh viện Cần Thơ tái khám" },
    ]);
    expect(r.fields.cadre_name).toBe("Huỳnh Thanh Tâm");
    expect(r.fields.content_items).toEqual([
      "thông tin thời sự trong tháng",
      "đánh giá kết quả tháng 4",
      "triển khai nhiệm vụ tháng 5",
      "công tác phòng chống sốt xuất huyết",
    ]);
    expect(r.fields.resolutions).toEqual([{ task: "phối hợp trạm y tế phát quang dọn dẹp diệt lăng quăng", owner: "Tăng Mỹ Phụng", due: "2026-05-20" }]);
  });

  it("leaves a typed report's own stops as they are", () => {
    const typed = "CB thôn 3 họp 7/5 tại nhà văn hóa, kết thúc lúc 21h. Có mặt 20/23. ND: đánh giá tháng 4, triển khai nhiệm vụ tháng 5.";
    expect(prepare(typed, NOW).text).toBe(typed);
  });

  it("keeps a two-word agenda verb with its item (\"triển khai chăm sóc cà phê\")", () => {
    const text =
      "chi bộ buôn Ea Sar sinh hoạt tối ngày năm tháng năm tại nhà văn hóa buôn có mặt hai mươi trên hai mươi hai đồng chí " +
      "nội dung gồm triển khai chăm sóc cà phê sau thu hoạch phòng chống cháy rừng mùa khô hết báo cáo";
    const r = parseReport("monthly-meeting", text, { now: NOW });
    if (!r.ok) throw new Error(r.errors.join("; "));
    expect(r.fields.content_items).toEqual(["triển khai chăm sóc cà phê sau thu hoạch", "phòng chống cháy rừng mùa khô"]);
  });

  it("parts an agenda counted off (\"thứ nhất … thứ hai …\") and the kinds of absence said one after another", () => {
    const text =
      "báo cáo chi bộ khu Đồng Lạc sinh hoạt tối mùng tám tháng năm tại hội trường khu tổng số đảng viên ba mươi mốt đồng chí có mặt hai mươi sáu " +
      "đồng chí vắng năm đồng chí trong đó có ba đồng chí miễn sinh hoạt một đồng chí đi viện là đồng chí Hà Văn Sinh và một đồng chí vắng không " +
      "lý do là đồng chí Đinh Công Lực nội dung thứ nhất đánh giá kết quả tháng tư thứ hai triển khai nhiệm vụ tháng năm thứ ba bàn việc làm " +
      "đường bê tông nội đồng chi bộ giao cho ban phát triển khu hoàn thành đường bê tông trước ngày ba mươi tháng sáu";
    const r = parseReport("monthly-meeting", text, { now: NOW });
    if (!r.ok) throw new Error(r.errors.join("; "));
    expect(r.fields).toMatchObject({ absent_total: 5, absent_exempt: 3, absent_excused: 1, absent_unexcused: 1 });
    expect(r.fields.content_items).toEqual(["đánh giá kết quả tháng tư", "triển khai nhiệm vụ tháng năm", "bàn việc làm đường bê tông nội đồng"]);
    expect(r.fields.resolutions).toEqual([{ task: "hoàn thành đường bê tông", owner: "ban phát triển khu", due: "2026-06-30" }]);
  });
});
