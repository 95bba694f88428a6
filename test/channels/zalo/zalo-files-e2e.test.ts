import { afterAll, afterEach, beforeAll, expect, it } from "vitest";
import { createBot } from "../../../src/bot/bot.js";
import { defaultFeatures } from "../../../src/bot/features/index.js";
import { HttpServer } from "../../../src/channels/http-server.js";
import { serveFilesOf } from "../../../src/channels/index.js";
import { ZaloChannel } from "../../../src/channels/zalo/zalo-channel.js";
import { ZaloClient } from "../../../src/channels/zalo/zalo-client.js";
import { configWith } from "../../../src/config.js";
import { linkAccount, touchAccount } from "../../../src/db/chat-account.repository.js";
import { findPersonByCode } from "../../../src/db/person.repository.js";
import { insertConsent } from "../../../src/db/privacy.repository.js";
import { PRIVACY_NOTICE_VERSION } from "../../../src/domain/privacy.js";
import { silentLogger } from "../../../src/log.js";
import { createI18n } from "../../../src/messaging/i18n.js";
import { applyRetention } from "../../../src/services/retention.service.js";
import { describeEngines, freshDatabase, type TestDatabase } from "../../support/engines.js";
import { loadWorkbook } from "../../support/xlsx.js";
import { FakeZaloApi, type SentRecord } from "../../fakes/zalo-api.js";

const fast = { baseMs: 5, rateLimitMs: 10, maxMs: 40 };
const DAY_MS = 86_400_000;
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const LINK = /(http:\/\/127\.0\.0\.1:\d+\/tep\/[A-Za-z0-9_-]+)/;

/** Every cell value of a workbook, as text. */
async function workbookText(bytes: Uint8Array): Promise<string> {
  const wb = await loadWorkbook(bytes);
  const out: string[] = [];
  wb.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => out.push(String(cell.value)))));
  return out.join("\n");
}

/**
 * The real bot behind the real Zalo channel (polling the fake Zalo Bot API) and chibo's HTTP server
 * serving the files: what `chibo start` runs with ZALO_BOT_TOKEN and PUBLIC_URL, in process, with the
 * download clock in the test's hand.
 */
describeEngines("Files on Zalo: /xuat as a download link that expires, /tonghop's chart as a picture", (engine) => {
  let db: TestDatabase;
  let fake: FakeZaloApi;
  let server: HttpServer;
  let channel: ZaloChannel;
  let publicUrl: string;
  const shift = { ms: 0 };
  const office = "a1b2c3d4e5f60718";

  /** Send a text as the commune office and wait for the reply matching `until`; returns what was sent since. */
  async function say(text: string, until: (s: SentRecord) => boolean): Promise<SentRecord[]> {
    const start = fake.sent.length;
    fake.enqueue(fake.textEvent(office, text));
    await fake.waitForSent((s) => fake.sent.indexOf(s) >= start && s.chatId === office && until(s));
    return fake.sent.slice(start).filter((s) => s.chatId === office);
  }

  beforeAll(async () => {
    db = await freshDatabase(engine, { demo: true });
    const now = new Date();
    const person = await findPersonByCode(db.db, "DEMO-VP-TANVAN");
    const account = await touchAccount(db.db, { channel: "zalo", platformUserId: office, chatId: office }, now);
    await linkAccount(db.db, account.id, person!.id, now);
    // Linked as after /lienket: the personal-data notice was accepted.
    await insertConsent(db.db, { personId: person!.id, accountId: account.id, channel: "zalo", noticeVersion: PRIVACY_NOTICE_VERSION, decision: "accepted", at: now });

    const log = silentLogger();
    const i18n = createI18n();
    server = new HttpServer(0, log);
    await server.start();
    publicUrl = `http://127.0.0.1:${server.boundPort}`;
    serveFilesOf({ config: configWith({ PUBLIC_URL: publicUrl }), database: { db: db.db }, i18n, log }, server, () => new Date(Date.now() + shift.ms));
    const bot = createBot({ db: db.db, i18n, log, features: defaultFeatures(), files: { publicUrl } });
    fake = await FakeZaloApi.start({ fetchPhotos: true });
    channel = new ZaloChannel({ client: new ZaloClient({ token: fake.token, apiRoot: fake.url, policy: fast }), handler: (msg) => bot.handle(msg), log, pollTimeoutS: 1 });
    await channel.start();
  });
  afterEach(() => {
    shift.ms = 0;
  });
  afterAll(async () => {
    await channel?.stop();
    await server?.stop();
    await fake?.stop();
    await db?.close();
  });

  let link = "";

  it("answers /xuat with the month's counts and a download link, never a promise it cannot keep", async () => {
    const sent = await say("/xuat 11/2025", (s) => LINK.test(s.text));
    const message = sent.map((s) => s.text).join("\n");
    expect(message).toMatch(/^Báo cáo sinh hoạt chi bộ tháng 11\/2025 của Đảng bộ xã Tân Văn: 0\/5 chi bộ đã báo cáo\.\nTải tệp bao-cao-sinh-hoat-chi-bo-2025-11\.xlsx: http/);
    expect(message).toContain("dùng được trong 24 giờ");
    expect(message).not.toContain("không gửi được tệp");
    expect(message).not.toContain("đính kèm");
    link = LINK.exec(message)![1]!;
    // The URL carries a random token and nothing else: no name, code, form or period.
    expect(link).toMatch(new RegExp(`^${publicUrl}/tep/[A-Za-z0-9_-]{43}$`));
  });

  it("serves the workbook at the link to whoever opens it within 24 hours", async () => {
    shift.ms = DAY_MS - 60_000;
    const response = await fetch(link);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe(XLSX);
    expect(response.headers.get("content-disposition")).toBe(`attachment; filename="bao-cao-sinh-hoat-chi-bo-2025-11.xlsx"; filename*=UTF-8''bao-cao-sinh-hoat-chi-bo-2025-11.xlsx`);
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    expect(await workbookText(new Uint8Array(await response.arrayBuffer()))).toContain("Tân Văn");
    // A second download works too (a browser may fetch twice).
    expect((await fetch(link)).status).toBe(200);
  });

  it("refuses a wrong token with 404 and a Vietnamese page", async () => {
    const wrong = await fetch(link.slice(0, -1) + (link.endsWith("A") ? "B" : "A"));
    expect(wrong.status).toBe(404);
    expect(await wrong.text()).toContain("Không tìm thấy tệp");
    expect((await fetch(`${publicUrl}/tep/../../etc/passwd`)).status).toBe(404);
    expect((await fetch(`${publicUrl}/tep/`)).status).toBe(404);
  });

  it("answers 410 with a clear page once the 24 hours are over, and 404 after the clean-up let the row go", async () => {
    shift.ms = DAY_MS + 1000;
    expect(link).not.toBe("");
    const expired = await fetch(link);
    expect(expired.status).toBe(410);
    const page = await expired.text();
    expect(page).toContain("Liên kết tải tệp này đã hết hạn");
    expect(page).toContain('lang="vi"');
    // The daily clean-up drops the bytes at once and the row a week later.
    await applyRetention(db.db, new Date(Date.now() + DAY_MS + 2000));
    const kept = await db.db.selectFrom("served_file").select(["data", "chat_id", "channel"]).execute();
    expect(kept.length).toBeGreaterThan(0);
    expect(kept.every((r) => r.data === null && r.channel === "zalo" && r.chat_id === office)).toBe(true);
    expect((await fetch(link)).status).toBe(410);
    await applyRetention(db.db, new Date(Date.now() + 9 * DAY_MS));
    expect((await fetch(link)).status).toBe(404);
  });

  it("sends /tonghop's chart with sendPhoto by URL, which Zalo fetches as a PNG", async () => {
    const sent = await say("/tonghop 11/2025", (s) => s.method === "sendPhoto");
    const photo = sent.find((s) => s.method === "sendPhoto")!;
    expect(photo.text).toBe("Biểu đồ tỷ lệ dự sinh hoạt");
    expect(String(photo.payload.photo)).toMatch(new RegExp(`^${publicUrl}/tep/[A-Za-z0-9_-]{43}$`));
    const fetched = fake.photoFetches.at(-1)!;
    expect(fetched).toMatchObject({ url: photo.payload.photo, status: 200, contentType: "image/png" });
    expect([...fetched.bytes.slice(1, 4)].map((b) => String.fromCharCode(b)).join("")).toBe("PNG");
    // The roll-up's text came first, as before.
    expect(sent[0]!.text).toContain("Đảng bộ xã Tân Văn".toLocaleUpperCase("vi"));
  });

  it("falls back to the caption and the picture's link as text when sendPhoto fails", async () => {
    fake.failNext("sendPhoto", 400, "Cannot fetch photo", 3);
    const sent = await say("/tonghop 11/2025", (s) => s.text.includes("Xem biểu đồ:"));
    const last = sent.at(-1)!;
    expect(last.method).toBe("sendMessage");
    expect(last.text).toMatch(/^Biểu đồ tỷ lệ dự sinh hoạt\nXem biểu đồ: http:\/\/127\.0\.0\.1:\d+\/tep\/[A-Za-z0-9_-]{43}\n/);
    const url = LINK.exec(last.text)![1]!;
    const response = await fetch(url);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("image/png");
  });
});
