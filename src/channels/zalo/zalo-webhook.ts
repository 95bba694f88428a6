import type { IncomingMessage as HttpRequest, ServerResponse } from "node:http";
import type { Logger } from "../../log.js";
import type { HandleResult } from "../../messaging/channel.js";
import type { IncomingMessage, Reply } from "../../messaging/message.js";
import type { HttpServer } from "../http-server.js";
import { secretMatches } from "../webhook-secret.js";
import { decodeEvents, type ZaloEvent } from "./zalo-updates.js";

/** The header Zalo sends with every webhook push. */
export const ZALO_SECRET_HEADER = "x-bot-api-secret-token";

export interface ZaloWebhookOptions {
  /** The public HTTPS URL Zalo pushes to; its path is served on `server`. */
  url: string;
  /** 8–256 characters, sent back by Zalo in `X-Bot-Api-Secret-Token`. */
  secret: string;
  server: HttpServer;
}

export interface ZaloWebhookHandlerOptions {
  secret: string;
  log: Logger;
  /** Aborted when the channel stops: pushes are refused, for another instance to take. */
  signal: AbortSignal;
  incoming(event: ZaloEvent): IncomingMessage | null;
  /** The bot's answer, or undefined when the handler itself threw. */
  handle(msg: IncomingMessage): Promise<HandleResult | undefined>;
  /** Replies go out after the answer (tracked by the channel, so stop waits for them). */
  deliverLater(chatId: string, replies: Reply[]): void;
}

/**
 * The webhook route: the secret checked, each event handled, and 200 only once all are stored (a 5xx
 * invites a redelivery, which the bot's dedupe makes safe); replies go out after the answer.
 */
export function zaloWebhookHandler(options: ZaloWebhookHandlerOptions) {
  return async (req: HttpRequest, body: Buffer, res: ServerResponse): Promise<void> => {
    if (options.signal.aborted) {
      // Shutting down: refuse, so Zalo delivers again to the next instance.
      res.writeHead(503).end();
      return;
    }
    if (!secretMatches(req.headers[ZALO_SECRET_HEADER], options.secret)) {
      options.log.warn("zalo webhook with a wrong secret refused");
      res.writeHead(403, { "content-type": "application/json" }).end(JSON.stringify({ message: "Forbidden" }));
      return;
    }
    let json: unknown;
    try {
      json = JSON.parse(body.toString("utf8"));
    } catch {
      res.writeHead(400).end();
      return;
    }
    const outgoing: { chatId: string; replies: Reply[] }[] = [];
    let failed = false;
    for (const event of decodeEvents(json)) {
      const msg = options.incoming(event);
      if (!msg) continue;
      const result = await options.handle(msg);
      if (!result || result.status === "failed") failed = true;
      if (result) outgoing.push({ chatId: msg.chatId, replies: result.replies });
      if (failed) break;
    }
    // Acknowledge only what is stored: a 5xx invites a redelivery, which the bot's dedupe makes safe.
    if (failed) res.writeHead(500).end();
    else res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ message: "Success" }));
    // Replies go out after the answer, so a slow sendMessage never holds Zalo's request.
    for (const { chatId, replies } of outgoing) options.deliverLater(chatId, replies);
  };
}
