import { afterAll, beforeAll, expect, it } from "vitest";
import { DEMO_SECRETARY_CODE } from "../../src/db/demo-seed.js";
import { findOrgByCode } from "../../src/db/org.repository.js";
import type { Choice } from "../../src/messaging/message.js";
import { createI18n } from "../../src/messaging/i18n.js";
import { botHarness, choiceLabelled, replyText, type BotHarness } from "../support/bot-harness.js";
import { describeEngines } from "../support/engines.js";

const vn = (local: string) => new Date(`${local}:00+07:00`);

/**
 * `/chuongtrinh`'s "Lưu chương trình" saves the agenda the screen it is under shows, or nothing: its text
 * goes to every member with the D-3 reminder. (It saved whatever was open in the chat when pressed: the
 * political tasks typed after it, the guidance published since.)
 */
describeEngines("/chuongtrinh: an older screen's 'Lưu' saves nothing", (engine) => {
  let h: BotHarness;
  let sec: string;
  let cellId: number;
  const agendas = () => h.db.db.selectFrom("meeting_agenda").select(["period", "political_tasks", "text", "prepared_at"]).where("org_id", "=", cellId).execute();
  const choice = choiceLabelled;
  const press = (who: string, c: Choice) => h.say(who, "", { text: undefined, action: c.action });

  beforeAll(async () => {
    h = await botHarness(engine, { now: vn("2026-01-20T09:00") });
    cellId = (await findOrgByCode(h.db.db, "DEMO-CB-POLAI"))!.id;
    sec = await h.as(DEMO_SECRETARY_CODE);
  });
  afterAll(() => h.close());

  it("'Lưu' under the political tasks typed first saves nothing, names its screen and shows the open one", async () => {
    const first = await h.say(sec, "/chuongtrinh");
    expect(replyText(first.replies)).toContain("Chương trình sinh hoạt Chi bộ thôn Pò Lài tháng 2/2026");
    const withA = await h.say(sec, "Thu hoạch mía");
    expect(replyText(withA.replies)).toContain("3. Nhiệm vụ chính trị trong tháng: Thu hoạch mía");
    const withB = await h.say(sec, "Phòng chống cháy rừng");
    expect(replyText(withB.replies)).toContain("3. Nhiệm vụ chính trị trong tháng: Phòng chống cháy rừng");
    for (const c of [...first.replies, ...withA.replies, ...withB.replies].flatMap((r) => r.choices ?? [])) expect(Buffer.byteLength(c.action)).toBeLessThanOrEqual(64);

    const stale = await press(sec, choice(withA, "Lưu chương trình"));
    const text = replyText(stale.replies);
    expect(text).toContain("Bản chương trình sinh hoạt Chi bộ thôn Pò Lài tháng 2/2026 vừa bấm đã cũ");
    expect(text).toContain("chưa lưu gì, không có gì gửi cho đảng viên");
    // The open one again, last, with buttons that work; the pressed keyboard goes unmarked.
    expect(stale.replies.at(-1)!.text).toContain("3. Nhiệm vụ chính trị trong tháng: Phòng chống cháy rừng");
    expect(stale.pressed).toBe("expired");
    expect(await agendas()).toEqual([]);

    // The first screen's "Hủy" drops nothing either: the open agenda is still there to save.
    const cancel = await press(sec, choice(first, "Hủy"));
    expect(replyText(cancel.replies)).toContain("đã cũ");
    expect(replyText(cancel.replies)).not.toContain("Đã hủy");
    expect(cancel.replies.at(-1)!.text).toContain("Phòng chống cháy rừng");
  });

  it("'Lưu' under an agenda whose guidance changed since it was shown saves nothing; the open one's saves it; a second press says when", async () => {
    await h.say(sec, "/chuongtrinh");
    const shown = await h.say(sec, "Phòng chống cháy rừng");
    expect(replyText(shown.replies)).toContain("2. Định hướng của cấp ủy cấp trên: chưa có.");
    // The commune publishes February's guidance while the secretary's screen is open.
    const office = await h.as("DEMO-VP-TANVAN");
    await h.say(office, "/dinhhuong 2/2026");
    const preview = await h.say(office, "Tuyên truyền đón Tết an toàn");
    await press(office, choice(preview, "Đăng định hướng"));

    const stale = await press(sec, choice(shown, "Lưu chương trình"));
    expect(replyText(stale.replies)).toContain("Bản chương trình sinh hoạt Chi bộ thôn Pò Lài tháng 2/2026 vừa bấm đã cũ (nội dung đã khác");
    expect(stale.replies.at(-1)!.text).toContain("2. Định hướng của Đảng bộ xã Tân Văn: Tuyên truyền đón Tết an toàn");
    expect(await agendas()).toEqual([]);

    // The digit (Zalo, console: no buttons) answers the list shown last: the open agenda, which is saved as shown.
    expect(await h.sayText(sec, "1")).toContain("Đã lưu chương trình sinh hoạt tháng 2/2026.");
    const [saved] = await agendas();
    expect(saved!.period).toBe("2026-02");
    expect(saved!.political_tasks).toBe("Phòng chống cháy rừng");
    expect(saved!.text).toContain("Tuyên truyền đón Tết an toàn");
    expect(saved!.text).toContain("Phòng chống cháy rừng");

    // A second tap on that screen's "Lưu" says when it was saved and changes nothing.
    h.clock.now = vn("2026-01-20T09:30");
    const again = await press(sec, choice(stale, "Lưu chương trình"));
    expect(replyText(again.replies)).toContain("Chương trình sinh hoạt Chi bộ thôn Pò Lài tháng 2/2026 này đã được lưu lúc 09:00 ngày 20/01/2026. Không cần bấm lại.");
    expect(again.pressed).toBe("expired");
    // An older screen's, that it is old and nothing is open.
    const old = await press(sec, choice(shown, "Lưu chương trình"));
    expect(replyText(old.replies)).toContain("đã cũ (đã lưu, đã hủy hoặc đã được thay)");
    expect(await agendas()).toEqual([saved]);
  });

  it("the payload is checked again: a secretary of another commune's cell is refused and told nothing of Pò Lài", async () => {
    const before = await agendas();
    const shown = await h.say(sec, "/chuongtrinh");
    const other = await h.as("DEMO-CB-TANHOA1-BT");
    const refused = await press(other, choice(shown, "Lưu chương trình"));
    expect(replyText(refused.replies)).toContain(createI18n().t("vi", "error-forbidden"));
    expect(replyText(refused.replies)).not.toContain("Pò Lài");
    expect(await agendas()).toEqual(before);
  });
});
