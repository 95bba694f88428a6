import type { Logger } from "../../log.js";
import type { HandleResult } from "../../messaging/channel.js";
import type { IncomingMessage } from "../../messaging/message.js";
import { backoffMs, decide, loopDelayMs, wait } from "../retry.js";
import { MAX_FAILED_ATTEMPTS, waitForDatabase } from "../outage.js";
import type { Inbox } from "../../services/inbox.service.js";
import { classify, type ZaloClient } from "./zalo-client.js";
import { decodeEvents, type ZaloEvent } from "./zalo-updates.js";

/** Zalo holds an idle getUpdates this long (the docs' default). */
export const ZALO_POLL_TIMEOUT_S = 30;

export interface ZaloPollingOptions {
  client: ZaloClient;
  log: Logger;
  pollTimeoutS?: number;
  /** Aborted when the channel stops. */
  signal: AbortSignal;
  incoming(event: ZaloEvent): IncomingMessage | null;
  /** The bot's answer, or undefined when the handler itself threw. */
  handle(msg: IncomingMessage): Promise<HandleResult | undefined>;
  deliver(chatId: string, result: HandleResult): Promise<void>;
  /**
   * Where a fetched update is committed before it is handled (Zalo will not deliver it again).
   * Without one a crash between fetch and handling loses it; webhook mode needs none.
   */
  inbox?: Inbox | undefined;
  /** Whether the database answers (probed while an outage holds updates). */
  ready?: (() => Promise<boolean>) | undefined;
  /** The database is away: tell the chat once that its message will be handled. */
  noteOutage(msg: IncomingMessage): Promise<void>;
  /** A turn was handled: the outage, if any, is over. */
  outageOver(): void;
  /** The token was refused: polling ends and the channel is dead. */
  die(error: unknown): void;
}

/**
 * The long-poll loop: each batch fetched is committed to the inbox first (Zalo forgets what it
 * handed out), then handled one by one until each is (`handlePolled`), its replies sent, then the
 * next poll. Updates a stopped process left in the inbox are handled first. Ends when the channel
 * stops or the token is refused.
 */
export async function pollZalo(options: ZaloPollingOptions): Promise<void> {
  const { client, log, signal } = options;
  const timeoutS = options.pollTimeoutS ?? ZALO_POLL_TIMEOUT_S;
  let failures = 0;
  await drainInbox(options);
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
    const messages = decodeEvents(body)
      .map((event: ZaloEvent) => options.incoming(event))
      .filter((m): m is IncomingMessage => m !== null);
    // While the database is away they are held here (and no more are fetched: those stay with Zalo).
    const committed = await commitToInbox(options, messages);
    for (const msg of messages) await handlePolled(options, msg, committed);
  }
}

/** Updates a stopped process fetched and committed but never handled (handled ones come back as duplicates). */
async function drainInbox(options: ZaloPollingOptions): Promise<void> {
  const { inbox, signal, log } = options;
  if (!inbox) return;
  let left: IncomingMessage[] = [];
  for (let attempt = 0; !signal.aborted; attempt++) {
    try {
      left = await inbox.pending();
      break;
    } catch {
      if (!(await waitForDatabase(options.ready, attempt, signal, log))) return;
    }
  }
  if (left.length > 0) log.info({ updates: left.length }, "zalo updates fetched before a stop: handling them now");
  for (const msg of left) await handlePolled(options, msg, true);
}

async function commitToInbox(options: ZaloPollingOptions, messages: IncomingMessage[]): Promise<boolean> {
  if (!options.inbox || messages.length === 0) return false;
  try {
    await options.inbox.put(messages);
    return true;
  } catch (error) {
    options.log.warn({ err: error }, "zalo updates not committed to the inbox; held in memory");
    return false;
  }
}

/**
 * One polled update, until it is handled: through a database outage it is held and tried again
 * (probing the database, the wait capped at a second); a handling that fails with the database
 * reachable is given up after MAX_FAILED_ATTEMPTS with its honest reply.
 */
async function handlePolled(options: ZaloPollingOptions, msg: IncomingMessage, committed: boolean): Promise<void> {
  const { signal, log } = options;
  let outages = 0;
  for (let failures = 0; !signal.aborted; ) {
    const result = await options.handle(msg);
    if (result?.status === "unavailable") {
      await options.noteOutage(msg);
      if (!(await waitForDatabase(options.ready, outages++, signal, log))) return;
      continue;
    }
    if (!result || result.status === "failed") {
      if (++failures < MAX_FAILED_ATTEMPTS) {
        await wait(backoffMs(failures - 1, options.client.policy), signal);
        continue;
      }
      log.error({ attempts: failures }, "zalo update given up after repeated handling failures");
    } else {
      options.outageOver();
    }
    if (committed && msg.updateId) await options.inbox?.done(msg.updateId).catch(() => {});
    if (result) await options.deliver(msg.chatId, result);
    return;
  }
}
