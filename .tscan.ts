import { readdirSync, readFileSync, statSync } from "node:fs";
import { repairTelex } from "./src/domain/text/telex.ts";
const root = "test/fixtures/parse";
const files: string[] = [];
for (const e of readdirSync(root)) { const p = `${root}/${e}`; if (statSync(p).isDirectory()) for (const f of readdirSync(p)) files.push(`${p}/${f}`); else files.push(p); }
for (const f of files) for (const l of readFileSync(f, "utf8").split("\n")) { if (!l.trim()) continue; const t = JSON.parse(l).text as string;
  const r = repairTelex(t); if (r === t) continue;
  const a = t.split(/(\s+)/), b = r.split(/(\s+)/);
  if (a.length !== b.length) { console.log("LEN", t.slice(0,80)); continue; }
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i] && /^[^a-z]*[A-Z]/.test(a[i]!)) console.log(JSON.stringify(a[i]), "->", b[i], "|", a.slice(Math.max(0,i-4), i+5).join(""));
}
