import { describe, expect, it } from "vitest";
import { documentData, placeName } from "../../src/domain/cycle/documents.js";
import { matchOwner, resolutionItems, rollName, taskNotices } from "../../src/domain/cycle/tasks.js";

const TZ = "Asia/Ho_Chi_Minh";
const QUIET = { start: "21:30", end: "06:30", deferTo: "07:00" };
const local = (iso: string) => new Date(`${iso}+07:00`);

describe("a resolution item's owner among the cell's members", () => {
  const members = [
    { id: 1, name: "Hoàng Văn Páo" },
    { id: 2, name: "Vi Thị Mai" },
    { id: 3, name: "Nông Văn Hùng" },
    { id: 4, name: "Lý Văn Hùng" },
  ];
  it.each([
    ["Mai", 2],
    ["mai", 2],
    ["Vi Thi Mai", 2],
    ["Thị Mai", 2],
    ["bí thư", 1],
    ["Nông Văn Hùng", 3],
    ["Hùng", null], // two members
    ["trưởng thôn", null], // a function, not a person
    ["chi đoàn", null],
    ["Lan", null],
    ["", null],
    [null, null],
  ])("%s → %s", (owner, want) => {
    expect(matchOwner(owner, members, [1])).toBe(want);
  });

  it("matches nobody for 'bí thư' when the cell has no single secretary", () => {
    expect(matchOwner("bí thư", members, [])).toBeNull();
    expect(matchOwner("bí thư", members, [1, 3])).toBeNull();
  });
});

describe("a typed name in the meeting documents", () => {
  const members = [
    { id: 1, name: "Nông Văn Thắng" },
    { id: 2, name: "Đàm Thị Hiền" },
    { id: 3, name: "Nông Văn Hùng" },
    { id: 4, name: "Lý Văn Hùng" },
  ];
  it.each([
    ["Hien", "Đàm Thị Hiền"],
    ["dam thi hien", "Đàm Thị Hiền"],
    ["Hùng", "Hùng"], // two members: never guessed
    ["Lan", "Lan"], // nobody
    ["bí thư", "bí thư"], // a function keeps its words
    ["trưởng thôn", "trưởng thôn"],
  ])("%s → %s", (typed, want) => {
    expect(rollName(typed, members)).toBe(want);
  });

  it("takes the one written with the diacritics typed where several fit without them", () => {
    const roll = [
      { id: 1, name: "Hoàng Văn Đông" },
      { id: 2, name: "Lý Văn Đồng" },
    ];
    expect(rollName("Đông", roll)).toBe("Hoàng Văn Đông");
    expect(rollName("đồng", roll)).toBe("Lý Văn Đồng");
    expect(rollName("Dong", roll)).toBe("Dong"); // both fit: never guessed
  });

  it("fills the minutes' counts from the roll and the report, and the owners' and absentees' names from the roll", () => {
    const t = (id: string) => (id === "doc-blank" ? "………" : id);
    const data = documentData(
      {
        cellName: "Chi bộ thôn Khuổi Nậm",
        upper: { name: "Đảng bộ xã Hòa An", areaName: "xã Hòa An" },
        period: "2026-12",
        values: { meeting_date: "2026-12-05", members_expected: 5, present: 3, absent_excused: 1, absentees: [{ name: "Hien", reason: "ốm", excused: true }, { name: "Hùng", excused: null }], resolutions: [{ task: "thu dang phi", owner: "Hien", due: "2026-12-20" }] },
        previous: [{ task: "sửa đường", owner: "thang", status: "done", note: null }],
        secretaryName: "Nông Văn Thắng",
        roll: { total: 6, full: 5, probationary: 1, exempt: 1 },
        members,
      },
      t,
    );
    expect([data.tong_so, data.chinh_thuc, data.du_bi, data.mien_sinh_hoat, data.phai_du, data.co_mat, data.vang, data.vang_co_ly_do, data.vang_khong_ly_do, data.vang_chua_ro]).toEqual([6, 5, 1, 1, 5, 3, 2, 1, 0, 1]);
    expect(data.vang_ten).toBe("Đàm Thị Hiền (ốm); Hùng");
    expect(data.nghi_quyet).toEqual([{ stt: 1, viec: "thu dang phi", nguoi: "Đàm Thị Hiền", han: "20/12/2026" }]);
    expect((data.ket_qua_thang_truoc as { nguoi: string }[])[0]!.nguoi).toBe("Nông Văn Thắng");
    // A roll not known: blanks to fill by hand, never the expected count in its place.
    expect(documentData({ cellName: "Chi bộ X", upper: null, period: "2026-12", values: { members_expected: 5, present: 5 }, previous: [], secretaryName: null, roll: null, members: [] }, t).tong_so).toBe("………");
  });
});

describe("task reminders", () => {
  const task = { id: 9, task: "Thu đảng phí", owner: "Mai", ownerPersonId: 2, dueOn: "2025-11-20" };
  const at = (iso: string, since?: string) => ({ now: local(iso), ...(since ? { since: local(since) } : {}), tz: TZ, quietHours: QUIET });

  it("goes to the owner three days and one day before, at 08:00, once per key", () => {
    expect(taskNotices([task], [1], at("2025-11-17T08:00:00")).map((n) => [n.key, n.personId])).toEqual([["task:9:d3:2", 2]]);
    expect(taskNotices([task], [1], at("2025-11-19T08:30:00")).map((n) => n.key)).toEqual(["task:9:d1:2"]);
    expect(taskNotices([task], [1], at("2025-11-17T07:59:00"))).toEqual([]);
    // A tick that already planned it does not plan it again.
    expect(taskNotices([task], [1], at("2025-11-17T08:01:00", "2025-11-17T08:00:00"))).toEqual([]);
  });

  it("goes to the cell's leaders when the owner matched nobody", () => {
    expect(taskNotices([{ ...task, ownerPersonId: null }], [1, 5], at("2025-11-17T08:00:00")).map((n) => n.personId)).toEqual([1, 5]);
  });

  it("after downtime sends only the freshest reminder, and none once the due day is over", () => {
    expect(taskNotices([task], [1], at("2025-11-20T15:00:00")).map((n) => n.step)).toEqual(["d1"]);
    expect(taskNotices([task], [1], at("2025-11-21T08:00:00"))).toEqual([]);
  });
});

describe("resolution items from a stored report", () => {
  it("keeps items with a task, trims them, drops what is not an item", () => {
    expect(resolutionItems([{ task: " Thu đảng phí ", owner: "Mai", due: "2025-11-20" }, { task: "" }, null, "x", { task: "Họp", due: "20/11" }])).toEqual([
      { task: "Thu đảng phí", owner: "Mai", due: "2025-11-20" },
      { task: "Họp", owner: null, due: null },
    ]);
    expect(resolutionItems("không phải danh sách")).toEqual([]);
  });
});

it("dates a party document from the commune's place name", () => {
  expect(placeName("xã Tân Văn")).toBe("Tân Văn");
  expect(placeName("phường Kỳ Lừa")).toBe("Kỳ Lừa");
  expect(placeName("Tân Văn")).toBe("Tân Văn");
});
