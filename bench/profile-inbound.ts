/**
 * Where chibo's side of the inbound bench spends its time (not a benchmark: `bench/run.ts` runs only
 * `*.bench.ts`). A fresh PostgreSQL database (BENCH_DATABASE_URL's server), the bench's province and
 * traffic, the bare bot's warm-up, then `runChibo` under the inspector's CPU profiler.
 *
 *   node --import tsx bench/profile-inbound.ts                 # writes inbound.cpuprofile (Chrome DevTools)
 *   COUNT=1 PROFILE=0 node --import tsx bench/profile-inbound.ts   # statements per update, by text
 *   COUNT=1 STACKS='from "org"' PROFILE=0 …                     # … and who runs the statements matching it
 *   BARE=1 PROFILE=0 …                                          # the echo bot before and after, and the ratio
 *   HEAP=1 PROFILE=0 …                                          # writes inbound.heapprofile: the run's allocations, collected ones counted
 *
 * Each run also prints how the bot's main thread spent the run (on a CPU, waiting for one, asleep), the CPU of the
 * process's other threads (V8's workers: TurboFan compiling, the collector's helpers) and PostgreSQL's CPU.
 *
 * UPDATES (default 10,000) of the bench's 20,000; PROFILE_OUT names the profile's file.
 */
import { Session } from "node:inspector/promises";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import { performance } from "node:perf_hooks";
import { sql } from "kysely";
import pgLib from "pg";
import { openApp, secretsOf } from "../src/app.js";
import { loadConfig } from "../src/config.js";
import { createLogger } from "../src/log.js";
import { benchContext, DEFAULT_BENCH_DATABASE_URL } from "./harness.js";
import { inboundProvince } from "./support/inbound-province.js";
import { INBOUND_TOKEN, LogTally, runChibo, runBare } from "./support/inbound-run.js";
import { buildTraffic, corpusTexts, meetingReminder, nextMeetings, seededRandom, trialTexts } from "./support/inbound-traffic.js";

/**
 * CPU time of the PostgreSQL server's processes on this host, ms (Linux `/proc`; 0 elsewhere or for a
 * remote server): the other half of an update's cost, which competes with the bot for the cores.
 */
function postgresCpuMs(): number {
  let ticks = 0;
  let pids: string[] = [];
  try {
    pids = readdirSync("/proc").filter((p) => /^\d+$/.test(p));
  } catch {
    return 0;
  }
  for (const pid of pids) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      const close = stat.lastIndexOf(")");
      if (stat.slice(stat.indexOf("(") + 1, close) !== "postgres") continue;
      const fields = stat.slice(close + 2).split(" ");
      // utime and stime, the 14th and 15th fields, in clock ticks (100 a second on Linux).
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // The process ended meanwhile.
    }
  }
  return ticks * 10;
}

/**
 * The bot's main thread as the scheduler saw it (Linux `/proc/self/task/<pid>/schedstat`: ns on a CPU, ns
 * runnable but waiting for one); undefined elsewhere. Over a run: on a CPU, waiting for a CPU (the host's
 * other work and PostgreSQL took the cores), and the rest asleep (waiting for PostgreSQL or the fake).
 */
function mainThreadSched(): { onCpuNs: number; waitingNs: number } | undefined {
  try {
    const [onCpu, waiting] = readFileSync(`/proc/self/task/${process.pid}/schedstat`, "utf8").trim().split(" ").map(Number);
    return { onCpuNs: onCpu as number, waitingNs: waiting as number };
  } catch {
    return undefined;
  }
}

/**
 * CPU of this process's threads other than the main one, ms (Linux `/proc/self/task`; 0 elsewhere): V8's
 * platform workers (TurboFan's concurrent compiles, the collector's parallel and concurrent work) and libuv's
 * pool. `process.cpuUsage()` counts them with the main thread; a CPU profile of the main thread does not see them.
 */
function otherThreadsCpuMs(): number {
  let ticks = 0;
  let tids: string[] = [];
  try {
    tids = readdirSync("/proc/self/task").filter((t) => t !== String(process.pid));
  } catch {
    return 0;
  }
  for (const tid of tids) {
    try {
      const stat = readFileSync(`/proc/self/task/${tid}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // The thread ended meanwhile.
    }
  }
  return ticks * 10;
}

const counts = new Map<string, number>();
const stacks = new Map<string, number>();
let counting = false;
if (process.env.COUNT) {
  const original = pgLib.Client.prototype.query;
  (pgLib.Client.prototype as unknown as { query: unknown }).query = function (this: pgLib.Client, ...args: unknown[]) {
    if (counting) {
      const text = typeof args[0] === "string" ? args[0] : (args[0] as { text?: string })?.text ?? "?";
      const key = text.replace(/\s+/g, " ").slice(0, 140);
      counts.set(key, (counts.get(key) ?? 0) + 1);
      if (process.env.STACKS && key.includes(process.env.STACKS)) {
        const stack = (new Error().stack ?? "").split("\n").filter((l) => l.includes("/src/")).slice(0, 8).map((l) => l.trim().replace(/\(.*\/src\//, "(")).join(" < ");
        stacks.set(stack, (stacks.get(stack) ?? 0) + 1);
      }
    }
    return (original as (...a: unknown[]) => unknown).apply(this, args);
  };
}
Error.stackTraceLimit = 60;
const UPDATES = Number(process.env.UPDATES ?? 10000);
const ctx = benchContext(process.env.BENCH_DATABASE_URL ?? DEFAULT_BENCH_DATABASE_URL, (l) => console.log(l));
const pg = await ctx.freshPostgres();
const config = loadConfig({ DATABASE_URL: pg.url, TELEGRAM_BOT_TOKEN: INBOUND_TOKEN, LOG_LEVEL: "info" });
const logs = new LogTally();
const log = createLogger(config.LOG_LEVEL, secretsOf(config), logs.destination);
const app = await openApp(config, { log, migrate: false });
try {
  const now = new Date();
  const province = await inboundProvince(app.database.db, { communes: 10, cells: 250, membersPerCell: 20, linkedMembersPerCell: 3, month: now.toISOString().slice(0, 7) });
  await sql`analyze`.execute(app.database.db);
  const trial = await trialTexts(app.bot, province.trial, corpusTexts());
  const meetings = await nextMeetings(app.database.db, province.users.map((u) => u.cellId), now);
  const traffic = buildTraffic({ users: province.users, mix: { perUser: 20, toi: 8 }, trial, meetings, rand: seededRandom(20261129) }).slice(0, UPDATES);
  const reminders = new Map([...meetings].map(([cellId, meeting]) => [cellId, meetingReminder(app.i18n, meeting, now)]));
  await runBare(traffic.slice(0, 2000), reminders, 300_000);
  let bareBest = 0;
  const bare = async () => {
    const b = await runBare(traffic, reminders, 300_000);
    bareBest = Math.max(bareBest, b.perSecond);
    console.log(`bare ${b.perSecond.toFixed(0)}/s ${b.cpuMsPerUpdate.toFixed(3)} ms CPU/update`);
  };
  if (process.env.BARE) await bare();
  const session = new Session();
  const profiling = process.env.PROFILE !== "0";
  if (profiling) {
    session.connect();
    await session.post("Profiler.enable");
    await session.post("Profiler.setSamplingInterval", { interval: 200 });
    await session.post("Profiler.start");
  }
  const heap = process.env.HEAP === "1";
  if (heap) {
    if (!profiling) session.connect();
    await session.post("HeapProfiler.enable");
    await session.post("HeapProfiler.startSampling", { samplingInterval: 4096, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true });
  }
  counting = true;
  const postgresBefore = postgresCpuMs();
  const othersBefore = otherThreadsCpuMs();
  const schedBefore = mainThreadSched();
  // A mark in the output, for reading V8's traces (--trace-opt, --trace-deopt) of the run alone.
  console.log("chibo's run starts");
  const wallBefore = performance.now();
  const r = await runChibo(app, logs, traffic, reminders, 300_000);
  const wallMs = performance.now() - wallBefore;
  const schedAfter = mainThreadSched();
  const othersPerUpdate = (otherThreadsCpuMs() - othersBefore) / r.updates;
  const postgresPerUpdate = (postgresCpuMs() - postgresBefore) / r.updates;
  if (profiling) {
    const { profile } = await session.post("Profiler.stop");
    writeFileSync(process.env.PROFILE_OUT ?? "inbound.cpuprofile", JSON.stringify(profile));
  }
  if (heap) {
    const { profile } = await session.post("HeapProfiler.stopSampling");
    writeFileSync(process.env.HEAP_OUT ?? "inbound.heapprofile", JSON.stringify(profile));
  }
  counting = false;
  if (process.env.COUNT) {
    const total = [...counts.values()].reduce((a, b) => a + b, 0);
    console.log(`statements ${total}, ${(total / r.updates).toFixed(3)} per update`);
    for (const [k, n] of [...stacks].sort((a, b) => b[1] - a[1]).slice(0, 12)) console.log(`stack ${n}: ${k}`);
    for (const [k, n] of [...counts].sort((a, b) => b[1] - a[1]).slice(0, 40)) console.log(`${(n / r.updates).toFixed(3).padStart(7)}  ${k}`);
  }
  if (process.env.BARE) {
    await bare();
    console.log(`ratio ${(r.perSecond / bareBest).toFixed(3)}`);
  }
  if (schedBefore && schedAfter) {
    const onCpu = (schedAfter.onCpuNs - schedBefore.onCpuNs) / 1e6 / wallMs;
    const waiting = (schedAfter.waitingNs - schedBefore.waitingNs) / 1e6 / wallMs;
    console.log(`main thread: on a CPU ${onCpu.toFixed(2)}, waiting for a CPU ${waiting.toFixed(2)}, asleep ${(1 - onCpu - waiting).toFixed(2)} of the run; load ${loadavg().map((l) => l.toFixed(1)).join(" ")}`);
  }
  console.log(`chibo ${r.updates} in ${r.ms} ms: ${r.perSecond.toFixed(0)}/s, ${r.cpuMsPerUpdate.toFixed(3)} ms CPU/update (other threads ${othersPerUpdate.toFixed(3)}; PostgreSQL ${postgresPerUpdate.toFixed(3)}), replies ${r.replies} edits ${r.edits} answered ${r.answered} errors ${r.errors} missing ${r.missing} refusals ${r.refusals} getUpdates ${r.getUpdatesCalls}`);
} finally {
  await app.close();
  await pg.drop();
  await ctx.cleanup();
}
