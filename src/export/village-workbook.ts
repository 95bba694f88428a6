import { previousPeriod } from "../domain/forms/period.js";
import { FIGURE_KEYS, ORGANIZATIONS, type FigureKey, type VillageFigures, type VillageUnit, type Worker } from "../domain/records/village-record.js";
import type { VillageRow, VillageTable } from "../services/village-record.service.js";
import type { LayoutRow, LayoutValue } from "./province-layout.js";
import { periodTitle, type Translate } from "./report-workbook.js";
import { fillHeadedLayout, type Signer } from "./rollup-workbook.js";

/** The village record's layout under templates/bao-cao/ (an office's own `co-so-du-lieu-thon.xlsx` replaces it). */
export const VILLAGE_LAYOUT = "co-so-du-lieu-thon";
/** The layout's table of people who do the villages' work: its rows are marked `{{row.workers.KEY}}`. */
export const WORKERS_TABLE = "workers";

/** The village table's keys of the figures; the organizations keep their own names (`party`, `women`, …). */
const FIGURE_COLUMN: Record<FigureKey, string> = { areaKm2: "area_km2", population: "population", households: "households", poorHouseholds: "poor_households" };
const WORKER_COLUMN: Record<keyof Worker, string> = {
  role: "role",
  name: "name",
  sex: "sex",
  birthYear: "birth_year",
  ethnicity: "ethnicity",
  education: "education",
  occupation: "occupation",
  partyMember: "party_member",
};

export interface VillageWorkbookOptions {
  t: Translate;
  /** The local date of the place-and-date line. */
  today: string;
  signer?: Signer;
  /** A folder with the office's own layouts; the data folder's `mau-bao-cao/`, then the shipped one otherwise. */
  layoutDir?: string;
}

function numberVi(n: number): string {
  return Number.isInteger(n) ? n.toLocaleString("vi-VN") : String(n).replace(".", ",");
}

function changeCount(r: VillageRow): number {
  const d = r.diff;
  return d.figures.length + d.organizations.length + d.workersAdded.length + d.workersChanged.length + d.workersRemoved.length;
}

/** The note of a changed cell: "Quý trước (quý 2/2025): 618". */
function wasNote(t: Translate, r: VillageRow, value: string | number | null | undefined): string {
  const shown = value === null || value === undefined || value === "" ? "—" : typeof value === "number" ? numberVi(value) : value;
  return t("records-export-was", { value: shown, period: r.previousPeriod ? periodTitle(t, r.previousPeriod) : "" });
}

function figureValues(f: VillageFigures): Record<string, LayoutValue> {
  const values: Record<string, LayoutValue> = {};
  for (const k of FIGURE_KEYS) values[FIGURE_COLUMN[k]] = f[k] ?? null;
  for (const k of ORGANIZATIONS) values[k] = f.organizations[k] ?? null;
  values.workers = f.workforce.length;
  return values;
}

function villageItem(t: Translate, r: VillageRow, stt: number): LayoutRow {
  const base = { stt, commune: r.communeName ?? "", name: r.village };
  const f = r.figures;
  if (!f) return { kind: "item", values: { ...base, status: t("records-table-missing") } };
  const count = changeCount(r);
  const status = !r.previous ? t("records-status-first") : count === 0 ? t("records-status-unchanged") : t("records-status-changed", { count });
  const changed: Record<string, string> = {};
  for (const k of r.diff.figures) changed[FIGURE_COLUMN[k]] = wasNote(t, r, r.previous?.[k]);
  for (const k of r.diff.organizations) changed[k] = wasNote(t, r, r.previous?.organizations[k]);
  if (r.previous && r.previous.workforce.length !== f.workforce.length) changed.workers = wasNote(t, r, r.previous.workforce.length);
  return { kind: "item", values: { ...base, status, ...figureValues(f) }, changed };
}

/** A sum row over villages: each figure added up where any village has it; "2/3 thôn đã cập nhật". */
function sumRow(t: Translate, kind: "subtotal" | "total", name: string, rows: readonly VillageRow[]): LayoutRow {
  const values: Record<string, LayoutValue> = { stt: null, commune: "", name, status: t("records-status-count", { done: rows.filter((r) => r.figures).length, total: rows.length }) };
  for (const r of rows) {
    if (!r.figures) continue;
    for (const [key, value] of Object.entries(figureValues(r.figures))) {
      if (typeof value === "number") values[key] = Math.round(((values[key] as number | undefined) ?? 0) * 100 + value * 100) / 100;
      else values[key] ??= null;
    }
  }
  return { kind, values };
}

/** One row per village in the table's order, "Cộng: …" after each commune when there are several, and the total. */
export function villageRows(table: VillageTable, t: Translate): LayoutRow[] {
  const communes = new Map<string, VillageRow[]>();
  for (const r of table.rows) {
    const key = r.communeName ?? "";
    communes.set(key, [...(communes.get(key) ?? []), r]);
  }
  const out: LayoutRow[] = [];
  let stt = 0;
  for (const [commune, rows] of communes) {
    for (const r of rows) out.push(villageItem(t, r, ++stt));
    if (communes.size > 1) out.push(sumRow(t, "subtotal", t("export-subtotal", { name: commune }), rows));
  }
  out.push(sumRow(t, "total", t("export-total").toLocaleUpperCase("vi"), table.rows));
  return out;
}

function workerText(t: Translate, w: Worker, key: keyof Worker, unit: VillageUnit): string | number | null {
  switch (key) {
    case "role":
      // The head's title is the one of the village's kind: "Tổ trưởng tổ dân phố" in a ward.
      return t(`records-role-${w.role}`, { unit });
    case "sex":
      return w.sex ? t(w.sex === "F" ? "records-sex-f" : "records-sex-m") : null;
    case "partyMember":
      return t(w.partyMember ? "yes" : "no");
    default:
      return w[key];
  }
}

/** Each village's workers as listed this quarter, then those who left, struck through. */
export function workerRows(table: VillageTable, t: Translate): LayoutRow[] {
  const out: LayoutRow[] = [];
  let stt = 0;
  const row = (r: VillageRow, w: Worker, change: string | null): Record<string, LayoutValue> => {
    const values: Record<string, LayoutValue> = { stt: ++stt, village: r.village, commune: r.communeName ?? "", change };
    for (const key of Object.keys(WORKER_COLUMN) as (keyof Worker)[]) values[WORKER_COLUMN[key]] = workerText(t, w, key, r.unit);
    return values;
  };
  for (const r of table.rows) {
    if (!r.figures) continue;
    r.figures.workforce.forEach((w, i) => {
      if (r.diff.workersAdded.includes(i)) {
        out.push({ kind: "item", values: row(r, w, t("records-change-added")), mark: "added" });
        return;
      }
      const j = r.diff.workersChanged.indexOf(i);
      const before = j >= 0 ? r.diff.workersChangedFrom[j] : undefined;
      if (!before) {
        out.push({ kind: "item", values: row(r, w, null) });
        return;
      }
      const changed: Record<string, string> = {};
      for (const key of Object.keys(WORKER_COLUMN) as (keyof Worker)[]) {
        const was = workerText(t, before, key, r.unit);
        if (was !== workerText(t, w, key, r.unit)) changed[WORKER_COLUMN[key]] = wasNote(t, r, was);
      }
      out.push({ kind: "item", values: row(r, w, t("records-change-changed")), changed });
    });
    for (const w of r.diff.workersRemoved) out.push({ kind: "item", values: row(r, w, t("records-change-removed")), mark: "left" });
  }
  return out;
}

/**
 * The village records under an org for a quarter, in the province's layout `co-so-du-lieu-thon.xlsx`: the
 * villages with their figures and organizations (per-commune subtotals, the total), the people who
 * do their work; what changed since the quarter before in the layout's look with the old value as a
 * note, who left struck through.
 */
export async function villageWorkbook(table: VillageTable, o: VillageWorkbookOptions): Promise<Uint8Array> {
  const fields = { org: table.orgName, period: periodTitle(o.t, table.period), previous_period: periodTitle(o.t, previousPeriod(table.period)) };
  return fillHeadedLayout(VILLAGE_LAYOUT, o, table.heading, fields, { rows: villageRows(table, o.t), tables: { [WORKERS_TABLE]: workerRows(table, o.t) } });
}
