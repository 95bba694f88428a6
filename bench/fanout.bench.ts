/**
 * Fan-out: 10,000 meeting reminders (400 cells × 25 members, all meeting on 20/11) planned by the
 * scheduler's 07:00 slot three days before, written to the outbox and drained by the real sender
 * through the Telegram channel into the fake Bot API, which enforces its overall and per-chat rates
 * and answers 429 with `retry_after` past them. Telegram's 30 messages/s is scaled up (sender and fake
 * alike) so the run takes about a minute. Measured: the pace as a fraction of the limit, 429s,
 * duplicates (same text to the same chat twice), chats left without their message.
 *
 * Figures for comparison: a bare loop sending the same rendered message through the same channel and
 * limiter with no database (on a 3,000-chat sample), and the sender's own ceiling with no limit at all.
 * Noted variants: PGlite; and PostgreSQL at Telegram's real 30/s with the fake answering after a
 * 50 ms round trip (600 reminders), which is what a sender reaching api.telegram.org meets.
 */
import os from "node:os";
import { sql } from "kysely";
import type { DatabaseHandle } from "../src/db/connection.js";
import { TELEGRAM_LIMITS } from "../src/scheduler/rate-limit.js";
import type { Benchmark, BenchContext, BenchResult } from "./harness.js";
import { resetFanout, runBareLoop, runFanout, type DeliveryStats, type FanoutRun } from "./support/fanout-pipeline.js";
import { fanoutProvince, type FanoutSpec } from "./support/fanout-province.js";

const TELEGRAM_RATE = TELEGRAM_LIMITS.perSecond;
/** Telegram's documented overall rate × 5: 10,000 messages in about 67 s at full pace. */
const SCALED_RATE = 5 * TELEGRAM_RATE;
const GOAL_FRACTION = 0.95;
/** No limit on either side: what the sender does flat out. */
const UNLIMITED = 1_000_000;
const BARE_SAMPLE = 3000;
/** A round trip to the Bot API from a server in Vietnam is tens to hundreds of ms; 50 ms is kind. */
const ROUND_TRIP_MS = 50;
/** 07:00 in Vietnam on Monday 17/11/2025: the D-3 reminder of the meetings of Thursday 20/11. */
const PLAN_AT = new Date("2025-11-17T00:00:00Z");
const SPEC: FanoutSpec = { communes: 20, cells: 400, membersPerCell: 25, meetingDay: 20, month: "2025-11" };
const SMALL_SPEC: FanoutSpec = { ...SPEC, communes: 4, cells: 24 };

const outboxText = (outbox: Record<string, number>) =>
  Object.entries(outbox)
    .map(([status, n]) => `${status} ${n}`)
    .join(" / ");

function deliveryFigures(run: FanoutRun, rate: number) {
  const s = run.stats;
  return {
    "limit msg/s": rate,
    "pace msg/s": s.perSecond,
    "peak msg/s (1 s window)": s.peakPerSecond,
    delivered: s.delivered,
    "429s": s.tooMany,
    duplicates: s.duplicates,
    undelivered: s.undelivered,
    "send s": s.spanMs / 1000,
    planned: run.planned,
    "plan ms": run.planMs,
    ...(s.otherErrors > 0 ? { "other errors": s.otherErrors } : {}),
    ...(run.stalled ? { stalled: "yes" } : {}),
    outbox: outboxText(run.outbox),
  };
}

async function seed(ctx: BenchContext, variant: string, handle: DatabaseHandle, spec: FanoutSpec) {
  const started = Date.now();
  const province = await fanoutProvince(handle.db, spec);
  await sql`analyze`.execute(handle.db);
  ctx.note(`${variant}: ${province.people} people in ${province.cellIds.length} cells written in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return province;
}

async function fanout(ctx: BenchContext, variant: string, handle: DatabaseHandle, chats: readonly string[], rate: number, latencyMs = 0): Promise<FanoutRun> {
  const run = await runFanout({ handle, planAt: PLAN_AT, perSecond: rate, expectedChats: chats, latencyMs });
  const s = run.stats;
  ctx.note(`${variant}: ${s.delivered} delivered in ${(s.spanMs / 1000).toFixed(1)} s (${s.perSecond.toFixed(0)}/s, limit ${rate}/s), ${s.tooMany} × 429`);
  if (run.planned !== chats.length) throw new Error(`planned ${run.planned} reminders for ${chats.length} members: the province no longer yields one each`);
  return run;
}

function result(variant: string, run: FanoutRun, rate: number, baselineLabel: string, figures: BenchResult["figures"], withGoal: boolean): BenchResult {
  const s = run.stats;
  const fraction = s.perSecond / rate;
  return {
    variant,
    ratio: fraction,
    ratioLabel: "delivered/s ÷ the limit (first send to last delivery)",
    baselineLabel,
    figures: { ...deliveryFigures(run, rate), ...figures },
    goal: withGoal ? `≥ ${GOAL_FRACTION} of the limit, 0 × 429, 0 duplicates` : "none (noted)",
    met: withGoal ? fraction >= GOAL_FRACTION && s.tooMany === 0 && s.duplicates === 0 && s.undelivered === 0 : null,
  };
}

async function postgresMain(ctx: BenchContext, handle: DatabaseHandle): Promise<BenchResult> {
  const load = os.loadavg()[0] ?? 0;
  const province = await seed(ctx, "postgres", handle, SPEC);
  const run = await fanout(ctx, "postgres", handle, province.chatIds, SCALED_RATE);
  const row = await handle.db.selectFrom("outbox").select("payload").where("kind", "=", "meeting.reminder").limit(1).executeTakeFirstOrThrow();
  const bare: DeliveryStats = await runBareLoop({ handle, planAt: PLAN_AT, perSecond: SCALED_RATE, chats: province.chatIds.slice(0, BARE_SAMPLE), payload: row.payload });
  ctx.note(`postgres: bare loop ${bare.perSecond.toFixed(0)}/s, ${bare.tooMany} × 429`);
  await resetFanout(handle);
  const flatOut = await fanout(ctx, "postgres, no limit", handle, province.chatIds, UNLIMITED);
  return result(
    "postgres",
    run,
    SCALED_RATE,
    `the rate limit: ${SCALED_RATE} msg/s (Telegram's ${TELEGRAM_RATE}/s × 5), the sender's and the fake's`,
    {
      "bare loop msg/s (3,000)": bare.perSecond,
      "bare loop ÷ limit": bare.perSecond / SCALED_RATE,
      "bare loop 429s": bare.tooMany,
      "sender ceiling msg/s (no limit)": flatOut.stats.perSecond,
      "ceiling ÷ Telegram 30/s": flatOut.stats.perSecond / TELEGRAM_RATE,
      "load avg at start": load,
      "load avg at end": os.loadavg()[0] ?? 0,
    },
    true,
  );
}

async function pgliteNoted(ctx: BenchContext, handle: DatabaseHandle): Promise<BenchResult> {
  const province = await seed(ctx, "pglite", handle, SPEC);
  const run = await fanout(ctx, "pglite", handle, province.chatIds, SCALED_RATE);
  return result("pglite", run, SCALED_RATE, `the rate limit: ${SCALED_RATE} msg/s, the sender's and the fake's`, {}, false);
}

async function roundTripNoted(ctx: BenchContext, handle: DatabaseHandle): Promise<BenchResult> {
  const variant = `postgres, ${ROUND_TRIP_MS} ms round trip`;
  const province = await seed(ctx, variant, handle, SMALL_SPEC);
  const run = await fanout(ctx, variant, handle, province.chatIds, TELEGRAM_RATE, ROUND_TRIP_MS);
  return result(
    variant,
    run,
    TELEGRAM_RATE,
    `Telegram's own ${TELEGRAM_RATE} msg/s; the fake answers each call after ${ROUND_TRIP_MS} ms`,
    { "round trip ms": ROUND_TRIP_MS, "one-at-a-time bound msg/s": 1000 / ROUND_TRIP_MS },
    false,
  );
}

export const bench: Benchmark = {
  name: "fanout",
  title: "10,000 reminders: planner → outbox → sender → fake Telegram enforcing its rate",
  async run(ctx) {
    const results: BenchResult[] = [];
    const pg = await ctx.freshPostgres();
    try {
      results.push(await postgresMain(ctx, pg.handle));
    } finally {
      await pg.drop();
    }
    const lite = await ctx.freshPglite();
    try {
      results.push(await pgliteNoted(ctx, lite));
    } finally {
      await lite.close();
    }
    const small = await ctx.freshPostgres();
    try {
      results.push(await roundTripNoted(ctx, small.handle));
    } finally {
      await small.drop();
    }
    return results;
  },
};
