import { afterAll, beforeAll, expect, it } from "vitest";
import { linkGroupChat } from "../../src/db/cell-group-chat.repository.js";
import { DEMO_SECRETARY_CODE } from "../../src/db/demo-seed.js";
import { findOrgByCode } from "../../src/db/org.repository.js";
import { findPersonByCode } from "../../src/db/person.repository.js";
import { botHarness, type BotHarness } from "../support/bot-harness.js";
import { describeEngines } from "../support/engines.js";

const vn = (local: string) => new Date(`${local}:00+07:00`);

/** A meeting moved when nobody in the cell can get a message: said plainly, and who to tell in person. */
describeEngines("/doilich when no member can be reached by message", (engine) => {
  let h: BotHarness;
  let secretary: string;

  beforeAll(async () => {
    h = await botHarness(engine, { now: vn("2025-12-01T10:00") });
    secretary = await h.as(DEMO_SECRETARY_CODE);
  });
  afterAll(() => h.close());

  it("at night: no 'tin báo cho 0 người … đã xếp lịch', everyone but the secretary named to tell in person", async () => {
    h.clock.now = vn("2025-12-02T00:37");
    expect(await h.sayText(secretary, "/doilich 9/12 19:30 trùng họp thôn")).toContain("sang 19:30 ngày 09/12/2025");
    const text = await h.sayText(secretary, "1");
    expect(text).toContain("Không ai nhận được tin báo qua Zalo/Telegram nên không có tin nào được gửi. Các nhắc nhở cũ đã được hủy.");
    expect(text).not.toContain("0 người");
    expect(text).not.toContain("đã xếp lịch");
    expect(text).toContain("11 người không nhận được tin qua Zalo/Telegram, đồng chí cần báo trực tiếp:");
    expect(text).toContain("- Vi Thị Mai (chưa liên kết tài khoản)");
    // The secretary made the change: not among those to tell.
    expect(text).not.toContain("Hoàng Văn Páo");
  });

  it("with only the cell's group chat reachable: says the notice goes to the group, not to '0 people'", async () => {
    const cellId = (await findOrgByCode(h.db.db, "DEMO-CB-POLAI"))!.id;
    const secretaryId = (await findPersonByCode(h.db.db, DEMO_SECRETARY_CODE))!.id;
    await linkGroupChat(h.db.db, { channel: "telegram", chatId: "-1001234567890", cellId, linkedBy: secretaryId }, h.clock.now);
    h.clock.now = vn("2025-12-02T23:30");
    expect(await h.sayText(secretary, "/doilich 10/12 19:30 mưa lũ")).toContain("sang 19:30 ngày 10/12/2025");
    const night = await h.sayText(secretary, "1");
    expect(night).toContain("tin báo vào nhóm chat của chi bộ đã xếp lịch, sẽ gửi lúc 07:00 ngày 03/12/2025; không ai nhận được tin nhắn riêng.");
    expect(night).not.toContain("0 người");

    h.clock.now = vn("2025-12-03T10:00");
    await h.sayText(secretary, "/doilich 11/12 19:30 mưa lũ");
    const day = await h.sayText(secretary, "1");
    expect(day).toContain("Đã báo vào nhóm chat của chi bộ; không ai nhận được tin nhắn riêng. Các nhắc nhở cũ đã được hủy.");
    expect(day).toContain("11 người không nhận được tin qua Zalo/Telegram");
  });
});
