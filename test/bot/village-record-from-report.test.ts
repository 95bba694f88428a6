import { afterAll, beforeAll, expect, it } from "vitest";
import { DEMO_SECRETARY_CODE } from "../../src/db/demo-seed.js";
import { findOrgByCode } from "../../src/db/org.repository.js";
import { botHarness, type BotHarness } from "../support/bot-harness.js";
import { describeEngines } from "../support/engines.js";
import { loadWorkbook } from "../support/xlsx.js";
import * as migration from "../../migrations/20261208T1300-village-reports-from-records.js";

/** The village record follows the quarterly village report however the report is typed. */
describeEngines("a village report typed as a quick report updates the village record", (engine) => {
  let h: BotHarness;
  let sec: string;
  let cellId: number;
  const record = (period: string) => h.db.db.selectFrom("village_record").selectAll().where("org_id", "=", cellId).where("period", "=", period).executeTakeFirst();

  beforeAll(async () => {
    h = await botHarness(engine, { now: new Date("2025-07-10T03:00:00Z") });
    sec = await h.as(DEMO_SECRETARY_CODE);
    cellId = (await findOrgByCode(h.db.db, "DEMO-CB-POLAI"))!.id;
    // Quarter 2 kept with /hosothon: figures and one worker.
    await h.sayText(sec, "/hosothon quý 2/2025");
    await h.sayText(sec, ["số hộ 142", "dân số 618", "hộ nghèo 12", "đảng viên 31", "phụ nữ 87", "thêm: trưởng thôn, Hoàng Văn Páo, nam, 1968, Tày, 9/12, làm ruộng, đảng viên"].join("\n"));
    expect(await h.sayText(sec, "1")).toContain("Đã lưu hồ sơ");
  });
  afterAll(() => h.close());

  it("a quick report of quarter 3 fills that quarter's record with what it states, keeping the rest from quarter 2", async () => {
    h.clock.now = new Date("2025-10-03T02:00:00Z");
    await h.sayText(sec, "Số liệu thôn Pò Lài quý 3: 142 hộ, 630 khẩu, 11 hộ nghèo, đv 31");
    await h.sayText(sec, "1");
    expect(await record("2025-Q3")).toMatchObject({ population: 630, households: 142, poor_households: 11, source: "chat" });

    const opened = await h.sayText(sec, "/hosothon quý 3/2025");
    expect(opened).toContain("Số liệu đã lưu của quý này.");
    expect(opened).toContain("• Dân số (người): 630");
    expect(opened).toContain("• Hộ nghèo: 11");
    // Not stated in the report: quarter 2's women's union and worker stay.
    expect(opened).toContain("Hội Phụ nữ: 87");
    expect(opened).toContain("1. Trưởng thôn: Hoàng Văn Páo");
    await h.sayText(sec, "/huy");

    const office = await h.as("DEMO-VP-TANVAN");
    expect((await h.say(office, "/hosothon quý 3/2025")).replies[0]!.text).toContain("• Chi bộ thôn Pò Lài: 630 người, 142 hộ; 2 mục thay đổi");
    const audit = await h.db.db.selectFrom("audit_log").select(["action", "after"]).where("entity", "=", "village_record").orderBy("id", "desc").executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ action: "village_record.create", after: { period: "2025-Q3", via: "report", figures: ["population", "poorHouseholds"] } });
  });

  it("a correction of the report corrects the record, and the commune's export marks the change", async () => {
    await h.sayText(sec, "sửa lại số liệu quý 3: dân số 640 chứ không phải 630");
    await h.sayText(sec, "1");
    expect(await record("2025-Q3")).toMatchObject({ population: 640, poor_households: 11 });
    const office = await h.as("DEMO-VP-TANVAN");
    const reply = (await h.say(office, "/hosothon quý 3/2025")).replies[0]!;
    expect(reply.text).toContain("• Chi bộ thôn Pò Lài: 640 người, 142 hộ; 2 mục thay đổi");
    const sheet = (await loadWorkbook(reply.attachment!.data)).worksheets[0]!;
    const notes: string[] = [];
    sheet.eachRow((row) => row.eachCell((cell) => {
      if (cell.note !== undefined) notes.push(String(cell.note));
    }));
    expect(notes.sort()).toEqual(["Quý trước (quý 2/2025): 12", "Quý trước (quý 2/2025): 618"]);
  });

  it("once the commune accepted the quarter, a correction is refused and the record stays", async () => {
    await h.db.db.updateTable("report_submission").set({ status: "accepted" }).where("org_id", "=", cellId).where("form", "=", "village-quarterly").where("period", "=", "2025-Q3").execute();
    const replies = [await h.sayText(sec, "sửa lại số liệu quý 3: dân số 650 chứ không phải 640"), await h.sayText(sec, "1")];
    expect(replies.join("\n")).toContain("đã được Đảng ủy duyệt nên không sửa được");
    expect(await record("2025-Q3")).toMatchObject({ population: 640 });
  });
});

describeEngines("village records imported before the import filed reports get their reports (migration)", (engine) => {
  let h: BotHarness;
  let cellId: number;
  const reports = () => h.db.db.selectFrom("report_submission").select(["period", "status", "source", "data", "submitted_at"]).where("org_id", "=", cellId).where("form", "=", "village-quarterly").orderBy("period").execute();

  beforeAll(async () => {
    h = await botHarness(engine, { now: new Date("2025-11-20T03:00:00Z") });
    cellId = (await findOrgByCode(h.db.db, "DEMO-CB-POLAI"))!.id;
    const at = new Date("2025-08-01T03:00:00Z");
    const workforce = JSON.stringify([
      { role: "cell_secretary", name: "Hoàng Văn Páo", partyMember: true },
      { role: "village_head", name: "hoàng văn  Páo", partyMember: true },
    ]);
    const row = (period: string, organizations: Record<string, number>) => ({ org_id: cellId, period, households: 142, population: 618, area_km2: 5.2, poor_households: 12, organizations: JSON.stringify(organizations), workforce, source: "import" as const, updated_by: null, updated_at: at });
    // Quarter 1 names no party members (the form requires them): no report is filed for it.
    await h.db.db.insertInto("village_record").values([row("2025-Q1", { women: 87 }), row("2025-Q2", { party: 31, women: 87 })]).execute();
  });
  afterAll(() => h.close());

  it("files the quarter's report from a complete record, dated when the record was stored; running again files nothing", async () => {
    await migration.up(h.db.db);
    await migration.up(h.db.db);
    const filed = await reports();
    expect(filed).toHaveLength(1);
    expect(filed[0]).toMatchObject({ period: "2025-Q2", status: "submitted", source: "import", submitted_at: new Date("2025-08-01T03:00:00Z") });
    expect(filed[0]!.data).toEqual({ households: 142, population: 618, area_km2: 5.2, poor_households: 12, members: 31, women_union: 87, secretary_is_village_head: true });
  });
});
