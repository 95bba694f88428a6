import { execFile } from "node:child_process";
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { freePort } from "../support/chibo-process.js";

const run = promisify(execFile);

/** A PostgreSQL server of a test's own, in a temp folder on a free port: it may be stopped and started (never the shared one on 5432). */
export interface OwnPostgres {
  readonly url: string;
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Stop it and remove its folder. */
  destroy(): Promise<void>;
}

/** PostgreSQL refuses to run as root: the tools then run as the `postgres` user. */
function command(bin: string, args: string[]): [string, string[]] {
  return process.getuid?.() === 0 ? ["runuser", ["-u", "postgres", "--", bin, ...args]] : [bin, args];
}

/**
 * initdb a new cluster in a temp folder and start it on a free port (trust auth on 127.0.0.1; fsync
 * off: the data is thrown away).
 *
 * @example const pg = await startOwnPostgres(); await pg.stop(); await pg.start(); await pg.destroy()
 */
export async function startOwnPostgres(): Promise<OwnPostgres> {
  const dir = mkdtempSync(join(tmpdir(), "chibo-own-pg-"));
  chmodSync(dir, 0o777);
  const data = join(dir, "data");
  const port = await freePort();
  await run(...command("initdb", ["-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-sync"]));
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`;
  const start = async () => {
    await run(...command("pg_ctl", ["-D", data, "-o", options, "-l", join(dir, "log"), "-w", "start"]));
  };
  const stop = async () => {
    await run(...command("pg_ctl", ["-D", data, "-m", "fast", "-w", "stop"]));
  };
  await start();
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    start,
    stop,
    async destroy() {
      await stop().catch(() => {});
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
