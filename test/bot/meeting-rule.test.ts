import { afterAll, beforeAll, expect, it } from "vitest";
import { DEMO_SECRETARY_CODE } from "../../src/db/demo-seed.js";
import { enqueueMessages } from "../../src/db/outbox.repository.js";
import { findOrgByCode } from "../../src/db/org.repository.js";
import { meetingRules } from "../../src/db/schedule.repository.js";
import { planMessages } from "../../src/services/planner.service.js";
import { botHarness, type BotHarness } from "../support/bot-harness.js";
import { describeEngines } from "../support/engines.js";
import { meetingNotice } from "../support/outbox.js";

const vn = (local: string) => new Date(`${local}:00+07:00`);
const TODAY = "2025-12-01";

describeEngines("/lichhop sets the standing meeting rule", (engine) => {
  let h: BotHarness;
  let polai: number;
  let commune: number;
  let secretary: string;
  let office: string;
  const rulesOf = (orgId: number) =>
    h.db.db.selectFrom("meeting_rule").select(["rule_kind", "day_of_month", "nth", "weekday", "start_time", "place", "valid_from", "valid_to"]).where("org_id", "=", orgId).orderBy("id").execute();

  beforeAll(async () => {
    h = await botHarness(engine, { now: vn("2025-12-01T10:00") });
    polai = (await findOrgByCode(h.db.db, "DEMO-CB-POLAI"))!.id;
    commune = (await findOrgByCode(h.db.db, "DEMO-XA-TANVAN"))!.id;
    secretary = await h.as(DEMO_SECRETARY_CODE);
    office = await h.as("DEMO-VP-TANVAN");
  });
  afterAll(() => h.close());

  it("shows the secretary the cell's rule and how to change it; a member sees neither", async () => {
    const text = await h.sayText(secretary, "/lichhop");
    expect(text).toContain("Lịch thường kỳ của Chi bộ thôn Pò Lài: ngày 5 hằng tháng, lúc 19:30, tại Nhà văn hóa thôn Pò Lài.");
    expect(text).toContain("/lichhop ngày 5 19:30 Nhà văn hóa thôn");
    const member = await h.sayText(await h.as("DEMO-DV-POLAI-MAI"), "/lichhop");
    expect(member).not.toContain("Lịch thường kỳ");
    expect(await h.sayText(await h.as("DEMO-DV-POLAI-MAI"), "/lichhop ngày 8 19:00")).toContain("Chỉ bí thư, phó bí thư chi bộ và văn phòng đảng ủy");
  });

  it("refuses text it cannot read, changing nothing", async () => {
    const before = await rulesOf(polai);
    expect(await h.sayText(secretary, "/lichhop hôm nào rảnh thì họp")).toContain('Chưa đọc được lịch "hôm nào rảnh thì họp"');
    expect(await rulesOf(polai)).toEqual(before);
  });

  it("a unit code outside the user's reach says 'không có quyền' (nothing of that unit), an unknown one 'không tìm thấy', as other commands do", async () => {
    const before = await rulesOf(polai);
    const forbidden = "Đồng chí không có quyền xem hoặc thay đổi nội dung này.";
    // Another commune's cell, to its office and to a secretary; a neighbouring cell to the secretary.
    expect(await h.sayText(office, "/lichhop DEMO-CB-TANHOA1 ngày 5 19:30")).toBe(forbidden);
    expect(await h.sayText(secretary, "/lichhop DEMO-CB-TANHOA1 ngày 5 19:30")).toBe(forbidden);
    expect(await h.sayText(secretary, "/lichhop demo-cb-banchang ngày 8 19:00")).toBe(forbidden);
    expect(await h.sayText(secretary, "/lichhop DEMO-PHUONG-KYLUA")).toBe(forbidden);
    expect(await h.sayText(office, "/lichhop DEMO-CB-XYZ ngày 5 19:30")).toBe('Không tìm thấy đơn vị nào có mã "DEMO-CB-XYZ". Kiểm tra lại mã (văn phòng đảng ủy có danh sách mã đơn vị).');
    expect(await rulesOf(polai)).toEqual(before);
    expect(await h.db.db.selectFrom("audit_log").select("id").where("action", "=", "meeting.rule").execute()).toEqual([]);
  });

  it("previews the next three dates, and on confirmation keeps the old rule as history and plans reminders by the new one", async () => {
    // A reminder planned from the old rule (5/12) waits in the outbox.
    await enqueueMessages(h.db.db, [
      { key: `meet:${polai}:2025-12-05:d0:1`, kind: "meeting.reminder", personId: null, orgId: polai, to: null, payload: meetingNotice({ meeting: `${polai}:2025-12-05` }), dueAt: vn("2025-12-05T07:00"), expiresAt: vn("2025-12-05T19:30") },
    ]);
    const preview = await h.sayText(secretary, "/lichhop thứ Bảy tuần đầu 19h30");
    expect(preview).toContain("Chi bộ thôn Pò Lài: lịch thường kỳ mới thứ Bảy tuần đầu hằng tháng, lúc 19:30, tại Nhà văn hóa thôn Pò Lài.");
    expect(preview).toContain("Ba buổi tới: 06/12/2025, 03/01/2026, 07/02/2026.");
    expect(preview).toContain("1. Đồng ý");
    expect(await h.sayText(secretary, "1")).toContain("Đã đặt lịch thường kỳ của Chi bộ thôn Pò Lài từ hôm nay");
    expect(await rulesOf(polai)).toEqual([
      { rule_kind: "day_of_month", day_of_month: 5, nth: null, weekday: null, start_time: "19:30", place: "Nhà văn hóa thôn Pò Lài", valid_from: "2025-07-01", valid_to: TODAY },
      { rule_kind: "nth_weekday", day_of_month: null, nth: 1, weekday: 6, start_time: "19:30", place: "Nhà văn hóa thôn Pò Lài", valid_from: TODAY, valid_to: null },
    ]);
    const outbox = await h.db.db.selectFrom("outbox").select(["dedupe_key", "status"]).where("org_id", "=", polai).execute();
    expect(outbox.filter((r) => r.dedupe_key.startsWith(`meet:${polai}:2025-12-05:`) && r.status === "pending")).toEqual([]);
    // Three days before the new date, the planner reminds the cell of it.
    const due = await planMessages(h.db.db, { now: vn("2025-12-03T08:30"), tz: "Asia/Ho_Chi_Minh", orgIds: [polai] });
    expect(due.some((m) => m.key.startsWith(`meet:${polai}:2025-12-06:`))).toBe(true);
    const audit = await h.db.db.selectFrom("audit_log").selectAll().where("action", "=", "meeting.rule").execute();
    expect(audit).toHaveLength(1);
    expect(await h.sayText(secretary, "/lichhop")).toContain("sinh hoạt lúc 19:30 ngày 06/12/2025");
  });

  it("lets the commune office set the commune's default, which a village cell without its own rule follows", async () => {
    const cell = await h.db.db
      .insertInto("org")
      .values({ code: "DEMO-CB-MOI", kind: "chi_bo_co_so", name: "Chi bộ thôn Mới", parent_id: commune, area_kind: "village", area_name: "thôn Mới", catchment: "thon", valid_from: "2025-07-01" })
      .returning("id")
      .executeTakeFirstOrThrow();
    expect((await meetingRules(h.db.db, TODAY, [cell.id])).get(cell.id)).toBeUndefined();
    const pick = await h.sayText(office, "/lichhop ngày 10 19:00 Nhà văn hóa thôn");
    expect(pick).toContain('Đặt lịch "ngày 10 hằng tháng, lúc 19:00, tại Nhà văn hóa thôn" cho đơn vị nào?');
    const number = /(\d+)\. Lịch chung: Đảng bộ xã Tân Văn/.exec(pick)?.[1];
    expect(number).toBeDefined();
    const preview = await h.sayText(office, number!);
    expect(preview).toContain("Đảng bộ xã Tân Văn, lịch chung cho các chi bộ thôn, tổ dân phố chưa có lịch riêng: ngày 10 hằng tháng, lúc 19:00, tại Nhà văn hóa thôn.");
    expect(preview).toContain("Ba buổi tới: 10/12/2025, 10/01/2026, 10/02/2026.");
    expect(await h.sayText(office, "1")).toContain("1 chi bộ họp theo lịch này");
    expect((await meetingRules(h.db.db, TODAY, [cell.id, polai])).get(cell.id)).toMatchObject({ kind: "day_of_month", day: 10, startTime: "19:00" });
    // A cell with its own rule keeps it.
    expect((await meetingRules(h.db.db, TODAY, [polai])).get(polai)).toMatchObject({ kind: "nth_weekday" });
  });

  it("re-checks a forged button: the office cannot set a rule in another commune", async () => {
    const other = (await findOrgByCode(h.db.db, "DEMO-CB-TANHOA1"))!.id;
    await h.sayText(office, "/lichhop ngày 10 19:00");
    const before = await rulesOf(other);
    const forged = await h.sayText(office, "", { action: `lh:ok:${other}` });
    expect(forged).not.toContain("Đã đặt lịch");
    expect(await rulesOf(other)).toEqual(before);
  });

  it("previews a cell's meeting moved for one month with /doilich as the date it is held, and says it was moved", async () => {
    // The cell's rule is now the first Saturday (06/12); the secretary moves December's meeting to 13/12.
    expect(await h.sayText(secretary, "/doilich 13/12 19:30 trùng ngày hội thôn")).toContain("sang 19:30 ngày 13/12/2025");
    expect(await h.sayText(secretary, "1")).toContain("Đã đổi lịch");
    const preview = await h.sayText(office, "/lichhop DEMO-CB-POLAI thứ Bảy tuần đầu 19h30");
    expect(preview).toContain("Ba buổi tới: 13/12/2025 (đã dời riêng tháng này bằng /doilich; lịch thường kỳ 06/12/2025), 03/01/2026, 07/02/2026.");
    expect(await h.sayText(office, "2")).toContain("Đã hủy, lịch thường kỳ giữ nguyên.");
  });
});
