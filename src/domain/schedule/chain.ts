import { deferOutOfQuiet, type QuietHours } from "./quiet-hours.js";

/** One step of a reminder chain before quiet hours and catch-up are applied. */
export interface ChainStep<T> {
  step: string;
  due: Date;
  /** Stale this long after its due time even if the next step is not due yet. */
  maxLateMs?: number;
  data: T;
}

/** A step placed in time: sent from `due` (outside quiet hours) until `expires` (exclusive). */
export interface TimedStep<T> extends ChainStep<T> {
  expires: Date;
}

/**
 * Place a chain of reminders of one event in time: each due time is moved out of quiet hours;
 * steps closer than `minGapMs` to the next one are dropped (the later, nearer one is kept); each
 * step stays useful until the next step is due, `maxLateMs` after its own due time, or `end`,
 * whichever comes first — so after downtime only the freshest useful reminder goes out.
 */
export function placeChain<T>(steps: readonly ChainStep<T>[], end: Date, quiet: QuietHours, tz: string, minGapMs = 0): TimedStep<T>[] {
  const deferred = steps
    .map((s) => ({ ...s, due: deferOutOfQuiet(s.due, quiet, tz) }))
    .sort((a, b) => a.due.getTime() - b.due.getTime());
  const kept = deferred.filter((s, i) => {
    const next = deferred[i + 1];
    return !next || next.due.getTime() - s.due.getTime() >= Math.max(minGapMs, 1);
  });
  const out: TimedStep<T>[] = [];
  kept.forEach((s, i) => {
    let expires = end.getTime();
    const next = kept[i + 1];
    if (next) expires = Math.min(expires, next.due.getTime());
    if (s.maxLateMs !== undefined) expires = Math.min(expires, s.due.getTime() + s.maxLateMs);
    if (s.due.getTime() < expires) out.push({ ...s, expires: new Date(expires) });
  });
  return out;
}

/** Whether a placed step is due at `now`: its time has come, it is not stale, and (when `since` is given) it came after `since`. */
export function isDueAt(step: { due: Date; expires: Date }, now: Date, since?: Date): boolean {
  const due = step.due.getTime();
  return due <= now.getTime() && step.expires.getTime() > now.getTime() && (since === undefined || due > since.getTime());
}
