import { createServer } from "node:http";
import { Writable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decide, DEFAULT_RETRY } from "../../../src/channels/retry.js";
import {
  classify,
  decodeEnvelope,
  sendFailureOf,
  ZaloApiError,
  ZaloClient,
  ZaloNetworkError,
} from "../../../src/channels/zalo/zalo-client.js";
import { createLogger } from "../../../src/log.js";
import { FakeZaloApi } from "../../fakes/zalo-api.js";

const fast = { baseMs: 5, rateLimitMs: 10, maxMs: 40 };

describe("zalo error classification (the one place retries are decided)", () => {
  const api = (code: number, method = "sendMessage") => new ZaloApiError(method, code, "x");

  it("backs off on 429 up to the cap, treats 401 as fatal and 403 as a retryable internal error", () => {
    expect(decide(classify(api(429)), 0)).toEqual({ action: "retry", delayMs: DEFAULT_RETRY.rateLimitMs });
    expect(decide(classify(api(429)), 10)).toEqual({ action: "retry", delayMs: 30_000 });
    expect(decide(classify(api(401)), 0)).toEqual({ action: "fatal" });
    expect(decide(classify(api(403)), 0)).toEqual({ action: "retry", delayMs: 1000 });
    expect(decide(classify(api(403)), 1)).toEqual({ action: "retry", delayMs: 2000 });
    expect(decide(classify(api(502)), 0).action).toBe("retry");
    expect(decide(classify(new ZaloNetworkError("sendMessage", "socket hang up", "ECONNRESET")), 0).action).toBe("retry");
  });

  it("reads 408 on getUpdates as an idle poll, and gives up on our own mistakes", () => {
    expect(classify(api(408, "getUpdates"))).toEqual({ kind: "idle" });
    expect(decide(classify(api(400)), 0)).toEqual({ action: "give_up" });
    expect(decide(classify(api(404)), 0)).toEqual({ action: "give_up" });
    expect(decide(classify(new Error("bug")), 0)).toEqual({ action: "give_up" });
  });

  it("maps errors to the send result kinds the reminders sender acts on", () => {
    expect(sendFailureOf(api(429))).toEqual({ kind: "rate_limited", retryAfterMs: DEFAULT_RETRY.rateLimitMs });
    expect(sendFailureOf(api(404))).toMatchObject({ kind: "unreachable" });
    expect(sendFailureOf(api(403))).toMatchObject({ kind: "transient" });
    expect(sendFailureOf(new ZaloNetworkError("sendMessage", "timeout", "ECONNABORTED"))).toMatchObject({ kind: "transient" });
    expect(sendFailureOf(api(400))).toMatchObject({ kind: "rejected" });
    expect(sendFailureOf(api(401))).toMatchObject({ kind: "rejected" });
  });

  it("decodes the envelope, the errorCode spelling, and refuses what is not one", () => {
    expect(decodeEnvelope('{"ok":false,"errorCode":429,"description":"quota"}')).toEqual({ ok: false, result: undefined, error_code: 429, description: "quota" });
    expect(decodeEnvelope("<html>502 Bad Gateway</html>")).toBeUndefined();
    expect(decodeEnvelope('{"result":1}')).toBeUndefined();
  });
});

describe("zalo client over HTTP", () => {
  let fake: FakeZaloApi;
  let client: ZaloClient;
  beforeAll(async () => {
    fake = await FakeZaloApi.start();
    client = new ZaloClient({ token: fake.token, apiRoot: fake.url, policy: fast });
  });
  afterAll(() => fake.stop());

  it("POSTs JSON to /bot<token>/<method> and returns the result", async () => {
    const me = await client.getMe();
    expect(me).toMatchObject({ id: "1459232241454765289", account_type: "BASIC" });
    const sent = await client.sendMessage({ chat_id: "abc", text: "xin chào" });
    expect(sent.message_id).toMatch(/^[0-9a-f]{20}$/);
    expect(sent.date).toBeGreaterThan(1e11);
    expect(await client.sendChatAction("abc", "typing")).toBeUndefined();
  });

  it("reads an API refusal whatever the HTTP status, with code, method and description", async () => {
    const error = await client.sendMessage({ chat_id: "abc", text: "" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ZaloApiError);
    expect(error).toMatchObject({ method: "sendMessage", code: 400, description: "text must be 1-2000 characters" });
    const unknown = await client.call("sendTemplate", {}).catch((e: unknown) => e);
    expect(unknown).toMatchObject({ code: 404 });
  });

  it("answers an idle long poll with no update after the server's 408", async () => {
    expect(await client.getUpdates(0)).toBeNull();
    expect(fake.calls.at(-1)).toMatchObject({ method: "getUpdates", status: 408 });
  });

  it("retries a 429 and a 403 when asked, then succeeds", async () => {
    fake.failNext("sendMessage", 429);
    fake.failNext("sendMessage", 403);
    const before = fake.sent.length;
    await client.sendMessage({ chat_id: "abc", text: "thử lại" }, { retries: 2 });
    expect(fake.sent.length).toBe(before + 1);
    fake.failNext("sendMessage", 429, "Quota exceeded", 5);
    await expect(client.sendMessage({ chat_id: "abc", text: "x" }, { retries: 1 })).rejects.toMatchObject({ code: 429 });
  });

  it("turns an HTML error page into an API error carrying the HTTP status", async () => {
    const html = createServer((_req, res) => res.writeHead(502, { "content-type": "text/html" }).end("<html>bad gateway</html>"));
    await new Promise<void>((r) => html.listen(0, "127.0.0.1", r));
    const port = (html.address() as { port: number }).port;
    const proxied = new ZaloClient({ token: fake.token, apiRoot: `http://127.0.0.1:${port}`, policy: fast });
    await expect(proxied.getMe()).rejects.toMatchObject({ name: "ZaloApiError", code: 502 });
    await new Promise<void>((r) => html.close(() => r()));
  });

  it("never lets the token into an error message, an error's fields or a log line", async () => {
    const lines: string[] = [];
    const sink = new Writable({ write: (chunk, _enc, done) => (lines.push(String(chunk)), done()) });
    const log = createLogger("debug", [fake.token], sink);
    // A closed port: a network failure whose URL carries the token.
    const dead = new ZaloClient({ token: fake.token, apiRoot: "http://127.0.0.1:1", log, policy: fast });
    const network = await dead.getMe().catch((e: unknown) => e);
    expect(network).toBeInstanceOf(ZaloNetworkError);
    const wrong = new ZaloClient({ token: "999999:not-the-token", apiRoot: fake.url, log, policy: fast });
    const refused = await wrong.getMe().catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: 401 });
    for (const error of [network, refused]) {
      log.error({ err: error }, "call failed");
      expect(JSON.stringify(error)).not.toContain("abc-xyz");
      expect(String((error as Error).message)).not.toContain("abc-xyz");
      expect(String((error as Error).stack)).not.toContain("abc-xyz");
    }
    await client.getMe();
    expect(lines.join("")).not.toContain(fake.token);
    expect(lines.join("")).not.toContain("abc-xyz");
  });
});
