/**
 * Generated hostile input for the bot core: random Unicode, huge texts, invisible and bidi
 * characters, markup and SQL-looking text, forged and stale button payloads, commands with wrong
 * arguments, digits with no list, shared contacts that are not the sender's. Seeded, so a failure
 * reproduces from the printed seed and index.
 */
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { prng } from "../support/prng.js";

export { prng };

export type Category =
  | "unicode"
  | "huge"
  | "invisible"
  | "markup"
  | "sql"
  | "forged-payload"
  | "scoped-payload"
  | "command"
  | "digit"
  | "report-text"
  | "contact";

/**
 * `garbage` inputs must never change stored state, whatever the bot answers; the others may, when
 * the bot accepted them (a valid quick report confirmed by its digit, a payload within the user's scope).
 */
/** Commands that change stored state when typed with no argument and no confirmation. */
const ACTS_BARE: ReadonlySet<string> = new Set(["lienket_nhom", "linkgroup"]);

export const GARBAGE: ReadonlySet<Category> = new Set(["unicode", "huge", "invisible", "markup", "sql", "forged-payload", "contact"]);

export interface FuzzInput {
  category: Category;
  text?: string;
  action?: string;
  contact?: { phone: string; userId?: string };
}

export interface FuzzWorld {
  /** Every command name the bot knows (without the slash). */
  commands: string[];
  /** Ids that exist: orgs, people, households, reports. */
  orgIds: number[];
  personIds: number[];
  householdIds: number[];
  /** Phone numbers of demo people (a forged contact carries one of them). */
  phones: string[];
}

const CORPUS_DIR = fileURLToPath(new URL("../fixtures/parse/", import.meta.url));

/** The parser corpus texts: realistic reports that the bot reads as quick reports. */
export function corpusTexts(): string[] {
  return readdirSync(CORPUS_DIR)
    .filter((f) => f.endsWith(".jsonl"))
    .flatMap((f) => readFileSync(`${CORPUS_DIR}${f}`, "utf8").split("\n"))
    .filter((l) => l.trim())
    .map((l) => (JSON.parse(l) as { text: string }).text);
}

const ZERO_WIDTH = ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad"];
const BIDI = ["\u202e", "\u202d", "\u202a", "\u202b", "\u202c", "\u2066", "\u2067", "\u2068", "\u2069", "\u200f", "\u200e"];
const MARKUP = [
  "<b>đậm</b>",
  "<script>alert(1)</script>",
  "<a href=\"javascript:alert(1)\">bấm</a>",
  "*đậm* _nghiêng_ `code` ~gạch~",
  "[link](http://evil.example/)",
  "```\nkhối\n```",
  "&lt;&amp;&gt;&#0;",
  "<img src=x onerror=alert(1)>",
  "**__~~||spoiler||~~__**",
  "\\*\\_\\[\\]",
  "<tg-spoiler>x</tg-spoiler>",
  "${process.env}",
  "{$name} { $count } {{7*7}}",
];
const SQL = [
  "'; drop table person; --",
  "1 OR 1=1",
  "\" OR \"\"=\"",
  "1; select pg_sleep(10)",
  "' union select full_name, phone from person --",
  "admin'--",
  "%' and 1=0 union select null --",
  "\\x00\\x27",
  "1e309",
  "NaN",
  "-0",
];
const PREFIXES = ["cell", "rv", "ra", "rp", "rpc", "rpf", "tong", "xu", "pc", "rsvp", "rsvpp", "hh", "hv", "kenh", "lang", "contact", "tb", "moi", "xl", "lb", "viec", "viecm", "viecn", "ct", "dh", "vb", "vbc", "tdg", "vr", "pt", "tro", "gld"];
const VERBS = ["show", "members", "accept", "reopen", "ok", "yes", "no", "list", "new", "t", "p", "e", "edit", "cancel", "opt", "f", "def", "skip", "back", "all", "o", "v", "d", "l", "s", "n", "x", "dl"];
const BAD_IDS = ["-1", "0", "-0", "99999999999", "9".repeat(24), "1e3", "0x1f", "abc", "1.5", "NaN", "Infinity", "", " ", "1;2", "%00", "'1'", "١٢", "１２"];

function pick<T>(rand: () => number, list: readonly T[]): T {
  return list[Math.floor(rand() * list.length)] as T;
}

function randomUnicode(rand: () => number, length: number): string {
  let out = "";
  for (let i = 0; i < length; i++) {
    const r = rand();
    let cp: number;
    if (r < 0.3) cp = 0x20 + Math.floor(rand() * 0x5f);
    else if (r < 0.5) cp = 0x00c0 + Math.floor(rand() * 0x1f40); // Latin extended, Vietnamese, combining marks
    else if (r < 0.6) cp = Math.floor(rand() * 0x20); // control characters
    else if (r < 0.7) cp = 0x4e00 + Math.floor(rand() * 0x5000); // CJK
    else if (r < 0.8) cp = 0x1f300 + Math.floor(rand() * 0x300); // emoji (astral)
    else if (r < 0.85) cp = 0x0590 + Math.floor(rand() * 0x200); // Hebrew, Arabic
    else if (r < 0.9) cp = pick(rand, [0xfffd, 0xfffe, 0xffff, 0x10ffff, 0xe000, 0xf8ff]);
    else cp = 0x0300 + Math.floor(rand() * 0x70); // lone combining marks
    out += String.fromCodePoint(cp);
  }
  return out;
}

function sprinkle(rand: () => number, text: string, chars: readonly string[]): string {
  let out = "";
  for (const ch of text) {
    out += ch;
    if (rand() < 0.3) out += pick(rand, chars);
  }
  return rand() < 0.5 ? `${pick(rand, chars)}${out}` : out;
}

function randomId(rand: () => number, world: FuzzWorld): string {
  const r = rand();
  if (r < 0.3) return String(pick(rand, world.orgIds));
  if (r < 0.5) return String(pick(rand, world.personIds));
  if (r < 0.6 && world.householdIds.length > 0) return String(pick(rand, world.householdIds));
  if (r < 0.75) return String(1 + Math.floor(rand() * 500));
  return pick(rand, BAD_IDS);
}

/** A payload that cannot be honest: wrong prefix, wrong shape, or an id that is not an id. */
function forgedPayload(rand: () => number, world: FuzzWorld): string {
  const r = rand();
  if (r < 0.2) return `${pick(rand, ["zz", "cellx", "RV", "admin", "x", "rp_", "tong2"])}:${randomId(rand, world)}`;
  if (r < 0.35) return pick(rand, PREFIXES);
  if (r < 0.5) return `${pick(rand, PREFIXES)}:${pick(rand, BAD_IDS)}`;
  if (r < 0.65) return `${pick(rand, PREFIXES)}:${pick(rand, VERBS)}:${pick(rand, BAD_IDS)}`;
  if (r < 0.75) return `${pick(rand, PREFIXES)}:${"9".repeat(30)}`;
  if (r < 0.85) return randomUnicode(rand, 1 + Math.floor(rand() * 20));
  return `${pick(rand, PREFIXES)}:${randomUnicode(rand, 6)}:${pick(rand, BAD_IDS)}`;
}

/** A well-formed payload naming real ids, probably outside the sender's scope (the bot must re-check). */
function scopedPayload(rand: () => number, world: FuzzWorld): string {
  const org = () => String(pick(rand, world.orgIds));
  const person = () => String(pick(rand, world.personIds));
  const any = () => String(1 + Math.floor(rand() * 60));
  const month = `2025-${pick(rand, ["09", "10", "11", "12"])}`;
  const date = `2025-${pick(rand, ["11", "12"])}-${pick(rand, ["03", "04", "05", "06", "07", "09"])}`;
  // A screen's stamp (six hex digits, bot/screen-stamp.ts): a guess never matches, a malformed one reads as "from before stamps".
  const stamp = () => pick(rand, [Math.floor(rand() * 0xffffff).toString(16).padStart(6, "0"), "000000", "zzzzzz", "", "1234567"]);
  return pick(rand, [
    () => `cell:members:${org()}`,
    () => `cell:show:${org()}`,
    () => `rv:${any()}`,
    () => `ra:${any()}:${pick(rand, ["accept", "reopen"])}`,
    () => `ra:${any()}:${pick(rand, ["accept", "reopen"])}:${any()}`,
    () => `tong:${org()}:${month}`,
    () => `lb:${pick(rand, ["o", "c"])}:${org()}:${month}`,
    () => `tong:${org()}:${pick(rand, [month, "-", "2025-Q3", "2025", "2025-13"])}:${Math.floor(rand() * 7)}`,
    () => `xu:${org()}:${Math.floor(rand() * 5)}:${month}`,
    () => `rpc:${org()}:monthly-meeting`,
    () => `rpf:${org()}:${pick(rand, ["monthly-meeting", "party-dues", "admissions"])}`,
    () => `rp:${pick(rand, ["ok", "yes", "no", "edit", "cancel", "skip", "back", "def", "keepall", "unpaid", "unpdone", "unp:1", "unp:abc", "unp:-7"])}`,
    () => `rsvp:${org()}:${date}:${pick(rand, ["yes", "no"])}`,
    () => `dl:${pick(rand, ["ok", "no"])}`,
    () => `rsvpp:${org()}:${date}:${pick(rand, ["list", person()])}`,
    () => `rsvpp:${org()}:${date}:${person()}:${pick(rand, ["yes", "no"])}`,
    () => `pc:p:o:${org()}:${person()}`,
    () => `pc:p:h:${world.householdIds.length ? pick(rand, world.householdIds) : any()}:${person()}`,
    () => `pc:e:${any()}`,
    () => `pc:t:o:${org()}`,
    () => `hh:${world.householdIds.length ? pick(rand, world.householdIds) : any()}`,
    () => `hv:${world.householdIds.length ? pick(rand, world.householdIds) : any()}`,
    () => `tb:to:${org()}`,
    () => `tb:st:${any()}`,
    () => `tb:${pick(rand, ["list", "edit", "cancel", "to", "st"])}`,
    () => `vr:${pick(rand, ["c", "q", "o"])}:${org()}:${pick(rand, ["2025-Q3", "2025-Q4", "2025-Q9", "-"])}`,
    () => `vr:${pick(rand, ["keep", "save", "cancel"])}`,
    () => `pt:${pick(rand, ["l", "a", "v", "d"])}:${pick(rand, [org(), any()])}`,
    () => `pt:${pick(rand, ["s", "t"])}:${any()}:${pick(rand, ["certificate", "dossier", "admitted", "full", "identified", "x"])}`,
    () => `pt:g:${pick(rand, ["36", "60", "11", "121", any()])}:${pick(rand, ["60", "36", any()])}`,
    () => `gld:${pick(rand, ["s", "k", any()])}:${pick(rand, ["2025-10-01", "2099-01-01", "2025-02-30", any()])}:${pick(rand, ["none", "2025-10-01", any()])}`,
    () => `kenh:${pick(rand, ["zalo", "telegram", "console", "auto", "sms"])}`,
    () => `lang:${pick(rand, ["vi", "en", "fr", ""])}`,
    () => `viec:${any()}`,
    () => `viecm:${any()}:${pick(rand, ["done", "late", "open", "lost"])}`,
    () => "viecn",
    () => `ct:${pick(rand, ["cell", "save", "cancel"])}:${org()}`,
    () => `dh:${pick(rand, ["org", "ok", "cancel"])}:${org()}:${month}`,
    () => `vb:${org()}:${month}:${pick(rand, ["minutes", "resolution", "report"])}`,
    () => `vbc:${org()}:${pick(rand, [month, "", "2025-Q4"])}`,
    () => `xl:${pick(rand, ["o", "v", "d"])}:${org()}:${pick(rand, ["2025", "2026", "1999", "abcd"])}`,
    () => `xl:${pick(rand, ["s", "n", "x", "l:HTT", "l:HTXS", "l:ZZZ"])}`,
    () => `tdg:${pick(rand, ["l:HT", "l:KHT", "l:", "ok", "x"])}`,
    // Today's bound forms: a report's button carries its draft, stamp, form and period; the screens their unit, period and stamp.
    () => `rp:${pick(rand, ["ok", "edit", "cancel", "skip", "def", "keepall", "unp:1"])}:${any()}.${stamp()}.${Math.floor(rand() * 6)}.${pick(rand, [month, "2025-Q4", "2025", "-"])}`,
    () => `ct:${pick(rand, ["save", "cancel"])}:${org()}:${month.replace("-", "")}:${stamp()}`,
    () => `vr:${pick(rand, ["save", "keep", "cancel"])}:${org()}:${pick(rand, ["2025-Q3", "2025-Q4", "2025-Q9"])}:${stamp()}`,
    () => `tdg:ok:${pick(rand, ["2025", "2026", "1999"])}:${stamp()}`,
    () => `xl:${pick(rand, ["s", "n", "l:HTT", "l:ZZZ"])}:${org()}.${pick(rand, ["2025", "2026", "abcd"])}:${stamp()}`,
  ])();
}

function command(rand: () => number, world: FuzzWorld): string {
  const name = rand() < 0.9 ? pick(rand, world.commands) : randomUnicode(rand, 1 + Math.floor(rand() * 8));
  const args = pick(rand, [
    () => "",
    () => randomId(rand, world),
    () => pick(rand, SQL),
    () => pick(rand, MARKUP),
    () => randomUnicode(rand, 1 + Math.floor(rand() * 40)),
    () => `${1 + Math.floor(rand() * 40)}/${1 + Math.floor(rand() * 14)} ${Math.floor(rand() * 30)}:${Math.floor(rand() * 70)} ${randomUnicode(rand, 5)}`,
    () => pick(rand, ["huy", "cancel", "thang 13", "t0", "2025-13", "99/99", "zalo", "en", "vi", "ABCDE-FGHJK", "22222-33333", "@bot", "-", "--help"]),
    () => "x".repeat(3000),
  ])();
  const slash = pick(rand, ["/", "/", "/", "//", "／"]);
  const suffix = rand() < 0.1 ? `@${pick(rand, ["chibo_bot", "other_bot", ""])}` : "";
  return `${slash}${name}${suffix}${args ? ` ${args}` : ""}`;
}

/** One generated input. */
export function fuzzInput(rand: () => number, world: FuzzWorld, corpus: readonly string[]): FuzzInput {
  const r = rand();
  if (r < 0.1) return { category: "unicode", text: randomUnicode(rand, 1 + Math.floor(rand() * 300)) };
  if (r < 0.12) {
    const unit = pick(rand, ["a", "đ", "😀", "\u200b", "<b>", "'; --"]);
    return { category: "huge", text: unit.repeat(Math.ceil((100 * 1024) / unit.length)) };
  }
  if (r < 0.2) {
    const command = rand() < 0.5 ? pick(rand, world.commands) : undefined;
    const base = command !== undefined ? `/${command}` : pick(rand, corpus);
    const text = sprinkle(rand, base, rand() < 0.5 ? ZERO_WIDTH : BIDI);
    // Invisible characters are dropped before reading, so a command that acts when typed bare (a
    // secretary's /lienket_nhom in a group links it) is that command, not garbage.
    return { category: command !== undefined && ACTS_BARE.has(command) ? "command" : "invisible", text };
  }
  if (r < 0.27) return { category: "markup", text: pick(rand, MARKUP) + (rand() < 0.5 ? ` ${pick(rand, MARKUP)}` : "") };
  if (r < 0.33) return { category: "sql", text: pick(rand, SQL) };
  if (r < 0.48) return { category: "forged-payload", action: forgedPayload(rand, world) };
  if (r < 0.63) return { category: "scoped-payload", action: scopedPayload(rand, world) };
  if (r < 0.8) return { category: "command", text: command(rand, world) };
  if (r < 0.88) return { category: "digit", text: pick(rand, ["0", "1", "2", "3", "7", "9", "10", "99", "1.", "2)", "-1", "01", " 1 ", "１"]) };
  if (r < 0.96) return { category: "report-text", text: pick(rand, corpus) };
  const phone = pick(rand, world.phones);
  return { category: "contact", contact: rand() < 0.5 ? { phone } : { phone, userId: `someone-else-${Math.floor(rand() * 9)}` } };
}
