import type { Config } from "../config.js";
import type { DatabaseHandle } from "../db/connection.js";
import type { Channel } from "../messaging/channel.js";
import type { FileServing } from "../messaging/capabilities.js";
import type { I18n } from "../messaging/i18n.js";
import type { Logger } from "../log.js";
import { sendPolicies, type RateLimiter } from "./rate-limit.js";
import { ReplySweep } from "./reply-sweep.js";
import { OutboxSender, type Illustrator } from "./sender.js";
import { SchedulerTick } from "./tick.js";

/** What the scheduler needs of the running process (`App` in app.ts has it all). */
export interface SchedulerHost {
  readonly config: Pick<Config, "ZALO_RATE_PER_SECOND" | "TZ_DEFAULT" | "LOCALE_DEFAULT">;
  readonly log: Logger;
  readonly database: Pick<DatabaseHandle, "db" | "engine">;
  readonly i18n: I18n;
  /** Shared with the channels' own replies. */
  readonly sendLimiter: RateLimiter;
  /** Be told when a handled message queued outbox messages. */
  onOutbox(listener: () => void): void;
}

export interface Scheduler {
  stop(): Promise<void>;
}

/** What the sender adds to a message's text: its pictures (drawn at send time), and where files are served. */
export interface SchedulerExtras {
  illustrate?: Illustrator;
  /** As for chat turns (`filesOf(config)`): a scheduled message's picture reaches Zalo by a served link. */
  files?: FileServing;
}

/**
 * Start the reminder engine for the channels that run: the minute tick (plans into the outbox) and
 * the sender (drains it). `stop()` ends the tick first, then the sender; call it before stopping channels.
 */
export function startScheduler(app: SchedulerHost, channels: readonly Channel[], extras: SchedulerExtras = {}): Scheduler {
  const { illustrate, files } = extras;
  const { config, log, database } = app;
  const sender = new OutboxSender({
    db: database.db,
    engine: database.engine,
    channels,
    limits: sendPolicies(config.ZALO_RATE_PER_SECOND),
    limiter: app.sendLimiter,
    i18n: app.i18n,
    log: log.child({ part: "sender" }),
    tz: config.TZ_DEFAULT,
    localeDefault: config.LOCALE_DEFAULT,
    ...(illustrate ? { illustrate } : {}),
    ...(files ? { files } : {}),
  });
  const tick = new SchedulerTick({ db: database.db, tz: config.TZ_DEFAULT, log: log.child({ part: "tick" }), onPlanned: () => sender.kick() });
  app.onOutbox(() => sender.kick());
  // Replies of turns that never got them (a crash between commit and send), before new reminders.
  const sweep = new ReplySweep({ db: database.db, channels, log: log.child({ part: "reply-sweep" }), exclusive: database.engine === "pglite" });
  sweep.start();
  sender.start();
  tick.start();
  let stopping: Promise<void> | undefined;
  return {
    stop: () =>
      (stopping ??= (async () => {
        await tick.stop();
        await sender.stop();
        await sweep.stop();
      })()),
  };
}
