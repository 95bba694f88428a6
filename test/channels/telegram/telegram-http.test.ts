import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import { gzipSync } from "node:zlib";
import { InputFile } from "grammy";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TelegramClient } from "../../../src/channels/telegram/telegram-client.js";

const TOKEN = "535354:HTTP-token_abcdefghijklmnopqrstu";

/** What the server received: per call its method, headers and body as text. */
interface Received {
  method: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/**
 * The Bot API calls as they go over HTTP: a JSON call straight on node:http with a keep-alive agent, an
 * upload through node-fetch; compressed answers, a hung server, a dropped connection.
 */
describe("Telegram calls over HTTP", () => {
  let server: Server;
  let apiRoot = "";
  const received: Received[] = [];
  beforeAll(async () => {
    server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        const method = (req.url ?? "").split("/").at(-1) ?? "";
        const body = Buffer.concat(chunks).toString("utf8");
        received.push({ method, headers: req.headers, body });
        if (method === "hang") return;
        if (method === "reset") return req.socket.destroy();
        const answer = JSON.stringify({ ok: true, result: method === "getMe" ? { id: 535354, is_bot: true, first_name: "Chibo", username: "chibo_bot" } : { echoed: method, bytes: Buffer.byteLength(body) } });
        if (String(req.headers["accept-encoding"]).includes("gzip")) return res.writeHead(200, { "content-type": "application/json", "content-encoding": "gzip" }).end(gzipSync(answer));
        return res.writeHead(200, { "content-type": "application/json" }).end(answer);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    apiRoot = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("sends grammY's JSON payload with its headers and reads a gzip answer, on one kept-alive connection", async () => {
    const client = new TelegramClient({ token: TOKEN, apiRoot });
    const ports = new Set<number>();
    server.on("connection", (socket) => ports.add(socket.remotePort ?? 0));
    expect(await client.getMe()).toMatchObject({ username: "chibo_bot" });
    const text = "<b>Chào</b> đồng chí — 25/27 có mặt";
    const result = await client.sendMessage("42", text, { reply_markup: { inline_keyboard: [[{ text: "Có mặt", callback_data: "rsvp:y" }]] } });
    const sent = received.at(-1) as Received;
    expect(sent.method).toBe("sendMessage");
    expect(sent.headers["content-type"]).toBe("application/json");
    expect(sent.headers.connection).toBe("keep-alive");
    expect(Number(sent.headers["content-length"])).toBe(Buffer.byteLength(sent.body));
    expect(JSON.parse(sent.body)).toEqual({
      chat_id: "42",
      text,
      parse_mode: "HTML",
      link_preview_options: { is_disabled: true },
      reply_markup: { inline_keyboard: [[{ text: "Có mặt", callback_data: "rsvp:y" }]] },
    });
    expect(result).toEqual({ echoed: "sendMessage", bytes: Buffer.byteLength(sent.body) });
    expect(ports.size).toBeLessThanOrEqual(1);
  });

  it("uploads a file as multipart (through node-fetch)", async () => {
    const client = new TelegramClient({ token: TOKEN, apiRoot });
    await client.sendDocument("42", new InputFile(Buffer.from("a,b\n1,2\n"), "bao-cao.csv"));
    const sent = received.at(-1) as Received;
    expect(sent.method).toBe("sendDocument");
    expect(sent.headers["content-type"]).toMatch(/^multipart\/form-data/);
    expect(sent.body).toContain("bao-cao.csv");
    expect(sent.body).toContain("a,b\n1,2\n");
  });

  it("gives up a call the server never answers at its timeout, and names a dropped connection", async () => {
    const client = new TelegramClient({ token: TOKEN, apiRoot, timeoutSeconds: 1 });
    const started = Date.now();
    const hung = await client.call("hang" as never).then(() => undefined, (e: unknown) => e);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(client.classify(hung)).toMatchObject({ kind: "transient" });
    const reset = await client.call("reset" as never).then(() => undefined, (e: unknown) => e);
    const failure = client.classify(reset);
    expect(failure).toMatchObject({ kind: "transient" });
    expect("detail" in failure ? failure.detail : "").toMatch(/ECONNRESET|socket hang up/);
    expect("detail" in failure ? failure.detail : "").not.toContain("HTTP-token");
  });
});
