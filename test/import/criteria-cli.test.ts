import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { CommandContext } from "../../src/cli/command.js";
import { runChibo } from "../support/cli.js";
import { e2eDatabase, type E2eDatabase } from "../support/e2e-database.js";
import { describeEngines } from "../support/engines.js";
import { writeCsv } from "./fixtures.js";

const TEMPLATE = fileURLToPath(new URL("../../templates/tieu-chi.xlsx", import.meta.url));

describeEngines("chibo import criteria (the real command)", (engine) => {
  let database: E2eDatabase;
  let ctx: CommandContext;
  let env: Record<string, string>;
  let dir: string;
  const versions = () => database.use((db) => db.selectFrom("criteria_table").select(["kind", "version"]).orderBy("id").execute());

  beforeAll(async () => {
    database = await e2eDatabase(engine, "criteria");
    // Every command opens its app as from a terminal, on the file's one open database.
    ctx = await database.keepOpen();
    ({ env, dir } = database);
    // Migrating first, as an office does (the copied folder or database is migrated already).
    expect((await runChibo(["migrate"], { env, ctx })).code).toBe(0);
  });
  afterAll(() => database?.cleanup());

  it("checks the template with --dry-run and writes nothing", async () => {
    const dry = await runChibo(["import", "criteria", TEMPLATE, "--dry-run"], { env, ctx });
    expect(dry.stdout).toContain("Đã nhập 122 dòng tiêu chí: bảng mới 10, bảng có phiên bản mới 0, giữ nguyên 0");
    expect(dry.stdout).toContain("Chạy thử (--dry-run): tệp hợp lệ, chưa ghi gì.");
    expect(dry.code).toBe(0);
    expect(await versions()).toEqual([]);
  });

  it("imports the template; a second run keeps every table", async () => {
    expect((await runChibo(["import", "criteria", TEMPLATE], { env, ctx })).code).toBe(0);
    const again = await runChibo(["import", "criteria", TEMPLATE], { env, ctx });
    expect(again.stdout).toContain("bảng mới 0, bảng có phiên bản mới 0, giữ nguyên 10");
    // Each kind for 2025 and for 2026, one version each.
    const kinds = ["village_cell/v1", "residential_group_cell/v1", "agency_cell/v1", "commune_committee/v1", "member/v1"];
    expect((await versions()).map((v) => `${v.kind}/v${v.version}`)).toEqual([...kinds, ...kinds]);
  });

  it("exits 1 on a bad file, naming the line and column, and writes nothing", async () => {
    const file = writeCsv(dir, "tieu-chi-loi.csv", ["Loại bảng;Năm;Mã;Nhóm;Nội dung;Điểm tối đa;Điểm từ", "Chi bộ thôn;2026;1.1;Tiêu chí chung;Chính trị;120;"].join("\r\n"), true);
    const result = await runChibo(["import", "criteria", file], { env, ctx });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("Dòng 2, cột 'Điểm tối đa': '120' không phải số điểm hợp lệ (từ 0 đến 100, lẻ đến 0,25)");
    expect(result.stderr).toContain("không ghi gì vào cơ sở dữ liệu");
    expect(await versions()).toHaveLength(10);
  });
});
