import { afterAll, beforeAll, expect, it } from "vitest";
import { digestCharts } from "../../src/bot/digest-chart.js";
import { HttpServer } from "../../src/channels/http-server.js";
import { serveFilesOf } from "../../src/channels/index.js";
import { ZaloChannel } from "../../src/channels/zalo/zalo-channel.js";
import { ZaloClient } from "../../src/channels/zalo/zalo-client.js";
import { configWith } from "../../src/config.js";
import { linkAccount, touchAccount } from "../../src/db/chat-account.repository.js";
import { findOrgByCode } from "../../src/db/org.repository.js";
import { findPersonByCode } from "../../src/db/person.repository.js";
import { addDays } from "../../src/domain/schedule/local-time.js";
import { silentLogger } from "../../src/log.js";
import type { FileServing } from "../../src/messaging/capabilities.js";
import { createI18n } from "../../src/messaging/i18n.js";
import { sendPolicies } from "../../src/scheduler/rate-limit.js";
import { OutboxSender } from "../../src/scheduler/sender.js";
import { planIntoOutbox, planMessages } from "../../src/services/planner.service.js";
import { FakeZaloApi, type SentRecord } from "../fakes/zalo-api.js";
import { describeEngines, freshDatabase, type TestDatabase } from "../support/engines.js";
import { vn } from "./support.js";

const TZ = "Asia/Ho_Chi_Minh";
const MM = "monthly-meeting";
const fast = { baseMs: 5, rateLimitMs: 10, maxMs: 40 };
const TITLE = "Chi bộ chưa gửi báo cáo".toLocaleUpperCase("vi");

/**
 * The digest of December's meeting reports, the day after Tân Văn's last deadline, to the commune
 * office on Zalo: the real sender and the real Zalo channel against the fake Zalo Bot API over HTTP,
 * and chibo's HTTP server serving the chart, all on the test's clock.
 */
describeEngines("A digest reaches a Zalo commune office with its chart", (engine) => {
  let db: TestDatabase;
  let fake: FakeZaloApi;
  let server: HttpServer;
  let channel: ZaloChannel;
  let publicUrl: string;
  let day: string;
  const clock = { now: new Date() };
  const office = "0a1b2c3d4e5f6071";

  /** The sender `chibo start` runs, with or without a public URL to serve files at. */
  const senderWith = (files: FileServing) =>
    new OutboxSender({
      db: db.db,
      engine,
      channels: [channel],
      limits: sendPolicies(10),
      i18n: createI18n(),
      log: silentLogger(),
      tz: TZ,
      localeDefault: "vi",
      now: () => clock.now,
      sleep: async (ms) => {
        clock.now = new Date(clock.now.getTime() + ms);
      },
      illustrate: digestCharts(db.db, createI18n(), TZ),
      files,
    });

  /** Plan the day's digests afresh and keep only December's meeting digest to the office. */
  async function planDigest(): Promise<number> {
    await db.db.deleteFrom("outbox").execute();
    await db.db.deleteFrom("served_file").execute();
    clock.now = vn(`${day}T08:00`);
    await planIntoOutbox(db.db, { now: clock.now, tz: TZ });
    const rows = await db.db.selectFrom("outbox").select(["id", "kind", "payload", "chat_id"]).execute();
    const digest = rows.filter((r) => r.kind === "digest.commune" && r.chat_id === office && (r.payload as { form: string; period: string }).form === MM && (r.payload as { period: string }).period === "2025-12");
    expect(digest).toHaveLength(1);
    const others = rows.filter((r) => r.id !== digest[0]!.id).map((r) => r.id);
    if (others.length > 0) await db.db.deleteFrom("outbox").where("id", "in", others).execute();
    return digest[0]!.id;
  }

  const sentToOffice = (from: number): SentRecord[] => fake.sent.slice(from).filter((s) => s.chatId === office);
  const servedOf = (outboxId: number) => db.db.selectFrom("served_file").select(["token_hash", "channel", "chat_id", "mime_type", "outbox_id"]).where("outbox_id", "=", String(outboxId)).execute();

  beforeAll(async () => {
    db = await freshDatabase(engine, { demo: true });
    const person = await findPersonByCode(db.db, "DEMO-VP-TANVAN");
    const linkedAt = vn("2025-11-01T08:00");
    const account = await touchAccount(db.db, { channel: "zalo", platformUserId: office, chatId: office }, linkedAt);
    await linkAccount(db.db, account.id, person!.id, linkedAt);
    // The day the planner sends Tân Văn's digest of December's meeting reports.
    const tanVan = (await findOrgByCode(db.db, "DEMO-XA-TANVAN"))!.id;
    let since: Date | undefined;
    for (let d = "2025-12-01"; d <= "2026-01-10" && !day; d = addDays(d, 1)) {
      const now = vn(`${d}T08:00`);
      const messages = await planMessages(db.db, { now, tz: TZ, ...(since ? { since } : {}) });
      if (messages.some((m) => m.kind === "digest.commune" && m.orgId === tanVan && m.payload.form === MM && m.payload.period === "2025-12")) day = d;
      since = now;
    }
    expect(day).toBeDefined();

    const log = silentLogger();
    server = new HttpServer(0, log);
    await server.start();
    publicUrl = `http://127.0.0.1:${server.boundPort}`;
    serveFilesOf({ config: configWith({ PUBLIC_URL: publicUrl }), database: { db: db.db }, i18n: createI18n(), log }, server, () => clock.now);
    fake = await FakeZaloApi.start({ fetchPhotos: true });
    channel = new ZaloChannel({ client: new ZaloClient({ token: fake.token, apiRoot: fake.url, policy: fast }), handler: async () => ({ status: "handled", replies: [] }), log });
  });
  afterAll(async () => {
    await server?.stop();
    await fake?.stop();
    await db?.close();
  });

  it("sends the chart with sendPhoto by a served URL that gives the PNG, once, even after a failed send", async () => {
    const outboxId = await planDigest();
    const sender = senderWith({ publicUrl });
    const start = fake.sent.length;

    // The first attempt fails on the text: nothing reaches the office, the row waits for its retry.
    fake.failNext("sendMessage", 500, "Internal error", 1);
    expect(await sender.drainOnce()).toMatchObject({ sent: 0, retried: 1 });
    expect(sentToOffice(start).filter((s) => s.method === "sendPhoto")).toEqual([]);
    const first = await servedOf(outboxId);
    expect(first).toHaveLength(1);

    // The retry: the same served file (a new link), the text and one picture.
    clock.now = new Date(clock.now.getTime() + 31 * 60_000);
    expect(await sender.drainOnce()).toMatchObject({ sent: 1 });
    const sent = sentToOffice(start);
    const text = sent.find((s) => s.method === "sendMessage" && s.text.startsWith(TITLE))!;
    expect(text.text).toMatch(/^CHI BỘ CHƯA GỬI BÁO CÁO\nĐảng bộ xã Tân Văn: \d+\/\d+ chi bộ chưa gửi Báo cáo sinh hoạt chi bộ tháng 12\/2025/);
    expect(text.text).toContain("Xem chi tiết: /tonghop");
    const photos = sent.filter((s) => s.method === "sendPhoto");
    expect(photos).toHaveLength(1);
    expect(photos[0]!.text).toBe("Tình hình gửi báo cáo");
    const url = String(photos[0]!.payload.photo);
    expect(url).toMatch(new RegExp(`^${publicUrl}/tep/[A-Za-z0-9_-]{43}$`));
    expect(sent.indexOf(text)).toBeLessThan(sent.indexOf(photos[0]!));
    expect(sent.some((s) => s.text.includes("gõ /tonghop để xem"))).toBe(false);

    // Zalo fetched the picture from chibo, and so can anyone holding the link for 24 hours.
    const fetched = fake.photoFetches.at(-1)!;
    expect(fetched).toMatchObject({ url, status: 200, contentType: "image/png" });
    expect(Buffer.from(fetched.bytes.subarray(1, 4)).toString()).toBe("PNG");
    const response = await fetch(url);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("image/png");
    expect(Buffer.from(new Uint8Array(await response.arrayBuffer()).subarray(1, 4)).toString()).toBe("PNG");

    // One served file for the row, kept for the office's chat; the retry gave it a new token.
    const after = await servedOf(outboxId);
    expect(after).toHaveLength(1);
    expect(after[0]).toMatchObject({ channel: "zalo", chat_id: office, mime_type: "image/png" });
    expect(after[0]!.token_hash).not.toBe(first[0]!.token_hash);
    expect(await db.db.selectFrom("served_file").select("id").execute()).toHaveLength(1);
    expect((await db.db.selectFrom("outbox").select("status").where("id", "=", outboxId).executeTakeFirstOrThrow()).status).toBe("sent");

    // Nothing more goes out: no second picture.
    clock.now = new Date(clock.now.getTime() + 60 * 60_000);
    expect((await sender.drainOnce()).sent).toBe(0);
    expect(sentToOffice(start).filter((s) => s.method === "sendPhoto")).toHaveLength(1);
  });

  it("sends the rest after a 429 on the chart: the text once, the picture once, one served file", async () => {
    const outboxId = await planDigest();
    const sender = senderWith({ publicUrl });
    const start = fake.sent.length;
    fake.failNext("sendPhoto", 429, "Too Many Requests", 1);
    expect(await sender.drainOnce()).toMatchObject({ sent: 0, rateLimited: 1 });
    expect(sentToOffice(start).map((s) => s.method)).toEqual(["sendMessage"]);
    expect((await db.db.selectFrom("outbox").select(["status", "parts_sent"]).where("id", "=", outboxId).executeTakeFirstOrThrow())).toEqual({ status: "failed", parts_sent: 1 });

    clock.now = new Date(clock.now.getTime() + 5 * 60_000);
    expect(await sender.drainOnce()).toMatchObject({ sent: 1 });
    const sent = sentToOffice(start);
    expect(sent.map((s) => s.method)).toEqual(["sendMessage", "sendPhoto"]);
    expect(sent[0]!.text.startsWith(TITLE)).toBe(true);
    expect((await fetch(String(sent[1]!.payload.photo))).headers.get("content-type")).toBe("image/png");
    expect(await servedOf(outboxId)).toHaveLength(1);
  });

  it("says where to see the chart when no public URL serves files", async () => {
    const outboxId = await planDigest();
    const start = fake.sent.length;
    expect(await senderWith({}).drainOnce()).toMatchObject({ sent: 1 });
    const sent = sentToOffice(start);
    expect(sent.map((s) => s.method)).toEqual(["sendMessage", "sendMessage"]);
    expect(sent[0]!.text.startsWith(TITLE)).toBe(true);
    expect(sent[1]!.text).toBe("Tình hình gửi báo cáo\n(Biểu đồ: gõ /tonghop để xem.)");
    expect(await servedOf(outboxId)).toEqual([]);
  });
});
