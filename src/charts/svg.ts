import { CHART_FONT_FAMILY, chartFontFiles, estimateTextWidth } from "./font.js";

/** Escape text for an SVG text node or attribute. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" })[c] as string);
}

/** Cut a label to fit a width, ending it with "…" when cut. */
export function fitLabel(text: string, maxWidth: number, fontSize: number, bold = false): string {
  const clean = text.normalize("NFC").replace(/\s+/g, " ").trim();
  if (estimateTextWidth(clean, fontSize, bold) <= maxWidth) return clean;
  const chars = [...clean];
  while (chars.length > 1 && estimateTextWidth(`${chars.join("")}…`, fontSize, bold) > maxWidth) chars.pop();
  return `${chars.join("").trimEnd()}…`;
}

/** A percentage as people write it in Vietnamese: "85%", "85,5%". */
export function formatPercent(fraction: number, digits = 0): string {
  return `${(fraction * 100).toFixed(digits).replace(".", ",")}%`;
}

export interface SvgText {
  x: number;
  y: number;
  text: string;
  size: number;
  fill?: string;
  bold?: boolean;
  anchor?: "start" | "middle" | "end";
}

/** One `<text>` element (y is the baseline). */
export function svgText(t: SvgText): string {
  const weight = t.bold ? ` font-weight="700"` : "";
  return `<text x="${round(t.x)}" y="${round(t.y)}" font-size="${t.size}"${weight} fill="${t.fill ?? "#212121"}" text-anchor="${t.anchor ?? "start"}">${escapeXml(t.text)}</text>`;
}

export function round(n: number): number {
  return Math.round(n * 10) / 10;
}

/** Wrap chart elements in an SVG document with a white background and the chart font. */
export function svgDocument(width: number, height: number, body: string[]): string {
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${CHART_FONT_FAMILY}">`,
    `<rect x="0" y="0" width="${width}" height="${height}" fill="#ffffff"/>`,
    ...body,
    `</svg>`,
  ].join("\n");
}

/**
 * Render an SVG to PNG bytes off the main thread, with only the bundled font (no system fonts:
 * output is the same on every machine).
 *
 * @example const png = await svgToPng(svg, 1.5)
 */
export async function svgToPng(svg: string, scale = 1): Promise<Uint8Array> {
  // Loaded on first use: the native renderer is heavy, and most chibo processes never draw a chart.
  const { renderAsync } = await import("@resvg/resvg-js");
  const image = await renderAsync(svg, {
    fitTo: scale === 1 ? { mode: "original" } : { mode: "zoom", value: scale },
    font: { loadSystemFonts: false, fontFiles: chartFontFiles(), defaultFontFamily: CHART_FONT_FAMILY },
    logLevel: "off",
  });
  return new Uint8Array(image.asPng());
}
