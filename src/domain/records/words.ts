import { formatDay } from "../calendar/day.js";
import { findDates, resolveDate } from "../parse/dates.js";
import { prepare } from "../parse/prepare.js";
import { fold } from "../text/fold.js";

/** A whole number as offices type it: `630`, `1.200` / `1,200` (thousands); undefined otherwise. */
export function readIntWord(text: string): number | undefined {
  const t = fold(text).trim();
  if (/^\d{1,3}([.,]\d{3})+$/.test(t)) return Number(t.replace(/[.,]/g, ""));
  if (/^\d{1,7}$/.test(t)) return Number(t);
  return undefined;
}

/** A decimal with a comma or a point: `5,2`, `5.25`, `12`; undefined otherwise. */
export function readDecimalWord(text: string): number | undefined {
  const t = fold(text).trim();
  if (/^\d{1,6}([.,]\d{1,2})?$/.test(t)) return Number(t.replace(",", "."));
  return undefined;
}

/**
 * A past or present day typed in chat (`10/3/2026`, `hôm nay`, `hôm qua`, `mùng 5`), read like the
 * quick reports read dates; `YYYY-MM-DD`, or undefined when none is found.
 */
export function readPastDay(text: string, now: Date): string | undefined {
  const p = prepare(text, now);
  const mention = findDates(p)[0];
  const day = mention ? resolveDate(mention, p.now, "past") : null;
  return day === null ? undefined : formatDay(day);
}
