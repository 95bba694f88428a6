import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { outboxCounts } from "../../src/db/outbox.repository.js";
import { planIntoOutbox, planMessages } from "../../src/services/planner.service.js";
import { SchedulerTick } from "../../src/scheduler/tick.js";
import { silentLogger } from "../../src/log.js";
import { describeEngines } from "../support/engines.js";
import { demoCell, vn, type DemoCell } from "./support.js";

const TZ = "Asia/Ho_Chi_Minh";

describeEngines("reminder planning", (engine) => {
  let demo: DemoCell;
  beforeAll(async () => {
    demo = await demoCell(engine);
  });
  afterAll(() => demo.db.close());

  it("lists a cell's members and assigned cadre three days before its meeting, and nothing at night", async () => {
    const due = await planMessages(demo.db.db, { now: vn("2025-12-02T07:00"), tz: TZ });
    const polai = due.filter((m) => m.kind === "meeting.reminder" && m.orgId === demo.cellId);
    expect(polai.map((m) => m.personId).sort()).toEqual([...demo.members, ...demo.cadres].sort());
    expect(polai.every((m) => m.key === `meet:${demo.cellId}:2025-12-05:d3:${m.personId}`)).toBe(true);
    const channels = new Map(polai.map((m) => [m.personId, m.to?.channel ?? "unlinked"]));
    for (const id of demo.linked) expect(channels.get(id)).toBe("fake");
    expect(demo.members.filter((id) => channels.get(id) === "unlinked")).toHaveLength(2);
    const again = await planMessages(demo.db.db, { now: vn("2025-12-02T07:00"), tz: TZ });
    expect(again.map((m) => m.key)).toEqual(due.map((m) => m.key));
    expect(await planMessages(demo.db.db, { now: vn("2025-12-03T02:00"), tz: TZ })).toEqual([]);
  });

  it("writes one outbox row per key when two planners run at once", async () => {
    const now = vn("2025-12-02T07:00");
    const [a, b] = await Promise.all([planIntoOutbox(demo.db.db, { now, tz: TZ }), planIntoOutbox(demo.db.db, { now, tz: TZ })]);
    expect(a.planned).toBe(b.planned);
    expect(a.inserted + b.inserted).toBe(a.planned);
    const rows = await demo.db.db.selectFrom("outbox").select("dedupe_key").execute();
    expect(rows).toHaveLength(a.planned);
    const counts = await outboxCounts(demo.db.db);
    expect(counts.skipped).toBeGreaterThan(0); // unlinked people: recorded, never sent
    const linkedRows = await demo.db.db.selectFrom("outbox").select("id").where("channel", "is not", null).execute();
    expect(counts.pending).toBe(linkedRows.length);
    expect(await demo.db.db.selectFrom("outbox").select("status").where("dedupe_key", "=", `meet:${demo.cellId}:2025-12-05:d3:${demo.linked[0]}`).executeTakeFirst()).toEqual({ status: "pending" });
  });

  it("reminds only cells that have not submitted the report", async () => {
    const secretary = await demo.db.db.selectFrom("role").select("person_id").where("org_id", "=", demo.cellId).where("role", "=", "secretary").executeTakeFirstOrThrow();
    const reportKeys = async () =>
      (await planMessages(demo.db.db, { now: vn("2025-12-08T07:30"), tz: TZ })).filter((m) => m.kind === "report.due" && m.payload.form === "monthly-meeting").map((m) => m.key);
    const before = await reportKeys();
    expect(before).toContain(`report:${demo.cellId}:monthly-meeting:2025-12:d0:${secretary.person_id}`);
    await demo.db.db
      .insertInto("report_submission")
      .values({ org_id: demo.cellId, form: "monthly-meeting", period: "2025-12", status: "submitted", submitted_by: secretary.person_id, submitted_at: vn("2025-12-06T08:00"), data: JSON.stringify({ kind: "regular" }), form_version: 1 })
      .execute();
    const after = await reportKeys();
    expect(after.filter((k) => k.startsWith(`report:${demo.cellId}:`))).toEqual([]);
    expect(after.length).toBe(before.length - 1); // the other cell meeting on the 5th is still reminded
  });

  it("claims each minute once and catches up what came due while no instance ran", async () => {
    const clock = { now: vn("2025-12-02T06:00") };
    const tick = () => new SchedulerTick({ db: demo.db.db, tz: TZ, log: silentLogger(), now: () => clock.now });
    const first = tick();
    const second = tick();
    const [r1, r2] = await Promise.all([first.runSlot(), second.runSlot()]);
    expect([r1.claimed, r2.claimed].sort()).toEqual([false, true]);
    // Nothing ran from 06:00 to 10:00: the 07:00 reminders are caught up at 10:00 (an empty outbox shows it).
    await demo.db.db.deleteFrom("outbox").execute();
    clock.now = vn("2025-12-02T10:00");
    const caught = await first.runSlot();
    expect(caught.claimed).toBe(true);
    const keys = (await demo.db.db.selectFrom("outbox").select("dedupe_key").execute()).map((r) => r.dedupe_key);
    expect(keys).toContain(`meet:${demo.cellId}:2025-12-05:d3:${demo.linked[0]}`);
    clock.now = vn("2025-12-02T10:01");
    expect((await first.runSlot()).inserted).toBe(0);
  });
});
