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
  chibo import units|people|households|assignments FILE [--dry-run]  nhập đơn vị / đảng viên / hộ gia đình / phân công từ .xlsx hoặc .csv (tất cả hoặc không)
  chibo remind --at ISO [--dry-run] [--json]  các nhắc nhở đến hạn vào thời điểm đó
  chibo export FORM --period P [--org ID] --out FILE  xuất báo cáo ra Excel (.xlsx) hoặc .csv
  chibo export minutes|resolution --org CODE --period P --out FILE.docx  biên bản / nghị quyết sinh hoạt chi bộ (Word)
  chibo backup --out FILE             sao lưu toàn bộ dữ liệu vào một tệp
  chibo restore FILE                  khôi phục bản sao lưu vào cơ sở dữ liệu / thư mục dữ liệu trống
  chibo org merge|split|rename|close …   sáp nhập, chia tách, đổi tên, giải thể đơn vị từ một ngày (giữ lịch sử)
  chibo member transfer|leave|confirm …  chuyển sinh hoạt, ra khỏi danh sách, chuyển chính thức
`;

interface CommandEntry {
  /** Loaded only when the command runs, so `chibo --help` stays fast and each command loads only what it uses. */
  load(): Promise<Command>;
  /**
   * While `chibo start` holds the embedded database folder, run this command inside that process
   * (through its admin socket) instead of being refused.
   */
  office?: boolean;
}

/** Every `chibo` subcommand. To add one: a file in src/cli/, one row here, one line in USAGE. */
const COMMANDS: Record<string, CommandEntry> = {
  start: { load: async () => (await import("./cli/start-command.js")).runStartCommand },
  migrate: { load: async () => (await import("./cli/migrate-command.js")).runMigrate, office: true },
  seed: { load: async () => (await import("./cli/seed-command.js")).runSeed, office: true },
  chat: { load: async () => (await import("./cli/chat-command.js")).runChat, office: true },
  invite: { load: async () => (await import("./cli/invite-command.js")).runInvite, office: true },
  parse: { load: async () => (await import("./cli/parse-command.js")).runParseCommand },
  import: { load: async () => (await import("./cli/import-command.js")).runImport, office: true },
  remind: { load: async () => (await import("./cli/remind-command.js")).runRemind, office: true },
  export: { load: async () => (await import("./cli/export-command.js")).runExport, office: true },
  backup: { load: async () => (await import("./cli/backup-command.js")).runBackup, office: true },
  restore: { load: async () => (await import("./cli/backup-command.js")).runRestore },
  org: { load: async () => (await import("./cli/org-command.js")).runOrg, office: true },
  member: { load: async () => (await import("./cli/member-command.js")).runMember, office: true },
};

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
      io.stderr.write(`${error.message}\n\n${USAGE}`);
      return 2;
    }
    io.stderr.write(`Lỗi: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}
