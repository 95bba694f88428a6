import { PROBATION_NOTICE_DAYS, probationEnd } from "../membership.js";
import { isDueAt, placeChain } from "./chain.js";
import { addDays, localInstant } from "./local-time.js";
import type { QuietHours } from "./quiet-hours.js";

/** When on the notice day the reminder goes out (local time; moved out of quiet hours). */
export const PROBATION_NOTICE_AT = "08:00";

/** A probationary member of a cell, as the planner sees them. */
export interface PlannerProbationer {
  personId: number;
  name: string;
  admittedOn: string;
}

/** One probation reminder for one reader (the cell's secretary, or an officer of the commune office). */
export interface ProbationNotice {
  key: string;
  personId: number;
  probationer: PlannerProbationer;
  endsOn: string;
  dueAt: Date;
  expiresAt: Date;
}

/**
 * Statute art. 5 / HD 06: when 12 months of probation end, the cell considers full membership and
 * the committee above decides. PROBATION_NOTICE_DAYS days before, the cell's leaders and the commune
 * office are reminded once (key `probation:<person>:<end>:<reader>`); the reminder stays useful until
 * probation ends (after downtime it still goes out), after which the roll-up shows the case as overdue.
 */
export function probationNotices(
  probationers: readonly PlannerProbationer[],
  readers: readonly number[],
  at: { now: Date; since?: Date; tz: string; quietHours: QuietHours },
): ProbationNotice[] {
  const out: ProbationNotice[] = [];
  if (readers.length === 0) return out;
  for (const p of probationers) {
    const endsOn = probationEnd(p.admittedOn);
    const due = localInstant(addDays(endsOn, -PROBATION_NOTICE_DAYS), PROBATION_NOTICE_AT, at.tz);
    const [placed] = placeChain([{ step: "prob", due, data: null }], localInstant(endsOn, "00:00", at.tz), at.quietHours, at.tz);
    if (!placed || !isDueAt(placed, at.now, at.since)) continue;
    for (const personId of readers) {
      out.push({ key: `probation:${p.personId}:${endsOn}:${personId}`, personId, probationer: p, endsOn, dueAt: placed.due, expiresAt: placed.expires });
    }
  }
  return out;
}
