import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import { CHIBO_BIN, childEnv } from "./cli.js";

/** A running `chibo start`: its stderr (JSON log lines) and a way to stop it as an operator would. */
export interface ChiboProcess {
  readonly child: ChildProcess;
  stderr(): string;
  /** Resolve when a log line matches, or reject with the log so far after `timeoutMs`. */
  waitForLog(pattern: RegExp, timeoutMs?: number): Promise<void>;
  /** The exit code once the process ends on its own, or reject with the log so far after `timeoutMs`. */
  exited(timeoutMs?: number): Promise<number | null>;
  /** SIGTERM, then the exit code (SIGKILL after `timeoutMs`). */
  stop(timeoutMs?: number): Promise<number | null>;
}

/** Start the real `node bin/chibo.js start` with only the environment given (plus PATH and HOME). */
export function startChibo(env: Record<string, string>): ChiboProcess {
  const child = spawn(process.execPath, [CHIBO_BIN, "start"], {
    env: childEnv(env),
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  const exited = new Promise<number | null>((resolve) => child.on("close", (code) => resolve(code)));
  child.stderr!.setEncoding("utf8").on("data", (d: string) => (stderr += d));
  child.stdout!.resume();
  return {
    child,
    stderr: () => stderr,
    waitForLog(pattern, timeoutMs = 60_000) {
      return new Promise((resolve, reject) => {
        if (pattern.test(stderr)) return resolve();
        const onData = () => {
          if (!pattern.test(stderr)) return;
          cleanup();
          resolve();
        };
        const onClose = () => {
          cleanup();
          reject(new Error(`chibo exited before logging ${pattern}:\n${stderr}`));
        };
        const timer = setTimeout(() => {
          cleanup();
          reject(new Error(`chibo did not log ${pattern} within ${timeoutMs} ms:\n${stderr}`));
        }, timeoutMs);
        const cleanup = () => {
          clearTimeout(timer);
          child.stderr!.off("data", onData);
          child.off("close", onClose);
        };
        child.stderr!.on("data", onData);
        child.once("close", onClose);
      });
    },
    exited(timeoutMs = 60_000) {
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`chibo did not exit within ${timeoutMs} ms:\n${stderr}`)), timeoutMs);
      });
      return Promise.race([exited, late]).finally(() => clearTimeout(timer));
    },
    async stop(timeoutMs = 20_000) {
      if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
      const code = await exited;
      clearTimeout(timer);
      return code;
    },
  };
}

/** A TCP port free on 127.0.0.1 right now (for PORT in webhook mode). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
