import { request } from "node:http";
import { afterAll, beforeAll, expect, it } from "vitest";
import { FakeTelegramApi } from "../fakes/telegram-api.js";
import { freePort, startChibo, type ChiboProcess } from "../support/chibo-process.js";
import { runChibo } from "../support/cli.js";
import { e2eDatabase, type E2eDatabase } from "../support/e2e-database.js";

const TOKEN = "123456:TEST-token-for-the-fake-bot-api_stop";
const SECRET = "tg-webhook-secret_stop";
/** Every Bot API call answers this late: a reply is still on its way when the signal comes. */
const ROUND_TRIP_MS = 1_500;

function get(port: number, path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port, path }, (res) => {
      let body = "";
      res.setEncoding("utf8").on("data", (d: string) => (body += d));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on("error", reject);
    req.end();
  });
}

let database: E2eDatabase;
let fake: FakeTelegramApi;
let chibo: ChiboProcess | undefined;

beforeAll(async () => {
  database = await e2eDatabase("pglite", "stop");
  expect((await runChibo(["seed", "--demo"], { env: database.env })).code).toBe(0);
  fake = await FakeTelegramApi.start({ token: TOKEN, limits: { perChatPerSecond: 20, globalPerSecond: 100 } });
}, 120_000);

afterAll(async () => {
  await chibo?.stop();
  await fake?.stop();
  await database?.cleanup();
});

it("chibo start serves /readyz and /metrics, and on SIGTERM answers the update in flight, then exits 0", async () => {
  const port = await freePort();
  chibo = startChibo({
    ...database.env,
    TELEGRAM_BOT_TOKEN: TOKEN,
    TELEGRAM_API_ROOT: fake.apiRoot,
    TELEGRAM_WEBHOOK_URL: `http://127.0.0.1:${port}/telegram/hook`,
    TELEGRAM_WEBHOOK_SECRET: SECRET,
    PORT: String(port),
    LOG_LEVEL: "info",
  });
  await chibo.waitForLog(/"msg":"chibo started"/);

  const ready = await get(port, "/readyz");
  expect(ready.status).toBe(200);
  expect(JSON.parse(ready.body)).toEqual({ ok: true, database: true, migrations: true, channels: true });
  expect((await get(port, "/healthz")).status).toBe(200);

  fake.latencyMs = ROUND_TRIP_MS;
  const user = { id: 8001 };
  const from = fake.calls.length;
  const answered = fake.pushWebhook(fake.textUpdate(user, "/trogiup"));
  // The bot has handled the update and its reply is on the wire (the fake answers it later): stop now.
  await fake.waitForCall((c) => c.method === "sendMessage" && c.payload.chat_id === String(user.id), from);
  const metrics = await get(port, "/metrics");
  expect(metrics.body).toMatch(/^chibo_updates_total\{channel="telegram",status="handled"\} 1$/m);
  chibo.child.kill("SIGTERM");

  // Telegram is told the update was handled (200, not a redelivery), and the process stops cleanly.
  expect(await answered).toBe(200);
  expect(await chibo.exited(30_000)).toBe(0);
  expect(chibo.stderr()).toMatch(/"msg":"stopping"/);
  expect(chibo.stderr()).not.toMatch(/did not stop within/);
  const replies = fake.sent.filter((s) => s.chatId === String(user.id));
  expect(replies.length).toBeGreaterThan(0);
  chibo = undefined;
}, 180_000);
