import { parseArgs } from "node:util";
import { DemoRefusedError, seedDemo } from "../db/demo-seed.js";
import { createI18n } from "../messaging/i18n.js";
import { listPeopleWithRoles } from "../db/person.repository.js";
import { quietConfig, type Command } from "./command.js";

/** `chibo seed --demo [--json]`: the demo province; `--json` prints the people with their ids and roles. */
export const runSeed: Command = async (args, env, io, ctx) => {
  const { values } = parseArgs({ args, options: { demo: { type: "boolean" }, json: { type: "boolean" } }, allowPositionals: false });
  if (!values.demo) {
    io.stderr.write("Chỉ hỗ trợ: chibo seed --demo [--json]\n");
    return 2;
  }
  const config = await quietConfig(env);
  const app = await ctx.openApp(config);
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
};
