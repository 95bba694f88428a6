import { fold } from "./text/fold.js";

/** Words before a cell's own name in its title ("Chi bộ thôn Nà Thưa" → "na thua"). */
const TITLE_WORDS = /^(?:chi bo\s+)?(?:(?:thon|ban|to dan pho|khu pho|khu|xom|co quan)\s+)?/;
/** How a message names a cell: "chi bộ Nà Thưa", "cb thôn Nà Thưa", "thôn Nà Thưa", "TDP Tân Hòa 2". */
const MENTION_LEAD = String.raw`(?:(?:chi bo|cb)\s+(?:(?:thon|ban|to dan pho|tdp|khu pho|khu|xom|co quan)\s+)?|(?:thon|ban|to dan pho|tdp|xom)\s+)`;

/** A cell's name as a message would carry it: folded, without "Chi bộ thôn". */
export function cellCoreName(name: string): string {
  return fold(name).replace(/\s+/g, " ").trim().replace(TITLE_WORDS, "");
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * The cells a message names (by "chi bộ …", "cb …", "thôn …", with or without diacritics), among
 * `cells`. A report that names a cell its sender does not lead must not be filed under the
 * sender's own cell.
 *
 * @example cellsMentioned("bc sh chi bo Na Thua t11: …", [{ id: 4, name: "Chi bộ thôn Nà Thưa" }]) // [{ id: 4, … }]
 */
export function cellsMentioned<T extends { name: string }>(text: string, cells: readonly T[]): T[] {
  const f = fold(text).replace(/\s+/g, " ");
  return cells.filter((cell) => {
    const mention = mentionOf(cell.name);
    // The name itself must be in the message before its pattern is worth trying (most cells' are not).
    return mention !== null && f.includes(mention.core) && mention.pattern.test(f);
  });
}

/** Per cell name: its core and the pattern of a mention of it (null: too short to tell). Names are few; kept. */
const mentions = new Map<string, { core: string; pattern: RegExp } | null>();
const MAX_MENTIONS = 10_000;

function mentionOf(name: string): { core: string; pattern: RegExp } | null {
  let mention = mentions.get(name);
  if (mention !== undefined) return mention;
  const core = cellCoreName(name);
  mention = core.length < 3 ? null : { core, pattern: new RegExp(`(?:^|[^a-z0-9])${MENTION_LEAD}${escape(core)}(?![a-z0-9])`) };
  if (mentions.size >= MAX_MENTIONS) mentions.clear();
  mentions.set(name, mention);
  return mention;
}
