import { z } from "zod";

const optionalString = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === "" ? undefined : v.trim()));

/** A numeric variable: unset or blank → the default; otherwise it must parse as a number in range. */
function numberVar(schema: z.ZodNumber, fallback: number) {
  return optionalString
    .transform((v, ctx) => {
      if (v === undefined) return fallback;
      const n = Number(v);
      if (!Number.isFinite(n)) {
        ctx.addIssue({ code: "custom", message: "must be a number" });
        return z.NEVER;
      }
      return n;
    })
    .pipe(schema);
}

const optionalUrl = optionalString.pipe(z.url().optional());

/** The environment variables chibo reads; `.env.example` documents each. */
export const configSchema = z.object({
  DATABASE_URL: optionalUrl,
  DATA_DIR: optionalString.transform((v) => v ?? "./data"),
  TELEGRAM_BOT_TOKEN: optionalString,
  TELEGRAM_API_ROOT: optionalUrl.transform((v) => (v ?? "https://api.telegram.org").replace(/\/+$/, "")),
  TELEGRAM_WEBHOOK_URL: optionalUrl,
  TELEGRAM_WEBHOOK_SECRET: optionalString.pipe(
    z.string().regex(/^[A-Za-z0-9_-]{1,256}$/, "1–256 characters of A-Z a-z 0-9 _ -").optional(),
  ),
  /** The bot's username, for the `t.me/<bot>?start=<code>` deep link; a leading `@` is dropped. */
  TELEGRAM_BOT_USERNAME: optionalString
    .transform((v) => v?.replace(/^@/, ""))
    .pipe(z.string().regex(/^[A-Za-z][A-Za-z0-9_]{4,31}$/, "a Telegram username: 5–32 characters of A-Z a-z 0-9 _, without t.me/").optional()),
  ZALO_BOT_TOKEN: optionalString,
  /** The Zalo bot's name as members find it with Zalo's search, shown in every invitation. */
  ZALO_BOT_NAME: optionalString.pipe(z.string().max(100).optional()),
  /** A link that opens a chat with the Zalo bot (the one Zalo Bot Creator shows), shown in every invitation. */
  ZALO_BOT_LINK: optionalString.pipe(z.url({ protocol: /^https$/, error: "an https:// link that opens the Zalo bot" }).optional()),
  ZALO_API_ROOT: optionalUrl.transform((v) => (v ?? "https://bot-api.zaloplatforms.com").replace(/\/+$/, "")),
  ZALO_WEBHOOK_URL: optionalUrl,
  ZALO_WEBHOOK_SECRET: optionalString.pipe(z.string().min(8).max(256).optional()),
  ZALO_RATE_PER_SECOND: numberVar(z.number().positive().max(100), 5),
  /** Bold titles with Zalo's newer `text_styles` (off: plain text, always accepted). */
  ZALO_TEXT_STYLES: optionalString
    .pipe(z.enum(["on", "off", "1", "0", "true", "false"]).optional())
    .transform((v) => v === "on" || v === "1" || v === "true"),
  /**
   * The public base URL of chibo's HTTP server, for the files and pictures it serves (Zalo takes a
   * picture by URL and has no document upload). Unset: the origin of ZALO_WEBHOOK_URL or TELEGRAM_WEBHOOK_URL.
   */
  PUBLIC_URL: optionalUrl.pipe(z.string().regex(/^https?:\/\//i, "an http(s) URL").optional()),
  PORT: numberVar(z.number().int().min(0).max(65535), 8080),
  TZ_DEFAULT: optionalString.transform((v) => v ?? "Asia/Ho_Chi_Minh"),
  LOCALE_DEFAULT: optionalString.pipe(z.enum(["vi", "en"]).optional()).transform((v) => v ?? "vi"),
  LOG_LEVEL: optionalString
    .pipe(z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).optional())
    .transform((v) => v ?? "info"),
  /** A bearer token that lets a remote scraper read `/metrics` and `/readyz` (without it: this machine only). */
  METRICS_TOKEN: optionalString.pipe(z.string().min(16, "at least 16 characters").optional()),
  /** A folder for daily backups written by `chibo start` (unset: no automatic backups). */
  BACKUP_DIR: optionalString,
  /** How many daily backups to keep in BACKUP_DIR (older ones are deleted). */
  BACKUP_KEEP: numberVar(z.number().int().min(1).max(3650), 14),
  /** The local time (TZ_DEFAULT) of the daily backup, HH:MM. */
  BACKUP_AT: optionalString.pipe(z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "HH:MM").optional()).transform((v) => v ?? "02:30"),
  /** Encrypts backups (AES-256-GCM, key derived by scrypt); `chibo restore` needs the same value. */
  BACKUP_KEY: optionalString.pipe(z.string().min(16, "at least 16 characters").max(1024).optional()),
});

export type Config = z.output<typeof configSchema>;

/**
 * Where the files chibo serves are reached from outside: PUBLIC_URL (without a trailing slash), or
 * the origin of a webhook URL (the same server answers both); undefined when none is set.
 *
 * @example publicUrlOf(configWith({ ZALO_WEBHOOK_URL: "https://bot.example.vn/zalo" })) // "https://bot.example.vn"
 */
export function publicUrlOf(config: Pick<Config, "PUBLIC_URL" | "ZALO_WEBHOOK_URL" | "TELEGRAM_WEBHOOK_URL">): string | undefined {
  if (config.PUBLIC_URL) return config.PUBLIC_URL.replace(/\/+$/, "");
  const webhook = config.ZALO_WEBHOOK_URL ?? config.TELEGRAM_WEBHOOK_URL;
  return webhook ? new URL(webhook).origin : undefined;
}

/** Names of variables whose values must never be printed. */
export const SECRET_KEYS = [
  "DATABASE_URL",
  "TELEGRAM_BOT_TOKEN",
  "TELEGRAM_WEBHOOK_SECRET",
  "ZALO_BOT_TOKEN",
  "ZALO_WEBHOOK_SECRET",
  "METRICS_TOKEN",
  "BACKUP_KEY",
] as const;

export class ConfigError extends Error {
  readonly code = "config_invalid";
  constructor(readonly problems: string[]) {
    super(`Cấu hình không hợp lệ / invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
  }
}

/**
 * Parse the environment once. Throws a ConfigError naming each bad variable, never its value.
 *
 * @example const config = loadConfig(process.env)
 */
export function loadConfig(env: Record<string, string | undefined>): Config {
  const result = configSchema.safeParse(env);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `${issue.path.join(".") || "?"}: ${issue.message}`);
    throw new ConfigError(problems);
  }
  return result.data;
}

/** A config for tests and tools: defaults plus the overrides given. */
export function configWith(overrides: Partial<Record<keyof Config, string>> = {}): Config {
  return loadConfig(overrides as Record<string, string>);
}
