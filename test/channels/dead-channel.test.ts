import { afterAll, afterEach, beforeAll, expect, it } from "vitest";
import { FakeTelegramApi } from "../fakes/telegram-api.js";
import { FakeZaloApi } from "../fakes/zalo-api.js";
import { freePort, startChibo, type ChiboProcess } from "../support/chibo-process.js";
import { e2eDatabase, type E2eDatabase } from "../support/e2e-database.js";
import { describeEngines } from "../support/engines.js";

const TELEGRAM_TOKEN = "424242:REVOKED-token-for-the-dead-channel_test";
const ZALO_SECRET = "zalo-secret-for-dead-channel";

/** The log lines (pino JSON on stderr) at level fatal. */
function fatalLines(log: string): Record<string, unknown>[] {
  return log
    .split("\n")
    .filter((line) => line.startsWith("{"))
    .map((line) => JSON.parse(line) as Record<string, unknown>)
    .filter((line) => line.level === 60);
}

describeEngines("a channel the platform refuses for good while running (the real chibo start)", (engine) => {
  let database: E2eDatabase;
  let telegram: FakeTelegramApi;
  let zalo: FakeZaloApi;
  let chibo: ChiboProcess | undefined;

  beforeAll(async () => {
    database = await e2eDatabase(engine, "dead");
    telegram = await FakeTelegramApi.start({ token: TELEGRAM_TOKEN });
    zalo = await FakeZaloApi.start({ allowHttpWebhookOnLoopback: true });
  });
  afterEach(async () => {
    await chibo?.stop();
    chibo = undefined;
    telegram.tokenRevoked = false;
    zalo.tokenRevoked = false;
  });
  afterAll(async () => {
    await telegram?.stop();
    await zalo?.stop();
    await database?.cleanup();
  });

  it("exits 1 when Telegram revokes the token mid-run, though Zalo still works, saying which channel and why without the token", async () => {
    chibo = startChibo({
      ...database.env,
      TELEGRAM_BOT_TOKEN: TELEGRAM_TOKEN,
      TELEGRAM_API_ROOT: telegram.apiRoot,
      ZALO_BOT_TOKEN: zalo.token,
      ZALO_API_ROOT: zalo.url,
    });
    await chibo.waitForLog(/chibo started/);
    await zalo.waitForIdlePoll();

    telegram.tokenRevoked = true;
    // An update the bot ignores answers the held long poll; the next getUpdates is refused.
    telegram.enqueue({ update_id: 800_001, poll: { id: "1" } });
    expect(await chibo.exited()).toBe(1);
    expect(telegram.calls.at(-1)).toMatchObject({ method: "getUpdates", status: 401 });

    const log = chibo.stderr();
    const verdict = fatalLines(log).find((line) => line.channel === "telegram" && line.exitCode === 1);
    expect(verdict?.msg).toBe("telegram channel refused for good; chibo stops so its supervisor restarts it or raises an alert");
    expect(verdict?.reason).toBe("401 Unauthorized");
    expect(log).toContain('"msg":"stopping"');
    expect(log).not.toContain(TELEGRAM_TOKEN);
    expect(log).not.toContain("REVOKED-token");
    expect(log).not.toContain(zalo.token);
    // Zalo was healthy to the end: no call of it was refused.
    expect(zalo.calls.every((c) => c.status !== 401)).toBe(true);
  });

  it("exits 1 in webhook mode too, when a reply to a Zalo user is refused with 401", async () => {
    const port = await freePort();
    chibo = startChibo({
      ...database.env,
      ZALO_BOT_TOKEN: zalo.token,
      ZALO_API_ROOT: zalo.url,
      ZALO_WEBHOOK_URL: `http://127.0.0.1:${port}/zalo/hook`,
      ZALO_WEBHOOK_SECRET: ZALO_SECRET,
      PORT: String(port),
    });
    await chibo.waitForLog(/chibo started/);

    zalo.tokenRevoked = true;
    const [pushed] = await zalo.push(zalo.textEvent("6ede9afa66b88fe6d6a9", "/toi"));
    // The message was handled and stored; only the reply could not go out.
    expect(pushed?.status).toBe(200);
    expect(await chibo.exited()).toBe(1);

    const log = chibo.stderr();
    const verdict = fatalLines(log).find((line) => line.channel === "zalo" && line.exitCode === 1);
    expect(verdict?.reason).toMatch(/^401 /);
    expect(log).not.toContain(zalo.token);
  });

  it("exits 0 on SIGTERM as before", async () => {
    chibo = startChibo({ ...database.env, ZALO_BOT_TOKEN: zalo.token, ZALO_API_ROOT: zalo.url });
    await chibo.waitForLog(/chibo started/);
    expect(await chibo.stop()).toBe(0);
    expect(fatalLines(chibo.stderr())).toEqual([]);
  });
});
