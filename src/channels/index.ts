import type { App } from "../app.js";
import type { Channel } from "./channel.js";
import type { HttpServer } from "./http-server.js";

/**
 * The platform channels whose tokens are set. Each registers its webhook route on `server` when its
 * `*_WEBHOOK_URL` is set, and polls otherwise.
 */
export function platformChannels(_app: App, _server: HttpServer): Channel[] {
  const channels: Channel[] = [];
  return channels;
}
