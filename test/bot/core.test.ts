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
});
