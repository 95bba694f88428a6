/**
 * Start-up of the `chibo` command itself: `node bin/chibo.js --help` after `npm run build` (plain Node
 * on dist/, no TypeScript transform), and the same from the sources through tsx, each against
 * `node -e 0` in the same run (runs interleaved, medians). Goal (issue 17): ≤ 4× `node -e 0`.
 * Builds dist/ first when it is missing or older than a source file.
 */
import { spawnSync } from "node:child_process";
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { median, type Benchmark } from "./harness.js";

const ROOT = fileURLToPath(new URL("../", import.meta.url));
const RUNS = 15;
const GOAL = 4;

function newest(dir: string): number {
  return Math.max(0, ...readdirSync(join(ROOT, dir), { recursive: true }).map((f) => statSync(join(ROOT, dir, String(f))).mtimeMs));
}

function buildIsFresh(): boolean {
  try {
    return statSync(join(ROOT, "dist", "BUILD")).mtimeMs >= Math.max(newest("src"), newest("migrations"));
  } catch {
    return false;
  }
}

function timeRun(args: string[]): number {
  const started = process.hrtime.bigint();
  const result = spawnSync(process.execPath, args, { cwd: ROOT, stdio: "ignore", env: { PATH: process.env.PATH ?? "" } });
  if (result.status !== 0) throw new Error(`node ${args.join(" ")} exited ${result.status}`);
  return Number(process.hrtime.bigint() - started) / 1e6;
}

export const bench: Benchmark = {
  name: "cli-start",
  title: "chibo --help: the built command against node -e 0",
  async run(ctx) {
    if (!buildIsFresh()) {
      ctx.note("building dist/ (npm run build)");
      const build = spawnSync(process.execPath, [join(ROOT, "scripts", "build.js")], { stdio: "inherit" });
      if (build.status !== 0) throw new Error("npm run build failed");
    }
    const fromSource = `const { main } = await import(${JSON.stringify(pathToFileURL(join(ROOT, "src", "cli.ts")).href)}); process.exitCode = await main(["--help"], {}, { stdin: process.stdin, stdout: { write() { return true; } }, stderr: process.stderr });`;
    const node: number[] = [];
    const built: number[] = [];
    const source: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      node.push(timeRun(["-e", "0"]));
      built.push(timeRun([join(ROOT, "bin", "chibo.js"), "--help"]));
      source.push(timeRun(["--import", "tsx", "--input-type=module", "-e", fromSource]));
    }
    const base = median(node);
    const help = median(built);
    const tsx = median(source);
    return [
      {
        variant: "dist",
        ratio: help / base,
        ratioLabel: "chibo --help (dist/) ÷ node -e 0, ms",
        baselineLabel: `node -e "0": ${Math.round(base)} ms`,
        figures: { "chibo --help ms (dist/)": help, "from sources via tsx ms": tsx, "tsx ÷ node": tsx / base, "node -e 0 ms": base, runs: RUNS },
        goal: `≤ ${GOAL}× node -e 0`,
        met: help / base <= GOAL,
        engine: "none",
      },
    ];
  },
};
