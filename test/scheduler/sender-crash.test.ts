import { spawn, type ChildProcess } from "node:child_process";
import { createServer, type Server } from "node:http";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, expect, it } from "vitest";
import { migrateToLatest } from "../../src/db/migrator.js";
import { enqueueMessages, outboxCounts } from "../../src/db/outbox.repository.js";
import { childEnv } from "../support/cli.js";
import { e2eDatabase, type E2eDatabase } from "../support/e2e-database.js";
import { describeEngines } from "../support/engines.js";

const CHILD = fileURLToPath(new URL("./sender-child.ts", import.meta.url));
const MESSAGES = 150;
const BATCH = 20;
/** The sender's messages in flight at once (its default concurrency): the most one kill may repeat. */
const IN_FLIGHT = 4;
const KILLS = 2;
/** The sink answers each message after this long, so a kill lands mid-batch. */
const SINK_DELAY_MS = 15;

/** Poll until `check()` holds, up to a bounded deadline (waiting on a child process). */
async function until(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describeEngines("a sender killed mid-batch", (engine) => {
  const received: string[] = [];
  let sink: Server;
  let sinkUrl: string;
  let database: E2eDatabase;

  beforeAll(async () => {
    sink = createServer((req, res) => {
      let body = "";
      req.on("data", (d) => (body += d));
      req.on("end", () => {
        setTimeout(() => {
          received.push((JSON.parse(body) as { chatId: string }).chatId);
          res.end("{}");
        }, SINK_DELAY_MS);
      });
    });
    await new Promise<void>((resolve) => sink.listen(0, "127.0.0.1", resolve));
    sinkUrl = `http://127.0.0.1:${(sink.address() as { port: number }).port}/send`;
    database = await e2eDatabase(engine, "sender");
    const db = await database.open();
    await migrateToLatest(db.db);
    const due = new Date(Date.now() - 60_000);
    await enqueueMessages(
      db.db,
      Array.from({ length: MESSAGES }, (_, i) => ({ key: `crash:${i}`, kind: "meeting.thematic" as const, personId: null, orgId: null, to: null, payload: { cell: `m${i}`, quarter: "2025-Q4" }, dueAt: due, expiresAt: null })),
    );
    // Routed to the sink: `to` needs an account row, so set the destination directly.
    await db.db.updateTable("outbox").set((eb) => ({ status: "pending", last_error: null, channel: "sink", chat_id: eb.ref("dedupe_key") })).execute();
    await db.close();
  });

  afterAll(async () => {
    await new Promise<void>((resolve) => sink.close(() => resolve()));
    await database?.cleanup();
  });

  function startChild(): { child: ChildProcess; exited: Promise<number | null> } {
    const child = spawn(process.execPath, ["--import", "tsx", CHILD], {
      env: childEnv({ SINK_URL: sinkUrl, BATCH_SIZE: String(BATCH), ...database.env }),
      stdio: ["ignore", "pipe", "inherit"],
    });
    child.stdout!.resume();
    return { child, exited: new Promise((resolve) => child.on("close", (code) => resolve(code))) };
  }

  it("delivers every message after restarts, repeating at most the rows in flight at each kill (not the batch)", async () => {
    for (let kill = 1; kill <= KILLS; kill++) {
      const sender = startChild();
      const target = received.length + 40;
      await until(() => received.length >= target, `sender ${kill} to deliver 40 more messages`);
      sender.child.kill("SIGKILL");
      await sender.exited;
    }
    expect(new Set(received).size).toBeLessThan(MESSAGES);

    const second = startChild();
    await until(() => new Set(received).size === MESSAGES, "every message to arrive");
    second.child.kill("SIGTERM");
    expect(await second.exited).toBe(0);

    const duplicates = received.length - new Set(received).size;
    expect(duplicates).toBeLessThanOrEqual(KILLS * IN_FLIGHT);
    const db = await database.open();
    try {
      expect(await outboxCounts(db.db)).toEqual({ sent: MESSAGES });
    } finally {
      await db.close();
    }
  }, 180_000);
});
