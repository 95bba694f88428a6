import { afterAll, beforeAll, expect, it } from "vitest";
import { DEMO_SECRETARY_CODE } from "../../src/db/demo-seed.js";
import { botHarness, type BotHarness } from "../support/bot-harness.js";
import { describeEngines } from "../support/engines.js";

/** Command names as help lists them, one per line: "/vi (/en) — description". */
const listed = (help: string) => [...help.matchAll(/^\/(\S+)/gm)].map((m) => m[1]);

describeEngines("/trogiup lists what the person may use here", (engine) => {
  let h: BotHarness;
  beforeAll(async () => {
    h = await botHarness(engine);
  });
  afterAll(() => h.close());

  it("shows a member no office or leader commands", async () => {
    const mai = await h.as("DEMO-DV-POLAI-MAI");
    const help = await h.sayText(mai, "/trogiup");
    expect(listed(help)).toEqual(expect.arrayContaining(["chibo", "lichhop", "toi"]));
    for (const name of ["duyet", "xuat", "phancong", "thongbao", "tonghop", "baocao", "doilich", "moi"]) expect(listed(help)).not.toContain(name);
  });

  it("shows a secretary the cell's commands and the office its own", async () => {
    const secretary = await h.sayText(await h.as(DEMO_SECRETARY_CODE), "/trogiup");
    expect(listed(secretary)).toEqual(expect.arrayContaining(["baocao", "doilich", "diemdanh", "moi"]));
    expect(listed(secretary)).not.toContain("duyet");
    expect(listed(secretary)).not.toContain("thongbao");
    const office = await h.sayText(await h.as("DEMO-VP-TANVAN"), "/trogiup");
    expect(listed(office)).toEqual(expect.arrayContaining(["duyet", "xuat", "phancong", "thongbao", "tonghop"]));
  });

  it("fits the first page in one Zalo message, the topics that concern the person first, the rest behind 'Xem thêm'", async () => {
    const office = await h.as("DEMO-VP-TANVAN");
    const help = await h.sayText(office, "/trogiup");
    expect(help.length).toBeLessThanOrEqual(2000);
    expect(help.indexOf("Tổng hợp, chỉ đạo")).toBeLessThan(help.indexOf("Báo cáo, sinh hoạt chi bộ"));
    expect(listed(help)).toContain("tonghop");
    expect(help).toMatch(/^\d\. Xem thêm: Tài khoản, dữ liệu cá nhân, cài đặt$/m);
    expect(listed(help)).not.toContain("ngonngu");
    const more = await h.sayText(office, "Xem thêm: Tài khoản, dữ liệu cá nhân, cài đặt");
    expect(listed(more)).toEqual(expect.arrayContaining(["ngonngu", "huylienket", "trogiup"]));
  });

  it("lists only group commands in a group, without /lienket", async () => {
    const secretary = await h.as(DEMO_SECRETARY_CODE);
    const help = await h.sayText(secretary, "/trogiup", { chatId: "-1001", chatType: "group" });
    expect(help).toContain("Trong nhóm dùng được các lệnh sau");
    expect(listed(help)).toEqual(["lienket_nhom", "trogiup"]);
  });

  it("shows someone not linked yet how to link", async () => {
    const help = await h.sayText("guest-help", "/trogiup");
    expect(listed(help)).toContain("lienket");
    expect(listed(help)).not.toContain("chibo");
  });
});
