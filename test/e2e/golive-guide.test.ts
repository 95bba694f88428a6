import { PassThrough, Readable } from "node:stream";
import { fileURLToPath } from "node:url";
import { sql } from "kysely";
import { afterAll, beforeAll, expect, it } from "vitest";
import { main } from "../../src/cli.js";
import type { CommandContext } from "../../src/cli/command.js";
import { meetingDateInMonth } from "../../src/domain/meeting-rule.js";
import { localDate } from "../../src/domain/time.js";
import { e2eDatabase, type E2eDatabase } from "../support/e2e-database.js";
import { describeEngines } from "../support/engines.js";

const template = (name: string) => fileURLToPath(new URL(`../../templates/${name}`, import.meta.url));
const TZ = "Asia/Ho_Chi_Minh";
const pad = (n: number) => String(n).padStart(2, "0");

/** Run `chibo …` in this process (as bin/chibo.js does), with stdin lines and captured output. */
async function chibo(ctx: CommandContext, env: Record<string, string>, args: string[], input = ""): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = "";
  let err = "";
  stdout.setEncoding("utf8").on("data", (d: string) => (out += d));
  stderr.setEncoding("utf8").on("data", (d: string) => (err += d));
  const code = await main(args, { ...env, LOG_LEVEL: "silent" }, { stdin: Readable.from([input]), stdout, stderr }, ctx);
  return { code, stdout: out, stderr: err };
}

// docs/vi/trien-khai.md, step by step on a fresh data folder: import the four templates, the demo
// refused, a meeting rule read back in chat, an invite and a link, a reminder planned, a report, the roll-up.
describeEngines("go-live guide (docs/vi/trien-khai.md) on a fresh data folder", (engine) => {
  let database: E2eDatabase;
  let env: Record<string, string>;
  // Every command opens its app as from a terminal, on the file's one open database.
  let ctx: CommandContext;
  const today = localDate(new Date(), TZ);
  const month = today.slice(0, 7);
  const next = (() => {
    const date = meetingDateInMonth({ kind: "day_of_month", day: 5 }, month);
    if (date >= today) return date;
    const [y, m] = [Number(month.slice(0, 4)), Number(month.slice(5, 7))];
    return m === 12 ? `${y + 1}-01-05` : `${y}-${pad(m + 1)}-05`;
  })();
  const previous = (() => {
    const [y, m] = [Number(month.slice(0, 4)), Number(month.slice(5, 7))];
    return m === 1 ? { y: y - 1, m: 12 } : { y, m: m - 1 };
  })();

  beforeAll(async () => {
    database = await e2eDatabase(engine, "golive");
    env = database.env;
    ctx = await database.keepOpen();
    // The guide's first step; the copied folder (or database) is migrated already, so it has nothing to do.
    expect((await chibo(ctx, env, ["migrate"])).code).toBe(0);
  }, 300_000);
  afterAll(() => database?.cleanup());

  // One test per file, in the guide's order: each file uses the codes of the one before.
  it.each([
    ["units", "don-vi.csv", "Đã nhập 11 dòng đơn vị: thêm mới 11"],
    ["people", "dang-vien.csv", "Đã nhập 15 dòng đảng viên: thêm mới 15"],
    ["households", "ho-gia-dinh.csv", "Đã nhập 4 dòng hộ gia đình: thêm mới 4"],
    ["assignments", "phan-cong.csv", "Đã nhập 6 dòng phân công: thêm mới 6"],
  ] as const)("imports %s from templates/%s", async (kind, file, done) => {
    const result = await chibo(ctx, env, ["import", kind, template(file)]);
    expect(result.stderr).toBe("");
    expect(result.stdout).toContain(done);
    expect(result.code).toBe(0);
  });

  it("keeps the demo out: seed --demo refuses, start adds nothing, says who to chat as and fails with no token", async () => {
    const seed = await chibo(ctx, env, ["seed", "--demo"]);
    expect(seed.code).toBe(1);
    expect(seed.stderr).toContain("Không tạo tỉnh mẫu");
    // chibo start opens the folder itself (no borrowed database).
    await database.release();
    const start = await chibo(ctx, env, ["start"]);
    await database.keepOpen();
    // Nothing runs (no channel, no reminders, no /healthz): a supervisor must see a failure, not a clean exit.
    expect(start.code).toBe(78);
    expect(start.stderr).toContain("không thêm tỉnh mẫu");
    expect(start.stderr).toContain("Chưa đặt TELEGRAM_BOT_TOKEN hay ZALO_BOT_TOKEN nên bot không chạy");
    expect(start.stderr).toMatch(/npx chibo chat --as DV-\d{4}/);
    const demoRows = await database.use(async (db) => Number((await sql<{ n: string }>`select count(*) as n from org where code like 'DEMO-%'`.execute(db)).rows[0]!.n));
    expect(demoRows).toBe(0);
  });

  it("shows the secretary the next meeting from the imported rule", async () => {
    const chat = await chibo(ctx, env, ["chat", "--as", "DV-0001"], "/lichhop\n");
    const [y, m, d] = next.split("-");
    expect(chat.stdout).toContain(`Chi bộ thôn Pò Lài: sinh hoạt lúc 19:30 ngày ${d}/${m}/${y}.`);
    expect(chat.stdout).toContain("Lịch thường kỳ của Chi bộ thôn Pò Lài: ngày 5 hằng tháng, lúc 19:30");
  });

  it("links a member with an invite code", async () => {
    const invite = await chibo(ctx, env, ["invite", "DV-0002"]);
    const code = /Mã mời cho Vi Thị Mai: ([A-Z0-9]{5}-[A-Z0-9]{5})/.exec(invite.stdout)?.[1];
    expect(code).toBeDefined();
    const link = await chibo(ctx, env, ["chat", "--guest", "mai"], `/lienket ${code}\n1\n/toi\n`);
    expect(link.stdout).toContain("Đã liên kết tài khoản với đồng chí Vi Thị Mai");
    expect(link.stdout).toContain("Họ tên: Vi Thị Mai");
  });

  it("plans the cell's reminders three days before the meeting", async () => {
    const [y, m, d] = next.split("-").map(Number) as [number, number, number];
    const at = new Date(Date.UTC(y, m - 1, d - 3, 1, 30)).toISOString().replace(".000Z", "Z");
    const remind = await chibo(ctx, env, ["remind", "--at", at, "--dry-run", "--json"]);
    expect(remind.code).toBe(0);
    const polai = await database.use(async (db) => (await db.selectFrom("org").select("id").where("code", "=", "CB-POLAI").executeTakeFirstOrThrow()).id);
    const rows = JSON.parse(remind.stdout) as { key: string; kind: string; org_id: number }[];
    const forCell = rows.filter((r) => r.key.startsWith(`meet:${polai}:${next}:`));
    // The three members of Pò Lài and the commune cadre who follows the cell.
    expect(forCell).toHaveLength(4);
  });

  it("takes the secretary's quick report and shows it in the commune's roll-up", async () => {
    const report = await chibo(ctx, env, ["chat", "--as", "DV-0001"], `bc sh cb t${previous.m}: hop toi 5/${previous.m} 19h30, co mat 3/3\n1\n`);
    expect(report.stdout).toContain("TÔI HIỂU NHƯ SAU");
    expect(report.stdout).toContain(`Đã lưu Báo cáo sinh hoạt chi bộ của Chi bộ thôn Pò Lài, tháng ${pad(previous.m)}/${previous.y}`);
    const rollup = await chibo(ctx, env, ["chat", "--as", "DV-0008"], `/tonghop ${previous.m}/${previous.y}\n`);
    expect(rollup.stdout).toMatch(/Chi bộ thôn Pò Lài — đã báo cáo/);
  });
});
