import { describe, expect, it } from "vitest";
import { channelStop } from "../../src/channels/outage.js";
import { wait } from "../../src/channels/retry.js";

async function leakWarnings(stop: AbortController, held: number): Promise<string[]> {
  const warnings: string[] = [];
  const onWarning = (w: Error): void => void warnings.push(w.name);
  process.on("warning", onWarning);
  try {
    // Every update held through an outage waits on the channel's stop at once.
    const waits = Array.from({ length: held }, () => wait(60_000, stop.signal));
    stop.abort();
    await Promise.all(waits);
    await new Promise((resolve) => setImmediate(resolve));
  } finally {
    process.off("warning", onWarning);
  }
  return warnings.filter((name) => name === "MaxListenersExceededWarning");
}

describe("a channel's stop", () => {
  it("lets a hundred held updates wait on it without a listener-leak warning in the log", async () => {
    expect(await leakWarnings(channelStop(), 100)).toEqual([]);
  });

  it("is needed: a plain abort controller warns past ten waiting updates", async () => {
    expect(await leakWarnings(new AbortController(), 100)).toEqual(["MaxListenersExceededWarning"]);
  });
});
