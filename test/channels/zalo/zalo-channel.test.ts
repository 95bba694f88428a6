import { Writable } from "node:stream";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { HandleResult } from "../../../src/messaging/channel.js";
import type { IncomingMessage } from "../../../src/messaging/message.js";
import type { MessageHandler } from "../../../src/messaging/channel.js";
import { HttpServer } from "../../../src/channels/http-server.js";
import { ZaloChannel, type ZaloChannelOptions } from "../../../src/channels/zalo/zalo-channel.js";
import { ZaloClient } from "../../../src/channels/zalo/zalo-client.js";
import { createLogger, silentLogger } from "../../../src/log.js";
import { FakeZaloApi } from "../../fakes/zalo-api.js";
import { createI18n } from "../../../src/messaging/i18n.js";

const i18n = createI18n();

const fast = { baseMs: 5, rateLimitMs: 10, maxMs: 40 };
const SECRET = "webhook-secret-123";
const handled = (text: string, title?: string): HandleResult => ({ status: "handled", replies: [{ text, ...(title ? { title } : {}) }] });

describe("zalo channel against the fake Zalo API", () => {
  let fake: FakeZaloApi;
  let channel: ZaloChannel | undefined;
  let server: HttpServer | undefined;

  const make = (handler: MessageHandler, extra: Partial<ZaloChannelOptions> = {}, apiRoot = fake.url) => {
    const client = new ZaloClient({ token: fake.token, apiRoot, policy: fast });
    channel = new ZaloChannel({ client, handler, log: silentLogger(), pollTimeoutS: 1, ...extra });
    return channel;
  };

  beforeAll(async () => {
    fake = await FakeZaloApi.start({ allowHttpWebhookOnLoopback: true });
  });
  afterEach(async () => {
    await channel?.stop();
    await server?.stop();
    channel = undefined;
    server = undefined;
    fake.options.rejectTextStyles = false;
    fake.tokenRevoked = false;
    await new ZaloClient({ token: fake.token, apiRoot: fake.url }).deleteWebhook();
  });
  afterAll(() => fake.stop());

  describe("send (the reminders sender's entry point)", () => {
    it("returns ok, or the failure kind, and never throws", async () => {
      const ch = make(async () => handled(""));
      expect(await ch.send("chat-1", [{ text: "Nhắc họp chi bộ tối nay 19:30" }])).toEqual({ ok: true });
      expect(fake.textsTo("chat-1")).toEqual(["Nhắc họp chi bộ tối nay 19:30"]);
      fake.failNext("sendMessage", 429);
      expect(await ch.send("chat-1", [{ text: "x" }])).toEqual({ ok: false, kind: "rate_limited", retryAfterMs: fast.rateLimitMs });
      fake.failNext("sendMessage", 404, "User not found");
      expect(await ch.send("chat-1", [{ text: "x" }])).toMatchObject({ ok: false, kind: "unreachable" });
      fake.failNext("sendMessage", 403);
      expect(await ch.send("chat-1", [{ text: "x" }])).toMatchObject({ ok: false, kind: "transient" });
      fake.failNext("sendMessage", 401);
      expect(await ch.send("chat-1", [{ text: "x" }])).toMatchObject({ ok: false, kind: "rejected" });
      // A 401 is the token revoked: the channel says it is dead, so chibo start can exit.
      await expect(ch.dead).resolves.toEqual({ channel: "zalo", reason: expect.stringMatching(/^401 /) });
      const dead = make(async () => handled(""), {}, "http://127.0.0.1:1");
      const result = await dead.send("chat-1", [{ text: "x" }]);
      expect(result).toMatchObject({ ok: false, kind: "transient" });
      expect(JSON.stringify(result)).not.toContain("abc-xyz");
    });

    it("bolds titles with text_styles when enabled, and falls back to plain text on a 400", async () => {
      const ch = make(async () => handled(""), { styles: true });
      await ch.send("chat-2", [{ title: "Họp chi bộ", text: "Tối nay 19:30" }]);
      expect(fake.sent.at(-1)?.payload.text_styles).toEqual([{ start: 0, len: 10, st: ["b"] }]);
      fake.options.rejectTextStyles = true;
      expect(await ch.send("chat-3", [{ title: "Họp chi bộ", text: "Tối nay 19:30" }])).toEqual({ ok: true });
      const last = fake.sent.at(-1);
      expect(last).toMatchObject({ chatId: "chat-3", text: "Họp chi bộ\nTối nay 19:30" });
      expect(last?.payload.text_styles).toBeUndefined();
      expect(fake.calls.filter((c) => c.method === "sendMessage").slice(-2).map((c) => c.status)).toEqual([400, 200]);
    });
  });

  describe("polling", () => {
    it("retries a failed handling before answering, since a polled update cannot be fetched again", async () => {
      const seen: IncomingMessage[] = [];
      const ch = make(async (msg) => {
        seen.push(msg);
        return seen.length === 1 ? { status: "failed", replies: [{ text: "lỗi" }] } : handled("đã nhận");
      });
      await ch.start();
      await fake.waitForIdlePoll();
      fake.enqueue(fake.textEvent("u-poll", "/toi"));
      await fake.waitForSent((s) => s.chatId === "u-poll");
      expect(seen).toHaveLength(2);
      expect(seen[0]?.updateId).toBe(seen[1]?.updateId);
      expect(fake.textsTo("u-poll")).toEqual(["đã nhận"]);
    });

    it("holds a polled update through a database outage, says once that it will be handled, and answers it after", async () => {
      let down = true;
      const seen: string[] = [];
      const ch = make(
        async (msg) => {
          seen.push(msg.text ?? "");
          return down ? { status: "unavailable", replies: [] } : handled(`đã nhận ${msg.text}`);
        },
        { i18n, ready: async () => !down },
      );
      await ch.start();
      await fake.waitForIdlePoll();
      fake.enqueue(fake.textEvent("u-out", "một"));
      fake.enqueue(fake.textEvent("u-out", "hai"));
      await fake.waitForSent((s) => s.chatId === "u-out");
      down = false;
      await fake.waitForSent((s) => s.chatId === "u-out" && s.text === "đã nhận hai");
      expect(fake.textsTo("u-out")).toEqual([i18n.t("vi", "busy-will-handle"), "đã nhận một", "đã nhận hai"]);
      expect(fake.textsTo("u-out").join(" ")).not.toMatch(/gửi lại sau/);
    });

    it("tells the shared send limiter of a delivered reply, not of the sender's own sends", async () => {
      const repliedTo: string[] = [];
      const ch = make(async () => handled("đã nhận"), { onReplySent: (chatId) => repliedTo.push(chatId) });
      await ch.start();
      await fake.waitForIdlePoll();
      fake.enqueue(fake.textEvent("u-limit", "/toi"));
      await fake.waitForSent((s) => s.chatId === "u-limit");
      // The record follows the send: wait for it (bounded), then check it came once.
      for (let i = 0; i < 200 && repliedTo.length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 10));
      expect(repliedTo).toEqual(["u-limit"]);
      expect(await ch.send("u-other", [{ text: "Nhắc họp" }])).toEqual({ ok: true });
      expect(repliedTo).toEqual(["u-limit"]);
    });

    it("stops polling for good on a 401, logging it as fatal without the token", async () => {
      const lines: string[] = [];
      let sawFatal!: () => void;
      const fatal = new Promise<void>((resolve) => (sawFatal = resolve));
      const sink = new Writable({
        write: (chunk, _enc, done) => {
          lines.push(String(chunk));
          if (String(chunk).includes('"level":60')) sawFatal();
          done();
        },
      });
      const log = createLogger("info", [fake.token], sink);
      const client = new ZaloClient({ token: fake.token, apiRoot: fake.url, policy: fast, log });
      channel = new ZaloChannel({ client, handler: async () => handled(""), log, pollTimeoutS: 1 });
      await channel.start();
      await fake.waitForIdlePoll();
      fake.tokenRevoked = true;
      fake.enqueue(fake.textEvent("u-401", "/toi")); // answers the held poll; the next one gets 401
      await fatal;
      const polls = fake.calls.filter((c) => c.method === "getUpdates").length;
      await channel.stop();
      expect(fake.calls.filter((c) => c.method === "getUpdates").length).toBe(polls);
      expect(lines.join("")).toContain("polling stopped");
      expect(lines.join("")).not.toContain("abc-xyz");
      await expect(channel.dead).resolves.toEqual({ channel: "zalo", reason: expect.stringMatching(/^401 /) });
    });

    it("refuses to start with a revoked token, saying what to check", async () => {
      fake.tokenRevoked = true;
      await expect(make(async () => handled("")).start()).rejects.toThrow(/ZALO_BOT_TOKEN/);
    });
  });

  describe("webhook", () => {
    const webhookChannel = async (handler: MessageHandler) => {
      server = new HttpServer(0, silentLogger());
      await server.start();
      const url = `http://127.0.0.1:${server.boundPort}/zalo/hook`;
      const ch = make(handler, { webhook: { url, secret: SECRET, server } });
      await ch.start();
      return ch;
    };
    const post = (body: string, secret = SECRET) =>
      fetch(`http://127.0.0.1:${server!.boundPort}/zalo/hook`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-bot-api-secret-token": secret },
        body,
      });

    it("answers 5xx when the handling was not stored, so Zalo may deliver again, and tells no one to resend", async () => {
      let calls = 0;
      await webhookChannel(async () => {
        calls += 1;
        if (calls === 1) return { status: "unavailable", replies: [] };
        if (calls === 2) throw new Error("boom");
        return handled("đã nhận");
      });
      const event = fake.textEvent("u-hook", "/toi");
      expect((await fake.push(event, { redeliverOnError: 2 })).map((r) => r.status)).toEqual([500, 500, 200]);
      await fake.waitForSent((s) => s.chatId === "u-hook" && s.text === "đã nhận");
      // It was handled in the end: the only answer is the real one.
      expect(fake.textsTo("u-hook")).toEqual(["đã nhận"]);
    });

    it("gives up a handling that fails with the database reachable after a few tries, with its honest reply", async () => {
      await webhookChannel(async () => ({ status: "failed", replies: [{ text: "không thực hiện được" }] }));
      const event = fake.textEvent("u-bug", "/toi");
      expect((await fake.push(event, { redeliverOnError: 5 })).map((r) => r.status)).toEqual([500, 500, 200]);
      await fake.waitForSent((s) => s.chatId === "u-bug");
      expect(fake.textsTo("u-bug")).toEqual(["không thực hiện được"]);
    });

    it("refuses bad JSON with 400, and acknowledges unknown or malformed events without a reply", async () => {
      let calls = 0;
      await webhookChannel(async () => {
        calls += 1;
        return handled("x");
      });
      expect((await post("{not json")).status).toBe(400);
      expect((await post(JSON.stringify({ ok: true, result: { event_name: "message.reaction.received", message: { message_id: "m", from: { id: "a" }, chat: { id: "a" } } } }))).status).toBe(200);
      expect((await post(JSON.stringify({ hello: "world" }))).status).toBe(200);
      expect((await post("{}", "x".repeat(SECRET.length))).status).toBe(403);
      expect(calls).toBe(0);
    });

    it("refuses to start without a secret of 8+ characters, or when Zalo refuses the URL", async () => {
      server = new HttpServer(0, silentLogger());
      const short = make(async () => handled(""), { webhook: { url: "https://example.org/hook", secret: "short", server } });
      await expect(short.start()).rejects.toThrow(/ZALO_WEBHOOK_SECRET/);
      const strict = await FakeZaloApi.start();
      try {
        const http = make(async () => handled(""), { webhook: { url: "http://127.0.0.1:9/hook", secret: SECRET, server } }, strict.url);
        await expect(http.start()).rejects.toMatchObject({ code: 400, description: "url must be a valid HTTPS URL" });
        expect(strict.webhook).toBeNull();
      } finally {
        await strict.stop();
      }
    });
  });
});
