import { afterAll, beforeAll, expect, it } from "vitest";
import { describeEngines } from "../support/engines.js";
import { botHarness, type BotHarness } from "../support/bot-harness.js";
import { DEMO_SECRETARY_CODE } from "../../src/db/demo-seed.js";

describeEngines("bot core", (engine) => {
  let h: BotHarness;
  beforeAll(async () => {
    h = await botHarness(engine);
  });
  afterAll(() => h.close());

  it("answers a secretary's /toi and /chibo in Vietnamese with the right cell", async () => {
    const me = await h.as(DEMO_SECRETARY_CODE);
    const toi = await h.sayText(me, "/toi");
    expect(toi).toContain("Hoàng Văn Páo");
    expect(toi).toContain("Bí thư — Chi bộ thôn Pò Lài");
    const cell = await h.sayText(me, "/chibo");
    expect(cell).toContain("Chi bộ thôn Pò Lài");
    expect(cell).toContain("Đảng viên: 11");
    expect(cell).toContain("Cấp ủy viên phụ trách: Lộc Văn Khoa");
    expect(cell).toContain("1. Danh sách đảng viên");
  });

  it("/toi shows the whole card from one read: cell, each role's org, admission date, the linked channels once each, first linked first", async () => {
    const me = await h.as(DEMO_SECRETARY_CODE);
    const person = await h.db.db.selectFrom("person").select(["id", "admitted_on"]).where("code", "=", DEMO_SECRETARY_CODE).executeTakeFirstOrThrow();
    const linked = new Date("2025-11-01T00:00:00Z");
    for (const [channel, user] of [["zalo", "z-77"], ["telegram", "t-77"], ["zalo", "z-78"]] as const) {
      await h.db.db.insertInto("chat_account").values({ channel, platform_user_id: user, chat_id: user, person_id: person.id, linked_at: linked }).execute();
    }
    const toi = await h.sayText(me, "/toi");
    expect(toi).toContain("Chi bộ: Chi bộ thôn Pò Lài");
    expect(toi).toContain("• Bí thư — Chi bộ thôn Pò Lài");
    expect(person.admitted_on).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(toi).toContain(`Ngày vào Đảng: ${person.admitted_on!.split("-").reverse().join("/")}`);
    expect(toi).toContain("Đã liên kết qua: Bảng điều khiển, Zalo, Telegram");
    expect(toi).not.toContain("không nhận được tin nhắc");
  });

  it("/toi of someone linked only on the console says the console gets no reminders (as remind --dry-run does)", async () => {
    const toi = await h.sayText(await h.as("DEMO-DV-POLAI-MAI"), "/toi");
    expect(toi).toContain("Đã liên kết qua: Bảng điều khiển\nBảng điều khiển không nhận được tin nhắc lịch họp, hạn báo cáo.");
  });
});
