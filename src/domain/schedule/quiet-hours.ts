import { addDays, localClock, localInstant, minutesOf } from "./local-time.js";

export interface QuietHours {
  start: string;
  end: string;
  deferTo: string;
}

/** Whether a local clock time (minutes after midnight) is inside the quiet window (which may wrap midnight). */
export function isQuietMinute(minutes: number, quiet: QuietHours): boolean {
  const start = minutesOf(quiet.start);
  const end = minutesOf(quiet.end);
  if (start === end) return false;
  return start < end ? minutes >= start && minutes < end : minutes >= start || minutes < end;
}

/** Whether an instant falls in quiet hours, locally. */
export function isQuiet(at: Date, quiet: QuietHours, tz: string): boolean {
  return isQuietMinute(localClock(at, tz).minutes, quiet);
}

/**
 * The instant a message due at `at` may go out: unchanged outside quiet hours, otherwise the next
 * `deferTo` clock time after the window (21:45 → next day 07:00; 05:30 → same day 07:00).
 */
export function deferOutOfQuiet(at: Date, quiet: QuietHours, tz: string): Date {
  const { date, minutes } = localClock(at, tz);
  if (!isQuietMinute(minutes, quiet)) return at;
  const start = minutesOf(quiet.start);
  const end = minutesOf(quiet.end);
  const wraps = start > end;
  // Inside a window that wraps midnight, the evening part ends tomorrow morning.
  const morning = wraps && minutes >= start ? addDays(date, 1) : date;
  const target = localInstant(morning, quiet.deferTo, tz);
  return target > at ? target : at;
}
