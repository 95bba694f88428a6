import { afterAll, beforeAll, expect, it } from "vitest";
import { DEMO_SECRETARY_CODE } from "../../src/db/demo-seed.js";
import { findOrgByCode } from "../../src/db/org.repository.js";
import { createI18n } from "../../src/messaging/i18n.js";
import type { Choice } from "../../src/messaging/message.js";
import { botHarness, choiceLabelled, replyText, type BotHarness } from "../support/bot-harness.js";
import { describeEngines } from "../support/engines.js";

/**
 * `/xeploai`'s decide steps act on the cell, year and step their screen shows, and `/tudanhgia`'s "Gửi"
 * sends the review its screen shows, or nothing (a level pressed under one cell's screen rated the cell
 * opened after it; "Gửi" sent the words typed after it).
 */
describeEngines("/xeploai and /tudanhgia: an older screen's buttons decide and send nothing", (engine) => {
  let h: BotHarness;
  let office: string;
  let polai: number;
  let banchang: number;
  const decisions = () => h.db.db.selectFrom("rating_decision").select(["org_id", "year", "level", "score", "decided_at"]).orderBy("org_id").execute();
  const reviews = () => h.db.db.selectFrom("member_self_review").select(["year", "level", "text", "at"]).orderBy("year").execute();
  const choice = choiceLabelled;
  const press = (who: string, c: Choice | string) => h.say(who, "", { text: undefined, action: typeof c === "string" ? c : c.action });
  const forbidden = createI18n().t("vi", "error-forbidden");

  beforeAll(async () => {
    h = await botHarness(engine, { now: new Date("2025-12-20T03:00:00Z") });
    polai = (await findOrgByCode(h.db.db, "DEMO-CB-POLAI"))!.id;
    banchang = (await findOrgByCode(h.db.db, "DEMO-CB-BANCHANG"))!.id;
    office = await h.as("DEMO-VP-TANVAN");
  });
  afterAll(() => h.close());

  it("a level under Pò Lài's screen, pressed once Bản Chang's is open, rates neither; Bản Chang's own rates it; a second press says when", async () => {
    const scorePolai = await press(office, `xl:d:${polai}:2025`);
    const levelPolai = await press(office, choice(scorePolai, "Không chấm điểm, chỉ xếp loại"));
    expect(replyText(levelPolai.replies)).toContain("Mức xếp loại cuối cùng của Chi bộ thôn Pò Lài?");
    const scoreBanchang = await press(office, `xl:d:${banchang}:2025`);
    const levelBanchang = await press(office, choice(scoreBanchang, "Không chấm điểm, chỉ xếp loại"));
    expect(replyText(levelBanchang.replies)).toContain("Mức xếp loại cuối cùng của Chi bộ thôn Bản Chang?");
    for (const c of [...levelPolai.replies, ...scoreBanchang.replies, ...levelBanchang.replies].flatMap((r) => r.choices ?? [])) expect(Buffer.byteLength(c.action)).toBeLessThanOrEqual(64);

    const stale = await press(office, choice(levelPolai, "Hoàn thành xuất sắc nhiệm vụ"));
    const text = replyText(stale.replies);
    expect(text).toContain("Màn hình xếp loại Chi bộ thôn Pò Lài năm 2025 vừa bấm đã cũ");
    expect(text).toContain("chưa xếp loại, chưa ghi gì");
    expect(stale.replies.at(-1)!.text).toContain("Mức xếp loại cuối cùng của Chi bộ thôn Bản Chang?");
    expect(stale.pressed).toBe("expired");
    expect(await decisions()).toEqual([]);
    // An earlier step's button of the open cell does not take it back a step either.
    const earlier = await press(office, choice(scoreBanchang, "Không chấm điểm, chỉ xếp loại"));
    expect(replyText(earlier.replies)).toContain("Màn hình xếp loại Chi bộ thôn Bản Chang năm 2025 vừa bấm đã cũ");
    expect(earlier.replies.at(-1)!.text).toContain("Mức xếp loại cuối cùng của Chi bộ thôn Bản Chang?");

    const done = await press(office, choice(levelBanchang, "Hoàn thành tốt nhiệm vụ"));
    expect(replyText(done.replies)).toContain("Đã xếp loại Chi bộ thôn Bản Chang năm 2025: Hoàn thành tốt nhiệm vụ.");
    const decided = await decisions();
    expect(decided.map((d) => [d.org_id, d.year, d.level])).toEqual([[banchang, 2025, "HTT"]]);

    h.clock.now = new Date("2025-12-20T03:20:00Z");
    const again = await press(office, choice(levelBanchang, "Hoàn thành tốt nhiệm vụ"));
    expect(replyText(again.replies)).toContain("Chi bộ thôn Bản Chang năm 2025 đã được xếp loại Hoàn thành tốt nhiệm vụ lúc 10:00 ngày 20/12/2025. Không cần bấm lại.");
    expect(again.pressed).toBe("expired");
    // Another level of that screen, and the other cell's screen: old, nothing changed.
    expect(replyText((await press(office, choice(levelBanchang, "Không hoàn thành nhiệm vụ"))).replies)).toContain("đã cũ (đã xếp loại, đã hủy hoặc đã được thay)");
    expect(replyText((await press(office, choice(levelPolai, "Hoàn thành xuất sắc nhiệm vụ"))).replies)).toContain("Màn hình xếp loại Chi bộ thôn Pò Lài năm 2025 vừa bấm đã cũ");
    expect(await decisions()).toEqual(decided);
  });

  it("a step of one year's screen, pressed once another year's is open, acts on neither; the payload's cell is checked again", async () => {
    const lastYear = await press(office, `xl:d:${polai}:2024`);
    expect(replyText(lastYear.replies)).toContain("Đảng ủy chấm Chi bộ thôn Pò Lài năm 2024");
    await press(office, `xl:d:${polai}:2025`);
    const stale = await press(office, choice(lastYear, "Không chấm điểm, chỉ xếp loại"));
    expect(replyText(stale.replies)).toContain("Màn hình xếp loại Chi bộ thôn Pò Lài năm 2024 vừa bấm đã cũ");
    expect(stale.replies.at(-1)!.text).toContain("Đảng ủy chấm Chi bộ thôn Pò Lài năm 2025");
    // The digit (Zalo, console) answers the list shown last: the open year's.
    expect(await h.sayText(office, "Không chấm điểm, chỉ xếp loại")).toContain("Mức xếp loại cuối cùng của Chi bộ thôn Pò Lài?");

    const secretary = await h.as(DEMO_SECRETARY_CODE);
    const open = await press(office, `xl:d:${banchang}:2025`);
    const refused = await press(secretary, choice(open, "Không chấm điểm, chỉ xếp loại"));
    expect(replyText(refused.replies)).toContain(forbidden);
    expect(replyText(refused.replies)).not.toContain("Bản Chang");
    await h.say(office, "/huy");
  });

  it("'Gửi' under the first self-review, pressed once a second was written, sends neither; the open one's sends it; a second press says when", async () => {
    const mai = await h.as("DEMO-DV-POLAI-MAI");
    h.clock.now = new Date("2025-12-20T04:00:00Z");
    await press(mai, choice(await h.say(mai, "/tudanhgia"), "Hoàn thành tốt nhiệm vụ"));
    const first = await h.say(mai, "Hoàn thành nhiệm vụ thu đảng phí.");
    await press(mai, choice(await h.say(mai, "/tudanhgia"), "Hoàn thành nhiệm vụ"));
    const second = await h.say(mai, "Còn chậm nộp báo cáo hộ phụ trách.");
    for (const c of [...first.replies, ...second.replies].flatMap((r) => r.choices ?? [])) expect(Buffer.byteLength(c.action)).toBeLessThanOrEqual(64);

    const stale = await press(mai, choice(first, "Gửi tự đánh giá"));
    expect(replyText(stale.replies)).toContain("Màn hình tự đánh giá năm 2025 vừa bấm đã cũ");
    expect(replyText(stale.replies)).toContain("chưa gửi gì");
    expect(stale.replies.at(-1)!.text).toContain("Còn chậm nộp báo cáo hộ phụ trách.");
    expect(stale.pressed).toBe("expired");
    expect(await reviews()).toEqual([]);
    // Its "Hủy" drops nothing either.
    expect(replyText((await press(mai, choice(first, "Hủy"))).replies)).not.toContain("Đã hủy");

    expect(replyText((await press(mai, choice(second, "Gửi tự đánh giá"))).replies)).toContain("Đã ghi tự đánh giá năm 2025: Hoàn thành nhiệm vụ.");
    const sent = await reviews();
    expect(sent.map((r) => [r.year, r.level, r.text])).toEqual([[2025, "HT", "Còn chậm nộp báo cáo hộ phụ trách."]]);
    h.clock.now = new Date("2025-12-20T04:30:00Z");
    const again = await press(mai, choice(second, "Gửi tự đánh giá"));
    expect(replyText(again.replies)).toContain("Bản tự đánh giá năm 2025 này (Hoàn thành nhiệm vụ) đã gửi lúc 11:00 ngày 20/12/2025. Không cần bấm lại.");
    expect(replyText((await press(mai, choice(first, "Gửi tự đánh giá"))).replies)).toContain("đã cũ (đã gửi, đã hủy hoặc đã được thay)");
    expect(await reviews()).toEqual(sent);

    // Another year's preview, pressed once this year's screen is open, sends nothing and names its year.
    await press(mai, choice(await h.say(mai, "/tudanhgia 2024"), "Hoàn thành tốt nhiệm vụ"));
    const lastYear = await h.say(mai, "Năm 2024 hoàn thành tốt.");
    await h.say(mai, "/tudanhgia 2025");
    const old = await press(mai, choice(lastYear, "Gửi tự đánh giá"));
    expect(replyText(old.replies)).toContain("Màn hình tự đánh giá năm 2024 vừa bấm đã cũ");
    expect(old.replies.at(-1)!.text).toContain("Đồng chí tự xếp loại năm 2025 ở mức nào?");
    expect(await reviews()).toEqual(sent);
  });
});
