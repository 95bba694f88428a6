import { parseArgs } from "node:util";
import { seedDemo } from "../db/demo-seed.js";
import { listPeopleWithRoles } from "../db/person.repository.js";
import { quietConfig, type Command } from "./command.js";

/** `chibo seed --demo [--json]`: the demo province; `--json` prints the people with their ids and roles. */
export const runSeed: Command = async (args, env, io, ctx) => {
  const { values } = parseArgs({ args, options: { demo: { type: "boolean" }, json: { type: "boolean" } }, allowPositionals: false });
  if (!values.demo) {
    io.stderr.write("Chỉ hỗ trợ: chibo seed --demo [--json]\n");
    return 2;
  }
  const app = await ctx.openApp(await quietConfig(env));
  try {
    const seeded = await seedDemo(app.database.db);
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
