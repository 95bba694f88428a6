import { writeFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { afterAll, beforeAll, beforeEach, expect, it } from "vitest";
import { remindSettingsCommand } from "../../src/cli/remind-settings.js";
import { findOrgByCode } from "../../src/db/org.repository.js";
import { createI18n } from "../../src/messaging/i18n.js";
import { planIntoOutbox, planMessages } from "../../src/services/planner.service.js";
import { clearSettings } from "../support/reminder-settings.js";
import { describeEngines } from "../support/engines.js";
import { demoCell, FakeChannel, testSender, vn, type DemoCell } from "./support.js";

const TZ = "Asia/Ho_Chi_Minh";
const i18n = createI18n();
const t = (id: string, args?: Record<string, string | number>) => i18n.t("vi", id, args);

/**
 * A cell's own reminder settings (`chibo remind --set FILE --org <cell>`): the planner, the sender and
 * `--settings` resolve them alike (cell → commune → province → defaults); what a cell may not set for
 * itself (deadlines, their escalation, the digest: its commune's) is refused when saved.
 */
describeEngines("a cell's own reminder settings", (engine) => {
  let demo: DemoCell;
  let dir: string;
  const clock = { now: vn("2025-12-02T07:00") };

  beforeAll(async () => {
    demo = await demoCell(engine);
    dir = mkdtempSync(join(tmpdir(), "chibo-cell-settings-"));
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await demo.db.close();
  });
  beforeEach(async () => {
    await demo.db.db.deleteFrom("outbox").execute();
    await clearSettings(demo.db.db, demo.cellId);
    clock.now = vn("2025-12-02T07:00");
  });

  /** `chibo remind --set FILE --org DEMO-CB-POLAI` on 02/12/2025, in process. */
  const setCell = async (value: object) => {
    const file = join(dir, `${Math.random().toString(36).slice(2)}.json`);
    writeFileSync(file, JSON.stringify(value));
    const stdout = new PassThrough();
    const stderr = new PassThrough();
    let out = "";
    let err = "";
    stdout.on("data", (d) => (out += d));
    stderr.on("data", (d) => (err += d));
    const code = await remindSettingsCommand(demo.db.db, { code: "DEMO-CB-POLAI", file }, { stdin: new PassThrough(), stdout, stderr }, { now: clock.now, tz: TZ }, t);
    return { code, out, err };
  };
  const poLaiReminders = async (at: Date) =>
    (await planMessages(demo.db.db, { now: at, tz: TZ })).filter((m) => m.orgId === demo.cellId && m.kind === "meeting.reminder");

  it("a cell's quiet hours move its reminders in the plan, so the sender holds none of them", async () => {
    // Pò Lài's night ends at 07:30 and its deferred messages go at 08:00; the commune keeps 21:30–06:30.
    expect((await setCell({ quietHours: { start: "21:00", end: "07:30", deferTo: "08:00" } })).code).toBe(0);

    // 07:00 on D-3: inside the cell's night: nothing planned for it (the other cells' reminders go).
    expect(await poLaiReminders(vn("2025-12-02T07:00"))).toEqual([]);
    const fake = new FakeChannel("fake", undefined, () => clock.now.getTime());
    await planIntoOutbox(demo.db.db, { now: clock.now, tz: TZ });
    expect(await testSender(demo.db.db, engine, [fake], clock).drainOnce()).toMatchObject({ deferred: 0 });

    // 08:00: the D-3 reminder, due at the cell's 08:00, and the sender sends it at once.
    clock.now = vn("2025-12-02T08:00");
    const due = await poLaiReminders(clock.now);
    expect(due.length).toBe(demo.members.length + demo.cadres.length);
    expect(due.every((m) => m.dueAt.getTime() === vn("2025-12-02T08:00").getTime())).toBe(true);
    await planIntoOutbox(demo.db.db, { now: clock.now, tz: TZ });
    const stats = await testSender(demo.db.db, engine, [fake], clock).drainOnce();
    expect(stats).toMatchObject({ deferred: 0 });
    expect(fake.sent.filter((s) => s.replies[0]?.title === "Nhắc lịch sinh hoạt chi bộ")).toHaveLength(demo.linked.length);
  });

  it("a cell's own meeting reminders are the ones planned for it", async () => {
    expect(await poLaiReminders(vn("2025-12-02T07:00"))).not.toEqual([]);
    // Only the reminder on the morning of the meeting: no D-3.
    expect((await setCell({ meetingReminders: [{ id: "d0", daysBefore: 0, at: "07:00" }] })).code).toBe(0);
    expect(await poLaiReminders(vn("2025-12-02T07:00"))).toEqual([]);
    const onTheDay = await poLaiReminders(vn("2025-12-05T07:00"));
    expect(onTheDay.length).toBe(demo.members.length + demo.cadres.length);
    expect(onTheDay.every((m) => m.key.includes(":d0:"))).toBe(true);
  });

  it("refuses a cell's own report deadlines, escalation or digest in Vietnamese, and stores nothing", async () => {
    const before = await demo.db.db.selectFrom("reminder_setting_version").select("id").execute();
    const refused = await setCell({
      quietHours: { start: "21:00", end: "07:30", deferTo: "08:00" },
      reports: [{ form: "monthly-meeting", frequency: "monthly", due: { kind: "day_of_month", day: 25 } }],
      digest: { enabled: false, daysAfter: 1, at: "08:00", to: ["office"] },
    });
    expect(refused.code).toBe(1);
    expect(refused.out).toBe("");
    expect(refused.err).toContain("Không lưu: Chi bộ thôn Pò Lài là chi bộ, không đặt riêng được digest, reports");
    expect(refused.err).toContain("Chi bộ chỉ đặt riêng được quietHours, meetingReminders, minGapMinutes, thematic, holidayNotice");
    expect(refused.err).toContain("lưu cho Đảng bộ xã Tân Văn: chibo remind --set TỆP --org DEMO-XA-TANVAN");
    expect(refused.err.trimEnd().endsWith("Chưa lưu gì.")).toBe(true);
    expect(await demo.db.db.selectFrom("reminder_setting_version").select("id").execute()).toEqual(before);
    // Nothing of it took hold: the reminders at 07:00 are still planned.
    expect(await poLaiReminders(vn("2025-12-02T07:00"))).not.toEqual([]);
  });

  it("a cell's stored version holding a commune's key (saved before the check) is ignored whole, by the planner and the sender alike", async () => {
    await demo.db.db
      .insertInto("reminder_setting_version")
      .values({ org_id: demo.cellId, valid_from: "1900-01-01", value: JSON.stringify({ quietHours: { start: "21:00", end: "07:30", deferTo: "08:00" }, escalation: [] }), source: "cli", changed_by: null })
      .execute();
    expect(await poLaiReminders(vn("2025-12-02T07:00"))).not.toEqual([]);
    const fake = new FakeChannel("fake", undefined, () => clock.now.getTime());
    await planIntoOutbox(demo.db.db, { now: clock.now, tz: TZ });
    expect(await testSender(demo.db.db, engine, [fake], clock).drainOnce()).toMatchObject({ deferred: 0 });
  });
});
