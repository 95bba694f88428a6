// usage: npx tsx snap.ts out.jsonl  (run from a checkout root)
import { readdirSync, readFileSync, writeFileSync, statSync } from "node:fs";
import { parseReport, FORMS } from "./src/domain/parse/index.ts";
import { classifyMessage } from "./src/domain/parse/classify.ts";
const root = "test/fixtures/parse";
const files: string[] = [];
for (const e of readdirSync(root)) {
  const p = `${root}/${e}`;
  if (statSync(p).isDirectory()) for (const f of readdirSync(p)) { if (f.endsWith(".jsonl")) files.push(`${e}/${f}`); }
  else if (e.endsWith(".jsonl")) files.push(e);
}
const out: string[] = [];
for (const f of files.sort()) {
  const form = f.split("/").pop()!.replace(".jsonl", "");
  const lines = readFileSync(`${root}/${f}`, "utf8").split("\n").filter((l) => l.trim());
  lines.forEach((l, i) => {
    const c = JSON.parse(l);
    const now = new Date(c.now);
    const forms = (FORMS as readonly string[]).includes(form) ? [form] : [...FORMS];
    const res: Record<string, unknown> = {};
    for (const fm of forms) {
      try { const r = parseReport(fm as any, c.text, { now }); res[fm] = r.ok ? r.fields : { refused: r.errors }; } catch (e) { res[fm] = { crash: String(e) }; }
    }
    let k: unknown;
    try { k = classifyMessage(c.text, { now }).kind; } catch (e) { k = "CRASH"; }
    out.push(JSON.stringify({ id: `${f}:${i + 1}`, kind: c.kind, cls: k, res }));
  });
}
writeFileSync(process.argv[2], out.join("\n") + "\n");
console.log(out.length);
