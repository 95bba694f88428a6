/**
 * `npm run bench [-- --only NAME[,NAME]] [-- --no-record]`: run every `bench/*.bench.ts`, print each
 * result as a ratio against its same-run baseline with the absolute figures, and append one dated row
 * per result to `bench/RESULTS.md` with the machine's description.
 *
 * PostgreSQL: `BENCH_DATABASE_URL` (default postgres://postgres@127.0.0.1:5432/postgres); each bench
 * creates and drops databases of its own there.
 */
import { appendFileSync, existsSync, readdirSync, writeFileSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import { join } from "node:path";
import {
  benchContext,
  DEFAULT_BENCH_DATABASE_URL,
  describeMachine,
  engineVersions,
  round,
  type Benchmark,
  type BenchResult,
} from "./harness.js";

const BENCH_DIR = fileURLToPath(new URL(".", import.meta.url));
const RESULTS = join(BENCH_DIR, "RESULTS.md");

const HEADER = `# Benchmark results

Appended by \`npm run bench\` (one row per benchmark and engine, newest last). Each benchmark measures
a **baseline in the same run** on the same machine, so the ratio travels between machines better than
the absolute figures do.

Columns:
- **date**: when the run started (UTC).
- **bench / variant**: the benchmark (\`bench/<name>.bench.ts\`) and what it ran on (\`postgres\`, \`pglite\`, \`in-process\`).
- **ratio**: chibo's figure divided by the baseline's, read as the *ratio* note says (e.g. "parser ÷ fold msg/s":
  0.05 means the parser reads 5 % as many messages per second as a bare diacritics fold does).
- **baseline**: what was measured for the ratio's denominator.
- **figures**: absolute numbers (ms are medians unless named otherwise).
- **goal / met**: the issue's goal and whether this run met it (— when that variant has no goal).
- **machine**: CPU model, cores, memory, Node version; **engine**: database engine and version.

| date | bench | variant | ratio | ratio is | baseline | figures | goal | met | machine | engine |
|---|---|---|---|---|---|---|---|---|---|---|
`;

interface Args {
  only: Set<string> | null;
  record: boolean;
}

function parseArgs(argv: string[]): Args {
  let only: Set<string> | null = null;
  let record = true;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === "--only") only = new Set((argv[++i] ?? "").split(",").filter(Boolean));
    else if (arg.startsWith("--only=")) only = new Set(arg.slice(7).split(",").filter(Boolean));
    else if (arg === "--no-record") record = false;
    else throw new Error(`unknown argument ${arg} (use --only NAME[,NAME] or --no-record)`);
  }
  return { only, record };
}

function isBenchmark(value: unknown): value is Benchmark {
  const b = value as Partial<Benchmark> | undefined;
  return typeof b?.name === "string" && typeof b.title === "string" && typeof b.run === "function";
}

async function loadBenchmarks(): Promise<Benchmark[]> {
  const files = readdirSync(BENCH_DIR).filter((f) => f.endsWith(".bench.ts")).sort();
  const out: Benchmark[] = [];
  for (const file of files) {
    const mod = (await import(pathToFileURL(join(BENCH_DIR, file)).href)) as { bench?: unknown };
    if (!isBenchmark(mod.bench)) throw new Error(`${file} does not export \`bench\` ({ name, title, run })`);
    out.push(mod.bench);
  }
  return out;
}

const cell = (s: string) => s.replace(/\|/g, "\\|").replace(/\n/g, " ");

function figuresText(figures: BenchResult["figures"]): string {
  return Object.entries(figures)
    .map(([k, v]) => `${k}=${typeof v === "number" ? round(v).toLocaleString("en-US") : v}`)
    .join(", ");
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  const postgresUrl = process.env.BENCH_DATABASE_URL || DEFAULT_BENCH_DATABASE_URL;
  const all = await loadBenchmarks();
  const unknown = args.only ? [...args.only].filter((n) => !all.some((b) => b.name === n)) : [];
  if (unknown.length > 0) {
    console.error(`no benchmark named ${unknown.join(", ")}; known: ${all.map((b) => b.name).join(", ")}`);
    return 2;
  }
  const selected = all.filter((b) => !args.only || args.only.has(b.name));
  const machine = describeMachine();
  const engines = await engineVersions(postgresUrl);
  const machineText = `${machine.cpu}, ${machine.cores} cores, ${machine.memoryGb} GB, Node ${machine.node.replace(/^v/, "")}`;
  const date = new Date().toISOString().slice(0, 16).replace("T", " ");
  console.log(`chibo benchmarks ${date} UTC — ${machineText}; ${engines.postgres}; ${engines.pglite}`);

  const ctx = benchContext(postgresUrl, (line) => process.stderr.write(`  … ${line}\n`));
  const rows: string[] = [];
  let failed = 0;
  const runStarted = Date.now();
  for (const b of selected) {
    console.log(`\n▶ ${b.name}: ${b.title}`);
    const started = Date.now();
    let results: BenchResult[];
    try {
      results = await b.run(ctx);
    } catch (error) {
      failed++;
      console.log(`  FAILED: ${(error as Error).stack ?? String(error)}`);
      continue;
    } finally {
      await ctx.cleanup();
    }
    for (const r of results) {
      const engine = r.engine ?? (r.variant.startsWith("postgres") ? engines.postgres : r.variant.startsWith("pglite") ? engines.pglite : "—");
      const met = r.met === null ? "—" : r.met ? "yes" : "MISSED";
      console.log(`  [${r.variant}] ratio ${round(r.ratio)} (${r.ratioLabel}; baseline: ${r.baselineLabel})`);
      console.log(`      ${figuresText(r.figures)}`);
      console.log(`      goal ${r.goal}: ${met}`);
      rows.push(
        `| ${date} | ${b.name} | ${cell(r.variant)} | ${round(r.ratio)} | ${cell(r.ratioLabel)} | ${cell(r.baselineLabel)} | ${cell(figuresText(r.figures))} | ${cell(r.goal)} | ${met} | ${cell(machineText)} | ${cell(engine)} |`,
      );
    }
    console.log(`  (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  }
  console.log(`\nall benchmarks: ${((Date.now() - runStarted) / 1000).toFixed(1)} s`);
  if (args.record && rows.length > 0) {
    if (!existsSync(RESULTS)) writeFileSync(RESULTS, HEADER);
    appendFileSync(RESULTS, `${rows.join("\n")}\n`);
    console.log(`recorded ${rows.length} row(s) in bench/RESULTS.md`);
  }
  return failed > 0 ? 1 : 0;
}

process.exitCode = await main();
