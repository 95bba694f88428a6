import { mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createI18n } from "../../src/messaging/i18n.js";
import { IMPORT_LIMITS, ImportFileError, readCsv, readTableBytes, readTableFile, unclosedQuoteLine } from "../../src/services/import-reader.js";
import { checkXlsx } from "../../src/services/xlsx-guard.js";
import { deflatedPart, spacesPart, zipOf } from "../support/zip.js";

const i18n = createI18n();
const dir = mkdtempSync(join(tmpdir(), "chibo-bounded-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The refusal a read ends in, and its Vietnamese message as `chibo import` prints it. */
async function refusal(read: Promise<unknown> | (() => unknown), path = "tep.xlsx"): Promise<{ error: ImportFileError; message: string }> {
  let caught: unknown;
  try {
    await (typeof read === "function" ? read() : read);
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(ImportFileError);
  const error = caught as ImportFileError;
  return { error, message: i18n.t("vi", `import-file-${error.code}`, { path, ...error.args }) };
}

const SHEET_HEAD = '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
const SHEET_TAIL = "</sheetData></worksheet>";

describe("bounded imports", () => {
  it("says a Word document renamed .xlsx is not an Excel file, rather than 'trống'", async () => {
    const path = join(dir, "bao-cao.xlsx");
    writeFileSync(path, readFileSync(new URL("../../templates/van-ban/bien-ban.docx", import.meta.url)));
    const { error, message } = await refusal(readTableFile(path), path);
    expect(error.code).toBe("not_excel");
    expect(message).toContain(`Tệp "${path}" không phải tệp Excel (.xlsx)`);
    expect(message).not.toContain("trống");
  });

  it("refuses a file over 20 MB from its size, before reading it, naming the limit", async () => {
    const path = join(dir, "lon.csv");
    writeFileSync(path, "Mã,Tên\n");
    truncateSync(path, IMPORT_LIMITS.maxFileBytes + 1024 * 1024); // sparse: no 21 MB written
    const { error, message } = await refusal(readTableFile(path), path);
    expect(error.code).toBe("too_large");
    expect(message).toBe(`Tệp "${path}" quá lớn (21 MB): chỉ nhập được tệp tối đa 20 MB. Xin chia thành nhiều tệp nhỏ hơn.`);
    expect((await refusal(readTableBytes(Buffer.alloc(IMPORT_LIMITS.maxFileBytes + 1), "xlsx"))).error.code).toBe("too_large");
  });

  it("refuses a 1.5 MB XLSX that unpacks to 1.5 GB from its zip directory, before anything is inflated", async () => {
    const bomb = zipOf([deflatedPart("[Content_Types].xml", "<Types/>"), spacesPart("xl/worksheets/sheet1.xml", 1536)]);
    expect(bomb.length).toBeLessThan(2 * 1024 * 1024);
    expect(checkXlsx(bomb, IMPORT_LIMITS)).toEqual({ code: "unpacked_too_large", unpackedBytes: 1536 * 1024 * 1024 + 8 });
    const path = join(dir, "bom.xlsx");
    writeFileSync(path, bomb);
    const { error, message } = await refusal(readTableFile(path), path);
    expect(error.code).toBe("unpacked_too_large");
    expect(message).toContain("khi giải nén lớn hơn 100 MB");
  });

  it("refuses a part that unpacks past the size its directory declares", async () => {
    const liar = spacesPart("xl/worksheets/sheet1.xml", 8);
    const bytes = zipOf([{ ...liar, unpackedSize: 1000 }]);
    expect(checkXlsx(bytes, IMPORT_LIMITS)).toEqual({ code: "unreadable" });
  });

  it("counts an XLSX's rows before exceljs reads it, and refuses more than 100,000", async () => {
    const rows = (n: number) => Array.from({ length: n }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}" t="inlineStr"><is><t>x</t></is></c></row>`).join("");
    const over = zipOf([deflatedPart("xl/worksheets/sheet1.xml", `${SHEET_HEAD}${rows(IMPORT_LIMITS.maxRows + 1)}${SHEET_TAIL}`)]);
    const { error, message } = await refusal(readTableBytes(over, "xlsx"));
    expect(error.code).toBe("too_many_rows");
    expect(message).toContain("có hơn 100.000 dòng");
    expect(checkXlsx(zipOf([deflatedPart("xl/worksheets/sheet1.xml", `${SHEET_HEAD}${rows(10)}${SHEET_TAIL}`)]), IMPORT_LIMITS)).toBeNull();
  });

  it("reads the real templates within the limits", async () => {
    expect(checkXlsx(readFileSync("templates/dang-vien.xlsx"), IMPORT_LIMITS)).toBeNull();
    const { table } = await readTableFile("templates/dang-vien.xlsx");
    expect(table.rows.length).toBeGreaterThan(1);
  });

  it("refuses a CSV of more than 100,000 rows without parsing the rest", async () => {
    const text = `Mã\n${"a\n".repeat(IMPORT_LIMITS.maxRows + 5)}`;
    const { error } = await refusal(() => readCsv(Buffer.from(text)));
    expect(error).toMatchObject({ code: "too_many_rows", args: { max: IMPORT_LIMITS.maxRows } });
  });

  it("names the line of a broken CSV quote", async () => {
    const text = 'Mã,Tên,Loại\nCB1,"Chi bộ thôn A, B",Chi bộ\nCB2,"Chi bộ thôn C,Chi bộ\nCB3,Chi bộ thôn D,Chi bộ\n';
    expect(unclosedQuoteLine(text, ",")).toBe(3);
    const path = join(dir, "hong.csv");
    writeFileSync(path, text);
    const { error, message } = await refusal(readTableFile(path), path);
    expect(error).toMatchObject({ code: "bad_quote", args: { line: 3 } });
    expect(message).toBe(`Tệp "${path}" hỏng ở dòng 3: dấu ngoặc kép (") mở ở dòng này không được đóng. Xin sửa dòng đó rồi nhập lại.`);
    // Quotes inside a field, and doubled quotes, are not broken ones.
    expect(unclosedQuoteLine('a,b\n1,x"y\n2,"say ""hi"""\n', ",")).toBeNull();
  });
});
