#!/usr/bin/env node
// `npm run build`: compile src/ and migrations/ to dist/ with tsc (tsconfig.build.json), from a clean
// dist/, then stamp the build. bin/chibo.js runs dist/ while no source file is newer than the stamp.
import { spawnSync } from "node:child_process";
import { rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const require = createRequire(import.meta.url);
rmSync(`${root}dist`, { recursive: true, force: true });
const tsc = join(dirname(require.resolve("typescript/package.json")), "bin", "tsc");
const result = spawnSync(process.execPath, [tsc, "-p", `${root}tsconfig.build.json`], { stdio: "inherit" });
if (result.status !== 0) process.exit(result.status ?? 1);
writeFileSync(`${root}dist/BUILD`, `${new Date().toISOString()}\n`);
