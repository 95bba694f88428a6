import { z } from "zod";

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "HH:MM");
const stepId = z.string().regex(/^[a-z0-9+-]{1,8}$/);

/** A meeting reminder: some days before at a clock time, or some minutes before the start. */
const meetingReminderSchema = z.union([
  z.object({
    id: stepId,
    daysBefore: z.number().int().min(0).max(14),
    at: hhmm,
    /** Not sent once this many hours late (catch-up after downtime); the next reminder also ends it. */
    maxLateHours: z.number().int().min(1).max(14 * 24).optional(),
  }),
  z.object({ id: stepId, minutesBefore: z.number().int().min(10).max(24 * 60) }),
]);
export type MeetingReminderSpec = z.infer<typeof meetingReminderSchema>;

const dueSchema = z.discriminatedUnion("kind", [
  /** N days after the cell's meeting of the period (monthly forms). */
  z.object({ kind: z.literal("after_meeting"), days: z.number().int().min(0).max(28) }),
  /** A fixed day of the period's month (monthly forms); past the month's end, its last day. */
  z.object({ kind: z.literal("day_of_month"), day: z.number().int().min(1).max(31) }),
  /** N days after the period ends (any frequency). */
  z.object({ kind: z.literal("after_period"), days: z.number().int().min(0).max(60) }),
  /** A fixed date in the period's year (yearly forms). */
  z.object({ kind: z.literal("fixed_date"), month: z.number().int().min(1).max(12), day: z.number().int().min(1).max(31) }),
]);
export type DueRule = z.infer<typeof dueSchema>;

const reportRuleSchema = z.object({
  form: z.string().regex(/^[a-z][a-z0-9-]{1,40}$/),
  frequency: z.enum(["monthly", "quarterly", "yearly"]),
  due: dueSchema,
});
export type ReportRule = z.infer<typeof reportRuleSchema>;

export const ESCALATION_TARGETS = ["secretary", "cadre", "office"] as const;
export type EscalationTarget = (typeof ESCALATION_TARGETS)[number];

const escalationStepSchema = z.object({
  id: stepId,
  /** Days relative to the due date: -2 is two days before, 1 the day after. */
  dayOffset: z.number().int().min(-14).max(30),
  at: hhmm,
  /** `office` gets one digest per commune listing the cells that have not submitted. */
  to: z.array(z.enum(ESCALATION_TARGETS)).min(1),
});
export type EscalationStep = z.infer<typeof escalationStepSchema>;

export const DIGEST_TARGETS = ["office", "cadre", "province"] as const;

/** The digest after a deadline (#14.5): who has not reported, to the commune office, the cadres and the province office. */
const digestSchema = z.object({
  enabled: z.boolean(),
  /** Days after the last deadline of a form among a commune's cells. */
  daysAfter: z.number().int().min(1).max(14),
  at: hhmm,
  to: z.array(z.enum(DIGEST_TARGETS)).min(1),
});

/** Every reminder setting; the province may override any top-level key, a commune again, and a cell its `CELL_SETTING_KEYS`. */
export const reminderSettingsSchema = z.object({
  /** No message is sent from `start` to `end` (local time); what falls inside waits until `deferTo`. */
  quietHours: z.object({ start: hhmm, end: hhmm, deferTo: hhmm }),
  meetingReminders: z.array(meetingReminderSchema).max(6),
  /** Consecutive reminders closer than this are merged (the later one is kept). */
  minGapMinutes: z.number().int().min(0).max(12 * 60),
  /** The secretary is reminded on this day of a quarter's second month when no thematic meeting is planned or held yet. */
  thematic: z.object({ enabled: z.boolean(), dayOfSecondMonth: z.number().int().min(1).max(28), at: hhmm }),
  /** A regular meeting on a holiday is flagged to the secretary this many days ahead. */
  holidayNotice: z.object({ daysBefore: z.number().int().min(1).max(30), at: hhmm }),
  reports: z.array(reportRuleSchema).max(20),
  escalation: z.array(escalationStepSchema).max(8),
  digest: digestSchema,
});
export type ReminderSettings = z.infer<typeof reminderSettingsSchema>;

/** A stored override: any subset of the top-level keys (each replaces the inherited value whole). */
export const reminderOverrideSchema = reminderSettingsSchema.partial().strict();
export type ReminderOverride = z.infer<typeof reminderOverrideSchema>;

/**
 * The keys a cell's own override may hold: when nothing is sent and how its own meetings are told.
 * The report deadlines, their escalation and the digest stay the commune's: a commune's cells share
 * one deadline per form in `/tonghop`, the exports and the digest, and one digest speaks of them all.
 */
export const CELL_SETTING_KEYS = ["quietHours", "meetingReminders", "minGapMinutes", "thematic", "holidayNotice"] as const;

/** A cell's stored override: a subset of `CELL_SETTING_KEYS`. */
export const cellOverrideSchema = reminderSettingsSchema
  .pick({ quietHours: true, meetingReminders: true, minGapMinutes: true, thematic: true, holidayNotice: true })
  .partial()
  .strict();

/** The top-level keys of an override that a cell may not set for itself (sorted; none: []). */
export function keysNotForCells(override: object): string[] {
  const allowed: readonly string[] = CELL_SETTING_KEYS;
  return Object.keys(override)
    .filter((k) => !allowed.includes(k))
    .sort();
}

/**
 * The defaults (issue 5): members and the assigned cadre at D-3 and D-day mornings and two hours
 * before; quiet 21:30–06:30, deferred to 07:00 so a deferred message joins the morning reminders
 * instead of waking people half an hour earlier; report chain D-2, D, D+1 (+cadre); the digest the day after a commune's last deadline.
 */
export const DEFAULT_REMINDER_SETTINGS: ReminderSettings = {
  quietHours: { start: "21:30", end: "06:30", deferTo: "07:00" },
  meetingReminders: [
    // A D-3 reminder is stale once the day before the meeting has begun (catch-up rule).
    { id: "d3", daysBefore: 3, at: "07:00", maxLateHours: 48 },
    { id: "d0", daysBefore: 0, at: "07:00" },
    { id: "h2", minutesBefore: 120 },
  ],
  minGapMinutes: 90,
  thematic: { enabled: true, dayOfSecondMonth: 1, at: "07:30" },
  holidayNotice: { daysBefore: 7, at: "07:30" },
  reports: [
    { form: "monthly-meeting", frequency: "monthly", due: { kind: "after_meeting", days: 3 } },
    { form: "party-dues", frequency: "monthly", due: { kind: "after_meeting", days: 5 } },
    { form: "village-quarterly", frequency: "quarterly", due: { kind: "after_period", days: 10 } },
    { form: "admissions", frequency: "quarterly", due: { kind: "after_period", days: 10 } },
    { form: "annual-rating", frequency: "yearly", due: { kind: "fixed_date", month: 12, day: 20 } },
  ],
  escalation: [
    { id: "d-2", dayOffset: -2, at: "07:30", to: ["secretary"] },
    { id: "d0", dayOffset: 0, at: "07:30", to: ["secretary"] },
    { id: "d+1", dayOffset: 1, at: "07:30", to: ["secretary", "cadre"] },
  ],
  // The office hears of missing reports once, the day after the commune's last deadline, with the chart
  // (an `office` escalation step still gives the older per-deadline list where a province wants it).
  digest: { enabled: true, daysAfter: 1, at: "08:00", to: ["office", "cadre", "province"] },
};

/**
 * Settings for a commune: the defaults, then each stored override from the province down
 * (root first). Overrides that fail validation are reported and ignored, never half-applied.
 */
export function resolveSettings(
  overrides: readonly unknown[],
  onInvalid: (index: number, problems: string[]) => void = () => {},
): ReminderSettings {
  let settings: ReminderSettings = DEFAULT_REMINDER_SETTINGS;
  overrides.forEach((raw, index) => {
    const parsed = reminderOverrideSchema.safeParse(raw);
    if (!parsed.success) {
      onInvalid(index, parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`));
      return;
    }
    const merged = reminderSettingsSchema.safeParse({ ...settings, ...parsed.data });
    if (merged.success) settings = merged.data;
    else onInvalid(index, merged.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`));
  });
  return settings;
}
