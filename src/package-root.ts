import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

function findPackageRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, "package.json"))) return dir;
    if (dirname(dir) === dir) return from;
  }
}

/**
 * chibo's install folder (the one holding package.json, locales/ and templates/), found the same
 * from the sources in src/ and from the build in dist/src/.
 *
 * @example join(PACKAGE_ROOT, "locales")
 */
export const PACKAGE_ROOT = findPackageRoot(dirname(fileURLToPath(import.meta.url)));
