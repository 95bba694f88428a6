import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { BackupError, restoreBackup, writeBackup } from "../ops/backup.js";
import { quietConfig, type Command } from "./command.js";

const RESTORE_REFUSED: Record<BackupError["code"], string> = {
  not_a_backup: "Tệp này không phải bản sao lưu của chibo.",
  newer_version: "Bản sao lưu này do một phiên bản chibo mới hơn tạo ra; hãy cập nhật chibo rồi khôi phục lại.",
  not_empty: "Chỉ khôi phục vào cơ sở dữ liệu hoặc thư mục dữ liệu trống; nơi này đã có dữ liệu, không ghi gì.",
  truncated: "Bản sao lưu bị thiếu phần cuối (tệp hỏng hoặc chép dở); không ghi gì.",
  key_required: "Bản sao lưu này đã được mã hóa: hãy đặt biến môi trường BACKUP_KEY đúng khóa đã dùng khi sao lưu; không ghi gì.",
  wrong_key: "Sai khóa giải mã: BACKUP_KEY không phải khóa đã dùng khi sao lưu tệp này; không ghi gì.",
  tampered: "Bản sao lưu đã bị thay đổi hoặc hỏng sau khi tạo (không khớp mã xác thực); từ chối khôi phục, không ghi gì.",
};

/**
 * `chibo backup --out FILE`: the whole store in one file (chibo's own format, see ops/backup.ts).
 * While `chibo start` holds the embedded folder, it runs inside that process.
 */
export const runBackup: Command = async (args, env, io, ctx) => {
  const { values } = parseArgs({ args, options: { out: { type: "string" } }, allowPositionals: false });
  if (!values.out) {
    io.stderr.write("Cách dùng: chibo backup --out TỆP\n");
    return 2;
  }
  const config = await quietConfig(env);
  const app = await ctx.openApp(config);
  try {
    const key = config.BACKUP_KEY;
    const summary = await writeBackup(app.database.db, resolve(ctx.cwd, values.out), app.database.engine, new Date(), key ? { key } : {});
    io.stdout.write(`Đã sao lưu ${summary.rows} dòng của ${summary.tables} bảng vào ${values.out}${key ? " (đã mã hóa bằng BACKUP_KEY)" : ""}\n`);
    app.log.info({ tables: summary.tables, rows: summary.rows }, "backup written");
    return 0;
  } finally {
    await app.close();
  }
};

/** `chibo restore FILE`: load a backup into an empty database or data folder (then migrate to this version). */
export const runRestore: Command = async (args, env, io, ctx) => {
  const { positionals } = parseArgs({ args, allowPositionals: true });
  const file = positionals[0];
  if (!file || positionals.length > 1) {
    io.stderr.write("Cách dùng: chibo restore TỆP (vào cơ sở dữ liệu hoặc thư mục dữ liệu trống)\n");
    return 2;
  }
  const config = await quietConfig(env);
  const app = await ctx.openApp(config, { migrate: false });
  try {
    const summary = await restoreBackup(app.database.db, resolve(ctx.cwd, file), config.BACKUP_KEY ? { key: config.BACKUP_KEY } : {});
    io.stdout.write(`Đã khôi phục ${summary.rows} dòng của ${summary.tables} bảng từ ${file}\n`);
    app.log.info({ tables: summary.tables, rows: summary.rows }, "backup restored");
    return 0;
  } catch (error) {
    if (error instanceof BackupError) {
      io.stderr.write(`${RESTORE_REFUSED[error.code]}\n(${error.message})\n`);
      return 1;
    }
    if ((error as NodeJS.ErrnoException).code === "ENOENT") {
      io.stderr.write(`Không tìm thấy tệp "${file}".\n`);
      return 1;
    }
    throw error;
  } finally {
    await app.close();
  }
};
