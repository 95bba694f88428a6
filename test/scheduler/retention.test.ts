import { readFileSync } from "node:fs";
import { afterAll, beforeAll, expect, it } from "vitest";
import { findPersonByCode } from "../../src/db/person.repository.js";
import { findOrgByCode } from "../../src/db/org.repository.js";
import { RETENTION_TABLE, retentionDays } from "../../src/domain/privacy.js";
import { silentLogger } from "../../src/log.js";
import { SchedulerTick } from "../../src/scheduler/tick.js";
import { chooseRetention, retentionInForce } from "../../src/services/retention.service.js";
import { describeEngines, freshDatabase, type TestDatabase } from "../support/engines.js";
import { vn } from "./support.js";

const DAY = 86_400_000;

it("a province may choose only the settable periods, within their bounds", () => {
  expect(retentionDays({ accessLog: 730, inboundUpdates: 1, audit: 10 })).toMatchObject({ accessLog: 730, inboundUpdates: 7, audit: 1825 });
  for (const rule of RETENTION_TABLE) expect(retentionDays()[rule.kind]).toBe(rule.days);
});

describeEngines("the daily clean-up follows the retention table", (engine) => {
  let db: TestDatabase;
  const now = vn("2026-03-01T03:05");
  const daysAgo = (n: number) => new Date(now.getTime() - n * DAY);

  beforeAll(async () => {
    db = await freshDatabase(engine, { demo: true });
  });
  afterAll(() => db.close());

  it("removes access-log rows, audit rows, finished invites, link attempts and done corrections past their days; keeps the rest", async () => {
    const d = db.db;
    const who = (await findPersonByCode(d, "DEMO-BT-POLAI"))!.id;
    const cell = (await findOrgByCode(d, "DEMO-CB-POLAI"))!.id;
    const access = (at: Date) => ({ at, viewer_person_id: who, what: "cell.members", org_id: cell, subject_person_id: null, people_count: 3 });
    await d.insertInto("access_log").values([access(daysAgo(400)), access(daysAgo(250)), access(daysAgo(10))]).execute();
    await d.insertInto("audit_log").values([
      { at: daysAgo(2000), actor_person_id: who, action: "report.submit", entity: "report_submission", entity_id: "old", before: null, after: null },
      { at: daysAgo(30), actor_person_id: who, action: "report.submit", entity: "report_submission", entity_id: "recent", before: null, after: null },
    ]).execute();
    await d.insertInto("invite").values([
      { person_id: who, code_hash: "used-long-ago", expires_at: daysAgo(40), used_at: daysAgo(45), used_by_account_id: null, created_by: null },
      { person_id: who, code_hash: "expired-long-ago", expires_at: daysAgo(40), used_at: null, used_by_account_id: null, created_by: null },
      { person_id: who, code_hash: "still-open", expires_at: daysAgo(-3), used_at: null, used_by_account_id: null, created_by: null },
    ]).execute();
    await d.insertInto("link_attempt").values([
      { channel: "telegram", platform_user_id: "old", window_start: daysAgo(3), failures: 2 },
      { channel: "telegram", platform_user_id: "now", window_start: new Date(now.getTime() - 60_000), failures: 1 },
    ]).execute();
    await d.insertInto("correction_request").values([
      { person_id: who, to_org_id: cell, text: "done long ago", status: "done", created_at: daysAgo(500), done_by: who, done_at: daysAgo(400) },
      { person_id: who, to_org_id: cell, text: "declined long ago", status: "declined", answer: "đúng với lý lịch", created_at: daysAgo(500), done_by: who, done_at: daysAgo(400) },
      { person_id: who, to_org_id: cell, text: "open long ago", status: "open", created_at: daysAgo(500), done_by: null, done_at: null },
    ]).execute();

    const tick = new SchedulerTick({ db: d, tz: "Asia/Ho_Chi_Minh", log: silentLogger(), now: () => now });
    expect(await tick.pruneOncePerDay(now)).toBe(true);

    const ages = (await d.selectFrom("access_log").select("at").orderBy("at").execute()).map((r) => Math.round((now.getTime() - r.at.getTime()) / DAY));
    expect(ages).toEqual([250, 10]);
    const audit = (await d.selectFrom("audit_log").select("entity_id").where("action", "=", "report.submit").execute()).map((r) => r.entity_id);
    expect(audit).toContain("recent");
    expect(audit).not.toContain("old");
    expect((await d.selectFrom("invite").select("code_hash").where("person_id", "=", who).execute()).map((r) => r.code_hash)).toEqual(["still-open"]);
    expect((await d.selectFrom("link_attempt").select("platform_user_id").execute()).map((r) => r.platform_user_id)).toEqual(["now"]);
    expect((await d.selectFrom("correction_request").select("text").execute()).map((r) => r.text)).toEqual(["open long ago"]);
  });

  it("removes candidates no longer followed and village quarters past their days; keeps the rest", async () => {
    const d = db.db;
    const cell = (await findOrgByCode(d, "DEMO-CB-POLAI"))!.id;
    const candidate = (name: string, droppedOn: string | null) => ({
      org_id: cell, full_name: name, sex: "F", birth_year: 2004, ethnicity: "Nùng", religion: null, flags: "[]", identified_on: "2024-01-05", dropped_on: droppedOn, created_by: null, created_at: daysAgo(800), updated_at: daysAgo(10),
    });
    await d.insertInto("party_candidate").values([candidate("Dropped long ago", "2024-12-01"), candidate("Dropped lately", "2026-02-01"), candidate("Followed", null)]).execute();
    const quarter = (period: string) => ({ org_id: cell, period, population: 600, households: 140, organizations: "{}", workforce: "[]", source: "chat" as const, updated_by: null, updated_at: daysAgo(10) });
    await d.insertInto("village_record").values([quarter("2020-Q4"), quarter("2021-Q1"), quarter("2025-Q4")]).execute();
    const tick = new SchedulerTick({ db: d, tz: "Asia/Ho_Chi_Minh", log: silentLogger(), now: () => now });
    await tick.pruneOncePerDay(new Date(now.getTime() + DAY));
    expect((await d.selectFrom("party_candidate").select("full_name").orderBy("id").execute()).map((r) => r.full_name)).toEqual(["Dropped lately", "Followed"]);
    expect((await d.selectFrom("village_record").select("period").orderBy("period").execute()).map((r) => r.period)).toEqual(["2021-Q1", "2025-Q4"]);
  });

  it("removes self-reviews, resolution tasks and candidates no longer worked on past their days; keeps an open task still due and an admitted candidate", async () => {
    const d = db.db;
    const cell = (await findOrgByCode(d, "DEMO-CB-POLAI"))!.id;
    const mai = (await findPersonByCode(d, "DEMO-DV-POLAI-MAI"))!.id;
    // Five years (1825 days) before 2026-03-01: the cut falls on 2021-03-02.
    await d.insertInto("member_self_review").values([2020, 2021, 2025].map((year) => ({ person_id: mai, cell_id: cell, year, level: "HTT", text: `năm ${year}`, at: new Date(`${year + 1}-01-10T03:00:00Z`) }))).execute();
    const task = (period: string, seq: number, status: "open" | "done" | "late", due: string | null) => ({ org_id: cell, period, seq, task: `việc ${period}/${seq}`, owner_text: "Mai", owner_person_id: mai, due_on: due, status, created_at: daysAgo(1900) });
    await d.insertInto("resolution_task").values([
      task("2021-02", 1, "done", "2021-02-20"),
      task("2021-02", 2, "open", null),
      task("2021-02", 3, "open", "2027-01-01"),
      task("2021-03", 1, "late", "2021-03-20"),
    ]).execute();
    // The clock of a candidate still followed is their last step's date, not the row's last update.
    const candidate = (name: string, o: { updated: number; created?: number; certificate?: string; admitted?: string }) => ({
      org_id: cell, full_name: name, sex: "M", birth_year: 1999, ethnicity: "Tày", religion: null, flags: "[]", identified_on: "2019-05-01", certificate_on: o.certificate ?? null, admitted_on: o.admitted ?? null, dropped_on: null, created_by: null, created_at: daysAgo(o.created ?? 2500), updated_at: daysAgo(o.updated),
    });
    await d.insertInto("party_candidate").values([
      candidate("No step for six years", { updated: 2200 }),
      candidate("Step three years ago", { updated: 1100, certificate: "2023-02-10" }),
      candidate("Old step typed in lately", { updated: 5, certificate: "2020-06-01" }),
      candidate("Entered lately with old steps", { updated: 20, created: 20 }),
      candidate("Admitted long ago", { updated: 2200, admitted: "2020-01-10" }),
    ]).execute();

    const tick = new SchedulerTick({ db: d, tz: "Asia/Ho_Chi_Minh", log: silentLogger(), now: () => now });
    await tick.pruneOncePerDay(new Date(now.getTime() + 2 * DAY));

    expect((await d.selectFrom("member_self_review").select("year").where("person_id", "=", mai).orderBy("year").execute()).map((r) => r.year)).toEqual([2021, 2025]);
    expect((await d.selectFrom("resolution_task").select("task").where("org_id", "=", cell).orderBy("id").execute()).map((r) => r.task)).toEqual(["việc 2021-02/3", "việc 2021-03/1"]);
    const names = (await d.selectFrom("party_candidate").select("full_name").execute()).map((r) => r.full_name);
    expect(names).not.toContain("No step for six years");
    expect(names).not.toContain("Old step typed in lately");
    expect(names).toEqual(expect.arrayContaining(["Step three years ago", "Entered lately with old steps", "Admitted long ago"]));
  });

  it("uses the province's own choice where the table lets it choose", async () => {
    // Its own database: the choice must not change what the other test expects.
    const own = await freshDatabase(engine, { demo: true });
    try {
      const d = own.db;
      const who = (await findPersonByCode(d, "DEMO-BT-POLAI"))!.id;
      const access = (at: Date) => ({ at, viewer_person_id: who, what: "meeting.absentees", org_id: null, subject_person_id: null, people_count: 2 });
      await d.insertInto("access_log").values([access(daysAgo(250)), access(daysAgo(10))]).execute();
      const by = { personId: who, at: now };
      expect(await chooseRetention(d, "accessLog", 200, by)).toEqual({ ok: true, revised: true });
      expect(await chooseRetention(d, "accessLog", 200, by)).toEqual({ ok: true, revised: false });
      expect(await chooseRetention(d, "accessLog", 20, by)).toEqual({ ok: false, problem: "out_of_range" });
      expect(await chooseRetention(d, "inboundUpdates", 30, by)).toEqual({ ok: false, problem: "fixed" });
      expect((await retentionInForce(d)).accessLog).toBe(200);
      const tick = new SchedulerTick({ db: d, tz: "Asia/Ho_Chi_Minh", log: silentLogger(), now: () => now });
      expect(await tick.pruneOncePerDay(now)).toBe(true);
      const ages = (await d.selectFrom("access_log").select("at").execute()).map((r) => Math.round((now.getTime() - r.at.getTime()) / DAY));
      expect(ages).toEqual([10]);
    } finally {
      await own.close();
    }
  });
});

it.each([
  ["docs/vi/du-lieu-ca-nhan.md", "không"],
  ["docs/privacy.md", "no"],
])("%s lists the same retention table as the code", (path, fixed) => {
  const doc = readFileSync(new URL(`../../${path}`, import.meta.url), "utf8");
  const rows = [...doc.matchAll(/^\| `(\w+)` \| [^|]+ \| (\d+) \| [^|]+ \| ([^|]+) \|$/gm)].map((m) => ({ kind: m[1], days: Number(m[2]), choice: (m[3] as string).trim() }));
  expect(rows).toEqual(RETENTION_TABLE.map((r) => ({ kind: r.kind, days: r.days, choice: r.settable ? `${r.settable.min}–${r.settable.max}` : fixed })));
});
