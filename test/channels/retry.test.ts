import { describe, expect, it } from "vitest";
import { asSendFailure, backoffMs, decide, DEFAULT_RETRY, loopDelayMs, wait } from "../../src/channels/retry.js";
import { classify as classifyTelegram } from "../../src/channels/telegram/telegram-client.js";
import { classify as classifyZalo, ZaloNetworkError } from "../../src/channels/zalo/zalo-client.js";

describe("retry waits shared by the channels", () => {
  it("doubles from the base and never exceeds the cap, whatever the attempt", () => {
    expect([0, 1, 2, 3, 4, 5, 6].map((a) => backoffMs(a))).toEqual([1000, 2000, 4000, 8000, 16_000, 30_000, 30_000]);
    expect(backoffMs(-3)).toBe(DEFAULT_RETRY.baseMs);
    expect(backoffMs(10_000)).toBe(DEFAULT_RETRY.maxMs);
    expect(backoffMs(10_000, { baseMs: 0, maxMs: 5 })).toBe(0);
    expect(backoffMs(1, { baseMs: 5000, maxMs: 30_000 })).toBe(10_000);
  });

  it("waits after Zalo's network errors by the same doubling", () => {
    const network = new ZaloNetworkError("getUpdates", "socket hang up", "ECONNRESET");
    for (let attempt = 0; attempt < 8; attempt++) {
      expect(decide(classifyZalo(network), attempt, DEFAULT_RETRY)).toEqual({ action: "retry", delayMs: backoffMs(attempt) });
    }
  });

  it("decides by kind alike for both platforms: a named wait as given, else the doubling, and the longest wait for a loop that must not spin", () => {
    expect(decide({ kind: "rate_limited", retryAfterMs: 35_000 }, 0)).toEqual({ action: "retry", delayMs: 35_000 });
    expect([0, 1, 2, 5, 9].map((a) => decide({ kind: "transient" }, a))).toEqual([1000, 2000, 4000, 30_000, 30_000].map((delayMs) => ({ action: "retry", delayMs })));
    expect([0, 1, 3].map((a) => decide({ kind: "rate_limited" }, a))).toEqual([5000, 10_000, 30_000].map((delayMs) => ({ action: "retry", delayMs })));
    expect(decide({ kind: "fatal" }, 0)).toEqual({ action: "fatal" });
    expect(decide({ kind: "unreachable" }, 0)).toEqual({ action: "give_up" });
    expect(decide({ kind: "not_modified" }, 0)).toEqual({ action: "give_up" });
    expect(loopDelayMs(decide({ kind: "rejected" }, 0))).toBe(DEFAULT_RETRY.maxMs);
    expect(loopDelayMs(decide({ kind: "transient" }, 1))).toBe(2000);
    expect(asSendFailure({ kind: "rate_limited" })).toEqual({ kind: "rate_limited", retryAfterMs: DEFAULT_RETRY.rateLimitMs });
    expect(classifyTelegram(new Error("socket hang up")).kind).toBe(classifyZalo(new ZaloNetworkError("sendMessage", "socket hang up", "ECONNRESET")).kind);
  });

  it("ends a wait as soon as its signal aborts", async () => {
    const controller = new AbortController();
    const waiting = wait(3_600_000, controller.signal);
    controller.abort();
    await expect(waiting).resolves.toBeUndefined();
    await expect(wait(3_600_000, controller.signal)).resolves.toBeUndefined();
  });
});
