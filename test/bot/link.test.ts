import { afterAll, beforeAll, expect, it } from "vitest";
import type { App } from "../../src/app.js";
import type { CommandContext } from "../../src/cli/command.js";
import { loadConfig } from "../../src/config.js";
import { DEMO_SECRETARY_CODE } from "../../src/db/demo-seed.js";
import { enqueueMessages } from "../../src/db/outbox.repository.js";
import { findPersonByCode } from "../../src/db/person.repository.js";
import { createI18n } from "../../src/messaging/i18n.js";
import type { IncomingMessage } from "../../src/messaging/message.js";
import { checkOutboxMessage } from "../../src/messaging/outbox-message.js";
import { renderOutboxMessage } from "../../src/messaging/outbox-render.js";
import { createInvite } from "../../src/services/link.service.js";
import { botHarness, type BotHarness } from "../support/bot-harness.js";
import { runChibo } from "../support/cli.js";
import { describeEngines } from "../support/engines.js";

const DAY = 24 * 60 * 60 * 1000;

describeEngines("linking an account", (engine) => {
  let h: BotHarness;
  let secretaryId: number;
  beforeAll(async () => {
    h = await botHarness(engine);
    secretaryId = (await findPersonByCode(h.db.db, DEMO_SECRETARY_CODE))!.id;
  });
  afterAll(() => h.close());

  const invite = async (personId = secretaryId, at = h.clock.now) => (await createInvite(h.db.db, personId, null, at)).code;

  it("asks an unlinked user to link, and refuses everything else", async () => {
    expect(await h.sayText("guest-a", "/toi")).toContain("chưa được liên kết");
    expect(await h.sayText("guest-a", "xin chào")).toContain("/lienket");
    const help = await h.sayText("guest-a", "/trogiup");
    expect(help).toContain("/lienket");
    expect(help).not.toContain("/chibo");
  });

  it("links with a code once the notice is accepted, then answers /toi for that person", async () => {
    const code = await invite();
    const notice = await h.sayText("guest-b", `/lienket ${code}`);
    expect(notice).toContain("Thông báo về dữ liệu cá nhân");
    expect(notice).not.toContain("Đã liên kết");
    expect(await h.sayText("guest-b", "Đồng ý")).toContain("Đã liên kết tài khoản với đồng chí Hoàng Văn Páo");
    expect(await h.sayText("guest-b", "/toi")).toContain("Họ tên: Hoàng Văn Páo");
    const stored = await h.db.db.selectFrom("chat_account").selectAll().where("platform_user_id", "=", "guest-b").executeTakeFirstOrThrow();
    expect(stored.person_id).toBe(secretaryId);
    const audit = await h.db.db.selectFrom("audit_log").selectAll().where("action", "=", "account.link").execute();
    expect(audit.some((a) => a.entity_id === String(stored.id))).toBe(true);
  });

  it("accepts a bare code typed alone, in lower case with spaces", async () => {
    const code = await invite();
    expect(await h.sayText("guest-c", code.toLowerCase().replace("-", " "))).toContain("Đồng ý");
    expect(await h.sayText("guest-c", "1")).toContain("Đã liên kết");
  });

  it("refuses a wrong code, a used code and an expired code, each with its own reason", async () => {
    expect(await h.sayText("guest-d", "/lienket ABCDE-FGHJK")).toContain("Mã mời không đúng");
    const used = await invite();
    await h.sayText("guest-e", `/lienket ${used}`);
    await h.sayText("guest-e", "1");
    expect(await h.sayText("guest-d", `/lienket ${used}`)).toContain("đã được dùng");
    const old = await invite(secretaryId, new Date(h.clock.now.getTime() - 8 * DAY));
    expect(await h.sayText("guest-d", `/lienket ${old}`)).toContain("hết hạn");
    const account = await h.db.db.selectFrom("chat_account").selectAll().where("platform_user_id", "=", "guest-d").executeTakeFirstOrThrow();
    expect(account.person_id).toBeNull();
  });

  it("stops trying after five failures in 15 minutes, even with a right code", async () => {
    for (let i = 0; i < 5; i++) await h.sayText("guest-f", "/lienket 22222-22222");
    const good = await invite();
    expect(await h.sayText("guest-f", `/lienket ${good}`)).toContain("quá nhiều lần");
    h.clock.now = new Date(h.clock.now.getTime() + 16 * 60 * 1000);
    expect(await h.sayText("guest-f", `/lienket ${good}`)).toContain("Đồng ý");
    expect(await h.sayText("guest-f", "1")).toContain("Đã liên kết");
  });

  it("links by a shared phone number only when the contact is the sender's own", async () => {
    const person = await findPersonByCode(h.db.db, "DEMO-DV-POLAI-MAI");
    const phone = person!.phone!.replace("+84", "0");
    const other = await h.sayText("guest-g", "", { text: undefined, contact: { phone, userId: "someone-else" } });
    expect(other).toContain("Chỉ nhận số điện thoại của chính đồng chí");
    const own = await h.sayText("guest-g", "", { text: undefined, contact: { phone, userId: "guest-g" } });
    expect(own).toContain("Đồng chí có đồng ý để liên kết tài khoản Vi Thị Mai không?");
    expect(await h.sayText("guest-g", "Đồng ý")).toContain("Đã liên kết tài khoản với đồng chí Vi Thị Mai");
    const unknown = await h.sayText("guest-h", "", { text: undefined, contact: { phone: "0999999999", userId: "guest-h" } });
    expect(unknown).toContain("chưa có trong danh sách");
  });

  const on = (channel: "zalo" | "telegram", userId: string) => ({ channel, chatId: userId } as Partial<IncomingMessage>);
  const linkOn = async (channel: "zalo" | "telegram", userId: string, personCode: string) => {
    const person = (await findPersonByCode(h.db.db, personCode))!;
    const code = (await createInvite(h.db.db, person.id, null, h.clock.now)).code;
    expect(await h.sayText(userId, `/lienket ${code}`, on(channel, userId))).toContain("Đồng ý");
    expect(await h.sayText(userId, "1", on(channel, userId))).toContain("Đã liên kết");
    return person.id;
  };

  it("tells the account linked first when a second one is linked to the same person", async () => {
    const personId = await linkOn("telegram", "tg-first", "DEMO-DV-POLAI-MAI");
    const telegram = (await h.db.db.selectFrom("chat_account").select("id").where("platform_user_id", "=", "tg-first").executeTakeFirstOrThrow()).id;
    await linkOn("zalo", "zl-second", "DEMO-DV-POLAI-MAI");
    const notices = await h.db.db.selectFrom("outbox").selectAll().where("kind", "=", "account.linked").where("person_id", "=", personId).execute();
    // Only the other account hears of it, on its own chat.
    expect(notices.map((n) => [n.account_id, n.channel, n.chat_id, n.status])).toEqual([[telegram, "telegram", "tg-first", "pending"]]);
    const [text] = renderOutboxMessage(createI18n(), "vi", checkOutboxMessage("account.linked", notices[0]!.payload), h.clock.now, "Asia/Ho_Chi_Minh");
    expect(text!.text).toMatch(/^Tài khoản Zalo vừa được liên kết với đồng chí lúc \d\d:\d\d ngày 20\/11\/2025\./);
    expect(text!.text).toContain("Nếu không phải đồng chí, xin báo ngay văn phòng Đảng ủy");
  });

  it("chibo invite for a person already linked says so, and names the Zalo bot to write to", async () => {
    await linkOn("telegram", "tg-invite-twice", "DEMO-CB-BANCHANG-BT");
    const ctx: CommandContext = {
      cwd: process.cwd(),
      inRunningProcess: true,
      openApp: async () =>
        ({ config: loadConfig({ LOG_LEVEL: "silent", ZALO_BOT_NAME: "Trợ lý chi bộ Mẫu Sơn" }), database: h.db, i18n: createI18n(), outboxChanged: () => {}, close: async () => {} }) as unknown as App,
    };
    const out = await runChibo(["invite", "DEMO-CB-BANCHANG-BT"], { ctx });
    expect(out.code, out.stderr).toBe(0);
    expect(out.stderr).toMatch(/^Lưu ý: .+ đã liên kết tài khoản Telegram\. Mã này liên kết thêm một tài khoản nữa/);
    expect(out.stdout).toMatch(/^Zalo: tìm "Trợ lý chi bộ Mẫu Sơn" ở ô tìm kiếm của Zalo, mở bot đó rồi nhắn "\/lienket [A-Z0-9]{5}-[A-Z0-9]{5}"$/m);
    // Someone not linked gets no such note.
    const fresh = await runChibo(["invite", "DEMO-CB-NATHUA-BT"], { ctx });
    expect(fresh.stderr).toBe("");
  });

  it("reads the code in a whole invitation line pasted as it came", async () => {
    const code = await invite();
    expect(await h.sayText("guest-paste", `Zalo hoặc Telegram: gửi cho bot "/lienket ${code}"`)).toContain("Đồng ý");
    expect(await h.sayText("guest-paste", "1")).toContain("Đã liên kết tài khoản với đồng chí Hoàng Văn Páo");
    // The text to forward, with its deep link and its Zalo line: the same code twice is one code.
    const again = await invite();
    const forwarded = `Chào đồng chí Hoàng Văn Páo, chi bộ mời đồng chí dùng trợ lý chi bộ trên điện thoại. Telegram: mở https://t.me/chibo_bot?start=${again} rồi bấm Bắt đầu. Zalo: nhắn cho bot "/lienket ${again}". Mã dùng một lần, hết hạn ngày 27/11/2025.`;
    expect(await h.sayText("guest-forward", forwarded)).toContain("Đồng ý");
    // With its quotes: `/lienket "CODE".`
    expect(await h.sayText("guest-quoted", `/lienket "${await invite()}".`)).toContain("Đồng ý");
    // Two different codes in one message: neither is taken.
    expect(await h.sayText("guest-two", `/lienket ${await invite()} hoặc /lienket ${await invite()}`)).not.toContain("Đồng ý");
  });

  it("on Zalo the notice asks to type 1 or 2, not to press buttons Zalo does not show", async () => {
    const code = await invite();
    const notice = await h.sayText("zl-consent", `/lienket ${code}`, on("zalo", "zl-consent"));
    expect(notice).toContain("gõ số 1 nếu đồng ý, số 2 nếu không đồng ý");
    expect(notice).not.toMatch(/bấm nút|chọn "Đồng ý"/);
    const pending = await h.sayText("zl-consent", "để tôi xem đã", on("zalo", "zl-consent"));
    expect(pending).toContain("Đồng chí vui lòng gõ số 1 nếu đồng ý, số 2 nếu không đồng ý.");
    expect(pending).not.toMatch(/bấm nút|chọn "Đồng ý"/);
  });

  it("sends today's reminders planned before the person linked, once they link; older or expired ones stay skipped", async () => {
    const person = (await findPersonByCode(h.db.db, "DEMO-CB-DONGME-BT"))!;
    const HOUR = 60 * 60 * 1000;
    const now = h.clock.now.getTime();
    const meeting = { cell: "Chi bộ thôn Pò Lài", meeting: "1:2025-11-23", date: "2025-11-23", time: "19:30", place: null, agenda: null, kind: "regular", step: "d3" };
    const planned = (key: string, dueAt: number, expiresAt: number) => ({
      key: `test:${key}:${person.id}`,
      kind: "meeting.reminder" as const,
      personId: person.id,
      orgId: null,
      to: null,
      payload: meeting,
      dueAt: new Date(dueAt),
      expiresAt: new Date(expiresAt),
    });
    // 10:00 today in Vietnam: one planned at 07:00 today, one yesterday, one today that has expired.
    await enqueueMessages(h.db.db, [planned("today", now - 3 * HOUR, now + 3 * DAY), planned("yesterday", now - DAY, now + 3 * DAY), planned("expired", now - 2 * HOUR, now - HOUR)]);
    const status = async () =>
      Object.fromEntries((await h.db.db.selectFrom("outbox").select(["dedupe_key", "status", "channel"]).where("dedupe_key", "like", "test:%").execute()).map((r) => [r.dedupe_key.split(":")[1], [r.status, r.channel]]));
    expect(await status()).toEqual({ today: ["skipped", null], yesterday: ["skipped", null], expired: ["skipped", null] });
    await linkOn("zalo", "zl-khanh", "DEMO-CB-DONGME-BT");
    expect(await status()).toEqual({ today: ["pending", "zalo"], yesterday: ["skipped", null], expired: ["skipped", null] });
  });
});
