import { afterAll, beforeAll, expect, it } from "vitest";
import type { IncomingMessage } from "../../src/messaging/message.js";
import { setAccountReachable } from "../../src/db/chat-account.repository.js";
import { preferredAccountOf } from "../../src/db/channel-pref.repository.js";
import { DEMO_SECRETARY_CODE } from "../../src/db/demo-seed.js";
import { findPersonByCode } from "../../src/db/person.repository.js";
import { createInvite } from "../../src/services/link.service.js";
import { botHarness, type BotHarness } from "../support/bot-harness.js";
import { describeEngines } from "../support/engines.js";

const MINUTE = 60 * 1000;

describeEngines("one person on two messengers chooses where reminders go (/kenh)", (engine) => {
  let h: BotHarness;
  let personId: number;
  const zalo = (text: string) => h.sayText("z-6ede9afa66b8", text, { channel: "zalo", chatId: "z-6ede9afa66b8" } as Partial<IncomingMessage>);
  const telegram = (text: string) => h.sayText("777000111", text, { channel: "telegram", chatId: "777000111" });
  const later = () => (h.clock.now = new Date(h.clock.now.getTime() + MINUTE));

  beforeAll(async () => {
    h = await botHarness(engine);
    personId = (await findPersonByCode(h.db.db, DEMO_SECRETARY_CODE))!.id;
  });
  afterAll(() => h.close());

  it("tells someone linked on one messenger how to add another", async () => {
    const code = (await createInvite(h.db.db, personId, null, h.clock.now)).code;
    expect(await zalo(`/lienket ${code}`)).toContain("Đồng ý");
    expect(await zalo("1")).toContain("Đã liên kết tài khoản với đồng chí Hoàng Văn Páo");
    later();
    const reply = await zalo("/kenh");
    expect(reply).toContain("Nhắc việc đang gửi qua Zalo (kênh đồng chí dùng gần nhất)");
    expect(reply).toContain("Đồng chí mới liên kết qua Zalo");
    expect(await preferredAccountOf(h.db.db, personId)).toMatchObject({ channel: "zalo", chatId: "z-6ede9afa66b8" });
  });

  it("is one person on both: /toi lists both channels, and reminders follow the channel used last", async () => {
    const code = (await createInvite(h.db.db, personId, null, h.clock.now)).code;
    later();
    expect(await telegram(`/lienket ${code}`)).toContain("Đồng ý");
    expect(await telegram("Đồng ý")).toContain("Đã liên kết");
    expect(await telegram("/toi")).toContain("Đã liên kết qua: Zalo, Telegram");
    expect(await preferredAccountOf(h.db.db, personId)).toMatchObject({ channel: "telegram", chatId: "777000111" });
    later();
    await zalo("/toi");
    expect(await preferredAccountOf(h.db.db, personId)).toMatchObject({ channel: "zalo" });
  });

  it("lists the linked channels as numbered choices and keeps the one chosen by digit", async () => {
    later();
    const ask = await zalo("/kenh");
    expect(ask).toContain("Đồng chí muốn nhận nhắc việc qua kênh nào?");
    expect(ask).toContain("1. Telegram\n2. Zalo\n3. Tự động (kênh dùng gần nhất)");
    expect(await zalo("1")).toContain("Từ nay nhắc việc sẽ gửi qua Telegram.");
    later();
    await zalo("/toi"); // using Zalo later does not override an explicit choice
    expect(await preferredAccountOf(h.db.db, personId)).toMatchObject({ channel: "telegram" });
    expect(await zalo("/kenh")).toContain("Nhắc việc đang gửi qua Telegram (đồng chí đã chọn)");
    const audit = await h.db.db.selectFrom("audit_log").selectAll().where("action", "=", "person.reminder_channel").execute();
    expect(audit).toHaveLength(1);
  });

  it("skips an unreachable account, and goes back to automatic on request", async () => {
    await setAccountReachable(h.db.db, "telegram", "777000111", false);
    expect(await preferredAccountOf(h.db.db, personId)).toMatchObject({ channel: "zalo" });
    await setAccountReachable(h.db.db, "zalo", "z-6ede9afa66b8", false);
    expect(await preferredAccountOf(h.db.db, personId)).toBeUndefined();
    await setAccountReachable(h.db.db, "telegram", "777000111", true);
    expect(await telegram("/kenh tự động")).toContain("kênh đồng chí dùng gần nhất");
    expect(await preferredAccountOf(h.db.db, personId)).toMatchObject({ channel: "telegram" });
  });

  it("refuses a channel the person has not linked, and needs a linked account", async () => {
    expect(await zalo("/kenh viber")).toContain('Đồng chí chưa liên kết kênh "viber"');
    expect(await h.sayText("guest-x", "/kenh")).toContain("chưa được liên kết");
    const consoleOnly = await h.as("DEMO-DV-POLAI-MAI");
    expect(await h.sayText(consoleOnly, "/kenh")).toContain("chưa liên kết Zalo hay Telegram");
  });
});
