import type { IncomingMessage as HttpRequest, ServerResponse } from "node:http";
import type { Logger } from "../../log.js";
import type { HandleResult } from "../../messaging/channel.js";
import type { IncomingMessage, Reply } from "../../messaging/message.js";
import type { HttpServer, RouteGuard } from "../http-server.js";
import { MAX_FAILED_ATTEMPTS } from "../outage.js";
import { secretMatches } from "../webhook-secret.js";
import { decodeEvents, type ZaloEvent } from "./zalo-updates.js";

/** The header Zalo sends with every webhook push. */
export const ZALO_SECRET_HEADER = "x-bot-api-secret-token";
/** Failed handlings per update id remembered across redeliveries (then forgotten, never grown without bound). */
const MAX_TRACKED_FAILURES = 10_000;

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
  deliverLater(chatId: string, result: HandleResult): void;
  /** The database is away: tell the chat once that its message will be handled. */
  noteOutage(msg: IncomingMessage): Promise<void>;
  /** A turn was handled: the outage, if any, is over. */
  outageOver(): void;
}

/**
 * The secret, checked from the headers before the body is read (the HTTP server's guard): a wrong
 * one gets Zalo's 403 and nothing is read, held or parsed.
 */
export function zaloWebhookGuard(secret: string, log: Logger): RouteGuard {
  return (req) => {
    if (secretMatches(req.headers[ZALO_SECRET_HEADER], secret)) return undefined;
    log.warn("zalo webhook with a wrong secret refused");
    return { status: 403, json: { message: "Forbidden" } };
  };
}

/**
 * The webhook route: the secret checked, each event handled, and 200 only once all are stored (a 5xx
 * invites a redelivery, which the bot's dedupe makes safe); replies go out after the answer. While
 * the database is away the push gets a 5xx and nobody is told to resend; a handling that fails with
 * the database reachable is given up after MAX_FAILED_ATTEMPTS deliveries, with its honest reply.
 */
export function zaloWebhookHandler(options: ZaloWebhookHandlerOptions) {
  const failures = new Map<string, number>();
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
    const outgoing: { chatId: string; result: HandleResult }[] = [];
    let retry = false;
    for (const event of decodeEvents(json)) {
      const msg = options.incoming(event);
      if (!msg) continue;
      const result = await options.handle(msg);
      if (result?.status === "unavailable") {
        // Not stored, not failed: Zalo delivers it again, and it is answered then.
        await options.noteOutage(msg);
        retry = true;
        break;
      }
      const key = msg.updateId ?? "";
      if (!result || result.status === "failed") {
        if (failures.size > MAX_TRACKED_FAILURES) failures.clear();
        const attempts = (failures.get(key) ?? 0) + 1;
        failures.set(key, attempts);
        if (attempts < MAX_FAILED_ATTEMPTS) {
          retry = true;
          break;
        }
        failures.delete(key);
        options.log.error({ attempts }, "zalo update given up after repeated handling failures");
        if (!result) continue;
      } else {
        failures.delete(key);
        options.outageOver();
      }
      outgoing.push({ chatId: msg.chatId, result });
    }
    // Acknowledge only what is stored: a 5xx invites a redelivery, which the bot's dedupe makes safe.
    if (retry) res.writeHead(500).end();
    else res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ message: "Success" }));
    // Replies go out after the answer, so a slow sendMessage never holds Zalo's request.
    for (const { chatId, result } of outgoing) options.deliverLater(chatId, result);
  };
}
