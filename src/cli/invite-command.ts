import { parseArgs } from "node:util";
import { formatDateVi, localDate } from "../domain/time.js";
import { createInvite } from "../services/link.service.js";
import { findPersonByRef } from "../services/person-lookup.service.js";
import { quietConfig, type Command } from "./command.js";

/** `chibo invite PERSON`: a one-time link code for a person, and the Telegram deep link. */
export const runInvite: Command = async (args, env, io, ctx) => {
  const { positionals } = parseArgs({ args, allowPositionals: true });
  const ref = positionals[0];
  if (!ref) {
    io.stderr.write("Cần PERSON: chibo invite PERSON (id hoặc mã người)\n");
    return 2;
  }
  const app = await ctx.openApp(await quietConfig(env));
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
};
