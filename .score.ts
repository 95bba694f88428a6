// usage: npx tsx /work/score/score.ts held-out-23a [held-out-23b ...]   (run from a checkout root)
import { scoreCorpus, loadCorpus, hasCorpus } from "./test/domain/parse/corpus-score.ts";
const FORMS = ["monthly-meeting", "village-quarterly", "admissions", "party-dues", "annual-rating"] as const;
const verbose = process.argv.includes("-v");
for (const d of process.argv.slice(2).filter((a) => a !== "-v")) {
  let R = 0, T = 0, N = 0, A = 0;
  const rows: string[] = [];
  for (const f of FORMS) {
    if (!hasCorpus(`${d}/${f}`)) continue;
    const s = scoreCorpus(f as any, loadCorpus(`${d}/${f}`));
    R += s.right; T += s.total; N += s.nonReports; A += s.toldApart;
    rows.push(`  ${f}: ${s.right}/${s.total} = ${((s.right / s.total) * 100).toFixed(1)}%  non-reports ${s.toldApart}/${s.nonReports}  crashes ${s.crashes}`);
    if (verbose) rows.push(...s.failures.map((x) => `      ✗ ${x}`));
  }
  console.log(`${d}: ${R}/${T} = ${((R / T) * 100).toFixed(1)}%  non-reports ${A}/${N}`);
  console.log(rows.join("\n"));
}
