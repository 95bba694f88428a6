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

it("while a batch group holds them, marks wait for its write, which takes them; the rest are written alone once no group is left", async () => {
  const writes: string[][] = [];
  const marks = new SentMarks(async (ids) => void writes.push(ids));
  marks.hold();
  let done = false;
  const carried = [marks.mark("1"), marks.mark("2")];
  void Promise.all(carried).then(() => (done = true));
  await new Promise((resolve) => setImmediate(resolve));
  expect(writes).toEqual([]);
  const taken = marks.take();
  expect(taken?.ids).toEqual(["1", "2"]);
  expect(marks.take()).toBeUndefined();
  taken?.written();
  await Promise.all(carried);
  expect(done).toBe(true);
  const later = marks.mark("3");
  await new Promise((resolve) => setImmediate(resolve));
  expect(writes).toEqual([]);
  marks.release();
  await later;
  expect(writes).toEqual([["3"]]);
});

it("marks a group took and then rolled back wait again, and are written alone when no group is left", async () => {
  const writes: string[][] = [];
  const marks = new SentMarks(async (ids) => void writes.push(ids));
  marks.hold();
  const mark = marks.mark("1");
  marks.take()?.returned();
  await new Promise((resolve) => setImmediate(resolve));
  expect(writes).toEqual([]);
  marks.release();
  await mark;
  expect(writes).toEqual([["1"]]);
});
