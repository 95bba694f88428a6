import { afterAll, beforeAll, expect, it } from "vitest";
import { goLiveDate } from "../../src/services/go-live.service.js";
import { botHarness, type BotHarness } from "../support/bot-harness.js";
import { describeEngines } from "../support/engines.js";

/** The province office moves the go-live date in chat (`/ngaytheodoi`), as `chibo org go-live` does. */
describeEngines("/ngaytheodoi: the go-live date in chat", (engine) => {
  let h: BotHarness;
  beforeAll(async () => {
    h = await botHarness(engine, { now: new Date("2025-11-20T03:00:00Z") });
  });
  afterAll(() => h.close());

  it("the commune office sees the day but may not change it", async () => {
    const office = await h.as("DEMO-VP-TANVAN");
    expect(await h.sayText(office, "/ngaytheodoi")).toContain("Tỉnh bắt đầu dùng chibo từ ngày 01/01/2024");
    expect(await h.sayText(office, "/ngaytheodoi 01/10/2025")).toContain("không có quyền");
    expect(await goLiveDate(h.db.db)).toBe("2024-01-01");
  });

  it("the province office moves it after confirming the old and the new day; months before it are 'chưa theo dõi'", async () => {
    const province = await h.as("DEMO-VP-TINH");
    expect(await h.sayText(province, "/ngaytheodoi 01/12/2025")).toContain("Ngày 01/12/2025 chưa tới");
    expect(await h.sayText(province, "/ngaytheodoi 31/02/2025")).toContain('Chưa đọc được ngày "31/02/2025"');
    expect(await h.sayText(province, "/ngaytheodoi 1/10/2025")).toContain("Đổi ngày bắt đầu dùng chibo từ 01/01/2024 thành 01/10/2025?");
    expect(await h.sayText(province, "1")).toContain("Đã đặt ngày bắt đầu dùng chibo: 01/10/2025.");
    expect(await goLiveDate(h.db.db)).toBe("2025-10-01");
    const audit = await h.db.db.selectFrom("audit_log").select(["actor_person_id", "before", "after"]).where("action", "=", "setting.go_live").execute();
    expect(audit).toEqual([{ actor_person_id: expect.any(Number), before: "2024-01-01", after: "2025-10-01" }]);
    // A button from before the change does not overwrite it unseen.
    expect(await h.sayText(province, "", { text: undefined, action: "gld:s:2025-06-01:2024-01-01" })).toContain("vừa được đổi thành 01/10/2025");
    expect(await goLiveDate(h.db.db)).toBe("2025-10-01");
    expect(await h.sayText(await h.as("DEMO-VP-TANVAN"), "/tonghop tháng 9/2025")).toContain("chưa theo dõi");
  });
});
