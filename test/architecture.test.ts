/**
 * The house rules, read from the code itself (docs/architecture.md draws them):
 * - an import never points up the layers: domain ← messaging ← db ← services ← bot/scheduler ← channels ← main/cli;
 * - only `src/db/` writes SQL (Kysely builders or sql``).
 */
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, normalize, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const SRC = fileURLToPath(new URL("../src/", import.meta.url));

/** Which top-level module each may import (besides itself). Written out, not computed: changing it is a decision. */
const ALLOWED: Record<string, readonly string[]> = {
  domain: [],
  // Shared by all: configuration, logging, where the package lives.
  base: [],
  messaging: ["domain", "base"],
  db: ["messaging", "domain", "base"],
  charts: ["domain", "base"],
  services: ["db", "messaging", "domain", "base"],
  export: ["services", "db", "charts", "messaging", "domain", "base"],
  bot: ["services", "db", "export", "charts", "messaging", "domain", "base"],
  scheduler: ["services", "db", "messaging", "domain", "base"],
  // Channels never import db/ (DESIGN.md): what they keep goes through services.
  channels: ["bot", "services", "messaging", "domain", "base"],
  // The top: wiring, the command line, production operations.
  top: ["top", "channels", "scheduler", "bot", "export", "charts", "services", "db", "messaging", "domain", "base"],
};

const TOP_FILES = new Set(["app.ts", "main.ts", "cli.ts"]);
const BASE_FILES = new Set(["config.ts", "log.ts", "package-root.ts"]);
const TOP_DIRS = new Set(["cli", "ops"]);

/**
 * Files that still write SQL outside `src/db/` (issue #18, step "one data rule"): this list only
 * shrinks; a file leaves it when its queries move into a repository.
 */
const SQL_OUTSIDE_DB_PENDING = new Set<string>([]);

function moduleOf(file: string): string {
  const [first, ...rest] = file.split("/");
  if (rest.length === 0) return TOP_FILES.has(first!) ? "top" : BASE_FILES.has(first!) ? "base" : `unknown:${first}`;
  if (TOP_DIRS.has(first!)) return "top";
  return first!;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(join(dir, e.name)) : e.name.endsWith(".ts") ? [relative(SRC, join(dir, e.name)).split("\\").join("/")] : [],
  );
}

const files = sourceFiles(SRC);
const text = new Map(files.map((f) => [f, readFileSync(join(SRC, f), "utf8")]));

function importsOf(file: string): string[] {
  const out: string[] = [];
  for (const m of (text.get(file) ?? "").matchAll(/(?:from|import)\s*\(?\s*["'](\.{1,2}\/[^"']+)["']/g)) {
    const target = normalize(join(dirname(file), m[1]!)).split("\\").join("/").replace(/\.js$/, ".ts");
    out.push(target);
  }
  return out;
}

/** Kysely query builders or the sql`` tag. */
const SQL_PATTERN = /\bsql`|\.(selectFrom|insertInto|updateTable|deleteFrom|replaceInto|mergeInto)\(|import\s*\{[^}]*\bsql\b[^}]*\}\s*from\s*["']kysely["']/;

describe("architecture", () => {
  it("knows the layer of every source file", () => {
    expect(files.length).toBeGreaterThan(100);
    expect(files.map(moduleOf).filter((m) => !(m in ALLOWED))).toEqual([]);
  });

  it("has no import pointing up the layers", () => {
    const wrong: string[] = [];
    for (const file of files) {
      const from = moduleOf(file);
      for (const target of importsOf(file)) {
        const to = moduleOf(target);
        if (to !== from && !ALLOWED[from]?.includes(to)) wrong.push(`${file} → ${target} (${from} may not import ${to})`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it("has bot features and report flows go through services, never db/ (a type-only import is fine)", () => {
    const direct = files
      .filter((f) => f.startsWith("bot/features/") || f.startsWith("bot/report/"))
      .filter((f) => /^import\s+(?!type\b)[^;]*?from\s+["'][./]*db\//m.test(text.get(f) ?? ""));
    expect(direct).toEqual([]);
  });

  it("keeps domain/ pure: no I/O, no platform SDK, no Kysely", () => {
    const impure = files
      .filter((f) => moduleOf(f) === "domain")
      .filter((f) => /from\s+["'](node:(fs|http|net|child_process)|grammy|axios|kysely|pg|@electric-sql\/pglite)["']/.test(text.get(f) ?? ""));
    expect(impure).toEqual([]);
  });

  it("writes SQL only in src/db/ (and in the files still listed as pending, which only shrink)", () => {
    const writing = files.filter((f) => !f.startsWith("db/") && SQL_PATTERN.test(text.get(f) ?? ""));
    expect(writing.filter((f) => !SQL_OUTSIDE_DB_PENDING.has(f))).toEqual([]);
    // A file that no longer writes SQL leaves the list.
    expect([...SQL_OUTSIDE_DB_PENDING].filter((f) => !writing.includes(f))).toEqual([]);
  });

  it("gives grammY to the Telegram channel alone", () => {
    expect(files.filter((f) => !f.startsWith("channels/telegram/") && /from\s+["']grammy|@grammyjs/.test(text.get(f) ?? ""))).toEqual([]);
  });
});
