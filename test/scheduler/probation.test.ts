import { afterAll, beforeAll, expect, it } from "vitest";
import { createI18n } from "../../src/messaging/i18n.js";
import { DEMO_SECRETARY_CODE } from "../../src/db/demo-seed.js";
import { findOrgByCode, listCellMembers } from "../../src/db/org.repository.js";
import { findPersonByCode } from "../../src/db/person.repository.js";
import { planMessages } from "../../src/services/planner.service.js";
import { renderOutboxMessage } from "../../src/messaging/outbox-render.js";
import { checkOutboxMessage } from "../../src/messaging/outbox-message.js";
import { rollupFor } from "../../src/services/rollup.service.js";
import { botHarness, type BotHarness } from "../support/bot-harness.js";
import { describeEngines } from "../support/engines.js";
import { vn } from "./support.js";

const TZ = "Asia/Ho_Chi_Minh";

describeEngines("probation: reminders before the 12 months end, overdue cases in /tonghop", (engine) => {
  let h: BotHarness;
  let secretaryId: number;
  let officeId: number;
  /** Two Pò Lài members made probationary: one ends on 20/12/2025 (notice 20/11), one ended on 1/10/2025. */
  let soon: { id: number; full_name: string };
  let overdue: { id: number; full_name: string };

  beforeAll(async () => {
    h = await botHarness(engine, { now: new Date("2025-11-20T03:00:00Z") });
    const db = h.db.db;
    secretaryId = (await findPersonByCode(db, DEMO_SECRETARY_CODE))!.id;
    officeId = (await findPersonByCode(db, "DEMO-VP-TANVAN"))!.id;
    const cell = (await findOrgByCode(db, "DEMO-CB-POLAI"))!;
    const members = (await listCellMembers(db, cell.id, "2025-11-20")).filter((m) => m.id !== secretaryId && m.membership === "full");
    [soon, overdue] = [members[0]!, members[1]!];
    await db.updateTable("person").set({ membership: "probationary", admitted_on: "2024-12-20", full_member_on: null }).where("id", "=", soon.id).execute();
    await db.updateTable("person").set({ membership: "probationary", admitted_on: "2024-10-01", full_member_on: null }).where("id", "=", overdue.id).execute();
  });
  afterAll(() => h.close());

  const probationKeys = async (now: Date, since?: Date) =>
    (await planMessages(h.db.db, { now, tz: TZ, ...(since ? { since } : {}) })).filter((m) => m.kind === "member.probation_due" && m.payload.name === soon.full_name);

  it("reminds the cell secretary and the commune office 30 days before probation ends, once", async () => {
    expect(await probationKeys(vn("2025-11-20T07:59"))).toEqual([]);
    const due = await probationKeys(vn("2025-11-20T08:00"));
    expect(due.map((m) => m.personId).sort()).toEqual([secretaryId, officeId].sort());
    expect(due.map((m) => m.key).sort()).toEqual([`probation:${soon.id}:2025-12-20:${secretaryId}`, `probation:${soon.id}:2025-12-20:${officeId}`].sort());
    // The next tick does not plan it again; after downtime it is still sent until probation ends.
    expect(await probationKeys(vn("2025-11-20T08:15"), vn("2025-11-20T08:00"))).toEqual([]);
    expect(await probationKeys(vn("2025-12-19T10:00"))).toHaveLength(2);
    expect(await probationKeys(vn("2025-12-20T08:00"))).toEqual([]);
    const [reply] = renderOutboxMessage(createI18n(), "vi", checkOutboxMessage("member.probation_due", due[0]!.payload), vn("2025-11-20T08:00"), TZ);
    expect(reply!.title).toBe("Sắp hết thời gian dự bị");
    expect(reply!.text).toBe(`Đồng chí ${soon.full_name} (Chi bộ thôn Pò Lài) kết nạp ngày 20/12/2024, hết 12 tháng dự bị ngày 20/12/2025. Đề nghị chi bộ họp xét, đề nghị công nhận đảng viên chính thức.`);
  });

  it("shows the commune office who is overdue in this month's /tonghop, and nobody in a past month", async () => {
    const tanVan = (await findOrgByCode(h.db.db, "DEMO-XA-TANVAN"))!.id;
    const now = await rollupFor(h.db.db, null, tanVan, "2025-11", "2025-11-20");
    const polai = (await findOrgByCode(h.db.db, "DEMO-CB-POLAI"))!.id;
    expect(now.probationOverdue.get(polai)).toEqual([{ name: overdue.full_name, endsOn: "2025-10-01" }]);
    expect((await rollupFor(h.db.db, null, tanVan, "2025-10", "2025-11-20")).probationOverdue.size).toBe(0);
    const office = await h.as("DEMO-VP-TANVAN");
    expect(await h.sayText(office, "/tonghop")).toContain(`⏳ Quá hạn xét chuyển chính thức: ${overdue.full_name} (01/10/2025)`);
    const province = await h.as("DEMO-VP-TINH");
    const top = await h.sayText(province, "/tonghop");
    expect(top).toContain("⏳ 1 đảng viên quá hạn xét chuyển chính thức");
    expect(top).not.toContain(overdue.full_name);
  });
});
