import { afterAll, beforeAll, expect, it } from "vitest";
import { DEMO_SECRETARY_CODE } from "../../src/db/demo-seed.js";
import { findOrgByCode } from "../../src/db/org.repository.js";
import { botHarness, type BotHarness } from "../support/bot-harness.js";
import { describeEngines } from "../support/engines.js";

describeEngines("what each person may see through the bot", (engine) => {
  let h: BotHarness;
  let otherCell: number;
  let ownCell: number;
  beforeAll(async () => {
    h = await botHarness(engine);
    ownCell = (await findOrgByCode(h.db.db, "DEMO-CB-POLAI"))!.id;
    otherCell = (await findOrgByCode(h.db.db, "DEMO-CB-BANCHANG"))!.id;
  });
  afterAll(() => h.close());

  it("shows a member the cell summary but no member list, and refuses a forged list button", async () => {
    const mai = await h.as("DEMO-DV-POLAI-MAI");
    const cell = await h.sayText(mai, "/chibo");
    expect(cell).toContain("Chi bộ thôn Pò Lài");
    expect(cell).toContain("Đảng viên: 11");
    expect(cell).not.toContain("Danh sách đảng viên");
    const forged = await h.sayText(mai, "", { text: undefined, action: `cell:members:${ownCell}` });
    expect(forged).toContain("không có quyền");
    expect(forged).not.toContain("Hoàng Văn Páo");
  });

  it("lets a secretary list their own cell by digit, and refuses another cell's list", async () => {
    const sec = await h.as(DEMO_SECRETARY_CODE);
    await h.sayText(sec, "/chibo");
    const list = await h.sayText(sec, "1");
    expect(list).toContain("Danh sách đảng viên (11)");
    expect(list).toContain("Vi Thị Mai");
    const other = await h.sayText(sec, "", { text: undefined, action: `cell:members:${otherCell}` });
    expect(other).toContain("không có quyền");
    const garbage = await h.sayText(sec, "", { text: undefined, action: "cell:members:'; drop table person;--" });
    expect(garbage).toContain("hết hạn");
    const count = await h.db.db.selectFrom("person").select((eb) => eb.fn.countAll<string>().as("n")).executeTakeFirstOrThrow();
    expect(Number(count.n)).toBeGreaterThan(60);
  });

  it("lets an assigned cadre pick among the cells followed", async () => {
    const khoa = await h.as("DEMO-CUV-KHOA");
    const pick = await h.sayText(khoa, "/chibo");
    expect(pick).toContain("Chọn chi bộ");
    expect(pick).toMatch(/1\. .*Chi bộ/);
    const assigned = await h.sayText(khoa, "/phutrach");
    expect(assigned).toContain("Chi bộ thôn Pò Lài");
  });

  it("answers a stale digit with 'list expired', an out-of-range digit with the range", async () => {
    const sec = await h.as(DEMO_SECRETARY_CODE);
    await h.sayText(sec, "/toi");
    expect(await h.sayText(sec, "3")).toContain("đã hết hạn");
    await h.sayText(sec, "/ngonngu");
    expect(await h.sayText(sec, "7")).toContain("từ 1 đến 2");
    expect(await h.sayText(sec, "English")).toContain("Switched to English");
    expect(await h.sayText(sec, "/me")).toContain("Name: Hoàng Văn Páo");
    expect(await h.sayText(sec, "/ngonngu vi")).toContain("tiếng Việt");
  });

  it("suggests the closest command and handles diacritics in commands", async () => {
    const sec = await h.as(DEMO_SECRETARY_CODE);
    expect(await h.sayText(sec, "/chi_bo")).toContain("Chi bộ thôn Pò Lài");
    expect(await h.sayText(sec, "/phutrac")).toContain("/phutrach");
    expect(await h.sayText(sec, "/tôi")).toContain("Họ tên");
  });

  it("handles a replayed update once", async () => {
    const sec = await h.as(DEMO_SECRETARY_CODE);
    const first = await h.say(sec, "/toi", { updateId: "replay-1" });
    expect(first.status).toBe("handled");
    // The channel reports the replies it delivered; a redelivery then does nothing and says nothing.
    await first.receipt?.delivered(first.replies.length);
    const again = await h.say(sec, "/toi", { updateId: "replay-1" });
    expect(again).toEqual({ status: "duplicate", replies: [] });
  });

  it("refuses a very long message without storing anything new", async () => {
    const before = await h.db.db.selectFrom("chat_account").select((eb) => eb.fn.countAll<string>().as("n")).executeTakeFirstOrThrow();
    const reply = await h.sayText("guest-long", "a".repeat(5000));
    expect(reply).toContain("quá dài");
    const after = await h.db.db.selectFrom("chat_account").select((eb) => eb.fn.countAll<string>().as("n")).executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
  });
});
