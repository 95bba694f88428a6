import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";
import type { App } from "../app.js";
import type { HandleResult } from "../messaging/channel.js";
import type { Channel } from "../messaging/channel.js";
import { lastFinishedRuns, linkLimitBuckets, outboxDepth } from "../db/metrics.repository.js";
import { LINK_FAILURE_WINDOW_MIN } from "../domain/invite-code.js";

/** Seconds from a message's arrival at the bot to its replies being ready (a turn's own work). */
const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export interface PoolStats {
  totalCount: number;
  idleCount: number;
  waitingCount: number;
}

/**
 * chibo's Prometheus metrics, in a registry of their own (several apps can live in one test process).
 * Counters are fed by `instrumentApp` (every update the bot handles) and `instrumentChannels` (every
 * send the outbox sender makes); the outbox depth, the scheduler's lag and the pool are read at scrape.
 */
export class Metrics {
  readonly registry = new Registry();
  private readonly updates: Counter<"channel" | "status">;
  private readonly latency: Histogram<"channel">;
  private readonly sends: Counter<"channel" | "result">;
  private readonly rateLimited: Counter<"channel">;
  private readonly errors: Counter<"kind">;

  constructor(app: App, options: { pool?: () => PoolStats | undefined; now?: () => Date } = {}) {
    const { registry } = this;
    const now = options.now ?? (() => new Date());
    collectDefaultMetrics({ register: registry, prefix: "chibo_" });
    this.updates = new Counter({ name: "chibo_updates_total", help: "Updates handled, by channel and outcome (handled, duplicate, failed).", labelNames: ["channel", "status"], registers: [registry] });
    this.latency = new Histogram({ name: "chibo_reply_latency_seconds", help: "Time the bot took to answer an update.", labelNames: ["channel"], buckets: LATENCY_BUCKETS, registers: [registry] });
    this.sends = new Counter({ name: "chibo_sends_total", help: "Outbox sends, by channel and result (ok, rate_limited, unreachable, transient, rejected).", labelNames: ["channel", "result"], registers: [registry] });
    this.rateLimited = new Counter({ name: "chibo_rate_limited_total", help: "Sends a platform refused with 429 (too many requests).", labelNames: ["channel"], registers: [registry] });
    this.errors = new Counter({ name: "chibo_errors_total", help: "Errors by kind: handler (the bot threw), update_failed (not stored), send_transient, send_rejected, send_unreachable.", labelNames: ["kind"], registers: [registry] });
    const db = app.database.db;
    new Gauge({
      name: "chibo_outbox_messages",
      help: "Outbox messages by kind and state.",
      labelNames: ["kind", "state"],
      registers: [registry],
      async collect() {
        this.reset();
        for (const row of await outboxDepth(db)) this.set({ kind: row.kind, state: row.status }, row.n);
      },
    });
    new Gauge({
      name: "chibo_scheduler_lag_seconds",
      help: "Seconds since the slot of the scheduler's newest finished run, per run name.",
      labelNames: ["name"],
      registers: [registry],
      async collect() {
        this.reset();
        const at = now().getTime();
        for (const run of await lastFinishedRuns(db)) this.set({ name: run.name }, Math.max(0, (at - run.slot.getTime()) / 1000));
      },
    });
    // Invite-code guessing, per platform and in all: what the office is alerted of (never an account or a code).
    new Gauge({
      name: "chibo_link_wrong_codes",
      help: "Wrong invite codes in the current window, per bucket (platform:<channel>, global).",
      labelNames: ["bucket"],
      registers: [registry],
      async collect() {
        this.reset();
        const at = now().getTime();
        for (const b of await linkLimitBuckets(db)) this.set({ bucket: b.bucket }, at - new Date(b.window_start).getTime() < LINK_FAILURE_WINDOW_MIN * 60_000 ? b.failures : 0);
      },
    });
    new Gauge({
      name: "chibo_link_slowed",
      help: "1 while invite-code guessing is slowed in the bucket (each account allowed fewer wrong codes), else 0.",
      labelNames: ["bucket"],
      registers: [registry],
      async collect() {
        this.reset();
        const at = now().getTime();
        for (const b of await linkLimitBuckets(db)) this.set({ bucket: b.bucket }, b.blocked_until && new Date(b.blocked_until).getTime() > at ? 1 : 0);
      },
    });
    const pool = options.pool;
    if (pool) {
      new Gauge({
        name: "chibo_db_pool_connections",
        help: "Database pool connections: total, idle, and callers waiting for one.",
        labelNames: ["state"],
        registers: [registry],
        collect() {
          const stats = pool();
          if (!stats) return;
          this.set({ state: "total" }, stats.totalCount);
          this.set({ state: "idle" }, stats.idleCount);
          this.set({ state: "waiting" }, stats.waitingCount);
        },
      });
    }
  }

  /** The text a scrape gets (Prometheus exposition format). */
  async exposition(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }

  /** The app with its bot counted: each update's channel, outcome and answer time. */
  instrumentApp(app: App): App {
    const bot = app.bot;
    const count = (channel: string, result: HandleResult) => {
      this.updates.inc({ channel, status: result.status });
      if (result.status === "failed") this.errors.inc({ kind: "update_failed" });
      else if (result.status === "unavailable") this.errors.inc({ kind: "database_unavailable" });
    };
    const handle = async (msg: Parameters<typeof bot.handle>[0]): Promise<HandleResult> => {
      const end = this.latency.startTimer({ channel: msg.channel });
      try {
        const result = await bot.handle(msg);
        count(msg.channel, result);
        return result;
      } catch (error) {
        this.errors.inc({ kind: "handler" });
        throw error;
      } finally {
        end();
      }
    };
    // A batch's messages are handled together: each one's latency runs from the batch's start.
    const handleMany = (msgs: Parameters<typeof bot.handleMany>[0]): Promise<HandleResult>[] =>
      bot.handleMany(msgs).map(async (outcome, i) => {
        const channel = (msgs[i] as (typeof msgs)[number]).channel;
        const end = this.latency.startTimer({ channel });
        try {
          const result = await outcome;
          count(channel, result);
          return result;
        } finally {
          end();
        }
      });
    return { ...app, bot: { commands: bot.commands, handle, handleMany, ready: () => bot.ready() } };
  }

  /** The channels as the outbox sender sees them, each send counted by result (everything else is the channel's own). */
  instrumentChannels(channels: readonly Channel[]): Channel[] {
    return channels.map((channel) => {
      const send: Channel["send"] = async (chatId, replies) => {
        const result = await channel.send(chatId, replies);
        const kind = result.ok ? "ok" : result.kind;
        this.sends.inc({ channel: channel.name, result: kind });
        if (kind === "rate_limited") this.rateLimited.inc({ channel: channel.name });
        else if (kind !== "ok") this.errors.inc({ kind: `send_${kind}` });
        return result;
      };
      return new Proxy(channel, {
        get(target, prop) {
          if (prop === "send") return send;
          const value: unknown = Reflect.get(target, prop, target);
          return typeof value === "function" ? value.bind(target) : value;
        },
      });
    });
  }
}
