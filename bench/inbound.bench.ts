/**
 * Inbound: 20,000 Telegram updates from 1,000 users — ~40 % `/toi`, ~30 % button presses (report
 * confirm/cancel, meeting RSVP), ~30 % quick-report texts from the parser corpus — sent into the fake
 * Bot API and drained by chibo's real Telegram channel (grammY + runner, durable polling, each polled
 * batch handled together: a transaction per group of updates from different chats) until every reply
 * reached the fake. Baseline in the same run, same process,
 * same updates: a bare grammY bot under `@grammyjs/runner` echoing each text and answering each press.
 *
 * Users: 250 cells of 20 members; in each, the secretary and three members on Telegram. Each user's
 * updates in order, users interleaved at random. Every press is on a message the bot sent in that
 * chat, as in real use: a secretary's on the bot's answer to the quick report (sent once that
 * answer came), a member's on a reminder of the meeting sent before the run. The baseline is measured before and after chibo; the
 * faster of the two is the denominator (the ratio is the lower of the two it could be). The fake's
 * rate limits are off: this measures handling, not Telegram's 30 msg/s (the fan-out bench does that).
 * PostgreSQL carries the goal; PGlite is the noted variant, on the first 5,000 updates.
 */
import { PGlite } from "@electric-sql/pglite";
import { sql } from "kysely";
import { openApp, secretsOf, type App } from "../src/app.js";
import { loadConfig } from "../src/config.js";
import { createLogger } from "../src/log.js";
import type { BenchContext, BenchResult, Benchmark } from "./harness.js";
import { inboundProvince, type InboundSpec } from "./support/inbound-province.js";
import { INBOUND_TOKEN, LogTally, runBare, runChibo, type InboundRun, type SentReminder } from "./support/inbound-run.js";
import { buildTraffic, corpusTexts, meetingReminder, nextMeetings, seededRandom, trialTexts, type ScriptedUpdate, type TrafficMix } from "./support/inbound-traffic.js";

const GOAL_RATIO = 0.3;
/** 250 cells × (secretary + 3 members) = 1,000 users on Telegram; the month is the run's own. */
const SPEC: Omit<InboundSpec, "month"> = { communes: 10, cells: 250, membersPerCell: 20, linkedMembersPerCell: 3 };
/** 20 updates per user, 8 of them `/toi`: 40 % commands, 30 % texts, 30 % presses. */
const MIX: TrafficMix = { perUser: 20, toi: 8 };
/** Updates the bare bot handles first, to warm the JIT for the HTTP and JSON paths both sides share. */
const WARMUP = 2000;
/** PGlite runs every transaction on its one connection in the bot's own thread: the first 5,000 updates keep the run short. */
const PGLITE_UPDATES = 5000;
/** Long enough for a run on a shared, busy machine (a guard against a stalled run, not a goal). */
const TIMEOUT_MS = 300_000;

/** The month in progress, as the reports of the year before it are seeded. */
function currentMonth(now: Date): string {
  return now.toISOString().slice(0, 7);
}

/** The app as `chibo start` opens it, for the database given; its log (production level) is only counted. */
async function open(databaseUrl: string | undefined, pglite: PGlite | undefined): Promise<{ app: App; logs: LogTally }> {
  const config = loadConfig({ ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}), TELEGRAM_BOT_TOKEN: INBOUND_TOKEN, LOG_LEVEL: "info" });
  const logs = new LogTally();
  const log = createLogger(config.LOG_LEVEL, secretsOf(config), logs.destination);
  const app = await openApp(config, { log, migrate: pglite !== undefined, ...(pglite ? { database: { pglite } } : {}) });
  return { app, logs };
}

async function prepare(ctx: BenchContext, variant: string, app: App): Promise<{ traffic: ScriptedUpdate[]; reminders: Map<number, SentReminder>; figures: BenchResult["figures"] }> {
  const started = Date.now();
  const now = new Date();
  const province = await inboundProvince(app.database.db, { ...SPEC, month: currentMonth(now) });
  await sql`analyze`.execute(app.database.db);
  const seeded = Date.now();
  const trial = await trialTexts(app.bot, province.trial, corpusTexts());
  const meetings = await nextMeetings(app.database.db, province.users.map((u) => u.cellId), now);
  const traffic = buildTraffic({ users: province.users, mix: MIX, trial, meetings, rand: seededRandom(20261129) });
  const reminders = new Map([...meetings].map(([cellId, meeting]) => [cellId, meetingReminder(app.i18n, meeting, now)]));
  ctx.note(
    `${variant}: ${province.users.length} users (${province.people} people) seeded in ${((seeded - started) / 1000).toFixed(1)} s; ` +
      `corpus tried: ${trial.outcomes.confirm} open to send, ${trial.outcomes.ask} to ask or fix, ${trial.outcomes.none} open no report`,
  );
  return { traffic, reminders, figures: { users: province.users.length, "seed s": (seeded - started) / 1000 } };
}

function describe(run: InboundRun, who: string): string {
  return `${who} ${run.updates} updates in ${(run.ms / 1000).toFixed(1)} s (${run.perSecond.toFixed(0)}/s), ${run.replies} replies, ${run.edits} edits, ${run.answered} answered, ${run.errors} errors, ${run.missing} missing, ${run.tooMany} × 429, ${run.cpuMsPerUpdate.toFixed(2)} ms CPU/update`;
}

async function measure(ctx: BenchContext, variant: string, { app, logs }: { app: App; logs: LogTally }, withGoal: boolean, updates?: number): Promise<BenchResult> {
  const prepared = await prepare(ctx, variant, app);
  const traffic = updates ? prepared.traffic.slice(0, updates) : prepared.traffic;
  const count = (kind: string) => traffic.filter((t) => t.step.kind === kind).length;
  const figures = { ...prepared.figures, "/toi": count("toi"), texts: count("text"), presses: count("button") };
  const { reminders } = prepared;
  await runBare(traffic.slice(0, WARMUP), reminders, TIMEOUT_MS);
  const bareBefore = await runBare(traffic, reminders, TIMEOUT_MS);
  ctx.note(`${variant}: ${describe(bareBefore, "bare")}`);
  const chibo = await runChibo(app, logs, traffic, reminders, TIMEOUT_MS);
  ctx.note(`${variant}: ${describe(chibo, "chibo")}, ${chibo.refusals} refusals, ${chibo.getUpdatesCalls} getUpdates`);
  const bareAfter = await runBare(traffic, reminders, TIMEOUT_MS);
  ctx.note(`${variant}: ${describe(bareAfter, "bare")}`);
  const bare = bareAfter.perSecond > bareBefore.perSecond ? bareAfter : bareBefore;
  const ratio = chibo.perSecond / bare.perSecond;
  return {
    variant,
    ratio,
    ratioLabel: "chibo ÷ bare, updates/s (start to last reply)",
    baselineLabel: `bare grammY + @grammyjs/runner run() echo bot, same fake, same ${traffic.length.toLocaleString("en-US")} updates (faster of a run before and after chibo)`,
    figures: {
      "chibo updates/s": chibo.perSecond,
      "bare updates/s": bare.perSecond,
      "chibo ms": chibo.ms,
      "bare ms": bare.ms,
      "chibo CPU ms/update": chibo.cpuMsPerUpdate,
      "bare CPU ms/update": bare.cpuMsPerUpdate,
      "bare updates/s (before, after)": `${bareBefore.perSecond.toFixed(0)}, ${bareAfter.perSecond.toFixed(0)}`,
      updates: chibo.updates,
      "chibo replies": chibo.replies,
      "chibo edits": chibo.edits,
      "chibo answered": chibo.answered,
      "bare replies": bare.replies,
      "bare answered": bare.answered,
      errors: chibo.errors,
      missing: chibo.missing,
      "bare errors": bare.errors + bare.missing,
      "429s": chibo.tooMany + bare.tooMany,
      refusals: chibo.refusals,
      "chibo getUpdates": chibo.getUpdatesCalls,
      ...figures,
    },
    goal: withGoal ? `≥ ${GOAL_RATIO}` : "none (noted)",
    met: withGoal ? ratio >= GOAL_RATIO && chibo.missing === 0 : null,
  };
}

export const bench: Benchmark = {
  name: "inbound",
  title: "20,000 Telegram updates from 1,000 users through the real channel ÷ a bare grammY runner echo bot",
  async run(ctx) {
    const results: BenchResult[] = [];
    const pg = await ctx.freshPostgres();
    try {
      // The bot gets its own pool, as `chibo start` opens it; the harness's connection only created the database.
      const opened = await open(pg.url, undefined);
      try {
        results.push(await measure(ctx, "postgres", opened, true));
      } finally {
        await opened.app.close();
      }
    } finally {
      await pg.drop();
    }
    const pglite = await PGlite.create();
    try {
      const opened = await open(undefined, pglite);
      try {
        results.push(await measure(ctx, "pglite", opened, false, PGLITE_UPDATES));
      } finally {
        await opened.app.close();
      }
    } finally {
      await pglite.close();
    }
    return results;
  },
};
