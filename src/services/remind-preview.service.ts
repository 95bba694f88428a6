import { noReachReasons, type NoReachReason } from "../db/channel-pref.repository.js";
import { namesOfPeople } from "../db/person.repository.js";
import { statusOfKeys } from "../db/outbox.repository.js";
import type { OutboxStatus } from "../db/outbox.table.js";
import type { Db } from "../db/schema.js";
import { checkOutboxMessage, type OutboxMessage } from "../messaging/outbox-message.js";
import { planMessages, type PlanOptions, type RoutedMessage } from "./planner.service.js";

/** Due before the minute of the instant: a tick at that minute plans it only after downtime (catch-up). */
const CATCH_UP_MS = 60_000;

/** What a real run at the same instant does with a planned message. */
export type PlanFate =
  /** A new outbox row, sent by the running bot. */
  | "new"
  /** The key is in the outbox already (an earlier run or tick): nothing new is written. */
  | "queued"
  /** Written as `skipped`: the person has no messenger account a reminder can go to (`noReach` says why). */
  | "unlinked";

export interface PreviewRow {
  planned: RoutedMessage;
  /** The kind and payload as the outbox checks and the sender renders them. */
  message: OutboxMessage;
  /** The person's name; null for a group chat's copy. */
  name: string | null;
  /** Due before the instant's minute: only sent now because no tick ran since (downtime). */
  catchUp: boolean;
  fate: PlanFate;
  /** The stored row's status when the key is already in the outbox. */
  stored: OutboxStatus | null;
  /**
   * Why a person's message cannot go out (`to` is null): no account at all, only the console (which
   * takes no reminders, though `/toi` lists it as linked), or a messenger account that takes no messages.
   */
  noReach: NoReachReason | null;
}

/**
 * What a real run at `options.now` would plan, message by message, with whom it is for and what a
 * real run does with it (new row, already in the outbox, not sent for want of an account), so the
 * dry run and the real run at one instant tell the same story (#19.12). Reads only.
 */
export async function previewPlan(db: Db, options: PlanOptions): Promise<PreviewRow[]> {
  const planned = await planMessages(db, options);
  const [names, stored, reasons] = await Promise.all([
    namesOfPeople(db, planned.flatMap((m) => (m.personId === null ? [] : [m.personId]))),
    statusOfKeys(db, planned.map((m) => m.key)),
    noReachReasons(db, planned.flatMap((m) => (m.personId !== null && m.to === null ? [m.personId] : []))),
  ]);
  return planned.map((m) => {
    const status = stored.get(m.key) ?? null;
    return {
      planned: m,
      message: checkOutboxMessage(m.kind, m.payload),
      name: m.personId === null ? null : (names.get(m.personId) ?? null),
      catchUp: m.dueAt.getTime() <= options.now.getTime() - CATCH_UP_MS,
      fate: status !== null ? "queued" : m.to === null ? "unlinked" : "new",
      stored: status,
      noReach: m.personId !== null && m.to === null ? (reasons.get(m.personId) ?? "none") : null,
    };
  });
}

/** How many of a plan's messages a real run writes anew, finds already queued, or stores unsent for want of an account. */
export function fateCounts(rows: readonly Pick<PreviewRow, "fate">[]): Record<PlanFate, number> {
  const counts: Record<PlanFate, number> = { new: 0, queued: 0, unlinked: 0 };
  for (const r of rows) counts[r.fate]++;
  return counts;
}
