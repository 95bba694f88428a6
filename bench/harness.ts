/**
 * The benchmark contract: each `bench/*.bench.ts` exports `bench: Benchmark`; `bench/run.ts` finds,
 * runs and records them. Every result is a ratio against a baseline measured in the same run (so a
 * slower machine moves both), plus the absolute figures the goal is stated in.
 */
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import os from "node:os";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { openDatabase, type DatabaseHandle } from "../src/db/connection.js";
import { migrateToLatest } from "../src/db/migrator.js";

export const DEFAULT_BENCH_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/postgres";

export interface BenchResult {
  /** What was measured on which engine, e.g. `postgres`, `pglite`, `in-process`. */
  variant: string;
  /** chibo's figure divided by the baseline's, in the unit `ratioLabel` names. */
  ratio: number;
  /** How to read the ratio, e.g. "parser ÷ fold, messages/s". */
  ratioLabel: string;
  /** What the baseline is, e.g. "fold() over the same texts". */
  baselineLabel: string;
  figures: Record<string, number | string>;
  /** The goal in words, e.g. "≥ 20,000 msg/s". */
  goal: string;
  /** Whether the goal was met; null when this variant has no goal (a figure noted for comparison). */
  met: boolean | null;
  /** The engine the figures come from (filled in by the runner from `variant` when unset). */
  engine?: string;
}

export interface BenchContext {
  /** PostgreSQL server for benchmarks (`BENCH_DATABASE_URL`); each bench creates its own databases on it. */
  postgresUrl: string;
  /** A fresh PostgreSQL database of this run, migrated unless `migrate: false`; dropped by `drop()` (and after the bench). */
  freshPostgres(options?: { migrate?: boolean }): Promise<{ url: string; handle: DatabaseHandle; drop(): Promise<void> }>;
  /** A fresh, migrated in-memory PGlite. */
  freshPglite(): Promise<DatabaseHandle>;
  /** Progress lines (stderr), so a long bench shows it is alive. */
  note(line: string): void;
}

export interface Benchmark {
  /** Short id for `--only` and the results table: `parser`, `rollup`, … */
  name: string;
  title: string;
  run(ctx: BenchContext): Promise<BenchResult[]>;
}

/** Median of a non-empty list of numbers. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** Milliseconds an async function takes, on the monotonic clock. */
export async function timeMs(fn: () => Promise<unknown>): Promise<number> {
  const start = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/**
 * Run `fn` `warmup` times unmeasured, then `runs` times; the median in ms.
 *
 * @example const ms = await medianMs(() => query(), { runs: 15 })
 */
export async function medianMs(fn: () => Promise<unknown>, options: { runs: number; warmup?: number }): Promise<number> {
  for (let i = 0; i < (options.warmup ?? 3); i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < options.runs; i++) times.push(await timeMs(fn));
  return median(times);
}

/** Round for display: 3 significant digits, at most 2 decimals. */
export function round(value: number): number {
  if (!Number.isFinite(value)) return value;
  const digits = Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : 2;
  return Number(value.toFixed(digits));
}

export interface Machine {
  cpu: string;
  cores: number;
  memoryGb: number;
  node: string;
  platform: string;
}

export function describeMachine(): Machine {
  const cpus = os.cpus();
  return {
    cpu: (cpus[0]?.model ?? "unknown cpu").replace(/\s+/g, " ").trim(),
    cores: cpus.length,
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
  };
}

/** Engine versions: the PostgreSQL server's and the PGlite package's. */
export async function engineVersions(postgresUrl: string): Promise<{ postgres: string; pglite: string }> {
  let postgres = "unreachable";
  const client = new pg.Client({ connectionString: postgresUrl, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    postgres = `PostgreSQL ${(await client.query<{ server_version: string }>("show server_version")).rows[0]?.server_version ?? "?"}`;
  } catch {
    // Reported as unreachable; the benches that need it fail with the reason.
  } finally {
    await client.end().catch(() => {});
  }
  const pkg = JSON.parse(readFileSync(new URL("../node_modules/@electric-sql/pglite/package.json", import.meta.url), "utf8")) as { version: string };
  return { postgres, pglite: `PGlite ${pkg.version}` };
}

/** The context a run hands every bench; `cleanup()` drops whatever databases a bench left. */
export function benchContext(postgresUrl: string, note: (line: string) => void): BenchContext & { cleanup(): Promise<void> } {
  const created = new Set<string>();
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: postgresUrl });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  const dropDb = async (name: string) => {
    await admin(`drop database if exists ${name} with (force)`);
    created.delete(name);
  };
  return {
    postgresUrl,
    note,
    async freshPostgres(options = {}) {
      const name = `chibo_bench_${process.pid}_${randomBytes(3).toString("hex")}`;
      await admin(`create database ${name}`);
      created.add(name);
      const url = new URL(postgresUrl);
      url.pathname = `/${name}`;
      const handle = await openDatabase({ databaseUrl: url.toString(), poolSize: 4 });
      if (options.migrate !== false) await migrateToLatest(handle.db);
      return {
        url: url.toString(),
        handle,
        drop: async () => {
          await handle.close();
          await dropDb(name);
        },
      };
    },
    async freshPglite() {
      const pglite = await PGlite.create();
      const handle = await openDatabase({ pglite });
      await migrateToLatest(handle.db);
      return {
        ...handle,
        close: async () => {
          await handle.close();
          await pglite.close();
        },
      };
    },
    async cleanup() {
      for (const name of [...created]) await dropDb(name).catch(() => {});
    },
  };
}
