import { afterAll, beforeAll, expect, it } from "vitest";
import { findOrgByCode } from "../../src/db/org.repository.js";
import { findPersonByCode } from "../../src/db/person.repository.js";
import { botHarness, type BotHarness } from "../support/bot-harness.js";
import { describeEngines } from "../support/engines.js";

const vn = (local: string) => new Date(`${local}:00+07:00`);

// Issue #19.16: in the console demo nobody can receive, yet the author sees what each recipient
// would get and how the delivery went; a messenger with nobody to reach still says so and stops.
describeEngines("announcements tried on the console", (engine) => {
  let h: BotHarness;
  let office: string;
  let poLai: number;
  const announcements = () => h.db.db.selectFrom("announcement").select(["id", "recipients", "status"]).orderBy("id").execute();

  beforeAll(async () => {
    h = await botHarness(engine, { now: vn("2025-12-01T10:00") });
    office = await h.as("DEMO-VP-TANVAN");
    poLai = (await findOrgByCode(h.db.db, "DEMO-CB-POLAI"))!.id;
  });
  afterAll(() => h.close());

  it("shows the copy and the final stats when nobody in the demo can receive it", async () => {
    const preview = await h.sayText(office, "/thongbao DEMO-CB-POLAI Tối nay 19h30 họp chi bộ bất thường tại nhà văn hóa.");
    expect(preview).toContain("Trên console, tin không được gửi đi thật.");
    expect(preview).toContain("1. Gửi");
    const sent = await h.sayText(office, "1");
    expect(sent).toContain("Tin mỗi người nhận thấy (trên console không gửi đi thật; 0 người nhận qua Zalo/Telegram)");
    expect(sent).toContain("Thông báo của Đảng bộ xã Tân Văn\nTối nay 19h30 họp chi bộ bất thường tại nhà văn hóa.");
    expect(sent).toContain("Kết quả gửi thông báo");
    expect(sent).toMatch(/Người nhận: (\d+)\n• Đã nhận: 0\n• Không gửi được: \1 \(chưa liên kết tài khoản: \1\)\n• Còn chờ: 0/);
    const [a] = await announcements();
    expect(a).toMatchObject({ status: "done" });
    expect(a!.recipients).toBeGreaterThan(0);
    expect(poLai).toBeGreaterThan(0);
  });

  it("shows the progress while a linked member's copy waits", async () => {
    const mai = (await findPersonByCode(h.db.db, "DEMO-DV-POLAI-MAI"))!.id;
    await h.db.db.insertInto("chat_account").values({ channel: "telegram", platform_user_id: "7001", chat_id: "7001", person_id: mai }).execute();
    await h.sayText(office, "/thongbao DEMO-CB-POLAI Nhắc nộp đảng phí tháng 12.");
    const sent = await h.sayText(office, "gửi");
    expect(sent).toContain("1 người nhận qua Zalo/Telegram");
    expect(sent).toContain("Đang gửi thông báo");
    expect(sent).toMatch(/Đã gửi 0\/\d+, không gửi được \d+, còn chờ 1\./);
    const latest = (await announcements()).at(-1)!.id;
    const copy = await h.db.db.selectFrom("outbox").select(["chat_id", "status"]).where("announcement_id", "=", latest).where("person_id", "=", mai).execute();
    expect(copy).toEqual([{ chat_id: "7001", status: "pending" }]);
  });

  it("still stops on a messenger when nobody there can receive it", async () => {
    const tg = { channel: "telegram", chatId: "9001", userId: "9001" };
    const clerk = (await findPersonByCode(h.db.db, "DEMO-VP-KYLUA"))!.id;
    await h.db.db.insertInto("chat_account").values({ channel: "telegram", platform_user_id: "9001", chat_id: "9001", person_id: clerk }).execute();
    const before = (await announcements()).length;
    const preview = await h.sayText("9001", "/thongbao DEMO-CB-TANHOA1 Họp", tg);
    expect(preview).not.toContain("Trên console");
    expect(preview).toContain("Chưa ai trong đơn vị này liên kết tài khoản Zalo/Telegram");
    expect((await announcements()).length).toBe(before);
  });
});
