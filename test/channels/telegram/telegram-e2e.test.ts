import { afterAll, beforeAll, expect, it } from "vitest";
import { freePort, startChibo, type ChiboProcess } from "../../support/chibo-process.js";
import { inviteCode, runChibo } from "../../support/cli.js";
import { e2eDatabase, type E2eDatabase } from "../../support/e2e-database.js";
import { describeEngines } from "../../support/engines.js";
import { FakeTelegramApi, type FakeUser, type SentMessage } from "../../fakes/telegram-api.js";

const TOKEN = "123456:TEST-token-for-the-fake-bot-api_xyz";
const SECRET = "tg-webhook-secret_123";
const WEBHOOK_PATH = "/telegram/hook";
const GROUP = { id: -1001234567890, type: "supergroup" as const, title: "Chi bộ Pò Lài" };

describeEngines("Telegram channel end to end (the real chibo start against a fake Bot API)", (engine) => {
  let database: E2eDatabase;
  let env: Record<string, string>;
  let fake: FakeTelegramApi;
  let chibo: ChiboProcess | undefined;
  const codes = { polling: "", webhook: "" };
  let maiPhone = "";
  let maiName = "";
  let cellId = 0;

  /**
   * One process's life per mode, as a user meets it: each step builds on the one before (linked, then
   * /chibo, …), so the steps run in order inside one test per mode and the tests themselves stand alone.
   */
  const steps: Record<"polling" | "webhook", { name: string; run: () => Promise<void> }[]> = { polling: [], webhook: [] };
  function step(mode: "polling" | "webhook", name: string, run: () => Promise<void>): void {
    steps[mode].push({ name, run });
  }

  const secretary: Record<"polling" | "webhook", FakeUser> = { polling: { id: 5001 }, webhook: { id: 5002 } };
  const member: FakeUser = { id: 6001, languageCode: "vi" };
  const stranger: FakeUser = { id: 7001 };

  beforeAll(async () => {
    database = await e2eDatabase(engine, "tg");
    env = database.env;
    expect((await runChibo(["seed", "--demo"], { env })).code).toBe(0);
    codes.polling = await inviteCode(env, "DEMO-BT-POLAI");
    codes.webhook = await inviteCode(env, "DEMO-BT-POLAI");
    await database.use(async (db) => {
      const mai = await db.selectFrom("person").select(["phone", "full_name", "cell_id"]).where("code", "=", "DEMO-DV-POLAI-MAI").executeTakeFirstOrThrow();
      maiPhone = mai.phone as string;
      maiName = mai.full_name;
      cellId = mai.cell_id as number;
    });
    // Generous rates for the conversation; one test lowers them to see a 429 waited out.
    fake = await FakeTelegramApi.start({ token: TOKEN, limits: { perChatPerSecond: 20, globalPerSecond: 100 } });
  });
  afterAll(async () => {
    await chibo?.stop();
    await fake?.stop();
    await database?.cleanup();
  });

  /** Hand an update to the bot and wait for a message to `chatId` matching `until`; returns every message to that chat since. */
  /**
   * Hand an update to the bot and wait for a message to `chatId` matching `until`. Returns every message
   * to that chat since, with `hit` the matching one (the scheduler may send a reminder in between).
   */
  async function say(update: Record<string, unknown>, chatId: number, until: string | RegExp): Promise<SentMessage[] & { hit: SentMessage }> {
    const start = fake.sent.length;
    const status = await fake.deliver(update);
    expect(status).toBe(200);
    const matches = (s: SentMessage) => s.chatId === String(chatId) && (typeof until === "string" ? s.text.includes(until) : until.test(s.text));
    const hit = await fake.waitForSent(matches, start);
    return Object.assign(fake.sent.slice(start).filter((s) => s.chatId === String(chatId)), { hit });
  }
  const text = (user: FakeUser, body: string) => fake.textUpdate(user, body);

  function conversation(mode: "polling" | "webhook") {
    const me = secretary[mode];

    step(mode, `${mode}: links a secretary by the deep link /start CODE`, async () => {
      // The personal-data notice comes first, with "Đồng ý" as an inline button; pressing it links.
      const notice = (await say(text(me, `/start ${codes[mode]}`), me.id, "Thông báo về dữ liệu cá nhân")).hit;
      const agree = notice?.replyMarkup?.inline_keyboard?.[0]?.[0];
      expect(agree?.text).toBe("Đồng ý");
      const replies = await say(fake.callbackUpdate(me, agree?.callback_data as string, notice), me.id, "Gõ /toi");
      const texts = replies.map((r) => r.text);
      expect(texts).toContain("Đã liên kết tài khoản với đồng chí Hoàng Văn Páo.");
      expect(texts.indexOf("Đã liên kết tài khoản với đồng chí Hoàng Văn Páo.")).toBeLessThan(texts.indexOf(replies.hit.text));
    });

    step(mode, `${mode}: /chibo shows the cell with an inline button; pressing it lists the members and answers the query`, async () => {
      // The scheduler may send this newly linked secretary a reminder meanwhile: pick the cell card.
      const cell = (await say(text(me, "/chibo"), me.id, /^Chi bộ thôn Pò Lài\n/)).hit;
      expect(cell?.bold).toEqual(["Chi bộ thôn Pò Lài"]);
      const button = cell?.replyMarkup?.inline_keyboard?.[0]?.[0];
      expect(button?.text).toBe("Danh sách đảng viên");
      expect(Buffer.byteLength(button?.callback_data ?? "")).toBeLessThanOrEqual(64);
      const press = fake.callbackUpdate(me, button?.callback_data as string, cell);
      const list = (await say(press, me.id, /^Danh sách đảng viên \(\d+\)/)).hit;
      expect(list?.bold[0]).toMatch(/^Danh sách đảng viên \(11\)$/);
      expect(list?.text).toContain("1. ");
      const queryId = (press.callback_query as { id: string }).id;
      await fake.waitForCall((c) => c.method === "answerCallbackQuery" && c.payload.callback_query_id === queryId);
      expect(fake.answered.has(queryId)).toBe(true);
    });

    step(mode, `${mode}: a forged button gets a polite refusal, and its query is still answered`, async () => {
      for (const data of ["cell:members:999999", "zz:<b>", "x".repeat(64)]) {
        const press = fake.callbackUpdate(me, data);
        const refusal = (await say(press, me.id, /không có quyền|hết hạn|không tìm thấy/i)).hit;
        expect(refusal?.text).not.toContain("<");
        const queryId = (press.callback_query as { id: string }).id;
        await fake.waitForCall((c) => c.method === "answerCallbackQuery" && c.payload.callback_query_id === queryId);
      }
    });

    step(mode, `${mode}: /ngonngu then the English button switches the language`, async () => {
      const ask = (await say(text(me, "/ngonngu"), me.id, "Chọn ngôn ngữ")).hit;
      const english = ask?.replyMarkup?.inline_keyboard?.flat().find((b) => b.text === "English");
      expect(english?.callback_data).toBe("lang:en");
      await say(fake.callbackUpdate(me, "lang:en", ask), me.id, /English/);
      const help = (await say(text(me, "/help"), me.id, /command/i)).hit;
      expect(help?.bold[0]).toMatch(/[A-Za-z]/);
      await say(fake.callbackUpdate(me, "lang:vi"), me.id, "tiếng Việt");
    });
  }

  step("polling", "polling: starts even though the server rejects setMyCommands", async () => {
    fake.rejectSetMyCommands = true;
    chibo = startChibo({ ...env, TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: fake.apiRoot, LOG_LEVEL: "info" });
    await chibo.waitForLog(/"mode":"polling"/);
    const refused = await fake.waitForCall((c) => c.method === "setMyCommands" && c.status === 400);
    expect(refused.status).toBe(400);
    await chibo.waitForLog(/setMyCommands failed; running without it/);
    // No command menu was stored, yet the bot polls and confirms updates.
    expect(fake.commands.size).toBe(0);
    const polled = await fake.waitUntil(() => (fake.offsets.length > 0 ? fake.offsets.length : undefined));
    expect(polled).toBeGreaterThan(0);
  });

  conversation("polling");

  step("polling", "polling: links a member by sharing their own phone number (0… form), refuses someone else's contact; replies wait out a 429", async () => {
    // One message per second per chat, as Telegram's FAQ says: replies in a row meet 429 retry_after 1.
    fake.limits.perChatPerSecond = 1;
    const firstCall = fake.calls.length;
    const welcome = (await say(text(member, "/start"), member.id, "Chào đồng chí")).hit;
    expect(welcome?.replyMarkup?.keyboard?.[0]?.[0]).toEqual({ text: "Chia sẻ số điện thoại", request_contact: true });
    const notOwn = await say(fake.contactUpdate(member, maiPhone, 9999), member.id, "chính đồng chí");
    expect(notOwn.hit.text).toContain("không nhận danh bạ của người khác");
    const local = `0${maiPhone.slice(3)}`;
    const shared = await say(fake.contactUpdate(member, local, member.id), member.id, "Thông báo về dữ liệu cá nhân");
    const received = shared.find((m) => m.text === "Đã nhận số điện thoại của đồng chí.");
    expect(received?.replyMarkup).toEqual({ remove_keyboard: true });
    const agree = shared.hit?.replyMarkup?.inline_keyboard?.[0]?.[0];
    expect(agree?.text).toBe("Đồng ý");
    const linked = await say(fake.callbackUpdate(member, agree?.callback_data as string, shared.hit), member.id, "Gõ /toi");
    expect(linked.some((m) => m.text === `Đã liên kết tài khoản với đồng chí ${maiName}.`)).toBe(true);
    expect(linked.hit.text).toContain("/chibo");
    expect(fake.calls.slice(firstCall).some((c) => c.status === 429 && c.payload.chat_id === String(member.id))).toBe(true);
    fake.limits.perChatPerSecond = 20;
  });

  step("polling", "polling: answers a picture politely", async () => {
    const replies = await say(fake.photoUpdate(member), member.id, "chỉ đọc được tin nhắn chữ");
    expect(replies.hit.text).toBe("Tôi chỉ đọc được tin nhắn chữ. Đồng chí vui lòng gõ nội dung bằng chữ.");
  });

  step("polling", "polling: a group — the secretary links it with /lienket_nhom, anyone else is refused, private commands stay private", async () => {
    const me = secretary.polling;
    const done = (await say(fake.textUpdate(me, "/lienket_nhom@chibo_test_bot", GROUP), GROUP.id, "Đã liên kết nhóm")).hit;
    expect(done?.text).toContain("Chi bộ thôn Pò Lài");
    const refused = (await say(fake.textUpdate(member, "/lienket_nhom", GROUP), GROUP.id, "chỉ bí thư")).hit;
    expect(refused?.text).not.toContain(maiName);
    const privateOnly = (await say(fake.textUpdate(me, "/chibo", GROUP), GROUP.id, "tin nhắn riêng")).hit;
    expect(privateOnly?.text).not.toMatch(/Hoàng Văn Páo/);
    const inGroup = fake.sent.filter((m) => m.chatId === String(GROUP.id)).map((m) => m.text).join("\n");
    expect(inGroup).not.toContain("Hoàng Văn Páo");
    expect(inGroup).not.toContain(maiName);
  });

  step("polling", "polling: a user who blocked the bot is marked unreachable", async () => {
    fake.blocked.add(String(member.id));
    const start = fake.calls.length;
    const sentBefore = fake.sent.length;
    expect(await fake.deliver(text(member, "/toi"))).toBe(200);
    const refused = await fake.waitForCall((c) => c.method === "sendMessage" && c.status === 403 && c.payload.chat_id === String(member.id), start);
    expect(refused.payload.chat_id).toBe(String(member.id));
    await chibo?.waitForLog(/"kind":"unreachable"/);
    // Nothing reached the member, and the bot did not retry a refusal that will not change.
    expect(fake.sent.slice(sentBefore).filter((m) => m.chatId === String(member.id))).toEqual([]);
    expect(fake.calls.slice(start).filter((c) => c.method === "sendMessage" && c.payload.chat_id === String(member.id))).toHaveLength(1);
  });

  step("polling", "polling: confirms offsets only past handled updates, and stops cleanly", async () => {
    const last = Math.max(...fake.offsets);
    expect(last).toBeGreaterThan(700_000);
    expect(await chibo?.stop()).toBe(0);
    chibo = undefined;
    expect(chibo).toBeUndefined();
    const log = fake.calls.map((c) => JSON.stringify(c.payload)).join("\n");
    expect(log).not.toContain("TEST-token");
    await database.use(async (db) => {
      const blocked = await db.selectFrom("chat_account").select(["reachable"]).where("channel", "=", "telegram").where("platform_user_id", "=", String(member.id)).executeTakeFirstOrThrow();
      expect(blocked.reachable).toBe(false);
      const sec = await db.selectFrom("chat_account").select(["chat_id", "reachable"]).where("channel", "=", "telegram").where("platform_user_id", "=", String(secretary.polling.id)).executeTakeFirstOrThrow();
      // A group command never makes the group the secretary's chat.
      expect(sec).toEqual({ chat_id: String(secretary.polling.id), reachable: true });
      const group = await db.selectFrom("cell_group_chat").selectAll().where("chat_id", "=", String(GROUP.id)).executeTakeFirstOrThrow();
      expect(group.cell_id).toBe(cellId);
    });
  });

  step("webhook", "webhook: registers the webhook with its secret and the command menus", async () => {
    fake.rejectSetMyCommands = false;
    fake.blocked.clear();
    const port = await freePort();
    chibo = startChibo({
      ...env,
      TELEGRAM_BOT_TOKEN: TOKEN,
      TELEGRAM_API_ROOT: fake.apiRoot,
      TELEGRAM_WEBHOOK_URL: `http://127.0.0.1:${port}${WEBHOOK_PATH}`,
      TELEGRAM_WEBHOOK_SECRET: SECRET,
      PORT: String(port),
    });
    await chibo.waitForLog(/"mode":"webhook"/);
    expect(fake.webhook).toEqual({ url: `http://127.0.0.1:${port}${WEBHOOK_PATH}`, secret: SECRET });
    await fake.waitForCall((c) => c.method === "setMyCommands" && c.status === 200 && c.payload.language_code === "en" && JSON.stringify(c.payload.scope ?? "").includes("all_group_chats"));
    const vi = fake.commands.get("default:vi") ?? [];
    const en = fake.commands.get("default:en") ?? [];
    expect(vi).toContainEqual({ command: "trogiup", description: "Xem các lệnh" });
    expect(en.map((c) => c.command)).toContain("help");
    expect(fake.commands.get("all_group_chats:")?.map((c) => c.command)).toContain("lienket_nhom");
  });

  conversation("webhook");

  step("webhook", "webhook: refuses a wrong or missing secret with 401 and handles nothing", async () => {
    const start = fake.sent.length;
    expect(await fake.pushWebhook(text(stranger, "/trogiup"), "wrong-secret")).toBe(401);
    expect(await fake.pushWebhook(text(stranger, "/trogiup"), null)).toBe(401);
    expect(fake.sent.slice(start)).toHaveLength(0);
  });

  step("webhook", "webhook: a redelivered update_id is processed once", async () => {
    const me = secretary.webhook;
    const update = text(me, "/toi");
    const start = fake.sent.length;
    expect(await fake.pushWebhook(update)).toBe(200);
    expect(await fake.pushWebhook(update)).toBe(200);
    expect(await fake.pushWebhook(update)).toBe(200);
    // Something sent after the replays marks the end: the replays' replies would have come before it.
    await say(text(me, "/huy"), me.id, /hủy|thao tác/i);
    const toi = fake.sent.slice(start).filter((s) => s.chatId === String(me.id) && s.bold[0] === "Thông tin của tôi");
    expect(toi).toHaveLength(1);
  });

  step("webhook", "webhook: stops cleanly", async () => {
    expect(await chibo?.stop()).toBe(0);
    chibo = undefined;
  });
  for (const mode of ["polling", "webhook"] as const) {
    it(`${mode}: a whole session, step by step`, async () => {
      fake.rejectSetMyCommands = false;
      fake.blocked.clear();
      try {
        for (const { name, run } of steps[mode]) {
          try {
            await run();
          } catch (error) {
            throw new Error(`step "${name}": ${(error as Error).message}`, { cause: error });
          }
        }
      } finally {
        await chibo?.stop();
        chibo = undefined;
      }
    }, 600_000);
  }
});
