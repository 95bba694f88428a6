import { timingSafeEqual } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { HttpServer } from "../channels/http-server.js";
import type { Metrics } from "./metrics.js";

export interface Readiness {
  database(): Promise<boolean>;
  migrations(): Promise<boolean>;
  channels(): boolean;
}

const LOOPBACK = new Set(["127.0.0.1", "::1", "::ffff:127.0.0.1"]);

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Who may read `/readyz` and `/metrics`: a caller on this machine (loopback, and not relayed by a
 * proxy on it: no `Forwarded` / `X-Forwarded-For`), or anyone with `Authorization: Bearer METRICS_TOKEN`.
 * A reverse proxy that forwards everything to chibo therefore does not publish them.
 */
export function mayReadOperations(req: IncomingMessage, token: string | undefined): boolean {
  const auth = req.headers.authorization;
  if (token && typeof auth === "string" && auth.startsWith("Bearer ") && sameSecret(auth.slice("Bearer ".length).trim(), token)) return true;
  const relayed = req.headers.forwarded !== undefined || req.headers["x-forwarded-for"] !== undefined;
  return !relayed && LOOPBACK.has(req.socket.remoteAddress ?? "");
}

/** Register `GET /readyz` (database reachable, migrations applied, channels running) and `GET /metrics` (Prometheus). */
export function serveOperations(server: HttpServer, options: { metrics: Metrics; readiness: Readiness; token: string | undefined }): void {
  const guard = (handler: (res: ServerResponse) => Promise<void>) => async (req: IncomingMessage, _body: Buffer, res: ServerResponse) => {
    if (!mayReadOperations(req, options.token)) {
      res.writeHead(403, { "content-type": "text/plain" }).end("forbidden\n");
      return;
    }
    await handler(res);
  };
  server.get(
    "/readyz",
    guard(async (res) => {
      const { readiness } = options;
      const database = await readiness.database().catch(() => false);
      const migrations = database ? await readiness.migrations().catch(() => false) : false;
      const channels = readiness.channels();
      const ok = database && migrations && channels;
      res.writeHead(ok ? 200 : 503, { "content-type": "application/json" }).end(JSON.stringify({ ok, database, migrations, channels }));
    }),
  );
  server.get(
    "/metrics",
    guard(async (res) => {
      const { contentType, body } = await options.metrics.exposition();
      res.writeHead(200, { "content-type": contentType }).end(body);
    }),
  );
}
