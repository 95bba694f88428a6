import { localContext, type Command, type CommandContext, type Env, type Io } from "./cli/command.js";
import { forwardToRunningProcess } from "./ops/admin-client.js";

const USAGE = `chibo — trợ lý chi bộ

Cách dùng / usage:
  chibo start                         chạy bot (console trên dữ liệu mẫu nếu chưa có token)
  chibo migrate                       áp dụng migration
  chibo seed --demo [--json]          tạo tỉnh mẫu; --json in danh sách người
  chibo chat --as PERSON              trò chuyện trên terminal với tư cách một người (id hoặc mã)
  chibo chat --guest NAME             trò chuyện như một tài khoản chưa liên kết
  chibo invite PERSON                 tạo mã mời dùng một lần (và đường dẫn Telegram)
  chibo parse FORM [--now ISO] [--jsonl]  đọc báo cáo từ stdin, in JSON
  chibo import units|people|households|assignments|criteria|villages FILE [--dry-run] [--on DATE]
                                      nhập đơn vị / đảng viên / hộ gia đình / phân công / bảng tiêu chí / hồ sơ thôn
                                      từ .xlsx hoặc .csv (tất cả hoặc không)
  chibo remind --at ISO [--since ISO] [--dry-run] [--json]  các nhắc nhở đến hạn vào thời điểm đó
  chibo remind --status [--json]      hàng đợi gửi tin: số tin theo trạng thái, các tin gửi hỏng
  chibo remind --settings --org CODE  cấu hình nhắc nhở đang áp dụng cho một đơn vị
  chibo remind --set FILE.json --org CODE [--from DATE]  lưu cấu hình nhắc nhở riêng của tỉnh, xã hoặc chi bộ
  chibo export FORM --period P [--org CODE] [--signer NAME] [--position TEXT] --out FILE
                                      xuất báo cáo ra Excel (.xlsx) hoặc .csv
  chibo export villages --period YYYY-Qn [--org CODE] --out FILE.xlsx  hồ sơ thôn của quý
  chibo export minutes|resolution --org CODE --period P --out FILE.docx  biên bản / nghị quyết sinh hoạt chi bộ (Word)
  chibo backup --out FILE             sao lưu toàn bộ dữ liệu vào một tệp
  chibo restore FILE                  khôi phục bản sao lưu vào cơ sở dữ liệu / thư mục dữ liệu trống
  chibo org merge|split|rename|close … --on DATE [--dry-run]  sáp nhập, chia tách, đổi tên, giải thể đơn vị (giữ lịch sử)
  chibo org go-live [DATE]            ngày tỉnh bắt đầu dùng chibo (trước đó: "chưa theo dõi")
  chibo member transfer PERSON --to CELL --on DATE [--dry-run]  chuyển sinh hoạt
  chibo member leave PERSON --reason "chuyển đi|ra khỏi Đảng|từ trần" --on DATE [--dry-run]
  chibo member confirm PERSON --on DATE [--dry-run]  dự bị → chính thức
  chibo member post PERSON --post bi-thu|pho-bi-thu|chi-uy|khong --on DATE [--dry-run]  chức vụ trong chi bộ (bầu bí thư mới…)

  chibo COMMAND --help                cách dùng chi tiết của một lệnh
`;

interface CommandEntry {
  /** Loaded only when the command runs, so `chibo --help` stays fast and each command loads only what it uses. */
  load(): Promise<Command>;
  /** The command's own usage (`chibo COMMAND --help`); default: its lines of USAGE. */
  usage?(locale: "vi" | "en"): Promise<string>;
  /**
   * While `chibo start` holds the embedded database folder, run this command inside that process
   * (through its admin socket) instead of being refused.
   */
  office?: boolean;
}

/** A usage text kept in the locale files (the command prints the same one on a wrong call). */
const localeUsage = (id: string) => async (locale: "vi" | "en") => {
  const { createI18n } = await import("./messaging/i18n.js");
  return `${createI18n().t(locale, id)}\n`;
};

/** Every `chibo` subcommand. To add one: a file in src/cli/, one row here, one line in USAGE. */
const COMMANDS: Record<string, CommandEntry> = {
  start: { load: async () => (await import("./cli/start-command.js")).runStartCommand },
  migrate: { load: async () => (await import("./cli/migrate-command.js")).runMigrate, office: true },
  seed: { load: async () => (await import("./cli/seed-command.js")).runSeed, office: true },
  chat: { load: async () => (await import("./cli/chat-command.js")).runChat, office: true },
  invite: { load: async () => (await import("./cli/invite-command.js")).runInvite, office: true },
  parse: { load: async () => (await import("./cli/parse-command.js")).runParseCommand },
  import: { load: async () => (await import("./cli/import-command.js")).runImport, office: true, usage: localeUsage("import-usage") },
  remind: { load: async () => (await import("./cli/remind-command.js")).runRemind, office: true, usage: async () => (await import("./cli/remind-command.js")).REMIND_USAGE },
  export: { load: async () => (await import("./cli/export-command.js")).runExport, office: true },
  backup: { load: async () => (await import("./cli/backup-command.js")).runBackup, office: true },
  restore: { load: async () => (await import("./cli/backup-command.js")).runRestore },
  org: { load: async () => (await import("./cli/org-command.js")).runOrg, office: true, usage: localeUsage("org-usage") },
  member: { load: async () => (await import("./cli/member-command.js")).runMember, office: true, usage: localeUsage("member-usage") },
};

/** Whether the arguments ask for help: `--help` or `-h` before any `--`. */
function asksForHelp(args: readonly string[]): boolean {
  const end = args.indexOf("--");
  return (end < 0 ? args : args.slice(0, end)).some((a) => a === "--help" || a === "-h");
}

/** A command's usage: its own, else the lines of USAGE that start with it. */
async function usageOf(name: string, env: Env): Promise<string> {
  const locale = env.LOCALE_DEFAULT?.trim() === "en" ? "en" : "vi";
  const own = await COMMANDS[name]?.usage?.(locale);
  if (own) return own;
  const lines = USAGE.split("\n");
  const picked: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!lines[i]!.startsWith(`  chibo ${name} `) && lines[i] !== `  chibo ${name}`) continue;
    picked.push(lines[i]!);
    // Continuation lines (indented past the command column) belong to the line above.
    while (i + 1 < lines.length && /^ {20,}\S/.test(lines[i + 1]!)) picked.push(lines[++i]!);
  }
  return `Cách dùng / usage:\n${picked.join("\n")}\n`;
}

/** node:util parseArgs's English refusal, in Vietnamese (the option or argument it names kept as typed). */
function parseArgsProblem(error: TypeError & { code: string }): string {
  const named = /'([^']+)'/.exec(error.message)?.[1] ?? "";
  if (error.code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") return `Tùy chọn không có: ${named}`;
  if (error.code === "ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL") return `Thừa tham số: ${named}`;
  if (/argument missing/.test(error.message)) return `Tùy chọn ${named.replace(/ <value>$/, "")} cần một giá trị`;
  if (/does not take an argument/.test(error.message)) return `Tùy chọn ${named} không nhận giá trị`;
  return `Tham số không hợp lệ: ${named || error.message}`;
}

/**
 * A reader that stops early (`chibo chat … | head -3`) closes stdout's pipe: the rest of the output has
 * nowhere to go, which is no failure of the command. Node reports it as an `error` event (EPIPE) that,
 * unheard, ends the process with a stack trace; heard here, the command ends with its own exit code.
 * Kept for the life of the stream: the last write's EPIPE can arrive after the command returned.
 */
function endQuietlyOnClosedPipe(stdout: NodeJS.WritableStream): void {
  stdout.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code !== "EPIPE" && error.code !== "ERR_STREAM_DESTROYED") throw error;
  });
}

/** Whether a command may run inside a running `chibo start` through its admin socket. */
export function isOfficeCommand(name: string): boolean {
  return COMMANDS[name]?.office === true;
}

/**
 * Run the `chibo` command; returns the exit code. Errors print in Vietnamese (and English), never a stack.
 * With the embedded database held by a running `chibo start`, office commands run inside that process.
 *
 * @example process.exitCode = await main(process.argv.slice(2))
 */
export async function main(argv: string[], env: Env = process.env, io: Io = process, ctx: CommandContext = localContext()): Promise<number> {
  endQuietlyOnClosedPipe(io.stdout);
  const [name, ...args] = argv;
  if (!name || name === "help" || name === "--help" || name === "-h") {
    io.stdout.write(USAGE);
    return name ? 0 : 2;
  }
  const entry = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!entry) {
    io.stderr.write(`Không có lệnh "${name}".\n\n${USAGE}`);
    return 2;
  }
  // Every command answers --help with its usage, before it opens anything.
  if (asksForHelp(args)) {
    io.stdout.write(await usageOf(name, env));
    return 0;
  }
  try {
    if (entry.office && !ctx.inRunningProcess && !env.DATABASE_URL?.trim()) {
      const forwarded = await forwardToRunningProcess(env.DATA_DIR?.trim() || "./data", argv, io, ctx.cwd);
      if (forwarded !== null) return forwarded;
    }
    const command = await entry.load();
    return await command(args, env, io, ctx);
  } catch (error) {
    const code = (error as { code?: unknown } | null)?.code;
    // Matched by code, not class: loading the error classes would load the config and database modules.
    if (code === "config_invalid" || code === "data_dir_locked" || code === "migration_failed") {
      io.stderr.write(`${(error as Error).message}\n`);
      return 1;
    }
    if (error instanceof TypeError && typeof code === "string" && code.startsWith("ERR_PARSE_ARGS")) {
      io.stderr.write(`${parseArgsProblem(error as TypeError & { code: string })}.\n\n${await usageOf(name, env)}`);
      return 2;
    }
    io.stderr.write(`Lỗi: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}
