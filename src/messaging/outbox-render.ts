import type { I18n, Locale, MessageArgs } from "./i18n.js";
import type { Choice, Reply } from "./message.js";
import type { MeetingPayload, OutboxMessage } from "./outbox-message.js";
import { isPeriodOfKind, periodParts } from "../domain/forms/period.js";
import { formatDateVi } from "../domain/time.js";
import { localClock } from "../domain/schedule/local-time.js";

const date = (v: string): string => (/^\d{4}-\d{2}-\d{2}$/.test(v) ? formatDateVi(v) : v);

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
 * An outbox message as replies in the reader's language. Everything user-facing comes from
 * `locales/<lang>/meeting.ftl`; the payload, checked against its kind's schema, holds only data.
 */
export function renderOutboxMessage(i18n: I18n, locale: Locale, message: OutboxMessage, now: Date, tz: string): Reply[] {
  const t = (id: string, args?: MessageArgs) => i18n.t(locale, id, args);
  // "tháng 1/2027", "quý 3/2026": a stored period ("2027-01") is not how a secretary names a month.
  const periodWords = (period: string): string => {
    const parts = (["month", "quarter", "year"] as const).some((kind) => isPeriodOfKind(kind, period)) ? periodParts(period) : null;
    return parts ? t(`period-${parts.kind}`, { index: parts.index, year: String(parts.year) }) : period;
  };
  const formName = (id: string) => (i18n.has(locale, `form-${id}`) ? t(`form-${id}`) : id);
  const meetingArgs = (p: MeetingPayload): MessageArgs => ({
    cell: p.cell,
    date: date(p.date),
    time: p.time,
    place: p.place || t("meeting-place-unknown"),
    days: Math.max(0, daysBetween(localClock(now, tz).date, p.date)),
  });
  const withAgenda = (p: MeetingPayload, text: string) => (p.agenda ? `${text}\n${t("meeting-agenda-line", { agenda: p.agenda })}` : text);
  const reason = (r: string | null) => r || t("meeting-no-reason");
  // `time` "14:05", `day` "08/12/2026": a stored instant as the reader's clock shows it.
  const clockArgs = (iso: string) => {
    const at = localClock(new Date(iso), tz);
    return { time: `${String(Math.floor(at.minutes / 60)).padStart(2, "0")}:${String(at.minutes % 60).padStart(2, "0")}`, day: date(at.date) };
  };
  switch (message.kind) {
    case "meeting.reminder": {
      const p = message.payload;
      return [{ title: t("remind-meeting-title"), text: `${withAgenda(p, t("remind-meeting", meetingArgs(p)))}\n${t("rsvp-ask")}`, choices: rsvpChoices(t, p.meeting) }];
    }
    case "meeting.changed": {
      const p = message.payload;
      const text = t("remind-changed", { ...meetingArgs(p), from: date(p.regularDate), reason: reason(p.reason) });
      return [{ title: t("remind-changed-title"), text: `${withAgenda(p, text)}\n${t("rsvp-ask")}`, choices: rsvpChoices(t, p.meeting) }];
    }
    case "meeting.cancelled": {
      const p = message.payload;
      return [{ title: t("remind-changed-title"), text: t("remind-cancelled", { ...meetingArgs(p), reason: reason(p.reason) }) }];
    }
    case "meeting.holiday": {
      const p = message.payload;
      return [{
        title: t("remind-holiday-title"),
        text: t("remind-holiday", { ...meetingArgs(p), holiday: t(`holiday-${p.holiday}`), suggested: date(p.suggested), suggestedShort: date(p.suggested).slice(0, 5) }),
      }];
    }
    // A cell's group chat: the cell's meeting only, never a person's answer or a free-text reason,
    // and no RSVP buttons (a press in a group would answer in front of everyone).
    case "group.meeting.reminder": {
      const p = message.payload;
      return [{ title: t("remind-meeting-title"), text: `${withAgenda(p, t("remind-meeting", meetingArgs(p)))}\n${t("group-rsvp-private")}` }];
    }
    case "group.meeting.changed": {
      const p = message.payload;
      return [{ title: t("remind-changed-title"), text: `${withAgenda(p, t("group-remind-changed", { ...meetingArgs(p), from: date(p.regularDate) }))}\n${t("group-rsvp-private")}` }];
    }
    case "group.meeting.cancelled":
      return [{ title: t("remind-changed-title"), text: t("group-remind-cancelled", meetingArgs(message.payload)) }];
    case "group.meeting.holiday": {
      const p = message.payload;
      return [{ title: t("remind-holiday-title"), text: t("group-remind-holiday", { ...meetingArgs(p), holiday: t(`holiday-${p.holiday}`) }) }];
    }
    case "meeting.thematic":
      return [{ title: t("remind-thematic-title"), text: t("remind-thematic", { cell: message.payload.cell, quarter: periodWords(message.payload.quarter) }) }];
    case "report.due": {
      const p = message.payload;
      return [{
        title: t("remind-report-title"),
        text: t(p.overdue ? "remind-report-overdue" : "remind-report-due", { cell: p.cell, form: formName(p.form), period: periodWords(p.period), due: date(p.dueDate) }),
      }];
    }
    case "report.overdue_cadre": {
      const p = message.payload;
      return [{ title: t("remind-report-title"), text: t("remind-report-cadre", { cell: p.cell, form: formName(p.form), period: periodWords(p.period), due: date(p.dueDate) }) }];
    }
    case "report.digest": {
      const p = message.payload;
      return [{
        title: t("remind-digest-title"),
        text: t("remind-digest", { commune: p.commune, form: formName(p.form), period: periodWords(p.period), due: date(p.dueDate), count: p.count, cells: p.cells }),
      }];
    }
    case "digest.commune": {
      const p = message.payload;
      const args = { commune: p.commune, form: formName(p.form), period: periodWords(p.period), due: date(p.dueDate), count: p.count, cells: p.cells, missing: p.missing };
      return [{ title: t("digest-commune-title"), text: `${t(p.followed ? "digest-commune-followed" : "digest-commune", args)}\n${t("digest-see-more")}` }];
    }
    case "digest.province": {
      const p = message.payload;
      const lines = p.communes.map((c) => (c.missing === 0 ? t("digest-province-line-done", { commune: c.commune, cells: c.cells }) : t("digest-province-line", { commune: c.commune, cells: c.cells, count: c.missing })));
      const head = t("digest-province", { province: p.province, form: formName(p.form), period: periodWords(p.period), due: date(p.dueDate), count: p.count, cells: p.cells });
      return [{ title: t("digest-province-title"), text: [head, ...lines, t("digest-see-more")].join("\n") }];
    }
    case "member.probation_due": {
      const p = message.payload;
      return [{ title: t("remind-probation-title"), text: t("remind-probation", { cell: p.cell, name: p.name, admitted: date(p.admittedOn), ends: date(p.endsOn) }) }];
    }
    case "candidate.certificate_due": {
      const p = message.payload;
      return [{ title: t("remind-certificate-title"), text: t("remind-certificate", { cell: p.cell, name: p.name, certificate: date(p.certificateOn), expires: date(p.expiresOn) }) }];
    }
    case "task.due": {
      const p = message.payload;
      const args = { cell: p.cell, task: p.task, owner: p.owner ?? "", due: date(p.dueDate), days: Math.max(0, daysBetween(localClock(now, tz).date, p.dueDate)) };
      return [{ title: t("remind-task-title"), text: `${t(p.owner ? "remind-task-owned" : "remind-task", args)}\n${t("remind-task-hint")}` }];
    }
    case "correction.answered": {
      const p = message.payload;
      return [{ title: t("correction-answered-title", { id: p.id }), text: t(`correction-answered-${p.outcome}`, { id: p.id, request: p.request, answer: p.answer }) }];
    }
    case "account.linked": {
      const p = message.payload;
      return [{ title: t("link-other-title"), text: t("link-other-notice", { channel: t(`channel-${p.channel}`), ...clockArgs(p.at) }) }];
    }
    case "link.alert": {
      const p = message.payload;
      const platform = p.channel ? t(`channel-${p.channel}`) : t("link-alert-all");
      return [{ title: t("link-alert-title"), text: t("link-alert", { platform, failures: p.failures, minutes: p.minutes, perAccount: p.perAccount, ...clockArgs(p.until) }) }];
    }
    case "announcement":
      return [{ title: t("announce-heading", { org: message.payload.from }), text: message.payload.text }];
    case "announcement.stats": {
      const p = message.payload;
      return [{
        title: t("announce-stats-title"),
        text: t("announce-stats", { org: p.org, total: p.recipients, sent: p.sent, unreachable: p.unreachable, unlinked: p.unlinked, pending: p.pending }),
      }];
    }
  }
}

/**
 * The progress series of an announcement: the author's "started" message, which the sender edits as
 * copies go out and once more when all are out (on channels that edit).
 */
export const announcementProgressKey = (announcementId: number) => `ann:${announcementId}`;

/** "Đã gửi 1.200/5.000 …": the progress line of the author's message and of the status view. */
export function progressText(t: (id: string, args: MessageArgs) => string, recipients: number, counts: { sent: number; unreachable: number; pending: number }, done: boolean): string {
  return t(done ? "announce-progress-done" : "announce-progress", {
    sent: counts.sent,
    total: recipients,
    unreachable: counts.unreachable,
    pending: counts.pending,
  });
}
