import { sql } from "kysely";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { CommandContext } from "../../src/cli/command.js";
import { runChibo } from "../support/cli.js";
import { e2eDatabase, type E2eDatabase } from "../support/e2e-database.js";
import { describeEngines } from "../support/engines.js";
import { PEOPLE_HEADER, PEOPLE_ROWS, toCsv, UNITS_CSV, writeCsv } from "./fixtures.js";

describeEngines("chibo import (the real command)", (engine) => {
  let database: E2eDatabase;
  let ctx: CommandContext;
  let env: Record<string, string>;
  let dir: string;

  /** Count people with the command's own database closed (PGlite allows one opener). */
  const countPeople = async () => {
    const row = await database.use((db) => db.selectFrom("person").select(sql<string>`count(*)`.as("n")).executeTakeFirstOrThrow());
    return Number(row.n);
  };

  beforeAll(async () => {
    database = await e2eDatabase(engine, "import");
    // Every command opens its app as from a terminal, on the file's one open database.
    ctx = await database.keepOpen();
    ({ env, dir } = database);
    expect((await runChibo(["seed", "--demo"], { env, ctx })).code).toBe(0);
    const units = await runChibo(["import", "units", writeCsv(dir, "don-vi.csv", UNITS_CSV, true)], { env, ctx });
    expect(units.stderr).toBe("");
    expect(units.stdout).toContain("Đã nhập 3 dòng đơn vị: thêm mới 3");
    expect(units.code).toBe(0);
  });
  afterAll(() => database?.cleanup());

  it("exits non-zero on a bad people file, naming the line and column, and writes nothing", async () => {
    const before = await countPeople();
    const rows = [PEOPLE_HEADER, PEOPLE_ROWS[0]!, ["HL-009", "Vi Văn Lâm", "Nam", "19x5", "Tày", "0912000109", "CB-NAPE", "Chính thức", "", "", "", ""]];
    const result = await runChibo(["import", "people", writeCsv(dir, "bad.csv", toCsv(rows))], { env, ctx });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("Dòng 3, cột 'Năm sinh': '19x5' không phải năm hợp lệ");
    expect(result.stderr).toContain("không ghi gì vào cơ sở dữ liệu");
    expect(result.stdout).toBe("");
    expect(await countPeople()).toBe(before);
  });

  it("imports a good file, then says the same file again changes nothing", async () => {
    const before = await countPeople();
    const path = writeCsv(dir, "good.csv", toCsv([PEOPLE_HEADER, ...PEOPLE_ROWS], ";"), true);
    const first = await runChibo(["import", "people", path], { env, ctx });
    expect(first.code).toBe(0);
    expect(first.stdout).toContain("Đã nhập 3 dòng đảng viên: thêm mới 3, cập nhật 0, giữ nguyên 0");
    expect(await countPeople()).toBe(before + 3);
    const again = await runChibo(["import", "people", path], { env, ctx });
    expect(again.code).toBe(0);
    expect(again.stdout).toContain("thêm mới 0, cập nhật 0, giữ nguyên 3");
    // No names or phones in what the command prints besides its own summary.
    expect(first.stderr + again.stderr).not.toMatch(/Hoàng Văn Thắng|912000001/);
  });

  it("explains usage and unreadable files without a stack trace", async () => {
    const usage = await runChibo(["import", "people"], { env, ctx });
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain("chibo import units|people");
    const missing = await runChibo(["import", "units", `${dir}/khong-co.xlsx`], { env, ctx });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("Không tìm thấy tệp");
    const broken = writeCsv(dir, "hong.xlsx", "not a zip");
    const result = await runChibo(["import", "units", broken], { env, ctx });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("Không đọc được tệp");
    expect(result.stderr).not.toContain("    at ");
  });
});
