import { expect, it } from "vitest";
import { SentMarks } from "../../src/bot/sent-marks.js";

it("writes the marks asked for while one is on its way together, in one write, each caller told when its own is done", async () => {
  const writes: string[][] = [];
  let release: () => void = () => {};
  const marks = new SentMarks(async (ids) => {
    writes.push(ids);
    if (writes.length === 1) await new Promise<void>((resolve) => (release = resolve));
  });
  const first = marks.mark("1");
  await new Promise((resolve) => setImmediate(resolve));
  expect(writes).toEqual([["1"]]);
  const later = [marks.mark("2"), marks.mark("3"), marks.mark("4")];
  expect(writes).toHaveLength(1);
  release();
  await Promise.all([first, ...later]);
  expect(writes).toEqual([["1"], ["2", "3", "4"]]);
});

it("a failed write fails the marks of its group only; the next group is written", async () => {
  let calls = 0;
  const marks = new SentMarks(async () => {
    if (++calls === 1) throw new Error("database away");
  });
  const failed = marks.mark("1");
  await expect(failed).rejects.toThrow("database away");
  await expect(marks.mark("2")).resolves.toBeUndefined();
  expect(calls).toBe(2);
});
