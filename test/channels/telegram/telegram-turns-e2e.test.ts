import { afterAll, beforeAll, expect, it } from "vitest";
import { HttpServer } from "../../../src/channels/http-server.js";
import { serveFilesOf } from "../../../src/channels/index.js";
import { configWith } from "../../../src/config.js";
import { findPersonByCode } from "../../../src/db/person.repository.js";
import { PRIVACY_NOTICE_VERSION } from "../../../src/domain/privacy.js";
import { silentLogger } from "../../../src/log.js";
import { createI18n } from "../../../src/messaging/i18n.js";
import type { FakeTelegramApi, FakeUser, SentMessage } from "../../fakes/telegram-api.js";
import { describeEngines, freshDatabase, type TestDatabase } from "../../support/engines.js";
import { telegramStack, type TelegramStack } from "../../support/telegram-stack.js";
import { loadWorkbook } from "../../support/xlsx.js";

const TOKEN = "777002:TURNS-test-token_abcdefghijklmn";
const OFFICE: FakeUser = { id: 7_100_001 };
const SECRETARY: FakeUser = { id: 7_100_002 };
const LINK = /(http:\/\/127\.0\.0\.1:\d+\/tep\/[A-Za-z0-9_-]{43})/;

/**
 * The real bot behind the real Telegram channel, polling the fake Bot API, with files served as links
 * too (PUBLIC_URL): what a chat finally shows when an upload fails, and after a button was pressed.
 */
describeEngines("Telegram turns: a failed file never swallows the answer, pressed keyboards retire", (engine) => {
  let database: TestDatabase;
  let stack: TelegramStack;
  let fake: FakeTelegramApi;
  let server: HttpServer;

  async function link(user: FakeUser, code: string): Promise<void> {
    const db = database.db;
    const person = (await findPersonByCode(db, code))!;
    const userId = String(user.id);
    const account = await db.insertInto("chat_account").values({ channel: "telegram", platform_user_id: userId, chat_id: userId, person_id: person.id }).returning("id").executeTakeFirstOrThrow();
    await db.insertInto("privacy_consent").values({ person_id: person.id, account_id: account.id, channel: "telegram", notice_version: PRIVACY_NOTICE_VERSION, decision: "accepted", at: new Date() }).execute();
  }

  /** Hand an update to the bot; wait for a message to the user matching `until`; returns it and all sent to the user since. */
  async function say(user: FakeUser, update: Record<string, unknown>, until: (s: SentMessage) => boolean): Promise<{ hit: SentMessage; since: SentMessage[] }> {
    const start = fake.sent.length;
    await fake.deliver(update);
    const hit = await fake.waitForSent((s) => s.chatId === String(user.id) && until(s), start);
    return { hit, since: fake.sent.slice(start).filter((s) => s.chatId === String(user.id)) };
  }

  beforeAll(async () => {
    database = await freshDatabase(engine, { demo: true });
    await link(OFFICE, "DEMO-VP-TANVAN");
    await link(SECRETARY, "DEMO-BT-POLAI");
    const log = silentLogger();
    server = new HttpServer(0, log);
    await server.start();
    const publicUrl = `http://127.0.0.1:${server.boundPort}`;
    serveFilesOf({ config: configWith({ PUBLIC_URL: publicUrl }), database: { db: database.db }, i18n: createI18n(), log }, server);
    stack = await telegramStack(database.db, engine, { token: TOKEN, fakeLimits: { perChatPerSecond: 30, globalPerSecond: 100 }, files: { publicUrl } });
    fake = stack.fake;
  });
  afterAll(async () => {
    await stack?.stop();
    await server?.stop();
    await database?.close();
  });

  it("/xuat uploads the workbook with its counts as the caption", async () => {
    const { hit } = await say(OFFICE, fake.textUpdate(OFFICE, "/xuat 11/2025"), (s) => s.method === "sendDocument");
    expect(hit.file).toMatchObject({ filename: "bao-cao-sinh-hoat-chi-bo-2025-11.xlsx" });
    expect(hit.text).toMatch(/^Báo cáo sinh hoạt chi bộ tháng 11\/2025 của Đảng bộ xã Tân Văn: 0\/5 chi bộ đã báo cáo\.$/);
  });

  it("/xuat with sendDocument failing still answers: the counts and the download link as text", async () => {
    // The interactive send tries twice; both fail.
    fake.failNext.set("sendDocument", 2);
    const { hit, since } = await say(OFFICE, fake.textUpdate(OFFICE, "/xuat 11/2025"), (s) => s.method === "sendMessage" && LINK.test(s.text));
    expect(since.filter((s) => s.method === "sendDocument")).toEqual([]);
    expect(hit.text).toMatch(/^Báo cáo sinh hoạt chi bộ tháng 11\/2025 của Đảng bộ xã Tân Văn: 0\/5 chi bộ đã báo cáo\.\nTải tệp bao-cao-sinh-hoat-chi-bo-2025-11\.xlsx: http/);
    const response = await fetch(LINK.exec(hit.text)![1]!);
    expect(response.status).toBe(200);
    const wb = await loadWorkbook(new Uint8Array(await response.arrayBuffer()));
    expect(wb.worksheets.length).toBeGreaterThan(0);
  });

  it("after 'Gửi báo cáo' is pressed, the preview shows the choice made and its keyboard is gone", async () => {
    const { hit: preview } = await say(SECRETARY, fake.textUpdate(SECRETARY, "bc sh cb t11: hop toi 5/11 19h30, co mat 9/10, vang 1 cld"), (s) =>
      Boolean(s.replyMarkup?.inline_keyboard?.flat().some((b) => b.text === "Gửi báo cáo")),
    );
    const send = preview.replyMarkup!.inline_keyboard!.flat().find((b) => b.text === "Gửi báo cáo")!;
    const { since } = await say(SECRETARY, fake.callbackUpdate(SECRETARY, send.callback_data!, preview), (s) => /Đã lưu|đã gửi/i.test(s.text) && s.messageId !== preview.messageId);
    const shown = fake.shown(String(SECRETARY.id), preview.messageId)!;
    expect(shown.replyMarkup).toBeUndefined();
    expect(shown.text).toBe(`${preview.text}\n\n✓ Gửi báo cáo`);
    // The edit came before the answer to the press.
    expect(since[0]).toMatchObject({ method: "editMessageText", messageId: preview.messageId });
  });

  it("a keyboard answered by typing instead of pressing is taken away when the flow ends", async () => {
    const { hit: preview } = await say(SECRETARY, fake.textUpdate(SECRETARY, "bc sh cb t10: hop toi 5/10 19h30, co mat 9/10, vang 1 cld"), (s) =>
      Boolean(s.replyMarkup?.inline_keyboard?.flat().some((b) => b.text === "Gửi báo cáo")),
    );
    const start = fake.sent.length;
    await say(SECRETARY, fake.textUpdate(SECRETARY, "Gửi báo cáo"), (s) => /Đã lưu|đã gửi/i.test(s.text) && s.messageId !== preview.messageId);
    await fake.waitForSent((s) => s.method === "editMessageReplyMarkup" && s.messageId === preview.messageId, start);
    const shown = fake.shown(String(SECRETARY.id), preview.messageId)!;
    expect(shown.replyMarkup).toBeUndefined();
    expect(shown.text).toBe(preview.text);
  });

  it("a button pressed after its flow ended is answered as expired and taken away", async () => {
    const { hit: ask } = await say(SECRETARY, fake.textUpdate(SECRETARY, "/ngonngu"), (s) => Boolean(s.replyMarkup?.inline_keyboard));
    // Forged or stale: an action nobody handles any more.
    const stale = { ...ask, replyMarkup: { inline_keyboard: [[{ text: "Cũ", callback_data: "rp:ok" }]] } };
    // A report's button with no draft open: refused by name, nothing stored.
    const { hit } = await say(SECRETARY, fake.callbackUpdate(SECRETARY, "rp:ok", stale), (s) => /Bản xem trước này đã cũ/.test(s.text));
    expect(hit.method).toBe("sendMessage");
    await fake.waitForSent((s) => s.method === "editMessageReplyMarkup" && s.messageId === ask.messageId);
    expect(fake.shown(String(SECRETARY.id), ask.messageId)!.replyMarkup).toBeUndefined();
  });

  it("'Duyệt báo cáo' pressed on a card the cell changed since accepts nothing: the card loses its keyboard without '✓', the office gets the change and a fresh card", async () => {
    const sent = (s: SentMessage) => /Đã lưu|Đã cập nhật/.test(s.text);
    await say(SECRETARY, fake.textUpdate(SECRETARY, "bc sh cb t11: hop toi 5/11 19h30, co mat 10/10"), (s) => Boolean(s.replyMarkup?.inline_keyboard));
    await say(SECRETARY, fake.textUpdate(SECRETARY, "1"), sent);
    const { hit: list } = await say(OFFICE, fake.textUpdate(OFFICE, "/duyet"), (s) => Boolean(s.replyMarkup?.inline_keyboard));
    const open = list.replyMarkup!.inline_keyboard!.flat().find((b) => b.text.includes("Pò Lài") && b.text.includes("Báo cáo sinh hoạt chi bộ tháng 11/"))!;
    const { hit: card } = await say(OFFICE, fake.callbackUpdate(OFFICE, open.callback_data!, list), (s) => Boolean(s.replyMarkup?.inline_keyboard?.flat().some((b) => b.text === "Duyệt báo cáo")));
    expect(card.text).toContain("Số đảng viên có mặt: 10");
    const accept = card.replyMarkup!.inline_keyboard!.flat().find((b) => b.text === "Duyệt báo cáo")!;
    expect(Buffer.byteLength(accept.callback_data!)).toBeLessThanOrEqual(64);

    // The secretary sends new figures for the period while the card is open.
    await say(SECRETARY, fake.textUpdate(SECRETARY, "bc sh cb t11: hop toi 5/11 19h30, co mat 7/10, vang 3 cld"), (s) => Boolean(s.replyMarkup?.inline_keyboard));
    await say(SECRETARY, fake.textUpdate(SECRETARY, "1"), sent);

    const { hit: fresh, since } = await say(OFFICE, fake.callbackUpdate(OFFICE, accept.callback_data!, card), (s) => Boolean(s.replyMarkup?.inline_keyboard?.flat().some((b) => b.text === "Duyệt báo cáo")));
    expect(since.map((s) => s.text).join("\n")).toContain("Chưa duyệt: sau khi đồng chí mở xem, chi bộ đã sửa báo cáo này");
    expect(since.map((s) => s.text).join("\n")).toContain("• Số đảng viên có mặt: 7 (trước: 10)");
    expect(since.some((s) => s.text.includes("Báo cáo đã khóa"))).toBe(false);
    expect(fresh.text).toContain("• Số đảng viên có mặt: 7");
    await fake.waitForSent((s) => s.method === "editMessageReplyMarkup" && s.messageId === card.messageId);
    const shown = fake.shown(String(OFFICE.id), card.messageId)!;
    expect(shown.replyMarkup).toBeUndefined();
    expect(shown.text).toBe(card.text);

    // The fresh card is the version on file: accepted.
    const again = fresh.replyMarkup!.inline_keyboard!.flat().find((b) => b.text === "Duyệt báo cáo")!;
    await say(OFFICE, fake.callbackUpdate(OFFICE, again.callback_data!, fresh), (s) => s.text.includes("Báo cáo đã khóa"));
    expect(fake.shown(String(OFFICE.id), fresh.messageId)!.text).toBe(`${fresh.text}\n\n✓ Duyệt báo cáo`);
  });

  it("an announcement sent within seconds: no progress message is promised, and the summary says what happened", async () => {
    const { hit: preview } = await say(OFFICE, fake.textUpdate(OFFICE, "/thongbao DEMO-CB-POLAI Họp chi bộ dời sang 19:30 ngày 06/12."), (s) =>
      Boolean(s.replyMarkup?.inline_keyboard?.flat().some((b) => b.text === "Gửi")),
    );
    const send = preview.replyMarkup!.inline_keyboard!.flat().find((b) => b.text === "Gửi")!;
    const { hit: stats, since } = await say(OFFICE, fake.callbackUpdate(OFFICE, send.callback_data!, preview), (s) => s.text.startsWith("Kết quả gửi thông báo"));
    const started = since.find((s) => s.text.startsWith("Đã bắt đầu gửi thông báo"))!;
    // Progress is only ever an edit of this message, and only said so for a send that takes a while.
    expect(started.text).toContain("Gửi xong đồng chí sẽ nhận bảng tổng hợp; nếu việc gửi kéo dài");
    expect(stats.text).toContain("• Đã nhận: 1");
    expect(fake.sent.filter((s) => s.chatId === String(OFFICE.id) && s.text.startsWith("Đang gửi thông báo"))).toEqual([]);
    // The one linked member of the cell (its secretary) got the copy.
    expect(fake.sent.some((s) => s.chatId === String(SECRETARY.id) && s.text.endsWith("Họp chi bộ dời sang 19:30 ngày 06/12."))).toBe(true);
  });
});
