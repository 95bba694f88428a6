import type { App } from "../app.js";
import type { Channel } from "../channels/channel.js";
import { sendPolicies } from "./rate-limit.js";
import { OutboxSender } from "./sender.js";
import { SchedulerTick } from "./tick.js";

export interface Scheduler {
  stop(): Promise<void>;
}

/**
 * Start the reminder engine for the channels that run: the minute tick (plans into the outbox) and
 * the sender (drains it). `stop()` ends the tick first, then the sender; call it before stopping channels.
 */
export function startScheduler(app: App, channels: readonly Channel[]): Scheduler {
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
  });
  const tick = new SchedulerTick({ db: database.db, tz: config.TZ_DEFAULT, log: log.child({ part: "tick" }), onPlanned: () => sender.kick() });
  app.onOutbox(() => sender.kick());
  sender.start();
  tick.start();
  let stopping: Promise<void> | undefined;
  return {
    stop: () =>
      (stopping ??= (async () => {
        await tick.stop();
        await sender.stop();
      })()),
  };
}
