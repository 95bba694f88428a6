import { filesOf, openApp, type App } from "./app.js";
import { ConsoleChannel } from "./channels/console/console-channel.js";
import type { Channel } from "./messaging/channel.js";
import { HttpServer } from "./channels/http-server.js";
import type { Config } from "./config.js";
import { aSecretaryOf, DEMO_SECRETARY_CODE, DEMO_SECRETARY_NAME, holdsNonDemoData, seedDemo } from "./db/demo-seed.js";
import { localDate } from "./domain/time.js";
import { ensureConsoleAccount } from "./services/console-account.service.js";
import { databaseAnswers } from "./db/lock.repository.js";
import { findPersonByCode } from "./db/person.repository.js";
import { createI18n } from "./messaging/i18n.js";
import { platformChannels } from "./channels/index.js";
import { startScheduler, type Scheduler } from "./scheduler/index.js";
import { digestCharts } from "./bot/digest-chart.js";
import { Operations } from "./ops/index.js";

export interface Io {
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

/** Whether any platform token is configured; with none, `chibo start` opens the console on demo data. */
export function hasPlatformToken(config: Config): boolean {
  return Boolean(config.TELEGRAM_BOT_TOKEN || config.ZALO_BOT_TOKEN);
}

/** `chibo start`'s exit code when a platform refused a channel for good while it ran. */
export const EXIT_CHANNEL_DEAD = 1;

/**
 * `chibo start`'s exit code on an office's own data with no platform token: nothing was started (no channel, no
 * scheduler, no /healthz), so a supervisor must see a failure, not a clean exit (sysexits' EX_CONFIG).
 */
export const EXIT_NO_CHANNEL = 78;

/**
 * `chibo start`: every channel whose token is set, the webhook server, the scheduler.
 * With no token at all: migrate, seed the demo province on first run, and chat on the console
 * as the demo secretary; on an office's own data, say who to chat as and that the bot did not start
 * (EXIT_NO_CHANNEL).
 *
 * Resolves with 0 after SIGINT or SIGTERM. When a platform refuses a channel for good while it runs
 * (token revoked; on Telegram also a second poller), everything stops in order and it resolves with
 * EXIT_CHANNEL_DEAD, even if other channels still work: a supervisor then restarts chibo, whose start
 * fails loudly until the token is fixed, rather than chibo running on half deaf behind a healthy /healthz.
 */
export interface StartOptions {
  /** Serve /healthz, /readyz and /metrics on PORT even with no webhook (PORT set explicitly). */
  serveHttp?: boolean;
}

export async function runStart(config: Config, io: Io, options: StartOptions = {}): Promise<number> {
  if (!hasPlatformToken(config)) return runConsoleDemo(config, io);
  // Metrics, /readyz, the admin socket and daily backups (src/ops/); the app's bot is counted.
  const ops = new Operations(await openApp(config));
  const app = ops.app;
  const server = new HttpServer(config.PORT, app.log, () => databaseAnswers(app.database.db));
  ops.serve(server);
  const channels: Channel[] = platformChannels(app, server);
  let scheduler: Scheduler | undefined;
  let stopping: Promise<void> | undefined;
  let exitCode = 0;
  let stopRequested!: () => void;
  const stopCalled = new Promise<void>((resolve) => (stopRequested = resolve));
  // Shutdown order (STYLE.md): cron, channels, database.
  const stop = () => {
    stopRequested();
    return (stopping ??= (async () => {
      app.log.info("stopping");
      ops.notReady();
      // How long each step took, in the "stopped" line: what to look at when a stop nears STOP_DEADLINE_MS.
      const ms: Record<string, number> = {};
      const step = async (name: string, work: () => Promise<void>) => {
        const started = performance.now();
        try {
          await work();
        } finally {
          ms[name] = Math.round(performance.now() - started);
        }
      };
      const logged = (name: string) => (err: unknown) => app.log.error({ err }, `${name} stop failed`);
      await step("scheduler", async () => scheduler?.stop().catch(logged("scheduler")));
      for (const channel of channels) await step(channel.name, () => channel.stop().catch(logged("channel")));
      await step("operations", () => ops.stop().catch(logged("operations")));
      await step("http", () => server.stop());
      await step("database", () => app.close());
      app.log.info({ ms }, "stopped");
    })());
  };
  process.once("SIGINT", () => void stop());
  process.once("SIGTERM", () => void stop());
  for (const channel of channels) {
    void channel.dead?.then(({ channel: name, reason }) => {
      if (stopping) return;
      app.log.fatal({ channel: name, reason, exitCode: EXIT_CHANNEL_DEAD }, `${name} channel refused for good; chibo stops so its supervisor restarts it or raises an alert`);
      exitCode = EXIT_CHANNEL_DEAD;
      void stop();
    });
  }
  try {
    for (const channel of channels) await channel.start();
    // A channel may die, or a signal come, while the others start: start nothing stop() has passed.
    if (!stopping && (server.hasRoutes || options.serveHttp)) await server.start();
    if (!stopping) {
      scheduler = startScheduler(app, ops.forSender(channels), { illustrate: digestCharts(app.database.db, app.i18n, app.config.TZ_DEFAULT), files: filesOf(app.config) });
      await ops.start();
      app.log.info({ channels: channels.map((c) => c.name), engine: app.database.engine }, "chibo started");
    }
  } catch (error) {
    app.log.fatal({ err: error }, "start failed");
    await stop();
    return 1;
  }
  await stopCalled;
  await stopping;
  return exitCode;
}

async function runConsoleDemo(config: Config, io: Io): Promise<number> {
  const app = await openApp(config);
  try {
    // The demo never mixes with an office's own data: say who to chat as instead, and add nothing.
    if (await holdsNonDemoData(app.database.db)) {
      const i18n = createI18n();
      const secretary = await aSecretaryOf(app.database.db, localDate(new Date(), config.TZ_DEFAULT));
      io.stderr.write(`${i18n.t(config.LOCALE_DEFAULT, secretary ? "console-real-data" : "console-real-data-no-secretary", secretary ?? {})}\n`);
      io.stderr.write(`${i18n.t(config.LOCALE_DEFAULT, "start-no-token")}\n`);
      return EXIT_NO_CHANNEL;
    }
    await seedDemo(app.database.db);
    const secretary = await findPersonByCode(app.database.db, DEMO_SECRETARY_CODE);
    if (!secretary) throw new Error("demo secretary missing after seeding");
    const i18n = createI18n();
    io.stderr.write(`${i18n.t(config.LOCALE_DEFAULT, "console-demo-banner", { name: DEMO_SECRETARY_NAME })}\n`);
    return await chatAs(app, secretary.id, io);
  } finally {
    await app.close();
  }
}

/** A console chat as a person (linked) or as a guest platform user (unlinked, must link with a code). */
export async function chatAs(app: App, who: number | { guest: string }, io: Io): Promise<number> {
  const userId =
    typeof who === "number" ? await ensureConsoleAccount(app.database.db, who, new Date()) : `guest-${who.guest}`;
  const channel = new ConsoleChannel({
    input: io.stdin,
    output: io.stdout,
    userId,
    handler: (msg) => app.bot.handle(msg),
    prompt: Boolean(io.stdin.isTTY),
  });
  await channel.done();
  return 0;
}
