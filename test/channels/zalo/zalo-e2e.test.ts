import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../../src/db/schema.js";
import { freePort, startChibo, type ChiboProcess } from "../../support/chibo-process.js";
import { inviteCode, runChibo } from "../../support/cli.js";
import { e2eDatabase, type E2eDatabase } from "../../support/e2e-database.js";
import { describeEngines } from "../../support/engines.js";
import { FakeZaloApi, type FakeEvent, type SentRecord } from "../../fakes/zalo-api.js";

const BIG_CELL_EXTRA = 90;
const SECRET = "s3cret-for-zalo-webhook";
const WEBHOOK_PATH = "/zalo/webhook";

/** The Pò Lài cell made big enough that its member list needs more than one Zalo message. */
async function enlargeCell(db: Db): Promise<void> {
  const cell = await db.selectFrom("org").select("id").where("code", "=", "DEMO-CB-POLAI").executeTakeFirstOrThrow();
  const family = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vi", "Lộc", "Nông", "Triệu"];
  const given = ["Văn An", "Thị Bình", "Đức Cường", "Thị Dung", "Minh Hải", "Thị Hương", "Văn Khánh", "Thị Lan", "Quốc Toản", "Thị Xuân"];
  for (let i = 0; i < BIG_CELL_EXTRA; i++) {
    const person = await db
      .insertInto("person")
      .values({ code: `BIG-${i}`, full_name: `${family[i % family.length]} ${given[i % given.length]} ${String.fromCharCode(65 + (i % 26))}`, cell_id: cell.id, membership: "full" })
      .returning("id")
      .executeTakeFirstOrThrow();
    await db.insertInto("role").values({ person_id: person.id, org_id: cell.id, role: "member", valid_from: "2000-01-01" }).execute();
  }
}

describeEngines("Zalo channel end to end (the real chibo start against a fake Zalo Bot API)", (engine) => {
  let database: E2eDatabase;
  let env: Record<string, string>;
  let fake: FakeZaloApi;
  const codes: Record<"webhook" | "polling", string> = { webhook: "", polling: "" };

  beforeAll(async () => {
    database = await e2eDatabase(engine, "zalo");
    env = database.env;
    expect((await runChibo(["seed", "--demo"], { env })).code).toBe(0);
    await database.use(enlargeCell);
    // PGlite allows one process per data folder: make the invites before the bot holds it.
    codes.webhook = await inviteCode(env, "DEMO-BT-POLAI");
    codes.polling = await inviteCode(env, "DEMO-BT-POLAI");
    fake = await FakeZaloApi.start({ allowHttpWebhookOnLoopback: true });
  });
  afterAll(async () => {
    await fake?.stop();
    await database?.cleanup();
  });

  /**
   * The conversation both modes must carry, from linking to a chunked list. `deliver` hands an event to
   * the bot the way the mode does (queued for getUpdates, or pushed to the webhook).
   */
  function conversation(mode: "webhook" | "polling", user: string, deliver: (e: FakeEvent) => Promise<void>) {
    const since = (start: number) => fake.sent.slice(start).filter((s) => s.chatId === user);
    /** Send a text and wait for a reply matching `until`; returns every text sent to the user since. */
    const say = async (text: string, until: string | RegExp, event?: FakeEvent): Promise<string[]> => {
      const start = fake.sent.length;
      await deliver(event ?? fake.textEvent(user, text));
      const match = (s: SentRecord) => s.chatId === user && (typeof until === "string" ? s.text.includes(until) : until.test(s.text));
      await fake.waitForSent((s) => fake.sent.indexOf(s) >= start && match(s));
      return since(start).map((s) => s.text);
    };

    it(`${mode}: refuses an unlinked account, then links with /lienket CODE`, async () => {
      expect((await say("/toi", "chưa được liên kết")).join("\n")).toContain("/lienket");
      // Zalo has no buttons: the notice's choices are numbered and "1" accepts. The question and its
      // choices come first, in one message; the notice in full follows, each under 2,000 characters.
      const notice = await say(`/lienket ${codes[mode]}`, "trả lời ở tin trên");
      expect(notice[0]).toContain("Đồng chí có đồng ý để liên kết tài khoản Hoàng Văn Páo không?\n1. Đồng ý\n2. Không đồng ý");
      expect(notice.at(-1)).toContain("Quyền của đồng chí: gõ /dulieu");
      for (const text of notice) expect(text.length).toBeLessThanOrEqual(2000);
      const linked = await say("1", "Gõ /toi để xem thông tin của mình");
      expect(linked).toEqual(["Đã liên kết tài khoản với đồng chí Hoàng Văn Páo.", expect.stringContaining("/chibo")]);
    });

    it(`${mode}: answers /toi as plain text with the title line`, async () => {
      const replies = await say("/toi", "Họ tên: Hoàng Văn Páo");
      expect(replies).toHaveLength(1);
      const [me] = replies;
      expect(me).toMatch(/^THÔNG TIN CỦA TÔI\nHọ tên: Hoàng Văn Páo\n/);
      expect(me).toContain("Đã liên kết qua: Zalo");
    });

    it(`${mode}: numbers the choices, maps a digit back, and chunks the long member list under 2000`, async () => {
      const [cell] = await say("/chibo", "1. Danh sách đảng viên");
      expect(cell).toContain("CHI BỘ THÔN PÒ LÀI");
      const total = 11 + BIG_CELL_EXTRA;
      const list = await say("1", new RegExp(`^${total}\\. `, "m"));
      expect(list.length).toBeGreaterThan(1);
      for (const text of list) expect(text.length).toBeLessThanOrEqual(2000);
      expect(list[0]).toContain(`DANH SÁCH ĐẢNG VIÊN (${total})`);
      const numbered = list.join("\n").split("\n").filter((line) => /^\d+\. /.test(line));
      expect(numbered).toHaveLength(total);
      expect(numbered.map((l) => Number(/^(\d+)\./.exec(l)?.[1]))).toEqual(Array.from({ length: total }, (_, i) => i + 1));
    });

    it(`${mode}: says a stale digit's list has expired`, async () => {
      expect((await say("1", "hết hạn")).join("\n")).toContain("Danh sách lựa chọn này đã hết hạn");
    });

    it(`${mode}: answers an image politely`, async () => {
      const start = fake.sent.length;
      await deliver(fake.imageEvent(user));
      await fake.waitForSent((s) => fake.sent.indexOf(s) >= start && s.chatId === user);
      expect(since(start).map((s) => s.text)).toEqual(["Tôi chỉ đọc được tin nhắn chữ. Đồng chí vui lòng gõ nội dung bằng chữ."]);
    });

    it(`${mode}: handles a replayed event once`, async () => {
      const start = fake.sent.length;
      const help = fake.textEvent(user, "/trogiup");
      await deliver(help);
      await deliver(help);
      await say("/toi", "Họ tên: Hoàng Văn Páo");
      // The secretary's topics fit one Zalo message (2,000 characters), sent once; the rest is "Xem thêm".
      const helps = since(start).filter((s) => s.text.startsWith("TRỢ LÝ CHI BỘ — CÁC LỆNH"));
      expect(helps).toHaveLength(1);
      expect(helps[0]!.text.length).toBeLessThanOrEqual(2000);
      expect(helps[0]!.text).toContain("Xem thêm: Tài khoản, dữ liệu cá nhân, cài đặt");
      const told = since(start).map((s) => s.text).join("\n");
      expect(told.match(/\/baocao \(\/report\)/g)).toHaveLength(1);
    });

    it(`${mode}: switches to English by answering /ngonngu with 2`, async () => {
      const [ask] = await say("/ngonngu", "2. English");
      expect(ask).toBe("Chọn ngôn ngữ:\n1. Tiếng Việt\n2. English");
      await say("2", "Switched to English.");
      await say("/toi", "Name: Hoàng Văn Páo");
      await say("/ngonngu vi", "Đã chuyển sang tiếng Việt.");
    });
  }

  function expectCleanLogs(chibo: ChiboProcess) {
    const log = chibo.stderr();
    expect(log).toContain("chibo started");
    expect(log).not.toContain(fake.token);
    expect(log).not.toContain("abc-xyz");
    expect(log).not.toContain(SECRET);
    expect(log).not.toContain("Hoàng Văn Páo");
    expect(log).not.toContain(codes.webhook);
    expect(log).not.toContain("có mặt 25/27");
  }

  describe("webhook mode", () => {
    let chibo: ChiboProcess;
    let port: number;
    const user = "6ede9afa66b88fe6d6a9";
    beforeAll(async () => {
      port = await freePort();
      chibo = startChibo({
        ...env,
        ZALO_BOT_TOKEN: fake.token,
        ZALO_API_ROOT: fake.url,
        ZALO_WEBHOOK_URL: `http://127.0.0.1:${port}${WEBHOOK_PATH}`,
        ZALO_WEBHOOK_SECRET: SECRET,
        PORT: String(port),
      });
      await chibo.waitForLog(/chibo started/);
    });
    afterAll(async () => {
      await chibo?.stop();
    });

    it("sets the webhook with its secret at start and never polls", () => {
      expect(fake.webhook).toMatchObject({ url: `http://127.0.0.1:${port}${WEBHOOK_PATH}`, secret: SECRET });
      expect(fake.calls.some((c) => c.method === "getUpdates")).toBe(false);
    });

    conversation("webhook", user, async (event) => {
      const [result] = await fake.push(event);
      expect(result?.status).toBe(200);
      expect(JSON.parse(result?.body ?? "{}")).toEqual({ message: "Success" });
    });

    it("takes a quick report in one message, numbered confirmation answered by digit", async () => {
      const start = fake.sent.length;
      const report = "Chi bộ họp ngày 5/11 lúc 19h30, có mặt 25/27 đồng chí, vắng 2 có lý do, đồng chí Khoa dự.";
      expect((await fake.push(fake.textEvent(user, report)))[0]?.status).toBe(200);
      const summary = await fake.waitForSent((s) => fake.sent.indexOf(s) >= start && s.text.includes("1. Gửi báo cáo"));
      expect(summary.text).toMatch(/^TÔI HIỂU NHƯ SAU\n/);
      expect(summary.text).toContain("Số đảng viên có mặt: 25");
      const next = fake.sent.length;
      expect((await fake.push(fake.textEvent(user, "1")))[0]?.status).toBe(200);
      await fake.waitForSent((s) => fake.sent.indexOf(s) >= next && s.text.includes("Đã lưu Báo cáo sinh hoạt chi bộ của Chi bộ thôn Pò Lài"));
    });

    it("refuses a wrong secret with 403 and handles nothing; the right secret then goes through", async () => {
      const start = fake.sent.length;
      const event = fake.textEvent(user, "/toi");
      const [refused] = await fake.push(event, { secret: "wrong-secret-value" });
      expect(refused?.status).toBe(403);
      const [missing] = await fake.push(event, { secret: "" });
      expect(missing?.status).toBe(403);
      const [accepted] = await fake.push(event);
      expect(accepted?.status).toBe(200);
      await fake.waitForSent((s) => fake.sent.indexOf(s) >= start && s.text.includes("Họ tên"));
      expect(fake.sent.slice(start).filter((s) => s.chatId === user)).toHaveLength(1);
    });

    it("accepts a flat body as well as the wrapped one", async () => {
      const start = fake.sent.length;
      const [result] = await fake.push(fake.textEvent(user, "/toi"), { flat: true });
      expect(result?.status).toBe(200);
      await fake.waitForSent((s) => fake.sent.indexOf(s) >= start && s.text.includes("Họ tên"));
    });

    it("answers 200 to a redelivery of an event already handled", async () => {
      const start = fake.sent.length;
      const results = await fake.push(fake.textEvent(user, "/chibo"), { times: 3 });
      expect(results.map((r) => r.status)).toEqual([200, 200, 200]);
      await say1(start, "CHI BỘ THÔN PÒ LÀI");
      expect(fake.sent.slice(start).filter((s) => s.text.includes("CHI BỘ THÔN PÒ LÀI"))).toHaveLength(1);
    });

    it("stops cleanly on SIGTERM, with no token, secret or name in its logs", async () => {
      expect(await chibo.stop()).toBe(0);
      expectCleanLogs(chibo);
    });
  });

  describe("polling mode (after webhook mode: the webhook must be deleted first)", () => {
    let chibo: ChiboProcess;
    const user = "a1b2c3d4e5f6a7b8c9d0";
    beforeAll(async () => {
      expect(fake.webhook).not.toBeNull();
      chibo = startChibo({ ...env, ZALO_BOT_TOKEN: fake.token, ZALO_API_ROOT: fake.url });
      await chibo.waitForLog(/chibo started/);
      await fake.waitForIdlePoll();
    });
    afterAll(async () => {
      await chibo?.stop();
    });

    it("deletes the webhook before its first getUpdates, and long-polls", () => {
      expect(fake.webhook).toBeNull();
      const methods = fake.calls.map((c) => c.method);
      const lastDelete = methods.lastIndexOf("deleteWebhook");
      expect(lastDelete).toBeGreaterThan(methods.lastIndexOf("setWebhook"));
      expect(methods.slice(lastDelete).includes("getUpdates")).toBe(true);
      const poll = fake.calls.findLast((c) => c.method === "getUpdates");
      expect(Number(poll?.payload.timeout)).toBeGreaterThan(0);
    });

    conversation("polling", user, async (event) => fake.enqueue(event));

    it("retries a reply refused with Zalo's 403 internal error", async () => {
      const start = fake.sent.length;
      fake.failNext("sendMessage", 403);
      fake.enqueue(fake.textEvent(user, "/toi"));
      await say1(start, "Họ tên: Hoàng Văn Páo");
      expect(fake.calls.filter((c) => c.method === "sendMessage" && c.status === 403).length).toBeGreaterThanOrEqual(1);
    });

    it("stops cleanly on SIGTERM, with no token or name in its logs", async () => {
      expect(await chibo.stop()).toBe(0);
      expectCleanLogs(chibo);
    });
  });

  async function say1(start: number, text: string) {
    await fake.waitForSent((s) => fake.sent.indexOf(s) >= start && s.text.includes(text));
  }
});
