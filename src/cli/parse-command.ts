/**
 * `chibo parse FORM [--now ISO] [--jsonl]`: report text on stdin → the parse JSON
 * (DESIGN.md, Contracts). Without --jsonl all of stdin is one message and one JSON line
 * is printed; with --jsonl every input line `{"text", "now"?}` gives one output line,
 * and a bad line gives `{"ok":false,"errors":["bad_input: …"]}` without stopping.
 */
import { FORMS, isFormName, parseReport } from "../domain/parse/index.js";

export interface ParseCommandIo {
  stdin: NodeJS.ReadableStream;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

const USAGE = `Cách dùng: chibo parse <${FORMS.join("|")}> [--now ISO] [--jsonl]\n`;

/** Runs the command; resolves to the process exit code. */
export async function runParse(args: string[], io: ParseCommandIo): Promise<number> {
  let form: string | undefined;
  let nowArg: string | undefined;
  let jsonl = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (a === "--jsonl") jsonl = true;
    else if (a === "--now") {
      nowArg = args[++i];
      if (nowArg === undefined) return fail(io, "Thiếu giá trị cho --now (thời điểm ISO, ví dụ 2025-11-20T10:00:00+07:00).\n");
    } else if (a.startsWith("--now=")) nowArg = a.slice("--now=".length);
    else if (a === "-h" || a === "--help") {
      io.stdout.write(USAGE);
      return 0;
    } else if (a.startsWith("-")) return fail(io, `Tùy chọn không hợp lệ: ${a}\n${USAGE}`);
    else if (form === undefined) form = a;
    else return fail(io, `Thừa tham số: ${a}\n${USAGE}`);
  }
  if (form === undefined) return fail(io, `Thiếu tên biểu mẫu.\n${USAGE}`);
  if (!isFormName(form)) return fail(io, `Không có biểu mẫu "${form}". Các biểu mẫu: ${FORMS.join(", ")}.\n`);
  let defaultNow = new Date();
  if (nowArg !== undefined) {
    defaultNow = new Date(nowArg);
    if (Number.isNaN(defaultNow.getTime())) return fail(io, `Thời điểm --now không hợp lệ: ${nowArg}\n`);
  }

  const input = await readAll(io.stdin);
  if (!jsonl) {
    await write(io.stdout, JSON.stringify(parseReport(form, input, { now: defaultNow })) + "\n");
    return 0;
  }
  for (const line of input.split(/\r?\n/)) {
    if (line.trim() === "") continue;
    await write(io.stdout, JSON.stringify(parseLine(form, line, defaultNow)) + "\n");
  }
  return 0;
}

function parseLine(form: Parameters<typeof parseReport>[0], line: string, defaultNow: Date): unknown {
  let obj: unknown;
  try {
    obj = JSON.parse(line);
  } catch (e) {
    return { ok: false, errors: [`bad_input: not JSON (${(e as Error).message})`] };
  }
  if (typeof obj !== "object" || obj === null || typeof (obj as { text?: unknown }).text !== "string") {
    return { ok: false, errors: ["bad_input: expected an object with a string \"text\""] };
  }
  const { text, now } = obj as { text: string; now?: unknown };
  let at = defaultNow;
  if (now !== undefined && now !== null) {
    if (typeof now !== "string" || Number.isNaN(new Date(now).getTime())) {
      return { ok: false, errors: ["bad_input: \"now\" is not an ISO time"] };
    }
    at = new Date(now);
  }
  return parseReport(form, text, { now: at });
}

function fail(io: ParseCommandIo, message: string): number {
  io.stderr.write(message);
  return 2;
}

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString("utf8");
}

function write(stream: NodeJS.WritableStream, text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    stream.write(text, (err?: Error | null) => (err ? reject(err) : resolve()));
  });
}

/** `chibo parse` in the command table (it needs no database). */
export const runParseCommand = (args: string[], _env: unknown, io: ParseCommandIo): Promise<number> => runParse(args, io);
