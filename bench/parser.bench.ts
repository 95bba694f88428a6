/**
 * Quick-report parser throughput over the whole corpus (`test/fixtures/parse/*.jsonl`): each form's
 * file through `parseReport`, `classify.jsonl` through `classifyMessage` (what the bot runs on free text).
 * Baseline: `fold()` over the same texts — reading the text and nothing more.
 */
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import v8 from "node:v8";
import { classifyMessage } from "../src/domain/parse/classify.js";
import { isFormName, parseReport } from "../src/domain/parse/index.js";
import { fold } from "../src/domain/text/fold.js";
import { median, type Benchmark } from "./harness.js";

const CORPUS_DIR = fileURLToPath(new URL("../test/fixtures/parse/", import.meta.url));
const GOAL_PER_SECOND = 20_000;
const TRIALS = 5;
/** Each trial reads the corpus this many times (~0.3 s per parser trial on a 2-core machine). */
const ROUNDS = 30;

interface Input {
  form: string;
  text: string;
  now: Date;
}

export function loadCorpus(): Input[] {
  const inputs: Input[] = [];
  for (const file of readdirSync(CORPUS_DIR).filter((f) => f.endsWith(".jsonl")).sort()) {
    const form = file.replace(/\.jsonl$/, "");
    for (const line of readFileSync(`${CORPUS_DIR}${file}`, "utf8").split("\n")) {
      if (!line.trim()) continue;
      const { text, now } = JSON.parse(line) as { text: string; now: string };
      inputs.push({ form, text, now: new Date(now) });
    }
  }
  return inputs;
}

function parseAll(inputs: readonly Input[]): number {
  let ok = 0;
  for (const x of inputs) {
    if (isFormName(x.form)) ok += parseReport(x.form, x.text, { now: x.now }).ok ? 1 : 0;
    else ok += classifyMessage(x.text, { now: x.now }).kind === "chatter" ? 0 : 1;
  }
  return ok;
}

function foldAll(inputs: readonly Input[]): number {
  let n = 0;
  for (const x of inputs) n += fold(x.text).length;
  return n;
}

/**
 * The isolate's executable memory in MB (code space and large code objects). V8 compiles a pattern without its
 * optimisations once this passes 16 MB (and 1 MB of regex code has been generated): `TooMuchRegExpCode` in V8's
 * src/regexp/regexp.cc. A pattern tiers up to machine code on its second run, so after two passes every pattern the
 * corpus reaches is compiled: any compiled past 16 MB runs unoptimised for the life of the process.
 */
function executableMegabytes(): number {
  let bytes = 0;
  for (const space of v8.getHeapSpaceStatistics()) {
    if (space.space_name === "code_space" || space.space_name === "code_large_object_space") bytes += space.space_size;
  }
  return bytes / 2 ** 20;
}

function perSecond(inputs: readonly Input[], pass: (inputs: readonly Input[]) => number): number {
  const start = process.hrtime.bigint();
  let sink = 0;
  for (let r = 0; r < ROUNDS; r++) sink += pass(inputs);
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (sink < 0) throw new Error("unreachable");
  return (ROUNDS * inputs.length) / seconds;
}

export const bench: Benchmark = {
  name: "parser",
  title: "quick-report parser, messages per second over the corpus",
  async run() {
    const inputs = loadCorpus();
    // Warm the JIT on both passes before measuring.
    let codeAfterTwo = 0;
    for (let i = 0; i < 5; i++) {
      parseAll(inputs);
      if (i === 1) codeAfterTwo = executableMegabytes();
      foldAll(inputs);
    }
    const parser: number[] = [];
    const baseline: number[] = [];
    // Interleaved trials: a noisy neighbour slows both sides alike.
    for (let t = 0; t < TRIALS; t++) {
      baseline.push(perSecond(inputs, foldAll));
      parser.push(perSecond(inputs, parseAll));
    }
    const msgPerS = median(parser);
    const foldPerS = median(baseline);
    return [
      {
        variant: "in-process",
        ratio: msgPerS / foldPerS,
        ratioLabel: "parser ÷ fold, messages/s",
        baselineLabel: "fold() of the same texts",
        figures: {
          "parser msg/s": Math.round(msgPerS),
          "fold msg/s": Math.round(foldPerS),
          "µs/msg": 1e6 / msgPerS,
          messages: inputs.length,
          "avg chars": Math.round(inputs.reduce((a, x) => a + x.text.length, 0) / inputs.length),
          "code MB after 2 passes (V8 line 16)": Math.round(codeAfterTwo * 100) / 100,
        },
        goal: `≥ ${GOAL_PER_SECOND.toLocaleString("en-US")} msg/s`,
        met: msgPerS >= GOAL_PER_SECOND,
      },
    ];
  },
};
