import { describe, expect, it } from "vitest";
import { placeName } from "../../src/domain/cycle/documents.js";
import { matchOwner, resolutionItems, taskNotices } from "../../src/domain/cycle/tasks.js";

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
