/**
 * Footprint of the real `chibo start` process with no token (the console demo): time until it has
 * answered its first `/toi`, and its resident memory once idle; on PGlite (a new data folder, then a
 * restart on it) and on PostgreSQL (a new database, then a restart). Baseline: `node -e "0"`'s start
 * time and resident memory, in the same run. The goals are absolute (`GOALS`); the ratio is what compares runs.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { median, timeMs, type Benchmark, type BenchResult } from "./harness.js";

const CHIBO_BIN = fileURLToPath(new URL("../bin/chibo.js", import.meta.url));
/** What the demo secretary's `/toi` answer starts with. */
const READY_MARK = "Họ tên";
const IDLE_SETTLE_MS = 2000;
const START_TIMEOUT_MS = 120_000;

interface Start {
  readyMs: number;
  idleRssMb: number;
  peakRssMb: number;
}

/** VmRSS and VmHWM of a live process, in MB (Linux). */
function rssOf(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, "m").exec(status)?.[1] ?? NaN);
  return { rss: kb("VmRSS") / 1024, peak: kb("VmHWM") / 1024 };
}

/** Start `chibo start`, send `/toi`, wait for the answer, let it idle, read its memory, end it by closing stdin. */
function startChibo(env: Record<string, string>): Promise<Start> {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(process.execPath, [CHIBO_BIN, "start"], {
      env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", LOG_LEVEL: "warn", ...env },
      stdio: ["pipe", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    let readyMs: number | undefined;
    let measured: Start | undefined;
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`chibo start did not answer /toi within ${START_TIMEOUT_MS} ms\nstdout: ${stdout}\nstderr: ${stderr}`));
    }, START_TIMEOUT_MS);
    child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
    child.stdout.setEncoding("utf8").on("data", (d: string) => {
      stdout += d;
      if (readyMs === undefined && stdout.includes(READY_MARK)) {
        readyMs = Number(process.hrtime.bigint() - started) / 1e6;
        // A benchmark may wait: the idle footprint is what it measures.
        setTimeout(() => {
          const { rss, peak } = rssOf(child.pid as number);
          measured = { readyMs: readyMs as number, idleRssMb: rss, peakRssMb: peak };
          child.stdin.end();
        }, IDLE_SETTLE_MS);
      }
    });
    child.on("error", reject);
    child.on("close", (code) => {
      clearTimeout(timer);
      if (measured) resolve(measured);
      else reject(new Error(`chibo start exited (${code}) before answering\nstdout: ${stdout}\nstderr: ${stderr}`));
    });
    child.stdin.write("/toi\n");
  });
}

/** `node -e "0"`: spawn-to-exit time (median of 5) and its resident memory. */
async function nodeBaseline(): Promise<{ startMs: number; rssMb: number }> {
  const run = () =>
    new Promise<string>((resolve, reject) => {
      const child = spawn(process.execPath, ["-e", "process.stdout.write(String(process.memoryUsage().rss))"], { stdio: ["ignore", "pipe", "inherit"] });
      let out = "";
      child.stdout.setEncoding("utf8").on("data", (d: string) => (out += d));
      child.on("error", reject);
      child.on("close", () => resolve(out));
    });
  await run();
  const times: number[] = [];
  let rss = 0;
  for (let i = 0; i < 5; i++) times.push(await timeMs(async () => (rss = Number(await run()))));
  const plain: number[] = [];
  for (let i = 0; i < 5; i++) {
    plain.push(
      await timeMs(
        () =>
          new Promise<void>((resolve, reject) => {
            const child = spawn(process.execPath, ["-e", "0"], { stdio: "ignore" });
            child.on("error", reject);
            child.on("close", () => resolve());
          }),
      ),
    );
  }
  return { startMs: median(plain), rssMb: rss / 2 ** 20 };
}

/**
 * Issue #17's goals: idle memory under 150 MB on PostgreSQL and 400 MB on PGlite, and PGlite's first start (a new data
 * folder: the packed cluster unpacked, migrations, the demo seed) answering within 3 s.
 */
const GOALS = {
  pglite: { idleRssMb: 400, firstReadyMs: 3000, words: "idle RSS < 400 MB, first start ≤ 3 s" },
  postgres: { idleRssMb: 150, firstReadyMs: undefined, words: "idle RSS < 150 MB" },
} as const;

function result(variant: keyof typeof GOALS, base: { startMs: number; rssMb: number }, first: Start, restart: Start): BenchResult {
  const goal = GOALS[variant];
  return {
    variant,
    ratio: restart.readyMs / base.startMs,
    ratioLabel: "chibo ready (restart) ÷ node -e 0, ms",
    baselineLabel: `node -e "0": ${Math.round(base.startMs)} ms, ${Math.round(base.rssMb)} MB`,
    figures: {
      "ready ms (restart)": restart.readyMs,
      "ready ms (first start: migrations, demo seed)": first.readyMs,
      "idle RSS MB": restart.idleRssMb,
      "peak RSS MB": Math.max(first.peakRssMb, restart.peakRssMb),
      "RSS ÷ node": restart.idleRssMb / base.rssMb,
      "node -e 0 ms": base.startMs,
      "node RSS MB": base.rssMb,
    },
    goal: goal.words,
    met: restart.idleRssMb < goal.idleRssMb && (goal.firstReadyMs === undefined || first.readyMs <= goal.firstReadyMs),
  };
}

export const bench: Benchmark = {
  name: "footprint",
  title: "chibo start (console demo): time to the first answer and idle memory",
  async run(ctx) {
    const base = await nodeBaseline();
    const results: BenchResult[] = [];
    const dir = mkdtempSync(join(tmpdir(), "chibo-bench-footprint-"));
    try {
      const env = { DATA_DIR: dir };
      const first = await startChibo(env);
      ctx.note(`pglite: first start ready in ${Math.round(first.readyMs)} ms`);
      results.push(result("pglite", base, first, await startChibo(env)));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    const pg = await ctx.freshPostgres({ migrate: false });
    try {
      // The bench's own connection is not needed by the child: close it so only chibo's pool is open.
      await pg.handle.close();
      const env = { DATABASE_URL: pg.url };
      const first = await startChibo(env);
      ctx.note(`postgres: first start ready in ${Math.round(first.readyMs)} ms`);
      results.push(result("postgres", base, first, await startChibo(env)));
    } finally {
      await pg.drop();
    }
    return results;
  },
};
