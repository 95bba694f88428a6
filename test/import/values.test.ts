import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { readAssignmentRows } from "../../src/domain/import/assignment-row.js";
import { headerKey } from "../../src/domain/import/columns.js";
import { readHouseholdRows } from "../../src/domain/import/household-row.js";
import { readPersonRows } from "../../src/domain/import/person-row.js";
import type { RawTable } from "../../src/domain/import/table.js";
import { readUnitRows } from "../../src/domain/import/unit-row.js";
import { parseBirthYear, parseBool, parseDate, parseKind, parsePhone, parseRoles } from "../../src/domain/import/values.js";
import { decodeCsv, readCsv } from "../../src/services/import-reader.js";

const TODAY = "2026-11-29";
const table = (rows: (string | number | Date | null)[][]): RawTable => ({ rows: rows.map((cells, i) => ({ line: i + 1, cells })) });

describe("import cell values", () => {
  it("reads dates as offices write them, and Excel's date cells and day numbers", () => {
    const date = parseDate(TODAY);
    expect(date("05/11/2025")).toEqual({ ok: true, value: "2025-11-05" });
    expect(date("5/1/1995")).toEqual({ ok: true, value: "1995-01-05" });
    expect(date("05-11-2025")).toEqual({ ok: true, value: "2025-11-05" });
    expect(date(new Date(Date.UTC(1996, 4, 19)))).toEqual({ ok: true, value: "1996-05-19" });
    expect(date(45966)).toEqual({ ok: true, value: "2025-11-05" });
    expect(date("31/02/2020")).toMatchObject({ ok: false, code: "bad_date" });
    expect(date("2025/11")).toMatchObject({ ok: false, code: "bad_date" });
    expect(date("01/01/2027")).toMatchObject({ ok: false, code: "future_date" });
  });

  it("reads a birth year from a year or a birth date, within 1900 and 16 years ago", () => {
    const year = parseBirthYear(TODAY);
    expect(year("1965")).toEqual({ ok: true, value: 1965 });
    expect(year(1965)).toEqual({ ok: true, value: 1965 });
    expect(year("12/05/1965")).toEqual({ ok: true, value: 1965 });
    expect(year("19x5")).toEqual({ ok: false, code: "bad_year", args: { min: 1900, max: 2010 } });
    expect(year("2015")).toMatchObject({ ok: false, code: "bad_year" });
  });

  it("normalises phones, putting back the 0 Excel drops from numbers", () => {
    expect(parsePhone("0912 345 678")).toEqual({ ok: true, value: "+84912345678" });
    expect(parsePhone(912345678)).toEqual({ ok: true, value: "+84912345678" });
    expect(parsePhone("+84 912.345.678")).toEqual({ ok: true, value: "+84912345678" });
    expect(parsePhone("12345")).toMatchObject({ ok: false, code: "bad_phone" });
  });

  it("reads kinds, ticks and roles without diacritics or case", () => {
    expect(parseKind("Đảng bộ xã")).toEqual({ ok: true, value: "dang_bo_xa" });
    expect(parseKind("CHI BỘ")).toEqual({ ok: true, value: "chi_bo" });
    expect(parseKind("chi_bo_co_so")).toEqual({ ok: true, value: "chi_bo_co_so" });
    expect(parseKind("Hội nông dân")).toMatchObject({ ok: false, code: "bad_kind" });
    expect(parseBool("x")).toEqual({ ok: true, value: true });
    expect(parseBool("Có")).toEqual({ ok: true, value: true });
    expect(parseBool("không")).toEqual({ ok: true, value: false });
    expect(parseRoles("Bí thư chi bộ, Đảng ủy viên")).toEqual({
      ok: true,
      value: [
        { role: "secretary", scope: "cell" },
        { role: "commune_committee", scope: "upper" },
      ],
    });
    expect(parseRoles("Phó Bí thư; chi ủy viên")).toMatchObject({ ok: true, value: [{ role: "deputy_secretary" }, { role: "cell_committee" }] });
    expect(parseRoles("Tổng bí thư")).toMatchObject({ ok: false, code: "bad_role" });
  });

  it("matches headers without diacritics, case or marks", () => {
    expect(headerKey("Mã đơn vị (*)")).toBe("ma don vi");
    expect(headerKey("  ĐẢNG VIÊN chính thức/Dự bị ")).toBe("dang vien chinh thuc du bi");
  });
});

describe("import rows", () => {
  it("finds the header below a title block and names each bad cell by line and the file's own header", () => {
    const read = readPersonRows(
      table([
        ["DANH SÁCH ĐẢNG VIÊN CHI BỘ THÔN PÒ LÀI"],
        [],
        ["STT", "MÃ ĐẢNG VIÊN", "Họ tên", "Năm sinh", "SĐT", "Mã chi bộ", "Chính thức/dự bị", "Số CCCD"],
        [1, "DV1", "Hoàng Văn Páo", "1968", "0912345678", "CB1", "Chính thức", "001068000001"],
        [2, "DV2", "Vi Thị Mai", "19x5", "0912", "CB1", "dự bị", ""],
        [3, "DV1", "Lộc Văn Khoa", "1970", "", "CB1", "khác", ""],
      ]),
      TODAY,
    );
    expect(read.rows.map((r) => r.code)).toEqual(["DV1"]);
    expect(read.ignored).toEqual(["STT", "Số CCCD"]);
    expect(read.issues).toEqual([
      { line: 5, column: "Năm sinh", code: "bad_year", args: { min: 1900, max: 2010, value: "19x5" } },
      { line: 5, column: "SĐT", code: "bad_phone", args: { value: "0912" } },
      { line: 6, column: "Chính thức/dự bị", code: "bad_membership", args: { value: "khác" } },
      { line: 6, column: "MÃ ĐẢNG VIÊN", code: "duplicate_code", args: { value: "DV1", first: 4 } },
    ]);
  });

  it("reports a missing required column on the header line", () => {
    const read = readUnitRows(table([["Mã đơn vị", "Tên đơn vị"], ["A", "B"]]), TODAY);
    expect(read.issues).toEqual([{ line: 1, code: "missing_column", args: { column: "Loại" } }]);
  });
});

describe("CSV files", () => {
  const header = "Mã đơn vị;Tên đơn vị;Loại\r\n";
  it("reads ; separated UTF-8 with a BOM, quoted fields with the separator and new lines inside", () => {
    const text = `\uFEFF${header}CB1;"Chi bộ thôn Pò Lài; khu ""A""";Chi bộ\r\n\r\nCB2;"Chi bộ\nthôn B";Chi bộ\r\n`;
    const { table: t } = readCsv(new TextEncoder().encode(text));
    expect(t.rows[0]!.cells).toEqual(["Mã đơn vị", "Tên đơn vị", "Loại"]);
    expect(t.rows[1]).toEqual({ line: 2, cells: ["CB1", 'Chi bộ thôn Pò Lài; khu "A"', "Chi bộ"] });
    expect(t.rows[3]).toEqual({ line: 4, cells: ["CB2", "Chi bộ\nthôn B", "Chi bộ"] });
  });

  it("reads , separated UTF-8 without a BOM", () => {
    const { table: t } = readCsv(new TextEncoder().encode('Mã,Tên,Loại\nCB1,"Chi bộ thôn A, B",Chi bộ\n'));
    expect(t.rows[1]!.cells).toEqual(["CB1", "Chi bộ thôn A, B", "Chi bộ"]);
  });

  it("falls back to the Windows Vietnamese code page and composes its tone marks", () => {
    // "Chi bộ" in windows-1258: ô (0xF4) then the combining dot below (0xF2).
    const bytes = new Uint8Array([...new TextEncoder().encode("Chi b"), 0xf4, 0xf2]);
    expect(decodeCsv(bytes)).toEqual({ text: "Chi bộ", encoding: "windows-1258" });
  });
});

describe("templates", () => {
  it("read without a single issue, as XLSX and as CSV", async () => {
    const { readTableFile } = await import("../../src/services/import-reader.js");
    const templates = fileURLToPath(new URL("../../templates/", import.meta.url));
    for (const ext of ["xlsx", "csv"]) {
      const units = readUnitRows((await readTableFile(`${templates}don-vi.${ext}`)).table, TODAY);
      expect(units.issues, ext).toEqual([]);
      expect(units.rows.map((r) => r.code)).toEqual(["TINH-LS", "CB-VPTU", "XA-TANVAN", "CB-TANVAN-CQ", "CB-POLAI", "CB-BANCHANG", "CB-NATHUA", "PHUONG-KYLUA", "CB-KYLUA-CQ", "CB-TANHOA1", "CB-TANHOA2"]);
      expect(units.rows.find((r) => r.code === "XA-TANVAN")).toMatchObject({ meetingDay: { kind: "day_of_month", day: 5 }, meetingTime: "19:30", thematicMonth: 3 });
      const people = readPersonRows((await readTableFile(`${templates}dang-vien.${ext}`)).table, TODAY);
      expect(people.issues, ext).toEqual([]);
      expect(people.ignored).toEqual([]);
      expect(people.rows[0]).toMatchObject({ code: "DV-0001", phone: "+84912000001", admittedOn: "1995-05-19", roles: [{ role: "secretary" }] });
      const households = readHouseholdRows((await readTableFile(`${templates}ho-gia-dinh.${ext}`)).table);
      expect(households.issues, ext).toEqual([]);
      expect(households.rows).toHaveLength(4);
      const assignments = readAssignmentRows((await readTableFile(`${templates}phan-cong.${ext}`)).table);
      expect(assignments.issues, ext).toEqual([]);
      expect(assignments.rows[0]).toMatchObject({ personCode: "DV-0010", unitCode: "XA-TANVAN", from: "2025-07-01" });
    }
  });
});
