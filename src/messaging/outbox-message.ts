import { z } from "zod";

/**
 * What an outbox row may carry: one zod schema per message kind. The row is checked when it is
 * written (`db/outbox.repository`, `db/announcement.repository`) and when the sender reads it back,
 * so the renderer only ever sees a payload of its kind's shape. A payload holds data only; every
 * word the reader sees comes from `locales/` (`outbox-render.ts`).
 */
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const text = z.string().max(4000);

/** A cell's meeting, as every meeting notice carries it. */
const meeting = z.object({
  cell: text,
  /** `<orgId>:<date>`: what the RSVP buttons answer. */
  meeting: z.string().regex(/^\d+:\d{4}-\d{2}-\d{2}$/),
  date: isoDate,
  time: z.string().regex(/^\d{2}:\d{2}$/),
  place: text.nullable(),
  agenda: text.nullable(),
  kind: z.string().max(32),
});
const step = z.string().max(16);
/** A Fluent id part (`holiday-<id>`). */
const holiday = z.string().regex(/^[a-z0-9_-]{1,32}$/);
const report = z.object({ cell: text, form: z.string().max(64), period: z.string().max(16), dueDate: isoDate });
const count = z.number().int().nonnegative();

export const OUTBOX_PAYLOADS = {
  "meeting.reminder": meeting.extend({ step }),
  "meeting.changed": meeting.extend({ regularDate: isoDate, reason: text.nullable() }),
  "meeting.cancelled": meeting.extend({ regularDate: isoDate, reason: text.nullable() }),
  "meeting.holiday": meeting.extend({ holiday, suggested: isoDate }),
  "meeting.thematic": z.object({ cell: text, quarter: z.string().regex(/^\d{4}-Q[1-4]$/) }),
  "report.due": report.extend({ step, overdue: z.boolean() }),
  "report.overdue_cadre": report.extend({ step, overdue: z.boolean() }),
  "report.digest": z.object({ commune: text, form: z.string().max(64), period: z.string().max(16), dueDate: isoDate, count, cells: text }),
  // The day after a deadline (#14.5): who has not reported, to a commune's office and cadres (`followed`:
  // only the cells the reader follows) and, one line per commune, to the province office.
  "digest.commune": z.object({ commune: text, form: z.string().max(64), period: z.string().max(16), dueDate: isoDate, cells: count, count, missing: text, followed: z.boolean(), only: z.array(z.number().int().positive()).max(500).optional() }),
  "digest.province": z.object({
    province: text,
    form: z.string().max(64),
    period: z.string().max(16),
    dueDate: isoDate,
    cells: count,
    count,
    communes: z.array(z.object({ commune: text, cells: count, missing: count })).max(500),
  }),
  // A cell's group chat: the cell's meeting only, never a person's answer or a free-text reason.
  "group.meeting.reminder": meeting.extend({ step }),
  "group.meeting.changed": meeting.extend({ regularDate: isoDate }),
  "group.meeting.cancelled": meeting.extend({ regularDate: isoDate }),
  "group.meeting.holiday": meeting.extend({ holiday }),
  // To the secretary: a probationer's year ends soon (the one notice that names a member).
  "member.probation_due": z.object({ cell: text, name: text, admittedOn: isoDate, endsOn: isoDate }),
  // To the cell's leaders only (never a group chat): a candidate's awareness-class certificate lapses before admission.
  "candidate.certificate_due": z.object({ cell: text, name: text, certificateOn: isoDate, expiresOn: isoDate }),
  // To a resolution task's owner (or the cell's leaders): the task is due soon.
  "task.due": z.object({ cell: text, task: text, owner: text.nullable(), dueDate: isoDate, step }),
  // To the person who asked for a correction of their data: how the request ended (Law 91/2025/QH15).
  "correction.answered": z.object({ id: z.number().int().positive(), request: text, outcome: z.enum(["done", "declined"]), answer: text }),
  // To a person's other accounts: one more account was just linked to them (a forwarded code in the wrong hands shows here).
  "account.linked": z.object({ channel: z.enum(["telegram", "zalo", "console"]), at: z.string().datetime() }),
  // To the province office: so many wrong invite codes that guessing is slowed (scope and numbers only, no account, no code).
  "link.alert": z.object({ channel: z.enum(["telegram", "zalo", "console"]).nullable(), failures: count, minutes: count, perAccount: count, until: z.string().datetime() }),
  announcement: z.object({ announcement: z.number().int().positive(), from: text, text }),
  "announcement.stats": z.object({
    announcement: z.number().int().positive(),
    org: text,
    recipients: count,
    sent: count,
    unreachable: count,
    unlinked: count,
    pending: count,
  }),
} as const;

/** The meeting every meeting notice carries. */
export type MeetingPayload = z.infer<typeof meeting>;

export type OutboxKind = keyof typeof OUTBOX_PAYLOADS;
export const OUTBOX_KINDS = Object.keys(OUTBOX_PAYLOADS) as OutboxKind[];
export type OutboxPayload<K extends OutboxKind> = z.infer<(typeof OUTBOX_PAYLOADS)[K]>;

/** A kind with its payload, the one a renderer switches on. */
export type OutboxMessage = { [K in OutboxKind]: { kind: K; payload: OutboxPayload<K> } }[OutboxKind];

export function isOutboxKind(kind: string): kind is OutboxKind {
  return Object.hasOwn(OUTBOX_PAYLOADS, kind);
}

/** An outbox row that does not hold what its kind says: never written, and never sent if found. */
export class OutboxPayloadError extends Error {
  override readonly name = "OutboxPayloadError";
  constructor(
    readonly kind: string,
    /** Field paths and problems only, never the values (they may hold names). */
    readonly problems: string[],
  ) {
    super(`outbox payload of kind ${kind} is invalid: ${problems.join("; ")}`);
  }
}

/**
 * Check a kind and its payload (unknown keys are dropped).
 *
 * @example checkOutboxMessage("meeting.thematic", { cell: "Chi bộ 1", quarter: "2025-Q4" })
 */
export function checkOutboxMessage(kind: string, payload: unknown): OutboxMessage {
  if (!isOutboxKind(kind)) throw new OutboxPayloadError(kind, ["unknown kind"]);
  const parsed = OUTBOX_PAYLOADS[kind].safeParse(payload);
  if (!parsed.success) throw new OutboxPayloadError(kind, parsed.error.issues.map((i) => `${i.path.join(".") || "(payload)"}: ${i.message}`));
  return { kind, payload: parsed.data } as OutboxMessage;
}
