import { afterAll, beforeAll, expect, it } from "vitest";
import { DEMO_SECRETARY_CODE } from "../../src/db/demo-seed.js";
import { botHarness, type BotHarness } from "../support/bot-harness.js";
import { describeEngines } from "../support/engines.js";
import { loadWorkbook } from "../support/xlsx.js";

const YELLOW = "FFFFF2CC";

describeEngines("/hosothon: the village record by quarter", (engine) => {
  let h: BotHarness;
  let sec: string;
  beforeAll(async () => {
    h = await botHarness(engine, { now: new Date("2025-11-20T03:00:00Z") });
    sec = await h.as(DEMO_SECRETARY_CODE);
  });
  afterAll(() => h.close());

  it("starts a village's first record for a chosen quarter from typed figures and workers", async () => {
    const ask = await h.sayText(sec, "/hosothon");
    expect(ask).toContain("Cập nhật hồ sơ thôn cho quý nào?");
    expect(ask).toContain("1. quý 3/2025");
    expect(ask).toContain("quý 2/2025");
    const opened = await h.sayText(sec, "/hosothon quý 2/2025");
    expect(opened).toContain("Hồ sơ Chi bộ thôn Pò Lài — quý 2/2025");
    expect(opened).toContain("Chưa có số liệu quý nào");
    expect(opened).not.toContain("Không thay đổi\n");
    const shown = await h.sayText(
      sec,
      [
        "số hộ 142",
        "dân số 618",
        "diện tích 5,2",
        "hộ nghèo 12",
        "đảng viên 31",
        "phụ nữ 87",
        "thêm: trưởng thôn, Hoàng Văn Páo, nam, 1968, Tày, 9/12, làm ruộng, đảng viên",
        "thêm: y tế thôn, Lục Thị Hoa, nữ, 1990, Nùng, 12/12, y sĩ, quần chúng",
      ].join("\n"),
    );
    expect(shown).toContain("• Dân số (người): 618");
    expect(shown).toContain("• Diện tích (km²): 5,2");
    expect(shown).toContain("1. Trưởng thôn: Hoàng Văn Páo, nam, 1968, Tày, 9/12, làm ruộng, đảng viên");
    expect(shown).toContain("2. Nhân viên y tế thôn: Lục Thị Hoa, nữ, 1990, Nùng, 12/12, y sĩ, quần chúng");
    expect(await h.sayText(sec, "1")).toContain("Đã lưu hồ sơ Chi bộ thôn Pò Lài, quý 2/2025.");
  });

  it("a bad line is named and nothing is taken", async () => {
    await h.sayText(sec, "/hosothon quý 3/2025");
    const reply = await h.sayText(sec, "dân số 630\nsửa 7: trình độ 12/12");
    expect(reply).toContain("Chưa lưu gì");
    expect(reply).toContain('Dòng "sửa 7: trình độ 12/12": không có người số này trong danh sách.');
    expect(await h.sayText(sec, "/huy")).toBeTruthy();
  });

  it("updates the next quarter from last quarter's values with two changes, one of them a worker", async () => {
    const opened = await h.sayText(sec, "/hosothon quy 3/2025");
    expect(opened).toContain("Số liệu của quý 2/2025 (quý trước):");
    expect(opened).toContain("1. Không thay đổi");
    await h.sayText(sec, "dân số 630");
    const shown = await h.sayText(sec, "sửa 2: trình độ 12/12 + cao đẳng, nghề nghiệp y sĩ trạm y tế");
    expect(shown).toContain("• Dân số (người): 630 ✎ (trước: 618)");
    expect(shown).toContain("2. Nhân viên y tế thôn: Lục Thị Hoa, nữ, 1990, Nùng, 12/12 + cao đẳng, y sĩ trạm y tế, quần chúng ✎");
    expect(shown).toContain("• Số hộ: 142\n");
    expect(await h.sayText(sec, "1")).toContain("Đã lưu hồ sơ Chi bộ thôn Pò Lài, quý 3/2025: 2 mục thay đổi so với quý trước.");
  });

  it("keeps a quarter unchanged in one tap", async () => {
    await h.sayText(sec, "/hosothon quý 4/2025");
    expect(await h.sayText(sec, "1")).toContain("Đã lưu hồ sơ Chi bộ thôn Pò Lài, quý 4/2025.");
  });

  it("the commune office sees the villages and gets the Excel file with the quarter's changes marked", async () => {
    const office = await h.as("DEMO-VP-TANVAN");
    const result = await h.say(office, "/hosothon quý 3/2025");
    const reply = result.replies[0]!;
    expect(reply.text).toContain("Hồ sơ thôn quý 3/2025 — Đảng bộ xã Tân Văn: 1/1 thôn đã cập nhật");
    expect(reply.text).toContain("• Chi bộ thôn Pò Lài: 630 người, 142 hộ; 2 mục thay đổi");
    const wb = await loadWorkbook(reply.attachment!.data);
    const villages = wb.worksheets[0]!;
    const header = villages.getRow(6).values as unknown[];
    const col = (title: string) => header.indexOf(title);
    const row = villages.getRow(7);
    expect(row.getCell(col("Thôn, tổ dân phố")).value).toBe("Chi bộ thôn Pò Lài");
    const population = row.getCell(col("Dân số (người)"));
    expect(population.value).toBe(630);
    expect((population.fill as { fgColor?: { argb?: string } }).fgColor?.argb).toBe(YELLOW);
    expect(String(population.note)).toContain("618");
    const households = row.getCell(col("Số hộ"));
    expect(households.value).toBe(142);
    expect(households.fill).toBeUndefined();
    const workers = wb.worksheets[1]!;
    const names = [8, 7].map((r) => workers.getRow(r).getCell(4).value);
    expect(names).toEqual(["Lục Thị Hoa", "Hoàng Văn Páo"]);
    expect((workers.getRow(8).getCell(4).fill as { fgColor?: { argb?: string } }).fgColor?.argb).toBe(YELLOW);
    expect(workers.getRow(8).getCell(11).value).toBe("Đã sửa");
    expect(workers.getRow(7).getCell(11).value).toBeNull();
  });

  it("files the quarter's village report from the record, so the quarter counts as reported", async () => {
    const reply = await h.sayText(sec, "/xembaocao");
    expect(reply).toContain("quý 3/2025");
  });

  it("/baocao thôn takes the quarter named, not only the one just ended", async () => {
    expect(await h.sayText(sec, "/baocao so lieu thon quy 1/2025")).toContain("quý 1/2025");
    await h.sayText(sec, "/huy");
  });

  it("refuses a member and another commune's office", async () => {
    const member = await h.as("DEMO-DV-POLAI-MAI");
    expect(await h.sayText(member, "/hosothon")).toContain("không có quyền");
    const other = await h.as("DEMO-VP-KYLUA");
    const reply = await h.say(other, "/hosothon quý 3/2025");
    expect(reply.replies[0]!.text).not.toContain("Pò Lài");
  });
});
