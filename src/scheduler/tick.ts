import { schedule, type ScheduledTask } from "node-cron";
import { claimSlot, finishSlot, lastFinishedSlot } from "../db/schedule.repository.js";
import { localClock, localInstant, minutesOf } from "../domain/schedule/local-time.js";
import type { Db } from "../db/schema.js";
import type { Logger } from "../log.js";
import { planIntoOutbox } from "../services/planner.service.js";
import { applyRetention } from "../services/retention.service.js";

export const PLAN_JOB = "plan";
export const PRUNE_JOB = "prune";
/** The daily clean-up runs at the first tick from this local time on (a quiet hour). */
export const PRUNE_AT = "03:00";
const MINUTE_MS = 60_000;

export interface TickOptions {
  db: Db;
  tz: string;
  log: Logger;
  /** Told after each slot that wrote new rows (the sender drains them). */
  onPlanned?: () => void;
  now?: () => Date;
}

export interface SlotResult {
  slot: Date;
  claimed: boolean;
  planned: number;
  inserted: number;
}

/**
 * The scheduler's clock: node-cron fires every minute (Asia/Ho_Chi_Minh) in every instance; each
 * minute's slot is claimed once in the database, and the planner covers everything that became due
 * since the last finished slot, so minutes missed while no instance ran are caught up (stale ones
 * skipped by the planner). Cron is only the tick: schedules are domain data (stack.md pitfall 5).
 */
export class SchedulerTick {
  private task: ScheduledTask | undefined;
  private readonly now: () => Date;
  private busy: Promise<unknown> = Promise.resolve();

  constructor(private readonly options: TickOptions) {
    this.now = options.now ?? (() => new Date());
  }

  /** Claim and run the slot of the current minute; a slot another instance claimed is left to it. */
  async runSlot(at: Date = this.now()): Promise<SlotResult> {
    const { db, tz, log } = this.options;
    const slot = new Date(Math.floor(at.getTime() / MINUTE_MS) * MINUTE_MS);
    const last = await lastFinishedSlot(db, PLAN_JOB);
    const claimedAt = this.now();
    if (!(await claimSlot(db, PLAN_JOB, slot, claimedAt))) return { slot, claimed: false, planned: 0, inserted: 0 };
    // Everything that became due since the previous run claimed its slot: its snapshot was read after that.
    const since = last?.claimedAt;
    const { planned, inserted } = await planIntoOutbox(db, { now: claimedAt, ...(since ? { since } : {}), tz, log });
    await finishSlot(db, PLAN_JOB, slot, this.now(), inserted);
    if (last && slot.getTime() - last.slot.getTime() > 5 * MINUTE_MS) {
      log.info({ missedMinutes: Math.round((slot.getTime() - last.slot.getTime()) / MINUTE_MS) - 1 }, "caught up missed scheduler slots");
    }
    if (inserted > 0) {
      log.info({ planned, inserted }, "reminders planned");
      this.options.onPlanned?.();
    }
    await this.pruneOncePerDay(at);
    return { slot, claimed: true, planned, inserted };
  }

  /** Once a local day, from 03:00 on: clear rows that have done their job (one instance does it). */
  async pruneOncePerDay(at: Date = this.now()): Promise<boolean> {
    const { db, tz, log } = this.options;
    const clock = localClock(at, tz);
    if (clock.minutes < minutesOf(PRUNE_AT)) return false;
    const slot = localInstant(clock.date, PRUNE_AT, tz);
    if (!(await claimSlot(db, PRUNE_JOB, slot, this.now()))) return false;
    const removed = await applyRetention(db, at);
    await finishSlot(db, PRUNE_JOB, slot, this.now(), Object.values(removed).reduce((a, b) => a + b, 0));
    log.info(removed, "old rows cleared");
    return true;
  }

  /** Start ticking every minute. Idempotent. */
  start(): void {
    if (this.task) return;
    this.task = schedule(
      "* * * * *",
      () => {
        this.busy = this.runSlot().catch((err) => this.options.log.error({ err }, "scheduler slot failed"));
        return this.busy;
      },
      { timezone: this.options.tz, noOverlap: true, name: "chibo-plan" },
    );
    // Catch up at once rather than waiting for the first minute boundary.
    this.busy = this.runSlot().catch((err) => this.options.log.error({ err }, "scheduler catch-up failed"));
  }

  /** Stop ticking and wait for a running slot. Idempotent. */
  async stop(): Promise<void> {
    const task = this.task;
    this.task = undefined;
    if (task) await task.destroy();
    await this.busy;
  }
}
