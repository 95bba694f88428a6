import { afterAll, beforeAll, expect, it } from "vitest";
import { DEMO_SECRETARY_CODE } from "../../src/db/demo-seed.js";
import { findOrgByCode } from "../../src/db/org.repository.js";
import type { Choice } from "../../src/messaging/message.js";
import { botHarness, choiceLabelled, replyText, type BotHarness } from "../support/bot-harness.js";
import { describeEngines } from "../support/engines.js";

const vn = (local: string) => new Date(`${local}:00+07:00`);

/** A `/lichhop` preview's buttons (and a unit list's) act only on the rule they were shown for (walk 4, N1's neighbour). */
describeEngines("/lichhop: an older preview's buttons set nothing", (engine) => {
  let h: BotHarness;
  let polai: number;
  const rulesOf = (orgId: number) => h.db.db.selectFrom("meeting_rule").select(["day_of_month", "start_time", "valid_to"]).where("org_id", "=", orgId).orderBy("id").execute();
  const choice = choiceLabelled;
  const press = (user: string, c: Choice) => h.say(user, "", { text: undefined, action: c.action });

  beforeAll(async () => {
    h = await botHarness(engine, { now: vn("2025-12-01T10:00") });
    polai = (await findOrgByCode(h.db.db, "DEMO-CB-POLAI"))!.id;
  });
  afterAll(() => h.close());

  it("'Đồng ý' and 'Hủy' under the first of two previews change nothing; the open one is shown again and works", async () => {
    const sec = await h.as(DEMO_SECRETARY_CODE);
    const before = await rulesOf(polai);
    const first = await h.say(sec, "/lichhop ngày 8 19:00");
    expect(replyText(first.replies)).toContain("lịch thường kỳ mới ngày 8 hằng tháng, lúc 19:00");
    const second = await h.say(sec, "/lichhop ngày 9 19:00");
    for (const c of [...first.replies, ...second.replies].flatMap((r) => r.choices ?? [])) expect(Buffer.byteLength(c.action)).toBeLessThanOrEqual(64);

    const stale = await press(sec, choice(first, "Đồng ý"));
    expect(replyText(stale.replies)).toContain("Nút vừa bấm thuộc một bản xem trước lịch thường kỳ cũ");
    expect(replyText(stale.replies)).toContain("lịch thường kỳ mới ngày 9 hằng tháng, lúc 19:00");
    expect(stale.pressed).toBe("expired");
    expect(await rulesOf(polai)).toEqual(before);
    const cancel = await press(sec, choice(first, "Hủy"));
    expect(replyText(cancel.replies)).not.toContain("Đã hủy");

    expect(await h.sayText(sec, "1")).toContain("Đã đặt lịch thường kỳ của Chi bộ thôn Pò Lài từ hôm nay: ngày 9 hằng tháng");
    expect((await rulesOf(polai)).at(-1)).toEqual({ day_of_month: 9, start_time: "19:00", valid_to: null });
    // Pressed again once set: nothing more.
    const late = await press(sec, choice(stale, "Đồng ý"));
    expect(replyText(late.replies)).toContain("không có gì thay đổi");
    expect(await rulesOf(polai)).toHaveLength(before.length + 1);
  });

  it("a unit picked from the list of an older rule previews the rule open now", async () => {
    const office = await h.as("DEMO-VP-TANVAN");
    const first = await h.say(office, "/lichhop ngày 10 19:00");
    expect(replyText(first.replies)).toContain('Đặt lịch "ngày 10 hằng tháng, lúc 19:00" cho đơn vị nào?');
    await h.say(office, "/lichhop ngày 11 19:00");
    const stale = await press(office, choice(first, "Chi bộ thôn Pò Lài"));
    expect(replyText(stale.replies)).toContain("bản xem trước lịch thường kỳ cũ");
    expect(replyText(stale.replies)).toContain('Đặt lịch "ngày 11 hằng tháng, lúc 19:00" cho đơn vị nào?');
    expect(replyText(stale.replies)).not.toContain("ngày 10 hằng tháng");
  });
});
