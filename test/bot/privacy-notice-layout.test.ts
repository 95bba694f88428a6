import { afterAll, beforeAll, expect, it } from "vitest";
import { renderAll, ZALO_TEXT_LIMIT } from "../../src/channels/zalo/zalo-render.js";
import { findPersonByCode } from "../../src/db/person.repository.js";
import { RETENTION_TABLE } from "../../src/domain/privacy.js";
import { createI18n } from "../../src/messaging/i18n.js";
import { createInvite } from "../../src/services/link.service.js";
import { chooseRetention } from "../../src/services/retention.service.js";
import { botHarness, type BotHarness } from "../support/bot-harness.js";
import { describeEngines } from "../support/engines.js";

/** How many characters a small phone shows on its first screen of a chat, roughly (8 lines of 40). */
const FIRST_SCREEN = 700;

/**
 * The personal-data notice before linking, on Zalo: the question and its numbered choices in the
 * first message, short enough for the first screen; the notice in full, word for word, in the next,
 * every message under Zalo's limit even with every period at its longest.
 */
describeEngines("the personal-data notice on a small phone", (engine) => {
  let h: BotHarness;
  let maiId: number;
  beforeAll(async () => {
    h = await botHarness(engine);
    maiId = (await findPersonByCode(h.db.db, "DEMO-DV-POLAI-MAI"))!.id;
  });
  afterAll(() => h.close());

  it("asks first, with its choices in the same message; the full text follows unchanged; every message under 2,000", async () => {
    const office = (await h.db.db.selectFrom("person").select("id").orderBy("id").executeTakeFirstOrThrow()).id;
    for (const rule of RETENTION_TABLE) if (rule.settable) expect((await chooseRetention(h.db.db, rule.kind, rule.settable.max, { personId: office, at: h.clock.now })).ok).toBe(true);
    const days = Object.fromEntries(RETENTION_TABLE.filter((r) => r.settable).map((r) => [r.kind, r.settable!.max]));

    const { code } = await createInvite(h.db.db, maiId, null, h.clock.now);
    const turn = await h.say("zl-mai", `/lienket ${code}`, { channel: "zalo", chatId: "zl-mai" });
    const messages = renderAll(turn.replies).map((m) => m.text);

    // (A longer notice one day would be split at its lines, after the question, never before it.)
    expect(messages.length).toBeGreaterThanOrEqual(2);
    const first = messages[0]!;
    const full = messages.slice(1).join("\n");
    expect(first).toContain("Đồng chí có đồng ý để liên kết tài khoản Vi Thị Mai không?\n1. Đồng ý\n2. Không đồng ý");
    expect(first).toContain("Ai được xem:");
    expect(first.length).toBeLessThan(FIRST_SCREEN);
    // The notice itself, word for word as its version says, with the longest periods.
    expect(full).toContain(createI18n().t("vi", "privacy-notice", days));
    expect(full).toContain("trả lời ở tin trên");
    for (const m of messages) expect(m.length).toBeLessThanOrEqual(ZALO_TEXT_LIMIT);

    // The digit answers the question of the first message.
    expect(await h.sayText("zl-mai", "1", { channel: "zalo", chatId: "zl-mai" })).toContain("Đã liên kết tài khoản với đồng chí Vi Thị Mai");
  });
});
