/**
 * Quick-report parser throughput over the monthly-meeting corpus.
 * Run: npx tsx bench/parser.bench.ts  (target: ≥ 20,000 messages/s on one core)
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parseReport } from "../src/domain/parse/index.js";

const file = fileURLToPath(new URL("../test/fixtures/parse/monthly-meeting.jsonl", import.meta.url));
const lines = readFileSync(file, "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l) as { text: string; now: string });
const inputs = lines.map((l) => ({ text: l.text, now: new Date(l.now) }));

for (let i = 0; i < 3000; i++) { const x = inputs[i % inputs.length]!; parseReport("monthly-meeting", x.text, { now: x.now }); }
const rounds = 200;
const start = process.hrtime.bigint();
for (let r = 0; r < rounds; r++) for (const x of inputs) parseReport("monthly-meeting", x.text, { now: x.now });
const seconds = Number(process.hrtime.bigint() - start) / 1e9;
const n = rounds * inputs.length;
console.log(`monthly-meeting: ${n} messages in ${seconds.toFixed(2)} s = ${Math.round(n / seconds)} messages/s`);
