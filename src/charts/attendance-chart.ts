import { ATTENDANCE_BAR } from "../domain/forms/validate.js";
import {
  AXIS_SIZE,
  barChartLayout,
  chartGrid,
  chartHeader,
  checkRowCount,
  GRID_COLOR,
  MUTED_COLOR,
  plotBottom,
  rowLabel,
  VALUE_SIZE,
  type BarChartLayout,
} from "./bar-chart.js";
import { formatPercent, round, svgDocument, svgText, svgToPng } from "./svg.js";

// The quality bar is the domain's (HD 12-HD/BTCTW), so the chart and the roll-up never disagree.
export { ATTENDANCE_BAR };
export { MAX_CHART_ROWS } from "./bar-chart.js";

export const ATTENDANCE_COLORS = { ok: "#1e88e5", low: "#e53935", bar: "#424242", grid: GRID_COLOR, muted: MUTED_COLOR } as const;

export interface AttendanceRow {
  /** A cell's name, shown as written (Vietnamese with diacritics). */
  label: string;
  /** Attendance as a fraction 0–1; null when the cell has not reported. */
  rate: number | null;
  /** Shown instead of `noDataLabel` for a row with no rate, e.g. "chưa theo dõi" for a month before tracking. */
  note?: string;
}

export interface AttendanceChartOptions {
  title: string;
  subtitle?: string;
  /** Shown instead of a bar for a cell with no report, e.g. "chưa báo cáo". */
  noDataLabel?: string;
  /** Legend texts for bars above the bar and at or below it; no legend when absent. */
  legend?: { ok: string; low: string };
  /** Default `ATTENDANCE_BAR` (0.85). */
  threshold?: number;
  /** SVG width in px (default 800). */
  width?: number;
  /** PNG pixels per SVG px (default 1.5: sharp on phones, under Telegram's 1280 px photo side). */
  scale?: number;
}

/** Where everything sits: shared by the SVG builder and by tests that read pixels back. */
export type AttendanceLayout = BarChartLayout;

const ROW_HEIGHT = 28;
const BAR_HEIGHT = 18;
/** Room above the plot for the threshold's label. */
const THRESHOLD_LABEL_ROOM = 22;
/** Room right of the plot for a value label ("100%"). */
const VALUE_ROOM = 44;

/** Compute the chart's geometry for these rows and options. */
export function attendanceLayout(rows: readonly AttendanceRow[], opts: AttendanceChartOptions): AttendanceLayout {
  return barChartLayout({
    labels: rows.map((r) => r.label),
    width: opts.width,
    subtitle: Boolean(opts.subtitle),
    legend: Boolean(opts.legend),
    gapAbovePlot: THRESHOLD_LABEL_ROOM,
    rightMargin: VALUE_ROOM,
    rowHeight: ROW_HEIGHT,
    barHeight: BAR_HEIGHT,
    fraction: clamp01,
  });
}

/**
 * The attendance chart as SVG: one horizontal bar per cell, the 85% bar drawn as a dashed line,
 * bars that do not pass it in red: the guidance asks for attendance above 85% (HD 12-HD/BTCTW), as
 * the reports' warning and the roll-up's text count it (`ATTENDANCE_BAR`).
 */
export function attendanceChartSvg(rows: readonly AttendanceRow[], opts: AttendanceChartOptions): string {
  checkRows(rows);
  const threshold = opts.threshold ?? ATTENDANCE_BAR;
  const L = attendanceLayout(rows, opts);
  const body = chartHeader(L, {
    title: opts.title,
    subtitle: opts.subtitle,
    legend: opts.legend && [
      [ATTENDANCE_COLORS.ok, opts.legend.ok],
      [ATTENDANCE_COLORS.low, opts.legend.low],
    ],
  });
  body.push(...chartGrid(L, rows.length, [0, 0.25, 0.5, 0.75, 1].map((tick) => ({ value: tick, label: formatPercent(tick) }))));

  rows.forEach((row, i) => {
    const { svg, cy, baseline } = rowLabel(L, i, row.label);
    body.push(svg);
    if (row.rate === null) {
      body.push(svgText({ x: L.plotLeft + 6, y: baseline, text: row.note ?? opts.noDataLabel ?? "–", size: VALUE_SIZE, fill: ATTENDANCE_COLORS.muted }));
      return;
    }
    const rate = clamp01(row.rate);
    const color = rate > threshold ? ATTENDANCE_COLORS.ok : ATTENDANCE_COLORS.low;
    const w = round(L.x(rate) - L.plotLeft);
    body.push(`<rect x="${round(L.plotLeft)}" y="${round(cy - L.barHeight / 2)}" width="${w}" height="${L.barHeight}" fill="${color}"/>`);
    body.push(svgText({ x: L.x(rate) + 6, y: baseline, text: formatPercent(rate), size: VALUE_SIZE, fill: color, bold: rate <= threshold }));
  });

  const tx = round(L.x(threshold));
  const bottom = plotBottom(L, rows.length);
  body.push(`<line x1="${tx}" y1="${L.plotTop - 4}" x2="${tx}" y2="${bottom}" stroke="${ATTENDANCE_COLORS.bar}" stroke-width="2" stroke-dasharray="6 4"/>`);
  body.push(svgText({ x: tx, y: L.plotTop - 8, text: formatPercent(threshold), size: AXIS_SIZE, fill: ATTENDANCE_COLORS.bar, anchor: "middle", bold: true }));

  return svgDocument(L.width, L.height, body);
}

/**
 * Render the attendance-by-cell chart to PNG bytes.
 *
 * @example const png = await renderAttendanceChart([{ label: "Chi bộ thôn Pò Lài", rate: 0.91 }], { title: "Tỷ lệ dự sinh hoạt tháng 11/2025" })
 */
export async function renderAttendanceChart(rows: readonly AttendanceRow[], opts: AttendanceChartOptions): Promise<Uint8Array> {
  return svgToPng(attendanceChartSvg(rows, opts), opts.scale ?? 1.5);
}

function checkRows(rows: readonly AttendanceRow[]): void {
  checkRowCount("attendance", rows.length);
  for (const row of rows) {
    if (row.rate !== null && !Number.isFinite(row.rate)) throw new RangeError("attendance chart: rate must be a finite fraction or null");
  }
}

function clamp01(n: number): number {
  return Math.min(1, Math.max(0, n));
}
