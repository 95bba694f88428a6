/**
 * "Who reported" (`rollupFor`) for one month over a synthetic province of 2,000 cells in 65 communes
 * with two years of monthly reports, as the province office sees it (access check included).
 * Baseline: `select count(*) from report_submission where form = … and period = …` in the same run.
 */
import { sql } from "kysely";
import type { DatabaseHandle } from "../src/db/connection.js";
import { loadActor } from "../src/services/actor.service.js";
import { rollupFor } from "../src/services/rollup.service.js";
import { medianMs, timeMs, type Benchmark, type BenchContext, type BenchResult } from "./harness.js";
import { syntheticProvince } from "./support/synthetic-province.js";

const GOAL_MS = 50;
const TODAY = "2025-11-20";
const PERIOD = "2025-10";
const FORM = "monthly-meeting";
const RUNS = 15;

async function measure(ctx: BenchContext, variant: "postgres" | "pglite", handle: DatabaseHandle): Promise<BenchResult> {
  const { db } = handle;
  let province;
  const seedMs = await timeMs(async () => {
    province = await syntheticProvince(db, { communes: 65, cells: 2000, members: 0, months: 24, lastPeriod: "2025-11", lastPeriodShare: 0.6 });
    // A live database has statistics (autovacuum); a freshly loaded one gets them here.
    await sql`analyze`.execute(db);
  });
  const p = province as unknown as Awaited<ReturnType<typeof syntheticProvince>>;
  ctx.note(`${variant}: ${p.cellIds.length} cells, ${p.reports} reports written in ${(seedMs / 1000).toFixed(1)} s`);
  const actor = await loadActor(db, p.officePersonId, TODAY);
  let cells = 0;
  let reported = 0;
  const rollupMs = await medianMs(
    async () => {
      const r = await rollupFor(db, actor, p.provinceId, PERIOD, TODAY);
      cells = r.cells.length;
      reported = r.cells.filter((c) => c.status === "reported" || c.status === "accepted").length;
    },
    { runs: RUNS },
  );
  let counted = 0;
  const countMs = await medianMs(
    async () => {
      const row = await db
        .selectFrom("report_submission")
        .select((eb) => eb.fn.countAll<string>().as("n"))
        .where("form", "=", FORM)
        .where("period", "=", PERIOD)
        .executeTakeFirstOrThrow();
      counted = Number(row.n);
    },
    { runs: RUNS },
  );
  if (reported !== counted) throw new Error(`roll-up says ${reported} reported, count(*) says ${counted}`);
  return {
    variant,
    ratio: rollupMs / countMs,
    ratioLabel: "roll-up ÷ count(*), ms",
    baselineLabel: "select count(*) for the form and period",
    figures: { "rollup ms": rollupMs, "count(*) ms": countMs, cells, reported, "reports in table": p.reports, "seed s": seedMs / 1000 },
    goal: variant === "postgres" ? `< ${GOAL_MS} ms` : "none (noted)",
    met: variant === "postgres" ? rollupMs < GOAL_MS : null,
  };
}

export const bench: Benchmark = {
  name: "rollup",
  title: "who reported: one month over 2,000 cells with two years of reports",
  async run(ctx) {
    const results: BenchResult[] = [];
    const pg = await ctx.freshPostgres();
    try {
      results.push(await measure(ctx, "postgres", pg.handle));
    } finally {
      await pg.drop();
    }
    const lite = await ctx.freshPglite();
    try {
      results.push(await measure(ctx, "pglite", lite));
    } finally {
      await lite.close();
    }
    return results;
  },
};
