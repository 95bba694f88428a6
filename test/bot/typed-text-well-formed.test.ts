import { afterAll, beforeAll, expect, it } from "vitest";
import { excerpt } from "../../src/domain/announcement.js";
import { botHarness, replyText, type BotHarness } from "../support/bot-harness.js";
import { describeEngines } from "../support/engines.js";

/**
 * Text a client sends with a surrogate cut from its pair, or a NUL, is kept as the replacement character (or
 * without the NUL): PostgreSQL's json cannot hold a lone surrogate, and a flow keeps typed text in the
 * conversation (a replaced announcement preview's text, to name it later). It failed the turn on every redelivery.
 */
describeEngines("typed text with a lone surrogate or a NUL, kept in a flow", (engine) => {
  let h: BotHarness;
  let office: string;

  beforeAll(async () => {
    h = await botHarness(engine, { now: new Date("2025-11-20T03:00:00Z") });
    office = await h.as("DEMO-VP-TANVAN");
  });
  afterAll(() => h.close());

  it("answers each preview and keeps the replaced one's text, the broken character shown as '\uFFFD'", async () => {
    expect(await h.sayText(office, "/thongbao DEMO-CB-POLAI")).toContain("gõ nội dung thông báo");
    const first = await h.say(office, "Họp tối nay \uD83C lúc 20h\u0000");
    expect(first.status).toBe("handled");
    expect(replyText(first.replies)).toContain("Họp tối nay \uFFFD lúc 20h");
    // The first preview, replaced, stays in the conversation by its text.
    const second = await h.say(office, "Hủy họp tối nay \uDC00");
    expect(second.status).toBe("handled");
    expect(replyText(second.replies)).toContain("Hủy họp tối nay \uFFFD");
    // A long preview's text kept by its first 50 characters, an emoji at the cut: kept whole or not at all.
    const long = `${"x".repeat(49)}🍮 còn nữa`;
    expect((await h.say(office, long)).status).toBe("handled");
    const next = await h.say(office, "Thông báo cuối");
    expect(next.status).toBe("handled");
  });
  it("cuts an announcement's excerpt between characters, never inside an emoji", () => {
    expect(excerpt(`${"x".repeat(59)}🍮 tiếp`)).toBe(`${"x".repeat(59)}🍮…`);
    expect(excerpt(`${"x".repeat(59)}🍮 tiếp`).includes("\uD83C…")).toBe(false);
  });
});
