import { resolve } from "node:path";
import { createBot, type Bot } from "./bot/bot.js";
import { defaultFeatures } from "./bot/features/index.js";
import { createI18n, type I18n } from "./messaging/i18n.js";
import type { Config } from "./config.js";
import type { FileServing } from "./messaging/capabilities.js";
import { openDatabase, type DatabaseHandle, type OpenOptions } from "./db/connection.js";
import { migrateToLatest } from "./db/migrator.js";
import { createLogger, type Logger } from "./log.js";
import { publicUrlOf, SECRET_KEYS } from "./config.js";
import { join } from "node:path";
import { RateLimiter, sendPolicies } from "./scheduler/rate-limit.js";
import { OWN_DOCUMENT_TEMPLATES_DIR, useOwnDocumentTemplates } from "./export/meeting-docx.js";
import { OWN_LAYOUTS_DIR, useOwnLayouts } from "./export/province-layout.js";

export interface App {
  readonly config: Config;
  readonly log: Logger;
  readonly database: DatabaseHandle;
  readonly i18n: I18n;
  readonly bot: Bot;
  /**
   * What has been sent to each chat lately, over every path: the sender waits on it, and the
   * channels record their replies in it, so a reminder never crowds a conversation into a 429.
   */
  readonly sendLimiter: RateLimiter;
  /** Be told when a handled message queued outbox messages (the sender drains at once). */
  onOutbox(listener: () => void): void;
  /**
   * Tell whoever listens (`onOutbox`: the sender) that a command run in this process changed the
   * outbox or what its rows are decided by (`chibo remind --set`, `chibo remind --at` through the
   * admin socket): the sender looks now rather than after its idle wait. No one listens elsewhere.
   */
  outboxChanged(): void;
  close(): Promise<void>;
}

export interface AppOptions {
  log?: Logger;
  /** Apply migrations on open (default true). */
  migrate?: boolean;
  /** Database overrides (tests pass a PGlite loaded from a template). */
  database?: Partial<OpenOptions>;
}

/** Where the bot serves files (the links' public URL) and writes them for the console (`DATA_DIR/files`). */
export function filesOf(config: Config): FileServing {
  const publicUrl = publicUrlOf(config);
  return { folder: join(config.DATA_DIR, "files"), ...(publicUrl ? { publicUrl } : {}) };
}

/** The secrets of a config, for log scrubbing. */
export function secretsOf(config: Config): string[] {
  return SECRET_KEYS.map((k) => config[k]).filter((v): v is string => typeof v === "string");
}

/**
 * Open everything a chibo process needs, in order: logger, database (migrated), locales, bot.
 *
 * @example const app = await openApp(loadConfig(process.env))
 */
export async function openApp(config: Config, options: AppOptions = {}): Promise<App> {
  const log = options.log ?? createLogger(config.LOG_LEVEL, secretsOf(config));
  const database = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR, ...options.database });
  // An office's own report layouts, when it has replaced some, live in the data folder.
  useOwnLayouts(resolve(config.DATA_DIR, OWN_LAYOUTS_DIR));
  // Its own Word templates of the minutes and the resolution too.
  useOwnDocumentTemplates(resolve(config.DATA_DIR, OWN_DOCUMENT_TEMPLATES_DIR));
  try {
    if (options.migrate !== false) {
      const applied = await migrateToLatest(database.db);
      if (applied.length > 0) log.info({ applied: applied.length, engine: database.engine }, "migrations applied");
    }
    const i18n = createI18n();
    const outboxListeners: (() => void)[] = [];
    const outboxChanged = () => {
      for (const listener of outboxListeners) listener();
    };
    const bot = createBot({
      db: database.db,
      i18n,
      log,
      features: defaultFeatures(),
      localeDefault: config.LOCALE_DEFAULT,
      tz: config.TZ_DEFAULT,
      botName: config.TELEGRAM_BOT_USERNAME,
      zaloBot: { ...(config.ZALO_BOT_NAME ? { name: config.ZALO_BOT_NAME } : {}), ...(config.ZALO_BOT_LINK ? { link: config.ZALO_BOT_LINK } : {}) },
      files: filesOf(config),
      onOutbox: outboxChanged,
    });
    const sendLimiter = new RateLimiter(sendPolicies(config.ZALO_RATE_PER_SECOND));
    return { config, log, database, i18n, bot, sendLimiter, onOutbox: (listener) => outboxListeners.push(listener), outboxChanged, close: () => database.close() };
  } catch (error) {
    await database.close();
    throw error;
  }
}
