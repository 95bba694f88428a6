import { createHash, timingSafeEqual } from "node:crypto";

/**
 * Whether a webhook delivery carries the configured secret, compared in constant time (hashing first
 * makes the lengths equal). An empty secret matches nothing. Telegram and Zalo both use it.
 *
 * @example secretMatches(req.headers["x-telegram-bot-api-secret-token"], config.TELEGRAM_WEBHOOK_SECRET)
 */
export function secretMatches(given: string | string[] | undefined, secret: string): boolean {
  if (typeof given !== "string" || secret.length === 0) return false;
  const a = createHash("sha256").update(given, "utf8").digest();
  const b = createHash("sha256").update(secret, "utf8").digest();
  return timingSafeEqual(a, b);
}
