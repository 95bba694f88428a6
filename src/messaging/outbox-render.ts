import type { I18n, Locale, MessageArgs } from "./i18n.js";
import type { Choice, Reply } from "./message.js";
import { formatDateVi } from "../domain/time.js";
import { localClock } from "../domain/schedule/local-time.js";

const str = (v: unknown): string => (typeof v === "string" ? v : typeof v === "number" ? String(v) : "");
const date = (v: unknown): string => (typeof v === "string" && /^\d{4}-\d{2}-\d{2}$/.test(v) ? formatDateVi(v) : str(v));

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** The RSVP buttons of a meeting message: `rsvp:<orgId>:<date>:yes|no`. */
export function rsvpChoices(t: (id: string) => string, meeting: string): Choice[] {
  return [
    { label: t("rsvp-yes"), action: `rsvp:${meeting}:yes` },
    { label: t("rsvp-no"), action: `rsvp:${meeting}:no` },
  ];
}

/**
 * An outbox row's payload as replies in the reader's language. Everything user-facing comes from
 * `locales/<lang>/meeting.ftl`; the payload holds only data.
 */
export function renderOutboxMessage(i18n: I18n, locale: Locale, kind: string, payload: Record<string, unknown>, now: Date, tz: string): Reply[] {
  const p = payload;
  const formName = (id: unknown) => (i18n.has(locale, `form-${str(id)}`) ? i18n.t(locale, `form-${str(id)}`) : str(id));
  const meetingArgs: MessageArgs = {
    cell: str(p.cell),
    date: date(p.date),
    time: str(p.time),
    place: str(p.place) || i18n.t(locale, "meeting-place-unknown"),
    days: typeof p.date === "string" ? Math.max(0, daysBetween(localClock(now, tz).date, p.date)) : 0,
  };
  const extra = (text: string) => {
    const lines = [text];
    if (str(p.agenda)) lines.push(i18n.t(locale, "meeting-agenda-line", { agenda: str(p.agenda) }));
    return lines.join("\n");
  };
  switch (kind) {
    case "meeting.reminder":
      return [{
        title: i18n.t(locale, "remind-meeting-title"),
        text: `${extra(i18n.t(locale, "remind-meeting", meetingArgs))}\n${i18n.t(locale, "rsvp-ask")}`,
        choices: rsvpChoices((id) => i18n.t(locale, id), str(p.meeting)),
      }];
    case "meeting.changed":
      return [{
        title: i18n.t(locale, "remind-changed-title"),
        text: `${extra(i18n.t(locale, "remind-changed", { ...meetingArgs, from: date(p.regularDate), reason: str(p.reason) || i18n.t(locale, "meeting-no-reason") }))}\n${i18n.t(locale, "rsvp-ask")}`,
        choices: rsvpChoices((id) => i18n.t(locale, id), str(p.meeting)),
      }];
    case "meeting.cancelled":
      return [{ title: i18n.t(locale, "remind-changed-title"), text: i18n.t(locale, "remind-cancelled", { ...meetingArgs, reason: str(p.reason) || i18n.t(locale, "meeting-no-reason") }) }];
    case "meeting.holiday":
      return [{
        title: i18n.t(locale, "remind-holiday-title"),
        text: i18n.t(locale, "remind-holiday", {
          ...meetingArgs,
          holiday: i18n.t(locale, `holiday-${str(p.holiday)}`),
          suggested: date(p.suggested),
          suggestedShort: date(p.suggested).slice(0, 5),
        }),
      }];
    // A cell's group chat: the cell's meeting only, never a person's answer or a free-text reason,
    // and no RSVP buttons (a press in a group would answer in front of everyone).
    case "group.meeting.reminder":
      return [{
        title: i18n.t(locale, "remind-meeting-title"),
        text: `${extra(i18n.t(locale, "remind-meeting", meetingArgs))}\n${i18n.t(locale, "group-rsvp-private")}`,
      }];
    case "group.meeting.changed":
      return [{
        title: i18n.t(locale, "remind-changed-title"),
        text: `${extra(i18n.t(locale, "group-remind-changed", { ...meetingArgs, from: date(p.regularDate) }))}\n${i18n.t(locale, "group-rsvp-private")}`,
      }];
    case "group.meeting.cancelled":
      return [{ title: i18n.t(locale, "remind-changed-title"), text: i18n.t(locale, "group-remind-cancelled", meetingArgs) }];
    case "group.meeting.holiday":
      return [{ title: i18n.t(locale, "remind-holiday-title"), text: i18n.t(locale, "group-remind-holiday", { ...meetingArgs, holiday: i18n.t(locale, `holiday-${str(p.holiday)}`) }) }];
    case "meeting.thematic":
      return [{ title: i18n.t(locale, "remind-thematic-title"), text: i18n.t(locale, "remind-thematic", { cell: str(p.cell), quarter: str(p.quarter) }) }];
    case "report.due":
      return [{
        title: i18n.t(locale, "remind-report-title"),
        text: i18n.t(locale, p.overdue ? "remind-report-overdue" : "remind-report-due", { cell: str(p.cell), form: formName(p.form), period: str(p.period), due: date(p.dueDate) }),
      }];
    case "report.overdue_cadre":
      return [{ title: i18n.t(locale, "remind-report-title"), text: i18n.t(locale, "remind-report-cadre", { cell: str(p.cell), form: formName(p.form), period: str(p.period), due: date(p.dueDate) }) }];
    case "report.digest":
      return [{
        title: i18n.t(locale, "remind-digest-title"),
        text: i18n.t(locale, "remind-digest", { commune: str(p.commune), form: formName(p.form), period: str(p.period), due: date(p.dueDate), count: Number(p.count) || 0, cells: str(p.cells) }),
      }];
    case "member.probation_due":
      return [{ title: i18n.t(locale, "remind-probation-title"), text: i18n.t(locale, "remind-probation", { cell: str(p.cell), name: str(p.name), admitted: date(p.admittedOn), ends: date(p.endsOn) }) }];
    case "announcement":
      return [{ title: i18n.t(locale, "announce-heading", { org: str(p.from) }), text: str(p.text) }];
    case "announcement.stats":
      return [{
        title: i18n.t(locale, "announce-stats-title"),
        text: i18n.t(locale, "announce-stats", {
          org: str(p.org),
          total: Number(p.recipients) || 0,
          sent: Number(p.sent) || 0,
          unreachable: Number(p.unreachable) || 0,
          unlinked: Number(p.unlinked) || 0,
          pending: Number(p.pending) || 0,
        }),
      }];
    default:
      return [{ text: str(p.text) }];
  }
}

/** "Đã gửi 1.200/5.000 …": the progress line of the author's message and of the status view. */
export function progressText(t: (id: string, args: MessageArgs) => string, recipients: number, counts: { sent: number; unreachable: number; pending: number }, done: boolean): string {
  return t(done ? "announce-progress-done" : "announce-progress", {
    sent: counts.sent,
    total: recipients,
    unreachable: counts.unreachable,
    pending: counts.pending,
  });
}
