import { Agent, request } from "node:http";
import { connect } from "node:net";
import { afterAll, beforeAll, expect, it, describe } from "vitest";
import { HttpServer, MAX_BODY_BYTES } from "../../src/channels/http-server.js";
import { silentLogger } from "../../src/log.js";

const SECRET = "s3cret-token";

/** Send a request's head (and optionally part of its body) over a raw socket; resolve with the status line. */
function rawRequest(port: number, head: string, bodyPart = ""): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, "127.0.0.1", () => socket.write(head + bodyPart));
    let data = "";
    socket.on("data", (d) => {
      data += d.toString("latin1");
      if (data.includes("\r\n")) {
        resolve(data.split("\r\n")[0] as string);
        socket.destroy();
      }
    });
    socket.on("error", reject);
    socket.on("close", () => resolve(data.split("\r\n")[0] ?? ""));
  });
}

describe("the webhook server reads a body only for a request that knows the secret", () => {
  const server = new HttpServer(0, silentLogger());
  const bodies: string[] = [];

  beforeAll(async () => {
    server.route(
      "/hook",
      async (_req, body, res) => {
        bodies.push(body.toString("utf8"));
        res.writeHead(200).end();
      },
      (req) => (req.headers["x-secret"] === SECRET ? undefined : { status: 401 }),
    );
    await server.start();
  });
  afterAll(() => server.stop());

  const head = (secret: string | null, length: number) =>
    `POST /hook HTTP/1.1\r\nHost: 127.0.0.1\r\n${secret === null ? "" : `x-secret: ${secret}\r\n`}content-type: application/json\r\ncontent-length: ${length}\r\n\r\n`;

  it("refuses a wrong or missing secret with 401 from the headers, while the body has not even been sent", async () => {
    // A 1 MB body is announced and none of it sent: an answer now means nothing was waited for or read.
    expect(await rawRequest(server.boundPort, head("wrong", 1_000_000))).toBe("HTTP/1.1 401 Unauthorized");
    expect(await rawRequest(server.boundPort, head(null, 1_000_000), "{")).toBe("HTTP/1.1 401 Unauthorized");
    expect(bodies).toEqual([]);
  });

  it("refuses a body announced over the cap with 413 before reading it, and takes a right one", async () => {
    expect(await rawRequest(server.boundPort, head(SECRET, MAX_BODY_BYTES + 1))).toBe("HTTP/1.1 413 Payload Too Large");
    const body = JSON.stringify({ update_id: 1 });
    expect(await rawRequest(server.boundPort, head(SECRET, Buffer.byteLength(body)), body)).toBe("HTTP/1.1 200 OK");
    expect(bodies).toEqual([body]);
  });
});

describe("stopping the server while a request on a kept-alive connection is being answered", () => {
  it("answers the request, closing its connection, and the stop completes", async () => {
    const server = new HttpServer(0, silentLogger());
    let entered!: () => void;
    const handling = new Promise<void>((resolve) => (entered = resolve));
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    server.route("/hook", async (_req, _body, res) => {
      entered();
      await released;
      res.writeHead(200).end("done");
    });
    await server.start();
    const agent = new Agent({ keepAlive: true });
    try {
      const answer = new Promise<{ status: number | undefined; connection: string | undefined; body: string }>((resolve, reject) => {
        const req = request({ port: server.boundPort, host: "127.0.0.1", method: "POST", path: "/hook", agent }, (res) => {
          let body = "";
          res.setEncoding("utf8").on("data", (d: string) => (body += d));
          res.on("end", () => resolve({ status: res.statusCode, connection: res.headers.connection, body }));
        });
        req.on("error", reject);
        req.end("{}");
      });
      await handling;
      const stopped = server.stop();
      release();
      // Kept alive, the connection would hold the stop until the keep-alive timeout.
      expect(await answer).toEqual({ status: 200, connection: "close", body: "done" });
      await stopped;
    } finally {
      agent.destroy();
    }
  });
});
