import { afterAll, beforeAll, expect, it } from "vitest";
import "../../src/channels/telegram/telegram-capabilities.js";
import { DEMO_SECRETARY_CODE } from "../../src/db/demo-seed.js";
import { linkAccount } from "../../src/db/chat-account.repository.js";
import { findOrgByCode } from "../../src/db/org.repository.js";
import { findPersonByCode } from "../../src/db/person.repository.js";
import { insertReport } from "../../src/db/report.repository.js";
import { currentForm } from "../../src/domain/forms/registry.js";
import { botHarness, type BotHarness } from "../support/bot-harness.js";
import { describeEngines } from "../support/engines.js";

/** The sheet's rows under its header, as text. */
async function sheetRows(data: Uint8Array, name: string): Promise<string[][]> {
  const { default: ExcelJS } = await import("exceljs");
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(data) as never);
  const sheet = book.getWorksheet(name);
  if (!sheet) throw new Error(`no sheet ${name}`);
  const rows: string[][] = [];
  sheet.eachRow((row, n) => {
    if (n > 1) rows.push((row.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? "" : String(v))));
  });
  return rows;
}

describeEngines("personal data: /dulieu lists the views of lists and reports naming the person, and the reports naming them", (engine) => {
  let h: BotHarness;
  let maiId: number;
  let poLai: number;
  beforeAll(async () => {
    h = await botHarness(engine);
    maiId = (await findPersonByCode(h.db.db, "DEMO-DV-POLAI-MAI"))!.id;
    poLai = (await findOrgByCode(h.db.db, "DEMO-CB-POLAI"))!.id;
  });
  afterAll(() => h.close());

  const maiData = async () => h.say(await h.as("DEMO-DV-POLAI-MAI"), "/dulieu");

  it("a secretary's view of the member list shows in each listed member's /dulieu: who (role and unit), what, when; one row for the list", async () => {
    const before = await h.db.db.selectFrom("access_log").select("id").execute();
    const secretary = await h.as(DEMO_SECRETARY_CODE);
    await h.sayText(secretary, "/chibo");
    expect(await h.sayText(secretary, "1")).toContain("Vi Thị Mai");
    const rows = await h.db.db.selectFrom("access_log").selectAll().execute();
    expect(rows.length).toBe(before.length + 1);
    expect(rows.at(-1)!.subject_ids).toContain(maiId);

    const text = (await maiData()).replies.map((r) => r.text).join("\n");
    expect(text).toContain("Những lần người khác xem thông tin có tên đồng chí (1 gần nhất):");
    expect(text).toContain("20/11/2025 10:00 — Hoàng Văn Páo (Bí thư, Chi bộ thôn Pò Lài): xem danh sách đảng viên — Chi bộ thôn Pò Lài");
  });

  it("the office opening a report that names her through /duyet is recorded once, with the people it names; her /dulieu and its Excel copy list the report and the view", async () => {
    const form = currentForm("monthly-meeting");
    const secretaryId = (await findPersonByCode(h.db.db, DEMO_SECRETARY_CODE))!.id;
    await insertReport(h.db.db, {
      orgId: poLai,
      form: "monthly-meeting",
      period: "2025-11",
      formVersion: form.version,
      by: secretaryId,
      at: h.clock.now,
      source: "chat",
      data: {
        meeting_date: "2025-11-05",
        present: 20,
        absentees: [{ name: "Vi Thị Mai", reason: "ốm", excused: true }],
        resolutions: [{ task: "Vận động các hộ làm đường bê tông", owner: "Mai", due: null }],
      },
    });
    const before = (await h.db.db.selectFrom("access_log").select("id").execute()).length;
    const office = await h.as("DEMO-VP-TANVAN");
    await h.sayText(office, "/duyet");
    expect(await h.sayText(office, "1")).toContain("Vi Thị Mai");
    const rows = await h.db.db.selectFrom("access_log").selectAll().orderBy("id").execute();
    expect(rows.length).toBe(before + 1);
    expect(rows.at(-1)).toMatchObject({ what: "report.names", org_id: poLai, subject_ids: [maiId] });

    const text = await h.sayText(await h.as("DEMO-DV-POLAI-MAI"), "/dulieu");
    expect(text).toContain("Báo cáo có tên đồng chí (2):");
    expect(text).toContain("• Báo cáo sinh hoạt chi bộ tháng 11/2025, Chi bộ thôn Pò Lài: vắng — ốm");
    expect(text).toContain('• Báo cáo sinh hoạt chi bộ tháng 11/2025, Chi bộ thôn Pò Lài: người thực hiện việc "Vận động các hộ làm đường bê tông"');
    expect(text).toMatch(/\(Cán bộ văn phòng, Đảng bộ xã Tân Văn\): xem báo cáo có tên đồng chí \(vắng họp và lý do, người thực hiện nghị quyết\) — Báo cáo sinh hoạt chi bộ tháng 11\/2025, Chi bộ thôn Pò Lài/);

    // Her Telegram account: the Excel copy comes with /dulieu there.
    await h.say("tg-mai", "/trogiup", { channel: "telegram", chatId: "tg-mai" });
    const tg = await h.db.db.selectFrom("chat_account").select("id").where("platform_user_id", "=", "tg-mai").executeTakeFirstOrThrow();
    await linkAccount(h.db.db, tg.id, maiId, h.clock.now);
    const result = await h.say("tg-mai", "/dulieu", { channel: "telegram", chatId: "tg-mai" });
    const file = result.replies.find((r) => r.attachment)?.attachment;
    expect(file).toBeDefined();
    const views = await sheetRows(file!.data, "Người đã xem");
    expect(views.map((r) => r.slice(2, 7))).toContainEqual(["Cán bộ văn phòng", "Đảng bộ xã Tân Văn", "xem báo cáo có tên đồng chí (vắng họp và lý do, người thực hiện nghị quyết)", "Chi bộ thôn Pò Lài", "Báo cáo sinh hoạt chi bộ tháng 11/2025"]);
    expect(views.map((r) => r.slice(2, 5))).toContainEqual(["Bí thư", "Chi bộ thôn Pò Lài", "xem danh sách đảng viên"]);
    const named = await sheetRows(file!.data, "Báo cáo có tên");
    expect(named).toContainEqual(["Báo cáo sinh hoạt chi bộ", "tháng 11/2025", "Chi bộ thôn Pò Lài", "vắng họp", "ốm"]);
  });
});
