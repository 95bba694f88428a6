import { chmod, unlink } from "node:fs/promises";
import { createServer, type Server, type Socket } from "node:net";
import { createInterface } from "node:readline";
import { PassThrough, Writable } from "node:stream";
import type { App } from "../app.js";
import type { CommandContext, Env } from "../cli/command.js";
import type { Config } from "../config.js";
import { adminSocketPath, type AdminRequest, type ClientFrame, type ServerFrame } from "./admin-protocol.js";

/** Owner read and write only: the socket runs office commands on the party's data. */
const SOCKET_MODE = 0o600;

export interface AdminSocket {
  readonly path: string;
  /** Stop taking commands and wait for the ones running to finish. Idempotent. */
  close(): Promise<void>;
}

/** The environment that gives back this config, so a command's own `loadConfig(env)` agrees with the running app. */
export function envOfConfig(config: Config): Env {
  const env: Env = {};
  for (const [key, value] of Object.entries(config)) if (value !== undefined) env[key] = String(value);
  return env;
}

function isRequest(value: unknown): value is AdminRequest {
  const v = value as Partial<AdminRequest> | null;
  return (
    typeof v === "object" && v !== null && Array.isArray(v.argv) && v.argv.length > 0 && v.argv.every((a) => typeof a === "string") && typeof v.cwd === "string"
  );
}

/**
 * Listen on DATA_DIR's admin socket (mode 0600) and run each office command sent to it inside this
 * process, on the app's own database handle: the CLI's `export`, `import`, `invite`, `backup`,
 * `remind`, `seed` and `chat` keep working while `chibo start` holds the embedded database folder.
 * A socket file left by a process that died is replaced (the caller already holds the folder's lock).
 */
export async function startAdminSocket(app: App, dataDir: string): Promise<AdminSocket> {
  const path = adminSocketPath(dataDir);
  await unlink(path).catch(() => {});
  const running = new Set<Promise<void>>();
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.once("close", () => sockets.delete(socket));
    const job = serve(app, socket).catch((err) => app.log.error({ err }, "admin command failed"));
    running.add(job);
    void job.finally(() => running.delete(job));
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen({ path, readableAll: false, writableAll: false }, () => {
      server.off("error", reject);
      resolve();
    });
  });
  await chmod(path, SOCKET_MODE);
  app.log.info("admin socket listening");
  let closing: Promise<void> | undefined;
  return {
    path,
    close: () =>
      (closing ??= (async () => {
        await new Promise<void>((resolve) => server.close(() => resolve()));
        await Promise.all([...running]);
        for (const socket of sockets) socket.destroy();
      })()),
  };
}

async function serve(app: App, socket: Socket): Promise<void> {
  const stdin = new PassThrough();
  const send = (frame: ServerFrame) => {
    if (!socket.destroyed) socket.write(`${JSON.stringify(frame)}\n`);
  };
  const writer = (key: "out" | "err") =>
    new Writable({
      write(chunk: Buffer | string, _encoding, callback) {
        send(key === "out" ? { out: chunk.toString() } : { err: chunk.toString() });
        callback();
      },
    });
  let request: AdminRequest | undefined;
  let started!: () => void;
  const requestRead = new Promise<void>((resolve) => (started = resolve));
  const lines = createInterface({ input: socket, crlfDelay: Infinity });
  socket.on("error", () => {});
  lines.on("line", (line) => {
    let frame: unknown;
    try {
      frame = JSON.parse(line);
    } catch {
      return;
    }
    if (!request) {
      if (isRequest(frame)) request = frame;
      started();
      return;
    }
    const f = frame as ClientFrame;
    if ("in" in f && typeof f.in === "string") stdin.write(f.in);
    else if ("end" in f) stdin.end();
  });
  lines.once("close", () => {
    stdin.end();
    started();
  });
  await requestRead;
  if (!request) {
    socket.end();
    return;
  }
  const { isOfficeCommand, main } = await import("../cli.js");
  const [name = ""] = request.argv;
  let code: number;
  if (!isOfficeCommand(name)) {
    send({ err: `Lệnh "${name}" không chạy được trong tiến trình chibo đang chạy; hãy dừng nó trước. / "${name}" cannot run inside the running chibo; stop it first.\n` });
    code = 2;
  } else {
    app.log.info({ command: name }, "admin command");
    const ctx: CommandContext = { cwd: request.cwd, inRunningProcess: true, openApp: async () => ({ ...app, close: async () => {} }) };
    code = await main(request.argv, envOfConfig(app.config), { stdin, stdout: writer("out"), stderr: writer("err") }, ctx);
  }
  send({ exit: code });
  socket.end();
}
