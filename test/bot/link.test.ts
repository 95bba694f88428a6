import { afterAll, beforeAll, expect, it } from "vitest";
import { DEMO_SECRETARY_CODE } from "../../src/db/demo-seed.js";
import { findPersonByCode } from "../../src/db/person.repository.js";
import { createInvite } from "../../src/services/link.service.js";
import { botHarness, type BotHarness } from "../support/bot-harness.js";
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
});
