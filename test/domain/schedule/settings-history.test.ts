import { describe, expect, it } from "vitest";
import { DEFAULT_REMINDER_SETTINGS } from "../../../src/domain/schedule/settings.js";
import { reportRuleFor, settingsForPeriod, settingsOn, SINCE_ALWAYS, timelineAlongPath } from "../../../src/domain/schedule/settings-history.js";

const MM = "monthly-meeting";
const PROVINCE = 1;
const COMMUNE = 2;
const due = (days: number) => ({ reports: [{ form: MM, frequency: "monthly", due: { kind: "after_meeting", days } }] });
const quiet = (start: string) => ({ quietHours: { start, end: "06:30", deferTo: "07:00" } });

describe("reminder settings over time", () => {
  // The province sets quiet hours since always and again from 20/05; the commune its deadline from 14/04 and 01/07.
  const stored = new Map([
    [PROVINCE, [{ validFrom: SINCE_ALWAYS, value: quiet("21:00") }, { validFrom: "2026-05-20", value: quiet("22:00") }]],
    [COMMUNE, [{ validFrom: "2026-04-14", value: due(10) }, { validFrom: "2026-07-01", value: due(20) }]],
  ]);
  const timeline = timelineAlongPath([PROVINCE, COMMUNE], stored);

  it("merge the province's and the commune's versions day by day, each org's latest from that day", () => {
    expect(timeline.map((v) => [v.from, v.settings.quietHours.start, reportRuleFor([v], MM, "2099-01")?.due])).toEqual([
      [SINCE_ALWAYS, "21:00", { kind: "after_meeting", days: 3 }],
      ["2026-04-14", "21:00", { kind: "after_meeting", days: 10 }],
      ["2026-05-20", "22:00", { kind: "after_meeting", days: 10 }],
      ["2026-07-01", "22:00", { kind: "after_meeting", days: 20 }],
    ]);
  });

  it("give a period the version in force on its first day: a change mid-period counts from the next one", () => {
    expect(reportRuleFor(timeline, MM, "2026-04")?.due).toEqual({ kind: "after_meeting", days: 3 });
    expect(reportRuleFor(timeline, MM, "2026-05")?.due).toEqual({ kind: "after_meeting", days: 10 });
    expect(reportRuleFor(timeline, MM, "2026-07")?.due).toEqual({ kind: "after_meeting", days: 20 });
    // A quarter and a year open on their first day too.
    expect(settingsForPeriod(timeline, "2026-Q2").reports).toEqual(DEFAULT_REMINDER_SETTINGS.reports);
    expect(settingsForPeriod(timeline, "2026-Q3").reports).toEqual(due(20).reports);
    expect(settingsForPeriod(timeline, "2027").reports).toEqual(due(20).reports);
  });

  it("give a day the version in force that day (what is sent then)", () => {
    expect(settingsOn(timeline, "2026-05-19").quietHours.start).toBe("21:00");
    expect(settingsOn(timeline, "2026-05-20").quietHours.start).toBe("22:00");
  });

  it("ignore an invalid version, reported once, and keep the one before it", () => {
    const problems: number[] = [];
    const broken = new Map([[COMMUNE, [{ validFrom: SINCE_ALWAYS, value: due(10) }, { validFrom: "2026-04-14", value: quiet("25:00") }]]]);
    const t = timelineAlongPath([PROVINCE, COMMUNE], broken, (org) => problems.push(org));
    expect(problems).toEqual([COMMUNE]);
    expect(settingsOn(t, "2026-06-01")).toEqual({ ...DEFAULT_REMINDER_SETTINGS, ...due(10) });
  });

  it("with nothing stored, the defaults for all time", () => {
    expect(timelineAlongPath([PROVINCE, COMMUNE], new Map())).toEqual([{ from: SINCE_ALWAYS, settings: DEFAULT_REMINDER_SETTINGS }]);
  });
});
