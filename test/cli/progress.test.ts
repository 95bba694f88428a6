import { describe, expect, it } from "vitest";
import { progressBar } from "../../src/cli/progress.js";

function stream(isTTY: boolean) {
  const writes: string[] = [];
  return { writes, isTTY, columns: 80, write: (s: string) => writes.push(s) };
}

describe("progress bar", () => {
  it("draws nothing when stderr is not a terminal", () => {
    const s = stream(false);
    const bar = progressBar(s, "Đang ghi");
    bar.update(1, 10);
    bar.stop();
    expect(s.writes).toEqual([]);
  });

  it("redraws one line at most every 100 ms, always the last step, and clears it at the end", () => {
    const s = stream(true);
    let now = 0;
    const bar = progressBar(s, "Đang ghi", () => now);
    bar.update(1, 5000);
    now = 50;
    bar.update(2500, 5000);
    now = 60;
    bar.update(5000, 5000);
    bar.stop();
    expect(s.writes).toHaveLength(3);
    expect(s.writes[0]).toMatch(/^\rĐang ghi \[░+\]   0% 1\/5\.000$/);
    expect(s.writes[1]).toMatch(/^\rĐang ghi \[█+\] 100% 5\.000\/5\.000$/);
    expect(s.writes[2]).toBe("\r\x1b[2K");
  });
});
