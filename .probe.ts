import { parseReport } from "./src/domain/parse/index.ts";
import { classifyMessage } from "./src/domain/parse/classify.ts";
const [form, text, now] = process.argv.slice(2);
const r = parseReport(form as any, text, { now: new Date(now ?? "2026-07-10T09:00:00+07:00") });
console.log(JSON.stringify(r, null, 0));
console.log("cls:", classifyMessage(text, { now: new Date(now ?? "2026-07-10T09:00:00+07:00") }).kind);
