import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createI18n } from "../../src/messaging/i18n.js";
import { formatIssue } from "../../src/cli/import-command.js";
import { tableInForce } from "../../src/db/rating.repository.js";
import { readTableFile } from "../../src/services/import-reader.js";
import { runImport, type ImportOutcome } from "../../src/services/import.service.js";
import { describeEngines, freshDatabase, type TestDatabase } from "../support/engines.js";
import { tempDir, writeCsv } from "./fixtures.js";

const NOW = new Date("2025-12-01T03:00:00Z");
const template = (name: string) => fileURLToPath(new URL(`../../templates/${name}`, import.meta.url));
const i18n = createI18n();
const messages = (outcome: ImportOutcome) => (outcome.ok ? [] : outcome.issues.map((i) => formatIssue(i, (id, a) => i18n.t("vi", id, a))));

describeEngines("chibo import criteria: the annual review's tables as data", (engine) => {
  let d: TestDatabase;
  let dir: string;
  const importFile = async (path: string, dryRun = false) => runImport(d.db, "criteria", (await readTableFile(path)).table, { now: NOW, tz: "Asia/Ho_Chi_Minh", fileHash: "test", dryRun });
  const stored = async () => (await d.db.selectFrom("criteria_table").select(["kind", "year", "version"]).orderBy("id").execute()).map((r) => `${r.kind}/${r.year}/v${r.version}`);

  beforeAll(async () => {
    d = await freshDatabase(engine);
    dir = tempDir();
  });
  afterAll(() => d.close());

  it("a dry run of the template checks its tables (five kinds, 2025 and 2026) and writes nothing", async () => {
    const outcome = await importFile(template("tieu-chi.csv"), true);
    expect(outcome).toMatchObject({ ok: true, dryRun: true, counts: { created: 10, updated: 0, unchanged: 0 } });
    expect(await stored()).toEqual([]);
  });

  it("imports the village, residential-group, agency, commune and member tables; the same file again, or the xlsx, changes nothing", async () => {
    expect(await importFile(template("tieu-chi.csv"))).toMatchObject({ ok: true, counts: { created: 10 } });
    const kinds = ["village_cell", "residential_group_cell", "agency_cell", "commune_committee", "member"];
    expect(await stored()).toEqual([...kinds.map((k) => `${k}/2025/v1`), ...kinds.map((k) => `${k}/2026/v1`)]);
    expect(await importFile(template("tieu-chi.csv"))).toMatchObject({ ok: true, counts: { created: 0, updated: 0, unchanged: 10 } });
    expect(await importFile(template("tieu-chi.xlsx"))).toMatchObject({ ok: true, counts: { created: 0, updated: 0, unchanged: 10 } });
    const village = await tableInForce(d.db, "village_cell", 2025);
    expect(village?.criteria.map((c) => c.code)).toEqual(["1.1", "1.2", "1.3", "1.4", "2.1", "2.2", "2.3", "2.4", "2.5"]);
    expect(village?.criteria.reduce((s, c) => s + c.max, 0)).toBe(100);
    expect(village?.bands).toEqual([{ level: "HTXS", min: 90 }, { level: "HTT", min: 70 }, { level: "HT", min: 50 }, { level: "KHT", min: 0 }]);
    expect(village?.htxsQuotaPct).toBe(20);
    // A later year without a table of its own keeps using the latest year's.
    expect((await tableInForce(d.db, "member", 2027))?.year).toBe(2026);
  });

  it("a changed table becomes a new version of that year; the others stay", async () => {
    const text = readFileSync(template("tieu-chi.csv"), "utf8")
      .replace("Chi bộ thôn;2025;2.1;Kết quả thực hiện nhiệm vụ;Lãnh đạo phát triển kinh tế, giảm nghèo, xây dựng nông thôn mới ở thôn;20", "Chi bộ thôn;2025;2.1;Kết quả thực hiện nhiệm vụ;Lãnh đạo phát triển kinh tế, giảm nghèo, xây dựng nông thôn mới ở thôn;25")
      .replace("Chi bộ thôn;2025;2.5;Kết quả thực hiện nhiệm vụ;Thực hiện nghị quyết của chi bộ và nhiệm vụ Đảng ủy xã giao;10", "Chi bộ thôn;2025;2.5;Kết quả thực hiện nhiệm vụ;Thực hiện nghị quyết của chi bộ và nhiệm vụ Đảng ủy xã giao;5");
    const outcome = await importFile(writeCsv(dir, "tieu-chi-2.csv", text.replace(/^\uFEFF/, ""), true));
    expect(outcome).toMatchObject({ ok: true, counts: { created: 0, updated: 1, unchanged: 9 } });
    const village = await tableInForce(d.db, "village_cell", 2025);
    expect(village?.version).toBe(2);
    expect(village?.criteria.find((c) => c.code === "2.1")?.max).toBe(25);
  });

  it("names every bad row by line and column, and writes nothing when one table is wrong", async () => {
    const before = await stored();
    const rows = [
      "Loại bảng;Năm;Mã;Nhóm;Nội dung;Điểm tối đa;Điểm từ",
      "Chi bộ trường;2026;1.1;Tiêu chí chung;Chính trị tư tưởng;30;",
      "Chi bộ thôn;2026;1.1;Tiêu chí chung;Chính trị tư tưởng;mười;",
      "Chi bộ thôn;2026;1.2;Phụ lục;Tổ chức;10;",
      "Chi bộ thôn;20x6;2.1;Kết quả thực hiện nhiệm vụ;Kinh tế;60;",
    ];
    const bad = await importFile(writeCsv(dir, "bad.csv", rows.join("\r\n"), true));
    expect(bad.ok).toBe(false);
    expect(messages(bad)).toEqual([
      "Dòng 2, cột 'Loại bảng': 'Chi bộ trường' không phải loại bảng đã biết (Chi bộ thôn, Chi bộ tổ dân phố, Chi bộ cơ quan, Đảng bộ xã, Đảng viên)",
      "Dòng 3, cột 'Điểm tối đa': 'mười' không phải số điểm hợp lệ (từ 0 đến 100, lẻ đến 0,25)",
      "Dòng 4, cột 'Nhóm': 'Phụ lục' không phải nhóm đã biết (Tiêu chí chung, Kết quả thực hiện nhiệm vụ, Mức xếp loại)",
      "Dòng 5, cột 'Năm': '20x6' không phải năm hợp lệ (từ 2020 đến 2100)",
    ]);

    // Rows that read, but tables that do not hold together.
    const tables = [
      "Loại bảng;Năm;Mã;Nhóm;Nội dung;Điểm tối đa;Điểm từ",
      "Đảng viên;2026;1.1;Tiêu chí chung;Tư tưởng;30;",
      "Đảng viên;2026;2.1;Kết quả thực hiện nhiệm vụ;Nhiệm vụ;60;",
      "Đảng viên;2026;HTXS;Mức xếp loại;Hoàn thành xuất sắc;;90",
      "Đảng viên;2026;HTT;Mức xếp loại;Hoàn thành tốt;;70",
      "Đảng viên;2026;HT;Mức xếp loại;Hoàn thành;;50",
      "Chi bộ cơ quan;2026;1.1;Tiêu chí chung;Tư tưởng;30;",
      "Chi bộ cơ quan;2026;1.1;Kết quả thực hiện nhiệm vụ;Nhiệm vụ;70;",
      "Chi bộ cơ quan;2026;HTXS;Mức xếp loại;Xuất sắc;;90",
      "Chi bộ cơ quan;2026;HTT;Mức xếp loại;Tốt;;95",
      "Chi bộ cơ quan;2026;HT;Mức xếp loại;Hoàn thành;;50",
      "Chi bộ cơ quan;2026;KHT;Mức xếp loại;Không hoàn thành;;0",
    ];
    const wrong = await importFile(writeCsv(dir, "wrong.csv", tables.join("\r\n"), true));
    expect(messages(wrong)).toEqual([
      "Dòng 2, cột 'Điểm tối đa': điểm tối đa của các tiêu chí trong bảng cộng lại là 90, phải đúng 100",
      "Dòng 2, cột 'Mã': bảng thiếu mức xếp loại KHT (mỗi bảng cần đủ 4 mức, nhóm \"Mức xếp loại\", cột \"Điểm từ\")",
      "Dòng 8, cột 'Mã': mã '1.1' đã có ở dòng 7",
      "Dòng 10, cột 'Điểm từ': mức HTT từ 95 điểm phải thấp hơn mức HTXS (từ 90 điểm)",
    ]);
    expect(await stored()).toEqual(before);
  });
});
