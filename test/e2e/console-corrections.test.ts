import { afterAll, beforeAll, expect, it } from "vitest";
import { localDate, monthPeriod } from "../../src/domain/time.js";
import { previousPeriod } from "../../src/domain/forms/period.js";
import type { CommandContext } from "../../src/cli/command.js";
import { runChibo } from "../support/cli.js";
import { e2eDatabase, type E2eDatabase } from "../support/e2e-database.js";
import { describeEngines } from "../support/engines.js";

/**
 * The reopened-month correction through the real `chibo chat`, on today's calendar: last month
 * reopened by the office beside this month's report, "sửa lại: phải dự 10, có mặt 9" asks which
 * period, changes last month, and /lichsu shows it.
 */
describeEngines("corrections in the console chat (the real chibo command)", (engine) => {
  let database: E2eDatabase;
  let ctx: CommandContext;
  const now = new Date();
  const thisMonth = monthPeriod(now);
  const lastMonth = previousPeriod(thisMonth);
  const label = (period: string) => `tháng ${Number(period.slice(5))}/${period.slice(0, 4)}`;

  beforeAll(async () => {
    database = await e2eDatabase(engine, "corr");
    // Every command opens its app as from a terminal, on the file's one open database.
    ctx = await database.keepOpen();
    expect((await runChibo(["seed", "--demo"], { env: database.env, ctx, timeoutMs: 180_000 })).code).toBe(0);
    await database.use(async (db) => {
      const cell = await db.selectFrom("org").select("id").where("code", "=", "DEMO-CB-POLAI").executeTakeFirstOrThrow();
      const row = (period: string, status: "reopened" | "submitted", data: Record<string, unknown>) => ({
        org_id: cell.id, form: "monthly-meeting", period, status, data: JSON.stringify(data), form_version: 2, source: "quick",
        submitted_by: null, submitted_at: now, created_at: now, updated_at: now,
      });
      const day = localDate(now).slice(8);
      await db.insertInto("report_submission").values([
        row(lastMonth, "reopened", { meeting_date: `${lastMonth}-05`, kind: "regular", present: 10, members_expected: 10 }),
        row(thisMonth, "submitted", { meeting_date: `${thisMonth}-${day}`, kind: "regular", present: 8, members_expected: 10, absent_excused: 2 }),
      ]).execute();
    });
  });
  afterAll(() => database?.cleanup());

  it("asks which period, changes the reopened one, and shows the change in /lichsu", async () => {
    // Choices are newest first: this month is 1, last month 2; then "1" sends; /lichsu lists newest first too.
    const chat = await runChibo(["chat", "--as", "DEMO-BT-POLAI"], { env: database.env, ctx, input: "sửa lại: phải dự 10, có mặt 9\n2\n1\n/lichsu\n2\n", timeoutMs: 180_000 });
    expect(chat.code).toBe(0);
    expect(chat.stdout).toContain("Đồng chí sửa báo cáo kỳ nào?");
    expect(chat.stdout).toContain(`Chi bộ thôn Pò Lài — ${label(lastMonth)}`);
    expect(chat.stdout).toContain("Số đảng viên có mặt: 9 (trước: 10)");
    expect(chat.stdout).toContain(`Đã cập nhật Báo cáo sinh hoạt chi bộ của Chi bộ thôn Pò Lài, ${label(lastMonth)} (lần sửa thứ 1)`);
    // The console prints a reply's title in capitals.
    expect(chat.stdout).toContain(`LỊCH SỬ: BÁO CÁO SINH HOẠT CHI BỘ CỦA CHI BỘ THÔN PÒ LÀI, ${label(lastMonth).toUpperCase()}`);
    expect(chat.stdout).toContain("Hoàng Văn Páo: sửa báo cáo");
    expect(chat.stdout).toContain("• Số đảng viên có mặt: 10 → 9");
    const stored = await database.use((db) => db.selectFrom("report_submission").select(["period", "data", "status"]).orderBy("period").execute());
    expect(stored[0]).toMatchObject({ period: lastMonth, status: "submitted", data: { present: 9, members_expected: 10 } });
    expect(stored[1]).toMatchObject({ period: thisMonth, data: { present: 8, members_expected: 10 } });
  });
});
