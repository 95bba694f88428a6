import type { App } from "../app.js";
import type { Channel } from "./channel.js";
import type { HttpServer } from "./http-server.js";
import { zaloChannelFromConfig } from "./zalo/zalo-channel.js";

/**
 * The platform channels whose tokens are set. Each registers its webhook route on `server` when its
 * `*_WEBHOOK_URL` is set, and polls otherwise.
 */
export function platformChannels(app: App, server: HttpServer): Channel[] {
  const channels: Channel[] = [];
  const zalo = zaloChannelFromConfig(app.config, (msg) => app.bot.handle(msg), app.log, server);
  if (zalo) channels.push(zalo);
  return channels;
}
