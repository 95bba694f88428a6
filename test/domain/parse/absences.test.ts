import { describe, expect, it } from "vitest";
import { parseReport } from "../../../src/domain/parse/index.js";

const NOW = { now: new Date("2026-11-08T10:00:00+07:00") };

function absences(text: string) {
  const r = parseReport("monthly-meeting", text, NOW);
  if (!r.ok) throw new Error(r.errors.join("; "));
  const f = r.fields;
  return { total: f.absent_total, excused: f.absent_excused, unexcused: f.absent_unexcused, exempt: f.absent_exempt };
}

describe("the absences add up as a clerk checks them against the roll", () => {
  it("reads the kinds after \"trong đó\" as parts of the absent, not more of them", () => {
    const text =
      "CB thôn Tân Bổng sinh hoạt ngày 5/11. Thành phần: Tổng số đảng viên 42 đồng chí (trong đó miễn sinh hoạt 5 đồng chí). Có mặt 34 đồng chí. " +
      "Vắng 8 đồng chí, trong đó: miễn sinh hoạt 5 đồng chí; vắng có lý do 2 đồng chí (đ/c Phạm Văn Lợi – đi viện, đ/c Bùi Thị Hoa – đi làm ăn xa); " +
      "vắng không lý do 1 đồng chí (đ/c Nguyễn Văn Tuấn).";
    expect(absences(text)).toEqual({ total: 8, excused: 2, unexcused: 1, exempt: 5 });
  });

  it("counts the named absentees by kind and the rest as the exempt spoken of", () => {
    const text =
      "báo cáo chi bộ bản Hua Păng họp hôm qua tại nhà văn hóa bản có mặt mười tám trên hăm hai đồng chí vắng bốn đồng chí thì hai đồng chí " +
      "miễn sinh hoạt còn đồng chí Lường Văn Tiến đi rừng chưa về có báo trước rồi với đồng chí Cầm Thị Hoa ốm";
    expect(absences(text)).toEqual({ total: 4, excused: 2, unexcused: 0, exempt: 2 });
  });

  it("leaves the kinds unsaid when the names do not account for every absence and nobody is exempt", () => {
    const text = "chi bộ thôn 4 họp tối 5/11 có mặt 18/22 vắng 4 đồng chí trong đó đồng chí Lò Văn Ơn đi làm thuê có báo";
    const a = absences(text);
    expect(a.total).toBe(4);
    expect(a.exempt).toBeUndefined();
  });

  it("reads the South's way of naming the absent: a kinship word before the name, \"đi đủ hết trừ …\"", () => {
    const all = "Tối qua chi bộ khu phố Bình Phước B sinh hoạt 7 giờ tối ở văn phòng khu phố. Chi bộ 18 đv, đi đủ hết trừ chú Tám Hòa với cô Chín Liên bị bệnh.";
    const r = parseReport("monthly-meeting", all, NOW);
    if (!r.ok) throw new Error(r.errors.join("; "));
    expect(r.fields).toMatchObject({ present: 16, members_expected: 18, absent_total: 2, absent_excused: 2 });
    expect(r.fields.absentees).toEqual([
      { name: "Tám Hòa", excused: true, reason: "bị bệnh" },
      { name: "Chín Liên", excused: true, reason: "bị bệnh" },
    ]);
    const kinds = "Chi bộ ấp Phú Thạnh họp thường kỳ tối 5/11 ở hội trường ấp. Chi bộ mình 20 đảng viên, có mặt 14 chính thức với 2 dự bị, còn vắng chú Năm Lợi đi đám giỗ bên Mỏ Cày.";
    const k = parseReport("monthly-meeting", kinds, NOW);
    if (!k.ok) throw new Error(k.errors.join("; "));
    expect(k.fields).toMatchObject({ present: 16, members_expected: 20 });
    expect(k.fields.absentees).toEqual([{ name: "Năm Lợi", excused: true, reason: "đi đám giỗ bên Mỏ Cày" }]);
  });
});
