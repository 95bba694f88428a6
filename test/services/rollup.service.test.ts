import { afterAll, beforeAll, expect, it } from "vitest";
import type { Db } from "../../src/db/schema.js";
import { defaultRollupPeriod, rollupFor, rollupTableOf } from "../../src/services/rollup.service.js";
import { describeEngines, freshDatabase, type TestDatabase } from "../support/engines.js";

const TODAY = "2025-11-20";
const SINCE = "2020-01-01";

/** A province of two communes with the cases a roll-up must get right, each cell named for its case. */
async function province(db: Db) {
  const org = async (code: string, kind: string, name: string, parentId: number | null, validFrom = SINCE, validTo: string | null = null) =>
    (
      await db
        .insertInto("org")
        .values({ code, kind, name, parent_id: parentId, area_kind: null, area_name: null, catchment: name.includes(" thôn ") ? "thon" : null, valid_from: validFrom, valid_to: validTo })
        .returning("id")
        .executeTakeFirstOrThrow()
    ).id;
  const rule = (orgId: number, r: { day?: number; nth?: number; weekday?: number; from?: string; to?: string | null }) =>
    db
      .insertInto("meeting_rule")
      .values({
        org_id: orgId,
        rule_kind: r.day !== undefined ? "day_of_month" : "nth_weekday",
        day_of_month: r.day ?? null,
        nth: r.nth ?? null,
        weekday: r.weekday ?? null,
        start_time: "19:30",
        place: "Nhà văn hóa",
        valid_from: r.from ?? SINCE,
        valid_to: r.to ?? null,
      })
      .execute();
  const report = async (orgId: number, period: string, status: "draft" | "submitted" | "accepted", data: Record<string, unknown>, form = "monthly-meeting") =>
    (
      await db
        .insertInto("report_submission")
        .values({ org_id: orgId, form, period, status, submitted_by: null, submitted_at: new Date(`${period}-09T12:00:00Z`), data: JSON.stringify(data), form_version: 1, accepted_by: null, accepted_at: null, source: "quick" })
        .returning("id")
        .executeTakeFirstOrThrow()
    ).id;
  const absent = (name: string, excused = false) => ({ name, excused });

  const p = await org("T", "dang_bo_tinh", "Đảng bộ tỉnh Thử", null);
  const a = await org("T-A", "dang_bo_xa", "Đảng bộ xã Ân Thi", p);
  const b = await org("T-B", "dang_bo_xa", "Đảng bộ xã Bình Gia", p);
  // Commune A: a fixed day, the second Wednesday, a cell closed mid-October, one closed before it, one opened after it.
  const dong = await org("T-A-DONG", "chi_bo_co_so", "Chi bộ thôn Đông", a);
  const bac = await org("T-A-BAC", "chi_bo_co_so", "Chi bộ thôn Bắc", a);
  const ai = await org("T-A-AI", "chi_bo_co_so", "Chi bộ thôn Ải", a, SINCE, "2025-10-15");
  const cu = await org("T-A-CU", "chi_bo_co_so", "Chi bộ thôn Cũ", a, SINCE, "2025-09-30");
  const moi = await org("T-A-MOI", "chi_bo_co_so", "Chi bộ thôn Mới", a, "2025-11-01");
  for (const id of [dong, ai, cu, moi]) await rule(id, { day: 5 });
  await rule(bac, { nth: 2, weekday: 3 });
  // Commune B: a cell under a basic-level committee, a meeting moved then cancelled, a meeting moved,
  // a cell with no rule, a rule replaced in the month with only a draft report.
  const coQuan = await org("T-B-CQ", "dang_bo_co_so", "Đảng bộ cơ quan xã Bình Gia", b);
  const vanPhong = await org("T-B-CQ-VP", "chi_bo_truc_thuoc", "Chi bộ Văn phòng", coQuan);
  const naPong = await org("T-B-NAPONG", "chi_bo_co_so", "Chi bộ thôn Nà Pồng", b);
  const khuoi = await org("T-B-KHUOI", "chi_bo_co_so", "Chi bộ thôn Khuổi", b);
  const lung = await org("T-B-LUNG", "chi_bo_co_so", "Chi bộ thôn Lũng", b);
  const pac = await org("T-B-PAC", "chi_bo_co_so", "Chi bộ thôn Pác", b);
  await rule(vanPhong, { day: 10 });
  await rule(naPong, { day: 5 });
  await rule(khuoi, { day: 5 });
  await rule(pac, { day: 5, to: "2025-10-20" });
  await rule(pac, { day: 28, from: "2025-10-20" });
  await db.insertInto("meeting_override").values({ org_id: naPong, period: "2025-10", new_date: "2025-10-20", new_time: "19:30", reason: "mùa gặt" }).execute();
  await db.insertInto("meeting_override").values({ org_id: naPong, period: "2025-10", new_date: null, new_time: null, cancelled: true, reason: "lũ" }).execute();
  await db.insertInto("meeting_override").values({ org_id: khuoi, period: "2025-10", new_date: "2025-10-12", new_time: "08:00", reason: "chủ nhật" }).execute();

  // Đông: the same member absent without reason three months running (spelt differently once), another excused in between.
  await report(dong, "2025-08", "accepted", { present: 8, members_expected: 10, absent_unexcused: 2, absentees: [absent("Lò Văn Tư"), absent("Hà Thị Năm")] });
  await report(dong, "2025-09", "accepted", { present: 9, members_expected: 10, absent_unexcused: 1, absentees: [absent(" lò văn tư "), absent("Hà Thị Năm", true)] });
  await report(dong, "2025-10", "accepted", { present: 9, members_expected: 10, absent_unexcused: 1, absentees: [absent("Lò Văn Tư "), absent("Hà Thị Năm")] });
  await report(dong, "2025-10", "submitted", { paid: 10 }, "party-dues");
  // Văn phòng: absent twice, then present in October: no run.
  await report(vanPhong, "2025-08", "accepted", { present: 9, members_expected: 10, absentees: [absent("Vi Văn Sáu")] });
  await report(vanPhong, "2025-09", "accepted", { present: 9, members_expected: 10, absentees: [absent("Vi Văn Sáu")] });
  await report(vanPhong, "2025-10", "submitted", { present: 8, members_expected: 10, absentees: [] });
  // Pác: the third month is only a draft: no run, and not reported.
  await report(pac, "2025-08", "accepted", { present: 9, members_expected: 10, absentees: [absent("Nông Văn Bảy")] });
  await report(pac, "2025-09", "accepted", { present: 9, members_expected: 10, absentees: [absent("Nông Văn Bảy")] });
  const pacDraft = await report(pac, "2025-10", "draft", { present: 9, members_expected: 10, absentees: [absent("Nông Văn Bảy")] });
  return { p, a, b, coQuan, vanPhong, pacDraft };
}

describeEngines("roll-up service: who reported, from one query", (engine) => {
  let t: TestDatabase;
  let ids: Awaited<ReturnType<typeof province>>;
  beforeAll(async () => {
    t = await freshDatabase(engine);
    ids = await province(t.db);
  });
  afterAll(() => t.close());

  it("gives each cell in force its due date, standing and attendance, in Vietnamese order (hand-checked)", async () => {
    const r = await rollupFor(t.db, null, ids.p, "2025-10", TODAY);
    const row = (c: (typeof r.cells)[number]) => [c.name, c.status, c.due, c.attendance, c.belowBar, c.unexcused];
    expect(r.cells.map(row)).toEqual([
      // Its parent is the basic-level committee, whose name sorts first ("cơ quan" before "xã").
      ["Chi bộ Văn phòng", "reported", "2025-10-13", 0.8, true, 0],
      ["Chi bộ thôn Ải", "late", "2025-10-08", null, false, 0],
      ["Chi bộ thôn Bắc", "late", "2025-10-11", null, false, 0],
      ["Chi bộ thôn Đông", "accepted", "2025-10-08", 0.9, false, 1],
      ["Chi bộ thôn Khuổi", "late", "2025-10-15", null, false, 0],
      ["Chi bộ thôn Lũng", "pending", null, null, false, 0],
      ["Chi bộ thôn Nà Pồng", "pending", null, null, false, 0],
      ["Chi bộ thôn Pác", "late", "2025-10-31", null, false, 0],
    ]);
    // A draft is not a report, but the roll-up still points at it.
    expect(r.cells.find((c) => c.name === "Chi bộ thôn Pác")!.reportId).toBe(ids.pacDraft);
    expect(r.groups.map((g) => [g.orgId, g.cells, g.reported, g.late, g.pending, g.belowBar, g.withUnexcused, g.attendance])).toEqual([
      [ids.coQuan, 1, 1, 0, 0, 1, 0, 0.8],
      [ids.a, 3, 1, 2, 0, 0, 1, 0.9],
      [ids.b, 4, 0, 2, 0, 0, 0, null],
    ]);
    // Lũng has no schedule and Nà Pồng cancelled its meeting: no report due, each said as such, not "pending".
    expect(r.groups.find((g) => g.orgId === ids.b)!.noMeeting).toBe(2);
    expect(r.cells.filter((c) => c.noMeeting).map((c) => [c.name, c.noMeeting])).toEqual([
      ["Chi bộ thôn Lũng", "no_schedule"],
      ["Chi bộ thôn Nà Pồng", "cancelled"],
    ]);
    expect([...r.repeatedAbsence.entries()]).toEqual([[r.cells.find((c) => c.name === "Chi bộ thôn Đông")!.orgId, ["Lò Văn Tư"]]]);
    expect(r.root).toEqual({ id: ids.p, name: "Đảng bộ tỉnh Thử", kind: "dang_bo_tinh" });
  });

  it("follows the cells in force in each month", async () => {
    const names = async (root: number, period: string) => (await rollupFor(t.db, null, root, period, TODAY)).cells.map((c) => c.name);
    expect(await names(ids.a, "2025-09")).toEqual(["Chi bộ thôn Ải", "Chi bộ thôn Bắc", "Chi bộ thôn Cũ", "Chi bộ thôn Đông"]);
    expect(await names(ids.a, "2025-10")).toEqual(["Chi bộ thôn Ải", "Chi bộ thôn Bắc", "Chi bộ thôn Đông"]);
    expect(await names(ids.a, "2025-11")).toEqual(["Chi bộ thôn Bắc", "Chi bộ thôn Đông", "Chi bộ thôn Mới"]);
    // A cell's own roll-up is that cell; a committee's reaches the cells under it.
    expect(await names(ids.vanPhong, "2025-10")).toEqual(["Chi bộ Văn phòng"]);
    expect(await names(ids.coQuan, "2025-10")).toEqual(["Chi bộ Văn phòng"]);
  });

  it("reads other forms against their own due dates, without the absence flag", async () => {
    const dues = await rollupFor(t.db, null, ids.a, "2025-10", TODAY, "party-dues");
    expect(dues.cells.map((c) => [c.name, c.status, c.due])).toEqual([
      ["Chi bộ thôn Ải", "late", "2025-10-10"],
      ["Chi bộ thôn Bắc", "late", "2025-10-13"],
      ["Chi bộ thôn Đông", "reported", "2025-10-10"],
    ]);
    expect(dues.repeatedAbsence.size).toBe(0);
    const quarter = await rollupFor(t.db, null, ids.a, "2025-Q3", TODAY, "village-quarterly");
    // Cũ closed on 30/09, the quarter's last day, before its deadline: the quarter is not its to answer for.
    expect(quarter.cells.map((c) => [c.name, c.status, c.due])).toEqual([
      ["Chi bộ thôn Ải", "late", "2025-10-10"],
      ["Chi bộ thôn Bắc", "late", "2025-10-10"],
      ["Chi bộ thôn Đông", "late", "2025-10-10"],
    ]);
  });

  it("opens on the latest period past its deadline: this month once most cells' deadlines passed, else the last", async () => {
    // Commune A's cells meet on the 5th (report due the 8th) and the second Wednesday (due three days later).
    expect(await defaultRollupPeriod(t.db, null, ids.a, "monthly-meeting", "2025-10-04")).toBe("2025-09");
    expect(await defaultRollupPeriod(t.db, null, ids.a, "monthly-meeting", "2025-10-09")).toBe("2025-10");
    // Quarterly forms are due ten days after the quarter, the rating on 20 December.
    expect(await defaultRollupPeriod(t.db, null, ids.a, "village-quarterly", "2025-10-05")).toBe("2025-Q2");
    expect(await defaultRollupPeriod(t.db, null, ids.a, "admissions", "2025-10-11")).toBe("2025-Q3");
    expect(await defaultRollupPeriod(t.db, null, ids.a, "annual-rating", "2025-12-20")).toBe("2024");
    expect(await defaultRollupPeriod(t.db, null, ids.a, "annual-rating", "2025-12-21")).toBe("2025");
  });

  it("gives each form's figures: per cell, per commune and in total, percentages from the sums", async () => {
    const dues = await rollupFor(t.db, null, ids.p, "2025-10", TODAY, "party-dues");
    const rows = rollupTableOf(dues, "Chi bộ trực thuộc");
    expect(rows.map((r) => [r.kind, r.name, r.reported, r.cells, r.values.paid])).toEqual([
      ["cell", "Chi bộ Văn phòng", 0, 1, null],
      ["subtotal", "Đảng bộ cơ quan xã Bình Gia", 0, 1, null],
      ["cell", "Chi bộ thôn Ải", 0, 1, null],
      ["cell", "Chi bộ thôn Bắc", 0, 1, null],
      ["cell", "Chi bộ thôn Đông", 1, 1, 10],
      ["subtotal", "Đảng bộ xã Ân Thi", 1, 3, 10],
      ["cell", "Chi bộ thôn Khuổi", 0, 1, null],
      ["cell", "Chi bộ thôn Lũng", 0, 1, null],
      ["cell", "Chi bộ thôn Nà Pồng", 0, 1, null],
      ["cell", "Chi bộ thôn Pác", 0, 1, null],
      ["subtotal", "Đảng bộ xã Bình Gia", 0, 4, null],
      ["total", "Đảng bộ tỉnh Thử", 1, 8, 10],
    ]);
    // Without the number liable, no share paid can be given.
    expect(rows[rows.length - 1]!.values.paid_pct).toBeNull();
  });

  it("says not found for an org that does not exist", async () => {
    await expect(rollupFor(t.db, null, 987_654, "2025-10", TODAY)).rejects.toMatchObject({ code: "not_found" });
  });
});
