import { afterAll, beforeAll, expect, it } from "vitest";
import type { Choice } from "../../src/messaging/message.js";
import { botHarness, choiceLabelled, replyText, type BotHarness } from "../support/bot-harness.js";
import { describeEngines } from "../support/engines.js";

/**
 * "Gửi" sends the text of the preview it is under, or nothing (walk 4, N2: "Gửi" under preview A, pressed
 * after text B was typed, sent B to everyone while the author's screen showed A as sent).
 */
describeEngines("/thongbao: an older preview's buttons send nothing", (engine) => {
  let h: BotHarness;
  let office: string;
  const A = "Thông báo A: họp đột xuất tối nay lúc 20h";
  const B = "Thông báo B: HỦY họp tối nay, không họp nữa";
  const bodies = () => h.db.db.selectFrom("announcement").select("body").orderBy("id").execute();
  const copies = () => h.db.db.selectFrom("outbox").select("payload").where("kind", "=", "announcement").execute();
  const choice = choiceLabelled;
  const press = (c: Choice) => h.say(office, "", { text: undefined, action: c.action });

  beforeAll(async () => {
    h = await botHarness(engine, { now: new Date("2025-11-20T03:00:00Z") });
    office = await h.as("DEMO-VP-TANVAN");
    // The cell's people on Telegram, so a preview may be sent.
    const people = await h.db.db.selectFrom("person").select("id").execute();
    for (const { id } of people) {
      await h.db.db.insertInto("chat_account").values({ channel: "telegram", platform_user_id: `${5000 + id}`, chat_id: `${5000 + id}`, person_id: id }).execute();
    }
  });
  afterAll(() => h.close());

  it("'Gửi' under preview A, pressed after text B was typed, sends nothing, names A and shows B again", async () => {
    expect(await h.sayText(office, "/thongbao DEMO-CB-POLAI")).toContain("gõ nội dung thông báo");
    const previewA = await h.say(office, A);
    expect(replyText(previewA.replies)).toContain(A);
    for (const c of previewA.replies.flatMap((r) => r.choices ?? [])) expect(Buffer.byteLength(c.action)).toBeLessThanOrEqual(64);
    const previewB = await h.say(office, B);
    expect(replyText(previewB.replies)).toContain(B);

    const stale = await press(choice(previewA, "Gửi"));
    const text = replyText(stale.replies);
    expect(text).toContain(`Bản xem trước thông báo "${A}" đã cũ`);
    expect(text).toContain("không có gì được gửi");
    expect(text).toContain(B);
    expect(stale.pressed).toBe("expired");
    expect(await bodies()).toEqual([]);
    expect(await copies()).toEqual([]);

    // A's "Hủy" and "Sửa nội dung" leave B open.
    expect(replyText((await press(choice(previewA, "Hủy"))).replies)).not.toContain("Đã hủy");
    expect(replyText((await press(choice(previewA, "Sửa nội dung"))).replies)).not.toContain("gõ nội dung thông báo gửi tới");

    // B's own button (or the digit, on Zalo) sends B.
    const sent = await press(choice(stale, "Gửi"));
    expect(replyText(sent.replies)).toContain("Thông báo đang được gửi");
    expect(sent.pressed).toBe("chosen");
    expect(await bodies()).toEqual([{ body: B }]);
    const delivered = await copies();
    expect(delivered.length).toBeGreaterThan(0);
    expect(delivered.every((c) => (c.payload as { text: string }).text === B)).toBe(true);

    // A second tap on B's "Gửi" says it went; A's still sends nothing.
    const again = await press(choice(previewB, "Gửi"));
    expect(replyText(again.replies)).toContain("Thông báo này đã gửi lúc 10:00 ngày 20/11/2025 tới Chi bộ thôn Pò Lài");
    const late = await press(choice(previewA, "Gửi"));
    expect(replyText(late.replies)).toContain("không có gì được gửi thêm");
    expect(await bodies()).toEqual([{ body: B }]);
    expect(await copies()).toHaveLength(delivered.length);
  });
});
