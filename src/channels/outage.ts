import { setMaxListeners } from "node:events";
import type { Logger } from "../log.js";
import { backoffMs, wait } from "./retry.js";

/**
 * While the database is away an update is waited out, never failed: the probe runs this often
 * (doubling from 100 ms, at most 1 s), so chats resume within about a second of its return.
 */
export const OUTAGE_BACKOFF: { baseMs: number; maxMs: number } = { baseMs: 100, maxMs: 1000 };
/** A handling that fails with the database reachable (a bug) is tried this many times, then given up honestly. */
export const MAX_FAILED_ATTEMPTS = 3;
/** Chats remembered as told of the current outage; beyond it the note may be said twice, never lost. */
const MAX_NOTED_CHATS = 10_000;

/**
 * Which chats were told "the system is interrupted; your message will be handled" in the current
 * outage: each at most once, and again only in a later outage.
 */
export class OutageNotes {
  private readonly noted = new Set<string>();

  /** Whether to tell this chat now (the first time in this outage). */
  first(chatId: string): boolean {
    if (this.noted.has(chatId)) return false;
    if (this.noted.size >= MAX_NOTED_CHATS) this.noted.clear();
    this.noted.add(chatId);
    return true;
  }

  /** A turn was handled: the outage is over. */
  over(): void {
    if (this.noted.size > 0) this.noted.clear();
  }
}

/**
 * A channel's stop: every update held through an outage waits on its signal at once, so it has as many listeners as
 * updates held (a batch of a hundred is no leak, and Node's warning past ten would only alarm whoever reads the log).
 */
export function channelStop(): AbortController {
  const stop = new AbortController();
  setMaxListeners(0, stop.signal);
  return stop;
}

/**
 * Wait until the database answers `ready`, probing with OUTAGE_BACKOFF; resolves false if `signal`
 * aborts first. `attempt` counts the waits of this outage (the backoff grows with it, capped).
 */
export async function waitForDatabase(ready: (() => Promise<boolean>) | undefined, attempt: number, signal: AbortSignal, log: Logger): Promise<boolean> {
  if (attempt === 0) log.warn("database unavailable: holding updates until it answers");
  for (let i = attempt; !signal.aborted; i++) {
    await wait(backoffMs(i, OUTAGE_BACKOFF), signal);
    if (signal.aborted) break;
    if (!ready || (await ready().catch(() => false))) return true;
  }
  return false;
}
