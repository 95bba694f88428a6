import { createConnection, type Socket } from "node:net";
import { createInterface } from "node:readline";
import type { Io } from "../cli/command.js";
import { adminSocketPath, type AdminRequest, type ClientFrame, type ServerFrame } from "./admin-protocol.js";

/** Errors that mean "no chibo is listening here": run the command locally instead. */
const NOBODY_LISTENING = new Set(["ENOENT", "ECONNREFUSED", "ENOTSOCK", "ENOTDIR"]);

/** Commands whose stdin is part of the task (the terminal chat); the others never read it. */
const READS_STDIN = new Set(["chat"]);

function connect(path: string): Promise<Socket | null> {
  return new Promise((resolve, reject) => {
    const socket = createConnection({ path });
    socket.once("connect", () => {
      socket.off("error", onError);
      resolve(socket);
    });
    const onError = (error: NodeJS.ErrnoException) => (NOBODY_LISTENING.has(error.code ?? "") ? resolve(null) : reject(error));
    socket.once("error", onError);
  });
}

/**
 * Run an office command inside the `chibo start` that holds the data folder, streaming its output
 * here; resolves to its exit code, or null when no running chibo listens on the folder's admin socket.
 */
export async function forwardToRunningProcess(dataDir: string, argv: string[], io: Io, cwd: string): Promise<number | null> {
  const socket = await connect(adminSocketPath(dataDir, cwd));
  if (!socket) return null;
  const send = (frame: AdminRequest | ClientFrame) => socket.write(`${JSON.stringify(frame)}\n`);
  send({ argv, cwd });

  const forwardsStdin = READS_STDIN.has(argv[0] ?? "");
  const onInput = (chunk: Buffer | string) => send({ in: chunk.toString() });
  const onInputEnd = () => send({ end: true });
  if (forwardsStdin) {
    io.stdin.on("data", onInput);
    io.stdin.once("end", onInputEnd);
  } else {
    send({ end: true });
  }

  let exit: number | null = null;
  socket.on("error", () => {}); // a reset ends the line reader below; the missing exit code says the rest
  for await (const line of createInterface({ input: socket, crlfDelay: Infinity })) {
    let frame: ServerFrame;
    try {
      frame = JSON.parse(line) as ServerFrame;
    } catch {
      continue;
    }
    if ("out" in frame) io.stdout.write(frame.out);
    else if ("err" in frame) io.stderr.write(frame.err);
    else if ("exit" in frame) exit = frame.exit;
  }
  socket.destroy();
  if (forwardsStdin) {
    io.stdin.off("data", onInput);
    io.stdin.off("end", onInputEnd);
    io.stdin.pause();
  }
  if (exit === null) {
    io.stderr.write("Tiến trình chibo đang chạy đã ngắt kết nối trước khi lệnh xong. / The running chibo closed the connection before the command finished.\n");
    return 1;
  }
  return exit;
}
