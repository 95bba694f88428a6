import { createHash, randomInt } from "node:crypto";

// Crockford-style alphabet without 0/O, 1/I/L, U: nothing an older user may misread on a cheap screen.
const ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ";
export const INVITE_CODE_LENGTH = 10;
/** log2(30^10) ≈ 49 bits: with the attempt limit, guessing is hopeless. */
export const INVITE_CODE_BITS = Math.floor(INVITE_CODE_LENGTH * Math.log2(ALPHABET.length));
export const INVITE_TTL_DAYS = 7;
export const LINK_MAX_FAILURES = 5;
export const LINK_FAILURE_WINDOW_MIN = 15;

/**
 * A new single-use invite code, shown as `ABCDE-FGHJK`.
 * `node:crypto` is a pure function of the OS random source here, no I/O of ours.
 */
export function newInviteCode(): string {
  let code = "";
  for (let i = 0; i < INVITE_CODE_LENGTH; i++) code += ALPHABET[randomInt(ALPHABET.length)];
  return `${code.slice(0, 5)}-${code.slice(5)}`;
}

/** Canonical form of what a user typed: upper case, no spaces or dashes; null when it cannot be a code. */
export function normalizeInviteCode(input: string): string | null {
  const code = input.trim().toUpperCase().replace(/[\s_-]/g, "");
  if (code.length !== INVITE_CODE_LENGTH) return null;
  for (const ch of code) if (!ALPHABET.includes(ch)) return null;
  return code;
}

/** A code after `/lienket`, `/link` or a deep link's `start=`, anywhere in a pasted invitation line. */
const CODE_IN_LINE = /(?:\/lienket|\/link|[?&]start=)\s*["'“”]?([0-9A-Za-z]{5}[\s_-]?[0-9A-Za-z]{5})(?![0-9A-Za-z])/g;
/** Quotes and end punctuation around a code copied from a message. */
const AROUND_CODE = /^["'“”«(\s]+|["'“”»).,;!\s]+$/g;

/**
 * The normalized code in what a user sent: the whole message (quotes and a final full stop left out),
 * or the one code that follows `/lienket` or `start=` in a pasted invitation, e.g.
 * `Zalo hoặc Telegram: gửi cho bot "/lienket 7PM68-VW69B"`. Null when there is none, or two different ones.
 *
 * @example findInviteCode('Zalo: nhắn cho bot "/lienket 7pm68 vw69b"') // "7PM68VW69B"
 */
export function findInviteCode(text: string): string | null {
  const whole = normalizeInviteCode(text.replace(AROUND_CODE, ""));
  if (whole) return whole;
  const found = new Set<string>();
  for (const m of text.matchAll(CODE_IN_LINE)) {
    const code = normalizeInviteCode(m[1] as string);
    if (code) found.add(code);
  }
  return found.size === 1 ? ([...found][0] as string) : null;
}

/** Codes are stored only as this hash. */
export function hashInviteCode(normalized: string): string {
  return createHash("sha256").update(`chibo-invite:${normalized}`).digest("hex");
}
