import { join, resolve } from "node:path";

/**
 * The admin socket of a running `chibo start` on the embedded database: a Unix socket in DATA_DIR,
 * readable and writable by its owner only. One connection runs one command, as JSON lines:
 *
 *   client → server: {"argv": [...], "cwd": "/abs"} then {"in": "text"}… and {"end": true} (stdin)
 *   server → client: {"out": "text"} | {"err": "text"}… then {"exit": 0}
 */
export const ADMIN_SOCKET_FILE = "chibo.sock";

/** The admin socket's path for a data folder (relative folders are read from `cwd`). */
export function adminSocketPath(dataDir: string, cwd = process.cwd()): string {
  return join(resolve(cwd, dataDir), ADMIN_SOCKET_FILE);
}

export interface AdminRequest {
  argv: string[];
  cwd: string;
}

export type ClientFrame = { in: string } | { end: true };
export type ServerFrame = { out: string } | { err: string } | { exit: number };
