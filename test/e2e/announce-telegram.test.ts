import { afterAll, beforeAll, expect, it } from "vitest";
import { findOrgByCode, subtreeIds } from "../../src/db/org.repository.js";
import { findPersonByCode } from "../../src/db/person.repository.js";
import { TELEGRAM_LIMITS } from "../../src/scheduler/rate-limit.js";
import type { FakeTelegramApi, SentMessage } from "../fakes/telegram-api.js";
import { telegramStack, type TelegramStack } from "../support/telegram-stack.js";
import { describeEngines, freshDatabase, type TestDatabase } from "../support/engines.js";
import { PRIVACY_NOTICE_VERSION } from "../../src/domain/privacy.js";

const TOKEN = "777001:ANNOUNCE-test-token_abcdefghijklm";
const CLERK = { id: 7_000_001, firstName: "Văn phòng" };
const BODY = "Kính mời các đồng chí dự hội nghị quán triệt Nghị quyết lúc 8:00 ngày 05/12 tại hội trường xã.";

/**
 * The whole announcement path over HTTP: the commune clerk on Telegram previews and confirms, the
 * real sender delivers through the real Telegram channel to a fake Bot API that enforces
 * Telegram's rates (429 past them), and the clerk watches one message count up.
 */
describeEngines("announcement over Telegram, end to end", (engine) => {
  let database: TestDatabase;
  let stack: TelegramStack;
  let fake: FakeTelegramApi;
  let recipients: string[];
  let tanVan: number;

  beforeAll(async () => {
    database = await freshDatabase(engine, { demo: true });
    const db = database.db;
    tanVan = (await findOrgByCode(db, "DEMO-XA-TANVAN"))!.id;
    const clerk = (await findPersonByCode(db, "DEMO-VP-TANVAN"))!.id;
    const orgs = await subtreeIds(db, tanVan);
    const people = [...new Set((await db.selectFrom("role").select("person_id").where("org_id", "in", orgs).where("valid_to", "is", null).execute()).map((r) => r.person_id))];
    recipients = [];
    for (const id of people) {
      const userId = id === clerk ? String(CLERK.id) : String(8_000_000 + id);
      const account = await db.insertInto("chat_account").values({ channel: "telegram", platform_user_id: userId, chat_id: userId, person_id: id }).returning("id").executeTakeFirstOrThrow();
      // Linked through the personal-data notice, as linking requires: no notice comes before the clerk's answers.
      await db.insertInto("privacy_consent").values({ person_id: id, account_id: account.id, channel: "telegram", notice_version: PRIVACY_NOTICE_VERSION, decision: "accepted", at: new Date() }).execute();
      recipients.push(userId);
    }
    stack = await telegramStack(db, engine, {
      token: TOKEN,
      fakeLimits: { perChatPerSecond: 1, globalPerSecond: 30 },
      // Slower than Telegram allows, so the clerk sees the count move.
      senderLimits: { ...TELEGRAM_LIMITS, perSecond: 8 },
      // Edits leave the chat room for the bot's own replies (Telegram: about one message a second per chat).
      sender: { progressIntervalMs: 1500 },
    });
    fake = stack.fake;
  });
  afterAll(async () => {
    await stack?.stop();
    await database?.close();
  });

  // The next message the clerk gets (a pressed keyboard's edit, showing the choice, is not one).
  const toClerk = (from: number) => fake.waitForSent((s) => s.chatId === String(CLERK.id) && s.method.startsWith("send"), from);
  const press = (data: string, message: SentMessage) => fake.enqueue(fake.callbackUpdate(CLERK, data, message));

  it("reaches every linked member of the commune once, edits one progress message, then sends the stats once", async () => {
    let mark = fake.sent.length;
    fake.enqueue(fake.textUpdate(CLERK, "/thongbao"));
    const menu = await toClerk(mark);
    const target = menu.replyMarkup?.inline_keyboard?.flat().find((b) => b.text === "Gửi tới Đảng bộ xã Tân Văn");
    expect(target?.callback_data).toBe(`tb:to:${tanVan}`);

    mark = fake.sent.length;
    press(target!.callback_data!, menu);
    expect((await toClerk(mark)).text).toContain("gõ nội dung thông báo");

    mark = fake.sent.length;
    fake.enqueue(fake.textUpdate(CLERK, BODY));
    const preview = await toClerk(mark);
    expect(preview.text).toContain(`Người nhận: ${recipients.length} người; ${recipients.length} người nhận được qua Zalo/Telegram.`);
    const send = preview.replyMarkup?.inline_keyboard?.flat().find((b) => b.text === "Gửi");

    mark = fake.sent.length;
    press(send!.callback_data!, preview);
    const started = await fake.waitForSent((s) => s.chatId === String(CLERK.id) && s.text.startsWith("Đã bắt đầu gửi thông báo"), mark);
    expect(started.text).toContain(`Thông báo đang được gửi tới ${recipients.length} người`);
    expect(started.text).toContain("nếu việc gửi kéo dài, số đã gửi cập nhật ngay tại tin nhắn này");
    // The progress is this very message, edited: no other message is promised.
    const progress = started;
    const stats = await fake.waitForSent((s) => s.chatId === String(CLERK.id) && s.text.startsWith("Kết quả gửi thông báo"), mark);
    expect(stats.text).toContain(`• Đã nhận: ${recipients.length}`);
    expect(stats.text).toContain("• Không gửi được: 0");

    // Every member once (the clerk too: they are in the commune).
    const copies = fake.sent.filter((s) => s.method === "sendMessage" && s.text.startsWith("Thông báo của Đảng bộ xã Tân Văn"));
    expect(copies.map((c) => c.chatId).sort()).toEqual([...recipients].sort());
    expect(copies.every((c) => c.text.endsWith(BODY))).toBe(true);

    // The progress: edits of the one message the clerk got, counting up to the final line.
    const edits = fake.sent.filter((s) => s.method === "editMessageText" && s.messageId === progress.messageId);
    expect(edits.length).toBeGreaterThanOrEqual(1);
    const counts = edits.map((e) => Number(/Đã gửi (?:xong: )?(\d+)\//.exec(e.text)?.[1]));
    expect(counts).toEqual([...counts].sort((a, b) => a - b));
    expect(counts.some((n) => n > 0 && n < recipients.length)).toBe(true);
    expect(edits.at(-1)?.text).toBe(`Đã gửi thông báo\nĐã gửi xong: ${recipients.length}/${recipients.length} người nhận được.`);
    expect(fake.sent.filter((s) => s.chatId === String(CLERK.id) && s.method === "sendMessage" && s.text.startsWith("Đang gửi thông báo"))).toEqual([]);
    expect(fake.sent.filter((s) => s.text.startsWith("Kết quả gửi thông báo"))).toHaveLength(1);
    // Within Telegram's rates: no member's chat was ever answered 429.
    expect(fake.calls.filter((c) => c.status === 429 && String(c.payload.chat_id) !== String(CLERK.id))).toHaveLength(0);
  });
});
