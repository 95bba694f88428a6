import type { App, AppOptions } from "../app.js";
import type { Config } from "../config.js";

/** The terminal a command talks to: stdin in, stdout and stderr out (a process, a test, or the admin socket). */
export interface Io {
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

export type Env = Record<string, string | undefined>;

/**
 * Where a command runs. From a terminal it opens chibo itself; through the admin socket of a running
 * `chibo start` it borrows that process's open app (same database handle, `close()` does nothing) and
 * resolves file names against the caller's working directory.
 */
export interface CommandContext {
  /** The caller's working directory: relative FILE arguments are resolved against it. */
  readonly cwd: string;
  /** Open chibo for this command; the command closes what it opened. */
  openApp(config: Config, options?: AppOptions): Promise<App>;
  /** True when the command runs inside a running `chibo start` (through its admin socket). */
  readonly inRunningProcess: boolean;
}

/** A `chibo` subcommand: resolves to its exit code (0 done, 1 refused or failed, 2 usage). */
export type Command = (args: string[], env: Env, io: Io, ctx: CommandContext) => Promise<number>;

/** The context of a command run from a terminal: it opens its own app. */
export function localContext(cwd = process.cwd()): CommandContext {
  return {
    cwd,
    inRunningProcess: false,
    async openApp(config, options) {
      const { openApp } = await import("../app.js");
      return openApp(config, options);
    },
  };
}

/** In chat and other terminal commands the terminal is the output: keep logs to warnings unless asked. */
export async function quietConfig(env: Env): Promise<Config> {
  const { loadConfig } = await import("../config.js");
  return loadConfig({ ...env, LOG_LEVEL: env.LOG_LEVEL ?? "warn" });
}
