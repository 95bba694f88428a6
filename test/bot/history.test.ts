import { afterAll, beforeAll, expect, it } from "vitest";
import { DEMO_SECRETARY_CODE } from "../../src/db/demo-seed.js";
import { findOrgByCode } from "../../src/db/org.repository.js";
import { findPersonByCode } from "../../src/db/person.repository.js";
import { cellMonths, standingCounts } from "../../src/domain/history.js";
import { loadActor } from "../../src/services/actor.service.js";
import { submitReport } from "../../src/services/report.service.js";
import { putMeetingRule } from "../../src/db/schedule.repository.js";
import { botHarness, type BotHarness } from "../support/bot-harness.js";
import { describeEngines } from "../support/engines.js";

const TODAY = "2025-12-10";

it("tells a report sent after its deadline from one on time and from a missing one", () => {
  const data = { present: 9, members_expected: 10 };
  const months = cellMonths(
    [
      { period: "2025-09", due: "2025-09-08", report: null },
      { period: "2025-10", due: "2025-10-08", report: { id: 1, status: "submitted", submittedOn: "2025-10-07", data } },
      { period: "2025-11", due: "2025-11-08", report: { id: 2, status: "accepted", submittedOn: "2025-11-20", data } },
      { period: "2025-12", due: "2025-12-11", report: null },
      { period: "2026-01", due: null, report: null },
    ],
    TODAY,
  );
  expect(months.map((m) => m.standing)).toEqual(["missed", "met", "late", "pending", "none"]);
  expect(months.map((m) => m.attendance)).toEqual([null, 0.9, 0.9, null, null]);
});

it("never counts a report as on time without a tracked deadline: a month before the go-live, or one with no deadline, is 'sent'", () => {
  const data = { present: 9, members_expected: 10 };
  const months = cellMonths(
    [
      // Before the go-live: no deadline is judged, however late the report came.
      { period: "2025-09", due: null, tracked: false, report: { id: 1, status: "submitted", submittedOn: "2025-12-07", data } },
      { period: "2025-10", due: null, tracked: false, report: null },
      // Tracked, but no deadline known (no meeting scheduled): sent, not "đúng hạn".
      { period: "2025-11", due: null, report: { id: 2, status: "accepted", submittedOn: "2025-11-20", data } },
    ],
    TODAY,
  );
  expect(months.map((m) => [m.standing, m.due])).toEqual([
    ["sent", null],
    ["untracked", null],
    ["sent", null],
  ]);
  expect(standingCounts(months)).toMatchObject({ met: 0, late: 0, sent: 2, untracked: 1 });
});

describeEngines("/xemlai: history at a glance", (engine) => {
  let h: BotHarness;
  let polai: number;
  let tanVan: number;
  let tanHoa1: number;
  let october: number;
  beforeAll(async () => {
    h = await botHarness(engine, { now: new Date("2025-12-10T03:00:00Z") });
    const db = h.db.db;
    polai = (await findOrgByCode(db, "DEMO-CB-POLAI"))!.id;
    tanVan = (await findOrgByCode(db, "DEMO-XA-TANVAN"))!.id;
    tanHoa1 = (await findOrgByCode(db, "DEMO-CB-TANHOA1"))!.id;
    const actor = await loadActor(db, (await findPersonByCode(db, DEMO_SECRETARY_CODE))!.id, TODAY);
    const submit = async (period: string, day: string, sentAt: string, present: number) => {
      const result = await submitReport(
        db,
        actor,
        { orgId: polai, form: "monthly-meeting", period, values: { meeting_date: `${period}-${day}`, kind: "regular", present, members_expected: 10 }, source: "quick" },
        new Date(sentAt),
        sentAt.slice(0, 10),
      );
      expect(result.ok).toBe(true);
    };
    // Pò Lài meets on the 5th, its report is due on the 8th: October on time, November late, September missing.
    await submit("2025-10", "05", "2025-10-07T12:00:00Z", 9);
    await submit("2025-11", "05", "2025-11-20T12:00:00Z", 7);
    october = (await db.selectFrom("report_submission").select("id").where("org_id", "=", polai).where("period", "=", "2025-10").executeTakeFirstOrThrow()).id;
  });
  afterAll(() => h.close());

  it("takes the province office from the province to a commune, a cell's 12 months and the report, by numbers on the console", async () => {
    const office = await h.as("DEMO-VP-TINH");
    const top = await h.sayText(office, "/xemlai");
    // Last month by default; one line per commune, counts only; the province's own cell is not a commune.
    expect(top).toContain("Đảng bộ tỉnh Mẫu Sơn — tháng 11/2025:");
    expect(top).toContain("• Đảng bộ xã Tân Văn: 1/5 đã báo cáo");
    expect(top).toContain("• Đảng bộ phường Kỳ Lừa: 0/");
    expect(top).not.toMatch(/• Đảng bộ tỉnh Mẫu Sơn:/);
    expect(top).not.toContain("Lò Văn");
    const tanVanNumber = /(\d+)\. Đảng bộ xã Tân Văn/.exec(top)![1]!;
    const commune = await h.sayText(office, tanVanNumber);
    expect(commune).toContain("Đảng bộ xã Tân Văn — tháng 11/2025: 1/5 chi bộ đã báo cáo");
    expect(commune).toContain("☑️ Chi bộ thôn Pò Lài — đã báo cáo nhưng nộp muộn 12 ngày (hạn 08/11/2025), dự họp 70%");
    expect(commune).toMatch(/❗ Chi bộ thôn Bản Chang — quá hạn, chưa báo cáo \(hạn \d{2}\/11\/2025\)/);
    const cell = await h.say(office, /(\d+)\. Chi bộ thôn Pò Lài/.exec(commune)![1]!);
    const text = cell.replies.map((r) => [r.title, r.text].join("\n")).join("\n");
    expect(text).toContain("Chi bộ thôn Pò Lài: 12 tháng đến tháng 11/2025");
    expect(text).toContain("✅ tháng 10/2025: đúng hạn — dự họp 90%");
    expect(text).toContain("☑️ tháng 11/2025: nộp muộn (hạn 08/11/2025) — dự họp 70%");
    expect(text).toContain("❗ tháng 9/2025: không báo cáo (hạn 08/09/2025)");
    // Before the cell was founded at the 2025 reform it was not tracked: neutral, not counted as missed.
    expect(text).toContain("· tháng 1/2025: chưa theo dõi");
    expect(text).toContain("7 tháng chưa theo dõi");
    expect(text).toContain("1 tháng báo cáo đúng hạn, 1 tháng nộp muộn");
    const chart = cell.replies.find((r) => r.attachment);
    expect(chart?.attachment).toMatchObject({ kind: "photo", mimeType: "image/png" });
    expect(chart?.text).toBe("Xu hướng dự sinh hoạt 12 tháng");
    // The report itself, through its own view (access re-checked there).
    const choices = cell.replies.flatMap((r) => r.choices ?? []);
    expect(choices.find((c) => c.label === "tháng 10/2025")?.action).toBe(`rv:${october}`);
    expect(choices.some((c) => c.action === `lb:o:${tanVan}:2025-11`)).toBe(true);
    const report = await h.sayText(office, String(choices.findIndex((c) => c.label === "tháng 10/2025") + 1));
    expect(report).toContain("Báo cáo sinh hoạt chi bộ");
  });

  it("opens a past month and steps between months", async () => {
    const office = await h.as("DEMO-VP-TANVAN");
    // The clerk also leads the commune's agency cell: both are offered.
    const pick = await h.sayText(office, "/xemlai 10/2025");
    expect(pick).toContain("Xem lại đơn vị nào?");
    expect(pick).toContain("Chi bộ cơ quan Đảng bộ xã Tân Văn");
    const october = await h.say(office, /(\d+)\. Đảng bộ xã Tân Văn/.exec(pick)![1]!);
    const text = october.replies.map((r) => r.text).join("\n");
    expect(text).toContain("Đảng bộ xã Tân Văn — tháng 10/2025: 1/5 chi bộ đã báo cáo");
    const actions = october.replies.flatMap((r) => r.choices ?? []).map((c) => c.action);
    expect(actions).toContain(`lb:o:${tanVan}:2025-09`);
    expect(actions).toContain(`lb:o:${tanVan}:2025-11`);
    expect(await h.sayText(office, "/xemlai 5/2027")).toContain("Tôi chưa đọc được tháng");
  });

  it("starts a secretary at their own cell, refuses a member and a forged button outside the scope", async () => {
    const secretary = await h.as(DEMO_SECRETARY_CODE);
    expect(await h.sayText(secretary, "/xemlai")).toContain("Chi bộ thôn Pò Lài: 12 tháng đến tháng 11/2025");
    const member = await h.as("DEMO-DV-POLAI-MAI");
    expect(await h.sayText(member, "/xemlai")).toContain("không có quyền");
    const office = await h.as("DEMO-VP-TANVAN");
    expect(await h.sayText(office, "", { text: undefined, action: `lb:c:${tanHoa1}:2025-11` })).toContain("không có quyền");
    expect(await h.sayText(secretary, "", { text: undefined, action: `lb:o:${tanVan}:2025-11` })).toContain("không có quyền");
    expect(await h.sayText(office, "", { text: undefined, action: "lb:c:abc:2025-11" })).not.toContain("Chi bộ");
  });

  it("judges each past month by the meeting rule in force then, not by one set since", async () => {
    // From today Pò Lài meets on the 20th (the 5th stays as history): the past months keep their deadline of the 8th.
    await putMeetingRule(h.db.db, polai, { kind: "day_of_month", day: 20, startTime: "19:30", place: null }, TODAY);
    const secretary = await h.as(DEMO_SECRETARY_CODE);
    const text = await h.sayText(secretary, "/xemlai");
    expect(text).toContain("✅ tháng 10/2025: đúng hạn — dự họp 90%");
    expect(text).toContain("☑️ tháng 11/2025: nộp muộn (hạn 08/11/2025) — dự họp 70%");
    expect(text).toContain("❗ tháng 9/2025: không báo cáo (hạn 08/09/2025)");
    expect(text).toContain("1 tháng báo cáo đúng hạn, 1 tháng nộp muộn");
  });
});
