import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { CommandContext } from "../../src/cli/command.js";
import { runChibo } from "../support/cli.js";
import { e2eDatabase, type E2eDatabase } from "../support/e2e-database.js";
import { describeEngines } from "../support/engines.js";
import { loadWorkbook } from "../support/xlsx.js";

const template = (name: string) => fileURLToPath(new URL(`../../templates/${name}`, import.meta.url));

describeEngines("chibo import villages and chibo export villages (the real commands)", (engine) => {
  let database: E2eDatabase;
  let ctx: CommandContext;
  let env: Record<string, string>;
  let dir: string;

  beforeAll(async () => {
    database = await e2eDatabase(engine, "villages");
    // Every command opens its app as from a terminal, on the file's one open database.
    ctx = await database.keepOpen();
    ({ env, dir } = database);
    expect((await runChibo(["import", "units", template("don-vi.csv")], { env, ctx })).code).toBe(0);
  });
  afterAll(() => database?.cleanup());

  it("imports the template after a dry run, then exports the commune's villages for the quarter", async () => {
    const dry = await runChibo(["import", "villages", template("ho-so-thon.xlsx"), "--dry-run"], { env, ctx });
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain("Đã nhập 4 dòng hồ sơ thôn: thêm mới 2 quý");
    const real = await runChibo(["import", "villages", template("ho-so-thon.xlsx")], { env, ctx });
    expect(real.code).toBe(0);
    const out = join(dir, "ho-so-thon.xlsx");
    const exported = await runChibo(["export", "villages", "--period", "2025-Q3", "--org", "XA-TANVAN", "--out", out], { env, ctx });
    expect(exported.stderr).toBe("");
    // Every village of the commune, Nà Thưa without a record too; the agency cell keeps none.
    expect(exported.stdout).toContain("Đã xuất hồ sơ 2/3 thôn của Đảng bộ xã Tân Văn");
    const wb = await loadWorkbook(readFileSync(out));
    // The shipped layout templates/bao-cao/co-so-du-lieu-thon.xlsx: the villages, then the people who do their work.
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Thôn", "Người làm việc"]);
    expect(wb.worksheets[0]!.getCell("A2").value).toBe("ĐẢNG ỦY XÃ TÂN VĂN");
    expect([11, 12, 13, 14].map((r) => wb.worksheets[0]!.getRow(r).getCell(2).value)).toEqual(["thôn Bản Chang", "thôn Nà Thưa", "thôn Pò Lài", "TỔNG CỘNG"]);
    expect(wb.worksheets[0]!.getRow(12).getCell(3).value).toBe("chưa cập nhật quý này");
    // Villages in Vietnamese order (Bản Chang before Pò Lài), each village's workers as listed.
    expect([6, 7, 8, 9].map((r) => wb.worksheets[1]!.getRow(r).getCell(4).value)).toEqual(["Triệu Văn Lâm", "Hoàng Văn Páo", "Lục Thị Hoa", "Vi Văn Sáng"]);
  });

  it("refuses a month for the village export", async () => {
    const result = await runChibo(["export", "villages", "--period", "2025-11", "--out", join(dir, "x.xlsx")], { env, ctx });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("không hợp lệ cho hồ sơ thôn");
  });
});
