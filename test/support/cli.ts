import { spawn } from "node:child_process";
import { PassThrough } from "node:stream";
import { fileURLToPath } from "node:url";
import { main } from "../../src/cli.js";
import type { CommandContext } from "../../src/cli/command.js";

export const CHIBO_BIN = fileURLToPath(new URL("../../bin/chibo.js", import.meta.url));

/** A child's environment: only what is given, plus PATH and HOME, so no developer setting leaks in. */
export function childEnv(env: Record<string, string> = {}): Record<string, string> {
  return { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ...env };
}

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  env?: Record<string, string>;
  input?: string;
  timeoutMs?: number;
  /** Where the command runs (default: a terminal's, opening its own chibo); a test may lend it an open database. */
  ctx?: CommandContext;
}

/**
 * Run a `chibo` command in this process, through the CLI's entry function (`main` in src/cli.ts), with
 * only the environment given (LOG_LEVEL silent unless given) and `input` as its stdin. The same code
 * as the real command, without the ~2 s a new Node process costs; use `runChiboProcess` when the
 * process itself is the point (its logs on fd 2, signals, two processes on one folder).
 */
export async function runChibo(args: string[], options: RunOptions = {}): Promise<CliResult> {
  const stdin = new PassThrough();
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = "";
  let err = "";
  stdout.setEncoding("utf8").on("data", (d: string) => (out += d));
  stderr.setEncoding("utf8").on("data", (d: string) => (err += d));
  stdin.end(options.input ?? "");
  const code = await main(args, { LOG_LEVEL: "silent", ...options.env }, { stdin, stdout, stderr }, options.ctx);
  return { code, stdout: out, stderr: err };
}

/**
 * Run the real `chibo` command as a child process, with stdin piped, and wait for it to exit.
 * Only the environment given (plus PATH and HOME) reaches it (`childEnv`).
 */
export function runChiboProcess(args: string[], options: RunOptions = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CHIBO_BIN, ...args], {
      env: childEnv(options.env),
      stdio: ["pipe", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
    child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`chibo ${args.join(" ")} timed out\nstdout: ${stdout}\nstderr: ${stderr}`));
    }, options.timeoutMs ?? 60_000);
    child.on("error", reject);
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
    child.stdin.end(options.input ?? "");
  });
}

/**
 * A one-time invite code for a person, from `chibo invite` (in this process). Throws with the
 * command's output when there is none.
 */
export async function inviteCode(env: Record<string, string>, person: string): Promise<string> {
  const out = await runChibo(["invite", person], { env });
  const code = /^Mã mời cho .+?: ([A-Z0-9]{5}-[A-Z0-9]{5})$/m.exec(out.stdout)?.[1];
  if (out.code !== 0 || !code) throw new Error(`chibo invite ${person} gave no code (exit ${out.code}):\n${out.stdout}${out.stderr}`);
  return code;
}

/** Captured stdout and stderr of an in-process command. */
export function capture() {
  let stdout = "";
  let stderr = "";
  const io = {
    stdin: process.stdin,
    stdout: { write: (s: string) => ((stdout += s), true) } as unknown as NodeJS.WritableStream,
    stderr: { write: (s: string) => ((stderr += s), true) } as unknown as NodeJS.WritableStream,
  };
  return { io, out: () => stdout, err: () => stderr };
}
