import { describe, expect, it } from "vitest";
import { planDue, type PlannerCell, type PlannerInput } from "../../../src/domain/schedule/planner.js";
import { DEFAULT_REMINDER_SETTINGS, resolveSettings, type ReminderSettings } from "../../../src/domain/schedule/settings.js";
import { submissionKey } from "../../../src/domain/schedule/report-due.js";

const TZ = "Asia/Ho_Chi_Minh";
/** Local Vietnam time → instant. */
const vn = (local: string) => new Date(`${local}:00+07:00`);

const cell: PlannerCell = {
  id: 10,
  name: "Chi bộ thôn Pò Lài",
  communeId: 2,
  rule: { kind: "day_of_month", day: 5, startTime: "19:30", place: "Nhà văn hóa" },
  overrides: [],
  members: [101, 102, 103],
  secretaries: [101],
  deputies: [102],
  cadres: [900],
};

function input(now: string, extra: Partial<PlannerInput> = {}, settings: ReminderSettings = DEFAULT_REMINDER_SETTINGS): PlannerInput {
  return {
    now: vn(now),
    tz: TZ,
    cells: [cell],
    communes: new Map([[2, { id: 2, name: "Đảng bộ xã Tân Văn", office: [500], settings }]]),
    defaultSettings: DEFAULT_REMINDER_SETTINGS,
    submitted: new Set(),
    // The thematic notice is tested on its own; keep it out of the other lists.
    thematicDone: new Set(["10:2025-Q4", "10:2026-Q1"]),
    ...extra,
  };
}

const meetingKeys = (i: PlannerInput) => planDue(i).filter((m) => m.kind === "meeting.reminder").map((m) => m.key);

describe("meeting reminders", () => {
  it("go to members and the assigned cadre at 07:00 three days before, with stable keys", () => {
    const keys = meetingKeys(input("2025-12-02T07:00"));
    expect(keys).toEqual(["meet:10:2025-12-05:d3:101", "meet:10:2025-12-05:d3:102", "meet:10:2025-12-05:d3:103", "meet:10:2025-12-05:d3:900"]);
    expect(meetingKeys(input("2025-12-02T07:00"))).toEqual(keys);
    expect(meetingKeys(input("2025-12-02T06:59"))).toEqual([]);
  });

  it("send nothing during quiet hours", () => {
    expect(planDue(input("2025-12-03T02:00"))).toEqual([]);
    expect(planDue(input("2025-12-02T21:45"))).toEqual([]);
  });

  it("catch up what is still useful and skip what is stale", () => {
    // Down from before 07:00 on D-3 until 10:00: the D-3 reminder still goes out.
    expect(meetingKeys(input("2025-12-02T10:00"))).toHaveLength(4);
    // Back only on D-1 at 08:00: the D-3 reminder is stale, the D-day one not yet due.
    expect(meetingKeys(input("2025-12-04T08:00"))).toEqual([]);
    // Back at 18:00 on the day: only the two-hour reminder, not the morning one.
    expect(meetingKeys(input("2025-12-05T18:00")).every((k) => k.includes(":h2:"))).toBe(true);
    // Once the meeting started, nothing.
    expect(meetingKeys(input("2025-12-05T19:45"))).toEqual([]);
  });

  it("list only what became due since the previous tick", () => {
    expect(meetingKeys(input("2025-12-02T07:01", { since: vn("2025-12-02T07:00") }))).toEqual([]);
    expect(meetingKeys(input("2025-12-02T07:00", { since: vn("2025-12-02T06:59") }))).toHaveLength(4);
  });

  it("after a reschedule, announce the change and remind for the new date only from then on", () => {
    const moved: PlannerCell = {
      ...cell,
      overrides: [{ id: 7, period: "2025-12", date: "2025-12-07", time: "19:30", place: null, agenda: null, kind: "regular", cancelled: false, reason: "Lũ", createdAt: vn("2025-12-04T20:00") }],
    };
    const at = (now: string) => planDue(input(now, { cells: [moved] }));
    const notice = at("2025-12-04T20:00");
    expect(notice.map((m) => m.key)).toContain("chg:10:7:900");
    expect(notice.find((m) => m.key === "chg:10:7:101")?.payload).toMatchObject({ date: "2025-12-07", regularDate: "2025-12-05", reason: "Lũ" });
    // The D-3 reminder of the new date (7:00 on 4/12) was before the announcement: not sent.
    expect(at("2025-12-04T20:05").filter((m) => m.kind === "meeting.reminder")).toEqual([]);
    expect(at("2025-12-05T18:00").filter((m) => m.kind === "meeting.reminder")).toEqual([]);
    expect(at("2025-12-07T07:00").map((m) => m.key)).toContain("meet:10:2025-12-07:d0:103");
  });

  it("say in a second change the date members were last told, and cancel the moved date, not the rule's (#22.7)", () => {
    const first = { id: 7, period: "2025-12", date: "2025-12-07", time: "19:30", place: null, agenda: null, kind: "regular" as const, cancelled: false, reason: "Lũ", createdAt: vn("2025-12-03T20:00") };
    const second = { ...first, id: 8, date: "2025-12-08", time: "20:00", reason: "Trùng họp thôn", createdAt: vn("2025-12-04T20:00") };
    const again = planDue(input("2025-12-04T20:00", { cells: [{ ...cell, overrides: [first, second] }] }));
    expect(again.find((m) => m.key === "chg:10:8:101")?.payload).toMatchObject({ date: "2025-12-08", time: "20:00", regularDate: "2025-12-07" });
    const cancel = { ...first, id: 9, date: null, time: null, cancelled: true, reason: "Bão", createdAt: vn("2025-12-04T20:00") };
    const cancelled = planDue(input("2025-12-04T20:00", { cells: [{ ...cell, overrides: [first, cancel] }] }));
    expect(cancelled.find((m) => m.key === "chg:10:9:101")).toMatchObject({ kind: "meeting.cancelled", payload: { date: "2025-12-07", regularDate: "2025-12-07", reason: "Bão" } });
    // Nothing reminds of either date afterwards.
    expect(planDue(input("2025-12-07T07:00", { cells: [{ ...cell, overrides: [first, cancel] }] })).filter((m) => m.kind === "meeting.reminder")).toEqual([]);
  });

  it("name in a second change the date members last heard of, skipping a night change replaced before its notice went out", () => {
    const night = { id: 7, period: "2025-12", date: "2025-12-07", time: "19:30", place: null, agenda: null, kind: "regular" as const, cancelled: false, reason: "Lũ", createdAt: vn("2025-12-02T22:30") };
    // Made the same night: the first change's notice (due at 07:00) was never sent, so members last heard of 5/12.
    const sameNight = { ...night, id: 8, date: "2025-12-08", time: "20:00", reason: "Trùng họp thôn", createdAt: vn("2025-12-02T23:10") };
    const planned = planDue(input("2025-12-03T07:00", { cells: [{ ...cell, overrides: [night, sameNight] }] }));
    expect(planned.find((m) => m.key === "chg:10:8:101")?.payload).toMatchObject({ date: "2025-12-08", regularDate: "2025-12-05" });
    expect(planned.some((m) => m.key.startsWith("chg:10:7:"))).toBe(false);
    // Made after 07:00, when the first notice had gone out: members last heard of 7/12.
    const nextMorning = { ...sameNight, createdAt: vn("2025-12-03T08:00") };
    const later = planDue(input("2025-12-03T08:00", { cells: [{ ...cell, overrides: [night, nextMorning] }] }));
    expect(later.find((m) => m.key === "chg:10:8:101")?.payload).toMatchObject({ date: "2025-12-08", regularDate: "2025-12-07" });
  });

  it("merge a two-hour reminder that lands in the morning with the morning one", () => {
    const early: PlannerCell = { ...cell, rule: { kind: "day_of_month", day: 5, startTime: "08:00", place: null } };
    const keys = (now: string) => meetingKeys(input(now, { cells: [early] }));
    expect(keys("2025-12-05T06:00")).toEqual([]); // 06:00 is in quiet hours
    // The 06:00 two-hour reminder is deferred to 07:00, where the morning one also is: one message each.
    expect(keys("2025-12-05T07:00")).toEqual(["meet:10:2025-12-05:h2:101", "meet:10:2025-12-05:h2:102", "meet:10:2025-12-05:h2:103", "meet:10:2025-12-05:h2:900"]);
  });
});

describe("report reminders", () => {
  // The 5/12 meeting's report is due 8/12 (3 days after).
  const reportKeys = (now: string, submitted: string[] = []) =>
    planDue(input(now, { submitted: new Set(submitted) }))
      .filter((m) => m.kind.startsWith("report.") && m.payload.form === "monthly-meeting" && m.payload.period === "2025-12")
      .map((m) => m.key);

  it("escalate in order: D-2 and D to the secretary, D+1 with the cadre, an office step (when set) a digest to the office", () => {
    expect(reportKeys("2025-12-06T07:30")).toEqual(["report:10:monthly-meeting:2025-12:d-2:101"]);
    expect(reportKeys("2025-12-08T07:30")).toEqual(["report:10:monthly-meeting:2025-12:d0:101"]);
    expect(reportKeys("2025-12-09T07:30")).toEqual(["report:10:monthly-meeting:2025-12:d+1:101", "report:10:monthly-meeting:2025-12:d+1:900"]);
    const withOffice = { ...DEFAULT_REMINDER_SETTINGS, escalation: [...DEFAULT_REMINDER_SETTINGS.escalation, { id: "d+3", dayOffset: 3, at: "08:00", to: ["office" as const] }] };
    const digest = planDue(input("2025-12-11T08:00", {}, withOffice)).filter((m) => m.kind === "report.digest" && m.payload.form === "monthly-meeting");
    expect(digest.map((m) => m.key)).toEqual(["digest:2:monthly-meeting:2025-12:2025-12-08:d+3:500"]);
    expect(digest[0]?.payload).toMatchObject({ count: 1, cells: "Chi bộ thôn Pò Lài" });
  });

  it("neither remind, escalate nor digest a period before the cell's tracking starts (the province's go-live)", () => {
    const withOffice = { ...DEFAULT_REMINDER_SETTINGS, escalation: [...DEFAULT_REMINDER_SETTINGS.escalation, { id: "d+3", dayOffset: 3, at: "08:00", to: ["office" as const] }] };
    const at = (trackedFrom: string) => planDue(input("2025-12-11T08:00", { cells: [{ ...cell, trackedFrom }] }, withOffice)).filter((m) => m.payload.period === "2025-12");
    expect(at("2025-12-01").map((m) => m.kind)).toContain("report.digest");
    expect(at("2026-01-02")).toEqual([]);
  });

  it("on the go-live day, a deadline that fell before it is neither overdue nor escalated (go-live 09/12, due 08/12)", () => {
    const forDecember = (trackedFrom: string | null) =>
      planDue(input("2025-12-09T07:30", { cells: [{ ...cell, trackedFrom }] })).filter((m) => m.kind.startsWith("report.") && m.payload.period === "2025-12" && m.payload.form === "monthly-meeting");
    expect(forDecember(null).map((m) => m.key)).toEqual(["report:10:monthly-meeting:2025-12:d+1:101", "report:10:monthly-meeting:2025-12:d+1:900"]);
    expect(forDecember("2025-12-09")).toEqual([]);
    // A deadline on or after the go-live is reminded as ever: the go-live on the deadline's day.
    expect(forDecember("2025-12-08").length).toBeGreaterThan(0);
  });

  it("remind only cells that have not submitted", () => {
    expect(reportKeys("2025-12-08T07:30", [submissionKey(10, "monthly-meeting", "2025-12")])).toEqual([]);
    expect(reportKeys("2025-12-08T07:30", [submissionKey(10, "party-dues", "2025-12")])).toHaveLength(1);
  });

  it("follow the commune's own chain and due rule", () => {
    const commune = resolveSettings([
      { reports: [{ form: "monthly-meeting", frequency: "monthly", due: { kind: "day_of_month", day: 25 } }] },
      { escalation: [{ id: "d-1", dayOffset: -1, at: "08:00", to: ["secretary", "cadre"] }] },
    ]);
    const keys = planDue(input("2025-12-24T08:00", {}, commune)).map((m) => m.key);
    expect(keys).toEqual(["report:10:monthly-meeting:2025-12:d-1:101", "report:10:monthly-meeting:2025-12:d-1:900"]);
  });

  it("spare a cell with no village (an agency cell) the village data, not its other reports", () => {
    // Quarter 4's village data is due on 10/1 (10 days after the quarter): D-2 is the 8th.
    const forms = (c: PlannerCell) => planDue(input("2026-01-08T07:30", { cells: [c] })).filter((m) => m.kind.startsWith("report.")).map((m) => m.payload.form);
    expect(forms(cell)).toContain("village-quarterly");
    const agency = forms({ ...cell, name: "Chi bộ cơ quan Đảng ủy xã", keepsVillageRecord: false });
    expect(agency).not.toContain("village-quarterly");
    expect(agency.length).toBeGreaterThan(0);
  });

  it("ignore an invalid stored override, keeping the defaults", () => {
    const problems: string[][] = [];
    const settings = resolveSettings([{ quietHours: { start: "25:00", end: "06:30", deferTo: "07:00" } }], (_i, p) => problems.push(p));
    expect(settings).toEqual(DEFAULT_REMINDER_SETTINGS);
    expect(problems).toHaveLength(1);
  });
});

describe("secretary notices", () => {
  it("flag a meeting on Tết a week ahead, with a suggested date", () => {
    const tet: PlannerCell = { ...cell, rule: { kind: "day_of_month", day: 17, startTime: "19:30", place: null } };
    const notices = planDue(input("2026-02-10T07:30", { cells: [tet] })).filter((m) => m.kind === "meeting.holiday");
    expect(notices.map((m) => m.key)).toEqual(["holiday:10:2026-02-17:101"]);
    expect(notices[0]?.payload).toMatchObject({ holiday: "tet", suggested: "2026-02-22" });
  });

  it("remind the secretary to plan a thematic meeting when the quarter has none", () => {
    const keys = (now: string, done: string[]) => planDue(input(now, { thematicDone: new Set(done) })).filter((m) => m.kind === "meeting.thematic").map((m) => m.key);
    expect(keys("2025-11-01T07:30", [])).toEqual(["thematic:10:2025-Q4:101"]);
    expect(keys("2025-11-01T07:30", ["10:2025-Q4"])).toEqual([]);
  });

  it("catch up nothing due before the go-live: its first run sends no thematic nudge of 01/11, still reminds what falls due from that day", () => {
    const first = (trackedFrom: string | null, day = 5) =>
      planDue(input("2025-12-04T08:00", { cells: [{ ...cell, rule: { kind: "day_of_month", day, startTime: "19:30", place: null }, trackedFrom }], thematicDone: new Set() }));
    // Without a go-live the quarter's nudge (due 01/11, good until the quarter's end) is caught up.
    expect(first(null).map((m) => m.kind)).toContain("meeting.thematic");
    expect(first("2025-12-04").map((m) => m.kind)).not.toContain("meeting.thematic");
    // The 7/12 meeting's D-3 reminder (07:00 on the go-live day) still goes out.
    const meeting = first("2025-12-04", 7);
    expect(meeting.filter((m) => m.kind === "meeting.reminder").map((m) => m.key)).toContain("meet:10:2025-12-07:d3:101");
    expect(meeting.every((m) => m.dueAt >= vn("2025-12-04T00:00"))).toBe(true);
  });
});

describe("posts to a cell's linked group chat", () => {
  const GROUP = { channel: "telegram", chatId: "-1001234567890" };
  const linked: PlannerCell = { ...cell, groups: [GROUP] };
  const other: PlannerCell = { ...cell, id: 11, name: "Chi bộ thôn Nặm Dạn", members: [201, 202], secretaries: [201], deputies: [], cadres: [] };
  const groupPosts = (i: PlannerInput) => planDue(i).filter((m) => m.group !== undefined);
  /** What a group may be told: the cell's meeting, never a person or a free-text reason. */
  const ALLOWED = new Set(["cell", "meeting", "date", "time", "place", "agenda", "kind", "step", "regularDate", "holiday"]);

  it("get exactly one copy of each reminder step, with no person; cells without a group get none", () => {
    const steps = ["2025-12-02T07:00", "2025-12-05T07:00", "2025-12-05T17:30"].map((now) => groupPosts(input(now, { cells: [linked, other] })));
    expect(steps.map((posts) => posts.map((m) => m.key))).toEqual([
      ["meet:10:2025-12-05:d3:group:telegram:-1001234567890"],
      ["meet:10:2025-12-05:d0:group:telegram:-1001234567890"],
      ["meet:10:2025-12-05:h2:group:telegram:-1001234567890"],
    ]);
    for (const [post] of steps) {
      expect(post).toMatchObject({ kind: "group.meeting.reminder", personId: null, group: GROUP, orgId: 10 });
      expect(Object.keys(post!.payload).every((k) => ALLOWED.has(k))).toBe(true);
    }
    // The members' own reminders are unchanged alongside.
    expect(meetingKeys(input("2025-12-02T07:00", { cells: [linked] }))).toHaveLength(4);
    // Nothing at night, and nothing for a cell whose group list is empty.
    expect(groupPosts(input("2025-12-03T02:00", { cells: [linked] }))).toEqual([]);
    expect(groupPosts(input("2025-12-02T07:00", { cells: [{ ...linked, groups: [] }] }))).toEqual([]);
  });

  it("go to every linked group of the cell once, under the same key however often it is planned", () => {
    const two: PlannerCell = { ...cell, groups: [GROUP, { channel: "telegram", chatId: "-42" }] };
    const keys = groupPosts(input("2025-12-02T07:00", { cells: [two] })).map((m) => m.key);
    expect(keys.sort()).toEqual(["meet:10:2025-12-05:d3:group:telegram:-1001234567890", "meet:10:2025-12-05:d3:group:telegram:-42"]);
    expect(groupPosts(input("2025-12-02T07:00", { cells: [two] })).map((m) => m.key).sort()).toEqual(keys);
  });

  it("announce a move or a cancellation without the secretary's free-text reason", () => {
    const override = { id: 7, period: "2025-12", date: "2025-12-07", time: "19:30", place: null, agenda: null, kind: "regular" as const, cancelled: false, reason: "đ/c Mai ốm", createdAt: vn("2025-12-04T20:00") };
    const moved = groupPosts(input("2025-12-04T20:00", { cells: [{ ...linked, overrides: [override] }] }));
    expect(moved.map((m) => [m.key, m.kind])).toEqual([["chg:10:7:group:telegram:-1001234567890", "group.meeting.changed"]]);
    expect(moved[0]?.payload).toMatchObject({ date: "2025-12-07", regularDate: "2025-12-05" });
    expect(JSON.stringify(moved[0]?.payload)).not.toContain("Mai");
    expect(Object.keys(moved[0]!.payload).every((k) => ALLOWED.has(k))).toBe(true);
    const cancelled = groupPosts(input("2025-12-04T20:00", { cells: [{ ...linked, overrides: [{ ...override, date: null, time: null, cancelled: true }] }] }));
    expect(cancelled.map((m) => m.kind)).toEqual(["group.meeting.cancelled"]);
    expect(cancelled[0]?.payload).not.toHaveProperty("reason");
  });

  it("tell the group of a holiday clash, without the secretary's suggestion", () => {
    const tet: PlannerCell = { ...linked, rule: { kind: "day_of_month", day: 17, startTime: "19:30", place: null } };
    const posts = groupPosts(input("2026-02-10T07:30", { cells: [tet] }));
    expect(posts.map((m) => [m.key, m.kind])).toEqual([["holiday:10:2026-02-17:group:telegram:-1001234567890", "group.meeting.holiday"]]);
    expect(posts[0]?.payload).toMatchObject({ holiday: "tet", date: "2026-02-17" });
    expect(posts[0]?.payload).not.toHaveProperty("suggested");
  });

  it("are not made of secretary-only notices: thematic meeting, reports", () => {
    const thematic = planDue(input("2025-11-01T07:30", { cells: [linked], thematicDone: new Set() }));
    expect(thematic.map((m) => m.kind)).toContain("meeting.thematic");
    const reports = planDue(input("2025-12-09T07:30", { cells: [linked] }));
    expect(reports.some((m) => m.kind.startsWith("report."))).toBe(true);
    expect([...thematic, ...reports].filter((m) => m.group !== undefined)).toEqual([]);
  });
});
