import { afterAll, beforeAll, expect, it } from "vitest";
import { createBot, type Bot } from "../../src/bot/bot.js";
import { defaultFeatures } from "../../src/bot/features/index.js";
// Telegram declares that it can send files; this suite drives the bot as Telegram without the channel.
import "../../src/channels/telegram/telegram-capabilities.js";
import { createI18n } from "../../src/messaging/i18n.js";
import type { IncomingMessage } from "../../src/messaging/message.js";
import { DEMO_SECRETARY_CODE } from "../../src/db/demo-seed.js";
import { findOrgByCode, listCellMembers } from "../../src/db/org.repository.js";
import { findPersonByCode } from "../../src/db/person.repository.js";
import { silentLogger } from "../../src/log.js";
import { createInvite } from "../../src/services/link.service.js";
import { botHarness, replyText, type BotHarness } from "../support/bot-harness.js";
import { describeEngines } from "../support/engines.js";
import { loadWorkbook } from "../support/xlsx.js";

/** How members find the Zalo bot (`ZALO_BOT_NAME`, `ZALO_BOT_LINK`). */
const ZALO_BOT = { name: "Trợ lý chi bộ Mẫu Sơn", link: "https://zalo.me/s/chibo-mauson" };
const CODE_RE = /[2-9A-HJKMNP-TV-Z]{5}-[2-9A-HJKMNP-TV-Z]{5}/;

describeEngines("/moi: invites from chat", (engine) => {
  let h: BotHarness;
  /** The same bot with its Telegram username configured (deep links). */
  let named: Bot;
  let seq = 0;
  const sayNamed = async (channel: "telegram" | "zalo", userId: string, text: string, extra: Partial<IncomingMessage> = {}) =>
    named.handle({ channel, chatId: userId, userId, chatType: "private", text, at: h.clock.now, updateId: `n${++seq}`, ...extra });
  const inviteCount = async () => (await h.db.db.selectFrom("invite").select("id").execute()).length;
  /** Link a messenger account to a demo person (each test links the accounts it needs). */
  const linkOn = async (channel: "telegram" | "zalo", userId: string, personCode: string) => {
    const person = (await findPersonByCode(h.db.db, personCode))!;
    const code = (await createInvite(h.db.db, person.id, null, h.clock.now)).code;
    const notice = replyText((await sayNamed(channel, userId, `/lienket ${code}`)).replies);
    // Linking waits for the personal-data notice to be accepted (unless the account is linked already).
    const text = notice.includes("Đồng ý") ? replyText((await sayNamed(channel, userId, "1")).replies) : notice;
    expect(text).toMatch(/Đã liên kết|đã liên kết/);
    return userId;
  };

  beforeAll(async () => {
    h = await botHarness(engine);
    named = createBot({ db: h.db.db, i18n: createI18n(), log: silentLogger(), features: defaultFeatures(), botName: "chibo_test_bot", zaloBot: ZALO_BOT });
  });
  afterAll(() => h.close());

  it("lists the secretary's members without an account and gives one a code, a Telegram link and a text to forward", async () => {
    const pao = await h.as(DEMO_SECRETARY_CODE);
    const list = await h.sayText(pao, "/moi");
    expect(list).toContain("Đảng viên Chi bộ thôn Pò Lài chưa liên kết tài khoản (10):");
    expect(list).not.toContain("Hoàng Văn Páo");
    expect(list).toMatch(/\n1\. /);
    expect(list).toContain("Tất cả");
    const before = await inviteCount();
    const picked = await h.sayText(pao, "1");
    const code = CODE_RE.exec(picked)?.[0];
    expect(code).toBeDefined();
    // No Telegram bot name here: no dead "t.me/<tên_bot>" link, the Zalo way only.
    expect(picked).not.toContain("t.me");
    expect(picked).toContain("Tin nhắn để chuyển qua Zalo hoặc SMS:");
    expect(picked).toContain(`nhắn cho bot "/lienket ${code}"`);
    expect(await inviteCount()).toBe(before + 1);
    const audit = await h.db.db.selectFrom("audit_log").selectAll().where("action", "=", "invite.create").orderBy("id", "desc").executeTakeFirstOrThrow();
    expect(audit.actor_person_id).toBe((await findPersonByCode(h.db.db, DEMO_SECRETARY_CODE))!.id);

    // The member redeems it on Zalo: they leave the list.
    expect(await h.sayText("zalo-member", `/lienket ${code}`, { channel: "zalo" })).toContain("Đồng ý");
    expect(await h.sayText("zalo-member", "1", { channel: "zalo" })).toContain("Đã liên kết tài khoản");
    expect(await h.sayText(pao, "/moi")).toContain("chưa liên kết tài khoản (9):");
  });

  it("builds the deep link from the bot's username", async () => {
    await linkOn("telegram", "tg-banchang", "DEMO-CB-BANCHANG-BT");
    await sayNamed("telegram", "tg-banchang", "/moi");
    const picked = replyText((await sayNamed("telegram", "tg-banchang", "", { text: undefined, action: "moi:p:" + (await firstMemberOf("DEMO-CB-BANCHANG")) })).replies);
    const code2 = CODE_RE.exec(picked)?.[0];
    expect(picked).toContain(`Telegram: https://t.me/chibo_test_bot?start=${code2}`);
    expect(picked).toContain(`mở https://t.me/chibo_test_bot?start=${code2} rồi bấm Bắt đầu`);
    // The Zalo way names the bot to find, in the code's message and in the text to forward.
    const zaloWay = `Zalo: mở https://zalo.me/s/chibo-mauson (hoặc tìm "Trợ lý chi bộ Mẫu Sơn" ở ô tìm kiếm của Zalo) rồi nhắn cho bot "/lienket ${code2}"`;
    expect(picked.split(zaloWay)).toHaveLength(3);
  });

  it("tells a Zalo-only province's members which bot to write to (ZALO_BOT_NAME)", async () => {
    const zaloOnly = createBot({ db: h.db.db, i18n: createI18n(), log: silentLogger(), features: defaultFeatures(), zaloBot: { name: ZALO_BOT.name } });
    const sayZalo = async (userId: string, text: string, extra: Partial<IncomingMessage> = {}) =>
      replyText((await zaloOnly.handle({ channel: "zalo", chatId: userId, userId, chatType: "private", text, at: h.clock.now, updateId: `z${++seq}`, ...extra })).replies);
    await linkOn("zalo", "zl-banchang", "DEMO-CB-BANCHANG-BT");
    await sayZalo("zl-banchang", "/moi");
    const picked = await sayZalo("zl-banchang", "", { text: undefined, action: "moi:p:" + (await firstMemberOf("DEMO-CB-BANCHANG")) });
    const code = CODE_RE.exec(picked)?.[0];
    expect(picked).not.toContain("t.me");
    expect(picked).toContain(`Zalo: tìm "Trợ lý chi bộ Mẫu Sơn" ở ô tìm kiếm của Zalo, mở bot đó rồi nhắn "/lienket ${code}"`);
    expect(picked).toContain(`trên điện thoại. Zalo: tìm "Trợ lý chi bộ Mẫu Sơn" ở ô tìm kiếm của Zalo, mở bot đó rồi nhắn "/lienket ${code}". Mã dùng một lần`);
  });

  it("gives 'tất cả' as a printable XLSX with names, codes and QR images on Telegram", async () => {
    const cell = (await findOrgByCode(h.db.db, "DEMO-CB-NATHUA"))!;
    await linkOn("telegram", "tg-nathua", "DEMO-CB-NATHUA-BT");
    const result = await sayNamed("telegram", "tg-nathua", "", { text: undefined, action: `moi:all:${cell.id}` });
    const reply = result.replies.find((r) => r.attachment)!;
    expect(reply.text).toContain("Phiếu mã mời Chi bộ thôn Nà Thưa: 7 người");
    expect(reply.attachment).toMatchObject({ kind: "document", filename: "phieu-moi.xlsx" });
    const wb = await loadWorkbook(reply.attachment!.data);
    const ws = wb.worksheets[0]!;
    const rows: string[][] = [];
    ws.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => String(v ?? ""))));
    expect(rows[0]![0]).toBe("PHIẾU MÃ MỜI — Chi bộ thôn Nà Thưa");
    expect(rows[1]![0]).toContain(`Zalo: mở https://zalo.me/s/chibo-mauson (hoặc tìm "Trợ lý chi bộ Mẫu Sơn" ở ô tìm kiếm của Zalo) rồi nhắn cho bot "/lienket MÃ"`);
    expect(reply.text).toContain(`tìm "Trợ lý chi bộ Mẫu Sơn"`);
    const header = rows.findIndex((r) => r[1] === "Họ và tên");
    expect(rows[header]).toEqual(["STT", "Họ và tên", "Chức vụ", "Mã mời", "Mã QR (Telegram)"]);
    const body = rows.slice(header + 1);
    expect(body).toHaveLength(7);
    for (const r of body) expect(r[3]).toMatch(CODE_RE);
    expect(ws.getImages()).toHaveLength(7);
  });

  it("says honestly on the console that no file can come, and lists the codes as text", async () => {
    const secretary = await h.as("DEMO-CB-DONGME-BT");
    expect(await h.sayText(secretary, "/moi")).toContain("chưa liên kết tài khoản (9):");
    const before = await inviteCount();
    const all = await h.sayText(secretary, "tất cả");
    expect(all).toContain("Kênh này không gửi được tệp nên không có phiếu in (Excel) ở đây");
    const lines = all.split("\n").filter((l) => /^\d+\. /.test(l));
    expect(lines).toHaveLength(9);
    for (const line of lines) expect(line).toMatch(new RegExp(`— ${CODE_RE.source}$`));
    expect(await inviteCount()).toBe(before + 9);
  });

  it("lets the commune office invite its cells' secretaries, and refuses members and forged choices", async () => {
    await linkOn("zalo", "zalo-dongme-bt", "DEMO-CB-DONGME-BT");
    const office = await h.as("DEMO-VP-TANVAN");
    const list = await h.sayText(office, "/moi");
    expect(list).toContain("Bí thư, phó bí thư các chi bộ thuộc Đảng bộ xã Tân Văn chưa liên kết tài khoản");
    // A console account (chibo chat --as) reaches nobody: Páo is still to be invited.
    expect(list).toContain("Hoàng Văn Páo — Bí thư Chi bộ thôn Pò Lài");
    expect(list).toContain("Phó Bí thư Chi bộ thôn Đồng Mé");
    expect(list).not.toContain("— Bí thư Chi bộ thôn Đồng Mé");

    const mai = await h.as("DEMO-DV-POLAI-MAI");
    expect(await h.sayText(mai, "/moi")).toContain("không có quyền");

    // Pò Lài's secretary presses a forged button for a member of another cell: no code.
    const pao = await h.as(DEMO_SECRETARY_CODE);
    const before = await inviteCount();
    const forged = await h.say(pao, "", { text: undefined, action: `moi:p:${await firstMemberOf("DEMO-CB-NATHUA")}` });
    expect(replyText(forged.replies)).toContain("không (còn) trong danh sách mời");
    expect(await inviteCount()).toBe(before);
  });

  async function firstMemberOf(cellCode: string): Promise<number> {
    const cell = (await findOrgByCode(h.db.db, cellCode))!;
    const secretary = (await findPersonByCode(h.db.db, `${cellCode}-BT`))?.id;
    const members = await listCellMembers(h.db.db, cell.id, "2025-11-20");
    return members.find((m) => m.id !== secretary)!.id;
  }
});
