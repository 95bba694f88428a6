import { afterAll, beforeAll, expect, it } from "vitest";
import { secretsOf } from "../../src/app.js";
import type { CommandContext } from "../../src/cli/command.js";
import { createLogger } from "../../src/log.js";
import { FakeTelegramApi } from "../fakes/telegram-api.js";
import { FakeZaloApi } from "../fakes/zalo-api.js";
import { startChibo } from "../support/chibo-process.js";
import { runChibo as runChiboHere, runChiboProcess as runChibo } from "../support/cli.js";
import { e2eDatabase, type E2eDatabase } from "../support/e2e-database.js";
import { describeEngines } from "../support/engines.js";

/** Secrets in the environment of every run: none may reach a log line, even at debug level. */
const SECRETS = {
  TELEGRAM_BOT_TOKEN: "7712345678:AAFakeTelegramTokenForLogCheck_123456",
  TELEGRAM_WEBHOOK_SECRET: "tg-webhook-secret-for-log-check",
  ZALO_WEBHOOK_SECRET: "zalo-webhook-secret-for-log-check",
};
const DB_PASSWORD = "db-password-for-log-check";
const DUES = "Đp tháng 11: 11 đv thu đủ 11, tổng 132.000đ, đã nộp ĐUX ngày 18/11";
const REPORT = "Chi bộ họp ngày 5/11 lúc 19h30, có mặt 9/11 đồng chí, vắng 2 có lý do, đồng chí Khoa dự.";

/**
 * A context for commands run in this process whose log lines (the process logger's: same level,
 * same redaction and scrubbing of the config's secrets) go to `write` rather than to fd 2.
 */
function loggingTo(ctx: CommandContext, write: (line: string) => void): CommandContext {
  return { ...ctx, openApp: (config, options) => ctx.openApp(config, { ...options, log: createLogger(config.LOG_LEVEL, secretsOf(config), { write }) }) };
}

/** Every way a demo phone number might be written: +84…, 84…, 0…, with the last 9 digits alone. */
function phoneForms(phone: string): string[] {
  const digits = phone.replace(/\D/g, "");
  const national = digits.slice(-9);
  return [phone, digits, `0${national}`, national];
}

describeEngines("no token, phone number or member name in the logs (LOG_LEVEL=debug)", (engine) => {
  let database: E2eDatabase;
  let env: Record<string, string>;
  let names: string[];
  let phones: string[];
  let logs = "";
  let fake: FakeZaloApi | undefined;
  let telegram: FakeTelegramApi | undefined;
  let maiPhone = "";
  const inviteCodes: string[] = [];

  beforeAll(async () => {
    database = await e2eDatabase(engine, "secrets");
    env = { ...database.env, ...SECRETS, LOG_LEVEL: "debug" };
    if (env.DATABASE_URL) {
      // The server trusts local connections, so a password in the URL is accepted and ignored: it must still never be logged.
      const url = new URL(env.DATABASE_URL);
      url.password = DB_PASSWORD;
      env.DATABASE_URL = url.toString();
    }
    // The setup's commands run in this process on one open database, their log lines kept with the
    // rest; the sessions below are real chibo processes, everything on their fd 2 checked.
    const ctx = loggingTo(await database.keepOpen(), (line) => (logs += line));
    const seeded = await runChiboHere(["seed", "--demo", "--json"], { env, ctx });
    expect(seeded.code, seeded.stderr).toBe(0);
    logs += seeded.stderr;
    await database.use(async (db) => {
      const people = await db.selectFrom("person").select(["full_name", "phone"]).execute();
      names = people.map((p) => p.full_name);
      phones = people.flatMap((p) => (p.phone ? phoneForms(p.phone) : []));
      maiPhone = (await db.selectFrom("person").select("phone").where("code", "=", "DEMO-DV-POLAI-MAI").executeTakeFirstOrThrow()).phone as string;
    });
    for (const who of ["DEMO-DV-POLAI-MAI", "DEMO-BT-POLAI"]) {
      const invite = await runChiboHere(["invite", who], { env, ctx });
      expect(invite.code, invite.stderr).toBe(0);
      logs += invite.stderr;
      inviteCodes.push(/: ([A-Z0-9]{5}-[A-Z0-9]{5})/.exec(invite.stdout)?.[1] as string);
    }
    await database.release();
  }, 180_000);
  afterAll(async () => {
    await fake?.stop();
    await telegram?.stop();
    await database?.cleanup();
  });

  it("console: a secretary's session and a guest linking with a code", async () => {
    const secretary = await runChibo(["chat", "--as", "DEMO-BT-POLAI"], {
      env,
      input: ["/toi", "/chibo", "1", REPORT, "1", "/xembaocao", "1", "/diemdanh", "/lienket 22222-33333", "xin chào"].join("\n") + "\n",
    });
    expect(secretary.code, secretary.stderr).toBe(0);
    expect(secretary.stdout).toContain("Vi Thị Mai");
    const guest = await runChibo(["chat", "--guest", "log-check"], { env, input: `/toi\n/lienket ${inviteCodes[0]}\n1\n/toi\n` });
    expect(guest.stdout).toContain("Đã liên kết tài khoản với đồng chí Vi Thị Mai");
    logs += secretary.stderr + guest.stderr;
  });

  it("Zalo and Telegram: the real chibo start against both fake Bot APIs, polling", async () => {
    fake = await FakeZaloApi.start();
    telegram = await FakeTelegramApi.start({ token: SECRETS.TELEGRAM_BOT_TOKEN });
    const chibo = startChibo({ ...env, ZALO_BOT_TOKEN: fake.token, ZALO_API_ROOT: fake.url, TELEGRAM_API_ROOT: telegram.apiRoot });
    try {
      await chibo.waitForLog(/chibo started/);
      await telegram.waitUntil(() => (telegram!.offsets.length > 0 ? true : undefined));
      const zaloUser = "5f0d1c2b3a495867";
      const zalo = async (text: string, until: string) => {
        const start = fake!.sent.length;
        fake!.enqueue(fake!.textEvent(zaloUser, text));
        await fake!.waitForSent((s) => fake!.sent.indexOf(s) >= start && s.chatId === zaloUser && s.text.includes(until));
      };
      await zalo(`/lienket ${inviteCodes[1]}`, "Hoàng Văn Páo");
      await zalo("1", "Đã liên kết");
      await zalo("/toi", "Họ tên: Hoàng Văn Páo");
      await zalo("/chibo", "1. Danh sách đảng viên");
      await zalo("1", "Vi Thị Mai");
      // The console session reported this month's meeting already: here, the party dues.
      await zalo(DUES, "1. ");
      await zalo("1", "");

      // Telegram: a member links by sharing her own phone number, then reads her record.
      const mai = { id: 48_151_623, firstName: "Mai" };
      const tg = async (update: Record<string, unknown>, until: string) => {
        const start = telegram!.sent.length;
        expect(await telegram!.deliver(update)).toBe(200);
        return telegram!.waitForSent((s) => s.chatId === String(mai.id) && s.text.includes(until), start);
      };
      await tg(telegram.textUpdate(mai, "/start"), "Chào đồng chí");
      // The personal-data notice comes before the link; its "Đồng ý" button links her.
      const notice = await tg(telegram.contactUpdate(mai, maiPhone, mai.id), "Thông báo về dữ liệu cá nhân");
      const agree = notice.replyMarkup?.inline_keyboard?.[0]?.[0];
      expect(agree?.text).toBe("Đồng ý");
      await tg(telegram.callbackUpdate(mai, agree?.callback_data as string, notice), "Vi Thị Mai");
      await tg(telegram.textUpdate(mai, "/toi"), "Họ tên: Vi Thị Mai");
    } finally {
      const code = await chibo.stop();
      logs += chibo.stderr();
      expect(code, chibo.stderr().slice(-3000)).toBe(0);
    }
  });

  it("logged at debug level, and none of it names a person, a phone, a token or a secret", () => {
    const lines = logs.split("\n").filter((l) => l.trim());
    // The logs are JSON lines, at debug level (the bot logs each handled message there).
    expect(lines.length).toBeGreaterThan(10);
    for (const line of lines) expect(() => JSON.parse(line), line).not.toThrow();
    expect(logs).toContain('"level":20');
    const found = [
      ...Object.values(SECRETS).filter((s) => logs.includes(s)),
      ...(logs.includes(DB_PASSWORD) ? ["the database password"] : []),
      ...(fake && logs.includes(fake.token) ? ["the Zalo token"] : []),
      ...(logs.includes(SECRETS.TELEGRAM_BOT_TOKEN.split(":")[1] as string) ? ["the Telegram token's secret part"] : []),
      ...inviteCodes.filter((c) => logs.includes(c) || logs.includes(c.replace("-", ""))),
      ...names.filter((n) => logs.includes(n)),
      ...phones.filter((p) => logs.includes(p)),
      ...(logs.includes("có mặt 9/11") || logs.includes("132.000") ? ["a message text"] : []),
    ];
    expect(found).toEqual([]);
  });
});
