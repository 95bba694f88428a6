import { createConcurrentSink, createRunner, createSource, type RunnerHandle, type UpdateSupplier } from "@grammyjs/runner";
import type { Update } from "grammy/types";
import type { Logger } from "../../log.js";
import { backoffMs, decide, loopDelayMs, wait } from "../retry.js";
import { TelegramCallError, type TelegramClient } from "./telegram-client.js";
import { updateSchema } from "./telegram-updates.js";

/** How long an idle getUpdates is held open (grammY's default). */
export const TELEGRAM_POLL_TIMEOUT_S = 30;
/** Update kinds the bot reads; everything else is not even delivered. */
export const ALLOWED_UPDATES = ["message", "callback_query", "my_chat_member"] as const;

/**
 * What became of one update: `done` (handled, a duplicate, ignored, or given up), `retry` (its
 * handling failed: fetch it again after a backoff) or `held` (the database is away and the channel
 * stopped waiting for it: fetch it again, at once).
 */
export type Outcome = "done" | "retry" | "held";

export interface TelegramPollingOptions {
  client: TelegramClient;
  log: Logger;
  pollTimeoutS?: number;
  /** Aborted when the channel stops. */
  signal: AbortSignal;
  /** Run one update through the bot; resolves after its replies went out. */
  submit(update: Update): Promise<void>;
  /** Resolves as soon as the bot's handling of the update settled, before its replies go out. */
  expect(update: Update): Promise<Outcome>;
  outcomeOf(update: Update): Outcome | undefined;
  /** A batch was fetched, before its updates go to `submit` one by one (the channel may start on them together). */
  received?(updates: Update[]): void;
  /** Polling can never work again (token refused, another poller): the channel is dead. */
  die(reason: string): void;
}

/**
 * Polling through `@grammyjs/runner` with our own update supplier. The runner's stock fetcher confirms
 * an offset as soon as it asks for the next batch, while that batch may still be in the handlers, so a
 * crash would lose it. Here the supplier first waits until every update of the previous batch was
 * handled by the bot (its transaction committed, dedupe key included), and only then asks for the
 * next offset; an update whose handling failed keeps the offset below it, so Telegram delivers it
 * again (the handled ones after it come back as duplicates and are skipped). No inbox table is needed:
 * Telegram itself holds the unconfirmed updates for 24 h.
 */
export class TelegramPolling {
  private runner: RunnerHandle | undefined;
  /** The next getUpdates offset: everything below it is handled. */
  private offset = 0;
  private confirmedOffset = 0;

  constructor(private readonly options: TelegramPollingOptions) {}

  start(): void {
    const { log, signal: stopping } = this.options;
    const timeoutS = this.options.pollTimeoutS ?? TELEGRAM_POLL_TIMEOUT_S;
    let previous: { update: Update; done: Promise<Outcome> }[] = [];
    let holds = 0;
    const supplier: UpdateSupplier<Update> = {
      supply: async (batchSize, runnerSignal) => {
        // The runner hands the `abort-controller` polyfill's signal; it behaves like Node's.
        const signal = runnerSignal as unknown as AbortSignal;
        if (previous.length > 0) {
          await Promise.race([Promise.all(previous.map((p) => p.done)), aborted(signal)]);
          if (signal.aborted) throw new Error("stopped");
          let held: Outcome = "done";
          for (const { update } of previous) {
            const outcome = this.options.outcomeOf(update) ?? "done";
            if (outcome !== "done") {
              held = outcome;
              break;
            }
            this.offset = update.update_id + 1;
          }
          previous = [];
          // A database outage was already waited out (probing it) by the channel: no backoff on top.
          if (held === "retry") await wait(backoffMs(holds++, this.options.client.policy), signal);
          else holds = 0;
        }
        const updates = await this.fetch(batchSize, timeoutS, signal);
        previous = updates.map((update) => ({ update, done: this.options.expect(update) }));
        this.options.received?.(updates);
        return updates;
      },
    };
    const source = createSource(supplier);
    const sink = createConcurrentSink(
      { consume: (update: Update) => this.options.submit(update) },
      async (error) => log.error({ err: error instanceof Error ? new Error(error.name) : undefined }, "telegram update handler failed"),
    );
    this.runner = createRunner(source, sink);
    this.runner.start();
    void this.runner.task()?.catch((error) => {
      if (stopping.aborted) return;
      // A refused getUpdates was logged, and the channel declared dead, where it happened.
      if (error instanceof TelegramCallError) return;
      log.fatal({ err: error }, "telegram polling stopped");
      this.options.die(`polling stopped: ${error instanceof Error ? error.name : "error"}`);
    });
  }

  /** Stop fetching, then confirm the handled offset (call once the in-flight updates settled). */
  async stop(): Promise<void> {
    // The runner's stop() gives undefined, not a promise, once polling ended on its own (a fatal error).
    await this.runner?.stop()?.catch(() => {});
  }

  /** Confirm the handled offset on shutdown, so a restart does not fetch that batch again (best effort). */
  async confirmOffset(): Promise<void> {
    if (!this.runner || this.offset <= this.confirmedOffset) return;
    try {
      await this.options.client.getUpdates({ offset: this.offset, limit: 1, timeout: 0 }, { signal: AbortSignal.timeout(2000) });
    } catch {
      // The dedupe keys make the redelivery harmless.
    }
  }

  /** getUpdates, retried per error kind until it answers or the channel stops; fatal errors end polling. */
  private async fetch(batchSize: number, timeoutS: number, signal: AbortSignal): Promise<Update[]> {
    const { client, log } = this.options;
    for (let attempt = 0; ; attempt++) {
      try {
        const updates = await client.getUpdates(
          { offset: this.offset, limit: Math.max(1, Math.min(100, batchSize)), timeout: timeoutS, allowed_updates: [...ALLOWED_UPDATES] },
          { signal },
        );
        this.confirmedOffset = this.offset;
        return updates.filter((u) => updateSchema.safeParse(u).success);
      } catch (error) {
        if (signal.aborted) throw error;
        const failure = client.classify(error);
        if (failure.kind === "fatal") {
          log.fatal(
            { err: new TelegramCallError("getUpdates", failure) },
            "telegram polling stopped: token rejected (401) or another instance polls this bot / a webhook is set (409)",
          );
          this.options.die(failure.detail);
          throw new TelegramCallError("getUpdates", failure);
        }
        const delayMs = loopDelayMs(decide(failure, attempt, client.policy), client.policy);
        log.warn({ err: new TelegramCallError("getUpdates", failure), delayMs }, "telegram getUpdates failed");
        await wait(delayMs, signal);
      }
    }
  }
}

function aborted(signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    signal.addEventListener("abort", () => resolve(), { once: true });
  });
}
