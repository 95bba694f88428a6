#!/usr/bin/env node
// Runs the build in dist/ (`npm run build`) with plain Node. Without a build, or when a source file
// is newer than it (a development checkout after an edit), it runs the TypeScript sources through tsx.
import { readdirSync, statSync } from "node:fs";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const built = `${root}dist/src/cli.js`;
const stamp = `${root}dist/BUILD`;

function mtime(path) {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return -1;
  }
}

/** The newest modification time under the folders the build compiles (0 when they are not shipped). */
function newestSource() {
  let newest = 0;
  for (const dir of ["src", "migrations"]) {
    let names;
    try {
      names = readdirSync(`${root}${dir}`, { recursive: true });
    } catch {
      continue; // a production tree ships dist/ only
    }
    for (const name of names) newest = Math.max(newest, mtime(`${root}${dir}/${name}`));
  }
  return newest;
}

const builtAt = mtime(built) >= 0 ? mtime(stamp) : -1;
let entry;
if (builtAt >= 0 && newestSource() <= builtAt) {
  entry = await import(built);
} else {
  const { register } = await import("tsx/esm/api");
  register();
  entry = await import("../src/cli.ts");
}
process.exitCode = await entry.main(process.argv.slice(2));
