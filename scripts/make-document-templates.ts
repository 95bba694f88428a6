/**
 * Write the Word templates of the cell's meeting documents: templates/van-ban/bien-ban.docx (minutes)
 * and nghi-quyet.docx (resolution), in the party's document layout (HD 36-HD/VPTW): the two-column
 * header, number, place and date, title, bases, content, "T/M CHI BỘ / BÍ THƯ". chibo fills their
 * {tags} with docxtemplater; an office may open them in Word and change the wording or the layout
 * (docs/vi/van-ban.md lists the tags). Run: node --import tsx scripts/make-document-templates.ts
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import PizZip from "pizzip";

const OUT = fileURLToPath(new URL("../templates/van-ban/", import.meta.url));
/** Fixed zip dates, so regenerating the templates gives the same bytes. */
const STAMP = new Date(Date.UTC(2025, 6, 1));

interface RunStyle {
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  size?: number;
}
type Run = [text: string, style?: RunStyle];
interface ParaStyle {
  align?: "left" | "center" | "right" | "both";
  indent?: boolean;
  before?: number;
  after?: number;
  /** Kept on the page of the paragraph after it (Word's "keep with next"). */
  keepNext?: boolean;
}

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

function run([text, style = {}]: Run): string {
  // In the order WordprocessingML prescribes (b, i, sz, u): Word refuses a file with them out of order.
  const props = [
    style.bold ? "<w:b/>" : "",
    style.italic ? "<w:i/>" : "",
    style.size ? `<w:sz w:val="${style.size * 2}"/><w:szCs w:val="${style.size * 2}"/>` : "",
    style.underline ? '<w:u w:val="single"/>' : "",
  ].join("");
  return `<w:r>${props ? `<w:rPr>${props}</w:rPr>` : ""}<w:t xml:space="preserve">${esc(text)}</w:t></w:r>`;
}

function para(runs: Run[] | string, style: ParaStyle = {}): string {
  const list: Run[] = typeof runs === "string" ? [[runs]] : runs;
  const props = [
    style.keepNext ? "<w:keepNext/>" : "",
    `<w:spacing w:before="${style.before ?? 0}" w:after="${style.after ?? 60}"/>`,
    style.indent ? '<w:ind w:firstLine="567"/>' : "",
    `<w:jc w:val="${style.align ?? "both"}"/>`,
  ].join("");
  return `<w:p><w:pPr>${props}</w:pPr>${list.map(run).join("")}</w:p>`;
}

const center = (runs: Run[] | string, style: Omit<ParaStyle, "align"> = {}) => para(runs, { ...style, align: "center" });

/**
 * A borderless two-column table (the header, the signatures) whose row never splits across pages: a
 * signature block breaking after its title left the signer's name alone on the next page.
 */
function twoColumns(left: string, right: string, widths: [number, number] = HEADER_WIDTHS, indent = 0): string {
  const none = '<w:top w:val="nil"/><w:left w:val="nil"/><w:bottom w:val="nil"/><w:right w:val="nil"/><w:insideH w:val="nil"/><w:insideV w:val="nil"/>';
  const cell = (content: string, w: number) => `<w:tc><w:tcPr><w:tcW w:w="${w}" w:type="dxa"/></w:tcPr>${content}</w:tc>`;
  return `<w:tbl><w:tblPr><w:tblW w:w="${widths[0] + widths[1]}" w:type="dxa"/>${indent ? `<w:tblInd w:w="${indent}" w:type="dxa"/>` : ""}<w:tblBorders>${none}</w:tblBorders><w:tblLayout w:type="fixed"/><w:tblCellMar><w:left w:w="${CELL_MARGIN}" w:type="dxa"/><w:right w:w="${CELL_MARGIN}" w:type="dxa"/></w:tblCellMar></w:tblPr><w:tblGrid><w:gridCol w:w="${widths[0]}"/><w:gridCol w:w="${widths[1]}"/></w:tblGrid><w:tr><w:trPr><w:cantSplit/></w:trPr>${cell(left, widths[0])}${cell(right, widths[1])}</w:tr></w:tbl>`;
}

/**
 * The header's columns (twips; the text is 9354 wide): the left one takes "ĐẢNG BỘ PHƯỜNG MINH KHAI" on
 * one line at 14pt, the right one "Minh Khai, ngày 05 tháng 12 năm 2026". Together a little wider than
 * the text, reaching HEADER_INDENT into each margin, as the party's printed headers do.
 */
const HEADER_WIDTHS: [number, number] = [4850, 4850];
const HEADER_INDENT = -173;
/** A table cell's inner margin left and right (twips; Word's default is 108). */
const CELL_MARGIN = 57;

/** The party header: the committee above and the cell on the left, the party's name, place and date on the right. */
function header(numberSuffix: string): string {
  const left = [
    center([["{dang_bo}", { size: 14 }]], { after: 0 }),
    center([["{chi_bo}", { bold: true, size: 14 }]], { after: 0 }),
    center([["*", { size: 14 }]], { after: 0 }),
    center([[`Số {so}-${numberSuffix}`, { size: 14 }]], { after: 0 }),
  ].join("");
  const right = [
    center([["ĐẢNG CỘNG SẢN VIỆT NAM", { bold: true, underline: true, size: 15 }]], { after: 120 }),
    center([["{dia_danh}, ngày {ngay} tháng {thang} năm {nam}", { italic: true, size: 14 }]], { after: 0 }),
  ].join("");
  return twoColumns(left, right, HEADER_WIDTHS, HEADER_INDENT);
}

/** A signature block: titles, "(Ký, ghi rõ họ tên)", room to sign, the name; kept together on one page. */
function signatureBlock(titles: string[], name: string): string {
  const keep = { after: 0, keepNext: true };
  return [
    ...titles.map((t) => center([[t, { bold: true, size: 14 }]], keep)),
    center([["(Ký, ghi rõ họ tên)", { italic: true, size: 13 }]], keep),
    center("", keep),
    center("", keep),
    center("", keep),
    center([[name, { bold: true, size: 14 }]], { after: 0 }),
  ].join("");
}

function document(body: string): string {
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
    `<w:body>${body}<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134" w:right="851" w:bottom="1134" w:left="1701" w:header="709" w:footer="709" w:gutter="0"/></w:sectPr></w:body></w:document>`
  );
}

const STYLES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
  '<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
  '<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="Times New Roman" w:cs="Times New Roman"/><w:sz w:val="28"/><w:szCs w:val="28"/><w:lang w:val="vi-VN"/></w:rPr></w:rPrDefault>' +
  '<w:pPrDefault><w:pPr><w:spacing w:after="60" w:line="288" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>' +
  '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style></w:styles>';

const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
  '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
  '<Default Extension="xml" ContentType="application/xml"/>' +
  '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>' +
  '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>' +
  "</Types>";

const ROOT_RELS =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
  '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>' +
  "</Relationships>";

const DOCUMENT_RELS =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
  '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>' +
  "</Relationships>";

function docx(body: string): Buffer {
  const zip = new PizZip();
  const files: [string, string][] = [
    ["[Content_Types].xml", CONTENT_TYPES],
    ["_rels/.rels", ROOT_RELS],
    ["word/_rels/document.xml.rels", DOCUMENT_RELS],
    ["word/styles.xml", STYLES],
    ["word/document.xml", document(body)],
  ];
  for (const [name, text] of files) zip.file(name, text, { date: STAMP, createFolders: false });
  return zip.generate({ type: "nodebuffer", compression: "DEFLATE" });
}

/** A loop's paragraphs: the opening and closing tags each alone in a paragraph, so the ones between repeat. */
const loop = (tag: string, body: string[], inverted = false): string[] => [para(`{${inverted ? "^" : "#"}${tag}}`, { after: 0 }), ...body, para(`{/${tag}}`, { after: 0 })];

/** Last month's tasks with their results, or a line saying there were none. */
const PREVIOUS_RESULTS = [
  ...loop("ket_qua_thang_truoc", [para("- {viec}{#nguoi} ({nguoi}){/nguoi}: {tinh_trang}{#ghi_chu} — {ghi_chu}{/ghi_chu}.", { indent: true })]),
  ...loop("ket_qua_thang_truoc", [para("- Không có việc nào từ nghị quyết tháng trước.", { indent: true })], true),
];
/** This month's resolution items: what, who, by when. */
const RESOLUTION_ITEMS = loop("nghi_quyet", [para("{stt}. {viec}{#nguoi}; người thực hiện: {nguoi}{/nguoi}{#han}; thời hạn: {han}{/han}.", { indent: true })]);
/** The thematic topic, when the meeting had one. */
const THEMATIC = loop("chuyen_de", [para("Chuyên đề: {chuyen_de}.", { indent: true })]);

// Nghị quyết hội nghị chi bộ: the month's resolution, one numbered item per task.
const RESOLUTION = [
  header("NQ/CB"),
  center([["NGHỊ QUYẾT", { bold: true, size: 16 }]], { before: 240, after: 0 }),
  center([["Hội nghị chi bộ {loai_hop} tháng {ky_thang} năm {ky_nam}", { bold: true }]], { after: 0 }),
  center("-----", { after: 120 }),
  ...loop("can_cu", [para([["{.}", { italic: true }]], { indent: true })]),
  para("Ngày {ngay_hop}, tại {dia_diem}, {chi_bo_ten} tổ chức hội nghị {loai_hop} tháng {ky_thang} năm {ky_nam}; có mặt {co_mat}/{phai_du} đảng viên phải dự (chi bộ có {tong_so} đảng viên{#mien_sinh_hoat}, {mien_sinh_hoat} đồng chí miễn sinh hoạt{/mien_sinh_hoat}).", { indent: true }),
  ...THEMATIC,
  center([["{chi_bo} QUYẾT NGHỊ:", { bold: true }]], { before: 120 }),
  para([["1. Kết quả thực hiện nghị quyết tháng trước", { bold: true }]], { indent: true }),
  ...PREVIOUS_RESULTS,
  para([["2. Nhiệm vụ trọng tâm tháng tới", { bold: true }]], { indent: true }),
  ...RESOLUTION_ITEMS,
  para([["3. Tổ chức thực hiện", { bold: true }]], { indent: true, keepNext: true }),
  // Kept with the signatures: they never open a page on their own.
  para("Chi ủy (bí thư) chi bộ phân công, đôn đốc đảng viên thực hiện; đảng viên được giao việc báo cáo kết quả tại hội nghị chi bộ tháng sau.", { indent: true, keepNext: true }),
  twoColumns(
    [
      para([["Nơi nhận:", { bold: true, italic: true, size: 12 }]], { after: 0, align: "left" }),
      para([["- {noi_nhan_cap_tren} (b/c),", { size: 11 }]], { after: 0, align: "left" }),
      para([["- Đảng viên trong chi bộ,", { size: 11 }]], { after: 0, align: "left" }),
      para([["- Lưu chi bộ.", { size: 11 }]], { after: 0, align: "left" }),
    ].join(""),
    signatureBlock(["T/M CHI BỘ", "BÍ THƯ"], "{bi_thu}"),
    [4700, 4700],
  ),
].join("");

// Biên bản sinh hoạt chi bộ: what happened at the meeting, signed by the chair and the clerk.
const MINUTES = [
  header("BB/CB"),
  center([["BIÊN BẢN", { bold: true, size: 16 }]], { before: 240, after: 0 }),
  center([["Sinh hoạt chi bộ {loai_hop} tháng {ky_thang} năm {ky_nam}", { bold: true }]], { after: 0 }),
  center("-----", { after: 120 }),
  para("Thời gian: bắt đầu lúc {gio_bat_dau}, ngày {ngay_hop}.", { indent: true }),
  para("Địa điểm: {dia_diem}.", { indent: true }),
  // As the model minutes count (HD 12-HD/BTCTW): the roll, the exempt, then who had to attend and who came.
  para("Tổng số đảng viên của chi bộ: {tong_so} đồng chí (chính thức: {chinh_thuc}; dự bị: {du_bi}); miễn sinh hoạt: {mien_sinh_hoat}.", { indent: true }),
  para("Số đảng viên phải có mặt: {phai_du}; có mặt: {co_mat}; vắng mặt: {vang} (có lý do: {vang_co_ly_do}; không lý do: {vang_khong_ly_do}{#vang_chua_ro}; chưa rõ lý do: {vang_chua_ro}{/vang_chua_ro}).", { indent: true }),
  ...loop("vang_ten", [para("Đảng viên vắng mặt: {vang_ten}.", { indent: true })]),
  para("Đại biểu cấp ủy cấp trên dự: {cap_tren_du}.", { indent: true }),
  para("Chủ trì: {chu_tri}. Thư ký: {thu_ky}.", { indent: true }),
  para([["NỘI DUNG", { bold: true }]], { before: 120, align: "center" }),
  para([["1. Kiểm điểm thực hiện nghị quyết tháng trước", { bold: true }]], { indent: true }),
  ...PREVIOUS_RESULTS,
  para([["2. Nội dung sinh hoạt", { bold: true }]], { indent: true }),
  ...THEMATIC,
  ...loop("noi_dung", [para("- {.}", { indent: true })]),
  para([["3. Chi bộ thống nhất nghị quyết", { bold: true }]], { indent: true }),
  ...RESOLUTION_ITEMS,
  // Kept with the signatures: they never open a page on their own.
  para("Hội nghị kết thúc {thoi_luong}. Biên bản đã được đọc lại và thông qua trước chi bộ.", { indent: true, before: 120, keepNext: true }),
  twoColumns(signatureBlock(["THƯ KÝ"], "{thu_ky_ky}"), signatureBlock(["CHỦ TRÌ"], "{chu_tri_ky}"), [4700, 4700]),
].join("");

mkdirSync(OUT, { recursive: true });
writeFileSync(`${OUT}nghi-quyet.docx`, docx(RESOLUTION));
writeFileSync(`${OUT}bien-ban.docx`, docx(MINUTES));
console.log(`Đã ghi ${OUT}nghi-quyet.docx và bien-ban.docx`);
