import type { App } from "../app.js";
import type { Channel } from "../messaging/channel.js";
import type { HttpServer } from "../channels/http-server.js";
import { appliedMigrations } from "../db/backup.repository.js";
import { ping } from "../db/metrics.repository.js";
import { knownMigrations } from "../db/migrator.js";
import { startAdminSocket, type AdminSocket } from "./admin-socket.js";
import { startDailyBackups } from "./daily-backup.js";
import { serveOperations } from "./http-routes.js";
import { Metrics } from "./metrics.js";

/**
 * What `chibo start` runs beside the bot: metrics, `/readyz` and `/metrics`, the admin socket (on the
 * embedded database) and the daily backups. `main.ts` calls, in order: `app` (use it instead of the
 * opened app), `serve`, `forSender`, `start` once the channels run, and `stop` before closing the server.
 */
export class Operations {
  readonly metrics: Metrics;
  /** The app with its bot counted by the metrics. */
  readonly app: App;
  private channelsRunning = false;
  private admin: AdminSocket | undefined;
  private backups: { stop(): Promise<void> } | undefined;
  private stopping: Promise<void> | undefined;

  constructor(opened: App) {
    this.metrics = new Metrics(opened, { pool: () => opened.database.poolStats?.() });
    this.app = this.metrics.instrumentApp(opened);
  }

  /** Register `/readyz` and `/metrics` on the HTTP server. */
  serve(server: HttpServer): void {
    const { db } = this.app.database;
    const known = knownMigrations();
    serveOperations(server, {
      metrics: this.metrics,
      token: this.app.config.METRICS_TOKEN,
      readiness: {
        database: async () => (await ping(db), true),
        migrations: async () => {
          const applied = new Set(await appliedMigrations(db));
          return (await known).every((m) => applied.has(m));
        },
        channels: () => this.channelsRunning,
      },
    });
  }

  /** The channels as the outbox sender should use them (each send counted). */
  forSender(channels: readonly Channel[]): Channel[] {
    return this.metrics.instrumentChannels(channels);
  }

  /** Once the channels run: ready, the admin socket (embedded database only), the daily backups. */
  async start(): Promise<void> {
    const { app } = this;
    this.channelsRunning = true;
    if (app.database.engine === "pglite") {
      // Without it the bot still runs; office commands are then refused while it does, as before.
      this.admin = await startAdminSocket(app, app.config.DATA_DIR).catch((err: unknown) => {
        app.log.warn({ err }, "admin socket not available: office commands are refused while chibo runs");
        return undefined;
      });
    }
    if (app.config.BACKUP_DIR) {
      this.backups = startDailyBackups({
        db: app.database.db,
        engine: app.database.engine,
        dir: app.config.BACKUP_DIR,
        keep: app.config.BACKUP_KEEP,
        at: app.config.BACKUP_AT,
        tz: app.config.TZ_DEFAULT,
        log: app.log.child({ part: "backup" }),
        ...(app.config.BACKUP_KEY ? { key: app.config.BACKUP_KEY } : {}),
      });
    }
  }

  /** A channel died or a stop began: no longer ready. */
  notReady(): void {
    this.channelsRunning = false;
  }

  /** Not ready, no more admin commands (those running finish), no more backups (one under way finishes). Idempotent. */
  stop(): Promise<void> {
    return (this.stopping ??= (async () => {
      this.channelsRunning = false;
      await this.admin?.close();
      await this.backups?.stop();
    })());
  }
}
