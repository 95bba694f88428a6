/** A surrogate without its pair: what cutting typed text at a length can leave, or a client can send. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const ANY_SURROGATE = /[\uD800-\uDFFF]/;

/**
 * The text with every lone surrogate made the replacement character: PostgreSQL's json refuses a lone
 * surrogate's escape, so text kept in a conversation or a stored reply must be well formed.
 *
 * @example wellFormed("a\uD83C") // "a\uFFFD"
 */
export function wellFormed(text: string): string {
  return ANY_SURROGATE.test(text) ? text.replace(LONE_SURROGATE, "\uFFFD") : text;
}
