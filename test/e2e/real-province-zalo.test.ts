import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { App } from "../../src/app.js";
import { createBot } from "../../src/bot/bot.js";
import { defaultFeatures } from "../../src/bot/features/index.js";
import { HttpServer } from "../../src/channels/http-server.js";
import { serveFilesOf } from "../../src/channels/index.js";
import { ZaloChannel } from "../../src/channels/zalo/zalo-channel.js";
import { ZaloClient } from "../../src/channels/zalo/zalo-client.js";
import type { CommandContext } from "../../src/cli/command.js";
import { configWith, loadConfig } from "../../src/config.js";
import { silentLogger } from "../../src/log.js";
import { createI18n } from "../../src/messaging/i18n.js";
import { OutboxSender } from "../../src/scheduler/sender.js";
import { sendPolicies } from "../../src/scheduler/rate-limit.js";
import { localDate } from "../../src/domain/time.js";
import { runChibo } from "../support/cli.js";
import { describeEngines, freshDatabase, type TestDatabase } from "../support/engines.js";
import { FakeZaloApi, type SentRecord } from "../fakes/zalo-api.js";

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/real-province/${name}`, import.meta.url));
const template = (name: string) => fileURLToPath(new URL(`../../templates/${name}`, import.meta.url));
const fast = { baseMs: 5, rateLimitMs: 10, maxMs: 40 };
const ZALO_TEXT_LIMIT = 2000;
const LINK = /(http:\/\/127\.0\.0\.1:\d+\/tep\/[A-Za-z0-9_-]+)/;
const pad = (n: number) => String(n).padStart(2, "0");

/** The Zalo users of the walk: Khau Phay's secretary and a member, Hồng Phong's office, a province cadre. */
const PEOPLE = { secretary: "KP01", member: "KP04", office: "HP02", province: "TU02" } as const;
type Who = keyof typeof PEOPLE;
const zaloId = (who: Who) => `${who.padEnd(8, "0")}a1b2c3d4e5f6`;

/**
 * A province that is not the demo, walked on Zalo as its people would: the office imports the templates
 * filled with its own units, people, households, assignments, criteria and villages; each person links
 * with an invite code; the secretary files the village record and the month's report (and corrects it),
 * the office and a province cadre read the roll-ups, files come as links, and a month later the
 * reminders and the digest arrive. The real bot and Zalo channel against the fake Zalo Bot API over HTTP.
 */
describeEngines("a real (imported) province on Zalo, from import to the next month's reminders", (engine) => {
  let db: TestDatabase;
  let fake: FakeZaloApi;
  let server: HttpServer;
  let channel: ZaloChannel;
  const today = localDate(new Date(), "Asia/Ho_Chi_Minh");
  const [year, month] = [Number(today.slice(0, 4)), Number(today.slice(5, 7))];
  const last = month === 1 ? { y: year - 1, m: 12 } : { y: year, m: month - 1 };
  const next = month === 12 ? { y: year + 1, m: 1 } : { y: year, m: month + 1 };
  // The village records are filed for the quarter just ended (the one /hosothon offers first).
  const quarter = Math.ceil(month / 3) === 1 ? { q: 4, y: year - 1 } : { q: Math.ceil(month / 3) - 1, y: year };
  const quarterWords = `quý ${quarter.q}/${quarter.y}`;
  const dir = mkdtempSync(join(tmpdir(), "chibo-real-province-"));

  /** `chibo …` in this process, on this test's database (as inside a running chibo). */
  const chibo = (args: string[]) => {
    const ctx: CommandContext = {
      cwd: process.cwd(),
      inRunningProcess: true,
      openApp: async () => ({ config: loadConfig({ LOG_LEVEL: "silent" }), log: silentLogger(), i18n: createI18n(), database: db, outboxChanged: () => {}, close: async () => {} }) as unknown as App,
    };
    return runChibo(args, { ctx });
  };

  /** Send a text as `who` and wait for the reply matching `until`; returns every text sent to them since. */
  async function say(who: Who, text: string, until: string | RegExp): Promise<string> {
    const user = zaloId(who);
    const start = fake.sent.length;
    fake.enqueue(fake.textEvent(user, text));
    const match = (s: SentRecord) => s.chatId === user && (typeof until === "string" ? s.text.includes(until) : until.test(s.text));
    await fake.waitForSent((s) => fake.sent.indexOf(s) >= start && match(s));
    return fake.sent.slice(start).filter((s) => s.chatId === user).map((s) => s.text).join("\n\n");
  }

  /** The villages' figures, filed for the quarter just ended. */
  const villages = () => {
    const file = join(dir, "ho-so-thon.csv");
    writeFileSync(file, readFileSync(fixture("ho-so-thon.template.csv"), "utf8").replaceAll("{QUARTER}", `Quý ${quarter.q}/${quarter.y}`));
    return file;
  };

  beforeAll(async () => {
    db = await freshDatabase(engine);
    const imports = [
      ["units", fixture("don-vi.csv"), "Đã nhập 8 dòng đơn vị"],
      ["people", fixture("dang-vien.csv"), "Đã nhập 29 dòng đảng viên"],
      ["households", fixture("ho-gia-dinh.csv"), "Đã nhập 5 dòng hộ gia đình"],
      ["assignments", fixture("phan-cong.csv"), "Đã nhập 5 dòng phân công"],
      ["criteria", template("tieu-chi.xlsx"), "Đã nhập 122 dòng tiêu chí"],
      ["villages", villages(), "Đã nhập 3 dòng hồ sơ thôn"],
    ] as const;
    for (const [kind, file, done] of imports) {
      const result = await chibo(["import", kind, file]);
      expect(result.stderr).toBe("");
      expect(result.stdout).toContain(done);
      expect(result.code).toBe(0);
    }
    const log = silentLogger();
    const i18n = createI18n();
    server = new HttpServer(0, log);
    await server.start();
    const publicUrl = `http://127.0.0.1:${server.boundPort}`;
    serveFilesOf({ config: configWith({ PUBLIC_URL: publicUrl }), database: { db: db.db }, i18n, log }, server, () => new Date());
    const bot = createBot({ db: db.db, i18n, log, features: defaultFeatures(), files: { publicUrl } });
    fake = await FakeZaloApi.start();
    channel = new ZaloChannel({ client: new ZaloClient({ token: fake.token, apiRoot: fake.url, policy: fast }), handler: (msg) => bot.handle(msg), log, pollTimeoutS: 1 });
    await channel.start();
  });
  afterAll(async () => {
    await channel?.stop();
    await server?.stop();
    await fake?.stop();
    await db?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  // One walk, step by step: each step needs the ones before it (linked accounts, the report filed).
  it("walks an imported province on Zalo: linking, help, the records, the report, the roll-ups, a month later", async () => {
    // — links the secretary, a member, the commune office and a province cadre with invite codes
    for (const who of Object.keys(PEOPLE) as Who[]) {
      const invite = await chibo(["invite", PEOPLE[who]]);
      const code = /: ([A-Z0-9]{5}-[A-Z0-9]{5})/.exec(invite.stdout)?.[1];
      expect(code, invite.stdout + invite.stderr).toBeDefined();
      await say(who, `/lienket ${code}`, "1. Đồng ý");
      expect(await say(who, "1", "/trogiup")).toContain("Đã liên kết tài khoản với đồng chí");
    }


    // — gives each person their commands in one Zalo message, the rest behind 'Xem thêm'
    const secretary = await say("secretary", "/trogiup", "Xem thêm");
    expect(secretary).toMatch(/^TRỢ LÝ CHI BỘ — CÁC LỆNH\n/);
    expect(secretary.split("\n\n").filter((t) => t.startsWith("TRỢ LÝ CHI BỘ"))).toHaveLength(1);
    expect(secretary).toContain("/baocao (/report)");
    expect(secretary).not.toContain("/ngonngu");
    const more = await say("secretary", "Xem thêm: Tài khoản, dữ liệu cá nhân, cài đặt", "/ngonngu");
    expect(more).toContain("/huylienket");
    // A member who follows a household: the household commands, no roll-ups, no demo codes.
    const member = await say("member", "/trogiup", "Xem thêm");
    expect(member).toContain("/ghinhan (/visit)");
    expect(member).not.toContain("/tonghop");
    expect(member).not.toContain("DEMO");
    expect(await say("member", "/ghinhan", "Nông Văn Tâm")).toContain("1. Nông Văn Tâm (thôn Khau Phay)");
    await say("member", "1", "tình hình của hộ");
    expect(await say("member", "đã thăm, gia đình khỏe", "Đã ghi nhận")).toContain("Đã ghi nhận lần thăm hộ Nông Văn Tâm");
    // Her own data in words, not codes.
    expect(await say("member", "/dulieu", LINK)).toContain("Giới tính: nữ");


    // — takes the secretary's village record: the imported quarter, one change, saved
    expect(await say("secretary", "/hosothon", `1. ${quarterWords}`)).toContain("Cập nhật hồ sơ thôn cho quý nào?");
    const record = await say("secretary", "1", "Không thay đổi");
    expect(record).toContain("Dân số (người): 512");
    expect(await say("secretary", "dân số 520", "1. Lưu")).toContain("520 ✎ (trước: 512)");
    expect(await say("secretary", "1", "Đã lưu hồ sơ")).toContain(`Đã lưu hồ sơ Chi bộ thôn Khau Phay, ${quarterWords}`);


    // — names what it could not read in a new candidate, and lets the quick report through
    const refused = await say("secretary", "/phattrien them Lý Thị Hoa, nữ, 2004, dân tộc Tày, đoàn viên, giáo viên", "Gõ họ tên");
    expect(refused).toContain('Chưa đọc được mục "giáo viên"');
    const report = `bc sh cb t${last.m}: hop toi 10/${last.m} 19h30, co mat 8/10, vang 2 cld. NQ: 1. thu dang phi xong truoc 20/${month} - dc Hang`;
    const summary = await say("secretary", report, "1. Gửi báo cáo");
    expect(summary).toMatch(/^TÔI HIỂU NHƯ SAU\n/);
    expect(summary).toContain("Số đảng viên có mặt: 8");
    const saved = await say("secretary", "1", "Đã lưu");
    expect(saved).toContain(`Đã lưu Báo cáo sinh hoạt chi bộ của Chi bộ thôn Khau Phay, tháng ${pad(last.m)}/${last.y}`);
    expect(await say("secretary", "sửa lại: có mặt 9, vắng 1", "1. Cập nhật báo cáo")).toContain("Số đảng viên có mặt: 9 (trước: 8)");
    expect(await say("secretary", "1", "Đã cập nhật")).toContain("(lần sửa thứ 1)");
    // The candidate, typed again without the item, is added.
    await say("secretary", "/phattrien them Lý Thị Hoa, nữ, 2004, dân tộc Tày, đoàn viên", "Lý Thị Hoa");


    // — carries the month's cycle for the secretary: tasks, agenda, the resolution as a link, the look back, the self-review
    expect(await say("secretary", "/viec", "thu dang phi")).toContain("Chi bộ thôn Khau Phay (nghị quyết tháng");
    expect(await say("secretary", "/chuongtrinh", "Lưu chương trình")).toContain("Chương trình sinh hoạt Chi bộ thôn Khau Phay");
    await say("secretary", "/huy", "Đã hủy");
    await say("secretary", `/vanban ${last.m}/${last.y}`, "1. Nghị quyết");
    const resolution = await say("secretary", "1", LINK);
    expect(resolution).toContain(`Tải tệp nghi-quyet-hp-kp-${last.y}-${pad(last.m)}.docx`);
    expect(await say("secretary", "/xemlai", "Chọn một tháng")).toContain("CHI BỘ THÔN KHAU PHAY: 12 THÁNG");
    // An invite on a province with no Telegram bot: the Zalo way, no dead "t.me/<tên_bot>" link.
    await say("secretary", "/moi", "Tất cả");
    const invite = await say("secretary", "Hoàng Văn Long", "TIN NHẮN ĐỂ CHUYỂN");
    expect(invite).toMatch(/Zalo: nhắn cho bot "\/lienket [A-Z0-9]{5}-[A-Z0-9]{5}"/);
    expect(invite).not.toContain("t.me");
    await say("secretary", "/tudanhgia", "1. Hoàn thành xuất sắc nhiệm vụ");
    await say("secretary", "2", "tự nhận xét");
    await say("secretary", "Hoàn thành tốt các nhiệm vụ được giao", "1. Gửi");
    await say("secretary", "1", /./);
    expect(await say("secretary", "/xeploai", "Đảng viên tự đánh giá")).toContain("Chi bộ thôn Khau Phay");


    // — shows the commune office its roll-up, the month's file as a link, the village records and the pipeline
    // The month asked for by name: which month /tonghop opens on by itself depends on the day of the month (tested with a fixed clock in test/services/rollup.service.test.ts).
    const rollup = await say("office", `/tonghop tháng ${last.m}/${last.y}`, "Kiểm điểm, xếp loại");
    expect(rollup).toContain("ĐẢNG BỘ XÃ HỒNG PHONG");
    // Last month ended before the go-live (the import): sent, never judged on time or late.
    expect(rollup).toMatch(/Chi bộ thôn Khau Phay — đã báo cáo \(không xét hạn\), dự họp 90%/);
    // The month's file: the cells not tracked yet that month (before the province's go-live) are not counted.
    const exported = await say("office", `/xuat tháng ${last.m}/${last.y}`, LINK);
    expect(exported).toMatch(/^Báo cáo sinh hoạt chi bộ tháng \d{2}\/\d{4} của Đảng bộ xã Hồng Phong: 1\/1 chi bộ đã báo cáo\./m);
    expect(await say("office", "/duyet", "Chi bộ thôn Khau Phay")).toContain("báo cáo đang chờ duyệt");
    expect(await say("office", "/hosothon", LINK)).toContain("Chi bộ thôn Khau Phay: 520 người");
    // The village data is asked of the village cells only, not of the commune's agency cell.
    const village = await say("office", "/tonghop số liệu thôn", "xem mẫu báo cáo khác");
    // The quarter imported for one village and saved in /hosothon for the other: both counted, as /hosothon counts them.
    expect(village).toContain(`Số liệu thôn, tổ dân phố ${quarterWords}: 2/2 chi bộ đã báo cáo`);
    expect(village).not.toContain("Chi bộ cơ quan");
    // The office clerk also leads the agency cell: the commune's pipeline is one digit away.
    const pipeline = await say("office", "/phattrien", "Tổng hợp của Đảng bộ xã Hồng Phong");
    expect(pipeline).toContain("Phát triển đảng viên — Chi bộ cơ quan Đảng ủy xã Hồng Phong");
    expect(await say("office", "Tổng hợp của Đảng bộ xã Hồng Phong", "Theo bước")).toContain(`Phát triển đảng viên năm ${year} — Đảng bộ xã Hồng Phong`);
    expect(await say("office", "/xeploai", "Chi bộ thôn Nà Mọn")).toContain("Đảng bộ xã Hồng Phong: 3 chi bộ");


    // — shows a province cadre the communes they follow, counts only
    expect(await say("province", "/phutrach", "Đảng bộ phường Đông Khê")).toContain("Đảng bộ xã Hồng Phong — 3 chi bộ");
    await say("province", `/tonghop tháng ${last.m}/${last.y}`, "Đảng bộ tỉnh Bắc Sơn");
    // Last month was before the province started using chibo: the cells that did not report are not tracked, not late.
    const province = await say("province", "1", /Đảng bộ xã Hồng Phong: 1\/1 đã báo cáo, 0 quá hạn.*2 chưa theo dõi/);
    expect(province).not.toContain("Nông Văn Thắng");


    // — a month later: the meeting reminder and the office's digest arrive on Zalo, the period in words
    const sendAt = async (iso: string) => {
      expect((await chibo(["remind", "--at", iso])).code).toBe(0);
      // The sender's clock starts at that instant and moves on as it waits out the rate limits.
      const clock = { now: new Date(iso) };
      const sender = new OutboxSender({
        db: db.db,
        engine,
        channels: [channel],
        limits: sendPolicies(30),
        i18n: createI18n(),
        log: silentLogger(),
        tz: "Asia/Ho_Chi_Minh",
        localeDefault: "vi",
        now: () => clock.now,
        sleep: async (ms) => {
          clock.now = new Date(clock.now.getTime() + ms);
        },
      });
      await sender.drainOnce();
    };
    const start = fake.sent.length;
    // Three days before the 10th of next month, 08:30; then the day after its deadline (the 13th), 09:00.
    await sendAt(`${next.y}-${pad(next.m)}-07T01:30:00Z`);
    await sendAt(`${next.y}-${pad(next.m)}-14T02:00:00Z`);
    const to = (who: Who) => fake.sent.slice(start).filter((s) => s.chatId === zaloId(who)).map((s) => s.text);
    expect(to("secretary").join("\n")).toContain(`Còn 3 ngày nữa, Chi bộ thôn Khau Phay sinh hoạt lúc 19:30 ngày 10/${pad(next.m)}/${next.y}`);
    expect(to("office").join("\n")).toContain(`chưa gửi Báo cáo sinh hoạt chi bộ tháng ${next.m}/${next.y} (hạn chót 13/${pad(next.m)}/${next.y})`);


    // — never sent more than one Zalo message can hold, nor a demo code
    expect(fake.sent.length).toBeGreaterThan(50);
    for (const s of fake.sent) {
      expect(s.text.length).toBeLessThanOrEqual(ZALO_TEXT_LIMIT);
      expect(s.text).not.toMatch(/DEMO-|Pò Lài|Tân Văn/);
    }
  });
});
