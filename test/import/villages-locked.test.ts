import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { describeOverridden, formatIssue } from "../../src/cli/import-command.js";
import { DEMO_SECRETARY_CODE } from "../../src/db/demo-seed.js";
import { findOrgByCode } from "../../src/db/org.repository.js";
import { createI18n } from "../../src/messaging/i18n.js";
import { readTableFile } from "../../src/services/import-reader.js";
import { runImport, type ImportOutcome } from "../../src/services/import.service.js";
import { villageTable } from "../../src/services/village-record.service.js";
import { botHarness, type BotHarness } from "../support/bot-harness.js";
import { describeEngines } from "../support/engines.js";
import { tempDir } from "./fixtures.js";

const TZ = "Asia/Ho_Chi_Minh";
const i18n = createI18n();
const t = (id: string, args?: Record<string, string | number>) => i18n.t("vi", id, args);

/** An import must not change a quarter the commune accepted, and says which of the cell's own values it replaces. */
describeEngines("chibo import villages against the cell's own reports and the office's acceptance", (engine) => {
  let h: BotHarness;
  let dir: string;
  let cellId: number;
  let communeId: number;
  const file = (name: string, poor: number) => {
    const path = join(dir, name);
    writeFileSync(path, ["Mã thôn;Quý;Dân số;Số hộ;Hộ nghèo;Đảng viên", `DEMO-CB-POLAI;Quý 3/2025;618;142;${poor};31`].join("\n"));
    return path;
  };
  const importFile = async (path: string): Promise<ImportOutcome> => runImport(h.db.db, "villages", (await readTableFile(path)).table, { now: h.clock.now, tz: TZ, fileHash: "test" });
  /** The quarter's poor households as each export reads them: the village record and the filed report. */
  const bothExports = async () => {
    const table = await villageTable(h.db.db, null, communeId, "2025-Q3", h.clock.now);
    const record = table.rows.find((r) => r.orgId === cellId)!.figures!.poorHouseholds;
    const report = await h.db.db.selectFrom("report_submission").select(["data", "status"]).where("org_id", "=", cellId).where("form", "=", "village-quarterly").where("period", "=", "2025-Q3").executeTakeFirstOrThrow();
    return { record, report: (report.data as Record<string, unknown>).poor_households };
  };

  beforeAll(async () => {
    h = await botHarness(engine, { now: new Date("2025-10-06T03:00:00Z") });
    dir = tempDir();
    cellId = (await findOrgByCode(h.db.db, "DEMO-CB-POLAI"))!.id;
    communeId = (await findOrgByCode(h.db.db, "DEMO-XA-TANVAN"))!.id;
    expect(await importFile(file("q3.csv", 15))).toMatchObject({ ok: true, counts: { created: 1 } });
  });
  afterAll(() => h.close());

  it("names the secretary's own chat correction that a re-import replaces, and both exports then agree", async () => {
    const sec = await h.as(DEMO_SECRETARY_CODE);
    await h.sayText(sec, "sửa lại số liệu quý 3: hộ nghèo 14 chứ không phải 15");
    await h.sayText(sec, "1");
    expect(await bothExports()).toEqual({ record: 14, report: 14 });

    const again = await importFile(file("q3.csv", 15));
    expect(again).toMatchObject({ ok: true, counts: { updated: 1 }, overridden: [{ village: "thôn Pò Lài", period: "2025-Q3", values: [{ field: "figure:poorHouseholds", before: 14, after: 15 }], workers: false }] });
    expect(describeOverridden(again.ok ? again.overridden! : [], t, "vi")).toBe(
      "Thay 1 số liệu chi bộ đã tự báo cáo hoặc sửa qua tin nhắn sau lần nhập trước:\n  thôn Pò Lài, quý 3/2025: Hộ nghèo 14 → 15\n",
    );
    expect(await bothExports()).toEqual({ record: 15, report: 15 });
    // The import's own values again: nothing of the cell's is replaced, nothing reported.
    const same = await importFile(file("q3.csv", 15));
    expect(same).toMatchObject({ ok: true, counts: { unchanged: 1 } });
    expect(same.ok && same.overridden).toBeFalsy();
  });

  it("refuses to change a quarter the commune accepted, naming the row and the village; the same values still import as unchanged", async () => {
    await h.db.db.updateTable("report_submission").set({ status: "accepted" }).where("org_id", "=", cellId).where("form", "=", "village-quarterly").where("period", "=", "2025-Q3").execute();
    const refused = await importFile(file("q3-25.csv", 25));
    expect(refused.ok).toBe(false);
    const issues = refused.ok ? [] : refused.issues;
    expect(issues.map((i) => formatIssue(i, t))).toEqual([
      "Dòng 2, cột 'Mã thôn': thôn Pò Lài, quý 3/2025 đã được Đảng ủy duyệt (khóa), không nhập đè được. Muốn thay số liệu, mở lại quý này trước (/tonghop số liệu thôn quý 3/2025 → chọn chi bộ → Mở lại) rồi nhập lại; hoặc bỏ các dòng của thôn này khỏi tệp",
    ]);
    expect(await bothExports()).toEqual({ record: 15, report: 15 });
    expect(await importFile(file("q3.csv", 15))).toMatchObject({ ok: true, counts: { unchanged: 1 } });
  });

  it("the path the refusal names reopens the quarter: /tonghop số liệu thôn quý 3/2025 → the cell → Mở lại; /duyet does not list it", async () => {
    const office = await h.as("DEMO-VP-TANVAN");
    expect(await h.sayText(office, "/duyet")).not.toContain("Pò Lài");
    await h.sayText(office, "/huy");
    const summary = await h.sayText(office, "/tonghop số liệu thôn quý 3/2025");
    const cell = /(\d+)\. Chi bộ thôn Pò Lài/.exec(summary);
    expect(cell, summary).not.toBeNull();
    const report = await h.sayText(office, cell![1]!);
    const reopen = /(\d+)\. Mở lại/.exec(report);
    expect(reopen, report).not.toBeNull();
    await h.sayText(office, reopen![1]!);
    const status = await h.db.db.selectFrom("report_submission").select("status").where("org_id", "=", cellId).where("form", "=", "village-quarterly").where("period", "=", "2025-Q3").executeTakeFirstOrThrow();
    expect(status.status).not.toBe("accepted");
    expect(await importFile(file("q3-25.csv", 25))).toMatchObject({ ok: true });
  });
});
