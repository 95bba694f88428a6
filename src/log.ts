import { pino, type DestinationStream, type Logger } from "pino";

export type { Logger };

/**
 * Paths pino blanks wherever they appear. Personal data (names, phones, message texts) is never
 * passed to the logger in the first place; this is the second fence, and it catches tokens in errors.
 */
const REDACT = [
  "text",
  "*.text",
  "phone",
  "*.phone",
  "name",
  "*.name",
  "full_name",
  "*.full_name",
  "token",
  "*.token",
  "secret",
  "*.secret",
];

const TOKEN_IN_TEXT = /bot\d+:[A-Za-z0-9_-]{10,}|\d{6,}:[A-Za-z0-9_-]{20,}/g;

/** Remove bot tokens from any string (URLs in errors carry them in the path). */
export function scrubSecrets(value: string, secrets: readonly (string | undefined)[] = []): string {
  let out = value.replace(TOKEN_IN_TEXT, "bot<redacted>");
  for (const secret of secrets) if (secret && secret.length >= 4) out = out.split(secret).join("<redacted>");
  return out;
}

/**
 * The process logger: JSON lines on stderr (stdout belongs to the console chat and CLI output).
 *
 * @example const log = createLogger("info", [config.TELEGRAM_BOT_TOKEN])
 */
export function createLogger(
  level: string,
  secrets: readonly (string | undefined)[] = [],
  destination: DestinationStream = pino.destination(2),
): Logger {
  return pino(
    {
      level,
      redact: { paths: REDACT, censor: "<redacted>" },
      serializers: {
        err: (err: unknown) => {
          const e = err as { name?: string; message?: string; code?: unknown; stack?: string };
          return {
            type: e?.name ?? typeof err,
            code: e?.code,
            message: scrubSecrets(String(e?.message ?? err), secrets),
            stack: e?.stack ? scrubSecrets(e.stack, secrets) : undefined,
          };
        },
      },
      hooks: {
        logMethod(args, method) {
          // Scrub secrets from message strings too.
          const scrubbed = args.map((a) => (typeof a === "string" ? scrubSecrets(a, secrets) : a)) as typeof args;
          method.apply(this, scrubbed);
        },
      },
    },
    destination,
  );
}

/** A logger that drops everything (tests that do not look at logs). */
export function silentLogger(): Logger {
  return pino({ level: "silent" });
}
