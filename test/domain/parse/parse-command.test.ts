import { PassThrough, Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { runParse } from "../../../src/cli/parse-command.js";

async function run(args: string[], input: string) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out: string[] = [];
  const err: string[] = [];
  stdout.on("data", (c) => out.push(String(c)));
  stderr.on("data", (c) => err.push(String(c)));
  const code = await runParse(args, { stdin: Readable.from([Buffer.from(input)]), stdout, stderr });
  return { code, out: out.join(""), err: err.join("") };
}

describe("chibo parse", () => {
  it("prints one JSON object for one message", async () => {
    const r = await run(["monthly-meeting", "--now", "2025-11-06T08:00:00+07:00"], "bc sh cb t11: hop toi 5/11 19h30, co mat 25/27, vang 2 cld\n");
    expect(r.code).toBe(0);
    const lines = r.out.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toMatchObject({
      ok: true, form: "monthly-meeting",
      fields: { meeting_date: "2025-11-05", start_time: "19:30", present: 25, members_expected: 27, absent_excused: 2 },
    });
  });

  it("reads JSON lines, one result per line, and survives a bad line", async () => {
    const input = [
      JSON.stringify({ text: "sh cb 28/12, co mat 20/22", now: "2026-01-03T09:00:00+07:00" }),
      "{not json",
      JSON.stringify({ text: "chào bạn", now: "2025-11-06T09:00:00+07:00" }),
      JSON.stringify({ nope: 1 }),
    ].join("\n");
    const r = await run(["monthly-meeting", "--jsonl"], input);
    expect(r.code).toBe(0);
    const rows = r.out.trim().split("\n").map((l) => JSON.parse(l));
    expect(rows).toHaveLength(4);
    expect(rows[0]).toMatchObject({ ok: true, fields: { meeting_date: "2025-12-28" } });
    expect(rows[1].ok).toBe(false);
    expect(rows[1].errors[0]).toMatch(/^bad_input: /);
    expect(rows[2]).toMatchObject({ ok: false });
    expect(rows[3].errors[0]).toMatch(/^bad_input: /);
  });

  it("exits 2 with a Vietnamese message for an unknown form", async () => {
    const r = await run(["monthly-report"], "x");
    expect(r.code).toBe(2);
    expect(r.err).toContain("Không có biểu mẫu");
    expect(r.out).toBe("");
  });

  it("rejects a bad --now", async () => {
    const r = await run(["party-dues", "--now", "yesterday"], "x");
    expect(r.code).toBe(2);
  });
});
