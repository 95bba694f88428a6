import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { PGlite } from "@electric-sql/pglite";
import { afterAll, beforeAll, expect, it } from "vitest";
import { openApp, type App } from "../../src/app.js";
import { HttpServer } from "../../src/channels/http-server.js";
import { configWith } from "../../src/config.js";
import { seedDemo } from "../../src/db/demo-seed.js";
import { createLogger } from "../../src/log.js";
import { startAdminSocket, type AdminSocket } from "../../src/ops/admin-socket.js";
import { Operations } from "../../src/ops/index.js";
import { describeEngines, freshDatabase, pgliteFrom, type TestDatabase } from "../support/engines.js";
import { runChibo } from "../support/cli.js";

function get(port: number, path: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port, path, headers }, (res) => {
      let body = "";
      res.setEncoding("utf8").on("data", (d: string) => (body += d));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on("error", reject);
    req.end();
  });
}

describeEngines("operations: /readyz and /metrics", (engine) => {
  const TOKEN = "a-metrics-token-of-32-characters";
  let database: TestDatabase | undefined;
  let pglite: PGlite | undefined;
  let ops: Operations;
  let server: HttpServer;
  let dir: string;

  beforeAll(async () => {
    // The demo province comes copied from the run's seeded template.
    if (engine === "postgres") database = await freshDatabase(engine, { demo: true });
    else pglite = await pgliteFrom("demo");
    dir = mkdtempSync(join(tmpdir(), "chibo-ops-"));
    const log = createLogger("silent", []);
    const app = await openApp(configWith({ DATA_DIR: dir, METRICS_TOKEN: TOKEN, LOG_LEVEL: "silent" }), {
      log,
      migrate: false,
      database: database ? { databaseUrl: database.url } : { pglite },
    });
    ops = new Operations(app);
    server = new HttpServer(0, log);
    ops.serve(server);
    await server.start();
  }, 120_000);

  afterAll(async () => {
    await ops?.stop();
    await server?.stop();
    await ops?.app.close();
    await database?.close();
    await pglite?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("is not ready until the channels run, then ready: database reachable, migrations applied", async () => {
    const before = await get(server.boundPort, "/readyz");
    expect(before.status).toBe(503);
    expect(JSON.parse(before.body)).toEqual({ ok: false, database: true, migrations: true, channels: false });
    await ops.start();
    const after = await get(server.boundPort, "/readyz");
    expect(after.status).toBe(200);
    expect(JSON.parse(after.body)).toEqual({ ok: true, database: true, migrations: true, channels: true });
  });

  it("counts each update the bot answers, with its latency, and shows the outbox and the pool", async () => {
    const handled = await ops.app.bot.handle({ channel: "console", chatId: "c1", userId: "guest-metrics", chatType: "private", text: "/toi", updateId: "m-1", at: new Date() });
    expect(handled.status).toBe("handled");
    const metrics = await get(server.boundPort, "/metrics");
    expect(metrics.status).toBe(200);
    expect(metrics.body).toContain('chibo_updates_total{channel="console",status="handled"} 1');
    expect(metrics.body).toContain('chibo_reply_latency_seconds_count{channel="console"} 1');
    expect(metrics.body).toMatch(/^chibo_db_pool_connections\{state="total"\} \d+$/m);
    expect(metrics.body).toContain("# TYPE chibo_outbox_messages gauge");
    expect(metrics.body).toMatch(/^chibo_process_resident_memory_bytes \d+/m);
  });

  it("shows invite-code guessing per platform: wrong codes in the window, and whether it is slowed (no account, no code)", async () => {
    const now = new Date();
    await ops.app.database.db
      .insertInto("link_limit")
      .values([
        { bucket: "platform:telegram", window_start: now, failures: 12, strikes: 1, blocked_until: new Date(now.getTime() + 15 * 60_000) },
        { bucket: "global", window_start: new Date(now.getTime() - 60 * 60_000), failures: 40, strikes: 0, blocked_until: null },
        { bucket: "source:telegram:0123456789abcdef", window_start: now, failures: 3, strikes: 0, blocked_until: null },
      ])
      .execute();
    const metrics = (await get(server.boundPort, "/metrics")).body;
    expect(metrics).toContain('chibo_link_wrong_codes{bucket="platform:telegram"} 12');
    expect(metrics).toContain('chibo_link_slowed{bucket="platform:telegram"} 1');
    // An old window counts nothing; a code half is never a label.
    expect(metrics).toContain('chibo_link_wrong_codes{bucket="global"} 0');
    expect(metrics).toContain('chibo_link_slowed{bucket="global"} 0');
    expect(metrics).not.toContain("source:");
  });

  it("answers /metrics and /readyz only on this machine or with the token, never through a proxy without it", async () => {
    const relayed = { "x-forwarded-for": "203.0.113.7" };
    expect((await get(server.boundPort, "/metrics", relayed)).status).toBe(403);
    expect((await get(server.boundPort, "/readyz", { forwarded: "for=203.0.113.7" })).status).toBe(403);
    expect((await get(server.boundPort, "/metrics", { ...relayed, authorization: "Bearer wrong-token-wrong-token-xx" })).status).toBe(403);
    expect((await get(server.boundPort, "/metrics", { ...relayed, authorization: `Bearer ${TOKEN}` })).status).toBe(200);
    expect((await get(server.boundPort, "/healthz", relayed)).status).toBe(200);
  });
});

it("runs office commands (invite, export, backup) inside the process that holds the data folder, through its admin socket", async () => {
  const dir = mkdtempSync(join(tmpdir(), "chibo-admin-"));
  const dataDir = join(dir, "data");
  let app: App | undefined;
  let admin: AdminSocket | undefined;
  try {
    // The "running chibo start": it holds the folder's lock for as long as it runs.
    app = await openApp(configWith({ DATA_DIR: dataDir, LOG_LEVEL: "silent", TELEGRAM_BOT_USERNAME: "chibo_test_bot" }));
    await seedDemo(app.database.db);
    admin = await startAdminSocket(app, dataDir);
    expect(statSync(admin.path).mode & 0o777).toBe(0o600);
    const env = { DATA_DIR: dataDir };

    const invite = await runChibo(["invite", "DEMO-BT-POLAI"], { env });
    expect(invite.code, invite.stderr).toBe(0);
    expect(invite.stdout).toMatch(/^Mã mời cho Hoàng Văn Páo: [A-Z0-9]{5}-[A-Z0-9]{5}$/m);
    expect(invite.stdout).toMatch(/^Telegram: https:\/\/t\.me\/chibo_test_bot\?start=/m);
    const code = /: ([A-Z0-9]{5}-[A-Z0-9]{5})$/m.exec(invite.stdout)?.[1] as string;
    const stored = await app.database.db.selectFrom("invite").select("code_hash").execute();
    expect(stored.length).toBe(1);
    expect(code).toBeTruthy();

    const out = join(dir, "bao-cao.csv");
    const exported = await runChibo(["export", "monthly-meeting", "--period", "2025-11", "--out", out], { env });
    expect(exported.code, exported.stderr).toBe(0);
    expect(exported.stdout).toContain("Đã xuất");
    expect(readFileSync(out, "utf8")).toContain("Pò Lài");

    const backup = await runChibo(["backup", "--out", join(dir, "b.bak")], { env });
    expect(backup.code, backup.stderr).toBe(0);
    expect(existsSync(join(dir, "b.bak"))).toBe(true);

    // A command that needs the folder to itself is still refused, with the reason.
    const restore = await runChibo(["restore", join(dir, "b.bak")], { env: { DATA_DIR: dataDir } });
    expect(restore.code).toBe(1);
    expect(restore.stderr).toContain("đang được một tiến trình chibo khác dùng");
  } finally {
    await admin?.close();
    await app?.close();
    rmSync(dir, { recursive: true, force: true });
  }
  expect(existsSync(join(dataDir, "chibo.sock"))).toBe(false);
}, 300_000);
