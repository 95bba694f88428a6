/**
 * How much machine code the parser's regular expressions compile to: every pattern one bench pass runs (each source,
 * flags and subject width V8 compiles apart), compiled again alone in fresh processes and measured with
 * `v8.getHeapCodeStatistics()`. V8 compiles a pattern without its optimisations once the process holds more than
 * 16 MB of executable memory (`kRegExpExecutableMemoryLimit`, src/regexp/regexp.cc), and every pattern a message
 * runs competes for a core's 512 KB second-level cache: the total below is the figure to bring down. Each child
 * compiles at most `BATCH` patterns, so every one is measured optimised.
 *
 * @example
 * node --import tsx bench/support/parser-regex-code.ts      # totals, then the 30 largest
 * node --import tsx bench/support/parser-regex-code.ts 100  # the 100 largest
 */
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import v8 from "node:v8";
import { classifyMessage } from "../../src/domain/parse/classify.js";
import { isFormName, parseReport } from "../../src/domain/parse/index.js";
import { loadCorpus } from "../parser.bench.js";

interface Pattern {
  source: string;
  flags: string;
  /** Run on a two-byte string (any character above U+00FF): V8 compiles such a pattern a second time. */
  twoByte: boolean;
  /** Runs in one pass of the corpus. */
  runs: number;
}

interface Sized extends Pattern {
  bytes: number;
}

const BATCH = 100;
const DEFAULT_SHOWN = 30;
const TWO_BYTE = /[^\u0000-\u00ff]/;

/** Every pattern one pass runs, with its run count (`exec` is what `test`, `match`, `replace` and `split` call). */
function collect(): Pattern[] {
  const exec = RegExp.prototype.exec;
  const seen = new Map<string, Pattern>();
  RegExp.prototype.exec = function (this: RegExp, s: string) {
    const twoByte = exec.call(TWO_BYTE, s) !== null;
    const key = `${this.source}\u0000${this.flags}\u0000${twoByte}`;
    const known = seen.get(key);
    if (known) known.runs++;
    else seen.set(key, { source: this.source, flags: this.flags, twoByte, runs: 1 });
    return exec.call(this, s);
  };
  try {
    for (const x of loadCorpus()) {
      if (isFormName(x.form)) parseReport(x.form, x.text, { now: x.now });
      else classifyMessage(x.text, { now: x.now });
    }
  } finally {
    RegExp.prototype.exec = exec;
  }
  return [...seen.values()];
}

/** In a child: compile each pattern of the batch on stdin (three runs: V8 tiers a pattern up on its second) and size it. */
function measure(batch: Pattern[]): Sized[] {
  return batch.map((p) => {
    const re = new RegExp(p.source, p.flags);
    const subject = p.twoByte ? "x ạ" : "x a";
    const before = v8.getHeapCodeStatistics().code_and_metadata_size;
    for (let i = 0; i < 3; i++) {
      re.lastIndex = 0;
      re.exec(subject);
    }
    return { ...p, bytes: v8.getHeapCodeStatistics().code_and_metadata_size - before };
  });
}

if (process.argv[2] === "--child") {
  const batch = JSON.parse(await new Response(process.stdin as unknown as ReadableStream).text()) as Pattern[];
  process.stdout.write(JSON.stringify(measure(batch)));
} else {
  const shown = Number(process.argv[2] ?? DEFAULT_SHOWN);
  const patterns = collect();
  const sized: Sized[] = [];
  for (let i = 0; i < patterns.length; i += BATCH) {
    const out = execFileSync(process.execPath, ["--import", "tsx", fileURLToPath(import.meta.url), "--child"], {
      input: JSON.stringify(patterns.slice(i, i + BATCH)),
      maxBuffer: 64 * 1024 * 1024,
    });
    sized.push(...(JSON.parse(out.toString()) as Sized[]));
  }
  sized.sort((a, b) => b.bytes - a.bytes);
  const mb = (n: number): string => (n / 1048576).toFixed(2);
  const total = sized.reduce((a, p) => a + p.bytes, 0);
  const twoByte = sized.filter((p) => p.twoByte).reduce((a, p) => a + p.bytes, 0);
  console.log(`${sized.length} compiled patterns, ${mb(total)} MB of machine code (${mb(twoByte)} MB for two-byte subjects)`);
  for (const p of sized.slice(0, shown)) {
    const kb = (p.bytes / 1024).toFixed(1).padStart(7);
    console.log(`${kb} KB ${String(p.runs).padStart(6)} runs ${p.twoByte ? "2B" : "  "} /${p.flags.padEnd(3)} ${p.source.slice(0, 100)}`);
  }
}
