import { describe, expect, it } from "vitest";
import { readAbsenteeText, readResolutionList, saysNone } from "../../../src/domain/parse/typed-lists.js";

const now = new Date("2025-12-08T09:00:00+07:00");

describe("a list typed again whole (the preview's absentees and resolution)", () => {
  it("reads the absentees as the edit question shows them, numbered, and as typed on a phone", () => {
    expect(readAbsenteeText("1. Hà Văn Nam (om, có lý do)\n2. Vi Thị Mai (đi xa, không lý do)\n3. Páo (miễn sinh hoạt)", now)).toEqual({
      items: [
        { name: "Hà Văn Nam", reason: "om", excused: true },
        { name: "Vi Thị Mai", reason: "đi xa", excused: false },
        { name: "Páo", reason: "miễn sinh hoạt", excused: true, exempt: true },
      ],
      unread: [],
    });
    // Lower case, no diacritics, ";" between them.
    expect(readAbsenteeText("mai khong ly do; hung om", now).items).toEqual([
      { name: "Mai", excused: false },
      { name: "Hung", reason: "om", excused: true },
    ]);
  });

  it("names the lines it cannot read", () => {
    expect(readAbsenteeText("Hà Văn Nam (ốm)\n123", now)).toMatchObject({ items: [{ name: "Hà Văn Nam" }], unread: ["123"] });
  });

  it("reads the resolution as the edit question shows it", () => {
    expect(readResolutionList("1. thu dang phi - đ/c Vi Thị Mai - hạn 20/12/2025\n2. Họp dân - trưởng thôn", now).items).toEqual([
      { task: "thu dang phi", owner: "Vi Thị Mai", due: "2025-12-20" },
      { task: "Họp dân", owner: "trưởng thôn", due: null },
    ]);
  });

  it("takes 'không ai vắng', 'không có' as an empty list, and nothing longer", () => {
    for (const t of ["không ai vắng", "Không có.", "ko co", "khong", "không có nghị quyết", "xóa hết", "0"]) expect(saysNone(t), t).toBe(true);
    for (const t of ["không lý do", "Mai không lý do", "không ai vắng trừ Mai"]) expect(saysNone(t), t).toBe(false);
  });
});
