import type ExcelJSModule from "exceljs";
import { periodParts } from "../domain/forms/period.js";
import { FIGURE_KEYS, ORGANIZATIONS, type Worker } from "../domain/records/village-record.js";
import { formatDateVi } from "../domain/time.js";
import type { VillageTable } from "../services/village-record.service.js";
import type { Translate } from "./report-workbook.js";
import { neutralizeFormula } from "./safe-cell.js";

/** Cells that changed since the quarter before: a pale yellow fill, as offices mark them by hand. */
const CHANGED_FILL = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFF2CC" } } as const;
const HEADER_FILL = { type: "pattern", pattern: "solid", fgColor: { argb: "FFE8EEF7" } } as const;
const BORDER = { top: { style: "thin" }, bottom: { style: "thin" }, left: { style: "thin" }, right: { style: "thin" } } as const;

function periodTitle(t: Translate, period: string): string {
  const p = periodParts(period);
  return t(`period-${p.kind}`, { index: p.index, year: String(p.year) });
}

/** Text people typed, safe to open (no live formulas). */
function safe(text: string | null): string | null {
  return text === null ? null : neutralizeFormula(text);
}

/**
 * The commune's villages for a quarter, two sheets: "Thôn" (one row per village: figures and the
 * members of each organization) and "Người làm việc" (one row per worker). Cells that changed since
 * the quarter before are filled yellow, and a note names the old value; new workers' rows too.
 */
export async function villageXlsx(table: VillageTable, t: Translate, exportedOn: string): Promise<Uint8Array> {
  // Loaded on first use: ExcelJS is heavy.
  const { default: ExcelJS } = (await import("exceljs")) as { default: typeof ExcelJSModule };
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "chibo";

  const title = (sheet: ExcelJSModule.Worksheet) => {
    sheet.addRow([t("records-export-title").toUpperCase()]).font = { bold: true, size: 14 };
    sheet.addRow([safe(table.orgName)]).font = { bold: true };
    sheet.addRow([periodTitle(t, table.period)]);
    sheet.addRow([t("export-exported-on", { date: formatDateVi(exportedOn) }), t("records-export-legend")]);
    sheet.addRow([]);
  };
  const header = (sheet: ExcelJSModule.Worksheet, columns: string[]) => {
    const row = sheet.addRow(columns);
    row.font = { bold: true };
    row.alignment = { wrapText: true, vertical: "middle" };
    row.eachCell((cell) => {
      cell.border = BORDER;
      cell.fill = HEADER_FILL;
    });
  };

  const villages = workbook.addWorksheet(t("records-sheet-villages"), { views: [{ state: "frozen", ySplit: 6 }] });
  title(villages);
  const orgColumns = ORGANIZATIONS.map((k) => t(`records-org-${k}`));
  header(villages, [t("export-col-no"), t("export-col-commune"), t("records-col-village"), ...FIGURE_KEYS.map((k) => t(`records-field-${k}`)), ...orgColumns, t("records-col-workers")]);
  table.rows.forEach((r, i) => {
    const f = r.figures;
    const values = [
      i + 1,
      safe(r.communeName ?? ""),
      safe(r.cellName),
      ...FIGURE_KEYS.map((k) => f?.[k] ?? null),
      ...ORGANIZATIONS.map((k) => f?.organizations[k] ?? null),
      f ? f.workforce.length : null,
    ];
    const row = villages.addRow(values);
    if (!f) {
      row.getCell(4).value = t("records-table-missing");
      return;
    }
    const mark = (column: number, old: number | undefined) => {
      const cell = row.getCell(column);
      cell.fill = CHANGED_FILL;
      cell.note = t("records-export-was", { value: old === undefined ? "—" : String(old).replace(".", ","), period: r.previousPeriod ? periodTitle(t, r.previousPeriod) : "" });
    };
    FIGURE_KEYS.forEach((k, j) => {
      if (r.diff.figures.includes(k)) mark(4 + j, r.previous?.[k]);
    });
    ORGANIZATIONS.forEach((k, j) => {
      if (r.diff.organizations.includes(k)) mark(4 + FIGURE_KEYS.length + j, r.previous?.organizations[k]);
    });
    const workersChanged = r.diff.workersAdded.length + r.diff.workersChanged.length + r.diff.workersRemoved.length;
    if (workersChanged > 0) mark(4 + FIGURE_KEYS.length + ORGANIZATIONS.length, r.previous?.workforce.length);
  });
  villages.columns.forEach((column, i) => {
    column.width = i === 0 ? 6 : i <= 2 ? 28 : 12;
  });

  const workers = workbook.addWorksheet(t("records-sheet-workers"), { views: [{ state: "frozen", ySplit: 6 }] });
  title(workers);
  header(workers, [
    t("export-col-no"),
    t("records-col-village"),
    t("records-col-role"),
    t("records-col-name"),
    t("records-col-sex"),
    t("records-col-birth-year"),
    t("records-col-ethnicity"),
    t("records-col-education"),
    t("records-col-occupation"),
    t("records-col-party"),
    t("records-col-change"),
  ]);
  let n = 0;
  const workerRow = (village: string, w: Worker, change: string | null) => [
    ++n,
    safe(village),
    t(`records-role-${w.role}`),
    safe(w.name),
    w.sex ? t(w.sex === "F" ? "records-sex-f" : "records-sex-m") : null,
    w.birthYear,
    safe(w.ethnicity),
    safe(w.education),
    safe(w.occupation),
    t(w.partyMember ? "yes" : "no"),
    change,
  ];
  for (const r of table.rows) {
    if (!r.figures) continue;
    r.figures.workforce.forEach((w, i) => {
      const added = r.diff.workersAdded.includes(i);
      const changed = r.diff.workersChanged.includes(i);
      const row = workers.addRow(workerRow(r.cellName, w, added ? t("records-change-added") : changed ? t("records-change-changed") : null));
      if (added || changed) row.eachCell((cell) => (cell.fill = CHANGED_FILL));
    });
    for (const w of r.diff.workersRemoved) {
      const row = workers.addRow(workerRow(r.cellName, w, t("records-change-removed")));
      row.eachCell((cell) => (cell.fill = CHANGED_FILL));
      row.font = { strike: true };
    }
  }
  workers.columns.forEach((column, i) => {
    column.width = i === 0 ? 6 : i === 1 || i === 3 ? 26 : 14;
  });
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
