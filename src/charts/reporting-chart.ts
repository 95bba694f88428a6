import {
  barChartLayout,
  chartGrid,
  chartHeader,
  checkRowCount,
  GRID_COLOR,
  MUTED_COLOR,
  rowLabel,
  VALUE_SIZE,
  type BarChartLayout,
} from "./bar-chart.js";
import { estimateTextWidth } from "./font.js";
import { round, svgDocument, svgText, svgToPng } from "./svg.js";

export const REPORTING_COLORS = { reported: "#43a047", late: "#e53935", pending: "#bdbdbd", grid: GRID_COLOR, muted: MUTED_COLOR } as const;

export interface ReportingRow {
  /** A commune's (or cell's) name. */
  label: string;
  /** Cells that reported for the period. */
  reported: number;
  /** Cells not yet reported, still within the deadline. */
  pending: number;
  /** Cells past the deadline without a report. */
  late: number;
}

export interface ReportingChartOptions {
  title: string;
  subtitle?: string;
  /** Legend texts, e.g. from the `chart-reporting-*` messages. */
  labels: { reported: string; pending: string; late: string };
  /** SVG width in px (default 800). */
  width?: number;
  /** PNG pixels per SVG px (default 1.5). */
  scale?: number;
}

export interface ReportingLayout extends BarChartLayout {
  /** The count at the right edge of the plot. */
  axisMax: number;
}

const ROW_HEIGHT = 30;
const BAR_HEIGHT = 20;
/** Air between the legend and the plot. */
const LEGEND_GAP = 14;
/** Room right of the plot for a row's total. */
const VALUE_ROOM = 36;
const SEGMENTS = ["reported", "late", "pending"] as const;

/** Compute the chart's geometry for these rows and options. */
export function reportingLayout(rows: readonly ReportingRow[], opts: ReportingChartOptions): ReportingLayout {
  const axisMax = niceMax(Math.max(1, ...rows.map(total)));
  const layout = barChartLayout({
    labels: rows.map((r) => r.label),
    width: opts.width,
    subtitle: Boolean(opts.subtitle),
    legend: true,
    gapAbovePlot: LEGEND_GAP,
    rightMargin: VALUE_ROOM,
    rowHeight: ROW_HEIGHT,
    barHeight: BAR_HEIGHT,
    fraction: (count) => Math.max(0, count) / axisMax,
  });
  return { ...layout, axisMax };
}

/** The reporting chart as SVG: per row, a stacked bar of reported, late and pending cells. */
export function reportingChartSvg(rows: readonly ReportingRow[], opts: ReportingChartOptions): string {
  checkRows(rows);
  const L = reportingLayout(rows, opts);
  const body = chartHeader(L, { title: opts.title, subtitle: opts.subtitle, legend: SEGMENTS.map((key) => [REPORTING_COLORS[key], opts.labels[key]] as const) });
  body.push(...chartGrid(L, rows.length, ticks(L.axisMax).map((tick) => ({ value: tick, label: String(tick) }))));

  rows.forEach((row, i) => {
    const { svg, cy, baseline } = rowLabel(L, i, row.label);
    body.push(svg);
    let start = 0;
    for (const key of SEGMENTS) {
      const count = Math.max(0, row[key]);
      if (count === 0) continue;
      const x0 = L.x(start);
      const x1 = L.x(start + count);
      body.push(`<rect x="${round(x0)}" y="${round(cy - L.barHeight / 2)}" width="${round(x1 - x0)}" height="${L.barHeight}" fill="${REPORTING_COLORS[key]}"/>`);
      const text = String(count);
      if (estimateTextWidth(text, VALUE_SIZE, true) + 6 <= x1 - x0) {
        const fill = key === "pending" ? "#212121" : "#ffffff";
        body.push(svgText({ x: (x0 + x1) / 2, y: cy + VALUE_SIZE * 0.36, text, size: VALUE_SIZE, fill, bold: true, anchor: "middle" }));
      }
      start += count;
    }
    body.push(svgText({ x: L.x(total(row)) + 6, y: baseline, text: String(total(row)), size: VALUE_SIZE, fill: REPORTING_COLORS.muted }));
  });

  return svgDocument(L.width, L.height, body);
}

/**
 * Render the reported / late / pending chart to PNG bytes.
 *
 * @example const png = await renderReportingChart([{ label: "Xã Tân Văn", reported: 3, pending: 1, late: 0 }], { title: "Báo cáo tháng 11/2025", labels })
 */
export async function renderReportingChart(rows: readonly ReportingRow[], opts: ReportingChartOptions): Promise<Uint8Array> {
  return svgToPng(reportingChartSvg(rows, opts), opts.scale ?? 1.5);
}

function total(row: ReportingRow): number {
  return Math.max(0, row.reported) + Math.max(0, row.pending) + Math.max(0, row.late);
}

/** 1, 2, 5 × 10ⁿ steps, at most about five ticks. */
function tickStep(max: number): number {
  const raw = max / 5;
  const power = 10 ** Math.floor(Math.log10(Math.max(1, raw)));
  for (const m of [1, 2, 5, 10]) if (m * power >= raw) return Math.max(1, m * power);
  return 10 * power;
}

function niceMax(max: number): number {
  const step = tickStep(max);
  return Math.ceil(max / step) * step;
}

function ticks(axisMax: number): number[] {
  const step = tickStep(axisMax);
  const out: number[] = [];
  for (let t = 0; t <= axisMax; t += step) out.push(t);
  return out;
}

function checkRows(rows: readonly ReportingRow[]): void {
  checkRowCount("reporting", rows.length);
  for (const row of rows) {
    for (const key of SEGMENTS) {
      if (!Number.isInteger(row[key])) throw new RangeError(`reporting chart: ${key} must be a whole number`);
    }
  }
}
