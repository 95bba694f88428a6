import { estimateTextWidth } from "./font.js";
import { fitLabel, round, svgText } from "./svg.js";

/** More rows than this make a picture no phone can read: split by commune first. */
export const MAX_CHART_ROWS = 250;

// Font sizes and margins every bar chart shares.
const PAD = 24;
const TITLE_SIZE = 20;
const SUBTITLE_SIZE = 14;
const LABEL_SIZE = 13;
const LEGEND_HEIGHT = 24;
/** The size of a value written next to or inside a bar. */
export const VALUE_SIZE = 12;
/** The size of the axis labels and the threshold's label. */
export const AXIS_SIZE = 11;

export const GRID_COLOR = "#e0e0e0";
export const MUTED_COLOR = "#757575";

/**
 * Where everything of a horizontal bar chart sits (one row per label, a title above): shared by the
 * SVG builders and by tests that read pixels back.
 */
export interface BarChartLayout {
  width: number;
  height: number;
  plotLeft: number;
  plotRight: number;
  plotTop: number;
  rowHeight: number;
  barHeight: number;
  labelWidth: number;
  /** x of a value on the plot. */
  x(value: number): number;
  /** Vertical centre of row i. */
  rowCenter(i: number): number;
}

export interface BarChartFrame {
  /** The row labels, to size the label column (at most 40% of the width). */
  labels: readonly string[];
  /** SVG width in px (default 800). */
  width?: number | undefined;
  subtitle: boolean;
  legend: boolean;
  /** Room between the header and the plot (a label above the plot, or air). */
  gapAbovePlot: number;
  /** Room right of the plot, for the value after the longest bar. */
  rightMargin: number;
  rowHeight: number;
  barHeight: number;
  /** A value as a fraction of the plot's width (0 at the left edge, 1 at the right). */
  fraction(value: number): number;
}

/** Compute a bar chart's geometry. */
export function barChartLayout(frame: BarChartFrame): BarChartLayout {
  const width = frame.width ?? 800;
  const widest = Math.max(40, ...frame.labels.map((label) => estimateTextWidth(label, LABEL_SIZE)));
  const labelWidth = Math.min(widest, width * 0.4);
  const plotLeft = PAD + labelWidth + 10;
  const plotRight = width - PAD - frame.rightMargin;
  let plotTop = PAD + TITLE_SIZE + 6;
  if (frame.subtitle) plotTop += SUBTITLE_SIZE + 8;
  if (frame.legend) plotTop += LEGEND_HEIGHT;
  plotTop += frame.gapAbovePlot;
  const rowHeight = frame.rowHeight;
  const height = plotTop + frame.labels.length * rowHeight + 8 + AXIS_SIZE + 10 + PAD;
  return {
    width,
    height,
    plotLeft,
    plotRight,
    plotTop,
    rowHeight,
    barHeight: frame.barHeight,
    labelWidth,
    x: (value) => plotLeft + frame.fraction(value) * (plotRight - plotLeft),
    rowCenter: (i) => plotTop + i * rowHeight + rowHeight / 2,
  };
}

/** Bottom of the last row. */
export function plotBottom(L: BarChartLayout, rows: number): number {
  return L.plotTop + rows * L.rowHeight;
}

/** The title, the subtitle in grey, and a legend of colour swatches, each cut to fit. */
export function chartHeader(L: BarChartLayout, header: { title: string; subtitle?: string | undefined; legend?: readonly (readonly [color: string, text: string])[] | undefined }): string[] {
  const body: string[] = [];
  let y = PAD + TITLE_SIZE;
  body.push(svgText({ x: PAD, y, text: fitLabel(header.title, L.width - 2 * PAD, TITLE_SIZE, true), size: TITLE_SIZE, bold: true }));
  if (header.subtitle) {
    y += SUBTITLE_SIZE + 8;
    body.push(svgText({ x: PAD, y, text: fitLabel(header.subtitle, L.width - 2 * PAD, SUBTITLE_SIZE), size: SUBTITLE_SIZE, fill: MUTED_COLOR }));
  }
  if (header.legend) {
    y += LEGEND_HEIGHT;
    let x = PAD;
    for (const [color, text] of header.legend) {
      body.push(`<rect x="${x}" y="${y - 11}" width="12" height="12" fill="${color}"/>`);
      body.push(svgText({ x: x + 18, y, text, size: LABEL_SIZE }));
      x += 18 + estimateTextWidth(text, LABEL_SIZE) + 24;
    }
  }
  return body;
}

/** Vertical grid lines at the ticks, each labelled under the plot. */
export function chartGrid(L: BarChartLayout, rows: number, ticks: readonly { value: number; label: string }[]): string[] {
  const bottom = plotBottom(L, rows);
  return ticks.flatMap(({ value, label }) => {
    const x = round(L.x(value));
    return [
      `<line x1="${x}" y1="${L.plotTop}" x2="${x}" y2="${bottom}" stroke="${GRID_COLOR}" stroke-width="1"/>`,
      svgText({ x, y: bottom + 8 + AXIS_SIZE, text: label, size: AXIS_SIZE, fill: MUTED_COLOR, anchor: "middle" }),
    ];
  });
}

/** Row i's label, right-aligned against the plot, and the row's centre and text baseline. */
export function rowLabel(L: BarChartLayout, i: number, label: string): { svg: string; cy: number; baseline: number } {
  const cy = L.rowCenter(i);
  const baseline = cy + LABEL_SIZE * 0.36;
  return { svg: svgText({ x: L.plotLeft - 10, y: baseline, text: fitLabel(label, L.labelWidth, LABEL_SIZE), size: LABEL_SIZE, anchor: "end" }), cy, baseline };
}

/** Refuse a chart too tall to read. */
export function checkRowCount(chart: string, rows: number): void {
  if (rows > MAX_CHART_ROWS) throw new RangeError(`${chart} chart: ${rows} rows, at most ${MAX_CHART_ROWS}`);
}
