import type { App } from "../app.js";
import { telegramStore } from "../services/telegram-store.service.js";
import type { Channel } from "./channel.js";
import type { HttpServer } from "./http-server.js";
import { telegramChannelFromConfig } from "./telegram/telegram-channel.js";
import { zaloChannelFromConfig } from "./zalo/zalo-channel.js";

/**
 * The platform channels whose tokens are set. Each registers its webhook route on `server` when its
 * `*_WEBHOOK_URL` is set, and polls otherwise.
 */
export function platformChannels(app: App, server: HttpServer): Channel[] {
  const channels: Channel[] = [];
  // Replies count against the same rates as reminders: the sender then leaves the chat room for them.
  const recorder = (channel: string) => (chatId: string) => app.sendLimiter.record(channel, chatId, Date.now());
  const telegram = telegramChannelFromConfig({
    config: app.config,
    handler: (msg) => app.bot.handle(msg),
    store: telegramStore(app.database.db),
    log: app.log,
    i18n: app.i18n,
    commands: app.bot.commands.all,
    server,
    onReplySent: recorder("telegram"),
  });
  if (telegram) channels.push(telegram);
  const zalo = zaloChannelFromConfig(app.config, (msg) => app.bot.handle(msg), app.log, server, recorder("zalo"));
  if (zalo) channels.push(zalo);
  return channels;
}
