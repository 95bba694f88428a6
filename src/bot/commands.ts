import { fold } from "../domain/text/fold.js";
import type { CommandSpec, Feature } from "./feature.js";

export interface ParsedCommand {
  name: string;
  args: string;
}

/**
 * Read `/name args` from a message: diacritics folded (`/trợgiúp` → `trogiup`), `@botname` suffix dropped.
 * Returns null when the text is not a command.
 */
export function parseCommand(text: string): ParsedCommand | null {
  const match = /^\s*\/([^\s@]+)(?:@\S+)?(?:\s+([\s\S]*))?$/.exec(text);
  if (!match) return null;
  const name = fold(match[1] as string).replace(/[^a-z0-9_]/g, "");
  if (!name) return null;
  return { name, args: (match[2] ?? "").trim() };
}

export class CommandTable {
  private readonly byName = new Map<string, CommandSpec>();
  readonly all: CommandSpec[] = [];

  constructor(features: Feature[]) {
    for (const feature of features) {
      for (const command of feature.commands ?? []) {
        this.all.push(command);
        for (const name of command.names) {
          if (this.byName.has(name)) throw new Error(`command /${name} registered twice`);
          this.byName.set(name, command);
          // Also accept the name without underscores (`/lienketnhom` for `/lienket_nhom`).
          const bare = name.replace(/_/g, "");
          if (bare !== name && !this.byName.has(bare)) this.byName.set(bare, command);
        }
      }
    }
  }

  /** Exact name first, then without underscores (`/chi_bo` finds `/chibo`). */
  find(name: string): CommandSpec | undefined {
    return this.byName.get(name) ?? this.byName.get(name.replace(/_/g, ""));
  }

  /** The closest known command name (edit distance ≤ 2, or a prefix), for "did you mean". */
  suggest(name: string): string | undefined {
    let best: { name: string; distance: number } | undefined;
    for (const known of this.byName.keys()) {
      const distance = known.startsWith(name) && name.length >= 3 ? 1 : editDistance(name, known);
      if (distance <= 2 && (!best || distance < best.distance)) best = { name: known, distance };
    }
    return best?.name;
  }
}

/** Levenshtein distance, small strings only. */
export function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 3) return 99;
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = prev[0] as number;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = prev[j] as number;
      prev[j] = Math.min(above + 1, (prev[j - 1] as number) + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return prev[b.length] as number;
}
