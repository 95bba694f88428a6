import { ChiboError } from "../domain/errors.js";
import type { FormId } from "../domain/forms/registry.js";
import { placeDateLine, type ReportHeading } from "../domain/report-heading.js";
import { formatDateVi } from "../domain/time.js";
import type { RollupTableRow } from "../domain/rollup-table.js";
import { rollupTableOf, type Rollup } from "../services/rollup.service.js";
import { fillLayout, layoutFile, readLayout, type LayoutData, type LayoutRow, type LayoutValue } from "./province-layout.js";
import { periodTitle, type Translate } from "./report-workbook.js";

/** Each form's layout under templates/bao-cao/ (an office's own copy of the same name replaces it). */
export const LAYOUT_OF: Record<FormId, string> = {
  "monthly-meeting": "sinh-hoat-chi-bo",
  "party-dues": "dang-phi",
  "village-quarterly": "so-lieu-thon",
  admissions: "ket-nap",
  "annual-rating": "xep-loai",
};

export interface Signer {
  /** "BÍ THƯ" unless given. */
  position?: string;
  /** Left empty (signed by hand) unless given. */
  name?: string;
}

export interface RollupWorkbookOptions {
  t: Translate;
  /** The local date of the place-and-date line. */
  today: string;
  heading: ReportHeading;
  signer?: Signer;
  /** A folder with the office's own layouts (same file names); the shipped ones otherwise. */
  layoutDir?: string;
}

/**
 * The "Tình hình báo cáo" column: a cell's standing, with a report sent after its deadline marked late
 * and by how many days, one for a period not tracked marked "không xét hạn"; a subtotal's or the total's
 * count of cells reported, with how many of them late. Every layout has the column, so an office's own
 * layout shows the mark without a change (`{{row.late_days}}` gives the days alone, for a column of its own).
 */
function statusText(t: Translate, row: RollupTableRow): string {
  if (row.kind !== "cell") {
    const count = { reported: row.reported, total: row.cells };
    return row.reportedLate > 0 ? t("export-reported-count-late", { ...count, late: row.reportedLate }) : t("export-reported-count", count);
  }
  const status = t(`rollup-status-${row.noMeeting ?? row.status ?? "pending"}`);
  if (row.timeliness?.kind === "late") return t("rollup-status-sent-late", { status, days: row.timeliness.days });
  if (row.timeliness?.kind === "unjudged") return t("rollup-status-sent-unjudged", { status });
  return status;
}

/**
 * Party dues, a cell's "Số tiền nộp cấp trên": the amount when the report gives it; else what it says,
 * "đã nộp 07/12/2026", "đã nộp" or "chưa nộp", so the office sees who has not remitted (an office's own
 * copy of the layout shows it in the same column, with no change); empty when it says nothing.
 */
function remittedCell(t: Translate, row: RollupTableRow): LayoutValue {
  const amount = row.values.remitted_vnd;
  if (typeof amount === "number" || !row.remittance) return amount ?? null;
  if (!row.remittance.remitted) return t("export-not-remitted");
  return row.remittance.date ? t("export-remitted-on", { date: formatDateVi(row.remittance.date) }) : t("export-remitted");
}

/**
 * The "Tình hình báo cáo" words of a roll-up, by cell and for the total: what the CSV's status column
 * says too, so a late report reads "Đã báo cáo, nộp muộn 1 ngày" in both files.
 */
export function rollupStatusTexts(r: Rollup, t: Translate): { cells: Map<number, string>; total: string } {
  const rows = rollupTableOf(r, t("rollup-own-cells", { name: r.root.name }));
  const cells = new Map<number, string>();
  for (const row of rows) if (row.kind === "cell" && row.orgId !== null) cells.set(row.orgId, statusText(t, row));
  const total = rows.find((row) => row.kind === "total");
  return { cells, total: total ? statusText(t, total) : "" };
}

/** The roll-up's rows as the layout's table: numbered cells, "Cộng" per commune, "TỔNG CỘNG". */
export function layoutRows(r: Rollup, t: Translate): LayoutRow[] {
  const rows = rollupTableOf(r, t("rollup-own-cells", { name: r.root.name }));
  let number = 0;
  return rows.map((row): LayoutRow => {
    const values: Record<string, LayoutValue> = {};
    for (const [key, value] of Object.entries(row.values)) {
      values[key] = typeof value === "string" ? t(`rating-level-${value}`) : value;
    }
    if (row.kind === "cell") {
      values.stt = ++number;
      values.name = row.name;
      values.status = statusText(t, row);
      values.late_days = row.timeliness?.kind === "late" ? row.timeliness.days : null;
      if (r.form === "party-dues") values.remitted_vnd = remittedCell(t, row);
      return { kind: "item", values };
    }
    values.stt = null;
    values.name = row.kind === "subtotal" ? t("export-subtotal", { name: row.name }) : t("export-total").toLocaleUpperCase("vi");
    values.status = statusText(t, row);
    values.late_days = null;
    return { kind: row.kind, values };
  });
}

/**
 * A form's roll-up as the report an office files, in the province's layout: the header block, title
 * and period, the table in org-tree order with per-commune subtotals and the total, the signature
 * block and "Nơi nhận".
 */
export async function rollupWorkbook(r: Rollup, o: RollupWorkbookOptions): Promise<Uint8Array> {
  const { t } = o;
  // A year scored on an earlier year's criteria says so on the filed report.
  const period = r.criteriaFrom !== undefined ? `${periodTitle(t, r.period)} (${t("criteria-fallback", { used: String(r.criteriaFrom), year: r.period.slice(0, 4) })})` : periodTitle(t, r.period);
  return fillHeadedLayout(LAYOUT_OF[r.form], o, o.heading, { org: r.root.name, period }, { rows: layoutRows(r, t) });
}

/**
 * A province layout filled under the party's header and signature block (the fields every layout shares:
 * upper, issuer, number, place_date, sign_for, sign_position, sign_name, recipient) plus the form's own fields and
 * rows; a broken layout is reported with its file, so the office knows what to fix.
 */
export async function fillHeadedLayout(
  name: string,
  o: { today: string; signer?: Signer; layoutDir?: string },
  heading: ReportHeading,
  fields: Record<string, LayoutValue>,
  body: Omit<LayoutData, "fields">,
): Promise<Uint8Array> {
  const file = layoutFile(name, o.layoutDir);
  const layout = await readLayout(file);
  return fillLayout(layout, {
    ...body,
    fields: {
      upper: heading.upper,
      issuer: heading.issuer,
      number: heading.number,
      place_date: placeDateLine(heading.place, o.today),
      sign_for: heading.signFor,
      sign_position: (o.signer?.position ?? "Bí thư").toLocaleUpperCase("vi"),
      sign_name: o.signer?.name ?? "",
      recipient: heading.recipient,
      ...fields,
    },
  }).catch((error: unknown) => {
    // Name the file: the office fixes its layout, not chibo.
    if (error instanceof ChiboError) throw new ChiboError(error.code, { ...error.args, layout: file });
    throw error;
  });
}
