import { afterAll, beforeAll, expect, it } from "vitest";
import { DEMO_SECRETARY_CODE } from "../../src/db/demo-seed.js";
import { findOrgByCode } from "../../src/db/org.repository.js";
import type { Choice } from "../../src/messaging/message.js";
import { ensureConsoleAccount } from "../../src/services/console-account.service.js";
import { botHarness, choiceLabelled, replyText, type BotHarness } from "../support/bot-harness.js";
import { describeEngines } from "../support/engines.js";

/**
 * `/hosothon`'s "Lưu" and `/xeploai`'s decision are bound to the version the screen was opened on: when
 * another person saved meanwhile, nothing is stored, the reply says who, when and what differs, and the
 * values as stored now are shown (the later press silently overwrote them).
 */
describeEngines("/hosothon and /xeploai: a save after someone else's stores nothing and shows what is stored now", (engine) => {
  let h: BotHarness;
  let sec: string;
  let deputy: string;
  let deputyName: string;
  let polai: number;
  const choice = choiceLabelled;
  const press = (who: string, c: Choice | string) => h.say(who, "", { text: undefined, action: typeof c === "string" ? c : c.action });
  const records = () => h.db.db.selectFrom("village_record").select(["period", "population", "households"]).where("org_id", "=", polai).orderBy("period").execute();
  const decisions = () => h.db.db.selectFrom("rating_decision").select(["level", "score", "note"]).where("org_id", "=", polai).execute();

  beforeAll(async () => {
    h = await botHarness(engine, { now: new Date("2025-11-20T03:00:00Z") });
    polai = (await findOrgByCode(h.db.db, "DEMO-CB-POLAI"))!.id;
    sec = await h.as(DEMO_SECRETARY_CODE);
    const role = await h.db.db.selectFrom("role").select("person_id").where("org_id", "=", polai).where("role", "=", "deputy_secretary").executeTakeFirstOrThrow();
    deputy = await ensureConsoleAccount(h.db.db, role.person_id, h.clock.now);
    deputyName = (await h.db.db.selectFrom("person").select("full_name").where("id", "=", role.person_id).executeTakeFirstOrThrow()).full_name;
  });
  afterAll(() => h.close());

  it("/hosothon: the deputy saved the quarter meanwhile; the secretary's 'Lưu' stores nothing, says who, when and what, and shows the stored record with her change over it", async () => {
    await h.say(sec, "/hosothon quý 3/2025");
    const mine = await h.say(sec, "dân số 618");

    h.clock.now = new Date("2025-11-20T03:10:00Z");
    await h.say(deputy, "/hosothon quý 3/2025");
    await h.say(deputy, "số hộ 142");
    expect(await h.sayText(deputy, "Lưu")).toContain("Đã lưu hồ sơ Chi bộ thôn Pò Lài, quý 3/2025");
    expect((await records()).map((r) => [r.population, r.households])).toEqual([[null, 142]]);

    const pressed = await press(sec, choice(mine, "Lưu"));
    const text = replyText(pressed.replies);
    expect(pressed.pressed).toBe("expired");
    expect(text).toContain(`Chưa lưu: sau khi đồng chí mở hồ sơ này, đ/c ${deputyName} đã lưu hồ sơ Chi bộ thôn Pò Lài, quý 3/2025 lúc 10:10 ngày 20/11/2025.`);
    expect(text).toContain("Những mục đã thay đổi:\n• Số hộ: 142 (trước: —)");
    // The record as stored now, her change laid over it.
    const screen = pressed.replies.at(-1)!.text!;
    expect(screen).toContain("• Số hộ: 142\n");
    expect(screen).toContain("• Dân số (người): 618 ✎");
    expect((await records()).map((r) => [r.population, r.households])).toEqual([[null, 142]]);

    // Saved from the fresh screen: both changes kept.
    expect(replyText((await press(sec, choice(pressed, "Lưu"))).replies)).toContain("Đã lưu hồ sơ Chi bộ thôn Pò Lài, quý 3/2025");
    expect((await records()).map((r) => [r.population, r.households])).toEqual([[618, 142]]);
  });

  it("/xeploai: another committee member decided the cell meanwhile; the office's level stores nothing, says who, when and what, and asks again over the decision stored", async () => {
    h.clock.now = new Date("2025-12-20T03:00:00Z");
    const office = await h.as("DEMO-VP-TANVAN");
    const khoa = await h.as("DEMO-CUV-KHOA");
    const score = await press(office, `xl:d:${polai}:2025`);
    const levels = await press(office, choice(score, "Không chấm điểm, chỉ xếp loại"));

    h.clock.now = new Date("2025-12-20T03:05:00Z");
    const theirScore = await press(khoa, `xl:d:${polai}:2025`);
    const theirLevels = await press(khoa, choice(theirScore, "Không chấm điểm, chỉ xếp loại"));
    expect(replyText((await press(khoa, choice(theirLevels, "Hoàn thành tốt nhiệm vụ"))).replies)).toContain("Đã xếp loại Chi bộ thôn Pò Lài năm 2025: Hoàn thành tốt nhiệm vụ.");
    expect(await decisions()).toEqual([{ level: "HTT", score: null, note: null }]);

    const pressed = await press(office, choice(levels, "Hoàn thành xuất sắc nhiệm vụ"));
    const text = replyText(pressed.replies);
    expect(text).toContain("Chưa lưu: sau khi đồng chí mở màn hình này, đ/c Lộc Văn Khoa đã xếp loại Chi bộ thôn Pò Lài năm 2025 lúc 10:05 ngày 20/12/2025.");
    expect(text).toContain("• Mức xếp loại: Hoàn thành tốt nhiệm vụ (trước: chưa xếp loại)");
    expect(text).toContain("Đồng chí chọn: Hoàn thành xuất sắc nhiệm vụ.");
    expect(await decisions()).toEqual([{ level: "HTT", score: null, note: null }]);

    // Confirmed on the decision now stored, it replaces it.
    expect(replyText((await press(office, choice(pressed, "Lưu mức này"))).replies)).toContain("Đã xếp loại Chi bộ thôn Pò Lài năm 2025: Hoàn thành xuất sắc nhiệm vụ.");
    expect(await decisions()).toEqual([{ level: "HTXS", score: null, note: null }]);
  });
});
