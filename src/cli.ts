import { parseArgs } from "node:util";
import { openApp } from "./app.js";
import { ConfigError, loadConfig, type Config } from "./config.js";
import { DataDirLockedError } from "./db/data-dir-lock.js";
import { DemoRefusedError, seedDemo } from "./db/demo-seed.js";
import { createI18n } from "./messaging/i18n.js";
import { MigrationError, migrateToLatest } from "./db/migrator.js";
import { listPeopleWithRoles } from "./db/person.repository.js";
import { chatAs, runStart, type Io } from "./main.js";
import { runImport } from "./cli/import-command.js";
import { runRemind } from "./cli/remind-command.js";
import { runExport } from "./cli/export-command.js";
import { runParse } from "./cli/parse-command.js";
import { runOrg } from "./cli/org-command.js";
import { runMember } from "./cli/member-command.js";
import { createInvite } from "./services/link.service.js";
import { findPersonByRef } from "./services/person-lookup.service.js";
import { formatDateVi, localDate } from "./domain/time.js";

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
  chibo org merge|rename|close …      sáp nhập, đổi tên, giải thể đơn vị từ một ngày (giữ lịch sử)
  chibo member transfer|leave|confirm …  chuyển sinh hoạt, ra khỏi danh sách, chuyển chính thức
`;

type Command = (args: string[], env: Record<string, string | undefined>, io: Io) => Promise<number>;

/** In chat and start-console mode the terminal is the chat: keep logs to warnings unless asked. */
function quietConfig(env: Record<string, string | undefined>): Config {
  return loadConfig({ ...env, LOG_LEVEL: env.LOG_LEVEL ?? "warn" });
}

const commands: Record<string, Command> = {
  import: runImport,
  remind: runRemind,
  export: runExport,
  parse: (args, _env, io) => runParse(args, io),
  org: runOrg,
  member: runMember,

  async start(_args, env, io) {
    const config = loadConfig(env);
    const hasToken = Boolean(config.TELEGRAM_BOT_TOKEN || config.ZALO_BOT_TOKEN);
    return runStart(hasToken ? config : quietConfig(env), io);
  },

  async migrate(_args, env, io) {
    const app = await openApp(quietConfig(env), { migrate: false });
    try {
      const applied = await migrateToLatest(app.database.db);
      io.stdout.write(applied.length ? `Đã áp dụng ${applied.length} migration: ${applied.join(", ")}\n` : "Cơ sở dữ liệu đã ở phiên bản mới nhất.\n");
      return 0;
    } finally {
      await app.close();
    }
  },

  async seed(args, env, io) {
    const { values } = parseArgs({ args, options: { demo: { type: "boolean" }, json: { type: "boolean" } }, allowPositionals: false });
    if (!values.demo) {
      io.stderr.write("Chỉ hỗ trợ: chibo seed --demo [--json]\n");
      return 2;
    }
    const config = quietConfig(env);
    const app = await openApp(config);
    try {
      let seeded: boolean;
      try {
        seeded = await seedDemo(app.database.db);
      } catch (error) {
        if (!(error instanceof DemoRefusedError)) throw error;
        io.stderr.write(`${createI18n().t(config.LOCALE_DEFAULT, "seed-demo-refused")}\n`);
        return 1;
      }
      if (values.json) {
        const people = await listPeopleWithRoles(app.database.db);
        io.stdout.write(
          `${JSON.stringify(
            people.map((p) => ({
              id: p.id,
              code: p.code,
              name: p.full_name,
              cell_id: p.cell_id,
              cell: p.cell_name,
              roles: p.roles.map((r) => ({ role: r.role, org_id: r.org_id, org: r.org_name })),
            })),
            null,
            2,
          )}\n`,
        );
      } else {
        io.stdout.write(seeded ? "Đã tạo tỉnh mẫu.\n" : "Tỉnh mẫu đã có sẵn, không tạo lại.\n");
      }
      return 0;
    } finally {
      await app.close();
    }
  },

  async chat(args, env, io) {
    const { values } = parseArgs({ args, options: { as: { type: "string" }, guest: { type: "string" } }, allowPositionals: false });
    if (!values.as && !values.guest) {
      io.stderr.write("Cần --as PERSON (id hoặc mã người) hoặc --guest TÊN.\n");
      return 2;
    }
    const app = await openApp(quietConfig(env));
    try {
      if (values.guest) return await chatAs(app, { guest: values.guest.replace(/[^A-Za-z0-9_-]/g, "").slice(0, 32) || "guest" }, io);
      const person = await findPersonByRef(app.database.db, values.as as string);
      if (!person) {
        io.stderr.write(`Không tìm thấy người "${values.as}". Dùng mã đảng viên trong tệp đã nhập (với tỉnh mẫu: xem danh sách bằng chibo seed --demo --json).\n`);
        return 1;
      }
      return await chatAs(app, person.id, io);
    } finally {
      await app.close();
    }
  },

  async invite(args, env, io) {
    const { positionals } = parseArgs({ args, allowPositionals: true });
    const ref = positionals[0];
    if (!ref) {
      io.stderr.write("Cần PERSON: chibo invite PERSON (id hoặc mã người)\n");
      return 2;
    }
    const app = await openApp(quietConfig(env));
    try {
      const person = await findPersonByRef(app.database.db, ref);
      if (!person) {
        io.stderr.write(`Không tìm thấy người "${ref}".\n`);
        return 1;
      }
      const now = new Date();
      const invite = await createInvite(app.database.db, person.id, null, now);
      const until = formatDateVi(localDate(invite.expiresAt, app.config.TZ_DEFAULT));
      io.stdout.write(
        [
          `Mã mời cho ${person.full_name}: ${invite.code}`,
          `Dùng một lần, hết hạn ngày ${until}.`,
          `Zalo hoặc Telegram: gửi cho bot "/lienket ${invite.code}"`,
          `Telegram: https://t.me/${app.config.TELEGRAM_BOT_USERNAME ?? "<tên_bot>"}?start=${invite.code}`,
          "",
        ].join("\n"),
      );
      return 0;
    } finally {
      await app.close();
    }
  },

};

/** Run the `chibo` command; returns the exit code. Errors print in Vietnamese (and English), never a stack. */
export async function main(argv: string[], env: Record<string, string | undefined> = process.env, io: Io = process): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === "help" || name === "--help" || name === "-h") {
    io.stdout.write(USAGE);
    return name ? 0 : 2;
  }
  const command = commands[name];
  if (!command) {
    io.stderr.write(`Không có lệnh "${name}".\n\n${USAGE}`);
    return 2;
  }
  try {
    return await command(args, env, io);
  } catch (error) {
    if (error instanceof ConfigError || error instanceof DataDirLockedError || error instanceof MigrationError) {
      io.stderr.write(`${error.message}\n`);
      return 1;
    }
    if (error instanceof TypeError && (error as { code?: string }).code?.startsWith("ERR_PARSE_ARGS")) {
      io.stderr.write(`${error.message}\n\n${USAGE}`);
      return 2;
    }
    io.stderr.write(`Lỗi: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}
