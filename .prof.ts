import { loadCorpus } from "./bench/parser.bench.ts";
import { classifyMessage } from "./src/domain/parse/classify.ts";
import { isFormName, parseReport } from "./src/domain/parse/index.ts";
const inputs = loadCorpus();
const t0 = Date.now(); let n = 0;
for (let r = 0; r < 40; r++) for (const x of inputs) { if (isFormName(x.form)) parseReport(x.form, x.text, { now: x.now }); else classifyMessage(x.text, { now: x.now }); n++; }
console.log(n / ((Date.now() - t0) / 1000));
