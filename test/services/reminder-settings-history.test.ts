import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { afterAll, beforeAll, expect, it } from "vitest";
import * as historyMigration from "../../migrations/20261209T0900-reminder-settings-history.js";
import { remindSettingsCommand } from "../../src/cli/remind-settings.js";
import { createI18n } from "../../src/messaging/i18n.js";
import { auditOf } from "../../src/db/audit.repository.js";
import type { Db } from "../../src/db/schema.js";
import type { Actor } from "../../src/domain/roles.js";
import { cellHistory } from "../../src/services/history.service.js";
import { planMessages } from "../../src/services/planner.service.js";
import { rollupFor } from "../../src/services/rollup.service.js";
import { describeEngines, freshDatabase, type TestDatabase } from "../support/engines.js";

const TZ = "Asia/Ho_Chi_Minh";
const SINCE = "2020-01-01";
const MM = "monthly-meeting";
/** Local Vietnam time → instant. */
const vn = (local: string) => new Date(`${local}:00+07:00`);
/** The commune changes its deadline on 14/04/2026, mid-April. */
const CHANGED_AT = vn("2026-04-14T10:00");
const LATER = "2026-06-20";
const i18n = createI18n();

/**
 * A commune whose cells meet on the 5th, with the deadline "10 days after the meeting" (the 15th) as
 * stored before changes were kept; on 14/04/2026 it moves it to "day 10 of the month".
 */
async function commune(db: Db) {
  const org = async (code: string, kind: string, name: string, parentId: number | null) =>
    (
      await db
        .insertInto("org")
        .values({ code, kind, name, parent_id: parentId, area_kind: null, area_name: null, catchment: null, valid_from: SINCE, valid_to: null })
        .returning("id")
        .executeTakeFirstOrThrow()
    ).id;
  const person = async (code: string, name: string, cellId: number | null) =>
    (await db.insertInto("person").values({ code, full_name: name, cell_id: cellId }).returning("id").executeTakeFirstOrThrow()).id;
  const role = (personId: number, orgId: number, name: string) => db.insertInto("role").values({ person_id: personId, org_id: orgId, role: name, valid_from: SINCE, valid_to: null }).execute();
  const province = await org("T", "dang_bo_tinh", "Đảng bộ tỉnh Thử", null);
  const anThi = await org("T-A", "dang_bo_xa", "Đảng bộ xã Ân Thi", province);
  const dong = await org("T-A-DONG", "chi_bo_co_so", "Chi bộ thôn Đông", anThi);
  const bac = await org("T-A-BAC", "chi_bo_co_so", "Chi bộ thôn Bắc", anThi);
  for (const id of [dong, bac]) {
    await db
      .insertInto("meeting_rule")
      .values({ org_id: id, rule_kind: "day_of_month", day_of_month: 5, nth: null, weekday: null, start_time: "19:30", place: "Nhà văn hóa", valid_from: SINCE, valid_to: null })
      .execute();
  }
  const secretary = await person("T-BT-BAC", "Hoàng Văn Bắc", bac);
  await role(secretary, bac, "member");
  await role(secretary, bac, "secretary");
  const office = await person("T-VP-A", "Lý Thị Văn", null);
  await role(office, anThi, "office_staff");
  // Đông reports two days before the old deadline each month: on time in March and April, late in May under the new one.
  for (const [period, on] of [["2026-03", "2026-03-12"], ["2026-04", "2026-04-13"], ["2026-05", "2026-05-12"]] as const) {
    await db
      .insertInto("report_submission")
      .values({ org_id: dong, form: MM, period, status: "submitted", submitted_by: null, submitted_at: vn(`${on}T20:00`), data: JSON.stringify({ present: 9, members_expected: 10 }), form_version: 1, accepted_by: null, accepted_at: null, source: "quick" })
      .execute();
  }
  return { province, anThi, dong, bac, secretary, office };
}

describeEngines("reminder settings kept with their history: a changed deadline does not rewrite past periods", (engine) => {
  let d: TestDatabase;
  let ids: Awaited<ReturnType<typeof commune>>;
  let officeActor: Actor;
  let dir: string;

  const settings = async (args: { file?: object; from?: string }, now = CHANGED_AT) => {
    const out: string[] = [];
    const err: string[] = [];
    const io = { stdin: new PassThrough(), stdout: { write: (s: string) => out.push(s) }, stderr: { write: (s: string) => err.push(s) } } as never;
    let file: string | undefined;
    if (args.file) writeFileSync((file = join(dir, `settings-${Math.random().toString(36).slice(2)}.json`)), JSON.stringify(args.file));
    const code = await remindSettingsCommand(d.db, { code: "T-A", ...(file ? { file } : {}), ...(args.from ? { from: args.from } : {}) }, io, { now, tz: TZ }, (id, a) => i18n.t("vi", id, a));
    return { code, out: out.join(""), err: err.join("") };
  };
  const versions = () => d.db.selectFrom("reminder_setting_version").selectAll().orderBy("id").execute();
  /** Đông's months from March to `last` in /xemlai on a day: standing and deadline. */
  const standings = async (today: string, last: string) =>
    Object.fromEntries((await cellHistory(d.db, officeActor, ids.dong, last, today, TZ)).months.filter((m) => m.period >= "2026-03").map((m) => [m.period, [m.standing, m.due]]));
  const cellOf = async (period: string, today: string, cellId: number) => (await rollupFor(d.db, officeActor, ids.anThi, period, today)).cells.find((c) => c.orgId === cellId);

  beforeAll(async () => {
    d = await freshDatabase(engine);
    dir = mkdtempSync(join(tmpdir(), "chibo-settings-"));
    ids = await commune(d.db);
    officeActor = { personId: ids.office, cellId: null, roles: [{ role: "office_staff", orgId: ids.province }], assignments: [] };
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await d.close();
  });

  it("the migration turns a stored override into a version in force since always: today's standings stay as they were", async () => {
    // A store from before the history: one override per org in app_setting.
    await historyMigration.down(d.db);
    await d.db.insertInto("app_setting").values({ key: `reminders:${ids.anThi}`, value: JSON.stringify({ reports: [{ form: MM, frequency: "monthly", due: { kind: "after_meeting", days: 10 } }] }) }).execute();
    await historyMigration.up(d.db);
    expect((await versions()).map((v) => [v.org_id, v.valid_from, v.source])).toEqual([[ids.anThi, "1900-01-01", "migration"]]);
    expect(await d.db.selectFrom("app_setting").select("key").where("key", "like", "reminders:%").execute()).toEqual([]);
    // With the defaults (3 days) March would be late and Bắc overdue since the 8th: the commune's 15th still holds.
    expect(await standings("2026-04-14", "2026-04")).toEqual({ "2026-03": ["met", "2026-03-15"], "2026-04": ["met", "2026-04-15"] });
    expect(await cellOf("2026-04", "2026-04-14", ids.bac)).toMatchObject({ status: "pending", due: "2026-04-15" });
  });

  it("a past --from is refused with the reason, and nothing is written", async () => {
    const [before, audits] = [await versions(), (await auditOf(d.db, "org", ids.anThi)).length];
    const refused = await settings({ file: { reports: [{ form: MM, frequency: "monthly", due: { kind: "day_of_month", day: 10 } }] }, from: "01/04/2026" });
    expect(refused.code).toBe(1);
    expect(refused.err).toContain("Không lưu: ngày 01/04/2026 đã qua (hôm nay là 14/04/2026)");
    expect(refused.err).toContain("Chưa lưu gì.");
    expect(refused.out).toBe("");
    expect(await versions()).toEqual(before);
    expect(await auditOf(d.db, "org", ids.anThi)).toHaveLength(audits);
  });

  it("saving says from when the new deadline counts, lists the changes, and is audited", async () => {
    const saved = await settings({ file: { reports: [{ form: MM, frequency: "monthly", due: { kind: "day_of_month", day: 10 } }] } });
    expect(saved.code).toBe(0);
    expect(saved.out).toContain("Đã lưu cấu hình nhắc nhở của Đảng bộ xã Ân Thi, áp dụng từ 14/04/2026.");
    expect(saved.out).toContain("hạn báo cáo theo cấu hình mới từ kỳ bắt đầu từ ngày đó trở đi: tháng 05/2026, quý 3/2026, năm 2027 (kỳ đang báo cáo giữ hạn cũ)");
    const lines = saved.out.split("\n");
    expect(lines.filter((l) => l.startsWith("  • "))).toEqual([
      "  • từ đầu · Đảng bộ xã Ân Thi · có từ trước khi chibo lưu lịch sử thay đổi · đặt: reports",
      "  • từ 14/04/2026 · Đảng bộ xã Ân Thi · lưu bằng lệnh chibo remind --set lúc 10:00 14/04/2026 · đổi: reports [đang áp dụng]",
    ]);
    // The settings in force today follow, as JSON, last (scripts read them from the first brace).
    expect(JSON.parse(saved.out.slice(saved.out.indexOf("{"))).reports).toEqual([{ form: MM, frequency: "monthly", due: { kind: "day_of_month", day: 10 } }]);
    const audit = (await auditOf(d.db, "org", ids.anThi)).filter((a) => a.action === "setting.reminders");
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      before: { validFrom: "1900-01-01", value: { reports: [{ due: { kind: "after_meeting", days: 10 } }] } },
      after: { validFrom: "2026-04-14", value: { reports: [{ due: { kind: "day_of_month", day: 10 } }] } },
    });
  });

  it("/xemlai after the change: March and April stay on time under the old deadline, May is late under the new one", async () => {
    expect(await standings(LATER, "2026-05")).toEqual({ "2026-03": ["met", "2026-03-15"], "2026-04": ["met", "2026-04-15"], "2026-05": ["late", "2026-05-10"] });
  });

  it("/tonghop after the change: April keeps the 15th (Bắc still 'not yet due' on the 14th), May has the 10th (Bắc late on the 11th)", async () => {
    expect(await cellOf("2026-03", LATER, ids.dong)).toMatchObject({ status: "reported", due: "2026-03-15" });
    expect(await cellOf("2026-04", "2026-04-14", ids.bac)).toMatchObject({ status: "pending", due: "2026-04-15" });
    expect(await cellOf("2026-05", "2026-05-11", ids.bac)).toMatchObject({ status: "late", due: "2026-05-10" });
  });

  it("reminders and the digest: April's by the old deadline, May's by the new one", async () => {
    const at = async (local: string) => (await planMessages(d.db, { now: vn(local), tz: TZ })).filter((m) => m.orgId === ids.bac || m.orgId === ids.anThi);
    const april = await at("2026-04-15T07:30");
    expect(april.filter((m) => m.kind === "report.due").map((m) => [m.personId, m.payload.period, m.payload.dueDate, m.payload.step])).toEqual([[ids.secretary, "2026-04", "2026-04-15", "d0"]]);
    const digest = (await at("2026-04-16T08:00")).filter((m) => m.kind === "digest.commune");
    expect(digest.map((m) => [m.personId, m.payload.period, m.payload.dueDate, m.payload.missing])).toEqual([[ids.office, "2026-04", "2026-04-15", "Chi bộ thôn Bắc"]]);
    const may = await at("2026-05-10T07:30");
    expect(may.filter((m) => m.kind === "report.due").map((m) => [m.payload.period, m.payload.dueDate, m.payload.step])).toEqual([["2026-05", "2026-05-10", "d0"]]);
    expect((await at("2026-05-15T07:30")).filter((m) => m.kind.startsWith("report."))).toEqual([]);
  });

  it("a change from a later day is listed as coming, and counts from the first period that starts on or after it", async () => {
    const saved = await settings({ file: { reports: [{ form: MM, frequency: "monthly", due: { kind: "after_meeting", days: 20 } }] }, from: "15/06/2026" }, vn("2026-05-20T09:00"));
    expect(saved.code).toBe(0);
    expect(saved.out).toContain("áp dụng từ 15/06/2026");
    expect(saved.out).toContain("tháng 07/2026");
    expect(saved.out).toContain("  • từ 15/06/2026 · Đảng bộ xã Ân Thi · lưu bằng lệnh chibo remind --set lúc 09:00 20/05/2026 · đổi: reports [sắp áp dụng]");
    expect(JSON.parse(saved.out.slice(saved.out.indexOf("{"))).reports[0].due).toEqual({ kind: "day_of_month", day: 10 });
    expect((await cellOf("2026-06", LATER, ids.bac))?.due).toBe("2026-06-10");
    expect((await cellOf("2026-07", LATER, ids.bac))?.due).toBe("2026-07-25");
  });
  it("a change saved for today while a later one is saved says the later one still takes over on its day", async () => {
    const saved = await settings({ file: { reports: [{ form: MM, frequency: "monthly", due: { kind: "day_of_month", day: 12 } }] } }, vn("2026-05-21T09:00"));
    expect(saved.code).toBe(0);
    expect(saved.out).toContain("áp dụng từ 21/05/2026");
    expect(saved.out).toContain("Lưu ý: Đảng bộ xã Ân Thi còn cấu hình đã lưu áp dụng từ 15/06/2026; từ ngày đó cấu hình ấy thay cấu hình vừa lưu.");
    expect(saved.out).toContain("--from 15/06/2026");
    // A change after every saved one has nothing after it to warn of.
    const last = await settings({ file: { reports: [{ form: MM, frequency: "monthly", due: { kind: "day_of_month", day: 14 } }] }, from: "01/07/2026" }, vn("2026-05-21T09:05"));
    expect(last.code).toBe(0);
    expect(last.out).not.toContain("Lưu ý");
  });

  it("speaks the configured language: English when the province's locale is en", async () => {
    const err: string[] = [];
    const io = { stdin: new PassThrough(), stdout: { write: () => true }, stderr: { write: (s: string) => err.push(s) } } as never;
    const code = await remindSettingsCommand(d.db, { code: "NO-SUCH" }, io, { now: CHANGED_AT, tz: TZ }, (id, a) => i18n.t("en", id, a));
    expect(code).toBe(1);
    expect(err.join("")).toBe('No organisation "NO-SUCH".\n');
  });
});
