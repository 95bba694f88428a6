import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { Logger } from "../log.js";

export type RouteHandler = (req: IncomingMessage, body: Buffer, res: ServerResponse) => Promise<void>;

/** A request refused from its headers alone: the status, and a JSON body where the platform expects one. */
export interface Refusal {
  status: number;
  json?: unknown;
}

/**
 * Checks a request from its headers, before its body is read (the webhook secret): undefined lets it
 * through. A stranger who does not know the secret cannot make the server read, hold or parse anything.
 */
export type RouteGuard = (req: IncomingMessage) => Refusal | undefined;

/** Webhook bodies are small JSON (an update is a few kB); anything bigger is refused unread. */
export const MAX_BODY_BYTES = 256 * 1024;
/**
 * A request must send its headers, and its whole body, within this: a slow sender is not held for
 * Node's default 300 s (a few hundred of them would otherwise tie up the server).
 */
export const REQUEST_TIMEOUT_MS = 10_000;
/** On stop, requests still being answered get this long before their connections are cut. */
export const STOP_GRACE_MS = 3_000;

/**
 * The one HTTP server on PORT: webhook routes registered by the channels, `GET /healthz`, and the
 * GET routes of operations (`/readyz`, `/metrics`, src/ops/http-routes.ts).
 */
export class HttpServer {
  private readonly routes = new Map<string, { handler: RouteHandler; guard: RouteGuard | undefined }>();
  private readonly getRoutes = new Map<string, RouteHandler>();
  private readonly getPrefixes = new Map<string, RouteHandler>();
  private server: Server | undefined;
  /** Requests being answered, so a stop can answer them with `Connection: close`. */
  private readonly answering = new Set<ServerResponse>();

  constructor(
    private readonly port: number,
    private readonly log: Logger,
    private readonly health: () => Promise<boolean> = async () => true,
  ) {}

  /**
   * Serve POST requests on a path (the path of a `*_WEBHOOK_URL`); `guard` runs on the headers
   * before any of the body is read.
   */
  route(path: string, handler: RouteHandler, guard?: RouteGuard): void {
    this.routes.set(path, { handler, guard });
  }

  /** Serve GET requests on a path (operations: `/readyz`, `/metrics`); the handler decides who may read it. */
  get(path: string, handler: RouteHandler): void {
    this.getRoutes.set(path, handler);
  }

  /**
   * Serve GET requests on every path under a prefix (`/tep/` for served files): the handler reads the
   * rest of the path. Logs name the prefix only, never the rest (it may be a secret token).
   */
  getUnder(prefix: string, handler: RouteHandler): void {
    this.getPrefixes.set(prefix, handler);
  }

  /** Whether anything outside must reach this server: a webhook, or files served to chats. */
  get hasRoutes(): boolean {
    return this.routes.size > 0 || this.getPrefixes.size > 0;
  }

  /** The bound port (useful with PORT=0). */
  get boundPort(): number {
    const address = this.server?.address();
    return typeof address === "object" && address ? address.port : this.port;
  }

  async start(): Promise<void> {
    if (this.server) return;
    const server = createServer({ requestTimeout: REQUEST_TIMEOUT_MS, headersTimeout: REQUEST_TIMEOUT_MS }, (req, res) => {
      this.answering.add(res);
      res.once("close", () => this.answering.delete(res));
      void this.dispatch(req, res);
    });
    this.server = server;
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(this.port, () => {
        server.off("error", reject);
        resolve();
      });
    });
    this.log.info({ port: this.boundPort }, "http server listening");
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = undefined;
    // close() waits for every connection. A kept-alive one whose request was still being answered
    // would stay open after the answer until keepAliveTimeout: the answer closes it instead. What
    // is still open after the grace (a slow request, a file being streamed) is cut.
    for (const res of this.answering) if (!res.headersSent) res.shouldKeepAlive = false;
    await new Promise<void>((resolve) => {
      const cut = setTimeout(() => server.closeAllConnections(), STOP_GRACE_MS);
      server.close(() => {
        clearTimeout(cut);
        resolve();
      });
      server.closeIdleConnections();
    });
  }

  private async dispatch(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const fullPath = (req.url ?? "/").split("?")[0] as string;
    const prefix = [...this.getPrefixes.keys()].find((p) => fullPath.startsWith(p));
    // What the log may name: a prefix route's path holds a token.
    const path = prefix ?? fullPath;
    try {
      if (prefix !== undefined && (req.method === "GET" || req.method === "HEAD")) {
        await (this.getPrefixes.get(prefix) as RouteHandler)(req, Buffer.alloc(0), res);
        return;
      }
      if (req.method === "GET" && path === "/healthz") {
        const ok = await this.health().catch(() => false);
        res.writeHead(ok ? 200 : 503, { "content-type": "application/json" }).end(JSON.stringify({ ok }));
        return;
      }
      const getHandler = req.method === "GET" || req.method === "HEAD" ? this.getRoutes.get(path) : undefined;
      if (getHandler) {
        await getHandler(req, Buffer.alloc(0), res);
        return;
      }
      const route = this.routes.get(path);
      if (!route) {
        res.writeHead(404).end();
        return;
      }
      if (req.method !== "POST") {
        res.writeHead(405, { allow: "POST" }).end();
        return;
      }
      const refusal = route.guard?.(req);
      if (refusal) {
        refuseUnread(req, res, refusal);
        return;
      }
      const declared = Number(req.headers["content-length"] ?? 0);
      if (declared > MAX_BODY_BYTES) {
        refuseUnread(req, res, { status: 413 });
        return;
      }
      const body = await readBody(req);
      if (!body) {
        refuseUnread(req, res, { status: 413 });
        return;
      }
      await route.handler(req, body, res);
    } catch (error) {
      this.log.error({ err: error, path }, "http handler failed");
      if (!res.headersSent) res.writeHead(500).end();
    }
  }
}

/** Answer without reading (the rest of) the body, and close the connection so none of it is read later. */
function refuseUnread(req: IncomingMessage, res: ServerResponse, refusal: Refusal): void {
  const headers: Record<string, string> = { connection: "close" };
  if (refusal.json !== undefined) headers["content-type"] = "application/json";
  res.writeHead(refusal.status, headers);
  res.end(refusal.json === undefined ? undefined : JSON.stringify(refusal.json), () => req.destroy());
}

async function readBody(req: IncomingMessage): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) return null;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}
