import type { Logger } from "../../log.js";
import type { HandleResult } from "../../messaging/channel.js";
import type { IncomingMessage } from "../../messaging/message.js";
import { backoffMs, decide, loopDelayMs, wait } from "../retry.js";
import { classify, type ZaloClient } from "./zalo-client.js";
import { decodeEvents, type ZaloEvent } from "./zalo-updates.js";

/** Zalo holds an idle getUpdates this long (the docs' default). */
export const ZALO_POLL_TIMEOUT_S = 30;
/** A polled update cannot be fetched again (no offsets, no ack): retry a failed handling this often first. */
const POLL_HANDLE_RETRIES = 2;

export interface ZaloPollingOptions {
  client: ZaloClient;
  log: Logger;
  pollTimeoutS?: number;
  /** Aborted when the channel stops. */
  signal: AbortSignal;
  incoming(event: ZaloEvent): IncomingMessage | null;
  /** The bot's answer, or undefined when the handler itself threw. */
  handle(msg: IncomingMessage): Promise<HandleResult | undefined>;
  deliver(chatId: string, replies: HandleResult["replies"]): Promise<void>;
  /** The token was refused: polling ends and the channel is dead. */
  die(error: unknown): void;
}

/**
 * The long-poll loop: one update per getUpdates, handled (retried a little when not stored, as it
 * cannot be fetched again), its replies sent, then the next poll. Ends when the channel stops or the
 * token is refused.
 */
export async function pollZalo(options: ZaloPollingOptions): Promise<void> {
  const { client, log, signal } = options;
  const timeoutS = options.pollTimeoutS ?? ZALO_POLL_TIMEOUT_S;
  let failures = 0;
  while (!signal.aborted) {
    let body: unknown;
    try {
      body = await client.getUpdates(timeoutS, signal);
      failures = 0;
    } catch (error) {
      if (signal.aborted) break;
      const decision = decide(classify(error), failures++, client.policy);
      if (decision.action === "fatal") {
        log.fatal({ err: error }, "zalo rejected the bot token; polling stopped (check ZALO_BOT_TOKEN)");
        options.die(error);
        break;
      }
      // A refused poll (a webhook still set, a wrong host) must not spin: wait the longest backoff.
      const delayMs = loopDelayMs(decision, client.policy);
      log.warn({ err: error, delayMs }, "zalo getUpdates failed");
      await wait(delayMs, signal);
      continue;
    }
    for (const event of decodeEvents(body)) await onPolledEvent(options, event);
  }
}

async function onPolledEvent(options: ZaloPollingOptions, event: ZaloEvent): Promise<void> {
  const msg = options.incoming(event);
  if (!msg) return;
  let result: HandleResult | undefined;
  for (let attempt = 0; attempt <= POLL_HANDLE_RETRIES; attempt++) {
    result = await options.handle(msg);
    if (result && result.status !== "failed") break;
    if (attempt < POLL_HANDLE_RETRIES) await wait(backoffMs(attempt, options.client.policy));
  }
  if (result) await options.deliver(msg.chatId, result.replies);
}
