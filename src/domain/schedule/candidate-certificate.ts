import { CERTIFICATE_NOTICE_DAYS, certificateExpiresOn, stageOf, type Candidate } from "../records/candidate.js";
import { isDueAt, placeChain } from "./chain.js";
import { addDays, localInstant } from "./local-time.js";
import type { QuietHours } from "./quiet-hours.js";

/** When on the notice day the reminder goes out (local time; moved out of quiet hours). */
export const CERTIFICATE_NOTICE_AT = "08:00";

/** A candidate as the planner sees them: only who, and the certificate's day. */
export type PlannerCandidate = Pick<Candidate, "id" | "name" | "dates" | "droppedOn">;

export interface CertificateNotice {
  key: string;
  personId: number;
  candidate: PlannerCandidate;
  certificateOn: string;
  expiresOn: string;
  dueAt: Date;
  expiresAt: Date;
}

/**
 * HD 06-HD/TW: the awareness-class certificate must still be valid when the cell considers admission.
 * CERTIFICATE_NOTICE_DAYS before it lapses, for a candidate with the certificate and not yet admitted,
 * the cell's leaders are reminded once (key `candidate.certificate:<candidate>:<lapses>:<reader>`; the
 * lapse day follows `certificateMonths`, the validity in force, so a changed rule reminds anew),
 * useful until the day it lapses. Probation is not reminded here: an admitted candidate is a
 * probationary member, and the probation reminders (probation.ts) speak for them, once.
 */
export function certificateNotices(
  candidates: readonly PlannerCandidate[],
  readers: readonly number[],
  at: { now: Date; since?: Date; tz: string; quietHours: QuietHours; certificateMonths: number },
): CertificateNotice[] {
  const out: CertificateNotice[] = [];
  if (readers.length === 0) return out;
  for (const c of candidates) {
    const stage = stageOf(c);
    const certificateOn = c.dates.certificate;
    if (!certificateOn || (stage !== "certificate" && stage !== "dossier")) continue;
    const expiresOn = certificateExpiresOn(certificateOn, at.certificateMonths);
    const due = localInstant(addDays(expiresOn, -CERTIFICATE_NOTICE_DAYS), CERTIFICATE_NOTICE_AT, at.tz);
    const [placed] = placeChain([{ step: "cert", due, data: null }], localInstant(addDays(expiresOn, 1), "00:00", at.tz), at.quietHours, at.tz);
    if (!placed || !isDueAt(placed, at.now, at.since)) continue;
    for (const personId of readers) {
      out.push({ key: `candidate.certificate:${c.id}:${expiresOn}:${personId}`, personId, candidate: c, certificateOn, expiresOn, dueAt: placed.due, expiresAt: placed.expires });
    }
  }
  return out;
}
