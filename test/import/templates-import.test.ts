import { fileURLToPath } from "node:url";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DemoRefusedError, holdsNonDemoData, seedDemo } from "../../src/db/demo-seed.js";
import { meetingRules } from "../../src/db/schedule.repository.js";
import type { ImportIssue } from "../../src/domain/import/issues.js";
import { readTableFile } from "../../src/services/import-reader.js";
import { runImport, type ImportKind, type ImportOutcome } from "../../src/services/import.service.js";
import { describeEngines, freshDatabase, type TestDatabase } from "../support/engines.js";
import { tempDir, writeCsv } from "./fixtures.js";

const NOW = new Date("2026-11-29T03:00:00Z");
const TODAY = "2026-11-29";
const TZ = "Asia/Ho_Chi_Minh";
const template = (name: string) => fileURLToPath(new URL(`../../templates/${name}`, import.meta.url));
const FILES: [ImportKind, string][] = [
  ["units", "don-vi"],
  ["people", "dang-vien"],
  ["households", "ho-gia-dinh"],
  ["assignments", "phan-cong"],
];

describeEngines("the four templates on an empty database", (engine) => {
  let d: TestDatabase;
  let dir: string;
  const importFile = async (kind: ImportKind, path: string, dryRun = false): Promise<ImportOutcome> => {
    const { table } = await readTableFile(path);
    return runImport(d.db, kind, table, { now: NOW, tz: TZ, fileHash: "test", dryRun });
  };
  const issuesOf = (outcome: ImportOutcome): Pick<ImportIssue, "line" | "column" | "code">[] =>
    outcome.ok ? [] : outcome.issues.map(({ line, column, code }) => (column ? { line, column, code } : { line, code }));
  const idOf = async (table: "org" | "person" | "household", code: string) => (await d.db.selectFrom(table).select("id").where("code", "=", code).executeTakeFirstOrThrow()).id;
  /** Every row an import may touch, read back. */
  const state = async () => {
    const rows = async (table: "org" | "person" | "role" | "household" | "assignment" | "meeting_rule" | "audit_log") =>
      (await sql<Record<string, unknown>>`select * from ${sql.table(table)} order by id`.execute(d.db)).rows.map((r) => JSON.stringify(r));
    return { org: await rows("org"), person: await rows("person"), role: await rows("role"), household: await rows("household"), assignment: await rows("assignment"), rule: await rows("meeting_rule"), audit: await rows("audit_log") };
  };

  beforeAll(async () => {
    d = await freshDatabase(engine);
    dir = tempDir();
  });
  afterAll(() => d.close());

  it("a dry run of the units template writes nothing", async () => {
    expect(await holdsNonDemoData(d.db)).toBe(false);
    const outcome = await importFile("units", template("don-vi.csv"), true);
    expect(outcome).toMatchObject({ ok: true, dryRun: true, counts: { created: 11, rules: 8 } });
    expect((await state()).org).toEqual([]);
  });

  it("imports units, people, households and assignments from the csv templates in that order; the xlsx templates then change nothing", async () => {
    const results = [];
    for (const [kind, name] of FILES) results.push(await importFile(kind, template(`${name}.csv`)));
    expect(results.map((r) => r.ok)).toEqual([true, true, true, true]);
    expect(results.map((r) => (r.ok ? r.counts.created : -1))).toEqual([11, 15, 4, 6]);

    // The province is the root; every unit hangs under it.
    const province = await d.db.selectFrom("org").selectAll().where("code", "=", "TINH-LS").executeTakeFirstOrThrow();
    expect(province).toMatchObject({ kind: "dang_bo_tinh", parent_id: null });

    // Rules: own ones, the commune's default for a village cell without one, none for an agency cell without one.
    const cells = Object.fromEntries(await Promise.all(["CB-POLAI", "CB-BANCHANG", "CB-NATHUA", "CB-TANHOA1", "CB-TANHOA2", "CB-TANVAN-CQ"].map(async (c) => [c, await idOf("org", c)] as const)));
    const rules = await meetingRules(d.db, TODAY, Object.values(cells));
    expect(rules.get(cells["CB-POLAI"]!)).toEqual({ kind: "day_of_month", day: 5, startTime: "19:30", place: "Nhà văn hóa thôn Pò Lài", thematicMonth: 3 });
    expect(rules.get(cells["CB-BANCHANG"]!)).toEqual({ kind: "day_of_month", day: 5, startTime: "19:30", place: "Nhà văn hóa thôn", thematicMonth: 3 });
    expect(rules.get(cells["CB-NATHUA"]!)).toMatchObject({ kind: "nth_weekday", nth: 1, weekday: 6, startTime: "19:00" });
    expect(rules.get(cells["CB-TANHOA1"]!)).toMatchObject({ kind: "lunar_day", day: 5 });
    expect(rules.get(cells["CB-TANHOA2"]!)).toMatchObject({ kind: "day_of_month", day: 7, startTime: "19:30" });
    expect(rules.get(cells["CB-TANVAN-CQ"]!)).toMatchObject({ kind: "day_of_month", day: 3, startTime: "14:00" });
    // Without its own rule, the whole list of cells still has one each (the planner reads them all).
    expect((await meetingRules(d.db, TODAY)).size).toBe(8);

    const households = await d.db.selectFrom("household").select(["code", "head_name", "village_name", "people_count"]).orderBy("code").execute();
    expect(households).toContainEqual({ code: "HO-POLAI-01", head_name: "Hoàng Văn Bảy", village_name: "thôn Pò Lài", people_count: 5 });
    const follows = await d.db
      .selectFrom("assignment as a")
      .innerJoin("person as p", "p.id", "a.cadre_id")
      .leftJoin("org as o", "o.id", "a.org_id")
      .leftJoin("household as h", "h.id", "a.household_id")
      .select(["p.code as person", "o.code as unit", "h.code as household", "a.valid_from", "a.valid_to", "a.duties"])
      .orderBy("a.id")
      .execute();
    expect(follows.map((f) => `${f.person}→${f.unit ?? f.household}@${f.valid_from}`)).toEqual([
      `DV-0003→HO-POLAI-01@${TODAY}`,
      `DV-0002→HO-POLAI-02@${TODAY}`,
      `DV-0005→HO-BANCHANG-01@${TODAY}`,
      "DV-0010→XA-TANVAN@2025-07-01",
      "DV-0010→PHUONG-KYLUA@2025-07-01",
      "DV-0007→CB-POLAI@2025-07-01",
      "DV-0007→CB-BANCHANG@2025-07-01",
      "DV-0012→CB-TANHOA1@2025-07-01",
      "DV-0014→HO-TANHOA1-01@2025-12-01",
    ]);

    const before = await state();
    for (const [kind, name] of FILES) {
      const again = await importFile(kind, template(`${name}.xlsx`));
      expect(again).toMatchObject({ ok: true, counts: { created: 0, updated: 0 } });
    }
    expect(await state()).toEqual(before);
  });

  it("changes a cell's rule from today and keeps the old one as history; a time alone completes the stored rule", async () => {
    const path = writeCsv(dir, "gio.csv", ["Mã đơn vị;Tên đơn vị;Loại;Giờ sinh hoạt", "CB-POLAI;Chi bộ thôn Pò Lài;Chi bộ;20h"].join("\n"));
    expect(await importFile("units", path)).toMatchObject({ ok: true, counts: { updated: 1, rules: 1 } });
    const polai = await idOf("org", "CB-POLAI");
    const stored = await d.db.selectFrom("meeting_rule").select(["day_of_month", "start_time", "valid_from", "valid_to"]).where("org_id", "=", polai).orderBy("id").execute();
    expect(stored).toEqual([
      { day_of_month: 5, start_time: "19:30", valid_from: "2025-07-01", valid_to: TODAY },
      { day_of_month: 5, start_time: "20:00", valid_from: TODAY, valid_to: null },
    ]);
    expect(await importFile("units", path)).toMatchObject({ ok: true, counts: { updated: 0, unchanged: 1, rules: 0 } });
  });

  it("names every bad meeting cell, household and assignment by line and column, and writes nothing", async () => {
    const before = await state();
    const units = writeCsv(
      dir,
      "lich-sai.csv",
      [
        "Mã đơn vị;Tên đơn vị;Loại;Mã đơn vị cấp trên;Ngày sinh hoạt;Giờ sinh hoạt;Sinh hoạt chuyên đề",
        "CB-MOI;Chi bộ thôn Mới;Chi bộ;XA-TANVAN;ngày 35;19:30;",
        "CB-MOI2;Chi bộ thôn Mới 2;Chi bộ;XA-TANVAN;thứ Tám tuần đầu;25:00;quý sau",
        "CB-MOI3;Chi bộ thôn Mới 3;Chi bộ;XA-TANVAN;ngày 5;;",
      ].join("\n"),
    );
    expect(issuesOf(await importFile("units", units))).toEqual([
      { line: 2, column: "Ngày sinh hoạt", code: "bad_meeting_day" },
      { line: 3, column: "Ngày sinh hoạt", code: "bad_meeting_day" },
      { line: 3, column: "Giờ sinh hoạt", code: "bad_meeting_time" },
      { line: 3, column: "Sinh hoạt chuyên đề", code: "bad_thematic" },
      { line: 4, column: "Giờ sinh hoạt", code: "meeting_time_required" },
    ]);

    const households = writeCsv(
      dir,
      "ho-sai.csv",
      [
        "Mã hộ,Chủ hộ,Mã đơn vị thôn,Số nhân khẩu,Đảng viên phụ trách",
        "HO-X1,Lý Văn A,CB-KHONGCO,4,",
        "HO-X2,Lý Văn B,XA-TANVAN,0,DV-9999",
        "HO-X3,Lý Văn C,CB-POLAI,3,DV-9999",
        "HO-X3,Lý Văn D,CB-POLAI,3,",
      ].join("\n"),
    );
    expect(issuesOf(await importFile("households", households))).toEqual([
      { line: 2, column: "Mã đơn vị thôn", code: "unknown_cell" },
      { line: 3, column: "Số nhân khẩu", code: "bad_people_count" },
      // The row that did not read still has its unit and its member checked: every problem in one run.
      { line: 3, column: "Mã đơn vị thôn", code: "not_a_cell" },
      { line: 3, column: "Đảng viên phụ trách", code: "unknown_person" },
      { line: 4, column: "Đảng viên phụ trách", code: "unknown_person" },
      { line: 5, column: "Mã hộ", code: "duplicate_code" },
    ]);

    const assignments = writeCsv(
      dir,
      "pc-sai.csv",
      [
        "Mã người phụ trách;Mã đơn vị phụ trách;Mã hộ phụ trách;Từ ngày;Đến ngày",
        "DV-0007;CB-NATHUA;HO-POLAI-01;01/07/2025;",
        "DV-0007;;;01/07/2025;",
        "DV-0007;CB-NATHUA;;01/12/2026;01/11/2026",
        "DV-0007;CB-POLAI;;01/10/2026;",
        "DV-0007;;HO-KHONGCO;01/07/2025;",
        "DV-0099;CB-NATHUA;;01/07/2025;",
        "DV-0001;CB-NATHUA;;01/07/2025;31/12/2026",
        "DV-0001;CB-NATHUA;;01/12/2026;",
      ].join("\n"),
    );
    expect(issuesOf(await importFile("assignments", assignments))).toEqual([
      { line: 2, column: "Mã đơn vị phụ trách", code: "target_twice" },
      { line: 3, column: "Mã đơn vị phụ trách", code: "target_required" },
      { line: 4, column: "Đến ngày", code: "bad_range" },
      { line: 5, column: "Từ ngày", code: "assignment_overlap" },
      { line: 6, column: "Mã hộ phụ trách", code: "unknown_household" },
      { line: 7, column: "Mã người phụ trách", code: "unknown_person" },
      { line: 9, column: "Từ ngày", code: "assignment_overlap" },
    ]);
    expect(await state()).toEqual(before);
  });

  it("keeps the demo out of a database with imported data", async () => {
    expect(await holdsNonDemoData(d.db)).toBe(true);
    const before = await state();
    await expect(seedDemo(d.db)).rejects.toBeInstanceOf(DemoRefusedError);
    expect(await state()).toEqual(before);
  });

  it("moves a household's follow-up to the member the file names, ending the one before", async () => {
    const path = writeCsv(dir, "ho-doi.csv", ["Mã hộ;Chủ hộ;Mã đơn vị thôn;Đảng viên phụ trách", "HO-POLAI-01;Hoàng Văn Bảy;CB-POLAI;DV-0001"].join("\n"));
    expect(await importFile("households", path)).toMatchObject({ ok: true, counts: { updated: 1, assigned: 1, unassigned: 1 } });
    const hh = await idOf("household", "HO-POLAI-01");
    const rows = await d.db.selectFrom("assignment as a").innerJoin("person as p", "p.id", "a.cadre_id").select(["p.code", "a.valid_from", "a.valid_to"]).where("a.household_id", "=", hh).orderBy("a.id").execute();
    // The earlier follow-up started today too: it ends where it starts (it never held).
    expect(rows).toEqual([
      { code: "DV-0003", valid_from: TODAY, valid_to: TODAY },
      { code: "DV-0001", valid_from: TODAY, valid_to: null },
    ]);
    expect(await importFile("households", path)).toMatchObject({ ok: true, counts: { unchanged: 1, assigned: 0 } });
  });
});

describe("templates", () => {
  it("start with their own root, so they need nothing in the database", async () => {
    const { table } = await readTableFile(template("don-vi.csv"));
    expect(table.rows[1]?.cells.slice(0, 4)).toEqual(["TINH-LS", "Đảng bộ tỉnh Lạng Sơn", "Đảng bộ tỉnh", ""]);
  });
});
