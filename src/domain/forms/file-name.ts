import { periodParts } from "./period.js";
import type { FormId } from "./registry.js";

/** Each form's file name as an office files it: its Vietnamese name, without diacritics. */
const FILE_STEMS: Record<FormId, string> = {
  "monthly-meeting": "bao-cao-sinh-hoat-chi-bo",
  "village-quarterly": "so-lieu-thon",
  admissions: "ket-nap-dang-vien",
  "party-dues": "thu-nop-dang-phi",
  "annual-rating": "kiem-diem-xep-loai",
};

/**
 * A period as a file name writes it, sorting by date: `2026-11`, `2026-quy-3`, `2026`.
 *
 * @example periodInFileName("2025-Q3") // "2025-quy-3"
 */
export function periodInFileName(period: string): string {
  const p = periodParts(period);
  return p.kind === "month" ? period : p.kind === "quarter" ? `${p.year}-quy-${p.index}` : String(p.year);
}

/**
 * The name of a form's roll-up workbook, in ASCII for every channel and file system (a Telegram
 * document, a Zalo link's text, the console's files folder).
 *
 * @example exportFileName("monthly-meeting", "2026-11") // "bao-cao-sinh-hoat-chi-bo-2026-11.xlsx"
 */
export function exportFileName(form: FormId, period: string): string {
  return `${FILE_STEMS[form]}-${periodInFileName(period)}.xlsx`;
}
