import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { Logger } from "../log.js";

export type RouteHandler = (req: IncomingMessage, body: Buffer, res: ServerResponse) => Promise<void>;

/** Webhook bodies are small JSON; anything bigger is refused before it is read whole. */
const MAX_BODY_BYTES = 1024 * 1024;

/**
 * The one HTTP server on PORT: webhook routes registered by the channels, `GET /healthz`, and the
 * GET routes of operations (`/readyz`, `/metrics`, src/ops/http-routes.ts).
 */
export class HttpServer {
  private readonly routes = new Map<string, RouteHandler>();
  private readonly getRoutes = new Map<string, RouteHandler>();
  private server: Server | undefined;

  constructor(
    private readonly port: number,
    private readonly log: Logger,
    private readonly health: () => Promise<boolean> = async () => true,
  ) {}

  /** Serve POST requests on a path (the path of a `*_WEBHOOK_URL`). */
  route(path: string, handler: RouteHandler): void {
    this.routes.set(path, handler);
  }

  /** Serve GET requests on a path (operations: `/readyz`, `/metrics`); the handler decides who may read it. */
  get(path: string, handler: RouteHandler): void {
    this.getRoutes.set(path, handler);
  }

  get hasRoutes(): boolean {
    return this.routes.size > 0;
  }

  /** The bound port (useful with PORT=0). */
  get boundPort(): number {
    const address = this.server?.address();
    return typeof address === "object" && address ? address.port : this.port;
  }

  async start(): Promise<void> {
    if (this.server) return;
    const server = createServer((req, res) => void this.dispatch(req, res));
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
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeIdleConnections();
    });
  }

  private async dispatch(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = (req.url ?? "/").split("?")[0] as string;
    try {
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
      const handler = this.routes.get(path);
      if (!handler) {
        res.writeHead(404).end();
        return;
      }
      if (req.method !== "POST") {
        res.writeHead(405, { allow: "POST" }).end();
        return;
      }
      const body = await readBody(req);
      if (!body) {
        res.writeHead(413).end();
        return;
      }
      await handler(req, body, res);
    } catch (error) {
      this.log.error({ err: error, path }, "http handler failed");
      if (!res.headersSent) res.writeHead(500).end();
    }
  }
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
