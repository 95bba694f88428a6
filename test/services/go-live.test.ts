import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Actor } from "../../src/domain/roles.js";
import { orgCommand } from "../../src/cli/org-command.js";
import { createI18n } from "../../src/messaging/i18n.js";
import { cellHistory } from "../../src/services/history.service.js";
import { standingCounts } from "../../src/domain/history.js";
import { goLiveDate } from "../../src/services/go-live.service.js";
import { readTableFile } from "../../src/services/import-reader.js";
import { runImport } from "../../src/services/import.service.js";
import { rollupFor, rollupTableOf } from "../../src/services/rollup.service.js";
import * as goLiveMigration from "../../migrations/20261208T1100-go-live.js";
import { describeEngines, freshDatabase, type TestDatabase } from "../support/engines.js";

const TZ = "Asia/Ho_Chi_Minh";
// The province imports its units on 6/12/2026 (10:00 in Vietnam); its cells were founded on 1/7/2025.
const NOW = new Date("2026-12-06T03:00:00Z");
const TODAY = "2026-12-20";
const template = (name: string) => fileURLToPath(new URL(`../../templates/${name}`, import.meta.url));

describeEngines("a new province's first weeks: months before it started using chibo are not tracked", (engine) => {
  let d: TestDatabase;
  let commune: number;
  let polai: number;
  let office: Actor;
  const importUnits = async (now = NOW) => runImport(d.db, "units", (await readTableFile(template("don-vi.csv"))).table, { now, tz: TZ });
  const i18n = createI18n();
  const org = (args: string[]) => {
    const out: string[] = [];
    const io = { stdout: { write: (s: string) => out.push(s) }, stderr: { write: (s: string) => out.push(s) } } as never;
    return orgCommand(args, io, { db: d.db, now: NOW, tz: TZ, t: (id, a) => i18n.t("vi", id, a) }).then((code) => ({ code, out: out.join("") }));
  };

  beforeAll(async () => {
    d = await freshDatabase(engine);
    expect((await importUnits()).ok).toBe(true);
    const id = async (code: string) => (await d.db.selectFrom("org").select("id").where("code", "=", code).executeTakeFirstOrThrow()).id;
    [commune, polai] = [await id("XA-TANVAN"), await id("CB-POLAI")];
    office = { personId: 1, cellId: null, roles: [{ role: "office_staff", orgId: await id("TINH-LS") }], assignments: [] };
  });
  afterAll(() => d.close());

  it("the first units import into an empty store is the go-live; importing again does not move it", async () => {
    expect(await goLiveDate(d.db)).toBe("2026-12-06");
    expect((await importUnits(new Date("2027-01-10T03:00:00Z"))).ok).toBe(true);
    expect(await goLiveDate(d.db)).toBe("2026-12-06");
  });

  it("a store that imported its units before the go-live was kept gets the day of that import (migration)", async () => {
    await d.db.deleteFrom("app_setting").where("key", "=", "go_live").execute();
    await goLiveMigration.up(d.db);
    expect(await goLiveDate(d.db)).toBe("2026-12-06");
  });

  it("/tonghop of the month before: every cell 'chưa theo dõi', none late, none counted; the go-live month is tracked", async () => {
    const before = await rollupFor(d.db, office, commune, "2026-11", TODAY);
    expect(new Set(before.cells.map((c) => c.status))).toEqual(new Set(["untracked"]));
    expect(before.groups.map((g) => [g.cells, g.late, g.pending, g.untracked])).toEqual([[0, 0, 0, before.cells.length]]);
    const village = await rollupFor(d.db, office, commune, "2026-Q3", TODAY, "village-quarterly");
    expect(rollupTableOf(village, "").find((r) => r.kind === "total")).toMatchObject({ reported: 0, cells: 0 });
    const current = await rollupFor(d.db, office, commune, "2026-12", TODAY);
    expect(current.cells.find((c) => c.orgId === polai)).toMatchObject({ status: "late", due: "2026-12-08" });
  });

  it("/xemlai of a cell: the 11 months before the go-live are 'chưa theo dõi', not missed", async () => {
    const h = await cellHistory(d.db, office, polai, "2026-12", TODAY, TZ);
    expect(h.months.map((m) => m.standing)).toEqual([...Array(11).fill("untracked"), "missed"]);
  });

  it("on the go-live day nothing is overdue: a December deadline before it (a meeting on the 2nd, due 05/12) is 'chưa theo dõi'", async () => {
    const province = (await d.db.selectFrom("org").select("id").where("code", "=", "TINH-LS").executeTakeFirstOrThrow()).id;
    const kyLuaCq = (await d.db.selectFrom("org").select("id").where("code", "=", "CB-KYLUA-CQ").executeTakeFirstOrThrow()).id;
    const r = await rollupFor(d.db, office, province, "2026-12", "2026-12-06");
    expect(r.cells.filter((c) => c.status === "late").map((c) => c.name)).toEqual([]);
    expect(r.cells.find((c) => c.orgId === kyLuaCq)).toMatchObject({ status: "untracked", due: null });
    // A deadline on the go-live day itself is tracked (the commune office's cell meets on the 3rd, due 06/12).
    expect(r.cells.find((c) => c.name === "Chi bộ cơ quan Đảng ủy xã Tân Văn")).toMatchObject({ status: "pending", due: "2026-12-06" });
    const h = await cellHistory(d.db, office, kyLuaCq, "2026-12", "2026-12-06", TZ);
    expect(h.months.at(-1)).toMatchObject({ standing: "untracked", due: null });
  });

  it("/xemlai: a report for a month before the go-live, sent after that month's deadline, is 'đã gửi', never 'đúng hạn'", async () => {
    // Pò Lài's November meeting (5/11, due 08/11) is reported on 07/12, after the go-live.
    const sent = await d.db
      .insertInto("report_submission")
      .values({ org_id: polai, form: "monthly-meeting", period: "2026-11", status: "submitted", submitted_by: null, submitted_at: new Date("2026-12-07T03:00:00Z"), data: JSON.stringify({ meeting_date: "2026-11-05", present: 5, members_expected: 6 }), form_version: 1, accepted_by: null, accepted_at: null, source: "quick" })
      .returning("id")
      .executeTakeFirstOrThrow();
    try {
      const h = await cellHistory(d.db, office, polai, "2026-12", TODAY, TZ);
      const november = h.months.find((m) => m.period === "2026-11")!;
      expect(november).toMatchObject({ standing: "sent", due: null, reportId: sent.id });
      expect(standingCounts(h.months)).toMatchObject({ met: 0, late: 0, sent: 1, untracked: 10, missed: 1 });
      expect(i18n.t("vi", "lookback-month-sent", { period: "tháng 11/2026", rate: "83%" })).toBe("☑️ tháng 11/2026: đã gửi (không xét hạn) — dự họp 83%");
    } finally {
      await d.db.deleteFrom("report_submission").where("id", "=", sent.id).execute();
    }
  });

  it("/xemlai: a month with no scheduled meeting is judged by the meeting its report names, where the deadline counts from the meeting", async () => {
    const banChang = (await d.db.selectFrom("org").select("id").where("code", "=", "CB-BANCHANG").executeTakeFirstOrThrow()).id;
    // December's meeting was cancelled, then held on 07/12 after all (due 10/12) and reported on 15/12: late, not 'đúng hạn'.
    const cancelled = await d.db.insertInto("meeting_override").values({ org_id: banChang, period: "2026-12", cancelled: true, reason: "bão" }).returning("id").executeTakeFirstOrThrow();
    const sent = await d.db
      .insertInto("report_submission")
      .values({ org_id: banChang, form: "monthly-meeting", period: "2026-12", status: "submitted", submitted_by: null, submitted_at: new Date("2026-12-15T03:00:00Z"), data: JSON.stringify({ meeting_date: "2026-12-07", present: 5, members_expected: 6 }), form_version: 1, accepted_by: null, accepted_at: null, source: "quick" })
      .returning("id")
      .executeTakeFirstOrThrow();
    try {
      const h = await cellHistory(d.db, office, banChang, "2026-12", TODAY, TZ);
      expect(h.months.at(-1)).toMatchObject({ standing: "late", due: "2026-12-10" });
    } finally {
      await d.db.deleteFrom("report_submission").where("id", "=", sent.id).execute();
      await d.db.deleteFrom("meeting_override").where("id", "=", cancelled.id).execute();
    }
  });

  it("the province office moves the go-live back (chibo org go-live): October and November count again", async () => {
    expect(await org(["go-live", "01/10/2026"])).toMatchObject({ code: 0 });
    expect(await org(["go-live"])).toEqual({ code: 0, out: expect.stringContaining("01/10/2026") });
    const h = await cellHistory(d.db, office, polai, "2026-12", TODAY, TZ);
    expect(h.months.slice(-4).map((m) => m.standing)).toEqual(["untracked", "missed", "missed", "missed"]);
  });

  it("chibo org go-live refuses a day after today, as /ngaytheodoi does, and keeps the day in force", async () => {
    const before = await goLiveDate(d.db);
    expect(await org(["go-live", "07/12/2026"])).toEqual({ code: 1, out: expect.stringContaining("Ngày 07/12/2026 chưa tới") });
    expect(await goLiveDate(d.db)).toBe(before);
  });
});
