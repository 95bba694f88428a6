import { parseArgs } from "node:util";
import { formatDateVi, localDate } from "../domain/time.js";
import { createInvite, linkedMessengers } from "../services/link.service.js";
import { zaloHow } from "../services/onboarding.service.js";
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
    const linked = await linkedMessengers(app.database.db, person.id);
    if (linked.length > 0) {
      // A second account is allowed (Zalo and Telegram both), but the office should know it is making one.
      const names = linked.map((c) => app.i18n.t("vi", `channel-${c}`)).join(", ");
      io.stderr.write(`Lưu ý: ${person.full_name} đã liên kết tài khoản ${names}. Mã này liên kết thêm một tài khoản nữa; tài khoản đã liên kết sẽ nhận tin báo khi mã được dùng.\n`);
    }
    const invite = await createInvite(app.database.db, person.id, null, now);
    const until = formatDateVi(localDate(invite.expiresAt, app.config.TZ_DEFAULT));
    const [zaloId, zaloArgs] = zaloHow({ ...(app.config.ZALO_BOT_NAME ? { name: app.config.ZALO_BOT_NAME } : {}), ...(app.config.ZALO_BOT_LINK ? { link: app.config.ZALO_BOT_LINK } : {}) }, invite.code);
    const bot = app.config.TELEGRAM_BOT_USERNAME;
    io.stdout.write(
      [
        `Mã mời cho ${person.full_name}: ${invite.code}`,
        `Dùng một lần, hết hạn ngày ${until}.`,
        app.i18n.t("vi", zaloId, zaloArgs),
        // The deep link is the command's contract (DESIGN.md); with no bot name set, its place is marked for the office to fill.
        bot ? `Telegram: https://t.me/${bot}?start=${invite.code}` : `Telegram: gửi cho bot "/lienket ${invite.code}", hoặc mở https://t.me/<tên_bot>?start=${invite.code} (tên bot: TELEGRAM_BOT_USERNAME)`,
        "",
      ].join("\n"),
    );
    return 0;
  } finally {
    await app.close();
  }
};
