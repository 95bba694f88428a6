import { migrateToLatest } from "../db/migrator.js";
import { quietConfig, type Command } from "./command.js";

/** `chibo migrate`: apply pending migrations; exits non-zero when one fails. */
export const runMigrate: Command = async (_args, env, io, ctx) => {
  const app = await ctx.openApp(await quietConfig(env), { migrate: false });
  try {
    const applied = await migrateToLatest(app.database.db);
    io.stdout.write(applied.length ? `Đã áp dụng ${applied.length} migration: ${applied.join(", ")}\n` : "Cơ sở dữ liệu đã ở phiên bản mới nhất.\n");
    return 0;
  } finally {
    await app.close();
  }
};
