import type { Bot } from "../bot/bot.js";
import type { Config } from "../config.js";
import type { Logger } from "../log.js";
import type { Channel } from "../messaging/channel.js";
import type { I18n } from "../messaging/i18n.js";
import { inbox } from "../services/inbox.service.js";
import { telegramStore } from "../services/telegram-store.service.js";
import type { HttpServer } from "./http-server.js";
import { publicUrlOf } from "../config.js";
import { openServedFile, SERVED_FILE_PATH } from "../services/served-file.service.js";
import { serveFiles } from "./served-files.js";
import { telegramChannelFromConfig } from "./telegram/telegram-channel.js";
import { zaloChannelFromConfig } from "./zalo/zalo-channel.js";

/** What the channels need of the running process (`App` in app.ts has it all). */
export interface ChannelHost {
  readonly config: Config;
  readonly log: Logger;
  /** The database, only handed on to the services the channels use (channels never import db/). */
  readonly database: { readonly db: Parameters<typeof telegramStore>[0] };
  readonly i18n: I18n;
  readonly bot: Bot;
  /** Each reply sent counts against the chat's rate, which the sender also waits on. */
  readonly sendLimiter: { record(channel: string, chatId: string, at: number): void };
}

/**
 * The platform channels whose tokens are set. Each registers its webhook route on `server` when its
 * `*_WEBHOOK_URL` is set, and polls otherwise.
 */
export function platformChannels(app: ChannelHost, server: HttpServer): Channel[] {
  const channels: Channel[] = [];
  serveFilesOf(app, server);
  // Replies count against the same rates as reminders: the sender then leaves the chat room for them.
  const recorder = (channel: string) => (chatId: string) => app.sendLimiter.record(channel, chatId, Date.now());
  const telegram = telegramChannelFromConfig({
    config: app.config,
    handler: (msg) => app.bot.handle(msg),
    batchHandler: (msgs) => app.bot.handleMany(msgs),
    store: telegramStore(app.database.db),
    log: app.log,
    i18n: app.i18n,
    commands: app.bot.commands.all,
    server,
    onReplySent: recorder("telegram"),
    ready: () => app.bot.ready(),
  });
  if (telegram) channels.push(telegram);
  const zalo = zaloChannelFromConfig(app.config, (msg) => app.bot.handle(msg), app.log, server, recorder("zalo"), {
    inbox: inbox(app.database.db, "zalo"),
    ready: () => app.bot.ready(),
    i18n: app.i18n,
  });
  if (zalo) channels.push(zalo);
  return channels;
}

/**
 * The download route of the files sent as links (`<PUBLIC_URL>/tep/<token>`), where a public URL is
 * known (PUBLIC_URL, or a webhook's origin); the route alone makes the server listen.
 */
export function serveFilesOf(app: Pick<ChannelHost, "config" | "database" | "i18n" | "log">, server: HttpServer, now: () => Date = () => new Date()): void {
  const publicUrl = publicUrlOf(app.config);
  if (!publicUrl) return;
  serveFiles(server, {
    publicUrl,
    path: SERVED_FILE_PATH,
    lookup: (token) => openServedFile(app.database.db, token, now()),
    i18n: app.i18n,
    locale: app.config.LOCALE_DEFAULT,
    log: app.log,
  });
}
