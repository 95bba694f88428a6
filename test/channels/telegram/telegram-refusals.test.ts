import { createServer, type Server } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { envelopeOf, TelegramCallError, TelegramClient } from "../../../src/channels/telegram/telegram-client.js";

const TOKEN = "424242:REFUSALS-token_abcdefghijklmnopq";

/**
 * A Bot API server that answers some methods the way real servers in front of a self-hosted Bot API
 * do when they lack them: not Telegram's envelope, but an HTML page, JSON of its own, or an echo of
 * the URL (which holds the token).
 */
describe("Bot API refusals are logged as what the server said: HTTP status and body, never the token", () => {
  let server: Server;
  let apiRoot = "";
  beforeAll(async () => {
    server = createServer((req, res) => {
      const method = (req.url ?? "").split("/").at(-1);
      if (method === "getMe") return res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ ok: true, result: { id: 424242, is_bot: true, first_name: "Chibo", username: "chibo_bot" } }));
      if (method === "setMyCommands") return res.writeHead(404, { "content-type": "application/json" }).end(JSON.stringify({ detail: "Not Found" }));
      if (method === "setWebhook") return res.writeHead(403, { "content-type": "text/html" }).end(`<html><body>Cannot POST ${req.url}</body></html>`);
      return res.writeHead(400, { "content-type": "application/json" }).end(JSON.stringify({ ok: false, error_code: 400, description: "Bad Request: chat not found" }));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    apiRoot = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const refusal = async (call: (client: TelegramClient) => Promise<unknown>) => {
    const client = new TelegramClient({ token: TOKEN, apiRoot });
    const error = await call(client).then(() => undefined, (e: unknown) => e);
    return new TelegramCallError("x", client.classify(error)).message;
  };

  it("a JSON body of the server's own: its status and body", async () => {
    expect(await refusal((c) => c.setMyCommands([{ command: "toi", description: "Tôi" }], {}))).toBe('Telegram x: rejected 404 HTTP 404: {"detail":"Not Found"}');
  });

  it("an HTML page echoing the URL: its status and text, the token redacted", async () => {
    const message = await refusal((c) => c.setWebhook("https://bot.example.vn/tg", { secret_token: "s3cret", allowed_updates: [] }));
    expect(message).toMatch(/^Telegram x: rejected 403 HTTP 403: <html><body>Cannot POST \/bot<redacted>\/setWebhook<\/body><\/html>$/);
    expect(message).not.toContain("REFUSALS-token");
  });

  it("Telegram's own envelope is read as before", async () => {
    expect(await refusal((c) => c.sendMessage("1", "x"))).toBe("Telegram x: unreachable 400 Bad Request: chat not found");
    expect(await new TelegramClient({ token: TOKEN, apiRoot }).getMe()).toMatchObject({ username: "chibo_bot" });
  });

  it("envelopeOf keeps an envelope, and turns anything else into one", () => {
    expect(envelopeOf(200, '{"ok":true,"result":1}')).toEqual({ ok: true, result: 1 });
    expect(envelopeOf(502, "")).toEqual({ ok: false, error_code: 502, description: "HTTP 502" });
    expect(envelopeOf(500, '{"ok":false}')).toEqual({ ok: false, error_code: 500, description: 'HTTP 500: {"ok":false}' });
  });
});
