import { describe, expect, it } from "vitest";
import { backoffMs, DEFAULT_BACKOFF, wait } from "../../src/channels/retry.js";
import { decide, DEFAULT_RETRY_POLICY, ZaloNetworkError } from "../../src/channels/zalo/zalo-client.js";

describe("retry waits shared by the channels", () => {
  it("doubles from the base and never exceeds the cap, whatever the attempt", () => {
    expect([0, 1, 2, 3, 4, 5, 6].map((a) => backoffMs(a))).toEqual([1000, 2000, 4000, 8000, 16_000, 30_000, 30_000]);
    expect(backoffMs(-3)).toBe(DEFAULT_BACKOFF.baseMs);
    expect(backoffMs(10_000)).toBe(DEFAULT_BACKOFF.maxMs);
    expect(backoffMs(10_000, { baseMs: 0, maxMs: 5 })).toBe(0);
    expect(backoffMs(1, { baseMs: 5000, maxMs: 30_000 })).toBe(10_000);
  });

  it("waits after Zalo's network errors by the same doubling", () => {
    const network = new ZaloNetworkError("getUpdates", "socket hang up", "ECONNRESET");
    for (let attempt = 0; attempt < 8; attempt++) {
      expect(decide(network, attempt, DEFAULT_RETRY_POLICY)).toEqual({ action: "retry", delayMs: backoffMs(attempt) });
    }
  });

  it("ends a wait as soon as its signal aborts", async () => {
    const controller = new AbortController();
    const waiting = wait(3_600_000, controller.signal);
    controller.abort();
    await expect(waiting).resolves.toBeUndefined();
    await expect(wait(3_600_000, controller.signal)).resolves.toBeUndefined();
  });
});
