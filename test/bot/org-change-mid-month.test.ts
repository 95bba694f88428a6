import { afterAll, beforeAll, expect, it } from "vitest";
import { orgCommand } from "../../src/cli/org-command.js";
import { findOrgByCode } from "../../src/db/org.repository.js";
import { createI18n } from "../../src/messaging/i18n.js";
import { buildReportTable } from "../../src/services/export.service.js";
import { DEMO_SECRETARY_CODE } from "../../src/db/demo-seed.js";
import { botHarness, choiceLabelled, replyText, type BotHarness } from "../support/bot-harness.js";
import { describeEngines } from "../support/engines.js";
import { capture } from "../support/cli.js";

// Units that change in the middle of a month (08/12/2025): November belongs to the units as they were.
describeEngines("org changes in the middle of a month: reports, buttons, reminders, roll-ups", (engine) => {
  let h: BotHarness;
  const i18n = createI18n();
  const org = async (args: string[]) => {
    const c = capture();
    const code = await orgCommand(args, c.io, { db: h.db.db, now: h.clock.now, tz: "Asia/Ho_Chi_Minh", t: (id, a) => i18n.t("vi", id, a) });
    return { code, stdout: c.out(), stderr: c.err() };
  };

  beforeAll(async () => {
    h = await botHarness(engine, { now: new Date("2025-12-08T01:00:00Z") });
  });
  afterAll(() => h.close());

  const novemberOf = (code: string) =>
    h.db.db.selectFrom("report_submission as s").innerJoin("org as o", "o.id", "s.org_id").select(["s.org_id", "s.status", "s.data", "o.code"]).where("o.code", "=", code).where("s.period", "=", "2025-11").execute();
  const press = (user: string, action: string) => h.say(user, "", { text: undefined, action });
  const pending: { naThua?: string; poLaiUpdate?: string; dongMe?: string } = {};

  it("the units' November drafts and corrections left open before the change are named by the dry run and the change", async () => {
    const naThua = await h.as("DEMO-CB-NATHUA-BT");
    pending.naThua = choiceLabelled(await h.say(naThua, "bc sh cb t11: hop toi 6/11 19h30, co mat 7/8, vang 1 cld"), "Gửi báo cáo").action;
    const poLai = await h.as(DEMO_SECRETARY_CODE);
    await h.sayText(poLai, "bc sh cb t11: hop toi 5/11 19h30, co mat 10/11, vang 1 cld");
    expect(await h.sayText(poLai, "Gửi báo cáo")).toContain("Đã lưu");
    pending.poLaiUpdate = choiceLabelled(await h.say(poLai, "sửa lại: có mặt 9, vắng có lý do 2"), "Cập nhật báo cáo").action;
    const dongMe = await h.as("DEMO-CB-DONGME-BT");
    pending.dongMe = choiceLabelled(await h.say(dongMe, "bc sh cb t11: hop toi 3/11 19h30, co mat 9/10, vang 1 cld"), "Gửi báo cáo").action;

    // A D-3 reminder of Đồng Mé's 12/12 meeting, queued before the merge.
    const dongMeId = (await findOrgByCode(h.db.db, "DEMO-CB-DONGME"))!.id;
    const queued = await h.db.db
      .insertInto("outbox")
      .values({ dedupe_key: `meet:${dongMeId}:2025-12-12:d3:1`, kind: "meeting.reminder", org_id: dongMeId, payload: JSON.stringify({}), due_at: h.clock.now, next_attempt_at: h.clock.now, status: "pending", person_id: null, account_id: null, channel: null, chat_id: null, expires_at: null, claimed_at: null, sent_at: null, last_error: null })
      .returning("id")
      .executeTakeFirstOrThrow();
    const dry = await org(["merge", "DEMO-CB-POLAI", "DEMO-CB-DONGME", "--into", "DEMO-CB-POLAI-DONGME", "--name", "Chi bộ thôn Pò Lài - Đồng Mé", "--on", "08/12/2025", "--dry-run"]);
    expect(dry.stdout).toContain("Báo cáo đang soạn hoặc đang sửa dở của đơn vị cũ (2):");
    expect(dry.stdout).toContain("Chi bộ thôn Pò Lài, tháng 11/2025: đang sửa (Hoàng Văn Páo)");
    expect(dry.stdout).toContain("Chi bộ thôn Đồng Mé, tháng 11/2025: chưa gửi");
    expect(dry.stdout).toContain("bí thư, phó bí thư của Chi bộ thôn Pò Lài - Đồng Mé gửi hoặc sửa các báo cáo này");
    const merged = await org(["merge", "DEMO-CB-POLAI", "DEMO-CB-DONGME", "--into", "DEMO-CB-POLAI-DONGME", "--name", "Chi bộ thôn Pò Lài - Đồng Mé", "--on", "08/12/2025"]);
    expect(merged.stderr).toBe("");
    expect(merged.stdout).toContain("Báo cáo đang soạn hoặc đang sửa dở của đơn vị cũ (2):");
    expect(merged.stdout).toContain("Hủy 1 tin nhắc họp đang chờ gửi của đơn vị cũ");
    expect(await h.db.db.selectFrom("outbox").select("status").where("id", "=", queued.id).executeTakeFirstOrThrow()).toEqual({ status: "cancelled" });
    const renamed = await org(["rename", "DEMO-CB-NATHUA", "--name", "Chi bộ thôn Nà Thưa Mới", "--on", "08/12/2025"]);
    expect(renamed.code).toBe(0);
    expect(renamed.stdout).toContain("Chi bộ thôn Nà Thưa, tháng 11/2025: chưa gửi");
  });

  it("a November report finished after a rename is stored on the November cell, and the commune sees it", async () => {
    const naThua = await h.as("DEMO-CB-NATHUA-BT");
    expect(replyText((await press(naThua, pending.naThua!)).replies)).toContain("Đã lưu Báo cáo sinh hoạt chi bộ của Chi bộ thôn Nà Thưa, tháng 11/2025");
    expect(await novemberOf("DEMO-CB-NATHUA@2025-12-08")).toMatchObject([{ status: "submitted", data: { present: 7 } }]);
    expect(await novemberOf("DEMO-CB-NATHUA")).toEqual([]);
    const office = await h.as("DEMO-VP-TANVAN");
    const november = await h.sayText(office, "/tonghop sinh hoat thang 11/2025");
    expect(november).not.toMatch(/Nà Thưa — (quá hạn, )?chưa báo cáo/);
    const commune = (await findOrgByCode(h.db.db, "DEMO-XA-TANVAN"))!.id;
    const table = await buildReportTable(h.db.db, null, "monthly-meeting", "2025-11", commune);
    expect(table.rows.find((r) => r.cellName === "Chi bộ thôn Nà Thưa")).toMatchObject({ status: "submitted" });
    // Typed again later for November, it is the same report, on the same record.
    const again = await h.sayText(naThua, "bc sh cb t11: hop toi 6/11 19h30, co mat 8/8");
    expect(again).toContain("Chi bộ thôn Nà Thưa");
    expect(await h.sayText(naThua, "Cập nhật báo cáo")).toContain("Chi bộ thôn Nà Thưa, tháng 11/2025");
    expect(await novemberOf("DEMO-CB-NATHUA@2025-12-08")).toMatchObject([{ data: { present: 8 } }]);
    expect(await novemberOf("DEMO-CB-NATHUA")).toEqual([]);
  });

  it("after a merge, the new cell's secretary finishes and corrects the old cells' November; the old cell's former secretary is told who does", async () => {
    const poLai = await h.as(DEMO_SECRETARY_CODE);
    expect(replyText((await press(poLai, pending.poLaiUpdate!)).replies)).toContain("Chi bộ thôn Pò Lài, tháng 11/2025");
    expect(await novemberOf("DEMO-CB-POLAI")).toMatchObject([{ data: { present: 9, absent_excused: 2 } }]);

    const dongMe = await h.as("DEMO-CB-DONGME-BT");
    const refused = replyText((await press(dongMe, pending.dongMe!)).replies);
    expect(refused).toContain("Từ ngày 08/12/2025, Chi bộ thôn Đồng Mé đã thành Chi bộ thôn Pò Lài - Đồng Mé");
    expect(refused).toContain("do bí thư hoặc phó bí thư Chi bộ thôn Pò Lài - Đồng Mé gửi và sửa");
    expect(refused).not.toContain("không có quyền");
    expect(await novemberOf("DEMO-CB-DONGME")).toEqual([]);

    // The merged cell's secretary sends Đồng Mé's November: asked which old cell, stored on it.
    const pick = await h.sayText(poLai, "bc sh cb t11: hop toi 3/11 19h30, co mat 9/10, vang 1 cld");
    expect(pick).toContain("Chi bộ thôn Đồng Mé");
    const preview = await h.sayText(poLai, "Chi bộ thôn Đồng Mé");
    expect(preview).toContain("Chi bộ thôn Đồng Mé");
    expect(await h.sayText(poLai, "Gửi báo cáo")).toContain("Đã lưu Báo cáo sinh hoạt chi bộ của Chi bộ thôn Đồng Mé, tháng 11/2025");
    expect(await novemberOf("DEMO-CB-DONGME")).toMatchObject([{ status: "submitted", data: { present: 9, members_expected: 10 } }]);
    expect(await novemberOf("DEMO-CB-POLAI-DONGME")).toEqual([]);

    // And corrects it: offered, then saved (never a preview that is then refused).
    const which = await h.sayText(poLai, "sửa lại: có mặt 8");
    expect(which).not.toContain("không có quyền");
    const corrected = await h.sayText(poLai, "Chi bộ thôn Đồng Mé");
    expect(corrected).toContain("Cập nhật báo cáo");
    expect(await h.sayText(poLai, "Cập nhật báo cáo")).not.toContain("không có quyền");
    expect(await novemberOf("DEMO-CB-DONGME")).toMatchObject([{ data: { present: 8 } }]);
  });

  it("/dulieu shows the last day a role was held, not the first day without it", async () => {
    const text = await h.sayText(await h.as("DEMO-CB-NATHUA-BT"), "/dulieu");
    expect(text).toMatch(/Bí thư — Chi bộ thôn Nà Thưa \(từ \d\d\/\d\d\/\d{4} đến 07\/12\/2025\)/);
    expect(text).toMatch(/Bí thư — Chi bộ thôn Nà Thưa Mới \(từ 08\/12\/2025\)/);
    expect((await findOrgByCode(h.db.db, "DEMO-CB-NATHUA"))!.name).toBe("Chi bộ thôn Nà Thưa Mới");
  });

  it("in the month of a merge, /tonghop and the export list the new cell and not the closed ones; the month before lists the old ones", async () => {
    const office = await h.as("DEMO-VP-TANVAN");
    const december = await h.sayText(office, "/tonghop sinh hoat thang 12/2025");
    expect(december).toContain("Chi bộ thôn Pò Lài - Đồng Mé");
    expect(december).toContain("Chi bộ thôn Nà Thưa Mới");
    expect(december).not.toMatch(/Chi bộ thôn Pò Lài —|Chi bộ thôn Đồng Mé|Chi bộ thôn Nà Thưa —/);
    const november = await h.sayText(office, "/tonghop sinh hoat thang 11/2025");
    expect(november).toMatch(/Chi bộ thôn Pò Lài —/);
    expect(november).toContain("Chi bộ thôn Đồng Mé");
    expect(november).not.toContain("Chi bộ thôn Pò Lài - Đồng Mé");
    expect(november).not.toContain("Nà Thưa Mới");
    const commune = (await findOrgByCode(h.db.db, "DEMO-XA-TANVAN"))!.id;
    const cellsOf = async (period: string) => (await buildReportTable(h.db.db, null, "monthly-meeting", period, commune)).rows.map((r) => r.cellName).filter((n) => n.includes("thôn"));
    expect(await cellsOf("2025-12")).toEqual(["Chi bộ thôn Bản Chang", "Chi bộ thôn Nà Thưa Mới", "Chi bộ thôn Pò Lài - Đồng Mé"]);
    expect(await cellsOf("2025-11")).toEqual(["Chi bộ thôn Bản Chang", "Chi bộ thôn Đồng Mé", "Chi bộ thôn Nà Thưa", "Chi bộ thôn Pò Lài"]);
  });
});
