import { PassThrough, Readable, Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { main } from "../../../src/cli.js";
import { ConsoleChannel } from "../../../src/channels/console/console-channel.js";
import type { IncomingMessage } from "../../../src/messaging/message.js";

/** A stdout whose reader has gone (`| head -3` after its lines): every write fails with EPIPE, as a closed pipe's does. */
function closedPipe(): Writable & { written: string[] } {
  const written: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      written.push(String(chunk));
      done(Object.assign(new Error("write EPIPE"), { code: "EPIPE", errno: -32, syscall: "write" }));
    },
  });
  return Object.assign(stream, { written });
}

describe("A closed stdout ends the command quietly", () => {
  it("the console chat stops at the first reply nobody can read, and ends without an error", async () => {
    const output = closedPipe();
    const handled: string[] = [];
    const lines = Array.from({ length: 10 }, (_, i) => `/trogiup ${i + 1}\n`);
    const channel = new ConsoleChannel({
      input: Readable.from(lines),
      output,
      userId: "guest-x",
      handler: async (msg: IncomingMessage) => {
        handled.push(msg.text ?? "");
        // A real turn waits on the database; the closed pipe's error is heard in that time.
        await new Promise((resolve) => setImmediate(resolve));
        return { status: "handled", replies: [{ text: `trả lời ${msg.text}` }] };
      },
    });
    await channel.done();
    // The pipe's error follows the failed write: the line read meanwhile is the last one answered.
    expect(handled).toEqual(["/trogiup 1", "/trogiup 2"]);
    expect(output.written).toEqual(["trả lời /trogiup 1\n\n"]);
  });

  it("chibo --help into a closed pipe: exit 0, nothing on stderr, no unhandled EPIPE", async () => {
    const stdout = closedPipe();
    const stderr = new PassThrough();
    let err = "";
    stderr.setEncoding("utf8").on("data", (d: string) => (err += d));
    const stdin = new PassThrough();
    stdin.end();
    const code = await main(["--help"], {}, { stdin, stdout, stderr });
    // The pipe's error is emitted after the write returned: let it arrive before judging.
    await new Promise((resolve) => setImmediate(resolve));
    expect(code).toBe(0);
    expect(stdout.written.join("")).toContain("chibo — trợ lý chi bộ");
    expect(err).toBe("");
  });
});
