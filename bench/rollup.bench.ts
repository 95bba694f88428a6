/**
 * "Who reported" (`rollupFor`) for one month over a synthetic province of 2,000 cells in 65 communes
 * with two years of monthly reports, as the province office sees it (access check included); and one
 * commune's (~31 cells), the view commune offices open most.
 * Baseline: `select count(*) from report_submission where form = … and period = …` in the same run.
 */
import type { Db } from "../src/db/schema.js";
import { loadActor } from "../src/services/actor.service.js";
import { rollupFor } from "../src/services/rollup.service.js";
import { medianMs, type Benchmark, type BenchResult } from "./harness.js";
import { measureOnBothEngines, type ProvinceEngine, type ProvinceSpec, type SeededProvince } from "./support/synthetic-province.js";

const GOAL_MS = 50;
const TODAY = "2025-11-20";
const PERIOD = "2025-10";
const FORM = "monthly-meeting";
const RUNS = 15;
const PROVINCE: ProvinceSpec = { communes: 65, cells: 2000, members: 0, months: 24, lastPeriod: "2025-11", lastPeriodShare: 0.6 };

async function measure(variant: ProvinceEngine, db: Db, p: SeededProvince): Promise<BenchResult> {
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
  const communeId = p.communeIds[0] as number;
  let communeCells = 0;
  const communeMs = await medianMs(
    async () => {
      communeCells = (await rollupFor(db, actor, communeId, PERIOD, TODAY)).cells.length;
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
    figures: {
      "rollup ms": rollupMs,
      "count(*) ms": countMs,
      cells,
      reported,
      "commune rollup ms": communeMs,
      "commune cells": communeCells,
      "reports in table": p.reports,
      "seed s": p.seedSeconds,
    },
    goal: variant === "postgres" ? `< ${GOAL_MS} ms` : "none (noted)",
    met: variant === "postgres" ? rollupMs < GOAL_MS : null,
  };
}

export const bench: Benchmark = {
  name: "rollup",
  title: "who reported: one month over 2,000 cells with two years of reports",
  run: (ctx) => measureOnBothEngines(ctx, PROVINCE, (variant, { db }, province) => measure(variant, db, province)),
};
