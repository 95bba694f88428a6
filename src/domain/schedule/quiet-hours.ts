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

/**
 * How long into quiet hours a message that fell due before them, and has not been tried yet, still
 * goes: the bot told its author "Đã báo" at that instant, and the sender claims it a moment later.
 */
export const QUIET_START_GRACE_MS = 60_000;

/**
 * The sender's one rule for quiet hours: until when a message is held, or null when it goes now.
 * A message goes outside quiet hours; inside them it waits until their `deferTo` time
 * (`deferOutOfQuiet`), the same rule by which the bot tells a secretary "sẽ gửi lúc 07:00" — except one
 * that came due outside them less than `QUIET_START_GRACE_MS` ago and has not been tried: it was
 * promised as sent. A retry, or a message whose sending was delayed longer (downtime), still waits.
 *
 * @example heldUntil(vn("21:30:20"), { dueAt: vn("21:29:59"), attempts: 0 }, DEFAULT_QUIET, tz) // null
 */
export function heldUntil(now: Date, row: { dueAt: Date; attempts: number }, quiet: QuietHours, tz: string): Date | null {
  if (!isQuiet(now, quiet, tz)) return null;
  const promised = row.attempts === 0 && !isQuiet(row.dueAt, quiet, tz) && now.getTime() - row.dueAt.getTime() <= QUIET_START_GRACE_MS;
  return promised ? null : deferOutOfQuiet(now, quiet, tz);
}
