/**
 * A real sender process for the crash test: drains the outbox of DATABASE_URL (or the PGlite folder
 * DATA_DIR) into an HTTP sink at SINK_URL until killed; SIGTERM stops it cleanly.
 */
import { createI18n } from "../../src/messaging/i18n.js";
import type { Reply } from "../../src/messaging/message.js";
import { PLAIN_TEXT } from "../../src/messaging/capabilities.js";
import type { Channel, SendResult } from "../../src/messaging/channel.js";
import { openDatabase } from "../../src/db/connection.js";
import { silentLogger } from "../../src/log.js";
import { OutboxSender } from "../../src/scheduler/sender.js";

const sinkUrl = process.env.SINK_URL as string;

class SinkChannel implements Channel {
  readonly name = "sink";
  readonly capabilities = PLAIN_TEXT;
  async start() {}
  async stop() {}
  async send(chatId: string, replies: Reply[]): Promise<SendResult> {
    try {
      const res = await fetch(sinkUrl, { method: "POST", body: JSON.stringify({ chatId, n: replies.length }) });
      return res.ok ? { ok: true } : { ok: false, kind: "transient", detail: String(res.status) };
    } catch {
      return { ok: false, kind: "transient", detail: "network" };
    }
  }
}

const database = await openDatabase({ databaseUrl: process.env.DATABASE_URL, dataDir: process.env.DATA_DIR });
const sender = new OutboxSender({
  db: database.db,
  engine: database.engine,
  channels: [new SinkChannel()],
  limits: new Map(),
  i18n: createI18n(),
  log: silentLogger(),
  tz: "Asia/Ho_Chi_Minh",
  localeDefault: "vi",
  // The test must not depend on the hour it runs at: an empty quiet window.
  quietHours: { start: "00:00", end: "00:00", deferTo: "00:00" },
  batchSize: Number(process.env.BATCH_SIZE ?? 10),
  idleMs: 100,
});
sender.start();
process.stdout.write("ready\n");
process.once("SIGTERM", () => {
  void sender
    .stop()
    .then(() => database.close())
    .then(() => process.exit(0));
});
