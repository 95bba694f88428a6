import { readdir } from "node:fs/promises";
import { fileURLToPath, pathToFileURL } from "node:url";
import { join } from "node:path";
import { Migrator, type Kysely, type Migration, type MigrationProvider, type MigrationResultSet } from "kysely";

export const MIGRATIONS_DIR = fileURLToPath(new URL("../../migrations/", import.meta.url));

/**
 * Reads `migrations/*.ts` with a plain dynamic import. Kysely's FileMigrationProvider
 * fails on `.ts` files under vitest; this works under tsx and vitest alike.
 */
class DirectoryMigrationProvider implements MigrationProvider {
  constructor(private readonly dir: string) {}

  async getMigrations(): Promise<Record<string, Migration>> {
    const files = (await readdir(this.dir)).filter((f) => /\.(ts|js)$/.test(f) && !f.endsWith(".d.ts")).sort();
    const migrations: Record<string, Migration> = {};
    for (const file of files) {
      const mod = (await import(pathToFileURL(join(this.dir, file)).href)) as Migration;
      migrations[file.replace(/\.(ts|js)$/, "")] = { up: mod.up, down: mod.down };
    }
    return migrations;
  }
}

export class MigrationError extends Error {
  readonly code = "migration_failed";
}

/** Apply every pending migration; throws MigrationError naming the one that failed. */
export async function migrateToLatest(db: Kysely<any>, dir = MIGRATIONS_DIR): Promise<string[]> {
  const migrator = new Migrator({ db, provider: new DirectoryMigrationProvider(dir) });
  const { error, results } = await migrator.migrateToLatest();
  return check(error, results);
}

/** Apply pending migrations up to and including `name` (a restore brings an empty store to its backup's version). */
export async function migrateUpTo(db: Kysely<any>, name: string, dir = MIGRATIONS_DIR): Promise<string[]> {
  const migrator = new Migrator({ db, provider: new DirectoryMigrationProvider(dir) });
  const { error, results } = await migrator.migrateTo(name);
  return check(error, results);
}

/** Names of the migrations this version of chibo has, oldest first. */
export async function knownMigrations(dir = MIGRATIONS_DIR): Promise<string[]> {
  return Object.keys(await new DirectoryMigrationProvider(dir).getMigrations()).sort();
}

/** Undo the latest migration (for development). */
export async function migrateDown(db: Kysely<any>, dir = MIGRATIONS_DIR): Promise<string[]> {
  const migrator = new Migrator({ db, provider: new DirectoryMigrationProvider(dir) });
  const { error, results } = await migrator.migrateDown();
  return check(error, results);
}

function check(error: unknown, results: MigrationResultSet["results"]): string[] {
  if (error) {
    const failed = results?.find((r) => r.status === "Error")?.migrationName ?? "?";
    throw new MigrationError(`migration ${failed} failed: ${error instanceof Error ? error.message : String(error)}`, {
      cause: error,
    });
  }
  return (results ?? []).filter((r) => r.status === "Success").map((r) => r.migrationName);
}
