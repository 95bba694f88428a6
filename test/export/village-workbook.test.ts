import type ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { diffFigures, type VillageFigures, type VillageUnit, type Worker } from "../../src/domain/records/village-record.js";
import { villageWorkbook } from "../../src/export/village-workbook.js";
import { createI18n } from "../../src/messaging/i18n.js";
import type { VillageRow, VillageTable } from "../../src/services/village-record.service.js";
import { loadWorkbook } from "../support/xlsx.js";

const i18n = createI18n();
const t = (id: string, args?: Record<string, string | number>) => i18n.t("vi", id, args);

const worker = (name: string, role: Worker["role"], education = "9/12"): Worker => ({ role, name, sex: "M", birthYear: 1975, ethnicity: "Tày", education, occupation: "làm ruộng", partyMember: false });
const figures = (population: number, workforce: Worker[]): VillageFigures => ({ population, households: 100, areaKm2: 2.5, organizations: { party: 20 }, workforce });

function village(name: string, commune: string, before: VillageFigures | null, now: VillageFigures | null, unit: VillageUnit = "thon"): VillageRow {
  return {
    orgId: 1,
    cellName: name,
    village: name,
    unit,
    communeName: commune,
    figures: now,
    previous: before,
    previousPeriod: before ? "2026-Q2" : null,
    diff: now ? diffFigures(before ?? undefined, now) : diffFigures(undefined, { organizations: {}, workforce: [] }),
  };
}

/** Column B's text → the row's cells by column letter, as an office scans the sheet. */
function byName(sheet: ExcelJS.Worksheet, column: string): Map<string, ExcelJS.Row> {
  const out = new Map<string, ExcelJS.Row>();
  sheet.eachRow((row) => {
    const name = row.getCell(column).value;
    if (typeof name === "string") out.set(name, row);
  });
  return out;
}

function colour(cell: ExcelJS.Cell): string | undefined {
  const fill = cell.fill as ExcelJS.FillPattern | undefined;
  return fill?.pattern === "solid" ? fill.fgColor?.argb : undefined;
}

describe("the village record in the shipped layout (co-so-du-lieu-thon.xlsx)", () => {
  it("a province: villages per commune with each commune's sum and the total; new workers marked, leavers struck through", async () => {
    const before = figures(600, [worker("Hoàng Văn Páo", "village_head"), worker("Vi Văn Sáng", "police")]);
    const table: VillageTable = {
      orgName: "Đảng bộ tỉnh Mẫu Sơn",
      period: "2026-Q3",
      heading: { upper: "ĐẢNG BỘ TỈNH MẪU SƠN", issuer: "TỈNH ỦY MẪU SƠN", place: "Mẫu Sơn", signFor: "T/M BAN THƯỜNG VỤ", recipient: "Ban Tổ chức Trung ương", number: "Số        -BC/TU" },
      rows: [
        village("Thôn Pò Lài", "Xã Tân Văn", before, figures(610, [worker("Hoàng Văn Páo", "village_head"), worker("Lục Thị Hoa", "health_worker")])),
        village("Thôn Bản Chang", "Xã Tân Văn", null, figures(300, [])),
        village("Tổ dân phố Tân Hòa 1", "Phường Kỳ Lừa", before, null),
      ],
    };
    const wb = await loadWorkbook(await villageWorkbook(table, { t, today: "2026-10-05" }));
    const villages = byName(wb.worksheets[0]!, "B");
    // Columns of the shipped layout: C status, E population, P the number of workers.
    expect(villages.get("Thôn Pò Lài")!.getCell("C").value).toBe("3 mục thay đổi");
    expect(villages.get("Thôn Bản Chang")!.getCell("C").value).toBe("Lần đầu cập nhật");
    expect(villages.get("Tổ dân phố Tân Hòa 1")!.getCell("C").value).toBe("chưa cập nhật quý này");
    const tanVan = villages.get("Cộng: Xã Tân Văn")!;
    expect([tanVan.getCell("C").value, tanVan.getCell("E").value, tanVan.getCell("D").value]).toEqual(["2/2 thôn đã cập nhật", 910, 5]);
    expect(villages.get("Cộng: Phường Kỳ Lừa")!.getCell("C").value).toBe("0/1 thôn đã cập nhật");
    expect(villages.get("TỔNG CỘNG")!.getCell("E").value).toBe(910);
    expect(villages.get("TỔNG CỘNG")!.number).toBeGreaterThan(villages.get("Cộng: Phường Kỳ Lừa")!.number);
    // Same number of workers (2 and 2): the count is not a change; the figure is.
    expect(colour(villages.get("Thôn Pò Lài")!.getCell("P"))).toBeUndefined();
    expect(String(villages.get("Thôn Pò Lài")!.getCell("E").note)).toBe("Quý trước (quý 2/2026): 600");

    const workers = byName(wb.worksheets[1]!, "D");
    const hoa = workers.get("Lục Thị Hoa")!;
    expect(hoa.getCell("K").value).toBe("Mới");
    expect([hoa.getCell("A"), hoa.getCell("D"), hoa.getCell("I")].map(colour)).toEqual(["FFFFF2CC", "FFFFF2CC", "FFFFF2CC"]);
    const sang = workers.get("Vi Văn Sáng")!;
    expect(sang.getCell("K").value).toBe("Thôi");
    expect(sang.getCell("D").font.strike).toBe(true);
    expect(colour(sang.getCell("D"))).toBeUndefined();
    expect(sang.number).toBe(hoa.number + 1);
    const pao = workers.get("Hoàng Văn Páo")!;
    expect(pao.getCell("D").font.strike).toBeFalsy();
    expect(colour(pao.getCell("D"))).toBeUndefined();
  });

  it("a worker replaced by another person: the old one Thôi (struck through), the new one Mới; a tổ dân phố's head is Tổ trưởng tổ dân phố", async () => {
    const tam = { ...worker("Lê Văn Tám", "police"), birthYear: 1979 };
    const manh = { ...worker("Nguyễn Đức Mạnh", "police"), birthYear: 1990 };
    const head = worker("Đào Văn Hùng", "village_head");
    const table: VillageTable = {
      orgName: "Đảng bộ phường Minh Khai",
      period: "2026-Q4",
      heading: { upper: "ĐẢNG BỘ TỈNH HÀ LAM", issuer: "ĐẢNG ỦY PHƯỜNG MINH KHAI", place: "Minh Khai", signFor: "T/M ĐẢNG ỦY", recipient: "Tỉnh ủy", number: "Số        -BC/ĐU" },
      rows: [village("tổ dân phố số 3", "Phường Minh Khai", figures(400, [head, tam]), figures(400, [head, manh]), "to_dan_pho")],
    };
    const wb = await loadWorkbook(await villageWorkbook(table, { t, today: "2026-12-08" }));
    const workers = byName(wb.worksheets[1]!, "D");
    expect(workers.get("Nguyễn Đức Mạnh")!.getCell("K").value).toBe("Mới");
    expect(workers.get("Lê Văn Tám")!.getCell("K").value).toBe("Thôi");
    expect(workers.get("Lê Văn Tám")!.getCell("D").font.strike).toBe(true);
    expect(workers.get("Nguyễn Đức Mạnh")!.getCell("D").note).toBeUndefined();
    const roles = [...workers.values()].map((r) => r.getCell("C").value);
    expect(workers.get("Đào Văn Hùng")!.getCell("C").value).toBe("Tổ trưởng tổ dân phố");
    expect(roles).not.toContain("Trưởng thôn");
  });
});
