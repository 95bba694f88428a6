import { estimateTextWidth } from "./font.js";
import { fitLabel, formatPercent, round, svgDocument, svgText, svgToPng } from "./svg.js";
import { ATTENDANCE_BAR } from "../domain/forms/validate.js";

// The quality bar is the domain's (HD 12-HD/BTCTW), so the chart and the roll-up never disagree.
export { ATTENDANCE_BAR };

/** More rows than this make a picture no phone can read: split by commune first. */
export const MAX_CHART_ROWS = 250;

export const ATTENDANCE_COLORS = { ok: "#1e88e5", low: "#e53935", bar: "#424242", grid: "#e0e0e0", muted: "#757575" } as const;

export interface AttendanceRow {
  /** A cell's name, shown as written (Vietnamese with diacritics). */
  label: string;
  /** Attendance as a fraction 0–1; null when the cell has not reported. */
  rate: number | null;
}

export interface AttendanceChartOptions {
  title: string;
  subtitle?: string;
  /** Shown instead of a bar for a cell with no report, e.g. "chưa báo cáo". */
  noDataLabel?: string;
  /** Legend texts for bars at or above the bar and below it; no legend when absent. */
  legend?: { ok: string; low: string };
  /** Default `ATTENDANCE_BAR` (0.85). */
  threshold?: number;
  /** SVG width in px (default 800). */
  width?: number;
  /** PNG pixels per SVG px (default 1.5: sharp on phones, under Telegram's 1280 px photo side). */
  scale?: number;
}

/** Where everything sits: shared by the SVG builder and by tests that read pixels back. */
export interface AttendanceLayout {
  width: number;
  height: number;
  plotLeft: number;
  plotRight: number;
  plotTop: number;
  rowHeight: number;
  barHeight: number;
  labelWidth: number;
  /** x of a rate on the plot. */
  x(rate: number): number;
  /** Vertical centre of row i. */
  rowCenter(i: number): number;
}

const PAD = 24;
const TITLE_SIZE = 20;
const SUBTITLE_SIZE = 14;
const LABEL_SIZE = 13;
const VALUE_SIZE = 12;
const AXIS_SIZE = 11;
const ROW_HEIGHT = 28;
const BAR_HEIGHT = 18;

/** Compute the chart's geometry for these rows and options. */
export function attendanceLayout(rows: readonly AttendanceRow[], opts: AttendanceChartOptions): AttendanceLayout {
  const width = opts.width ?? 800;
  const widest = Math.max(40, ...rows.map((r) => estimateTextWidth(r.label, LABEL_SIZE)));
  const labelWidth = Math.min(widest, width * 0.4);
  const plotLeft = PAD + labelWidth + 10;
  const plotRight = width - PAD - 44;
  let plotTop = PAD + TITLE_SIZE + 6;
  if (opts.subtitle) plotTop += SUBTITLE_SIZE + 8;
  if (opts.legend) plotTop += 24;
  plotTop += 22; // room for the threshold's label above the plot
  const height = plotTop + rows.length * ROW_HEIGHT + 8 + AXIS_SIZE + 10 + PAD;
  return {
    width,
    height,
    plotLeft,
    plotRight,
    plotTop,
    rowHeight: ROW_HEIGHT,
    barHeight: BAR_HEIGHT,
    labelWidth,
    x: (rate) => plotLeft + clamp01(rate) * (plotRight - plotLeft),
    rowCenter: (i) => plotTop + i * ROW_HEIGHT + ROW_HEIGHT / 2,
  };
}

/**
 * The attendance chart as SVG: one horizontal bar per cell, the 85% bar drawn as a dashed line,
 * bars under it in red.
 */
export function attendanceChartSvg(rows: readonly AttendanceRow[], opts: AttendanceChartOptions): string {
  checkRows(rows);
  const threshold = opts.threshold ?? ATTENDANCE_BAR;
  const L = attendanceLayout(rows, opts);
  const plotBottom = L.plotTop + rows.length * L.rowHeight;
  const body: string[] = [];

  let y = PAD + TITLE_SIZE;
  body.push(svgText({ x: PAD, y, text: fitLabel(opts.title, L.width - 2 * PAD, TITLE_SIZE, true), size: TITLE_SIZE, bold: true }));
  if (opts.subtitle) {
    y += SUBTITLE_SIZE + 8;
    body.push(svgText({ x: PAD, y, text: fitLabel(opts.subtitle, L.width - 2 * PAD, SUBTITLE_SIZE), size: SUBTITLE_SIZE, fill: ATTENDANCE_COLORS.muted }));
  }
  if (opts.legend) {
    y += 24;
    let x = PAD;
    for (const [color, text] of [
      [ATTENDANCE_COLORS.ok, opts.legend.ok],
      [ATTENDANCE_COLORS.low, opts.legend.low],
    ] as const) {
      body.push(`<rect x="${x}" y="${y - 11}" width="12" height="12" fill="${color}"/>`);
      body.push(svgText({ x: x + 18, y, text, size: LABEL_SIZE }));
      x += 18 + estimateTextWidth(text, LABEL_SIZE) + 24;
    }
  }

  for (const tick of [0, 0.25, 0.5, 0.75, 1]) {
    const x = round(L.x(tick));
    body.push(`<line x1="${x}" y1="${L.plotTop}" x2="${x}" y2="${plotBottom}" stroke="${ATTENDANCE_COLORS.grid}" stroke-width="1"/>`);
    body.push(svgText({ x, y: plotBottom + 8 + AXIS_SIZE, text: formatPercent(tick), size: AXIS_SIZE, fill: ATTENDANCE_COLORS.muted, anchor: "middle" }));
  }

  rows.forEach((row, i) => {
    const cy = L.rowCenter(i);
    const baseline = cy + LABEL_SIZE * 0.36;
    body.push(svgText({ x: L.plotLeft - 10, y: baseline, text: fitLabel(row.label, L.labelWidth, LABEL_SIZE), size: LABEL_SIZE, anchor: "end" }));
    if (row.rate === null) {
      body.push(svgText({ x: L.plotLeft + 6, y: baseline, text: opts.noDataLabel ?? "–", size: VALUE_SIZE, fill: ATTENDANCE_COLORS.muted }));
      return;
    }
    const rate = clamp01(row.rate);
    const color = rate >= threshold ? ATTENDANCE_COLORS.ok : ATTENDANCE_COLORS.low;
    const w = round(L.x(rate) - L.plotLeft);
    body.push(`<rect x="${round(L.plotLeft)}" y="${round(cy - L.barHeight / 2)}" width="${w}" height="${L.barHeight}" fill="${color}"/>`);
    body.push(svgText({ x: L.x(rate) + 6, y: baseline, text: formatPercent(rate), size: VALUE_SIZE, fill: color, bold: rate < threshold }));
  });

  const tx = round(L.x(threshold));
  body.push(`<line x1="${tx}" y1="${L.plotTop - 4}" x2="${tx}" y2="${plotBottom}" stroke="${ATTENDANCE_COLORS.bar}" stroke-width="2" stroke-dasharray="6 4"/>`);
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
  if (rows.length > MAX_CHART_ROWS) throw new RangeError(`attendance chart: ${rows.length} rows, at most ${MAX_CHART_ROWS}`);
  for (const row of rows) {
    if (row.rate !== null && !Number.isFinite(row.rate)) throw new RangeError("attendance chart: rate must be a finite fraction or null");
  }
}

function clamp01(n: number): number {
  return Math.min(1, Math.max(0, n));
}
