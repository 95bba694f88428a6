import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, expect, it } from "vitest";
import { DEMO_SECRETARY_CODE } from "../../src/db/demo-seed.js";
import { readTableFile } from "../../src/services/import-reader.js";
import { runImport } from "../../src/services/import.service.js";
import ExcelJS from "exceljs";
import { rollupWorkbook } from "../../src/export/rollup-workbook.js";
import { createI18n } from "../../src/messaging/i18n.js";
import { rollupForExport } from "../../src/services/rollup.service.js";
import { botHarness, type BotHarness } from "../support/bot-harness.js";
import { describeEngines } from "../support/engines.js";

const template = fileURLToPath(new URL("../../templates/tieu-chi.csv", import.meta.url));

/** The number a console user types to pick the listed choice whose label contains `words`. */
function pick(reply: string, words: string): string {
  const line = reply.split("\n").find((l) => /^\d+\. /.test(l) && l.includes(words));
  if (!line) throw new Error(`no choice with "${words}" in:\n${reply}`);
  return line.slice(0, line.indexOf("."));
}

describeEngines("the annual review on the organizations' criteria tables", (engine) => {
  let h: BotHarness;
  let polai: number;
  beforeAll(async () => {
    h = await botHarness(engine, { now: new Date("2025-12-20T03:00:00Z") });
    const outcome = await runImport(h.db.db, "criteria", (await readTableFile(template)).table, { now: h.clock.now, tz: "Asia/Ho_Chi_Minh" });
    expect(outcome.ok).toBe(true);
    polai = (await h.db.db.selectFrom("org").select("id").where("code", "=", "DEMO-CB-POLAI").executeTakeFirstOrThrow()).id;
  });
  afterAll(() => h.close());

  it("a village cell scores itself criterion by criterion on its table, seeing the running total, then the total and the level before sending", async () => {
    const sec = await h.as(DEMO_SECRETARY_CODE);
    await h.sayText(sec, "/baocao");
    const first = await h.sayText(sec, "Kiểm điểm, xếp loại");
    expect(first).toContain("Tiêu chí 1.1 (tiêu chí chung): Công tác chính trị, tư tưởng");
    expect(first).toContain("Chi bộ tự chấm bao nhiêu điểm (tối đa 8)?");
    expect(first).toContain("Đã chấm: 0/100 điểm.");
    expect(await h.sayText(sec, "9")).toContain("Tiêu chí 1.1: 9 vượt quá mức tối đa 8.");
    const second = await h.sayText(sec, "8");
    expect(second).toContain("Tiêu chí 1.2 (tiêu chí chung)");
    expect(second).toContain("Đã chấm: 8/100 điểm.");
    let reply = "";
    for (const score of ["7", "6", "6,5"]) reply = await h.sayText(sec, score);
    expect(reply).toContain("Tiêu chí 2.1 (kết quả thực hiện nhiệm vụ): Lãnh đạo phát triển kinh tế, giảm nghèo, xây dựng nông thôn mới ở thôn");
    expect(reply).toContain("Đã chấm: 27,5/100 điểm.");
    for (const score of ["18", "14", "13", "8", "8,5"]) reply = await h.sayText(sec, score);
    for (const answer of ["Không", "Không", "1", "8", "1", "0", "0"]) reply = await h.sayText(sec, answer);
    expect(reply).toContain("• Điểm tiêu chí chung: 27,5");
    expect(reply).toContain("• Điểm kết quả nhiệm vụ: 61,5");
    expect(reply).toContain("• Tổng điểm: 89/100 — mức: Hoàn thành tốt nhiệm vụ");
    expect(reply).not.toMatch(/\bHTT\b/);
    expect(await h.sayText(sec, pick(reply, "Gửi"))).toContain("Đã lưu");
    const stored = await h.db.db.selectFrom("report_submission").select(["data", "form_version"]).where("form", "=", "annual-rating").where("org_id", "=", polai).executeTakeFirstOrThrow();
    expect(stored.form_version).toBe(2);
    expect(stored.data).toMatchObject({ criteria_table: "village_cell/2025/v1", general_score: 27.5, task_score: 61.5, cell_self_level: "HTT", criteria_scores: { "1.1": 8, "1.4": 6.5, "2.5": 8.5 } });
  });

  it("a residential-group cell is asked its own table's criteria", async () => {
    const secretary = await h.db.db
      .selectFrom("role")
      .innerJoin("org", "org.id", "role.org_id")
      .innerJoin("person", "person.id", "role.person_id")
      .select("person.code")
      .where("org.code", "=", "DEMO-CB-TANHOA1")
      .where("role.role", "=", "secretary")
      .executeTakeFirstOrThrow();
    const sec = await h.as(secretary.code);
    await h.sayText(sec, "/baocao xep loai");
    let reply = "";
    for (const score of ["8", "8", "7", "7"]) reply = await h.sayText(sec, score);
    expect(reply).toContain("Lãnh đạo phát triển kinh tế hộ, giảm nghèo, xây dựng đô thị văn minh");
    expect(reply).toContain("Đã chấm: 30/100 điểm.");
    await h.sayText(sec, "/huy");
  });

  it("a member gives their own level and a short self-assessment; their secretary reads it, other members may not", async () => {
    const mai = await h.as("DEMO-DV-POLAI-MAI");
    const ask = await h.sayText(mai, "/tudanhgia");
    expect(ask).toContain("Đồng chí tự xếp loại năm 2025 ở mức nào?");
    expect(await h.sayText(mai, pick(ask, "Hoàn thành tốt nhiệm vụ"))).toContain("Xin viết tự nhận xét ngắn");
    const preview = await h.sayText(mai, "Hoàn thành nhiệm vụ thu đảng phí; còn chậm nộp báo cáo hộ phụ trách.");
    expect(preview).toContain("• Tự xếp loại: Hoàn thành tốt nhiệm vụ");
    // The button says what it sends: her self-assessment, not a cell's report.
    expect(preview).toContain("1. Gửi tự đánh giá");
    expect(preview).not.toContain("Gửi báo cáo");
    expect(await h.sayText(mai, pick(preview, "Gửi"))).toContain("Đã ghi tự đánh giá năm 2025: Hoàn thành tốt nhiệm vụ.");
    // Given again, the button says the earlier one is replaced.
    const again = await h.sayText(mai, "/tudanhgia");
    const replacing = await h.sayText(mai, pick(again, "Hoàn thành tốt nhiệm vụ"));
    expect(replacing).toContain("Xin viết tự nhận xét ngắn");
    const second = await h.sayText(mai, "Hoàn thành nhiệm vụ thu đảng phí; còn chậm nộp báo cáo hộ phụ trách.");
    expect(second).toContain("1. Gửi, thay bản tự đánh giá trước");
    expect(second).not.toContain("Gửi báo cáo");
    expect(await h.sayText(mai, pick(second, "Gửi"))).toContain("Đã ghi tự đánh giá năm 2025: Hoàn thành tốt nhiệm vụ.");
    expect(await h.sayText(mai, "/xeploai")).toContain("không có quyền");

    const sec = await h.as(DEMO_SECRETARY_CODE);
    const cell = await h.sayText(sec, "/xeploai");
    expect(cell).toContain("Kiểm điểm, xếp loại năm 2025 — Chi bộ thôn Pò Lài");
    expect(cell).toContain("Chi bộ tự chấm: 89/100 điểm — Hoàn thành tốt nhiệm vụ");
    expect(cell).toContain("Đảng viên tự đánh giá (1):");
    expect(cell).toMatch(/• .+ — Hoàn thành tốt nhiệm vụ: Hoàn thành nhiệm vụ thu đảng phí/);
    expect(cell).not.toContain("Đảng ủy chấm điểm, xếp loại");
    // Her own data lists it; the secretary's view of the cell's self-reviews is in the access log.
    expect(await h.sayText(mai, "/dulieu")).toContain("• Năm 2025: Hoàn thành tốt nhiệm vụ — Hoàn thành nhiệm vụ thu đảng phí");
    const views = await h.db.db.selectFrom("access_log").select(["what", "org_id", "people_count"]).where("what", "=", "rating.self_reviews").execute();
    expect(views).toEqual([{ what: "rating.self_reviews", org_id: polai, people_count: 1 }]);
  });

  it("the commune office scores a cell and sets its final level with a note; the roll-up counts levels per commune and warns over the HTXS cap", async () => {
    const office = await h.as("DEMO-VP-TANVAN");
    const overview = await h.sayText(office, "/xeploai 2025");
    expect(overview).toContain("Kiểm điểm, xếp loại năm 2025");
    expect(overview).toMatch(/Đảng bộ xã Tân Văn: \d+ chi bộ; đã tự chấm 1, Đảng ủy đã xếp loại 0/);
    expect(overview).toContain("Hoàn thành xuất sắc nhiệm vụ: 1 (10%)");
    const cell = await h.sayText(office, pick(overview, "Chi bộ thôn Pò Lài"));
    expect(cell).toContain("1.1. Công tác chính trị, tư tưởng: học tập, quán triệt, thực hiện nghị quyết, chỉ thị của Đảng: 8/8");
    const score = await h.sayText(office, pick(cell, "Đảng ủy chấm điểm, xếp loại"));
    expect(score).toContain("Đảng ủy chấm Chi bộ thôn Pò Lài năm 2025 bao nhiêu điểm (0–100)?");
    expect(score).toContain("Giữ điểm chi bộ tự chấm (89)");
    expect(await h.sayText(office, "130")).toContain("Điểm phải là một số từ 0 đến 100.");
    const levels = await h.sayText(office, "85");
    expect(levels).toContain("Điểm Đảng ủy chấm: 85/100 → Hoàn thành tốt nhiệm vụ");
    expect(levels).toContain("Chi bộ tự xếp: Hoàn thành tốt nhiệm vụ");
    const note = await h.sayText(office, pick(levels, "Hoàn thành nhiệm vụ"));
    expect(note).toContain("Mức Hoàn thành nhiệm vụ khác với mức chi bộ tự xếp (Hoàn thành tốt nhiệm vụ). Xin ghi ngắn lý do:");
    const done = await h.sayText(office, "Tỷ lệ tham gia bảo hiểm y tế chưa đạt chỉ tiêu");
    expect(done).toContain("Đã xếp loại Chi bộ thôn Pò Lài năm 2025: Hoàn thành nhiệm vụ.");
    expect(done).toContain("Ghi chú: Tỷ lệ tham gia bảo hiểm y tế chưa đạt chỉ tiêu");
    const stored = await h.db.db.selectFrom("rating_decision").selectAll().where("org_id", "=", polai).executeTakeFirstOrThrow();
    expect([stored.level, Number(stored.score), stored.year]).toEqual(["HT", 85, 2025]);

    // A second cell rated excellent while no cell is rated good: over the cap.
    const again = await h.sayText(office, "/xeploai");
    const banchang = await h.sayText(office, pick(again, "Chi bộ thôn Bản Chang"));
    const noScore = await h.sayText(office, pick(banchang, "Đảng ủy chấm điểm, xếp loại"));
    const level = await h.sayText(office, "Không chấm điểm, chỉ xếp loại");
    expect(noScore).not.toContain("Giữ điểm chi bộ tự chấm");
    expect(await h.sayText(office, pick(level, "Hoàn thành xuất sắc nhiệm vụ"))).toContain("Đã xếp loại Chi bộ thôn Bản Chang năm 2025: Hoàn thành xuất sắc nhiệm vụ.");
    const rollup = await h.sayText(office, "/xeploai");
    expect(rollup).toMatch(/Đảng ủy đã xếp loại 2/);
    expect(rollup).toContain("• Hoàn thành xuất sắc nhiệm vụ: 1 (50%)");
    expect(rollup).toContain("• Hoàn thành nhiệm vụ: 1 (50%)");
    expect(rollup).toContain("⚠ Số hoàn thành xuất sắc nhiệm vụ (1) vượt quá 20% số hoàn thành tốt nhiệm vụ (0): tối đa 0.");
    expect(rollup).not.toMatch(/\b(HTXS|HTT|KHT)\b/);
    // The roll-ups by form (/tonghop, the province layout's export) take the commune's final level too.
    const byForm = await h.sayText(office, "/tonghop xep loai nam 2025");
    expect(byForm).toMatch(/Chi bộ thôn Pò Lài — [^\n]*Hoàn thành nhiệm vụ; đảng viên: hoàn thành xuất sắc 1, hoàn thành tốt 8/);
  });

  it("the province sees the levels of each commune", async () => {
    const province = await h.as("DEMO-VP-TINH");
    const rollup = await h.sayText(province, "/xeploai 2025");
    expect(rollup).toMatch(/Đảng bộ xã Tân Văn: \d+ chi bộ; đã tự chấm 1, Đảng ủy đã xếp loại 2/);
    expect(rollup).toMatch(/Đảng bộ phường Kỳ Lừa: \d+ chi bộ; đã tự chấm 0, Đảng ủy đã xếp loại 0/);
    expect(rollup).toContain("Hoàn thành nhiệm vụ: 1 (50%)");
  });

  it("a year with no table of its own says which year's it is scored on: to the secretary, the office, and in the export", async () => {
    // The province has imported only the 2025 tables when the 2026 review comes.
    await h.db.db.deleteFrom("criteria_table").where("year", "=", 2026).execute();
    h.clock.now = new Date("2026-12-20T03:00:00Z");
    const sec = await h.as(DEMO_SECRETARY_CODE);
    const start = await h.sayText(sec, "/baocao xep loai nam 2026");
    expect(start).toContain("Chấm theo bảng tiêu chí năm 2025 — tỉnh chưa nhập bảng năm 2026");
    expect(start).toContain("Tiêu chí 1.1 (tiêu chí chung)");
    await h.sayText(sec, "/huy");
    const office = await h.as("DEMO-VP-TANVAN");
    expect(await h.sayText(office, "/tonghop xep loai nam 2026")).toContain("dùng bảng tiêu chí năm 2025 — tỉnh chưa nhập bảng năm 2026");
    const commune = (await h.db.db.selectFrom("org").select("id").where("code", "=", "DEMO-XA-TANVAN").executeTakeFirstOrThrow()).id;
    const { rollup, heading } = await rollupForExport(h.db.db, null, commune, "annual-rating", "2026", "2026-12-20");
    const i18n = createI18n();
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await rollupWorkbook(rollup, { t: (id, a) => i18n.t("vi", id, a), today: "2026-12-20", heading })) as never);
    const texts: string[] = [];
    book.worksheets[0]!.eachRow((row) => row.eachCell((c) => texts.push(String(c.value))));
    expect(texts.some((t) => t.includes("năm 2026 (dùng bảng tiêu chí năm 2025 — tỉnh chưa nhập bảng năm 2026)"))).toBe(true);
  });
});
