/**
 * Planning one morning's reminders for a province of 70,000 members in 2,000 cells: `planIntoOutbox`
 * (read the snapshot, plan, route to accounts, write the outbox in one transaction) at 07:00 local
 * time, as the scheduler's first tick of the day does. Baseline: reading the same tables with plain
 * queries (what the planner cannot avoid), in the same run. PostgreSQL, and PGlite noted.
 */
import type { Db } from "../src/db/schema.js";
import { planIntoOutbox } from "../src/services/planner.service.js";
import { median, timeMs, type Benchmark, type BenchResult } from "./harness.js";
import { measureOnBothEngines, type ProvinceEngine, type ProvinceSpec, type SeededProvince } from "./support/synthetic-province.js";

const GOAL_MS = 2000;
const TZ = "Asia/Ho_Chi_Minh";
/** 07:00 in Vietnam on a Monday: the d0/d3 meeting reminders and the report chain's morning steps. */
const MORNING = new Date("2025-11-03T00:00:00Z");
const RUNS = 3;
const PROVINCE: ProvinceSpec = { communes: 65, cells: 2000, members: 70_000, months: 12, lastPeriod: "2025-10", lastPeriodShare: 0.97 };

/** The planner's inputs read back with plain queries, nothing computed. */
async function plainLoad(db: Db): Promise<number> {
  const results = await Promise.all([
    db.selectFrom("org").select(["id", "parent_id", "name", "kind", "valid_from", "valid_to"]).execute(),
    db.selectFrom("meeting_rule").selectAll().execute(),
    db.selectFrom("meeting_override").selectAll().execute(),
    db.selectFrom("role").select(["person_id", "org_id", "role"]).execute(),
    db.selectFrom("assignment").select(["cadre_id", "org_id"]).execute(),
    db.selectFrom("app_setting").selectAll().execute(),
    db.selectFrom("report_submission").select(["org_id", "form", "period"]).where("status", "in", ["submitted", "accepted"]).execute(),
    db.selectFrom("chat_account").select(["id", "person_id", "channel", "chat_id"]).where("reachable", "=", true).execute(),
  ]);
  return results.reduce((n, rows) => n + rows.length, 0);
}

async function measure(variant: ProvinceEngine, db: Db, province: SeededProvince): Promise<BenchResult> {
  const planTimes: number[] = [];
  const loadTimes: number[] = [];
  let planned = 0;
  let inserted = 0;
  let rows = 0;
  // Warm both paths once (JIT, plan caches), then alternate so machine noise hits both alike.
  await plainLoad(db);
  await planIntoOutbox(db, { now: MORNING, tz: TZ });
  for (let i = 0; i < RUNS; i++) {
    await db.deleteFrom("outbox").execute();
    loadTimes.push(await timeMs(async () => (rows = await plainLoad(db))));
    planTimes.push(await timeMs(async () => ({ planned, inserted } = await planIntoOutbox(db, { now: MORNING, tz: TZ }))));
  }
  const planMs = median(planTimes);
  const loadMs = median(loadTimes);
  return {
    variant,
    ratio: planMs / loadMs,
    ratioLabel: "plan into outbox ÷ plain load, ms",
    baselineLabel: "the same tables read with plain queries",
    figures: { "plan ms": planMs, "plain load ms": loadMs, "rows loaded": rows, planned, "outbox rows written": inserted, people: province.people, "seed s": province.seedSeconds },
    goal: `< ${GOAL_MS.toLocaleString("en-US")} ms`,
    met: planMs < GOAL_MS,
  };
}

export const bench: Benchmark = {
  name: "planning",
  title: "one morning's reminders for 70,000 members in 2,000 cells",
  run: (ctx) => measureOnBothEngines(ctx, PROVINCE, (variant, { db }, province) => measure(variant, db, province)),
};
