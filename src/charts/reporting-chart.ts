import { MAX_CHART_ROWS } from "./attendance-chart.js";
import { estimateTextWidth } from "./font.js";
import { fitLabel, round, svgDocument, svgText, svgToPng } from "./svg.js";

export const REPORTING_COLORS = { reported: "#43a047", late: "#e53935", pending: "#bdbdbd", grid: "#e0e0e0", muted: "#757575" } as const;

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

export interface ReportingLayout {
  width: number;
  height: number;
  plotLeft: number;
  plotRight: number;
  plotTop: number;
  rowHeight: number;
  barHeight: number;
  labelWidth: number;
  /** The count at the right edge of the plot. */
  axisMax: number;
  x(count: number): number;
  rowCenter(i: number): number;
}

const PAD = 24;
const TITLE_SIZE = 20;
const SUBTITLE_SIZE = 14;
const LABEL_SIZE = 13;
const VALUE_SIZE = 12;
const AXIS_SIZE = 11;
const ROW_HEIGHT = 30;
const BAR_HEIGHT = 20;
const SEGMENTS = ["reported", "late", "pending"] as const;

/** Compute the chart's geometry for these rows and options. */
export function reportingLayout(rows: readonly ReportingRow[], opts: ReportingChartOptions): ReportingLayout {
  const width = opts.width ?? 800;
  const widest = Math.max(40, ...rows.map((r) => estimateTextWidth(r.label, LABEL_SIZE)));
  const labelWidth = Math.min(widest, width * 0.4);
  const plotLeft = PAD + labelWidth + 10;
  const plotRight = width - PAD - 36;
  let plotTop = PAD + TITLE_SIZE + 6;
  if (opts.subtitle) plotTop += SUBTITLE_SIZE + 8;
  plotTop += 24 + 14; // legend, then air
  const axisMax = niceMax(Math.max(1, ...rows.map(total)));
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
    axisMax,
    x: (count) => plotLeft + (Math.max(0, count) / axisMax) * (plotRight - plotLeft),
    rowCenter: (i) => plotTop + i * ROW_HEIGHT + ROW_HEIGHT / 2,
  };
}

/** The reporting chart as SVG: per row, a stacked bar of reported, late and pending cells. */
export function reportingChartSvg(rows: readonly ReportingRow[], opts: ReportingChartOptions): string {
  checkRows(rows);
  const L = reportingLayout(rows, opts);
  const plotBottom = L.plotTop + rows.length * L.rowHeight;
  const body: string[] = [];

  let y = PAD + TITLE_SIZE;
  body.push(svgText({ x: PAD, y, text: fitLabel(opts.title, L.width - 2 * PAD, TITLE_SIZE, true), size: TITLE_SIZE, bold: true }));
  if (opts.subtitle) {
    y += SUBTITLE_SIZE + 8;
    body.push(svgText({ x: PAD, y, text: fitLabel(opts.subtitle, L.width - 2 * PAD, SUBTITLE_SIZE), size: SUBTITLE_SIZE, fill: REPORTING_COLORS.muted }));
  }
  y += 24;
  let lx = PAD;
  for (const key of SEGMENTS) {
    const text = opts.labels[key];
    body.push(`<rect x="${lx}" y="${y - 11}" width="12" height="12" fill="${REPORTING_COLORS[key]}"/>`);
    body.push(svgText({ x: lx + 18, y, text, size: LABEL_SIZE }));
    lx += 18 + estimateTextWidth(text, LABEL_SIZE) + 24;
  }

  for (const tick of ticks(L.axisMax)) {
    const x = round(L.x(tick));
    body.push(`<line x1="${x}" y1="${L.plotTop}" x2="${x}" y2="${plotBottom}" stroke="${REPORTING_COLORS.grid}" stroke-width="1"/>`);
    body.push(svgText({ x, y: plotBottom + 8 + AXIS_SIZE, text: String(tick), size: AXIS_SIZE, fill: REPORTING_COLORS.muted, anchor: "middle" }));
  }

  rows.forEach((row, i) => {
    const cy = L.rowCenter(i);
    const baseline = cy + LABEL_SIZE * 0.36;
    body.push(svgText({ x: L.plotLeft - 10, y: baseline, text: fitLabel(row.label, L.labelWidth, LABEL_SIZE), size: LABEL_SIZE, anchor: "end" }));
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
  if (rows.length > MAX_CHART_ROWS) throw new RangeError(`reporting chart: ${rows.length} rows, at most ${MAX_CHART_ROWS}`);
  for (const row of rows) {
    for (const key of SEGMENTS) {
      if (!Number.isInteger(row[key])) throw new RangeError(`reporting chart: ${key} must be a whole number`);
    }
  }
}
