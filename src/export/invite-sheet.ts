import ExcelJS from "exceljs";
import QRCode from "qrcode";
import { formatDateVi } from "../domain/time.js";
import { xlsxValue } from "./safe-cell.js";

/** Translates a message id (the sheet is in the office's language). */
export type Translate = (id: string, args?: Record<string, string | number>) => string;

export interface InviteSheetRow {
  name: string;
  /** What the person is in the unit (đảng viên, bí thư…), already translated. */
  role: string;
  code: string;
  /** The Telegram deep link, or null when the bot's username is not configured. */
  link: string | null;
}

export interface InviteSheet {
  title: string;
  /** `YYYY-MM-DD`: the codes' last day. */
  expiresOn: string;
  /** How to link on Zalo: where to find the bot, what to send it (already translated). */
  zalo: string;
  rows: InviteSheetRow[];
}

/** Pixel size of each QR code on the sheet: scannable from paper by an older phone's camera. */
const QR_PX = 132;
/** Excel row height (points) that holds one QR code. */
const ROW_HEIGHT_PT = 104;

/**
 * A printable sheet of invite codes to hand out at the cell meeting: name, role, code, link and a
 * QR code of each Telegram link (scanning it opens the bot with the code filled in). Cell values
 * are plain strings: a name is never read as a formula.
 */
export async function inviteSheetXlsx(sheet: InviteSheet, t: Translate): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "chibo";
  const ws = workbook.addWorksheet(t("invite-sheet-name"), { pageSetup: { paperSize: 9, orientation: "portrait", fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  ws.columns = [{ width: 5 }, { width: 28 }, { width: 14 }, { width: 15 }, { width: 22 }];
  ws.addRow([sheet.title]).font = { bold: true, size: 14 };
  ws.addRow([t("invite-sheet-how", { date: formatDateVi(sheet.expiresOn), zalo: sheet.zalo })]);
  ws.addRow([]);
  const header = ws.addRow([t("invite-sheet-col-no"), t("invite-sheet-col-name"), t("invite-sheet-col-role"), t("invite-sheet-col-code"), t("invite-sheet-col-qr")]);
  header.font = { bold: true };
  for (const [i, row] of sheet.rows.entries()) {
    const added = ws.addRow([i + 1, row.name, row.role, row.code, row.link ?? t("invite-sheet-no-link")].map(xlsxValue));
    added.height = ROW_HEIGHT_PT;
    added.alignment = { vertical: "middle", wrapText: true };
    added.getCell(4).font = { bold: true, size: 13, name: "Consolas" };
    if (row.link) {
      const png = await QRCode.toBuffer(row.link, { type: "png", width: QR_PX, margin: 1, errorCorrectionLevel: "M" });
      // exceljs's typings predate Node's generic Buffer.
      const image = workbook.addImage({ buffer: png as unknown as ExcelJS.Buffer, extension: "png" });
      added.getCell(5).value = null;
      ws.addImage(image, { tl: { col: 4.05, row: added.number - 1 + 0.05 }, ext: { width: QR_PX, height: QR_PX } });
    }
  }
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}
