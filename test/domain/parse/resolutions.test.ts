import { describe, expect, it } from "vitest";
import { parseReport } from "../../../src/domain/parse/index.js";

const NOW = { now: new Date("2025-11-06T08:00:00+07:00") };
const HEAD = "bc sh cb t11: hop 5/11, co mat 10/11. ";

function items(text: string) {
  const r = parseReport("monthly-meeting", HEAD + text, NOW);
  if (!r.ok) throw new Error(r.errors.join("; "));
  return (r.fields as { resolutions?: unknown }).resolutions;
}

describe("resolution items: what, who, by when", () => {
  it.each([
    [
      "NQ: 1. Thu đảng phí T11 xong trước 20/11 - đ/c Mai; 2. Sửa đường làng trước 30/11 - trưởng thôn",
      [{ task: "Thu đảng phí T11", owner: "Mai", due: "2025-11-20" }, { task: "Sửa đường làng", owner: "trưởng thôn", due: "2025-11-30" }],
    ],
    [
      // The owner's clause in the middle, the deadline after it.
      "NQ: 1. Thu đảng phí T11, đ/c Mai phụ trách, hạn 20/11; 2. Sửa đường làng, giao đ/c Páo, xong trước 30/11",
      [{ task: "Thu đảng phí T11", owner: "Mai", due: "2025-11-20" }, { task: "Sửa đường làng", owner: "Páo", due: "2025-11-30" }],
    ],
    [
      // Bulleted lines: the bullet is no owner; the owner in parentheses before the deadline; "hạn cuối tháng".
      "Nghị quyết: - vận động tiêm phòng (trưởng thôn) trước 25/11\n- thu quỹ khuyến học: đ/c Hùng, hạn cuối tháng",
      [{ task: "vận động tiêm phòng", owner: "trưởng thôn", due: "2025-11-25" }, { task: "thu quỹ khuyến học", owner: "Hùng", due: "2025-11-30" }],
    ],
    [
      "NQ: 1) Dọn vệ sinh CN 16/11 - chi đoàn; 2) Nộp đảng phí trước 20/11 - đồng chí Mai",
      [{ task: "Dọn vệ sinh", owner: "chi đoàn", due: "2025-11-16" }, { task: "Nộp đảng phí", owner: "Mai", due: "2025-11-20" }],
    ],
  ])("%s", (text, want) => {
    expect(items(text)).toEqual(want);
  });
});
