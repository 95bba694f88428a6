import { describe, expect, it } from "vitest";
import { namesOnRoll } from "../../../src/domain/forms/roll-names.js";
import { currentForm } from "../../../src/domain/forms/registry.js";

describe("the names a report types, written as the cell's roll writes them", () => {
  const form = currentForm("monthly-meeting");
  const members = [
    { id: 1, name: "Hoàng Văn Đông" },
    { id: 2, name: "Nông Văn Thắng" },
    { id: 3, name: "Nông Văn Hùng" },
    { id: 4, name: "Lý Văn Hùng" },
  ];

  it("writes an absentee's and an owner's full name when one member fits; reasons and tasks stay as typed", () => {
    const { values, asTyped } = namesOnRoll(
      form,
      {
        absentees: [{ name: "Dong", reason: "om", excused: true }],
        resolutions: [{ task: "thu dang phi T12", owner: "Thang", due: "2026-12-20" }],
        content_items: ["trien khai thu hoach"],
      },
      members,
    );
    expect(values.absentees).toEqual([{ name: "Hoàng Văn Đông", reason: "om", excused: true }]);
    expect(values.resolutions).toEqual([{ task: "thu dang phi T12", owner: "Nông Văn Thắng", due: "2026-12-20" }]);
    expect(values.content_items).toEqual(["trien khai thu hoach"]);
    expect(asTyped).toEqual([]);
  });

  it("keeps an ambiguous or unknown name as typed and lists it once; a function is kept and not listed", () => {
    const { values, asTyped } = namesOnRoll(
      form,
      {
        absentees: [{ name: "Hung", excused: false }, { name: "Lan", reason: "di lam" }],
        resolutions: [{ task: "don duong", owner: "truong thon" }, { task: "sua loa", owner: "Lan" }, { task: "tuyen truyen", owner: null }],
      },
      members,
    );
    expect((values.absentees as { name: string }[]).map((a) => a.name)).toEqual(["Hung", "Lan"]);
    expect((values.resolutions as { owner: string | null }[]).map((r) => r.owner)).toEqual(["truong thon", "Lan", null]);
    expect(asTyped).toEqual(["Hung", "Lan"]);
  });

  it("leaves a list a correction did not touch as it was stored", () => {
    const before = { present: 5, absentees: [{ name: "Dong", reason: "om" }] };
    const { values, asTyped } = namesOnRoll(form, { ...before, present: 4 }, members, before);
    expect(values.absentees).toEqual([{ name: "Dong", reason: "om" }]);
    expect(asTyped).toEqual([]);
  });
});
