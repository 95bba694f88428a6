import { isDueAt, placeChain, type ChainStep } from "./chain.js";
import { holidayOn, suggestAfterHoliday } from "./holidays.js";
import { addDays, localClock, localInstant, monthsOfQuarter, periodEnd, quarterOf } from "./local-time.js";
import { effectiveMeeting, meetingBefore, meetingKey, meetingsBetween, type EffectiveMeeting, type MeetingOverride, type MeetingRule } from "./meeting.js";
import { isQuiet } from "./quiet-hours.js";
import { probationNotices, type PlannerProbationer } from "./probation.js";
import { certificateNotices, type PlannerCandidate } from "./candidate-certificate.js";
import { CERTIFICATE_VALID_MONTHS } from "../records/candidate.js";
import { dueDate, recentPeriods, submissionKey } from "./report-due.js";
import type { ReminderSettings, ReportRule } from "./settings.js";
import { alwaysTimeline, settingsForPeriod, type SettingsTimeline } from "./settings-history.js";
import { planDigests, type CellDue, type DigestFollower, type DigestUnit } from "./digest.js";
import { taskNotices, type PlannerTask } from "../cycle/tasks.js";
import { isDeadlineTracked } from "../tracking.js";

const HOUR_MS = 3_600_000;
/** The last step of a report chain stays useful this long. */
const LAST_STEP_LATE_DAYS = 2;
const LAST_STEP_LATE_MS = LAST_STEP_LATE_DAYS * 24 * HOUR_MS;
/** How far back a change notice can still be useful after downtime. */
const CHANGE_NOTICE_LOOKBACK_DAYS = 3;

export type MessageKind =
  | "meeting.reminder"
  | "meeting.changed"
  | "meeting.cancelled"
  | "meeting.holiday"
  | "meeting.thematic"
  | "report.due"
  | "report.overdue_cadre"
  | "report.digest"
  | "digest.commune"
  | "digest.province"
  | "member.probation_due"
  | "candidate.certificate_due"
  | "task.due"
  // Posts to a cell's linked group chat: the same events with no personal data and no RSVP buttons.
  | "group.meeting.reminder"
  | "group.meeting.changed"
  | "group.meeting.cancelled"
  | "group.meeting.holiday";

/** A group chat linked to a cell (`/lienket_nhom`): where the cell-wide meeting notices are also posted. */
export interface PlannerGroupChat {
  channel: string;
  chatId: string;
}

/** A cell as the planner sees it. */
export interface PlannerCell {
  id: number;
  name: string;
  communeId: number | null;
  rule: MeetingRule | null;
  overrides: MeetingOverride[];
  /** Everyone expected at the meeting who is a member of the cell. */
  members: number[];
  secretaries: number[];
  deputies: number[];
  /** Cadres assigned to follow the cell: reminded of meetings, told of overdue reports. */
  cadres: number[];
  /** False for a cell with no village (an agency, school, enterprise cell): it files no village data. */
  keepsVillageRecord?: boolean;
  /** The cell's linked group chats; each gets one copy of every cell-wide meeting notice. */
  groups?: readonly PlannerGroupChat[];
  /** Probationary members with their admission date: their leaders and the commune office are reminded before probation ends. */
  probationers?: readonly PlannerProbationer[];
  /** Candidates for membership followed by the cell: its leaders are reminded before a certificate lapses. */
  candidates?: readonly PlannerCandidate[];
  /** Open resolution tasks due soon: their owners are reminded. */
  tasks?: readonly PlannerTask[];
  /** Agendas the secretary prepared (`/chuongtrinh`), by period: sent with the meeting's first reminder. */
  agendas?: ReadonlyMap<string, string>;
  /**
   * The first day the cell's reports are tracked (`trackingStart`): a period before it is neither
   * reminded, escalated nor in a digest. Unset: no bound.
   */
  trackedFrom?: string | null;
  /**
   * The cell's settings in force today when it has an override of its own (`settingsTimelineIn`: its
   * own on top of its commune's); unset: its commune's. The sender holds its messages by the same.
   */
  settings?: ReminderSettings;
  /** The cell's settings over time, with `settings`; its report rules are its commune's (a cell sets none of its own). */
  timeline?: SettingsTimeline;
}

export interface PlannerCommune {
  id: number;
  name: string;
  /** Office staff: receive the overdue-report digest. */
  office: number[];
  /** The settings in force today: quiet hours, reminders, escalation and digests sent now. */
  settings: ReminderSettings;
  /** The settings over time: each period's deadlines follow the version in force for it. Unset: `settings` for every period. */
  timeline?: SettingsTimeline;
  /** The unit above (the province): its office gets the per-commune summary. */
  parentId?: number | null;
  /** Cadres assigned to the commune itself: they follow all its cells. */
  cadres?: number[];
}

/** A snapshot of everything the planner needs. Pure data: the planner does no I/O. */
export interface PlannerInput {
  now: Date;
  /** Only what became due after this instant (the previous tick); unset: everything still useful. */
  since?: Date;
  tz: string;
  cells: readonly PlannerCell[];
  communes: ReadonlyMap<number, PlannerCommune>;
  /** Settings of cells without a commune. */
  defaultSettings: ReminderSettings;
  /** `orgId:form:period` of reports submitted or accepted (see `submissionKey`). */
  submitted: ReadonlySet<string>;
  /** `orgId:YYYY-Qn` of quarters in which a thematic meeting was held (reported). */
  thematicDone: ReadonlySet<string>;
  /** Units above the communes (the province) with their office and settings: they get the per-commune digest. */
  uppers?: ReadonlyMap<number, DigestUnit>;
  /** Only some cells are in the snapshot: digests, which speak of every cell of a commune, are left out. */
  partial?: boolean;
  /** The province's awareness-class certificate validity in months; unset: CERTIFICATE_VALID_MONTHS. */
  certificateMonths?: number;
}

export type PayloadValue = string | number | boolean | null | readonly number[] | readonly Readonly<Record<string, string | number>>[];

/** One message to send: the same key whenever and wherever it is planned. */
export interface PlannedMessage {
  key: string;
  kind: MessageKind;
  /** Whom it is for; null for a post to a group chat (`group` says which). */
  personId: number | null;
  /** Set on a post to a cell's linked group chat: it goes there, not to a person's account. */
  group?: PlannerGroupChat;
  orgId: number;
  dueAt: Date;
  expiresAt: Date;
  payload: Record<string, PayloadValue>;
}

/**
 * Everything due at `input.now`: meeting reminders, change notices, holiday and thematic-meeting
 * notices to secretaries, report deadline reminders and their escalation. Nothing during quiet
 * hours; nothing stale; each message carries a dedupe key such as `meet:<orgId>:<date>:<step>:<personId>`.
 * A cell's linked group chats get one copy of each cell-wide meeting notice (reminder, change,
 * cancellation, holiday clash), keyed `…:group:<channel>:<chatId>` in place of the person.
 */
export function planDue(input: PlannerInput): PlannedMessage[] {
  const out: PlannedMessage[] = [];
  const communeOf = (cell: PlannerCell) => (cell.communeId !== null ? input.communes.get(cell.communeId) : undefined);
  const today = localClock(input.now, input.tz).date;
  const digests = new Map<string, DigestEntry>();
  const duesByCommune = new Map<number, CellDue[]>();

  for (const cell of input.cells) {
    const commune = communeOf(cell);
    const settings = settingsOfCell(input, cell);
    const dues = cellDues(input, cell.timeline ?? commune?.timeline ?? alwaysTimeline(settings), cell, today);
    if (cell.communeId !== null) {
      const list = duesByCommune.get(cell.communeId) ?? [];
      for (const d of dues) list.push({ cellId: cell.id, cell: cell.name, form: d.rule.form, period: d.period, due: d.due, submitted: d.submitted });
      duesByCommune.set(cell.communeId, list);
    }
    // Quiet hours may differ by commune, and by cell: each cell is checked against its own.
    if (isQuiet(input.now, settings.quietHours, input.tz)) continue;
    const mine: PlannedMessage[] = [];
    const ctx = { input, settings, cell, out: mine };
    planMeetingReminders(ctx, today);
    planChangeNotices(ctx);
    planHolidayNotices(ctx, today);
    planThematic(ctx, today);
    planReports(ctx, today, digests, dues);
    planProbation(ctx);
    planCertificates(ctx);
    planTasks(ctx);
    // Nothing due before the cell's tracking started is caught up on the go-live day (a thematic
    // nudge of 01/11, a D-1 reminder of yesterday): chibo was not in use then, so it was never due.
    const start = trackedSince(cell, input.tz);
    for (const m of mine) if (start === null || m.dueAt >= start) out.push(m);
  }
  if (!input.partial) out.push(...planDigests({ now: input.now, ...(input.since ? { since: input.since } : {}), tz: input.tz, dues: duesByCommune, units: digestUnits(input), uppers: input.uppers ?? new Map() }));

  for (const [id, d] of digests) {
    for (const personId of d.commune.office) {
      out.push({
        key: `digest:${id}:${personId}`,
        kind: "report.digest",
        personId,
        orgId: d.commune.id,
        dueAt: d.due,
        expiresAt: d.expires,
        payload: { commune: d.commune.name, form: d.form, period: d.period, dueDate: d.dueDate, count: d.cells.length, cells: d.cells.join(", ") },
      });
    }
  }
  return dedupe(out);
}

/** What is sent today for a cell: its own settings, else its commune's, else the defaults. */
function settingsOfCell(input: PlannerInput, cell: PlannerCell): ReminderSettings {
  return cell.settings ?? (cell.communeId !== null ? input.communes.get(cell.communeId)?.settings : undefined) ?? input.defaultSettings;
}

interface Ctx {
  input: PlannerInput;
  settings: ReminderSettings;
  cell: PlannerCell;
  out: PlannedMessage[];
}

/** The instant a cell's tracking starts (local midnight of `trackedFrom`), null when unbounded. */
function trackedSince(cell: PlannerCell, tz: string): Date | null {
  return cell.trackedFrom ? localInstant(cell.trackedFrom, "00:00", tz) : null;
}

function uniq(...lists: number[][]): number[] {
  return [...new Set(lists.flat())];
}

function leaders(cell: PlannerCell): number[] {
  return cell.secretaries.length > 0 ? cell.secretaries : cell.deputies;
}

function meetingStart(m: EffectiveMeeting, tz: string): Date {
  return localInstant(m.date, m.time, tz);
}

function meetingPayload(cell: PlannerCell, m: EffectiveMeeting): Record<string, PayloadValue> {
  return { cell: cell.name, meeting: meetingKey(m), date: m.date, time: m.time, place: m.place, agenda: m.agenda, kind: m.kind };
}

/**
 * One copy of a cell-wide notice for each of the cell's group chats. The key is the person's key with
 * `group:<channel>:<chatId>` in place of the person id, so a moved meeting's withdrawal (by key prefix)
 * reaches the group's copy too. The payload is the caller's: only the cell's own data, never a person's.
 */
function groupCopies(out: PlannedMessage[], cell: PlannerCell, keyPrefix: string, message: Omit<PlannedMessage, "key" | "personId" | "group">): void {
  for (const group of cell.groups ?? []) {
    out.push({ ...message, key: `${keyPrefix}:group:${group.channel}:${group.chatId}`, personId: null, group: { channel: group.channel, chatId: group.chatId } });
  }
}

function planMeetingReminders({ input, settings, cell, out }: Ctx, today: string): void {
  const maxDays = Math.max(0, ...settings.meetingReminders.map((r) => ("daysBefore" in r ? r.daysBefore : 1)));
  const meetings = meetingsBetween(cell.id, cell.rule, cell.overrides, addDays(today, -1), addDays(today, maxDays + 1));
  let recipients: number[] | undefined;
  for (const m of meetings) {
    if (m.cancelled) continue;
    const start = meetingStart(m, input.tz);
    // A moved meeting was just announced: the change notice stands in for reminders already past.
    const announced = m.override?.createdAt;
    const steps: ChainStep<{ daysAhead: boolean }>[] = [];
    for (const r of settings.meetingReminders) {
      const due = "daysBefore" in r ? localInstant(addDays(m.date, -r.daysBefore), r.at, input.tz) : new Date(start.getTime() - r.minutesBefore * 60_000);
      if (announced && due < announced) continue;
      const daysAhead = "daysBefore" in r && r.daysBefore > 0;
      steps.push({ step: r.id, due, ...("maxLateHours" in r && r.maxLateHours ? { maxLateMs: r.maxLateHours * HOUR_MS } : {}), data: { daysAhead } });
    }
    // The agenda the secretary prepared goes with the reminders days ahead (D-3), not the last-minute ones.
    const prepared = cell.agendas?.get(m.period);
    // Not in the group chats: it names the owners of last month's tasks.
    const payloadOf = (s: { step: string; data: { daysAhead: boolean } }) => {
      const agenda = prepared && s.data.daysAhead ? [m.agenda, prepared].filter(Boolean).join("\n") : m.agenda;
      return { ...meetingPayload(cell, m), agenda, step: s.step };
    };
    const placed = placeChain(steps, start, settings.quietHours, input.tz, settings.minGapMinutes * 60_000);
    for (const s of placed) {
      if (!isDueAt(s, input.now, input.since)) continue;
      recipients ??= uniq(cell.members, cell.secretaries, cell.deputies, cell.cadres);
      for (const personId of recipients) {
        out.push({
          key: `meet:${cell.id}:${m.date}:${s.step}:${personId}`,
          kind: "meeting.reminder",
          personId,
          orgId: cell.id,
          dueAt: s.due,
          expiresAt: s.expires,
          payload: payloadOf(s),
        });
      }
      groupCopies(out, cell, `meet:${cell.id}:${m.date}:${s.step}`, {
        kind: "group.meeting.reminder",
        orgId: cell.id,
        dueAt: s.due,
        expiresAt: s.expires,
        payload: { ...meetingPayload(cell, m), step: s.step },
      });
    }
  }
}

function planChangeNotices({ input, settings, cell, out }: Ctx): void {
  const recent = new Date(input.now.getTime() - CHANGE_NOTICE_LOOKBACK_DAYS * 24 * HOUR_MS);
  const periods = new Set(cell.overrides.filter((o) => o.createdAt >= recent).map((o) => o.period));
  for (const period of periods) {
    const m = effectiveMeeting(cell.id, cell.rule, cell.overrides, period);
    const o = m?.override;
    if (!m || !o || o.createdAt < recent) continue;
    out.push(...changeNotice(input, settings, cell, m, o, (placed) => isDueAt(placed, input.now, input.since)));
  }
}

/**
 * The notice of one change (`/doilich`) to everyone the meeting expects and to the cell's groups,
 * placed out of quiet hours; empty when `wanted` turns its placed time down or it would come too late.
 */
function changeNotice(
  input: PlannerInput,
  settings: ReminderSettings,
  cell: PlannerCell,
  m: EffectiveMeeting,
  o: MeetingOverride,
  wanted: (placed: { due: Date; expires: Date }) => boolean,
): PlannedMessage[] {
  const out: PlannedMessage[] = [];
  // "Chuyển buổi ngày X": the date members were last told (an earlier move's), not always the rule's.
  const lastTold = lastToldMeeting(input, settings, cell, o)?.date ?? m.regularDate;
  const placed = changeNoticePlaced(input, settings, m, o);
  if (!placed || !wanted(placed)) return out;
  for (const personId of uniq(cell.members, cell.secretaries, cell.deputies, cell.cadres)) {
    out.push({
      key: `chg:${cell.id}:${o.id}:${personId}`,
      kind: m.cancelled ? "meeting.cancelled" : "meeting.changed",
      personId,
      orgId: cell.id,
      dueAt: placed.due,
      expiresAt: placed.expires,
      payload: { ...meetingPayload(cell, m), regularDate: lastTold, reason: o.reason },
    });
  }
  // Without the reason: it is free text the secretary wrote for members' private chats, and it
  // may name someone ("đ/c X ốm"); a group can hold people outside the cell and keeps its history.
  groupCopies(out, cell, `chg:${cell.id}:${o.id}`, {
    kind: m.cancelled ? "group.meeting.cancelled" : "group.meeting.changed",
    orgId: cell.id,
    dueAt: placed.due,
    expiresAt: placed.expires,
    payload: { ...meetingPayload(cell, m), regularDate: lastTold },
  });
  return out;
}

/** When the notice of change `o` (making the meeting `m`) goes out: at the change, or after quiet hours; none once `m` began. */
function changeNoticePlaced(input: PlannerInput, settings: ReminderSettings, m: EffectiveMeeting, o: MeetingOverride): { due: Date; expires: Date } | undefined {
  const end = m.cancelled ? localInstant(addDays(m.date, 1), "00:00", input.tz) : meetingStart(m, input.tz);
  return placeChain([{ step: "chg", due: o.createdAt, data: null }], end, settings.quietHours, input.tz)[0];
}

/**
 * The meeting as members last heard of it before change `o`: the one an earlier change made, unless that change's
 * notice was still waiting (made at night, due at the end of quiet hours) when `o` was made — `o` replaced it
 * before anyone was told, so members last heard of the one before it.
 */
function lastToldMeeting(input: PlannerInput, settings: ReminderSettings, cell: PlannerCell, o: MeetingOverride): EffectiveMeeting | null {
  let earlier = cell.overrides.filter((x) => x.id < o.id);
  for (;;) {
    const before = meetingBefore(cell.id, cell.rule, earlier, o);
    const p = before?.override;
    if (!before || !p) return before;
    const told = changeNoticePlaced(input, settings, before, p);
    if (told && told.due.getTime() <= o.createdAt.getTime()) return before;
    earlier = earlier.filter((x) => x.id !== p.id);
  }
}

/**
 * The notice of a change just made (`/doilich`), whenever it is to go out: at once, or — made in
 * quiet hours — at the end of them (`deferTo`). The same keys as the tick's `planDue` gives it, so
 * writing it ahead and planning it again at that time make one message. Empty when the override is
 * not the cell's latest for its month (a later change stands in for it) or the meeting is past.
 */
export function changeNoticeAhead(input: PlannerInput, cellId: number, overrideId: number): PlannedMessage[] {
  const cell = input.cells.find((c) => c.id === cellId);
  const o = cell?.overrides.find((x) => x.id === overrideId);
  if (!cell || !o) return [];
  const m = effectiveMeeting(cell.id, cell.rule, cell.overrides, o.period);
  if (!m || m.override?.id !== o.id) return [];
  return changeNotice(input, settingsOfCell(input, cell), cell, m, o, (placed) => placed.expires.getTime() > input.now.getTime());
}

function planHolidayNotices({ input, settings, cell, out }: Ctx, today: string): void {
  const { daysBefore, at } = settings.holidayNotice;
  for (const m of meetingsBetween(cell.id, cell.rule, cell.overrides, today, addDays(today, daysBefore + 1))) {
    if (m.override || m.cancelled) continue;
    const holiday = holidayOn(m.date);
    if (!holiday) continue;
    const end = localInstant(m.date, "00:00", input.tz);
    const [placed] = placeChain([{ step: "hol", due: localInstant(addDays(m.date, -daysBefore), at, input.tz), data: null }], end, settings.quietHours, input.tz);
    if (!placed || !isDueAt(placed, input.now, input.since)) continue;
    for (const personId of leaders(cell)) {
      out.push({
        key: `holiday:${cell.id}:${m.date}:${personId}`,
        kind: "meeting.holiday",
        personId,
        orgId: cell.id,
        dueAt: placed.due,
        expiresAt: placed.expires,
        payload: { ...meetingPayload(cell, m), holiday, suggested: suggestAfterHoliday(m.date) },
      });
    }
    // The group is only told of the clash: deciding to move the meeting is the secretary's.
    groupCopies(out, cell, `holiday:${cell.id}:${m.date}`, {
      kind: "group.meeting.holiday",
      orgId: cell.id,
      dueAt: placed.due,
      expiresAt: placed.expires,
      payload: { ...meetingPayload(cell, m), holiday },
    });
  }
}

// HD 42-HD/BTCTW: a thematic meeting at least once a quarter.
function planThematic({ input, settings, cell, out }: Ctx, today: string): void {
  if (!settings.thematic.enabled) return;
  const quarter = quarterOf(today);
  if (input.thematicDone.has(`${cell.id}:${quarter}`)) return;
  const months = monthsOfQuarter(quarter);
  const planned = months.some((p) => {
    const m = effectiveMeeting(cell.id, cell.rule, cell.overrides, p);
    return m && !m.cancelled && m.kind !== "regular";
  });
  if (planned) return;
  const day = `${months[1]}-${String(settings.thematic.dayOfSecondMonth).padStart(2, "0")}`;
  const end = localInstant(addDays(periodEnd(quarter), 1), "00:00", input.tz);
  const [placed] = placeChain([{ step: "thm", due: localInstant(day, settings.thematic.at, input.tz), data: null }], end, settings.quietHours, input.tz);
  if (!placed || !isDueAt(placed, input.now, input.since)) return;
  for (const personId of leaders(cell)) {
    out.push({
      key: `thematic:${cell.id}:${quarter}:${personId}`,
      kind: "meeting.thematic",
      personId,
      orgId: cell.id,
      dueAt: placed.due,
      expiresAt: placed.expires,
      payload: { cell: cell.name, quarter },
    });
  }
}

const FREQUENCIES: readonly ReportRule["frequency"][] = ["monthly", "quarterly", "yearly"];

interface Due {
  rule: ReportRule;
  period: string;
  due: string;
  submitted: boolean;
}

/**
 * A cell's report deadlines of the recent periods (none for a form with no date, e.g. no meeting held),
 * each period's by the settings in force for it.
 */
function cellDues(input: PlannerInput, timeline: SettingsTimeline, cell: PlannerCell, today: string): Due[] {
  const meetingDateOf = (period: string) => {
    const m = effectiveMeeting(cell.id, cell.rule, cell.overrides, period);
    return m && !m.cancelled ? m.date : null;
  };
  const out: Due[] = [];
  for (const frequency of FREQUENCIES) {
    for (const period of recentPeriods(frequency, today)) {
      for (const rule of settingsForPeriod(timeline, period).reports) {
        if (rule.frequency !== frequency || (rule.form === "village-quarterly" && cell.keepsVillageRecord === false)) continue;
        const due = dueDate(rule, period, meetingDateOf);
        // A period, or a deadline, before the cell's tracking started is "chưa theo dõi": never overdue.
        if (due && isDeadlineTracked(period, due, cell.trackedFrom ?? null)) out.push({ rule, period, due, submitted: input.submitted.has(submissionKey(cell.id, rule.form, period)) });
      }
    }
  }
  return out;
}

/** The communes as the digest sees them, with who follows which of their cells. */
function digestUnits(input: PlannerInput): Map<number, DigestUnit & { followers: DigestFollower[] }> {
  const follows = new Map<number, Map<number, Set<number> | "all">>();
  const followerMap = (communeId: number) => {
    let m = follows.get(communeId);
    if (!m) follows.set(communeId, (m = new Map()));
    return m;
  };
  for (const c of input.communes.values()) for (const cadre of c.cadres ?? []) followerMap(c.id).set(cadre, "all");
  for (const cell of input.cells) {
    if (cell.communeId === null) continue;
    const m = followerMap(cell.communeId);
    for (const cadre of cell.cadres) {
      const held = m.get(cadre);
      if (held === "all") continue;
      m.set(cadre, (held ?? new Set()).add(cell.id));
    }
  }
  const units = new Map<number, DigestUnit & { followers: DigestFollower[] }>();
  for (const c of input.communes.values()) {
    const followers = [...(follows.get(c.id) ?? new Map<number, Set<number> | "all">()).entries()].map(([personId, cellIds]) => ({ personId, cellIds }));
    units.set(c.id, { id: c.id, name: c.name, parentId: c.parentId ?? null, office: c.office, settings: c.settings, followers });
  }
  return units;
}

function planReports({ input, settings, cell, out }: Ctx, today: string, digests: Map<string, DigestEntry>, dues: readonly Due[]): void {
  const commune = cell.communeId !== null ? input.communes.get(cell.communeId) : undefined;
  const offsets = settings.escalation.map((e) => e.dayOffset);
  const [firstOffset, lastOffset] = [Math.min(0, ...offsets), Math.max(0, ...offsets)];
  const start = trackedSince(cell, input.tz);
  for (const { rule, period, due, submitted } of dues) {
    {
      if (submitted) continue;
      // Most deadlines are far from today: skip them before placing their chain in time.
      if (today < addDays(due, firstOffset - 1) || today > addDays(due, lastOffset + LAST_STEP_LATE_DAYS + 1)) continue;
      const steps = settings.escalation.map((e) => ({ step: e.id, due: localInstant(addDays(due, e.dayOffset), e.at, input.tz), data: e }));
      const last = steps.reduce((t, s) => Math.max(t, s.due.getTime()), 0);
      const placed = placeChain(steps, new Date(last + LAST_STEP_LATE_MS), settings.quietHours, input.tz);
      for (const s of placed) {
        // The office's digest gathers cells apart from `out`: a step before the tracking start is left here.
        if (!isDueAt(s, input.now, input.since) || (start !== null && s.due < start)) continue;
        const payload = { cell: cell.name, form: rule.form, period, dueDate: due, step: s.step, overdue: s.data.dayOffset > 0 };
        const base = `${cell.id}:${rule.form}:${period}:${s.step}`;
        for (const target of s.data.to) {
          if (target === "office") {
            if (!commune) continue;
            const id = `${commune.id}:${rule.form}:${period}:${due}:${s.step}`;
            const entry = digests.get(id) ?? { commune, form: rule.form, period, dueDate: due, step: s.step, due: s.due, expires: s.expires, cells: [] };
            entry.cells.push(cell.name);
            digests.set(id, entry);
            continue;
          }
          const people = target === "secretary" ? leaders(cell) : cell.cadres;
          for (const personId of people) {
            out.push({
              key: `report:${base}:${personId}`,
              kind: target === "secretary" ? "report.due" : "report.overdue_cadre",
              personId,
              orgId: cell.id,
              dueAt: s.due,
              expiresAt: s.expires,
              payload,
            });
          }
        }
      }
    }
  }
}

function planProbation({ input, settings, cell, out }: Ctx): void {
  if (!cell.probationers || cell.probationers.length === 0) return;
  const office = cell.communeId !== null ? (input.communes.get(cell.communeId)?.office ?? []) : [];
  const notices = probationNotices(cell.probationers, uniq(leaders(cell), office), {
    now: input.now,
    ...(input.since ? { since: input.since } : {}),
    tz: input.tz,
    quietHours: settings.quietHours,
  });
  for (const n of notices) out.push(personNotice(n, "member.probation_due", cell, { cell: cell.name, name: n.probationer.name, admittedOn: n.probationer.admittedOn, endsOn: n.endsOn }));
}

/** A once-only notice to one person about one of the cell's people (probation, a certificate). */
function personNotice(n: { key: string; personId: number; dueAt: Date; expiresAt: Date }, kind: MessageKind, cell: PlannerCell, payload: PlannedMessage["payload"]): PlannedMessage {
  return { key: n.key, kind, personId: n.personId, orgId: cell.id, dueAt: n.dueAt, expiresAt: n.expiresAt, payload };
}

function planCertificates({ input, settings, cell, out }: Ctx): void {
  if (!cell.candidates || cell.candidates.length === 0) return;
  const notices = certificateNotices(cell.candidates, leaders(cell), {
    now: input.now,
    ...(input.since ? { since: input.since } : {}),
    tz: input.tz,
    quietHours: settings.quietHours,
    certificateMonths: input.certificateMonths ?? CERTIFICATE_VALID_MONTHS,
  });
  for (const n of notices) out.push(personNotice(n, "candidate.certificate_due", cell, { cell: cell.name, name: n.candidate.name, certificateOn: n.certificateOn, expiresOn: n.expiresOn }));
}

function planTasks({ input, settings, cell, out }: Ctx): void {
  if (!cell.tasks || cell.tasks.length === 0) return;
  const notices = taskNotices(cell.tasks, leaders(cell), { now: input.now, ...(input.since ? { since: input.since } : {}), tz: input.tz, quietHours: settings.quietHours });
  for (const n of notices) {
    out.push({
      key: n.key,
      kind: "task.due",
      personId: n.personId,
      orgId: cell.id,
      dueAt: n.dueAt,
      expiresAt: n.expiresAt,
      payload: { cell: cell.name, task: n.task.task, owner: n.task.owner, dueDate: n.task.dueOn, step: n.step },
    });
  }
}

type DigestEntry = { commune: PlannerCommune; form: string; period: string; dueDate: string; step: string; due: Date; expires: Date; cells: string[] };

/** One message per key (a person who is both secretary and cadre of a cell gets one). */
function dedupe(messages: PlannedMessage[]): PlannedMessage[] {
  const seen = new Map<string, PlannedMessage>();
  for (const m of messages) if (!seen.has(m.key)) seen.set(m.key, m);
  return [...seen.values()].sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime() || a.key.localeCompare(b.key));
}
