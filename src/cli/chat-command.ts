import { parseArgs } from "node:util";
import { chatAs } from "../main.js";
import { findPersonByRef } from "../services/person-lookup.service.js";
import { quietConfig, type Command } from "./command.js";

/** `chibo chat --as PERSON` / `--guest NAME`: a terminal chat (stdin lines in, replies out). */
export const runChat: Command = async (args, env, io, ctx) => {
  const { values } = parseArgs({ args, options: { as: { type: "string" }, guest: { type: "string" } }, allowPositionals: false });
  if (!values.as && !values.guest) {
    io.stderr.write("Cần --as PERSON (id hoặc mã người) hoặc --guest TÊN.\n");
    return 2;
  }
  const app = await ctx.openApp(await quietConfig(env));
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
};
