import { spawn, spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, expect, it } from "vitest";
import { FakeTelegramApi } from "../fakes/telegram-api.js";
import { freePort } from "../support/chibo-process.js";
import { eventually } from "../support/eventually.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const TOKEN = "123456:TEST-token-for-the-production-tree";
const DOCKERFILE = readFileSync(join(ROOT, "Dockerfile"), "utf8");

/** The JSON-array instruction of the Dockerfile's final stage (CMD, or HEALTHCHECK … CMD), as argv. */
function dockerArgv(instruction: "CMD" | "HEALTHCHECK"): string[] {
  const text = DOCKERFILE.replace(/\\\n\s*/g, " ");
  const line = text.split("\n").filter((l) => l.startsWith(`${instruction} `)).at(-1) ?? "";
  const json = /\[.*\]\s*$/.exec(line)?.[0];
  if (!json) throw new Error(`no ${instruction} [..] in the Dockerfile`);
  return JSON.parse(json) as string[];
}

/** The Dockerfile's final-stage ENV, as an environment. */
function dockerEnv(): Record<string, string> {
  const text = DOCKERFILE.replace(/\\\n\s*/g, " ");
  const env: Record<string, string> = {};
  for (const line of text.split("\n").filter((l) => l.startsWith("ENV "))) {
    for (const [, k, v] of line.slice(4).matchAll(/(\w+)=(\S+)/g)) env[k as string] = v as string;
  }
  return env;
}

function run(cmd: string, args: string[], cwd: string, env: Record<string, string> = {}) {
  const result = spawnSync(cmd, args, { cwd, env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ...env }, encoding: "utf8" });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

let dir: string;
let app: string;
let fake: FakeTelegramApi;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "chibo-prod-"));
  // The Dockerfile's build stage: the sources and the compiler (the checkout's dev dependencies).
  const build = join(dir, "build");
  mkdirSync(join(build, "scripts"), { recursive: true });
  for (const f of ["package.json", "package-lock.json", "tsconfig.json", "tsconfig.build.json", "scripts/build.js"]) cpSync(join(ROOT, f), join(build, f));
  for (const d of ["src", "migrations"]) cpSync(join(ROOT, d), join(build, d), { recursive: true });
  symlinkSync(join(ROOT, "node_modules"), join(build, "node_modules"));
  const built = run(process.execPath, ["scripts/build.js"], build);
  expect(built.code, built.stdout + built.stderr).toBe(0);

  // The final stage: production dependencies from a clean npm ci, the build, bin, locales, templates, assets.
  app = join(dir, "app");
  mkdirSync(app);
  for (const f of ["package.json", "package-lock.json"]) cpSync(join(ROOT, f), join(app, f));
  const npm = run("npm", ["ci", "--omit=dev", "--no-audit", "--no-fund", "--loglevel=error"], app);
  expect(npm.code, npm.stderr).toBe(0);
  cpSync(join(build, "dist"), join(app, "dist"), { recursive: true });
  for (const d of ["bin", "locales", "templates", "assets"]) cpSync(join(ROOT, d), join(app, d), { recursive: true });
  // No TypeScript at run time: tsx is a development dependency, absent from this tree.
  expect(existsSync(join(app, "node_modules", "tsx"))).toBe(false);
  fake = await FakeTelegramApi.start({ token: TOKEN, limits: { perChatPerSecond: 20, globalPerSecond: 100 } });
});

afterAll(async () => {
  await fake?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

it("the production tree has no dev dependency and no sources, and answers --help from dist/", () => {
  expect(existsSync(join(app, "node_modules", "typescript"))).toBe(false);
  expect(existsSync(join(app, "node_modules", "vitest"))).toBe(false);
  expect(existsSync(join(app, "src"))).toBe(false);
  const help = run(process.execPath, ["bin/chibo.js", "--help"], app);
  expect(help.code).toBe(0);
  expect(help.stdout).toContain("chibo backup --out FILE");
});

it("runs the Dockerfile's CMD: migrates, answers a user, passes the HEALTHCHECK and /readyz, and stops on SIGTERM with 0", async () => {
  const data = join(dir, "data");
  const port = await freePort();
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? "",
    ...dockerEnv(),
    DATA_DIR: data,
    PORT: String(port),
    TELEGRAM_BOT_TOKEN: TOKEN,
    TELEGRAM_API_ROOT: fake.apiRoot,
    LOG_LEVEL: "info",
  };
  expect(env.NODE_ENV).toBe("production");
  const seeded = run(process.execPath, ["bin/chibo.js", "seed", "--demo"], app, env);
  expect(seeded.code, seeded.stderr).toBe(0);

  const [cmd, ...args] = dockerArgv("CMD");
  expect([cmd, ...args]).toEqual(["node", "bin/chibo.js", "start"]);
  const child = spawn(process.execPath, args, { cwd: app, env, stdio: ["ignore", "ignore", "pipe"] });
  let log = "";
  child.stderr.setEncoding("utf8").on("data", (d: string) => (log += d));
  const exited = new Promise<number | null>((resolve) => child.on("close", resolve));
  try {
    await eventually(async () => (log.includes('"msg":"chibo started"') || child.exitCode !== null ? true : undefined), 120_000);
    expect(log).toContain('"msg":"chibo started"');
    // HEALTHCHECK … CMD ["node", "-e", "…"]: the JSON array is the command.
    const [, ...health] = dockerArgv("HEALTHCHECK");
    expect(run(process.execPath, health, app, env).code).toBe(0);
    const ready = await fetch(`http://127.0.0.1:${port}/readyz`);
    expect(ready.status).toBe(200);

    const user = { id: 9101 };
    fake.enqueue(fake.textUpdate(user, "/trogiup"));
    await fake.waitForSent((s) => s.chatId === String(user.id), 0, 60_000);
  } finally {
    child.kill("SIGTERM");
  }
  expect(await exited).toBe(0);
});
