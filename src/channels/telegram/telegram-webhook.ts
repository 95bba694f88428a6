import type { IncomingMessage as HttpRequest, ServerResponse } from "node:http";
import type { Update } from "grammy/types";
import type { Logger } from "../../log.js";
import type { HttpServer, RouteGuard } from "../http-server.js";
import { secretMatches } from "../webhook-secret.js";
import type { Outcome } from "./telegram-polling.js";
import { updateSchema } from "./telegram-updates.js";

/** Telegram's secret header on every webhook delivery. */
export const TELEGRAM_SECRET_HEADER = "x-telegram-bot-api-secret-token";

export interface TelegramWebhookOptions {
  /** The public HTTPS URL Telegram pushes to; its path is served on `server`. */
  url: string;
  /** 1–256 characters of `A-Z a-z 0-9 _ -`, echoed in `X-Telegram-Bot-Api-Secret-Token`. */
  secret: string;
  server: HttpServer;
}

export interface TelegramWebhookHandlerOptions {
  secret: string;
  log: Logger;
  /** Aborted when the channel stops: deliveries are refused, for another instance to take. */
  signal: AbortSignal;
  /** Run one update through the bot; resolves after its replies went out. */
  submit(update: Update): Promise<void>;
  outcomeOf(update: Update): Outcome | undefined;
}

/**
 * The secret, checked from the headers before the body is read (the HTTP server's guard): a wrong or
 * missing one gets 401 and nothing is read, held or parsed.
 */
export function telegramWebhookGuard(secret: string, log: Logger): RouteGuard {
  return (req) => {
    if (secretMatches(req.headers[TELEGRAM_SECRET_HEADER], secret)) return undefined;
    log.warn("telegram webhook with a wrong secret refused");
    return { status: 401 };
  };
}

/**
 * The webhook route: the secret checked, the update validated and handled, and the answer given only
 * after: 200 once it is stored, 500 to have Telegram deliver it again.
 */
export function telegramWebhookHandler(options: TelegramWebhookHandlerOptions) {
  return async (req: HttpRequest, body: Buffer, res: ServerResponse): Promise<void> => {
    if (options.signal.aborted) {
      // Shutting down: Telegram delivers it again, to this or another instance.
      res.writeHead(503).end();
      return;
    }
    if (!secretMatches(req.headers[TELEGRAM_SECRET_HEADER], options.secret)) {
      options.log.warn("telegram webhook with a wrong secret refused");
      res.writeHead(401).end();
      return;
    }
    let update: Update;
    try {
      const parsed = updateSchema.safeParse(JSON.parse(body.toString("utf8")));
      if (!parsed.success) {
        res.writeHead(400).end();
        return;
      }
      update = parsed.data as unknown as Update;
    } catch {
      res.writeHead(400).end();
      return;
    }
    // The answer waits for the replies too: Telegram sends a chat's next update only after it, which
    // keeps one chat's turns in order across instances.
    await options.submit(update);
    const outcome = options.outcomeOf(update) ?? "retry";
    res.writeHead(outcome === "done" ? 200 : 500).end();
  };
}
