/**
 * A synthetic province at full scale for benchmarks, written with batch inserts (seconds, not the
 * demo seed's row-by-row minutes): ~65 communes, 2,000 cells with meeting rules, optionally 70,000
 * members with roles, assigned cadres, office staff and messenger accounts, and monthly reports.
 * `measureOnBothEngines` runs a measurement on it in a fresh PostgreSQL database and a fresh PGlite.
 */
import { sql } from "kysely";
import type { DatabaseHandle } from "../../src/db/connection.js";
import type { ReportStatus } from "../../src/db/report.table.js";
import type { Db } from "../../src/db/schema.js";
import { timeMs, type BenchContext, type BenchResult } from "../harness.js";
import { inBatches, pad, prng, seedOrgTree, VALID_FROM } from "./seed-tree.js";

export { prng } from "./seed-tree.js";

export interface ProvinceSpec {
  communes: number;
  cells: number;
  /** Members across all cells (0: cells only, no people beyond the office). */
  members: number;
  /** Months of monthly-meeting and party-dues reports, ending with `lastPeriod`. */
  months: number;
  lastPeriod: string;
  /** Share of cells that reported `lastPeriod` (the current month, still in progress). */
  lastPeriodShare: number;
}

export interface Province {
  provinceId: number;
  communeIds: number[];
  cellIds: number[];
  /** A province office clerk: reaches everything. */
  officePersonId: number;
  reports: number;
  people: number;
}



/** `YYYY-MM` plus `delta` months. */
function addMonths(period: string, delta: number): string {
  const y = Number(period.slice(0, 4));
  const m = Number(period.slice(5, 7)) - 1 + delta;
  const year = y + Math.floor(m / 12);
  return `${year}-${String(((m % 12) + 12) % 12 + 1).padStart(2, "0")}`;
}


/**
 * Write the province into an empty, migrated database.
 *
 * @example await syntheticProvince(db, { communes: 65, cells: 2000, members: 0, months: 24, lastPeriod: "2025-11", lastPeriodShare: 0.6 })
 */
export async function syntheticProvince(db: Db, spec: ProvinceSpec): Promise<Province> {
  const rand = prng(20251129);
  const { provinceId, communeIds, cellIds } = await seedOrgTree(db, {
    prefix: "SYN",
    place: "Tổng Hợp",
    communes: spec.communes,
    cells: spec.cells,
    meeting: (i) => ({ day: 1 + (i % 27), time: i % 3 === 0 ? "19:00" : "19:30" }),
  });

  const person = (code: string, cellId: number | null, i: number) => ({
    code,
    full_name: `Người Tổng Hợp ${i}`,
    sex: i % 2 ? "F" : "M",
    birth_year: 1950 + (i % 50),
    ethnicity: "Tày",
    phone: `+849${pad(10_000_000 + i, 8)}`,
    membership: cellId === null ? null : i % 11 === 0 ? "probationary" : "full",
    admitted_on: cellId === null ? null : "2010-05-19",
    full_member_on: cellId === null || i % 11 === 0 ? null : "2011-05-19",
    exempt: i % 40 === 0,
    temp_attached: false,
    cell_id: cellId,
  });
  const { id: officePersonId } = await db.insertInto("person").values(person("SYN-VP-TINH", null, 0)).returning("id").executeTakeFirstOrThrow();
  const roles: { person_id: number; org_id: number; role: string; valid_from: string }[] = [
    { person_id: officePersonId, org_id: provinceId, role: "office_staff", valid_from: VALID_FROM },
  ];
  const accounts: { channel: string; platform_user_id: string; chat_id: string; person_id: number; linked_at: Date; last_seen_at: Date }[] = [];
  const assignments: { cadre_id: number; org_id: number; household_id: null; duties: string; valid_from: string }[] = [];
  let people = 1;

  if (spec.members > 0) {
    // Per commune: one office clerk and four committee members who each follow a share of its cells.
    const staff = communeIds.flatMap((communeId, c) =>
      Array.from({ length: 5 }, (_, k) => ({ communeId, row: person(`SYN-XA-${pad(c + 1, 3)}-${k}`, null, 100_000 + c * 5 + k) })),
    );
    const staffIds: number[] = [];
    await inBatches(staff, async (batch) => {
      for (const r of await db.insertInto("person").values(batch.map((s) => s.row)).returning("id").execute()) staffIds.push(r.id);
    });
    staff.forEach((s, i) => {
      const id = staffIds[i] as number;
      roles.push({ person_id: id, org_id: s.communeId, role: i % 5 === 0 ? "office_staff" : "commune_committee", valid_from: VALID_FROM });
    });
    people += staff.length;

    const perCell = Math.floor(spec.members / spec.cells);
    const memberRows = [];
    for (let c = 0; c < cellIds.length; c++) {
      const n = perCell + (c < spec.members - perCell * spec.cells ? 1 : 0);
      for (let m = 0; m < n; m++) memberRows.push({ cellIndex: c, m, row: person(`SYN-DV-${pad(c, 5)}-${pad(m, 3)}`, cellIds[c] as number, c * 100 + m) });
    }
    const memberIds: number[] = [];
    await inBatches(memberRows, async (batch) => {
      for (const r of await db.insertInto("person").values(batch.map((x) => x.row)).returning("id").execute()) memberIds.push(r.id);
    });
    people += memberRows.length;
    const seen = new Date("2025-11-01T00:00:00Z");
    memberRows.forEach((x, i) => {
      const id = memberIds[i] as number;
      const cellId = cellIds[x.cellIndex] as number;
      roles.push({ person_id: id, org_id: cellId, role: "member", valid_from: VALID_FROM });
      if (x.m === 0) roles.push({ person_id: id, org_id: cellId, role: "secretary", valid_from: VALID_FROM });
      if (x.m === 1) roles.push({ person_id: id, org_id: cellId, role: "deputy_secretary", valid_from: VALID_FROM });
      // Most members chat on Zalo, some on Telegram, a few on neither (they get no reminder).
      if (rand() < 0.92) {
        const channel = rand() < 0.7 ? "zalo" : "telegram";
        accounts.push({ channel, platform_user_id: `syn-${id}`, chat_id: `syn-${id}`, person_id: id, linked_at: seen, last_seen_at: seen });
      }
    });
    cellIds.forEach((cellId, c) => {
      const commune = c % communeIds.length;
      // Committee members of the cell's commune: staff indexes 5*commune + 1..4.
      const cadre = staffIds[commune * 5 + 1 + (c % 4)] as number;
      if (c % 10 !== 9) assignments.push({ cadre_id: cadre, org_id: cellId, household_id: null, duties: "Dự sinh hoạt chi bộ", valid_from: VALID_FROM });
    });
  }
  await inBatches(roles, (batch) => db.insertInto("role").values(batch).execute());
  await inBatches(accounts, (batch) => db.insertInto("chat_account").values(batch).execute());
  await inBatches(assignments, (batch) => db.insertInto("assignment").values(batch).execute());

  const reports = [];
  const firstPeriod = addMonths(spec.lastPeriod, -(spec.months - 1));
  for (let k = 0; k < spec.months; k++) {
    const period = addMonths(firstPeriod, k);
    const last = period === spec.lastPeriod;
    for (let c = 0; c < cellIds.length; c++) {
      if (last ? rand() > spec.lastPeriodShare : rand() < 0.03) continue;
      const expected = 30 + (c % 12);
      const excused = Math.floor(rand() * 3);
      const unexcused = rand() < 0.08 ? 1 : 0;
      const day = 1 + (c % 27);
      const submittedAt = new Date(`${period}-${pad(Math.min(day + 2, 28), 2)}T12:00:00Z`);
      const status: ReportStatus = last ? "submitted" : rand() < 0.9 ? "accepted" : "submitted";
      const base = {
        org_id: cellIds[c] as number,
        period,
        status,
        submitted_by: null,
        submitted_at: submittedAt,
        form_version: 1,
        accepted_by: null,
        accepted_at: status === "accepted" ? submittedAt : null,
        source: "quick",
      };
      reports.push({
        ...base,
        form: "monthly-meeting",
        data: JSON.stringify({
          meeting_date: `${period}-${pad(day, 2)}`,
          start_time: "19:30",
          present: expected - excused - unexcused,
          members_expected: expected,
          absent_excused: excused,
          absent_unexcused: unexcused,
          kind: k % 3 === 2 ? "thematic" : "regular",
          cadre_present: rand() < 0.8,
          duration_min: 90,
          absentees: unexcused ? [{ name: `Người Vắng ${c % 5}`, excused: false }] : [],
          content_items: ["Đánh giá kết quả tháng", "Phương hướng tháng tới"],
        }),
      });
      reports.push({ ...base, form: "party-dues", data: JSON.stringify({ period, liable: expected, paid: expected - excused, amount_vnd: 12_000 * expected }) });
    }
  }
  await inBatches(reports, (batch) => db.insertInto("report_submission").values(batch).execute());
  return { provinceId, communeIds, cellIds, officePersonId, reports: reports.length, people };
}

/** The engines a province benchmark runs on, in order. */
export type ProvinceEngine = "postgres" | "pglite";

export interface SeededProvince extends Province {
  /** Seconds the province took to write and analyze. */
  seedSeconds: number;
}

/**
 * Write the province into an empty, migrated database and `analyze` it: a live database has
 * statistics (autovacuum), a freshly loaded one gets them here, or the planner guesses.
 */
export async function seedProvince(ctx: BenchContext, variant: string, db: Db, spec: ProvinceSpec): Promise<SeededProvince> {
  let province: Province | undefined;
  const ms = await timeMs(async () => {
    province = await syntheticProvince(db, spec);
    await sql`analyze`.execute(db);
  });
  const p = province as Province;
  ctx.note(`${variant}: ${p.cellIds.length} cells, ${p.people} people, ${p.reports} reports written in ${(ms / 1000).toFixed(1)} s`);
  return { ...p, seedSeconds: ms / 1000 };
}

/**
 * Seed the province in a fresh PostgreSQL database, then in a fresh in-memory PGlite, and run
 * `measure` on each: one result per engine. Each database is dropped or closed after its run, even
 * when the measurement fails.
 *
 * @example return measureOnBothEngines(ctx, SPEC, (variant, { db }, province) => measure(variant, db, province))
 */
export async function measureOnBothEngines(
  ctx: BenchContext,
  spec: ProvinceSpec,
  measure: (variant: ProvinceEngine, handle: DatabaseHandle, province: SeededProvince) => Promise<BenchResult>,
): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  const pg = await ctx.freshPostgres();
  try {
    results.push(await measure("postgres", pg.handle, await seedProvince(ctx, "postgres", pg.handle.db, spec)));
  } finally {
    await pg.drop();
  }
  const lite = await ctx.freshPglite();
  try {
    results.push(await measure("pglite", lite, await seedProvince(ctx, "pglite", lite.db, spec)));
  } finally {
    await lite.close();
  }
  return results;
}
