/**
 * The parser bench's pass, counted by callgrind instead of timed: on a shared host the same code reads
 * 137–720 ms a pass by the clock from run to run, while the instructions of one pass and the misses of a
 * simulated cache stay within 2 % (the instruction misses of the last level within 0.1 %). Warms up
 * uncounted, then counts `passes` passes and dumps them (about ten minutes on a loaded 2-core host).
 *
 * @example
 * valgrind --tool=callgrind --instr-atstart=no --cache-sim=yes --I1=32768,8,64 --D1=32768,8,64 \
 *   --LL=524288,8,64 --smc-check=all-non-file --callgrind-out-file=/tmp/parser.%p \
 *   node --single-threaded --import tsx bench/support/parser-callgrind.ts 15 1
 * # then the `summary:` line of /tmp/parser.<pid>.1: Ir … I1mr … ILmr DLmr DLmw
 */
import { execFileSync } from "node:child_process";
import { classifyMessage } from "../../src/domain/parse/classify.js";
import { isFormName, parseReport } from "../../src/domain/parse/index.js";
import { loadCorpus } from "../parser.bench.js";

const DEFAULT_WARM_UP = 15;
const DEFAULT_PASSES = 1;

const inputs = loadCorpus();

function pass(): void {
  for (const x of inputs) {
    if (isFormName(x.form)) parseReport(x.form, x.text, { now: x.now });
    else classifyMessage(x.text, { now: x.now });
  }
}

const warmUp = Number(process.argv[2] ?? DEFAULT_WARM_UP);
const passes = Number(process.argv[3] ?? DEFAULT_PASSES);
for (let i = 0; i < warmUp; i++) pass();
// TurboFan still recompiles now and then after 15 passes; fewer warm-up passes count its work too.
execFileSync("callgrind_control", ["--instr=on", String(process.pid)]);
for (let i = 0; i < passes; i++) pass();
execFileSync("callgrind_control", ["--dump", String(process.pid)]);
