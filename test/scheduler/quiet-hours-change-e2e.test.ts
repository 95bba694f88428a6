import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { PRIVACY_NOTICE_VERSION } from "../../src/domain/privacy.js";
import { addDays, localClock } from "../../src/domain/schedule/local-time.js";
import { formatDateVi, pad2 } from "../../src/domain/time.js";
import { FakeTelegramApi, type FakeUser, type SentMessage } from "../fakes/telegram-api.js";
import { startChibo, type ChiboProcess } from "../support/chibo-process.js";
import { runChibo } from "../support/cli.js";
import { e2eDatabase, type E2eDatabase } from "../support/e2e-database.js";
import { describeEngines } from "../support/engines.js";

const TOKEN = "778002:QUIET-hours-change_abcdefghijklmn";
const TZ = "Asia/Ho_Chi_Minh";
const CLERK: FakeUser = { id: 7_100_001 };
const SECRETARY: FakeUser = { id: 7_100_002 };
const MEMBER: FakeUser = { id: 7_100_003 };
const BODY = "Mời các đồng chí dự buổi tập huấn phòng cháy rừng tại nhà văn hóa.";

/** A local clock time `minutes` from now, as the settings file writes it (the test runs at any hour). */
function hhmm(minutes: number): string {
  const local = (localClock(new Date(), TZ).minutes + minutes + 24 * 60) % (24 * 60);
  return `${pad2(Math.floor(local / 60))}:${pad2(local % 60)}`;
}

/**
 * Walk 3, D3, in the real process: `chibo start` is running and its sender has already held messages
 * under the province's quiet hours when the office changes them (`chibo remind --set … --org`, "áp dụng
 * từ hôm nay") — through the running process's admin socket on the embedded database, from another
 * process on PostgreSQL. What was held goes; a `/doilich` made a moment later is told "Đã báo" and the
 * member is told indeed. (The sender once kept the old hours for five minutes and its rows until the
 * old night's end, across restarts.)
 */
describeEngines("quiet hours changed while chibo start runs", (engine) => {
  let database: E2eDatabase;
  let fake: FakeTelegramApi;
  let chibo: ChiboProcess | undefined;
  let env: Record<string, string>;
  /** The hours the province keeps at first: the test's "now" is deep inside them. */
  const night = { start: hhmm(-120), end: hhmm(120), deferTo: hhmm(120) };
  /** The hours it changes to: "now" is outside them. */
  const later = { start: hhmm(180), end: hhmm(240), deferTo: hhmm(240) };

  beforeAll(async () => {
    database = await e2eDatabase(engine, "quiet");
    env = database.env;
    expect((await runChibo(["seed", "--demo"], { env })).code).toBe(0);
    await database.use(async (db) => {
      const people = [
        ["DEMO-VP-TANVAN", CLERK],
        ["DEMO-BT-POLAI", SECRETARY],
        ["DEMO-DV-POLAI-MAI", MEMBER],
      ] as const;
      for (const [code, user] of people) {
        const person = await db.selectFrom("person").select("id").where("code", "=", code).executeTakeFirstOrThrow();
        const id = String(user.id);
        const account = await db.insertInto("chat_account").values({ channel: "telegram", platform_user_id: id, chat_id: id, person_id: person.id }).returning("id").executeTakeFirstOrThrow();
        await db.insertInto("privacy_consent").values({ person_id: person.id, account_id: account.id, channel: "telegram", notice_version: PRIVACY_NOTICE_VERSION, decision: "accepted", at: new Date() }).execute();
      }
    });
    writeFileSync(join(database.dir, "night.json"), JSON.stringify({ quietHours: night }));
    writeFileSync(join(database.dir, "later.json"), JSON.stringify({ quietHours: later }));
    expect((await runChibo(["remind", "--set", join(database.dir, "night.json"), "--org", "DEMO-TINH"], { env })).code).toBe(0);
    fake = await FakeTelegramApi.start({ token: TOKEN, limits: { perChatPerSecond: 20, globalPerSecond: 100 } });
  });
  afterAll(async () => {
    await chibo?.stop();
    await fake?.stop();
    await database?.cleanup();
  });

  /** Send a text or press a button, and wait for the next message to that user's chat that matches. */
  async function turn(user: FakeUser, update: Record<string, unknown>, until: RegExp): Promise<SentMessage> {
    const mark = fake.sent.length;
    fake.enqueue(update);
    return fake.waitForSent((s) => s.chatId === String(user.id) && until.test(s.text), mark);
  }
  const press = (user: FakeUser, message: SentMessage, label: string) => {
    const button = message.replyMarkup?.inline_keyboard?.flat().find((b) => b.text === label);
    expect(button, `a "${label}" button`).toBeDefined();
    return fake.callbackUpdate(user, button!.callback_data as string, message);
  };

  it("sends what it held under the old hours once they change, and a /doilich told 'Đã báo' reaches the member", { timeout: 120_000 }, async () => {
    chibo = startChibo({ ...env, TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: fake.apiRoot, LOG_LEVEL: "info" });
    await chibo.waitForLog(/"msg":"chibo started"/);

    // In the night: the office's announcement is held, and the office is told until when.
    const preview = await turn(CLERK, fake.textUpdate(CLERK, `/thongbao DEMO-CB-POLAI ${BODY}`), /Người nhận/);
    expect(preview.text).toContain(`thông báo sẽ bắt đầu gửi lúc ${night.deferTo}`);
    const held = await turn(CLERK, press(CLERK, preview, "Gửi"), /Đã xếp lịch gửi thông báo|Đã bắt đầu gửi/);
    expect(held.text).toContain(`sẽ gửi lúc ${night.deferTo}`);
    expect(held.text).not.toContain("Đã bắt đầu gửi");
    // The running sender held the copies under the hours it read.
    await chibo.waitForLog(/"deferred":[1-9]/);
    expect(fake.sent.some((s) => s.chatId === String(MEMBER.id) && s.text.includes(BODY))).toBe(false);

    // The province shortens its night; the office saves it while chibo runs.
    const saved = await runChibo(["remind", "--set", join(database.dir, "later.json"), "--org", "DEMO-TINH"], { env });
    expect(saved.code).toBe(0);
    expect(saved.stdout).toContain("áp dụng từ");

    // What was held goes: the member gets the announcement without anyone restarting anything.
    const mark = fake.sent.length;
    const copy = await fake.waitForSent((s) => s.chatId === String(MEMBER.id) && s.text.includes(BODY), 0, 40_000);
    expect(copy.text).toContain("Thông báo của");

    // A minute later the secretary moves the meeting: told "Đã báo", and the member is told.
    const day = addDays(localClock(new Date(), TZ).date, 6);
    const [, month, date] = day.split("-");
    const ask = await turn(SECRETARY, fake.textUpdate(SECRETARY, `/doilich ${date}/${month} 18:45 trùng đám cưới trong thôn`), /Đổi lịch .*sang 18:45/);
    const done = await turn(SECRETARY, press(SECRETARY, ask, "Đổi lịch và báo mọi người"), /Đã báo cho|chưa gửi ngay/);
    expect(done.text).toMatch(/^Đã báo cho \d+ người qua tin nhắn/);
    const notice = await fake.waitForSent((s) => s.chatId === String(MEMBER.id) && s.text.includes(`sang 18:45 ngày ${formatDateVi(day)}`), mark);
    expect(notice.text).toContain("Lý do: trùng đám cưới trong thôn.");
  });
});
