import { afterAll, beforeAll, expect, it } from "vitest";
import { DEMO_SECRETARY_CODE } from "../../src/db/demo-seed.js";
import { findOrgByCode } from "../../src/db/org.repository.js";
import { createI18n } from "../../src/messaging/i18n.js";
import type { Choice } from "../../src/messaging/message.js";
import { botHarness, choiceLabelled, replyText, type BotHarness } from "../support/bot-harness.js";
import { describeEngines } from "../support/engines.js";

/**
 * `/hosothon`'s "Lưu" stores the record the screen it is under shows, or nothing (it stored whatever was
 * open in the chat when pressed: the changes typed after it, another quarter's record).
 */
describeEngines("/hosothon: an older screen's 'Lưu' stores nothing", (engine) => {
  let h: BotHarness;
  let sec: string;
  let cellId: number;
  const records = () => h.db.db.selectFrom("village_record").select(["period", "population", "households", "updated_at"]).where("org_id", "=", cellId).orderBy("period").execute();
  const reports = () => h.db.db.selectFrom("report_submission").select(["period"]).where("org_id", "=", cellId).where("form", "=", "village-quarterly").execute();
  const choice = choiceLabelled;
  const press = (who: string, c: Choice) => h.say(who, "", { text: undefined, action: c.action });

  beforeAll(async () => {
    h = await botHarness(engine, { now: new Date("2025-11-20T03:00:00Z") });
    cellId = (await findOrgByCode(h.db.db, "DEMO-CB-POLAI"))!.id;
    sec = await h.as(DEMO_SECRETARY_CODE);
  });
  afterAll(() => h.close());

  it("'Lưu' under the first change stores nothing once more was typed, names its screen and shows the open one", async () => {
    expect(await h.sayText(sec, "/hosothon quý 3/2025")).toContain("Hồ sơ Chi bộ thôn Pò Lài — quý 3/2025");
    const first = await h.say(sec, "dân số 618");
    const second = await h.say(sec, "số hộ 142");
    expect(replyText(second.replies)).toContain("• Số hộ: 142");
    for (const c of [...first.replies, ...second.replies].flatMap((r) => r.choices ?? [])) expect(Buffer.byteLength(c.action)).toBeLessThanOrEqual(64);

    const stale = await press(sec, choice(first, "Lưu"));
    const text = replyText(stale.replies);
    expect(text).toContain("Màn hình hồ sơ Chi bộ thôn Pò Lài, quý 3/2025 vừa bấm đã cũ");
    expect(text).toContain("chưa lưu gì, chưa nộp báo cáo nào");
    expect(stale.replies.at(-1)!.text).toContain("• Số hộ: 142");
    expect(stale.pressed).toBe("expired");
    expect(await records()).toEqual([]);
    expect(await reports()).toEqual([]);

    // Its "Hủy" drops nothing: the open record is still there.
    const cancel = await press(sec, choice(first, "Hủy"));
    expect(replyText(cancel.replies)).not.toContain("Đã hủy");
    expect(cancel.replies.at(-1)!.text).toContain("• Số hộ: 142");

    // The open screen's own "Lưu" stores what it shows; a second tap says when; the older one's, that it is old.
    expect(replyText((await press(sec, choice(second, "Lưu"))).replies)).toContain("Đã lưu hồ sơ Chi bộ thôn Pò Lài, quý 3/2025.");
    const stored = await records();
    expect(stored.map((r) => [r.period, r.population, r.households])).toEqual([["2025-Q3", 618, 142]]);
    h.clock.now = new Date("2025-11-20T03:30:00Z");
    const again = await press(sec, choice(second, "Lưu"));
    expect(replyText(again.replies)).toContain("Hồ sơ Chi bộ thôn Pò Lài, quý 3/2025 như màn hình này đã được lưu lúc 10:00 ngày 20/11/2025. Không cần bấm lại.");
    expect(again.pressed).toBe("expired");
    const old = await press(sec, choice(first, "Lưu"));
    expect(replyText(old.replies)).toContain("đã cũ (đã lưu, đã hủy hoặc đã được thay)");
    expect(await records()).toEqual(stored);
  });

  it("'Lưu' under one quarter's record, pressed once another quarter's is open, stores neither", async () => {
    await h.say(sec, "/hosothon quý 4/2025");
    const q4 = await h.say(sec, "dân số 640");
    await h.say(sec, "/hosothon quý 2/2025");
    const q2 = await h.say(sec, "dân số 600");
    const stale = await press(sec, choice(q4, "Lưu"));
    expect(replyText(stale.replies)).toContain("Màn hình hồ sơ Chi bộ thôn Pò Lài, quý 4/2025 vừa bấm đã cũ");
    expect(stale.replies.at(-1)!.text).toContain("Hồ sơ Chi bộ thôn Pò Lài — quý 2/2025");
    expect((await records()).map((r) => r.period)).toEqual(["2025-Q3"]);
    // The digit (Zalo, console) answers the list shown last: the open quarter's.
    expect(await h.sayText(sec, "1")).toContain("Đã lưu hồ sơ Chi bộ thôn Pò Lài, quý 2/2025.");
    expect((await records()).map((r) => [r.period, r.population])).toEqual([["2025-Q2", 600], ["2025-Q3", 618]]);
    expect(replyText((await press(sec, choice(q2, "Lưu"))).replies)).toContain("đã được lưu lúc 10:30 ngày 20/11/2025");
  });

  it("the payload is checked again: another commune's secretary is refused and told nothing of Pò Lài", async () => {
    await h.say(sec, "/hosothon quý 4/2025");
    const open = await h.say(sec, "dân số 650");
    const before = await records();
    const other = await h.as("DEMO-CB-TANHOA1-BT");
    const refused = await press(other, choice(open, "Lưu"));
    expect(replyText(refused.replies)).toContain(createI18n().t("vi", "error-forbidden"));
    expect(replyText(refused.replies)).not.toContain("Pò Lài");
    expect(await records()).toEqual(before);
  });
});
