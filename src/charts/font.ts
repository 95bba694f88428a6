import { createRequire } from "node:module";
import { dirname, join } from "node:path";

/** The family name charts use; matches the font files below. */
export const CHART_FONT_FAMILY = "Be Vietnam Pro";

const require = createRequire(import.meta.url);

/**
 * Font files shipped inside an npm package, so a fresh machine renders Vietnamese without system fonts.
 * Be Vietnam Pro was drawn for Vietnamese: stacked marks (ể, ộ, ữ) sit clear of the line above.
 */
export function chartFontFiles(): string[] {
  const dir = dirname(require.resolve("@expo-google-fonts/be-vietnam-pro/package.json"));
  return [join(dir, "400Regular", "BeVietnamPro_400Regular.ttf"), join(dir, "700Bold", "BeVietnamPro_700Bold.ttf")];
}

/**
 * A width estimate for a line of text in the chart font, in pixels. Good enough to size the label
 * column and cut long names; the renderer does the real shaping.
 */
export function estimateTextWidth(text: string, fontSize: number, bold = false): number {
  let em = 0;
  for (const ch of text.normalize("NFC")) {
    if (ch === " ") em += 0.26;
    else if (/[iIlj.,:;'|!()[\]]/.test(ch)) em += 0.3;
    else if (/[mwMW%]/.test(ch)) em += 0.88;
    else if (/[A-ZĐÂĂÊÔƠƯ0-9]/.test(ch) || /\p{Lu}/u.test(ch)) em += 0.68;
    else em += 0.57;
  }
  return em * fontSize * (bold ? 1.06 : 1);
}
